# match in hot loops and generators: class, sequence, mapping patterns under the JIT
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int
def classify(v):
    match v:
        case P(0, 0): return 0
        case P(x, y) if x > y: return 1
        case P(): return 2
        case [a, b, *r]: return 3 + len(r)
        case {"k": k}: return 10 + k
        case int(n): return 20
        case str(): return 30
        case _: return -1
vals = [P(0, 0), P(3, 1), P(1, 3), [1, 2], [1, 2, 3, 4], {"k": 5}, 7, "s", None, (1, 2, 3)]
tot = 0
hist = {}
for i in range(300):
    r = classify(vals[i % len(vals)] if i % 7 else vals[(i * 3) % len(vals)])
    tot += r
    hist[r] = hist.get(r, 0) + 1
print(tot, sorted(hist.items()))
def gen(n):
    for i in range(n):
        match i % 4:
            case 0: yield ("a", i)
            case 1: yield ["b", i]
            case _: yield {"c": i}
acc = []
for item in gen(200):
    match item:
        case ("a", n): acc.append(n)
        case ["b", n]: acc.append(-n)
        case {"c": n}: acc.append(n * 2)
print(sum(acc), len(acc))
