//! The format-spec mini-language of `format(x, spec)`, `str.format` and f-strings for ints,
//! floats, complex numbers and strs, as CPython's `formatter_unicode.c` does it:
//! `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`, zero padding that grows
//! through the thousands separators, `#` forms, and its error messages.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed spec.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    /// `z`: negative zero formats as zero.
    pub no_neg_zero: bool,
    pub alt: bool,
    pub width: usize,
    /// `,` or `_` (`_` every four digits in `b`/`o`/`x`/`X`).
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// The message of a spec that does not parse, or that does not suit the type.
pub type SpecError = (&'static str, String);

fn value_error(msg: String) -> SpecError {
    ("ValueError", msg)
}

fn type_char(c: char) -> String {
    if (' '..'\u{7f}').contains(&c) && c != ' ' {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// Parses `spec` for an object of type `tname` whose default type is `default_ty` and
/// default alignment `default_align`.
pub fn parse(spec: &str, tname: &str, default_ty: Option<char>, default_align: char) -> Result<Spec, SpecError> {
    let cs: Vec<char> = spec.chars().collect();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: default_ty,
    };
    let mut i = 0;
    let mut fill_given = false;
    if cs.len() >= 2 && is_align(cs[1]) {
        s.fill = cs[0];
        s.align = Some(cs[1]);
        fill_given = true;
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        s.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        s.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if !fill_given && i < cs.len() && cs[i] == '0' {
        s.fill = '0';
        if s.align.is_none() && default_align == '>' {
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < cs.len() && cs[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let digits: String = cs[start..i].iter().collect();
        s.width = digits
            .parse::<usize>()
            .ok()
            .filter(|&w| w <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string".into()))?;
    }
    if i < cs.len() && cs[i] == ',' {
        s.grouping = Some(',');
        i += 1;
    }
    if i < cs.len() && cs[i] == '_' {
        if s.grouping.is_some() {
            return Err(value_error("Cannot specify both ',' and '_'.".into()));
        }
        s.grouping = Some('_');
        i += 1;
    }
    if i < cs.len() && cs[i] == ',' && s.grouping == Some('_') {
        return Err(value_error("Cannot specify both ',' and '_'.".into()));
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        let start = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision".into()));
        }
        let digits: String = cs[start..i].iter().collect();
        s.precision = Some(
            digits
                .parse::<usize>()
                .ok()
                .filter(|&p| p <= isize::MAX as usize)
                .ok_or_else(|| value_error("Too many decimal digits in format string".into()))?,
        );
    }
    if cs.len() - i > 1 {
        return Err(value_error(format!("Invalid format specifier '{spec}' for object of type '{tname}'")));
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
    }
    if let Some(g) = s.grouping {
        match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => return Err(value_error(format!("Cannot specify '{g}' with {}.", type_char(t)))),
        }
    }
    Ok(s)
}

fn unknown(ty: char, tname: &str) -> SpecError {
    value_error(format!("Unknown format code {} for object of type '{tname}'", type_char(ty)))
}

/// Groups `digits` by `size` with `sep` (CPython's `_PyUnicode_InsertThousandsGrouping`),
/// padding with zeros to at least `min_width` characters.
fn group(digits: &str, sep: Option<char>, size: usize, min_width: usize) -> String {
    let Some(sep) = sep else {
        let pad = min_width.saturating_sub(digits.len());
        return format!("{}{digits}", "0".repeat(pad));
    };
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width as isize;
    let mut pos = d.len();
    let mut pieces: Vec<String> = Vec::new();
    let mut use_sep = false;
    loop {
        let l = (size as isize).min(remaining.max(min_width).max(1));
        let zeros = (l - remaining).max(0) as usize;
        let chars = remaining.min(l).max(0) as usize;
        let mut piece: String = "0".repeat(zeros);
        piece.extend(&d[pos - chars..pos]);
        pos -= chars;
        if use_sep {
            piece.push(sep);
        }
        pieces.push(piece);
        remaining -= chars as isize;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
        use_sep = true;
    }
    pieces.reverse();
    pieces.concat()
}

/// Lays out a number: `sign` and `prefix`, the integer `digits` (grouped), the rest
/// (`.fraction`, exponent, `%`), then padding to the width.
fn layout(s: &Spec, sign: &str, prefix: &str, digits: &str, rest: &str, group_size: usize) -> String {
    let fixed = sign.chars().count() + prefix.chars().count() + rest.chars().count();
    let min_width = if s.fill == '0' && s.align == Some('=') { s.width.saturating_sub(fixed) } else { 0 };
    let grouped = if digits.is_empty() { String::new() } else { group(digits, s.grouping, group_size, min_width) };
    let len = fixed + grouped.chars().count();
    let n = s.width.saturating_sub(len);
    let f = |k: usize| s.fill.to_string().repeat(k);
    match s.align.unwrap_or('>') {
        '<' => format!("{sign}{prefix}{grouped}{rest}{}", f(n)),
        '^' => format!("{}{sign}{prefix}{grouped}{rest}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{prefix}{}{grouped}{rest}", f(n)),
        _ => format!("{}{sign}{prefix}{grouped}{rest}", f(n)),
    }
}

fn sign_of(s: &Spec, negative: bool) -> &'static str {
    match (negative, s.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// What an int formats to, given its decimal digits (computed by the caller, which knows
/// the digit limit) or None for the other bases.
pub enum IntOut {
    Text(String),
    /// The int is to be formatted as a float with this spec (types `eEfFgG%`).
    AsFloat,
}

/// `format(n, spec)` for an int (`decimal`: the digits of `|n|` when type `d`/`n`/none).
pub fn format_int(
    s: &Spec,
    n: &BigInt,
    tname: &str,
    decimal: &mut dyn FnMut() -> Result<String, (&'static str, String)>,
) -> Result<IntOut, SpecError> {
    let ty = s.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return Ok(IntOut::AsFloat);
    }
    if !matches!(ty, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') {
        return Err(unknown(ty, tname));
    }
    if s.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier".into()));
    }
    if s.no_neg_zero {
        return Err(value_error("Negative zero coercion (z) not allowed in integer format specifier".into()));
    }
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(value_error("Sign not allowed with integer format specifier 'c'".into()));
        }
        if s.alt {
            return Err(value_error("Alternate form (#) not allowed with integer format specifier 'c'".into()));
        }
        let Some(x) = n.to_i64() else {
            return Err(("OverflowError", "Python int too large to convert to C long".into()));
        };
        let Some(c) = u32::try_from(x).ok().filter(|&x| x <= 0x10ffff).and_then(char::from_u32).or(
            // (Surrogates: CPython makes a lone surrogate; the nearest we can is U+FFFD.)
            if (0xd800..0xe000).contains(&x) { Some('\u{fffd}') } else { None },
        ) else {
            return Err(("OverflowError", "%c arg not in range(0x110000)".into()));
        };
        // No sign, no zero padding between: a char is laid out like a str.
        let s2 = Spec { grouping: None, ..s.clone() };
        return Ok(IntOut::Text(layout(&s2, "", "", "", &c.to_string(), 3)));
    }
    let a = n.abs();
    let (digits, prefix) = match ty {
        'x' => (a.to_str_radix(16), "0x"),
        'X' => (a.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (a.to_str_radix(8), "0o"),
        'b' => (a.to_str_radix(2), "0b"),
        _ => (decimal()?, ""),
    };
    let prefix = if s.alt { prefix } else { "" };
    let size = if matches!(ty, 'x' | 'X' | 'o' | 'b') { 4 } else { 3 };
    Ok(IntOut::Text(layout(s, sign_of(s, n.is_negative()), prefix, &digits, "", size)))
}

/// The digits of `x` (finite, non-negative) as CPython's `PyOS_double_to_string` writes
/// them: `ty` one of `e`, `f`, `g`, `r` (repr), `alt` the `#` form, `dot0` a `.0` after
/// integers (types `r`, and `g` from an omitted type).
pub fn float_digits(x: f64, ty: char, prec: usize, alt: bool, dot0: bool) -> String {
    match ty {
        'f' => {
            let s = format!("{:.*}", prec, x);
            if alt && prec == 0 {
                format!("{s}.")
            } else {
                s
            }
        }
        'e' => {
            let s = format!("{:.*e}", prec, x);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            let dot = if alt && prec == 0 { "." } else { "" };
            format!("{m}{dot}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
        }
        'g' => {
            let p = prec.max(1);
            let x10 = if x == 0.0 {
                0
            } else {
                let s = format!("{:.*e}", p - 1, x);
                s.split_once('e').map(|(_, e)| e.parse::<i32>().unwrap_or(0)).unwrap_or(0)
            };
            let decpt = x10 + 1;
            let limit = if dot0 { p as i32 - 1 } else { p as i32 };
            let body = if decpt <= -4 || decpt > limit {
                let s = format!("{:.*e}", p - 1, x);
                let (m, _) = s.split_once('e').unwrap_or((&s, ""));
                let m = if alt { m.to_string() } else { strip_zeros(m) };
                let m = if alt && !m.contains('.') { format!("{m}.") } else { m };
                format!("{m}e{}{:02}", if x10 < 0 { '-' } else { '+' }, x10.abs())
            } else {
                let s = format!("{:.*}", (p as i32 - decpt).max(0) as usize, x);
                let s = if alt { s } else { strip_zeros(&s) };
                if alt && !s.contains('.') {
                    format!("{s}.")
                } else if dot0 && !s.contains('.') {
                    format!("{s}.0")
                } else {
                    s
                }
            };
            body
        }
        _ => {
            // The shortest digits that read back as `x`.
            let r = crate::format::float_repr(x);
            let r = if let Some((m, e)) = r.split_once('e') {
                if alt && !m.contains('.') {
                    format!("{m}.e{e}")
                } else {
                    r
                }
            } else {
                let int = r.strip_suffix(".0");
                match int {
                    Some(i) if alt && !dot0 => format!("{i}."),
                    Some(i) if !dot0 => i.to_string(),
                    _ => r,
                }
            };
            r
        }
    }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// Splits a formatted magnitude into its leading integer digits and the rest.
fn split_digits(body: &str) -> (&str, &str) {
    let k = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    body.split_at(k)
}

/// One float formatted without padding: (sign, digits, rest). `ty` is the spec's type after
/// the defaults (`r` for an omitted one).
fn float_parts(s: &Spec, x: f64, ty: char, prec: usize, dot0: bool, force_sign: bool) -> (String, String, String) {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    let lower = ty.to_ascii_lowercase();
    let (pct, x, lower) = if ty == '%' { (true, x * 100.0, 'f') } else { (false, x, lower) };
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let mut body = if a.is_nan() {
        "nan".to_string()
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        float_digits(a, lower, prec, s.alt, dot0)
    };
    if upper {
        body = body.to_uppercase();
    }
    if pct {
        body.push('%');
    }
    let zero = !body.chars().any(|c| c.is_ascii_digit() && c != '0') && a.is_finite();
    let neg = neg && !(s.no_neg_zero && zero);
    let sign = if force_sign && !neg { "+".to_string() } else { sign_of(s, neg).to_string() };
    let (d, r) = split_digits(&body);
    (sign, d.to_string(), r.to_string())
}

/// `format(x, spec)` for a float.
pub fn format_float(s: &Spec, x: f64, tname: &str) -> Result<String, SpecError> {
    let (ty, prec, dot0) = float_type(s, tname)?;
    let (sign, digits, rest) = float_parts(s, x, ty, prec, dot0, false);
    Ok(layout(s, &sign, "", &digits, &rest, 3))
}

/// The type, precision and `.0` rule a float spec works with.
fn float_type(s: &Spec, tname: &str) -> Result<(char, usize, bool), SpecError> {
    let ty = match s.ty {
        None => 'r',
        Some('n') => 'g',
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => t,
        Some(t) => return Err(unknown(t, tname)),
    };
    Ok(match (ty, s.precision) {
        ('r', Some(p)) => ('g', p, true),
        ('r', None) => ('r', 0, true),
        (t, p) => (t, p.unwrap_or(6), false),
    })
}

/// `format(z, spec)` for a complex number.
pub fn format_complex(s: &Spec, re: f64, im: f64, tname: &str) -> Result<String, SpecError> {
    let omitted = s.ty.is_none();
    let (ty, prec, _) = float_type(s, tname)?;
    if ty == '%' {
        return Err(unknown('%', tname));
    }
    if s.fill == '0' {
        return Err(value_error("Zero padding is not allowed in complex format specifier".into()));
    }
    if s.align == Some('=') {
        return Err(value_error("'=' alignment flag is not allowed in complex format specifier".into()));
    }
    let (skip_re, parens) = if omitted {
        let skip = re == 0.0 && re.is_sign_positive();
        (skip, !skip)
    } else {
        (false, false)
    };
    let mut out = String::new();
    if !skip_re {
        let (sign, d, r) = float_parts(s, re, ty, prec, false, false);
        let grouped = if d.is_empty() { d } else { group(&d, s.grouping, 3, 0) };
        out.push_str(&format!("{sign}{grouped}{r}"));
    }
    let (sign, d, r) = float_parts(s, im, ty, prec, false, !skip_re);
    let grouped = if d.is_empty() { d } else { group(&d, s.grouping, 3, 0) };
    out.push_str(&format!("{sign}{grouped}{r}j"));
    if parens {
        out = format!("({out})");
    }
    let s2 = Spec { grouping: None, fill: s.fill, ..s.clone() };
    Ok(layout(&s2, "", "", "", &out, 3))
}

/// `format(text, spec)` for a str.
pub fn format_str(s: &Spec, text: &str, tname: &str) -> Result<String, SpecError> {
    match s.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown(t, tname)),
    }
    if s.sign == Some(' ') {
        return Err(value_error("Space not allowed in string format specifier".into()));
    }
    if s.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier".into()));
    }
    if s.no_neg_zero {
        return Err(value_error("Negative zero coercion (z) not allowed in string format specifier".into()));
    }
    if s.alt {
        return Err(value_error("Alternate form (#) not allowed in string format specifier".into()));
    }
    if s.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier".into()));
    }
    let t: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    let s2 = Spec { align: s.align.or(Some('<')), grouping: None, ..s.clone() };
    Ok(layout(&s2, "", "", "", &t, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, spec: &str) -> String {
        let s = parse(spec, "float", None, '>').unwrap();
        format_float(&s, x, "float").unwrap()
    }

    #[test]
    fn floats_match_cpython() {
        assert_eq!(f(2.5, "#.0"), "2.e+00");
        assert_eq!(f(100.0, ".3"), "1e+02");
        assert_eq!(f(12345.678, "015,.2f"), "0,000,012,345.68");
        assert_eq!(f(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(f(-0.0001, "z.2f"), "0.00");
        assert_eq!(f(1e16, "#"), "1.e+16");
        assert_eq!(f(1.0, "10"), "       1.0");
    }

    #[test]
    fn grouping_pads_through_separators() {
        assert_eq!(group("0", Some(','), 3, 8), "0,000,000");
        assert_eq!(group("3039", Some('_'), 4, 10), "0_0000_3039");
        assert_eq!(group("1234567", Some(','), 3, 0), "1,234,567");
    }
}
