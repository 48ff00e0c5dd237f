# Builtin generic classes' __class_getitem__, and dir() of builtin types listing their data attributes.
class L(list): pass
class D(dict): pass
print(list[int], dict[str, list[int]], tuple[int, ...], set[str], frozenset[int], enumerate[str], L[int], D[str, int])
print(list.__class_getitem__(int), L.__class_getitem__(str), type(list[int]).__name__, list[int] == list[int], list[int](range(3)))
print("__class_getitem__" in dir(list), hasattr(dict, "__class_getitem__"), [m for m in dir(int) if not m.startswith("_")])
print([m for m in dir(complex) if not m.startswith("_")], [m for m in dir(range) if not m.startswith("_")], [m for m in dir(slice) if not m.startswith("_")])
print(isinstance([], list[int]) if False else "skip")
class L(list): pass
print(L.__class_getitem__(int), L[str], dict.__class_getitem__((str, int)))
import typing
print(typing.List[int], list[typing.Optional[int]])
