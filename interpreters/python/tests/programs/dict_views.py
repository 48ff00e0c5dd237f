# Dict views (live, set-like), dict iteration errors, dict | and |=, dict.fromkeys.
d = {"a": 1, "b": 2, "c": 3}
k = d.keys(); v = d.values(); it = d.items()
d["d"] = 4
print(k, v, it, len(k), list(reversed(k)), list(reversed(v)), list(reversed(it)))
try:
    for x in d:
        d[x + "!"] = 0
except RuntimeError as e: print(e)
s = {1, 2, 3}
try:
    for x in s: s.add(x + 10)
except RuntimeError as e: print(e)
d = {1: 1, 2: 2}
try:
    for x in d:
        del d[x]; d[x + 5] = 1
except RuntimeError as e: print(e)
print(d)
d = {i: i for i in range(5)}
for key in d: d[key] = key * 10
print(d, [x for x in d.items()], sum(d.values()))
i = iter(d)
print(next(i), next(i), type(i).__name__, type(iter(d.values())).__name__, type(iter(s)).__name__, type(d.keys()).__name__)
e = {}
print(list(e), list(e.items()), e.keys() == set(), d.keys() - {0, 1}, d.items() & {(0, 0), (3, 30)}, {2, 77} & d.keys())
print(d.keys() | d.keys(), d.keys().isdisjoint([99]), repr({}.values()))
x = {1: 2}
x |= {3: 4}; print(x, x | {5: 6}, {1: 1} | {1: 2})
x |= [(7, 8)]; print(x)
try: x | [(1, 2)]
except TypeError as e: print(e)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), {}.fromkeys([3]))
d = {1: 2, 3: 4}
print(d.keys() & {1, 5}, d.keys() | [7], d.items() - {(1, 2)}, d.keys() ^ {3, 9})
print(d.keys() == {1, 3}, {1, 3} == d.keys(), d.keys() < {1, 3, 5}, (1, 2) in d.items())
dict.__delitem__(d, 1); print(d, d.__getitem__(3))
