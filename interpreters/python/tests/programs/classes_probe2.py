def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def __init__(self, x, y=2): self.x = x
class B(A): pass
t(lambda: A())
t(lambda: A(1, 2, 3))
t(lambda: B())
t(lambda: A(1, z=3))
t(lambda: A(x=1, x2=2))
def f(a, b, /, c, *, d): pass
t(lambda: f(1, 2, 3))
t(lambda: f(1, b=2, c=3, d=4))
t(lambda: f(1, 2, 3, 4, d=5))
t(lambda: f())
def g(*args, **kwargs): return args, kwargs
t(lambda: g(1, a=2))
def h(a, b=1, *c, d, e=2, **f): return (a, b, c, d, e, f)
t(lambda: h(1, 2, 3, 4, d=5, z=6))
t(lambda: h(1))
t(lambda: (lambda: 0)(1))
class NoInit: pass
t(lambda: NoInit(1))
t(lambda: object(1))
t(lambda: int('a', 'b'))
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {}
    def __new__(mcs, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class K(metaclass=Meta, flag=True):
    a = 1
    def m(self): pass
class Base:
    def __init_subclass__(cls, /, required=False, **kw):
        super().__init_subclass__(**kw)
        cls.required = required
class Sub(Base, required=True): pass
print(Sub.required)
class Named:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, owner=None): return self if obj is None else f'{self.name} of {type(obj).__name__}'
class H:
    attr = Named()
print(H().attr, H.attr.name)
def make():
    class Local:
        pass
    return Local
L = make()
print(L.__qualname__, repr(L), str(L()).split(' at ')[0])
class WithSlots:
    __slots__ = ('a',)
w = WithSlots()
t(lambda: w.a)
def setb(): w.b = 1
t(setb)
t(lambda: WithSlots.a)
class Abs:
    pass
import abc
class AB(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @abc.abstractmethod
    def stop(self): ...
t(lambda: AB())
class Impl(AB):
    def run(self): return 'r'
    def stop(self): return 's'
print(Impl().run())
class Prop:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val
    @v.deleter
    def v(self): print('deleting'); del self._v
p = Prop(); p.v = 3; print(p.v); del p.v
t(lambda: p.v)
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __mul__(self, o): return NotImplemented
    def __rmul__(self, o): return 'rmul'
    def __repr__(self): return f'Num({self.v})'
    def __eq__(self, o): return NotImplemented
    def __neg__(self): return Num(-self.v)
    def __abs__(self): return Num(abs(self.v))
    def __getitem__(self, i): return i * 2
    def __call__(self, *a): return a
    def __index__(self): return self.v
print(Num(1) + 2, 3 + Num(1), sum([Num(1), Num(2)], Num(0)), -Num(3), abs(Num(-2)))
t(lambda: Num(1) * Num(2))
t(lambda: 2 * Num(2))
print(Num(1) == Num(1), Num(1) != Num(1), Num(2)[5], Num(2)(1, 2), [0, 1, 2][Num(1)], hex(Num(255)))
class Sub2(Num):
    def __radd__(self, o): return 'sub radd'
print(Num(1) + Sub2(2))
class E:
    def __eq__(self, o): return True
print(E() == 1, 1 == E(), E() in [1], [E()] == [2], hash is not None)
t(lambda: hash(E()))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), max(It()), 2 in It())
class Str:
    def __str__(self): return 'S'
    def __repr__(self): return 'R'
    def __format__(self, spec): return f'F[{spec}]'
print(Str(), [Str()], f'{Str()}', f'{Str():abc}', f'{Str()!r}', f'{Str()!s}', '{}'.format(Str()), '%s %r' % (Str(), Str()))
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f'C{self.v}'
t(lambda: Cmp(1) > Cmp(2))
t(lambda: Cmp(1) <= Cmp(2))
import functools
@functools.total_ordering
class TO:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(TO(1) <= TO(2), TO(3) >= TO(2), TO(1) > TO(1))
class Ctx:
    def __enter__(self): print('in'); return 'val'
    def __exit__(self, et, ev, tb): print('out', et.__name__ if et else None, ev); return False
try:
    with Ctx() as v:
        print(v)
        raise KeyError('k')
except KeyError as e:
    print('propagated', e)
with Ctx() as a, Ctx() as b:
    print(a, b)
print(type.__name__, type(type), isinstance(type, object), issubclass(type, object))
o = object()
t(lambda: o.__dict__)
print(A.__init__.__qualname__, A(1).__class__.__name__, A.__dict__['__init__'].__name__)
class Slotted:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
s = Slotted()
t(lambda: s.y)
print(getattr(s, 'y', 'dflt'), hasattr(s, 'x'))
class Cls:
    counter = 0
    def __init__(self): Cls.counter += 1
Cls(); Cls()
print(Cls.counter, Cls().counter)
print(vars(Cls)['counter'], 'counter' in Cls.__dict__)
