"""Type forms of builtin classes: `X | Y` (PEP 604, `types.UnionType`) and `list[int]`
(PEP 585, `types.GenericAlias`).

The interpreter calls `make` for `|` between classes and None, and `alias` for a builtin
class subscripted; the objects carry the operators on (`int | str | None`,
`list[int] | None`), and `isinstance`/`issubclass` accept unions.
"""


def _repr(t):
    if t is type(None):
        return "None"
    if isinstance(t, GenericAlias):
        return repr(t)
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return f"{t.__module__}.{t.__qualname__}"
    return repr(t)


def _args(x):
    if isinstance(x, UnionType):
        return x.__args__
    if x is None:
        return (type(None),)
    return (x,)


def _operand(x):
    return x is None or isinstance(x, (type, UnionType, GenericAlias))


def _arg_repr(a):
    if a is Ellipsis:
        return "..."
    if isinstance(a, (list, tuple)) and not isinstance(a, GenericAlias):
        return "[" + ", ".join(_arg_repr(x) for x in a) + "]"
    return _repr(a)


def alias(origin, args):
    g = object.__new__(GenericAlias)
    object.__setattr__(g, "_origin", origin)
    object.__setattr__(g, "_args", args if isinstance(args, tuple) else (args,))
    return g


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    @property
    def __origin__(self):
        return self._origin

    @property
    def __args__(self):
        return self._args

    @property
    def __parameters__(self):
        return ()

    def __call__(self, *args, **kwargs):
        return self._origin(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self._origin,)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self._origin, name)

    def __repr__(self):
        if self._args == ():
            return f"{_repr(self._origin)}[()]"
        return f"{_repr(self._origin)}[{', '.join(_arg_repr(a) for a in self._args)}]"

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self._origin == other._origin and self._args == other._args

    def __hash__(self):
        return hash(self._origin) ^ hash(self._args)

    def __or__(self, other):
        if not _operand(other):
            return NotImplemented
        return make(self, other)

    def __ror__(self, other):
        if not _operand(other):
            return NotImplemented
        return make(other, self)

    def __getitem__(self, params):
        raise TypeError(f"{self!r} is not a generic class")

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")


def make(a, b):
    args = []
    for t in _args(a) + _args(b):
        if t not in args:
            args.append(t)
    if len(args) == 1:
        return args[0]
    u = object.__new__(UnionType)
    object.__setattr__(u, "_args", tuple(args))
    return u


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""

    @property
    def __args__(self):
        return self._args

    @property
    def __parameters__(self):
        return ()

    def __setattr__(self, name, value):
        raise AttributeError(f"'types.UnionType' object has no attribute '{name}'")

    def __repr__(self):
        return " | ".join(_repr(t) for t in self._args)

    def __or__(self, other):
        if not _operand(other):
            return NotImplemented
        return make(self, other)

    def __ror__(self, other):
        if not _operand(other):
            return NotImplemented
        return make(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self._args) == set(other._args)

    def __hash__(self):
        return hash(frozenset(self._args))

    def __instancecheck__(self, obj):
        return isinstance(obj, self._args)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._args)


UnionType.__module__ = "types"
GenericAlias.__module__ = "types"
