//! The compiler: a parsed pattern to a flat program for the backtracking machine of
//! [`super::matcher`].
//!
//! Flags are resolved here, as CPython's `re._compiler` does: each group's inline flags
//! combine with those around it (turning on one of `a`, `u`, `L` replaces the others), and
//! the instructions carry what the flags meant at their place: whether a literal or a set
//! ignores case (and how: Unicode or ASCII), whether `.` matches a newline, whether `^` and
//! `$` see lines, whether `\b` and the classes are Unicode-aware.
//!
//! The instructions are those of a classic backtracking machine (tests of one character,
//! `Split` to try one way and come back for the other, `Save` for group boundaries) plus:
//! - `RepeatOne`: a repeat of one single-character test (`.*`, `\d+?`, `[a-z]{2,5}`): it
//!   consumes characters in a loop and leaves one backtracking entry, whatever the count
//!   (`sre`'s `REPEAT_ONE`). When a literal follows, backtracking only stops where it can
//!   match.
//! - `RepeatInit`/`RepeatLoop`: a general repeat with a counter register, with `sre`'s
//!   rule that an iteration matching the empty string ends the repeat (so `(a*)*` ends).
//! - `PossInit`/`PossLoop`/`PossEnd`: a possessive repeat, each iteration atomic.
//! - `AtomicStart`/`AtomicEnd` and `LookStart`/`LookEnd`: atomic groups and lookarounds,
//!   which run their body and then cut the backtracking entries it left (a lookbehind has
//!   a fixed width and runs its body that many characters back).
//! - `GroupRef` and `GroupExists` for backreferences and conditionals.

use super::charset::{fold, lower, upper, CharSet, Fold, Test};
use super::parser::{width, At, Node, Parsed, RepeatKind};
use super::{Error, ASCII, DOTALL, IGNORECASE, LOCALE, MAXREPEAT, MULTILINE, UNICODE};

/// A zero-width test, with its flags resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtKind {
    Beginning,
    BeginningLine,
    BeginningString,
    End,
    EndLine,
    EndString,
    /// `\b`, Unicode-aware or not.
    Boundary(bool),
    NonBoundary(bool),
}

/// One instruction.
#[derive(Debug, Clone)]
pub enum Inst {
    Test(Test),
    At(AtKind),
    /// Go on at the first; come back to the second on failure.
    Split(usize, usize),
    Jmp(usize),
    /// Set capture slot (group `k` has slots `2k` and `2k+1`).
    Save(usize),
    RepeatOne {
        test: Test,
        min: usize,
        max: usize,
        kind: RepeatKind,
        next_lit: Option<u32>,
    },
    RepeatInit(usize),
    RepeatLoop {
        reg: usize,
        min: usize,
        max: usize,
        greedy: bool,
        body: usize,
        exit: usize,
    },
    PossInit(usize),
    PossLoop {
        reg: usize,
        min: usize,
        max: usize,
        body: usize,
        exit: usize,
    },
    PossEnd {
        reg: usize,
        top: usize,
    },
    AtomicStart,
    AtomicEnd,
    /// A lookaround: lookbehind by `behind` characters, or lookahead; its body follows and
    /// the pattern goes on at `after`.
    LookStart {
        behind: Option<usize>,
        neg: bool,
        after: usize,
    },
    LookEnd {
        neg: bool,
    },
    GroupRef {
        group: usize,
        fold: Fold,
    },
    GroupExists {
        group: usize,
        no: usize,
    },
    Match,
}

/// A compiled program.
#[derive(Debug)]
pub struct Program {
    pub insts: Vec<Inst>,
    /// Counter registers of general repeats.
    pub nregs: usize,
    /// Capture slots (two a group, group 0 included).
    pub nslots: usize,
    /// What the first character of any match must pass, when the program knows.
    pub first: Option<Test>,
    /// The program can only match at the start of the string (`^` without MULTILINE, `\A`).
    pub anchored: bool,
}

fn combine(flags: u32, add: u32, del: u32) -> u32 {
    let mut f = flags;
    if add & (ASCII | LOCALE | UNICODE) != 0 {
        f &= !(ASCII | LOCALE | UNICODE);
    }
    (f | add) & !del
}

fn count(n: u64) -> usize {
    if n >= MAXREPEAT {
        usize::MAX
    } else {
        n as usize
    }
}

struct Compiler<'a> {
    insts: Vec<Inst>,
    nregs: usize,
    widths: &'a [(u64, u64)],
}

impl Compiler<'_> {
    fn fold(flags: u32) -> Fold {
        if flags & IGNORECASE == 0 {
            Fold::Exact
        } else if flags & UNICODE != 0 {
            Fold::Unicode
        } else {
            Fold::Ascii
        }
    }

    fn literal(c: u32, flags: u32, negate: bool) -> Test {
        let how = Self::fold(flags);
        let cased = match how {
            Fold::Exact => false,
            Fold::Ascii => c < 128 && (c as u8).is_ascii_alphabetic(),
            Fold::Unicode => lower(c) != c || upper(c) != c || char::from_u32(c).is_some_and(crate::chars::is_cased),
        };
        match (cased, negate) {
            (false, false) => Test::Lit(c),
            (false, true) => Test::NotLit(c),
            (true, false) => Test::LitFold(fold(c, how), how),
            (true, true) => Test::NotLitFold(fold(c, how), how),
        }
    }

    /// The single-character test `n` is, if it is one.
    fn unit(n: &Node, flags: u32) -> Option<Test> {
        Some(match n {
            Node::Lit(c) => Self::literal(*c, flags, false),
            Node::NotLit(c) => Self::literal(*c, flags, true),
            Node::Any => {
                if flags & DOTALL != 0 {
                    Test::AnyAll
                } else {
                    Test::Any
                }
            }
            Node::Set(neg, items) => {
                Test::Set(Box::new(CharSet::new(*neg, items.clone(), Self::fold(flags), flags & UNICODE != 0)))
            }
            Node::Group(None, add, del, body) if body.len() == 1 => Self::unit(&body[0], combine(flags, *add, *del))?,
            _ => return None,
        })
    }

    fn emit(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn here(&self) -> usize {
        self.insts.len()
    }

    fn seq(&mut self, nodes: &[Node], flags: u32) -> Result<(), Error> {
        for (k, n) in nodes.iter().enumerate() {
            let next_lit = match nodes.get(k + 1) {
                Some(Node::Lit(c)) if flags & IGNORECASE == 0 => Some(*c),
                _ => None,
            };
            self.node(n, flags, next_lit)?;
        }
        Ok(())
    }

    fn node(&mut self, n: &Node, flags: u32, next_lit: Option<u32>) -> Result<(), Error> {
        if let Some(t) = Self::unit(n, flags) {
            self.emit(Inst::Test(t));
            return Ok(());
        }
        match n {
            Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::Set(..) => unreachable!("units are tests"),
            Node::At(a) => {
                let unicode = flags & UNICODE != 0;
                let multiline = flags & MULTILINE != 0;
                let kind = match a {
                    At::Beginning if multiline => AtKind::BeginningLine,
                    At::Beginning => AtKind::Beginning,
                    At::BeginningString => AtKind::BeginningString,
                    At::End if multiline => AtKind::EndLine,
                    At::End => AtKind::End,
                    At::EndString => AtKind::EndString,
                    At::Boundary => AtKind::Boundary(unicode),
                    At::NonBoundary => AtKind::NonBoundary(unicode),
                };
                self.emit(Inst::At(kind));
            }
            Node::Group(gid, add, del, body) => {
                let inner = combine(flags, *add, *del);
                if let Some(g) = gid {
                    self.emit(Inst::Save(2 * g));
                    self.seq(body, inner)?;
                    self.emit(Inst::Save(2 * g + 1));
                } else {
                    self.seq(body, inner)?;
                }
            }
            Node::Atomic(body) => {
                self.emit(Inst::AtomicStart);
                self.seq(body, flags)?;
                self.emit(Inst::AtomicEnd);
            }
            Node::Branch(alts) => {
                let mut jumps = Vec::new();
                for (k, alt) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        self.seq(alt, flags)?;
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.here();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.seq(alt, flags)?;
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat { min, max, kind, body } => self.repeat(*min, *max, *kind, body, flags, next_lit)?,
            Node::GroupRef(g) => {
                self.emit(Inst::GroupRef { group: *g, fold: Self::fold(flags) });
            }
            Node::GroupRefExists(g, yes, no) => {
                let test = self.emit(Inst::GroupExists { group: *g, no: 0 });
                self.seq(yes, flags)?;
                match no {
                    Some(no) => {
                        let jmp = self.emit(Inst::Jmp(0));
                        let no_pc = self.here();
                        self.seq(no, flags)?;
                        let end = self.here();
                        self.insts[jmp] = Inst::Jmp(end);
                        self.insts[test] = Inst::GroupExists { group: *g, no: no_pc };
                    }
                    None => {
                        let end = self.here();
                        self.insts[test] = Inst::GroupExists { group: *g, no: end };
                    }
                }
            }
            Node::Assert { behind, neg, body } => {
                let back = if *behind {
                    let (lo, hi) = width(body, self.widths);
                    if lo != hi {
                        return Err(Error::re("look-behind requires fixed-width pattern", None));
                    }
                    Some(lo as usize)
                } else {
                    None
                };
                let start = self.emit(Inst::LookStart { behind: back, neg: *neg, after: 0 });
                self.seq(body, flags)?;
                self.emit(Inst::LookEnd { neg: *neg });
                let after = self.here();
                self.insts[start] = Inst::LookStart { behind: back, neg: *neg, after };
            }
        }
        Ok(())
    }

    fn repeat(
        &mut self,
        min: u64,
        max: u64,
        kind: RepeatKind,
        body: &[Node],
        flags: u32,
        next_lit: Option<u32>,
    ) -> Result<(), Error> {
        let (min, max) = (count(min), count(max));
        if max == 0 {
            return Ok(());
        }
        if let [one] = body {
            if let Some(test) = Self::unit(one, flags) {
                self.emit(Inst::RepeatOne { test, min, max, kind, next_lit });
                return Ok(());
            }
        }
        let reg = self.nregs;
        self.nregs += 1;
        if kind == RepeatKind::Possessive {
            self.emit(Inst::PossInit(reg));
            let top = self.emit(Inst::PossLoop { reg, min, max, body: 0, exit: 0 });
            self.seq(body, flags)?;
            self.emit(Inst::PossEnd { reg, top });
            let exit = self.here();
            self.insts[top] = Inst::PossLoop { reg, min, max, body: top + 1, exit };
        } else {
            let greedy = kind == RepeatKind::Greedy;
            self.emit(Inst::RepeatInit(reg));
            let top = self.emit(Inst::RepeatLoop { reg, min, max, greedy, body: 0, exit: 0 });
            self.seq(body, flags)?;
            self.emit(Inst::Jmp(top));
            let exit = self.here();
            self.insts[top] = Inst::RepeatLoop { reg, min, max, greedy, body: top + 1, exit };
        }
        Ok(())
    }
}

/// Compiles `parsed` with `flags` (the parser's flags included).
pub fn compile(parsed: &Parsed, flags: u32, _is_bytes: bool) -> Result<Program, Error> {
    let mut c = Compiler { insts: Vec::new(), nregs: 0, widths: &parsed.widths };
    c.emit(Inst::Save(0));
    c.seq(&parsed.nodes, flags)?;
    c.emit(Inst::Save(1));
    c.emit(Inst::Match);
    let lead = c.insts.iter().find(|i| !matches!(i, Inst::Save(_)));
    let first = match lead {
        Some(Inst::Test(t)) => Some(t.clone()),
        Some(Inst::RepeatOne { test, min, .. }) if *min > 0 => Some(test.clone()),
        _ => None,
    };
    let anchored = matches!(lead, Some(Inst::At(AtKind::Beginning | AtKind::BeginningString)));
    Ok(Program { insts: c.insts, nregs: c.nregs, nslots: 2 * parsed.groups, first, anchored })
}
