//! Demanded bits: drops masks whose cleared bits nobody looks at.
//!
//! # The idea
//!
//! An interpreter for a language with narrow integers truncates after every operation: a
//! Brainfuck cell is `(c + 1) & 255`, a byte stored back is masked first. Inside a loop most
//! of those masks are wasted work. The value is stored to a byte of memory (which keeps its
//! low 8 bits anyway), or added to again and masked on the next iteration: the low 8 bits
//! of a sum depend only on the low 8 bits of its operands. Only a comparison, a guard or the
//! interpreter (a snapshot) ever sees all 64 bits.
//!
//! The pass computes, for every integer value, the set of its bits some use may observe (its
//! *demanded bits*, a 64-bit mask), walking backwards from the uses that observe bits:
//! - guards, comparisons, overflow-checked operations, calls, addresses and indices,
//!   `finish`, snapshot operands: all 64 bits;
//! - a stored value: the bits its memory kind keeps (8 for `u8`/`i8`, 32 for 32-bit kinds);
//!   pending writes in snapshots count as stores;
//! - `int_add`, `int_sub`, `int_mul`, `int_neg`: an operand's bit `k` only affects result bits
//!   `k` and above, so the operands are demanded up to the highest demanded result bit;
//! - `int_and`/`int_or`/`int_xor`/`int_invert` are bitwise: the result's demanded bits, minus
//!   those a constant operand decides (`x & C` needs no bit of `x` where `C` is 0);
//! - `int_lshift` by a constant `c`: result bit `k` is operand bit `k - c`;
//! - a pure operation whose result is not demanded demands nothing of its operands (DCE will
//!   drop it); every other operation demands all bits of its integer operands.
//!
//! Loops make this a fixed point: a `jump` argument is demanded as much as the loop-carried
//! value it becomes (the `label` argument, or the trace input, in the same position). Masks
//! only grow, so iterating the backward walk until nothing changes terminates (each value's
//! mask can grow at most 64 times; in practice two or three walks).
//!
//! Then every use of a mask's result that cannot tell it from the mask's operand (the mask
//! changes none of the bits that use demands) uses the operand instead, by the fold rules
//! below; a mask left without uses is dropped. Deciding per use matters: a loop counter
//! `c = (c + 1) & 255` tested by a guard keeps its mask for the guard, but the `jump` can
//! pass the unmasked sum when the loop only ever adds to the counter and masks it again.
//! - `and_keeps_demanded_bits`: `x & C` where `C` has every demanded bit set;
//! - `or_sets_undemanded_bits`: `x | C` where `C` has no demanded bit set;
//! - `xor_flips_undemanded_bits`: `x ^ C` where `C` has no demanded bit set.
//!
//! # Invariants
//!
//! Relies on: every use of a value is an argument or a snapshot use of an operation of the
//! trace (so the walk sees all of them); integer operations wrap (so the low bits of sums and
//! products depend only on low bits); memory kinds truncate on store (`MemKind::truncate`).
//! Keeps: every bit any use observes is unchanged, so guards, snapshots, stores and the
//! loop's observable behaviour are exactly as before. Values that are no longer masked may
//! hold different high bits, which nothing reads.
//!
//! A label argument names one value in the preamble and another in every iteration (see
//! [`super::util`]); its demanded bits are the union over both, which is conservative. A
//! label argument is never unmasked (the label would lose its slot), and a preamble mask of a
//! label argument is forgotten at the label (in the loop body that name is another value).
//!
//! # What it does not do
//!
//! It does not narrow operations to smaller machine types or use known-zero bits (that is
//! range analysis, in `bounds.rs`), and it does not look through memory: a value loaded back
//! from memory is demanded by its own uses only.

use crate::ir::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

const ALL: u64 = u64::MAX;

/// Every bit at or below the highest bit of `d` (what the operands of a wrapping add,
/// subtract or multiply must supply for the result's bits `d` to be right).
fn low_closure(d: u64) -> u64 {
    if d == 0 {
        0
    } else {
        ALL >> d.leading_zeros()
    }
}

/// The bits of a stored integer that memory of this kind keeps.
fn stored_bits(kind: MemKind) -> u64 {
    match kind.size() {
        1 => 0xff,
        4 => 0xffff_ffff,
        _ => ALL,
    }
}

/// Demanded bits of every integer value, indexed by value number (a table, not a map: the
/// walk adds every snapshot operand on each round, thousands per guard in wide frames).
struct Demand {
    bits: Vec<u64>,
    changed: bool,
}

impl Demand {
    fn of(&self, v: Value) -> u64 {
        self.bits.get(v.0 as usize).copied().unwrap_or(0)
    }

    fn add(&mut self, o: Operand, mask: u64) {
        if let Operand::Value(v) = o {
            if mask == 0 {
                return;
            }
            let k = v.0 as usize;
            if k >= self.bits.len() {
                self.bits.resize(k + 1, 0);
            }
            let e = &mut self.bits[k];
            if *e | mask != *e {
                *e |= mask;
                self.changed = true;
            }
        }
    }
}

/// The memory kind of a store's descriptor.
fn store_kind(t: &Trace, op: &Op) -> Option<MemKind> {
    match &t.descr(op.descr?).kind {
        DescrKind::Field(f) => Some(f.kind),
        DescrKind::Array(a) => Some(a.kind),
        _ => None,
    }
}

/// What `op` demands of each of its arguments (in order), given what is demanded of its
/// result, `r`. (Snapshot operands are handled by the caller.)
fn arg_demands(t: &Trace, op: &Op, r: u64) -> Vec<u64> {
    use Opcode::*;
    let args = &op.args;
    let constant = |i: usize| args[i].as_int().map(|c| c as u64);
    match op.opcode {
        IntAdd | IntSub | IntMul | IntNeg => vec![low_closure(r); args.len()],
        IntAnd => (0..2).map(|i| r & constant(1 - i).unwrap_or(ALL)).collect(),
        IntOr => (0..2).map(|i| r & !constant(1 - i).unwrap_or(0)).collect(),
        IntXor | IntInvert => vec![r; args.len()],
        // The condition is tested for non-zero (all its bits); each arm is the result.
        IntSelect => vec![ALL, r, r],
        IntLshift => match constant(1) {
            Some(c @ 0..=63) => vec![r >> c, ALL],
            _ => vec![low_closure(r), ALL],
        },
        Setfield | Setarrayitem => {
            let mut m = vec![ALL; args.len()];
            m[args.len() - 1] = store_kind(t, op).map_or(ALL, stored_bits);
            m
        }
        _ if op.opcode.is_pure() && op.result.is_some() && r == 0 && total(op.opcode) => vec![0; args.len()],
        _ => vec![ALL; args.len()],
    }
}

/// Whether the pure operation is defined for all operands. Division, modulo, float-to-int
/// conversion and shifts have preconditions on their operands (a divisor that is not 0, a
/// float in range, a count below 64), which hold only for the exact operand values, so their
/// operands are demanded in full even when their result is not.
fn total(opcode: Opcode) -> bool {
    use Opcode::*;
    !matches!(opcode, IntFloorDiv | IntMod | UintFloorDiv | UintMod | CastFloatToInt | IntLshift | IntRshift)
}

/// What is demanded of the result of `op` (0 for operations without one).
fn result_demand(op: &Op, d: &Demand) -> u64 {
    op.result.map_or(0, |v| d.of(v))
}

/// What `op` demands of each of its arguments, in a trace whose jump positions are
/// `loop_slots`: a jump argument is demanded as its slot is (a constant slot names nothing,
/// so what is passed there is unobserved); the label's arguments are slot names, not uses.
fn use_demands(t: &Trace, op: &Op, d: &Demand, loop_slots: &[Option<Value>]) -> Vec<u64> {
    match op.opcode {
        Opcode::Jump => loop_slots.iter().map(|&s| s.map_or(0, |v| d.of(v))).collect(),
        Opcode::Label => vec![0; op.args.len()],
        _ => arg_demands(t, op, result_demand(op, d)),
    }
}

/// Computes the demanded bits of every value (a backward walk, repeated to a fixed point).
fn demanded(t: &Trace, loop_slots: &[Option<Value>]) -> Demand {
    let mut d = Demand { bits: vec![0; t.types.len()], changed: true };
    let mut first = true;
    while d.changed {
        d.changed = false;
        for op in t.ops.iter().rev() {
            for (&a, m) in op.args.iter().zip(use_demands(t, op, &d, loop_slots)) {
                d.add(a, m);
            }
            // What snapshots demand depends on no other demand: added on the first round.
            if let Some(s) = op.snapshot.as_ref().filter(|_| first) {
                s.operands().for_each(|&o| d.add(o, ALL));
                for w in &s.writes {
                    for (&a, m) in w.args.iter().zip(arg_demands(t, w, 0)) {
                        d.add(a, m);
                    }
                }
            }
        }
        first = false;
    }
    d
}

/// The operand a mask's result may be replaced by at a use that demands `demand` of it,
/// when the mask changes none of those bits (the fold rules named in the module docs).
fn redundant(opcode: Opcode, args: &[Operand], demand: u64) -> Option<Operand> {
    let (x, c) = match *args {
        [x, Operand::Int(c)] | [Operand::Int(c), x] => (x, c as u64),
        _ => return None,
    };
    match opcode {
        // and_keeps_demanded_bits
        Opcode::IntAnd if demand & !c == 0 => Some(x),
        // or_sets_undemanded_bits
        Opcode::IntOr if demand & c == 0 => Some(x),
        // xor_flips_undemanded_bits
        Opcode::IntXor if demand & c == 0 => Some(x),
        _ => None,
    }
}

/// The masks of the trace: value -> (opcode, arguments) of `int_and`/`int_or`/`int_xor`.
type Masks = HashMap<Value, (Opcode, Vec<Operand>)>;

/// Replaces `a` by what its mask masks, as long as the use (demanding `demand`) cannot tell.
fn unmask(masks: &Masks, a: &mut Operand, demand: u64) {
    while let Some(x) =
        a.as_value().and_then(|v| masks.get(&v)).and_then(|(opcode, args)| redundant(*opcode, args, demand))
    {
        *a = x;
    }
}

/// Runs the pass: every use that cannot tell a mask's result from its operand uses the
/// operand; masks left without uses are dropped.
pub fn run(t: &mut Trace) {
    // Only a mask with a constant operand can be redundant: without one there is nothing to
    // do, and the demand walk (which visits every snapshot operand) is skipped.
    let is_mask = |op: &Op| {
        matches!(op.opcode, Opcode::IntAnd | Opcode::IntOr | Opcode::IntXor)
            && op.args.iter().any(|a| matches!(a, Operand::Int(_)))
    };
    if !t.ops.iter().any(is_mask) {
        return;
    }
    // One entry per jump position: the label's argument there (none for a constant), or
    // the trace's input without a label.
    let loop_slots: Vec<Option<Value>> = match t.label_index() {
        Some(i) => t.ops[i].args.iter().map(|a| a.as_value()).collect(),
        None => t.inputs.iter().map(|&v| Some(v)).collect(),
    };
    let d = demanded(t, &loop_slots);
    let label_args: HashSet<Value> = match t.label_index() {
        Some(_) => loop_slots.iter().flatten().copied().collect(),
        None => HashSet::default(),
    };
    let mut masks = Masks::default();
    for i in 0..t.ops.len() {
        if t.ops[i].opcode == Opcode::Label {
            // A mask of a label argument's preamble value says nothing about the value that
            // name has in the loop body.
            masks.retain(|_, (_, args)| !args.iter().any(|a| a.as_value().is_some_and(|v| label_args.contains(&v))));
            continue;
        }
        let demands = use_demands(t, &t.ops[i], &d, &loop_slots);
        let write_demands: Vec<Vec<u64>> =
            t.ops[i].snapshot.iter().flat_map(|s| &s.writes).map(|w| arg_demands(t, w, 0)).collect();
        let op = &mut t.ops[i];
        for (a, m) in op.args.iter_mut().zip(demands) {
            unmask(&masks, a, m);
        }
        if let Some(s) = &mut op.snapshot {
            for (w, ms) in s.writes.iter_mut().zip(write_demands) {
                for (a, m) in w.args.iter_mut().zip(ms) {
                    unmask(&masks, a, m);
                }
            }
        }
        if let (Some(r), Opcode::IntAnd | Opcode::IntOr | Opcode::IntXor) = (op.result, op.opcode) {
            // A label argument names another value after the label: it is never unmasked.
            if !label_args.contains(&r) {
                masks.insert(r, (op.opcode, op.args.clone()));
            }
        }
    }
    drop_unused_masks(t, &masks);
}

/// Removes the masks no use refers to any more (other dead code is DCE's business).
fn drop_unused_masks(t: &mut Trace, masks: &Masks) {
    // (Indexed by value number: every snapshot operand is a use.)
    let mut used = vec![false; t.types.len()];
    for op in &t.ops {
        let snapshot = op.snapshot.iter().flat_map(|s| s.uses());
        op.args.iter().chain(snapshot).filter_map(|o| o.as_value()).for_each(|v| {
            if let Some(u) = used.get_mut(v.0 as usize) {
                *u = true;
            }
        });
    }
    let is_used = |r: Value| used.get(r.0 as usize).copied().unwrap_or(false);
    t.ops.retain(|op| op.result.is_none_or(|r| is_used(r) || !masks.contains_key(&r)));
}

#[cfg(test)]
mod tests {
    use super::{low_closure, run};
    use crate::opt::check;

    fn bits(input: &str, expected: &str) {
        check(run, input, expected);
    }

    #[test]
    fn low_closure_covers_every_lower_bit() {
        assert_eq!(low_closure(0), 0);
        assert_eq!(low_closure(0x80), 0xff);
        assert_eq!(low_closure(0x10_0001), 0x1f_ffff);
        assert_eq!(low_closure(u64::MAX), u64::MAX);
    }

    #[test]
    fn and_keeps_demanded_bits() {
        // Only the byte store observes the sum, and it keeps the low 8 bits the mask keeps.
        bits(
            "descr b = array u8 base=0\ninputs(p0, i1)\ni2 = int_add(i1, 1)\ni3 = int_and(i2, 255)\n\
             setarrayitem(p0, 0, i3, descr=b)\nfinish(p0)\n",
            "descr b = array u8 base=0\ninputs(p0, i1)\ni2 = int_add(i1, 1)\n\
             setarrayitem(p0, 0, i2, descr=b)\nfinish(p0)\n",
        );
    }

    #[test]
    fn and_stays_when_a_cleared_bit_is_observed() {
        // A guard tests every bit; a wider store keeps bits the mask clears.
        let keep = "descr w = array i32 base=0\ninputs(p0, i1)\ni2 = int_and(i1, 255)\n\
                    guard_true(i2) [k: i1]\ni3 = int_and(i1, 65535)\nsetarrayitem(p0, 0, i3, descr=w)\n\
                    i4 = int_and(i1, 255)\ni5 = int_lt(i4, 7)\nguard_true(i5) [k: i1]\nfinish(p0)\n";
        bits(keep, keep);
    }

    #[test]
    fn or_sets_undemanded_bits() {
        bits(
            "descr b = field u8 +8\ninputs(p0, i1)\ni2 = int_or(i1, 256)\nsetfield(p0, i2, descr=b)\nfinish(p0)\n",
            "descr b = field u8 +8\ninputs(p0, i1)\nsetfield(p0, i1, descr=b)\nfinish(p0)\n",
        );
    }

    #[test]
    fn xor_flips_undemanded_bits() {
        bits(
            "descr b = field u8 +8\ninputs(p0, i1)\ni2 = int_xor(i1, -256)\nsetfield(p0, i2, descr=b)\nfinish(p0)\n",
            "descr b = field u8 +8\ninputs(p0, i1)\nsetfield(p0, i1, descr=b)\nfinish(p0)\n",
        );
    }

    #[test]
    fn shifts_move_the_demand() {
        // (x & 255) << 8 stored as 16 significant bits of an i32: bits 8..15 of the shift need
        // bits 0..7 of the mask, which it keeps, so the mask goes; a shift by 30 would need
        // bits 0..1 only, too.
        bits(
            "descr w = field u32 +8\ninputs(p0, i1)\ni2 = int_and(i1, 255)\ni3 = int_lshift(i2, 24)\n\
             setfield(p0, i3, descr=w)\nfinish(p0)\n",
            "descr w = field u32 +8\ninputs(p0, i1)\ni2 = int_lshift(i1, 24)\nsetfield(p0, i2, descr=w)\nfinish(p0)\n",
        );
        let keep = "descr w = field u32 +8\ninputs(p0, i1)\ni2 = int_and(i1, 255)\ni3 = int_lshift(i2, 16)\n\
                    setfield(p0, i3, descr=w)\nfinish(p0)\n";
        bits(keep, keep);
    }

    #[test]
    fn loop_carried_masks_go_when_the_loop_only_stores_them() {
        // The bf cell pattern: the cell is stored by a pending write and added to again, so
        // its mask goes. The counter's mask stays for the guard, which tests all its bits,
        // but the jump passes the unmasked sum: the next iteration only adds to it and masks.
        bits(
            "descr tape = array u8 base=0\ninputs(p0, i1, i2)\nlabel(i1, i2)\ni3 = int_add(i1, 3)\n\
             i4 = int_add(i2, 1)\ni5 = int_and(i4, 255)\n\
             guard_true(i5) [k: p0] => setarrayitem(p0, 1, i3, descr=tape)\ni6 = int_and(i3, 255)\njump(i6, i5)\n",
            "descr tape = array u8 base=0\ninputs(p0, i1, i2)\nlabel(i1, i2)\ni3 = int_add(i1, 3)\n\
             i4 = int_add(i2, 1)\ni5 = int_and(i4, 255)\n\
             guard_true(i5) [k: p0] => setarrayitem(p0, 1, i3, descr=tape)\njump(i3, i4)\n",
        );
    }

    #[test]
    fn a_preamble_mask_of_a_label_argument_is_forgotten_at_the_label() {
        // i3 masks the preamble's i2; in the loop body i2 is the loop-carried value, so the
        // body's store of i3 must not become a store of i2.
        let keep = "descr b = array u8 base=0\ninputs(p0, i1)\ni2 = int_add(i1, 1)\ni3 = int_and(i2, 255)\n\
                    label(p0, i2)\nsetarrayitem(p0, 0, i3, descr=b)\ni4 = int_add(i2, 1)\njump(p0, i4)\n";
        bits(keep, keep);
    }

    #[test]
    fn a_loop_slot_the_interpreter_sees_keeps_its_mask() {
        // The next iteration's snapshot hands the slot to the interpreter: all bits count.
        let keep = "inputs(i0)\nlabel(i0)\ni1 = int_add(i0, 1)\ni2 = int_lt(i1, 100)\nguard_true(i2) [k: i0]\n\
                    i3 = int_and(i1, 255)\njump(i3)\n";
        bits(keep, keep);
        // Without a label the jump goes to the inputs: the same rule.
        let keep = "inputs(i0)\ni1 = int_add(i0, 1)\nguard_true(i1) [k: i0]\ni2 = int_and(i1, 255)\njump(i2)\n";
        bits(keep, keep);
    }

    #[test]
    fn division_operands_are_demanded_in_full_even_when_the_quotient_is_not() {
        // No bit of i4 is observed (the byte store keeps bits 0..7 of `i4 & 0xff00`), but the
        // division must still get its exact divisor: dropping the mask could make it 0.
        let keep = "descr b = field u8 +0\ninputs(p0, i0, i1)\ni2 = int_and(i1, 255)\ni3 = int_add(i2, 1)\n\
                    i4 = int_floordiv(i0, i3)\ni5 = int_and(i4, 65280)\nsetfield(p0, i5, descr=b)\nfinish(p0)\n";
        bits(keep, keep);
    }

    #[test]
    fn constant_label_arguments_keep_the_positions_in_line() {
        // The jump's second argument is the slot i0, which the guard tests in full.
        let keep = "inputs(i0)\nlabel(7, i0)\ni1 = int_lt(i0, 260)\nguard_true(i1) [k: i0]\ni2 = int_and(i0, 255)\n\
                    i3 = int_add(i2, 1)\njump(7, i3)\n";
        bits(keep, keep);
    }

    #[test]
    fn a_label_argument_keeps_its_definition() {
        // i2 names the loop slot; removing its mask would leave the label without a value.
        let keep = "descr b = array u8 base=0\ninputs(p0, i1)\ni2 = int_and(i1, 255)\nlabel(p0, i2)\n\
                    i3 = int_add(i2, 1)\nsetarrayitem(p0, 0, i3, descr=b)\njump(p0, i3)\n";
        bits(keep, keep);
    }

    #[test]
    fn unused_pure_results_demand_nothing() {
        // i3 is dead: it does not make its operand's mask observable (DCE removes it later).
        bits(
            "descr b = field u8 +8\ninputs(p0, i1)\ni2 = int_and(i1, 255)\ni3 = int_lt(i2, 9)\n\
             setfield(p0, i2, descr=b)\nfinish(p0)\n",
            "descr b = field u8 +8\ninputs(p0, i1)\ni2 = int_lt(i1, 9)\nsetfield(p0, i1, descr=b)\nfinish(p0)\n",
        );
    }
}
