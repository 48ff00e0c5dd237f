# gc-stress: skip (nested pretty-printing re-reprs subtrees: ~20 s when every allocation collects)
import pprint
from collections import OrderedDict, defaultdict, Counter, deque
from dataclasses import dataclass

data = {"name": "widget", "tags": ["a", "b", "c"] * 5, "dims": (10, 20, 30),
        "nested": {"x": list(range(30)), "y": {"deep": [1, 2, {"z": "q" * 30}]}},
        3: None, "set": {5, 3, 1, 9, 7, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37}}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=2)
pprint.pprint(data, sort_dicts=False, width=50)
pprint.pp(data, width=50)
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(list(range(40)), compact=True, width=30, indent=2)
pprint.pprint([list(range(10))] * 4, width=30, compact=True)
print(pprint.pformat("x" * 100))
s = "The quick brown fox jumps over the lazy dog. " * 4
pprint.pprint(s)
pprint.pprint([s, "short"], width=40)
pprint.pprint({"k": s}, width=40)
pprint.pprint("line one\nline two\n" * 3, width=20)
pprint.pprint(b"abcdefgh" * 12, width=40)
pprint.pprint(bytearray(b"xyz" * 30), width=40)
pprint.pprint((1,), width=1)
pprint.pprint(((1, 2, 3),) * 10, width=30)
pprint.pprint(frozenset(range(30)), width=40)
pprint.pprint(set(), width=1)
pprint.pprint(OrderedDict((str(i), i) for i in range(12)), width=40)
dd = defaultdict(list)
for i in range(10):
    dd["key%d" % i].append(i)
pprint.pprint(dd, width=40)
pprint.pprint(Counter("abracadabra" * 3 + "xyzw"), width=30)
pprint.pprint(deque(range(30)), width=40)
pprint.pprint(deque(range(30), maxlen=40), width=40)
r = [1, 2]
r.append(r)
print(pprint.pformat(r).split(" with")[0])
print(pprint.saferepr(r).split(" with")[0], pprint.isrecursive(r), pprint.isreadable(r))
d = {"a": 1}
d["self"] = d
print(pprint.saferepr(d).split(" with")[0], pprint.isrecursive(d))
print(pprint.isreadable([1, "x", (2.5, None)]), pprint.isreadable(object()), pprint.isreadable({1: int}))
print(pprint.saferepr({"b": 1, "a": [3, 2]}))
pp = pprint.PrettyPrinter(indent=2, width=30, depth=3)
print(pp.pformat([[[[1, 2, 3]]], {"a": {"b": {"c": {}}}}]))
print(pp.isreadable([1, 2]), pp.isrecursive([1]))
pp.pprint({"alpha": list(range(12)), "beta": "gamma"})
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print(e)
print(pprint.pformat({1: "a", "b": 2, (1, 2): 3}))
pprint.pprint({"mixed": [1, "two", 3.0, None, True, (4, 5)], "z": {}}, width=20)

@dataclass
class Point:
    x: int
    y: int
    label: str

pprint.pprint([Point(1, 2, "first" * 5), Point(3, 4, "second" * 5)], width=40)
pprint.pprint(Point(1, 2, "p" * 90))
import types
pprint.pprint(types.SimpleNamespace(alpha=list(range(20)), beta="b" * 50), width=40)
pprint.pprint(list(range(1000, 1030)), width=40, underscore_numbers=True, compact=True)
pprint.pprint(12345678, underscore_numbers=True)
