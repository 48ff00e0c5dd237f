//! Functions: the `calc` stack machine grown calls, with compiled calls and recursion.
//!
//! Run it with `cargo run --release -p metatrace-examples --example calls [-- N]` (add
//! `METATRACE_TRACE_LOG=1` to see the traces). Its program sums `fib(i % 20)` for `i` below N
//! (default 10,000) with a recursive `fib`, three ways: the JIT off, on, and eager (every
//! loop, function and guard compiled at once), and checks that the three agree.
//!
//! What calls add to `calc.rs`:
//! 1. The green key names a function as well as a position (`Pos`), and `rebuild` finds the
//!    number of locals from the function: the reds are the locals, then the stack.
//! 2. A call builds the callee's frame, moves the caller past the call (before calling: the
//!    caller is passed as it should be resumed), and calls `cx.call_frame(f, callee)`. What
//!    the instruction does with the result afterwards (push it) is exactly what
//!    `Language::deliver` does: compiled code that leaves during or after the call rebuilds
//!    the caller and delivers the result to it.
//! 3. `COMPILED_CALLS` with `result_red`/`result_from_red`: functions get compiled entries,
//!    and recursion (which traces do not inline) becomes a direct call of compiled code.
//!    Errors are left out here: see `interpreters/fern` for a language whose calls raise.

use metatrace::{Ctx, Flow, JitParams, Language, Red, RedMap, Reds, Vm};
use std::fmt;
use std::rc::Rc;

#[derive(Clone, Copy, Debug)]
enum Op {
    Push(i64),          // push a constant
    Load(usize),        // push a local
    Store(usize),       // pop into a local
    Add,                // pop b, pop a, push a + b (wrapping)
    Sub,                // pop b, pop a, push a - b (wrapping)
    Mod(i64),           // pop a, push a mod k (k > 0, green)
    Lt,                 // pop b, pop a, push a < b
    JumpIfFalse(usize), // pop c; if c == 0 jump forward
    JumpBack(usize),    // jump backward: a loop
    Call(usize),        // call function k with its arguments on the stack, push its result
    Return,             // pop and return
}

/// A function: its arguments are its first locals.
struct Func {
    name: &'static str,
    nargs: usize,
    nlocals: usize,
    code: Vec<Op>,
}

/// The language instance: the program (green, shared by all frames).
struct Calls {
    funcs: Rc<Vec<Func>>,
}

/// An activation: green function and position, red locals and stack.
struct Frame<R: Reds> {
    funcs: Rc<Vec<Func>>,
    func: usize,
    pc: usize,
    locals: Vec<R::Int>,
    stack: Vec<R::Int>,
}

/// The green key: a function and a position in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Pos {
    func: usize,
    pc: usize,
}
impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "f{}@{}", self.func, self.pc)
    }
}

impl Language for Calls {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = R::Int;
    type Key = Pos;
    const COMPILED_CALLS: bool = true;

    fn key<R: Reds>(f: &Frame<R>) -> Pos {
        Pos { func: f.func, pc: f.pc }
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.extend(f.locals.iter().chain(&f.stack).map(|&v| Red::Int(v)));
    }
    fn rebuild<R: Reds>(&self, key: Pos, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let mut locals: Vec<R::Int> = reds.map(|r| if let Red::Int(v) = r { v } else { unreachable!() }).collect();
        let stack = locals.split_off(self.funcs[key.func].nlocals);
        Frame { funcs: self.funcs.clone(), func: key.func, pc: key.pc, locals, stack }
    }
    fn map_value<A: Reds, B: Reds>(v: A::Int, m: &mut dyn RedMap<A, B>) -> B::Int {
        m.int(v)
    }
    // The rest of a call instruction once the callee returned: the caller is already past
    // the call (see `Op::Call`).
    fn deliver<C: Ctx<Self>>(_: &mut C, caller: &mut Frame<C>, result: C::Int) {
        caller.stack.push(result);
    }
    // Every result is one red integer, which compiled code can receive.
    fn result_red<R: Reds>(v: &R::Int) -> Option<Red<R>> {
        Some(Red::Int(*v))
    }
    fn result_from_red<R: Reds>(r: Red<R>) -> R::Int {
        let Red::Int(v) = r else { unreachable!("results are integers") };
        v
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<C::Int> {
        let funcs = f.funcs.clone();
        loop {
            if cx.merge_point(f).leave() {
                return Flow::Leave;
            }
            let op = funcs[f.func].code[f.pc];
            match op {
                Op::Push(k) => {
                    let v = cx.int(k);
                    f.stack.push(v);
                }
                Op::Load(i) => f.stack.push(f.locals[i]),
                Op::Store(i) => f.locals[i] = f.stack.pop().unwrap(),
                Op::Add | Op::Sub | Op::Lt => {
                    let (b, a) = (f.stack.pop().unwrap(), f.stack.pop().unwrap());
                    let r = match op {
                        Op::Add => cx.int_add(a, b),
                        Op::Sub => cx.int_sub(a, b),
                        _ => cx.int_lt(a, b),
                    };
                    f.stack.push(r);
                }
                Op::Mod(k) => {
                    let a = f.stack.pop().unwrap();
                    let k = cx.int(k); // (not zero: the interpreter checks divisors)
                    let r = cx.int_mod(a, k);
                    f.stack.push(r);
                }
                Op::JumpIfFalse(target) => {
                    let c = f.stack.pop().unwrap();
                    if !cx.is_true(c) {
                        f.pc = target;
                        continue;
                    }
                }
                Op::JumpBack(target) => {
                    f.pc = target;
                    if cx.loop_header(f).leave() {
                        return Flow::Leave;
                    }
                    continue; // compiled code may have moved the frame: dispatch on f.pc
                }
                Op::Call(k) => {
                    let callee = &funcs[k];
                    let mut locals = f.stack.split_off(f.stack.len() - callee.nargs);
                    while locals.len() < callee.nlocals {
                        locals.push(cx.int(0));
                    }
                    let callee = Frame { funcs: funcs.clone(), func: k, pc: 0, locals, stack: vec![] };
                    f.pc += 1; // the caller resumes after the call: move it *before* calling
                    let v = cx.call_frame(f, callee);
                    f.stack.push(v); // what `deliver` does
                    continue; // (the position has moved already)
                }
                Op::Return => return Flow::Return(f.stack.pop().unwrap()),
            }
            f.pc += 1;
        }
    }
}

/// `main(n)`: `s = 0; i = 0; while i < n { s = s + fib(i % 20); i = i + 1 }; return s`, and
/// `fib(x)`: `if x < 2 { return x }; return fib(x - 1) + fib(x - 2)`.
fn program() -> Vec<Func> {
    use Op::*;
    let main = vec![
        // 0: s = 0; i = 0 (n is local 0)
        Push(0),
        Store(1),
        Push(0),
        Store(2),
        // 4: while i < n
        Load(2),
        Load(0),
        Lt,
        JumpIfFalse(19),
        // 8: s = s + fib(i % 20)
        Load(1),
        Load(2),
        Mod(20),
        Call(1),
        Add,
        Store(1),
        // 14: i = i + 1
        Load(2),
        Push(1),
        Add,
        Store(2),
        JumpBack(4),
        // 19: return s
        Load(1),
        Return,
    ];
    let fib = vec![
        // 0: if x < 2 { return x }
        Load(0),
        Push(2),
        Lt,
        JumpIfFalse(6),
        Load(0),
        Return,
        // 6: return fib(x - 1) + fib(x - 2)
        Load(0),
        Push(1),
        Sub,
        Call(1),
        Load(0),
        Push(2),
        Sub,
        Call(1),
        Add,
        Return,
    ];
    vec![Func { name: "main", nargs: 1, nlocals: 3, code: main }, Func { name: "fib", nargs: 1, nlocals: 1, code: fib }]
}

fn main() -> std::process::ExitCode {
    let n = match std::env::args().nth(1).map(|a| a.parse::<i64>()) {
        None => 10_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("usage: calls [N]: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let funcs = Rc::new(program());
    println!(
        "program: {}",
        funcs.iter().map(|f| format!("{} ({} ops)", f.name, f.code.len())).collect::<Vec<_>>().join(", ")
    );
    let mut results = vec![];
    for (name, spec) in
        [("interpreter", "off"), ("jit", "on"), ("eager jit", "threshold=1,function_threshold=1,bridge=1")]
    {
        let mut params = JitParams::default();
        params.apply(spec).expect("a valid spec");
        let mut vm = Vm::with_params(Calls { funcs: funcs.clone() }, params);
        let start = std::time::Instant::now();
        let frame = Frame { funcs: funcs.clone(), func: 0, pc: 0, locals: vec![n, 0, 0], stack: vec![] };
        let sum = vm.run(frame);
        println!("{name:>11}: sum of fib(i % 20) for i below {n} = {sum} in {:.3} s", start.elapsed().as_secs_f64());
        println!("             {}", vm.stats().summary());
        results.push(sum);
    }
    if results.iter().all(|&r| r == results[0]) {
        std::process::ExitCode::SUCCESS
    } else {
        eprintln!("calls: the results differ: {results:?}");
        std::process::ExitCode::FAILURE
    }
}
