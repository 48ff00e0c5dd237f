for t in (type(None), type(NotImplemented), type(...)):
    print(t() is t(), t())
    try:
        t(1)
    except TypeError as e:
        print(e)
print(int(b"12"), int(b" -7_0 "), int(bytearray(b"7")), int(b"ff", 16), int(b"0x1f", 0), float(b"1.5"), float(bytearray(b" -2e3 ")), float(b"inf"))
for bad in (b"1x", bytearray(b"")):
    try:
        int(bad)
    except ValueError as e:
        print(e)
    try:
        float(bad)
    except ValueError as e:
        print(e)
try:
    int(b"12", base=1)
except ValueError as e:
    print(e)
class S(str): pass
class B(bytes): pass
print(int(S("42")), float(S("2.5")), int(B(b"9")), int(S("z"), 36))
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53), 2 ** 64 > 1.8e19, 10 ** 400 > 1e308, (2 ** 53 + 1) < 9007199254740992.0)
print(9007199254740993 > 9007199254740992.0, -9007199254740993 < -9007199254740992.0, 1 == 1.0, 3 < 3.5, 10 ** 30 == 1e30, int(1e30) == 1e30)
print(max(2 ** 64, 1.8e19), min(2 ** 64, 1.8e19), 2 ** 63 == 2.0 ** 63, 2 ** 63 - 1 < 2.0 ** 63, float("nan") == 2 ** 70, 2 ** 1100 < float("inf"))
