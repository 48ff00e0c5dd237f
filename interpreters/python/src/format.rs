//! Text of numbers and format specs as CPython writes them: `repr(float)`, `format(x, spec)`,
//! `%`-formatting, and the hashes of numbers and strs.

use crate::builtins::{self, text};
use crate::objects::*;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// `repr(x)` for a float: the shortest digits that read back as `x`, in CPython's layout
/// (scientific below 1e-4 and from 1e16).
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x);
    // ryu gives "1.5e-7" or "123.0" or "1e16"; split into digits and exponent.
    let (mant, exp) = match s.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().unwrap_or(0)),
        None => (s.to_string(), 0),
    };
    let neg = mant.starts_with('-');
    let mant = mant.trim_start_matches('-');
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let mut digits: String = format!("{int_part}{frac_part}");
    let mut point = int_part.len() as i32 + exp; // position of the decimal point in `digits`
    let lead = digits.len() - digits.trim_start_matches('0').len();
    digits = digits[lead..].to_string();
    point -= lead as i32;
    let digits = digits.trim_end_matches('0').to_string();
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let e10 = point - 1; // scientific exponent
    let body = if !(-4..16).contains(&e10) {
        let (first, rest) = digits.split_at(1);
        let m = if rest.is_empty() { first.to_string() } else { format!("{first}.{rest}") };
        format!("{m}e{}{:02}", if e10 < 0 { '-' } else { '+' }, e10.abs())
    } else if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else if point as usize >= digits.len() {
        format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
    } else {
        format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

const MODULUS: u64 = (1 << 61) - 1;

/// CPython's hash of an int.
pub fn int_hash(v: &BigInt) -> i64 {
    if let Some(v) = v.to_i64() {
        return int_hash_i64(v);
    }
    let m = BigInt::from(MODULUS);
    let r = (v.abs() % &m).to_i64().unwrap_or(0);
    let h = if v.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// [`int_hash`] of an int that fits 64 bits, without making a big int.
pub fn int_hash_i64(v: i64) -> i64 {
    let r = (v.unsigned_abs() % MODULUS) as i64;
    let h = if v < 0 { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a float (equal to the hash of an equal int).
pub fn float_hash(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return int_hash_i64(x as i64);
    }
    let (m, e) = frexp(x.abs());
    let mut m = m;
    let mut e = e;
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    h = ((h << e) & MODULUS) | (h >> (61 - e));
    let h = if x < 0.0 { -(h as i64) } else { h as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// The hash of a str (SipHash-1-3 with a fixed key, as CPython with `PYTHONHASHSEED=0`).
pub fn str_hash(s: &str) -> i64 {
    use std::hash::Hasher;
    if s.is_empty() {
        return 0;
    }
    // CPython hashes the str's storage: one byte per char (Latin-1), two or four (UCS-2,
    // UCS-4, little-endian), by the widest char.
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    let widest = s.chars().map(|c| c as u32).max().unwrap_or(0);
    if s.is_ascii() {
        h.write(s.as_bytes());
    } else if widest <= 0xff {
        h.write(&s.chars().map(|c| c as u8).collect::<Vec<u8>>());
    } else if widest <= 0xffff {
        h.write(&s.chars().flat_map(|c| (c as u16).to_le_bytes()).collect::<Vec<u8>>());
    } else {
        h.write(&s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect::<Vec<u8>>());
    }
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

pub(crate) fn float_fixed(x: f64, prec: usize) -> String {
    format!("{:.*}", prec, x)
}

pub(crate) fn float_sci(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    let out = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

pub(crate) fn float_general(x: f64, prec: usize, alt: bool) -> String {
    let p = prec.max(1);
    if x == 0.0 {
        return if alt { format!("{:.*}", p - 1, 0.0) } else { "0".into() };
    }
    let exp = x.abs().log10().floor() as i32;
    let sci = float_sci(x, p - 1, false);
    let e: i32 = sci.split_once('e').unwrap().1.parse().unwrap();
    let _ = exp;
    let body = if e < -4 || e >= p as i32 { sci } else { float_fixed(x, (p as i32 - 1 - e).max(0) as usize) };
    if alt {
        return body;
    }
    match body.split_once('e') {
        Some((m, e)) => {
            let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
            format!("{m}e{e}")
        }
        None if body.contains('.') => body.trim_end_matches('0').trim_end_matches('.').to_string(),
        None => body,
    }
}

/// `format(v, spec)` for builtin values; instances use `__format__` or `str`.
pub fn format<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, spec: &str) -> Result<String, usize> {
    if is(v, &INSTANCE) {
        // The builtin `__format__`s (int's, str's, object's, ...) give `str(self)` for the
        // empty spec: a subclass's own `__str__` or `__repr__`.
        if spec.is_empty()
            && crate::classes::lookup(rt, builtins::peek_type(rt, v), "__format__").is_some_and(|f| is(f, &BUILTIN))
        {
            return builtins::to_str(cx, rt, v);
        }
        let __t1 = crate::runtime::new_str(cx.heap_mut(), spec);
        if let Some(r) = builtins::call_method(cx, rt, v, "__format__", &[__t1]) {
            let r = r?;
            if !is(r, &STR) {
                let msg = format!("__format__ must return a str, not {}", builtins::type_name(rt, r));
                return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
            }
            return Ok(text(r).to_string());
        }
        if spec.is_empty() {
            return builtins::to_str(cx, rt, v);
        }
    }
    if spec.is_empty() {
        return builtins::to_str(cx, rt, v);
    }
    let tname = builtins::type_name(rt, v);
    let fail =
        |cx: &mut Cx<'_, S>, (class, msg): crate::fmtspec::SpecError| crate::errors::new_error(cx, rt, class, &msg);
    let is_int = is(v, &INT) || is(v, &BIGINT) || is(v, &BOOL);
    if is_int {
        let s = crate::fmtspec::parse(spec, &tname, Some('d'), '>').map_err(|e| fail(cx, e))?;
        let n: BigInt = if is(v, &BOOL) {
            BigInt::from((v == rt.true_.get()) as i64)
        } else if is(v, &INT) {
            BigInt::from(unsafe { read_word(v, &INT_VALUE) } as i64)
        } else {
            unsafe { bigint_data(v) }.clone()
        };
        let mut limit_error = None;
        let mut decimal = || match crate::numbers::int_to_decimal(cx, rt, &n.abs()) {
            Ok(d) => Ok(d),
            Err(e) => {
                limit_error = Some(e);
                Err(("ValueError", String::new()))
            }
        };
        let out = crate::fmtspec::format_int(&s, &n, &tname, &mut decimal);
        if let Some(e) = limit_error {
            return Err(e);
        }
        match out.map_err(|e| fail(cx, e))? {
            crate::fmtspec::IntOut::Text(t) => return Ok(t),
            crate::fmtspec::IntOut::AsFloat => {
                let Some(x) = n.to_f64().filter(|x| x.is_finite()) else {
                    return Err(crate::errors::new_error(cx, rt, "OverflowError", "int too large to convert to float"));
                };
                return crate::fmtspec::format_float(&s, x, &tname).map_err(|e| fail(cx, e));
            }
        }
    }
    if is(v, &FLOAT) {
        let x = f64::from_bits(unsafe { read_word(v, &FLOAT_VALUE) });
        let s = crate::fmtspec::parse(spec, &tname, None, '>').map_err(|e| fail(cx, e))?;
        return crate::fmtspec::format_float(&s, x, &tname).map_err(|e| fail(cx, e));
    }
    if crate::complex::is_complex(v) {
        let (re, im) = crate::complex::parts(v);
        let s = crate::fmtspec::parse(spec, &tname, None, '>').map_err(|e| fail(cx, e))?;
        return crate::fmtspec::format_complex(&s, re, im, &tname).map_err(|e| fail(cx, e));
    }
    if is(v, &STR) {
        let s = crate::fmtspec::parse(spec, &tname, Some('s'), '<').map_err(|e| fail(cx, e))?;
        return crate::fmtspec::format_str(&s, text(v), &tname).map_err(|e| fail(cx, e));
    }
    // `object.__format__`: only the empty spec.
    let msg = format!("unsupported format string passed to {}.__format__", builtins::type_name(rt, v));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs_match_cpython() {
        for (x, want) in [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123.456, "123.456"),
            (-2.5, "-2.5"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0f64.powi(70), "1.1805916207174113e+21"),
            (f64::INFINITY, "inf"),
        ] {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn int_hashes_match_cpython() {
        assert_eq!(int_hash(&BigInt::from(-1)), -2);
        assert_eq!(int_hash(&BigInt::from(12345)), 12345);
        assert_eq!(float_hash(1.5), 1152921504606846977);
        assert_eq!(float_hash(2.0), 2);
    }
}
