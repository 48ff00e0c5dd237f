import time
from datetime import date, datetime, timezone, timedelta
for s in (0, 86399, 951782400, 1709251199.9, -1, -86401, 4102444800, 253402300799):
    g = time.gmtime(s); print(g, g.tm_year, g[6], tuple(g) == tuple(time.localtime(s)))
print(date(2024, 3, 1).timetuple(), datetime(2024, 12, 31, 5, 6, 7).timetuple(), datetime(2024, 2, 29, tzinfo=timezone.utc).timetuple())
print(datetime(2024, 2, 29, 1, tzinfo=timezone(timedelta(hours=3))).utctimetuple(), time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
try: time.struct_time((1, 2))
except TypeError as e: print(e)
