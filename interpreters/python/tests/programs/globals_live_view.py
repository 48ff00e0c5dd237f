# A dict from globals() kept across later definitions sees them; module.__dict__.
import sys

g = globals()
print("g" in g, "later" in g)
later = 41
print("later" in g, g["later"], g.get("later"), len([k for k in g if k == "later"]))
g["made_here"] = "via dict"
print(made_here)
del later
print("later" in g, sorted(k for k in g if not k.startswith("__")))


def handler_add(a, b):
    return a + b


def handler_mul(a, b):
    return a * b


for op in ["add", "mul"]:
    print(op, g["handler_" + op](6, 7))

me = sys.modules[__name__]
d = me.__dict__
print(type(d).__name__, isinstance(d, dict), d["handler_add"] is handler_add, "me" in d)
import math
print(math.__dict__["pi"], "sqrt" in math.__dict__)
