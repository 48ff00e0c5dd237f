class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, P.__slots__, type(P.x).__name__, P.x)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 10
print(p.x, hasattr(p, "__dict__"))
try:
    vars(p)
except TypeError as e:
    print("TypeError:", e)
class Q(P):
    __slots__ = ()
q = Q(3, 4)
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError:", e)
class R(P):
    pass
r = R(5, 6)
r.w = 7
print(r.w, r.__dict__)
class Priv:
    __slots__ = ("__secret", "pub")
    def __init__(self):
        self.__secret = 1
        self.pub = 2
    def get(self):
        return self.__secret
pv = Priv()
print(pv.get(), pv.pub, sorted(k for k in Priv.__dict__ if not k.startswith("__")))
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
class S1:
    __slots__ = "only"
s1 = S1()
s1.only = 1
print(s1.only)

# class attribute deletion and versioning
class K:
    attr = 1
    def m(self): return "m"
k = K()
total = 0
for i in range(100):
    total += k.attr
    if i == 50:
        K.attr = 2
print(total)
del K.attr
try:
    k.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    del K.attr
except AttributeError as e:
    print("AttributeError:", e)
K.m = lambda self: "patched"
print(k.m())
del K.m
print(hasattr(k, "m"))

# instance attribute deletion in a loop (map transitions)
class Obj:
    pass
acc = []
for i in range(30):
    o = Obj()
    o.a = i
    o.b = i * 2
    o.c = i * 3
    del o.b
    o.d = 4
    acc.append((o.a, o.c, o.d, hasattr(o, "b")))
print(acc[0], acc[-1], sorted(vars(o)))

# __init_subclass__ and __class_getitem__
class Base:
    subs = []
    def __init_subclass__(cls, /, prefix="", **kw):
        super().__init_subclass__(**kw)
        cls.label = prefix + cls.__name__
        Base.subs.append(cls.label)
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
class A(Base, prefix="x-"): pass
class B(A): pass
print(Base.subs, A.label, B.label, Base[int], A["q"])
try:
    class C(Base, nope=1): pass
except TypeError as e:
    print("TypeError:", e)

# NotImplemented
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v < o.v
class W:
    def __eq__(self, o):
        return NotImplemented
a, b = V(1), V(1)
print(a == b, a != b, a == 1, a != 1, 1 == a, a == "x", W() == W(), W() != W())
w = W()
print(w == w, w != w)
try:
    a < 1
except TypeError as e:
    print("TypeError:", e)
print(a < V(2), V(3) > a, len(sorted([V(3), V(1), V(2)])))
class Sub(V):
    def __eq__(self, o):
        return "sub-eq"
print(V(1) == Sub(1), Sub(1) == V(1))
class NoEq: pass
n = NoEq()
print(n == n, n != n, n == NoEq(), hash(n) == hash(n))
class EqOnly:
    def __eq__(self, o): return True
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
print(EqOnly() != 3)
for i in range(60):
    if a != b:
        print("bad")
    if not (a == b):
        print("bad2")
