//! `range` objects beyond iteration: slicing, `start`/`stop`/`step`, `index`, `count`,
//! membership by arithmetic, and CPython's equality and hash (ranges are equal when they
//! hold the same numbers).

use super::*;

rows! {
    "range.index" => range_index,
    "range.count" => range_count,
}

/// `(start, stop, step)` of range `r`.
pub fn parts(r: usize) -> (i64, i64, i64) {
    // SAFETY: a live range.
    unsafe { (read_word(r, &RANGE_START) as i64, read_word(r, &RANGE_STOP) as i64, read_word(r, &RANGE_STEP) as i64) }
}

/// A new range object.
pub fn new_range<S: Space>(cx: &mut Cx<'_, S>, a: i64, b: i64, c: i64) -> usize {
    let r = cx.heap_mut().alloc(&RANGE);
    // SAFETY: just allocated with the RANGE layout.
    unsafe {
        *((r + RANGE_START.offset as usize) as *mut i64) = a;
        *((r + RANGE_STOP.offset as usize) as *mut i64) = b;
        *((r + RANGE_STEP.offset as usize) as *mut i64) = c;
    }
    r
}

/// `r[a:b:c]` given the slice's indices for the range's length: another range.
pub fn range_slice<S: Space>(cx: &mut Cx<'_, S>, r: usize, (a, b, c): (i64, i64, i64)) -> usize {
    let (start, _, step) = parts(r);
    new_range(cx, start + a * step, start + b * step, step * c)
}

/// `r.start`, `r.stop`, `r.step`.
pub fn range_attr<S: Space>(cx: &mut Cx<'_, S>, r: usize, name: &str) -> Option<usize> {
    let (a, b, c) = parts(r);
    let v = match name {
        "start" => a,
        "stop" => b,
        "step" => c,
        _ => return None,
    };
    Some(new_int(cx.heap_mut(), v))
}

/// The position of int `x` in range `r`, if it is one of its numbers.
fn position(r: usize, x: i64) -> Option<i64> {
    let (a, _, c) = parts(r);
    let n = b::range_len(a, parts(r).1, c) as i64;
    let d = (x as i128 - a as i128) / c as i128;
    let on_step = (x as i128 - a as i128) % c as i128 == 0;
    (on_step && d >= 0 && d < n as i128).then_some(d as i64)
}

/// `x in r` when it is decided without calling user code (ints and bools).
pub fn range_contains(r: usize, x: usize) -> Option<bool> {
    let v = peek_i64(x).filter(|_| is(x, &INT) || is(x, &BOOL))?;
    Some(position(r, v).is_some())
}

/// `a == b` for two ranges: the same numbers.
pub fn range_eq(a: usize, b: usize) -> bool {
    let ((s1, e1, c1), (s2, e2, c2)) = (parts(a), parts(b));
    let (n1, n2) = (b::range_len(s1, e1, c1), b::range_len(s2, e2, c2));
    n1 == n2 && (n1 == 0 || (s1 == s2 && (n1 == 1 || c1 == c2)))
}

/// `hash(r)`: CPython hashes `(len, start, step)`, with None for what does not matter.
pub fn range_hash<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize) -> Result<i64, usize> {
    let (a, e, c) = parts(r);
    let n = b::range_len(a, e, c);
    let none = rt.none.get();
    let len = new_int(cx.heap_mut(), n as i64);
    let _ = metatrace::Ctx::root(cx, len);
    let start = if n == 0 { none } else { new_int(cx.heap_mut(), a) };
    let _ = metatrace::Ctx::root(cx, start);
    let step = if n <= 1 { none } else { new_int(cx.heap_mut(), c) };
    let _ = metatrace::Ctx::root(cx, step);
    let t = new_tuple(cx.heap_mut(), &[len, start, step]);
    b::hash(cx, rt, t)
}

pub(super) fn range_index<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let r = this(t);
    let x = arg(cx, rt, args, 0, "index")?;
    if let Some(found) = range_contains(r, x) {
        if found {
            let p = position(r, peek_i64(x).unwrap_or(0)).unwrap_or(0);
            return Ok(new_int(cx.heap_mut(), p));
        }
    } else {
        let it = b::iter(cx, rt, r)?;
        let _ = metatrace::Ctx::root(cx, it);
        let mut k = 0;
        while let Some(v) = b::next(cx, rt, it)? {
            if b::eq(cx, rt, v, x)? {
                return Ok(new_int(cx.heap_mut(), k));
            }
            k += 1;
        }
    }
    let msg = format!("{} is not in range", to_repr(cx, rt, x)?);
    err(cx, rt, "ValueError", &msg)
}

pub(super) fn range_count<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let r = this(t);
    let x = arg(cx, rt, args, 0, "count")?;
    if let Some(found) = range_contains(r, x) {
        return Ok(new_int(cx.heap_mut(), found as i64));
    }
    let it = b::iter(cx, rt, r)?;
    let _ = metatrace::Ctx::root(cx, it);
    let mut n = 0;
    while let Some(v) = b::next(cx, rt, it)? {
        n += b::eq(cx, rt, v, x)? as i64;
    }
    Ok(new_int(cx.heap_mut(), n))
}
