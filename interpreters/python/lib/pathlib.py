"""Object-oriented file system paths (POSIX): pure paths that only compute, and concrete
paths that also reach the file system. mtpy's own implementation, with CPython 3.11's
behaviour for POSIX paths."""

import fnmatch
import io
import os
import posixpath
import re
from stat import S_ISDIR, S_ISREG, S_ISLNK

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _split(text):
    """(root, parts) of one path string: `//` alone stays a root of its own (POSIX)."""
    if text.startswith('/'):
        root = '//' if text.startswith('//') and not text.startswith('///') else '/'
    else:
        root = ''
    parts = [p for p in text.split('/') if p and p != '.']
    return root, parts


def _parse(args):
    """(root, parts) of the path that joining `args` names."""
    root, parts = '', []
    for a in args:
        if isinstance(a, PurePath):
            a_root, a_parts = a._root, list(a._tail)
        else:
            a = os.fspath(a)
            if not isinstance(a, str):
                raise TypeError(
                    "argument should be a str object or an os.PathLike object returning str, not "
                    + repr(type(a)))
            a_root, a_parts = _split(a)
        if a_root:
            root, parts = a_root, a_parts
        else:
            parts.extend(a_parts)
    return root, parts


_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


class _PathParents:
    """The ancestors of a path, nearest first (`path.parents`)."""

    __slots__ = ("_path", "_n")

    def __init__(self, path):
        self._path = path
        self._n = len(path._tail)

    def __len__(self):
        return self._n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(self._n)))
        if idx >= self._n or idx < -self._n:
            raise IndexError(idx)
        if idx < 0:
            idx += self._n
        p = self._path
        return p._from(p._root, p._tail[:self._n - idx - 1])

    def __iter__(self):
        for i in range(self._n):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """A path that does no I/O: `PurePath(...)` makes a PurePosixPath."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(args)

    @classmethod
    def _from_parts(cls, args):
        self = object.__new__(cls)
        self._root, tail = _parse(args)
        self._tail = tuple(tail)
        self._str = None
        return self

    def _from(self, root, tail):
        """A path of this one's class with `root` and `tail`."""
        p = object.__new__(type(self))
        p._root = root
        p._tail = tuple(tail)
        p._str = None
        return p

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))

    def __str__(self):
        if self._str is None:
            self._str = (self._root + '/'.join(self._tail)) or '.'
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        data = str(self).encode('utf-8')
        quoted = ''.join(chr(b) if b in _SAFE else '%{:02X}'.format(b) for b in data)
        return 'file://' + quoted

    # Comparisons: paths of the same flavour, by their parts.
    def _key(self):
        return ([self._root] if self._root else []) + list(self._tail)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(tuple(self._key()))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return tuple(self._key())

    @property
    def name(self):
        return self._tail[-1] if self._tail else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._tail:
            return self
        return self._from(self._root, self._tail[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        root, parts = _split(name) if isinstance(name, str) else ('', [])
        if not name or name[-1] == '/' or root or len(parts) != 1:
            raise ValueError("Invalid name %r" % (name,))
        return self._from(self._root, self._tail[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self._from(self._root, self._tail[:-1] + (name,))

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)(*other)
        key, base_key = self._key(), base._key()
        n = len(base_key)
        if bool(self._root) if n == 0 else key[:n] != base_key:
            raise ValueError("{!r} is not in the subpath of {!r}"
                             " OR one path is relative and the other is absolute."
                             .format(str(self), base._root + '/'.join(base._tail)))
        return self._from('', key[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        return type(self)._from_parts((self,) + args)

    def __truediv__(self, key):
        try:
            return type(self)._from_parts((self, key))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_parts((key, self))
        except TypeError:
            return NotImplemented

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        """Whether this path matches the glob pattern, from the right (or whole, if absolute)."""
        root, pat_parts = _split(path_pattern)
        if not path_pattern or (not root and not pat_parts):
            raise ValueError("empty pattern")
        parts = self._key()
        if root:
            pat_parts = [root] + pat_parts
            if len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_parts)):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    """A pure path with POSIX semantics."""
    __slots__ = ()


def _wildcard(part):
    return '*' in part or '?' in part or '[' in part


class Path(PurePath):
    """A path that can reach the file system: `Path(...)` makes a PosixPath."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        s = os.path.realpath(os.path.abspath(str(self)))
        if strict:
            os.stat(s)
        return type(self)(s)

    def expanduser(self):
        if self._tail and self._tail[0].startswith('~') and not self._root:
            home = os.path.expanduser(self._tail[0])
            if home == self._tail[0]:
                raise RuntimeError("Could not determine home directory.")
            return type(self)(home, *self._tail[1:])
        return self

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self)

    def _mode(self, follow=True):
        try:
            return (os.stat(self) if follow else os.lstat(self)).st_mode
        except (OSError, ValueError):
            return None

    def exists(self):
        return self._mode() is not None

    def is_dir(self):
        m = self._mode()
        return m is not None and S_ISDIR(m)

    def is_file(self):
        m = self._mode()
        return m is not None and S_ISREG(m)

    def is_symlink(self):
        m = self._mode(False)
        return m is not None and S_ISLNK(m)

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = os.stat(other_path)
        return os.path.samestat(st, other_st)

    def _child(self, name):
        return self._from(self._root, self._tail + (name,))

    def iterdir(self):
        for name in os.listdir(self):
            yield self._child(name)

    def _select(self, parts, base):
        """The paths under directory `base` matching pattern parts `parts`."""
        if not parts:
            yield base
            return
        part, rest = parts[0], parts[1:]
        if part == '**':
            # Zero or more directories.
            seen = set()
            for d in self._walk_dirs(base):
                for p in self._select(rest, d):
                    if p not in seen:
                        seen.add(p)
                        yield p
            return
        if part == '..' or not _wildcard(part):
            child = base._child(part)
            if rest:
                if child.is_dir():
                    yield from self._select(rest, child)
            elif child.exists() or part == '..':
                yield child
            return
        match = re.compile(fnmatch.translate(part)).match
        try:
            names = os.listdir(base)
        except OSError:
            return
        for name in names:
            if match(name):
                child = base._child(name)
                if rest:
                    if child.is_dir():
                        yield from self._select(rest, child)
                else:
                    yield child

    def _walk_dirs(self, base):
        yield base
        try:
            names = os.listdir(base)
        except OSError:
            return
        for name in names:
            child = base._child(name)
            if child.is_dir() and not child.is_symlink():
                yield from self._walk_dirs(child)

    def glob(self, pattern):
        """The paths under this directory matching `pattern` (`**`: any directories)."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        root, parts = _split(pattern)
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        for part in parts:
            if '**' in part and part != '**':
                raise ValueError("Invalid pattern: '**' can only be an entire path component")
        # (A trailing slash: directories only.)
        dirs_only = pattern.endswith('/')
        for p in self._select(parts, self):
            if not dirs_only or p.is_dir():
                yield p

    def rglob(self, pattern):
        """`glob('**/' + pattern)`."""
        root, parts = _split(pattern)
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        yield from self.glob('/'.join(['**'] + parts) + ('/' if pattern.endswith('/') else ''))

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            # An existing file only gets its times set to now.
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def rmdir(self):
        os.rmdir(self)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def readlink(self):
        return type(self)(os.readlink(self))


class PosixPath(Path, PurePosixPath):
    """A concrete path on a POSIX system."""
    __slots__ = ()
