import sys
print(sys.version_info >= (3, 8), sys.version_info[:2], __name__, __debug__)
ns = {}
exec('a = 1\ndef f(): return a + 1', ns)
print(ns['f'](), eval('a * 10', ns), eval('x + y', {'x': 1}, {'y': 2}))
code = compile('1 + 2', '<s>', 'eval')
print(eval(code))
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    exec('def f(:\n pass')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.lineno)
g = 5
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
def closure_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = closure_counter(); c(); print(c())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def f(*, a=1, **kw): return a, kw
print(f(b=2), f(a=3))
def g2(a, /, b, *, c): return a, b, c
print(g2(1, 2, c=3), g2(1, b=2, c=3))
print((lambda x, y=2: x + y)(1))
def gen_exp():
    return sum(x for x in range(10) if x % 2)
print(gen_exp())
x = [1, 2, 3]
a, *b = x
*c, d = x
print(a, b, c, d)
(e, f3), g3 = (1, 2), 3
print(e, f3, g3)
for i, (k, v) in enumerate({'a': 1}.items()):
    print(i, k, v)
print(1 < 2 < 3, 1 < 3 < 2, 'a' < 'b' < 'c')
print(not None, None is None, [] or 'default', 0 and 'x', '' or 0 or None)
print(x if (y := len(x)) > 2 else None, y)
while (n := len(x)) > 1:
    x.pop()
print(x, n)
i = 0
while True:
    i += 1
    if i > 3: break
else:
    print('no')
for j in range(2):
    pass
else:
    print('for else', j)
try:
    pass
finally:
    print('done')
del x
try:
    x
except NameError as e:
    print(e)
assert isinstance(sys.argv, list)
print(type(sys.maxsize), sys.maxsize == 2**63 - 1)
print(sys.getrecursionlimit() >= 1000)
print(len(sys.path) > 0, sys.platform)
print(int.__doc__ is not None or True)
import os
print(os.path.join('a', 'b'), os.path.basename('/x/y.txt'), os.path.splitext('f.tar.gz'), os.sep)
