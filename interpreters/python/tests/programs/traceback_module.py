import traceback, sys, io

def _file():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__.tb_frame.f_code.co_filename

FILE = _file()
_real_print = print

def print(*args, **kw):
    args = [str(a).replace(FILE, "FILE") if isinstance(a, (str, list)) else a for a in args]
    _real_print(*args, **kw)

class Out:
    def write(self, s):
        sys.stdout.write(s.replace(FILE, "FILE"))
out = Out()

def inner(n):
    if n == 0:
        raise ValueError("bad value")
    inner(n - 1)

def outer():
    inner(2)

try:
    outer()
except ValueError:
    s = traceback.format_exc()
    print(s, end="")
    traceback.print_exc(file=out)

try:
    outer()
except ValueError as e:
    print("".join(traceback.format_exception(e)), end="")
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)), end="")
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next.tb_lineno)
    for fs in traceback.extract_tb(tb):
        print(fs.filename == FILE, fs.lineno, fs.name, repr(fs.line))
    print(traceback.format_tb(tb, limit=1))
    print(traceback.format_tb(tb, limit=-1))
    traceback.print_exception(e, file=out, limit=2)
    traceback.print_tb(tb, file=out)
    fs = traceback.extract_tb(tb)[0]
    fn, ln, nm, line = fs
    print(ln, nm, line, len(fs), fs[2])

class MyErr(Exception):
    pass

try:
    try:
        raise KeyError("k")
    except KeyError as k:
        raise MyErr("wrapped") from k
except MyErr:
    print(traceback.format_exc())

try:
    try:
        int('x')
    except ValueError:
        raise RuntimeError()
except RuntimeError:
    print(traceback.format_exc(chain=False))
    print(traceback.format_exc())

print(repr(traceback.format_exc()))
print(traceback.format_exception_only(None))
e = ValueError("x")
e.add_note("a note")
print(traceback.format_exception_only(e))
print(traceback.format_exception(e))

def rec(n):
    if n == 0:
        raise OverflowError("deep")
    rec(n - 1)
try:
    rec(8)
except OverflowError:
    print(traceback.format_exc())
try:
    traceback.format_exception(ValueError, ValueError())
except ValueError as e:
    print(e)
try:
    traceback.format_exception("x")
except TypeError as e:
    print(e)
te = traceback.TracebackException.from_exception(KeyError("z"))
print(list(te.format()), str(te))
buf = io.StringIO()
try:
    {}["missing"]
except KeyError:
    traceback.print_exc(file=buf)
print(buf.getvalue().splitlines()[-1])
fs = traceback.FrameSummary("f.py", 3, "g", line="x = 1")
print(fs, fs.line, list(fs), fs == ("f.py", 3, "g", "x = 1"))
print(traceback.format_list([("a.py", 1, "f", "pass"), fs]))
try:
    exec("x = (1,")
except SyntaxError:
    print(traceback.format_exc())
print(sys.exc_info())
try:
    raise TypeError("t")
except TypeError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), tb.tb_lineno)
    def helper():
        return sys.exc_info()[1]
    print(repr(helper()))
print(sys.exc_info())
def f():
    try:
        raise IndexError(3)
    except IndexError:
        return traceback.format_exc()
print(f())
