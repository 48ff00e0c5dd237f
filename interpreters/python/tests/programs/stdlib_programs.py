# Small programs combining the library modules
import heapq
import itertools
from collections import Counter, defaultdict, deque, namedtuple
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from operator import itemgetter, attrgetter

# Dijkstra with heapq
graph = {
    "A": [("B", 4), ("C", 2)],
    "B": [("C", 5), ("D", 10)],
    "C": [("E", 3)],
    "D": [("F", 11)],
    "E": [("D", 4)],
    "F": [],
}


def dijkstra(start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev


dist, prev = dijkstra("A")
print(sorted(dist.items()))
path = deque(["F"])
while path[0] != "A":
    path.appendleft(prev[path[0]])
print("->".join(path))

# BFS on a grid with deque
grid = ["..#....",
        ".##.##.",
        "...#...",
        "#.....#"]
start, goal = (0, 0), (0, 6)
seen = {start: 0}
queue = deque([start])
while queue:
    r, c = queue.popleft()
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] == "." and (nr, nc) not in seen:
            seen[(nr, nc)] = seen[(r, c)] + 1
            queue.append((nr, nc))
print("steps", seen.get(goal))

# word statistics
text = """the cat sat on the mat the dog sat on the log
a cat and a dog met on a mat"""
words = text.split()
freq = Counter(words)
print(freq.most_common(4))
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
print(dict(by_len))
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(2))
print(sum(freq.values()), len(freq), freq["the"] - freq["a"])

# memoized DP
@lru_cache(maxsize=None)
def edit_distance(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))


print(edit_distance("kitten", "sitting"), edit_distance("flaw", "lawn"), edit_distance.cache_info().misses > 0)

# records with namedtuple and sorting helpers
Employee = namedtuple("Employee", "name dept salary")
staff = [Employee("ann", "eng", 120), Employee("bob", "ops", 90), Employee("cid", "eng", 100),
         Employee("dee", "ops", 95), Employee("eve", "hr", 70)]
for dept, members in itertools.groupby(sorted(staff, key=attrgetter("dept")), key=attrgetter("dept")):
    members = list(members)
    print(dept, [m.name for m in members], sum(m.salary for m in members))
print(max(staff, key=attrgetter("salary")).name, sorted(staff, key=itemgetter(2))[0])
print(reduce(lambda acc, e: acc + e.salary, staff, 0))


# inventory with dataclasses
@dataclass(order=True)
class Product:
    price: float
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)


products = [Product(3.5, "tea", ["drink"]), Product(1.25, "bun"), Product(9.0, "cake", ["sweet"])]
print(sorted(products), min(products).name)
print(list(itertools.accumulate(p.price for p in sorted(products))))
combos = [(a.name, b.name) for a, b in itertools.combinations(products, 2) if a.price + b.price < 10]
print(combos)
print(list(itertools.starmap(lambda n, p: n + "=" + str(p), [(p.name, p.price) for p in products])))
print([list(g) for _, g in itertools.groupby(range(10), key=lambda x: x // 3)])
