# chunk 0
def f0_1(a, b=7, *args, c=4, **kw):
    r = (a + 1) * (b - 1)
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f0_1(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1(1, a=2))
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
    print(f0_1(*[1, 2, 3], **{'q': 1, 'rr': 2}))
except Exception as e:
    print(type(e).__name__, e)
def g0_2(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g0_2(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g0_2(1, 2, 3))
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
        if count % 3 == 0:
            return x * k + count
        return x - count
    return inner
h0_4 = make0_3(7)
t0_5 = 0
for i in range(60):
    t0_5 = (t0_5 + h0_4(i) + f0_1(i, c=i % 3)) % (2**61 - 1)
print(t0_5, h0_4(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(5)]])
print([fn(10) for fn in [lambda x: x * i for i in range(1)]])
def rec0_6(n):
    return 1 if n <= 1 else n * rec0_6(n - 1)
print(rec0_6(23) % 1000007, len(str(rec0_6(48))))
# chunk 1
big1_7 = 3**39
for i1_8 in range(1500):
    big1_7 = (big1_7 << 1) ^ i1_8
    if big1_7.bit_length() > 300:
        big1_7 = big1_7 % (2**64 + 87) - 2**63
    if i1_8 % 400 == 0:
        print(i1_8, big1_7, big1_7 > 2**63, big1_7 % 1000, big1_7 // 7, big1_7 & 0xFFFF)
print(big1_7, hex(big1_7), -big1_7 >> 3, abs(big1_7) ** 2 % 10**9, float(big1_7), big1_7 == float(big1_7))
y1_9 = big1_7
try:
    print(sorted({**{}, 'line\nbreak': 17868688634314578405163}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({len(s) for s in sorted(['-17', 'abc', '', 'q"uote\''], key=len)}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len((lambda a, b, c, d: f'{a:>6}|{b:.3f}|{c!r}|{d:,}')((-(2**31)), 1.5, '3.5', (10**18))))
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
class MyError2_10(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log2_12 = []
def risky2_11(x):
    try:
        if x % 2 == 0:
            raise MyError2_10(x)
        r = 10 // (x % 3)
        r += [1, 2, 3][x % 2]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError2_10 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log2_12.append(x)
for x in range(14):
    try:
        print(risky2_11(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log2_12), log2_12[-3:])
counts2_13 = {}
for i in range(1200):
    try:
        risky2_11(i)
    except Exception as e:
        counts2_13[type(e).__name__] = counts2_13.get(type(e).__name__, 0) + 1
print(sorted(counts2_13.items()), len(log2_12))
try:
    try:
        {}[(1, 2)]
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
    print('{}{}'.format(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(float('x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int('abc'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1).real.bad)
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1, 2) < (1, 'x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(float(10 ** 400))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(abs('x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(max([]))
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
class MyError3_14(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log3_16 = []
def risky3_15(x):
    try:
        if x % 3 == 0:
            raise MyError3_14(x)
        r = 10 // (x % 6)
        r += [1, 2, 3][x % 6]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError3_14 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log3_16.append(x)
for x in range(12):
    try:
        print(risky3_15(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log3_16), log3_16[-3:])
counts3_17 = {}
for i in range(400):
    try:
        risky3_15(i)
    except Exception as e:
        counts3_17[type(e).__name__] = counts3_17.get(type(e).__name__, 0) + 1
print(sorted(counts3_17.items()), len(log3_16))
try:
    try:
        {}[None]
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
    print('ab'[9])
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1,)[3])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(10 ** -1 // 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(range(1, 2, 0))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('a' - 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(object().x)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(pow(2, -1, 4))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
v_t_4_18 = (5,)
acc_i4_19 = 0xa885e
acc_f4_20 = 100.75
acc_s4_21 = ''
acc_l4_22 = []
acc_d4_23 = {}
errs4_24 = 0
last4_25 = None
for i4_26 in range(1500):
    acc_i4_19 += i4_26 * 2**62
    acc_i4_19 += i4_26 * 10**19
    if i4_26 == 750:
        acc_i4_19 = acc_i4_19 + 2 ** 121
    if i4_26 == 750:
        acc_i4_19 = acc_i4_19 + 2 ** 101
    if i4_26 % 5 == 1:
        acc_f4_20 = acc_f4_20 * 0.5 + i4_26 / 7.0
    else:
        acc_s4_21 = (acc_s4_21 + str(i4_26 % 10))[-4:]
    if i4_26 % 37 == 0:
        try:
            acc_f4_20 += (1e-07 % 100.75)
            acc_s4_21 = (acc_s4_21 + 'Hello World')[-12:]
        except Exception:
            pass
    try:
        acc_i4_19 = (acc_i4_19 + (len('a,b,,c') - 2)) % (97)
    except Exception as e:
        errs4_24 += 1
        last4_25 = f'{type(e).__name__}: {e}'
print(acc_i4_19, acc_f4_20, repr(acc_s4_21), acc_l4_22[-6:], sorted(acc_d4_23.items())[:6], errs4_24, last4_25)
# chunk 5
stack5_27 = []
i = 0
total = 0
while i < 1721:
    i += 1
    if i % 5 == 0:
        continue
    stack5_27.append(i)
    if len(stack5_27) > 20:
        total += stack5_27.pop() - stack5_27.pop(0)
    if total > 208854:
        break
else:
    print('no break', i)
print(i, total, stack5_27[-4:])
for a in range(12):
    for b in range(a):
        if (a * b) % 11 == 4:
            print('found', a, b)
            break
    else:
        continue
    if a > 18:
        break
d5_28 = {}
for w in ('  pad  ' + ' ' + 'a,b,,c').split() * 152:
    d5_28[w] = d5_28.get(w, 0) + 1
print(sorted(d5_28.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix5_29 = [[i * 2 + j for j in range(2)] for i in range(2)]
print(matrix5_29, [list(col) for col in zip(*matrix5_29)], sum(map(sum, matrix5_29)))
print({(i, j): v for i, row in enumerate(matrix5_29) for j, v in enumerate(row) if v % 3 == 0})
# chunk 6
big6_30 = 2**63 - 5
for i6_31 in range(1500):
    big6_30 = big6_30 - (1 << 62)
    if big6_30.bit_length() > 200:
        big6_30 = big6_30 % (2**64 + 49) - 2**63
    if i6_31 % 399 == 0:
        print(i6_31, big6_30, big6_30 > 2**63, big6_30 % 1000, big6_30 // 7, big6_30 & 0xFFFF)
print(big6_30, hex(big6_30), -big6_30 >> 3, abs(big6_30) ** 2 % 10**9, float(big6_30), big6_30 == float(big6_30))
y6_32 = big6_30
try:
    print(False)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({len(s) for s in [str(x) for x in [63114, 6, 15, 0x16cd0]]}))
except Exception as e:
    print(type(e).__name__, e)
