//! The `Vm`: one interpreter instance's JIT state — hot counters, compiled traces and their
//! code memory, the trace being recorded, quasi-immutable cells and statistics. Nothing in
//! Metatrace is process-global; two `Vm`s on two threads share nothing.

use crate::concrete::{Concrete, Plain};
use crate::ctx::{Language, RedMap, Reds};
use crate::descr::Type;
use crate::params::JitParams;
use crate::quasi::{InvalidFlag, QuasiId, QuasiTable};
use crate::stats::JitStats;
use crate::tracer::Recorder;
use metatrace_jit::backend::{Backend, CompiledTrace};
use std::collections::HashMap;
use std::rc::Rc;

/// Index of a compiled trace in [`Vm::units`].
pub(crate) type UnitId = usize;

/// The JIT's state for one green key (a potential loop header).
#[derive(Clone, Copy, Debug)]
pub(crate) struct JitCell {
    pub(crate) counter: u32,
    pub(crate) aborts: u32,
    pub(crate) state: CellState,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum CellState {
    Counting,
    Compiled(UnitId),
    Blacklisted,
}

/// How to rebuild interpreter frames from a guard's exit: each frame's key and red types,
/// outermost first; the words come from the frame buffer in this order.
pub(crate) type ResumeFrames<K> = Rc<Vec<(K, Vec<Type>)>>;

/// One guard of a compiled trace.
pub(crate) struct ExitInfo<K> {
    pub(crate) frames: ResumeFrames<K>,
    pub(crate) fails: u32,
    pub(crate) bridge_aborts: u32,
    pub(crate) bridge: Option<UnitId>,
}

/// A compiled loop or bridge.
pub(crate) struct Unit<L: Language> {
    pub(crate) code: CompiledTrace,
    pub(crate) exits: Vec<ExitInfo<L::Key>>,
    /// For traces ending in `finish`: the loop they continue in, and the argument types.
    pub(crate) finish: Option<(L::Key, Vec<Type>)>,
    pub(crate) invalid: InvalidFlag,
    /// The loop key (loops) or the parent trace (bridges), to throw descendants away.
    pub(crate) loop_key: Option<L::Key>,
    pub(crate) parent: Option<UnitId>,
}

/// A compiled trace as the log and snapshot tests see it.
#[derive(Clone, Debug)]
pub struct TraceRecord {
    /// `loop` or `bridge`.
    pub kind: &'static str,
    /// Where it starts (a green key's display form, or the guard it hangs off).
    pub name: String,
    /// The trace as recorded.
    pub recorded: String,
    /// The trace as compiled (after the optimizer), in the text format.
    pub optimized: String,
    /// Time to optimize and compile it.
    pub compile_ns: u64,
}

/// An interpreter instance with its own JIT.
pub struct Vm<L: Language> {
    pub(crate) lang: Rc<L>,
    pub(crate) params: JitParams,
    pub(crate) cells: HashMap<L::Key, JitCell>,
    pub(crate) units: Vec<Option<Unit<L>>>,
    pub(crate) backend: Option<Backend>,
    pub(crate) recorder: Option<Recorder<L>>,
    pub(crate) next_gen: u64,
    pub(crate) stats: JitStats,
    pub(crate) quasi: Rc<QuasiTable>,
    pub(crate) pending: Option<crate::driver::Pending>,
    pub(crate) buf: Vec<u64>,
    pub(crate) frame_words: usize,
    pub(crate) records: Vec<TraceRecord>,
}

struct Same;
impl<A: Reds<Int = i64, Float = f64, Ref = usize>, B: Reds<Int = i64, Float = f64, Ref = usize>> RedMap<A, B> for Same {
    fn int(&mut self, v: i64) -> i64 {
        v
    }
    fn float(&mut self, v: f64) -> f64 {
        v
    }
    fn reference(&mut self, v: usize) -> usize {
        v
    }
}

impl<L: Language> Vm<L> {
    /// A Vm running `lang` with the default JIT parameters.
    pub fn new(lang: L) -> Self {
        Self::with_params(lang, JitParams::default())
    }

    /// A Vm running `lang` with the given JIT parameters.
    pub fn with_params(lang: L, params: JitParams) -> Self {
        Vm {
            lang: Rc::new(lang),
            params,
            cells: HashMap::new(),
            units: Vec::new(),
            backend: None,
            recorder: None,
            next_gen: 1,
            stats: JitStats::default(),
            quasi: Rc::new(QuasiTable::default()),
            pending: None,
            buf: Vec::new(),
            frame_words: 0,
            records: Vec::new(),
        }
    }

    /// The language instance.
    pub fn lang(&self) -> &L {
        &self.lang
    }

    /// The JIT parameters (changeable between runs).
    pub fn params_mut(&mut self) -> &mut JitParams {
        &mut self.params
    }

    /// Runs an activation to completion (interpreting, tracing and running compiled code as
    /// the JIT decides) and returns its result.
    pub fn run(&mut self, frame: L::Frame<Plain>) -> L::Value<Plain> {
        let lang = self.lang.clone();
        let f = crate::driver::convert_frame(&*lang, &frame, &mut Same);
        let v = crate::driver::run_concrete(&mut Concrete { vm: self }, f);
        L::map_value(v, &mut Same)
    }

    /// What the JIT did so far.
    pub fn stats(&self) -> &JitStats {
        &self.stats
    }

    /// Every trace compiled so far, in order.
    pub fn traces(&self) -> &[TraceRecord] {
        &self.records
    }

    /// Number of compiled traces currently alive (not thrown away).
    pub fn live_traces(&self) -> usize {
        self.units.iter().filter(|u| u.is_some()).count()
    }

    /// Creates a quasi-immutable cell.
    pub fn quasi_new(&mut self, v: i64) -> QuasiId {
        self.quasi.create(v)
    }

    /// Reads a quasi-immutable cell (from Rust code outside the interpreter loop).
    pub fn quasi_get(&self, q: QuasiId) -> i64 {
        self.quasi.get(q)
    }

    /// Changes a quasi-immutable cell, invalidating the traces that depend on it.
    pub fn quasi_set(&mut self, q: QuasiId, v: i64) {
        self.quasi.set(q, v)
    }
}
