//! The driver's side of if-conversion: when to merge a bridge into its loop, and the merged
//! loop's recording, keys and invalidation flag (the merging itself is
//! `metatrace_jit::opt::ifconv`; `driver::install` compiles the result in place of the loop).
//!
//! When to try: a guard that fails `bridge_threshold` times gets a bridge, and a bridge back
//! to its loop's header from the loop's main way out is merged instead. Until then every
//! failure resumes the interpreter, which runs the rest of the iteration: in a loop with a
//! data-dependent branch that is every other iteration, and each merge (one per branch) waits
//! its own threshold. So the loop's main way out gets an early try, at `ifconv_threshold`
//! failures ([`tries_early`]): its bridge is recorded then, and compiled only if it merges
//! (`driver::install` throws a tentative recording away otherwise, and the guard waits for its
//! bridge threshold like any other). Other bridges are not made any sooner: a bridge compiled
//! early sees fewer of the paths its guard leads to (a lower bridge threshold for all made
//! mtpy's raytrace a quarter slower).

use crate::ctx::Language;
use crate::recorder::{Recorder, TraceKind};
use crate::state::VmState;
use crate::units::{Unit, UnitId};

/// If-conversion (see `metatrace_jit::opt::ifconv`): the bridge being installed, from guard
/// `exit` of loop `parent`, finishing at that loop's header (`to`), is merged with the loop's
/// recording; `rec` then holds the merged loop (its keys, the loop's invalidation flag), which
/// `driver::install` compiles in place of the old loop. Returns how many conversions made it; `None`
/// leaves `rec` alone. A bridge that got this far failed `bridge_threshold` times (or
/// `ifconv_threshold` times, an early try: see [`tries_early`]), and its guard caused at least
/// half of the loop's exits; that its work is cheaper done on every
/// iteration than through a bridge on some is this decision's bet, bounded by
/// `ifconv::MAX_BRIDGE_OPS`, `ifconv::MAX_BRIDGE_CHECKS` and `JitParams::if_conversions`
/// (each merges one guard's bridge; a bridge with a hot guard of its own is merged in the
/// next).
pub(crate) fn if_convert<L: Language>(
    vm: &VmState<L>,
    rec: &mut Recorder<L>,
    to: Option<L::Key>,
    parent: UnitId,
    exit: usize,
) -> Option<u32> {
    use metatrace_jit::opt::ifconv;
    let p = vm.units.get(parent)?.as_ref()?;
    let key = p.loop_key?;
    if to != Some(key) || rec.quasi_guarded || p.conversions >= vm.params.if_conversions {
        return None;
    }
    if !main_way_out(p, exit) {
        if vm.params.log {
            eprintln!("# guard {exit} of trace {parent} not if-converted: not the loop's main way out");
        }
        return None;
    }
    let (lp, keys) = &**p.recorded.as_ref()?;
    let merged =
        ifconv::exit_words(lp, &p.trace, exit).and_then(|(g, words)| ifconv::convert(lp, g, &words, &rec.trace));
    let merged = match merged {
        Ok(t) => t,
        Err(why) => {
            if vm.params.log {
                eprintln!("# guard {exit} of trace {parent} not if-converted: {why}");
            }
            return None;
        }
    };
    let mut all = keys.clone();
    for name in &merged.keys[keys.len()..] {
        all.push(rec.keys[rec.trace.keys.iter().position(|n| n == name)?]);
    }
    rec.invalid = p.invalid.clone();
    rec.kind = TraceKind::Loop(key);
    rec.trace = merged;
    rec.keys = all;
    Some(p.conversions + 1)
}

/// Whether guard `exit` of unit `id`, which has just failed, gets its early try at
/// if-conversion (see the module docs): it is a guard of a loop that may still merge one, it
/// has failed at least `ifconv_threshold` times (0: never), fewer than its bridge threshold,
/// and it is the loop's main way out. Each guard gets one such try. (Asked at every failure
/// from `ifconv_threshold` on until the try is made: a guard may become the main way out
/// later, or be refused a try while something else is being recorded.)
pub(crate) fn tries_early<L: Language>(vm: &VmState<L>, id: UnitId, exit: usize) -> bool {
    let early = vm.params.ifconv_threshold;
    let Some(Some(u)) = vm.units.get(id) else { return false };
    let Some(e) = u.exits.get(exit) else { return false };
    early > 0
        && e.fails >= early
        && !e.tried_early
        && u.loop_key.is_some()
        && u.recorded.is_some()
        && u.conversions < vm.params.if_conversions
        && early < crate::budget::bridge_threshold(vm, id, exit)
        && main_way_out(u, exit)
}

/// Whether guard `exit` is `p`'s main way out: it caused at least half of the failures its
/// guards had (each counted until it got a bridge). The loop does not count its iterations,
/// so this stands in for "fails often": a guard that fails on some iterations while another
/// fails on more is left to its bridge (merging it would lengthen every iteration and still
/// leave through the other).
fn main_way_out<L: Language>(p: &Unit<L>, exit: usize) -> bool {
    let fails: u64 = p.exits.iter().map(|e| u64::from(e.fails)).sum();
    p.exits.get(exit).is_some_and(|e| u64::from(e.fails) * 2 >= fails)
}
