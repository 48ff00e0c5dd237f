# chunk 0
v_f_0_1 = 0.0
v_li_0_2 = [9487356269698560166330, 97581823079362498342621, 0, True, False]
acc_i0_3 = 8
acc_f0_4 = 0.0
acc_s0_5 = ''
acc_l0_6 = []
acc_d0_7 = {}
errs0_8 = 0
last0_9 = None
for i0_10 in range(1500):
    try:
        acc_l0_6.append(acc_i0_3)
        if len(acc_l0_6) > 26:
            acc_l0_6.pop(0)
    except Exception as e:
        errs0_8 += 1
        last0_9 = f'{type(e).__name__}: {e}'
    acc_i0_3 = (acc_i0_3 * 472458 + i0_10) % (2**64 + 13)
    if i0_10 == 691:
        acc_i0_3 = float(acc_i0_3 % 1000)
    else:
        acc_i0_3 = acc_i0_3 % (97)
    try:
        acc_s0_5 = (acc_s0_5 + 'a,b,,c'[6])[-20:]
    except Exception as e:
        errs0_8 += 1
        last0_9 = f'{type(e).__name__}: {e}'
    try:
        acc_i0_3 = (acc_i0_3 + divmod((i0_10 if True else i0_10), sum(v_li_0_2))[1]) % (2**64 + 13)
    except Exception as e:
        errs0_8 += 1
        last0_9 = f'{type(e).__name__}: {e}'
print(acc_i0_3, acc_f0_4, repr(acc_s0_5), acc_l0_6[-6:], sorted(acc_d0_7.items())[:6], errs0_8, last0_9)
# chunk 1
v_s_1_11 = ''
v_set_1_12 = {14, -3, -5, 17, -4}
acc_i1_13 = 60017684466009757398283
acc_f1_14 = 1e-07
acc_s1_15 = ''
acc_l1_16 = []
acc_d1_17 = {}
errs1_18 = 0
last1_19 = None
for i1_20 in range(60):
    if i1_20 % 9 == 0:
        acc_f1_14 = acc_f1_14 * 0.5 + i1_20 / 7.0
    else:
        acc_s1_15 = (acc_s1_15 + str(i1_20 % 10))[-21:]
    if i1_20 % 16 == 0:
        try:
            acc_f1_14 += 2.5e300
            acc_s1_15 = (acc_s1_15 + '\u20ac\u4e2d'[2:2])[-12:]
        except Exception:
            pass
    acc_d1_17[str(i1_20 % 5)] = acc_d1_17.get(str(i1_20 % 5), 0) + 1
    try:
        acc_s1_15 = (acc_s1_15 + ('x-y-z' * 1))[-20:]
    except Exception as e:
        errs1_18 += 1
        last1_19 = f'{type(e).__name__}: {e}'
    acc_i1_13 += i1_20 * -7
    try:
        acc_i1_13 = (acc_i1_13 + [][3:0][-3]) % (2**64 + 13)
    except Exception as e:
        errs1_18 += 1
        last1_19 = f'{type(e).__name__}: {e}'
print(acc_i1_13, acc_f1_14, repr(acc_s1_15), acc_l1_16[-6:], sorted(acc_d1_17.items())[:6], errs1_18, last1_19)
# chunk 2
v_f_2_21 = 1.5
acc_i2_22 = 5
acc_f2_23 = 2.5e300
acc_s2_24 = ''
acc_l2_25 = []
acc_d2_26 = {}
errs2_27 = 0
last2_28 = None
for i2_29 in range(400):
    try:
        if '3.5'.startswith('q"uote\''):
            acc_i2_22 ^= i2_29
        elif i2_29 % 3:
            acc_i2_22 -= 1
    except Exception as e:
        errs2_27 += 1
        last2_28 = f'{type(e).__name__}: {e}'
    try:
        if ([-1] <= [17, 93850, 0xbd922, 0x90fe0, 3]):
            acc_i2_22 ^= i2_29
        elif i2_29 % 3:
            acc_i2_22 -= 1
    except Exception as e:
        errs2_27 += 1
        last2_28 = f'{type(e).__name__}: {e}'
    acc_i2_22 = acc_i2_22 // 3 if i2_29 % 2 else acc_i2_22 * 2
    try:
        acc_l2_25.append((7 ^ acc_i2_22))
        if len(acc_l2_25) > 34:
            acc_l2_25.pop(0)
    except Exception as e:
        errs2_27 += 1
        last2_28 = f'{type(e).__name__}: {e}'
    try:
        acc_i2_22 = (acc_i2_22 + ([(-2**63), 65010, 2, 79920384731788904625986][3] - acc_i2_22)) % (97)
    except Exception as e:
        errs2_27 += 1
        last2_28 = f'{type(e).__name__}: {e}'
print(acc_i2_22, acc_f2_23, repr(acc_s2_24), acc_l2_25[-6:], sorted(acc_d2_26.items())[:6], errs2_27, last2_28)
# chunk 3
def f3_30(a, b=4, *args, c=1, **kw):
    r = a * b - c
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f3_30('s', 'y', c=''))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f3_30(3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f3_30(1, a=2))
except Exception as e:
    print(type(e).__name__, e)
def g3_31(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g3_31(1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g3_31(a=1, b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g3_31(1, 2, 3))
except Exception as e:
    print(type(e).__name__, e)
def make3_32(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 2 == 0:
            return x * k + count
        return x - count
    return inner
h3_33 = make3_32(7)
t3_34 = 0
for i in range(3000):
    t3_34 = (t3_34 + h3_33(i) + f3_30(i, c=i % 3)) % (2**31 - 1)
print(t3_34, h3_33(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(2)]])
print([fn(10) for fn in [lambda x: x * i for i in range(3)]])
def rec3_35(n):
    return 1 if n <= 1 else n * rec3_35(n - 1)
print(rec3_35(25) % 1000007, len(str(rec3_35(67))))
# chunk 4
v_i_4_36 = 10
v_li_4_37 = [20, -2, 7]
acc_i4_38 = 12
acc_f4_39 = 2.5e300
acc_s4_40 = ''
acc_l4_41 = []
acc_d4_42 = {}
errs4_43 = 0
last4_44 = None
for i4_45 in range(1500):
    acc_i4_38 = acc_i4_38 // 4 if i4_45 % 5 else acc_i4_38 * 2
    try:
        if (2 in v_li_4_37):
            acc_i4_38 ^= i4_45
        elif i4_45 % 3:
            acc_i4_38 -= 1
    except Exception as e:
        errs4_43 += 1
        last4_44 = f'{type(e).__name__}: {e}'
    try:
        acc_i4_38 = (acc_i4_38 + (sum([]) | v_li_4_37[0])) % (97)
    except Exception as e:
        errs4_43 += 1
        last4_44 = f'{type(e).__name__}: {e}'
print(acc_i4_38, acc_f4_39, repr(acc_s4_40), acc_l4_41[-6:], sorted(acc_d4_42.items())[:6], errs4_43, last4_44)
# chunk 5
def f5_46(a, b=5, *args, c=4, **kw):
    r = a + b
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f5_46(b=2))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f5_46(*[1, 2, 3], **{'q': 1, 'rr': 2}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f5_46(1, 2, c='x'))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f5_46('s', 'y', c=''))
except Exception as e:
    print(type(e).__name__, e)
def g5_47(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g5_47(1))
except Exception as e:
    print(type(e).__name__, e)
def make5_48(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 3 == 0:
            return x * k + count
        return x - count
    return inner
h5_49 = make5_48(5)
t5_50 = 0
for i in range(3000):
    t5_50 = (t5_50 + h5_49(i) + f5_46(i, c=i % 3)) % (1000003)
print(t5_50, h5_49(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(3)]])
print([fn(10) for fn in [lambda x: x * i for i in range(2)]])
def rec5_51(n):
    return 1 if n <= 1 else n * rec5_51(n - 1)
print(rec5_51(50) % 1000007, len(str(rec5_51(79))))
# chunk 6
v_b_6_52 = True
v_ls_6_53 = ['abc', 'q"uote\'', 'x-y-z', 'abc', '3.5']
v_d_6_54 = {'\u00fcn\u00efc\u00f6de': 45, 'Hello World': 20, '  pad  ': 31}
v_ls_6_55 = ['x-y-z', '3.5']
v_t_6_56 = ((2**100 + 7), -2)
try:
    print(sorted({x % 9 for x in list(range((-5 * 19) % 7, sum([0xa8e8d, -1, 0]) % 13, 3))}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print({set(): 1})
except Exception as e:
    print(type(e).__name__, e)
try:
    print([15, 60197892850390148949592, 19, 19178, (2**100 + 7), 4])
except Exception as e:
    print(type(e).__name__, e)
try:
    print((((v_ls_6_55 + ['-17', '  pad  ']) + ['q"uote\'', '\u20ac\u4e2d', '']) + [str(x) for x in list(range(False % 7, 1 % 13, -1))]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((oct((-2**63)) if (v_t_6_56 < v_t_6_56) else 'line\nbreak').join(v_ls_6_53))
except Exception as e:
    print(type(e).__name__, e)
try:
    print((('Hello World' + '') in str(({'line\nbreak': 6, 'q"uote\'': 11, '': 23, '42': 36} | {'Hello World': 13}))))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(list({**({'MiXeD cAsE': 9, '3.5': 20, '-17': 36} | v_d_6_54), (lambda a, b, c, d: f'{a:>6}|{b:.3f}|{c!r}|{d:,}')((2**62), 3.14159, '-17', 15): (14 // 6)}.values()))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(any(x > 0 for x in [14, 41402808471567302085823, 76112, 16, 86254]))
except Exception as e:
    print(type(e).__name__, e)
try:
    print([x * 4 for x in [7, (18 >> 61)] if x % 3 != 0])
except Exception as e:
    print(type(e).__name__, e)
