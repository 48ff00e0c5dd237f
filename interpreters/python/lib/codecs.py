"""codecs: `encode`/`decode` by codec name (the text encodings str.encode knows, plus the
bytes-to-bytes codecs hex, base64 and zlib and the text codec rot13), `lookup`, BOMs."""

__all__ = ['encode', 'decode', 'lookup', 'CodecInfo', 'BOM_UTF8', 'BOM_UTF16', 'BOM_UTF16_LE',
           'BOM_UTF16_BE', 'BOM_UTF32', 'BOM_UTF32_LE', 'BOM_UTF32_BE', 'BOM']

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_UTF16_LE = BOM_LE = b'\xff\xfe'
BOM_UTF16_BE = BOM_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM_UTF16 = BOM = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE

_ROT13 = str.maketrans(
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')


def _norm(name):
    return name.lower().replace('-', '_').replace(' ', '_')


def _hex_encode(b, errors='strict'):
    import binascii
    return binascii.hexlify(b)


def _hex_decode(b, errors='strict'):
    import binascii
    return binascii.unhexlify(b)


def _b64_encode(b, errors='strict'):
    import base64
    return base64.encodebytes(b)


def _b64_decode(b, errors='strict'):
    import base64
    return base64.decodebytes(b if isinstance(b, bytes) else b.encode('ascii'))


def _zlib_encode(b, errors='strict'):
    import zlib
    return zlib.compress(b)


def _zlib_decode(b, errors='strict'):
    import zlib
    return zlib.decompress(b)


def _rot13(s, errors='strict'):
    return s.translate(_ROT13)


_SPECIAL = {
    'hex': ('hex', _hex_encode, _hex_decode),
    'hex_codec': ('hex', _hex_encode, _hex_decode),
    'base64': ('base64', _b64_encode, _b64_decode),
    'base_64': ('base64', _b64_encode, _b64_decode),
    'base64_codec': ('base64', _b64_encode, _b64_decode),
    'zlib': ('zlib', _zlib_encode, _zlib_decode),
    'zip': ('zlib', _zlib_encode, _zlib_decode),
    'zlib_codec': ('zlib', _zlib_encode, _zlib_decode),
    'rot13': ('rot-13', _rot13, _rot13),
    'rot_13': ('rot-13', _rot13, _rot13),
}

_TEXT_NAMES = {
    'utf_8': 'utf-8', 'utf8': 'utf-8', 'u8': 'utf-8', 'ascii': 'ascii', 'us_ascii': 'ascii',
    'latin_1': 'iso8859-1', 'latin1': 'iso8859-1', 'iso_8859_1': 'iso8859-1', 'iso8859_1': 'iso8859-1',
    'l1': 'iso8859-1', 'utf_16': 'utf-16', 'utf16': 'utf-16', 'utf_16_le': 'utf-16-le',
    'utf_16_be': 'utf-16-be', 'utf_32': 'utf-32', 'utf32': 'utf-32', 'utf_32_le': 'utf-32-le',
    'utf_32_be': 'utf-32-be',
}


class CodecInfo(tuple):
    def __new__(cls, encode, decode, streamreader=None, streamwriter=None, incrementalencoder=None,
                incrementaldecoder=None, name=None, **kw):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        return self

    def __repr__(self):
        return f'<codecs.CodecInfo object for encoding {self.name}>'


def lookup(encoding):
    key = _norm(encoding)
    if key in _SPECIAL:
        name, enc, dec = _SPECIAL[key]
        return CodecInfo(lambda x, errors='strict': (enc(x, errors), len(x)),
                         lambda x, errors='strict': (dec(x, errors), len(x)), name=name)
    if key in _TEXT_NAMES:
        name = _TEXT_NAMES[key]
        return CodecInfo(lambda s, errors='strict': (s.encode(name, errors), len(s)),
                         lambda b, errors='strict': (bytes(b).decode(name, errors), len(b)), name=name)
    raise LookupError(f'unknown encoding: {encoding}')


def encode(obj, encoding='utf-8', errors='strict'):
    key = _norm(encoding)
    if key in _SPECIAL:
        return _SPECIAL[key][1](obj, errors)
    if not isinstance(obj, str):
        raise TypeError(f"utf_8_encode() argument 1 must be str, not {type(obj).__name__}")
    return obj.encode(encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    key = _norm(encoding)
    if key in _SPECIAL:
        return _SPECIAL[key][2](obj, errors)
    return bytes(obj).decode(encoding, errors)
