# What iterators and generators say about themselves: __length_hint__, operator.length_hint,
# inspect.getgeneratorstate / getcoroutinestate.
import asyncio
import inspect
import operator

for it in [iter([1, 2, 3]), iter((1,)), iter('héllo'), iter(b'ab'), iter(range(0, 10, 3)),
           iter(range(10, 0, -4)), reversed([1, 2, 3]), reversed('abc'), iter(range(5, 1))]:
    before = it.__length_hint__()
    next(it, None)
    print(type(it).__name__, before, it.__length_hint__(), operator.length_hint(it))
print(operator.length_hint(object(), 7), operator.length_hint([1, 2]))


def inner():
    yield 1
    yield 2


def outer():
    yield from inner()


g = outer()
print(inspect.getgeneratorstate(g))
next(g)
print(g.gi_yieldfrom.__name__, g.gi_code.co_name, inspect.getgeneratorstate(g), g.gi_suspended)
list(g)
print(inspect.getgeneratorstate(g), g.gi_yieldfrom, inspect.isgeneratorfunction(outer), inspect.isgenerator(g))


def watcher():
    yield inspect.getgeneratorstate(w)


w = watcher()
print(next(w))


async def job():
    await asyncio.sleep(0)


co = job()
print(inspect.getcoroutinestate(co))
co.close()
print(inspect.getcoroutinestate(co))
