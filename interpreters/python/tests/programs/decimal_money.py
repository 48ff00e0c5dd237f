from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_FLOOR, ROUND_CEILING, InvalidOperation, DivisionByZero, localcontext
import decimal
a, b = Decimal("10.50"), Decimal("3")
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(Decimal("-2.5")), +a, a ** 2, b ** -1)
print(repr(a), str(Decimal("1.10")), Decimal(5), Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal(2.5), Decimal("-0"), Decimal("1e3"), Decimal("1E-7"), Decimal("123.456e2"))
print(Decimal("0.000001"), Decimal("0.0000001"), Decimal("100") / Decimal("4"), Decimal(1) / Decimal(8), Decimal(2) / Decimal(3), Decimal(1) / 7, Decimal("1.000") * 3)
print(Decimal("19.999").quantize(Decimal("0.01")), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.665").quantize(Decimal(".01")), Decimal("7.5").quantize(Decimal("1"), rounding=ROUND_DOWN), Decimal("-7.5").quantize(Decimal("1"), rounding=ROUND_FLOOR), Decimal("7.1").quantize(Decimal("1"), rounding=ROUND_CEILING))
print(round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("2.567"), 2), int(Decimal("-7.9")), float(Decimal("1.5")), Decimal("3.00").normalize(), Decimal("1200").normalize(), Decimal("0.00").normalize())
print(Decimal("1.5") == 1.5, Decimal(2) == 2, Decimal("2.0") == Decimal("2"), Decimal("1") < 2, sorted([Decimal("3"), Decimal("1.5"), 2]), max(Decimal("1"), Decimal("1.0")), hash(Decimal("2.0")) == hash(2), hash(Decimal("0.5")) == hash(0.5))
print(sum([Decimal("0.10")] * 3), sum([Decimal("1.1"), Decimal("2.2")], Decimal(0)), Decimal("10") - 3, 3 - Decimal("10"), 2 * Decimal("1.25"), 7 / Decimal(2), divmod(Decimal(7), Decimal(2)), Decimal(-7) // 2, Decimal(-7) % 2)
print(Decimal(2).sqrt(), Decimal(16).sqrt(), Decimal("0.25").sqrt(), Decimal("1.21").sqrt(), Decimal("123.4500").as_tuple(), Decimal("-1.5").as_integer_ratio(), Decimal("1.23").adjusted())
print(f"{Decimal('1234.5'):,.2f}", f"{Decimal('3.14159'):.3f}", f"{Decimal('0.5'):.0f}", f"{Decimal('1.5'):.0f}", f"{Decimal('42'):>8}", f"{Decimal('0.125'):.1%}", f"{Decimal('-3.5'):08.2f}", f"{Decimal('7'):}", "{:.2f}".format(Decimal("2.345")))
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("123456789") + 0, Decimal(2).sqrt())
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 3
    print(Decimal(10) / 3)
print(Decimal(10) / 3, getcontext().prec, getcontext().rounding)
try:
    Decimal(1) / 0
except DivisionByZero as e:
    print("DivisionByZero", e, isinstance(e, ZeroDivisionError))
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", e)
try:
    Decimal("1.5") + 1.5
except TypeError as e:
    print("TypeError", e)
print(Decimal("Infinity"), Decimal("-inf"), Decimal("NaN"), Decimal("inf") > 10**100, Decimal("NaN") == Decimal("NaN"), Decimal("1e-10") * Decimal("1e-10"), Decimal("1.0") * Decimal("1.00"))
print(Decimal("100").quantize(Decimal("1E+1")), Decimal("0.1") * 0, Decimal("5") * Decimal("0.2"), Decimal(123456789) * 1000000000000000000000000, Decimal("9.999999999999999999999999999") + Decimal("0.0000000000000000000000000005"))
balance = Decimal("100.00")
for amt in ["19.99", "5.01", "0.333"]:
    balance -= Decimal(amt)
print(balance, balance.quantize(Decimal("0.01")), Decimal("1.23456789").quantize(Decimal("1.000")), Decimal(3).is_zero(), Decimal("-0.0").is_signed(), Decimal(0) == 0)
