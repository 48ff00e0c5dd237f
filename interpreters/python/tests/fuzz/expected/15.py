# chunk 0
big0_1 = -(2**63) + 3
for i0_2 in range(400):
    big0_1 = (big0_1 << 1) ^ i0_2
    if big0_1.bit_length() > 300:
        big0_1 = big0_1 % (2**64 + 25) - 2**63
    if i0_2 % 102 == 0:
        print(i0_2, big0_1, big0_1 > 2**63, big0_1 % 1000, big0_1 // 7, big0_1 & 0xFFFF)
print(big0_1, hex(big0_1), -big0_1 >> 3, abs(big0_1) ** 2 % 10**9, float(big0_1), big0_1 == float(big0_1))
y0_3 = big0_1
try:
    print({set([3]): 1})
except Exception as e:
    print(type(e).__name__, e)
try:
    print(tuple(list((14,))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(7.0)
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
def f1_4(a, b=-3, *args, c=0, **kw):
    r = a - b * 2
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f1_4(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_4(2.5, c=1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_4(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_4())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f1_4(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
def g1_5(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g1_5(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g1_5(1, b=2, c=3))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g1_5(a=1, b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g1_5(1))
except Exception as e:
    print(type(e).__name__, e)
def make1_6(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 3 == 0:
            return x * k + count
        return x - count
    return inner
h1_7 = make1_6(8)
t1_8 = 0
for i in range(60):
    t1_8 = (t1_8 + h1_7(i) + f1_4(i, c=i % 3)) % (2**31 - 1)
print(t1_8, h1_7(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(3)]])
print([fn(10) for fn in [lambda x: x * i for i in range(4)]])
def rec1_9(n):
    return 1 if n <= 1 else n * rec1_9(n - 1)
print(rec1_9(52) % 1000007, len(str(rec1_9(157))))
# chunk 2
def gen2_10(n):
    for i in range(n):
        if i % 4 == 0:
            continue
        yield 2 ** (i % 70)
    return 'done' + str(n)
print(list(gen2_10(7)))
print(sum(gen2_10(2100)) % 1000003)
it2_11 = gen2_10(2)
try:
    while True:
        print(next(it2_11))
except StopIteration as e:
    print('stop', e.value)
def outer2_12(n):
    r = yield from gen2_10(n)
    yield r
    yield len(r)
print(list(outer2_12(2)))
print(sum(x * x for x in range(400) if x % 5), max((x % 97 for x in range(400)), default=-1))
print(list(zip(gen2_10(8), 'abcdef')), list(enumerate(gen2_10(3), 1))[-3:])
def acc2_13():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc2_13()
next(c)
for i in range(400):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen2_10(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
v_b_3_14 = True
v_ls_3_15 = []
v_f_3_16 = 7.0
v_li_3_17 = [8615412002513947650676]
try:
    print(sorted({'a,b,,c': -1, '': 42}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(48961)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({x % 7 for x in list(tuple([]))}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(('MiXeD cAsE' * 2).startswith(('q"uote\'' + ('abc' + 'x-y-z'))))
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
class Base4_18:
    kind = 'Base4_18'
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Base4_18({self.v!r})'
    def __eq__(self, o):
        return isinstance(o, Base4_18) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Base4_18) else o))
    def __len__(self):
        return abs(self.v) % 6
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
class Sub4_19(Base4_18):
    def __init__(self, v, w=4):
        super().__init__(v)
        self.w = w
    def method(self, x):
        return super().method(x) * self.w - 1
    def __bool__(self):
        return self.v > 2
objs4_20 = [Base4_18(4), Sub4_19(-5, 1)]
try:
    print(objs4_20[0] + 'x')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_20[0].__dict__, hasattr(objs4_20[0], 'w'), getattr(objs4_20[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(max(objs4_20), min(objs4_20, key=lambda o: -o.v))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([bool(o) for o in objs4_20])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(objs4_20[0]), objs4_20[0] == objs4_20[1], objs4_20[0] != objs4_20[0])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(objs4_20[0].__dict__, hasattr(objs4_20[0], 'w'), getattr(objs4_20[0], 'w', 'none'))
except Exception as e:
    print(type(e).__name__, e)
acc4_21 = 0
for i in range(400):
    o = objs4_20[i % len(objs4_20)]
    acc4_21 = (acc4_21 + o.method(i) + o.double) % (97)
    if i % 273 == 0:
        o.v += 1
print(acc4_21, objs4_20)
# chunk 5
def gen5_22(n):
    for i in range(n):
        if i % 2 == 0:
            continue
        yield i // 2
    return 'done' + str(n)
print(list(gen5_22(0)))
print(sum(gen5_22(1200)) % 1000003)
it5_23 = gen5_22(2)
try:
    while True:
        print(next(it5_23))
except StopIteration as e:
    print('stop', e.value)
def outer5_24(n):
    r = yield from gen5_22(n)
    yield r
    yield len(r)
print(list(outer5_24(6)))
print(sum(x * x for x in range(1200) if x % 2), max((x % 97 for x in range(1200)), default=-1))
print(list(zip(gen5_22(8), 'abcdef')), list(enumerate(gen5_22(0), 1))[-3:])
def acc5_25():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc5_25()
next(c)
for i in range(1200):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen5_22(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 6
class MyError6_26(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log6_28 = []
def risky6_27(x):
    try:
        if x % 2 == 0:
            raise MyError6_26(x)
        r = 10 // (x % 2)
        r += [1, 2, 3][x % 7]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError6_26 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log6_28.append(x)
for x in range(7):
    try:
        print(risky6_27(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log6_28), log6_28[-3:])
counts6_29 = {}
for i in range(400):
    try:
        risky6_27(i)
    except Exception as e:
        counts6_29[type(e).__name__] = counts6_29.get(type(e).__name__, 0) + 1
print(sorted(counts6_29.items()), len(log6_28))
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
    print(int(10**5000))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(float(10 ** 400))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(next(iter([])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1, 2, 3].remove(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(''))
except Exception as e:
    print(type(e).__name__, e)
