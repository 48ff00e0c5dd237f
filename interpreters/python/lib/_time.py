"""The part of the `time` module written in Python: strftime, strptime, mktime, asctime,
ctime and the time zone constants (local time is UTC in mtpy, as `time.localtime` says).

`time.__getattr__` copies these names into `time` when a program first asks for them.
"""

import time as _t

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _fields(t, name):
    if t is None:
        return tuple(_t.localtime())
    try:
        t = tuple(t)
    except TypeError:
        raise TypeError("Tuple or struct_time argument required") from None
    if len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % name if name != "strftime"
                        else "function takes exactly 9 arguments (%d given)" % len(t))
    return t


def strftime(format, t=None):
    import datetime
    year, mon, mday, hour, minute, sec = _fields(t, "strftime")[:6]
    if not 1 <= mon <= 12:
        raise ValueError("month out of range")
    if not 1 <= mday <= 31:
        raise ValueError("day of month out of range")
    obj = datetime.datetime(year, mon, mday, min(hour, 23), min(minute, 59), min(sec, 59))
    return datetime._wrap_strftime(obj, format, year, mon, mday, hour, minute, sec, 0)


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import datetime
    (year, mon, mday, hour, minute, sec, _us), _tz = datetime._strptime(string, format)
    wday = datetime.date(year, mon, mday).weekday()
    yday = datetime.date(year, mon, mday).timetuple().tm_yday
    return _t.struct_time((year, mon, mday, hour, minute, sec, wday, yday, -1))


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def mktime(t):
    year, mon, mday, hour, minute, sec = _fields(t, "mktime")[:6]
    days = _days_from_civil(year, mon, mday)
    return float(days * 86400 + hour * 3600 + minute * 60 + sec)


def timegm(t):
    return int(mktime(t))


def asctime(t=None):
    f = _fields(t, "asctime")
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYS[f[6]], _MONTHS[f[1] - 1], f[2], f[3], f[4],
                                            f[5], f[0])


def ctime(secs=None):
    return asctime(_t.localtime(secs))


def get_clock_info(name):
    import types
    return types.SimpleNamespace(adjustable=name == "time", implementation="clock_gettime",
                                 monotonic=name != "time", resolution=1e-09)


def thread_time():
    return _t.process_time()


def process_time_ns():
    return int(_t.process_time() * 1e9)


thread_time_ns = process_time_ns
