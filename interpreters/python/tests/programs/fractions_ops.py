from fractions import Fraction as F
import math
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
t(F, 1, 0); t(lambda: F(1,2)/0); t(lambda: F(0)**-1); t(lambda: F(1,2)//0); t(lambda: F(1,2)%0); t(lambda: divmod(F(1,2), 0))
t(F, 'abc'); t(F, '1/0'); t(F, ' -3/4 '); t(F, '1.5e-3'); t(F, '1_000'); t(F, '.5'); t(F, '5.'); t(F, '-'); t(F, '1/-2'); t(F, '+1/2'); t(F, '1 /2')
t(F, 1.5, 2); t(F, [1]); t(F, float('nan')); t(F, float('inf')); t(F, '1e'); t(F, 'inf'); t(F, '1.2/3')
t(F.from_float, 1); t(F.from_float, '1'); t(F.from_float, 0.1)
t(lambda: F(3,7).limit_denominator(0)); t(lambda: F(math.pi).limit_denominator(100)); t(lambda: F(math.pi).limit_denominator())
for x in [F(1,3), F(-1,3), F(0), F(5), F(10**30, 7), F(1, 2**61-1), F(-1,1), F(2**61-1, 3)]:
    print(hash(x), str(x), repr(x), x.as_integer_ratio(), float(x), int(x), math.floor(x), math.ceil(x), round(x), round(x, 2), bool(x))
print(F(1,3) + 1, 1 + F(1,3), F(1,3) + 0.5, F(1,3) * F(3,4), F(1,3) - 2, 2 - F(1,3), F(1,3) / F(2), 3 / F(2,3), F(7,3) // 2, 7 // F(2,3), F(7,3) % F(1,2), 7 % F(2,3), divmod(F(7,3), F(1,2)), divmod(-7, F(2,3)))
print(F(2,3) ** 2, F(2,3) ** -2, F(-2,3) ** -3, F(4,9) ** F(1,2), 2 ** F(2), 2 ** F(-2), 2 ** F(1,2), F(1,2) ** 0.5, 1.5 ** F(1,2))
print(F(1,2) == 0.5, F(1,2) == F(2,4), F(2,1) == 2, F(1,3) < 0.5, F(1,3) > F(1,4), F(1,2) < float('inf'), F(1,2) == float('nan'), F(1,3) <= 1, 1 >= F(1,3))
print(-F(1,2), +F(1,2), abs(F(-1,2)), F(1,2) + 1j, round(F(5,2)), round(F(7,2)), round(F(-5,2)), round(F(12345,100), -1), round(F(1,3), 3))
print(F(F(1,2), F(1,3)), F(F(3,4)), F(3, -6), F(-6, -4), F(0, -5), F(True), math.trunc(F(-7,2)), F(1,2).numerator, F(1,2).denominator)
print(sorted([F(1,2), 0.3, 1, F(1,5)]), max(F(1,2), F(2,3)), sum([F(1,2), F(1,3), F(1,6)]), {F(1,2): 'a', 0.5: 'b'}, F(5,1) == 5, hash(F(5,1)) == hash(5), hash(F(1,2)) == hash(0.5))
t(lambda: F(1,2) + 'a'); t(lambda: F(1,2) < 'a'); t(F, 1, 2.0); t(F, '3/4', 2)
print(F('3.1415'), F('-.75'), F('2e3'), F('  7 '), F(' 1/3\n'), F(0.1), F(-0.0), F(1e20), F(2**-1074))
print(F(1,3).__round__(), F(10,3).limit_denominator(2), isinstance(F(1), F), F(3,4).conjugate(), F(3,4).real, F(3,4).imag)
