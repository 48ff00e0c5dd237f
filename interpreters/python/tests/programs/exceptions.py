# try/except/else/finally, raise from, custom exceptions, exceptions in loops
class AppError(Exception):
    pass
def risky(i):
    if i % 3 == 0:
        raise AppError("bad %d" % i)
    if i % 3 == 1:
        return {}["missing"]
    return i
caught = []
for i in range(9):
    try:
        r = risky(i)
    except AppError as e:
        caught.append(("app", str(e)))
    except KeyError as e:
        caught.append(("key", repr(e)))
    else:
        caught.append(("ok", r))
    finally:
        caught.append(i)
print(caught)
def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("wrapped") from e
    except ValueError as e:
        return (str(e), type(e.__cause__).__name__)
print(nested())
n = 0
for i in range(30000):
    try:
        n += 10 // (i % 4)
    except ZeroDivisionError:
        n -= 1
print(n)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
print(int("12") + len("abc"))
