# chunk 0
v_i_0_1 = 2
v_b_0_2 = True
v_set_0_3 = set()
v_d_0_4 = {'q"uote\'': 31, 'tab\there': 9}
v_set_0_5 = {9, -6, 15, 13, 28}
v_s_0_6 = 'line\nbreak'
try:
    print({28, 7} < list(v_s_0_6)[:8])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(dict(zip(['', '42', '\u20ac\u4e2d', '\u20ac\u4e2d'], [87195]))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({len(s) for s in sorted(v_d_0_4)}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(dict(zip(['a,b,,c', 'tab\there', 'a,b,,c'], ([-3] + [])[-4:5])))
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
class Base1_7:
    kind = 'Base1_7'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base1_7({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base1_7) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base1_7) else o))
    def __len__(self):
        return abs(self.v) % 3
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
class Sub1_8(Base1_7):
    def __init__(self, v, w=1):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
objs1_9 = [Base1_7(9), Sub1_8(5, 3), Base1_7(2), Sub1_8(-1, 3)]
try:
    print(objs1_9[0].__dict__, hasattr(objs1_9[0], 'w'), getattr(objs1_9[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len({o for o in objs1_9}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(max(objs1_9), min(objs1_9, key=lambda o: -o.v))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(objs1_9))
except Exception as e:
    print(type(e).__name__, e)
try:
    objs1_9[0].double = 13
    print(objs1_9[0].v, objs1_9[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs1_9[0].__dict__, hasattr(objs1_9[0], 'w'), getattr(objs1_9[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
acc1_10 = 0
for i in range(1500):
    o = objs1_9[i % len(objs1_9)]
    acc1_10 = (acc1_10 + o.method(i) + o.double) % (2**64 + 13)
    if i % 150 == 0:
        o.v += 1
print(acc1_10, objs1_9)
# chunk 2
class Base2_11:
    kind = 'Base2_11'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base2_11({self.v!r})'
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base2_11) else o))
    def __len__(self):
        return abs(self.v) % 5
    def __getitem__(self, i):
        if i >= 1:
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
class Sub2_12(Base2_11):
    def __init__(self, v, w=1):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __bool__(self):
        return self.v > 2
objs2_13 = [Base2_11(-2), Sub2_12(1, 3), Base2_11(20), Sub2_12(2, 2), Base2_11(13), Sub2_12(4, 2)]
try:
    print(objs2_13[0] < 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs2_13[0].missing)
except Exception as e:
    print(type(e).__name__, e)
try:
    objs2_13[0].double = 13
    print(objs2_13[0].v, objs2_13[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs2_13[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs2_13[1], Base2_11), issubclass(Sub2_12, Base2_11), type(objs2_13[1]).__name__, Sub2_12.__mro__)
except Exception as e:
    print(type(e).__name__, e)
acc2_14 = 0
for i in range(60):
    o = objs2_13[i % len(objs2_13)]
    acc2_14 = (acc2_14 + o.method(i) + o.double) % (10**20 + 39)
    if i % 139 == 0:
        o.v += 1
print(acc2_14, objs2_13)
# chunk 3
class MyError3_15(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log3_17 = []
def risky3_16(x):
    try:
        if x % 5 == 0:
            raise MyError3_15(x)
        r = 10 // (x % 3)
        r += [1, 2, 3][x % 7]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError3_15 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log3_17.append(x)
for x in range(9):
    try:
        print(risky3_16(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log3_17), log3_17[-3:])
counts3_18 = {}
for i in range(1500):
    try:
        risky3_16(i)
    except Exception as e:
        counts3_18[type(e).__name__] = counts3_18.get(type(e).__name__, 0) + 1
print(sorted(counts3_18.items()), len(log3_17))
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
    print(divmod(1, 0))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({}.popitem())
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1).real.bad)
except Exception as e:
    print(type(e).__name__, e)
try:
    print({}['missing'])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(float('nan')))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
class Base4_19:
    kind = 'Base4_19'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base4_19({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base4_19) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base4_19) else o))
    def __len__(self):
        return abs(self.v) % 4
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
class Sub4_20(Base4_19):
    def __init__(self, v, w=2):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
objs4_21 = [Base4_19(17), Sub4_20(-2, 3), Base4_19(2)]
try:
    print(sorted(objs4_21))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_21[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_21[1].double, objs4_21[1].kind, Sub4_20.make(3), Base4_19.twice(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs4_21[1], Base4_19), issubclass(Sub4_20, Base4_19), type(objs4_21[1]).__name__, Sub4_20.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_21[0].__dict__, hasattr(objs4_21[0], 'w'), getattr(objs4_21[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs4_21[1], Base4_19), issubclass(Sub4_20, Base4_19), type(objs4_21[1]).__name__, Sub4_20.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_21[0] + objs4_21[1], objs4_21[1] + 5)
except Exception as e:
    print(type(e).__name__, e)
acc4_22 = 0
for i in range(1200):
    o = objs4_21[i % len(objs4_21)]
    acc4_22 = (acc4_22 + o.method(i) + o.double) % (97)
    if i % 228 == 0:
        o.v += 1
print(acc4_22, objs4_21)
