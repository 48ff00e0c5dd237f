class C(int):
    def __repr__(self): return f"C({int(self)})"
c = C(7)
print(c, repr(c), str(c), c + 1, 1 + c, c - 2, 2 - c, c * c, c // 2, c % 4, -c, abs(C(-3)), c ** 2)
print(type(c + 1).__name__, isinstance(c, int), type(c) is C, c == 7, 7 == c, c < 8, hash(c) == hash(7))
print({c: 'x'}[7], {7: 'y'}[c], [10, 20, 30, 40, 50, 60, 70, 80][c], "ab" * C(2), range(C(3)))
print(f"{c:>4}|{c:x}", format(c, '05d'), "%d" % c, int(c), float(c), c.bit_length(), c.real, divmod(c, 2))
c.extra = 5
print(c.extra, c.__dict__)
class Bits(int):
    pass
print(Bits(5) & 3, Bits(5) | 8, bool(Bits(0)), sorted([C(3), C(1), C(2)]), max(C(3), 2), sum([C(1), C(2)]))
class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.lower())
    def words(self): return self.split()
s = S("Hello World")
print(s, repr(s), s.words(), s.upper(), len(s), s[0], s[1:3], "x" + s, s + "x", s * 2, s == "hello world")
print(isinstance(s, str), type(s).__name__, "-".join([s, S("B")]), s.startswith("he"), "lo" in s, list(S("ab")))
print({s: 1}["hello world"], f"[{s}]", "%s!" % s, s.replace("l", "L"), str(s), type(str(s)).__name__)
class L(list):
    def append(self, x):
        super().append(x * 2)
    def total(self): return sum(self)
l = L([1, 2])
l.append(3); l.extend([4]); l += [5]
print(l, l.total(), len(l), l[0], l[-1], l[1:3], type(l[1:3]).__name__, type(l).__name__, 3 in l)
print(l + [9], [0] + l, l == [1, 2, 6, 4, 5], sorted(l), list(reversed(l)), bool(L()), isinstance(l, list))
l[0] = 100; del l[1]
print(l, l.pop(), l, l.index(6), l * 2)
class D(dict):
    def __missing__(self, k):
        self[k] = v = len(k)
        return v
d = D(a=1)
print(d["abc"], d, d.get("zz"), "zz" in d, len(d), list(d), d.keys(), isinstance(d, dict))
class LD(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        return super().__getitem__(k) * 10
ld = LD()
ld["x"] = 1
print(ld["x"], ld, dict(ld), ld.get("x"), {**ld}, ld == {"x": 1})
class T(tuple):
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))
    def swap(self): return T(self[1], self[0])
t = T(1, 2)
print(t, t.swap(), t + (3,), len(t), a := t[0], hash(t) == hash((1, 2)), t == (1, 2), type(t).__name__)
x, y = t
print(x, y, list(t), t.count(1), t[::-1])
class F(float):
    def half(self): return self / 2
f = F(3.5)
print(f, f.half(), f + 1, round(f), int(f), f.is_integer(), isinstance(f, float), F("1.25") * 2)
class FS(frozenset):
    pass
fs = FS([1, 2, 3])
print(sorted(fs), 2 in fs, len(fs), fs | {4} == {1, 2, 3, 4}, type(fs | {4}).__name__, isinstance(fs, frozenset), hash(fs) == hash(frozenset([1, 2, 3])))
class ST(set):
    def add(self, x):
        super().add(x + 100)
st = ST([1])
st.add(1)
print(sorted(st), len(st), st & {1}, isinstance(st, set))
class B(bytes):
    pass
bb = B(b"hi")
print(bb, len(bb), bb[0], bb + b"!", bb.decode(), isinstance(bb, bytes))
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 3)
except Exception as e:
    print(repr(e), e, e.code, e.args, type(e).__name__)
class Slotted(int):
    __slots__ = ()
z = Slotted(4)
print(z, z + 1)
try:
    z.other = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    hash(L())
except TypeError as e:
    print("TypeError", e)
print(C.__mro__, issubclass(C, int), L.__bases__)
