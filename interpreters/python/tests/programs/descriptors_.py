class Verbose:
    def __set_name__(self, owner, name):
        self.name = name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        print("get", self.name, obj is None, objtype.__name__)
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        print("set", self.name, value)
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print("delete", self.name)
        del obj.__dict__[self.name]

class Host:
    a = Verbose()
    b = Verbose()
h = Host()
print(h.a)
h.a = 1
print(h.a)
del h.a
print(h.a)
print(type(Host.a).__name__)
h.__dict__["b"] = "shadow"
print(h.b)

class NonData:
    def __get__(self, obj, cls):
        return "nondata"
class H2:
    x = NonData()
h2 = H2()
print(h2.x)
h2.x = "mine"
print(h2.x, H2.x)
del h2.x
print(h2.x)

class SetOnly:
    def __set__(self, obj, v):
        print("SetOnly.__set__", v)
class H3:
    s = SetOnly()
h3 = H3()
h3.s = 5
print(type(h3.s).__name__)

class Cached:
    def __init__(self, f):
        self.f = f
        self.__doc__ = f.__doc__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.f(obj)
        setattr(obj, self.f.__name__, v)
        return v
class Calc:
    calls = 0
    @Cached
    def value(self):
        "doc of value"
        Calc.calls += 1
        return 99
c = Calc()
print(c.value, c.value, Calc.calls, Calc.value.__doc__)

class Prop:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @x.deleter
    def x(self):
        print("deleting x")
        self._x = None
p = Prop()
p.x = 4
print(p.x)
del p.x
print(p.x, Prop.x.__doc__)
class RO:
    @property
    def v(self):
        return 1
try:
    RO().v = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    del RO().v
except AttributeError as e:
    print("AttributeError:", e)

class Meth:
    def f(self): return "f"
    @classmethod
    def c(cls): return cls.__name__
    @staticmethod
    def s(x): return x * 2
m = Meth()
print(m.f(), m.c(), m.s(3), Meth.c(), Meth.s(4), Meth.f(m))
print(type(Meth.__dict__["c"]).__name__, type(Meth.__dict__["s"]).__name__)
print(Meth.__dict__["s"].__func__(5))

class GA:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name.startswith("magic"):
            return "magic:" + name
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return "fallback:" + name
g = GA()
print(g.real, g.magic_x, g.other)

class Lazy:
    def __getattr__(self, name):
        if name == "dyn":
            return 7
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
l = Lazy()
print(l.dyn, getattr(l, "nope", "default"))
try:
    l.nope
except AttributeError as e:
    print("AttributeError:", e)

class PropErr:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "getattr:" + name
print(PropErr().p)

class Tracked:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("delattr", name)
        super().__delattr__(name)
t = Tracked()
t.a = 1
t.b = 2
del t.a
print(vars(t))
try:
    del t.zz
except AttributeError as e:
    print("AttributeError:", e)
setattr(t, "c", 3)
delattr(t, "c")
print(hasattr(t, "c"), t.__dict__)
