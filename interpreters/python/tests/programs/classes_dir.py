# dir(), vars(), __dict__ views and attribute hooks
class D:
    def __set_name__(self, owner, name):
        raise ValueError("boom")
try:
    class C:
        x = D()
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
print(dir(object()))
class K:
    kind = "k"
    def method(self):
        return 1
k = K()
k.a = 1
print(dir(k))
vars(k)["b"] = 2
k.c = 3
print([n for n in dir(k) if not n.startswith("__")], k.b, vars(k))
del k.a
print(vars(k), hasattr(k, "a"))
k.__dict__ = {"z": 26}
print(k.z, vars(k), hasattr(k, "c"))
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(WithDir()))
class Loop:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Loop().a
except RecursionError:
    print("recursive __getattr__ caught")
class M:
    @staticmethod
    def s(x):
        return x * 2
print(M.__dict__["s"](4), callable(M.__dict__["s"]) or True)
print("method" in vars(K), "kind" in K.__dict__, K.__dict__["kind"])
total = 0
objs = [K() for _ in range(40)]
for i, o in enumerate(objs):
    o.v = i
    if i % 3 == 0:
        o.__dict__["w"] = i
    total += o.v + getattr(o, "w", 0)
print(total)
