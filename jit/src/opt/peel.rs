//! Loop peeling: one copy of the loop body becomes a preamble, the other the loop.
//!
//! After Ardö, Bolz and Fijałkowski, "Loop-aware optimizations in PyPy's tracing JIT"
//! (DLS 2012). A recorded loop `inputs(I..) ; body ; jump(J..)` runs `body` over and over,
//! with `I := J` between iterations. Peeling rewrites it to
//!
//! ```text
//! inputs(I..)
//! body                  the preamble: the first iteration, unchanged
//! label(S..)            the loop-carried values (see below)
//! body'                 a copy of body, with fresh values, in terms of the label's values
//! jump(S'..)            the values of S for the next iteration
//! ```
//!
//! The trace still starts at `inputs(I..)`; its `jump` now goes back to the label. The label's
//! arguments are values of the preamble (what the first iteration hands to the second), and
//! the loop body uses those same names for the loop-carried values: the `jump` rebinds them.
//! That is the convention the verifier checks (label arguments are defined before the label,
//! and the `jump` matches the label) and that every pass respects (see `util.rs`).
//!
//! How body' is built. In the second and later iterations, input `I_k` holds what the previous
//! iteration passed as `J_k`. So body' is body with `I_k` renamed to `J_k` (the preamble's value,
//! i.e. the label's slot) and every value defined in body renamed to a fresh value; snapshots
//! are copied and renamed too. The label needs a slot for `J_k` unless `J_k` names the same
//! value in every iteration:
//! - `J_k` is a constant: every iteration gets that constant, so body' uses it directly;
//! - `J_k` is `I_k` itself (the loop passes the input through unchanged): the value is loop
//!   invariant, so body' uses the preamble's input `I_k`. More generally, a position needs no
//!   slot when the renamed value equals the value itself.
//!
//! Positions with the same `J` value share one slot (they stay equal in every iteration). The
//! final `jump` passes, for each slot `J_k`, the renamed `J_k`.
//!
//! Peeling by itself removes nothing; it gives the later passes two copies in which the loop's
//! copy refers to invariant values by the same names as the preamble. CSE then reuses the
//! preamble's pure and overflow-checked computations on invariant values, and guard elimination drops the loop's
//! guards that the preamble's guards on invariant values already proved: both are hoisted
//! out of the loop.
//!
//! Peeling itself only duplicates; carrying more than the loop-carried values across the
//! label is left to later passes, which add label arguments of their own: `virtualize`
//! explodes loop-carried virtual objects into their fields, `heap` carries known memory
//! contents. Traces that already have a label, or end with `finish` (bridges), are left
//! unchanged.
//!
//! The label's *state*: the recorded `jump` carries the header's frame as a snapshot (its
//! arguments, in the interpreter's order), which peeling moves to the label; it is then in
//! terms of the preamble's values, and every pass keeps it up to date as it does guards'
//! snapshots (allocation removal describes the objects the loop keeps unboxed as virtuals).
//! It is not a use in the loop body, and it is what an entry at the label is derived from.
//!
//! Short preamble (done, after the design this note used to sketch, in four pieces): a
//! bridge that ends at this loop's header no longer `finish`es into the loop's top, boxing
//! the loop's state for the preamble to unbox and running the first iteration's guards on
//! every pass. The pieces:
//! 1. the label's state, above;
//! 2. the loop body's entry conditions ([`super::short::derive`]): from the header's frame,
//!    the label's arguments and the other preamble values the body reads, rebuilt by binding
//!    the state's slots (a virtual slot by a class check and reads of its fields), repeating
//!    the preamble's pure operations and reads on bound values and its guards on them, and
//!    checking the ranges `bounds` assumed for the label's arguments; every check resumes at
//!    the header. A preamble with side effects, a value the body reads that cannot be
//!    rebuilt (a call's result, a label argument carried from the heap), or a guard whose
//!    fact about a rebuildable value would go unchecked leave the loop without one;
//! 3. a second entry of the compiled loop at its label (the backend's `Link::label_entry`),
//!    which reads those values from the frame buffer ([`super::short::entry_values`]);
//! 4. the driver appends the conditions to a trace that finishes at the header before
//!    optimizing it ([`super::short::append`], only when each virtual slot is an object the
//!    trace allocated and keeps to itself), so the bridge's optimizer removes what it can
//!    prove (the class check and reads of a box it allocated), and links its `finish` to the
//!    label. A trace whose conditions cannot be appended keeps finishing into the top.

use crate::ir::*;
use rustc_hash::FxHashMap as HashMap;

/// Peels one iteration off a loop trace (one that ends with `jump` and has no `label`).
pub fn run(t: &mut Trace) {
    let is_loop = t.ops.last().is_some_and(|o| o.opcode == Opcode::Jump) && t.label_index().is_none();
    if !is_loop || t.ops.last().is_some_and(|j| j.args.len() != t.inputs.len()) {
        return;
    }
    let jump = t.ops.pop().expect("a loop ends with jump");
    let body = t.ops.clone();
    let mut rename: HashMap<Value, Operand> = HashMap::default();
    for (&i, &j) in t.inputs.iter().zip(&jump.args) {
        rename.insert(i, j);
    }
    for op in &body {
        if let Some(r) = op.result {
            let ty = t.type_of(r);
            rename.insert(r, Operand::Value(t.new_value(ty)));
        }
    }
    let ren = |o: Operand| match o {
        Operand::Value(v) => rename.get(&v).copied().unwrap_or(o),
        c => c,
    };
    let mut slots: Vec<Value> = Vec::new();
    for &j in &jump.args {
        if let Operand::Value(v) = j {
            if ren(j) != j && !slots.contains(&v) {
                slots.push(v);
            }
        }
    }
    let mut memo = SlotsMemo::trusting();
    let mut loop_ops: Vec<Op> = body
        .iter()
        .map(|op| {
            let mut c = op.clone();
            for a in &mut c.args {
                *a = ren(*a);
            }
            if let Some(s) = &mut c.snapshot {
                s.rewrite_uses(&mut memo, |o| Some(ren(o)));
            }
            c.result = op.result.and_then(|r| ren(Operand::Value(r)).as_value());
            c
        })
        .collect();
    let mut label = Op::new(Opcode::Label, slots.iter().map(|&s| Operand::Value(s)).collect(), None);
    // The label's state: the header's frame as the first iteration leaves it (the recorded
    // jump's snapshot, already in terms of the preamble's values).
    label.snapshot = jump.snapshot;
    let new_jump = Op::new(Opcode::Jump, slots.iter().map(|&s| ren(Operand::Value(s))).collect(), None);
    t.ops.push(label);
    t.ops.append(&mut loop_ops);
    t.ops.push(new_jump);
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn peel(input: &str, expected: &str) {
        check(run, input, expected);
    }

    #[test]
    fn counting_loop_with_an_invariant_bound() {
        peel(
            "inputs(i0, i1)\ni2 = int_lt(i0, i1)\nguard_true(i2) [loop:3: i0, i1]\ni3 = int_add_ovf(i0, 1)\n\
             guard_no_overflow() [loop:5: i0, i1]\njump(i3, i1)\n",
            "inputs(i0, i1)\ni2 = int_lt(i0, i1)\nguard_true(i2) [loop:3: i0, i1]\ni3 = int_add_ovf(i0, 1)\n\
             guard_no_overflow() [loop:5: i0, i1]\nlabel(i3)\ni4 = int_lt(i3, i1)\nguard_true(i4) [loop:3: i3, i1]\n\
             i5 = int_add_ovf(i3, 1)\nguard_no_overflow() [loop:5: i3, i1]\njump(i5)\n",
        );
    }

    #[test]
    fn swapped_inputs_need_both_slots() {
        peel(
            "inputs(i0, i1)\ni2 = int_sub(i0, i1)\nguard_true(i2) [k: i0, i1]\njump(i1, i0)\n",
            "inputs(i0, i1)\ni2 = int_sub(i0, i1)\nguard_true(i2) [k: i0, i1]\nlabel(i1, i0)\n\
             i3 = int_sub(i1, i0)\nguard_true(i3) [k: i1, i0]\njump(i0, i1)\n",
        );
    }

    #[test]
    fn constants_and_repeated_values_need_no_extra_slots() {
        // Position 1 always gets 0; positions 0 and 2 always get the same value; position 3
        // passes the invariant input p3 through.
        peel(
            "inputs(i0, i1, i2, p3)\ni4 = int_add(i0, i1)\ni5 = int_add(i4, i2)\nguard_true(i5) [k: i0, i1, p3]\n\
             jump(i5, 0, i5, p3)\n",
            "inputs(i0, i1, i2, p3)\ni4 = int_add(i0, i1)\ni5 = int_add(i4, i2)\nguard_true(i5) [k: i0, i1, p3]\n\
             label(i5)\ni6 = int_add(i5, 0)\ni7 = int_add(i6, i5)\nguard_true(i7) [k: i5, 0, p3]\njump(i7)\n",
        );
    }

    #[test]
    fn the_label_carries_the_headers_frame() {
        // The recorded jump's snapshot (the header's frame) becomes the label's state, in
        // terms of the preamble's values; the loop's own jump has none.
        peel(
            "inputs(i0, i1)\ni2 = int_add(i0, i1)\nguard_true(i2) [k: i0, i1]\njump(i2, i1) [k: i2, i1]\n",
            "inputs(i0, i1)\ni2 = int_add(i0, i1)\nguard_true(i2) [k: i0, i1]\nlabel(i2) [k: i2, i1]\n\
             i3 = int_add(i2, i1)\nguard_true(i3) [k: i2, i1]\njump(i3)\n",
        );
    }

    #[test]
    fn bridges_and_peeled_loops_are_left_alone() {
        let bridge = "inputs(i0)\ni1 = int_add(i0, 1)\nfinish(i1)\n";
        peel(bridge, bridge);
        let peeled = "inputs(i0)\nlabel(i0)\ni1 = int_add(i0, 1)\njump(i1)\n";
        peel(peeled, peeled);
    }
}
