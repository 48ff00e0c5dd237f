# Frames of the callers: sys._getframe(n), f_back, inspect.stack(), traceback.extract_stack(),
# also from hot loops (compiled code must show the same frames as the interpreter).
import sys
import inspect
import traceback


def chain(frame):
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


def leaf(x):
    up = sys._getframe(1)
    return (up.f_code.co_name, up.f_lineno, sorted(up.f_locals.items()), x)


def middle(a, b=3):
    c = a * b
    return leaf(c)


def outer():
    return [middle(i) for i in range(2)]


for row in outer():
    print(row)

print(chain(sys._getframe()))


def two_up():
    return sys._getframe(2).f_code.co_name


def via():
    return two_up()


print(via())
print(inspect.currentframe().f_back)
print(inspect.currentframe().f_globals["__name__"])

try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)


class Body:
    seen = chain(sys._getframe())
    outer_name = sys._getframe(1).f_code.co_name


print(Body.seen, Body.outer_name)


def gen():
    yield chain(sys._getframe())
    yield sys._getframe(1).f_code.co_name


def consume():
    return list(gen())


print(consume())


def summary():
    return [(fs.name, fs.lineno, fs.line) for fs in traceback.extract_stack()]


def calls_summary():
    return summary()


for entry in calls_summary():
    print(entry)
print(len(traceback.format_stack()) >= 1)


def info():
    return [(fi.function, fi.lineno, fi.code_context, fi.index) for fi in inspect.stack()]


def calls_info():
    return info()


for entry in calls_info():
    print(entry)
fi = inspect.getframeinfo(sys._getframe(), context=3)
print(fi.function, fi.lineno, fi.code_context, fi.index)


# A hot loop: the callers' frames from inside compiled code, and from a rarely taken branch.
def who():
    return chain(sys._getframe(1))


def work(i):
    if i % 200 == 199:
        return who()
    return i


def hot():
    found = []
    total = 0
    for i in range(800):
        r = work(i)
        if isinstance(r, list):
            found.append(r)
        else:
            total += r
    return total, found


print(hot())


def each(i):
    return sys._getframe(1).f_locals["i"] + len(chain(sys._getframe()))


def hot_all():
    return sum(each(i) for i in range(300)), sum([each(i) for i in range(300)])


print(hot_all())


def depth(n):
    if n == 0:
        return chain(sys._getframe())
    return depth(n - 1)


print(depth(5))
