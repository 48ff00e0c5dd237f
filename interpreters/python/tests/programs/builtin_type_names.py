# The types of builtin methods, of globals() and of itertools' iterators, as CPython names them;
# what dir() lists for builtin objects; locals() at module level; assigned __module__.
import itertools
import functools

print(type(str.upper).__name__, type('a'.upper).__name__, type(int.__add__).__name__, type((1).__add__).__name__)
print(type(len).__name__, type(str.maketrans).__name__, type(object.__init__).__name__, type(object().__str__).__name__)
print(type(int.__new__).__name__, type(list.__getitem__).__name__, type([].__getitem__).__name__, type({}.get).__name__)
print(str.upper('abc'), callable(str.upper), str.upper.__name__, str.upper.__qualname__)

print(type(globals()) is dict, type(globals()), isinstance(globals(), dict))
print(globals() is globals(), locals() is globals())
locals()['made_by_locals'] = 'yes'
print(made_by_locals)


def wrapped():
    pass


wrapped.__module__ = 'elsewhere'
print(wrapped.__module__)


@functools.wraps(wrapped)
def wrapper():
    pass


print(wrapper.__module__, wrapper.__name__)

for it in [itertools.cycle('a'), itertools.accumulate([1]), itertools.islice('abc', 2),
           itertools.product('ab'), itertools.permutations('ab'), itertools.combinations('ab', 1),
           itertools.pairwise('abc'), itertools.zip_longest('a', 'bc'), itertools.starmap(pow, [(2, 3)]),
           itertools.count(), itertools.repeat(1, 2), itertools.chain('a')]:
    print(type(it), next(it))
key, group = next(itertools.groupby('aab'))
print(type(group).__name__, key, list(group))
print(isinstance(itertools.product('a'), itertools.product), list(itertools.product('ab', repeat=2)))

print([n for n in dir(1.0) if n.startswith('__g')])
print([n for n in dir(b'') if n.startswith('__b')], '__complex__' in dir(1j), '__bool__' in dir(None))


def f():
    pass


print([n for n in dir(f) if n in ('__code__', '__name__', '__globals__', '__defaults__', '__module__')])
print([n for n in dir(type) if n in ('__mro__', '__bases__', '__name__', 'mro')])
print([n for n in dir(ValueError()) if n in ('__dict__', 'args', '__setstate__')])
import builtins
print([n for n in ('function', 'NoneType', 'generator', 'module', 'True', 'False') if hasattr(builtins, n)])
