class K:
    def __init__(self): self.a = 1
k = K()
out = []
for i in range(200):
    out.append(getattr(k, "a"))
    try:
        out.append(k.missing)
    except AttributeError:
        out.append("AE")
    k.b = i
    if i == 100:
        K.__getattr__ = lambda self, n: "dyn-" + n
        K.__setattr__ = lambda self, n, v: object.__setattr__(self, n, v * 2)
    if i == 150:
        del K.__getattr__
        del K.__setattr__
print(out[:4], out[200:206], out[-4:], k.b)
