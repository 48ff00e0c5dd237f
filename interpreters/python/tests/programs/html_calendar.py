# calendar.HTMLCalendar: months, years and a year page as HTML.
import calendar

h = calendar.HTMLCalendar()
print(h.formatmonth(2024, 2))
print(h.formatmonth(2023, 12, withyear=False))
print(calendar.HTMLCalendar(6).formatweekheader())
print(h.formatday(0, 3), h.formatday(9, 6), h.formatweekday(6))
print(h.formatyear(2025, 4)[:600])
page = h.formatyearpage(2021, 6, css=None, encoding='ascii')
print(type(page).__name__, page[:400].decode())


class Plain(calendar.HTMLCalendar):
    cssclasses = ['day'] * 7
    cssclass_noday = 'empty'


print(Plain().formatweek([(0, 0), (1, 1), (2, 2)]))
