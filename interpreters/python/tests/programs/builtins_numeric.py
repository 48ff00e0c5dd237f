# Numeric builtins: int() parsing and conversions, round, pow, divmod, int/float methods, complex.
print(round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1), round(123, 0), type(round(5, 2)).__name__)
print(round(2.675, 2), round(0.125, 2), round(2.5), round(-0.5), round(1234.5678, -2), round(5e-324, 400), round(-0.4, 0))
print(round(1.5e300, -299), round(12345.0, -10))
print(pow(3, -1, 7), pow(2, 10, -7), pow(5, 0, 1), pow(38, -1, 97), pow(2, 100, 1000000007))
try: pow(2, -1, 4)
except ValueError as e: print(e)
try: pow(2.0, 2, 3)
except TypeError as e: print(e)
try: pow(2, 2, 0)
except ValueError as e: print(e)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2))
try: divmod(1.0, 0)
except ZeroDivisionError as e: print(e)
try: divmod("a", 1)
except TypeError as e: print(e)
print((10).bit_count(), (-255).bit_count(), (7).as_integer_ratio(), True.conjugate(), (5).conjugate())
print((0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (3.0).as_integer_ratio(), (0.1).as_integer_ratio())
print((1.5).hex(), (0.0).hex(), (-0.0).hex(), (1e-320).hex(), float.fromhex('0x1.8p+1'), float.fromhex(' -0x10 '), (3.25).hex(), (2.0**-1074).hex())
print(float.fromhex((0.1).hex()) == 0.1, float.fromhex('0x1.fffffffffffff8p+0'), float.fromhex('inf'))
for s in ['12_', '_1', '1__0', '٣', ' 42 ', '0x_ff', '1_000', '010', '0_0', '+7', '-0b101', '']:
    for base in (10, 0, 16):
        try: print(repr(s), base, int(s, base))
        except ValueError as e: print(e)
class I:
    def __index__(self): return 7
class T:
    def __trunc__(self): return 9
class N:
    def __int__(self): return 11
print(int(I()), int(T()), int(N()), int(3.9), int(-3.9), int(True), int("  -12  "), int(2**70 + 0.0))
try: int(float('nan'))
except ValueError as e: print(e)
try: int(float('inf'))
except OverflowError as e: print(e)
try: int(3.5, 10)
except TypeError as e: print(e)
try: int("1", 99)
except ValueError as e: print(e)
try: int([])
except TypeError as e: print(e)
print(int("z", 36), int("Z", base=36), int())
print(complex(1, 2), (1 + 2j) * (3 - 1j), (1j) ** 2, complex("3+4j").real, abs(complex(3, 4)))
print(2j, -2j, 1 + 0j, complex(), complex(-0.0, -1), (1.5+2.25j), complex("1e3-2.5j"), complex(" (2j) "), complex("-j"))
print((1+2j) / (3+4j), (1+2j) - 1, 2 * (1+1j), (1+1j) ** 0.5, (2+0j) ** 10, (1+2j).conjugate(), (1+2j).imag, type(1j).__name__)
print(1j == 1j, (1+0j) == 1, hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), bool(0j), bool(1j), -(1+2j), +(1j))
try: (1+1j) / 0
except ZeroDivisionError as e: print(e)
try: (1j) < (2j)
except TypeError as e: print(e)
try: complex("abc")
except ValueError as e: print(e)
print({1j: 2}[1j], [1j, 2j], (1e20+1j), complex(1, float('inf')))
s = {1}
try: s |= [2]
except TypeError as e: print(e)
try: 10**400 * 1.0
except OverflowError as e: print(e)
print(10**300 * 1.0 > 0, 2**1023 + 0.5)
