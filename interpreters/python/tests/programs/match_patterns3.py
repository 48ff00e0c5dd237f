# match statements: literal, capture, class, sequence, mapping, or, as, guard patterns
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ("r",)
    def __init__(self, r): self.r = r
def describe(v):
    match v:
        case 0 | 1: return "small int"
        case int(n) if n < 0: return f"negative {n}"
        case int() | float(): return "number"
        case "hello": return "greeting"
        case str() as s: return f"string {s!r}"
        case [] : return "empty list"
        case [x]: return f"one {x}"
        case [x, y, *rest]: return f"many {x} {y} {rest}"
        case (a, b): return "never"
        case {"type": "user", "name": name, **others}: return f"user {name} {others}"
        case {"k": _}: return "has k"
        case Point(x=0, y=0): return "origin"
        case Point(x=0, y=yy): return f"on y {yy}"
        case Point(xx, yy): return f"point {xx},{yy}"
        case Circle(r): return f"circle {r}"
        case None: return "none"
        case True: return "true"
        case _: return "other"
print([describe(v) for v in [0, 1, -5, 7, 2.5, "hello", "x", [], [1], [1,2,3,4], (1,2), {"type": "user", "name": "bob", "age": 3}, {"k": 1}, Point(0,0), Point(0,5), Point(2,3), Circle(4), None, True, object]])
match (1, 2):
    case (1, x) if x > 5: print("a")
    case (1, x): print("b", x)
import enum
class Col(enum.Enum):
    R = 1
    G = 2
for c in Col:
    match c:
        case Col.R: print("red")
        case _: print("not red")
match {"a": [1, {"b": 2}]}:
    case {"a": [1, {"b": val}]}: print("nested", val)
match "abc":
    case str(x) if len(x) > 2: print("long", x)
match 5:
    case (1 | 2 | 3) as small: print(small)
    case other: print("other", other)
match [1, 2]:
    case [*_, last]: print("last", last)
match b"x":
    case bytes(): print("bytes")
match 3.0:
    case 3: print("eq three")
match {"a": 1}:
    case {}: print("any mapping")
def odd_shapes(v):
    match v:
        case [_ as a, *_] if a == 0: return ("first zero", a)
        case (int() as n) as m: return ("int as", n, m)
        case {"k": _ as kv, **_rest}: return ("kv", kv)
        case _ as anything: return ("anything", anything)
print([odd_shapes(v) for v in [[0, 1], 5, {"k": 2, "j": 3}, "s"]])
