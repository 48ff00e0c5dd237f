# Corners of classes and protocols: set subclass reprs, what __iter__ must return, sorted()'s
# arguments, instance layout conflicts, non-class bases, the order of the builtin exception
# classes, the sequence protocol's iterator, builtin class methods in their class's dict.
class S(set):
    pass


class F(frozenset):
    pass


class R(set):
    def __repr__(self):
        return 'R!'


print(S(), S([1]), F(), F('a'), [S([2])], repr(S({3})), str(F([4])), R([1]))


class BadIter:
    def __iter__(self):
        return 5


class GoodIter:
    def __iter__(self):
        return iter([1, 2])


for make in [lambda: iter(BadIter()), lambda: list(BadIter()), lambda: list(GoodIter())]:
    try:
        print(make())
    except TypeError as e:
        print('TypeError:', e)

for call in ['sorted()', 'sorted([1], 2)', '[].sort(1)', '[].sort(k=1)', 'sorted([], cmp=None)']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
print(sorted([3, 1, 2], key=None, reverse=True))


class S1:
    __slots__ = ('a',)


class S2:
    __slots__ = ('b',)


class Empty:
    __slots__ = ()


class WithDict:
    __slots__ = ('__dict__',)


for bases in [(S1, S2), (S1, Empty), (S1, WithDict), (int, str), (int, S1), (list, dict),
              (ValueError, KeyError), (OSError, ValueError), (dict, Empty)]:
    try:
        type('X', bases, {})
        print('ok', [b.__name__ for b in bases])
    except TypeError as e:
        print([b.__name__ for b in bases], e)

for base in [1, 'a', None]:
    try:
        class X(base):
            pass
    except TypeError as e:
        print(type(base).__name__, 'base:', e)
try:
    type('W', (None,), {})
except TypeError as e:
    print(e)

print(BaseException.__subclasses__()[:4])
print(ArithmeticError.__subclasses__(), LookupError.__subclasses__()[:2])
print(Exception.__subclasses__()[:6])


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


it = iter(Seq())
print(type(it).__name__, list(it), list(Seq()), 20 in Seq())
print(type(dict.__dict__['fromkeys']).__name__, type(dict.fromkeys).__name__, type(int.__dict__['from_bytes']).__name__)

# Builtin types whose instances only the runtime makes; modules made by types.ModuleType.
import types
for make in [lambda: type(len)(), lambda: type(print)('x'), lambda: type(str.upper)(), lambda: type(None)(),
             lambda: type(NotImplemented)(), lambda: type(...)(), lambda: type(lambda: 0)(),
             lambda: type((x for x in []))(), lambda: type(iter([]))(), lambda: type({}.keys())()]:
    try:
        print(repr(make()))
    except TypeError as e:
        print(e)
m = types.ModuleType('mymod', 'its doc')
m.v = 3
print(m.__name__, m.__doc__, m.v, repr(m), types.ModuleType('m'))
