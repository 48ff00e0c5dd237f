"""Dates, times and intervals: date, time, datetime, timedelta, tzinfo and timezone.

Local time is UTC here (`now`, `today`, `fromtimestamp` and naive `timestamp` use it).
"""

import time as _time
from operator import index as _index

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR', 'MAXYEAR', 'UTC')

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059  # date.max.toordinal()
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_DAYNAMES = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_FULL_DAYNAMES = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHNAMES = (None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_FULL_MONTHNAMES = (None, 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                    'September', 'October', 'November', 'December')
_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
_OWN = set()  # the classes of this module: their reprs say `datetime.NAME`


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _ymd2ord(year, month, day):
    y = year - 1
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))
    return y * 365 + y // 4 - y // 100 + y // 400 + before + day


def _ord2ymd(n):
    """(year, month, day) of proleptic Gregorian ordinal `n` (day 1 is 0001-01-01)."""
    n -= 1
    n400, n = divmod(n, 146097)
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - before + 1


def _isoweek1monday(year):
    first = _ymd2ord(year, 1, 1)
    weekday = (first + 6) % 7
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


def _check_date(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour, minute, second, microsecond = _index(hour), _index(minute), _index(second), _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{type(tz).__name__}'")


def _type_name(obj):
    cls = type(obj)
    return 'datetime.' + cls.__name__ if cls in _OWN else cls.__name__


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


def _check_offset(name, offset):
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{name}() must return None or timedelta, not '{type(offset).__name__}'")
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and '
                         'timedelta(hours=24).')
    return offset


def _format_offset(off, sep=':'):
    """`+HH:MM` (with `:SS` and `.ffffff` when not zero) of timedelta `off`; '' for None."""
    if off is None:
        return ''
    sign = '+'
    if off._days < 0:
        sign = '-'
        off = -off
    mm, ss = divmod(off._seconds, 60)
    hh, mm = divmod(mm, 60)
    s = f'{sign}{hh:02d}{sep}{mm:02d}'
    if ss or off._microseconds:
        s += f'{sep}{ss:02d}'
        if off._microseconds:
            s += f'.{off._microseconds:06d}'
    return s


def _format_time(hh, mm, ss, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return f'{hh:02d}'
    if timespec == 'minutes':
        return f'{hh:02d}:{mm:02d}'
    if timespec == 'seconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}'
    if timespec == 'milliseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}'
    if timespec == 'microseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}'
    raise ValueError('Unknown timespec value')


def _round_half_even(n, d):
    """n / d rounded to an int, half to even (d > 0)."""
    q, r = divmod(n, d)
    r2 = 2 * r
    if r2 > d or (r2 == d and q % 2 == 1):
        q += 1
    return q


def _ratio(x):
    if isinstance(x, float):
        return x.as_integer_ratio()
    return x, 1


class timedelta:
    """A duration: days, seconds and microseconds (normalized, only days may be negative)."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        if (type(days) is int and type(seconds) is int and type(microseconds) is int and type(milliseconds) is int
                and type(minutes) is int and type(hours) is int and type(weeks) is int):
            return cls._from_microseconds(
                ((days + weeks * 7) * 86400 + hours * 3600 + minutes * 60 + seconds) * 1000000
                + milliseconds * 1000 + microseconds)
        # Exact sum in microseconds, as a ratio num/den (floats convert exactly).
        num, den = 0, 1
        for value, scale, what in ((days, 86400000000, 'days'), (seconds, 1000000, 'seconds'),
                                   (microseconds, 1, 'microseconds'), (milliseconds, 1000, 'milliseconds'),
                                   (minutes, 60000000, 'minutes'), (hours, 3600000000, 'hours'),
                                   (weeks, 604800000000, 'weeks')):
            if type(value) is int:
                if value:
                    num += value * scale * den
                continue
            if not isinstance(value, (int, float)):
                raise TypeError(f'unsupported type for timedelta {what} component: {type(value).__name__}')
            n, d = _ratio(value)
            num, den = num * d + n * scale * den, den * d
        us = num if den == 1 else _round_half_even(num, den)
        return cls._from_microseconds(us)

    @classmethod
    def _from_microseconds(cls, us):
        s, us = divmod(us, 1000000)
        d, s = divmod(s, 86400)
        if not -999999999 <= d <= 999999999:
            raise OverflowError(f'days={d}; must have magnitude <= 999999999')
        self = object.__new__(cls)
        self._days = d
        self._seconds = s
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_microseconds() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append(f'days={self._days}')
        if self._seconds:
            args.append(f'seconds={self._seconds}')
        if self._microseconds:
            args.append(f'microseconds={self._microseconds}')
        return f"{_type_name(self)}({', '.join(args) or '0'})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f'{hh}:{mm:02d}:{ss:02d}'
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            s = f'{self._days} day{plural}, ' + s
        if self._microseconds:
            s += f'.{self._microseconds:06d}'
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds() * n, d))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        us = self._to_microseconds()
        if isinstance(other, timedelta):
            return us / other._to_microseconds()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            n, d = (us, other) if other > 0 else (-us, -other)
            return timedelta._from_microseconds(_round_half_even(n, d))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            if n == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            n, d = (d * us, n) if n > 0 else (-d * us, -n)
            return timedelta._from_microseconds(_round_half_even(n, d))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (self.__class__, self._key())

    def __copy__(self):
        make, args = self.__reduce__()
        return make(*args)

    def __deepcopy__(self, memo):
        return self.__copy__()


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class IsoCalendarDate:
    """`date.isocalendar()`: (year, week, weekday), a sequence with names."""

    __slots__ = ('_t',)

    def __init__(self, year, week, weekday):
        self._t = (year, week, weekday)

    year = property(lambda self: self._t[0])
    week = property(lambda self: self._t[1])
    weekday = property(lambda self: self._t[2])

    def __getitem__(self, k):
        return self._t[k]

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        if isinstance(other, IsoCalendarDate):
            other = other._t
        return self._t == other

    def __lt__(self, other):
        return self._t < tuple(other)

    def __hash__(self):
        return hash(self._t)

    def __add__(self, other):
        return self._t + other

    def __repr__(self):
        return f'{_type_name(self)}(year={self._t[0]}, week={self._t[1]}, weekday={self._t[2]})'

    def __reduce__(self):
        return (tuple, (self._t,))

    def __copy__(self):
        make, args = self.__reduce__()
        return make(*args)

    def __deepcopy__(self, memo):
        return self.__copy__()


def _wrap_strftime(obj, fmt, year, month, day, hour, minute, second, us):
    """`fmt` with its directives filled in (C-locale names, as glibc's strftime)."""
    if not isinstance(fmt, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(fmt).__name__}")
    out = []
    n = len(fmt)
    i = 0
    wday = (_ymd2ord(year, month, day) + 6) % 7
    yday = _ymd2ord(year, month, day) - _ymd2ord(year, 1, 1) + 1
    while i < n:
        c = fmt[i]
        i += 1
        if c != '%' or i == n:
            out.append(c)
            continue
        d = fmt[i]
        i += 1
        if d == 'Y':
            out.append(str(year))
        elif d == 'm':
            out.append(f'{month:02d}')
        elif d == 'd':
            out.append(f'{day:02d}')
        elif d == 'H':
            out.append(f'{hour:02d}')
        elif d == 'M':
            out.append(f'{minute:02d}')
        elif d == 'S':
            out.append(f'{second:02d}')
        elif d == 'f':
            out.append(f'{us:06d}')
        elif d == 'y':
            out.append(f'{year % 100:02d}')
        elif d == 'j':
            out.append(f'{yday:03d}')
        elif d == 'a':
            out.append(_DAYNAMES[wday])
        elif d == 'A':
            out.append(_FULL_DAYNAMES[wday])
        elif d in 'bh':
            out.append(_MONTHNAMES[month])
        elif d == 'B':
            out.append(_FULL_MONTHNAMES[month])
        elif d == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif d == 'I':
            out.append(f'{(hour + 11) % 12 + 1:02d}')
        elif d == 'z':
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(off, ''))
        elif d == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append(name if name is not None else '')
        elif d == 'w':
            out.append(str((wday + 1) % 7))
        elif d == 'u':
            out.append(str(wday + 1))
        elif d == 'e':
            out.append(f'{day:2d}')
        elif d == 'U':
            out.append(f'{(yday + 6 - (wday + 1) % 7) // 7:02d}')
        elif d == 'W':
            out.append(f'{(yday + 6 - wday) // 7:02d}')
        elif d in 'GVu':
            iy, iw, _ = date(year, month, day).isocalendar()
            out.append(str(iy) if d == 'G' else f'{iw:02d}')
        elif d == 'C':
            out.append(f'{year // 100:02d}')
        elif d == 'c':
            out.append(f'{_DAYNAMES[wday]} {_MONTHNAMES[month]} {day:2d} {hour:02d}:{minute:02d}:{second:02d} {year}')
        elif d in 'xD':
            out.append(f'{month:02d}/{day:02d}/{year % 100:02d}')
        elif d in 'XT':
            out.append(f'{hour:02d}:{minute:02d}:{second:02d}')
        elif d == 'R':
            out.append(f'{hour:02d}:{minute:02d}')
        elif d == 'F':
            out.append(f'{year}-{month:02d}-{day:02d}')
        elif d == 'n':
            out.append('\n')
        elif d == 't':
            out.append('\t')
        elif d == '%':
            out.append('%')
        else:
            out.append('%' + d)
    return ''.join(out)


class date:
    """A date of the proleptic Gregorian calendar: year, month, day."""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def _make(cls, y, m, d):
        if cls is date:
            self = object.__new__(date)
            self._year, self._month, self._day, self._hashcode = y, m, d, -1
            return self
        return cls(y, m, d)

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, *_ = _utc_fields(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        if n > _MAXORDINAL:
            raise ValueError(f'year {_ord2ymd(n)[0]} is out of range')
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        parsed = _parse_isodate(date_string)
        if parsed is None or len(date_string) not in (7, 8, 10):
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        return cls(*parsed)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_isocal_to_ymd(year, week, day))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return f'{_type_name(self)}({self._year}, {self._month}, {self._day})'

    def isoformat(self):
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    __str__ = isoformat

    def ctime(self):
        wday = self.toordinal() % 7 or 7
        return f'{_DAYNAMES[wday - 1]} {_MONTHNAMES[self._month]} {self._day:2d} 00:00:00 {self._year:04d}'

    def strftime(self, format):
        return _wrap_strftime(self, format, self._year, self._month, self._day, 0, 0, 0, 0)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'must be str, not {type(fmt).__name__}')
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def timetuple(self):
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                            self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, -1)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        today = _ymd2ord(self._year, self._month, self._day)
        monday = _isoweek1monday(year)
        week, day = divmod(today - monday, 7)
        if week < 0:
            year -= 1
            week, day = divmod(today - _isoweek1monday(year), 7)
        elif week >= 52 and today >= _isoweek1monday(year + 1):
            year += 1
            week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    # Comparisons: only with dates (a datetime is not comparable with a plain date).
    def _cmpkey(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return (self._year, self._month, self._day), (other._year, other._month, other._day)
        return None

    def __eq__(self, other):
        if isinstance(other, datetime) or isinstance(self, datetime):
            return NotImplemented
        if isinstance(other, date):
            return self._year == other._year and self._month == other._month and self._day == other._day
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, date) and not isinstance(other, datetime):
            a = (self._year, self._month, self._day)
            b = (other._year, other._month, other._day)
            return op(a, b)
        if isinstance(other, datetime):
            raise TypeError(f"can't compare {_type_name(other)} to {_type_name(self)}")
        return NotImplemented

    def __lt__(self, other):
        return self._compare(other, _lt)

    def __le__(self, other):
        return self._compare(other, _le)

    def __gt__(self, other):
        return self._compare(other, _gt)

    def __ge__(self, other):
        return self._compare(other, _ge)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other._days
            if 0 < n <= _MAXORDINAL:
                return type(self)._make(*_ord2ymd(n))
            raise OverflowError('date value out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return (self.__class__, (self._year, self._month, self._day))

    def __copy__(self):
        make, args = self.__reduce__()
        return make(*args)

    def __deepcopy__(self, memo):
        return self.__copy__()


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _isocal_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'Year is out of range: {year}')
    if not 0 < week < 53:
        out_of_range = True
        if week == 53:
            first_weekday = _ymd2ord(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                out_of_range = False
        if out_of_range:
            raise ValueError(f'Invalid week: {week}')
    if not 0 < day < 8:
        raise ValueError(f'Invalid day: {day} (range is [1, 7])')
    return _ord2ymd(_isoweek1monday(year) + (week - 1) * 7 + day - 1)


class tzinfo:
    """The abstract base of time zones: subclasses give utcoffset, dst and tzname."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() requires a datetime argument')
        if dt.tzinfo is not self:
            raise ValueError('dt.tzinfo is not self')
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError('fromutc(): dt.dst gave inconsistent results; cannot convert')
        return dt + dtdst

    def __reduce__(self):
        return (self.__class__, ())

    def __copy__(self):
        make, args = self.__reduce__()
        return make(*args)

    def __deepcopy__(self, memo):
        return self.__copy__()


class time:
    """A time of day (hour, minute, second, microsecond), with an optional tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = time_string[1:] if time_string[:1] == 'T' else time_string
        parsed = _parse_isotime(s)
        if parsed is None:
            raise ValueError(f'Invalid isoformat string: {time_string!r}')
        return cls(*parsed)

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset('utcoffset', self._tzinfo.utcoffset(None))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset('dst', self._tzinfo.dst(None))

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(None)
        if name is not None and not isinstance(name, str):
            raise TypeError(f"tzinfo.tzname() must return None or a string, not '{type(name).__name__}'")
        return name

    def __repr__(self):
        if self._microsecond:
            s = f', {self._second}, {self._microsecond}'
        elif self._second:
            s = f', {self._second}'
        else:
            s = ''
        s = f'{_type_name(self)}({self._hour}, {self._minute}{s})'
        if self._tzinfo is not None:
            s = s[:-1] + f', tzinfo={self._tzinfo!r})'
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, format):
        return _wrap_strftime(self, format, 1900, 1, 1, self._hour, self._minute, self._second, self._microsecond)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'must be str, not {type(fmt).__name__}')
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _key(self, other):
        """Comparable keys of self and time `other` (offsets applied when both are aware)."""
        a = (self._hour, self._minute, self._second, self._microsecond)
        b = (other._hour, other._minute, other._second, other._microsecond)
        if self._tzinfo is other._tzinfo:
            return a, b
        off1, off2 = self.utcoffset(), other.utcoffset()
        if off1 == off2:
            return a, b
        if off1 is None or off2 is None:
            return None
        m1 = self._hour * 60 + self._minute - off1 // timedelta(minutes=1)
        m2 = other._hour * 60 + other._minute - off2 // timedelta(minutes=1)
        return (m1, self._second, self._microsecond), (m2, other._second, other._microsecond)

    def __eq__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        keys = self._key(other)
        return keys is not None and keys[0] == keys[1]

    def _compare(self, other, op):
        if not isinstance(other, time):
            return NotImplemented
        keys = self._key(other)
        if keys is None:
            raise TypeError("can't compare offset-naive and offset-aware times")
        return op(keys[0], keys[1])

    def __lt__(self, other):
        return self._compare(other, _lt)

    def __le__(self, other):
        return self._compare(other, _le)

    def __gt__(self, other):
        return self._compare(other, _gt)

    def __ge__(self, other):
        return self._compare(other, _ge)

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            if not off:
                self._hashcode = hash((self._hour, self._minute, self._second, self._microsecond))
            else:
                m = self._hour * 60 + self._minute - off // timedelta(minutes=1)
                self._hashcode = hash((m, self._second, self._microsecond))
        return self._hashcode

    def __bool__(self):
        return True

    def __reduce__(self):
        return (self.__class__, (self._hour, self._minute, self._second, self._microsecond, self._tzinfo))

    def __copy__(self):
        make, args = self.__reduce__()
        return make(*args)

    def __deepcopy__(self, memo):
        return self.__copy__()


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _utc_fields(t):
    """(year, month, day, hour, minute, second, microsecond) of POSIX timestamp `t` in UTC."""
    if isinstance(t, float):
        if t != t or t in (float('inf'), float('-inf')):
            raise ValueError('Invalid value NaN (not a number)' if t != t else 'cannot convert float infinity to integer')
        n, d = t.as_integer_ratio()
        us = _round_half_even(n * 1000000, d)
    elif isinstance(t, int):
        us = t * 1000000
    else:
        raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer")
    secs, us = divmod(us, 1000000)
    days, secs = divmod(secs, 86400)
    n = _EPOCH_ORDINAL + days
    if not 0 < n <= _MAXORDINAL:
        if abs(days) > 10 ** 12:
            raise OverflowError('timestamp out of range for platform time_t')
        raise ValueError(f'year {_ord2ymd(n)[0] if n > 0 else 0} is out of range')
    y, m, d = _ord2ymd(n)
    hh, secs = divmod(secs, 3600)
    mm, ss = divmod(secs, 60)
    return y, m, d, hh, mm, ss, us


class datetime(date):
    """A date and a time of day, with an optional tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date(year, month, day)
        hour, minute, second, microsecond = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @classmethod
    def _make_dt(cls, y, mo, d, h, mi, s, us, tz, fold=0):
        if cls is datetime:
            self = object.__new__(datetime)
            self._year, self._month, self._day = y, mo, d
            self._hour, self._minute, self._second, self._microsecond = h, mi, s, us
            self._tzinfo, self._fold, self._hashcode = tz, fold, -1
            return self
        return cls(y, mo, d, h, mi, s, us, tz, fold=fold)

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        y, m, d, hh, mm, ss, us = _utc_fields(t)
        if tz is None:
            return cls(y, m, d, hh, mm, ss, us)
        return tz.fromutc(cls(y, m, d, hh, mm, ss, us, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls(*_utc_fields(t))

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError(f'combine() argument 1 must be datetime.date, not {type(date).__name__}')
        if not isinstance(time, _time_class):
            raise TypeError(f'combine() argument 2 must be datetime.time, not {type(time).__name__}')
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond,
                   tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        parsed = _parse_isodatetime(date_string)
        if parsed is None:
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        return cls(*parsed)

    @classmethod
    def strptime(cls, date_string, format):
        fields, tz = _strptime(date_string, format)
        return cls(*fields, tz)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return _struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second,
                            self.weekday(), self.toordinal() - _ymd2ord(self._year, 1, 1) + 1, flag)

    def utctimetuple(self):
        off = self.utcoffset()
        dt = self - off if off else self
        return _struct_time(dt._year, dt._month, dt._day, dt._hour, dt._minute, dt._second,
                            dt.weekday(), dt.toordinal() - _ymd2ord(dt._year, 1, 1) + 1, 0)

    def timestamp(self):
        off = self.utcoffset()
        days = self.toordinal() - _EPOCH_ORDINAL
        secs = days * 86400 + self._hour * 3600 + self._minute * 60 + self._second
        if off is not None:
            secs -= off._days * 86400 + off._seconds
            return (secs * 1000000 + self._microsecond - off._microseconds) / 10 ** 6
        return (secs * 1000000 + self._microsecond) / 10 ** 6

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return _time_class(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return _time_class(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = _LOCAL
        elif not isinstance(tz, tzinfo):
            raise TypeError(f"astimezone() argument 1 must be datetime.tzinfo, not {type(tz).__name__}")
        mytz = self._tzinfo
        off = None if mytz is None else self.utcoffset()
        if off is None:
            off = timedelta(0)  # naive: local time, which is UTC here
        if tz is mytz:
            return self
        utc = (self - off).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset('utcoffset', self._tzinfo.utcoffset(self))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset('dst', self._tzinfo.dst(self))

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        if name is not None and not isinstance(name, str):
            raise TypeError(f"tzinfo.tzname() must return None or a string, not '{type(name).__name__}'")
        return name

    def ctime(self):
        wday = self.toordinal() % 7 or 7
        return (f'{_DAYNAMES[wday - 1]} {_MONTHNAMES[self._month]} {self._day:2d} '
                f'{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}')

    def isoformat(self, sep='T', timespec='auto'):
        s = (f'{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}'
             + _format_time(self._hour, self._minute, self._second, self._microsecond, timespec))
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        s = f'{_type_name(self)}({self._year}, {self._month}, {self._day}, {self._hour}, {self._minute}'
        if self._microsecond:
            s += f', {self._second}, {self._microsecond}'
        elif self._second:
            s += f', {self._second}'
        s += ')'
        if self._tzinfo is not None:
            s = s[:-1] + f', tzinfo={self._tzinfo!r})'
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def strftime(self, format):
        return _wrap_strftime(self, format, self._year, self._month, self._day, self._hour, self._minute,
                              self._second, self._microsecond)

    def _micros(self):
        """Microseconds since 0001-01-01 00:00 (local, offset not applied)."""
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                + self._microsecond)

    def _utc_micros(self):
        off = self.utcoffset()
        us = self._micros()
        return us if off is None else us - off._to_microseconds()

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._micros() + other._to_microseconds()
        days, rest = divmod(us, 86400000000)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        secs, us = divmod(rest, 1000000)
        hh, secs = divmod(secs, 3600)
        mm, ss = divmod(secs, 60)
        y, m, d = _ord2ymd(days)
        return type(self)._make_dt(y, m, d, hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        if self._tzinfo is other._tzinfo:
            return timedelta._from_microseconds(self._micros() - other._micros())
        off1, off2 = self.utcoffset(), other.utcoffset()
        if (off1 is None) != (off2 is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return timedelta._from_microseconds(self._utc_micros() - other._utc_micros())

    def _keys(self, other):
        if self._tzinfo is other._tzinfo:
            return self._micros(), other._micros()
        off1, off2 = self.utcoffset(), other.utcoffset()
        if (off1 is None) != (off2 is None):
            return None
        return self._utc_micros(), other._utc_micros()

    def __eq__(self, other):
        if isinstance(other, datetime):
            keys = self._keys(other)
            return keys is not None and keys[0] == keys[1]
        if isinstance(other, date):
            return False
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, datetime):
            keys = self._keys(other)
            if keys is None:
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            return op(keys[0], keys[1])
        if isinstance(other, date):
            raise TypeError(f"can't compare {_type_name(self)} to {_type_name(other)}")
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._utc_micros())
        return self._hashcode

    def __reduce__(self):
        return (self.__class__, (self._year, self._month, self._day, self._hour, self._minute, self._second,
                                 self._microsecond, self._tzinfo))

    def __copy__(self):
        make, args = self.__reduce__()
        return make(*args)

    def __deepcopy__(self, memo):
        return self.__copy__()


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_date_class = date
_time_class = time


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError(f'timezone() argument 1 must be datetime.timedelta, not {type(offset).__name__}')
        if name is not None and not isinstance(name, str):
            raise TypeError(f'timezone() argument 2 must be str, not {type(name).__name__}')
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and '
                             f'timedelta(hours=24), not {offset!r}.')
        if name is None and not offset and cls is timezone and _UTC is not None:
            return _UTC
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return f'{_type_name(self)}.utc'
        if self._name is None:
            return f'{_type_name(self)}({self._offset!r})'
        return f'{_type_name(self)}({self._offset!r}, {self._name!r})'

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError('utcoffset() argument must be a datetime instance or None')

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is not None:
                return self._name
            if not self._offset:
                return 'UTC'
            return 'UTC' + _format_offset(self._offset)
        raise TypeError('tzname() argument must be a datetime instance or None')

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError('dst() argument must be a datetime instance or None')

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError('fromutc: dt.tzinfo is not self')
            return dt + self._offset
        raise TypeError('fromutc() argument must be a datetime instance or None')

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (self.__class__, self.__getinitargs__())

    def __copy__(self):
        make, args = self.__reduce__()
        return make(*args)

    def __deepcopy__(self, memo):
        return self.__copy__()


_UTC = None
_UTC = timezone(timedelta(0))
timezone.utc = _UTC
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _UTC
_LOCAL = timezone(timedelta(0), 'UTC')
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)

_OWN.update((date, time, datetime, timedelta, timezone, tzinfo, IsoCalendarDate))


def _struct_time(*fields):
    return _time.struct_time(fields)


# ISO 8601 parsing.

def _digits(s, i, n):
    """The int of the `n` ASCII digits of `s` at `i`, or None."""
    part = s[i:i + n]
    if len(part) != n or not part.isdigit() or not part.isascii():
        return None
    return int(part)


def _parse_isodate(s):
    """(year, month, day) of `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-Www-D` or `YYYYWwwD` at the start of `s`."""
    year = _digits(s, 0, 4)
    if year is None:
        return None
    dash = s[4:5] == '-'
    i = 5 if dash else 4
    if s[i:i + 1] == 'W':
        week = _digits(s, i + 1, 2)
        if week is None:
            return None
        j = i + 3
        if dash:
            if s[j:j + 1] != '-':
                return _isocal_to_ymd(year, week, 1) if len(s) == j else None
            j += 1
        day = _digits(s, j, 1)
        if day is None:
            return None
        return _isocal_to_ymd(year, week, day)
    month = _digits(s, i, 2)
    if month is None:
        return None
    i += 2
    if dash:
        if s[i:i + 1] != '-':
            return None
        i += 1
    day = _digits(s, i, 2)
    if day is None:
        return None
    return year, month, day


def _isodate_length(s):
    if s[4:5] == '-':
        return 8 if s[5:6] == 'W' and len(s) == 8 else 10
    if s[4:5] == 'W':
        return 8 if s[7:8].isdigit() else 7
    return 8


def _parse_isotime(s):
    """(hour, minute, second, microsecond, tzinfo) of an ISO time, or None."""
    tz = None
    for k, c in enumerate(s):
        if c in '+-Z':
            tzs = s[k:]
            s = s[:k]
            if tzs == 'Z':
                tz = _UTC
            else:
                off = _parse_isotime(tzs[1:])
                if off is None or off[4] is not None:
                    return None
                delta = timedelta(hours=off[0], minutes=off[1], seconds=off[2], microseconds=off[3])
                if tzs[0] == '-':
                    delta = -delta
                tz = timezone(delta)
            break
    hh = _digits(s, 0, 2)
    if hh is None:
        return None
    fields = [hh, 0, 0, 0]
    i = 2
    colon = s[2:3] == ':'
    for k in (1, 2):
        if i == len(s):
            break
        if colon:
            if s[i:i + 1] != ':':
                return None
            i += 1
        v = _digits(s, i, 2)
        if v is None:
            return None
        fields[k] = v
        i += 2
    if i < len(s):
        if s[i] not in '.,' or i < 6 + 2 * colon:
            return None
        frac = s[i + 1:]
        digits = frac[:6]
        if not frac or not frac.isdigit() or not frac.isascii():
            return None
        fields[3] = int(digits.ljust(6, '0'))
    return fields[0], fields[1], fields[2], fields[3], tz


def _parse_isodatetime(s):
    if len(s) < 7:
        return None
    n = _isodate_length(s)
    parsed = _parse_isodate(s[:n])
    if parsed is None:
        return None
    if len(s) == n:
        return parsed
    if len(s) == n + 1 or s[n].isdigit():
        return None
    t = _parse_isotime(s[n + 1:])
    if t is None:
        return None
    return parsed + t


# strptime: a backtracking matcher over the format's directives, as CPython's regular
# expressions match (first alternative first, case-insensitively).

def _num_choices(d):
    """The lengths a numeric directive may take, the longest first, and the allowed range."""
    if d == 'Y':
        return (4,), 0, 9999
    if d in 'mdHIMSy':
        lo, hi = {'m': (1, 12), 'd': (1, 31), 'H': (0, 23), 'I': (1, 12), 'M': (0, 59), 'S': (0, 61),
                  'y': (0, 99)}[d]
        return ((2,) if d == 'y' else (2, 1)), lo, hi
    if d == 'j':
        return (3, 2, 1), 1, 366
    if d == 'f':
        return (6, 5, 4, 3, 2, 1), 0, 999999
    if d in 'UW':
        return (2, 1), 0, 53
    if d in 'wu':
        return (1,), 0, 7
    return None


_NAMES = {
    'a': [(n.lower(), k) for k, n in enumerate(_DAYNAMES)],
    'A': [(n.lower(), k) for k, n in enumerate(_FULL_DAYNAMES)],
    'b': [(n.lower(), k) for k, n in enumerate(_MONTHNAMES) if n],
    'B': [(n.lower(), k) for k, n in enumerate(_FULL_MONTHNAMES) if n],
    'p': [('am', 0), ('pm', 1)],
    'Z': [('utc', 0), ('gmt', 0)],
}
for _k in _NAMES:
    _NAMES[_k].sort(key=lambda p: -len(p[0]))
_TOKENS = {}


def _tokens(fmt):
    """The format as ('lit', char), ('ws',) and ('dir', letter) tokens."""
    out = []
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError(f"stray % in format '{fmt}'")
            d = fmt[i + 1]
            i += 2
            if d == '%':
                out.append(('lit', '%'))
            elif d in 'YmdHIMSyjfUWwuaAbBphzZ':
                out.append(('dir', 'B' if d == 'B' else ('b' if d == 'h' else d)))
            elif d in 'cxXTDRF':
                out.extend(_tokens({'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S',
                                    'T': '%H:%M:%S', 'D': '%m/%d/%y', 'R': '%H:%M', 'F': '%Y-%m-%d'}[d]))
            else:
                raise ValueError(f"'{d}' is a bad directive in format '{fmt}'")
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(('ws',))
        else:
            out.append(('lit', c))
            i += 1
    return out


def _match(tokens, k, s, i, found):
    """Matches tokens[k:] against s[i:]; returns the end of the match, or -1."""
    if k == len(tokens):
        return i
    tok = tokens[k]
    kind = tok[0]
    if kind == 'lit':
        if s[i:i + 1].lower() == tok[1].lower():
            return _match(tokens, k + 1, s, i + 1, found)
        return -1
    if kind == 'ws':
        j = i
        while j < len(s) and s[j].isspace():
            j += 1
        if j == i:
            return -1
        while j > i:
            end = _match(tokens, k + 1, s, j, found)
            if end >= 0:
                return end
            j -= 1
        return -1
    d = tok[1]
    choice = _num_choices(d)
    if choice is not None:
        lengths, lo, hi = choice
        for n in lengths:
            part = s[i:i + n]
            if len(part) != n or not part.isdigit() or not part.isascii():
                continue
            v = int(part)
            if d == 'd' and n == 1 and v == 0:
                continue
            if not lo <= v <= hi and not (d == 'd' and v == 0):
                continue
            if n == 2 and d in 'mdIj' and v == 0:
                continue
            found[d] = part
            end = _match(tokens, k + 1, s, i + n, found)
            if end >= 0:
                return end
        if d == 'd' and s[i:i + 1] == ' ' and s[i + 1:i + 2].isdigit() and s[i + 1] != '0':
            found[d] = s[i + 1]
            end = _match(tokens, k + 1, s, i + 2, found)
            if end >= 0:
                return end
        found.pop(d, None)
        return -1
    if d == 'z':
        return _match_offset(tokens, k, s, i, found)
    low = s[i:].lower()
    for name, value in _NAMES[d]:
        if low.startswith(name):
            found[d] = value
            end = _match(tokens, k + 1, s, i + len(name), found)
            if end >= 0:
                return end
    found.pop(d, None)
    return -1


def _match_offset(tokens, k, s, i, found):
    if s[i:i + 1] == 'Z':
        found['z'] = timedelta(0)
        return _match(tokens, k + 1, s, i + 1, found)
    if s[i:i + 1] not in ('+', '-'):
        return -1
    sign = -1 if s[i] == '-' else 1
    j = i + 1
    hh = _digits(s, j, 2)
    if hh is None:
        return -1
    j += 2
    colon = s[j:j + 1] == ':'
    if colon:
        j += 1
    mm = _digits(s, j, 2)
    if mm is None or mm > 59:
        return -1
    j += 2
    ss, us = 0, 0
    k2 = j + 1 if colon else j
    if (not colon or s[j:j + 1] == ':') and _digits(s, k2, 2) is not None and int(s[k2:k2 + 2]) <= 59:
        ss = int(s[k2:k2 + 2])
        j = k2 + 2
        if s[j:j + 1] == '.':
            frac = ''
            while len(frac) < 6 and s[j + 1 + len(frac):j + 2 + len(frac)].isdigit():
                frac += s[j + 1 + len(frac)]
            if frac:
                us = int(frac.ljust(6, '0'))
                j += 1 + len(frac)
    found['z'] = sign * timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=us)
    return _match(tokens, k + 1, s, j, found)


def _strptime(data, fmt):
    if not isinstance(data, str):
        raise TypeError(f'strptime() argument 1 must be str, not {type(data).__name__}')
    if not isinstance(fmt, str):
        raise TypeError(f'strptime() argument 2 must be str, not {type(fmt).__name__}')
    tokens = _TOKENS.get(fmt)
    if tokens is None:
        tokens = _TOKENS[fmt] = _tokens(fmt)
    found = {}
    end = _match(tokens, 0, data, 0, found)
    if end < 0:
        raise ValueError(f'time data {data!r} does not match format {fmt!r}')
    if end != len(data):
        raise ValueError(f'unconverted data remains: {data[end:]}')
    year = 1900
    if 'Y' in found:
        year = int(found['Y'])
    elif 'y' in found:
        y = int(found['y'])
        year = 2000 + y if y <= 68 else 1900 + y
    month = int(found.get('m', 0)) or found.get('b', 0) or found.get('B', 0) or 1
    day = int(found.get('d', 1))
    hour = int(found.get('H', 0))
    if 'I' in found:
        hour = int(found['I']) % 12
        if found.get('p') == 1:
            hour += 12
    minute = int(found.get('M', 0))
    second = int(found.get('S', 0))
    us = int(found['f'].ljust(6, '0')) if 'f' in found else 0
    if 'j' in found and 'm' not in found and 'd' not in found:
        y, month, day = _ord2ymd(_ymd2ord(year, 1, 1) + int(found['j']) - 1)
    tz = None
    if 'z' in found:
        tz = timezone(found['z'])
    return (year, month, day, hour, minute, second, us), tz
