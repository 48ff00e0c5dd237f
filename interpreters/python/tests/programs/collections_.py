# lists, tuples, dicts, sets: methods, slicing, comprehensions, unpacking
xs = [5, 3, 8, 1, 9, 2]
xs.sort()
print(xs, xs[1:4], xs[::-1], xs[-2:], len(xs))
xs.append(7); xs.insert(0, 0); xs.remove(8)
print(xs, xs.pop(), xs.index(5), xs.count(3))
d = {"b": 2, "a": 1}
d["c"] = 3
del d["b"]
print(d, list(d.keys()), sorted(d.values()), d.get("z", 0), "a" in d)
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
s = {3, 1, 2}
print(len(s), 2 in s, sorted(s | {5}), sorted(s & {1, 9}))
a, *b, c = range(6)
print(a, b, c)
t = (1, "x", 2.5)
print(t, t[1], t + (None,), tuple(reversed(t)))
print([[i * j for j in range(4)] for i in range(3)])
print({k: k * k for k in range(5)}, [i for i in range(20) if i % 7 == 0])
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 5
print(grid)
