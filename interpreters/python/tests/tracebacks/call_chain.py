# An uncaught exception: mtpy's report on stderr must be CPython 3.11's, carets included.
def a():
    b()
def b():
    c()
def c():
    int("x")
a()
