//! If-conversion: a loop guard that fails often into a short bridge back to the loop's
//! header is replaced by computing both ways and selecting what the next iteration gets.
//!
//! # The idea
//!
//! A trace is one path through the loop. `if h % 2 == 0 and j > 500: count += 1` in the loop
//! body becomes a guard on `h % 2 == 0`; when the branch is data-dependent, the guard fails on
//! about half of the iterations, each time into a bridge that adds one and finishes back into
//! the loop. Each failure costs a mispredicted branch, a jump through the exit's slot, the
//! bridge's own checks and the frame words it hands to the loop. A C compiler makes such an
//! `if` branch-free: it computes `count + 1` and picks it or `count` with a conditional move.
//! [`convert`] does the same to the *recorded* loop (one iteration, frame in, frame out, before
//! optimization) and the bridge's recording (the guard's exit words in, the header's frame
//! out, at `finish`): the result is a loop trace again, in which the guard is gone, the rest
//! of the loop's iteration and the bridge both run, each in its own *arm*, and every slot of
//! the header's frame that the two ways leave differently is `int_select`ed (`float_select`,
//! `ptr_select`) on the branch condition. The driver optimizes and compiles it like any loop,
//! so peeling, allocation removal and ranges apply to the merged iteration: the selected
//! boxes become selected integers in registers.
//!
//! # Invariants
//!
//! Each arm now also runs on iterations that took the other way, on values that mean nothing
//! there. So an arm may only contain operations that are harmless whatever their inputs, and
//! whatever it decides must only count when its way is taken:
//! - `pure`: pure operations are kept, except a division or modulo by anything but a constant
//!   other than 0 and -1 (the IR leaves those undefined, and the other way may divide by 0:
//!   refused);
//! - `overflow_checked`: `int_add_ovf(a, b)` and its `guard_no_overflow` become
//!   `int_add_ovf(a, int_select(arm, b, 0))` and the same guard (`int_sub_ovf` the same,
//!   `int_mul_ovf` with 1): on the other way, `a + 0` cannot overflow and the result is `a`
//!   (so the selection of the result that follows is often the result itself: fold's
//!   `select_implied`). Ranges often remove the check afterwards. An operation that both arms
//!   do on the same values from before the branch is checked once, at the branch, with the branch's
//!   snapshot (`common_check`: it overflows whichever way is taken, and the interpreter,
//!   resumed before the branch, meets the overflow itself), and is unchecked in the arms; one
//!   already checked before the branch is unchecked (`checked_before`). Both keep the arms'
//!   results the same where the two ways compute the same thing (`j + 1`), so their selection
//!   folds away and does not make the loop's next `j` wait for the branch condition;
//! - `conditional_guard`: `guard_true(x)` becomes `guard_false(int_and(arm, int_is_zero(x)))`
//!   (`guard_false`, `guard_value` alike), with the arm's own snapshot: it fails exactly when
//!   its way is taken and the recorded check fails, and then its snapshot's values are the
//!   right ones. A guard the arm's condition already implies (the bridge's recording checks
//!   again the condition that sent it there) is dropped (`implied_guard`). A bridge may make
//!   at most [`MAX_BRIDGE_CHECKS`] such checks of its own (`few_checks`);
//! - `hoisted_guard`: a class or non-null check of an object that existed before the branch
//!   (`guard_class`, `guard_nonnull`), and a check of a quasi-immutable flag, move to the
//!   branch, unconditional, with the *branch guard's* snapshot: failing there resumes the
//!   interpreter before the branch, which is always correct; such a check fails on the other
//!   way only if the object's class differs there, which a loop of boxed numbers never sees.
//!   The check then makes reads of the object's fields safe in either arm;
//! - `reused`: a pure operation already computed (before the branch, or in the other arm:
//!   both run) is that value, which lets the bridge's check of the branch condition be seen
//!   as implied;
//! - `reads`: a field read from an object of known class (checked before, hoisted, or
//!   allocated in the trace) is kept; the read of an immutable field of an object the trace
//!   allocated is replaced by the value written (`forwarded_read`), and that of an object
//!   older than the branch is done once, at the branch, for both arms (`shared_read`);
//! - `allocations`: `new` and writes to the new object are kept (allocation removal takes
//!   them away again); no other write, no call, no array access, no other guard;
//! - facts (`record_known_*`) of the bridge hold only on its way and are dropped; safepoints
//!   in an arm are dropped (the loop has its own at the top of every iteration).
//!
//! Merging the frames (`merged_slot`): a slot equal on both ways stays; an integer or float
//! slot is selected; a reference slot holding, on both ways, an object allocated in the
//! trace with the same size descr that nothing else refers to (no other slot, no field, no
//! call: only its own field writes and reads, checks and snapshots) becomes one new object
//! whose fields are selected (`merged_allocation`): neither object was observable, so one
//! fresh object is as good as either. When one way leaves an older object (`count`, untouched)
//! and the other a new one, the slot may be rebuilt from the old object's fields only if its
//! class is a *value* (`SizeDescr::value`: the language never sees identities of its objects)
//! and the old object's class is known (`reboxed_value`). Any other reference slot is a
//! `ptr_select` of two older objects; a new object selected against an older one would be
//! allocated on every iteration, which is refused (`no_forced_allocation`).
//!
//! The snapshot of a guard in an arm is a state of the interpreter only on iterations that
//! take that arm: nothing may make such a guard fail otherwise (the driver's forced guard
//! failures for testing skip merged loops).
//!
//! Which recorded guard a bridge belongs to ([`exit_words`]): the only recorded guard with the
//! failing guard's opcode and the same frames in its snapshot (an instruction boundary of the
//! iteration). Two guards at one boundary describe the same interpreter state, and the bridge
//! starts by redoing the instruction, checking again the condition that sent it there (which
//! is then implied, or conditional), so the words the bridge starts from are right for either.
//!
//! # What it does not do
//!
//! It converts one guard at a time. A bridge with a hot guard of its own (the `and` above:
//! `j > 500` within the `h % 2 == 0` bridge) keeps that guard, now conditional, and the driver
//! converts again when it grows a bridge, up to a small number of times per loop. It does not
//! convert bridges that end elsewhere than at the loop's own header, that call out, write
//! memory or index arrays, or whose recording is long ([`MAX_BRIDGE_OPS`]), nor guards in
//! inlined calls' loops. Whether a guard fails often enough to pay for running both arms
//! every iteration is the driver's decision (today: it is the loop's main way out and failed
//! `ifconv_threshold` times, or got a bridge; the loop does not count its iterations, so the
//! failure ratio is not known); this pass only says whether merging is sound, and refuses the
//! one case that is sure to cost (`no_forced_allocation`).

use super::util::is_boolean;
use crate::ir::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The longest bridge recording (in operations, `finish` excluded) worth running on every
/// iteration. A boxed-number interpreter records about ten operations per bytecode.
pub const MAX_BRIDGE_OPS: usize = 120;

/// The most checks of its own (conditional guards, overflow checks aside) a bridge may make:
/// each is a way the merged loop still leaves by, on iterations that take the bridge's way
/// but not the path it was recorded along, and a bridge recorded along a rare path (an odd
/// number divisible by 3, 5 and 7) would make the merged loop leave more often than the
/// original did.
pub const MAX_BRIDGE_CHECKS: usize = 1;

/// What one exit word of the guard is, in terms of the recorded loop: the bridge's input of
/// the same number stands for it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Word {
    /// This operand of the recorded loop.
    Same(Operand),
    /// The field (by the loop's descr) of this object of the recorded loop, of this class
    /// (header word): the word of a field of a virtual object of the optimized loop's
    /// snapshot. The object must be an allocation of the loop or of a class checked before.
    Field(Operand, DescrId, u64),
    /// A placeholder word (the slot of a virtual object, which the bridge rebuilds from its
    /// fields, or an unused word before the fields): the bridge must not use it.
    Unused,
}

/// Why a guard cannot be converted.
pub type Refusal = &'static str;

/// The exit words of guard number `exit` of the optimized loop `optimized`, as [`Word`]s of
/// the recorded loop `recorded` it was optimized from, with the position of the recorded
/// guard they stand for. The recorded guard is the only one with the same opcode and the
/// same frames (keys) in its snapshot; the optimized snapshot's slots map to the recorded
/// snapshot's slots, a virtual object's fields to reads of the recorded slot's object (an
/// allocation of the same size descr, or an older object: a box the optimized loop carries
/// unboxed was the recorded iteration's input).
pub fn exit_words(recorded: &Trace, optimized: &Trace, exit: usize) -> Result<(usize, Vec<Word>), Refusal> {
    let og = optimized.guard(exit).ok_or("no such guard")?;
    let os = og.snapshot.as_ref().ok_or("guard without snapshot")?;
    if !os.writes.is_empty() || os.deliver.is_some() {
        return Err("the exit writes memory or delivers a call's result");
    }
    let keys = |t: &Trace, s: &Snapshot| -> Vec<String> {
        s.frames.iter().map(|f| t.keys.get(f.key.0 as usize).cloned().unwrap_or_default()).collect()
    };
    let want = keys(optimized, os);
    let mut found = recorded
        .ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.opcode == og.opcode && o.snapshot.as_ref().is_some_and(|s| keys(recorded, s) == want));
    let (g, rg) = found.next().ok_or("no recorded guard at the same place")?;
    if found.next().is_some() {
        return Err("several recorded guards at the same place");
    }
    let rs = rg.snapshot.as_ref().expect("filtered on snapshots");
    if !rs.virtuals.is_empty() {
        return Err("a recorded snapshot with virtual objects");
    }
    let rslots: Vec<Operand> = rs.frames.iter().flat_map(|f| f.values.iter().copied()).collect();
    let oslots: Vec<Operand> = os.frames.iter().flat_map(|f| f.values.iter().copied()).collect();
    if rslots.len() != oslots.len() {
        return Err("snapshots of different shapes");
    }
    // Which recorded slot holds each virtual of the optimized snapshot (directly).
    let mut holder: HashMap<u32, Operand> = HashMap::default();
    let mut words: Vec<Word> = Vec::new();
    for (&o, &r) in oslots.iter().zip(&rslots) {
        match o {
            Operand::Virtual(k) => {
                holder.entry(k).or_insert(r);
                words.push(Word::Unused);
            }
            // A bridge takes the constants of its exit as they are, not as inputs (their words
            // are not written, see `backend::exits`): one the optimizer derived (a value the
            // peeled body knows after the first iteration) is not the recorded loop's.
            _ if o.is_const() && o != r => return Err("the exit has a constant the recorded loop's slot is not"),
            _ => words.push(Word::Same(r)),
        }
    }
    let defs: HashMap<Value, &Op> = recorded.ops.iter().filter_map(|o| Some((o.result?, o))).collect();
    // (The unused words before the fields: see `ir::fields_at`.)
    words.resize(os.fields_at(), Word::Unused);
    for (k, v) in os.virtuals.iter().enumerate() {
        let r = *holder.get(&(k as u32)).ok_or("a virtual object only reachable through another")?;
        let size = optimized.descr(v.descr);
        let DescrKind::Size(sd) = &size.kind else { return Err("a virtual without a size descr") };
        let other = r
            .as_value()
            .and_then(|x| defs.get(&x))
            .is_some_and(|d| d.opcode == Opcode::New && d.descr.is_none_or(|dd| *recorded.descr(dd) != *size));
        if other || v.len.is_some() || !matches!(r, Operand::Value(_)) {
            return Err("a virtual object that is not the recorded slot's object");
        }
        for f in &v.fields {
            if f.value.is_const() {
                return Err("a virtual object's field is a constant the bridge takes as it is");
            }
            let d = optimized.descr(f.descr);
            let rd = recorded.descrs.iter().position(|e| e == d).ok_or("a field the recorded loop does not know")?;
            words.push(Word::Field(r, DescrId(rd as u32), sd.class));
        }
    }
    Ok((g, words))
}

/// Converts the guard at position `g` of the recorded loop `lp` (a `guard_true` or
/// `guard_false`; `lp` ends with `jump` and has no `label`), whose failures continue in
/// `bridge`: its inputs are the guard's exit words, described by `words`, and it ends with
/// `finish` of the loop header's frame (the `jump`'s arguments' shape). See the module docs.
pub fn convert(lp: &Trace, g: usize, words: &[Word], bridge: &Trace) -> Result<Trace, Refusal> {
    let (Some(jump), Some(finish)) = (lp.ops.last(), bridge.ops.last()) else { return Err("empty trace") };
    if jump.opcode != Opcode::Jump || lp.label_index().is_some() {
        return Err("not an unpeeled loop");
    }
    if finish.opcode != Opcode::Finish || finish.args.len() != jump.args.len() {
        return Err("the bridge does not finish with the loop header's frame");
    }
    if bridge.inputs.len() != words.len() || bridge.ops.len() - 1 > MAX_BRIDGE_OPS {
        return Err("the bridge is too long or its inputs are not the exit words");
    }
    let branch = lp.ops.get(g).filter(|o| matches!(o.opcode, Opcode::GuardTrue | Opcode::GuardFalse));
    let branch = branch.ok_or("not a guard_true or guard_false")?;
    let mut c = Conv::new(lp, g);
    // The words the bridge starts from.
    let mut bmap: HashMap<Value, Operand> = HashMap::default();
    for (&input, &w) in bridge.inputs.iter().zip(words) {
        let o = match w {
            Word::Same(o) => c.resolve(o),
            Word::Field(p, d, class) => c.read_at_branch(p, d, class, bridge.type_of(input))?,
            Word::Unused => continue,
        };
        if c.out.operand_type(o) != bridge.type_of(input) {
            return Err("an exit word of another type");
        }
        bmap.insert(input, o);
    }
    // The branch condition as a 0/1 value for each way: `loop_way` continues the recorded
    // loop, `bridge_way` is the failing guard's.
    let x = c.resolve(branch.args[0]);
    let fails_when = branch.opcode == Opcode::GuardFalse; // the bridge runs when x != 0 is this
    let truth = c.boolean(x);
    let falsity = c.emit_pure(Opcode::IntIsZero, vec![x]);
    let (bridge_way, loop_way) = if fails_when { (truth, falsity) } else { (falsity, truth) };
    let mut loop_lits = HashSet::default();
    c.literals(x, !fails_when, &mut loop_lits);
    let mut bridge_lits = HashSet::default();
    c.literals(x, fails_when, &mut bridge_lits);
    let snap = branch.snapshot.clone().ok_or("the branch has no snapshot")?;
    // The rest of the loop's iteration, then the bridge.
    let mut lmap: HashMap<Value, Operand> = c.before.iter().map(|&v| (v, Operand::Value(v))).collect();
    let rest = &lp.ops[g + 1..lp.ops.len() - 1];
    let mut loop_arm = c.arm(lp, rest, &mut lmap, loop_way, &loop_lits, &snap, false)?;
    let mut bridge_arm =
        c.arm(bridge, &bridge.ops[..bridge.ops.len() - 1], &mut bmap, bridge_way, &bridge_lits, &snap, true)?;
    c.common_checks(&mut loop_arm, &mut bridge_arm, &snap);
    let mut ops = std::mem::take(&mut c.at_branch);
    ops.extend(std::mem::take(&mut c.hoisted));
    ops.extend(std::mem::take(&mut c.conds));
    ops.extend(loop_arm);
    ops.extend(bridge_arm);
    c.out.ops.extend(ops);
    // The header's frame: merged slot by slot.
    let j: Vec<Operand> = jump.args.iter().map(|&a| c.arg(&lmap, a)).collect::<Result<_, _>>()?;
    let f: Vec<Operand> = finish.args.iter().map(|&a| c.arg(&bmap, a)).collect::<Result<_, _>>()?;
    let mut merged = Vec::with_capacity(j.len());
    for (&a, &b) in j.iter().zip(&f) {
        merged.push(c.merged_slot(bridge_way, b, a, &j, &f)?);
    }
    let mut op = Op::new(Opcode::Jump, merged.clone(), None);
    op.snapshot = jump.snapshot.clone().map(|mut s| {
        if let Some(fr) = s.frames.first_mut() {
            fr.values = Slots::sharing(&merged, Some(&fr.values));
        }
        s
    });
    c.out.ops.push(op);
    crate::verify::verify(&c.out).map_err(|_| "the merged loop does not verify")?;
    Ok(c.out)
}

/// The trace being built and what is known at the point reached.
struct Conv {
    out: Trace,
    /// Objects allocated in the trace: their size descr.
    fresh: HashMap<Value, DescrId>,
    /// Fresh objects with a mutable field written, or used other than as the object of a
    /// field access, class or null check (stored, passed, compared): never merged.
    escaped: HashSet<Value>,
    /// Immutable fields written to fresh objects.
    fields: HashMap<(Value, DescrId), Operand>,
    /// Objects whose class is known (checked, recorded or hoisted).
    classes: HashMap<Value, Operand>,
    /// Values of the recorded loop before the branch (its inputs and the prefix's results).
    before: HashSet<Value>,
    /// Reads of exit words' fields, at the branch; hoisted checks; the ways' conditions.
    at_branch: Vec<Op>,
    hoisted: Vec<Op>,
    conds: Vec<Op>,
    /// Values that are always 0 or 1.
    booleans: HashSet<Value>,
    /// Reads of immutable fields of objects older than the branch, moved to it and shared
    /// by both arms.
    shared_reads: HashMap<(Value, DescrId), Operand>,
    /// The overflow-checked operations of each arm: (bridge arm?, position in the arm,
    /// opcode, arguments before the selection).
    ovf_sites: Vec<(bool, usize, Opcode, Vec<Operand>)>,
    /// Overflow-checked operations before the branch that passed their check.
    checked: HashSet<(Opcode, Vec<Operand>)>,
    /// Pure operations emitted so far, by opcode and arguments (rule `reused`).
    pure: HashMap<(Opcode, Vec<Operand>), Operand>,
    /// Conditional guards made in the bridge's arm (see [`MAX_BRIDGE_CHECKS`]).
    bridge_checks: usize,
    /// Definitions of `int_and`, `int_is_zero`, `int_is_true` results (for literals).
    logic: HashMap<Value, (Opcode, Vec<Operand>)>,
}

impl Conv {
    /// Starts from the loop's operations before the branch, learning what they tell.
    fn new(lp: &Trace, g: usize) -> Conv {
        let mut c = Conv {
            out: Trace {
                inputs: lp.inputs.clone(),
                ops: Vec::new(),
                types: lp.types.clone(),
                descrs: lp.descrs.clone(),
                keys: lp.keys.clone(),
                label_ranges: Vec::new(),
            },
            fresh: HashMap::default(),
            escaped: HashSet::default(),
            fields: HashMap::default(),
            classes: HashMap::default(),
            before: lp.inputs.iter().copied().collect(),
            at_branch: Vec::new(),
            hoisted: Vec::new(),
            conds: Vec::new(),
            booleans: HashSet::default(),
            logic: HashMap::default(),
            shared_reads: HashMap::default(),
            ovf_sites: Vec::new(),
            checked: HashSet::default(),
            pure: HashMap::default(),
            bridge_checks: 0,
        };
        for (k, op) in lp.ops[..g].iter().enumerate() {
            if op.opcode.is_ovf() && lp.ops.get(k + 1).is_some_and(|n| n.opcode == Opcode::GuardNoOverflow) {
                c.checked.insert((op.opcode, op.args.clone()));
            }
            if let (Opcode::GetfieldI | Opcode::GetfieldF | Opcode::GetfieldR, Some(d), Some(r), &[Operand::Value(p)]) =
                (op.opcode, op.descr, op.result, &op.args[..])
            {
                if matches!(&lp.descr(d).kind, DescrKind::Field(f) if f.immutable) {
                    c.shared_reads.entry((p, d)).or_insert(Operand::Value(r));
                }
            }
            c.learn(op);
            if let (true, Some(r)) = (op.opcode.is_pure(), op.result) {
                c.pure.entry((op.opcode, op.args.clone())).or_insert(Operand::Value(r));
            }
            c.before.extend(op.result);
            c.out.ops.push(op.clone());
        }
        c
    }

    /// Records what `op` (already in the output) tells about fresh objects, classes, booleans.
    fn learn(&mut self, op: &Op) {
        let d = op.descr;
        match (op.opcode, &op.args[..]) {
            (Opcode::New, _) => {
                if let (Some(r), Some(d)) = (op.result, d) {
                    self.fresh.insert(r, d);
                    if let DescrKind::Size(s) = &self.out.descr(d).kind {
                        self.classes.insert(r, Operand::Ref(s.class));
                    }
                }
            }
            (Opcode::Setfield, &[Operand::Value(p), x]) => {
                let immutable = matches!(&self.out.descr(d.expect("setfield has a descr")).kind, DescrKind::Field(f) if f.immutable);
                if immutable && self.fresh.contains_key(&p) {
                    self.fields.insert((p, d.unwrap()), x);
                } else {
                    self.escaped.insert(p);
                }
                self.escape(x);
            }
            (Opcode::GuardClass | Opcode::RecordKnownClass, &[Operand::Value(p), k]) => {
                self.classes.insert(p, k);
            }
            (Opcode::GetfieldI | Opcode::GetfieldF | Opcode::GetfieldR | Opcode::GuardNonNull, _) => {}
            _ => op.args.iter().for_each(|&a| self.escape(a)),
        }
        if let Some(r) = op.result {
            if is_boolean(op.opcode) {
                self.booleans.insert(r);
            }
            if matches!(op.opcode, Opcode::IntAnd | Opcode::IntIsZero | Opcode::IntIsTrue) {
                self.logic.insert(r, (op.opcode, op.args.clone()));
            }
            if op.opcode == Opcode::IntAnd && op.args.iter().all(|&a| self.is_boolean(a)) {
                self.booleans.insert(r);
            }
        }
    }

    fn escape(&mut self, o: Operand) {
        if let Operand::Value(v) = o {
            if self.fresh.contains_key(&v) {
                self.escaped.insert(v);
            }
        }
    }

    fn is_boolean(&self, o: Operand) -> bool {
        match o {
            Operand::Int(c) => c == 0 || c == 1,
            Operand::Value(v) => self.booleans.contains(&v),
            _ => false,
        }
    }

    /// Rule `forwarded_read`: an operand read from an immutable field of a fresh object is
    /// the value written there.
    fn resolve(&self, o: Operand) -> Operand {
        let Operand::Value(v) = o else { return o };
        for op in self.out.ops.iter().rev() {
            if op.result == Some(v) {
                if let (Opcode::GetfieldI | Opcode::GetfieldF | Opcode::GetfieldR, Some(d), &[Operand::Value(p)]) =
                    (op.opcode, op.descr, &op.args[..])
                {
                    if let Some(&x) = self.fields.get(&(p, d)) {
                        return self.resolve(x);
                    }
                }
                break;
            }
        }
        o
    }

    /// The field `d` (a descr of the loop) of object `p` of the loop, for an exit word: the
    /// value written if `p` is fresh, else a read at the branch.
    fn read_at_branch(&mut self, p: Operand, d: DescrId, class: u64, ty: Type) -> Result<Operand, Refusal> {
        let Operand::Value(pv) = p else { return Err("a field of a constant") };
        if let Some(&x) = self.fields.get(&(pv, d)) {
            return Ok(self.resolve(x));
        }
        if self.classes.get(&pv) != Some(&Operand::Ref(class)) {
            return Err("a field of an object of unknown class");
        }
        if let Some(&x) = self.shared_reads.get(&(pv, d)) {
            return Ok(x);
        }
        let r = self.out.new_value(ty);
        let mut op = Op::new(Opcode::getfield(ty), vec![p], Some(r));
        op.descr = Some(d);
        self.at_branch.push(op);
        self.before.insert(r);
        if matches!(&self.out.descr(d).kind, DescrKind::Field(f) if f.immutable) {
            self.shared_reads.insert((pv, d), Operand::Value(r));
        }
        Ok(Operand::Value(r))
    }

    /// `o != 0` as a 0/1 value.
    fn boolean(&mut self, o: Operand) -> Operand {
        if self.is_boolean(o) {
            o
        } else {
            self.emit_pure(Opcode::IntIsTrue, vec![o])
        }
    }

    /// Emits a pure integer operation among the ways' conditions.
    fn emit_pure(&mut self, opcode: Opcode, args: Vec<Operand>) -> Operand {
        let r = self.out.new_value(Type::Int);
        let op = Op::new(opcode, args, Some(r));
        self.learn(&op);
        self.conds.push(op);
        Operand::Value(r)
    }

    /// The facts `(x, truth)` that `o` being `truth` (non-zero or zero) implies: itself, and
    /// through `int_is_zero`, `int_is_true`, and `int_and` of booleans being true.
    fn literals(&self, o: Operand, truth: bool, out: &mut HashSet<(Operand, bool)>) {
        if !out.insert((o, truth)) {
            return;
        }
        let Some(v) = o.as_value() else { return };
        let def = self.logic.get(&v).cloned().or_else(|| {
            self.out.ops.iter().find(|op| op.result == Some(v)).and_then(|op| match op.opcode {
                Opcode::IntAnd | Opcode::IntIsZero | Opcode::IntIsTrue => Some((op.opcode, op.args.clone())),
                _ => None,
            })
        });
        match def {
            Some((Opcode::IntIsTrue, a)) => self.literals(a[0], truth, out),
            Some((Opcode::IntIsZero, a)) => self.literals(a[0], !truth, out),
            Some((Opcode::IntAnd, a)) if truth && a.iter().all(|&x| self.is_boolean(x)) => {
                self.literals(a[0], true, out);
                self.literals(a[1], true, out);
            }
            _ => {}
        }
    }

    /// The output operand for an argument of the arm's trace.
    fn arg(&self, map: &HashMap<Value, Operand>, a: Operand) -> Result<Operand, Refusal> {
        match a {
            Operand::Value(v) => map.get(&v).copied().map(|o| self.resolve(o)).ok_or("an arm uses an unknown value"),
            Operand::Virtual(_) => Err("a virtual operand"),
            c => Ok(c),
        }
    }

    fn is_before(&self, o: Operand) -> bool {
        match o {
            Operand::Value(v) => self.before.contains(&v),
            _ => true,
        }
    }

    /// Translates the operations of one arm (from `src`: the loop itself, or the bridge with
    /// `foreign` descrs and keys), run under the 0/1 condition `way`, whose truth implies
    /// `lits`. Returns the operations to emit; hoisted checks go to `self.hoisted`.
    #[allow(clippy::too_many_arguments)]
    fn arm(
        &mut self,
        src: &Trace,
        ops: &[Op],
        map: &mut HashMap<Value, Operand>,
        way: Operand,
        lits: &HashSet<(Operand, bool)>,
        branch: &Snapshot,
        foreign: bool,
    ) -> Result<Vec<Op>, Refusal> {
        let mut out: Vec<Op> = Vec::new();
        let mut k = 0;
        while k < ops.len() {
            let op = &ops[k];
            k += 1;
            let args: Vec<Operand> = op.args.iter().map(|&a| self.arg(map, a)).collect::<Result<_, _>>()?;
            let descr = match op.descr {
                Some(d) if foreign => Some(self.foreign_descr(src, d)?),
                d => d,
            };
            let snapshot = match &op.snapshot {
                Some(s) => Some(self.snapshot(src, s, map, foreign)?),
                None => None,
            };
            let result = |c: &mut Conv, map: &mut HashMap<Value, Operand>| -> Option<Value> {
                op.result.map(|r| {
                    let n = c.out.new_value(src.type_of(r));
                    map.insert(r, Operand::Value(n));
                    n
                })
            };
            let emit = |c: &mut Conv,
                        out: &mut Vec<Op>,
                        opcode: Opcode,
                        args: Vec<Operand>,
                        r: Option<Value>,
                        s: Option<Snapshot>| {
                let mut o = Op::new(opcode, args, r);
                o.descr = descr;
                o.snapshot = s;
                c.learn(&o);
                out.push(o);
            };
            match op.opcode {
                Opcode::RecordKnownClass | Opcode::RecordKnownRange | Opcode::GuardSafepoint => {}
                Opcode::GuardNotInvalidated => {
                    let mut o = Op::new(op.opcode, args, None);
                    o.snapshot = Some(branch.clone());
                    self.hoisted.push(o);
                }
                Opcode::GuardClass | Opcode::GuardNonNull => {
                    let p = args[0];
                    let known = p.as_value().and_then(|v| self.classes.get(&v)).copied();
                    let passes = match op.opcode {
                        Opcode::GuardClass => known == Some(args[1]),
                        _ => known.is_some(),
                    };
                    if passes {
                        continue;
                    }
                    if !self.is_before(p) || known.is_some() {
                        return Err("a class check the other way may fail");
                    }
                    // Rule `hoisted_guard`.
                    let mut o = Op::new(op.opcode, args.clone(), None);
                    o.snapshot = Some(branch.clone());
                    if let (Opcode::GuardClass, Some(v)) = (op.opcode, p.as_value()) {
                        self.classes.insert(v, args[1]);
                    }
                    self.hoisted.push(o);
                }
                Opcode::GuardTrue | Opcode::GuardFalse | Opcode::GuardValue => {
                    let x = self.resolve(args[0]);
                    let need = match op.opcode {
                        Opcode::GuardTrue => Some((x, true)),
                        Opcode::GuardFalse => Some((x, false)),
                        _ => None,
                    };
                    if need.is_some_and(|n| lits.contains(&n)) {
                        continue; // rule `implied_guard`
                    }
                    if op.opcode == Opcode::GuardValue && src.operand_type(op.args[0]) != Type::Int {
                        return Err("a guard_value on a reference or float");
                    }
                    // Rule `conditional_guard`: fails when the way is taken and the check fails.
                    if foreign {
                        self.bridge_checks += 1;
                        if self.bridge_checks > MAX_BRIDGE_CHECKS {
                            return Err("the bridge makes more than one check of its own");
                        }
                    }
                    let fail = match op.opcode {
                        Opcode::GuardTrue => self.emit_in(&mut out, Opcode::IntIsZero, vec![x]),
                        Opcode::GuardFalse => {
                            if self.is_boolean(x) {
                                x
                            } else {
                                self.emit_in(&mut out, Opcode::IntIsTrue, vec![x])
                            }
                        }
                        _ => self.emit_in(&mut out, Opcode::IntNe, vec![x, args[1]]),
                    };
                    let both = self.emit_in(&mut out, Opcode::IntAnd, vec![way, fail]);
                    emit(self, &mut out, Opcode::GuardFalse, vec![both], None, snapshot);
                }
                o if o.is_ovf() => {
                    // Rule `overflow_checked`.
                    let guard =
                        ops.get(k).filter(|n| n.opcode == Opcode::GuardNoOverflow).ok_or("an unchecked _ovf")?;
                    k += 1;
                    if self.checked.contains(&(o, args.clone())) {
                        // Rule `checked_before`: the same operation passed its check before
                        // the branch; this one cannot overflow.
                        let r = result(self, map);
                        emit(self, &mut out, o.without_ovf().expect("an _ovf opcode"), args, r, None);
                        continue;
                    }
                    let unit = if o == Opcode::IntMulOvf { 1 } else { 0 };
                    let b = self.emit_in(&mut out, Opcode::IntSelect, vec![way, args[1], Operand::Int(unit)]);
                    let r = result(self, map);
                    self.ovf_sites.push((foreign, out.len(), o, args.clone()));
                    emit(self, &mut out, o, vec![args[0], b], r, None);
                    let s = match &guard.snapshot {
                        Some(s) => Some(self.snapshot(src, s, map, foreign)?),
                        None => None,
                    };
                    emit(self, &mut out, Opcode::GuardNoOverflow, vec![], None, s);
                }
                Opcode::New => {
                    let r = result(self, map);
                    emit(self, &mut out, Opcode::New, args, r, None);
                }
                Opcode::Setfield => {
                    if !args[0].as_value().is_some_and(|p| self.fresh.contains_key(&p)) {
                        return Err("a write to an object allocated before");
                    }
                    emit(self, &mut out, Opcode::Setfield, args, None, None);
                }
                Opcode::GetfieldI | Opcode::GetfieldF | Opcode::GetfieldR => {
                    let Some(p) = args[0].as_value() else { return Err("a read of a constant's field") };
                    let d = descr.expect("reads have descrs");
                    if let Some(&x) = self.fields.get(&(p, d)) {
                        map.insert(op.result.expect("reads have results"), self.resolve(x));
                        continue;
                    }
                    if !self.classes.contains_key(&p) {
                        return Err("a read of an object of unknown class");
                    }
                    let immutable = matches!(&self.out.descr(d).kind, DescrKind::Field(f) if f.immutable);
                    if immutable && self.before.contains(&p) {
                        // Rule `shared_read`: read once, at the branch (after the checks
                        // hoisted so far, which include its class check if no earlier one).
                        let r = op.result.expect("reads have results");
                        if let Some(&x) = self.shared_reads.get(&(p, d)) {
                            map.insert(r, x);
                            continue;
                        }
                        let n = self.out.new_value(src.type_of(r));
                        let mut read = Op::new(op.opcode, args, Some(n));
                        read.descr = Some(d);
                        self.hoisted.push(read);
                        self.before.insert(n);
                        self.shared_reads.insert((p, d), Operand::Value(n));
                        map.insert(r, Operand::Value(n));
                        continue;
                    }
                    let r = result(self, map);
                    emit(self, &mut out, op.opcode, args, r, None);
                }
                o if o.is_pure() && !super::util::runs_anywhere(o, &args) => {
                    return Err("a division that may be by zero the other way");
                }
                o if o.is_pure() => {
                    // Rule `reused`: the same pure operation emitted before (the bridge
                    // computes the branch condition again) is that value.
                    if let Some(&x) = self.pure.get(&(o, args.clone())) {
                        map.insert(op.result.expect("pure operations have results"), x);
                        continue;
                    }
                    let r = result(self, map);
                    if let Some(r) = r {
                        self.pure.insert((o, args.clone()), Operand::Value(r));
                    }
                    emit(self, &mut out, o, args, r, None);
                }
                _ => return Err("an operation that may not run the other way"),
            }
        }
        Ok(out)
    }

    /// Rule `common_check`: an overflow-checked operation that both arms do on the same
    /// values from before the branch overflows whichever way is taken, so it is checked once,
    /// at the branch, with the branch's snapshot (the interpreter then redoes the branch and
    /// meets the overflow itself); in the arms it becomes unchecked (and the same operation
    /// in both, so the selection of its results folds away).
    fn common_checks(&mut self, loop_arm: &mut Vec<Op>, bridge_arm: &mut Vec<Op>, branch: &Snapshot) {
        let sites = std::mem::take(&mut self.ovf_sites);
        let mut used = vec![false; sites.len()];
        let mut drop_guards: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        for i in 0..sites.len() {
            let (arm_i, at_i, op_i, ref args_i) = sites[i];
            if arm_i || used[i] || !args_i.iter().all(|&a| self.is_before(a)) {
                continue;
            }
            let Some(j) =
                (0..sites.len()).find(|&j| !used[j] && sites[j].0 && sites[j].2 == op_i && sites[j].3 == *args_i)
            else {
                continue;
            };
            used[i] = true;
            used[j] = true;
            let twin = op_i.without_ovf().expect("an _ovf opcode");
            for (arm, at) in [(&mut *loop_arm, at_i), (&mut *bridge_arm, sites[j].1)] {
                arm[at].opcode = twin;
                arm[at].args = args_i.clone();
            }
            drop_guards[0].push(at_i + 1);
            drop_guards[1].push(sites[j].1 + 1);
            let r = self.out.new_value(Type::Int);
            self.hoisted.push(Op::new(op_i, args_i.clone(), Some(r)));
            let mut guard = Op::new(Opcode::GuardNoOverflow, vec![], None);
            guard.snapshot = Some(branch.clone());
            self.hoisted.push(guard);
        }
        for (arm, drops) in [(loop_arm, &drop_guards[0]), (bridge_arm, &drop_guards[1])] {
            let mut k = 0;
            arm.retain(|_| {
                k += 1;
                !drops.contains(&(k - 1))
            });
        }
    }

    /// Emits a pure integer operation into an arm.
    fn emit_in(&mut self, out: &mut Vec<Op>, opcode: Opcode, args: Vec<Operand>) -> Operand {
        let r = self.out.new_value(Type::Int);
        let op = Op::new(opcode, args, Some(r));
        self.learn(&op);
        out.push(op);
        Operand::Value(r)
    }

    /// The loop's descr equal to the bridge's descr `d` (added if new; refused if its name
    /// is taken by another descr).
    fn foreign_descr(&mut self, src: &Trace, d: DescrId) -> Result<DescrId, Refusal> {
        let descr = src.descr(d).clone();
        if self.out.descrs.iter().any(|e| e.name == descr.name && *e != descr) {
            return Err("two descrs of the same name");
        }
        Ok(self.out.add_descr(descr))
    }

    /// An arm's snapshot in output terms.
    fn snapshot(
        &mut self,
        src: &Trace,
        s: &Snapshot,
        map: &HashMap<Value, Operand>,
        foreign: bool,
    ) -> Result<Snapshot, Refusal> {
        if !s.virtuals.is_empty() || !s.writes.is_empty() {
            return Err("a recorded snapshot with virtuals or writes");
        }
        let mut out = s.clone();
        for f in &mut out.frames {
            if foreign {
                f.key = self.out.key(src.keys.get(f.key.0 as usize).ok_or("a snapshot key out of range")?);
            }
            let values: Vec<Operand> = f.values.iter().map(|&v| self.arg(map, v)).collect::<Result<_, _>>()?;
            f.values = Slots::sharing(&values, Some(&f.values));
        }
        Ok(out)
    }

    /// Rule `merged_slot`: the header frame's slot that the loop's way leaves as `a` and the
    /// bridge's as `b` (`js`, `fs`: all slots of each, to see objects in two slots).
    fn merged_slot(
        &mut self,
        way: Operand,
        b: Operand,
        a: Operand,
        js: &[Operand],
        fs: &[Operand],
    ) -> Result<Operand, Refusal> {
        if a == b {
            return Ok(a);
        }
        let ty = self.out.operand_type(a);
        if ty != self.out.operand_type(b) {
            return Err("a frame slot of two types");
        }
        if ty == Type::Ref {
            let once = |o: Operand, slots: &[Operand]| slots.iter().filter(|&&s| s == o).count() == 1;
            let alone = |c: &Conv, o: Operand, slots: &[Operand]| {
                o.as_value().is_some_and(|v| c.fresh.contains_key(&v) && !c.escaped.contains(&v)) && once(o, slots)
            };
            let size = |c: &Conv, o: Operand| o.as_value().and_then(|v| c.fresh.get(&v)).copied();
            // Rule `merged_allocation`: a new object on both ways.
            if alone(self, a, js) && alone(self, b, fs) && size(self, a) == size(self, b) {
                let d = size(self, a).expect("checked");
                return Ok(self.merged_object(way, d, b, a));
            }
            // Rule `reboxed_value`: a new value object one way, an older one of the same class
            // the other way.
            for (fresh, slots, old, old_first) in [(b, fs, a, false), (a, js, b, true)] {
                let Some(d) = size(self, fresh).filter(|_| alone(self, fresh, slots)) else { continue };
                let DescrKind::Size(s) = &self.out.descr(d).kind else { continue };
                let known = old.as_value().and_then(|v| self.classes.get(&v)).copied();
                if s.value && known == Some(Operand::Ref(s.class)) && size(self, old).is_none() {
                    return Ok(if old_first {
                        self.merged_object(way, d, old, fresh)
                    } else {
                        self.merged_object(way, d, fresh, old)
                    });
                }
            }
        }
        if ty == Type::Ref && [a, b].iter().any(|o| o.as_value().is_some_and(|v| self.fresh.contains_key(&v))) {
            // Rule `no_forced_allocation`: selecting a new object would allocate it on every
            // iteration, which costs more than the bridge saves.
            return Err("a new object one way, another object the other: it would be allocated every time");
        }
        let r = self.out.new_value(ty);
        self.out.ops.push(Op::new(Opcode::select(ty), vec![way, b, a], Some(r)));
        Ok(Operand::Value(r))
    }

    /// A new object of size descr `d` whose fields are `on ? yes.f : no.f`; a side that is not
    /// fresh has its fields read (its class is known).
    fn merged_object(&mut self, on: Operand, d: DescrId, yes: Operand, no: Operand) -> Operand {
        let mut descrs: Vec<DescrId> = Vec::new();
        for side in [yes, no] {
            for (&(p, f), _) in self.fields.iter() {
                if Operand::Value(p) == side && !descrs.contains(&f) {
                    descrs.push(f);
                }
            }
        }
        descrs.sort_by_key(|f| f.0);
        let obj = self.out.new_value(Type::Ref);
        let mut op = Op::new(Opcode::New, vec![], Some(obj));
        op.descr = Some(d);
        self.out.ops.push(op);
        for f in descrs {
            let ty = match &self.out.descr(f).kind {
                DescrKind::Field(fd) => fd.kind.ty(),
                _ => Type::Int,
            };
            let field = |c: &mut Conv, side: Operand| -> Operand {
                let Operand::Value(p) = side else { return Operand::Int(0) };
                if let Some(&x) = c.fields.get(&(p, f)).or_else(|| c.shared_reads.get(&(p, f))) {
                    return c.resolve(x);
                }
                if c.fresh.contains_key(&p) {
                    return match ty {
                        Type::Int => Operand::Int(0),
                        Type::Float => Operand::float(0.0),
                        Type::Ref => Operand::Ref(0),
                    };
                }
                let r = c.out.new_value(ty);
                let mut read = Op::new(Opcode::getfield(ty), vec![side], Some(r));
                read.descr = Some(f);
                c.out.ops.push(read);
                Operand::Value(r)
            };
            let (y, n) = (field(self, yes), field(self, no));
            let v = if y == n {
                y
            } else {
                let r = self.out.new_value(ty);
                self.out.ops.push(Op::new(Opcode::select(ty), vec![on, y, n], Some(r)));
                Operand::Value(r)
            };
            let mut w = Op::new(Opcode::Setfield, vec![Operand::Value(obj), v], None);
            w.descr = Some(f);
            self.out.ops.push(w);
        }
        Operand::Value(obj)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{parse, print};

    /// `while j < 1000: h = (h * 31 + j) % 1000003; if h % 2 == 0 and j > 500: count += 1;
    /// j += 1` on plain integers (inputs j, h, count); the guard on `h % 2 == 0` is op 7.
    const LOOP: &str = "\
inputs(i0, i1, i2)
i3 = int_lt(i0, 1000)
guard_true(i3) [k: i0, i1, i2]
i4 = int_mul(i1, 31)
i5 = int_add(i4, i0)
i6 = int_mod(i5, 1000003)
i7 = int_and(i6, 1)
i8 = int_eq(i7, 0)
guard_false(i8) [k2: i0, i6, i2]
i9 = int_add_ovf(i0, 1)
guard_no_overflow() [k3: i0, i6, i2]
jump(i9, i6, i2)
";

    /// The bridge from that guard (exit words j, h, count): `j > 500`, `count + 1`, `j + 1`.
    const BRIDGE: &str = "\
inputs(i0, i1, i2)
record_known_range(i1, 0, 1000002)
i3 = int_gt(i0, 500)
guard_true(i3) [k4: i0, i1, i2]
i4 = int_add_ovf(i2, 1)
guard_no_overflow() [k5: i0, i1, i2]
i5 = int_add_ovf(i0, 1)
guard_no_overflow() [k3: i0, i1, i4]
finish(i5, i1, i4)
";

    fn words(ops: &[&str]) -> Vec<Word> {
        ops.iter().map(|o| Word::Same(Operand::Value(Value(o[1..].parse().unwrap())))).collect()
    }

    fn conv(lp: &str, g: usize, w: &[Word], bridge: &str) -> Result<Trace, Refusal> {
        convert(&parse(lp).unwrap(), g, w, &parse(bridge).unwrap())
    }

    fn same(got: &Trace, expected: &str) {
        let want = print(&parse(expected).unwrap_or_else(|e| panic!("{e}\n{expected}")));
        assert_eq!(print(got), want, "\n--- got:\n{}--- expected:\n{want}", print(got));
    }

    #[test]
    fn both_ways_run_and_the_frame_is_selected() {
        // Rules `conditional_guard` (j > 500, only on the bridge's way), `overflow_checked`
        // (count + 1 adds 0 on the loop's way), `common_check` (both ways compute j + 1: one
        // check at the branch, with its snapshot), `merged_slot` (h is the same both ways).
        let t = conv(LOOP, 7, &words(&["i0", "i6", "i2"]), BRIDGE).unwrap();
        same(
            &t,
            "\
inputs(i0, i1, i2)
i3 = int_lt(i0, 1000)
guard_true(i3) [k: i0, i1, i2]
i4 = int_mul(i1, 31)
i5 = int_add(i4, i0)
i6 = int_mod(i5, 1000003)
i7 = int_and(i6, 1)
i8 = int_eq(i7, 0)
i9 = int_add_ovf(i0, 1)
guard_no_overflow() [k2: i0, i6, i2]
i10 = int_is_zero(i8)
i11 = int_select(i10, 1, 0)
i12 = int_add(i0, 1)
i13 = int_gt(i0, 500)
i14 = int_is_zero(i13)
i15 = int_and(i8, i14)
guard_false(i15) [k4: i0, i6, i2]
i16 = int_select(i8, 1, 0)
i17 = int_add_ovf(i2, i16)
guard_no_overflow() [k5: i0, i6, i2]
i18 = int_select(i8, 1, 0)
i19 = int_add(i0, 1)
i20 = int_select(i8, i19, i12)
i21 = int_select(i8, i17, i2)
jump(i20, i6, i21)
",
        );
    }

    #[test]
    fn optimized_converted_loop_has_no_branch_left() {
        // After the pipeline: the loop body adds the branch condition to count, and that sum
        // is count's next value (the selection between it and count is the sum itself: where
        // the condition is 0 it adds 0); j + 1 is the same both ways (its check is gone: j <
        // 1000); count's check stays (no bound); the `h % 2 == 0` guard is gone.
        let t = super::super::optimize(&conv(LOOP, 7, &words(&["i0", "i6", "i2"]), BRIDGE).unwrap());
        let out = print(&t);
        let body = &out[out.find("label(").unwrap()..];
        // The loop test, the conditional `j > 500` and count's overflow check.
        assert_eq!(body.matches("guard_").count(), 3, "{out}");
        assert_eq!(body.matches("guard_no_overflow").count(), 1, "{out}");
        assert!(!body.contains("int_select"), "{out}");
        assert!(body.contains("i25 = int_add_ovf(i13, i20)"), "{out}");
        assert!(body.contains("jump(i21, i18, i25)"), "{out}");
    }

    const BOXED: &str = "descr Int = size 32 value\ndescr Int.value = field i64 +16 immutable\n";

    /// `while true: if x % 2 == 1: count += 1; x += 1` on value boxes (inputs x, count); the
    /// guard on `x & 1` is op 3. (Size descrs parsed from text have class 0: `NULL`.)
    fn boxed_loop() -> String {
        format!(
            "{BOXED}inputs(p0, p1)
guard_class(p0, NULL) [k: p0, p1]
i2 = getfield_i(p0, descr=Int.value)
i3 = int_and(i2, 1)
guard_false(i3) [b: p0, p1]
i4 = int_add_ovf(i2, 1)
guard_no_overflow() [c: p0, p1]
p5 = new(descr=Int)
setfield(p5, i4, descr=Int.value)
jump(p5, p1)
"
        )
    }

    /// Its bridge: checks the branch again (implied), checks count's class (hoisted), reads
    /// it (shared), adds one to it and to x (x + 1 is common to both ways).
    fn boxed_bridge(extra: &str) -> String {
        format!(
            "{BOXED}inputs(p0, p1)
guard_class(p0, NULL) [b: p0, p1]
i2 = getfield_i(p0, descr=Int.value)
i3 = int_and(i2, 1)
guard_true(i3) [b: p0, p1]
guard_class(p1, NULL) [d: p0, p1]
i4 = getfield_i(p1, descr=Int.value)
i5 = int_add_ovf(i4, 1)
guard_no_overflow() [d: p0, p1]
p6 = new(descr=Int)
setfield(p6, i5, descr=Int.value)
{extra}i7 = int_add_ovf(i2, 1)
guard_no_overflow() [c: p0, p6]
p8 = new(descr=Int)
setfield(p8, i7, descr=Int.value)
finish(p8, p6)
"
        )
    }

    #[test]
    fn boxes_are_merged_and_value_boxes_rebuilt() {
        // Rules `implied_guard` (the bridge's `guard_true(x & 1)`), `hoisted_guard` (count's
        // class, with the branch's snapshot), `shared_read` (count's value, read at the
        // branch), `forwarded_read` (x's value in the bridge is i2), `common_check` (x + 1),
        // `merged_allocation` (x's new box, both ways) and `reboxed_value` (count: its old
        // box one way, a new one the other).
        let t = conv(&boxed_loop(), 3, &words(&["p0", "p1"]), &boxed_bridge("")).unwrap();
        same(
            &t,
            &format!(
                "{BOXED}inputs(p0, p1)
guard_class(p0, NULL) [k: p0, p1]
i2 = getfield_i(p0, descr=Int.value)
i3 = int_and(i2, 1)
guard_class(p1, NULL) [b: p0, p1]
i4 = getfield_i(p1, descr=Int.value)
i5 = int_add_ovf(i2, 1)
guard_no_overflow() [b: p0, p1]
i6 = int_is_true(i3)
i7 = int_is_zero(i3)
i8 = int_select(i7, 1, 0)
i9 = int_add(i2, 1)
p10 = new(descr=Int)
setfield(p10, i9, descr=Int.value)
i11 = int_select(i6, 1, 0)
i12 = int_add_ovf(i4, i11)
guard_no_overflow() [d: p0, p1]
p13 = new(descr=Int)
setfield(p13, i12, descr=Int.value)
i14 = int_select(i6, 1, 0)
i15 = int_add(i2, 1)
p16 = new(descr=Int)
setfield(p16, i15, descr=Int.value)
p17 = new(descr=Int)
i18 = int_select(i6, i15, i9)
setfield(p17, i18, descr=Int.value)
p19 = new(descr=Int)
i20 = int_select(i6, i12, i4)
setfield(p19, i20, descr=Int.value)
jump(p17, p19)
"
            ),
        );
        // Optimized, the loop body allocates nothing and has no branch on x & 1: count is an
        // integer in a register, incremented by the condition (x & 1, which is 0 or 1, so no
        // selection is left).
        let out = print(&super::super::optimize(&t));
        let body = &out[out.find("label(").unwrap()..];
        assert!(!body.contains("new("), "{out}");
        assert!(!body.contains("guard_false"), "{out}");
        assert!(!body.contains("int_select"), "{out}");
        assert!(body.contains("i8 = int_and(i6, 1)") && body.contains("= int_add_ovf(i7, i8)"), "{out}");
    }

    #[test]
    fn an_old_box_of_a_class_without_value_semantics_is_not_rebuilt() {
        // Without `value`, count's old box must stay itself one way: a `ptr_select` between
        // it and a new box, which would allocate on every iteration (rule
        // `no_forced_allocation`: refused).
        let lp = boxed_loop().replace("size 32 value", "size 32");
        let bridge = boxed_bridge("").replace("size 32 value", "size 32");
        let err = conv(&lp, 3, &words(&["p0", "p1"]), &bridge).unwrap_err();
        assert!(err.contains("allocated every time"), "{err}");
        // Two older objects are selected, allocating nothing: a loop that keeps x and count
        // and a bridge that swaps them.
        let keep = lp.replace("jump(p5, p1)", "jump(p0, p1)");
        let swap = bridge.replace("finish(p8, p6)", "finish(p1, p0)");
        let out = print(&conv(&keep, 3, &words(&["p0", "p1"]), &swap).unwrap_or_else(|e| panic!("{e}")));
        assert!(out.contains("ptr_select(i6, p1, p0)") && out.contains("ptr_select(i6, p0, p1)"), "{out}");
    }

    #[test]
    fn a_check_done_before_the_branch_is_not_repeated() {
        // Rule `checked_before`: the loop checked x + 1 before its branch already.
        let lp = boxed_loop().replace(
            "i3 = int_and(i2, 1)\n",
            "i9 = int_add_ovf(i2, 1)\nguard_no_overflow() [k: p0, p1]\ni3 = int_and(i2, 1)\n",
        );
        let out = print(&conv(&lp, 5, &words(&["p0", "p1"]), &boxed_bridge("")).unwrap());
        assert_eq!(out.matches("int_add_ovf(i2, 1)").count(), 1, "{out}");
    }

    #[test]
    fn bridges_that_may_not_run_the_other_way_are_refused() {
        let lp = boxed_loop();
        let w = words(&["p0", "p1"]);
        let refused = |extra: &str| conv(&lp, 3, &w, &boxed_bridge(extra)).unwrap_err();
        let call = format!("{BOXED}descr w = call(i) -> none write\n");
        let lp_call = lp.replace(BOXED, &call);
        let bridge_call = boxed_bridge("call_n(i4, descr=w)\n").replace(BOXED, &call);
        assert_eq!(conv(&lp_call, 3, &w, &bridge_call).unwrap_err(), "an operation that may not run the other way");
        assert_eq!(refused("setfield(p1, i4, descr=Int.value)\n"), "a write to an object allocated before");
        assert_eq!(refused("i20 = int_mod(i2, i4)\n"), "a division that may be by zero the other way");
        assert_eq!(refused("i20 = int_floordiv(i2, -1)\n"), "a division that may be by zero the other way");
        // A read of an object whose class nothing checked.
        let unchecked = boxed_bridge("").replace("guard_class(p1, NULL) [d: p0, p1]\n", "");
        assert_eq!(conv(&lp, 3, &w, &unchecked).unwrap_err(), "a read of an object of unknown class");
        // A bridge that ends elsewhere (a frame of another shape).
        let elsewhere = boxed_bridge("").replace("finish(p8, p6)", "finish(p8)");
        assert!(conv(&lp, 3, &w, &elsewhere).is_err());
        // Rule `few_checks`: a bridge recorded along a path of two more decisions.
        let two =
            "i30 = int_lt(i2, 7)\nguard_true(i30) [d: p0, p1]\ni31 = int_gt(i2, 3)\nguard_true(i31) [d: p0, p1]\n";
        assert_eq!(refused(two), "the bridge makes more than one check of its own");
        assert!(conv(&lp, 3, &w, &boxed_bridge(&two[..two.find("i31").unwrap()])).is_ok());
        // A division by a constant is fine.
        assert!(conv(&lp, 3, &w, &boxed_bridge("i20 = int_mod(i2, 7)\n")).is_ok());
    }

    #[test]
    fn exit_words_refuse_a_constant_the_recorded_slot_is_not() {
        // The peeled body knows y is 5 (a constant in its snapshot, which the bridge takes as
        // it is); the recorded loop's y is the input i1, 0 on the first iteration.
        let recorded = parse(
            "inputs(i0, i1)\ni2 = int_lt(i0, 10)\nguard_true(i2) [b: i0, i1]\ni3 = int_add(i0, 1)\njump(i3, 5)\n",
        );
        let optimized =
            |y: &str| parse(&format!("inputs(i0, i1)\ni2 = int_lt(i0, 10)\nguard_true(i2) [b: i0, {y}]\nfinish(i0)\n"));
        let (recorded, derived, same) = (recorded.unwrap(), optimized("5").unwrap(), optimized("i1").unwrap());
        assert!(exit_words(&recorded, &derived, 0).is_err());
        assert_eq!(
            exit_words(&recorded, &same, 0),
            Ok((1, vec![Word::Same(Operand::Value(Value(0))), Word::Same(Operand::Value(Value(1)))]))
        );
    }

    #[test]
    fn exit_words_of_a_virtual_read_the_recorded_box() {
        // The optimized loop's guard snapshot holds x unboxed (a virtual); the recorded
        // loop's has the box p0, so the word is a read of its field.
        let lp = parse(&boxed_loop()).unwrap();
        let opt = super::super::optimize(&lp);
        let guards: Vec<&Op> = opt.ops.iter().filter(|o| o.opcode.is_guard()).collect();
        let exit = guards
            .iter()
            .rposition(|o| o.snapshot.as_ref().is_some_and(|s| opt.keys[s.frames[0].key.0 as usize] == "b"));
        let (g, w) = exit_words(&lp, &opt, exit.unwrap()).unwrap();
        assert_eq!(g, 3);
        assert!(w.iter().any(|w| matches!(w, Word::Field(Operand::Value(Value(0)), _, 0))), "{w:?}");
    }
}
