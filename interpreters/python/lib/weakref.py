"""Weak references: `ref`, `proxy`, `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`
and `finalize`, with CPython's interface.

mtpy's heap has no weak references yet, so every object here holds its referent
strongly: a referent never dies while a reference exists, `ref()` never returns None,
callbacks never run, the weak containers never drop entries, and a `finalize` runs only
when called or at interpreter exit (as CPython runs the ones still alive then). Programs
that rely on weak references only to avoid keeping objects alive behave the same;
programs that expect an object to vanish when its last strong reference goes do not.
"""

import atexit as _atexit
import itertools as _itertools

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]

_refs = {}        # id(obj) -> [obj, [refs and proxies]]


def _check(obj):
    t = type(obj)
    bad = (t in (int, bool, float, complex, str, bytes, tuple, list, dict, bytearray,
                 type(None), type(...), type(NotImplemented))
           or isinstance(obj, (int, str, bytes, tuple)))
    if bad:
        raise TypeError("cannot create weak reference to '%s' object" % t.__name__)


def _track(obj, r):
    entry = _refs.get(id(obj))
    if entry is None:
        entry = _refs[id(obj)] = [obj, []]
    entry[1].append(r)


class ReferenceType:
    """`ref(obj[, callback])`: calling it returns obj (always, here: see the module)."""

    __slots__ = ('_obj', '_callback')

    def __new__(cls, obj, callback=None):
        _check(obj)
        if callback is None and cls is ReferenceType:
            entry = _refs.get(id(obj))
            if entry is not None:
                for r in entry[1]:
                    if type(r) is ReferenceType and r._callback is None:
                        return r
        self = object.__new__(cls)
        self._obj = obj
        self._callback = callback
        _track(obj, self)
        return self

    def __init__(self, obj, callback=None):
        pass

    def __call__(self):
        return self._obj

    @property
    def __callback__(self):
        return self._callback

    def __hash__(self):
        return hash(self._obj)

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        return self._obj == other._obj

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        return self._obj != other._obj

    def __repr__(self):
        o = self._obj
        name = getattr(type(o), '__qualname__', type(o).__name__)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), name, id(o))

    def __class_getitem__(cls, item):
        return cls


ReferenceType.__module__ = 'weakref'
ref = ReferenceType


class WeakMethod(ReferenceType):
    """A weak reference to a bound method (its object and function)."""

    __slots__ = ('_meth_type', '_func', '_meth')

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        self = ReferenceType.__new__(cls, obj, callback)
        self._meth_type = type(meth)
        self._func = func
        self._meth = meth
        return self

    def __call__(self):
        return self._meth

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            return self._obj is other._obj and self._func == other._func
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            return not (self._obj is other._obj and self._func == other._func)
        return NotImplemented

    def __hash__(self):
        return hash((id(self._obj), self._func))


def _unwrap(x):
    return object.__getattribute__(x, '_obj') if isinstance(x, ProxyType) else x


class ProxyType:
    """`proxy(obj)`: forwards attributes and operations to obj."""

    __slots__ = ('_obj', '_callback')

    def __getattribute__(self, name):
        return getattr(object.__getattribute__(self, '_obj'), name)

    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, '_obj'), name, value)

    def __delattr__(self, name):
        delattr(object.__getattribute__(self, '_obj'), name)

    def __repr__(self):
        o = object.__getattribute__(self, '_obj')
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
    object.__setattr__(p, '_obj', obj)
    object.__setattr__(p, '_callback', callback)
    _track(obj, p)
    return p


def getweakrefcount(obj):
    """How many weak references and proxies refer to `obj`."""
    entry = _refs.get(id(obj))
    return len(entry[1]) if entry is not None and entry[0] is obj else 0


def getweakrefs(obj):
    """The weak references and proxies that refer to `obj`."""
    entry = _refs.get(id(obj))
    return list(entry[1]) if entry is not None and entry[0] is obj else []


from collections.abc import MutableMapping as _MutableMapping, MutableSet as _MutableSet


class WeakValueDictionary(_MutableMapping):
    """A mapping whose values are held by weak reference (strongly, here)."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        return self.data[key]()

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        return key in self.data

    def __iter__(self):
        return iter(list(self.data))

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in self.data.items():
            new[key] = wr()
        return new

    __copy__ = copy

    def get(self, key, default=None):
        wr = self.data.get(key)
        return default if wr is None else wr()

    def items(self):
        return [(k, wr()) for k, wr in list(self.data.items())]

    def keys(self):
        return list(self.data)

    def values(self):
        return [wr() for wr in list(self.data.values())]

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def pop(self, key, *args):
        if key in self.data:
            return self.data.pop(key)()
        if args:
            return args[0]
        raise KeyError(key)

    def popitem(self):
        key, wr = self.data.popitem()
        return key, wr()

    def setdefault(self, key, default=None):
        if key in self.data:
            return self.data[key]()
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


class WeakKeyDictionary(_MutableMapping):
    """A mapping whose keys are held by weak reference (strongly, here)."""

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        return iter([wr() for wr in list(self.data)])

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        new = WeakKeyDictionary()
        for wr, value in self.data.items():
            new[wr()] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        return [(wr(), v) for wr, v in list(self.data.items())]

    def keys(self):
        return [wr() for wr in list(self.data)]

    def values(self):
        return list(self.data.values())

    def keyrefs(self):
        return list(self.data)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def popitem(self):
        wr, value = self.data.popitem()
        return wr(), value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key), default)


class WeakSet(_MutableSet):
    """A set whose items are held by weak reference (strongly, here)."""

    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            yield wr()

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return (self.__class__, (list(self),), getattr(self, '__dict__', None))

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        self.data.add(ref(item))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            return itemref()

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

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
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        newset = self.copy()
        newset.symmetric_difference_update(other)
        return newset

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item) for item in other)
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
        info.weakref = ref(obj)
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
