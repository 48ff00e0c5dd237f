//! Struct sequences (`sys.version_info`, `sys.float_info`, `sys.int_info`): read-only
//! records whose fields are attributes and which also behave as the tuple of their values
//! (indexing, `len`, iteration, comparison with tuples, hashing). Each is an instance of its
//! own class (named like CPython's, e.g. `version_info`) deriving from the builtin
//! `structseq`, whose methods here delegate to the values tuple.

use super::*;
use crate::bytecode::CmpOp;

rows! {
    "structseq.__getitem__" => ss_getitem,
    "structseq.__len__" => ss_len,
    "structseq.__iter__" => ss_iter,
    "structseq.__contains__" => ss_contains,
    "structseq.__hash__" => ss_hash,
    "structseq.__repr__" => ss_repr,
    "structseq.__eq__" => ss_eq,
    "structseq.__ne__" => ss_ne,
    "structseq.__lt__" => ss_lt,
    "structseq.__le__" => ss_le,
    "structseq.__gt__" => ss_gt,
    "structseq.__ge__" => ss_ge,
}

/// The slot holding a struct sequence's values (a tuple).
const VALUES: &str = "__structseq__";

/// A new struct sequence: an instance of a new class `name` (shown as `full_name`) with
/// `fields` set to `values`.
pub fn new_structseq<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    full_name: &str,
    fields: &[&str],
    values: &[usize],
) -> PyResult {
    for &v in values {
        let _ = metatrace::Ctx::root(cx, v);
    }
    let name = full_name.rsplit('.').next().unwrap_or(full_name);
    let n = new_int(cx.heap_mut(), fields.len() as i64);
    let _ = metatrace::Ctx::root(cx, n);
    let shown = new_str(cx.heap_mut(), full_name);
    let _ = metatrace::Ctx::root(cx, shown);
    let dict: Vec<(Rc<str>, usize)> =
        vec![(Rc::from("n_fields"), n), (Rc::from("n_sequence_fields"), n), (Rc::from("__structseq_name__"), shown)];
    let version = metatrace::QuasiId::from_raw(metatrace::Ctx::quasi_new(cx, 0));
    let base = rt.builtin_type("structseq");
    let t = classes::make_class(rt, cx.heap_mut(), version, name, &[base], dict)
        .expect("a struct sequence's class has an MRO");
    let obj = crate::types::call_type(cx, rt, t, &[], &[])?;
    let _ = metatrace::Ctx::root(cx, obj);
    let tuple = new_tuple(cx.heap_mut(), values);
    classes::set_slot(cx, rt, obj, VALUES, tuple);
    for (&f, &v) in fields.iter().zip(values) {
        classes::set_slot(cx, rt, obj, f, v);
    }
    Ok(obj)
}

/// The values tuple of struct sequence `o` (an empty tuple if it has none).
fn values<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> usize {
    classes::peek_slot(rt, o, VALUES).filter(|&t| is(t, &TUPLE)).unwrap_or_else(|| new_tuple(cx.heap_mut(), &[]))
}

/// `other` as a tuple to compare with: a struct sequence's values, a tuple, or None.
fn operand<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, other: usize) -> Option<usize> {
    if is(other, &TUPLE) {
        Some(other)
    } else if classes::peek_slot(rt, other, VALUES).is_some() {
        Some(values(cx, rt, other))
    } else {
        None
    }
}

fn compare<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], op: CmpOp) -> PyResult {
    let other = arg(cx, rt, args, 0, "comparison")?;
    let Some(b) = operand(cx, rt, other) else { return Ok(rt.notimpl.get()) };
    let a = values(cx, rt, this(t));
    b::compare(cx, rt, op, a, b)
}

macro_rules! comparisons {
    ($($f:ident => $op:ident,)*) => {$(
        pub(super) fn $f<S: Space>(
            cx: &mut Cx<'_, S>,
            rt: &Python,
            t: Option<usize>,
            args: &[usize],
            _: Kw<'_>,
        ) -> PyResult {
            compare(cx, rt, t, args, CmpOp::$op)
        }
    )*};
}
comparisons! {
    ss_eq => Eq,
    ss_ne => Ne,
    ss_lt => Lt,
    ss_le => Le,
    ss_gt => Gt,
    ss_ge => Ge,
}

pub(super) fn ss_getitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let key = arg(cx, rt, args, 0, "__getitem__")?;
    let v = values(cx, rt, this(t));
    crate::types::getitem(cx, rt, v, key)
}
pub(super) fn ss_len<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let n = tuple_items(values(cx, rt, this(t))).len();
    Ok(new_int(cx.heap_mut(), n as i64))
}
pub(super) fn ss_iter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let v = values(cx, rt, this(t));
    b::iter(cx, rt, v)
}
pub(super) fn ss_contains<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let x = arg(cx, rt, args, 0, "__contains__")?;
    let v = values(cx, rt, this(t));
    Ok(rt.bool_obj(b::contains(cx, rt, v, x)?))
}
pub(super) fn ss_hash<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let v = values(cx, rt, this(t));
    let h = b::hash(cx, rt, v)?;
    Ok(new_int(cx.heap_mut(), h))
}
pub(super) fn ss_repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let o = this(t);
    let ty = b::peek_type(rt, o);
    let name = classes::lookup(rt, ty, "__structseq_name__").filter(|&n| is(n, &STR)).map(text).unwrap_or("?");
    let n = classes::lookup(rt, ty, "n_fields").and_then(peek_i64).unwrap_or(0) as usize;
    let map = unsafe { read_word(o, &INST_MAP) } as usize;
    // The fields are the instance's attributes after the values slot, in order.
    let order: Vec<Rc<str>> = rt.maps.borrow()[map].order.iter().filter(|k| &***k != VALUES).take(n).cloned().collect();
    let vals = tuple_items(values(cx, rt, o));
    let mut parts = Vec::new();
    for (f, &v) in order.iter().zip(&vals) {
        parts.push(format!("{f}={}", to_repr(cx, rt, v)?));
    }
    let s = format!("{name}({})", parts.join(", "));
    Ok(new_str(cx.heap_mut(), &s))
}
