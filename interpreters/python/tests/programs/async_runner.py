# asyncio.Runner, the modules asyncio.locks and asyncio.queues, reprs of the primitives.
import asyncio, re
async def main():
    for o in (asyncio.Event(), asyncio.Lock(), asyncio.Semaphore(2)):
        print(re.sub("0x[0-9a-f]+", "ADDR", repr(o)))
    print(asyncio.Queue.__module__, asyncio.Lock.__module__, asyncio.QueueEmpty.__module__, asyncio.CancelledError.__module__)
    print(str(asyncio.Queue(3)))
asyncio.run(main())
with asyncio.Runner() as runner:
    async def f(x):
        await asyncio.sleep(0.1)
        return x
    print(runner.run(f(1)), runner.run(f(2)))
from asyncio import locks, queues
print(locks.Lock is asyncio.Lock)
