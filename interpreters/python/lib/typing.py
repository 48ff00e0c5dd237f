"""Type hints: the names programs import (List, Dict, Optional, Union, Callable, TypeVar,
Generic, Protocol, NamedTuple, ...), with CPython's reprs.

Hints do nothing at run time; what matters is that they can be built, compared, printed and
inspected (get_origin, get_args, get_type_hints).
"""

import collections as _collections
import collections.abc as _abc
import functools as _functools
import types as _types

__all__ = [
    "AbstractSet", "Annotated", "Any", "AnyStr", "AsyncGenerator", "AsyncIterable",
    "AsyncIterator", "Awaitable", "ByteString", "Callable", "ChainMap", "ClassVar",
    "Collection", "Concatenate", "Container", "Coroutine", "Counter", "DefaultDict", "Deque",
    "Dict", "Final", "ForwardRef", "FrozenSet", "Generator", "Generic", "Hashable",
    "ItemsView", "Iterable", "Iterator", "KeysView", "List", "Literal", "LiteralString",
    "Mapping", "MappingView", "MutableMapping", "MutableSequence", "MutableSet", "NamedTuple",
    "Never", "NewType", "NoReturn", "NotRequired", "Optional", "OrderedDict", "ParamSpec",
    "Protocol", "Required", "Reversible", "Self", "Sequence", "Set", "Sized", "SupportsAbs",
    "SupportsBytes", "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt",
    "SupportsRound", "Text", "Tuple", "Type", "TypeAlias", "TypeGuard", "TypeVar",
    "TypeVarTuple", "TypedDict", "Union", "Unpack", "ValuesView", "TYPE_CHECKING", "cast",
    "final", "get_args", "get_origin", "get_type_hints", "no_type_check", "overload",
    "runtime_checkable",
]

TYPE_CHECKING = False

_NoneType = type(None)


def _type_repr(obj):
    """How a hint's argument prints inside the brackets."""
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    if obj is None:
        return "None"
    if isinstance(obj, (list, tuple)) and not isinstance(obj, _GenericAlias):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    if callable(obj) and hasattr(obj, "__name__") and not isinstance(obj, (_Final,)):
        module = getattr(obj, "__module__", None)
        if module and module != "builtins":
            return module + "." + obj.__qualname__
        return obj.__qualname__
    return repr(obj)


def _check(arg, msg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class _Final:
    """The base of typing's own objects."""

    def __init_subclass__(cls, /, *args, **kwds):
        pass


class ForwardRef(_Final):
    """A hint given as a string (a name not defined yet)."""

    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got " + repr(arg))
        self.__forward_arg__ = arg

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(("ForwardRef", self.__forward_arg__))

    def __repr__(self):
        return "ForwardRef(" + repr(self.__forward_arg__) + ")"


class _GenericAlias(_Final):
    """A subscripted hint: List[int], Dict[str, int], Box[T], ..."""

    def __init__(self, origin, args, name=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self.__parameters__ = tuple(a for a in args if isinstance(a, TypeVar))

    def __repr__(self):
        if self._name:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        if not self.__args__:
            return head + "[()]"
        return head + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if self._name and self.__origin__ in (list, dict, set, frozenset, tuple, type):
            raise TypeError("Type " + self._name + " cannot be instantiated; use "
                            + self.__origin__.__name__ + "() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getitem__(self, args):
        if not isinstance(args, tuple):
            args = (args,)
        substitution = dict(zip(self.__parameters__, args))
        new_args = tuple(substitution.get(a, a) if isinstance(a, TypeVar) else a for a in self.__args__)
        return _GenericAlias(self.__origin__, new_args, self._name)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _CallableAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return "typing.Callable[..., " + _type_repr(args[1]) + "]"
        return ("typing.Callable[[" + ", ".join(_type_repr(a) for a in args[:-1]) + "], "
                + _type_repr(args[-1]) + "]")


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[0] if args[1] is _NoneType else args[1]
            return "typing.Optional[" + _type_repr(other) + "]"
        return "typing.Union[" + ", ".join(_type_repr(a) for a in args) + "]"

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return "typing.Literal[" + ", ".join(repr(a) for a in self.__args__) + "]"

    def __eq__(self, other):
        # The order of the values does not matter (nor does `1` against `True`: CPython
        # compares the (value, type) pairs).
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set((a, type(a)) for a in self.__args__) == set((a, type(a)) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))


class _SpecialAlias(_Final):
    """An unsubscripted generic alias of a class: List, Dict, Deque, Iterable, ..."""

    def __init__(self, origin, name, nparams):
        self.__origin__ = origin
        self._name = name
        self._nparams = nparams

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Tuple":
            if len(params) == 2 and params[1] is ...:
                return _GenericAlias(tuple, (_check(params[0], ""), ...), "Tuple")
            return _GenericAlias(tuple, tuple(_check(p, "") for p in params), "Tuple")
        params = tuple(_check(p, "") for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too " + ("many" if len(params) > self._nparams else "few")
                            + " arguments for typing." + self._name + "; actual "
                            + str(len(params)) + ", expected " + str(self._nparams))
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self.__origin__ in (list, dict, set, frozenset, tuple, type):
            raise TypeError("Type " + self._name + " cannot be instantiated; use "
                            + self.__origin__.__name__ + "() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)


class _CallableSpecial(_SpecialAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            return _CallableAlias(_abc.Callable, (..., _check(result, "")), "Callable")
        if not isinstance(args, list):
            raise TypeError("Callable[args, result]: args must be a list. Got " + _type_repr(args))
        return _CallableAlias(_abc.Callable, tuple(_check(a, "") for a in args) + (_check(result, ""),),
                              "Callable")


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar, Final, Literal, ...: hints with their own rules."""

    def __init__(self, name, getitem):
        self._name = name
        self._getitem = getitem
        self.__doc__ = None

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate " + repr(self))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass " + repr(self))


def _not_subscriptable(self, parameters):
    raise TypeError(repr(self) + " is not subscriptable")


def _one_type(self, parameters):
    if isinstance(parameters, tuple):
        if len(parameters) != 1:
            raise TypeError(repr(self) + " accepts only single type.")
        parameters = parameters[0]
    return _GenericAlias(self, (_check(parameters, ""),), self._name)


def _union(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _check(p, "")
        if isinstance(p, _UnionAlias):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(Union, tuple(flat), "Union")


def _optional(self, parameters):
    return Union[parameters, None]


def _literal(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    unique = []
    for p in parameters:
        if p not in unique:
            unique.append(p)
    return _LiteralAlias(Literal, tuple(unique), "Literal")


def _annotated(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    alias = _AnnotatedAlias(params[0], params[1:])
    return alias


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,), None)
        self.__metadata__ = metadata

    def __repr__(self):
        return ("typing.Annotated[" + _type_repr(self.__origin__) + ", "
                + ", ".join(repr(a) for a in self.__metadata__) + "]")


Any = _SpecialForm("Any", _not_subscriptable)
NoReturn = _SpecialForm("NoReturn", _not_subscriptable)
Never = _SpecialForm("Never", _not_subscriptable)
Self = _SpecialForm("Self", _not_subscriptable)
LiteralString = _SpecialForm("LiteralString", _not_subscriptable)
TypeAlias = _SpecialForm("TypeAlias", _not_subscriptable)
ClassVar = _SpecialForm("ClassVar", _one_type)
Final = _SpecialForm("Final", _one_type)
TypeGuard = _SpecialForm("TypeGuard", _one_type)
Required = _SpecialForm("Required", _one_type)
NotRequired = _SpecialForm("NotRequired", _one_type)
Unpack = _SpecialForm("Unpack", _one_type)
Union = _SpecialForm("Union", _union)
Optional = _SpecialForm("Optional", _optional)
Literal = _SpecialForm("Literal", _literal)
Annotated = _SpecialForm("Annotated", _annotated)
Concatenate = _SpecialForm("Concatenate", lambda self, p: _GenericAlias(self, p, "Concatenate"))

List = _SpecialAlias(list, "List", 1)
Dict = _SpecialAlias(dict, "Dict", 2)
Set = _SpecialAlias(set, "Set", 1)
FrozenSet = _SpecialAlias(frozenset, "FrozenSet", 1)
Tuple = _SpecialAlias(tuple, "Tuple", -1)
Type = _SpecialAlias(type, "Type", 1)
Deque = _SpecialAlias(_collections.deque, "Deque", 1)
DefaultDict = _SpecialAlias(_collections.defaultdict, "DefaultDict", 2)
OrderedDict = _SpecialAlias(_collections.OrderedDict, "OrderedDict", 2)
Counter = _SpecialAlias(_collections.Counter, "Counter", 1)
ChainMap = _SpecialAlias(_collections.ChainMap, "ChainMap", 2)
Callable = _CallableSpecial(_abc.Callable, "Callable", 2)
Hashable = _SpecialAlias(_abc.Hashable, "Hashable", 0)
Sized = _SpecialAlias(_abc.Sized, "Sized", 0)
Awaitable = _SpecialAlias(_abc.Awaitable, "Awaitable", 1)
Coroutine = _SpecialAlias(_abc.Coroutine, "Coroutine", 3)
AsyncIterable = _SpecialAlias(_abc.AsyncIterable, "AsyncIterable", 1)
AsyncIterator = _SpecialAlias(_abc.AsyncIterator, "AsyncIterator", 1)
AsyncGenerator = _SpecialAlias(_abc.AsyncGenerator, "AsyncGenerator", 2)
Iterable = _SpecialAlias(_abc.Iterable, "Iterable", 1)
Iterator = _SpecialAlias(_abc.Iterator, "Iterator", 1)
Reversible = _SpecialAlias(_abc.Reversible, "Reversible", 1)
Generator = _SpecialAlias(_abc.Generator, "Generator", 3)
Container = _SpecialAlias(_abc.Container, "Container", 1)
Collection = _SpecialAlias(_abc.Collection, "Collection", 1)
AbstractSet = _SpecialAlias(_abc.Set, "AbstractSet", 1)
MutableSet = _SpecialAlias(_abc.MutableSet, "MutableSet", 1)
Mapping = _SpecialAlias(_abc.Mapping, "Mapping", 2)
MutableMapping = _SpecialAlias(_abc.MutableMapping, "MutableMapping", 2)
Sequence = _SpecialAlias(_abc.Sequence, "Sequence", 1)
MutableSequence = _SpecialAlias(_abc.MutableSequence, "MutableSequence", 1)
ByteString = _SpecialAlias(_abc.ByteString, "ByteString", 0)
MappingView = _SpecialAlias(_abc.MappingView, "MappingView", 1)
KeysView = _SpecialAlias(_abc.KeysView, "KeysView", 1)
ItemsView = _SpecialAlias(_abc.ItemsView, "ItemsView", 2)
ValuesView = _SpecialAlias(_abc.ValuesView, "ValuesView", 1)

Text = str


class TypeVar(_Final):
    """TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        self.__name__ = name
        self.__constraints__ = tuple(_check(c, "") for c in constraints)
        self.__bound__ = None if bound is None else _check(bound, "")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar("AnyStr", type(b""), str)


class Generic:
    """The base of user generic classes: `class Box(Generic[T])`, then `Box[int]`."""

    @classmethod
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError("Parameters to " + cls.__name__ + "[...] must all be type variables "
                                    "or parameter specification variables.")
            # Used as a base class: the alias's __mro_entries__ gives the class itself.
            return _GenericAlias(cls, params)
        return _GenericAlias(cls, tuple(_check(p, "") for p in params))

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        params = []
        for base in cls.__dict__.get("__orig_bases__", ()):
            for p in getattr(base, "__parameters__", ()):
                if p not in params:
                    params.append(p)
        cls.__parameters__ = tuple(params)


_PROTO_SKIP = frozenset({"__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__",
                         "__module__", "__new__", "__slots__", "__subclasshook__", "__weakref__",
                         "__class_getitem__", "__qualname__", "__parameters__", "__orig_bases__",
                         "__init_subclass__", "__match_args__", "_is_protocol", "_is_runtime_protocol"})


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        for attr in list(base.__dict__.keys()) + list(base.__dict__.get("__annotations__", {}).keys()):
            if not attr.startswith("_abc_") and attr not in _PROTO_SKIP:
                attrs.add(attr)
    return attrs


class _ProtocolMeta(type):
    """isinstance() and issubclass() with a @runtime_checkable protocol check its members."""

    def __instancecheck__(cls, instance):
        if not cls.__dict__.get("_is_protocol", False):
            return type.__instancecheck__(cls, instance)
        if not cls.__dict__.get("_is_runtime_protocol", False):
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        if type.__instancecheck__(cls, instance):
            return True
        for attr in _protocol_attrs(cls):
            if not hasattr(instance, attr):
                return False
            if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                return False
        return True

    def __subclasscheck__(cls, other):
        if not cls.__dict__.get("_is_protocol", False):
            return type.__subclasscheck__(cls, other)
        if not cls.__dict__.get("_is_runtime_protocol", False):
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        if not isinstance(other, type):
            raise TypeError("issubclass() arg 1 must be a class")
        for attr in _protocol_attrs(cls):
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
            else:
                return False
        return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of structural types (classes that only describe methods)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "_is_protocol" not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    """Marks a Protocol class as usable with isinstance()."""
    cls._is_runtime_protocol = True
    return cls


class SupportsInt(Protocol):
    pass


class SupportsFloat(Protocol):
    pass


class SupportsComplex(Protocol):
    pass


class SupportsBytes(Protocol):
    pass


class SupportsIndex(Protocol):
    pass


class SupportsAbs(Protocol):
    pass


class SupportsRound(Protocol):
    pass


def cast(typ, val):
    """Returns val unchanged (tells a type checker val has type typ)."""
    return val


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. A series of @overload-decorated "
        "functions outside a stub module should always be followed by an implementation "
        "that is not @overload-ed.")


def overload(func):
    """Marks an overload signature (the function must be followed by an implementation)."""
    return _overload_dummy


def final(f):
    """Marks a method or class final (for type checkers)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Marks a function or class as not type checked."""
    try:
        arg.__no_type_check__ = True
    except (AttributeError, TypeError):
        pass
    return arg


def get_origin(tp):
    """The unsubscripted version of a hint: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, (_types.GenericAlias, _types.UnionType)):
        return _types.UnionType if isinstance(tp, _types.UnionType) else tp.__origin__
    return None


def get_args(tp):
    """The arguments of a subscripted hint: get_args(Dict[str, int]) is (str, int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableAlias):
        args = tp.__args__
        if args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, (_GenericAlias, _types.GenericAlias, _types.UnionType)):
        return tp.__args__
    return ()


def _eval_hint(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        name = value.__forward_arg__
        for ns in (localns, globalns):
            if ns is not None and name in ns:
                return ns[name]
        import builtins
        if hasattr(builtins, name):
            return getattr(builtins, name)
        if not name.isidentifier():
            # An expression (`"List[int]"`, `"Optional[Node]"`): evaluated in the namespaces.
            return _eval_hint(eval(name, dict(globalns or {}), localns), globalns, localns)
        raise NameError("name '" + name + "' is not defined")
    return value


def _default_globals(obj):
    import sys
    if isinstance(obj, type):
        module = sys.modules.get(obj.__module__)
        return vars(module) if module is not None else None
    if hasattr(obj, "__globals__"):
        return obj.__globals__
    wrapped = getattr(obj, "__wrapped__", None)
    if wrapped is not None and hasattr(wrapped, "__globals__"):
        return wrapped.__globals__
    if type(obj).__name__ == "module":
        return vars(obj)
    return None


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (with its bases'), function or module, None as NoneType."""
    hints = {}
    if globalns is None:
        globalns = _default_globals(obj)
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {}) if hasattr(base, "__dict__") else \
                getattr(base, "__annotations__", {})
            for name, value in ann.items():
                hints[name] = _eval_hint(value, globalns, localns)
        return hints
    ann = getattr(obj, "__annotations__", None)
    if ann is None:
        return {}
    for name, value in ann.items():
        hints[name] = _eval_hint(value, globalns, localns)
    return hints


class NewType:
    """NewType(name, tp): a callable returning its argument, named for type checkers."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = _caller_module()

    def __repr__(self):
        return self.__module__ + "." + self.__qualname__

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _caller_module():
    import sys
    getframe = getattr(sys, "_getframe", None)
    if getframe is not None:
        try:
            return getframe(2).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            pass
    return "__main__"


_NT_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                            "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_NT_SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__", "__doc__"})


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    nm_tpl = _collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = {n: t for n, t in types}
    return nm_tpl


class _NamedTupleMeta(type):
    """The metaclass of NamedTuple: a class statement deriving from NamedTuple makes a
    namedtuple class (a tuple subclass) with the class body's methods."""

    def __new__(mcls, typename, bases, ns):
        if ns.get("_root", False):
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get("__annotations__", {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError("Non-default namedtuple field " + field_name + " cannot follow default field"
                                + ("s" if len(default_names) > 1 else "") + " " + ", ".join(default_names))
        nm_tpl = _make_nmtuple(typename, types.items(), ns.get("__module__", "__main__"),
                               [ns[n] for n in default_names])
        for key in ns:
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _NT_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if "__doc__" in ns and ns["__doc__"] is not None:
            nm_tpl.__doc__ = ns["__doc__"]
        if "__qualname__" in ns:
            nm_tpl.__qualname__ = ns["__qualname__"]
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords can be provided to NamedTuple, not both")
        return _make_nmtuple(typename, list(fields), _caller_module())


class NamedTuple(metaclass=_NamedTupleMeta):
    """`class P(NamedTuple): x: int; y: int = 0` makes P a namedtuple class."""
    _root = True


class TypedDict(dict):
    """`class Movie(TypedDict): name: str` makes Movie(...) build plain dicts."""

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("__annotations__", {})
        annotations = {}
        required, optional = set(), set()
        for base in reversed(cls.__mro__[1:]):
            if base is not TypedDict and issubclass(base, TypedDict):
                annotations.update(base.__dict__.get("__annotations__", {}))
                required |= getattr(base, "__required_keys__", set())
                optional |= getattr(base, "__optional_keys__", set())
        annotations.update(own)
        for k in own:
            (required if total else optional).add(k)
        cls.__annotations__ = annotations
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total
