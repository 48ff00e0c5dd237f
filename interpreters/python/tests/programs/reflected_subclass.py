# A subclass's reflected method goes first; when it gives NotImplemented, the left
# operand's forward method is tried (then TypeError), in loops so traces see both ways.
log = []


class A:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        log.append("A.add")
        return A(self.v + o.v)

    def __sub__(self, o):
        return NotImplemented

    def __iadd__(self, o):
        log.append("A.iadd")
        return NotImplemented


class B(A):
    def __radd__(self, o):
        log.append("B.radd")
        if self.v % 3 == 0:
            return B(self.v * 10 + o.v)
        return NotImplemented

    def __rsub__(self, o):
        return NotImplemented


class C(A):
    def __radd__(self, o):
        return NotImplemented


total = 0
errors = 0
for i in range(3000):
    a, b = A(i), B(i % 7)
    total += (a + b).v
    x = A(1)
    x += B(i % 5)
    total += x.v
    try:
        a - b
    except TypeError as e:
        errors += 1
        if i == 0:
            print(e)
    total += (A(2) + C(i % 4)).v
print(total, errors)
print(log[:8], len(log))
