//! `metatrace-jit`: the language-independent half of Metatrace's tracing JIT.
//!
//! - [`ir`]: the trace IR, defined by one table of operations;
//! - [`text`]: its text format (printer and parser), used by tests and the trace log;
//! - [`verify`](mod@verify): the invariants every trace keeps;
//! - [`opt`]: the optimizer, one pass per file;
//! - [`backend`]: compiles traces with Cranelift to x86-64 or aarch64 machine code.
//!
//! This crate knows nothing about interpreters: the `metatrace` toolchain records traces,
//! asks this crate to optimize and compile them, and runs the result. On its own it takes a
//! trace (here in the text format), optimizes and compiles it, and runs it on a frame buffer
//! of words:
//!
//! ```
//! use metatrace_jit::{backend::Backend, opt, text, verify};
//!
//! // A loop summing the integers below i0: i1 counts, i2 sums. The guard leaves with the
//! // snapshot `[sum@4: i2]` (a position named `sum@4`, holding the sum) when i1 reaches i0.
//! let trace = text::parse(
//!     "inputs(i0, i1, i2)
//!      i3 = int_lt(i1, i0)
//!      guard_true(i3) [sum@4: i2]
//!      i4 = int_add(i2, i1)
//!      i5 = int_add(i1, 1)
//!      jump(i0, i5, i4)",
//! )
//! .unwrap();
//! assert_eq!(verify(&trace), Ok(()));
//! let optimized = opt::optimize(&trace); // peels one iteration, then the loop body
//! let code = Backend::host().unwrap().compile(&optimized).unwrap();
//! let mut frame = vec![0u64; code.frame_words()];
//! frame[..3].copy_from_slice(&[1000, 0, 0]); // the inputs
//! // SAFETY: the frame has `frame_words()` words holding the inputs; the trace reads no memory.
//! let exit = unsafe { code.run(frame.as_mut_ptr()) };
//! assert!((exit as usize) < code.exit_count() - 1); // a guard's exit, not `finish`
//! assert_eq!(frame[0], 499_500); // the snapshot's values, in order
//! ```

#![warn(missing_docs)]

pub mod backend;
pub mod ir;
pub mod opt;
pub mod text;
pub mod verify;

pub use ir::*;
pub use verify::verify;
