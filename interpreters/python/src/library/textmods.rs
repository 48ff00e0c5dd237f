//! The text module written in Rust: `unicodedata` (names, categories, numeric values and
//! normalization forms of characters). (`string` is written in Python: `lib/string.py`.)

use super::*;
use crate::chars;
use unicode_normalization::UnicodeNormalization;

rows! {
    "unicodedata.name" => ud_name,
    "unicodedata.lookup" => ud_lookup,
    "unicodedata.category" => ud_category,
    "unicodedata.east_asian_width" => ud_east_asian_width,
    "unicodedata.normalize" => ud_normalize,
    "unicodedata.is_normalized" => ud_is_normalized,
    "unicodedata.decimal" => ud_decimal,
    "unicodedata.digit" => ud_digit,
    "unicodedata.numeric" => ud_numeric,
    "unicodedata.combining" => ud_combining,
}

/// The `unicodedata` module's version of the Unicode database (CPython 3.11's).
pub const UNIDATA_VERSION: &str = "14.0.0";

/// The one char of a str argument of length 1.
fn char_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fname: &str, args: &[usize], k: usize) -> Result<char, usize> {
    let v = arg(cx, rt, args, k, fname)?;
    if is(v, &STR) {
        let mut cs = text(v).chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            return Ok(c);
        }
    }
    let what = if is(v, &STR) { "str".into() } else { b::type_name(rt, v) };
    // CPython numbers the argument only in the functions that take a second (a default).
    let which = match fname {
        "category" | "combining" | "east_asian_width" | "bidirectional" | "mirrored" | "decomposition" => String::new(),
        _ => format!(" {}", k + 1),
    };
    let msg = format!("{fname}() argument{which} must be a unicode character, not {what}");
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// A default argument, returned instead of raising.
fn or_default<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], k: usize, class: &str, msg: &str) -> PyResult {
    match args.get(k) {
        Some(&d) => Ok(d),
        None => err(cx, rt, class, msg),
    }
}

pub(super) fn ud_name<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let c = char_arg(cx, rt, "name", args, 0)?;
    match unicode_names2::name(c) {
        Some(n) => s(cx, &n.to_string()),
        None => or_default(cx, rt, args, 1, "ValueError", "no such name"),
    }
}

pub(super) fn ud_lookup<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let n = arg(cx, rt, args, 0, "lookup")?;
    let n = super::strs::str_arg(cx, rt, n)?;
    match unicode_names2::character(n) {
        Some(c) => s(cx, c.encode_utf8(&mut [0; 4])),
        None => err(cx, rt, "KeyError", &format!("undefined character name '{n}'")),
    }
}

pub(super) fn ud_category<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let c = char_arg(cx, rt, "category", args, 0)?;
    s(cx, unicode_general_category::get_general_category(c).abbreviation())
}

/// `unicodedata.east_asian_width(chr)`: "F", "H", "W", "Na", "A" or "N".
pub(super) fn ud_east_asian_width<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let c = char_arg(cx, rt, "east_asian_width", args, 0)?;
    s(cx, super::eawidth::east_asian_width(c))
}

/// The normalization form `form` of `st`, or `None` for an unknown form.
fn normalized(form: &str, st: &str) -> Option<String> {
    Some(match form {
        "NFC" => st.nfc().collect(),
        "NFD" => st.nfd().collect(),
        "NFKC" => st.nfkc().collect(),
        "NFKD" => st.nfkd().collect(),
        _ => return None,
    })
}

fn normalize_args<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fname: &str, args: &[usize]) -> Result<String, usize> {
    let (f, v) = (arg(cx, rt, args, 0, fname)?, arg(cx, rt, args, 1, fname)?);
    let (f, v) = (super::strs::str_arg(cx, rt, f)?, super::strs::str_arg(cx, rt, v)?);
    normalized(f, v).ok_or_else(|| crate::errors::new_error(cx, rt, "ValueError", "invalid normalization form"))
}

pub(super) fn ud_normalize<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let r = normalize_args(cx, rt, "normalize", args)?;
    s(cx, &r)
}

pub(super) fn ud_is_normalized<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let r = normalize_args(cx, rt, "is_normalized", args)?;
    Ok(rt.bool_obj(r == text(args[1])))
}

/// The value of a decimal digit (category Nd): its place in its run of ten.
fn decimal_value(c: char) -> Option<u32> {
    if !chars::is_decimal(c) {
        return None;
    }
    let mut start = c as u32;
    while start > 0 && char::from_u32(start - 1).is_some_and(chars::is_decimal) {
        start -= 1;
    }
    Some((c as u32 - start) % 10)
}

/// Digits of category No: (first, last, value of the first).
const DIGIT_VALUES: &[(u32, u32, u32)] = &[
    (0xb2, 0xb3, 2),
    (0xb9, 0xb9, 1),
    (0x1369, 0x1371, 1),
    (0x19da, 0x19da, 1),
    (0x2070, 0x2070, 0),
    (0x2074, 0x2079, 4),
    (0x2080, 0x2089, 0),
    (0x2460, 0x2468, 1),
    (0x2474, 0x247c, 1),
    (0x2488, 0x2490, 1),
    (0x24ea, 0x24ea, 0),
    (0x24f5, 0x24fd, 1),
    (0x24ff, 0x24ff, 0),
    (0x2776, 0x277e, 1),
    (0x2780, 0x2788, 1),
    (0x278a, 0x2792, 1),
    (0x10a40, 0x10a43, 1),
    (0x10e60, 0x10e68, 1),
    (0x11052, 0x1105a, 1),
    (0x1f100, 0x1f100, 0),
    (0x1f101, 0x1f10a, 0),
];

fn digit_value(c: char) -> Option<u32> {
    decimal_value(c).or_else(|| {
        let n = c as u32;
        DIGIT_VALUES.iter().find(|&&(a, z, _)| (a..=z).contains(&n)).map(|&(a, _, v)| v + n - a)
    })
}

/// Numeric values of common non-digit numeric characters (fractions, Roman numerals, CJK
/// numerals).
fn numeric_value(c: char) -> Option<f64> {
    if let Some(d) = digit_value(c) {
        return Some(d as f64);
    }
    let n = c as u32;
    let v = match n {
        0xbc => 0.25,
        0xbd => 0.5,
        0xbe => 0.75,
        0x2150 => 1.0 / 7.0,
        0x2151 => 1.0 / 9.0,
        0x2152 => 0.1,
        0x2153 => 1.0 / 3.0,
        0x2154 => 2.0 / 3.0,
        0x2155 => 0.2,
        0x2156 => 0.4,
        0x2157 => 0.6,
        0x2158 => 0.8,
        0x2159 => 1.0 / 6.0,
        0x215a => 5.0 / 6.0,
        0x215b => 0.125,
        0x215c => 0.375,
        0x215d => 0.625,
        0x215e => 0.875,
        0x215f => 1.0,
        0x2189 => 0.0,
        0x2160..=0x216b | 0x2170..=0x217b => {
            let k = (n - 0x2160) % 16;
            (k + 1) as f64
        }
        0x216c | 0x217c => 50.0,
        0x216d | 0x217d => 100.0,
        0x216e | 0x217e => 500.0,
        0x216f | 0x217f => 1000.0,
        0x3007 | 0x96f6 => 0.0,
        0x4e00 | 0x58f1 | 0x58f9 => 1.0,
        0x4e8c | 0x5f0d | 0x8cb3 | 0x8d30 | 0x5169 => 2.0,
        0x4e09 | 0x5f0e | 0x53c1 | 0x53c2 | 0x53c3 | 0x53c4 => 3.0,
        0x56db | 0x8086 => 4.0,
        0x4e94 | 0x4f0d => 5.0,
        0x516d | 0x9678 | 0x9646 => 6.0,
        0x4e03 | 0x67d2 => 7.0,
        0x516b | 0x634c => 8.0,
        0x4e5d | 0x7396 => 9.0,
        0x5341 | 0x62fe => 10.0,
        0x5eff | 0x5344 => 20.0,
        0x5345 => 30.0,
        0x767e | 0x4f70 | 0x964c => 100.0,
        0x5343 | 0x4edf | 0x9621 => 1000.0,
        0x4e07 | 0x842c => 10000.0,
        0x5104 | 0x4ebf => 100000000.0,
        0x5146 => 1e12,
        _ => return None,
    };
    Some(v)
}

pub(super) fn ud_decimal<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let c = char_arg(cx, rt, "decimal", args, 0)?;
    match decimal_value(c) {
        Some(v) => Ok(new_int(cx.heap_mut(), v as i64)),
        None => or_default(cx, rt, args, 1, "ValueError", "not a decimal"),
    }
}

pub(super) fn ud_digit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let c = char_arg(cx, rt, "digit", args, 0)?;
    match digit_value(c) {
        Some(v) => Ok(new_int(cx.heap_mut(), v as i64)),
        None => or_default(cx, rt, args, 1, "ValueError", "not a digit"),
    }
}

pub(super) fn ud_numeric<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let c = char_arg(cx, rt, "numeric", args, 0)?;
    match numeric_value(c) {
        Some(v) => Ok(new_float(cx.heap_mut(), v)),
        None => or_default(cx, rt, args, 1, "ValueError", "not a numeric character"),
    }
}

pub(super) fn ud_combining<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let c = char_arg(cx, rt, "combining", args, 0)?;
    Ok(new_int(cx.heap_mut(), unicode_normalization::char::canonical_combining_class(c) as i64))
}
