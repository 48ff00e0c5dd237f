from datetime import *
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
t(date, 0, 1, 1); t(date, 2020, 13, 1); t(date, 2020, 2, 30); t(date, 2020.0, 1, 1); t(date, '2020', 1, 1); t(date, 10000, 1, 1)
t(time, 24); t(time, 1, 60); t(time, 1, 1, 60); t(time, 1,1,1,1000000); t(time, fold=2); t(time, tzinfo=1)
t(timezone, 5); t(timezone, timedelta(hours=24)); t(timezone, timedelta(hours=1), 5); t(timezone, timedelta(hours=-5, minutes=-30), 'X')
t(timedelta, days=10**9); t(lambda: timedelta(days=999999999) + timedelta(1)); t(lambda: date.max + timedelta(1)); t(lambda: date.min - timedelta(1))
t(lambda: datetime(2020,1,1) - datetime(2020,1,1,tzinfo=timezone.utc)); t(lambda: datetime(2020,1,1) < datetime(2020,1,1,tzinfo=timezone.utc))
t(lambda: datetime(2020,1,1) == datetime(2020,1,1,tzinfo=timezone.utc)); t(lambda: date(2020,1,1) < datetime(2020,1,1)); t(lambda: date(2020,1,1) == datetime(2020,1,1))
t(lambda: time(1) < time(1, tzinfo=timezone.utc)); 
t(date.fromisoformat, '2020-1-1'); t(date.fromisoformat, 5); t(datetime.fromisoformat, '2020-01-01T25:00'); t(datetime.strptime, '2020', '%Q'); t(datetime.strptime, '2020-01', '%Y')
t(datetime.strptime, 'x', '%Y'); t(datetime.strptime, 5, '%Y'); t(datetime.strptime, '2020-02-30', '%Y-%m-%d'); t(datetime.strptime, '2020', '%'); t(time.fromisoformat, '25:00')
t(lambda: timedelta(1) / 0); t(lambda: timedelta(1) // 0); t(lambda: timedelta(1) % timedelta(0))
class TZ(tzinfo):
    def utcoffset(self, dt): return 5
t(lambda: datetime(2020,1,1,tzinfo=TZ()).utcoffset())
class TZ2(tzinfo):
    def utcoffset(self, dt): return timedelta(days=1)
t(lambda: datetime(2020,1,1,tzinfo=TZ2()).utcoffset()); t(lambda: tzinfo().utcoffset(None)); t(lambda: tzinfo().tzname(None)); t(lambda: tzinfo().dst(None))
t(lambda: format(date(2020,1,1), 5)); t(time(1).isoformat, timespec='x'); t(lambda: date(2020,1,1).replace(month=13))
t(datetime.fromtimestamp, 1e20); t(date.fromordinal, 0); t(date.fromisocalendar, 2020, 54, 1); t(date.fromisocalendar, 2020, 1, 8)
t(timedelta, 'a')
t(lambda: date(2020,1,1) < 5); t(lambda: timedelta(1) < 5); t(lambda: timedelta(1) + 5); t(lambda: date(2020,1,1) + 5)
t(lambda: time(1) + timedelta(1)); t(lambda: timedelta(1) / 'a'); t(lambda: date(2020, 1, 1).foo); t(lambda: hash(5) + datetime(2020, 1, 1))
t(lambda: 1 - timezone.utc); t(lambda: len(date(2020, 1, 1))); t(lambda: date(2020, 1, 1)[0])
print(date.__name__, datetime.__qualname__, type(timedelta(1)).__name__, repr(date), timezone.__name__)
