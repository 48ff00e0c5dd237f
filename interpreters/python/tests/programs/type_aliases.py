def f(x: int | None = None, y: list[int] | None = None) -> dict[str, list[int]]:
    return x
print(f(3))
print(f.__annotations__)
print(int | str, type(int | str))
print(isinstance(3, int | str), isinstance('a', (int | None)), isinstance(None, int | None))
print(list[int], dict[str, int], tuple[int, ...], list[list[int]], type[int])
print(list[int]([1, 2]), list[int] == list[int], list[int].__origin__, list[int].__args__)
import collections
print(collections.deque[int], collections.OrderedDict[str, int])
x: list[int] = []
print(__annotations__)
from typing import Optional, List, Dict, Union
print(Optional[int], List[int], Dict[str, int], Union[int, str])
import types
from collections import defaultdict, deque, OrderedDict, Counter
print(type(list[int]), type(int | None))
print(list[int] | None, None | int, int | None | str, (int | str) | (str | float), int | int)
print(dict[str, list[tuple[int, ...]]])
print(isinstance(5, int | str), issubclass(bool, int | str), isinstance(None, int | None))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int | 5
except TypeError as e:
    print(e)
class MyList(list[int]):
    pass
m = MyList([1, 2])
print(m, MyList.__bases__, MyList.__orig_bases__, type(m).__mro__)
print(defaultdict[str, int], deque[int])
ns = types.SimpleNamespace(a=1, b='x')
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x'))
ns.c = 3
print(ns)
print(types.FunctionType, types.NoneType, types.ModuleType)
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print((int | str) == (str | int))
print(list[int].__origin__, dict[str, int].__args__)
from typing import List, Optional
print(Optional[int] | None)
def g(a: 'int', b: list['X']) -> None: pass
print(g.__annotations__)
print(tuple[()], tuple[int])
import builtins
print(builtins.len([1, 2]), builtins.__name__, type(builtins))
print(builtins.int is int, hasattr(builtins, 'print'))
orig = builtins.print
def myprint(*a, **k):
    orig('>>', *a, **k)
builtins.print = myprint
print('hi')
builtins.print = orig
print('back')
