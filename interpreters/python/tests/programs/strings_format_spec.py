try:
    print('format("abc", "^10.2")', '->', repr(format("abc", "^10.2")))
except Exception as e:
    print('format("abc", "^10.2")', '!!', type(e).__name__, e)
try:
    print('"{:05}".format("ab")', '->', repr("{:05}".format("ab")))
except Exception as e:
    print('"{:05}".format("ab")', '!!', type(e).__name__, e)
try:
    print('"{:=5}".format("a")', '->', repr("{:=5}".format("a")))
except Exception as e:
    print('"{:=5}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:,}".format("a")', '->', repr("{:,}".format("a")))
except Exception as e:
    print('"{:,}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:+}".format("a")', '->', repr("{:+}".format("a")))
except Exception as e:
    print('"{:+}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:#}".format("a")', '->', repr("{:#}".format("a")))
except Exception as e:
    print('"{:#}".format("a")', '!!', type(e).__name__, e)
try:
    print('"{:x<4}".format("é")', '->', repr("{:x<4}".format("é")))
except Exception as e:
    print('"{:x<4}".format("é")', '!!', type(e).__name__, e)
try:
    print('format("a", "s")', '->', repr(format("a", "s")))
except Exception as e:
    print('format("a", "s")', '!!', type(e).__name__, e)
try:
    print('format("a", "10s")', '->', repr(format("a", "10s")))
except Exception as e:
    print('format("a", "10s")', '!!', type(e).__name__, e)
try:
    print('format(b"x", "")', '->', repr(format(b"x", "")))
except Exception as e:
    print('format(b"x", "")', '!!', type(e).__name__, e)
try:
    print('format(b"x", "5")', '->', repr(format(b"x", "5")))
except Exception as e:
    print('format(b"x", "5")', '!!', type(e).__name__, e)
try:
    print('format(None, "")', '->', repr(format(None, "")))
except Exception as e:
    print('format(None, "")', '!!', type(e).__name__, e)
try:
    print('format(None, "5")', '->', repr(format(None, "5")))
except Exception as e:
    print('format(None, "5")', '!!', type(e).__name__, e)
try:
    print('format([1], "")', '->', repr(format([1], "")))
except Exception as e:
    print('format([1], "")', '!!', type(e).__name__, e)
try:
    print('"{:^}".format("x")', '->', repr("{:^}".format("x")))
except Exception as e:
    print('"{:^}".format("x")', '!!', type(e).__name__, e)
try:
    print('"{0:}".format("y")', '->', repr("{0:}".format("y")))
except Exception as e:
    print('"{0:}".format("y")', '!!', type(e).__name__, e)
try:
    print('"{:<010}".format("x")', '->', repr("{:<010}".format("x")))
except Exception as e:
    print('"{:<010}".format("x")', '!!', type(e).__name__, e)
try:
    print('format("", "*^3")', '->', repr(format("", "*^3")))
except Exception as e:
    print('format("", "*^3")', '!!', type(e).__name__, e)
try:
    print('format("a", "\\n^3")', '->', repr(format("a", "\n^3")))
except Exception as e:
    print('format("a", "\\n^3")', '!!', type(e).__name__, e)
try:
    print('format(True, "s")', '->', repr(format(True, "s")))
except Exception as e:
    print('format(True, "s")', '!!', type(e).__name__, e)
try:
    print('format(1, "s")', '->', repr(format(1, "s")))
except Exception as e:
    print('format(1, "s")', '!!', type(e).__name__, e)
try:
    print('"%-05s|" % "x"', '->', repr("%-05s|" % "x"))
except Exception as e:
    print('"%-05s|" % "x"', '!!', type(e).__name__, e)
try:
    print('"%05s|" % "x"', '->', repr("%05s|" % "x"))
except Exception as e:
    print('"%05s|" % "x"', '!!', type(e).__name__, e)
try:
    print('"{:>3}|{:3}|".format(None, None)', '->', repr("{:>3}|{:3}|".format(None, None)))
except Exception as e:
    print('"{:>3}|{:3}|".format(None, None)', '!!', type(e).__name__, e)
try:
    print('format("ab", ".0")', '->', repr(format("ab", ".0")))
except Exception as e:
    print('format("ab", ".0")', '!!', type(e).__name__, e)
try:
    print('"{:.{}}".format("abc", 1)', '->', repr("{:.{}}".format("abc", 1)))
except Exception as e:
    print('"{:.{}}".format("abc", 1)', '!!', type(e).__name__, e)
try:
    print('f"{\'x\':>{3}}"', '->', repr(f"{'x':>{3}}"))
except Exception as e:
    print('f"{\'x\':>{3}}"', '!!', type(e).__name__, e)
try:
    print('f"{3.14159:.{2}f}"', '->', repr(f"{3.14159:.{2}f}"))
except Exception as e:
    print('f"{3.14159:.{2}f}"', '!!', type(e).__name__, e)
try:
    print('"{0!s:.1}".format(123)', '->', repr("{0!s:.1}".format(123)))
except Exception as e:
    print('"{0!s:.1}".format(123)', '!!', type(e).__name__, e)
try:
    print('str(12).zfill(4)', '->', repr(str(12).zfill(4)))
except Exception as e:
    print('str(12).zfill(4)', '!!', type(e).__name__, e)
try:
    print('"%s %s" % ("a", "b")', '->', repr("%s %s" % ("a", "b")))
except Exception as e:
    print('"%s %s" % ("a", "b")', '!!', type(e).__name__, e)
