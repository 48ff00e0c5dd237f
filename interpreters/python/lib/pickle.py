"""Pickling: `dumps`/`loads`, `dump`/`load` and the `Pickler`/`Unpickler` classes.

The writer emits CPython's binary protocols 2 to 5 (4 by default) byte for byte for the
builtin types, classes and functions named by module and qualified name, and instances
rebuilt from their reduce value (a class's own `__reduce_ex__`/`__reduce__`, or the
default one: `__newobj__` with `__getnewargs__`, then the state from `__getstate__` or the
instance dict and slots). Protocols 0 and 1 are written as protocol 2. The reader reads the
binary protocols and the common opcodes of the text protocol.
"""

import copyreg as _copyreg
import io as _io
import struct as _struct
import sys as _sys
from copy import _state as _default_state

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


PicklingError.__module__ = UnpicklingError.__module__ = PickleError.__module__ = "_pickle"


class PickleBuffer:
    def __init__(self, buffer):
        self._buffer = buffer

    def raw(self):
        return memoryview(bytes(self._buffer))

    def release(self):
        pass


_FRAME_MIN = 4
_FRAME_TARGET = 64 * 1024
_BATCH = 1000


def _encode_long(x):
    if x == 0:
        return b""
    n = (x.bit_length() >> 3) + 1
    data = x.to_bytes(n, "little", signed=True)
    if x < 0 and n > 1 and data[-1] == 0xFF and (data[-2] & 0x80):
        data = data[:-1]
    return data


def _decode_long(data):
    return int.from_bytes(data, "little", signed=True)


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        self._file_write = file.write
        self.proto = max(int(protocol), 2)
        self.memo = {}
        self.bin = True
        self.fast = 0
        self._frame = None

    def clear_memo(self):
        self.memo.clear()

    # Framing: protocol 4 and later wrap the output in frames of up to 64 KiB.
    def _write(self, data):
        if self._frame is not None:
            self._frame.append(data)
            self._frame_len += len(data)
        else:
            self._file_write(data)

    def _commit_frame(self, force=False):
        if self._frame is None:
            return
        if self._frame_len >= _FRAME_TARGET or force:
            data = b"".join(self._frame)
            if len(data) >= _FRAME_MIN:
                self._file_write(b"\x95" + _struct.pack("<Q", len(data)))
            self._file_write(data)
            self._frame = []
            self._frame_len = 0

    def dump(self, obj):
        if not hasattr(self, "memo"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        self._file_write(b"\x80" + bytes([self.proto]))
        if self.proto >= 4:
            self._frame = []
            self._frame_len = 0
        self.save(obj)
        self._write(b".")
        if self.proto >= 4:
            self._commit_frame(force=True)
            self._frame = None

    def _memoize(self, obj):
        idx = len(self.memo)
        if self.proto >= 4:
            self._write(b"\x94")
        elif idx < 256:
            self._write(b"q" + bytes([idx]))
        else:
            self._write(b"r" + _struct.pack("<I", idx))
        self.memo[id(obj)] = (idx, obj)

    def _get(self, idx):
        if idx < 256:
            return b"h" + bytes([idx])
        return b"j" + _struct.pack("<I", idx)

    def save(self, obj, save_persistent_id=True):
        if self.proto >= 4:
            self._commit_frame()
        pid = self.persistent_id(obj)
        if pid is not None and save_persistent_id:
            self.save(pid, save_persistent_id=False)
            self._write(b"Q")
            return
        x = self.memo.get(id(obj))
        if x is not None:
            self._write(self._get(x[0]))
            return
        t = type(obj)
        f = self._dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        reduce = getattr(self, "dispatch_table", _copyreg.dispatch_table).get(t)
        if reduce is not None:
            rv = reduce(obj)
        elif isinstance(obj, type):
            self.save_global(obj)
            return
        else:
            rv = self._reduce(obj)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("%s must return string or tuple" % "__reduce__")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("Tuple returned by %s must have two to six elements" % "__reduce__")
        self.save_reduce(*rv, obj=obj)

    def persistent_id(self, obj):
        return None

    def _reduce(self, obj):
        cls = type(obj)
        reduce_ex = getattr(cls, "__reduce_ex__", None)
        if reduce_ex is not None and reduce_ex is not object.__reduce_ex__:
            return obj.__reduce_ex__(self.proto)
        reduce = getattr(cls, "__reduce__", None)
        if reduce is not None and reduce is not object.__reduce__:
            return obj.__reduce__()
        if getattr(cls, "__module__", None) == "builtins" or not hasattr(obj, "__class__"):
            raise TypeError(f"cannot pickle '{cls.__name__}' object")
        for base in cls.__mro__:
            if base in _BUILTIN_BASES:
                break
        else:
            base = object
        args = ()
        kwargs = None
        getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
        if getnewargs_ex is not None:
            args, kwargs = getnewargs_ex()
        else:
            getnewargs = getattr(obj, "__getnewargs__", None)
            if getnewargs is not None:
                args = getnewargs()
            elif base in (set, frozenset):
                args = (list(obj),)
            elif base is bytearray:
                args = (bytes(obj),)
            elif base in (int, float, str, bytes, tuple, complex):
                args = (base(obj),)
        state = _default_state(obj)
        if base in (int, float, str, bytes, tuple, complex, set, frozenset, bytearray):
            # The value is in the arguments, not the state.
            pass
        listitems = iter(obj) if base is list else None
        dictitems = iter(obj.items()) if base is dict else None
        if kwargs:
            return (_copyreg.__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems)
        return (_copyreg.__newobj__, (cls,) + tuple(args), state, listitems, dictitems)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("args from save_reduce() must be a tuple")
        if not callable(func):
            raise PicklingError("func from save_reduce() must be callable")
        write = self._write
        name = getattr(func, "__name__", "")
        if name == "__newobj_ex__":
            cls, args, kwargs = args
            self.save(cls)
            self.save(args)
            self.save(kwargs)
            write(b"\x92")
        elif name == "__newobj__":
            cls = args[0]
            self.save(cls)
            self.save(args[1:])
            write(b"\x81")
        else:
            self.save(func)
            self.save(args)
            write(b"R")
        if obj is not None:
            if id(obj) in self.memo:
                write(b"0" + self._get(self.memo[id(obj)][0]))
            else:
                self._memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                write(b"b")
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                write(b"\x86R0")

    def save_none(self, obj):
        self._write(b"N")

    def save_bool(self, obj):
        self._write(b"\x88" if obj else b"\x89")

    def save_long(self, obj):
        if obj >= 0:
            if obj <= 0xFF:
                self._write(b"K" + bytes([obj]))
                return
            if obj <= 0xFFFF:
                self._write(b"M" + _struct.pack("<H", obj))
                return
        if -0x80000000 <= obj <= 0x7FFFFFFF:
            self._write(b"J" + _struct.pack("<i", obj))
            return
        data = _encode_long(obj)
        if len(data) < 256:
            self._write(b"\x8a" + bytes([len(data)]) + data)
        else:
            self._write(b"\x8b" + _struct.pack("<i", len(data)) + data)

    def save_float(self, obj):
        self._write(b"G" + _struct.pack(">d", obj))

    def _save_sized(self, short, long4, long8, data):
        n = len(data)
        if n < 256 and short is not None:
            self._write(short + bytes([n]) + data)
        elif n > 0xFFFFFFFF and self.proto >= 4:
            self._write(long8 + _struct.pack("<Q", n) + data)
        else:
            self._write(long4 + _struct.pack("<I", n) + data)

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
                return
            x = self.memo.get(id(_codecs_encode))
            if x is not None:
                self._write(self._get(x[0]))
            else:
                self._write(b"c_codecs\nencode\n")
                self._memoize(_codecs_encode)
            self.save((str(obj, "latin1"), "latin1"))
            self._write(b"R")
            self._memoize(obj)
            return
        self._save_sized(b"C", b"B", b"\x8e", obj)
        self._memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._write(b"\x96" + _struct.pack("<Q", len(obj)) + bytes(obj))
        self._memoize(obj)

    def save_str(self, obj):
        data = obj.encode("utf-8", "surrogatepass")
        if self.proto >= 4:
            self._save_sized(b"\x8c", b"X", b"\x8d", data)
        else:
            self._save_sized(None, b"X", b"\x8d", data)
        self._memoize(obj)

    def save_tuple(self, obj):
        write = self._write
        if not obj:
            write(b")")
            return
        n = len(obj)
        if n <= 3:
            for element in obj:
                self.save(element)
            if id(obj) in self.memo:
                write(b"0" * n + self._get(self.memo[id(obj)][0]))
            else:
                write(b"\x85\x86\x87"[n - 1:n])
                self._memoize(obj)
            return
        write(b"(")
        for element in obj:
            self.save(element)
        if id(obj) in self.memo:
            write(b"1" + self._get(self.memo[id(obj)][0]))
            return
        write(b"t")
        self._memoize(obj)

    def save_list(self, obj):
        self._write(b"]")
        self._memoize(obj)
        # An exact list is written as CPython's C pickler writes it: one APPEND for a
        # single item, else batches that each start with a MARK (even a batch of one).
        n = len(obj)
        if n == 1:
            self.save(obj[0])
            self._write(b"a")
            return
        for start in range(0, n, _BATCH):
            self._write(b"(")
            for x in obj[start:start + _BATCH]:
                self.save(x)
            self._write(b"e")

    def _batch_appends(self, items):
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCH:
                    break
            n = len(batch)
            if n > 1:
                self._write(b"(")
                for x in batch:
                    self.save(x)
                self._write(b"e")
            elif n:
                self.save(batch[0])
                self._write(b"a")
            if n < _BATCH:
                return

    def save_dict(self, obj):
        self._write(b"}")
        self._memoize(obj)
        items = list(obj.items())
        if len(items) == 1:
            self.save(items[0][0])
            self.save(items[0][1])
            self._write(b"s")
            return
        for start in range(0, len(items), _BATCH):
            self._write(b"(")
            for k, v in items[start:start + _BATCH]:
                self.save(k)
                self.save(v)
            self._write(b"u")

    def _batch_setitems(self, items):
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCH:
                    break
            n = len(batch)
            if n > 1:
                self._write(b"(")
                for k, v in batch:
                    self.save(k)
                    self.save(v)
                self._write(b"u")
            elif n:
                k, v = batch[0]
                self.save(k)
                self.save(v)
                self._write(b"s")
            if n < _BATCH:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self._write(b"\x8f")
        self._memoize(obj)
        it = iter(obj)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCH:
                    break
            if batch:
                self._write(b"(")
                for x in batch:
                    self.save(x)
                self._write(b"\x90")
            if len(batch) < _BATCH:
                return

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self._write(b"(")
        for x in obj:
            self.save(x)
        if id(obj) in self.memo:
            self._write(b"1" + self._get(self.memo[id(obj)][0]))
            return
        self._write(b"\x91")
        self._memoize(obj)

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, "__qualname__", None) or obj.__name__
        module = _whichmodule(obj, name)
        try:
            __import__(module)
            found = _getattribute(_sys.modules[module], name)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError("Can't pickle %r: it's not found as %s.%s" % (obj, module, name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" % (obj, module, name))
        if self.proto >= 4:
            self.save(module)
            self.save(name)
            self._write(b"\x93")
        else:
            if self.proto < 3:
                module = _TO_PY2.get(module, module)
            self._write(b"c" + module.encode("utf-8") + b"\n" + name.encode("utf-8") + b"\n")
        self._memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    _dispatch = {}


def _codecs_encode(s, encoding):
    return s.encode(encoding)


# Module names protocols 0 to 2 use (Python 2's), and back.
_TO_PY2 = {"builtins": "__builtin__", "copyreg": "copy_reg"}
_FROM_PY2 = {"__builtin__": "builtins", "copy_reg": "copyreg", "_codecs": "codecs"}

_BUILTIN_BASES = (int, float, str, bytes, tuple, complex, set, frozenset, bytearray, list, dict)

Pickler._dispatch.update({
    type(None): Pickler.save_none,
    bool: Pickler.save_bool,
    int: Pickler.save_long,
    float: Pickler.save_float,
    bytes: Pickler.save_bytes,
    bytearray: Pickler.save_bytearray,
    str: Pickler.save_str,
    tuple: Pickler.save_tuple,
    list: Pickler.save_list,
    dict: Pickler.save_dict,
    set: Pickler.save_set,
    frozenset: Pickler.save_frozenset,
    type: Pickler.save_type,
    type(len): Pickler.save_global,
    type(lambda: 0): Pickler.save_global,
})


def _getattribute(obj, name):
    for subpath in name.split("."):
        if subpath == "<locals>":
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, obj))
        obj = getattr(obj, subpath)
    return obj


def _whichmodule(obj, name):
    module = getattr(obj, "__module__", None)
    if module is not None:
        return module
    for module_name, module in list(_sys.modules.items()):
        if module_name == "__main__" or module is None:
            continue
        try:
            if _getattribute(module, name) is obj:
                return module_name
        except AttributeError:
            pass
    return "__main__"


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        self._read = file.read
        self._readline = file.readline
        self.memo = {}
        self.encoding = encoding
        self.errors = errors

    def _need(self, n):
        data = self._read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def load(self):
        self.stack = []
        self.metastack = []
        read = self._read
        ops = self._ops
        while True:
            key = read(1)
            if not key:
                raise EOFError("Ran out of input")
            f = ops.get(key[0])
            if f is None:
                raise UnpicklingError("invalid load key, '%s'." % chr(key[0]))
            try:
                f(self)
            except _Stop as stop:
                return stop.value

    def _pop_mark(self):
        items = self.stack
        self.stack = self.metastack.pop()
        return items

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered,\n"
                              "but no persistent_load function was specified.")

    def find_class(self, module, name):
        module = _FROM_PY2.get(module, module)
        __import__(module, level=0)
        return _getattribute(_sys.modules[module], name)

    def _memo_get(self, idx):
        try:
            self.stack.append(self.memo[idx])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % idx) from None

    def _build(self):
        state = self.stack.pop()
        inst = self.stack[-1]
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None and getattr(type(inst), "__setstate__", None) is not getattr(object, "__setstate__", None):
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            d = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    k = _sys.intern(k)
                d[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def _decode_str(self, data):
        if self.encoding == "bytes":
            return data
        return data.decode(self.encoding, self.errors)

    _ops = {}


def _op(code):
    def deco(f):
        Unpickler._ops[ord(code)] = f
        return f
    return deco


def _u(fmt, n):
    return lambda self: _struct.unpack(fmt, self._need(n))[0]


_u1 = lambda self: self._need(1)[0]
_u2 = _u("<H", 2)
_u4 = _u("<I", 4)
_i4 = _u("<i", 4)
_u8 = _u("<Q", 8)


@_op("\x80")
def _(self):
    proto = _u1(self)
    if not 0 <= proto <= HIGHEST_PROTOCOL:
        raise ValueError("unsupported pickle protocol: %d" % proto)


@_op("\x95")
def _(self):
    _u8(self)


@_op(".")
def _(self):
    raise _Stop(self.stack.pop())


@_op("(")
def _(self):
    self.metastack.append(self.stack)
    self.stack = []


@_op("N")
def _(self):
    self.stack.append(None)


@_op("\x88")
def _(self):
    self.stack.append(True)


@_op("\x89")
def _(self):
    self.stack.append(False)


@_op("K")
def _(self):
    self.stack.append(_u1(self))


@_op("M")
def _(self):
    self.stack.append(_u2(self))


@_op("J")
def _(self):
    self.stack.append(_i4(self))


@_op("\x8a")
def _(self):
    self.stack.append(_decode_long(self._need(_u1(self))))


@_op("\x8b")
def _(self):
    n = _i4(self)
    if n < 0:
        raise UnpicklingError("LONG pickle has negative byte count")
    self.stack.append(_decode_long(self._need(n)))


@_op("I")
def _(self):
    data = self._readline()[:-1]
    if data == b"00":
        v = False
    elif data == b"01":
        v = True
    else:
        v = int(data, 0)
    self.stack.append(v)


@_op("L")
def _(self):
    data = self._readline()[:-1]
    if data.endswith(b"L"):
        data = data[:-1]
    self.stack.append(int(data, 0))


@_op("F")
def _(self):
    self.stack.append(float(self._readline()[:-1]))


@_op("G")
def _(self):
    self.stack.append(_struct.unpack(">d", self._need(8))[0])


@_op("S")
def _(self):
    data = self._readline()[:-1]
    if len(data) >= 2 and data[0] == data[-1] and data[0] in b"\"'":
        data = data[1:-1]
    else:
        raise UnpicklingError("the STRING opcode argument must be quoted")
    import codecs
    self.stack.append(self._decode_str(codecs.escape_decode(data)[0]))


@_op("V")
def _(self):
    self.stack.append(str(self._readline()[:-1], "raw-unicode-escape"))


@_op("T")
def _(self):
    self.stack.append(self._decode_str(self._need(_i4(self))))


@_op("U")
def _(self):
    self.stack.append(self._decode_str(self._need(_u1(self))))


@_op("B")
def _(self):
    self.stack.append(self._need(_u4(self)))


@_op("C")
def _(self):
    self.stack.append(self._need(_u1(self)))


@_op("\x8e")
def _(self):
    self.stack.append(self._need(_u8(self)))


@_op("\x96")
def _(self):
    self.stack.append(bytearray(self._need(_u8(self))))


@_op("X")
def _(self):
    self.stack.append(str(self._need(_u4(self)), "utf-8", "surrogatepass"))


@_op("\x8c")
def _(self):
    self.stack.append(str(self._need(_u1(self)), "utf-8", "surrogatepass"))


@_op("\x8d")
def _(self):
    self.stack.append(str(self._need(_u8(self)), "utf-8", "surrogatepass"))


@_op(")")
def _(self):
    self.stack.append(())


@_op("t")
def _(self):
    items = self._pop_mark()
    self.stack.append(tuple(items))


@_op("\x85")
def _(self):
    self.stack[-1] = (self.stack[-1],)


@_op("\x86")
def _(self):
    self.stack[-2:] = [(self.stack[-2], self.stack[-1])]


@_op("\x87")
def _(self):
    self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]


@_op("]")
def _(self):
    self.stack.append([])


@_op("l")
def _(self):
    items = self._pop_mark()
    self.stack.append(items)


@_op("}")
def _(self):
    self.stack.append({})


@_op("d")
def _(self):
    items = self._pop_mark()
    self.stack.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})


@_op("\x8f")
def _(self):
    self.stack.append(set())


@_op("\x90")
def _(self):
    items = self._pop_mark()
    s = self.stack[-1]
    if isinstance(s, set):
        s.update(items)
    else:
        for item in items:
            s.add(item)


@_op("\x91")
def _(self):
    items = self._pop_mark()
    self.stack.append(frozenset(items))


@_op("a")
def _(self):
    value = self.stack.pop()
    self.stack[-1].append(value)


@_op("e")
def _(self):
    items = self._pop_mark()
    target = self.stack[-1]
    if isinstance(target, list):
        target.extend(items)
    else:
        for item in items:
            target.append(item)


@_op("s")
def _(self):
    value = self.stack.pop()
    key = self.stack.pop()
    self.stack[-1][key] = value


@_op("u")
def _(self):
    items = self._pop_mark()
    d = self.stack[-1]
    for i in range(0, len(items), 2):
        d[items[i]] = items[i + 1]


@_op("0")
def _(self):
    if self.stack:
        self.stack.pop()
    else:
        self.stack = self.metastack.pop()


@_op("1")
def _(self):
    self._pop_mark()


@_op("2")
def _(self):
    self.stack.append(self.stack[-1])


@_op("p")
def _(self):
    idx = int(self._readline()[:-1])
    self.memo[idx] = self.stack[-1]


@_op("q")
def _(self):
    self.memo[_u1(self)] = self.stack[-1]


@_op("r")
def _(self):
    self.memo[_u4(self)] = self.stack[-1]


@_op("\x94")
def _(self):
    self.memo[len(self.memo)] = self.stack[-1]


@_op("g")
def _(self):
    self._memo_get(int(self._readline()[:-1]))


@_op("h")
def _(self):
    self._memo_get(_u1(self))


@_op("j")
def _(self):
    self._memo_get(_u4(self))


@_op("c")
def _(self):
    module = self._readline()[:-1].decode("utf-8")
    name = self._readline()[:-1].decode("utf-8")
    self.stack.append(self.find_class(module, name))


@_op("\x93")
def _(self):
    name = self.stack.pop()
    module = self.stack.pop()
    if type(name) is not str or type(module) is not str:
        raise UnpicklingError("STACK_GLOBAL requires str")
    self.stack.append(self.find_class(module, name))


@_op("R")
def _(self):
    args = self.stack.pop()
    func = self.stack[-1]
    self.stack[-1] = func(*args)


@_op("\x81")
def _(self):
    args = self.stack.pop()
    cls = self.stack.pop()
    self.stack.append(cls.__new__(cls, *args))


@_op("\x92")
def _(self):
    kwargs = self.stack.pop()
    args = self.stack.pop()
    cls = self.stack.pop()
    self.stack.append(cls.__new__(cls, *args, **kwargs))


@_op("b")
def _(self):
    self._build()


@_op("P")
def _(self):
    pid = self._readline()[:-1].decode("ascii")
    self.stack.append(self.persistent_load(pid))


@_op("Q")
def _(self):
    pid = self.stack.pop()
    self.stack.append(self.persistent_load(pid))


@_op("\x97")
def _(self):
    pass


@_op("\x98")
def _(self):
    buf = self.stack[-1]
    if isinstance(buf, memoryview):
        self.stack[-1] = buf.toreadonly() if hasattr(buf, "toreadonly") else buf


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = _io.BytesIO()
    Pickler(f, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
    return f.getvalue()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors, buffers=buffers).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("Can't load pickle from unicode string")
    return Unpickler(_io.BytesIO(data), fix_imports=fix_imports, encoding=encoding, errors=errors).load()
