# An __iop__ that returns NotImplemented: Python falls back to __op__, then the reflection.
class V:
    def __add__(self, o): return "add"
    def __iadd__(self, o): return NotImplemented
class W:
    def __iadd__(self, o): return NotImplemented
class X:
    def __radd__(self, o): return "radd"
class Y:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return NotImplemented
for i in range(300):
    c = V(); c += 0
    l = [V()]; l[0] += 1
    d = W()
    try:
        d += X()
    except TypeError as e: print(e)
    try:
        d += 1
    except TypeError as e: m = str(e)
    y = Y()
    try:
        y += 1
    except TypeError as e: m2 = str(e)
print(c, l, d if isinstance(d, str) else type(d).__name__, m, m2)
