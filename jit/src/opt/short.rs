//! The short preamble: how to enter a peeled loop at its label instead of at its top.
//!
//! A peeled loop (see [`super::peel`]) runs its preamble once and then its body; the body
//! reads, besides the label's arguments, values the preamble computed (invariants, a field
//! read once). A bridge that ends at the loop's header would otherwise `finish` into the
//! loop's top and run the whole preamble again: box the loop's state so that the preamble can
//! unbox it, redo every guard of the first iteration. Entering at the label instead needs the
//! *entry conditions*: from the header's frame, the values the body reads at the label, and
//! the checks that make the body's assumptions true. [`derive()`] computes them from the
//! optimized loop as a small trace (the *short preamble*); [`append`] puts it at the end of a
//! bridge before the bridge is optimized, so that the bridge's optimizer removes what it can
//! prove (a class check of an object the bridge allocated, the range of a value it computed).
//! The compiled loop has a second entry at its label that reads [`entry_values`] from the
//! frame buffer (see the backend's `Link::label_entry`).
//!
//! [`derive()`] works from the label's *state* (the header's frame as the first iteration
//! leaves it, in terms of preamble values and virtual objects, which peeling records on the
//! label and every pass keeps up to date like a snapshot):
//! - each slot of the state binds a preamble value to the frame slot (a value in two slots,
//!   or a constant, becomes an equality check); a slot holding a virtual object (the body
//!   keeps it unboxed) becomes a class check and reads of its fields;
//! - walking the preamble in order, every operation whose arguments are all bound (pure
//!   operations, overflow-checked ones with their guard, and reads) is repeated, binding its
//!   result, and every guard on bound values is checked again (`record_known_class` becomes a
//!   class check): the body may rely on any of their facts. Not a division by a value
//!   (`util::runs_anywhere`): the checks that make it safe may be the range checks below,
//!   which come after, and a bridge may arrive with the divisor 0. An overflow-checked
//!   result is checked against the frame after its guard, which must follow it directly;
//! - the ranges `bounds` assumed for the label's arguments ([`Trace::label_ranges`]) are
//!   checked (a range with two bounds in one unsigned comparison, `x - lo < hi - lo + 1`),
//!   and the ranges at the label of the values the body reads, and of those a preamble guard
//!   compared with a value that cannot be rebuilt (the body's own test, which the range
//!   decided, may be gone, and with it the body's read of the value);
//! - every value the body reads at the label must then be bound.
//!
//! All checks are guards whose snapshot is the header's frame: when one fails, the
//! interpreter resumes at the header, as it would have without the loop. There is no short
//! preamble (`None`: bridges keep entering at the top) when the preamble has side effects
//! (writes, calls, allocations: the body may rely on memory the preamble wrote), when a value
//! the body reads cannot be rebuilt (the result of a call, an object allocated in the
//! preamble, a label argument carried from the heap), when a guard on values that cannot be
//! rebuilt also tells the optimizer something about values that can (its fact would go
//! unchecked), when a guard tests a condition on loop invariants that are not computed again
//! (a division, above: the body may test that very comparison and drop its guard as known),
//! or when the state has virtual arrays, nested virtuals or float constants.
//!
//! [`append`] enters a virtual slot only with an object the bridge allocated itself and does
//! not let escape: one whose only uses are its own field writes and reads, class and null
//! checks, snapshots, and that one slot of the `finish`, with no field written that the loop
//! does not know about. Otherwise the loop would keep unboxed a copy of an object someone
//! else can see. A constant object of a value class (`SizeDescr::value`: no identity,
//! immutable fields) is the exception: an inner loop's counter that its outer loop resets to a
//! literal `0`, a prebuilt object that a copy is as good as (the toolchain's driver then folds
//! the class check and field reads of it, which this crate cannot: it sees no memory).
//!
//! Not any object of a value class: a bridge from a guard in the loop's preamble holds the
//! loop's boxes as they came in, and entering the label with them, though correct, measured
//! worse on bridge storms (fern's wide 1000 went from 1.3x to 0.9x its interpreter, collatz at
//! threshold 1, bridge 1 from 4.6x to 1.6x): those bridges then feed the body's guards, so a
//! storm grows a second tree of bridges there, where finishing at the loop's top keeps one,
//! from the preamble.

use crate::ir::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The entry conditions of a loop at its label (see the module docs); its `finish` passes
/// the loop's [`entry_words`].
#[derive(Clone, Debug, PartialEq)]
pub struct ShortPreamble {
    /// From the header's frame (one input per frame slot) to the label: checks, then
    /// `finish` of the loop's [`entry_values`], in that order.
    pub trace: Trace,
    /// The frame slots the label's state holds as virtual objects.
    pub virtual_slots: Vec<VirtualSlot>,
}

/// A frame slot the label's state holds as a virtual object.
#[derive(Clone, Debug, PartialEq)]
pub struct VirtualSlot {
    /// The slot's index in the header's frame.
    pub slot: usize,
    /// The field descrs the loop knows of the object: those not zero (a virtual object's
    /// description leaves out its zero fields, and the loop takes them for 0).
    pub fields: Vec<Descr>,
    /// The object's class is a value class (`SizeDescr::value`): a constant object of it may
    /// stand in (see [`append`]).
    pub value: bool,
}

/// The values the loop body of `t` reads at its label, in the order a second entry at the
/// label takes them from the frame buffer: the label's arguments (each once), then the other
/// values defined before the label that the body uses, in order of first use. Empty without a
/// label.
pub fn entry_values(t: &Trace) -> Vec<Value> {
    let Some(li) = t.label_index() else { return Vec::new() };
    super::util::used_across_label(&t.inputs, &t.ops, li, t.types.len())
}

/// Where a second entry at the label of `t` finds each of its [`entry_values`] in the frame
/// buffer: word `k` for input `k` (`None` if the body does not read that input), so that the
/// words of inputs hold them on both entries and the body's exits need not write them; the
/// other values after the inputs, in `entry_values` order.
pub fn entry_words(t: &Trace) -> Vec<Option<Value>> {
    let values = entry_values(t);
    let read: HashSet<Value> = values.iter().copied().collect();
    let inputs: HashSet<Value> = t.inputs.iter().copied().collect();
    let mut words: Vec<Option<Value>> = t.inputs.iter().map(|v| read.contains(v).then_some(*v)).collect();
    words.extend(values.into_iter().filter(|v| !inputs.contains(v)).map(Some));
    words
}

/// Builds the short preamble of `t`: a peeled loop whose label carries its state.
pub fn derive(t: &Trace) -> Option<ShortPreamble> {
    let li = t.label_index()?;
    if t.ops.last()?.opcode != Opcode::Jump {
        return None;
    }
    let state = t.ops[li].snapshot.as_ref()?;
    let frame = state.frames.first()?;
    let label_args: HashSet<Value> = t.ops[li].args.iter().filter_map(|a| a.as_value()).collect();
    let entry: HashSet<Value> = entry_values(t).into_iter().collect();
    let mut b = Builder {
        t,
        sp: Trace::new(),
        bound: HashMap::default(),
        tainted: label_args.clone(),
        label_args: label_args.clone(),
        entry,
        by_op: HashSet::default(),
        ranged: HashSet::default(),
        skipped: HashSet::default(),
    };
    b.sp.descrs = t.descrs.clone();
    b.sp.keys = vec![t.keys.get(frame.key.0 as usize)?.clone()];
    let slot_type = |o: Operand| if let Operand::Virtual(_) = o { Type::Ref } else { t.operand_type(o) };
    let inputs: Vec<Operand> = frame.values.iter().map(|&o| Operand::Value(b.sp.new_value(slot_type(o)))).collect();
    b.sp.inputs = inputs.iter().filter_map(|o| o.as_value()).collect();
    let snap = Snapshot {
        frames: vec![SnapFrame { key: KeyId(0), values: Slots::from(inputs.clone()) }],
        ..Default::default()
    };
    let mut virtual_slots = Vec::new();
    for (k, (&o, &x)) in frame.values.iter().zip(&inputs).enumerate() {
        match o {
            Operand::Virtual(j) => {
                let obj = state.virtuals.get(j as usize)?;
                let DescrKind::Size(size) = &t.descr(obj.descr).kind else { return None };
                if obj.len.is_some() {
                    return None;
                }
                b.guard(Opcode::GuardClass, vec![x, Operand::Ref(size.class)], &snap);
                let mut descrs = Vec::new();
                for f in &obj.fields {
                    let DescrKind::Field(fd) = &t.descr(f.descr).kind else { return None };
                    let read = match fd.kind.ty() {
                        Type::Int => Opcode::GetfieldI,
                        Type::Float => Opcode::GetfieldF,
                        Type::Ref => Opcode::GetfieldR,
                    };
                    let r = b.sp.push(read, vec![x]).expect("reads have results");
                    b.sp.ops.last_mut().expect("just pushed").descr = Some(f.descr);
                    b.bind(f.value, Operand::Value(r), &snap)?;
                    descrs.push(t.descr(f.descr).clone());
                }
                virtual_slots.push(VirtualSlot { slot: k, fields: descrs, value: size.value });
            }
            o => b.bind(o, x, &snap)?,
        }
    }
    let mut last_ovf = false;
    // An overflow-checked operation's result is bound after its guard, which must follow it
    // directly (binding may check the result against the frame).
    let mut after_ovf: Option<(Value, Value)> = None;
    for op in &t.ops[..li] {
        if let Some(r) =
            op.result.filter(|_| op.args.iter().any(|a| matches!(a, Operand::Value(v) if b.tainted.contains(v))))
        {
            b.tainted.insert(r);
        }
        let bound = op.args.iter().all(|&a| b.is_bound(a));
        match op.opcode {
            o if o.is_guard() => {
                let emit = match o {
                    Opcode::GuardNoOverflow | Opcode::GuardOverflow => last_ovf,
                    Opcode::GuardNotForced => return None,
                    // (A guard only on constants, such as a safepoint, always counts.)
                    _ => bound && (op.args.iter().all(|a| a.as_value().is_none()) || b.tells_of_bound(op)),
                };
                if emit {
                    let args = op.args.iter().map(|&a| b.map(a)).collect();
                    b.guard(o, args, &snap);
                    if let Some((old, new)) = after_ovf.take() {
                        b.bind(Operand::Value(old), Operand::Value(new), &snap)?;
                        b.by_op.insert(old);
                    }
                } else if !bound && op.args.iter().any(|&a| b.unbuilt_invariant(a)) {
                    // A condition on values that stay the same from one iteration to the next,
                    // which the entry could compute but does not (a division it does not
                    // repeat, see below): the body may test that very condition, find it
                    // known, and drop its guard.
                    return None;
                } else if !bound && b.tells_of_bound(op) {
                    if !b.compares_ints(op) {
                        return None;
                    }
                    // What an integer comparison with a value that cannot be rebuilt tells of
                    // a bound value is a range, which is checked below even if the body does
                    // not read that value: a body guard the range decided may be gone.
                    let ranged: Vec<Value> = b.compared(op).into_iter().filter(|&w| b.matters(w)).collect();
                    b.ranged.extend(ranged);
                }
            }
            Opcode::RecordKnownClass => {
                if bound {
                    let args = op.args.iter().map(|&a| b.map(a)).collect();
                    b.guard(Opcode::GuardClass, args, &snap);
                } else if b.is_bound(op.args[0]) {
                    return None;
                }
            }
            o if o.is_pure() || o.is_ovf() || o.reads_memory() => {
                last_ovf = false;
                // (Not a division the guards checked below may be all that makes safe: in a
                // bridge they run after it. Its result stays unbound.)
                if bound && (!o.is_pure() || super::util::runs_anywhere(o, &op.args)) {
                    let args = op.args.iter().map(|&a| b.map(a)).collect();
                    // (The unsigned forms assume a sign the guards before them showed; the
                    // short preamble does not repeat those guards: it repeats the signed form,
                    // which is the same value where they hold, and right where they do not.)
                    let o = match o {
                        Opcode::UintMod => Opcode::IntMod,
                        Opcode::UintFloorDiv => Opcode::IntFloorDiv,
                        o => o,
                    };
                    let r = b.sp.push(o, args);
                    b.sp.ops.last_mut().expect("just pushed").descr = op.descr;
                    if let (Some(old), Some(new)) = (op.result, r) {
                        if o.is_ovf() {
                            after_ovf = Some((old, new));
                        } else {
                            // (A result the state binds too must equal what the frame holds.)
                            b.bind(Operand::Value(old), Operand::Value(new), &snap)?;
                            b.by_op.insert(old);
                        }
                    }
                    last_ovf = o.is_ovf();
                } else if let Some(r) = op.result.filter(|&r| !b.is_bound(Operand::Value(r))) {
                    if op
                        .args
                        .iter()
                        .all(|&a| b.is_bound(a) || matches!(a, Operand::Value(v) if b.skipped.contains(&v)))
                    {
                        b.skipped.insert(r);
                    }
                }
                continue;
            }
            _ => return None,
        }
        last_ovf = false;
    }
    // The ranges the loop body may rely on: those assumed for the label's arguments, and
    // those known at the label for the other values it reads (a value the frame holds may
    // have had its range from its definition, or from a comparison with a value that
    // cannot be rebuilt).
    let label_args: Vec<Value> = t.ops[li].args.iter().filter_map(|a| a.as_value()).collect();
    let mut ranges: Vec<(Value, i64, i64)> =
        label_args.iter().filter_map(|&v| t.label_ranges.iter().find(|e| e.0 == v).copied()).collect();
    let defined: HashSet<Value> = t.ops[..li].iter().filter_map(|o| o.result).collect();
    for (v, lo, hi) in super::bounds::known_at_label(t) {
        if (b.entry.contains(&v) || b.ranged.contains(&v)) && !b.label_args.contains(&v) && t.type_of(v) == Type::Int {
            ranges.push((v, lo, hi));
        }
    }
    for v in &b.entry {
        // A float's lower bound (see `floats.rs`) comes from its definition: it must be
        // repeated, not taken from the frame.
        if t.type_of(*v) == Type::Float && defined.contains(v) && !b.by_op.contains(v) {
            return None;
        }
    }
    for (v, lo, hi) in ranges {
        let x = b.map(Operand::Value(v));
        if !b.is_bound(Operand::Value(v)) {
            return None;
        }
        let width = i128::from(hi) - i128::from(lo) + 1;
        if lo > i64::MIN && hi < i64::MAX && width <= i128::from(i64::MAX) {
            // Both bounds in one unsigned comparison: `x - lo < hi - lo + 1`.
            let d = if lo == 0 {
                x
            } else {
                Operand::Value(b.sp.push(Opcode::IntSub, vec![x, Operand::Int(lo)]).expect("int_sub has a result"))
            };
            let c = b.sp.push(Opcode::UintLt, vec![d, Operand::Int(width as i64)]).expect("comparisons have results");
            b.guard(Opcode::GuardTrue, vec![Operand::Value(c)], &snap);
            continue;
        }
        if lo > i64::MIN {
            let c = b.sp.push(Opcode::IntGe, vec![x, Operand::Int(lo)]).expect("comparisons have results");
            b.guard(Opcode::GuardTrue, vec![Operand::Value(c)], &snap);
        }
        if hi < i64::MAX {
            let c = b.sp.push(Opcode::IntLe, vec![x, Operand::Int(hi)]).expect("comparisons have results");
            b.guard(Opcode::GuardTrue, vec![Operand::Value(c)], &snap);
        }
    }
    let mut finish = Vec::new();
    for (k, w) in entry_words(t).into_iter().enumerate() {
        match w {
            Some(v) if b.is_bound(Operand::Value(v)) => finish.push(b.map(Operand::Value(v))),
            Some(_) => return None,
            // (A word the loop does not read: a constant of the input's type.)
            None => finish.push(match t.type_of(t.inputs[k]) {
                Type::Int => Operand::Int(0),
                Type::Float => Operand::Float(0),
                Type::Ref => Operand::Ref(0),
            }),
        }
    }
    b.sp.push(Opcode::Finish, finish);
    Some(ShortPreamble { trace: b.sp, virtual_slots })
}

/// Builds the short preamble's trace; `bound` maps values of the loop to operands of it.
struct Builder<'a> {
    t: &'a Trace,
    sp: Trace,
    bound: HashMap<Value, Operand>,
    /// The label's arguments, and the preamble values computed from them.
    tainted: HashSet<Value>,
    label_args: HashSet<Value>,
    /// What the loop body reads at the label ([`entry_values`]).
    entry: HashSet<Value>,
    /// The values bound by repeating their definition.
    by_op: HashSet<Value>,
    /// Bound values a preamble guard compared with a value that cannot be rebuilt: their
    /// ranges at the label are checked.
    ranged: HashSet<Value>,
    /// Values computed from bound ones that are not computed again (a division by a value:
    /// see `util::runs_anywhere`), and what is computed from them.
    skipped: HashSet<Value>,
}

impl Builder<'_> {
    fn is_bound(&self, o: Operand) -> bool {
        match o {
            Operand::Value(v) => self.bound.contains_key(&v),
            Operand::Virtual(_) => false,
            _ => true,
        }
    }

    fn map(&self, o: Operand) -> Operand {
        match o {
            Operand::Value(v) => self.bound.get(&v).copied().unwrap_or(o),
            o => o,
        }
    }

    fn guard(&mut self, opcode: Opcode, args: Vec<Operand>, snap: &Snapshot) {
        self.sp.push(opcode, args);
        self.sp.ops.last_mut().expect("just pushed").snapshot = Some(snap.clone());
    }

    /// Makes loop operand `o` (what the state holds in some place) be `x` (what the frame
    /// holds there): binds a value seen for the first time, checks equality otherwise.
    fn bind(&mut self, o: Operand, x: Operand, snap: &Snapshot) -> Option<()> {
        let eq = |ty| if ty == Type::Ref { Opcode::PtrEq } else { Opcode::IntEq };
        let same = match o {
            Operand::Value(v) => match self.bound.get(&v) {
                None => {
                    self.bound.insert(v, x);
                    return Some(());
                }
                Some(&y) => y,
            },
            Operand::Int(_) | Operand::Ref(_) => o,
            Operand::Float(_) | Operand::Virtual(_) => return None,
        };
        let ty = self.t.operand_type(o);
        if ty == Type::Float {
            return None;
        }
        let c = self.sp.push(eq(ty), vec![x, same]).expect("comparisons have results");
        self.guard(Opcode::GuardTrue, vec![Operand::Value(c)], snap);
        Some(())
    }

    /// Whether a fact about value `v` may matter to the loop body: `v` can be rebuilt, and is
    /// not a label argument (facts about those end at the label; their assumed ranges are
    /// checked apart), nor computed from one unless the body reads it.
    fn matters(&self, v: Value) -> bool {
        self.bound.contains_key(&v)
            && !self.label_args.contains(&v)
            && (!self.tainted.contains(&v) || self.entry.contains(&v))
    }

    /// Whether `o` is a value the short preamble could compute but does not (see
    /// [`Builder::skipped`]) that does not change from one iteration to the next (not
    /// computed from a label argument).
    fn unbuilt_invariant(&self, o: Operand) -> bool {
        matches!(o, Operand::Value(v) if self.skipped.contains(&v) && !self.tainted.contains(&v))
    }

    /// The operation of the trace that defines `v`, if any.
    fn def_of(&self, v: Value) -> Option<&Op> {
        self.t.ops.iter().find(|d| d.result == Some(v))
    }

    /// Whether `op` guards on an integer order comparison (what it tells of its operands is
    /// ranges; an equality may also make one operand stand for the other).
    fn compares_ints(&self, op: &Op) -> bool {
        let (Opcode::GuardTrue | Opcode::GuardFalse, Some(Operand::Value(c))) = (op.opcode, op.args.first()) else {
            return false;
        };
        self.def_of(*c).is_some_and(|d| {
            use Opcode::*;
            matches!(d.opcode, IntLt | IntLe | IntGt | IntGe | IntNe | UintLt)
        })
    }

    /// The values the comparison that guard `op` tests compares.
    fn compared(&self, op: &Op) -> Vec<Value> {
        let Some(Operand::Value(c)) = op.args.first() else { return Vec::new() };
        self.def_of(*c).map(|d| d.args.iter().filter_map(|a| a.as_value()).collect()).unwrap_or_default()
    }

    /// Whether guard `op` may tell the optimizer something that matters about a value (see
    /// [`Builder::matters`]): about one of its arguments, or one of the comparison it tests.
    fn tells_of_bound(&self, op: &Op) -> bool {
        op.args.iter().any(|&a| {
            let Operand::Value(v) = a else { return false };
            if self.matters(v) {
                return true;
            }
            self.def_of(v).is_some_and(|d| {
                d.opcode.is_pure() && d.args.iter().any(|x| matches!(x, Operand::Value(w) if self.matters(*w)))
            })
        })
    }
}

/// Puts the entry conditions `sp` at the end of `bridge`, which ends with `finish` of the
/// loop header's frame: the conditions' guards resume at that frame (key `key` of the
/// bridge), and the `finish` then passes the loop's [`entry_values`]. Returns `false`, leaving
/// the bridge unchanged, when a virtual slot is neither an object the bridge allocated and
/// keeps to itself nor a constant object of a value class (see the module docs; the caller
/// checks what such a constant holds besides the fields [`VirtualSlot::fields`] names).
pub fn append(bridge: &mut Trace, sp: &ShortPreamble, key: KeyId) -> bool {
    let Some(finish) = bridge.ops.last().filter(|o| o.opcode == Opcode::Finish) else { return false };
    let args = finish.args.clone();
    if args.len() != sp.trace.inputs.len()
        || args.iter().zip(&sp.trace.inputs).any(|(&a, &i)| bridge.operand_type(a) != sp.trace.type_of(i))
    {
        return false;
    }
    for v in &sp.virtual_slots {
        let constant = matches!(args[v.slot], Operand::Ref(a) if a != 0);
        if !((v.value && constant) || keeps_to_itself(bridge, &args, v.slot, &v.fields)) {
            return false;
        }
    }
    bridge.ops.pop();
    // The short preamble's values, numbered densely, as the bridge's operands (a loop over a
    // wide frame has as many inputs as the frame has words).
    let mut rename: Vec<Option<Operand>> = vec![None; sp.trace.types.len()];
    for (&i, &a) in sp.trace.inputs.iter().zip(&args) {
        rename[i.0 as usize] = Some(a);
    }
    let mut memo = SlotsMemo::trusting();
    for op in &sp.trace.ops {
        let mut c = op.clone();
        let ren = |o: Operand| match o {
            Operand::Value(v) => rename.get(v.0 as usize).copied().flatten().unwrap_or(o),
            o => o,
        };
        for a in &mut c.args {
            *a = ren(*a);
        }
        if let Some(s) = &mut c.snapshot {
            s.rewrite_uses(&mut memo, |o| Some(ren(o)));
            for f in &mut s.frames {
                f.key = key;
            }
        }
        if let Some(d) = c.descr {
            c.descr = Some(bridge.add_descr(sp.trace.descr(d).clone()));
        }
        if let Some(r) = op.result {
            let n = bridge.new_value(sp.trace.type_of(r));
            rename[r.0 as usize] = Some(Operand::Value(n));
            c.result = Some(n);
        }
        bridge.ops.push(c);
    }
    true
}

/// Whether frame slot `k` of a bridge's `finish` (`args`) is an object the bridge allocated,
/// used only by its own field writes (of `fields`) and reads, class and null checks,
/// snapshots and that slot.
fn keeps_to_itself(bridge: &Trace, args: &[Operand], k: usize, fields: &[Descr]) -> bool {
    let Operand::Value(obj) = args[k] else { return false };
    if args.iter().filter(|&&a| a == Operand::Value(obj)).count() != 1 {
        return false;
    }
    let this = Operand::Value(obj);
    let mut allocated = false;
    for op in &bridge.ops[..bridge.ops.len() - 1] {
        if op.result == Some(obj) {
            allocated = op.opcode == Opcode::New;
            continue;
        }
        if !op.args.contains(&this) {
            continue;
        }
        let ok = match op.opcode {
            Opcode::Setfield => {
                op.args[0] == this && op.args[1] != this && op.descr.is_some_and(|d| fields.contains(bridge.descr(d)))
            }
            Opcode::GetfieldI | Opcode::GetfieldF | Opcode::GetfieldR => true,
            Opcode::GuardClass | Opcode::GuardNonNull | Opcode::RecordKnownClass => op.args[0] == this,
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    allocated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::optimize;
    use crate::text::print;

    /// Parses a test trace; size descrs get the class `ConstPtr(0)` stands for.
    fn parse(src: &str) -> Result<Trace, crate::text::ParseError> {
        let mut t = crate::text::parse(src)?;
        for d in &mut t.descrs {
            if let DescrKind::Size(s) = &mut d.kind {
                s.class = 0x1000;
            }
        }
        Ok(t)
    }

    /// A counting loop over a boxed counter (as a small dynamic language records it): the
    /// frame holds the counter as an object of class `ConstPtr(0)` (the class of `descr Int`,
    /// see `parse_classes`), and a value the loop passes along.
    const BOXED: &str = "\
descr Int = size 24
descr Int.value = field i64 +8 immutable
inputs(p0, i1)
guard_class(p0, ConstPtr(0)) [k: p0, i1]
i2 = getfield_i(p0, descr=Int.value)
i3 = int_lt(i2, 1000)
guard_true(i3) [k: p0, i1]
i4 = int_add_ovf(i2, 1)
guard_no_overflow() [k: p0, i1]
p5 = new(descr=Int)
setfield(p5, i4, descr=Int.value)
jump(p5, i1) [k: p5, i1]
";

    #[test]
    fn a_boxed_counter_is_entered_unboxed() {
        let t = optimize(&parse(BOXED).unwrap());
        let out = print(&t);
        // The label's state holds the counter as a virtual; the body reads only it and the limit.
        assert!(out.contains("label(i"), "{out}");
        let sp = derive(&t).unwrap_or_else(|| panic!("no short preamble for\n{out}"));
        assert_eq!(sp.virtual_slots.len(), 1);
        assert_eq!(sp.virtual_slots[0].slot, 0);
        crate::verify::verify(&sp.trace).unwrap();
        let text = print(&sp.trace);
        assert!(text.contains("guard_class(p0, ConstPtr(0))"), "{text}");
        assert!(text.contains("getfield_i(p0, descr=Int.value)"), "{text}");
        assert!(text.trim_end().ends_with(&format!("finish({})", finish_of(&text))), "{text}");
        assert_eq!(entry_words(&t).len(), sp.trace.ops.last().unwrap().args.len());
    }

    fn finish_of(text: &str) -> String {
        let line = text.lines().last().unwrap();
        line.trim_start_matches("finish(").trim_end_matches(')').to_string()
    }

    #[test]
    fn an_unsigned_remainder_is_repeated_signed() {
        // The body reads i3, the preamble's `uint_mod` of a value it knew was not negative. A
        // trace entering at the label has not checked that, so the short preamble computes
        // the signed form: the same value where the sign is right, and the right one anyway.
        let t = parse(
            "inputs(i0, i1)\ni2 = int_mod(i0, 1000)\ni3 = uint_mod(i2, 7)\nlabel(i1) [k: i0, i1]\n\
             i4 = int_add(i1, i3)\njump(i4)\n",
        )
        .unwrap();
        let sp = derive(&t).expect("a short preamble");
        crate::verify::verify(&sp.trace).unwrap();
        let text = print(&sp.trace);
        assert!(text.contains(" = int_mod(i2, 7)") && !text.contains("uint_mod"), "{text}");
    }

    #[test]
    fn a_bridge_that_allocates_the_box_passes_its_field() {
        let t = optimize(&parse(BOXED).unwrap());
        let sp = derive(&t).unwrap();
        // A bridge that sets the counter to 5 and goes back to the header.
        let mut bridge = parse(
            "descr Int = size 24\ndescr Int.value = field i64 +8 immutable\ninputs(i0)\n\
             p1 = new(descr=Int)\nsetfield(p1, 5, descr=Int.value)\nfinish(p1, i0)\n",
        )
        .unwrap();
        assert!(append(&mut bridge, &sp, KeyId(0)));
        crate::verify::verify(&bridge).unwrap();
        let out = print(&optimize(&bridge));
        // The class check, the read and the allocation are gone: the bridge hands over 5.
        assert!(!out.contains("new(") && !out.contains("guard_class") && !out.contains("getfield"), "{out}");
        // (Word 0, the box's input word, is not read at the label: a constant fills it.)
        assert!(out.contains("finish(NULL, i0, 5)"), "{out}");
    }

    #[test]
    fn an_escaping_box_keeps_the_bridge_on_the_top_entry() {
        let t = optimize(&parse(BOXED).unwrap());
        let sp = derive(&t).unwrap();
        let src = "descr Int = size 24\ndescr Int.value = field i64 +8 immutable\n\
                   descr keep = call(p) -> none write\ninputs(i0)\np1 = new(descr=Int)\n\
                   setfield(p1, 5, descr=Int.value)\ncall_n(ConstPtr(64), p1, descr=keep)\nfinish(p1, i0)\n";
        let mut bridge = parse(src).unwrap();
        let before = bridge.clone();
        assert!(!append(&mut bridge, &sp, KeyId(0)));
        assert_eq!(bridge, before);
        // An input object (not allocated by the bridge) does not qualify either.
        let mut bridge = parse("inputs(p0, i1)\nfinish(p0, i1)\n").unwrap();
        assert!(!append(&mut bridge, &sp, KeyId(0)));
    }

    /// [`BOXED`] with the counter's class a value class.
    fn boxed_value() -> Trace {
        optimize(&parse(&BOXED.replacen("descr Int = size 24", "descr Int = size 24 value", 1)).unwrap())
    }

    #[test]
    fn a_constant_object_of_a_value_class_may_enter_a_virtual_slot() {
        let sp = derive(&boxed_value()).unwrap();
        assert!(sp.virtual_slots[0].value);
        // A constant box (an outer loop resetting the counter to a literal) enters at the
        // label: its class is checked and its field passed.
        let mut bridge = parse("inputs(i0)\nfinish(ConstPtr(80), i0)\n").unwrap();
        let box_ = bridge.ops[0].args[0];
        assert!(append(&mut bridge, &sp, KeyId(0)));
        crate::verify::verify(&bridge).unwrap();
        let t = optimize(&bridge);
        let out = print(&t);
        let on_box = |opcode| t.ops.iter().find(|o| o.opcode == opcode && o.args.first() == Some(&box_));
        assert!(on_box(Opcode::GuardClass).is_some(), "{out}");
        let field = on_box(Opcode::GetfieldI).and_then(|o| o.result).map(Operand::Value);
        assert_eq!(t.ops.last().unwrap().args.last().copied(), field, "{out}");
        // A box the bridge did not allocate (the loop's own, in a bridge from its preamble)
        // and the null reference do not.
        for src in ["inputs(p0, i1)\nfinish(p0, i1)\n", "inputs(i0)\nfinish(NULL, i0)\n"] {
            let mut bridge = parse(src).unwrap();
            assert!(!append(&mut bridge, &sp, KeyId(0)), "{src}");
        }
    }

    #[test]
    fn a_division_by_a_checked_value_is_not_repeated() {
        // Fern's `b = j % 3; if b != 0 { t = t + j % b * 3 }`, as the loop was compiled: b
        // is carried (i7 at the label), and the body divides by it without a check because
        // its range at the label is [1, 2]. A bridge reaches the label with b = 0; the short
        // preamble checks that range after what it repeats, so it must not repeat i9.
        let src = "\
descr Int = size 32
descr Int.value = field i64 +16 immutable
inputs(i0, p1, p2, p3, p4)
guard_class(p1, ConstPtr(0)) [k: i0, p1, p2, p3, p4]
i5 = getfield_i(p1, descr=Int.value)
i6 = int_lt(i5, 20)
guard_true(i6) [k: i0, p1, p2, p3, p4]
i7 = int_mod(i5, 3)
i8 = int_ne(i7, 0)
guard_true(i8) [k: i0, p1, p2, p1, v0] {v0 = Int(Int.value=i7)}
i9 = int_mod(i5, i7)
i10 = int_mul_ovf(i9, 3)
guard_no_overflow() [k: i0, p1, p2, p1, v0] {v0 = Int(Int.value=i7)}
guard_class(p2, ConstPtr(0)) [k: i0, p1, p2, p1, v0] {v0 = Int(Int.value=i7)}
i11 = getfield_i(p2, descr=Int.value)
i12 = int_add_ovf(i11, i10)
guard_no_overflow() [k: i0, p1, p2, p1, v0] {v0 = Int(Int.value=i7)}
i13 = int_add(i5, 1)
label(i13, i12, p1, i7) [k: i0, v0, v1, p1, v2] {v0 = Int(Int.value=i13); v1 = Int(Int.value=i12); v2 = Int(Int.value=i7)}
i14 = int_lt(i13, 20)
guard_true(i14) [k: i0, v0, v1, p1, v2] {v0 = Int(Int.value=i13); v1 = Int(Int.value=i12); v2 = Int(Int.value=i7)}
i15 = int_mod(i13, 3)
i16 = int_ne(i15, 0)
guard_true(i16) [k: i0, v0, v1, v0, v2] {v0 = Int(Int.value=i13); v1 = Int(Int.value=i12); v2 = Int(Int.value=i15)}
i17 = int_mod(i13, i15)
i18 = int_mul_ovf(i17, 3)
guard_no_overflow() [k: i0, v0, v1, v0, v2] {v0 = Int(Int.value=i13); v1 = Int(Int.value=i12); v2 = Int(Int.value=i15)}
i19 = int_add_ovf(i12, i18)
guard_no_overflow() [k: i0, v0, v1, v0, v2] {v0 = Int(Int.value=i13); v1 = Int(Int.value=i12); v2 = Int(Int.value=i15)}
i20 = int_add(i13, 1)
p21 = new(descr=Int)
setfield(p21, i13, descr=Int.value)
jump(i20, i19, p21, i15)
";
        let mut t = parse(src).unwrap();
        t.label_ranges.push((Value(7), 1, 2));
        crate::verify::verify(&t).unwrap();
        let sp = derive(&t).unwrap_or_else(|| panic!("no short preamble"));
        crate::verify::verify(&sp.trace).unwrap();
        let text = print(&sp.trace);
        assert!(text.contains("uint_lt("), "the range of b is checked:\n{text}");
        for op in &sp.trace.ops {
            assert!(!op.opcode.is_pure() || super::super::util::runs_anywhere(op.opcode, &op.args), "{text}");
        }
    }

    #[test]
    fn a_checked_result_is_compared_after_its_overflow_guard() {
        // The state holds t = x + 1 (overflow-checked) as well as the slot it came from: the
        // short preamble repeats the addition and checks the two agree, after the guard.
        let src = "inputs(i0, i1, i2)\ni3 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i0, i1, i2]\n\
                   i4 = int_add_ovf(i2, i3)\nguard_no_overflow() [k: i0, i1, i2]\ni5 = int_add(i0, 1)\n\
                   i6 = int_lt(i5, 100)\nguard_true(i6) [k: i5, i1, i4, i3]\njump(i5, i1, i4) [k: i5, i1, i4, i3]\n";
        let t = optimize(&parse(src).unwrap());
        if let Some(sp) = derive(&t) {
            crate::verify::verify(&sp.trace).unwrap_or_else(|e| panic!("{e}\n{}", print(&sp.trace)));
        }
    }

    #[test]
    fn assumed_ranges_of_label_arguments_are_checked() {
        // h = (h * 31 + 7) % 1000003: the body multiplies without an overflow check because h
        // stays in [0, 1000002]; an entry at the label must check that.
        let src = "inputs(i0)\ni1 = int_mul_ovf(i0, 31)\nguard_no_overflow() [k: i0]\ni2 = int_add_ovf(i1, 7)\n\
                   guard_no_overflow() [k: i0]\ni3 = int_mod(i2, 1000003)\ni4 = int_ne(i3, 12345)\n\
                   guard_true(i4) [k: i3]\njump(i3) [k: i3]\n";
        let t = optimize(&parse(src).unwrap());
        let out = print(&t);
        assert!(out[out.find("label").unwrap()..].contains("int_mul(i"), "{out}");
        let text = print(&derive(&t).unwrap().trace);
        assert!(text.contains("uint_lt(i0, 1000003)"), "{text}");
    }

    #[test]
    fn preambles_with_effects_or_unrebuildable_values_have_none() {
        // The preamble writes memory.
        let writes = "descr f = field i64 +8\ninputs(p0, i1)\nsetfield(p0, i1, descr=f)\ni2 = int_add(i1, 1)\n\
                      i3 = int_lt(i2, 10)\nguard_true(i3) [k: p0, i1]\njump(p0, i2) [k: p0, i2]\n";
        assert_eq!(derive(&optimize(&parse(writes).unwrap())), None);
        // A guard compares a value that can be rebuilt (i1, an invariant slot) with one that
        // cannot (i3, read through p2, which the state does not hold). An equality may make
        // one stand for the other: no short preamble.
        let mixed = |cmp: &str| {
            format!(
                "descr f = field i64 +8\ninputs(i0, i1, p2)\ni3 = getfield_i(p2, descr=f)\n\
                 i4 = {cmp}(i1, i3)\nguard_true(i4) [k: i0, i1, p2]\ni5 = int_add(i0, i1)\n\
                 i6 = int_ne(i5, 77)\nguard_true(i6) [k: i0, i1, p2]\n\
                 jump(i5, i1, ConstPtr(8)) [k: i5, i1, ConstPtr(8)]\n"
            )
        };
        let t = optimize(&parse(&mixed("int_eq")).unwrap());
        assert_eq!(derive(&t), None, "{}", print(&t));
        // An order comparison tells the optimizer a range (i1 > i3 means i1 > i64::MIN),
        // which the short preamble checks.
        let t = optimize(&parse(&mixed("int_gt")).unwrap());
        let text = print(&derive(&t).unwrap_or_else(|| panic!("none for\n{}", print(&t))).trace);
        assert!(text.contains("int_ge(i1, -9223372036854775807)"), "{text}");
        // Without a label state (a trace that was not recorded with one), no entry either.
        let plain = "inputs(i0)\ni1 = int_add(i0, 1)\nlabel(i1)\ni2 = int_add(i1, 1)\njump(i2)\n";
        assert_eq!(derive(&parse(plain).unwrap()), None);
    }

    #[test]
    fn a_range_the_body_relied_on_is_checked_though_the_body_no_longer_reads_it() {
        // `while i < 100 { if n - 1 > k % 256 { ... }; k = 0; i = i + 1 }`: the preamble
        // learns n - 1 > 0 from comparing it with k % 256 (i3, which an entry at the label
        // cannot rebuild: the state holds k as the constant 0). The body's own test,
        // `n - 1 > 0`, is decided by that range and goes, and with it the body's last read of
        // n - 1. An entry at the label with n = 1 must still fail: the range is checked.
        let src = "inputs(i0, i1, i2)\ni3 = int_and(i2, 255)\ni4 = int_sub(i1, 1)\ni5 = int_gt(i4, i3)\n\
                   guard_true(i5) [k: i0, i1, i2]\ni6 = int_add(i0, 1)\ni7 = int_lt(i6, 100)\n\
                   guard_true(i7) [k: i6, i1, i2]\njump(i6, i1, 0) [k: i6, i1, 0]\n";
        let t = optimize(&parse(src).unwrap());
        let out = print(&t);
        let body = &out[out.find("label(").unwrap()..];
        assert!(!body.contains("int_gt") && !body.contains("i4"), "the body relies on the range:\n{out}");
        let sp = derive(&t).unwrap_or_else(|| panic!("no short preamble for\n{out}"));
        crate::verify::verify(&sp.trace).unwrap();
        let text = print(&sp.trace);
        assert!(text.contains("int_ge(i4, 1)") || text.contains("int_ge(i3, 1)"), "{text}");
    }

    #[test]
    fn a_condition_on_invariants_the_entry_does_not_compute_means_no_entry() {
        // `i3 < i1 // i2` on values the loop does not change: the short preamble does not
        // repeat the division (it may be what the guard before it made safe), so it cannot
        // check the condition; and the body tests the very same comparison, finds it known
        // from the preamble and drops its guard. An entry at the label would skip the test.
        let src = "inputs(i0, i1, i2, i3)\ni4 = int_ne(i2, 0)\nguard_true(i4) [k: i0, i1, i2, i3]\n\
                   i5 = int_floordiv(i1, i2)\ni6 = int_lt(i3, i5)\nguard_true(i6) [k: i0, i1, i2, i3]\n\
                   i7 = int_add(i0, 1)\ni8 = int_lt(i7, 100)\nguard_true(i8) [k: i7, i1, i2, i3]\n\
                   jump(i7, i1, i2, i3) [k: i7, i1, i2, i3]\n";
        let t = optimize(&parse(src).unwrap());
        let out = print(&t);
        let body = &out[out.find("label(").unwrap()..];
        assert!(!body.contains("int_floordiv") && body.matches("guard_").count() == 1, "{out}");
        assert_eq!(derive(&t), None, "{out}");
    }
}
