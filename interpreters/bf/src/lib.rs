//! A Brainfuck interpreter written once against the Metatrace DSL, and JIT-compiled by it.
//!
//! The machine has 30,000 8-bit wrapping cells; `.` writes the current cell as a byte, `,`
//! reads one (at end of input the cell becomes 0). Moving the pointer off either end of the
//! tape is an error. The parser merges runs of `+`/`-` and `>`/`<` and turns `[-]` into a
//! clear, as any serious Brainfuck interpreter does; the JIT does the rest.
//!
//! Green: the program and the program counter. Red: the tape pointer and the tape itself.

use metatrace::{ArrayDescr, Control, Ctx, Effect, Flow, Helper, Language, MemKind, Red, RedMap, Reds, Type};
use std::cell::RefCell;
use std::fmt;
use std::io::{Read, Write};
use std::rc::Rc;

/// Number of cells on the tape.
pub const TAPE_LEN: i64 = 30_000;

/// The tape's cells: bytes from offset 0.
const TAPE: ArrayDescr = ArrayDescr::new("tape", 0, MemKind::U8);

/// One instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Add to the current cell (runs of `+`/`-`).
    Add(i64),
    /// Move the pointer (runs of `>`/`<`).
    Move(i64),
    /// Set the current cell to 0 (`[-]` or `[+]`).
    Clear,
    /// `.`
    Out,
    /// `,`
    In,
    /// `[`: jump to the instruction after the matching `]` if the cell is 0.
    Open(usize),
    /// `]`: jump to the instruction after the matching `[` if the cell is not 0.
    Close(usize),
}

/// A parsed program.
#[derive(Debug)]
pub struct Program {
    /// The instructions.
    pub ops: Vec<Op>,
}

/// A syntax error: an unmatched bracket at a byte offset of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError(pub String);

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Program {
    /// Parses Brainfuck source (characters other than the eight commands are comments).
    pub fn parse(src: &[u8]) -> Result<Program, SyntaxError> {
        let mut ops: Vec<Op> = Vec::new();
        let mut open: Vec<(usize, usize)> = Vec::new();
        for (at, &c) in src.iter().enumerate() {
            match c {
                b'+' | b'-' => {
                    let d = if c == b'+' { 1 } else { -1 };
                    match ops.last_mut() {
                        Some(Op::Add(n)) => *n += d,
                        _ => ops.push(Op::Add(d)),
                    }
                }
                b'>' | b'<' => {
                    let d = if c == b'>' { 1 } else { -1 };
                    match ops.last_mut() {
                        Some(Op::Move(n)) => *n += d,
                        _ => ops.push(Op::Move(d)),
                    }
                }
                b'.' => ops.push(Op::Out),
                b',' => ops.push(Op::In),
                b'[' => {
                    open.push((ops.len(), at));
                    ops.push(Op::Open(0));
                }
                b']' => {
                    let (o, _) = open.pop().ok_or_else(|| SyntaxError(format!("unmatched ']' at byte {at}")))?;
                    if ops.len() == o + 2 && matches!(ops[o + 1], Op::Add(n) if n % 2 != 0) {
                        ops.truncate(o);
                        ops.push(Op::Clear);
                        continue;
                    }
                    ops[o] = Op::Open(ops.len() + 1);
                    ops.push(Op::Close(o + 1));
                }
                _ => {}
            }
        }
        if let Some((_, at)) = open.pop() {
            return Err(SyntaxError(format!("unmatched '[' at byte {at}")));
        }
        ops.retain(|op| !matches!(op, Op::Add(0) | Op::Move(0)));
        // Removing no-ops shifts indices; re-link brackets if anything was removed.
        Ok(Program { ops: relink(ops) })
    }
}

fn relink(mut ops: Vec<Op>) -> Vec<Op> {
    let mut stack = Vec::new();
    for i in 0..ops.len() {
        match ops[i] {
            Op::Open(_) => stack.push(i),
            Op::Close(_) => {
                let o = stack.pop().expect("brackets were matched by the parser");
                ops[o] = Op::Open(i + 1);
                ops[i] = Op::Close(o + 1);
            }
            _ => {}
        }
    }
    ops
}

/// Where a program's `,` and `.` go.
pub struct Io {
    input: Box<dyn Read>,
    output: Box<dyn Write>,
    buffered: Vec<u8>,
}

impl Io {
    /// I/O on the given reader and writer.
    pub fn new(input: Box<dyn Read>, output: Box<dyn Write>) -> Self {
        Io { input, output, buffered: Vec::new() }
    }
    fn flush(&mut self) {
        let _ = self.output.write_all(&self.buffered);
        let _ = self.output.flush();
        self.buffered.clear();
    }
}

extern "C" fn bf_putc(io: u64, byte: u64) -> u64 {
    // SAFETY: `io` is the address of the `RefCell<Io>` owned by the running `Bf`, which
    // outlives every trace of its Vm; the interpreter holds no borrow of it while calling.
    let io = unsafe { &*(io as *const RefCell<Io>) };
    let mut io = io.borrow_mut();
    io.buffered.push(byte as u8);
    if io.buffered.len() >= 1 << 13 {
        io.flush();
    }
    0
}

extern "C" fn bf_getc(io: u64) -> u64 {
    // SAFETY: as in bf_putc.
    let io = unsafe { &*(io as *const RefCell<Io>) };
    let mut io = io.borrow_mut();
    io.flush();
    let mut b = [0u8];
    match io.input.read(&mut b) {
        Ok(1) => b[0] as u64,
        _ => 0,
    }
}

fn putc_helper() -> Helper {
    Helper::new2("putc", bf_putc, &[Type::Ref, Type::Int], None, Effect::Write)
}

fn getc_helper() -> Helper {
    Helper::new1("getc", bf_getc, &[Type::Ref], Some(Type::Int), Effect::Write)
}

/// The Brainfuck language: a program, its tape and its I/O.
pub struct Bf {
    prog: Rc<Program>,
    io: Box<RefCell<Io>>,
    tape: Box<[u8]>,
}

/// A Brainfuck activation: the program counter (green), the pointer and tape (red).
pub struct Frame<R: Reds> {
    prog: Rc<Program>,
    io: usize,
    /// Program counter.
    pub pc: usize,
    /// Index of the current cell.
    pub ptr: R::Int,
    /// Address of the tape.
    pub tape: R::Ref,
}

/// How a run ended: `Err` names a run-time error.
pub type Outcome = Result<(), String>;

impl Bf {
    /// A machine for `prog` with the given I/O and a zeroed tape.
    pub fn new(prog: Program, io: Io) -> Self {
        Bf {
            prog: Rc::new(prog),
            io: Box::new(RefCell::new(io)),
            tape: vec![0u8; TAPE_LEN as usize].into_boxed_slice(),
        }
    }

    /// The frame that starts the program.
    pub fn start_frame(&self) -> Frame<metatrace::Plain> {
        Frame {
            prog: self.prog.clone(),
            io: &*self.io as *const _ as usize,
            pc: 0,
            ptr: 0,
            tape: self.tape.as_ptr() as usize,
        }
    }

    /// Writes out buffered output.
    pub fn flush(&self) {
        self.io.borrow_mut().flush();
    }
}

impl Language for Bf {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Outcome;
    type Key = Pc;

    fn key<R: Reds>(f: &Frame<R>) -> Pc {
        Pc(f.pc)
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.push(Red::Int(f.ptr));
        out.push(Red::Ref(f.tape));
    }
    fn rebuild<R: Reds>(&self, key: Pc, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let (Some(Red::Int(ptr)), Some(Red::Ref(tape))) = (reds.next(), reds.next()) else {
            unreachable!("a bf frame is (int, ref)")
        };
        Frame { prog: self.prog.clone(), io: &*self.io as *const _ as usize, pc: key.0, ptr, tape }
    }
    fn map_value<A: Reds, B: Reds>(v: Outcome, _m: &mut dyn RedMap<A, B>) -> Outcome {
        v
    }
    fn deliver<C: Ctx<Self>>(_: &mut C, _caller: &mut Frame<C>, _result: Outcome) {
        unreachable!("Brainfuck has no calls")
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Outcome> {
        let prog = f.prog.clone();
        loop {
            if cx.merge_point(f) == Control::Leave {
                return Flow::Leave;
            }
            let Some(&op) = prog.ops.get(f.pc) else { return Flow::Return(Ok(())) };
            match op {
                Op::Add(n) => {
                    let v = cx.getarrayitem_int(f.tape, f.ptr, &TAPE);
                    let n = cx.int(n);
                    let v = cx.int_add(v, n);
                    cx.setarrayitem_int(f.tape, f.ptr, &TAPE, v);
                }
                Op::Move(n) => {
                    let n = cx.int(n);
                    let p = cx.int_add(f.ptr, n);
                    let len = cx.int(TAPE_LEN);
                    let inside = cx.uint_lt(p, len);
                    if !cx.is_true(inside) {
                        let at = cx.peek_int(p);
                        return Flow::Return(Err(format!("tape pointer moved to {at}, outside 0..{TAPE_LEN}")));
                    }
                    f.ptr = p;
                }
                Op::Clear => {
                    let z = cx.int(0);
                    cx.setarrayitem_int(f.tape, f.ptr, &TAPE, z);
                }
                Op::Out => {
                    let v = cx.getarrayitem_int(f.tape, f.ptr, &TAPE);
                    let io = cx.const_ref(f.io);
                    cx.call(&putc_helper(), &[Red::Ref(io), Red::Int(v)]);
                }
                Op::In => {
                    let io = cx.const_ref(f.io);
                    let Some(Red::Int(v)) = cx.call(&getc_helper(), &[Red::Ref(io)]) else { unreachable!() };
                    cx.setarrayitem_int(f.tape, f.ptr, &TAPE, v);
                }
                Op::Open(after) => {
                    let v = cx.getarrayitem_int(f.tape, f.ptr, &TAPE);
                    if !cx.is_true(v) {
                        f.pc = after;
                        continue;
                    }
                }
                Op::Close(body) => {
                    let v = cx.getarrayitem_int(f.tape, f.ptr, &TAPE);
                    if cx.is_true(v) {
                        f.pc = body;
                        if cx.loop_header(f) == Control::Leave {
                            return Flow::Leave;
                        }
                        continue;
                    }
                }
            }
            f.pc += 1;
        }
    }
}

/// The green key of a Brainfuck position: the program counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pc(pub usize);

impl fmt::Display for Pc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bf@{}", self.0)
    }
}

/// Runs a program on the given input, returning its output (for tests and benchmarks).
pub fn run_to_vec(
    src: &[u8],
    input: &[u8],
    params: metatrace::JitParams,
) -> Result<(Vec<u8>, metatrace::JitStats), String> {
    let prog = Program::parse(src).map_err(|e| e.0)?;
    let out = SharedBuf::default();
    let io = Io::new(Box::new(std::io::Cursor::new(input.to_vec())), Box::new(out.clone()));
    let mut vm = metatrace::Vm::with_params(Bf::new(prog, io), params);
    let f = vm.lang().start_frame();
    let r = vm.run(f);
    vm.lang().flush();
    r?;
    let bytes = out.0.borrow().clone();
    Ok((bytes, vm.stats().clone()))
}

pub use metatrace::SharedBuf;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_links_brackets() {
        let p = Program::parse(b"+[->+<]>.").unwrap();
        assert_eq!(
            p.ops,
            vec![
                Op::Add(1),
                Op::Open(7),
                Op::Add(-1),
                Op::Move(1),
                Op::Add(1),
                Op::Move(-1),
                Op::Close(2),
                Op::Move(1),
                Op::Out
            ]
        );
        assert_eq!(Program::parse(b"[-]").unwrap().ops, vec![Op::Clear]);
        assert!(Program::parse(b"[").is_err());
        assert!(Program::parse(b"]").is_err());
    }
}
