# Files: text and binary modes, reading and writing, positions, errors, in a temporary folder.
import io
import os

base = os.path.join(os.getcwd(), "mtpy_io_files_%d" % os.getpid())
os.mkdir(base)
home = os.getcwd()
os.chdir(base)
try:
    with open("notes.txt", "w") as f:
        print(f)
        print(f.name, f.mode, f.closed, f.readable(), f.writable(), f.seekable(), f.isatty())
        print(type(f.fileno()) is int, f.encoding, f.errors)
        print(f.write("alpha\n"), f.write("beta\r\ngamma\n"), f.tell())
        f.writelines(["delta\n", "epsilon"])
    print(f.closed)
    try:
        f.write("x")
    except ValueError as e:
        print("ValueError:", e)

    with open("notes.txt") as f:
        print(repr(f.read(3)), f.tell(), repr(f.readline()), f.tell())
        print(f.readlines())
        print(repr(f.read()), repr(f.readline()))
    with open("notes.txt", newline="") as f:
        print([line for line in f])
    with open("notes.txt", "rb") as f:
        print(f)
        data = f.read()
        print(data, len(data))
        f.seek(6)
        print(f.read(4), f.tell(), f.readline(), f.readline())
        f.seek(-3, 2)
        print(f.read(), f.tell())
    lines = []
    for i, line in enumerate(open("notes.txt")):
        lines.append((i, line.rstrip("\n")))
    print(lines)

    with open("notes.txt", "a") as f:
        print(f.tell(), f.write("\nzeta\n"))
    with open("notes.txt") as f:
        print(f.read().splitlines())

    with open("data.bin", "wb") as f:
        print(f, f.mode)
        f.write(bytes(range(10)))
        f.write(bytearray(b"\xff\xfe"))
    print(os.path.getsize("data.bin"))
    with open("data.bin", "r+b") as f:
        print(f, f.mode)
        print(f.read(2), f.tell())
        f.write(b"AB")
        f.seek(0)
        print(f.read())
        print(f.truncate(5), f.tell())
    with open("data.bin", "rb", buffering=0) as f:
        print(f, f.read())
    print(f)

    with open("rw.txt", "w+") as f:
        f.write("one\ntwo\nthree\n")
        f.seek(0)
        print(f.readline(), end="")
        f.seek(0, 2)
        f.write("four\n")
        f.seek(0)
        print(f.read().split())
        f.seek(4)
        f.truncate()
        f.seek(0)
        print(repr(f.read()))

    with open("u.txt", "w", encoding="utf-8") as f:
        f.write("héllo wörld ✓\n")
    with open("u.txt", "rb") as f:
        print(f.read())
    with open("u.txt", encoding="utf-8") as f:
        print(f.read(2), f.read(3), repr(f.read()))
    with open("l.txt", "w", encoding="latin-1") as f:
        print(f)
        f.write("café\n")
    with open("l.txt", "rb") as f:
        print(f.read())
    with open("l.txt", encoding="latin-1") as f:
        print(f.read().strip())
    try:
        open("l.txt", encoding="utf-8").read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    with open("l.txt", encoding="utf-8", errors="replace") as f:
        print(ascii(f.read()))

    try:
        open("missing.txt")
    except FileNotFoundError as e:
        print("FileNotFoundError:", e, e.errno, e.filename)
    try:
        open("notes.txt", "x")
    except FileExistsError as e:
        print("FileExistsError:", e)
    try:
        open(".")
    except IsADirectoryError as e:
        print("IsADirectoryError:", e)
    for mode in ["rw", "rr", "z", "rbt"]:
        try:
            open("notes.txt", mode)
        except ValueError as e:
            print("ValueError:", e)
    try:
        open("notes.txt", "rb", encoding="utf-8")
    except ValueError as e:
        print("ValueError:", e)
    with open("notes.txt") as f:
        try:
            f.write("x")
        except io.UnsupportedOperation as e:
            print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
    with open("new.txt", "x") as f:
        try:
            f.read()
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation:", e)
        try:
            f.write(b"bytes")
        except TypeError as e:
            print("TypeError:", e)
    with open("new.bin", "wb") as f:
        try:
            f.write("text")
        except TypeError as e:
            print("TypeError:", e)
    f = open("notes.txt")
    f.close()
    f.close()
    for op in (f.read, f.readline, f.tell):
        try:
            op()
        except ValueError as e:
            print("ValueError:", e)
    with open("notes.txt") as a, open("notes.txt") as b:
        print(a.readline() == b.readline(), a.fileno() != b.fileno())
    print(sorted(os.listdir(".")))
finally:
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.chdir(home)
    os.rmdir(base)
print(os.path.exists(base))
