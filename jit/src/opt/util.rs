//! Shared machinery of the passes: value substitution that respects the loop `label`.
//!
//! Every forward pass works the same way: walk the operations in order, rewrite each one's
//! arguments and snapshot operands through a substitution map (`value -> operand`), and when
//! an operation's result turns out to equal something already available, record
//! `result -> that` and delete the operation. [`Rewriter`] holds that map.
//!
//! # The label rebinds its arguments
//!
//! A peeled loop is `inputs(..) ; preamble ; label(a, b, ..) ; body ; jump(x, y, ..)`. The
//! label's arguments are values defined in the preamble (or inputs), and the loop body uses
//! them as its loop-carried variables: the `jump` assigns `a := x, b := y, ..` and goes back to
//! the label. So a label argument names one value before the label (its preamble definition)
//! and a different value in every iteration after it. Everything else keeps one value forever,
//! and the preamble dominates the loop, so facts about it stay true after the label.
//!
//! The [`Rewriter`] therefore:
//! - never rewrites the label's own arguments (they are names of loop slots, not uses);
//! - at the label, forgets every substitution whose key is a label argument or whose chain of
//!   replacements passes through one (see [`Rewriter::enter_label`]); passes likewise forget
//!   their own facts about label arguments (see [`Rewriter::is_rebound`]);
//! - refuses to let a pass delete the definition of a value whose substitution will be
//!   forgotten at the label ([`Rewriter::replace`] returns `false`), because later uses of that
//!   value, after the label, still need it defined. The substitution still applies to the
//!   preamble's uses.

use crate::ir::*;
use rustc_hash::FxHashMap as HashMap;

/// The label's arguments (each once), then the other values defined before the label at
/// `ops[li]` (or inputs) that the ops after it use, in order of definition: what the loop body
/// reads of the preamble. (Not in order of first use: a guard put in the body later, with
/// the snapshot of one after it, must not reorder what a second entry at the label reads.
/// Tables indexed by value, walked slice by slice: the body's snapshots are most of its
/// operands.)
pub fn used_across_label(inputs: &[Value], ops: &[Op], li: usize, values: usize) -> Vec<Value> {
    let mut before = vec![false; values];
    for v in inputs.iter().copied().chain(ops[..li].iter().filter_map(|o| o.result)) {
        if let Some(b) = before.get_mut(v.0 as usize) {
            *b = true;
        }
    }
    // (`before` doubles as "not seen yet": cleared once the value is listed.)
    let mut take = |o: &Operand, out: &mut Vec<Value>| {
        if let Operand::Value(v) = *o {
            if let Some(b @ true) = before.get_mut(v.0 as usize) {
                *b = false;
                out.push(v);
            }
        }
    };
    let mut out = Vec::new();
    ops[li].args.iter().for_each(|o| take(o, &mut out));
    let mut rest = Vec::new();
    for o in &ops[li + 1..] {
        o.args.iter().for_each(|a| take(a, &mut rest));
        if let Some(s) = &o.snapshot {
            s.uses().for_each(|a| take(a, &mut rest));
        }
    }
    // (Values are numbered in order of definition, inputs first.)
    rest.sort_unstable_by_key(|v| v.0);
    out.extend(rest);
    out
}

/// A value substitution map aware of the loop label (see the module docs).
///
/// Values are dense indices into the trace's `types`, so the map and the set of label
/// arguments are tables indexed by value (every pass looks up each operand of each op and
/// snapshot; hashing them cost more than the passes' own work). Values a pass creates during
/// the walk, past the end of the tables, simply have no substitution.
#[derive(Debug, Default)]
pub struct Rewriter {
    subst: ValueMap<Operand>,
    label_args: Vec<bool>,
    /// Whether any substitution was ever recorded (most walks of a small trace record none
    /// for most ops; `rewrite` then has nothing to look up).
    any: bool,
    past_label: bool,
    /// Snapshot frame chunks rewritten so far (see `Slots::rewrite`): trusted until a
    /// substitution could change what they come out as (see `replace`).
    memo: SlotsMemo,
    /// The result of the operation `rewrite` saw last.
    defining: Option<Value>,
}

impl Rewriter {
    /// A rewriter for one forward walk over `t`; collects the label's arguments.
    pub fn new(t: &Trace) -> Rewriter {
        let n = t.types.len();
        let mut label_args = vec![false; n];
        if let Some(i) = t.label_index() {
            for v in t.ops[i].args.iter().filter_map(|a| a.as_value()) {
                if let Some(slot) = label_args.get_mut(v.0 as usize) {
                    *slot = true;
                }
            }
        }
        Rewriter {
            subst: ValueMap::default(),
            label_args,
            any: false,
            past_label: false,
            memo: SlotsMemo::trusting(),
            defining: None,
        }
    }

    fn get(&self, v: Value) -> Option<Operand> {
        self.subst.get(&v).copied()
    }

    /// The operand `o` currently stands for (follows chains of replacements).
    pub fn resolve(&self, mut o: Operand) -> Operand {
        while let Operand::Value(v) = o {
            match self.get(v) {
                Some(next) => o = next,
                None => break,
            }
        }
        o
    }

    /// Whether the chain of replacements from `o` touches a label argument while the walk is
    /// still in the preamble.
    fn touches_label_arg(&self, mut o: Operand) -> bool {
        loop {
            match o {
                Operand::Value(v) => {
                    if self.is_rebound(v) {
                        return true;
                    }
                    match self.get(v) {
                        Some(next) => o = next,
                        None => return false,
                    }
                }
                _ => return false,
            }
        }
    }

    /// Rewrites an operation's arguments and snapshot operands. The label's arguments are
    /// left alone.
    pub fn rewrite(&mut self, op: &mut Op) {
        self.defining = op.result;
        if !self.any {
            return;
        }
        if op.opcode != Opcode::Label {
            for a in &mut op.args {
                *a = self.resolve(*a);
            }
        }
        if let Some(s) = &mut op.snapshot {
            // (Writing only where a substitution applies: a wide frame's snapshots are most
            // of a trace's operands, most of them inputs nothing replaces, and their virtual
            // descriptions are shared between guards until one changes.)
            let mut memo = std::mem::take(&mut self.memo);
            s.rewrite_uses(&mut memo, |o| match o {
                Operand::Value(v) => self.get(v).map(|r| self.resolve(r)),
                _ => None,
            });
            self.memo = memo;
        }
    }

    /// Records that later uses of `v` may use `with` instead. Returns whether the definition
    /// of `v` may be deleted: `false` in the preamble when `v` or what it resolves to is a
    /// label argument (the substitution only holds until the label).
    pub fn replace(&mut self, v: Value, with: Operand) -> bool {
        let with = self.resolve(with);
        if with == Operand::Value(v) {
            return false;
        }
        let deletable = self.past_label || !(self.is_rebound(v) || self.touches_label_arg(with));
        if Some(v) != self.defining {
            // A value that earlier snapshots may hold (not the one being defined, which no
            // snapshot seen so far can): their chunks' renamed copies no longer hold.
            self.memo.invalidate();
        }
        self.subst.insert(v, with);
        self.any = true;
        deletable
    }

    /// Call when the walk reaches the label: forgets substitutions that do not hold after it.
    pub fn enter_label(&mut self) {
        let drop: Vec<Value> = self.subst.keys().filter(|&v| self.touches_label_arg(Operand::Value(v))).collect();
        for v in drop {
            self.subst.remove(&v);
        }
        self.memo.invalidate();
        self.past_label = true;
    }

    /// Whether the walk has passed the label.
    pub fn past_label(&self) -> bool {
        self.past_label
    }

    /// Whether `v` is a label argument (names a different value after the label).
    pub fn is_rebound(&self, v: Value) -> bool {
        self.label_args.get(v.0 as usize).copied().unwrap_or(false)
    }

    /// Whether `o` is a label argument.
    pub fn is_rebound_operand(&self, o: Operand) -> bool {
        o.as_value().is_some_and(|v| self.is_rebound(v))
    }
}

/// A map from values to `T` kept as a table indexed by value number, for the facts a pass
/// looks up for every operand of every op and snapshot (a hash lookup per snapshot operand
/// was most of `virtualize`'s time on frames of a thousand values). Grows as values are
/// inserted; a value past the end has no entry.
#[derive(Clone, Debug)]
pub struct ValueMap<T> {
    slots: Vec<Option<T>>,
}

impl<T> Default for ValueMap<T> {
    fn default() -> Self {
        ValueMap { slots: Vec::new() }
    }
}

impl<T> ValueMap<T> {
    /// The entry of `v`, if any.
    pub fn get(&self, v: &Value) -> Option<&T> {
        self.slots.get(v.0 as usize).and_then(Option::as_ref)
    }
    /// The entry of `v`, if any, to change.
    pub fn get_mut(&mut self, v: &Value) -> Option<&mut T> {
        self.slots.get_mut(v.0 as usize).and_then(Option::as_mut)
    }
    /// Whether `v` has an entry.
    pub fn contains_key(&self, v: &Value) -> bool {
        self.get(v).is_some()
    }
    /// Sets the entry of `v`; returns the one it replaces.
    pub fn insert(&mut self, v: Value, x: T) -> Option<T> {
        let i = v.0 as usize;
        if i >= self.slots.len() {
            self.slots.resize_with(i + 1, || None);
        }
        self.slots[i].replace(x)
    }
    /// Removes the entry of `v`; returns it.
    pub fn remove(&mut self, v: &Value) -> Option<T> {
        self.slots.get_mut(v.0 as usize).and_then(Option::take)
    }
    /// The values that have an entry, in value order.
    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.slots.iter().enumerate().filter(|(_, x)| x.is_some()).map(|(k, _)| Value(k as u32))
    }
    /// Removes every entry.
    pub fn clear(&mut self) {
        self.slots.clear();
    }
}

impl<T> std::ops::Index<&Value> for ValueMap<T> {
    type Output = T;
    fn index(&self, v: &Value) -> &T {
        self.get(v).expect("a value with no entry")
    }
}

/// Whether `op` may run anywhere its arguments are defined. Every pure operation may but a
/// division (`int_floordiv`, `int_mod`) by anything other than a constant that is neither 0
/// nor -1, or (`uint_floordiv`, `uint_mod`) by anything other than a positive constant: its
/// preconditions (see the op table) hold only where the guards before it hold, and run
/// elsewhere it may trap. Passes that move or repeat pure operations (if-conversion, the short
/// preamble) ask this. (An unsigned form run where its dividend is negative does not trap,
/// but its value is not the signed form's: a pass that keeps such a value, as the short
/// preamble does, repeats the signed form.)
pub fn runs_anywhere(opcode: Opcode, args: &[Operand]) -> bool {
    match opcode {
        Opcode::IntFloorDiv | Opcode::IntMod => matches!(args.get(1), Some(Operand::Int(c)) if *c != 0 && *c != -1),
        Opcode::UintFloorDiv | Opcode::UintMod => matches!(args.get(1), Some(Operand::Int(c)) if *c > 0),
        o => o.is_pure(),
    }
}

/// Whether the opcode's integer result is always 0 or 1 (a comparison).
pub fn is_boolean(opcode: Opcode) -> bool {
    use Opcode::*;
    matches!(
        opcode,
        IntLt
            | IntLe
            | IntEq
            | IntNe
            | IntGt
            | IntGe
            | UintLt
            | IntIsZero
            | IntIsTrue
            | FloatLt
            | FloatLe
            | FloatEq
            | FloatNe
            | FloatGt
            | FloatGe
            | PtrEq
            | PtrNe
    )
}

/// Whether a call operation's descriptor says it is elidable (pure).
pub fn is_elidable_call(t: &Trace, op: &Op) -> bool {
    op.opcode.is_call() && t.call_descr(op).is_some_and(|c| c.effect == Effect::Elidable)
}

/// Whether an operation has no side effects and can be dropped when its result is unused:
/// pure operations, memory reads, and calls that are elidable or read-only.
pub fn is_removable(t: &Trace, op: &Op) -> bool {
    op.opcode.is_pure()
        || op.opcode.reads_memory()
        || (op.opcode.is_call()
            && op.result.is_some()
            && t.call_descr(op).is_some_and(|c| matches!(c.effect, Effect::Elidable | Effect::ReadOnly)))
}

/// The definitions seen so far in a forward walk: value -> (opcode, arguments).
pub type Defs = HashMap<Value, (Opcode, Vec<Operand>)>;

/// An integer operand as `base + offset` (wrapping), looking through `int_add`/`int_sub` of
/// constants defined in `defs`; a constant has no base. Two operands with the same base and
/// different offsets are different integers (modulo 2^64 too).
pub fn base_offset(o: Operand, defs: &Defs) -> (Option<Value>, i64) {
    let (mut base, mut offset) = (o, 0i64);
    // Chains are short (fold collapses them); the bound only guards against surprises.
    for _ in 0..16 {
        let Operand::Value(v) = base else { break };
        let step = match defs.get(&v) {
            Some((Opcode::IntAdd, args)) => match args.as_slice() {
                &[x, Operand::Int(c)] | &[Operand::Int(c), x] => Some((x, c)),
                _ => None,
            },
            Some((Opcode::IntSub, args)) => match args.as_slice() {
                &[x, Operand::Int(c)] => Some((x, c.wrapping_neg())),
                _ => None,
            },
            _ => None,
        };
        let Some((x, c)) = step else { break };
        base = x;
        offset = offset.wrapping_add(c);
    }
    match base {
        Operand::Int(c) => (None, offset.wrapping_add(c)),
        Operand::Value(v) => (Some(v), offset),
        _ => unreachable!("integer operands are values or integer constants"),
    }
}

#[cfg(test)]
mod value_map_tests {
    use super::ValueMap;
    use crate::ir::Value;

    #[test]
    fn a_value_map_keeps_entries_by_value_and_grows_as_values_come() {
        let mut m = ValueMap::default();
        assert_eq!(m.get(&Value(7)), None);
        assert_eq!(m.insert(Value(7), "a"), None);
        assert_eq!(m.insert(Value(7), "b"), Some("a"));
        assert!(m.contains_key(&Value(7)) && !m.contains_key(&Value(3)) && !m.contains_key(&Value(99)));
        assert_eq!(m[&Value(7)], "b");
        assert_eq!(m.remove(&Value(7)), Some("b"));
        assert_eq!(m.remove(&Value(7)), None);
        m.insert(Value(2), "c");
        m.insert(Value(5), "d");
        assert_eq!(m.keys().collect::<Vec<_>>(), [Value(2), Value(5)]);
        m.clear();
        assert_eq!(m.get(&Value(2)), None);
    }
}
