//! Store sinking: the loop body's writes to loop-invariant locations leave the loop, and the
//! guards that leave it perform them instead.
//!
//! After heap caching, a loop that keeps state in memory (bf's tape cells, an interpreter's
//! frame fields) reads it from registers but still writes it on every iteration, because
//! memory must be right whenever a guard fails. Those writes are the loop's only remaining
//! memory traffic. This pass removes them from the loop body: the value each location should
//! hold travels in a label slot, and every guard of the loop body gets the list of stores that
//! would have happened by then as *pending writes* in its snapshot (`Snapshot::writes`), which
//! the backend's exit code performs before it leaves. No one else can look at the memory while
//! the loop runs, so nobody can tell (PyPy's "lazy setfields" do this within a trace, flushing at
//! the jump; here the writes are also carried around the loop).
//!
//! # When a location is sunk
//!
//! A *location* is a descriptor with address operands (`setfield(p, _, descr=f)` is `(f, p)`,
//! `setarrayitem(a, i, _, descr=d)` is `(d, a, i)`) whose operands are loop-invariant: constants
//! or values defined before the `label` that are not its arguments. A descriptor's locations are
//! sunk when, in the loop body:
//! - every write through the descriptor is to such a location (an unsunk write to `a[j]` after a
//!   sunk one to `a[i]` would be undone by the exit when `i == j`);
//! - nothing reads through the descriptor (`getfield`/`getarrayitem`; `arraylen` reads the
//!   length, which writes of items never change). Heap caching has already turned the reads of
//!   the loop's own state into register uses, so what is left are reads of other locations that
//!   may alias;
//! - every location was already accessed (read or written) in the preamble, so reading it just
//!   before the `label` is safe (its address was checked by the interpreter's guards there);
//! and the loop body makes no call other than elidable ones (a helper may read any memory) and no
//! guard of it already has pending writes (the pass does not run twice on one loop).
//!
//! Different descriptors never alias (the same rule heap caching relies on), so each descriptor
//! is decided on its own.
//!
//! # The rewrite
//!
//! Each sunk location needs a label argument that holds, at the start of each iteration, what
//! the location should hold. Usually heap caching has made one: an argument that is the
//! preamble's last write of the location (or a copy, or its truncation to the kind, which
//! writes the same memory) with nothing after it in the preamble that may overwrite the
//! location (items at `i + 1` and `i + 2` of one array are apart), and to which the jump passes
//! the loop body's last write of it (or its truncation). Otherwise the location is read just
//! before the `label` into a new label argument (in the order of the locations' last writes in
//! the loop body), and the jump passes the body's last write to it. Walking the body, each write of a sunk location is
//! removed and its value becomes the location's current value; each guard gets a pending write
//! per sunk location, with its current value, ordered by when the location was last written (the
//! ones not yet written in this iteration first, in the previous iteration's order). The order
//! matters when two locations turn out to be the same memory (`a[i]` and `a[j]` with `i == j` at
//! run time): performing the writes in the order of their last writes leaves the memory with the
//! last one, as the loop would have. The `jump` passes the current values to the label slots.
//!
//! Sound by induction over the iterations: at the start of one, every sunk location's memory,
//! after the pending writes, is what the unoptimized loop would have left in it (true on entry:
//! the slots were read from memory; kept by each iteration since its writes are replayed in
//! order), and since the loop body never reads these locations and no helper runs, nothing but
//! an exit observes memory, which performs the writes first.
//!
//! Not done here: writes in the preamble and in bridges stay where they are (they run once, or
//! leave right away); a `finish` is not a guard, so traces without a loop are left alone; reads
//! through a descriptor in the loop body (even of provably different locations) keep all its
//! writes; and a slot of its own is read from memory rather than forwarded from the
//! preamble's last write (heap caching has already run).

use super::util::{base_offset, Defs};
use crate::ir::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// An address of memory written through a descriptor: the object, and the index for items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Loc {
    descr: DescrId,
    obj: Operand,
    index: Option<Operand>,
}

impl Loc {
    /// The location an access (`getfield_*`, `setfield`, `getarrayitem_*`, `setarrayitem`)
    /// touches, or `None` for other operations.
    fn of(op: &Op) -> Option<Loc> {
        use Opcode::*;
        let descr = op.descr?;
        match op.opcode {
            GetfieldI | GetfieldF | GetfieldR | Setfield => Some(Loc { descr, obj: op.args[0], index: None }),
            GetarrayitemI | GetarrayitemF | GetarrayitemR | Setarrayitem => {
                Some(Loc { descr, obj: op.args[0], index: Some(op.args[1]) })
            }
            _ => None,
        }
    }

    /// A store of `value` to this location.
    fn store(self, value: Operand) -> Op {
        let (opcode, args) = match self.index {
            None => (Opcode::Setfield, vec![self.obj, value]),
            Some(i) => (Opcode::Setarrayitem, vec![self.obj, i, value]),
        };
        Op { opcode, args, result: None, descr: Some(self.descr), snapshot: None }
    }

    /// A read of this location into `result`.
    fn load(self, t: &Trace, result: Value) -> Op {
        let ty = t.type_of(result);
        let (opcode, args) = match self.index {
            None => (Opcode::getfield(ty), vec![self.obj]),
            Some(i) => (Opcode::getarrayitem(ty), vec![self.obj, i]),
        };
        Op { opcode, args, result: Some(result), descr: Some(self.descr), snapshot: None }
    }
}

/// The kind of value a field or array descriptor's memory holds.
fn value_type(t: &Trace, d: DescrId) -> Type {
    match &t.descr(d).kind {
        DescrKind::Field(f) => f.kind.ty(),
        DescrKind::Array(a) => a.kind.ty(),
        _ => unreachable!("stores have field or array descriptors"),
    }
}

/// Runs the pass (see the module docs).
pub fn run(t: &mut Trace) {
    let Some(li) = t.label_index() else { return };
    let jump = t.ops.len() - 1;
    if t.ops[jump].opcode != Opcode::Jump {
        return;
    }
    let sunk = sinkable(t, li, jump);
    if sunk.is_empty() {
        return;
    }
    // Slots in the order of each location's last write in the loop body.
    let mut last_write: Vec<(usize, Loc)> = Vec::new();
    for (k, op) in t.ops.iter().enumerate().take(jump).skip(li + 1) {
        if let Some(loc) = Loc::of(op).filter(|l| op.opcode.is_store() && sunk.contains(l)) {
            last_write.retain(|&(_, l)| l != loc);
            last_write.push((k, loc));
        }
    }
    let slots: Vec<Loc> = last_write.iter().map(|&(_, l)| l).collect();
    let slot_of: HashMap<Loc, usize> = slots.iter().enumerate().map(|(k, &l)| (l, k)).collect();

    // Each location's slot: a label argument that already carries it (heap caching's), or a
    // new one, read from memory just before the label.
    let mut current: Vec<Operand> = Vec::with_capacity(slots.len());
    let mut fresh: Vec<usize> = Vec::new();
    let mut reads = Vec::new();
    let defs =
        |ops: &[Op]| -> Defs { ops.iter().filter_map(|op| Some((op.result?, (op.opcode, op.args.clone())))).collect() };
    let (pre_defs, body_defs) = (defs(&t.ops[..li]), defs(&t.ops[li + 1..jump]));
    for (k, &(at, loc)) in last_write.iter().enumerate() {
        let last = *t.ops[at].args.last().expect("a store has a value");
        match existing_slot(t, (li, jump), (&pre_defs, &body_defs), loc, last) {
            Some(arg) => current.push(t.ops[li].args[arg]),
            None => {
                let v = t.new_value(value_type(t, loc.descr));
                reads.push(loc.load(t, v));
                current.push(Operand::Value(v));
                t.ops[li].args.push(Operand::Value(v));
                fresh.push(k);
            }
        }
    }

    // The loop body: writes become current values, guards get them as pending writes.
    let mut order: Vec<usize> = (0..slots.len()).collect();
    let mut body = Vec::with_capacity(jump - li);
    for mut op in t.ops.drain(li + 1..) {
        if op.opcode.is_store() {
            if let Some(&k) = Loc::of(&op).and_then(|l| slot_of.get(&l)) {
                current[k] = *op.args.last().expect("a store has a value");
                order.retain(|&j| j != k);
                order.push(k);
                continue;
            }
        }
        if let Some(s) = &mut op.snapshot {
            s.writes = order.iter().map(|&k| slots[k].store(current[k])).collect();
        }
        if op.opcode == Opcode::Jump {
            op.args.extend(fresh.iter().map(|&k| current[k]));
        }
        body.push(op);
    }
    t.ops.splice(li..li, reads);
    t.ops.extend(body);
}

/// A label argument (its position) that already holds what `loc` should hold at the start
/// of each iteration, so `loc` needs no slot of its own: on entry it is the preamble's last
/// write of `loc` (or what a read of it gives: its truncation to the kind), with nothing
/// after it in the preamble that may overwrite `loc`; on the back edge the jump passes the
/// loop body's `last` write of it (or its truncation). Heap caching makes such arguments for
/// the locations it carries around the loop.
///
/// `pre_defs` and `body_defs` are the definitions of the preamble and of the loop body, kept
/// apart: in the loop body a label argument is the carried value, not its preamble definition.
fn existing_slot(
    t: &Trace,
    (li, jump): (usize, usize),
    (pre_defs, body_defs): (&Defs, &Defs),
    loc: Loc,
    last: Operand,
) -> Option<usize> {
    let kind = match &t.descr(loc.descr).kind {
        DescrKind::Field(f) => f.kind,
        DescrKind::Array(a) => a.kind,
        _ => return None,
    };
    let mask = match kind {
        MemKind::U8 => Some(0xff),
        MemKind::U32 => Some(0xffff_ffff),
        MemKind::I64 | MemKind::F64 | MemKind::Ref => None,
        MemKind::I8 | MemKind::I32 => return None,
    };
    let pre = &t.ops[..li];
    // `o` is `x`, or copies and truncations to the kind of it (all write the same memory).
    let holds = |mut o: Operand, x: Operand, defs: &Defs| {
        for _ in 0..4 {
            if o == x {
                return true;
            }
            match o.as_value().and_then(|v| defs.get(&v)).map(|(opcode, args)| (*opcode, args.as_slice())) {
                Some((Opcode::IntAdd, &[a, Operand::Int(0)])) => o = a,
                Some((Opcode::IntAnd, &[a, Operand::Int(m)])) if Some(m) == mask => o = a,
                _ => return false,
            }
        }
        false
    };
    let at = pre.iter().rposition(|op| op.opcode.is_store() && Loc::of(op) == Some(loc))?;
    let entry = *pre[at].args.last().expect("a store has a value");
    for op in &pre[at + 1..] {
        if op.opcode.is_call() && t.call_descr(op).is_none_or(|c| c.effect.writes()) {
            return None;
        }
        match Loc::of(op) {
            Some(l) if op.opcode.is_store() && l.descr == loc.descr && !apart(pre_defs, l, loc) => return None,
            _ => {}
        }
    }
    let (args, back) = (&t.ops[li].args, &t.ops[jump].args);
    (0..args.len()).find(|&k| holds(args[k], entry, pre_defs) && holds(back[k], last, body_defs))
}

/// Whether two locations of one descriptor are provably different memory: items of the same
/// array at indices with the same base and different constant offsets (see
/// [`base_offset`]; `defs` are the preamble's definitions), or different constant objects.
fn apart(defs: &Defs, a: Loc, b: Loc) -> bool {
    if a.obj != b.obj {
        return matches!((a.obj, b.obj), (Operand::Ref(x), Operand::Ref(y)) if x != y);
    }
    match (a.index, b.index) {
        (Some(i), Some(j)) => {
            let ((bi, oi), (bj, oj)) = (base_offset(i, defs), base_offset(j, defs));
            bi == bj && oi != oj
        }
        _ => false,
    }
}

/// The locations the loop body `ops[li + 1..jump]` writes that may be sunk (see the module docs).
fn sinkable(t: &Trace, li: usize, jump: usize) -> HashSet<Loc> {
    let label_args: HashSet<Value> = t.ops[li].args.iter().filter_map(|o| o.as_value()).collect();
    let mut before_label: HashSet<Value> = t.inputs.iter().copied().collect();
    before_label.extend(t.ops[..li].iter().filter_map(|op| op.result));
    let invariant = |o: Operand| match o {
        Operand::Value(v) => before_label.contains(&v) && !label_args.contains(&v),
        Operand::Virtual(_) => false,
        _ => true,
    };
    let preamble: HashSet<Loc> = t.ops[..li].iter().filter_map(Loc::of).collect();

    let mut blocked: HashSet<DescrId> = HashSet::default();
    let mut stores: HashSet<Loc> = HashSet::default();
    for op in &t.ops[li + 1..jump] {
        if op.opcode.is_call() && t.call_descr(op).is_none_or(|c| c.effect != Effect::Elidable) {
            return HashSet::default();
        }
        if op.snapshot.as_ref().is_some_and(|s| !s.writes.is_empty()) {
            return HashSet::default();
        }
        let Some(loc) = Loc::of(op) else { continue };
        let address_ok = invariant(loc.obj) && loc.index.is_none_or(invariant);
        if op.opcode.is_store() && address_ok && preamble.contains(&loc) {
            stores.insert(loc);
        } else {
            blocked.insert(loc.descr);
        }
    }
    stores.retain(|l| !blocked.contains(&l.descr));
    stores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::check;

    #[test]
    fn bf_cells_leave_the_loop() {
        // Two tape cells written every iteration, read only in registers (heap caching did
        // that): both writes leave the loop body, guards perform them. The label already
        // carries both cells (the preamble's last writes, and the loop body's on the back
        // edge), so no slot is added.
        check(
            run,
            "descr tape = array u8 base=0
inputs(i0, p1)
i2 = int_add(i0, 1)
i3 = getarrayitem_i(p1, i2, descr=tape)
i4 = getarrayitem_i(p1, i0, descr=tape)
setarrayitem(p1, i2, i3, descr=tape)
setarrayitem(p1, i0, i4, descr=tape)
label(i3, i4)
guard_safepoint(ConstPtr(0)) [bf@8: i0, p1]
i5 = int_add(i3, 1)
setarrayitem(p1, i2, i5, descr=tape)
i6 = int_add(i4, -1)
setarrayitem(p1, i0, i6, descr=tape)
guard_true(i6) [bf@12: i0, p1]
jump(i5, i6)
",
            "descr tape = array u8 base=0
inputs(i0, p1)
i2 = int_add(i0, 1)
i3 = getarrayitem_i(p1, i2, descr=tape)
i4 = getarrayitem_i(p1, i0, descr=tape)
setarrayitem(p1, i2, i3, descr=tape)
setarrayitem(p1, i0, i4, descr=tape)
label(i3, i4)
guard_safepoint(ConstPtr(0)) [bf@8: i0, p1] => setarrayitem(p1, i2, i3, descr=tape); setarrayitem(p1, i0, i4, descr=tape)
i5 = int_add(i3, 1)
i6 = int_add(i4, -1)
guard_true(i6) [bf@12: i0, p1] => setarrayitem(p1, i2, i5, descr=tape); setarrayitem(p1, i0, i6, descr=tape)
jump(i5, i6)
",
        );
    }

    #[test]
    fn a_slot_of_its_own_when_the_preamble_may_have_overwritten_the_location() {
        // After the preamble's write of `a[i1]`, `a[i2]` is written, which may be the same
        // item: the label argument `i3` need not be what `a[i1]` holds, so the location is
        // read just before the label into a slot of its own.
        check(
            run,
            "descr a = array i64 base=0
inputs(p0, i1, i2, i3)
setarrayitem(p0, i1, i3, descr=a)
setarrayitem(p0, i2, 5, descr=a)
label(i3)
i4 = int_add(i3, 1)
setarrayitem(p0, i1, i4, descr=a)
guard_true(i4) [k: i4]
jump(i4)
",
            "descr a = array i64 base=0
inputs(p0, i1, i2, i3)
setarrayitem(p0, i1, i3, descr=a)
setarrayitem(p0, i2, 5, descr=a)
i4 = getarrayitem_i(p0, i1, descr=a)
label(i3, i4)
i5 = int_add(i3, 1)
guard_true(i5) [k: i5] => setarrayitem(p0, i1, i5, descr=a)
jump(i5, i5)
",
        );
    }

    #[test]
    fn writes_are_replayed_in_last_write_order() {
        // `a[i]` is written, then `a[j]`, then `a[i]` again: if `i == j` the memory must end
        // with the last write, so `a[i]` goes last from then on (and at the start of the next
        // iteration, which continues this iteration's order).
        check(
            run,
            "descr a = array i64 base=0
inputs(p0, i1, i2, i3)
setarrayitem(p0, i1, 0, descr=a)
setarrayitem(p0, i2, 0, descr=a)
label(i3)
i4 = int_add(i3, 1)
setarrayitem(p0, i1, i4, descr=a)
guard_true(i4) [k: i4]
setarrayitem(p0, i2, i3, descr=a)
guard_true(i3) [k: i3]
setarrayitem(p0, i1, i3, descr=a)
guard_false(i4) [k: i4]
jump(i4)
",
            "descr a = array i64 base=0
inputs(p0, i1, i2, i3)
setarrayitem(p0, i1, 0, descr=a)
setarrayitem(p0, i2, 0, descr=a)
i4 = getarrayitem_i(p0, i2, descr=a)
i5 = getarrayitem_i(p0, i1, descr=a)
label(i3, i4, i5)
i6 = int_add(i3, 1)
guard_true(i6) [k: i6] => setarrayitem(p0, i2, i4, descr=a); setarrayitem(p0, i1, i6, descr=a)
guard_true(i3) [k: i3] => setarrayitem(p0, i1, i6, descr=a); setarrayitem(p0, i2, i3, descr=a)
guard_false(i6) [k: i6] => setarrayitem(p0, i2, i3, descr=a); setarrayitem(p0, i1, i3, descr=a)
jump(i6, i3, i3)
",
        );
    }

    #[test]
    fn a_read_through_the_descriptor_keeps_its_writes() {
        // `a[i2]` may be `a[i1]`: the read must see the write, so neither moves. The field
        // through another descriptor still leaves the loop.
        check(
            run,
            "descr a = array i64 base=0
descr f = field i64 +8
inputs(p0, i1, i2, i3)
setarrayitem(p0, i1, i3, descr=a)
setfield(p0, i3, descr=f)
label(i3)
setarrayitem(p0, i1, i3, descr=a)
setfield(p0, i3, descr=f)
i4 = getarrayitem_i(p0, i2, descr=a)
guard_true(i4) [k: i4]
jump(i4)
",
            "descr a = array i64 base=0
descr f = field i64 +8
inputs(p0, i1, i2, i3)
setarrayitem(p0, i1, i3, descr=a)
setfield(p0, i3, descr=f)
i4 = getfield_i(p0, descr=f)
label(i3, i4)
setarrayitem(p0, i1, i3, descr=a)
i5 = getarrayitem_i(p0, i2, descr=a)
guard_true(i5) [k: i5] => setfield(p0, i3, descr=f)
jump(i5, i3)
",
        );
    }

    #[test]
    fn a_moving_address_keeps_every_write_of_its_descriptor() {
        // `a[i3]` moves with the loop: its writes stay, and so does `a[i1]`'s (it may be the
        // same item as some `a[i3]`, and the order of the two must be kept).
        let src = "descr a = array i64 base=0
inputs(p0, i1, i3)
setarrayitem(p0, i1, i3, descr=a)
setarrayitem(p0, i3, i3, descr=a)
label(i3)
setarrayitem(p0, i1, i3, descr=a)
i4 = int_add(i3, 1)
setarrayitem(p0, i4, i3, descr=a)
guard_true(i4) [k: i4]
jump(i4)
";
        check(run, src, src);
    }

    #[test]
    fn a_writing_call_keeps_every_write() {
        let src = "descr a = array i64 base=0
descr w = call(i) -> none write
inputs(p0, i1, i3)
setarrayitem(p0, i1, i3, descr=a)
label(i3)
setarrayitem(p0, i1, i3, descr=a)
call_n(i3, descr=w)
guard_true(i3) [k: i3]
jump(i3)
";
        check(run, src, src);
    }

    #[test]
    fn a_location_the_preamble_never_touched_stays() {
        // Reading `a[i2]` before the label could be out of bounds: the preamble never went
        // there (the loop body's address came from somewhere the preamble did not check).
        let src = "descr a = array i64 base=0
inputs(p0, i1, i2, i3)
setarrayitem(p0, i1, i3, descr=a)
label(i3)
setarrayitem(p0, i2, i3, descr=a)
guard_true(i3) [k: i3]
jump(i3)
";
        check(run, src, src);
    }
}
