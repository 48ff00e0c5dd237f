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

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str) -> Option<Spec> {
    let cs: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    if cs.len() >= 2 && matches!(cs[1], '<' | '>' | '^' | '=') {
        s.fill = Some(cs[0]);
        s.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && matches!(cs[0], '<' | '>' | '^' | '=') {
        s.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        s.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < cs.len() && cs[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = cs[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        s.grouping = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let start = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(cs[start..i].iter().collect::<String>().parse().ok()?);
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
        i += 1;
    }
    (i == cs.len()).then_some(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn pad(body: String, sign: &str, s: &Spec, default_right: bool) -> String {
    let len = body.chars().count() + sign.chars().count();
    if s.width <= len {
        return format!("{sign}{body}");
    }
    let fill = s.fill.unwrap_or(if s.zero { '0' } else { ' ' });
    let n = s.width - len;
    let align = s.align.unwrap_or(if s.zero {
        '='
    } else if default_right {
        '>'
    } else {
        '<'
    });
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
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
    let Some(s) = parse_spec(spec) else {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "Invalid format specifier"));
    };
    let is_int = (is(v, &INT) || is(v, &BIGINT) || is(v, &BOOL))
        && !matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%'));
    if is_int {
        let n: BigInt = if is(v, &BOOL) {
            BigInt::from((v == rt.true_.get()) as i64)
        } else if is(v, &INT) {
            BigInt::from(unsafe { read_word(v, &INT_VALUE) } as i64)
        } else {
            unsafe { bigint_data(v) }.clone()
        };
        let (digits, prefix) = match s.ty {
            Some('x') => (n.abs().to_str_radix(16), "0x"),
            Some('X') => (n.abs().to_str_radix(16).to_uppercase(), "0X"),
            Some('o') => (n.abs().to_str_radix(8), "0o"),
            Some('b') => (n.abs().to_str_radix(2), "0b"),
            Some('c') => (char::from_u32(n.to_u32().unwrap_or(0)).unwrap_or('?').to_string(), ""),
            Some('d') | Some('n') | None => (crate::numbers::int_to_decimal(cx, rt, &n.abs())?, ""),
            Some(t) => {
                let msg = format!("Unknown format code '{t}' for object of type '{}'", builtins::type_name(rt, v));
                return Err(crate::errors::new_error(cx, rt, "ValueError", &msg));
            }
        };
        let digits = match s.grouping {
            Some(g) => group(&digits, g, if matches!(s.ty, Some('x' | 'X' | 'o' | 'b')) { 4 } else { 3 }),
            None => digits,
        };
        let sign = if n.is_negative() {
            "-"
        } else {
            match s.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let sign = format!("{sign}{}", if s.alt { prefix } else { "" });
        return Ok(pad(digits, &sign, &s, true));
    }
    let fv = if is(v, &FLOAT) {
        Some(f64::from_bits(unsafe { read_word(v, &FLOAT_VALUE) }))
    } else if is(v, &INT) || is(v, &BIGINT) || is(v, &BOOL) {
        Some(if is(v, &INT) {
            (unsafe { read_word(v, &INT_VALUE) }) as i64 as f64
        } else if is(v, &BOOL) {
            (v == rt.true_.get()) as i64 as f64
        } else {
            let f = unsafe { bigint_data(v) }.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                return Err(crate::errors::new_error(cx, rt, "OverflowError", "int too large to convert to float"));
            }
            f
        })
    } else {
        None
    };
    if let Some(x) = fv {
        let neg = x.is_sign_negative() && !(x == 0.0 && !x.is_sign_negative());
        let a = x.abs();
        let body = if a.is_nan() {
            "nan".to_string()
        } else if a.is_infinite() {
            "inf".to_string()
        } else {
            match s.ty {
                Some('f') | Some('F') => float_fixed(a, s.precision.unwrap_or(6)),
                Some('e') | Some('E') => float_sci(a, s.precision.unwrap_or(6), s.ty == Some('E')),
                Some('g') | Some('n') => float_general(a, s.precision.unwrap_or(6), s.alt),
                Some('G') => float_general(a, s.precision.unwrap_or(6), s.alt).to_uppercase(),
                Some('%') => format!("{}%", float_fixed(a * 100.0, s.precision.unwrap_or(6))),
                None => match s.precision {
                    Some(p) => {
                        let g = float_general(a, p, s.alt);
                        if g.contains(['.', 'e', 'n', 'i']) {
                            g
                        } else {
                            format!("{g}.0")
                        }
                    }
                    None => float_repr(a),
                },
                Some(t) => {
                    let msg = format!("Unknown format code '{t}' for object of type 'float'");
                    return Err(crate::errors::new_error(cx, rt, "ValueError", &msg));
                }
            }
        };
        let body = match s.grouping {
            Some(g) => {
                let (i, f) = body
                    .split_once('.')
                    .map(|(i, f)| (i.to_string(), format!(".{f}")))
                    .unwrap_or((body.clone(), String::new()));
                if i.chars().all(|c| c.is_ascii_digit()) {
                    format!("{}{f}", group(&i, g, 3))
                } else {
                    body
                }
            }
            None => body,
        };
        let sign = if neg {
            "-"
        } else {
            match s.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        return Ok(pad(body, sign, &s, true));
    }
    if is(v, &STR) {
        if matches!(s.ty, Some(t) if t != 's') {
            let msg = format!("Unknown format code '{}' for object of type 'str'", s.ty.unwrap());
            return Err(crate::errors::new_error(cx, rt, "ValueError", &msg));
        }
        let bad = if s.sign.is_some() {
            Some("Sign not allowed in string format specifier".to_string())
        } else if s.alt {
            Some("Alternate form (#) not allowed in string format specifier".to_string())
        } else if s.align == Some('=') {
            Some("'=' alignment not allowed in string format specifier".to_string())
        } else {
            s.grouping.map(|g| format!("Cannot specify '{g}' with 's'."))
        };
        if let Some(msg) = bad {
            return Err(crate::errors::new_error(cx, rt, "ValueError", &msg));
        }
        let t = text(v);
        let t: String = match s.precision {
            Some(p) => t.chars().take(p).collect(),
            None => t.to_string(),
        };
        // A `0` flag pads a str with zeros on the right (unless an alignment is given).
        let s = Spec { align: s.align.or(Some('<')), fill: s.fill.or(s.zero.then_some('0')), ..s };
        return Ok(pad(t, "", &s, false));
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
