import asyncio, time

async def fetch(i, delay):
    await asyncio.sleep(delay)
    return f"item{i}"

async def limited(sem, i, active, peak):
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        await asyncio.sleep(0.01 * (i % 3 + 1))
        active[0] -= 1
        return i

async def worker(name, q, out):
    while True:
        item = await q.get()
        out.append((name, item))
        await asyncio.sleep(0.001 * item)
        q.task_done()

async def main():
    for coro in asyncio.as_completed([fetch(1, 0.3), fetch(2, 0.1), fetch(3, 0.2)]):
        print("completed", await coro)
    sem = asyncio.Semaphore(2)
    active, peak = [0], [0]
    res = await asyncio.gather(*[limited(sem, i, active, peak) for i in range(6)])
    print(res, "peak", peak[0])
    q = asyncio.Queue()
    for i in range(8):
        q.put_nowait(i)
    out = []
    workers = [asyncio.create_task(worker(f"w{n}", q, out)) for n in range(3)]
    await q.join()
    for w in workers:
        w.cancel()
    r = await asyncio.gather(*workers, return_exceptions=True)
    print(out)
    print([type(x).__name__ for x in r])
    done, pending = await asyncio.wait([asyncio.create_task(fetch(i, i / 10)) for i in range(1, 4)], return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    for p in pending:
        p.cancel()
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.05, fut.set_result, "from callback")
    loop.call_soon(print, "call_soon ran")
    print(await fut)
    t = asyncio.create_task(fetch(9, 0), name="custom")
    print(t.get_name(), asyncio.current_task().get_name() != "", await t)
    try:
        await asyncio.wait_for(fetch(0, 1), 0.01)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e).__name__, isinstance(e, TimeoutError))
    print(await asyncio.shield(fetch(5, 0)))
    async def boom():
        raise RuntimeError("inside task")
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print(t.done(), type(t.exception()).__name__)
    cond = asyncio.Condition()
    items = []
    async def cons():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()
    async def prod():
        await asyncio.sleep(0.01)
        async with cond:
            items.append("x")
            cond.notify()
    print(await asyncio.gather(cons(), prod()))

asyncio.run(main())
try:
    asyncio.run(asyncio.sleep(0, result="r"))
    print(asyncio.run(asyncio.sleep(0.5, result="late")))
except Exception as e:
    print("err", e)
async def raiser():
    raise KeyError("k")
try:
    asyncio.run(raiser())
except KeyError as e:
    print("propagated", repr(e))
import asyncio
async def tick(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0.1)
async def main():
    await asyncio.wait_for(asyncio.gather(tick("a", 3), tick("b", 3)), timeout=0.25)
try:
    asyncio.run(main())
except asyncio.TimeoutError:
    print("timeout")
async def with_timeout():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout ctx")
asyncio.run(with_timeout())
async def fast():
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.1)
    print("fast ok", cm.expired())
    try:
        async with asyncio.timeout(0.05) as cm2:
            await asyncio.sleep(0.2)
    except TimeoutError as e:
        print("expired", cm2.expired(), type(e.__cause__).__name__)
asyncio.run(fast())
