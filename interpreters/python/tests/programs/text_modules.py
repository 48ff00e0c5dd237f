import string
import unicodedata as ud
from string import ascii_letters, capwords
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable), ascii_letters == string.ascii_letters)
print(capwords("hello   wORLD  foo"), capwords("a-b-c", "-"), string.capwords(" x "))
print(ud.name("é"), ud.name("中"), ud.name("😀"), ud.name("a"), ud.name("\x00", "none"), ud.lookup("BLACK STAR"), ud.lookup("latin small letter a"))
print(ud.category("a"), ud.category("A"), ud.category("1"), ud.category(" "), ud.category("\u200b"), ud.category("中"), ud.category("½"), ud.category("\ue000"))
s = "e\u0301"
print(len(ud.normalize("NFC", s)), len(ud.normalize("NFD", "é")), ud.normalize("NFKC", "ﬁ²"), ud.normalize("NFKD", "Ⅻ"), ud.is_normalized("NFC", s), ud.is_normalized("NFD", s))
print(ud.decimal("7"), ud.decimal("٣"), ud.digit("²"), ud.digit("①"), ud.numeric("½"), ud.numeric("Ⅻ"), ud.numeric("七"), ud.numeric("9"), ud.decimal("x", -1), ud.combining("\u0301"), ud.combining("a"))
for f in [lambda: ud.name("\x00"), lambda: ud.lookup("NOT A NAME"), lambda: ud.decimal("x"), lambda: ud.digit("½"), lambda: ud.numeric("x"), lambda: ud.normalize("X", "a"), lambda: ud.name("ab")]:
    try:
        f()
    except (ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
print(ud.unidata_version)
