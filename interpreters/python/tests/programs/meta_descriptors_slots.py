import abc, copy
class Registry(type):
    registry = {}
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.registry[name.lower()] = cls
        cls.tag = kw.get("tag", name[:2])
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.created_by = "meta"
        return obj
    def __repr__(cls):
        return f"<class {cls.__name__} via Registry>"
    def __len__(cls):
        return len(cls.registry)
class Base(metaclass=Registry):
    def __init_subclass__(cls, /, **kw):
        super().__init_subclass__()
        cls.sub = True
class Circle(Base, tag="CI"):
    def __init__(self, r): self.r = r
class Square(Base):
    pass
print(sorted(Registry.registry), Circle.tag, Square.tag, len(Base), repr(Circle), type(Circle).__name__)
c = Circle(3)
print(c.created_by, c.r, Circle.sub, isinstance(Circle, Registry), type(Base) is Registry)

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
    @property
    def name(self): return "rect"
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
print(Rect(2, 3.5).describe(), Shape.__abstractmethods__ == frozenset({"area", "name"}), isinstance(Rect(1, 1), Shape))
class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "__len__") or NotImplemented
print(isinstance([], Sized), isinstance(3, Sized))
Shape.register(int)
print(isinstance(5, Shape), issubclass(bool, Shape))

class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.public = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, v):
        if v <= 0:
            raise ValueError(f"{self.public} must be positive, got {v!r}")
        setattr(obj, self.name, v)
class Account:
    balance = Positive()
    limit = Positive()
    def __init__(self, b): self.balance = b
a = Account(10)
print(a.balance, a.limit, vars(a), type(Account.balance).__name__, Account.balance.public)
try:
    a.balance = -5
except ValueError as e:
    print(e)

class Lazy:
    def __init__(self, f): self.f = f
    def __get__(self, obj, cls):
        v = self.f(obj)
        setattr(obj, self.f.__name__, v)
        return v
class Data:
    @Lazy
    def big(self):
        print("computing big")
        return list(range(5))
d = Data(); print(d.big, d.big)

class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v): self._c = round(v, 1)
    @c.deleter
    def c(self): print("deleting"); self._c = None
    f = property(lambda self: self._c * 9 / 5 + 32, doc="fahrenheit")
t = Temp(); t.c = 21.456; print(t.c, t.f, Temp.f.__doc__); del t.c; print(t.c)
try:
    t.f = 3
except AttributeError as e:
    print(e)

class Node:
    def __init__(self, v, kids=()):
        self.v = v; self.kids = list(kids)
    def __repr__(self): return f"Node({self.v}, {self.kids})"
    def __copy__(self):
        print("custom copy")
        return Node(self.v, self.kids)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
sh = copy.copy(tree); dp = copy.deepcopy(tree)
tree.kids[1].v = 99
print(sh, dp, sh.kids is tree.kids, dp.kids[0] is tree.kids[0])
l = [1, [2, 3]]; l.append(l)
m = copy.deepcopy(l); print(m[2] is m, m[1] is l[1], m[:2])
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = S()
try:
    s.c = 3
except AttributeError as e:
    print(e)
try:
    s.b
except AttributeError as e:
    print(e)
print(hasattr(s, "__dict__"), S.a, type(S.a).__name__, copy.copy(s).a)
class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v): self.v = v
x, y = Singleton(1), Singleton(2)
print(x is y, x.v)
