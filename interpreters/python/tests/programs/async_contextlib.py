# contextlib's async helpers: asynccontextmanager (also as a decorator), aclosing,
# nullcontext under async with.
import asyncio
from contextlib import asynccontextmanager, aclosing, nullcontext

@asynccontextmanager
async def resource(name):
    print("acquire", name)
    await asyncio.sleep(0.01)
    try:
        yield name.upper()
    except KeyError as e:
        print("resource saw", repr(e))
        raise
    finally:
        await asyncio.sleep(0)
        print("release", name)

@asynccontextmanager
async def swallowing():
    try:
        yield
    except ValueError:
        print("swallowed")

async def numbers():
    try:
        for i in range(5):
            yield i
    finally:
        print("numbers closed")

async def main():
    async with resource("db") as r:
        print("using", r)
    try:
        async with resource("file"):
            raise KeyError("oops")
    except KeyError:
        print("propagated")
    async with swallowing():
        raise ValueError("x")
    print("after swallowing")
    async with aclosing(numbers()) as it:
        async for n in it:
            if n == 1:
                break
            print("n", n)
    async with nullcontext(5) as v:
        print("null", v)
    @resource("deco")
    async def decorated(x):
        print("decorated body", x)
        return x * 2
    print(await decorated(21))

asyncio.run(main())
