# asyncio.TaskGroup (3.11), aiter()/anext(), to_thread, and tasks that outlive
# their awaiters.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} done")
    return name


async def group_ok():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.2))
        t2 = tg.create_task(job("b", 0.1))
        print("tasks started")
    print("group finished:", t1.result(), t2.result())


async def group_failing():
    cancelled = []

    async def victim():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.append("victim")
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            tg.create_task(job("bad", 0.1, fail=True))
            tg.create_task(job("good", 0.05))
    except* ValueError as eg:
        print("caught group:", [str(e) for e in eg.exceptions])
    print("cancelled:", cancelled)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("x", 0.1, fail=True))
            tg.create_task(job("y", 0.1, fail=True))
    except ExceptionGroup as eg:
        print(eg.message, sorted(str(e) for e in eg.exceptions))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("z", 0.3))
            await asyncio.sleep(0.1)
            raise KeyError("body")
    except ExceptionGroup as eg:
        print("body error:", [repr(e) for e in eg.exceptions])


async def iteration_builtins():
    async def numbers():
        for i in range(3):
            yield i

    it = aiter(numbers())
    print(await anext(it), await anext(it), await anext(it))
    print(await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    for bad in (aiter, anext):
        try:
            bad(5)
        except TypeError as e:
            print("TypeError:", e)


async def threads():
    print(await asyncio.to_thread(sum, [1, 2, 3]))


async def main():
    await group_ok()
    await group_failing()
    await iteration_builtins()
    await threads()


asyncio.run(main())
