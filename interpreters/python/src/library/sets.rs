//! The methods of `set` and `frozenset` (the algorithms are in `crate::sets`).

use super::*;
use crate::sets;

rows! {
    "set.add" => set_add,
    "set.remove" => set_remove,
    "set.discard" => set_discard,
    "set.pop" => set_pop,
    "set.clear" => set_clear,
    "set.copy" => set_copy,
    "set.union" => set_union,
    "set.intersection" => set_intersection,
    "set.difference" => set_difference,
    "set.symmetric_difference" => set_symdiff,
    "set.issubset" => set_issubset,
    "set.issuperset" => set_issuperset,
    "set.isdisjoint" => set_isdisjoint,
    "set.update" => set_update,
    "set.intersection_update" => set_intersection_update,
    "set.difference_update" => set_difference_update,
    "set.symmetric_difference_update" => set_symdiff_update,
    "set.__contains__" => set_contains,
    "set.__len__" => set_len,
    "frozenset.copy" => set_copy,
    "frozenset.union" => set_union,
    "frozenset.intersection" => set_intersection,
    "frozenset.difference" => set_difference,
    "frozenset.symmetric_difference" => set_symdiff,
    "frozenset.issubset" => set_issubset,
    "frozenset.issuperset" => set_issuperset,
    "frozenset.isdisjoint" => set_isdisjoint,
    "frozenset.__contains__" => set_contains,
    "frozenset.__len__" => set_len,
}

/// The set a method is bound to, checked (`set.add(x, ...)` may pass anything as self).
fn me<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, name: &str, any: bool) -> Result<usize, usize> {
    let s = this(t);
    if sets::is_set(s) || (any && sets::is_frozen(s)) {
        return Ok(s);
    }
    let kind = if any && !sets::is_set(s) { "frozenset" } else { "set" };
    let msg = format!("descriptor '{name}' for '{kind}' objects doesn't apply to a '{}' object", b::type_name(rt, s));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// The one argument of method `name` of set `s`.
fn one<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, args: &[usize], name: &str) -> Result<usize, usize> {
    match args {
        [a] => Ok(*a),
        _ => {
            let kind = if sets::is_frozen(s) { "frozenset" } else { "set" };
            let msg = format!("{kind}.{name}() takes exactly one argument ({} given)", args.len());
            Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
        }
    }
}

fn none_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, args: &[usize], name: &str) -> Result<(), usize> {
    if args.is_empty() {
        return Ok(());
    }
    let kind = if sets::is_frozen(s) { "frozenset" } else { "set" };
    let msg = format!("{kind}.{name}() takes no arguments ({} given)", args.len());
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

pub(super) fn set_add<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "add", false)?;
    let k = one(cx, rt, s, args, "add")?;
    sets::add(cx, rt, s, k)?;
    Ok(rt.none.get())
}
pub(super) fn set_remove<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "remove", false)?;
    let k = one(cx, rt, s, args, "remove")?;
    if sets::discard(cx, rt, s, k)? {
        Ok(rt.none.get())
    } else {
        Err(crate::errors::key_error(cx, rt, k))
    }
}
pub(super) fn set_discard<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "discard", false)?;
    let k = one(cx, rt, s, args, "discard")?;
    sets::discard(cx, rt, s, k)?;
    Ok(rt.none.get())
}
pub(super) fn set_pop<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "pop", false)?;
    none_of(cx, rt, s, args, "pop")?;
    match sets::pop(s) {
        Some(k) => Ok(k),
        None => err(cx, rt, "KeyError", "pop from an empty set"),
    }
}
pub(super) fn set_clear<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "clear", false)?;
    none_of(cx, rt, s, args, "clear")?;
    sets::clear(cx.heap_mut(), s);
    Ok(rt.none.get())
}
pub(super) fn set_copy<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "copy", true)?;
    none_of(cx, rt, s, args, "copy")?;
    if sets::is_frozen(s) {
        return Ok(s);
    }
    sets::copy(cx, rt, s)
}
pub(super) fn set_union<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "union", true)?;
    sets::union(cx, rt, s, args)
}
pub(super) fn set_intersection<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "intersection", true)?;
    sets::intersection_multi(cx, rt, s, args)
}
pub(super) fn set_difference<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "difference", true)?;
    sets::difference_multi(cx, rt, s, args)
}
pub(super) fn set_symdiff<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "symmetric_difference", true)?;
    let o = one(cx, rt, s, args, "symmetric_difference")?;
    sets::symmetric_difference(cx, rt, s, o)
}
pub(super) fn set_issubset<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "issubset", true)?;
    let o = one(cx, rt, s, args, "issubset")?;
    let r = sets::issubset(cx, rt, s, o)?;
    Ok(rt.bool_obj(r))
}
pub(super) fn set_issuperset<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "issuperset", true)?;
    let o = one(cx, rt, s, args, "issuperset")?;
    let r = sets::issuperset(cx, rt, s, o)?;
    Ok(rt.bool_obj(r))
}
pub(super) fn set_isdisjoint<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "isdisjoint", true)?;
    let o = one(cx, rt, s, args, "isdisjoint")?;
    let r = sets::isdisjoint(cx, rt, s, o)?;
    Ok(rt.bool_obj(r))
}
pub(super) fn set_update<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "update", false)?;
    for &a in args {
        sets::update(cx, rt, s, a)?;
    }
    Ok(rt.none.get())
}
pub(super) fn set_intersection_update<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "intersection_update", false)?;
    sets::intersection_update(cx, rt, s, args)?;
    Ok(rt.none.get())
}
pub(super) fn set_difference_update<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "difference_update", false)?;
    for &a in args {
        sets::difference_update(cx, rt, s, a)?;
    }
    Ok(rt.none.get())
}
pub(super) fn set_symdiff_update<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "symmetric_difference_update", false)?;
    let o = one(cx, rt, s, args, "symmetric_difference_update")?;
    sets::symmetric_difference_update(cx, rt, s, o)?;
    Ok(rt.none.get())
}
pub(super) fn set_contains<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "__contains__", true)?;
    let k = one(cx, rt, s, args, "__contains__")?;
    let r = sets::contains(cx, rt, s, k)?;
    Ok(rt.bool_obj(r))
}
pub(super) fn set_len<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = me(cx, rt, t, "__len__", true)?;
    none_of(cx, rt, s, args, "__len__")?;
    Ok(crate::runtime::int_obj(cx.heap_mut(), rt, sets::len(s) as i64))
}
