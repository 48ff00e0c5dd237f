# The operations that skip the runtime's general path when no user code can run
# (str/dict/set/list fast paths), checked against the general path's answers.

def chars(s):
    return [c for c in s]

print(chars("abc"))
print(chars("aé€b𝄞c"))          # non-ASCII: iteration by byte offsets
print(chars(""))
it = iter("xé")
print(next(it), next(it), next(it, "end"))
print("".join(reversed("abé")))

s = "hello"
print(s == "hello", s != "hellp", s < "help", s <= "hello", s > "hell", s >= "z")
print("é" > "z", "a" < "é", "ab" < "abc", "" < "a")
print(s[0], s[-1], s[1:3], s[::-1], s[10:], s[-100:2])
try:
    s[5]
except IndexError as e:
    print("IndexError", e)

d = {"a": 1, 2: "two", (1, 2): "pair"}
print(d["a"], d[2], d[(1, 2)], "a" in d, "b" in d, 2 in d, 3 in d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
d["a"] = 10
d[True] = "bool key"      # True == 1 is not 2: a new key
print(d, len(d))

class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other

print(Key("a") in d, d[Key(2)])
st = {1, 2, "x"}
print(1 in st, 5 in st, "x" in st, Key("x") in st)
st.add(3); st.discard(1); st.discard(42)
print(sorted(st, key=str))
print("ell" in s, "z" in s, "" in s)

l = [1, 2, 3, 4, 5, 6]
print(l[:2], l[2:], l[1:5:2], l[::-2], l[4:1], l[-3:], l[100:])
print(l + [7], (1, 2) + (3,), [] + [], () + ())
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError", e)

class L(list):
    pass
print(L([1]) + [2], type(L([1]) + [2]).__name__)
print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), isinstance([], dict))
print(len("aé"), len({}), len({"k": 1}), len([1, 2]), len((1,)))

total = 0
for i in range(3000):
    w = "w%d" % (i % 7)
    if w == "w3" or w in ("w5",):
        total += len(w)
    total += sum(1 for c in w if c == "w")
print(total)

# Slices and concatenations of lists read the list in place.
big = list(range(20))
print(big[3:17], big[-5:], big[:0], big[5:2], big[::5], big[18:3:-4], big[-100:100:7])
print(len(big + big), (big + [])[-1], ([] + big)[0], big[2:4] + big[6:8] + [None])
class Shrinking:
    def __init__(self, l, v):
        self.l, self.v = l, v
    def __index__(self):
        del self.l[5:]
        return self.v
victim = list(range(10))
print(victim[Shrinking(victim, 2):8], victim)
victim = list(range(10))
print(victim[1:Shrinking(victim, 9):2], victim)
t = tuple(range(12))
print(t[2:9], t[::3], t + (99,), () + t[:2])
