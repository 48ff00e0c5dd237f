# Assorted coroutine semantics: the handled exception across awaits, await in finally,
# failing __aexit__, return out of async for, deep await chains, custom awaitables.
import asyncio, sys

class CM:
    def __init__(self, fail_exit=False):
        self.fail_exit = fail_exit
    async def __aenter__(self):
        return "cm"
    async def __aexit__(self, *exc):
        await asyncio.sleep(0)
        if self.fail_exit:
            raise RuntimeError("exit failed")
        return False

async def agen_with_cm():
    async with CM():
        yield 1
        yield 2

async def main():
    try:
        raise KeyError("first")
    except KeyError:
        await asyncio.sleep(0.01)
        print("exc_info after await:", sys.exc_info()[0].__name__)
        try:
            await asyncio.sleep(0)
            raise ValueError("second")
        except ValueError as e:
            print("context:", repr(e.__context__))
    print("exc_info cleared:", sys.exc_info())
    try:
        pass
    finally:
        await asyncio.sleep(0)
        print("await in finally")
    try:
        async with CM(fail_exit=True):
            raise ValueError("body")
    except RuntimeError as e:
        print("exit raised:", e, "| context:", repr(e.__context__))
    async def ret_in_loop():
        try:
            async for x in agen_with_cm():
                return x
        finally:
            print("ret_in_loop finally")
    print(await ret_in_loop())
    print([x async for x in agen_with_cm()])
    async def deep(n):
        if n == 0:
            raise IndexError("bottom")
        return await deep(n - 1)
    try:
        await deep(50)
    except IndexError as e:
        print("deep:", e)
    t = asyncio.ensure_future(deep(3))
    try:
        await t
    except IndexError as e:
        print("task deep:", e, t.exception() is e)
    class AwaitableObj:
        def __await__(self):
            yield from asyncio.sleep(0.1).__await__()
            return "custom done"
    print(await AwaitableObj())
    print(await asyncio.ensure_future(AwaitableObj()))
    r = await asyncio.gather(*[asyncio.sleep(0.1 * i, result=i) for i in range(3)])
    print(r)
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(ValueError("fut err"))
    try:
        await fut
    except ValueError as e:
        print("future exception:", e)
    print(repr(asyncio.CancelledError()), str(asyncio.CancelledError("m")))
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))

asyncio.run(main())


# Generator-based coroutines (types.coroutine).
import types, asyncio
@types.coroutine
def switch():
    got = yield "switching"
    return got
async def main():
    return await switch()
c = main()
print(c.send(None))
try:
    c.send(5)
except StopIteration as e:
    print(e.value)
@types.coroutine
def sleep0():
    yield
async def m2():
    for i in range(3):
        await sleep0()
        print("tick", i)
asyncio.run(m2())
print(switch.__name__)
