# memoryview: views over bytes and bytearray, shared writes, casts, release.
import struct


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


data = bytearray(b"Metatrace views!")
view = memoryview(data)
print(len(view), view[0], view[-1], view.nbytes, view.itemsize, view.format)
print(view.ndim, view.shape, view.strides, view.readonly, view.obj is data)
print(view.c_contiguous, view.f_contiguous, view.contiguous, view.suboffsets)

# Slices are views of the same buffer.
middle = view[4:9]
print(middle.tobytes(), len(middle), middle.obj is data)
middle[0] = ord("T")
middle[1:3] = b"RA"
print(data)
data[5] = ord("r")
print(middle.tobytes(), bytes(middle), bytearray(middle))
stepped = view[1:10:3]
print(stepped.tobytes(), stepped.strides, stepped.c_contiguous, stepped.tolist())
stepped[:] = b"xyz"
print(data)
backwards = view[::-1]
print(backwards.tobytes()[:6], backwards.strides, list(backwards[:3]))
print(view[3:1].tobytes(), len(view[100:]))
print(view[2:8][1:4][0], chr(view[2:8][1:4][-1]))

# Errors of indexing and assignment.
attempt("index", lambda: view[99])
attempt("negative", lambda: view[-99])
attempt("float key", lambda: view[1.5])
attempt("str key", lambda: view["a"])
attempt("big value", lambda: view.__setitem__(0, 256))
attempt("neg value", lambda: view.__setitem__(0, -1))
attempt("str value", lambda: view.__setitem__(0, "a"))
attempt("size", lambda: view.__setitem__(slice(0, 3), b"ab"))
attempt("list source", lambda: view.__setitem__(slice(0, 2), [1, 2]))
attempt("delete", lambda: view.__delitem__(0))
ro = memoryview(b"constant")
attempt("read-only", lambda: ro.__setitem__(0, 65))
print(ro.readonly, ro.toreadonly().readonly, memoryview(bytearray(2)).toreadonly().readonly)

# Construction.
for source in [b"abc", bytearray(b"abc"), memoryview(b"abc")[1:], 42, "text", [1, 2], None]:
    attempt("memoryview of " + type(source).__name__, lambda: memoryview(source).tobytes())
attempt("no argument", lambda: memoryview())
attempt("keyword", lambda: memoryview(object=b"kw").tobytes())
print(memoryview(memoryview(b"base")[1:]).obj)

# tobytes, tolist, hex.
hexed = memoryview(b"\x01\x02\xab\xcd\xef")
print(hexed.hex(), hexed.hex(":"), hexed.hex("-", 2), hexed.hex(" ", -2), hexed[::2].hex())
print(hexed.tolist(), hexed.tobytes(), hexed.tobytes("A"), hexed[::-2].tobytes())
attempt("order", lambda: hexed.tobytes("Z"))

# Comparisons and hashing.
print(memoryview(b"abc") == b"abc", b"abc" == memoryview(b"abc"), memoryview(b"abc") != bytearray(b"abd"))
print(memoryview(b"abc") == memoryview(bytearray(b"abc")), memoryview(b"abc") == "abc", memoryview(b"ab") == [97, 98])
print(memoryview(b"\xff") == memoryview(b"\xff").cast("b"), memoryview(b"a") == memoryview(b"a").cast("c"))
attempt("order compare", lambda: memoryview(b"a") < memoryview(b"b"))
attempt("bytes order", lambda: b"a" < memoryview(b"b"))
print(hash(memoryview(b"hash me")) == hash(b"hash me"), hash(memoryview(b"abcdef")[::2]) == hash(b"ace"))
print({memoryview(b"key"): 1}[b"key"], memoryview(b"key") in {b"key"})
attempt("writable hash", lambda: hash(memoryview(bytearray(b"x"))))
attempt("format hash", lambda: hash(memoryview(b"abcd").cast("H")))

# Iteration and membership.
letters = memoryview(b"hello")
print(list(letters), tuple(letters[1:3]), sorted(letters), max(letters), sum(letters))
print(108 in letters, 120 in letters, b"l" in letters, list(reversed(letters)))
print(bool(letters), bool(memoryview(b"")), type(iter(letters)).__name__)

# Release and the context manager.
with memoryview(bytearray(b"ctx")) as managed:
    print(managed[0], managed.tobytes())
attempt("after with", lambda: managed[0])
released = memoryview(b"gone")
released.release()
released.release()
for label, op in [
    ("len", lambda: len(released)),
    ("tobytes", lambda: released.tobytes()),
    ("nbytes", lambda: released.nbytes),
    ("obj", lambda: released.obj),
    ("bytes", lambda: bytes(released)),
    ("cast", lambda: released.cast("B")),
    ("view", lambda: memoryview(released)),
    ("enter", lambda: released.__enter__()),
]:
    attempt("released " + label, op)
print(repr(released).startswith("<released memory at 0x"), repr(letters).startswith("<memory at 0x"))
print(released == released, released == b"gone")

# Casts.
raw = memoryview(bytearray(struct.pack("<4H", 1, 2, 515, 65535)))
shorts = raw.cast("H")
print(shorts.format, shorts.itemsize, len(shorts), shorts.tolist(), shorts.nbytes, shorts.strides)
shorts[0] = 4096
print(raw[:2].tolist(), shorts[1:3].tolist(), shorts.cast("B").tolist()[:4])
attempt("short range", lambda: shorts.__setitem__(0, 65536))
attempt("short type", lambda: shorts.__setitem__(0, 1.0))
print(raw.cast("I").tolist(), raw.cast("q").tolist(), raw.cast("b").tolist()[-2:])
print(raw.cast("c")[0], raw.cast("c").tolist()[:3], raw.cast("?").tolist()[:3], raw.cast("@i").format)
chars = raw.cast("c")
chars[1] = b"Z"
print(raw[1], struct.unpack("<d", struct.pack("<d", 2.5)), memoryview(struct.pack("d", 2.5)).cast("d")[0])
floats = memoryview(bytearray(8)).cast("f")
floats[0] = 1.5
floats[1] = 3
print(floats.tolist())
attempt("odd length", lambda: memoryview(b"abc").cast("H"))
attempt("non-byte", lambda: shorts.cast("I"))
attempt("bad format", lambda: raw.cast("<H"))
attempt("unknown format", lambda: raw.cast("x"))
attempt("non contiguous", lambda: raw[::2].cast("B"))
attempt("format type", lambda: raw.cast(b"B"))
attempt("no format", lambda: raw.cast())
grid = memoryview(b"abcdef").cast("B", [2, 3])
print(grid.ndim, grid.shape, grid.strides, grid.tolist(), grid[1, 2], grid[0, -1], len(grid))
print(grid.tobytes(), grid.tobytes("F"), grid[::-1].tolist(), grid.cast("B").tolist())
attempt("grid row", lambda: grid[0])
attempt("grid bounds", lambda: grid[2, 0])
attempt("grid slices", lambda: grid[0:1, 0:1])
attempt("grid tuple", lambda: grid[0, 0, 0])
attempt("grid to grid", lambda: grid.cast("B", [3, 2]))
attempt("shape product", lambda: memoryview(b"abcdef").cast("B", [4, 2]))
attempt("shape zero", lambda: memoryview(b"abcdef").cast("B", [0, 6]))
attempt("shape type", lambda: memoryview(b"abcdef").cast("B", 6))
scalar = memoryview(b"\x07").cast("B", [])
print(scalar.ndim, scalar.shape, scalar.strides, scalar.tolist(), scalar[()], len(scalar))
attempt("scalar index", lambda: scalar[0])

# As a bytes-like argument.
buf = memoryview(b"spam and eggs")
print(b"-".join([buf[:4], buf[9:]]), bytearray(b"<").join([buf[5:8]]), b"x" + buf[:2])
grow = bytearray(b"+")
grow.extend(buf[:4])
grow += buf[-4:]
print(grow, int.from_bytes(memoryview(b"\x01\x00"), "little"), int.from_bytes(buf[:2], "big"))
print(str(buf, "ascii"), str(buf[5:8], encoding="utf-8"), bytes(buf).decode(), b"and" in bytes(buf))
print(struct.unpack("<HH", memoryview(b"\x01\x00\x02\x00")), struct.unpack_from("<B", buf, 1))
target = bytearray(4)
struct.pack_into("<I", memoryview(target), 0, 0x01020304)
print(target, b"spam".startswith(buf[:2]), b"eggs".find(buf[-2:]), b"spam".replace(buf[:1], b"S"))
attempt("join strided", lambda: b"".join([buf[::2]]))
attempt("unpack strided", lambda: struct.unpack("<H", buf[::2][:2]))
attempt("decode strided", lambda: str(buf[::2], "ascii"))
attempt("pack_into read-only", lambda: struct.pack_into("<B", memoryview(b"x"), 0, 1))
attempt("add", lambda: buf + b"x")
attempt("mul", lambda: buf * 2)
print(bytes(buf[::-1]), bytearray(buf[::3]))

# The type itself.
print(type(memoryview(b"")).__name__, [n for n in dir(memoryview) if not n.startswith("_")])
print(int(memoryview(b"42")), float(memoryview(b"2.5")))
attempt("int base", lambda: int(memoryview(b"ff"), 16))
attempt("subclass", lambda: type("M", (memoryview,), {}))
import copy
attempt("copy", lambda: copy.copy(memoryview(b"x")))
print(bytearray(b"a") < memoryview(b"b"), memoryview(b"b") > bytearray(b"a"), bytearray(b"a") >= memoryview(b"a"))
print(memoryview(b"abc").__eq__(b"abc"), memoryview(b"abc").__eq__(1), memoryview(b"abc").__lt__(b"abc"))
attempt("bytes order", lambda: b"a" <= memoryview(b"a"))
attempt("ord", lambda: ord(memoryview(b"a")))
attempt("percent c", lambda: b"%c" % memoryview(b"a"))
print(b"%s|%b" % (memoryview(b"ab"), memoryview(b"cd")), eval(memoryview(b"6*7")))
walker = iter(memoryview(b"ab"))
print(walker.__next__(), next(walker), iter(walker) is walker, walker.__iter__() is walker, list(walker))
attempt("exhausted", lambda: walker.__next__())
