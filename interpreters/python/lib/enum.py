"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

mtpy's own implementation with CPython 3.11's behaviour (reprs like `<Color.RED: 1>`,
lookup by value `Color(1)` and by name `Color['RED']`, iteration in definition order,
aliases for repeated values). The members are made by the metaclass, EnumType.
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
           "auto", "unique", "member", "nonmember", "property", "verify", "global_enum"]

_builtin_property = property


class auto:
    """auto(): the member's value is generated (_generate_next_value_)."""

    def __init__(self, value=None):
        self.value = "_auto_null" if value is None else value

    def __repr__(self):
        return "auto(" + str(self.value) + ")"


class member:
    """member(value): force value to be a member (e.g. a function)."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """nonmember(value): keep value as a plain class attribute."""

    def __init__(self, value):
        self.value = value


property = _builtin_property


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    prefix = "_" + cls_name.lstrip("_") + "__"
    return name.startswith(prefix) and not name.endswith("__")


def _is_descriptor(obj):
    if isinstance(obj, (staticmethod, classmethod, _builtin_property)):
        return True
    if callable(obj) and not isinstance(obj, auto):
        return True
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _first_enum_and_member_type(bases):
    """The last Enum class among bases, and the data type its members mix in (or object)."""
    if not bases:
        return object, None
    first_enum = bases[-1]
    if not isinstance(first_enum, EnumType):
        raise TypeError("new enumerations should be created as `EnumName([mixin_type, ...] "
                        "[data_type,] enum_type)`")
    member_type = object
    for chain in bases:
        for base in chain.__mro__:
            if base is object or isinstance(base, EnumType):
                continue
            if base in (int, str, float):
                member_type = base
                break
            if "__new__" in getattr(base, "__dict__", {}):
                member_type = base
                break
        if member_type is not object:
            break
    return member_type, first_enum


class _EnumDict(dict):
    """The namespace of an enumeration's class body: refuses to bind a member's name twice."""

    def __init__(self, cls_name, generate=None):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = set()
        self._ignore = ()
        # As the body runs, auto() values are made at once (so `ALL = READ | WRITE` sees
        # the values), by the _generate_next_value_ inherited or defined before them.
        self._generate = generate
        self._last_values = []

    def __setitem__(self, key, value):
        if key == "_ignore_":
            self._ignore = value.replace(",", " ").split() if isinstance(value, str) else list(value)
        elif key == "_generate_next_value_":
            self._generate = getattr(value, "__func__", value)
        elif not (_is_dunder(key) or _is_sunder(key) or _is_private(self._cls_name, key)
                  or key in self._ignore):
            is_member = not _is_descriptor(value) or isinstance(value, member)
            if key in self._member_names or (is_member and key in self):
                raise TypeError("%r already defined as %r" % (key, self[key]))
            if is_member:
                if self._generate is not None:
                    if isinstance(value, auto):
                        value = self._auto_value(key, value)
                    elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                        value = tuple(self._auto_value(key, v) if isinstance(v, auto) else v
                                      for v in value)
                self._member_names.add(key)
                self._last_values.append(value.value if isinstance(value, member) else value)
        super().__setitem__(key, value)

    def _auto_value(self, key, value):
        if value.value == "_auto_null":
            value.value = self._generate(key, 1, len(self._member_names), self._last_values[:])
        return value.value


class EnumType(type):
    """The metaclass of enumerations: makes the members, and lets the class be iterated,
    indexed by name and called with a value."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        first = bases[-1] if bases else None
        generate = getattr(first, "_generate_next_value_", None) if isinstance(first, EnumType) else None
        return _EnumDict(cls, generate)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = _first_enum_and_member_type(bases)
        members = []
        namespace = {}
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        for key, value in classdict.items():
            if key in ignore or key == "_ignore_":
                continue
            if isinstance(value, nonmember):
                namespace[key] = value.value
            elif isinstance(value, member):
                members.append((key, value.value))
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                  or _is_descriptor(value)):
                namespace[key] = value
            else:
                members.append((key, value))
        names = [k for k, _ in members]
        for name in ("mro", ""):
            if name in names:
                raise ValueError("Invalid enum member name: " + name)
        if first_enum is not None and "__new__" in namespace:
            # A class's own __new__ makes its members; lookups by value stay Enum.__new__.
            namespace["__new_member__"] = namespace.pop("__new__")
        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)
        if first_enum is not None:
            # Lookups by value are Enum.__new__'s, before a mixed-in type's (int.__new__).
            type.__setattr__(enum_class, "__new__", Enum.__new__)
        if member_type is not object:
            _keep_enum_methods(enum_class, namespace)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        enum_class._unhashable_values_ = []
        enum_class._member_type_ = member_type
        if members and any(isinstance(base, EnumType) and base._member_names_ for base in bases):
            raise TypeError(repr(cls) + " cannot extend " + repr(bases[-1]))
        generate = getattr(enum_class, "_generate_next_value_")
        last_values = []
        for index, (name, value) in enumerate(members):
            if isinstance(value, auto):
                if value.value == "_auto_null":
                    value.value = generate(name, 1, index, list(last_values))
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(generate(name, 1, index, list(last_values)) if isinstance(v, auto) else v
                              for v in value)
            last_values.append(value)
            enum_class._add_member_(name, value)
        if Flag is not None and issubclass(enum_class, Flag):
            enum_class._flag_mask_ = 0
            for m in enum_class._member_map_.values():
                enum_class._flag_mask_ |= m._value_
        return enum_class

    def _add_member_(cls, name, value):
        args = value if isinstance(value, tuple) else (value,)
        member_type = cls._member_type_
        own_new = getattr(cls, "__new_member__", None)
        if own_new is not None:
            obj = own_new(cls, *args)
        elif member_type is object:
            obj = object.__new__(cls)
        else:
            obj = member_type.__new__(cls, *args)
        if not hasattr(obj, "_value_"):
            if member_type is object:
                obj._value_ = value
            else:
                obj._value_ = member_type(*args)
        init = cls.__dict__.get("__init__") if hasattr(cls, "__dict__") else None
        if init is None:
            for base in cls.__mro__[1:]:
                if "__init__" in getattr(base, "__dict__", {}) and base not in (Enum, object):
                    init = base.__init__
                    break
        if init is not None and init is not object.__init__:
            init(obj, *args)
        value = obj._value_
        for existing in cls._member_map_.values():
            if existing._value_ == value and (Flag is None or not issubclass(cls, Flag)):
                cls._member_map_[name] = existing
                type.__setattr__(cls, name, existing)
                return
        obj._name_ = name
        obj.__objclass__ = cls
        obj._sort_order_ = len(cls._member_names_)
        if Flag is None or not issubclass(cls, Flag) or _power_of_two(value):
            # A flag's multi-bit (and zero) members are aliases: not iterated, not counted.
            cls._member_names_.append(name)
        cls._member_map_[name] = obj
        try:
            cls._value2member_map_[value] = obj
        except TypeError:
            cls._unhashable_values_.append(value)
        type.__setattr__(cls, name, obj)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        classdict = {}
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last = []
            for count, name in enumerate(names):
                value = cls._generate_next_value_(name, start, count, list(last))
                last.append(value)
                classdict[name] = value
        elif hasattr(names, "keys"):
            for name in names.keys():
                classdict[name] = names[name]
        else:
            for name, value in names:
                classdict[name] = value
        enum_class = EnumType.__new__(EnumType, class_name, bases, classdict)
        if module is None:
            module = _caller_module()
        enum_class.__module__ = module
        if qualname is not None:
            enum_class.__qualname__ = qualname
        return enum_class

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_
        except TypeError:
            return value in cls._unhashable_values_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag " + repr(cls.__name__) + ">"
        return "<enum " + repr(cls.__name__) + ">"

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {}) if hasattr(cls, "__dict__") else \
            getattr(cls, "_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member " + repr(name))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError(repr(cls.__name__) + " cannot delete member " + repr(name) + ".")
        super().__delattr__(name)


EnumMeta = EnumType


def _keep_enum_methods(enum_class, namespace):
    """Where a mixed-in data type (int, str) would give the members its repr/str/format,
    the enum classes' versions win (as in CPython)."""
    for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
        if name in namespace:
            continue
        owner = None
        for klass in enum_class.__mro__:
            if name in getattr(klass, "__dict__", {}):
                owner = klass
                break
        if owner is None or isinstance(owner, EnumType):
            continue
        for klass in enum_class.__mro__:
            if isinstance(klass, EnumType) and name in getattr(klass, "__dict__", {}):
                type.__setattr__(enum_class, name, klass.__dict__[name])
                break
Flag = None


def _caller_module():
    import sys
    getframe = getattr(sys, "_getframe", None)
    if getframe is not None:
        try:
            return getframe(3).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            pass
    return "__main__"


class Enum(metaclass=EnumType):
    """The base of enumerations: members are the class's constants, `<Color.RED: 1>`."""

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError("error in " + cls.__name__ + "._missing_: returned " + repr(result)
                            + " instead of None or a valid member")
        raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                continue
        raise TypeError("unable to sort non-numeric values")

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = self._member_type_.__repr__ if self._member_type_ is not object else repr
        return "<" + type(self).__name__ + "." + self._name_ + ": " + value_repr(self._value_) + ">"

    def __str__(self):
        return type(self).__name__ + "." + self._name_

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]

    @_builtin_property
    def name(self):
        """The name of the member."""
        return self._name_

    @_builtin_property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An Enum whose str() and format() are those of its mixed-in type."""


class IntEnum(int, ReprEnum):
    """An Enum whose members are ints."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self, format_spec)


class StrEnum(str, ReprEnum):
    """An Enum whose members are strs (auto() gives the lower-cased name)."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): " + repr(values))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(repr(values[0]) + " is not a string")
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(self, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _flag_bin(num, max_bits):
    """`0b0 0011`: the two's complement digits of `num`, at least `max_bits` of them."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace("1", "0", 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = s[:3], s[3:]
    if len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return sign + " " + digits


def _power_of_two(value):
    return value > 0 and value & (value - 1) == 0


class Flag(Enum):
    """An Enum whose members combine with | & ^ ~ (values are bit masks)."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for value in last_values:
            high = max(high, value)
        return 1 << high.bit_length() if high else 1

    _keep_unknown_ = False

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)
        mask = cls._flag_mask_
        if value < 0:
            if cls._keep_unknown_:
                all_bits = (1 << mask.bit_length()) - 1
                if value < ~all_bits or value & (all_bits ^ mask):
                    value = max(all_bits + 1, 1 << value.bit_length()) + value
                if value < 0:
                    value = all_bits + 1 + value
            else:
                value = value & mask if value >= -mask - 1 else value
        unknown = value & ~mask
        if unknown and not cls._keep_unknown_:
            bits = max(value.bit_length(), mask.bit_length())
            raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                             % (cls, value, _flag_bin(value, bits), _flag_bin(mask, bits)))
        pseudo = object.__new__(cls) if cls._member_type_ is object else cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._decompose(value)]
        if names and unknown:
            names.append(repr(unknown))
        pseudo._name_ = "|".join(names) if names else None
        cls._value2member_map_[value] = pseudo
        return pseudo

    @classmethod
    def _decompose(cls, value):
        result = []
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if _power_of_two(m._value_) and m._value_ & value == m._value_:
                result.append(m)
        return result

    def __iter__(self):
        return iter(type(self)._decompose(self._value_))

    def __len__(self):
        return len(type(self)._decompose(self._value_))

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': '" + type(other).__qualname__
                            + "' and '" + type(self).__qualname__ + "'")
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = type(self).__name__
        value_repr = repr(self._value_)
        if self._name_ is None:
            return "<" + cls_name + ": " + value_repr + ">"
        return "<" + cls_name + "." + self._name_ + ": " + value_repr + ">"

    def __str__(self):
        cls_name = type(self).__name__
        if self._name_ is None:
            return cls_name + "(" + repr(self._value_) + ")"
        return cls_name + "." + self._name_

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return type(self)(type(self)._flag_mask_ ^ self._value_)


class IntFlag(int, ReprEnum, Flag):
    """A Flag whose members are ints (values with unknown bits are kept)."""

    _keep_unknown_ = True

    def __invert__(self):
        return type(self)(~self._value_)

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self, format_spec)

    def __or__(self, other):
        if isinstance(other, int) and not isinstance(other, type(self)):
            other = type(self)(other)
        return Flag.__or__(self, other)

    def __and__(self, other):
        if isinstance(other, int) and not isinstance(other, type(self)):
            other = type(self)(other)
        return Flag.__and__(self, other)

    def __xor__(self, other):
        if isinstance(other, int) and not isinstance(other, type(self)):
            other = type(self)(other)
        return Flag.__xor__(self, other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def unique(enumeration):
    """A class decorator raising ValueError if an enumeration has aliases."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        details = ", ".join(alias + " -> " + name for alias, name in duplicates)
        raise ValueError("duplicate values found in " + repr(enumeration) + ": " + details)
    return enumeration


def verify(*checks):
    def decorating(enumeration):
        return enumeration
    return decorating


def global_enum(cls):
    return cls
