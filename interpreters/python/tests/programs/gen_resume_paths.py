# Generators resumed from many places (recursive generators, yield from, closures made
# anew on each call), and the errors a generator gives when resumed at the wrong time.


def make_adder(k):
    def add(x):
        return x + k
    return add


def tree_walk(depth, path):
    # A recursive generator: each level resumes the one below it.
    if depth == 0:
        yield tuple(path)
        return
    for bit in (0, 1):
        path.append(bit)
        for leaf in tree_walk(depth - 1, path):
            yield leaf
        path.pop()


def delegate(depth):
    if depth == 0:
        yield depth
        return
    yield depth
    got = yield from delegate(depth - 1)
    yield (depth, got)
    return depth * 10


def closures_in_a_loop(rounds):
    total = 0
    for r in range(rounds):
        add = make_adder(r % 7)
        for i in range(30):
            total += add(i)
    return total


def gen_of_closures(n):
    def inner(m):
        for i in range(m):
            yield i * n
    return inner


def main():
    leaves = 0
    check = 0
    for r in range(40):
        for leaf in tree_walk(1 + r % 5, []):
            leaves += 1
            check = (check * 3 + sum(leaf) + len(leaf)) % 1000003
    print("leaves", leaves, "check", check)

    out = []
    for r in range(30):
        out.append(list(delegate(r % 4)))
    print(out[:4])
    print(sum(len(x) for x in out))

    print("closures", closures_in_a_loop(300))

    s = 0
    for n in range(60):
        s += sum(gen_of_closures(n)(20))
    print("gen closures", s)

    # A generator that resumes itself: ValueError, the generator goes on afterwards.
    def selfish():
        try:
            next(me)
        except ValueError as e:
            yield "inner: " + str(e)
        yield "after"

    me = selfish()
    print(list(me))

    # A non-None value sent to a just-started generator.
    g = delegate(2)
    try:
        g.send(5)
    except TypeError as e:
        print("TypeError:", e)
    print(next(g), next(g))

    # Thrown into a running generator, into one not started and into one finished.
    def catcher():
        while True:
            try:
                yield "waiting"
            except KeyError as e:
                yield "caught " + repr(e)

    c = catcher()
    print(next(c))
    print(c.throw(KeyError("k")))
    print(next(c))
    fresh = catcher()
    try:
        fresh.throw(ValueError("early"))
    except ValueError as e:
        print("not started:", e)
    print(list(fresh))
    done = delegate(0)
    print(list(done))
    try:
        done.throw(IndexError("late"))
    except IndexError as e:
        print("finished:", e)

    # Resumed in many hot loops.
    total = 0
    for r in range(200):
        gen = (i * r for i in range(15))
        for v in gen:
            total += v
        total += sum(x for x in range(r % 9))
    print("total", total)


main()
