# vars(C): the __dict__/__weakref__ descriptors and the names type() adds, in CPython's order.
class A:
    """Doc A."""
    x = 1
    def m(self): pass
class B(A):
    y = 2
class S:
    __slots__ = ("a",)
class SD(S):
    pass
class E(Exception):
    code = 1
class I(int):
    pass
T = type("T", (), {"x": 1})
for c in [A, B, S, SD, E, I, T]:
    print(c.__name__, [k for k in vars(c)])
print(A.__dict__["__dict__"], A.__dict__["__weakref__"], "__dict__" in B.__dict__, type(A.__dict__["__dict__"]).__name__)
print(vars(T))
class Q:
    def __eq__(s, o): return True
class W:
    "doc"
    __slots__ = ("a", "__dict__")
    def __eq__(s, o): pass
class WR:
    __slots__ = ("__weakref__",)
T2 = type("T2", (), {"__doc__": "d", "x": 1})
for c in [Q, W, WR, T2]:
    print(c.__name__, list(vars(c)))
