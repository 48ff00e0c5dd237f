"""Temporary files and directories: gettempdir, mkstemp, mkdtemp, TemporaryDirectory,
NamedTemporaryFile, TemporaryFile.

mtpy's own implementation with CPython's behaviour (names are random, made from os.urandom).
"""

import os as _os
import shutil as _shutil
from _io import open as _open

__all__ = [
    "NamedTemporaryFile", "TemporaryFile", "TemporaryDirectory", "mkstemp", "mkdtemp",
    "gettempdir", "gettempprefix", "tempdir", "template",
]

template = "tmp"
tempdir = None
_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _random_name():
    return "".join(_CHARS[b % len(_CHARS)] for b in _os.urandom(8))


def gettempprefix():
    return template


def gettempdir():
    """The folder temporary files go to: $TMPDIR, $TEMP, $TMP, or /tmp."""
    global tempdir
    if tempdir is None:
        for var in ("TMPDIR", "TEMP", "TMP"):
            d = _os.environ.get(var)
            if d and _os.path.isdir(d):
                tempdir = _os.path.abspath(d)
                break
        else:
            tempdir = "/tmp"
    return tempdir


def _sanitize(suffix, prefix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, _os.fspath(dir)


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates a new file only this process can know: (file descriptor, absolute path)."""
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(10000):
        path = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            fd = _os.open(path, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary file name found")


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a new folder only this process can know: its absolute path."""
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(10000):
        path = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            _os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary directory name found")


class TemporaryDirectory:
    """A temporary folder, removed with its contents by cleanup() or at the end of `with`."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return f"<{self.__class__.__name__} {self.name!r}>"

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done and _os.path.exists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
        self._done = True


class _TemporaryFileWrapper:
    """A file with a name, deleted when it is closed (when `delete`)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()

    def __iter__(self):
        return iter(self.file)

    def close(self):
        try:
            self.file.close()
        finally:
            if self.delete and _os.path.exists(self.name):
                _os.unlink(self.name)

    def __repr__(self):
        return f"<tempfile._TemporaryFileWrapper file={self.file!r}>"


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name (deleted on close when `delete`)."""
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = _open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """An anonymous temporary file (its name is removed at once)."""
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        _os.unlink(name)
        return _open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise
