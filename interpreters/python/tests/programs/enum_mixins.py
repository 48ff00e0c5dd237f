import enum
from enum import Enum, IntEnum, IntFlag, Flag, auto, unique
class Color(IntEnum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.RED), Color.RED + 1, Color.RED == 1, Color(2), Color['BLUE'], Color.RED < Color.BLUE, sorted([Color.BLUE, Color.RED]))
print(isinstance(Color.RED, int), int(Color.GREEN), [0, 10, 20, 30][Color.GREEN], {1: 'one'}[Color.RED], hash(Color.RED) == hash(1), f"{Color.RED}", "%d" % Color.BLUE, str(Color.RED))
print(Color.RED.value, Color.RED.name, list(Color), len(Color), Color.RED in Color, max(Color), sum(Color), Color.GREEN * 2, -Color.RED, abs(Color.RED))
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), rw & Perm.R, bool(rw & Perm.X), int(rw), Perm(7), rw | 1, Perm.R + 1, list(Perm(7)), Perm.R in rw)
class S(str, Enum):
    A = "alpha"
    B = "beta"
print(S.A, repr(S.A), S.A == "alpha", S.A.upper(), S("beta"), isinstance(S.A, str), S.A + "!", len(S.B), f"{S.A}")
class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
print(Shape.CIRCLE, Shape.SQUARE.value, Shape(1), Shape.CIRCLE is Shape['CIRCLE'])
class F(float, Enum):
    HALF = 0.5
    QUARTER = 0.25
print(F.HALF, F.HALF * 2, F.QUARTER < F.HALF, repr(F.QUARTER))
try:
    Color(7)
except ValueError as e:
    print(e)
