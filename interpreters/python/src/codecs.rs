//! Text encodings for `str.encode`, `bytes.decode` and `bytes(s, encoding)`: UTF-8, ASCII,
//! (`utf-8-sig`, the escape codecs and cp1252 are in `charmaps`),
//! Latin-1, UTF-16 and UTF-32 (with or without a byte order mark; CPython's names for them), the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `surrogatepass` and `surrogateescape` (see
//! `chars::SURROGATE_BASE` for how a str holds a lone surrogate), and CPython's Unicode error
//! messages.

use crate::builtins::{text, type_name};
use crate::charmaps::{self, Charmap};
use crate::objects::*;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;

type Cx<'a, S> = Concrete<'a, Py<S>>;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16 in this byte order (`None`: with a byte order mark, little-endian by default).
    Utf16(Option<bool>),
    /// UTF-32 likewise.
    Utf32(Option<bool>),
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf16(_) => "utf-16-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
            Codec::Utf32(_) => "utf-32-le",
        }
    }
    /// The highest code point the codec encodes, plus one.
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
            _ => 0x110000,
        }
    }
}

/// An encoding's name as the lookups compare it (lower case, `-` for `_` and spaces).
fn normalized(name: &str) -> String {
    name.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect()
}

fn lookup(name: &str) -> Option<Codec> {
    let n = normalized(name);
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
            Codec::Latin1
        }
        "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf-16-le" | "utf-16le" => Codec::Utf16(Some(false)),
        "utf-16-be" | "utf-16be" => Codec::Utf16(Some(true)),
        "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf-32-le" | "utf-32le" => Codec::Utf32(Some(false)),
        "utf-32-be" | "utf-32be" => Codec::Utf32(Some(true)),
        _ => return None,
    })
}

/// The UTF-16 or UTF-32 bytes of `s` (`width` 2 or 4), with a byte order mark if `big` is None.
fn encode_wide(s: &str, width: usize, big: Option<bool>) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * width + width);
    let be = big == Some(true);
    let mut put = |u: u32| {
        if width == 2 {
            let b = u as u16;
            out.extend(if be { b.to_be_bytes() } else { b.to_le_bytes() });
        } else {
            out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
    };
    if big.is_none() {
        put(0xfeff);
    }
    for c in s.chars() {
        if width == 2 {
            let mut units = [0u16; 2];
            for &u in c.encode_utf16(&mut units).iter() {
                put(u as u32);
            }
        } else {
            put(c as u32);
        }
    }
    out
}

/// Decodes UTF-16 or UTF-32 from `b[i..]` into `out` up to the first error: `(position, bad
/// byte count, reason)`, or `None` when all of it decoded.
fn decode_wide(
    b: &[u8],
    mut i: usize,
    width: usize,
    be: bool,
    out: &mut String,
) -> Option<(usize, usize, &'static str)> {
    let unit = |k: usize| -> u32 {
        if width == 2 {
            let p = [b[k], b[k + 1]];
            (if be { u16::from_be_bytes(p) } else { u16::from_le_bytes(p) }) as u32
        } else {
            let p = [b[k], b[k + 1], b[k + 2], b[k + 3]];
            if be {
                u32::from_be_bytes(p)
            } else {
                u32::from_le_bytes(p)
            }
        }
    };
    while i < b.len() {
        if b.len() - i < width {
            return Some((i, b.len() - i, "truncated data"));
        }
        let u = unit(i);
        if width == 4 {
            match char::from_u32(u) {
                Some(c) => out.push(c),
                None if (0xd800..0xe000).contains(&u) => {
                    return Some((i, 4, "code point in surrogate code point range(0xd800, 0xe000)"))
                }
                None => return Some((i, 4, "code point not in range(0x110000)")),
            }
            i += 4;
            continue;
        }
        match u {
            0xd800..=0xdbff => {
                if b.len() - i < 4 {
                    return Some((i, b.len() - i, "unexpected end of data"));
                }
                let v = unit(i + 2);
                if !(0xdc00..=0xdfff).contains(&v) {
                    return Some((i, 2, "illegal UTF-16 surrogate"));
                }
                out.push(char::from_u32(0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00)).unwrap_or('\u{fffd}'));
                i += 4;
            }
            0xdc00..=0xdfff => return Some((i, 2, "illegal encoding")),
            _ => {
                out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                i += 2;
            }
        }
    }
    None
}

/// An `encoding` or `errors` argument as text (`None`: absent).
fn arg_text<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    v: Option<usize>,
    what: &str,
    fname: &str,
) -> Result<Option<&'static str>, usize> {
    match v {
        None => Ok(None),
        Some(v) if is(v, &STR) => Ok(Some(text(v))),
        Some(v) => {
            let short = fname.rsplit('.').next().unwrap_or(fname);
            let msg = format!("{short}() argument '{what}' must be str, not {}", type_name(rt, v));
            Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
        }
    }
}

fn codec<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: Option<&str>) -> Result<Codec, usize> {
    let name = name.unwrap_or("utf-8");
    lookup(name).ok_or_else(|| crate::errors::new_error(cx, rt, "LookupError", &format!("unknown encoding: {name}")))
}

fn bad_handler<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, h: &str) -> usize {
    crate::errors::new_error(cx, rt, "LookupError", &format!("unknown error handler name '{h}'"))
}

/// A char as CPython escapes it in Unicode error messages.
fn escaped(c: char) -> String {
    let n = crate::chars::code_point(c);
    if (0x20..0x7f).contains(&n) {
        c.to_string()
    } else if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// The bytes of char `ch` in codec `c`, which can encode it (no byte order mark).
fn encode_char(c: Codec, ch: char, out: &mut Vec<u8>) {
    match c {
        Codec::Utf8 => out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes()),
        Codec::Ascii | Codec::Latin1 => out.push(ch as u32 as u8),
        Codec::Utf16(big) => out.extend(encode_wide(ch.encode_utf8(&mut [0; 4]), 2, Some(big == Some(true)))),
        Codec::Utf32(big) => out.extend(encode_wide(ch.encode_utf8(&mut [0; 4]), 4, Some(big == Some(true)))),
    }
}

/// Surrogate `u` in codec `c` as `surrogatepass` writes it (None: the codec has no way).
fn pass_surrogate(c: Codec, u: u32, out: &mut Vec<u8>) -> bool {
    let be = |big: Option<bool>| big == Some(true);
    match c {
        Codec::Utf8 => out.extend([0xE0 | (u >> 12) as u8, 0x80 | ((u >> 6) & 0x3F) as u8, 0x80 | (u & 0x3F) as u8]),
        Codec::Utf16(big) => {
            let b = u as u16;
            out.extend(if be(big) { b.to_be_bytes() } else { b.to_le_bytes() });
        }
        Codec::Utf32(big) => out.extend(if be(big) { u.to_be_bytes() } else { u.to_le_bytes() }),
        _ => return false,
    }
    true
}

/// `s.encode(encoding, errors)`
pub fn encode<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    s: &str,
    encoding: Option<usize>,
    errors: Option<usize>,
) -> Result<Vec<u8>, usize> {
    let enc = arg_text(cx, rt, encoding, "encoding", "str.encode")?;
    let handler = arg_text(cx, rt, errors, "errors", "str.encode")?.unwrap_or("strict");
    if let Some(m) = enc.and_then(|e| Charmap::lookup(&normalized(e))) {
        return encode_charmap(cx, rt, s, m, handler);
    }
    let c = codec(cx, rt, enc)?;
    encode_as(cx, rt, s, c, handler)
}

/// `s.encode(...)` in one of the `charmaps` encodings.
fn encode_charmap<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    s: &str,
    m: Charmap,
    handler: &str,
) -> Result<Vec<u8>, usize> {
    match m {
        Charmap::Utf8Sig => {
            let mut out = vec![0xEF, 0xBB, 0xBF];
            out.extend(encode_as(cx, rt, s, Codec::Utf8, handler)?);
            Ok(out)
        }
        Charmap::UnicodeEscape => Ok(charmaps::escape(s, false)),
        Charmap::RawUnicodeEscape => Ok(charmaps::escape(s, true)),
        Charmap::Cp1252 => {
            let chars: Vec<char> = s.chars().collect();
            let mut out = Vec::with_capacity(chars.len());
            for (i, &ch) in chars.iter().enumerate() {
                if let Some(b) = charmaps::cp1252_byte(ch) {
                    out.push(b);
                    continue;
                }
                match handler {
                    "strict" => {
                        let obj = crate::runtime::new_str(cx.heap_mut(), s);
                        let why = "character maps to <undefined>";
                        return Err(unicode_error(cx, rt, "UnicodeEncodeError", m.name(), obj, (i, i + 1), why));
                    }
                    "ignore" => {}
                    "replace" => out.push(b'?'),
                    "backslashreplace" => out.extend(escaped(ch).bytes()),
                    "xmlcharrefreplace" => out.extend(format!("&#{};", crate::chars::code_point(ch)).bytes()),
                    h => return Err(bad_handler(cx, rt, h)),
                }
            }
            Ok(out)
        }
    }
}

/// `s.encode(...)` in codec `c` with error handler `handler`.
fn encode_as<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: &str, c: Codec, handler: &str) -> Result<Vec<u8>, usize> {
    let plain = !crate::chars::may_hold_surrogates(s);
    match c {
        Codec::Utf8 if plain => return Ok(s.as_bytes().to_vec()),
        Codec::Utf16(big) if plain => return Ok(encode_wide(s, 2, big)),
        Codec::Utf32(big) if plain => return Ok(encode_wide(s, 4, big)),
        _ => {}
    }
    // Whether the codec encodes `ch` (surrogates: only the error handlers may).
    let encodable =
        |ch: char| (ch as u32) < c.limit() && (c.limit() < 0x110000 || crate::chars::as_surrogate(ch).is_none());
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    match c {
        Codec::Utf16(None) => out.extend([0xff, 0xfe]),
        Codec::Utf32(None) => out.extend([0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if encodable(ch) {
            encode_char(c, ch, &mut out);
            i += 1;
            continue;
        }
        // A run of chars the codec cannot encode.
        let end = (i..chars.len()).find(|&k| encodable(chars[k])).unwrap_or(chars.len());
        let failed = |cx: &mut Cx<'_, S>| {
            let obj = crate::runtime::new_str(cx.heap_mut(), s);
            let reason = if c.limit() < 0x110000 {
                format!("ordinal not in range({})", c.limit())
            } else {
                "surrogates not allowed".to_string()
            };
            unicode_error(cx, rt, "UnicodeEncodeError", c.name(), obj, (i, end), &reason)
        };
        match handler {
            "strict" => return Err(failed(cx)),
            "ignore" => {}
            "replace" => {
                for _ in i..end {
                    encode_char(c, '?', &mut out);
                }
            }
            "backslashreplace" => {
                for &x in &chars[i..end] {
                    for e in escaped(x).chars() {
                        encode_char(c, e, &mut out);
                    }
                }
            }
            "xmlcharrefreplace" => {
                for &x in &chars[i..end] {
                    for e in format!("&#{};", crate::chars::code_point(x)).chars() {
                        encode_char(c, e, &mut out);
                    }
                }
            }
            "surrogatepass" => {
                for &x in &chars[i..end] {
                    let passed = crate::chars::as_surrogate(x).is_some_and(|u| pass_surrogate(c, u, &mut out));
                    if !passed {
                        return Err(failed(cx));
                    }
                }
            }
            "surrogateescape" => {
                for &x in &chars[i..end] {
                    match crate::chars::as_surrogate(x) {
                        Some(u) if (0xDC80..0xDD00).contains(&u) => out.push((u - 0xDC00) as u8),
                        _ => return Err(failed(cx)),
                    }
                }
            }
            h => return Err(bad_handler(cx, rt, h)),
        }
        i = end;
    }
    Ok(out)
}

/// The surrogate that `surrogatepass` decodes at the start of `b` in codec `c`, and its
/// length in bytes.
fn passed_surrogate(c: Codec, b: &[u8]) -> Option<(u32, usize)> {
    let u = match c {
        Codec::Utf8 if b.len() >= 3 && b[0] == 0xED && (0xA0..0xC0).contains(&b[1]) && (0x80..0xC0).contains(&b[2]) => {
            return Some((0xD000 | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F), 3));
        }
        Codec::Utf16(big) if b.len() >= 2 => {
            let p = [b[0], b[1]];
            (if big == Some(true) { u16::from_be_bytes(p) } else { u16::from_le_bytes(p) }) as u32
        }
        Codec::Utf32(big) if b.len() >= 4 => {
            let p = [b[0], b[1], b[2], b[3]];
            if big == Some(true) {
                u32::from_be_bytes(p)
            } else {
                u32::from_le_bytes(p)
            }
        }
        _ => return None,
    };
    let len = if matches!(c, Codec::Utf16(_)) { 2 } else { 4 };
    (0xD800..0xE000).contains(&u).then_some((u, len))
}

/// Whether byte `b` may start a UTF-8 sequence.
fn utf8_start(b: u8) -> bool {
    b < 0x80 || (0xc2..=0xf4).contains(&b)
}

/// `b.decode(encoding, errors)`
/// A `UnicodeEncodeError` or `UnicodeDecodeError` (`class`) of codec `encoding` for
/// `object` (the whole str or bytes) at `span`, with its attributes set as CPython's are.
fn unicode_error<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    class: &str,
    encoding: &str,
    object: usize,
    span: (usize, usize),
    reason: &str,
) -> usize {
    let _ = metatrace::Ctx::root(cx, object);
    let enc = crate::runtime::new_str(cx.heap_mut(), encoding);
    let _ = metatrace::Ctx::root(cx, enc);
    let start = crate::runtime::new_int(cx.heap_mut(), span.0 as i64);
    let _ = metatrace::Ctx::root(cx, start);
    let end = crate::runtime::new_int(cx.heap_mut(), span.1 as i64);
    let _ = metatrace::Ctx::root(cx, end);
    let why = crate::runtime::new_str(cx.heap_mut(), reason);
    let _ = metatrace::Ctx::root(cx, why);
    crate::types::call_type(cx, rt, rt.builtin_type(class), &[enc, object, start, end, why], &[]).unwrap_or_else(|e| e)
}

pub fn decode<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    b: &[u8],
    encoding: Option<usize>,
    errors: Option<usize>,
) -> Result<String, usize> {
    let enc = arg_text(cx, rt, encoding, "encoding", "decode")?;
    let handler = arg_text(cx, rt, errors, "errors", "decode")?.unwrap_or("strict");
    if let Some(m) = enc.and_then(|e| Charmap::lookup(&normalized(e))) {
        return decode_charmap(cx, rt, b, m, handler);
    }
    let c = codec(cx, rt, enc)?;
    decode_as(cx, rt, b, c, handler)
}

/// `b.decode(...)` in one of the `charmaps` encodings.
fn decode_charmap<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    b: &[u8],
    m: Charmap,
    handler: &str,
) -> Result<String, usize> {
    let failed = |cx: &mut Cx<'_, S>, (start, end, why): (usize, usize, String)| {
        let obj = crate::bytes::new_bytes(cx.heap_mut(), b);
        unicode_error(cx, rt, "UnicodeDecodeError", m.name(), obj, (start, end), &why)
    };
    match m {
        Charmap::Utf8Sig => decode_as(cx, rt, b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b), Codec::Utf8, handler),
        Charmap::UnicodeEscape | Charmap::RawUnicodeEscape => {
            charmaps::unescape(b, m == Charmap::RawUnicodeEscape).map_err(|e| failed(cx, e))
        }
        Charmap::Cp1252 => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                match charmaps::cp1252_char(x) {
                    Some(c) => out.push(c),
                    None => match handler {
                        "strict" => return Err(failed(cx, (i, i + 1, "character maps to <undefined>".into()))),
                        "ignore" => {}
                        "replace" => out.push('\u{fffd}'),
                        "backslashreplace" => out.push_str(&format!("\\x{x:02x}")),
                        "surrogateescape" => out.extend(crate::chars::from_code_point(0xDC00 + x as u32)),
                        h => return Err(bad_handler(cx, rt, h)),
                    },
                }
            }
            Ok(out)
        }
    }
}

/// `b.decode(...)` in codec `c` with error handler `handler`.
fn decode_as<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    b: &[u8],
    mut c: Codec,
    handler: &str,
) -> Result<String, usize> {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    // A byte order mark picks the byte order of UTF-16 and UTF-32 (and is dropped).
    match c {
        Codec::Utf16(None) if b.starts_with(&[0xfe, 0xff]) => (c, i) = (Codec::Utf16(Some(true)), 2),
        Codec::Utf16(None) if b.starts_with(&[0xff, 0xfe]) => (c, i) = (Codec::Utf16(Some(false)), 2),
        Codec::Utf32(None) if b.starts_with(&[0, 0, 0xfe, 0xff]) => (c, i) = (Codec::Utf32(Some(true)), 4),
        Codec::Utf32(None) if b.starts_with(&[0xff, 0xfe, 0, 0]) => (c, i) = (Codec::Utf32(Some(false)), 4),
        _ => {}
    }
    while i < b.len() {
        // The next bad stretch: [i + ok, i + ok + n), and why.
        let (ok, n, reason) = match c {
            Codec::Latin1 => {
                out.extend(b[i..].iter().map(|&x| x as char));
                break;
            }
            Codec::Utf16(big) | Codec::Utf32(big) => {
                let width = if matches!(c, Codec::Utf16(_)) { 2 } else { 4 };
                match decode_wide(b, i, width, big == Some(true), &mut out) {
                    None => break,
                    Some((at, n, reason)) => (at - i, n, reason),
                }
            }
            Codec::Ascii => match b[i..].iter().position(|&x| x >= 0x80) {
                None => (b.len() - i, 0, ""),
                Some(p) => (p, 1, "ordinal not in range(128)"),
            },
            Codec::Utf8 => match std::str::from_utf8(&b[i..]) {
                Ok(_) => (b.len() - i, 0, ""),
                Err(e) => {
                    let ok = e.valid_up_to();
                    match e.error_len() {
                        Some(1) if !utf8_start(b[i + ok]) => (ok, 1, "invalid start byte"),
                        Some(n) => (ok, n, "invalid continuation byte"),
                        None => (ok, b.len() - i - ok, "unexpected end of data"),
                    }
                }
            },
        };
        // The first `ok` bytes are valid (ASCII or UTF-8; the wide codecs decoded them already).
        if matches!(c, Codec::Ascii | Codec::Utf8) {
            out.push_str(std::str::from_utf8(&b[i..i + ok]).unwrap_or(""));
        }
        if n == 0 {
            break;
        }
        let start = i + ok;
        match handler {
            "strict" => {
                let what = if n == 1 {
                    format!("byte 0x{:02x} in position {start}", b[start])
                } else {
                    format!("bytes in position {start}-{}", start + n - 1)
                };
                let _ = what;
                let obj = crate::bytes::new_bytes(cx.heap_mut(), b);
                return Err(unicode_error(cx, rt, "UnicodeDecodeError", c.name(), obj, (start, start + n), reason));
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for &x in &b[start..start + n] {
                    out.push_str(&format!("\\x{x:02x}"));
                }
            }
            "surrogateescape" => {
                for &x in &b[start..start + n] {
                    out.extend(crate::chars::from_code_point(0xDC00 + x as u32));
                }
            }
            "surrogatepass" => match passed_surrogate(c, &b[start..]) {
                Some((u, len)) => {
                    out.extend(crate::chars::from_code_point(u));
                    i = start + len;
                    continue;
                }
                None => {
                    let obj = crate::bytes::new_bytes(cx.heap_mut(), b);
                    return Err(unicode_error(cx, rt, "UnicodeDecodeError", c.name(), obj, (start, start + n), reason));
                }
            },
            h => return Err(bad_handler(cx, rt, h)),
        }
        i = start + n;
    }
    Ok(out)
}
