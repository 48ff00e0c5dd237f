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
//! The loop needs no fixpoint: a value defined in the loop body and used by the next
//! iteration reaches it through the `jump`'s arguments, which are uses; preamble values used
//! in the loop body are seen as used there before the walk reaches the preamble.

use super::util::is_removable;
use crate::ir::*;
use std::collections::HashSet;

/// Runs dead code elimination over the trace.
pub fn run(t: &mut Trace) {
    let mut live: HashSet<Value> = HashSet::new();
    let ops = std::mem::take(&mut t.ops);
    let mut kept: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops.into_iter().rev() {
        if let Some(r) = op.result {
            if !live.contains(&r) && is_removable(t, &op) {
                continue;
            }
        }
        let snapshot = op.snapshot.iter().flat_map(|s| s.uses());
        live.extend(op.args.iter().chain(snapshot).filter_map(|o| o.as_value()));
        kept.push(op);
    }
    kept.reverse();
    t.ops = kept;
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
    fn label_and_loop_uses_keep_preamble_values() {
        dce(
            "inputs(i0, i1)\ni2 = int_mul(i1, i1)\ni3 = int_add(i0, 1)\ni4 = int_neg(i0)\nlabel(i3)\n\
             i5 = int_add(i3, i2)\ni6 = int_neg(i5)\njump(i5)\n",
            "inputs(i0, i1)\ni2 = int_mul(i1, i1)\ni3 = int_add(i0, 1)\nlabel(i3)\ni4 = int_add(i3, i2)\njump(i4)\n",
        );
    }
}
