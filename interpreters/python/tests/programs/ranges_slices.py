# range, slice, in, min/max, iter(callable, sentinel), sum, reversed, globals/locals/dir.
r = range(2, 20, 3)
print(r, r.start, r.stop, r.step, len(r), r[2], r[-1], r[1:4], r[::-1], r[::2], range(10)[2:5], range(10)[::-1])
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), list(reversed(range(0))), list(r[::-2]))
print(8 in r, 9 in r, 8.0 in r, "a" in r, r.index(11), r.count(11), r.count(12), range(5).index(True))
try: r.index(12)
except ValueError as e: print(e)
print(range(0) == range(5, 5), range(1, 4, 2) == range(1, 5, 2), range(3) == range(3), range(3) != range(4), hash(range(3)) == hash(range(0, 3)))
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None, None, -1).indices(5), slice(2, -1).indices(10), s.indices(4))
print("abcdefghij"[s], [0,1,2,3,4,5,6,7,8,9][slice(None, None, -3)], (1,2,3)[slice(1, None)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
class C:
    def __getitem__(self, k): return k
c = C()
print(c[1:2], c[::3], c[1:2, 3], c[...], c[:])
try: hash(slice(1))
except TypeError as e: print(e)
try: slice()
except TypeError as e: print(e)
print(1 in [1, 2], 3 in (1, 2), 1 in {1: 2}, (1, 2) in {1: 2}.items(), 2 in {1: 2}.values())
class D:
    def __contains__(self, x): return x == 5
class E:
    def __iter__(self): return iter([7, 8])
class F:
    def __getitem__(self, i):
        if i < 3: return i * 10
        raise IndexError
print(5 in D(), 4 in D(), 8 in E(), 9 in E(), 20 in F(), 25 in F())
for bad in [lambda: 1 in "abc", lambda: 1 in 5, lambda: 1 in D, lambda: "x" in object()]:
    try: bad()
    except TypeError as e: print(e)
print(max([1, 5, 3]), max(1, 5, 3), max([], default=7), max([3, 1], key=lambda x: -x), min("bca"), min([], default=None), max([(1, 'a'), (1, 'b')]))
for bad in [lambda: max(), lambda: max([]), lambda: max(1, 2, default=0), lambda: max(5), lambda: min([1], foo=2)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
it = iter([1, 2, 3, 0, 5]).__next__ if False else None
data = [1, 2, 3, 0, 5]
def nxt(): return data.pop(0)
print(list(iter(nxt, 0)), data)
try: iter(5, 0)
except TypeError as e: print(e)
print(sum([1, 2, 3]), sum([1.5, 2.5], 10), sum([[1], [2]], []), sum(range(101)), sum((x for x in [1, 2]), start=5))
try: sum(["a"], "")
except TypeError as e: print(e)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed({1: 2, 3: 4})), list(reversed((1, 2))))
try: reversed({1, 2})
except TypeError as e: print(e)
print((5).real, (5).imag, (5).numerator, (5).denominator, True.real, (2.5).real, (2.5).imag)
x = 5
def f(a, b=2):
    c = a + b
    def g(): return c
    return sorted(locals().items(), key=lambda kv: kv[0]) if False else sorted((k, v) for k, v in locals().items() if k != 'g')
print(f(1), "x" in globals(), globals()["x"], "f" in globals())
class K:
    y = 1
    z = sorted(k for k in locals() if not k.startswith('__'))
print(K.z)
def h():
    q = 1
    r = [2]
    return dir()
print(h(), vars()["x"], sorted(k for k in dir() if not k.startswith('_')))
for i in range(3):
    t = globals()["x"] + i
print(t)
try: globals(1)
except TypeError as e: print(e)
