"""Packing and unpacking of binary records by format strings (over mtpy's `_struct`)."""

from _struct import calcsize, pack, pack_into, unpack, unpack_from

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


error.__module__ = 'struct'


def _iterate(fmt, data, size):
    for at in range(0, len(data), size):
        yield unpack_from(fmt, data, at)


def iter_unpack(format, buffer):
    size = calcsize(format)
    if size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    if not isinstance(buffer, (bytes, bytearray)):
        raise TypeError(f"a bytes-like object is required, not '{type(buffer).__name__}'")
    if len(buffer) % size:
        raise error(f'iterative unpacking requires a buffer of a multiple of {size} bytes')
    return _iterate(format, buffer, size)


class Struct:
    __slots__ = ('_fmt', 'size')

    def __init__(self, format):
        self.size = calcsize(format)
        self._fmt = format

    @property
    def format(self):
        fmt = self._fmt
        return fmt.decode('latin-1') if isinstance(fmt, bytes) else fmt

    def pack(self, *values):
        return pack(self._fmt, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self._fmt, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self._fmt, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self._fmt, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self._fmt, buffer)
