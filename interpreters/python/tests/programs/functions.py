# defaults, keywords, *args/**kwargs, closures, nonlocal, recursion, lambdas
def f(a, b=10, *rest, c=3, **kw):
    return (a, b, rest, c, sorted(kw.items()))
print(f(1))
print(f(1, 2, 3, 4, c=5, z=6, y=7))
def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc
c = counter()
print(c(), c(), c(5))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
sq = lambda x: x * x
print(list(map(sq, range(6))), list(filter(lambda v: v % 2, range(10))))
def deco(fn):
    def wrapper(*a):
        return "<" + str(fn(*a)) + ">"
    return wrapper
@deco
def add(x, y):
    return x + y
print(add(2, 3))
try:
    f()
except TypeError as e:
    print("TypeError:", e)
