"""Data classes: @dataclass builds __init__, __repr__, __eq__ (and ordering, hashing,
frozenness) from a class's annotated fields.

mtpy's own implementation with CPython's behaviour. The generated methods are closures over
the field list (no source text is generated or exec'd).
"""

import copy as _copy

__all__ = ["Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING", "asdict", "astuple",
           "dataclass", "field", "fields", "is_dataclass", "make_dataclass", "replace"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KwOnlyType:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KwOnlyType()


class InitVar:
    """InitVar[T]: a pseudo-field passed to __init__ and __post_init__ only."""

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, "__name__", None) or repr(self.type)
        return "dataclasses.InitVar[" + name + "]"

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"

_raw_setattr = object.__setattr__ if hasattr(object, "__setattr__") else setattr
_raw_delattr = object.__delattr__ if hasattr(object, "__delattr__") else delattr


class Field:
    """One field of a data class (what field() returns and fields() lists)."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + _type_repr(self.type)
                + ",default=" + repr(self.default) + ",default_factory=" + repr(self.default_factory)
                + ",init=" + repr(self.init) + ",repr=" + repr(self.repr) + ",hash=" + repr(self.hash)
                + ",compare=" + repr(self.compare) + ",metadata=" + _metadata_repr(self.metadata)
                + ",kw_only=" + repr(self.kw_only) + ",_field_type=" + str(self._field_type) + ")")


def _type_repr(t):
    if isinstance(t, type):
        return "<class '" + (t.__module__ + "." if t.__module__ != "builtins" else "") + t.__qualname__ + "'>"
    return repr(t)


def _metadata_repr(m):
    if not m:
        return "mappingproxy({})"
    return "mappingproxy(" + repr(m) + ")"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """The description of a field: its default (or default factory) and options."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=" + repr(self.init) + ",repr=" + repr(self.repr) + ",eq="
                + repr(self.eq) + ",order=" + repr(self.order) + ",unsafe_hash="
                + repr(self.unsafe_hash) + ",frozen=" + repr(self.frozen) + ")")


def _own_attr(cls, name, default):
    names = getattr(cls, "__dict__", None)
    if names is not None:
        return names.get(name, default)
    value = getattr(cls, name, default)
    for base in cls.__mro__[1:]:
        if getattr(base, name, default) is value and value is not default:
            return default
    return value


def _own_annotations(cls):
    ann = _own_attr(cls, "__annotations__", None)
    return {} if ann is None else ann


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith("ClassVar") or tp.startswith("typing.ClassVar")
    return getattr(tp, "__origin__", None) is _classvar_origin() or tp is _classvar_origin()


def _classvar_origin():
    import typing
    return typing.ClassVar


def _is_initvar(tp):
    return tp is InitVar or isinstance(tp, InitVar)


def _is_kw_only(tp):
    return tp is KW_ONLY


def _get_field(cls, name, tp, default_kw_only):
    default = _own_attr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type != _FIELD and f.default_factory is not MISSING:
        raise TypeError("field " + name + " cannot have a default factory")
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError("field " + name + " is a ClassVar but specifies kw_only")
    if f._field_type == _FIELD and isinstance(f.default, (list, dict, set)):
        raise ValueError("mutable default " + repr(type(f.default)) + " for field " + name
                         + " is not allowed: use default_factory")
    return f


def _set_new_attribute(cls, name, value):
    if _own_attr(cls, name, MISSING) is not MISSING:
        return True
    value.__qualname__ = cls.__qualname__ + "." + name
    value.__name__ = name
    setattr(cls, name, value)
    return False


def _plural(n, word):
    return str(n) + " " + word + ("" if n == 1 else "s")


def _names_text(names):
    quoted = ["'" + n + "'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + " and " + quoted[1]
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _too_many(qualname, positional, given):
    """CPython's message for too many positional arguments (self counted)."""
    most = len(positional) + 1
    least = 1 + len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
    if least == most:
        takes = str(most) + " positional argument" + ("" if most == 1 else "s")
    else:
        takes = "from " + str(least) + " to " + str(most) + " positional arguments"
    return qualname + "() takes " + takes + " but " + str(given + 1) + " were given"


def _make_init(cls, init_fields, post_init_names, frozen, all_fields):
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    seen_default = None
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = f
        elif seen_default is not None:
            raise TypeError("non-default argument " + repr(f.name) + " follows default argument")
    has_post_init = hasattr(cls, "__post_init__")
    qualname = cls.__qualname__ + ".__init__"
    names = [f.name for f in positional]
    no_init = [f for f in all_fields if not f.init and f._field_type == _FIELD]

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            raise TypeError(_too_many(qualname, positional, len(args)))
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for key in kwargs:
            f = None
            for candidate in init_fields:
                if candidate.name == key:
                    f = candidate
            if f is None:
                raise TypeError(qualname + "() got an unexpected keyword argument '" + key + "'")
            if key in values:
                raise TypeError(qualname + "() got multiple values for argument '" + key + "'")
            values[key] = kwargs[key]
        missing = [f.name for f in positional
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError(qualname + "() missing " + _plural(len(missing), "required positional argument")
                            + ": " + _names_text(missing))
        missing = [f.name for f in keyword_only
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError(qualname + "() missing " + _plural(len(missing), "required keyword-only argument")
                            + ": " + _names_text(missing))
        post_args = []
        for f in init_fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            else:
                value = f.default
            if f._field_type == _FIELD_INITVAR:
                post_args.append(value)
            elif frozen:
                _raw_setattr(self, f.name, value)
            else:
                setattr(self, f.name, value)
        for f in no_init:
            if f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                _raw_setattr(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*post_args)

    # what inspect.signature shows for the generated __init__
    __init__.__dataclass_init_fields__ = (positional, keyword_only)
    return __init__


def _make_repr(repr_fields):
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return "..."
        running.add(key)
        try:
            parts = [f.name + "=" + repr(getattr(self, f.name)) for f in repr_fields]
        finally:
            running.discard(key)
        return type(self).__qualname__ + "(" + ", ".join(parts) + ")"

    __repr__._dataclass_repr = True  # pprint formats such classes field by field
    return __repr__


def _values(self, compare_fields):
    return tuple(getattr(self, f.name) for f in compare_fields)


def _make_compare(op, compare_fields):
    def method(self, other):
        if other.__class__ is self.__class__:
            return op(_values(self, compare_fields), _values(other, compare_fields))
        return NotImplemented
    return method


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _eq(a, b):
    return a == b


def _make_frozen(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError("cannot assign to field " + repr(name))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError("cannot delete field " + repr(name))
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _make_hash(hash_fields):
    def __hash__(self):
        return hash(_values(self, hash_fields))
    return __hash__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
    own = []
    default_kw_only = kw_only
    for name, tp in _own_annotations(cls).items():
        if _is_kw_only(tp):
            default_kw_only = True
            continue
        f = _get_field(cls, name, tp, default_kw_only)
        own.append(f)
        all_fields[name] = f
        if isinstance(_own_attr(cls, name, None), Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    # (mtpy cannot delete class attributes yet: the Field stays.)
                    pass
            else:
                setattr(cls, name, f.default)
    setattr(cls, _FIELDS, all_fields)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    fields_list = [f for f in all_fields.values() if f._field_type == _FIELD]
    field_names = tuple(f.name for f in fields_list)
    init_fields = [f for f in all_fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init]
    if init:
        _set_new_attribute(cls, "__init__", _make_init(cls, init_fields, (), frozen, list(all_fields.values())))
    if repr:
        _set_new_attribute(cls, "__repr__", _make_repr([f for f in fields_list if f.repr]))
    compare_fields = [f for f in fields_list if f.compare]
    if eq:
        _set_new_attribute(cls, "__eq__", _make_compare(_eq, compare_fields))
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", _lt), ("__le__", _le), ("__gt__", _gt), ("__ge__", _ge)):
            if _set_new_attribute(cls, name, _make_compare(op, compare_fields)):
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__
                                + ". Consider using functools.total_ordering")
    if frozen:
        setter, deleter = _make_frozen(cls, field_names)
        for name, method in (("__setattr__", setter), ("__delattr__", deleter)):
            if _set_new_attribute(cls, name, method):
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__)
    hash_fields = [f for f in fields_list if (f.compare if f.hash is None else f.hash)]
    has_own_hash = _own_attr(cls, "__hash__", MISSING) is not MISSING
    if unsafe_hash:
        if has_own_hash and _own_attr(cls, "__hash__", None) is not None:
            raise TypeError("Cannot overwrite attribute __hash__ in class " + cls.__name__)
        cls.__hash__ = _make_hash(hash_fields)
    elif eq and frozen:
        cls.__hash__ = _make_hash(hash_fields)
    elif eq and not has_own_hash:
        cls.__hash__ = None
    if match_args:
        _set_new_attribute_plain(cls, "__match_args__",
                                 tuple(f.name for f in init_fields if not f.kw_only) if init else ())
    if not getattr(cls, "__doc__", None):
        cls.__doc__ = cls.__name__ + "(" + ", ".join(f.name + ": " + _annotation_text(f.type)
                                                     for f in fields_list) + ")"
    if slots:
        cls = _add_slots(cls, field_names)
    return cls


def _add_slots(cls, field_names):
    """The class made again with `__slots__` of its fields (slots=True)."""
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(getattr(base, "__slots__", ()))
    ns = dict(cls.__dict__)
    ns["__slots__"] = tuple(n for n in field_names if n not in inherited)
    for name in field_names:
        ns.pop(name, None)
    ns.pop("__dict__", None)
    ns.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, ns)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    return new_cls


def _annotation_text(tp):
    if isinstance(tp, type):
        return tp.__name__
    return repr(tp)


def _set_new_attribute_plain(cls, name, value):
    if _own_attr(cls, name, MISSING) is MISSING:
        setattr(cls, name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Adds the generated methods to a class, from its annotated fields."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The fields of a data class or instance, as a tuple of Field objects."""
    try:
        all_fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in all_fields.values() if f._field_type == _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a data class or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields of a data class instance as a dict, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if hasattr(type(obj), "_fields") and hasattr(obj, "_asdict"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a data class instance as a tuple, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if hasattr(type(obj), "_fields") and hasattr(obj, "_asdict"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance like obj, with some fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field " + f.name + " is declared with init=False, it cannot be "
                                 "specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar " + repr(f.name) + " must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **options):
    """A new data class named cls_name with the given fields ((name, type[, Field]) or name)."""
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = "typing.Any"
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            defaults[item[0]] = item[2]
    namespace = dict(namespace or {})
    namespace.update(defaults)
    namespace["__annotations__"] = annotations
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, **options)
