def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class A: pass
class B(A): pass
def mk(): 
    class C(A, B): pass
t(mk)
class X:
    def who(self): return 'X'
class Y(X):
    def who(self): return 'Y' + super().who()
class Z(X):
    def who(self): return 'Z' + super().who()
class W(Y, Z):
    def who(self): return 'W' + super().who()
print(W().who(), [c.__name__ for c in W.__mro__])
class CM:
    @classmethod
    def make(cls): return cls.__name__
class CM2(CM):
    @classmethod
    def make(cls): return 'sub-' + super().make()
print(CM2.make())
def deco(cls):
    cls.tag = 'decorated'
    return cls
@deco
class D: pass
print(D.tag)
t(lambda: type('T', (int,), {})(5) + 1)
t(lambda: type(5)('7'))
t(lambda: type('T', (), {'x': 1}).x)
class Counter:
    instances = 0
    def __new__(cls, *a):
        cls.instances += 1
        return super().__new__(cls)
    def __init__(self, v): self.v = v
c1 = Counter(1); c2 = Counter(2)
print(Counter.instances, c2.v)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class Frozen:
    def __setattr__(self, k, v):
        raise AttributeError(f"can't set {k}")
t(lambda: setattr(Frozen(), 'a', 1))
class Dyn:
    def __getattr__(self, name):
        if name.startswith('x'): return name * 2
        raise AttributeError(f"'Dyn' object has no attribute '{name}'")
print(Dyn().xy)
t(lambda: Dyn().zz)
class Del:
    def __delattr__(self, name): print('del', name)
d = Del(); del d.foo
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == getattr(o, 'v', None)
t(lambda: {Eq(1)})
print(Eq(1) == Eq(1), Eq(1) in [Eq(1)], [Eq(1)].index(Eq(1)), [Eq(2)].count(Eq(2)))
class Rep:
    pass
r = repr(Rep())
print(r.startswith('<__main__.Rep object at 0x'), str(Rep) == "<class '__main__.Rep'>")
class Inh(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = 1
i = Inh(a=1)
print(i, i['a'], i.extra, isinstance(i, dict), len(i), dict(i))
class L(list):
    def __repr__(self): return 'L' + super().__repr__()
ll = L([1, 2]); ll.append(3)
print(ll, len(ll), ll[0], ll + [4], type(ll + [4]).__name__, sorted(L([3, 1])))
class S(str):
    def shout(self): return self.upper() + '!'
print(S('hi').shout(), S('a') + 'b', type(S('a') + 'b').__name__, S('x') == 'x')
class I(int):
    def __add__(self, o): return I(int(self) + int(o) + 100)
print(I(1) + 1, 1 + I(1), I(5) * 2, type(I(5) * 2).__name__)
t(lambda: I('abc'))
print(issubclass(bool, int), bool.__bases__, int.__base__, object.__bases__)
print(callable(A), callable(A()), callable(print))
class WithCall:
    def __call__(self): return 'called'
print(callable(WithCall()), WithCall()())
print(getattr(A, '__name__'), A.__class__, type(A).__name__)
