# textwrap: wrap/fill (hyphens, long words, indents, max_lines), shorten, dedent, indent
import textwrap
s = "The quick brown fox jumps over the lazy dog. A well-known phrase, often-used as a pangram-test by type-setters and self-taught programmers alike. Supercalifragilisticexpialidocious words get broken."
for w in (10, 20, 33, 50):
    print(textwrap.wrap(s, w))
print(textwrap.fill(s, 40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(s, 25, break_long_words=False, break_on_hyphens=False))
print(textwrap.shorten(s, 40), textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world", 11))
print(textwrap.wrap(s, 30, max_lines=3))
print(textwrap.fill("Hi there.  How are you? Fine.", 80, fix_sentence_endings=True))
code = """
    def f(x):
        return x
\t
    # done
"""
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent("  a\n    b\n  c")), repr(textwrap.dedent("\ta\n  b")))
print(textwrap.indent("one\ntwo\n\nthree", "> "), textwrap.indent("a\nb", "+", lambda l: True))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("a-b-c-d e--f long-winded-word", 6))
print(textwrap.wrap("x" * 25, 10), textwrap.fill("tab\there", 20))
