# chunk 0
class MyError0_1(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log0_3 = []
def risky0_2(x):
    try:
        if x % 5 == 0:
            raise MyError0_1(x)
        r = 10 // (x % 5)
        r += [1, 2, 3][x % 7]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError0_1 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log0_3.append(x)
for x in range(14):
    try:
        print(risky0_2(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log0_3), log0_3[-3:])
counts0_4 = {}
for i in range(400):
    try:
        risky0_2(i)
    except Exception as e:
        counts0_4[type(e).__name__] = counts0_4.get(type(e).__name__, 0) + 1
print(sorted(counts0_4.items()), len(log0_3))
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
    print([1][5])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(ord('ab'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(ord('ab'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1,)[3])
except Exception as e:
    print(type(e).__name__, e)
try:
    print({}['missing'])
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
big1_5 = 1
for i1_6 in range(3000):
    big1_5 = (big1_5 << 1) ^ i1_6
    if big1_5.bit_length() > 300:
        big1_5 = big1_5 % (2**64 + 1) - 2**63
    if i1_6 % 779 == 0:
        print(i1_6, big1_5, big1_5 > 2**63, big1_5 % 1000, big1_5 // 7, big1_5 & 0xFFFF)
print(big1_5, hex(big1_5), -big1_5 >> 3, abs(big1_5) ** 2 % 10**9, float(big1_5), big1_5 == float(big1_5))
y1_7 = big1_5
try:
    print([] - ('x-y-z' * 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(9)
except Exception as e:
    print(type(e).__name__, e)
try:
    print((sorted({25, 23}) * 2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
v_f_2_8 = 1e10
v_ls_2_9 = []
acc_i2_10 = 73129582941872430383554
acc_f2_11 = 0.5
acc_s2_12 = ''
acc_l2_13 = []
acc_d2_14 = {}
errs2_15 = 0
last2_16 = None
for i2_17 in range(400):
    try:
        acc_l2_13.append((-5 % acc_i2_10))
        if len(acc_l2_13) > 4:
            acc_l2_13.pop(0)
    except Exception as e:
        errs2_15 += 1
        last2_16 = f'{type(e).__name__}: {e}'
    try:
        acc_s2_12 = (acc_s2_12 + ('  pad  ' if False else '-17'))[-20:]
    except Exception as e:
        errs2_15 += 1
        last2_16 = f'{type(e).__name__}: {e}'
    if i2_17 == 200:
        acc_i2_10 = acc_i2_10 + 2 ** 79
    try:
        acc_i2_10 = (acc_i2_10 + (round(v_f_2_8) - len(v_ls_2_9))) % (2**64 + 13)
    except Exception as e:
        errs2_15 += 1
        last2_16 = f'{type(e).__name__}: {e}'
print(acc_i2_10, acc_f2_11, repr(acc_s2_12), acc_l2_13[-6:], sorted(acc_d2_14.items())[:6], errs2_15, last2_16)
# chunk 3
def f3_18(a, b=7, *args, c=5, **kw):
    r = a * b - c
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
    print(f3_18(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f3_18(1, 2, c='x'))
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
        if count % 5 == 0:
            return x * k + count
        return x - count
    return inner
h3_21 = make3_20(1)
t3_22 = 0
for i in range(400):
    t3_22 = (t3_22 + h3_21(i) + f3_18(i, c=i % 3)) % (2**61 - 1)
print(t3_22, h3_21(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(5)]])
print([fn(10) for fn in [lambda x: x * i for i in range(3)]])
def rec3_23(n):
    return 1 if n <= 1 else n * rec3_23(n - 1)
print(rec3_23(52) % 1000007, len(str(rec3_23(133))))
