# Attribute reads whose answer changes under them: class attributes set and deleted,
# properties and __getattr__ added later, __class__ assignment, instance attributes deleted.
class A:
    def m(self):
        return "A.m"

class B:
    def m(self):
        return "B.m"

a = A()
a.x = 1
out = []
for i in range(30):
    out.append((a.x, a.m()))
    if i == 5:
        A.m = lambda self: "patched"
    if i == 10:
        A.x = property(lambda self: "prop")
    if i == 15:
        del A.x
    if i == 18:
        a.m = lambda: "own"
    if i == 20:
        del a.m
        a.__class__ = B
    if i == 24:
        B.__getattr__ = lambda self, n: "getattr " + n
        del a.x
print(out)
print(a.x, a.y)

class Base:
    def f(self):
        return "base"
class Sub(Base):
    pass
s = Sub()
r = []
for i in range(12):
    r.append(s.f())
    if i == 3:
        Sub.f = lambda self: "sub"
    if i == 7:
        del Sub.f
        Base.f = lambda self: "base2"
print(r)

class D:
    def __init__(self):
        self.v = 0
d = D()
for i in range(10):
    d.v += i
    if i == 4:
        d.__dict__["w"] = 5
print(d.v, d.w, vars(d))

class Desc:
    def __get__(self, obj, t):
        return "desc"
class E:
    pass
e = E()
e.z = "inst"
vals = []
for i in range(6):
    vals.append(e.z)
    if i == 2:
        E.z = Desc()
print(vals)

class Slots:
    __slots__ = ("p",)
o = Slots()
try:
    o.p
except AttributeError as ex:
    print("AttributeError", ex)
o.p = 3
print(o.p)
