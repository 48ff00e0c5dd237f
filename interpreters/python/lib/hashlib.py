"""Secure hashes and message digests (over mtpy's `_hashlib`, RustCrypto's digests)."""

import _hashlib

algorithms_guaranteed = set({
    'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
    'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
    'blake2b', 'blake2s',
})
algorithms_available = set(algorithms_guaranteed)

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac', 'file_digest')


def new(name, data=b'', **kwargs):
    """A new hash object of algorithm `name`, fed `data`."""
    if not isinstance(name, str):
        raise TypeError("name must be a string")
    for key in kwargs:
        if key != 'usedforsecurity':
            raise TypeError(f"new() got an unexpected keyword argument '{key}'")
    return _hashlib.new(name, data)


def _named(algorithm):
    def constructor(string=b'', *, usedforsecurity=True):
        return _hashlib.new(algorithm, string)
    constructor.__name__ = 'openssl_' + algorithm
    constructor.__qualname__ = constructor.__name__
    return constructor


md5 = _named('md5')
sha1 = _named('sha1')
sha224 = _named('sha224')
sha256 = _named('sha256')
sha384 = _named('sha384')
sha512 = _named('sha512')
sha3_224 = _named('sha3_224')
sha3_256 = _named('sha3_256')
sha3_384 = _named('sha3_384')
sha3_512 = _named('sha3_512')
shake_128 = _named('shake_128')
shake_256 = _named('shake_256')


def _blake2(algorithm, max_size):
    def constructor(data=b'', *, digest_size=max_size, key=b'', salt=b'', person=b'', fanout=1,
                    depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
                    last_node=False, usedforsecurity=True):
        if (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node) != (1, 1, 0, 0, 0, 0, False):
            raise NotImplementedError(f"{algorithm}: tree hashing parameters are not supported by mtpy")
        return _hashlib.new(algorithm, data, digest_size, key, salt, person)
    constructor.__name__ = algorithm
    constructor.__qualname__ = algorithm
    return constructor


blake2b = _blake2('blake2b', 64)
blake2s = _blake2('blake2s', 32)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password-based key derivation function 2 (PKCS #5 v2.0) with HMAC as the PRF."""
    if not isinstance(hash_name, str):
        raise TypeError(f"pbkdf2_hmac() argument 'hash_name' must be str, not {type(hash_name).__name__}")
    password = bytes(password)
    salt = bytes(salt)
    if iterations < 1:
        raise ValueError("iteration value must be greater than 0.")
    inner = new(hash_name)
    outer = new(hash_name)
    block = inner.block_size
    if len(password) > block:
        password = new(hash_name, password).digest()
    password = password.ljust(block, b'\0')
    inner.update(bytes(x ^ 0x36 for x in password))
    outer.update(bytes(x ^ 0x5C for x in password))

    def prf(message):
        i = inner.copy()
        o = outer.copy()
        i.update(message)
        o.update(i.digest())
        return o.digest()

    if dklen is None:
        dklen = outer.digest_size
    if dklen < 1:
        raise ValueError("key length must be greater than 0.")
    key = b''
    index = 1
    while len(key) < dklen:
        u = prf(salt + index.to_bytes(4, 'big'))
        acc = int.from_bytes(u, 'big')
        for _ in range(iterations - 1):
            u = prf(u)
            acc ^= int.from_bytes(u, 'big')
        key += acc.to_bytes(len(u), 'big')
        index += 1
    return key[:dklen]


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """The digest of a binary file object's contents."""
    if isinstance(digest, str):
        h = new(digest)
    else:
        h = digest()
    if hasattr(fileobj, 'getbuffer'):
        h.update(fileobj.getbuffer())
        return h
    if not (hasattr(fileobj, 'readinto') or hasattr(fileobj, 'read')) or not hasattr(fileobj, 'readable') \
            or not fileobj.readable():
        raise ValueError(f"'{fileobj!r}' is not a file object in binary reading mode.")
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        h.update(chunk)
    return h
