//! Integer range analysis: removes overflow checks and comparisons whose outcome is known, and
//! simplifies divisions by constants by what it knows of their dividends.
//!
//! One forward walk that keeps an interval `[lo, hi]` for integer values (absent means the
//! full 64-bit range). Intervals come from:
//! - constants (`[c, c]`), comparisons and `int_is_zero`/`int_is_true` (`[0, 1]`);
//! - arithmetic on intervals: `int_add`/`int_sub`/`int_mul` when no wrap is possible,
//!   `int_neg`, `int_and` with a non-negative side (`[0, that side's hi]`), `int_or`/`int_xor`
//!   of non-negative values, `int_floordiv` and `uint_floordiv` by a positive constant,
//!   `int_mod` and `uint_mod` by a positive constant (`[0, c - 1]`), `int_rshift` by a
//!   constant, and the checked result of an overflow-checked operation that passed its
//!   `guard_no_overflow`; `int_select` (the smallest interval holding both arms);
//! - memory reads of narrow integers (`u8`, `i8`, `u32`, `i32`) and `arraylen` (`>= 0`);
//! - guards that passed: `guard_true(int_lt(a, b))` means `a.hi <= b.hi - 1` and
//!   `b.lo >= a.lo + 1`, likewise for `le`, `gt`, `ge`, `eq`, `ne`, `uint_lt` (with a
//!   non-negative bound), `int_is_zero`, `int_is_true`, and negated for `guard_false`;
//!   `guard_value(x, c)` means `[c, c]`; `guard_true(x)` excludes 0, `guard_false(x)` is 0.
//!
//! Uses:
//! - a comparison (or `int_is_zero`/`int_is_true`) whose outcome the intervals decide is
//!   replaced by 0 or 1 everywhere after it;
//! - an overflow-checked `int_add_ovf`/`int_sub_ovf`/`int_mul_ovf` followed by
//!   `guard_no_overflow` whose exact result interval fits in 64 bits becomes the unchecked
//!   operation and its guard is deleted. One that always overflows, or is followed by
//!   `guard_overflow`, is left alone;
//! - `guard_true`/`guard_false` on a value whose interval decides that the guard passes is
//!   removed (one that would always fail is kept);
//! - `int_mod(x, c)` and `int_floordiv(x, c)` by a constant `c > 0` whose dividend is known
//!   to lie in `[0, c - 1]` are `x` and 0 (a value reduced `% c` again, or by a smaller
//!   modulus first: `x % 10007 % 100003`), and of a dividend known exactly, the constant;
//!   by a constant `c >= 2` of a dividend known not to be negative (a loop counter, a hash
//!   reduced before), they become `uint_mod` and `uint_floordiv`, whose code has no sign to
//!   round for (the backend's `int_mod` by a constant branches on the dividend's sign).
//!
//! Facts about values defined before the label (in the preamble) stay true in the loop body.
//! The label's arguments name new values on every iteration (see `util.rs`), so their ranges
//! come from an induction over the iterations instead: an assumed range per label argument
//! holds on entry if it contains what the preamble knows at the label, and is kept by the loop
//! body if it contains what the body passes in that position at the `jump`. The assumption
//! starts as the preamble's ranges; a trial walk of the loop body (on a copy) gives the jump's
//! ranges; where one is not contained, the assumption is widened — a bound that moved goes
//! all the way to the 64-bit limit in that direction — and the trial repeats, until the
//! assumption holds (at most three widenings per argument, so a few rounds; if it still does
//! not hold, the label's arguments get the full range, as the body's first walk had). A loop
//! counter that starts at 0 and grows is `[0, MAX]`, a value reduced `% c` every iteration
//! stays `[0, c - 1]`, and the body's overflow checks on them can go.
//!
//! An interval that a guard would make empty (the guard always fails) is not recorded. Not
//! done: relations between values (`a < b` as a fact rather than as intervals), or ranges of
//! floats.

use super::util::{is_boolean, Defs, Rewriter};
use crate::ir::*;
use rustc_hash::FxHashMap as HashMap;

/// A closed interval of 64-bit integers, `lo <= hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    lo: i64,
    hi: i64,
}

const FULL: Range = Range { lo: i64::MIN, hi: i64::MAX };
const BOOL: Range = Range { lo: 0, hi: 1 };

impl Range {
    fn new(lo: i64, hi: i64) -> Range {
        Range { lo, hi }
    }
    fn point(c: i64) -> Range {
        Range { lo: c, hi: c }
    }
    /// The exact range of an `i128` interval, if it fits in 64 bits.
    fn from_wide(lo: i128, hi: i128) -> Option<Range> {
        (lo >= i64::MIN as i128 && hi <= i64::MAX as i128).then(|| Range::new(lo as i64, hi as i64))
    }
    /// The part of an `i128` interval inside 64 bits, if any.
    fn clamp_wide(lo: i128, hi: i128) -> Option<Range> {
        let lo = lo.max(i64::MIN as i128);
        let hi = hi.min(i64::MAX as i128);
        (lo <= hi).then(|| Range::new(lo as i64, hi as i64))
    }
    fn intersect(self, o: Range) -> Option<Range> {
        let (lo, hi) = (self.lo.max(o.lo), self.hi.min(o.hi));
        (lo <= hi).then_some(Range::new(lo, hi))
    }
    fn contains(self, c: i64) -> bool {
        self.lo <= c && c <= self.hi
    }
    /// This range without the value `c`, as far as an interval can say it.
    fn without(self, c: i64) -> Option<Range> {
        if self.lo == c && self.hi == c {
            None
        } else if self.lo == c {
            Some(Range::new(c + 1, self.hi))
        } else if self.hi == c {
            Some(Range::new(self.lo, c - 1))
        } else {
            Some(self)
        }
    }
}

/// The exact (`i128`) interval of `a op b`.
fn wide(opcode: Opcode, a: Range, b: Range) -> Option<(i128, i128)> {
    let (al, ah, bl, bh) = (a.lo as i128, a.hi as i128, b.lo as i128, b.hi as i128);
    match opcode {
        Opcode::IntAdd | Opcode::IntAddOvf => Some((al + bl, ah + bh)),
        Opcode::IntSub | Opcode::IntSubOvf => Some((al - bh, ah - bl)),
        Opcode::IntMul | Opcode::IntMulOvf => {
            let c = [al * bl, al * bh, ah * bl, ah * bh];
            Some((*c.iter().min().unwrap(), *c.iter().max().unwrap()))
        }
        _ => None,
    }
}

#[derive(Clone)]
struct State {
    ranges: HashMap<Value, Range>,
    defs: Defs,
}

impl State {
    fn get(&self, o: Operand) -> Range {
        match o {
            Operand::Int(c) => Range::point(c),
            Operand::Value(v) => self.ranges.get(&v).copied().unwrap_or(FULL),
            _ => FULL,
        }
    }

    /// Narrows the range of `o` (if it is a value) to `r`; ignores an empty result.
    fn narrow(&mut self, o: Operand, r: Option<Range>) {
        if let (Operand::Value(v), Some(r)) = (o, r) {
            if let Some(n) = self.get(o).intersect(r) {
                self.ranges.insert(v, n);
            }
        }
    }

    /// Records that `a < b` holds.
    fn learn_lt(&mut self, a: Operand, b: Operand) {
        let (ra, rb) = (self.get(a), self.get(b));
        if rb.hi > i64::MIN {
            self.narrow(a, Some(Range::new(i64::MIN, rb.hi - 1)));
        }
        if ra.lo < i64::MAX {
            self.narrow(b, Some(Range::new(ra.lo + 1, i64::MAX)));
        }
    }

    /// Records that `a <= b` holds.
    fn learn_le(&mut self, a: Operand, b: Operand) {
        let (ra, rb) = (self.get(a), self.get(b));
        self.narrow(a, Some(Range::new(i64::MIN, rb.hi)));
        self.narrow(b, Some(Range::new(ra.lo, i64::MAX)));
    }

    /// Records that the comparison `opcode(args)` has the value `truth`.
    fn learn(&mut self, opcode: Opcode, args: &[Operand], truth: bool) {
        use Opcode::*;
        match (opcode, args, truth) {
            (IntLt, &[a, b], true) | (IntGe, &[a, b], false) => self.learn_lt(a, b),
            (IntLt, &[a, b], false) | (IntGe, &[a, b], true) => self.learn_le(b, a),
            (IntLe, &[a, b], true) | (IntGt, &[a, b], false) => self.learn_le(a, b),
            (IntLe, &[a, b], false) | (IntGt, &[a, b], true) => self.learn_lt(b, a),
            (IntEq, &[a, b], true) | (IntNe, &[a, b], false) => {
                let (ra, rb) = (self.get(a), self.get(b));
                self.narrow(a, Some(rb));
                self.narrow(b, Some(ra));
            }
            (IntEq, &[a, b], false) | (IntNe, &[a, b], true) => {
                let (ra, rb) = (self.get(a), self.get(b));
                if ra.lo == ra.hi {
                    self.narrow(b, rb.without(ra.lo));
                }
                if rb.lo == rb.hi {
                    self.narrow(a, ra.without(rb.lo));
                }
            }
            // Unsigned a < b with b >= 0 means 0 <= a < b.
            (UintLt, &[a, b], true) if self.get(b).lo >= 0 => {
                self.narrow(a, Some(Range::new(0, i64::MAX)));
                self.learn_lt(a, b);
            }
            (UintLt, &[a, b], false) if self.get(a).lo >= 0 && self.get(b).lo >= 0 => self.learn_le(b, a),
            (IntIsZero, &[x], true) | (IntIsTrue, &[x], false) => self.narrow(x, Some(Range::point(0))),
            (IntIsZero, &[x], false) | (IntIsTrue, &[x], true) => {
                let r = self.get(x).without(0);
                self.narrow(x, r);
            }
            _ => {}
        }
    }

    /// The outcome of a comparison, if the intervals decide it.
    fn decide(&self, opcode: Opcode, args: &[Operand]) -> Option<bool> {
        use Opcode::*;
        let a = self.get(*args.first()?);
        if args.len() == 1 {
            let zero = if a == Range::point(0) {
                Some(true)
            } else if !a.contains(0) {
                Some(false)
            } else {
                None
            };
            return match opcode {
                IntIsZero => zero,
                IntIsTrue => zero.map(|z| !z),
                _ => None,
            };
        }
        let b = self.get(args[1]);
        let lt = |a: Range, b: Range| {
            if a.hi < b.lo {
                Some(true)
            } else if a.lo >= b.hi {
                Some(false)
            } else {
                None
            }
        };
        let le = |a: Range, b: Range| lt(b, a).map(|x| !x);
        let eq = || {
            if a.lo == a.hi && a == b {
                Some(true)
            } else if a.intersect(b).is_none() {
                Some(false)
            } else {
                None
            }
        };
        match opcode {
            IntLt => lt(a, b),
            IntLe => le(a, b),
            IntGt => lt(b, a),
            IntGe => le(b, a),
            IntEq => eq(),
            IntNe => eq().map(|x| !x),
            UintLt if a.lo >= 0 && b.lo >= 0 => lt(a, b),
            _ => None,
        }
    }

    /// What an `int_mod` or `int_floordiv` (or their unsigned forms) by a constant `c > 0` is
    /// when its dividend's interval says: the dividend itself and 0 for one in `[0, c - 1]`, the
    /// folded constant for one known exactly.
    fn within_divisor(&self, op: &Op) -> Option<Operand> {
        use Opcode::*;
        if !matches!(op.opcode, IntMod | IntFloorDiv | UintMod | UintFloorDiv) {
            return None;
        }
        let c = op.args[1].as_int().filter(|&c| c > 0)?;
        let x = self.get(op.args[0]);
        let (is_mod, point) = (matches!(op.opcode, IntMod | UintMod), x.lo == x.hi);
        Some(match (is_mod, point) {
            (true, true) => Operand::Int(x.lo.rem_euclid(c)),
            (false, true) => Operand::Int(x.lo.div_euclid(c)),
            (true, false) if x.lo >= 0 && x.hi < c => op.args[0],
            (false, false) if x.lo >= 0 && x.hi < c => Operand::Int(0),
            _ => return None,
        })
    }

    /// The unsigned form of an `int_mod` or `int_floordiv` by a constant `c >= 2` whose
    /// dividend is known not to be negative.
    fn unsigned(&self, op: &Op) -> Option<Opcode> {
        let unsigned = match op.opcode {
            Opcode::IntMod => Opcode::UintMod,
            Opcode::IntFloorDiv => Opcode::UintFloorDiv,
            _ => return None,
        };
        let nonneg = op.args[1].as_int().is_some_and(|c| c >= 2) && self.get(op.args[0]).lo >= 0;
        nonneg.then_some(unsigned)
    }

    /// The interval of an operation's result (full if nothing is known).
    fn result_range(&self, t: &Trace, op: &Op) -> Range {
        use Opcode::*;
        let arg = |k: usize| self.get(op.args[k]);
        let const_arg = |k: usize| op.args[k].as_int();
        match op.opcode {
            o if is_boolean(o) => BOOL,
            IntAdd | IntSub | IntMul => {
                wide(op.opcode, arg(0), arg(1)).and_then(|(lo, hi)| Range::from_wide(lo, hi)).unwrap_or(FULL)
            }
            IntNeg if arg(0).lo > i64::MIN => Range::new(-arg(0).hi, -arg(0).lo),
            IntAnd => match (arg(0), arg(1)) {
                (a, b) if a.lo >= 0 && b.lo >= 0 => Range::new(0, a.hi.min(b.hi)),
                (a, _) if a.lo >= 0 => Range::new(0, a.hi),
                (_, b) if b.lo >= 0 => Range::new(0, b.hi),
                _ => FULL,
            },
            IntOr | IntXor if arg(0).lo >= 0 && arg(1).lo >= 0 => {
                let m = arg(0).hi.max(arg(1).hi) as u64;
                let bits = 64 - m.leading_zeros();
                Range::new(0, if bits >= 63 { i64::MAX } else { (1i64 << bits) - 1 })
            }
            IntFloorDiv | UintFloorDiv => match const_arg(1) {
                Some(c) if c > 0 => Range::new(arg(0).lo.div_euclid(c), arg(0).hi.div_euclid(c)),
                _ => FULL,
            },
            IntMod | UintMod => match const_arg(1) {
                Some(c) if c > 0 => Range::new(0, c - 1),
                _ => FULL,
            },
            IntRshift => match const_arg(1) {
                Some(k) if (0..64).contains(&k) => Range::new(arg(0).lo >> k, arg(0).hi >> k),
                _ => FULL,
            },
            IntSelect => Range::new(arg(1).lo.min(arg(2).lo), arg(1).hi.max(arg(2).hi)),
            Arraylen => Range::new(0, i64::MAX),
            GetfieldI | GetarrayitemI => {
                let kind = op.descr.map(|d| match &t.descr(d).kind {
                    DescrKind::Field(f) => f.kind,
                    DescrKind::Array(a) => a.kind,
                    DescrKind::Call(_) | DescrKind::Size(_) => MemKind::I64,
                });
                match kind {
                    Some(MemKind::U8) => Range::new(0, u8::MAX as i64),
                    Some(MemKind::I8) => Range::new(i8::MIN as i64, i8::MAX as i64),
                    Some(MemKind::U32) => Range::new(0, u32::MAX as i64),
                    Some(MemKind::I32) => Range::new(i32::MIN as i64, i32::MAX as i64),
                    _ => FULL,
                }
            }
            _ => FULL,
        }
    }
}

/// Runs range analysis over the trace.
pub fn run(t: &mut Trace) {
    let assumed = loop_ranges(t);
    // What the loop body is about to rely on, kept for an entry at the label (`short.rs`).
    for (&v, r) in &assumed {
        match t.label_ranges.iter_mut().find(|e| e.0 == v) {
            Some(e) => *e = (v, e.1.max(r.lo), e.2.min(r.hi)),
            None => t.label_ranges.push((v, r.lo, r.hi)),
        }
    }
    walk(t, &assumed, None);
}

/// The ranges a bridge from guard number `g` of the compiled trace `t` may assume for the
/// values in the guard's snapshot (non-full ranges only): what the walk knows at the guard,
/// plus what its failing says (`guard_true(int_lt(a, b))` failed: `a >= b`). In the loop
/// body, the label's arguments have the ranges every entry guarantees (`t.label_ranges`:
/// proven by induction for the preamble, checked by entries at the label).
pub fn at_failed_guard(t: &Trace, g: usize) -> HashMap<Value, (i64, i64)> {
    let assumed = t.label_ranges.iter().map(|&(v, lo, hi)| (v, Range::new(lo, hi))).collect();
    dry_walk(t, &assumed, Some(g)).at_stop.unwrap_or_default()
}

/// The ranges known at the label of a peeled loop for values defined before it, as the loop
/// body may rely on them (for an entry at the label: see `short.rs`), in value order.
pub fn known_at_label(t: &Trace) -> Vec<(Value, i64, i64)> {
    let assumed = loop_ranges(t);
    let mut known: Vec<(Value, i64, i64)> = dry_walk(t, &assumed, None)
        .known
        .into_iter()
        .filter(|(_, r)| *r != FULL)
        .map(|(v, r)| (v, r.lo, r.hi))
        .collect();
    known.sort_unstable_by_key(|e| e.0 .0);
    known
}

/// The ranges the label's arguments may be assumed to have on every iteration (see the module
/// docs); empty if the trace has no loop body.
fn loop_ranges(t: &Trace) -> HashMap<Value, Range> {
    let Some(li) = t.label_index() else { return HashMap::default() };
    if t.ops.last().is_none_or(|op| op.opcode != Opcode::Jump) {
        return HashMap::default();
    }
    let slots: Vec<Option<Value>> = t.ops[li].args.iter().map(|a| a.as_value()).collect();
    let mut assumed: HashMap<Value, Range> = HashMap::default();
    let mut first = true;
    for _round in 0..8 {
        let Seen { at_label, at_jump, .. } = dry_walk(t, &assumed, None);
        if first {
            // The preamble's knowledge at the label is where every assumption starts.
            for (k, v) in slots.iter().enumerate() {
                if let Some(v) = *v {
                    assumed.insert(v, at_label[k]);
                }
            }
            first = false;
            continue;
        }
        let mut holds = true;
        for (k, v) in slots.iter().enumerate() {
            let Some(v) = *v else { continue };
            let r = assumed[&v];
            let j = at_jump[k];
            if j.lo < r.lo || j.hi > r.hi {
                holds = false;
                let lo = if j.lo < r.lo { i64::MIN } else { r.lo };
                let hi = if j.hi > r.hi { i64::MAX } else { r.hi };
                assumed.insert(v, Range::new(lo, hi));
            }
        }
        if holds {
            assumed.retain(|_, r| *r != FULL);
            return assumed;
        }
    }
    HashMap::default()
}

/// What a walk saw: the ranges of the label's arguments as the preamble leaves them, and of
/// the jump's arguments (per position; full where unknown or absent); every range known
/// at the label; and, when asked to stop at a guard, the ranges of its snapshot's values if
/// it fails (see [`at_failed_guard`]).
struct Seen {
    known: HashMap<Value, Range>,
    at_label: Vec<Range>,
    at_jump: Vec<Range>,
    at_stop: Option<HashMap<Value, (i64, i64)>>,
}

/// What is known of the values of `op`'s snapshot when guard `op` fails, from the walk's
/// state just before it (`prev`: the result of the operation before it).
fn failed(st: &State, rw: &Rewriter, op: &Op, prev: Option<Value>) -> HashMap<Value, (i64, i64)> {
    let mut st = st.clone();
    match op.opcode {
        Opcode::GuardTrue | Opcode::GuardFalse => {
            let x = rw.resolve(op.args[0]);
            let failed_truth = op.opcode == Opcode::GuardFalse;
            if failed_truth {
                st.narrow(x, st.get(x).without(0));
            } else {
                st.narrow(x, Some(Range::point(0)));
            }
            if let Some((opcode, args)) = x.as_value().and_then(|v| st.defs.get(&v)).cloned() {
                st.learn(opcode, &args, failed_truth);
            }
        }
        Opcode::GuardNoOverflow | Opcode::GuardOverflow => {
            // The checked result's range held only if the check passed.
            if let Some(r) = prev {
                st.ranges.remove(&r);
            }
        }
        _ => {}
    }
    let mut out = HashMap::default();
    for o in op.snapshot.iter().flat_map(|s| s.operands()) {
        if let Operand::Value(v) = *o {
            let r = st.get(rw.resolve(*o));
            if r != FULL {
                out.insert(v, (r.lo, r.hi));
            }
        }
    }
    out
}

/// The pass proper, assuming the label's arguments have the `assumed` ranges in the loop body;
/// with `stop`, also what is known when guard number `stop` fails (`Seen::at_stop`).
fn walk(t: &mut Trace, assumed: &HashMap<Value, Range>, stop: Option<usize>) -> Seen {
    let stop_at = guard_index(t, stop);
    let rw = Rewriter::new(t);
    let old = std::mem::take(&mut t.ops);
    let mut out: Vec<Op> = Vec::with_capacity(old.len());
    let seen = walk_ops(t, rw, old.into_iter(), Some(&mut out), assumed, stop_at);
    t.ops = out;
    seen
}

/// A walk that only looks: what [`walk`] would see, without rewriting `t`. The operations it
/// goes through are copies without snapshots (the walk's facts never come from snapshots),
/// except the guard it stops at, whose snapshot's values [`failed`] reports on.
fn dry_walk(t: &Trace, assumed: &HashMap<Value, Range>, stop: Option<usize>) -> Seen {
    let stop_at = guard_index(t, stop);
    let bare = |(i, op): (usize, &Op)| if Some(i) == stop_at { op.clone() } else { op.without_snapshot() };
    walk_ops(t, Rewriter::new(t), t.ops.iter().enumerate().map(bare), None, assumed, stop_at)
}

/// The index of guard number `g` among `t`'s operations.
fn guard_index(t: &Trace, g: Option<usize>) -> Option<usize> {
    g.and_then(|g| t.ops.iter().enumerate().filter(|(_, o)| o.opcode.is_guard()).nth(g).map(|(i, _)| i))
}

/// The walk over `ops` (the trace's operations, in order; `t` gives types and descrs), keeping
/// the rewritten operations in `out` if given.
fn walk_ops(
    t: &Trace,
    mut rw: Rewriter,
    ops: impl Iterator<Item = Op>,
    mut out: Option<&mut Vec<Op>>,
    assumed: &HashMap<Value, Range>,
    stop_at: Option<usize>,
) -> Seen {
    let mut seen = Seen { known: HashMap::default(), at_label: Vec::new(), at_jump: Vec::new(), at_stop: None };
    let mut st = State { ranges: HashMap::default(), defs: Defs::default() };
    let mut prev: Option<Value> = None;
    let mut ops = ops.enumerate().peekable();
    while let Some((i, mut op)) = ops.next() {
        if Some(i) == stop_at {
            seen.at_stop = Some(failed(&st, &rw, &op, prev));
        }
        if op.opcode == Opcode::Label {
            seen.at_label = op.args.iter().map(|&a| st.get(rw.resolve(a))).collect();
            seen.known = st.ranges.clone();
            rw.enter_label();
            st.ranges.retain(|&v, _| !rw.is_rebound(v));
            st.ranges.extend(assumed.iter().map(|(&v, &r)| (v, r)));
            st.defs.retain(|&v, (_, args)| !rw.is_rebound(v) && !args.iter().any(|&a| rw.is_rebound_operand(a)));
        }
        rw.rewrite(&mut op);
        if op.opcode == Opcode::Jump {
            seen.at_jump = op.args.iter().map(|&a| st.get(a)).collect();
        }
        match op.opcode {
            Opcode::GuardTrue | Opcode::GuardFalse => {
                let truth = op.opcode == Opcode::GuardTrue;
                let x = op.args[0];
                let r = st.get(x);
                let passes = if truth { !r.contains(0) } else { r == Range::point(0) };
                if passes {
                    continue;
                }
                if truth {
                    st.narrow(x, r.without(0));
                } else {
                    st.narrow(x, Some(Range::point(0)));
                }
                if let Some((opcode, args)) = x.as_value().and_then(|v| st.defs.get(&v)).cloned() {
                    st.learn(opcode, &args, truth);
                }
            }
            Opcode::GuardValue => {
                if let (Some(_), Some(c)) = (op.args[0].as_value(), op.args[1].as_int()) {
                    st.narrow(op.args[0], Some(Range::point(c)));
                }
            }
            Opcode::RecordKnownRange => {
                // Kept (it emits nothing) so that the pipeline's second range walk knows it too.
                if let [x, Operand::Int(lo), Operand::Int(hi)] = op.args[..] {
                    if lo <= hi {
                        st.narrow(x, Some(Range::new(lo, hi)));
                    }
                }
            }
            _ => {}
        }
        if let Some(r) = op.result {
            if t.type_of(r) == Type::Int {
                if let Some(twin) = op.opcode.without_ovf() {
                    let guarded = ops.peek().is_some_and(|(_, g)| g.opcode == Opcode::GuardNoOverflow);
                    let (lo, hi) = wide(op.opcode, st.get(op.args[0]), st.get(op.args[1])).unwrap();
                    if guarded {
                        if let Some(exact) = Range::from_wide(lo, hi) {
                            op.opcode = twin; // cannot overflow
                            ops.next();
                            st.ranges.insert(r, exact);
                        } else if let Some(part) = Range::clamp_wide(lo, hi) {
                            st.ranges.insert(r, part); // if the guard passes
                        }
                    }
                } else {
                    let decided = if is_boolean(op.opcode) { st.decide(op.opcode, &op.args) } else { None };
                    if let Some(b) = decided {
                        if rw.replace(r, Operand::Int(b as i64)) {
                            continue;
                        }
                        st.ranges.insert(r, Range::point(b as i64));
                    } else if let Some(with) = st.within_divisor(&op) {
                        let range = st.get(with);
                        if rw.replace(r, with) {
                            continue;
                        }
                        st.ranges.insert(r, range);
                    } else {
                        if let Some(unsigned) = st.unsigned(&op) {
                            op.opcode = unsigned;
                        }
                        let range = st.result_range(t, &op);
                        if range != FULL {
                            st.ranges.insert(r, range);
                        }
                    }
                }
                st.defs.insert(r, (op.opcode, op.args.clone()));
            }
        }
        prev = op.result;
        if let Some(out) = out.as_deref_mut() {
            out.push(op);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn bounds(input: &str, expected: &str) {
        check(run, input, expected);
    }

    #[test]
    fn a_recorded_range_is_a_fact_that_stays() {
        // A bridge's inherited range (see `inherit.rs`): the op stays for the next walk, emits
        // no code, and decides the comparison and the overflow check; an empty one is ignored.
        bounds(
            "inputs(i0, i1)\nrecord_known_range(i0, 0, 999)\nrecord_known_range(i1, 5, 1)\ni2 = int_add_ovf(i0, 1)\n\
             guard_no_overflow() [k: i0]\ni3 = int_le(i2, 1000)\nguard_true(i3) [k: i2]\ni4 = int_lt(i1, 3)\n\
             guard_true(i4) [k: i2]\nfinish(i2)\n",
            "inputs(i0, i1)\nrecord_known_range(i0, 0, 999)\nrecord_known_range(i1, 5, 1)\ni2 = int_add(i0, 1)\n\
             i4 = int_lt(i1, 3)\nguard_true(i4) [k: i2]\nfinish(i2)\n",
        );
    }

    #[test]
    fn loop_carried_ranges_hold_by_induction() {
        // h stays in [0, 1000002] (the preamble's `% 1000003`, and the body's), so h * 31 and
        // h * 31 + 7 cannot overflow; the counter i starts at 0 and only grows, so it is
        // [0, MAX] and `i - 1` cannot overflow either, while `i + 1` still can.
        bounds(
            "inputs(i0, i1)\ni2 = int_mod(i0, 1000003)\nlabel(i2, 0)\ni3 = int_mul_ovf(i2, 31)\nguard_no_overflow() [k: i2]\n\
             i4 = int_add_ovf(i3, 7)\nguard_no_overflow() [k: i2]\ni5 = int_mod(i4, 1000003)\ni6 = int_sub_ovf(0, 1)\n\
             guard_no_overflow() [k: i2]\njump(i5, 0)\n",
            "inputs(i0, i1)\ni2 = int_mod(i0, 1000003)\nlabel(i2, 0)\ni3 = int_mul(i2, 31)\ni4 = int_add(i3, 7)\n\
             i5 = uint_mod(i4, 1000003)\ni6 = int_sub(0, 1)\njump(i5, 0)\n",
        );
        bounds(
            "inputs(i0)\ni1 = int_add(0, 0)\nlabel(i1)\ni2 = int_sub_ovf(i1, 1)\nguard_no_overflow() [k: i1]\n\
             i3 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i1]\njump(i3)\n",
            "inputs(i0)\ni1 = int_add(0, 0)\nlabel(i1)\ni2 = int_sub(i1, 1)\n\
             i3 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i1]\njump(i3)\n",
        );
    }

    #[test]
    fn a_remainder_of_a_dividend_below_the_divisor_is_the_dividend() {
        // i2 is in [0, 10006], so `% 100003` leaves it as it is and `// 100003` is 0; i4,
        // reduced by the same modulus again, is i3; a known dividend folds. A dividend that
        // may be negative (i0) keeps its operation, one that may reach the divisor (i2 % 5000)
        // takes its unsigned form.
        bounds(
            "inputs(i0)\ni2 = int_mod(i0, 10007)\ni3 = int_mod(i2, 100003)\ni4 = int_mod(i3, 100003)\n\
             i5 = int_floordiv(i2, 100003)\ni6 = int_mod(i2, 5000)\ni7 = int_add(i0, i4)\ni8 = int_add(i7, i5)\n\
             i9 = int_mod(-7, 3)\ni10 = int_floordiv(-7, 3)\nfinish(i8, i6, i9, i10)\n",
            "inputs(i0)\ni2 = int_mod(i0, 10007)\ni6 = uint_mod(i2, 5000)\ni7 = int_add(i0, i2)\n\
             i8 = int_add(i7, 0)\nfinish(i8, i6, 2, -3)\n",
        );
    }

    #[test]
    fn a_remainder_of_a_dividend_not_negative_is_unsigned() {
        // i2 and the loop counter i3 (0 and up, by induction over the label) are not negative:
        // their `%` and `//` by constants become the unsigned forms; i0's may be negative, and
        // by a variable divisor the form stays.
        bounds(
            "inputs(i0, i1)\ni2 = int_mod(i0, 1000)\ni4 = int_mod(i2, 7)\ni5 = int_floordiv(i2, 7)\n\
             i6 = int_mod(i0, 7)\ni7 = int_mod(i2, i1)\ni3 = int_add(0, 0)\nlabel(i3, i2)\ni8 = int_mod(i3, 3)\n\
             i9 = int_add_ovf(i3, 1)\nguard_no_overflow() [k: i3]\njump(i9, i2)\n",
            "inputs(i0, i1)\ni2 = int_mod(i0, 1000)\ni4 = uint_mod(i2, 7)\ni5 = uint_floordiv(i2, 7)\n\
             i6 = int_mod(i0, 7)\ni7 = int_mod(i2, i1)\ni3 = int_add(0, 0)\nlabel(i3, i2)\ni8 = uint_mod(i3, 3)\n\
             i9 = int_add_ovf(i3, 1)\nguard_no_overflow() [k: i3]\njump(i9, i2)\n",
        );
    }

    #[test]
    fn an_assumption_the_body_breaks_is_widened() {
        // i starts at 5 but the body passes i - 3 on: no lower bound, so i - 3 keeps its
        // check; the upper bound 5 holds (i only shrinks), so i + 10 cannot overflow.
        bounds(
            "inputs(i0)\ni1 = int_add(0, 5)\nlabel(i1)\ni2 = int_add_ovf(i1, 10)\nguard_no_overflow() [k: i1]\n\
             i3 = int_sub_ovf(i1, 3)\nguard_no_overflow() [k: i1]\njump(i3)\n",
            "inputs(i0)\ni1 = int_add(0, 5)\nlabel(i1)\ni2 = int_add(i1, 10)\n\
             i3 = int_sub_ovf(i1, 3)\nguard_no_overflow() [k: i1]\njump(i3)\n",
        );
    }

    #[test]
    fn a_selection_lies_between_its_arms() {
        // count + select(c, 1, 0) with count < 1000 cannot overflow (if-conversion's form of
        // `if c: count += 1`, see `ifconv.rs`); select(c, i0, MAX) + 1 may overflow (the arm MAX), so it keeps its check.
        bounds(
            "inputs(i0, i1)\ni2 = int_lt(i0, 1000)\nguard_true(i2) [k: i0]\ni3 = int_select(i1, 1, 0)\n\
             i4 = int_add_ovf(i0, i3)\nguard_no_overflow() [k: i0]\ni5 = int_select(i1, i0, 9223372036854775807)\n\
             i6 = int_add_ovf(i5, 1)\nguard_no_overflow() [k: i0]\nfinish(i4, i6)\n",
            "inputs(i0, i1)\ni2 = int_lt(i0, 1000)\nguard_true(i2) [k: i0]\ni3 = int_select(i1, 1, 0)\n\
             i4 = int_add(i0, i3)\ni5 = int_select(i1, i0, 9223372036854775807)\n\
             i6 = int_add_ovf(i5, 1)\nguard_no_overflow() [k: i0]\nfinish(i4, i6)\n",
        );
    }

    #[test]
    fn counting_loop_to_a_constant_drops_the_overflow_check() {
        bounds(
            "inputs(i0)\ni1 = int_lt(i0, 100)\nguard_true(i1) [k: i0]\ni2 = int_add_ovf(i0, 1)\n\
             guard_no_overflow() [k: i0]\njump(i2)\n",
            "inputs(i0)\ni1 = int_lt(i0, 100)\nguard_true(i1) [k: i0]\ni2 = int_add(i0, 1)\njump(i2)\n",
        );
    }

    #[test]
    fn counting_loop_to_an_unknown_bound() {
        // i0 < i1 <= MAX, so i0 + 1 cannot overflow; i0 - 1 can.
        bounds(
            "inputs(i0, i1)\ni2 = int_lt(i0, i1)\nguard_true(i2) [k: i0]\ni3 = int_add_ovf(i0, 1)\n\
             guard_no_overflow() [k: i0]\ni4 = int_sub_ovf(i0, 1)\nguard_no_overflow() [k: i0]\njump(i3, i4)\n",
            "inputs(i0, i1)\ni2 = int_lt(i0, i1)\nguard_true(i2) [k: i0]\ni3 = int_add(i0, 1)\n\
             i4 = int_sub_ovf(i0, 1)\nguard_no_overflow() [k: i0]\njump(i3, i4)\n",
        );
    }

    #[test]
    fn guard_false_gives_the_negated_fact() {
        // not (i0 < 0) and not (i0 > 1000): 0 <= i0 <= 1000, so i0 * i0 fits.
        bounds(
            "inputs(i0)\ni1 = int_lt(i0, 0)\nguard_false(i1) [k: i0]\ni2 = int_gt(i0, 1000)\nguard_false(i2) [k: i0]\n\
             i3 = int_mul_ovf(i0, i0)\nguard_no_overflow() [k: i0]\ni4 = int_sub_ovf(i0, 1)\nguard_no_overflow() [k: i0]\n\
             finish(i3, i4)\n",
            "inputs(i0)\ni1 = int_lt(i0, 0)\nguard_false(i1) [k: i0]\ni2 = int_gt(i0, 1000)\nguard_false(i2) [k: i0]\n\
             i3 = int_mul(i0, i0)\ni4 = int_sub(i0, 1)\nfinish(i3, i4)\n",
        );
    }

    #[test]
    fn known_comparisons_fold_and_their_guards_go() {
        bounds(
            "inputs(i0)\ni1 = int_le(i0, 10)\nguard_true(i1) [k: i0]\ni2 = int_lt(i0, 20)\nguard_true(i2) [k: i0]\n\
             i3 = int_ge(i0, 11)\ni4 = int_ne(i0, 11)\nfinish(i3, i4)\n",
            "inputs(i0)\ni1 = int_le(i0, 10)\nguard_true(i1) [k: i0]\nfinish(0, 1)\n",
        );
    }

    #[test]
    fn and_mask_and_narrow_reads() {
        bounds(
            "descr b = array u8 base=0\ninputs(i0, p1)\ni2 = int_and(i0, 255)\ni3 = getarrayitem_i(p1, i0, descr=b)\n\
             i4 = int_add_ovf(i2, i3)\nguard_no_overflow() [k: i0]\ni5 = int_lt(i4, 511)\ni6 = int_is_zero(i2)\nfinish(i4, i5, i6)\n",
            "descr b = array u8 base=0\ninputs(i0, p1)\ni2 = int_and(i0, 255)\ni3 = getarrayitem_i(p1, i0, descr=b)\n\
             i4 = int_add(i2, i3)\ni5 = int_is_zero(i2)\nfinish(i4, 1, i5)\n",
        );
    }

    #[test]
    fn uint_lt_bounds_check() {
        // 0 <= i0 < i1 with i1 = arraylen: i0 + 1 cannot overflow, i0 >= 0.
        bounds(
            "descr a = array i64 base=16 len=+8\ninputs(i0, p1)\ni1 = arraylen(p1, descr=a)\ni2 = uint_lt(i0, i1)\n\
             guard_true(i2) [k: i0]\ni3 = int_lt(i0, 0)\ni4 = int_add_ovf(i0, 1)\nguard_no_overflow() [k: i0]\nfinish(i3, i4)\n",
            "descr a = array i64 base=16 len=+8\ninputs(i0, p1)\ni1 = arraylen(p1, descr=a)\ni2 = uint_lt(i0, i1)\n\
             guard_true(i2) [k: i0]\ni3 = int_add(i0, 1)\nfinish(0, i3)\n",
        );
    }

    #[test]
    fn guard_value_and_is_zero_facts() {
        bounds(
            "inputs(i0, i1)\nguard_value(i0, 7) [k: i0]\ni2 = int_is_zero(i1)\nguard_false(i2) [k: i0]\n\
             i3 = int_gt(i0, 6)\nguard_true(i3) [k: i0]\ni4 = int_eq(i1, 0)\nfinish(i4)\n",
            "inputs(i0, i1)\nguard_value(i0, 7) [k: i0]\ni2 = int_is_zero(i1)\nguard_false(i2) [k: i0]\n\
             i3 = int_eq(i1, 0)\nfinish(i3)\n",
        );
    }

    #[test]
    fn overflow_that_may_happen_or_always_happens_stays() {
        let src = "inputs(i0)\ni1 = int_mul_ovf(i0, 2)\nguard_no_overflow() [k: i0]\n\
                   i2 = int_add_ovf(9223372036854775807, 1)\nguard_no_overflow() [k: i0]\n\
                   i3 = int_add_ovf(1, 1)\nguard_overflow() [k: i0]\nfinish(i1, i2, i3)\n";
        bounds(src, src);
    }

    #[test]
    fn guard_that_always_fails_stays() {
        let src = "inputs(i0)\ni1 = int_lt(i0, 10)\nguard_true(i1) [k: i0]\ni2 = int_gt(i0, 20)\nguard_true(i2) [k: i0]\nfinish(i0)\n";
        bounds(src, "inputs(i0)\ni1 = int_lt(i0, 10)\nguard_true(i1) [k: i0]\nguard_true(0) [k: i0]\nfinish(i0)\n");
    }

    #[test]
    fn label_arguments_start_unknown() {
        // In the preamble i0 < 10 is known; in the loop, i0 is the next value and is not.
        bounds(
            "inputs(i0)\ni1 = int_lt(i0, 10)\nguard_true(i1) [k: i0]\nlabel(i0)\ni2 = int_lt(i0, 10)\n\
             i3 = int_add_ovf(i0, 1)\nguard_no_overflow() [k: i0]\njump(i3)\n",
            "inputs(i0)\ni1 = int_lt(i0, 10)\nguard_true(i1) [k: i0]\nlabel(i0)\ni2 = int_lt(i0, 10)\n\
             i3 = int_add_ovf(i0, 1)\nguard_no_overflow() [k: i0]\njump(i3)\n",
        );
    }
}
