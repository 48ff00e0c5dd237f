# chunk 0
def gen0_1(n):
    for i in range(n):
        if i % 3 == 0:
            continue
        yield 2 ** (i % 70)
    return 'done' + str(n)
print(list(gen0_1(8)))
print(sum(gen0_1(3000)) % 1000003)
it0_2 = gen0_1(2)
try:
    while True:
        print(next(it0_2))
except StopIteration as e:
    print('stop', e.value)
def outer0_3(n):
    r = yield from gen0_1(n)
    yield r
    yield len(r)
print(list(outer0_3(6)))
print(sum(x * x for x in range(3000) if x % 4), max((x % 97 for x in range(3000)), default=-1))
print(list(zip(gen0_1(8), 'abcdef')), list(enumerate(gen0_1(4), 1))[-3:])
def acc0_4():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc0_4()
next(c)
for i in range(3000):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen0_1(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 1
def gen1_5(n):
    for i in range(n):
        if i % 2 == 0:
            continue
        yield i % 7 - 3
    return 'done' + str(n)
print(list(gen1_5(6)))
print(sum(gen1_5(60)) % 1000003)
it1_6 = gen1_5(1)
try:
    while True:
        print(next(it1_6))
except StopIteration as e:
    print('stop', e.value)
def outer1_7(n):
    r = yield from gen1_5(n)
    yield r
    yield len(r)
print(list(outer1_7(7)))
print(sum(x * x for x in range(3000) if x % 5), max((x % 97 for x in range(3000)), default=-1))
print(list(zip(gen1_5(8), 'abcdef')), list(enumerate(gen1_5(6), 1))[-3:])
def acc1_8():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = acc1_8()
next(c)
for i in range(3000):
    c.send(i % 13)
print(c.send(1))
try:
    c.send(None)
except StopIteration as e:
    print('ret', e.value)
try:
    g2 = gen1_5(3)
    print(next(g2), next(g2), next(g2))
except Exception as e:
    print(type(e).__name__, e)
# chunk 2
stack2_9 = []
i = 0
total = 0
while i < 1661:
    i += 1
    if i % 9 == 0:
        continue
    stack2_9.append(i)
    if len(stack2_9) > 21:
        total += stack2_9.pop() - stack2_9.pop(0)
    if total > 837948:
        break
else:
    print('no break', i)
print(i, total, stack2_9[-4:])
for a in range(24):
    for b in range(a):
        if (a * b) % 17 == 2:
            print('found', a, b)
            break
    else:
        continue
    if a > 5:
        break
d2_10 = {}
for w in ('q"uote\'' + ' ' + '3.5').split() * 55:
    d2_10[w] = d2_10.get(w, 0) + 1
print(sorted(d2_10.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
matrix2_11 = [[i * 1 + j for j in range(1)] for i in range(3)]
print(matrix2_11, [list(col) for col in zip(*matrix2_11)], sum(map(sum, matrix2_11)))
print({(i, j): v for i, row in enumerate(matrix2_11) for j, v in enumerate(row) if v % 3 == 0})
# chunk 3
v_ls_3_12 = ['MiXeD cAsE', 'abc']
v_b_3_13 = False
v_b_3_14 = False
acc_i3_15 = True
acc_f3_16 = 2.5e300
acc_s3_17 = ''
acc_l3_18 = []
acc_d3_19 = {}
errs3_20 = 0
last3_21 = None
for i3_22 in range(3000):
    acc_i3_15 = (acc_i3_15 * 697830 + i3_22) % (2**61 - 1)
    if i3_22 == 1500:
        acc_i3_15 = acc_i3_15 + 2 ** 62
    acc_d3_19[str(i3_22 % 5)] = acc_d3_19.get(str(i3_22 % 5), 0) + 1
    try:
        acc_i3_15 = (acc_i3_15 + ((i3_22 if False else 16) | (6 if v_b_3_13 else 6692665460741839189011))) % (97)
    except Exception as e:
        errs3_20 += 1
        last3_21 = f'{type(e).__name__}: {e}'
print(acc_i3_15, acc_f3_16, repr(acc_s3_17), acc_l3_18[-6:], sorted(acc_d3_19.items())[:6], errs3_20, last3_21)
