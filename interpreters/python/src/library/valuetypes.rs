//! The constructors and special methods of the builtin value types (`int.__new__`,
//! `list.__init__`, `int.__add__`, `float.__eq__`, `list.__getitem__`, `dict.__or__`, ...) as
//! callable methods: `(7).__add__(3)`, `int.__eq__(1, 1)`, and the methods a subclass of a
//! builtin type inherits (see `boxed`). Each is the object space's own operation on the
//! values; the binary ones return NotImplemented for operands the type does not combine with,
//! as CPython's do. `self` arrives unboxed (see `boxed::method_self`); other operands are
//! unboxed here.

use super::textargs::{none, one};
use super::*;
use crate::boxed::{boxed, new_class_arg, unbox};
use crate::bytecode::{BinOp, CmpOp, UnOp};

rows! {
    "int.__new__" => vnew_int, "float.__new__" => vnew_float, "complex.__new__" => vnew_complex,
    "str.__new__" => vnew_str, "bytes.__new__" => vnew_bytes, "bytearray.__new__" => vnew_bytearray,
    "tuple.__new__" => vnew_tuple, "frozenset.__new__" => vnew_frozenset, "list.__new__" => vnew_list,
    "dict.__new__" => vnew_dict, "set.__new__" => vnew_set, "list.__init__" => init_list,
    "dict.__init__" => init_dict, "set.__init__" => init_set, "int.__add__" => v_add, "float.__add__" => v_add,
    "complex.__add__" => v_add, "int.__radd__" => v_radd, "float.__radd__" => v_radd, "complex.__radd__" => v_radd,
    "int.__sub__" => v_sub, "float.__sub__" => v_sub, "complex.__sub__" => v_sub, "int.__rsub__" => v_rsub,
    "float.__rsub__" => v_rsub, "complex.__rsub__" => v_rsub, "int.__mul__" => v_mul, "float.__mul__" => v_mul,
    "complex.__mul__" => v_mul, "int.__rmul__" => v_rmul, "float.__rmul__" => v_rmul, "complex.__rmul__" => v_rmul,
    "int.__truediv__" => v_truediv, "float.__truediv__" => v_truediv, "complex.__truediv__" => v_truediv,
    "int.__rtruediv__" => v_rtruediv, "float.__rtruediv__" => v_rtruediv, "complex.__rtruediv__" => v_rtruediv,
    "int.__floordiv__" => v_floordiv, "float.__floordiv__" => v_floordiv, "int.__rfloordiv__" => v_rfloordiv,
    "float.__rfloordiv__" => v_rfloordiv, "int.__mod__" => v_mod, "float.__mod__" => v_mod,
    "int.__rmod__" => v_rmod, "float.__rmod__" => v_rmod, "int.__pow__" => v_pow, "float.__pow__" => v_pow,
    "complex.__pow__" => v_pow, "int.__rpow__" => v_rpow, "float.__rpow__" => v_rpow, "complex.__rpow__" => v_rpow,
    "int.__lshift__" => v_lshift, "int.__rlshift__" => v_rlshift, "int.__rshift__" => v_rshift,
    "int.__rrshift__" => v_rrshift, "int.__and__" => v_and, "int.__rand__" => v_rand, "int.__or__" => v_or,
    "int.__ror__" => v_ror, "int.__xor__" => v_xor, "int.__rxor__" => v_rxor, "int.__divmod__" => v_divmod,
    "float.__divmod__" => v_divmod, "int.__rdivmod__" => v_rdivmod, "float.__rdivmod__" => v_rdivmod,
    "set.__and__" => v_and, "frozenset.__and__" => v_and, "set.__rand__" => v_rand, "frozenset.__rand__" => v_rand,
    "set.__iand__" => v_iand, "set.__or__" => v_or, "frozenset.__or__" => v_or, "set.__ror__" => v_ror,
    "frozenset.__ror__" => v_ror, "set.__ior__" => v_ior, "set.__xor__" => v_xor, "frozenset.__xor__" => v_xor,
    "set.__rxor__" => v_rxor, "frozenset.__rxor__" => v_rxor, "set.__ixor__" => v_ixor, "set.__sub__" => v_sub,
    "frozenset.__sub__" => v_sub, "set.__rsub__" => v_rsub, "frozenset.__rsub__" => v_rsub,
    "set.__isub__" => v_isub, "dict.__or__" => v_or, "dict.__ror__" => v_ror, "dict.__ior__" => v_ior,
    "list.__add__" => v_add, "tuple.__add__" => v_add, "list.__mul__" => v_mul, "tuple.__mul__" => v_mul,
    "list.__rmul__" => v_rmul, "tuple.__rmul__" => v_rmul, "list.__iadd__" => v_iadd, "list.__imul__" => v_imul,
    "bytearray.__imul__" => v_imul, "int.__eq__" => v_eq, "float.__eq__" => v_eq, "complex.__eq__" => v_eq,
    "list.__eq__" => v_eq, "tuple.__eq__" => v_eq, "dict.__eq__" => v_eq, "set.__eq__" => v_eq,
    "frozenset.__eq__" => v_eq, "range.__eq__" => v_eq, "int.__ne__" => v_ne, "float.__ne__" => v_ne,
    "complex.__ne__" => v_ne, "list.__ne__" => v_ne, "tuple.__ne__" => v_ne, "dict.__ne__" => v_ne,
    "set.__ne__" => v_ne, "frozenset.__ne__" => v_ne, "range.__ne__" => v_ne, "int.__lt__" => v_lt,
    "float.__lt__" => v_lt, "complex.__lt__" => v_lt, "list.__lt__" => v_lt, "tuple.__lt__" => v_lt,
    "dict.__lt__" => v_lt, "set.__lt__" => v_lt, "frozenset.__lt__" => v_lt, "range.__lt__" => v_lt,
    "int.__le__" => v_le, "float.__le__" => v_le, "complex.__le__" => v_le, "list.__le__" => v_le,
    "tuple.__le__" => v_le, "dict.__le__" => v_le, "set.__le__" => v_le, "frozenset.__le__" => v_le,
    "range.__le__" => v_le, "int.__gt__" => v_gt, "float.__gt__" => v_gt, "complex.__gt__" => v_gt,
    "list.__gt__" => v_gt, "tuple.__gt__" => v_gt, "dict.__gt__" => v_gt, "set.__gt__" => v_gt,
    "frozenset.__gt__" => v_gt, "range.__gt__" => v_gt, "int.__ge__" => v_ge, "float.__ge__" => v_ge,
    "complex.__ge__" => v_ge, "list.__ge__" => v_ge, "tuple.__ge__" => v_ge, "dict.__ge__" => v_ge,
    "set.__ge__" => v_ge, "frozenset.__ge__" => v_ge, "range.__ge__" => v_ge, "int.__neg__" => v_neg,
    "float.__neg__" => v_neg, "complex.__neg__" => v_neg, "int.__pos__" => v_pos, "float.__pos__" => v_pos,
    "complex.__pos__" => v_pos, "int.__abs__" => v_abs, "float.__abs__" => v_abs, "complex.__abs__" => v_abs,
    "int.__invert__" => v_invert, "int.__repr__" => v_repr, "float.__repr__" => v_repr,
    "complex.__repr__" => v_repr, "list.__repr__" => v_repr, "tuple.__repr__" => v_repr, "dict.__repr__" => v_repr,
    "set.__repr__" => v_repr, "frozenset.__repr__" => v_repr, "range.__repr__" => v_repr, "int.__bool__" => v_bool,
    "float.__bool__" => v_bool, "complex.__bool__" => v_bool, "range.__bool__" => v_bool, "int.__hash__" => v_hash,
    "float.__hash__" => v_hash, "complex.__hash__" => v_hash, "tuple.__hash__" => v_hash,
    "frozenset.__hash__" => v_hash, "range.__hash__" => v_hash, "int.__format__" => v_format,
    "float.__format__" => v_format, "complex.__format__" => v_format, "int.__int__" => v_int,
    "float.__int__" => v_int, "int.__float__" => v_float, "float.__float__" => v_float, "int.__index__" => v_index,
    "int.__trunc__" => v_trunc, "float.__trunc__" => v_trunc, "int.__floor__" => v_floor,
    "float.__floor__" => v_floor, "int.__ceil__" => v_ceil, "float.__ceil__" => v_ceil, "int.__round__" => v_round,
    "float.__round__" => v_round, "int.__getnewargs__" => v_getnewargs, "float.__getnewargs__" => v_getnewargs,
    "complex.__getnewargs__" => v_getnewargs, "str.__getnewargs__" => v_getnewargs,
    "bytes.__getnewargs__" => v_getnewargs, "tuple.__getnewargs__" => v_getnewargs, "list.__len__" => v_len,
    "tuple.__len__" => v_len, "dict.__len__" => v_len, "range.__len__" => v_len, "list.__iter__" => v_iter,
    "tuple.__iter__" => v_iter, "set.__iter__" => v_iter, "frozenset.__iter__" => v_iter,
    "range.__iter__" => v_iter, "dict.__iter__" => v_iter, "list.__contains__" => v_contains,
    "tuple.__contains__" => v_contains, "dict.__contains__" => v_contains, "range.__contains__" => v_contains,
    "list.__getitem__" => v_getitem, "tuple.__getitem__" => v_getitem, "range.__getitem__" => v_getitem,
    "list.__setitem__" => v_setitem, "list.__delitem__" => v_delitem, "list.__reversed__" => v_reversed,
    "dict.__reversed__" => v_reversed, "range.__reversed__" => v_reversed,
    "memoryview.__len__" => v_len, "memoryview.__iter__" => v_iter, "memoryview.__getitem__" => v_getitem,
    "memoryview.__setitem__" => v_setitem, "memoryview.__delitem__" => v_delitem, "memoryview.__repr__" => v_repr,
    "memoryview.__hash__" => v_hash, "memoryview.__eq__" => v_eq, "memoryview.__ne__" => v_ne,
}

/// Defines builtin methods: `name(cx, rt, self, args, kw) { body }`.
macro_rules! methods {
    ($($f:ident($cx:ident, $rt:ident, $me:ident, $args:ident, $kw:ident) $body:block)*) => {
        $(pub(super) fn $f<S: Space>(
            $cx: &mut Cx<'_, S>,
            $rt: &Python,
            t: Option<usize>,
            $args: &[usize],
            $kw: Kw<'_>,
        ) -> PyResult {
            let $me = this(t);
            $body
        })*
    };
}

/// The numeric tower rank of a value (1 int or bool, 2 float, 3 complex; 0 not a number): a
/// number's binary special methods take numbers of its rank or lower.
fn rank(o: usize) -> u8 {
    if is(o, &INT) || is(o, &BIGINT) || is(o, &BOOL) {
        1
    } else if is(o, &FLOAT) {
        2
    } else if crate::complex::is_complex(o) {
        3
    } else {
        0
    }
}

/// Calls builtin function `name` (not a method) from Rust.
fn call_named<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str, args: &[usize]) -> PyResult {
    let id = crate::library::NAMES.iter().position(|n| *n == name).expect("a builtin");
    (table::<S>()[id])(cx, rt, None, args, &[])
}

/// The qualified name of special method `name` of `o`'s type.
fn qual(rt: &Python, o: usize, name: &str) -> String {
    format!("{}.{name}", b::type_name(rt, o))
}

/// Whether `x` may be the count of a sequence repetition.
fn is_index(rt: &Python, x: usize) -> bool {
    rank(x) == 1 || is(x, &INSTANCE) && classes::special(rt, b::peek_type(rt, x), "__index__").is_some()
}

/// `me op other` (`rev`: `other op me`) for a binary special method of `me`'s type.
fn binary_method<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    me: usize,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    op: BinOp,
    rev: bool,
) -> PyResult {
    let notimpl = Ok(rt.notimpl.get());
    let (o, modulo) = if op == BinOp::Pow && args.len() == 2 && kw.is_empty() {
        (args[0], Some(args[1]))
    } else {
        (one(cx, rt, &qual(rt, me, name), args, kw)?, None)
    };
    let x = unbox(o);
    let (a, b_) = if rev { (x, me) } else { (me, x) };
    if rank(me) > 0 {
        if rank(x) == 0 || rank(x) > rank(me) {
            return notimpl;
        }
        if let Some(m) = modulo {
            return call_named(cx, rt, "pow", &[a, b_, m]);
        }
        return b::binary(cx, rt, op, a, b_);
    }
    if crate::sets::is_any(me) {
        return if crate::sets::is_any(x) { b::binary(cx, rt, op, a, b_) } else { notimpl };
    }
    if dict::is_dict(me) {
        return if dict::is_dict(x) { b::binary(cx, rt, op, a, b_) } else { notimpl };
    }
    if op == BinOp::Add {
        if layout_of(x) != layout_of(me) {
            let msg = crate::errors::sequence_type_error(rt, op, me, o).unwrap_or_default();
            return err(cx, rt, "TypeError", &msg);
        }
        return b::binary(cx, rt, op, me, x);
    }
    if op == BinOp::Mul && is_index(rt, x) {
        return b::binary(cx, rt, op, me, x);
    }
    notimpl
}

/// `me op= other` in place, for the mutable types: `me`, or NotImplemented.
fn inplace_method<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    me: usize,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    op: BinOp,
) -> PyResult {
    let o = one(cx, rt, &qual(rt, me, name), args, kw)?;
    let x = unbox(o);
    if is(me, &LIST) || is(me, &crate::bytes::BYTEARRAY) {
        if op == BinOp::Mul && !is_index(rt, x) {
            return Ok(rt.notimpl.get());
        }
        return b::run_op(cx, rt, b::NativeOp::InplaceList, me, x, 0);
    }
    let fits = if dict::is_dict(me) { dict::is_dict(x) } else { crate::sets::is_any(x) };
    if !fits {
        return Ok(rt.notimpl.get());
    }
    b::run_op(cx, rt, b::NativeOp::Inplace(op), me, x, 0)
}

/// `me op other` for a comparison special method: NotImplemented for operands of other types
/// (and for the orderings of unordered types).
fn compare_method<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    me: usize,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    op: CmpOp,
) -> PyResult {
    let o = one(cx, rt, &qual(rt, me, name), args, kw)?;
    let x = unbox(o);
    let equality = matches!(op, CmpOp::Eq | CmpOp::Ne);
    let fits = match rank(me) {
        0 if crate::sets::is_any(me) => crate::sets::is_any(x),
        0 if dict::is_dict(me) => equality && dict::is_dict(x),
        0 if crate::ranges::is_range(me) => equality && crate::ranges::is_range(x),
        0 if crate::memview::is_view(me) => equality && (crate::memview::is_view(x) || crate::bytes::is_binary(x)),
        0 => layout_of(x) == layout_of(me),
        3 => equality && rank(x) > 0,
        r => rank(x) > 0 && rank(x) <= r,
    };
    if !fits {
        return Ok(rt.notimpl.get());
    }
    b::compare(cx, rt, op, me, x)
}

/// Defines the binary special methods: `fn(name, op, reflected)`.
macro_rules! binaries {
    ($($f:ident $name:literal $op:ident $rev:literal,)*) => {
        $(pub(super) fn $f<S: Space>(
            cx: &mut Cx<'_, S>,
            rt: &Python,
            t: Option<usize>,
            args: &[usize],
            kw: Kw<'_>,
        ) -> PyResult {
            binary_method(cx, rt, this(t), args, kw, $name, BinOp::$op, $rev)
        })*
    };
}
binaries! {
    v_add "__add__" Add false, v_radd "__radd__" Add true,
    v_sub "__sub__" Sub false, v_rsub "__rsub__" Sub true,
    v_mul "__mul__" Mul false, v_rmul "__rmul__" Mul true,
    v_truediv "__truediv__" TrueDiv false, v_rtruediv "__rtruediv__" TrueDiv true,
    v_floordiv "__floordiv__" FloorDiv false, v_rfloordiv "__rfloordiv__" FloorDiv true,
    v_mod "__mod__" Mod false, v_rmod "__rmod__" Mod true,
    v_pow "__pow__" Pow false, v_rpow "__rpow__" Pow true,
    v_lshift "__lshift__" LShift false, v_rlshift "__rlshift__" LShift true,
    v_rshift "__rshift__" RShift false, v_rrshift "__rrshift__" RShift true,
    v_and "__and__" And false, v_rand "__rand__" And true,
    v_or "__or__" Or false, v_ror "__ror__" Or true,
    v_xor "__xor__" Xor false, v_rxor "__rxor__" Xor true,
}

/// Defines the in-place special methods.
macro_rules! inplaces {
    ($($f:ident $name:literal $op:ident,)*) => {
        $(pub(super) fn $f<S: Space>(
            cx: &mut Cx<'_, S>,
            rt: &Python,
            t: Option<usize>,
            args: &[usize],
            kw: Kw<'_>,
        ) -> PyResult {
            inplace_method(cx, rt, this(t), args, kw, $name, BinOp::$op)
        })*
    };
}
inplaces! {
    v_iadd "__iadd__" Add, v_imul "__imul__" Mul, v_ior "__ior__" Or, v_iand "__iand__" And,
    v_ixor "__ixor__" Xor, v_isub "__isub__" Sub,
}

/// Defines the comparison special methods.
macro_rules! comparisons {
    ($($f:ident $name:literal $op:ident,)*) => {
        $(pub(super) fn $f<S: Space>(
            cx: &mut Cx<'_, S>,
            rt: &Python,
            t: Option<usize>,
            args: &[usize],
            kw: Kw<'_>,
        ) -> PyResult {
            compare_method(cx, rt, this(t), args, kw, $name, CmpOp::$op)
        })*
    };
}
comparisons! {
    v_eq "__eq__" Eq, v_ne "__ne__" Ne, v_lt "__lt__" Lt, v_le "__le__" Le, v_gt "__gt__" Gt,
    v_ge "__ge__" Ge,
}

/// `divmod(a, b)` as a special method of `me` (`rev`: `divmod(other, me)`).
fn divmod_method<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    me: usize,
    args: &[usize],
    kw: Kw<'_>,
    rev: bool,
) -> PyResult {
    let name = if rev { "__rdivmod__" } else { "__divmod__" };
    let x = unbox(one(cx, rt, &qual(rt, me, name), args, kw)?);
    if rank(x) == 0 || rank(x) > rank(me) {
        return Ok(rt.notimpl.get());
    }
    let (a, b_) = if rev { (x, me) } else { (me, x) };
    call_named(cx, rt, "divmod", &[a, b_])
}

/// A special method of no arguments: `f(cx, rt, self)` after checking there are none.
fn nullary<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    me: usize,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    f: impl FnOnce(&mut Cx<'_, S>, &Python, usize) -> PyResult,
) -> PyResult {
    none(cx, rt, &qual(rt, me, name), args, kw)?;
    f(cx, rt, me)
}

fn unary_op<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, me: usize, op: UnOp) -> PyResult {
    crate::numbers::unary(cx, rt, op, me)
}

/// `T.__new__(cls, ...)` for an immutable type `T` (`what`): the value `make` builds from the
/// arguments, boxed when `cls` is a subclass.
fn new_value<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
    what: &str,
    make: impl FnOnce(&mut Cx<'_, S>, &Python, &[usize], Kw<'_>) -> PyResult,
) -> PyResult {
    let Some(cls) = t else {
        return err(cx, rt, "TypeError", &format!("{what}.__new__(): not enough arguments"));
    };
    let cls = new_class_arg(cx, rt, cls, what)?;
    let v = make(cx, rt, args, kw)?;
    Ok(boxed(cx, rt, cls, v))
}

methods! {
    v_divmod(cx, rt, me, args, kw) { divmod_method(cx, rt, me, args, kw, false) }
    v_rdivmod(cx, rt, me, args, kw) { divmod_method(cx, rt, me, args, kw, true) }
    v_neg(cx, rt, me, args, kw) { nullary(cx, rt, me, args, kw, "__neg__", |cx, rt, me| unary_op(cx, rt, me, UnOp::Neg)) }
    v_pos(cx, rt, me, args, kw) { nullary(cx, rt, me, args, kw, "__pos__", |cx, rt, me| unary_op(cx, rt, me, UnOp::Pos)) }
    v_invert(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__invert__", |cx, rt, me| unary_op(cx, rt, me, UnOp::Invert))
    }
    v_abs(cx, rt, me, args, kw) { nullary(cx, rt, me, args, kw, "__abs__", |cx, rt, me| call_named(cx, rt, "abs", &[me])) }
    v_repr(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__repr__", |cx, rt, me| {
            let r = to_repr(cx, rt, me)?;
            s(cx, &r)
        })
    }
    v_bool(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__bool__", |cx, rt, me| Ok(rt.bool_obj(truth(cx, rt, me)?)))
    }
    v_hash(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__hash__", |cx, rt, me| {
            let h = b::hash(cx, rt, me)?;
            Ok(new_int(cx.heap_mut(), h))
        })
    }
    v_format(cx, rt, me, args, kw) {
        let spec = one(cx, rt, &qual(rt, me, "__format__"), args, kw)?;
        if !is(spec, &STR) {
            let msg = format!("__format__() argument must be str, not {}", b::type_name(rt, spec));
            return err(cx, rt, "TypeError", &msg);
        }
        let r = crate::format::format(cx, rt, me, text(spec))?;
        s(cx, &r)
    }
    v_int(cx, rt, me, args, kw) { nullary(cx, rt, me, args, kw, "__int__", |cx, rt, me| make_int(cx, rt, &[me], &[])) }
    v_index(cx, rt, me, args, kw) { nullary(cx, rt, me, args, kw, "__index__", |cx, rt, me| make_int(cx, rt, &[me], &[])) }
    v_float(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__float__", |cx, rt, me| make_float(cx, rt, &[me], &[]))
    }
    v_trunc(cx, rt, me, args, kw) { nullary(cx, rt, me, args, kw, "__trunc__", |cx, rt, me| make_int(cx, rt, &[me], &[])) }
    v_floor(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__floor__", |cx, rt, me| call_named(cx, rt, "math.floor", &[me]))
    }
    v_ceil(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__ceil__", |cx, rt, me| call_named(cx, rt, "math.ceil", &[me]))
    }
    v_round(cx, rt, me, args, kw) {
        if !kw.is_empty() || args.len() > 1 {
            let msg = format!("__round__ expected at most 1 argument, got {}", args.len() + kw.len());
            return err(cx, rt, "TypeError", &msg);
        }
        let mut all = vec![me];
        all.extend_from_slice(args);
        call_named(cx, rt, "round", &all)
    }
    v_getnewargs(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__getnewargs__", |cx, _, me| {
            let v = if is(me, &TUPLE) { crate::runtime::new_tuple(cx.heap_mut(), &tuple_items(me)) } else { me };
            Ok(new_tuple(cx.heap_mut(), &[v]))
        })
    }
    v_len(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__len__", |cx, rt, me| {
            let n = b::len(cx, rt, me)?;
            Ok(new_int(cx.heap_mut(), n as i64))
        })
    }
    v_iter(cx, rt, me, args, kw) { nullary(cx, rt, me, args, kw, "__iter__", |cx, rt, me| b::iter(cx, rt, me)) }
    v_reversed(cx, rt, me, args, kw) {
        nullary(cx, rt, me, args, kw, "__reversed__", |cx, rt, me| call_named(cx, rt, "reversed", &[me]))
    }
    v_contains(cx, rt, me, args, kw) {
        let x = one(cx, rt, &qual(rt, me, "__contains__"), args, kw)?;
        Ok(rt.bool_obj(b::contains(cx, rt, me, x)?))
    }
    v_getitem(cx, rt, me, args, kw) {
        let k = one(cx, rt, &qual(rt, me, "__getitem__"), args, kw)?;
        crate::types::getitem(cx, rt, me, k)
    }
    v_setitem(cx, rt, me, args, kw) {
        let [k, v] = args[..] else {
            let msg = format!("expected 2 arguments, got {}", args.len());
            return err(cx, rt, "TypeError", &msg);
        };
        let _ = kw;
        crate::types::setitem(cx, rt, me, k, v)?;
        Ok(rt.none.get())
    }
    v_delitem(cx, rt, me, args, kw) {
        let k = one(cx, rt, &qual(rt, me, "__delitem__"), args, kw)?;
        crate::types::delitem(cx, rt, me, k)?;
        Ok(rt.none.get())
    }
}

/// Defines `T.__new__` for the immutable types: `fn name make`.
macro_rules! constructors {
    ($($f:ident $what:literal $make:expr,)*) => {
        $(pub(super) fn $f<S: Space>(
            cx: &mut Cx<'_, S>,
            rt: &Python,
            t: Option<usize>,
            args: &[usize],
            kw: Kw<'_>,
        ) -> PyResult {
            new_value(cx, rt, t, args, kw, $what, $make)
        })*
    };
}
constructors! {
    vnew_int "int" |cx, rt, args, kw| make_int(cx, rt, args, kw),
    vnew_float "float" |cx, rt, args, kw| make_float(cx, rt, args, kw),
    vnew_complex "complex" |cx, rt, args, kw| crate::complex::make(cx, rt, args, kw),
    vnew_str "str" |cx, rt, args, kw| crate::bytes::make_str(cx, rt, args, kw),
    vnew_bytes "bytes" |cx, rt, args, kw| crate::bytes::construct(cx, rt, false, args, kw),
    vnew_bytearray "bytearray" |cx, rt, args, kw| crate::bytes::construct(cx, rt, true, args, kw),
    vnew_frozenset "frozenset" |cx, rt, args, kw| crate::sets::construct(cx, rt, "frozenset", args, kw),
    vnew_tuple "tuple" |cx, rt, args, kw| {
        one_iterable(cx, rt, "tuple", args, kw)?;
        let items = match args.first() {
            Some(&v) => collect(cx, rt, v)?,
            None => Vec::new(),
        };
        Ok(new_tuple(cx.heap_mut(), &items))
    },
    vnew_list "list" |cx, _, _, _| Ok(new_list(cx.heap_mut(), &[])),
    vnew_dict "dict" |cx, _, _, _| Ok(dict::new_dict(cx.heap_mut())),
    vnew_set "set" |cx, rt, _, _| crate::sets::make(cx, rt, false, None),
}

/// Checks the arguments of a constructor taking at most one iterable and no keywords.
fn one_iterable<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    what: &str,
    args: &[usize],
    kw: Kw<'_>,
) -> Result<(), usize> {
    if !kw.is_empty() {
        return err(cx, rt, "TypeError", &format!("{what}() takes no keyword arguments")).map(|_| ());
    }
    if args.len() > 1 {
        let msg = format!("{what} expected at most 1 argument, got {}", args.len());
        return err(cx, rt, "TypeError", &msg).map(|_| ());
    }
    Ok(())
}

methods! {
    init_list(cx, rt, me, args, kw) {
        one_iterable(cx, rt, "list", args, kw)?;
        let items = match args.first() {
            Some(&v) => collect(cx, rt, v)?,
            None => Vec::new(),
        };
        crate::types::replace_list(cx, me, &items);
        Ok(rt.none.get())
    }
    init_set(cx, rt, me, args, kw) {
        one_iterable(cx, rt, "set", args, kw)?;
        crate::sets::clear(cx.heap_mut(), me);
        if let Some(&v) = args.first() {
            crate::sets::update(cx, rt, me, v)?;
        }
        Ok(rt.none.get())
    }
    init_dict(cx, rt, me, args, kw) {
        if args.len() > 1 {
            let msg = format!("dict expected at most 1 argument, got {}", args.len());
            return err(cx, rt, "TypeError", &msg);
        }
        call_method_of(cx, rt, me, "dict.update", args)?;
        for (k, v) in kw {
            let k = new_str(cx.heap_mut(), k);
            dict::set(cx, rt, me, k, *v)?;
        }
        Ok(rt.none.get())
    }
}
