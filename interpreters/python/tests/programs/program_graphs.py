import heapq
from collections import deque, defaultdict
import itertools

def dijkstra(graph, src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    seen = set()
    while pq:
        d, u = heapq.heappop(pq)
        if u in seen:
            continue
        seen.add(u)
        for v, w in graph.get(u, ()):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev

def path(prev, t):
    out = [t]
    while t in prev:
        t = prev[t]
        out.append(t)
    return out[::-1]

G = {
    "A": [("B", 7), ("C", 9), ("F", 14)],
    "B": [("A", 7), ("C", 10), ("D", 15)],
    "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)],
    "D": [("B", 15), ("C", 11), ("E", 6)],
    "E": [("D", 6), ("F", 9)],
    "F": [("A", 14), ("C", 2), ("E", 9)],
}
dist, prev = dijkstra(G, "A")
for k in sorted(dist):
    print(k, dist[k], "->".join(path(prev, k)))

def toposort(deps):
    indeg = defaultdict(int)
    adj = defaultdict(list)
    nodes = set()
    for a, bs in deps.items():
        nodes.add(a)
        for b in bs:
            adj[b].append(a)
            indeg[a] += 1
            nodes.add(b)
    q = deque(sorted(n for n in nodes if indeg[n] == 0))
    order = []
    while q:
        n = q.popleft()
        order.append(n)
        for m in sorted(adj[n]):
            indeg[m] -= 1
            if indeg[m] == 0:
                q.append(m)
    if len(order) != len(nodes):
        raise ValueError("cycle")
    return order

print(toposort({"app": ["lib", "util"], "lib": ["util", "core"], "util": ["core"], "test": ["app"]}))
try:
    toposort({"a": ["b"], "b": ["a"]})
except ValueError as e:
    print("error:", e)

class UF:
    def __init__(self, n):
        self.p = list(range(n))
        self.r = [0] * n
    def find(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x
    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a == b:
            return False
        if self.r[a] < self.r[b]:
            a, b = b, a
        self.p[b] = a
        if self.r[a] == self.r[b]:
            self.r[a] += 1
        return True

edges = [(1, 0, 1), (4, 0, 2), (3, 1, 2), (2, 1, 3), (5, 2, 3), (7, 3, 4), (6, 2, 4)]
uf = UF(5)
mst = [(w, a, b) for w, a, b in sorted(edges) if uf.union(a, b)]
print(mst, sum(w for w, *_ in mst))

def bfs_grid(grid, s, t):
    R, C = len(grid), len(grid[0])
    q = deque([(s, 0)])
    seen = {s}
    while q:
        (r, c), d = q.popleft()
        if (r, c) == t:
            return d
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append(((nr, nc), d + 1))
    return -1

maze = ["..#....", ".##.##.", "....#..", "#.#...#", "...#..."]
print(bfs_grid(maze, (0, 0), (4, 6)))
print(heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]), heapq.nlargest(2, "hello world".split(), key=len))
h = []
for x in [5, 3, 8, 1]:
    heapq.heappush(h, -x)
print([-heapq.heappop(h) for _ in range(len(h))])
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
h = [9, 4, 7, 1]
heapq.heapify(h)
print(h, heapq.heappushpop(h, 0), heapq.heapreplace(h, 10), h)
# SCC Tarjan
def tarjan(g):
    index = {}
    low = {}
    st = []
    on = set()
    res = []
    counter = itertools.count()
    def strong(v):
        index[v] = low[v] = next(counter)
        st.append(v); on.add(v)
        for w in g.get(v, []):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = st.pop(); on.discard(w); comp.append(w)
                if w == v: break
            res.append(sorted(comp))
    for v in sorted(g):
        if v not in index:
            strong(v)
    return res
print(tarjan({1: [2], 2: [3], 3: [1, 4], 4: [5], 5: [6], 6: [4], 7: [6, 8], 8: [7]}))
print(list(itertools.permutations("abc", 2))[:4], list(itertools.combinations(range(4), 3)))
