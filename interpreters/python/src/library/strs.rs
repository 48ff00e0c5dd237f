//! The methods of `str` that search, split, join, strip and pad (case, predicates, encoding
//! and translation are in `strs_text.rs`; formatting in `strformat.rs`).

use super::textargs::{at_least, expected, int_arg, one, opt_int, params, slice_arg, width_arg, window};
use super::*;
use crate::chars::{is_line_break, is_space};

rows! {
    "str.join" => str_join,
    "str.split" => str_split,
    "str.rsplit" => str_rsplit,
    "str.splitlines" => str_splitlines,
    "str.strip" => str_strip,
    "str.lstrip" => str_lstrip,
    "str.rstrip" => str_rstrip,
    "str.replace" => str_replace,
    "str.startswith" => str_startswith,
    "str.endswith" => str_endswith,
    "str.find" => str_find,
    "str.rfind" => str_rfind,
    "str.index" => str_index,
    "str.rindex" => str_rindex,
    "str.count" => str_count,
    "str.center" => str_center,
    "str.ljust" => str_ljust,
    "str.rjust" => str_rjust,
    "str.zfill" => str_zfill,
    "str.expandtabs" => str_expandtabs,
    "str.partition" => str_partition,
    "str.rpartition" => str_rpartition,
    "str.removeprefix" => str_removeprefix,
    "str.removesuffix" => str_removesuffix,
}

/// A str argument, or CPython's `must be str, not int`.
pub(super) fn str_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<&'static str, usize> {
    if is(v, &STR) {
        return Ok(text(v));
    }
    let msg = format!("must be str, not {}", b::type_name(rt, v));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// The byte offset of char `c` of `st` (its end if past it).
pub(super) fn byte_at(st: &str, ascii: bool, c: usize) -> usize {
    if ascii {
        c.min(st.len())
    } else {
        st.char_indices().nth(c).map(|(k, _)| k).unwrap_or(st.len())
    }
}

/// The char position of byte offset `byte` of `st`.
pub(super) fn char_pos(st: &str, byte: usize) -> usize {
    st[..byte].chars().count()
}

/// The `[start:end]` window of str `o` for the search methods: its text and its first char's
/// position, or `None` when the window is empty past the end (`start > len` or `start > end`).
fn search_window<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    o: usize,
    start: Option<usize>,
    end: Option<usize>,
) -> Result<Option<(&'static str, usize)>, usize> {
    let (start, end) = (slice_arg(cx, rt, start)?, slice_arg(cx, rt, end)?);
    let st = text(o);
    let n = unsafe { str_chars(o) };
    let (s, e) = window(start, end, n);
    if s > n || s > e {
        return Ok(None);
    }
    let ascii = b::ascii(o);
    Ok(Some((&st[byte_at(st, ascii, s)..byte_at(st, ascii, e)], s)))
}

/// `find`, `rfind`, `index`, `rindex`: the char position of `sub` in the window.
fn search<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
) -> Result<Option<usize>, usize> {
    let p = params(cx, rt, name, args, kw, &["sub", "start", "end"], false)?;
    at_least(cx, rt, name, &p, 1)?;
    let sub = str_arg(cx, rt, p[0].unwrap())?;
    let Some((w, s)) = search_window(cx, rt, this(t), p[1], p[2])? else { return Ok(None) };
    let found = if name.starts_with('r') { w.rfind(sub) } else { w.find(sub) };
    Ok(found.map(|k| s + char_pos(w, k)))
}

pub(super) fn str_find<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let r = search(cx, rt, t, args, kw, "find")?;
    Ok(crate::runtime::int_obj(cx.heap_mut(), rt, r.map(|k| k as i64).unwrap_or(-1)))
}
pub(super) fn str_rfind<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let r = search(cx, rt, t, args, kw, "rfind")?;
    Ok(crate::runtime::int_obj(cx.heap_mut(), rt, r.map(|k| k as i64).unwrap_or(-1)))
}
pub(super) fn str_index<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    match search(cx, rt, t, args, kw, "index")? {
        Some(k) => Ok(crate::runtime::int_obj(cx.heap_mut(), rt, k as i64)),
        None => err(cx, rt, "ValueError", "substring not found"),
    }
}
pub(super) fn str_rindex<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    match search(cx, rt, t, args, kw, "rindex")? {
        Some(k) => Ok(crate::runtime::int_obj(cx.heap_mut(), rt, k as i64)),
        None => err(cx, rt, "ValueError", "substring not found"),
    }
}
pub(super) fn str_count<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "count", args, kw, &["sub", "start", "end"], false)?;
    at_least(cx, rt, "count", &p, 1)?;
    let sub = str_arg(cx, rt, p[0].unwrap())?;
    let n = match search_window(cx, rt, this(t), p[1], p[2])? {
        None => 0,
        Some((w, _)) if sub.is_empty() => w.chars().count() + 1,
        Some((w, _)) => w.matches(sub).count(),
    };
    Ok(crate::runtime::int_obj(cx.heap_mut(), rt, n as i64))
}

/// `startswith` / `endswith`.
fn affix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    start: bool,
) -> PyResult {
    let name = if start { "startswith" } else { "endswith" };
    let p = params(cx, rt, name, args, kw, &["prefix", "start", "end"], false)?;
    at_least(cx, rt, name, &p, 1)?;
    let what = p[0].unwrap();
    let options: Vec<usize> = if is(what, &TUPLE) { tuple_items(what).into_vec() } else { vec![what] };
    for &o in &options {
        if !is(o, &STR) {
            let msg = if is(what, &TUPLE) {
                format!("tuple for {name} must only contain str, not {}", b::type_name(rt, o))
            } else {
                format!("{name} first arg must be str or a tuple of str, not {}", b::type_name(rt, o))
            };
            return err(cx, rt, "TypeError", &msg);
        }
    }
    let Some((w, _)) = search_window(cx, rt, this(t), p[1], p[2])? else { return Ok(rt.false_.get()) };
    let hit = options.iter().any(|&o| if start { w.starts_with(text(o)) } else { w.ends_with(text(o)) });
    Ok(rt.bool_obj(hit))
}
pub(super) fn str_startswith<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    affix(cx, rt, t, args, kw, true)
}
pub(super) fn str_endswith<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    affix(cx, rt, t, args, kw, false)
}

pub(super) fn str_join<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let it = one(cx, rt, "str.join", args, kw)?;
    if b::iter(cx, rt, it).is_err() {
        return err(cx, rt, "TypeError", "can only join an iterable");
    }
    let items = collect(cx, rt, it)?;
    if let [only] = items[..] {
        if is(only, &STR) {
            // (One exact str: itself, as CPython returns it.)
            return Ok(only);
        }
    }
    let sep = this(t);
    let mut parts = Vec::with_capacity(2 * items.len());
    for (k, i) in items.into_iter().enumerate() {
        let i = crate::boxed::unbox(i);
        if !is(i, &STR) {
            let msg = format!("sequence item {k}: expected str instance, {} found", b::type_name(rt, i));
            return err(cx, rt, "TypeError", &msg);
        }
        if k > 0 {
            parts.push(sep);
        }
        parts.push(i);
    }
    Ok(crate::runtime::concat_strs(cx.heap_mut(), &parts))
}

/// The `sep` and `maxsplit` of `split` / `rsplit`.
fn split_args<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    name: &str,
    args: &[usize],
    kw: Kw<'_>,
) -> Result<(Option<&'static str>, i64), usize> {
    let p = params(cx, rt, name, args, kw, &["sep", "maxsplit"], true)?;
    let sep = match p[0] {
        None => None,
        Some(v) if v == rt.none.get() => None,
        Some(v) if is(v, &STR) => Some(text(v)),
        Some(v) => {
            let msg = format!("must be str or None, not {}", b::type_name(rt, v));
            return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
        }
    };
    if sep == Some("") {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "empty separator"));
    }
    Ok((sep, opt_int(cx, rt, p[1])?))
}

/// Splits at runs of whitespace, from the left, at most `max` times (negative: no limit).
pub(super) fn split_space(st: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = st.trim_start_matches(is_space);
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 == max {
            out.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(is_space);
    }
    out
}

/// Splits at runs of whitespace, from the right.
pub(super) fn rsplit_space(st: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = st.trim_end_matches(is_space);
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 == max {
            out.push(rest);
            break;
        }
        let start = rest.rfind(is_space).map(|k| k + rest[k..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(is_space);
    }
    out.reverse();
    out
}

fn str_list<S: Space>(cx: &mut Cx<'_, S>, parts: &[&str]) -> PyResult {
    let objs: Vec<usize> = parts.iter().map(|p| new_str(cx.heap_mut(), p)).collect();
    Ok(new_list(cx.heap_mut(), &objs))
}

pub(super) fn str_split<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let (sep, max) = split_args(cx, rt, "split", args, kw)?;
    let st = text(this(t));
    let parts: Vec<&str> = match sep {
        Some(sep) if max >= 0 => st.splitn(max as usize + 1, sep).collect(),
        Some(sep) => st.split(sep).collect(),
        None => split_space(st, max),
    };
    str_list(cx, &parts)
}
pub(super) fn str_rsplit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let (sep, max) = split_args(cx, rt, "rsplit", args, kw)?;
    let st = text(this(t));
    let parts: Vec<&str> = match sep {
        Some(sep) => {
            let mut v: Vec<&str> =
                if max >= 0 { st.rsplitn(max as usize + 1, sep).collect() } else { st.rsplit(sep).collect() };
            v.reverse();
            v
        }
        None => rsplit_space(st, max),
    };
    str_list(cx, &parts)
}

/// The lines of `st`, with their line breaks if `keep`.
pub(super) fn lines(st: &str, keep: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = st.char_indices().peekable();
    while let Some((k, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = k + c.len_utf8();
        if c == '\r' && matches!(it.peek(), Some((_, '\n'))) {
            it.next();
            end += 1;
        }
        out.push(if keep { &st[start..end] } else { &st[start..k] });
        start = end;
    }
    if start < st.len() {
        out.push(&st[start..]);
    }
    out
}

pub(super) fn str_splitlines<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "splitlines", args, kw, &["keepends"], true)?;
    let keep = match p[0] {
        Some(k) => truth(cx, rt, k)?,
        None => false,
    };
    let parts = lines(text(this(t)), keep);
    str_list(cx, &parts)
}

fn strip_with<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    (left, right): (bool, bool),
) -> PyResult {
    let p = params(cx, rt, name, args, kw, &["chars"], false)?;
    let chars: Option<Vec<char>> = match p[0] {
        None => None,
        Some(v) if v == rt.none.get() => None,
        Some(v) if is(v, &STR) => Some(text(v).chars().collect()),
        Some(_) => return err(cx, rt, "TypeError", &format!("{name} arg must be None or str")),
    };
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let mut r = text(this(t));
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    if r.len() == text(this(t)).len() {
        return Ok(this(t));
    }
    s(cx, r)
}
pub(super) fn str_strip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    strip_with(cx, rt, t, args, kw, "strip", (true, true))
}
pub(super) fn str_lstrip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    strip_with(cx, rt, t, args, kw, "lstrip", (true, false))
}
pub(super) fn str_rstrip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    strip_with(cx, rt, t, args, kw, "rstrip", (false, true))
}

pub(super) fn str_replace<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "replace", args, kw, &["old", "new", "count"], false)?;
    expected(cx, rt, "replace", &p, 2)?;
    let mut strs = [""; 2];
    for k in 0..2 {
        let v = p[k].unwrap();
        if !is(v, &STR) {
            let msg = format!("replace() argument {} must be str, not {}", k + 1, b::type_name(rt, v));
            return err(cx, rt, "TypeError", &msg);
        }
        strs[k] = text(v);
    }
    let n = opt_int(cx, rt, p[2])?;
    let st = text(this(t));
    let r = if n < 0 { st.replace(strs[0], strs[1]) } else { st.replacen(strs[0], strs[1], n as usize) };
    s(cx, &r)
}

/// The width and fill char of `center`, `ljust`, `rjust`.
fn pad_args<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    name: &str,
    args: &[usize],
    kw: Kw<'_>,
) -> Result<(usize, char), usize> {
    let p = params(cx, rt, name, args, kw, &["width", "fillchar"], false)?;
    expected(cx, rt, name, &p, 1)?;
    let fill_bytes = p[1].filter(|&f| is(f, &STR)).map_or(1, |f| text(f).len());
    let w = width_arg(cx, rt, p[0].unwrap(), fill_bytes)?;
    let fill = match p[1] {
        None => ' ',
        Some(f) if is(f, &STR) => {
            let mut cs = text(f).chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(crate::errors::new_error(
                        cx,
                        rt,
                        "TypeError",
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        Some(f) => {
            let msg = format!("The fill character must be a unicode character, not {}", b::type_name(rt, f));
            return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
        }
    };
    Ok((w, fill))
}

/// `st` padded to `w` chars with `fill`: `how` is `<` (ljust), `>` (rjust) or `^` (center).
pub(super) fn justify(st: &str, n: usize, w: usize, fill: char, how: char) -> Option<String> {
    if w <= n {
        return None;
    }
    let pad = w - n;
    let f = |k: usize| fill.to_string().repeat(k);
    Some(match how {
        '<' => format!("{st}{}", f(pad)),
        '>' => format!("{}{st}", f(pad)),
        _ => {
            let left = pad / 2 + (pad & w & 1);
            format!("{}{st}{}", f(left), f(pad - left))
        }
    })
}

fn pad_method<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    how: char,
) -> PyResult {
    let (w, fill) = pad_args(cx, rt, name, args, kw)?;
    let o = this(t);
    match justify(text(o), unsafe { str_chars(o) }, w, fill, how) {
        Some(r) => s(cx, &r),
        None => Ok(o),
    }
}
pub(super) fn str_center<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pad_method(cx, rt, t, args, kw, "center", '^')
}
pub(super) fn str_ljust<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pad_method(cx, rt, t, args, kw, "ljust", '<')
}
pub(super) fn str_rjust<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pad_method(cx, rt, t, args, kw, "rjust", '>')
}

/// `zfill`: zeros after the sign up to `w` chars.
pub(super) fn zfill(st: &str, n: usize, w: usize) -> Option<String> {
    if w <= n {
        return None;
    }
    let (sign, rest) = match st.strip_prefix(['-', '+']) {
        Some(r) => (&st[..1], r),
        None => ("", st),
    };
    Some(format!("{sign}{}{rest}", "0".repeat(w - n)))
}
pub(super) fn str_zfill<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let w = one(cx, rt, "zfill", args, kw)?;
    let w = width_arg(cx, rt, w, 1)?;
    let o = this(t);
    match zfill(text(o), unsafe { str_chars(o) }, w) {
        Some(r) => s(cx, &r),
        None => Ok(o),
    }
}

/// Tabs replaced by spaces up to the next multiple of `size` columns.
pub(super) fn expand_tabs(st: &str, size: i64) -> String {
    let mut out = String::with_capacity(st.len());
    let mut col = 0i64;
    for c in st.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}
pub(super) fn str_expandtabs<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "expandtabs", args, kw, &["tabsize"], true)?;
    let size = match p[0] {
        Some(v) => int_arg(cx, rt, v)?,
        None => 8,
    };
    s(cx, &expand_tabs(text(this(t)), size))
}

fn partition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    right: bool,
) -> PyResult {
    let sep = one(cx, rt, if right { "str.rpartition" } else { "str.partition" }, args, kw)?;
    let sep = str_arg(cx, rt, sep)?;
    if sep.is_empty() {
        return err(cx, rt, "ValueError", "empty separator");
    }
    let st = text(this(t));
    let found = if right { st.rfind(sep) } else { st.find(sep) };
    let parts: [&str; 3] = match found {
        Some(i) => [&st[..i], sep, &st[i + sep.len()..]],
        None if right => ["", "", st],
        None => [st, "", ""],
    };
    let objs: Vec<usize> = parts.iter().map(|p| new_str(cx.heap_mut(), p)).collect();
    Ok(new_tuple(cx.heap_mut(), &objs))
}
pub(super) fn str_partition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    partition(cx, rt, t, args, kw, false)
}
pub(super) fn str_rpartition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    partition(cx, rt, t, args, kw, true)
}

fn remove_affix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    prefix: bool,
) -> PyResult {
    let name = if prefix { "removeprefix" } else { "removesuffix" };
    let a = one(cx, rt, name, args, kw)?;
    if !is(a, &STR) {
        let msg = format!("{name}() argument must be str, not {}", b::type_name(rt, a));
        return err(cx, rt, "TypeError", &msg);
    }
    let st = text(this(t));
    let r = if prefix { st.strip_prefix(text(a)) } else { st.strip_suffix(text(a)) };
    match r {
        Some(r) if !text(a).is_empty() => s(cx, r),
        _ => Ok(this(t)),
    }
}
pub(super) fn str_removeprefix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    remove_affix(cx, rt, t, args, kw, true)
}
pub(super) fn str_removesuffix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    remove_affix(cx, rt, t, args, kw, false)
}
