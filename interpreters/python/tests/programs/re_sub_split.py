# The re module: sub, subn, split, findall and the rules around empty matches.
import re

print(re.sub(r'\d+', '#', 'a1b22c333'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@x, ann@y'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'a bc'))
print(re.sub(r'(\w)', r'\g<1>\g<0>', 'ab'))
print(re.sub(r'a', r'\n\t\\', 'xax'), repr(re.sub(r'a', r'\0\07\101', 'a')))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(r'x', r'\.\-', 'x'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(re.sub(r'\w+', lambda m: m.group().upper() if len(m.group()) > 2 else None, 'ab cde f'))
print(re.sub('a', 'b', 'aaaa', count=2), re.sub('a', 'b', 'aaaa', 0))
print(re.subn(r'\s+', ' ', '  a   b  c  '), re.subn('z', 'y', 'abc'))
print(re.compile('o').sub('0', 'foo boo', 3), re.compile('o').subn('0', 'foo boo', 1))

# Empty matches (Python 3.7 rules).
for p in [r'x*', r'', r'\b', r'(?=b)', r'a|', r'$', r'^']:
    for s in ['', 'abxd', 'xx', 'ab']:
        print(repr(p), repr(s), re.sub(p, '-', s), re.findall(p, s), re.split(p, s),
              [m.span() for m in re.finditer(p, s)])

# split with groups and maxsplit.
print(re.split(r',\s*', 'a, b,c ,d'))
print(re.split(r'(,)\s*', 'a, b,c'))
print(re.split(r'(?:(,)|(;))', 'a,b;c'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words, words.', maxsplit=2))
print(re.split(r'x', 'axbxc', -1), re.split(r'(x)', 'xaxbx'))
print(re.split(r'[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(rb'-', b'a-b-c'), re.split(rb'(-)', bytearray(b'a-b')))

# findall shapes: whole match, one group, several groups.
print(re.findall(r'\d\w', '1a 2b'), re.findall(r'(\d)\w', '1a 2b'), re.findall(r'(\d)(\w)', '1a 2b'))
print(re.findall(r'(a)|(b)', 'abc'), re.findall(r'(a)?b', 'b ab'))
p = re.compile(r'\d')
print(p.findall('0123456', 2), p.findall('0123456', 2, 5), p.findall('0123', -3, 100))
print([m.span() for m in p.finditer('a1b2c3', 2)], [m.pos for m in p.finditer('a1b2c3', 2, 5)])

# escape.
print(re.escape('hello world! 1+1=2? (a|b) [c] {d} ^$ \\ # & ~ -'))
print(re.escape('naïve_1'), re.escape(b'a.b*c'))
s = 'a.b*c+d?'
print(re.findall(re.escape(s), 'xx' + s + 'yy'))

# sub on bytes.
print(re.sub(rb'(\d)', rb'<\1>', b'a1b2'), re.sub(rb'a', lambda m: b'A', b'banana'))
print(re.subn(rb'\s', b'', bytearray(b'a b c')))
