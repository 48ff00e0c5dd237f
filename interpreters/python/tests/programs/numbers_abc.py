import numbers
from fractions import Fraction
for v in (1, True, 1.5, 2j, Fraction(1, 3), 'x', None):
    print(type(v).__name__, [isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Real), issubclass(Fraction, numbers.Integral), numbers.Integral.__mro__[1].__name__)
class Weird(numbers.Integral):
    pass
try:
    Weird()
except TypeError as e:
    print(str(e)[:60])
