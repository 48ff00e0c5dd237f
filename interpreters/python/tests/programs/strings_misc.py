for f in [lambda: str.upper(5), lambda: str.join(1, []), lambda: bytes.hex("x"), lambda: list.append((), 1)]:
    try:
        f()
    except TypeError as e:
        print(e)
print(str.upper("x"), str.join("-", "ab"), bytes.hex(b"\x01"), str.split("a b"), str.format("{}", 1), str.maketrans("a", "b"), "".maketrans("a", "b"), bytes.maketrans(b"a", b"b")[97])
print(bytes.fromhex("41"), b"".fromhex("42"), bytearray.fromhex("43"), int.from_bytes(b"\x01\x02", "big"), dict.fromkeys("ab"), dict.fromkeys([1], 0), {}.fromkeys("x"))
u = "héllo wörld 😀!"
print([c for c in u], list(reversed(u)), u[3], u[-2], u[1:5], u[::2], u[::-1], len(u))
for i, c in enumerate(u):
    if c == "ö":
        print(i)
print(list(reversed(b"abc")), list(enumerate(b"ab")), list(zip(b"ab", "xy")), list(map(chr, b"abc")), any(b"\x00\x01"), sorted(bytearray(b"cab")), bytes(reversed(b"abc")))
print(b"abc"[::-1], bytearray(b"abc")[::-1], [x * 2 for x in b"\x01\x02"], b"x" * 3 == b"xxx", b"%s" % b"y" in b"xyz")
class S:
    def __str__(self):
        return "S!"
print("%s" % S(), "a" "%s" % S(), "{}".format(S()))
try:
    "a" + S()
except TypeError as e:
    print(e)
try:
    print(1 + S())
except TypeError as e:
    print(e)
