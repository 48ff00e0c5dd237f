# match: an expression evaluator, commands, sequence kinds, mappings, __match_args__
from dataclasses import dataclass
from collections import deque, OrderedDict, defaultdict, namedtuple
@dataclass
class Add:
    left: object
    right: object
@dataclass
class Num:
    value: int
@dataclass
class Mul:
    left: object
    right: object
def ev(e):
    match e:
        case Num(value=v): return v
        case Add(Num(0), r) | Add(r, Num(0)): return ev(r)
        case Add(l, r): return ev(l) + ev(r)
        case Mul(l, r): return ev(l) * ev(r)
        case _: raise ValueError(e)
print(ev(Add(Num(1), Mul(Num(2), Num(3)))), ev(Add(Num(0), Num(5))))
def cmd(c):
    match c.split():
        case ["go", ("north" | "south") as d]: return f"go {d}"
        case ["go", d]: return f"unknown dir {d}"
        case ["pick", "up", *items] if items: return f"pick {items}"
        case ["quit" | "exit"]: return "bye"
        case []: return "empty"
        case [single]: return f"single {single}"
        case _: return "?"
for c in ["go north", "go west", "pick up a b", "pick up", "quit", "", "look", "a b c d"]:
    print(cmd(c))
for v in ["abc", b"ab", (1, 2), [1, 2], deque([1, 2]), range(2), {1, 2}, {"a": 1}]:
    match v:
        case [a, b]: print("seq2", type(v).__name__, a, b)
        case _: print("no", type(v).__name__)
P = namedtuple("P", "x y")
match P(1, 2):
    case P(x, y): print("nt", x, y)
match P(1, 2):
    case (a, b): print("tuple-like", a, b)
for m in [OrderedDict(a=1), defaultdict(int, a=2), {"a": 3, "b": 4}]:
    match m:
        case {"a": 1}: print("one")
        case {"a": x, **rest}: print("a", x, rest)
dd = defaultdict(list)
match dd:
    case {"missing": _}: print("bad")
    case _: print("no missing", dict(dd))
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
for p in [Pt(0, 0), Pt(1, 0), Pt(0, 3), Pt(2, 2)]:
    match p:
        case Pt(0, 0): print("origin")
        case Pt(x, 0): print("x-axis", x)
        case Pt(0, y=yy): print("y-axis", yy)
        case Pt(x, y) if x == y: print("diag", x)
match 5:
    case int(x) | float(x): print("num", x)
match (1, [2, (3, 4)]):
    case (a, [b, (c, d)]): print(a + b + c + d)
match {"items": [{"id": 1}, {"id": 2}]}:
    case {"items": [{"id": first}, *_]}: print("first", first)
total = 0
for i in range(200):
    match (i % 3, i):
        case (0, n): total += n
        case (1, _): total -= 1
        case _: pass
print(total)
match "x":
    case str(s) if s: print("non-empty", s)
class Color:
    RED = "red"
match "red":
    case Color.RED: print("dotted value")
try:
    match 1:
        case len(): pass
except TypeError as e: print(e)
match [1, 2, 3]:
    case [1, *rest]: print(rest)
match (1,):
    case [x]: print("x", x)
match []:
    case [*all_]: print("all", all_)
match {"k": None}:
    case {"k": None}: print("none value")
match 0:
    case False: print("false?")
    case 0: print("zero")
x = 3
match x:
    case 1 | 2: print("12")
    case y if y > 2: print("y", y)
