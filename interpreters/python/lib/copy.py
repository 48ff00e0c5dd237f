"""Shallow and deep copies: copy(x), deepcopy(x, memo), and the __copy__ / __deepcopy__ hooks."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, complex, type, range, type(len), type(lambda: 0),
           type(Ellipsis), type(NotImplemented))


def _is_atomic(x):
    return type(x) in _ATOMIC or x is None or isinstance(x, type)


def _new_like(x):
    """A new instance of x's class, made without running its __init__."""
    cls = type(x)
    return object.__new__(cls)


_VALUE_TYPES = (int, float, complex, str, bytes, tuple)
_REBUILT_TYPES = _VALUE_TYPES + (frozenset, set, bytearray, list, dict)


def _builtin_base(cls):
    """The builtin type instances of cls extend (int for `class C(int)`), if any."""
    for base in cls.__mro__:
        if base in _REBUILT_TYPES:
            return base
    return None


def _rebuild(x, deep, memo):
    """A copy of x, an instance of a subclass of a builtin type or of a class with its own
    __reduce__, as CPython's copy makes it from x.__reduce_ex__(4)."""
    cls = type(x)
    reduce = getattr(cls, "__reduce__", None)
    items = pairs = None
    if reduce is not None and reduce is not object.__reduce__:
        rv = tuple(x.__reduce__()) + (None, None, None)
        func, args, state, items, pairs = rv[:5]
        if deep:
            args = deepcopy(args, memo)
        y = func(*args)
    else:
        base = _builtin_base(cls)
        state = getattr(x, "__dict__", None) or None
        if base in _VALUE_TYPES:
            args = x.__getnewargs__()
            if deep:
                args = deepcopy(args, memo)
            y = cls.__new__(cls, *args)
        elif base in (set, frozenset, bytearray):
            args = base(x) if base is bytearray else list(x)
            if deep and base is not bytearray:
                args = deepcopy(args, memo)
            y = cls(bytes(args) if base is bytearray else args)
        else:
            y = cls.__new__(cls)
            if base is list:
                items = iter(x)
            elif base is dict:
                pairs = iter(x.items())
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, dict(state) if isinstance(state, dict) else state)
    if items is not None:
        for item in items:
            y.append(deepcopy(item, memo) if deep else item)
    if pairs is not None:
        for key, value in pairs:
            if deep:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value
    return y


def _rebuilt(cls):
    """Whether copies of cls's instances are made by _rebuild."""
    reduce = getattr(cls, "__reduce__", None)
    return (reduce is not None and reduce is not object.__reduce__) or _builtin_base(cls) is not None


def _slot_values(x):
    """The values of x's __slots__ attributes that are set (name to value), or None."""
    values = {}
    for base in type(x).__mro__:
        names = base.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__") or name in values:
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_" + base.__name__.lstrip("_") + name
            try:
                values[name] = getattr(x, name)
            except AttributeError:
                pass
    return values or None


def _state(x):
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None and callable(getstate) and getattr(type(x), "__getstate__", None) is not object.__getstate__:
        try:
            return getstate()
        except TypeError:
            pass
    state = getattr(x, "__dict__", None) or None
    slots = _slot_values(x)
    if slots is not None:
        # CPython's object.__getstate__ for a class with __slots__: (dict or None, slots).
        return (state, slots)
    return state


def _set_state(y, state):
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None:
        setstate(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        for key, value in state.items():
            setattr(y, key, value)
    if slots:
        for key, value in slots.items():
            setattr(y, key, value)


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if _rebuilt(cls):
        return _rebuild(x, False, None)
    y = _new_like(x)
    state = _state(x)
    _set_state(y, dict(state) if isinstance(state, dict) else state)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: containers and instances copied recursively, sharing kept."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        same = True
        for a, b in zip(x, items):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for item in x:
            y.add(deepcopy(item, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        elif _rebuilt(cls):
            y = _rebuild(x, True, memo)
        else:
            y = _new_like(x)
            memo[d] = y
            state = _state(x)
            if state is not None:
                state = deepcopy(state, memo)
            _set_state(y, state)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keeps x alive as long as memo (ids of dead objects can be reused)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
