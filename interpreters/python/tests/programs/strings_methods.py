# str methods: search with start/end
s = "hello world, hello there"
print(s.find("hello"), s.find("hello", 1), s.find("hello", 1, 10), s.find("o", -5), s.find("", 30), s.find("", 24))
print(s.rfind("hello"), s.rfind("hello", 0, 15), s.rfind("z"), s.rfind("", 3))
print(s.index("world"), s.rindex("o"), s.rindex("o", 0, 10), s.count("l"), s.count("l", 5), s.count("l", 3, -3), s.count(""), s.count("", 3, 1))
for bad in [lambda: s.index("zz"), lambda: s.rindex("zz", 3), lambda: s.find(1), lambda: s.count(), lambda: s.find("a", "x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("x", "hel")), s.endswith("there"), s.endswith("hello", 0, 18), s.startswith("", 24), s.startswith("", 25))
u = "héllo wörld ünïcode"
print(u.find("ö"), u.rfind("ü"), u.count("l"), u.index("w", 2), u[u.find("ü"):], u.startswith("wö", 6), u.endswith("llo", 0, 5))
# split family
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "  a  b\tc\n ".split(), "  a  b  c  ".split(None, 1), "  a  b  c  ".rsplit(None, 1))
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=0), "".split(), "".split(","), "x".split("x"), "\x1ca\x1fb".split())
print("l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x85l8\u2028l9".splitlines())
print("a\nb\r\n\nc\r".splitlines(True), "".splitlines(), "\n".splitlines(), "x\n".splitlines(keepends=True))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
print(",".join(["a", "b"]), "".join([]), "-".join("xyz"), "ab".join(("1", "2", "3")))
# strip
print(repr("  x  ".strip()), repr("xxhixx".strip("x")), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")), repr("\t\n x \x1f".strip()), "x".strip(None))
# replace
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"), "aaa".replace("a", "", -1))
# padding
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6, "*")), repr("ab".ljust(5, ".")), repr("ab".rjust(5)), repr("abc".center(2)))
print("42".zfill(5), "-42".zfill(5), "+x".zfill(4), "abc".zfill(2), "".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("12345\t6\n\t7".expandtabs(3)), repr("a\tb".expandtabs(0)), repr("x\ry\tz".expandtabs(2)))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("x"), "abc".removesuffix(""))
# case
print("hello World".upper(), "Hello WORLD".lower(), "ß".upper(), "HeLLo".swapcase(), "hello world".title(), "they're bill's 3rd".title(), "hELLO wORLD".capitalize())
print("ΣΑΣ".lower(), "Straße".casefold(), "ǆemal".title(), "ǆ".capitalize())
print("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "".istitle(), "A1 B2".istitle(), "ǅa".istitle())
print("ABC".isupper(), "AbC".isupper(), "123".isupper(), "abc1".islower(), "".islower(), "ABC ".isupper())
print("123".isdigit(), "²³".isdigit(), "²".isdecimal(), "½".isnumeric(), "½".isdigit(), "一二三".isnumeric(), "٣".isdecimal(), "12a".isdigit(), "".isdigit())
print("abc".isalpha(), "abç".isalpha(), "ab1".isalnum(), "ab 1".isalnum(), " \t\n".isspace(), "".isspace(), "\x1c".isspace(), "\xa0".isspace())
print("abc".isprintable(), "a\nb".isprintable(), "".isprintable(), "\u200b".isprintable(), "é".isprintable(), "\xa0".isprintable())
print("abc".isascii(), "é".isascii(), "".isascii(), "_x1".isidentifier(), "1x".isidentifier(), "é".isidentifier(), "a-b".isidentifier(), "".isidentifier())
# translate / maketrans
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcd".translate(t), "hello".translate({ord("l"): "LL", ord("h"): None, ord("o"): 48}))
print(str.maketrans({"a": "1", 98: None}), "abc".translate(str.maketrans({"a": "1", 98: None})))
print("abc".translate([None, None]), "\x00\x01a".translate(["X", "Y"]))
# encode
print("héllo".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"), "h€".encode("ascii", "replace"), "h€".encode("ascii", "ignore"), "h€é".encode("ascii", "backslashreplace"), "h€".encode("ascii", "xmlcharrefreplace"))
print("x".encode(encoding="utf8"), "é".encode("UTF-8"), "é".encode("iso-8859-1"))
for bad in [lambda: "é€".encode("ascii"), lambda: "aé€b".encode("latin-1"), lambda: "x".encode("nope"), lambda: "€€".encode("ascii")]:
    try:
        bad()
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__, e)
# errors
for bad in [lambda: "a".center(), lambda: "a".center(5, "ab"), lambda: "a".ljust(5, 1), lambda: "a".upper(1), lambda: "a".split(1), lambda: "a".split(""),
            lambda: "a".strip(1), lambda: "a".replace("a"), lambda: "a".replace(1, "b"), lambda: "a".startswith(1), lambda: "a".startswith((1,)),
            lambda: "a".join([1]), lambda: "a".partition(""), lambda: "a".partition(1), lambda: "a".removeprefix(1), lambda: str.maketrans("ab", "c"),
            lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}), lambda: "a".zfill("x"), lambda: "a".translate({97: 1.5}), lambda: "a".split(sep="a", foo=1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print("a" "b" + "c" * 2, "abc"[::-1], "abc"[1:], "x" in "xyz", "" in "abc", "ab" not in "abc")
print(str(b"x", "ascii"), str(b"\xc3\xa9", encoding="utf-8"), str(object="o"), str(), repr(str(1.5)))
for bad in [lambda: "a" + 1, lambda: "a" + b"b", lambda: [1] + (1,), lambda: (1,) + [1], lambda: "a" * "b", lambda: [1] * 1.5, lambda: 1 in "ab", lambda: str(1, "utf-8")]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(repr("\x80\x9f\xa0\xad\u200b\u2028\U0001f600\ue000 ok é"), ascii("é€😀"))
print(dir("") == sorted(set(dir(""))), len([m for m in dir(str) if not m.startswith("_")]))
