def abstractmethod(f):
    f.__isabstractmethod__ = True
    return f

class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {name for name, value in namespace.items() if getattr(value, "__isabstractmethod__", False)}
        for base in bases:
            for name in getattr(base, "__abstractmethods__", set()):
                value = getattr(cls, name, None)
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        return cls
    def register(cls, subclass):
        cls._abc_registry.append(subclass)
        return subclass
    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))
    def __subclasscheck__(cls, subclass):
        if cls in getattr(subclass, "__mro__", ()):
            return True
        for r in cls._abc_registry:
            if issubclass(subclass, r):
                return True
        hook = cls.__subclasshook__(subclass)
        if hook is not NotImplemented:
            return hook
        return False

class ABC(metaclass=ABCMeta):
    __slots__ = ()

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f"{type(self).__name__} area={self.area()}"

class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s

class Half(Shape):
    def area(self): return 0

for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
sq = Square(3)
print(sq.describe(), isinstance(sq, Shape), issubclass(Square, Shape), isinstance(3, Shape))
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__))

class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if any("__len__" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented
class HasLen:
    def __len__(self): return 0
class Deriv(HasLen): pass
print(isinstance(HasLen(), Sized), isinstance(3, Sized), issubclass(Deriv, Sized))
class Registered: pass
Shape.register(Registered)
print(isinstance(Registered(), Shape), issubclass(Registered, Shape))
print(type(Shape).__name__, Square.__mro__[-2].__name__)
