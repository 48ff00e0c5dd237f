# chunk 0
stack0_1 = []
i = 0
total = 0
while i < 2706:
    i += 1
    if i % 7 == 0:
        continue
    stack0_1.append(i)
    if len(stack0_1) > 13:
        total += stack0_1.pop() - stack0_1.pop(0)
    if total > 189025:
        break
else:
    print('no break', i)
print(i, total, stack0_1[-4:])
for a in range(27):
    for b in range(a):
        if (a * b) % 18 == 0:
            print('found', a, b)
            break
    else:
        continue
    if a > 16:
        break
d0_2 = {}
for w in ('  pad  ' + ' ' + '-17').split() * 166:
    d0_2[w] = d0_2.get(w, 0) + 1
print(sorted(d0_2.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix0_3 = [[i * 2 + j for j in range(2)] for i in range(6)]
print(matrix0_3, [list(col) for col in zip(*matrix0_3)], sum(map(sum, matrix0_3)))
print({(i, j): v for i, row in enumerate(matrix0_3) for j, v in enumerate(row) if v % 3 == 0})
# chunk 1
v_b_1_4 = True
v_ls_1_5 = ['q"uote\'', '3.5', 'Hello World', 'q"uote\'']
v_f_1_6 = 0.0
v_s_1_7 = 'MiXeD cAsE'
v_f_1_8 = 1e10
v_set_1_9 = {15, 27, 25, 13, 9, -1}
v_i_1_10 = 0xea3f1
try:
    print(list(reversed([1, (2**63 - 1), 8])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list(repr((-0.0 - 3.14159)))[:8])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(pow(-1, ((34931 | 38388892689968010260029) - sum([14, 9, 8, (2**100 + 7), 12, 34727749777060306999389])), 2022821890363488513767))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(v_s_1_7)
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
v_li_2_11 = [0, 2, 10]
v_t_2_12 = (0xcf3b0,)
v_i_2_13 = 62908
v_i_2_14 = 64665703113949146636368
v_s_2_15 = '42'
v_d_2_16 = {'': 3, '3.5': 4, '3.5': 5}
try:
    print((sum(list(v_t_2_12)) + abs(round(0.5))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({x % 6 for x in list(divmod(17366221345719906045901, v_i_2_14))}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({**{str(k): k for k in ([0x5c5bd, 77711, 6, 0] * 1)}, ('  pad  ' + 'line\nbreak').zfill(8): v_li_2_11[-1]})
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted([str(x) for x in list(map(lambda x: x // 1 + 1, [4, 20, 19]))], key=len))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('  pad  '.startswith(v_s_2_15) % (v_i_2_13 << 40))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({str(k): k for k in v_li_2_11})
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
v_t_3_17 = (11, 3193)
v_s_3_18 = 'tab\there'
v_b_3_19 = False
acc_i3_20 = 9
acc_f3_21 = 1e10
acc_s3_22 = ''
acc_l3_23 = []
acc_d3_24 = {}
errs3_25 = 0
last3_26 = None
for i3_27 in range(60):
    acc_i3_20 += i3_27 * 10**19
    acc_i3_20 = (acc_i3_20 * 93765 + i3_27) % (2**61 - 1)
    if i3_27 == 30:
        acc_i3_20 = acc_i3_20 + 2 ** 79
    if i3_27 % 4 == 0:
        acc_f3_21 = acc_f3_21 * 0.5 + i3_27 / 7.0
    else:
        acc_s3_22 = (acc_s3_22 + str(i3_27 % 10))[-15:]
    if i3_27 % 46 == 0:
        try:
            acc_f3_21 += float(i3_27)
            acc_s3_22 = (acc_s3_22 + ('-17' * 3))[-12:]
        except Exception:
            pass
    try:
        acc_l3_23.append((i3_27 * acc_i3_20))
        if len(acc_l3_23) > 8:
            acc_l3_23.pop(0)
    except Exception as e:
        errs3_25 += 1
        last3_26 = f'{type(e).__name__}: {e}'
    if i3_27 % 5 == 1:
        acc_f3_21 = acc_f3_21 * 0.5 + i3_27 / 7.0
    else:
        acc_s3_22 = (acc_s3_22 + str(i3_27 % 10))[-4:]
    if i3_27 % 9 == 0:
        try:
            acc_f3_21 += -1/3
            acc_s3_22 = (acc_s3_22 + ('Hello World' + '42'))[-12:]
        except Exception:
            pass
    try:
        acc_i3_20 = (acc_i3_20 + i3_27) % (10**20 + 39)
    except Exception as e:
        errs3_25 += 1
        last3_26 = f'{type(e).__name__}: {e}'
print(acc_i3_20, acc_f3_21, repr(acc_s3_22), acc_l3_23[-6:], sorted(acc_d3_24.items())[:6], errs3_25, last3_26)
# chunk 4
stack4_28 = []
i = 0
total = 0
while i < 782:
    i += 1
    if i % 5 == 0:
        continue
    stack4_28.append(i)
    if len(stack4_28) > 17:
        total += stack4_28.pop() - stack4_28.pop(0)
    if total > 566923:
        break
else:
    print('no break', i)
print(i, total, stack4_28[-4:])
for a in range(37):
    for b in range(a):
        if (a * b) % 14 == 2:
            print('found', a, b)
            break
    else:
        continue
    if a > 7:
        break
d4_29 = {}
for w in ('abc' + ' ' + 'line\nbreak').split() * 396:
    d4_29[w] = d4_29.get(w, 0) + 1
print(sorted(d4_29.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix4_30 = [[i * 3 + j for j in range(3)] for i in range(5)]
print(matrix4_30, [list(col) for col in zip(*matrix4_30)], sum(map(sum, matrix4_30)))
print({(i, j): v for i, row in enumerate(matrix4_30) for j, v in enumerate(row) if v % 3 == 0})
# chunk 5
big5_31 = 3**39
for i5_32 in range(60):
    big5_31 = big5_31 * big5_31 % (2**127 - 1) + 1
    if big5_31.bit_length() > 200:
        big5_31 = big5_31 % (2**64 + 41) - 2**63
    if i5_32 % 59 == 0:
        print(i5_32, big5_31, big5_31 > 2**63, big5_31 % 1000, big5_31 // 7, big5_31 & 0xFFFF)
print(big5_31, hex(big5_31), -big5_31 >> 3, abs(big5_31) ** 2 % 10**9, float(big5_31), big5_31 == float(big5_31))
y5_33 = big5_31
try:
    print((''.replace('', 'x-y-z') != ('3.5' + 'MiXeD cAsE')))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(tuple(list({'-17': 35, '  pad  ': 11, 'tab\there': 16}.values())))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((not True))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([0xea84a, 4924, -3, 0xc8b10])
except Exception as e:
    print(type(e).__name__, e)
# chunk 6
class MyError6_34(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log6_36 = []
def risky6_35(x):
    try:
        if x % 2 == 0:
            raise MyError6_34(x)
        r = 10 // (x % 4)
        r += [1, 2, 3][x % 4]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError6_34 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log6_36.append(x)
for x in range(16):
    try:
        print(risky6_35(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log6_36), log6_36[-3:])
counts6_37 = {}
for i in range(1500):
    try:
        risky6_35(i)
    except Exception as e:
        counts6_37[type(e).__name__] = counts6_37.get(type(e).__name__, 0) + 1
print(sorted(counts6_37.items()), len(log6_36))
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
    print(x_undefined + 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    print([][0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(str(10**5000)[:3])
except Exception as e:
    print(type(e).__name__, e)
try:
    print('a' * 2.5)
except Exception as e:
    print(type(e).__name__, e)
# chunk 7
class Base7_38:
    kind = 'Base7_38'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base7_38({self.v!r})'
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base7_38) else o))
    def __len__(self):
        return abs(self.v) % 11
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError('index ' + str(i))
        return self.v * i
    @property
    def double(self):
        return self.v * 2
    @double.setter
    def double(self, x):
        self.v = x // 2
    def method(self, x):
        return self.v + x * 1
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub7_39(Base7_38):
    def __init__(self, v, w=3):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __bool__(self):
        return self.v > 2
objs7_40 = [Base7_38(-4), Sub7_39(7, 3), Base7_38(2), Sub7_39(10, 3), Base7_38(18)]
try:
    print(list(objs7_40[0]), list(objs7_40[-1]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs7_40[0] + objs7_40[1], objs7_40[1] + 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs7_40[1], Base7_38), issubclass(Sub7_39, Base7_38), type(objs7_40[1]).__name__, Sub7_39.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs7_40[1], Base7_38), issubclass(Sub7_39, Base7_38), type(objs7_40[1]).__name__, Sub7_39.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    objs7_40[0].double = 13
    print(objs7_40[0].v, objs7_40[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list(objs7_40[0]), list(objs7_40[-1]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(objs7_40))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs7_40[0].__dict__, hasattr(objs7_40[0], 'w'), getattr(objs7_40[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
acc7_41 = 0
for i in range(1200):
    o = objs7_40[i % len(objs7_40)]
    acc7_41 = (acc7_41 + o.method(i) + o.double) % (2**61 - 1)
    if i % 267 == 0:
        o.v += 1
print(acc7_41, objs7_40)
