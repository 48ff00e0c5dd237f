//! Write your own JIT-ed interpreter: a complete stack-machine language in under 200 lines.
//!
//! Run it with `cargo run --release -p metatrace-examples --example calc [-- N]` (add
//! `METATRACE_TRACE_LOG=1` to see the traces the JIT compiles). It computes the sum of the
//! squares below N (default 2,000,000) with the JIT off and on; arithmetic is checked, so an
//! N whose sum does not fit in an i64 (above about 3,000,000) reports an overflow.
//!
//! Three things make an interpreter JIT-able with Metatrace:
//! 1. Its frame type is generic over a red family `R: Reds`: green data (the program, the
//!    program counter) is plain Rust; red data (the user's values) is `R::Int` and friends.
//! 2. It implements `Language`: how to name a position (the green key), list a frame's reds,
//!    and rebuild a frame from a key and reds. That is all the JIT needs to snapshot frames
//!    at guards and rebuild them when a guard fails.
//! 3. Its main loop is generic over `C: Ctx<Self>` and touches red data only through `cx`:
//!    `cx.merge_point(f)` before each instruction, `cx.loop_header(f)` on backward jumps,
//!    `cx.is_true(c)` to branch on red data. The same code then runs as a plain interpreter,
//!    as a tracer recording a loop, and (via the trace) as machine code. Checked arithmetic
//!    (`cx.int_add_ovf`) is a guard in traces: compiled code leaves at the overflow, and the
//!    interpreter reports it.

use metatrace::{Control, Ctx, Flow, JitParams, Language, Red, RedMap, Reds, Vm};
use std::fmt;
use std::rc::Rc;

/// The instructions of our calculator: a stack machine with local variables.
#[derive(Clone, Copy, Debug)]
enum Op {
    Push(i64),          // push a constant
    Load(usize),        // push a local
    Store(usize),       // pop into a local
    Add,                // pop b, pop a, push a + b (an error on overflow)
    Mul,                // pop b, pop a, push a * b (an error on overflow)
    Lt,                 // pop b, pop a, push a < b
    JumpIfFalse(usize), // pop c; if c == 0 jump forward
    JumpBack(usize),    // jump backward: a loop
    Return,             // pop and return
}

/// A calc program's error: arithmetic overflowed at this instruction.
#[derive(Debug)]
struct Overflow(Pc);
impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "integer overflow at {}", self.0)
    }
}

/// The language instance: the program, shared by all frames (green).
struct Calc {
    code: Rc<Vec<Op>>,
}

/// A frame: green position and shape, red locals and stack.
struct Frame<R: Reds> {
    code: Rc<Vec<Op>>,
    pc: usize,
    locals: Vec<R::Int>,
    stack: Vec<R::Int>,
}

/// The green key: where a frame stands. Its Display form labels snapshots in traces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Pc(usize);
impl fmt::Display for Pc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "calc@{}", self.0)
    }
}

const NLOCALS: usize = 3;

impl Language for Calc {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Result<R::Int, Overflow>; // what `run` returns
    type Key = Pc;

    fn key<R: Reds>(f: &Frame<R>) -> Pc {
        Pc(f.pc)
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.extend(f.locals.iter().chain(&f.stack).map(|&v| Red::Int(v)));
    }
    fn rebuild<R: Reds>(&self, key: Pc, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let mut vals: Vec<R::Int> = reds.map(|r| if let Red::Int(v) = r { v } else { unreachable!() }).collect();
        let stack = vals.split_off(NLOCALS); // the stack depth follows from the number of reds
        Frame { code: self.code.clone(), pc: key.0, locals: vals, stack }
    }
    fn map_value<A: Reds, B: Reds>(v: Result<A::Int, Overflow>, m: &mut dyn RedMap<A, B>) -> Result<B::Int, Overflow> {
        v.map(|v| m.int(v))
    }
    fn deliver<C: Ctx<Self>>(_: &mut C, _caller: &mut Frame<C>, _result: Result<C::Int, Overflow>) {
        unreachable!("this language has no calls")
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Result<C::Int, Overflow>> {
        let code = f.code.clone();
        loop {
            // An instruction boundary: the tracer snapshots the frame here.
            if cx.merge_point(f) == Control::Leave {
                return Flow::Leave;
            }
            match code[f.pc] {
                // `k` is green: it becomes a constant in the trace.
                Op::Push(k) => {
                    let v = cx.int(k);
                    f.stack.push(v)
                }
                // Pushes and pops record nothing: the stack is Rust data holding red values.
                Op::Load(i) => f.stack.push(f.locals[i]),
                Op::Store(i) => f.locals[i] = f.stack.pop().unwrap(),
                // Checked arithmetic: while tracing, a guard that no overflow happens. The
                // error leaves the loop (and compiled code, at that guard) with the position.
                Op::Add => {
                    let (b, a) = (f.stack.pop().unwrap(), f.stack.pop().unwrap());
                    let Some(r) = cx.int_add_ovf(a, b) else { return Flow::Return(Err(Overflow(Pc(f.pc)))) };
                    f.stack.push(r);
                }
                Op::Mul => {
                    let (b, a) = (f.stack.pop().unwrap(), f.stack.pop().unwrap());
                    let Some(r) = cx.int_mul_ovf(a, b) else { return Flow::Return(Err(Overflow(Pc(f.pc)))) };
                    f.stack.push(r);
                }
                Op::Lt => {
                    let (b, a) = (f.stack.pop().unwrap(), f.stack.pop().unwrap());
                    let r = cx.int_lt(a, b);
                    f.stack.push(r);
                }
                Op::JumpIfFalse(target) => {
                    let c = f.stack.pop().unwrap();
                    // Branching on red data: while tracing this records a guard.
                    if !cx.is_true(c) {
                        f.pc = target;
                        continue;
                    }
                }
                Op::JumpBack(target) => {
                    f.pc = target;
                    // A loop: the JIT counts here, starts tracing, or runs compiled code (which
                    // may leave the frame anywhere, so dispatch again from `f.pc`).
                    if cx.loop_header(f) == Control::Leave {
                        return Flow::Leave;
                    }
                    continue;
                }
                Op::Return => return Flow::Return(Ok(f.stack.pop().unwrap())),
            }
            f.pc += 1;
        }
    }
}

/// sum = 0; i = 0; while i < n { sum = sum + i * i; i = i + 1 }; return sum
fn sum_of_squares(n: i64) -> Vec<Op> {
    use Op::*;
    vec![
        // 0: sum = 0; i = 0; locals[2] = n
        Push(0),
        Store(0),
        Push(0),
        Store(1),
        Push(n),
        Store(2),
        // 6: while i < n
        Load(1),
        Load(2),
        Lt,
        JumpIfFalse(21),
        // 10: sum = sum + i * i
        Load(0),
        Load(1),
        Load(1),
        Mul,
        Add,
        Store(0),
        // 16: i = i + 1
        Load(1),
        Push(1),
        Add,
        Store(1),
        JumpBack(6),
        // 21: return sum
        Load(0),
        Return,
    ]
}

fn main() -> std::process::ExitCode {
    let n = match std::env::args().nth(1).map(|a| a.parse::<i64>()) {
        None => 2_000_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("usage: calc [N]: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut failed = false;
    for (name, params) in [("interpreter", JitParams::off()), ("jit", JitParams::default())] {
        let code = Rc::new(sum_of_squares(n));
        let mut vm = Vm::with_params(Calc { code: code.clone() }, params);
        let start = std::time::Instant::now();
        let frame = Frame { code, pc: 0, locals: vec![0; NLOCALS], stack: vec![] };
        let result = match vm.run(frame) {
            Ok(sum) => sum.to_string(),
            Err(e) => {
                failed = true;
                format!("error: {e}")
            }
        };
        println!("{name:>11}: sum of squares below {n} = {result} in {:.3} s", start.elapsed().as_secs_f64());
        println!("             {}", vm.stats().summary());
    }
    if failed {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}
