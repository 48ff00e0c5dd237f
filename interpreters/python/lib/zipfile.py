"""zipfile: ZIP archives (stored and deflated members, over mtpy's `zlib`): `ZipFile` to
read (namelist, infolist, read, open, extract, printdir, testzip) and to write (write,
writestr, mkdir), `ZipInfo`, `is_zipfile`. No ZIP64, encryption, bzip2 or lzma.
"""

import io
import os
import shutil
import stat
import struct
import time
import zlib

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED", "ZIP_BZIP2",
           "ZIP_LZMA", "is_zipfile", "ZipInfo", "ZipFile", "LargeZipFile"]


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    pass


error = BadZipfile = BadZipFile

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14
_NAMES = {0: "store", 8: "deflate", 12: "bzip2", 14: "lzma"}
DEFAULT_VERSION = 20

_LOCAL = struct.Struct("<4sHHHHHLLLHH")
_CENTRAL = struct.Struct("<4sBBBBHHHHLLLHHHHHLL")
_END = struct.Struct("<4sHHHHLLH")


_CP437_HIGH = ("ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦"
               "╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\xa0")


def _cp437(raw):
    """A member name without the UTF-8 flag: code page 437, as ZIP defines it."""
    return "".join(chr(b) if b < 128 else _CP437_HIGH[b - 128] for b in raw)


def _check_method(method):
    if method not in (ZIP_STORED, ZIP_DEFLATED):
        if method in (ZIP_BZIP2, ZIP_LZMA):
            raise RuntimeError("Compression requires the (missing) %s module"
                               % ("bz2" if method == ZIP_BZIP2 else "lzma"))
        raise NotImplementedError("That compression method is not supported")


class ZipInfo:
    """One member of an archive: its name, time, sizes, checksum and attributes."""

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        null = filename.find(chr(0))
        if null >= 0:
            filename = filename[:null]
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError("ZIP does not support timestamps before 1980")
        self.compress_type = ZIP_STORED
        self._compresslevel = None
        self.comment = b""
        self.extra = b""
        self.create_system = 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.compress_size = 0
        self.file_size = 0
        self.CRC = 0
        self.header_offset = 0

    def __repr__(self):
        result = ["<%s filename=%r" % (self.__class__.__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            result.append(" compress_type=%s" % _NAMES.get(self.compress_type,
                                                             self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            result.append(" filemode=%r" % stat.filemode(hi))
        if lo:
            result.append(" external_attr=%#x" % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            result.append(" file_size=%r" % self.file_size)
        if ((not isdir or self.compress_size) and
                (self.compress_type != ZIP_STORED or self.file_size != self.compress_size)):
            result.append(" compress_size=%r" % self.compress_size)
        result.append(">")
        return "".join(result)

    def is_dir(self):
        return self.filename[-1:] == "/"

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        st = os.stat(filename)
        isdir = stat.S_ISDIR(st.st_mode)
        mtime = time.localtime(st.st_mtime)
        date_time = mtime[0:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        while arcname[0] in (os.sep, os.altsep or os.sep):
            arcname = arcname[1:]
        if isdir:
            arcname += "/"
        zinfo = cls(arcname, date_time)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            zinfo.file_size = st.st_size
        return zinfo

    def _dos_time(self):
        y, mo, d, h, mi, s = self.date_time
        return (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d

    def _encoded_name(self):
        try:
            return self.filename.encode("ascii"), self.flag_bits
        except UnicodeEncodeError:
            return self.filename.encode("utf-8"), self.flag_bits | 0x800

    def _local_header(self):
        name, flags = self._encoded_name()
        dostime, dosdate = self._dos_time()
        return _LOCAL.pack(b"PK\x03\x04", self.extract_version, flags, self.compress_type,
                           dostime, dosdate, self.CRC, self.compress_size, self.file_size,
                           len(name), len(self.extra)) + name + self.extra


def is_zipfile(filename):
    """Whether `filename` (a path or a file object) holds a ZIP archive's end record."""
    try:
        if hasattr(filename, "read"):
            pos = filename.tell()
            try:
                return _find_end(filename) is not None
            finally:
                filename.seek(pos)
        with open(filename, "rb") as f:
            return _find_end(f) is not None
    except OSError:
        return False


def _find_end(fp):
    fp.seek(0, 2)
    size = fp.tell()
    start = max(0, size - (22 + 65535))
    fp.seek(start)
    data = fp.read()
    at = data.rfind(b"PK\x05\x06")
    if at < 0 or len(data) - at < 22:
        return None
    fields = _END.unpack(data[at:at + 22])
    comment = data[at + 22:at + 22 + fields[7]]
    return fields, comment


class ZipExtFile(io.BytesIO):
    """A member opened for reading (its whole data, checked)."""

    def __init__(self, data, zinfo):
        super().__init__(data)
        self.name = zinfo.filename
        self.mode = "r"


class _ZipWriteFile(io.BytesIO):
    def __init__(self, zipfile, zinfo):
        super().__init__()
        self._zipfile = zipfile
        self._zinfo = zinfo

    def close(self):
        if not self.closed:
            data = self.getvalue()
            self._zipfile._writing = False
            self._zipfile._add(self._zinfo, data)
        super().close()


class ZipFile:
    """A ZIP archive opened for reading ("r") or writing ("w", "x", "a")."""

    fp = None

    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True,
                 compresslevel=None, *, strict_timestamps=True, metadata_encoding=None):
        if mode not in ("r", "w", "x", "a"):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_method(compression)
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self._comment = b""
        self._writing = False
        self._strict_timestamps = strict_timestamps
        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = 0
            self.filename = file
            modes = {"r": "rb", "w": "w+b", "x": "x+b", "a": "r+b"}
            try:
                self.fp = io.open(file, modes[mode])
            except FileNotFoundError:
                if mode != "a":
                    raise
                self.fp = io.open(file, "w+b")
                mode = "w"
        else:
            self._filePassed = 1
            self.fp = file
            self.filename = getattr(file, "name", None)
        self._start = 0
        if mode == "r":
            self._read_directory()
        elif mode == "a":
            try:
                self._read_directory()
                self.fp.seek(self._cd_offset)
                self.fp.truncate()
            except BadZipFile:
                self.fp.seek(0, 2)
        self._modified = mode != "r"

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        result = ["<%s.%s" % (self.__class__.__module__, self.__class__.__qualname__)]
        if self.fp is not None:
            if self._filePassed:
                result.append(" file=%r" % self.fp)
            elif self.filename is not None:
                result.append(" filename=%r" % self.filename)
            result.append(" mode=%r" % self.mode)
        else:
            result.append(" [closed]")
        result.append(">")
        return "".join(result)

    def _read_directory(self):
        found = _find_end(self.fp)
        if found is None:
            raise BadZipFile("File is not a zip file")
        fields, comment = found
        self._comment = comment
        count, size, offset = fields[4], fields[5], fields[6]
        self._cd_offset = offset
        self.fp.seek(offset)
        data = self.fp.read(size)
        pos = 0
        for _ in range(count):
            rec = _CENTRAL.unpack(data[pos:pos + 46])
            if rec[0] != b"PK\x01\x02":
                raise BadZipFile("Bad magic number for central directory")
            nlen, elen, clen = rec[12], rec[13], rec[14]
            raw = data[pos + 46:pos + 46 + nlen]
            flags = rec[5]
            name = raw.decode("utf-8") if flags & 0x800 else _cp437(raw)
            zinfo = ZipInfo(name)
            zinfo.extra = data[pos + 46 + nlen:pos + 46 + nlen + elen]
            zinfo.comment = data[pos + 46 + nlen + elen:pos + 46 + nlen + elen + clen]
            (zinfo.create_version, zinfo.create_system, zinfo.extract_version, zinfo.reserved,
             zinfo.flag_bits, zinfo.compress_type, t, d, zinfo.CRC, zinfo.compress_size,
             zinfo.file_size) = rec[1:12]
            zinfo.volume, zinfo.internal_attr, zinfo.external_attr, zinfo.header_offset = \
                rec[15:19]
            zinfo.date_time = ((d >> 9) + 1980, (d >> 5) & 0xF, d & 0x1F, t >> 11,
                               (t >> 5) & 0x3F, (t & 0x1F) * 2)
            self.filelist.append(zinfo)
            self.NameToInfo[zinfo.filename] = zinfo
            pos += 46 + nlen + elen + clen

    @property
    def comment(self):
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError("comment: expected bytes, got %s" % type(comment).__name__)
        self._comment = comment[:65535]
        self._modified = True

    def namelist(self):
        return [data.filename for data in self.filelist]

    def infolist(self):
        return self.filelist

    def printdir(self, file=None):
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"), file=file)
        for zinfo in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % zinfo.date_time[:6]
            print("%-46s %s %12d" % (zinfo.filename, date, zinfo.file_size), file=file)

    def getinfo(self, name):
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError("There is no item named %r in the archive" % name)
        return info

    def _member_data(self, zinfo):
        self.fp.seek(zinfo.header_offset)
        head = self.fp.read(30)
        if len(head) != 30 or head[:4] != b"PK\x03\x04":
            raise BadZipFile("Bad magic number for file header")
        fields = _LOCAL.unpack(head)
        self.fp.read(fields[9] + fields[10])
        raw = self.fp.read(zinfo.compress_size)
        if zinfo.compress_type == ZIP_STORED:
            data = raw
        elif zinfo.compress_type == ZIP_DEFLATED:
            data = zlib.decompress(raw, -15)
        else:
            _check_method(zinfo.compress_type)
        if zlib.crc32(data) != zinfo.CRC:
            raise BadZipFile("Bad CRC-32 for file %r" % zinfo.filename)
        return data

    def read(self, name, pwd=None):
        zinfo = name if isinstance(name, ZipInfo) else self.getinfo(name)
        return self._member_data(zinfo)

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        if mode not in ("r", "w"):
            raise ValueError('open() requires mode "r" or "w"')
        if not self.fp:
            raise ValueError("Attempt to use ZIP archive that was already closed")
        if mode == "w":
            if isinstance(name, ZipInfo):
                zinfo = name
            else:
                zinfo = ZipInfo(name, time.localtime(time.time())[:6])
                zinfo.compress_type = self.compression
                zinfo.external_attr = 0o600 << 16
            self._writing = True
            return _ZipWriteFile(self, zinfo)
        zinfo = name if isinstance(name, ZipInfo) else self.getinfo(name)
        return ZipExtFile(self._member_data(zinfo), zinfo)

    def testzip(self):
        for zinfo in self.filelist:
            try:
                self._member_data(zinfo)
            except BadZipFile:
                return zinfo.filename
        return None

    def extract(self, member, path=None, pwd=None):
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path)

    def extractall(self, path=None, members=None, pwd=None):
        if members is None:
            members = self.namelist()
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        for zipinfo in members:
            self._extract_member(zipinfo, path)

    def _extract_member(self, member, targetpath):
        zinfo = member if isinstance(member, ZipInfo) else self.getinfo(member)
        arcname = zinfo.filename.replace("/", os.path.sep)
        arcname = os.path.splitdrive(arcname)[1]
        invalid = ("", os.path.curdir, os.path.pardir)
        arcname = os.path.sep.join(x for x in arcname.split(os.path.sep) if x not in invalid)
        targetpath = os.path.join(targetpath, arcname)
        targetpath = os.path.normpath(targetpath)
        upperdirs = os.path.dirname(targetpath)
        if upperdirs and not os.path.exists(upperdirs):
            os.makedirs(upperdirs)
        if zinfo.is_dir():
            if not os.path.isdir(targetpath):
                os.mkdir(targetpath)
            return targetpath
        with open(targetpath, "wb") as target:
            target.write(self._member_data(zinfo))
        return targetpath

    def _check_writable(self):
        if self.mode not in ("w", "x", "a"):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError("Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists")

    def _add(self, zinfo, data):
        if zinfo.filename in self.NameToInfo:
            import warnings
            warnings.warn("Duplicate name: %r" % zinfo.filename, stacklevel=3)
        _check_method(zinfo.compress_type)
        zinfo.file_size = len(data)
        zinfo.CRC = zlib.crc32(data)
        if zinfo.compress_type == ZIP_DEFLATED:
            level = zinfo._compresslevel
            packed = zlib.compress(data, -1 if level is None else level, -15)
        else:
            packed = data
        zinfo.compress_size = len(packed)
        self.fp.seek(0, 2)
        zinfo.header_offset = self.fp.tell()
        self.fp.write(zinfo._local_header())
        self.fp.write(packed)
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo
        self._modified = True

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = ZipInfo(filename=zinfo_or_arcname,
                            date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo._compresslevel = self.compresslevel
            if zinfo.filename[-1] == "/":
                zinfo.external_attr = 0o40775 << 16
                zinfo.external_attr |= 0x10
            else:
                zinfo.external_attr = 0o600 << 16
        else:
            zinfo = zinfo_or_arcname
            if not zinfo.external_attr:
                zinfo.external_attr = 0o600 << 16
        self._check_writable()
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo._compresslevel = compresslevel
        self._add(zinfo, bytes(data))

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        self._check_writable()
        zinfo = ZipInfo.from_file(filename, arcname,
                                  strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            self._add(zinfo, b"")
            return
        zinfo.compress_type = compress_type if compress_type is not None else self.compression
        zinfo._compresslevel = compresslevel if compresslevel is not None else \
            self.compresslevel
        with open(filename, "rb") as f:
            self._add(zinfo, f.read())

    def mkdir(self, zinfo_or_directory_name, mode=511):
        if isinstance(zinfo_or_directory_name, ZipInfo):
            zinfo = zinfo_or_directory_name
            if not zinfo.is_dir():
                raise ValueError("The given ZipInfo does not describe a directory")
        elif isinstance(zinfo_or_directory_name, str):
            directory_name = zinfo_or_directory_name
            if not directory_name.endswith("/"):
                directory_name += "/"
            zinfo = ZipInfo(directory_name, time.localtime(time.time())[:6])
            zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            zinfo.external_attr |= 0x10
        else:
            raise TypeError("Expected type str or ZipInfo")
        self._check_writable()
        self._add(zinfo, b"")

    def close(self):
        if self.fp is None:
            return
        try:
            if self.mode in ("w", "x", "a") and self._modified:
                self._write_directory()
        finally:
            fp = self.fp
            self.fp = None
            if not self._filePassed:
                fp.close()

    def _write_directory(self):
        self.fp.seek(0, 2)
        start = self.fp.tell()
        for zinfo in self.filelist:
            name, flags = zinfo._encoded_name()
            dostime, dosdate = zinfo._dos_time()
            self.fp.write(_CENTRAL.pack(
                b"PK\x01\x02", zinfo.create_version, zinfo.create_system,
                zinfo.extract_version, zinfo.reserved, flags, zinfo.compress_type, dostime,
                dosdate, zinfo.CRC, zinfo.compress_size, zinfo.file_size, len(name),
                len(zinfo.extra), len(zinfo.comment), 0, zinfo.internal_attr,
                zinfo.external_attr, zinfo.header_offset))
            self.fp.write(name + zinfo.extra + zinfo.comment)
        end = self.fp.tell()
        count = len(self.filelist)
        self.fp.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, end - start, start,
                                len(self._comment)))
        self.fp.write(self._comment)
        self.fp.flush()
