# sys: exc_info inside and outside handlers, intern, maxunicode, float_info, stdout.write
import sys
print(sys.maxsize, sys.version_info[:2], sys.version_info.major, sys.getrecursionlimit(), type(sys.argv).__name__, sys.byteorder, sys.platform)
print(sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit if hasattr(sys, "int_info") else 30)
print(isinstance(sys.path, list), sys.stdout.write("w\n"))
sys.stdout.write("no newline"); sys.stdout.write("\n")
print(callable(sys.exc_info), sys.exc_info())
try: raise ValueError("e")
except ValueError: print(sys.exc_info()[0].__name__, sys.exc_info()[1])
def f(): return "f"
print(f())
print(sys.intern("abc") == "abc")
def h():
    try:
        raise KeyError("k")
    except KeyError:
        t, v, tb = sys.exc_info()
        return t.__name__, repr(v), tb is not None
for i in range(50):
    r = h()
print(r, sys.exc_info(), sys.maxunicode)
