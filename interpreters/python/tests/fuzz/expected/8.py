# chunk 0
def f0_1(a, b=-1, *args, c=5, **kw):
    r = (a + 1) * (b - 1)
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f0_1(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1(2.5, c=1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1('s', 'y', c=''))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f0_1(2.5, c=1))
except Exception as e:
    print(type(e).__name__, e)
def g0_2(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g0_2(1, 2, 3))
except Exception as e:
    print(type(e).__name__, e)
def make0_3(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 5 == 0:
            return x * k + count
        return x - count
    return inner
h0_4 = make0_3(3)
t0_5 = 0
for i in range(2100):
    t0_5 = (t0_5 + h0_4(i) + f0_1(i, c=i % 3)) % (2**61 - 1)
print(t0_5, h0_4(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(3)]])
print([fn(10) for fn in [lambda x: x * i for i in range(2)]])
def rec0_6(n):
    return 1 if n <= 1 else n * rec0_6(n - 1)
print(rec0_6(7) % 1000007, len(str(rec0_6(128))))
# chunk 1
big1_7 = 3**39
for i1_8 in range(400):
    big1_7 = (big1_7 << 1) ^ i1_8
    if big1_7.bit_length() > 64:
        big1_7 = big1_7 % (2**64 + 73) - 2**63
    if i1_8 % 108 == 0:
        print(i1_8, big1_7, big1_7 > 2**63, big1_7 % 1000, big1_7 // 7, big1_7 & 0xFFFF)
print(big1_7, hex(big1_7), -big1_7 >> 3, abs(big1_7) ** 2 % 10**9, float(big1_7), big1_7 == float(big1_7))
y1_9 = big1_7
try:
    print(dict(zip([], [1, 47907, 4, 41849])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(max((1.5 + 35992), float(0x9c863)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({})
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
stack2_10 = []
i = 0
total = 0
while i < 1892:
    i += 1
    if i % 5 == 0:
        continue
    stack2_10.append(i)
    if len(stack2_10) > 14:
        total += stack2_10.pop() - stack2_10.pop(0)
    if total > 109388:
        break
else:
    print('no break', i)
print(i, total, stack2_10[-4:])
for a in range(36):
    for b in range(a):
        if (a * b) % 22 == 4:
            print('found', a, b)
            break
    else:
        continue
    if a > 3:
        break
d2_11 = {}
for w in ('Hello World' + ' ' + 'abc').split() * 12:
    d2_11[w] = d2_11.get(w, 0) + 1
print(sorted(d2_11.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix2_12 = [[i * 2 + j for j in range(2)] for i in range(6)]
print(matrix2_12, [list(col) for col in zip(*matrix2_12)], sum(map(sum, matrix2_12)))
print({(i, j): v for i, row in enumerate(matrix2_12) for j, v in enumerate(row) if v % 3 == 0})
# chunk 3
class MyError3_13(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log3_15 = []
def risky3_14(x):
    try:
        if x % 4 == 0:
            raise MyError3_13(x)
        r = 10 // (x % 5)
        r += [1, 2, 3][x % 3]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError3_13 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log3_15.append(x)
for x in range(6):
    try:
        print(risky3_14(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log3_15), log3_15[-3:])
counts3_16 = {}
for i in range(2100):
    try:
        risky3_14(i)
    except Exception as e:
        counts3_16[type(e).__name__] = counts3_16.get(type(e).__name__, 0) + 1
print(sorted(counts3_16.items()), len(log3_15))
try:
    try:
        {}[1]
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
    print({}['missing'])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(round(1.5, 'x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list(range(3))[::0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(float('x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(pow(2, -1, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(10 ** -1 // 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int('12', 1))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
def f4_17(a, b=-1, *args, c=3, **kw):
    r = a + b
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f4_17())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_17(*[1, 2, 3], **{'q': 1, 'rr': 2}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_17(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_17(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_17(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_17(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
def g4_18(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g4_18(1, 2, 3))
except Exception as e:
    print(type(e).__name__, e)
def make4_19(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 3 == 0:
            return x * k + count
        return x - count
    return inner
h4_20 = make4_19(9)
t4_21 = 0
for i in range(1200):
    t4_21 = (t4_21 + h4_20(i) + f4_17(i, c=i % 3)) % (2**61 - 1)
print(t4_21, h4_20(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(1)]])
print([fn(10) for fn in [lambda x: x * i for i in range(4)]])
def rec4_22(n):
    return 1 if n <= 1 else n * rec4_22(n - 1)
print(rec4_22(13) % 1000007, len(str(rec4_22(167))))
# chunk 5
class Base5_23:
    kind = 'Base5_23'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base5_23({self.v!r})'
    def __lt__(self, o):
        return self.v < o.v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base5_23) else o))
    def __len__(self):
        return abs(self.v) % 3
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
        return self.v + x * 2
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def twice(x):
        return x * 2
class Sub5_24(Base5_23):
    def __init__(self, v, w=3):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __bool__(self):
        return self.v > 2
objs5_25 = [Base5_23(1), Sub5_24(-2, 3), Base5_23(18), Sub5_24(18, 1)]
try:
    print(sorted(objs5_25))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(isinstance(objs5_25[1], Base5_23), issubclass(Sub5_24, Base5_23), type(objs5_25[1]).__name__, Sub5_24.__mro__)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len({o for o in objs5_25}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([bool(o) for o in objs5_25])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs5_25[0] < 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    objs5_25[0].double = 13
    print(objs5_25[0].v, objs5_25[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs5_25[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
acc5_26 = 0
for i in range(1500):
    o = objs5_25[i % len(objs5_25)]
    acc5_26 = (acc5_26 + o.method(i) + o.double) % (10**20 + 39)
    if i % 226 == 0:
        o.v += 1
print(acc5_26, objs5_25)
# chunk 6
def f6_27(a, b=-1, *args, c=0, **kw):
    r = a * b - c
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f6_27(2.5, c=1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f6_27())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f6_27(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f6_27(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f6_27(2.5, c=1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f6_27(b=2))
except Exception as e:
    print(type(e).__name__, e)
def g6_28(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g6_28(1, b=2, c=3))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g6_28(1, 2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g6_28(1))
except Exception as e:
    print(type(e).__name__, e)
def make6_29(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 7 == 0:
            return x * k + count
        return x - count
    return inner
h6_30 = make6_29(1)
t6_31 = 0
for i in range(2100):
    t6_31 = (t6_31 + h6_30(i) + f6_27(i, c=i % 3)) % (2**89 - 1)
print(t6_31, h6_30(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(3)]])
print([fn(10) for fn in [lambda x: x * i for i in range(1)]])
def rec6_32(n):
    return 1 if n <= 1 else n * rec6_32(n - 1)
print(rec6_32(27) % 1000007, len(str(rec6_32(156))))
# chunk 7
class MyError7_33(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log7_35 = []
def risky7_34(x):
    try:
        if x % 3 == 0:
            raise MyError7_33(x)
        r = 10 // (x % 4)
        r += [1, 2, 3][x % 6]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError7_33 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log7_35.append(x)
for x in range(7):
    try:
        print(risky7_34(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log7_35), log7_35[-3:])
counts7_36 = {}
for i in range(1500):
    try:
        risky7_34(i)
    except Exception as e:
        counts7_36[type(e).__name__] = counts7_36.get(type(e).__name__, 0) + 1
print(sorted(counts7_36.items()), len(log7_35))
try:
    try:
        {}[1]
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
    print(sorted([1, 'a']))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(tuple(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(10 ** -1 // 0)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(None + 1)
except Exception as e:
    print(type(e).__name__, e)
