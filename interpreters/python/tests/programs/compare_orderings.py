# Orderings through the interpreter's comparison paths: str by code point, ints and bools,
# floats with NaN and infinities, mixed int/float exactness, and sorting with them.
nan = float("nan")
inf = float("inf")
words = ["pear", "Apple", "apple", "épée", "zebra", "", "a", "ab", "Z", "é", "\u4e2d", "ä"]
print(sorted(words))
print(sorted(words, reverse=True))
print(max(words), min(words))
for a, b in [("a", "b"), ("b", "a"), ("ab", "a"), ("é", "z"), ("", ""), ("Z", "a")]:
    print(repr(a), repr(b), a < b, a <= b, a > b, a >= b, a == b, a != b)
for a, b in [(1, 2), (2, 1), (True, 1), (False, 0), (-5, True), (2**62, 2**63), (-(2**63), 2**63 - 1)]:
    print(a, b, a < b, a <= b, a > b, a >= b, a == b, a != b)
for a, b in [(1.5, 2.5), (nan, 1.0), (1.0, nan), (nan, nan), (inf, 1e308), (-inf, -inf), (0.0, -0.0)]:
    print(a, b, a < b, a <= b, a > b, a >= b, a == b, a != b)
for a, b in [(2**53 + 1, 2.0**53), (2**53, 2.0**53), (10**30, 1e30), (1, 1.0), (True, 1.0), (3, nan)]:
    print(a, b, a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([3, 1.5, True, -2, 2**70, 0.0, -0.5]))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted(["b", "a", "c"], key=lambda s: (-ord(s), s)))
try:
    "a" < 1
except TypeError as e:
    print(e)
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
