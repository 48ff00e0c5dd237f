//! The builtins that look at their caller's frame: `globals()`, `locals()`, and `dir()` and
//! `vars()` without arguments. The interpreter passes them the caller's scope as the hidden
//! keyword argument `__scope__` ([`frame_kwargs`]): the module (module level), the class
//! namespace (a class body), or a tuple `(names, values)` of a function's bound locals.

use super::*;
use crate::interp::Frame;
use metatrace::Ctx;

rows! {
    "globals" => globals,
    "locals" => locals,
}

/// The hidden keyword that carries the caller's scope.
const SCOPE: &str = "__scope__";

/// The builtins that need their caller's scope.
const NEED_SCOPE: &[&str] = &["globals", "locals", "dir", "vars"];

/// The keyword arguments for calling `callable(*args)` from frame `f`: `kwargs`, or, for a
/// builtin of [`NEED_SCOPE`] called without arguments, the caller's scope.
#[allow(clippy::type_complexity)]
pub fn frame_kwargs<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    f: &Frame<C>,
    callable: C::Ref,
    args: &[C::Ref],
    kwargs: Option<(Rc<[Rc<str>]>, Vec<C::Ref>)>,
) -> Option<(Rc<[Rc<str>]>, Vec<C::Ref>)> {
    if !args.is_empty() || kwargs.is_some() || cx.promote_class(callable) != BUILTIN.class() {
        return kwargs;
    }
    let b = cx.promote_ref(callable);
    // SAFETY: a promoted (constant, live) builtin.
    let (id, this) = unsafe { (read_word(b, &BUILTIN_ID) as usize, read_word(b, &BUILTIN_SELF)) };
    if this != 0 || !NEED_SCOPE.contains(&super::NAMES[id]) {
        return kwargs;
    }
    let scope = if super::NAMES[id] == "globals" { f.globals } else { scope_of(cx, rt, f) };
    Some((Rc::from([Rc::from(SCOPE)]), vec![scope]))
}

/// Frame `f`'s scope (see the module docs).
fn scope_of<S: Space, C: Ctx<Py<S>>>(cx: &mut C, _rt: &Python, f: &Frame<C>) -> C::Ref {
    if !crate::interp::is_null(cx, f.ns) {
        return f.ns;
    }
    if f.code.kind == crate::bytecode::CodeKind::Module {
        return f.globals;
    }
    let code = f.code.clone();
    let (mut names, mut values) = (Vec::new(), Vec::new());
    for (k, name) in code.varnames.iter().enumerate() {
        let mut v = f.locals[k];
        if crate::interp::is_null(cx, v) {
            continue;
        }
        let cell = code.cellvars.contains(&(k as u32)) || code.freevars.contains(&(k as u32));
        if cell && cx.promote_class(v) == CELL.class() {
            v = cx.getfield_ref(v, &CELL_VALUE);
            if crate::interp::is_null(cx, v) {
                continue;
            }
        }
        names.push(crate::strings::str_from(cx, name));
        values.push(v);
    }
    let names = crate::interp::tuple(cx, &names);
    let values = crate::interp::tuple(cx, &values);
    crate::interp::tuple(cx, &[names, values])
}

/// The caller's scope as `(name, value)` pairs, or its namespace dict (a class body).
enum Scope {
    Pairs(Vec<(Rc<str>, usize)>),
    Dict(usize),
}

fn scope(rt: &Python, kw: Kw<'_>) -> Option<Scope> {
    let s = kwarg(kw, SCOPE)?;
    if is(s, &MODULE) {
        let id = rt.module_id(s) as usize;
        let order = rt.modules.borrow()[id].order.clone();
        let pairs =
            order.into_iter().filter_map(|n| crate::globals::peek_global_of(rt, s, &n).map(|v| (n, v))).collect();
        return Some(Scope::Pairs(pairs));
    }
    if dict::is_dict(s) {
        return Some(Scope::Dict(s));
    }
    let parts = tuple_items(s);
    let (names, values) = (tuple_items(parts[0]), tuple_items(parts[1]));
    Some(Scope::Pairs(names.into_iter().map(|n| Rc::from(text(n))).zip(values).collect()))
}

/// A new dict of `pairs`.
fn dict_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, pairs: &[(Rc<str>, usize)]) -> PyResult {
    let d = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, d);
    for (n, v) in pairs {
        let k = new_str(cx.heap_mut(), n);
        dict::set(cx, rt, d, k, *v)?;
    }
    Ok(d)
}

/// `locals()` (also `vars()`): the caller's names and values as a dict.
pub fn locals_dict<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fname: &str, kw: Kw<'_>) -> PyResult {
    match scope(rt, kw) {
        Some(Scope::Dict(d)) => Ok(d),
        Some(Scope::Pairs(p)) => dict_of(cx, rt, &p),
        None => err(cx, rt, "TypeError", &format!("{fname}() needs its caller's frame")),
    }
}

/// `dir()`: the caller's names, sorted.
pub fn dir_names<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, kw: Kw<'_>) -> PyResult {
    let mut names: Vec<Rc<str>> = match scope(rt, kw) {
        Some(Scope::Pairs(p)) => p.into_iter().map(|(n, _)| n).collect(),
        Some(Scope::Dict(d)) => {
            dict::items(d).into_iter().filter(|&(k, _)| is(k, &STR)).map(|(k, _)| Rc::from(text(k))).collect()
        }
        None => return err(cx, rt, "TypeError", "dir() needs its caller's frame"),
    };
    names.sort();
    let objs: Vec<usize> = names
        .iter()
        .map(|n| {
            let s = new_str(cx.heap_mut(), n);
            let _ = metatrace::Ctx::root(cx, s);
            s
        })
        .collect();
    Ok(new_list(cx.heap_mut(), &objs))
}

fn no_args<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fname: &str, args: &[usize]) -> Result<(), usize> {
    if args.is_empty() {
        return Ok(());
    }
    let msg = format!("{fname}() takes no arguments ({} given)", args.len());
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

pub(super) fn globals<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    no_args(cx, rt, "globals", args)?;
    locals_dict(cx, rt, "globals", kw)
}

pub(super) fn locals<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    no_args(cx, rt, "locals", args)?;
    locals_dict(cx, rt, "locals", kw)
}
