//! Rich comparisons involving instances, outside traces: CPython's protocol. A subclass's
//! reflected method first, then the left operand's method, then the right operand's
//! reflection; `NotImplemented` passes on, and `==`/`!=` end in identity. `object.__ne__`
//! inverts `__eq__`.

use crate::builtins::{call_value, err, peek_type, truth, type_name, PyResult};
use crate::bytecode::CmpOp;
use crate::classes::{self, is_subclass};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// `x.name(y)` through `x`'s class (`object`'s defaults included), or NotImplemented.
pub fn slot_call<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, x: usize, name: &str, y: usize) -> PyResult {
    let t = peek_type(rt, x);
    if let Some(m) = classes::special(rt, t, name) {
        return call_value(cx, rt, m, &[x, y], &[]);
    }
    match name {
        "__eq__" if x == y => Ok(rt.true_.get()),
        "__ne__" if classes::special(rt, t, "__eq__").is_some() => {
            let r = slot_call(cx, rt, x, "__eq__", y)?;
            if r == rt.notimpl.get() {
                return Ok(r);
            }
            Ok(rt.bool_obj(!truth(cx, rt, r)?))
        }
        "__ne__" if x == y => Ok(rt.false_.get()),
        _ => Ok(rt.notimpl.get()),
    }
}

/// `a op b` where an operand is an instance.
pub fn rich_compare<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: CmpOp, a: usize, b: usize) -> PyResult {
    let (ta, tb) = (peek_type(rt, a), peek_type(rt, b));
    let rev = op.swapped().dunder();
    let reflected_first = ta != tb && is_subclass(rt, tb, ta) && classes::special(rt, tb, rev).is_some();
    if reflected_first {
        let r = slot_call(cx, rt, b, rev, a)?;
        if r != rt.notimpl.get() {
            return Ok(r);
        }
    }
    let r = slot_call(cx, rt, a, op.dunder(), b)?;
    if r != rt.notimpl.get() {
        return Ok(r);
    }
    if reflected_first {
        return fallback(cx, rt, op, a, b);
    }
    compare_reflected(cx, rt, op, a, b)
}

/// The rest of `a op b` once `a`'s method returned NotImplemented: `b`'s reflection, then
/// identity for `==`/`!=` or TypeError.
pub fn compare_reflected<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: CmpOp, a: usize, b: usize) -> PyResult {
    let r = slot_call(cx, rt, b, op.swapped().dunder(), a)?;
    if r != rt.notimpl.get() {
        return Ok(r);
    }
    fallback(cx, rt, op, a, b)
}

fn fallback<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: CmpOp, a: usize, b: usize) -> PyResult {
    match op {
        CmpOp::Eq => Ok(rt.bool_obj(a == b)),
        CmpOp::Ne => Ok(rt.bool_obj(a != b)),
        _ => {
            let msg = format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(rt, a),
                type_name(rt, b)
            );
            err(cx, rt, "TypeError", &msg)
        }
    }
}
