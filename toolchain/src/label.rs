//! Entering a compiled loop at its label: a trace that finishes at the header of a loop
//! compiled with entry conditions at its label (`Unit::short`, see `metatrace_jit::opt::short`)
//! gets them appended before its `finish`, with what the driver knows of constants folded in
//! (the optimizer sees no memory), so that it jumps past the loop's preamble.

use crate::ctx::Language;
use crate::descr::Type;
use crate::links::enterable;
use crate::recorder::Recorder;
use crate::state::VmState;
use crate::units::{CellState, UnitId};
use metatrace_jit::ir::{Opcode, Operand, Trace};

/// For a trace that finishes at loop header `key`: if the loop compiled there has entry
/// conditions at its label (`Unit::short`), the loop, its invalidation flag, and the recorded
/// trace with a check of that flag and the conditions put before its `finish`, which then
/// passes what the loop reads at its label (see `metatrace_jit::opt::short`). `None` keeps
/// the trace finishing at the loop's top.
pub(crate) fn enter_at_label<L: Language>(
    vm: &VmState<L>,
    rec: &mut Recorder<L>,
    key: L::Key,
) -> Option<(UnitId, crate::quasi::InvalidFlag, Trace)> {
    use metatrace_jit::ir::{Op, Slots, SnapFrame, Snapshot};
    let CellState::Compiled(u) = vm.cells.get(&key)?.state else { return None };
    if !enterable(vm, u) {
        return None;
    }
    let unit = vm.units[u].as_ref()?;
    let (short, flag) = (unit.short.clone()?, unit.invalid.clone());
    let kid = rec.key_id(key);
    let mut t = rec.trace.clone();
    let frame = t.ops.last().filter(|o| o.opcode == Opcode::Finish)?.args.clone();
    let mut check = Op::new(Opcode::GuardNotInvalidated, vec![Operand::Ref(flag.as_ptr() as u64)], None);
    // (It shares the chunks the outermost frame of the recording's last snapshot has alike.)
    let like = t.ops.iter().rev().find_map(|o| o.snapshot.as_ref()).and_then(|s| s.frames.first());
    let values = Slots::sharing(&frame, like.map(|f| &f.values));
    check.snapshot = Some(Snapshot { frames: vec![SnapFrame { key: kid, values }], ..Default::default() });
    let at = t.ops.len() - 1;
    t.ops.insert(at, check);
    // A constant object standing in for a virtual (see `short::append`) must hold zero wherever
    // the loop's description of that virtual names no field: the loop takes those for 0.
    let constants = short.virtual_slots.iter().filter(|v| v.value);
    if constants.filter_map(|v| frame.get(v.slot).map(|o| (o, v))).any(|(o, v)| match *o {
        Operand::Ref(a) if a != 0 => !zero_but(a as usize, &v.fields),
        _ => false,
    }) {
        return None;
    }
    if !metatrace_jit::opt::short::append(&mut t, &short, kid) {
        return None;
    }
    fold_constant_reads(&mut t, at).then_some((u, flag, t))
}

/// Whether object `obj` holds only zero bytes past its header, but in the fields `fields`.
fn zero_but(obj: usize, fields: &[metatrace_jit::ir::Descr]) -> bool {
    use metatrace_jit::ir::DescrKind;
    // SAFETY: `obj` is a constant of the trace being installed (recording keeps its constants
    // as roots, and nothing collects while it is installed): a heap object, whose header word
    // 0 is its layout's address.
    let class = unsafe { crate::concrete::load(obj, metatrace_jit::ir::MemKind::I64) };
    // SAFETY: layouts are `&'static` (see `SizeDescr::class`).
    let layout = unsafe { &*(class as usize as *const crate::heap::Layout) };
    if layout.items.is_some() {
        return false;
    }
    let named = |b: usize| {
        fields.iter().any(|d| match &d.kind {
            DescrKind::Field(f) => (f.offset as usize..f.offset as usize + f.kind.size() as usize).contains(&b),
            _ => false,
        })
    };
    // SAFETY: as above; the bytes are the object's own, up to its layout's size.
    (crate::heap::HEADER as usize..layout.size as usize).all(|b| named(b) || unsafe { *((obj + b) as *const u8) } == 0)
}

/// Folds what the entry conditions appended at `ops[from..]` read of constant objects (an inner
/// loop's counter reset to a literal, see `metatrace_jit::opt::short`): a class check of one
/// passes or fails now, and a read of an immutable field of one whose class was checked is its
/// value (the optimizer, which sees no memory, cannot tell), so that the range checks on it
/// fold too. Returns `false` when a class check fails: the bridge cannot enter at the label.
fn fold_constant_reads(t: &mut Trace, from: usize) -> bool {
    use metatrace_jit::ir::{DescrKind, SlotsMemo};
    let mut known: Vec<(metatrace_jit::ir::Value, Operand)> = Vec::new();
    // The constant objects whose class check passed: their class has the fields read next.
    let mut checked: Vec<u64> = Vec::new();
    let mut k = from;
    while k < t.ops.len() {
        let op = &mut t.ops[k];
        if !known.is_empty() {
            let find = |o: Operand| known.iter().find(|(v, _)| Operand::Value(*v) == o).map(|&(_, c)| c);
            for a in &mut op.args {
                *a = find(*a).unwrap_or(*a);
            }
            if let Some(s) = &mut op.snapshot {
                s.rewrite_uses(&mut SlotsMemo::trusting(), find);
            }
        }
        let op = &t.ops[k];
        let (obj, field) = match (op.opcode, op.args.first(), op.descr.map(|d| &t.descr(d).kind)) {
            (Opcode::GuardClass, Some(&Operand::Ref(a)), _) if a != 0 => {
                // SAFETY: `a` is a constant of the trace being installed (recording keeps its
                // constants as roots, and nothing collects while it is installed): a heap
                // object, whose header word 0 holds its class.
                let class = unsafe { crate::concrete::load(a as usize, metatrace_jit::ir::MemKind::I64) };
                if Some(class) != op.args[1].const_word() {
                    return false;
                }
                checked.push(a);
                t.ops.remove(k);
                continue;
            }
            (
                Opcode::GetfieldI | Opcode::GetfieldF | Opcode::GetfieldR,
                Some(&Operand::Ref(a)),
                Some(DescrKind::Field(f)),
            ) if f.immutable && checked.contains(&a) => (a, f.clone()),
            _ => {
                k += 1;
                continue;
            }
        };
        // SAFETY: as above; the field is in the object (its class check passed, and the loop
        // read the field from objects of that class).
        let word = unsafe { crate::concrete::load(obj as usize + field.offset as usize, field.kind) };
        let r = t.ops[k].result.expect("reads have results");
        let constant = match t.type_of(r) {
            Type::Int => Operand::Int(word as i64),
            Type::Float => Operand::Float(word),
            Type::Ref => Operand::Ref(word),
        };
        known.push((r, constant));
        t.ops.remove(k);
    }
    true
}
