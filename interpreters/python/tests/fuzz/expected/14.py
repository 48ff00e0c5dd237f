# chunk 0
v_b_0_1 = False
acc_i0_2 = -1
acc_f0_3 = 2.5e300
acc_s0_4 = ''
acc_l0_5 = []
acc_d0_6 = {}
errs0_7 = 0
last0_8 = None
for i0_9 in range(60):
    acc_d0_6[i0_9 % 7] = acc_d0_6.get(i0_9 % 7, 0) + 1
    acc_i0_2 += i0_9 * (1 << 63)
    acc_i0_2 += i0_9 * 2**40
    try:
        acc_i0_2 = (acc_i0_2 + len([True, True, 3, -5, 5])) % (2**31 - 1)
    except Exception as e:
        errs0_7 += 1
        last0_8 = f'{type(e).__name__}: {e}'
print(acc_i0_2, acc_f0_3, repr(acc_s0_4), acc_l0_5[-6:], sorted(acc_d0_6.items())[:6], errs0_7, last0_8)
# chunk 1
v_t_1_10 = (7, 2, 72676073165772142845120, 30614)
v_t_1_11 = (70874854528122613909003, (10**18), 18, 8)
acc_i1_12 = 0x9e519
acc_f1_13 = 1e10
acc_s1_14 = ''
acc_l1_15 = []
acc_d1_16 = {}
errs1_17 = 0
last1_18 = None
for i1_19 in range(1200):
    if i1_19 == 600:
        acc_i1_12 = acc_i1_12 + 2 ** 77
    if i1_19 % 7 == 1:
        acc_f1_13 = acc_f1_13 * 0.5 + i1_19 / 7.0
    else:
        acc_s1_14 = (acc_s1_14 + str(i1_19 % 10))[-12:]
    if i1_19 % 29 == 0:
        try:
            acc_f1_13 += (-2.25 // 7.0)
            acc_s1_14 = (acc_s1_14 + '\u20ac\u4e2d')[-12:]
        except Exception:
            pass
    if i1_19 == 600:
        acc_i1_12 = acc_i1_12 + 2 ** 110
    try:
        acc_i1_12 = (acc_i1_12 + ({'42': 46, '-17': 10, 'MiXeD cAsE': 1}['\u00fcn\u00efc\u00f6de'] - -i1_19)) % (2**89 - 1)
    except Exception as e:
        errs1_17 += 1
        last1_18 = f'{type(e).__name__}: {e}'
print(acc_i1_12, acc_f1_13, repr(acc_s1_14), acc_l1_15[-6:], sorted(acc_d1_16.items())[:6], errs1_17, last1_18)
# chunk 2
stack2_20 = []
i = 0
total = 0
while i < 902:
    i += 1
    if i % 2 == 0:
        continue
    stack2_20.append(i)
    if len(stack2_20) > 13:
        total += stack2_20.pop() - stack2_20.pop(0)
    if total > 939851:
        break
else:
    print('no break', i)
print(i, total, stack2_20[-4:])
for a in range(21):
    for b in range(a):
        if (a * b) % 38 == 0:
            print('found', a, b)
            break
    else:
        continue
    if a > 23:
        break
d2_21 = {}
for w in ('\u20ac\u4e2d' + ' ' + '42').split() * 370:
    d2_21[w] = d2_21.get(w, 0) + 1
print(sorted(d2_21.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix2_22 = [[i * 6 + j for j in range(6)] for i in range(5)]
print(matrix2_22, [list(col) for col in zip(*matrix2_22)], sum(map(sum, matrix2_22)))
print({(i, j): v for i, row in enumerate(matrix2_22) for j, v in enumerate(row) if v % 3 == 0})
# chunk 3
class Base3_23:
    kind = 'Base3_23'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base3_23({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base3_23) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base3_23) else o))
    def __len__(self):
        return abs(self.v) % 10
    def __getitem__(self, i):
        if i >= 4:
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
class Sub3_24(Base3_23):
    def __init__(self, v, w=1):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
objs3_25 = [Base3_23(3), Sub3_24(11, 2), Base3_23(14)]
try:
    print(max(objs3_25), min(objs3_25, key=lambda o: -o.v))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs3_25[1], Base3_23), issubclass(Sub3_24, Base3_23), type(objs3_25[1]).__name__, Sub3_24.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs3_25[0] < 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print([bool(o) for o in objs3_25])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs3_25[0].missing)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs3_25[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
acc3_26 = 0
for i in range(60):
    o = objs3_25[i % len(objs3_25)]
    acc3_26 = (acc3_26 + o.method(i) + o.double) % (2**89 - 1)
    if i % 132 == 0:
        o.v += 1
print(acc3_26, objs3_25)
