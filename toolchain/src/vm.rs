//! The `Vm`: one interpreter instance's JIT state — hot counters, compiled traces and their
//! code memory, the trace being recorded, quasi-immutable cells and statistics. Nothing in
//! Metatrace is process-global; two `Vm`s on two threads share nothing.

use crate::concrete::{Concrete, Plain, Same};
use crate::ctx::Red;
use crate::ctx::{Language, Reds};
use crate::descr::Type;
use crate::heap::{Heap, HeapStats};
use crate::params::JitParams;
use crate::quasi::{InvalidFlag, QuasiId, QuasiTable};
use crate::stats::JitStats;
use crate::tracer::Recorder;
use metatrace_jit::backend::{Backend, CompiledTrace};
use rustc_hash::FxHashMap;
use std::cell::{Cell, OnceCell};
use std::rc::Rc;

/// Index of a compiled trace in [`Vm::units`].
pub(crate) type UnitId = usize;

/// The JIT's state for one green key (a potential loop header or function entry).
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

/// What one word of a guard's frame buffer holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Slot {
    /// A value of this type.
    Word(Type),
    /// A placeholder for virtual object `k` of the snapshot, built by the driver.
    Virtual(u32),
}

impl Slot {
    /// The type of the word the frame gets (a built virtual object is a reference).
    pub(crate) fn ty(self) -> Type {
        match self {
            Slot::Word(t) => t,
            Slot::Virtual(_) => Type::Ref,
        }
    }
}

/// An object the compiled code did not allocate: the driver builds it when the guard fails.
pub(crate) struct VirtualInfo {
    /// Its layout (class word).
    pub(crate) layout: usize,
    /// For arrays, the length.
    pub(crate) len: Option<u32>,
    /// Each written field: where it is stored and what the buffer word holds.
    pub(crate) fields: Vec<(i32, crate::descr::MemKind, Slot)>,
}

/// How to rebuild interpreter frames from a guard's exit: each frame's key and slots,
/// outermost first, then the virtual objects; the frame buffer holds the frames' words in
/// this order, followed by the virtuals' field words.
pub(crate) struct Resume<K> {
    pub(crate) frames: Vec<(K, Vec<Slot>)>,
    pub(crate) virtuals: Vec<VirtualInfo>,
    /// The innermost frame waits for a call's outcome: its last slot (see `Snapshot::deliver`).
    pub(crate) deliver: Option<metatrace_jit::ir::Deliver>,
    /// Where the frames' slots (counted across frames, in order) stand for virtual objects:
    /// (position, virtual). Materializing touches these only, not every slot of a wide frame.
    pub(crate) virtual_slots: Vec<(u32, u32)>,
}

impl<K> Resume<K> {
    /// A resume description; finds the slots that stand for virtuals.
    pub(crate) fn new(
        frames: Vec<(K, Vec<Slot>)>,
        virtuals: Vec<VirtualInfo>,
        deliver: Option<metatrace_jit::ir::Deliver>,
    ) -> Self {
        let virtual_slots = frames
            .iter()
            .flat_map(|(_, slots)| slots.iter())
            .enumerate()
            .filter_map(|(pos, s)| match *s {
                Slot::Virtual(k) => Some((pos as u32, k)),
                Slot::Word(_) => None,
            })
            .collect();
        Resume { frames, virtuals, deliver, virtual_slots }
    }
}

impl<K> Resume<K> {
    /// The slots of frame `k` that are its reds (the innermost frame's delivered outcome left out).
    pub(crate) fn reds_of(&self, k: usize) -> &[Slot] {
        let slots = &self.frames[k].1;
        if self.deliver.is_some() && k + 1 == self.frames.len() {
            &slots[..slots.len() - 1]
        } else {
            slots
        }
    }
}

/// One guard of a compiled trace.
pub(crate) struct ExitInfo<K> {
    pub(crate) resume: Rc<Resume<K>>,
    /// A loop's safepoint: leaving through it is not a failure and never gets a bridge.
    pub(crate) safepoint: bool,
    /// Follows a `call_assembler`: the caller gets the parked (forced) result; no bridge.
    pub(crate) forced: bool,
    /// The snapshot has virtual objects (to build before a bridge runs).
    pub(crate) virtuals: bool,
    pub(crate) fails: u32,
    pub(crate) bridge_aborts: u32,
    pub(crate) bridge: Option<UnitId>,
}

/// A compiled loop, function entry or bridge.
pub(crate) struct Unit<L: Language> {
    /// Its machine code (never unmapped while compiled code runs: see `Vm::doomed`).
    pub(crate) code: CompiledTrace,
    /// Its exit slots (one per exit: guards, then `finish`), which the code reads: 0, or the
    /// code of the unit the exit jumps to directly (see `driver::link`).
    pub(crate) links: Box<[std::cell::Cell<u64>]>,
    /// Thrown away while compiled code was running: kept (unlinked, never entered again) until
    /// no compiled code runs.
    pub(crate) doomed: std::cell::Cell<bool>,
    pub(crate) exits: Vec<ExitInfo<L::Key>>,
    /// For traces ending in `finish`: the loop they continue in, and the argument types.
    pub(crate) finish: Option<(L::Key, Vec<Type>)>,
    /// For a function entry or one of its bridges: the function's entry key (such a trace
    /// may end by returning from the activation).
    pub(crate) entry: Option<L::Key>,
    /// The compiled loop `finish` last continued in (checked before use: units are never
    /// reused, and a thrown-away loop leaves `None` behind).
    pub(crate) finish_unit: std::cell::Cell<Option<UnitId>>,
    pub(crate) invalid: InvalidFlag,
    /// The loop key (loops) or the parent trace (bridges), to throw descendants away.
    pub(crate) loop_key: Option<L::Key>,
    pub(crate) parent: Option<UnitId>,
    /// Reference constants the code embeds: kept alive by the collector.
    pub(crate) consts: Vec<usize>,
    /// The types of its inputs (checked against the frame's reds on entry, in debug builds).
    pub(crate) inputs: Vec<Type>,
    /// The loop or function entry at the root of its tree of bridges (itself for a root).
    pub(crate) root: UnitId,
    /// For a root: the bridges compiled in its tree so far, and their compile time (see
    /// `JitParams::max_bridges`).
    pub(crate) tree: Cell<(u32, u64)>,
}

/// A frame the collector must scan: an interpreter frame suspended in a call, or rebuilt
/// after a guard failure and waiting for its callee. Registered only while it can neither
/// move nor change (it is borrowed while its callee runs), so its references are read once:
/// in GC stress mode every call collects, and with thousands of frames suspended, reading
/// each frame's reds afresh at every collection is most of its cost.
pub(crate) struct RootFrame {
    ptr: *const (),
    visit: unsafe fn(*const (), &mut Vec<usize>),
    /// The frame's references, read at the first collection that scans it.
    refs: OnceCell<Box<[usize]>>,
}

/// Lists the references of a frame of type `L::Frame<R>` behind `p`.
///
/// # Safety
/// `p` points to a live `L::Frame<R>`.
unsafe fn visit_frame<L: Language, R: Reds>(p: *const (), out: &mut Vec<usize>) {
    // SAFETY: forwarded from the caller.
    let f = unsafe { &*(p as *const L::Frame<R>) };
    let mut reds = Vec::new();
    L::reds(f, &mut reds);
    for r in reds {
        if let Red::Ref(x) = r {
            out.push(R::address(x));
        }
    }
}

impl RootFrame {
    /// A root entry for `f`; the caller removes it before `f` moves, changes or dies.
    pub(crate) fn of<L: Language, R: Reds>(f: &L::Frame<R>) -> RootFrame {
        RootFrame { ptr: f as *const L::Frame<R> as *const (), visit: visit_frame::<L, R>, refs: OnceCell::new() }
    }
    pub(crate) fn visit(&self, out: &mut Vec<usize>) {
        let refs = self.refs.get_or_init(|| {
            let mut refs = Vec::new();
            // SAFETY: entries are removed before their frame moves, changes or dies (see `of`).
            unsafe { (self.visit)(self.ptr, &mut refs) };
            refs.into_boxed_slice()
        });
        out.extend_from_slice(refs);
    }
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
    pub(crate) cells: FxHashMap<L::Key, JitCell>,
    /// Hot counters and traces of function entries (activation starts), by entry key.
    pub(crate) entry_cells: FxHashMap<L::Key, JitCell>,
    /// How many runs of compiled code are in progress (runs nest through `call_assembler`).
    /// Code reached through exit links may belong to any unit, so while any runs, units are
    /// not freed but doomed.
    pub(crate) run_depth: usize,
    /// Units thrown away while compiled code ran, freed when none runs (see `Unit::doomed`).
    pub(crate) doomed: Vec<UnitId>,
    /// Functions compiled code calls through the driver (`call_assembler`), by number.
    pub(crate) portals: Vec<crate::portal::Target<L::Key>>,
    /// Each target's direct entry word (boxed: compiled code has its address): 0, or the code
    /// of the target's compiled function entry (see `portal`).
    #[allow(clippy::vec_box)] // the boxes keep the words in place when the Vec grows
    pub(crate) portal_direct: Vec<Box<std::cell::Cell<u64>>>,
    /// How compiled code reaches this Vm (see `portal`).
    pub(crate) portal: Box<crate::portal::PortalCtx>,
    /// The exit words a bridge from inside inlined calls starts from (see `driver`).
    pub(crate) bridge_words: Vec<u64>,
    /// Frame buffers for compiled function entries called from compiled code, for reuse.
    pub(crate) spare_bufs: Vec<Vec<u64>>,
    /// A forced `call_assembler` result waiting for its caller (see `portal`).
    pub(crate) forced: Option<L::Value<Plain>>,
    pub(crate) units: Vec<Option<Unit<L>>>,
    pub(crate) backend: Option<Backend>,
    pub(crate) recorder: Option<Recorder<L>>,
    pub(crate) next_gen: u64,
    pub(crate) stats: JitStats,
    /// When this `Vm` was made: the clock `JitParams::compile_share` measures against.
    pub(crate) born: std::time::Instant,
    pub(crate) quasi: Rc<QuasiTable>,
    pub(crate) pending: Option<crate::driver::Pending>,
    /// A loop's compiled code returned from the activation that entered it at a loop header
    /// (a bridge or loop trace that ends by returning): its value's type and word, for the
    /// activation loop to return (see `driver::loop_header`).
    pub(crate) returned: Option<(metatrace_jit::ir::Type, u64)>,
    /// Frame buffers for runs of compiled code, reused (a run takes one and gives it back).
    pub(crate) bufs: Vec<Vec<u64>>,
    pub(crate) frame_words: usize,
    /// Functions no longer inlined into traces (see `driver::abort`).
    pub(crate) dont_inline: rustc_hash::FxHashSet<L::Key>,
    /// The link limit, fixed when the Vm is made (see `JitParams::link_words`).
    pub(crate) link_words: usize,
    pub(crate) records: Vec<TraceRecord>,
    /// Classes (layout addresses) traces have guarded on, by name: for the trace log.
    pub(crate) class_names: FxHashMap<u64, &'static str>,
    pub(crate) heap: Box<Heap>,
    /// The heap's collection-request flag (read at every instruction boundary).
    pub(crate) gc_flag: *const u64,
    /// Frames the collector scans besides the current one, innermost last.
    pub(crate) shadow: Vec<RootFrame>,
    /// References held by Rust code (see [`Vm::push_root`]).
    pub(crate) roots: Vec<usize>,
    /// Where helpers that may raise store what they raise (see `Ctx::call_may_raise`).
    pub(crate) raise_slot: Box<std::cell::Cell<u64>>,
    /// Natives compiled code calls, by number (see `native`).
    pub(crate) natives: Vec<&'static crate::native::Native<L>>,
    /// The native stack's limit (see [`crate::stack`]).
    pub(crate) stack: crate::stack::StackCheck,
}

impl<L: Language> Vm<L> {
    /// A Vm running `lang` with the default JIT parameters.
    pub fn new(lang: L) -> Self {
        Self::with_params(lang, JitParams::default())
    }

    /// A Vm running `lang` with the given JIT parameters.
    pub fn with_params(lang: L, params: JitParams) -> Self {
        let heap = Box::new(Heap::new(params.gc_stress));
        let gc_flag = heap.requested_addr() as *const u64;
        Vm {
            heap,
            class_names: FxHashMap::default(),
            gc_flag,
            shadow: Vec::new(),
            roots: Vec::new(),
            raise_slot: Box::new(std::cell::Cell::new(0)),
            natives: Vec::new(),
            stack: crate::stack::StackCheck::new(),
            lang: Rc::new(lang),
            cells: FxHashMap::default(),
            entry_cells: FxHashMap::default(),
            run_depth: 0,
            doomed: Vec::new(),
            portals: Vec::new(),
            portal_direct: Vec::new(),
            portal: crate::portal::PortalCtx::new(),
            forced: None,
            spare_bufs: Vec::new(),
            bridge_words: Vec::new(),
            units: Vec::new(),
            backend: None,
            recorder: None,
            next_gen: 1,
            stats: JitStats::default(),
            born: std::time::Instant::now(),
            quasi: Rc::new(QuasiTable::default()),
            pending: None,
            returned: None,
            bufs: Vec::new(),
            frame_words: 0,
            dont_inline: Default::default(),
            link_words: params.link_words.max(metatrace_jit::backend::LINK_WORDS),
            records: Vec::new(),
            params,
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
        self.stack.init();
        let lang = self.lang.clone();
        let f = crate::driver::convert_frame(&*lang, &frame, &mut Same);
        let v = crate::driver::run_call(&mut Concrete::new(self), f);
        L::map_value(v, &mut Same)
    }

    /// What the JIT did so far.
    pub fn stats(&self) -> &JitStats {
        &self.stats
    }

    /// Every trace compiled so far, in order (none unless `JitParams::keep_traces`).
    pub fn traces(&self) -> &[TraceRecord] {
        &self.records
    }

    /// Number of compiled traces currently alive (not thrown away).
    pub fn live_traces(&self) -> usize {
        self.units.iter().filter(|u| u.is_some()).count()
    }

    /// The heap.
    pub fn heap(&self) -> &Heap {
        &self.heap
    }

    /// The heap, for allocating from Rust code (allocation never collects).
    pub fn heap_mut(&mut self) -> &mut Heap {
        &mut self.heap
    }

    /// What the heap did so far.
    pub fn heap_stats(&self) -> &HeapStats {
        self.heap.stats()
    }

    /// Keeps a reference alive across calls into the interpreter (an explicit root scope
    /// for Rust code that calls back into the interpreter); undo with [`Vm::pop_roots`].
    pub fn push_root(&mut self, r: usize) {
        self.roots.push(r);
    }

    /// Drops the last `n` roots pushed with [`Vm::push_root`].
    pub fn pop_roots(&mut self, n: usize) {
        let len = self.roots.len().saturating_sub(n);
        self.roots.truncate(len);
    }

    /// Creates a quasi-immutable cell.
    pub fn quasi_new(&mut self, v: i64) -> QuasiId {
        self.quasi.create(v)
    }

    /// Frees a quasi-immutable cell (see `Ctx::quasi_free`).
    pub fn quasi_free(&mut self, q: QuasiId) {
        self.quasi.free(q)
    }

    /// How many quasi-immutable cells exist (freed ones not counted).
    pub fn quasi_cells(&self) -> usize {
        self.quasi.live()
    }

    /// How many references Rust code has rooted (see `Ctx::root`): 0 whenever no interpreter
    /// code runs, unless a root scope was left open.
    pub fn rooted(&self) -> usize {
        self.roots.len()
    }

    /// Reads a quasi-immutable cell (from Rust code outside the interpreter loop).
    pub fn quasi_get(&self, q: QuasiId) -> i64 {
        self.quasi.get(q)
    }

    /// Changes a quasi-immutable cell, invalidating the traces that depend on it.
    pub fn quasi_set(&mut self, q: QuasiId, v: i64) {
        self.quasi.set(q, v)
    }

    /// Keeps `bytes` of native stack free below the limit where [`Ctx::stack_ok`] says no
    /// (default [`stack::DEFAULT_MARGIN`](crate::stack::DEFAULT_MARGIN); at most half the
    /// stack). It must hold whatever runs between two checks (see [`crate::stack`]).
    ///
    /// [`Ctx::stack_ok`]: crate::Ctx::stack_ok
    pub fn set_stack_margin(&mut self, bytes: usize) {
        self.stack.set_margin(bytes);
    }

    /// The native stack this Vm runs on, as `(lowest, highest, limit)` addresses, once a run
    /// has started.
    pub fn stack_bounds(&self) -> Option<(usize, usize, usize)> {
        self.stack.bounds()
    }
}
