# chunk 0
def gen0_1(n):
    for i in range(n):
        if i % 5 == 0:
            continue
        yield i * i
    return 'done' + str(n)
print(list(gen0_1(8)))
print(sum(gen0_1(2100)) % 1000003)
it0_2 = gen0_1(0)
try:
    while True:
        print(next(it0_2))
except StopIteration as e:
    print('stop', e.value)
def outer0_3(n):
    r = yield from gen0_1(n)
    yield r
    yield len(r)
print(list(outer0_3(3)))
print(sum(x * x for x in range(60) if x % 2), max((x % 97 for x in range(60)), default=-1))
print(list(zip(gen0_1(8), 'abcdef')), list(enumerate(gen0_1(7), 1))[-3:])
def acc0_4():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc0_4()
next(c)
for i in range(60):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen0_1(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
v_d_1_5 = {'  pad  ': 31}
v_ls_1_6 = []
acc_i1_7 = 8
acc_f1_8 = 0.1
acc_s1_9 = ''
acc_l1_10 = []
acc_d1_11 = {}
errs1_12 = 0
last1_13 = None
for i1_14 in range(2100):
    try:
        acc_s1_9 = (acc_s1_9 + 'abc'[0])[-20:]
    except Exception as e:
        errs1_12 += 1
        last1_13 = f'{type(e).__name__}: {e}'
    acc_d1_11[i1_14 % 4 == 0] = acc_d1_11.get(i1_14 % 4 == 0, 0) + 1
    acc_i1_7 = acc_i1_7 // 2 if i1_14 % 6 else acc_i1_7 * 2
    acc_d1_11[i1_14 % 4 == 0] = acc_d1_11.get(i1_14 % 4 == 0, 0) + 1
    try:
        acc_i1_7 = (acc_i1_7 + pow([].index(i1_14), 10, int('abc'))) % (2**61 - 1)
    except Exception as e:
        errs1_12 += 1
        last1_13 = f'{type(e).__name__}: {e}'
print(acc_i1_7, acc_f1_8, repr(acc_s1_9), acc_l1_10[-6:], sorted(acc_d1_11.items())[:6], errs1_12, last1_13)
# chunk 2
stack2_15 = []
i = 0
total = 0
while i < 2304:
    i += 1
    if i % 3 == 0:
        continue
    stack2_15.append(i)
    if len(stack2_15) > 37:
        total += stack2_15.pop() - stack2_15.pop(0)
    if total > 508207:
        break
else:
    print('no break', i)
print(i, total, stack2_15[-4:])
for a in range(11):
    for b in range(a):
        if (a * b) % 13 == 5:
            print('found', a, b)
            break
    else:
        continue
    if a > 22:
        break
d2_16 = {}
for w in ('\u20ac\u4e2d' + ' ' + 'q"uote\'').split() * 87:
    d2_16[w] = d2_16.get(w, 0) + 1
print(sorted(d2_16.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix2_17 = [[i * 4 + j for j in range(4)] for i in range(3)]
print(matrix2_17, [list(col) for col in zip(*matrix2_17)], sum(map(sum, matrix2_17)))
print({(i, j): v for i, row in enumerate(matrix2_17) for j, v in enumerate(row) if v % 3 == 0})
# chunk 3
def f3_18(a, b=8, *args, c=5, **kw):
    r = a - b * 2
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f3_18(2.5, c=1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f3_18())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f3_18())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f3_18(*[1, 2, 3], **{'q': 1, 'rr': 2}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f3_18(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f3_18(2.5, c=1))
except Exception as e:
    print(type(e).__name__, e)
def g3_19(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g3_19(1, b=2, c=3))
except Exception as e:
    print(type(e).__name__, e)
def make3_20(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 2 == 0:
            return x * k + count
        return x - count
    return inner
h3_21 = make3_20(2)
t3_22 = 0
for i in range(1200):
    t3_22 = (t3_22 + h3_21(i) + f3_18(i, c=i % 3)) % (1000003)
print(t3_22, h3_21(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(5)]])
print([fn(10) for fn in [lambda x: x * i for i in range(1)]])
def rec3_23(n):
    return 1 if n <= 1 else n * rec3_23(n - 1)
print(rec3_23(8) % 1000007, len(str(rec3_23(22))))
# chunk 4
def f4_24(a, b=-1, *args, c=2, **kw):
    r = (a + 1) * (b - 1)
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f4_24(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_24(2.5, c=1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_24(1))
except Exception as e:
    print(type(e).__name__, e)
def g4_25(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g4_25(1, 2))
except Exception as e:
    print(type(e).__name__, e)
def make4_26(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 6 == 0:
            return x * k + count
        return x - count
    return inner
h4_27 = make4_26(7)
t4_28 = 0
for i in range(1500):
    t4_28 = (t4_28 + h4_27(i) + f4_24(i, c=i % 3)) % (2**31 - 1)
print(t4_28, h4_27(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(5)]])
print([fn(10) for fn in [lambda x: x * i for i in range(3)]])
def rec4_29(n):
    return 1 if n <= 1 else n * rec4_29(n - 1)
print(rec4_29(16) % 1000007, len(str(rec4_29(142))))
# chunk 5
v_b_5_30 = False
v_b_5_31 = False
v_f_5_32 = -2.25
v_s_5_33 = '\u00fcn\u00efc\u00f6de'
v_b_5_34 = False
v_s_5_35 = 'q"uote\''
try:
    print((4, 65790023926910904647882, 5, 22348))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(v_s_5_33)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(all(x > 0 for x in [0, 16, 3])[hash(())])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(('%d-%s-%.2f' % (int(((2**64) / 17)), ('%d-%s-%.2f' % (hash(v_b_5_34), '-17'.join(['q"uote\'', '42', '42', 'Hello World']), 1.5)), float(('Hello World' * 1)))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(({-5, 24, 0, 7} & {18, 8, 1})))
except Exception as e:
    print(type(e).__name__, e)
# chunk 6
class MyError6_36(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log6_38 = []
def risky6_37(x):
    try:
        if x % 4 == 0:
            raise MyError6_36(x)
        r = 10 // (x % 6)
        r += [1, 2, 3][x % 2]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError6_36 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log6_38.append(x)
for x in range(11):
    try:
        print(risky6_37(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log6_38), log6_38[-3:])
counts6_39 = {}
for i in range(400):
    try:
        risky6_37(i)
    except Exception as e:
        counts6_39[type(e).__name__] = counts6_39.get(type(e).__name__, 0) + 1
print(sorted(counts6_39.items()), len(log6_38))
try:
    try:
        {}['k']
    except KeyError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__)
def fin():
    try:
        return 'try'
    finally:
        print('finally runs')
print(fin())
try:
    print([1, 2].index(7))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(del_me)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(hash([]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(1 + 'a')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(set().pop())
except Exception as e:
    print(type(e).__name__, e)
try:
    print('abc'.index('z'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(abs('x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1, 2, 3].remove(4))
except Exception as e:
    print(type(e).__name__, e)
# chunk 7
stack7_40 = []
i = 0
total = 0
while i < 662:
    i += 1
    if i % 3 == 0:
        continue
    stack7_40.append(i)
    if len(stack7_40) > 5:
        total += stack7_40.pop() - stack7_40.pop(0)
    if total > 391653:
        break
else:
    print('no break', i)
print(i, total, stack7_40[-4:])
for a in range(23):
    for b in range(a):
        if (a * b) % 38 == 2:
            print('found', a, b)
            break
    else:
        continue
    if a > 29:
        break
d7_41 = {}
for w in ('q"uote\'' + ' ' + 'line\nbreak').split() * 272:
    d7_41[w] = d7_41.get(w, 0) + 1
print(sorted(d7_41.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix7_42 = [[i * 4 + j for j in range(4)] for i in range(1)]
print(matrix7_42, [list(col) for col in zip(*matrix7_42)], sum(map(sum, matrix7_42)))
print({(i, j): v for i, row in enumerate(matrix7_42) for j, v in enumerate(row) if v % 3 == 0})
