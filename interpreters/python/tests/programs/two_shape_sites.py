# One attribute instruction seeing objects of two, then three shapes: the answers stay
# right when the shapes alternate, when a class attribute changes, and for stores.

class Base:
    def get(self):
        return self.x
    def put(self, v):
        self.x = v
    def kind(self):
        return self.name()

class A(Base):
    def __init__(self):
        self.x = 1
    def name(self):
        return "A"

class B(Base):
    def __init__(self):
        self.pad = 0      # x lands in another slot than in A
        self.x = 2
    def name(self):
        return "B"

class C(Base):
    def __init__(self):
        self.a, self.b = 0, 0
        self.x = 3
    def name(self):
        return "C"

objs = [A(), B(), A(), B(), C(), B(), A(), C()]
total = 0
names = []
for round in range(40):
    for o in objs:
        total += o.get()
        o.put(o.x + 1)
        if round % 13 == 0:
            names.append(o.kind())
    if round == 20:
        B.name = lambda self: "B2"        # a class attribute changes mid-run
    if round == 30:
        A.get = lambda self: -self.x      # the method itself changes
print(total)
print("".join(names))
print([o.x for o in objs])
d = B()
d.__dict__["x"] = 99
print(d.get(), d.kind())
class D(A):
    x = property(lambda self: 1000)      # a data descriptor now shadows the slot
try:
    D()
except AttributeError as e:
    print("AttributeError:", e)
e = D.__new__(D)
print(e.get(), [Base.get(o) for o in (A(), e, B())])
