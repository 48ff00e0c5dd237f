import random
r = random.Random(5)
for i in range(400):
    a = r.getrandbits(r.randrange(1, 1200)) * r.choice([1,-1]); b = r.getrandbits(r.randrange(1, 1200)) or 1
    try: print(a / b)
    except OverflowError as e: print(e)
print(10**400 // 3 / 10**399, 1 / 10**400, 0 / -10**30, -(10**30)/3, 2**1023 * 3 // 2 / 1)
