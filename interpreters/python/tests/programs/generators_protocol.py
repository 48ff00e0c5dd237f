# generators: close/throw through yield from, return in finally, recursive yield from, send protocols
def sub():
    try:
        while True:
            x = yield
            print("sub got", x)
    finally:
        print("sub closing")
def outer():
    yield from sub()
o = outer(); next(o); o.send(1); o.close(); print("closed outer")
def g():
    try:
        yield 1
    except Exception as e:
        print("caught", type(e).__name__, e)
        raise
it = g(); next(it)
try: it.throw(TypeError, "msg")
except TypeError as e: print("propagated", e)
it = g(); next(it)
try: it.throw(ValueError("v"))
except ValueError as e: print("propagated2", e)
def unstarted():
    print("never")
    yield
u = unstarted()
try: u.throw(KeyError("k"))
except KeyError as e: print("unstarted throw", e)
u.close()
def ret_in_finally():
    try:
        yield 1
        yield 2
    finally:
        return "ret"
r = ret_in_finally(); next(r)
print(r.close())
class Tree:
    def __init__(self, v, kids=()): self.v = v; self.kids = list(kids)
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), sum(t), max(t))
def take(n, it):
    for i, x in enumerate(it):
        if i >= n: return
        yield x
def nat():
    n = 0
    while True:
        yield n; n += 1
print(list(take(5, (x * x for x in nat() if x % 2))))
gen = (i for i in range(3))
print(next(gen), list(gen), next(gen, "done"))
def echo():
    received = []
    while True:
        try:
            v = yield len(received)
        except GeneratorExit:
            print("exit with", received); return
        received.append(v)
e = echo(); next(e); e.send("a"); e.send("b"); e.close()
def delegator():
    r = yield from echo()
    print("never printed", r)
d = delegator(); next(d); d.send(1); d.close()
def genexc():
    yield 1
    raise ValueError("inside")
try:
    for x in genexc(): print("x", x)
except ValueError as e: print("loop got", e)
def stop_it():
    yield 1
    return
s = stop_it()
print(list(s), list(s))
gens = [(lambda j: (j * k for k in range(3)))(j) for j in range(3)]
print([list(g) for g in gens])
def running():
    yield g_self.gi_running
g_self = running()
print(next(g_self))
def pingpong():
    val = yield "start"
    while val != "stop":
        val = yield f"got {val}"
    return "finished"
pp = pingpong()
print(next(pp), pp.send("x"), pp.send("y"))
try: pp.send("stop")
except StopIteration as e: print("result", e.value)
print(list(zip(*[iter(range(6))] * 2)))
print(dict.fromkeys(x for x in "aba"), set(x % 3 for x in range(10)), tuple(c for c in "hi"))
print(any(x > 3 for x in range(5)), all(x < 3 for x in []), min(x for x in [3, 1]), sorted((x for x in "cab"), reverse=True))
print("".join(str(x) for x in range(5)), sum(1 for _ in "abc"))
