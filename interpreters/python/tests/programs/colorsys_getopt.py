# colorsys conversions both ways (exact floats) and getopt/gnu_getopt with their errors.
import colorsys, random, getopt
random.seed(3)
vals = [(0, 0, 0), (1, 1, 1), (1, 0, 0), (0, 1, 0), (0, 0, 1), (0.2, 0.4, 0.4), (0.5, 0.5, 0.2), (0.9, 0.1, 0.7)]
vals += [(random.random(), random.random(), random.random()) for _ in range(300)]
out = []
for r, g, b in vals:
    h, s, v = colorsys.rgb_to_hsv(r, g, b); out.append((h, s, v, colorsys.hsv_to_rgb(h, s, v)))
    h, l, s = colorsys.rgb_to_hls(r, g, b); out.append((h, l, s, colorsys.hls_to_rgb(h, l, s)))
    y, i, q = colorsys.rgb_to_yiq(r, g, b); out.append((y, i, q, colorsys.yiq_to_rgb(y, i, q)))
print(hash(repr(out)) if False else len(out)); print(out[:12]); print(repr(out)[-3000:])
import hashlib; print(hashlib.md5(repr(out).encode()).hexdigest())
print(getopt.getopt(["-a", "-b", "val", "-cfoo", "--long", "--opt=3", "x", "-d"], "ab:c:d", ["long", "opt="]))
print(getopt.gnu_getopt(["x", "-a", "y", "--opt", "4", "--", "-z"], "a", ["opt="]))
print(getopt.getopt(["--lo"], "", ["long", "other"]))
for a, s, l in [(["-z"], "a", []), (["-b"], "b:", []), (["--nope"], "", ["long"]), (["--opt"], "", ["opt="]), (["--long=1"], "", ["long"]), (["--l"], "", ["long", "lang"])]:
    try:
        getopt.getopt(a, s, l)
    except getopt.GetoptError as e:
        print("error:", e, "|", e.opt, "|", e.msg)
