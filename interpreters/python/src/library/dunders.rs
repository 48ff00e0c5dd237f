//! The special methods of `str`, `bytes` and `bytearray` as callable methods (`"a".__len__()`,
//! `str.__add__`, `bytes.__getitem__`): each is the object space's own operation, and the
//! binary ones return NotImplemented for operands of other types, as in CPython.

use super::textargs::one;
use super::*;
use crate::bytecode::{BinOp, CmpOp};
use crate::bytes::is_binary;

rows! {
    "str.__len__" => d_len, "bytes.__len__" => d_len, "bytearray.__len__" => d_len,
    "str.__contains__" => d_contains, "bytes.__contains__" => d_contains, "bytearray.__contains__" => d_contains,
    "str.__getitem__" => d_getitem, "bytes.__getitem__" => d_getitem, "bytearray.__getitem__" => d_getitem,
    "str.__iter__" => d_iter, "bytes.__iter__" => d_iter, "bytearray.__iter__" => d_iter,
    "str.__hash__" => d_hash, "bytes.__hash__" => d_hash,
    "str.__str__" => d_str, "bytes.__str__" => d_str, "bytearray.__str__" => d_str,
    "str.__repr__" => d_repr, "bytes.__repr__" => d_repr, "bytearray.__repr__" => d_repr,
    "str.__format__" => d_format, "bytes.__format__" => d_format, "bytearray.__format__" => d_format,
    "str.__add__" => d_add, "bytes.__add__" => d_add, "bytearray.__add__" => d_add,
    "str.__mul__" => d_mul, "bytes.__mul__" => d_mul, "bytearray.__mul__" => d_mul,
    "str.__rmul__" => d_mul, "bytes.__rmul__" => d_mul, "bytearray.__rmul__" => d_mul,
    "str.__mod__" => d_mod, "bytes.__mod__" => d_mod, "bytearray.__mod__" => d_mod,
    "str.__rmod__" => d_rmod, "bytes.__rmod__" => d_rmod, "bytearray.__rmod__" => d_rmod,
    "str.__eq__" => d_eq, "bytes.__eq__" => d_eq, "bytearray.__eq__" => d_eq,
    "str.__ne__" => d_ne, "bytes.__ne__" => d_ne, "bytearray.__ne__" => d_ne,
    "str.__lt__" => d_lt, "bytes.__lt__" => d_lt, "bytearray.__lt__" => d_lt,
    "str.__le__" => d_le, "bytes.__le__" => d_le, "bytearray.__le__" => d_le,
    "str.__gt__" => d_gt, "bytes.__gt__" => d_gt, "bytearray.__gt__" => d_gt,
    "str.__ge__" => d_ge, "bytes.__ge__" => d_ge, "bytearray.__ge__" => d_ge,
    "bytearray.__setitem__" => d_setitem,
    "bytearray.__delitem__" => d_delitem,
    "bytearray.__iadd__" => d_iadd,
}

/// The qualified name of special method `name` of the bound object's type.
fn qual(rt: &Python, o: usize, name: &str) -> String {
    format!("{}.{name}", b::type_name(rt, o))
}

/// Whether `a` and `b` are of kinds the binary special methods combine (bytes' own
/// comparisons take only bytes; a bytearray's take any bytes-like object).
fn same_kind(a: usize, b: usize) -> bool {
    (is(a, &STR) && is(b, &STR))
        || (is(a, &crate::bytes::BYTES) && is(b, &crate::bytes::BYTES))
        || (is(a, &crate::bytes::BYTEARRAY) && is_binary(b))
}

pub(super) fn d_len<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, &qual(rt, this(t), "__len__"), args, kw)?;
    let n = b::len(cx, rt, this(t))?;
    Ok(new_int(cx.heap_mut(), n as i64))
}
pub(super) fn d_contains<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let x = one(cx, rt, &qual(rt, this(t), "__contains__"), args, kw)?;
    Ok(rt.bool_obj(b::contains(cx, rt, this(t), x)?))
}
pub(super) fn d_getitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let k = one(cx, rt, &qual(rt, this(t), "__getitem__"), args, kw)?;
    crate::types::getitem(cx, rt, this(t), k)
}
pub(super) fn d_iter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, &qual(rt, this(t), "__iter__"), args, kw)?;
    b::iter(cx, rt, this(t))
}
pub(super) fn d_hash<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, &qual(rt, this(t), "__hash__"), args, kw)?;
    let h = b::hash(cx, rt, this(t))?;
    Ok(new_int(cx.heap_mut(), h))
}
pub(super) fn d_str<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, &qual(rt, this(t), "__str__"), args, kw)?;
    if is(this(t), &STR) {
        return Ok(this(t));
    }
    let r = to_str(cx, rt, this(t))?;
    s(cx, &r)
}
pub(super) fn d_repr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, &qual(rt, this(t), "__repr__"), args, kw)?;
    let r = to_repr(cx, rt, this(t))?;
    s(cx, &r)
}
pub(super) fn d_format<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let spec = one(cx, rt, &qual(rt, this(t), "__format__"), args, kw)?;
    if !is(spec, &STR) {
        let msg = format!("__format__() argument must be str, not {}", b::type_name(rt, spec));
        return err(cx, rt, "TypeError", &msg);
    }
    let r = crate::format::format(cx, rt, this(t), text(spec))?;
    s(cx, &r)
}

/// A binary special method: the operation itself (it raises for unsuitable operands).
fn binary_method<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    op: BinOp,
) -> PyResult {
    let o = one(cx, rt, &qual(rt, this(t), name), args, kw)?;
    b::binary(cx, rt, op, this(t), o)
}
pub(super) fn d_add<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    // (Concatenation raises for other operands rather than returning NotImplemented.)
    binary_method(cx, rt, t, args, kw, "__add__", BinOp::Add)
}
pub(super) fn d_mul<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let n = one(cx, rt, &qual(rt, this(t), "__mul__"), args, kw)?;
    super::textargs::int_arg(cx, rt, n)?;
    b::binary(cx, rt, BinOp::Mul, this(t), n)
}
pub(super) fn d_mod<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    binary_method(cx, rt, t, args, kw, "__mod__", BinOp::Mod)
}
pub(super) fn d_rmod<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let o = one(cx, rt, &qual(rt, this(t), "__rmod__"), args, kw)?;
    if !same_kind(this(t), o) {
        return Ok(rt.notimpl.get());
    }
    b::binary(cx, rt, BinOp::Mod, o, this(t))
}

/// A comparison special method: the comparison for operands of the same kind, else
/// NotImplemented.
fn compare_method<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    op: CmpOp,
) -> PyResult {
    let o = one(cx, rt, &qual(rt, this(t), name), args, kw)?;
    if !same_kind(this(t), o) {
        return Ok(rt.notimpl.get());
    }
    b::compare(cx, rt, op, this(t), o)
}
pub(super) fn d_eq<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    compare_method(cx, rt, t, args, kw, "__eq__", CmpOp::Eq)
}
pub(super) fn d_ne<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    compare_method(cx, rt, t, args, kw, "__ne__", CmpOp::Ne)
}
pub(super) fn d_lt<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    compare_method(cx, rt, t, args, kw, "__lt__", CmpOp::Lt)
}
pub(super) fn d_le<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    compare_method(cx, rt, t, args, kw, "__le__", CmpOp::Le)
}
pub(super) fn d_gt<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    compare_method(cx, rt, t, args, kw, "__gt__", CmpOp::Gt)
}
pub(super) fn d_ge<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    compare_method(cx, rt, t, args, kw, "__ge__", CmpOp::Ge)
}

pub(super) fn d_setitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let p = super::textargs::params(cx, rt, "__setitem__", args, kw, &["key", "value"], false)?;
    super::textargs::expected(cx, rt, "__setitem__", &p, 2)?;
    crate::bytes::setitem(cx, rt, this(t), p[0].unwrap(), p[1].unwrap())?;
    Ok(rt.none.get())
}
pub(super) fn d_delitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let k = one(cx, rt, "bytearray.__delitem__", args, kw)?;
    crate::bytes::delitem(cx, rt, this(t), k)?;
    Ok(rt.none.get())
}
pub(super) fn d_iadd<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let o = one(cx, rt, "bytearray.__iadd__", args, kw)?;
    crate::bytes::inplace(cx, rt, BinOp::Add, this(t), o).unwrap_or_else(|| Ok(rt.notimpl.get()))
}
