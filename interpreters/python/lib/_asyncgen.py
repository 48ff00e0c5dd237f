"""The awaitables of async generators: what `agen.__anext__()`, `agen.asend(v)`,
`agen.athrow(e)` and `agen.aclose()` return (CPython's async_generator_asend and
async_generator_athrow). The interpreter calls `asend`, `athrow` and `aclose` below.

Each drives the generator's frame through `agen._step(value, exc)`, which reports whether the
frame yielded a value to its consumer (the awaitable then finishes with that value, as a
StopIteration) or passed on a value from an `await` inside it (the awaitable yields it on to
whoever awaits it: the event loop)."""

_INIT, _ITER, _CLOSED = 0, 1, 2

# The running event loop's `firstiter` hook (CPython's sys.set_asyncgen_hooks): told of each
# async generator as it is iterated, so the loop can close those left suspended at shutdown.
hooks = [None]


def _seen(gen):
    hook = hooks[0]
    if hook is not None:
        hook(gen)


class _awaitable:
    # The awaitables below are their own iterators: each step is a `send`.
    __slots__ = ()

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)


class async_generator_asend(_awaitable):
    __slots__ = ("_gen", "_value", "_state")

    def __init__(self, gen, value):
        self._gen = gen
        self._value = value
        self._state = _INIT

    def send(self, value):
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        if self._state == _INIT:
            if value is None:
                value = self._value
            self._state = _ITER
        return self._result(value, None)

    def throw(self, typ, val=None, tb=None):
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        if isinstance(typ, type):
            typ = typ() if val is None else typ(val)
        return self._result(None, typ)

    def close(self):
        self._state = _CLOSED

    def _result(self, value, exc):
        try:
            consumer, v = self._gen._step(value, exc)
        except BaseException:
            self._state = _CLOSED
            raise
        if consumer:
            self._state = _CLOSED
            raise StopIteration(v)
        return v


class async_generator_athrow(_awaitable):
    __slots__ = ("_gen", "_exc", "_state", "_closing")

    def __init__(self, gen, exc, closing):
        self._gen = gen
        self._exc = exc
        self._state = _INIT
        self._closing = closing

    def send(self, value):
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        if self._state == _INIT:
            self._state = _ITER
            return self._result(None, self._exc)
        return self._result(value, None)

    def throw(self, typ, val=None, tb=None):
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        if isinstance(typ, type):
            typ = typ() if val is None else typ(val)
        return self._result(None, typ)

    def close(self):
        self._state = _CLOSED

    def _result(self, value, exc):
        try:
            consumer, v = self._gen._step(value, exc)
        except (StopAsyncIteration, GeneratorExit):
            self._state = _CLOSED
            if self._closing:
                raise StopIteration
            raise
        except BaseException:
            self._state = _CLOSED
            raise
        if consumer:
            self._state = _CLOSED
            if self._closing:
                raise RuntimeError("async generator ignored GeneratorExit")
            raise StopIteration(v)
        return v


class coroutine_wrapper:
    """What `coro.__await__()` returns: an iterator driving the coroutine."""

    __slots__ = ("_coro",)
    __module__ = "builtins"

    def __init__(self, coro):
        self._coro = coro

    def __iter__(self):
        return self

    def __next__(self):
        return self._coro.send(None)

    def send(self, value):
        return self._coro.send(value)

    def throw(self, typ, val=None, tb=None):
        if val is None:
            return self._coro.throw(typ)
        return self._coro.throw(typ, val)

    def close(self):
        return self._coro.close()


def asend(gen, value):
    _seen(gen)
    return async_generator_asend(gen, value)


def athrow(gen, exc):
    _seen(gen)
    return async_generator_athrow(gen, exc, False)


def aclose(gen):
    return async_generator_athrow(gen, GeneratorExit(), True)


# ---- the builtins aiter() and anext() -------------------------------------------------------


def aiter(obj):
    method = getattr(type(obj), "__aiter__", None)
    if method is None:
        raise TypeError(f"'{type(obj).__name__}' object is not an async iterable")
    it = method(obj)
    if getattr(type(it), "__anext__", None) is None:
        raise TypeError(f"aiter() returned not an async iterator of type '{type(it).__name__}'")
    return it


async def _anext_or_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default


def anext(it, *default):
    if len(default) > 1:
        raise TypeError(f"anext expected at most 2 arguments, got {1 + len(default)}")
    method = getattr(type(it), "__anext__", None)
    if method is None:
        raise TypeError(f"'{type(it).__name__}' object is not an async iterator")
    awaitable = method(it)
    if not default:
        return awaitable
    return _anext_or_default(awaitable, default[0])
