"""Names for the interpreter's types, SimpleNamespace, and the objects `list[int]`
(GenericAlias) and `int | None` (UnionType) stand for: the interpreter makes them with this
module's classes."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = FunctionType


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_co = _c()
CoroutineType = type(_co)
_co.close()
del _co


async def _ag():
    yield


AsyncGeneratorType = type(_ag())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
del _f, _g, _C


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made with."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        if getattr(self, "_SimpleNamespace__busy", False):
            return name + "(...)"
        object.__setattr__(self, "_SimpleNamespace__busy", True)
        try:
            items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items() if k != "_SimpleNamespace__busy")
        finally:
            del self.__dict__["_SimpleNamespace__busy"]
        return f"{name}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def _repr_item(x):
    if x is Ellipsis:
        return "..."
    if x is None or x is NoneType:
        return "None"
    if isinstance(x, (GenericAlias, UnionType)):
        return repr(x)
    try:
        qualname = x.__qualname__
        module = x.__module__
    except AttributeError:
        return repr(x)
    if module == "builtins":
        return qualname
    return f"{module}.{qualname}"


def _unionable(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType))


class GenericAlias:
    """A builtin class with type arguments: `list[int]`, `dict[str, int]`."""

    def __init__(self, origin, args, /):
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, "__origin__", origin)
        object.__setattr__(self, "__args__", args)
        object.__setattr__(self, "__parameters__",
                           tuple(a for a in args if type(a).__name__ in ("TypeVar", "ParamSpec", "TypeVarTuple")))

    def __repr__(self):
        if not self.__args__:
            return _repr_item(self.__origin__) + "[()]"
        return _repr_item(self.__origin__) + "[" + ", ".join(_repr_item(a) for a in self.__args__) + "]"

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getitem__(self, item):
        if not self.__parameters__:
            raise TypeError(f"There are no type variables left in {self!r}")
        if not isinstance(item, tuple):
            item = (item,)
        subst = dict(zip(self.__parameters__, item))
        return GenericAlias(self.__origin__, tuple(subst.get(a, a) for a in self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")


class UnionType:
    """`X | Y` of classes (and None): isinstance() accepts it."""

    def __init__(self, args, /):
        object.__setattr__(self, "__args__", args)

    @property
    def __parameters__(self):
        return ()

    def __repr__(self):
        return " | ".join(_repr_item(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return issubclass(cls, self.__args__)

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")


def _union(a, b):
    """`a | b` for classes, None, aliases and unions (NotImplemented for other operands)."""
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        parts = x.__args__ if isinstance(x, UnionType) else (x,)
        for p in parts:
            p = NoneType if p is None else p
            if p not in args:
                args.append(p)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


# The names CPython's module gives these classes.
GenericAlias.__module__ = "types"
UnionType.__module__ = "types"
SimpleNamespace.__module__ = "types"


# More of CPython's names.
CodeType = type(getattr(FunctionType, "__code__", None))
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.fromkeys)
MemberDescriptorType = type(None)


class getset_descriptor:
    """The `__dict__` and `__weakref__` entries of a class's namespace (what `vars(C)`
    shows for the first class of a hierarchy whose instances have them)."""

    __slots__ = ("__name__", "__objclass__")

    def __init__(self, name, objclass):
        object.__setattr__(self, "__name__", name)
        object.__setattr__(self, "__objclass__", objclass)

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        if self.__name__ == "__dict__":
            return obj.__dict__
        return None

    def __repr__(self):
        return "<attribute '%s' of '%s' objects>" % (self.__name__, self.__objclass__.__name__)


getset_descriptor.__module__ = "builtins"
GetSetDescriptorType = getset_descriptor

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(getattr(_e.__traceback__, "tb_frame", None))
    del _e


class mappingproxy:
    """A read-only view of a mapping."""

    def __init__(self, mapping):
        if not hasattr(mapping, "keys") or not hasattr(mapping, "__getitem__"):
            raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __or__(self, other):
        return dict(self._mapping) | other

    def __ror__(self, other):
        return other | dict(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return f"mappingproxy({self._mapping!r})"

    def __str__(self):
        return str(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __class_getitem__(cls, item):
        return GenericAlias(cls, item)


mappingproxy.__module__ = "builtins"

MappingProxyType = mappingproxy


def new_class(name, bases=(), kwds=None, exec_body=None):
    """A class made as a `class` statement with these bases and keywords would make it."""
    kwds = dict(kwds or {})
    meta = kwds.pop("metaclass", type)
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return meta(name, tuple(bases), ns, **kwds)


def resolve_bases(bases):
    return tuple(bases)


class _GeneratorWrapper:
    """What a `types.coroutine` generator function returns: its generator, awaitable."""

    def __init__(self, gen):
        self._gen = gen
        self.__name__ = getattr(gen, "__name__", None)
        self.__qualname__ = getattr(gen, "__qualname__", None)

    def send(self, value):
        return self._gen.send(value)

    def throw(self, typ, *rest):
        return self._gen.throw(typ, *rest)

    def close(self):
        return self._gen.close()

    def __next__(self):
        return next(self._gen)

    def __iter__(self):
        return self._gen

    __await__ = __iter__


def coroutine(func):
    """Makes a generator function's generators awaitable (an `await` runs the generator)."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    code = getattr(func, "__code__", None)
    if code is not None and code.co_flags & 0x280:
        # Already a coroutine function or an async generator function.
        return func

    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if isinstance(result, GeneratorType):
            return _GeneratorWrapper(result)
        return result

    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(wrapped, attr, getattr(func, attr))
        except AttributeError:
            pass
    wrapped.__wrapped__ = func
    return wrapped


class DynamicClassAttribute(property):
    pass
