"""Weak references: `ref`, `proxy`, `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`
and `finalize`, with CPython's interface.

A reference holds a weak cell of the heap (`_gc.ref`), which the collector clears when its
object dies. mtpy's collector is a tracing one, so, as in PyPy, an object dies at a
collection, not when its last reference goes: `gc.collect()` collects and then runs the
callbacks of the references that died (`_sweep`), newest first for each object; the weak
containers drop their dead entries whenever they see a collection happened.
"""

import _gc
import atexit as _atexit
import itertools as _itertools

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]

_refs = {}        # id(obj) -> [refs and proxies made for obj] (some may be dead)
_pending = {}     # id(ref) -> ref, for the refs and proxies with a callback not run yet
_tracked = 0      # refs tracked since `_refs` was last pruned


def _check(obj):
    t = type(obj)
    bad = (t in (int, bool, float, complex, str, bytes, tuple, list, dict, bytearray,
                 type(None), type(...), type(NotImplemented))
           or isinstance(obj, (int, str, bytes, tuple)))
    if bad:
        raise TypeError("cannot create weak reference to '%s' object" % t.__name__)


def _referent(r):
    """The object ref or proxy `r` refers to, or None once it died."""
    return _gc.deref(object.__getattribute__(r, '_cell'))


def _live(obj):
    """The refs and proxies to `obj` (an id may be reused once its object died)."""
    lst = _refs.get(id(obj))
    if lst is None:
        return []
    live = [r for r in lst if _referent(r) is obj]
    if len(live) != len(lst):
        if live:
            _refs[id(obj)] = live
        else:
            del _refs[id(obj)]
    return live


def _prune():
    global _tracked
    _tracked = 0
    for k, lst in list(_refs.items()):
        live = [r for r in lst if _referent(r) is not None]
        if not live:
            del _refs[k]
        elif len(live) != len(lst):
            _refs[k] = live


def _track(obj, r, callback):
    global _tracked
    object.__setattr__(r, '_cell', _gc.ref(obj))
    object.__setattr__(r, '_callback', callback)
    object.__setattr__(r, '_oid', id(obj))
    _refs[id(obj)] = _live(obj) + [r]
    if callback is not None:
        _pending[id(r)] = r
    _tracked += 1
    if _tracked > 10000:
        _prune()


def _sweep():
    """Runs the callbacks of the refs and proxies whose object died (after a collection)."""
    dead = [r for r in _pending.values() if _referent(r) is None]
    if not dead:
        _prune()
        return
    groups = {}
    for r in dead:
        del _pending[id(r)]
        groups.setdefault(object.__getattribute__(r, '_oid'), []).append(r)
    _prune()
    for group in groups.values():
        for r in reversed(group):
            cb = object.__getattribute__(r, '_callback')
            try:
                cb(r)
            except Exception:
                import sys, traceback
                print("Exception ignored in: %r" % (cb,), file=sys.stderr)
                traceback.print_exc(file=sys.stderr)


class ReferenceType:
    """`ref(obj[, callback])`: calling it returns obj, or None once obj died."""

    __slots__ = ('_cell', '_callback', '_oid', '_hash')

    def __new__(cls, obj, callback=None):
        _check(obj)
        if callback is None and cls is ReferenceType:
            for r in _live(obj):
                if type(r) is ReferenceType and r._callback is None:
                    return r
        self = object.__new__(cls)
        self._hash = None
        _track(obj, self, callback)
        return self

    def __init__(self, obj, callback=None):
        pass

    def __call__(self):
        return _gc.deref(self._cell)

    @property
    def __callback__(self):
        return self._callback

    def __hash__(self):
        h = self._hash
        if h is None:
            o = self()
            if o is None:
                raise TypeError("weak object has gone away")
            h = self._hash = hash(o)
        return h

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is not other
        return a != b

    def __repr__(self):
        o = self()
        if o is None:
            return "<weakref at %#x; dead>" % id(self)
        name = getattr(type(o), '__qualname__', type(o).__name__)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), name, id(o))

    def __class_getitem__(cls, item):
        return cls


ReferenceType.__module__ = 'weakref'
ref = ReferenceType


class WeakMethod(ReferenceType):
    """A weak reference to a bound method: to its object, keeping its function."""

    __slots__ = ('_meth_type', '_func')

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        self = ReferenceType.__new__(cls, obj, callback)
        self._meth_type = type(meth)
        self._func = func
        return self

    def __call__(self):
        obj = ReferenceType.__call__(self)
        if obj is None:
            return None
        return self._func.__get__(obj, type(obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            a, b = ReferenceType.__call__(self), ReferenceType.__call__(other)
            if a is None or b is None:
                return self is other
            return a is b and self._func == other._func
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            return not self.__eq__(other)
        return NotImplemented

    def __hash__(self):
        h = self._hash
        if h is None:
            o = ReferenceType.__call__(self)
            if o is None:
                raise TypeError("weak object has gone away")
            h = self._hash = hash((id(o), self._func))
        return h


def _target(p):
    o = _referent(p)
    if o is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return o


def _unwrap(x):
    return _target(x) if isinstance(x, ProxyType) else x


class ProxyType:
    """`proxy(obj)`: forwards attributes and operations to obj."""

    __slots__ = ('_cell', '_callback', '_oid')

    def __getattribute__(self, name):
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        o = _referent(self)
        if o is None:
            return "<weakproxy at %#x; dead>" % id(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(_unwrap(self))

    def __bytes__(self):
        return bytes(_unwrap(self))

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.ProxyType'")

    def __bool__(self):
        return bool(_unwrap(self))

    def __len__(self):
        return len(_unwrap(self))

    def __iter__(self):
        return iter(_unwrap(self))

    def __next__(self):
        return next(_unwrap(self))

    def __reversed__(self):
        return reversed(_unwrap(self))

    def __contains__(self, x):
        return x in _unwrap(self)

    def __getitem__(self, k):
        return _unwrap(self)[k]

    def __setitem__(self, k, v):
        _unwrap(self)[k] = v

    def __delitem__(self, k):
        del _unwrap(self)[k]

    def __index__(self):
        return _unwrap(self).__index__()

    def __int__(self):
        return int(_unwrap(self))

    def __float__(self):
        return float(_unwrap(self))

    def __abs__(self):
        return abs(_unwrap(self))

    def __neg__(self):
        return -_unwrap(self)

    def __pos__(self):
        return +_unwrap(self)

    def __invert__(self):
        return ~_unwrap(self)

    def __eq__(self, o):
        return _unwrap(self) == _unwrap(o)

    def __ne__(self, o):
        return _unwrap(self) != _unwrap(o)

    def __lt__(self, o):
        return _unwrap(self) < _unwrap(o)

    def __le__(self, o):
        return _unwrap(self) <= _unwrap(o)

    def __gt__(self, o):
        return _unwrap(self) > _unwrap(o)

    def __ge__(self, o):
        return _unwrap(self) >= _unwrap(o)

    def __add__(self, o):
        return _unwrap(self) + _unwrap(o)

    def __radd__(self, o):
        return _unwrap(o) + _unwrap(self)

    def __sub__(self, o):
        return _unwrap(self) - _unwrap(o)

    def __rsub__(self, o):
        return _unwrap(o) - _unwrap(self)

    def __mul__(self, o):
        return _unwrap(self) * _unwrap(o)

    def __rmul__(self, o):
        return _unwrap(o) * _unwrap(self)

    def __truediv__(self, o):
        return _unwrap(self) / _unwrap(o)

    def __rtruediv__(self, o):
        return _unwrap(o) / _unwrap(self)

    def __floordiv__(self, o):
        return _unwrap(self) // _unwrap(o)

    def __rfloordiv__(self, o):
        return _unwrap(o) // _unwrap(self)

    def __mod__(self, o):
        return _unwrap(self) % _unwrap(o)

    def __rmod__(self, o):
        return _unwrap(o) % _unwrap(self)

    def __pow__(self, o):
        return _unwrap(self) ** _unwrap(o)

    def __rpow__(self, o):
        return _unwrap(o) ** _unwrap(self)

    def __and__(self, o):
        return _unwrap(self) & _unwrap(o)

    def __or__(self, o):
        return _unwrap(self) | _unwrap(o)

    def __xor__(self, o):
        return _unwrap(self) ^ _unwrap(o)

    def __lshift__(self, o):
        return _unwrap(self) << _unwrap(o)

    def __rshift__(self, o):
        return _unwrap(self) >> _unwrap(o)

    def __matmul__(self, o):
        return _unwrap(self) @ _unwrap(o)

    def __enter__(self):
        return _unwrap(self).__enter__()

    def __exit__(self, *args):
        return _unwrap(self).__exit__(*args)


class CallableProxyType(ProxyType):
    """A proxy to a callable object."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _unwrap(self)(*args, **kwargs)

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.CallableProxyType'")


ProxyType.__module__ = 'weakref'
CallableProxyType.__module__ = 'weakref'
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """A proxy forwarding to `obj`."""
    _check(obj)
    cls = CallableProxyType if callable(obj) else ProxyType
    p = object.__new__(cls)
    _track(obj, p, callback)
    return p


def getweakrefcount(obj):
    """How many weak references and proxies refer to `obj`."""
    return len(_live(obj))


def getweakrefs(obj):
    """The weak references and proxies that refer to `obj`."""
    return _live(obj)


from collections.abc import MutableMapping as _MutableMapping, MutableSet as _MutableSet


class _Purging:
    """What the weak containers share: `data` (their entries, each holding a weak reference)
    loses the dead ones when a collection happened since the last look (`_drop_dead` of
    each container says which)."""

    def _purge(self):
        n = _gc.collections()
        if n != self._seen:
            self._seen = n
            self._drop_dead()
        return self.data


class WeakValueDictionary(_Purging, _MutableMapping):
    """A mapping whose values are held by weak reference (strongly, here)."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self._seen = _gc.collections()
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self._purge()[key]()
        if o is None:
            raise KeyError(key)
        return o

    def _drop_dead(self):
        for k in [k for k, wr in self.data.items() if wr() is None]:
            del self.data[k]

    def __setitem__(self, key, value):
        self._purge()[key] = ref(value)

    def __delitem__(self, key):
        del self._purge()[key]

    def __len__(self):
        return len(self._purge())

    def __contains__(self, key):
        return key in self._purge()

    def __iter__(self):
        return iter(list(self._purge()))

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in self._purge().items():
            new[key] = wr()
        return new

    __copy__ = copy

    def get(self, key, default=None):
        wr = self._purge().get(key)
        return default if wr is None else wr()

    def items(self):
        return [(k, wr()) for k, wr in list(self._purge().items())]

    def keys(self):
        return list(self._purge())

    def values(self):
        return [wr() for wr in list(self._purge().values())]

    def itervaluerefs(self):
        yield from list(self._purge().values())

    def valuerefs(self):
        return list(self._purge().values())

    def pop(self, key, *args):
        if key in self._purge():
            return self._purge().pop(key)()
        if args:
            return args[0]
        raise KeyError(key)

    def popitem(self):
        key, wr = self._purge().popitem()
        return key, wr()

    def setdefault(self, key, default=None):
        if key in self._purge():
            return self._purge()[key]()
        self[key] = default
        return default

    def __or__(self, other):
        if isinstance(other, (dict, _MutableMapping)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakKeyDictionary(_Purging, _MutableMapping):
    """A mapping whose keys are held by weak reference (strongly, here)."""

    def __init__(self, dict=None):
        self.data = {}
        self._seen = _gc.collections()
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self._purge()[ref(key)]

    def _drop_dead(self):
        for wr in [wr for wr in self.data if wr() is None]:
            del self.data[wr]

    def __setitem__(self, key, value):
        self._purge()[ref(key)] = value

    def __delitem__(self, key):
        del self._purge()[ref(key)]

    def __len__(self):
        return len(self._purge())

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self._purge()

    def __iter__(self):
        return iter([wr() for wr in list(self._purge())])

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        new = WeakKeyDictionary()
        for wr, value in self._purge().items():
            new[wr()] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self._purge().get(ref(key), default)

    def items(self):
        return [(wr(), v) for wr, v in list(self._purge().items())]

    def keys(self):
        return [wr() for wr in list(self._purge())]

    def values(self):
        return list(self._purge().values())

    def keyrefs(self):
        return list(self._purge())

    def pop(self, key, *args):
        return self._purge().pop(ref(key), *args)

    def popitem(self):
        wr, value = self._purge().popitem()
        return wr(), value

    def setdefault(self, key, default=None):
        return self._purge().setdefault(ref(key), default)


class WeakSet(_Purging, _MutableSet):
    """A set whose items are held by weak reference (strongly, here)."""

    def __init__(self, data=None):
        self.data = set()
        self._seen = _gc.collections()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self._purge()):
            o = wr()
            if o is not None:
                yield o

    def _drop_dead(self):
        self.data.difference_update([wr for wr in self.data if wr() is None])

    def __len__(self):
        return len(self._purge())

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self._purge()

    def __reduce__(self):
        return (self.__class__, (list(self),), getattr(self, '__dict__', None))

    def __repr__(self):
        return repr(self._purge())

    def add(self, item):
        self._purge().add(ref(item))

    def clear(self):
        self._purge().clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self._purge().pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            return itemref()

    def remove(self, item):
        self._purge().remove(ref(item))

    def discard(self, item):
        self._purge().discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        newset = self.copy()
        newset.difference_update(other)
        return newset

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self is other:
            self._purge().clear()
        else:
            self._purge().difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self._purge().intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self._purge().issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self._purge() < set(map(ref, other))

    def issuperset(self, other):
        return self._purge().issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self._purge() > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self._purge() == set(map(ref, other))

    def symmetric_difference(self, other):
        newset = self.copy()
        newset.symmetric_difference_update(other)
        return newset

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self._purge().clear()
        else:
            self._purge().symmetric_difference_update(ref(item) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


class finalize:
    """`finalize(obj, func, *args, **kwargs)`: calls func(*args, **kwargs) once, when
    called, or at exit if `atexit` is true and it has not run (see the module's note)."""

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _index_iter = _itertools.count()
    _dirty = False
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not self._registered_with_atexit:
            _atexit.register(self._exitfunc)
            finalize._registered_with_atexit = True
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = next(self._index_iter)
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in self._registry

    @property
    def atexit(self):
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (type(self).__name__, id(self),
                                                      type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        try:
            if cls._registry:
                pending = sorted(((i.index, f) for f, i in cls._registry.items()
                                  if i.atexit), key=lambda p: p[0])
                pending = [f for _, f in pending]
                while pending:
                    f = pending.pop()
                    if f in cls._registry:
                        try:
                            f()
                        except Exception:
                            import sys, traceback
                            traceback.print_exc(file=sys.stderr)
        finally:
            finalize._shutdown = True
