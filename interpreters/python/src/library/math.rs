//! The `math` module.

use super::*;

rows! {
    "math.floor" => m_floor,
    "math.ceil" => m_ceil,
    "math.trunc" => m_trunc,
    "math.atan2" => m_atan2,
    "math.hypot" => m_hypot,
    "math.isnan" => m_isnan,
    "math.isinf" => m_isinf,
    "math.isfinite" => m_isfinite,
    "math.isclose" => m_isclose,
    "math.fsum" => m_fsum,
    "math.copysign" => m_copysign,
    "math.sqrt" => m_sqrt,
    "math.sin" => m_sin,
    "math.cos" => m_cos,
    "math.tan" => m_tan,
    "math.asin" => m_asin,
    "math.acos" => m_acos,
    "math.atan" => m_atan,
    "math.fabs" => m_fabs,
    "math.degrees" => m_degrees,
    "math.radians" => m_radians,
}

pub(super) fn fnum<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    k: usize,
    fname: &str,
) -> Result<f64, usize> {
    let v = arg(cx, rt, args, k, fname)?;
    if is(v, &FLOAT) {
        return Ok(f64::from_bits(unsafe { read_word(v, &FLOAT_VALUE) }));
    }
    if let Some(b) = peek_bigint(v) {
        return match b.to_f64().filter(|x| x.is_finite()) {
            Some(x) => Ok(x),
            None => Err(crate::errors::new_error(cx, rt, "OverflowError", "int too large to convert to float")),
        };
    }
    if is(v, &INSTANCE) {
        let ty = b::peek_type(rt, v);
        for dunder in ["__float__", "__index__"] {
            if classes::special(rt, ty, dunder).is_some() {
                let r = b::call_method(cx, rt, v, dunder, &[]).expect("a special method")?;
                return fnum(cx, rt, &[r], 0, fname);
            }
        }
    }
    Err(crate::errors::new_error(cx, rt, "TypeError", &format!("must be real number, not {}", b::type_name(rt, v))))
}

macro_rules! math1 {
    ($($name:ident($x:ident) = $e:expr;)*) => {$(
        fn $name<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
            let $x = fnum(cx, rt, args, 0, stringify!($name))?;
            let r: f64 = $e;
            if r.is_nan() && !$x.is_nan() {
                return err(cx, rt, "ValueError", "math domain error");
            }
            Ok(new_float(cx.heap_mut(), r))
        }
    )*};
}
math1! {
    m_sqrt(x) = if x < 0.0 { f64::NAN } else { x.sqrt() };
    m_sin(x) = x.sin();
    m_cos(x) = x.cos();
    m_tan(x) = x.tan();
    m_asin(x) = x.asin();
    m_acos(x) = x.acos();
    m_atan(x) = x.atan();
    m_fabs(x) = x.abs();
    m_degrees(x) = x.to_degrees();
    m_radians(x) = x.to_radians();
}
pub(super) fn int_of_float<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    f: fn(f64) -> f64,
    name: &str,
) -> PyResult {
    let v = arg(cx, rt, args, 0, name)?;
    if peek_bigint(v).is_some() {
        return Ok(v);
    }
    if is(v, &INSTANCE) {
        let dunder = format!("__{name}__");
        if let Some(r) = b::call_method(cx, rt, v, &dunder, &[]) {
            return r;
        }
        if name == "trunc" {
            let msg = format!("type {} doesn't define __trunc__ method", b::type_name(rt, v));
            return err(cx, rt, "TypeError", &msg);
        }
    }
    let x = f(fnum(cx, rt, args, 0, name)?);
    if x.is_nan() {
        return err(cx, rt, "ValueError", "cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return err(cx, rt, "OverflowError", "cannot convert float infinity to integer");
    }
    Ok(new_bigint(cx.heap_mut(), num_traits::FromPrimitive::from_f64(x).unwrap_or_default()))
}
pub(super) fn m_floor<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    int_of_float(cx, rt, args, f64::floor, "floor")
}
pub(super) fn m_ceil<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    int_of_float(cx, rt, args, f64::ceil, "ceil")
}
pub(super) fn m_trunc<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    int_of_float(cx, rt, args, f64::trunc, "trunc")
}
pub(super) fn m_atan2<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let (y, x) = (fnum(cx, rt, args, 0, "atan2")?, fnum(cx, rt, args, 1, "atan2")?);
    Ok(new_float(cx.heap_mut(), y.atan2(x)))
}
pub(super) fn m_hypot<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let mut acc = 0.0f64;
    for k in 0..args.len() {
        let v = fnum(cx, rt, args, k, "hypot")?;
        acc = acc.hypot(v);
    }
    Ok(new_float(cx.heap_mut(), acc))
}
pub(super) fn m_copysign<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let (x, y) = (fnum(cx, rt, args, 0, "copysign")?, fnum(cx, rt, args, 1, "copysign")?);
    Ok(new_float(cx.heap_mut(), x.copysign(y)))
}
pub(super) fn m_pred<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], f: fn(f64) -> bool) -> PyResult {
    let x = fnum(cx, rt, args, 0, "isnan")?;
    Ok(rt.bool_obj(f(x)))
}
pub(super) fn m_isnan<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    m_pred(cx, rt, args, f64::is_nan)
}
pub(super) fn m_isinf<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    m_pred(cx, rt, args, f64::is_infinite)
}
pub(super) fn m_isfinite<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    m_pred(cx, rt, args, f64::is_finite)
}
pub(super) fn m_isclose<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let (a, c) = (fnum(cx, rt, args, 0, "isclose")?, fnum(cx, rt, args, 1, "isclose")?);
    let num = |v: Option<usize>, d: f64| {
        v.map(|v| {
            if is(v, &FLOAT) {
                f64::from_bits(unsafe { read_word(v, &FLOAT_VALUE) })
            } else {
                peek_i64(v).unwrap_or(0) as f64
            }
        })
        .unwrap_or(d)
    };
    let rel = num(kwarg(kw, "rel_tol"), 1e-9);
    let abs_tol = num(kwarg(kw, "abs_tol"), 0.0);
    let close = a == c || (a - c).abs() <= (rel * a.abs().max(c.abs())).max(abs_tol);
    Ok(rt.bool_obj(close))
}
pub(super) fn m_fsum<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let src = arg(cx, rt, args, 0, "fsum")?;
    let items = collect(cx, rt, src)?;
    let mut values = Vec::with_capacity(items.len());
    for i in items {
        values.push(fnum(cx, rt, &[i], 0, "fsum")?);
    }
    match fsum(&values) {
        Ok(v) => Ok(new_float(cx.heap_mut(), v)),
        Err((class, msg)) => err(cx, rt, class, msg),
    }
}

/// The correctly rounded sum of `values` (Shewchuk's partials, rounded half to even as
/// CPython's `math.fsum`), or the error class and message.
pub(super) fn fsum(values: &[f64]) -> Result<f64, (&'static str, &'static str)> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    for &v in values {
        let mut x = v;
        let mut k = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[k] = lo;
                k += 1;
            }
            x = hi;
        }
        partials.truncate(k);
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or NaN among the values, or an intermediate overflow.
                if v.is_finite() {
                    return Err(("OverflowError", "intermediate overflow in fsum"));
                }
                if v.is_infinite() {
                    inf_sum += v;
                }
                special += v;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(("ValueError", "-inf + inf in fsum"));
        }
        return Ok(special);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-way cases: round toward the sign of the remaining partials.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}
