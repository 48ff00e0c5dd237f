//! Generators: a generator keeps its frame's state in a heap object, and each `next` (or
//! `send`, `throw`) rebuilds the frame from it and runs it with `call_frame` until it yields
//! or returns. So a `for` loop over a generator traces through the generator's body (it is an
//! inlined call), as PyPy does.
//!
//! The object holds the code, the resume pc (`state`: `UNSTARTED` before the first run,
//! `FINISHED` after it returned or raised, `RUNNING` while it runs), the globals, the locals
//! and the saved value stack. A yield saves the frame back and returns the yielded value;
//! the resumer reads `state` afterwards to tell a yield (a pc) from the end (`FINISHED`, with
//! the return value in `result`).
//!
//! Coroutines (`async def`) and async generators are the same object under other layouts
//! (so other types): an `await` is a `yield from` the awaited iterator, and an async
//! generator's own `yield` yields a value wrapped in a [`WRAPPED`] box, which its `asend`
//! awaitables (`_asyncgen`) tell apart from what its awaits pass through to the event loop.

use crate::builtins::NativeOp;
use crate::bytecode::GenFlavor;
use crate::bytecode::Op;
use crate::interp::{finish as finish_op, finish_unpack, Frame, Step, START};
use crate::objects::*;
use crate::slots::Slots;
use crate::space::Outcome;
use crate::space::Space;
use crate::{errors, Py, Python};
use metatrace::heap::{Layout, HEADER};
use metatrace::{Ctx, FieldDescr, MemKind};

const fn word(k: i32) -> i32 {
    HEADER + 8 * k
}

/// A generator object.
pub static GENERATOR: Layout = Layout::object("generator", 56, GEN_REFS);
/// A coroutine object (a call of an `async def` without `yield`): a generator's fields.
pub static COROUTINE: Layout = Layout::object("coroutine", 56, GEN_REFS);
/// An async generator's frame (a call of an `async def` with `yield`): a generator's fields.
pub static ASYNC_GEN: Layout = Layout::object("async_generator", 56, GEN_REFS);
const GEN_REFS: &[i32] = &[word(2), word(3), word(5), word(6)];
/// A value an async generator yields to its consumer (see the module doc).
pub static WRAPPED: Layout = Layout::object("async_generator_wrapped_value", 8, &[word(0)]);
pub const WRAPPED_VALUE: FieldDescr = FieldDescr::new("wrapped.value", word(0), MemKind::Ref).immutable();
pub const GEN_CODE: FieldDescr = FieldDescr::new("generator.code", word(0), MemKind::I64).immutable();
pub const GEN_STATE: FieldDescr = FieldDescr::new("generator.state", word(1), MemKind::I64);
pub const GEN_GLOBALS: FieldDescr = FieldDescr::new("generator.globals", word(2), MemKind::Ref).immutable();
/// The frame's slots (a `REFS` array): its locals, then room for its value stack.
pub const GEN_SLOTS: FieldDescr = FieldDescr::new("generator.slots", word(3), MemKind::Ref).immutable();
/// How many values the saved stack holds (after the locals in `slots`).
pub const GEN_NSTACK: FieldDescr = FieldDescr::new("generator.nstack", word(4), MemKind::I64);
pub const GEN_RESULT: FieldDescr = FieldDescr::new("generator.result", word(5), MemKind::Ref);
/// The exception the generator's code was handling where it last yielded (at first, its
/// creator's): what it sees again when resumed. (CPython falls back to the resumer's when
/// the generator handles none itself; mtpy does not, which keeps the resumption cheap.)
pub const GEN_EXC: FieldDescr = FieldDescr::new("generator.exc", word(6), MemKind::Ref);

pub const UNSTARTED: i64 = 0;
pub const FINISHED: i64 = -1;
pub const RUNNING: i64 = -2;

/// A generator object for a frame that was just bound (not started).
pub fn make<S: Space, C: Ctx<Py<S>>>(cx: &mut C, f: Frame<C>) -> C::Ref {
    let g = cx.new_object(match f.code.flavor {
        GenFlavor::Plain => &GENERATOR,
        GenFlavor::Coroutine => &COROUTINE,
        GenFlavor::AsyncGen => &ASYNC_GEN,
    });
    let code = cx.int(f.code_id as i64);
    cx.setfield_int(g, &GEN_CODE, code);
    let state = cx.int(UNSTARTED);
    cx.setfield_int(g, &GEN_STATE, state);
    cx.setfield_ref(g, &GEN_GLOBALS, f.globals);
    let n = cx.int((f.slots.locals().len() + f.code.stacksize as usize) as i64);
    let slots = cx.new_array(&REFS, n);
    for (k, &v) in f.slots.locals().iter().enumerate() {
        let k = cx.int(k as i64);
        cx.setarrayitem_ref(slots, k, &REFS_ITEMS, v);
    }
    cx.setfield_ref(g, &GEN_SLOTS, slots);
    let zero = cx.int(0);
    cx.setfield_int(g, &GEN_NSTACK, zero);
    cx.setfield_ref(g, &GEN_EXC, f.exc);
    g
}

/// The frame that resumes generator `g` with `sent` (None for `next`), or with `thrown`
/// raised at its yield; `Err` if it cannot run (already running, finished, or a non-None
/// value sent to a generator not started). (Inlined: the frame is then built where it runs,
/// not copied out of a call.)
#[inline]
pub fn resume<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    g: C::Ref,
    sent: C::Ref,
    thrown: Option<C::Ref>,
) -> Result<Option<Frame<C>>, C::Ref> {
    let state = cx.getfield_int(g, &GEN_STATE);
    let state = cx.promote_int(state);
    if state == RUNNING {
        let msg = if cx.promote_class(g) == COROUTINE.class() {
            "coroutine already executing"
        } else {
            "generator already executing"
        };
        return Err(errors::new_error(cx, rt, "ValueError", msg));
    }
    if state == FINISHED {
        return match thrown {
            Some(e) => Err(e),
            None if cx.promote_class(g) == COROUTINE.class() => {
                Err(errors::new_error(cx, rt, "RuntimeError", "cannot reuse already awaited coroutine"))
            }
            None => Ok(None),
        };
    }
    if state == UNSTARTED && thrown.is_none() && !crate::interp::is_none(cx, rt, sent) {
        return Err(errors::new_error(cx, rt, "TypeError", "can't send non-None value to a just-started generator"));
    }
    let code_id = cx.getfield_int(g, &GEN_CODE);
    let code_id = cx.promote_int(code_id) as u32;
    let code = rt.code(code_id);
    let consts = rt.consts.borrow()[code_id as usize].clone();
    let saved = cx.getfield_ref(g, &GEN_SLOTS);
    let n = cx.getfield_int(g, &GEN_NSTACK);
    let n = cx.promote_int(n) as usize;
    let nlocals = code.varnames.len();
    let mut slots = match in_place::<S, C>(cx, saved, nlocals, n) {
        Some(slots) => slots,
        None => {
            let mut slots = Slots::new_in(&rt.slot_pool, nlocals, code.stacksize as usize, saved);
            for k in 0..nlocals + n {
                let i = cx.int(k as i64);
                let v = cx.getarrayitem_ref(saved, i, &REFS_ITEMS);
                if k < nlocals {
                    slots.set_local(k, v);
                } else {
                    slots.push(v);
                }
            }
            slots
        }
    };
    let mut phase = START;
    if state != UNSTARTED {
        slots.push(sent);
    }
    if let Some(e) = thrown {
        if state == UNSTARTED {
            // Thrown into a generator not started: it ends with the exception at once.
            finish(cx, g, None);
            return Err(e);
        }
        slots.pop();
        slots.push(e);
        phase = crate::interp::RAISING;
    }
    if thrown.is_some() || !cx.we_are_jitted() {
        enter(cx, g);
    } else {
        // While tracing, the frame marks the generator running as its first step
        // (`interp::GEN_ENTER`), so nothing is written before the call that runs it: a trace
        // that does not inline the call (a recursive generator) checks the native stack with a
        // guard first, and a guard after a write would abort the trace (deopt would resume
        // before the write). (The interpreter marks it here, which saves it a step per resume.)
        phase = crate::interp::GEN_ENTER;
    }
    let globals = cx.getfield_ref(g, &GEN_GLOBALS);
    let exc = cx.getfield_ref(g, &GEN_EXC);
    let rt_rc = rt.me.borrow().upgrade().expect("the runtime is alive");
    Ok(Some(Frame {
        rt: rt_rc,
        code,
        consts,
        code_id,
        pc: if state == UNSTARTED { 0 } else { state as u32 },
        phase,
        globals,
        exc,
        ns: cx.const_ref(0),
        gen: g,
        slots,
    }))
}

/// The slots of a generator frame resumed in the interpreter: its saved array itself, which
/// the frame then runs in (so neither the resume nor the next yield copies the locals).
/// None while tracing: a trace reads and writes the saved values one by one, so that they
/// can stay in registers. (This relies on the heap not moving objects: a moving collector
/// would have to pin the array while the frame runs, or this path copy as the tracer's does.)
#[inline(always)]
fn in_place<S: Space, C: Ctx<Py<S>>>(cx: &mut C, saved: C::Ref, nlocals: usize, depth: usize) -> Option<Slots<C::Ref>> {
    if cx.we_are_jitted() {
        return None;
    }
    let items = items_at::<C>(saved)?;
    let len = cx.arraylen(saved, &REFS_ITEMS);
    let len = cx.promote_int(len) as usize;
    // SAFETY: `saved` is the generator's slots array: `len` words, live and unmoved while
    // the frame runs (the frame holds the generator as a red, the generator holds the array,
    // and the heap does not move objects); nothing else touches it while the generator runs
    // (a running generator cannot be resumed, and the readers of a suspended one's frame,
    // `delegate` and the tracer's `resume`, see it only after `suspend`).
    Some(unsafe { Slots::in_heap(items, len, nlocals, depth) })
}

/// The first item of heap array `arr` when references are plain addresses (in the
/// interpreter; a tracer's references are not).
#[inline(always)]
fn items_at<C: metatrace::Reds>(arr: C::Ref) -> Option<std::ptr::NonNull<C::Ref>> {
    let addr = *(&arr as &dyn std::any::Any).downcast_ref::<usize>()?;
    std::ptr::NonNull::new((addr + REFS_ITEMS.base as usize) as *mut C::Ref)
}

/// Marks generator `g` running (its frame is about to run).
pub fn enter<S: Space, C: Ctx<Py<S>>>(cx: &mut C, g: C::Ref) {
    let running = cx.int(RUNNING);
    cx.setfield_int(g, &GEN_STATE, running);
}

/// At a `YieldValue` (the yielded value popped): saves the frame into its generator; the
/// frame resumes after the yield.
pub fn suspend<S: Space, C: Ctx<Py<S>>>(cx: &mut C, f: &Frame<C>) {
    let g = f.gen;
    let saved = cx.getfield_ref(g, &GEN_SLOTS);
    // (Slots that live in the generator's array are saved already.)
    let here = !cx.we_are_jitted() && items_at::<C>(saved).is_some_and(|items| f.slots.lives_at(items.as_ptr()));
    if !here {
        // (The compiler's stack depth is what the array has room for; the interpreter's
        // stores do not check bounds.)
        let room = f.code.varnames.len() + f.code.stacksize as usize;
        assert!(f.slots.locals().len() + f.slots.depth() <= room, "a generator's stack fits its saved slots");
        for (k, &v) in f.slots.locals().iter().chain(f.slots.stack()).enumerate() {
            let k = cx.int(k as i64);
            cx.setarrayitem_ref(saved, k, &REFS_ITEMS, v);
        }
    }
    let n = cx.int(f.slots.depth() as i64);
    cx.setfield_int(g, &GEN_NSTACK, n);
    let pc = cx.int(f.pc as i64 + 1);
    cx.setfield_int(g, &GEN_STATE, pc);
    // An exception its code handles at the yield stays with it.
    cx.setfield_ref(g, &GEN_EXC, f.exc);
}

/// The generator ended (returned `result`, or raised: `None`).
pub fn finish<S: Space, C: Ctx<Py<S>>>(cx: &mut C, g: C::Ref, result: Option<C::Ref>) {
    let done = cx.int(FINISHED);
    cx.setfield_int(g, &GEN_STATE, done);
    if let Some(r) = result {
        cx.setfield_ref(g, &GEN_RESULT, r);
    }
}

/// Whether the generator has ended (read after a resume returned: a yield leaves a pc).
pub fn finished<S: Space, C: Ctx<Py<S>>>(cx: &mut C, g: C::Ref) -> bool {
    let state = cx.getfield_int(g, &GEN_STATE);
    let done = cx.int(FINISHED);
    let is_done = cx.int_eq(state, done);
    cx.is_true(is_done)
}

/// `StopIteration(value)` for a generator that returned `value`.
pub fn stop_iteration<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, g: C::Ref) -> C::Ref {
    let value = cx.getfield_ref(g, &GEN_RESULT);
    let ty = cx.const_ref(rt.builtin_type("StopIteration"));
    let null = cx.const_ref(0);
    let same = cx.ptr_eq(value, null);
    // (A generator that returned None raises a StopIteration without arguments.)
    let none = cx.const_ref(rt.none.get());
    let is_none = cx.ptr_eq(value, none);
    let empty = cx.is_true(same) || cx.is_true(is_none);
    let args = if empty { crate::interp::tuple(cx, &[]) } else { crate::interp::tuple(cx, &[value]) };
    let value = if cx.is_true(same) { cx.const_ref(rt.none.get()) } else { value };
    let e = crate::classes::new_exception(cx, rt, ty, args);
    crate::classes::set_slot(cx, rt, e, "value", value);
    // The value is delivered once: resuming the finished generator again raises a bare
    // StopIteration.
    cx.setfield_ref(g, &GEN_RESULT, null);
    e
}

/// Whether `class` is a generator's, a coroutine's or an async generator frame's.
pub fn is_gen_class(class: usize) -> bool {
    class == GENERATOR.class() || class == COROUTINE.class() || class == ASYNC_GEN.class()
}

/// Whether `class` is one whose objects a `yield from` or `await` resumes directly: a
/// generator or a coroutine.
pub fn resumable_class(class: usize) -> bool {
    class == GENERATOR.class() || class == COROUTINE.class()
}

/// The coroutine instructions (`await`, `async with`, `async for`, an async generator's
/// `yield`): the step that ends the instruction, or None to go on to the next one.
pub(crate) fn async_op<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, f: &mut Frame<C>, op: Op) -> Option<Step<C>> {
    match op {
        Op::GetAwaitable => {
            let x = f.pop();
            if cx.promote_class(x) == crate::generators::COROUTINE.class() {
                f.push(x);
            } else {
                return Some(finish_op::<S, C>(cx, f, Outcome::Native(NativeOp::GetAwaitable, smallvec::smallvec![x])));
            }
        }
        Op::BeforeAsyncWith => {
            let mgr = f.pop();
            return Some(finish_unpack::<S, C>(
                cx,
                f,
                Outcome::Native(NativeOp::BeforeAsyncWith, smallvec::smallvec![mgr]),
            ));
        }
        Op::GetAIter => {
            let x = f.pop();
            return Some(finish_op::<S, C>(cx, f, Outcome::Native(NativeOp::GetAIter, smallvec::smallvec![x])));
        }
        Op::GetANext => {
            let it = f.top();
            return Some(finish_op::<S, C>(cx, f, Outcome::Native(NativeOp::GetANext, smallvec::smallvec![it])));
        }
        Op::EndAsyncFor => {
            let e = f.pop();
            if !errors::is_instance(cx, rt, e, "StopAsyncIteration") {
                return Some(Step::Reraise(e));
            }
            f.pop();
        }
        Op::AsyncGenWrap => {
            let v = f.pop();
            let w = cx.new_object(&crate::generators::WRAPPED);
            cx.setfield_ref(w, &crate::generators::WRAPPED_VALUE, v);
            f.push(w);
        }
        _ => unreachable!("not a coroutine instruction: {op:?}"),
    }
    None
}
