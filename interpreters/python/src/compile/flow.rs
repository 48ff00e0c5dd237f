//! Stack effects of every instruction, and an independent checker of a finished code object:
//! it walks all paths (jumps, fall-throughs, exception-table entries) and verifies that each
//! instruction is reached with one stack depth only, that no instruction underflows the stack,
//! that `stacksize` is exactly the deepest point, that forward jumps go forward and `JumpBack`
//! backward, and that every exception-table entry's depth fits the stack it protects.

use crate::bytecode::{Code, Const, Op};

/// What one instruction does to the stack depth.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Effect {
    /// How many values it needs on the stack.
    pub needs: u32,
    /// The depth change when it falls through (None: it never falls through).
    pub fall: Option<i32>,
    /// The jump target and the depth change when it jumps.
    pub jump: Option<(u32, i32)>,
}

fn seq(needs: u32, delta: i32) -> Effect {
    Effect { needs, fall: Some(delta), jump: None }
}

/// The stack effect of `op` (see the docs of [`Op`]).
pub(crate) fn effect(op: &Op) -> Effect {
    use Op::*;
    match *op {
        LoadConst(_) | LoadFast(_) | LoadGlobal(_) | LoadName(_) | LoadDeref(_) | LoadClosure(_) => seq(0, 1),
        StoreFast(_) | StoreGlobal(_) | StoreName(_) | StoreDeref(_) => seq(1, -1),
        // (As their first instruction: the second one follows at pc + 1.)
        LoadFastLoadFast(..) | LoadFastLoadConst(..) | LoadFastLoadAttr(..) | LoadFastConstBinary { .. } => seq(0, 1),
        StoreFastLoadFast(..) => seq(1, -1),
        DeleteFast(_) | DeleteGlobal(_) | DeleteName(_) | DeleteDeref(_) | MakeCell(_) | Nop => seq(0, 0),
        LoadAttr(_) => seq(1, 0),
        LoadMethod(_) => seq(1, 1),
        StoreAttr(_) => seq(2, -2),
        DeleteAttr(_) => seq(1, -1),
        BinarySubscr => seq(2, -1),
        StoreSubscr => seq(3, -3),
        DeleteSubscr => seq(2, -2),
        BuildSlice(n) => seq(n, 1 - n as i32),
        Pop => seq(1, -1),
        Dup => seq(1, 1),
        Dup2 => seq(2, 2),
        Rot2 => seq(2, 0),
        Rot3 => seq(3, 0),
        Rot4 => seq(4, 0),
        Binary { .. } | BinaryStoreFast { .. } | Compare(_) => seq(2, -1),
        Unary(_) => seq(1, 0),
        Jump(t) | JumpBack(t) => Effect { needs: 0, fall: None, jump: Some((t, 0)) },
        PopJumpIfFalse(t) | PopJumpIfTrue(t) => Effect { needs: 1, fall: Some(-1), jump: Some((t, -1)) },
        JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => Effect { needs: 1, fall: Some(-1), jump: Some((t, 0)) },
        GetIter => seq(1, 0),
        CloseIter => seq(1, 0),
        ForIter(t) => Effect { needs: 1, fall: Some(1), jump: Some((t, -1)) },
        Call(n) => seq(n + 1, -(n as i32)),
        CallMethod(n) => seq(n + 2, -(n as i32) - 1),
        CallKw { argc, .. } => seq(argc + 1, -(argc as i32)),
        CallEx { kwargs } => seq(2 + kwargs as u32, -1 - kwargs as i32),
        MakeFunction { defaults, kwdefaults, closure, .. } => {
            let k = defaults as u32 + kwdefaults as u32 + closure as u32;
            seq(k, 1 - k as i32)
        }
        Return => Effect { needs: 1, fall: None, jump: None },
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => seq(n, 1 - n as i32),
        BuildMap(n) => seq(2 * n, 1 - 2 * n as i32),
        ListAppend(d) | SetAdd(d) | ListExtend(d) | SetUpdate(d) | DictUpdate(d) | DictMerge(d) => seq(d + 1, -1),
        MapAdd(d) => seq(d + 2, -2),
        ListToTuple => seq(1, 0),
        FormatValue { spec, .. } => seq(1 + spec as u32, -(spec as i32)),
        UnpackSequence(n) => seq(1, n as i32 - 1),
        UnpackEx { before, after } => seq(1, (before + after) as i32),
        Raise(n) => Effect { needs: n, fall: None, jump: None },
        Reraise => Effect { needs: 1, fall: None, jump: None },
        PushExcInfo => seq(1, 1),
        PopExcept => seq(1, -1),
        CheckExcMatch => seq(2, 0),
        LoadAssertionError | LoadBuildClass | LoadBuiltin(_) => seq(0, 1),
        BeforeWith => seq(1, 1),
        WithExceptStart => seq(2, 1),
        ImportName(_) => seq(2, -1),
        ImportFrom(_) => seq(1, 1),
        ImportStar => seq(1, -1),
        YieldValue | GetYieldFromIter | GetAwaitable | GetAIter | AsyncGenWrap => seq(1, 0),
        BeforeAsyncWith | GetANext => seq(1, 1),
        EndAsyncFor => seq(2, -2),
        Send(t) => Effect { needs: 2, fall: Some(-1), jump: Some((t, 0)) },
        PrintExpr => seq(1, -1),
    }
}

/// Replaces the jump target of `op` (if it has one) by `f(target)`.
pub(crate) fn map_target(op: &mut Op, f: impl FnOnce(u32) -> u32) {
    use Op::*;
    match op {
        Jump(t) | JumpBack(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t)
        | ForIter(t) | Send(t) => *t = f(*t),
        _ => {}
    }
}

/// Checks the invariants of `code` and of every code object nested in its constants.
pub fn verify(code: &Code) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

fn verify_one(code: &Code) -> Result<(), String> {
    let n = code.ops.len();
    if code.lines.len() != n {
        return Err("lines and ops differ in length".into());
    }
    if n == 0 {
        return Err("no instructions".into());
    }
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut work: Vec<(usize, u32)> = vec![(0, 0)];
    let mut max = 0u32;
    let nslots = code.varnames.len() as u32;
    for h in &code.handlers {
        if h.start >= h.end || h.end as usize > n || h.handler as usize >= n {
            return Err(format!("bad handler {h:?}"));
        }
    }
    while let Some((pc, d)) = work.pop() {
        if pc >= n {
            return Err(format!("falls off the end at {pc}"));
        }
        match depth[pc] {
            Some(e) if e == d => continue,
            Some(e) => return Err(format!("pc {pc} reached with depths {e} and {d}")),
            None => depth[pc] = Some(d),
        }
        max = max.max(d);
        let op = &code.ops[pc];
        let eff = effect(op);
        if d < eff.needs {
            return Err(format!("pc {pc} {op:?} underflows (depth {d})"));
        }
        match *op {
            Op::LoadFast(i)
            | Op::StoreFast(i)
            | Op::DeleteFast(i)
            | Op::LoadDeref(i)
            | Op::StoreDeref(i)
            | Op::DeleteDeref(i)
            | Op::LoadClosure(i)
            | Op::MakeCell(i)
                if i >= nslots =>
            {
                return Err(format!("pc {pc} {op:?}: no such slot"));
            }
            Op::LoadFastLoadFast(a, b) | Op::StoreFastLoadFast(a, b) if a.max(b) >= nslots => {
                return Err(format!("pc {pc} {op:?}: no such slot"));
            }
            Op::LoadFastLoadAttr(a, _) | Op::BinaryStoreFast { local: a, .. } if a >= nslots => {
                return Err(format!("pc {pc} {op:?}: no such slot"));
            }
            Op::LoadFastLoadConst(a, k) | Op::LoadFastConstBinary { local: a, konst: k, .. }
                if a >= nslots || k as usize >= code.consts.len() =>
            {
                return Err(format!("pc {pc} {op:?}: no such slot or constant"));
            }
            Op::LoadConst(k) | Op::MakeFunction { code: k, .. } | Op::CallKw { names: k, .. }
                if k as usize >= code.consts.len() =>
            {
                return Err(format!("pc {pc} {op:?}: no such constant"));
            }
            _ => {}
        }
        if let Some(h) = code.handler_at(pc) {
            if d < h.depth {
                return Err(format!("pc {pc} at depth {d} is under handler depth {}", h.depth));
            }
            work.push((h.handler as usize, h.depth + 1));
            max = max.max(h.depth + 1);
        }
        if let Some(f) = eff.fall {
            let nd = d as i32 + f;
            max = max.max(nd as u32);
            work.push((pc + 1, nd as u32));
        }
        if let Some((t, j)) = eff.jump {
            let back = matches!(op, Op::JumpBack(_));
            if back != ((t as usize) <= pc) {
                return Err(format!("pc {pc} {op:?} jumps the wrong way"));
            }
            let nd = (d as i32 + j) as u32;
            max = max.max(nd);
            work.push((t as usize, nd));
        }
    }
    if max != code.stacksize {
        return Err(format!("stacksize {} but the deepest point is {max}", code.stacksize));
    }
    if let Some(pc) = depth.iter().position(|d| d.is_none()) {
        return Err(format!("pc {pc} ({:?}) is unreachable", code.ops[pc]));
    }
    Ok(())
}
