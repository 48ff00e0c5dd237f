//! The state of one `Vm`, as every layer above sees it: [`VmState`] holds the heap and its
//! roots, the tables of compiled code, the trace being recorded and what compiled code reaches
//! through the portal. The public `Vm` (in `vm`) wraps it; the concrete interpreter, the
//! tracer, the driver and the portal work on it. Here too are the operations that only read and
//! write this state: collecting at a safepoint with every root ([`collect`]), giving up a
//! recording ([`abort`]), and numbering portal targets and natives for compiled code.

use crate::ctx::{Language, Plain, Red, RedMap, Reds};
use crate::descr::Type;
use crate::heap::{Heap, Layout};
use crate::native::Native;
use crate::params::JitParams;
use crate::quasi::QuasiTable;
use crate::recorder::{Recorder, TraceKind};
use crate::stack::StackCheck;
use crate::stats::{AbortReason, JitStats};
use crate::units::{CellState, JitCell, TraceRecord, Unit, UnitId};
use metatrace_jit::backend::Backend;
use metatrace_jit::ir::Operand;
use rustc_hash::FxHashMap;
use std::cell::{Cell, OnceCell};
use std::rc::Rc;

/// One `Vm`'s state (see the module docs).
pub(crate) struct VmState<L: Language> {
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
    pub(crate) portals: Vec<Target<L::Key>>,
    /// Each target's direct entry word (boxed: compiled code has its address): 0, or the code
    /// of the target's compiled function entry (see `portal`).
    #[allow(clippy::vec_box)] // the boxes keep the words in place when the Vec grows
    pub(crate) portal_direct: Vec<Box<std::cell::Cell<u64>>>,
    /// How compiled code reaches this Vm (see `portal`).
    pub(crate) portal: Box<PortalCtx>,
    /// The objects `resume::materialize` is building (kept, so an exit allocates no Vec).
    pub(crate) materialized: Vec<usize>,
    /// The exit words a bridge from inside inlined calls starts from (see `driver`), and for
    /// a bridge from a `guard_not_forced`, the parked result's word after them.
    pub(crate) bridge_words: Vec<u64>,
    /// A forced `call_assembler` result waiting for its caller (see `portal`): a root.
    pub(crate) forced: Option<L::Value<Plain>>,
    pub(crate) units: Vec<Option<Unit<L>>>,
    pub(crate) backend: Option<Backend>,
    pub(crate) recorder: Option<Recorder<L>>,
    pub(crate) next_gen: u64,
    pub(crate) stats: JitStats,
    /// When this `Vm` was made: the clock `JitParams::compile_share` measures against.
    pub(crate) born: std::time::Instant,
    /// The CPU time of this `Vm`'s thread when it was made (0: no per-thread clock here), for
    /// the budgets: with it they count CPU time, which a busy machine does not inflate.
    pub(crate) born_cpu: u64,
    /// When `budget::within_compile_share` may say yes again, after a no (wall clock).
    pub(crate) compile_retry: Cell<Option<std::time::Instant>>,
    /// The slot patterns the resume data of every exit is kept against (see `units::FrameSlots`).
    pub(crate) slot_patterns: crate::units::SlotPatterns,
    /// The descriptions of virtual objects every exit's resume data refers to, each kept once.
    pub(crate) virtual_kinds: crate::units::VirtualKinds,
    /// How to resume at a loop header from the `finish` of a trace, made once for all the
    /// traces that finish there alike (see `Unit::finish`).
    pub(crate) finish_resumes: crate::units::FinishResumes<L::Key>,
    /// The frames of the first snapshot of the trace compiled last (see `Recorder::like`).
    pub(crate) last_frames: Vec<metatrace_jit::ir::Slots>,
    /// A frame's resume slots spelled out, for `driver::restore` (reused by every exit).
    pub(crate) spare_slots: Vec<crate::units::Slot>,
    pub(crate) quasi: Rc<QuasiTable>,
    pub(crate) pending: Option<Pending>,
    /// A loop's compiled code returned from the activation that entered it at a loop header
    /// (a bridge or loop trace that ends by returning): its value's type and word, for the
    /// activation loop to return (see `driver::loop_header`).
    pub(crate) returned: Option<(metatrace_jit::ir::Type, u64)>,
    /// Frame buffers for runs of compiled code, reused: a run takes one and gives it back,
    /// whoever started it (the driver entering from the interpreter, or `portal` for a call
    /// from compiled code, whose buffer may end up given back by `driver::run_units`). One pool,
    /// so it holds as many buffers as runs were ever nested at once.
    pub(crate) bufs: Vec<Vec<u64>>,
    /// The allocation `driver::execute` lists a frame's reds in (no Vec per entry).
    pub(crate) spare_reds: Vec<Red<Plain>>,
    /// The allocation `driver::execute` keeps the words of the reds it entered with in.
    pub(crate) spare_entry: Vec<u64>,
    pub(crate) frame_words: usize,
    /// Functions no longer inlined into traces (see `abort`).
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
    /// The live record of the innermost call from compiled code into the driver (0: none),
    /// where the records of the compiled code that called it directly end (see
    /// `RootFrame::compiled`).
    pub(crate) portal_record: u64,
    /// References held by Rust code (see `Vm::push_root`).
    pub(crate) roots: Vec<usize>,
    /// Where helpers that may raise store what they raise (see `Ctx::call_may_raise`).
    pub(crate) raise_slot: Box<std::cell::Cell<u64>>,
    /// Natives compiled code calls, by number (see `native`).
    pub(crate) natives: Vec<&'static Native<L>>,
    /// The native stack's limit (see `crate::stack`).
    pub(crate) stack: StackCheck,
    /// Compiled code's ways back into Rust, for this language (see [`Entries`]).
    pub(crate) entries: Entries,
}

/// The functions compiled code calls back into, instantiated for one language: `portal`
/// defines them, above every layer that emits calls to them, so the `Vm` hands their
/// addresses down when it is made.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entries {
    /// `portal::call_assembler::<L>`: calls of the language's functions.
    pub(crate) call_assembler: u64,
    /// `portal::native_entry::<L>`: calls of natives.
    pub(crate) native_entry: u64,
}

impl<L: Language> VmState<L> {
    /// The state of a new `Vm` running `lang`.
    pub(crate) fn new(lang: L, params: JitParams, entries: Entries) -> Self {
        let heap = Box::new(Heap::new(params.gc_stress));
        let gc_flag = heap.requested_addr() as *const u64;
        VmState {
            heap,
            class_names: FxHashMap::default(),
            gc_flag,
            shadow: Vec::new(),
            portal_record: 0,
            roots: Vec::new(),
            raise_slot: Box::new(std::cell::Cell::new(0)),
            natives: Vec::new(),
            stack: StackCheck::new(),
            lang: Rc::new(lang),
            cells: FxHashMap::default(),
            entry_cells: FxHashMap::default(),
            run_depth: 0,
            doomed: Vec::new(),
            portals: Vec::new(),
            portal_direct: Vec::new(),
            portal: PortalCtx::new(),
            forced: None,
            bridge_words: Vec::new(),
            materialized: Vec::new(),
            units: Vec::new(),
            backend: None,
            recorder: None,
            next_gen: 1,
            stats: JitStats::default(),
            born: std::time::Instant::now(),
            born_cpu: crate::stats::thread_cpu_ns(),
            compile_retry: Cell::new(None),
            slot_patterns: Default::default(),
            virtual_kinds: Default::default(),
            finish_resumes: Default::default(),
            last_frames: Vec::new(),
            spare_slots: Vec::new(),
            quasi: Rc::new(QuasiTable::default()),
            pending: None,
            returned: None,
            bufs: Vec::new(),
            spare_reds: Vec::new(),
            spare_entry: Vec::new(),
            frame_words: 0,
            dont_inline: Default::default(),
            link_words: params.link_words.max(metatrace_jit::backend::LINK_WORDS),
            records: Vec::new(),
            params,
            entries,
        }
    }
}

impl<L: Language> VmState<L> {
    /// The parked result of a forced call, for the caller (in the interpreter, or in a bridge
    /// being recorded). It is no longer a root of the Vm's: the caller holds it, and nothing
    /// collects before the caller does.
    pub(crate) fn take_forced(&mut self) -> L::Value<Plain> {
        self.portal.forced.set(0);
        self.forced.take().expect("guard_not_forced failed without a parked result")
    }
}

/// A trace the driver is about to start when the current activation leaves.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Pending {
    Loop,
    Entry,
    /// `forced`: from a `guard_not_forced`, the type of the parked result, which follows the
    /// exit's words in `bridge_words`. `tentative`: an early try at if-conversion, compiled
    /// only if it merges (see `merge::tries_early`).
    Bridge {
        parent: UnitId,
        exit: usize,
        forced: Option<Type>,
        tentative: bool,
    },
}

/// What compiled code needs to reach the driver: boxed in the `Vm`, so its address is
/// stable and can be a trace constant even if the `Vm` moves between runs.
#[repr(C)]
pub(crate) struct PortalCtx {
    /// Head of the chain of live records (0 when empty): the first word, where compiled code
    /// expects it (see the module docs).
    pub(crate) live: Cell<u64>,
    /// The Vm state (type-erased `VmState<L>`) that is running compiled code; set before compiled code runs.
    pub(crate) vm: Cell<*mut ()>,
    /// Non-zero when the last call's result was forced (read by `guard_not_forced`).
    pub(crate) forced: Cell<u64>,
}

impl PortalCtx {
    pub(crate) fn new() -> Box<PortalCtx> {
        Box::new(PortalCtx { live: Cell::new(0), vm: Cell::new(std::ptr::null_mut()), forced: Cell::new(0) })
    }
}

/// A function compiled code calls: where the callee starts, its reds' types, and the type of
/// result the trace expects.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Target<K> {
    pub(crate) key: K,
    pub(crate) args: std::rc::Rc<[Type]>,
    pub(crate) ret: Type,
    /// `key` is a loop header the callee stands at, not its start: the call runs the rest of
    /// an activation a trace stopped inlining there (`driver::run_from_loop`).
    pub(crate) at_loop: bool,
}

/// The number of `target` in the Vm's table (added if new, with an empty direct entry).
pub(crate) fn target_number<L: Language>(vm: &mut VmState<L>, target: Target<L::Key>) -> usize {
    match vm.portals.iter().position(|t| *t == target) {
        Some(k) => k,
        None => {
            vm.portals.push(target);
            vm.portal_direct.push(Box::new(Cell::new(0)));
            vm.portals.len() - 1
        }
    }
}

/// The number of native `n` in the Vm's table (added if new): compiled code names natives by
/// number.
pub(crate) fn native_number<L: Language>(vm: &mut VmState<L>, n: &'static Native<L>) -> usize {
    match vm.natives.iter().position(|&m| std::ptr::eq(m, n)) {
        Some(k) => k,
        None => {
            vm.natives.push(n);
            vm.natives.len() - 1
        }
    }
}

/// Every reference in the live records of compiled code suspended in calls, and the words of
/// the frame buffers the records name (not all references: the heap ignores roots that are
/// not its objects, see `Heap::collect`).
pub(crate) fn live_records(ctx: &PortalCtx, out: &mut Vec<usize>) {
    use metatrace_jit::backend::LIVE_HEADER;
    let mut rec = ctx.live.get() as *const u64;
    while !rec.is_null() {
        // SAFETY: compiled code pushes records `[previous, n, frame, held, site, words,
        // refs...]` (`LIVE_HEADER` words before the references) in its
        // own stack frame and pops them before that frame ends, so every record on the chain
        // is alive and links to the next (or to 0). `frame` is the buffer the suspended code
        // runs on, which outlives the run (the driver's pool, or a caller's stack slot) and
        // holds at least `held` words.
        unsafe {
            let (n, frame, held) = (*rec.add(1) as usize, *rec.add(2) as *const u64, *rec.add(3) as usize);
            out.extend(std::slice::from_raw_parts(rec.add(LIVE_HEADER), n).iter().map(|&w| w as usize));
            if held > 0 {
                out.extend(std::slice::from_raw_parts(frame, held).iter().map(|&w| w as usize));
            }
            rec = *rec as *const u64;
        }
    }
}

/// A frame the collector must scan: an interpreter frame suspended in a call, or rebuilt
/// after a guard failure and waiting for its callee. Registered only while it can neither
/// move nor change (it is borrowed while its callee runs), so its references are read once:
/// in GC stress mode every call collects, and with thousands of frames suspended, reading
/// each frame's reds afresh at every collection is most of its cost.
///
/// A frame calling a native registers the native's arguments with it (a [`NativeCall`]):
/// they are on the native stack for as long as the call runs, so rooting them costs no
/// more than saying where they are.
pub(crate) struct RootFrame {
    ptr: *const (),
    visit: unsafe fn(*const (), Visit<'_>),
    /// The frame's references, read at the first collection that scans it.
    refs: OnceCell<Box<[usize]>>,
    /// For compiled code suspended in a call to the driver: the live record that ends its
    /// run's records (see [`RootFrame::compiled`]); `None` for an interpreted frame.
    stop: Option<u64>,
}

/// What a [`RootFrame`]'s visitor is asked for: the frame's references (for the collector),
/// or its key and plain reds (for [`Concrete::caller_frames`](crate::Concrete::caller_frames)).
/// One function answers both, so registering a frame costs no more than before.
pub(crate) enum Visit<'a> {
    Refs(&'a mut Vec<usize>),
    /// Points to a `&mut dyn FnMut(L::Key, &[Red<Plain>])` of the Vm's language `L`.
    Frame(*mut ()),
}

/// The callback type behind [`Visit::Frame`].
pub(crate) type FrameVisitor<'a, L> = &'a mut dyn FnMut(<L as Language>::Key, &[Red<Plain>]);

/// A frame calling a native with `args` (see [`RootFrame::calling`]).
pub(crate) struct NativeCall<'c, L: Language, R: Reds> {
    pub(crate) frame: &'c L::Frame<R>,
    pub(crate) args: &'c [Red<R>],
}

/// Answers `v` for the frame `f`.
///
/// # Safety
/// In `Visit::Frame(p)`, `p` points to a live `FrameVisitor<'_, L>`.
unsafe fn visit_one<'v, L: Language, R: Reds>(f: &L::Frame<R>, v: Visit<'v>) -> Option<&'v mut Vec<usize>> {
    match v {
        Visit::Refs(out) => {
            let mut reds = Vec::new();
            L::reds(f, &mut reds);
            refs_of::<R>(&reds, out);
            Some(out)
        }
        Visit::Frame(p) => {
            let mut reds = Vec::new();
            L::reds(f, &mut reds);
            let plain: Vec<Red<Plain>> = reds.into_iter().map(R::plain).collect();
            // SAFETY: forwarded from the caller.
            let each = unsafe { &mut *(p as *mut FrameVisitor<'_, L>) };
            each(L::key(f), &plain);
            None
        }
    }
}

/// Answers `v` for a frame of type `L::Frame<R>` behind `p`.
///
/// # Safety
/// `p` points to a live `L::Frame<R>`; see `visit_one` for `v`.
unsafe fn visit_frame<L: Language, R: Reds>(p: *const (), v: Visit<'_>) {
    // SAFETY: forwarded from the caller.
    let f = unsafe { &*(p as *const L::Frame<R>) };
    // SAFETY: forwarded from the caller.
    let _ = unsafe { visit_one::<L, R>(f, v) };
}

/// Answers `v` for the frame of a [`NativeCall`] behind `p` (and lists the arguments too
/// when asked for references).
///
/// # Safety
/// `p` points to a live `NativeCall<L, R>`; see `visit_one` for `v`.
unsafe fn visit_call<L: Language, R: Reds>(p: *const (), v: Visit<'_>) {
    // SAFETY: forwarded from the caller.
    let call = unsafe { &*(p as *const NativeCall<'_, L, R>) };
    // SAFETY: forwarded from the caller.
    if let Some(out) = unsafe { visit_one::<L, R>(call.frame, v) } {
        refs_of::<R>(call.args, out);
    }
}

/// The visitor of [`RootFrame::compiled`] entries, which `Concrete::caller_frames` describes
/// itself.
unsafe fn visit_nothing(_: *const (), _: Visit<'_>) {}

fn refs_of<R: Reds>(reds: &[Red<R>], out: &mut Vec<usize>) {
    for r in reds {
        if let Red::Ref(x) = *r {
            out.push(R::address(x));
        }
    }
}

impl RootFrame {
    /// A root entry for `f`; the caller removes it before `f` moves, changes or dies.
    #[inline(always)]
    pub(crate) fn of<L: Language, R: Reds>(f: &L::Frame<R>) -> RootFrame {
        RootFrame {
            ptr: f as *const L::Frame<R> as *const (),
            visit: visit_frame::<L, R>,
            refs: OnceCell::new(),
            stop: None,
        }
    }
    /// A root entry for a frame calling a native, and the native's arguments; the caller
    /// removes it before `call`, its frame or its arguments move, change or die.
    #[inline(always)]
    pub(crate) fn calling<L: Language, R: Reds>(call: &NativeCall<'_, L, R>) -> RootFrame {
        RootFrame {
            ptr: call as *const NativeCall<'_, L, R> as *const (),
            visit: visit_call::<L, R>,
            refs: OnceCell::new(),
            stop: None,
        }
    }
    /// An entry for compiled code suspended in a call to the driver whose live record is
    /// `record` (the chain's head): the frames of that record's call site and of the records
    /// below it down to `stop` (exclusive: the record of the previous such entry, or 0), which
    /// are compiled code that called each other directly. Its references are the records'
    /// (the collector scans the chain), so it lists none itself.
    pub(crate) fn compiled(record: u64, stop: u64) -> RootFrame {
        RootFrame {
            ptr: record as *const (),
            visit: visit_nothing,
            refs: OnceCell::from(Box::default()),
            stop: Some(stop),
        }
    }
    /// For an entry made by [`RootFrame::compiled`]: its record and stop.
    pub(crate) fn compiled_records(&self) -> Option<(u64, u64)> {
        self.stop.map(|stop| (self.ptr as u64, stop))
    }
    pub(crate) fn visit(&self, out: &mut Vec<usize>) {
        let refs = self.refs.get_or_init(|| {
            let mut refs = Vec::new();
            // SAFETY: entries are removed before what they point to moves, changes or dies
            // (see `of` and `calling`).
            unsafe { (self.visit)(self.ptr, Visit::Refs(&mut refs)) };
            refs.into_boxed_slice()
        });
        out.extend_from_slice(refs);
    }
    /// Gives the frame's key and reds to `each`.
    ///
    /// # Safety
    /// `self` is an entry of the shadow stack of a Vm running language `L`.
    pub(crate) unsafe fn describe<L: Language>(&self, mut each: FrameVisitor<'_, L>) {
        let p = &mut each as *mut FrameVisitor<'_, L> as *mut ();
        // SAFETY: the entry is live (see `visit`), its frame is of language `L` (the caller's
        // promise), and `p` points to a `FrameVisitor<L>` for the duration of the call.
        unsafe { (self.visit)(self.ptr, Visit::Frame(p)) };
    }
}

/// A safepoint: collects the heap with every root of the Vm: the frame `f` at its
/// instruction boundary, suspended frames, explicit roots, and compiled and recording
/// traces' constants.
pub(crate) fn safepoint<L: Language, R: Reds>(vm: &mut VmState<L>, f: &L::Frame<R>) {
    let mut roots = Vec::new();
    RootFrame::of::<L, R>(f).visit(&mut roots);
    collect(vm, roots);
}

/// Collects the heap with `roots` and the Vm's own roots (see [`safepoint`]).
pub(crate) fn collect<L: Language>(vm: &mut VmState<L>, mut roots: Vec<usize>) {
    for s in &vm.shadow {
        s.visit(&mut roots);
    }
    roots.extend_from_slice(&vm.roots);
    live_records(&vm.portal, &mut roots);
    roots.push(vm.raise_slot.get() as usize);
    if let Some(v) = vm.forced.take() {
        // A forced call's result, parked for its caller.
        vm.forced = Some(L::map_value(v, &mut CollectRefs(&mut roots)));
    }
    for u in vm.units.iter().flatten() {
        roots.extend_from_slice(&u.consts);
    }
    if let Some(rec) = &mut vm.recorder {
        // Operations are only appended; the last one may still get its snapshot, so it is
        // read at every collection.
        let done = rec.trace.ops.len().saturating_sub(1).max(rec.refs_scanned);
        for op in &rec.trace.ops[rec.refs_scanned..done] {
            for o in op.args.iter().chain(op.snapshot.iter().flat_map(|s| s.uses())) {
                if let Operand::Ref(a) = o {
                    if rec.refs_seen.insert(*a as usize) {
                        rec.refs.push(*a as usize);
                    }
                }
            }
        }
        rec.refs_scanned = done;
        roots.extend_from_slice(&rec.refs);
        for op in &rec.trace.ops[done..] {
            for o in op.args.iter().chain(op.snapshot.iter().flat_map(|s| s.uses())) {
                if let Operand::Ref(a) = o {
                    roots.push(*a as usize);
                }
            }
        }
    }
    vm.heap.collect(&roots);
}

/// The identity on plain values that lists the references it sees.
struct CollectRefs<'r>(&'r mut Vec<usize>);
impl RedMap<Plain, Plain> for CollectRefs<'_> {
    fn int(&mut self, v: i64) -> i64 {
        v
    }
    fn float(&mut self, v: f64) -> f64 {
        v
    }
    fn reference(&mut self, v: usize) -> usize {
        self.0.push(v);
        v
    }
}

/// Gives up the trace being recorded (if any).
pub(crate) fn abort<L: Language>(vm: &mut VmState<L>, why: AbortReason) {
    let Some(rec) = vm.recorder.take() else { return };
    vm.stats.record_cpu_ns += crate::stats::thread_cpu_ns().saturating_sub(rec.born_cpu);
    if rec.tentative {
        // An early try at if-conversion leaves nothing behind: its guard goes on counting
        // failures towards its bridge threshold (see `merge::tries_early`).
        if vm.params.log {
            eprintln!("# early try at if-conversion dropped: {why:?} after {} ops", rec.trace.ops.len());
        }
        return;
    }
    vm.stats.count_abort(why);
    if vm.params.log {
        let at = rec.position().map_or_else(|| "?".to_string(), |k| k.to_string());
        let kind = match rec.kind {
            TraceKind::Loop(k) => format!("loop at {k}"),
            TraceKind::Entry(k) => format!("entry at {k}"),
            TraceKind::Bridge { parent, exit } => format!("bridge at guard {exit} of trace {parent}"),
        };
        eprintln!("# trace aborted: {why:?} after {} ops ({kind}, recording at {at})", rec.trace.ops.len());
        // The last operations recorded, for the reason's context.
        let text = rec.trace.to_string();
        let lines: Vec<&str> = text.lines().collect();
        for l in &lines[lines.len().saturating_sub(8)..] {
            eprintln!("#   {l}");
        }
    }
    let max = vm.params.max_aborts;
    let retry = why == AbortReason::TooLong && L::COMPILED_CALLS;
    if let Some(callee) = call_instead(vm, &rec).filter(|_| why == AbortReason::TooLong) {
        // Too long with calls inlined: the next try calls the biggest callee instead (through
        // `call_assembler`), and this one does not count towards blacklisting.
        if vm.params.log {
            eprintln!("# {callee} is no longer inlined");
        }
        vm.dont_inline.insert(callee);
        vm.stats.dont_inline += 1;
        match rec.kind {
            TraceKind::Loop(key) | TraceKind::Entry(key) => {
                let cells = if matches!(rec.kind, TraceKind::Loop(_)) { &mut vm.cells } else { &mut vm.entry_cells };
                if let Some(c) = cells.get_mut(&key) {
                    c.counter = 0;
                }
            }
            TraceKind::Bridge { parent, exit } => {
                if let Some(Some(u)) = vm.units.get_mut(parent) {
                    u.exits[exit].fails = 0;
                }
            }
        }
        return;
    }
    // Too long with nothing left to call instead, and no loop unrolled that might be compiled
    // by the next try: its own path is past the limit, and so would be every try (each
    // recording as many operations as the limit allows, with a snapshot per guard): given up
    // at once.
    let hopeless = retry && !rec.unrolled;
    match rec.kind {
        TraceKind::Loop(key) | TraceKind::Entry(key) => {
            let cells = if matches!(rec.kind, TraceKind::Loop(_)) { &mut vm.cells } else { &mut vm.entry_cells };
            if let Some(c) = cells.get_mut(&key) {
                c.aborts = if hopeless { c.aborts.max(max) } else { c.aborts + 1 };
                c.counter = 0;
                if c.aborts >= max {
                    c.state = CellState::Blacklisted;
                }
            }
        }
        TraceKind::Bridge { parent, exit } => {
            if let Some(Some(u)) = vm.units.get_mut(parent) {
                let e = &mut u.exits[exit];
                e.bridge_aborts = if hopeless { e.bridge_aborts.max(max) } else { e.bridge_aborts + 1 };
                e.fails = 0;
            }
        }
    }
}

/// The callee a trace too long to compile should call rather than inline on its next try
/// (through `call_assembler`): the one it spent the most operations in, unless that one is
/// called already (or the language cannot call compiled code).
pub(crate) fn call_instead<L: Language>(vm: &VmState<L>, rec: &Recorder<L>) -> Option<L::Key> {
    rec.biggest_inlined().filter(|k| L::COMPILED_CALLS && !vm.dont_inline.contains(k))
}

/// What reference constant `a` of a trace is, for the trace log: a class traces guard on, a
/// live heap object (as the language describes it, else by its layout's name), or a word of
/// the `Vm` the toolchain's own operations use (`own`: the trace's invalidation flag).
pub(crate) fn const_name<L: Language>(vm: &VmState<L>, own: u64, a: u64) -> Option<String> {
    if let Some(n) = vm.class_names.get(&a) {
        return Some(format!("class {n}"));
    }
    let is = |p: *const u64| p as u64 == a;
    if let Some(name) = vm_word_name(vm, own, a, is) {
        return Some(name);
    }
    vm.heap.object_size(a as usize)?;
    // SAFETY: `a` is a live object of the heap: word 0 is its class, its layout's address.
    let layout = unsafe { &*(*(a as *const usize) as *const Layout) };
    Some(L::describe_const(a as usize).unwrap_or_else(|| format!("{} object", layout.name)))
}

/// The name of `a` if it is one of the `Vm`'s own words (see `const_name`); `is` compares
/// addresses.
fn vm_word_name<L: Language>(vm: &VmState<L>, own: u64, a: u64, is: impl Fn(*const u64) -> bool) -> Option<String> {
    let name = if is(vm.heap.requested_addr() as *const u64) {
        "the heap's collection request".to_string()
    } else if is(vm.raise_slot.as_ptr()) {
        "the raise slot".to_string()
    } else if is(vm.portal.forced.as_ptr()) {
        "the forced flag".to_string()
    } else if is(&*vm.portal as *const _ as *const u64) {
        "the Vm's call context".to_string()
    } else if is(vm.heap.fast_addr() as *const u64) {
        "the heap's free lists".to_string()
    } else if is(&*vm.heap as *const _ as *const u64) {
        "the heap".to_string()
    } else if is(std::rc::Rc::as_ptr(&vm.quasi) as *const u64) {
        "the quasi-immutable table".to_string()
    } else if is(vm.stack.helper().1 as *const u64) {
        "the stack limit".to_string()
    } else if a == own {
        "this trace's invalidation flag".to_string()
    } else if let Some(t) = vm.portal_direct.iter().position(|c| is(c.as_ptr())) {
        format!("the slot of the compiled entry of {}", vm.portals[t].key)
    } else if let Some(u) = vm.units.iter().position(|u| u.as_ref().is_some_and(|u| is(u.invalid.as_ptr()))) {
        format!("the invalidation flag of trace {u}")
    } else {
        return None;
    };
    Some(name)
}
