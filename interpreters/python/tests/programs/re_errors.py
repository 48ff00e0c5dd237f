# The re module: errors with CPython's messages and positions.
import re

bad = ['*', '+a', '?', 'a{3,2}', '(', '(a', 'a)', '())', '(?P<a>x)(?P<a>y)', '(?P<>x)', '(?P<1a>x)', '(?P=)', '(?P=zz)',
       '(?P<a>(?P=a))', '(?P', '(?Px)', '(?', '(?<', '(?<a)', '(?#abc', '[', '[a-', '[z-a]', r'[\d-z]', r'[a-\d]', r'\x4',
       r'\u12', r'\U0011ffff', r'\N{NO SUCH NAME}', r'\N', r'\400', r'[\8]', '\\', r'\q', r'[\q]', r'\B*', '(?i', '(?iq)',
       '(?-)', '(?-i)', '(?i-i:a)', '(?a-u:x)', '(?au)', '(?L)x', '(?-a:x)', '(?t:x)', 'a(?i)', '(?x)a|(?i)b', '(?(0)a)',
       '(?(x)a)', '(?(1a)a)', '(?(1)a|b|c)', '(a)(?(2)x)', r'(a)\2', r'(a\1)', r'(?<=a+)b', r'(?<=a|bc)', r'(?<!a*)',
       r'(?<=(a))(?<=\1)', r'(?<=(a)\1)', '\\b*', '^*', '$+', 'x**', 'x+?+', 'x*{2}', 'a\n(', '(?x)\n  (\n  a',
       '(?P<a-b>x)', '(?Q)', '(?<x', 'x{99999999999}', '(?P<n>a)(?P=n', '(?P=n)(?P<n>a)', r'[\A]']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiles')
    except re.error as e:
        print(repr(p), '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == p)
    except (OverflowError, ValueError) as e:
        print(repr(p), type(e).__name__, e)

for p in [b'(', b'\\q', b'\\u1234', b'(?u)x', b'(?P<\xe9>x)', b'[\xe9-a]']:
    try:
        re.compile(p)
        print(p, 'compiles')
    except re.error as e:
        print(p, '->', e, e.pos)

# Flags that do not fit the pattern's type.
for p, f in [('x', re.L), (b'x', re.U), ('x', re.A | re.U), (b'x', re.A | re.L)]:
    try:
        print(re.compile(p, f))
    except ValueError as e:
        print('ValueError', e)

# Type errors.
for f in [lambda: re.search('a', 1), lambda: re.search('a', b'a'), lambda: re.search(b'a', 'a'),
          lambda: re.compile(1), lambda: re.findall('a', None), lambda: re.sub('a', 'b', 5), lambda: re.split(b'a', 'a'),
          lambda: re.sub('a', b'x', 'zaz'), lambda: re.sub('a', lambda m: 1, 'a')]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)

# Template errors.
m = re.match(r'(?P<n>a)(b)?', 'ab')
for t in [r'\3', r'\g<3>', r'\g<x>', r'\g<-1>', r'\g<1a>', r'\g', r'\g<', r'\g<1', r'\q', '\\', r'\400', r'\9']:
    try:
        print(repr(t), repr(m.expand(t)))
    except re.error as e:
        print(repr(t), 'error:', e)
    except IndexError as e:
        print(repr(t), 'IndexError:', e)
try:
    re.sub('x', r'\1', 'abc')
except re.error as e:
    print('sub:', e)

# The error class.
e = re.error('custom', 'ab\ncd', 4)
print(e, e.msg, e.pos, e.lineno, e.colno, isinstance(e, Exception), re.error.__name__)
e = re.error('plain')
print(e, e.pos, e.lineno)
try:
    re.compile('a\nb\n(c')
except re.error as e:
    print(e, e.lineno, e.colno)

# Errors of arguments.
for f in [lambda: re.sub('a', lambda m: 1, 'zaz'), lambda: re.sub('a', lambda m: b'x', 'a'),
          lambda: re.compile('a').match('a', 1.5), lambda: re.compile('a').match('a', None),
          lambda: re.sub('a', 'b', 'a', 'x'), lambda: re.escape(5), lambda: re.compile('a').split('a', None),
          lambda: re.compile('(a)').match('a').group(1, 2), lambda: re.compile('(a)').match('a').expand(5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
