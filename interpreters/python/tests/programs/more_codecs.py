# The codecs utf-8-sig, unicode_escape, raw_unicode_escape and cp1252, with their errors.
for enc in ['cp1252', 'windows-1252', 'unicode_escape', 'raw_unicode_escape', 'utf-8-sig', 'utf_8_sig']:
    b = 'héllo€ “quoted” \\ tab\t'.encode(enc)
    print(enc, b, b.decode(enc))
allb = bytes(range(256))
try:
    allb.decode('cp1252')
except UnicodeDecodeError as e:
    print(e)
print(repr(allb[0x80:0xa0].decode('cp1252', 'replace')))
print(''.join(chr(c) for c in range(0x2000, 0x2200)).encode('cp1252', 'ignore'))
print(''.join(chr(c) for c in range(0x100, 0x200)).encode('cp1252', 'ignore'))
print('x€y'.encode('cp1252', 'xmlcharrefreplace'), 'x\u0100y'.encode('cp1252', 'backslashreplace'),
      'x\u0100y'.encode('cp1252', 'replace'), b'\x81'.decode('cp1252', 'backslashreplace'))
try:
    'x\u0100'.encode('cp1252')
except UnicodeEncodeError as e:
    print(e)
for b in [b'\\x4', b'\\u12', b'\\U0011ffff', b'abc\\', b'\\N{BULLET}x', b'\\N{nope}', b'\\N{BULLET',
          b'\\q\\101\\0', b'\\\nz', b'\\a\\b\\f\\v\\\'\\"', b'\\u00e9\\U0001F600']:
    try:
        print(repr(b.decode('unicode_escape')))
    except UnicodeDecodeError as e:
        print(e)
for b in [b'\\u00e9\\x41\\n', b'\\', b'\\u12', b'a\\\\u0041', b'\xe9']:
    try:
        print(repr(b.decode('raw_unicode_escape')))
    except UnicodeDecodeError as e:
        print(e)
print('tab\t\'"\\ é\u1234\U0001f600\x7f\x00'.encode('unicode_escape'), 'é\u1234\\'.encode('raw_unicode_escape'))
print('abc'.encode('utf_8_sig'), b'abc'.decode('utf-8-sig'), b'\xef\xbb\xbf'.decode('utf-8-sig'),
      b'\xef\xbb\xbfhi\xef\xbb\xbf'.decode('utf-8-sig'))
