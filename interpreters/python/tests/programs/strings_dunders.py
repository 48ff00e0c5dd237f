print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("c"), "ab".__mul__(2), "ab".__rmul__(3))
print("%s!".__mod__("x"), "a".__eq__("a"), "a".__eq__(1), "a".__ne__("b"), "a".__lt__("b"), "b".__ge__("a"), "a".__lt__(1), "x".__rmod__("%s"), "x".__rmod__(1))
print(str.__len__("xyz"), str.__add__("a", "b"), list(map(str.__len__, ["a", "bb"])), sorted(["b", "a"], key=str.__len__), "é".__repr__(), "x".__str__(), "x".__format__(">3"))
print(b"ab".__len__(), b"ab".__getitem__(0), b"ab".__add__(b"c"), b"ab".__eq__(bytearray(b"ab")), b"a".__mul__(2), b"%d".__mod__(5), b"a".__contains__(97))
ba = bytearray(b"abc")
ba.__setitem__(0, 65)
ba.__delitem__(1)
print(ba, ba.__iadd__(b"!"), ba, list(iter("ab".__iter__())), "ab".__hash__() == hash("ab"), b"x".__hash__() == hash(b"x"))
print([m for m in dir(str) if m in ("__len__", "__add__", "__contains__", "upper", "zfill", "format_map")])
print(set(dir(str)) >= {"capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"})
print(sorted(m for m in dir(bytes) if not m.startswith("_")) == sorted(m for m in dir(b"") if not m.startswith("_")), len([m for m in dir(bytearray) if not m.startswith("_")]))
try:
    print('"ab".__add__(1)', '->', repr("ab".__add__(1)))
except Exception as e:
    print('"ab".__add__(1)', '!!', type(e).__name__, e)
try:
    print('"ab".__mul__("x")', '->', repr("ab".__mul__("x")))
except Exception as e:
    print('"ab".__mul__("x")', '!!', type(e).__name__, e)
try:
    print('"a".__eq__(1)', '->', repr("a".__eq__(1)))
except Exception as e:
    print('"a".__eq__(1)', '!!', type(e).__name__, e)
try:
    print('"a".__lt__(1)', '->', repr("a".__lt__(1)))
except Exception as e:
    print('"a".__lt__(1)', '!!', type(e).__name__, e)
try:
    print('"x".__rmod__("%s")', '->', repr("x".__rmod__("%s")))
except Exception as e:
    print('"x".__rmod__("%s")', '!!', type(e).__name__, e)
try:
    print('"x".__rmod__(1)', '->', repr("x".__rmod__(1)))
except Exception as e:
    print('"x".__rmod__(1)', '!!', type(e).__name__, e)
try:
    print('b"ab".__add__("c")', '->', repr(b"ab".__add__("c")))
except Exception as e:
    print('b"ab".__add__("c")', '!!', type(e).__name__, e)
try:
    print('b"a".__mul__("x")', '->', repr(b"a".__mul__("x")))
except Exception as e:
    print('b"a".__mul__("x")', '!!', type(e).__name__, e)
try:
    print('b"a".__eq__("a")', '->', repr(b"a".__eq__("a")))
except Exception as e:
    print('b"a".__eq__("a")', '!!', type(e).__name__, e)
try:
    print('bytearray(b"a").__iadd__("x")', '->', repr(bytearray(b"a").__iadd__("x")))
except Exception as e:
    print('bytearray(b"a").__iadd__("x")', '!!', type(e).__name__, e)
try:
    print('"a".__mod__(1)', '->', repr("a".__mod__(1)))
except Exception as e:
    print('"a".__mod__(1)', '!!', type(e).__name__, e)
try:
    print('"a".__rmul__("x")', '->', repr("a".__rmul__("x")))
except Exception as e:
    print('"a".__rmul__("x")', '!!', type(e).__name__, e)
try:
    print('b"a".__rmod__(b"%s")', '->', repr(b"a".__rmod__(b"%s")))
except Exception as e:
    print('b"a".__rmod__(b"%s")', '!!', type(e).__name__, e)
try:
    print('b"a".__rmod__(1)', '->', repr(b"a".__rmod__(1)))
except Exception as e:
    print('b"a".__rmod__(1)', '!!', type(e).__name__, e)
try:
    print('len([m for m in dir(bytearray) if not m.startswith("_")])', '->', repr(len([m for m in dir(bytearray) if not m.startswith("_")])))
except Exception as e:
    print('len([m for m in dir(bytearray) if not m.startswith("_")])', '!!', type(e).__name__, e)
