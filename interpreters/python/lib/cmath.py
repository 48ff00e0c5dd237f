"""Complex math: square roots, exponentials, logarithms, trigonometric and hyperbolic
functions and their inverses, polar coordinates, `isclose` and the constants.

Written over `math` with the standard formulas (principal branches, the signs of zero
where the formulas keep them); results can differ from CPython's in the last digit, and
values near overflow are not rescaled as CPython's C code does.
"""

import math as _m

pi = _m.pi
e = _m.e
tau = _m.tau
inf = _m.inf
nan = _m.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)


def _c(z):
    if isinstance(z, complex):
        return z
    if isinstance(z, (int, float)):
        return complex(float(z), 0.0)
    if hasattr(type(z), '__complex__'):
        return complex(z)
    if hasattr(type(z), '__float__') or hasattr(type(z), '__index__'):
        return complex(float(z), 0.0)
    raise TypeError("must be real number, not %s" % type(z).__name__)


def phase(z):
    """The argument of z, in [-pi, pi]."""
    z = _c(z)
    return _m.atan2(z.imag, z.real)


def polar(z):
    """(abs(z), phase(z))."""
    z = _c(z)
    return _m.hypot(z.real, z.imag), _m.atan2(z.imag, z.real)


def rect(r, phi):
    """The complex number with modulus r and argument phi."""
    r = float(r)
    phi = float(phi)
    if phi == 0.0:
        return complex(r, phi * r)
    return complex(r * _m.cos(phi), r * _m.sin(phi))


def sqrt(z):
    """The principal square root of z."""
    z = _c(z)
    x, y = z.real, z.imag
    if _m.isinf(y):
        return complex(inf, y)
    if _m.isnan(x) or _m.isnan(y):
        return complex(nan, nan)
    if x == 0.0 and y == 0.0:
        return complex(0.0, y)
    s = _m.sqrt((abs(x) + _m.hypot(x, y)) / 2.0)
    d = abs(y) / (2.0 * s)
    if x >= 0.0:
        return complex(s, _m.copysign(d, y))
    return complex(d, _m.copysign(s, y))


def exp(z):
    """e to the power z."""
    z = _c(z)
    x, y = z.real, z.imag
    r = _m.exp(x)
    if y == 0.0:
        return complex(r, y)
    return complex(r * _m.cos(y), r * _m.sin(y))


def log(z, base=None):
    """The natural logarithm of z (to `base` if given)."""
    z = _c(z)
    if z.real == 0.0 and z.imag == 0.0:
        raise ValueError("math domain error")
    r = complex(_m.log(_m.hypot(z.real, z.imag)), _m.atan2(z.imag, z.real))
    if base is not None:
        b = log(base)
        r = r / b
    return r


def log10(z):
    """The base-10 logarithm of z."""
    r = log(z)
    ln10 = _m.log(10.0)
    return complex(r.real / ln10, r.imag / ln10)


def sinh(z):
    z = _c(z)
    x, y = z.real, z.imag
    if y == 0.0:
        return complex(_m.sinh(x), y)
    return complex(_m.sinh(x) * _m.cos(y), _m.cosh(x) * _m.sin(y))


def cosh(z):
    z = _c(z)
    x, y = z.real, z.imag
    if y == 0.0:
        return complex(_m.cosh(x), y * x if x else 0.0 * y)
    return complex(_m.cosh(x) * _m.cos(y), _m.sinh(x) * _m.sin(y))


def tanh(z):
    z = _c(z)
    x, y = z.real, z.imag
    if abs(x) > 354.0:
        return complex(_m.copysign(1.0, x), 4.0 * _m.sin(y) * _m.cos(y) * _m.exp(-2.0 * abs(x)))
    tx = _m.tanh(x)
    ty = _m.tan(y)
    cx = 1.0 / _m.cosh(x)
    txty = tx * ty
    denom = 1.0 + txty * txty
    return complex(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)


def sin(z):
    z = _c(z)
    r = sinh(complex(-z.imag, z.real))
    return complex(r.imag, -r.real)


def cos(z):
    z = _c(z)
    return cosh(complex(-z.imag, z.real))


def tan(z):
    z = _c(z)
    r = tanh(complex(-z.imag, z.real))
    return complex(r.imag, -r.real)


def asinh(z):
    z = _c(z)
    s1 = sqrt(complex(1.0 + z.imag, -z.real))
    s2 = sqrt(complex(1.0 - z.imag, z.real))
    return complex(_m.asinh(s1.real * s2.imag - s2.real * s1.imag),
                   _m.atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag))


def asin(z):
    z = _c(z)
    s = asinh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def acos(z):
    z = _c(z)
    s1 = sqrt(complex(1.0 - z.real, -z.imag))
    s2 = sqrt(complex(1.0 + z.real, z.imag))
    return complex(2.0 * _m.atan2(s1.real, s2.real),
                   _m.asinh(s2.real * s1.imag - s2.imag * s1.real))


def acosh(z):
    z = _c(z)
    s1 = sqrt(complex(z.real - 1.0, z.imag))
    s2 = sqrt(complex(z.real + 1.0, z.imag))
    return complex(_m.asinh(s1.real * s2.real + s1.imag * s2.imag),
                   2.0 * _m.atan2(s1.imag, s2.real))


def atanh(z):
    z = _c(z)
    x, y = z.real, z.imag
    if x < 0.0 or (x == 0.0 and _m.copysign(1.0, x) < 0):
        r = atanh(complex(-x, -y))
        return complex(-r.real, -r.imag)
    if x == 1.0 and y == 0.0:
        raise ValueError("math domain error")
    ay = abs(y)
    real = _m.log1p(4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)) / 4.0
    imag = -_m.atan2(-2.0 * y, (1.0 - x) * (1.0 + x) - ay * ay) / 2.0
    return complex(real, imag)


def atan(z):
    z = _c(z)
    s = atanh(complex(-z.imag, z.real))
    return complex(s.imag, -s.real)


def isfinite(z):
    z = _c(z)
    return _m.isfinite(z.real) and _m.isfinite(z.imag)


def isinf(z):
    z = _c(z)
    return _m.isinf(z.real) or _m.isinf(z.imag)


def isnan(z):
    z = _c(z)
    return _m.isnan(z.real) or _m.isnan(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    """Whether a and b are within rel_tol (relative) or abs_tol (absolute) of each other."""
    a = _c(a)
    b = _c(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(b - a)
    return (diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a)) or diff <= abs_tol
