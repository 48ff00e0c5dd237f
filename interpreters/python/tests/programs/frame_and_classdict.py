# sys._getframe() / inspect.currentframe() for the running function, and a class's
# __dict__ as a read-only mappingproxy.
import sys
import inspect


def whoami():
    return sys._getframe().f_code.co_name


def current_line():
    return sys._getframe().f_lineno


def show_locals(a, b=2):
    c = a + b
    fr = inspect.currentframe()
    return fr.f_code.co_name, sorted((k, v) for k, v in fr.f_locals.items() if k != "fr"), fr.f_globals["__name__"]


print(whoami(), current_line(), show_locals(1))
print(sys._getframe(0).f_code.co_name, sys._getframe().f_globals is not None)
for bad in ("x", 1.5):
    try:
        sys._getframe(bad)
    except TypeError as e:
        print("TypeError", e)


class Shape:
    """A shape."""
    sides = 0

    def area(self):
        return 0


class Square(Shape):
    sides = 4


d = Shape.__dict__
print(type(d), type(d).__name__, sorted(k for k in d if not k.startswith("__")))
print(d["sides"], "area" in d, "sides" in Square.__dict__, Square.__dict__.get("area"), len(vars(Square)) > 0)
try:
    d["sides"] = 3
except TypeError as e:
    print("TypeError", e)
print(sorted(k for k, v in vars(Square).items() if not k.startswith("__")), dict(d)["__doc__"])
print(repr(type(d)), isinstance(d, type(int.__dict__)))
