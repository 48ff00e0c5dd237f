# chunk 0
v_set_0_1 = {17, -4, 26}
v_f_0_2 = 3.14159
v_d_0_3 = {'tab\there': 0}
v_li_0_4 = [18, 43579376175144501012731, 65870749050639436445564, 0, 0x71c39, (2**100 + 7)]
try:
    print(list(map(lambda x: x // 1 + 1, v_li_0_4)) * (v_li_0_4 + v_li_0_4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('3.5')
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted(v_d_0_3) % ['Hello World', 'x-y-z'])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(-(int('3.5') + ((2**100 + 7) - 1)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(abs(v_f_0_2) + tuple([]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((sum(list(map(lambda x: x // 2 + 1, v_li_0_4))) + (int('line\nbreak') / 1.5)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(divmod(((18 // 8) ** 2), (24831 - (56150 >> 44))))
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
v_d_1_5 = {'a,b,,c': 19, '': 0, '3.5': 20}
v_t_1_6 = (-2, 36022, 66239)
acc_i1_7 = 10179
acc_f1_8 = -0.0
acc_s1_9 = ''
acc_l1_10 = []
acc_d1_11 = {}
errs1_12 = 0
last1_13 = None
for i1_14 in range(3000):
    if i1_14 == 2522:
        acc_i1_7 = float(acc_i1_7 % 1000)
    else:
        acc_i1_7 = acc_i1_7 % (2**64 + 13)
    if i1_14 % 7 == 1:
        acc_f1_8 = acc_f1_8 * 0.5 + i1_14 / 7.0
    else:
        acc_s1_9 = (acc_s1_9 + str(i1_14 % 10))[-7:]
    if i1_14 % 23 == 0:
        try:
            acc_f1_8 += (acc_i1_7 / 0.1)
            acc_s1_9 = (acc_s1_9 + 'Hello World')[-12:]
        except Exception:
            pass
    acc_i1_7 += i1_14 * 2**40
    if i1_14 == 1403:
        acc_i1_7 = float(acc_i1_7 % 1000)
    else:
        acc_i1_7 = acc_i1_7 % (1000003)
    if i1_14 == 1500:
        acc_i1_7 = acc_i1_7 + 2 ** 103
    try:
        acc_i1_7 = (acc_i1_7 + -min(acc_i1_7, 9)) % (97)
    except Exception as e:
        errs1_12 += 1
        last1_13 = f'{type(e).__name__}: {e}'
print(acc_i1_7, acc_f1_8, repr(acc_s1_9), acc_l1_10[-6:], sorted(acc_d1_11.items())[:6], errs1_12, last1_13)
# chunk 2
def gen2_15(n):
    for i in range(n):
        if i % 5 == 0:
            continue
        yield 2 ** (i % 70)
    return 'done' + str(n)
print(list(gen2_15(4)))
print(sum(gen2_15(1200)) % 1000003)
it2_16 = gen2_15(3)
try:
    while True:
        print(next(it2_16))
except StopIteration as e:
    print('stop', e.value)
def outer2_17(n):
    r = yield from gen2_15(n)
    yield r
    yield len(r)
print(list(outer2_17(6)))
print(sum(x * x for x in range(60) if x % 5), max((x % 97 for x in range(60)), default=-1))
print(list(zip(gen2_15(8), 'abcdef')), list(enumerate(gen2_15(7), 1))[-3:])
def acc2_18():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc2_18()
next(c)
for i in range(60):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen2_15(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 3
v_f_3_19 = -0.0
v_set_3_20 = {-5, 6}
v_s_3_21 = 'q"uote\''
v_d_3_22 = {}
try:
    print([((8 | 74570663961894584709572) if (4 in v_set_3_20) else 58905), 5])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(abs(-(0xe79ef ** 4)))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([-1, (2**62), 6, 8, 0x528df, 7][-5:-2])
except Exception as e:
    print(type(e).__name__, e)
try:
    print(False)
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
v_d_4_23 = {'q"uote\'': 36, '': 15, 'q"uote\'': 19}
acc_i4_24 = 0xba1d9
acc_f4_25 = 0.5
acc_s4_26 = ''
acc_l4_27 = []
acc_d4_28 = {}
errs4_29 = 0
last4_30 = None
for i4_31 in range(60):
    try:
        acc_l4_27.append('MiXeD cAsE'.find('-17'))
        if len(acc_l4_27) > 10:
            acc_l4_27.pop(0)
    except Exception as e:
        errs4_29 += 1
        last4_30 = f'{type(e).__name__}: {e}'
    if i4_31 == 30:
        acc_i4_24 = acc_i4_24 + 2 ** 79
    if i4_31 == 30:
        acc_i4_24 = acc_i4_24 + 2 ** 87
    try:
        acc_i4_24 = (acc_i4_24 + ((61445 - i4_31) | abs(i4_31))) % (2**31 - 1)
    except Exception as e:
        errs4_29 += 1
        last4_30 = f'{type(e).__name__}: {e}'
print(acc_i4_24, acc_f4_25, repr(acc_s4_26), acc_l4_27[-6:], sorted(acc_d4_28.items())[:6], errs4_29, last4_30)
# chunk 5
v_t_5_32 = (5, -1, 1, 0xa690c)
v_s_5_33 = '\u20ac\u4e2d'
v_ls_5_34 = []
try:
    print(len(set([19, 12, 12, 0, 0])))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(sorted({**dict.fromkeys(['Hello World', 'MiXeD cAsE', '42', 'a,b,,c'], 6), v_s_5_33.swapcase(): True}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(('\u00fcn\u00efc\u00f6de'.split(',') + v_ls_5_34))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((4, 19))
except Exception as e:
    print(type(e).__name__, e)
