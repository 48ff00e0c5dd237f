class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)
    def __repr__(cls):
        return "<Meta class %s>" % cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    def helper(cls):
        return "helper of " + cls.__name__

class Base(metaclass=Meta, tag="base"):
    def __init__(self, x=0):
        self.x = x

class Derived(Base, tag="derived"):
    pass

print(Base.tag, Derived.tag)
d = Derived(5)
print(d.x, type(d).__name__, type(Derived) is Meta, repr(Derived))
print(Derived.upper_name, Derived.helper())
print(hasattr(d, "helper"), hasattr(d, "upper_name"))
print(isinstance(Derived, Meta), isinstance(Derived, type), issubclass(Meta, type))
print(type(Meta), type(type), type(object))

T = type("T", (), {"a": 1, "f": lambda self: self.a + 1})
print(T.__name__, T().f(), T.__module__, T.__bases__, T.__qualname__)
T2 = type("T2", (T,), dict(b=2))
print(T2().a, T2.b, T2.__mro__ == (T2, T, object), [c.__name__ for c in T2.mro()])

class Prep(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}
class P(metaclass=Prep):
    pass
print(P.injected)

class Reg(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            Reg.registry.append(name)
class RBase(metaclass=Reg): pass
class A(RBase): pass
class B(RBase): pass
print(Reg.registry)

class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
class M3(M1): pass
class W(X, metaclass=M3): pass
print(type(W).__name__)
class V(W, X): pass
print(type(V).__name__)

def meta_func(name, bases, ns):
    ns["made_by"] = "func"
    return type(name, bases, ns)
class F(metaclass=meta_func):
    pass
print(F.made_by, type(F))

class Counted(type):
    count = 0
    def __call__(cls, *a, **k):
        Counted.count += 1
        return super().__call__(*a, **k)
class C1(metaclass=Counted):
    def __init__(self, v): self.v = v
for i in range(50):
    C1(i)
print(Counted.count, C1(7).v)
print(type(3)(4), type("s"), type(None))
try:
    type("x", 1, {})
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)
class Sing(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Sing):
    pass
print(One() is One(), len(Sing._inst))
print(Meta.__mro__, Meta.__bases__)
print(Base.__class__.__name__, Base.__class__.__class__.__name__)
