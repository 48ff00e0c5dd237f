# chunk 0
class Base0_1:
    kind = 'Base0_1'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base0_1({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base0_1) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base0_1) else o))
    def __len__(self):
        return abs(self.v) % 8
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
        return self.v + x * 3
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
    def __bool__(self):
        return self.v > 2
objs0_3 = [Base0_1(4), Sub0_2(15, 2)]
try:
    print(list(objs0_3[0]), list(objs0_3[-1]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs0_3[0] < 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    objs0_3[0].double = 13
    print(objs0_3[0].v, objs0_3[0])
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
    print(objs0_3[1].double, objs0_3[1].kind, Sub0_2.make(3), Base0_1.twice(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs0_3[1].double, objs0_3[1].kind, Sub0_2.make(3), Base0_1.twice(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs0_3[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
acc0_4 = 0
for i in range(1200):
    o = objs0_3[i % len(objs0_3)]
    acc0_4 = (acc0_4 + o.method(i) + o.double) % (1000003)
    if i % 76 == 0:
        o.v += 1
print(acc0_4, objs0_3)
# chunk 1
class Base1_5:
    kind = 'Base1_5'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base1_5({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base1_5) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base1_5) else o))
    def __len__(self):
        return abs(self.v) % 7
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
        return self.v + x * 2
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub1_6(Base1_5):
    def __init__(self, v, w=1):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
objs1_7 = [Base1_5(10), Sub1_6(-1, 1), Base1_5(18), Sub1_6(-2, 2), Base1_5(15)]
try:
    print(objs1_7[0].__dict__, hasattr(objs1_7[0], 'w'), getattr(objs1_7[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs1_7[0].__dict__, hasattr(objs1_7[0], 'w'), getattr(objs1_7[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs1_7[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs1_7[0].__dict__, hasattr(objs1_7[0], 'w'), getattr(objs1_7[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(objs1_7[0]), objs1_7[0] == objs1_7[1], objs1_7[0] != objs1_7[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs1_7[0] + objs1_7[1], objs1_7[1] + 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs1_7[0].missing)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(max(objs1_7), min(objs1_7, key=lambda o: -o.v))
except Exception as e:
    print(type(e).__name__, e)
acc1_8 = 0
for i in range(400):
    o = objs1_7[i % len(objs1_7)]
    acc1_8 = (acc1_8 + o.method(i) + o.double) % (1000003)
    if i % 56 == 0:
        o.v += 1
print(acc1_8, objs1_7)
# chunk 2
v_li_2_9 = [27644, 58193247925927594003985, 45943042910305927471202, -2, 9, -1]
acc_i2_10 = 17
acc_f2_11 = 3.14159
acc_s2_12 = ''
acc_l2_13 = []
acc_d2_14 = {}
errs2_15 = 0
last2_16 = None
for i2_17 in range(400):
    acc_i2_10 = acc_i2_10 // 2 if i2_17 % 4 else acc_i2_10 * 5
    try:
        acc_s2_12 = (acc_s2_12 + '\u00fcn\u00efc\u00f6de'.casefold())[-20:]
    except Exception as e:
        errs2_15 += 1
        last2_16 = f'{type(e).__name__}: {e}'
    try:
        acc_l2_13.append((i2_17 // i2_17))
        if len(acc_l2_13) > 30:
            acc_l2_13.pop(0)
    except Exception as e:
        errs2_15 += 1
        last2_16 = f'{type(e).__name__}: {e}'
    acc_i2_10 += i2_17 * 2**62
    try:
        acc_i2_10 = (acc_i2_10 + (abs(15) if True else (i2_17 // i2_17))) % (2**31 - 1)
    except Exception as e:
        errs2_15 += 1
        last2_16 = f'{type(e).__name__}: {e}'
print(acc_i2_10, acc_f2_11, repr(acc_s2_12), acc_l2_13[-6:], sorted(acc_d2_14.items())[:6], errs2_15, last2_16)
# chunk 3
class MyError3_18(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log3_20 = []
def risky3_19(x):
    try:
        if x % 5 == 0:
            raise MyError3_18(x)
        r = 10 // (x % 2)
        r += [1, 2, 3][x % 3]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError3_18 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log3_20.append(x)
for x in range(12):
    try:
        print(risky3_19(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log3_20), log3_20[-3:])
counts3_21 = {}
for i in range(1500):
    try:
        risky3_19(i)
    except Exception as e:
        counts3_21[type(e).__name__] = counts3_21.get(type(e).__name__, 0) + 1
print(sorted(counts3_21.items()), len(log3_20))
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
    print(2.0 ** 10000)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(float('x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(round(1.5, 'x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1] + (2,))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(ord('ab'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(''))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(2.0 ** 10000)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(2.0 / 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1][5])
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
def gen4_22(n):
    for i in range(n):
        if i % 4 == 0:
            continue
        yield -i
    return 'done' + str(n)
print(list(gen4_22(8)))
print(sum(gen4_22(3000)) % 1000003)
it4_23 = gen4_22(6)
try:
    while True:
        print(next(it4_23))
except StopIteration as e:
    print('stop', e.value)
def outer4_24(n):
    r = yield from gen4_22(n)
    yield r
    yield len(r)
print(list(outer4_24(4)))
print(sum(x * x for x in range(60) if x % 4), max((x % 97 for x in range(60)), default=-1))
print(list(zip(gen4_22(8), 'abcdef')), list(enumerate(gen4_22(4), 1))[-3:])
def acc4_25():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc4_25()
next(c)
for i in range(60):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen4_22(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 5
v_set_5_26 = {6, -3}
v_b_5_27 = False
v_t_5_28 = (19,)
try:
    print(dict(zip(sorted([str(x) for x in [15, -1, -3, 0x95c59]], key=len), list(range((50366 >> 51) % 7, (2 - 14) % 13, 3)))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(('3.5' + 'a,b,,c').split('-'), key=len))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(({len(s) for s in ['\u00fcn\u00efc\u00f6de', '\u20ac\u4e2d']} & {x % 7 for x in list(v_t_5_28)})))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(v_t_5_28)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(''.startswith((lambda a, b, c, d: f'{a:>6}|{b:.3f}|{c!r}|{d:,}')(int('abc'), (8 / 10), ('MiXeD cAsE' + 'MiXeD cAsE'), abs(54831))))
except Exception as e:
    print(type(e).__name__, e)
