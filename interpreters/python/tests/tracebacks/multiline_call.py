# An uncaught exception: mtpy's report on stderr must be CPython 3.11's, carets included.
def compute(a,
            b):
    return (a +
            b)
x = compute(1,
            "s")
