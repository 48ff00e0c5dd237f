//! mtpy: a Python 3 interpreter written against the Metatrace DSL, so the toolchain's tracing
//! JIT compiles the hot loops of the Python programs it runs.
//!
//! Source is parsed by Ruff's parser (`ruff_python_parser`), compiled to mtpy's own bytecode
//! ([`bytecode`]), and run by an interpreter generic over the DSL's `Ctx`.

pub mod bytecode;
pub mod compile;
