# hashlib digests (MD5, SHA-1, SHA-2, SHA-3, SHAKE, BLAKE2), hmac, and zlib's checksums.
import hashlib
import hmac
import zlib


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


messages = [b"", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 3]
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256",
             "sha3_384", "sha3_512", "blake2b", "blake2s"]:
    constructor = getattr(hashlib, name)
    print(name, constructor().digest_size, constructor().block_size, constructor().name)
    for m in messages:
        one = constructor(m).hexdigest()
        fed = hashlib.new(name)
        for k in range(0, len(m), 7):
            fed.update(m[k:k + 7])
        print(" ", one[:32], len(one), one == fed.hexdigest(), fed.digest() == bytes.fromhex(one))

for name in ["shake_128", "shake_256"]:
    h = hashlib.new(name, b"extendable")
    print(name, h.digest_size, h.block_size, h.hexdigest(16), h.digest(4), len(h.digest(100)))
    attempt(name + " no length", lambda: h.hexdigest())

# Copies are independent.
base = hashlib.sha256(b"prefix-")
branch = base.copy()
base.update(b"one")
branch.update(b"two")
print(base.hexdigest() == hashlib.sha256(b"prefix-one").hexdigest(),
      branch.hexdigest() == hashlib.sha256(b"prefix-two").hexdigest())

# Inputs: bytes-like objects only.
print(hashlib.md5(bytearray(b"abc")).hexdigest() == hashlib.md5(memoryview(b"xabc")[1:]).hexdigest())
print(hashlib.sha1(string=b"kw").hexdigest(), hashlib.sha256(b"x", usedforsecurity=False).hexdigest()[:16])
print(hashlib.new("SHA512", b"upper").name, hashlib.blake2b(b"short", digest_size=20).hexdigest())
attempt("str data", lambda: hashlib.md5("text"))
attempt("int data", lambda: hashlib.sha1(5))
attempt("str update", lambda: hashlib.sha1().update("text"))
attempt("unknown", lambda: hashlib.new("sha999"))
attempt("name type", lambda: hashlib.new(b"md5"))
attempt("digest args", lambda: hashlib.md5().digest(1))
attempt("blake2 size", lambda: hashlib.blake2s(digest_size=33))
print(type(hashlib.md5()).__name__, repr(hashlib.sha1()).startswith("<sha1 _hashlib.HASH object @ 0x"))
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)

# Key derivation and file digests.
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 50).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 3, dklen=25).hex())
import io
print(hashlib.file_digest(io.BytesIO(b"contents" * 1000), "md5").hexdigest())

# hmac.
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.md5).hexdigest())
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "sha256").hexdigest())
print(hmac.new(b"k" * 300, b"long key", hashlib.sha512).hexdigest()[:40])
mac = hmac.new(b"secret", digestmod="sha1")
mac.update(b"part one, ")
snapshot = mac.copy()
mac.update(b"part two")
print(mac.name, mac.digest_size, mac.block_size, mac.hexdigest())
print(snapshot.hexdigest() == hmac.new(b"secret", b"part one, ", "sha1").hexdigest())
print(hmac.digest(b"key", b"message", "sha384").hex()[:48])
print(hmac.compare_digest(b"same", b"same"), hmac.compare_digest("same", "diff"),
      hmac.compare_digest(bytearray(b"ab"), b"ab"), hmac.compare_digest(b"ab", b"abc"))
attempt("no digestmod", lambda: hmac.new(b"key", b"msg"))
attempt("str key", lambda: hmac.new("key", b"msg", "md5"))
attempt("mixed compare", lambda: hmac.compare_digest(b"a", "a"))

# zlib checksums.
print(zlib.crc32(b"hello world"), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b""))
print(zlib.adler32(b"hello world"), zlib.adler32(b"world", zlib.adler32(b"hello ")), zlib.adler32(b""))
print(zlib.adler32(bytes(range(256)) * 100), zlib.crc32(memoryview(b"view")))

# BLAKE2 with keys, salts and personalization.
for alg, key_max in ((hashlib.blake2b, 64), (hashlib.blake2s, 32)):
    for params in [{"key": b"secret"}, {"key": b"k" * key_max}, {"salt": b"salty"},
                   {"person": b"me"}, {"key": b"k", "salt": b"s", "person": b"p", "digest_size": 20}]:
        for data in [b"", b"abc", b"x" * 200, b"y" * 128]:
            print(alg.__name__, sorted(params), len(data), alg(data, **params).hexdigest()[:24])
    attempt("long key", lambda: alg(key=b"k" * (key_max + 1)))
    attempt("long salt", lambda: alg(salt=b"s" * (key_max // 4 + 1)))
    attempt("str key", lambda: alg(b"x", key="str"))
print(hmac.new(b"key", b"msg", hashlib.blake2b).hexdigest()[:32])
