import copy, json
class C(int): pass
class S(str): pass
class L(list):
    def __init__(self, *items):
        super().__init__(items)
class D(dict): pass
class T(tuple): pass
class F(float): pass
print(int.__new__(C), repr(str.__new__(S)), tuple.__new__(T), float.__new__(F, "1.5"), type(int.__new__(C, 3)).__name__, L(1, 2, 3), L())
x = C(5); x += 1
print(x, type(x).__name__, type(-C(2)).__name__, type(C(2) * 1).__name__, type(abs(C(-2))).__name__)
print(copy.copy(L(1, 2)), type(copy.copy(L(1, 2))).__name__, copy.deepcopy(D(a=[1])), type(copy.deepcopy(D(a=[1]))).__name__)
print(json.dumps([C(1), S("a"), F(0.5), D(k=L(1)), T((1, 2))]), json.loads(json.dumps({"x": 1}), object_hook=D))
X = type("X", (int,), {"double": lambda self: self * 2})
print(X(21).double(), isinstance(X(1), int))
try:
    class B(bool): pass
except TypeError as e:
    print(e)
try:
    int.__new__(str, 1)
except TypeError as e:
    print(e)
try:
    int.__new__(5)
except TypeError as e:
    print(e)
print(D.fromkeys("ab", 0), type(D.fromkeys("ab")).__name__)
class K(str):
    def __eq__(self, o): return str.__eq__(self.lower(), o.lower())
    def __hash__(self): return hash(self.lower())
d = {K("Abc"): 1}
print(d[K("ABC")], K("x") == "X", "X" == K("x"), K("a") != "A")
class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack(); s.push(1); s.push(2)
print(s, s.peek(), s.pop(), len(s), bool(s), s == [1], [1] == s, s != [2], s < [2], sorted(Stack([3, 1, 2])), Stack([3, 1]) + Stack([2]))
class Name(str):
    @property
    def initial(self): return self[0]
n = Name("guido")
print(n.initial, n.title(), n.split("i"), "%s|%r" % (n, n), "{0}-{0!r}".format(n), n in ["guido"], n.__class__.__name__, str(n).__class__.__name__)
print(sum(C(i) for i in range(4)), max([F(1.5), F(0.5)]), min(S("b"), S("a")), sorted({S("b"), S("a")}), list(map(C, "12")))
class Money(float):
    def __new__(cls, v, cur="EUR"):
        self = super().__new__(cls, v)
        self.cur = cur
        return self
    def __repr__(self): return f"{float(self):.2f} {self.cur}"
    def __add__(self, o): return Money(float(self) + float(o), self.cur)
m = Money(2.5) + Money(1)
print(m, m.cur, Money(3, "USD"), round(Money(2.567), 1), isinstance(m, float), m > 3, f"{m:.1f}")
class Frozen(frozenset):
    def __repr__(self): return "F" + repr(sorted(self))
print(Frozen([3, 1]), Frozen([1]) | {2}, {Frozen([1]): 1}[frozenset([1])], Frozen([1]) == frozenset([1]))
class Bytes2(bytes):
    def hexed(self): return self.hex()
print(Bytes2(b"\x01\x02").hexed(), Bytes2(b"ab").upper(), Bytes2(b"x") == b"x", list(Bytes2(b"hi")))
class E(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
try:
    raise E("age", "negative")
except ValueError as e:
    print(e, e.field, repr(e), e.args, isinstance(e, Exception))
class Counter2(dict):
    def __missing__(self, k): return 0
    def add(self, k): self[k] += 1
c = Counter2()
for ch in "hello": c.add(ch)
print(c, c["z"], len(c), sorted(c.items()), "z" in c)
class OD(dict):
    def __iter__(self): return iter(sorted(super().__iter__()))
print(list(OD(b=1, a=2)), dict(OD(b=1, a=2)), {**OD(b=1, a=2)})
from collections import namedtuple, Counter, OrderedDict, defaultdict
P = namedtuple("P", "x y")
p = P(1, [2])
q, r = copy.copy(p), copy.deepcopy(p)
print(q, r, type(q).__name__, q[1] is p[1], r[1] is p[1])
for obj in (Counter("aab"), OrderedDict(a=1), defaultdict(list, a=[1]), L(1, [2]), D(k=[1]), C(7), S("s"), T((1, [2])), Frozen([1, 2])):
    a, b = copy.copy(obj), copy.deepcopy(obj)
    print(type(a).__name__, a, type(b).__name__, b, a == obj, b == obj)
c7 = C(7); c7.tag = "t"
print(copy.copy(c7).tag, copy.deepcopy(c7).tag, copy.copy(c7) is c7)
try:
    object.__new__(C)
except TypeError as e:
    print(e)
