# getattr/hasattr/setattr/delattr with a name that is not a str: TypeError, never a crash.
class A:
    x = 1

for name, call in [
    ("getattr", lambda n: getattr(A(), n)),
    ("getattr default", lambda n: getattr(A(), n, "dflt")),
    ("hasattr", lambda n: hasattr(A(), n)),
    ("setattr", lambda n: setattr(A(), n, 2)),
    ("delattr", lambda n: delattr(A(), n)),
]:
    for n in [5, None, b"x", ("x",)]:
        try:
            print(name, repr(n), call(n))
        except TypeError as e:
            print(name, repr(n), "TypeError:", e)
print(getattr(A(), "x"), hasattr(A(), "x"), hasattr(A(), "y"))
