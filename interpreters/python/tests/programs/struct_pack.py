import struct
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
for f in ['<H','<I','<L','<Q','<B','<h', '<i','<q','H','I']:
    t(struct.pack, f, -1); t(struct.pack, f, 2**64); t(struct.pack, f, 2**63); t(struct.pack, f, -2**63-1)
class I:
    def __index__(self): return 7
t(struct.pack, 'i', I()); t(struct.pack, 'd', I()); t(struct.pack, 'P', 2**64); t(struct.pack,'P', -2**63-1)
t(struct.pack, '<?', 2); t(struct.pack, '2c', b'a', b'b'); t(struct.unpack, '2c', b'ab'); t(struct.pack, '0s'); t(struct.pack, '0s', b'')
t(struct.pack, '0p', b'a'); t(struct.pack, '1p', b'a'); t(struct.pack, '300p', b'a'*300)
print(struct.pack('@bhc i q', 1, 2, b'x', 3, 4)); print(struct.calcsize('@bq'), struct.calcsize('=bq'), struct.calcsize('@qb'), struct.calcsize('@?e'), struct.calcsize('P'))
t(struct.pack, 'i', 2.0); t(struct.pack, 'f', 1); t(struct.pack, 'e', 1)
t(struct.pack, '<f', 1e-50); t(struct.unpack, '<f', b'\x01\x00\x00\x00'); t(struct.pack, '<e', 1e-8); t(struct.pack, '<e', 6e-8); t(struct.pack, '<e', 0.1)
t(struct.pack, 'i', '5' ); t(struct.pack_into, 'i', bytearray(8), 8, 1)
t(struct.unpack_from, 'i', b'abcdefgh', offset=4); t(struct.unpack_from, 'i', buffer=b'abcd')
t(struct.pack, 's', bytearray(b'x')); t(struct.unpack, 'i', bytearray(b'abcd')); t(struct.unpack, b'<i', b'abcd')
t(struct.unpack_from, 'i', b'abcdefgh', 8)
t(struct.pack_into, 'i', bytearray(8), 6, 1)
t(struct.calcsize, ' '); t(struct.calcsize, '<'); t(struct.calcsize, 'i<')
for x in [0.0, -0.0, 1.0, 0.5, 1/3, 2.0**-24, 2.0**-25, 3*2.0**-25, 2.0**-14, 65504.0, 65519.0, 1e-7, 123.456, float('inf'), -2.5, 2.0**-14 - 2.0**-25]:
    b = struct.pack('>e', x); print(b, struct.unpack('>e', b))
print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
s = struct.Struct('>I2s?'); print(s.size, s.format, s.pack(7, b'ab', True), s.unpack(b'\x00\x00\x00\x07ab\x01'))
ba = bytearray(10); s.pack_into(ba, 1, 1, b'x', False); print(ba, s.unpack_from(ba, 1))
print(struct.unpack('<qQ', struct.pack('<qQ', -5, 2**64-1)))
print(struct.unpack('>hHiIlL', struct.pack('>hHiIlL', -1, 65535, -2, 2**32-1, -3, 7)))
print(struct.unpack('@P', struct.pack('@P', 12345)), struct.unpack('3s3p', b'abc\x05de'))
print(struct.unpack('<d', struct.pack('<d', 3.14159)), struct.unpack('!f', struct.pack('!f', 0.1)))
