//! The methods of `bytes` and `bytearray` (one function serves both types; results have the
//! type of the object), the mutating methods of `bytearray`, and `int.to_bytes` /
//! `int.from_bytes`.

use super::strs::{expand_tabs, justify, zfill};
use super::textargs::{at_least, expected, int_arg, none, one, opt_int, params, slice_arg, width_arg, window};
use super::*;
use crate::bytes::{buffer, data, data_mut, find, new_bytes, new_like, rfind};

rows! {
    "bytes.decode" => b_decode, "bytearray.decode" => b_decode,
    "bytes.hex" => b_hex, "bytearray.hex" => b_hex,
    "bytes.fromhex" => b_fromhex, "bytearray.fromhex" => ba_fromhex,
    "bytes.maketrans" => b_maketrans, "bytearray.maketrans" => b_maketrans,
    "bytes.translate" => b_translate, "bytearray.translate" => b_translate,
    "bytes.join" => b_join, "bytearray.join" => b_join,
    "bytes.split" => b_split, "bytearray.split" => b_split,
    "bytes.rsplit" => b_rsplit, "bytearray.rsplit" => b_rsplit,
    "bytes.splitlines" => b_splitlines, "bytearray.splitlines" => b_splitlines,
    "bytes.partition" => b_partition, "bytearray.partition" => b_partition,
    "bytes.rpartition" => b_rpartition, "bytearray.rpartition" => b_rpartition,
    "bytes.strip" => b_strip, "bytearray.strip" => b_strip,
    "bytes.lstrip" => b_lstrip, "bytearray.lstrip" => b_lstrip,
    "bytes.rstrip" => b_rstrip, "bytearray.rstrip" => b_rstrip,
    "bytes.startswith" => b_startswith, "bytearray.startswith" => b_startswith,
    "bytes.endswith" => b_endswith, "bytearray.endswith" => b_endswith,
    "bytes.find" => b_find, "bytearray.find" => b_find,
    "bytes.rfind" => b_rfind, "bytearray.rfind" => b_rfind,
    "bytes.index" => b_index, "bytearray.index" => b_index,
    "bytes.rindex" => b_rindex, "bytearray.rindex" => b_rindex,
    "bytes.count" => b_count, "bytearray.count" => b_count,
    "bytes.replace" => b_replace, "bytearray.replace" => b_replace,
    "bytes.removeprefix" => b_removeprefix, "bytearray.removeprefix" => b_removeprefix,
    "bytes.removesuffix" => b_removesuffix, "bytearray.removesuffix" => b_removesuffix,
    "bytes.upper" => b_upper, "bytearray.upper" => b_upper,
    "bytes.lower" => b_lower, "bytearray.lower" => b_lower,
    "bytes.swapcase" => b_swapcase, "bytearray.swapcase" => b_swapcase,
    "bytes.capitalize" => b_capitalize, "bytearray.capitalize" => b_capitalize,
    "bytes.title" => b_title, "bytearray.title" => b_title,
    "bytes.isalnum" => b_isalnum, "bytearray.isalnum" => b_isalnum,
    "bytes.isalpha" => b_isalpha, "bytearray.isalpha" => b_isalpha,
    "bytes.isascii" => b_isascii, "bytearray.isascii" => b_isascii,
    "bytes.isdigit" => b_isdigit, "bytearray.isdigit" => b_isdigit,
    "bytes.isspace" => b_isspace, "bytearray.isspace" => b_isspace,
    "bytes.islower" => b_islower, "bytearray.islower" => b_islower,
    "bytes.isupper" => b_isupper, "bytearray.isupper" => b_isupper,
    "bytes.istitle" => b_istitle, "bytearray.istitle" => b_istitle,
    "bytes.center" => b_center, "bytearray.center" => b_center,
    "bytes.ljust" => b_ljust, "bytearray.ljust" => b_ljust,
    "bytes.rjust" => b_rjust, "bytearray.rjust" => b_rjust,
    "bytes.zfill" => b_zfill, "bytearray.zfill" => b_zfill,
    "bytes.expandtabs" => b_expandtabs, "bytearray.expandtabs" => b_expandtabs,
    "bytearray.append" => ba_append,
    "bytearray.extend" => ba_extend,
    "bytearray.insert" => ba_insert,
    "bytearray.pop" => ba_pop,
    "bytearray.remove" => ba_remove,
    "bytearray.clear" => ba_clear,
    "bytearray.copy" => ba_copy,
    "bytearray.reverse" => ba_reverse,
    "int.to_bytes" => int_to_bytes,
    "int.from_bytes" => int_from_bytes,
}

/// The type name of the bound object, for messages.
fn tname(rt: &Python, o: usize) -> Rc<str> {
    b::type_name(rt, o)
}

fn like<S: Space>(cx: &mut Cx<'_, S>, o: usize, v: Vec<u8>) -> PyResult {
    Ok(new_like(cx.heap_mut(), o, v))
}

/// A bytes-like argument, or `a bytes-like object is required, not 'str'`.
fn buf_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<&'static [u8], usize> {
    crate::bytes::buffer_arg(cx, rt, v)
}

/// The needle of the search methods: bytes-like, or an int (one byte).
fn needle<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<Vec<u8>, usize> {
    if let Some(b) = buffer(v) {
        return Ok(b.to_vec());
    }
    if !is(v, &FLOAT) && peek_bigint(v).is_some() {
        return Ok(vec![crate::bytes::byte_of(cx, rt, v, "byte")?]);
    }
    let msg = format!("argument should be integer or bytes-like object, not '{}'", tname(rt, v));
    err(cx, rt, "TypeError", &msg).map(|_| Vec::new())
}

/// The `[start:end]` window of the search methods: its bytes and start, if not empty past
/// the end.
fn search_window<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    o: usize,
    start: Option<usize>,
    end: Option<usize>,
) -> Result<Option<(&'static [u8], usize)>, usize> {
    let (start, end) = (slice_arg(cx, rt, start)?, slice_arg(cx, rt, end)?);
    let d = data(o);
    let (s, e) = window(start, end, d.len());
    if s > d.len() || s > e {
        return Ok(None);
    }
    Ok(Some((&d[s..e], s)))
}

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
    let sub = needle(cx, rt, p[0].unwrap())?;
    let Some((w, s)) = search_window(cx, rt, this(t), p[1], p[2])? else { return Ok(None) };
    let found = if name.starts_with('r') { rfind(w, &sub) } else { find(w, &sub) };
    Ok(found.map(|k| s + k))
}

pub(super) fn b_find<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let r = search(cx, rt, t, args, kw, "find")?;
    Ok(new_int(cx.heap_mut(), r.map_or(-1, |k| k as i64)))
}
pub(super) fn b_rfind<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let r = search(cx, rt, t, args, kw, "rfind")?;
    Ok(new_int(cx.heap_mut(), r.map_or(-1, |k| k as i64)))
}
pub(super) fn b_index<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    match search(cx, rt, t, args, kw, "index")? {
        Some(k) => Ok(new_int(cx.heap_mut(), k as i64)),
        None => err(cx, rt, "ValueError", "subsection not found"),
    }
}
pub(super) fn b_rindex<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    match search(cx, rt, t, args, kw, "rindex")? {
        Some(k) => Ok(new_int(cx.heap_mut(), k as i64)),
        None => err(cx, rt, "ValueError", "subsection not found"),
    }
}
pub(super) fn b_count<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "count", args, kw, &["sub", "start", "end"], false)?;
    at_least(cx, rt, "count", &p, 1)?;
    let sub = needle(cx, rt, p[0].unwrap())?;
    let n = match search_window(cx, rt, this(t), p[1], p[2])? {
        None => 0,
        Some((w, _)) => count(w, &sub),
    };
    Ok(new_int(cx.heap_mut(), n as i64))
}

/// Non-overlapping occurrences of `sub` in `w` (`len + 1` for an empty `sub`).
fn count(w: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return w.len() + 1;
    }
    let (mut n, mut k) = (0, 0);
    while let Some(p) = find(&w[k..], sub) {
        n += 1;
        k += p + sub.len();
    }
    n
}

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
        if buffer(o).is_none() {
            let msg = if is(what, &TUPLE) {
                format!("tuple for {name} must only contain bytes, not {}", tname(rt, o))
            } else {
                format!("{name} first arg must be bytes or a tuple of bytes, not {}", tname(rt, o))
            };
            return err(cx, rt, "TypeError", &msg);
        }
    }
    let Some((w, _)) = search_window(cx, rt, this(t), p[1], p[2])? else { return Ok(rt.false_.get()) };
    let hit = options.iter().any(|&o| if start { w.starts_with(data(o)) } else { w.ends_with(data(o)) });
    Ok(rt.bool_obj(hit))
}
pub(super) fn b_startswith<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    affix(cx, rt, t, args, kw, true)
}
pub(super) fn b_endswith<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    affix(cx, rt, t, args, kw, false)
}

pub(super) fn b_decode<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "decode", args, kw, &["encoding", "errors"], true)?;
    let st = crate::codecs::decode(cx, rt, data(this(t)), p[0], p[1])?;
    s(cx, &st)
}

pub(super) fn b_hex<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    hex_string(cx, rt, data(this(t)), args, kw)
}

/// `hex(sep=None, bytes_per_sep=1)` of bytes `d` (bytes, bytearray and memoryview).
pub(super) fn hex_string<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, d: &[u8], args: &[usize], kw: Kw<'_>) -> PyResult {
    let p = params(cx, rt, "hex", args, kw, &["sep", "bytes_per_sep"], true)?;
    let sep: Option<String> = match p[0] {
        None => None,
        Some(v) if is(v, &STR) => Some(text(v).to_string()),
        Some(v) if buffer(v).is_some() => Some(buffer(v).unwrap().iter().map(|&c| c as char).collect()),
        Some(v) => {
            let msg = format!("object of type '{}' has no len()", tname(rt, v));
            return err(cx, rt, "TypeError", &msg);
        }
    };
    let group = match p[1] {
        Some(v) => int_arg(cx, rt, v)?,
        None => 1,
    };
    let hexes: Vec<String> = d.iter().map(|c| format!("{c:02x}")).collect();
    let out = match sep {
        Some(sep) if group != 0 && !d.is_empty() => {
            if sep.chars().count() != 1 {
                return err(cx, rt, "ValueError", "sep must be length 1.");
            }
            let g = group.unsigned_abs() as usize;
            // Groups count from the right for a positive group size, from the left otherwise.
            let chunks: Vec<String> = if group > 0 {
                let first = match d.len() % g {
                    0 => g,
                    r => r,
                };
                let mut v = vec![hexes[..first].concat()];
                v.extend(hexes[first..].chunks(g).map(|c| c.concat()));
                v
            } else {
                hexes.chunks(g).map(|c| c.concat()).collect()
            };
            chunks.join(&sep)
        }
        _ => hexes.concat(),
    };
    s(cx, &out)
}

fn fromhex<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: Kw<'_>) -> Result<Vec<u8>, usize> {
    // (A class method: called as `bytes.fromhex(s)` or on an instance.)
    let a = *args.last().unwrap_or(&0);
    if a == 0 || !kw.is_empty() {
        return err(cx, rt, "TypeError", "fromhex() takes exactly one argument (0 given)").map(|_| Vec::new());
    }
    if !is(a, &STR) {
        let msg = format!("fromhex() argument must be str, not {}", tname(rt, a));
        return err(cx, rt, "TypeError", &msg).map(|_| Vec::new());
    }
    let cs: Vec<char> = text(a).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let at = if hi.is_none() { i } else { i + 1 };
                let msg = format!("non-hexadecimal number found in fromhex() arg at position {at}");
                return err(cx, rt, "ValueError", &msg).map(|_| Vec::new());
            }
        }
        i += 2;
    }
    Ok(out)
}
pub(super) fn b_fromhex<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let v = fromhex(cx, rt, args, kw)?;
    Ok(new_bytes(cx.heap_mut(), &v))
}
pub(super) fn ba_fromhex<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let v = fromhex(cx, rt, args, kw)?;
    Ok(crate::bytes::new_bytearray(cx.heap_mut(), v))
}

/// `bytes.maketrans(from, to)` (static): a 256-byte table.
pub(super) fn b_maketrans<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "maketrans", args, kw, &["frm", "to"], false)?;
    expected(cx, rt, "maketrans", &p, 2)?;
    let (from, to) = (buf_arg(cx, rt, p[0].unwrap())?, buf_arg(cx, rt, p[1].unwrap())?);
    if from.len() != to.len() {
        return err(cx, rt, "ValueError", "maketrans arguments must have same length");
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&a, &c) in from.iter().zip(to) {
        table[a as usize] = c;
    }
    Ok(new_bytes(cx.heap_mut(), &table))
}

pub(super) fn b_translate<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "translate", args, kw, &["table", "delete"], true)?;
    expected(cx, rt, "translate", &p, 1)?;
    let table = match p[0].unwrap() {
        v if v == rt.none.get() => None,
        v => {
            let tb = buf_arg(cx, rt, v)?;
            if tb.len() != 256 {
                return err(cx, rt, "ValueError", "translation table must be 256 characters long");
            }
            Some(tb)
        }
    };
    let delete = match p[1] {
        Some(v) => buf_arg(cx, rt, v)?,
        None => &[],
    };
    let out: Vec<u8> =
        data(this(t)).iter().filter(|c| !delete.contains(c)).map(|&c| table.map_or(c, |tb| tb[c as usize])).collect();
    like(cx, this(t), out)
}

pub(super) fn b_join<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let it = one(cx, rt, &format!("{}.join", tname(rt, this(t))), args, kw)?;
    if b::iter(cx, rt, it).is_err() {
        return err(cx, rt, "TypeError", "can only join an iterable");
    }
    let items = collect(cx, rt, it)?;
    let sep = data(this(t));
    let mut out = Vec::new();
    for (k, i) in items.into_iter().enumerate() {
        let Some(piece) = buffer(i) else {
            let msg = format!("sequence item {k}: expected a bytes-like object, {} found", tname(rt, i));
            return err(cx, rt, "TypeError", &msg);
        };
        if k > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(piece);
    }
    like(cx, this(t), out)
}

/// A list of pieces of `o`'s type.
fn piece_list<S: Space>(cx: &mut Cx<'_, S>, o: usize, parts: Vec<&[u8]>) -> PyResult {
    let objs: Vec<usize> = parts.into_iter().map(|p| new_like(cx.heap_mut(), o, p.to_vec())).collect();
    Ok(new_list(cx.heap_mut(), &objs))
}

fn split_args<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    name: &str,
    args: &[usize],
    kw: Kw<'_>,
) -> Result<(Option<&'static [u8]>, i64), usize> {
    let p = params(cx, rt, name, args, kw, &["sep", "maxsplit"], true)?;
    let sep = match p[0] {
        None => None,
        Some(v) if v == rt.none.get() => None,
        Some(v) => Some(buf_arg(cx, rt, v)?),
    };
    if sep.is_some_and(|s| s.is_empty()) {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "empty separator"));
    }
    Ok((sep, opt_int(cx, rt, p[1])?))
}

fn is_ws(c: &u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

pub(super) fn b_split<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let (sep, max) = split_args(cx, rt, "split", args, kw)?;
    let d = data(this(t));
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = d;
            while max < 0 || (parts.len() as i64) < max {
                let Some(p) = find(rest, sep) else { break };
                parts.push(&rest[..p]);
                rest = &rest[p + sep.len()..];
            }
            parts.push(rest);
        }
        None => {
            let mut k = 0;
            while k < d.len() {
                while k < d.len() && is_ws(&d[k]) {
                    k += 1;
                }
                if k == d.len() {
                    break;
                }
                if max >= 0 && parts.len() as i64 == max {
                    parts.push(&d[k..]);
                    break;
                }
                let start = k;
                while k < d.len() && !is_ws(&d[k]) {
                    k += 1;
                }
                parts.push(&d[start..k]);
            }
        }
    }
    piece_list(cx, this(t), parts)
}

pub(super) fn b_rsplit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let (sep, max) = split_args(cx, rt, "rsplit", args, kw)?;
    let d = data(this(t));
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = d;
            while max < 0 || (parts.len() as i64) < max {
                let Some(p) = rfind(rest, sep) else { break };
                parts.push(&rest[p + sep.len()..]);
                rest = &rest[..p];
            }
            parts.push(rest);
        }
        None => {
            let mut k = d.len();
            while k > 0 {
                while k > 0 && is_ws(&d[k - 1]) {
                    k -= 1;
                }
                if k == 0 {
                    break;
                }
                if max >= 0 && parts.len() as i64 == max {
                    parts.push(&d[..k]);
                    break;
                }
                let end = k;
                while k > 0 && !is_ws(&d[k - 1]) {
                    k -= 1;
                }
                parts.push(&d[k..end]);
            }
        }
    }
    parts.reverse();
    piece_list(cx, this(t), parts)
}

pub(super) fn b_splitlines<S: Space>(
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
    let d = data(this(t));
    let mut parts = Vec::new();
    let (mut start, mut k) = (0, 0);
    while k < d.len() {
        if d[k] == b'\n' || d[k] == b'\r' {
            let brk = k;
            k += if d[k] == b'\r' && d.get(k + 1) == Some(&b'\n') { 2 } else { 1 };
            parts.push(if keep { &d[start..k] } else { &d[start..brk] });
            start = k;
        } else {
            k += 1;
        }
    }
    if start < d.len() {
        parts.push(&d[start..]);
    }
    piece_list(cx, this(t), parts)
}

fn partition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    right: bool,
) -> PyResult {
    let o = this(t);
    let name = format!("{}.{}", tname(rt, o), if right { "rpartition" } else { "partition" });
    let sep = one(cx, rt, &name, args, kw)?;
    let sep = buf_arg(cx, rt, sep)?;
    if sep.is_empty() {
        return err(cx, rt, "ValueError", "empty separator");
    }
    let d = data(o);
    let found = if right { rfind(d, sep) } else { find(d, sep) };
    let parts: [&[u8]; 3] = match found {
        Some(i) => [&d[..i], sep, &d[i + sep.len()..]],
        None if right => [&[], &[], d],
        None => [d, &[], &[]],
    };
    let objs: Vec<usize> = parts.iter().map(|p| new_like(cx.heap_mut(), o, p.to_vec())).collect();
    Ok(new_tuple(cx.heap_mut(), &objs))
}
pub(super) fn b_partition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    partition(cx, rt, t, args, kw, false)
}
pub(super) fn b_rpartition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    partition(cx, rt, t, args, kw, true)
}

fn strip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    (left, right): (bool, bool),
) -> PyResult {
    let p = params(cx, rt, name, args, kw, &["bytes"], false)?;
    let chars: Option<&[u8]> = match p[0] {
        None => None,
        Some(v) if v == rt.none.get() => None,
        Some(v) => Some(buf_arg(cx, rt, v)?),
    };
    let strip_it = |c: &u8| match chars {
        Some(cs) => cs.contains(c),
        None => is_ws(c),
    };
    let d = data(this(t));
    let (mut a, mut z) = (0, d.len());
    if left {
        while a < z && strip_it(&d[a]) {
            a += 1;
        }
    }
    if right {
        while z > a && strip_it(&d[z - 1]) {
            z -= 1;
        }
    }
    like(cx, this(t), d[a..z].to_vec())
}
pub(super) fn b_strip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    strip(cx, rt, t, args, kw, "strip", (true, true))
}
pub(super) fn b_lstrip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    strip(cx, rt, t, args, kw, "lstrip", (true, false))
}
pub(super) fn b_rstrip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    strip(cx, rt, t, args, kw, "rstrip", (false, true))
}

pub(super) fn b_replace<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "replace", args, kw, &["old", "new", "count"], false)?;
    expected(cx, rt, "replace", &p, 2)?;
    let (old, new) = (buf_arg(cx, rt, p[0].unwrap())?, buf_arg(cx, rt, p[1].unwrap())?);
    let max = opt_int(cx, rt, p[2])?;
    let d = data(this(t));
    let mut out = Vec::with_capacity(d.len());
    let mut n = 0i64;
    if old.is_empty() {
        for (k, &c) in d.iter().enumerate() {
            if max < 0 || n < max {
                out.extend_from_slice(new);
                n += 1;
            }
            out.push(c);
            if k + 1 == d.len() && (max < 0 || n < max) {
                out.extend_from_slice(new);
            }
        }
        if d.is_empty() && max != 0 {
            out.extend_from_slice(new);
        }
    } else {
        let mut rest = d;
        while max < 0 || n < max {
            let Some(p) = find(rest, old) else { break };
            out.extend_from_slice(&rest[..p]);
            out.extend_from_slice(new);
            rest = &rest[p + old.len()..];
            n += 1;
        }
        out.extend_from_slice(rest);
    }
    like(cx, this(t), out)
}

fn remove_affix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    prefix: bool,
) -> PyResult {
    let a = one(cx, rt, if prefix { "removeprefix" } else { "removesuffix" }, args, kw)?;
    let a = buf_arg(cx, rt, a)?;
    let d = data(this(t));
    let r = if prefix { d.strip_prefix(a) } else { d.strip_suffix(a) };
    like(cx, this(t), r.unwrap_or(d).to_vec())
}
pub(super) fn b_removeprefix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    remove_affix(cx, rt, t, args, kw, true)
}
pub(super) fn b_removesuffix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    remove_affix(cx, rt, t, args, kw, false)
}

/// A method of no arguments mapping the bytes to new bytes of the same type.
fn mapped<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult {
    let o = this(t);
    none(cx, rt, &format!("{}.{name}", tname(rt, o)), args, kw)?;
    like(cx, o, f(data(o)))
}
pub(super) fn b_upper<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "upper", <[u8]>::to_ascii_uppercase)
}
pub(super) fn b_lower<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "lower", <[u8]>::to_ascii_lowercase)
}
pub(super) fn b_swapcase<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "swapcase", |d| {
        d.iter().map(|&c| if c.is_ascii_alphabetic() { c ^ 0x20 } else { c }).collect()
    })
}
pub(super) fn b_capitalize<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(k, c)| if k == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect()
    })
}
pub(super) fn b_title<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    mapped(cx, rt, t, args, kw, "title", |d| {
        let mut prev = false;
        d.iter()
            .map(|&c| {
                let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    f: fn(&[u8]) -> bool,
) -> PyResult {
    let o = this(t);
    none(cx, rt, &format!("{}.{name}", tname(rt, o)), args, kw)?;
    Ok(rt.bool_obj(f(data(o))))
}
pub(super) fn b_isalnum<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}
pub(super) fn b_isalpha<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}
pub(super) fn b_isascii<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "isascii", |d| d.is_ascii())
}
pub(super) fn b_isdigit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}
pub(super) fn b_isspace<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "isspace", |d| !d.is_empty() && d.iter().all(is_ws))
}
pub(super) fn b_islower<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}
pub(super) fn b_isupper<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}
pub(super) fn b_istitle<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pred(cx, rt, t, args, kw, "istitle", |d| {
        let (mut cased, mut prev) = (false, false);
        for c in d {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

/// `center`, `ljust`, `rjust` (via the str versions: bytes as Latin-1 text).
fn pad<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    how: char,
) -> PyResult {
    let p = params(cx, rt, name, args, kw, &["width", "fillchar"], false)?;
    expected(cx, rt, name, &p, 1)?;
    // (Padded through a latin-1 String: up to two bytes an item.)
    let w = width_arg(cx, rt, p[0].unwrap(), 2)?;
    let fill = match p[1] {
        None => b' ',
        Some(f) => match buffer(f) {
            Some([c]) => *c,
            _ => {
                let msg = format!("{name}() argument 2 must be a byte string of length 1, not {}", tname(rt, f));
                return err(cx, rt, "TypeError", &msg);
            }
        },
    };
    let d = data(this(t));
    let latin: String = d.iter().map(|&c| c as char).collect();
    let r = justify(&latin, d.len(), w, fill as char, how).unwrap_or(latin);
    like(cx, this(t), r.chars().map(|c| c as u32 as u8).collect())
}
pub(super) fn b_center<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pad(cx, rt, t, args, kw, "center", '^')
}
pub(super) fn b_ljust<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pad(cx, rt, t, args, kw, "ljust", '<')
}
pub(super) fn b_rjust<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    pad(cx, rt, t, args, kw, "rjust", '>')
}
pub(super) fn b_zfill<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let w = one(cx, rt, "zfill", args, kw)?;
    let w = width_arg(cx, rt, w, 2)?;
    let d = data(this(t));
    let latin: String = d.iter().map(|&c| c as char).collect();
    let r = zfill(&latin, d.len(), w).unwrap_or(latin);
    like(cx, this(t), r.chars().map(|c| c as u32 as u8).collect())
}
pub(super) fn b_expandtabs<S: Space>(
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
    let latin: String = data(this(t)).iter().map(|&c| c as char).collect();
    let r = expand_tabs(&latin, size);
    like(cx, this(t), r.chars().map(|c| c as u32 as u8).collect())
}

pub(super) fn ba_append<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let v = one(cx, rt, "bytearray.append", args, kw)?;
    let x = crate::bytes::byte_of(cx, rt, v, "byte")?;
    data_mut(this(t)).push(x);
    Ok(rt.none.get())
}
pub(super) fn ba_extend<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let v = one(cx, rt, "bytearray.extend", args, kw)?;
    if is(v, &STR) {
        return err(cx, rt, "TypeError", "expected iterable of integers; got: 'str'");
    }
    let more = crate::bytes::bytes_of_iterable(cx, rt, v, "byte")?;
    data_mut(this(t)).extend(more);
    Ok(rt.none.get())
}
pub(super) fn ba_insert<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "insert", args, kw, &["index", "item"], false)?;
    expected(cx, rt, "insert", &p, 2)?;
    let i = int_arg(cx, rt, p[0].unwrap())?;
    let x = crate::bytes::byte_of(cx, rt, p[1].unwrap(), "byte")?;
    let d = data_mut(this(t));
    let n = d.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(at as usize, x);
    Ok(rt.none.get())
}
pub(super) fn ba_pop<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "pop", args, kw, &["index"], false)?;
    let i = match p[0] {
        Some(v) => int_arg(cx, rt, v)?,
        None => -1,
    };
    let d = data_mut(this(t));
    if d.is_empty() {
        return err(cx, rt, "IndexError", "pop from empty bytearray");
    }
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return err(cx, rt, "IndexError", "pop index out of range");
    }
    let x = d.remove(j as usize);
    Ok(new_int(cx.heap_mut(), x as i64))
}
pub(super) fn ba_remove<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let v = one(cx, rt, "bytearray.remove", args, kw)?;
    let x = crate::bytes::byte_of(cx, rt, v, "byte")?;
    let d = data_mut(this(t));
    match d.iter().position(|&c| c == x) {
        Some(k) => {
            d.remove(k);
            Ok(rt.none.get())
        }
        None => err(cx, rt, "ValueError", "value not found in bytearray"),
    }
}
pub(super) fn ba_clear<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "bytearray.clear", args, kw)?;
    data_mut(this(t)).clear();
    Ok(rt.none.get())
}
pub(super) fn ba_copy<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "bytearray.copy", args, kw)?;
    let v = data(this(t)).to_vec();
    Ok(crate::bytes::new_bytearray(cx.heap_mut(), v))
}
pub(super) fn ba_reverse<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "bytearray.reverse", args, kw)?;
    data_mut(this(t)).reverse();
    Ok(rt.none.get())
}

/// The `byteorder` argument: big-endian or not.
fn big_endian<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: Option<usize>) -> Result<bool, usize> {
    match v.map(|v| (v, is(v, &STR))) {
        None => Ok(true),
        Some((v, true)) if text(v) == "big" => Ok(true),
        Some((v, true)) if text(v) == "little" => Ok(false),
        Some((_, true)) => err(cx, rt, "ValueError", "byteorder must be either 'little' or 'big'").map(|_| true),
        Some((v, false)) => {
            let msg = format!("to_bytes() argument 'byteorder' must be str, not {}", tname(rt, v));
            err(cx, rt, "TypeError", &msg).map(|_| true)
        }
    }
}

pub(super) fn int_to_bytes<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "to_bytes", args, kw, &["length", "byteorder", "signed"], true)?;
    let len = match p[0] {
        Some(v) => int_arg(cx, rt, v)?,
        None => 1,
    };
    if len < 0 {
        return err(cx, rt, "ValueError", "length argument must be non-negative");
    }
    let big = big_endian(cx, rt, p[1])?;
    let signed = match p[2] {
        Some(v) => truth(cx, rt, v)?,
        None => false,
    };
    let n = peek_bigint(this(t)).unwrap_or_default();
    if n.is_negative() && !signed {
        return err(cx, rt, "OverflowError", "can't convert negative int to unsigned");
    }
    let mut v = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n.is_zero() {
        v.clear();
    }
    if v.len() > len as usize {
        return err(cx, rt, "OverflowError", "int too big to convert");
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    v.resize(len as usize, fill);
    if big {
        v.reverse();
    }
    Ok(new_bytes(cx.heap_mut(), &v))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
pub(super) fn int_from_bytes<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    // Read through a class or an instance (`I.from_bytes`), the class comes first.
    let (cls, args) = super::class_first(rt, "int", args);
    let p = params(cx, rt, "from_bytes", args, kw, &["bytes", "byteorder", "signed"], true)?;
    expected(cx, rt, "from_bytes", &p, 1)?;
    let src = p[0].unwrap();
    let mut v = match buffer(src) {
        Some(b) => b.to_vec(),
        None if is(src, &STR) || is(src, &FLOAT) || peek_bigint(src).is_some() => {
            let msg = format!("cannot convert '{}' object to bytes", tname(rt, src));
            return err(cx, rt, "TypeError", &msg);
        }
        None => crate::bytes::bytes_of_iterable(cx, rt, src, "bytes")?,
    };
    let big = big_endian(cx, rt, p[1])?;
    let signed = match p[2] {
        Some(v) => truth(cx, rt, v)?,
        None => false,
    };
    if big {
        v.reverse();
    }
    let n = if signed { BigInt::from_signed_bytes_le(&v) } else { BigInt::from_bytes_le(num_bigint::Sign::Plus, &v) };
    let n = new_bigint(cx.heap_mut(), n);
    super::made_by(cx, rt, cls, n)
}
