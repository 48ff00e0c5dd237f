# chunk 0
class MyError0_1(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log0_3 = []
def risky0_2(x):
    try:
        if x % 3 == 0:
            raise MyError0_1(x)
        r = 10 // (x % 4)
        r += [1, 2, 3][x % 3]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError0_1 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log0_3.append(x)
for x in range(7):
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
for i in range(1200):
    try:
        risky0_2(i)
    except Exception as e:
        counts0_4[type(e).__name__] = counts0_4.get(type(e).__name__, 0) + 1
print(sorted(counts0_4.items()), len(log0_3))
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
    print(dict([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1).real.bad)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(float('nan')))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({1: 2}[3])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(2.0 ** 10000)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(chr(-1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(10 ** -1 // 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(next(iter([])))
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
v_t_1_5 = ()
acc_i1_6 = 0x487b5
acc_f1_7 = 1.5
acc_s1_8 = ''
acc_l1_9 = []
acc_d1_10 = {}
errs1_11 = 0
last1_12 = None
for i1_13 in range(400):
    acc_d1_10[i1_13 % 7] = acc_d1_10.get(i1_13 % 7, 0) + 1
    try:
        acc_s1_8 = (acc_s1_8 + repr(0.5))[-20:]
    except Exception as e:
        errs1_11 += 1
        last1_12 = f'{type(e).__name__}: {e}'
    if i1_13 % 6 == 0:
        acc_f1_7 = acc_f1_7 * 0.5 + i1_13 / 7.0
    else:
        acc_s1_8 = (acc_s1_8 + str(i1_13 % 10))[-30:]
    if i1_13 % 3 == 0:
        try:
            acc_f1_7 += round(100.75, 2)
            acc_s1_8 = (acc_s1_8 + '\u20ac\u4e2d'.replace('\u00fcn\u00efc\u00f6de', 'Hello World'))[-12:]
        except Exception:
            pass
    try:
        if '42'.startswith('  pad  '):
            acc_i1_6 ^= i1_13
        elif i1_13 % 3:
            acc_i1_6 -= 1
    except Exception as e:
        errs1_11 += 1
        last1_12 = f'{type(e).__name__}: {e}'
    try:
        acc_s1_8 = (acc_s1_8 + ('tab\there' + 'MiXeD cAsE'))[-20:]
    except Exception as e:
        errs1_11 += 1
        last1_12 = f'{type(e).__name__}: {e}'
    try:
        acc_i1_6 = (acc_i1_6 + (i1_13 ^ acc_i1_6)) % (2**89 - 1)
    except Exception as e:
        errs1_11 += 1
        last1_12 = f'{type(e).__name__}: {e}'
print(acc_i1_6, acc_f1_7, repr(acc_s1_8), acc_l1_9[-6:], sorted(acc_d1_10.items())[:6], errs1_11, last1_12)
# chunk 2
class Base2_14:
    kind = 'Base2_14'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base2_14({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base2_14) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base2_14) else o))
    def __len__(self):
        return abs(self.v) % 5
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
        return self.v + x * 3
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub2_15(Base2_14):
    def __init__(self, v, w=2):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __repr__(self):
        return f'Sub2_15({self.v}, w={self.w})'
objs2_16 = [Base2_14(1), Sub2_15(8, 1), Base2_14(3), Sub2_15(1, 1)]
try:
    print(isinstance(objs2_16[1], Base2_14), issubclass(Sub2_15, Base2_14), type(objs2_16[1]).__name__, Sub2_15.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs2_16[0] < 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs2_16[0].missing)
except Exception as e:
    print(type(e).__name__, e)
try:
    objs2_16[0].double = 13
    print(objs2_16[0].v, objs2_16[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs2_16[1].double, objs2_16[1].kind, Sub2_15.make(3), Base2_14.twice(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs2_16[1].double, objs2_16[1].kind, Sub2_15.make(3), Base2_14.twice(4))
except Exception as e:
    print(type(e).__name__, e)
acc2_17 = 0
for i in range(400):
    o = objs2_16[i % len(objs2_16)]
    acc2_17 = (acc2_17 + o.method(i) + o.double) % (2**64 + 13)
    if i % 158 == 0:
        o.v += 1
print(acc2_17, objs2_16)
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
        r += [1, 2, 3][x % 5]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError3_18 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log3_20.append(x)
for x in range(6):
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
for i in range(60):
    try:
        risky3_19(i)
    except Exception as e:
        counts3_21[type(e).__name__] = counts3_21.get(type(e).__name__, 0) + 1
print(sorted(counts3_21.items()), len(log3_20))
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
    print(len(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1, 2].index(7))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('x'.foo())
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1, 2].index(7))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
class Base4_22:
    kind = 'Base4_22'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base4_22({self.v!r})'
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base4_22) else o))
    def __len__(self):
        return abs(self.v) % 6
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
        return self.v + x * 2
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub4_23(Base4_22):
    def __init__(self, v, w=4):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __repr__(self):
        return f'Sub4_23({self.v}, w={self.w})'
    def __bool__(self):
        return self.v > 2
objs4_24 = [Base4_22(10), Sub4_23(0, 3), Base4_22(7)]
try:
    print(objs4_24[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_24[0] + objs4_24[1], objs4_24[1] + 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(objs4_24[0]), objs4_24[0] == objs4_24[1], objs4_24[0] != objs4_24[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print([bool(o) for o in objs4_24])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(objs4_24[0]), objs4_24[0] == objs4_24[1], objs4_24[0] != objs4_24[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_24[0].missing)
except Exception as e:
    print(type(e).__name__, e)
acc4_25 = 0
for i in range(2100):
    o = objs4_24[i % len(objs4_24)]
    acc4_25 = (acc4_25 + o.method(i) + o.double) % (2**64 + 13)
    if i % 241 == 0:
        o.v += 1
print(acc4_25, objs4_24)
