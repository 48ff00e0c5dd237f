//! A frame's continuations: what an instruction does when its frame runs again in a phase
//! other than `START` (after a call it made returned, or with an exception to raise), and
//! how an exception unwinds a frame to its handler. The phases are defined in `interp`, with
//! the loop that runs frames.

use crate::builtins::NativeOp;
use crate::bytecode::{Code, Op};
use crate::interp::*;
use crate::space::{Outcome, Space};
use crate::{errors, Py, Python};
use metatrace::Ctx;

/// Raises `e` in `f` at its pc: records the frame in the traceback and jumps to the handler
/// covering the pc, if any; else the frame returns the exception.
pub(crate) fn unwind<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    code: &Code,
    f: &mut Frame<C>,
    e: C::Ref,
    fresh: bool,
) -> Option<C::Ref> {
    let handler = code.handler_at(f.pc as usize);
    // Tested before the traceback is written: a guard after that write would have to repeat it.
    let in_generator = handler.is_none() && !is_null(cx, f.gen);
    let stop_iteration = in_generator
        && (errors::is_instance(cx, rt, e, "StopIteration")
            || (code.flavor == crate::bytecode::GenFlavor::AsyncGen
                && errors::is_instance(cx, rt, e, "StopAsyncIteration")));
    if fresh {
        // Raised (by an operation or a callee) while this frame handles `f.exc`: chained to it.
        // (Every test before the writes to `e`: a guard after a write would have to repeat it.)
        let handled = f.exc;
        let chain = !is_none(cx, rt, handled) && errors::needs_context(cx, rt, e, handled);
        if let Some(tb) = errors::traceback_entry(cx, rt, e, f.code_id, f.pc) {
            if chain {
                crate::classes::set_slots(cx, rt, e, &[("__traceback__", tb), ("__context__", handled)]);
            } else {
                crate::classes::set_slot(cx, rt, e, "__traceback__", tb);
            }
        }
    }
    f.phase = START;
    match handler {
        Some(h) => {
            f.slots.truncate(h.depth as usize);
            f.push(e);
            f.pc = h.handler;
            None
        }
        None => {
            if in_generator {
                crate::generators::finish(cx, f.gen, None);
                if stop_iteration {
                    // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
                    let what = match code.flavor {
                        crate::bytecode::GenFlavor::Plain => "generator",
                        crate::bytecode::GenFlavor::Coroutine => "coroutine",
                        crate::bytecode::GenFlavor::AsyncGen => "async generator",
                    };
                    let stop = if errors::is_instance(cx, rt, e, "StopIteration") {
                        "StopIteration"
                    } else {
                        "StopAsyncIteration"
                    };
                    let msg = format!("{what} raised {stop}");
                    let r = errors::new_error(cx, rt, "RuntimeError", &msg);
                    let t = cx.const_ref(rt.true_.get());
                    let items = [("__cause__", e), ("__context__", e), ("__suppress_context__", t)];
                    crate::classes::set_slots(cx, rt, r, &items);
                    errors::add_traceback(cx, rt, r, f.code_id, f.pc);
                    return Some(r);
                }
            }
            Some(e)
        }
    }
}

/// The continuation of an instruction that called out (see the phases).
pub(crate) fn resume<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, f: &mut Frame<C>) -> Step<C> {
    let phase = std::mem::replace(&mut f.phase, START);
    match phase {
        CONT => {
            // A call's result delivered to an instruction that has no result of its own (the
            // call finished after the frame was rebuilt from compiled code): dropped, as
            // `finish_void` drops it when the call returns here.
            let op = f.code.ops[f.pc as usize];
            if discards_result(op) {
                f.pop();
            } else if unpacks_result(op) {
                // The tuple `finish_unpack` spreads on the stack when the call returns here.
                push_items(cx, f);
            }
            f.pc += 1;
            Step::Next
        }
        RAISING => {
            let e = f.pop();
            match f.code.ops[f.pc as usize] {
                // A user iterator's StopIteration ends the loop (or the `yield from`).
                Op::ForIter(t) if errors::is_instance(cx, rt, e, "StopIteration") => {
                    f.pop();
                    f.pc = t;
                    Step::Next
                }
                Op::Send(_) if errors::is_instance(cx, rt, e, "StopIteration") => {
                    f.pop();
                    let v = stop_value(cx, rt, e);
                    f.push(v);
                    f.pc += 1;
                    Step::Next
                }
                _ => Step::Raise(e),
            }
        }
        REFLECT | SUB_REFLECTED => {
            let Some((a, b)) = unless_not_implemented::<S, C>(cx, rt, f) else { return Step::Next };
            let Op::Binary { op, inplace } = f.code.ops[f.pc as usize].unfused() else {
                unreachable!("REFLECT and SUB_REFLECTED are Binary phases")
            };
            // After `a.__op__(b)`, the reflection; after a subclass's reflection, which went
            // first, `a.__op__(b)`. Either one's NotImplemented is a TypeError.
            let out = if phase == REFLECT {
                crate::classes::reflected(cx, rt, op, a, b, inplace)
            } else {
                crate::classes::after_subclass_reflection(cx, rt, op, a, b, inplace)
            };
            if let Outcome::Call(..) = out {
                f.push(a);
                f.push(b);
                return finish_in::<S, C>(cx, f, out, REFLECTED);
            }
            finish::<S, C>(cx, f, out)
        }
        IREFLECT => {
            let Some((a, b)) = unless_not_implemented::<S, C>(cx, rt, f) else { return Step::Next };
            let Op::Binary { op, .. } = f.code.ops[f.pc as usize].unfused() else {
                unreachable!("IREFLECT is a Binary phase")
            };
            let out = crate::classes::binary_dunder(cx, rt, op, a, b, true);
            binary_outcome::<S, C>(cx, rt, f, op, a, b, out, false)
        }
        REFLECTED => {
            let Some((a, b)) = unless_not_implemented::<S, C>(cx, rt, f) else { return Step::Next };
            let Op::Binary { op, inplace } = f.code.ops[f.pc as usize].unfused() else {
                unreachable!("REFLECTED is a Binary phase")
            };
            let out = crate::classes::unsupported(cx, rt, op, a, b, inplace);
            finish::<S, C>(cx, f, out)
        }
        CMP_REFLECT => {
            let Some((a, b)) = unless_not_implemented::<S, C>(cx, rt, f) else { return Step::Next };
            let Op::Compare(op) = f.code.ops[f.pc as usize] else { unreachable!("CMP_REFLECT is a Compare phase") };
            finish::<S, C>(cx, f, Outcome::Native(NativeOp::CompareReflected(op), smallvec::smallvec![a, b]))
        }
        FOR_NEXT => {
            // `[it, v]`: a generator that returned (rather than yielded) is exhausted.
            let it = f.peek(1);
            if cx.promote_class(it) == crate::generators::GENERATOR.class() && crate::generators::finished(cx, it) {
                f.pop();
                f.pop();
                let Op::ForIter(t) = f.code.ops[f.pc as usize] else { unreachable!("FOR_NEXT is a ForIter phase") };
                f.pc = t;
            } else {
                f.pc += 1;
            }
            Step::Next
        }
        SEND => {
            // `[sub, r]`: the sub-generator yielded `r` (jump to the yield) or returned.
            let sub = f.peek(1);
            let Op::Send(t) = f.code.ops[f.pc as usize] else { unreachable!("SEND is a Send phase") };
            if crate::generators::resumable_class(cx.promote_class(sub)) && crate::generators::finished(cx, sub) {
                f.pop();
                f.pop();
                let v = cx.getfield_ref(sub, &crate::generators::GEN_RESULT);
                let v = if is_null(cx, v) { cx.const_ref(rt.none.get()) } else { v };
                f.push(v);
                f.pc += 1;
            } else {
                f.pc = t;
            }
            Step::Next
        }
        GEN_ENTER => {
            crate::generators::enter(cx, f.gen);
            Step::Next
        }
        INIT => match crate::instantiation::init_done::<S, C>(cx, rt, f) {
            Ok(()) => {
                // (The new object, when the class was called by an instruction without a
                // result: a store whose `__setitem__` is a class. See `CONT`.)
                if discards_result(f.code.ops[f.pc as usize]) {
                    f.pop();
                }
                f.pc += 1;
                Step::Next
            }
            Err(e) => Step::Raise(e),
        },
        TRUTH => {
            let t = f.pop();
            let truth = S::truth(cx, rt, t).unwrap_or(false);
            branch_on(f, truth);
            Step::Next
        }
        p => unreachable!("unknown phase {p}"),
    }
}

/// For the phases after a user operator's call (`[.., a, b, r]`, all popped): its operands
/// when the result `r` is NotImplemented (the protocol goes on); otherwise the instruction
/// is done, with `r` as its result, and None.
fn unless_not_implemented<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    f: &mut Frame<C>,
) -> Option<(C::Ref, C::Ref)> {
    let r = f.pop();
    let b = f.pop();
    let a = f.pop();
    let ni = cx.const_ref(rt.notimpl.get());
    let is_ni = cx.ptr_eq(r, ni);
    if cx.is_true(is_ni) {
        return Some((a, b));
    }
    f.push(r);
    f.pc += 1;
    None
}

/// The `value` of StopIteration `e` (None if it has none).
pub(crate) fn stop_value<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, e: C::Ref) -> C::Ref {
    crate::classes::get_slot(cx, rt, e, "value").unwrap_or_else(|| cx.const_ref(rt.none.get()))
}

/// Whether instruction `op` ends with [`finish_unpack`]: what a call it makes returns is a
/// tuple whose items are its results.
pub(crate) fn unpacks_result(op: Op) -> bool {
    matches!(op, Op::UnpackSequence(_) | Op::UnpackEx { .. } | Op::BeforeWith | Op::BeforeAsyncWith)
}

/// Whether instruction `op` ends with [`finish_void`]: what a call it makes returns is not
/// its result.
pub(crate) fn discards_result(op: Op) -> bool {
    matches!(
        op,
        Op::StoreSubscr
            | Op::StoreAttr(_)
            | Op::StoreName(_)
            | Op::DeleteName(_)
            | Op::DeleteAttr(_)
            | Op::DeleteSubscr
            | Op::SetAdd(_)
            | Op::MapAdd(_)
            | Op::ListExtend(_)
            | Op::SetUpdate(_)
            | Op::DictUpdate(_)
            | Op::DictMerge(_)
            | Op::ImportStar
            | Op::PrintExpr
    )
}
