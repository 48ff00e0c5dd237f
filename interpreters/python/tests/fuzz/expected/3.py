# chunk 0
v_f_0_1 = 1e-07
v_f_0_2 = 1.5
v_s_0_3 = '\u20ac\u4e2d'
acc_i0_4 = 71426270917146329744868
acc_f0_5 = 1e-07
acc_s0_6 = ''
acc_l0_7 = []
acc_d0_8 = {}
errs0_9 = 0
last0_10 = None
for i0_11 in range(1500):
    if i0_11 == 1018:
        acc_i0_4 = float(acc_i0_4 % 1000)
    else:
        acc_i0_4 = acc_i0_4 % (2**61 - 1)
    acc_d0_8[str(i0_11 % 5)] = acc_d0_8.get(str(i0_11 % 5), 0) + 1
    acc_i0_4 = (acc_i0_4 * 353986 + i0_11) % (2**89 - 1)
    if i0_11 == 791:
        acc_i0_4 = float(acc_i0_4 % 1000)
    else:
        acc_i0_4 = acc_i0_4 % (2**61 - 1)
    try:
        acc_l0_7.append((i0_11 % 1))
        if len(acc_l0_7) > 30:
            acc_l0_7.pop(0)
    except Exception as e:
        errs0_9 += 1
        last0_10 = f'{type(e).__name__}: {e}'
    try:
        acc_i0_4 = (acc_i0_4 + divmod(i0_11, (i0_11 - i0_11))[0]) % (2**31 - 1)
    except Exception as e:
        errs0_9 += 1
        last0_10 = f'{type(e).__name__}: {e}'
print(acc_i0_4, acc_f0_5, repr(acc_s0_6), acc_l0_7[-6:], sorted(acc_d0_8.items())[:6], errs0_9, last0_10)
# chunk 1
def f1_12(a, b=-3, *args, c=1, **kw):
    r = a * b - c
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f1_12(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_12(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_12(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_12(1))
except Exception as e:
    print(type(e).__name__, e)
def g1_13(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g1_13(a=1, b=2))
except Exception as e:
    print(type(e).__name__, e)
def make1_14(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 3 == 0:
            return x * k + count
        return x - count
    return inner
h1_15 = make1_14(3)
t1_16 = 0
for i in range(3000):
    t1_16 = (t1_16 + h1_15(i) + f1_12(i, c=i % 3)) % (2**31 - 1)
print(t1_16, h1_15(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(5)]])
print([fn(10) for fn in [lambda x: x * i for i in range(1)]])
def rec1_17(n):
    return 1 if n <= 1 else n * rec1_17(n - 1)
print(rec1_17(47) % 1000007, len(str(rec1_17(184))))
# chunk 2
v_s_2_18 = 'MiXeD cAsE'
v_t_2_19 = (71034,)
v_li_2_20 = [0x5f6, 0x988ff, 11]
acc_i2_21 = 51228
acc_f2_22 = 1.5
acc_s2_23 = ''
acc_l2_24 = []
acc_d2_25 = {}
errs2_26 = 0
last2_27 = None
for i2_28 in range(400):
    if i2_28 == 396:
        acc_i2_21 = float(acc_i2_21 % 1000)
    else:
        acc_i2_21 = acc_i2_21 % (2**89 - 1)
    try:
        acc_s2_23 = (acc_s2_23 + v_s_2_18.center(8, '*'))[-20:]
    except Exception as e:
        errs2_26 += 1
        last2_27 = f'{type(e).__name__}: {e}'
    acc_d2_25[i2_28 % 4 == 0] = acc_d2_25.get(i2_28 % 4 == 0, 0) + 1
    acc_i2_21 = acc_i2_21 // 4 if i2_28 % 2 else acc_i2_21 * 5
    acc_i2_21 += i2_28 * 3
    try:
        acc_i2_21 = (acc_i2_21 + abs(14)) % (2**64 + 13)
    except Exception as e:
        errs2_26 += 1
        last2_27 = f'{type(e).__name__}: {e}'
print(acc_i2_21, acc_f2_22, repr(acc_s2_23), acc_l2_24[-6:], sorted(acc_d2_25.items())[:6], errs2_26, last2_27)
# chunk 3
class MyError3_29(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log3_31 = []
def risky3_30(x):
    try:
        if x % 4 == 0:
            raise MyError3_29(x)
        r = 10 // (x % 5)
        r += [1, 2, 3][x % 6]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError3_29 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log3_31.append(x)
for x in range(14):
    try:
        print(risky3_30(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log3_31), log3_31[-3:])
counts3_32 = {}
for i in range(400):
    try:
        risky3_30(i)
    except Exception as e:
        counts3_32[type(e).__name__] = counts3_32.get(type(e).__name__, 0) + 1
print(sorted(counts3_32.items()), len(log3_31))
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
    print(int('abc'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(float('inf')))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('a' * 2.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1,)[3])
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1, 2, 3][1:2:0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(range(1, 2, 0))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('abc'.split(''))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(2.0 ** 10000)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int('abc'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({}.popitem())
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
v_s_4_33 = '-17'
v_f_4_34 = 1e-07
acc_i4_35 = 3
acc_f4_36 = 0.1
acc_s4_37 = ''
acc_l4_38 = []
acc_d4_39 = {}
errs4_40 = 0
last4_41 = None
for i4_42 in range(3000):
    if i4_42 == 1986:
        acc_i4_35 = float(acc_i4_35 % 1000)
    else:
        acc_i4_35 = acc_i4_35 % (2**61 - 1)
    if i4_42 == 1500:
        acc_i4_35 = acc_i4_35 + 2 ** 92
    if i4_42 == 2739:
        acc_i4_35 = float(acc_i4_35 % 1000)
    else:
        acc_i4_35 = acc_i4_35 % (10**20 + 39)
    try:
        acc_i4_35 = (acc_i4_35 + i4_42) % (2**89 - 1)
    except Exception as e:
        errs4_40 += 1
        last4_41 = f'{type(e).__name__}: {e}'
print(acc_i4_35, acc_f4_36, repr(acc_s4_37), acc_l4_38[-6:], sorted(acc_d4_39.items())[:6], errs4_40, last4_41)
# chunk 5
v_t_5_43 = ()
v_li_5_44 = []
v_ls_5_45 = ['tab\there', 'MiXeD cAsE', 'tab\there']
v_ls_5_46 = ['q"uote\'', 'MiXeD cAsE', '\u20ac\u4e2d', 'abc']
try:
    print(True)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({19, 26, 18, -4}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({[str(x) for x in v_li_5_44]: 1})
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list(range(sum([6, 0]) % 7, (2**64) % 13, -1)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({13, -9, 8, -4}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({-6} + {'a,b,,c': 46, 'q"uote\'': 19}['\u00fcn\u00efc\u00f6de'])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(divmod(int(0.1), ((18 * 12) if any(x > 0 for x in v_li_5_44) else abs(2))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((max((9 & 0x5803a), 18) ^ v_li_5_44.index((6 if True else 4))))
except Exception as e:
    print(type(e).__name__, e)
# chunk 6
def f6_47(a, b=0, *args, c=4, **kw):
    r = (a + 1) * (b - 1)
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f6_47(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f6_47('s', 'y', c=''))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f6_47(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f6_47(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
def g6_48(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g6_48(a=1, b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g6_48(1))
except Exception as e:
    print(type(e).__name__, e)
def make6_49(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 2 == 0:
            return x * k + count
        return x - count
    return inner
h6_50 = make6_49(1)
t6_51 = 0
for i in range(1500):
    t6_51 = (t6_51 + h6_50(i) + f6_47(i, c=i % 3)) % (97)
print(t6_51, h6_50(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(2)]])
print([fn(10) for fn in [lambda x: x * i for i in range(4)]])
def rec6_52(n):
    return 1 if n <= 1 else n * rec6_52(n - 1)
print(rec6_52(7) % 1000007, len(str(rec6_52(39))))
