for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf_32_be", "UTF16"]:
    e = "a€😀".encode(enc)
    print(enc, e, e.decode(enc), len(e))
print(b"\xff\xfea\x00".decode("utf-16"), b"\xfe\xff\x00a".decode("utf-16"), b"a\x00".decode("utf-16"), b"\x00\x00\xfe\xff\x00\x00\x00a".decode("utf-32"))
for b, enc in [(b"abc", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"), (b"\x00\xdc", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\x00\x00\x11\x00", "utf-32-le"), (b"abc", "utf-32"), (b"\x00\xd8\x00\x00", "utf-32-le")]:
    try:
        print(b.decode(enc))
    except UnicodeDecodeError as e:
        print(e)
    print(b.decode(enc, "replace"), b.decode(enc, "ignore"), b.decode(enc, "backslashreplace"))
s = slice(1, 10, 2)
print(s, slice(3), slice(None, -1), [0, 1, 2, 3, 4, 5][slice(1, None, 2)], "abcdef"[slice(2)])
