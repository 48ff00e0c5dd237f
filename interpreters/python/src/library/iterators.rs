//! The iterator protocol as callable methods of the builtin iterator types
//! (`it.__next__()`, `it.__iter__()`), for code that calls them by name.

use super::textargs::none;
use super::*;

rows! {
    "iterator.__next__" => it_next, "iterator.__iter__" => it_iter,
    "range_iterator.__next__" => it_next, "range_iterator.__iter__" => it_iter,
    "longrange_iterator.__next__" => it_next, "longrange_iterator.__iter__" => it_iter,
    "callable_iterator.__next__" => it_next, "callable_iterator.__iter__" => it_iter,
    "dict_keyiterator.__next__" => it_next, "dict_keyiterator.__iter__" => it_iter,
    "dict_valueiterator.__next__" => it_next, "dict_valueiterator.__iter__" => it_iter,
    "dict_itemiterator.__next__" => it_next, "dict_itemiterator.__iter__" => it_iter,
    "set_iterator.__next__" => it_next, "set_iterator.__iter__" => it_iter,
    "enumerate.__next__" => it_next, "enumerate.__iter__" => it_iter,
    "zip.__next__" => it_next, "zip.__iter__" => it_iter,
    "map.__next__" => it_next, "map.__iter__" => it_iter,
    "filter.__next__" => it_next, "filter.__iter__" => it_iter,
    "generator.__iter__" => it_iter,
}

fn qual(rt: &Python, o: usize, name: &str) -> String {
    format!("{}.{name}", b::type_name(rt, o))
}

pub(super) fn it_next<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let me = this(t);
    none(cx, rt, &qual(rt, me, "__next__"), args, kw)?;
    match b::next(cx, rt, me)? {
        Some(v) => Ok(v),
        None => crate::types::call_type(cx, rt, rt.builtin_type("StopIteration"), &[], &[]).and_then(Err),
    }
}

pub(super) fn it_iter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let me = this(t);
    none(cx, rt, &qual(rt, me, "__iter__"), args, kw)?;
    Ok(me)
}
