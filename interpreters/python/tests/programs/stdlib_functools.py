# functools and operator
import functools
import operator
from functools import reduce, partial, wraps, lru_cache, total_ordering, cmp_to_key

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6), 10))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError", e)


def power(base, exponent):
    return base ** exponent


square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(5), cube(2), square.func is power, square.args, square.keywords)
add5 = partial(operator.add, 5)
print(list(map(add5, [1, 2, 3])), partial(add5, 1)())
join_dash = partial("-".join)
print(join_dash(["a", "b"]))


def trace(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print("call", fn.__name__, args, "->", result)
        return result
    return wrapper


@trace
def area(w, h):
    "Area of a rectangle."
    return w * h


area(2, 3)
print(area.__name__, area.__doc__, area.__wrapped__(4, 5))


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache(maxsize=2)
def slow_square(n):
    print("computing", n)
    return n * n


for n in [1, 2, 1, 3, 2, 1]:
    slow_square(n)
print(slow_square.cache_info())


@functools.cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


print(ways(30), ways.cache_info().currsize)


class Account:
    def __init__(self, owner):
        self.owner = owner

    @lru_cache(maxsize=None)
    def label(self, prefix):
        return prefix + ":" + self.owner


acct = Account("ann")
print(acct.label("id"), acct.label("id"), Account.label.cache_info().hits)


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return "Version(%d, %d)" % (self.major, self.minor)


a, b = Version(1, 2), Version(1, 3)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, max(a, b), sorted([b, a]))


def compare_len_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)


print(sorted(["pear", "fig", "apple", "kiwi", "date"], key=cmp_to_key(compare_len_then_alpha)))


@functools.singledispatch
def describe(obj):
    return "object " + repr(obj)


@describe.register(int)
def _(obj):
    return "int " + str(obj)


@describe.register(list)
def _(obj):
    return "list of " + str(len(obj))


print(describe(3), describe([1, 2]), describe("s"), describe(True))

# operator
from operator import itemgetter, attrgetter, methodcaller

rows = [("b", 2, 9.5), ("a", 3, 1.0), ("c", 1, 5.0)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(2, 0)))
print(itemgetter(0)("xyz"), itemgetter(slice(1, 3))("abcd"), itemgetter("k")({"k": 7}))


class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner


print(attrgetter("name")(P("n")), attrgetter("inner.name", "name")(P("o", P("i"))))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b,c"), methodcaller("replace", "a", b="x") if False else "")
print(operator.add(2, 3), operator.sub(9, 4), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-3))
print(operator.eq(1, 1), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5), operator.lshift(1, 4), operator.rshift(32, 2))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.concat([1], [2]))
lst = [1, 2, 3]
operator.setitem(lst, 0, 9)
operator.delitem(lst, 1)
print(lst, operator.getitem(lst, -1), operator.iadd([1], [2]), operator.index(7))
print(itemgetter(1), attrgetter("a", "b.c"), methodcaller("f", 1, k=2))
