# gc-stress: skip (long subjects and pathological patterns: minutes when every allocation collects)
# The re module: long subjects and pathological patterns run without overflowing the stack.
import re

# Exponential backtracking that still ends (CPython takes a while too; the size stays small).
print(re.match('(a*)*b', 'a' * 16))
print(re.match('(?:a|aa)*c', 'a' * 16))
print(re.match('(a+)+$', 'a' * 14 + 'b'))
print(re.match('(a*)*$', 'a' * 30).span())

# Long subjects: single-character repeats and general repeats.
n = 100000
s = 'x' * n
print(re.match('.*', s).span(), re.match('.*?$', s).span(), re.fullmatch('x+', s) is not None)
print(re.search('y', s + 'y').span(), re.search('x$', 'y' * n + 'x').span())
t = 'ab' * (n // 2)
print(re.match('(?:ab)*', t).end(), re.match('(ab)*', t).span(1), re.match('(?:a|b)*$', t).end())
print(re.match('(a|b)*?$', t).span(1), re.match('(?:ab)*+', t).end(), re.match('(?>(?:ab)*)', t).end())
print(len(re.findall('ab', t)), len(re.split('b', t)), len(re.sub('a', 'AA', t)))
print(re.match(r'(?s).*?end', 'a' * n + 'end').end(), re.search(r'(\w)\1', 'ab' * 1000 + 'cc').span())
words = ' '.join('w%d' % i for i in range(20000))
print(len(re.findall(r'\b\w+\b', words)), sum(1 for _ in re.finditer(r'\d+', words)))
print(len(re.sub(r'\d+', lambda m: str(len(m.group())), words)))
u = 'é' * 50000 + 'x'
print(re.search('x', u).span(), len(re.findall('é+', u)), re.match('(é)*', u).span(1))

# Deep nesting of groups.
deep = '(' * 100 + 'a' + ')' * 100
m = re.match(deep, 'a')
print(m.span(), len(m.groups()), m.lastindex)
print(re.match('(?:' * 200 + 'b' + ')' * 200, 'b'))

# Many alternatives.
alts = '|'.join('k%d' % i for i in range(500))
p = re.compile(r'\b(?:' + alts + r')\b')
print(p.findall('k1 k499 k500 k42x k42'))

# A tokenizer matching at increasing positions of one long non-ASCII text.
text = ' '.join(['naïve', 'café', '12', '+', 'x_1', 'ünï'] * 3000)
tok = re.compile(r'\s*(?:(\d+)|(\w+)|(.))')
pos = 0
kinds = [0, 0, 0]
last = None
while pos < len(text):
    m = tok.match(text, pos)
    kinds[m.lastindex - 1] += 1
    last = m.group(m.lastindex)
    pos = m.end()
print(kinds, last, pos, tok.match(text, 7).groups(), tok.search(text, 100, 110))
