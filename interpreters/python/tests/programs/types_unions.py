# X | Y unions, the types module, builtin iterators' __next__, cell_contents
import types
print(isinstance(1, int | str), isinstance(None, int | None), int | str, int | None | str)
print((int | str) == (str | int), issubclass(bool, int | str), int | int, type(int | str).__name__)
try:
    int | 3
except TypeError as e:
    print(e)
def h(x: int | None = None) -> str | None:
    return x
print(h.__annotations__)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]), vars(ns))
def f():
    pass
def g():
    yield 1
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(g(), types.GeneratorType))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp), list(mp), mp)
try:
    mp["z"] = 2
except TypeError as e:
    print(e)
it = iter([1, 2, 3])
print(it.__next__(), next(it), it.__iter__() is it)
print(iter("ab").__next__(), iter({7: 8}).__next__(), iter({5}).__next__(), iter((9,)).__next__())
print(map(str, [1]).__next__(), zip([1], [2]).__next__(), enumerate("z").__next__(), iter(range(4)).__next__())
e = iter([])
try:
    e.__next__()
except StopIteration:
    print("StopIteration")
gen = g()
print(gen.__iter__() is gen, gen.gi_running)
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
ic = counter()
ic()
print(ic(), ic.__closure__[0].cell_contents)
import collections.abc as cabc
from collections import deque, OrderedDict
print([isinstance(x, cabc.Sequence) for x in ([], (), "", range(1), deque(), {}, set())])
print([isinstance(x, cabc.MutableMapping) for x in ({}, OrderedDict(), [], ())])
print(issubclass(frozenset, cabc.Set), issubclass(set, cabc.MutableSet), issubclass(list, cabc.MutableSequence))
