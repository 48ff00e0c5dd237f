# chunk 0
def f0_1(a, b=-1, *args, c=2, **kw):
    r = a * b - c
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f0_1(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1(3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1('s', 'y', c=''))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1('s', 'y', c=''))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1())
except Exception as e:
    print(type(e).__name__, e)
def g0_2(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g0_2(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g0_2(1, b=2, c=3))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g0_2(1))
except Exception as e:
    print(type(e).__name__, e)
def make0_3(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 7 == 0:
            return x * k + count
        return x - count
    return inner
h0_4 = make0_3(6)
t0_5 = 0
for i in range(2100):
    t0_5 = (t0_5 + h0_4(i) + f0_1(i, c=i % 3)) % (97)
print(t0_5, h0_4(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(4)]])
print([fn(10) for fn in [lambda x: x * i for i in range(1)]])
def rec0_6(n):
    return 1 if n <= 1 else n * rec0_6(n - 1)
print(rec0_6(29) % 1000007, len(str(rec0_6(110))))
# chunk 1
v_set_1_7 = {-10, 30, 20}
v_d_1_8 = {'line\nbreak': 10, 'MiXeD cAsE': 11, 'Hello World': 48, 'line\nbreak': 40}
v_set_1_9 = {29, -10}
try:
    print({**{'q"uote\'': 18, '\u20ac\u4e2d': 49, '\u20ac\u4e2d': 42}, '3.5'[-5:-5:2]: 'tab\there'.count('\u20ac\u4e2d')}['3.5'])
except Exception as e:
    print(type(e).__name__, e)
try:
    print('x-y-z'.split(' '))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('a,b,,c'.find('\u00fcn\u00efc\u00f6de'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({})
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
v_ls_2_10 = ['line\nbreak', '  pad  ', '-17']
v_f_2_11 = -0.0
acc_i2_12 = 5
acc_f2_13 = 1/3
acc_s2_14 = ''
acc_l2_15 = []
acc_d2_16 = {}
errs2_17 = 0
last2_18 = None
for i2_19 in range(2100):
    acc_i2_12 += i2_19 * 2**40
    acc_i2_12 += i2_19 * 10**19
    try:
        acc_i2_12 = (acc_i2_12 + [20, 16].index(hash((False, 13)))) % (97)
    except Exception as e:
        errs2_17 += 1
        last2_18 = f'{type(e).__name__}: {e}'
print(acc_i2_12, acc_f2_13, repr(acc_s2_14), acc_l2_15[-6:], sorted(acc_d2_16.items())[:6], errs2_17, last2_18)
# chunk 3
stack3_20 = []
i = 0
total = 0
while i < 1639:
    i += 1
    if i % 9 == 0:
        continue
    stack3_20.append(i)
    if len(stack3_20) > 31:
        total += stack3_20.pop() - stack3_20.pop(0)
    if total > 858069:
        break
else:
    print('no break', i)
print(i, total, stack3_20[-4:])
for a in range(31):
    for b in range(a):
        if (a * b) % 20 == 5:
            print('found', a, b)
            break
    else:
        continue
    if a > 6:
        break
d3_21 = {}
for w in ('x-y-z' + ' ' + 'MiXeD cAsE').split() * 59:
    d3_21[w] = d3_21.get(w, 0) + 1
print(sorted(d3_21.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix3_22 = [[i * 6 + j for j in range(6)] for i in range(5)]
print(matrix3_22, [list(col) for col in zip(*matrix3_22)], sum(map(sum, matrix3_22)))
print({(i, j): v for i, row in enumerate(matrix3_22) for j, v in enumerate(row) if v % 3 == 0})
