class A:
    pass
class B:
    def __add__(self, o):
        return NotImplemented
    __radd__ = __add__
try:
    print(A() + B())
except TypeError as e:
    print(e)
class C:
    def __radd__(self, o):
        return NotImplemented
try:
    print(A() + C())
except TypeError as e:
    print(e)
class A: pass
for op in (lambda: A() * 'ab', lambda: A() * [1], lambda: A() * (1,), lambda: A() * b'x', lambda: A() + 'a', lambda: A() * 2):
    try: op()
    except TypeError as e: print(e)
from datetime import timedelta
try: timedelta(1) * 'a'
except TypeError as e: print(e)
