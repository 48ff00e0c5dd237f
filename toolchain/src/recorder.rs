//! The trace being recorded: the [`Recorder`] a `Vm` holds while the tracer records, with
//! what the tracer needs to know about where recording stands (inlined callers, snapshots,
//! the limit) and the reference constants the collector must keep alive meanwhile. The tracer
//! writes it; the driver starts it, closes it or gives it up.

use crate::ctx::Language;
use crate::quasi::InvalidFlag;
use crate::units::UnitId;
use metatrace_jit::ir::{KeyId, Operand, Slots, SnapFrame, Snapshot, Trace, Value};
use std::collections::HashMap;

/// What a trace being recorded will become.
#[derive(Clone, Copy, Debug)]
pub(crate) enum TraceKind<K> {
    /// A loop starting at this key.
    Loop(K),
    /// A function entry: from the start of an activation at this key to its return (or to
    /// a loop header, where it continues in the loop).
    Entry(K),
    /// A bridge from a guard of a compiled trace.
    Bridge { parent: UnitId, exit: usize },
}

/// The snapshot words a trace may record per operation of its length limit (so 192K words at
/// the default limit of 6,000) before it is too long, as if it had reached the limit: the
/// biggest inlined callee is called instead, or the trace is compiled up to there as a segment
/// (`driver::segment`). Each guard's snapshot holds every frame it would rebuild, so a trace
/// through a wide frame (a function assigning a thousand locals, or a call between two such
/// frames) takes a thousand words or more per guard. The recording shares unchanged chunks of
/// frames between guards (see `Slots`) and so do the exits' resume data (`Chunked`,
/// `FrameSlots`); what the bound still limits is each compile's transient memory and the
/// backend's work, which grow with the words its exits write and describe. Wide calls 1000's
/// callee (1,000 guards of 1,000 words) compiles in 10 segments: 60 ms in all, 18 MB peak for
/// the whole run (9 MB interpreted); at 128 words per operation, in 2 segments, 22 MB; as one
/// trace, 31 MB. Ordinary frames rarely reach it (a 6,000-operation trace would need snapshots
/// of 96 words at every third operation): mtpy's benchmarks and test programs trace the same
/// at 32 and at 128, but for a few retries at threshold 1, bridge 1.
pub(crate) const SNAPSHOT_WORDS_PER_OP: usize = 32;

/// The trace being recorded and what the tracer needs to know while recording it.
pub(crate) struct Recorder<L: Language> {
    pub(crate) gen: u64,
    pub(crate) kind: TraceKind<L::Key>,
    pub(crate) trace: Trace,
    /// The green keys snapshots refer to, indexed like `trace.keys`.
    pub(crate) keys: Vec<L::Key>,
    pub(crate) key_ids: HashMap<L::Key, KeyId>,
    /// The callers of the frame being traced, outermost first, as they will be resumed
    /// (changed through [`Recorder::push_frame`] and [`Recorder::pop_frame`] only).
    pub(crate) frames: Vec<SnapFrame>,
    /// The entry keys of the inlined activations, outermost first (to detect recursion); for
    /// a function entry (or its bridge), the function's own key first.
    pub(crate) entries: Vec<L::Key>,
    /// The state at the last instruction boundary, once something needed it: read it after
    /// [`Recorder::settle`] (as [`Recorder::snap`] does), which makes it from `boundary`.
    pub(crate) snap: Snapshot,
    /// The key of the innermost frame at the last instruction boundary, while nothing has
    /// needed the boundary's snapshot yet. Every instruction passes a boundary, and most record
    /// no guard: a wide frame's snapshot (its slots compared with the last one's, chunk by
    /// chunk) is only made for those that do, or that enter or leave an inlined call (see
    /// [`Recorder::settle`]); the others cost a copy of the frame's operands.
    pub(crate) boundary: Option<KeyId>,
    /// The operands of that frame's reds (kept between boundaries for the allocation).
    pub(crate) boundary_values: Vec<Operand>,
    /// Frames by depth that a boundary's frame with none at its depth in `snap` shares the
    /// chunks it has alike with (see `Slots`): those of the first snapshot of the trace
    /// compiled last (`VmState::last_frames`; in a storm of bridges from one loop, recordings
    /// start from frames their inputs number alike). Memory only: sharing compares contents.
    pub(crate) like: Vec<metatrace_jit::ir::Slots>,
    /// A side effect was recorded since the last instruction boundary.
    pub(crate) effect: bool,
    /// Objects allocated since the last instruction boundary (or call): storing into them is
    /// not a side effect.
    pub(crate) fresh: Vec<Value>,
    /// Instruction boundaries passed so far (merge points, in every activation the trace
    /// records).
    pub(crate) boundaries: u32,
    /// The last guard recorded with the state of an instruction boundary past the trace's
    /// first, where a trace too long to compile in one piece may be cut (see
    /// `driver::segment`): its snapshot is also the state right after it (a guard made with
    /// the current state follows no side effect since the boundary it resumes at), and
    /// resuming there makes progress. (A guard after a call, in the call's instruction,
    /// qualifies: its snapshot delivers the call's outcome, and the instruction's rest runs
    /// again. The null tests that tell a return from a raise do not: their snapshots are
    /// states only when they fail, and they are not recorded through `Tracer::guard`.)
    pub(crate) cut: Option<usize>,
    pub(crate) invalid: InvalidFlag,
    pub(crate) quasi_guarded: bool,
    /// A bridge recorded as an early try at if-conversion: thrown away unless it merges into
    /// its loop (see `merge::tries_early`).
    pub(crate) tentative: bool,
    /// The recording thread's CPU time when it started (`stats::thread_cpu_ns`).
    pub(crate) born_cpu: u64,
    pub(crate) limit: usize,
    /// Words of the guards' snapshots recorded so far (frames' values), and how many the trace
    /// may hold: [`SNAPSHOT_WORDS_PER_OP`] times `limit`.
    pub(crate) snap_words: usize,
    pub(crate) snap_limit: usize,
    /// A function entry or a bridge of one: the trace may end by returning a result.
    pub(crate) may_return: bool,
    /// The distinct reference constants of `trace.ops[..refs_scanned]`: roots while
    /// recording, gathered once rather than at every collection.
    pub(crate) refs: Vec<usize>,
    pub(crate) refs_seen: rustc_hash::FxHashSet<usize>,
    pub(crate) refs_scanned: usize,
    /// The trace went on past a loop header of its own activation other than its loop's: it
    /// unrolled a loop not compiled yet (once that loop is, a new try finishes there).
    pub(crate) unrolled: bool,
    /// The calls being inlined, outermost first: callee and the trace length at the call.
    pub(crate) inline_starts: Vec<(L::Key, usize)>,
    /// Operations recorded inside each callee inlined at the trace's own level, in all.
    pub(crate) inline_ops: HashMap<L::Key, usize>,
    /// A bridge from a `guard_not_forced`: the type of the parked result it takes as its last
    /// input (see `links::enter_bridge`).
    pub(crate) forced_input: Option<crate::descr::Type>,
    /// The innermost inlined activation left at a loop header: its caller calls the rest of it
    /// instead of inlining the loop (see `Tracer::loop_header`).
    pub(crate) call_rest: bool,
    /// Backward jumps taken so far by the activation at each depth of inlining (index: depth).
    pub(crate) back_edges: Vec<u32>,
}

impl<L: Language> Recorder<L> {
    /// Makes this bridge's recording an early try at if-conversion (see
    /// `merge::tries_early`): it stops as soon as it is too long to merge (if-conversion
    /// counts every operation of the recording, a nested bridge's rebuilt inputs too).
    pub(crate) fn try_early(&mut self) {
        self.tentative = true;
        self.limit = self.limit.min(metatrace_jit::opt::ifconv::MAX_BRIDGE_OPS + 1);
    }

    /// A recorder for a trace of `kind`; `entry`: the function whose activation the trace
    /// starts in, for function entries and their bridges (they may return from it).
    pub(crate) fn new(gen: u64, kind: TraceKind<L::Key>, limit: u32, entry: Option<L::Key>) -> Self {
        Recorder {
            gen,
            kind,
            trace: Trace::new(),
            keys: Vec::new(),
            key_ids: HashMap::new(),
            frames: Vec::new(),
            // The function the trace starts in counts as entered: calling it again is recursion.
            entries: entry.into_iter().collect(),
            snap: Snapshot::default(),
            boundary: None,
            boundary_values: Vec::new(),
            like: Vec::new(),
            effect: false,
            fresh: Vec::new(),
            boundaries: 0,
            cut: None,
            invalid: Default::default(),
            quasi_guarded: false,
            tentative: false,
            born_cpu: crate::stats::thread_cpu_ns(),
            limit: limit as usize,
            snap_words: 0,
            snap_limit: (limit as usize).saturating_mul(SNAPSHOT_WORDS_PER_OP),
            may_return: entry.is_some(),
            refs: Vec::new(),
            refs_seen: Default::default(),
            refs_scanned: 0,
            unrolled: false,
            inline_starts: Vec::new(),
            inline_ops: HashMap::new(),
            forced_input: None,
            call_rest: false,
            back_edges: Vec::new(),
        }
    }

    /// Where the recording stands: the innermost frame of the current snapshot (for logs).
    pub(crate) fn position(&self) -> Option<L::Key> {
        let key = self.boundary.or_else(|| self.snap.frames.last().map(|f| f.key))?;
        self.keys.get(key.0 as usize).copied()
    }

    /// The state at the last instruction boundary (or the one a call's outcome set since).
    pub(crate) fn snap(&mut self) -> &Snapshot {
        self.settle();
        &self.snap
    }

    /// Makes the snapshot of the last instruction boundary, if it is still pending: its
    /// innermost frame shares the chunks it has alike with the frame at its depth in the
    /// snapshot before (see `Slots`: between two boundaries of a wide frame, most slots stay
    /// the same), or at the first boundary, with `like`'s. Whatever changes the callers
    /// (`frames`) settles first, so the pending frame's callers are still those of its
    /// boundary.
    pub(crate) fn settle(&mut self) {
        let Some(key) = self.boundary.take() else { return };
        let depth = self.frames.len();
        let like = self.snap.frames.get(depth).map(|fr| &fr.values).or_else(|| self.like.get(depth));
        let cur = SnapFrame { key, values: Slots::sharing(&self.boundary_values, like) };
        let mut frames = Vec::with_capacity(depth + 1);
        frames.extend_from_slice(&self.frames);
        frames.push(cur);
        self.snap = Snapshot { frames, ..Snapshot::default() };
    }

    /// Enters an inlined call: `caller` (its frame as the call leaves it) is resumed after it.
    pub(crate) fn push_frame(&mut self, caller: SnapFrame) {
        self.settle();
        self.frames.push(caller);
    }

    pub(crate) fn key_id(&mut self, k: L::Key) -> KeyId {
        if let Some(&id) = self.key_ids.get(&k) {
            return id;
        }
        let name: String =
            k.to_string().chars().map(|c| if matches!(c, ':' | ';' | ']' | '[') { '.' } else { c }).collect();
        self.trace.keys.push(name);
        self.keys.push(k);
        let id = KeyId(self.keys.len() as u32 - 1);
        self.key_ids.insert(k, id);
        id
    }
}

impl<L: Language> Recorder<L> {
    /// The name green key `k` has in the trace text (without the characters the format uses).
    pub(crate) fn key_name(&mut self, k: L::Key) -> String {
        let id = self.key_id(k);
        self.trace.keys[id.0 as usize].clone()
    }
    /// Leaves an inlined call: its caller is the frame being traced again.
    pub(crate) fn pop_frame(&mut self) {
        self.settle();
        self.frames.pop();
        self.back_edges.truncate(self.frames.len() + 1);
    }

    /// The traced frame returned to its innermost caller, which resumes mid-instruction.
    pub(crate) fn pop_caller(&mut self) {
        self.pop_frame();
        self.effect = true;
    }
    /// The function a function entry (or its bridge) starts in.
    pub(crate) fn entries_root(&self) -> Option<L::Key> {
        if self.may_return {
            self.entries.first().copied()
        } else {
            None
        }
    }
    /// Whether the recorder passed an instruction boundary yet.
    pub(crate) fn started(&self) -> bool {
        self.boundaries > 0
    }
    /// Depth of inlined calls.
    pub(crate) fn depth(&self) -> usize {
        self.frames.len()
    }
    /// The callee inlined at the trace's own level that took the most operations so far
    /// (the one being inlined counted up to now), if any.
    pub(crate) fn biggest_inlined(&self) -> Option<L::Key> {
        let mut ops = self.inline_ops.clone();
        if let Some(&(k, start)) = self.inline_starts.first() {
            *ops.entry(k).or_default() += self.trace.ops.len() - start;
        }
        ops.into_iter().max_by_key(|&(_, n)| n).map(|(k, _)| k)
    }
}
