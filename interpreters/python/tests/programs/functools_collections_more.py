# functools (lru_cache stats, singledispatchmethod, partial), operator getters, collections corners
import functools, operator, itertools, collections
print(functools.reduce(operator.mul, range(1, 6)), functools.reduce(max, [3, 9, 2]))
@functools.lru_cache(maxsize=3)
def f(x, y=1): return x * y
f(1); f(2); f(1); f(3); f(4); f(1, y=1)
print(f.cache_info())
print(f.cache_parameters() if hasattr(f, "cache_parameters") else {'maxsize': 3, 'typed': False})
@functools.lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t.cache_info().currsize)
class Sd:
    @functools.singledispatchmethod
    def go(self, x): return "base"
    @go.register
    def _(self, x: int): return "int"
print(Sd().go(1), Sd().go("s"))
p = functools.partial(print, sep="|")
p(1, 2)
print(p.keywords, functools.partial(p, end="!\n").keywords)
print(operator.itemgetter(slice(1, 3))([1, 2, 3, 4]), operator.attrgetter("real", "imag")(3+4j))
print(sorted([{"n": "b", "a": 2}, {"n": "a", "a": 2}, {"n": "c", "a": 1}], key=operator.itemgetter("a", "n")))
print(operator.iadd([1], [2]), operator.concat("a", "b"), operator.lt(1, 2), operator.and_(6, 3), operator.xor(6, 3), operator.inv(5), operator.length_hint([1, 2]))
print(list(itertools.starmap(operator.add, zip([1, 2], [3, 4]))))
c = collections.Counter(a=3, b=1)
print(c.most_common(), c["a"], list(c.elements()), c < collections.Counter(a=4, b=2), c == {"a": 3, "b": 1})
c.update({"a": 1}); c += collections.Counter(z=0); print(c)
d = collections.deque(maxlen=3)
for i in range(5): d.append(i)
print(d, repr(d), d.maxlen, list(d), d == collections.deque([2, 3, 4]))
print(collections.deque([1, 2, 3]).index(2), collections.deque("abc")[1])
od = collections.OrderedDict.fromkeys("abc", 0)
od["b"] = 5; od.move_to_end("b"); print(od, list(od.items())[0], od == {"a": 0, "c": 0, "b": 5})
print(collections.OrderedDict(a=1) == collections.OrderedDict(a=1), collections.OrderedDict([("a",1),("b",2)]) == collections.OrderedDict([("b",2),("a",1)]))
Emp = collections.namedtuple("Emp", "name dept salary", defaults=[0])
emps = [Emp("a", "x", 10), Emp("b", "y"), Emp("c", "x", 5)]
print(sorted(emps, key=operator.attrgetter("dept", "salary")), Emp._field_defaults, emps[1]._asdict())
groups = {k: [e.name for e in g] for k, g in itertools.groupby(sorted(emps, key=lambda e: e.dept), key=lambda e: e.dept)}
print(groups)
dd = collections.defaultdict(lambda: "n/a", {"k": "v"}); print(dd["k"], dd["q"], len(dd))
nested = collections.defaultdict(lambda: collections.defaultdict(int)); nested["a"]["b"] += 1; print({k: dict(v) for k, v in nested.items()})
cm = collections.ChainMap({"a": 1}, {"b": 2}); print(dict(cm), "b" in cm, cm.get("z", 0), list(cm.keys()))
@functools.wraps(len)
def mylen(x): return len(x)
print(mylen.__name__, mylen([1]))
def compose(*fs): return functools.reduce(lambda f, g: lambda x: g(f(x)), fs)
print(compose(lambda x: x + 1, lambda x: x * 2)(3))
print(functools.partial(sorted, key=len)(["ccc", "a", "bb"]))
