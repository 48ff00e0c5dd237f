# abc: abstract methods block instantiation; register; collections.abc mixins
from abc import ABC, abstractmethod, ABCMeta
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self): return type(self).__name__ + " " + str(self.area())
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
class Half(Shape):
    def area(self): return 1
print(Sq(3).describe(), isinstance(Sq(1), Shape), issubclass(Sq, Shape))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Sq.__abstractmethods__)
class Plugin(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self): ...
class P1(Plugin):
    @property
    def name(self): return "p1"
print(P1().name)
try: Plugin()
except TypeError as e: print(e)
class Virtual(ABC): pass
Virtual.register(int)
print(isinstance(3, Virtual), issubclass(int, Virtual), isinstance("s", Virtual))
from collections.abc import Iterable, Sized, Mapping, MutableMapping, Sequence
print(isinstance([], Iterable), isinstance(3, Iterable), isinstance({}, Sized))
class Bag(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
b = Bag(); b["x"] = 1; b.update(y=2); print(b.get("z", 0), sorted(b.items()), b.pop("x"), "y" in b, len(b), b.setdefault("q", 5))
class Seq(Sequence):
    def __getitem__(self, i): return [1, 2, 3][i]
    def __len__(self): return 3
s = Seq(); print(list(s), 2 in s, s.index(3), s.count(1), list(reversed(s)))
