# heapq, bisect, copy, string, keyword
import heapq
import bisect
import copy
import string
import keyword

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, h[0])
print([heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data)
print(heapq.heappushpop(data, -1), heapq.heapreplace(data, 10), data)
print(heapq.nsmallest(3, [5, 2, 8, 1, 9]), heapq.nlargest(2, [5, 2, 8, 1, 9]))
print(heapq.nlargest(2, ["bb", "a", "ccc"], key=len), heapq.nsmallest(2, [(2, "b"), (1, "z"), (1, "a")]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([3, 1], [2], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
while tasks:
    print(heapq.heappop(tasks))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
rng = 12345
big = []
for _ in range(200):
    rng = (rng * 1103515245 + 12345) % 2147483648
    heapq.heappush(big, rng % 1000)
out = [heapq.heappop(big) for _ in range(200)]
print(out == sorted(out), out[:5], out[-3:])

grades = [60, 70, 80, 90]
print(bisect.bisect(grades, 75), bisect.bisect_left(grades, 70), bisect.bisect_right(grades, 70))
print("FDCBA"[bisect.bisect(grades, 85)], [("FDCBA"[bisect.bisect(grades, s)]) for s in [33, 99, 77, 70, 89]])
li = [1, 3, 5]
bisect.insort(li, 4)
bisect.insort_left(li, 3)
bisect.insort_right(li, 0)
print(li, bisect.bisect_left(li, 3, 2), bisect.bisect_right(li, 3, 0, 3))
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]))
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print("ValueError", e)

orig = [[1, 2], {"k": [3]}, (4, [5])]
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig[0].append(99)
orig[1]["k"].append(98)
print(shallow, deep, shallow[0] is orig[0], deep[0] is orig[0])
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc)
t = (1, "a", None)
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.copy({1, 2}), copy.deepcopy({"a": (1, [2])}))


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("custom copy")
        return Custom(self.v)

    def __deepcopy__(self, memo):
        print("custom deepcopy")
        return Custom(copy.deepcopy(self.v, memo))


c1 = copy.copy(Custom([1]))
c2 = copy.deepcopy(Custom([2]))
print(c1.v, c2.v)

print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable), string.ascii_letters[20:30])
print(string.capwords("hello   wide world"), string.capwords("a-b-c", "-"))
tmpl = string.Template("$who likes ${what}, costs $$5")
print(tmpl.substitute(who="tim", what="kung pao"), tmpl.substitute({"who": "ann", "what": "tea"}))
print(tmpl.safe_substitute(who="bo"), tmpl.get_identifiers(), tmpl.is_valid())
try:
    tmpl.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $ here").substitute()
except ValueError as e:
    print("ValueError", e)
print(string.Formatter().format("{0}-{name}-{1!r}", "a", "b", name="n"))

print(keyword.iskeyword("for"), keyword.iskeyword("foo"), keyword.issoftkeyword("match"), len(keyword.kwlist))
print([w for w in "if x is None and not y or lambda".split() if keyword.iskeyword(w)])
