# importlib.import_module and __import__ on the library modules
import importlib
import collections

m = importlib.import_module("collections")
print(m is collections, m.__name__, m.deque([1]))
abc_mod = importlib.import_module("collections.abc")
print(abc_mod.__name__, abc_mod is collections.abc)
it = __import__("itertools")
print(list(it.islice(it.count(), 3)), __import__("collections.abc").__name__)
print(__import__("collections.abc", fromlist=["Mapping"]).__name__)
for name in ["operator", "functools", "heapq"]:
    mod = importlib.import_module(name)
    print(mod.__name__, type(mod).__name__)
try:
    importlib.import_module("no_such_module_here")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
try:
    importlib.import_module(".relative")
except TypeError as e:
    print("TypeError", e)
