# chunk 0
class Base0_1:
    kind = 'Base0_1'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base0_1({self.v!r})'
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base0_1) else o))
    def __len__(self):
        return abs(self.v) % 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError('index ' + str(i))
        return self.v * i
    @property
    def double(self):
        return self.v * 2
    @double.setter
    def double(self, x):
        self.v = x // 2
    def method(self, x):
        return self.v + x * 4
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub0_2(Base0_1):
    def __init__(self, v, w=2):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __repr__(self):
        return f'Sub0_2({self.v}, w={self.w})'
objs0_3 = [Base0_1(-5), Sub0_2(4, 3), Base0_1(5), Sub0_2(8, 1), Base0_1(4), Sub0_2(7, 2)]
try:
    objs0_3[0].double = 13
    print(objs0_3[0].v, objs0_3[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs0_3[1].double, objs0_3[1].kind, Sub0_2.make(3), Base0_1.twice(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list(objs0_3[0]), list(objs0_3[-1]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len({o for o in objs0_3}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(objs0_3[0]), objs0_3[0] == objs0_3[1], objs0_3[0] != objs0_3[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print([bool(o) for o in objs0_3])
except Exception as e:
    print(type(e).__name__, e)
try:
    print([bool(o) for o in objs0_3])
except Exception as e:
    print(type(e).__name__, e)
acc0_4 = 0
for i in range(3000):
    o = objs0_3[i % len(objs0_3)]
    acc0_4 = (acc0_4 + o.method(i) + o.double) % (97)
    if i % 178 == 0:
        o.v += 1
print(acc0_4, objs0_3)
# chunk 1
v_s_1_5 = 'abc'
acc_i1_6 = 32507
acc_f1_7 = 2.5e300
acc_s1_8 = ''
acc_l1_9 = []
acc_d1_10 = {}
errs1_11 = 0
last1_12 = None
for i1_13 in range(3000):
    acc_i1_6 = (acc_i1_6 * 671111 + i1_13) % (2**64 + 13)
    if i1_13 % 8 == 1:
        acc_f1_7 = acc_f1_7 * 0.5 + i1_13 / 7.0
    else:
        acc_s1_8 = (acc_s1_8 + str(i1_13 % 10))[-3:]
    if i1_13 % 24 == 0:
        try:
            acc_f1_7 += (1.5 // 42067878458677798995916)
            acc_s1_8 = (acc_s1_8 + (v_s_1_5 + v_s_1_5))[-12:]
        except Exception:
            pass
    try:
        acc_l1_9.append((acc_i1_6 * 25601492811202987328366))
        if len(acc_l1_9) > 20:
            acc_l1_9.pop(0)
    except Exception as e:
        errs1_11 += 1
        last1_12 = f'{type(e).__name__}: {e}'
    try:
        acc_i1_6 = (acc_i1_6 + i1_13) % (2**64 + 13)
    except Exception as e:
        errs1_11 += 1
        last1_12 = f'{type(e).__name__}: {e}'
print(acc_i1_6, acc_f1_7, repr(acc_s1_8), acc_l1_9[-6:], sorted(acc_d1_10.items())[:6], errs1_11, last1_12)
# chunk 2
def f2_14(a, b=7, *args, c=3, **kw):
    r = (a + 1) * (b - 1)
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f2_14(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f2_14(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f2_14(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f2_14(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f2_14(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f2_14(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
def g2_15(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g2_15(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g2_15(1))
except Exception as e:
    print(type(e).__name__, e)
def make2_16(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 4 == 0:
            return x * k + count
        return x - count
    return inner
h2_17 = make2_16(9)
t2_18 = 0
for i in range(3000):
    t2_18 = (t2_18 + h2_17(i) + f2_14(i, c=i % 3)) % (2**31 - 1)
print(t2_18, h2_17(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(1)]])
print([fn(10) for fn in [lambda x: x * i for i in range(1)]])
def rec2_19(n):
    return 1 if n <= 1 else n * rec2_19(n - 1)
print(rec2_19(7) % 1000007, len(str(rec2_19(173))))
# chunk 3
v_set_3_20 = {-8}
acc_i3_21 = 14475777755318574236455
acc_f3_22 = 3.14159
acc_s3_23 = ''
acc_l3_24 = []
acc_d3_25 = {}
errs3_26 = 0
last3_27 = None
for i3_28 in range(2100):
    if i3_28 == 1496:
        acc_i3_21 = float(acc_i3_21 % 1000)
    else:
        acc_i3_21 = acc_i3_21 % (2**64 + 13)
    acc_i3_21 = (acc_i3_21 * 608441 + i3_28) % (2**89 - 1)
    if i3_28 % 5 == 0:
        acc_f3_22 = acc_f3_22 * 0.5 + i3_28 / 7.0
    else:
        acc_s3_23 = (acc_s3_23 + str(i3_28 % 10))[-26:]
    if i3_28 % 22 == 0:
        try:
            acc_f3_22 += (7 / i3_28)
            acc_s3_23 = (acc_s3_23 + '\u00fcn\u00efc\u00f6de'[6:-5:3])[-12:]
        except Exception:
            pass
    acc_i3_21 = acc_i3_21 // 1 if i3_28 % 4 else acc_i3_21 * 4
    try:
        acc_s3_23 = (acc_s3_23 + ('3.5' * 0))[-20:]
    except Exception as e:
        errs3_26 += 1
        last3_27 = f'{type(e).__name__}: {e}'
    try:
        acc_i3_21 = (acc_i3_21 + i3_28) % (1000003)
    except Exception as e:
        errs3_26 += 1
        last3_27 = f'{type(e).__name__}: {e}'
print(acc_i3_21, acc_f3_22, repr(acc_s3_23), acc_l3_24[-6:], sorted(acc_d3_25.items())[:6], errs3_26, last3_27)
# chunk 4
big4_29 = 1
for i4_30 in range(60):
    big4_29 = -big4_29 + i4_30 * i4_30
    if big4_29.bit_length() > 300:
        big4_29 = big4_29 % (2**64 + 78) - 2**63
    if i4_30 % 35 == 0:
        print(i4_30, big4_29, big4_29 > 2**63, big4_29 % 1000, big4_29 // 7, big4_29 & 0xFFFF)
print(big4_29, hex(big4_29), -big4_29 >> 3, abs(big4_29) ** 2 % 10**9, float(big4_29), big4_29 == float(big4_29))
y4_31 = big4_29
try:
    print(((y4_31 / False) - False))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(['q"uote\'', '\u00fcn\u00efc\u00f6de'])
except Exception as e:
    print(type(e).__name__, e)
# chunk 5
v_t_5_32 = (0xcb8f7,)
v_i_5_33 = True
v_ls_5_34 = []
acc_i5_35 = 44038963007411704645351
acc_f5_36 = 0.5
acc_s5_37 = ''
acc_l5_38 = []
acc_d5_39 = {}
errs5_40 = 0
last5_41 = None
for i5_42 in range(400):
    if i5_42 == 361:
        acc_i5_35 = float(acc_i5_35 % 1000)
    else:
        acc_i5_35 = acc_i5_35 % (10**20 + 39)
    acc_i5_35 = acc_i5_35 // 3 if i5_42 % 5 else acc_i5_35 * 5
    try:
        acc_i5_35 = (acc_i5_35 + (round(0.0) - v_i_5_33)) % (2**89 - 1)
    except Exception as e:
        errs5_40 += 1
        last5_41 = f'{type(e).__name__}: {e}'
print(acc_i5_35, acc_f5_36, repr(acc_s5_37), acc_l5_38[-6:], sorted(acc_d5_39.items())[:6], errs5_40, last5_41)
# chunk 6
v_ls_6_43 = ['', '\u00fcn\u00efc\u00f6de', '\u20ac\u4e2d']
acc_i6_44 = 36788283475663730441552
acc_f6_45 = -0.0
acc_s6_46 = ''
acc_l6_47 = []
acc_d6_48 = {}
errs6_49 = 0
last6_50 = None
for i6_51 in range(1200):
    acc_i6_44 = (acc_i6_44 * 382112 + i6_51) % (2**89 - 1)
    try:
        acc_s6_46 = (acc_s6_46 + ('line\nbreak' * 0))[-20:]
    except Exception as e:
        errs6_49 += 1
        last6_50 = f'{type(e).__name__}: {e}'
    if i6_51 == 600:
        acc_i6_44 = acc_i6_44 + 2 ** 104
    acc_i6_44 = acc_i6_44 // 2 if i6_51 % 3 else acc_i6_44 * 5
    try:
        acc_s6_46 = (acc_s6_46 + '-17'.center(9, '*'))[-20:]
    except Exception as e:
        errs6_49 += 1
        last6_50 = f'{type(e).__name__}: {e}'
    acc_i6_44 += i6_51 * 2**40
    try:
        acc_i6_44 = (acc_i6_44 + max(abs(acc_i6_44), int('a,b,,c'))) % (2**64 + 13)
    except Exception as e:
        errs6_49 += 1
        last6_50 = f'{type(e).__name__}: {e}'
print(acc_i6_44, acc_f6_45, repr(acc_s6_46), acc_l6_47[-6:], sorted(acc_d6_48.items())[:6], errs6_49, last6_50)
# chunk 7
class MyError7_52(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log7_54 = []
def risky7_53(x):
    try:
        if x % 4 == 0:
            raise MyError7_52(x)
        r = 10 // (x % 2)
        r += [1, 2, 3][x % 7]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError7_52 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log7_54.append(x)
for x in range(15):
    try:
        print(risky7_53(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log7_54), log7_54[-3:])
counts7_55 = {}
for i in range(2100):
    try:
        risky7_53(i)
    except Exception as e:
        counts7_55[type(e).__name__] = counts7_55.get(type(e).__name__, 0) + 1
print(sorted(counts7_55.items()), len(log7_54))
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
    print(1 << -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(tuple(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(1 + 'a')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(1 / 0)
except Exception as e:
    print(type(e).__name__, e)
