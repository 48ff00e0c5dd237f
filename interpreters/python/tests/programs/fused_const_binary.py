# `local op constant` (fused into one instruction): user operators and NotImplemented,
# errors, overflow into big ints and unbound locals.
class V:
    def __init__(self, v): self.v = v
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return "rsub"
    def __add__(self, o): return V(self.v + o)
    def __mul__(self, o): return NotImplemented
def f(n):
    t = 0
    for i in range(2000):
        t = t + i * 3
        t = t % 1000003
    big = 2 ** 62
    big = big * 4
    x = V(1)
    y = x + 1
    print(t, big, y.v)
    try:
        x - 1
    except TypeError as e:
        print(e)
    try:
        x * 2
    except TypeError as e:
        print(e)
    try:
        q = n // 0
    except ZeroDivisionError as e:
        print(e)
    def g():
        if False:
            z = 1
        return z + 1
    try:
        g()
    except UnboundLocalError as e:
        print(e)
    s = "a"
    print(s * 3, s + "b")
    return n / 0
try:
    f(5)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
