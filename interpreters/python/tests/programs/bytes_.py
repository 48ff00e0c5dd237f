b = b"hello world"
print(b, len(b), b[0], b[-1], b[:5], b[::-1], b[1:8:2], b[100:])
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), bytes("é", "utf-8"), bytes(b"x"), bytes(bytearray(b"y")), bytes(source=[65]), bytes("a", encoding="ascii"))
print(bytearray(), bytearray(2), bytearray(b"ab"), bytearray([0, 10, 13, 92, 39, 34]), bytearray("ü", "latin-1"))
print(repr(b"\x00\x7f\x80\xff'"), repr(b'"\''), repr(b"'"), repr(b'"'), str(b"abc"), repr(bytearray(b"'\"")))
print(list(b"abc"), [x for x in bytearray(b"\x01\x02")], tuple(b"ab"), sorted(b"cba"), sum(b"\x01\x02"), max(b"az"))
print(b == b"hello world", b != b"x", b < b"hellp", b > b"", b"a" <= b"a", bytearray(b"a") == b"a", b"a" == bytearray(b"a"), b"a" == "a", b"abc" < bytearray(b"abd"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], b"k" in {b"k"}, len({b"a", b"a", b"b"}))
print(b + b"!", b"ab" * 3, 2 * b"x", bytearray(b"a") + b"b", b"a" + bytearray(b"b"), b"ab" * 0, bytearray(b"z") * 2)
print(b"o" in b, 111 in b, b"" in b, 300 == 300, b"wor" in bytearray(b"world"))
print(b.upper(), b.lower(), b"hELLo".swapcase(), b"hello world".title(), b"hELLO".capitalize(), b.split(), b.split(b"o"), b.split(b"o", 1), b.rsplit(b"o", 1), b"  a b  ".split(None, 1), b"  a b  ".rsplit(None, 1))
print(b.replace(b"o", b"0"), b.replace(b"l", b"L", 2), b"abc".replace(b"", b"-"), b"".replace(b"", b"x"), b.find(b"wor"), b.find(111), b.find(b"o", 5), b.rfind(b"o"), b.index(b"w"), b.rindex(b"l"), b.count(b"l"), b.count(108, 5))
print(b.startswith(b"he"), b.startswith((b"x", b"hel")), b.endswith(b"ld"), b.endswith(b"lo", 0, 5), b.partition(b" "), b.rpartition(b"o"), bytearray(b"a=b").partition(b"="))
print(b"  pad ".strip(), b"xxhixx".strip(b"x"), b"abc".lstrip(b"a"), b"abc".rstrip(b"c"), b"\t x\n".strip(), bytearray(b" y ").strip())
print(b"-".join([b"x", b"y", bytearray(b"z")]), bytearray(b",").join([b"1", b"2"]), b"".join([]))
print(b"a\nb\r\nc\rd".splitlines(), b"a\nb\r\n".splitlines(True), b"abc".center(7, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4), b"a\tb".expandtabs(4))
print(b.hex(), bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"), b"\x00\x10".hex(), b"abc".hex(":"), b"abcde".hex("-", 2), b"abcde".hex("-", -2), b"".hex(), b"x".fromhex("41"))
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"), b"abc".decode("ascii"), b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("ascii", "backslashreplace"))
for bad in [b"\xff", b"a\xc3", b"\xc3\x28", b"\xe4\xb8\x28", b"\xe4\xb8", b"\xf0\x9f\x98"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(e)
print(b"abc".isalpha(), b"12".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\x80".isascii(), b"".isalpha())
print(bytes.maketrans(b"abc", b"xyz")[97:100], b"abcd".translate(bytes.maketrans(b"ab", b"AB")), b"abcd".translate(None, b"bd"), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"bc"))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
print(ba, len(ba), bytes(ba), ba.decode())
ba[1:3] = b"XYZ"
print(ba)
ba[::2] = b"12345"
print(ba)
del ba[0]
print(ba, ba.pop(), ba, ba.pop(0), ba)
del ba[1:3]
print(ba)
ba.insert(0, 33)
ba.insert(-1, 63)
ba.insert(100, 46)
print(ba)
ba.remove(33)
ba.reverse()
c = ba.copy()
ba.clear()
print(ba, c, c is not ba)
ba += b"xy"
ba *= 2
print(ba)
x = bytearray(b"q")
y = x
y += b"r"
print(x, x is y)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True), int.from_bytes([1, 2], byteorder="big"), int.from_bytes(b""))
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, byteorder="little"), (-1).to_bytes(2, "big", signed=True), (0).to_bytes(1, "big"), (255).to_bytes(1, "little"), (65).to_bytes())
print(b"%d-%s-%r" % (5, b"x", b"y"), b"%5b|%-4s|" % (b"ab", b"c"), b"%c%c" % (65, b"B"), b"%x %o %%" % (255, 8), b"%(k)s" % {b"k": b"v"}, bytearray(b"%s") % b"z")
print(b"abc".upper().decode().upper(), ord(b"a"), chr(b"a"[0]))
def setx():
    z = bytearray(b"ab")
    z[::2] = b"xyz"
for bad in [lambda: b[0].__class__, lambda: bytes([256]), lambda: bytes(-1), lambda: bytes("a"), lambda: bytes(1.5), lambda: bytes(["a"]), lambda: b"a"[5], lambda: bytearray(b"a")[5],
            lambda: b"a"[str("x")], lambda: b"a" + "b", lambda: b"a".find("a"), lambda: b"a".split("a"), lambda: b"a".join(["a"]), lambda: b"a".strip("a"), lambda: b"a".startswith("a"),
            lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("a"), lambda: b"a".index(b"b"), lambda: bytearray(b"a").pop(5), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(9),
            lambda: bytearray(b"a").append(300), lambda: bytearray(b"a").append("x"), lambda: hash(bytearray()), lambda: b"%s" % "x", lambda: b"%c" % 300, lambda: b"abc".center(5, "x"),
            lambda: (300).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "x"), lambda: int.from_bytes("a", "big"), lambda: b"\xff".decode("nope"),
            lambda: "a" < b"a", lambda: b"a" < "a", lambda: b"abc".count(300), lambda: bytes(b"x", "utf-8"), lambda: setx()]:
    try:
        r = bad()
        print("ok", r)
    except (TypeError, ValueError, IndexError, OverflowError, LookupError) as e:
        print(type(e).__name__, e)
try:
    b = b"x"
    b[0] = 1
except TypeError as e:
    print(e)
print(isinstance(b"x", bytes), type(b"x").__name__, type(bytearray()).__name__, type(b"x"[0]).__name__, type(b"xy"[:1]).__name__, type(bytearray(b"x")[:1]).__name__)
print(f"{b'x'}", f"{b'x'!r}", "%s" % b"q", "{}".format(b"z"), str(bytearray(b"k")), [b"a", bytearray(b"b")])
d = {}
for w in b"the cat the hat".split():
    d[w] = d.get(w, 0) + 1
print(d)
