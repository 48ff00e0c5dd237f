//! The trace optimizer: a pipeline of small passes, one per file, each tested in text form.
//!
//! A trace is a straight line of SSA operations, so every pass is a single walk over it
//! (forwards, except dead code elimination), keeping facts learnt from the operations seen so
//! far and rewriting the ones that follow. The passes:
//!
//! | pass | file | what it does |
//! |------|------|--------------|
//! | peel | [`peel`] | splits a loop into a preamble (the first iteration) and the loop proper, joined by a `label` (which carries the header's frame, its state) |
//! | fold | [`fold`] | constant folding and algebraic rules (`x + 0`, `x - x`, ...) |
//! | guards | [`guards`] | drops guards that provably pass (known constants, values, classes, repeated guards) |
//! | virtualize | [`virtualize`] | allocation removal: objects that do not escape are never allocated (their fields live in registers, guards describe them as virtuals, loop-carried boxes travel as their fields) |
//! | bounds | [`bounds`] | integer ranges: removes provable overflow checks and decided comparisons; simplifies `%` and `//` by constants |
//! | floats | [`floats`] | float lower bounds: decides comparisons such as `1.0 + x * x == 0.0` |
//! | cse | [`cse`] | reuses earlier identical pure computations, elidable calls and overflow-checked operations (dropping the repeated check) |
//! | heap | [`heap`] | heap caching: removes reads of memory whose contents are known (earlier reads, forwarded writes) and writes of what is already there |
//! | sink | [`sink`] | store sinking: the loop body's writes of loop-invariant locations move to the guards that leave the loop |
//! | dse | [`dse`] | dead store elimination: drops a write overwritten before anything can observe it |
//! | bits | [`bits`] | demanded bits: drops masks (`x & 255`) whose cleared bits no use observes, e.g. a loop's wrapping byte cells |
//! | dce | [`dce`] | removes side-effect-free operations whose results are unused |
//!
//! [`optimize`] runs, for a loop (a trace ending in `jump` without a `label`):
//! `fold, guards, cse, peel, fold, guards, virtualize, bounds, floats, cse, heap, cse, sink, dse,
//! fold, guards, bounds, bits, dce`; for a bridge or entry trace (ending in `finish`), or a loop that already has a label,
//! the same from the second `fold` on (no `peel`, and nothing before it). The order matters: the
//! passes before peeling simplify the recorded iteration so that peeling sees which loop
//! positions are really invariant (a pointer that moves `+1, +1, -2` is passed back
//! unchanged once `fold` has combined the steps, and then needs no label slot); folding first
//! gives the other passes constants to work with; guard elimination turns passed guards into
//! substitutions (`guard_value`) that enable more folding; allocation removal then runs on
//! folded indices and lengths, while the loop body still names preamble values only through
//! the label (before CSE), and hands unboxed integers to the later passes; ranges then remove
//! overflow checks; CSE merges the loop body's copies of invariant work into the preamble's (which is what
//! makes peeling hoist invariants); heap caching runs on CSE's merged values (equal indices
//! are then one value), and CSE runs again on heap caching's (the loop body's reads of the
//! preamble's fields become the preamble's values, and the work on them, overflow checks
//! included, the preamble's work); the second round of folding and guard elimination cleans up what
//! CSE and heap caching exposed (a loop guard on the same comparison value as a preamble
//! guard, a forwarded value). Demanded bits runs after the last range analysis, because the
//! masks it drops are what told `bounds` a value was small. DCE runs last and drops everything the other passes made unused,
//! including the loop's now-unused copies.
//!
//! Every pass keeps the invariants [`crate::verify()`] checks; in debug builds [`optimize`]
//! verifies after every pass and panics naming the pass that broke the trace. Every pass also
//! respects the rules that make optimizing a trace sound: a guard is only removed when it
//! provably always passes (one that always fails is kept); guards are never moved, and
//! operations that read or write memory or call out are never reordered; snapshot operands
//! are uses like any other; an overflow-checked operation and its guard are removed or
//! downgraded together; and at the `label` the loop-carried values are new values, so no
//! pass carries facts about them from the preamble into the loop body (see [`util`]).
//!
//! Outside the pipeline, [`short`] derives a peeled loop's entry conditions at its label (its
//! short preamble), which the driver appends to bridges that finish at the loop's header
//! before optimizing them (see [`peel`]), and [`inherit`] states what a bridge may assume of its
//! parent's exit words (classes, ranges, the failed guard's condition) at its start, and
//! [`ifconv`] merges a loop's recording with the recording of a bridge from one of its guards
//! back to its header into one loop that runs both ways and selects (`int_select`, ...) what
//! the next iteration gets, which the driver then optimizes like any loop (if-conversion).
//! Not here yet: escape analysis for arrays of unknown length.

pub mod bits;
pub mod bounds;
pub mod cse;
pub mod dce;
pub mod dse;
pub mod floats;
pub mod fold;
#[cfg(test)]
mod fuzz;
pub mod guards;
pub mod heap;
pub mod ifconv;
pub mod inherit;
pub mod peel;
pub mod short;
pub mod sink;
pub mod util;
pub mod virtualize;

use crate::ir::*;

/// A pass: rewrites a trace in place.
pub type Pass = fn(&mut Trace);

/// The passes run on an unpeeled loop before peeling it, so that a loop-carried value that
/// simplifies to the input itself (a pointer that moves `+1, +1, -2`) is seen as invariant.
const BEFORE_PEEL: &[(&str, Pass)] = &[("fold", fold::run), ("guards", guards::run), ("cse", cse::run)];

/// The passes after peeling, in order, with their names.
const PIPELINE: &[(&str, Pass)] = &[
    ("fold", fold::run),
    ("guards", guards::run),
    ("virtualize", virtualize::run),
    ("bounds", bounds::run),
    ("floats", floats::run),
    ("cse", cse::run),
    ("heap", heap::run),
    ("cse", cse::run),
    ("sink", sink::run),
    ("dse", dse::run),
    ("fold", fold::run),
    ("guards", guards::run),
    ("bounds", bounds::run),
    ("bits", bits::run),
    ("dce", dce::run),
];

/// Runs one pass; in debug builds verifies the result and panics naming the pass if broken.
fn run_pass(t: &mut Trace, name: &str, pass: Pass) {
    pass(t);
    if cfg!(debug_assertions) {
        if let Err(e) = crate::verify::verify(t) {
            panic!("optimizer pass `{name}` produced an invalid trace: {e}\n{}", crate::text::print(t));
        }
    }
}

fn check_input(t: &Trace) {
    if cfg!(debug_assertions) {
        if let Err(e) = crate::verify::verify(t) {
            panic!("optimizer input is not a valid trace: {e}\n{}", crate::text::print(t));
        }
    }
}

/// Whether the trace is an unpeeled loop: it ends with `jump` and has no `label`.
pub fn is_unpeeled_loop(t: &Trace) -> bool {
    t.ops.last().is_some_and(|o| o.opcode == Opcode::Jump) && t.label_index().is_none()
}

/// Optimizes a trace with the whole pipeline: loops (ending in `jump`, without a `label`) are
/// peeled first; bridges (ending in `finish`) are not.
pub fn optimize(t: &Trace) -> Trace {
    optimize_owned(t.clone())
}

/// As [`optimize`], on a trace the caller gives up: no copy is made (on a wide frame, a copy
/// of every guard's snapshot is most of the memory a compile takes).
pub fn optimize_owned(mut t: Trace) -> Trace {
    check_input(&t);
    if is_unpeeled_loop(&t) {
        for &(name, pass) in BEFORE_PEEL {
            run_pass(&mut t, name, pass);
        }
        run_pass(&mut t, "peel", peel::run);
    }
    for &(name, pass) in PIPELINE {
        run_pass(&mut t, name, pass);
    }
    t
}

/// Optimizes a trace with every pass except peeling (loops keep their single `jump` back to
/// the trace start).
pub fn optimize_without_peeling(t: &Trace) -> Trace {
    check_input(t);
    let mut t = t.clone();
    for &(name, pass) in PIPELINE {
        run_pass(&mut t, name, pass);
    }
    t
}

/// Test helper shared by the passes: parses `input`, checks it verifies, runs `pass`, checks
/// the result verifies and prints as `expected` (compared after parsing and printing
/// `expected` too, so it may number its values freely).
#[cfg(test)]
pub(crate) fn check(pass: Pass, input: &str, expected: &str) {
    use crate::text::{parse, print};
    let mut t = parse(input).unwrap_or_else(|e| panic!("input does not parse: {e}\n{input}"));
    crate::verify::verify(&t).unwrap_or_else(|e| panic!("input does not verify: {e}\n{input}"));
    pass(&mut t);
    let got = print(&t);
    crate::verify::verify(&t).unwrap_or_else(|e| panic!("output does not verify: {e}\n{got}"));
    let want = print(&parse(expected).unwrap_or_else(|e| panic!("expected does not parse: {e}\n{expected}")));
    assert_eq!(got, want, "\n--- input:\n{input}--- got:\n{got}--- expected:\n{want}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{parse, print};

    fn opt(input: &str) -> String {
        print(&optimize(&parse(input).unwrap()))
    }

    fn same(got: &str, expected: &str) {
        let want = print(&parse(expected).unwrap());
        assert_eq!(got, want, "\n--- got:\n{got}--- expected:\n{want}");
    }

    const COUNTING: &str = "\
inputs(i0, i1)
i2 = int_lt(i0, i1)
guard_true(i2) [loop:3: i0, i1]
i3 = int_add_ovf(i0, 1)
guard_no_overflow() [loop:5: i0, i1]
jump(i3, i1)
";

    #[test]
    fn counting_loop() {
        // i1 is invariant, so only i0's successor crosses the label; i0 < i1 proves both
        // additions cannot overflow.
        same(
            &opt(COUNTING),
            "inputs(i0, i1)\ni2 = int_lt(i0, i1)\nguard_true(i2) [loop:3: i0, i1]\ni3 = int_add(i0, 1)\n\
             label(i3)\ni4 = int_lt(i3, i1)\nguard_true(i4) [loop:3: i3, i1]\ni5 = int_add(i3, 1)\njump(i5)\n",
        );
    }

    #[test]
    fn counting_loop_without_peeling() {
        same(
            &print(&optimize_without_peeling(&parse(COUNTING).unwrap())),
            "inputs(i0, i1)\ni2 = int_lt(i0, i1)\nguard_true(i2) [loop:3: i0, i1]\ni3 = int_add(i0, 1)\njump(i3, i1)\n",
        );
    }

    #[test]
    fn invariant_computation_is_hoisted_into_the_preamble() {
        let out = opt("\
inputs(i0, i1, i2)
i3 = int_mul(i1, i1)
i4 = int_add(i2, i3)
i5 = int_lt(i0, i1)
guard_true(i5) [loop:3: i0, i1, i4]
i6 = int_add_ovf(i0, 1)
guard_no_overflow() [loop:5: i0, i1, i4]
jump(i6, i1, i4)
");
        same(
            &out,
            "inputs(i0, i1, i2)\ni3 = int_mul(i1, i1)\ni4 = int_add(i2, i3)\ni5 = int_lt(i0, i1)\n\
             guard_true(i5) [loop:3: i0, i1, i4]\ni6 = int_add(i0, 1)\nlabel(i6, i4)\n\
             i7 = int_add(i4, i3)\ni8 = int_lt(i6, i1)\nguard_true(i8) [loop:3: i6, i1, i7]\ni9 = int_add(i6, 1)\n\
             jump(i9, i7)\n",
        );
        assert_eq!(out.matches("int_mul").count(), 1, "{out}");
    }

    #[test]
    fn invariant_guards_and_reads_of_invariant_values() {
        // The class check of the invariant p1 is done once; so is the field read (heap
        // caching carries it across the label: the loop does not write it); the unused float
        // work disappears.
        let out = opt("\
descr f = field i64 +8
inputs(i0, p1, f2)
guard_class(p1, ConstPtr(0)) [k: i0, p1, f2]
i3 = getfield_i(p1, descr=f)
f4 = float_mul(f2, 2.0)
i5 = int_lt(i0, i3)
guard_true(i5) [k: i0, p1, f2]
i6 = int_add_ovf(i0, 1)
guard_no_overflow() [k: i0, p1, f2]
jump(i6, p1, f2)
");
        same(
            &out,
            "descr f = field i64 +8\ninputs(i0, p1, f2)\nguard_class(p1, ConstPtr(0)) [k: i0, p1, f2]\n\
             i3 = getfield_i(p1, descr=f)\ni4 = int_lt(i0, i3)\nguard_true(i4) [k: i0, p1, f2]\ni5 = int_add(i0, 1)\n\
             label(i5)\ni6 = int_lt(i5, i3)\nguard_true(i6) [k: i5, p1, f2]\ni7 = int_add(i5, 1)\njump(i7)\n",
        );
    }

    #[test]
    fn checked_work_on_an_invariant_field_is_done_once() {
        // n = p1.f; while i < n - 1: s += n - 1; i += 1 — the loop body reads p1.f again (heap
        // caching makes it the preamble's read) and computes `n - 1` again, checked: CSE after
        // heap caching makes it the preamble's, checked once.
        let out = opt("\
descr f = field i64 +8 immutable
inputs(i0, p1, i2)
guard_class(p1, ConstPtr(0)) [k: i0, p1, i2]
i3 = getfield_i(p1, descr=f)
i4 = int_sub_ovf(i3, 1)
guard_no_overflow() [k: i0, p1, i2]
i5 = int_lt(i0, i4)
guard_true(i5) [k: i0, p1, i2]
i6 = int_add_ovf(i2, i4)
guard_no_overflow() [k: i0, p1, i2]
i7 = int_add(i0, 1)
jump(i7, p1, i6)
");
        let body = &out[out.find("label(").unwrap()..];
        assert_eq!(out.matches("int_sub_ovf").count(), 1, "{out}");
        assert!(!body.contains("getfield") && !body.contains("int_sub"), "{out}");
        assert_eq!(body.matches("guard_no_overflow").count(), 1, "{out}");
    }

    #[test]
    fn constant_inputs_fold_through_the_loop() {
        // x = 10; while i < x: s = s + x * 2; i += 1  — with x passed through as 10.
        let out = opt("\
inputs(i0, i1)
i2 = int_lt(i0, 10)
guard_true(i2) [k: i0, i1]
i3 = int_mul(10, 2)
i4 = int_add_ovf(i1, i3)
guard_no_overflow() [k: i0, i1]
i5 = int_add_ovf(i0, 1)
guard_no_overflow() [k: i0, i1]
jump(i5, i4)
");
        same(
            &out,
            "inputs(i0, i1)\ni2 = int_lt(i0, 10)\nguard_true(i2) [k: i0, i1]\ni3 = int_add_ovf(i1, 20)\n\
             guard_no_overflow() [k: i0, i1]\ni4 = int_add(i0, 1)\nlabel(i4, i3)\ni5 = int_lt(i4, 10)\n\
             guard_true(i5) [k: i4, i3]\ni6 = int_add_ovf(i3, 20)\nguard_no_overflow() [k: i4, i3]\ni7 = int_add(i4, 1)\n\
             jump(i7, i6)\n",
        );
    }

    #[test]
    fn invariant_guard_is_only_in_the_preamble() {
        // The loop body keeps no guard, so nothing ever observes the counter again: the loop
        // (which never ends) carries nothing.
        same(
            &opt("\
inputs(i0, i1, i2)
i3 = int_lt(i1, i2)
guard_true(i3) [k: i0, i1, i2]
i4 = int_add(i0, 1)
jump(i4, i1, i2)
"),
            "inputs(i0, i1, i2)\ni3 = int_lt(i1, i2)\nguard_true(i3) [k: i0, i1, i2]\nlabel()\njump()\n",
        );
    }

    #[test]
    fn loop_slot_that_folds_to_a_constant_keeps_its_definition() {
        // i = i * 0 + 1, already peeled: the preamble's i2 is 1, but it is the loop-carried
        // slot, so it stays defined; in the loop, the value passed on is the constant 1. The
        // slot is 1 on every iteration (the preamble's 1, and the jump's), so `1 < i1` is
        // decided false in the loop body: its guard always fails (and stays).
        same(
            &opt("inputs(i0)\ni1 = int_mul(i0, 0)\ni2 = int_add(i1, 1)\ni3 = int_lt(i2, i0)\nguard_true(i3) [k: i0]\n\
                  label(i2)\ni4 = int_mul(i2, 0)\ni5 = int_add(i4, 1)\ni6 = int_lt(i5, i2)\nguard_true(i6) [k: i2]\njump(i5)\n"),
            "inputs(i0)\ni1 = int_add(0, 1)\ni2 = int_lt(1, i0)\nguard_true(i2) [k: i0]\nlabel(i1)\n\
             guard_true(0) [k: i1]\njump(1)\n",
        );
        // Unpeeled, the same loop is simplified before peeling: the jump passes the constant
        // 1, so the position needs no slot and the loop body sees `1 < 1` (the loop exits
        // on its second iteration).
        same(
            &opt("inputs(i0)\ni1 = int_mul(i0, 0)\ni2 = int_add(i1, 1)\ni3 = int_lt(i2, i0)\nguard_true(i3) [k: i0]\njump(i2)\n"),
            "inputs(i0)\ni1 = int_lt(1, i0)\nguard_true(i1) [k: i0]\nlabel()\nguard_true(0) [k: 1]\njump()\n",
        );
    }

    #[test]
    fn swapped_loop_variables_stay_apart() {
        // a, b = b, a + b: both positions are slots; nothing from the preamble's values
        // leaks into the loop body.
        same(
            &opt("inputs(i0, i1)\ni2 = int_add_ovf(i0, i1)\nguard_no_overflow() [k: i0, i1]\njump(i1, i2)\n"),
            "inputs(i0, i1)\ni2 = int_add_ovf(i0, i1)\nguard_no_overflow() [k: i0, i1]\nlabel(i1, i2)\n\
             i3 = int_add_ovf(i1, i2)\nguard_no_overflow() [k: i1, i2]\njump(i2, i3)\n",
        );
    }

    #[test]
    fn bridge_is_not_peeled() {
        let out = opt("\
inputs(i0, p1)
guard_nonnull(p1) [k: i0, p1]
guard_nonnull(p1) [k: i0, p1]
i2 = int_add(i0, 0)
i3 = int_mul(i2, 4)
i4 = int_mul(i0, 4)
finish(i3, i4, p1)
");
        same(&out, "inputs(i0, p1)\nguard_nonnull(p1) [k: i0, p1]\ni2 = int_mul(i0, 4)\nfinish(i2, i2, p1)\n");
    }

    #[test]
    fn guard_value_promotes_and_folds() {
        let out = opt("\
inputs(i0, i1)
guard_value(i1, 3) [k: i0, i1]
i2 = int_mul(i0, i1)
i3 = int_lt(i2, 100)
guard_true(i3) [k: i0, i1]
i4 = int_add_ovf(i0, 1)
guard_no_overflow() [k: i0, i1]
jump(i4, i1)
");
        same(
            &out,
            "inputs(i0, i1)\nguard_value(i1, 3) [k: i0, i1]\ni2 = int_mul(i0, 3)\ni3 = int_lt(i2, 100)\n\
             guard_true(i3) [k: i0, 3]\ni4 = int_add_ovf(i0, 1)\nguard_no_overflow() [k: i0, 3]\nlabel(i4)\n\
             i5 = int_mul(i4, 3)\ni6 = int_lt(i5, 100)\nguard_true(i6) [k: i4, 3]\ni7 = int_add_ovf(i4, 1)\n\
             guard_no_overflow() [k: i4, 3]\njump(i7)\n",
        );
    }

    #[test]
    fn always_failing_guard_survives_the_pipeline() {
        let out = opt("inputs(i0)\ni1 = int_lt(5, 3)\nguard_true(i1) [k: i0]\njump(i0)\n");
        assert!(out.contains("guard_true(0)"), "{out}");
    }

    /// The innermost loop of a Brainfuck program: the pointer moves +1, +1, +1, -3, adding to
    /// each cell, then loops while the cell it came back to is non-zero. Each move checks its
    /// bounds (`uint_lt` against the tape length).
    const BF_LOOP: &str = "\
descr tape = array u8 base=0
inputs(i0, p1)
i2 = int_add(i0, 1)
i3 = uint_lt(i2, 30000)
guard_true(i3) [bf@8: i0, p1]
i4 = getarrayitem_i(p1, i2, descr=tape)
i5 = int_add(i4, 3)
setarrayitem(p1, i2, i5, descr=tape)
i6 = int_add(i2, 1)
i7 = uint_lt(i6, 30000)
guard_true(i7) [bf@10: i2, p1]
i8 = getarrayitem_i(p1, i6, descr=tape)
i9 = int_add(i8, 2)
setarrayitem(p1, i6, i9, descr=tape)
i10 = int_add(i6, 1)
i11 = uint_lt(i10, 30000)
guard_true(i11) [bf@12: i6, p1]
i12 = getarrayitem_i(p1, i10, descr=tape)
i13 = int_add(i12, -1)
setarrayitem(p1, i10, i13, descr=tape)
i14 = int_add(i10, -3)
i15 = uint_lt(i14, 30000)
guard_true(i15) [bf@14: i10, p1]
i16 = getarrayitem_i(p1, i14, descr=tape)
i17 = int_add(i16, 1)
setarrayitem(p1, i14, i17, descr=tape)
i18 = getarrayitem_i(p1, i14, descr=tape)
guard_true(i18) [bf@16: i14, p1]
jump(i14, p1)
";

    #[test]
    fn bf_pointer_that_comes_back_is_loop_invariant() {
        // Folding before peeling sees that the pointer comes back to i0 (i14 = i0 + 3 - 3),
        // so the loop has no slots for it: the preamble checks the bounds once, and the loop
        // body is only the cell updates and the loop guard. Heap caching carries the four
        // cells across the label: each is a label argument (the u8 truncation of what the
        // preamble wrote, which is what a read gives) and the jump passes the value the loop
        // body wrote, so the loop body reads no memory at all. The jump passes it untruncated:
        // only its low 8 bits are ever observed (by the byte stores), so demanded bits drops
        // the masks. The loop counter's mask stays for its guard, which tests all bits, but
        // the jump passes the unmasked sum too.
        let out = opt(BF_LOOP);
        same(
            &out,
            "descr tape = array u8 base=0
inputs(i0, p1)
i2 = int_add(i0, 1)
i3 = uint_lt(i2, 30000)
guard_true(i3) [bf@8: i0, p1]
i4 = getarrayitem_i(p1, i2, descr=tape)
i5 = int_add(i4, 3)
setarrayitem(p1, i2, i5, descr=tape)
i6 = int_add(i0, 2)
i7 = uint_lt(i6, 30000)
guard_true(i7) [bf@10: i2, p1]
i8 = getarrayitem_i(p1, i6, descr=tape)
i9 = int_add(i8, 2)
setarrayitem(p1, i6, i9, descr=tape)
i10 = int_add(i0, 3)
i11 = uint_lt(i10, 30000)
guard_true(i11) [bf@12: i6, p1]
i12 = getarrayitem_i(p1, i10, descr=tape)
i13 = int_add(i12, -1)
setarrayitem(p1, i10, i13, descr=tape)
i14 = uint_lt(i0, 30000)
guard_true(i14) [bf@14: i10, p1]
i15 = getarrayitem_i(p1, i0, descr=tape)
i16 = int_add(i15, 1)
setarrayitem(p1, i0, i16, descr=tape)
i17 = int_and(i16, 255)
guard_true(i17) [bf@16: i0, p1]
i18 = int_and(i5, 255)
i19 = int_and(i9, 255)
i20 = int_and(i13, 255)
i21 = int_add(i16, 0)
label(i18, i19, i20, i21)
i22 = int_add(i18, 3)
i23 = int_add(i19, 2)
i24 = int_add(i20, -1)
i25 = int_add(i21, 1)
i26 = int_and(i25, 255)
guard_true(i26) [bf@16: i0, p1] => setarrayitem(p1, i2, i22, descr=tape); setarrayitem(p1, i6, i23, descr=tape); \
setarrayitem(p1, i10, i24, descr=tape); setarrayitem(p1, i0, i25, descr=tape)
jump(i22, i23, i24, i25)
",
        );
        let body = &out[out.find("label(").unwrap()..];
        assert!(!body.contains("uint_lt"), "{body}");
        assert_eq!(body.matches("guard_").count(), 1, "{body}");
        // The only arithmetic left in the loop is on cell contents (no index computations).
        assert_eq!(body.matches("int_add(").count(), 4, "{body}");
        // No memory traffic: reads became label arguments (heap caching), writes became the
        // guard's pending writes (store sinking).
        assert!(!body.contains("getarrayitem"), "{body}");
        assert_eq!(body.lines().filter(|l| l.starts_with("setarrayitem")).count(), 0, "{body}");
        assert_eq!(body.matches("setarrayitem(p1, i").count(), 4, "{body}");
    }

    #[test]
    fn heap_contents_are_carried_around_the_loop() {
        // for i in 0..len(a): o.f += i — with o (p1) invariant: the length is read once, in
        // the preamble; the field is a label argument, so the loop body only writes it, and
        // the jump passes the value written.
        let out = opt("\
descr f = field i64 +8
descr a = array i64 base=8 len=+0
inputs(i0, p1)
i2 = arraylen(p1, descr=a)
i3 = int_lt(i0, i2)
guard_true(i3) [k: i0, p1]
i4 = getfield_i(p1, descr=f)
i5 = int_add(i4, i0)
setfield(p1, i5, descr=f)
i6 = int_add(i0, 1)
jump(i6, p1)
");
        // Store sinking then moves the write to the guard that leaves the loop.
        same(
            &out,
            "descr f = field i64 +8
descr a = array i64 base=8 len=+0
inputs(i0, p1)
i2 = arraylen(p1, descr=a)
i3 = int_lt(i0, i2)
guard_true(i3) [k: i0, p1]
i4 = getfield_i(p1, descr=f)
i5 = int_add(i4, i0)
setfield(p1, i5, descr=f)
i6 = int_add(i0, 1)
i7 = int_add(i5, 0)
label(i6, i7)
i8 = int_lt(i6, i2)
guard_true(i8) [k: i6, p1] => setfield(p1, i7, descr=f)
i9 = int_add(i7, i6)
i10 = int_add(i6, 1)
jump(i10, i9)
",
        );
        let body = &out[out.find("label(").unwrap()..];
        assert!(!body.contains("getfield") && !body.contains("arraylen"), "{body}");
        assert!(!body.lines().any(|l| l.starts_with("setfield")), "{body}");
    }

    #[test]
    fn the_optimizer_keeps_snapshot_frames_shared_between_guards() {
        // A loop over a 100-slot frame with ten guards, between which one slot changes. After
        // every pass (peeling, folding, virtuals, ...), wherever two consecutive guards' frames
        // hold the same operands in a chunk, they hold the same chunk (see `Slots`).
        let w = 100;
        let ins: Vec<String> = (0..w).map(|k| format!("i{k}")).collect();
        let mut src = format!("inputs({})\n", ins.join(", "));
        let mut v = w;
        for g in 0..10 {
            let mut snap = ins.clone();
            snap[50] = format!("i{v}");
            src += &format!("i{v} = int_add(i0, {g})\ni{} = int_lt(i{v}, 1000)\n", v + 1);
            src += &format!("guard_true(i{}) [k: {}]\n", v + 1, snap.join(", "));
            v += 2;
        }
        let mut jump = ins.clone();
        jump[0] = format!("i{}", v - 2);
        src += &format!("jump({})\n", jump.join(", "));
        let t = optimize(&parse(&src).unwrap());
        let frames: Vec<&Slots> = t
            .ops
            .iter()
            .filter_map(|o| o.snapshot.as_ref())
            .filter_map(|s| s.frames.first())
            .map(|f| &f.values)
            .collect();
        assert!(frames.len() >= 10, "{}", print(&t));
        let (mut shared, mut unshared) = (0, 0);
        for pair in frames.windows(2) {
            for (a, b) in pair[0].chunks().iter().zip(pair[1].chunks()) {
                if **a == **b {
                    if std::rc::Rc::ptr_eq(a, b) {
                        shared += 1;
                    } else {
                        unshared += 1;
                    }
                }
            }
        }
        assert_eq!(unshared, 0, "equal chunks not shared ({shared} shared)\n{}", print(&t));
        assert!(shared >= 2 * (frames.len() - 1), "{shared}");
    }

    #[test]
    fn every_pass_keeps_a_verified_trace() {
        // `optimize` verifies after every pass in debug builds; drive it over all the pass
        // tests' kind of input at once.
        let src = "\
descr f = field u8 +8
descr h = call(i, i) -> i elidable
inputs(i0, p1, i2)
guard_nonnull(p1) [k: i0, p1, i2]
i3 = getfield_i(p1, descr=f)
i4 = call_i(i3, 2, descr=h)
i5 = call_i(i3, 2, descr=h)
i6 = int_add_ovf(i3, i2)
guard_no_overflow() [k: i0, p1, i2]
i7 = int_and(i6, 255)
i8 = int_add_ovf(i3, i7)
guard_no_overflow() [k: i0, p1, i2]
i9 = int_sub(i8, i8)
i10 = int_add(i4, i5)
jump(i9, p1, i10)
";
        let t = optimize(&parse(src).unwrap());
        crate::verify::verify(&t).unwrap();
        let out = print(&t);
        assert_eq!(out.matches("guard_nonnull").count(), 1, "{out}");
        // i3 + i7 is at most 255 + 255: no overflow check; i3 + i2 keeps its check.
        assert_eq!(out.matches("int_add_ovf").count(), 2, "{out}");
    }
}
