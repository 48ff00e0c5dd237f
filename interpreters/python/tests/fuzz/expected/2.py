# chunk 0
big0_1 = 1
for i0_2 in range(400):
    big0_1 = big0_1 - (1 << 62)
    if big0_1.bit_length() > 64:
        big0_1 = big0_1 % (2**64 + 34) - 2**63
    if i0_2 % 113 == 0:
        print(i0_2, big0_1, big0_1 > 2**63, big0_1 % 1000, big0_1 // 7, big0_1 & 0xFFFF)
print(big0_1, hex(big0_1), -big0_1 >> 3, abs(big0_1) ** 2 % 10**9, float(big0_1), big0_1 == float(big0_1))
y0_3 = big0_1
try:
    print([])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(() + 'q"uote\''.split('-'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(((17, 0, 81429, 65629) + ((2**63 - 1), 10537, 10983)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(pow(int('a,b,,c'), ((10**18) - True), -1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((y0_3, 15)[-2:])
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
class MyError1_4(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log1_6 = []
def risky1_5(x):
    try:
        if x % 5 == 0:
            raise MyError1_4(x)
        r = 10 // (x % 5)
        r += [1, 2, 3][x % 3]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError1_4 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log1_6.append(x)
for x in range(12):
    try:
        print(risky1_5(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log1_6), log1_6[-3:])
counts1_7 = {}
for i in range(400):
    try:
        risky1_5(i)
    except Exception as e:
        counts1_7[type(e).__name__] = counts1_7.get(type(e).__name__, 0) + 1
print(sorted(counts1_7.items()), len(log1_6))
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
    print('abc'.index('z'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(dict([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(dict([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('a' * 2.5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(object().x)
except Exception as e:
    print(type(e).__name__, e)
try:
    print([].pop())
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
big2_8 = 3**39
for i2_9 in range(400):
    big2_8 = big2_8 * big2_8 % (2**127 - 1) + 1
    if big2_8.bit_length() > 300:
        big2_8 = big2_8 % (2**64 + 34) - 2**63
    if i2_9 % 123 == 0:
        print(i2_9, big2_8, big2_8 > 2**63, big2_8 % 1000, big2_8 // 7, big2_8 & 0xFFFF)
print(big2_8, hex(big2_8), -big2_8 >> 3, abs(big2_8) ** 2 % 10**9, float(big2_8), big2_8 == float(big2_8))
y2_10 = big2_8
try:
    print(((9 % y2_10) | y2_10))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(float([][4]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([False, 4, 9, 0x1adbf, 1627, 63755199873917190499794])
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
stack3_11 = []
i = 0
total = 0
while i < 2205:
    i += 1
    if i % 2 == 0:
        continue
    stack3_11.append(i)
    if len(stack3_11) > 5:
        total += stack3_11.pop() - stack3_11.pop(0)
    if total > 457158:
        break
else:
    print('no break', i)
print(i, total, stack3_11[-4:])
for a in range(28):
    for b in range(a):
        if (a * b) % 38 == 5:
            print('found', a, b)
            break
    else:
        continue
    if a > 20:
        break
d3_12 = {}
for w in ('x-y-z' + ' ' + 'Hello World').split() * 191:
    d3_12[w] = d3_12.get(w, 0) + 1
print(sorted(d3_12.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix3_13 = [[i * 6 + j for j in range(6)] for i in range(5)]
print(matrix3_13, [list(col) for col in zip(*matrix3_13)], sum(map(sum, matrix3_13)))
print({(i, j): v for i, row in enumerate(matrix3_13) for j, v in enumerate(row) if v % 3 == 0})
# chunk 4
v_d_4_14 = {'3.5': 11, 'q"uote\'': 0, 'x-y-z': 49, '-17': 9}
v_b_4_15 = True
v_i_4_16 = 15
v_d_4_17 = {}
v_i_4_18 = 0x103ef
try:
    print(v_i_4_18)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(('\u20ac\u4e2d' >= ''[3].join(['  pad  '])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(((lambda a, b, c, d: f'{a:>6}|{b:.3f}|{c!r}|{d:,}')(v_i_4_16, 2.5e300, 'a,b,,c', v_i_4_18).zfill(5) >= format((89130 // 18), '+d')))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((False, True, 18)[(0x296cd ** 0)])
except Exception as e:
    print(type(e).__name__, e)
try:
    print((('q"uote\''.find('\u20ac\u4e2d') >> 48), v_i_4_18))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(bin(pow(36589, 4, v_i_4_18)).split(','))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(8)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted((set([96282, 0xc758f, 16][0:-1]) ^ (({25, 11, 2, 4} & {10, 25, 6}) ^ {len(s) for s in []}))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((0x8a8d7, 2)[2:][-2:])
except Exception as e:
    print(type(e).__name__, e)
# chunk 5
class MyError5_19(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log5_21 = []
def risky5_20(x):
    try:
        if x % 2 == 0:
            raise MyError5_19(x)
        r = 10 // (x % 6)
        r += [1, 2, 3][x % 5]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError5_19 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log5_21.append(x)
for x in range(15):
    try:
        print(risky5_20(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log5_21), log5_21[-3:])
counts5_22 = {}
for i in range(400):
    try:
        risky5_20(i)
    except Exception as e:
        counts5_22[type(e).__name__] = counts5_22.get(type(e).__name__, 0) + 1
print(sorted(counts5_22.items()), len(log5_21))
try:
    try:
        {}[None]
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
    print((1).real.bad)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(2.0 ** 10000)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(del_me)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(min(1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int('12', 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(float(10 ** 400))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(max([]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('a' - 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(len(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(range(1, 2, 0))
except Exception as e:
    print(type(e).__name__, e)
# chunk 6
class MyError6_23(ValueError):
    def __init__(self, code, msg='custom'):
        super().__init__(msg, code)
        self.code = code
log6_25 = []
def risky6_24(x):
    try:
        if x % 3 == 0:
            raise MyError6_23(x)
        r = 10 // (x % 2)
        r += [1, 2, 3][x % 5]
        r += {'a': 1}['b' if x % 11 == 5 else 'a']
        if x % 13 == 7:
            r += 'x'
        return r
    except MyError6_23 as e:
        return ('mine', e.code, e.args, str(e))
    finally:
        log6_25.append(x)
for x in range(8):
    try:
        print(risky6_24(x))
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__, e, repr(e))
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok')
print(len(log6_25), log6_25[-3:])
counts6_26 = {}
for i in range(3000):
    try:
        risky6_24(i)
    except Exception as e:
        counts6_26[type(e).__name__] = counts6_26.get(type(e).__name__, 0) + 1
print(sorted(counts6_26.items()), len(log6_25))
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
    print([1, 2, 3].remove(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(10**5000))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({}['missing'])
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1,)[3])
except Exception as e:
    print(type(e).__name__, e)
try:
    print([1][5])
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1).real.bad)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(int(''))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((1,)[3])
except Exception as e:
    print(type(e).__name__, e)
