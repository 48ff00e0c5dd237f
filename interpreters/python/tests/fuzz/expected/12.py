# chunk 0
v_set_0_1 = {5, -6, 29, -2}
v_b_0_2 = True
acc_i0_3 = 0x7200d
acc_f0_4 = 0.5
acc_s0_5 = ''
acc_l0_6 = []
acc_d0_7 = {}
errs0_8 = 0
last0_9 = None
for i0_10 in range(2100):
    try:
        acc_s0_5 = (acc_s0_5 + ('x-y-z' + 'line\nbreak'))[-20:]
    except Exception as e:
        errs0_8 += 1
        last0_9 = f'{type(e).__name__}: {e}'
    if i0_10 == 937:
        acc_i0_3 = float(acc_i0_3 % 1000)
    else:
        acc_i0_3 = acc_i0_3 % (2**64 + 13)
    acc_i0_3 += i0_10 * 2**62
    try:
        acc_s0_5 = (acc_s0_5 + bin(5))[-20:]
    except Exception as e:
        errs0_8 += 1
        last0_9 = f'{type(e).__name__}: {e}'
    try:
        if True:
            acc_i0_3 ^= i0_10
        elif i0_10 % 3:
            acc_i0_3 -= 1
    except Exception as e:
        errs0_8 += 1
        last0_9 = f'{type(e).__name__}: {e}'
    acc_i0_3 = (acc_i0_3 * 210011 + i0_10) % (97)
    try:
        acc_i0_3 = (acc_i0_3 + -(0x9ba73 * acc_i0_3)) % (2**89 - 1)
    except Exception as e:
        errs0_8 += 1
        last0_9 = f'{type(e).__name__}: {e}'
print(acc_i0_3, acc_f0_4, repr(acc_s0_5), acc_l0_6[-6:], sorted(acc_d0_7.items())[:6], errs0_8, last0_9)
# chunk 1
def f1_11(a, b=1, *args, c=5, **kw):
    r = (a + 1) * (b - 1)
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f1_11(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_11(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_11(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_11(*[1, 2, 3], **{'q': 1, 'rr': 2}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_11(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_11(3, 4))
except Exception as e:
    print(type(e).__name__, e)
def g1_12(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g1_12(a=1, b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g1_12(1))
except Exception as e:
    print(type(e).__name__, e)
def make1_13(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 6 == 0:
            return x * k + count
        return x - count
    return inner
h1_14 = make1_13(8)
t1_15 = 0
for i in range(60):
    t1_15 = (t1_15 + h1_14(i) + f1_11(i, c=i % 3)) % (2**31 - 1)
print(t1_15, h1_14(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(4)]])
print([fn(10) for fn in [lambda x: x * i for i in range(2)]])
def rec1_16(n):
    return 1 if n <= 1 else n * rec1_16(n - 1)
print(rec1_16(8) % 1000007, len(str(rec1_16(80))))
# chunk 2
def gen2_17(n):
    for i in range(n):
        if i % 4 == 0:
            continue
        yield i * 3 + 1
    return 'done' + str(n)
print(list(gen2_17(8)))
print(sum(gen2_17(400)) % 1000003)
it2_18 = gen2_17(5)
try:
    while True:
        print(next(it2_18))
except StopIteration as e:
    print('stop', e.value)
def outer2_19(n):
    r = yield from gen2_17(n)
    yield r
    yield len(r)
print(list(outer2_19(0)))
print(sum(x * x for x in range(1500) if x % 2), max((x % 97 for x in range(1500)), default=-1))
print(list(zip(gen2_17(8), 'abcdef')), list(enumerate(gen2_17(0), 1))[-3:])
def acc2_20():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc2_20()
next(c)
for i in range(1500):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen2_17(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
v_set_3_21 = set()
v_set_3_22 = {17, 11, -4, 16, -2}
v_t_3_23 = ()
v_li_3_24 = [(-(2**31)), 5, -1, 16, -1, -4]
v_li_3_25 = []
v_d_3_26 = {'abc': 45, 'q"uote\'': 7}
v_set_3_27 = {16, 8}
try:
    print([len(s) for s in sorted(sorted([], key=len), key=len)])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(([len(s) for s in ['3.5', '  pad  ', '-17', 'abc']][-1] // (21851436567263233729242 / abs(6))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(({x % 5 for x in [0, True, 1, 23432][1:1]} | set(v_li_3_25))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((0 * float(sum([1, (2**62)]))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(False)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({len(s) for s in sorted('Hello World'.split(','), key=len)}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list(range((hash(True) ** 4) % 7, (61014 ** 2) % 13, 2)))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
class Base4_28:
    kind = 'Base4_28'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base4_28({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base4_28) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base4_28) else o))
    def __len__(self):
        return abs(self.v) % 6
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
        return self.v + x * 2
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub4_29(Base4_28):
    def __init__(self, v, w=1):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __repr__(self):
        return f'Sub4_29({self.v}, w={self.w})'
objs4_30 = [Base4_28(3), Sub4_29(5, 2)]
try:
    print(objs4_30[0].__dict__, hasattr(objs4_30[0], 'w'), getattr(objs4_30[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len({o for o in objs4_30}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(objs4_30))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len({o for o in objs4_30}))
except Exception as e:
    print(type(e).__name__, e)
acc4_31 = 0
for i in range(400):
    o = objs4_30[i % len(objs4_30)]
    acc4_31 = (acc4_31 + o.method(i) + o.double) % (2**64 + 13)
    if i % 155 == 0:
        o.v += 1
print(acc4_31, objs4_30)
