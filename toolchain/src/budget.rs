//! What the JIT may spend, and when compiled code stops paying: the `Vm`'s compile share,
//! each loop's bridge budget and the backoff of its bridge threshold, and the profit window
//! over which a spent loop that keeps failing is judged unprofitable.
//!
//! The driver asks these before it records anything: a hot loop or function entry is traced
//! only `within_compile_share`, a failing guard gets a bridge only past its
//! `bridge_threshold` and `within_budget` (and the share); `unprofitable` is asked on entries
//! into a root unit and `count_failure` on each guard failure of its tree. Nothing here
//! records or compiles, and nothing here reads a clock but the `Vm` thread's CPU time (or
//! wall time where there is no such clock).

use crate::ctx::Language;
use crate::state::VmState;
use crate::units::UnitId;

/// The failures after which guard `exit` of unit `id` gets a bridge: the `bridge_threshold`,
/// doubled with each `bridge_backoff` bridges its tree has grown and with each aborted try at
/// this guard's bridge (at most 2^16 times).
pub(crate) fn bridge_threshold<L: Language>(vm: &VmState<L>, id: UnitId, exit: usize) -> u32 {
    let grown = match vm.params.bridge_backoff {
        0 => 0,
        n => vm.units[vm.units[id].as_ref().map_or(id, |u| u.root)].as_ref().map_or(0, |r| r.tree.get().0) / n,
    };
    let aborts = vm.units[id].as_ref().map_or(0, |u| u.exits[exit].bridge_aborts);
    vm.params.bridge_threshold.saturating_mul(1 << aborts.saturating_add(grown).min(16))
}

/// Whether the `Vm` may compile another trace (see [`may_compile`]), counting the CPU time of
/// the `Vm`'s thread where there is a clock for it (a busy machine slows compiling and running
/// alike, and the grace stays the same amount of work), else wall time.
///
/// Recording is JIT overhead too (`JitStats::record_cpu_ns`), but it is not counted here.
/// Counted, it bounded fern's wide storm over 1,000 locals at threshold 1, bridge 1 (then 14
/// ms recording, 40 ms compiling, 74 ms in all against 38 ms interpreted; counted, 33 ms), but
/// mtpy's richards ran 5 to 6 % slower: it compiles for a quarter of its run, at the grace's
/// edge, and the recording made it wait there more often. Only taking it out of the rest of
/// the run (which earns the grace) cost richards 3.7 %. The storm was mended where it went
/// wrong instead: recording made a snapshot at every instruction, and the run traced `main`'s
/// entry first, which changed the loops it traced (now 2.6 ms recording, 15 ms compiling,
/// 27 ms in all).
///
/// A refusal also says when to ask again ([`earliest_compile`]), on the wall clock, which runs
/// at least as fast as the thread's CPU time: until then the answer is no without reading the
/// thread's clock, a system call (a bridge storm over budget asks at every guard failure, and
/// those calls were 3 to 5 % of a 7 ms run).
pub(crate) fn within_compile_share<L: Language>(vm: &VmState<L>) -> bool {
    let share = u64::from(vm.params.compile_share);
    if share == 0 {
        return true;
    }
    if vm.compile_retry.get().is_some_and(|t| std::time::Instant::now() < t) {
        return false;
    }
    let cpu = vm.born_cpu != 0;
    let spent = if cpu { vm.stats.compile_cpu_ns } else { vm.stats.total_compile_ns };
    let running = if cpu {
        crate::stats::thread_cpu_ns().saturating_sub(vm.born_cpu)
    } else {
        vm.born.elapsed().as_nanos() as u64
    };
    let grace = u64::from(vm.params.compile_grace_ms) * 1_000_000;
    let yes = may_compile(spent, running, grace, share);
    let wait = earliest_compile(spent, grace, share).saturating_sub(running);
    vm.compile_retry.set((!yes).then(|| std::time::Instant::now() + std::time::Duration::from_nanos(wait)));
    yes
}

/// How many times the time a program spent on anything but compiling it may spend compiling
/// within its grace, past [`GRACE_FLOOR_NS`] (see [`may_compile`]).
const GRACE_RATIO: u64 = 1;

/// Compile time any run may spend within its grace, however short it is so far: the first
/// traces of a program (fern's nested loops: a loop, its two if-conversions and a bridge in
/// 3.3 ms, after 0.3 ms of running) would otherwise wait until the program had run as long.
const GRACE_FLOOR_NS: u64 = 2_000_000;

/// Whether a `Vm` that has been running for `running` nanoseconds, `spent` of them compiling,
/// may compile again: `spent` is within its grace plus `share` percent of `running`.
///
/// The grace is `grace` nanoseconds, but never more than [`GRACE_FLOOR_NS`] plus
/// [`GRACE_RATIO`] times what the rest of the run took (the ski-rental rule: compile no longer
/// than the program ran without compiling). A program of a few milliseconds, which a grace of
/// 250 ms let compile for ten times its length (9 ms -> 60 ms at threshold 1, bridge 1),
/// spends at most the floor and its own time compiling (and the one compile that crosses the
/// line). Measured over 40 random fern programs (`mtbench --sweep 40`), the worst JIT-on /
/// JIT-off ratio at threshold 1, bridge 1 was 3.0x with a floor of 5 ms and a ratio of 2,
/// 2.3x at 2 ms and 2, 2.2x at 2 ms and 1 (1.8x at threshold 5, bridge 3, where it was 2.7x);
/// a floor of 1 ms made fern's nested loops 20 % slower. The price is programs that compile
/// much early and then pay for it: mtpy's richards, fannkuch, deltablue and json_tree are 1 to
/// 3 % slower than with 5 ms and 2.
fn may_compile(spent: u64, running: u64, grace: u64, share: u64) -> bool {
    let rest = running.saturating_sub(spent);
    let grace = grace.min(GRACE_FLOOR_NS.saturating_add(rest.saturating_mul(GRACE_RATIO)));
    spent <= grace || spent - grace <= running / 100 * share
}

/// A lower bound on the running time at which [`may_compile`] allows `spent` nanoseconds of
/// compiling: its answer turns from no to yes only as the run goes on (the grace grows with the
/// rest of the run, the share with all of it), and not before either branch can hold.
fn earliest_compile(spent: u64, grace: u64, share: u64) -> u64 {
    // `spent <= GRACE_FLOOR_NS + (running - spent) * GRACE_RATIO`, if `spent <= grace`.
    let by_grace = match spent.checked_sub(GRACE_FLOOR_NS) {
        _ if spent > grace => u64::MAX,
        None => spent,
        Some(over) => spent.saturating_add(over.div_ceil(GRACE_RATIO)),
    };
    // `running * share / 100 >= spent - g` with `g = min(grace, GRACE_FLOOR_NS + (running -
    // spent) * GRACE_RATIO)`: with `g` the second, `running` is at least `(spent * (1 +
    // GRACE_RATIO) - GRACE_FLOOR_NS) * 100 / (100 * GRACE_RATIO + share)`; with `g` the first
    // (the smaller), at least `(spent - grace) * 100 / share` and where the second reaches it.
    let by_share = match share {
        0 => u64::MAX,
        _ => {
            let (spent, grace, share) = (u128::from(spent), u128::from(grace), u128::from(share));
            let (floor, ratio) = (u128::from(GRACE_FLOOR_NS), u128::from(GRACE_RATIO));
            let floor_rest = (spent * (1 + ratio)).saturating_sub(floor) * 100 / (100 * ratio + share);
            let whole = (spent.saturating_sub(grace) * 100 / share).max(spent + grace.saturating_sub(floor) / ratio);
            u64::try_from(floor_rest.min(whole)).unwrap_or(u64::MAX)
        }
    };
    by_grace.min(by_share)
}

/// Whether the tree of unit `id` may grow another bridge: it has fewer than `max_bridges` and
/// took less than `bridge_budget_ms` to compile (CPU time where there is a clock for it, as
/// `within_compile_share`).
pub(crate) fn within_budget<L: Language>(vm: &VmState<L>, id: UnitId) -> bool {
    let root = vm.units[id].as_ref().map_or(id, |u| u.root);
    let Some(r) = vm.units[root].as_ref() else { return true };
    let (n, ns) = r.tree.get();
    n < vm.params.max_bridges && ns < u64::from(vm.params.bridge_budget_ms) * 1_000_000
}

/// Entries into a root unit from the interpreter over which `unprofitable` judges it.
pub(crate) const PROFIT_WINDOW: u32 = 1000;

/// Counts an entry from the interpreter into loop or function entry `id` (a root unit); at the
/// end of each window of [`PROFIT_WINDOW`] entries, whether it is not worth entering any more:
/// its tree's guards failed on `unprofitable_percent` of them and it can get no more bridges
/// (see `JitParams::unprofitable_percent`).
pub(crate) fn unprofitable<L: Language>(vm: &mut VmState<L>, id: UnitId) -> bool {
    let percent = vm.params.unprofitable_percent;
    if percent == 0 {
        return false;
    }
    let Some(u) = vm.units[id].as_ref() else { return false };
    let (n, fails) = u.profit.get();
    if n + 1 < PROFIT_WINDOW {
        u.profit.set((n + 1, fails));
        return false;
    }
    u.profit.set((0, 0));
    let failing = u64::from(fails) * 100 >= u64::from(PROFIT_WINDOW) * u64::from(percent);
    let spent = failing && !(within_budget(vm, id) && within_compile_share(vm));
    vm.stats.unprofitable += spent as u64;
    spent
}

/// Counts a guard failure of unit `id` against its root (see [`unprofitable`]).
pub(crate) fn count_failure<L: Language>(vm: &VmState<L>, id: UnitId) {
    let root = vm.units[id].as_ref().map_or(id, |u| u.root);
    if let Some(Some(r)) = vm.units.get(root) {
        let (n, fails) = r.profit.get();
        r.profit.set((n, fails.saturating_add(1)));
    }
}

#[cfg(test)]
mod tests {
    use super::{earliest_compile, may_compile};

    const MS: u64 = 1_000_000;

    #[test]
    fn compiling_within_the_grace_is_free_once_the_program_ran_long_enough() {
        // 100 ms compiled of 400 ms: within a 250 ms grace, and the rest took 300 ms.
        assert!(may_compile(100 * MS, 400 * MS, 250 * MS, 10));
    }

    #[test]
    fn a_short_program_compiles_at_most_its_own_time_past_the_floor() {
        // 30 ms compiled of 40 ms: within the 250 ms grace, but the rest took only 10 ms, so
        // the grace is 2 + 10 = 12 ms, and 10 % of the run does not cover the 18 ms past it.
        assert!(!may_compile(30 * MS, 40 * MS, 250 * MS, 10));
        // 17 ms of 33 ms: the rest took 16 ms, the grace is 18 ms.
        assert!(may_compile(17 * MS, 33 * MS, 250 * MS, 10));
        // 20 ms of 33 ms: the rest took 13 ms, the grace is 15 ms, and 10 % of 33 ms does not
        // cover the 5 ms past it.
        assert!(!may_compile(20 * MS, 33 * MS, 250 * MS, 10));
        // The first 2 ms are free however short the run so far.
        assert!(may_compile(2 * MS, 2 * MS, 250 * MS, 10));
    }

    #[test]
    fn no_run_shorter_than_the_earliest_compile_may_compile() {
        // Over a grid of compile times and run lengths (in tenths of a millisecond, up to
        // past the grace), a run may compile only from the earliest time on, and from its
        // first yes on it always may.
        for share in [0, 10] {
            for spent in (0..3000).step_by(7).map(|t| t * MS / 10) {
                let earliest = earliest_compile(spent, 250 * MS, share);
                let mut allowed = false;
                for running in (spent / (MS / 10)..3200).step_by(3).map(|t| t * MS / 10) {
                    let yes = may_compile(spent, running, 250 * MS, share);
                    assert!(!yes || running >= earliest, "{spent} ns compiled, {running} ns run");
                    assert!(yes || !allowed, "the answer went back to no at {running} ns");
                    allowed |= yes;
                }
            }
        }
        // Close where the floor and the rest of the run decide: without a share, 5 ms compiled
        // may go on once 3 ms more ran (2 + 3 >= 5), at 8 ms; with 10 %, a little before.
        assert_eq!(earliest_compile(5 * MS, 250 * MS, 0), 8 * MS);
        assert!(may_compile(5 * MS, 8 * MS, 250 * MS, 0) && !may_compile(5 * MS, 8 * MS - 1, 250 * MS, 0));
        let e = earliest_compile(5 * MS, 250 * MS, 10);
        assert!(
            e > 7 * MS && !may_compile(5 * MS, e - 1, 250 * MS, 10) && may_compile(5 * MS, e + MS / 10, 250 * MS, 10)
        );
    }

    #[test]
    fn past_the_grace_compiling_takes_its_share() {
        // 300 ms compiled of 2 s: 50 ms past the grace, within 10 % of 2 s; 500 ms is not.
        assert!(may_compile(300 * MS, 2000 * MS, 250 * MS, 10));
        assert!(!may_compile(500 * MS, 2000 * MS, 250 * MS, 10));
    }
}
