# dataclasses
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, FrozenInstanceError
from typing import List, Optional


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 1

    def total(self):
        return self.price * self.quantity


a = Item("pen", 1.5)
b = Item("pad", 3.0, quantity=4)
print(a, b, a.total(), b.total())
print(a == Item("pen", 1.5), a == b, a != b)
print([f.name for f in fields(Item)], [f.default for f in fields(a)][2:])
print(asdict(b), astuple(b), replace(a, quantity=10))
print(is_dataclass(Item), is_dataclass(a), is_dataclass(3))


@dataclass
class Cart:
    owner: str
    items: List[Item] = field(default_factory=list)
    note: Optional[str] = None
    count: int = field(default=0, repr=False)

    def add(self, item):
        self.items.append(item)
        self.count += 1


cart = Cart("zoe")
cart.add(a)
cart.add(b)
print(cart)
print(asdict(cart))
print(Cart("max").items, Cart("max").items is Cart("max").items)


@dataclass(order=True)
class Card:
    rank: int
    suit: str = field(compare=False)


hand = [Card(10, "h"), Card(2, "s"), Card(7, "d")]
print(sorted(hand), max(hand), Card(3, "a") == Card(3, "b"), Card(2, "x") < Card(3, "y"))


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

    def moved(self, dx):
        return replace(self, x=self.x + dx)


p = Point(1, 2)
try:
    p.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(p.moved(3), {Point(1, 2): "here"}[Point(1, 2)], hash(p) == hash(Point(1, 2)))


@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        self.area = self.w * self.h


print(Rect(2, 3), Rect(2, 3).area)


@dataclass
class Base:
    id: int
    tag: str = "base"


@dataclass
class Child(Base):
    extra: list = field(default_factory=lambda: [1, 2])


print(Child(7), Child(8, "t", [3]), [f.name for f in fields(Child)])


@dataclass(eq=False)
class Node:
    value: int


print(Node(1) == Node(1), Node(2))


@dataclass(repr=False)
class Quiet:
    v: int


print(type(repr(Quiet(1))).__name__, Quiet(1).v)


@dataclass
class Nested:
    pts: list
    mapping: dict


n = Nested([Point(1, 2)], {"k": Point(3, 4)})
print(asdict(n), astuple(n))

try:
    Item()
except TypeError as e:
    print("TypeError", e)
try:
    Item("a", 1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    Item("a", 1, colour="red")
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print("ValueError", e)
try:
    asdict(5)
except TypeError as e:
    print("TypeError", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
from collections import namedtuple
P3 = namedtuple("P3", "a b c", defaults=[0])
try:
    P3(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
