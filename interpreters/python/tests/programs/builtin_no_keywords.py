# Builtin functions and methods that take only positional arguments reject keyword
# arguments with CPython's message; those that take some keep working.
import math

calls = [
    lambda: [].append(1, x=1),
    lambda: [].insert(0, 1, x=1),
    lambda: [].pop(x=1),
    lambda: [3].index(3, x=1),
    lambda: "a".strip(x=1),
    lambda: "a".upper(x=1),
    lambda: "a".replace("a", "b", x=1),
    lambda: "a".find("a", x=1),
    lambda: "a".join([], x=1),
    lambda: (1,).count(1, x=1),
    lambda: {}.get(1, x=2),
    lambda: {}.keys(x=1),
    lambda: {}.setdefault(1, x=1),
    lambda: {1}.add(1, x=1),
    lambda: getattr(1, "a", x=1),
    lambda: isinstance(1, int, x=1),
    lambda: divmod(1, 2, x=1),
    lambda: abs(1, x=1),
    lambda: iter([], x=1),
    lambda: math.sqrt(1, x=1),
    lambda: (5).bit_length(x=1),
]
for c in calls:
    try:
        c()
        print("accepted")
    except TypeError as e:
        print("TypeError:", e)

print("a b".split(sep=" "), "a\nb".splitlines(keepends=True), (5).to_bytes(2, byteorder="big"))
print(sorted([3, 1], reverse=True), min([2, 1], key=lambda v: -v), round(2.5, ndigits=0))
d = {}
d.update(a=1)
lst = [2, 1]
lst.sort(key=lambda v: v)
print(d, lst, "x\ty".expandtabs(tabsize=2), b"ab".decode(encoding="ascii"), "é".encode(encoding="utf-8"))
