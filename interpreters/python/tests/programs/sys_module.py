# sys, packages and module objects.
import sys
import pkgdemo
print(pkgdemo.NAME, pkgdemo.double(4), pkgdemo.loaded)
from pkgdemo import helpers
from pkgdemo.helpers import quad
import pkgdemo.sub.leaf as leaf
print(helpers.quad(3), quad(5), leaf.twice(7), leaf.__name__, helpers.__name__)
print(pkgdemo.sub.leaf is leaf, pkgdemo.helpers is helpers)
print(sorted(k for k in sys.modules if k.startswith("pkgdemo")))
print("sys" in sys.modules, sys.modules["pkgdemo.helpers"] is helpers, type(sys.modules).__name__)
import importlib
print(importlib.import_module("pkgdemo.sub") is pkgdemo.sub, importlib.import_module(".leaf", "pkgdemo.sub") is leaf)
try:
    importlib.import_module("no_such_module_here")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from pkgdemo import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    from math import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])

# module attributes from outside
helpers.extra = 41
print(helpers.extra + 1, getattr(helpers, "extra"), hasattr(helpers, "nope"))
setattr(helpers, "other", "o")
print(helpers.other)
del helpers.extra
print(hasattr(helpers, "extra"))
delattr(helpers, "other")
try:
    helpers.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    del helpers.never
except AttributeError as e:
    print("AttributeError:", e)

# version_info is a struct sequence
vi = sys.version_info
print(vi.major, vi.minor >= 0, vi[0], vi[:2] == (vi.major, vi.minor), len(vi), type(vi).__name__)
print(vi >= (3, 0), vi < (4,), (3,) < vi, vi == tuple(vi), list(vi)[:1], "final" in vi or True)
major, minor, *rest = vi
print(major, len(rest))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0] == sys.float_info.max)
print(sys.int_info.bits_per_digit, sys.maxsize, isinstance(sys.argv, list), sys.argv[0].endswith("sys_module.py"))
old = sys.getrecursionlimit()
sys.setrecursionlimit(2500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)

# globals(), locals(), dir(), vars()
counter = 3
def look(a, b=2):
    c = a + b
    def inner():
        return c
    return sorted(locals()), dir(), "counter" in globals(), globals()["counter"]
print(look(1))
class K:
    x = 1
    names = dir()
print(K.names)
print("look" in dir(), "counter" in vars(), globals() is not None)

# sys.exit raises SystemExit with a code
for arg in [(), (0,), (2,), ("message",)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)

import time
t0 = time.perf_counter()
time.sleep(0.001)
print(time.perf_counter() - t0 > 0, time.time() > 1e9, time.time_ns() > 10 ** 18, time.monotonic() >= 0)
print(isinstance(time.perf_counter_ns(), int))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
sys.exit(0)
