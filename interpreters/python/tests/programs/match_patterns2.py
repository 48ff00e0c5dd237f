from enum import Enum
from dataclasses import dataclass
class Shape(Enum):
    CIRCLE = 1
    SQUARE = 2
@dataclass
class Node:
    value: int
    left: 'Node' = None
    right: 'Node' = None
def total(n):
    match n:
        case None:
            return 0
        case Node(v, l, r):
            return v + total(l) + total(r)
print(total(Node(1, Node(2), Node(3, Node(4)))))
def sh(s):
    match s:
        case Shape.CIRCLE:
            return 'round'
        case Shape.SQUARE:
            return 'boxy'
print(sh(Shape.CIRCLE), sh(Shape.SQUARE))
def m(x):
    match x:
        case [1, [2, *rest], {'k': v}] if v > 0:
            return ('deep', rest, v)
        case [a, b] | (a, b, _):
            return ('pair-ish', a, b)
        case str() as s if len(s) > 3:
            return 'long str'
        case {'a': [x, *_]} | {'b': x}:
            return ('alt map', x)
        case _:
            return 'default'
for x in [[1, [2, 3, 4], {'k': 5}], [1, [2], {'k': -1}], [7, 8], (7, 8, 9), 'hello', 'hi', {'a': [5, 6]}, {'b': 9}, {}]:
    print(m(x))
class Str(str): pass
match Str('abc'):
    case str(v):
        print('str subclass', v, type(v).__name__)
match 5:
    case int(x) if x > 3:
        print('int bound', x)
match [1, 2, 3, 4, 5]:
    case [first, *middle, last]:
        print(first, middle, last)
match {'a': 1, 'b': 2, 'c': 3}:
    case {'a': 1, **rest}:
        print(rest)
match (1, 2):
    case [x, y]:
        print('tuple as list pattern', x, y)
match [1, 2]:
    case (x, y):
        print('list as tuple pattern', x, y)
x = 'outer'
match 42:
    case x:
        print('captured', x)
print(x)
match 3.0:
    case 3:
        print('3.0 == 3')
match True:
    case 1:
        print('True matches 1')
match 1:
    case True:
        print('wrong')
    case _:
        print('1 is not True (identity)')
for v in [0, 1, 2, 3]:
    match v:
        case 0 | 1 as small:
            print('small', small)
        case n if n % 2 == 0:
            print('even', n)
        case n:
            print('odd', n)
for src in ["match x:\n case y:\n  pass\n case 1:\n  pass", "match x:\n case _:\n  pass\n case 1:\n  pass", "match x:\n case [*a, *b]:\n  pass", "match x:\n case {'a': 1, 'a': 2}:\n  pass", "match x:\n case Point(x=1, x=2):\n  pass"]:
    try:
        compile(src, '<s>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError', e.msg)
