"""zoneinfo: IANA time zones (PEP 615) read from the system's TZif files (RFC 8536): a
`ZoneInfo` is a `datetime.tzinfo` giving each local time its UTC offset, DST offset and
abbreviation, from the file's transitions and, past the last one, its POSIX TZ rule;
ambiguous and missing local times follow PEP 495's `fold`.
"""

import bisect as _bisect
import os as _os
from datetime import datetime as _datetime, timedelta as _timedelta, tzinfo as _tzinfo

__all__ = ["ZoneInfo", "reset_tzpath", "available_timezones", "TZPATH",
           "ZoneInfoNotFoundError", "InvalidTZPathWarning"]

_DEFAULT_TZPATH = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo",
                   "/etc/zoneinfo")
TZPATH = ()


class ZoneInfoNotFoundError(KeyError):
    """No time zone file was found for a key."""


class InvalidTZPathWarning(RuntimeWarning):
    """A relative path in PYTHONTZPATH (it is left out)."""


def reset_tzpath(to=None):
    global TZPATH
    if to is not None:
        if isinstance(to, (str, bytes)):
            raise TypeError(f"tzpaths must be a list or tuple, not {type(to)}: {to!r}")
        if not all(map(_os.path.isabs, to)):
            raise ValueError("TZPATH entries must be absolute paths")
        TZPATH = tuple(to)
        return
    env = _os.environ.get("PYTHONTZPATH")
    if env is not None:
        TZPATH = tuple(p for p in env.split(_os.pathsep) if p and _os.path.isabs(p))
    else:
        TZPATH = _DEFAULT_TZPATH


reset_tzpath()


def _validate_key(key):
    if not isinstance(key, str):
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(key).__name__}")
    if _os.path.isabs(key):
        raise ValueError(f"ZoneInfo keys may not be absolute paths, got: {key}")
    parts = key.split("/")
    if ".." in parts or key.startswith("./") or _os.path.normpath(key) != key:
        raise ValueError(f"ZoneInfo keys must be normalized relative paths, got: {key}")


def _find_file(key):
    _validate_key(key)
    for root in TZPATH:
        path = _os.path.join(root, key)
        if _os.path.isfile(path):
            return path
    return None


def _is_tzif(path):
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"TZif"
    except OSError:
        return False


def available_timezones():
    """The keys of every time zone found on TZPATH."""
    found = set()
    for root in TZPATH:
        if not _os.path.isdir(root):
            continue
        for dirpath, dirnames, filenames in _os.walk(root):
            if dirpath == root:
                dirnames[:] = [d for d in dirnames if d not in ("posix", "right")]
            for name in filenames:
                path = _os.path.join(dirpath, name)
                key = _os.path.relpath(path, root)
                if key in ("posixrules", "localtime", "Factory") or "." in name:
                    continue
                if _is_tzif(path):
                    found.add(key)
    return found


class _Offsets:
    """One local time type: UTC offset, DST offset and abbreviation (timedeltas, str)."""

    __slots__ = ("utcoff", "dstoff", "tzname")

    def __init__(self, utcoff, dstoff, tzname):
        self.utcoff = utcoff
        self.dstoff = dstoff
        self.tzname = tzname

    def __eq__(self, other):
        return (self.utcoff, self.dstoff, self.tzname) == \
            (other.utcoff, other.dstoff, other.tzname)


def _seconds(td):
    return td.days * 86400 + td.seconds


_EPOCH_ORDINAL = _datetime(1970, 1, 1).toordinal()


def _local_seconds(dt):
    """`dt`'s wall time as seconds since 1970-01-01 00:00 (the tzinfo not consulted)."""
    return ((dt.toordinal() - _EPOCH_ORDINAL) * 86400 + dt.hour * 3600 + dt.minute * 60
            + dt.second)


# -- the TZif file ---------------------------------------------------------------------------

def _read_tzif(data):
    """(transition times in UTC seconds, type index of each, [(utoff, isdst, abbr)],
    footer rule text or None) of a TZif file's bytes."""
    if data[:4] != b"TZif":
        raise ValueError("Invalid TZif file: magic not found")
    version = data[4:5]

    def counts(at):
        return [int.from_bytes(data[at + 20 + 4 * i:at + 24 + 4 * i], "big") for i in range(6)]

    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts(0)
    width = 4
    pos = 44
    if version >= b"2":
        # Skip the 32-bit block; the 64-bit one follows its own header.
        pos += timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt
        isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts(pos)
        pos += 44
        width = 8
    times = [int.from_bytes(data[pos + width * i:pos + width * (i + 1)], "big", signed=True)
             for i in range(timecnt)]
    pos += width * timecnt
    indexes = list(data[pos:pos + timecnt])
    pos += timecnt
    types = []
    for i in range(typecnt):
        rec = data[pos + 6 * i:pos + 6 * i + 6]
        types.append((int.from_bytes(rec[:4], "big", signed=True), rec[4], rec[5]))
    pos += 6 * typecnt
    chars = data[pos:pos + charcnt]
    pos += charcnt + leapcnt * (width + 4) + isstdcnt + isutcnt
    named = []
    for utoff, isdst, at in types:
        end = chars.find(b"\x00", at)
        named.append((utoff, isdst, chars[at:end if end >= 0 else len(chars)].decode("ascii")))
    footer = None
    if width == 8:
        rest = data[pos:]
        if rest[:1] == b"\n":
            end = rest.find(b"\n", 1)
            if end > 0:
                footer = rest[1:end].decode("ascii")
    return times, indexes, named, footer


def _dst_offsets(indexes, types):
    """Each type's DST offset: a DST type's UTC offset less that of the standard time next
    to it in the transitions (TZif files do not record it)."""
    dst = [0] * len(types)
    known = [False] * len(types)
    for i, t in enumerate(indexes):
        utoff, isdst, _ = types[t]
        if not isdst or known[t]:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(indexes):
                other = types[indexes[j]]
                if not other[1] and utoff != other[0]:
                    dst[t] = utoff - other[0]
                    known[t] = True
                    break
    for t, (utoff, isdst, _) in enumerate(types):
        if isdst and not known[t]:
            dst[t] = 3600
    return dst


# -- POSIX TZ rules (the footer) ---------------------------------------------------------------

def _parse_name(text, i):
    if text[i:i + 1] == "<":
        end = text.index(">", i)
        return text[i + 1:end], end + 1
    j = i
    while j < len(text) and text[j].isalpha():
        j += 1
    return text[i:j], j


def _parse_time(text, i):
    """([+-]hh[:mm[:ss]] as seconds, next index)."""
    sign = 1
    if text[i:i + 1] in ("+", "-"):
        sign = -1 if text[i] == "-" else 1
        i += 1
    parts = []
    while True:
        j = i
        while j < len(text) and text[j].isdigit():
            j += 1
        parts.append(int(text[i:j]))
        i = j
        if text[i:i + 1] == ":" and len(parts) < 3:
            i += 1
            continue
        break
    while len(parts) < 3:
        parts.append(0)
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]), i


def _parse_date(text, i):
    """(a function from year to the rule's day as an ordinal, next index)."""
    if text[i] == "M":
        j = text.index(",", i) if "," in text[i:] else len(text)
        spec = text[i + 1:j].split("/")[0]
        month, week, weekday = (int(x) for x in spec.split("."))
        i += 1 + len(spec)

        def day(year):
            first = _datetime(year, month, 1)
            # POSIX weekdays count from Sunday (0); isoweekday has Sunday 7.
            shift = (weekday - first.isoweekday() % 7) % 7
            d = 1 + shift + 7 * (week - 1)
            last = ((_datetime(year + (month == 12), month % 12 + 1, 1)
                     - _timedelta(days=1)).day)
            while d > last:
                d -= 7
            return _datetime(year, month, d).toordinal()
        return day, i
    julian = text[i] == "J"
    if julian:
        i += 1
    j = i
    while j < len(text) and text[j].isdigit():
        j += 1
    n = int(text[i:j])

    def day(year):
        base = _datetime(year, 1, 1).toordinal()
        if julian:
            leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            return base + n - 1 + (1 if leap and n >= 60 else 0)
        return base + n
    return day, j


class _Rule:
    """A POSIX TZ rule: standard time, and DST between two dates each year (if any)."""

    def __init__(self, text):
        std_name, i = _parse_name(text, 0)
        std_off, i = _parse_time(text, i)
        self.std = _Offsets(_timedelta(seconds=-std_off), _timedelta(0), std_name)
        self.dst = None
        if i >= len(text):
            return
        dst_name, i = _parse_name(text, i)
        if i < len(text) and text[i] != ",":
            dst_off, i = _parse_time(text, i)
            dst_off = -dst_off
        else:
            dst_off = -std_off + 3600
        self.dst = _Offsets(_timedelta(seconds=dst_off),
                            _timedelta(seconds=dst_off + std_off), dst_name)
        self.std_s = -std_off
        self.dst_s = dst_off
        if text[i:i + 1] != ",":
            raise ValueError(f"Invalid TZ string: {text}")
        self.start, i = _parse_date(text, i + 1)
        self.start_time = 7200
        if text[i:i + 1] == "/":
            self.start_time, i = _parse_time(text, i + 1)
        self.end, i = _parse_date(text, i + 1)
        self.end_time = 7200
        if text[i:i + 1] == "/":
            self.end_time, i = _parse_time(text, i + 1)

    def _transitions(self, year):
        """(DST start, DST end) in UTC seconds for `year`."""
        start = (self.start(year) - _EPOCH_ORDINAL) * 86400 + self.start_time - self.std_s
        end = (self.end(year) - _EPOCH_ORDINAL) * 86400 + self.end_time - self.dst_s
        return start, end

    def _in_dst(self, lo, hi, ts):
        if lo < hi:
            return lo <= ts < hi
        return not (hi <= ts < lo)

    def for_local(self, ts, year, fold):
        if self.dst is None:
            return self.std
        start, end = self._transitions(year)
        big, small = max(self.std_s, self.dst_s), min(self.std_s, self.dst_s)
        lo = start + (big if not fold else small)
        hi = end + (big if not fold else small)
        return self.dst if self._in_dst(lo, hi, ts) else self.std

    def for_utc(self, ts, year):
        """(offsets, fold) for UTC seconds `ts` in `year`."""
        if self.dst is None:
            return self.std, 0
        start, end = self._transitions(year)
        if self._in_dst(start, end, ts):
            shift = self.std_s - self.dst_s
            return self.dst, int(0 <= ts - start < shift)
        shift = self.dst_s - self.std_s
        return self.std, int(0 <= ts - end < shift)


# -- ZoneInfo --------------------------------------------------------------------------------

class ZoneInfo(_tzinfo):
    """The IANA time zone `key` (such as "Europe/Paris"), one shared object per key."""

    _cache = {}

    def __new__(cls, key):
        found = cls._cache.get(key)
        if found is None:
            found = cls._cache.setdefault(key, cls._new_instance(key))
        return found

    @classmethod
    def no_cache(cls, key):
        return cls._new_instance(key)

    @classmethod
    def _new_instance(cls, key):
        self = object.__new__(cls)
        self._key = key
        path = _find_file(key)
        if path is None:
            raise ZoneInfoNotFoundError(f"No time zone found with key {key}")
        with open(path, "rb") as f:
            self._load(f.read())
        self._from_file = False
        return self

    @classmethod
    def from_file(cls, fobj, /, key=None):
        self = object.__new__(cls)
        self._key = key
        self._load(fobj.read())
        self._from_file = True
        return self

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        if only_keys is None:
            cls._cache.clear()
        else:
            for key in only_keys:
                cls._cache.pop(key, None)

    @property
    def key(self):
        return self._key

    def _load(self, data):
        times, indexes, types, footer = _read_tzif(data)
        dst = _dst_offsets(indexes, types)
        offsets = [_Offsets(_timedelta(seconds=u), _timedelta(seconds=d), name)
                   for (u, _, name), d in zip(types, dst)]
        self._utc = times
        self._per_trans = [offsets[i] for i in indexes]
        before = next((o for o, t in zip(offsets, types) if not t[1]), None)
        self._before = before if before is not None else (offsets[0] if offsets else None)
        self._rule = _Rule(footer) if footer else None
        if self._rule is None:
            self._after = self._per_trans[-1] if self._per_trans else self._before
        # Wall-clock times of the transitions, for fold 0 and fold 1 (PEP 495: a missing
        # time with fold 0 takes the offset before, an ambiguous one the first offset).
        walls = ([], [])
        prev = _seconds(self._before.utcoff) if self._before is not None else 0
        for t, o in zip(times, self._per_trans):
            new = _seconds(o.utcoff)
            walls[0].append(t + max(prev, new))
            walls[1].append(t + min(prev, new))
            prev = new
        self._walls = walls

    def _lookup(self, dt):
        ts = _local_seconds(dt)
        walls = self._walls[dt.fold]
        if walls and ts < walls[0]:
            return self._before
        if not walls or ts >= walls[-1]:
            if self._rule is not None:
                return self._rule.for_local(ts, dt.year, dt.fold)
            return self._after
        return self._per_trans[_bisect.bisect_right(walls, ts) - 1]

    def utcoffset(self, dt):
        return self._lookup(dt).utcoff

    def dst(self, dt):
        return self._lookup(dt).dstoff

    def tzname(self, dt):
        return self._lookup(dt).tzname

    def fromutc(self, dt):
        if not isinstance(dt, _datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        ts = _local_seconds(dt)
        fold = 0
        if self._utc and ts < self._utc[0]:
            offsets = self._before
        elif not self._utc or ts >= self._utc[-1]:
            if self._rule is not None:
                offsets, fold = self._rule.for_utc(ts, dt.year)
            else:
                offsets = self._after
            if self._utc and self._rule is not None and not fold:
                prev = self._per_trans[-1]
                shift = _seconds(prev.utcoff) - _seconds(offsets.utcoff)
                fold = int(0 <= ts - self._utc[-1] < shift)
        else:
            i = _bisect.bisect_right(self._utc, ts) - 1
            offsets = self._per_trans[i]
            prev = self._per_trans[i - 1] if i > 0 else self._before
            shift = _seconds(prev.utcoff) - _seconds(offsets.utcoff)
            fold = int(ts - self._utc[i] < shift)
        dt = dt + offsets.utcoff
        return dt.replace(fold=1) if fold else dt

    def __str__(self):
        return self._key if self._key is not None else repr(self)

    def __repr__(self):
        if self._key is not None:
            return f"{self.__class__.__module__}.{self.__class__.__name__}(key={self._key!r})"
        return f"{self.__class__.__module__}.{self.__class__.__name__}.from_file(None)"

    def __reduce__(self):
        return (self.__class__._unpickle, (self._key, self._from_file))

    @classmethod
    def _unpickle(cls, key, from_file):
        if from_file:
            raise ValueError("Cannot pickle a ZoneInfo file from a file stream.")
        return cls(key)
