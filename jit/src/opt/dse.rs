//! Dead store elimination: drops a write that a later write to the same location overwrites
//! before anything can see it.
//!
//! # The idea
//!
//! Interpreters write memory eagerly, instruction by instruction, and a trace often writes a
//! location twice in a row: bf's `[-]` after `+++` adds to a cell and then clears it. The
//! first write is dead when nothing between the two writes can observe memory. Observers are:
//! - a read through the same descriptor (descriptors are typed and name separate fields or
//!   separate kinds of array, so reads through other descriptors never alias);
//! - a guard: if it fails, the interpreter resumes and reads memory;
//! - a call (it may read anything), and the ends of straight-line code: `label`, `jump`,
//!   `finish`.
//!
//! One forward walk keeps, per location, the last write not yet observed. A location is a
//! descriptor with the exact operands that address it (object, and index for arrays); two
//! writes with different operands are never taken for the same location, so the pass only
//! needs equal operands to mean equal addresses, never the converse. A second write to a
//! pending location kills the first (rule `overwritten_before_observed`); an observer
//! empties the pending set for what it may observe.
//!
//! # Invariants
//!
//! Relies on: guards, calls, reads and control ops are the only ways memory is observed
//! inside a trace; allocation (`new`) observes nothing. Keeps: every write that any observer
//! could see, in its original order; only writes are removed (what they computed may become
//! dead and is left to DCE).
//!
//! # What it does not do
//!
//! It does not look through index arithmetic (`a[x + 1]` and `a[y]` with `y = x + 1` are
//! different locations to it: CSE and heap caching usually make such operands equal first),
//! and it does not remove writes that are dead only because of a later loop iteration.

use crate::ir::*;
use rustc_hash::FxHashMap as HashMap;

/// A written location: the descriptor and the operands that address it.
type Location = (DescrId, Vec<Operand>);

/// Runs the pass.
pub fn run(t: &mut Trace) {
    let mut pending: HashMap<Location, usize> = HashMap::default();
    let mut dead = vec![false; t.ops.len()];
    for (i, op) in t.ops.iter().enumerate() {
        let observes_all = op.opcode.is_guard()
            || op.opcode.is_call()
            || matches!(op.opcode, Opcode::Label | Opcode::Jump | Opcode::Finish);
        if observes_all {
            pending.clear();
        } else if op.opcode.reads_memory() {
            pending.retain(|(d, _), _| Some(*d) != op.descr);
        } else if op.opcode.is_store() {
            let Some(d) = op.descr else { continue };
            let (_, address) = op.args.split_last().expect("stores have arguments");
            // overwritten_before_observed
            if let Some(earlier) = pending.insert((d, address.to_vec()), i) {
                dead[earlier] = true;
            }
        }
    }
    let mut k = 0;
    t.ops.retain(|_| {
        k += 1;
        !dead[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn dse(input: &str, expected: &str) {
        check(run, input, expected);
    }

    const D: &str = "descr a = array u8 base=0\ndescr f = field i64 +8\ndescr g = field i64 +16\ndescr S = size 32\n";

    #[test]
    fn overwritten_before_observed() {
        dse(
            &format!("{D}inputs(p0, i1)\nsetarrayitem(p0, i1, 5, descr=a)\nsetfield(p0, 1, descr=f)\np2 = new(descr=S)\nsetarrayitem(p0, i1, 0, descr=a)\nsetfield(p0, 2, descr=f)\nfinish(p0)\n"),
            &format!("{D}inputs(p0, i1)\np2 = new(descr=S)\nsetarrayitem(p0, i1, 0, descr=a)\nsetfield(p0, 2, descr=f)\nfinish(p0)\n"),
        );
    }

    #[test]
    fn a_guard_between_sees_the_first_write() {
        let keep = format!("{D}inputs(p0, i1)\nsetfield(p0, 1, descr=f)\nguard_true(i1) [k: p0]\nsetfield(p0, 2, descr=f)\nfinish(p0)\n");
        dse(&keep, &keep);
    }

    #[test]
    fn a_read_through_the_same_descr_sees_it_and_other_descrs_do_not() {
        let keep = format!("{D}inputs(p0, p1)\nsetfield(p0, 1, descr=f)\ni2 = getfield_i(p1, descr=f)\nsetfield(p0, i2, descr=f)\nfinish(p0)\n");
        dse(&keep, &keep);
        dse(
            &format!("{D}inputs(p0, p1)\nsetfield(p0, 1, descr=f)\ni2 = getfield_i(p1, descr=g)\nsetfield(p0, i2, descr=f)\nfinish(p0)\n"),
            &format!("{D}inputs(p0, p1)\ni2 = getfield_i(p1, descr=g)\nsetfield(p0, i2, descr=f)\nfinish(p0)\n"),
        );
    }

    #[test]
    fn calls_and_loop_ends_see_everything() {
        let call = format!("{D}descr w = call(i) -> none write\ninputs(p0, i1)\nsetfield(p0, 1, descr=f)\ncall_n(i1, descr=w)\nsetfield(p0, 2, descr=f)\nfinish(p0)\n");
        dse(&call, &call);
        let looping = format!("{D}inputs(p0, i1)\nsetfield(p0, i1, descr=f)\nlabel(i1)\nsetfield(p0, i1, descr=f)\ni2 = int_add(i1, 1)\njump(i2)\n");
        dse(&looping, &looping);
    }

    #[test]
    fn different_operands_are_different_locations() {
        let keep = format!(
            "{D}inputs(p0, i1, i2)\nsetarrayitem(p0, i1, 1, descr=a)\nsetarrayitem(p0, i2, 2, descr=a)\nfinish(p0)\n"
        );
        dse(&keep, &keep);
    }
}
