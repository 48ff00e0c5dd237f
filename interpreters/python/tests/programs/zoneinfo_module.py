# zoneinfo over the system TZif files: offsets, DST and names from transitions and from the
# POSIX rule past them, PEP 495 folds around the changes, conversions, errors.
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones
from datetime import datetime, timedelta, timezone
ny = ZoneInfo("America/New_York")
print(ny, repr(ny), ny is ZoneInfo("America/New_York"), ny.key)
for d in [datetime(2024, 1, 15, 12), datetime(2024, 7, 4, 9, 30), datetime(2024, 3, 10, 2, 30), datetime(2024, 3, 10, 2, 30, fold=1), datetime(2024, 11, 3, 1, 30), datetime(2024, 11, 3, 1, 30, fold=1), datetime(1900, 1, 1), datetime(2077, 6, 1), datetime(2077, 12, 1), datetime(1970, 1, 1), datetime(1883, 11, 18, 12, 5)]:
    a = d.replace(tzinfo=ny)
    print(a, a.utcoffset(), a.dst(), a.tzname(), a.astimezone(timezone.utc), a.isoformat())
u = datetime(2024, 11, 3, 5, 30, tzinfo=timezone.utc)
for h in range(4):
    x = (u + timedelta(minutes=30 * h)).astimezone(ny)
    print(x, x.fold, x.tzname())
u = datetime(2024, 3, 10, 6, 30, tzinfo=timezone.utc)
for h in range(4):
    x = (u + timedelta(minutes=30 * h)).astimezone(ny)
    print(x, x.fold, x.tzname())
for key in ["Europe/London", "Europe/Paris", "Asia/Tokyo", "Australia/Sydney", "UTC", "America/Los_Angeles", "Etc/GMT+5"]:
    z = ZoneInfo(key)
    for d in [datetime(2023, 1, 10, 8), datetime(2023, 7, 10, 8), datetime(2045, 1, 10, 8), datetime(2045, 7, 10, 8)]:
        a = d.replace(tzinfo=z)
        print(key, a, a.tzname(), a.utcoffset(), a.dst())
    print(datetime(2023, 6, 1, 12, tzinfo=timezone.utc).astimezone(z), datetime(2050, 12, 1, 12, tzinfo=timezone.utc).astimezone(z))
try:
    ZoneInfo("Mars/Olympus")
except ZoneInfoNotFoundError as e:
    print(type(e).__name__, e, isinstance(e, KeyError))
try:
    ZoneInfo("/etc/passwd")
except ValueError as e:
    print("ValueError:", e)
print(callable(available_timezones))
print(datetime(2024, 5, 1, 12, tzinfo=ZoneInfo("Europe/Berlin")) - datetime(2024, 5, 1, 12, tzinfo=ZoneInfo("America/Chicago")))
print(datetime.fromtimestamp(1700000000, ZoneInfo("Asia/Tokyo")), datetime(2024, 1, 1, tzinfo=ny).timestamp())
print(sorted([datetime(2024, 1, 1, 9, tzinfo=ny), datetime(2024, 1, 1, 9, tzinfo=ZoneInfo("Europe/London"))]))
