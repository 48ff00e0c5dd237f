//! The object space: every operation the interpreter performs on Python objects goes through
//! the [`Space`] trait, which the interpreter is generic over (monomorphized: no cost). The
//! standard space, [`StdSpace`], implements Python's semantics; taint tracking and transparent
//! proxies will be spaces layered over it.
//!
//! An operation never calls user code itself: when it needs to (a user `__add__`, a
//! `__getattr__`), it returns [`Outcome::Call`] and the interpreter makes the call at the end
//! of its instruction (so traces inline it and deoptimization resumes at an instruction
//! boundary). Work the interpreter should not trace through (big-int arithmetic, string
//! methods, dict probes that may run `__eq__`) is a native call ([`Outcome::Native`]).
//! Everything else (small-int and float arithmetic, comparisons, list and tuple indexing,
//! attribute lookups that fold in traces) is written against `Ctx` here, and traced.

use crate::builtins::NativeOp;
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::objects::*;
use crate::{Py, Python};
use metatrace::{Ctx, Red};

/// A native operation's operands: at most a few, so they need no memory of their own.
pub type NativeArgs<C> = smallvec::SmallVec<[<C as metatrace::Reds>::Ref; 4]>;

/// What an operation came to.
pub enum Outcome<C: metatrace::Reds> {
    /// Its result.
    Value(C::Ref),
    /// It raised this exception.
    Raise(C::Ref),
    /// It needs `callable(args...)` called; the call's result is the operation's (or, for
    /// multi-phase instructions, the input of their next phase).
    Call(C::Ref, NativeArgs<C>),
    /// It needs the slow path `op` run on `args` as a native (see `builtins`).
    Native(NativeOp, NativeArgs<C>),
    /// It needs generator `g` resumed with a sent value (see `generators`).
    Resume(C::Ref, C::Ref),
}

/// The operations on objects. See the module docs.
pub trait Space: Sized + 'static {
    /// `a op b` (`inplace`: `a op= b`). `phase` 0 tries `a.__op__`; the interpreter calls it
    /// again with phase 1 and the forward result when that was `NotImplemented`.
    fn binary<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, op: BinOp, a: C::Ref, b: C::Ref) -> Outcome<C>;
    /// `op a`
    fn unary<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, op: UnOp, a: C::Ref) -> Outcome<C>;
    /// `a op b`
    fn compare<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, op: CmpOp, a: C::Ref, b: C::Ref) -> Outcome<C>;
    /// The truth of `a`, if known without calling user code; `None`: call `bool(a)`.
    fn truth<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, a: C::Ref) -> Option<bool>;
    /// `obj.name`
    fn getattr<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> Outcome<C>;
    /// `obj.name` at an instruction with inline cache `site` (see `sites`): the same answer
    /// as `getattr`; a space may use the site to find it faster.
    fn getattr_at<C: Ctx<Py<Self>>>(
        cx: &mut C,
        rt: &Python,
        obj: C::Ref,
        name: &str,
        site: &std::cell::Cell<crate::sites::Site>,
    ) -> Outcome<C> {
        let _ = site;
        Self::getattr(cx, rt, obj, name)
    }
    /// `obj.name = v`
    fn setattr<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str, v: C::Ref) -> Outcome<C>;
    /// `obj.name` when it is a function of `obj`'s class that `obj.name` would bind to `obj`:
    /// that function (the caller passes `obj` itself, and no bound method is made). `None`
    /// when it is anything else or not known cheaply: the caller asks `getattr_at`.
    fn method_at<C: Ctx<Py<Self>>>(
        cx: &mut C,
        rt: &Python,
        obj: C::Ref,
        name: &str,
        site: &std::cell::Cell<crate::sites::Site>,
    ) -> Option<C::Ref> {
        let _ = (cx, rt, obj, name, site);
        None
    }
    /// `obj.name = v` at an instruction with inline cache `site`: the same effect as
    /// `setattr`; a space may use the site to get there faster.
    fn setattr_at<C: Ctx<Py<Self>>>(
        cx: &mut C,
        rt: &Python,
        obj: C::Ref,
        name: &str,
        v: C::Ref,
        site: &std::cell::Cell<crate::sites::Site>,
    ) -> Outcome<C> {
        let _ = site;
        Self::setattr(cx, rt, obj, name, v)
    }
    /// `obj[key]`
    fn getitem<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref, key: C::Ref) -> Outcome<C>;
    /// `obj[key] = v`
    fn setitem<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref, key: C::Ref, v: C::Ref) -> Outcome<C>;
    /// `iter(obj)`
    fn iter<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref) -> Outcome<C>;
    /// `next(it)`: `Ok(Some(v))`, `Ok(None)` when exhausted, or `Err` for anything else.
    fn next<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, it: C::Ref) -> Result<Option<C::Ref>, Outcome<C>>;
}

/// Python's semantics.
pub struct StdSpace;

/// An int object of value `v`: in the interpreter, a shared one for small values (see
/// `Python::small_ints`); while tracing, a new one (a virtual, unless it escapes).
#[inline(always)]
pub fn small_int<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, v: C::Int) -> C::Ref {
    if !cx.we_are_jitted() {
        // (Not jitted: the value is concrete, and promoting it costs nothing.)
        let n = cx.promote_int(v);
        if crate::runtime::SMALL_INTS.contains(&n) {
            let o = rt.small_ints.borrow()[(n - crate::runtime::SMALL_INTS.start()) as usize];
            return cx.const_ref(o);
        }
    }
    int(cx, v)
}

/// A new int object.
#[inline(always)]
pub fn int<S: Space, C: Ctx<Py<S>>>(cx: &mut C, v: C::Int) -> C::Ref {
    let o = cx.new_object(&INT);
    cx.setfield_int(o, &INT_VALUE, v);
    o
}

/// Builtin method number `id` bound to `obj`.
fn builtin_method<S: Space, C: Ctx<Py<S>>>(cx: &mut C, obj: C::Ref, id: usize) -> C::Ref {
    let b = cx.new_object(&BUILTIN);
    let id = cx.int(id as i64);
    cx.setfield_int(b, &BUILTIN_ID, id);
    cx.setfield_ref(b, &BUILTIN_SELF, obj);
    b
}

/// A new float object.
pub fn float<S: Space, C: Ctx<Py<S>>>(cx: &mut C, v: C::Float) -> C::Ref {
    let o = cx.new_object(&FLOAT);
    cx.setfield_float(o, &FLOAT_VALUE, v);
    o
}

/// True or False.
#[inline(always)]
pub fn boolean<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, b: C::Int) -> C::Ref {
    if cx.is_true(b) {
        cx.const_ref(rt.true_.get())
    } else {
        cx.const_ref(rt.false_.get())
    }
}

/// The value of an int or bool (class known to be one of them).
#[inline(always)]
fn small<S: Space, C: Ctx<Py<S>>>(cx: &mut C, class: usize, r: C::Ref) -> C::Int {
    if class == BOOL.class() {
        cx.getfield_int(r, &BOOL_VALUE)
    } else {
        cx.getfield_int(r, &INT_VALUE)
    }
}

#[inline(always)]
fn is_small(class: usize) -> bool {
    class == INT.class() || class == BOOL.class()
}

/// A numeric operand as a float, if it is a float or small int.
fn as_float<S: Space, C: Ctx<Py<S>>>(cx: &mut C, class: usize, r: C::Ref) -> Option<C::Float> {
    if class == FLOAT.class() {
        Some(cx.getfield_float(r, &FLOAT_VALUE))
    } else if is_small(class) {
        let i = small(cx, class, r);
        Some(cx.cast_int_to_float(i))
    } else {
        None
    }
}

/// A float or small int operand as a float, if the float is exactly its value (ints up to
/// 2**53 in magnitude).
#[inline(always)]
fn exact_float<S: Space, C: Ctx<Py<S>>>(cx: &mut C, class: usize, r: C::Ref) -> Option<C::Float> {
    if is_small(class) {
        let i = small(cx, class, r);
        let (lo, hi) = (cx.int(-(1 << 53)), cx.int(1 << 53));
        let above = cx.int_le(lo, i);
        let below = cx.int_le(i, hi);
        let within = cx.int_and(above, below);
        if !cx.is_true(within) {
            return None;
        }
    }
    as_float(cx, class, r)
}

fn int_binary<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    op: BinOp,
    a: C::Ref,
    b: C::Ref,
    x: C::Int,
    y: C::Int,
) -> Outcome<C> {
    let slow = |a, b| Outcome::Native(NativeOp::Binary(op), smallvec::smallvec![a, b]);
    let r = match op {
        BinOp::Add => cx.int_add_ovf(x, y),
        BinOp::Sub => cx.int_sub_ovf(x, y),
        BinOp::Mul => cx.int_mul_ovf(x, y),
        BinOp::FloorDiv | BinOp::Mod => {
            let zero = cx.int(0);
            let yz = cx.int_eq(y, zero);
            let minus1 = cx.int(-1);
            let ym1 = cx.int_eq(y, minus1);
            if cx.is_true(yz) || cx.is_true(ym1) {
                // Division by zero raises; by -1 may overflow: the slow path knows.
                return slow(a, b);
            }
            Some(if op == BinOp::FloorDiv { cx.int_floordiv(x, y) } else { cx.int_mod(x, y) })
        }
        BinOp::And => Some(cx.int_and(x, y)),
        BinOp::Or => Some(cx.int_or(x, y)),
        BinOp::Xor => Some(cx.int_xor(x, y)),
        BinOp::TrueDiv => {
            let zero = cx.int(0);
            let yz = cx.int_eq(y, zero);
            if cx.is_true(yz) {
                return slow(a, b);
            }
            // Exact as floats (|x|, |y| <= 2^53) the quotient rounds once; else the slow path.
            let (bias, limit) = (cx.int(1 << 53), cx.int(1 << 54));
            let (ux, uy) = (cx.int_add(x, bias), cx.int_add(y, bias));
            let both = cx.int_or(ux, uy);
            let exact = cx.uint_lt(both, limit);
            if !cx.is_true(exact) {
                return slow(a, b);
            }
            let (fx, fy) = (cx.cast_int_to_float(x), cx.cast_int_to_float(y));
            let q = cx.float_truediv(fx, fy);
            return Outcome::Value(float(cx, q));
        }
        BinOp::RShift => {
            let (zero, big) = (cx.int(0), cx.int(63));
            let neg = cx.int_lt(y, zero);
            if cx.is_true(neg) {
                return slow(a, b);
            }
            let over = cx_gt(cx, y, big);
            let y = if cx.is_true(over) { big } else { y };
            Some(cx.int_rshift(x, y))
        }
        _ => None,
    };
    match r {
        Some(v) => Outcome::Value(small_int(cx, rt, v)),
        None => slow(a, b),
    }
}

fn cx_gt<S: Space, C: Ctx<Py<S>>>(cx: &mut C, a: C::Int, b: C::Int) -> C::Int {
    cx.int_gt(a, b)
}

fn float_binary<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    op: BinOp,
    a: C::Ref,
    b: C::Ref,
    x: C::Float,
    y: C::Float,
) -> Outcome<C> {
    let r = match op {
        BinOp::Add => cx.float_add(x, y),
        BinOp::Sub => cx.float_sub(x, y),
        BinOp::Mul => cx.float_mul(x, y),
        BinOp::TrueDiv => {
            let zero = cx.float(0.0);
            let yz = cx.float_eq(y, zero);
            if cx.is_true(yz) {
                return Outcome::Native(NativeOp::Binary(op), smallvec::smallvec![a, b]);
            }
            cx.float_truediv(x, y)
        }
        _ => return Outcome::Native(NativeOp::Binary(op), smallvec::smallvec![a, b]),
    };
    Outcome::Value(float(cx, r))
}

impl Space for StdSpace {
    fn binary<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, op: BinOp, a: C::Ref, b: C::Ref) -> Outcome<C> {
        let (ca, cb) = (cx.promote_class(a), cx.promote_class(b));
        if ca == BOOL.class() && cb == BOOL.class() && op.is_bitwise_logic() {
            // `&`, `|` and `^` of two bools give a bool, not an int: rare, so the slow path.
            return Outcome::Native(NativeOp::Binary(op), smallvec::smallvec![a, b]);
        }
        if is_small(ca) && is_small(cb) {
            let (x, y) = (small(cx, ca, a), small(cx, cb, b));
            return int_binary(cx, rt, op, a, b, x, y);
        }
        if (ca == FLOAT.class() || cb == FLOAT.class())
            && (ca == FLOAT.class() || is_small(ca))
            && (cb == FLOAT.class() || is_small(cb))
        {
            let (x, y) = (as_float(cx, ca, a).unwrap(), as_float(cx, cb, b).unwrap());
            return float_binary(cx, op, a, b, x, y);
        }
        if ca == INSTANCE.class() || cb == INSTANCE.class() {
            return crate::classes::binary_dunder(cx, rt, op, a, b, false);
        }
        Outcome::Native(NativeOp::Binary(op), smallvec::smallvec![a, b])
    }

    fn unary<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, op: UnOp, a: C::Ref) -> Outcome<C> {
        let ca = cx.promote_class(a);
        if op == UnOp::Not {
            return match Self::truth(cx, rt, a) {
                Some(t) => Outcome::Value(cx.const_ref(rt.bool_obj(!t))),
                None => Outcome::Native(NativeOp::Unary(op), smallvec::smallvec![a]),
            };
        }
        if is_small(ca) {
            let x = small(cx, ca, a);
            match op {
                UnOp::Neg => {
                    let zero = cx.int(0);
                    if let Some(v) = cx.int_sub_ovf(zero, x) {
                        return Outcome::Value(int(cx, v));
                    }
                }
                UnOp::Pos => return Outcome::Value(int(cx, x)),
                UnOp::Invert => {
                    let v = cx.int_invert(x);
                    return Outcome::Value(int(cx, v));
                }
                UnOp::Not => unreachable!(),
            }
        } else if ca == FLOAT.class() {
            let x = cx.getfield_float(a, &FLOAT_VALUE);
            match op {
                UnOp::Neg => {
                    let v = cx.float_neg(x);
                    return Outcome::Value(float(cx, v));
                }
                UnOp::Pos => return Outcome::Value(a),
                _ => {}
            }
        } else if ca == INSTANCE.class() {
            return crate::classes::unary_dunder(cx, rt, op, a);
        }
        Outcome::Native(NativeOp::Unary(op), smallvec::smallvec![a])
    }

    #[inline]
    fn compare<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, op: CmpOp, a: C::Ref, b: C::Ref) -> Outcome<C> {
        match op {
            CmpOp::Is | CmpOp::IsNot => {
                // Exact ints compare by value (PyPy's rule): the interpreter shares small ints
                // and traces do not, so identity alone would differ between the two. `b`
                // first: it is the constant in `x is None`, whose class needs no guard.
                let same = if cx.promote_class(b) == INT.class() && cx.promote_class(a) == INT.class() {
                    let (x, y) = (cx.getfield_int(a, &INT_VALUE), cx.getfield_int(b, &INT_VALUE));
                    cx.int_eq(x, y)
                } else {
                    cx.ptr_eq(a, b)
                };
                let same = if op == CmpOp::Is { same } else { cx.int_is_zero(same) };
                return Outcome::Value(boolean(cx, rt, same));
            }
            CmpOp::In | CmpOp::NotIn => {
                {
                    if let Some(r) = crate::leaf::contains(cx, a, b) {
                        let r = if op == CmpOp::In { r } else { cx.int_is_zero(r) };
                        return Outcome::Value(boolean(cx, rt, r));
                    }
                }
                return Outcome::Native(NativeOp::Compare(op), smallvec::smallvec![a, b]);
            }
            _ => {}
        }
        let (ca, cb) = (cx.promote_class(a), cx.promote_class(b));
        if is_small(ca) && is_small(cb) {
            let (x, y) = (small(cx, ca, a), small(cx, cb, b));
            let r = match op {
                CmpOp::Lt => cx.int_lt(x, y),
                CmpOp::Le => cx.int_le(x, y),
                CmpOp::Eq => cx.int_eq(x, y),
                CmpOp::Ne => cx.int_ne(x, y),
                CmpOp::Gt => cx.int_gt(x, y),
                CmpOp::Ge => cx.int_ge(x, y),
                _ => unreachable!(),
            };
            return Outcome::Value(boolean(cx, rt, r));
        }
        if (ca == FLOAT.class() || is_small(ca)) && (cb == FLOAT.class() || is_small(cb)) {
            let (Some(x), Some(y)) = (exact_float(cx, ca, a), exact_float(cx, cb, b)) else {
                // An int past 2**53 compares with a float exactly: the natives do it.
                return Outcome::Native(NativeOp::Compare(op), smallvec::smallvec![a, b]);
            };
            let r = match op {
                CmpOp::Lt => cx.float_lt(x, y),
                CmpOp::Le => cx.float_le(x, y),
                CmpOp::Eq => cx.float_eq(x, y),
                CmpOp::Ne => cx.float_ne(x, y),
                CmpOp::Gt => cx.float_gt(x, y),
                CmpOp::Ge => cx.float_ge(x, y),
                _ => unreachable!(),
            };
            return Outcome::Value(boolean(cx, rt, r));
        }
        if ca == INSTANCE.class() || cb == INSTANCE.class() {
            return crate::classes::compare_dunder(cx, rt, op, a, b);
        }
        if ca == STR.class() && cb == STR.class() {
            let r = crate::leaf::compare_strs(cx, op, a, b);
            return Outcome::Value(boolean(cx, rt, r));
        }
        Outcome::Native(NativeOp::Compare(op), smallvec::smallvec![a, b])
    }

    fn truth<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, a: C::Ref) -> Option<bool> {
        let ca = cx.promote_class(a);
        if ca == BOOL.class() {
            let t = cx.const_ref(rt.true_.get());
            let same = cx.ptr_eq(a, t);
            return Some(cx.is_true(same));
        }
        if ca == INT.class() {
            let v = cx.getfield_int(a, &INT_VALUE);
            return Some(cx.is_true(v));
        }
        if ca == NONE.class() {
            return Some(false);
        }
        if ca == LIST.class() {
            let n = cx.getfield_int(a, &LIST_LEN);
            return Some(cx.is_true(n));
        }
        if ca == TUPLE.class() {
            let n = cx.arraylen(a, &TUPLE_ITEMS);
            return Some(cx.is_true(n));
        }
        if ca == FLOAT.class() {
            let v = cx.getfield_float(a, &FLOAT_VALUE);
            let zero = cx.float(0.0);
            let nz = cx.float_ne(v, zero);
            return Some(cx.is_true(nz));
        }
        if ca == FUNCTION.class() || ca == TYPE.class() || ca == BUILTIN.class() || ca == MODULE.class() {
            return Some(true);
        }
        None
    }

    fn getattr<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> Outcome<C> {
        let class = cx.promote_class(obj);
        if class == INSTANCE.class() || class == TYPE.class() {
            return crate::classes::getattr(cx, rt, obj, name);
        }
        if class == MODULE.class() {
            return crate::globals::module_getattr(cx, rt, obj, name);
        }
        if class == SUPER.class() {
            return crate::classes::super_getattr(cx, rt, obj, name);
        }
        if let Some(id) = crate::builtin_methods::method_id(class, name) {
            return Outcome::Value(builtin_method(cx, obj, id));
        }
        let n = crate::strings::str_from(cx, name);
        Outcome::Native(NativeOp::GetAttr, smallvec::smallvec![obj, n])
    }

    #[inline]
    fn getattr_at<C: Ctx<Py<Self>>>(
        cx: &mut C,
        rt: &Python,
        obj: C::Ref,
        name: &str,
        site: &std::cell::Cell<crate::sites::Site>,
    ) -> Outcome<C> {
        if cx.we_are_jitted() {
            return Self::getattr(cx, rt, obj, name);
        }
        let class = cx.promote_class(obj);
        if class == INSTANCE.class() {
            // An instance attribute in a slot, as the site remembers: read here, without the
            // whole of `classes::getattr_at` (which answers the same, and everything else).
            if let crate::attrcache::Resolved::Slot(i) = crate::attrcache::resolve_at(rt, C::address(obj), name, site) {
                let slots = cx.getfield_ref(obj, &INST_SLOTS);
                let k = cx.int(i as i64);
                let v = cx.getarrayitem_ref(slots, k, &REFS_ITEMS);
                if !crate::interp::is_null(cx, v) {
                    return Outcome::Value(v);
                }
            }
            return crate::classes::getattr_at(cx, rt, obj, name, Some(site));
        }
        if class == TYPE.class() || class == MODULE.class() || class == SUPER.class() {
            return Self::getattr(cx, rt, obj, name);
        }
        // A builtin type's method: its number, remembered per class.
        let hit = crate::sites::Site::peek(site, |s| match *s {
            crate::sites::Site::BuiltinMethod { class, id, .. } => Some((class, id)),
            _ => None,
        });
        let id = match hit {
            Some((c, id)) if c == class => Some(id as usize),
            _ => {
                let id = crate::builtin_methods::method_id(class, name);
                if let Some(id) = id {
                    let unbound = crate::builtin_methods::unbound_method(rt, C::address(obj), name, id);
                    site.set(crate::sites::Site::BuiltinMethod { class, id: id as u32, unbound });
                }
                id
            }
        };
        match id {
            Some(id) => Outcome::Value(builtin_method(cx, obj, id)),
            None => Self::getattr(cx, rt, obj, name),
        }
    }

    #[inline]
    fn method_at<C: Ctx<Py<Self>>>(
        cx: &mut C,
        rt: &Python,
        obj: C::Ref,
        name: &str,
        site: &std::cell::Cell<crate::sites::Site>,
    ) -> Option<C::Ref> {
        if cx.we_are_jitted() {
            return None;
        }
        let class = cx.promote_class(obj);
        if class != INSTANCE.class() {
            // A builtin type's method, as `getattr_at` left it in the site: the caller passes
            // the object as its first argument, and no bound method is made.
            let unbound = crate::sites::Site::peek(site, |s| match *s {
                crate::sites::Site::BuiltinMethod { class, unbound, .. } => Some((class, unbound)),
                _ => None,
            });
            return match unbound {
                Some((c, unbound)) if c == class && unbound != 0 => Some(cx.const_ref(unbound)),
                _ => None,
            };
        }
        match crate::attrcache::resolve_at(rt, C::address(obj), name, site) {
            crate::attrcache::Resolved::Method(f) => Some(cx.const_ref(f)),
            _ => None,
        }
    }

    #[inline]
    fn setattr_at<C: Ctx<Py<Self>>>(
        cx: &mut C,
        rt: &Python,
        obj: C::Ref,
        name: &str,
        v: C::Ref,
        site: &std::cell::Cell<crate::sites::Site>,
    ) -> Outcome<C> {
        if !cx.we_are_jitted() && cx.promote_class(obj) == INSTANCE.class() {
            return crate::classes::setattr_at(cx, rt, obj, name, v, Some(site));
        }
        Self::setattr(cx, rt, obj, name, v)
    }

    fn setattr<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str, v: C::Ref) -> Outcome<C> {
        let class = cx.promote_class(obj);
        if class == INSTANCE.class() || class == TYPE.class() {
            return crate::classes::setattr(cx, rt, obj, name, v);
        }
        if class == MODULE.class() {
            crate::globals::store_global(cx, rt, obj, name, v);
            return Outcome::Value(cx.const_ref(rt.none.get()));
        }
        let n = crate::strings::str_from(cx, name);
        Outcome::Native(NativeOp::SetAttr, smallvec::smallvec![obj, n, v])
    }

    fn getitem<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref, key: C::Ref) -> Outcome<C> {
        let (co, ck) = (cx.promote_class(obj), cx.promote_class(key));
        if ck == INT.class() && (co == LIST.class() || co == TUPLE.class()) {
            let i = cx.getfield_int(key, &INT_VALUE);
            let (n, items, d) = if co == LIST.class() {
                (cx.getfield_int(obj, &LIST_LEN), cx.getfield_ref(obj, &LIST_ITEMS), REFS_ITEMS)
            } else {
                (cx.arraylen(obj, &TUPLE_ITEMS), obj, TUPLE_ITEMS)
            };
            let zero = cx.int(0);
            let neg = cx.int_lt(i, zero);
            let i = if cx.is_true(neg) { cx.int_add(i, n) } else { i };
            let ok = cx.uint_lt(i, n);
            if cx.is_true(ok) {
                return Outcome::Value(cx.getarrayitem_ref(items, i, &d));
            }
        } else if co == INSTANCE.class() {
            return crate::classes::call_dunder(cx, rt, obj, "__getitem__", vec![key]);
        } else {
            if let Some(v) = crate::leaf::getitem(cx, rt, obj, key, co, ck) {
                return Outcome::Value(v);
            }
        }
        Outcome::Native(NativeOp::GetItem, smallvec::smallvec![obj, key])
    }

    fn setitem<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref, key: C::Ref, v: C::Ref) -> Outcome<C> {
        let (co, ck) = (cx.promote_class(obj), cx.promote_class(key));
        if ck == INT.class() && co == LIST.class() {
            let i = cx.getfield_int(key, &INT_VALUE);
            let n = cx.getfield_int(obj, &LIST_LEN);
            let zero = cx.int(0);
            let neg = cx.int_lt(i, zero);
            let i = if cx.is_true(neg) { cx.int_add(i, n) } else { i };
            let ok = cx.uint_lt(i, n);
            if cx.is_true(ok) {
                let items = cx.getfield_ref(obj, &LIST_ITEMS);
                cx.setarrayitem_ref(items, i, &REFS_ITEMS, v);
                return Outcome::Value(cx.const_ref(rt.none.get()));
            }
        } else if co == INSTANCE.class() {
            return crate::classes::call_dunder(cx, rt, obj, "__setitem__", vec![key, v]);
        } else if crate::leaf::setitem(cx, obj, key, v, co, ck) {
            return Outcome::Value(cx.const_ref(rt.none.get()));
        }
        Outcome::Native(NativeOp::SetItem, smallvec::smallvec![obj, key, v])
    }

    fn iter<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, obj: C::Ref) -> Outcome<C> {
        let co = cx.promote_class(obj);
        if co == RANGE.class() {
            let it = cx.new_object(&RANGE_ITER);
            let start = cx.getfield_int(obj, &RANGE_START);
            let stop = cx.getfield_int(obj, &RANGE_STOP);
            let step = cx.getfield_int(obj, &RANGE_STEP);
            cx.setfield_int(it, &RITER_NEXT, start);
            cx.setfield_int(it, &RITER_STOP, stop);
            cx.setfield_int(it, &RITER_STEP, step);
            return Outcome::Value(it);
        }
        if co == LIST.class() || co == TUPLE.class() || co == STR.class() {
            let it = cx.new_object(&SEQ_ITER);
            cx.setfield_ref(it, &SITER_SEQ, obj);
            let zero = cx.int(0);
            cx.setfield_int(it, &SITER_INDEX, zero);
            cx.setfield_int(it, &SITER_KIND, zero);
            return Outcome::Value(it);
        }
        if co == RANGE_ITER.class()
            || co == SEQ_ITER.class()
            || co == crate::generators::GENERATOR.class()
            || co == ENUMERATE.class()
            || co == ZIP.class()
            || co == MAP.class()
            || co == FILTER.class()
        {
            return Outcome::Value(obj);
        }
        if co == INSTANCE.class() {
            let t = cx.getfield_ref(obj, &INST_TYPE);
            if crate::classes::lookup_traced(cx, rt, t, "__iter__").is_some() {
                return crate::classes::call_dunder(cx, rt, obj, "__iter__", vec![]);
            }
        }
        Outcome::Native(NativeOp::Iter, smallvec::smallvec![obj])
    }

    fn next<C: Ctx<Py<Self>>>(cx: &mut C, rt: &Python, it: C::Ref) -> Result<Option<C::Ref>, Outcome<C>> {
        let co = cx.promote_class(it);
        if co == RANGE_ITER.class() {
            let next = cx.getfield_int(it, &RITER_NEXT);
            let stop = cx.getfield_int(it, &RITER_STOP);
            let step = cx.getfield_int(it, &RITER_STEP);
            let zero = cx.int(0);
            let up = cx.int_gt(step, zero);
            let more = if cx.is_true(up) { cx.int_lt(next, stop) } else { cx.int_gt(next, stop) };
            if !cx.is_true(more) {
                return Ok(None);
            }
            // (A step past 64 bits is past the stop.)
            let after = cx.int_add_ovf(next, step).unwrap_or(stop);
            cx.setfield_int(it, &RITER_NEXT, after);
            return Ok(Some(small_int(cx, rt, next)));
        }
        if co == SEQ_ITER.class() {
            let seq = cx.getfield_ref(it, &SITER_SEQ);
            let cs = cx.promote_class(seq);
            let i = cx.getfield_int(it, &SITER_INDEX);
            if cs == LIST.class() || cs == TUPLE.class() {
                let (n, items, d) = if cs == LIST.class() {
                    (cx.getfield_int(seq, &LIST_LEN), cx.getfield_ref(seq, &LIST_ITEMS), REFS_ITEMS)
                } else {
                    (cx.arraylen(seq, &TUPLE_ITEMS), seq, TUPLE_ITEMS)
                };
                let more = cx.int_lt(i, n);
                if !cx.is_true(more) {
                    return Ok(None);
                }
                let one = cx.int(1);
                let after = cx.int_add(i, one);
                cx.setfield_int(it, &SITER_INDEX, after);
                return Ok(Some(cx.getarrayitem_ref(items, i, &d)));
            }
            if cs == STR.class() {
                if let Some(c) = crate::leaf::str_next(cx, rt, seq, i) {
                    if c.is_some() {
                        let one = cx.int(1);
                        let after = cx.int_add(i, one);
                        cx.setfield_int(it, &SITER_INDEX, after);
                    }
                    return Ok(c);
                }
            }
        }
        if co == crate::generators::GENERATOR.class() {
            let none = cx.const_ref(rt.none.get());
            return Err(Outcome::Resume(it, none));
        }
        if co == INSTANCE.class() {
            return Err(crate::classes::call_dunder(cx, rt, it, "__next__", vec![]));
        }
        Err(Outcome::Native(NativeOp::Next, smallvec::smallvec![it]))
    }
}

/// A red reference as a `Red`.
pub fn r<C: metatrace::Reds>(x: C::Ref) -> Red<C> {
    Red::Ref(x)
}
