# Tasks on the event loop: scheduling order, gather, cancellation, timeouts, wait and
# as_completed. Sleep delays order the wakeups.
import asyncio

log = []


async def step(name, delay, result=None):
    log.append(f"{name}:start")
    await asyncio.sleep(delay)
    log.append(f"{name}:end")
    return result if result is not None else name


async def scheduling():
    # A task's first step runs on the loop's next turn, in creation order.
    t1 = asyncio.create_task(step("one", 0))
    t2 = asyncio.create_task(step("two", 0))
    log.append("created")
    print(t1.done(), t2.done())
    await asyncio.sleep(0)
    log.append("after sleep(0)")
    await t1
    await t2
    print(log)
    log.clear()
    print(t1.result(), t2.result(), t1.get_name().startswith("Task-"))


async def gathering():
    results = await asyncio.gather(step("slow", 0.3), step("fast", 0.1), step("mid", 0.2))
    print(results)
    print(log)
    log.clear()
    print(await asyncio.gather())

    async def fail(msg, delay):
        await asyncio.sleep(delay)
        raise ValueError(msg)

    out = await asyncio.gather(fail("a", 0.1), step("ok", 0.05), fail("b", 0.02), return_exceptions=True)
    print([repr(x) for x in out])
    try:
        await asyncio.gather(step("x", 0.5), fail("first", 0.1), fail("second", 0.2))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(1)  # let the others finish
    log.clear()

    # The same coroutine object twice is one task.
    c = step("dup", 0.01, 7)
    print(await asyncio.gather(c, c))
    log.clear()


async def cancelling():
    started = asyncio.Event()

    async def sleeper():
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("sleeper cancelled")
            raise
        finally:
            print("sleeper cleanup")

    t = asyncio.create_task(sleeper())
    await started.wait()
    print("cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting cancelled task raised CancelledError")
    print(t.cancelled(), t.done(), t.cancel())

    # Cancelled before it ever ran.
    t = asyncio.create_task(step("never", 1))
    t.cancel("too late")
    try:
        await t
    except asyncio.CancelledError as e:
        print("never ran:", e.args, log)

    # A task that catches the cancellation and returns normally.
    async def stubborn():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            return "ignored cancel"

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    # Cancelling a gather cancels its children.
    g = asyncio.gather(step("g1", 1), step("g2", 2))
    await asyncio.sleep(0.1)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", log)
    log.clear()

    # Done callbacks run on the loop, in order of registration.
    t = asyncio.create_task(step("cb", 0.01, 99))
    t.add_done_callback(lambda fut: print("callback 1 sees", fut.result()))
    t.add_done_callback(lambda fut: print("callback 2 sees", fut.done()))
    await t
    print("after await")
    await asyncio.sleep(0)
    log.clear()

    # shield keeps the inner task running.
    inner = asyncio.create_task(step("shielded", 0.2, "kept"))
    outer = asyncio.shield(inner)
    outer.cancel()
    print("outer cancelled:", outer.cancelled())
    print("inner result:", await inner)
    log.clear()


async def timeouts():
    try:
        await asyncio.wait_for(step("late", 1), timeout=0.5)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__, type(e.__cause__).__name__)
    print(log)
    log.clear()
    print(await asyncio.wait_for(step("quick", 0.1, "in time"), timeout=1))
    print(await asyncio.wait_for(step("none", 0.1, "no timeout"), timeout=None))
    log.clear()
    try:
        async with asyncio.timeout(0.2) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout() expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.1)
    print("timeout() expired:", cm.expired())
    print(asyncio.TimeoutError is TimeoutError)


async def waiting():
    tasks = [asyncio.create_task(step(f"w{i}", d)) for i, d in enumerate([0.3, 0.1, 0.2])]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))
    log.clear()

    async def maybe_fail(i):
        await asyncio.sleep(i / 10)
        if i == 2:
            raise KeyError(i)
        return i

    tasks = [asyncio.create_task(maybe_fail(i)) for i in range(1, 5)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), [repr(t.exception()) for t in tasks if t.done()])
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    c = step("c", 0)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError:", e)
    c.close()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    log.clear()

    order = []
    for fut in asyncio.as_completed([step("ac1", 0.3), step("ac2", 0.1), step("ac3", 0.2)]):
        order.append(await fut)
    print("as_completed:", order)
    try:
        for fut in asyncio.as_completed([step("t1", 0.1), step("t2", 5)], timeout=0.5):
            print("as_completed got", await fut)
    except asyncio.TimeoutError:
        print("as_completed timed out")
    log.clear()


async def main():
    await scheduling()
    await gathering()
    await cancelling()
    await timeouts()
    await waiting()
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop(), loop.is_running())
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_result, "from call_later")
    loop.call_soon(print, "call_soon runs first")
    print(await fut)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("InvalidStateError on second set_result")
    pending = loop.create_future()
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    return "main done"


print(asyncio.run(main()))


async def fails():
    await asyncio.sleep(0.1)
    raise RuntimeError("from a task")


try:
    asyncio.run(fails())
except RuntimeError as e:
    print("asyncio.run raised:", e)


async def leaves_tasks():
    async def forever():
        try:
            await asyncio.sleep(100)
        finally:
            print("leftover task cancelled at shutdown")

    asyncio.create_task(forever())
    await asyncio.sleep(0)
    return "returned"


print(asyncio.run(leaves_tasks()))
try:
    asyncio.run("not a coroutine")
except ValueError as e:
    print("ValueError:", e)
