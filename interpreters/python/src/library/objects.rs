//! Small builtin objects: `range` (construction, attributes, `index`, `count`, slicing,
//! equality, reversal), `slice` (construction, attributes, `indices`, repr), the data
//! attributes of numbers (`real`, `imag`, `numerator`, `denominator`), and the iterator of
//! `iter(callable, sentinel)`.

use super::*;
use metatrace::heap::Layout;
use metatrace::{FieldDescr, MemKind};

rows! {
    "range.index" => range_index,
    "range.count" => range_count,
    "slice.indices" => slice_indices,
}

/// `iter(callable, sentinel)`: calls `callable` until it returns `sentinel` (the callable
/// field is cleared once it has).
pub static CALL_ITER: Layout = Layout::object("callable_iterator", 16, &[16, 24]);
const CI_CALLABLE: FieldDescr = FieldDescr::new("callable_iterator.callable", 16, MemKind::Ref);
const CI_SENTINEL: FieldDescr = FieldDescr::new("callable_iterator.sentinel", 24, MemKind::Ref);

/// A new `callable_iterator`.
pub fn callable_iter<S: Space>(cx: &mut Cx<'_, S>, callable: usize, sentinel: usize) -> usize {
    let o = cx.heap_mut().alloc(&CALL_ITER);
    // SAFETY: just allocated with the CALL_ITER layout.
    unsafe {
        *((o + CI_CALLABLE.offset as usize) as *mut usize) = callable;
        *((o + CI_SENTINEL.offset as usize) as *mut usize) = sentinel;
    }
    o
}

/// The next value of a `callable_iterator` (`None`: exhausted).
pub fn callable_iter_next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, it: usize) -> Result<Option<usize>, usize> {
    // SAFETY: a live callable_iterator.
    let (f, sentinel) = unsafe { (read_word(it, &CI_CALLABLE) as usize, read_word(it, &CI_SENTINEL) as usize) };
    if f == 0 {
        return Ok(None);
    }
    let v = match call_value(cx, rt, f, &[], &[]) {
        Ok(v) => v,
        Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("StopIteration")) => {
            // SAFETY: as above.
            unsafe { *((it + CI_CALLABLE.offset as usize) as *mut usize) = 0 };
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let _ = metatrace::Ctx::root(cx, v);
    if b::eq(cx, rt, v, sentinel)? {
        // SAFETY: as above.
        unsafe { *((it + CI_CALLABLE.offset as usize) as *mut usize) = 0 };
        return Ok(None);
    }
    Ok(Some(v))
}

/// A range's start, stop and step.
pub fn range_parts(r: usize) -> (i64, i64, i64) {
    // SAFETY: callers pass live ranges.
    unsafe { (read_word(r, &RANGE_START) as i64, read_word(r, &RANGE_STOP) as i64, read_word(r, &RANGE_STEP) as i64) }
}

/// A new range object.
pub fn new_range<S: Space>(cx: &mut Cx<'_, S>, start: i64, stop: i64, step: i64) -> usize {
    let r = cx.heap_mut().alloc(&RANGE);
    // SAFETY: just allocated with the RANGE layout.
    unsafe {
        *((r + RANGE_START.offset as usize) as *mut i64) = start;
        *((r + RANGE_STOP.offset as usize) as *mut i64) = stop;
        *((r + RANGE_STEP.offset as usize) as *mut i64) = step;
    }
    r
}

/// Calling the class `range`.
pub fn make_range<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: Kw<'_>) -> PyResult {
    if !kw.is_empty() {
        return err(cx, rt, "TypeError", "range() takes no keyword arguments");
    }
    if args.is_empty() || args.len() > 3 {
        let msg = if args.is_empty() {
            "range expected at least 1 argument, got 0".to_string()
        } else {
            format!("range expected at most 3 arguments, got {}", args.len())
        };
        return err(cx, rt, "TypeError", &msg);
    }
    let mut ints = Vec::with_capacity(3);
    for &a in args {
        let v = super::index_value(cx, rt, a)?;
        match v.to_i64() {
            Some(v) => ints.push(v),
            None => return err(cx, rt, "OverflowError", "Python int too large to convert to C ssize_t"),
        }
    }
    let (a, bv, c) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => unreachable!("one to three arguments"),
    };
    if c == 0 {
        return err(cx, rt, "ValueError", "range() arg 3 must not be zero");
    }
    Ok(new_range(cx, a, bv, c))
}

/// The position of int `v` in a range, if it is one of its items.
fn range_position(r: usize, v: &BigInt) -> Option<i64> {
    let (a, stop, c) = range_parts(r);
    let v = v.to_i64()?;
    let inside = if c > 0 { v >= a && v < stop } else { v <= a && v > stop };
    let off = (v as i128) - (a as i128);
    (inside && off % (c as i128) == 0).then(|| (off / (c as i128)) as i64)
}

/// `x in r` for a range: arithmetic for ints, equality with each item otherwise.
pub fn range_contains<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize, x: usize) -> Result<bool, usize> {
    if let Some(v) = peek_bigint(x) {
        return Ok(range_position(r, &v).is_some());
    }
    if let Some(f) = peek_f64(x).filter(|_| is(x, &FLOAT)) {
        return Ok(f.is_finite() && f.fract() == 0.0 && range_position(r, &super::numeric::big_from_f64(f)).is_some());
    }
    let (a, stop, c) = range_parts(r);
    for k in 0..b::range_len(a, stop, c) as i64 {
        let item = new_int(cx.heap_mut(), a + k * c);
        if b::eq(cx, rt, item, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub(super) fn range_index<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let r = this(t);
    let [x] = args[..] else {
        return err(cx, rt, "TypeError", &format!("range.index() takes exactly one argument ({} given)", args.len()));
    };
    if let Some(v) = peek_bigint(x) {
        return match range_position(r, &v) {
            Some(k) => Ok(new_int(cx.heap_mut(), k)),
            None => err(cx, rt, "ValueError", &format!("{v} is not in range")),
        };
    }
    let (a, stop, c) = range_parts(r);
    for k in 0..b::range_len(a, stop, c) as i64 {
        let item = new_int(cx.heap_mut(), a + k * c);
        if b::eq(cx, rt, item, x)? {
            return Ok(new_int(cx.heap_mut(), k));
        }
    }
    err(cx, rt, "ValueError", "sequence.index(x): x not in sequence")
}

pub(super) fn range_count<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let r = this(t);
    let [x] = args[..] else {
        return err(cx, rt, "TypeError", &format!("range.count() takes exactly one argument ({} given)", args.len()));
    };
    if let Some(v) = peek_bigint(x) {
        return Ok(new_int(cx.heap_mut(), range_position(r, &v).is_some() as i64));
    }
    let (a, stop, c) = range_parts(r);
    let mut n = 0;
    for k in 0..b::range_len(a, stop, c) as i64 {
        let item = new_int(cx.heap_mut(), a + k * c);
        if b::eq(cx, rt, item, x)? {
            n += 1;
        }
    }
    Ok(new_int(cx.heap_mut(), n))
}

/// `r1 == r2`: ranges are equal when they give the same items.
pub fn range_eq(x: usize, y: usize) -> bool {
    let (p, q) = (range_parts(x), range_parts(y));
    let (n, m) = (b::range_len(p.0, p.1, p.2), b::range_len(q.0, q.1, q.2));
    n == m && (n == 0 || (p.0 == q.0 && (n == 1 || p.2 == q.2)))
}

/// CPython's hash of a range: of `(len, start, step)`, with `None` for what does not matter.
pub fn range_hash(rt: &Python, r: usize) -> i64 {
    let (a, stop, c) = range_parts(r);
    let n = b::range_len(a, stop, c);
    let none = (rt.none.get() >> 4) as i64;
    let int = |v: i64| crate::format::int_hash(&BigInt::from(v));
    let parts = match n {
        0 => [int(0), none, none],
        1 => [int(1), int(a), none],
        _ => [int(n as i64), int(a), int(c)],
    };
    b::tuple_hash(parts.into_iter(), 3)
}

/// `r[s]` for a range and a slice: a range.
pub fn range_slice<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize, s: usize) -> PyResult {
    let (a, stop, c) = range_parts(r);
    let n = b::range_len(a, stop, c);
    let (i, j, k) = crate::types::slice_indices(cx, rt, s, n)?;
    Ok(new_range(cx, a + i * c, a + j * c, c * k))
}

/// `reversed(r)`: an iterator from the last item down.
pub fn range_reversed<S: Space>(cx: &mut Cx<'_, S>, r: usize) -> usize {
    let (a, stop, c) = range_parts(r);
    let n = b::range_len(a, stop, c) as i64;
    let last = a + (n - 1) * c;
    let it = cx.heap_mut().alloc(&RANGE_ITER);
    // SAFETY: just allocated with the RANGE_ITER layout.
    unsafe {
        *((it + RITER_NEXT.offset as usize) as *mut i64) = last;
        *((it + RITER_STOP.offset as usize) as *mut i64) = a - c;
        *((it + RITER_STEP.offset as usize) as *mut i64) = -c;
    }
    it
}

/// Calling the class `slice`: `slice(stop)`, `slice(start, stop[, step])`.
pub fn make_slice<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: Kw<'_>) -> PyResult {
    if !kw.is_empty() {
        return err(cx, rt, "TypeError", "slice() takes no keyword arguments");
    }
    let none = rt.none.get();
    let (a, bv, c) = match args[..] {
        [stop] => (none, stop, none),
        [start, stop] => (start, stop, none),
        [start, stop, step] => (start, stop, step),
        _ => {
            let msg = if args.is_empty() {
                "slice expected at least 1 argument, got 0".to_string()
            } else {
                format!("slice expected at most 3 arguments, got {}", args.len())
            };
            return err(cx, rt, "TypeError", &msg);
        }
    };
    let s = cx.heap_mut().alloc(&SLICE);
    // SAFETY: just allocated with the SLICE layout.
    unsafe {
        *((s + SLICE_START.offset as usize) as *mut usize) = a;
        *((s + SLICE_STOP.offset as usize) as *mut usize) = bv;
        *((s + SLICE_STEP.offset as usize) as *mut usize) = c;
    }
    Ok(s)
}

/// A slice's start, stop and step objects.
pub fn slice_parts(s: usize) -> [usize; 3] {
    // SAFETY: callers pass live slices.
    unsafe {
        [read_word(s, &SLICE_START) as usize, read_word(s, &SLICE_STOP) as usize, read_word(s, &SLICE_STEP) as usize]
    }
}

/// `repr(s)`: `slice(1, None, 2)`.
pub fn slice_repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize) -> Result<String, usize> {
    let mut parts = Vec::with_capacity(3);
    for p in slice_parts(s) {
        parts.push(to_repr(cx, rt, p)?);
    }
    Ok(format!("slice({})", parts.join(", ")))
}

pub(super) fn slice_indices<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let [n] = args[..] else {
        let msg = format!("slice.indices() takes exactly one argument ({} given)", args.len());
        return err(cx, rt, "TypeError", &msg);
    };
    let n = super::index_value(cx, rt, n)?;
    if n.is_negative() {
        return err(cx, rt, "ValueError", "length should not be negative");
    }
    let n = n.to_usize().unwrap_or(usize::MAX >> 2);
    let (a, bv, c) = crate::types::slice_indices(cx, rt, this(t), n)?;
    let items = [new_int(cx.heap_mut(), a), new_int(cx.heap_mut(), bv), new_int(cx.heap_mut(), c)];
    Ok(new_tuple(cx.heap_mut(), &items))
}

/// The data attributes of builtin objects that are not methods (`range(3).stop`, `x.real`);
/// `None` when `obj` has no such attribute.
pub fn data_attr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> Option<PyResult> {
    if is(obj, &RANGE) {
        let (a, stop, c) = range_parts(obj);
        let v = match name {
            "start" => a,
            "stop" => stop,
            "step" => c,
            _ => return None,
        };
        return Some(Ok(new_int(cx.heap_mut(), v)));
    }
    if is(obj, &SLICE) {
        let k = ["start", "stop", "step"].iter().position(|n| *n == name)?;
        return Some(Ok(slice_parts(obj)[k]));
    }
    if let Some(v) = peek_bigint(obj) {
        return match name {
            "real" | "numerator" if is(obj, &BOOL) => Some(Ok(new_bigint(cx.heap_mut(), v))),
            "real" | "numerator" => Some(Ok(obj)),
            "imag" => Some(Ok(new_int(cx.heap_mut(), 0))),
            "denominator" => Some(Ok(new_int(cx.heap_mut(), 1))),
            _ => None,
        };
    }
    if is(obj, &FLOAT) {
        return match name {
            "real" => Some(Ok(obj)),
            "imag" => Some(Ok(new_float(cx.heap_mut(), 0.0))),
            _ => None,
        };
    }
    if crate::complex::is_complex(obj) {
        return crate::complex::attr(cx, obj, name).map(Ok);
    }
    let _ = rt;
    None
}
