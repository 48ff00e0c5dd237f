# list.pop in place (any index, errors), and sequences driven from Rust code: list(iter(l)),
# join over reversed, truthiness, len and the length hint of a half-used iterator.
import operator

l = list(range(10))
print(l.pop(), l.pop(0), l.pop(-2), l.pop(3), l)
for make in (list, lambda: [1]):
    for args in ((), (0,), (5,), (-2,)):
        try:
            print(make().pop(*args))
        except IndexError as e:
            print("IndexError:", e)

s = [[i] for i in range(300)]
total = 0
while s:
    total += s.pop(len(s) // 2)[0]
print(total, s, bool(s))

q = list(range(5))
for _ in range(7):
    q.append(q.pop(0))
print(q)

stack = []
for i in range(200):
    stack.append(i * i)
    if i % 3 == 0:
        stack.pop()
print(len(stack), sum(stack), stack[-3:])

word = "metatrace" * 20
print("".join(reversed(word))[:18], len(list(iter(word))))
items = list(range(250))
copy = list(iter(items))
print(copy == items, copy is items, len(tuple(iter(tuple(items)))))
it = iter(items)
for _ in range(100):
    next(it)
print(operator.length_hint(it), len(list(it)), operator.length_hint(it))
print(bool([]), bool([0]), bool(()), bool((0,)), len([1, 2, 3]), len(()))

d = list(range(12))
del d[0]
del d[-1]
del d[4]
del d[::3]
print(d)
for key in (20, -20):
    try:
        del d[key]
    except IndexError as e:
        print("IndexError:", e)
while d:
    del d[-1]
print(d)


class Shrinks:
    """An index whose __index__ empties the list it indexes."""

    def __init__(self, target):
        self.target = target

    def __index__(self):
        self.target.clear()
        return 2


e = [1, 2, 3, 4]
try:
    del e[Shrinks(e)]
except IndexError as ex:
    print("IndexError:", ex)
print(e)
