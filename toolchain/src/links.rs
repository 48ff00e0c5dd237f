//! The links between compiled units and their runs: exit slots and direct-call slots filled
//! with a unit's code ([`link`], [`link_direct`]; an exit with a bridge, [`enter_bridge`]), the
//! frame buffer a run starts from ([`put_inputs`]), one run of a unit's code ([`run_unit`]),
//! and throwing units away while compiled code may still be running ([`discard`], [`reap`]).
//! The driver and the portal use these; nothing here records or compiles.

use crate::concrete::to_word;
use crate::ctx::{red_type, Language};
use crate::state::VmState;
use crate::units::{CellState, JitCell, UnitId};
use metatrace_jit::backend::{decode_exit, ExitWord};
use std::cell::Cell;

/// Throws away a compiled trace and every bridge hanging off it. Exit slots that jump to them
/// are cleared first; if compiled code is running (it may be theirs), they are only doomed,
/// and freed once no compiled code runs (see [`reap`]).
pub(crate) fn discard<L: Language>(vm: &mut VmState<L>, id: UnitId) {
    let mut doomed = vec![id];
    let mut i = 0;
    while i < doomed.len() {
        let d = doomed[i];
        for (j, u) in vm.units.iter().enumerate() {
            // Its bridges, and the traces that finish into its label (whose `finish` leaves
            // nothing another trace could take).
            if matches!(u, Some(u) if u.parent == Some(d) || u.label_target.as_ref().is_some_and(|l| l.0 == d))
                && !doomed.contains(&j)
            {
                doomed.push(j);
            }
        }
        i += 1;
    }
    for d in doomed {
        let Some(u) = vm.units[d].as_ref() else { continue };
        if u.doomed.get() {
            continue;
        }
        let code = u.code.code() as u64;
        let direct = vm.portal_direct.iter().map(|d| &**d);
        for slot in vm.units.iter().flatten().flat_map(|v| v.links.iter()).chain(direct) {
            if slot.get() & !1 == code {
                slot.set(0);
            }
        }
        // The key counts again, backing off as after an abort: a trace that keeps being
        // invalidated (it sets a value it depends on, say) is eventually not traced again.
        let max = vm.params.max_aborts;
        let invalidated = |c: &mut JitCell| {
            c.aborts += 1;
            c.counter = 0;
            c.state = if c.aborts >= max { CellState::Blacklisted } else { CellState::Counting };
        };
        if let Some(k) = u.loop_key {
            if let Some(c) = vm.cells.get_mut(&k) {
                invalidated(c);
            }
        }
        for c in vm.entry_cells.values_mut() {
            if c.state == CellState::Compiled(d) {
                invalidated(c);
            }
        }
        if vm.run_depth > 0 {
            vm.units[d].as_ref().unwrap().doomed.set(true);
            vm.doomed.push(d);
            vm.stats.doomed += 1;
        } else {
            vm.units[d] = None;
        }
    }
    vm.stats.invalidations += 1;
}

/// Frees the doomed units (call only when no compiled code runs).
pub(crate) fn reap<L: Language>(vm: &mut VmState<L>) {
    debug_assert_eq!(vm.run_depth, 0);
    for d in std::mem::take(&mut vm.doomed) {
        vm.units[d] = None;
    }
}

/// Whether unit `id` exists and may be entered.
pub(crate) fn enterable<L: Language>(vm: &VmState<L>, id: UnitId) -> bool {
    vm.units[id].as_ref().is_some_and(|u| !u.doomed.get() && u.invalid.get() == 0)
}

/// The bridge to run after unit `id` left through guard `exit` (values in `buf`), if it has
/// one that may be entered: its inputs are the snapshot's words as the exit wrote them (a
/// bridge builds the snapshot's virtual objects itself, from their field words, if it needs
/// them at all). From now on the exit jumps to the bridge itself.
///
/// A `guard_not_forced` is the exception: the call's parked result, which the bridge was
/// recorded handing to the caller, is not among the exit's words. Its bridge takes it as one
/// more input, so the driver enters it only if the result is a red value of the type it was
/// recorded with, moved from the Vm to the word after the exit's (the bridge's code holds it
/// from there: the Vm no longer does); the exit is never linked. Any other result goes to
/// the caller in the interpreter, as without a bridge.
pub(crate) fn enter_bridge<L: Language>(
    vm: &mut VmState<L>,
    id: UnitId,
    exit: usize,
    buf: &mut Vec<u64>,
) -> Option<UnitId> {
    let e = vm.units[id].as_ref()?.exits.get(exit)?;
    let b = e.bridge.filter(|&b| enterable(vm, b))?;
    if e.forced {
        let ty = e.takes?;
        let r = vm.forced.as_ref().and_then(L::result_red).filter(|r| red_type(r) == ty)?;
        e.resume.put_parked(buf, to_word(r));
        vm.take_forced();
        vm.stats.forced_bridged += 1;
        return Some(b);
    }
    link(vm, id, exit, b);
    Some(b)
}

/// From now on, exit `exit` of unit `from` jumps straight to unit `to` (whose inputs are what
/// the exit writes: a bridge attached to that guard, whose virtuals the exit builds first, or
/// the loop a `finish` continues in).
pub(crate) fn link<L: Language>(vm: &mut VmState<L>, from: UnitId, exit: usize, to: UnitId) {
    let linked = vm.units[from].as_ref().is_some_and(|f| fill_slot(vm, &f.links[exit], to, 0));
    vm.stats.links += linked as u64;
}

/// From now on, the `finish` exit `exit` of unit `from` jumps straight to the label of loop
/// `to` (its `label_target`): the slot holds `to`'s code plus 1.
pub(crate) fn link_label<L: Language>(vm: &mut VmState<L>, from: UnitId, exit: usize, to: UnitId) {
    let linked = vm.units[from].as_ref().is_some_and(|f| fill_slot(vm, &f.links[exit], to, 1));
    vm.stats.links += linked as u64;
}

/// From now on, compiled code calling target number `target` runs unit `entry` (its compiled
/// function entry) itself.
pub(crate) fn link_direct<L: Language>(vm: &mut VmState<L>, target: usize, entry: UnitId) {
    let linked = fill_slot(vm, &vm.portal_direct[target], entry, 0);
    vm.stats.links += linked as u64;
}

/// Puts unit `to`'s code in an empty `slot` if it may be entered and its frame fits every
/// run's buffer (the Vm's link limit, `link_words`); returns whether it did.
fn fill_slot<L: Language>(vm: &VmState<L>, slot: &Cell<u64>, to: UnitId, tag: u64) -> bool {
    let Some(t) = vm.units[to].as_ref() else { return false };
    let fits = enterable(vm, to) && t.code.frame_words() <= vm.link_words && slot.get() == 0;
    if fits {
        slot.set(t.code.code() as u64 | tag);
    }
    fits
}

/// Writes a run's input words at the start of frame buffer `buf` (a buffer of the pool:
/// after its first run it is as long as the largest frame, and the words past the inputs are
/// left as they are: compiled code writes every word it reads besides its inputs, and the
/// collector reads no more of a frame buffer than the inputs a live record names), rather
/// than clearing it and filling it with zeros again up to the largest frame on every entry.
pub(crate) fn put_inputs(buf: &mut Vec<u64>, words: &[u64]) {
    if buf.len() < words.len() {
        buf.resize(words.len(), 0);
    }
    buf[..words.len()].copy_from_slice(words);
}

/// Runs unit `id`'s code on `buf` and returns how it ended: the unit that left (exits may
/// jump to other units' code) and the exit it took, or a function's result.
pub(crate) fn run_unit<L: Language>(vm: &mut VmState<L>, id: UnitId, buf: &mut Vec<u64>, at_label: bool) -> ExitWord {
    if vm.run_depth == 0 && !vm.doomed.is_empty() {
        reap(vm);
    }
    // Traces compiled by calls out of compiled code may need a larger buffer; linked ones fit
    // in the link limit.
    let words = vm.frame_words.max(buf.len()).max(vm.link_words);
    buf.resize(words, 0);
    let unit = vm.units[id].as_ref().expect("running a discarded trace");
    // (Bit 0 of the code address selects its entry at the label: see `Link::label_entry`.)
    let (enter, code) = (unit.code.entry(), unit.code.code().wrapping_add(at_label as usize));
    vm.run_depth += 1;
    let this = vm as *mut VmState<L> as *mut ();
    vm.portal.vm.set(this);
    // SAFETY: the buffer holds `frame_words` words (and at least the link limit), at least as many
    // as any compiled trace of this Vm used when the run starts, or linked later, and starts
    // with this trace's inputs: the frame's reds (on entry), a guard's snapshot (bridges) or a
    // finish's arguments (loops) in the trace's order. `portal.vm` points to this Vm, which
    // is not used until the code returns. The code of every unit stays mapped while any code
    // runs (`run_depth` > 0: see `discard`). With `at_label`, the buffer holds the values the
    // loop reads at its label, which its code was compiled to take (`label_target`).
    let word = unsafe { enter(code, buf.as_mut_ptr()) };
    vm.run_depth -= 1;
    decode_exit(word)
}
