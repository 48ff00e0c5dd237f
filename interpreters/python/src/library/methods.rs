//! The methods of `int`, `float`, generators and `property`.

use super::*;

rows! {
    "float.is_integer" => float_is_integer,
    "int.bit_length" => int_bit_length,
    "generator.send" => gen_send_m,
    "generator.throw" => gen_throw,
    "generator.close" => gen_close,
    "__close_iter__" => close_iter,
    "generator.__next__" => gen_next,
    "property.__init__" => prop_init,
    "property.setter" => prop_setter,
    "property.getter" => prop_getter,
    "property.deleter" => prop_deleter,
}

pub(super) fn float_is_integer<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = f64::from_bits(unsafe { read_word(this(t), &FLOAT_VALUE) });
    Ok(rt.bool_obj(f.is_finite() && f.fract() == 0.0))
}
pub(super) fn int_bit_length<S: Space>(
    cx: &mut Cx<'_, S>,
    _rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = peek_bigint(this(t)).unwrap_or_default();
    Ok(new_int(cx.heap_mut(), v.bits() as i64))
}
/// `__name__` / `__qualname__` of a builtin function or a generator.
pub fn callable_name(rt: &Python, obj: usize, attr: &str) -> Option<String> {
    if attr != "__name__" && attr != "__qualname__" {
        return None;
    }
    if is(obj, &BUILTIN) {
        // SAFETY: a live builtin.
        let id = unsafe { read_word(obj, &BUILTIN_ID) } as usize;
        let full = super::NAMES[id];
        let short = full.rsplit('.').next().unwrap_or(full);
        let method = b::is_method_name(full);
        return Some(if attr == "__qualname__" && method { full.to_string() } else { short.to_string() });
    }
    if super::is_gen_like(obj) {
        // SAFETY: a live generator's code number.
        let code = rt.code(unsafe { read_word(obj, &crate::generators::GEN_CODE) } as u32);
        return Some(if attr == "__name__" { code.name.to_string() } else { code.qualname.to_string() });
    }
    None
}

pub(super) fn gen_result<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, g: usize, step: b::GenStep) -> PyResult {
    match step {
        b::GenStep::Yielded(v) => Ok(v),
        b::GenStep::Returned(_) => Err(crate::generators::stop_iteration(cx, rt, g)),
    }
}
pub(super) fn gen_send_m<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = arg(cx, rt, args, 0, "send")?;
    let step = b::gen_send(cx, rt, this(t), v, None)?;
    gen_result(cx, rt, this(t), step)
}
pub(super) fn gen_next<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let step = b::gen_send(cx, rt, this(t), rt.none.get(), None)?;
    gen_result(cx, rt, this(t), step)
}
pub(super) fn gen_throw<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let e = arg(cx, rt, args, 0, "throw")?;
    let base = rt.builtin_type("BaseException");
    let class = is(e, &TYPE) && classes::is_subclass(rt, e, base);
    if !class && !isa(rt, e, "BaseException") {
        let msg =
            format!("exceptions must be classes or instances deriving from BaseException, not {}", b::type_name(rt, e));
        return err(cx, rt, "TypeError", &msg);
    }
    let e = if class { crate::types::call_type(cx, rt, e, &args[1..], &[])? } else { e };
    let step = throw_into(cx, rt, this(t), e)?;
    gen_result(cx, rt, this(t), step)
}
pub(super) fn gen_close<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    close(cx, rt, this(t))?;
    Ok(rt.none.get())
}

/// `__close_iter__(it)`: closes `it` if it is a generator (the compiler calls it when a loop
/// drops an iterator only it referred to: see `pop_iterator` in `compile::stmt`).
pub(super) fn close_iter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    if let [g] = args[..] {
        if is(g, &crate::generators::GENERATOR) {
            if let Err(e) = close(cx, rt, g) {
                // As CPython's collector does: the error is reported, not raised.
                // SAFETY: a live generator: its code field is its code's number.
                let code = rt.code(unsafe { read_word(g, &crate::generators::GEN_CODE) } as u32);
                eprint!(
                    "Exception ignored in: <generator object {} at {g:#x}>\n{}",
                    code.qualname,
                    crate::errors::format_uncaught(rt, e)
                );
            }
        }
    }
    Ok(rt.none.get())
}

fn isa(rt: &Python, e: usize, class: &str) -> bool {
    classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type(class))
}

/// `g.close()`: GeneratorExit raised at its yield (after closing what it delegates to).
pub(super) fn close<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, g: usize) -> Result<(), usize> {
    use crate::generators::{FINISHED, GEN_STATE, UNSTARTED};
    let state = unsafe { read_word(g, &GEN_STATE) } as i64;
    if state == UNSTARTED || state == FINISHED {
        unsafe { *((g + GEN_STATE.offset as usize) as *mut i64) = FINISHED };
        return Ok(());
    }
    let _ = metatrace::Ctx::root(cx, g);
    let exit = crate::types::call_type(cx, rt, rt.builtin_type("GeneratorExit"), &[], &[])?;
    let _ = metatrace::Ctx::root(cx, exit);
    match throw_into(cx, rt, g, exit) {
        Ok(b::GenStep::Yielded(_)) => {
            let what = if is(g, &crate::generators::COROUTINE) { "coroutine" } else { "generator" };
            err(cx, rt, "RuntimeError", &format!("{what} ignored GeneratorExit")).map(|_| ())
        }
        Ok(b::GenStep::Returned(_)) => Ok(()),
        Err(e) if isa(rt, e, "GeneratorExit") || isa(rt, e, "StopIteration") => Ok(()),
        Err(e) => Err(e),
    }
}

/// The iterator generator `g` delegates to, if it is suspended in a `yield from` (at the
/// yield of the loop the compiler makes: `Send(yield); Jump(end); yield: YieldValue;
/// JumpBack(Send)`), and the pc of that `Send`.
pub(super) fn delegate(rt: &Python, g: usize) -> Option<(usize, u32)> {
    use crate::bytecode::Op;
    use crate::generators::{GEN_CODE, GEN_NSTACK, GEN_SLOTS, GEN_STATE};
    // SAFETY: a live generator: its state, code, and saved slots (locals, then a stack of
    // `nstack` items).
    let (state, code, n, slots) = unsafe {
        (
            read_word(g, &GEN_STATE) as i64,
            read_word(g, &GEN_CODE) as u32,
            read_word(g, &GEN_NSTACK) as usize,
            read_word(g, &GEN_SLOTS) as usize,
        )
    };
    if state <= 0 || n == 0 {
        return None;
    }
    let code = rt.code(code);
    let Some(&Op::JumpBack(head)) = code.ops.get(state as usize) else { return None };
    if !matches!(code.ops.get(head as usize), Some(Op::Send(_))) {
        return None;
    }
    // SAFETY: item `n - 1` of the saved stack is within the slots array.
    let at = code.varnames.len() + n - 1;
    let sub = unsafe { *((slots + REFS_ITEMS.base as usize + 8 * at) as *const usize) };
    Some((sub, head))
}

/// Resumes `g` after the `yield from` at `send` ended with `value` (its sub-iterator
/// returned while an exception was thrown into it).
fn end_delegation<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, g: usize, send: u32, value: usize) -> PyResult2 {
    use crate::generators::{GEN_NSTACK, GEN_STATE};
    // SAFETY: a live suspended generator: drop the sub-iterator, resume after the `Send`.
    unsafe {
        let n = read_word(g, &GEN_NSTACK) as i64;
        *((g + GEN_NSTACK.offset as usize) as *mut i64) = n - 1;
        *((g + GEN_STATE.offset as usize) as *mut i64) = send as i64 + 1;
    }
    b::gen_send(cx, rt, g, value, None)
}

type PyResult2 = Result<b::GenStep, usize>;

/// `g.throw(e)`: delegated to the iterator a `yield from` is running, if any (CPython's
/// `_gen_throw`): GeneratorExit closes it first; anything else is thrown into it.
pub(super) fn throw_into<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, g: usize, e: usize) -> PyResult2 {
    let none = rt.none.get();
    // Both stay alive across the Python code closing or throwing into the sub-iterator runs.
    let _ = metatrace::Ctx::root(cx, g);
    let _ = metatrace::Ctx::root(cx, e);
    let Some((sub, send)) = delegate(rt, g) else { return b::gen_send(cx, rt, g, none, Some(e)) };
    let _ = metatrace::Ctx::root(cx, sub);
    if isa(rt, e, "GeneratorExit") {
        let closed = if is(sub, &crate::generators::GENERATOR) || is(sub, &crate::generators::COROUTINE) {
            close(cx, rt, sub)
        } else {
            match b::call_method(cx, rt, sub, "close", &[]) {
                Some(r) => r.map(|_| ()),
                None => Ok(()),
            }
        };
        let e = closed.err().unwrap_or(e);
        return b::gen_send(cx, rt, g, none, Some(e));
    }
    let r = if is(sub, &crate::generators::GENERATOR) || is(sub, &crate::generators::COROUTINE) {
        throw_into(cx, rt, sub, e)
    } else {
        match b::call_method(cx, rt, sub, "throw", &[e]) {
            Some(Ok(v)) => Ok(b::GenStep::Yielded(v)),
            Some(Err(x)) if isa(rt, x, "StopIteration") => {
                let v = classes::peek_slot(rt, x, "value").unwrap_or(none);
                Ok(b::GenStep::Returned(v))
            }
            Some(Err(x)) => Err(x),
            None => return b::gen_send(cx, rt, g, none, Some(e)),
        }
    };
    match r {
        Ok(b::GenStep::Yielded(v)) => Ok(b::GenStep::Yielded(v)),
        Ok(b::GenStep::Returned(v)) => end_delegation(cx, rt, g, send, v),
        Err(x) => b::gen_send(cx, rt, g, none, Some(x)),
    }
}

/// A copy of property `p` with one accessor replaced (`@x.setter`).
pub(super) fn prop_with<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, p: usize, slot: &str, f: usize) -> PyResult {
    let get = |n: &str| classes::peek_slot(rt, p, n).unwrap_or(rt.none.get());
    let mut vals = [get("fget"), get("fset"), get("fdel"), get("__doc__")];
    let k = ["fget", "fset", "fdel"].iter().position(|&n| n == slot).unwrap_or(0);
    vals[k] = f;
    crate::types::call_type(cx, rt, rt.builtin_type("property"), &vals, &[])
}
/// `property.__init__(self, fget=None, fset=None, fdel=None, doc=None)`: what the constructor
/// set, set again (for a subclass's `__init__`).
pub(super) fn prop_init<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    crate::types::init_descriptor(cx, rt, this(t), true, args, kw)?;
    Ok(rt.none.get())
}
pub(super) fn prop_setter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = arg(cx, rt, args, 0, "setter")?;
    prop_with(cx, rt, this(t), "fset", f)
}
pub(super) fn prop_getter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = arg(cx, rt, args, 0, "getter")?;
    prop_with(cx, rt, this(t), "fget", f)
}
pub(super) fn prop_deleter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = arg(cx, rt, args, 0, "deleter")?;
    prop_with(cx, rt, this(t), "fdel", f)
}
