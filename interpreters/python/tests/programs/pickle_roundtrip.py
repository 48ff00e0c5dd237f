# gc-stress: skip (imports large library modules; every allocation would collect them)
import pickle, collections, enum, dataclasses
class P:
    def __init__(self, x): self.x = x; self.l = [x, "s"]
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1; self.b = 2
class E(enum.Enum):
    A = 1
@dataclasses.dataclass
class DC:
    x: int
    y: list
class L(list): pass
class Dd(dict): pass
NT = collections.namedtuple("NT", "a b")
class St:
    def __init__(self): self.v = 1
    def __getstate__(self): return {"v": self.v * 10}
    def __setstate__(self, s): self.v = s["v"] + 1
shared = [1, 2]
vals = [None, True, False, 0, 255, 256, 65535, 65536, -1, 2**31, -2**31-1, 2**100, -2**70, 1.5, -0.0,
        "", "hello", "ü€𝄞", "x"*260, b"", b"ab", bytearray(b"xy"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
        [], [1], list(range(5)), {}, {"a": 1}, {"a": 1, "b": [2]}, set(), {1, 2}, frozenset(), frozenset({3}),
        [shared, shared], (shared, shared), {"k": shared, "j": shared}, complex(1, 2),
        P(3), S(), E.A, DC(1, [2]), L([1, 2]), Dd(a=1), NT(1, 2), collections.OrderedDict(a=1),
        collections.Counter("aab"), collections.deque([1, 2]), St(), P, len, [b"ab", b"cd"],
        10**40]
for i, v in enumerate(vals):
    for proto in (2 + i % 4,):
        try:
            d = pickle.dumps(v, proto)
        except Exception as e:
            print("dump", type(v).__name__, proto, type(e).__name__, e); continue
        if type(v) in (int, float, str, bytes, tuple, list, dict, set, frozenset, bool, type(None)) or v is P:
            print(proto, d if len(d) < 200 else (len(d), d[:40], d[-40:]))
        r = pickle.loads(d)
        if isinstance(v, (P, S, St)):
            print(type(r).__name__, getattr(r, "__dict__", None) or (r.a, r.b))
        else:
            print(proto, r == v, type(r).__name__)
r = pickle.loads(pickle.dumps([shared, shared])); print(r[0] is r[1])
big = list(range(1001)); d = pickle.dumps(big)
print(len(d), d[-12:], pickle.loads(d) == big)
import io
f = io.BytesIO(); pickle.dump({"x": 1}, f); pickle.dump([2], f); f.seek(0); print(pickle.load(f), pickle.load(f))
try: pickle.loads(b"")
except EOFError as e: print("EOF", e)
try: pickle.dumps((x for x in []))
except TypeError as e: print(e)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
