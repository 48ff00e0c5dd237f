# ints past 64 bits, floor division and modulo signs, float repr, mixed arithmetic
print(2 ** 64, -2 ** 63 - 1, 3 ** 40 // 7 ** 9)
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3)]:
    print(a // b, a % b, divmod(a, b))
print(0.1 + 0.2, 1 / 3, 2.5 * 4, 1e16, 1.5e-7, -0.0)
print(10 / 4, 9 // 2.0, 7.5 % 2, 2 ** -1, abs(-3), abs(-2.5))
x = 1
for _ in range(70):
    x = x * 2 + 1
print(x, x.bit_length(), x % 1000)
print(int("ff", 16), int("-42"), float("3.25"), round(2.5), round(3.5), round(1.23456, 3))
print(hex(255), oct(8), bin(5), chr(65), ord("a"))
print(max(3, 9, 2), min([4, 1, 8]), sum(range(101)), sum([0.5, 0.25]))
print(1 < 2 < 3, 3 > 2 > 5, 1 == 1.0, True + True)

# &, | and ^ of two bools give a bool; with an int, an int.
print(True & False, True | False, True ^ True, ~True, True & 3, 1 | True, False ^ False)
flag = True
for i in range(3000):
    flag = flag ^ (i % 7 == 0)
print(flag, type(flag).__name__)
