from dataclasses import dataclass
from collections import namedtuple, deque, OrderedDict, defaultdict
@dataclass
class Point:
    x: int
    y: int
class Plain:
    def __init__(self, a, b):
        self.a = a; self.b = b
P2 = namedtuple('P2', 'u v')
def describe(s):
    match s:
        case []:
            return 'empty'
        case [x]:
            return f'one {x}'
        case [x, y]:
            return f'two {x} {y}'
        case [1, *rest]:
            return f'starts 1 then {rest}'
        case [*init, 'end']:
            return f'ends: {init}'
        case (a, b, *_, z):
            return f'long {a} {b} .. {z}'
        case _:
            return 'other'
for s in [[], [5], (1, 2), [1, 2, 3], ['a', 'b', 'end'], (9, 8, 7, 6), 'ab', 'abc', range(4), deque([1, 2]), {1: 2}, 5]:
    print(repr(s), describe(s))
def cls(o):
    match o:
        case Point(x=0, y=0):
            return 'origin'
        case Point(0, y):
            return f'on y axis {y}'
        case Point(x, 0):
            return f'on x axis {x}'
        case Point(x=x, y=y) if x == y:
            return f'diag {x}'
        case Point():
            return 'point'
        case Plain(a=1, b=b):
            return f'plain b={b}'
        case P2(u, v):
            return f'p2 {u} {v}'
        case int(n) if n > 100:
            return f'big int {n}'
        case int() | float():
            return 'number'
        case str(s):
            return f'str {s!r}'
        case bool():
            return 'bool?'
        case [Point(x=a), Point(x=b)]:
            return f'two points {a} {b}'
        case {'type': 'circle', 'r': r}:
            return f'circle {r}'
        case {'type': 'rect', **rest}:
            return f'rect {rest}'
        case {}:
            return 'some mapping'
        case None:
            return 'none'
    return 'nomatch'
for o in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Plain(1, 'q'), Plain(2, 3), P2(1, 2), 500, 5, 2.5, 'hi', True, [Point(1, 2), Point(3, 4)], {'type': 'circle', 'r': 3}, {'type': 'rect', 'w': 1, 'h': 2}, {'x': 1}, OrderedDict(a=1), defaultdict(int), None, object()]:
    print(cls(o))
def cmd(c):
    match c.split():
        case ['go', ('north' | 'south') as d]:
            return f'go {d}'
        case ['take', item, *more] if more:
            return f'take {item} and {more}'
        case ['take', item]:
            return f'take {item}'
        case [('quit' | 'exit')]:
            return 'bye'
        case _:
            return '?'
for c in ['go north', 'go west', 'take lamp', 'take a b c', 'quit', 'exit', '']:
    print(cmd(c))
match (1, [2, {'k': (3, 4)}]):
    case (a, [b, {'k': (c, d)}]):
        print(a, b, c, d)
class Color:
    RED = 1
    GREEN = 2
for v in [1, 2, 3]:
    match v:
        case Color.RED: print('red')
        case Color.GREEN: print('green')
        case other: print('other', other)
class M:
    __match_args__ = ('a', 'b')
    def __init__(self): self.a = 1
try:
    match M():
        case M(x, y): print(x, y)
        case _: print('no b attr')
except Exception as e:
    print(type(e).__name__, e)
try:
    match M():
        case M(1, 2, 3): pass
except TypeError as e:
    print(e)
try:
    match 5:
        case Plain(1): pass
        case int(1, 2): pass
except TypeError as e:
    print(e)
def g(x):
    match x:
        case {'a': 1, **kw}:
            return kw
        case [1, 2, *_]:
            return 'list12'
        case (1 | 2 | 3) as n:
            return n * 10
        case -1:
            return 'neg'
        case 1.5 | 2j:
            return 'odd'
        case 'x' | b'y':
            return 'xy'
    return None
for x in [{'a': 1, 'b': 2}, {'a': 2}, [1, 2, 3, 4], 2, -1, 1.5, 2j, 'x', b'y', (1, 2)]:
    print(g(x))
