//! Python's classes of characters, as CPython's `str` methods and `repr` define them (from the
//! Unicode general categories): whitespace, printable, decimal, digit, numeric, cased, title.

use unicode_general_category::{get_general_category, GeneralCategory as G};

/// `c.isspace()`: bidirectional class WS, B or S, or category Zs (Rust's White_Space plus the
/// ASCII separators `\x1c`..`\x1f`).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `c.isprintable()`: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs, except the space.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if (c as u32) < 0x7f {
        return c >= ' ';
    }
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

/// `c.isdecimal()`: category Nd.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    get_general_category(c) == G::DecimalNumber
}

/// Characters of category No that Unicode gives a digit value (superscripts, subscripts,
/// circled and parenthesized digits, ...): `isdigit` counts them, `isdecimal` does not.
const DIGIT_NO: &[(u32, u32)] = &[
    (0xb2, 0xb3),
    (0xb9, 0xb9),
    (0x1369, 0x1371),
    (0x19da, 0x19da),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247c),
    (0x2488, 0x2490),
    (0x24ea, 0x24ea),
    (0x24f5, 0x24fd),
    (0x24ff, 0x24ff),
    (0x2776, 0x277e),
    (0x2780, 0x2788),
    (0x278a, 0x2792),
    (0x10a40, 0x10a43),
    (0x10e60, 0x10e68),
    (0x11052, 0x1105a),
    (0x1f100, 0x1f10a),
];

/// `c.isdigit()`: Numeric_Type Decimal or Digit.
pub fn is_digit(c: char) -> bool {
    is_decimal(c) || DIGIT_NO.iter().any(|&(a, b)| (a..=b).contains(&(c as u32)))
}

/// CJK ideographs with a numeric value (category Lo, Numeric_Type Numeric).
const CJK_NUMERIC: &[u32] = &[
    0x3007, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c, 0x4e94, 0x4e96, 0x4ebf, 0x4ec0, 0x4edf, 0x4ee8, 0x4f0d,
    0x4f70, 0x5104, 0x5146, 0x5169, 0x516b, 0x516d, 0x5341, 0x5343, 0x5344, 0x5345, 0x534c, 0x53c1, 0x53c2, 0x53c3,
    0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c, 0x5f0d, 0x5f0e, 0x5f10, 0x62fe, 0x634c, 0x67d2,
    0x6f06, 0x7396, 0x767e, 0x8086, 0x842c, 0x8cae, 0x8cb3, 0x8d30, 0x9621, 0x9646, 0x964c, 0x9678, 0x96f6,
];

/// `c.isnumeric()`: Numeric_Type Decimal, Digit or Numeric.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    c.is_numeric() || CJK_NUMERIC.contains(&(c as u32))
}

/// `c.isalpha()`: categories Lm, Lt, Lu, Ll, Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        get_general_category(c),
        G::ModifierLetter | G::TitlecaseLetter | G::UppercaseLetter | G::LowercaseLetter | G::OtherLetter
    )
}

/// `c.isalnum()`
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// Titlecase letters (category Lt), e.g. `ǅ`.
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && get_general_category(c) == G::TitlecaseLetter
}

/// Cased characters (upper, lower or titlecase).
pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_title(c)
}

/// A char's titlecase mapping (for the few with one of their own; else its uppercase).
pub fn to_title(c: char, out: &mut String) {
    let special = match c {
        'Ǆ' | 'ǅ' | 'ǆ' => Some('ǅ'),
        'Ǉ' | 'ǈ' | 'ǉ' => Some('ǈ'),
        'Ǌ' | 'ǋ' | 'ǌ' => Some('ǋ'),
        'Ǳ' | 'ǲ' | 'ǳ' => Some('ǲ'),
        _ => None,
    };
    match special {
        Some(t) => out.push(t),
        None if c == 'ß' => out.push_str("Ss"),
        None => out.extend(c.to_uppercase()),
    }
}

/// Python's line boundaries (`splitlines`): `\n`, `\r`, `\x0b`, `\x0c`, `\x1c`, `\x1d`, `\x1e`,
/// `\x85`, `\u2028`, `\u2029` (and `\r\n` as one).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `s` with its non-ASCII chars escaped (`ascii()` of a repr).
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if c.is_ascii() {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// A str here is Rust text, which cannot hold a lone surrogate (U+D800..U+DFFF) as CPython's
/// can (`'\ud800'`, `chr(0xdc80)`, what `surrogateescape` decodes undecodable bytes to). So a
/// str holds surrogate `u` as the private-use char `SURROGATE_BASE + (u - 0xD800)`, among the
/// last 2048 code points of plane 16, and the places where a surrogate shows (`ord`, `chr`,
/// `repr`, the codecs) translate. (Those code points themselves are then not representable.)
pub const SURROGATE_BASE: u32 = 0x10F800;

/// The char a str holds for code point `u`, a surrogate or not (None: not a code point).
pub fn from_code_point(u: u32) -> Option<char> {
    if (0xD800..0xE000).contains(&u) {
        char::from_u32(SURROGATE_BASE + (u - 0xD800))
    } else {
        char::from_u32(u)
    }
}

/// The code point char `c` of a str stands for (a surrogate for the chars that hold one).
pub fn code_point(c: char) -> u32 {
    match as_surrogate(c) {
        Some(u) => u,
        None => c as u32,
    }
}

/// The surrogate that char `c` of a str holds, if it holds one.
pub fn as_surrogate(c: char) -> Option<u32> {
    let n = c as u32;
    (n >= SURROGATE_BASE).then(|| n - SURROGATE_BASE + 0xD800)
}

/// Whether text `s` may hold a surrogate (its UTF-8 has the lead byte of plane 16).
pub fn may_hold_surrogates(s: &str) -> bool {
    s.as_bytes().contains(&0xF4)
}
