import sys
print(sys.getrecursionlimit()); sys.setrecursionlimit(2000); print(sys.getrecursionlimit())
print(sys.intern("abc"), sys.byteorder, sys.platform, sys.maxunicode, sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.hash_info.width, sys.int_info.bits_per_digit if hasattr(sys, "int_info") else None)
try:
    1/0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t, v, tb is not None)
print(type(sys.flags), sys.flags.optimize, sys.version_info >= (3, 8), sys.version_info[:2])
print(isinstance(sys.getsizeof([]), int))
print(sys.modules["sys"] is sys, "__main__" in sys.modules)
print(callable(sys.stdout.write), sys.stdout.isatty() in (True, False), sys.stdout.encoding)
sys.stdout.write("w\n")
print(sys.argv[0].endswith("s.py"), type(sys.path))
print(sys.exc_info())
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.float_repr_style, sys.maxsize)
def inner():
    return sys.exc_info()[1]
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, repr(inner()), repr(sys.exception()))
    try:
        raise ValueError("inner")
    except ValueError:
        print(repr(sys.exc_info()[1]))
    print(repr(sys.exc_info()[1]))
print(sys.exc_info(), sys.exception())
def gen():
    try:
        yield 1
        raise IndexError("g")
    except IndexError:
        yield repr(sys.exc_info()[1])
print(list(gen()))
print(sys.getsizeof(1), sys.getsizeof("abc"), sys.getsizeof([]), sys.getsizeof({}), sys.intern("x"))
print(sys.flags.optimize, sys.hash_info.modulus, sys.maxunicode, sys.float_repr_style)
