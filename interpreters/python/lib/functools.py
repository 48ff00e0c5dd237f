"""Higher-order functions: reduce, partial, wraps, lru_cache, total_ordering, ...

mtpy's own implementation with CPython's behaviour. Cached functions are plain closures
with `cache_info` / `cache_clear` attributes, so they bind as methods like any function.
"""

from collections import namedtuple

__all__ = [
    "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "cache", "cached_property", "cmp_to_key",
    "lru_cache", "partial", "partialmethod", "reduce", "singledispatch", "singledispatchmethod",
    "total_ordering",
    "update_wrapper", "wraps",
]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)

_MISSING = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Makes `wrapper` look like `wrapped` (name, doc, ...) and sets `__wrapped__`."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        source = getattr(wrapped, attr, None)
        target = getattr(wrapper, attr, None)
        if source is not None and target is not None:
            for key in source:
                if key not in ("__wrapped__",):
                    setattr(wrapper, key, source[key])
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """A decorator applying `update_wrapper(wrapper, wrapped)`."""
    def decorating(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorating


def reduce(function, iterable, *initial):
    """reduce(function, iterable[, initial]): folds the items from the left."""
    if len(initial) > 1:
        raise TypeError("reduce expected at most 3 arguments, got " + str(len(initial) + 2))
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        for value in it:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    for item in it:
        value = function(value, item)
    return value


class partial:
    """partial(func, *args, **keywords): func with some arguments filled in."""

    # (Made in __new__, as CPython's: a subclass's own __init__ does not undo it.)
    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            merged = dict(func.keywords)
            merged.update(keywords)
            keywords = merged
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        parts += [repr(a) for a in self.args]
        parts += [k + "=" + repr(v) for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"


class partialmethod:
    """partialmethod(func, *args, **keywords): a partial() that binds like a method."""

    def __init__(self, func, /, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _KwdMark:
    def __repr__(self):
        return "<kwd_mark>"


_KWD_MARK = (_KwdMark(),)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += _KWD_MARK
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        result = cache.get(key, _MISSING)
        if result is not _MISSING:
            stats[0] += 1
            if maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if maxsize is None:
            cache[key] = result
        elif maxsize > 0:
            if key in cache:
                del cache[key]
            elif len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
        return result

    def cache_info():
        """Hits, misses, maxsize and current size of the cache."""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Empties the cache and its statistics."""
        cache.clear()
        stats[0] = 0
        stats[1] = 0

    def cache_parameters():
        return {"maxsize": maxsize, "typed": typed}

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return wrapper


def lru_cache(maxsize=128, typed=False):
    """A decorator caching a function's results (the `maxsize` most recently used)."""
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _lru_wrapper(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating


def cache(user_function):
    """A decorator caching every result of a function (`lru_cache(maxsize=None)`)."""
    return _lru_wrapper(user_function, None, False)


def _not_op(result):
    if result is NotImplemented:
        return result
    return not result


def _le_from_lt(self, other):
    result = self.__lt__(other)
    if result is NotImplemented:
        return result
    return result or self == other


def _ge_from_lt(self, other):
    return _not_op(self.__lt__(other))


def _ge_from_le(self, other):
    result = self.__le__(other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _lt_from_le(self, other):
    result = self.__le__(other)
    if result is NotImplemented or not result:
        return result
    return self != other


def _gt_from_le(self, other):
    return _not_op(self.__le__(other))


def _lt_from_gt(self, other):
    result = self.__gt__(other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _ge_from_gt(self, other):
    result = self.__gt__(other)
    if result is NotImplemented:
        return result
    return result or self == other


def _le_from_gt(self, other):
    return _not_op(self.__gt__(other))


def _le_from_ge(self, other):
    result = self.__ge__(other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _gt_from_ge(self, other):
    result = self.__ge__(other)
    if result is NotImplemented or not result:
        return result
    return self != other


def _lt_from_ge(self, other):
    return _not_op(self.__ge__(other))


def _gt_from_lt_full(self, other):
    result = self.__lt__(other)
    if result is NotImplemented:
        return result
    return not result and self != other


_CONVERT = {
    "__lt__": [("__gt__", _gt_from_lt_full), ("__le__", _le_from_lt), ("__ge__", _ge_from_lt)],
    "__le__": [("__ge__", _ge_from_le), ("__lt__", _lt_from_le), ("__gt__", _gt_from_le)],
    "__gt__": [("__lt__", _lt_from_gt), ("__ge__", _ge_from_gt), ("__le__", _le_from_gt)],
    "__ge__": [("__le__", _le_from_ge), ("__gt__", _gt_from_ge), ("__lt__", _lt_from_ge)],
}


def _defines(cls, name):
    """Whether `cls` (or a base other than object) defines method `name`."""
    for klass in cls.__mro__:
        if klass is object:
            return False
        if name in _own_names(klass):
            return True
    return False


def _own_names(klass):
    names = getattr(klass, "__dict__", None)
    if names is not None:
        return names
    return [n for n in dir(klass) if getattr(klass, n, None) is not None]


def total_ordering(cls):
    """A class decorator filling in the missing ordering methods from one of them."""
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if _defines(cls, op)]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots, key=lambda op: ["__ge__", "__gt__", "__le__", "__lt__"].index(op))
    for name, method in _CONVERT[root]:
        if name not in roots:
            setattr(cls, name, _named(method, name))
    return cls


def _named(method, name):
    def op(self, other):
        return method(self, other)
    op.__name__ = name
    op.__qualname__ = name
    return op


def cmp_to_key(mycmp):
    """A key class for sorting with an old-style comparison function."""
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


class cached_property:
    """A property computed once per instance, then kept in the instance's attributes."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names ("
                            + repr(self.attrname) + " and " + repr(name) + ").")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname or self.func.__name__
        cache = instance.__dict__
        value = cache.get(name, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            cache[name] = value
        return value


def _mro_of(cls):
    return getattr(cls, "__mro__", (cls, object))


def singledispatch(func):
    """A function dispatching on the type of its first argument (`register` adds cases)."""
    registry = {object: func}
    cache = {}

    def dispatch(cls):
        impl = cache.get(cls)
        if impl is None:
            for klass in _mro_of(cls):
                if klass in registry:
                    impl = registry[klass]
                    break
            else:
                impl = func
            cache[cls] = impl
        return impl

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            annotations = getattr(cls, "__annotations__", None) or {}
            function = cls
            hints = [v for k, v in annotations.items() if k != "return"]
            if not hints:
                raise TypeError("Invalid first argument to `register()`: " + repr(function)
                                + ". Use either `@register(some_class)` or plain `@register` on an "
                                "annotated function.")
            cls = hints[0]
            if not isinstance(cls, type):
                raise TypeError("Invalid annotation for " + repr(next(iter(annotations)))
                                + ". " + repr(cls) + " is not a class.")
            func = function
        registry[cls] = func
        cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(funcname + " requires at least 1 positional argument")
        return dispatch(type(args[0]))(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """A method dispatching on the type of its first argument after self."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(repr(func) + " is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
