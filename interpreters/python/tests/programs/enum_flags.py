# enum: Flag and IntFlag pseudo-members, unknown bits, strict errors, inversion
from enum import Flag, IntFlag, auto
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw.value, Perm(3), bool(Perm(0)), repr(~Perm.R), list(rw))
print(Perm.R | Perm.W | Perm.X, Perm(7), Perm(0), repr(Perm.R ^ Perm.W), len(rw))
try:
    Perm(8)
except ValueError as e:
    print(e)
class IF(IntFlag):
    A = 1
    B = 2
print(repr(IF.A | 4), repr(IF(8)), repr(~IF.A), repr(IF(0)), str(IF.A | 8), IF.A | 4, list(IF.A | 4), repr(IF(-1)))
print(IF.A | IF.B, IF.A + 1, IF.B == 2, format(IF.A | IF.B, "03d"), isinstance(IF.A, int))
