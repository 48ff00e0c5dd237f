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
class Sub0_2(Base0_1):
    def __init__(self, v, w=2):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __repr__(self):
        return f'Sub0_2({self.v}, w={self.w})'
objs0_3 = [Base0_1(14), Sub0_2(7, 3), Base0_1(5)]
try:
    print(isinstance(objs0_3[1], Base0_1), issubclass(Sub0_2, Base0_1), type(objs0_3[1]).__name__, Sub0_2.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    objs0_3[0].double = 13
    print(objs0_3[0].v, objs0_3[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(max(objs0_3), min(objs0_3, key=lambda o: -o.v))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs0_3[0] + objs0_3[1], objs0_3[1] + 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(objs0_3[0]), objs0_3[0] == objs0_3[1], objs0_3[0] != objs0_3[0])
except Exception as e:
    print(type(e).__name__, e)
acc0_4 = 0
for i in range(400):
    o = objs0_3[i % len(objs0_3)]
    acc0_4 = (acc0_4 + o.method(i) + o.double) % (2**61 - 1)
    if i % 160 == 0:
        o.v += 1
print(acc0_4, objs0_3)
# chunk 1
v_s_1_5 = '\u20ac\u4e2d'
v_i_1_6 = 16
v_t_1_7 = ()
v_i_1_8 = 14
v_set_1_9 = {14}
try:
    print((2 >> 42))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(int(1/3)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([v_s_1_5, (v_s_1_5 if True else v_s_1_5).join(list('tab\there')[:8])])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(format(int(('' if True else '\u20ac\u4e2d')), 'x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted((dict.fromkeys([], 7) | dict(zip(['tab\there', 'Hello World', '\u20ac\u4e2d', 'abc'], [46136917168309850846531, 14025, 0, 1])))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list('')[:8])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(divmod(v_i_1_6, v_s_1_5.index('-17')))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({len(s) for s in list(v_s_1_5)[:8]}))
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
stack2_10 = []
i = 0
total = 0
while i < 2227:
    i += 1
    if i % 7 == 0:
        continue
    stack2_10.append(i)
    if len(stack2_10) > 38:
        total += stack2_10.pop() - stack2_10.pop(0)
    if total > 240056:
        break
else:
    print('no break', i)
print(i, total, stack2_10[-4:])
for a in range(19):
    for b in range(a):
        if (a * b) % 14 == 5:
            print('found', a, b)
            break
    else:
        continue
    if a > 14:
        break
d2_11 = {}
for w in ('abc' + ' ' + 'tab\there').split() * 172:
    d2_11[w] = d2_11.get(w, 0) + 1
print(sorted(d2_11.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix2_12 = [[i * 4 + j for j in range(4)] for i in range(2)]
print(matrix2_12, [list(col) for col in zip(*matrix2_12)], sum(map(sum, matrix2_12)))
print({(i, j): v for i, row in enumerate(matrix2_12) for j, v in enumerate(row) if v % 3 == 0})
# chunk 3
big3_13 = -1
for i3_14 in range(3000):
    big3_13 = -big3_13 + i3_14 * i3_14
    if big3_13.bit_length() > 300:
        big3_13 = big3_13 % (2**64 + 92) - 2**63
    if i3_14 % 757 == 0:
        print(i3_14, big3_13, big3_13 > 2**63, big3_13 % 1000, big3_13 // 7, big3_13 & 0xFFFF)
print(big3_13, hex(big3_13), -big3_13 >> 3, abs(big3_13) ** 2 % 10**9, float(big3_13), big3_13 == float(big3_13))
y3_15 = big3_13
try:
    print((7 ^ (y3_15 % y3_15)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(divmod((y3_15 * False), 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(format((-5 / 4), '10.4f'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(False)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(((4 + y3_15) >> 66))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
v_set_4_16 = set()
v_b_4_17 = True
v_d_4_18 = {'': 47, 'Hello World': 33, '\u20ac\u4e2d': 21}
acc_i4_19 = -1
acc_f4_20 = 0.0
acc_s4_21 = ''
acc_l4_22 = []
acc_d4_23 = {}
errs4_24 = 0
last4_25 = None
for i4_26 in range(400):
    if i4_26 % 5 == 1:
        acc_f4_20 = acc_f4_20 * 0.5 + i4_26 / 7.0
    else:
        acc_s4_21 = (acc_s4_21 + str(i4_26 % 10))[-9:]
    if i4_26 % 31 == 0:
        try:
            acc_f4_20 += 3.14159
            acc_s4_21 = (acc_s4_21 + repr(['', 'x-y-z']))[-12:]
        except Exception:
            pass
    if i4_26 == 200:
        acc_i4_19 = acc_i4_19 + 2 ** 106
    try:
        acc_i4_19 = (acc_i4_19 + (hash(0xe9f39) - (i4_26 ^ i4_26))) % (1000003)
    except Exception as e:
        errs4_24 += 1
        last4_25 = f'{type(e).__name__}: {e}'
print(acc_i4_19, acc_f4_20, repr(acc_s4_21), acc_l4_22[-6:], sorted(acc_d4_23.items())[:6], errs4_24, last4_25)
# chunk 5
def gen5_27(n):
    for i in range(n):
        if i % 2 == 0:
            continue
        yield i * i
    return 'done' + str(n)
print(list(gen5_27(12)))
print(sum(gen5_27(60)) % 1000003)
it5_28 = gen5_27(0)
try:
    while True:
        print(next(it5_28))
except StopIteration as e:
    print('stop', e.value)
def outer5_29(n):
    r = yield from gen5_27(n)
    yield r
    yield len(r)
print(list(outer5_29(3)))
print(sum(x * x for x in range(1500) if x % 5), max((x % 97 for x in range(1500)), default=-1))
print(list(zip(gen5_27(8), 'abcdef')), list(enumerate(gen5_27(5), 1))[-3:])
def acc5_30():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc5_30()
next(c)
for i in range(1500):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen5_27(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
