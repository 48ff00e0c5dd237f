# An uncaught exception: mtpy's report on stderr must be CPython 3.11's, carets included.
data = {"a": [1, 2, 3]}
def get(k, i):
    return data[k][i] * 2
def total():
    return sum(get("a", i) for i in range(5))
print(total())
