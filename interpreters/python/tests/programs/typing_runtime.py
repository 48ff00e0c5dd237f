# typing at run time: NamedTuple classes, TypedDict, runtime protocols, generic aliases
from typing import NamedTuple, TypedDict, Protocol, runtime_checkable, List, Dict, Optional, Union, Sequence, Mapping
class Pt(NamedTuple):
    x: int
    y: int = 0
    def dist(self):
        return abs(self.x) + abs(self.y)
p = Pt(3)
print(p, p.dist(), p._asdict(), Pt._fields, Pt._field_defaults, p._replace(y=4), isinstance(p, tuple))
a, b = Pt(5, 6)
print(a, b, Pt(1, 2) == (1, 2), Pt.__mro__)
P2 = NamedTuple("P2", [("a", int), ("b", str)])
print(P2(1, "x"), P2._fields)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)
class Movie(TypedDict):
    title: str
    year: int
class Partial(TypedDict, total=False):
    note: str
m = Movie(title="x", year=1)
print(m, type(m), Movie.__total__, Partial.__total__, sorted(Movie.__required_keys__), sorted(Partial.__optional_keys__))
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self):
        pass
print(isinstance(F(), Closer), isinstance(1, Closer), issubclass(F, Closer), issubclass(int, Closer))
class NotRuntime(Protocol):
    def size(self) -> int: ...
try:
    isinstance(1, NotRuntime)
except TypeError as e:
    print(e)
print(isinstance(1, Union[int, str]), isinstance(1.5, Optional[int]), isinstance([], Sequence), isinstance({}, Mapping))
try:
    isinstance([], List[int])
except TypeError as e:
    print(e)
class MyList(List[int]):
    def total(self):
        return sum(self)
class MyDict(Dict[str, int]):
    pass
print(MyList([1, 2]).total(), MyDict(a=1), MyList.__orig_bases__, issubclass(MyList, list))
