import queue, graphlib, shlex, fnmatch, glob, reprlib, copyreg, os, tempfile

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(3)], q.get_nowait())
q.task_done(); q.task_done()
print(q.unfinished_tasks)
q.get()
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e), queue.Empty)
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
b = queue.Queue(maxsize=2)
b.put(1); b.put_nowait(2)
print(b.full())
try:
    b.put_nowait(3)
except queue.Full as e:
    print("Full", queue.Full)
l = queue.LifoQueue()
for c in "abc":
    l.put(c)
print([l.get() for _ in range(3)])
p = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]:
    p.put(item)
print([p.get() for _ in range(4)])
s = queue.SimpleQueue()
s.put("x"); s.put("y")
print(s.qsize(), s.get(), s.get(), s.empty())
x = queue.Queue()
x.put(1); x.get(); x.task_done()
try:
    x.task_done()
except ValueError as e:
    print(e)

ts = graphlib.TopologicalSorter({"d": ["b", "c"], "b": ["a"], "c": ["a"], "e": []})
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter()
ts.add("build", "compile", "link")
ts.add("link", "compile")
ts.add("test", "build")
ts.prepare()
order = []
while ts.is_active():
    ready = ts.get_ready()
    print("ready", ready)
    order.extend(ready)
    ts.done(*ready)
print(order, bool(ts))
cyc = graphlib.TopologicalSorter({1: [2], 2: [3], 3: [1]})
try:
    cyc.prepare()
except graphlib.CycleError as e:
    print(type(e).__name__, e.args, isinstance(e, ValueError))
t2 = graphlib.TopologicalSorter({"a": []})
for bad in [lambda: t2.get_ready(), lambda: t2.is_active()]:
    try:
        bad()
    except ValueError as e:
        print(e)
t2.prepare()
for bad in [lambda: t2.prepare(), lambda: t2.add("z"), lambda: t2.done("a"), lambda: t2.done("q")]:
    try:
        bad()
    except ValueError as e:
        print(e)
t2.get_ready(); t2.done("a")
try:
    t2.done("a")
except ValueError as e:
    print(e)

for line in ['ls -l "my file.txt" \'single q\' back\\ slash', 'echo "a \\"quoted\\" word" x#y # comment',
             "a'b'c \"d\"e", '  spaced   out  ', '']:
    print(shlex.split(line), shlex.split(line, comments=True))
for bad in ['"open', "it's", 'trail\\']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(repr(bad), e)
for w in ["simple", "", "has space", "it's", "a$b", "safe-_.,/:=@%+"]:
    print(shlex.quote(w))
print(shlex.join(["rm", "-rf", "my dir", "it's"]))
lex = shlex.shlex("a = b + 'c d'")
print(list(lex))

print(fnmatch.fnmatch("file.py", "*.py"), fnmatch.fnmatch("file.txt", "*.py"), fnmatch.fnmatchcase("A.PY", "*.py"))
print(fnmatch.filter(["a1.txt", "b2.txt", "c.py", "a3.md", "ab.txt"], "a?.txt"))
print(fnmatch.filter(["x1", "y2", "z3", "-", "!"], "[!x-y]*"), fnmatch.filter(["a-b", "acb"], "a[-]b"))
print(fnmatch.fnmatch("abc", "a*c*"), fnmatch.fnmatch("a[b", "a[b"), fnmatch.translate("*.py"))
print(fnmatch.fnmatch("x/y.c", "*.c"), fnmatch.fnmatch("data_2024_01.csv", "data_*_??.csv"))

d = tempfile.mkdtemp()
for name in ["a.txt", "b.txt", "c.py", ".hidden.txt", "sub/d.txt", "sub/deep/e.txt"]:
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("x")
rel = lambda ps: sorted(os.path.relpath(p, d) for p in ps)
print(rel(glob.glob(os.path.join(d, "*.txt"))))
print(rel(glob.glob(os.path.join(d, "*"))))
print(rel(glob.glob(os.path.join(d, "**", "*.txt"), recursive=True)))
print(rel(glob.glob(os.path.join(d, "*", "*.txt"))))
print(sorted(glob.glob("*.txt", root_dir=d)), sorted(glob.glob("*.txt", root_dir=d, include_hidden=True)))
print(glob.has_magic("a*b"), glob.has_magic("plain"), glob.escape("what?[x]*"))
print(rel(glob.iglob(os.path.join(d, "?.py"))), glob.glob(os.path.join(d, "nothing*")))
import shutil
shutil.rmtree(d)

r = reprlib.Repr()
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr(10 ** 60))
print(reprlib.repr({i: str(i) for i in range(10)}), reprlib.repr(set(range(20))), reprlib.repr(frozenset()))
print(reprlib.repr((1,)), reprlib.repr([[[[[[[[1]]]]]]]]), reprlib.repr(tuple(range(10))))
r.maxlist = 2; r.maxstring = 10; r.fillvalue = "~"
print(r.repr([1, 2, 3]), r.repr("abcdefghijklmnop"), r.repr(object)[:20])

class Box:
    def __init__(self):
        self.items = [self]
    @reprlib.recursive_repr()
    def __repr__(self):
        return "Box(%r)" % self.items
print(Box(), Box.__repr__.__name__)

class P:
    def __init__(self, v): self.v = v
copyreg.pickle(P, lambda p: (P, (p.v,)))
print(P in copyreg.dispatch_table, copyreg.dispatch_table[P](P(3))[1])
try:
    copyreg.pickle(P, 5)
except TypeError as e:
    print(e)
class S:
    __slots__ = ("a", "__b")
print(copyreg._slotnames(S), type(copyreg.__newobj__(P, 7)).__name__)
