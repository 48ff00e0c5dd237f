//! What a bridge inherits from its parent: facts about the values at the guard it starts from.
//!
//! A bridge's inputs are its parent's exit words: the operands of the failing guard's snapshot,
//! frames first, then the virtual objects' fields (see `Snapshot::words`; the words of its
//! constants are left unwritten, the bridge takes the constants themselves). Whatever the
//! parent's trace had proven about those values before the guard still holds when it fails,
//! and the failure itself says something (`guard_false(int_eq(x & 1, 0))` failed: the value is
//! 1, and `x & 1` is 0). Without this, the bridge's recording checks again what the parent knew:
//! the class of an object the parent's preamble checked once, an overflow check on `j + 1`
//! where the loop knew `j < 1000`, the ranges an entry at a loop's label asks for.
//!
//! [`at_guard`] collects, per exit word, the class the parent knew (`guard_class`,
//! `record_known_class` or its own allocation, before the guard) and the integer range
//! ([`super::bounds::at_failed_guard`]); [`prepend`] states them at the start of the bridge as
//! `record_known_class` and `record_known_range`, which emit no code and which the bridge's
//! `guards` and `bounds` passes take as facts. In a peeled loop's body, the label's arguments
//! are new values on every iteration, so class facts about them from the preamble are
//! forgotten at the label (as the passes do); ranges of label arguments are those every entry
//! guarantees (`Trace::label_ranges`).

use crate::ir::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Facts about a guard's exit words (by word number), for a bridge from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inherited {
    /// Words holding objects of a known class (the class constant).
    pub classes: Vec<(usize, Operand)>,
    /// Words holding integers in a known range `[lo, hi]`.
    pub ranges: Vec<(usize, i64, i64)>,
}

impl Inherited {
    /// Whether there is nothing to inherit.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty() && self.ranges.is_empty()
    }
}

/// The facts a bridge from guard number `g` of the compiled trace `t` may assume about the
/// guard's exit words when it fails. Empty if `t` has no such guard.
pub fn at_guard(t: &Trace, g: usize) -> Inherited {
    let Some(at) = t.ops.iter().enumerate().filter(|(_, o)| o.opcode.is_guard()).nth(g).map(|(i, _)| i) else {
        return Inherited::default();
    };
    let Some(snapshot) = t.ops[at].snapshot.as_ref() else { return Inherited::default() };
    let classes = known_classes(t, at);
    let ranges = super::bounds::at_failed_guard(t, g);
    let mut out = Inherited::default();
    for (k, o) in snapshot.words() {
        match *o {
            Operand::Value(v) => {
                if let Some(&c) = classes.get(&v) {
                    out.classes.push((k, c));
                }
                if let Some(&(lo, hi)) = ranges.get(&v) {
                    out.ranges.push((k, lo, hi));
                }
            }
            // (A constant's word is left unwritten by the exit: a bridge takes the constant
            // itself, not the word; see `backend::exits`.)
            _ => {}
        }
    }
    out
}

/// The classes known of values before op `at` of `t` (guards passed, recorded facts, the
/// trace's own allocations), forgetting the label's arguments at the label.
fn known_classes(t: &Trace, at: usize) -> HashMap<Value, Operand> {
    let mut known: HashMap<Value, Operand> = HashMap::default();
    for op in &t.ops[..at] {
        match (op.opcode, &op.args[..]) {
            (Opcode::Label, args) => {
                let rebound: HashSet<Value> = args.iter().filter_map(|a| a.as_value()).collect();
                known.retain(|v, _| !rebound.contains(v));
            }
            (Opcode::GuardClass | Opcode::RecordKnownClass, &[Operand::Value(p), c @ Operand::Ref(_)]) => {
                known.insert(p, c);
            }
            (Opcode::New, _) => {
                if let (Some(r), Some(d)) = (op.result, op.descr) {
                    if let DescrKind::Size(s) = &t.descr(d).kind {
                        known.insert(r, Operand::Ref(s.class));
                    }
                }
            }
            _ => {}
        }
    }
    known
}

/// States `facts` at the start of `bridge`, whose input `k` is exit word `k` (a bridge with
/// another number of inputs, or inputs of other types, is left alone).
pub fn prepend(bridge: &mut Trace, facts: &Inherited) {
    let words = facts.classes.iter().map(|c| c.0).chain(facts.ranges.iter().map(|r| r.0));
    if words.max().is_some_and(|k| k >= bridge.inputs.len()) {
        return;
    }
    let input_type = |k: usize| bridge.type_of(bridge.inputs[k]);
    if facts.classes.iter().any(|&(k, _)| input_type(k) != Type::Ref)
        || facts.ranges.iter().any(|&(k, _, _)| input_type(k) != Type::Int)
    {
        return;
    }
    let mut ops = Vec::with_capacity(facts.classes.len() + facts.ranges.len());
    for &(k, class) in &facts.classes {
        ops.push(Op::new(Opcode::RecordKnownClass, vec![Operand::Value(bridge.inputs[k]), class], None));
    }
    for &(k, lo, hi) in &facts.ranges {
        if (lo, hi) != (i64::MIN, i64::MAX) {
            let args = vec![Operand::Value(bridge.inputs[k]), Operand::Int(lo), Operand::Int(hi)];
            ops.push(Op::new(Opcode::RecordKnownRange, args, None));
        }
    }
    bridge.ops.splice(0..0, ops);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;

    fn facts(parent: &str, g: usize) -> Inherited {
        at_guard(&parse(parent).unwrap(), g)
    }

    #[test]
    fn classes_and_ranges_before_the_guard_and_its_failure() {
        let parent = "inputs(p0, i1)\n\
            guard_class(p0, ConstPtr(0)) [k: p0, i1]\n\
            i2 = int_lt(i1, 1000)\n\
            guard_true(i2) [k: p0, i1]\n\
            i3 = int_and(i1, 1)\n\
            i4 = int_eq(i3, 0)\n\
            guard_false(i4) [k: p0, i1, i4, 7]\n\
            finish(p0, i1)";
        let f = facts(parent, 2);
        assert_eq!(f.classes, vec![(0, Operand::Ref(4096))]);
        // i1 < 1000 passed; i4 failed guard_false: it is 1. (The constant's word is left
        // unwritten, and the bridge takes the constant: no fact about its word.)
        assert_eq!(f.ranges, vec![(1, i64::MIN, 999), (2, 1, 1)]);
        // At the first guard nothing is known yet of p0; i1 is unknown.
        assert_eq!(facts(parent, 0), Inherited::default());
    }

    #[test]
    fn a_failed_comparison_gives_the_negated_range() {
        let parent = "inputs(i0)\n\
            i1 = int_lt(i0, 1000)\n\
            guard_true(i1) [k: i0]\n\
            finish(i0)";
        assert_eq!(facts(parent, 0).ranges, vec![(0, 1000, i64::MAX)]);
    }

    #[test]
    fn a_failed_overflow_check_forgets_the_result() {
        let parent = "inputs(i0)\n\
            i1 = int_and(i0, 255)\n\
            i2 = int_mul_ovf(i0, i1)\n\
            guard_no_overflow() [k: i1, i2]\n\
            finish(i2)";
        assert_eq!(facts(parent, 0).ranges, vec![(0, 0, 255)]);
    }

    #[test]
    fn label_arguments_lose_preamble_classes_and_take_the_label_ranges() {
        // p1 is checked in the preamble only, and is a label argument: a new value in the
        // body. p0 is invariant: its class holds in the body.
        let parent = "inputs(p0, p1, i2)\n\
            guard_class(p0, ConstPtr(0)) [k: p0, p1, i2]\n\
            guard_class(p1, ConstPtr(0)) [k: p0, p1, i2]\n\
            label(p1, i2)\n\
            i3 = int_sub(i2, 1)\n\
            guard_true(i3) [k: p0, p1, i2, i3]\n\
            jump(p1, i3)";
        let mut t = parse(parent).unwrap();
        t.label_ranges = vec![(Value(2), 0, 10)];
        let f = at_guard(&t, 2);
        assert_eq!(f.classes, vec![(0, Operand::Ref(4096))]);
        // i2 in [0, 10] as every entry guarantees; guard_true(i3) failed: i3 is 0.
        assert_eq!(f.ranges, vec![(2, 0, 10), (3, 0, 0)]);
    }

    #[test]
    fn prepended_facts_remove_the_bridges_checks() {
        let bridge = parse(
            "inputs(p0, i1, i2)\n\
             guard_class(p0, ConstPtr(0)) [k: p0, i1, i2]\n\
             guard_true(i2) [k: p0, i1, i2]\n\
             i3 = int_add_ovf(i1, 1)\n\
             guard_no_overflow() [k: p0, i1, i2]\n\
             i4 = int_le(i3, 1000)\n\
             guard_true(i4) [k: p0, i3, i2]\n\
             finish(p0, i3)",
        )
        .unwrap();
        let facts = Inherited { classes: vec![(0, Operand::Ref(4096))], ranges: vec![(1, 0, 999), (2, 1, 1)] };
        let mut t = bridge.clone();
        prepend(&mut t, &facts);
        let optimized = crate::opt::optimize(&t);
        let text = optimized.to_string();
        assert!(!text.contains("guard"), "every check is known to pass:\n{text}");
        assert!(text.contains("int_add(i1, 1)"), "{text}");
        // Without the facts, every check stays.
        assert_eq!(crate::opt::optimize(&bridge).guard_count(), 4);
        // Facts for inputs the bridge does not have are not stated.
        let mut t = bridge.clone();
        prepend(&mut t, &Inherited { classes: vec![(5, Operand::Ref(4096))], ranges: vec![] });
        assert_eq!(t, bridge);
    }
}
