//! Fern: a small, dynamically typed language with a stack bytecode, written once against
//! the Metatrace DSL and JIT-compiled by it.
//!
//! # The language
//!
//! ```text
//! fn fib(n) {
//!     if n < 2 { return n; }
//!     return fib(n - 1) + fib(n - 2);
//! }
//! fn main() {
//!     let i = 0;
//!     let total = 0.0;
//!     while i < 1000000 {
//!         total = total + 1.0 / (i + 1);
//!         i = i + 1;
//!     }
//!     print(total, fib(25));
//! }
//! ```
//!
//! - A program is a list of global functions `fn name(params) { ... }`; it runs `main()`,
//!   which must exist and take no parameters. Calls are resolved when the program is
//!   compiled: calling an unknown function or with the wrong number of arguments is a
//!   compile error. Recursion deeper than 10,000 frames (the recursion limit, settable) is a
//!   run-time error, and so is recursion deeper than the native stack allows.
//! - Values carry their type at run time: `none`, integers (64-bit; overflow is a run-time
//!   error, there are no big integers), floats (64-bit) and arrays. `true` and `false` are
//!   the integers 1 and 0; comparisons, `not`, `and` and `or` give 0 or 1. `none`, `0`,
//!   `0.0` and the empty array are false in conditions, everything else is true.
//! - Arrays are mutable lists of values of a fixed length, shared by reference:
//!   `[e1, e2, ...]` makes one of its items, `array(n)` one of `n` `none`s (`n` must be a
//!   non-negative int, at most 2^28), `a[i]` reads item `i` (an int, 0-based; out of range,
//!   negative included, is a run-time error: `index out of range`), `a[i] = e;` writes it,
//!   and `len(a)` is the length. `len` and `array` are builtin functions (no function may be
//!   called so).
//! - Statements: `let x = e;` (a new variable, visible to the end of its block),
//!   `x = e;`, `a[i] = e;`, `if c { } else if c { } else { }`, `while c { }`, `return e;`,
//!   `return;` (returns `none`, as does falling off the end), `print(a, b, ...);`
//!   (space-separated, then a newline) and expression statements `f(x);`. `#` starts a
//!   comment.
//! - Operators, loosest first: `or`, `and` (both short-circuit), `not`, comparisons
//!   (`< <= > >= == !=`, not chainable), `+ -`, `* / // %`, unary `-`, indexing `a[i]`.
//!   `/` always gives a float; `//` and `%` round toward negative infinity as in Python, on
//!   ints and floats. An int meeting a float is converted to float. Division or modulo by
//!   zero, and arithmetic or ordering on `none` or arrays, are run-time errors; `==` between
//!   different types is false, `none == none` is true, and arrays are equal only to
//!   themselves (identity).
//! - `print` writes ints in decimal, floats as Python's `repr` does (`1.0`, `0.1`, `1e+16`,
//!   `inf`, `nan`), `none` as `none`, and arrays as Python's lists (`[1, 2.5, none, [3]]`;
//!   an array inside itself prints as `[...]`).
//!
//! # Implementation
//!
//! [`lexer`] → [`parser`] (syntax tree) → [`compiler`] → [`bytecode`] (one instruction list
//! per function, with a statically known stack depth at every instruction) → [`interp`],
//! the [`metatrace::Language`] implementation. A value is one red reference to a heap object
//! on the `Vm`'s garbage-collected heap (see [`value`]): a boxed int or float (immutable,
//! allocated afresh by every operation that computes a number, as PyPy's `W_IntObject`),
//! the single `none`, or an array. Operations promote their operands' classes
//! (`guard_class`), so traces specialize on the types they saw behind guards. Every live
//! object is reachable from a frame's values at every instruction boundary (where the
//! collector may run); `none` and the programs' constants are allocated when the run starts
//! and rooted for the whole run. While-loops end in a backward `Loop` instruction, the
//! JIT's loop header; calls are traced through (inlined).

pub mod bytecode;
pub mod compiler;
pub mod gen;
pub mod interp;
pub mod lexer;
pub mod parser;
pub mod value;

pub use bytecode::Program;
pub use interp::{Fern, Io};
pub use value::FernError;

use metatrace::heap::HeapStats;
use metatrace::{JitParams, JitStats};
use std::fmt;
use std::io::Write;

/// Stack size of the thread Fern programs run on, at least (see [`stack_size_for`] for wide
/// frames): room for the recursion limit (10,000 Fern frames of a few locals) in any mode of
/// the JIT, in debug builds too, twice over. A Fern call takes about 2.7 KB of native stack
/// interpreted (5.9 KB in a debug build) and 660 bytes in compiled code. No stack is too small
/// to be safe: calls check the native stack (see [`interp::STACK_EXHAUSTED`]), so a smaller
/// one only makes deep recursion fail sooner, and a bigger one (with a raised limit) lets it
/// go deeper. (It was 512 MiB before the check existed; the memory is only reserved, and
/// committed as the stack grows.)
pub const STACK_SIZE: usize = 128 << 20;

/// Native stack a compiled recursive call may take per word of the caller's frame (locals
/// and stack), for [`stack_size_for`]. Compiled code keeps the frame's words on the native
/// stack several times over at each `call_assembler`: the live references (a GC record), the
/// arguments, the callee's frame buffer (the `Vm`'s link limit, up to twice the widest
/// frame) and spilled values. Measured: about 1.3 KB plus 47 bytes per word a level (a
/// function of 600 locals recursed 4,690 deep on 128 MiB).
const STACK_PER_WORD: usize = 64;

/// The largest stack [`stack_size_for`] asks for (address space reserved, not memory; as
/// `mtpy`'s): enough for frames of about 1,600 words at the default limit.
const MAX_STACK_SIZE: usize = 1 << 30;

/// The thread stack a run of `prog` with recursion limit `limit` needs for the limit to come
/// before the native stack runs out in every mode of the JIT: [`STACK_SIZE`], or more for a
/// program with wide frames (a compiled recursive call of a function with hundreds of locals
/// takes tens of kilobytes of stack, against a few for interpreted calls, whose values live
/// on the heap). Without it, such a recursion fails with [`interp::STACK_EXHAUSTED`] a few
/// thousand frames deep with the JIT on and reaches the limit with it off. Sized for at most
/// the default limit ([`interp::MAX_DEPTH`]): with a raised one, deep recursion of wide frames
/// may still meet the end of the native stack first.
pub fn stack_size_for(prog: &Program, limit: i64) -> usize {
    let widest = prog.funcs.iter().map(|f| 1 + f.nlocals + f.max_stack).max().unwrap_or(0);
    let levels = usize::try_from(limit.clamp(0, interp::MAX_DEPTH)).unwrap_or(0);
    let wide = levels.saturating_mul((2 << 10) + STACK_PER_WORD.saturating_mul(widest));
    wide.clamp(STACK_SIZE, MAX_STACK_SIZE)
}

/// A lexical, syntax or compile error at a line of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// The line (1-based).
    pub line: u32,
    /// What is wrong.
    pub msg: String,
}

impl CompileError {
    /// The error as `file:line: message`.
    pub fn with_file(&self, file: &str) -> String {
        format!("{file}:{}: {}", self.line, self.msg)
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}

/// Lexes, parses and compiles Fern source.
pub fn compile_source(src: &str) -> Result<Program, CompileError> {
    compiler::compile(&parser::parse(lexer::lex(src)?)?)
}

/// What a run did: the JIT's and the heap's statistics.
#[derive(Clone, Debug, Default)]
pub struct RunStats {
    /// What the JIT did.
    pub jit: JitStats,
    /// What the heap did (allocations, collections, peak size).
    pub heap: HeapStats,
}

/// Runs a compiled program on the current thread, printing to `out`; returns how it ended
/// and what the JIT and the heap did. Deep recursion needs a big stack: see
/// [`with_big_stack`].
pub fn run_program(prog: Program, params: JitParams, out: Box<dyn Write>) -> (Result<(), FernError>, RunStats) {
    run_program_with_limit(prog, params, interp::MAX_DEPTH, out)
}

/// [`run_program`] with another recursion limit (see [`Fern::set_recursion_limit`]).
pub fn run_program_with_limit(
    prog: Program,
    params: JitParams,
    limit: i64,
    out: Box<dyn Write>,
) -> (Result<(), FernError>, RunStats) {
    run_program_then(prog, params, limit, out, |result, stats| (result, stats))
}

/// [`run_program_with_limit`], then `done` with how it ended and what the JIT and the heap
/// did, while the `Vm` still exists: a process that exits in `done` (`std::process::exit`)
/// skips taking the heap and the compiled code apart, which the system does faster (on a
/// program of 10 ms, the `Vm`'s teardown took 2 % of the run).
pub fn run_program_then<T>(
    prog: Program,
    params: JitParams,
    limit: i64,
    out: Box<dyn Write>,
    done: impl FnOnce(Result<(), FernError>, RunStats) -> T,
) -> T {
    let fern = Fern::new(prog, Io::new(out));
    fern.set_recursion_limit(limit);
    let mut vm = Fern::vm_of(fern, params);
    let frame = vm.lang().start_frame();
    let result = vm.run(frame);
    vm.lang().flush();
    let stats = RunStats { jit: vm.stats().clone(), heap: vm.heap_stats().clone() };
    done(result.map(|_| ()), stats)
}

/// Runs `f` on a new thread with a [`STACK_SIZE`] stack and returns its result (`Err` if the
/// thread could not start or panicked).
pub fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    with_stack(STACK_SIZE, f)
}

/// [`with_big_stack`] with a stack of `size` bytes (see [`stack_size_for`]).
pub fn with_stack<T: Send + 'static>(size: usize, f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    let handle = std::thread::Builder::new()
        .name("fern".to_string())
        .stack_size(size)
        .spawn(f)
        .map_err(|e| format!("cannot start the interpreter thread: {e}"))?;
    handle.join().map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        format!("internal error: the interpreter panicked: {msg}")
    })
}

/// Compiles and runs a program (on a big-stack thread), returning its output and the JIT's
/// statistics; `Err` holds a compile error (`<source>:line: message`) or a run-time error
/// (`message (in function)`). For tests and benchmarks.
pub fn run_source(src: &str, params: JitParams) -> Result<(String, JitStats), String> {
    run_source_with_stats(src, params).map(|(out, stats)| (out, stats.jit))
}

/// [`run_source`], returning the heap's statistics too.
pub fn run_source_with_stats(src: &str, params: JitParams) -> Result<(String, RunStats), String> {
    let prog = compile_source(src).map_err(|e| e.with_file("<source>"))?;
    let (out, result, stats) = with_stack(stack_size_for(&prog, interp::MAX_DEPTH), move || {
        let buf = SharedBuf::default();
        let (result, stats) = run_program(prog, params, Box::new(buf.clone()));
        let out = String::from_utf8_lossy(&buf.0.borrow()).into_owned();
        (out, result, stats)
    })?;
    result.map_err(|e| e.to_string())?;
    Ok((out, stats))
}

pub use metatrace::SharedBuf;

#[cfg(test)]
mod tests;
