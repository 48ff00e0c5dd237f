//! The pattern parser: a pattern's characters to a tree of [`Node`]s, following CPython's
//! `re._parser` closely enough that every error has CPython's message and position.
//!
//! The tokenizer ([`Source`]) reads one character at a time, or a backslash and the
//! character after it as one token, exactly like CPython's `Tokenizer`: error positions are
//! computed from its `tell()` minus the width of what was consumed, so they come out the
//! same. A bytes pattern is read as its bytes decoded as Latin-1, and its error messages
//! are made ASCII with backslash escapes, as CPython does.
//!
//! The parser keeps CPython's state: the flags (inline global flags such as `(?i)` at the
//! very start add to them), the group names, the width of each closed group (a
//! backreference in a lookbehind has its group's width), the first group opened inside the
//! current lookbehind (a lookbehind cannot refer to a group it defines), and where each
//! conditional `(?(N)...)` refers to a group number not yet seen (checked at the end).
//! Flags are not applied here: a group's inline flags `(?i:...)` stay on its node and the
//! compiler resolves them.

use super::{Error, ErrorKind, ASCII, DEBUG, LOCALE, MAXGROUPS, MAXREPEAT, TEMPLATE, UNICODE, VERBOSE};

/// A class of characters (`\d`, `\D`, `\s`, `\S`, `\w`, `\W`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

/// One member of a set `[...]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetItem {
    Lit(u32),
    Range(u32, u32),
    Cat(Category),
}

/// A zero-width position test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// `^`
    Beginning,
    /// `\A`
    BeginningString,
    /// `$`
    End,
    /// `\Z`
    EndString,
    /// `\b`
    Boundary,
    /// `\B`
    NonBoundary,
}

/// How a repeat backtracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepeatKind {
    Greedy,
    Lazy,
    Possessive,
}

/// A node of the parsed pattern (CPython's opcodes of the same names).
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Lit(u32),
    NotLit(u32),
    Any,
    /// A set: negated or not, and its members.
    Set(bool, Vec<SetItem>),
    At(At),
    /// A group: its number (`None`: not capturing), the flags it turns on and off, its body.
    Group(Option<usize>, u32, u32, Vec<Node>),
    Atomic(Vec<Node>),
    Branch(Vec<Vec<Node>>),
    Repeat {
        min: u64,
        max: u64,
        kind: RepeatKind,
        body: Vec<Node>,
    },
    GroupRef(usize),
    /// `(?(group)yes|no)`
    GroupRefExists(usize, Vec<Node>, Option<Vec<Node>>),
    Assert {
        behind: bool,
        neg: bool,
        body: Vec<Node>,
    },
}

/// A parsed pattern.
pub struct Parsed {
    pub nodes: Vec<Node>,
    /// The flags after parsing (the given ones with inline global flags and the type flag).
    pub flags: u32,
    /// The number of groups, group 0 included.
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// The width (min, max) of each group.
    pub widths: Vec<(u64, u64)>,
}

/// How deep groups may nest, two a level (CPython's parser is recursive and hits its recursion
/// limit past about 495 levels).
const MAX_NESTING: usize = 990;

const FLAG_CHARS: &[(char, u32)] = &[
    ('i', super::IGNORECASE),
    ('L', LOCALE),
    ('m', super::MULTILINE),
    ('s', super::DOTALL),
    ('x', VERBOSE),
    ('a', ASCII),
    ('t', TEMPLATE),
    ('u', UNICODE),
];
const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
const GLOBAL_FLAGS: u32 = DEBUG | TEMPLATE;

/// A token: a character, or a backslash and the character after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub c: u32,
    pub esc: bool,
}

impl Tok {
    /// Whether this is the plain (unescaped) character `ch`.
    pub fn is(self, ch: char) -> bool {
        !self.esc && self.c == ch as u32
    }
    pub fn width(self) -> usize {
        if self.esc {
            2
        } else {
            1
        }
    }
    pub fn text(self) -> String {
        let c = char::from_u32(self.c).unwrap_or('\u{fffd}');
        if self.esc {
            format!("\\{c}")
        } else {
            c.to_string()
        }
    }
    fn flag(self) -> Option<u32> {
        if self.esc {
            return None;
        }
        FLAG_CHARS.iter().find(|(c, _)| *c as u32 == self.c).map(|&(_, f)| f)
    }
    fn in_set(self, set: &str) -> bool {
        !self.esc && char::from_u32(self.c).is_some_and(|c| set.contains(c))
    }
    fn is_alpha(self) -> bool {
        !self.esc && char::from_u32(self.c).is_some_and(crate::chars::is_alpha)
    }
}

/// CPython's `Tokenizer` over a pattern's characters.
pub struct Source<'a> {
    s: &'a [u32],
    index: usize,
    pub next: Option<Tok>,
    pub istext: bool,
}

impl<'a> Source<'a> {
    pub fn new(s: &'a [u32], istext: bool) -> Result<Source<'a>, Error> {
        let mut src = Source { s, index: 0, next: None, istext };
        src.advance()?;
        Ok(src)
    }

    fn advance(&mut self) -> Result<(), Error> {
        let i = self.index;
        let Some(&c) = self.s.get(i) else {
            self.next = None;
            return Ok(());
        };
        if c == '\\' as u32 {
            let Some(&d) = self.s.get(i + 1) else {
                return Err(Error::re("bad escape (end of pattern)", Some(self.s.len() - 1)));
            };
            self.index = i + 2;
            self.next = Some(Tok { c: d, esc: true });
        } else {
            self.index = i + 1;
            self.next = Some(Tok { c, esc: false });
        }
        Ok(())
    }

    /// Consumes the next token if it is the plain character `ch`.
    pub fn matches(&mut self, ch: char) -> Result<bool, Error> {
        if self.next.is_some_and(|t| t.is(ch)) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn get(&mut self) -> Result<Option<Tok>, Error> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }

    /// Up to `n` tokens that are characters of `set`, as text.
    pub fn getwhile(&mut self, n: usize, set: &str) -> Result<String, Error> {
        let mut out = String::new();
        for _ in 0..n {
            match self.next {
                Some(t) if t.in_set(set) => {
                    out.push_str(&t.text());
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }

    /// The tokens up to `terminator`, as text (CPython's `getuntil`).
    pub fn getuntil(&mut self, terminator: char, name: &str) -> Result<String, Error> {
        let mut out = String::new();
        let mut width = 0;
        loop {
            let c = self.next;
            self.advance()?;
            let Some(c) = c else {
                if out.is_empty() {
                    return Err(self.error(&format!("missing {name}"), 0));
                }
                return Err(self.error(&format!("missing {terminator}, unterminated name"), width));
            };
            if c.is(terminator) {
                if out.is_empty() {
                    return Err(self.error(&format!("missing {name}"), 1));
                }
                break;
            }
            out.push_str(&c.text());
            width += c.width();
        }
        Ok(out)
    }

    pub fn tell(&self) -> usize {
        self.index - self.next.map_or(0, |t| t.width())
    }

    fn seek(&mut self, index: usize) -> Result<(), Error> {
        self.index = index;
        self.advance()
    }

    /// An error at `tell() - offset` (CPython's `source.error`).
    pub fn error(&self, msg: &str, offset: usize) -> Error {
        let msg = if self.istext { msg.to_string() } else { ascii_escaped(msg) };
        Error::re(msg, Some(self.tell().saturating_sub(offset)))
    }
}

/// `msg.encode('ascii', 'backslashreplace').decode('ascii')`
fn ascii_escaped(msg: &str) -> String {
    let mut out = String::new();
    for c in msg.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// Python's `repr` of `s`.
fn repr(s: &str) -> String {
    crate::builtins::repr_str(s)
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c)) && cs.all(unicode_ident::is_xid_continue)
}

/// Python's `int(s)` for a group number, if `s` is one (and not negative).
fn parse_number(s: &str) -> Option<u64> {
    let t = s.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let mut v: u64 = 0;
    for c in t.chars().filter(|&c| c != '_') {
        v = v.saturating_mul(10).saturating_add(c.to_digit(10)? as u64);
    }
    Some(v)
}

struct State {
    flags: u32,
    names: Vec<(String, usize)>,
    widths: Vec<Option<(u64, u64)>>,
    lookbehind_groups: Option<usize>,
    /// Group numbers of conditionals, with the position to report if the group never exists.
    grouprefpos: Vec<(u64, usize)>,
}

impl State {
    fn groups(&self) -> usize {
        self.widths.len()
    }
    fn checkgroup(&self, gid: usize) -> bool {
        gid < self.groups() && self.widths[gid].is_some()
    }
    fn checklookbehindgroup(&self, gid: usize, src: &Source<'_>) -> Result<(), Error> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.checkgroup(gid) {
                return Err(src.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(src.error("cannot refer to group defined in the same lookbehind subpattern", 0));
            }
        }
        Ok(())
    }
}

/// The width (min, max) of a sequence of nodes, capped like CPython's `getwidth`.
pub fn width(nodes: &[Node], widths: &[(u64, u64)]) -> (u64, u64) {
    let (mut lo, mut hi) = (0u64, 0u64);
    for n in nodes {
        let (i, j) = match n {
            Node::Branch(alts) => {
                let (mut i, mut j) = (MAXREPEAT - 1, 0);
                for a in alts {
                    let (l, h) = width(a, widths);
                    i = i.min(l);
                    j = j.max(h);
                }
                (i, j)
            }
            Node::Atomic(body) | Node::Group(_, _, _, body) => width(body, widths),
            Node::Repeat { min, max, body, .. } => {
                let (i, j) = width(body, widths);
                (i.saturating_mul(*min), j.saturating_mul(*max))
            }
            Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::Set(..) => (1, 1),
            Node::GroupRef(g) => widths.get(*g).copied().unwrap_or((0, 0)),
            Node::GroupRefExists(_, yes, no) => {
                let (i, j) = width(yes, widths);
                match no {
                    Some(no) => {
                        let (l, h) = width(no, widths);
                        (i.min(l), j.max(h))
                    }
                    None => (0, j),
                }
            }
            Node::At(_) | Node::Assert { .. } => (0, 0),
        };
        lo = lo.saturating_add(i);
        hi = hi.saturating_add(j);
    }
    (lo.min(MAXREPEAT - 1), hi.min(MAXREPEAT))
}

/// Parses `pattern` with `flags` (CPython's `re._parser.parse`).
pub fn parse(pattern: &[u32], is_bytes: bool, flags: u32) -> Result<Parsed, Error> {
    let mut src = Source::new(pattern, !is_bytes)?;
    let mut st =
        State { flags, names: Vec::new(), widths: vec![None], lookbehind_groups: None, grouprefpos: Vec::new() };
    let nodes = parse_sub(&mut src, &mut st, flags & VERBOSE != 0, 0)?;
    st.flags = fix_flags(is_bytes, st.flags)?;
    if src.next.is_some() {
        return Err(src.error("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &st.grouprefpos {
        if g >= st.groups() as u64 {
            return Err(Error::re(format!("invalid group reference {g}"), Some(pos)));
        }
    }
    let widths = st.widths.iter().map(|w| w.unwrap_or((0, 0))).collect();
    Ok(Parsed { nodes, flags: st.flags, groups: st.groups(), names: st.names, widths })
}

fn fix_flags(is_bytes: bool, mut flags: u32) -> Result<u32, Error> {
    let value = |m: &str| Err(Error::other(ErrorKind::Value, m));
    if !is_bytes {
        if flags & LOCALE != 0 {
            return value("cannot use LOCALE flag with a str pattern");
        }
        if flags & ASCII == 0 {
            flags |= UNICODE;
        } else if flags & UNICODE != 0 {
            return value("ASCII and UNICODE flags are incompatible");
        }
    } else {
        if flags & UNICODE != 0 {
            return value("cannot use UNICODE flag with a bytes pattern");
        }
        if flags & LOCALE != 0 && flags & ASCII != 0 {
            return value("ASCII and LOCALE flags are incompatible");
        }
    }
    Ok(flags)
}

fn parse_sub(src: &mut Source<'_>, st: &mut State, verbose: bool, nested: usize) -> Result<Vec<Node>, Error> {
    if nested > MAX_NESTING {
        return Err(Error::other(ErrorKind::Recursion, "maximum recursion depth exceeded"));
    }
    let mut items = Vec::new();
    let mut verbose = verbose;
    loop {
        let first = nested == 0 && items.is_empty();
        items.push(parse_seq(src, st, verbose, nested + 1, first)?);
        if !src.matches('|')? {
            break;
        }
        if nested == 0 {
            verbose = st.flags & VERBOSE != 0;
        }
    }
    if items.len() == 1 {
        return Ok(items.pop().unwrap_or_default());
    }
    Ok(vec![Node::Branch(items)])
}

const SPECIAL: &str = ".\\[{()*+?^$|";
const DIGITS: &str = "0123456789";
const OCTDIGITS: &str = "01234567";
const HEXDIGITS: &str = "0123456789abcdefABCDEF";

fn parse_seq(
    src: &mut Source<'_>,
    st: &mut State,
    mut verbose: bool,
    nested: usize,
    first: bool,
) -> Result<Vec<Node>, Error> {
    let mut sub: Vec<Node> = Vec::new();
    loop {
        let Some(this) = src.next else { break };
        if this.is('|') || this.is(')') {
            break;
        }
        src.get()?;
        if verbose {
            if this.in_set(" \t\n\r\x0b\x0c") {
                continue;
            }
            if this.is('#') {
                loop {
                    match src.get()? {
                        None => break,
                        Some(t) if t.is('\n') => break,
                        _ => {}
                    }
                }
                continue;
            }
        }
        if this.esc {
            sub.push(escape(src, st, this.c)?);
            continue;
        }
        let c = char::from_u32(this.c).unwrap_or('\0');
        if !SPECIAL.contains(c) {
            sub.push(Node::Lit(this.c));
        } else if c == '[' {
            sub.push(parse_set(src)?);
        } else if "*+?{".contains(c) {
            let here = src.tell();
            let (min, max) = match c {
                '?' => (0, 1),
                '*' => (0, MAXREPEAT),
                '+' => (1, MAXREPEAT),
                _ => {
                    if src.next.is_some_and(|t| t.is('}')) {
                        sub.push(Node::Lit(this.c));
                        continue;
                    }
                    let lo = src.getwhile(usize::MAX, DIGITS)?;
                    let hi = if src.matches(',')? { src.getwhile(usize::MAX, DIGITS)? } else { lo.clone() };
                    if !src.matches('}')? {
                        sub.push(Node::Lit(this.c));
                        src.seek(here)?;
                        continue;
                    }
                    let count = |s: &str| match s.parse::<u64>() {
                        Ok(n) if n < MAXREPEAT => Ok(n),
                        _ => Err(Error::other(ErrorKind::Overflow, "the repetition number is too large")),
                    };
                    let min = if lo.is_empty() { 0 } else { count(&lo)? };
                    let max = if hi.is_empty() { MAXREPEAT } else { count(&hi)? };
                    if !hi.is_empty() && max < min {
                        return Err(src.error("min repeat greater than max repeat", src.tell() - here));
                    }
                    (min, max)
                }
            };
            let offset = src.tell() - here + 1;
            match sub.last() {
                None | Some(Node::At(_)) => return Err(src.error("nothing to repeat", offset)),
                Some(Node::Repeat { .. }) => return Err(src.error("multiple repeat", offset)),
                _ => {}
            }
            let item = sub.pop().expect("an item to repeat");
            let body = match item {
                Node::Group(None, 0, 0, p) => p,
                other => vec![other],
            };
            let kind = if src.matches('?')? {
                RepeatKind::Lazy
            } else if src.matches('+')? {
                RepeatKind::Possessive
            } else {
                RepeatKind::Greedy
            };
            sub.push(Node::Repeat { min, max, kind, body });
        } else if c == '.' {
            sub.push(Node::Any);
        } else if c == '(' {
            let start = src.tell() - 1;
            match parse_paren(src, st, &mut verbose, nested, first, sub.is_empty(), start)? {
                Paren::Node(n) => sub.push(n),
                Paren::Nothing => {}
            }
        } else if c == '^' {
            sub.push(Node::At(At::Beginning));
        } else if c == '$' {
            sub.push(Node::At(At::End));
        }
    }
    // Non-capturing groups without flags are spliced into their sequence.
    let mut out = Vec::with_capacity(sub.len());
    for n in sub {
        match n {
            Node::Group(None, 0, 0, p) => out.extend(p),
            n => out.push(n),
        }
    }
    Ok(out)
}

enum Paren {
    Node(Node),
    Nothing,
}

fn parse_paren(
    src: &mut Source<'_>,
    st: &mut State,
    verbose: &mut bool,
    nested: usize,
    first: bool,
    at_start: bool,
    start: usize,
) -> Result<Paren, Error> {
    let mut capture = true;
    let mut atomic = false;
    let mut name: Option<String> = None;
    let (mut add, mut del) = (0, 0);
    let unterminated = |src: &Source<'_>| src.error("missing ), unterminated subpattern", src.tell() - start);
    if src.matches('?')? {
        let Some(ch) = src.get()? else { return Err(src.error("unexpected end of pattern", 0)) };
        if ch.is('P') {
            if src.matches('<')? {
                let n = src.getuntil('>', "group name")?;
                if !is_identifier(&n) {
                    let w = n.chars().count();
                    return Err(src.error(&format!("bad character in group name {}", repr(&n)), w + 1));
                }
                name = Some(n);
            } else if src.matches('=')? {
                let n = src.getuntil(')', "group name")?;
                let w = n.chars().count();
                if !is_identifier(&n) {
                    return Err(src.error(&format!("bad character in group name {}", repr(&n)), w + 1));
                }
                let Some(gid) = st.names.iter().find(|(k, _)| *k == n).map(|&(_, g)| g) else {
                    return Err(src.error(&format!("unknown group name {}", repr(&n)), w + 1));
                };
                if !st.checkgroup(gid) {
                    return Err(src.error("cannot refer to an open group", w + 1));
                }
                st.checklookbehindgroup(gid, src)?;
                return Ok(Paren::Node(Node::GroupRef(gid)));
            } else {
                let Some(ch) = src.get()? else { return Err(src.error("unexpected end of pattern", 0)) };
                return Err(src.error(&format!("unknown extension ?P{}", ch.text()), ch.width() + 2));
            }
        } else if ch.is(':') {
            capture = false;
        } else if ch.is('#') {
            loop {
                if src.next.is_none() {
                    return Err(src.error("missing ), unterminated comment", src.tell() - start));
                }
                if src.get()?.is_some_and(|t| t.is(')')) {
                    break;
                }
            }
            return Ok(Paren::Nothing);
        } else if ch.is('=') || ch.is('!') || ch.is('<') {
            let mut ch = ch;
            let mut behind = false;
            let mut outer_lookbehind = None;
            if ch.is('<') {
                let Some(c2) = src.get()? else { return Err(src.error("unexpected end of pattern", 0)) };
                if !(c2.is('=') || c2.is('!')) {
                    return Err(src.error(&format!("unknown extension ?<{}", c2.text()), c2.width() + 2));
                }
                ch = c2;
                behind = true;
                outer_lookbehind = Some(st.lookbehind_groups);
                if st.lookbehind_groups.is_none() {
                    st.lookbehind_groups = Some(st.groups());
                }
            }
            let body = parse_sub(src, st, *verbose, nested + 1)?;
            if let Some(None) = outer_lookbehind {
                st.lookbehind_groups = None;
            }
            if !src.matches(')')? {
                return Err(unterminated(src));
            }
            return Ok(Paren::Node(Node::Assert { behind, neg: ch.is('!'), body }));
        } else if ch.is('(') {
            return parse_conditional(src, st, *verbose, nested, start).map(Paren::Node);
        } else if ch.is('>') {
            capture = false;
            atomic = true;
        } else if ch.flag().is_some() || ch.is('-') {
            match parse_flags(src, st, ch)? {
                None => {
                    if !first || !at_start {
                        return Err(src.error("global flags not at the start of the expression", src.tell() - start));
                    }
                    *verbose = st.flags & VERBOSE != 0;
                    return Ok(Paren::Nothing);
                }
                Some((a, d)) => {
                    add = a;
                    del = d;
                    capture = false;
                }
            }
        } else {
            return Err(src.error(&format!("unknown extension ?{}", ch.text()), ch.width() + 1));
        }
    }
    let group = if capture {
        let gid = st.groups();
        st.widths.push(None);
        if let Some(n) = &name {
            if let Some(&(_, old)) = st.names.iter().find(|(k, _)| k == n) {
                let msg = format!("redefinition of group name {} as group {gid}; was group {old}", repr(n));
                return Err(src.error(&msg, n.chars().count() + 1));
            }
            st.names.push((n.clone(), gid));
        }
        Some(gid)
    } else {
        None
    };
    let sub_verbose = (*verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
    let body = parse_sub(src, st, sub_verbose, nested + 1)?;
    if !src.matches(')')? {
        return Err(unterminated(src));
    }
    if let Some(g) = group {
        let w: Vec<(u64, u64)> = st.widths.iter().map(|w| w.unwrap_or((0, 0))).collect();
        st.widths[g] = Some(width(&body, &w));
    }
    Ok(Paren::Node(if atomic { Node::Atomic(body) } else { Node::Group(group, add, del, body) }))
}

fn parse_conditional(
    src: &mut Source<'_>,
    st: &mut State,
    verbose: bool,
    nested: usize,
    start: usize,
) -> Result<Node, Error> {
    let name = src.getuntil(')', "group name")?;
    let w = name.chars().count();
    let gid = if is_identifier(&name) {
        match st.names.iter().find(|(k, _)| *k == name) {
            Some(&(_, g)) => g as u64,
            None => return Err(src.error(&format!("unknown group name {}", repr(&name)), w + 1)),
        }
    } else {
        let Some(g) = parse_number(&name) else {
            return Err(src.error(&format!("bad character in group name {}", repr(&name)), w + 1));
        };
        if g == 0 {
            return Err(src.error("bad group number", w + 1));
        }
        if g >= MAXGROUPS {
            return Err(src.error(&format!("invalid group reference {g}"), w + 1));
        }
        if !st.grouprefpos.iter().any(|&(k, _)| k == g) {
            st.grouprefpos.push((g, src.tell() - w - 1));
        }
        g
    };
    st.checklookbehindgroup(gid as usize, src)?;
    let yes = parse_seq(src, st, verbose, nested + 1, false)?;
    let no = if src.matches('|')? {
        let no = parse_seq(src, st, verbose, nested + 1, false)?;
        if src.next.is_some_and(|t| t.is('|')) {
            return Err(src.error("conditional backref with more than two branches", 0));
        }
        Some(no)
    } else {
        None
    };
    if !src.matches(')')? {
        return Err(src.error("missing ), unterminated subpattern", src.tell() - start));
    }
    Ok(Node::GroupRefExists(gid as usize, yes, no))
}

/// Inline flags after `(?`: `None` for global flags `(?i)` (added to the state), else the
/// flags a group `(?i-s:...)` turns on and off.
fn parse_flags(src: &mut Source<'_>, st: &mut State, first: Tok) -> Result<Option<(u32, u32)>, Error> {
    let (mut add, mut del) = (0, 0);
    let mut ch = first;
    if !ch.is('-') {
        loop {
            let flag = ch.flag().unwrap_or(0);
            if src.istext {
                if ch.is('L') {
                    return Err(src.error("bad inline flags: cannot use 'L' flag with a str pattern", 0));
                }
            } else if ch.is('u') {
                return Err(src.error("bad inline flags: cannot use 'u' flag with a bytes pattern", 0));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                return Err(src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0));
            }
            let Some(c) = src.get()? else { return Err(src.error("missing -, : or )", 0)) };
            ch = c;
            if ch.is(')') || ch.is('-') || ch.is(':') {
                break;
            }
            if ch.flag().is_none() {
                let msg = if ch.is_alpha() { "unknown flag" } else { "missing -, : or )" };
                return Err(src.error(msg, ch.width()));
            }
        }
    }
    if ch.is(')') {
        st.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn on global flag", 1));
    }
    if ch.is('-') {
        let Some(c) = src.get()? else { return Err(src.error("missing flag", 0)) };
        ch = c;
        if ch.flag().is_none() {
            let msg = if ch.is_alpha() { "unknown flag" } else { "missing flag" };
            return Err(src.error(msg, ch.width()));
        }
        loop {
            let flag = ch.flag().unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0));
            }
            del |= flag;
            let Some(c) = src.get()? else { return Err(src.error("missing :", 0)) };
            ch = c;
            if ch.is(':') {
                break;
            }
            if ch.flag().is_none() {
                let msg = if ch.is_alpha() { "unknown flag" } else { "missing :" };
                return Err(src.error(msg, ch.width()));
            }
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(src.error("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

fn parse_set(src: &mut Source<'_>) -> Result<Node, Error> {
    let here = src.tell() - 1;
    let negate = src.matches('^')?;
    let mut set: Vec<SetItem> = Vec::new();
    let unterminated = |src: &Source<'_>| src.error("unterminated character set", src.tell() - here);
    loop {
        let Some(this) = src.get()? else { return Err(unterminated(src)) };
        if this.is(']') && !set.is_empty() {
            break;
        }
        let code1 = if this.esc { class_escape(src, this.c)? } else { SetItem::Lit(this.c) };
        if src.matches('-')? {
            let Some(that) = src.get()? else { return Err(unterminated(src)) };
            if that.is(']') {
                set.push(code1);
                set.push(SetItem::Lit('-' as u32));
                break;
            }
            let code2 = if that.esc { class_escape(src, that.c)? } else { SetItem::Lit(that.c) };
            let bad = || {
                let msg = format!("bad character range {}-{}", this.text(), that.text());
                src.error(&msg, this.width() + 1 + that.width())
            };
            match (code1, code2) {
                (SetItem::Lit(lo), SetItem::Lit(hi)) if hi >= lo => set.push(SetItem::Range(lo, hi)),
                _ => return Err(bad()),
            }
        } else {
            set.push(code1);
        }
    }
    let mut uniq: Vec<SetItem> = Vec::with_capacity(set.len());
    for item in set {
        if !uniq.contains(&item) {
            uniq.push(item);
        }
    }
    Ok(match uniq[..] {
        [SetItem::Lit(c)] if negate => Node::NotLit(c),
        [SetItem::Lit(c)] => Node::Lit(c),
        _ => Node::Set(negate, uniq),
    })
}

fn category(c: u32) -> Option<Category> {
    Some(match char::from_u32(c)? {
        'd' => Category::Digit,
        'D' => Category::NotDigit,
        's' => Category::Space,
        'S' => Category::NotSpace,
        'w' => Category::Word,
        'W' => Category::NotWord,
        _ => return None,
    })
}

fn simple_escape(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

/// The escapes shared by sets and sequences: `\x`, `\u`, `\U`, `\N{...}`; `Ok(None)` when `c`
/// is none of them.
fn code_escape(src: &mut Source<'_>, c: u32) -> Result<Option<u32>, Error> {
    let ch = char::from_u32(c).unwrap_or('\0');
    let digits = match ch {
        'x' => 2,
        'u' if src.istext => 4,
        'U' if src.istext => 8,
        'N' if src.istext => {
            if !src.matches('{')? {
                return Err(src.error("missing {", 0));
            }
            let name = src.getuntil('}', "character name")?;
            return match unicode_names2::character(&name) {
                Some(c) => Ok(Some(c as u32)),
                None => {
                    let msg = format!("undefined character name {}", repr(&name));
                    Err(src.error(&msg, name.chars().count() + 4))
                }
            };
        }
        _ => return Ok(None),
    };
    let mut escape = format!("\\{ch}");
    escape.push_str(&src.getwhile(digits, HEXDIGITS)?);
    if escape.len() != digits + 2 {
        return Err(src.error(&format!("incomplete escape {escape}"), escape.len()));
    }
    let v = u32::from_str_radix(&escape[2..], 16).unwrap_or(u32::MAX);
    if v > 0x10ffff {
        return Err(src.error(&format!("bad escape {escape}"), escape.len()));
    }
    Ok(Some(v))
}

/// A plain escaped character: `\.`; ASCII letters are bad escapes.
fn plain_escape(src: &Source<'_>, c: u32) -> Result<u32, Error> {
    if char::from_u32(c).is_some_and(|c| c.is_ascii_alphabetic()) {
        let text = Tok { c, esc: true }.text();
        return Err(src.error(&format!("bad escape {text}"), 2));
    }
    Ok(c)
}

fn class_escape(src: &mut Source<'_>, c: u32) -> Result<SetItem, Error> {
    if let Some(v) = simple_escape(c) {
        return Ok(SetItem::Lit(v));
    }
    if let Some(cat) = category(c) {
        return Ok(SetItem::Cat(cat));
    }
    if let Some(v) = code_escape(src, c)? {
        return Ok(SetItem::Lit(v));
    }
    let ch = char::from_u32(c).unwrap_or('\0');
    if OCTDIGITS.contains(ch) {
        let escape = format!("\\{ch}{}", src.getwhile(2, OCTDIGITS)?);
        let v = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
        if v > 0o377 {
            let msg = format!("octal escape value {escape} outside of range 0-0o377");
            return Err(src.error(&msg, escape.len()));
        }
        return Ok(SetItem::Lit(v));
    }
    if DIGITS.contains(ch) {
        return Err(src.error(&format!("bad escape \\{ch}"), 2));
    }
    plain_escape(src, c).map(SetItem::Lit)
}

fn escape(src: &mut Source<'_>, st: &State, c: u32) -> Result<Node, Error> {
    let ch = char::from_u32(c).unwrap_or('\0');
    match ch {
        'A' => return Ok(Node::At(At::BeginningString)),
        'b' => return Ok(Node::At(At::Boundary)),
        'B' => return Ok(Node::At(At::NonBoundary)),
        'Z' => return Ok(Node::At(At::EndString)),
        _ => {}
    }
    if let Some(cat) = category(c) {
        return Ok(Node::Set(false, vec![SetItem::Cat(cat)]));
    }
    if let Some(v) = simple_escape(c) {
        return Ok(Node::Lit(v));
    }
    if let Some(v) = code_escape(src, c)? {
        return Ok(Node::Lit(v));
    }
    if ch == '0' {
        let escape = format!("\\0{}", src.getwhile(2, OCTDIGITS)?);
        return Ok(Node::Lit(u32::from_str_radix(&escape[1..], 8).unwrap_or(0)));
    }
    if DIGITS.contains(ch) {
        let mut escape = format!("\\{ch}");
        if let Some(t) = src.next.filter(|t| t.in_set(DIGITS)) {
            src.get()?;
            escape.push(char::from_u32(t.c).unwrap_or('0'));
            let b = escape.as_bytes();
            if OCTDIGITS.contains(b[1] as char)
                && OCTDIGITS.contains(b[2] as char)
                && src.next.is_some_and(|t| t.in_set(OCTDIGITS))
            {
                let t = src.get()?.expect("an octal digit");
                escape.push(char::from_u32(t.c).unwrap_or('0'));
                let v = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
                if v > 0o377 {
                    let msg = format!("octal escape value {escape} outside of range 0-0o377");
                    return Err(src.error(&msg, escape.len()));
                }
                return Ok(Node::Lit(v));
            }
        }
        let group: usize = escape[1..].parse().unwrap_or(0);
        if group < st.groups() {
            if !st.checkgroup(group) {
                return Err(src.error("cannot refer to an open group", escape.len()));
            }
            st.checklookbehindgroup(group, src)?;
            return Ok(Node::GroupRef(group));
        }
        return Err(src.error(&format!("invalid group reference {group}"), escape.len() - 1));
    }
    plain_escape(src, c).map(Node::Lit)
}
