# Fast paths for exact builtin types (sorting keys, tuple comparison, set and dict probes,
# str building, small results of natives, exceptions) must behave as the general paths.

# One-character strs: iteration and indexing give the shared ones.
s, t = "xyz", "axb"
print(s[0] is t[1], list("héllo"), "héllo"[1], chr(233), chr(0x263A), [c for c in "a\u00ffb"])
print(sum(1 for ch in "mississippi" if ch == "s"), "".join(reversed("stressed")))

# Sorting by tuples of ints and strs, ties, reverse, stability, errors.
words = ["pear", "fig", "apple", "kiwi", "date", "plum", "lime", "fig"]
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=lambda w: (-len(w), w), reverse=True))
pairs = [(3, "b"), (1, "z"), (3, "a"), (1, "a"), (2, "m")]
print(sorted(pairs), sorted(pairs, reverse=True), min(pairs), max(pairs))
print(sorted([(1, (2, "x")), (1, (2, "a")), (0, (9,))]))
print(sorted([5, -3, 2**70, 0, -(2**65), 7]))
stable = sorted([(1, "first"), (0, "x"), (1, "second")], key=lambda p: p[0])
print(stable)
for bad in ([(1, "a"), (1, 2)], [1, (1,)], [(1,), "a"]):
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)
nan = float("nan")
tn = (nan, 1)
print(tn == tn, [tn] == [tn], tn < tn, (nan,) == (nan,), (1, 2) < (1, 2, 0), (2,) > (1, 9))

class Loud:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v
    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v
print([x.v for x in sorted([Loud(2), Loud(1)])])
print(sorted([(1, Loud(5)), (1, Loud(4))], key=lambda p: p)[0][1].v)

# Sets of ints: equal hashes, equal values in different objects, user __eq__.
big = 10**20
print(sorted({big, 10**20, 1, 1.0, True, 2**64, 2**64}), len({-1, -2, 2**61 - 1, 2**61}))
st = {i * 1000003 for i in range(50)}
for i in range(0, 50, 3):
    st.discard(i * 1000003)
print(len(st), 3 * 1000003 in st, 4 * 1000003 in st, sorted(st)[:4])

class Key:
    def __init__(self, h, tag, victim=None):
        self.h, self.tag, self.victim = h, tag, victim
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        if self.victim is not None:
            self.victim.clear()
            self.victim = None
        return isinstance(other, Key) and self.tag == other.tag
a = {Key(1, "a"), Key(1, "b")}
print(Key(1, "a") in a, Key(1, "c") in a, len(a))
d = {Key(7, "x"): 1, Key(7, "y"): 2}
print(d.get(Key(7, "y")), d.get(Key(7, "z"), "none"))
victim = {Key(3, "p"): 1}
print(victim.get(Key(3, "q", victim), "gone"), len(victim))

# Dicts with str keys built by concatenation and join.
counts = {}
for w in "the cat the hat the end".split():
    k = w[:1] + "-" + w[1:]
    counts[k] = counts.get(k, 0) + 1
print(counts, "".join(["one"]), "-".join(["a", "é", "b"]), len("é" + "ü" + "x"))
for bad in (["a", 1], [b"x"]):
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError:", e)
print("MiXeD Ascii".lower(), "MiXeD Ascii".upper(), "ÉCOLE straße".lower(), "straße".upper(), "".lower() == "")

# Small results of natives.
print(ord("a"), ord("é"), len("abc"), "banana".find("an"), "banana".count("a"), [1, 2, 3].index(2))
print(ord("a") is ord("a"), len([1, 2]) is len("ab"), list(range(250, 260))[-1])

# Exceptions: attributes of new exceptions, subclasses that set more.
try:
    {}["missing"]
except KeyError as e:
    print(repr(e), e.args, e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__ is not None)

class FieldError(ValueError):
    def __init__(self, field, code):
        ValueError.__init__(self, field, code)
        self.field, self.code, self.extra1, self.extra2 = field, code, 1, 2
try:
    raise FieldError("x", 3)
except ValueError as e:
    print(type(e).__name__, e.args, e.field, e.code, e.extra1 + e.extra2, str(e))
print(SystemExit().code, StopIteration().value, StopIteration(5).value, SystemExit(2).code)
try:
    try:
        [][1]
    except IndexError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(repr(e), type(e.__cause__).__name__, e.__suppress_context__)

# isinstance with and without a metaclass hook, the hook added later.
class Meta(type):
    pass
class C(metaclass=Meta):
    pass
print(isinstance(3, C), isinstance(True, int), isinstance(True, (str, int)), issubclass(bool, int))
Meta.__instancecheck__ = lambda cls, obj: obj == 3
Meta.__subclasscheck__ = lambda cls, sub: sub is int
print(isinstance(3, C), isinstance(4, C), issubclass(int, C), issubclass(str, C))
del Meta.__instancecheck__
print(isinstance(3, C), isinstance(C(), C))

# Builtins called with few positional arguments, and their errors.
print(divmod(17, 5), pow(2, 10, 1000), max(3, 9, 4), isinstance("s", str))
for call in (lambda: len(), lambda: isinstance(1), lambda: divmod(1, 2, 3), lambda: "a".upper(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
