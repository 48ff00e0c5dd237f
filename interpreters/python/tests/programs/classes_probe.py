def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class A:
    pass
a = A()
t(lambda: a.x)
t(lambda: A.x)
t(lambda: a())
t(lambda: a + 1)
t(lambda: 1 + a)
t(lambda: a < a)
t(lambda: -a)
t(lambda: len(a))
t(lambda: a[0])
t(lambda: iter(a))
t(lambda: next(a))
t(lambda: hash(a) == hash(a))
t(lambda: str(a).startswith('<__main__.A object at 0x'))
t(lambda: A.__name__)
t(lambda: A.__qualname__)
t(lambda: A.__module__)
t(lambda: A.__bases__)
t(lambda: A.__mro__)
t(lambda: repr(A))
t(lambda: repr(int))
t(lambda: type(a).__name__)
t(lambda: A().__dict__)
t(lambda: 5 .x)
t(lambda: setattr(5, 'x', 1))
t(lambda: object().x)
t(lambda: setattr(object(), 'x', 1))
t(lambda: delattr(a, 'zz'))
t(lambda: None.foo)
t(lambda: None())
t(lambda: 'abc'.foo)
t(lambda: int.foo)
t(lambda: [].append(1, 2))
t(lambda: len())
t(lambda: len(1, 2))
t(lambda: len(5))
t(lambda: abs('a'))
t(lambda: (lambda x: x)())
t(lambda: (lambda x: x)(1, 2))
t(lambda: (lambda x: x)(y=1))
t(lambda: (lambda x: x)(1, x=1))
def g(a, b=2, *args, c, d=4, **kw): pass
t(lambda: g())
t(lambda: g(1))
def h(a, /, b): pass
t(lambda: h(a=1, b=2))
def k(*, a): pass
t(lambda: k(1))
def m(a, b): pass
t(lambda: m(1, 2, 3))
t(lambda: m(1))
t(lambda: m())
class B:
    def meth(self, x): pass
t(lambda: B().meth())
t(lambda: B().meth(1, 2))
t(lambda: B.meth())
class P:
    def __init__(self, x):
        self._x = x
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        if v < 0:
            raise ValueError("neg")
        self._x = v
    def __repr__(self):
        return f"P({self._x})"
    def __eq__(self, o):
        return isinstance(o, P) and o._x == self._x
p = P(1)
t(lambda: p.x)
def f():
    p.x = 5
    return p
t(f)
def f():
    p.x = -1
t(f)
t(lambda: hash(p))
t(lambda: P(1) == P(1))
t(lambda: P(1) != P(1))
t(lambda: P(1) != P(2))
class R:
    @property
    def ro(self): return 1
def f():
    R().ro = 2
t(f)
def f():
    del R().ro
t(f)
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, V): return V(self.v + o.v)
        return NotImplemented
    def __radd__(self, o): return V(self.v + o)
    def __repr__(self): return f'V({self.v})'
    def __lt__(self, o): return self.v < o.v
    def __bool__(self): return self.v != 0
    def __len__(self): return 3
    def __iadd__(self, o):
        self.v += 100
        return self
t(lambda: V(1) + V(2))
t(lambda: 1 + V(2))
t(lambda: V(1) + 'a')
t(lambda: sum([V(1), V(2)]))
t(lambda: sorted([V(3), V(1)]))
t(lambda: V(1) > V(0))
t(lambda: V(1) <= V(0))
t(lambda: bool(V(0)))
def f():
    v = V(1)
    v += V(1)
    return v
t(f)
class L:
    def __len__(self): return -1
t(lambda: len(L()))
class L2:
    def __len__(self): return 'a'
t(lambda: len(L2()))
t(lambda: bool(L()))
class BB:
    def __bool__(self): return 1
t(lambda: bool(BB()))
class S:
    __slots__ = ('a', 'b')
s = S()
t(lambda: s.a)
def f():
    s.c = 1
t(f)
t(lambda: S.__slots__)
def f():
    s.a = 5
    return s.a
t(f)
t(lambda: hasattr(s, '__dict__'))
class C:
    count = 0
    @classmethod
    def make(cls): return cls
    @staticmethod
    def st(x): return x * 2
t(lambda: C.make())
t(lambda: C().make())
t(lambda: C.st(2))
t(lambda: C().st(3))
class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class D1(Base, tag='x'): pass
class D2(Base): pass
t(lambda: Base.subs)
class G:
    def __class_getitem__(cls, item): return f'G[{item}]'
t(lambda: G[int])
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns['added'] = 42
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a):
        print('calling', cls.__name__, a)
        return super().__call__(*a)
class M(metaclass=Meta):
    def __init__(self, x): self.x = x
t(lambda: M.added)
t(lambda: M(5).x)
t(lambda: type(M))
t(lambda: type('X', (), {'a': 1})().a)
t(lambda: type('X', (), {}).__name__)
class Desc:
    def __get__(self, obj, typ=None):
        return ('get', obj is None)
    def __set__(self, obj, v):
        print('set', v)
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
class UD:
    d = Desc()
t(lambda: UD.d)
t(lambda: UD().d)
def f():
    u = UD()
    u.d = 5
t(f)
class Str:
    def __str__(self): return 'str!'
t(lambda: str(Str()))
t(lambda: repr(Str()).startswith('<__main__.Str'))
t(lambda: f'{Str()}')
t(lambda: '%s' % Str())
t(lambda: format(Str(), ''))
t(lambda: format(Str(), 'x'))
class Rp:
    def __repr__(self): return 'rp!'
t(lambda: str(Rp()))
t(lambda: [Rp()])
t(lambda: {1: Rp()})
class EqOnly:
    def __eq__(self, o): return True
t(lambda: hash(EqOnly()))
t(lambda: EqOnly.__hash__)
class HashMe:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k)
    def __eq__(self, o): return self.k == o.k
t(lambda: len({HashMe(1), HashMe(1), HashMe(2)}))
class BadHash:
    def __hash__(self): return 'x'
t(lambda: hash(BadHash()))
class Cont:
    def __contains__(self, x): return x == 1
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
t(lambda: 1 in Cont())
t(lambda: list(Cont()))
t(lambda: 20 in Cont())
class CallMe:
    def __call__(self, *a, **k): return (a, k)
t(lambda: CallMe()(1, x=2))
class GA:
    def __getattr__(self, n): return n.upper()
t(lambda: GA().foo)
class GAt:
    def __getattribute__(self, n):
        if n == 'x': return 1
        return object.__getattribute__(self, n)
t(lambda: GAt().x)
t(lambda: GAt().y)
class Ctx:
    def __enter__(self):
        print('enter'); return self
    def __exit__(self, *a):
        print('exit', a[0].__name__ if a[0] else None)
        return True
def f():
    with Ctx() as c:
        raise ValueError('x')
    return 'after'
t(f)
t(lambda: super(int, 5).__add__(1))
class Sup(list):
    def append(self, x):
        super().append(x * 2)
def f():
    s = Sup()
    s.append(3)
    return s, type(s), len(s)
t(f)
class MyDict(dict):
    def __missing__(self, k): return k * 2
t(lambda: MyDict()[3])
class MyInt(int):
    def __repr__(self): return 'MyInt'
t(lambda: MyInt(5) + 1)
t(lambda: [MyInt(5)])
t(lambda: type(MyInt(5) + 1))
t(lambda: isinstance(True, int))
t(lambda: issubclass(bool, (str, int)))
t(lambda: isinstance(1, 'a'))
t(lambda: issubclass(1, int))
class AbstractLike:
    def __init_subclass__(cls): print('sub', cls.__name__)
class Z(AbstractLike): pass
t(lambda: Z.__mro__)
t(lambda: vars(A()))
t(lambda: dir(A())[:3])
t(lambda: getattr(a, 'nope', 'dflt'))
class Order:
    def __init__(self): self.b = 1; self.a = 2
t(lambda: vars(Order()))
class Eqq:
    def __eq__(self, o): return NotImplemented
t(lambda: Eqq() == Eqq())
t(lambda: Eqq() != 1)
class Num:
    def __index__(self): return 3
t(lambda: [1,2,3,4][Num()])
t(lambda: bin(Num()))
t(lambda: range(Num()))
t(lambda: 'ab' * Num())
class Fl:
    def __float__(self): return 2.5
t(lambda: float(Fl()))
import math
t(lambda: math.sqrt(Fl()))
class In:
    def __int__(self): return 7
t(lambda: int(In()))
class Tr:
    def __trunc__(self): return 9
t(lambda: int(Tr()))
t(lambda: object.__new__(A).__class__)
t(lambda: A.__dict__['__module__'])
t(lambda: A.__doc__)
class Docd:
    "doc here"
t(lambda: Docd.__doc__)
def fn():
    "fdoc"
t(lambda: fn.__doc__)
t(lambda: fn.__name__)
t(lambda: fn.__qualname__)
t(lambda: (lambda: 0).__name__)
t(lambda: repr(fn).startswith('<function fn at'))
t(lambda: repr(B.meth).startswith('<function B.meth at'))
t(lambda: repr(B().meth).startswith('<bound method B.meth of <__main__.B object'))
t(lambda: repr(len))
t(lambda: repr([].append).startswith('<built-in method append of list object'))
t(lambda: fn.__defaults__)
t(lambda: g.__kwdefaults__)
