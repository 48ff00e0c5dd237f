# zlib and gzip: round trips at every framing and level, streams, errors, files; the
# compressed bytes are printed only for inputs that zlib codes with fixed Huffman codes.
import zlib, gzip, io, os
for d in [b"", b"a", b"hello", b"hello hello hello hello", b"abcabcabcabcabcabcabcabc!", bytes(range(256))]:
    c = zlib.compress(d)
    print(len(d), c.hex() if len(c) < 70 else len(c), zlib.decompress(c) == d)
    print(zlib.compress(d, 0).hex()[:60], zlib.decompress(zlib.compress(d, 0)) == d)
big = ("line %d of the file\n" % 7).encode() * 5 + bytes(range(256))
for lvl in (1, 6):
    c = zlib.compress(big, lvl); print(lvl, zlib.decompress(c) == big, c[:2], len(c) < len(big))
raw = zlib.compress(big, 6, -15); print(zlib.decompress(raw, -15) == big)
gz = zlib.compress(big, 6, 31); print(gz[:3], zlib.decompress(gz, 31) == big, zlib.decompress(gz, 47) == big, zlib.decompress(zlib.compress(b"x"), 47))
for bad in [b"abc", b"x\x9cabc", zlib.compress(b"hello")[:-3], b"", b"x\x9c" + b"\x07" * 5]:
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print("zlib.error:", e)
co = zlib.compressobj(); parts = co.compress(b"abc" * 100) + co.compress(b"def") + co.flush(); print(zlib.decompress(parts) == b"abc" * 100 + b"def")
do = zlib.decompressobj(); out = b"".join(do.decompress(parts[i:i + 7]) for i in range(0, len(parts), 7)) + do.flush(); print(out == b"abc" * 100 + b"def", do.eof, do.unused_data)
print(zlib.crc32(b"hello"), zlib.adler32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION)
g = gzip.compress(big, mtime=0); print(g[:10], gzip.decompress(g) == big, gzip.decompress(g + gzip.compress(b"tail", mtime=0)) [-4:])
try:
    gzip.decompress(b"not gzip data")
except gzip.BadGzipFile as e:
    print("BadGzipFile:", e)
fn = "tmp_nb_probe.txt.gz"
with gzip.open(fn, "wt", encoding="utf-8") as f:
    f.write("héllo\nworld\n")
with gzip.open(fn, "rt", encoding="utf-8") as f:
    print(f.read().splitlines())
with gzip.open(fn, "rb") as f:
    print(f.readline(), f.read())
with gzip.GzipFile(fn, "wb", mtime=0) as f:
    f.write(b"binary data " * 10)
with open(fn, "rb") as f:
    head = f.read(10); print(head[:4], head[4:8])
print(gzip.decompress(open(fn, "rb").read()))
os.remove(fn)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    f.write(b"to memory")
print(gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())).read())
