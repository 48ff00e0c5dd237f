# The re module: groups, backreferences, lookaround, atomic groups, conditionals, Match.
import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<rest> .*)?', 'Isaac Newton')
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'last', 0))
print(m.groups(), m.groups('n/a'), m.groupdict(), m.groupdict(0))
print(m[0], m[1], m['first'], m.span(), m.span(2), m.start('last'), m.end(3), m.span('rest'))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.re, repr(m.string), m.regs)
print(m.expand(r'\2, \1 (\g<0>) [\g<rest>]'))
for bad in [4, 'nope', -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
try:
    m.start(9)
except IndexError as e:
    print('IndexError', e)

# lastindex is the group closed last.
for p, s in [(r'(a)(b)?', 'a'), (r'((a)b)', 'ab'), (r'(a)|(b)', 'b'), (r'(a)(?:b)', 'ab'), (r'a', 'a'),
             (r'(?P<x>a)(?P<y>b)', 'ab'), (r'(?P<x>a)(b)', 'ab'), (r'((?P<in>a))', 'a')]:
    m = re.match(p, s)
    print(p, m.lastindex, m.lastgroup)

# Groups in repeats keep their last iteration; failed paths leave nothing behind.
for p, s in [(r'(a|b)*', 'abab'), (r'(?:(a)|b)*', 'ab'), (r'(?:a(b)?)+', 'aba'), (r'(\d)+', '123'),
             (r'(a*)+', 'aa'), (r'(a*)*', 'b'), (r'(a|)+', 'aa'), (r'((a)|(b))+', 'ab'), (r'(?:(\w)(\d))*x', 'a1b2x'),
             (r'(a)(?:x|(b))', 'ab'), (r'(?:(a)x|ab)', 'ab')]:
    m = re.match(p, s)
    print(p, repr(s), m.span(), m.groups(), m.lastindex)

# Backreferences.
print(re.findall(r'(\w)\1', 'aabbcd ee'))
print(re.search(r'(?P<q>["\']).*?(?P=q)', 'say "hi" or \'bye\'').group())
print(re.match(r'(?i)(a)\1', 'aA'), re.match(r'(a)\1', 'aA'))
print(re.match(r'(a)?\1', 'b'), re.match(r'(a)?b\1?', 'b'))
print(re.sub(r'\b(\w+) \1\b', r'\1', 'the the cat sat sat down'))

# Lookahead and lookbehind.
print(re.findall(r'\w+(?=,)', 'a, b, c'), re.findall(r'\w+(?!,)\b', 'a, b, c'))
print(re.findall(r'(?<=\$)\d+', 'cost $30 or $45'), re.findall(r'(?<!\$)\b\d+', 'cost $30 or 45'))
print(re.search(r'(?<=ab)c', 'abc'), re.search(r'(?<=a|b)c', 'bc'), re.search(r'(?<=(a))b', 'ab').groups())
print(re.match(r'(?=(\w+))\w', 'abc').groups(), re.match(r'(?!(x))\w', 'abc').groups())
print(re.compile(r'(?<=a)b').search('ab', 1), re.compile(r'^b').search('ab', 1))
print(re.findall(r'(?<=\b)\w', 'hi yo'), re.findall(r'\w(?=\w)', 'abc'))

# Atomic groups and possessive quantifiers do not give back.
print(re.match(r'(?>a+)b', 'aaab'), re.match(r'(?>a+)ab', 'aaab'), re.match(r'(?>a|ab)c', 'abc'))
print(re.match(r'a++b', 'aab'), re.match(r'a++a', 'aaa'), re.match(r'(?:ab)++a', 'ababa'), re.match(r'(?:ab)*+ab', 'abab'))
print(re.match(r'(?:a|ab)++c', 'abc'), re.match(r'x{1,2}+x', 'xxx'), re.match(r'(\w)*+', 'ab').groups())

# Conditionals.
p = re.compile(r'(<)?(\w+)(?(1)>|$)')
for s in ['<user>', 'user', '<user', 'user>']:
    m = p.match(s)
    print(repr(s), m and m.groups())
print(re.match(r'(?P<a>x)?(?(a)y|z)', 'z'), re.match(r'(a)?(?(1)b)c', 'c'))

# Named groups: groupindex and groupdict.
p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?')
print(p.groups, p.groupindex, dict(p.groupindex), list(p.groupindex))
m = p.search('on 2024-03 ok')
print(m.groupdict(), m.groupdict('??'), m['year'], m.lastgroup)

# Non-capturing groups and nested groups.
m = re.match(r'((a)(?:b)(c(d)))', 'abcd')
print(m.groups(), [m.span(i) for i in range(5)])
