# small stdlib corners: dataclass slots, random seeded with bytes, json NaN refusal, itertools.tee
from dataclasses import dataclass, field
import random, json, itertools
@dataclass(slots=True)
class S:
    a: int
    b: int = 2
    c: list = field(default_factory=list)
s = S(1)
print(s, S.__slots__, hasattr(s, "__dict__"))
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError")
@dataclass(slots=True, frozen=True)
class FS:
    x: int
print(FS(3), hash(FS(3)) == hash(FS(3)))
random.seed(b"xy")
print(random.random(), random.randint(1, 100))
random.seed(bytearray(b"abc"))
print(random.random())
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(e)
a, b = itertools.tee(range(3))
print(type(a).__name__, list(a), list(b))
