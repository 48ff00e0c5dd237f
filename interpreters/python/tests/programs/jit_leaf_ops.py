# Hot loops over dict, set and str operations that traces do without the runtime's slow
# path when the operands are exact strs, ints, dicts and sets, with keys of user classes
# (__eq__/__hash__ colliding with str and int keys) mixed in so those paths give way.

class Key:
    """Equal to a str or int of the same text, with the same hash."""
    calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __repr__(self):
        return "Key(%r)" % (self.v,)

    def __eq__(self, other):
        Key.calls += 1
        if isinstance(other, Key):
            return self.v == other.v
        return self.v == other


class MutatingKey:
    """Its __eq__ empties the dict it is compared in."""

    def __init__(self, v, d):
        self.v, self.d = v, d

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        self.d.clear()
        return False


class Str(str):
    pass


def dict_ops(n):
    d = {"a": 0, "b": 0, 1: 0, 2: 0}
    hits = misses = 0
    keys = ["a", "b", "c", 1, 2, 3]
    for i in range(n):
        k = keys[i % len(keys)]
        if k in d:
            d[k] += 1
            hits += 1
        else:
            misses += 1
        if i == n // 2:
            # From here on "c" and 3 collide with user keys: == decides.
            d[Key("c")] = 100
            d[Key(3)] = 300
    return hits, misses, sorted((str(k), v) for k, v in d.items()), Key.calls > 0


def dict_build(n):
    sizes = 0
    last = None
    e = {Key("zz"): 0, Key(5): 0}
    for r in range(n):
        e["zz"] = r
        e[5] = r
        e["new%d" % (r % 4)] = r
        d = {}
        for i in range(r % 12):
            d["k%d" % i] = i
            d[i * 3] = r
        if r % 50 == 7:
            d[Key("k1")] = "user"
            d[Key(3)] = "user3"
        comp = {k: v for k, v in d.items() if not isinstance(k, Key)}
        sizes += len(d) + len(comp)
        last = d
    return sizes, list(last.items())[:5], sorted((repr(k), v) for k, v in e.items())


def dict_missing(n):
    d = {"x": 1}
    errors = 0
    for i in range(n):
        try:
            d["y" if i % 3 == 0 else "x"]
        except KeyError as e:
            errors += 1
            last = e.args
    return errors, last


def set_ops(n):
    s = set()
    found = 0
    for i in range(n):
        s.add(i % 50)
        s.add("k%d" % (i % 7))
        if (i + 3) % 50 in s:
            found += 1
        if "k3" in s:
            found += 1
        s.discard((i * 7) % 50)
        if i == n // 2:
            s.add(Key(49))
            s.add(Key("k5"))
    return found, len(s), sorted(str(x) for x in s if not isinstance(x, Key))


def set_growth(n):
    out = []
    for r in range(n):
        s = {i * r for i in range(20)}
        t = {str(i) for i in range(r % 30)}
        out.append((len(s), len(t)))
    return out[-3:], sum(a + b for a, b in out)


def frozen(n):
    f = frozenset(["a", "b", 1])
    c = 0
    for i in range(n):
        if "a" in f:
            c += 1
        if i in f:
            c += 10
        if Key("b") in f:
            c += 100
    return c


def str_ops(n):
    text = "hello, world: {caf\u00e9} [1, 2]" * 3
    counts = {}
    order = 0
    seps = 0
    for i in range(n):
        ch = text[i % len(text)]
        counts[ch] = counts.get(ch, 0) + 1
        if ch == "o" or ch != ch:
            order += 1
        if ch < "a":
            order += 2
        if ch in ",:[]":
            seps += 1
        if ch >= "\u00e9":
            order += 100
        back = text[-1 - i % len(text)]
        if back == Str(ch):
            order += 1000
    return order, seps, sorted(counts.items())[:6]


def str_index_errors(n):
    s = "abc"
    caught = 0
    for i in range(n):
        try:
            s[i % 5]
        except IndexError as e:
            caught += 1
            msg = str(e)
    return caught, msg


def slices(n):
    texts = ["abcdefgh", "", "x", "caf\u00e9 au lait", "0123456789" * 3]
    bounds = [None, 0, 1, 3, -1, -3, -100, 100, True]
    acc = []
    total = 0
    for i in range(n):
        t = texts[i % len(texts)]
        a = bounds[i % len(bounds)]
        b = bounds[(i // 3) % len(bounds)]
        piece = t[a:b]
        total += len(piece)
        if i % 97 == 0:
            acc.append(piece)
        total += len(t[a:]) + len(t[:b])
        if i % 5 == 0:
            total += len(t[a:b:2]) + len(t[::-1])
    return total, acc


def lens_and_types(n):
    things = ["abc", {"a": 1}, (1, 2), [1], 3, 2.5, True, None, "\u00e9t\u00e9", Str("xy"), Key(1)]
    tally = {}
    for i in range(n):
        x = things[i % len(things)]
        kind = "other"
        if isinstance(x, bool):
            kind = "bool"
        elif isinstance(x, int):
            kind = "int"
        elif isinstance(x, (list, tuple)):
            kind = "seq%d" % len(x)
        elif isinstance(x, str):
            kind = "str%d" % len(x)
        elif isinstance(x, dict):
            kind = "dict%d" % len(x)
        elif isinstance(x, float):
            kind = "float"
        tally[kind] = tally.get(kind, 0) + 1
    return sorted(tally.items())


def mutated_during_probe():
    d = {}
    m = MutatingKey(7, d)
    d[m] = 1
    results = []
    for i in range(300):
        d[7] = i
        results.append(7 in d)
        d[m] = i
    return results.count(True), len(d)


print(dict_ops(3000))
print(dict_build(600))
print(dict_missing(2000))
print(set_ops(3000))
print(set_growth(200))
print(frozen(2000))
print(str_ops(3000))
print(str_index_errors(2000))
print(slices(3000))
print(lens_and_types(3000))
print(mutated_during_probe())
