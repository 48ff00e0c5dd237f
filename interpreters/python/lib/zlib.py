"""zlib: checksums (CRC-32 and Adler-32, over mtpy's `_binascii`) and the DEFLATE format
(RFC 1951) in zlib (RFC 1950), gzip (RFC 1952) and raw framing: `compress`, `decompress`,
`compressobj`, `decompressobj`.

Decompression reads any valid stream. Compression chooses the matches C zlib chooses (its
hash chains and lazy matching, level by level) but always codes them in one fixed-Huffman
block (stored blocks at level 0): the output is the C zlib's byte for byte where zlib picks
fixed codes too (short inputs), and valid but larger DEFLATE where zlib would build its own
Huffman trees.
"""

from _binascii import adler32, crc32

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_DEFAULT_COMPRESSION = -1
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_NO_COMPRESSION = 0


class error(Exception):
    pass


ZLIB_VERSION = "1.2.13"
ZLIB_RUNTIME_VERSION = "1.2.13"
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6

_LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83,
             99, 115, 131, 163, 195, 227, 258]
_LEN_EXTRA = [0] * 8 + [1] * 4 + [2] * 4 + [3] * 4 + [4] * 4 + [5] * 4 + [0]
_DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
              1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
_DIST_EXTRA = [0, 0, 0, 0] + [n for n in range(1, 14) for _ in (0, 1)]
_CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]


def _error(code, what):
    return error("Error %d while decompressing data: %s" % (code, what))


class _Truncated(Exception):
    pass


class _Bits:
    """Reads a DEFLATE stream's bits, least significant first."""

    def __init__(self, data, pos):
        self.data = data
        self.pos = pos
        self.bit = 0
        self.nbits = 0

    def need(self, n):
        while self.nbits < n:
            if self.pos >= len(self.data):
                raise _Truncated()
            self.bit |= self.data[self.pos] << self.nbits
            self.pos += 1
            self.nbits += 8
        v = self.bit & ((1 << n) - 1)
        self.bit >>= n
        self.nbits -= n
        return v

    def align(self):
        self.bit = 0
        self.nbits = 0


class _Huffman:
    """A canonical Huffman code from code lengths, decoded a bit at a time."""

    def __init__(self, lengths):
        self.counts = [0] * 16
        for n in lengths:
            self.counts[n] += 1
        self.counts[0] = 0
        offs = [0] * 16
        for i in range(1, 16):
            offs[i] = offs[i - 1] + self.counts[i - 1]
        self.symbols = [0] * len(lengths)
        for sym, n in enumerate(lengths):
            if n:
                self.symbols[offs[n]] = sym
                offs[n] += 1

    def decode(self, bits):
        code = first = index = 0
        for n in range(1, 16):
            code |= bits.need(1)
            count = self.counts[n]
            if code - count < first:
                return self.symbols[index + (code - first)]
            index += count
            first += count
            first <<= 1
            code <<= 1
        raise _error(-3, "invalid code lengths set")


_FIXED_LIT = None


def _fixed_tables():
    global _FIXED_LIT
    if _FIXED_LIT is None:
        lengths = [8] * 144 + [9] * 112 + [7] * 24 + [8] * 8
        _FIXED_LIT = (_Huffman(lengths), _Huffman([5] * 30))
    return _FIXED_LIT


def _inflate(data, pos):
    """(the decompressed bytes, the index just past the DEFLATE stream)."""
    bits = _Bits(data, pos)
    out = bytearray()
    while True:
        final = bits.need(1)
        kind = bits.need(2)
        if kind == 0:
            bits.align()
            p = bits.pos
            if p + 4 > len(data):
                raise _Truncated()
            n = data[p] | data[p + 1] << 8
            if n != (~(data[p + 2] | data[p + 3] << 8)) & 0xFFFF:
                raise _error(-3, "invalid stored block lengths")
            if p + 4 + n > len(data):
                raise _Truncated()
            out += data[p + 4:p + 4 + n]
            bits.pos = p + 4 + n
        elif kind in (1, 2):
            if kind == 1:
                lit, dist = _fixed_tables()
            else:
                nlen = bits.need(5) + 257
                ndist = bits.need(5) + 1
                ncode = bits.need(4) + 4
                cl = [0] * 19
                for i in range(ncode):
                    cl[_CL_ORDER[i]] = bits.need(3)
                clh = _Huffman(cl)
                lengths = []
                while len(lengths) < nlen + ndist:
                    sym = clh.decode(bits)
                    if sym < 16:
                        lengths.append(sym)
                    elif sym == 16:
                        if not lengths:
                            raise _error(-3, "invalid bit length repeat")
                        lengths += [lengths[-1]] * (3 + bits.need(2))
                    elif sym == 17:
                        lengths += [0] * (3 + bits.need(3))
                    else:
                        lengths += [0] * (11 + bits.need(7))
                lit = _Huffman(lengths[:nlen])
                dist = _Huffman(lengths[nlen:nlen + ndist])
            while True:
                sym = lit.decode(bits)
                if sym < 256:
                    out.append(sym)
                elif sym == 256:
                    break
                else:
                    sym -= 257
                    if sym >= 29:
                        raise _error(-3, "invalid literal/length code")
                    length = _LEN_BASE[sym] + bits.need(_LEN_EXTRA[sym])
                    d = dist.decode(bits)
                    if d >= 30:
                        raise _error(-3, "invalid distance code")
                    back = _DIST_BASE[d] + bits.need(_DIST_EXTRA[d])
                    if back > len(out):
                        raise _error(-3, "invalid distance too far back")
                    start = len(out) - back
                    if back >= length:
                        out += out[start:start + length]
                    else:
                        for i in range(length):
                            out.append(out[start + i])
        else:
            raise _error(-3, "invalid block type")
        if final:
            return bytes(out), bits.pos


class _BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.bit = 0
        self.nbits = 0

    def put(self, value, n):
        self.bit |= value << self.nbits
        self.nbits += n
        while self.nbits >= 8:
            self.out.append(self.bit & 0xFF)
            self.bit >>= 8
            self.nbits -= 8

    def put_code(self, code, n):
        # Huffman codes go most significant bit first.
        rev = 0
        for _ in range(n):
            rev = (rev << 1) | (code & 1)
            code >>= 1
        self.put(rev, n)

    def flush(self):
        if self.nbits:
            self.out.append(self.bit & 0xFF)
        self.bit = 0
        self.nbits = 0
        return self.out


def _put_literal(w, sym):
    if sym < 144:
        w.put_code(0x30 + sym, 8)
    elif sym < 256:
        w.put_code(0x190 + sym - 144, 9)
    elif sym < 280:
        w.put_code(sym - 256, 7)
    else:
        w.put_code(0xC0 + sym - 280, 8)


# zlib's matching parameters by level: (good length, lazy length, nice length, chain).
_CONFIG = [None, (4, 4, 8, 4), (4, 5, 16, 8), (4, 6, 32, 32), (4, 4, 16, 16),
           (8, 16, 32, 32), (8, 16, 128, 128), (8, 32, 128, 256), (32, 128, 258, 1024),
           (32, 258, 258, 4096)]
_MAX_DIST = 32768 - 262
_TOO_FAR = 4096


class _Matcher:
    """LZ77 matching as zlib does it: 3-byte hash chains (newest first, position 0 never a
    source), a chain length and a "nice" length that stop the search, and the longest
    match winning (the nearest among equals)."""

    def __init__(self, data, level):
        self.data = data
        self.good, self.lazy, self.nice, self.chain = _CONFIG[level]
        self.head = {}
        self.prev = {}

    def insert(self, pos):
        """Put the 3 bytes at `pos` in the chains; the previous head with the same bytes."""
        key = self.data[pos:pos + 3]
        found = self.head.get(key, 0)
        self.prev[pos] = found
        self.head[key] = pos
        return found

    def longest(self, pos, cur, best_len):
        """(length, source) of the best match for `pos` starting the chain at `cur`, only
        if longer than `best_len` (else best_len and None)."""
        data = self.data
        chain = self.chain
        if best_len >= self.good:
            chain >>= 2
        remaining = len(data) - pos
        nice = min(self.nice, remaining)
        limit = pos - _MAX_DIST if pos > _MAX_DIST else 0
        most = min(258, remaining)
        source = None
        while True:
            k = 0
            while k < most and data[cur + k] == data[pos + k]:
                k += 1
            if k > best_len:
                best_len, source = k, cur
                if k >= nice:
                    break
            cur = self.prev.get(cur, 0)
            chain -= 1
            if cur <= limit or chain == 0:
                break
        return min(best_len, remaining), source


def _lz77(data, level):
    """Literals (ints) and (length, distance) matches covering `data`, chosen as zlib's
    deflate chooses them (greedy at levels 1-3, lazy above)."""
    m = _Matcher(data, level)
    n = len(data)
    out = []
    pos = 0
    if level <= 3:
        while pos < n:
            head = m.insert(pos) if n - pos >= 3 else 0
            length = 0
            if head and pos - head <= _MAX_DIST:
                length, source = m.longest(pos, head, 2)
                if source is None:
                    length = 0
            if length >= 3:
                out.append((length, pos - source))
                if length <= m.lazy and n - (pos + length) >= 3:
                    for p in range(pos + 1, pos + length):
                        m.insert(p)
                pos += length
            else:
                out.append(data[pos])
                pos += 1
        return out
    prev_length = 2
    prev_source = 0
    match_length = 2
    match_source = 0
    pending = False
    while pos < n:
        head = m.insert(pos) if n - pos >= 3 else 0
        prev_length, prev_source = match_length, match_source
        match_length = 2
        if head and prev_length < m.lazy and pos - head <= _MAX_DIST:
            length, source = m.longest(pos, head, prev_length)
            match_length = length
            if source is not None:
                match_source = source
            if match_length == 3 and pos - match_source > _TOO_FAR:
                match_length = 2
        if prev_length >= 3 and match_length <= prev_length:
            last_insert = n - 3
            out.append((prev_length, pos - 1 - prev_source))
            for p in range(pos + 1, pos - 1 + prev_length):
                if p <= last_insert:
                    m.insert(p)
            pos += prev_length - 1
            pending = False
            match_length = 2
        elif pending:
            out.append(data[pos - 1])
            pos += 1
        else:
            pending = True
            pos += 1
    if pending:
        out.append(data[pos - 1])
    return out


def _deflate(data, level):
    data = bytes(data)
    w = _BitWriter()
    if level == 0:
        if not data:
            w.put(1, 3)
            w.flush()
            w.out += b"\x00\x00\xff\xff"
            return bytes(w.out)
        for start in range(0, len(data), 65535):
            chunk = data[start:start + 65535]
            w.put(1 if start + 65535 >= len(data) else 0, 1)
            w.put(0, 2)
            w.flush()
            w.out += len(chunk).to_bytes(2, "little") + (len(chunk) ^ 0xFFFF).to_bytes(2, "little")
            w.out += chunk
        return bytes(w.out)
    tokens = _lz77(data, level)
    # zlib ends a block when 16383 symbols are buffered; each block is stored when that is
    # no longer than the fixed-Huffman coding.
    step = 16383
    at = 0
    for start in range(0, max(len(tokens), 1), step):
        block = tokens[start:start + step]
        last = start + step >= len(tokens)
        covered = sum(1 if isinstance(t, int) else t[0] for t in block)
        fixed_bits = 3 + 7 + sum(_fixed_cost(t) for t in block)
        if covered + 4 <= (fixed_bits + 7) >> 3 and covered <= 65535:
            w.put(1 if last else 0, 1)
            w.put(0, 2)
            w.flush()
            w.out += covered.to_bytes(2, "little") + (covered ^ 0xFFFF).to_bytes(2, "little")
            w.out += data[at:at + covered]
        else:
            w.put(1 if last else 0, 1)
            w.put(1, 2)
            for item in block:
                _put_token(w, item)
            _put_literal(w, 256)
        at += covered
    return bytes(w.flush())


def _length_code(length):
    code = 0
    while code + 1 < 29 and _LEN_BASE[code + 1] <= length:
        code += 1
    return code


def _dist_code(dist):
    d = 0
    while d + 1 < 30 and _DIST_BASE[d + 1] <= dist:
        d += 1
    return d


def _fixed_cost(item):
    if isinstance(item, int):
        return 8 if item < 144 else 9
    code = _length_code(item[0])
    return (7 if code < 23 else 8) + _LEN_EXTRA[code] + 5 + _DIST_EXTRA[_dist_code(item[1])]


def _put_token(w, item):
    if isinstance(item, int):
        _put_literal(w, item)
        return
    length, dist = item
    code = _length_code(length)
    _put_literal(w, 257 + code)
    if _LEN_EXTRA[code]:
        w.put(length - _LEN_BASE[code], _LEN_EXTRA[code])
    d = _dist_code(dist)
    w.put_code(d, 5)
    if _DIST_EXTRA[d]:
        w.put(dist - _DIST_BASE[d], _DIST_EXTRA[d])


def _check_level(level):
    if level == -1:
        return 6
    if not 0 <= level <= 9:
        raise error("Bad compression level")
    return level


def _zlib_header(level):
    flevel = 0 if level < 2 else 1 if level < 6 else 2 if level == 6 else 3
    cmf = 0x78
    flg = flevel << 6
    flg += 31 - (cmf * 256 + flg) % 31
    return bytes([cmf, flg])


def _gzip_wrap(raw, data, level):
    xfl = 2 if level == 9 else 4 if level == 1 else 0
    header = bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, xfl, 3])
    return header + raw + crc32(data).to_bytes(4, "little") + \
        (len(data) & 0xFFFFFFFF).to_bytes(4, "little")


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    """`data` compressed (zlib framing unless `wbits` asks for raw or gzip)."""
    level = _check_level(level)
    data = bytes(data)
    raw = _deflate(data, level)
    if -15 <= wbits <= -9:
        return raw
    if 25 <= wbits <= 31:
        return _gzip_wrap(raw, data, level)
    if 9 <= wbits <= 15:
        return _zlib_header(level) + raw + adler32(data).to_bytes(4, "big")
    raise ValueError("Invalid initialization option")


def _skip_gzip_header(data):
    if len(data) < 10:
        raise _Truncated()
    if data[:2] != b"\x1f\x8b":
        raise _error(-3, "incorrect header check")
    if data[2] != 8:
        raise _error(-3, "unknown compression method")
    flags = data[3]
    pos = 10
    if flags & 4:
        if pos + 2 > len(data):
            raise _Truncated()
        pos += 2 + (data[pos] | data[pos + 1] << 8)
    for bit in (8, 16):
        if flags & bit:
            end = data.find(b"\x00", pos)
            if end < 0:
                raise _Truncated()
            pos = end + 1
    if flags & 2:
        pos += 2
    return pos


def _unwrap(data, wbits):
    """(decompressed bytes, index past the whole stream) for the framing `wbits` names."""
    data = bytes(data)
    if -15 <= wbits <= -8:
        return _inflate(data, 0)
    gzip = 25 <= wbits <= 31 or (wbits >= 40 and data[:2] == b"\x1f\x8b")
    if gzip:
        out, end = _inflate(data, _skip_gzip_header(data))
        if end + 8 > len(data):
            raise _Truncated()
        if int.from_bytes(data[end:end + 4], "little") != crc32(out):
            raise _error(-3, "incorrect data check")
        if int.from_bytes(data[end + 4:end + 8], "little") != len(out) & 0xFFFFFFFF:
            raise _error(-3, "incorrect length check")
        return out, end + 8
    if wbits == 0 or 8 <= wbits <= 15 or 40 <= wbits <= 47:
        if len(data) < 2:
            raise _Truncated()
        cmf, flg = data[0], data[1]
        if (cmf * 256 + flg) % 31 or cmf & 0x0F != 8:
            raise _error(-3, "incorrect header check" if (cmf * 256 + flg) % 31
                         else "unknown compression method")
        if wbits and (cmf >> 4) + 8 > (wbits & 15 or 15):
            raise _error(-3, "invalid window size")
        if flg & 0x20:
            raise _error(2, "need dictionary")
        out, end = _inflate(data, 2)
        if end + 4 > len(data):
            raise _Truncated()
        if int.from_bytes(data[end:end + 4], "big") != adler32(out):
            raise _error(-3, "incorrect data check")
        return out, end + 4
    raise ValueError("Invalid initialization option")


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    """The bytes `data` (a zlib, gzip or raw DEFLATE stream, as `wbits` says) decompress to."""
    try:
        return _unwrap(data, wbits)[0]
    except _Truncated:
        raise _error(-5, "incomplete or truncated stream") from None


class _Compress:
    """A compression stream: its input is collected and compressed when flushed."""

    def __init__(self, level, wbits):
        self._level = _check_level(level)
        self._wbits = wbits
        self._pending = bytearray()
        self._done = False

    def compress(self, data):
        if self._done:
            raise error("Error -2 while compressing data: inconsistent stream state")
        self._pending += data
        return b""

    def flush(self, mode=Z_FINISH):
        if mode == Z_NO_FLUSH:
            return b""
        if self._done:
            raise error("Error -2 while flushing: inconsistent stream state")
        self._done = mode == Z_FINISH
        out = compress(bytes(self._pending), self._level, self._wbits)
        self._pending = bytearray()
        return out

    def copy(self):
        other = _Compress(self._level, self._wbits)
        other._pending = bytearray(self._pending)
        return other


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    return _Compress(level, wbits)


class _Decompress:
    """A decompression stream: input is collected until it holds a whole stream."""

    def __init__(self, wbits):
        self._wbits = wbits
        self._input = bytearray()
        self.unused_data = b""
        self.unconsumed_tail = b""
        self.eof = False

    def decompress(self, data, max_length=0):
        if self.eof:
            self.unused_data += bytes(data)
            return b""
        self._input += data
        try:
            out, end = _unwrap(bytes(self._input), self._wbits)
        except _Truncated:
            return b""
        self.eof = True
        self.unused_data = bytes(self._input[end:])
        self._input = bytearray()
        return out

    def flush(self, length=DEF_BUF_SIZE):
        return b""

    def copy(self):
        other = _Decompress(self._wbits)
        other._input = bytearray(self._input)
        return other


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    return _Decompress(wbits)
