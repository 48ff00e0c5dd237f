# random: seeded runs draw CPython's numbers
import random

random.seed(2024)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(15)])
print(random.randrange(100), random.randrange(5, 50, 5), random.randrange(10, 0, -3))
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:8])
print(random.choice(deck), random.sample(deck, 4), random.sample(range(1000), 6))
print(random.choices(["red", "green", "blue"], weights=[5, 3, 1], k=8))
print(random.choices(range(10), cum_weights=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], k=4))
print(random.uniform(-1, 1), random.getrandbits(8), random.getrandbits(100))
print(round(random.gauss(100, 15), 6), round(random.triangular(1, 3), 6))
random.seed("seed text")
print(random.random(), random.randint(0, 10 ** 12))
rng = random.Random(7)
other = random.Random(7)
print([rng.randint(0, 9) for _ in range(10)] == [other.randint(0, 9) for _ in range(10)])
state = rng.getstate()
first = [rng.random() for _ in range(3)]
rng.setstate(state)
print(first == [rng.random() for _ in range(3)])
random.seed(99)
walk = 0
counts = [0] * 6
for _ in range(6000):
    walk += random.choice((-1, 1))
    counts[random.randrange(6)] += 1
print(walk, counts)
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.sample([1, 2], 3),
            lambda: random.randint(5, 1), lambda: random.sample({1, 2}, 1)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
