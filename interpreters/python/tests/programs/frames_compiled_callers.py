# Callers listed from a function that compiled code calls without inlining it (with
# inline_depth=0, or a trace too long): their names, line numbers and locals, through
# sys._getframe and f_back, while the callers' loops run compiled.
import sys

def names(depth):
    out = []
    f = sys._getframe(1)
    while f is not None and len(out) < depth:
        out.append(f.f_code.co_name)
        f = f.f_back
    return out

def peek(i, total):
    if i % 50 == 49:
        f = sys._getframe(1)
        loc = f.f_locals
        return (f.f_code.co_name, f.f_lineno, loc.get("i"), loc.get("total"), loc.get("scale"), names(4))
    return None

def middle(n, scale):
    total = 0
    seen = []
    for i in range(n):
        total += i * scale
        r = peek(i, total)
        if r is not None:
            seen.append(r)
    return total, seen

def outer(rounds):
    acc = []
    for k in range(rounds):
        t, seen = middle(100, k + 1)
        acc.append((t, seen[-1]))
    return acc

for row in outer(6):
    print(row)

def ratio(x):
    f = sys._getframe(1)
    return f.f_locals["y"] / x

def floats():
    s = 0.0
    y = 0.5
    for i in range(1, 300):
        y = y * 1.5 % 7.0
        if i % 97 == 0:
            s += ratio(i)
    return s

print(floats())
