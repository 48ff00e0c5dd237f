//! Dead code elimination: drops side-effect-free operations whose results nobody uses.
//!
//! One backward walk with the set of values used by the operations kept so far. Walking
//! backwards, every use is seen before its definition, so when an operation is reached we
//! already know whether anything after it needs its result. Uses are the arguments of every
//! kept operation and the operands of every kept guard's snapshot (a value the interpreter
//! needs when the guard fails is live), which includes the arguments of `label`, `jump` and
//! `finish`.
//!
//! Removable when unused: operations flagged PURE, memory reads (READ: they have no side
//! effects and their descriptors promise in-bounds addresses), and calls whose descriptor's
//! effect is `Elidable` or `ReadOnly`. Never removed: guards, operations with effects or
//! writing calls, overflow-checked operations (they set the condition their guard reads; the
//! pair goes together, and only `fold.rs`/`bounds.rs` may remove it), `label`, `jump` and
//! `finish`.
//!
//! The walk itself needs no fixpoint: a value defined in the loop body and used by the next
//! iteration reaches it through the `jump`'s arguments, which are uses; preamble values used
//! in the loop body are seen as used there before the walk reaches the preamble.
//!
//! # Dead loop-carried values
//!
//! A `label` argument that nothing in the loop body uses, except the `jump` passing the next
//! iteration's value in the same position, is carried around the loop for nobody (heap
//! caching leaves such slots behind when the loop only writes a location). Before the walk,
//! those positions are dropped from both the label and the jump, and then what computed them
//! is dead like anything else. Which positions are live is a small fixed point: starting with
//! none, a position becomes live when its label argument is used by an operation of the
//! loop body that the walk keeps, where the jump only uses its arguments in live positions;
//! this repeats until no position is added (each round adds one or stops).

use super::util::is_removable;
use crate::ir::*;

/// Runs dead code elimination over the trace.
pub fn run(t: &mut Trace) {
    drop_dead_loop_slots(t);
    // Indexed by value number (every snapshot operand is a use: thousands per guard in wide
    // frames).
    let mut live = vec![false; t.types.len()];
    let ops = std::mem::take(&mut t.ops);
    let mut kept: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops.into_iter().rev() {
        if let Some(r) = op.result {
            if !live.get(r.0 as usize).copied().unwrap_or(false) && is_removable(t, &op) {
                continue;
            }
        }
        // (Internal iteration: it folds a snapshot slice by slice, where a `for` loop steps
        // the chained iterator one operand at a time.)
        let snapshot = op.snapshot.iter().flat_map(|s| s.uses());
        op.args.iter().chain(snapshot).filter_map(|o| o.as_value()).for_each(|v| {
            if let Some(l) = live.get_mut(v.0 as usize) {
                *l = true;
            }
        });
        kept.push(op);
    }
    kept.reverse();
    t.ops = kept;
}

/// Removes the label and jump positions whose loop-carried value nobody in the loop body uses
/// (see the module docs).
fn drop_dead_loop_slots(t: &mut Trace) {
    let Some(li) = t.label_index() else { return };
    if t.ops.last().is_none_or(|op| op.opcode != Opcode::Jump) {
        return;
    }
    let slots: Vec<Operand> = t.ops[li].args.clone();
    let mut live_slot = vec![false; slots.len()];
    loop {
        let used = body_uses(t, li, &live_slot);
        let mut changed = false;
        for (k, o) in slots.iter().enumerate() {
            if !live_slot[k] && o.as_value().is_some_and(|v| used.get(v.0 as usize).copied().unwrap_or(false)) {
                live_slot[k] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    if live_slot.iter().all(|&l| l) {
        return;
    }
    let n = t.ops.len();
    for at in [li, n - 1] {
        let mut k = 0;
        t.ops[at].args.retain(|_| {
            k += 1;
            live_slot[k - 1]
        });
    }
}

/// The values used by the loop body's operations that DCE would keep, when the jump only uses
/// its arguments in the positions marked in `live_slot`.
fn body_uses(t: &Trace, li: usize, live_slot: &[bool]) -> Vec<bool> {
    let mut used = vec![false; t.types.len()];
    let mark = |used: &mut Vec<bool>, v: Value| {
        if let Some(u) = used.get_mut(v.0 as usize) {
            *u = true;
        }
    };
    for op in t.ops[li + 1..].iter().rev() {
        if op.opcode == Opcode::Jump {
            let live_args = op.args.iter().zip(live_slot).filter(|(_, &l)| l).map(|(a, _)| a);
            for v in live_args.filter_map(|a| a.as_value()) {
                mark(&mut used, v);
            }
            continue;
        }
        if let Some(r) = op.result {
            if !used.get(r.0 as usize).copied().unwrap_or(false) && is_removable(t, op) {
                continue;
            }
        }
        let snapshot = op.snapshot.iter().flat_map(|s| s.uses());
        op.args.iter().chain(snapshot).filter_map(|o| o.as_value()).for_each(|v| mark(&mut used, v));
    }
    used
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn dce(input: &str, expected: &str) {
        check(run, input, expected);
    }

    #[test]
    fn drops_unused_pure_ops_transitively() {
        dce(
            "inputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_mul(i1, 2)\ni3 = int_sub(i0, 1)\njump(i3)\n",
            "inputs(i0)\ni1 = int_sub(i0, 1)\njump(i1)\n",
        );
    }

    #[test]
    fn snapshot_operands_are_uses() {
        dce(
            "inputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_lt(i0, 5)\nguard_true(i2) [k: i1]\njump(i0)\n",
            "inputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_lt(i0, 5)\nguard_true(i2) [k: i1]\njump(i0)\n",
        );
    }

    #[test]
    fn reads_and_readonly_calls_go_effects_and_ovf_stay() {
        dce(
            "descr f = field i64 +8\ndescr g = field ref +16\ndescr ro = call(i) -> i readonly\ndescr w = call(i) -> i write\n\
             inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = call_i(i1, descr=ro)\ni4 = call_i(i1, descr=w)\n\
             i5 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i1]\nsetfield(p0, p0, descr=g)\nfinish(i1)\n",
            "descr g = field ref +16\ndescr w = call(i) -> i write\ninputs(p0, i1)\ni2 = call_i(i1, descr=w)\n\
             i3 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i1]\nsetfield(p0, p0, descr=g)\nfinish(i1)\n",
        );
    }

    #[test]
    fn loop_slots_nobody_reads_are_dropped() {
        // i2 is only passed around (jump position 1 gets i5, computed for nobody but the
        // jump); i1 is read by the body; the constant slot holds nothing anyone can name.
        dce(
            "inputs(i0, i1)\ni2 = int_mul(i1, 3)\nlabel(i1, i2, 7)\ni3 = int_add(i1, 1)\nguard_true(i3) [k: i3]\n\
             i5 = int_add(i2, 1)\njump(i3, i5, 7)\n",
            "inputs(i0, i1)\nlabel(i1)\ni2 = int_add(i1, 1)\nguard_true(i2) [k: i2]\njump(i2)\n",
        );
    }

    #[test]
    fn a_slot_used_only_by_a_dead_slot_is_dead_too_and_snapshots_keep_slots() {
        dce(
            "inputs(i0, i1)\nlabel(i0, i1)\ni2 = int_add(i0, 1)\ni3 = int_add(i1, i0)\nguard_true(i2) [k: i2]\njump(i2, i3)\n",
            "inputs(i0, i1)\nlabel(i0)\ni2 = int_add(i0, 1)\nguard_true(i2) [k: i2]\njump(i2)\n",
        );
        let keep = "inputs(i0, i1)\nlabel(i0, i1)\ni2 = int_add(i0, 1)\nguard_true(i2) [k: i1]\ni3 = int_add(i1, 1)\njump(i2, i3)\n";
        dce(keep, keep);
    }

    #[test]
    fn label_and_loop_uses_keep_preamble_values() {
        dce(
            "inputs(i0, i1)\ni2 = int_mul(i1, i1)\ni3 = int_add(i0, 1)\ni4 = int_neg(i0)\nlabel(i3)\n\
             i5 = int_add(i3, i2)\ni6 = int_neg(i5)\nguard_true(i5) [k: i5]\njump(i5)\n",
            "inputs(i0, i1)\ni2 = int_mul(i1, i1)\ni3 = int_add(i0, 1)\nlabel(i3)\ni4 = int_add(i3, i2)\n\
             guard_true(i4) [k: i4]\njump(i4)\n",
        );
    }
}
