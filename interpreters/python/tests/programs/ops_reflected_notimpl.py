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
