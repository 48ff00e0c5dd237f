import asyncio

async def worker(name, delay, log):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} done after {delay}")
    return name.upper()

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)
    return n

async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("bad worker")

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("produced", i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            break
        print("consumed", item)
        total += item
    return total

async def main():
    log = []
    results = await asyncio.gather(worker("a", 0.3, log), worker("b", 0.1, log), worker("c", 0.2, log))
    print(results)
    print(log)
    print(await asyncio.gather(ticker(3), ticker(2)))
    t = asyncio.create_task(worker("t", 0.05, log))
    print(t.done())
    r = await t
    print(r, t.done(), t.result())
    res = await asyncio.gather(failing(), worker("d", 0.02, log), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in res])
    try:
        await asyncio.gather(failing(), worker("e", 0.5, log))
    except ValueError as e:
        print("gather raised", e)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.1)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(worker("f", 0.01, log), timeout=1))
    q = asyncio.Queue(maxsize=2)
    p, c = await asyncio.gather(producer(q, 5), consumer(q))
    print("consumer total", c)
    async def slow():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print("slow cancelled")
            raise
    task = asyncio.create_task(slow())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled", task.cancelled())
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        print("waiter", i, "released")
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    ev.set()
    await asyncio.gather(*ws)
    lock = asyncio.Lock()
    order = []
    async def critical(i):
        await lock.acquire()
        try:
            order.append(("in", i))
            await asyncio.sleep(0.01)
            order.append(("out", i))
        finally:
            lock.release()
    await asyncio.gather(*(critical(i) for i in range(3)))
    print(order)
    return "main done"

print(asyncio.run(main()))
async def compute(x):
    await asyncio.sleep(0)
    return x * x
print(asyncio.run(compute(7)))
coro = compute(1)
print(type(coro).__name__, asyncio.iscoroutine(coro))
coro.close()
import inspect, types
async def af(): pass
def gf(): yield
async def agf():
    yield 1
print(af.__code__.co_flags & 0x80, gf.__code__.co_flags & 0x80, gf.__code__.co_flags & 0x20)
print(asyncio.iscoroutinefunction(af), asyncio.iscoroutinefunction(gf), inspect.iscoroutinefunction(af), inspect.isgeneratorfunction(af))
c2 = af()
print(inspect.iscoroutine(c2), inspect.isawaitable(c2), isinstance(c2, types.CoroutineType), type(c2) is types.CoroutineType)
c2.close()
print(inspect.isasyncgenfunction(agf), inspect.isasyncgenfunction(af), isinstance(agf(), types.AsyncGeneratorType), agf.__name__)
