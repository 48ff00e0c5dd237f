import traceback, sys
class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class DBError(AppError): pass
class NotFound(DBError):
    def __init__(self, key):
        super().__init__(f"missing {key!r}", code=404)
        self.key = key

def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise NotFound(k) from e

def handler(d, k):
    try:
        return lookup(d, k)
    except DBError as e:
        print("caught", type(e).__name__, str(e), repr(e), e.args, e.code)
        print("cause", repr(e.__cause__), e.__suppress_context__, type(e.__context__).__name__)
        raise RuntimeError("handler failed") from None
    finally:
        print("finally runs")

try:
    handler({"a": 1}, "b")
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
print(handler({"a": 1}, "a"))

def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        [].pop()
try:
    implicit()
except IndexError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

def gen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen_cleanup(); print(next(g)); g.close()

def f(n):
    results = []
    for i in range(n):
        try:
            if i % 3 == 0:
                continue
            if i == 7:
                break
            results.append(i)
        finally:
            results.append(-i)
    else:
        results.append("else")
    return results
print(f(10), f(2))

def ret_in_finally():
    try:
        return "try"
    finally:
        print("fin")
print(ret_in_finally())
def override():
    try:
        raise ValueError("x")
    finally:
        return "swallowed"
print(override())

try:
    try:
        raise TypeError("inner")
    except TypeError as e:
        raise ValueError("outer") from e
except ValueError as e:
    lines = traceback.format_exception_only(type(e), e)
    print(lines)
print(sys.exc_info())
try:
    raise KeyError("k")
except Exception:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)

e = ValueError("a", 1)
print(e.args, str(e), repr(e), str(ValueError()), repr(KeyError("x")), str(KeyError("x")), str(KeyError()))
print(repr(OSError(2, "No such file")), str(OSError(2, "No such file")), OSError(2, "x").errno, isinstance(FileNotFoundError(), OSError))
try:
    open("/nonexistent/file/xyz")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    [1, 2][5]
except IndexError as e:
    print(e)
try:
    {}["q"]
except LookupError as e:
    print(type(e).__name__, e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e, e.name)
class WithNotes(Exception): pass
try:
    err = WithNotes("base")
    err.add_note("note 1")
    raise err
except WithNotes as e:
    print(e.__notes__)
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("types", eg.exceptions)
def assert_it(x):
    assert x > 0, f"x must be positive: {x}"
    return x
try:
    assert_it(-1)
except AssertionError as e:
    print("AssertionError:", e)
class Ctx:
    def __init__(self, name, swallow=False): self.name, self.swallow = name, swallow
    def __enter__(self): print("enter", self.name); return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with Ctx("a") as a, Ctx("b", swallow=True) as b:
    print("body", a.name, b.name)
    raise ValueError("boom")
print("after with")
try:
    with Ctx("c"):
        raise KeyError("inner")
except KeyError as e:
    print("propagated", e)
