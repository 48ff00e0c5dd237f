# Async iteration: async generators (asend/athrow/aclose), __aiter__/__anext__ classes,
# async with, and async comprehensions.
import asyncio


async def countdown(n, delay=0.01):
    while n > 0:
        await asyncio.sleep(delay)
        yield n
        n -= 1
    print("countdown finished")


class Ticker:
    """An async iterator written by hand."""

    def __init__(self, limit):
        self.i = 0
        self.limit = limit

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.limit:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.i += 1
        return self.i * 10


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0)
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print(f"close {self.name}: {exc_type.__name__ if exc_type else None}")
        return self.suppress


async def accumulator():
    total = 0
    try:
        while True:
            value = yield total
            if value is None:
                break
            total += value
    finally:
        print("accumulator closed at", total)


async def with_cleanup():
    try:
        for i in range(10):
            yield i
    except GeneratorExit:
        print("with_cleanup got GeneratorExit")
        raise
    finally:
        print("with_cleanup finally")


async def iterate():
    async for n in countdown(3):
        print("got", n)
    else:
        print("loop else")
    async for v in Ticker(3):
        print("ticker", v)
    total = 0
    async for n in countdown(5, 0):
        if n == 2:
            break
        total += n
    print("total before break", total)
    for outer in range(2):
        async for v in Ticker(5):
            if v > 20:
                break
            print("nested", outer, v)

    async def first_over(limit):
        async for v in Ticker(10):
            if v > limit:
                return v
        return None

    print("first over 35:", await first_over(35))


async def generator_methods():
    acc = accumulator()
    print(type(acc).__name__, acc.__name__)
    print(await acc.asend(None))
    print(await acc.asend(5))
    print(await acc.asend(10))
    try:
        await acc.asend(None)
    except StopAsyncIteration:
        print("accumulator stopped")

    g = with_cleanup()
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed generator is exhausted")
    await g.aclose()

    g = with_cleanup()
    print(await g.__anext__())
    try:
        await g.athrow(ValueError("thrown in"))
    except ValueError as e:
        print("athrow propagated:", e)

    async def recovering():
        while True:
            try:
                yield "ok"
            except KeyError as e:
                yield f"recovered from {e!r}"

    r = recovering()
    print(await r.__anext__())
    print(await r.athrow(KeyError("k")))
    print(await r.__anext__())
    await r.aclose()
    print(r.__aiter__() is r)

    async def bad_stop():
        yield 1
        raise StopAsyncIteration

    b = bad_stop()
    await b.__anext__()
    try:
        await b.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def ignores_exit():
        try:
            yield 1
        except GeneratorExit:
            yield 2

    ig = ignores_exit()
    await ig.__anext__()
    try:
        await ig.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)


async def context_managers():
    async with Resource("a") as a:
        print("using", a.name)
    async with Resource("b"), Resource("c") as c:
        print("using both, inner is", c.name)
    try:
        async with Resource("d"):
            raise KeyError("inside")
    except KeyError as e:
        print("escaped:", e)
    async with Resource("e", suppress=True):
        raise ValueError("swallowed")
    print("after suppressed error")

    async def early():
        async with Resource("f"):
            return "returned from inside"

    print(await early())
    for i in range(3):
        async with Resource(f"loop{i}"):
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)


async def comprehensions():
    print([n async for n in countdown(3, 0)])
    print([n * 2 async for n in countdown(4, 0) if n % 2 == 0])
    print({v: v // 10 async for v in Ticker(3)})
    print({n % 2 async for n in countdown(5, 0)})

    async def square(x):
        await asyncio.sleep(0)
        return x * x

    print([await square(i) for i in range(5)])
    print([await square(a) + b for a in range(2) async for b in Ticker(2)])
    agen = (v + 1 async for v in Ticker(3))
    print(type(agen).__name__)
    print([x async for x in agen])
    lazy = (await square(i) for i in range(3))
    print([x async for x in lazy])
    # An async comprehension inside a plain one makes that one async as well.
    print([[v + j async for v in Ticker(2)] for j in (1, 2)])
    print([{k: await square(k) for k in range(j)} for j in range(3)])


async def errors():
    try:
        async for x in [1, 2, 3]:
            pass
    except TypeError as e:
        print("TypeError:", e)

    class NoAnext:
        def __aiter__(self):
            return self

    try:
        async for x in NoAnext():
            pass
    except TypeError as e:
        print("TypeError:", e)

    class BadAnext:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 1

    try:
        async for x in BadAnext():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with object():
            pass
    except TypeError as e:
        print("TypeError:", e)

    class OnlyEnter:
        async def __aenter__(self):
            return self

    try:
        async with OnlyEnter():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        for x in countdown(1):
            pass
    except TypeError as e:
        print("TypeError:", e)


async def main():
    await iterate()
    await generator_methods()
    await context_managers()
    await comprehensions()
    await errors()


asyncio.run(main())
