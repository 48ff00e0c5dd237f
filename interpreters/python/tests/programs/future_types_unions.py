from __future__ import annotations
import __future__, gc, errno, types, atexit, builtins
print(__future__.annotations, __future__.division.getMandatoryRelease())
print(gc.collect(), gc.isenabled(), gc.get_threshold(), gc.is_tracked(1), gc.is_tracked([]))
gc.disable(); print(gc.isenabled()); gc.enable()
print(errno.ENOENT, errno.errorcode[2], errno.EWOULDBLOCK)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), types.ModuleType, types.NoneType)
def g(): yield
print(isinstance(g(), types.GeneratorType))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp), list(mp), mp)
try:
    mp["z"] = 2
except TypeError as e:
    print("TypeError", e)
print(builtins.len([1, 2]), builtins is __builtins__ if not isinstance(__builtins__, dict) else True)
atexit.register(print, "bye", 1)
@atexit.register
def last():
    print("registered last, runs first")
def h(x: UndefinedName) -> AlsoUndefined:
    return x
print(h.__annotations__)
class K:
    x: Foo
print(K.__annotations__)
print("end")
u = int | str
print(u, type(u), u.__args__, int | None, None | int, int | int)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))
print((int | str) == (str | int), hash(int | str) == hash(str | int))
print(int | str | None, (int | str) | float, isinstance(u, types.UnionType))
def f(x: int | None = None) -> list[int] | None:
    return x
print(f.__annotations__)
class A: pass
print(A | None)
try:
    int | 3
except TypeError as e:
    print(e)
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], list[int] | None, tuple[()])
print(list[int]([1, 2]), list[int] == list[int], list[int].__origin__, dict[str, int].__args__)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(type(list[int]) is types.GenericAlias)
