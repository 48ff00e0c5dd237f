//! `metatrace`: write an interpreter once, against the [`Ctx`] DSL, and get a tracing JIT.
//!
//! An interpreter implements [`Language`] (what its frames hold, how it runs) and writes its
//! main loop generically over `C: Ctx<L>`. The [`Vm`] runs it: concretely at first, then,
//! when a loop gets hot, through the [`Tracer`] — which records what the interpreter does
//! into a trace — and finally as machine code compiled from that trace by
//! [`metatrace_jit`].
//!
//! # Start here
//!
//! A complete JIT-ed interpreter of a three-instruction machine that sums `n + (n-1) + … + 1`:
//!
//! ```
//! use metatrace::{Ctx, Flow, JitParams, Language, Red, RedMap, Reds, Vm};
//!
//! /// The program: `acc += n; n -= 1; if n > 0 goto 0; return acc`.
//! #[derive(Clone, Copy)]
//! enum Op { AddNToAcc, DecN, JumpIfPositive(usize), Return }
//! const PROGRAM: &[Op] = &[Op::AddNToAcc, Op::DecN, Op::JumpIfPositive(0), Op::Return];
//!
//! /// One activation, generic over the red family `R`: the position is green (plain Rust,
//! /// a constant in traces), the registers are red (the user's data: `R::Int`).
//! struct Frame<R: Reds> { pc: usize, acc: R::Int, n: R::Int }
//!
//! /// The language: here just the program above.
//! struct Sum;
//!
//! impl Language for Sum {
//!     type Frame<R: Reds> = Frame<R>;
//!     type Value<R: Reds> = R::Int; // what an activation returns
//!     type Key = usize;             // the green key: where a frame stands
//!
//!     fn key<R: Reds>(f: &Frame<R>) -> usize {
//!         f.pc
//!     }
//!     // A frame's reds in a fixed order, and the frame rebuilt from its key and reds: all
//!     // the JIT needs to snapshot frames at guards and to resume the interpreter.
//!     fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
//!         out.extend([Red::Int(f.acc), Red::Int(f.n)]);
//!     }
//!     fn rebuild<R: Reds>(&self, pc: usize, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
//!         let mut int = || match reds.next() { Some(Red::Int(v)) => v, _ => unreachable!() };
//!         Frame { pc, acc: int(), n: int() }
//!     }
//!     fn map_value<A: Reds, B: Reds>(v: A::Int, m: &mut dyn RedMap<A, B>) -> B::Int {
//!         m.int(v)
//!     }
//!     fn deliver<C: Ctx<Self>>(_: &mut C, _caller: &mut Frame<C>, _result: C::Int) {
//!         unreachable!("this language has no calls")
//!     }
//!
//!     // The main loop, generic over `C: Ctx<Self>`: the same code runs as a plain
//!     // interpreter, as a tracer recording a loop, and through its trace as machine code.
//!     fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<C::Int> {
//!         loop {
//!             // An instruction boundary: obey the driver when it takes the frame over.
//!             if cx.merge_point(f).leave() {
//!                 return Flow::Leave;
//!             }
//!             match PROGRAM[f.pc] {
//!                 Op::AddNToAcc => f.acc = cx.int_add(f.acc, f.n),
//!                 Op::DecN => {
//!                     let one = cx.int(1);
//!                     f.n = cx.int_sub(f.n, one);
//!                 }
//!                 Op::JumpIfPositive(target) => {
//!                     let zero = cx.int(0);
//!                     let positive = cx.int_gt(f.n, zero);
//!                     // A branch on red data: a guard in the trace.
//!                     if cx.is_true(positive) {
//!                         f.pc = target;
//!                         // A backward jump: counted, traced when hot, entered when compiled.
//!                         if cx.loop_header(f).leave() {
//!                             return Flow::Leave;
//!                         }
//!                         continue; // compiled code may have moved the frame: dispatch on f.pc
//!                     }
//!                 }
//!                 Op::Return => return Flow::Return(f.acc),
//!             }
//!             f.pc += 1;
//!         }
//!     }
//! }
//!
//! // Trace a loop after 3 iterations (the default, 1039, suits real programs).
//! let mut params = JitParams::default();
//! params.apply("threshold=3").unwrap();
//! let mut vm = Vm::with_params(Sum, params);
//! assert_eq!(vm.run(Frame { pc: 0, acc: 0, n: 100_000 }), 5_000_050_000);
//! assert_eq!(vm.stats().loops, 1, "{}", vm.stats().summary()); // the loop ran compiled
//! // Without the JIT, the same interpreter gives the same result.
//! let mut plain = Vm::with_params(Sum, JitParams::off());
//! assert_eq!(plain.run(Frame { pc: 0, acc: 0, n: 100_000 }), 5_000_050_000);
//! ```
//!
//! Then read, in this order: [`Ctx`] (every operation on red values: arithmetic, checked
//! arithmetic, guards, promotion, heap access, calls), [`Language`] (including calls between
//! frames of the language, [`Ctx::call_frame`]), [`heap`] (objects with a [`heap::Layout`],
//! allocated with [`Ctx::new_object`]) and [`Helper`] (calling Rust functions from
//! interpreters and traces). `examples/calc.rs` in the repository is a stack machine with
//! checked arithmetic, `examples/calls.rs` the same with functions and recursion,
//! `interpreters/fern` a dynamic language with functions, floats and
//! heap-allocated arrays; `docs/ARCHITECTURE.md` explains the design. `METATRACE_TRACE_LOG=1`
//! prints every trace the JIT compiles, its guards numbered and its constant pointers named.
//!
//! # Mistakes to avoid
//!
//! Most of these go unnoticed with the JIT off: the interpreter alone computes the right
//! result, and compiled code, which resumes the interpreter from what the interpreter told
//! the JIT, a wrong one. Run your tests with the
//! JIT off, on, and at `threshold=1,function_threshold=1,bridge=1` (every loop, function and
//! guard compiled at once), in debug builds, where the first three mistakes panic with a
//! message saying what to do:
//!
//! - *The position after a call.* [`Ctx::call_frame`] (and [`Ctx::call_native`],
//!   [`Ctx::call_may_raise`]) take the caller as it should be resumed: move its position past
//!   the call and consume the arguments *before* calling, then do what
//!   [`Language::deliver`] does with the result.
//! - *No merge point.* Call [`Ctx::merge_point`] before every instruction: traces close
//!   their loops there.
//! - *Reds that vary at a key.* [`Language::reds`] lists the same number and types of values
//!   for every frame at the same key, and [`Language::rebuild`] undoes it exactly.
//! - *The position after a loop header.* Set the jump target before [`Ctx::loop_header`] and
//!   dispatch from the frame's position after it: compiled code may have moved the frame.
//! - *Branching on red data without a guard.* Branch on red values only through
//!   [`Ctx::is_true`] (or make them green with [`Ctx::promote_int`]); [`Ctx::peek_int`] is
//!   for messages only.
//! - *References in Rust locals across calls.* A call or safepoint may collect: keep heap
//!   references in the frame, or root them ([`Ctx::root`]).
//! - *Unchecked heap accesses.* Check indexes (and that a reference is an object) before
//!   [`Ctx::getarrayitem_int`] and the other heap accesses: they read and write memory
//!   directly (see [`Ctx`]). Debug builds panic on the null reference and on an index outside
//!   an array with a length word.
//!
//! # Layers
//!
//! The modules form layers, each naming only the ones below it (`tests/layers.rs` checks it),
//! bottom first:
//!
//! 1. The DSL: [`capture`], [`semantics`], [`params`], [`stats`], [`quasi`], [`descr`] (field,
//!    array and helper descriptors), [`heap`] (the GC heap: layouts, allocation, mark-sweep at
//!    safepoints), [`stack`] (native stack checks, `Ctx::stack_ok`), [`native`] (natives:
//!    Rust code that runs the language again) and [`ctx`] (`Reds`, `Ctx`, `Language`,
//!    `Control`, `Flow`, `Plain`, `RootMark`).
//! 2. The Vm's state: `units` (hot counters; compiled loops, function entries and bridges,
//!    and how to resume from their guards), `recorder` (the trace being recorded) and `state`
//!    (`VmState`, all of one `Vm`'s data, with the operations that only touch it: collecting
//!    with every root, giving up a recording, numbering portal targets and natives), then
//!    `budget` (what the JIT may spend: the compile share, bridge budgets and thresholds).
//! 3. The DSL's two implementations: [`concrete`], then [`tracer`].
//! 4. The driver: `links` (links between compiled units, their runs, units thrown away) and
//!    `label` (entering a loop at its label), used by `driver` (hot counters, trace
//!    start/close/abort, entering compiled code, deopt, bridges), then `portal` (`call_assembler`: compiled code calling functions of the
//!    language through the driver).
//! 5. The [`Vm`] ([`vm`]), which an embedder holds: it wires the layers together.
//!
//! A lower layer reaches a higher one only through what it declares and the higher one
//! provides: the concrete interpreter calls the driver through the `concrete::Drive` trait,
//! the tracer through `tracer::Close` (the driver implements both on `VmState`, statically
//! dispatched), and the portal's entry points reach the tracer and driver as addresses the
//! `Vm` puts in its state. A [`Native`], which `Ctx::call_native` takes, keeps its function
//! without its type (which names [`Concrete`]): [`Native::new`], with the concrete context,
//! makes it from a [`NativeFn`], and only the concrete context calls it.

#![warn(missing_docs)]

mod budget;
pub mod capture;
pub mod concrete;
pub mod ctx;
pub mod descr;
mod driver;
pub mod heap;
mod label;
mod links;
mod merge;
pub mod native;
pub mod params;
mod portal;
pub mod quasi;
mod recorder;
mod resume;
pub mod semantics;
pub mod stack;
mod state;
pub mod stats;
pub mod tracer;
mod units;
pub mod vm;

pub use capture::SharedBuf;
pub use concrete::{Concrete, NativeFn};
pub use ctx::{Control, Ctx, Flow, Language, Plain, Red, RedMap, Reds, RootMark};
pub use descr::{ArrayDescr, Effect, FieldDescr, Helper, MemKind, Type};
pub use native::Native;
pub use params::JitParams;
pub use quasi::QuasiId;
pub use stats::{AbortReason, JitStats};
pub use tracer::{TFloat, TInt, TRef, Tracer};
pub use vm::{TraceRecord, Vm};
