import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def squares(source):
    async for x in source:
        if x % 2:
            continue
        yield x * x

async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print("echo closing with", received)

async def main():
    print([x async for x in ticker(3, 0.01)], [await asyncio.sleep(0, i * 2) for i in range(3)], {x: x * x async for x in ticker(3, 0) if x})
    out = []
    async for v in ticker(4, 0.01):
        out.append(v)
    print(out)
    res = []
    async for s in squares(ticker(7, 0)):
        res.append(s)
    print(res)
    g = ticker(2, 0)
    print(type(g).__name__, await g.__anext__(), await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    e = echo()
    print(await e.asend(None), await e.asend("a"), await e.asend("b"))
    await e.aclose()
    async def interleave(tag, n):
        async for i in ticker(n, 0.01):
            print(tag, i)
    await asyncio.gather(interleave("A", 3), interleave("B", 2))
    async def gen_break():
        try:
            for i in range(10):
                yield i
        finally:
            print("gen_break finally")
    agen = gen_break()
    async for v in agen:
        if v == 2:
            break
    await agen.aclose()
    print("done")

asyncio.run(main())
