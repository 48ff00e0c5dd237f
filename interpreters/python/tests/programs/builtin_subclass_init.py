# Subclasses of builtin (or library) types that define their own __init__ keep what the
# base's construction made; class methods of builtin types read through a subclass or its
# instance are bound to that class; __class__ assignment on a class; a deleted
# __abstractmethods__.
import abc
import array
import functools
import itertools


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class P(property):
    def __init__(self, fget):
        super().__init__(fget)
        self.tag = "tagged"


class Holder:
    @P
    def x(self):
        return 5


show("property", lambda: (Holder().x, Holder.__dict__["x"].tag, type(Holder.__dict__["x"]).__name__))


class Part(functools.partial):
    def __init__(self, *args, **kw):
        self.tag = "part"


show("partial", lambda: (Part(int, "10")(), Part(int, "ff", base=16)(), Part(int).tag))


class Count(itertools.count):
    def __init__(self, *args):
        self.tag = "count"


c = Count(5, 2)
show("count", lambda: (next(c), next(c), c.tag))


class Arr(array.array):
    def __init__(self, *args):
        self.tag = "arr"


show("array", lambda: (list(Arr("i", [1, 2])), Arr("d").typecode, Arr("i").tag))


class E(OSError):
    def __init__(self, msg):
        super().__init__(2, msg)


show("oserror", lambda: (E("nope").errno, E("nope").strerror, str(E("nope")), E("x").args))


class IE(ImportError):
    def __init__(self, msg):
        super().__init__(msg, name="modx")


show("importerror", lambda: (IE("bad").name, IE("bad").msg, str(IE("bad"))))


class I(int):
    pass


class F(float):
    pass


class D(dict):
    pass


show("int.from_bytes", lambda: (I(3).from_bytes(b"\x01", "big"), type(I(3).from_bytes(b"\x01", "big")).__name__))
show("class", lambda: (type(I.from_bytes(b"\x02", "little")).__name__, type(int.from_bytes(b"\x02", "little")).__name__))
show("bool.from_bytes", lambda: (bool.from_bytes(b"\x01", "big"), bool.from_bytes(b"\x00", "big")))
show("float.fromhex", lambda: (F(1.0).fromhex("0x1p1"), type(F.fromhex("0x1p1")).__name__, float.fromhex("0x1p-1")))
show("dict.fromkeys", lambda: (type(D().fromkeys([1])).__name__, D.fromkeys("ab", 0)))


class K:
    pass


class Meta1(type):
    pass


class Meta2(type):
    pass


class WithMeta(metaclass=Meta1):
    pass


def set_class(cls, meta):
    cls.__class__ = meta
    return type(cls).__name__


show("class to meta", lambda: set_class(K, Meta1))
show("class to non-class", lambda: set_class(K, 3))
show("meta to meta", lambda: set_class(WithMeta, Meta2))
show("meta to type", lambda: set_class(WithMeta, type))


class A(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


show("abstract", lambda: A())
del A.__abstractmethods__
show("deleted", lambda: hasattr(A, "__abstractmethods__"))
show("now concrete", lambda: type(A()).__name__)
