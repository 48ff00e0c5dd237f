//! Common subexpression elimination of pure operations, elidable calls and overflow-checked
//! operations (with their guards).
//!
//! One forward walk with a table from an operation's *key* — opcode, (rewritten) arguments
//! and descriptor — to the first value that computed it. When a later operation has the same
//! key, its result is replaced by that value everywhere after it (arguments, snapshots,
//! `jump`/`finish`) and the operation is deleted. Keys are normalized so that equal
//! computations written differently meet: the arguments of commutative operations are put in
//! a fixed order, and `gt`/`ge` are written as `lt`/`le` with swapped arguments (also for
//! floats: `a > b` and `b < a` agree on NaN).
//!
//! What is eligible: operations flagged PURE, calls whose descriptor's effect is
//! `Effect::Elidable` (the same descriptor and arguments give the same result), and
//! overflow-checked operations followed by `guard_no_overflow`: the earlier one's guard
//! passed on the same arguments, so the later one does not overflow either, and it goes with
//! its guard (`n - 1` of a loop-invariant `n`, checked in the preamble, is not computed and
//! checked again on every iteration). Never guards, never memory reads or operations with
//! effects: the heap can change between two reads, and caching reads is a separate pass's job
//! (which is why the pipeline runs this pass again after it: the loop body's reads of the
//! preamble's immutable fields become the preamble's values there, and the work on them the
//! preamble's work).
//!
//! Because it is a straight line, an earlier operation dominates every later one, so reusing
//! its value is always valid — including across the label, where the preamble's values are
//! available to the loop body (this is what hoists loop-invariant work after peeling). The
//! exception is the label's arguments, which name new values after the label: table entries
//! that mention them, as an argument or as the result, are dropped there (see `util.rs`).

use super::util::{is_elidable_call, Rewriter};
use crate::ir::*;
use rustc_hash::FxHashMap as HashMap;

/// What makes two operations compute the same value.
type Key = (Opcode, Vec<Operand>, Option<DescrId>);

/// A total order on operands, to sort the arguments of commutative operations.
fn rank(o: &Operand) -> (u8, u64) {
    match *o {
        Operand::Value(v) => (0, v.0 as u64),
        Operand::Int(i) => (1, i as u64),
        Operand::Float(b) => (2, b),
        Operand::Ref(a) => (3, a),
        Operand::Virtual(k) => (4, k as u64),
    }
}

/// The normalized key of an eligible operation.
fn key(op: &Op) -> Key {
    use Opcode::*;
    let mut args = op.args.clone();
    let (opcode, swapped) = match op.opcode {
        IntGt => (IntLt, true),
        IntGe => (IntLe, true),
        FloatGt => (FloatLt, true),
        FloatGe => (FloatLe, true),
        // (The unsigned forms are the same values where they are defined: a `%` the range
        // analysis made unsigned in the body is still the preamble's `%`.)
        UintMod => (IntMod, false),
        UintFloorDiv => (IntFloorDiv, false),
        o => (o, false),
    };
    let unordered = op.opcode.is_commutative() && args.len() == 2 && rank(&args[1]) < rank(&args[0]);
    if swapped || unordered {
        args.swap(0, 1);
    }
    (opcode, args, op.descr)
}

/// Runs common subexpression elimination over the trace.
pub fn run(t: &mut Trace) {
    let mut rw = Rewriter::new(t);
    let mut table: HashMap<Key, Value> = HashMap::default();
    let ops = std::mem::take(&mut t.ops);
    let mut out = Vec::with_capacity(ops.len());
    let mut ops = ops.into_iter().peekable();
    while let Some(mut op) = ops.next() {
        if op.opcode == Opcode::Label {
            rw.enter_label();
            table.retain(|(_, args, _), v| !rw.is_rebound(*v) && !args.iter().any(|&a| rw.is_rebound_operand(a)));
        }
        rw.rewrite(&mut op);
        if let Some(r) = op.result {
            let checked = op.opcode.is_ovf() && ops.peek().is_some_and(|g| g.opcode == Opcode::GuardNoOverflow);
            if op.opcode.is_pure() || checked || is_elidable_call(t, &op) {
                let k = key(&op);
                match table.get(&k) {
                    Some(&prev) => {
                        if rw.replace(r, Operand::Value(prev)) {
                            if checked {
                                ops.next();
                            }
                            continue;
                        }
                    }
                    None => {
                        table.insert(k, r);
                    }
                }
            }
        }
        out.push(op);
    }
    t.ops = out;
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn cse(input: &str, expected: &str) {
        check(run, input, expected);
    }

    #[test]
    fn same_operation_twice() {
        cse(
            "inputs(i0, i1)\ni2 = int_add(i0, i1)\ni3 = int_add(i0, i1)\ni4 = int_mul(i2, i3)\nguard_true(i4) [k: i3]\njump(i3, i4)\n",
            "inputs(i0, i1)\ni2 = int_add(i0, i1)\ni3 = int_mul(i2, i2)\nguard_true(i3) [k: i2]\njump(i2, i3)\n",
        );
    }

    #[test]
    fn an_unsigned_division_is_the_signed_one() {
        // (Where the unsigned form is defined, its dividend is not negative: the same value.)
        cse(
            "inputs(i0)\ni1 = int_mod(i0, 7)\ni2 = uint_mod(i0, 7)\ni3 = uint_floordiv(i0, 7)\n\
             i4 = int_floordiv(i0, 7)\nfinish(i1, i2, i3, i4)\n",
            "inputs(i0)\ni1 = int_mod(i0, 7)\ni2 = uint_floordiv(i0, 7)\nfinish(i1, i1, i2, i2)\n",
        );
    }

    #[test]
    fn commutative_and_swapped_comparisons() {
        cse(
            "inputs(i0, i1)\ni2 = int_add(i0, i1)\ni3 = int_add(i1, i0)\ni4 = int_lt(i0, i1)\ni5 = int_gt(i1, i0)\n\
             i6 = int_sub(i0, i1)\ni7 = int_sub(i1, i0)\nfinish(i2, i3, i4, i5, i6, i7)\n",
            "inputs(i0, i1)\ni2 = int_add(i0, i1)\ni3 = int_lt(i0, i1)\ni4 = int_sub(i0, i1)\ni5 = int_sub(i1, i0)\n\
             finish(i2, i2, i3, i3, i4, i5)\n",
        );
    }

    #[test]
    fn chains_collapse() {
        // Once i3 is i2, i5 = f(i3) is f(i2) = i4.
        cse(
            "inputs(i0)\ni2 = int_neg(i0)\ni3 = int_neg(i0)\ni4 = int_mul(i2, 3)\ni5 = int_mul(i3, 3)\nfinish(i4, i5)\n",
            "inputs(i0)\ni1 = int_neg(i0)\ni2 = int_mul(i1, 3)\nfinish(i2, i2)\n",
        );
    }

    #[test]
    fn elidable_calls_only() {
        cse(
            "descr h = call(i) -> i elidable\ndescr r = call(i) -> i readonly\ninputs(i0)\n\
             i1 = call_i(i0, descr=h)\ni2 = call_i(i0, descr=h)\ni3 = call_i(i0, descr=r)\ni4 = call_i(i0, descr=r)\n\
             finish(i1, i2, i3, i4)\n",
            "descr h = call(i) -> i elidable\ndescr r = call(i) -> i readonly\ninputs(i0)\n\
             i1 = call_i(i0, descr=h)\ni2 = call_i(i0, descr=r)\ni3 = call_i(i0, descr=r)\nfinish(i1, i1, i2, i3)\n",
        );
    }

    #[test]
    fn never_reads_or_guards() {
        let src =
            "descr f = field i64 +8\ninputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=f)\n\
                   guard_true(i1) [k: i1]\nguard_true(i1) [k: i1]\nfinish(i2, i3)\n";
        cse(src, src);
    }

    #[test]
    fn a_checked_operation_repeated_goes_with_its_guard() {
        // The second `i1 + 1` cannot overflow where the first did not: it and its check go.
        // An operation that overflowed on the recorded path (`guard_overflow`) is left alone.
        cse(
            "inputs(i0, i1)\ni2 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i1]\ni3 = int_add_ovf(1, i1)\n\
             guard_no_overflow() [k: i2]\ni4 = int_mul_ovf(i0, i0)\nguard_overflow() [k: i0]\ni5 = int_mul_ovf(i0, i0)\n\
             guard_overflow() [k: i0]\nfinish(i2, i3)\n",
            "inputs(i0, i1)\ni2 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i1]\ni4 = int_mul_ovf(i0, i0)\n\
             guard_overflow() [k: i0]\ni5 = int_mul_ovf(i0, i0)\nguard_overflow() [k: i0]\nfinish(i2, i2)\n",
        );
    }

    #[test]
    fn a_checked_label_argument_is_not_the_loops_value() {
        // i2 is a label argument: after the label it names the loop-carried value, so the
        // body's `i1 + 1` is computed and checked again.
        let src = "inputs(i0, i1)\ni2 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i1]\nlabel(i2)\n\
                   i3 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i2]\ni4 = int_add(i2, i3)\njump(i4)\n";
        cse(src, src);
    }

    #[test]
    fn invariant_checked_work_in_the_loop_reuses_the_preamble() {
        // `i1 - 1` of the invariant i1 was checked in the preamble: the loop body neither
        // computes nor checks it again. `i0 + i2` is new each iteration and stays checked.
        cse(
            "inputs(i0, i1)\ni2 = int_sub_ovf(i1, 1)\nguard_no_overflow() [k: i0, i1]\ni3 = int_add_ovf(i0, i2)\n\
             guard_no_overflow() [k: i0, i1]\nlabel(i3)\ni4 = int_sub_ovf(i1, 1)\nguard_no_overflow() [k: i3, i1]\n\
             i5 = int_add_ovf(i3, i4)\nguard_no_overflow() [k: i3, i1]\njump(i5)\n",
            "inputs(i0, i1)\ni2 = int_sub_ovf(i1, 1)\nguard_no_overflow() [k: i0, i1]\ni3 = int_add_ovf(i0, i2)\n\
             guard_no_overflow() [k: i0, i1]\nlabel(i3)\ni5 = int_add_ovf(i3, i2)\nguard_no_overflow() [k: i3, i1]\n\
             jump(i5)\n",
        );
    }

    #[test]
    fn invariant_work_in_the_loop_reuses_the_preamble() {
        // i1 is invariant: int_mul(i1, i1) in the loop is the preamble's. i0 is the label's
        // argument: int_add(i0, 1) in the loop is a new value each iteration.
        cse(
            "inputs(i0, i1)\ni2 = int_mul(i1, i1)\ni3 = int_add(i0, i2)\nlabel(i3)\ni4 = int_mul(i1, i1)\n\
             i5 = int_add(i0, i4)\ni6 = int_add(i3, i4)\njump(i6)\n",
            "inputs(i0, i1)\ni2 = int_mul(i1, i1)\ni3 = int_add(i0, i2)\nlabel(i3)\ni4 = int_add(i0, i2)\n\
             i5 = int_add(i3, i2)\njump(i5)\n",
        );
    }

    #[test]
    fn label_argument_results_are_not_reused_after_the_label() {
        // i2 is a label argument: in the preamble i3 is i2, but i2 keeps its definition and
        // the loop's int_add(i0, 1) is not i2 (which is the loop-carried value there).
        cse(
            "inputs(i0)\ni2 = int_add(i0, 1)\ni3 = int_add(i0, 1)\ni4 = int_mul(i3, 2)\nlabel(i2)\ni5 = int_add(i0, 1)\n\
             i6 = int_add(i2, i5)\njump(i6)\n",
            "inputs(i0)\ni2 = int_add(i0, 1)\ni3 = int_add(i0, 1)\ni4 = int_mul(i2, 2)\nlabel(i2)\ni5 = int_add(i0, 1)\n\
             i6 = int_add(i2, i5)\njump(i6)\n",
        );
    }
}
