//! `_sre`: the Rust half of the `re` module (its Python half is `lib/re.py`, which holds the
//! `Pattern`, `Match` and `RegexFlag` classes, `re.error` and the module functions).
//!
//! - `compile(pattern, flags, error)`: compiles with [`crate::regex`]; the program lives in
//!   a small heap object of its own (freed with it) that the `Pattern` keeps. Errors become
//!   `error(msg, pattern, pos)` (`re.error`, whose message adds the position) or CPython's
//!   `OverflowError`/`ValueError`/`RecursionError`.
//! - `match(code, string, pos, endpos, mode, must_advance)`: one `match`/`search`/
//!   `fullmatch`; a match is returned as a tuple `(pos, endpos, lastindex, start0, end0,
//!   start1, ...)` (-1 for what is unset) from which `Match` answers everything.
//! - `findall`, `split`, `sub` (for a template; a callable is called from `re.py`) and
//!   `expand` run their whole loop here, with CPython's rules around empty matches.
//!
//! A subject is read as bytes when it is a bytes-like object or an ASCII str, else as its
//! chars decoded once per call; positions are char indexes either way.

use super::*;
use crate::regex::matcher::{Machine, Mode, Unit, NONE};
use crate::regex::template::{self, Piece};
use crate::regex::{self as rx, ErrorKind, Regex};
use metatrace::heap::{Layout, HEADER};
use metatrace::{FieldDescr, MemKind};

rows! {
    "_sre.compile" => sre_compile,
    "_sre.match" => sre_match,
    "_sre.findall" => sre_findall,
    "_sre.scan" => sre_scan,
    "_sre.split" => sre_split,
    "_sre.sub" => sre_sub,
    "_sre.expand" => sre_expand,
    "_sre.group" => sre_group,
    "_sre.groups" => sre_groups,
}

/// A compiled pattern: a box holding its [`Regex`], freed with the object.
static RE_CODE: Layout = Layout::object("re_code", 8, &[]).with_finalizer(free_code);
const CODE_PTR: FieldDescr = FieldDescr::new("re_code.ptr", HEADER, MemKind::I64);

fn free_code(obj: usize) {
    // SAFETY: a dying re_code object owns the box its field points to (or holds null).
    unsafe {
        let p = *((obj + CODE_PTR.offset as usize) as *const *mut Regex);
        if !p.is_null() {
            drop(Box::from_raw(p));
        }
    }
}

fn new_code<S: Space>(cx: &mut Cx<'_, S>, re: Regex) -> usize {
    let o = cx.heap_mut().alloc(&RE_CODE);
    // SAFETY: just allocated with the RE_CODE layout.
    unsafe { *((o + CODE_PTR.offset as usize) as *mut *mut Regex) = Box::into_raw(Box::new(re)) };
    o
}

fn code<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<&'static Regex, usize> {
    if !is(o, &RE_CODE) {
        return Err(crate::errors::new_error(cx, rt, "TypeError", "expected a compiled pattern"));
    }
    // SAFETY: a live re_code object points to its Regex, which lives as long as it does
    // (the Pattern holding it is an argument of the running native).
    Ok(unsafe { &*(read_word(o, &CODE_PTR) as *const Regex) })
}

/// A subject's code units.
enum Subject<'a> {
    Narrow(&'a [u8]),
    Wide(Rc<Vec<u32>>),
}

impl Subject<'_> {
    fn len(&self) -> usize {
        match self {
            Subject::Narrow(b) => b.len(),
            Subject::Wide(v) => v.len(),
        }
    }
    fn unit(&self, k: usize) -> u32 {
        match self {
            Subject::Narrow(b) => b[k] as u32,
            Subject::Wide(v) => v[k],
        }
    }
}

/// Runs `$body` with `$t` bound to the subject's units as a slice.
macro_rules! with_units {
    ($subj:expr, $t:ident => $body:expr) => {
        match $subj {
            Subject::Narrow(b) => {
                let $t: &[u8] = b;
                $body
            }
            Subject::Wide(v) => {
                let $t: &[u32] = &v[..];
                $body
            }
        }
    };
}

/// [`subject`] for a match through `pattern` (a `Pattern`), reusing the chars of its last
/// non-ASCII subject when `s` is that str again; the pattern keeps the str it caches.
fn cached_subject<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    re: &Regex,
    pattern: usize,
    s: usize,
) -> Result<Subject<'static>, usize> {
    if let Some((addr, chars)) = &*re.last_subject.borrow() {
        if *addr == s {
            return Ok(Subject::Wide(chars.clone()));
        }
    }
    let subj = subject(cx, rt, re, s)?;
    if let Subject::Wide(chars) = &subj {
        *re.last_subject.borrow_mut() = Some((s, chars.clone()));
        classes::set_slot(cx, rt, pattern, "_subject", s);
    }
    Ok(subj)
}

fn subject<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, re: &Regex, s: usize) -> Result<Subject<'static>, usize> {
    if is(s, &STR) {
        if re.is_bytes {
            return Err(crate::errors::new_error(
                cx,
                rt,
                "TypeError",
                "cannot use a bytes pattern on a string-like object",
            ));
        }
        // SAFETY: a live str argument, alive for the native's duration.
        let (t, n) = unsafe { (str_text(s), str_chars(s)) };
        return Ok(if t.len() == n {
            Subject::Narrow(t.as_bytes())
        } else {
            Subject::Wide(Rc::new(t.chars().map(|c| c as u32).collect()))
        });
    }
    if let Some(b) = crate::bytes::buffer(s) {
        if !re.is_bytes {
            return Err(crate::errors::new_error(
                cx,
                rt,
                "TypeError",
                "cannot use a string pattern on a bytes-like object",
            ));
        }
        return Ok(Subject::Narrow(b));
    }
    let msg = format!("expected string or bytes-like object, got '{}'", b::type_name(rt, s));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// A new str or bytes of code units.
fn from_units<S: Space>(cx: &mut Cx<'_, S>, is_bytes: bool, units: impl Iterator<Item = u32>) -> usize {
    if is_bytes {
        let data: Vec<u8> = units.map(|u| u as u8).collect();
        crate::bytes::new_bytes(cx.heap_mut(), &data)
    } else {
        let text: String = units.map(|u| char::from_u32(u).unwrap_or('\u{fffd}')).collect();
        new_str(cx.heap_mut(), &text)
    }
}

/// `subject[a:b]` as a new object.
fn slice<S: Space>(cx: &mut Cx<'_, S>, is_bytes: bool, subj: &Subject<'_>, a: usize, b: usize) -> usize {
    match subj {
        Subject::Narrow(bytes) if !is_bytes => {
            // SAFETY: a narrow str subject is ASCII.
            new_str(cx.heap_mut(), unsafe { std::str::from_utf8_unchecked(&bytes[a..b]) })
        }
        Subject::Narrow(bytes) => crate::bytes::new_bytes(cx.heap_mut(), &bytes[a..b]),
        Subject::Wide(v) => from_units(cx, false, v[a..b].iter().copied()),
    }
}

fn int_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<i64, usize> {
    if let Some(v) = peek_i64(o) {
        return Ok(v);
    }
    let v = index_value(cx, rt, o)?;
    Ok(v.to_i64().unwrap_or(if v.is_negative() { i64::MIN } else { i64::MAX }))
}

/// `pos` and `endpos` clamped to the subject, as `sre` does.
fn bounds<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    pos: usize,
    endpos: usize,
    len: usize,
) -> Result<(usize, usize), usize> {
    let clamp = |v: i64| v.clamp(0, len as i64) as usize;
    let p = int_arg(cx, rt, pos)?;
    let e = int_arg(cx, rt, endpos)?;
    Ok((clamp(p), clamp(e)))
}

fn args_n<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], n: usize, name: &str) -> Result<(), usize> {
    if args.len() != n {
        let msg = format!("{name}() takes exactly {n} arguments ({} given)", args.len());
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    }
    Ok(())
}

/// The chars of a str or the bytes of a bytes-like object, as code units.
fn units_of(o: usize) -> Option<(Vec<u32>, bool)> {
    if is(o, &STR) {
        return Some((text(o).chars().map(|c| c as u32).collect(), false));
    }
    crate::bytes::buffer(o).map(|b| (b.iter().map(|&x| x as u32).collect(), true))
}

/// The Python exception for a compile error in `source` (a pattern or a template).
fn raise<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, e: rx::Error, error_cls: usize, source: usize) -> usize {
    let class = match e.kind {
        ErrorKind::Re => {
            let msg = new_str(cx.heap_mut(), &e.msg);
            let _ = metatrace::Ctx::root(cx, msg);
            let args = match e.pos {
                Some(p) => vec![msg, source, new_int(cx.heap_mut(), p as i64)],
                None => vec![msg],
            };
            return match call_value(cx, rt, error_cls, &args, &[]) {
                Ok(exc) | Err(exc) => exc,
            };
        }
        ErrorKind::Overflow => "OverflowError",
        ErrorKind::Value => "ValueError",
        ErrorKind::Index => "IndexError",
        ErrorKind::Recursion => "RecursionError",
    };
    crate::errors::new_error(cx, rt, class, &e.msg)
}

/// `_sre.compile(pattern, flags, error)` -> `(code, flags, groups, groupindex)`.
fn sre_compile<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 3, "compile")?;
    let (pattern, error_cls) = (args[0], args[2]);
    let flags = int_arg(cx, rt, args[1])? as u32;
    let Some((units, is_bytes)) = units_of(pattern) else {
        return err(cx, rt, "TypeError", "first argument must be string or compiled pattern");
    };
    let re = match rx::compile(&units, is_bytes, flags) {
        Ok(re) => re,
        Err(e) => return Err(raise(cx, rt, e, error_cls, pattern)),
    };
    let (flags, groups) = (re.flags, re.groups);
    let names = re.names.clone();
    let code = new_code(cx, re);
    let _ = metatrace::Ctx::root(cx, code);
    let index = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, index);
    for (name, g) in names {
        let k = new_str(cx.heap_mut(), &name);
        let _ = metatrace::Ctx::root(cx, k);
        let v = new_int(cx.heap_mut(), g as i64);
        dict::set(cx, rt, index, k, v)?;
    }
    let f = new_int(cx.heap_mut(), flags as i64);
    let _ = metatrace::Ctx::root(cx, f);
    let g = new_int(cx.heap_mut(), groups as i64);
    Ok(new_tuple(cx.heap_mut(), &[code, f, g, index]))
}

/// A match as the tuple `Match` reads: `(pos, endpos, lastindex, start0, end0, ...)`.
fn match_tuple<S: Space>(cx: &mut Cx<'_, S>, pos: usize, end: usize, m: &Machine) -> usize {
    let int = |cx: &mut Cx<'_, S>, v: usize| new_int(cx.heap_mut(), if v == NONE { -1 } else { v as i64 });
    let mut items = Vec::with_capacity(3 + m.slots.len());
    for v in [pos, end, m.lastindex] {
        items.push(int(cx, v));
        let _ = metatrace::Ctx::root(cx, *items.last().expect("just pushed"));
    }
    for g in 0..m.slots.len() / 2 {
        let (a, b) = span(&m.slots, g).unwrap_or((NONE, NONE));
        for v in [a, b] {
            items.push(int(cx, v));
            let _ = metatrace::Ctx::root(cx, *items.last().expect("just pushed"));
        }
    }
    new_tuple(cx.heap_mut(), &items)
}

/// A new `Match` (an instance of `cls`, `re.Match`) of `pattern` over `string`.
fn new_match<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    cls: usize,
    pattern: usize,
    string: usize,
    marks: usize,
) -> PyResult {
    let _ = metatrace::Ctx::root(cx, marks);
    let m = crate::types::call_type(cx, rt, cls, &[], &[])?;
    classes::set_slots(cx, rt, m, &[("re", pattern), ("string", string), ("_m", marks)]);
    Ok(m)
}

/// `_sre.match(pattern, string, pos, endpos, mode, must_advance, Match)`: mode 0 is
/// `match`, 1 `search`, 2 `fullmatch`; a `Match` or None.
fn sre_match<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 7, "match")?;
    let pattern = args[0];
    let code_obj = classes::peek_slot(rt, pattern, "_code").unwrap_or(0);
    let re = code(cx, rt, code_obj)?;
    let subj = cached_subject(cx, rt, re, pattern, args[1])?;
    let (pos, end) = bounds(cx, rt, args[2], args[3], subj.len())?;
    let mode = int_arg(cx, rt, args[4])?;
    let must_advance = truth(cx, rt, args[5])?;
    let m = Mode { full: mode == 2, must_advance };
    let mut machine = re.machine.borrow_mut();
    let found = with_units!(&subj, t => if mode == 1 {
        machine.search(&re.program, t, pos, end, m, false)
    } else {
        machine.run(&re.program, t, end, pos, m)
    });
    if !found {
        return Ok(rt.none.get());
    }
    let marks = match_tuple(cx, pos, end, &machine);
    drop(machine);
    new_match(cx, rt, args[6], pattern, args[1], marks)
}

/// The slots of every match from `pos` to `end` (at most `limit`; 0: no limit), moving past
/// empty matches as CPython does.
fn scan<C: Unit>(re: &Regex, text: &[C], pos: usize, end: usize, limit: usize) -> Vec<Vec<usize>> {
    let mut m = re.machine.borrow_mut();
    let mut out = Vec::new();
    let (mut start, mut must) = (pos, false);
    while limit == 0 || out.len() < limit {
        if !m.search(&re.program, text, start, end, Mode { full: false, must_advance: must }, false) {
            break;
        }
        let (b, e) = (m.slots[0], m.slots[1]);
        out.push(m.slots.clone());
        must = b == e;
        start = e;
    }
    out
}

/// `_sre.scan(pattern, string, pos, endpos, start, must_advance, limit, Match)`: the next
/// matches (at most `limit`) of a scan over `pos..endpos`, as `Match`es, the first searched
/// from `start` (not empty there when `must_advance`), each next one after the one before
/// as `finditer` and `sub` go on.
fn sre_scan<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 8, "scan")?;
    let pattern = args[0];
    let code_obj = classes::peek_slot(rt, pattern, "_code").unwrap_or(0);
    let re = code(cx, rt, code_obj)?;
    let subj = cached_subject(cx, rt, re, pattern, args[1])?;
    let (pos, end) = bounds(cx, rt, args[2], args[3], subj.len())?;
    let (start, _) = bounds(cx, rt, args[4], args[3], subj.len())?;
    let must = truth(cx, rt, args[5])?;
    let limit = int_arg(cx, rt, args[6])?.max(1) as usize;
    let mut m = re.machine.borrow_mut();
    let mut marks = Vec::new();
    let (mut start, mut must) = (start, must);
    while marks.len() < limit {
        let mode = Mode { full: false, must_advance: must };
        if !with_units!(&subj, t => m.search(&re.program, t, start, end, mode, false)) {
            break;
        }
        let (b, e) = (m.slots[0], m.slots[1]);
        let item = match_tuple(cx, pos, end, &m);
        let _ = metatrace::Ctx::root(cx, item);
        marks.push(item);
        must = b == e;
        start = e;
    }
    drop(m);
    let mut items = Vec::with_capacity(marks.len());
    for mk in marks {
        let item = new_match(cx, rt, args[7], pattern, args[1], mk)?;
        let _ = metatrace::Ctx::root(cx, item);
        items.push(item);
    }
    Ok(new_list(cx.heap_mut(), &items))
}

/// Group `g`'s span in `slots`, if it matched.
fn span(slots: &[usize], g: usize) -> Option<(usize, usize)> {
    let (s, e) = (slots[2 * g], slots[2 * g + 1]);
    (s != NONE && e != NONE && e >= s).then_some((s, e))
}

/// `_sre.findall(code, string, pos, endpos)`
fn sre_findall<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 4, "findall")?;
    let re = code(cx, rt, args[0])?;
    let subj = subject(cx, rt, re, args[1])?;
    let (pos, end) = bounds(cx, rt, args[2], args[3], subj.len())?;
    let found = with_units!(&subj, t => scan(re, t, pos, end, 0));
    let mut items = Vec::with_capacity(found.len());
    let empty_or = |cx: &mut Cx<'_, S>, slots: &[usize], g: usize| match span(slots, g) {
        Some((a, b)) => slice(cx, re.is_bytes, &subj, a, b),
        None => slice(cx, re.is_bytes, &subj, 0, 0),
    };
    for slots in &found {
        let item = match re.groups {
            0 => empty_or(cx, slots, 0),
            1 => empty_or(cx, slots, 1),
            n => {
                let mut parts = Vec::with_capacity(n);
                for g in 1..=n {
                    let p = empty_or(cx, slots, g);
                    let _ = metatrace::Ctx::root(cx, p);
                    parts.push(p);
                }
                new_tuple(cx.heap_mut(), &parts)
            }
        };
        let _ = metatrace::Ctx::root(cx, item);
        items.push(item);
    }
    Ok(new_list(cx.heap_mut(), &items))
}

/// `_sre.split(code, string, maxsplit)`
fn sre_split<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 3, "split")?;
    let re = code(cx, rt, args[0])?;
    let subj = subject(cx, rt, re, args[1])?;
    let maxsplit = int_arg(cx, rt, args[2])?;
    let len = subj.len();
    let found = if maxsplit < 0 { Vec::new() } else { with_units!(&subj, t => scan(re, t, 0, len, maxsplit as usize)) };
    let mut items = Vec::new();
    let mut last = 0;
    let none = rt.none.get();
    for slots in &found {
        let p = slice(cx, re.is_bytes, &subj, last, slots[0]);
        let _ = metatrace::Ctx::root(cx, p);
        items.push(p);
        for g in 1..=re.groups {
            let p = match span(slots, g) {
                Some((a, b)) => slice(cx, re.is_bytes, &subj, a, b),
                None => none,
            };
            let _ = metatrace::Ctx::root(cx, p);
            items.push(p);
        }
        last = slots[1];
    }
    let p = slice(cx, re.is_bytes, &subj, last, len);
    let _ = metatrace::Ctx::root(cx, p);
    items.push(p);
    Ok(new_list(cx.heap_mut(), &items))
}

/// Parses template `tpl` for `re`, raising its errors.
fn parse_template<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    re: &Regex,
    tpl: usize,
    error_cls: usize,
) -> Result<(Vec<Piece>, bool), usize> {
    let Some((units, is_bytes)) = units_of(tpl) else {
        let msg = format!("decoding to str: need a bytes-like object, {} found", b::type_name(rt, tpl));
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    };
    if !units.contains(&('\\' as u32)) {
        return Ok((vec![Piece::Lit(units)], is_bytes));
    }
    match template::parse(&units, is_bytes, re.groups, &re.names) {
        Ok(p) => Ok((p, is_bytes)),
        Err(e) => Err(raise(cx, rt, e, error_cls, tpl)),
    }
}

/// Appends the expansion of `pieces` for the match in `slots` to `out`.
fn expand_into(pieces: &[Piece], slots: &[usize], subj: &Subject<'_>, out: &mut Vec<u32>) {
    for p in pieces {
        match p {
            Piece::Lit(u) => out.extend_from_slice(u),
            Piece::Group(g) => {
                if let Some((a, b)) = span(slots, *g) {
                    out.extend((a..b).map(|k| subj.unit(k)));
                }
            }
        }
    }
}

/// `_sre.sub(code, template, string, count, error)` -> `(result, count)`.
fn sre_sub<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 5, "sub")?;
    let re = code(cx, rt, args[0])?;
    let (pieces, _) = parse_template(cx, rt, re, args[1], args[4])?;
    let subj = subject(cx, rt, re, args[2])?;
    let count = int_arg(cx, rt, args[3])?;
    let len = subj.len();
    let found = if count < 0 { Vec::new() } else { with_units!(&subj, t => scan(re, t, 0, len, count as usize)) };
    let mut out: Vec<u32> = Vec::with_capacity(len);
    let mut last = 0;
    for slots in &found {
        out.extend((last..slots[0]).map(|k| subj.unit(k)));
        expand_into(&pieces, slots, &subj, &mut out);
        last = slots[1];
    }
    out.extend((last..len).map(|k| subj.unit(k)));
    let result = from_units(cx, re.is_bytes, out.into_iter());
    let _ = metatrace::Ctx::root(cx, result);
    let n = new_int(cx.heap_mut(), found.len() as i64);
    Ok(new_tuple(cx.heap_mut(), &[result, n]))
}

/// `_sre.expand(code, template, string, marks, error)`: `Match.expand`.
fn sre_expand<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 5, "expand")?;
    let re = code(cx, rt, args[0])?;
    let (pieces, tpl_bytes) = parse_template(cx, rt, re, args[1], args[4])?;
    let subj = subject(cx, rt, re, args[2])?;
    let marks = args[3];
    let mut slots = Vec::new();
    for &v in tuple_items(marks).iter().skip(3) {
        let v = int_arg(cx, rt, v)?;
        slots.push(if v < 0 { NONE } else { v as usize });
    }
    let mut out = Vec::new();
    expand_into(&pieces, &slots, &subj, &mut out);
    Ok(from_units(cx, tpl_bytes, out.into_iter()))
}

/// The group of a `Match` that `g` names (an int or a group name), or IndexError.
fn group_index<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    ngroups: usize,
    index: usize,
    g: usize,
) -> Result<usize, usize> {
    let k = if is(g, &STR) {
        dict::lookup(cx, rt, index, g)?.and_then(peek_i64)
    } else if is(g, &INT) || is(g, &BOOL) {
        peek_i64(g)
    } else if is(g, &BIGINT) {
        None
    } else if is(g, &INSTANCE) {
        match b::call_method(cx, rt, g, "__index__", &[]) {
            Some(r) => peek_i64(r?),
            None => None,
        }
    } else {
        None
    };
    match k {
        Some(k) if k >= 0 && (k as usize) <= ngroups => Ok(k as usize),
        _ => Err(crate::errors::new_error(cx, rt, "IndexError", "no such group")),
    }
}

/// Group `g` of marks `m` over `string` (or `default` if it did not match); `chars`: the
/// chars of `string` when they are at hand.
fn group_value<S: Space>(
    cx: &mut Cx<'_, S>,
    string: usize,
    chars: Option<&[u32]>,
    m: &[usize],
    g: usize,
    default: usize,
) -> usize {
    let (a, b) = (peek_i64(m[3 + 2 * g]).unwrap_or(-1), peek_i64(m[4 + 2 * g]).unwrap_or(-1));
    if a < 0 || b < a {
        return default;
    }
    let (a, b) = (a as usize, b as usize);
    if is(string, &STR) {
        // SAFETY: a live str (the Match's subject, an argument).
        let (t, n) = unsafe { (str_text(string), str_chars(string)) };
        if t.len() == n {
            return new_str(cx.heap_mut(), &t[a.min(t.len())..b.min(t.len())]);
        }
        if let Some(chars) = chars.filter(|c| b <= c.len()) {
            return from_units(cx, false, chars[a..b].iter().copied());
        }
        let mut ix = t.char_indices().map(|(k, _)| k).chain(std::iter::once(t.len()));
        let start = ix.nth(a).unwrap_or(t.len());
        let end = if b > a { ix.nth(b - a - 1).unwrap_or(t.len()) } else { start };
        return new_str(cx.heap_mut(), &t[start..end]);
    }
    let data = crate::bytes::buffer(string).unwrap_or(&[]);
    crate::bytes::new_bytes(cx.heap_mut(), &data[a.min(data.len())..b.min(data.len())])
}

/// The chars of `string` if `pattern`'s program has them cached.
fn cached_chars(rt: &Python, pattern: usize, string: usize) -> Option<Rc<Vec<u32>>> {
    let code_obj = classes::peek_slot(rt, pattern, "_code").filter(|&c| is(c, &RE_CODE))?;
    // SAFETY: a live re_code object points to its Regex.
    let re = unsafe { &*(read_word(code_obj, &CODE_PTR) as *const Regex) };
    let last = re.last_subject.borrow();
    last.as_ref().filter(|(addr, _)| *addr == string).map(|(_, chars)| chars.clone())
}

/// `_sre.group(marks, string, pattern, args)`: `Match.group(*args)`.
fn sre_group<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 4, "group")?;
    let (m, string, pattern) = (tuple_items(args[0]), args[1], args[2]);
    let Some(index) = classes::peek_slot(rt, pattern, "_groupindex") else {
        return err(cx, rt, "TypeError", "expected a compiled pattern");
    };
    let chars = cached_chars(rt, pattern, string);
    let chars = chars.as_deref().map(|v| &v[..]);
    let ngroups = (m.len() - 3) / 2 - 1;
    let none = rt.none.get();
    let gs = tuple_items(args[3]);
    match gs.len() {
        0 => Ok(group_value(cx, string, chars, &m, 0, none)),
        1 => {
            let g = group_index(cx, rt, ngroups, index, gs[0])?;
            Ok(group_value(cx, string, chars, &m, g, none))
        }
        _ => {
            let mut items = Vec::with_capacity(gs.len());
            for &g in &gs {
                let g = group_index(cx, rt, ngroups, index, g)?;
                let v = group_value(cx, string, chars, &m, g, none);
                let _ = metatrace::Ctx::root(cx, v);
                items.push(v);
            }
            Ok(new_tuple(cx.heap_mut(), &items))
        }
    }
}

/// `_sre.groups(marks, string, pattern, default)`: `Match.groups(default)`.
fn sre_groups<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    args_n(cx, rt, args, 4, "groups")?;
    let (m, string, pattern, default) = (tuple_items(args[0]), args[1], args[2], args[3]);
    let chars = cached_chars(rt, pattern, string);
    let chars = chars.as_deref().map(|v| &v[..]);
    let ngroups = (m.len() - 3) / 2 - 1;
    let mut items = Vec::with_capacity(ngroups);
    for g in 1..=ngroups {
        let v = group_value(cx, string, chars, &m, g, default);
        let _ = metatrace::Ctx::root(cx, v);
        items.push(v);
    }
    Ok(new_tuple(cx.heap_mut(), &items))
}
