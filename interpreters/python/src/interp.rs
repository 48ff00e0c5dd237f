//! The interpreter: Python frames and the main loop, written against `Ctx` so the toolchain
//! traces it.
//!
//! A frame's green key is its code object, pc and *phase*; its reds are its globals, the
//! exception it is handling, its class namespace, its locals and its value stack. An
//! instruction that calls out (a Python function, a dunder, a native) sets its continuation
//! phase first and makes the call last: the call's outcome reaches the frame as
//! [`Language::deliver`] hands it over (pushed for `CONT`, raised for `RAISING`), so traces
//! inline calls and guards after them resume exactly.

use crate::builtins::{self, NativeOp};
use crate::bytecode::{CmpOp, Code, Conversion, Op, UnOp};
use crate::continuation::{discards_result, resume, stop_value, unwind};
pub use crate::frame::{name_code, Args, Frame, Key};
use crate::objects::*;
use crate::space::{self, Outcome, Space};
use crate::{errors, Py, Python};
use metatrace::{Control, Ctx, Flow, Reds};
use std::rc::Rc;

/// Phases: where in its instruction a frame stands.
pub const START: u8 = 0;
/// A call's result is on the stack: the instruction finishes.
pub const CONT: u8 = 1;
/// An exception is on the stack: the frame raises it.
pub const RAISING: u8 = 2;
/// `Binary`: `[a, b, forward result]`: if it is `NotImplemented`, try the reflected method.
pub const REFLECT: u8 = 3;
/// `ForIter` over a user iterator: `[it, next result]` (a `StopIteration` jumps out).
pub const FOR_NEXT: u8 = 4;
/// `PopJumpIf*`/`JumpIf*OrPop` on an object whose truth needed `__bool__`: `[.., c, bool(c)]`.
pub const TRUTH: u8 = 5;
/// `Send` (`yield from`): `[sub, result]` after resuming the sub-iterator.
pub const SEND: u8 = 6;
/// `Compare`: `[a, b, a.__op__(b)]`: if it is `NotImplemented`, the rest of the protocol.
pub const CMP_REFLECT: u8 = 7;
/// `Binary`: `[a, b, b.__rop__(a)]`: if it is `NotImplemented` too, TypeError.
pub const REFLECTED: u8 = 8;
/// A generator's frame as its resumer made it, before the generator is marked running (see
/// `generators::resume`): the first step marks it, the instruction at the pc runs next.
pub const GEN_ENTER: u8 = 9;
/// A plain class was called (see `instantiation`): `[.., obj, __init__ result]`; the result
/// must be None, and `obj` is the instruction's result.
pub const INIT: u8 = 10;
/// `Binary` in place: `[a, b, a.__iop__(b)]`: if it is `NotImplemented`, `a op b` as if `a`
/// had no `__iop__` (its `__op__`, then `b`'s reflection), with the in-place messages.
pub const IREFLECT: u8 = 11;
/// `Binary`: `[a, b, b.__rop__(a)]`, `b`'s class a subclass of `a`'s (its reflection goes
/// first): if it is `NotImplemented`, `a.__op__(b)` (as `REFLECTED`), then TypeError.
pub const SUB_REFLECTED: u8 = 12;

/// What an instruction tells the loop.
pub(crate) enum Step<C: Reds> {
    /// Go on at the frame's pc.
    Next,
    /// Raise this in the frame.
    Raise(C::Ref),
    /// Raise this again (`Reraise`: the traceback gets no new entry).
    Reraise(C::Ref),
    /// The frame returns this.
    Return(C::Ref),
    /// The driver wants the frame back.
    Leave,
}

pub(crate) fn run_frame<S: Space, C: Ctx<Py<S>>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Result<C::Ref, C::Ref>> {
    // (Borrowed, not counted: two reference counts fewer per call.)
    // SAFETY: both point into allocations that outlive this call, whatever `*f` becomes (the
    // driver may rebuild the frame in place at a merge point, for the same code): every code
    // object is also held by the runtime's code table (`Python::codes`, only ever appended
    // to), and the runtime by the language value (`Py::rt`) for the Vm's life.
    let (rt, code): (&Python, &Code) = unsafe { (&*Rc::as_ptr(&f.rt), &*Rc::as_ptr(&f.code)) };
    loop {
        if cx.merge_point(f) == Control::Leave {
            return Flow::Leave;
        }
        let step = if f.phase != START {
            resume::<S, C>(cx, &rt, f)
        } else {
            // The commonest instructions run here, without the call into `instruction` (whose
            // entry and exit cost more than they do); the operations are the same as there.
            match code.ops[f.pc as usize] {
                Op::LoadFast(i) if !is_null(cx, f.slots.local(i as usize)) => {
                    let v = f.slots.local(i as usize);
                    f.push(v);
                    f.pc += 1;
                    Step::Next
                }
                Op::StoreFast(i) => {
                    let v = f.pop();
                    f.slots.set_local(i as usize, v);
                    f.pc += 1;
                    Step::Next
                }
                // Superinstructions (see `bytecode::fuse`); with an unbound local, `instruction`
                // runs the first half only.
                Op::LoadFastLoadFast(a, b)
                    if !is_null(cx, f.slots.local(a as usize)) && !is_null(cx, f.slots.local(b as usize)) =>
                {
                    let (x, y) = (f.slots.local(a as usize), f.slots.local(b as usize));
                    f.push(x);
                    f.push(y);
                    f.pc += 2;
                    Step::Next
                }
                Op::LoadFastConstBinary { local, konst, op } if !is_null(cx, f.slots.local(local as usize)) => {
                    let a = f.slots.local(local as usize);
                    let b = cx.const_ref(f.consts[konst as usize]);
                    match S::binary(cx, &rt, op, a, b) {
                        Outcome::Value(v) => {
                            f.push(v);
                            f.pc += 3;
                            Step::Next
                        }
                        out => {
                            // As the `Binary` after the loads would go on from here.
                            f.pc += 2;
                            binary_outcome::<S, C>(cx, &rt, f, op, a, b, out, false)
                        }
                    }
                }
                Op::LoadFastLoadConst(a, k) if !is_null(cx, f.slots.local(a as usize)) => {
                    let x = f.slots.local(a as usize);
                    f.push(x);
                    let c = cx.const_ref(f.consts[k as usize]);
                    f.push(c);
                    f.pc += 2;
                    Step::Next
                }
                // (The attribute read only when it is there at once: anything else, and any
                // trace, runs the `LoadAttr` as itself.)
                Op::LoadFastLoadAttr(a, n) if !is_null(cx, f.slots.local(a as usize)) => {
                    let obj = f.slots.local(a as usize);
                    let out = if cx.we_are_jitted() {
                        None
                    } else {
                        match S::getattr_at(cx, &rt, obj, &name::<C>(&code, n), code.sites.at(f.pc + 1)) {
                            Outcome::Value(v) => Some(v),
                            _ => None,
                        }
                    };
                    match out {
                        Some(v) => {
                            f.push(v);
                            f.pc += 2;
                        }
                        None => {
                            f.push(obj);
                            f.pc += 1;
                        }
                    }
                    Step::Next
                }
                Op::StoreFastLoadFast(a, b) => {
                    let v = f.pop();
                    f.slots.set_local(a as usize, v);
                    let y = f.slots.local(b as usize);
                    if is_null(cx, y) {
                        f.pc += 1;
                    } else {
                        f.push(y);
                        f.pc += 2;
                    }
                    Step::Next
                }
                Op::LoadConst(k) => {
                    let c = cx.const_ref(f.consts[k as usize]);
                    f.push(c);
                    f.pc += 1;
                    Step::Next
                }
                Op::Pop => {
                    f.pop();
                    f.pc += 1;
                    Step::Next
                }
                // (The stack shuffles of `a[i] += v` and `a.x += v`.)
                Op::Dup2 => {
                    let (a, b) = (f.peek(1), f.peek(0));
                    f.push(a);
                    f.push(b);
                    f.pc += 1;
                    Step::Next
                }
                Op::Rot2 => {
                    let (b, a) = (f.pop(), f.pop());
                    f.push(b);
                    f.push(a);
                    f.pc += 1;
                    Step::Next
                }
                Op::Rot3 => {
                    // `[x, y, t] -> [t, x, y]`
                    let (t, y, x) = (f.pop(), f.pop(), f.pop());
                    f.push(t);
                    f.push(x);
                    f.push(y);
                    f.pc += 1;
                    Step::Next
                }
                // The space's operation here; only what it does not answer at once goes the
                // long way (the same handling as in `instruction`).
                Op::Compare(op) => {
                    let b = f.pop();
                    let a = f.pop();
                    match S::compare(cx, &rt, op, a, b) {
                        Outcome::Value(v) => {
                            // A comparison followed by its branch (`if a < b:`) branches at
                            // once in the interpreter (a trace records the two apart, so
                            // that a guard resumes at either).
                            let next = code.ops.get(f.pc as usize + 1).copied();
                            if let (Some(Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t)), false) =
                                (next, cx.we_are_jitted())
                            {
                                let truth = if C::address(v) == rt.true_.get() {
                                    Some(true)
                                } else if C::address(v) == rt.false_.get() {
                                    Some(false)
                                } else {
                                    None
                                };
                                if let Some(truth) = truth {
                                    let jump = truth == matches!(next, Some(Op::PopJumpIfTrue(_)));
                                    f.pc = if jump { t } else { f.pc + 2 };
                                    continue;
                                }
                            }
                            f.push(v);
                            f.pc += 1;
                            Step::Next
                        }
                        out => compare_outcome::<S, C>(cx, f, a, b, out),
                    }
                }
                Op::Binary { op, inplace: false } => {
                    let b = f.pop();
                    let a = f.pop();
                    match S::binary(cx, &rt, op, a, b) {
                        Outcome::Value(v) => {
                            f.push(v);
                            f.pc += 1;
                            Step::Next
                        }
                        out => binary_outcome::<S, C>(cx, &rt, f, op, a, b, out, false),
                    }
                }
                // (In place only on numbers, as the `Binary` arm below.)
                Op::BinaryStoreFast { op, inplace, local }
                    if !inplace || is_number(cx, f.peek(0)) && is_number(cx, f.peek(1)) =>
                {
                    let b = f.pop();
                    let a = f.pop();
                    match S::binary(cx, &rt, op, a, b) {
                        Outcome::Value(v) => {
                            f.slots.set_local(local as usize, v);
                            f.pc += 2;
                            Step::Next
                        }
                        Outcome::Native(NativeOp::Binary(op), args) if inplace => {
                            finish::<S, C>(cx, f, Outcome::Native(NativeOp::Inplace(op), args))
                        }
                        out if inplace => finish::<S, C>(cx, f, out),
                        out => binary_outcome::<S, C>(cx, &rt, f, op, a, b, out, false),
                    }
                }
                Op::ForIter(t) => {
                    let it = f.top();
                    match S::next(cx, &rt, it) {
                        Ok(Some(v)) => {
                            f.push(v);
                            f.pc += 1;
                            Step::Next
                        }
                        Ok(None) => {
                            f.pop();
                            f.pc = t;
                            Step::Next
                        }
                        Err(out) => for_iter_call::<S, C>(cx, &rt, f, t, out),
                    }
                }
                Op::LoadAttr(n) => {
                    let obj = f.pop();
                    match S::getattr_at(cx, &rt, obj, &name::<C>(&code, n), code.sites.at(f.pc)) {
                        Outcome::Value(v) => {
                            f.push(v);
                            f.pc += 1;
                            Step::Next
                        }
                        out => finish::<S, C>(cx, f, out),
                    }
                }
                Op::LoadMethod(n) => {
                    // `[func, obj]`, or `[null, obj.name]` (as in `instruction`).
                    let obj = f.pop();
                    let (name, site) = (name::<C>(&code, n), code.sites.at(f.pc));
                    match S::method_at(cx, &rt, obj, name, site) {
                        Some(func) => {
                            f.push(func);
                            f.push(obj);
                            f.pc += 1;
                            Step::Next
                        }
                        None => {
                            let null = cx.const_ref(0);
                            f.push(null);
                            let out = S::getattr_at(cx, &rt, obj, name, site);
                            finish::<S, C>(cx, f, out)
                        }
                    }
                }
                Op::StoreAttr(n) => {
                    let obj = f.pop();
                    let v = f.pop();
                    match S::setattr_at(cx, &rt, obj, &name::<C>(&code, n), v, code.sites.at(f.pc)) {
                        Outcome::Value(_) => {
                            f.pc += 1;
                            Step::Next
                        }
                        out => finish_void::<S, C>(cx, f, out),
                    }
                }
                Op::LoadGlobal(n) if !cx.we_are_jitted() => {
                    let site = code.sites.at(f.pc);
                    match crate::globals::load_global_at(cx, &rt, f.globals, name::<C>(&code, n), site) {
                        Some(v) => {
                            f.push(v);
                            f.pc += 1;
                            Step::Next
                        }
                        None => instruction::<S, C>(cx, &rt, &code, f),
                    }
                }
                // Numbers have no in-place methods: `a op= b` is `a op b` (a failure is the
                // in-place operation's, for its message).
                Op::Binary { op, inplace: true } if is_number(cx, f.peek(0)) && is_number(cx, f.peek(1)) => {
                    let b = f.pop();
                    let a = f.pop();
                    match S::binary(cx, &rt, op, a, b) {
                        Outcome::Value(v) => {
                            f.push(v);
                            f.pc += 1;
                            Step::Next
                        }
                        Outcome::Native(NativeOp::Binary(op), args) => {
                            finish::<S, C>(cx, f, Outcome::Native(NativeOp::Inplace(op), args))
                        }
                        out => finish::<S, C>(cx, f, out),
                    }
                }
                Op::StoreSubscr => {
                    let key = f.pop();
                    let obj = f.pop();
                    let v = f.pop();
                    match S::setitem(cx, &rt, obj, key, v) {
                        Outcome::Value(_) => {
                            f.pc += 1;
                            Step::Next
                        }
                        out => finish_void::<S, C>(cx, f, out),
                    }
                }
                Op::BinarySubscr => {
                    let key = f.pop();
                    let obj = f.pop();
                    match S::getitem(cx, &rt, obj, key) {
                        Outcome::Value(v) => {
                            f.push(v);
                            f.pc += 1;
                            Step::Next
                        }
                        out => finish::<S, C>(cx, f, out),
                    }
                }
                Op::JumpBack(t) => {
                    f.pc = t;
                    if cx.loop_header(f) == Control::Leave {
                        return Flow::Leave;
                    }
                    continue;
                }
                Op::Return if is_null(cx, f.gen) => return Flow::Return(Ok(f.pop())),
                op @ (Op::Call(_) | Op::CallMethod(_)) => match call_plain::<S, C>(cx, &rt, f, op) {
                    Some(step) => step,
                    None => instruction::<S, C>(cx, &rt, &code, f),
                },
                Op::PopJumpIfFalse(t) => {
                    let c = f.top();
                    match S::truth(cx, &rt, c) {
                        Some(truth) => {
                            f.pop();
                            f.pc = if truth { f.pc + 1 } else { t };
                            Step::Next
                        }
                        None => instruction::<S, C>(cx, &rt, &code, f),
                    }
                }
                Op::PopJumpIfTrue(t) => {
                    let c = f.top();
                    match S::truth(cx, &rt, c) {
                        Some(truth) => {
                            f.pop();
                            f.pc = if truth { t } else { f.pc + 1 };
                            Step::Next
                        }
                        None => instruction::<S, C>(cx, &rt, &code, f),
                    }
                }
                _ => instruction::<S, C>(cx, &rt, &code, f),
            }
        };
        match step {
            Step::Next => {}
            Step::Leave => return Flow::Leave,
            Step::Return(v) => return Flow::Return(Ok(v)),
            Step::Raise(e) | Step::Reraise(e) => {
                let fresh = matches!(step, Step::Raise(_));
                if let Some(e) = unwind::<S, C>(cx, &rt, &code, f, e, fresh) {
                    return Flow::Return(Err(e));
                }
            }
        }
    }
}

/// Finishes an instruction with an operation's outcome: pushes a value, raises, or makes the
/// call it needs (the frame continues in phase `CONT`).
pub(crate) fn finish<S: Space, C: Ctx<Py<S>>>(cx: &mut C, f: &mut Frame<C>, out: Outcome<C>) -> Step<C> {
    finish_in::<S, C>(cx, f, out, CONT)
}

/// `a op b`, or `a op= b` without an `__iop__`: the same operation, with errors that name
/// `op=` (the natives get [`NativeOp::Inplace`]).
fn inplace_binary<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    op: crate::bytecode::BinOp,
    a: C::Ref,
    b: C::Ref,
    inplace: bool,
) -> Outcome<C> {
    if !inplace {
        return S::binary(cx, rt, op, a, b);
    }
    let instance = INSTANCE.class();
    if cx.promote_class(a) == instance || cx.promote_class(b) == instance {
        return crate::classes::binary_dunder(cx, rt, op, a, b, true);
    }
    match S::binary(cx, rt, op, a, b) {
        Outcome::Native(NativeOp::Binary(op), args) => Outcome::Native(NativeOp::Inplace(op), args),
        out => out,
    }
}

/// Finishes `a op b` (popped) with the space's outcome `out`. `own_inplace`: `out` calls
/// `a.__iop__`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn binary_outcome<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    f: &mut Frame<C>,
    op: crate::bytecode::BinOp,
    a: C::Ref,
    b: C::Ref,
    out: Outcome<C>,
    own_inplace: bool,
) -> Step<C> {
    if let Outcome::Call(..) = out {
        // A user `__op__`: its result may be NotImplemented (then the reflection); a
        // reflected `__rop__` called at once: NotImplemented is a TypeError.
        let phase = if own_inplace {
            IREFLECT
        } else if crate::classes::subclass_reflection(cx, rt, op, a, b).is_some() {
            SUB_REFLECTED
        } else if crate::classes::has_forward(cx, rt, op, a) {
            REFLECT
        } else {
            REFLECTED
        };
        f.push(a);
        f.push(b);
        return finish_in::<S, C>(cx, f, out, phase);
    }
    finish::<S, C>(cx, f, out)
}

/// Finishes `a op b` (a comparison, popped) with the space's outcome `out`.
fn compare_outcome<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    f: &mut Frame<C>,
    a: C::Ref,
    b: C::Ref,
    out: Outcome<C>,
) -> Step<C> {
    if let Outcome::Call(..) = out {
        // A user rich comparison: its result may be NotImplemented.
        f.push(a);
        f.push(b);
        return finish_in::<S, C>(cx, f, out, CMP_REFLECT);
    }
    finish::<S, C>(cx, f, out)
}

/// `ForIter` to `t` over a user iterator (or generator): `out` gets the next item.
fn for_iter_call<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    f: &mut Frame<C>,
    t: u32,
    out: Outcome<C>,
) -> Step<C> {
    // A StopIteration ends the loop (see `exhausted`).
    match finish_in::<S, C>(cx, f, out, FOR_NEXT) {
        Step::Raise(e) if errors::is_instance(cx, rt, e, "StopIteration") => {
            f.pop();
            f.pc = t;
            Step::Next
        }
        s => s,
    }
}

/// As [`finish`], continuing in `phase` after a call.
pub(crate) fn finish_in<S: Space, C: Ctx<Py<S>>>(cx: &mut C, f: &mut Frame<C>, out: Outcome<C>, phase: u8) -> Step<C> {
    let r = match out {
        Outcome::Value(v) => {
            f.push(v);
            f.pc += 1;
            return Step::Next;
        }
        Outcome::Raise(e) => return Step::Raise(e),
        Outcome::Call(callable, args) => {
            f.phase = phase;
            crate::call::call_object::<S, C>(cx, f, callable, args.into_iter().collect(), None)
        }
        Outcome::Native(op, args) => {
            f.phase = phase;
            builtins::call_op::<S, C>(cx, f, op, &args)
        }
        Outcome::Resume(g, sent) => {
            // (Borrowed, not counted.) SAFETY: the runtime outlives every frame: the language
            // value holds it for the Vm's life (as in `run_frame`).
            let rt: &Python = unsafe { &*Rc::as_ptr(&f.rt) };
            match crate::generators::resume::<S, C>(cx, rt, g, sent, None) {
                Err(e) => return Step::Raise(e),
                Ok(None) => {
                    // Finished already: StopIteration (the continuation sees it finished).
                    f.phase = phase;
                    Err(crate::generators::stop_iteration(cx, rt, g))
                }
                Ok(Some(frame)) => {
                    f.phase = phase;
                    cx.call_frame(f, frame)
                }
            }
        }
    };
    after_call(f, r)
}

/// After a call made with the frame in its continuation phase (not `CONT` itself: those
/// finish here): the result goes where `deliver` puts it, and the continuation runs next.
/// `Call` or `CallMethod` of a plain Python function (see [`crate::call::bind_stack`]): the
/// arguments go from the stack to the callee's frame without a list of their own. None, the
/// stack untouched, for any other callee: `instruction` calls it.
#[inline(always)]
fn call_plain<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, f: &mut Frame<C>, op: Op) -> Option<Step<C>> {
    let (func, nargs, drop) = match op {
        Op::Call(argc) => (f.peek(argc as usize), argc as usize, argc as usize + 1),
        Op::CallMethod(argc) => {
            // `[func, this, args...]` or `[null, callable, args...]`.
            let func = f.peek(argc as usize + 1);
            if is_null(cx, func) {
                (f.peek(argc as usize), argc as usize, argc as usize + 2)
            } else {
                (func, argc as usize + 1, argc as usize + 2)
            }
        }
        _ => return None,
    };
    let target = crate::call::plain_callee::<S, C>(cx, rt, func, nargs)?;
    f.phase = CONT;
    let callee = crate::call::bind_stack::<S, C>(cx, rt, f, func, target, nargs, drop);
    let r = cx.call_frame(f, callee);
    Some(after_call(f, r))
}

fn after_call<C: Reds>(f: &mut Frame<C>, r: Result<C::Ref, C::Ref>) -> Step<C> {
    match r {
        Ok(v) => {
            f.push(v);
            if f.phase == CONT {
                f.phase = START;
                f.pc += 1;
            }
            Step::Next
        }
        Err(e) => {
            f.phase = START;
            Step::Raise(e)
        }
    }
}

pub(crate) fn branch_on<C: Reds>(f: &mut Frame<C>, truth: bool) {
    match f.code.ops[f.pc as usize] {
        Op::PopJumpIfFalse(t) => f.pc = if truth { f.pc + 1 } else { t },
        Op::PopJumpIfTrue(t) => f.pc = if truth { t } else { f.pc + 1 },
        Op::JumpIfFalseOrPop(t) => {
            if truth {
                f.pop();
                f.pc += 1;
            } else {
                f.pc = t;
            }
        }
        Op::JumpIfTrueOrPop(t) => {
            if truth {
                f.pc = t;
            } else {
                f.pop();
                f.pc += 1;
            }
        }
        other => unreachable!("not a conditional jump: {other:?}"),
    }
}

fn name<C: Reds>(code: &Code, n: u32) -> &str {
    &code.names[n as usize]
}

/// Runs the instruction at `f.pc` (phase `START`).
fn instruction<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, code: &Code, f: &mut Frame<C>) -> Step<C> {
    let op = code.ops[f.pc as usize];
    match op {
        Op::LoadConst(k) => {
            let c = cx.const_ref(f.consts[k as usize]);
            f.push(c);
        }
        // (A superinstruction comes here only when its second half cannot run: see `run_frame`.)
        Op::LoadFast(i)
        | Op::LoadFastLoadFast(i, _)
        | Op::LoadFastLoadConst(i, _)
        | Op::LoadFastLoadAttr(i, _)
        | Op::LoadFastConstBinary { local: i, .. } => {
            let v = f.slots.local(i as usize);
            if is_null(cx, v) {
                let msg = format!(
                    "cannot access local variable '{}' where it is not associated with a value",
                    code.varnames[i as usize]
                );
                return Step::Raise(errors::new_error(cx, rt, "UnboundLocalError", &msg));
            }
            f.push(v);
        }
        Op::StoreFast(i) | Op::StoreFastLoadFast(i, _) => {
            let v = f.pop();
            f.slots.set_local(i as usize, v)
        }
        Op::DeleteFast(i) => {
            if is_null(cx, f.slots.local(i as usize)) {
                let msg = format!(
                    "cannot access local variable '{}' where it is not associated with a value",
                    code.varnames[i as usize]
                );
                return Step::Raise(errors::new_error(cx, rt, "UnboundLocalError", &msg));
            }
            f.slots.set_local(i as usize, cx.const_ref(0));
        }
        Op::LoadGlobal(n) | Op::LoadName(n) => {
            let name = name::<C>(code, n);
            if let (Op::LoadName(_), false) = (op, is_null(cx, f.ns)) {
                let out = crate::globals::ns_get(cx, rt, f.ns, &name, f.globals);
                return finish::<S, C>(cx, f, out);
            }
            if !cx.we_are_jitted() {
                let site = code.sites.at(f.pc);
                if let Some(v) = crate::globals::load_global_at(cx, rt, f.globals, &name, site) {
                    f.push(v);
                    f.pc += 1;
                    return Step::Next;
                }
            }
            match crate::globals::load_global(cx, rt, f.globals, &name) {
                Some(v) => f.push(v),
                None => {
                    return Step::Raise(errors::new_error(
                        cx,
                        rt,
                        "NameError",
                        &format!("name '{name}' is not defined"),
                    ))
                }
            }
        }
        Op::StoreGlobal(n) => {
            let v = f.pop();
            crate::globals::store_global(cx, rt, f.globals, &name::<C>(code, n), v);
        }
        Op::StoreName(n) => {
            let v = f.pop();
            if is_null(cx, f.ns) {
                crate::globals::store_global(cx, rt, f.globals, &name::<C>(code, n), v);
            } else {
                let out = crate::globals::ns_set(cx, rt, f.ns, &name::<C>(code, n), v);
                return finish_void::<S, C>(cx, f, out);
            }
        }
        Op::DeleteGlobal(n) | Op::DeleteName(n) => {
            let name = name::<C>(code, n);
            if let (Op::DeleteName(_), false) = (op, is_null(cx, f.ns)) {
                let k = crate::strings::str_from(cx, &name);
                return finish_void::<S, C>(cx, f, Outcome::Native(NativeOp::DelItem, smallvec::smallvec![f.ns, k]));
            }
            if !crate::globals::delete_global(cx, rt, f.globals, &name) {
                return Step::Raise(errors::new_error(cx, rt, "NameError", &format!("name '{name}' is not defined")));
            }
        }
        Op::LoadDeref(i) => {
            let cell = f.slots.local(i as usize);
            let v = cx.getfield_ref(cell, &CELL_VALUE);
            if is_null(cx, v) {
                let n = &code.varnames[i as usize];
                let msg = format!(
                    "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
                );
                return Step::Raise(errors::new_error(cx, rt, "NameError", &msg));
            }
            f.push(v);
        }
        Op::StoreDeref(i) => {
            let v = f.pop();
            let cell = f.slots.local(i as usize);
            cx.setfield_ref(cell, &CELL_VALUE, v);
        }
        Op::DeleteDeref(i) => {
            let cell = f.slots.local(i as usize);
            let null = cx.const_ref(0);
            cx.setfield_ref(cell, &CELL_VALUE, null);
        }
        Op::LoadClosure(i) => {
            let cell = f.slots.local(i as usize);
            f.push(cell);
        }
        Op::MakeCell(i) => {
            let v = f.slots.local(i as usize);
            let cell = cx.new_object(&CELL);
            cx.setfield_ref(cell, &CELL_VALUE, v);
            f.slots.set_local(i as usize, cell);
        }
        Op::LoadAttr(_)
        | Op::LoadMethod(_)
        | Op::StoreAttr(_)
        | Op::BinarySubscr
        | Op::StoreSubscr
        | Op::Compare(_)
        | Op::ForIter(_) => {
            unreachable!("run_frame runs {op:?} itself")
        }
        Op::DeleteAttr(n) => {
            let obj = f.pop();
            let nm = crate::strings::str_from(cx, &name::<C>(code, n));
            return finish_void::<S, C>(cx, f, Outcome::Native(NativeOp::DelAttr, smallvec::smallvec![obj, nm]));
        }
        Op::DeleteSubscr => {
            let key = f.pop();
            let obj = f.pop();
            return finish_void::<S, C>(cx, f, Outcome::Native(NativeOp::DelItem, smallvec::smallvec![obj, key]));
        }
        Op::BuildSlice(n) => {
            let step = if n == 3 { f.pop() } else { cx.const_ref(rt.none.get()) };
            let stop = f.pop();
            let start = f.pop();
            let s = cx.new_object(&SLICE);
            cx.setfield_ref(s, &SLICE_START, start);
            cx.setfield_ref(s, &SLICE_STOP, stop);
            cx.setfield_ref(s, &SLICE_STEP, step);
            f.push(s);
        }
        Op::Pop => {
            f.pop();
        }
        Op::Dup => {
            let t = f.top();
            f.push(t);
        }
        Op::Dup2 => {
            let (a, b) = (f.peek(1), f.peek(0));
            f.push(a);
            f.push(b);
        }
        Op::Rot2 => {
            let s = f.slots.stack_mut();
            let n = s.len();
            s.swap(n - 1, n - 2);
        }
        Op::Rot3 => {
            let t = f.pop();
            f.slots.insert_below(2, t);
        }
        Op::Rot4 => {
            let t = f.pop();
            f.slots.insert_below(3, t);
        }
        // (A `BinaryStoreFast` comes here when the interpreter cannot run both: the
        // `StoreFast` runs next.)
        Op::Binary { op, inplace } | Op::BinaryStoreFast { op, inplace, .. } => {
            let b = f.pop();
            let a = f.pop();
            if inplace
                && matches!(op, crate::bytecode::BinOp::Add | crate::bytecode::BinOp::Mul)
                && matches!(cx.promote_class(a), c if c == LIST.class() || c == crate::bytes::BYTEARRAY.class())
            {
                return finish::<S, C>(cx, f, Outcome::Native(NativeOp::InplaceList, smallvec::smallvec![a, b]));
            }
            if inplace
                && matches!(
                    op,
                    crate::bytecode::BinOp::Or
                        | crate::bytecode::BinOp::And
                        | crate::bytecode::BinOp::Sub
                        | crate::bytecode::BinOp::Xor
                )
                && matches!(cx.promote_class(a), c if c == crate::sets::SET.class() || c == crate::dict::DICT.class())
            {
                return finish::<S, C>(cx, f, Outcome::Native(NativeOp::Inplace(op), smallvec::smallvec![a, b]));
            }
            let out = if inplace { crate::classes::inplace(cx, rt, op, a, b) } else { None };
            let own_inplace = out.is_some();
            let out = out.unwrap_or_else(|| inplace_binary::<S, C>(cx, rt, op, a, b, inplace));
            return binary_outcome::<S, C>(cx, rt, f, op, a, b, out, own_inplace);
        }
        Op::Unary(op) => {
            let a = f.pop();
            let out = S::unary(cx, rt, op, a);
            return finish::<S, C>(cx, f, out);
        }
        Op::Jump(t) => {
            f.pc = t;
            return Step::Next;
        }
        Op::JumpBack(t) => {
            f.pc = t;
            if cx.loop_header(f) == Control::Leave {
                return Step::Leave;
            }
            return Step::Next;
        }
        Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_) | Op::JumpIfFalseOrPop(_) | Op::JumpIfTrueOrPop(_) => {
            let c = if matches!(op, Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_)) { f.pop() } else { f.top() };
            match S::truth(cx, rt, c) {
                Some(t) => {
                    if matches!(op, Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_)) {
                        f.push(c); // branch_on pops for the *OrPop forms only
                        f.pop();
                    }
                    branch_on(f, t);
                }
                None => {
                    let out = Outcome::Native(NativeOp::Truth, smallvec::smallvec![c]);
                    return finish_in::<S, C>(cx, f, out, TRUTH);
                }
            }
            return Step::Next;
        }
        Op::GetIter => {
            let obj = f.pop();
            let out = S::iter(cx, rt, obj);
            return finish::<S, C>(cx, f, out);
        }
        Op::Call(argc) => {
            let args = f.pop_n(argc as usize);
            let callable = f.pop();
            f.phase = CONT;
            let r = crate::call::call_object::<S, C>(cx, f, callable, args, None);
            return after_call(f, r);
        }
        Op::CallMethod(argc) => {
            // `[func, this, args...]` calls `func(this, args...)`; `[null, callable, args...]`
            // calls `callable(args...)`.
            let func = f.peek(argc as usize + 1);
            let (callable, args) = if is_null(cx, func) {
                let args = f.pop_n(argc as usize);
                (f.pop(), args)
            } else {
                (func, f.pop_n(argc as usize + 1))
            };
            f.pop();
            f.phase = CONT;
            let r = crate::call::call_object::<S, C>(cx, f, callable, args, None);
            return after_call(f, r);
        }
        Op::CallKw { argc, names } => {
            let mut args = f.pop_n(argc as usize);
            let callable = f.pop();
            let names = code.kwnames[names as usize].clone();
            let kwvals = args[args.len() - names.len()..].to_vec();
            args.truncate(args.len() - names.len());
            f.phase = CONT;
            let r = crate::call::call_object::<S, C>(cx, f, callable, args, Some((names, kwvals)));
            return after_call(f, r);
        }
        Op::CallEx { kwargs } => {
            let kw = if kwargs { Some(f.pop()) } else { None };
            let args = f.pop();
            let callable = f.pop();
            let mut v = vec![callable, args];
            v.extend(kw);
            return finish::<S, C>(
                cx,
                f,
                Outcome::Native(NativeOp::CallEx, crate::space::NativeArgs::<C>::from_vec(v)),
            );
        }
        Op::MakeFunction { code: k, defaults, kwdefaults, closure } => {
            let closure = if closure { f.pop() } else { cx.const_ref(0) };
            let kwd = if kwdefaults { f.pop() } else { cx.const_ref(0) };
            let defs = if defaults { f.pop() } else { cx.const_ref(0) };
            let inner = match &code.consts[k as usize] {
                crate::bytecode::Const::Code(c) => c.clone(),
                _ => unreachable!("MakeFunction of a code constant"),
            };
            let func = crate::call::make_function(cx, rt, f.consts[k as usize], &inner, f.globals, defs, kwd, closure);
            f.push(func);
        }
        Op::Return => {
            let v = f.pop();
            if !is_null(cx, f.gen) {
                crate::generators::finish(cx, f.gen, Some(v));
            }
            return Step::Return(v);
        }
        Op::BuildTuple(n) => {
            let items = f.pop_n(n as usize);
            let t = tuple(cx, &items);
            f.push(t);
        }
        Op::BuildList(n) => {
            let items = f.pop_n(n as usize);
            let l = list(cx, &items);
            f.push(l);
        }
        Op::ListAppend(depth) => {
            let v = f.pop();
            let l = f.peek(depth as usize - 1);
            list_append(cx, l, v);
        }
        Op::ListToTuple => {
            let l = f.pop();
            return finish::<S, C>(cx, f, Outcome::Native(NativeOp::ListToTuple, smallvec::smallvec![l]));
        }
        Op::BuildSet(n) | Op::BuildMap(n) | Op::BuildString(n) => {
            let count = match op {
                Op::BuildMap(_) => 2 * n,
                _ => n,
            };
            let items = f.pop_n(count as usize);
            let t = tuple(cx, &items);
            let which = match op {
                Op::BuildSet(_) => NativeOp::BuildSet,
                Op::BuildMap(_) => NativeOp::BuildMap,
                _ => NativeOp::BuildString,
            };
            return finish::<S, C>(cx, f, Outcome::Native(which, smallvec::smallvec![t]));
        }
        Op::SetAdd(depth)
        | Op::ListExtend(depth)
        | Op::SetUpdate(depth)
        | Op::DictUpdate(depth)
        | Op::DictMerge(depth) => {
            let v = f.pop();
            let target = f.peek(depth as usize - 1);
            let which = match op {
                Op::SetAdd(_) => NativeOp::SetAdd,
                Op::ListExtend(_) => NativeOp::ListExtend,
                Op::SetUpdate(_) => NativeOp::SetUpdate,
                Op::DictUpdate(_) => NativeOp::DictUpdate,
                _ => NativeOp::DictMerge,
            };
            if which == NativeOp::DictMerge {
                // (`f(**m)`: the callable, for the error messages, is under the args tuple.)
                let callable = f.peek(depth as usize + 1);
                return finish_void::<S, C>(cx, f, Outcome::Native(which, smallvec::smallvec![target, v, callable]));
            }
            if which == NativeOp::SetAdd && cx.we_are_jitted() && crate::leaf::set_add(cx, target, v) {
                let none = cx.const_ref(f.rt.none.get());
                return finish_void::<S, C>(cx, f, Outcome::Value(none));
            }
            return finish_void::<S, C>(cx, f, Outcome::Native(which, smallvec::smallvec![target, v]));
        }
        Op::MapAdd(depth) => {
            let v = f.pop();
            let k = f.pop();
            let d = f.peek(depth as usize - 1);
            if cx.we_are_jitted() && crate::leaf::dict_store(cx, d, k, v) {
                let none = cx.const_ref(f.rt.none.get());
                return finish_void::<S, C>(cx, f, Outcome::Value(none));
            }
            return finish_void::<S, C>(cx, f, Outcome::Native(NativeOp::SetItem, smallvec::smallvec![d, k, v]));
        }
        Op::FormatValue { conv, spec } => {
            let spec = if spec { f.pop() } else { cx.const_ref(rt.none.get()) };
            let v = f.pop();
            let conv = cx.int(match conv {
                Conversion::None => 0,
                Conversion::Str => 1,
                Conversion::Repr => 2,
                Conversion::Ascii => 3,
            });
            let c = space::int(cx, conv);
            return finish::<S, C>(cx, f, Outcome::Native(NativeOp::Format, smallvec::smallvec![v, spec, c]));
        }
        Op::UnpackSequence(n) => {
            let seq = f.pop();
            let class = cx.promote_class(seq);
            if class == TUPLE.class() || class == LIST.class() {
                let (len, items, d) = if class == TUPLE.class() {
                    (cx.arraylen(seq, &TUPLE_ITEMS), seq, TUPLE_ITEMS)
                } else {
                    (cx.getfield_int(seq, &LIST_LEN), cx.getfield_ref(seq, &LIST_ITEMS), REFS_ITEMS)
                };
                let want = cx.int(n as i64);
                let same = cx.int_eq(len, want);
                if cx.is_true(same) {
                    for k in (0..n).rev() {
                        let k = cx.int(k as i64);
                        let v = cx.getarrayitem_ref(items, k, &d);
                        f.push(v);
                    }
                    f.pc += 1;
                    return Step::Next;
                }
            }
            let n = cx.int(n as i64);
            let n = space::int(cx, n);
            return finish_unpack::<S, C>(cx, f, Outcome::Native(NativeOp::Unpack, smallvec::smallvec![seq, n]));
        }
        Op::UnpackEx { before, after } => {
            let seq = f.pop();
            let (b, a) = (cx.int(before as i64), cx.int(after as i64));
            let (b, a) = (space::int(cx, b), space::int(cx, a));
            return finish_unpack::<S, C>(cx, f, Outcome::Native(NativeOp::UnpackEx, smallvec::smallvec![seq, b, a]));
        }
        Op::Raise(n) => {
            let cause = if n == 2 { Some(f.pop()) } else { None };
            if n == 0 {
                if is_none(cx, rt, f.exc) {
                    return Step::Raise(errors::new_error(cx, rt, "RuntimeError", "No active exception to reraise"));
                }
                return Step::Reraise(f.exc);
            }
            let e = f.pop();
            return match errors::make_raisable::<S, C>(cx, rt, e, cause, f.exc) {
                // Raised after an instruction boundary (the RAISING phase): setting the
                // exception's cause and context were side effects, and raising guards on it.
                Outcome::Value(e) => {
                    f.push(e);
                    f.phase = RAISING;
                    Step::Next
                }
                out => finish_in::<S, C>(cx, f, out, RAISING),
            };
        }
        Op::Reraise => return Step::Reraise(f.pop()),
        Op::PushExcInfo => {
            let e = f.pop();
            let prev = f.exc;
            f.push(prev);
            f.push(e);
            f.exc = e;
        }
        Op::PopExcept => {
            f.exc = f.pop();
        }
        Op::CheckExcMatch => {
            let ty = f.pop();
            let e = f.top();
            let out = errors::exc_match::<S, C>(cx, rt, e, ty);
            return finish::<S, C>(cx, f, out);
        }
        Op::LoadAssertionError => {
            let t = cx.const_ref(rt.builtin_type("AssertionError"));
            f.push(t);
        }
        Op::CloseIter => {
            let it = f.pop();
            if cx.promote_class(it) == crate::generators::GENERATOR.class() {
                let close = crate::builtin_methods::builtin_object(cx, rt, "__close_iter__");
                f.phase = CONT;
                let r = crate::call::call_object::<S, C>(cx, f, close, smallvec::smallvec![it], None);
                return after_call(f, r);
            }
            let none = cx.const_ref(rt.none.get());
            f.push(none);
        }
        Op::LoadBuildClass => {
            let b = crate::builtin_methods::builtin_object(cx, rt, "__build_class__");
            f.push(b);
        }
        Op::LoadBuiltin(n) => {
            let b = crate::builtin_methods::builtin_object(cx, rt, &name::<C>(code, n));
            f.push(b);
        }
        Op::ImportName(n) => {
            // `[level, fromlist]`, as CPython's IMPORT_NAME.
            let fromlist = f.pop();
            let level = f.pop();
            let name = crate::strings::str_from(cx, &name::<C>(code, n));
            let spec = tuple(cx, &[fromlist, level]);
            let g = f.globals;
            return finish::<S, C>(cx, f, Outcome::Native(NativeOp::Import, smallvec::smallvec![name, spec, g]));
        }
        Op::ImportFrom(n) => {
            let m = f.top();
            let name = crate::strings::str_from(cx, &name::<C>(code, n));
            return finish::<S, C>(cx, f, Outcome::Native(NativeOp::ImportFrom, smallvec::smallvec![m, name]));
        }
        Op::ImportStar => {
            let m = f.pop();
            let g = f.globals;
            return finish_void::<S, C>(cx, f, Outcome::Native(NativeOp::ImportStar, smallvec::smallvec![m, g]));
        }
        Op::BeforeWith => {
            let mgr = f.pop();
            return finish_unpack::<S, C>(cx, f, Outcome::Native(NativeOp::BeforeWith, smallvec::smallvec![mgr]));
        }
        Op::WithExceptStart => {
            let (exit, exc) = (f.peek(1), f.peek(0));
            return finish::<S, C>(cx, f, Outcome::Native(NativeOp::WithExit, smallvec::smallvec![exit, exc]));
        }
        Op::YieldValue => {
            let v = f.pop();
            crate::generators::suspend(cx, f);
            return Step::Return(v);
        }
        Op::GetYieldFromIter => {
            let x = f.pop();
            if cx.promote_class(x) == crate::generators::GENERATOR.class() {
                f.push(x);
            } else {
                let out = S::iter(cx, rt, x);
                return finish::<S, C>(cx, f, out);
            }
        }
        Op::Send(t) => {
            let v = f.pop();
            let sub = f.top();
            let gen = crate::generators::resumable_class(cx.promote_class(sub));
            let next = if gen {
                Err(Outcome::Resume(sub, v))
            } else if !is_none(cx, rt, v) {
                // A value sent to a user iterator: its `send` method.
                Err(Outcome::Native(NativeOp::SendTo, smallvec::smallvec![sub, v]))
            } else {
                S::next(cx, rt, sub)
            };
            match next {
                Ok(Some(r)) => {
                    f.push(r);
                    f.pc = t;
                    return Step::Next;
                }
                Ok(None) => {
                    f.pop();
                    let none = cx.const_ref(rt.none.get());
                    f.push(none);
                }
                Err(out) => {
                    // A user iterator's StopIteration ends the `yield from` with its value.
                    return match finish_in::<S, C>(cx, f, out, SEND) {
                        Step::Raise(e) if errors::is_instance(cx, rt, e, "StopIteration") => {
                            f.pop();
                            let v = stop_value(cx, rt, e);
                            f.push(v);
                            f.pc += 1;
                            Step::Next
                        }
                        s => s,
                    };
                }
            }
        }
        Op::GetAwaitable | Op::BeforeAsyncWith | Op::GetAIter | Op::GetANext | Op::EndAsyncFor | Op::AsyncGenWrap => {
            if let Some(step) = crate::generators::async_op::<S, C>(cx, rt, f, op) {
                return step;
            }
        }
        Op::Nop => {}
        Op::PrintExpr => {
            let v = f.pop();
            return finish_void::<S, C>(cx, f, Outcome::Native(NativeOp::PrintExpr, smallvec::smallvec![v]));
        }
    }
    f.pc += 1;
    Step::Next
}

/// As [`finish`], for an operation whose result is not pushed (`StoreAttr`, `StoreSubscr`):
/// the result pushed by the call is dropped by a `Pop` the compiler did not emit, so the
/// frame drops it here when the call returns, and in `CONT` after a deopt.
fn finish_void<S: Space, C: Ctx<Py<S>>>(cx: &mut C, f: &mut Frame<C>, out: Outcome<C>) -> Step<C> {
    debug_assert!(discards_result(f.code.ops[f.pc as usize]), "`discards_result` lists every void instruction");
    let depth = f.slots.depth();
    let step = finish::<S, C>(cx, f, out);
    if let Step::Next = step {
        // The value pushed (the call's result or the fast path's None) is not the
        // instruction's result.
        if f.slots.depth() > depth {
            f.slots.truncate(depth);
        }
    }
    step
}

/// As [`finish`], for unpacking: the result is a tuple of the items, pushed in reverse.
pub(crate) fn finish_unpack<S: Space, C: Ctx<Py<S>>>(cx: &mut C, f: &mut Frame<C>, out: Outcome<C>) -> Step<C> {
    let step = finish::<S, C>(cx, f, out);
    if let Step::Next = step {
        push_items(cx, f);
    }
    step
}

/// Replaces the tuple on top of `f`'s stack by its items, the last one deepest (the stack
/// order of `UNPACK_SEQUENCE`).
pub(crate) fn push_items<S: Space, C: Ctx<Py<S>>>(cx: &mut C, f: &mut Frame<C>) {
    let t = f.pop();
    let n = cx.arraylen(t, &TUPLE_ITEMS);
    let n = cx.promote_int(n);
    for k in (0..n).rev() {
        let k = cx.int(k);
        let v = cx.getarrayitem_ref(t, k, &TUPLE_ITEMS);
        f.push(v);
    }
}

pub fn is_null<S: Space, C: Ctx<Py<S>>>(cx: &mut C, r: C::Ref) -> bool {
    let null = cx.const_ref(0);
    let same = cx.ptr_eq(r, null);
    cx.is_true(same)
}

pub fn is_none<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, r: C::Ref) -> bool {
    let none = cx.const_ref(rt.none.get());
    let same = cx.ptr_eq(r, none);
    cx.is_true(same)
}

/// A new tuple of `items`.
pub fn tuple<S: Space, C: Ctx<Py<S>>>(cx: &mut C, items: &[C::Ref]) -> C::Ref {
    let n = cx.int(items.len() as i64);
    let t = cx.new_array(&TUPLE, n);
    for (k, &v) in items.iter().enumerate() {
        let k = cx.int(k as i64);
        cx.setarrayitem_ref(t, k, &TUPLE_ITEMS, v);
    }
    t
}

/// A new list of `items`.
pub fn list<S: Space, C: Ctx<Py<S>>>(cx: &mut C, items: &[C::Ref]) -> C::Ref {
    let cap = cx.int(items.len().max(4) as i64);
    let storage = cx.new_array(&REFS, cap);
    for (k, &v) in items.iter().enumerate() {
        let k = cx.int(k as i64);
        cx.setarrayitem_ref(storage, k, &REFS_ITEMS, v);
    }
    let l = cx.new_object(&LIST);
    cx.setfield_ref(l, &LIST_ITEMS, storage);
    let n = cx.int(items.len() as i64);
    cx.setfield_int(l, &LIST_LEN, n);
    l
}

/// `list.append(v)`, traced: grows the storage (doubling) when full.
pub fn list_append<S: Space, C: Ctx<Py<S>>>(cx: &mut C, l: C::Ref, v: C::Ref) {
    let n = cx.getfield_int(l, &LIST_LEN);
    let mut storage = cx.getfield_ref(l, &LIST_ITEMS);
    let cap = cx.arraylen(storage, &REFS_ITEMS);
    let full = cx.int_eq(n, cap);
    if cx.is_true(full) {
        let two = cx.int(2);
        let four = cx.int(4);
        let bigger = cx.int_mul(cap, two);
        let bigger = cx.int_add(bigger, four);
        let fresh = cx.new_array(&REFS, bigger);
        // Copying is a loop over a red length: a helper does it.
        builtins::copy_refs(cx, storage, fresh, n);
        cx.setfield_ref(l, &LIST_ITEMS, fresh);
        storage = fresh;
    }
    cx.setarrayitem_ref(storage, n, &REFS_ITEMS, v);
    let one = cx.int(1);
    let n1 = cx.int_add(n, one);
    cx.setfield_int(l, &LIST_LEN, n1);
}

/// Whether the operation is a comparison whose result is a bool (for the fast paths).
pub fn is_bool_compare(op: CmpOp) -> bool {
    !matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge | CmpOp::Eq | CmpOp::Ne)
}

#[allow(dead_code)]
fn unused(_: UnOp) {}

/// `r` is an int, bool or float (a number without in-place methods).
#[inline(always)]
fn is_number<S: Space, C: Ctx<Py<S>>>(cx: &mut C, r: C::Ref) -> bool {
    let c = cx.promote_class(r);
    c == INT.class() || c == FLOAT.class() || c == BOOL.class()
}
