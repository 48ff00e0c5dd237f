//! Coroutines and async generators as Python sees them: the methods of `coroutine` and
//! `async_generator` objects, and the natives behind `await`, `async with` and `async for`
//! (`GetAwaitable`, `BeforeAsyncWith`, `GetAIter`, `GetANext`).
//!
//! An async generator's `__anext__`, `asend`, `athrow` and `aclose` return awaitables
//! written in Python (the frozen `_asyncgen` module); they drive the generator's frame with
//! `_step`, which tells the values its `yield`s produce (wrapped, see `generators`) from
//! what its `await`s pass through to the event loop.

use super::methods::{delegate, gen_close, gen_send_m, gen_throw, throw_into};
use super::*;
use crate::generators::{ASYNC_GEN, COROUTINE, GENERATOR, WRAPPED, WRAPPED_VALUE};

rows! {
    "coroutine.send" => gen_send_m,
    "coroutine.throw" => gen_throw,
    "coroutine.close" => gen_close,
    "coroutine.__await__" => coro_await,
    "async_generator.__aiter__" => agen_aiter,
    "async_generator.__anext__" => agen_anext,
    "async_generator.asend" => agen_asend,
    "async_generator.athrow" => agen_athrow,
    "async_generator.aclose" => agen_aclose,
    "async_generator._step" => agen_step,
    "aiter" => builtin_aiter,
    "anext" => builtin_anext,
}

/// `aiter(obj)` (in `_asyncgen`).
pub(super) fn builtin_aiter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if args.len() != 1 || !kw.is_empty() {
        let msg = format!("aiter expected 1 argument, got {}", args.len() + kw.len());
        return err(cx, rt, "TypeError", &msg);
    }
    helper(cx, rt, "aiter", args)
}

/// `anext(it[, default])` (in `_asyncgen`).
pub(super) fn builtin_anext<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if args.is_empty() || !kw.is_empty() {
        let msg = format!("anext expected at least 1 argument, got {}", args.len() + kw.len());
        return err(cx, rt, "TypeError", &msg);
    }
    helper(cx, rt, "anext", args)
}

/// `coro.__await__()`: an iterator over the coroutine (`_asyncgen.coroutine_wrapper`).
pub(super) fn coro_await<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    helper(cx, rt, "coroutine_wrapper", &[this(t)])
}

pub(super) fn agen_aiter<S: Space>(
    _: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(this(t))
}

/// Calls `_asyncgen.NAME(args)`.
fn helper<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str, args: &[usize]) -> PyResult {
    for &a in args {
        let _ = metatrace::Ctx::root(cx, a);
    }
    let m = crate::modules::import_module(cx, rt, "_asyncgen")?;
    let Some(f) = crate::globals::peek_global_of(rt, m, name) else {
        return err(cx, rt, "SystemError", &format!("_asyncgen.{name} is missing"));
    };
    call_value(cx, rt, f, args, &[])
}

pub(super) fn agen_anext<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let none = rt.none.get();
    helper(cx, rt, "asend", &[this(t), none])
}

pub(super) fn agen_asend<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = arg(cx, rt, args, 0, "asend")?;
    helper(cx, rt, "asend", &[this(t), v])
}

pub(super) fn agen_athrow<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let e = arg(cx, rt, args, 0, "athrow")?;
    let base = rt.builtin_type("BaseException");
    let class = is(e, &TYPE) && classes::is_subclass(rt, e, base);
    if !class && !classes::is_subclass(rt, b::peek_type(rt, e), base) {
        let msg =
            format!("exceptions must be classes or instances deriving from BaseException, not {}", b::type_name(rt, e));
        return err(cx, rt, "TypeError", &msg);
    }
    let e = if class { crate::types::call_type(cx, rt, e, &args[1..], &[])? } else { e };
    helper(cx, rt, "athrow", &[this(t), e])
}

pub(super) fn agen_aclose<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    helper(cx, rt, "aclose", &[this(t)])
}

/// `agen._step(value, exc)`: resumes the async generator's frame with `value` sent, or
/// with `exc` (not None) thrown in; `(True, v)` when it yielded `v` to its consumer,
/// `(False, v)` when an `await` in it passed `v` on to the event loop; StopAsyncIteration
/// when it ended.
pub(super) fn agen_step<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let g = this(t);
    let none = rt.none.get();
    let v = args.first().copied().unwrap_or(none);
    let e = args.get(1).copied().filter(|&e| e != none);
    let step = match e {
        Some(e) => throw_into(cx, rt, g, e)?,
        None => b::gen_send(cx, rt, g, v, None)?,
    };
    match step {
        b::GenStep::Yielded(r) if is(r, &WRAPPED) => {
            // SAFETY: a live wrapped value's field is an object.
            let inner = unsafe { read_word(r, &WRAPPED_VALUE) } as usize;
            Ok(new_tuple(cx.heap_mut(), &[rt.true_.get(), inner]))
        }
        b::GenStep::Yielded(r) => Ok(new_tuple(cx.heap_mut(), &[rt.false_.get(), r])),
        b::GenStep::Returned(_) => {
            let ty = rt.builtin_type("StopAsyncIteration");
            Err(crate::types::call_type(cx, rt, ty, &[], &[])?)
        }
    }
}

/// What `await x` iterates: `x` if it is a coroutine, else `x.__await__()`; `what` words the
/// TypeError for an object that is not awaitable (None: CPython's `await` message).
pub fn awaitable<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, x: usize, what: Option<&str>) -> PyResult {
    if is(x, &COROUTINE) {
        return Ok(x);
    }
    let tn = b::type_name(rt, x);
    let Some(m) = classes::special(rt, b::peek_type(rt, x), "__await__") else {
        let msg = match what {
            Some(w) => format!("{w}{tn}"),
            None => format!("object {tn} can't be used in 'await' expression"),
        };
        return err(cx, rt, "TypeError", &msg);
    };
    let _ = metatrace::Ctx::root(cx, x);
    let r = call_value(cx, rt, m, &[x], &[])?;
    if !(is(r, &GENERATOR) || is(r, &COROUTINE) || classes::special(rt, b::peek_type(rt, r), "__next__").is_some()) {
        let msg = format!("__await__() returned non-iterator of type '{}'", b::type_name(rt, r));
        return err(cx, rt, "TypeError", &msg);
    }
    Ok(r)
}

/// The natives of the coroutine instructions (see `builtins::NativeOp`).
pub fn run_op<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: b::NativeOp, a: usize, v: usize) -> PyResult {
    match op {
        b::NativeOp::GetAwaitable => awaitable(cx, rt, a, None),
        b::NativeOp::BeforeAsyncWith => {
            // `(awaitable of mgr.__aenter__(), mgr.__aexit__)`
            let t = b::peek_type(rt, a);
            let tn = b::type_name(rt, a);
            if classes::special(rt, t, "__aenter__").is_none() {
                let msg = format!("'{tn}' object does not support the asynchronous context manager protocol");
                return err(cx, rt, "TypeError", &msg);
            }
            if classes::special(rt, t, "__aexit__").is_none() {
                let msg = format!(
                    "'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                );
                return err(cx, rt, "TypeError", &msg);
            }
            let exit = crate::types::getattr(cx, rt, a, "__aexit__")?;
            let _ = metatrace::Ctx::root(cx, exit);
            let enter = crate::types::getattr(cx, rt, a, "__aenter__")?;
            let r = call_value(cx, rt, enter, &[], &[])?;
            let _ = metatrace::Ctx::root(cx, r);
            let what = "'async with' received an object from __aenter__ that does not implement __await__: ";
            let r = awaitable(cx, rt, r, Some(what))?;
            Ok(new_tuple(cx.heap_mut(), &[r, exit]))
        }
        b::NativeOp::GetAIter => {
            let tn = b::type_name(rt, a);
            let Some(m) = classes::special(rt, b::peek_type(rt, a), "__aiter__") else {
                return err(
                    cx,
                    rt,
                    "TypeError",
                    &format!("'async for' requires an object with __aiter__ method, got {tn}"),
                );
            };
            let r = call_value(cx, rt, m, &[a], &[])?;
            if classes::special(rt, b::peek_type(rt, r), "__anext__").is_none() {
                let msg = format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    b::type_name(rt, r)
                );
                return err(cx, rt, "TypeError", &msg);
            }
            Ok(r)
        }
        b::NativeOp::GetANext => {
            let tn = b::type_name(rt, a);
            let Some(m) = classes::special(rt, b::peek_type(rt, a), "__anext__") else {
                return err(
                    cx,
                    rt,
                    "TypeError",
                    &format!("'async for' requires an iterator with __anext__ method, got {tn}"),
                );
            };
            let r = call_value(cx, rt, m, &[a], &[])?;
            let _ = metatrace::Ctx::root(cx, r);
            awaitable(cx, rt, r, Some("'async for' received an invalid object from __anext__: "))
        }
        b::NativeOp::SendTo => match b::call_method(cx, rt, a, "send", &[v]) {
            Some(r) => r,
            None => {
                let msg = format!("'{}' object has no attribute 'send'", b::type_name(rt, a));
                err(cx, rt, "AttributeError", &msg)
            }
        },
        _ => unreachable!("not a coroutine op"),
    }
}

/// Whether `o` is a coroutine, an async generator or a generator object (for `repr`).
pub fn is_gen_like(o: usize) -> bool {
    is(o, &GENERATOR) || is(o, &COROUTINE) || is(o, &ASYNC_GEN)
}

/// The introspection attributes of generators (`gi_`), coroutines (`cr_`) and async
/// generators (`ag_`): `*_running`, `*_code`, `*_frame`, and what it awaits (`gi_yieldfrom`,
/// `cr_await`, `ag_await`). None for other names.
pub fn gen_attr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, g: usize, name: &str) -> Option<PyResult> {
    let prefix = if is(g, &COROUTINE) {
        "cr_"
    } else if is(g, &ASYNC_GEN) {
        "ag_"
    } else {
        "gi_"
    };
    let field = name.strip_prefix(prefix)?;
    // SAFETY: a live generator object's state and code number.
    let (state, code) = unsafe {
        (read_word(g, &crate::generators::GEN_STATE) as i64, read_word(g, &crate::generators::GEN_CODE) as u32)
    };
    match field {
        "running" => Some(Ok(rt.bool_obj(state == crate::generators::RUNNING))),
        "code" => Some(super::code_object(cx, rt, code)),
        // A frame while the generator may still run (at the instruction it will resume
        // after), None once it finished.
        "frame" => Some(match state {
            crate::generators::FINISHED => Ok(rt.none.get()),
            s => super::exceptions::make_frame(cx, rt, code, (s.max(1) - 1) as usize),
        }),
        "yieldfrom" if prefix == "gi_" => Some(Ok(delegate(rt, g).map(|(sub, _)| sub).unwrap_or(rt.none.get()))),
        "await" if prefix != "gi_" => Some(Ok(delegate(rt, g).map(|(sub, _)| sub).unwrap_or(rt.none.get()))),
        "suspended" if prefix == "gi_" || prefix == "cr_" => Some(Ok(rt.bool_obj(state > 0))),
        _ => None,
    }
}
