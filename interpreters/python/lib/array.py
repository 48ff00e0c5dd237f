"""Typed arrays: `array(typecode, initializer)` holds numbers of one C type (or unicode
characters for 'u'), checked and converted as CPython's array module does (ranges, float32
rounding for 'f'), kept here in a list; `tobytes`/`frombytes` use native byte order."""

import struct as _struct

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_LONG_MAX = 2 ** 63 - 1
_ULONG_MAX = 2 ** 64 - 1
# (min, max, message when above, message when below) after the C-long conversion.
_INT_RANGES = {
    'b': (-128, 127, "signed char is greater than maximum", "signed char is less than minimum"),
    'B': (0, 255, "unsigned byte integer is greater than maximum",
          "unsigned byte integer is less than minimum"),
    'h': (-32768, 32767, "signed short integer is greater than maximum",
          "signed short integer is less than minimum"),
    'H': (0, 65535, "unsigned short is greater than maximum", "unsigned short is less than minimum"),
    'i': (-2 ** 31, 2 ** 31 - 1, "signed integer is greater than maximum",
          "signed integer is less than minimum"),
}


def _index(v):
    if isinstance(v, int):
        return int(v)
    if hasattr(type(v), '__index__'):
        return type(v).__index__(v)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)


def _convert(tc, v):
    if tc == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return v
    if tc in 'fd':
        if isinstance(v, float):
            x = v
        elif isinstance(v, int) or hasattr(type(v), '__float__') or hasattr(type(v), '__index__'):
            x = float(v)
        else:
            raise TypeError("must be real number, not %s" % type(v).__name__)
        if tc == 'f':
            x = _struct.unpack('f', _struct.pack('f', x))[0] if x == x and abs(x) != float('inf') else x
        return x
    n = _index(v)
    if tc in 'bBhHi':
        if n > _LONG_MAX or n < -_LONG_MAX - 1:
            raise OverflowError("Python int too large to convert to C long")
        lo, hi, above, below = _INT_RANGES[tc]
        if n > hi:
            raise OverflowError(above)
        if n < lo:
            raise OverflowError(below)
        return n
    if tc in 'IL':
        if n < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if n > _ULONG_MAX:
            raise OverflowError("Python int too large to convert to C unsigned long")
        if tc == 'I' and n > 2 ** 32 - 1:
            raise OverflowError("unsigned int is greater than maximum")
        return n
    if tc == 'l':
        if n > _LONG_MAX or n < -_LONG_MAX - 1:
            raise OverflowError("Python int too large to convert to C long")
        return n
    if tc == 'q':
        if n > _LONG_MAX or n < -_LONG_MAX - 1:
            raise OverflowError("int too big to convert")
        return n
    if n < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if n > _ULONG_MAX:
        raise OverflowError("int too big to convert")
    return n


class array:
    """array(typecode[, initializer]): a sequence of values of one type."""

    # (Made in __new__, as CPython's: a subclass's own __init__ does not undo it.)
    def __new__(cls, typecode, initializer=None):
        self = object.__new__(cls)
        self._init(typecode, initializer)
        return self

    def _init(self, typecode, initializer):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s"
                            % type(typecode).__name__)
        if typecode not in _SIZES:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._tc = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with "
                                "typecode '%s'" % typecode)
            self._items = [_convert(typecode, v) for v in initializer._items]
        else:
            self._items = [_convert(typecode, v) for v in initializer]

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def _new(self, items):
        a = array(self._tc)
        a._items = items
        return a

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._tc
        if self._tc == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._tc, self._items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        try:
            return self._items[_index(i)]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            self._items[i] = list(v._items)
            return
        v = _convert(self._tc, v)
        try:
            self._items[_index(i)] = v
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._items[i]
            return
        try:
            del self._items[_index(i)]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def _same(self, other, what):
        if not isinstance(other, array):
            raise TypeError('can only %s array (not "%s") to array' % (what, type(other).__name__))
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")

    def __add__(self, other):
        self._same(other, "append")
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        self._same(other, "extend")
        self._items += other._items
        return self

    def __mul__(self, n):
        return self._new(self._items * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= _index(n)
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __reduce_ex__(self, protocol):
        return (array, (self._tc, list(self._items)))

    def append(self, v):
        self._items.append(_convert(self._tc, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
        else:
            self._items.extend([_convert(self._tc, v) for v in iterable])

    def insert(self, i, v):
        self._items.insert(_index(i), _convert(self._tc, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, v, start=0, stop=None):
        n = len(self._items)
        stop = n if stop is None else stop
        for k in range(*slice(start, stop).indices(n)):
            if self._items[k] == v:
                return k
        raise ValueError("array.index(x): x not in array")

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError("arg must be list")
        self._items.extend([_convert(self._tc, v) for v in lst])

    def _fmt(self, n):
        return '=%d%s' % (n, 'i' if self._tc == 'u' else self._tc) if self._tc != 'u' else None

    def tobytes(self):
        if self._tc == 'u':
            return ''.join(self._items).encode('utf-32-le' if _little() else 'utf-32-be')
        return _struct.pack('%d%s' % (len(self._items), self._tc), *self._items)

    def frombytes(self, b):
        b = bytes(b)
        size = _SIZES[self._tc]
        if len(b) % size:
            raise ValueError("bytes length not a multiple of item size")
        if self._tc == 'u':
            self._items.extend(b.decode('utf-32-le' if _little() else 'utf-32-be'))
        else:
            self._items.extend(_struct.unpack('%d%s' % (len(b) // size, self._tc), b))

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def fromunicode(self, s):
        if self._tc != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(s)

    def byteswap(self):
        size = _SIZES[self._tc]
        if size == 1:
            return
        data = self.tobytes()
        swapped = b''.join(data[k:k + size][::-1] for k in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self), len(self._items))


def _little():
    return _struct.pack('=H', 1) == b'\x01\x00'


ArrayType = array
