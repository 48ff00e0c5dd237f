# An uncaught exception: mtpy's report on stderr must be CPython 3.11's, carets included.
def inner(d):
    return d["k"] + compute(1, 2)

def compute(a, b):
    return a / (b - 2)

def outer():
    try:
        inner({"k": 1})
    except ZeroDivisionError:
        x = None
        x.attr

outer()
