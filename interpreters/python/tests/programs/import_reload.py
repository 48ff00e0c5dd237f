# importlib.reload runs a module again in the same module object; packages have __path__.
import importlib
import sys
import reloadpkg
import reloadpkg.counter as counter

counter.bump(5)
counter.extra = "kept"
same = counter
print(counter.total, reloadpkg.LOADS)
import reloadpkg.counter
print("second import loads nothing:", len(reloadpkg.LOADS))
again = importlib.reload(counter)
print(again is same, counter.total, counter.extra, reloadpkg.LOADS, counter.bump(2))
print(isinstance(reloadpkg.__path__, list), len(reloadpkg.__path__), hasattr(counter, "__path__"))
print(importlib.import_module("reloadpkg.counter") is counter, sys.modules["reloadpkg.counter"] is counter)
for bad in [42, "reloadpkg"]:
    try:
        importlib.reload(bad)
    except TypeError as e:
        print("TypeError:", e)
