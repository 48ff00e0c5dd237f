# Sets: CPython's iteration order for ints (table slots, probing, dummies, resizes), frozensets,
# operators and methods, and an order fuzz driven by a small LCG.
class R:
    def __init__(self, seed):
        self.x = seed
    def randint(self, a, b):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return a + self.x % (b - a + 1)
    def choice(self, xs):
        return xs[self.randint(0, len(xs) - 1)]
r = R(7)

for trial in range(60):
    s = set()
    n = r.randint(0, 60)
    for _ in range(n):
        op = r.randint(0, 9)
        x = r.randint(-50, 300) * r.choice([1, 1, 8, 32, 1024])
        if op < 6:
            s.add(x)
        elif op < 8:
            s.discard(x)
        elif op == 8 and s:
            s.pop()
        else:
            s = s | {x, x + 1}
    t = set(r.randint(0, 100) for _ in range(r.randint(0, 30)))
    print(s)
    print(s | t, s & t, s - t, s ^ t, t - s, t ^ s, t & s)
    print(set(s), frozenset(t), s.union(t, [1, 2, 3]), s.intersection(t, s))
    u = set(s); u.difference_update(t); print(u)
    u = set(s); u.symmetric_difference_update(t); print(u)
    u = set(s); u.intersection_update(t); print(u)
    u = set(s); u |= t; print(u)
    print({(a, a % 3) for a in s})
    print({frozenset([a, a + 1]) for a in t})
    print(set(range(n)), set(str(a) for a in t) == {str(a) for a in t})
s = {5, 3, 17, 1, 100, 33, 8}
print(s)
print({1, 2, 3} | {9, 40, 17})
a = set(range(20)); print(a)
print(a - {3, 4}, a & {19, 1, 33})
print({(1, 2), (3, 4), (0, 0), (5, -1)})
print(hash((1, 2)), hash(()), hash((1,)), hash(frozenset([1, 2, 3])), hash(frozenset()))
print({frozenset([1]), frozenset([2, 3]), frozenset()})
print(frozenset([3, 1]), frozenset())
s = set()
for i in [40, 8, 16, 24, 32, 1, 9]:
    s.add(i)
print(s)
s.discard(8); s.add(72); print(s, s.pop(), s)
print({'a', 'b', 'c'} == set('abc'))
x = {1, 2}; y = x; x |= {3}; print(y, x is y)
x &= {2, 3}; x -= {3}; x ^= {7}; print(y)
print({1,2,3}.isdisjoint([4]), {1}.intersection({1,2},[1]), set('abc').union('cd') == set('abcd'))
s = {1,2,3}; s.intersection_update([2,3,4], {3}); print(s)
s = {1,2,3,4}; s.difference_update([1], {2}); print(s)
s.symmetric_difference_update([4, 5]); print(s)
print(frozenset([1,2]) | {3}, {3} | frozenset([1,2]))
print({1} < [1] if False else 'ok')
try:
    {1} < [1]
except TypeError as e: print(e)
try:
    {1} | [1]
except TypeError as e: print(e)
print(set([1,2]) == frozenset([1,2]), {frozenset([1,2]): 1}[frozenset([2,1])])
print({1, 2} in {frozenset({1, 2})})
class A:
    def __eq__(self, o): return True
class B(A):
    def __hash__(self): return 2**70
class C:
    __hash__ = None
class D(B): pass
class E:
    def __hash__(self): return -1
for k in (A, C):
    try: hash(k())
    except TypeError as e: print(e)
print(hash(B()), hash(D()) == hash(B()), hash(E()), len({D(), D()}))
try: {A()}
except TypeError as e: print(e)
class P(Exception): pass
print(hash(P()) == hash(P()) or True, hash(True), hash(1.0) == hash(1) == hash(True))
