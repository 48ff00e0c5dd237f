def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
l = [1, 2]
l.append(l)
print(l, repr(l))
d = {'a': 1}
d['self'] = d
print(d)
s = set()
t(lambda: s.add([1]))
t(lambda: {}.setdefault([1], 2))
t(lambda: {[1]: 2})
t(lambda: [3, 1, 2].sort(key=lambda x: 'a' if x == 1 else x))
t(lambda: sorted([1, None]))
t(lambda: sorted([[1], (1,)]))
t(lambda: [1, 2, 3].index(2, 0, 1))
t(lambda: (1, 2, 3).index(5))
t(lambda: 'abc'.index('c', 0, 1))
t(lambda: [].remove(1))
t(lambda: {}.pop('k'))
t(lambda: {1: 2}.popitem())
t(lambda: set([1]).remove(2))
t(lambda: frozenset([1]).add(2))
t(lambda: (1, 2).append(3))
t(lambda: 'abc'.append('d'))
def f():
    a = (1, 2)
    a[0] = 5
t(f)
def f():
    s = 'abc'
    s[0] = 'x'
t(f)
def f():
    d = {}
    del d['x']
t(f)
def f():
    l = [1]
    del l[5]
t(f)
def f():
    l = [1, 2, 3, 4, 5, 6]
    l[::2] = [0, 0]
t(f)
def f():
    l = [1, 2, 3, 4, 5, 6]
    del l[1::2]
    l[1:1] = 'xy'
    l[-1:] = []
    return l
t(f)
t(lambda: [1, 2, 3][::-2])
t(lambda: [1, 2, 3][-10:10])
t(lambda: 'hello'[1:-1:2])
t(lambda: list(range(10))[slice(2, None, 3)])
t(lambda: [1, 2, 3][1.5])
t(lambda: [1, 2, 3]['1'])
t(lambda: (1, 2)[None])
t(lambda: [1, 2][True])
t(lambda: {1: 'a'}[True])
t(lambda: {True: 'a', 1: 'b', 1.0: 'c'})
t(lambda: {1, True, 1.0})
t(lambda: dict.fromkeys(['a', 'b']))
t(lambda: dict(zip('ab', range(2))))
t(lambda: dict([('a', 1)], b=2))
t(lambda: {**{'a': 1}, 'b': 2, **{'a': 3}})
t(lambda: [*range(3), *'ab'])
t(lambda: (*[1, 2],))
t(lambda: {*[1, 2], *[2, 3]})
d2 = {'x': 1, 'y': 2}
t(lambda: d2.keys() - {'x'})
t(lambda: d2.items() & {('x', 1)})
t(lambda: list(d2.values()) == [1, 2])
t(lambda: d2.values() == d2.values())
t(lambda: d2 == {'y': 2, 'x': 1})
t(lambda: list(reversed(d2.items())))
t(lambda: d2 | {'z': 3})
def f():
    d = {'a': 1}
    d |= [('b', 2)]
    return d
t(f)
t(lambda: sorted({3: 'c', 1: 'a'}.items(), key=lambda kv: kv[1], reverse=True))
t(lambda: [x * y for x in range(3) for y in range(x)])
t(lambda: {x % 3 for x in range(10)})
t(lambda: {x: x * x for x in range(4) if x})
t(lambda: list(enumerate('ab', 1)))
t(lambda: list(zip('abc', range(2))))
t(lambda: list(zip()))
t(lambda: max({'a': 3, 'b': 5}, key=lambda k: {'a': 3, 'b': 5}[k]))
t(lambda: min([], key=len, default='none'))
t(lambda: sum(range(101)))
t(lambda: sum([[1], [2]], start=[]))
t(lambda: sum(['a'], ''))
t(lambda: ''.join(map(str, range(5))))
t(lambda: list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
t(lambda: [1, 2, 3].count(4))
t(lambda: [[1, 2], [3]].index([3]))
t(lambda: [1, [2, [3, [4]]]])
t(lambda: str([1.0, 2.5, 1e20, 1e-5, -0.0]))
t(lambda: str((1,)))
t(lambda: str(()))
t(lambda: repr(set()))
t(lambda: repr({1: {2: {3: []}}}))
t(lambda: [] == [] and [] is not [])
t(lambda: [1, 2] < [1, 2, 0])
t(lambda: (1, 'a') < (1, 'b'))
t(lambda: (1, 2) < (1, 'a'))
t(lambda: {1: 2} == {1: 2, 3: 4})
t(lambda: list.__name__)
t(lambda: len({1: 2, 3: 4}.items()))
t(lambda: 2 in {1: 2})
t(lambda: ('a', 1) in {'a': 1}.items())
import copy
a = [[1, 2], [3]]
b = copy.deepcopy(a); b[0].append(9); c = copy.copy(a); c[1].append(8)
print(a, b, c)
t(lambda: list(range(5, 0, -2)))
t(lambda: range(5)[1:3])
t(lambda: list(range(0)))
t(lambda: range(3).start)
t(lambda: 5 in range(0, 10, 5))
t(lambda: range(10).index(7))
t(lambda: range(1, 10, 3)[-1])

t(lambda: list(reversed(range(1, 10, 3))))
t(lambda: sorted('hello', key=str.upper))
t(lambda: sorted([3, 1, 2], reverse=True))
t(lambda: list(filter(str.isdigit, 'a1b2')))
t(lambda: all(x > 0 for x in [1, 2]) and any([0, '', None]))
