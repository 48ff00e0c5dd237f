//! What the JIT did: compiled traces, aborts by reason, guard failures, compile times.

/// Why a trace was given up. Not an error: the interpreter just goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AbortReason {
    /// The trace grew past the trace limit.
    TooLong,
    /// The activation the trace started in returned before the loop closed.
    LeftFrame,
    /// A guard was needed after a side effect in the same instruction (deopt would repeat it).
    GuardAfterEffect,
    /// The frame at the loop's end does not have the shape (red types) it had at the start.
    ShapeMismatch,
    /// Calls nested deeper than the inline depth.
    TooDeep,
    /// The backend could not compile the trace.
    CompileFailed,
    /// A call that is not inlined (a native, a call through the driver) returned something
    /// compiled code cannot carry on with: neither a red value of the expected type nor an
    /// exception.
    Forced,
    /// The trace was invalidated while it was recorded (it changed a quasi-immutable cell it
    /// depends on): compiled, it could never run.
    Invalidated,
    /// A call re-entered a function already inlined into the trace (recursion is not
    /// inlined; a residual call into the driver for it is future work).
    Recursion,
    /// A native asked for a collection now (Python's `gc.collect()`, see
    /// `Concrete::collect_now`) while the trace was recorded: the objects the recording
    /// refers to are roots while it lasts, so it would keep dead objects alive.
    Collected,
    /// A native listed its callers' frames (see `Concrete::caller_frames`) while the trace was
    /// recorded: compiled code keeps frames virtual, so the native would not see them there.
    FramesListed,
}

impl AbortReason {
    /// All reasons, in a fixed order.
    pub const ALL: [AbortReason; 11] = [
        AbortReason::TooLong,
        AbortReason::LeftFrame,
        AbortReason::GuardAfterEffect,
        AbortReason::ShapeMismatch,
        AbortReason::TooDeep,
        AbortReason::CompileFailed,
        AbortReason::Forced,
        AbortReason::Invalidated,
        AbortReason::Recursion,
        AbortReason::Collected,
        AbortReason::FramesListed,
    ];
    fn index(self) -> usize {
        AbortReason::ALL.iter().position(|&r| r == self).unwrap()
    }
}

/// Counters of one `Vm`'s JIT.
#[derive(Clone, Debug, Default)]
pub struct JitStats {
    /// Loops compiled.
    pub loops: u64,
    /// Bridges compiled.
    pub bridges: u64,
    /// Function entries compiled (traces from the start of an activation).
    pub functions: u64,
    /// Traces started.
    pub traces_started: u64,
    /// Aborts, indexed like [`AbortReason::ALL`].
    pub aborts: [u64; 11],
    /// Guard failures that went back to the interpreter (not into a bridge).
    pub guard_failures: u64,
    /// Times compiled code was entered from the interpreter.
    pub entries: u64,
    /// Guard failures back to the interpreter that rebuilt more than one frame (inner frames
    /// run to completion in the driver).
    pub nested_exits: u64,
    /// `finish` exits back to the interpreter (the loop they continue in has no compiled code).
    pub finish_exits: u64,
    /// Exits back to the interpreter that patched the frame compiled code was entered from
    /// where it changed (`Language::resume_in_place`) rather than rebuilding it.
    pub patched_exits: u64,
    /// Times a compiled loop left at its safepoint because the heap wanted a collection.
    pub safepoint_exits: u64,
    /// Traces thrown away because a quasi-immutable value they depend on changed.
    pub invalidations: u64,
    /// Traces thrown away while compiled code was running (freed once none runs).
    pub doomed: u64,
    /// Exits linked to jump straight to another trace (a bridge, or the loop a `finish`
    /// continues in) instead of returning to the driver.
    pub links: u64,
    /// Guards that wanted a bridge when their loop's bridge budget was spent (they go back to
    /// the interpreter; see `JitParams::max_bridges`).
    pub bridges_refused: u64,
    /// Hot loops, function entries and guards not traced because the `Vm` was over its
    /// compile-time share (`JitParams::compile_share`).
    pub over_budget: u64,
    /// Functions no longer inlined because a trace through them grew too long (they are
    /// called through `call_assembler` instead).
    pub dont_inline: u64,
    /// Traces too long to compile in one piece that were compiled up to a cut instead, ending
    /// in `guard_always_fails` (their rest grows as a bridge: see `driver::segment`).
    pub segments: u64,
    /// `guard_not_forced` failures that took a forced call's parked result to the caller
    /// outside compiled code: interpreted, or in a bridge about to be recorded (also counted in
    /// `guard_failures`).
    pub forced_exits: u64,
    /// Forced calls' parked results the driver carried into a bridge of their exit (such
    /// exits are never linked: each goes through the driver).
    pub forced_bridged: u64,
    /// Loops and function entries no longer entered from the interpreter because their
    /// compiled code kept failing guards it could get no more bridges for
    /// (`JitParams::unprofitable_percent`).
    pub unprofitable: u64,
    /// Time spent optimizing and compiling each trace, in nanoseconds.
    pub compile_ns: Vec<u64>,
    /// The sum of `compile_ns`.
    pub total_compile_ns: u64,
    /// CPU time of the compiling thread over the same spans as `compile_ns` (0 where the
    /// platform has no per-thread clock). Unlike `compile_ns` it does not grow when the machine
    /// is busy with other work, so it is the figure to compare compile costs by.
    pub compile_cpu_ns: u64,
    /// CPU time of the recording thread spent recording traces, compiled or not (from the
    /// start of a recording to its `install` or abort; 0 where the platform has no per-thread
    /// clock; a residual call's concrete run, the program's work, left out). Recording runs the
    /// interpreter several times slower than plain interpretation; the compile budget does not
    /// count it (see `budget::within_compile_share` for why).
    pub record_cpu_ns: u64,
    /// Guards of the traces that were compiled (each an exit with resume data), in all.
    pub exits: u64,
    /// Slots of resume data made for those exits: each trace's shared pattern per frame plus
    /// each exit's differences from it (see `units::FrameSlots`). Without sharing it would be
    /// about `exits` times the frame's width. (A count of slots: the differences of
    /// consecutive exits share their chunks, so they take less memory than this says.)
    pub resume_slots: u64,
    /// Operations of the optimized traces that were compiled, in all: `compile_cpu_ns` over
    /// this is the compile cost per operation.
    pub compiled_ops: u64,
}

/// CPU time the calling thread has used, in nanoseconds (0 where there is no such clock).
pub(crate) fn thread_cpu_ns() -> u64 {
    #[cfg(target_os = "linux")]
    {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: clock_gettime only writes the timespec it is given.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0 {
            return ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64;
        }
    }
    0
}

impl JitStats {
    /// Aborts for one reason.
    pub fn aborts_for(&self, r: AbortReason) -> u64 {
        self.aborts[r.index()]
    }
    pub(crate) fn count_abort(&mut self, r: AbortReason) {
        self.aborts[r.index()] += 1;
    }
    /// Total aborts.
    pub fn total_aborts(&self) -> u64 {
        self.aborts.iter().sum()
    }
    /// Median compile time per trace in milliseconds (0 if nothing was compiled).
    pub fn median_compile_ms(&self) -> f64 {
        let mut v = self.compile_ns.clone();
        if v.is_empty() {
            return 0.0;
        }
        v.sort_unstable();
        v[v.len() / 2] as f64 / 1e6
    }
    /// A one-paragraph human-readable summary.
    pub fn summary(&self) -> String {
        let aborts: Vec<String> = AbortReason::ALL
            .iter()
            .filter(|r| self.aborts_for(**r) > 0)
            .map(|r| format!("{r:?}={}", self.aborts_for(*r)))
            .collect();
        format!(
            "loops={} bridges={} functions={} traces_started={} aborts=[{}] guard_failures={} forced_exits={} forced_bridged={} nested_exits={} finish_exits={} patched_exits={} entries={} invalidations={} doomed={} links={} bridges_refused={} over_budget={} dont_inline={} segments={} unprofitable={} median_compile_ms={:.3} total_compile_ms={:.1} compile_cpu_ms={:.1} record_cpu_ms={:.1} compiled_ops={} compile_cpu_us_per_op={:.2} exits={} resume_slots={}",
            self.loops,
            self.bridges,
            self.functions,
            self.traces_started,
            aborts.join(" "),
            self.guard_failures,
            self.forced_exits,
            self.forced_bridged,
            self.nested_exits,
            self.finish_exits,
            self.patched_exits,
            self.entries,
            self.invalidations,
            self.doomed,
            self.links,
            self.bridges_refused,
            self.over_budget,
            self.dont_inline,
            self.segments,
            self.unprofitable,
            self.median_compile_ms(),
            self.total_compile_ns as f64 / 1e6,
            self.compile_cpu_ns as f64 / 1e6,
            self.record_cpu_ns as f64 / 1e6,
            self.compiled_ops,
            self.compile_cpu_ns as f64 / 1e3 / self.compiled_ops.max(1) as f64,
            self.exits,
            self.resume_slots
        )
    }
}
