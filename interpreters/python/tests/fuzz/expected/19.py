# chunk 0
class MyError0_1(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log0_3 = []
def risky0_2(x):
    try:
        if x % 4 == 0:
            raise MyError0_1(x)
        r = 10 // (x % 4)
        r += [1, 2, 3][x % 2]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError0_1 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log0_3.append(x)
for x in range(9):
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
for i in range(60):
    try:
        risky0_2(i)
    except Exception as e:
        counts0_4[type(e).__name__] = counts0_4.get(type(e).__name__, 0) + 1
print(sorted(counts0_4.items()), len(log0_3))
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
    print(list(range(3))[::0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(object().x)
except Exception as e:
    print(type(e).__name__, e)
try:
    print({[]: 1})
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1] + (2,))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(object().x)
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1, 2, 3][1:2:0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(float('inf')))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(None + 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(round(1.5, 'x'))
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
stack1_5 = []
i = 0
total = 0
while i < 2541:
    i += 1
    if i % 3 == 0:
        continue
    stack1_5.append(i)
    if len(stack1_5) > 23:
        total += stack1_5.pop() - stack1_5.pop(0)
    if total > 686007:
        break
else:
    print('no break', i)
print(i, total, stack1_5[-4:])
for a in range(34):
    for b in range(a):
        if (a * b) % 7 == 4:
            print('found', a, b)
            break
    else:
        continue
    if a > 19:
        break
d1_6 = {}
for w in ('line\nbreak' + ' ' + '\u00fcn\u00efc\u00f6de').split() * 220:
    d1_6[w] = d1_6.get(w, 0) + 1
print(sorted(d1_6.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix1_7 = [[i * 6 + j for j in range(6)] for i in range(2)]
print(matrix1_7, [list(col) for col in zip(*matrix1_7)], sum(map(sum, matrix1_7)))
print({(i, j): v for i, row in enumerate(matrix1_7) for j, v in enumerate(row) if v % 3 == 0})
# chunk 2
v_s_2_8 = 'q"uote\''
v_f_2_9 = 7.0
v_ls_2_10 = ['abc', '', '']
try:
    print(dict.fromkeys(v_ls_2_10, 17331180466099966917106) < repr(v_f_2_9))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list(reversed(list(map(lambda x: x // 3 + 1, sorted([], reverse=True))))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((([14, (10**18), 2, 10400] + [15, 0x2266d, 10, 27889580911565244589809])[-1], (-(2**31))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(set([-1, 42316])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(max((len({'tab\there': 39, 'line\nbreak': 35, 'Hello World': 32, '': 42}) | max((-2**63), -5)), max(((2**62) ** 0), (2 * 14))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((26855 * ((13 << 67) if all(x > 0 for x in [0xbbfa1, 1]) else 2)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(repr([str(x) for x in list((11451, (2**62)))]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((-2 >> 37))
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
big3_11 = -1
for i3_12 in range(2100):
    big3_11 = -big3_11 + i3_12 * i3_12
    if big3_11.bit_length() > 64:
        big3_11 = big3_11 % (2**64 + 8) - 2**63
    if i3_12 % 534 == 0:
        print(i3_12, big3_11, big3_11 > 2**63, big3_11 % 1000, big3_11 // 7, big3_11 & 0xFFFF)
print(big3_11, hex(big3_11), -big3_11 >> 3, abs(big3_11) ** 2 % 10**9, float(big3_11), big3_11 == float(big3_11))
y3_13 = big3_11
try:
    print(sorted('\u20ac\u4e2d'.split(','), key=len))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({y3_13, -3} + str(y3_13))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
class Base4_14:
    kind = 'Base4_14'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base4_14({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base4_14) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base4_14) else o))
    def __len__(self):
        return abs(self.v) % 3
    def __getitem__(self, i):
        if i >= 2:
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
class Sub4_15(Base4_14):
    def __init__(self, v, w=1):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __repr__(self):
        return f'Sub4_15({self.v}, w={self.w})'
    def __bool__(self):
        return self.v > 2
objs4_16 = [Base4_14(8), Sub4_15(-1, 2), Base4_14(10), Sub4_15(-5, 2), Base4_14(4)]
try:
    print(max(objs4_16), min(objs4_16, key=lambda o: -o.v))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len({o for o in objs4_16}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_16[0] + objs4_16[1], objs4_16[1] + 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_16[1].double, objs4_16[1].kind, Sub4_15.make(3), Base4_14.twice(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_16[0].missing)
except Exception as e:
    print(type(e).__name__, e)
acc4_17 = 0
for i in range(400):
    o = objs4_16[i % len(objs4_16)]
    acc4_17 = (acc4_17 + o.method(i) + o.double) % (2**89 - 1)
    if i % 258 == 0:
        o.v += 1
print(acc4_17, objs4_16)
# chunk 5
v_t_5_18 = (14, -4)
v_b_5_19 = False
acc_i5_20 = 98122
acc_f5_21 = 2.5e300
acc_s5_22 = ''
acc_l5_23 = []
acc_d5_24 = {}
errs5_25 = 0
last5_26 = None
for i5_27 in range(400):
    if i5_27 == 200:
        acc_i5_20 = acc_i5_20 + 2 ** 85
    if i5_27 % 4 == 0:
        acc_f5_21 = acc_f5_21 * 0.5 + i5_27 / 7.0
    else:
        acc_s5_22 = (acc_s5_22 + str(i5_27 % 10))[-25:]
    if i5_27 % 17 == 0:
        try:
            acc_f5_21 += float(0xd956a)
            acc_s5_22 = (acc_s5_22 + (lambda a, b, c, d: f'{a:>6}|{b:.3f}|{c!r}|{d:,}')(acc_i5_20, 2.5e300, '42', 16))[-12:]
        except Exception:
            pass
    try:
        acc_i5_20 = (acc_i5_20 + i5_27) % (10**20 + 39)
    except Exception as e:
        errs5_25 += 1
        last5_26 = f'{type(e).__name__}: {e}'
print(acc_i5_20, acc_f5_21, repr(acc_s5_22), acc_l5_23[-6:], sorted(acc_d5_24.items())[:6], errs5_25, last5_26)
# chunk 6
v_set_6_28 = {9, -4, 12, 8, 18}
v_t_6_29 = (9, -5, 20)
acc_i6_30 = 0x453d8
acc_f6_31 = 1/3
acc_s6_32 = ''
acc_l6_33 = []
acc_d6_34 = {}
errs6_35 = 0
last6_36 = None
for i6_37 in range(60):
    try:
        acc_s6_32 = (acc_s6_32 + ('MiXeD cAsE' + '-17'))[-20:]
    except Exception as e:
        errs6_35 += 1
        last6_36 = f'{type(e).__name__}: {e}'
    try:
        acc_s6_32 = (acc_s6_32 + str([11]))[-20:]
    except Exception as e:
        errs6_35 += 1
        last6_36 = f'{type(e).__name__}: {e}'
    acc_i6_30 = acc_i6_30 // 4 if i6_37 % 4 else acc_i6_30 * 4
    acc_d6_34[str(i6_37 % 5)] = acc_d6_34.get(str(i6_37 % 5), 0) + 1
    try:
        acc_i6_30 = (acc_i6_30 + acc_i6_30) % (2**31 - 1)
    except Exception as e:
        errs6_35 += 1
        last6_36 = f'{type(e).__name__}: {e}'
print(acc_i6_30, acc_f6_31, repr(acc_s6_32), acc_l6_33[-6:], sorted(acc_d6_34.items())[:6], errs6_35, last6_36)
