"""Rational numbers: `Fraction(numerator, denominator)`, always kept in lowest terms."""

import math
import numbers
import operator

__all__ = ['Fraction']

# The modulus of CPython's numeric hashes, and the hash of infinity.
_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159


def _parse(text):
    """The (numerator, denominator) a Fraction literal spells, or None when it is not one."""
    s = text.strip()
    if not s:
        return None
    sign = 1
    if s[0] in '+-':
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num, _, den = s.partition('/')
        n, d = _digits(num), _digits(den)
        if n is None or d is None:
            return None
        return sign * n, d
    mantissa, exp = s, 0
    for mark in 'eE':
        if mark in s:
            mantissa, _, e = s.partition(mark)
            if e[:1] in ('+', '-'):
                esign, e = (-1 if e[0] == '-' else 1), e[1:]
            else:
                esign = 1
            e = _digits(e)
            if e is None:
                return None
            exp = esign * e
            break
    whole, dot, frac = mantissa.partition('.')
    if not whole and not frac:
        return None
    w = _digits(whole) if whole else 0
    f = _digits(frac) if frac else 0
    if w is None or f is None:
        return None
    n = w * 10 ** len(frac) + f
    exp -= len(frac)
    if exp >= 0:
        return sign * n * 10 ** exp, 1
    return sign * n, 10 ** -exp


def _digits(s):
    """The value of decimal digits `s` (single underscores allowed between them), or None."""
    if not s or s[0] == '_' or s[-1] == '_' or '__' in s:
        return None
    s = s.replace('_', '')
    if not s.isdigit() or not s.isascii():
        return None
    return int(s)


def _rational(x):
    return isinstance(x, (int, Fraction))


class Fraction:
    """A rational number: `Fraction(3, 4)`, `Fraction('3/4')`, `Fraction(0.75)`."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif _rational(numerator) and _rational(denominator):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                numerator, denominator = (
                    Fraction(numerator)._numerator * Fraction(denominator)._denominator,
                    Fraction(denominator)._numerator * Fraction(numerator)._denominator,
                )
            else:
                numerator, denominator = int(numerator), int(denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)' % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)' % (cls.__name__, dec, type(dec).__name__))

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # The last convergent, or the semiconvergent before it: whichever is closer
        # (the convergent on a tie).
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # Arithmetic: the exact result with ints and Fractions, a float with floats, a complex
    # with complex numbers.
    def _operands(a, b, op):
        if isinstance(b, (int, Fraction)):
            return None
        if isinstance(b, float):
            return op(float(a), b)
        if isinstance(b, complex):
            return op(complex(float(a)), b)
        return NotImplemented

    def __add__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                            a._denominator * b._denominator)
        return a._operands(b, operator.add)

    def __radd__(b, a):
        if isinstance(a, (int, Fraction)):
            return Fraction(a) + b
        return b._roperands(a, operator.add)

    def __sub__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                            a._denominator * b._denominator)
        return a._operands(b, operator.sub)

    def __rsub__(b, a):
        if isinstance(a, (int, Fraction)):
            return Fraction(a) - b
        return b._roperands(a, operator.sub)

    def __mul__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)
        return a._operands(b, operator.mul)

    def __rmul__(b, a):
        if isinstance(a, (int, Fraction)):
            return Fraction(a) * b
        return b._roperands(a, operator.mul)

    def __truediv__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)
        return a._operands(b, operator.truediv)

    def __rtruediv__(b, a):
        if isinstance(a, (int, Fraction)):
            return Fraction(a) / b
        return b._roperands(a, operator.truediv)

    def __floordiv__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return (a._numerator * b._denominator) // (a._denominator * b._numerator)
        return a._operands(b, operator.floordiv)

    def __rfloordiv__(b, a):
        if isinstance(a, (int, Fraction)):
            return Fraction(a) // b
        return b._roperands(a, operator.floordiv)

    def __mod__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            da, db = a._denominator, b._denominator
            return Fraction((a._numerator * db) % (b._numerator * da), da * db)
        return a._operands(b, operator.mod)

    def __rmod__(b, a):
        if isinstance(a, (int, Fraction)):
            return Fraction(a) % b
        return b._roperands(a, operator.mod)

    def __divmod__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            da, db = a._denominator, b._denominator
            q, r = divmod(a._numerator * db, da * b._numerator)
            return q, Fraction(r, da * db)
        return a._operands(b, divmod)

    def __rdivmod__(b, a):
        if isinstance(a, (int, Fraction)):
            return divmod(Fraction(a), b)
        return b._roperands(a, divmod)

    def _roperands(b, a, op):
        if isinstance(a, float):
            return op(a, float(b))
        if isinstance(a, complex):
            return op(a, complex(float(b)))
        return NotImplemented

    def __pow__(a, b):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            if b._denominator == 1:
                power = b._numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False)
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, (int, Fraction)):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __float__(a):
        return a._numerator / a._denominator

    def __complex__(a):
        return complex(float(a))

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            if remainder * 2 > d:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(abs(self._numerator)) * dinv % _HASH_MODULUS
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


numbers.Rational.register(Fraction)
