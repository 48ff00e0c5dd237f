# Augmented assignment to subscripts and attributes (the stack shuffles Dup2/Rot2/Rot3) and
# math.sqrt in hot loops, with their error cases.
import math


class Box:
    def __init__(self):
        self.v = 0
        self.items = [0, 0, 0]


def run(n):
    a = [0.0, 1.0, 2.0]
    d = {"k": 1, 2: 2.5}
    b = Box()
    t = 0.0
    for i in range(n):
        a[i % 3] += i * 0.5
        a[0] -= 1
        d["k"] *= 1
        d[2] += 0.25
        b.v += i
        b.items[i % 3] += 1
        t += math.sqrt(i * 0.5) + math.sqrt(float(i))
    return a, d, b.v, b.items, round(t, 6)


print(run(3000))
print(math.sqrt(-0.0), math.sqrt(float("inf")), math.sqrt(float("nan")), math.sqrt(4), math.sqrt(True))
for v in (-1.0, -1, "x", 10**400, float("-inf")):
    try:
        print(math.sqrt(v))
    except Exception as e:
        print(type(e).__name__, e)

s = "ab"
t = (1,)
for i in range(3):
    s += "c"
    t += (i,)
print(s, t)
try:
    x = [1]
    x[5] += 1
except IndexError as e:
    print("IndexError", e)
try:
    m = {}
    m["missing"] += 1
except KeyError as e:
    print("KeyError", e)
