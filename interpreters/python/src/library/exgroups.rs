//! Exception groups: `BaseExceptionGroup`/`ExceptionGroup` (`__new__`'s checks and choice of
//! class, `message`, `exceptions`, `derive`, `split`, `subgroup`, the str) and the helpers the
//! compiled `try`/`except*` calls (see `compile::excstar`): `__exc_star_start__`,
//! `__exc_star_match__`, `__exc_star_raised__`, `__exc_star_end__`, which follow CPython's
//! `CHECK_EG_MATCH` and `PREP_RERAISE_STAR`.

use super::{arg, this, BuiltinFn, Cx, Kw};
use crate::builtins::{self as b, call_value, err, text, truth, PyResult};
use crate::classes;
use crate::objects::*;
use crate::runtime::{list_items, list_push, new_list, new_str, new_tuple, tuple_items};
use crate::space::Space;
use crate::Python;
use metatrace::Ctx;

rows! {
    "BaseExceptionGroup.__new__" => eg_new,
    "BaseExceptionGroup.__init__" => eg_init,
    "BaseExceptionGroup.__str__" => eg_str,
    "BaseExceptionGroup.derive" => eg_derive,
    "BaseExceptionGroup.split" => eg_split,
    "BaseExceptionGroup.subgroup" => eg_subgroup,
    "BaseExceptionGroup.__class_getitem__" => eg_class_getitem,
    "__exc_star_start__" => star_start,
    "__exc_star_match__" => star_match,
    "__exc_star_raised__" => star_raised,
    "__exc_star_end__" => star_end,
}

fn isa(rt: &Python, e: usize, name: &str) -> bool {
    classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type(name))
}

fn is_group(rt: &Python, e: usize) -> bool {
    is(e, &INSTANCE) && isa(rt, e, "BaseExceptionGroup")
}

/// The sub-exceptions of group `eg`.
fn members(rt: &Python, eg: usize) -> Vec<usize> {
    classes::peek_slot(rt, eg, "exceptions")
        .filter(|&t| is(t, &TUPLE))
        .map(|t| tuple_items(t).into_vec())
        .unwrap_or_default()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: checks the arguments and makes an
/// `ExceptionGroup` when `BaseExceptionGroup` is given only `Exception`s.
fn eg_new<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let mut cls = this(t);
    if !kw.is_empty() {
        return err(cx, rt, "TypeError", "BaseExceptionGroup.__new__() takes no keyword arguments");
    }
    if args.len() != 2 {
        let msg = format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len());
        return err(cx, rt, "TypeError", &msg);
    }
    let (message, excs) = (args[0], args[1]);
    if !is(message, &STR) {
        let msg = format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", b::type_name(rt, message));
        return err(cx, rt, "TypeError", &msg);
    }
    let is_seq = is(excs, &LIST) || is(excs, &TUPLE) || crate::boxed::value_of(excs) != 0;
    if !is_seq {
        return err(cx, rt, "TypeError", "second argument (exceptions) must be a sequence");
    }
    let items = b::collect(cx, rt, excs)?;
    let items_t = new_tuple(cx.heap_mut(), &items);
    let _ = cx.root(items_t);
    if items.is_empty() {
        return err(cx, rt, "ValueError", "second argument (exceptions) must be a non-empty sequence");
    }
    let mut all_exceptions = true;
    for (i, &e) in items.iter().enumerate() {
        if !(is(e, &INSTANCE) && isa(rt, e, "BaseException")) {
            let msg = format!("Item {i} of second argument (exceptions) is not an exception");
            return err(cx, rt, "ValueError", &msg);
        }
        all_exceptions &= isa(rt, e, "Exception");
    }
    let base_group = rt.builtin_type("BaseExceptionGroup");
    if cls == base_group {
        if all_exceptions {
            cls = rt.builtin_type("ExceptionGroup");
        }
    } else if cls == rt.builtin_type("ExceptionGroup") {
        if !all_exceptions {
            return err(cx, rt, "TypeError", "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if !all_exceptions && classes::is_subclass(rt, cls, rt.builtin_type("Exception")) {
        let msg = format!("Cannot nest BaseExceptions in '{}'", classes::type_name(rt, cls));
        return err(cx, rt, "TypeError", &msg);
    }
    let e = crate::typeobj::object_new(cx, rt, cls, args, &[])?;
    let _ = cx.root(e);
    classes::set_slot(cx, rt, e, "message", message);
    classes::set_slot(cx, rt, e, "exceptions", items_t);
    Ok(e)
}

/// `BaseExceptionGroup.__init__`: `args` are what was given (`__new__` checked them).
fn eg_init<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    if !kw.is_empty() {
        let msg = format!("{}() takes no keyword arguments", b::type_name(rt, this(t)));
        return err(cx, rt, "TypeError", &msg);
    }
    let a = new_tuple(cx.heap_mut(), args);
    classes::set_slot(cx, rt, this(t), "args", a);
    Ok(rt.none.get())
}

fn eg_str<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let e = this(t);
    let message = classes::peek_slot(rt, e, "message").filter(|&m| is(m, &STR)).map(text).unwrap_or("");
    let n = members(rt, e).len();
    let s = format!("{message} ({n} sub-exception{})", if n == 1 { "" } else { "s" });
    Ok(new_str(cx.heap_mut(), &s))
}

/// `eg.derive(excs)`: a group of the base class with the same message.
fn eg_derive<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let excs = arg(cx, rt, args, 0, "derive")?;
    let message = classes::peek_slot(rt, this(t), "message").unwrap_or(rt.none.get());
    crate::types::call_type(cx, rt, rt.builtin_type("BaseExceptionGroup"), &[message, excs], &[])
}

fn eg_class_getitem<S: Space>(_: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    Ok(this(t))
}

/// What `split`/`subgroup` select.
enum Matcher {
    /// An exception class or a tuple of them.
    Types(usize),
    /// A predicate called on each group and leaf.
    Pred(usize),
    /// The leaves with these identities (`PREP_RERAISE_STAR`'s projection).
    Ids(Vec<usize>),
}

fn is_exc_class(rt: &Python, t: usize) -> bool {
    is(t, &TYPE) && classes::is_subclass(rt, t, rt.builtin_type("BaseException"))
}

fn matcher<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cond: usize) -> Result<Matcher, usize> {
    if is_exc_class(rt, cond) || is(cond, &TUPLE) && tuple_items(cond).iter().all(|&c| is_exc_class(rt, c)) {
        return Ok(Matcher::Types(cond));
    }
    if !is(cond, &TYPE) && b::is_callable(rt, cond) {
        return Ok(Matcher::Pred(cond));
    }
    Err(crate::errors::new_error(
        cx,
        rt,
        "TypeError",
        "expected a function, exception type or tuple of exception types",
    ))
}

fn instance_of(rt: &Python, e: usize, types: usize) -> bool {
    let t = b::peek_type(rt, e);
    if is(types, &TUPLE) {
        tuple_items(types).iter().any(|&c| classes::is_subclass(rt, t, c))
    } else {
        classes::is_subclass(rt, t, types)
    }
}

fn matches<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, m: &Matcher, e: usize) -> Result<bool, usize> {
    match m {
        Matcher::Types(t) => Ok(instance_of(rt, e, *t)),
        Matcher::Pred(f) => {
            let r = call_value(cx, rt, *f, &[e], &[])?;
            truth(cx, rt, r)
        }
        Matcher::Ids(ids) => Ok(ids.contains(&e)),
    }
}

/// `orig.derive(excs)` with `orig`'s traceback, cause, context and notes.
fn subset<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, orig: usize, excs: &[usize]) -> PyResult {
    let l = new_list(cx.heap_mut(), excs);
    let _ = cx.root(l);
    let derive = crate::library::getattr_impl(cx, rt, orig, "derive")?;
    let eg = call_value(cx, rt, derive, &[l], &[])?;
    let _ = cx.root(eg);
    if !is_group(rt, eg) {
        return err(cx, rt, "TypeError", "derive must return an instance of BaseExceptionGroup");
    }
    let none = rt.none.get();
    for name in ["__traceback__", "__context__", "__cause__"] {
        let v = classes::peek_slot(rt, orig, name).unwrap_or(none);
        classes::set_slot(cx, rt, eg, name, v);
    }
    classes::set_slot(cx, rt, eg, "__suppress_context__", rt.true_.get());
    if let Some(notes) = classes::peek_slot(rt, orig, "__notes__") {
        let items = b::collect(cx, rt, notes)?;
        let copy = new_list(cx.heap_mut(), &items);
        classes::set_slot(cx, rt, eg, "__notes__", copy);
    }
    Ok(eg)
}

/// Splits `e` by `m`: (the matching part, the rest when `want_rest`).
fn split_rec<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    e: usize,
    m: &Matcher,
    want_rest: bool,
) -> Result<(Option<usize>, Option<usize>), usize> {
    if matches(cx, rt, m, e)? {
        return Ok((Some(e), None));
    }
    if !is_group(rt, e) {
        return Ok((None, want_rest.then_some(e)));
    }
    let (mut hit, mut rest) = (Vec::new(), Vec::new());
    for x in members(rt, e) {
        let (h, r) = split_rec(cx, rt, x, m, want_rest)?;
        if let Some(h) = h {
            let _ = cx.root(h);
            hit.push(h);
        }
        if let Some(r) = r {
            let _ = cx.root(r);
            rest.push(r);
        }
    }
    let hit = if hit.is_empty() { None } else { Some(subset(cx, rt, e, &hit)?) };
    if let Some(h) = hit {
        let _ = cx.root(h);
    }
    let rest = if want_rest && !rest.is_empty() { Some(subset(cx, rt, e, &rest)?) } else { None };
    Ok((hit, rest))
}

fn eg_split<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let cond = arg(cx, rt, args, 0, "split")?;
    let m = matcher(cx, rt, cond)?;
    let (hit, rest) = split_rec(cx, rt, this(t), &m, true)?;
    let none = rt.none.get();
    Ok(new_tuple(cx.heap_mut(), &[hit.unwrap_or(none), rest.unwrap_or(none)]))
}

fn eg_subgroup<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let cond = arg(cx, rt, args, 0, "subgroup")?;
    let m = matcher(cx, rt, cond)?;
    let (hit, _) = split_rec(cx, rt, this(t), &m, false)?;
    Ok(hit.unwrap_or(rt.none.get()))
}

// ---- except* -------------------------------------------------------------------------------
// The state is a list: [the exception caught, what is left unmatched (or None), the list of
// exceptions the clause bodies raised].

fn state_parts(state: usize) -> (usize, usize, usize) {
    let items = list_items(state);
    (items[0], items[1], items[2])
}

fn star_start<S: Space>(cx: &mut Cx<'_, S>, _: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let raised = new_list(cx.heap_mut(), &[]);
    let _ = cx.root(raised);
    Ok(new_list(cx.heap_mut(), &[args[0], args[0], raised]))
}

fn set_rest(state: usize, rest: usize) {
    // SAFETY: the state list made by `star_start` has three items.
    unsafe {
        let items = read_word(state, &LIST_ITEMS) as usize;
        *((items + REFS_ITEMS.base as usize + 8) as *mut usize) = rest;
    }
}

/// `except* T`: the part of what is left that `T` matches (a naked exception is wrapped in a
/// group), or None.
fn star_match<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let (state, ty) = (args[0], args[1]);
    let valid = is_exc_class(rt, ty) || is(ty, &TUPLE) && tuple_items(ty).iter().all(|&c| is_exc_class(rt, c));
    if !valid {
        return err(cx, rt, "TypeError", "catching classes that do not inherit from BaseException is not allowed");
    }
    let group = rt.builtin_type("BaseExceptionGroup");
    let is_group_class = |c: usize| classes::is_subclass(rt, c, group);
    if is(ty, &TYPE) && is_group_class(ty) || is(ty, &TUPLE) && tuple_items(ty).iter().any(|&c| is_group_class(c)) {
        let msg = "catching ExceptionGroup with except* is not allowed. Use except instead.";
        return err(cx, rt, "TypeError", msg);
    }
    let none = rt.none.get();
    let (_, rest, _) = state_parts(state);
    if rest == none {
        return Ok(none);
    }
    if is_group(rt, rest) {
        let split = crate::library::getattr_impl(cx, rt, rest, "split")?;
        let pair = call_value(cx, rt, split, &[ty], &[])?;
        let parts = if is(pair, &TUPLE) { tuple_items(pair).into_vec() } else { Vec::new() };
        if parts.len() != 2 {
            return err(cx, rt, "TypeError", "X.split(E) must return a tuple, not 'X'");
        }
        set_rest(state, parts[1]);
        return Ok(parts[0]);
    }
    if !instance_of(rt, rest, ty) {
        return Ok(none);
    }
    let empty = new_str(cx.heap_mut(), "");
    let _ = cx.root(empty);
    let one = new_tuple(cx.heap_mut(), &[rest]);
    let _ = cx.root(one);
    let wrapped = crate::types::call_type(cx, rt, group, &[empty, one], &[])?;
    let tb = classes::peek_slot(rt, rest, "__traceback__").unwrap_or(none);
    classes::set_slot(cx, rt, wrapped, "__traceback__", tb);
    set_rest(state, none);
    Ok(wrapped)
}

fn star_raised<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let (_, _, raised) = state_parts(args[0]);
    list_push(cx.heap_mut(), raised, args[1]);
    Ok(rt.none.get())
}

/// Whether `e` is `orig` (or a part split from it) re-raised: the same traceback, cause,
/// context and notes.
fn same_metadata(rt: &Python, e: usize, orig: usize) -> bool {
    ["__notes__", "__traceback__", "__cause__", "__context__"]
        .iter()
        .all(|n| classes::peek_slot(rt, e, n) == classes::peek_slot(rt, orig, n))
}

fn leaves(rt: &Python, e: usize, out: &mut Vec<usize>) {
    if is_group(rt, e) {
        for x in members(rt, e) {
            leaves(rt, x, out);
        }
    } else {
        out.push(e);
    }
}

/// After the clauses: what to raise (None: nothing). New exceptions raised by the bodies
/// and the re-raised or unmatched parts of the original group (in its shape) are grouped.
fn star_end<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let none = rt.none.get();
    let (orig, rest, raised) = state_parts(args[0]);
    let mut excs: Vec<usize> = list_items(raised).into_iter().filter(|&e| e != none).collect();
    if rest != none {
        excs.push(rest);
    }
    if excs.is_empty() {
        return Ok(none);
    }
    if !is_group(rt, orig) {
        return Ok(excs[0]);
    }
    let (mut new, mut again) = (Vec::new(), Vec::new());
    for e in excs {
        if same_metadata(rt, e, orig) {
            again.push(e);
        } else {
            new.push(e);
        }
    }
    if !again.is_empty() {
        let mut ids = Vec::new();
        for &e in &again {
            leaves(rt, e, &mut ids);
        }
        let (hit, _) = split_rec(cx, rt, orig, &Matcher::Ids(ids), false)?;
        if let Some(h) = hit {
            let _ = cx.root(h);
            new.push(h);
        }
    }
    match new.len() {
        0 => Ok(none),
        1 => Ok(new[0]),
        _ => {
            let empty = new_str(cx.heap_mut(), "");
            let _ = cx.root(empty);
            let l = new_list(cx.heap_mut(), &new);
            let _ = cx.root(l);
            crate::types::call_type(cx, rt, rt.builtin_type("BaseExceptionGroup"), &[empty, l], &[])
        }
    }
}
