"""The io classes: open(), FileIO, BufferedReader/Writer/Random, TextIOWrapper, StringIO, BytesIO.

mtpy's own implementation on its `posix` module, with CPython's behaviour (after its _pyio).
Writes go straight through to the file descriptor (nothing is left unwritten at exit); reads
are buffered. Text files decode with ASCII-compatible encodings (UTF-8, Latin-1, ASCII) line
by line, so `tell()` is the byte position as in CPython; UTF-16 and UTF-32 files are decoded
whole on their first read.
"""

import posix

DEFAULT_BUFFER_SIZE = 8192
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    __module__ = "io"


class IOBase:
    """The base of the io classes: closing, context management, line iteration."""

    __module__ = "_io"
    _closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(f"{type(self).__name__}.{name}() not supported")

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._check_closed()

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True

    @property
    def closed(self):
        return self._closed

    def _check_closed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _check_readable(self):
        if not self.readable():
            raise UnsupportedOperation("not readable")

    def _check_writable(self):
        if not self.writable():
            raise UnsupportedOperation("not writable")

    def _check_seekable(self):
        if not self.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._check_closed()
        return False

    def readline(self, size=-1):
        self._check_closed()
        res = bytearray()
        while size is None or size < 0 or len(res) < size:
            b = self.read(1)
            if not b:
                break
            res += b
            if res.endswith(b"\n"):
                break
        return bytes(res)

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    __module__ = "_io"

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        return bytes(b[:n])

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        return bytes(res)


class BufferedIOBase(IOBase):
    __module__ = "_io"

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    __module__ = "_io"

    encoding = None
    errors = None
    newlines = None

    def detach(self):
        self._unsupported("detach")


def _as_index(value):
    if isinstance(value, int):
        return value
    if isinstance(value, float) or not hasattr(type(value), "__index__"):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return type(value).__index__(value)


def _size_arg(size):
    if size is None:
        return -1
    if isinstance(size, int):
        return size
    if isinstance(size, float) or not hasattr(type(size), "__index__"):
        raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
    return type(size).__index__(size)


class FileIO(RawIOBase):
    """A file on a file descriptor: unbuffered reads and writes of bytes."""

    __module__ = "_io"
    _fd = -1
    _closefd = True

    def __init__(self, file, mode="r", closefd=True, opener=None):
        if self._fd >= 0:
            try:
                if self._closefd:
                    posix.close(self._fd)
            finally:
                self._fd = -1
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if isinstance(file, int):
            fd = file
            if fd < 0:
                raise ValueError("negative file descriptor")
        else:
            fd = -1
        if not isinstance(mode, str):
            raise TypeError(f"invalid mode: {mode}")
        if not set(mode) <= set("xrwab+"):
            raise ValueError(f"invalid mode: {mode}")
        if sum(c in "rwax" for c in mode) != 1 or mode.count("+") > 1:
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
        self._created = self._readable = self._writable = self._appending = False
        if "x" in mode:
            self._created = self._writable = True
            flags = 0o200 | 0o100
        elif "r" in mode:
            self._readable = True
            flags = 0
        elif "w" in mode:
            self._writable = True
            flags = 0o100 | 0o1000
        else:
            self._writable = self._appending = True
            flags = 0o2000 | 0o100
        if "+" in mode:
            self._readable = self._writable = True
        if self._readable and self._writable:
            flags |= 2
        elif self._writable:
            flags |= 1
        if fd < 0:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            if opener is None:
                fd = posix.open(file, flags, 0o666)
            else:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise OSError(f"Negative file descriptor")
            if fd > 2:
                st = posix.fstat(fd)
                if st[0] & 0o170000 == 0o040000:
                    posix.close(fd)
                    raise IsADirectoryError(21, posix.strerror(21), file)
        self._closefd = closefd
        self._fd = fd
        self.name = file
        self._seekable = None
        if self._appending:
            try:
                posix.lseek(fd, 0, SEEK_END)
            except OSError:
                pass

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        if self._created:
            return "xb+" if self._readable else "xb"
        if self._appending:
            return "ab+" if self._readable else "ab"
        if self._readable:
            return "rb+" if self._writable else "rb"
        return "wb"

    @property
    def closed(self):
        return self._fd < 0

    def _check_open(self):
        if self._fd < 0:
            raise ValueError("I/O operation on closed file")

    def __repr__(self):
        if self._fd < 0:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode={self.mode!r} closefd={self._closefd!r}>"

    def fileno(self):
        self._check_open()
        return self._fd

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        if self._seekable is None:
            try:
                posix.lseek(self._fd, 0, SEEK_CUR)
            except OSError:
                self._seekable = False
            else:
                self._seekable = True
        return self._seekable

    def isatty(self):
        self._check_open()
        return posix.isatty(self._fd)

    def read(self, size=-1):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        size = _size_arg(size)
        if size < 0:
            return self.readall()
        return posix.read(self._fd, size)

    def readall(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        chunks = []
        while True:
            data = posix.read(self._fd, 65536)
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        return posix.write(self._fd, b)

    def seek(self, pos, whence=SEEK_SET):
        self._check_open()
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        return posix.lseek(self._fd, pos, whence)

    def tell(self):
        self._check_open()
        return posix.lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        if size is None:
            size = self.tell()
        posix.ftruncate(self._fd, size)
        return size

    def flush(self):
        self._check_open()
        if self._fd in (1, 2):
            posix._flush_std()

    def close(self):
        if self._fd >= 0:
            fd = self._fd
            self._fd = -1
            if fd in (1, 2):
                posix._flush_std()
            if self._closefd:
                posix.close(fd)


def _write_all(raw, b):
    """Writes all of `b` to a raw stream (which may take less at a time)."""
    n = len(b)
    done = raw.write(b)
    if done is None:
        done = n
    while done < n:
        k = raw.write(b[done:])
        if not k:
            break
        done += k
    return n


class _Buffered(BufferedIOBase):
    """A buffer over a raw stream: reads come from a read-ahead buffer; writes go through."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self.buffer_size = buffer_size
        self._buf = b""
        self._pos = 0
        self._eof = False

    def __repr__(self):
        name = type(self).__name__
        try:
            n = self.name
        except (AttributeError, ValueError):
            return f"<_io.{name}>"
        return f"<_io.{name} name={n!r}>"

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    @property
    def closed(self):
        return self.raw.closed

    def _check_open(self):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def readable(self):
        self._check_open()
        return self.raw.readable()

    def writable(self):
        self._check_open()
        return self.raw.writable()

    def seekable(self):
        self._check_open()
        return self.raw.seekable()

    def flush(self):
        if self.raw.closed:
            raise ValueError("flush of closed file")
        self.raw.flush()

    def close(self):
        if not self.raw.closed:
            try:
                self.flush()
            finally:
                self.raw.close()

    def detach(self):
        raw = self.raw
        self.raw = None
        return raw

    # -- reading --

    def _fill(self, want):
        """Reads at least one more chunk from the raw stream; False at end of file."""
        data = self.raw.read(max(self.buffer_size, want))
        if not data:
            return False
        if self._pos:
            self._buf = self._buf[self._pos:] + data
            self._pos = 0
        else:
            self._buf += data
        return True

    def _check_can_read(self):
        self._check_open()
        if not self.raw.readable():
            raise UnsupportedOperation("read")

    def read(self, size=-1):
        self._check_can_read()
        size = _size_arg(size)
        if size < 0:
            rest = self._buf[self._pos:]
            self._buf = b""
            self._pos = 0
            more = self.raw.readall()
            return rest + more if more else rest
        while len(self._buf) - self._pos < size:
            if not self._fill(size - (len(self._buf) - self._pos)):
                break
        end = min(self._pos + size, len(self._buf))
        data = self._buf[self._pos:end]
        self._pos = end
        return data

    def read1(self, size=-1):
        self._check_can_read()
        size = _size_arg(size)
        if self._pos >= len(self._buf):
            self._fill(size)
        if size < 0:
            size = len(self._buf) - self._pos
        end = min(self._pos + size, len(self._buf))
        data = self._buf[self._pos:end]
        self._pos = end
        return data

    def peek(self, size=0):
        self._check_can_read()
        if self._pos >= len(self._buf):
            self._fill(size)
        return self._buf[self._pos:]

    def readline(self, size=-1):
        self._check_can_read()
        size = _size_arg(size)
        return self._read_to(b"\n", size)

    def _read_to(self, term, size=-1):
        """Bytes up to and including the first `term` (or `size` bytes, or the rest)."""
        while True:
            k = self._buf.find(term, self._pos)
            if k >= 0:
                end = k + len(term)
                break
            if 0 <= size <= len(self._buf) - self._pos:
                end = self._pos + size
                break
            if not self._fill(0):
                end = len(self._buf)
                break
        if 0 <= size < end - self._pos:
            end = self._pos + size
        data = self._buf[self._pos:end]
        self._pos = end
        return data

    def _read_line_universal(self):
        """Bytes up to and including the first b'\\n', b'\\r' or b'\\r\\n'."""
        while True:
            buf = self._buf
            n = buf.find(b"\n", self._pos)
            r = buf.find(b"\r", self._pos, n if n >= 0 else len(buf))
            if r >= 0:
                if r + 1 == len(buf):
                    # A '\r' last: whether a '\n' follows is in the next chunk.
                    if self._fill(0):
                        continue
                    end = r + 1
                else:
                    end = r + 2 if buf[r + 1] == 10 else r + 1
                break
            if n >= 0:
                end = n + 1
                break
            if not self._fill(0):
                end = len(self._buf)
                break
        data = self._buf[self._pos:end]
        self._pos = end
        return data

    # -- position --

    def tell(self):
        self._check_open()
        pos = self.raw.tell() - (len(self._buf) - self._pos)
        return max(pos, 0)

    def _drop_read_ahead(self):
        ahead = len(self._buf) - self._pos
        if ahead:
            self.raw.seek(-ahead, SEEK_CUR)
        self._buf = b""
        self._pos = 0

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            pos = _as_index(pos)
        if whence not in (0, 1, 2):
            raise ValueError(f"whence value {whence} unsupported")
        if not self.raw.seekable():
            raise UnsupportedOperation("seek")
        if whence == 1:
            pos -= len(self._buf) - self._pos
        self._buf = b""
        self._pos = 0
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None):
        self._check_open()
        if not self.raw.writable():
            raise UnsupportedOperation("truncate")
        if pos is None:
            pos = self.tell()
        self._drop_read_ahead()
        return self.raw.truncate(pos)

    # -- writing --

    def write(self, b):
        self._check_open()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not self.raw.writable():
            raise UnsupportedOperation("write")
        if self._pos < len(self._buf):
            self._drop_read_ahead()
        else:
            self._buf = b""
            self._pos = 0
        return _write_all(self.raw, b)


class BufferedReader(_Buffered):
    __module__ = "_io"


class BufferedWriter(_Buffered):
    __module__ = "_io"


class BufferedRandom(_Buffered):
    __module__ = "_io"


class BufferedRWPair(BufferedIOBase):
    __module__ = "_io"

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=-1):
        return self.reader.readline(size)

    def write(self, b):
        return self.writer.write(b)

    def readable(self):
        return True

    def writable(self):
        return True

    def flush(self):
        return self.writer.flush()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    @property
    def closed(self):
        return self.writer.closed


_WIDE = ("utf-16", "utf16", "u16", "utf-16-le", "utf-16le", "utf-16-be", "utf-16be",
         "utf-32", "utf32", "u32", "utf-32-le", "utf-32le", "utf-32-be", "utf-32be")


def _utf8_complete(data):
    """How many bytes of `data` end on a UTF-8 character boundary."""
    n = len(data)
    k = n - 1
    back = 0
    while k >= 0 and back < 4 and data[k] & 0xC0 == 0x80:
        k -= 1
        back += 1
    if k < 0:
        return n
    lead = data[k]
    if lead >= 0xF0:
        need = 4
    elif lead >= 0xE0:
        need = 3
    elif lead >= 0xC0:
        need = 2
    else:
        return n
    return n if n - k >= need else k


class TextIOWrapper(TextIOBase):
    """Text over a buffered binary stream: decoding, encoding and newline translation."""

    __module__ = "_io"

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False,
                 write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"illegal newline type: {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None:
            encoding = "UTF-8"
        elif not isinstance(encoding, str):
            raise TypeError(f"TextIOWrapper() argument 'encoding' must be str or None, not {type(encoding).__name__}")
        if errors is None:
            errors = "strict"
        elif not isinstance(errors, str):
            raise TypeError(f"TextIOWrapper() argument 'errors' must be str or None, not {type(errors).__name__}")
        "".encode(encoding)
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ""
        self._writenl = newline or "\n"
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._seen = 0
        enc = encoding.lower().replace("_", "-")
        self._utf8 = enc in ("utf-8", "utf8", "u8", "utf", "utf-8-sig")
        self._sig = enc == "utf-8-sig"
        self._wide = enc in _WIDE
        self._text = None
        self._tpos = 0

    def __repr__(self):
        result = "<_io.TextIOWrapper"
        try:
            name = self.name
        except (AttributeError, ValueError):
            pass
        else:
            result += f" name={name!r}"
        try:
            mode = self.mode
        except AttributeError:
            pass
        else:
            result += f" mode={mode!r}"
        return result + f" encoding={self._encoding!r}>"

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def buffer(self):
        return self._buffer

    @property
    def name(self):
        return self._buffer.name

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def newlines(self):
        seen = self._seen
        kinds = [k for bit, k in ((1, "\r"), (2, "\n"), (4, "\r\n")) if seen & bit]
        if not kinds:
            return None
        return kinds[0] if len(kinds) == 1 else tuple(kinds)

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def seekable(self):
        return self._buffer.seekable()

    def flush(self):
        self._buffer.flush()

    def close(self):
        if not self._buffer.closed:
            try:
                self.flush()
            finally:
                self._buffer.close()

    def detach(self):
        buffer = self._buffer
        self._buffer = None
        return buffer

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis, line_buffering=None,
                    write_through=None):
        if encoding is not None:
            self._encoding = encoding
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            self._readuniversal = not newline
            self._readtranslate = newline is None
            self._readnl = newline
            self._writetranslate = newline != ""
            self._writenl = newline or "\n"
        if line_buffering is not None:
            self._line_buffering = line_buffering
        if write_through is not None:
            self._write_through = write_through

    def _check_open(self):
        if self._buffer is None:
            raise ValueError("underlying buffer has been detached")
        if self._buffer.closed:
            raise ValueError("I/O operation on closed file.")

    # -- writing --

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        if not self._buffer.writable():
            raise UnsupportedOperation("not writable")
        if self._text is not None:
            self._drop_text()
        length = len(s)
        haslf = (self._writetranslate or self._line_buffering) and "\n" in s
        if haslf and self._writetranslate and self._writenl != "\n":
            s = s.replace("\n", self._writenl)
        if self._sig and self._buffer.seekable() and self._buffer.tell() == 0:
            self._buffer.write(b"\xef\xbb\xbf")
        self._buffer.write(s.encode(self._encoding, self._errors))
        if self._line_buffering and (haslf or "\r" in s):
            self.flush()
        return length

    # -- reading --

    def _decode(self, data):
        if self._sig and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        return data.decode(self._encoding, self._errors)

    def _translate(self, text):
        """Universal newlines: records the kinds seen and (when translating) makes them '\\n'."""
        if "\r" in text:
            crlf = text.count("\r\n")
            if crlf:
                self._seen |= 4
            if text.count("\r") > crlf:
                self._seen |= 1
            if text.count("\n") > crlf:
                self._seen |= 2
            if self._readtranslate:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
        elif "\n" in text:
            self._seen |= 2
        return text

    def _check_can_read(self):
        self._check_open()
        if not self._buffer.readable():
            raise UnsupportedOperation("not readable")

    def _at_start(self):
        return self._sig and self._buffer.seekable() and self._buffer.tell() == 0

    def _load_wide(self):
        """UTF-16 and UTF-32 files: everything from here, decoded at once."""
        if self._text is None:
            self._text = self._buffer.read().decode(self._encoding, self._errors)
            if self._readuniversal:
                self._text = self._translate(self._text)
            self._tpos = 0

    def _drop_text(self):
        self._text = None
        self._tpos = 0

    def read(self, size=-1):
        self._check_can_read()
        size = _size_arg(size)
        if self._wide:
            self._load_wide()
            end = len(self._text) if size < 0 else min(len(self._text), self._tpos + size)
            res = self._text[self._tpos:end]
            self._tpos = end
            return res
        if size < 0:
            text = self._decode(self._buffer.read())
            return self._translate(text) if self._readuniversal else text
        pieces = []
        need = size
        while need > 0:
            data = self._buffer.read(need)
            if not data:
                break
            if self._utf8:
                more = _utf8_complete(data)
                while more < len(data):
                    extra = self._buffer.read(1)
                    if not extra:
                        break
                    data += extra
                    more = _utf8_complete(data)
            if self._readuniversal and data.endswith(b"\r"):
                nxt = self._buffer.peek(1)[:1]
                if nxt == b"\n":
                    data += self._buffer.read(1)
            text = self._decode(data)
            if self._readuniversal:
                text = self._translate(text)
            pieces.append(text)
            need -= len(text)
        return "".join(pieces)

    def readline(self, size=-1):
        self._check_can_read()
        size = _size_arg(size)
        if self._wide:
            return self._readline_wide(size)
        if self._readuniversal:
            data = self._buffer._read_line_universal()
        else:
            data = self._buffer._read_to(self._readnl.encode("ascii"))
        line = self._decode(data)
        if self._readuniversal:
            line = self._translate(line)
        if 0 <= size < len(line):
            rest = line[size:]
            line = line[:size]
            back = len(rest.encode(self._encoding, self._errors))
            self._buffer.seek(-back, SEEK_CUR)
        return line

    def _readline_wide(self, size):
        self._load_wide()
        text = self._text
        nl = "\n" if self._readtranslate or self._readnl is None else (self._readnl or "\n")
        k = text.find(nl, self._tpos)
        end = len(text) if k < 0 else k + len(nl)
        if 0 <= size < end - self._tpos:
            end = self._tpos + size
        line = text[self._tpos:end]
        self._tpos = end
        return line

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- position --

    def tell(self):
        self._check_open()
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if self._wide and self._text is not None:
            rest = self._text[self._tpos:]
            return self._buffer.tell() - len(rest.encode(self._encoding))
        return self._buffer.tell()

    def seek(self, cookie, whence=0):
        self._check_open()
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = SEEK_SET
        elif whence == SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self._drop_text()
            return self._buffer.seek(0, SEEK_END)
        elif whence != SEEK_SET:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if not isinstance(cookie, int):
            raise TypeError(f"an integer is required")
        if cookie < 0:
            raise ValueError(f"negative seek position {cookie}")
        self._drop_text()
        return self._buffer.seek(cookie, SEEK_SET)

    def truncate(self, pos=None):
        self._check_open()
        if pos is None:
            pos = self.tell()
        self._drop_text()
        return self._buffer.truncate(pos)


class StringIO(TextIOBase):
    """An in-memory text stream."""

    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._seen = 0
        self._chunks = []
        self._buf = ""
        self._pos = 0
        self._closed = False
        if initial_value:
            self._buf = self._translate_in(initial_value)

    def _translate_in(self, s):
        nl = self._newline
        if nl is None:
            if "\r" in s:
                s = s.replace("\r\n", "\n").replace("\r", "\n")
        elif nl not in ("", "\n") and "\n" in s:
            s = s.replace("\n", nl)
        return s

    def _flat(self):
        if self._chunks:
            self._buf = self._buf + "".join(self._chunks)
            self._chunks = []
        return self._buf

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def close(self):
        self._closed = True
        self._chunks = []
        self._buf = ""

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        self._check_open()
        return False

    @property
    def newlines(self):
        self._check_open()
        if self._newline is not None:
            return None
        text = self._flat()
        kinds = []
        if "\n" in text:
            kinds.append("\n")
        return kinds[0] if kinds else None

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def getvalue(self):
        self._check_open()
        return self._flat()

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        if not n:
            return 0
        s = self._translate_in(s)
        pos = self._pos
        if self._chunks or pos == len(self._buf):
            self._chunks.append(s)
            self._pos = pos + len(s)
            return n
        buf = self._buf
        if pos > len(buf):
            buf = buf + "\0" * (pos - len(buf))
        self._buf = buf[:pos] + s + buf[pos + len(s):]
        self._pos = pos + len(s)
        return n

    def read(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        buf = self._flat()
        pos = self._pos
        end = len(buf) if size < 0 else min(len(buf), pos + size)
        if end <= pos:
            return ""
        self._pos = end
        return buf[pos:end]

    def readline(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        buf = self._flat()
        pos = self._pos
        if pos >= len(buf):
            return ""
        nl = self._newline
        if nl is None or nl == "\n":
            k = buf.find("\n", pos)
            end = len(buf) if k < 0 else k + 1
        elif nl == "":
            n = buf.find("\n", pos)
            r = buf.find("\r", pos)
            if r >= 0 and (n < 0 or r < n):
                end = r + 2 if buf.startswith("\n", r + 1) else r + 1
            else:
                end = len(buf) if n < 0 else n + 1
        else:
            k = buf.find(nl, pos)
            end = len(buf) if k < 0 else k + len(nl)
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return buf[pos:end]

    def __next__(self):
        self._check_open()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            pos = _as_index(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            pos = self._pos
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            pos = len(self._flat())
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        self._flat()
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check_open()
        if pos is None:
            pos = self._pos
        elif not isinstance(pos, int):
            pos = _as_index(pos)
        if pos < 0:
            raise ValueError(f"Negative size value {pos}")
        buf = self._flat()
        if pos < len(buf):
            self._buf = buf[:pos]
        return pos

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(BufferedIOBase):
    """An in-memory bytes stream."""

    __module__ = "_io"

    def __init__(self, initial_bytes=None):
        buf = bytearray()
        if initial_bytes is not None:
            if isinstance(initial_bytes, str):
                raise TypeError("a bytes-like object is required, not 'str'")
            buf += initial_bytes
        self._buf = buf
        self._pos = 0
        self._closed = False

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        self._closed = True
        self._buf = bytearray()

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def getvalue(self):
        self._check_open()
        return bytes(self._buf)

    def getbuffer(self):
        self._check_open()
        return memoryview(self._buf)

    def read(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        buf = self._buf
        pos = self._pos
        end = len(buf) if size < 0 else min(len(buf), pos + size)
        if end <= pos:
            return b""
        self._pos = end
        return bytes(buf[pos:end])

    read1 = read

    def readline(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b""
        k = buf.find(b"\n", pos)
        end = len(buf) if k < 0 else k + 1
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._check_open()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        n = len(b)
        if not n:
            return 0
        pos = self._pos
        buf = self._buf
        if pos == len(buf):
            buf += b
        else:
            if pos > len(buf):
                buf += bytes(pos - len(buf))
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            pos = _as_index(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check_open()
        if pos is None:
            pos = self._pos
        elif not isinstance(pos, int):
            pos = _as_index(pos)
        if pos < 0:
            raise ValueError(f"negative size value {pos}")
        del self._buf[pos:]
        return pos


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
         opener=None):
    """Opens a file and returns a stream (text, buffered binary or raw, by mode and buffering)."""
    if not isinstance(file, int):
        if hasattr(type(file), "__fspath__"):
            file = type(file).__fspath__(file)
        if not isinstance(file, (str, bytes, int)):
            raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if not isinstance(buffering, int):
        raise TypeError(f"'{type(buffering).__name__}' object cannot be interpreted as an integer")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"open() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    if errors is not None and not isinstance(errors, str):
        raise TypeError(f"open() argument 'errors' must be str or None, not {type(errors).__name__}")
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: '{mode}'")
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, "
                      "the default buffer size will be used", RuntimeWarning, 2)
    if not binary:
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"open() argument 'newline' must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is not None:
            "".encode(encoding)
    raw = FileIO(file, (creating and "x" or "") + (reading and "r" or "") + (writing and "w" or "")
                 + (appending and "a" or "") + (updating and "+" or ""), closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        text = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text
        text.mode = mode
        return result
    except:
        result.close()
        raise


def open_code(path):
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    return "locale" if encoding is None else encoding


def _std_stream(fd, name, mode):
    """sys.stdin, sys.stdout or sys.stderr: a text stream on descriptor `fd`."""
    raw = FileIO(fd, mode, closefd=False)
    raw.name = name
    tty = posix.isatty(fd)
    if mode == "r":
        buffer = BufferedReader(raw)
    else:
        buffer = BufferedWriter(raw)
    stream = TextIOWrapper(buffer, "utf-8", "strict" if fd != 2 else "backslashreplace", None,
                           tty or fd == 2)
    stream.mode = mode
    return stream
