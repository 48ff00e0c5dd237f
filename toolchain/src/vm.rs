//! The `Vm`: one interpreter instance with its own JIT, the top of the toolchain's layers (see
//! the crate docs): what an embedder holds and runs. Its state (`VmState`: hot counters,
//! compiled traces and their code memory, the trace being recorded, quasi-immutable cells,
//! the heap and statistics) sits at the bottom, where every layer reaches it; the `Vm` wires
//! the layers together (it hands the portal's entry points down to the state) and starts runs
//! through the driver. Nothing in Metatrace is process-global; two `Vm`s on two threads share
//! nothing.

use crate::concrete::Concrete;
use crate::ctx::{convert_frame, Language, Plain, Same};
use crate::heap::{Heap, HeapStats};
use crate::params::JitParams;
use crate::quasi::QuasiId;
use crate::state::{Entries, VmState};
use crate::stats::JitStats;
use crate::{driver, portal};

pub use crate::units::TraceRecord;

/// An interpreter instance with its own JIT.
pub struct Vm<L: Language> {
    /// Everything the layers below work on.
    state: VmState<L>,
}

impl<L: Language> Vm<L> {
    /// A Vm running `lang` with the default JIT parameters.
    pub fn new(lang: L) -> Self {
        Self::with_params(lang, JitParams::default())
    }

    /// A Vm running `lang` with the given JIT parameters.
    pub fn with_params(lang: L, params: JitParams) -> Self {
        let entries = Entries {
            call_assembler: portal::call_assembler::<L> as *const () as u64,
            native_entry: portal::native_entry::<L> as *const () as u64,
        };
        Vm { state: VmState::new(lang, params, entries) }
    }

    /// The language instance.
    pub fn lang(&self) -> &L {
        &self.state.lang
    }

    /// The JIT parameters (changeable between runs).
    pub fn params_mut(&mut self) -> &mut JitParams {
        &mut self.state.params
    }

    /// Runs an activation to completion (interpreting, tracing and running compiled code as
    /// the JIT decides) and returns its result. The activation is `frame` as
    /// [`Language::rebuild`] makes it from [`Language::key`] and [`Language::reds`]: what
    /// else `frame` holds is not used (`rebuild` takes it from the language instance).
    ///
    /// With `Language::COMPILED_CALLS`, the first activation of a function, if a `run` starts
    /// it, does not count towards tracing the function's entry; later activations count and
    /// start it as calls from the program do, whoever starts them.
    pub fn run(&mut self, frame: L::Frame<Plain>) -> L::Value<Plain> {
        self.state.stack.init();
        let lang = self.state.lang.clone();
        let mut f = convert_frame(&*lang, &frame, &mut Same);
        let v = driver::run_root(&mut Concrete::new(&mut self.state), &mut f);
        L::map_value(v, &mut Same)
    }

    /// What the JIT did so far.
    pub fn stats(&self) -> &JitStats {
        &self.state.stats
    }

    /// Every trace compiled so far, in order (none unless `JitParams::keep_traces`).
    pub fn traces(&self) -> &[TraceRecord] {
        &self.state.records
    }

    /// Number of compiled traces currently alive (not thrown away).
    pub fn live_traces(&self) -> usize {
        self.state.units.iter().filter(|u| u.is_some()).count()
    }

    /// The heap.
    pub fn heap(&self) -> &Heap {
        &self.state.heap
    }

    /// The heap, for allocating from Rust code (allocation never collects).
    pub fn heap_mut(&mut self) -> &mut Heap {
        &mut self.state.heap
    }

    /// What the heap did so far.
    pub fn heap_stats(&self) -> &HeapStats {
        self.state.heap.stats()
    }

    /// Keeps a reference alive across calls into the interpreter (an explicit root scope
    /// for Rust code that calls back into the interpreter); undo with [`Vm::pop_roots`].
    pub fn push_root(&mut self, r: usize) {
        self.state.roots.push(r);
    }

    /// Drops the last `n` roots pushed with [`Vm::push_root`].
    pub fn pop_roots(&mut self, n: usize) {
        let len = self.state.roots.len().saturating_sub(n);
        self.state.roots.truncate(len);
    }

    /// Creates a quasi-immutable cell.
    pub fn quasi_new(&mut self, v: i64) -> QuasiId {
        self.state.quasi.create(v)
    }

    /// Frees a quasi-immutable cell (see `Ctx::quasi_free`).
    pub fn quasi_free(&mut self, q: QuasiId) {
        self.state.quasi.free(q)
    }

    /// How many quasi-immutable cells exist (freed ones not counted).
    pub fn quasi_cells(&self) -> usize {
        self.state.quasi.live()
    }

    /// How many references Rust code has rooted (see `Ctx::root`): 0 whenever no interpreter
    /// code runs, unless a root scope was left open.
    pub fn rooted(&self) -> usize {
        self.state.roots.len()
    }

    /// Reads a quasi-immutable cell (from Rust code outside the interpreter loop).
    pub fn quasi_get(&self, q: QuasiId) -> i64 {
        self.state.quasi.get(q)
    }

    /// Changes a quasi-immutable cell, invalidating the traces that depend on it.
    pub fn quasi_set(&mut self, q: QuasiId, v: i64) {
        self.state.quasi.set(q, v)
    }

    /// Keeps `bytes` of native stack free below the limit where [`Ctx::stack_ok`] says no
    /// (default [`stack::DEFAULT_MARGIN`](crate::stack::DEFAULT_MARGIN); at most half the
    /// stack). It must hold whatever runs between two checks (see [`crate::stack`]).
    ///
    /// [`Ctx::stack_ok`]: crate::Ctx::stack_ok
    pub fn set_stack_margin(&mut self, bytes: usize) {
        self.state.stack.set_margin(bytes);
    }

    /// Lets programs use at most `bytes` of native stack below its top (`None`: all of it but
    /// the margin), so [`Ctx::stack_ok`] says no sooner on a large stack.
    ///
    /// [`Ctx::stack_ok`]: crate::Ctx::stack_ok
    pub fn set_stack_budget(&mut self, bytes: Option<usize>) {
        self.state.stack.set_budget(bytes);
    }

    /// The native stack this Vm runs on, as `(lowest, highest, limit)` addresses, once a run
    /// has started.
    pub fn stack_bounds(&self) -> Option<(usize, usize, usize)> {
        self.state.stack.bounds()
    }
}
