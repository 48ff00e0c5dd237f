//! `metatrace-jit`: the language-independent half of Metatrace's tracing JIT.
//!
//! - [`ir`]: the trace IR, defined by one table of operations;
//! - [`text`]: its text format (printer and parser), used by tests and the trace log;
//! - [`verify`]: the invariants every trace keeps;
//! - [`opt`]: the optimizer, one pass per file;
//! - [`backend`]: compiles traces with Cranelift to x86-64 or aarch64 machine code.
//!
//! This crate knows nothing about interpreters: the `metatrace` toolchain records traces,
//! asks this crate to optimize and compile them, and runs the result.

#![warn(missing_docs)]

pub mod backend;
pub mod ir;
pub mod opt;
pub mod text;
pub mod verify;

pub use ir::*;
pub use verify::verify;
