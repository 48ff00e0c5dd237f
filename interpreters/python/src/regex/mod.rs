//! The regular expression engine behind the `re` module, with the semantics of CPython's
//! `sre` (not those of Rust's `regex` crate, which has no backreferences or lookaround and
//! differs in how it picks among matches).
//!
//! A pattern goes through three stages, each in its own file:
//! - [`parser`] turns the pattern's characters into a tree of [`parser::Node`]s, following
//!   CPython's `re._parser` step by step so that errors carry the same messages and
//!   positions (`nothing to repeat at position 0`, ...).
//! - [`compiler`] lowers the tree to a flat [`compiler::Program`] of instructions for a
//!   backtracking machine, resolving the flags that apply at each point (case folding, the
//!   meaning of `.`, `^`, `$`, and of the classes `\d`, `\w`, `\s` under ASCII or Unicode)
//!   into the instructions themselves; the single-character tests live in [`charset`].
//! - [`matcher`] runs a program over a subject (the chars of a `str`, or the bytes of a
//!   `bytes`) with an explicit backtracking stack, never native recursion, so deep patterns
//!   and long subjects cannot overflow the native stack.
//!
//! The replacement templates of `sub` and `Match.expand` (`\1`, `\g<name>`) are parsed by
//! [`template`]. The Python-facing objects are in `library/re.rs` and `lib/re.py`.

pub mod charset;
pub mod compiler;
pub mod matcher;
pub mod parser;
pub mod template;

/// The flags of a pattern, with CPython's values.
pub const TEMPLATE: u32 = 1;
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;

/// The largest repeat count plus one (`_sre.MAXREPEAT`); a repeat's "no maximum".
pub const MAXREPEAT: u64 = u32::MAX as u64;
/// `_sre.MAXGROUPS`.
pub const MAXGROUPS: u64 = (i32::MAX / 2) as u64;

/// Which Python exception an [`Error`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `re.error`
    Re,
    /// `OverflowError` (a repeat count past `MAXREPEAT`).
    Overflow,
    /// `ValueError` (incompatible flags).
    Value,
    /// `IndexError` (an unknown group name in a template).
    Index,
    /// `RecursionError` (a pattern nested too deeply).
    Recursion,
}

/// An error compiling a pattern or a template: its kind, message and position (`None` for
/// the errors CPython raises without one).
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    pub msg: String,
    pub pos: Option<usize>,
}

impl Error {
    pub fn re(msg: impl Into<String>, pos: Option<usize>) -> Error {
        Error { kind: ErrorKind::Re, msg: msg.into(), pos }
    }
    pub fn other(kind: ErrorKind, msg: impl Into<String>) -> Error {
        Error { kind, msg: msg.into(), pos: None }
    }
}

/// A compiled pattern: its program and what the `Pattern` object reports.
pub struct Regex {
    pub program: compiler::Program,
    /// The flags after parsing (inline global flags added, `UNICODE` for str patterns).
    pub flags: u32,
    /// The number of capturing groups.
    pub groups: usize,
    /// Group names and numbers, in the order the groups open.
    pub names: Vec<(String, usize)>,
    pub is_bytes: bool,
    /// A machine kept for this pattern's matches, so a match allocates nothing (matching
    /// runs no Python code, so it is never in use twice at once).
    pub machine: std::cell::RefCell<matcher::Machine>,
    /// The chars of the last non-ASCII subject matched through the `Pattern` (by address:
    /// the `Pattern` keeps that str alive), so a tokenizer calling `match(text, pos)` in a
    /// loop decodes `text` once.
    pub last_subject: std::cell::RefCell<Option<(usize, std::rc::Rc<Vec<u32>>)>>,
}

/// Compiles `pattern` (its chars; the bytes of a bytes pattern as chars 0-255) with `flags`.
pub fn compile(pattern: &[u32], is_bytes: bool, flags: u32) -> Result<Regex, Error> {
    let parsed = parser::parse(pattern, is_bytes, flags)?;
    let flags = flags | parsed.flags;
    let program = compiler::compile(&parsed, flags, is_bytes)?;
    Ok(Regex {
        program,
        flags,
        groups: parsed.groups - 1,
        names: parsed.names,
        is_bytes,
        machine: Default::default(),
        last_subject: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::matcher::{Machine, Mode};
    use super::*;

    fn units(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    /// The span of the first match of `pattern` in `subject` (search).
    fn search(pattern: &str, subject: &str) -> Option<(usize, usize)> {
        let re = compile(&units(pattern), false, 0).expect("a valid pattern");
        let text = units(subject);
        let mut m = Machine::new();
        let mode = Mode { full: false, must_advance: false };
        m.search(&re.program, &text[..], 0, text.len(), mode, false).then(|| (m.slots[0], m.slots[1]))
    }

    fn error(pattern: &str) -> (String, Option<usize>) {
        match compile(&units(pattern), false, 0) {
            Ok(_) => panic!("{pattern} compiles"),
            Err(e) => (e.msg, e.pos),
        }
    }

    #[test]
    fn matches_like_sre() {
        assert_eq!(search("a+", "baaa"), Some((1, 4)));
        assert_eq!(search("a|ab", "ab"), Some((0, 1)));
        assert_eq!(search(r"(\w)\1", "abccd"), Some((2, 4)));
        assert_eq!(search(r"(?<=a)b", "cbab"), Some((3, 4)));
        assert_eq!(search(r"(?>a+)b", "aab"), Some((0, 3)));
        assert_eq!(search(r"(?>a+)ab", "aab"), None);
        assert_eq!(search(r"(a)?(?(1)b|c)", "xc"), Some((1, 2)));
        assert_eq!(search(r"x*", "ab"), Some((0, 0)));
        assert_eq!(search(r"\bw", "a w"), Some((2, 3)));
    }

    #[test]
    fn errors_have_cpython_messages_and_positions() {
        assert_eq!(error("*"), ("nothing to repeat".into(), Some(0)));
        assert_eq!(error("a**"), ("multiple repeat".into(), Some(2)));
        assert_eq!(error("(a"), ("missing ), unterminated subpattern".into(), Some(0)));
        assert_eq!(error("a)"), ("unbalanced parenthesis".into(), Some(1)));
        assert_eq!(error("(?<x"), ("unknown extension ?<x".into(), Some(1)));
        assert_eq!(error(r"\q"), ("bad escape \\q".into(), Some(0)));
        assert_eq!(error("(?<=a+)"), ("look-behind requires fixed-width pattern".into(), None));
    }

    #[test]
    fn long_subjects_do_not_recurse() {
        let long = "ab".repeat(200_000);
        assert_eq!(search("(?:a|b)*$", &long), Some((0, long.len())));
        assert_eq!(search("(ab)*c", &long[..2000]), None);
        assert_eq!(search(".*", &long), Some((0, long.len())));
    }
}
