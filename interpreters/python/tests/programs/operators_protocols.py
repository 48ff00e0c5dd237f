import math
from functools import total_ordering
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x!r}, {self.y!r})"
    def __str__(self): return f"<{self.x}, {self.y}>"
    def __format__(self, spec):
        if spec.endswith("p"):
            r, th = abs(self), math.atan2(self.y, self.x)
            f = spec[:-1]
            return f"({format(r, f)}, {format(th, f)})"
        return f"<{format(self.x, spec)}, {format(self.y, spec)}>"
    def __add__(self, o):
        if not isinstance(o, Vec): return NotImplemented
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec): return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __truediv__(self, k): return Vec(self.x / k, self.y / k)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return math.hypot(self.x, self.y)
    def __bool__(self): return bool(self.x or self.y)
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __iter__(self): yield self.x; yield self.y
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __len__(self): return 2
    def __round__(self, n=None): return Vec(round(self.x, n), round(self.y, n))
    def __matmul__(self, o): return self.x * o.y - self.y * o.x
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
v, w = Vec(3, 4), Vec(1, -2)
print(v + w, v - w, v * 2, 2 * v, v * w, v / 2, -v, +v, abs(v), bool(Vec(0, 0)), v @ w)
print(repr(v), str(v), f"{v}", f"{v!r}", f"{v:.2f}", f"{v:.3p}", format(v, ">4"), "{:+}".format(v))
print(v == Vec(3, 4), v != w, v in [Vec(3, 4)], {v, Vec(3, 4)} == {v}, list(v), v[1], len(v), tuple(v), round(Vec(1.26, 2.5), 1))
x, y = v; print(x, y, dict([v, w]) if False else sorted([v, w], key=abs))
u = v; u += w; print(u is v, v)
try:
    v + 1
except TypeError as e:
    print(e)
try:
    1 - v
except TypeError as e:
    print(e)
try:
    v < w
except TypeError as e:
    print(e)
class Money:
    def __init__(self, cents): self.cents = cents
    def __lt__(self, o): return self.cents < o.cents
    def __le__(self, o): return self.cents <= o.cents
    def __eq__(self, o): return self.cents == o.cents
    def __repr__(self): return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __radd__(self, o):
        if o == 0: return self
        return NotImplemented
    def __add__(self, o): return Money(self.cents + o.cents)
print(sum([Money(150), Money(275), Money(5)]), sorted([Money(3), Money(1), Money(2)]), max(Money(5), Money(7)), Money(1) > Money(0))
class Seq:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0: i += self.n
        if not 0 <= i < self.n: raise IndexError("Seq index out of range")
        return i * 10
    def __len__(self): return self.n
    def __contains__(self, x): print("contains called"); return x % 10 == 0 and 0 <= x < self.n * 10
    def __reversed__(self): return iter([self[i] for i in range(self.n - 1, -1, -1)])
s = Seq(5)
print(list(s), s[-1], s[1:4], s[::2], 20 in s, list(reversed(s)), sorted(s, reverse=True), s[::-1])
class Callable:
    def __init__(self): self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return a, k
c = Callable(); print(c(1, x=2), c(), c.calls, callable(c))
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print(f"eq {self.v} {getattr(o, 'v', o)}")
        return NotImplemented
print(Cmp(1) == Cmp(2), Cmp(1) != 3, Cmp(1) == Cmp(1) if False else "skip")
class Attr:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith("dyn_"): return name[4:]
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
    def __setattr__(self, name, v):
        super().__setattr__(name, v * 2 if isinstance(v, int) else v)
    def __delattr__(self, name): print("del", name); super().__delattr__(name)
a = Attr(); a.n = 5
print(a.real, a.n, a.dyn_hello, getattr(a, "dyn_x"), hasattr(a, "nope")); del a.n
try:
    a.missing
except AttributeError as e:
    print(e)
class Bits(int):
    def __repr__(self): return f"Bits({int(self):#b})"
    def __and__(self, o): return Bits(int(self) & o)
b = Bits(12); print(b, repr(b & 10), b + 1, type(b + 1).__name__, isinstance(b, int), str(b), f"{b:04x}")
class MyList(list):
    def __getitem__(self, i): return super().__getitem__(i) * 2
ml = MyList([1, 2, 3]); print(ml[0], ml, len(ml), ml + [4], type(ml + [4]).__name__, list(ml), [x for x in ml])
class MyDict(dict):
    def __missing__(self, k): return f"no {k}"
md = MyDict(a=1); print(md["a"], md["zz"], md.get("zz"), md)
