# generators: next/send/yield from, generator expressions, laziness
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
print(list(countdown(5)))
def chain(*its):
    for it in its:
        r = yield from it
    return r
print(list(chain([1, 2], countdown(2), (x * 10 for x in range(3)))))
def acc():
    total = 0
    while True:
        v = yield total
        total += v
a = acc()
next(a)
print([a.send(i) for i in range(5)])
g = countdown(1)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("done:", e.value)
print(sum(x * x for x in range(1000)), max(len(w) for w in ["a", "abc", "ab"]))
def primes():
    n = 2
    while True:
        if all(n % p for p in range(2, int(n ** 0.5) + 1)):
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(10)])
