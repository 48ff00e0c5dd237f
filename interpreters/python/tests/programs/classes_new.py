class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v):
        self.v = v
s1 = Singleton(1)
s2 = Singleton(2)
print(s1 is s2, s1.v)

class Point:
    def __new__(cls, x, y):
        obj = object.__new__(cls)
        obj.x = x
        return obj
    def __init__(self, x, y):
        self.y = y
p = Point(1, 2)
print(p.x, p.y)

class Weird:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Weird())

class Child(Point):
    def __new__(cls, *a):
        inst = super().__new__(cls, *a)
        inst.kind = "child"
        return inst
c = Child(3, 4)
print(c.x, c.y, c.kind, type(c).__name__)

try:
    object.__new__(Point, 1)
except TypeError as e:
    print("TypeError:", e)
class Plain: pass
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(3)
except TypeError as e:
    print("TypeError:", e)

class Abstractish:
    pass
Abstractish.__abstractmethods__ = frozenset({"run", "stop"})
try:
    Abstractish()
except TypeError as e:
    print("TypeError:", e)
Abstractish.__abstractmethods__ = frozenset()
print(type(Abstractish()).__name__)
try:
    Plain.__abstractmethods__
except AttributeError as e:
    print("AttributeError:", e)

class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class Even(metaclass=EvenMeta): pass
print(isinstance(4, Even), isinstance(3, Even), isinstance("x", (Even, str)), issubclass(bool, Even), issubclass(int, Even))

class A: pass
class B: pass
a = A()
a.__class__ = B
print(type(a).__name__, isinstance(a, B))
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)

class Outer:
    class Inner:
        def meth(self): pass
    def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, repr(Outer.Inner)[:30])
print(repr(Outer())[:28], str(Outer.Inner())[:34])
print(sorted(k for k in vars(Outer) if not k.startswith("__")), Outer.__dict__["m"].__name__)
print("m" in Outer.__dict__, "__module__" in Outer.__dict__, Outer.__doc__)
class Doc:
    """Docstring here."""
print(Doc.__doc__, Doc().__doc__)

class Base:
    def greet(self):
        return "base"
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def util():
        return "util"
class Der(Base):
    def greet(self):
        return "der+" + super().greet()
    @classmethod
    def make(cls):
        obj = super().make()
        obj.tag = cls.__name__
        return obj
    @staticmethod
    def util():
        return "der-" + Base.util()
d = Der.make()
print(d.greet(), d.tag, Der.util(), type(d).__name__, super(Der, d).greet())
print(Base.__subclasses__() == [Der], Der.__base__ is Base, Der.__bases__)

def f(a, b=2, *, c=3):
    return a + b + c
f.extra = "yes"
print(f.__dict__, f.__kwdefaults__, f.__defaults__, f.__name__)
f.__defaults__ = (10,)
print(f(1))
def deco(fn):
    def wrapper(*a, **k):
        return fn(*a, **k)
    wrapper.__wrapped__ = fn
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper
@deco
def g():
    "g doc"
    return 1
print(g.__name__, g.__wrapped__.__name__, g.__doc__, g())
del f.extra
print(f.__dict__)
try:
    del f.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(object.__init__, object.__eq__(1, 1), object.__eq__(1, 2), object().__hash__() == hash(object()) or True)
print(type.__name__, object.__bases__, type.__bases__, type.__mro__)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(str(Outer)[:20], str(Der), repr(int), repr(type))
