# Producer/consumer pipelines on asyncio.Queue, and the synchronization primitives:
# Event, Lock, Semaphore, BoundedSemaphore, Condition.
import asyncio


async def producer(q, name, items, delay):
    for item in items:
        await asyncio.sleep(delay)
        await q.put(f"{name}-{item}")
        print(f"{name} put {item} (size {q.qsize()})")


async def consumer(q, name, seen):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            print(f"{name} stops")
            return len(seen)
        seen.append((name, item))
        await asyncio.sleep(0.05)
        q.task_done()


async def pipeline():
    q = asyncio.Queue(maxsize=2)
    seen = []
    consumers = [asyncio.create_task(consumer(q, f"c{i}", seen)) for i in range(2)]
    await asyncio.gather(producer(q, "p", range(4), 0.01), producer(q, "r", "ab", 0.03))
    await q.join()
    print("joined, unfinished:", q._unfinished_tasks)
    for _ in consumers:
        await q.put(None)
    counts = await asyncio.gather(*consumers)
    print("consumed", sorted(seen), counts)


async def queue_basics():
    q = asyncio.Queue()
    print(q.empty(), q.full(), q.qsize(), q.maxsize)
    for i in range(3):
        q.put_nowait(i)
    print(str(q))
    print([q.get_nowait() for _ in range(3)])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    bounded = asyncio.Queue(1)
    bounded.put_nowait("x")
    try:
        bounded.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", bounded.full())
    for _ in range(3):
        q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    # A getter waiting on an empty queue wakes when an item arrives.
    async def late_put():
        await asyncio.sleep(0.1)
        q.put_nowait("late")

    asyncio.create_task(late_put())
    print("waited for", await q.get())
    # get() under wait_for: the getter is cancelled cleanly.
    try:
        await asyncio.wait_for(q.get(), 0.1)
    except asyncio.TimeoutError:
        print("get timed out, getters left:", len(q._getters))

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2]:
        await pq.put((x, f"job{x}"))
    print([pq.get_nowait()[1] for _ in range(4)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])


async def events():
    ev = asyncio.Event()
    order = []

    async def waiter(i):
        order.append(f"wait{i}")
        await ev.wait()
        order.append(f"woke{i}")

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.1)
    print(ev.is_set(), order)
    ev.set()
    await asyncio.gather(*tasks)
    print(order)
    print(await ev.wait(), ev.is_set())
    ev.clear()
    print(ev.is_set())


async def locks():
    lock = asyncio.Lock()
    trace = []

    async def critical(i):
        async with lock:
            trace.append(f"enter{i}")
            await asyncio.sleep(0.01 * (3 - i))
            trace.append(f"leave{i}")

    await asyncio.gather(*(critical(i) for i in range(3)))
    print(trace)
    print(lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(2)
    active = [0, 0]

    async def limited(i):
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            print(f"job{i} running ({active[0]} active)")
            await asyncio.sleep(0.1 * (i % 3 + 1))
            active[0] -= 1

    await asyncio.gather(*(limited(i) for i in range(5)))
    print("max active", active[1], sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

    cond = asyncio.Condition()
    box = []

    async def taker(i):
        async with cond:
            await cond.wait_for(lambda: box)
            print(f"taker{i} got {box.pop()}")

    takers = [asyncio.create_task(taker(i)) for i in range(2)]
    await asyncio.sleep(0)
    for item in ["first", "second"]:
        async with cond:
            box.append(item)
            cond.notify()
        await asyncio.sleep(0.01)
    await asyncio.gather(*takers)


async def main():
    await pipeline()
    await queue_basics()
    await events()
    await locks()


asyncio.run(main())
