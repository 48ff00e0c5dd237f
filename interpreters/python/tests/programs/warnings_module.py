import warnings

print(warnings.filters[0], len(warnings.filters), warnings.defaultaction)
with warnings.catch_warnings(record=True) as w:
    for i in range(3):
        warnings.warn("loop warning")
    print(len(w), w[0].category.__name__, str(w[0].message), repr(w[0].message))
    warnings.warn("dep", DeprecationWarning)
    warnings.warn("pend", PendingDeprecationWarning)
    print(len(w), [x.category.__name__ for x in w])
    warnings.simplefilter("always")
    for i in range(3):
        warnings.warn("again")
    print(len(w))
    warnings.warn(RuntimeWarning("inst"))
    print(w[-1].category, w[-1].message.args)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("gone")
    print(w)
    warnings.filterwarnings("always", message="keep")
    warnings.warn("keep me")
    warnings.warn("drop me")
    warnings.warn("KEEP upper")
    print([str(x.message) for x in w])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", UserWarning)
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", repr(e))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("error", category=RuntimeWarning)
    warnings.warn("user ok")
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", e)
    print(len(w))

print(len(warnings.filters))
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print(e)

class MyWarning(UserWarning):
    pass

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    warnings.warn("o", MyWarning)
    warnings.warn("o", MyWarning)
    warnings.warn("p", MyWarning)
    print(len(w), issubclass(w[0].category, UserWarning))
    wm = w[0]
    print(wm.lineno > 0, wm.file, wm.line, wm.source)

caught = []
def myshow(message, category, filename, lineno, file=None, line=None):
    caught.append((str(message), category.__name__))
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = myshow
    warnings.warn("shown")
print(caught, warnings.showwarning is myshow)
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, line="x = 1"), end="")
print(warnings.formatwarning("msg", DeprecationWarning, "nofile.py", 3), end="")
m = warnings.WarningMessage(UserWarning("u"), UserWarning, "f.py", 7)
print(m)
cw = warnings.catch_warnings(record=True)
print(cw)
try:
    cw.__exit__()
except RuntimeError as e:
    print(e)
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print(e)
warnings.resetwarnings()
print(warnings.filters)
import io
buf = io.StringIO()
warnings.showwarning("to file", UserWarning, "a.py", 10, file=buf)
print(repr(buf.getvalue()))
with warnings.catch_warnings(record=True, action="ignore") as w:
    warnings.warn("ignored by action")
    print(w)
