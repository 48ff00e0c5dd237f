//! Tests of one character: literals (exact or ignoring case), `.`, and sets `[...]` with
//! their ranges and classes, as the compiler resolves them for the flags in force.
//!
//! Classes follow `sre`: under Unicode (str patterns without `re.ASCII`) `\d` is a decimal
//! digit (`str.isdecimal`), `\s` whitespace (`str.isspace`), `\w` alphanumeric
//! (`str.isalnum`) or `_`; otherwise (ASCII, bytes) they are ASCII only.
//!
//! Ignoring case compares simple case mappings: two characters are equal when their folds
//! (lower of upper) are equal, which also equates the characters CPython lists as special
//! cases (`s`, `S`, `ſ`; `k`, `K` and the Kelvin sign). A set ignoring case contains a
//! character when it contains the character, its lower or upper case, or its fold. Under
//! ASCII (or for bytes) only ASCII letters have a case. Each set keeps a table of its
//! answers for the first 256 characters.

use super::parser::{Category, SetItem};

/// How a test treats case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    Exact,
    Ascii,
    Unicode,
}

fn one(mut it: impl Iterator<Item = char>, c: char) -> char {
    match (it.next(), it.next()) {
        (Some(a), None) => a,
        _ => c,
    }
}

/// The simple lowercase of `c`.
pub fn lower(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    if c == 0x130 {
        // The one character whose full lowercase is two: its simple lowercase is `i`.
        return 'i' as u32;
    }
    char::from_u32(c).map_or(c, |ch| one(ch.to_lowercase(), ch) as u32)
}

/// The simple uppercase of `c`.
pub fn upper(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    char::from_u32(c).map_or(c, |ch| one(ch.to_uppercase(), ch) as u32)
}

/// The key under which characters that are equal ignoring case are equal.
pub fn fold(c: u32, how: Fold) -> u32 {
    match how {
        Fold::Exact => c,
        Fold::Ascii => {
            if c < 128 {
                (c as u8).to_ascii_lowercase() as u32
            } else {
                c
            }
        }
        Fold::Unicode => {
            if c < 128 {
                (c as u8).to_ascii_lowercase() as u32
            } else {
                lower(upper(c))
            }
        }
    }
}

/// Whether `c` is a word character (`\w`).
#[inline]
pub fn is_word(c: u32, unicode: bool) -> bool {
    if c < 128 {
        let b = c as u8;
        return b.is_ascii_alphanumeric() || b == b'_';
    }
    unicode && char::from_u32(c).is_some_and(crate::chars::is_alnum)
}

fn is_digit(c: u32, unicode: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    unicode && char::from_u32(c).is_some_and(crate::chars::is_decimal)
}

fn is_space(c: u32, unicode: bool) -> bool {
    if c < 128 {
        return matches!(c, 9..=13 | 32) || (unicode && (0x1c..=0x1f).contains(&c));
    }
    unicode && char::from_u32(c).is_some_and(crate::chars::is_space)
}

/// Whether `c` is in class `cat`.
pub fn in_category(cat: Category, c: u32, unicode: bool) -> bool {
    match cat {
        Category::Digit => is_digit(c, unicode),
        Category::NotDigit => !is_digit(c, unicode),
        Category::Space => is_space(c, unicode),
        Category::NotSpace => !is_space(c, unicode),
        Category::Word => is_word(c, unicode),
        Category::NotWord => !is_word(c, unicode),
    }
}

/// A set `[...]` for the flags in force.
#[derive(Debug, Clone)]
pub struct CharSet {
    negate: bool,
    items: Vec<SetItem>,
    fold: Fold,
    unicode: bool,
    /// The answers for characters 0-255.
    low: [u64; 4],
}

impl CharSet {
    pub fn new(negate: bool, items: Vec<SetItem>, fold: Fold, unicode: bool) -> CharSet {
        let mut set = CharSet { negate, items, fold, unicode, low: [0; 4] };
        for c in 0..256u32 {
            if set.slow(c) {
                set.low[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        set
    }

    fn raw(&self, c: u32) -> bool {
        self.items.iter().any(|&i| match i {
            SetItem::Lit(x) => x == c,
            SetItem::Range(a, b) => a <= c && c <= b,
            SetItem::Cat(k) => in_category(k, c, self.unicode),
        })
    }

    fn slow(&self, c: u32) -> bool {
        let hit = match self.fold {
            Fold::Exact => self.raw(c),
            Fold::Ascii => self.raw(c) || (c < 128 && (self.raw(lower(c)) || self.raw(upper(c)))),
            Fold::Unicode => {
                self.raw(c) || self.raw(lower(c)) || self.raw(upper(c)) || self.raw(fold(c, Fold::Unicode))
            }
        };
        hit != self.negate
    }

    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 256 {
            return self.low[(c >> 6) as usize] & (1 << (c & 63)) != 0;
        }
        self.slow(c)
    }
}

/// A test of one character.
#[derive(Debug, Clone)]
pub enum Test {
    Lit(u32),
    NotLit(u32),
    /// Equal ignoring case to a character whose fold is this one.
    LitFold(u32, Fold),
    NotLitFold(u32, Fold),
    /// `.` without DOTALL: anything but a newline.
    Any,
    /// `.` with DOTALL.
    AnyAll,
    Set(Box<CharSet>),
}

impl Test {
    #[inline]
    pub fn matches(&self, c: u32) -> bool {
        match self {
            Test::Lit(x) => c == *x,
            Test::NotLit(x) => c != *x,
            Test::LitFold(x, how) => fold(c, *how) == *x,
            Test::NotLitFold(x, how) => fold(c, *how) != *x,
            Test::Any => c != '\n' as u32,
            Test::AnyAll => true,
            Test::Set(s) => s.contains(c),
        }
    }
}
