# The re module: matching, searching, classes, sets, quantifiers, anchors.
import re

print(re.match(r'a+', 'aaab'))
print(re.match(r'b', 'ab'))
print(re.search(r'b+', 'abbbc'))
print(re.fullmatch(r'a|ab', 'ab'))
print(re.fullmatch(r'a', 'ab'))

subjects = ['', 'a', 'abc', 'a1 b22 c333', 'Hello, World!', 'tab\there', 'x\ny\n', 'naïve café', 'ÀÉÎ õü', '١٢٣ 456']
patterns = [r'\d+', r'\D+', r'\w+', r'\W+', r'\s+', r'\S+', r'[a-c]+', r'[^a-c ]+', r'[\w.]+', r'.', r'(?s).',
            r'^\w', r'\w$', r'\b\w', r'\w\b', r'\B\w', r'\A.', r'.\Z', r'[à-ü]+', r'(?a)\w+', r'[A-Z][a-z]*']
for p in patterns:
    c = re.compile(p)
    for s in subjects:
        m = c.search(s)
        print(repr(p), repr(s), m and m.span(), c.findall(s))

# Quantifiers: greedy, lazy, possessive, counted.
for p in [r'a*', r'a*?', r'a+?', r'a??', r'a{2}', r'a{2,3}', r'a{2,}', r'a{,2}', r'a{2,3}?', r'a*+', r'a{1,2}+a',
          r'(?:ab)+', r'(?:ab)+?', r'(?:ab){2}', r'(ab|a)*', r'<.*>', r'<.*?>', r'x{', r'x{1', r'x{a}', r'x{}']:
    for s in ['', 'a', 'aaaa', 'ababab', '<a><b>', 'x{', 'x{}', 'x{1', 'x{a}']:
        m = re.match(p, s)
        print(repr(p), repr(s), m and m.group())

# Sets.
for p in [r'[abc]', r'[^abc]', r'[a-]', r'[-a]', r'[]a]', r'[^]a]', r'[\]]', r'[\\]', r'[.*+]', r'[\d\s]', r'[^\W\d]',
          r'[\x41-\x43]', r'[\u00e9]', r'[\n]', r'[\b]', r'[a-cx-z]']:
    print(repr(p), re.findall(p, 'abc-]\\.*+ 1\té A\nxyz\x08'))

# Anchors and lines.
text = 'one\ntwo\nthree\n'
print(re.findall(r'^\w+', text), re.findall(r'(?m)^\w+', text))
print(re.findall(r'\w+$', text), re.findall(r'(?m)\w+$', text))
print(re.search(r'$', text).span(), re.search(r'\Z', text).span())
print(re.search(r'e$', 'one\n'), re.search(r'e\Z', 'one\n'))

# finditer yields Match objects in order.
for m in re.finditer(r'(\w)(\d)', 'a1 b2 c3'):
    print(m.span(), m.group(1), m.group(2))
it = re.finditer(r'\d', 'a1b2')
print(type(it).__name__, next(it), next(it), next(it, 'done'))

# Bytes patterns on bytes subjects.
print(re.findall(rb'\w+', b'hello world 42'))
print(re.match(rb'(\d+)-(\d+)', b'10-20').groups())
print(re.search(rb'\xe9', b'caf\xe9'))
print(re.findall(rb'\w', b'\xe9a'))
print(re.findall(rb'[a-z]+', bytearray(b'ab cd')))

# Unicode matching is by character.
m = re.search(r'é+', 'caféé!')
print(m, m.start(), m.end())
print(re.findall(r'.', '日本語'), re.sub(r'本', 'X', '日本語'))
print(re.split(r'\s', 'ä ö ü'))
