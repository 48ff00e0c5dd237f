"""Conversions between binary data and ASCII encodings (over mtpy's `_binascii`)."""

from _binascii import a2b_base64, a2b_hex, b2a_base64, crc32


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def b2a_hex(data, sep=None, bytes_per_sep=1):
    if isinstance(data, memoryview):
        if not data.c_contiguous:
            raise BufferError("memoryview: underlying buffer is not C-contiguous")
        data = data.tobytes()
    elif not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    text = data.hex() if sep is None else data.hex(sep, bytes_per_sep)
    return text.encode('ascii')


hexlify = b2a_hex
unhexlify = a2b_hex
