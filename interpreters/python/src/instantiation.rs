//! Calling a plain class, `Point(1, 2)`, without leaving the interpreter: a new instance, then
//! its `__init__` run as a frame of the caller, which traces inline.
//!
//! In general calling a class is `type.__call__` (see `typeobj.rs`): the metaclass's
//! `__call__`, `__new__`, the abstract-class check, then `__init__` found and bound like any
//! attribute. All of that is Rust reached through a native call, so the interpreter builds an
//! argument tuple and re-enters itself for `__init__`, and a trace cannot see into it. Most
//! classes a program calls are *plain*: their metaclass is `type`, their `__new__` is
//! `object.__new__`, they are not abstract or subclasses of a builtin value type, and their
//! `__init__` is a Python function (or `object.__init__`), and they have no `__del__` (whose
//! instances `object.__new__` registers for finalization). User exception classes with an
//! `__init__` of their own are plain too: `BaseException.__new__` sets `args` from the
//! positional arguments, as [`classes::new_exception`] does. For those the outcome is
//! fixed by green data: [`plain_class`] decides it from the promoted class, and the trace
//! depends on the class's version, so it is invalidated if the class (or a base) changes.
//!
//! The call itself ([`instantiate`]) allocates the instance and calls `__init__` with it as
//! the first argument, like any Python function. While `__init__` runs, the calling frame is
//! in phase [`INIT`] with the new instance on its stack: if it is resumed there (a guard
//! failed in the inlined `__init__`), [`init_done`] finishes the instruction as the direct path
//! does: the `__init__` result must be None, and the instance is the call's result.

use crate::classes::{self, type_id};
use crate::frame::Args;
use crate::interp::{Frame, CONT, INIT};
use crate::objects::*;
use crate::space::Space;
use crate::typeobj::is_builtin_named;
use crate::{errors, Py, Python};
use metatrace::Ctx;
use std::rc::Rc;

/// What calling a plain class runs after making the instance.
#[derive(Clone, Copy)]
pub enum PlainClass {
    /// `__init__` is this Python function (whose parameters need no dicts to bind); the
    /// class derives from `BaseException` or not.
    Init { init: usize, exception: bool },
    /// `__init__` is `object.__init__`: the call takes no arguments.
    ObjectInit,
}

/// Whether calling class `cls` is plain (see the module notes), and what it runs; None for
/// any other class, which `type.__call__` handles. The trace depends on `cls`'s version; the
/// interpreter keeps the answer in the class's [`crate::runtime::TypeInfo::plain`] until a class changes.
pub fn plain_class<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, cls: C::Ref) -> Option<PlainClass> {
    let t = cx.promote_ref(cls);
    let plain = if cx.we_are_jitted() {
        let _ = cx.quasi_get(rt.types.borrow()[type_id(t)].version);
        find(rt, t)
    } else {
        let epoch = rt.class_attrs.epoch();
        let known = rt.types.borrow()[type_id(t)].plain.get();
        match known {
            (e, plain) if e == epoch => plain,
            _ => {
                let plain = find(rt, t);
                rt.types.borrow()[type_id(t)].plain.set((epoch, plain));
                plain
            }
        }
    };
    if let Some(PlainClass::Init { init, .. }) = plain {
        // (The function's code is read each time: it is the function's, not the class's.)
        let f = cx.const_ref(init);
        let code = rt.code(crate::call::code_of::<S, C>(cx, f));
        if code.varkeywords || code.kwonlyargcount > 0 || code.kind == crate::bytecode::CodeKind::Generator {
            return None;
        }
    }
    plain
}

/// [`plain_class`] for class `t`, from its attributes and those of its bases.
fn find(rt: &Python, t: usize) -> Option<PlainClass> {
    let type_ = rt.known.type_.get();
    let exception = {
        let types = rt.types.borrow();
        let info = &types[type_id(t)];
        if info.builtin || info.value_base != 0 || (info.meta != 0 && info.meta != type_) {
            return None;
        }
        if info.mro.contains(&type_) || info.dict.borrow().contains_key("__abstractmethods__") {
            return None;
        }
        info.exception
    };
    let new = classes::lookup(rt, t, "__new__")?;
    if !is_builtin_named(new, "object.__new__") || crate::library::needs_finalizer(rt, t) {
        return None;
    }
    let init = classes::lookup(rt, t, "__init__")?;
    if !exception && is_builtin_named(init, "object.__init__") {
        return Some(PlainClass::ObjectInit);
    }
    is(init, &FUNCTION).then_some(PlainClass::Init { init, exception })
}

/// Calls plain class `cls` (what [`plain_class`] found) with `args` and keyword arguments, from
/// frame `f` in phase `CONT`; `f` is in that phase again when this returns.
pub fn instantiate<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    f: &mut Frame<C>,
    cls: C::Ref,
    plain: PlainClass,
    mut args: Args<C>,
    kwargs: Option<(Rc<[Rc<str>]>, Vec<C::Ref>)>,
) -> Result<C::Ref, C::Ref> {
    let (init, exception) = match plain {
        PlainClass::ObjectInit if args.is_empty() && kwargs.is_none() => return Ok(classes::new_instance(cx, cls)),
        PlainClass::ObjectInit => {
            let t = cx.promote_ref(cls);
            let msg = format!("{}() takes no arguments", classes::type_name(rt, t));
            return Err(errors::new_error(cx, rt, "TypeError", &msg));
        }
        PlainClass::Init { init, exception } => (cx.const_ref(init), exception),
    };
    if !cx.stack_ok() {
        return Err(errors::new_error(cx, rt, "RecursionError", "maximum recursion depth exceeded"));
    }
    let obj = if exception {
        let t = crate::interp::tuple(cx, &args);
        classes::new_exception(cx, rt, cls, t)
    } else {
        classes::new_instance(cx, cls)
    };
    args.insert(0, obj);
    let exc = f.exc;
    let exact = if kwargs.is_none() { crate::call::bind_exact::<S, C>(cx, rt, init, &args, exc) } else { None };
    let callee = match exact {
        Some(callee) => callee,
        None => crate::call::bind::<S, C>(cx, rt, init, &args, kwargs, exc, &mut crate::call::NoKwDicts)?,
    };
    f.push(obj);
    f.phase = INIT;
    let r = cx.call_frame(f, callee);
    f.phase = CONT;
    f.pop();
    init_returned::<S, C>(cx, rt, r?)?;
    Ok(obj)
}

/// Finishes the instruction of a frame resumed in phase [`INIT`] (`[.., obj, result]`): the
/// instance, or the TypeError of an `__init__` that returned something else than None.
pub fn init_done<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, f: &mut Frame<C>) -> Result<(), C::Ref> {
    let r = f.pop();
    let obj = f.pop();
    init_returned::<S, C>(cx, rt, r)?;
    f.push(obj);
    Ok(())
}

/// Checks that `__init__` returned None (`r`).
fn init_returned<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, r: C::Ref) -> Result<(), C::Ref> {
    let none = cx.const_ref(rt.none.get());
    let is_none = cx.ptr_eq(r, none);
    if cx.is_true(is_none) {
        return Ok(());
    }
    let t = classes::type_of(cx, rt, r);
    let msg = format!("__init__() should return None, not '{}'", classes::type_name(rt, t));
    Err(errors::new_error(cx, rt, "TypeError", &msg))
}
