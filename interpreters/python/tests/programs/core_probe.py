def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
import functools, itertools
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k)
    return w
@deco
def hello(x):
    "doc"
    return x
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__)
print([y for x in range(3) if (y := x * 2) > 0])
def gen():
    x = yield 1
    print('got', x)
    y = yield from [2, 3]
    return 'done'
g = gen()
print(next(g), g.send('s'), next(g))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)
print(list(zip(*[(1, 'a'), (2, 'b')])))
print({k: v for k, v in sorted({'b': 1, 'a': 2}.items())})
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')], key=lambda p: p[0]))
print(f"{'nested'!r:>10} {3.14159:.2f} {42:#x} {1e10:,.0f} {-7:+d}")
x = 10
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
print(outer()(), x)
print(*range(3), sep='-', end='!\n')
print(1_000_000, 0b1010, 0o17, 0xff, 1e3, 1j, 3 + 4j)
a = [1, 2, 3]
a[1:2] = []
print(a, a * 2, [0] * 3, 'ab' * 3)
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, 2 ** -1, (-2) ** 2, -2 ** 2)
print(round(0.5), round(1.5), round(2.675, 2), round(-1.5), int(-0.9))
print(str(0.1 + 0.2), 1 / 3, 2 / 3, 100.0, 1e100, 1.5e-10, float('1e500'), -float('inf'))
print(max([1, 3, 2], key=lambda v: -v), min('bca'), sum([1.5, 2.5]))
print(list(map(str, [1, 2])), list(filter(lambda v: v % 2, range(6))))
print(any(v > 2 for v in [1, 3]), all([]), list(reversed([1, 2, 3])))
print(isinstance(1, (int, str)), type(1) is int, type(True).__mro__)
print(chr(9731), ord('☃'), '\N{SNOWMAN}', '\u00e9', len('héllo'))
print('%-5s|%5s|%05.1f' % ('a', 'b', 3.14159))
print(repr('tab\there'), repr("quote'"), repr('both\'"'), str(b'\x00\xff'))
print([1, 'a', None, True, 2.0, (1,), {1: 2}, {3}, frozenset()])
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f'P({self.x!r})'
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
    def __hash__(self): return hash(self.x)
    def __lt__(self, o): return self.x < o.x
print(sorted([P(3), P(1)]), P(1) == P(1), {P(1), P(1)}, P(2) in [P(2)])
print(max(P(1), P(5)), min([P(4), P(2)]))
from dataclasses import dataclass, field
@dataclass(order=True, frozen=True)
class D:
    a: int
    b: str = 'x'
    c: list = field(default_factory=list, compare=False)
d = D(1)
print(d, d == D(1), d < D(2), hash(d) == hash(D(1)))
try:
    d.a = 5
except Exception as e:
    print(type(e).__name__, e)
from enum import Enum, auto
class Color(Enum):
    RED = auto()
    GREEN = auto()
print(Color.RED, repr(Color.GREEN), Color(1), Color['GREEN'], list(Color), Color.RED.name, Color.RED.value)
from collections import Counter, defaultdict, namedtuple, OrderedDict, deque
c = Counter('abracadabra')
print(c.most_common(2), c['a'], c['z'])
dd = defaultdict(list); dd['k'].append(1); print(dd)
Pt = namedtuple('Pt', 'x y'); p = Pt(1, 2); print(p, p.x, p._replace(x=5), p._asdict())
dq = deque([1, 2, 3], maxlen=3); dq.append(4); print(dq)
print(list(itertools.permutations([1, 2, 3], 2))[:3], list(itertools.accumulate([1, 2, 3])))
print(list(itertools.chain([1], [2])), list(itertools.islice(itertools.count(), 3)), list(itertools.product('ab', repeat=2)))
print(list(itertools.groupby('aabbc')) and [(k, len(list(g))) for k, g in itertools.groupby('aabbc')])
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50))
print(type(None).__name__, type(print).__name__, type(len), type(P.__init__), type(P(1).__repr__))
class A:
    @property
    def v(self): return 1
    @staticmethod
    def s(): return 's'
    @classmethod
    def c(cls): return cls.__name__
print(A().v, A.s(), A.c(), A().c())
print(str(A)[:17], repr(A.v)[:18])
i = iter([1, 2])
print(next(i), next(i), next(i, 'end'))
print(globals()['x'], 'x' in dir())
print([[0] * 2 for _ in range(2)], [i for i in range(10)][::3])
print({1, 2} | {3}, {1, 2} & {2}, {1, 2} - {1}, {1, 2} ^ {2, 3})
print(sorted({'b': 1, 'a': 2}), list({'b': 1, 'a': 2}.values()))
s = 'Hello World'
print(s.lower().count('o'), s[::-1], s.split(), '-'.join(s), s.replace('o', '0', 1))
print(int('42'), float('3.5'), str(42), bool(''), bool('a'), list('ab'), tuple([1]), dict(a=1))
print(abs(-3), pow(2, 10), pow(2, 10, 7), hex(255), bin(5), oct(8), chr(65), ord('A'))
print(1 if 0 else 2, (lambda *a, **k: (a, k))(1, b=2))
try:
    raise ValueError('bad') 
except (TypeError, ValueError) as e:
    print('caught', repr(e))
finally:
    print('fin')
with open('/tmp/_mtpy_core_probe.txt', 'w') as fh:
    fh.write('line1\nline2\n')
with open('/tmp/_mtpy_core_probe.txt') as fh:
    print(fh.read().splitlines(), end=' ')
with open('/tmp/_mtpy_core_probe.txt') as fh:
    for line in fh:
        print(line.rstrip(), end=';')
print()
print(f'{"a":*^9}', f'{12345.6789:_.2f}', f'{0.000123:.2e}', f'{123:08.3f}', f'{True!s}', f'{None}')
