# packages: relative imports, __all__, module __getattr__, __package__, importlib, sys.modules, module reprs
import sys
import shopkit
from shopkit import *
print(Cart().add("apple").add("pear").total(), helper(), shopkit.VERSION, shopkit.lazy)
print("util" in dir(shopkit), 'PRICE' in globals(), 'VERSION' in globals())
try: shopkit.nope
except AttributeError as e: print(e)
import shopkit.sub.deep as deep
print(deep.go(), shopkit.sub.C2 is Cart, shopkit.sub.VERSION)
print(sorted(k for k in sys.modules if k.startswith("shopkit")))
print(shopkit.__name__, shopkit.__doc__, shopkit.core.__name__, shopkit.__package__, shopkit.core.__package__)
import importlib
m = importlib.import_module("shopkit.util")
print(m is shopkit.util, m.price_of("apple"))
m2 = importlib.import_module(".core", "shopkit")
print(m2 is shopkit.core)
try: import shopkit.missing
except ModuleNotFoundError as e: print(e, e.name)
try: from shopkit import nothing
except ImportError as e: print(str(e).split(" (")[0])
import shopkit.core
print(True)
print(type(shopkit).__name__, repr(sys.modules["shopkit.core"])[:22])
from shopkit.core import _private
print(_private)
print(__name__, __file__.endswith("modules_packages.py"), __package__)
import json as j, os.path as osp
print(j.dumps([1]), osp.basename("/a/b.txt"))
mod = type(sys)("dyn")
mod.x = 5
sys.modules["dyn"] = mod
import dyn
print(dyn.x)
