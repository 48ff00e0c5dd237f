# An uncaught exception: mtpy's report on stderr must be CPython 3.11's, carets included.
def f(n):
    if n == 0:
        raise ValueError("bottom")
    return f(n - 1)
f(8)
