# An uncaught exception: mtpy's report on stderr must be CPython 3.11's, carets included.
def f():
    x = 1
    y = 0
    return x / y
def g():
    try:
        return f()
    finally:
        print("cleanup")
g()
