import math, random
r = random.Random(3)
for i in range(300):
    xs = [r.uniform(-1, 1) * 10 ** r.randint(-20, 20) for _ in range(r.randint(0, 30))]
    print(math.fsum(xs), sum(xs))
print(math.fsum([1e308, 1e308, -1e308]) if False else '', math.fsum([float('inf'), 1]), math.fsum([0.1]*10), math.fsum([1, 1e100, 1, -1e100]))
for bad in ([float('inf'), float('-inf')], [1e308, 1e308]):
    try: print(math.fsum(bad))
    except Exception as e: print(type(e).__name__, e)
print(math.fsum([float('nan'), 1]), math.fsum([]), math.fsum([-0.0]), math.fsum(iter([1, 2, 3])))
