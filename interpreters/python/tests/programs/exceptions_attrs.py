# Attributes, str and repr of the builtin exceptions.
def show(e):
    print(type(e).__name__, e.args, repr(str(e)), repr(e))


for e in [OSError(), OSError("boom"), OSError(13, "Permission denied"),
          OSError(2, "No such file or directory", "/tmp/x"),
          OSError(1, "two", "a", None, "b"), OSError(5, "x", None), OSError(1, 2, 3, 4, 5, 6)]:
    show(e)
    print("  ", e.errno, e.strerror, e.filename, e.filename2)
print(type(OSError(2, "x")).__name__, type(OSError(17, "x")).__name__, type(OSError(13, "x")).__name__)
print(type(OSError(999, "x")).__name__, isinstance(OSError(2, "x"), FileNotFoundError))
f = FileNotFoundError(2, "No such file or directory", "data.txt")
print(f, f.errno, f.filename)
print(IOError is OSError, EnvironmentError is OSError)

for args in [(), (0,), (3,), ("bye",), (1, 2), (None,)]:
    s = SystemExit(*args)
    print("SystemExit", args, repr(s.code), s.args)

for args in [(), (7,), ("v",), (1, 2)]:
    s = StopIteration(*args)
    print("StopIteration", repr(s.value), s.args)

e = ImportError("no module", name="mod", path="/p")
print(e, e.name, e.path, e.msg, e.args)
e = ImportError()
print(repr(str(e)), e.name, e.path, e.msg)
e = ModuleNotFoundError("No module named 'zz'", name="zz")
print(e, e.name)
try:
    ImportError("x", bogus=1)
except TypeError as t:
    print("TypeError:", t)
try:
    ValueError("x", bogus=1)
except TypeError as t:
    print("TypeError:", t)

e = AttributeError("no attr", name="foo", obj=3)
print(e, e.name, e.obj)
print(AttributeError("x").name, NameError("y").name, NameError("q", name="q").name)

print(str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), str(KeyError(3)))

u = UnicodeEncodeError("ascii", "h\xe9llo", 1, 2, "ordinal not in range(128)")
print(u)
print(u.encoding, repr(u.object), u.start, u.end, u.reason)
u = UnicodeEncodeError("ascii", "\xe9\xe9\xe9", 0, 3, "ordinal not in range(128)")
print(u)
u = UnicodeTranslateError("\u1234x", 0, 1, "nope")
print(u, u.start, u.end)
print(isinstance(u, ValueError), UnicodeError.__mro__[1].__name__)

# args is assignable and always a tuple
e = ValueError("a")
e.args = ["x", "y"]
print(e.args, str(e))
e.args = ()
print(repr(str(e)))

# with_traceback, __traceback__
try:
    raise ValueError("tb")
except ValueError as err:
    tb = err.__traceback__
    print(type(tb).__name__, tb is not None)
    e2 = RuntimeError("new").with_traceback(tb)
    print(e2.__traceback__ is tb, e2)
    print(RuntimeError("n").with_traceback(None).__traceback__)

# notes
e = ValueError("base")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as t:
    print("TypeError:", t)

# exception chaining attributes
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("wrapped") from z
except ValueError as v:
    print(type(v.__cause__).__name__, type(v.__context__).__name__, v.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during")
except TypeError as t:
    print(t.__cause__, repr(t.__context__), t.__suppress_context__)

# user subclasses keep the builtin attributes
class MyOSError(OSError):
    pass
m = MyOSError(2, "gone", "f.txt")
print(type(m).__name__, m.errno, m, m.args)
class Exit(SystemExit):
    pass
print(Exit(4).code)
class Custom(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
    def __str__(self):
        return "custom " + super().__str__() + " " + str(self.b)
c = Custom("x", 2)
print(c, c.args, repr(c))
print(BaseException.__str__(ValueError("direct")), Exception.__repr__(KeyError("k")))

# messages of common builtin errors
for thunk in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" + None, lambda: [1] + (2,),
              lambda: (1,) + [2], lambda: "x" * "y", lambda: {} + {}, lambda: None + 1]:
    try:
        thunk()
    except TypeError as t:
        print("TypeError:", t)
print("%s and %r" % (ValueError("v"), KeyError("k")))
print("%s" % ValueError("only"), "%s!" % RuntimeError())
print("%d items" % 3, "%s" % [1, 2], "%s" % {"a": 1}, "%r" % "q")
