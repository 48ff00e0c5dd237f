# chunk 0
v_d_0_1 = {'Hello World': 17, '\u00fcn\u00efc\u00f6de': 19, 'x-y-z': 18, 'tab\there': 35}
v_t_0_2 = (5, 5, 13, 14)
v_s_0_3 = 'a,b,,c'
v_s_0_4 = '\u00fcn\u00efc\u00f6de'
try:
    print(dict.fromkeys(('line\nbreak' + '  pad  ').split(' '), False))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((round((2 / 5), 4) ** 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(dict.fromkeys([str(x) for x in [-1, 1, 7, 15, 49050]], (97042 | -1)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(dict(zip(['3.5', 'q"uote\'', 'line\nbreak', '3.5', 'x-y-z'], (list(range(0 % 7, 0x23d85 % 13, 2)) * 1))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({((1 - 0) if ('\u20ac\u4e2d' in v_s_0_4) else (79336705613967329867106 << 68)), (-(2**31))}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(({s: len(s) for s in []}[v_s_0_4[-2:-5]], -divmod(1, (-2**63))[1]))
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
v_s_1_5 = 'Hello World'
v_f_1_6 = 3.14159
acc_i1_7 = -1
acc_f1_8 = 1/3
acc_s1_9 = ''
acc_l1_10 = []
acc_d1_11 = {}
errs1_12 = 0
last1_13 = None
for i1_14 in range(400):
    if i1_14 == 200:
        acc_i1_7 = acc_i1_7 + 2 ** 104
    try:
        if bool(-5):
            acc_i1_7 ^= i1_14
        elif i1_14 % 3:
            acc_i1_7 -= 1
    except Exception as e:
        errs1_12 += 1
        last1_13 = f'{type(e).__name__}: {e}'
    acc_i1_7 += i1_14 * 2**40
    acc_d1_11[str(i1_14 % 5)] = acc_d1_11.get(str(i1_14 % 5), 0) + 1
    try:
        acc_i1_7 = (acc_i1_7 + len({**{'Hello World': 8}, v_s_1_5: acc_i1_7})) % (10**20 + 39)
    except Exception as e:
        errs1_12 += 1
        last1_13 = f'{type(e).__name__}: {e}'
print(acc_i1_7, acc_f1_8, repr(acc_s1_9), acc_l1_10[-6:], sorted(acc_d1_11.items())[:6], errs1_12, last1_13)
# chunk 2
big2_15 = 3**39
for i2_16 in range(60):
    big2_15 = big2_15 * big2_15 % (2**127 - 1) + 1
    if big2_15.bit_length() > 200:
        big2_15 = big2_15 % (2**64 + 74) - 2**63
    if i2_16 % 40 == 0:
        print(i2_16, big2_15, big2_15 > 2**63, big2_15 % 1000, big2_15 // 7, big2_15 & 0xFFFF)
print(big2_15, hex(big2_15), -big2_15 >> 3, abs(big2_15) ** 2 % 10**9, float(big2_15), big2_15 == float(big2_15))
y2_17 = big2_15
try:
    print(len({str(k): k for k in [10, -3, 0]}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({98246626489085181086593, ((2**64) + y2_17)}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(divmod(pow(0, 0x34ca4, True), (y2_17 - 15)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((((14, 20, 14930968814072884934017) + (-5, 0, 3, 18)) <= divmod((2**64), 2)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([str(x) for x in [x * 1 for x in [-5, 12, 0, 5, (2**63 - 1), 7] if x % 4 != 0]])
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
def gen3_18(n):
    for i in range(n):
        if i % 3 == 0:
            continue
        yield -i
    return 'done' + str(n)
print(list(gen3_18(12)))
print(sum(gen3_18(1200)) % 1000003)
it3_19 = gen3_18(6)
try:
    while True:
        print(next(it3_19))
except StopIteration as e:
    print('stop', e.value)
def outer3_20(n):
    r = yield from gen3_18(n)
    yield r
    yield len(r)
print(list(outer3_20(1)))
print(sum(x * x for x in range(1500) if x % 3), max((x % 97 for x in range(1500)), default=-1))
print(list(zip(gen3_18(8), 'abcdef')), list(enumerate(gen3_18(5), 1))[-3:])
def acc3_21():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc3_21()
next(c)
for i in range(1500):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen3_18(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
stack4_22 = []
i = 0
total = 0
while i < 2840:
    i += 1
    if i % 8 == 0:
        continue
    stack4_22.append(i)
    if len(stack4_22) > 30:
        total += stack4_22.pop() - stack4_22.pop(0)
    if total > 999850:
        break
else:
    print('no break', i)
print(i, total, stack4_22[-4:])
for a in range(21):
    for b in range(a):
        if (a * b) % 28 == 5:
            print('found', a, b)
            break
    else:
        continue
    if a > 10:
        break
d4_23 = {}
for w in ('a,b,,c' + ' ' + '-17').split() * 129:
    d4_23[w] = d4_23.get(w, 0) + 1
print(sorted(d4_23.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix4_24 = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix4_24, [list(col) for col in zip(*matrix4_24)], sum(map(sum, matrix4_24)))
print({(i, j): v for i, row in enumerate(matrix4_24) for j, v in enumerate(row) if v % 3 == 0})
# chunk 5
def f5_25(a, b=9, *args, c=1, **kw):
    r = (a + 1) * (b - 1)
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f5_25(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f5_25(*[1, 2, 3], **{'q': 1, 'rr': 2}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f5_25())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f5_25(*[1, 2, 3], **{'q': 1, 'rr': 2}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f5_25())
except Exception as e:
    print(type(e).__name__, e)
def g5_26(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g5_26(1, b=2, c=3))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g5_26(1))
except Exception as e:
    print(type(e).__name__, e)
def make5_27(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 7 == 0:
            return x * k + count
        return x - count
    return inner
h5_28 = make5_27(8)
t5_29 = 0
for i in range(1200):
    t5_29 = (t5_29 + h5_28(i) + f5_25(i, c=i % 3)) % (1000003)
print(t5_29, h5_28(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(2)]])
print([fn(10) for fn in [lambda x: x * i for i in range(1)]])
def rec5_30(n):
    return 1 if n <= 1 else n * rec5_30(n - 1)
print(rec5_30(40) % 1000007, len(str(rec5_30(67))))
# chunk 6
v_d_6_31 = {'x-y-z': 39, '\u00fcn\u00efc\u00f6de': 12}
v_b_6_32 = True
v_ls_6_33 = ['x-y-z', 'a,b,,c', 'line\nbreak', 'x-y-z']
acc_i6_34 = 0x86f33
acc_f6_35 = 0.1
acc_s6_36 = ''
acc_l6_37 = []
acc_d6_38 = {}
errs6_39 = 0
last6_40 = None
for i6_41 in range(400):
    try:
        acc_s6_36 = (acc_s6_36 + '42'.center(6, '*'))[-20:]
    except Exception as e:
        errs6_39 += 1
        last6_40 = f'{type(e).__name__}: {e}'
    if i6_41 == 134:
        acc_i6_34 = float(acc_i6_34 % 1000)
    else:
        acc_i6_34 = acc_i6_34 % (2**64 + 13)
    try:
        acc_i6_34 = (acc_i6_34 + 0x47c93) % (2**64 + 13)
    except Exception as e:
        errs6_39 += 1
        last6_40 = f'{type(e).__name__}: {e}'
print(acc_i6_34, acc_f6_35, repr(acc_s6_36), acc_l6_37[-6:], sorted(acc_d6_38.items())[:6], errs6_39, last6_40)
# chunk 7
def gen7_42(n):
    for i in range(n):
        if i % 2 == 0:
            continue
        yield i * 3 + 1
    return 'done' + str(n)
print(list(gen7_42(5)))
print(sum(gen7_42(1500)) % 1000003)
it7_43 = gen7_42(3)
try:
    while True:
        print(next(it7_43))
except StopIteration as e:
    print('stop', e.value)
def outer7_44(n):
    r = yield from gen7_42(n)
    yield r
    yield len(r)
print(list(outer7_44(3)))
print(sum(x * x for x in range(1200) if x % 5), max((x % 97 for x in range(1200)), default=-1))
print(list(zip(gen7_42(8), 'abcdef')), list(enumerate(gen7_42(3), 1))[-3:])
def acc7_45():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc7_45()
next(c)
for i in range(1200):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen7_42(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
