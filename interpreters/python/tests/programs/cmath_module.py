import cmath, math
vals = [1+2j, -3+4j, 0.5-0.25j, -2-1j, 2, -4, 1j, 3.5]
for z in vals:
    print(z, cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.phase(z), cmath.polar(z))
for f in ["sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos", "atan", "asinh", "acosh", "atanh", "log10"]:
    fn = getattr(cmath, f)
    print(f, [cmath.isclose(fn(z), fn(z)) for z in vals[:3]], ["%.12f %.12f" % (fn(z).real, fn(z).imag) for z in vals[:4]])
print(cmath.rect(2, math.pi / 2).real < 1e-15, cmath.rect(1, 0), cmath.log(8, 2), cmath.sqrt(-1), cmath.sqrt(0j))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nanj)
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isinf(complex(1, math.inf)), cmath.isnan(complex(math.nan, 0)), cmath.isfinite(1j))
try:
    cmath.log(0)
except ValueError as e:
    print(e)
try:
    cmath.sqrt("x")
except TypeError as e:
    print(e)
print(abs(cmath.exp(1j * math.pi) + 1) < 1e-15)
