# Lone surrogates in str: literals, chr/ord, repr and ascii, and the codecs' surrogatepass and
# surrogateescape error handlers.
s = '\ud800'
print(repr(s), len(s), ord(s), hex(ord('\udfff')), repr(chr(0xdc80)), chr(0xd800) == s)
print(ascii('x\udc80y'), '\U0000d800' == '\ud800', len('\ud83d\ude00'), '\ud83d\ude00' == '\U0001f600')
print('\\ud800', r'\ud800', repr('a' '\udc00' 'b'), [hex(ord(c)) for c in 'a\udcffb'])
print('a\udc80b'.encode('utf-8', 'surrogateescape'))
print('a\ud800b'.encode('utf-8', 'surrogatepass'), 'a\ud800b'.encode('utf-16-le', 'surrogatepass'))
d = b'a\x80\xffb'.decode('utf-8', 'surrogateescape')
print(repr(d), len(d), d.encode('utf-8', 'surrogateescape'))
print(b'a\xed\xa0\x80b'.decode('utf-8', 'surrogatepass') == 'a\ud800b')
print(str(b'\xff', 'utf-8', 'surrogateescape') == '\udcff')
for h in ['strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
    try:
        print(h, 'x\ud800y\udfffz'.encode('utf-8', h))
    except UnicodeEncodeError as e:
        print(h, e, e.start, e.end, repr(e.object), e.reason)
try:
    '\ud800\udc00'.encode()
except UnicodeEncodeError as e:
    print(e)
try:
    'é\udc00'.encode('ascii', 'surrogateescape')
except UnicodeEncodeError as e:
    print(e)
try:
    b'\xff'.decode('utf-8', 'surrogatepass')
except UnicodeDecodeError as e:
    print(e)
print('\N{REPLACEMENT CHARACTER}\ud800\ufffd' == chr(0xfffd) + chr(0xd800) + chr(0xfffd))
print('\ud800'.isprintable(), '\udc00' == '\udc00', '\udc00' != '\udc01')
try:
    print('before', '\udc00')
except UnicodeEncodeError as e:
    print()
    print('print:', e)
