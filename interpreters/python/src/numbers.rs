//! Arithmetic the traced fast paths leave to natives: ints of any size, float corners
//! (division by zero, `//`, `%`, `**`), and CPython's error messages.

use crate::builtins::{err, PyResult};
use crate::bytecode::{BinOp, UnOp};
use crate::objects::*;
use crate::runtime::{new_bigint, new_float};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// `x op y` for ints.
pub fn int_binary<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: BinOp, x: BigInt, y: BigInt) -> PyResult {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::FloorDiv | BinOp::Mod => {
            if y.is_zero() {
                let msg =
                    if op == BinOp::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                return err(cx, rt, "ZeroDivisionError", msg);
            }
            if op == BinOp::FloorDiv {
                x.div_floor(&y)
            } else {
                x.mod_floor(&y)
            }
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return err(cx, rt, "ZeroDivisionError", "division by zero");
            }
            let q = match (x.to_f64(), y.to_f64()) {
                (Some(a), Some(b)) if a.abs() < 9e15 && b.abs() < 9e15 => a / b,
                _ => match big_div(&x, &y) {
                    Some(q) => q,
                    None => return err(cx, rt, "OverflowError", "integer division result too large for a float"),
                },
            };
            if q.is_infinite() {
                return err(cx, rt, "OverflowError", "integer division result too large for a float");
            }
            return Ok(new_float(cx.heap_mut(), q));
        }
        BinOp::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return err(cx, rt, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
                }
                let f = x.to_f64().unwrap_or(f64::INFINITY).powf(y.to_f64().unwrap_or(f64::NEG_INFINITY));
                return Ok(new_float(cx.heap_mut(), f));
            }
            let Some(e) = y.to_u32() else {
                if x.is_one() || x.is_zero() {
                    return Ok(new_bigint(cx.heap_mut(), x));
                }
                return err(cx, rt, "MemoryError", "");
            };
            if x.bits().saturating_mul(e as u64) > 1 << 26 {
                return err(cx, rt, "MemoryError", "");
            }
            num_traits::pow(x, e as usize)
        }
        BinOp::LShift | BinOp::RShift => {
            if y.is_negative() {
                return err(cx, rt, "ValueError", "negative shift count");
            }
            let n = y.to_usize().unwrap_or(usize::MAX);
            if op == BinOp::LShift {
                if x.is_zero() {
                    BigInt::zero()
                } else if n > 1 << 26 {
                    return err(cx, rt, "OverflowError", "too many digits in integer");
                } else {
                    x << n
                }
            } else if n > x.bits() as usize + 1 {
                if x.is_negative() {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                }
            } else {
                x >> n
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::MatMul => return err(cx, rt, "TypeError", "unsupported operand type(s) for @: 'int' and 'int'"),
    };
    Ok(new_bigint(cx.heap_mut(), r))
}

/// `x / y` for big ints, correctly rounded (half to even), or `None` when it overflows a float.
pub fn big_div(x: &BigInt, y: &BigInt) -> Option<f64> {
    let negative = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    let sign = if negative { -1.0 } else { 1.0 };
    if a.is_zero() {
        return Some(sign * 0.0);
    }
    // A quotient of 55 or 56 bits, scaled by 2^shift, and whether anything was left over.
    let shift = a.bits() as i64 - b.bits() as i64 - 55;
    let (num, den) = if shift >= 0 { (a, b << shift as usize) } else { (a << (-shift) as usize, b) };
    let (q, r) = num.div_rem(&den);
    let q = q.to_u64().unwrap_or(u64::MAX);
    let m = round_scaled(q, !r.is_zero(), shift)?;
    Some(sign * m)
}

/// `(q + a little when sticky) * 2^shift` rounded to a float, half to even (`None` past the
/// largest float).
pub fn round_scaled(q: u64, sticky: bool, shift: i64) -> Option<f64> {
    let nb = 64 - q.leading_zeros() as i64;
    let e = nb + shift;
    if e > 1024 {
        return None;
    }
    // The bits kept: 53, fewer for subnormal results.
    let p = if e - 1 >= -1022 { 53 } else { e + 1074 };
    if p < 0 {
        return Some(0.0);
    }
    let drop = nb - p;
    if drop <= 0 {
        return Some(ldexp(q as f64, shift));
    }
    let mut m = q >> drop;
    let rem = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if rem > half || (rem == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let v = ldexp(m as f64, shift + drop);
    v.is_finite().then_some(v)
}

/// `m * 2^k`, exact when the result is representable.
fn ldexp(mut m: f64, mut k: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    while k > 1000 {
        m *= pow2(1000);
        k -= 1000;
    }
    while k < -1000 {
        m *= pow2(-1000);
        k += 1000;
    }
    m * pow2(k)
}

thread_local! {
    /// `sys.set_int_max_str_digits`: the most decimal digits an int converts to or from a str
    /// (0: no limit).
    pub static INT_MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(4300) };
}

/// The decimal digits of an int, or ValueError past `sys.get_int_max_str_digits()` digits.
pub fn int_to_decimal<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, x: &BigInt) -> Result<String, usize> {
    let limit = INT_MAX_STR_DIGITS.with(|l| l.get());
    // 2**k has at least k*log10(2) digits: a bound that skips the (quadratic) conversion.
    let over = limit > 0 && (x.bits() as f64 * std::f64::consts::LOG10_2 > limit as f64 + 1.0);
    let s = if over { String::new() } else { x.to_string() };
    if over || (limit > 0 && s.trim_start_matches('-').len() > limit) {
        let msg = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
        let msg = msg.replace("4300", &limit.to_string());
        return Err(crate::errors::new_error(cx, rt, "ValueError", &msg));
    }
    Ok(s)
}

/// Whether a str of `digits` decimal digits is too long for int() (ValueError then).
pub fn check_str_digits<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, digits: usize) -> Result<(), usize> {
    let limit = INT_MAX_STR_DIGITS.with(|l| l.get());
    if limit > 0 && digits > limit {
        let msg = format!("Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
        return Err(crate::errors::new_error(cx, rt, "ValueError", &msg));
    }
    Ok(())
}

/// `x op y` for floats (or a float and an int).
pub fn float_binary<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: BinOp, x: f64, y: f64) -> PyResult {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return err(cx, rt, "ZeroDivisionError", "float division by zero");
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return err(cx, rt, "ZeroDivisionError", "float floor division by zero");
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return err(cx, rt, "ZeroDivisionError", "float modulo");
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return err(cx, rt, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
            }
            if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
                // A negative base to a fractional power is complex.
                let (re, im) = crate::complex::power((x, 0.0), (y, 0.0)).unwrap_or((f64::NAN, f64::NAN));
                return Ok(crate::complex::new(cx.heap_mut(), re, im));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return err(cx, rt, "OverflowError", "(34, 'Numerical result out of range')");
            }
            r
        }
        _ => {
            let msg = format!("unsupported operand type(s) for {}: 'float' and 'float'", op.symbol());
            return err(cx, rt, "TypeError", &msg);
        }
    };
    Ok(new_float(cx.heap_mut(), r))
}

/// Python's `divmod` for floats.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut d = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            d -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let fd = if d != 0.0 {
        let f = d.floor();
        if d - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (fd, m)
}

/// `op x` for everything the fast paths leave.
pub fn unary<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: UnOp, x: usize) -> PyResult {
    if op == UnOp::Not {
        let t = crate::builtins::truth(cx, rt, x)?;
        return Ok(rt.bool_obj(!t));
    }
    if is(x, &INT) || is(x, &BIGINT) || is(x, &BOOL) {
        let v = if is(x, &BOOL) {
            BigInt::from((x == rt.true_.get()) as i64)
        } else if is(x, &INT) {
            // SAFETY: a live int.
            BigInt::from(unsafe { read_word(x, &INT_VALUE) } as i64)
        } else {
            // SAFETY: a live bigint.
            unsafe { bigint_data(x) }.clone()
        };
        let r = match op {
            UnOp::Neg => -v,
            UnOp::Pos => v,
            UnOp::Invert => -v - 1,
            UnOp::Not => unreachable!(),
        };
        return Ok(new_bigint(cx.heap_mut(), r));
    }
    if is(x, &FLOAT) {
        // SAFETY: a live float.
        let v = f64::from_bits(unsafe { read_word(x, &FLOAT_VALUE) });
        match op {
            UnOp::Neg => return Ok(new_float(cx.heap_mut(), -v)),
            UnOp::Pos => return Ok(x),
            _ => {}
        }
    }
    if crate::complex::is_complex(x) {
        if let Some(r) = crate::complex::unary(cx, op, x) {
            return Ok(r);
        }
    }
    if is(x, &INSTANCE) {
        let name = match op {
            UnOp::Neg => "__neg__",
            UnOp::Pos => "__pos__",
            _ => "__invert__",
        };
        if let Some(r) = crate::builtins::call_method(cx, rt, x, name, &[]) {
            return r;
        }
    }
    let sym = match op {
        UnOp::Neg => "unary -",
        UnOp::Pos => "unary +",
        _ => "unary ~",
    };
    let msg = format!("bad operand type for {sym}: '{}'", crate::builtins::type_name(rt, x));
    err(cx, rt, "TypeError", &msg)
}

/// How int `i` compares with float `f`, exactly (`None` for a NaN).
pub fn int_float_cmp(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let floor = f.floor();
    let whole = num_traits::FromPrimitive::from_f64(floor).unwrap_or_default();
    Some(match i.cmp(&whole) {
        Ordering::Equal if f > floor => Ordering::Less,
        o => o,
    })
}
