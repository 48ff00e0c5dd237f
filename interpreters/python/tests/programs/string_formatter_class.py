# string.Formatter: parse's pieces (escaped braces split the literal text, automatic fields
# stay ''), automatic numbering and its errors, nested specs; bytes range errors.
import string

F = string.Formatter


class Angle(F):
    def format_field(self, v, spec):
        return f"<{super().format_field(v, spec)}>"


print(list(F().parse("a{b:>3}c{}{0!r}{x[1].y}{{z}}")))
print(list(F().parse("{{}}x{{")), list(F().parse("")), list(F().parse("plain")))
print(Angle().format("{} and {x:>3}", 1, x=2))
print(F().format("{:{w}}|{:{}}|", 5, 6, 3, w=4), F().format("{0}{1}{0}", "a", "b"))
print(F().format("{0[1]}-{1.real}-{k[q]}", [5, 6], 3, k={"q": "Q"}))
for fs in ["{}{0}", "{0}{}", "{:{}}", "{!r:>5}"]:
    try:
        print(repr(F().format(fs, "v", 7)))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

for make in [lambda: bytes([300]), lambda: bytearray([300]), lambda: bytearray(b"ab").extend([999]),
             lambda: bytes([-1]), lambda: bytearray(b"a").append(256)]:
    try:
        make()
    except ValueError as e:
        print("ValueError:", e)
