globals()['x'] = 1
print(x)
globals().update({'y': 2}, z=3)
print(y, z)
g = globals()
g.setdefault('w', 4); print(w)
del g['w']
try:
    w
except NameError as e:
    print("NameError", e)
print("x" in globals(), globals()["x"], isinstance(globals(), dict))
exec("def from_exec():\n    return x + 10", globals())
print(from_exec())
print(eval("x + y", globals()))
def f():
    return globals()["y"]
print(f())
for name in ["a1", "a2"]:
    globals()[name] = len(name)
print(a1 + a2)
print(sorted(k for k in globals() if not k.startswith("__"))[:6])
