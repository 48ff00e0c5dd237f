# Calling plain classes (metaclass type, object.__new__, a Python __init__) in hot loops:
# results, errors from __init__, and classes changed after the loop is hot.


class Point:
    def __init__(self, x, y=0, *rest):
        self.x = x
        self.y = y
        self.rest = rest


class Empty:
    pass


class Child(Point):
    pass


class Checked:
    def __init__(self, n):
        if n % 997 == 0:
            raise ValueError("bad %d" % n)
        self.n = n


class Returns:
    def __init__(self, n):
        self.n = n
        if n == 2500:
            return n


def build(n):
    total = 0
    for i in range(n):
        p = Point(i)
        c = Child(i, y=i + 1)
        d = Point(i, 2, 3, 4)
        Empty()
        total += p.x + p.y + c.y + len(d.rest)
    return total


def checked(n):
    ok = bad = 0
    for i in range(n):
        try:
            ok += Checked(i).n
        except ValueError as e:
            bad += 1
            last = str(e)
    return ok, bad, last


def returns(n):
    got = 0
    for i in range(n):
        try:
            got += Returns(i).n
        except TypeError as e:
            print("TypeError:", e)
    return got


print(build(3000))
print(checked(3000))
print(returns(3000))

for call in (lambda: Empty(1), lambda: Point(), lambda: Point(1, z=2), lambda: Child(x=1, q=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


# The class changes after the loop is hot: a new __init__, then a __new__, then a base's.
class Shape:
    def __init__(self, side):
        self.area = side * side


def areas(n):
    return sum(Shape(i).area for i in range(n))


print(areas(2000))
Shape.__init__ = lambda self, side: setattr(self, "area", side)
print(areas(2000))


def shape_new(cls, side):
    obj = object.__new__(cls)
    obj.area = -1
    return obj


Shape.__new__ = shape_new
Shape.__init__ = lambda self, side: None
print(areas(2000))


class Base:
    def __init__(self, v):
        self.v = v


class Derived(Base):
    pass


def values(n):
    return sum(Derived(i).v for i in range(n))


print(values(2000))
Base.__init__ = lambda self, v: setattr(self, "v", 2 * v)
print(values(2000))


# Abstract classes are not plain: instantiating one raises.
from abc import ABC, abstractmethod


class Abstract(ABC):
    @abstractmethod
    def run(self):
        pass


class Concrete(Abstract):
    def __init__(self, k):
        self.k = k

    def run(self):
        return self.k


print(sum(Concrete(i).run() for i in range(1000)))
try:
    Abstract()
except TypeError as e:
    print("TypeError:", e)


# A recursive __init__ that runs out of stack raises RecursionError.
class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)


try:
    Deep(0)
except RecursionError:
    print("RecursionError")
