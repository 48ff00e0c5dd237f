# collections: deque, defaultdict, OrderedDict, Counter, ChainMap, namedtuple
from collections import deque, defaultdict, OrderedDict, Counter, ChainMap, namedtuple

# deque
d = deque([3, 4, 5])
d.appendleft(2)
d.appendleft(1)
d.append(6)
print(d, len(d), d[0], d[-1], 4 in d, 9 in d)
print(d.popleft(), d.pop(), d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.extendleft([10, 20])
print(d, d.count(3), d.index(3))
d.remove(10)
d.reverse()
print(d, list(reversed(d)))
d[1] = 99
del d[0]
print(d, bool(d), bool(deque()))
d.insert(1, "x")
print(d, d.copy() == d, d == deque(d), d != deque())
r = deque(range(10), maxlen=4)
print(r, r.maxlen)
r.append(10)
r.appendleft(-1)
print(r)
r.extend([7, 8, 9])
print(r, list(r))
q = deque()
for i in range(100):
    q.append(i)
    if i % 3 == 0:
        q.popleft()
print(len(q), q[0], q[-1], sum(q))
for i in range(50):
    q.appendleft(i)
print(len(q), q[0], q[49], q[50])
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
try:
    deque().popleft()
except IndexError as e:
    print("IndexError", e)
try:
    deque([1]).remove(2)
except ValueError as e:
    print("ValueError", e)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, deque("ab", 3))

# defaultdict
dd = defaultdict(list)
for word in "the quick brown fox jumps over the lazy dog".split():
    dd[len(word)].append(word)
print(sorted(dd.items()))
print(dd)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, counts["z"], len(counts), "q" in counts)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
print(nested["a"]["b"], dict(nested["a"]))
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)
print(defaultdict(set, {1: {2}}), dd.get(99), dd.default_factory)
print(dict(counts) == {"m": 1, "i": 4, "s": 4, "p": 2, "z": 0})

# OrderedDict
od = OrderedDict()
od["one"] = 1
od["two"] = 2
od["three"] = 3
print(od, list(od.keys()), list(od.values()))
od.move_to_end("one")
print(list(od))
od.move_to_end("one", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(OrderedDict(), OrderedDict([("x", 1)]))
try:
    od.move_to_end("nope")
except KeyError as e:
    print("KeyError", e)

# Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["zz"], len(c))
c.update("zz")
c.update({"a": 10})
print(c.most_common(3))
c.subtract("aaa")
print(c["a"], sorted(c.elements())[:6])
a = Counter(x=3, y=1)
b = Counter(x=1, y=2, w=5)
print(a + b, a - b, a | b, a & b)
print(+Counter(p=2, q=-1), -Counter(p=2, q=-1))
print(Counter(), Counter([1, 1, 2]).total(), Counter("aab") == Counter("aba"))
words = "to be or not to be that is the question".split()
print(Counter(words).most_common(3))
del c["zz"]
print("zz" in c, sorted(Counter({"b": 2, "a": 2, "c": 3}).items()))

# ChainMap
defaults = {"color": "red", "user": "guest"}
overrides = {"user": "admin"}
cm = ChainMap(overrides, defaults)
print(cm["user"], cm["color"], len(cm), sorted(cm), "color" in cm)
cm["color"] = "blue"
print(overrides, defaults, cm.get("nope", 0))
child = cm.new_child()
child["x"] = 1
print(child["x"], child.parents["user"], len(child.maps))
print(ChainMap({"a": 1}, {"b": 2}))

# namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p))
x, y = p
print(x, y, p == (3, 4), p == Point(3, 4), p != Point(4, 3), hash(p) == hash((3, 4)))
print(p._asdict(), p._replace(y=10), Point._fields, Point._make([5, 6]))
Person = namedtuple("Person", "name age city", defaults=["Paris"])
print(Person("Ann", 30), Person(name="Bob", age=5, city="Rome"), Person._field_defaults)
print(sorted([Point(2, 1), Point(1, 2), Point(1, 1)]))
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError", e)
try:
    namedtuple("Bad", ["x", "x"])
except ValueError as e:
    print("ValueError", e)
try:
    namedtuple("Bad", ["class"])
except ValueError as e:
    print("ValueError", e)
print(namedtuple("R", "a, _b", rename=True)._fields)


class Vec(namedtuple("Vec", "x y")):
    def norm2(self):
        return self.x * self.x + self.y * self.y


v = Vec(3, 4)
print(v.norm2(), v, v.x)
