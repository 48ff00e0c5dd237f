"""Container datatypes: deque, defaultdict, OrderedDict, Counter, ChainMap, namedtuple.

mtpy's own implementation, with CPython's behaviour (reprs, messages, orderings).
defaultdict, OrderedDict and Counter derive from dict; UserDict keeps its items in a plain
dict, `data`, as CPython's does.
"""

import sys as _sys
from operator import itemgetter as _itemgetter
from keyword import iskeyword as _iskeyword

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList", "defaultdict",
           "deque", "namedtuple"]

_MISSING = object()


def _type_name(obj):
    return type(obj).__name__


# ---------------------------------------------------------------------------- deque

class deque:
    """A double-ended queue: a list whose live items start at index `_head`."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._items = []
        self._head = 0
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _live(self):
        if self._head:
            del self._items[:self._head]
            self._head = 0
        return self._items

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __iter__(self):
        items = self._items
        i = self._head
        while i < len(items):
            yield items[i]
            i += 1

    def __reversed__(self):
        items = self._items
        i = len(items) - 1
        while i >= self._head:
            yield items[i]
            i -= 1

    def __repr__(self):
        body = repr(list(self))
        if self._maxlen is None:
            return "deque(" + body + ")"
        return "deque(" + body + ", maxlen=" + str(self._maxlen) + ")"

    def append(self, x):
        if self._maxlen == 0:
            return
        self._items.append(x)
        if self._maxlen is not None and len(self) > self._maxlen:
            self.popleft()

    def appendleft(self, x):
        if self._maxlen == 0:
            return
        if self._head == 0:
            grow = max(8, len(self._items))
            self._items = [None] * grow + self._items
            self._head = grow
        self._head -= 1
        self._items[self._head] = x
        if self._maxlen is not None and len(self) > self._maxlen:
            self.pop()

    def pop(self):
        if len(self._items) <= self._head:
            raise IndexError("pop from an empty deque")
        x = self._items.pop()
        if len(self._items) == self._head:
            self._items = []
            self._head = 0
        return x

    def popleft(self):
        items = self._items
        if len(items) <= self._head:
            raise IndexError("pop from an empty deque")
        x = items[self._head]
        items[self._head] = None
        self._head += 1
        if self._head == len(items):
            self._items = []
            self._head = 0
        elif self._head > 32 and self._head * 2 > len(items):
            del items[:self._head]
            self._head = 0
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._items = []
        self._head = 0

    def copy(self):
        return deque(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        n = 0
        for y in self:
            if y is x or y == x:
                n += 1
        return n

    def index(self, x, start=0, stop=None):
        items = self._live()
        n = len(items)
        if stop is None:
            stop = n
        if start < 0:
            start = max(0, start + n)
        if stop < 0:
            stop = max(0, stop + n)
        for i in range(start, min(stop, n)):
            if items[i] is x or items[i] == x:
                return i
        raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._live().insert(i, x)

    def remove(self, value):
        items = self._live()
        for i in range(len(items)):
            if items[i] is value or items[i] == value:
                del items[i]
                return
        raise ValueError(repr(value) + " is not in deque")

    def reverse(self):
        self._live().reverse()

    def rotate(self, n=1):
        items = self._live()
        size = len(items)
        if size <= 1:
            return
        n %= size
        if n:
            self._items = items[-n:] + items[:-n]

    def _index(self, i):
        n = len(self)
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '" + _type_name(i) + "'")
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return self._head + i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        k = self._index(i)
        del self._live()[k - self._head]

    def __contains__(self, x):
        for y in self:
            if y is x or y == x:
                return True
        return False

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) == list(other)

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) != list(other)

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) < list(other)

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) <= list(other)

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) > list(other)

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) >= list(other)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + _type_name(other) + '") to deque')
        result = deque(self, self._maxlen)
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = deque(list(self) * n, self._maxlen)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        items = list(self) * n
        self.clear()
        self.extend(items)
        return self


# ---------------------------------------------------------------------------- dict-likes

class _DictLike:
    """The mapping protocol over a plain dict `_data` (the base of the dict-like classes)."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(list(self._data))

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __bool__(self):
        return len(self._data) > 0

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def setdefault(self, key, default=None):
        if key not in self._data:
            self[key] = default
        return self._data[key]

    def pop(self, key, default=_MISSING):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        if not self._data:
            raise KeyError("popitem(): dictionary is empty")
        return self._data.popitem()

    def clear(self):
        self._data.clear()

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("update expected at most 1 argument, got " + str(len(args)))
        if args:
            other = args[0]
            if hasattr(other, "keys"):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k in kwargs:
            self[k] = kwargs[k]

    def _plain(self):
        return dict(self._data)

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        if eq is NotImplemented:
            return eq
        return not eq

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, (dict, _DictLike)):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, (dict, _DictLike)):
            return NotImplemented
        result = self.copy()
        result.clear()
        result.update(other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return _type_name(self) + "(" + repr(self._data) + ")"

    def copy(self):
        result = type(self)()
        result.update(self)
        return result

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for k in iterable:
            result[k] = value
        return result


class defaultdict(dict):
    """A dict whose missing keys are made by `default_factory()`."""

    __slots__ = ("default_factory",)

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            text = "None"
        elif factory is self:
            text = "..."
        else:
            text = repr(factory)
        return _type_name(self) + "(" + text + ", " + dict.__repr__(self) + ")"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        result.update(self)
        return result

    def __reduce__(self):
        return (type(self), (self.default_factory,), None, None, iter(self.items()))


class OrderedDict(dict):
    """A dict that remembers (and can reorder) insertion order."""

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("expected at most 1 arguments, got " + str(len(args)))
        dict.__init__(self, *args, **kwargs)

    def move_to_end(self, key, last=True):
        if not dict.__contains__(self, key):
            raise KeyError(key)
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        eq = self.__eq__(other)
        if eq is NotImplemented:
            return eq
        return not eq

    __hash__ = None

    def __repr__(self):
        if not self:
            return _type_name(self) + "()"
        return _type_name(self) + "(" + repr(list(self.items())) + ")"

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for k in iterable:
            result[k] = value
        return result

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(other)
        result.update(self)
        return result


class Counter(dict):
    """A dict of counts: missing keys count 0."""

    def __init__(self, iterable=None, /, **kwargs):
        dict.__init__(self)
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def __delitem__(self, key):
        if key in self:
            dict.__delitem__(self, key)

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_itemgetter(1), reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        for key, count in self.items():
            for _ in range(count):
                yield key

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for key in iterable.keys():
                    self[key] = self.get(key, 0) + iterable[key]
            else:
                for key in iterable:
                    self[key] = self.get(key, 0) + 1
        for key in kwargs:
            self[key] = self.get(key, 0) + kwargs[key]

    def subtract(self, iterable=None, /, **kwargs):
        if iterable is not None:
            if hasattr(iterable, "keys"):
                for key in iterable.keys():
                    self[key] = self.get(key, 0) - iterable[key]
            else:
                for key in iterable:
                    self[key] = self.get(key, 0) - 1
        for key in kwargs:
            self[key] = self.get(key, 0) - kwargs[key]

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (dict(self),)

    def __repr__(self):
        if not self:
            return _type_name(self) + "()"
        parts = []
        for key, count in self.most_common():
            parts.append(repr(key) + ": " + repr(count))
        return _type_name(self) + "({" + ", ".join(parts) + "})"

    def _keep(self, pairs):
        result = Counter()
        for key, count in pairs:
            if count > 0:
                result[key] = count
        return result

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        pairs = [(k, c + other[k]) for k, c in self.items()]
        pairs += [(k, c) for k, c in other.items() if k not in self]
        return self._keep(pairs)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        pairs = [(k, c - other[k]) for k, c in self.items()]
        pairs += [(k, -c) for k, c in other.items() if k not in self]
        return self._keep(pairs)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        pairs = [(k, max(c, other[k])) for k, c in self.items()]
        pairs += [(k, c) for k, c in other.items() if k not in self]
        return self._keep(pairs)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._keep([(k, min(c, other[k])) for k, c in self.items() if k in other])

    def __pos__(self):
        return self._keep(self.items())

    def __neg__(self):
        return self._keep([(k, -c) for k, c in self.items()])

    def _inplace(self, result):
        dict.clear(self)
        dict.update(self, result)
        return self

    def __iadd__(self, other):
        return self._inplace(self + other)

    def __isub__(self, other):
        return self._inplace(self - other)

    def __ior__(self, other):
        return self._inplace(self | other)

    def __iand__(self, other):
        return self._inplace(self & other)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] == other[k] for c in (self, other) for k in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] <= other[k] for c in (self, other) for k in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] >= other[k] for c in (self, other) for k in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other


class UserDict(_DictLike):
    """A dict-like class to derive from; its items are in `data`."""

    def __init__(self, *args, **kwargs):
        _DictLike.__init__(self, *args, **kwargs)

    @property
    def data(self):
        return self._data

    def __repr__(self):
        return repr(self._data)


class ChainMap:
    """Several mappings looked up as one; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return default

    def __len__(self):
        return len(self._merged())

    def _merged(self):
        merged = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                merged[key] = None
        return merged

    def __iter__(self):
        return iter(self._merged())

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def keys(self):
        return list(self._merged())

    def items(self):
        return [(k, self[k]) for k in self._merged()]

    def values(self):
        return [self[k] for k in self._merged()]

    def __repr__(self):
        return _type_name(self) + "(" + ", ".join(repr(m) for m in self.maps) + ")"

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            return dict(self.items()) == dict(other.items())
        if isinstance(other, (dict, _DictLike)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: " + repr(key))

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError("Key not found in the first mapping: " + repr(key))

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kwargs):
        self.maps[0].update(*args, **kwargs)


class UserList:
    """A list-like class to derive from; its items are in `data`."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            self.data.extend(initlist)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, item):
        return item in self.data

    def __reversed__(self):
        # (Sequence's: a generator over the indices, last first.)
        for i in reversed(range(len(self))):
            yield self[i]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return type(self)(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def _unwrap(self, other):
        return other.data if isinstance(other, UserList) else other

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    __hash__ = None

    def __add__(self, other):
        return type(self)(self.data + list(self._unwrap(other)))

    def __iadd__(self, other):
        self.data += list(self._unwrap(other))
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self.data)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, *args, **kwargs):
        self.data.sort(*args, **kwargs)

    def extend(self, other):
        self.data.extend(self._unwrap(other))


# ---------------------------------------------------------------------------- namedtuple

def _field_names(field_names):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    return [str(name) for name in field_names]


def _check_names(typename, names, rename):
    if rename:
        seen = set()
        for i, name in enumerate(names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith("_")
                    or name in seen):
                names[i] = "_" + str(i)
            seen.add(name)
    for name in [typename] + names:
        if not isinstance(name, str):
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: " + repr(name))
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a keyword: " + repr(name))
    seen = set()
    for name in names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        if name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen.add(name)


def _names_text(names):
    quoted = ["'" + n + "'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + " and " + quoted[1]
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _bind_fields(typename, fields, defaults, args, kwargs):
    """The values of `fields` from a call's arguments (CPython's messages on a bad call)."""
    n = len(fields)
    if len(args) > n:
        least = n + 1 - len(defaults)
        if least == n + 1:
            takes = str(n + 1) + " positional argument" + ("" if n == 0 else "s")
        else:
            takes = "from " + str(least) + " to " + str(n + 1) + " positional arguments"
        raise TypeError(typename + ".__new__() takes " + takes + " but " + str(len(args) + 1) + " were given")
    values = list(args) + [_MISSING] * (n - len(args))
    for key in kwargs:
        if key not in fields:
            raise TypeError(typename + ".__new__() got an unexpected keyword argument '" + key + "'")
        i = fields.index(key)
        if values[i] is not _MISSING:
            raise TypeError(typename + ".__new__() got multiple values for argument '" + key + "'")
        values[i] = kwargs[key]
    missing = []
    for i in range(n):
        if values[i] is _MISSING:
            if fields[i] in defaults:
                values[i] = defaults[fields[i]]
            else:
                missing.append(fields[i])
    if missing:
        raise TypeError(typename + ".__new__() missing " + str(len(missing)) + " required positional argument"
                        + ("" if len(missing) == 1 else "s") + ": " + _names_text(missing))
    return tuple(values)


class _tuplegetter:
    """The attribute of a namedtuple's field: its item `index`, read-only."""

    __slots__ = ("_index", "_doc")

    def __init__(self, index, doc):
        self._index = index
        self._doc = doc

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj[self._index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")


def _make_namedtuple_class(typename, fields, field_defaults):
    n = len(fields)

    class _NamedTuple(tuple):
        __slots__ = ()
        _fields = tuple(fields)
        _field_defaults = field_defaults
        __match_args__ = tuple(fields)

        def __new__(cls, *args, **kwargs):
            return tuple.__new__(cls, _bind_fields(typename, fields, field_defaults, args, kwargs))

        @classmethod
        def _make(cls, iterable):
            result = tuple.__new__(cls, iterable)
            if len(result) != n:
                raise TypeError("Expected " + str(n) + " arguments, got " + str(len(result)))
            return result

        def _replace(self, **kwargs):
            result = self._make(map(kwargs.pop, fields, self))
            if kwargs:
                raise ValueError("Got unexpected field names: " + repr(list(kwargs)))
            return result

        def _asdict(self):
            return dict(zip(self._fields, self))

        def __getnewargs__(self):
            return tuple(self)

        def __repr__(self):
            parts = [name + "=" + repr(value) for name, value in zip(fields, self)]
            return self.__class__.__name__ + "(" + ", ".join(parts) + ")"

    return _NamedTuple


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new class of tuples whose items are also named attributes."""
    fields = _field_names(field_names)
    typename = str(typename)
    _check_names(typename, fields, rename)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        for name, value in zip(fields[len(fields) - len(defaults):], defaults):
            field_defaults[name] = value
    cls = _make_namedtuple_class(typename, fields, field_defaults)
    for index, name in enumerate(fields):
        setattr(cls, name, _tuplegetter(index, "Alias for field number " + str(index)))
    cls.__name__ = typename
    cls.__qualname__ = typename
    if module is None:
        module = _caller_module()
    cls.__module__ = module
    cls.__doc__ = typename + "(" + ", ".join(fields) + ")"
    return cls


def _caller_module():
    getframe = getattr(_sys, "_getframe", None)
    if getframe is not None:
        try:
            return getframe(2).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            pass
    return "__main__"


def _register_abcs():
    from collections import abc as _abc
    _abc.MutableSequence.register(deque)
    _abc.MutableMapping.register(UserDict)
    _abc.MutableMapping.register(ChainMap)
    _abc.MutableSequence.register(UserList)


_register_abcs()
del _register_abcs


def _user_string_data(x):
    return x.data if isinstance(x, UserString) else x


class UserString:
    """A str-like class to derive from; its text is in `data`. Methods that make a new
    string make one of the subclass."""

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, other):
        return self.data == _user_string_data(other)

    def __lt__(self, other):
        return self.data < _user_string_data(other)

    def __le__(self, other):
        return self.data <= _user_string_data(other)

    def __gt__(self, other):
        return self.data > _user_string_data(other)

    def __ge__(self, other):
        return self.data >= _user_string_data(other)

    def __contains__(self, char):
        return _user_string_data(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        if isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def count(self, sub, start=0, end=None):
        return self.data.count(_user_string_data(sub), start, len(self.data) if end is None else end)

    def encode(self, encoding="utf-8", errors="strict"):
        return self.data.encode(encoding, errors)

    def endswith(self, suffix, start=0, end=None):
        return self.data.endswith(suffix, start, len(self.data) if end is None else end)

    def startswith(self, prefix, start=0, end=None):
        return self.data.startswith(prefix, start, len(self.data) if end is None else end)

    def find(self, sub, start=0, end=None):
        return self.data.find(_user_string_data(sub), start, len(self.data) if end is None else end)

    def rfind(self, sub, start=0, end=None):
        return self.data.rfind(_user_string_data(sub), start, len(self.data) if end is None else end)

    def index(self, sub, start=0, end=None):
        return self.data.index(_user_string_data(sub), start, len(self.data) if end is None else end)

    def rindex(self, sub, start=0, end=None):
        return self.data.rindex(_user_string_data(sub), start, len(self.data) if end is None else end)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def join(self, seq):
        return self.data.join(seq)

    def replace(self, old, new, maxsplit=-1):
        return self.__class__(self.data.replace(_user_string_data(old), _user_string_data(new), maxsplit))

    def removeprefix(self, prefix):
        return self.__class__(self.data.removeprefix(_user_string_data(prefix)))

    def removesuffix(self, suffix):
        return self.__class__(self.data.removesuffix(_user_string_data(suffix)))

    maketrans = str.maketrans


def _user_string_methods():
    # The str methods whose result is a new string (of the subclass), and those whose
    # result is passed through as it is.
    def wrapping(name):
        method = getattr(str, name)

        def call(self, *args):
            return self.__class__(method(self.data, *args))
        call.__name__ = name
        return call

    def passing(name):
        method = getattr(str, name)

        def call(self, *args, **kwargs):
            return method(self.data, *args, **kwargs)
        call.__name__ = name
        return call

    for name in ("capitalize", "casefold", "center", "expandtabs", "ljust", "lower", "lstrip",
                 "rjust", "rstrip", "strip", "swapcase", "title", "translate", "upper", "zfill"):
        setattr(UserString, name, wrapping(name))
    for name in ("isalpha", "isalnum", "isascii", "isdecimal", "isdigit", "isidentifier",
                 "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper",
                 "partition", "rpartition", "split", "rsplit", "splitlines"):
        setattr(UserString, name, passing(name))


_user_string_methods()
__all__.append("UserString")
