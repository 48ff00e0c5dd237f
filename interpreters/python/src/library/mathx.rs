//! The rest of the `math` module: hyperbolic functions, `erf`, `gamma`, float decomposition
//! (`frexp`, `ldexp`, `modf`, `fmod`, `remainder`, `nextafter`, `ulp`), integer functions
//! (`comb`, `perm`, `factorial`, `isqrt`, `gcd`, `lcm`), `prod`, `dist`, and the logarithms
//! of ints of any size; with CPython's errors (`math domain error` is a ValueError, `math
//! range error` an OverflowError).

use super::math::fnum;
use super::*;
use crate::bytecode::BinOp;

rows! {
    "math.sinh" => m_sinh,
    "math.cosh" => m_cosh,
    "math.tanh" => m_tanh,
    "math.asinh" => m_asinh,
    "math.acosh" => m_acosh,
    "math.atanh" => m_atanh,
    "math.exp" => m_exp,
    "math.exp2" => m_exp2,
    "math.expm1" => m_expm1,
    "math.log1p" => m_log1p,
    "math.cbrt" => m_cbrt,
    "math.erf" => m_erf,
    "math.erfc" => m_erfc,
    "math.gamma" => m_gamma,
    "math.lgamma" => m_lgamma,
    "math.log" => m_log,
    "math.log2" => m_log2,
    "math.log10" => m_log10,
    "math.pow" => m_pow,
    "math.frexp" => m_frexp,
    "math.ldexp" => m_ldexp,
    "math.modf" => m_modf,
    "math.fmod" => m_fmod,
    "math.remainder" => m_remainder,
    "math.nextafter" => m_nextafter,
    "math.ulp" => m_ulp,
    "math.comb" => m_comb,
    "math.perm" => m_perm,
    "math.factorial" => m_factorial,
    "math.isqrt" => m_isqrt,
    "math.gcd" => m_gcd,
    "math.lcm" => m_lcm,
    "math.prod" => m_prod,
    "math.dist" => m_dist,
}

// The C library's functions that Rust's `f64` lacks (CPython calls the same ones).
#[link(name = "m")]
unsafe extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn frexp(x: f64, e: *mut i32) -> f64;
    fn ldexp(x: f64, e: i32) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
}

/// How a float function failed.
enum MathError {
    Domain,
    Range,
}

fn math_err<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, e: MathError) -> PyResult {
    match e {
        MathError::Domain => err(cx, rt, "ValueError", "math domain error"),
        MathError::Range => err(cx, rt, "OverflowError", "math range error"),
    }
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an infinity from a finite
/// argument a range error if the function can overflow, else a domain error.
fn checked(x: f64, r: f64, can_overflow: bool) -> Result<f64, MathError> {
    if r.is_nan() && !x.is_nan() {
        return Err(MathError::Domain);
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { MathError::Range } else { MathError::Domain });
    }
    Ok(r)
}

fn float_result<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: Result<f64, MathError>) -> PyResult {
    match r {
        Ok(v) => Ok(new_float(cx.heap_mut(), v)),
        Err(e) => math_err(cx, rt, e),
    }
}

/// A float argument: an int too big for a float is an OverflowError.
fn float_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], k: usize, fname: &str) -> Result<f64, usize> {
    let x = fnum(cx, rt, args, k, fname)?;
    if x.is_infinite() && !is(args[k], &FLOAT) {
        return Err(crate::errors::new_error(cx, rt, "OverflowError", "int too large to convert to float"));
    }
    Ok(x)
}

macro_rules! math1 {
    ($($name:ident($x:ident, $overflow:expr) = $e:expr;)*) => {$(
        pub(super) fn $name<S: Space>(
            cx: &mut Cx<'_, S>,
            rt: &Python,
            _: Option<usize>,
            args: &[usize],
            _: Kw<'_>,
        ) -> PyResult {
            let $x = float_arg(cx, rt, args, 0, &stringify!($name)[2..])?;
            let r: f64 = $e;
            float_result(cx, rt, checked($x, r, $overflow))
        }
    )*};
}
math1! {
    m_sinh(x, true) = x.sinh();
    m_cosh(x, true) = x.cosh();
    m_tanh(x, false) = x.tanh();
    m_asinh(x, false) = x.asinh();
    m_acosh(x, false) = x.acosh();
    m_atanh(x, false) = if x.abs() >= 1.0 { f64::NAN } else { x.atanh() };
    m_exp(x, true) = x.exp();
    m_exp2(x, true) = x.exp2();
    m_expm1(x, true) = x.exp_m1();
    m_log1p(x, false) = if x <= -1.0 { f64::NAN } else { x.ln_1p() };
    m_cbrt(x, false) = cbrt(x);
    m_erf(x, false) = unsafe { erf(x) };
    m_erfc(x, false) = unsafe { erfc(x) };
}

/// The cube root as the GNU C library computes it (CPython calls it; it is not always
/// correctly rounded, so Rust's differs in the last digit).
fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_164_8;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_474_8;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let mut xe = 0i32;
    let xm = unsafe { frexp(x.abs(), &mut xe) };
    let u = 0.354_895_765_043_919_86
        + (1.508_191_937_815_848_96
            + (-2.114_994_941_673_712_87
                + (2.446_931_225_635_344_3
                    + (-1.834_692_774_836_130_86
                        + (0.784_932_344_976_639_262 - 0.145_263_899_385_486_377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    unsafe { ldexp(if x > 0.0 { ym } else { -ym }, xe / 3) }
}

/// Lanczos approximation of the gamma function, as CPython's `mathmodule.c` has it.
mod lanczos {
    pub const G: f64 = 6.024_680_040_776_729_583_740_234_375;
    pub const G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
    const NUM: [f64; 13] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ];
    const DEN: [f64; 13] = [
        0.0,
        39916800.0,
        120543840.0,
        150917976.0,
        105258076.0,
        45995730.0,
        13339535.0,
        2637558.0,
        357423.0,
        32670.0,
        1925.0,
        66.0,
        1.0,
    ];

    pub fn sum(x: f64) -> f64 {
        let (mut num, mut den) = (0.0, 0.0);
        if x < 5.0 {
            for i in (0..13).rev() {
                num = num * x + NUM[i];
                den = den * x + DEN[i];
            }
        } else {
            for i in 0..13 {
                num = num / x + NUM[i];
                den = den / x + DEN[i];
            }
        }
        num / den
    }

    /// sin(pi * x), accurately for finite `x`.
    pub fn sinpi(x: f64) -> f64 {
        use std::f64::consts::PI;
        let y = x.abs() % 2.0;
        let n = (2.0 * y).round() as i32;
        let r = match n {
            0 => (PI * y).sin(),
            1 => (PI * (y - 0.5)).cos(),
            2 => (PI * (1.0 - y)).sin(),
            3 => -(PI * (y - 1.5)).cos(),
            _ => (PI * (y - 2.0)).sin(),
        };
        1f64.copysign(x) * r
    }
}

fn tgamma(x: f64) -> Result<f64, MathError> {
    use lanczos::*;
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(MathError::Domain) };
    }
    if x == 0.0 {
        return Err(MathError::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathError::Domain);
        }
        if x <= 23.0 {
            return Ok((1..x as u64).map(|k| k as f64).product());
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(MathError::Range) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(MathError::Range) };
    }
    let y = absx + G_MINUS_HALF;
    let z = if absx > G_MINUS_HALF { (y - absx) - G_MINUS_HALF } else { (y - G_MINUS_HALF) - absx };
    let z = z * G / y;
    let r = if x < 0.0 {
        let mut r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r / y.powf(absx - 0.5)
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r / s / s
        }
    } else {
        let mut r = sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r * y.powf(absx - 0.5)
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r * s * s
        }
    };
    if r.is_infinite() {
        Err(MathError::Range)
    } else {
        Ok(r)
    }
}

fn lgamma(x: f64) -> Result<f64, MathError> {
    use lanczos::*;
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(MathError::Domain) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = sum(absx).ln() - G;
    r += (absx - 0.5) * ((absx + G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = std::f64::consts::PI.ln() - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        Err(MathError::Range)
    } else {
        Ok(r)
    }
}

macro_rules! native {
    ($($name:ident(|$cx:ident, $rt:ident, $args:ident, $kw:ident| $body:expr);)*) => {$(
        pub(super) fn $name<S: Space>(
            $cx: &mut Cx<'_, S>,
            $rt: &Python,
            _: Option<usize>,
            $args: &[usize],
            $kw: Kw<'_>,
        ) -> PyResult {
            let _ = &$kw;
            $body
        }
    )*};
}

native! {
    m_gamma(|cx, rt, args, kw| {
        let x = float_arg(cx, rt, args, 0, "gamma")?;
        float_result(cx, rt, tgamma(x))
    });
    m_lgamma(|cx, rt, args, kw| {
        let x = float_arg(cx, rt, args, 0, "lgamma")?;
        float_result(cx, rt, lgamma(x))
    });
    m_log(|cx, rt, args, kw| {
        let x = log_of(cx, rt, args, 0, "log", f64::ln)?;
        if args.len() < 2 {
            return Ok(new_float(cx.heap_mut(), x));
        }
        let base = log_of(cx, rt, args, 1, "log", f64::ln)?;
        if base == 0.0 {
            return err(cx, rt, "ZeroDivisionError", "float division by zero");
        }
        Ok(new_float(cx.heap_mut(), x / base))
    });
    m_log2(|cx, rt, args, kw| {
        let x = log_of(cx, rt, args, 0, "log2", f64::log2)?;
        Ok(new_float(cx.heap_mut(), x))
    });
    m_log10(|cx, rt, args, kw| {
        let x = log_of(cx, rt, args, 0, "log10", f64::log10)?;
        Ok(new_float(cx.heap_mut(), x))
    });
    m_pow(|cx, rt, args, kw| {
        let (x, y) = (float_arg(cx, rt, args, 0, "pow")?, float_arg(cx, rt, args, 1, "pow")?);
        let r = x.powf(y);
        let r = if x.is_finite() && y.is_finite() {
            if r.is_nan() {
                Err(MathError::Domain)
            } else if r.is_infinite() {
                Err(if x == 0.0 { MathError::Domain } else { MathError::Range })
            } else {
                Ok(r)
            }
        } else {
            Ok(r)
        };
        float_result(cx, rt, r)
    });
    m_frexp(|cx, rt, args, kw| {
        let x = float_arg(cx, rt, args, 0, "frexp")?;
        let (m, e) = if x == 0.0 || !x.is_finite() {
            (x, 0)
        } else {
            let mut e = 0i32;
            (unsafe { frexp(x, &mut e) }, e)
        };
        let m = new_float(cx.heap_mut(), m);
        let _ = metatrace::Ctx::root(cx, m);
        let e = new_int(cx.heap_mut(), e as i64);
        Ok(new_tuple(cx.heap_mut(), &[m, e]))
    });
    m_ldexp(|cx, rt, args, kw| {
        let x = float_arg(cx, rt, args, 0, "ldexp")?;
        let e = arg(cx, rt, args, 1, "ldexp")?;
        let Some(e) = peek_bigint(e) else {
            return err(cx, rt, "TypeError", "Expected an int as second argument to ldexp.");
        };
        if x == 0.0 || !x.is_finite() {
            return Ok(new_float(cx.heap_mut(), x));
        }
        let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
        let r = unsafe { ldexp(x, e.clamp(-100_000, 100_000) as i32) };
        if r.is_infinite() {
            return math_err(cx, rt, MathError::Range);
        }
        Ok(new_float(cx.heap_mut(), r))
    });
    m_modf(|cx, rt, args, kw| {
        let x = float_arg(cx, rt, args, 0, "modf")?;
        let (frac, int) = if x.is_infinite() { (0f64.copysign(x), x) } else { (x.fract(), x.trunc()) };
        let frac = if x.is_nan() { x } else { frac.copysign(x) };
        let f = new_float(cx.heap_mut(), frac);
        let _ = metatrace::Ctx::root(cx, f);
        let i = new_float(cx.heap_mut(), int);
        Ok(new_tuple(cx.heap_mut(), &[f, i]))
    });
    m_fmod(|cx, rt, args, kw| {
        let (x, y) = (float_arg(cx, rt, args, 0, "fmod")?, float_arg(cx, rt, args, 1, "fmod")?);
        if y.is_infinite() && x.is_finite() {
            return Ok(new_float(cx.heap_mut(), x));
        }
        let r = x % y;
        let r = if r.is_nan() && !x.is_nan() && !y.is_nan() { Err(MathError::Domain) } else { Ok(r) };
        float_result(cx, rt, r)
    });
    m_remainder(|cx, rt, args, kw| {
        let (x, y) = (float_arg(cx, rt, args, 0, "remainder")?, float_arg(cx, rt, args, 1, "remainder")?);
        float_result(cx, rt, remainder(x, y))
    });
    m_nextafter(|cx, rt, args, kw| {
        let (x, y) = (float_arg(cx, rt, args, 0, "nextafter")?, float_arg(cx, rt, args, 1, "nextafter")?);
        Ok(new_float(cx.heap_mut(), unsafe { nextafter(x, y) }))
    });
    m_ulp(|cx, rt, args, kw| {
        let x = float_arg(cx, rt, args, 0, "ulp")?.abs();
        let r = if !x.is_finite() {
            x
        } else {
            let up = unsafe { nextafter(x, f64::INFINITY) };
            if up.is_infinite() {
                x - unsafe { nextafter(x, f64::NEG_INFINITY) }
            } else {
                up - x
            }
        };
        Ok(new_float(cx.heap_mut(), r))
    });
    m_comb(|cx, rt, args, kw| {
        let n = int_arg(cx, rt, args, 0, "comb")?;
        let k = int_arg(cx, rt, args, 1, "comb")?;
        non_negative(cx, rt, &n, &k)?;
        if k > n {
            return Ok(new_int(cx.heap_mut(), 0));
        }
        let k = std::cmp::min(k.clone(), &n - &k);
        Ok(new_bigint(cx.heap_mut(), falling(&n, &k, true)))
    });
    m_perm(|cx, rt, args, kw| {
        let n = int_arg(cx, rt, args, 0, "perm")?;
        let k = match args.get(1).filter(|&&k| k != rt.none.get()) {
            Some(_) => int_arg(cx, rt, args, 1, "perm")?,
            None => n.clone(),
        };
        non_negative(cx, rt, &n, &k)?;
        if k > n {
            return Ok(new_int(cx.heap_mut(), 0));
        }
        Ok(new_bigint(cx.heap_mut(), falling(&n, &k, false)))
    });
    m_factorial(|cx, rt, args, kw| {
        let n = int_arg(cx, rt, args, 0, "factorial")?;
        if n.is_negative() {
            return err(cx, rt, "ValueError", "factorial() not defined for negative values");
        }
        let Some(n) = n.to_i64() else {
            return err(cx, rt, "OverflowError", "factorial() argument should not exceed 9223372036854775807");
        };
        Ok(new_bigint(cx.heap_mut(), falling(&BigInt::from(n), &BigInt::from(n), false)))
    });
    m_isqrt(|cx, rt, args, kw| {
        let n = int_arg(cx, rt, args, 0, "isqrt")?;
        if n.is_negative() {
            return err(cx, rt, "ValueError", "isqrt() argument must be nonnegative");
        }
        Ok(new_bigint(cx.heap_mut(), n.sqrt()))
    });
    m_gcd(|cx, rt, args, kw| {
        use num_integer::Integer;
        let mut g = BigInt::zero();
        for k in 0..args.len() {
            g = g.gcd(&int_arg(cx, rt, args, k, "gcd")?);
        }
        Ok(new_bigint(cx.heap_mut(), g))
    });
    m_lcm(|cx, rt, args, kw| {
        use num_integer::Integer;
        let mut l = BigInt::from(1);
        for k in 0..args.len() {
            l = l.lcm(&int_arg(cx, rt, args, k, "lcm")?);
        }
        Ok(new_bigint(cx.heap_mut(), l))
    });
    m_prod(|cx, rt, args, kw| {
        let src = arg(cx, rt, args, 0, "prod")?;
        let items = collect(cx, rt, src)?;
        let mut acc = match kwarg(kw, "start") {
            Some(s) => s,
            None => new_int(cx.heap_mut(), 1),
        };
        for i in items {
            let _ = metatrace::Ctx::root(cx, acc);
            acc = b::binary(cx, rt, BinOp::Mul, acc, i)?;
        }
        Ok(acc)
    });
    m_dist(|cx, rt, args, kw| {
        let (p, q) = (arg(cx, rt, args, 0, "dist")?, arg(cx, rt, args, 1, "dist")?);
        if !is(p, &TUPLE) && !is(p, &LIST) || !is(q, &TUPLE) && !is(q, &LIST) {
            return err(cx, rt, "TypeError", "dist(): both arguments must be tuples or lists");
        }
        let (p, q) = (collect(cx, rt, p)?, collect(cx, rt, q)?);
        if p.len() != q.len() {
            return err(cx, rt, "ValueError", "both points must have the same number of dimensions");
        }
        let mut diffs = Vec::with_capacity(p.len());
        for (&a, &b) in p.iter().zip(&q) {
            let (x, y) = (float_arg(cx, rt, &[a], 0, "dist")?, float_arg(cx, rt, &[b], 0, "dist")?);
            diffs.push((x - y).abs());
        }
        Ok(new_float(cx.heap_mut(), norm(&diffs)))
    });
}

/// The Euclidean norm of non-negative `v`, scaled to avoid overflow.
fn norm(v: &[f64]) -> f64 {
    let max = v.iter().cloned().fold(0.0, f64::max);
    if max == 0.0 || max.is_infinite() || v.iter().any(|x| x.is_nan()) {
        return if v.iter().any(|x| x.is_infinite()) { f64::INFINITY } else { max + v.iter().sum::<f64>() * 0.0 };
    }
    if v.len() == 2 {
        return v[0].hypot(v[1]);
    }
    let sum: f64 = v.iter().map(|x| (x / max) * (x / max)).sum();
    max * sum.sqrt()
}

/// `n * (n-1) * ... * (n-k+1)`, divided by `k!` if `binomial`.
fn falling(n: &BigInt, k: &BigInt, binomial: bool) -> BigInt {
    let k = k.to_u64().unwrap_or(0);
    let mut acc = BigInt::from(1);
    for j in 0..k {
        acc *= n - BigInt::from(j);
        if binomial {
            acc /= BigInt::from(j + 1);
        }
    }
    acc
}

fn non_negative<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, n: &BigInt, k: &BigInt) -> Result<(), usize> {
    if n.is_negative() {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "k must be a non-negative integer"));
    }
    Ok(())
}

/// An integer argument (an int, a bool, or an object with `__index__`).
fn int_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], k: usize, fname: &str) -> Result<BigInt, usize> {
    let v = arg(cx, rt, args, k, fname)?;
    if let Some(n) = peek_bigint(v) {
        return Ok(n);
    }
    if is(v, &INSTANCE) {
        if let Some(r) = b::call_method(cx, rt, v, "__index__", &[]) {
            if let Some(n) = peek_bigint(r?) {
                return Ok(n);
            }
        }
    }
    let msg = format!("'{}' object cannot be interpreted as an integer", b::type_name(rt, v));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// `log(x)` (by `f`) for a positive float or an int of any size.
fn log_of<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    k: usize,
    fname: &str,
    f: fn(f64) -> f64,
) -> Result<f64, usize> {
    let v = arg(cx, rt, args, k, fname)?;
    if let Some(n) = peek_bigint(v).filter(|_| !is(v, &FLOAT)) {
        if !n.is_positive() {
            return Err(crate::errors::new_error(cx, rt, "ValueError", "math domain error"));
        }
        if let Some(x) = n.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // x = m * 2**e with m in [0.5, 1): log(x) = log(m) + e * log(2).
        let e = n.bits();
        let m = (&n >> (e - 64)).to_f64().unwrap_or(0.0) / 2f64.powi(64);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = fnum(cx, rt, args, k, fname)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "math domain error"));
    }
    Ok(f(x))
}

/// IEEE 754 remainder, as CPython's `m_remainder`.
fn remainder(x: f64, y: f64) -> Result<f64, MathError> {
    if x.is_nan() || y.is_nan() {
        return Ok(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(MathError::Domain);
    }
    if y.is_infinite() {
        return Ok(x);
    }
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(1f64.copysign(x) * r)
}
