# The re module: flags, inline flags, Pattern attributes and reprs, the cache.
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG)
print(re.I | re.M, re.IGNORECASE | re.DOTALL | re.VERBOSE, re.A | re.I, ~re.I)
print(int(re.I), re.I == 2, re.I | 0 == re.I, re.M.value, re.S & re.S, re.X ^ re.X, bool(re.NOFLAG))

for f in [0, re.I, re.M, re.S, re.X, re.A, re.I | re.M, re.I | re.A | re.S]:
    p = re.compile('ab', f)
    print(p, p.flags, p.pattern, p.groups)
for p in ['(?i)x', '(?ms)x', '(?x)x', '(?a)x', '(?i:x)', b'x', b'(?i)x']:
    c = re.compile(p)
    print(c, c.flags)
print(re.compile(b'x', re.L), re.compile(b'x', re.L).flags)
print(re.compile('a' * 250))

# IGNORECASE.
print(re.findall(r'(?i)[a-z]+', 'Hello WORLD'), re.findall(r'[a-z]+', 'Hello WORLD', re.I))
print(re.match(r'(?i)straße', 'STRAßE'), re.match('(?i)é', 'É'), re.match('(?ia)é', 'É'))
print(re.search(r'(?i)ſ', 'S'), re.search(r'(?i)k', 'K'), re.search(r'(?i)[^k]', 'K'))
print(re.findall(r'(?i)[^a-z]', 'aB1'), re.match(rb'(?i)A', b'a'), re.match(rb'(?i)\xe9', b'\xc9'))

# Local flags.
print(re.match(r'(?i:A)b', 'ab'), re.match(r'(?i:A)b', 'aB'), re.match(r'a(?-i:b)', 'AB', re.I), re.match(r'a(?-i:b)', 'Ab', re.I))
print(re.findall(r'(?m:^x)|y$', 'x\nx y\ny'), re.match(r'(?s:.).', '\n\n'), re.match(r'(?x: a b )c', 'abc'))
print(re.findall(r'(?a:\w)+', 'é1a'), re.findall(r'(?a)\w(?u:\w)', 'aéé'))

# MULTILINE, DOTALL, VERBOSE, ASCII.
text = 'first line\nsecond line\n'
print(re.findall(r'^\w+', text, re.M), re.findall(r'\w+$', text, re.M), re.findall(r'.+', text), re.findall(r'.+', text, re.S))
p = re.compile(r'''
    (?P<key>\w+)    # the key
    \s* = \s*       # equals
    (?P<val>[^;]+)  # the value
''', re.VERBOSE)
print(p.findall('a = 1; bb=22'), p.groupindex)
print(re.match(r'(?x) a \  b [ ] c \# d', 'a b c# d'))
print(re.findall(r'\w+', 'héllo wörld', re.A), re.findall(r'\d', '٣3', re.ASCII), re.findall(r'\s', '\u2003 ', re.A))
print(re.findall(r'\b\w', 'é é', re.A))

# pos and endpos.
p = re.compile(r'\w+')
print(p.match('ab cd', 3), p.match('ab cd', 2), p.search('ab cd', 1, 4), p.fullmatch('ab cd', 3), p.fullmatch('abcd', 1, 3))
print(p.search('abc', -5), p.search('abc', 10), p.search('abc', 1, 0), p.match('abc', 3, 1))
m = re.compile('').match('abc', 5, 10)
print(m, m.pos, m.endpos)
print(re.compile(r'c$').search('abcd', 0, 3), re.compile(r'^a').match('ba', 1), re.compile(r'(?m)^a').search('b\na', 1))

# Patterns: equality, hashing, the cache.
a = re.compile('x+')
print(a is re.compile('x+'), a == re.compile('x+'), a == re.compile('x+', re.I), hash(a) == hash(re.compile('x+')))
re.purge()
print(a == re.compile('x+'), re.compile(a) is a)
try:
    re.compile(a, re.I)
except ValueError as e:
    print('ValueError', e)
print(re.search(a, 'axxb'), re.sub(a, '-', 'axxbx'), type(a).__name__, type(re.match('a', 'a')).__name__)
print(isinstance(a, re.Pattern), isinstance(re.match('a', 'a'), re.Match))
