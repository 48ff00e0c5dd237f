//! The methods of `object` and `type`: the defaults every class inherits (`__init__`,
//! `__new__`, `__setattr__`, `__eq__`, ...) and the class machinery (`type.__new__`,
//! `type.__call__`, `mro`, `__subclasses__`, the isinstance hooks).

use super::{arg, this, BuiltinFn, Cx, Kw};
use crate::builtins::{self as b, call_value, err, text, PyResult};
use crate::classes;
use crate::objects::*;
use crate::runtime::{new_int, new_list, new_str};
use crate::space::Space;
use crate::Python;

rows! {
    "object.__init__" => object_init,
    "object.__new__" => object_new,
    "object.__setattr__" => object_setattr,
    "object.__getattribute__" => object_getattribute,
    "object.__delattr__" => object_delattr,
    "object.__init_subclass__" => object_init_subclass,
    "object.__subclasshook__" => object_subclasshook,
    "object.__eq__" => object_eq,
    "object.__ne__" => object_ne,
    "object.__lt__" => object_notimpl,
    "object.__le__" => object_notimpl,
    "object.__gt__" => object_notimpl,
    "object.__ge__" => object_notimpl,
    "object.__hash__" => object_hash,
    "object.__repr__" => object_repr,
    "object.__str__" => object_str,
    "object.__format__" => object_format,
    "object.__dir__" => object_dir,
    "object.__sizeof__" => object_sizeof,
    "object.__getstate__" => object_getstate,
    "object.__reduce__" => object_reduce,
    "object.__reduce_ex__" => object_reduce,
    "type.__new__" => type_new,
    "type.__init__" => type_init,
    "type.__call__" => type_call,
    "type.__prepare__" => type_prepare,
    "type.mro" => type_mro,
    "type.__subclasses__" => type_subclasses,
    "type.__instancecheck__" => type_instancecheck,
    "type.__subclasscheck__" => type_subclasscheck,
    "function.__call__" => function_call,
    "builtin_function_or_method.__call__" => function_call,
    "method.__call__" => function_call,
    "list.__class_getitem__" => class_getitem,
    "dict.__class_getitem__" => class_getitem,
    "tuple.__class_getitem__" => class_getitem,
    "set.__class_getitem__" => class_getitem,
    "frozenset.__class_getitem__" => class_getitem,
    "enumerate.__class_getitem__" => class_getitem,
}

fn name_arg<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    k: usize,
    f: &str,
) -> Result<&'static str, usize> {
    let n = arg(cx, rt, args, k, f)?;
    if !is(n, &STR) {
        let msg = format!("attribute name must be string, not '{}'", b::type_name(rt, n));
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    }
    Ok(text(n))
}

pub(super) fn object_init<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    crate::typeobj::object_init(cx, rt, this(t), args, kw)
}

pub(super) fn object_new<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    crate::typeobj::object_new(cx, rt, this(t), args, kw)
}

pub(super) fn object_setattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let name = name_arg(cx, rt, args, 0, "__setattr__")?;
    let v = arg(cx, rt, args, 1, "__setattr__")?;
    crate::attrs::generic_setattr(cx, rt, this(t), name, v)?;
    Ok(rt.none.get())
}

pub(super) fn object_getattribute<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let name = name_arg(cx, rt, args, 0, "__getattribute__")?;
    crate::attrs::generic_getattr(cx, rt, this(t), name)
}

pub(super) fn object_delattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let name = name_arg(cx, rt, args, 0, "__delattr__")?;
    crate::attrs::generic_delattr(cx, rt, this(t), name)?;
    Ok(rt.none.get())
}

pub(super) fn object_init_subclass<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let cls = this(t);
    if !kw.is_empty() {
        let msg = format!("{}.__init_subclass__() takes no keyword arguments", classes::type_name(rt, cls));
        return err(cx, rt, "TypeError", &msg);
    }
    if !args.is_empty() {
        let msg =
            format!("{}.__init_subclass__() takes no arguments ({} given)", classes::type_name(rt, cls), args.len());
        return err(cx, rt, "TypeError", &msg);
    }
    Ok(rt.none.get())
}

pub(super) fn object_subclasshook<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(rt.notimpl.get())
}

pub(super) fn object_eq<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let other = arg(cx, rt, args, 0, "__eq__")?;
    Ok(if this(t) == other { rt.true_.get() } else { rt.notimpl.get() })
}

pub(super) fn object_ne<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let other = arg(cx, rt, args, 0, "__ne__")?;
    let r = crate::compare::slot_call(cx, rt, this(t), "__eq__", other)?;
    if r == rt.notimpl.get() {
        return Ok(r);
    }
    Ok(rt.bool_obj(!b::truth(cx, rt, r)?))
}

pub(super) fn object_notimpl<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(rt.notimpl.get())
}

pub(super) fn object_hash<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_int(cx.heap_mut(), (this(t) >> 4) as i64))
}

pub(super) fn object_repr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = b::default_repr(cx, rt, this(t))?;
    Ok(new_str(cx.heap_mut(), &s))
}

pub(super) fn object_str<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = b::to_repr(cx, rt, this(t))?;
    Ok(new_str(cx.heap_mut(), &s))
}

pub(super) fn object_format<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let spec = arg(cx, rt, args, 0, "__format__")?;
    if is(spec, &STR) && !text(spec).is_empty() {
        let msg = format!("unsupported format string passed to {}.__format__", b::type_name(rt, this(t)));
        return err(cx, rt, "TypeError", &msg);
    }
    let s = b::to_str(cx, rt, this(t))?;
    Ok(new_str(cx.heap_mut(), &s))
}

pub(super) fn object_dir<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    super::functions::dir(cx, rt, None, &[this(t)], &[])
}

pub(super) fn object_sizeof<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let o = this(t);
    let n = if is(o, &INSTANCE) && crate::attrs::has_dict(rt, b::peek_type(rt, o)) { 32 } else { 16 };
    Ok(new_int(cx.heap_mut(), n))
}

/// `object.__getstate__()`: the instance's `__dict__` (None if it has no attributes).
pub(super) fn object_getstate<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let o = this(t);
    if !is(o, &INSTANCE) || !crate::attrs::has_dict(rt, b::peek_type(rt, o)) {
        return Ok(rt.none.get());
    }
    let d = crate::attrs::instance_dict(cx, rt, o)?;
    Ok(if crate::dict::len(d) == 0 { rt.none.get() } else { d })
}

pub(super) fn object_reduce<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let msg = format!("cannot pickle '{}' object", b::type_name(rt, this(t)));
    err(cx, rt, "TypeError", &msg)
}

pub(super) fn type_new<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let meta = this(t);
    if !is(meta, &TYPE) {
        let msg = format!("type.__new__(X): X is not a type object ({})", b::type_name(rt, meta));
        return err(cx, rt, "TypeError", &msg);
    }
    crate::typeobj::type_new(cx, rt, meta, args, kw)
}

pub(super) fn type_init<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(rt.none.get())
}

pub(super) fn type_call<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    crate::typeobj::type_call(cx, rt, this(t), args, kw)
}

pub(super) fn type_prepare<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(crate::dict::new_dict(cx.heap_mut()))
}

fn class_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, what: &str) -> PyResult {
    let cls = this(t);
    if !is(cls, &TYPE) {
        let msg =
            format!("descriptor '{what}' for 'type' objects doesn't apply to a '{}' object", b::type_name(rt, cls));
        return err(cx, rt, "TypeError", &msg);
    }
    Ok(cls)
}

pub(super) fn type_mro<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let cls = class_arg(cx, rt, t, "mro")?;
    let mro = rt.types.borrow()[classes::type_id(cls)].mro.clone();
    Ok(new_list(cx.heap_mut(), &mro))
}

pub(super) fn type_subclasses<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let cls = class_arg(cx, rt, t, "__subclasses__")?;
    let subs = rt.types.borrow()[classes::type_id(cls)].subclasses.borrow().clone();
    Ok(new_list(cx.heap_mut(), &subs))
}

pub(super) fn type_instancecheck<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let cls = class_arg(cx, rt, t, "__instancecheck__")?;
    let o = arg(cx, rt, args, 0, "__instancecheck__")?;
    Ok(rt.bool_obj(super::functions::classinfo_matches(cx, rt, b::peek_type(rt, o), cls)?))
}

pub(super) fn type_subclasscheck<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let cls = class_arg(cx, rt, t, "__subclasscheck__")?;
    let sub = arg(cx, rt, args, 0, "__subclasscheck__")?;
    if !is(sub, &TYPE) {
        return err(cx, rt, "TypeError", "issubclass() arg 1 must be a class");
    }
    Ok(rt.bool_obj(super::functions::classinfo_matches(cx, rt, sub, cls)?))
}

pub(super) fn function_call<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    call_value(cx, rt, this(t), args, kw)
}

/// `list.__class_getitem__(item)` and the other builtin generic classes': `list[int]`, a
/// `types.GenericAlias` (class methods, given the class first: a subclass gets its own alias).
pub(super) fn class_getitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let cls = arg(cx, rt, args, 0, "__class_getitem__")?;
    let item = arg(cx, rt, args, 1, "__class_getitem__")?;
    let types = crate::modules::import_module(cx, rt, "types")?;
    let alias = crate::types::getattr(cx, rt, types, "GenericAlias")?;
    call_value(cx, rt, alias, &[cls, item], &[])
}
