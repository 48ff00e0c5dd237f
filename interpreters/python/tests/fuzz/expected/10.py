# chunk 0
big0_1 = 3**39
for i0_2 in range(400):
    big0_1 = big0_1 * 3 - i0_2
    if big0_1.bit_length() > 100:
        big0_1 = big0_1 % (2**64 + 46) - 2**63
    if i0_2 % 118 == 0:
        print(i0_2, big0_1, big0_1 > 2**63, big0_1 % 1000, big0_1 // 7, big0_1 & 0xFFFF)
print(big0_1, hex(big0_1), -big0_1 >> 3, abs(big0_1) ** 2 % 10**9, float(big0_1), big0_1 == float(big0_1))
y0_3 = big0_1
try:
    print(sorted({y0_3, (2**62)}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('MiXeD cAsE'.zfill(4).startswith('-17'.center(1, '*')))
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
v_ls_1_4 = []
v_i_1_5 = -2
v_f_1_6 = -0.0
v_f_1_7 = 0.0
v_b_1_8 = True
v_i_1_9 = 50881
try:
    print(sorted({8, 11, 17}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(pow(v_i_1_9, ((v_i_1_9 | v_i_1_9) >> 2), sum(([0x291ff, 49064527355202338155549, 14, 0xc12d8] * 3))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(-min(float(17), (v_i_1_9 + 1/3)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len([v_i_1_9, v_i_1_9]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list(reversed([49673986671155313788034, 98957113511017256353251, 7, 12])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([x * -2 for x in [80620, 15, 6, 13497] if x % 2 != 0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print((dict.fromkeys(v_ls_1_4, (1 * 5)) | {str(k): k for k in [x * 3 for x in [43938, -4, 7, 0xdee25, 2, 4] if x % 4 != 0]}))
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
v_i_2_10 = 19
v_set_2_11 = {6, 12, 19, 11, 9}
v_i_2_12 = (2**62)
acc_i2_13 = 0xda60c
acc_f2_14 = -0.0
acc_s2_15 = ''
acc_l2_16 = []
acc_d2_17 = {}
errs2_18 = 0
last2_19 = None
for i2_20 in range(1500):
    acc_i2_13 += i2_20 * 2**62
    acc_i2_13 += i2_20 * 2**40
    if i2_20 == 1465:
        acc_i2_13 = float(acc_i2_13 % 1000)
    else:
        acc_i2_13 = acc_i2_13 % (1000003)
    try:
        acc_i2_13 = (acc_i2_13 + ([0, 11, 88031, 48457] * 2).index(int('3.5'))) % (2**31 - 1)
    except Exception as e:
        errs2_18 += 1
        last2_19 = f'{type(e).__name__}: {e}'
print(acc_i2_13, acc_f2_14, repr(acc_s2_15), acc_l2_16[-6:], sorted(acc_d2_17.items())[:6], errs2_18, last2_19)
# chunk 3
class MyError3_21(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log3_23 = []
def risky3_22(x):
    try:
        if x % 5 == 0:
            raise MyError3_21(x)
        r = 10 // (x % 2)
        r += [1, 2, 3][x % 4]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError3_21 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log3_23.append(x)
for x in range(15):
    try:
        print(risky3_22(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log3_23), log3_23[-3:])
counts3_24 = {}
for i in range(1200):
    try:
        risky3_22(i)
    except Exception as e:
        counts3_24[type(e).__name__] = counts3_24.get(type(e).__name__, 0) + 1
print(sorted(counts3_24.items()), len(log3_23))
try:
    try:
        {}[2.5]
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
    print(dict([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(1 << -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int('abc'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1][5])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(float('inf')))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(dict([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(tuple(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1).real.bad)
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
def f4_25(a, b=-3, *args, c=5, **kw):
    r = (a + 1) * (b - 1)
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f4_25(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_25(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_25('s', 'y', c=''))
except Exception as e:
    print(type(e).__name__, e)
def g4_26(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g4_26(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g4_26(a=1, b=2))
except Exception as e:
    print(type(e).__name__, e)
def make4_27(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 2 == 0:
            return x * k + count
        return x - count
    return inner
h4_28 = make4_27(8)
t4_29 = 0
for i in range(400):
    t4_29 = (t4_29 + h4_28(i) + f4_25(i, c=i % 3)) % (97)
print(t4_29, h4_28(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(3)]])
print([fn(10) for fn in [lambda x: x * i for i in range(4)]])
def rec4_30(n):
    return 1 if n <= 1 else n * rec4_30(n - 1)
print(rec4_30(17) % 1000007, len(str(rec4_30(176))))
