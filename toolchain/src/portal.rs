//! Calls from compiled code back into the driver: `call_assembler`, for the calls the tracer
//! does not inline (recursion, or inlining too deep).
//!
//! PyPy's name for it is the *portal call*: the trace calls the language's main loop — here,
//! [`run_call`] on a frame rebuilt from the call's arguments — which interprets the callee
//! or runs its compiled function-entry trace, and hands back the result. Compiled code gets
//! one word; a result that is not one red value of the recorded type (an error, in most
//! languages) is *forced*: it is parked in the `Vm`, a flag makes the `guard_not_forced` that
//! follows the call fail, and the driver delivers the parked result to the caller, which is
//! suspended in the call (the guard's innermost snapshot frame), in the interpreter.
//!
//! The call may collect. Compiled code hands the references live across the call to
//! [`call_assembler`], which keeps them as roots while the callee runs; the collector does not
//! move objects, so the registers holding them are still right afterwards.

use crate::concrete::{to_word, Concrete, Plain, Same};
use crate::ctx::{Language, Red, Reds};
use crate::descr::Type;
use crate::driver::{from_word, run_call, Exec};
use crate::vm::{CellState, UnitId, Vm};
use std::cell::Cell;

/// What compiled code needs to reach the driver: boxed in the `Vm`, so its address is
/// stable and can be a trace constant even if the `Vm` moves between runs.
pub(crate) struct PortalCtx {
    /// The `Vm` (type-erased) that is running compiled code; set before compiled code runs.
    pub(crate) vm: Cell<*mut ()>,
    /// Non-zero when the last call's result was forced (read by `guard_not_forced`).
    pub(crate) forced: Cell<u64>,
}

impl PortalCtx {
    pub(crate) fn new() -> Box<PortalCtx> {
        Box::new(PortalCtx { vm: Cell::new(std::ptr::null_mut()), forced: Cell::new(0) })
    }
}

/// A function compiled code calls: where the callee starts, its reds' types, and the type of
/// result the trace expects.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Target<K> {
    pub(crate) key: K,
    pub(crate) args: std::rc::Rc<[Type]>,
    pub(crate) ret: Type,
}

/// The number of `target` in the Vm's table (added if new).
pub(crate) fn target_number<L: Language>(vm: &mut Vm<L>, target: Target<L::Key>) -> usize {
    match vm.portals.iter().position(|t| *t == target) {
        Some(k) => k,
        None => {
            vm.portals.push(target);
            vm.portals.len() - 1
        }
    }
}

/// The type of a red value.
pub(crate) fn red_type<R: Reds>(r: &Red<R>) -> Type {
    match r {
        Red::Int(_) => Type::Int,
        Red::Float(_) => Type::Float,
        Red::Ref(_) => Type::Ref,
    }
}

/// The driver's entry point for `call_assembler_*` (the call descr's function): runs target
/// number `target` on the `n_args` words at `words`, keeping the `n_live` words after them
/// alive, and returns the result word (or forces, see the module docs).
///
/// # Safety
/// Called only by compiled code of a `Vm<L>` while that `Vm` runs it: `ctx` is the `Vm`'s
/// `PortalCtx`, whose `vm` field points to it, and `words` holds `n_args + n_live` words.
pub(crate) unsafe extern "C" fn call_assembler<L: Language>(
    ctx: u64,
    target: u64,
    words: u64,
    n_args: u64,
    n_live: u64,
) -> u64 {
    // SAFETY: see the function's contract. The driver set `vm` from its `&mut Vm` right before
    // it ran the compiled code, and does not touch the `Vm` until that code returns, so this is
    // the only live access path to it meanwhile.
    let (ctx, vm) = unsafe {
        let ctx = &*(ctx as *const PortalCtx);
        (ctx, &mut *(ctx.vm.get() as *mut Vm<L>))
    };
    // SAFETY: see the function's contract.
    let words = unsafe { std::slice::from_raw_parts(words as *const u64, (n_args + n_live) as usize) };
    let (args, live) = words.split_at(n_args as usize);
    let t = vm.portals[target as usize].clone();
    let base = vm.roots.len();
    vm.roots.extend(live.iter().map(|&w| w as usize));
    // The callee's references are roots too, until its frame exists.
    let n_roots = vm.roots.len();
    vm.roots.extend(args.iter().zip(t.args.iter()).filter(|(_, &ty)| ty == Type::Ref).map(|(&w, _)| w as usize));
    // A safepoint at every call: compiled function entries have none of their own.
    if vm.heap.requested() {
        crate::driver::collect(vm, Vec::new());
    }
    vm.roots.truncate(n_roots);
    let lang = vm.lang.clone();
    let rebuild = || {
        let mut reds = args.iter().zip(t.args.iter()).map(|(&w, &ty)| from_word(ty, w));
        lang.rebuild(t.key, &mut reds)
    };
    // (The result is mapped to plain words: the run's borrow of the Vm ends with it.)
    let v: L::Value<Plain> = match compiled_entry(vm, t.key) {
        Some(id) => {
            // The fast way: run the callee's function entry (and its bridges) directly on the
            // argument words, which are its inputs; anything else goes the driver's way.
            let mut buf = vm.spare_bufs.pop().unwrap_or_default();
            buf.clear();
            buf.extend_from_slice(args);
            match run_compiled(vm, id, &mut buf, t.ret) {
                Ok(word) => {
                    vm.spare_bufs.push(buf);
                    vm.roots.truncate(base);
                    return word;
                }
                Err((id, exit)) => {
                    let mut frame = rebuild();
                    let mut cx = Concrete::new(vm);
                    let v = match crate::driver::run_units(&mut cx, id, &mut frame, buf, Some(exit)) {
                        Exec::Return(v) => v,
                        Exec::Continue => crate::driver::run_activation(&mut cx, frame, false),
                        Exec::Leave => crate::driver::run_activation(&mut cx, frame, true),
                    };
                    L::map_value(v, &mut Same)
                }
            }
        }
        None => L::map_value(run_call(&mut Concrete::new(vm), rebuild()), &mut Same),
    };
    vm.roots.truncate(base);
    match L::result_red(&v) {
        Some(r) if red_type(&r) == t.ret => to_word(r),
        _ => {
            vm.forced = Some(v);
            ctx.forced.set(1);
            0
        }
    }
}

/// The function entry compiled for `key`, if any and still valid.
fn compiled_entry<L: Language>(vm: &Vm<L>, key: L::Key) -> Option<UnitId> {
    match vm.entry_cells.get(&key)?.state {
        CellState::Compiled(id) if crate::driver::enterable(vm, id) => Some(id),
        _ => None,
    }
}

/// Runs unit `id` on `buf` and follows bridges until it returns a result of type `ret`
/// (`Ok`) or takes another exit (`Err((unit, exit))`, for the driver).
fn run_compiled<L: Language>(
    vm: &mut Vm<L>,
    mut id: UnitId,
    buf: &mut Vec<u64>,
    ret: Type,
) -> Result<u64, (UnitId, usize)> {
    vm.stats.entries += 1;
    loop {
        let (left, exit) = crate::driver::run_unit(vm, id, buf);
        id = left;
        let unit = vm.units[id].as_ref().expect("a running trace is never thrown away");
        if exit == unit.exits.len() {
            return if unit.returns == Some(ret) { Ok(buf[0]) } else { Err((id, exit)) };
        }
        let e = &unit.exits[exit];
        match e.bridge {
            Some(b) if crate::driver::enterable(vm, b) => {
                if e.virtuals {
                    let resume = e.resume.clone();
                    crate::driver::materialize(vm, &resume, buf);
                } else {
                    crate::driver::link(vm, id, exit, b);
                }
                id = b
            }
            _ => return Err((id, exit)),
        }
    }
}

/// The parked result of a forced call, for the caller in the interpreter.
pub(crate) fn take_forced<'a, L: Language>(vm: &mut Vm<L>) -> L::Value<Concrete<'a, L>> {
    vm.portal.forced.set(0);
    let v: L::Value<Plain> = vm.forced.take().expect("guard_not_forced failed without a parked result");
    L::map_value(v, &mut Same)
}
