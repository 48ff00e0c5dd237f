//! Numbers: `int()` (strings in any base, `__int__`, `__index__`, `__trunc__`), `round`,
//! `pow`, `divmod`, the methods of `int` and `float` (`bit_count`, `as_integer_ratio`, `hex`,
//! `fromhex`, ...), and `operator.index` for the builtins that need an integer.

use super::*;
use num_integer::Integer;
use num_traits::One;

rows! {
    "round" => round,
    "divmod" => divmod,
    "pow" => pow,
    "int.bit_count" => int_bit_count,
    "int.as_integer_ratio" => int_as_integer_ratio,
    "int.conjugate" => int_conjugate,
    "float.as_integer_ratio" => float_as_integer_ratio,
    "float.hex" => float_hex,
    "float.fromhex" => float_fromhex,
    "float.conjugate" => float_conjugate,
    "complex.conjugate" => complex_conjugate,
}

/// The code points of the zero digits of Unicode's decimal digit blocks (each block holds
/// the digits 0 to 9 in order): `int()` reads any of them.
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a digit char (ASCII letters count from 10; Unicode decimal digits too).
fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(36);
    }
    let cp = c as u32;
    DECIMAL_ZEROS.iter().find(|&&z| cp >= z && cp < z + 10).map(|&z| cp - z)
}

/// Python's `int(s, base)` for a str (`base` 0 or 2 to 36): `None` if `s` is not a literal.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim_matches(char::is_whitespace);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefixed = |p: &str, b: u32| lower.as_deref() == Some(p) && (base == 0 || base == b);
    let (base, digits, after_prefix) = if prefixed("0x", 16) {
        (16, &t[2..], true)
    } else if prefixed("0o", 8) {
        (8, &t[2..], true)
    } else if prefixed("0b", 2) {
        (2, &t[2..], true)
    } else if base == 0 {
        // No prefix: decimal, where a leading zero is only allowed in zero itself.
        if t.starts_with('0') && !t.chars().all(|c| c == '0' || c == '_') {
            return None;
        }
        (10, t, false)
    } else {
        (base, t, false)
    };
    let mut ascii = String::with_capacity(digits.len());
    let mut last_underscore = !after_prefix;
    for c in digits.chars() {
        if c == '_' {
            if last_underscore {
                return None;
            }
            last_underscore = true;
            continue;
        }
        let v = digit_value(c).filter(|&v| v < base)?;
        ascii.push(std::char::from_digit(v, 36)?);
        last_underscore = false;
    }
    if ascii.is_empty() || (last_underscore && digits.ends_with('_')) {
        return None;
    }
    let n = BigInt::parse_bytes(ascii.as_bytes(), base)?;
    Some(if neg { -n } else { n })
}

/// `operator.index(o)`: the int an object stands for where only integers will do.
pub fn index_value<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<BigInt, usize> {
    if let Some(v) = peek_bigint(o) {
        return Ok(v);
    }
    if is(o, &INSTANCE) {
        if let Some(r) = b::call_method(cx, rt, o, "__index__", &[]) {
            let r = r?;
            return peek_bigint(r).filter(|_| !is(r, &BOOL)).ok_or_else(|| {
                let msg = format!("__index__ returned non-int (type {})", b::type_name(rt, r));
                crate::errors::new_error(cx, rt, "TypeError", &msg)
            });
        }
    }
    let msg = format!("'{}' object cannot be interpreted as an integer", b::type_name(rt, o));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// The exact integer value of an integral float.
pub fn big_from_f64(f: f64) -> BigInt {
    if f.abs() < 9.0e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let m = (bits & ((1 << 52) - 1)) | (1 << 52);
    let v = if e >= 0 { BigInt::from(m) << e as usize } else { BigInt::from(m) >> (-e) as usize };
    if f < 0.0 {
        -v
    } else {
        v
    }
}

/// `int(f)` for a float: truncated, or CPython's errors for NaN and infinities.
pub fn int_of_float<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, f: f64) -> PyResult {
    if f.is_nan() {
        return err(cx, rt, "ValueError", "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return err(cx, rt, "OverflowError", "cannot convert float infinity to integer");
    }
    Ok(new_bigint(cx.heap_mut(), big_from_f64(f.trunc())))
}

/// Calling the class `int`: `int()`, `int(x)`, `int(s, base)`.
pub fn make_int<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: Kw<'_>) -> PyResult {
    let mut base = args.get(1).copied();
    for (k, v) in kw {
        match &**k {
            "base" if base.is_none() => base = Some(*v),
            _ => return err(cx, rt, "TypeError", &format!("'{k}' is an invalid keyword argument for int()")),
        }
    }
    if args.len() > 2 {
        return err(cx, rt, "TypeError", &format!("int() takes at most 2 arguments ({} given)", args.len()));
    }
    let Some(&v) = args.first() else {
        if base.is_some() {
            return err(cx, rt, "TypeError", "int() missing string argument");
        }
        return Ok(new_int(cx.heap_mut(), 0));
    };
    if let Some(bo) = base {
        let bv = index_value(cx, rt, bo)?;
        let Some(bv) = bv.to_u32().filter(|&b| b == 0 || (2..=36).contains(&b)) else {
            return err(cx, rt, "ValueError", "int() base must be >= 2 and <= 36, or 0");
        };
        let v = text_value(v);
        if crate::bytes::is_binary(v) {
            return bytes_to_int(cx, rt, v, bv);
        }
        if !is(v, &STR) {
            return err(cx, rt, "TypeError", "int() can't convert non-string with explicit base");
        }
        return str_to_int(cx, rt, v, bv);
    }
    let v = view_bytes(cx, rt, text_value(v))?;
    if is(v, &STR) {
        return str_to_int(cx, rt, v, 10);
    }
    if crate::bytes::is_binary(v) {
        return bytes_to_int(cx, rt, v, 10);
    }
    if is(v, &INT) || is(v, &BIGINT) {
        return Ok(v);
    }
    if is(v, &BOOL) {
        return Ok(new_int(cx.heap_mut(), (v == rt.true_.get()) as i64));
    }
    if is(v, &FLOAT) {
        return int_of_float(cx, rt, peek_f64(v).unwrap_or(0.0));
    }
    if is(v, &INSTANCE) {
        let int_type = |r: usize| is(r, &INT) || is(r, &BIGINT) || is(r, &BOOL);
        if let Some(r) = b::call_method(cx, rt, v, "__int__", &[]) {
            let r = r?;
            if !int_type(r) {
                let msg = format!("__int__ returned non-int (type {})", b::type_name(rt, r));
                return err(cx, rt, "TypeError", &msg);
            }
            return Ok(r);
        }
        if classes::lookup(rt, b::peek_type(rt, v), "__index__").is_some() {
            let n = index_value(cx, rt, v)?;
            return Ok(new_bigint(cx.heap_mut(), n));
        }
        if let Some(r) = b::call_method(cx, rt, v, "__trunc__", &[]) {
            let r = r?;
            if int_type(r) {
                return Ok(r);
            }
            if is(r, &INSTANCE) && classes::lookup(rt, b::peek_type(rt, r), "__index__").is_some() {
                let n = index_value(cx, rt, r)?;
                return Ok(new_bigint(cx.heap_mut(), n));
            }
            let msg = format!("__trunc__ returned non-Integral (type {})", b::type_name(rt, r));
            return err(cx, rt, "TypeError", &msg);
        }
    }
    let msg =
        format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", b::type_name(rt, v));
    err(cx, rt, "TypeError", &msg)
}

/// The str or bytes-like value `int()` and `float()` parse: `v`, or the value of a boxed str
/// or bytes (a subclass's instance); other objects as they are.
fn text_value(v: usize) -> usize {
    let u = crate::boxed::unbox(v);
    if is(u, &STR) || crate::bytes::is_binary(u) {
        u
    } else {
        v
    }
}

/// The ASCII text of a bytes-like object, if it is all ASCII.
fn ascii_text(v: usize) -> Option<&'static str> {
    std::str::from_utf8(crate::bytes::data(v)).ok().filter(|t| t.is_ascii())
}

/// `int(b"12", base)`
fn bytes_to_int<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, base: u32) -> PyResult {
    match ascii_text(v).and_then(|t| parse_int(t, base)) {
        Some(n) => Ok(new_bigint(cx.heap_mut(), n)),
        None => {
            // (A bytearray shows as the bytes it holds.)
            let msg = format!(
                "invalid literal for int() with base {base}: {}",
                crate::bytes::repr_bytes(crate::bytes::data(v))
            );
            err(cx, rt, "ValueError", &msg)
        }
    }
}

fn str_to_int<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, base: u32) -> PyResult {
    if !base.is_power_of_two() {
        let digits = text(v).chars().filter(|c| c.is_alphanumeric()).count();
        if digits > 640 && parse_int(text(v), base).is_some() {
            crate::numbers::check_str_digits(cx, rt, digits)?;
        }
    }
    match parse_int(text(v), base) {
        Some(n) => Ok(new_bigint(cx.heap_mut(), n)),
        None => {
            // (CPython's `%.200R`: the repr cut to 200 characters.)
            let r: String = b::repr_str(text(v)).chars().take(200).collect();
            let msg = format!("invalid literal for int() with base {base}: {r}");
            err(cx, rt, "ValueError", &msg)
        }
    }
}

/// Python's `float(s)` for a str: `None` if `s` is not a float literal.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(char::is_whitespace);
    let mut ascii = String::with_capacity(t.len());
    let chars: Vec<char> = t.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        if c == '_' {
            // Only between two digits.
            let digit =
                |i: Option<&char>| i.is_some_and(|c| c.is_ascii_digit() || digit_value(*c).is_some_and(|v| v < 10));
            if k == 0 || !digit(chars.get(k - 1)) || !digit(chars.get(k + 1)) {
                return None;
            }
            continue;
        }
        if c.is_ascii() {
            ascii.push(c);
        } else {
            ascii.push(std::char::from_digit(digit_value(c).filter(|&v| v < 10)?, 10)?);
        }
    }
    let lower = ascii.to_ascii_lowercase();
    let (neg, body) = match lower.as_bytes().first() {
        Some(b'-') => (true, &lower[1..]),
        Some(b'+') => (false, &lower[1..]),
        _ => (false, &lower[..]),
    };
    if body.starts_with(['+', '-']) {
        return None;
    }
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ if body.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-')) => body.parse().ok()?,
        _ => return None,
    };
    Some(if neg { -v } else { v })
}

/// Calling the class `float`: `float()`, `float(x)`.
pub fn make_float<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: Kw<'_>) -> PyResult {
    if !kw.is_empty() {
        return err(cx, rt, "TypeError", "float() takes no keyword arguments");
    }
    let v = match args {
        [] => return Ok(new_float(cx.heap_mut(), 0.0)),
        [v] => *v,
        _ => return err(cx, rt, "TypeError", &format!("float expected at most 1 argument, got {}", args.len())),
    };
    if is(v, &FLOAT) {
        return Ok(v);
    }
    let v = view_bytes(cx, rt, text_value(v))?;
    if crate::bytes::is_binary(v) {
        return match ascii_text(v).and_then(parse_float) {
            Some(f) => Ok(new_float(cx.heap_mut(), f)),
            None => {
                let msg = format!("could not convert string to float: {}", crate::bytes::repr(v));
                err(cx, rt, "ValueError", &msg)
            }
        };
    }
    if is(v, &STR) {
        return match parse_float(text(v)) {
            Some(f) => Ok(new_float(cx.heap_mut(), f)),
            None => {
                let msg = format!("could not convert string to float: {}", b::repr_str(text(v)));
                err(cx, rt, "ValueError", &msg)
            }
        };
    }
    if let Some(n) = peek_bigint(v) {
        return int_to_float(cx, rt, &n);
    }
    if is(v, &INSTANCE) {
        if let Some(r) = b::call_method(cx, rt, v, "__float__", &[]) {
            let r = r?;
            if !is(r, &FLOAT) {
                let msg =
                    format!("{}.__float__ returned non-float (type {})", b::type_name(rt, v), b::type_name(rt, r));
                return err(cx, rt, "TypeError", &msg);
            }
            return Ok(r);
        }
        if classes::lookup(rt, b::peek_type(rt, v), "__index__").is_some() {
            let n = index_value(cx, rt, v)?;
            return int_to_float(cx, rt, &n);
        }
    }
    let msg = format!("float() argument must be a string or a real number, not '{}'", b::type_name(rt, v));
    err(cx, rt, "TypeError", &msg)
}

/// An int as a float (correctly rounded), or CPython's OverflowError.
fn int_to_float<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, n: &BigInt) -> PyResult {
    let f = ldexp_big(&n.abs(), 0);
    if f.is_infinite() {
        return err(cx, rt, "OverflowError", "int too large to convert to float");
    }
    Ok(new_float(cx.heap_mut(), if n.is_negative() { -f } else { f }))
}

/// `round(x)` and `round(x, n)`.
pub(super) fn round<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let x = match (args.first(), kwarg(kw, "number")) {
        (Some(&x), _) | (None, Some(x)) => x,
        _ => return err(cx, rt, "TypeError", "round() missing required argument 'number' (pos 1)"),
    };
    if args.len() > 2 {
        return err(cx, rt, "TypeError", &format!("round() takes at most 2 arguments ({} given)", args.len()));
    }
    let nd = args.get(1).copied().or(kwarg(kw, "ndigits")).filter(|&n| n != rt.none.get());
    if is(x, &INSTANCE) {
        let Some(m) = classes::lookup(rt, b::peek_type(rt, x), "__round__") else {
            let msg = format!("type {} doesn't define __round__ method", b::type_name(rt, x));
            return err(cx, rt, "TypeError", &msg);
        };
        let call: Vec<usize> = std::iter::once(x).chain(nd).collect();
        return call_value(cx, rt, m, &call, &[]);
    }
    if let Some(v) = peek_bigint(x) {
        let Some(nd) = nd else { return Ok(new_bigint(cx.heap_mut(), v)) };
        let n = index_value(cx, rt, nd)?;
        if !n.is_negative() {
            return Ok(new_bigint(cx.heap_mut(), v));
        }
        let Some(k) = (-n).to_u32() else { return Ok(new_int(cx.heap_mut(), 0)) };
        return Ok(new_bigint(cx.heap_mut(), round_int(&v, k)));
    }
    let Some(f) = peek_f64(x).filter(|_| is(x, &FLOAT)) else {
        let msg = format!("type {} doesn't define __round__ method", b::type_name(rt, x));
        return err(cx, rt, "TypeError", &msg);
    };
    match nd {
        None => int_of_float(cx, rt, f.round_ties_even()),
        Some(nd) => {
            let n = index_value(cx, rt, nd)?;
            let r = round_float(f, n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX }));
            match r {
                Some(r) => Ok(new_float(cx.heap_mut(), r)),
                None => err(cx, rt, "OverflowError", "rounded value too large to represent"),
            }
        }
    }
}

/// `round(v, -k)` for an int: to a multiple of `10**k`, halves to even.
fn round_int(v: &BigInt, k: u32) -> BigInt {
    let p = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = v.div_mod_floor(&p);
    let twice = &r * 2;
    let up = twice > p || (twice == p && q.is_odd());
    (if up { q + 1 } else { q }) * p
}

/// `round(f, n)` for a float, correctly rounded (halves to even on the exact binary value),
/// as CPython; `None` when the result overflows.
fn round_float(f: f64, n: i64) -> Option<f64> {
    if !f.is_finite() || n > 330 {
        return Some(f);
    }
    if n < -330 {
        return Some(0.0f64.copysign(f));
    }
    let r: f64 = if n >= 0 {
        format!("{:.*}", n as usize, f).parse().unwrap_or(f)
    } else {
        // Exactly: f = m * 2**e, rounded to a multiple of 10**-n.
        let bits = f.abs().to_bits();
        let (exp, frac) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
        let (m, e) = if exp == 0 { (frac, -1074i64) } else { (frac | (1 << 52), exp as i64 - 1075) };
        let p = num_traits::pow(BigInt::from(10), (-n) as usize);
        let (num, den) =
            if e >= 0 { (BigInt::from(m) << e as usize, p) } else { (BigInt::from(m), p << (-e) as usize) };
        let (q, rem) = num.div_rem(&den);
        let twice = rem * 2;
        let q = if twice > den || (twice == den && q.is_odd()) { q + 1 } else { q };
        format!("{q}e{}", -n).parse().unwrap_or(f64::INFINITY)
    };
    if r.is_infinite() {
        return None;
    }
    Some(r.abs().copysign(f))
}

/// `divmod(a, b)`.
pub(super) fn divmod<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let [a, c] = args[..] else {
        return err(cx, rt, "TypeError", &format!("divmod expected 2 arguments, got {}", args.len()));
    };
    if let (Some(x), Some(y)) = (peek_bigint(a), peek_bigint(c)) {
        if y.is_zero() {
            return err(cx, rt, "ZeroDivisionError", "integer division or modulo by zero");
        }
        let (q, m) = x.div_mod_floor(&y);
        let (q, m) = (new_bigint(cx.heap_mut(), q), new_bigint(cx.heap_mut(), m));
        return Ok(new_tuple(cx.heap_mut(), &[q, m]));
    }
    if let (Some(x), Some(y)) = (peek_f64(a), peek_f64(c)) {
        if y == 0.0 {
            return err(cx, rt, "ZeroDivisionError", "float divmod()");
        }
        let (q, m) = crate::numbers::float_divmod(x, y);
        let (q, m) = (new_float(cx.heap_mut(), q), new_float(cx.heap_mut(), m));
        return Ok(new_tuple(cx.heap_mut(), &[q, m]));
    }
    for (obj, other, name) in [(a, c, "__divmod__"), (c, a, "__rdivmod__")] {
        if is(obj, &INSTANCE) {
            if let Some(r) = b::call_method(cx, rt, obj, name, &[other]) {
                let r = r?;
                if r != rt.notimpl.get() {
                    return Ok(r);
                }
            }
        }
    }
    let msg =
        format!("unsupported operand type(s) for divmod(): '{}' and '{}'", b::type_name(rt, a), b::type_name(rt, c));
    err(cx, rt, "TypeError", &msg)
}

/// `pow(base, exp, mod=None)`.
pub(super) fn pow<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let names = ["base", "exp", "mod"];
    let mut vals: [Option<usize>; 3] = [args.first().copied(), args.get(1).copied(), args.get(2).copied()];
    if args.len() > 3 {
        return err(cx, rt, "TypeError", &format!("pow expected at most 3 arguments, got {}", args.len()));
    }
    for (k, v) in kw {
        match names.iter().position(|n| **n == **k) {
            Some(i) if vals[i].is_none() => vals[i] = Some(*v),
            Some(_) => {
                return err(cx, rt, "TypeError", &format!("argument for pow() given by name ('{k}') and position"))
            }
            None => return err(cx, rt, "TypeError", &format!("pow() got an unexpected keyword argument '{k}'")),
        }
    }
    let (Some(a), Some(e)) = (vals[0], vals[1]) else {
        let missing = if vals[0].is_none() { "base" } else { "exp" };
        let pos = if vals[0].is_none() { 1 } else { 2 };
        return err(cx, rt, "TypeError", &format!("pow() missing required argument '{missing}' (pos {pos})"));
    };
    let Some(m) = vals[2].filter(|&m| m != rt.none.get()) else {
        return b::binary(cx, rt, crate::bytecode::BinOp::Pow, a, e);
    };
    if is(a, &INSTANCE) {
        if let Some(r) = b::call_method(cx, rt, a, "__pow__", &[e, m]) {
            return r;
        }
    }
    let (Some(x), Some(y), Some(z)) = (peek_bigint(a), peek_bigint(e), peek_bigint(m)) else {
        return err(cx, rt, "TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
    };
    if z.is_zero() {
        return err(cx, rt, "ValueError", "pow() 3rd argument cannot be 0");
    }
    let modulus = z.abs();
    let (base, exp) = if y.is_negative() {
        match mod_inverse(&x.mod_floor(&modulus), &modulus) {
            Some(inv) => (inv, -y),
            None => return err(cx, rt, "ValueError", "base is not invertible for the given modulus"),
        }
    } else {
        (x.mod_floor(&modulus), y)
    };
    let mut r = base.modpow(&exp, &modulus);
    if z.is_negative() && !r.is_zero() {
        r += &z;
    }
    Ok(new_bigint(cx.heap_mut(), r))
}

/// The inverse of `a` modulo `m` (both non-negative), if they are coprime.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return if m.is_one() { Some(BigInt::zero()) } else { None };
    }
    Some(g.x.mod_floor(m))
}

fn self_int(t: Option<usize>) -> BigInt {
    peek_bigint(this(t)).unwrap_or_default()
}

pub(super) fn int_bit_count<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = self_int(t);
    let n: u64 = v.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(new_int(cx.heap_mut(), n as i64))
}

pub(super) fn int_as_integer_ratio<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let n = new_bigint(cx.heap_mut(), self_int(t));
    let one = new_int(cx.heap_mut(), 1);
    Ok(new_tuple(cx.heap_mut(), &[n, one]))
}

pub(super) fn int_conjugate<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = this(t);
    if is(v, &BOOL) {
        return Ok(new_bigint(cx.heap_mut(), self_int(t)));
    }
    Ok(v)
}

fn self_float(t: Option<usize>) -> f64 {
    peek_f64(this(t)).unwrap_or(0.0)
}

/// A finite float as an exact fraction in lowest terms.
pub fn float_ratio(f: f64) -> (BigInt, BigInt) {
    let bits = f.abs().to_bits();
    let (exp, frac) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    let (m, e) = if exp == 0 { (frac, -1074i64) } else { (frac | (1 << 52), exp as i64 - 1075) };
    let (mut num, mut den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::one())
    } else {
        (BigInt::from(m), BigInt::one() << (-e) as usize)
    };
    let g = num.gcd(&den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    if num.is_zero() {
        den = BigInt::one();
    }
    (if f < 0.0 { -num } else { num }, den)
}

pub(super) fn float_as_integer_ratio<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = self_float(t);
    if f.is_nan() {
        return err(cx, rt, "ValueError", "cannot convert NaN to integer ratio");
    }
    if f.is_infinite() {
        return err(cx, rt, "OverflowError", "cannot convert Infinity to integer ratio");
    }
    let (n, d) = float_ratio(f);
    let (n, d) = (new_bigint(cx.heap_mut(), n), new_bigint(cx.heap_mut(), d));
    Ok(new_tuple(cx.heap_mut(), &[n, d]))
}

pub(super) fn float_conjugate<S: Space>(
    _: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(this(t))
}

pub(super) fn complex_conjugate<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(crate::complex::conjugate(cx, this(t)))
}

/// `float.hex()`: `0x1.8000000000000p+0`.
pub fn float_to_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.abs().to_bits();
    let (exp, frac) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp as i64 - 1023) };
    let esign = if e < 0 { "-" } else { "+" };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", e.abs())
}

pub(super) fn float_hex<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = float_to_hex(self_float(t));
    Ok(new_str(cx.heap_mut(), &s))
}

/// `m * 2**e` as the nearest float (halves to even); infinity past the range.
fn ldexp_big(m: &BigInt, e: i64) -> f64 {
    if m.is_zero() {
        return 0.0;
    }
    let bits = m.bits() as i64;
    // The exponent of the leading bit, and how many bits the float keeps (fewer when subnormal).
    let top = bits - 1 + e;
    if top > 1023 {
        return f64::INFINITY;
    }
    let keep = if top < -1022 { 53 - (-1022 - top) } else { 53 };
    if keep < 0 {
        return 0.0;
    }
    let shift = bits - keep;
    let (q, e2) = if shift > 0 {
        let q = m >> shift as usize;
        let rem = m - (&q << shift as usize);
        let half = BigInt::one() << (shift - 1) as usize;
        let q = if rem > half || (rem == half && q.is_odd()) { q + 1 } else { q };
        (q, e + shift)
    } else {
        (m.clone(), e)
    };
    // `q` has at most 54 bits (a carry gives a power of two): exact, as is the scaling.
    ldexp(q.to_f64().unwrap_or(f64::INFINITY), e2)
}

/// `v * 2**e`, scaling in steps that stay exact while the result is representable.
fn ldexp(mut v: f64, mut e: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    while e > 1023 {
        v *= pow2(1023);
        e -= 1023;
        if v.is_infinite() {
            return v;
        }
    }
    while e < -1022 {
        v *= pow2(-1022);
        e += 1022;
        if v == 0.0 {
            return v;
        }
    }
    v * pow2(e)
}

/// Parses `float.fromhex`'s format: `[sign]['0x']hex['.'hex]['p'[sign]dec]`, `inf`, `nan`.
pub fn parse_hex_float(s: &str) -> Result<f64, &'static str> {
    let invalid = "invalid hexadecimal floating-point string";
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let sign = |v: f64| if neg { -v } else { v };
    if lower == "inf" || lower == "infinity" {
        return Ok(sign(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(sign(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid);
    }
    let mut m = BigInt::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or(invalid)?;
        m = m * 16 + d;
    }
    let e: i64 = match exp {
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return Err(invalid);
            }
            e.parse::<i64>().unwrap_or(if e.starts_with('-') { -1_000_000 } else { 1_000_000 })
        }
        None => 0,
    };
    let v = ldexp_big(&m, e - 4 * frac_part.len() as i64);
    if v.is_infinite() {
        return Err("hexadecimal value too large to represent as a float");
    }
    Ok(sign(v))
}

/// `float.fromhex(s)` (a class method).
pub(super) fn float_fromhex<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    // Read through a class or an instance (`F.fromhex`), the class comes first.
    let (cls, args) = super::class_first(rt, "float", args);
    let [s] = args[..] else {
        return err(cx, rt, "TypeError", &format!("fromhex() takes exactly one argument ({} given)", args.len()));
    };
    if !is(s, &STR) {
        return err(cx, rt, "TypeError", &format!("must be str, not {}", b::type_name(rt, s)));
    }
    match parse_hex_float(text(s)) {
        Ok(f) => {
            let f = new_float(cx.heap_mut(), f);
            super::made_by(cx, rt, cls, f)
        }
        Err(msg) if msg.starts_with("invalid") => err(cx, rt, "ValueError", msg),
        Err(msg) => err(cx, rt, "OverflowError", msg),
    }
}

/// A memoryview's bytes as a bytes object (what `int()` and `float()` parse); other values as
/// they are.
fn view_bytes<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<usize, usize> {
    if !crate::memview::is_view(v) {
        return Ok(v);
    }
    crate::memview::live(cx, rt, v)?;
    let data = crate::memview::gather(v);
    Ok(crate::bytes::new_bytes(cx.heap_mut(), &data))
}
