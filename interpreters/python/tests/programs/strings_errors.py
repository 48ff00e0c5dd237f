class A:
    def __str__(self):
        return 1
    def __repr__(self):
        return 2
    def __format__(self, spec):
        return 3
for f in [lambda: str(A()), lambda: repr(A()), lambda: format(A(), ""), lambda: f"{A()}", lambda: chr("a"), lambda: chr(1.5), lambda: chr(-1), lambda: "".join(5), lambda: b"".join(5), lambda: ord(1), lambda: ord("ab"), lambda: ord("")]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(chr(True), chr(97), ord("€"))
