# Small ints are shared objects, as in CPython: `is` between equal small ints is True
# however they were computed, in the interpreter and in compiled loops alike.
def same(a, b):
    return a is b, a is not b

hits = 0
for i in range(-5, 257):
    j = (i * 3 - i * 2) + 0
    if i is j and not (i is not j):
        hits += 1
print("small ints identical:", hits)

vals = [n % 7 for n in range(50)]
print(sum(1 for v in vals if v is 3), vals.count(3))
print(same(2 + 2, 4), same(-5, 10 - 15), same(256, 2 ** 8))
print(same(None, None), same(0, False), same(1, True), same(0, None))
d = {}
for k in range(20):
    d[k % 5] = d.get(k % 5, 0) + 1
print([v is 4 for v in d.values()])
x = 100
y = x
print(x is y, id(x) == id(y), id(7) == id(3 + 4))
