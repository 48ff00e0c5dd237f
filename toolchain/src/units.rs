//! The tables of compiled code: per-key hot counters ([`JitCell`]), compiled loops, function
//! entries and bridges ([`Unit`]) with their guards' exits and how to resume from them
//! ([`Resume`]), and the public [`TraceRecord`]. Plain data that the tracer, the driver and
//! the portal share; the driver fills them in.

use crate::ctx::Language;
use crate::descr::Type;
use crate::quasi::InvalidFlag;
use metatrace_jit::backend::CompiledTrace;
use metatrace_jit::ir::Chunked;
use std::cell::Cell;
use std::rc::Rc;

/// Index of a compiled trace in `VmState::units`.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    /// A value of this type, written by the exit.
    Word(Type),
    /// A placeholder for virtual object `k` of the snapshot, built by the driver.
    Virtual(u32),
    /// A constant of this type: word `k` of [`SlotConsts::words`]. The exit leaves its
    /// word unwritten (see `metatrace_jit::backend::exits`): the driver fills it in
    /// (`resume::materialize`), and a bridge takes the constant, not the word.
    Const(Type, u32),
}

impl Slot {
    /// The type of the word the frame gets (a built virtual object is a reference).
    pub(crate) fn ty(self) -> Type {
        match self {
            Slot::Word(t) | Slot::Const(t, _) => t,
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
    /// Its descriptors as the trace had them: a bridge from an exit with this object starts by
    /// recording its allocation (see `driver::bridge_inputs`).
    pub(crate) descrs: Rc<VirtualDescrs>,
}

/// The descriptors of one virtual object of a guard's snapshot, as its trace had them: its size
/// descr and, per written field in snapshot order, the field's descr and (for array items) the
/// constant index.
#[derive(PartialEq)]
pub(crate) struct VirtualDescrs {
    pub(crate) size: metatrace_jit::ir::Descr,
    pub(crate) len: Option<u32>,
    pub(crate) fields: Vec<(metatrace_jit::ir::Descr, u32)>,
}

// (Descrs hold no floats, so their equality is an equivalence.)
impl Eq for VirtualDescrs {}

impl std::hash::Hash for VirtualDescrs {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        // The names and indices: equal descriptors have equal names.
        self.size.name.hash(h);
        self.len.hash(h);
        for (d, index) in &self.fields {
            (&d.name, index).hash(h);
        }
    }
}

// Equal when built alike from descriptors kept once (see `VirtualKinds`): the descriptors
// compare by address.
impl PartialEq for VirtualInfo {
    fn eq(&self, o: &Self) -> bool {
        (self.layout, self.len, &self.fields) == (o.layout, o.len, &o.fields) && Rc::ptr_eq(&self.descrs, &o.descrs)
    }
}

impl Eq for VirtualInfo {}

impl std::hash::Hash for VirtualInfo {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.layout, self.len, &self.fields, Rc::as_ptr(&self.descrs)).hash(h);
    }
}

/// What the exits know of their snapshots' virtual objects, each kept once per `Vm`: the
/// descriptors and the resume data of each kind of object. A boxed number whose field the
/// exit writes has the same resume data in every snapshot of every trace, so the exits of a
/// wide frame, whose snapshots hold a box per local, hold references to one description
/// instead of one description per box and trace.
///
/// Two caches in front, for the trace whose exits are being made (from
/// [`VirtualKinds::start_trace`] to [`VirtualKinds::end_trace`]): the descriptors by the trace's
/// size descr, length and written fields, and the resume data by the description a snapshot
/// shares with others (`Snapshot::virtuals`: a box that does not change is one description for
/// all the guards that see it, so it is looked at once, not once per exit).
#[derive(Default)]
pub(crate) struct VirtualKinds {
    pub(crate) descrs: rustc_hash::FxHashSet<Rc<VirtualDescrs>>,
    pub(crate) infos: rustc_hash::FxHashSet<Rc<VirtualInfo>>,
    /// How many entries the sets held after they were last pruned (see [`VirtualKinds::prune`]).
    pruned_at: usize,
    pub(crate) by_shape: rustc_hash::FxHashMap<(u32, Option<u32>, Vec<(u32, u32)>), Rc<VirtualDescrs>>,
    // (Keyed by address: the trace holds every description, unchanged, while its exits are
    // made; `end_trace` empties this before the trace goes.)
    pub(crate) by_obj: rustc_hash::FxHashMap<*const metatrace_jit::ir::VirtualObj, Rc<VirtualInfo>>,
}

impl VirtualKinds {
    /// Prunes the sets if they have doubled since they were last pruned, before a trace's
    /// exits are made.
    pub(crate) fn start_trace(&mut self) {
        self.end_trace();
        if self.descrs.len() + self.infos.len() > 2 * self.pruned_at.max(64) {
            self.prune();
        }
    }

    /// Forgets the caches of the trace whose exits were made (their keys are its descrs and
    /// addresses).
    pub(crate) fn end_trace(&mut self) {
        self.by_shape.clear();
        self.by_obj.clear();
    }

    /// Drops the descriptions no exit holds any more (of traces that were freed): what the sets
    /// hold stays proportional to what the live exits use.
    fn prune(&mut self) {
        self.infos.retain(|i| Rc::strong_count(i) > 1);
        self.descrs.retain(|d| Rc::strong_count(d) > 1);
        self.pruned_at = self.descrs.len() + self.infos.len();
    }

    /// The one description equal to `d` (`d` itself if it is the first).
    pub(crate) fn intern<T: Eq + std::hash::Hash>(set: &mut rustc_hash::FxHashSet<Rc<T>>, d: T) -> Rc<T> {
        match set.get(&d) {
            Some(d) => d.clone(),
            None => {
                let d = Rc::new(d);
                set.insert(d.clone());
                d
            }
        }
    }
}

/// How to resume at a loop header from the `finish` of a trace (see `Unit::finish`): made
/// once per header and argument types for all the traces that finish there alike (a frame's
/// width of slots each), and dropped once no unit holds it (pruned when the table doubles).
pub(crate) struct FinishResumes<K> {
    by_frame: rustc_hash::FxHashMap<(K, Vec<Type>), Rc<Resume<K>>>,
    pruned_at: usize,
}

impl<K> Default for FinishResumes<K> {
    fn default() -> Self {
        FinishResumes { by_frame: Default::default(), pruned_at: 0 }
    }
}

impl<K: Copy + Eq + std::hash::Hash> FinishResumes<K> {
    /// The resume data of a frame at `key` with slots of `types`, written by the exit.
    pub(crate) fn get(&mut self, key: K, types: Vec<Type>) -> Rc<Resume<K>> {
        if self.by_frame.len() > 2 * self.pruned_at.max(16) {
            self.by_frame.retain(|_, r| Rc::strong_count(r) > 1);
            self.pruned_at = self.by_frame.len();
        }
        let resume = self.by_frame.entry((key, types)).or_insert_with_key(|(k, types)| {
            let slots = FrameSlots::dense(types.iter().map(|&t| Slot::Word(t)).collect());
            Rc::new(Resume::new(vec![(*k, slots)], vec![], None, None))
        });
        resume.clone()
    }
}

/// The slots of one frame of a guard's exit. Exits share one pattern per frame width (see
/// [`SlotPatterns`]: renewed when a frame differs from it much) and each keeps only the positions
/// where it differs, so a wide frame's exits do not hold a slot per local each: resume data
/// grows with what the trace changes, not with frame width times guards. The differences are
/// in chunks shared with the exit before's (a wide callee's next exit differs from the
/// pattern where the one before did, and in the local it assigned since).
#[derive(Clone)]
pub(crate) struct FrameSlots {
    base: Rc<[Slot]>,
    /// (position, slot) where this frame differs from `base`, by increasing position.
    diffs: Chunked<(u32, Slot)>,
}

/// A frame differing from its pattern in more than one slot in this many is kept whole, and is
/// the pattern from then on. A wide callee's exits differ from the first one more with every
/// local it assigns: with a pattern kept until half the slots differed, its exits held a
/// quarter of its width each on average; renewed sooner, they hold less, for the price of a
/// whole frame every few exits (wide calls 200: 6,567 slots held instead of 12,862, and
/// 10,586 instead of 23,251 at threshold 1, bridge 1; the other wide programs the same).
const DENSE_PAST: usize = 8;

impl FrameSlots {
    /// Slots kept as they are (the pattern of their own).
    pub(crate) fn dense(slots: Vec<Slot>) -> Self {
        FrameSlots { base: slots.into(), diffs: Chunked::default() }
    }

    /// `slots` (exactly `base.len()` of them) as their differences from `base`, or as they are
    /// if more than one in [`DENSE_PAST`] differs. The differences share the chunks they have
    /// in common with those of `like` (the frame at the same depth of the exit before).
    pub(crate) fn against(
        base: &Rc<[Slot]>,
        slots: impl Iterator<Item = Slot> + Clone,
        like: Option<&FrameSlots>,
    ) -> Self {
        debug_assert_eq!(slots.clone().count(), base.len());
        // (Internal iteration: a tight loop over both, where `filter` + `collect` stepped
        // the zipped iterators one slot at a time.)
        let mut diffs: Vec<(u32, Slot)> = Vec::new();
        slots.clone().zip(base.iter()).enumerate().for_each(|(i, (s, &b))| {
            if s != b {
                diffs.push((i as u32, s));
            }
        });
        if diffs.len() * DENSE_PAST > base.len() {
            return FrameSlots::dense(slots.collect());
        }
        let like = like.filter(|l| Rc::ptr_eq(&l.base, base)).map(|l| &l.diffs);
        FrameSlots { base: base.clone(), diffs: Chunked::sharing(&diffs, like, |a, b| a == b) }
    }

    /// The pattern this frame's slots are kept against.
    pub(crate) fn base(&self) -> &Rc<[Slot]> {
        &self.base
    }

    pub(crate) fn len(&self) -> usize {
        self.base.len()
    }

    /// How many slots this frame holds of its own: its differences from a shared pattern, or
    /// all of them if it has a pattern of its own (`shared`: `base` is the pattern it was kept
    /// against).
    pub(crate) fn own(&self, shared: &Rc<[Slot]>) -> usize {
        if Rc::ptr_eq(&self.base, shared) {
            self.diffs.len()
        } else {
            self.base.len()
        }
    }

    pub(crate) fn last(&self) -> Option<Slot> {
        let n = self.base.len().checked_sub(1)?;
        match self.diffs.iter().next_back() {
            Some(&(p, s)) if p as usize == n => Some(s),
            _ => Some(self.base[n]),
        }
    }

    /// Replaces `out` with the first `n` slots.
    pub(crate) fn first_into(&self, n: usize, out: &mut Vec<Slot>) {
        out.clear();
        out.extend_from_slice(&self.base[..n]);
        for &(p, s) in self.diffs.iter().take_while(|d| (d.0 as usize) < n) {
            out[p as usize] = s;
        }
    }

    /// Appends `(offset + position, k)` for every slot that is virtual object `k`, by position.
    pub(crate) fn virtuals_into(&self, offset: usize, out: &mut Vec<(u32, u32)>) {
        for (i, s) in self.iter().enumerate() {
            if let Slot::Virtual(k) = s {
                out.push(((offset + i) as u32, k));
            }
        }
    }

    /// The slots in order.
    pub(crate) fn iter(&self) -> SlotIter<'_> {
        self.first(self.base.len())
    }

    /// The first `n` slots in order.
    pub(crate) fn first(&self, n: usize) -> SlotIter<'_> {
        let mut it =
            SlotIter { base: &self.base[..n], pos: 0, next_diff: 0, diff: Slot::Virtual(0), diffs: self.diffs.iter() };
        it.advance();
        it
    }
}

/// The slots of a [`FrameSlots`], in order. (The hot loop of every exit to the interpreter:
/// one bounds check and one comparison with the next difference's position per slot.)
pub(crate) struct SlotIter<'a> {
    base: &'a [Slot],
    pos: usize,
    /// The position of the next difference, or `usize::MAX`, and its slot.
    next_diff: usize,
    diff: Slot,
    diffs: metatrace_jit::ir::ChunkedIter<'a, (u32, Slot)>,
}

impl SlotIter<'_> {
    /// Takes the next difference.
    fn advance(&mut self) {
        (self.next_diff, self.diff) = match self.diffs.next() {
            Some(&(p, s)) => (p as usize, s),
            None => (usize::MAX, self.diff),
        };
    }
}

impl Iterator for SlotIter<'_> {
    type Item = Slot;
    #[inline]
    fn next(&mut self) -> Option<Slot> {
        let s = *self.base.get(self.pos)?;
        let pos = self.pos;
        self.pos += 1;
        if pos != self.next_diff {
            return Some(s);
        }
        let d = self.diff;
        self.advance();
        Some(d)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.base.len() - self.pos;
        (n, Some(n))
    }
}

impl ExactSizeIterator for SlotIter<'_> {}

/// The slot patterns exits share, one per frame width (see [`FrameSlots`]): the first exit's
/// with a frame of that width, or the latest kept whole because many of its slots differed
/// from the pattern then (a wide callee's locals, constants until assigned one by one, drift
/// from the first exit's). (Not per frame key: each guard's frame is at another position,
/// and a frame's width changes only with its value stack; the bridges of a loop share its
/// patterns.) A `Vm` keeps one table for all its traces: a pattern is at most a frame wide.
/// The constants of slots are kept here too, each once, so that a slot stays one small word
/// and equal constants compare equal in patterns.
#[derive(Default)]
pub(crate) struct SlotPatterns {
    pub(crate) shared: Vec<Rc<[Slot]>>,
    /// Slots held so far: the patterns', then each exit's differences from them.
    pub(crate) held: usize,
    pub(crate) consts: SlotConsts,
    /// The slots of the frame being kept (a buffer reused from exit to exit).
    pub(crate) scratch: Vec<Slot>,
}

/// The words of [`Slot::Const`]s, each kept once. (A reference among them is alive while a
/// trace whose snapshot holds it is: traces' constants are roots.)
#[derive(Default)]
pub(crate) struct SlotConsts {
    pub(crate) words: Vec<u64>,
    ids: rustc_hash::FxHashMap<u64, u32>,
    /// The last constant looked up and its index (most constant slots of a wide frame are
    /// one constant: its locals before they are assigned).
    last: Option<(u64, u32)>,
}

impl SlotConsts {
    /// The slot of constant word `w` of type `ty`.
    pub(crate) fn slot(&mut self, ty: Type, w: u64) -> Slot {
        if let Some((lw, k)) = self.last {
            if lw == w {
                return Slot::Const(ty, k);
            }
        }
        let words = &mut self.words;
        let k = *self.ids.entry(w).or_insert_with(|| {
            words.push(w);
            words.len() as u32 - 1
        });
        self.last = Some((w, k));
        Slot::Const(ty, k)
    }
}

/// How to rebuild interpreter frames from a guard's exit: each frame's key and slots,
/// outermost first, then the virtual objects; the frame buffer holds the frames' words in
/// this order, then the virtuals' field words (from `fields_at`).
pub(crate) struct Resume<K> {
    pub(crate) frames: Vec<(K, FrameSlots)>,
    /// In chunks shared with the exit before (see `Chunked`: a wide callee's `k`-th guard has
    /// `k` virtual boxes).
    pub(crate) virtuals: Chunked<Rc<VirtualInfo>>,
    /// The innermost frame waits for a call's outcome: its last slot (see `Snapshot::deliver`).
    pub(crate) deliver: Option<metatrace_jit::ir::Deliver>,
    /// Where the frames' slots (counted across frames, in order) stand for virtual objects:
    /// (position, virtual). Materializing touches these only, not every slot of a wide frame.
    /// (Shared in chunks as `virtuals` are.)
    pub(crate) virtual_slots: Chunked<(u32, u32)>,
    /// Where the virtuals' field words start (after the frames' slots and, if there are
    /// fields, unused words up to `metatrace_jit::ir::fields_at`).
    pub(crate) fields_at: usize,
    /// The words of the exit: the frames' slots, then the virtuals' fields.
    pub(crate) words: usize,
    /// Whether any of them is a constant, which the exit leaves unwritten.
    pub(crate) has_consts: bool,
    /// Whether the outermost frame's slots have the types of a unit's inputs (the unit last
    /// entered before this exit was taken), as far as both go: see `driver::same_types`.
    pub(crate) entry_types: std::cell::Cell<Option<(UnitId, bool)>>,
}

impl<K> Resume<K> {
    /// A resume description; finds the slots that stand for virtuals. Its lists share the
    /// chunks they have in common with `like`'s (the exit before, if any).
    pub(crate) fn new(
        frames: Vec<(K, FrameSlots)>,
        virtuals: Vec<Rc<VirtualInfo>>,
        deliver: Option<metatrace_jit::ir::Deliver>,
        like: Option<&Resume<K>>,
    ) -> Self {
        let mut virtual_slots = Vec::new();
        let mut offset = 0;
        for (_, slots) in &frames {
            slots.virtuals_into(offset, &mut virtual_slots);
            offset += slots.len();
        }
        debug_assert!(
            virtual_slots.iter().copied().eq(frames.iter().flat_map(|(_, s)| s.iter()).enumerate().filter_map(
                |(pos, s)| match s {
                    Slot::Virtual(k) => Some((pos as u32, k)),
                    Slot::Word(_) | Slot::Const(..) => None,
                }
            )),
            "the virtual slots in order"
        );
        let virtual_slots = Chunked::sharing(&virtual_slots, like.map(|r| &r.virtual_slots), |a, b| a == b);
        let field_words = virtuals.iter().map(|v| v.fields.len()).sum::<usize>();
        let fields_at = metatrace_jit::ir::fields_at(frames.iter().map(|(_, s)| s.len()).sum(), field_words);
        let words = fields_at + field_words;
        let is_const = |s: Slot| matches!(s, Slot::Const(..));
        let has_consts = frames.iter().any(|(_, s)| s.iter().any(is_const))
            || virtuals.iter().any(|v| v.fields.iter().any(|f| is_const(f.2)));
        let entry_types = std::cell::Cell::new(None);
        let virtuals = Chunked::sharing(&virtuals, like.map(|r| &r.virtuals), Rc::ptr_eq);
        Resume { frames, virtuals, deliver, virtual_slots, fields_at, words, has_consts, entry_types }
    }
}

impl<K> Resume<K> {
    /// Writes the word of a forced call's parked result after the exit's words in `buf`, where
    /// a bridge from the exit takes it.
    pub(crate) fn put_parked(&self, buf: &mut Vec<u64>, word: u64) {
        if buf.len() <= self.words {
            buf.resize(self.words + 1, 0);
        }
        buf[self.words] = word;
    }
    /// As [`Resume::reds_of`], into `out` (replacing what it held).
    pub(crate) fn reds_into(&self, k: usize, out: &mut Vec<Slot>) {
        let slots = &self.frames[k].1;
        let n = if self.deliver.is_some() && k + 1 == self.frames.len() { slots.len() - 1 } else { slots.len() };
        slots.first_into(n, out);
    }
    /// The slots of frame `k` that are its reds (the innermost frame's delivered outcome left out).
    pub(crate) fn reds_of(&self, k: usize) -> SlotIter<'_> {
        let slots = &self.frames[k].1;
        let n = if self.deliver.is_some() && k + 1 == self.frames.len() { slots.len() - 1 } else { slots.len() };
        slots.first(n)
    }
}

/// One guard of a compiled trace.
pub(crate) struct ExitInfo<K> {
    pub(crate) resume: Rc<Resume<K>>,
    /// A loop's safepoint: leaving through it is not a failure and never gets a bridge.
    pub(crate) safepoint: bool,
    /// A `guard_not_forced`: it fails when the call before it parked its result in the Vm
    /// (`VmState::forced`), which the caller gets (see `links::enter_bridge`).
    pub(crate) forced: bool,
    /// For a forced exit with a bridge: the type of the parked result the bridge takes as one
    /// more input, after the exit's words (it is entered only for a red result of that type).
    pub(crate) takes: Option<Type>,
    /// A segment's `guard_always_fails`: the rest of the trace, grown as a bridge at the first
    /// failure.
    pub(crate) segment: bool,
    pub(crate) fails: u32,
    pub(crate) bridge_aborts: u32,
    /// Its early try at if-conversion was made (see `merge::tries_early`).
    pub(crate) tried_early: bool,
    pub(crate) bridge: Option<UnitId>,
}

/// A compiled loop, function entry or bridge.
pub(crate) struct Unit<L: Language> {
    /// Its machine code (never unmapped while compiled code runs: see `VmState::doomed`).
    pub(crate) code: CompiledTrace,
    /// Its exit slots (one per exit: guards, then `finish`), which the code reads: 0, or the
    /// code of the unit the exit jumps to directly (see `links::link`).
    pub(crate) links: Box<[std::cell::Cell<u64>]>,
    /// Thrown away while compiled code was running: kept (unlinked, never entered again) until
    /// no compiled code runs.
    pub(crate) doomed: std::cell::Cell<bool>,
    pub(crate) exits: Vec<ExitInfo<L::Key>>,
    /// The optimized trace its code was compiled from: what a bridge from one of its guards
    /// inherits is read from it (see `metatrace_jit::opt::inherit`); empty for a trace with
    /// more snapshot words than `driver::INHERIT_WORDS`.
    pub(crate) trace: Rc<metatrace_jit::ir::Trace>,
    /// For traces ending in `finish`: the loop they continue in, and how to resume there in
    /// the interpreter when that loop has no compiled code (one frame of the argument words),
    /// made once rather than at every such exit.
    pub(crate) finish: Option<(L::Key, Rc<Resume<L::Key>>)>,
    /// For a function entry or one of its bridges: the function's entry key (such a trace
    /// may end by returning from the activation).
    pub(crate) entry: Option<L::Key>,
    /// The compiled loop `finish` last continued in (checked before use: units are never
    /// reused, and a thrown-away loop leaves `None` behind).
    pub(crate) finish_unit: std::cell::Cell<Option<UnitId>>,
    /// For a trace whose `finish` enters a loop at its label (see `driver::install`): that
    /// loop, and its invalidation flag (which the trace checks before it leaves).
    pub(crate) label_target: Option<(UnitId, InvalidFlag)>,
    /// For a loop: its entry conditions at the label, which traces finishing into it append
    /// (`None`: they enter at the top).
    pub(crate) short: Option<Rc<metatrace_jit::opt::short::ShortPreamble>>,
    /// For a loop: its recording (before optimization) and the keys of its snapshots, which
    /// if-conversion merges with a bridge's recording (see `merge::if_convert`); `None` past
    /// `driver::INHERIT_WORDS`.
    pub(crate) recorded: Option<Rc<(metatrace_jit::ir::Trace, Vec<L::Key>)>>,
    /// For a loop: how many if-conversions made it (see `merge::if_convert`).
    pub(crate) conversions: u32,
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
    /// For a root: entries from the interpreter in the current window of
    /// `budget::PROFIT_WINDOW` entries, and guard failures of its tree meanwhile (see
    /// `JitParams::unprofitable_percent`).
    pub(crate) profit: Cell<(u32, u32)>,
}

impl JitCell {
    pub(crate) fn new() -> Self {
        JitCell { counter: 0, aborts: 0, state: CellState::Counting }
    }

    /// Counts one more pass; `true` (and the count starts over) once it reaches
    /// `threshold`, doubled for every abort so far (back-off), unless `busy` (a trace is being
    /// recorded: the count goes on, so the key is traced right after).
    pub(crate) fn hot(&mut self, threshold: u32, busy: bool) -> bool {
        self.counter += 1;
        if self.counter < threshold.saturating_mul(1 << self.aborts.min(16)) || busy {
            return false;
        }
        self.counter = 0;
        true
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
