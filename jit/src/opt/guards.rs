//! Guard elimination: drops guards that provably pass and uses what passed guards prove.
//!
//! One forward walk that keeps facts learnt from the guards seen so far. A guard that has
//! passed is a fact for everything after it (the trace is a straight line, and an operation
//! after a guard only runs if the guard passed):
//! - `guard_true(c)` where `c` is a comparison: `c` is 1 from then on (substituted); where `c`
//!   is any other integer: `c` is known non-zero. `guard_false(c)`: `c` is 0 (substituted).
//! - `guard_value(x, C)`: `x` is `C` (substituted into later operations, snapshots and the
//!   final `jump`/`finish`), except for floats, where `-0.0 == 0.0` makes the value not
//!   exactly known.
//! - `guard_nonnull(p)`: `p` is not null; `guard_isnull(p)`: `p` is `NULL` (substituted).
//! - `guard_class(p, C)`: `p` has class `C` (and so is not null). Classes never change.
//!   `record_known_class(p, C)` states the same fact without a guard (the interpreter
//!   vouches for it); it is dropped once used, except on an input of a trace that ends in
//!   `finish` (a bridge's inherited fact), where it stays for the trace's own bridges to inherit.
//! - Any guard: the same guard on the same (rewritten) arguments passes again. For
//!   `guard_not_invalidated` this only holds until the next operation that may write memory.
//!
//! With those facts a guard is removed when it provably passes: on a constant that makes it
//! pass, or when the facts imply it. A guard that would always fail (`guard_true(0)`,
//! `guard_class` of a different known class, `guard_isnull` of a non-null value) is kept:
//! it is the trace's way out, and removing it would run the rest of the trace wrongly. The
//! facts also simplify `int_is_zero`/`int_is_true` of a known non-zero value and
//! `ptr_eq`/`ptr_ne` of a non-null value with `NULL`.
//!
//! A loop body that neither allocates nor calls out cannot make the heap ask for a
//! collection (only allocation does), so its `guard_safepoint` always passes and is removed
//! (the preamble's stays: the request may predate the loop). Likewise a trace that runs once
//! (a function entry, ending in `finish`) and neither allocates nor calls out: it returns
//! after a bounded straight line, and the request is served at the next safepoint.
//!
//! Guards are only removed, never moved or merged, so their order relative to effects is
//! unchanged. `guard_no_overflow`/`guard_overflow` are left alone (`fold.rs`, `bounds.rs` and
//! `cse.rs` remove them together with their operation). At the label, facts about the label's
//! arguments are forgotten: they are different values in the loop body (see `util.rs`).
//!
//! Not done here: guards implied by ranges (`bounds.rs`), by equal expressions (run `cse.rs`
//! first so equal comparisons are one value), or by heap contents.

use super::util::{is_boolean, Rewriter};
use crate::ir::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Facts learnt from guards that passed.
#[derive(Default)]
struct Facts {
    booleans: HashSet<Value>,
    nonzero: HashSet<Value>,
    nonnull: HashSet<Value>,
    class: HashMap<Value, Operand>,
    seen: HashSet<(Opcode, Vec<Operand>)>,
}

impl Facts {
    fn forget_rebound(&mut self, rw: &Rewriter) {
        self.booleans.retain(|&v| !rw.is_rebound(v));
        self.nonzero.retain(|&v| !rw.is_rebound(v));
        self.nonnull.retain(|&v| !rw.is_rebound(v));
        self.class.retain(|&v, _| !rw.is_rebound(v));
        self.seen.retain(|(_, args)| !args.iter().any(|&a| rw.is_rebound_operand(a)));
    }

    fn is_nonnull(&self, p: Operand) -> bool {
        match p {
            Operand::Ref(a) => a != 0,
            Operand::Value(v) => self.nonnull.contains(&v),
            _ => false,
        }
    }
}

/// What to do with a guard.
enum Verdict {
    /// It always passes: remove it.
    Passes,
    /// Keep it (it may fail, or it always fails).
    Keep,
}

/// Runs guard elimination over the trace.
pub fn run(t: &mut Trace) {
    let mut rw = Rewriter::new(t);
    let mut facts = Facts::default();
    let quiet = |ops: &[Op]| !ops.iter().any(|op| op.opcode.has(flags::ALLOC) || op.opcode.is_call());
    let quiet_loop = t.label_index().is_some_and(|li| quiet(&t.ops[li..]));
    // A trace that runs once (ends in `finish`: a function entry) and allocates nothing and
    // calls nothing needs no safepoint either. (Not a segment, which ends in
    // `guard_always_fails`: the rest of its loop, in bridges, may allocate.)
    let ends_in_finish = t.label_index().is_none() && t.ops.last().is_some_and(|op| op.opcode == Opcode::Finish);
    let quiet_once = ends_in_finish && quiet(&t.ops);
    // Inputs of a trace that runs once (a bridge, or a segment), whose recorded classes stay.
    let once = t.label_index().is_none() && t.ops.last().is_some_and(|op| op.opcode != Opcode::Jump);
    let inputs: rustc_hash::FxHashSet<Value> =
        if once { t.inputs.iter().copied().collect() } else { Default::default() };
    let ops = std::mem::take(&mut t.ops);
    let mut out = Vec::with_capacity(ops.len());
    for mut op in ops {
        if op.opcode == Opcode::Label {
            rw.enter_label();
            facts.forget_rebound(&rw);
        }
        rw.rewrite(&mut op);
        if op.opcode == Opcode::GuardSafepoint && ((quiet_loop && rw.past_label()) || quiet_once) {
            continue;
        }
        if op.opcode == Opcode::RecordKnownClass {
            // A fact without a guard: the interpreter vouches for it. The op has done its job,
            // except on an input of a trace that ends in `finish` (a bridge's inherited fact), where
            // it stays for the bridges of this trace to inherit in turn (it emits no code; see
            // `inherit.rs`).
            if let [Operand::Value(p), class] = op.args[..] {
                facts.class.entry(p).or_insert(class);
                facts.nonnull.insert(p);
                if inputs.contains(&p) {
                    out.push(op);
                }
            }
            continue;
        }
        if op.opcode.is_guard() {
            if let Verdict::Passes = guard(t, &mut rw, &mut facts, &op) {
                continue;
            }
        } else if let Some(r) = op.result {
            if let Some(with) = simplify(&facts, &op) {
                if rw.replace(r, with) {
                    continue;
                }
            }
            if is_boolean(op.opcode) {
                facts.booleans.insert(r);
            }
        }
        if op.opcode.has(flags::EFFECT) || (op.opcode.is_call() && t.call_descr(&op).is_none_or(|c| c.effect.writes()))
        {
            facts.seen.retain(|(opc, _)| *opc != Opcode::GuardNotInvalidated);
        }
        out.push(op);
    }
    t.ops = out;
}

/// Decides about one guard and records what it proves for later operations.
fn guard(t: &Trace, rw: &mut Rewriter, facts: &mut Facts, op: &Op) -> Verdict {
    use Operand::*;
    use Verdict::*;
    let key = (op.opcode, op.args.clone());
    // Overflow guards belong to their operation; safepoints must stay in every iteration.
    // Exception checks belong to their call, too, and a segment's end is its only way out.
    if matches!(
        op.opcode,
        Opcode::GuardNoOverflow
            | Opcode::GuardOverflow
            | Opcode::GuardSafepoint
            | Opcode::GuardNotForced
            | Opcode::GuardAlwaysFails
    ) {
        return Keep;
    }
    if facts.seen.contains(&key) {
        return Passes;
    }
    let verdict = match (op.opcode, op.args.as_slice()) {
        (Opcode::GuardTrue, &[Int(c)]) => const_verdict(c != 0),
        (Opcode::GuardFalse, &[Int(c)]) => const_verdict(c == 0),
        (Opcode::GuardTrue, &[Value(x)]) => {
            if facts.nonzero.contains(&x) {
                return Passes;
            }
            if facts.booleans.contains(&x) {
                rw.replace(x, Int(1));
            } else {
                facts.nonzero.insert(x);
            }
            Keep
        }
        (Opcode::GuardFalse, &[Value(x)]) => {
            if !facts.nonzero.contains(&x) {
                rw.replace(x, Int(0));
            }
            Keep
        }
        (Opcode::GuardValue, &[a, b]) if a == b => Passes,
        (Opcode::GuardValue, &[a, b]) if a.is_const() && b.is_const() => Keep, // always fails
        (Opcode::GuardValue, &[a, b]) => {
            let (x, c) = if b.is_const() { (a, b) } else { (b, a) };
            let contradicts = c == Ref(0) && facts.is_nonnull(x);
            if let (Value(x), false) = (x, contradicts) {
                if c.is_const() && t.type_of(x) != Type::Float {
                    rw.replace(x, c);
                }
            }
            Keep
        }
        (Opcode::GuardNonNull, &[p]) => {
            if facts.is_nonnull(p) {
                return Passes;
            }
            if let Value(v) = p {
                facts.nonnull.insert(v);
            }
            Keep
        }
        (Opcode::GuardIsNull, &[Ref(a)]) => const_verdict(a == 0),
        (Opcode::GuardIsNull, &[p]) => {
            if let (Value(v), false) = (p, facts.is_nonnull(p)) {
                rw.replace(v, Ref(0));
            }
            Keep
        }
        (Opcode::GuardClass, &[Value(p), c]) => match facts.class.get(&p) {
            Some(&known) if known == c => Passes,
            Some(_) => Keep, // a different class: always fails
            None => {
                facts.class.insert(p, c);
                facts.nonnull.insert(p);
                Keep
            }
        },
        _ => Keep,
    };
    if let Keep = verdict {
        facts.seen.insert(key);
    }
    verdict
}

fn const_verdict(passes: bool) -> Verdict {
    if passes {
        Verdict::Passes
    } else {
        Verdict::Keep
    }
}

/// Simplifies an operation using the facts: `Some(operand)` is what its result equals.
fn simplify(facts: &Facts, op: &Op) -> Option<Operand> {
    let nonzero = |o: &Operand| o.as_value().is_some_and(|v| facts.nonzero.contains(&v));
    match (op.opcode, op.args.as_slice()) {
        (Opcode::IntIsZero, [x]) if nonzero(x) => Some(Operand::Int(0)),
        (Opcode::IntIsTrue, [x]) if nonzero(x) => Some(Operand::Int(1)),
        (Opcode::PtrEq | Opcode::PtrNe, [a, b]) => {
            let known =
                (*b == Operand::Ref(0) && facts.is_nonnull(*a)) || (*a == Operand::Ref(0) && facts.is_nonnull(*b));
            known.then_some(Operand::Int((op.opcode == Opcode::PtrNe) as i64))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn guards(input: &str, expected: &str) {
        check(run, input, expected);
    }

    #[test]
    fn a_loop_that_cannot_allocate_needs_no_safepoint() {
        // The preamble's safepoint stays; the loop body's goes, unless the body allocates or
        // calls out.
        let quiet = "inputs(i0)\nguard_safepoint(ConstPtr(0)) [k: i0]\ni1 = int_add(i0, 1)\nlabel(i1)\n\
                     guard_safepoint(ConstPtr(0)) [k: i1]\ni2 = int_add(i1, 1)\njump(i2)\n";
        guards(
            quiet,
            "inputs(i0)\nguard_safepoint(ConstPtr(0)) [k: i0]\ni1 = int_add(i0, 1)\nlabel(i1)\ni2 = int_add(i1, 1)\n\
             jump(i2)\n",
        );
        let allocating = "descr S = size 24\ninputs(i0)\nguard_safepoint(ConstPtr(0)) [k: i0]\nlabel(i0)\n\
                          guard_safepoint(ConstPtr(0)) [k: i0]\np1 = new(descr=S)\ni2 = int_add(i0, 1)\njump(i2)\n";
        guards(allocating, allocating);
        let calling = "descr w = call(i) -> none write\ninputs(i0)\nlabel(i0)\nguard_safepoint(ConstPtr(0)) [k: i0]\n\
                       call_n(i0, descr=w)\ni2 = int_add(i0, 1)\njump(i2)\n";
        guards(calling, calling);
    }

    #[test]
    fn a_function_entry_that_cannot_allocate_needs_no_safepoint() {
        guards(
            "inputs(i0)\nguard_safepoint(ConstPtr(0)) [f: i0]\ni1 = int_add(i0, 1)\nfinish(i1)\n",
            "inputs(i0)\ni1 = int_add(i0, 1)\nfinish(i1)\n",
        );
        let allocating =
            "descr S = size 24\ninputs(i0)\nguard_safepoint(ConstPtr(0)) [f: i0]\np1 = new(descr=S)\nfinish(p1)\n";
        guards(allocating, allocating);
    }

    #[test]
    fn constant_conditions() {
        guards(
            "inputs(i0)\nguard_true(1) [k: i0]\nguard_false(0) [k: i0]\nguard_true(0) [k: i0]\nguard_false(7) [k: i0]\njump(i0)\n",
            "inputs(i0)\nguard_true(0) [k: i0]\nguard_false(7) [k: i0]\njump(i0)\n",
        );
    }

    #[test]
    fn guard_true_on_a_comparison_makes_it_one() {
        guards(
            "inputs(i0)\ni1 = int_lt(i0, 10)\nguard_true(i1) [k: i0]\ni2 = int_add(i1, i0)\nguard_true(i1) [k: i0, i1]\n\
             guard_false(i1) [k: i0]\njump(i2)\n",
            "inputs(i0)\ni1 = int_lt(i0, 10)\nguard_true(i1) [k: i0]\ni2 = int_add(1, i0)\nguard_false(1) [k: i0]\njump(i2)\n",
        );
    }

    #[test]
    fn guard_true_on_any_integer_only_makes_it_nonzero() {
        guards(
            "inputs(i0)\nguard_true(i0) [k: i0]\ni1 = int_is_zero(i0)\nguard_true(i0) [k: i0]\nguard_false(i0) [k: i0]\njump(i1)\n",
            "inputs(i0)\nguard_true(i0) [k: i0]\nguard_false(i0) [k: i0]\njump(0)\n",
        );
    }

    #[test]
    fn guard_false_makes_it_zero() {
        guards(
            "inputs(i0, i1)\nguard_false(i0) [k: i0]\ni2 = int_add(i0, i1)\nguard_false(i0) [k: i0, i2]\njump(i0, i2)\n",
            "inputs(i0, i1)\nguard_false(i0) [k: i0]\ni2 = int_add(0, i1)\njump(0, i2)\n",
        );
    }

    #[test]
    fn guard_value_substitutes_after_the_guard() {
        guards(
            "inputs(i0, p1)\ni2 = int_add(i0, 1)\nguard_value(i0, 5) [k: i0, p1]\ni3 = int_add(i0, 1)\n\
             guard_value(i0, 5) [k: i0]\nguard_value(p1, ConstPtr(0)) [k: i0, p1]\nguard_nonnull(p1) [k: p1]\njump(i3, p1)\n",
            "inputs(i0, p1)\ni2 = int_add(i0, 1)\nguard_value(i0, 5) [k: i0, p1]\ni3 = int_add(5, 1)\n\
             guard_value(p1, ConstPtr(0)) [k: 5, p1]\njump(i3, ConstPtr(0))\n",
        );
    }

    #[test]
    fn guard_value_that_always_fails_stays() {
        guards(
            "inputs(i0)\nguard_value(i0, 5) [k: i0]\nguard_value(i0, 6) [k: i0]\njump(i0)\n",
            "inputs(i0)\nguard_value(i0, 5) [k: i0]\nguard_value(5, 6) [k: 5]\njump(5)\n",
        );
    }

    #[test]
    fn float_guard_value_is_not_substituted_but_deduplicated() {
        guards(
            "inputs(f0)\nguard_value(f0, 0.0) [k: f0]\nguard_value(f0, 0.0) [k: f0]\njump(f0)\n",
            "inputs(f0)\nguard_value(f0, 0.0) [k: f0]\njump(f0)\n",
        );
    }

    #[test]
    fn nonnull_and_isnull() {
        guards(
            "inputs(p0, p1)\nguard_nonnull(p0) [k: p0]\nguard_nonnull(p0) [k: p0]\ni2 = ptr_eq(p0, NULL)\n\
             guard_nonnull(ConstPtr(3)) [k: p0]\nguard_isnull(p0) [k: p0]\nguard_isnull(p1) [k: p1]\n\
             guard_isnull(p1) [k: p1]\nguard_nonnull(NULL) [k: p0]\nfinish(i2, p1)\n",
            "inputs(p0, p1)\nguard_nonnull(p0) [k: p0]\nguard_isnull(p0) [k: p0]\nguard_isnull(p1) [k: p1]\n\
             guard_nonnull(NULL) [k: p0]\nfinish(0, NULL)\n",
        );
    }

    #[test]
    fn record_known_class_is_a_fact_without_a_guard() {
        guards(
            "descr f = field i64 +8\ndescr g = field ref +16\n\
             inputs(p0)\nrecord_known_class(p0, ConstPtr(0))\nguard_nonnull(p0) [k: p0]\n\
             guard_class(p0, ConstPtr(0)) [k: p0]\ni1 = getfield_i(p0, descr=f)\n\
             p2 = getfield_r(p0, descr=g)\nrecord_known_class(p2, ConstPtr(0))\n\
             guard_class(p2, ConstPtr(0)) [k: p0]\nfinish(i1, p2)\n",
            // (Kept on an input, for the bridges of this trace to inherit.)
            "descr f = field i64 +8\ndescr g = field ref +16\n\
             inputs(p0)\nrecord_known_class(p0, ConstPtr(0))\ni1 = getfield_i(p0, descr=f)\n\
             p2 = getfield_r(p0, descr=g)\nfinish(i1, p2)\n",
        );
        // In a loop it is dropped even on an input.
        guards(
            "inputs(p0)\nrecord_known_class(p0, ConstPtr(0))\nguard_nonnull(p0) [k: p0]\n\
             guard_class(p0, ConstPtr(0)) [k: p0]\njump(p0)\n",
            "inputs(p0)\njump(p0)\n",
        );
    }

    #[test]
    fn known_class() {
        guards(
            "inputs(p0)\nguard_class(p0, ConstPtr(0)) [k: p0]\nguard_nonnull(p0) [k: p0]\n\
             guard_class(p0, ConstPtr(0)) [k: p0]\nguard_class(p0, ConstPtr(1)) [k: p0]\njump(p0)\n",
            "inputs(p0)\nguard_class(p0, ConstPtr(0)) [k: p0]\nguard_class(p0, ConstPtr(1)) [k: p0]\njump(p0)\n",
        );
    }

    #[test]
    fn not_invalidated_is_repeated_after_a_write() {
        guards(
            "descr f = field ref +8\ninputs(p0, i1)\nguard_not_invalidated(ConstPtr(0)) [k: p0]\n\
             guard_not_invalidated(ConstPtr(0)) [k: p0]\nsetfield(p0, p0, descr=f)\n\
             guard_not_invalidated(ConstPtr(0)) [k: p0]\njump(p0, i1)\n",
            "descr f = field ref +8\ninputs(p0, i1)\nguard_not_invalidated(ConstPtr(0)) [k: p0]\n\
             setfield(p0, p0, descr=f)\nguard_not_invalidated(ConstPtr(0)) [k: p0]\njump(p0, i1)\n",
        );
    }

    #[test]
    fn facts_about_label_arguments_end_at_the_label() {
        // i0 is invariant (not a label argument): its class stays known in the loop.
        // i1 is the loop-carried value: its known value does not cross the label.
        guards(
            "inputs(p0, i1)\nguard_class(p0, ConstPtr(0)) [k: p0]\nguard_value(i1, 3) [k: i1]\n\
             i2 = int_add(i1, 1)\nlabel(i1)\nguard_class(p0, ConstPtr(0)) [k: p0]\nguard_value(i1, 3) [k: i1]\n\
             i3 = int_add(i1, 1)\njump(i3)\n",
            "inputs(p0, i1)\nguard_class(p0, ConstPtr(0)) [k: p0]\nguard_value(i1, 3) [k: i1]\n\
             i2 = int_add(3, 1)\nlabel(i1)\nguard_value(i1, 3) [k: i1]\ni3 = int_add(3, 1)\njump(i3)\n",
        );
    }
}
