//! `range` objects of any size. A range whose start, stop and step fit 64 bits is a [`RANGE`]
//! (three words: the traced fast paths iterate it); any other is a [`BIGRANGE`], which holds
//! three int objects. The natives treat both alike through their big-int parts (lengths,
//! items, slices, membership, equality, hashes), and raise CPython's OverflowError where a
//! length does not fit a C `ssize_t`. Iterating a range past 64 bits (or one whose iteration
//! would step past them) uses a [`LONGRANGE_ITER`], CPython's `longrange_iterator`.

use crate::builtins::{err, PyResult};
use crate::objects::*;
use crate::runtime::new_bigint;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::heap::{Layout, HEADER};
use metatrace::{Concrete, FieldDescr, MemKind};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

type Cx<'a, S> = Concrete<'a, Py<S>>;

const fn word(k: i32) -> i32 {
    HEADER + 8 * k
}

/// A range with bounds past 64 bits: its start, stop and step (int objects).
pub static BIGRANGE: Layout = Layout::object("range", 24, &[word(0), word(1), word(2)]);
const BR_START: FieldDescr = FieldDescr::new("bigrange.start", word(0), MemKind::Ref);
const BR_STOP: FieldDescr = FieldDescr::new("bigrange.stop", word(1), MemKind::Ref);
const BR_STEP: FieldDescr = FieldDescr::new("bigrange.step", word(2), MemKind::Ref);

/// An iterator over a range past 64 bits: the next item, the step and the items left (ints).
pub static LONGRANGE_ITER: Layout = Layout::object("longrange_iterator", 24, &[word(0), word(1), word(2)]);
const LI_NEXT: FieldDescr = FieldDescr::new("longrange_iterator.next", word(0), MemKind::Ref);
const LI_STEP: FieldDescr = FieldDescr::new("longrange_iterator.step", word(1), MemKind::Ref);
const LI_LEFT: FieldDescr = FieldDescr::new("longrange_iterator.left", word(2), MemKind::Ref);

/// CPython's message when a length does not fit a `ssize_t`.
const TOO_LARGE: &str = "Python int too large to convert to C ssize_t";

/// Whether `o` is a range (of either layout).
pub fn is_range(o: usize) -> bool {
    is(o, &RANGE) || is(o, &BIGRANGE)
}

fn ref_field(o: usize, d: &FieldDescr) -> usize {
    // SAFETY: callers pass live objects with field `d`.
    unsafe { read_word(o, d) as usize }
}

fn set_ref(o: usize, d: &FieldDescr, v: usize) {
    // SAFETY: callers pass live objects with field `d`.
    unsafe { *((o + d.offset as usize) as *mut usize) = v };
}

fn big(o: usize) -> BigInt {
    peek_bigint(o).unwrap_or_default()
}

/// A range's start, stop and step.
pub fn parts(r: usize) -> (BigInt, BigInt, BigInt) {
    if is(r, &RANGE) {
        // SAFETY: a live range.
        let (a, b, c) = unsafe {
            (read_word(r, &RANGE_START) as i64, read_word(r, &RANGE_STOP) as i64, read_word(r, &RANGE_STEP) as i64)
        };
        return (a.into(), b.into(), c.into());
    }
    (big(ref_field(r, &BR_START)), big(ref_field(r, &BR_STOP)), big(ref_field(r, &BR_STEP)))
}

/// A new range (the step is not zero): small when its bounds fit 64 bits.
pub fn make<S: Space>(cx: &mut Cx<'_, S>, a: BigInt, b: BigInt, c: BigInt) -> usize {
    if let (Some(x), Some(y), Some(z)) = (a.to_i64(), b.to_i64(), c.to_i64()) {
        return make_words(cx, x, y, z);
    }
    let items = [new_bigint(cx.heap_mut(), a), new_bigint(cx.heap_mut(), b), new_bigint(cx.heap_mut(), c)];
    let r = cx.heap_mut().alloc(&BIGRANGE);
    for (d, v) in [BR_START, BR_STOP, BR_STEP].iter().zip(items) {
        set_ref(r, d, v);
    }
    r
}

/// `range(a, b, c)` of bounds that fit a word (`c` not 0).
fn make_words<S: Space>(cx: &mut Cx<'_, S>, a: i64, b: i64, c: i64) -> usize {
    let r = cx.heap_mut().alloc(&RANGE);
    // SAFETY: just allocated with the RANGE layout.
    unsafe {
        *((r + RANGE_START.offset as usize) as *mut i64) = a;
        *((r + RANGE_STOP.offset as usize) as *mut i64) = b;
        *((r + RANGE_STEP.offset as usize) as *mut i64) = c;
    }
    r
}

/// The number of items of `range(a, b, c)`.
pub fn length(a: &BigInt, b: &BigInt, c: &BigInt) -> BigInt {
    let zero = BigInt::zero();
    if c.is_positive() && a < b {
        (b - a - 1u8).div_floor(c) + 1u8
    } else if c.is_negative() && a > b {
        (a - b - 1u8).div_floor(&-c) + 1u8
    } else {
        zero
    }
}

/// `len(r)`, or CPython's OverflowError when it does not fit a `ssize_t`.
pub fn len<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize) -> Result<usize, usize> {
    let (a, b, c) = parts(r);
    match length(&a, &b, &c).to_isize() {
        Some(n) => Ok(n as usize),
        None => err(cx, rt, "OverflowError", TOO_LARGE).map(|_| 0),
    }
}

/// Whether the range has items (`bool(r)`).
pub fn truth(r: usize) -> bool {
    let (a, b, c) = parts(r);
    !length(&a, &b, &c).is_zero()
}

/// `r[key]` for an int (or `__index__`) or a slice `key`.
pub fn getitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize, key: usize) -> PyResult {
    if is(key, &SLICE) {
        return slice(cx, rt, r, key);
    }
    let (a, b, c) = parts(r);
    let n = length(&a, &b, &c);
    let indexable = peek_bigint(key).is_some()
        || is(key, &INSTANCE) && crate::classes::lookup(rt, crate::builtins::peek_type(rt, key), "__index__").is_some();
    if !indexable {
        let msg = format!("range indices must be integers or slices, not {}", crate::builtins::type_name(rt, key));
        return err(cx, rt, "TypeError", &msg);
    }
    let k = crate::library::index_value(cx, rt, key)?;
    let k = if k.is_negative() { k + &n } else { k };
    if k.is_negative() || k >= n {
        return err(cx, rt, "IndexError", "range object index out of range");
    }
    Ok(new_bigint(cx.heap_mut(), a + k * c))
}

/// One bound of a slice of a sequence of `n` items (CPython's `_PySlice_GetLongIndices`).
fn bound<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    v: usize,
    default: &BigInt,
    (lower, upper): (&BigInt, &BigInt),
    n: &BigInt,
) -> Result<BigInt, usize> {
    if v == rt.none.get() {
        return Ok(default.clone());
    }
    let mut k = slice_index(cx, rt, v)?;
    if k.is_negative() {
        k += n;
        if &k < lower {
            k = lower.clone();
        }
    } else if &k > upper {
        k = upper.clone();
    }
    Ok(k)
}

fn slice_index<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<BigInt, usize> {
    crate::library::index_value(cx, rt, v).or_else(|_| {
        let msg = "slice indices must be integers or None or have an __index__ method";
        err(cx, rt, "TypeError", msg).map(|_| BigInt::zero())
    })
}

/// `r[s]` for a slice `s`: a range.
pub fn slice<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, r: usize, s: usize) -> PyResult {
    let (a, b, c) = parts(r);
    let n = length(&a, &b, &c);
    let [start, stop, step] = crate::library::slice_parts(s)[..] else { unreachable!("a slice has three parts") };
    let k = if step == rt.none.get() { BigInt::one() } else { slice_index(cx, rt, step)? };
    if k.is_zero() {
        return err(cx, rt, "ValueError", "slice step cannot be zero");
    }
    let (lower, upper) = if k.is_negative() { (BigInt::from(-1), &n - 1u8) } else { (BigInt::zero(), n.clone()) };
    let (first, last) = if k.is_negative() { (&upper, &lower) } else { (&lower, &upper) };
    let i = bound(cx, rt, start, first, (&lower, &upper), &n)?;
    let j = bound(cx, rt, stop, last, (&lower, &upper), &n)?;
    Ok(make(cx, &a + i * &c, &a + j * &c, c * k))
}

/// The position of int `v` among the range's items.
pub fn position(r: usize, v: &BigInt) -> Option<BigInt> {
    let (a, b, c) = parts(r);
    let inside = if c.is_positive() { v >= &a && v < &b } else { v <= &a && v > &b };
    if !inside {
        return None;
    }
    let (q, m) = (v - &a).div_rem(&c);
    m.is_zero().then_some(q)
}

/// `r1 == r2`: ranges are equal when they give the same items.
pub fn eq(x: usize, y: usize) -> bool {
    let (p, q) = (parts(x), parts(y));
    let (n, m) = (length(&p.0, &p.1, &p.2), length(&q.0, &q.1, &q.2));
    n == m && (n.is_zero() || (p.0 == q.0 && (n.is_one() || p.2 == q.2)))
}

/// CPython's hash of a range: of `(len, start, step)`, with `None` for what does not matter.
pub fn hash(rt: &Python, r: usize) -> i64 {
    let (a, b, c) = parts(r);
    let n = length(&a, &b, &c);
    let none = (rt.none.get() >> 4) as i64;
    let int = crate::format::int_hash;
    let hashes = if n.is_zero() {
        [int(&n), none, none]
    } else if n.is_one() {
        [int(&n), int(&a), none]
    } else {
        [int(&n), int(&a), int(&c)]
    };
    crate::builtins::tuple_hash(hashes.into_iter(), 3)
}

/// `repr(r)`
pub fn repr(r: usize) -> String {
    let (a, b, c) = parts(r);
    if c.is_one() {
        format!("range({a}, {b})")
    } else {
        format!("range({a}, {b}, {c})")
    }
}

/// `r.start`, `r.stop`, `r.step`.
pub fn attr<S: Space>(cx: &mut Cx<'_, S>, r: usize, name: &str) -> Option<usize> {
    let (a, b, c) = parts(r);
    let v = match name {
        "start" => a,
        "stop" => b,
        "step" => c,
        _ => return None,
    };
    Some(new_bigint(cx.heap_mut(), v))
}

/// An iterator over `n` items from `first` by `step`: a `range_iterator` when every item and
/// the one after the last fit 64 bits, else a `longrange_iterator`.
fn iterator<S: Space>(cx: &mut Cx<'_, S>, first: BigInt, step: BigInt, n: BigInt) -> usize {
    let end = &first + &n * &step;
    if let (Some(x), Some(s), Some(e)) = (first.to_i64(), step.to_i64(), end.to_i64()) {
        let it = cx.heap_mut().alloc(&RANGE_ITER);
        // SAFETY: just allocated with the RANGE_ITER layout.
        unsafe {
            *((it + RITER_NEXT.offset as usize) as *mut i64) = x;
            *((it + RITER_STOP.offset as usize) as *mut i64) = e;
            *((it + RITER_STEP.offset as usize) as *mut i64) = s;
        }
        return it;
    }
    let fields = [new_bigint(cx.heap_mut(), first), new_bigint(cx.heap_mut(), step), new_bigint(cx.heap_mut(), n)];
    let it = cx.heap_mut().alloc(&LONGRANGE_ITER);
    for (d, v) in [LI_NEXT, LI_STEP, LI_LEFT].iter().zip(fields) {
        set_ref(it, d, v);
    }
    it
}

/// `iter(r)`
pub fn iter<S: Space>(cx: &mut Cx<'_, S>, r: usize) -> usize {
    let (a, b, c) = parts(r);
    let n = length(&a, &b, &c);
    iterator(cx, a, c, n)
}

/// `reversed(r)`: an iterator from the last item down.
pub fn reversed<S: Space>(cx: &mut Cx<'_, S>, r: usize) -> usize {
    let (a, b, c) = parts(r);
    let n = length(&a, &b, &c);
    let last = if n.is_zero() { a } else { a + (&n - 1u8) * &c };
    iterator(cx, last, -c, n)
}

/// The next item of a `longrange_iterator`, if any.
pub fn next<S: Space>(cx: &mut Cx<'_, S>, it: usize) -> Option<usize> {
    let left = big(ref_field(it, &LI_LEFT));
    if !left.is_positive() {
        return None;
    }
    let v = ref_field(it, &LI_NEXT);
    let after = big(v) + big(ref_field(it, &LI_STEP));
    let after = new_bigint(cx.heap_mut(), after);
    set_ref(it, &LI_NEXT, after);
    let left = new_bigint(cx.heap_mut(), left - 1u8);
    set_ref(it, &LI_LEFT, left);
    Some(v)
}

/// `range(...)`: the class called with one to three ints.
pub fn construct<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize]) -> PyResult {
    // The common case, ints that fit a word, without big ints.
    if let [stop] = *args {
        if let Some(n) = peek_i64(stop) {
            return Ok(make_words(cx, 0, n, 1));
        }
    }
    let mut ints = Vec::with_capacity(3);
    for &a in args {
        ints.push(crate::library::index_value(cx, rt, a)?);
    }
    let one = BigInt::one();
    let (a, b, c) = match &ints[..] {
        [stop] => (BigInt::zero(), stop.clone(), one),
        [start, stop] => (start.clone(), stop.clone(), one),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("one to three arguments"),
    };
    if c.is_zero() {
        return err(cx, rt, "ValueError", "range() arg 3 must not be zero");
    }
    Ok(make(cx, a, b, c))
}
