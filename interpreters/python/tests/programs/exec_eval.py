# exec, eval and compile: globals and locals mappings, the caller's scope, code objects, errors.
g = {"a": 1}
exec("b = a + 1\ndef double(n):\n    return n * 2\nc = double(b)", g)
print(g["b"], g["c"], g["double"](21), sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
print(eval("2 * 3 + a", {"a": 4}), eval("[x * x for x in range(4)]"), eval("  1 + 1"))
print(eval("a + b", {"a": 1}, {"b": 2}), eval("a", {"a": 3}, {"a": 4}))

top = 10
exec("made_here = top * 2")
print(made_here)
exec("top += 1")
print(top)


def scope():
    z = 5
    print(eval("z + top"))
    exec("w = z * 3")
    loc = {}
    exec("q = top + 1", globals(), loc)
    print(loc)
    ns = {}
    exec("def h(): return 7", ns)
    return ns["h"]()


print(scope())


class Body:
    exec("attr = 3")
    value = eval("attr + 1")


print(Body.attr, Body.value)

loc = {"a": 1, "b": 0}
exec("del a\nb = 2\nc = b * 5", {}, loc)
print(loc)

exec("def from_exec():\n    return top", globals())
print(from_exec())

code = compile("1 + 2", "<expr>", "eval")
print(repr(code).split(" at ")[0], repr(code).split(",", 1)[1], eval(code))
code = compile("for i in range(3):\n    print('loop', i)", "<prog>", "exec")
exec(code)
exec(code, {})
print(eval(compile("x * 2", "<e>", "eval"), {"x": 21}))
single = compile("5 * 5", "<single>", "single")
exec(single)
print(exec("1"), eval(compile("y = 1", "<s>", "exec"), {}))

for bad in ["1 +", "def f(:\n  pass", "x = )", "if True:\nprint(1)", "return 1"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.filename, e.lineno)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
for call in [lambda: compile("x", "f", "bad"), lambda: exec(5), lambda: eval(None), lambda: exec("1", 5),
             lambda: eval("1", []), lambda: exec("x = 1", {}, 7)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    exec("raise ValueError('boom')")
except ValueError as e:
    print("caught", e)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError:", e)
state = {}
exec("import math\nroot = math.sqrt(16)", state)
print(state["root"], state["math"].pi > 3)
counter = {"n": 0}
for k in range(50):
    exec("n += k", {"k": k}, counter)
print(counter["n"], sum(eval("k * k", {"k": k}) for k in range(100)))
