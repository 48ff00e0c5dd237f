"""Iterator building blocks, mtpy's own implementation with CPython's behaviour."""

__all__ = [
    "accumulate", "chain", "combinations", "combinations_with_replacement",
    "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice",
    "pairwise", "permutations", "product", "repeat", "starmap", "takewhile", "tee",
    "zip_longest",
]


def _type_error_not_iterable(obj):
    return TypeError("'" + type(obj).__name__ + "' object is not iterable")


class _Iterator:
    """The base of the iterator classes made by `_iterator_class`: each instance iterates
    over the generator its class's function made for it. (`iter` gives that generator, which
    shares the state, so that a `for` loop over the instance runs at a generator's speed.)"""

    __slots__ = ("_it",)

    def __iter__(self):
        return self._it

    def __next__(self):
        return next(self._it)


def _iterator_class(function):
    """A class named like `function` (`itertools.product`, as CPython's types are) whose
    instances, made with `function`'s arguments, give the items of its generator."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._it = function(*args, **kwargs)
        return self

    name = function.__name__
    return type(name, (_Iterator,), {"__new__": __new__, "__slots__": (), "__module__": "itertools",
                                     "__qualname__": name, "__doc__": function.__doc__})


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    # (Made in __new__, as CPython's: a subclass's own __init__ does not undo it.)
    def __new__(cls, start=0, step=1):
        for value in (start, step):
            if not isinstance(value, (int, float)) and (
                    isinstance(value, (str, bytes, list, tuple, dict, set))
                    or not hasattr(type(value), "__add__")):
                raise TypeError("a number is required")
        self = object.__new__(cls)
        self._next = start
        self._step = step
        return self

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1 and not isinstance(self._step, bool):
            return "count(" + repr(self._next) + ")"
        return "count(" + repr(self._next) + ", " + repr(self._step) + ")"


class repeat:
    """repeat(object[, times]): object, over and over (`times` times, or forever)."""

    def __init__(self, object, times=None):
        if times is not None and not isinstance(times, int):
            raise TypeError("'" + type(times).__name__ + "' object cannot be interpreted as an integer")
        self._object = object
        self._left = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is None:
            return self._object
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._object

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left is None:
            return "repeat(" + repr(self._object) + ")"
        return "repeat(" + repr(self._object) + ", " + str(self._left) + ")"


@_iterator_class
def cycle(iterable):
    """cycle(iterable): its items, then the same items again, forever."""
    return _cycle(iter(iterable))


def _cycle(iterable):
    saved = []
    for item in iterable:
        yield item
        saved.append(item)
    while saved:
        for item in saved:
            yield item


def _add(a, b):
    return a + b


@_iterator_class
def accumulate(iterable, func=None, *, initial=None):
    """accumulate(iterable[, func, *, initial]): the running totals (or `func` results)."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(iterable, func, initial):
    it = iter(iterable)
    if func is None:
        func = _add
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    for item in it:
        total = func(total, item)
        yield total


class chain:
    """chain(*iterables): the items of the first iterable, then of the next, ..."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._current = None

    @classmethod
    def from_iterable(cls, iterables):
        result = cls()
        result._sources = iter(iterables)
        return result

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._current is None:
                self._current = iter(next(self._sources))
            for item in self._current:
                return item
            self._current = None


@_iterator_class
def compress(data, selectors):
    """compress(data, selectors): the items of data whose selector is true."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for item, keep in zip(data, selectors):
        if keep:
            yield item


@_iterator_class
def dropwhile(predicate, iterable):
    """dropwhile(predicate, iterable): the items from the first one predicate rejects on."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, iterable):
    it = iter(iterable)
    for item in it:
        if not predicate(item):
            yield item
            break
    for item in it:
        yield item


@_iterator_class
def takewhile(predicate, iterable):
    """takewhile(predicate, iterable): the items up to the first one predicate rejects."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, iterable):
    for item in iterable:
        if not predicate(item):
            break
        yield item


@_iterator_class
def filterfalse(predicate, iterable):
    """filterfalse(predicate, iterable): the items for which predicate is false."""
    return _filterfalse(predicate, iter(iterable))


def _filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for item in iterable:
        if not predicate(item):
            yield item


_NOTHING = object()


class groupby:
    """groupby(iterable, key=None): (key, group) for each run of items with equal keys.

    `_value` / `_key` are the item read ahead of the groups; a group stays live until the
    next call of `__next__` (which gives `_group` a fresh token).
    """

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._target = _NOTHING
        self._key = _NOTHING
        self._value = _NOTHING
        self._token = None

    def _read(self):
        self._value = next(self._it)
        self._key = self._value if self._keyfunc is None else self._keyfunc(self._value)

    def __iter__(self):
        return self

    def __next__(self):
        self._token = object()
        while self._key is self._target or (self._target is not _NOTHING and self._key == self._target):
            self._read()
        self._target = self._key
        return self._key, _grouper(self, self._target, self._token)


@_iterator_class
def _grouper(parent, target, token):
    while parent._token is token and (parent._key is target or parent._key == target):
        yield parent._value
        try:
            parent._read()
        except StopIteration:
            return


def _islice_arg(value, what):
    if value is None:
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if what == "stop":
        raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")


@_iterator_class
def islice(iterable, *args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]): a slice of it."""
    if len(args) == 1:
        start, stop, step = None, _islice_arg(args[0], "stop"), None
    elif 2 <= len(args) <= 3:
        start = _islice_arg(args[0], "start")
        stop = _islice_arg(args[1], "stop")
        step = _islice_arg(args[2], "step") if len(args) == 3 else None
        if step == 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    elif not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    else:
        raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
    return _islice(iter(iterable), start or 0, stop, step or 1)


def _islice(it, start, stop, step):
    index = 0
    wanted = start
    while stop is None or wanted < stop:
        for item in it:
            if index == wanted:
                index += 1
                yield item
                break
            index += 1
        else:
            return
        wanted += step
    # CPython consumes up to `stop` items, no more.
    while index < stop:
        for _ in it:
            break
        else:
            return
        index += 1


@_iterator_class
def starmap(function, iterable):
    """starmap(function, iterable): function(*args) for each args of iterable."""
    return _starmap(function, iter(iterable))


def _starmap(function, iterable):
    for args in iterable:
        yield function(*args)


class _TeeBuffer:
    def __init__(self, it):
        self.it = it
        self.items = []
        self.base = 0
        self.positions = []


class _tee:
    def __init__(self, buffer, index):
        self._buffer = buffer
        self._index = index

    def __iter__(self):
        return self

    def __next__(self):
        buf = self._buffer
        pos = buf.positions[self._index]
        offset = pos - buf.base
        if offset < len(buf.items):
            item = buf.items[offset]
        else:
            item = next(buf.it)
            buf.items.append(item)
        buf.positions[self._index] = pos + 1
        low = min(buf.positions)
        if low > buf.base:
            del buf.items[:low - buf.base]
            buf.base = low
        return item


def tee(iterable, n=2):
    """tee(iterable, n=2): n independent iterators over the same items."""
    if not isinstance(n, int):
        raise TypeError("'" + type(n).__name__ + "' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    buf = _TeeBuffer(iter(iterable))
    buf.positions = [0] * n
    return tuple(_tee(buf, i) for i in range(n))


@_iterator_class
def zip_longest(*iterables, fillvalue=None):
    """zip_longest(*iterables, fillvalue=None): zip, padding the shorter ones."""
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


@_iterator_class
def product(*iterables, repeat=1):
    """product(*iterables, repeat=1): the cartesian product, as tuples."""
    if not isinstance(repeat, int):
        raise TypeError("'" + type(repeat).__name__ + "' object cannot be interpreted as an integer")
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    result = [()]
    for pool in pools:
        result = [prefix + (item,) for prefix in result for item in pool]
    for item in result:
        yield item


@_iterator_class
def permutations(iterable, r=None):
    """permutations(iterable, r=None): the r-length orderings of its items."""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError("Expected int as r")
    elif r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


@_iterator_class
def combinations(iterable, r):
    """combinations(iterable, r): the r-length subsequences of its items, in order."""
    pool = tuple(iterable)
    if not isinstance(r, int):
        raise TypeError("'" + type(r).__name__ + "' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


@_iterator_class
def combinations_with_replacement(iterable, r):
    """combinations_with_replacement(iterable, r): combinations that may repeat items."""
    pool = tuple(iterable)
    if not isinstance(r, int):
        raise TypeError("'" + type(r).__name__ + "' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


@_iterator_class
def pairwise(iterable):
    """pairwise(iterable): (a, b), (b, c), ... of successive items."""
    return _pairwise(iter(iterable))


def _pairwise(iterable):
    it = iter(iterable)
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b

