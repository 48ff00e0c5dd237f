"""The parts of `sys` written in Python: `sys` asks this module for a name it does not
have (see `sys.__getattr__`) and keeps the answer."""

from collections import namedtuple as _namedtuple
import types as _types

maxunicode = 0x10FFFF
float_repr_style = "short"
hexversion = 0x030B07F0
api_version = 1013
executable = ""
_base_executable = ""
prefix = exec_prefix = base_prefix = base_exec_prefix = "/usr/local"
platlibdir = "lib"
copyright = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."
dont_write_bytecode = True
warnoptions = []
meta_path = []
path_hooks = []
path_importer_cache = {}
orig_argv = []
abiflags = ""
builtin_module_names = ("_io", "builtins", "math", "posix", "sys", "time", "unicodedata")
stdlib_module_names = frozenset()
pycache_prefix = None

implementation = _types.SimpleNamespace(
    name="mtpy",
    cache_tag=None,
    version=_namedtuple("version_info", "major minor micro releaselevel serial")(3, 11, 7, "final", 0),
    hexversion=hexversion,
)

_hash_info = _namedtuple("hash_info", "width modulus inf nan imag algorithm hash_bits seed_bits cutoff")
_hash_info.__module__ = "sys"
hash_info = _hash_info(64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0)

_flags = _namedtuple(
    "flags",
    "debug inspect interactive optimize dont_write_bytecode no_user_site no_site ignore_environment "
    "verbose bytes_warning quiet hash_randomization isolated dev_mode utf8_mode warn_default_encoding "
    "safe_path int_max_str_digits",
)
_flags.__module__ = "sys"
flags = _flags(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1)


def intern(string):
    if type(string) is not str:
        raise TypeError(f"intern() argument must be str, not {type(string).__name__}")
    return string


def getdefaultencoding():
    return "utf-8"


def getfilesystemencoding():
    return "utf-8"


def getfilesystemencodeerrors():
    return "surrogateescape"


def getrefcount(obj):
    return 2


def getswitchinterval():
    return 0.005


def setswitchinterval(interval):
    pass


def is_finalizing():
    return False


def getsizeof(obj, default=None):
    """CPython's sizes on 64-bit builds, for the common types."""
    n = _sizeof(obj)
    if n is None:
        if default is not None:
            return default
        n = 48
    return n


def _sizeof(obj):
    if obj is None or isinstance(obj, bool):
        return 16 if obj is None else 28
    if isinstance(obj, int):
        bits = abs(obj).bit_length()
        return 24 + 4 * max(1, (bits + 29) // 30) if obj else 24
    if isinstance(obj, float):
        return 24
    if isinstance(obj, complex):
        return 32
    if isinstance(obj, str):
        m = max(map(ord, obj), default=0)
        if m < 128:
            return 49 + len(obj)
        if m < 256:
            return 73 + len(obj)
        if m < 65536:
            return 74 + 2 * len(obj)
        return 76 + 4 * len(obj)
    if isinstance(obj, bytes):
        return 33 + len(obj)
    if isinstance(obj, tuple):
        return 40 + 8 * len(obj)
    if isinstance(obj, list):
        return 56 + 8 * len(obj)
    if isinstance(obj, (set, frozenset)):
        return 216
    if isinstance(obj, dict):
        return 64 if not obj else 232
    return None


def displayhook(value):
    if value is None:
        return
    import builtins
    builtins._ = None
    print(repr(value))
    builtins._ = value


def excepthook(exctype, value, tb):
    import traceback
    traceback.print_exception(exctype, value, tb)


__displayhook__ = displayhook
__excepthook__ = excepthook
