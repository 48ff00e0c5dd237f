# In-memory streams (StringIO, BytesIO), sys.stdout and friends, print(file=), redirection.
import io
import sys
from contextlib import redirect_stdout, redirect_stderr

s = io.StringIO()
print(s.write("hello\n"), s.write("world"), s.tell())
print(repr(s.getvalue()), repr(s.read()))
s.seek(0)
print(repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(list(s), s.tell())
s.seek(2)
s.write("LL")
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write("!")
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.closed)
for args in [(-1,), (1, 1), (0, 5)]:
    try:
        s.seek(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
s.close()
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print("ValueError:", e)

t = io.StringIO("line one\nline two\nline three")
print(t.read(4), t.tell(), t.readlines())
t = io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(t.getvalue()))
t = io.StringIO("a\r\nb\rc\n", newline="")
print(list(t))
t = io.StringIO()
t.writelines(["x", "y", "z"])
print(t.getvalue(), len(t.getvalue()))
try:
    t.write(5)
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO(b"bytes")
except TypeError as e:
    print("TypeError:", e)
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)

b = io.BytesIO(b"abc\ndef\n")
print(b.readline(), b.read(2), b.tell(), b.read(), b.read())
b.seek(1)
b.write(b"XY")
print(b.getvalue(), b.tell())
b.seek(0, 2)
b.write(b"end")
print(b.getvalue())
b.seek(-3, 2)
print(b.read())
print(b.truncate(4), b.getvalue())
b = io.BytesIO()
for k in range(5):
    b.write(bytes([65 + k]) * 2)
print(b.getvalue(), len(b.getvalue()))
b.seek(0)
print(list(b))
try:
    b.write("str")
except TypeError as e:
    print("TypeError:", e)

out = io.StringIO()
print("a", 1, [2], sep=", ", end=";\n", file=out)
print(file=out)
print("x", "y", sep="", file=out, flush=True)
print(repr(out.getvalue()))


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


c = Collector()
print("p", "q", file=c, flush=True)
print(c.parts)

buf = io.StringIO()
with redirect_stdout(buf):
    print("captured", 42)
    sys.stdout.write("written\n")
    print(sys.stdout is buf)
print("after:", repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("to err", file=sys.stderr)
print(repr(err.getvalue()))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
saved = sys.stdout
sys.stdout = io.StringIO()
print("hidden")
hidden = sys.stdout.getvalue()
sys.stdout = saved
print("restored", repr(hidden))
print(sys.stdout.write("direct\n"))
sys.stdout.flush()
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.encoding, sys.stdout.name, sys.stdin.name, sys.stderr.name)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", e)
sys.stdin = io.StringIO("first\nsecond\n")
print(input(), input("? "))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdin = sys.__stdin__
print(type(sys.stdout).__name__, type(io.StringIO()).__name__, type(io.BytesIO()).__name__)
