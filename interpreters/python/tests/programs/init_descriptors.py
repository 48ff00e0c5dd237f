# A class whose __init__ is not a plain function: it binds as its descriptor says.
import functools
class A:
    __init__ = classmethod(lambda *a: print("cm", len(a)))
class CallableInit:
    def __call__(self, *a): print("callable", len(a))
class B:
    __init__ = CallableInit()
def f(*a): print("partial", len(a))
class C:
    __init__ = functools.partial(f, 0)
class D:
    __init__ = staticmethod(lambda *a: print("sm", len(a)))
class W:
    __init__ = len
A(1, 2); B(1, 2); C(1, 2); D(1, 2)
try: W(1)
except TypeError as e: print(e)
