import calendar
print(calendar.isleap(2000), calendar.isleap(1900), calendar.isleap(2024), calendar.leapdays(1900, 2025))
print(calendar.weekday(2024, 2, 29), calendar.monthrange(2024, 2), calendar.monthrange(2023, 12))
print(calendar.monthcalendar(2024, 3))
print(calendar.month(2024, 3))
print(calendar.month(2023, 2, w=3, l=1))
calendar.prmonth(2021, 8)
print(list(calendar.day_name), list(calendar.month_abbr), calendar.day_abbr[0], calendar.month_name[12])
print(calendar.timegm((2024, 1, 1, 12, 30, 15, 0, 0, 0)), calendar.timegm((1970, 1, 1, 0, 0, 0)))
c = calendar.Calendar(firstweekday=6)
print(list(c.iterweekdays()), c.monthdayscalendar(2024, 2))
print(list(c.itermonthdays2(2024, 2))[:8])
print(c.monthdatescalendar(2024, 2)[0])
t = calendar.TextCalendar(calendar.SUNDAY)
print(t.formatmonth(2024, 9))
print(t.formatweekheader(3), "|", t.formatweekheader(9))
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(e, isinstance(e, ValueError))
try:
    calendar.setfirstweekday(9)
except ValueError as e:
    print(e)
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.weekheader(2))
print(calendar.calendar(2024))
calendar.setfirstweekday(0)
