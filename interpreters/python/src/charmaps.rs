//! The text encodings beyond the Unicode ones and Latin-1 (see `codecs`): `utf-8-sig`,
//! `unicode_escape`, `raw_unicode_escape` and Windows' `cp1252`, as pure functions that
//! `codecs` calls; a failure is `(start, end, reason)` for its Unicode error.

/// One of the encodings here.
#[derive(Clone, Copy, PartialEq)]
pub enum Charmap {
    Utf8Sig,
    UnicodeEscape,
    RawUnicodeEscape,
    Cp1252,
}

impl Charmap {
    /// The encoding named `n` (normalized: lower case, `-` for `_` and spaces).
    pub fn lookup(n: &str) -> Option<Charmap> {
        Some(match n {
            "utf-8-sig" | "utf8-sig" => Charmap::Utf8Sig,
            "unicode-escape" => Charmap::UnicodeEscape,
            "raw-unicode-escape" => Charmap::RawUnicodeEscape,
            "cp1252" | "windows-1252" | "1252" => Charmap::Cp1252,
            _ => return None,
        })
    }

    /// The codec name Unicode errors give.
    pub fn name(self) -> &'static str {
        match self {
            Charmap::Utf8Sig => "utf-8",
            Charmap::UnicodeEscape => "unicodeescape",
            Charmap::RawUnicodeEscape => "rawunicodeescape",
            Charmap::Cp1252 => "charmap",
        }
    }
}

/// Windows-1252's chars for bytes 0x80..0xA0 (0: undefined); the other bytes are Latin-1.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// The cp1252 byte of `c`, if it has one.
pub fn cp1252_byte(c: char) -> Option<u8> {
    let n = c as u32;
    if n < 0x80 || (0xA0..0x100).contains(&n) {
        return Some(n as u8);
    }
    CP1252_HIGH.iter().position(|&u| u != 0 && u as u32 == n).map(|k| 0x80 + k as u8)
}

/// The char of cp1252 byte `b`, if it has one.
pub fn cp1252_char(b: u8) -> Option<char> {
    match b {
        0x80..=0x9F => char::from_u32(CP1252_HIGH[(b - 0x80) as usize] as u32).filter(|&c| c != '\0'),
        _ => Some(b as char),
    }
}

/// `s` as `unicode_escape` (or, `raw`, `raw_unicode_escape`) writes it.
pub fn escape(s: &str, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = crate::chars::code_point(c);
        match c {
            _ if raw && n < 0x100 => out.push(n as u8),
            '\\' => out.extend(b"\\\\"),
            '\t' => out.extend(b"\\t"),
            '\n' => out.extend(b"\\n"),
            '\r' => out.extend(b"\\r"),
            _ if (0x20..0x7f).contains(&n) => out.push(n as u8),
            _ if n < 0x100 => out.extend(format!("\\x{n:02x}").bytes()),
            _ if n < 0x10000 => out.extend(format!("\\u{n:04x}").bytes()),
            _ => out.extend(format!("\\U{n:08x}").bytes()),
        }
    }
    out
}

/// Decodes `unicode_escape` (or, `raw`, `raw_unicode_escape`) bytes `b`.
pub fn unescape(b: &[u8], raw: bool) -> Result<String, (usize, usize, String)> {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' || i + 1 >= b.len() && raw {
            out.push(c as char);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = b.get(i + 1) else {
            return Err((start, b.len(), "\\ at end of string".into()));
        };
        // A hex escape of `digits` digits: the code point, or the error.
        let hex = |digits: usize, what: &str| -> Result<(u32, usize), (usize, usize, String)> {
            let from = i + 2;
            let got = b[from..].iter().take(digits).take_while(|d| d.is_ascii_hexdigit()).count();
            if got < digits {
                return Err((start, from + got, format!("truncated {what} escape")));
            }
            let text = std::str::from_utf8(&b[from..from + digits]).unwrap_or("0");
            Ok((u32::from_str_radix(text, 16).unwrap_or(0), from + digits))
        };
        let (cp, next) = match e {
            b'u' => hex(4, "\\uXXXX")?,
            b'U' => hex(8, "\\UXXXXXXXX")?,
            b'\\' if raw => {
                // (An escaped backslash: what follows it is not an escape.)
                out.push_str("\\\\");
                i += 2;
                continue;
            }
            _ if raw => {
                out.push('\\');
                i += 1;
                continue;
            }
            b'x' => hex(2, "\\xXX")?,
            b'\n' => {
                i += 2;
                continue;
            }
            b'0'..=b'7' => {
                let digits = b[i + 1..].iter().take(3).take_while(|d| (b'0'..=b'7').contains(d)).count();
                let text = std::str::from_utf8(&b[i + 1..i + 1 + digits]).unwrap_or("0");
                (u32::from_str_radix(text, 8).unwrap_or(0), i + 1 + digits)
            }
            b'N' => {
                let close = b[i + 2..].iter().position(|&x| x == b'}');
                let named = match close {
                    Some(k) if b.get(i + 2) == Some(&b'{') => std::str::from_utf8(&b[i + 3..i + 2 + k])
                        .ok()
                        .and_then(unicode_names2::character)
                        .map(|c| (c as u32, i + 3 + k)),
                    _ => None,
                };
                match named {
                    Some(v) => v,
                    None if close.is_some() && b.get(i + 2) == Some(&b'{') => {
                        let end = close.map_or(b.len(), |k| i + 3 + k);
                        return Err((start, end, "unknown Unicode character name".into()));
                    }
                    None => {
                        let end = if b.get(i + 2) == Some(&b'{') { b.len() } else { (i + 2).min(b.len()) };
                        return Err((start, end, "malformed \\N character escape".into()));
                    }
                }
            }
            _ => {
                let simple = match e {
                    b'\\' => Some('\\'),
                    b'\'' => Some('\''),
                    b'"' => Some('"'),
                    b'a' => Some('\x07'),
                    b'b' => Some('\x08'),
                    b'f' => Some('\x0c'),
                    b'n' => Some('\n'),
                    b'r' => Some('\r'),
                    b't' => Some('\t'),
                    b'v' => Some('\x0b'),
                    _ => None,
                };
                match simple {
                    Some(c) => out.push(c),
                    None => {
                        out.push('\\');
                        out.push(e as char);
                    }
                }
                i += 2;
                continue;
            }
        };
        match crate::chars::from_code_point(cp) {
            Some(c) => out.push(c),
            None => return Err((start, next, "illegal Unicode character".into())),
        }
        i = next;
    }
    Ok(out)
}
