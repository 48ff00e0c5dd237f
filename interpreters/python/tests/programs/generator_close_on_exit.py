# A generator only a for loop (or comprehension) refers to is closed when the loop is left
# early (break, return, an exception), so its finally and with blocks run then, as in CPython.
def numbers(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("numbers cleanup", n)

for x in numbers(5):
    if x == 2:
        break
print("after break")

def first_over(limit):
    for x in numbers(10):
        if x > limit:
            return x
print("first_over", first_over(3))

for x in (y * 2 for y in numbers(3)):
    if x:
        break
print("after genexp")

g = numbers(4)
for x in g:
    if x == 1:
        break
print("named generator kept", next(g))
for x in iter(g):
    break
print("iter() kept", next(g, "done"))

def with_resource():
    class R:
        def __enter__(self): print("enter"); return self
        def __exit__(self, *a): print("exit", a[0]); return False
    with R():
        yield 1
        yield 2

for v in with_resource():
    print("got", v)
    break
print("after with")

for a in numbers(2):
    for b in numbers(3):
        if b == 1:
            break
    print("inner done", a)
    break
print("nested done")

def started_once():
    try:
        yield 1
    finally:
        print("unstarted cleanup")
for z in started_once():
    break
print("end")
while True:
    for q in numbers(7):
        break
    break
print("while")

def fail_inside():
    for x in numbers(6):
        if x == 1:
            raise ValueError("boom")
try:
    fail_inside()
except ValueError as e:
    print("caught", e)

try:
    for x in numbers(8):
        {}[x]
except KeyError as e:
    print("caught key", e)

def outer_gen():
    for x in numbers(9):
        yield x
og = outer_gen()
print(next(og), next(og))
og.close()
print("outer closed")
print(sum(x for x in numbers(3)), list(numbers(2)))
for i in range(3):
    for x in numbers(11):
        if x == i:
            break
        print("x", x)
print("done")
try:
    print([10 // (x - 1) for x in range(3) for y in numbers(4)])
except ZeroDivisionError as e:
    print("listcomp", e)
print({x: y for x in numbers(2) for y in numbers(2) if x})


def stubborn():
    try:
        yield 1
    finally:
        yield 2


for x in stubborn():
    break
print("an error while closing is reported, not raised")
