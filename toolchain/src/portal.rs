//! Calls from compiled code back into the driver: `call_assembler`, for the calls the tracer
//! does not inline (recursion, or inlining too deep).
//!
//! PyPy's name for it is the *portal call*: the trace calls the language's main loop — here,
//! [`run_call`] on a frame rebuilt from the call's arguments — which interprets the callee
//! or runs its compiled function-entry trace, and hands back the result. Compiled code gets
//! one word; a result that is not one red value of the recorded type (an error, in most
//! languages) is *forced*: it is parked in the `Vm` (a root while it waits), a flag makes the
//! `guard_not_forced` that follows the call fail, and the driver delivers the parked result to
//! the caller, which is suspended in the call (the guard's innermost snapshot frame), in the
//! interpreter. A hot forced exit gets a bridge like any other if its results are red values
//! (of another type than the call's: a function that returns an int where it was traced
//! returning an object): the bridge takes the parked result as one more input after the exit's
//! words and starts by handing it to the caller. Such exits are never linked: the driver
//! enters the bridge, moving the parked word into the frame buffer, only when the result has
//! the type the bridge was recorded with; any other result goes to the interpreter as before
//! (see `links::enter_bridge`).
//!
//! The fast way needs no Rust at all: each target has a *direct entry* word, which the driver
//! fills with the callee's compiled function entry once it has one (and clears when that is
//! thrown away). Compiled code calls that code itself, on a fresh frame buffer holding the
//! arguments; if it returns a result of the recorded type, that is the call's result. If it
//! leaves any other way (a guard failed), compiled code hands the exit to [`call_assembler`],
//! which continues from there as the driver would; without a direct entry, compiled code calls
//! [`call_assembler`] to run the call.
//!
//! Natives (Rust code that may run the language again, see `native`) are called the same way,
//! through [`native_entry`], without a direct entry. Both report an exception through the Vm's
//! raise slot rather than by forcing, so traces check it (`save_exception`) and exits taken
//! because of it get bridges.
//!
//! The call may collect. Around the call, compiled code pushes a *live record* on a chain
//! headed by the context's first word: the references live across the call and the callee's
//! reference arguments. The collector scans the chain (see `state::live_records`); it does not
//! move objects, so the registers holding them are still right afterwards.

use crate::concrete::{from_word, to_word, Concrete};
use crate::ctx::{red_type, Language, Plain, Red, Same};
use crate::descr::Type;
use crate::driver::{self, run_call, Exec};
use crate::links;
use crate::state::{collect, PortalCtx, Target, VmState};
use crate::units::{CellState, UnitId};
use metatrace_jit::backend::{decode_exit, ExitWord, NOT_RUN};

/// The driver's entry point for `call_assembler_*` (the call descr's function). With
/// `exit == NOT_RUN`, runs target number `target` on the `n_args` words at `args`; otherwise the
/// target's direct entry already ran on the frame buffer `frame` and left with exit word
/// `exit`, and this continues from there. Returns the result word (or forces, see the module
/// docs).
///
/// # Safety
/// Called only by compiled code of a `Vm<L>` while that `Vm` runs it: `ctx` is the `Vm`'s
/// `PortalCtx`, whose `vm` field points to it, `args` holds `n_args` words, and with an
/// `exit` other than `NOT_RUN`, `frame` is a frame buffer of the Vm's `link_words` words.
/// Both areas are the compiled caller's, which waits in the call: they stay valid, and nothing
/// else writes them, until this returns.
pub(crate) unsafe extern "C" fn call_assembler<L: Language>(
    ctx: u64,
    target: u64,
    args: u64,
    n_args: u64,
    frame: u64,
    exit: u64,
) -> u64 {
    // SAFETY: see the function's contract. The driver set `vm` from its `&mut Vm` right before
    // it ran the compiled code, and does not touch the `Vm` until that code returns, so this is
    // the only live access path to it meanwhile.
    let (ctx, vm) = unsafe {
        let ctx = &*(ctx as *const PortalCtx);
        (ctx, &mut *(ctx.vm.get() as *mut VmState<L>))
    };
    // SAFETY: see the function's contract: `args` holds `n_args` words and, if the direct
    // entry ran (`exit != NOT_RUN`), `frame` is a frame buffer of `link_words` words; both stay
    // valid and unwritten by anyone else until this returns, which the slices do not outlive.
    let (args, ran) = unsafe {
        let args = std::slice::from_raw_parts(args as *const u64, n_args as usize);
        let ran = (exit != NOT_RUN).then(|| (std::slice::from_raw_parts(frame as *const u64, vm.link_words), exit));
        (args, ran)
    };
    suspended(ctx, vm, |ctx, vm| run_target(ctx, vm, target, args, ran))
}

/// Runs `call` with the compiled code that called the driver (and any compiled code that
/// called that directly) listed on the shadow stack as suspended in the call: an entry for the
/// call's live record, which `Concrete::caller_frames` describes from the record's call site
/// (see `resume::describe_records`).
fn suspended<L: Language>(
    ctx: &PortalCtx,
    vm: &mut VmState<L>,
    call: impl FnOnce(&PortalCtx, &mut VmState<L>) -> u64,
) -> u64 {
    let record = ctx.live.get();
    vm.shadow.push(crate::state::RootFrame::compiled(record, vm.portal_record));
    let outer = std::mem::replace(&mut vm.portal_record, record);
    let word = call(ctx, vm);
    vm.portal_record = outer;
    vm.shadow.pop();
    word
}

/// [`call_assembler`] once its compiled caller is listed as suspended: runs target number
/// `target` on `args`, or, if its direct entry `ran` (on this frame buffer, leaving with this
/// exit word), continues from there.
fn run_target<L: Language>(
    ctx: &PortalCtx,
    vm: &mut VmState<L>,
    target: u64,
    args: &[u64],
    ran: Option<(&[u64], u64)>,
) -> u64 {
    let t = vm.portals[target as usize].clone();
    let lang = vm.lang.clone();
    let rebuild = || {
        let mut reds = args.iter().zip(t.args.iter()).map(|(&w, &ty)| from_word(ty, w));
        lang.rebuild(t.key, &mut reds)
    };
    // The callee's reference arguments are in the call's live record: roots until it returns.
    // (The result is mapped to plain words: the run's borrow of the Vm ends with it.)
    let v: L::Value<Plain> = if let Some((words, exit)) = ran {
        let mut buf = vm.bufs.pop().unwrap_or_default();
        links::put_inputs(&mut buf, words);
        // Bridges first.
        match settle(vm, decode_exit(exit), &mut buf, t.ret) {
            Ok(word) => {
                vm.bufs.push(buf);
                return word;
            }
            Err(Ok((id, exit))) => continue_from::<L>(vm, id, exit, buf, &t, args),
            Err(Err(v)) => v,
        }
    } else {
        // A safepoint at every call the driver runs (compiled function entries have one of
        // their own only when they may allocate).
        if vm.heap.requested() {
            collect(vm, Vec::new());
        }
        let compiled = if t.at_loop { compiled_loop(vm, t.key) } else { compiled_entry(vm, t.key) };
        match compiled {
            Some(id) => {
                // From now on compiled code calls the entry itself.
                links::link_direct(vm, target as usize, id);
                // Run the callee's function entry (and its bridges) on the argument words,
                // which are its inputs; anything else goes the driver's way.
                let mut buf = vm.bufs.pop().unwrap_or_default();
                links::put_inputs(&mut buf, args);
                match run_compiled(vm, id, &mut buf, t.ret) {
                    Ok(word) => {
                        vm.bufs.push(buf);
                        return word;
                    }
                    Err(Ok((id, exit))) => continue_from::<L>(vm, id, exit, buf, &t, args),
                    Err(Err(v)) => v,
                }
            }
            None if t.at_loop => L::map_value(driver::run_from_loop(&mut Concrete::new(vm), &mut rebuild()), &mut Same),
            None => L::map_value(run_call(&mut Concrete::new(vm), &mut rebuild()), &mut Same),
        }
    };
    outcome_word(vm, ctx, v, t.ret)
}

/// What compiled code gets back from a call that ran through the driver: the word of a red
/// result of the expected type; for an exception, 0, with the exception in the raise slot
/// (the trace's `save_exception` takes it); for anything else, 0, with the result parked and
/// the forced flag raised (the trace's `guard_not_forced` fails).
fn outcome_word<L: Language>(vm: &mut VmState<L>, ctx: &PortalCtx, v: L::Value<Plain>, ret: Type) -> u64 {
    if let Some(r) = L::result_red(&v).filter(|r| red_type(r) == ret) {
        return to_word(r);
    }
    if let Some(exc) = L::result_raised(&v) {
        vm.raise_slot.set(exc as u64);
        return 0;
    }
    vm.forced = Some(v);
    ctx.forced.set(1);
    0
}

/// Arguments of a native call that [`native_entry`] passes in an array on the stack.
const NATIVE_ARGS_INLINE: usize = 8;

/// The driver's entry point for `call_may_force_*` (the call descr's function): runs native
/// number `native` on the `n_args` words at `args` and returns its result word (or raises or
/// forces, see [`outcome_word`]). The last two arguments are unused (the signature is
/// `call_assembler`'s, whose lowering the call shares).
///
/// # Safety
/// Called only by compiled code of a `Vm<L>` while that `Vm` runs it: `ctx` is the `Vm`'s
/// `PortalCtx`, whose `vm` field points to it, and `args` holds `n_args` words.
pub(crate) unsafe extern "C" fn native_entry<L: Language>(
    ctx: u64,
    native: u64,
    args: u64,
    n_args: u64,
    _frame: u64,
    _exit: u64,
) -> u64 {
    // SAFETY: see the function's contract and `call_assembler`'s.
    let (ctx, vm) = unsafe {
        let ctx = &*(ctx as *const PortalCtx);
        (ctx, &mut *(ctx.vm.get() as *mut VmState<L>))
    };
    // SAFETY: see the function's contract.
    let args = unsafe { std::slice::from_raw_parts(args as *const u64, n_args as usize) };
    suspended(ctx, vm, |ctx, vm| run_native(ctx, vm, native, args))
}

/// [`native_entry`] once its compiled caller is listed as suspended.
fn run_native<L: Language>(ctx: &PortalCtx, vm: &mut VmState<L>, native: u64, args: &[u64]) -> u64 {
    let n = vm.natives[native as usize];
    // The reference arguments are in the call's live record: roots until it returns.
    if vm.heap.requested() {
        collect(vm, Vec::new());
    }
    // Roots the native leaves pushed are dropped when it returns (as `Ctx::call_native` does).
    let mark = vm.roots.len();
    // (On the stack for the usual few arguments: this runs on every native call of compiled code.)
    let v = if args.len() <= NATIVE_ARGS_INLINE {
        let cargs: [Red<Concrete<'_, L>>; NATIVE_ARGS_INLINE] =
            std::array::from_fn(|i| match (args.get(i), n.args.get(i)) {
                (Some(&w), Some(&ty)) => from_word(ty, w),
                _ => from_word(Type::Int, 0),
            });
        (n.function())(&mut Concrete::new(vm), &cargs[..args.len().min(n.args.len())])
    } else {
        let cargs: Vec<Red<Concrete<'_, L>>> = args.iter().zip(n.args).map(|(&w, &ty)| from_word(ty, w)).collect();
        (n.function())(&mut Concrete::new(vm), &cargs)
    };
    let v: L::Value<Plain> = L::map_value(v, &mut Same);
    vm.roots.truncate(mark);
    outcome_word(vm, ctx, v, n.ret)
}

/// The rest of a call whose compiled code left unit `id` through `exit` (values in `buf`):
/// the driver takes over, as for any exit, and runs the activation to its result. `args` are
/// the words the callee was called with (the frame they make is replaced by the exit's).
fn continue_from<L: Language>(
    vm: &mut VmState<L>,
    id: UnitId,
    exit: usize,
    buf: Vec<u64>,
    target: &Target<L::Key>,
    args: &[u64],
) -> L::Value<Plain> {
    let lang = vm.lang.clone();
    let mut reds = args.iter().zip(target.args.iter()).map(|(&w, &ty)| from_word(ty, w));
    let mut frame = lang.rebuild(target.key, &mut reds);
    let mut cx = Concrete::new(vm);
    let v = match driver::run_units(&mut cx, id, &mut frame, buf, Some(exit), None) {
        Exec::Return(v) => v,
        Exec::Continue => driver::run_activation(&mut cx, &mut frame, false),
        Exec::Leave => driver::run_activation(&mut cx, &mut frame, true),
    };
    L::map_value(v, &mut Same)
}

/// The function entry compiled for `key`, if any and still valid.
fn compiled_entry<L: Language>(vm: &VmState<L>, key: L::Key) -> Option<UnitId> {
    match vm.entry_cells.get(&key)?.state {
        CellState::Compiled(id) if links::enterable(vm, id) => Some(id),
        _ => None,
    }
}

/// The loop compiled at loop header `key`, if any and still valid.
fn compiled_loop<L: Language>(vm: &VmState<L>, key: L::Key) -> Option<UnitId> {
    match vm.cells.get(&key)?.state {
        CellState::Compiled(id) if links::enterable(vm, id) => Some(id),
        _ => None,
    }
}

/// Runs unit `id` on `buf` (see [`settle`]).
#[allow(clippy::type_complexity)]
fn run_compiled<L: Language>(
    vm: &mut VmState<L>,
    id: UnitId,
    buf: &mut Vec<u64>,
    ret: Type,
) -> Result<u64, Result<(UnitId, usize), L::Value<Plain>>> {
    vm.stats.entries += 1;
    let left = links::run_unit(vm, id, buf, false);
    settle(vm, left, buf, ret)
}

/// Follows compiled code that `left` (values in `buf`) through bridges until it returns: a
/// result word of type `ret` (`Ok`), another exit for the driver (`Err(Ok((unit, exit)))`),
/// or a result of another type (`Err(Err(value))`).
#[allow(clippy::type_complexity)]
fn settle<L: Language>(
    vm: &mut VmState<L>,
    mut left: ExitWord,
    buf: &mut Vec<u64>,
    ret: Type,
) -> Result<u64, Result<(UnitId, usize), L::Value<Plain>>> {
    loop {
        let (id, exit) = match left {
            ExitWord::Returned(ty) if ty == ret => return Ok(buf[0]),
            ExitWord::Returned(ty) => {
                // (A trace that ends by raising leaves the exception in the raise slot, see
                // `driver::close_return`.)
                let v = match (vm.raise_slot.replace(0), from_word::<Plain>(ty, buf[0])) {
                    (0, r) => L::result_from_red(r),
                    (exc, _) => L::raised_result(exc as usize),
                };
                return Err(Err(v));
            }
            ExitWord::Left { trace, exit } => (trace as UnitId, exit as usize),
        };
        match links::enter_bridge(vm, id, exit, buf) {
            Some(b) => left = links::run_unit(vm, b, buf, false),
            None => return Err(Ok((id, exit))),
        }
    }
}
