//! The methods of `list` and `tuple`.

use super::functions::sort_items;
use super::*;

rows! {
    "list.append" => list_append,
    "list.pop" => list_pop,
    "list.extend" => list_extend,
    "list.insert" => list_insert,
    "list.remove" => list_remove,
    "list.index" => seq_index,
    "list.count" => seq_count,
    "list.sort" => list_sort,
    "list.reverse" => list_reverse,
    "list.copy" => list_copy,
    "list.clear" => list_clear,
    "tuple.index" => seq_index,
    "tuple.count" => seq_count,
}

pub(super) fn list_append<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = arg(cx, rt, args, 0, "append")?;
    crate::runtime::list_push(cx.heap_mut(), this(t), v);
    Ok(rt.none.get())
}

pub(super) fn list_pop<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let l = this(t);
    let n = crate::runtime::list_len(l) as i64;
    if n == 0 {
        return err(cx, rt, "IndexError", "pop from empty list");
    }
    let i = args.first().and_then(|&i| peek_i64(i)).unwrap_or(-1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return err(cx, rt, "IndexError", "pop index out of range");
    }
    // (In place: a copy of the list per pop made popping a list empty quadratic.)
    Ok(crate::runtime::list_remove(l, j as usize))
}

pub(super) fn list_extend<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let __t18 = arg(cx, rt, args, 0, "extend")?;
    let items = collect(cx, rt, __t18)?;
    for i in items {
        crate::runtime::list_push(cx.heap_mut(), this(t), i);
    }
    Ok(rt.none.get())
}

pub(super) fn list_insert<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let l = this(t);
    let mut items = list_items(l);
    let n = items.len() as i64;
    let i = peek_i64(arg(cx, rt, args, 0, "insert")?).unwrap_or(0);
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, arg(cx, rt, args, 1, "insert")?);
    crate::types::replace_list(cx, l, &items);
    Ok(rt.none.get())
}

pub(super) fn list_remove<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let l = this(t);
    let v = arg(cx, rt, args, 0, "remove")?;
    let mut items = list_items(l);
    for k in 0..items.len() {
        if b::eq(cx, rt, items[k], v)? {
            items.remove(k);
            crate::types::replace_list(cx, l, &items);
            return Ok(rt.none.get());
        }
    }
    err(cx, rt, "ValueError", "list.remove(x): x not in list")
}

pub(super) fn seq_items(o: usize) -> Vec<usize> {
    if is(o, &LIST) {
        list_items(o).into_vec()
    } else {
        tuple_items(o).into_vec()
    }
}

pub(super) fn seq_index<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let o = this(t);
    let v = arg(cx, rt, args, 0, "index")?;
    let items = seq_items(o);
    let n = items.len() as i64;
    let norm = |x: Option<i64>, d: i64| x.map(|i| if i < 0 { (i + n).max(0) } else { i.min(n) }).unwrap_or(d) as usize;
    let start = norm(args.get(1).and_then(|&a| peek_i64(a)), 0);
    let stop = norm(args.get(2).and_then(|&a| peek_i64(a)), n);
    for (k, x) in items.into_iter().enumerate().take(stop).skip(start) {
        if b::eq(cx, rt, x, v)? {
            return Ok(crate::runtime::int_obj(cx.heap_mut(), rt, k as i64));
        }
    }
    // CPython 3.11: list.index names the value; tuple.index does not.
    let what = if is(o, &LIST) {
        format!("{} is not in list", to_repr(cx, rt, v)?)
    } else {
        "tuple.index(x): x not in tuple".to_string()
    };
    err(cx, rt, "ValueError", &what)
}

pub(super) fn seq_count<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = arg(cx, rt, args, 0, "count")?;
    let mut n = 0;
    for x in seq_items(this(t)) {
        if b::eq(cx, rt, x, v)? {
            n += 1;
        }
    }
    Ok(crate::runtime::int_obj(cx.heap_mut(), rt, n))
}

pub(super) fn list_sort<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let l = this(t);
    if !args.is_empty() {
        return err(cx, rt, "TypeError", "sort() takes no positional arguments");
    }
    sort_keywords(cx, rt, kw)?;
    let mut items = list_items(l).into_vec();
    let reverse = kwarg(kw, "reverse").is_some_and(|r| r == rt.true_.get() || peek_i64(r).is_some_and(|v| v != 0));
    sort_items(cx, rt, &mut items, kwarg(kw, "key"), reverse)?;
    crate::types::replace_list(cx, l, &items);
    Ok(rt.none.get())
}

/// The keywords of `list.sort` and `sorted`: only `key` and `reverse`.
pub(super) fn sort_keywords<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, kw: Kw<'_>) -> Result<(), usize> {
    match kw.iter().find(|(k, _)| !matches!(&**k, "key" | "reverse")) {
        Some((k, _)) => {
            err(cx, rt, "TypeError", &format!("'{k}' is an invalid keyword argument for sort()")).map(|_| ())
        }
        None => Ok(()),
    }
}

pub(super) fn list_reverse<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let mut items = list_items(this(t));
    items.reverse();
    crate::types::replace_list(cx, this(t), &items);
    Ok(rt.none.get())
}

pub(super) fn list_copy<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let items = list_items(this(t));
    Ok(new_list(cx.heap_mut(), &items))
}

pub(super) fn list_clear<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    crate::types::replace_list(cx, this(t), &[]);
    Ok(rt.none.get())
}
