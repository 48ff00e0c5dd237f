import collections
from collections import namedtuple, Counter, OrderedDict, defaultdict
P = namedtuple('Point', 'x y')
p = P(1, 2)
print(p, isinstance(p, tuple), p + (3,), p[0], p[-1], len(p), p == (1, 2), (1, 2) == p, hash(p) == hash((1, 2)))
x, y = p
print(x, y, p.x, p.y, p._replace(x=10), p._asdict(), P._fields, P._make([5, 6]), list(p), p[:1], type(p[:1]).__name__)
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[0, 9])
print(Q(1), Q(1, 2), Q(a=3, c=4), Q._field_defaults, sorted([P(2, 1), P(1, 5)]), max(P(1, 2)))
print(repr(P), P.__name__, type(p).__name__, P(x=1, y=2) < P(1, 3), p * 2, tuple(p), {p: 1}[(1, 2)])
class V(namedtuple('V', 'dx dy')):
    __slots__ = ()
    def norm(self): return abs(self.dx) + abs(self.dy)
    def __add__(self, o): return V(self.dx + o.dx, self.dy + o.dy)
v = V(1, -2)
print(v, v.norm(), v + V(1, 1), isinstance(v, tuple), "%s-%s" % v, "{}".format(v))
try:
    P(1)
except TypeError as e:
    print(e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
c = Counter("abracadabra")
print(c, isinstance(c, dict), c['a'], c['z'], c.most_common(2), len(c), sorted(c), c.total())
c.update("aaz"); c['q'] += 2
print(c, c + Counter(a=1), c - Counter(a=100), dict(c) == {k: c[k] for k in c}, Counter(a=1) == {'a': 1})
od = OrderedDict([('b', 1), ('a', 2)])
od['c'] = 3; od.move_to_end('b'); od.move_to_end('c', last=False)
print(od, isinstance(od, dict), list(od), od.popitem(), od.popitem(last=False), od, od == {'a': 2}, OrderedDict.fromkeys('xy', 0))
dd = defaultdict(list)
dd['a'].append(1); dd['b'].append(2); dd['a'].append(3)
print(dd, isinstance(dd, dict), dict(dd), dd['a'], len(dd), 'zz' in dd, sorted(dd.items()), dd.get('nope'))
di = defaultdict(int)
for w in "a b a c a".split():
    di[w] += 1
print(di, max(di, key=di.get), {**di}, di | {'d': 7}, type(di | {'d': 7}).__name__, di.copy())
print(collections.UserDict({'a': 1}), isinstance(collections.UserDict(), dict), collections.ChainMap({'a': 1}, {'b': 2})['b'])
import json
print(json.dumps(c), json.dumps(p), json.dumps(od))
