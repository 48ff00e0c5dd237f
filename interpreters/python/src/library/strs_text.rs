//! The methods of `str` that look at or change its characters: case mappings, the `is...`
//! predicates, `encode`, `maketrans` / `translate`, and `format` / `format_map`.

use super::textargs::{none, one, params};
use super::*;
use crate::chars;

rows! {
    "str.upper" => str_upper,
    "str.lower" => str_lower,
    "str.casefold" => str_casefold,
    "str.swapcase" => str_swapcase,
    "str.title" => str_title,
    "str.capitalize" => str_capitalize,
    "str.isdigit" => str_isdigit,
    "str.isdecimal" => str_isdecimal,
    "str.isnumeric" => str_isnumeric,
    "str.isalpha" => str_isalpha,
    "str.isalnum" => str_isalnum,
    "str.isspace" => str_isspace,
    "str.isupper" => str_isupper,
    "str.islower" => str_islower,
    "str.istitle" => str_istitle,
    "str.isprintable" => str_isprintable,
    "str.isascii" => str_isascii,
    "str.isidentifier" => str_isidentifier,
    "str.encode" => str_encode,
    "str.maketrans" => str_maketrans,
    "str.translate" => str_translate,
    "str.format" => str_format,
    "str.format_map" => str_format_map,
}

/// A method of no arguments mapping the text to a new text.
fn mapped<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    f: fn(&str) -> String,
) -> PyResult {
    none(cx, rt, name, args, kw)?;
    s(cx, &f(text(this(t))))
}

pub(super) fn str_upper<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if b::ascii(this(t)) && args.is_empty() && kw.is_empty() {
        return Ok(crate::runtime::map_ascii_str(cx.heap_mut(), this(t), |c| c.to_ascii_uppercase()));
    }
    mapped(cx, rt, t, args, kw, "str.upper", str::to_uppercase)
}
pub(super) fn str_lower<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if b::ascii(this(t)) && args.is_empty() && kw.is_empty() {
        return Ok(crate::runtime::map_ascii_str(cx.heap_mut(), this(t), |c| c.to_ascii_lowercase()));
    }
    mapped(cx, rt, t, args, kw, "str.lower", str::to_lowercase)
}
pub(super) fn str_casefold<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "str.casefold", |st| {
        let mut out = String::with_capacity(st.len());
        for c in st.chars() {
            casefold_char(c, &mut out);
        }
        out
    })
}

/// The characters whose full case folding differs from their lowercase (Unicode's
/// CaseFolding.txt, C and F entries, against `char::to_lowercase`).
const FOLD_UNLIKE_LOWER: &[(u32, u32)] = &[
    (0xb5, 0xb5),
    (0xdf, 0xdf),
    (0x149, 0x149),
    (0x17f, 0x17f),
    (0x1f0, 0x1f0),
    (0x345, 0x345),
    (0x390, 0x390),
    (0x3b0, 0x3b0),
    (0x3c2, 0x3c2),
    (0x3d0, 0x3d1),
    (0x3d5, 0x3d6),
    (0x3f0, 0x3f1),
    (0x3f5, 0x3f5),
    (0x587, 0x587),
    (0x13a0, 0x13f5),
    (0x13f8, 0x13fd),
    (0x1c80, 0x1c88),
    (0x1e96, 0x1e9b),
    (0x1e9e, 0x1e9e),
    (0x1f50, 0x1f50),
    (0x1f52, 0x1f52),
    (0x1f54, 0x1f54),
    (0x1f56, 0x1f56),
    (0x1f80, 0x1faf),
    (0x1fb2, 0x1fb4),
    (0x1fb6, 0x1fb7),
    (0x1fbc, 0x1fbc),
    (0x1fbe, 0x1fbe),
    (0x1fc2, 0x1fc4),
    (0x1fc6, 0x1fc7),
    (0x1fcc, 0x1fcc),
    (0x1fd2, 0x1fd3),
    (0x1fd6, 0x1fd7),
    (0x1fe2, 0x1fe4),
    (0x1fe6, 0x1fe7),
    (0x1ff2, 0x1ff4),
    (0x1ff6, 0x1ff7),
    (0x1ffc, 0x1ffc),
    (0xab70, 0xabbf),
    (0xfb00, 0xfb06),
    (0xfb13, 0xfb17),
];

/// Appends the full case folding of `c`: its lowercase, except for the characters above,
/// which fold as the lowercase of their uppercase (`ﬁ` to `fi`, `ß` to `ss`, `ς` to `σ`),
/// Cherokee letters, which fold to their uppercase, and `ẞ`, to `ss`.
fn casefold_char(c: char, out: &mut String) {
    let n = c as u32;
    if n < 0xb5 || !FOLD_UNLIKE_LOWER.iter().any(|&(lo, hi)| (lo..=hi).contains(&n)) {
        out.extend(c.to_lowercase());
    } else if matches!(n, 0x13a0..=0x13f5 | 0x13f8..=0x13fd | 0xab70..=0xabbf) {
        out.extend(c.to_uppercase());
    } else if n == 0x1e9e {
        out.push_str("ss");
    } else {
        for u in c.to_uppercase() {
            out.extend(u.to_lowercase());
        }
    }
}
pub(super) fn str_swapcase<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "str.swapcase", |st| {
        let mut out = String::with_capacity(st.len());
        for c in st.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}
pub(super) fn str_title<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "str.title", |st| {
        let mut out = String::with_capacity(st.len());
        let mut prev_cased = false;
        for c in st.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                chars::to_title(c, &mut out);
            }
            prev_cased = chars::is_cased(c);
        }
        out
    })
}
pub(super) fn str_capitalize<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "str.capitalize", |st| {
        let mut out = String::with_capacity(st.len());
        let mut cs = st.chars();
        if let Some(f) = cs.next() {
            chars::to_title(f, &mut out);
        }
        out.extend(cs.flat_map(char::to_lowercase));
        out
    })
}

/// A predicate true of non-empty texts all of whose chars satisfy `f`.
fn pred<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    f: fn(char) -> bool,
) -> PyResult {
    none(cx, rt, name, args, kw)?;
    let st = text(this(t));
    Ok(rt.bool_obj(!st.is_empty() && st.chars().all(f)))
}

pub(super) fn str_isdigit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "str.isdigit", chars::is_digit)
}
pub(super) fn str_isdecimal<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "str.isdecimal", chars::is_decimal)
}
pub(super) fn str_isnumeric<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "str.isnumeric", chars::is_numeric)
}
pub(super) fn str_isalpha<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "str.isalpha", chars::is_alpha)
}
pub(super) fn str_isalnum<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "str.isalnum", chars::is_alnum)
}
pub(super) fn str_isspace<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "str.isspace", chars::is_space)
}
pub(super) fn str_isprintable<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "str.isprintable", args, kw)?;
    Ok(rt.bool_obj(text(this(t)).chars().all(chars::is_printable)))
}
pub(super) fn str_isascii<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "str.isascii", args, kw)?;
    Ok(rt.bool_obj(b::ascii(this(t))))
}

/// `isupper` / `islower`: some cased char, and none of the other case.
fn case_pred<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    upper: bool,
) -> PyResult {
    none(cx, rt, if upper { "str.isupper" } else { "str.islower" }, args, kw)?;
    let st = text(this(t));
    let wrong =
        |c: char| if upper { c.is_lowercase() || chars::is_title(c) } else { c.is_uppercase() || chars::is_title(c) };
    Ok(rt.bool_obj(st.chars().any(chars::is_cased) && !st.chars().any(wrong)))
}
pub(super) fn str_isupper<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    case_pred(cx, rt, t, args, kw, true)
}
pub(super) fn str_islower<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    case_pred(cx, rt, t, args, kw, false)
}
pub(super) fn str_istitle<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "str.istitle", args, kw)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in text(this(t)).chars() {
        if c.is_uppercase() || chars::is_title(c) {
            if prev_cased {
                return Ok(rt.false_.get());
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(rt.false_.get());
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(rt.bool_obj(cased))
}
pub(super) fn str_isidentifier<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "str.isidentifier", args, kw)?;
    let mut cs = text(this(t)).chars();
    let ok =
        cs.next().is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c)) && cs.all(unicode_ident::is_xid_continue);
    Ok(rt.bool_obj(ok))
}

pub(super) fn str_encode<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "encode", args, kw, &["encoding", "errors"], true)?;
    let v = crate::codecs::encode(cx, rt, text(this(t)), p[0], p[1])?;
    Ok(crate::bytes::new_bytes(cx.heap_mut(), &v))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no bound object).
pub(super) fn str_maketrans<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "maketrans", args, kw, &["x", "y", "z"], false)?;
    let Some(x) = p[0] else {
        return err(cx, rt, "TypeError", "maketrans() takes at least 1 argument (0 given)");
    };
    let d = crate::dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, d);
    let none = rt.none.get();
    let Some(y) = p[1] else {
        if !crate::dict::is_dict(x) {
            return err(cx, rt, "TypeError", "if you give only one argument to maketrans it must be a dict");
        }
        for (k, v) in crate::dict::items(x) {
            let key = if is(k, &STR) {
                let mut cs = text(k).chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => new_int(cx.heap_mut(), c as i64),
                    _ => return err(cx, rt, "ValueError", "string keys in translate table must be of length 1"),
                }
            } else if !is(k, &FLOAT) && peek_bigint(k).is_some() {
                k
            } else {
                return err(cx, rt, "TypeError", "keys in translate table must be strings or integers");
            };
            crate::dict::set(cx, rt, d, key, v)?;
        }
        return Ok(d);
    };
    if !is(x, &STR) || !is(y, &STR) {
        let bad = if !is(x, &STR) { (1, x) } else { (2, y) };
        let msg = format!("maketrans() argument {} must be str, not {}", bad.0, b::type_name(rt, bad.1));
        return err(cx, rt, "TypeError", &msg);
    }
    let (xs, ys): (Vec<char>, Vec<char>) = (text(x).chars().collect(), text(y).chars().collect());
    if xs.len() != ys.len() {
        return err(cx, rt, "ValueError", "the first two maketrans arguments must have equal length");
    }
    for (a, c) in xs.into_iter().zip(ys) {
        let (k, v) = (new_int(cx.heap_mut(), a as i64), new_int(cx.heap_mut(), c as i64));
        crate::dict::set(cx, rt, d, k, v)?;
    }
    if let Some(z) = p[2] {
        if !is(z, &STR) {
            let msg = format!("maketrans() argument 3 must be str, not {}", b::type_name(rt, z));
            return err(cx, rt, "TypeError", &msg);
        }
        for c in text(z).chars() {
            let k = new_int(cx.heap_mut(), c as i64);
            crate::dict::set(cx, rt, d, k, none)?;
        }
    }
    Ok(d)
}

pub(super) fn str_translate<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let table = one(cx, rt, "str.translate", args, kw)?;
    let st = text(this(t));
    let mut out = String::with_capacity(st.len());
    let lookup_error = rt.builtin_type("LookupError");
    for c in st.chars() {
        let k = new_int(cx.heap_mut(), c as i64);
        let v = match crate::types::getitem(cx, rt, table, k) {
            Ok(v) => v,
            Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if v == rt.none.get() {
            continue;
        }
        if is(v, &STR) {
            out.push_str(text(v));
        } else if let Some(n) = peek_i64(v).filter(|_| !is(v, &FLOAT)) {
            match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return err(cx, rt, "ValueError", "character mapping must be in range(0x110000)"),
            }
        } else {
            return err(cx, rt, "TypeError", "character mapping must return integer, None or str");
        }
    }
    s(cx, &out)
}

pub(super) fn str_format<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let out = crate::strformat::format(cx, rt, text(this(t)), args, crate::strformat::Named::Kw(kw))?;
    s(cx, &out)
}
pub(super) fn str_format_map<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let m = one(cx, rt, "str.format_map", args, kw)?;
    let out = crate::strformat::format(cx, rt, text(this(t)), &[], crate::strformat::Named::Map(m))?;
    s(cx, &out)
}
