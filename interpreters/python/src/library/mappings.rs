//! The methods of `dict` and of its views.

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
    "dict.popitem" => dict_popitem,
    "dict.fromkeys" => dict_fromkeys,
    "dict.__getitem__" => dict_getitem,
    "dict.__setitem__" => dict_setitem,
    "dict.__delitem__" => dict_delitem,
    "dict_keys.isdisjoint" => view_isdisjoint,
    "dict_items.isdisjoint" => view_isdisjoint,
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
    Ok(crate::views::new(cx.heap_mut(), &crate::views::KEYS, this(t)))
}
pub(super) fn dict_values<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(crate::views::new(cx.heap_mut(), &crate::views::VALUES, this(t)))
}
pub(super) fn dict_items<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(crate::views::new(cx.heap_mut(), &crate::views::ITEMS, this(t)))
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
/// `dict.fromkeys(keys, value=None)`, a class method: bound to the class (or to a dict).
pub(super) fn dict_fromkeys<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    // Read through a class (`D.fromkeys`), the class comes first: a subclass's instance is
    // made by calling it and filled through its `__setitem__`.
    let dict_type = rt.builtin_type("dict");
    let (cls, args) = match args.split_first() {
        Some((&c, rest)) if is(c, &TYPE) && classes::is_subclass(rt, c, dict_type) => (c, rest),
        _ => (dict_type, args),
    };
    let (keys, value) = match args {
        [k] => (*k, rt.none.get()),
        [k, v] => (*k, *v),
        _ => {
            let msg = format!("fromkeys expected at least 1 argument, got {}", args.len());
            let msg =
                if args.len() > 2 { format!("fromkeys expected at most 2 arguments, got {}", args.len()) } else { msg };
            return err(cx, rt, "TypeError", &msg);
        }
    };
    let d = if cls == dict_type { dict::new_dict(cx.heap_mut()) } else { call_value(cx, rt, cls, &[], &[])? };
    let _ = metatrace::Ctx::root(cx, d);
    let it = b::iter(cx, rt, keys)?;
    let _ = metatrace::Ctx::root(cx, it);
    while let Some(k) = b::next(cx, rt, it)? {
        let _ = metatrace::Ctx::root(cx, k);
        if cls == dict_type {
            dict::set(cx, rt, d, k, value)?;
        } else {
            crate::types::setitem(cx, rt, d, k, value)?;
        }
    }
    Ok(d)
}

/// The dict a dict method is bound to (a dict, not an instance of a subclass of dict).
fn own_dict<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, name: &str) -> Result<usize, usize> {
    let d = this(t);
    if dict::is_dict(d) {
        return Ok(d);
    }
    let msg = format!("descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object", b::type_name(rt, d));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

fn one<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], name: &str) -> Result<usize, usize> {
    match args {
        [a] => Ok(*a),
        _ => Err(crate::errors::new_error(
            cx,
            rt,
            "TypeError",
            &format!("{name}() takes exactly one argument ({} given)", args.len()),
        )),
    }
}
pub(super) fn dict_getitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let boxed = this(t);
    let t = Some(crate::boxed::unbox(boxed));
    let d = own_dict(cx, rt, t, "__getitem__")?;
    let k = one(cx, rt, args, "dict.__getitem__")?;
    if boxed != d {
        // A subclass's `__missing__` makes the value of a missing key.
        if let Some(missing) = classes::special(rt, b::peek_type(rt, boxed), "__missing__") {
            return match dict::lookup(cx, rt, d, k)? {
                Some(v) => Ok(v),
                None => b::call_value(cx, rt, missing, &[boxed, k], &[]),
            };
        }
    }
    crate::types::getitem(cx, rt, d, k)
}
pub(super) fn dict_setitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let [k, v] = args[..] else {
        let msg = format!("expected 2 arguments, got {}", args.len());
        return err(cx, rt, "TypeError", &msg);
    };
    let d = own_dict(cx, rt, t, "__setitem__")?;
    dict::set(cx, rt, d, k, v)?;
    Ok(rt.none.get())
}
pub(super) fn dict_delitem<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let d = own_dict(cx, rt, t, "__delitem__")?;
    let k = one(cx, rt, args, "dict.__delitem__")?;
    crate::types::delitem(cx, rt, d, k)?;
    Ok(rt.none.get())
}
pub(super) fn view_isdisjoint<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let o = one(cx, rt, args, "isdisjoint")?;
    let r = crate::views::isdisjoint(cx, rt, this(t), o)?;
    Ok(rt.bool_obj(r))
}
