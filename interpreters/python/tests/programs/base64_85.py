import sys
mod = sys.argv[1] if len(sys.argv) > 1 else 'base64'
b = __import__(mod)
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
for s in [b'', b'a', b'ab', b'abc', b'abcd', b'abcde', b'\0\0\0\0', b'\0\0\0\0x', b'    ', b'hello world!!', bytes(range(50))]:
    print(b.a85encode(s), b.b85encode(s), b.b85encode(s, pad=True), b.a85encode(s, foldspaces=True, pad=True), b.a85encode(s, adobe=True, wrapcol=7))
    print(b.a85decode(b.a85encode(s)), b.b85decode(b.b85encode(s)), b.a85decode(b.a85encode(s, adobe=True), adobe=True), b.a85decode(b.a85encode(s, foldspaces=True), foldspaces=True))
t(b.a85decode, b'abc~'); t(b.a85decode, b'ab', adobe=True); t(b.a85decode, b'abzcd'); t(b.a85decode, b's8W-"'); t(b.a85decode, b'ab{'); t(b.b85decode, b'ab\x00'); t(b.b85decode, b'|NsC0'); t(b.a85decode, 'GA(E, ')
