import struct, binascii, base64
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
t(struct.pack); t(struct.unpack, 'i'); t(struct.calcsize); t(struct.unpack_from, 'i'); t(struct.pack_into, 'i'); t(struct.pack_into, 'i', bytearray(4))
t(binascii.crc32); t(binascii.a2b_base64); t(binascii.b2a_base64); t(binascii.crc32, 'abc'); t(binascii.crc32, b'abc', -1); t(binascii.crc32, b'abc', 2**40)
t(struct.Struct('i').unpack_from, b'\x01\x00\x00\x00\x02\x00\x00\x00', 4); t(list, struct.Struct('<h').iter_unpack(b'\x01\x00\x02\x00'))
