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
    crate::ranges::construct(cx, rt, args)
}

/// `x in r` for a range: arithmetic for ints, equality with each item otherwise.
pub fn range_contains<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize, x: usize) -> Result<bool, usize> {
    if let Some(v) = peek_bigint(x) {
        return Ok(crate::ranges::position(r, &v).is_some());
    }
    if let Some(f) = peek_f64(x).filter(|_| is(x, &FLOAT)) {
        let whole = f.is_finite() && f.fract() == 0.0;
        return Ok(whole && crate::ranges::position(r, &super::numeric::big_from_f64(f)).is_some());
    }
    Ok(range_find(cx, rt, r, x, false)?.is_some())
}

/// The first position of `x` among a range's items by `==` (with `all`: how many match).
fn range_find<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize, x: usize, all: bool) -> Result<Option<i64>, usize> {
    let (a, stop, c) = crate::ranges::parts(r);
    let n = crate::ranges::length(&a, &stop, &c);
    let (mut k, mut found) = (BigInt::zero(), 0);
    while k < n {
        let item = new_bigint(cx.heap_mut(), &a + &k * &c);
        if b::eq(cx, rt, item, x)? {
            if !all {
                return Ok(k.to_i64());
            }
            found += 1;
        }
        k += 1;
    }
    Ok(all.then_some(found))
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
        return match crate::ranges::position(r, &v) {
            Some(k) => Ok(new_bigint(cx.heap_mut(), k)),
            None => err(cx, rt, "ValueError", &format!("{v} is not in range")),
        };
    }
    match range_find(cx, rt, r, x, false)? {
        Some(k) => Ok(new_int(cx.heap_mut(), k)),
        None => err(cx, rt, "ValueError", "sequence.index(x): x not in sequence"),
    }
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
        return Ok(new_int(cx.heap_mut(), crate::ranges::position(r, &v).is_some() as i64));
    }
    let n = range_find(cx, rt, r, x, true)?.unwrap_or(0);
    Ok(new_int(cx.heap_mut(), n))
}

/// `r1 == r2`: ranges are equal when they give the same items.
pub fn range_eq(x: usize, y: usize) -> bool {
    crate::ranges::eq(x, y)
}

/// CPython's hash of a range.
pub fn range_hash(rt: &Python, r: usize) -> i64 {
    crate::ranges::hash(rt, r)
}

/// `r[s]` for a range and a slice: a range.
pub fn range_slice<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize, s: usize) -> PyResult {
    crate::ranges::slice(cx, rt, r, s)
}

/// `reversed(r)`: an iterator from the last item down.
pub fn range_reversed<S: Space>(cx: &mut Cx<'_, S>, r: usize) -> usize {
    crate::ranges::reversed(cx, r)
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
    if crate::ranges::is_range(obj) {
        return crate::ranges::attr(cx, obj, name).map(Ok);
    }
    if is(obj, &SLICE) {
        let k = ["start", "stop", "step"].iter().position(|n| *n == name)?;
        return Some(Ok(slice_parts(obj)[k]));
    }
    if is(obj, &FUNCTION) && name == "__get__" {
        return super::function_get_attr(cx, obj).map(Ok);
    }
    if is(obj, &CELL) && name == "cell_contents" {
        // SAFETY: a live cell; 0 while its variable is unbound.
        let v = unsafe { read_word(obj, &CELL_VALUE) } as usize;
        return Some(if v == 0 { b::err(cx, rt, "ValueError", "Cell is empty") } else { Ok(v) });
    }
    if super::is_gen_like(obj) {
        if let Some(r) = super::coro::gen_attr(cx, rt, obj, name) {
            return Some(r);
        }
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
    if crate::memview::is_view(obj) {
        return crate::memview::attr(cx, rt, obj, name);
    }
    if super::hashes::is_hash(obj) {
        return super::hashes::attr(cx, obj, name).map(Ok);
    }
    if is(obj, &TRACEBACK) {
        return super::exceptions::traceback_attr(cx, rt, obj, name);
    }
    if is(obj, &METHOD) {
        let field = match name {
            "__self__" => &METHOD_SELF,
            "__func__" => &METHOD_FUNC,
            _ => {
                // Other attributes are the function's (`m.__doc__`, `m.__name__`, attributes
                // a decorator set), as CPython's method objects delegate them; the method
                // type's own dunders stay its own.
                let own = [
                    "__call__",
                    "__class__",
                    "__delattr__",
                    "__dir__",
                    "__eq__",
                    "__format__",
                    "__ge__",
                    "__get__",
                    "__getattribute__",
                    "__getstate__",
                    "__gt__",
                    "__hash__",
                    "__init__",
                    "__init_subclass__",
                    "__le__",
                    "__lt__",
                    "__ne__",
                    "__new__",
                    "__reduce__",
                    "__reduce_ex__",
                    "__repr__",
                    "__setattr__",
                    "__sizeof__",
                    "__str__",
                    "__subclasshook__",
                ];
                let delegated = !own.contains(&name);
                if !delegated {
                    return None;
                }
                // SAFETY: a live bound method's function field is an object.
                let func = unsafe { read_word(obj, &METHOD_FUNC) } as usize;
                return Some(crate::types::getattr(cx, rt, func, name));
            }
        };
        // SAFETY: a live bound method's fields are objects.
        return Some(Ok(unsafe { read_word(obj, field) } as usize));
    }
    None
}
