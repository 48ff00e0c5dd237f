# enum: members, lookups, auto, IntEnum, StrEnum, Flag, unique, functional API
import enum
class C(enum.Enum):
    R = 1
    G = 2
print(repr(C.R), str(C.R), format(C.R), f'{C.R}', C(1), C['G'], list(C), len(C), C.R in C, repr(C), C.__members__)
class I(enum.IntEnum):
    A = 1
print(repr(I.A), str(I.A), f'{I.A}', I.A + 1, I.A == 1)
class F(enum.Flag):
    R = 4
    W = 2
    X = 1
print(repr(F.R|F.W), str(F.R|F.W), repr(F(0)), list(F), F.R in (F.R|F.W), repr(~F.R))
class S(enum.StrEnum):
    A = enum.auto()
print(repr(S.A), str(S.A), S.A == 'a')
try: C(5)
except ValueError as e: print(e)
try: C['Z']
except KeyError as e: print(repr(e))
try: C.R = 3
except AttributeError as e: print(e)
E = enum.Enum('E', 'A B C'); print(list(E), repr(E.A))
print(C.R.name, C.R.value, hash(C.R)==hash(C.R), C.R is C(1))
class D(enum.Enum):
    A = 1
    B = 1
print(list(D), D.B, D(1))
try:
    @enum.unique
    class U(enum.Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
class Planet(enum.Enum):
    EARTH = (5.97, 6.37)
    MARS = (0.642, 3.39)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def g(self): return round(self.mass / self.radius, 3)
print(Planet.EARTH.g, Planet.MARS.value, Planet((5.97, 6.37)))
class Color(enum.Enum):
    RED = enum.auto()
    BLUE = enum.auto()
    def describe(self): return self.name.lower()
    @classmethod
    def default(cls): return cls.RED
print(list(Color), Color.BLUE.describe(), Color.default(), Color.RED == Color.RED, Color.RED != Color.BLUE)
print(sorted(Color, key=lambda c: c.value, reverse=True), {Color.RED: 1})
