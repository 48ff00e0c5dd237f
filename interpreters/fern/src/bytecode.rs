//! Fern bytecode: per-function instruction lists for a stack machine, and the check that
//! the operand stack has one statically known depth at every instruction.

use std::fmt;

/// One instruction. Jump targets are instruction indices in the same function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// The first instruction of every function, and only there: the frame holds the
    /// arguments; the other locals are set to `none`. (A call hands its callee the arguments
    /// alone, so a function's entry reds are as many as its parameters, not its locals, and
    /// compiled code calls a function of a thousand locals with its two arguments. Being an
    /// instruction of its own, it keeps loop heads off the entry position.)
    Enter,
    /// Push constant `k` of the function's constant table.
    Const(u32),
    /// Push local `i`.
    LoadLocal(u32),
    /// Pop into local `i`.
    StoreLocal(u32),
    /// `a + b`
    Add,
    /// `a - b`
    Sub,
    /// `a * b`
    Mul,
    /// `a / b` (float result)
    Div,
    /// `a // b`
    FloorDiv,
    /// `a % b`
    Mod,
    /// `a < b`
    Lt,
    /// `a <= b`
    Le,
    /// `a > b`
    Gt,
    /// `a >= b`
    Ge,
    /// `a == b`
    Eq,
    /// `a != b`
    Ne,
    /// `not a` (0 or 1)
    Not,
    /// `-a`
    Neg,
    /// Jump forward.
    Jump(u32),
    /// Pop; jump if it is false (`none`, `0`, `0.0`).
    JumpIfFalse(u32),
    /// Jump backward to a loop's head (a JIT loop header).
    Loop(u32),
    /// Call function `func` with `nargs` arguments popped from the stack; push its result.
    Call(u32, u32),
    /// Pop the return value and return it.
    Return,
    /// Pop and discard.
    Pop,
    /// Pop `n` values and print them separated by spaces, then a newline.
    Print(u32),
    /// Pop `n` values and push a new array of them (the first popped is the last item).
    NewArray(u32),
    /// `array(n)`: pop `n`, push a new array of `n` `none`s.
    MakeArray,
    /// `a[i]`: pop `i` and `a`, push the item.
    GetItem,
    /// `a[i] = v`: pop `v`, `i` and `a`, store.
    SetItem,
    /// `len(a)`: pop `a`, push its length.
    Len,
}

/// A constant of a function's constant table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Const {
    /// `none`
    None,
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
}

impl Const {
    /// Whether two constants are the same value of the same type (bitwise for floats).
    pub fn same(self, other: Const) -> bool {
        match (self, other) {
            (Const::None, Const::None) => true,
            (Const::Int(a), Const::Int(b)) => a == b,
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }
}

/// A compiled function.
#[derive(Clone, Debug)]
pub struct Function {
    /// Its name.
    pub name: String,
    /// The name, leaked once per program so green keys can display it cheaply.
    pub key_name: &'static str,
    /// Number of parameters (the first locals).
    pub arity: usize,
    /// Number of local slots (parameters included).
    pub nlocals: usize,
    /// The instructions.
    pub code: Vec<Op>,
    /// The constant table.
    pub consts: Vec<Const>,
    /// The largest operand stack depth.
    pub max_stack: usize,
}

/// A compiled program.
#[derive(Clone, Debug)]
pub struct Program {
    /// All functions, in definition order.
    pub funcs: Vec<Function>,
    /// The index of `main`.
    pub main: usize,
}

impl Op {
    /// (values popped, values pushed).
    fn stack_effect(self) -> (usize, usize) {
        match self {
            Op::Const(_) | Op::LoadLocal(_) => (0, 1),
            Op::StoreLocal(_) | Op::Pop | Op::JumpIfFalse(_) | Op::Return => (1, 0),
            Op::Add
            | Op::Sub
            | Op::Mul
            | Op::Div
            | Op::FloorDiv
            | Op::Mod
            | Op::Lt
            | Op::Le
            | Op::Gt
            | Op::Ge
            | Op::Eq
            | Op::Ne => (2, 1),
            Op::Not | Op::Neg | Op::MakeArray | Op::Len => (1, 1),
            Op::NewArray(n) => (n as usize, 1),
            Op::GetItem => (2, 1),
            Op::SetItem => (3, 0),
            Op::Jump(_) | Op::Loop(_) | Op::Enter => (0, 0),
            Op::Call(_, n) => (n as usize, 1),
            Op::Print(n) => (n as usize, 0),
        }
    }
}

impl Function {
    /// Checks that the function starts with its only `Enter`, which no jump targets, that
    /// every instruction's operands are in range and that the operand stack has one depth at
    /// every reachable instruction (0 at loop heads, which the compiler only
    /// places at statement boundaries); returns the largest depth. `arities` are the
    /// program's functions' parameter counts. Run on every compiled function, so the
    /// interpreter may rely on it.
    pub fn check(&self, arities: &[usize]) -> Result<usize, String> {
        let n = self.code.len();
        if self.code.first() != Some(&Op::Enter) {
            return Err(format!("internal compiler error in {}: no enter at 0", self.name));
        }
        let mut depth: Vec<Option<usize>> = vec![None; n];
        let mut work = vec![(0usize, 0usize)];
        let mut max = 0;
        let bad = |pc: usize, why: &str| Err(format!("internal compiler error in {} at {pc}: {why}", self.name));
        while let Some((pc, d)) = work.pop() {
            if pc >= n {
                return bad(pc, "falls off the end");
            }
            match depth[pc] {
                Some(old) if old == d => continue,
                Some(_) => return bad(pc, "inconsistent stack depth"),
                None => depth[pc] = Some(d),
            }
            let op = self.code[pc];
            let (pop, push) = op.stack_effect();
            if d < pop {
                return bad(pc, "stack underflow");
            }
            let after = d - pop + push;
            max = max.max(after).max(d);
            match op {
                Op::Const(k) if k as usize >= self.consts.len() => return bad(pc, "bad constant"),
                Op::LoadLocal(i) | Op::StoreLocal(i) if i as usize >= self.nlocals => return bad(pc, "bad local"),
                Op::Call(f, a) if arities.get(f as usize) != Some(&(a as usize)) => return bad(pc, "bad call"),
                Op::Enter if pc != 0 => return bad(pc, "enter past the entry"),
                Op::Jump(0) | Op::Loop(0) | Op::JumpIfFalse(0) => return bad(pc, "jump to the entry"),
                Op::Return => {
                    if after != 0 {
                        return bad(pc, "return with a non-empty stack");
                    }
                }
                Op::Jump(t) => work.push((t as usize, after)),
                Op::Loop(t) => {
                    if after != 0 {
                        return bad(pc, "loop with a non-empty stack");
                    }
                    work.push((t as usize, after));
                }
                Op::JumpIfFalse(t) => {
                    work.push((t as usize, after));
                    work.push((pc + 1, after));
                }
                _ => work.push((pc + 1, after)),
            }
        }
        Ok(max)
    }
}

impl fmt::Display for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "fn {} (arity {}, {} locals, stack {}):", self.name, self.arity, self.nlocals, self.max_stack)?;
        for (pc, op) in self.code.iter().enumerate() {
            match op {
                Op::Const(k) => writeln!(f, "  {pc:4}  Const {:?}", self.consts.get(*k as usize))?,
                op => writeln!(f, "  {pc:4}  {op:?}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for func in &self.funcs {
            write!(f, "{func}")?;
        }
        Ok(())
    }
}
