from datetime import *
import copy
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
for s in ['2024-01-02T03:04', '2024-01-02T03', '2024-01-02T03:04:05.1', '2024-01-02T03:04:05,123', '2024-01-02T03:04:05.1234567', '2024-01-02T03:04:05+0530', '2024-01-02T03:04:05-08', '2024-01-02T030405', '2024-W01-1T10:00', '2024W011', '2024-01-02T03:04:05.000+00:00', '2024-01-02X03:04', '2024-01-02T', '2024-1-02', '', '2024-01-02T24:00', '2024-01-02T03:04:05+25:00', '2024-01-02 03:04:05Z']:
    t(datetime.fromisoformat, s)
for s in ['2024-W01', '2024-W01-7', '20240229', '2023-02-29', '2024-13-01', '2024/01/02', '2024-001']:
    t(date.fromisoformat, s)
for s in ['03:04', '030405', '03:04:05.5', '03:04:05+01:00', 'T03:04', '3:04', '03:04:05.123Z']:
    t(time.fromisoformat, s)
for args in [('10', '%d'), ('2024 5', '%Y %j'), ('Mon Jan 1 2024', '%a %b %d %Y'), ('12 AM', '%I %p'), ('12 pm', '%I %p'), ('99', '%y'), ('69', '%y'), ('5:6:7', '%H:%M:%S'), ('2024-01-02  03', '%Y-%m-%d %H'),
             ('2024-01-0203', '%Y-%m-%d%H'), ('123', '%f'), ('1234567', '%f'), ('Z', '%z'), ('-0130', '%z'), ('+01:30:15', '%z'), ('UTC', '%Z'), ('31/12/99 23:59', '%x %H:%M'), ('monday', '%A'), ('SEPTEMBER', '%B'),
             ('2024-02-30', '%Y-%m-%d'), ('2024', '%Y %m'), ('2024-1-2', '%Y-%m-%d'), ('100%', '%d%%'), ('  2024', '%Y'), ('2024 ', '%Y'), ('2024\t01', '%Y %m')]:
    t(datetime.strptime, *args)
d = datetime(2024, 5, 6, 7, 8, 9, 10, tzinfo=timezone(timedelta(hours=-7)))
print(copy.copy(d), copy.deepcopy(d), copy.deepcopy(timedelta(3)), copy.copy(date(2020, 1, 1)), copy.deepcopy(time(1, tzinfo=timezone.utc)))
t(d.replace, hour=25); t(date(2020, 2, 29).replace, year=2021); print(d.replace(tzinfo=None), d.replace(microsecond=0).isoformat(timespec='milliseconds'))
print(d.isoformat(timespec='microseconds'), d.isoformat(timespec='hours'), time(1, 2, 3, tzinfo=timezone(timedelta(minutes=90, seconds=5))).isoformat())
print(datetime.max - datetime.min, date.max - date.min, timedelta.max + timedelta.min, datetime(2000, 1, 1) - timedelta(microseconds=1))
t(lambda: datetime.max + timedelta(microseconds=1)); t(lambda: datetime.min - timedelta(1)); t(lambda: timedelta.max + timedelta.resolution)
print(max(date(2020, 1, 1), date(2021, 1, 1)), min([datetime(2020, 1, 1, 1), datetime(2020, 1, 1)]), sorted([time(5), time(1, 30), time(1)]))
print(timedelta(days=1) // 3, timedelta(seconds=7) / 2, timedelta(hours=1) * 1.5, round(timedelta(hours=1).total_seconds()), timedelta(seconds=1.5).total_seconds(), timedelta(microseconds=1.5), timedelta(microseconds=2.5), timedelta(microseconds=-1.5))
print(timedelta(seconds=1e-7), timedelta(days=1e-10), timedelta(weeks=0.1), timedelta(milliseconds=-0.5), timedelta(minutes=0.0001))
print(f"{datetime(2024, 1, 2, 15, 4):%Y-%m-%d %I:%M %p}", "{:%H}".format(time(9)), format(timedelta(1)), format(datetime(2024, 1, 2)), '%s' % date(2020, 1, 1))
print(date(2024, 1, 2).strftime(''), datetime(5, 1, 1).strftime('%Y|%y|%G'), datetime(2024, 1, 2).strftime('%Q %'), date(2024,1,2).strftime('%e|%D|%T|%R|%F|%C|%h'))
print(datetime(2024, 3, 10, 8, tzinfo=timezone.utc) < datetime(2024, 3, 10, 4, tzinfo=timezone(timedelta(hours=-5))), datetime(2024, 3, 10, tzinfo=timezone.utc) != datetime(2024, 3, 10))
print(timezone(timedelta(hours=2)) == timezone(timedelta(hours=2), 'X'), timezone.utc == timezone(timedelta(0)), hash(timezone.utc) == hash(timezone(timedelta(0), 'Z')))
print(date.today() > date(2020, 1, 1), datetime.now().year >= 2024, datetime.now(timezone.utc).tzinfo, type(datetime.utcnow()).__name__)
print(datetime(2024,1,1).astimezone(timezone(timedelta(hours=1))), datetime.fromtimestamp(0).isoformat(), datetime(1970,1,1).timestamp(), datetime(2038, 1, 19, 3, 14, 8, tzinfo=timezone.utc).timestamp())
print(datetime(2024, 5, 5, 12).date().isoformat(), datetime.combine(date(2024, 5, 5), time(1, tzinfo=timezone.utc)).timetz(), date(2024, 5, 5) in {date(2024, 5, 5)})
print(timedelta(1) == 1, date(2020, 1, 1) == '2020-01-01', time(1) == 1, timedelta(0) == timedelta(), bool(time(0)), bool(date.min))
