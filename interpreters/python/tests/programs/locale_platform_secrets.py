# locale (the C and C.UTF-8 locales), platform and secrets: only what is the same on every
# machine is printed (platform's values are checked for their shape).
import locale
import os
import platform
import random
import secrets
import string

print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_ALL, "C"), locale.getlocale())
print(locale.setlocale(locale.LC_ALL), locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_NUMERIC, "POSIX"), locale.getlocale(locale.LC_NUMERIC))
print(locale.format_string("%d items, %s", (1234567, "x"), grouping=True), locale.format_string("%10.3f|", 3.14159))
print(locale.format_string("%s and %(k)s" if False else "%s", 5), locale.format_string("%(a)s-%(b).1f", {"a": 1, "b": 2.25}))
try:
    locale.currency(1.5)
except ValueError as e:
    print(e)
print(locale.str(3.0), locale.str(1 / 3), locale.delocalize("1,234.5"), locale.normalize("en_US"), locale.normalize("C.UTF-8"))
print(locale.getencoding(), locale.getpreferredencoding(), locale.strxfrm("b"), locale.strcoll("a", "b"), locale.strcoll("b", "b"))
print(locale.LC_ALL, locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_COLLATE, locale.LC_MONETARY, locale.LC_MESSAGES, locale.CHAR_MAX)
try:
    locale.setlocale(locale.LC_ALL, "xx_YY.UTF-8")
except locale.Error as e:
    print("locale.Error:", e)
try:
    locale.getlocale(locale.LC_ALL)
except TypeError as e:
    print("TypeError:", e)
conv = locale.localeconv()
print(conv["decimal_point"], repr(conv["thousands_sep"]), conv["grouping"], conv["frac_digits"], locale.atof("2.5"), locale.atoi("42"))
print(sorted(["b", "a", "C"], key=locale.strxfrm))

u = platform.uname()
print(type(u).__name__, len(u), u.system == platform.system() == os.uname().sysname, u.machine == platform.machine())
print(platform.python_version() == "%d.%d.%d" % __import__("sys").version_info[:3], platform.python_version_tuple()[0], platform.architecture()[0])
print(platform.platform().startswith(platform.system()), platform.platform(terse=True) == platform.platform() or platform.system() != "Linux")
print(isinstance(platform.release(), str), isinstance(platform.node(), str), platform.processor() == u.processor)

tok = secrets.token_hex(8)
print(len(tok), all(c in string.hexdigits for c in tok), len(secrets.token_bytes(5)), len(secrets.token_bytes()), len(secrets.token_urlsafe(16)))
print(0 <= secrets.randbelow(10) < 10, secrets.choice("abc") in "abc", secrets.randbits(8) < 256, secrets.DEFAULT_ENTROPY)
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"a", b"b"))
try:
    secrets.randbelow(0)
except ValueError as e:
    print(e)
sr = random.SystemRandom()
print(0 <= sr.random() < 1, 1 <= sr.randint(1, 6) <= 6, sr.seed(5), len(sr.randbytes(3)), sr.getrandbits(0))
try:
    sr.getstate()
except NotImplementedError as e:
    print(e)
