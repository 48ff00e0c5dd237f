//! The methods of `memoryview`: `tobytes`, `tolist`, `hex`, `cast`, `toreadonly`, `release`
//! and the context manager (the view itself is `crate::memview`).

use super::textargs::{none, params};
use super::*;
use crate::memview::{self as mv, code_size, live, Meta};

rows! {
    "memoryview.tobytes" => m_tobytes,
    "memoryview.tolist" => m_tolist,
    "memoryview.hex" => m_hex,
    "memoryview.cast" => m_cast,
    "memoryview.toreadonly" => m_toreadonly,
    "memoryview.release" => m_release,
    "memoryview.__enter__" => m_enter,
    "memoryview.__exit__" => m_exit,
    "memoryview.__reduce__" => m_reduce,
    "memoryview.__reduce_ex__" => m_reduce,
    "memory_iterator.__next__" => mi_next,
    "memory_iterator.__iter__" => mi_iter,
}

/// The data attributes of views (listed by `dir`).
pub const ATTRS: &[&str] = &[
    "c_contiguous",
    "contiguous",
    "f_contiguous",
    "format",
    "itemsize",
    "nbytes",
    "ndim",
    "obj",
    "readonly",
    "shape",
    "strides",
    "suboffsets",
];

pub(super) fn m_tobytes<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "tobytes", args, kw, &["order"], true)?;
    let o = this(t);
    let order = match p[0] {
        None => 'C',
        Some(v) if v == rt.none.get() => 'C',
        Some(v) if is(v, &STR) && matches!(text(v), "C" | "F" | "A") => text(v).chars().next().unwrap_or('C'),
        Some(v) if is(v, &STR) => return err(cx, rt, "ValueError", "order must be 'C', 'F' or 'A'"),
        Some(v) => {
            let msg = format!("tobytes() argument 'order' must be str or None, not {}", b::type_name(rt, v));
            return err(cx, rt, "TypeError", &msg);
        }
    };
    let m = live(cx, rt, o)?.clone();
    let data = if order == 'F' && m.ndim() > 1 {
        // Fortran order: the first index varies fastest.
        let all = mv::gather(o);
        let mut out = Vec::with_capacity(all.len());
        let c = mv::c_strides(&m.shape, m.itemsize);
        let n = m.items();
        let mut idx = vec![0usize; m.ndim()];
        for _ in 0..n {
            let at: usize = idx.iter().zip(&c).map(|(&i, &s)| i * s as usize).sum();
            out.extend_from_slice(&all[at..at + m.itemsize]);
            for d in 0..m.ndim() {
                idx[d] += 1;
                if idx[d] < m.shape[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        out
    } else {
        mv::gather(o)
    };
    Ok(crate::bytes::new_bytes(cx.heap_mut(), &data))
}

pub(super) fn m_tolist<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "tolist", args, kw)?;
    mv::tolist(cx, rt, this(t))
}

pub(super) fn m_hex<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    live(cx, rt, this(t))?;
    let d = mv::gather(this(t));
    super::bytes::hex_string(cx, rt, &d, args, kw)
}

pub(super) fn m_cast<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = params(cx, rt, "cast", args, kw, &["format", "shape"], true)?;
    let Some(f) = p[0] else {
        return err(cx, rt, "TypeError", "cast() missing required argument 'format' (pos 1)");
    };
    if !is(f, &STR) {
        let msg = format!("cast() argument 'format' must be str, not {}", b::type_name(rt, f));
        return err(cx, rt, "TypeError", &msg);
    }
    let o = this(t);
    let m = live(cx, rt, o)?.clone();
    if !m.c_contiguous() {
        return err(cx, rt, "TypeError", "memoryview: casts are restricted to C-contiguous views");
    }
    let shape = match p[1] {
        None => None,
        Some(s) if is(s, &LIST) || is(s, &TUPLE) => Some(if is(s, &LIST) { list_items(s) } else { tuple_items(s) }),
        Some(_) => return err(cx, rt, "TypeError", "shape must be a list or a tuple"),
    };
    if (shape.is_some() || m.ndim() != 1) && m.shape.contains(&0) {
        return err(cx, rt, "TypeError", "memoryview: cannot cast view with zeros in shape or strides");
    }
    if let Some(s) = &shape {
        if m.ndim() != 1 && s.len() != 1 {
            return err(cx, rt, "TypeError", "memoryview: cast must be 1D -> ND or ND -> 1D");
        }
        if s.len() > 64 {
            return err(cx, rt, "ValueError", "memoryview: number of dimensions must not exceed 64");
        }
    }
    let format = text(f).to_string();
    let code = match format.as_bytes() {
        [c] | [b'@', c] => code_size(*c).map(|_| *c),
        _ => None,
    };
    let Some(code) = code else {
        let msg =
            "memoryview: destination format must be a native single character format prefixed with an optional '@'";
        return err(cx, rt, "ValueError", msg);
    };
    let is_byte = |f: &str| matches!(f, "B" | "b" | "c");
    if !is_byte(&m.format) && !is_byte(&format) {
        return err(cx, rt, "TypeError", "memoryview: cannot cast between two non-byte formats");
    }
    let itemsize = code_size(code).unwrap_or(1);
    let nbytes = m.nbytes();
    if nbytes % itemsize != 0 {
        return err(cx, rt, "TypeError", "memoryview: length is not a multiple of itemsize");
    }
    let dims = match shape {
        None => vec![nbytes / itemsize],
        Some(s) => {
            let mut dims = Vec::with_capacity(s.len());
            for v in s {
                match peek_i64(v).filter(|&n| n > 0 && !is(v, &FLOAT)) {
                    Some(n) => dims.push(n as usize),
                    None => {
                        let msg = "memoryview.cast(): elements of shape must be integers > 0";
                        return err(cx, rt, "ValueError", msg);
                    }
                }
            }
            let total = dims.iter().try_fold(itemsize, |acc, &n| acc.checked_mul(n));
            if total != Some(nbytes) {
                return err(cx, rt, "TypeError", "memoryview: product(shape) * itemsize != buffer size");
            }
            dims
        }
    };
    let strides = mv::c_strides(&dims, itemsize);
    let new = Meta { format, itemsize, start: m.start, shape: dims, strides, readonly: m.readonly, released: false };
    Ok(mv::new_view(cx.heap_mut(), mv::obj_of(o), new))
}

pub(super) fn m_toreadonly<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "toreadonly", args, kw)?;
    let o = this(t);
    let mut m = live(cx, rt, o)?.clone();
    m.readonly = true;
    Ok(mv::new_view(cx.heap_mut(), mv::obj_of(o), m))
}

pub(super) fn m_release<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "release", args, kw)?;
    mv::meta(this(t)).released = true;
    Ok(rt.none.get())
}

pub(super) fn m_enter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "__enter__", args, kw)?;
    live(cx, rt, this(t))?;
    Ok(this(t))
}

pub(super) fn m_exit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let _ = (args, kw, cx);
    mv::meta(this(t)).released = true;
    Ok(rt.none.get())
}

pub(super) fn m_reduce<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    err(cx, rt, "TypeError", "cannot pickle memoryview objects")
}

pub(super) fn mi_next<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "memory_iterator.__next__", args, kw)?;
    match mv::next(cx, rt, this(t))? {
        Some(v) => Ok(v),
        None => crate::types::call_type(cx, rt, rt.builtin_type("StopIteration"), &[], &[]).and_then(Err),
    }
}

pub(super) fn mi_iter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    none(cx, rt, "memory_iterator.__iter__", args, kw)?;
    Ok(this(t))
}
