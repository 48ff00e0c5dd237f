# chunk 0
v_ls_0_1 = ['Hello World']
v_ls_0_2 = ['tab\there', 'a,b,,c']
v_ls_0_3 = ['-17', 'line\nbreak', 'line\nbreak', '']
acc_i0_4 = 10
acc_f0_5 = -0.0
acc_s0_6 = ''
acc_l0_7 = []
acc_d0_8 = {}
errs0_9 = 0
last0_10 = None
for i0_11 in range(3000):
    try:
        acc_l0_7.append(min(9, acc_i0_4))
        if len(acc_l0_7) > 10:
            acc_l0_7.pop(0)
    except Exception as e:
        errs0_9 += 1
        last0_10 = f'{type(e).__name__}: {e}'
    acc_i0_4 = (acc_i0_4 * 666969 + i0_11) % (2**89 - 1)
    try:
        acc_i0_4 = (acc_i0_4 + ((i0_11 >> 20) * '-17'.find('-17'))) % (2**64 + 13)
    except Exception as e:
        errs0_9 += 1
        last0_10 = f'{type(e).__name__}: {e}'
print(acc_i0_4, acc_f0_5, repr(acc_s0_6), acc_l0_7[-6:], sorted(acc_d0_8.items())[:6], errs0_9, last0_10)
# chunk 1
class Base1_12:
    kind = 'Base1_12'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base1_12({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base1_12) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base1_12) else o))
    def __len__(self):
        return abs(self.v) % 11
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
        return self.v + x * 1
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub1_13(Base1_12):
    def __init__(self, v, w=1):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __bool__(self):
        return self.v > 2
objs1_14 = [Base1_12(7), Sub1_13(-3, 3)]
try:
    print([bool(o) for o in objs1_14])
except Exception as e:
    print(type(e).__name__, e)
try:
    print([bool(o) for o in objs1_14])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(objs1_14[0]), objs1_14[0] == objs1_14[1], objs1_14[0] != objs1_14[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs1_14[1].double, objs1_14[1].kind, Sub1_13.make(3), Base1_12.twice(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs1_14[1], Base1_12), issubclass(Sub1_13, Base1_12), type(objs1_14[1]).__name__, Sub1_13.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(objs1_14))
except Exception as e:
    print(type(e).__name__, e)
acc1_15 = 0
for i in range(60):
    o = objs1_14[i % len(objs1_14)]
    acc1_15 = (acc1_15 + o.method(i) + o.double) % (10**20 + 39)
    if i % 173 == 0:
        o.v += 1
print(acc1_15, objs1_14)
# chunk 2
def gen2_16(n):
    for i in range(n):
        if i % 4 == 0:
            continue
        yield 2 ** (i % 70)
    return 'done' + str(n)
print(list(gen2_16(4)))
print(sum(gen2_16(60)) % 1000003)
it2_17 = gen2_16(6)
try:
    while True:
        print(next(it2_17))
except StopIteration as e:
    print('stop', e.value)
def outer2_18(n):
    r = yield from gen2_16(n)
    yield r
    yield len(r)
print(list(outer2_18(3)))
print(sum(x * x for x in range(3000) if x % 5), max((x % 97 for x in range(3000)), default=-1))
print(list(zip(gen2_16(8), 'abcdef')), list(enumerate(gen2_16(4), 1))[-3:])
def acc2_19():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc2_19()
next(c)
for i in range(3000):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen2_16(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
v_b_3_20 = False
acc_i3_21 = 96749
acc_f3_22 = 0.5
acc_s3_23 = ''
acc_l3_24 = []
acc_d3_25 = {}
errs3_26 = 0
last3_27 = None
for i3_28 in range(3000):
    acc_i3_21 = (acc_i3_21 * 257476 + i3_28) % (2**61 - 1)
    try:
        acc_s3_23 = (acc_s3_23 + '42'.join(['3.5', '  pad  ']))[-20:]
    except Exception as e:
        errs3_26 += 1
        last3_27 = f'{type(e).__name__}: {e}'
    try:
        acc_i3_21 = (acc_i3_21 + sum(list(()))) % (2**64 + 13)
    except Exception as e:
        errs3_26 += 1
        last3_27 = f'{type(e).__name__}: {e}'
print(acc_i3_21, acc_f3_22, repr(acc_s3_23), acc_l3_24[-6:], sorted(acc_d3_25.items())[:6], errs3_26, last3_27)
# chunk 4
def gen4_29(n):
    for i in range(n):
        if i % 3 == 0:
            continue
        yield 2 ** (i % 70)
    return 'done' + str(n)
print(list(gen4_29(5)))
print(sum(gen4_29(3000)) % 1000003)
it4_30 = gen4_29(1)
try:
    while True:
        print(next(it4_30))
except StopIteration as e:
    print('stop', e.value)
def outer4_31(n):
    r = yield from gen4_29(n)
    yield r
    yield len(r)
print(list(outer4_31(5)))
print(sum(x * x for x in range(400) if x % 4), max((x % 97 for x in range(400)), default=-1))
print(list(zip(gen4_29(8), 'abcdef')), list(enumerate(gen4_29(1), 1))[-3:])
def acc4_32():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc4_32()
next(c)
for i in range(400):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen4_29(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 5
stack5_33 = []
i = 0
total = 0
while i < 696:
    i += 1
    if i % 4 == 0:
        continue
    stack5_33.append(i)
    if len(stack5_33) > 31:
        total += stack5_33.pop() - stack5_33.pop(0)
    if total > 616558:
        break
else:
    print('no break', i)
print(i, total, stack5_33[-4:])
for a in range(22):
    for b in range(a):
        if (a * b) % 18 == 0:
            print('found', a, b)
            break
    else:
        continue
    if a > 23:
        break
d5_34 = {}
for w in ('tab\there' + ' ' + '-17').split() * 117:
    d5_34[w] = d5_34.get(w, 0) + 1
print(sorted(d5_34.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix5_35 = [[i * 1 + j for j in range(1)] for i in range(1)]
print(matrix5_35, [list(col) for col in zip(*matrix5_35)], sum(map(sum, matrix5_35)))
print({(i, j): v for i, row in enumerate(matrix5_35) for j, v in enumerate(row) if v % 3 == 0})
# chunk 6
class Base6_36:
    kind = 'Base6_36'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base6_36({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base6_36) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base6_36) else o))
    def __len__(self):
        return abs(self.v) % 4
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
        return self.v + x * 1
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub6_37(Base6_36):
    def __init__(self, v, w=2):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __bool__(self):
        return self.v > 2
objs6_38 = [Base6_36(-2), Sub6_37(19, 3)]
try:
    print(sorted(objs6_38))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(objs6_38[0]), objs6_38[0] == objs6_38[1], objs6_38[0] != objs6_38[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs6_38[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs6_38[1], Base6_36), issubclass(Sub6_37, Base6_36), type(objs6_38[1]).__name__, Sub6_37.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs6_38[0].missing)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs6_38[1], Base6_36), issubclass(Sub6_37, Base6_36), type(objs6_38[1]).__name__, Sub6_37.__mro__)
except Exception as e:
    print(type(e).__name__, e)
acc6_39 = 0
for i in range(2100):
    o = objs6_38[i % len(objs6_38)]
    acc6_39 = (acc6_39 + o.method(i) + o.double) % (2**89 - 1)
    if i % 166 == 0:
        o.v += 1
print(acc6_39, objs6_38)
# chunk 7
big7_40 = 1
for i7_41 in range(2100):
    big7_40 = (big7_40 << 1) ^ i7_41
    if big7_40.bit_length() > 200:
        big7_40 = big7_40 % (2**64 + 25) - 2**63
    if i7_41 % 533 == 0:
        print(i7_41, big7_40, big7_40 > 2**63, big7_40 % 1000, big7_40 // 7, big7_40 & 0xFFFF)
print(big7_40, hex(big7_40), -big7_40 >> 3, abs(big7_40) ** 2 % 10**9, float(big7_40), big7_40 == float(big7_40))
y7_42 = big7_40
try:
    print(min((y7_42 ** 5), (8 * y7_42)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({-7, 25}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({'42': 24, 'MiXeD cAsE': 27})
except Exception as e:
    print(type(e).__name__, e)
try:
    print([str(x) for x in [True, 7, 0x7aeee, 0xfb051, (-2**63), 4]])
except Exception as e:
    print(type(e).__name__, e)
