# Generator return values, StopIteration, yield from, close/throw delegation.
def gen_ret():
    yield 1
    return "result"

g = gen_ret()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stopped", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value), e.args)


def middle():
    got = yield from gen_ret()
    print("middle got", got)
    more = yield from iter([10, 20])
    print("iter gives", more)
    return got * 2


def outer():
    r = yield from middle()
    yield "outer saw " + r


print(list(outer()))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("custom value")
        self.n -= 1
        return self.n


def delegate_custom():
    v = yield from Countdown(3)
    yield ("custom returned", v)


print(list(delegate_custom()))


def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def summer():
    t = yield from echo()
    yield "sum=%d" % t


s = summer()
print(next(s), s.send(5), s.send(7), s.send(None))

# PEP 479: StopIteration inside a generator becomes RuntimeError
def leaky():
    yield 1
    next(iter([]))


try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

# close() runs finally blocks innermost first through yield from
def inner(tag):
    try:
        yield tag + "1"
        yield tag + "2"
    finally:
        print("inner finally", tag)


def outer2():
    try:
        yield from inner("a")
    finally:
        print("outer finally")


o = outer2()
print(next(o))
o.close()
print("closed")

# throw() is delegated to the inner generator, which may handle it
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("inner caught", e)
            return "handled"


def wrapper():
    r = yield from catcher()
    print("wrapper got", r)
    yield "after"


w = wrapper()
print(next(w))
print(w.throw(ValueError("boom")))
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))

# throw into a plain generator, and bad throw arguments
def simple():
    try:
        yield 1
    except TypeError:
        yield "recovered"


sg = simple()
next(sg)
print(sg.throw(TypeError))
try:
    sg.throw(5)
except TypeError as e:
    print("TypeError:", e)

# a generator that ignores GeneratorExit
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


st = stubborn()
next(st)
try:
    st.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# names
def named():
    yield


class Holder:
    def meth(self):
        yield


print(named().__name__, named().__qualname__, Holder().meth().__qualname__)
print(len.__name__, "abc".upper.__name__, str.upper.__qualname__)

# zip and enumerate stop early, never over-consuming the first iterator
def counting(n):
    i = 0
    while True:
        print("produce", i)
        yield i
        i += 1
        if i > n:
            return


print(list(zip("xy", counting(10))))
print(list(zip(counting(1), "xyz")))
print(list(zip()), list(enumerate([], 5)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [3, 4], [5, 6], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1, 2], "ab", strict=True)))
