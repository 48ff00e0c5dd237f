"""Abstract base classes: ABCMeta, ABC, abstractmethod, and virtual subclasses (register)."""

__all__ = ["ABC", "ABCMeta", "abstractclassmethod", "abstractmethod", "abstractproperty",
           "abstractstaticmethod", "get_cache_token", "update_abstractmethods"]


def abstractmethod(funcobj):
    """A decorator marking a method abstract: classes with one cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    for part in ("fget", "fset", "fdel", "__func__"):
        inner = getattr(value, part, None)
        if inner is not None and getattr(inner, "__isabstractmethod__", False):
            return True
    return False


def _own_items(cls):
    names = getattr(cls, "__dict__", None)
    if names is None:
        return []
    return list(names.items())


def _abstracts_of(cls):
    abstracts = set()
    for name, value in _own_items(cls):
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def update_abstractmethods(cls):
    """Recomputes cls.__abstractmethods__ (after methods were added to an ABC)."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _abstracts_of(cls)
    return cls


_cache_token = [0]


def get_cache_token():
    """A token that changes whenever a virtual subclass is registered."""
    return _cache_token[0]


def _abstract_error(cls):
    names = sorted(cls.__abstractmethods__)
    noun = "method" if len(names) == 1 else "methods"
    return TypeError("Can't instantiate abstract class " + cls.__name__ + " with abstract "
                     + noun + " " + ", ".join(names))


class ABCMeta(type):
    """The metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstracts_of(cls)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        # (A class whose `__abstractmethods__` was deleted is not abstract.)
        if getattr(cls, "__abstractmethods__", None):
            raise _abstract_error(cls)
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Registers subclass as a virtual subclass of this ABC."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _cache_token[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if cls in getattr(subclass, "__mro__", ()):
            return True
        hook = getattr(cls, "__subclasshook__", None)
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        for sub in getattr(cls, "__subclasses__", list)():
            if sub is not cls and issubclass(subclass, sub):
                return True
        return False


class ABC(metaclass=ABCMeta):
    """A helper base class: `class C(ABC)` makes C an abstract base class."""
    __slots__ = ()
