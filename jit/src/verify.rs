//! The trace verifier: checks the invariants every pass relies on and must keep.
//!
//! Run after recording and after every optimizer pass in tests. A failure is a compiler bug,
//! so the error names the operation and the broken rule.

use crate::ir::*;

/// Why a trace is malformed.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifyError {
    /// Index of the offending operation (`None` for trace-level problems).
    pub op: Option<usize>,
    /// The broken rule.
    pub message: String,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.op {
            Some(i) => write!(f, "op {i}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Checks a finished trace (one that ends with `jump`):
/// - every value is defined once, before its uses (inputs count as defined at the start);
/// - arguments match the operation's signature, results have the table's type;
/// - descriptors are present exactly where the table says, of the right kind, and calls
///   match their call descriptor;
/// - every guard has a snapshot whose operands are defined; no other op has one but a
///   recorded loop's `jump` and a peeled loop's `label`, whose snapshot is the loop header's
///   frame (one frame, no pending writes, no outcome: see `opt::peel`); pending writes in
///   snapshots are well-formed stores;
/// - every overflow-checked op is directly followed by `guard_no_overflow` or `guard_overflow`;
/// - at most one `label`; the trace ends with its only `jump` or `finish`; a `jump`'s
///   arguments match the label's (or, without a label, the inputs') in number and type.
pub fn verify(t: &Trace) -> Result<(), VerifyError> {
    let mut defined = vec![false; t.types.len()];
    let err = |op: Option<usize>, m: String| Err(VerifyError { op, message: m });
    for &v in &t.inputs {
        if v.0 as usize >= defined.len() || defined[v.0 as usize] {
            return err(None, format!("input {v:?} is out of range or repeated"));
        }
        defined[v.0 as usize] = true;
    }
    let mut loop_params: Vec<Type> = t.inputs.iter().map(|&v| t.type_of(v)).collect();
    let mut labels = 0;
    let n = t.ops.len();
    if n == 0 || !t.ops[n - 1].opcode.has(flags::FINAL) {
        return err(None, "a trace must end with jump, finish or guard_always_fails".into());
    }
    for (i, op) in t.ops.iter().enumerate() {
        let at = Some(i);
        let name = op.opcode.name();
        let check_operand = |o: Operand| -> Result<Type, VerifyError> {
            if let Operand::Virtual(_) = o {
                return Err(VerifyError { op: at, message: format!("{name} uses a virtual outside a snapshot") });
            }
            if let Operand::Value(v) = o {
                if v.0 as usize >= defined.len() || !defined[v.0 as usize] {
                    return Err(VerifyError { op: at, message: format!("{name} uses {v:?} before its definition") });
                }
            }
            Ok(t.operand_type(o))
        };
        let arg_types = op.args.iter().map(|&a| check_operand(a)).collect::<Result<Vec<_>, _>>()?;
        if let Some(s) = &op.snapshot {
            let state = matches!(op.opcode, Opcode::Label | Opcode::Jump);
            if !op.opcode.is_guard() && !state {
                return err(at, format!("{name} is not a guard but has a snapshot"));
            }
            if state && (s.frames.len() != 1 || s.deliver.is_some() || !s.writes.is_empty()) {
                return err(at, format!("{name}'s state is not one frame without pending writes or outcome"));
            }
            for &o in s.operands() {
                match o {
                    Operand::Virtual(k) if (k as usize) < s.virtuals.len() => {}
                    Operand::Virtual(k) => return err(at, format!("{name}'s snapshot refers to missing virtual v{k}")),
                    _ => {
                        check_operand(o)?;
                    }
                }
            }
            for v in &s.virtuals {
                let ok = matches!(t.descrs.get(v.descr.0 as usize).map(|d| &d.kind),
                    Some(DescrKind::Size(sd)) if sd.items.is_some() == v.len.is_some());
                if !ok {
                    return err(at, format!("{name}'s snapshot has a virtual without a matching size descr"));
                }
                for f in &v.fields {
                    let ok = match t.descrs.get(f.descr.0 as usize).map(|d| &d.kind) {
                        // Objects with items may have fixed fields too.
                        Some(DescrKind::Field(fd)) => f.index == 0 && fd.kind.ty() == t.operand_type(f.value),
                        Some(DescrKind::Array(ad)) => {
                            v.len.is_some_and(|n| f.index < n) && ad.kind.ty() == t.operand_type(f.value)
                        }
                        _ => false,
                    };
                    if !ok {
                        return err(at, format!("{name}'s snapshot has a badly typed virtual field"));
                    }
                }
            }
            if s.frames.is_empty() {
                return err(at, format!("{name} has an empty snapshot"));
            }
            if let Some(d) = s.deliver {
                let delivered = s.frames.last().and_then(|f| f.values.last());
                match (d, delivered.map(|&o| t.operand_type(o))) {
                    (_, None) => return err(at, format!("{name}'s snapshot delivers nothing")),
                    (Deliver::Raised, Some(ty)) if ty != Type::Ref => {
                        return err(at, format!("{name}'s snapshot delivers a raised {ty:?}"))
                    }
                    _ => {}
                }
            }
            for w in &s.writes {
                let store = matches!(w.opcode, Opcode::Setfield | Opcode::Setarrayitem);
                if !store || w.result.is_some() || w.snapshot.is_some() {
                    return err(at, format!("{name}'s pending write is not a plain setfield or setarrayitem"));
                }
                let types = w.args.iter().map(|&a| check_operand(a)).collect::<Result<Vec<_>, _>>()?;
                let address: &[Type] =
                    if w.opcode == Opcode::Setfield { &[Type::Ref] } else { &[Type::Ref, Type::Int] };
                if types.len() != address.len() + 1 || types[..address.len()] != *address {
                    return err(at, format!("{name}'s pending write has arguments {types:?}"));
                }
                let kind = w.descr.and_then(|d| t.descrs.get(d.0 as usize)).map(|d| &d.kind);
                let kind = kind
                    .ok_or_else(|| VerifyError { op: at, message: format!("{name}'s pending write has no descr") })?;
                check_descr(t, w, kind, &types)
                    .map_err(|m| VerifyError { op: at, message: format!("{name}'s pending write: {m}") })?;
            }
        } else if op.opcode.is_guard() {
            return err(at, format!("{name} has no snapshot"));
        }
        match op.opcode.arity() {
            Arity::Fixed(sig) => {
                if sig.len() != arg_types.len() {
                    return err(at, format!("{name} takes {} arguments, got {}", sig.len(), arg_types.len()));
                }
                for (k, (want, got)) in sig.iter().zip(&arg_types).enumerate() {
                    let want = match want {
                        ArgType::Is(ty) => *ty,
                        ArgType::Same => arg_types[0],
                        ArgType::Any => *got,
                    };
                    if want != *got {
                        return err(at, format!("{name} argument {k} is {got:?}, expected {want:?}"));
                    }
                }
            }
            Arity::Variadic => {}
        }
        match (op.opcode.has_descr(), op.descr) {
            (true, None) => return err(at, format!("{name} needs a descr")),
            (false, Some(_)) => return err(at, format!("{name} takes no descr")),
            (true, Some(d)) => {
                let Some(descr) = t.descrs.get(d.0 as usize) else {
                    return err(at, format!("{name} has an unknown descr"));
                };
                check_descr(t, op, &descr.kind, &arg_types).map_err(|m| VerifyError { op: at, message: m })?;
            }
            (false, None) => {}
        }
        match (op.result, op.opcode.result()) {
            (Some(r), Some(ty)) => {
                if t.type_of(r) != ty {
                    return err(at, format!("{name} defines {r:?} of the wrong type"));
                }
                if defined[r.0 as usize] {
                    return err(at, format!("{r:?} is defined twice"));
                }
                defined[r.0 as usize] = true;
            }
            (None, None) => {}
            _ => return err(at, format!("{name} result does not match the table")),
        }
        if op.opcode.is_ovf() {
            match t.ops.get(i + 1).map(|o| o.opcode) {
                Some(Opcode::GuardNoOverflow | Opcode::GuardOverflow) => {}
                _ => return err(at, format!("{name} is not followed by an overflow guard")),
            }
        }
        if matches!(op.opcode, Opcode::GuardNoOverflow | Opcode::GuardOverflow)
            && !(i > 0 && t.ops[i - 1].opcode.is_ovf())
        {
            return err(at, format!("{name} does not follow an overflow-checked operation"));
        }
        match op.opcode {
            Opcode::Label => {
                labels += 1;
                if labels > 1 {
                    return err(at, "more than one label".into());
                }
                loop_params = arg_types.clone();
            }
            Opcode::Finish | Opcode::GuardAlwaysFails if i != n - 1 => {
                return err(at, format!("{name} before the end of the trace"))
            }
            Opcode::Jump => {
                if i != n - 1 {
                    return err(at, "jump before the end of the trace".into());
                }
                if arg_types != loop_params {
                    return err(at, format!("jump arguments {arg_types:?} do not match the loop's {loop_params:?}"));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_descr(t: &Trace, op: &Op, kind: &DescrKind, args: &[Type]) -> Result<(), String> {
    use Opcode::*;
    let name = op.opcode.name();
    match (op.opcode, kind) {
        (GetfieldI | GetfieldF | GetfieldR, DescrKind::Field(f)) => {
            if Some(f.kind.ty()) != op.opcode.result() {
                return Err(format!("{name} reads a {:?} field", f.kind));
            }
        }
        (Setfield, DescrKind::Field(f)) => {
            if args[1] != f.kind.ty() {
                return Err(format!("setfield writes {:?} into a {:?} field", args[1], f.kind));
            }
        }
        (GetarrayitemI | GetarrayitemF | GetarrayitemR, DescrKind::Array(a)) => {
            if Some(a.kind.ty()) != op.opcode.result() {
                return Err(format!("{name} reads {:?} items", a.kind));
            }
        }
        (Setarrayitem, DescrKind::Array(a)) => {
            if args[2] != a.kind.ty() {
                return Err(format!("setarrayitem writes {:?} into {:?} items", args[2], a.kind));
            }
        }
        (Arraylen, DescrKind::Array(a)) => {
            if a.len_offset.is_none() {
                return Err("arraylen on an array descr without a length".into());
            }
        }
        (
            CallI | CallF | CallR | CallN | CallAssemblerI | CallAssemblerF | CallAssemblerR | CallMayForceI
            | CallMayForceF | CallMayForceR,
            DescrKind::Call(c),
        ) => {
            if c.args != args {
                return Err(format!("{name} arguments {args:?} do not match the descr's {:?}", c.args));
            }
            if c.ret != op.opcode.result() {
                return Err(format!("{name} does not return what the descr says"));
            }
        }
        (New, DescrKind::Size(s)) if s.items.is_none() => {}
        (NewArray, DescrKind::Size(s)) if s.items.is_some() => {}
        _ => return Err(format!("{name} has a descr of the wrong kind")),
    }
    let _ = t;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;

    fn check(src: &str) -> Result<(), VerifyError> {
        verify(&parse(src).unwrap())
    }

    #[test]
    fn accepts_a_well_formed_peeled_loop() {
        check(
            "inputs(i0)\ni1 = int_lt(i0, 10)\nguard_true(i1) [k: i0]\nlabel(i0)\n\
             i2 = int_add_ovf(i0, 1)\nguard_no_overflow() [k: i0]\njump(i2)\n",
        )
        .unwrap();
    }

    #[test]
    fn rejects_broken_traces() {
        let bad = [
            ("inputs(i0)\ni1 = int_add(i0, 1.5)\njump(i1)\n", "argument 1"),
            ("inputs(i0)\nguard_true(i0)\njump(i0)\n", "no snapshot"),
            ("inputs(i0)\ni1 = int_add_ovf(i0, 1)\njump(i1)\n", "overflow guard"),
            ("inputs(i0, i1)\njump(i0)\n", "do not match"),
            ("inputs(i0)\ni1 = int_add(i0, 1)\n", "end with jump"),
            ("inputs(i0)\nlabel(i0)\nlabel(i0)\njump(i0)\n", "more than one label"),
            ("inputs(i0)\nguard_no_overflow() [k: i0]\njump(i0)\n", "does not follow"),
        ];
        for (src, want) in bad {
            let e = check(src).unwrap_err();
            assert!(e.message.contains(want), "{src}: {e}");
        }
    }
}
