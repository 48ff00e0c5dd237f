//! What guard exits write, and which exits share their stores (exit groups).
//!
//! A guard's exit writes its snapshot to the frame buffer, one store per word that changed
//! (see `codegen.rs`). On a wide frame that is most of the function: 575 guards over 200
//! locals that all change make 100,000 stores, and compiling them costs more than the trace
//! ever saves. Yet neighbouring guards' snapshots mostly agree: between two guards a few
//! locals change, the rest are the same values.
//!
//! So consecutive guards whose snapshots agree on most words form a *group*. The group has
//! one shared cold block that stores the words all members agree on (the *common* words) and
//! then leaves with the exit number it is given; each member's own exit block stores only
//! the words where the members differ and jumps there with its number. The two sets of words
//! are disjoint, so the order of the stores does not matter.
//!
//! Invariants the grouping relies on:
//! - a common word's operand is in the first member's snapshot, so it is defined before the
//!   first member's guard, which dominates every later member (the trace is a straight line
//!   up to the label, and again from the label to the jump): the shared block may use it;
//! - a group never crosses the label (the loop body can be entered at the label, where the
//!   preamble's guards are not on the way);
//! - members have no pending writes and build no virtual objects at the exit (those exits
//!   are left alone), and the guard fused with the loop's jump, whose exit is not cold, is
//!   never a member.
//!
//! What the exit writes is the snapshot with one substitution ([`known_on_failure`]): the
//! condition of `guard_true`/`guard_false`, whose value the failing proves.
//!
//! Not done: sharing between guards that are not neighbours, or a group whose common words
//! are a different subset for different members.

use crate::ir::{Op, Opcode, Operand, Trace, Value};

/// Groups are only worth their extra jump when they share at least this many words.
const MIN_COMMON: usize = 8;

/// At most this many guards share one block (bounds the words each member writes itself).
const MAX_MEMBERS: usize = 32;

/// Which exits share their common words.
#[derive(Debug, Default)]
pub(crate) struct ExitPlan {
    /// For each guard number: its group, if any.
    pub group_of: Vec<Option<usize>>,
    /// For each group, per frame-buffer word: the operand every member writes there, or
    /// `None` where members differ (each writes its own).
    pub common: Vec<Vec<Option<Operand>>>,
}

/// Which values of `t` are results of comparisons (0 or 1).
pub(crate) fn booleans(t: &Trace) -> Vec<bool> {
    let mut out = vec![false; t.types.len()];
    for op in &t.ops {
        if let (Some(r), true) = (op.result, crate::opt::util::is_boolean(op.opcode)) {
            if let Some(b) = out.get_mut(r.0 as usize) {
                *b = true;
            }
        }
    }
    out
}

/// What a guard's failing says of its condition: `guard_true(x)` fails when `x` is 0, and
/// `guard_false(x)` of a comparison when it is 1. The exit writes that constant for `x`, so
/// `x` need not stay in a register for the exit (the comparison is then a branch only).
/// (Not the optimizer's business: a snapshot stays valid where the guard passes too, which
/// the driver's forced guard failures rely on; see `driver::force_guard_failure`.)
pub(crate) fn known_on_failure(op: &Op, booleans: &[bool]) -> Option<(Value, i64)> {
    match (op.opcode, op.args.as_slice()) {
        (Opcode::GuardTrue, &[Operand::Value(x)]) => Some((x, 0)),
        (Opcode::GuardFalse, &[Operand::Value(x)]) if booleans.get(x.0 as usize) == Some(&true) => Some((x, 1)),
        _ => None,
    }
}

/// The words guard `op`'s exit writes to the frame buffer, in order: its snapshot's operands
/// (see `Snapshot::operands`) with [`known_on_failure`] applied.
pub(crate) fn written(op: &Op, booleans: &[bool]) -> Vec<Operand> {
    let Some(s) = &op.snapshot else { return Vec::new() };
    // (Sized first and filled by internal iteration: collecting the chained iterator grew the
    // vector by reallocation, most of the cost on a wide frame.)
    let mut words = Vec::with_capacity(s.operand_count());
    s.operands().for_each(|&o| words.push(o));
    if let Some((x, c)) = known_on_failure(op, booleans) {
        for w in &mut words {
            if *w == Operand::Value(x) {
                *w = Operand::Int(c);
            }
        }
    }
    words
}

/// Groups the exits of `t` (see the module docs). `builds_virtuals`: exits make the objects
/// of their snapshots' virtuals themselves (such exits are not grouped).
pub(crate) fn plan(t: &Trace, booleans: &[bool], builds_virtuals: bool) -> ExitPlan {
    let n = t.ops.len();
    let fused = (n >= 2 && t.ops[n - 1].opcode == Opcode::Jump).then(|| n - 2);
    let label = t.label_index();
    let mut plan = ExitPlan::default();
    // The group being built: its number, region, first member's word count, members so far.
    let mut open: Option<(usize, bool, usize, usize)> = None;
    let mut differ: Vec<usize> = Vec::new();
    for (i, op) in t.ops.iter().enumerate() {
        if !op.opcode.is_guard() {
            continue;
        }
        let g = plan.group_of.len();
        plan.group_of.push(None);
        let Some(s) = &op.snapshot else { continue };
        let eligible = s.writes.is_empty() && !(builds_virtuals && !s.virtuals.is_empty()) && Some(i) != fused;
        if !eligible {
            continue;
        }
        let in_body = label.is_some_and(|l| i > l);
        let words = written(op, booleans);
        if let Some((gi, region, first_len, members)) = open {
            if region == in_body && members < MAX_MEMBERS {
                // One pass over the words: those still common that this member agrees with,
                // and the positions of those it does not (few: what changed since the group's
                // first member), which leave the common words if it joins.
                let common = &mut plan.common[gi];
                let mut shared = 0;
                differ.clear();
                for (k, (c, w)) in common.iter().zip(&words).enumerate() {
                    match c {
                        Some(c) if c == w => shared += 1,
                        Some(_) => differ.push(k),
                        None => {}
                    }
                }
                if shared >= MIN_COMMON && shared * 4 >= first_len * 3 {
                    for &k in &differ {
                        common[k] = None;
                    }
                    // (Words past this member's own are not common.)
                    if let Some(rest) = common.get_mut(words.len()..) {
                        rest.fill(None);
                    }
                    plan.group_of[g] = Some(gi);
                    open = Some((gi, region, first_len, members + 1));
                    continue;
                }
            }
        }
        // This guard starts a group (a group of one is dropped below).
        if words.len() >= MIN_COMMON {
            let gi = plan.common.len();
            plan.common.push(words.iter().map(|&o| Some(o)).collect());
            plan.group_of[g] = Some(gi);
            open = Some((gi, in_body, words.len(), 1));
        } else {
            open = None;
        }
    }
    // Groups of one member keep their plain exit.
    let mut size = vec![0usize; plan.common.len()];
    for gi in plan.group_of.iter().flatten() {
        size[*gi] += 1;
    }
    for slot in &mut plan.group_of {
        if slot.is_some_and(|gi| size[gi] < 2) {
            *slot = None;
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;

    fn plan_of(src: &str) -> ExitPlan {
        let t = parse(src).unwrap();
        plan(&t, &booleans(&t), false)
    }

    /// Ten words, of which the last one is `last`.
    fn frame(last: &str) -> String {
        format!("k: i0, i0, i0, i0, i0, i0, i0, i0, i0, {last}")
    }

    #[test]
    fn neighbours_that_agree_share_their_common_words() {
        let p = plan_of(&format!(
            "inputs(i0, i9)\ni1 = int_add(i0, 1)\nguard_true(i9) [{}]\ni2 = int_add(i1, 1)\nguard_true(i9) [{}]\nfinish(i2)\n",
            frame("i1"),
            frame("i2")
        ));
        assert_eq!(p.group_of, vec![Some(0), Some(0)]);
        // The first nine words are common; the last differs, each member writes its own.
        assert_eq!(p.common[0][..9], [Some(Operand::Value(Value(0))); 9]);
        assert_eq!(p.common[0][9], None);
    }

    #[test]
    fn small_or_disagreeing_snapshots_keep_their_own_exits() {
        let small = plan_of("inputs(i0, i9)\nguard_true(i9) [k: i0]\nguard_true(i9) [k: i0]\nfinish(i0)\n");
        assert_eq!(small.group_of, vec![None, None]);
        let differ = plan_of(&format!(
            "inputs(i0, i1, i9)\nguard_true(i9) [{}]\nguard_true(i9) [k: i1, i1, i1, i1, i1, i1, i1, i1, i1, i1]\nfinish(i0)\n",
            frame("i0")
        ));
        assert_eq!(differ.group_of, vec![None, None]);
    }

    #[test]
    fn a_group_does_not_cross_the_label_nor_take_the_guard_fused_with_the_jump() {
        let p = plan_of(&format!(
            "inputs(i0, i9)\nguard_true(i9) [{f}]\nguard_true(i9) [{f}]\nlabel(i0)\nguard_true(i9) [{f}]\n\
             guard_true(i9) [{f}]\nguard_true(i9) [{f}]\njump(i0)\n",
            f = frame("i0")
        ));
        assert_eq!(p.group_of, vec![Some(0), Some(0), Some(1), Some(1), None]);
    }

    #[test]
    fn the_failed_condition_is_written_as_the_constant_it_proves() {
        let t = parse("inputs(i0)\ni1 = int_lt(i0, 3)\nguard_true(i1) [k: i0, i1]\nfinish(i0)\n").unwrap();
        let guard = &t.ops[1];
        assert_eq!(written(guard, &booleans(&t)), vec![Operand::Value(Value(0)), Operand::Int(0)]);
    }
}
