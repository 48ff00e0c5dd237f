//! The iterator protocol as callable methods of the builtin iterator types
//! (`it.__next__()`, `it.__iter__()`), for code that calls them by name; and a function's
//! `__get__` (`f.__get__(obj)` binds it), which is not in the function class's dict so
//! that attribute lookups keep treating functions as the plain descriptors they are; and
//! the callable that calls a special method which does not bind (`classes::special`).

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
    "function_descr.__get__" => function_get,
    "special_descr.__call__" => special_call,
    "iterator.__length_hint__" => it_length_hint,
    "range_iterator.__length_hint__" => it_length_hint,
}

/// `it.__length_hint__()` of a sequence or range iterator: how many items are left.
pub(super) fn it_length_hint<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let me = this(t);
    none(cx, rt, &qual(rt, me, "__length_hint__"), args, kw)?;
    let left = if is(me, &RANGE_ITER) {
        // SAFETY: a live range iterator's fields.
        let (n, stop, step) = unsafe {
            (read_word(me, &RITER_NEXT) as i64, read_word(me, &RITER_STOP) as i64, read_word(me, &RITER_STEP) as i64)
        };
        let span = if step > 0 { stop as i128 - n as i128 } else { n as i128 - stop as i128 };
        Some(if span <= 0 {
            0
        } else {
            ((span + step.unsigned_abs() as i128 - 1) / step.unsigned_abs() as i128) as i64
        })
    } else if is(me, &SEQ_ITER) {
        // SAFETY: a live sequence iterator's fields.
        let (seq, i) = unsafe { (read_word(me, &SITER_SEQ) as usize, read_word(me, &SITER_INDEX) as usize) };
        let n = if is(seq, &STR) {
            Some(text(seq).get(i..).map_or(0, |r| r.chars().count()))
        } else if crate::bytes::is_binary(seq) {
            crate::bytes::buffer(seq).map(|d| d.len().saturating_sub(i))
        } else if is(seq, &LIST) {
            Some(crate::runtime::list_len(seq).saturating_sub(i))
        } else if is(seq, &TUPLE) {
            Some(crate::runtime::tuple_slice(seq).len().saturating_sub(i))
        } else {
            None
        };
        n.map(|n| n as i64)
    } else {
        None
    };
    Ok(match left {
        Some(n) => new_int(cx.heap_mut(), n),
        None => rt.notimpl.get(),
    })
}

/// A class attribute that does not bind (a class, a staticmethod's function) called as a
/// special method (see `classes::special`): called without the instance, which comes first.
pub(super) fn special_call<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    this: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let f = this.expect("bound to its callable");
    call_value(cx, rt, f, args.get(1..).unwrap_or(&[]), kw)
}

/// `f.__get__` of function `f`: the builtin method bound to it.
pub fn function_get_attr<S: Space>(cx: &mut Cx<'_, S>, f: usize) -> Option<usize> {
    let id = super::method_id("function_descr", "__get__")?;
    let m = cx.heap_mut().alloc(&BUILTIN);
    // SAFETY: just allocated with the BUILTIN layout.
    unsafe {
        *((m + BUILTIN_ID.offset as usize) as *mut usize) = id;
        *((m + BUILTIN_SELF.offset as usize) as *mut usize) = f;
    }
    Some(m)
}

/// `f.__get__(obj, type=None)`: `f` bound to `obj`, or `f` itself when `obj` is None.
pub(super) fn function_get<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = this(t);
    let Some(&obj) = args.first() else {
        return err(cx, rt, "TypeError", "__get__(None, None) is invalid");
    };
    if obj == rt.none.get() {
        return Ok(f);
    }
    let m = cx.heap_mut().alloc(&METHOD);
    // SAFETY: just allocated with the METHOD layout.
    unsafe {
        *((m + METHOD_FUNC.offset as usize) as *mut usize) = f;
        *((m + METHOD_SELF.offset as usize) as *mut usize) = obj;
    }
    Ok(m)
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
