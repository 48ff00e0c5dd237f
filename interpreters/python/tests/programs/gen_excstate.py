# The exception a generator (or coroutine) is handling when it yields stays its own: the
# resumer does not see it, and the generator sees it again when resumed. (A generator
# handling none sees the exception it was created under, not its resumer's as in CPython:
# not tested here.)
import sys


def name():
    t = sys.exc_info()[0]
    return t.__name__ if t else None


def handler_gen():
    try:
        raise KeyError("k")
    except KeyError:
        yield "in handler: " + str(name())
        yield "still in handler: " + str(name())
    yield "after handler: " + str(name())


g = handler_gen()
print(next(g), "| outside:", name())
try:
    raise ValueError("v")
except ValueError:
    print(next(g), "| outside:", name())
print(next(g), "| outside:", name())


def plain():
    while True:
        yield name()


p = plain()
print("plain, outside any handler:", next(p))
print("plain, again:", next(p))


class Step:
    def __await__(self):
        yield "step"


async def coro():
    try:
        raise IndexError("i")
    except IndexError:
        await Step()
        return "coroutine sees " + str(name())


c = coro()
c.send(None)
print("while suspended:", name())
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)


def nested():
    try:
        raise OSError("outer")
    except OSError:
        try:
            raise LookupError("inner")
        except LookupError:
            yield name()
        yield name()
    yield name()


print(list(nested()))
