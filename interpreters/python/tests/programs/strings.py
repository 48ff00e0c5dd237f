# str methods, f-strings and format specs, % formatting, repr
name, n, x = "mtpy", 42, 3.14159
print(f"{name}: {n:5d}|{n:<5}|{n:^7}|{x:.2f}|{x:10.3e}|{n:x}|{n:08b}")
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("a", "b"), "%s-%d-%.1f" % ("s", 7, 2.25))
print(repr("it's"), repr('say "hi"'), str(12), "ab" * 3, "-".join(["a", "b", "c"]))
s = "  Hello, World  "
print(s.strip(), s.lower(), s.upper(), s.strip().split(", "), s.replace("l", "L"))
print("abc".startswith("ab"), "abc".endswith("bc"), "abcabc".find("c"), "banana".count("an"))
print("x".center(5, "*"), "7".zfill(3), "title case words".title(), "42".isdigit())
print(f"{'nested'!r} {1 + 2 = }", f"{x!s:>8}", f"{1000000:,}")
print(list("héllo"), len("héllo"), "héllo"[1], "hello"[::2])
