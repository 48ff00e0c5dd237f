//! Object lifetime: the `_gc` module behind `gc.collect()`, `weakref` and `__del__`.
//!
//! The toolchain's heap is traced, not reference counted, so an object is found dead by a
//! collection, as in PyPy: `__del__` runs after the collection that found its object
//! unreachable, at a safe point (`gc.collect()` here), not when its last reference goes.
//! An instance of a class with `__del__` is registered with the heap when `object.__new__`
//! makes it (such classes are never "plain": see `instantiation::find`), so other objects pay
//! nothing; the heap queues it when it becomes unreachable (with what it reaches, weak
//! references to them already cleared) and [`collect`] runs the finalizers of the queue. At
//! exit, [`at_exit`] runs `__del__` for the registered objects still alive, as CPython's
//! module teardown does.
//!
//! A weak reference is a one-field cell whose field the heap zeroes when its target dies
//! ([`WEAKCELL`]); `weakref.py` builds `ref`, the weak containers and `finalize` on
//! `_gc.ref(obj)` and `_gc.deref(cell)`, and runs their callbacks after `_gc.collect()`.

use super::*;
use metatrace::heap::HEADER;
use metatrace::Ctx;

rows! {
    "_gc.collect" => gc_collect,
    "_gc.at_exit" => gc_at_exit,
    "_gc.ref" => weak_new,
    "_gc.deref" => weak_deref,
    "_gc.collections" => gc_collections,
}

/// A weak reference: one word the collector does not trace and zeroes when its target dies.
pub static WEAKCELL: metatrace::heap::Layout = metatrace::heap::Layout::object("weakcell", 8, &[]).with_weak(&[HEADER]);

/// Whether instances of class `t` need their `__del__` run: registered when made. (The
/// classes' dicts are read, not the attribute cache: most classes have no `__del__`, and
/// caching the misses would crowd the cache the attribute paths use.)
pub fn needs_finalizer(rt: &Python, t: usize) -> bool {
    let types = rt.types.borrow();
    types[classes::type_id(t)].mro.iter().any(|&c| types[classes::type_id(c)].dict.borrow().contains_key("__del__"))
}

/// `_gc.ref(obj)`: a new weak cell referring to `obj`.
fn weak_new<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let [obj] = args[..] else { return err(cx, rt, "TypeError", "_gc.ref() takes exactly one argument") };
    let cell = cx.heap_mut().alloc(&WEAKCELL);
    // SAFETY: just allocated with the WEAKCELL layout: one word after the header.
    unsafe { *((cell + HEADER as usize) as *mut usize) = obj };
    Ok(cell)
}

/// `_gc.deref(cell)`: the object `cell` refers to, or None once it died.
fn weak_deref<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let [cell] = args[..] else { return err(cx, rt, "TypeError", "_gc.deref() takes exactly one argument") };
    if !is(cell, &WEAKCELL) {
        return err(cx, rt, "TypeError", "_gc.deref() expects a weak cell");
    }
    // SAFETY: a live weak cell: its word after the header.
    let obj = unsafe { *((cell + HEADER as usize) as *const usize) };
    Ok(if obj == 0 { rt.none.get() } else { obj })
}

/// `_gc.collect()`: collects now, then runs the finalizers of the objects found dead (and of
/// those their finalizers leave dead, a few rounds); returns how many ran.
fn gc_collect<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let mut ran = 0;
    for _ in 0..4 {
        cx.collect_now();
        let n = run_queued(cx, rt);
        ran += n;
        if n == 0 {
            break;
        }
    }
    Ok(new_int(cx.heap_mut(), ran as i64))
}

/// `_gc.collections()`: how many collections ran so far (the weak containers drop their dead
/// entries when it changed).
fn gc_collections<S: Space>(cx: &mut Cx<'_, S>, _: &Python, _: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let n = cx.heap_mut().stats().collections;
    Ok(new_int(cx.heap_mut(), n as i64))
}

/// `_gc.at_exit()`: runs the finalizers of the objects waiting for theirs, then `__del__` of
/// every registered object still alive, oldest first (what CPython's teardown of the modules
/// does for the objects they hold).
fn gc_at_exit<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    run_queued(cx, rt);
    for _ in 0..4 {
        // (Registered objects the last collection found alive, or made since: all still
        // there, whether or not something refers to them now.)
        let alive = cx.heap_mut().take_registered();
        if alive.is_empty() {
            break;
        }
        let mark = alive.iter().map(|&o| cx.root(o)).next();
        for o in alive {
            finalize(cx, rt, o);
        }
        if let Some(m) = mark {
            cx.unroot(m);
        }
        run_queued(cx, rt);
    }
    Ok(rt.none.get())
}

/// Runs the finalizers of the objects the heap queued; returns how many.
fn run_queued<S: Space>(cx: &mut Cx<'_, S>, rt: &Python) -> usize {
    let mut n = 0;
    while let Some(o) = cx.take_finalizable() {
        // (Rooted while its finalizer runs, which may allocate.)
        let mark = cx.root(o);
        finalize(cx, rt, o);
        cx.unroot(mark);
        n += 1;
    }
    n
}

/// Runs the finalizer of `o`: `__del__`, or `close()` for a generator; an exception it
/// raises is reported on stderr and dropped, as CPython does.
fn finalize<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) {
    if is(o, &crate::generators::GENERATOR) {
        let _ = super::methods::close_iter(cx, rt, None, &[o], &[]);
        return;
    }
    let Some(r) = b::call_method(cx, rt, o, "__del__", &[]) else { return };
    if let Err(e) = r {
        let t = b::peek_type(rt, o);
        eprint!(
            "Exception ignored in: <function {}.__del__ at {:#x}>\n{}",
            classes::type_name(rt, t),
            classes::lookup(rt, t, "__del__").unwrap_or(0),
            crate::errors::format_uncaught(rt, e)
        );
    }
}
