# Object lifetime: __del__ runs once an object is garbage and gc.collect() ran (or at exit
# for the objects still alive), weak references die with their object, weak containers
# drop their entries, callbacks and weakref.finalize run.
import gc
import weakref


class Res:
    log = []

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Res.log.append(self.name)
        print("del", self.name)


def make_garbage():
    a = Res("local")
    return a.name


name = make_garbage()
gc.collect()
print(name)
r1 = Res("r1")
r2 = Res("r2")
del r1
gc.collect()
print("log", Res.log)

# A cycle of objects with __del__ is collected, each finalizer runs once.
p, q = Res("p"), Res("q")
p.other, q.other = q, p
del p, q
gc.collect()
print("cycle", sorted(Res.log[-2:]))
gc.collect()
print("again", len(Res.log))


# Resurrection: a finalizer that stores its object keeps it alive; it does not run twice.
class Phoenix:
    saved = []

    def __del__(self):
        print("phoenix __del__")
        Phoenix.saved.append(self)


Phoenix()
gc.collect()
print("saved", len(Phoenix.saved))
Phoenix.saved.clear()
gc.collect()
print("not again")


# A subclass inherits __del__; a __del__ that raises is reported (on stderr) and ignored.
class Sub(Res):
    pass


class Bad:
    def __del__(self):
        print("bad __del__")
        raise ValueError("ignored")


Sub("sub")
Bad()
gc.collect()
print("still running")


# Weak references die with their object.
class Node:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Node(%d)" % self.v


# weakref.finalize runs when its object dies, once.
t = Node(7)
fin = weakref.finalize(t, print, "finalize ran for", 7)
print(fin.alive)
del t
gc.collect()
print(fin.alive, fin())

n = Node(1)
w = weakref.ref(n)
calls = []
wc = weakref.ref(n, lambda ref: calls.append(ref is wc))
print(w() is n, weakref.getweakrefcount(n))
del n
gc.collect()
print(w(), wc(), calls, "dead" in repr(w))
try:
    hash(w)
except TypeError as e:
    print("TypeError:", e)
keep = Node(2)
hk = weakref.ref(keep)
h = hash(hk)
print(h == hash(keep), hk == weakref.ref(keep), w == w, w != wc)

# Callbacks run newest first for one object.
order = []
m = Node(3)
x1 = weakref.ref(m, lambda r: order.append("first"))
x2 = weakref.ref(m, lambda r: order.append("second"))
del m
gc.collect()
print(order)

# Proxies raise ReferenceError once their object died.
m = Node(4)
px = weakref.proxy(m)
print(px.v)
del m
gc.collect()
try:
    px.v
except ReferenceError as e:
    print("ReferenceError:", e)

# Weak containers drop the entries of dead objects.
nodes = [Node(i) for i in range(5)]
wvd = weakref.WeakValueDictionary((i, nd) for i, nd in enumerate(nodes))
wkd = weakref.WeakKeyDictionary((nd, i * 10) for i, nd in enumerate(nodes))
ws = weakref.WeakSet(nodes)
del nodes[1], nodes[2]
gc.collect()
print(len(wvd), sorted(wvd), sorted(wvd.values(), key=lambda nd: nd.v))
print(len(wkd), sorted(wkd.values()), sorted(k.v for k in wkd))
print(len(ws), sorted(nd.v for nd in ws), 2 in wvd, 3 in wvd)
try:
    wvd[1]
except KeyError as e:
    print("KeyError", e)
nodes.clear()
gc.collect()
print(len(wvd), len(wkd), len(ws), list(wvd.items()))

# A bound method reference dies with its object.
def bound_method():
    t = Node(8)
    wm = weakref.WeakMethod(t.__repr__)
    print(wm()())
    return wm


wm = bound_method()
gc.collect()
print(wm())

# Objects still alive at exit get their __del__ after the atexit functions.
late = Res("late")
keeper = Node(10)
weakref.finalize(keeper, print, "finalize at exit")
print("end of program")
