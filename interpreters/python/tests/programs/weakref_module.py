import weakref, gc

class Node:
    def __init__(self, name):
        self.name = name
    def greet(self, other="you"):
        return "hi %s from %s" % (other, self.name)
    def __repr__(self):
        return "Node(%r)" % self.name

a = Node("a")
r = weakref.ref(a)
print(r() is a, r().name, weakref.ref(a) is r, r.__callback__)
print(type(r), weakref.ReferenceType is weakref.ref, isinstance(r, weakref.ref))
r2 = weakref.ref(a, lambda ref: print("callback"))
print(r2 is r, r2 == r, hash(r2) == hash(a), r2.__callback__ is not None)
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)), weakref.getweakrefcount(Node("z")))
for bad in [1, "s", (1,), [1], {}, None, 2.5]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(e)
class L(list): pass
keep = [L([1]), {1, 2}]
print(weakref.ref(keep[0])() == [1])
print(weakref.ref(len)() is len, weakref.ref(Node)() is Node, weakref.ref(keep[1])() == {1, 2})

p = weakref.proxy(a)
print(p.name, p.greet("bob"), str(p), type(p).__name__)
p.extra = 5
print(a.extra)
try:
    hash(p)
except TypeError as e:
    print(e)
lst = L([3, 1, 2])
pl = weakref.proxy(lst)
print(len(pl), pl[0], 2 in pl, list(pl), sorted(pl))
pl.append(9)
print(lst)
bound = Node("f").greet
fp = weakref.proxy(bound)
print(type(fp).__name__, fp("x"))
print(isinstance(fp, weakref.ProxyTypes))

class Cache:
    pass
objs = [Node("n%d" % i) for i in range(4)]
d = weakref.WeakValueDictionary()
for o in objs:
    d[o.name] = o
print(len(d), d["n2"], sorted(d.keys()), "n1" in d, d.get("zz"), d.get("n3"))
del d["n0"]
print(len(d), sorted(k for k in d), [v.name for v in sorted(d.values(), key=lambda n: n.name)])
print(d.pop("n1"), d.setdefault("n9", objs[0]), len(d))
print(repr(d).startswith("<WeakValueDictionary at 0x"))
print(sorted(d.copy().items(), key=lambda kv: kv[0]))

k = weakref.WeakKeyDictionary()
for i, o in enumerate(objs):
    k[o] = i
print(len(k), k[objs[2]], objs[1] in k, Node("q") in k, 5 in k)
del k[objs[0]]
print(sorted(v for v in k.values()), [n.name for n in k], k.get(objs[3]), k.get(objs[0], "gone"))
print(repr(k).startswith("<WeakKeyDictionary at 0x"))

ws = weakref.WeakSet()
for o in objs:
    ws.add(o)
ws.add(objs[0])
print(len(ws), objs[1] in ws, Node("q") in ws, 3 in ws)
ws.discard(objs[1])
ws.remove(objs[2])
print(len(ws), sorted(o.name for o in ws))
ws2 = weakref.WeakSet([objs[0], objs[1]])
print(sorted(o.name for o in ws | ws2), sorted(o.name for o in ws & ws2), sorted(o.name for o in ws - ws2))
print(ws2 <= weakref.WeakSet(objs), ws == weakref.WeakSet([objs[3], objs[0]]))

m = weakref.WeakMethod(a.greet)
print(m()(), m().__self__ is a)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", str(e)[:40])

log = []
f = weakref.finalize(a, log.append, "done")
print(f.alive, f.atexit, f.peek()[0] is a)
print(f(), log, f.alive, f(), f.peek(), f.detach())
g = weakref.finalize(objs[1], log.append, "g")
print(g.detach()[1] is log.append, g.alive)
weakref.finalize(objs[2], print, "at exit 1")
weakref.finalize(objs[3], print, "at exit 2")
h = weakref.finalize(objs[0], print, "never")
h.atexit = False
print("end of main")
