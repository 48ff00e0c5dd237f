import asyncio

class Resource:
    def __init__(self, name, log):
        self.name, self.log = name, log
    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append(f"open {self.name}")
        return self
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        self.log.append(f"close {self.name} ({et.__name__ if et else 'ok'})")
        return et is KeyError

class Countdown:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.01)
        self.n -= 1
        return self.n

async def use(log):
    async with Resource("a", log) as r, Resource("b", log):
        log.append(f"inside {r.name}")
    async with Resource("c", log):
        raise KeyError("swallowed")
    try:
        async with Resource("d", log):
            raise ValueError("escapes")
    except ValueError as e:
        log.append(f"caught {e}")
    for_items = []
    async for x in Countdown(4):
        if x == 0:
            break
        for_items.append(x)
    else:
        for_items.append("else-not-run")
    async for x in Countdown(2):
        for_items.append(x * 10)
    else:
        for_items.append("else")
    return for_items

async def early_return(log):
    async with Resource("e", log):
        return "returned inside"

async def main():
    log = []
    print(await use(log))
    print(await early_return(log))
    print(log)
    try:
        async with 5:
            pass
    except TypeError as e:
        print(e)
    try:
        async for _ in [1]:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

asyncio.run(main())
