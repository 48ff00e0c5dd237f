"""gzip: the gzip file format (RFC 1952) over mtpy's `zlib`: `compress`, `decompress`,
`open` and `GzipFile` (a whole file is compressed when it is closed, and decompressed when
first read). Compressed bytes are valid gzip but not byte for byte what C zlib writes.
"""

import builtins
import io
import os
import struct
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

READ, WRITE = 1, 2
_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9


class BadGzipFile(OSError):
    """A file that is not valid gzip."""


def _header(compresslevel, mtime, fname=b""):
    xfl = 2 if compresslevel == _COMPRESS_LEVEL_BEST else \
        4 if compresslevel == _COMPRESS_LEVEL_FAST else 0
    flags = 8 if fname else 0
    head = struct.pack("<BBBBLBB", 0x1F, 0x8B, 8, flags, int(mtime), xfl, 255)
    return head + (fname + b"\x00" if fname else b"")


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """`data` as one gzip member (its time is now unless `mtime` is given)."""
    if mtime == 0:
        return zlib.compress(data, compresslevel, 31)
    if mtime is None:
        mtime = time.time()
    data = bytes(data)
    raw = zlib.compress(data, compresslevel, -zlib.MAX_WBITS)
    return (_header(compresslevel, mtime) + raw + struct.pack("<LL", zlib.crc32(data),
                                                               len(data) & 0xFFFFFFFF))


def decompress(data):
    """The bytes of every gzip member in `data`, joined."""
    data = bytes(data)
    out = []
    while data:
        if data[:2] != b"\x1f\x8b":
            if out and not data.strip(b"\x00"):
                break
            raise BadGzipFile("Not a gzipped file (%r)" % data[:2])
        try:
            member, end = zlib._unwrap(data, 31)
        except zlib._Truncated:
            raise EOFError("Compressed file ended before the end-of-stream marker was "
                           "reached") from None
        except zlib.error as e:
            if "data check" in str(e):
                raise BadGzipFile("CRC check failed") from None
            if "length check" in str(e):
                raise BadGzipFile("Incorrect length of data produced") from None
            raise
        out.append(member)
        data = data[end:]
    return b"".join(out)


class GzipFile(io.BufferedIOBase):
    """A gzip file opened for reading ("rb") or writing ("wb", "ab", "xb")."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        if filename is None:
            filename = getattr(fileobj, "name", "")
            if not isinstance(filename, (str, bytes)):
                filename = ""
        else:
            filename = os.fspath(filename)
        if mode is None:
            mode = getattr(fileobj, "mode", "rb")
        if mode.startswith("r"):
            self.mode = READ
            self._data = None
            self._pos = 0
        elif mode.startswith(("w", "a", "x")):
            self.mode = WRITE
            self._buffer = bytearray()
            self._level = compresslevel
            self._mtime = mtime
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        self.fileobj = fileobj
        self.name = filename

    @property
    def mtime(self):
        return self._mtime if self.mode == WRITE else None

    def __repr__(self):
        s = repr(self.fileobj)
        return "<gzip " + s[1:-1] + " " + hex(id(self)) + ">"

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self.fileobj is None

    def writable(self):
        return self.mode == WRITE

    def readable(self):
        return self.mode == READ

    def seekable(self):
        return True

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            import errno
            raise OSError(errno.EBADF, "write() on read-only GzipFile object")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        self._buffer += data
        return length

    def _load(self):
        if self._data is None:
            self._data = decompress(self.fileobj.read())

    def read(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "read() on write-only GzipFile object")
        self._load()
        if size is None or size < 0:
            size = len(self._data) - self._pos
        chunk = self._data[self._pos:self._pos + size]
        self._pos += len(chunk)
        return chunk

    read1 = read

    def peek(self, n):
        self._load()
        return self._data[self._pos:self._pos + max(n, 1)]

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._load()
        end = self._data.find(b"\n", self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        line = self._data[self._pos:end]
        self._pos = end
        return line

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def tell(self):
        return self._pos if self.mode == READ else len(self._buffer)

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode != READ:
            raise OSError("Negative seek in write mode")
        self._load()
        if whence == io.SEEK_CUR:
            offset += self._pos
        elif whence == io.SEEK_END:
            raise ValueError("Seek from end not supported")
        self._pos = max(0, min(offset, len(self._data)))
        return self._pos

    def rewind(self):
        self.seek(0)

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()

    def fileno(self):
        return self.fileobj.fileno()

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        try:
            if self.mode == WRITE:
                mtime = self._mtime if self._mtime is not None else time.time()
                name = os.path.basename(self.name)
                if isinstance(name, str):
                    name = name.encode("latin-1")
                if name.endswith(b".gz"):
                    name = name[:-3]
                data = bytes(self._buffer)
                raw = zlib.compress(data, self._level, -zlib.MAX_WBITS)
                fileobj.write(_header(self._level, mtime, name) + raw +
                              struct.pack("<LL", zlib.crc32(data), len(data) & 0xFFFFFFFF))
        finally:
            self.fileobj = None
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def __enter__(self):
        self._check_not_closed()
        return self

    def __exit__(self, *args):
        self.close()


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST, encoding=None, errors=None,
         newline=None):
    """A gzip file (binary) or a text stream over one ("rt", "wt", ...)."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" in mode:
        return _TextGzip(binary_file, encoding or "utf-8", errors or "strict", newline)
    return binary_file


class _TextGzip(io.StringIO):
    """A text stream over a GzipFile: read decodes it all, writes are encoded at close."""

    def __init__(self, binary, encoding, errors, newline):
        self._binary = binary
        self._encoding = encoding
        self._errors = errors
        text = ""
        if binary.mode == READ:
            text = binary.read().decode(encoding, errors)
            if newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
        super().__init__(text)
        self.name = binary.name

    def close(self):
        if not self.closed:
            if self._binary.mode == WRITE:
                self._binary.write(self.getvalue().encode(self._encoding, self._errors))
            self._binary.close()
        super().close()

    def __exit__(self, *args):
        self.close()
