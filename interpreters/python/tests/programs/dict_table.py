import random
random.seed(5)
d = {}
ref = []
for i in range(5000):
    k = random.randrange(300)
    op = random.randrange(3)
    if op == 0:
        d[k] = i
    elif op == 1:
        d.pop(k, None)
    else:
        d.get(k)
print(len(d), list(d.items())[:10], sum(d.values()))
class K:
    def __init__(s, v): s.v = v
    def __hash__(s): return s.v % 7
    def __eq__(s, o):
        if s.v == 13: victim.clear()
        return isinstance(o, K) and s.v == o.v
victim = {K(i): i for i in range(20)}
print(victim.get(K(3)), len(victim))
victim2 = {K(i): i for i in range(20)}
victim = victim2
print(victim.get(K(13)), len(victim))
s = {str(i): i for i in range(1000)}
for i in range(0, 1000, 3): del s[str(i)]
print(len(s), list(s)[:5], s.get("998"), s.get("999"))
s.clear(); s["a"] = 1; print(s)
