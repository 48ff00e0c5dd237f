"""Decimal fixed and floating point arithmetic: Decimal, contexts, rounding modes.

mtpy's own implementation of the commonly used part of CPython's decimal: exact decimal
values (sign, integer coefficient, exponent) with CPython's string forms, arithmetic rounded
to the context precision (28 digits, ROUND_HALF_EVEN by default), quantize and rounding
modes, comparisons and hashes consistent with int and float, and format specs.
"""

import math as _math
from collections import namedtuple as _namedtuple

__all__ = [
    "Decimal", "Context", "DecimalTuple", "DefaultContext", "BasicContext", "ExtendedContext",
    "DecimalException", "Clamped", "InvalidOperation", "DivisionByZero", "Inexact", "Rounded",
    "Subnormal", "Overflow", "Underflow", "FloatOperation", "DivisionImpossible",
    "DivisionUndefined", "ConversionSyntax", "ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN",
    "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP",
    "getcontext", "setcontext", "localcontext", "MAX_PREC", "MAX_EMAX", "MIN_EMIN",
]

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999

DecimalTuple = _namedtuple("DecimalTuple", "sign digits exponent")


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


class Context:
    """Precision, rounding mode and limits of decimal arithmetic."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        self.prec = 28 if prec is None else prec
        self.rounding = ROUND_HALF_EVEN if rounding is None else rounding
        self.Emin = -999999 if Emin is None else Emin
        self.Emax = 999999 if Emax is None else Emax
        self.capitals = 1 if capitals is None else capitals
        self.clamp = 0 if clamp is None else clamp
        self.flags = {} if flags is None else flags
        self.traps = {InvalidOperation: True, DivisionByZero: True, Overflow: True} \
            if traps is None else traps

    def __setattr__(self, name, value):
        if name == "prec" and (not isinstance(value, int) or value < 1):
            raise ValueError("valid range for prec is [1, MAX_PREC]")
        if name == "rounding" and value not in _ROUNDINGS:
            raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, "
                            "ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, "
                            "ROUND_HALF_EVEN,\n   ROUND_05UP]")
        object.__setattr__(self, name, value)

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def __repr__(self):
        flags = [f.__name__ for f, v in self.flags.items() if v]
        traps = [t.__name__ for t, v in self.traps.items() if v]
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, "
                "flags=[%s], traps=[%s])" % (self.prec, self.rounding, self.Emin, self.Emax,
                                            self.capitals, self.clamp, ", ".join(flags),
                                            ", ".join(traps)))

    def create_decimal(self, num="0"):
        return Decimal(num)._round(self)

    def _raise(self, cls, message):
        self.flags[cls] = True
        raise cls(message)

    def add(self, a, b):
        return Decimal(a).__add__(b, self)

    def subtract(self, a, b):
        return Decimal(a).__sub__(b, self)

    def multiply(self, a, b):
        return Decimal(a).__mul__(b, self)

    def divide(self, a, b):
        return Decimal(a).__truediv__(b, self)

    def sqrt(self, a):
        return Decimal(a).sqrt(self)

    def quantize(self, a, b):
        return Decimal(a).quantize(b, context=self)


DefaultContext = Context()
BasicContext = Context(prec=9, traps={})
ExtendedContext = Context(prec=9, traps={})

_current = [DefaultContext.copy()]


def getcontext():
    return _current[0]


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
    _current[0] = context


class _LocalContext:
    def __init__(self, ctx):
        self.new = ctx.copy()

    def __enter__(self):
        self.saved = getcontext()
        setcontext(self.new)
        return self.new

    def __exit__(self, *exc):
        setcontext(self.saved)


def localcontext(ctx=None, **kwargs):
    local = _LocalContext(ctx if ctx is not None else getcontext())
    for key, value in kwargs.items():
        setattr(local.new, key, value)
    return local


def _round_coefficient(coef, drop, rounding, negative):
    """`coef` with its last `drop` digits removed, rounded by `rounding`."""
    if drop <= 0:
        return coef
    div = 10 ** drop
    q, r = divmod(coef, div)
    if r == 0:
        return q
    half = div // 2
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_HALF_UP:
        up = r >= half if div > 1 else False
        up = r * 2 >= div
    elif rounding == ROUND_HALF_DOWN:
        up = r * 2 > div
    elif rounding == ROUND_HALF_EVEN:
        up = r * 2 > div or (r * 2 == div and q % 2 == 1)
    elif rounding == ROUND_CEILING:
        up = not negative
    elif rounding == ROUND_FLOOR:
        up = negative
    else:  # ROUND_05UP
        up = q % 5 == 0
    return q + 1 if up else q


def _parse(text):
    s = text.strip().replace("_", "")
    sign = 0
    if s[:1] in "+-" and s:
        sign = 1 if s[0] == "-" else 0
        s = s[1:]
    low = s.lower()
    if low in ("inf", "infinity"):
        return sign, 0, "F"
    if low in ("nan", "snan") or (low.startswith("nan") and low[3:].isdigit()):
        return sign, 0, "n"
    mantissa, exp = s, 0
    for marker in ("e", "E"):
        if marker in s:
            mantissa, _, exp_text = s.partition(marker)
            if not exp_text or not (exp_text.lstrip("+-").isdigit()) or \
                    exp_text.count("-") + exp_text.count("+") > 1:
                return None
            exp = int(exp_text)
            break
    whole, dot, frac = mantissa.partition(".")
    if not (whole + frac) or not (whole + frac).isdigit() or not (whole + frac).isascii():
        return None
    return sign, int(whole + frac), exp - len(frac)


def _place_point(digits, point, exp, mark, always_exp):
    """`digits` with the decimal point after the first `point` of them (zeros added as
    needed), then `mark` and exponent `exp` (left out when it is 0, unless `always_exp`)."""
    if point <= 0:
        text = "0." + "0" * -point + digits
    elif point >= len(digits):
        text = digits + "0" * (point - len(digits))
    else:
        text = digits[:point] + "." + digits[point:]
    if exp or always_exp:
        text += mark + ("+" if exp >= 0 else "-") + str(abs(exp))
    return text


# -- exp, ln and log10 to any precision, in fixed point: an int n stands for n / 10**scale.

def _atanh_fixed(num, den, scale):
    """atanh(num/den) (|num/den| well below 1) in fixed point."""
    if num < 0:
        return -_atanh_fixed(-num, den, scale)
    one = 10 ** scale
    z = num * one // den
    z2 = z * z // one
    term = z
    total = z
    k = 1
    while term:
        term = term * z2 // one
        k += 2
        total += term // k
    return total


def _ln_fixed(coef, exp, scale):
    """ln(coef * 10**exp) (coef > 0) in fixed point."""
    guard = scale + 10
    one = 10 ** guard
    length = len(str(coef))
    # coef * 10**exp = f * 10**(exp + length) with f in [0.1, 1), then f * 2**j in
    # [0.75, 1.5).
    f = coef * one // 10 ** length
    j = 0
    while f * 4 < one * 3:
        f *= 2
        j += 1
    ln2 = 2 * _atanh_fixed(1, 3, guard)
    ln10 = 3 * ln2 + 2 * _atanh_fixed(1, 9, guard)
    result = 2 * _atanh_fixed(f - one, f + one, guard) - j * ln2 + (exp + length) * ln10
    return result // 10 ** 10


def _exp_fixed(num, den, scale):
    """exp(num/den) (num >= 0) in fixed point, as a pair (n, scale') for n / 10**scale'."""
    halvings = (num // den + 1).bit_length() + 1
    guard = scale + halvings + 10
    one = 10 ** guard
    y = num * one // (den << halvings)
    term = one
    total = one
    k = 0
    while term:
        k += 1
        term = term * y // (one * k)
        total += term
    for _ in range(halvings):
        total = total * total // one
    return total, guard


def _correctly_rounded(sign, coef, exp, context):
    rounding = Context(prec=context.prec, rounding=ROUND_HALF_EVEN)
    return Decimal._make(sign, coef, exp)._round(rounding)


def _ln_decimal(value, context, extra=0):
    """ln(value) of a positive finite Decimal, `context.prec + extra` digits."""
    digits = context.prec + extra
    scale = digits + 10
    while True:
        n = _ln_fixed(value._int, value._exp, scale)
        if len(str(abs(n))) >= digits + 6:
            break
        # Near ln(1) = 0 the leading digits cancel: more places after the point.
        scale += digits + 6 - len(str(abs(n)))
    return Decimal._make(1 if n < 0 else 0, abs(n), -scale)


def _exp_decimal(value, context):
    """exp(value) of a finite Decimal, rounded to the context precision."""
    num, den = value._value()
    if num == 0:
        return Decimal(1)
    # exp(x) = 10**q * exp(x - q ln 10), with 0 <= x - q ln 10 < ln 10.
    q = _math.floor(num / den / 2.302585092994046) if abs(num) < den * 10 ** 300 else None
    if q is None:
        raise OverflowError("exponent of exp() out of range")
    scale = context.prec + 10
    fine = scale + len(str(abs(q))) + 5
    ln10 = _ln_fixed(10, 0, fine)
    rest = num * 10 ** fine // den - q * ln10
    while rest < 0:
        q -= 1
        rest += ln10
    while rest >= ln10:
        q += 1
        rest -= ln10
    n, scale = _exp_fixed(rest, 10 ** fine, scale)
    return _correctly_rounded(0, n, q - scale, context)


class Decimal:
    """A decimal number: (-1)**sign * coefficient * 10**exponent, or a special value."""

    __slots__ = ("_sign", "_int", "_exp", "_special")

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        self._special = None
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = (value._sign, value._int,
                                                               value._exp, value._special)
            return self
        if isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(int(value))
            self._exp = 0
            return self
        if isinstance(value, float):
            if value != value:
                self._sign, self._int, self._exp, self._special = 0, 0, 0, "n"
                return self
            if value in (float("inf"), float("-inf")):
                self._sign, self._int, self._exp, self._special = int(value < 0), 0, 0, "F"
                return self
            sign = 1 if _math.copysign(1.0, value) < 0 else 0
            n, d = abs(value).as_integer_ratio()
            k = d.bit_length() - 1
            self._sign, self._int, self._exp = sign, n * 5 ** k, -k
            return self
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                getcontext()._raise(InvalidOperation, "[<class 'decimal.ConversionSyntax'>]")
            self._sign, self._int, self._exp = parsed
            if self._exp in ("F", "n"):
                self._special = self._exp
                self._exp = 0
            return self
        if isinstance(value, (tuple, list)):
            sign, digits, exp = value
            self._sign = sign
            self._int = int("".join(str(d) for d in digits) or "0")
            if exp in ("F", "n", "N"):
                self._special = "F" if exp == "F" else "n"
                self._exp = 0
            else:
                self._exp = exp
            return self
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        return cls(f)

    # -- text
    def __str__(self, eng=False):
        sign = "-" if self._sign else ""
        if self._special == "F":
            return sign + "Infinity"
        if self._special == "n":
            return sign + "NaN"
        digits = str(self._int)
        # `point`: how many of the digits come before the decimal point (may be <= 0, or
        # more than there are digits).
        before = self._exp + len(digits)
        if self._exp <= 0 and before > -6:
            point = before
        elif not eng:
            point = 1
        elif self._int == 0:
            # Engineering notation keeps the exponent a multiple of three.
            point = (before + 1) % 3 - 1
        else:
            point = (before - 1) % 3 + 1
        return sign + _place_point(digits, point, before - point, "E", False)


    def __repr__(self):
        return "Decimal('%s')" % self

    def to_eng_string(self, context=None):
        return self.__str__(eng=True)

    def __format__(self, spec):
        import re
        m = re.fullmatch(r"(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([eEfFgGn%])?",
                         spec)
        if m is None:
            raise ValueError("invalid format string")
        fill, align, sign_opt, _z, _alt, zero, width, group, prec, kind = m.groups()
        if self._special:
            body = str(abs(self)) if self._special == "F" else "NaN"
            body = "Infinity" if self._special == "F" else "NaN"
            negative = bool(self._sign)
        else:
            value = self
            if kind == "%":
                value = Decimal((self._sign, tuple(map(int, str(self._int))), self._exp + 2))
            negative = bool(value._sign) and not value.is_zero() or bool(value._sign)
            if kind in ("f", "F", "%"):
                if prec is not None:
                    value = value.quantize(Decimal((0, (1,), -int(prec))),
                                           rounding=getcontext().rounding)
                body = abs(value)._plain()
            elif kind in ("e", "E", "g", "G", "n"):
                body = abs(value)._scientific(kind, None if prec is None else int(prec))
            else:
                if prec is not None:
                    digits = len(str(value._int))
                    rounded = value._round(Context(prec=int(prec)))
                    body = str(abs(rounded))
                    del digits
                else:
                    body = str(abs(value))
            if kind == "%":
                body += "%"
        if group:
            whole, dot, rest = body.partition(".")
            if whole.isdigit():
                parts = []
                while len(whole) > 3:
                    parts.insert(0, whole[-3:])
                    whole = whole[:-3]
                parts.insert(0, whole)
                body = group.join(parts) + dot + rest
        sign = "-" if negative else ("+" if sign_opt == "+" else (" " if sign_opt == " " else ""))
        width = int(width) if width else 0
        if zero and not align:
            fill, align = "0", "="
        fill = fill or " "
        align = align or ">"
        pad = width - len(sign) - len(body)
        if pad <= 0:
            return sign + body
        if align == "<":
            return sign + body + fill * pad
        if align == "^":
            left = pad // 2
            return fill * left + sign + body + fill * (pad - left)
        if align == "=":
            return sign + fill * pad + body
        return fill * pad + sign + body

    def _scientific(self, kind, prec):
        # The digits of a finite, non-negative value in format kind e/E/g/G/n, rounded to
        # `prec` places after the point (e) or significant digits (g) by the context.
        rounding = getcontext().rounding
        value = self
        if prec is not None:
            if kind in "eE":
                value = value._round(Context(prec=prec + 1, rounding=rounding))
                short = prec + 1 - len(str(value._int))
                if short > 0 and value._int:
                    value = Decimal._make(value._sign, value._int * 10 ** short, value._exp - short)
            else:
                prec = prec or 1
                if len(str(value._int)) > prec:
                    value = value._round(Context(prec=prec, rounding=rounding))
        digits = str(value._int)
        before = value._exp + len(digits)
        if kind in "eE":
            point = 1 - prec if value._int == 0 and prec is not None else 1
        elif value._exp <= 0 and before > -6:
            point = before
        else:
            point = 1
        mark = "E" if kind in "EG" else "e"
        return _place_point(digits, point, before - point, mark, kind in "eE")

    def _plain(self):
        digits = str(self._int)
        if self._exp >= 0:
            return ("-" if self._sign else "") + digits + "0" * self._exp
        point = len(digits) + self._exp
        if point > 0:
            text = digits[:point] + "." + digits[point:]
        else:
            text = "0." + "0" * (-point) + digits
        return ("-" if self._sign else "") + text

    # -- helpers
    def _value(self):
        """The value as a (numerator, denominator) pair of ints."""
        n = -self._int if self._sign else self._int
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        return n, 10 ** -self._exp

    def _round(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            return self
        digits = len(str(self._int))
        if digits <= context.prec:
            return self
        drop = digits - context.prec
        coef = _round_coefficient(self._int, drop, context.rounding, self._sign)
        exp = self._exp + drop
        if len(str(coef)) > context.prec:
            coef //= 10
            exp += 1
        return Decimal((self._sign, tuple(map(int, str(coef))), exp))

    @staticmethod
    def _make(sign, coef, exp):
        d = object.__new__(Decimal)
        d._sign, d._int, d._exp, d._special = sign, coef, exp, None
        return d

    def _check_nan(self, other):
        if self._special == "n" or (other is not None and other._special == "n"):
            return Decimal("NaN")
        return None

    # -- arithmetic
    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        nan = self._check_nan(other)
        if nan is not None:
            return nan
        if self._special or other._special:
            if self._special and other._special and self._sign != other._sign:
                getcontext()._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
            return Decimal(self if self._special else other)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        sign = 1 if total < 0 else 0
        if total == 0:
            sign = self._sign & other._sign
        return Decimal._make(sign, abs(total), exp)._round(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self.__add__(-other if not other._special else other.copy_negate(), context)

    def __rsub__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        nan = self._check_nan(other)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self.is_zero() or other.is_zero():
                getcontext()._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
            return Decimal((sign, (0,), "F"))
        return Decimal._make(sign, self._int * other._int, self._exp + other._exp)._round(context)

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        nan = self._check_nan(other)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if other._special == "F":
            return Decimal._make(sign, 0, 0) if not self._special else \
                context._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
        if self._special == "F":
            return Decimal((sign, (0,), "F"))
        if other._int == 0:
            if self._int == 0:
                context._raise(DivisionUndefined, "[<class 'decimal.DivisionUndefined'>]")
            context._raise(DivisionByZero, "[<class 'decimal.DivisionByZero'>]")
        ideal = self._exp - other._exp
        if self._int == 0:
            return Decimal._make(sign, 0, ideal)
        shift = len(str(other._int)) - len(str(self._int)) + context.prec + 1
        if shift >= 0:
            q, r = divmod(self._int * 10 ** shift, other._int)
        else:
            q, r = divmod(self._int, other._int * 10 ** -shift)
        exp = ideal - shift
        if r:
            if q % 5 == 0:
                q += 1
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return Decimal._make(sign, q, exp)._round(context)

    def __rtruediv__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self)

    def _divmod(self, other):
        if other._int == 0 and not other._special:
            if self._int == 0:
                getcontext()._raise(DivisionUndefined, "[<class 'decimal.DivisionUndefined'>]")
            getcontext()._raise(DivisionByZero, "[<class 'decimal.DivisionByZero'>]")
        an, ad = self._value()
        bn, bd = other._value()
        num, den = an * bd, ad * bn
        q = abs(num) // abs(den)
        sign = 1 if (num < 0) != (den < 0) else 0
        quotient = Decimal._make(sign, q, 0)
        exp = min(self._exp, other._exp)
        rem_value = Decimal._make(0, 0, 0)
        # remainder = self - quotient * other, exactly
        rem_num = an * bd - (-q if sign else q) * bn * ad
        rem_den = ad * bd
        scale = 10 ** -exp if exp < 0 else 1
        rem_coef = rem_num * scale // rem_den if exp < 0 else rem_num // rem_den // (10 ** exp)
        rem_value = Decimal._make(1 if rem_coef < 0 or (rem_coef == 0 and self._sign) else 0,
                                  abs(rem_coef), exp)
        return quotient, rem_value

    def __floordiv__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)[0]

    def __rfloordiv__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self)

    def __mod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)[1]._round()

    def __rmod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self)

    def __divmod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self._divmod(other)

    def __rdivmod__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__divmod__(self)

    def __pow__(self, other, modulo=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if not other._special and (other._exp >= 0 or other._int % 10 ** -other._exp == 0):
            # An integral exponent (1.0 too): the exact power, rounded.
            n = other._value()[0] // other._value()[1]
            if n >= 0:
                result = Decimal._make(self._sign if n % 2 else 0, self._int ** n,
                                       self._exp * n)._round()
            else:
                result = Decimal(1).__truediv__(
                    Decimal._make(self._sign if n % 2 else 0, self._int ** -n, self._exp * -n))
            if modulo is not None:
                result = result % modulo
            return result
        context = getcontext()
        if self._special or other._special:
            value = float(self) ** float(other)
            return Decimal(repr(value))._round()
        if self._int == 0:
            return Decimal("Infinity") if other._sign else Decimal(0)
        if self._sign:
            context._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
        if self == 1:
            # (Inexact in general: the full precision's digits.)
            return Decimal._make(0, 10 ** (context.prec - 1), 1 - context.prec)
        # x ** y = exp(y * ln x), ln x with enough digits for the product's.
        extra = 6 + len(str(abs(other._exp + len(str(other._int)))))
        ln = _ln_decimal(self, context, extra + max(0, other.adjusted()))
        product = Decimal._make(ln._sign ^ other._sign, ln._int * other._int, ln._exp + other._exp)
        result = _exp_decimal(product, context)
        if modulo is not None:
            result = result % modulo
        return result

    def __rpow__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self)

    def __neg__(self):
        if self._special:
            return self.copy_negate()
        return Decimal._make(0 if self._int == 0 else 1 - self._sign, self._int,
                             self._exp)._round()

    def __pos__(self):
        if self._special:
            return Decimal(self)
        return Decimal._make(0 if self._int == 0 else self._sign, self._int, self._exp)._round()

    def __abs__(self):
        if self._special:
            return Decimal((0, (0,), "F" if self._special == "F" else "n"))
        return Decimal._make(0, self._int, self._exp)._round()

    def copy_abs(self):
        d = Decimal(self)
        d._sign = 0
        return d

    def copy_negate(self):
        d = Decimal(self)
        d._sign = 1 - d._sign
        return d

    def copy_sign(self, other):
        d = Decimal(self)
        d._sign = _convert(other)._sign
        return d

    # -- comparisons
    def _cmp(self, other):
        if self._special == "F" or other._special == "F":
            a = (-1 if self._sign else 1) if self._special == "F" else 0
            b = (-1 if other._sign else 1) if other._special == "F" else 0
            if a != b:
                return (a > b) - (a < b)
            if a:
                return 0
        an, ad = self._value()
        bn, bd = other._value()
        left, right = an * bd, bn * ad
        return (left > right) - (left < right)

    def _compare_with(self, other, op):
        if isinstance(other, float):
            if other != other:
                return False if op != "ne" else True
            other = Decimal(other)
        else:
            other = _convert(other)
            if other is NotImplemented:
                return other
        if self._special == "n" or other._special == "n":
            if op in ("eq", "ne"):
                return op == "ne"
            getcontext()._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
        c = self._cmp(other)
        return {"eq": c == 0, "ne": c != 0, "lt": c < 0, "le": c <= 0, "gt": c > 0,
                "ge": c >= 0}[op]

    def __eq__(self, other):
        return self._compare_with(other, "eq")

    def __ne__(self, other):
        return self._compare_with(other, "ne")

    def __lt__(self, other):
        return self._compare_with(other, "lt")

    def __le__(self, other):
        return self._compare_with(other, "le")

    def __gt__(self, other):
        return self._compare_with(other, "gt")

    def __ge__(self, other):
        return self._compare_with(other, "ge")

    def compare(self, other, context=None):
        other = _convert(other)
        if self._special == "n" or other._special == "n":
            return Decimal("NaN")
        return Decimal(self._cmp(other))

    def max(self, other, context=None):
        other = _convert(other)
        return other if self._cmp(other) < 0 else self

    def min(self, other, context=None):
        other = _convert(other)
        return other if self._cmp(other) > 0 else self

    def __hash__(self):
        if self._special == "n":
            return object.__hash__(self)
        if self._special == "F":
            return hash(float("-inf") if self._sign else float("inf"))
        n, d = self._value()
        if d == 1:
            return hash(n)
        from fractions import Fraction
        return hash(Fraction(n, d))

    def __bool__(self):
        return bool(self._int) or bool(self._special)

    # -- conversions
    def __float__(self):
        if self._special == "n":
            return float("nan")
        if self._special == "F":
            return float("-inf") if self._sign else float("inf")
        return float(str(self))

    def __int__(self):
        if self._special:
            if self._special == "n":
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __floor__(self):
        n, d = self._value()
        return n // d

    def __ceil__(self):
        n, d = self._value()
        return -((-n) // d)

    def __round__(self, n=None):
        if n is None:
            if self._special:
                return self.__int__()
            return int(self.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
        return self.quantize(Decimal._make(0, 1, -n))

    def as_tuple(self):
        if self._special:
            return DecimalTuple(self._sign, (0,) if self._special == "F" else (),
                                "F" if self._special == "F" else "n")
        return DecimalTuple(self._sign, tuple(map(int, str(self._int))), self._exp)

    def as_integer_ratio(self):
        if self._special:
            raise ValueError("cannot convert NaN to integer ratio") if self._special == "n" \
                else OverflowError("cannot convert Infinity to integer ratio")
        from fractions import Fraction
        f = Fraction(*self._value())
        return f.numerator, f.denominator

    # -- rounding and shape
    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._special or exp._special:
            if self._special == "n" or exp._special == "n":
                return Decimal("NaN")
            if self._special and exp._special:
                return Decimal(self)
            context._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
        target = exp._exp
        if target >= self._exp:
            coef = _round_coefficient(self._int, target - self._exp, rounding, self._sign)
        else:
            coef = self._int * 10 ** (self._exp - target)
        if len(str(coef)) > context.prec:
            context._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
        return Decimal._make(self._sign if coef or self._sign else 0, coef, target)

    def to_integral_value(self, rounding=None, context=None):
        if self._special or self._exp >= 0:
            return Decimal(self)
        if rounding is None:
            rounding = getcontext().rounding
        return self.quantize(Decimal(1), rounding=rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        if self._special:
            return Decimal(self)
        d = self._round(context)
        if d._int == 0:
            return Decimal._make(d._sign, 0, 0)
        coef, exp = d._int, d._exp
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        return Decimal._make(d._sign, coef, exp)

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + len(str(self._int)) - 1

    def sqrt(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            return Decimal(self)
        if self._sign and self._int:
            context._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
        if self._int == 0:
            return Decimal._make(self._sign, 0, self._exp // 2)
        prec = context.prec + 1
        exp = self._exp
        coef = self._int
        if exp % 2:
            coef *= 10
            exp -= 1
        shift = max(0, prec * 2 - len(str(coef)) + 2)
        if shift % 2:
            shift += 1
        root = _math.isqrt(coef * 10 ** shift)
        exact = root * root == coef * 10 ** shift
        rexp = (exp - shift) // 2
        if not exact and root % 5 == 0:
            root += 1
        result = Decimal._make(0, root, rexp)._round(context)
        if exact:
            ideal = self._exp // 2
            coef, e = result._int, result._exp
            while e < ideal and coef % 10 == 0:
                coef //= 10
                e += 1
            result = Decimal._make(0, coef, e)
        return result

    def exp(self, context=None):
        context = context or getcontext()
        if self._special == "n":
            return Decimal(self)
        if self._special == "F":
            return Decimal(0) if self._sign else Decimal(self)
        return _exp_decimal(self, context)

    def _log_domain(self, context):
        # The special and out-of-domain cases of ln and log10 (None: a positive number).
        if self._special == "n":
            return Decimal(self)
        if self._int == 0 and not self._special:
            return Decimal("-Infinity")
        if self._sign:
            context._raise(InvalidOperation, "[<class 'decimal.InvalidOperation'>]")
        if self._special == "F":
            return Decimal(self)
        return None

    def ln(self, context=None):
        context = context or getcontext()
        special = self._log_domain(context)
        if special is not None:
            return special
        if self == 1:
            return Decimal(0)
        return _ln_decimal(self, context, 3)._round(Context(prec=context.prec))

    def log10(self, context=None):
        context = context or getcontext()
        special = self._log_domain(context)
        if special is not None:
            return special
        digits = str(self._int)
        if digits.rstrip("0") == "1":
            # An exact power of ten: an exact integer.
            return Decimal(self._exp + len(digits) - 1)
        ln = _ln_decimal(self, context, 6)
        ln10 = _ln_decimal(Decimal(10), context, 6)
        shift = context.prec + 12
        num = ln._int * 10 ** shift // ln10._int
        result = Decimal._make(ln._sign, num, ln._exp - ln10._exp - shift)
        return result._round(Context(prec=context.prec))

    def fma(self, other, third, context=None):
        return (self * other + third)

    # -- predicates
    def is_nan(self):
        return self._special == "n"

    def is_qnan(self):
        return self._special == "n"

    def is_snan(self):
        return False

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return bool(self._sign)

    def is_normal(self, context=None):
        return not self._special and self._int != 0

    def is_integer(self):
        if self._special:
            return False
        n, d = self._value()
        return n % d == 0

    def __reduce__(self):
        return (type(self), (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self


def _convert(other):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    return NotImplemented


try:
    import numbers as _numbers
    _numbers.Number.register(Decimal)
except Exception:
    pass
