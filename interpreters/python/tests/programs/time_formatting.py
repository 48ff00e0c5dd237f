import time
t = time.gmtime(1700000000)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %%", t), time.asctime(t))
print(time.strptime("2023-11-14", "%Y-%m-%d"))
print(time.strftime("%d/%m/%Y", (2020, 5, 17, 0, 0, 0, 0, 1, -1)))
print(len(time.strftime("%Y-%m-%d")), type(time.localtime()).__name__)
