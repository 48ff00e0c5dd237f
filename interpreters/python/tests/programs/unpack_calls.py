# Calls made inside instructions that spread their result on the stack: `with`'s
# __enter__, unpacking a generator (plain and starred). A guard right after such a call
# resumes the instruction with the call's result.
class Counter:
    def __init__(self):
        self.n = 0

    def __enter__(self):
        self.n += 1
        return self.n

    def __exit__(self, kind, value, tb):
        return False


def gen(i):
    yield i
    yield i * 2
    yield i * 3


cm = Counter()
total = 0
for i in range(2000):
    with cm as k:
        total += k % 7
    x, y, z = gen(i)
    p, *q = gen(i + 1)
    *r, s = gen(i + 2)
    total += x + y + z + p + sum(q) + s + len(r)
print(total, cm.n)
