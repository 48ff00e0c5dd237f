# chunk 0
stack0_1 = []
i = 0
total = 0
while i < 2635:
    i += 1
    if i % 4 == 0:
        continue
    stack0_1.append(i)
    if len(stack0_1) > 2:
        total += stack0_1.pop() - stack0_1.pop(0)
    if total > 249779:
        break
else:
    print('no break', i)
print(i, total, stack0_1[-4:])
for a in range(17):
    for b in range(a):
        if (a * b) % 35 == 5:
            print('found', a, b)
            break
    else:
        continue
    if a > 20:
        break
d0_2 = {}
for w in ('tab\there' + ' ' + '-17').split() * 255:
    d0_2[w] = d0_2.get(w, 0) + 1
print(sorted(d0_2.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix0_3 = [[i * 3 + j for j in range(3)] for i in range(4)]
print(matrix0_3, [list(col) for col in zip(*matrix0_3)], sum(map(sum, matrix0_3)))
print({(i, j): v for i, row in enumerate(matrix0_3) for j, v in enumerate(row) if v % 3 == 0})
# chunk 1
v_set_1_4 = {21, 18, -4, 7}
v_f_1_5 = 3.14159
v_set_1_6 = {-7}
acc_i1_7 = 6
acc_f1_8 = 0.5
acc_s1_9 = ''
acc_l1_10 = []
acc_d1_11 = {}
errs1_12 = 0
last1_13 = None
for i1_14 in range(3000):
    if i1_14 == 1500:
        acc_i1_7 = acc_i1_7 + 2 ** 83
    try:
        acc_s1_9 = (acc_s1_9 + ('abc' + 'tab\there'))[-20:]
    except Exception as e:
        errs1_12 += 1
        last1_13 = f'{type(e).__name__}: {e}'
    acc_i1_7 = (acc_i1_7 * 142964 + i1_14) % (1000003)
    try:
        acc_i1_7 = (acc_i1_7 + (abs(acc_i1_7) * max(i1_14, acc_i1_7))) % (2**31 - 1)
    except Exception as e:
        errs1_12 += 1
        last1_13 = f'{type(e).__name__}: {e}'
print(acc_i1_7, acc_f1_8, repr(acc_s1_9), acc_l1_10[-6:], sorted(acc_d1_11.items())[:6], errs1_12, last1_13)
# chunk 2
v_li_2_15 = [87945, 4857673728278441093508]
v_ls_2_16 = []
acc_i2_17 = 1
acc_f2_18 = 1e-07
acc_s2_19 = ''
acc_l2_20 = []
acc_d2_21 = {}
errs2_22 = 0
last2_23 = None
for i2_24 in range(3000):
    acc_i2_17 += i2_24 * (1 << 63)
    acc_i2_17 += i2_24 * 10**19
    acc_i2_17 = (acc_i2_17 * 838696 + i2_24) % (2**61 - 1)
    if i2_24 == 2200:
        acc_i2_17 = float(acc_i2_17 % 1000)
    else:
        acc_i2_17 = acc_i2_17 % (1000003)
    try:
        acc_i2_17 = (acc_i2_17 + dict(zip(['Hello World'], [7660602400834114319285, 18, 16, 53969612191087875217984, 3]))['']) % (2**61 - 1)
    except Exception as e:
        errs2_22 += 1
        last2_23 = f'{type(e).__name__}: {e}'
print(acc_i2_17, acc_f2_18, repr(acc_s2_19), acc_l2_20[-6:], sorted(acc_d2_21.items())[:6], errs2_22, last2_23)
# chunk 3
v_li_3_25 = [6, 0x73252]
v_b_3_26 = False
v_d_3_27 = {}
try:
    print((8 >> 41))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(('  pad  ' + 'line\nbreak') * v_d_3_27)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(-4)
except Exception as e:
    print(type(e).__name__, e)
try:
    print({str(k): k for k in v_li_3_25})
except Exception as e:
    print(type(e).__name__, e)
# chunk 4
def f4_28(a, b=5, *args, c=4, **kw):
    r = a - b * 2
    for x in args:
        r = r * 2 + x
    for k in sorted(kw):
        r += len(k) * kw[k]
    return r + c
try:
    print(f4_28(*[1, 2, 3], **{'q': 1, 'rr': 2}))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_28(3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(f4_28(1, 2, 3, 4, c=5, z=6))
except Exception as e:
    print(type(e).__name__, e)
def g4_29(a, /, b, *, c=1):
    return (a, b, c)
try:
    print(g4_29(1, b=2, c=3))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(g4_29(1))
except Exception as e:
    print(type(e).__name__, e)
def make4_30(k):
    count = 0
    def inner(x):
        nonlocal count
        count += 1
        if count % 3 == 0:
            return x * k + count
        return x - count
    return inner
h4_31 = make4_30(9)
t4_32 = 0
for i in range(1200):
    t4_32 = (t4_32 + h4_31(i) + f4_28(i, c=i % 3)) % (2**64 + 13)
print(t4_32, h4_31(0))
print([fn(10) for fn in [lambda x, i=i: x + i for i in range(1)]])
print([fn(10) for fn in [lambda x: x * i for i in range(1)]])
def rec4_33(n):
    return 1 if n <= 1 else n * rec4_33(n - 1)
print(rec4_33(7) % 1000007, len(str(rec4_33(137))))
