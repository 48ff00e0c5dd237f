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
}

/// Compiles `pattern` (its chars; the bytes of a bytes pattern as chars 0-255) with `flags`.
pub fn compile(pattern: &[u32], is_bytes: bool, flags: u32) -> Result<Regex, Error> {
    let parsed = parser::parse(pattern, is_bytes, flags)?;
    let flags = flags | parsed.flags;
    let program = compiler::compile(&parsed, flags, is_bytes)?;
    Ok(Regex { program, flags, groups: parsed.groups - 1, names: parsed.names, is_bytes, machine: Default::default() })
}
