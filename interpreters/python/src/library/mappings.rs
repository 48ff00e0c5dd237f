//! The methods of `dict` and `set`.

use super::*;

rows! {
    "dict.get" => dict_get,
    "dict.keys" => dict_keys,
    "dict.values" => dict_values,
    "dict.items" => dict_items,
    "dict.setdefault" => dict_setdefault,
    "dict.pop" => dict_pop,
    "dict.update" => dict_update,
    "dict.copy" => dict_copy,
    "dict.clear" => dict_clear,
    "set.add" => set_add,
    "set.remove" => set_remove,
    "set.discard" => set_discard,
    "set.copy" => dict_copy,
    "set.union" => set_union,
    "set.intersection" => set_intersection,
    "set.difference" => set_difference,
    "set.symmetric_difference" => set_symdiff,
    "set.issubset" => set_issubset,
    "set.issuperset" => set_issuperset,
    "set.update" => set_update,
    "set.pop" => set_pop,
    "set.clear" => dict_clear,
    "dict.popitem" => dict_popitem,
    "dict.fromkeys" => dict_fromkeys,
}

pub(super) fn dict_get<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let k = arg(cx, rt, args, 0, "get")?;
    Ok(dict::lookup(cx, rt, this(t), k)?.unwrap_or(args.get(1).copied().unwrap_or(rt.none.get())))
}
pub(super) fn dict_keys<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let keys: Vec<usize> = dict::items(this(t)).into_iter().map(|(k, _)| k).collect();
    Ok(new_list(cx.heap_mut(), &keys))
}
pub(super) fn dict_values<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let values: Vec<usize> = dict::items(this(t)).into_iter().map(|(_, v)| v).collect();
    Ok(new_list(cx.heap_mut(), &values))
}
pub(super) fn dict_items<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let pairs: Vec<usize> = dict::items(this(t)).into_iter().map(|(k, v)| new_tuple(cx.heap_mut(), &[k, v])).collect();
    Ok(new_list(cx.heap_mut(), &pairs))
}
pub(super) fn dict_setdefault<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let k = arg(cx, rt, args, 0, "setdefault")?;
    if let Some(v) = dict::lookup(cx, rt, this(t), k)? {
        return Ok(v);
    }
    let d = args.get(1).copied().unwrap_or(rt.none.get());
    dict::set(cx, rt, this(t), k, d)?;
    Ok(d)
}
pub(super) fn dict_pop<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let k = arg(cx, rt, args, 0, "pop")?;
    match dict::remove(cx, rt, this(t), k)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(crate::errors::key_error(cx, rt, k)),
        },
    }
}
pub(super) fn dict_update<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let d = this(t);
    if let Some(&o) = args.first() {
        let src = crate::types::call_type(cx, rt, rt.builtin_type("dict"), &[o], &[])?;
        for (k, v) in dict::items(src) {
            dict::set(cx, rt, d, k, v)?;
        }
    }
    for (k, v) in kw {
        let k = new_str(cx.heap_mut(), k);
        dict::set(cx, rt, d, k, *v)?;
    }
    Ok(rt.none.get())
}
pub(super) fn dict_copy<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    dict::copy(cx, rt, this(t))
}
pub(super) fn dict_clear<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    dict::clear(cx.heap_mut(), this(t));
    Ok(rt.none.get())
}
pub(super) fn set_add<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let k = arg(cx, rt, args, 0, "add")?;
    dict::set(cx, rt, this(t), k, rt.none.get())?;
    Ok(rt.none.get())
}
pub(super) fn set_remove<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let k = arg(cx, rt, args, 0, "remove")?;
    match dict::remove(cx, rt, this(t), k)? {
        Some(_) => Ok(rt.none.get()),
        None => Err(crate::errors::key_error(cx, rt, k)),
    }
}
pub(super) fn set_discard<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let k = arg(cx, rt, args, 0, "discard")?;
    dict::remove(cx, rt, this(t), k)?;
    Ok(rt.none.get())
}
pub(super) fn as_set<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> PyResult {
    if dict::is_set(o) {
        return Ok(o);
    }
    crate::types::call_type(cx, rt, rt.builtin_type("set"), &[o], &[])
}
pub(super) fn set_op<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    op: crate::bytecode::BinOp,
) -> PyResult {
    let mut acc = dict::copy(cx, rt, this(t))?;
    let _ = metatrace::Ctx::root(cx, acc);
    for &a in args {
        let other = as_set(cx, rt, a)?;
        let _ = metatrace::Ctx::root(cx, other);
        acc = dict::set_binary(cx, rt, op, acc, other)?;
        let _ = metatrace::Ctx::root(cx, acc);
    }
    Ok(acc)
}
pub(super) fn set_union<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    set_op(cx, rt, t, args, crate::bytecode::BinOp::Or)
}
pub(super) fn set_intersection<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    set_op(cx, rt, t, args, crate::bytecode::BinOp::And)
}
pub(super) fn set_difference<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    set_op(cx, rt, t, args, crate::bytecode::BinOp::Sub)
}
pub(super) fn set_symdiff<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    set_op(cx, rt, t, args, crate::bytecode::BinOp::Xor)
}
pub(super) fn set_issubset<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let src = arg(cx, rt, args, 0, "issubset")?;
    let other = as_set(cx, rt, src)?;
    dict::set_compare(cx, rt, crate::bytecode::CmpOp::Le, this(t), other)
}
pub(super) fn set_issuperset<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let src = arg(cx, rt, args, 0, "issuperset")?;
    let other = as_set(cx, rt, src)?;
    dict::set_compare(cx, rt, crate::bytecode::CmpOp::Ge, this(t), other)
}
pub(super) fn set_update<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    for &a in args {
        for k in collect(cx, rt, a)? {
            dict::set(cx, rt, this(t), k, rt.none.get())?;
        }
    }
    Ok(rt.none.get())
}
pub(super) fn set_pop<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let Some((k, _)) = dict::items(this(t)).into_iter().next() else {
        return err(cx, rt, "KeyError", "pop from an empty set");
    };
    dict::remove(cx, rt, this(t), k)?;
    Ok(k)
}
pub(super) fn dict_popitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let Some((k, v)) = dict::items(this(t)).into_iter().last() else {
        return err(cx, rt, "KeyError", "popitem(): dictionary is empty");
    };
    dict::remove(cx, rt, this(t), k)?;
    Ok(new_tuple(cx.heap_mut(), &[k, v]))
}
pub(super) fn dict_fromkeys<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    // (Called on the class: `dict.fromkeys(keys, value)`.)
    let (keys, value) = match args {
        [_, k, v, ..] if is(args[0], &TYPE) => (*k, *v),
        [_, k] if is(args[0], &TYPE) => (*k, rt.none.get()),
        [k, v, ..] => (*k, *v),
        [k] => (*k, rt.none.get()),
        [] => return err(cx, rt, "TypeError", "fromkeys expected at least 1 argument, got 0"),
    };
    let d = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, d);
    for k in collect(cx, rt, keys)? {
        dict::set(cx, rt, d, k, value)?;
    }
    Ok(d)
}
