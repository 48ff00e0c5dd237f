//! Heap caching: removes memory reads whose result is already known.
//!
//! One forward walk that remembers what memory is known to hold, in a table from a *location*
//! to an operand:
//! - `getfield_*(p, descr=f)` at location `(f, p)`;
//! - `getarrayitem_*(a, i, descr=d)` at location `(d, a, i)`, where the index is normalized to
//!   *base + constant offset* by looking through `int_add`/`int_sub` of constants (a constant
//!   index has no base), so `a[x + 1]` and `a[y]` with `y = x + 1` are the same location;
//! - `arraylen(a, descr=d)` at location `(d, a)`.
//!
//! A read of a known location is removed and its result replaced by the known operand
//! everywhere after it (arguments, snapshots, `jump`/`finish`). A read of an unknown location
//! records its own result there. A write (`setfield`, `setarrayitem`) records the value it
//! writes (store-to-load forwarding) after forgetting every location it may overwrite:
//! - fields: the same descriptor on another object, unless both objects are distinct
//!   constants (two unknown references may be the same object), or the field is immutable
//!   (written only while its object is initialized, before anything else refers to it);
//! - array items: the same descriptor, on an array that may be the same (again, only two
//!   distinct constants are known apart), at an index not provably different. Indices are
//!   provably different when they have the same base (or both none) and different constant
//!   offsets: `x + 1` and `x + 2`, or `3` and `4` (additions wrap, so equal bases with unequal
//!   offsets are unequal modulo 2^64 too);
//! - different descriptors never alias: descriptors are typed and name separate fields or
//!   separate kinds of array.
//!
//! A write of the value the table says the location already holds changes nothing and is
//! removed. A call whose effect may write (`write`, `mayraise`, `reenter`, or a call without
//! a call descriptor) forgets everything except immutable fields; `elidable` and `readonly`
//! calls keep the table. Allocations (`new`, `new_array`) keep it: the new object is none of
//! the objects the table knows about. Guards change no memory and keep it too; a guard that
//! pins a known value to a constant (`guard_false(x)`, `guard_value(x, 3)`, `guard_true` of a
//! comparison, `guard_isnull`) even refines the entries holding `x` to that constant, so that
//! bf's `[` (a zero test of the cell) lets later reads of the cell fold.
//!
//! Memory holds a written value truncated to the descriptor's kind: writing 256 to a `u8`
//! item and reading it back gives 0. So a forwarded write is only used as it is when it
//! provably fits the kind (a wide kind `i64`/`f64`/`ref`, a constant in range, a comparison,
//! or a value that was itself read from memory of a kind that fits). Otherwise the read is
//! replaced by the truncation, computed in registers: `int_and` with the mask for `u8`/`u32`,
//! a left then arithmetic right shift for `i8`/`i32`, or the truncated constant.
//!
//! # Across the label
//!
//! The loop body is entered from the preamble and from its own back edge, so what the
//! preamble knows at the `label` does not simply hold in the loop body: the values it names
//! may be label arguments (rebound on every iteration) and the previous iteration wrote
//! memory. The table is emptied at the label, and the index normalization forgets definitions
//! that mention the label's arguments (see `util.rs`); then the loop body starts with the
//! locations this pass can prove, and carries them around the loop (what PyPy gets from its
//! "short preamble"):
//!
//! - A *candidate* is a location known at the label whose address is loop-invariant: its
//!   object and index base are constants or preamble values that are not label arguments.
//! - The loop body is walked assuming every candidate holds, at the start of each iteration,
//!   what it holds at the label. At the `jump` the table says what each still holds: a
//!   candidate that a write to a location that may alias, a writing call or an unknown effect
//!   removed from the table (by the rules above, which apply in the loop body unchanged) is
//!   dropped, and so is one whose operand there has the wrong type. Since dropping a candidate
//!   changes what the loop body knows, the walk is redone (from the original trace) with the
//!   smaller set until the set is confirmed at the jump: a small fixed point, in which every
//!   round drops a candidate or demotes it (below), so it ends.
//! - A candidate still holding its starting operand at the jump is *invariant*: the loop body
//!   never changes it, so the loop body starts knowing the preamble's operand directly, and
//!   its reads become that operand (hoisted out of the loop, no label argument). That covers
//!   immutable fields, array lengths and anything the loop reads without writing.
//! - Any other candidate is carried in a *slot*: the label gets an extra argument, defined
//!   just before it as a copy of what the preamble knows (`int_add(x, 0)` for `i64`; for
//!   narrower integers the truncation, e.g. `int_and(x, 255)` for `u8`; for floats and
//!   references, which have no copy operation, a read of the location), and the jump gets the
//!   loop body's value at the end. The loop body starts knowing the location holds the label
//!   argument, so its reads become it. Both ends pass the *read-equivalent* value (what a
//!   read would return, truncated to the kind; a truncation is pushed before the label or the
//!   jump when the value may not fit), so the label argument fits the kind and reads use it
//!   as it is. Writes in the loop body stay (memory must be right when a guard fails or the
//!   loop ends) but reads go, which breaks the store-to-load chain through memory from one
//!   iteration to the next. Label and jump arguments stay in the same order (the locations'
//!   trace order).
//!
//! This is sound by induction over the iterations: the first one starts with the preamble's
//! knowledge, which the label's arguments (or the invariant operands) hold; if the assumed
//! table is true at the start of an iteration, the walk's table is true throughout it (the
//! rules are conservative), in particular at the jump, which passes the next iteration what
//! it assumes. Bridges are not affected: they enter the loop at its start (through the
//! preamble), never at the label.
//!
//! Not done here: locations first read in the loop body (rather than the preamble) are not
//! carried (that needs the loop body's first read hoisted into the preamble, which the
//! preamble-then-loop order of the walk does not do), nor locations whose address is itself
//! loop-carried (`a[i]` with `i` a label argument: a different location each iteration);
//! there is no cap on the number of slots (each is a register, or a spill); alias facts from
//! guards (`ptr_ne(p, q)` passing) are not used; escape analysis and virtual objects are
//! another pass's business; and writes that are overwritten before any read (dead stores: a
//! guard in between would need the old value in memory) are kept, including the loop body's
//! writes of carried locations (stores are not sunk out of the loop).

use super::util::{base_offset, is_boolean, Defs, Rewriter};
use crate::ir::*;
use rustc_hash::FxHashMap as HashMap;

/// An array index as `base + offset` (wrapping); a constant index has no base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Index {
    base: Option<Value>,
    offset: i64,
}

/// A memory location the table knows about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Loc {
    /// A field of an object.
    Field(DescrId, Operand),
    /// An item of an array.
    Item(DescrId, Operand, Index),
    /// The length of an array.
    Len(DescrId, Operand),
}

/// The memory kind a location holds, and whether it survives writing calls.
fn kind_of(t: &Trace, d: DescrId, loc_is_len: bool) -> (MemKind, bool) {
    match &t.descr(d).kind {
        _ if loc_is_len => (MemKind::I64, false),
        DescrKind::Field(f) => (f.kind, f.immutable),
        DescrKind::Array(a) => (a.kind, false),
        _ => unreachable!("memory operations have field or array descriptors"),
    }
}

/// The closed interval of integers a kind can hold (the whole 64-bit range for wide kinds).
fn kind_range(k: MemKind) -> (i64, i64) {
    match k {
        MemKind::I8 => (i8::MIN as i64, i8::MAX as i64),
        MemKind::U8 => (0, u8::MAX as i64),
        MemKind::I32 => (i32::MIN as i64, i32::MAX as i64),
        MemKind::U32 => (0, u32::MAX as i64),
        MemKind::I64 | MemKind::F64 | MemKind::Ref => (i64::MIN, i64::MAX),
    }
}

/// What reading a location at the label, or at the jump, must give in the next iteration:
/// how a location known at the label enters the loop body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Carry {
    /// The loop body leaves it as the preamble left it: the loop body starts knowing the
    /// preamble's (read-equivalent) operand, with no label argument.
    Invariant,
    /// The loop body changes it: an extra label argument holds it, and the jump passes the
    /// loop body's (read-equivalent) value at the end.
    Slot,
}

/// The operands an access to a location was made with: the object, and the index operand of
/// an array item (as written in the trace, not normalized). Used to read a location again.
type Addr = (Operand, Option<Operand>);

/// The walk's state.
struct Heap {
    rw: Rewriter,
    /// Pure definitions seen so far (for index normalization and value ranges).
    defs: Defs,
    /// What each known location holds: reading it gives this operand truncated to its kind.
    known: HashMap<Loc, Operand>,
    /// Values read from memory, with the kind they were read as (so they fit that kind).
    read_as: HashMap<Value, MemKind>,
    /// When each known location was last set (orders the label's extra arguments), and the
    /// operands of the access that set it.
    stamp: HashMap<Loc, (usize, Addr)>,
    clock: usize,
}

impl Heap {
    /// Records that `loc` (accessed as `addr`) holds `o`.
    fn set(&mut self, loc: Loc, o: Operand, addr: Addr) {
        self.known.insert(loc, o);
        self.stamp.insert(loc, (self.clock, addr));
        self.clock += 1;
    }

    /// The index `o` as base + constant offset.
    fn index(&self, o: Operand) -> Index {
        let (base, offset) = base_offset(o, &self.defs);
        Index { base, offset }
    }

    /// Whether the operand provably fits memory of kind `k` (reading it back gives it).
    fn fits(&self, k: MemKind, o: Operand) -> bool {
        let (lo, hi) = kind_range(k);
        let within = |(a, b): (i64, i64)| lo <= a && b <= hi;
        match o {
            _ if (lo, hi) == (i64::MIN, i64::MAX) => true,
            Operand::Int(c) => k.truncate(c) == c,
            Operand::Value(v) => {
                if let Some(&r) = self.read_as.get(&v) {
                    return within(kind_range(r));
                }
                match self.defs.get(&v) {
                    Some((opcode, _)) if is_boolean(*opcode) => within((0, 1)),
                    Some((Opcode::IntAnd, args)) => {
                        args.iter().any(|a| a.as_int().is_some_and(|m| m >= 0 && within((0, m))))
                    }
                    _ => false,
                }
            }
            _ => false, // float and reference constants only go to wide kinds
        }
    }

    /// Forgets every location a write to `loc` may overwrite (including `loc` itself).
    fn clobber(&mut self, t: &Trace, loc: Loc) {
        let may_alias = |p: Operand, q: Operand| p == q || !(p.is_const() && q.is_const());
        let differ = |i: Index, j: Index| i.base == j.base && i.offset != j.offset;
        self.known.retain(|&k, _| match (loc, k) {
            // An immutable field is only written while its object is being initialized, before
            // anything else can refer to it: no other object's field changes.
            (Loc::Field(f, p), Loc::Field(g, q)) if f == g && kind_of(t, f, false).1 => p != q,
            (Loc::Field(f, p), Loc::Field(g, q)) => f != g || !may_alias(p, q),
            (Loc::Item(d, a, i), Loc::Item(e, b, j)) => d != e || !may_alias(a, b) || differ(i, j),
            _ => true,
        });
    }

    /// Forgets everything a call that writes memory may change: all but immutable fields.
    fn forget_for_call(&mut self, t: &Trace) {
        self.known.retain(|&k, _| matches!(k, Loc::Field(f, _) if kind_of(t, f, false).1));
    }

    /// A guard that passed and pins a value to a constant (`guard_false(x)`, `guard_true` of a
    /// comparison, `guard_value(x, C)` of an integer or reference, `guard_isnull(p)`): the
    /// locations known to hold `x` hold that constant. Later reads then see the constant
    /// (guard elimination has already substituted it for the uses it saw; a read this pass
    /// forwards is a new use).
    fn learn_from_guard(&mut self, t: &Trace, op: &Op) {
        let (x, c) = match (op.opcode, op.args.as_slice()) {
            (Opcode::GuardFalse, &[Operand::Value(x)]) => (x, Operand::Int(0)),
            (Opcode::GuardTrue, &[Operand::Value(x)])
                if self.defs.get(&x).is_some_and(|(opcode, _)| is_boolean(*opcode)) =>
            {
                (x, Operand::Int(1))
            }
            (Opcode::GuardValue, &[Operand::Value(x), c @ (Operand::Int(_) | Operand::Ref(_))])
                if t.type_of(x) != Type::Float =>
            {
                (x, c)
            }
            (Opcode::GuardIsNull, &[Operand::Value(x)]) => (x, Operand::Ref(0)),
            _ => return,
        };
        for v in self.known.values_mut() {
            if *v == Operand::Value(x) {
                *v = c;
            }
        }
    }

    /// Whether the location's address is loop-invariant: its object and index base are
    /// constants or values that are not label arguments (everything known at the label is
    /// defined in the preamble).
    fn invariant_address(&self, loc: Loc) -> bool {
        let rebound = |o: Operand| self.rw.is_rebound_operand(o);
        match loc {
            Loc::Field(_, p) | Loc::Len(_, p) => !rebound(p),
            Loc::Item(_, a, i) => !rebound(a) && !i.base.is_some_and(|b| self.rw.is_rebound(b)),
        }
    }

    /// The known locations with loop-invariant addresses, in the order they were last set.
    fn candidates(&self) -> Vec<Loc> {
        let mut locs: Vec<Loc> = self.known.keys().copied().filter(|&l| self.invariant_address(l)).collect();
        locs.sort_by_key(|l| self.stamp[l].0);
        locs
    }

    /// The operand that reading memory of kind `k` holding `o` gives, pushing the truncation
    /// (defining a new value) to `out` when `o` may not fit.
    fn read_equivalent(&mut self, t: &mut Trace, out: &mut Vec<Op>, k: MemKind, o: Operand) -> Operand {
        match o {
            _ if self.fits(k, o) => o,
            Operand::Int(c) => Operand::Int(k.truncate(c)),
            Operand::Value(_) => {
                let r = t.new_value(Type::Int);
                self.push_truncation(t, out, k, o, r);
                Operand::Value(r)
            }
            _ => unreachable!("float and reference constants fit their kinds"),
        }
    }

    /// Pushes to `out` the operations that define `r` as `x` truncated to the narrow integer
    /// kind `k` (what reading `x` back from such memory gives), and records them.
    fn push_truncation(&mut self, t: &mut Trace, out: &mut Vec<Op>, k: MemKind, x: Operand, r: Value) {
        let last = match k {
            MemKind::U8 => Op::new(Opcode::IntAnd, vec![x, Operand::Int(0xff)], Some(r)),
            MemKind::U32 => Op::new(Opcode::IntAnd, vec![x, Operand::Int(0xffff_ffff)], Some(r)),
            MemKind::I8 | MemKind::I32 => {
                let bits = if k == MemKind::I8 { 56 } else { 32 };
                let s = t.new_value(Type::Int);
                let shl = Op::new(Opcode::IntLshift, vec![x, Operand::Int(bits)], Some(s));
                self.defs.insert(s, (shl.opcode, shl.args.clone()));
                out.push(shl);
                Op::new(Opcode::IntRshift, vec![Operand::Value(s), Operand::Int(bits)], Some(r))
            }
            MemKind::I64 | MemKind::F64 | MemKind::Ref => unreachable!("wide kinds always fit"),
        };
        self.defs.insert(r, (last.opcode, last.args.clone()));
        self.read_as.insert(r, k);
        out.push(last);
    }

    /// At the label: forgets all contents, and facts about the label's arguments.
    fn enter_label(&mut self) {
        self.rw.enter_label();
        self.known.clear();
        let rw = &self.rw;
        self.defs.retain(|&v, (_, args)| !rw.is_rebound(v) && !args.iter().any(|&a| rw.is_rebound_operand(a)));
        self.read_as.retain(|&v, _| !rw.is_rebound(v));
    }
}

/// The location an operation reads or writes, if it is a memory operation.
fn location(heap: &Heap, op: &Op) -> Option<Loc> {
    use Opcode::*;
    let d = op.descr?;
    Some(match op.opcode {
        GetfieldI | GetfieldF | GetfieldR | Setfield => Loc::Field(d, op.args[0]),
        GetarrayitemI | GetarrayitemF | GetarrayitemR | Setarrayitem => {
            Loc::Item(d, op.args[0], heap.index(op.args[1]))
        }
        Arraylen => Loc::Len(d, op.args[0]),
        _ => return None,
    })
}

/// The memory kind of a location.
fn loc_kind(t: &Trace, loc: Loc) -> MemKind {
    match loc {
        Loc::Field(d, _) | Loc::Item(d, _, _) => kind_of(t, d, false).0,
        Loc::Len(..) => MemKind::I64,
    }
}

/// The operation that reads `loc` (accessed as `addr`) into `r`.
fn read_op(t: &Trace, loc: Loc, addr: Addr, r: Value) -> Op {
    let ty = loc_kind(t, loc).ty();
    let (opcode, d, args) = match loc {
        Loc::Field(d, _) => (Opcode::getfield(ty), d, vec![addr.0]),
        Loc::Item(d, _, _) => (Opcode::getarrayitem(ty), d, vec![addr.0, addr.1.expect("an item access has an index")]),
        Loc::Len(d, _) => (Opcode::Arraylen, d, vec![addr.0]),
    };
    let mut op = Op::new(opcode, args, Some(r));
    op.descr = Some(d);
    op
}

/// Runs heap caching over the trace.
///
/// A peeled loop is walked more than once: first carrying nothing across the label (which
/// also finds the candidates), then carrying a plan of candidates (see the module docs),
/// shrinking the plan until the loop body confirms it at the jump. Those trial walks only
/// look (on a copy of the operations without their snapshots, which no decision reads); the
/// trace itself is walked once, with the plan confirmed.
pub fn run(t: &mut Trace) {
    let is_loop = t.label_index().is_some() && t.ops.last().is_some_and(|o| o.opcode == Opcode::Jump);
    if !is_loop {
        walk(t, &[]);
        return;
    }
    let first = walk(&mut t.without_snapshots(), &[]);
    let mut plan: Vec<(Loc, Carry)> = first.candidates.iter().map(|&l| (l, Carry::Invariant)).collect();
    // Every round moves at least one location from Invariant to Slot or drops it, so this
    // ends after at most 2n + 1 rounds; the bound only guards against surprises.
    for _ in 0..2 * plan.len() + 2 {
        if plan.is_empty() {
            break;
        }
        let verdict = walk(&mut t.without_snapshots(), &plan).verdict;
        let next: Vec<(Loc, Carry)> = plan.iter().zip(&verdict).filter_map(|(&(l, _), v)| v.map(|c| (l, c))).collect();
        if next == plan {
            walk(t, &plan);
            return;
        }
        plan = next;
    }
    walk(t, &[]);
}

/// What one walk found out.
struct Walked {
    /// The locations known at the label whose address is loop-invariant.
    candidates: Vec<Loc>,
    /// For each location of the plan, how it could be carried given what the loop body did
    /// (`None`: it is not known at the jump, so it cannot be).
    verdict: Vec<Option<Carry>>,
}

/// One forward walk over the trace, carrying the locations of `plan` across the label. The
/// result is only valid when the verdict agrees with the plan.
fn walk(t: &mut Trace, plan: &[(Loc, Carry)]) -> Walked {
    let mut heap = Heap {
        rw: Rewriter::new(t),
        defs: Defs::default(),
        known: HashMap::default(),
        read_as: HashMap::default(),
        stamp: HashMap::default(),
        clock: 0,
    };
    let mut walked = Walked { candidates: Vec::new(), verdict: vec![None; plan.len()] };
    // The operand each planned location starts the loop body with.
    let mut seeds: Vec<Option<Operand>> = vec![None; plan.len()];
    let ops = std::mem::take(&mut t.ops);
    let mut out = Vec::with_capacity(ops.len());
    for mut op in ops {
        if op.opcode == Opcode::Label {
            walked.candidates = heap.candidates();
            let entry = enter_loop(t, &mut heap, &mut out, &mut op, plan, &mut walked.verdict, &mut seeds);
            heap.enter_label();
            for (loc, o) in entry {
                // Slots, and invariant operands whose range came from facts about label
                // arguments, still fit: every value that reaches them does.
                let kind = loc_kind(t, loc);
                if let (Operand::Value(v), false) = (o, heap.fits(kind, o)) {
                    heap.read_as.insert(v, kind);
                }
                heap.set(loc, o, heap.stamp[&loc].1);
            }
        }
        heap.rw.rewrite(&mut op);
        if op.opcode == Opcode::Jump && heap.rw.past_label() && !plan.is_empty() {
            leave_loop(t, &mut heap, &mut out, &mut op, plan, &seeds, &mut walked.verdict);
        }
        if let Some(loc) = location(&heap, &op) {
            let d = op.descr.expect("memory operations have a descr");
            let (kind, _) = kind_of(t, d, matches!(loc, Loc::Len(..)));
            let addr = (op.args[0], matches!(loc, Loc::Item(..)).then(|| op.args[1]));
            if let Some(r) = op.result {
                if !read(t, &mut heap, &mut out, &mut op, loc, addr, kind, r) {
                    continue;
                }
            } else {
                let written = *op.args.last().expect("a write has a value");
                if heap.known.get(&loc) == Some(&written) {
                    continue; // the location already holds it
                }
                heap.clobber(t, loc);
                heap.set(loc, written, addr);
            }
        } else if op.opcode.is_call() {
            if t.call_descr(&op).is_none_or(|c| c.effect.writes()) {
                heap.forget_for_call(t);
            }
        } else if op.opcode.is_guard() {
            heap.learn_from_guard(t, &op);
        } else if op.opcode == Opcode::SaveException {
            // Only touches the raise slot, which no field or array descr describes.
        } else if op.opcode.has(flags::EFFECT) {
            heap.known.clear(); // an effect this pass does not know about
        } else if let (Some(r), true) = (op.result, op.opcode.is_pure()) {
            heap.defs.insert(r, (op.opcode, op.args.clone()));
        }
        out.push(op);
    }
    t.ops = out;
    walked
}

/// At the label (still in the preamble): for each planned location, pushes what defines its
/// entry into the loop body and returns the loop body's starting table. An invariant
/// location starts as the preamble's read-equivalent operand; a slot gets a new value,
/// defined here as a copy of that operand (a truncation for narrow integers, `int_add(x, 0)`
/// for `i64`, a read of the location for floats and references, which have no copy
/// operation) and appended to the label's arguments.
fn enter_loop(
    t: &mut Trace,
    heap: &mut Heap,
    out: &mut Vec<Op>,
    label: &mut Op,
    plan: &[(Loc, Carry)],
    verdict: &mut [Option<Carry>],
    seeds: &mut [Option<Operand>],
) -> Vec<(Loc, Operand)> {
    let mut entry = Vec::new();
    for (k, &(loc, carry)) in plan.iter().enumerate() {
        let Some(&known) = heap.known.get(&loc) else { continue };
        let known = heap.rw.resolve(known);
        let kind = loc_kind(t, loc);
        let seed = match carry {
            Carry::Invariant => {
                let o = heap.read_equivalent(t, out, kind, known);
                if heap.rw.is_rebound_operand(o) {
                    // The preamble's value of a label argument is not available in the loop.
                    verdict[k] = Some(Carry::Slot);
                    continue;
                }
                o
            }
            Carry::Slot => {
                let r = t.new_value(kind.ty());
                match kind {
                    MemKind::F64 | MemKind::Ref => out.push(read_op(t, loc, heap.stamp[&loc].1, r)),
                    _ if heap.fits(kind, known) || known.is_const() => {
                        let c = match known {
                            Operand::Int(c) => Operand::Int(kind.truncate(c)),
                            o => o,
                        };
                        out.push(Op::new(Opcode::IntAdd, vec![c, Operand::Int(0)], Some(r)));
                    }
                    _ => heap.push_truncation(t, out, kind, known, r),
                }
                label.args.push(Operand::Value(r));
                Operand::Value(r)
            }
        };
        seeds[k] = Some(seed);
        verdict[k] = Some(carry);
        entry.push((loc, seed));
    }
    entry
}

/// At the jump: decides, for each planned location, whether the loop body confirmed the
/// plan (an invariant location still holds its starting operand; a slot is known, with a
/// value of the right type), and appends the slots' read-equivalent values to the jump,
/// pushing truncations as needed.
fn leave_loop(
    t: &mut Trace,
    heap: &mut Heap,
    out: &mut Vec<Op>,
    jump: &mut Op,
    plan: &[(Loc, Carry)],
    seeds: &[Option<Operand>],
    verdict: &mut [Option<Carry>],
) {
    for (k, &(loc, carry)) in plan.iter().enumerate() {
        let Some(seed) = seeds[k] else { continue };
        let kind = loc_kind(t, loc);
        let now = heap.known.get(&loc).map(|&o| heap.rw.resolve(o)).filter(|&o| t.operand_type(o) == kind.ty());
        verdict[k] = match (carry, now) {
            (_, None) => None,
            (Carry::Invariant, Some(o)) if o == seed => Some(Carry::Invariant),
            (Carry::Invariant, Some(_)) => Some(Carry::Slot),
            (Carry::Slot, Some(o)) => {
                let o = heap.read_equivalent(t, out, kind, o);
                jump.args.push(o);
                Some(Carry::Slot)
            }
        };
    }
}

/// Handles a read of `loc` defining `r`: returns whether to keep `op` (possibly rewritten
/// into the truncation of a forwarded write); `false` when it is removed.
#[allow(clippy::too_many_arguments)]
fn read(
    t: &mut Trace,
    heap: &mut Heap,
    out: &mut Vec<Op>,
    op: &mut Op,
    loc: Loc,
    addr: Addr,
    kind: MemKind,
    r: Value,
) -> bool {
    let Some(&known) = heap.known.get(&loc) else {
        heap.set(loc, Operand::Value(r), addr);
        heap.read_as.insert(r, kind);
        return true;
    };
    let with = match known {
        o if heap.fits(kind, o) => o,
        Operand::Int(c) => Operand::Int(kind.truncate(c)),
        Operand::Value(_) => {
            // A forwarded write of a value that may not fit: the read becomes its truncation,
            // defining the same result (so this also works for a label argument's definition).
            let mut ops = Vec::new();
            heap.push_truncation(t, &mut ops, kind, known, r);
            *op = ops.pop().expect("a truncation defines its result");
            out.append(&mut ops);
            heap.set(loc, Operand::Value(r), addr);
            return true;
        }
        _ => unreachable!("float and reference constants fit their kinds"),
    };
    !heap.rw.replace(r, with)
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn heap(input: &str, expected: &str) {
        check(run, input, expected);
    }

    fn unchanged(input: &str) {
        check(run, input, input);
    }

    const DESCRS: &str = "\
descr f = field i64 +8
descr g = field i64 +16
descr imm = field i64 +24 immutable
descr a = array i64 base=8 len=+0
descr b = array i64 base=8 len=+0
descr tape = array u8 base=0
descr sb = array i8 base=0
descr w = call(i) -> none write
descr e = call(i) -> i elidable
descr ro = call(i) -> i readonly
";

    fn with_descrs(body: &str) -> String {
        format!("{DESCRS}{body}")
    }

    #[test]
    fn read_after_read() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=f)\n\
                 i4 = getarrayitem_i(p0, i1, descr=a)\ni5 = getarrayitem_i(p0, i1, descr=a)\n\
                 i6 = arraylen(p0, descr=a)\ni7 = arraylen(p0, descr=a)\nguard_true(i3) [k: i5, i7]\n\
                 finish(i2, i3, i4, i5, i6, i7)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni4 = getarrayitem_i(p0, i1, descr=a)\n\
                 i6 = arraylen(p0, descr=a)\nguard_true(i2) [k: i4, i6]\nfinish(i2, i2, i4, i4, i6, i6)\n",
            ),
        );
    }

    #[test]
    fn equal_indices_written_differently_are_one_location() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = int_add(i1, 1)\ni3 = getarrayitem_i(p0, i2, descr=a)\ni4 = int_sub(i1, -1)\n\
                 i5 = getarrayitem_i(p0, i4, descr=a)\nfinish(i3, i5)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = int_add(i1, 1)\ni3 = getarrayitem_i(p0, i2, descr=a)\ni4 = int_sub(i1, -1)\n\
                 finish(i3, i3)\n",
            ),
        );
    }

    #[test]
    fn read_after_write_is_forwarded() {
        heap(
            &with_descrs(
                "inputs(p0, i1, i2)\nsetfield(p0, i2, descr=f)\ni3 = getfield_i(p0, descr=f)\n\
                 setarrayitem(p0, i1, i2, descr=a)\ni4 = getarrayitem_i(p0, i1, descr=a)\nfinish(i3, i4)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2)\nsetfield(p0, i2, descr=f)\nsetarrayitem(p0, i1, i2, descr=a)\nfinish(i2, i2)\n",
            ),
        );
    }

    #[test]
    fn forwarded_narrow_writes_are_truncated() {
        // A u8 item holds the written value modulo 256; an i8 item sign-extends; constants
        // are truncated at once; a value read from a u8 item fits one.
        heap(
            &with_descrs(
                "inputs(p0, i1, i2)\nsetarrayitem(p0, i1, i2, descr=tape)\ni3 = getarrayitem_i(p0, i1, descr=tape)\n\
                 i4 = getarrayitem_i(p0, i1, descr=tape)\nsetarrayitem(p0, 0, 300, descr=tape)\n\
                 i5 = getarrayitem_i(p0, 0, descr=tape)\nsetarrayitem(p0, i1, i2, descr=sb)\n\
                 i6 = getarrayitem_i(p0, i1, descr=sb)\nsetarrayitem(p0, 1, i3, descr=tape)\n\
                 i7 = getarrayitem_i(p0, 1, descr=tape)\nfinish(i3, i4, i5, i6, i7)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2)\nsetarrayitem(p0, i1, i2, descr=tape)\ni3 = int_and(i2, 255)\n\
                 setarrayitem(p0, 0, 300, descr=tape)\nsetarrayitem(p0, i1, i2, descr=sb)\ni4 = int_lshift(i2, 56)\n\
                 i5 = int_rshift(i4, 56)\nsetarrayitem(p0, 1, i3, descr=tape)\nfinish(i3, i3, 44, i5, i3)\n",
            ),
        );
    }

    #[test]
    fn write_to_an_unknown_index_forgets_items_of_the_same_descr() {
        // a[i2] may be a[i1]; b and the field f are separate.
        heap(
            &with_descrs(
                "inputs(p0, i1, i2, i3)\ni4 = getarrayitem_i(p0, i1, descr=a)\ni5 = getarrayitem_i(p0, i1, descr=b)\n\
                 i6 = getfield_i(p0, descr=f)\nsetarrayitem(p0, i2, i3, descr=a)\ni7 = getarrayitem_i(p0, i1, descr=a)\n\
                 i8 = getarrayitem_i(p0, i1, descr=b)\ni9 = getfield_i(p0, descr=f)\nfinish(i4, i5, i6, i7, i8, i9)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2, i3)\ni4 = getarrayitem_i(p0, i1, descr=a)\ni5 = getarrayitem_i(p0, i1, descr=b)\n\
                 i6 = getfield_i(p0, descr=f)\nsetarrayitem(p0, i2, i3, descr=a)\ni7 = getarrayitem_i(p0, i1, descr=a)\n\
                 finish(i4, i5, i6, i7, i5, i6)\n",
            ),
        );
    }

    #[test]
    fn write_to_another_array_that_may_alias_forgets() {
        unchanged(&with_descrs(
            "inputs(p0, p1, i2)\ni3 = getarrayitem_i(p0, 0, descr=a)\nsetarrayitem(p1, 0, i2, descr=a)\n\
             i4 = getarrayitem_i(p0, 0, descr=a)\nfinish(i3, i4)\n",
        ));
    }

    #[test]
    fn distinct_constant_indices_and_offsets_do_not_alias() {
        // a[1] = .. keeps a[0] but may be a[i1 + 1]; a[i1 + 2] = .. and a[i1 - 1] = .. keep
        // a[i1 + 1] but may be a[0].
        heap(
            &with_descrs(
                "inputs(p0, i1, i2)\ni3 = getarrayitem_i(p0, 0, descr=a)\ni4 = int_add(i1, 1)\n\
                 i5 = getarrayitem_i(p0, i4, descr=a)\nsetarrayitem(p0, 1, i2, descr=a)\n\
                 i6 = getarrayitem_i(p0, 0, descr=a)\ni7 = getarrayitem_i(p0, i4, descr=a)\ni8 = int_add(i1, 2)\n\
                 setarrayitem(p0, i8, i2, descr=a)\ni9 = int_sub(i1, 1)\nsetarrayitem(p0, i9, i2, descr=a)\n\
                 i10 = getarrayitem_i(p0, i4, descr=a)\ni11 = getarrayitem_i(p0, i8, descr=a)\n\
                 i12 = getarrayitem_i(p0, 0, descr=a)\nfinish(i3, i5, i6, i7, i10, i11, i12)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2)\ni3 = getarrayitem_i(p0, 0, descr=a)\ni4 = int_add(i1, 1)\n\
                 i5 = getarrayitem_i(p0, i4, descr=a)\nsetarrayitem(p0, 1, i2, descr=a)\n\
                 i7 = getarrayitem_i(p0, i4, descr=a)\ni8 = int_add(i1, 2)\n\
                 setarrayitem(p0, i8, i2, descr=a)\ni9 = int_sub(i1, 1)\nsetarrayitem(p0, i9, i2, descr=a)\n\
                 i12 = getarrayitem_i(p0, 0, descr=a)\nfinish(i3, i5, i3, i7, i7, i2, i12)\n",
            ),
        );
    }

    #[test]
    fn fields_of_distinct_constant_objects_do_not_alias() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(ConstPtr(1), descr=f)\nsetfield(ConstPtr(2), i1, descr=f)\n\
                 i3 = getfield_i(ConstPtr(1), descr=f)\nsetfield(p0, i1, descr=f)\ni4 = getfield_i(ConstPtr(1), descr=f)\n\
                 finish(i2, i3, i4)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(ConstPtr(1), descr=f)\nsetfield(ConstPtr(2), i1, descr=f)\n\
                 setfield(p0, i1, descr=f)\ni3 = getfield_i(ConstPtr(1), descr=f)\nfinish(i2, i2, i3)\n",
            ),
        );
    }

    #[test]
    fn write_to_a_field_forgets_the_same_field_of_other_objects_only() {
        heap(
            &with_descrs(
                "inputs(p0, p1, i2)\ni3 = getfield_i(p0, descr=f)\ni4 = getfield_i(p0, descr=g)\n\
                 setfield(p1, i2, descr=f)\ni5 = getfield_i(p0, descr=f)\ni6 = getfield_i(p0, descr=g)\n\
                 i7 = getfield_i(p1, descr=f)\nfinish(i3, i4, i5, i6, i7)\n",
            ),
            &with_descrs(
                "inputs(p0, p1, i2)\ni3 = getfield_i(p0, descr=f)\ni4 = getfield_i(p0, descr=g)\n\
                 setfield(p1, i2, descr=f)\ni5 = getfield_i(p0, descr=f)\nfinish(i3, i4, i5, i4, i2)\n",
            ),
        );
    }

    #[test]
    fn initializing_an_immutable_field_forgets_no_other_object() {
        // Boxing a result (`new`, then its immutable field) does not make the trace read the
        // other boxes again.
        heap(
            &with_descrs(
                "descr S = size 32\ninputs(p0, i1)\ni2 = getfield_i(p0, descr=imm)\np3 = new(descr=S)\n\
                 setfield(p3, i1, descr=imm)\ni4 = getfield_i(p0, descr=imm)\ni5 = getfield_i(p3, descr=imm)\n\
                 finish(i2, i4, i5, p3)\n",
            ),
            &with_descrs(
                "descr S = size 32\ninputs(p0, i1)\ni2 = getfield_i(p0, descr=imm)\np3 = new(descr=S)\n\
                 setfield(p3, i1, descr=imm)\nfinish(i2, i2, i1, p3)\n",
            ),
        );
    }

    #[test]
    fn writing_call_forgets_all_but_immutable_fields() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\n\
                 i4 = arraylen(p0, descr=a)\ncall_n(i1, descr=w)\ni5 = getfield_i(p0, descr=f)\n\
                 i6 = getfield_i(p0, descr=imm)\ni7 = arraylen(p0, descr=a)\nfinish(i2, i3, i4, i5, i6, i7)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\n\
                 i4 = arraylen(p0, descr=a)\ncall_n(i1, descr=w)\ni5 = getfield_i(p0, descr=f)\n\
                 i6 = arraylen(p0, descr=a)\nfinish(i2, i3, i4, i5, i3, i6)\n",
            ),
        );
    }

    #[test]
    fn elidable_and_readonly_calls_and_guards_keep_the_cache() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = call_i(i1, descr=e)\ni4 = call_i(i1, descr=ro)\n\
                 guard_true(i3) [k: i2]\ni5 = getfield_i(p0, descr=f)\nfinish(i2, i3, i4, i5)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = call_i(i1, descr=e)\ni4 = call_i(i1, descr=ro)\n\
                 guard_true(i3) [k: i2]\nfinish(i2, i3, i4, i2)\n",
            ),
        );
    }

    #[test]
    fn guards_refine_known_values_to_constants() {
        // bf's `[`: the cell is tested for zero, so a later read of it is 0.
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getarrayitem_i(p0, i1, descr=tape)\nguard_false(i2) [k: i1]\n\
                 i3 = getfield_i(p0, descr=f)\nguard_value(i3, 7) [k: i1]\ni4 = getarrayitem_i(p0, i1, descr=tape)\n\
                 i5 = getfield_i(p0, descr=f)\nfinish(i4, i5)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getarrayitem_i(p0, i1, descr=tape)\nguard_false(i2) [k: i1]\n\
                 i3 = getfield_i(p0, descr=f)\nguard_value(i3, 7) [k: i1]\nfinish(0, 7)\n",
            ),
        );
        // guard_true only pins comparisons (other non-zero values are not 1).
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\nguard_true(i2) [k: i1]\ni3 = getfield_i(p0, descr=f)\n\
                 i4 = int_lt(i1, 5)\nsetfield(p0, i4, descr=g)\nguard_true(i4) [k: i1]\ni5 = getfield_i(p0, descr=g)\n\
                 finish(i3, i5)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\nguard_true(i2) [k: i1]\ni4 = int_lt(i1, 5)\n\
                 setfield(p0, i4, descr=g)\nguard_true(i4) [k: i1]\nfinish(i2, 1)\n",
            ),
        );
    }

    #[test]
    fn locations_the_loop_does_not_change_are_invariant() {
        // f and imm of the invariant p0 are known at the label and not written in the loop:
        // the loop body's reads become the preamble's (no label argument needed).
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\nlabel(i1)\n\
                 i4 = getfield_i(p0, descr=f)\ni5 = getfield_i(p0, descr=imm)\ni6 = getfield_i(p0, descr=f)\n\
                 i7 = int_add(i1, i4)\ni8 = int_add(i7, i5)\ni9 = int_add(i8, i6)\njump(i9)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\nlabel(i1)\n\
                 i7 = int_add(i1, i2)\ni8 = int_add(i7, i3)\ni9 = int_add(i8, i2)\njump(i9)\n",
            ),
        );
    }

    #[test]
    fn bf_cells_are_carried_in_label_arguments() {
        // The shape of a bf inner loop after peeling and CSE: u8 cells at invariant indices
        // are read, incremented and written back, and the last one is tested. The loop body
        // reads nothing: each cell is a label argument, passed as the truncation of the value
        // written (what a read would give), defined before the label the same way.
        heap(
            &with_descrs(
                "inputs(i0, p1)\ni2 = int_add(i0, 1)\ni3 = getarrayitem_i(p1, i2, descr=tape)\ni4 = int_add(i3, 3)\n\
                 setarrayitem(p1, i2, i4, descr=tape)\ni5 = getarrayitem_i(p1, i0, descr=tape)\ni6 = int_add(i5, 1)\n\
                 setarrayitem(p1, i0, i6, descr=tape)\ni7 = getarrayitem_i(p1, i0, descr=tape)\n\
                 guard_true(i7) [bf: i0, p1]\nlabel()\ni8 = getarrayitem_i(p1, i2, descr=tape)\ni9 = int_add(i8, 3)\n\
                 setarrayitem(p1, i2, i9, descr=tape)\ni10 = getarrayitem_i(p1, i0, descr=tape)\ni11 = int_add(i10, 1)\n\
                 setarrayitem(p1, i0, i11, descr=tape)\ni12 = getarrayitem_i(p1, i0, descr=tape)\n\
                 guard_true(i12) [bf: i0, p1]\njump()\n",
            ),
            &with_descrs(
                "inputs(i0, p1)\ni2 = int_add(i0, 1)\ni3 = getarrayitem_i(p1, i2, descr=tape)\ni4 = int_add(i3, 3)\n\
                 setarrayitem(p1, i2, i4, descr=tape)\ni5 = getarrayitem_i(p1, i0, descr=tape)\ni6 = int_add(i5, 1)\n\
                 setarrayitem(p1, i0, i6, descr=tape)\ni7 = int_and(i6, 255)\nguard_true(i7) [bf: i0, p1]\n\
                 i13 = int_and(i4, 255)\ni14 = int_add(i7, 0)\nlabel(i13, i14)\ni9 = int_add(i13, 3)\n\
                 setarrayitem(p1, i2, i9, descr=tape)\ni11 = int_add(i14, 1)\nsetarrayitem(p1, i0, i11, descr=tape)\n\
                 i12 = int_and(i11, 255)\nguard_true(i12) [bf: i0, p1]\ni15 = int_and(i9, 255)\njump(i15, i12)\n",
            ),
        );
    }

    #[test]
    fn written_locations_are_carried_with_the_value_written() {
        // s += i: the i64 field's value at the end of the loop body is what the jump passes.
        // A reference field (a list walked through an invariant holder) gets its label
        // argument by reading it again before the label.
        heap(
            &with_descrs(
                "descr r = field ref +32\ninputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\np3 = getfield_r(p0, descr=r)\n\
                 label(i1)\ni4 = getfield_i(p0, descr=f)\ni5 = int_add(i4, i1)\nsetfield(p0, i5, descr=f)\n\
                 p6 = getfield_r(p0, descr=r)\np7 = getfield_r(p6, descr=r)\nsetfield(p0, p7, descr=r)\n\
                 i8 = int_add(i1, 1)\njump(i8)\n",
            ),
            &with_descrs(
                "descr r = field ref +32\ninputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\np3 = getfield_r(p0, descr=r)\n\
                 i9 = int_add(i2, 0)\np10 = getfield_r(p0, descr=r)\nlabel(i1, i9, p10)\ni5 = int_add(i9, i1)\n\
                 setfield(p0, i5, descr=f)\np7 = getfield_r(p10, descr=r)\nsetfield(p0, p7, descr=r)\n\
                 i8 = int_add(i1, 1)\njump(i8, i5, p7)\n",
            ),
        );
    }

    #[test]
    fn constant_contents_cross_the_label() {
        // f is known to be 0 (the preamble's guard), and the loop keeps it so; g holds 300
        // truncated (44) and is incremented: its label argument is defined from the constant.
        heap(
            &with_descrs(
                "descr g8 = field u8 +32\ninputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\nguard_false(i2) [k: i1]\n\
                 setfield(p0, 300, descr=g8)\nlabel(i1)\ni3 = getfield_i(p0, descr=f)\ni4 = getfield_i(p0, descr=g8)\n\
                 i5 = int_add(i4, 1)\nsetfield(p0, i5, descr=g8)\ni6 = int_add(i3, i1)\njump(i6)\n",
            ),
            &with_descrs(
                "descr g8 = field u8 +32\ninputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\nguard_false(i2) [k: i1]\n\
                 setfield(p0, 300, descr=g8)\ni7 = int_add(44, 0)\nlabel(i1, i7)\ni5 = int_add(i7, 1)\n\
                 setfield(p0, i5, descr=g8)\ni6 = int_add(0, i1)\ni8 = int_and(i5, 255)\njump(i6, i8)\n",
            ),
        );
    }

    #[test]
    fn a_label_arguments_preamble_value_gets_a_slot() {
        // What f holds at the label is i1, which names the loop-carried value in the loop
        // body: f cannot start as i1 there, so it gets its own label argument.
        heap(
            &with_descrs(
                "inputs(p0)\ni1 = getfield_i(p0, descr=f)\nlabel(i1)\ni2 = getfield_i(p0, descr=f)\n\
                 i3 = int_add(i2, i1)\njump(i3)\n",
            ),
            &with_descrs(
                "inputs(p0)\ni1 = getfield_i(p0, descr=f)\ni4 = int_add(i1, 0)\nlabel(i1, i4)\n\
                 i3 = int_add(i4, i1)\njump(i3, i4)\n",
            ),
        );
    }

    #[test]
    fn a_write_that_may_alias_drops_the_carried_location() {
        // a[i2] may be a[i1] (both invariant, unknown): a[i1] is not known at the jump, so the
        // loop body reads it (the first attempt, which assumed it, is redone without it).
        // f is unaffected and stays carried.
        heap(
            &with_descrs(
                "inputs(p0, i1, i2, i3)\ni4 = getarrayitem_i(p0, i1, descr=a)\ni5 = getfield_i(p0, descr=f)\n\
                 label(i3)\ni6 = getarrayitem_i(p0, i1, descr=a)\nsetarrayitem(p0, i2, i3, descr=a)\n\
                 i7 = getfield_i(p0, descr=f)\ni8 = int_add(i6, i7)\nsetarrayitem(p0, 2, i8, descr=b)\njump(i8)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2, i3)\ni4 = getarrayitem_i(p0, i1, descr=a)\ni5 = getfield_i(p0, descr=f)\n\
                 label(i3)\ni6 = getarrayitem_i(p0, i1, descr=a)\nsetarrayitem(p0, i2, i3, descr=a)\n\
                 i8 = int_add(i6, i5)\nsetarrayitem(p0, 2, i8, descr=b)\njump(i8)\n",
            ),
        );
    }

    #[test]
    fn a_writing_call_drops_all_but_immutable_fields() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\n\
                 i4 = arraylen(p0, descr=a)\nlabel(i1)\ni5 = getfield_i(p0, descr=f)\ni6 = getfield_i(p0, descr=imm)\n\
                 i7 = arraylen(p0, descr=a)\ncall_n(i1, descr=w)\ni8 = int_add(i5, i6)\ni9 = int_add(i8, i7)\njump(i9)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\n\
                 i4 = arraylen(p0, descr=a)\nlabel(i1)\ni5 = getfield_i(p0, descr=f)\ni7 = arraylen(p0, descr=a)\n\
                 call_n(i1, descr=w)\ni8 = int_add(i5, i3)\ni9 = int_add(i8, i7)\njump(i9)\n",
            ),
        );
    }

    #[test]
    fn locations_unknown_at_the_label_or_at_moving_addresses_are_not_carried() {
        // f is first read in the loop body (one read stays); a[i1] is known at the label but
        // i1 is loop-carried, so the loop body's a[i1] is another item each iteration.
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getarrayitem_i(p0, i1, descr=a)\nlabel(i1)\ni3 = getfield_i(p0, descr=f)\n\
                 i4 = getfield_i(p0, descr=f)\ni5 = getarrayitem_i(p0, i1, descr=a)\ni6 = int_add(i3, i4)\n\
                 i7 = int_add(i6, i5)\njump(i7)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getarrayitem_i(p0, i1, descr=a)\nlabel(i1)\ni3 = getfield_i(p0, descr=f)\n\
                 i5 = getarrayitem_i(p0, i1, descr=a)\ni6 = int_add(i3, i3)\ni7 = int_add(i6, i5)\njump(i7)\n",
            ),
        );
    }

    #[test]
    fn index_bases_that_are_label_arguments_start_over() {
        // In the preamble i2 is i1 + 1; after the label it is the loop-carried value, so
        // a[i2] and a[i1 + 1] are no longer known to be one location, nor different ones.
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = int_add(i1, 1)\nlabel(i2)\ni3 = int_add(i1, 1)\ni4 = getarrayitem_i(p0, i3, descr=a)\n\
                 setarrayitem(p0, i2, 7, descr=a)\ni5 = getarrayitem_i(p0, i3, descr=a)\ni6 = int_add(i4, i5)\n\
                 jump(i6)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = int_add(i1, 1)\nlabel(i2)\ni3 = int_add(i1, 1)\ni4 = getarrayitem_i(p0, i3, descr=a)\n\
                 setarrayitem(p0, i2, 7, descr=a)\ni5 = getarrayitem_i(p0, i3, descr=a)\ni6 = int_add(i4, i5)\n\
                 jump(i6)\n",
            ),
        );
    }

    #[test]
    fn redundant_writes_are_removed() {
        // Writing back what was read, or writing the same value twice, changes nothing; a
        // write in between to a location that may alias makes the second one needed again.
        heap(
            &with_descrs(
                "inputs(p0, p1, i2)\ni3 = getfield_i(p0, descr=f)\nsetfield(p0, i3, descr=f)\n\
                 setarrayitem(p0, 3, i2, descr=tape)\nsetarrayitem(p0, 3, i2, descr=tape)\n\
                 setfield(p1, i2, descr=f)\nsetfield(p0, i3, descr=f)\nfinish(i3)\n",
            ),
            &with_descrs(
                "inputs(p0, p1, i2)\ni3 = getfield_i(p0, descr=f)\nsetarrayitem(p0, 3, i2, descr=tape)\n\
                 setfield(p1, i2, descr=f)\nsetfield(p0, i3, descr=f)\nfinish(i3)\n",
            ),
        );
    }

    #[test]
    fn label_argument_read_keeps_its_definition() {
        // i3 is the loop slot: in the preamble it equals i2, but it must stay defined.
        heap(
            &with_descrs(
                "inputs(p0)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=f)\ni4 = int_add(i3, 1)\n\
                 label(i3)\ni5 = int_add(i3, 1)\njump(i5)\n",
            ),
            &with_descrs(
                "inputs(p0)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=f)\ni4 = int_add(i2, 1)\n\
                 label(i3)\ni5 = int_add(i3, 1)\njump(i5)\n",
            ),
        );
    }
}
