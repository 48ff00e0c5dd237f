# Errors raised by str.encode/bytes.decode carry CPython's attributes; generators' gi_frame.
for data, enc in [(b"ab\xffcd", "utf-8"), (b"\xc3", "utf-8"), (b"\x80abc", "ascii"), (b"x\xe9\xe9y", "ascii")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(e, "|", e.encoding, e.object, e.start, e.end, e.reason, isinstance(e, ValueError))
for text, enc in [("héllo", "ascii"), ("日本", "latin-1"), ("ok€€!", "ascii")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(e, "|", e.encoding, e.object, e.start, e.end, e.reason, e.args)
print(b"a\xffb".decode("utf-8", "replace"), "é".encode("ascii", "ignore"))


def gen():
    yield 1
    yield 2


g = gen()
print(g.gi_frame is not None, g.gi_running, g.gi_code.co_name)
next(g)
print(g.gi_frame is not None, g.gi_frame.f_code.co_name)
g.close()
print(g.gi_frame)
g2 = gen()
print(list(g2), g2.gi_frame)
