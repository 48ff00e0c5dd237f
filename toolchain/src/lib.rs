//! `metatrace`: write an interpreter once, against the [`Ctx`] DSL, and get a tracing JIT.
//!
//! An interpreter implements [`Language`] (what its frames hold, how it runs) and writes its
//! main loop generically over `C: Ctx<L>`. The [`Vm`] runs it: concretely at first, then,
//! when a loop gets hot, through the [`Tracer`] — which records what the interpreter does
//! into a trace — and finally as machine code compiled from that trace by
//! [`metatrace_jit`]. See the `examples/` directory for a complete interpreter in ~150 lines.
//!
//! Modules:
//! - [`ctx`]: the DSL (`Reds`, `Ctx`, `Language`, `Control`, `Flow`);
//! - [`descr`]: field, array and helper descriptors;
//! - [`concrete`], [`tracer`]: the two instantiations;
//! - `driver`: hot counters, trace start/close/abort, entering compiled code, deopt, bridges,
//!   safepoints;
//! - `portal`: `call_assembler`, compiled code calling functions of the language through the
//!   driver;
//! - [`stack`]: native stack checks (`Ctx::stack_ok`);
//! - [`heap`]: the GC heap (layouts, allocation, mark-sweep at safepoints);
//! - [`vm`]: the per-interpreter JIT state; [`params`], [`stats`], [`quasi`].

#![warn(missing_docs)]

pub mod capture;
pub mod concrete;
pub mod ctx;
pub mod descr;
mod driver;
pub mod heap;
pub mod params;
mod portal;
pub mod quasi;
pub mod semantics;
pub mod stack;
pub mod stats;
pub mod tracer;
pub mod vm;

pub use capture::SharedBuf;
pub use concrete::{Concrete, Plain};
pub use ctx::{Control, Ctx, Flow, Language, Red, RedMap, Reds};
pub use descr::{ArrayDescr, Effect, FieldDescr, Helper, MemKind, Type};
pub use params::JitParams;
pub use quasi::QuasiId;
pub use stats::{AbortReason, JitStats};
pub use tracer::{TFloat, TInt, TRef, Tracer};
pub use vm::{TraceRecord, Vm};
