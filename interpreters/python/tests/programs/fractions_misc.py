# Fractions in sums, sorting, keys and the limit_denominator of many values.
from fractions import Fraction
import math

def harmonic(n):
    return sum(Fraction(1, k) for k in range(1, n + 1))

for n in (1, 5, 10, 20):
    h = harmonic(n)
    print(n, h, float(h), h.limit_denominator(1000), h.limit_denominator(10))

for x in (0.1, 0.2, 1 / 3, math.e, math.sqrt(2), -2.75, 1e-10):
    f = Fraction(x)
    print(f.limit_denominator(50), f.limit_denominator(1000), f.limit_denominator(1))

class Money(Fraction):
    pass

m = Money(5, 10)
print(repr(m), m + 1, type(m + 1).__name__, m == Fraction(1, 2), hash(m) == hash(Fraction(1, 2)))
items = [Fraction(3, 4), Fraction(-1, 2), Fraction(5, 3), 1, 0.25, Fraction(7, 8)]
print(sorted(items), min(items), max(items))
seen = {Fraction(1, 2), 0.5, Fraction(2, 4), 1, Fraction(1)}
print(len(seen))
acc = Fraction(0)
for k in range(1, 30):
    acc += Fraction((-1) ** k, 2 * k + 1)
print(acc, float(4 * (1 + acc)))
print(Fraction(10 ** 20 + 1, 3 * 10 ** 20), Fraction(123456789, 1000).limit_denominator(7))
print([str(Fraction(i, 6)) for i in range(-6, 7)])
print(Fraction('  -12.5e-1 '), Fraction('1_2/3_4'), Fraction(2, 3) ** Fraction(3), Fraction(9, 4) ** 0.5)
print(math.floor(Fraction(-7, 3)), math.ceil(Fraction(-7, 3)), math.trunc(Fraction(-7, 3)), round(Fraction(-7, 3)))
