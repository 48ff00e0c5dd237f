"""platform: what system and Python this is (`system`, `machine`, `release`, `uname`,
`platform`, `python_version`, `architecture`, `libc_ver`, ...), from `os.uname`, `sys` and
the C library's configuration strings, as CPython reports them on Linux.
"""

import collections
import os
import sys

__version__ = "1.0.8"


def _uname_fields():
    try:
        return tuple(os.uname())
    except (AttributeError, OSError):
        return ("", "", "", "", "")


class uname_result(collections.namedtuple("uname_result_base",
                                          "system node release version machine")):
    """What `uname()` returns: the five uname fields (and `processor`, found when asked)."""

    _fields = ("system", "node", "release", "version", "machine", "processor")

    @property
    def processor(self):
        return processor()

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __len__(self):
        return 6

    def __reduce__(self):
        return uname_result, tuple(self)[:5]


_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        system, node, release, version, machine = _uname_fields()
        _uname_cache = uname_result(system, node, release, version, machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return ""


def architecture(executable=sys.executable, bits="", linkage=""):
    if not bits:
        bits = str(sys.maxsize.bit_length() + 1) + "bit"
    return bits, linkage or "ELF"


def libc_ver(executable=None, lib="", version="", chunksize=16384):
    try:
        ver = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, ValueError, OSError):
        ver = None
    if ver:
        parts = ver.split(maxsplit=1)
        if len(parts) == 2:
            return tuple(parts)
    return lib, version


def python_implementation():
    return {"cpython": "CPython", "pypy": "PyPy"}.get(sys.implementation.name,
                                                      sys.implementation.name)


def python_version():
    return "%d.%d.%d" % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(x) for x in sys.version_info[:3])


def python_branch():
    return ""


def python_revision():
    return ""


def python_build():
    return ("main", "")


def python_compiler():
    return "rustc"


def system_alias(system, release, version):
    return system, release, version


def mac_ver(release="", versioninfo=("", "", ""), machine=""):
    return release, versioninfo, machine


def win32_ver(release="", version="", csd="", ptype=""):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def java_ver(release="", vendor="", vminfo=("", "", ""), osinfo=("", "", "")):
    return release, vendor, vminfo, osinfo


def freedesktop_os_release():
    info = {"NAME": "Linux", "ID": "linux", "PRETTY_NAME": "Linux"}
    for path in ("/etc/os-release", "/usr/lib/os-release"):
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except OSError:
            continue
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            key, value = line.split("=", 1)
            if value[:1] in ("'", '"') and value[-1:] == value[:1]:
                value = value[1:-1]
            info[key] = value
        return info
    raise OSError("Unable to read files /etc/os-release, /usr/lib/os-release")


def _platform(*args):
    text = "-".join(x.strip() for x in filter(len, args))
    for ch in " /\\:;\"()":
        text = text.replace(ch, "-")
    while "--" in text:
        text = text.replace("--", "-")
    return text.rstrip("-")


def platform(aliased=False, terse=False):
    system, node, release, version, machine = _uname_fields()
    if system == "Linux":
        # (CPython's Linux form names the C library, terse or not.)
        lib, libversion = libc_ver()
        return _platform(system, release, machine, "with", lib + libversion)
    if terse:
        return _platform(system, release)
    bits, linkage = architecture()
    return _platform(system, release, machine, bits, linkage)
