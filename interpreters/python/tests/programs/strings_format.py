print("%s|%r|%a|%5s|%-5s|%.2s|%5.1s|" % ("x", "y", "é", "ab", "ab", "abc", "abc"))
print("%d|%i|%u|%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%5.3d|%-+6d|" % (1, -2, 3, 42, 42, 42, 42, 42, -42, 7, 7, 9))
print("%x|%X|%#x|%#X|%o|%#o|%08x|%#08x|%-#8x|" % (255, 255, 255, 255, 8, 8, 255, 255, 255), "%x" % -255, "%#o" % -8)
print("%f|%.2f|%8.3f|%-8.1f|%08.2f|%+.1f|% f|%.0f|%.0f|%#.0f" % (3.14159, 3.14159, 3.14159, 3.14159, -3.14159, 0.05, 1.5, 2.5, 3.5, 3.0))
print("%e|%.2E|%g|%G|%g|%g|%.3g|%#g|%g|%G" % (31415.9, 0.000123, 1e-10, 2.5e20, 100000, 1000000, 3.14159, 1.0, 0.0001, float("inf")))
print("%f %e %g %F" % (float("nan"), float("inf"), float("-inf"), float("inf")), "%5.1f%%" % 99.5, "%010.3f" % -1.5, "%d" % 3.99, "%d" % -3.99, "%i" % True)
print("%c%c%c|%c|%3c|%-3c|" % (72, 105, 33, "z", "a", "b"))
print("%(name)s has %(count)03d %(count)x" % {"name": "box", "count": 17}, "%(a)s" % {"a": [1]}, "%s" % {"k": 1}, "%s" % [1, 2], "%s" % (1,), "%s %s" % ((1, 2), [3]))
print("%*d|%-*d|%.*f|%*s|" % (6, 1, 4, 2, 3, 2.0, -4, "x"), "%s" % None, "%s" % True, "%r" % 1.0, "%5s|" % 1.5)
print("hello" % (), "hello" % {}, "hello" % [], "%%" % (), "%ld %hd %Lf" % (1, 2, 3.0))
class N:
    def __int__(self):
        return 7
    def __index__(self):
        return 8
    def __float__(self):
        return 2.5
    def __repr__(self):
        return "N()"
print("%d %x %f %s %r" % (N(), N(), N(), N(), N()))
for bad in [lambda: "%d %d" % (1,), lambda: "%d" % "x", lambda: "%x" % 1.5, lambda: "%f" % "x", lambda: "%c" % "ab", lambda: "%c" % 1.5, lambda: "%(a)s" % 1,
            lambda: "%z" % 1, lambda: "%" % 1, lambda: "%s %s" % 1, lambda: "%*d" % ("a", 1), lambda: "%s" % (1, 2), lambda: "x" % 5, lambda: "%c" % 0x110000,
            lambda: "%(a" % {"a": 1}, lambda: "%(b)s" % {"a": 1}, lambda: "%d" % None, lambda: "%y %s" % (1,)]:
    try:
        print("ok", bad())
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
# str.format
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{name} is {age}".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[k]} {2[1][0]}".format([10, 20], {"k": "v"}, [0, [5]]), "{0[-1]}".format({"-1": "neg"}))
class P:
    def __init__(self):
        self.x, self.y = 3, 4
        self.inner = self
print("({0.x}, {0.y}) {p.inner.x} {0.inner.y:>4}".format(P(), p=P()))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:+.2e}|{:,d}|{:_}|{:,.2f}".format("r", "l", "c", "s", 3.14159, 12345.678, 9876543210, 1234567, 1234.5))
print("{!r} {!s} {!a} {!r:>6}".format("q", "q", "é", "w"), "{{}} {{{}}} }}{{".format("in"), "{:{fill}{align}{width}}".format("x", fill="-", align=">", width=5))
print("{0:b} {0:o} {0:x} {0:#X} {0:#b} {0:c}".format(65), "{:.3}|{:10.3}|".format("truncate", "truncate"), "{0:>{1}}".format("pad", 6), "{:{}}|".format("a", 4), "{:{}.{}f}".format(3.14159, 8, 2))
print("{a}-{b}".format_map({"a": 1, "b": 2}), "{:d}".format(True), "{}".format(None), "{:5}|".format(7), "{:5}|".format("s"), "{:G}".format(1e-10), "{:%}".format(0.25), "{:.1%}".format(1 / 3))
class D:
    def __init__(self, **kw):
        self.kw = kw
    def __getitem__(self, k):
        return self.kw.get(k, "<" + k + ">")
print("{a} {b}".format_map(D(a=1)), "{x!r:^7}".format(x="s"), "{0}{0}".format("ab"), "{}".format([1, "a"]), "{:>5}".format(True), "{}".format(1.0))
class F:
    def __format__(self, spec):
        return "F[" + spec + "]"
print("{} {:abc} {:{}}".format(F(), F(), F(), "zz"), f"{F():q} {3.5!s:>5} {'é'!a} {1+1=}", format(F(), "x"))
for bad in ["{".format, "}".format, "{!x}".format, "{a}".format, "{0[}".format, "{0.}".format, "{:d}".format, "{}{0}".format, "{0}{}".format, "{1}".format, "{:x}".format, "a{0!rr}".format, "{0:{1:{2}}}".format]:
    try:
        print("ok", bad("s"))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
try:
    "{0}".format_map({})
except ValueError as e:
    print(e)
try:
    "{a}".format_map({})
except KeyError as e:
    print("KeyError", e)
