# Stores, deletes and updates whose work is a Python call: their result is not the
# instruction's, also when the call finishes after the caller was rebuilt from compiled code
# (a guard failing inside the callee, here on alternating branches).
log = []


class Table:
    def __init__(self):
        self.data = {}

    def __setitem__(self, k, v):
        if v % 3 == 0:
            log.append(("three", k))
        else:
            self.data[k] = v

    def __delitem__(self, k):
        if k % 2:
            self.data.pop(k, None)
        else:
            log.append(("keep", k))


class Point:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        if v % 2:
            self._x += v
        else:
            self._x -= 1


class Recorder:
    # (A class as the store's method: calling it makes an object, which is not the store's
    # result either.)
    def __init__(self, *a):
        if a[-1] % 2:
            log.append(a[-1])


class Box:
    __setitem__ = Recorder


def run(n):
    t, p, b = Table(), Point(), Box()
    total = 0
    for i in range(n):
        t[i] = i
        p.x = i
        b[i] = i
        if i % 5 == 0:
            del t[i]
        total += i
    return total, len(t.data), p.x, len(log)


for n in (10, 200, 1000):
    print(run(n))
