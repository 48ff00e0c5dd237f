# The math functions refuse a wrong number of arguments with CPython's messages.
import math
names = "acos asin atan atan2 ceil copysign cos degrees fabs floor isfinite isinf isnan radians sin sqrt tan trunc acosh asinh atanh cbrt cosh erf erfc exp exp2 expm1 factorial fmod frexp gamma isqrt ldexp lgamma log10 log1p log2 modf nextafter pow remainder sinh tanh ulp".split()
for n in names:
    f = getattr(math, n)
    out = []
    for a in ((), (1.0, 2.0, 3.0)):
        try:
            f(*a); out.append("ok")
        except TypeError as e:
            out.append(str(e))
    print(n, "|", out[0], "|", out[1])
