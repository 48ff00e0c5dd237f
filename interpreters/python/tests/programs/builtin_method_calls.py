# Methods of builtin objects called in a hot loop (the interpreter passes the object to the
# unbound method instead of binding it), static and class methods read through an
# instance, and arity errors.
def run(n):
    l = []; d = {}; s = set(); words = []
    for i in range(n):
        l.append(i)
        d.setdefault(i % 7, []).append(i)
        s.add(i % 13)
        words.append("W%d" % i)
        t = "a,b,c".split(",")
        x = d.get(i % 7, 0)
        y = (i).bit_length() + True.bit_length()
    print(len(l), sorted(d)[:3], len(s), t, y, "-".join(words[:3]).lower())
    print({}.fromkeys("ab"), "".maketrans("a", "b"), (3.5).is_integer(), b"ab".hex())
    for bad in (lambda: l.append(), lambda: l.append(1, 2), lambda: d.get(), lambda: "x".join(5), lambda: l.pop(99)):
        try: bad()
        except Exception as e: print(type(e).__name__, e)
    m = l.append
    m(5); print(l[-1])
run(2000)
