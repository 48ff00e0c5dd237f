# A suspended generator with a finally or with block is closed (GeneratorExit at its
# yield) once it is garbage and gc.collect() ran, or at exit if still alive; one that
# finished, or that has no handler, needs nothing.
import gc


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False


def counter(name):
    try:
        for i in range(10):
            yield i
    finally:
        print("finally", name)


def managed(name):
    with Resource(name):
        yield 1
        yield 2


def catches(log):
    try:
        yield "a"
    except GeneratorExit:
        log.append("GeneratorExit seen")
        raise


def plain():
    yield 1
    yield 2


g = counter("dropped")
print(next(g), next(g))
g = None
gc.collect()
print("after collect")

m = managed("m1")
print(next(m))
del m
gc.collect()

log = []
c = catches(log)
print(next(c))
del c
gc.collect()
print(log)

done = counter("finished")
print(list(done))
del done
gc.collect()

p = plain()
next(p)
del p
gc.collect()


def logged(log, name):
    try:
        yield name
    finally:
        log.append(name)


def holder(log):
    gens = [logged(log, "in list %d" % i) for i in range(3)]
    for gen in gens:
        next(gen)
    return len(gens)


closed = []
n = holder(closed)
gc.collect()
print(n, sorted(closed))

unstarted = counter("never started")
del unstarted
gc.collect()

alive = counter("alive at exit")
next(alive)
print("end")
