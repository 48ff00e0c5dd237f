# walrus, decorators with arguments, closures in loops, nonlocal/global, argument errors
# walrus
data = [1, 2, 3, 4]
if (n := len(data)) > 3: print("len", n)
print([y for x in data if (y := x * 2) > 4], y)
while (chunk := data[:2]):
    data = data[2:]; print(chunk)
# decorators with args
def repeat(n):
    def deco(f):
        def w(*a, **k):
            return [f(*a, **k) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(): return "hi"
print(hi())
def log(prefix="LOG"):
    def d(f):
        def w(*a):
            print(prefix, f.__name__, a)
            return f(*a)
        return w
    return d
@log()
@log("INNER")
def add(a, b): return a + b
print(add(1, 2))
# closures in loops
fs = [lambda: i for i in range(3)]; print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]; print([f() for f in fs])
def make():
    funcs = []
    for i in range(3):
        def f(): return i
        funcs.append(f)
    return funcs
print([f() for f in make()])
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
ic = counter(); ic(); print(ic(), ic.__closure__[0].cell_contents)
G = 0
def setg():
    global G
    G += 5
setg(); print(G)
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 10
        inner()
    mid()
    return x
print(outer())
class CD:
    def __init__(self): self.log = []
    def __enter__(self): self.log.append("in"); return self
    def __exit__(self, *exc): self.log.append(("out", exc[0])); return False
cd = CD()
try:
    with cd: raise ValueError
except ValueError: pass
print(cd.log)
# class decorator with args and class methods
def register(name):
    def d(cls):
        cls.reg_name = name
        return cls
    return d
@register("widget")
class W: pass
print(W.reg_name)
x = 10
def shadow():
    print(x)
shadow()
try:
    def bad():
        print(zz)
        zz = 1
    bad()
except UnboundLocalError as e: print(e)
print((lambda *a, **k: (a, k))(1, b=2))
def kwonly(a, *, b, c=3): return a, b, c
print(kwonly(1, b=2))
try: kwonly(1, 2)
except TypeError as e: print(e)
def posonly(a, b, /, c): return a + b + c
print(posonly(1, 2, c=3))
try: posonly(a=1, b=2, c=3)
except TypeError as e: print(e)
