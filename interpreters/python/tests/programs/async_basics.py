# Coroutines without an event loop: await chains, __await__ objects, send/throw/close,
# and the errors of misuse.
import inspect


async def add(a, b):
    return a + b


async def chain(n):
    total = 0
    for i in range(n):
        total = await add(total, i)
    return total


def drive(coro):
    """Runs a coroutine that never really suspends, or yields plain values."""
    yielded = []
    try:
        while True:
            yielded.append(coro.send(None))
    except StopIteration as stop:
        return yielded, stop.value


c = chain(3)
print(type(c).__name__)
c.close()
print(drive(chain(10)))


class Ticks:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        got = []
        for i in range(self.n):
            got.append((yield f"tick{i}"))
        return got


async def use_ticks():
    first = await Ticks(2)
    second = await Ticks(1)
    return first + second


c = use_ticks()
print(c.send(None))
print(c.send("a"))
print(c.send("b"))
try:
    c.send("c")
except StopIteration as stop:
    print("done", stop.value)


class Wrapper:
    def __init__(self, coro):
        self.coro = coro

    def __await__(self):
        return self.coro.__await__()


async def via_wrapper():
    return await Wrapper(add(20, 22))


print(drive(via_wrapper()))

# A finished coroutine cannot be resumed again.
c = add(1, 1)
print(drive(c))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def reuse():
    inner = add(2, 3)
    a = await inner
    try:
        await inner
    except RuntimeError as e:
        return a, str(e)


print(drive(reuse()))


# throw() and close() reach the awaited object.
async def guarded():
    try:
        await Ticks(5)
    except KeyError as e:
        return f"handled {e!r}"
    finally:
        print("guarded finally")


c = guarded()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as stop:
    print(stop.value)

c = guarded()
c.send(None)
c.close()
print("closed")


# Misuse.
async def not_awaitable(x):
    return await x


for bad in (5, "s", [1]):
    try:
        drive(not_awaitable(bad))
    except TypeError as e:
        print("TypeError:", e)


class BadAwait:
    def __await__(self):
        return 42


try:
    drive(not_awaitable(BadAwait()))
except TypeError as e:
    print("TypeError:", e)


async def raises_stop():
    raise StopIteration("oops")


try:
    drive(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

c = add(1, 2)
try:
    iter(c)
except TypeError as e:
    print("TypeError:", e)
try:
    next(c)
except TypeError as e:
    print("TypeError:", e)
c.close()

print(inspect.iscoroutinefunction(add), inspect.iscoroutinefunction(drive))
print(add.__name__, add.__code__.co_flags & 0x80 != 0)
c = add(0, 0)
print(inspect.iscoroutine(c), c.__name__, c.__qualname__)
c.close()


class Methods:
    async def method(self, x):
        return x * 3

    @staticmethod
    async def static(x):
        return -x


m = Methods()
print(drive(m.method(4)), drive(Methods.static(4)))
print(Methods.method.__qualname__)

# Syntax errors, worded as CPython words them.
sources = [
    "await x",
    "def f():\n    await x",
    "class C:\n    await x",
    "def f():\n    async for x in y: pass",
    "def f():\n    async with y: pass",
    "async def f():\n    yield from x",
    "async def f():\n    yield 1\n    return 2",
    "def f():\n    return [x async for x in y]",
    "def f():\n    return [await x for x in y]",
    "lambda: await x",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(f"{src!r}: {e.msg} (line {e.lineno})")
for src in ["async def f():\n    return [await x for x in y]", "async def f():\n    return (await x for x in y)"]:
    compile(src, "<src>", "exec")
    print("compiled", repr(src))
