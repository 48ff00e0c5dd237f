//! Run-time parameters of the JIT, settable from the command line or per `Vm`.

/// The JIT's knobs. Defaults follow RPython's (threshold 1039, function threshold 1619, trace
/// limit 6000, bridges after 200 guard failures).
#[derive(Clone, Debug, PartialEq)]
pub struct JitParams {
    /// Whether to trace and run compiled code at all.
    pub enabled: bool,
    /// Back-edges through a loop header before its loop is traced.
    pub threshold: u32,
    /// Calls of a function (activation starts at one green key) before its entry is traced.
    pub function_threshold: u32,
    /// Operations a trace may record before it is aborted.
    pub trace_limit: u32,
    /// Failures of one guard before a bridge is traced from it.
    pub bridge_threshold: u32,
    /// Bridges a loop (or function entry) may grow, over its whole tree of bridges; past it,
    /// or past `bridge_budget_ms` of compile time for the tree, its failing guards go back to
    /// the interpreter. Bounds a bridge storm: data-dependent branches where every path wants
    /// a bridge of its own.
    pub max_bridges: u32,
    /// Bridges a tree grows before its guards' `bridge_threshold` doubles (and doubles again
    /// after as many more, up to 2^16 times); 0 keeps the threshold. In a bridge storm the first
    /// bridges go to the paths that fail most; later paths, each taken more rarely, must fail
    /// more often to be worth a compile. (Measured: random fern programs at threshold 1,
    /// bridge 1 up to 40 % faster, mtpy's benchmarks unchanged.)
    pub bridge_backoff: u32,
    /// Compile time (milliseconds) a loop's tree of bridges may take in all (see `max_bridges`).
    /// The budgets count the CPU time of the `Vm`'s thread where the platform has such a clock
    /// (Linux), so that a busy machine does not spend them early; else wall time.
    pub bridge_budget_ms: u32,
    /// Compile time the whole `Vm` may spend, as a share (percent) of the time it has been
    /// running, past `compile_grace_ms`. When over it, hot loops, function entries and guards
    /// are not traced until the run catches up. Bounds programs whose traces never pay for
    /// their compilation (many branchy paths, each compiled once and run a little), so the
    /// JIT costs at most about this share over the interpreter. 0 disables the bound: the
    /// library's default, as what gets compiled then depends on timing; binaries set it
    /// (`mtpy` uses [`JitParams::COMPILE_SHARE`]).
    pub compile_share: u32,
    /// Compile time (milliseconds) spent freely before `compile_share` applies, but never more
    /// than 2 ms plus the time the run spent on anything else (a run of a few
    /// milliseconds does not compile for the whole grace).
    pub compile_grace_ms: u32,
    /// A compiled loop (or function entry) whose tree of bridges can grow no more (its bridge
    /// budget spent, or the `Vm` over its compile share) and that left through a failing guard
    /// on at least this percent of its last `budget::PROFIT_WINDOW` entries is no longer
    /// entered from its loop header (or by the interpreter's calls) (like PyPy's "not
    /// profitable" traces): each such exit costs a deopt. Exits of other traces linked to it
    /// (and compiled code calling the function directly) still jump there. 0 (the default) disables: measured on
    /// mtpy's benchmarks, 30 made json_tree about 5 % and raytrace 3 % faster but deltablue
    /// about 25 % slower (its loops fail guards often and still pay), so a failure rate alone
    /// does not tell an unprofitable loop.
    pub unprofitable_percent: u32,
    /// Aborts after which a loop header (or guard) is never traced again. A trace too long
    /// by itself (past `trace_limit` with no inlined callee left to call instead, in a
    /// language with compiled calls) counts as all of them.
    pub max_aborts: u32,
    /// Nesting depth of inlined calls before a trace gives up.
    pub inline_depth: u32,
    /// Print every compiled loop and bridge to stderr (also `METATRACE_TRACE_LOG=1`).
    pub log: bool,
    /// Collect at every safepoint after any allocation (also `METATRACE_GC_STRESS=1`).
    pub gc_stress: bool,
    /// Append every compiled trace's code range and name to `/tmp/perf-<pid>.map`, the
    /// symbol file `perf report` reads for JIT code (also `METATRACE_PERF_MAP=1`). The format
    /// has no way to remove a symbol: code freed and its addresses reused later may be named
    /// after the older trace.
    pub perf_map: bool,
    /// Keep every compiled trace's text (recorded and optimized) for [`crate::Vm::traces`].
    /// Printing costs time and memory in proportion to the snapshots' width; the binaries turn
    /// it off unless they log.
    pub keep_traces: bool,
    /// The link limit: frame-buffer words of every run of compiled code and of every direct
    /// call between compiled functions; code whose frame needs more is not linked to exits nor
    /// called directly (it runs, but through the driver). A language with wide frames (many
    /// locals) sizes it to them, about its largest frame plus a callee's; fixed when the `Vm`
    /// is made. At least the backend's `LINK_WORDS` (64).
    pub link_words: usize,
    /// How many times a loop may be replaced by its if-converted self (a guard's bridge back
    /// to the loop's header merged into it: see `metatrace_jit::opt::ifconv`); 0 turns
    /// if-conversion off.
    pub if_conversions: u32,
    /// Failures of a loop's guard, less than `bridge_threshold`, after which a guard that is
    /// the loop's main way out gets an early try at if-conversion: its bridge is recorded,
    /// and compiled only if it merges into the loop (see `merge::tries_early`); otherwise the
    /// guard waits for its bridge threshold as any other. 0 turns the early try off.
    pub ifconv_threshold: u32,
    /// Whether a trace too long to compile in one piece, with no callee to call instead of
    /// inlining, is compiled in segments (see `driver::segment`) rather than given up.
    pub segments: bool,
    /// Testing knob: make guard number N (in trace order) of every compiled loop fail
    /// always, so tests can check that resuming from each guard's snapshot is exact.
    pub fail_guard: Option<usize>,
}

impl Default for JitParams {
    fn default() -> Self {
        JitParams {
            enabled: true,
            threshold: 1039,
            function_threshold: 1619,
            trace_limit: 6000,
            bridge_threshold: 200,
            max_aborts: 5,
            max_bridges: 100,
            bridge_backoff: 10,
            bridge_budget_ms: 300,
            compile_share: 0,
            compile_grace_ms: 250,
            unprofitable_percent: 0,
            inline_depth: 30,
            log: env_flag("METATRACE_TRACE_LOG"),
            fail_guard: None,
            if_conversions: 3,
            ifconv_threshold: 50,
            segments: true,
            keep_traces: true,
            link_words: metatrace_jit::backend::LINK_WORDS,
            gc_stress: env_flag("METATRACE_GC_STRESS"),
            perf_map: env_flag("METATRACE_PERF_MAP"),
        }
    }
}

/// Whether the environment variable is set to something other than empty or `0`.
fn env_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| v != "0" && !v.is_empty())
}

impl JitParams {
    /// A `compile_share` for binaries: compiling takes at most a tenth of the run past the
    /// grace. (Programs the JIT pays for compile their hot loops well within the grace; at
    /// 20 %, mtpy's json_tree benchmark still spent 1.5 s of 2.6 s compiling traces that did
    /// not pay, at 10 % 0.6 s of 2.2 s.)
    pub const COMPILE_SHARE: u32 = 10;

    /// The settings [`JitParams::apply`] takes besides `off` and `on`, each with a line of
    /// help (defaults included), as the binaries' `--help` lists them.
    pub const SETTINGS: &'static [(&'static str, &'static str)] = &[
        ("threshold=N", "loop iterations before tracing (1039); sets both thresholds"),
        ("function_threshold=N", "calls of a function before its entry is traced (1619)"),
        ("trace_limit=N", "operations a trace may record (6000)"),
        ("bridge=N", "failures of a guard before it gets a bridge (200)"),
        ("max_aborts=N", "aborted traces before a position is left alone (5)"),
        ("inline_depth=N", "depth of calls a trace inlines (30)"),
        ("max_bridges=N", "bridges a loop and its bridges may get (100)"),
        ("bridge_backoff=N", "bridges per doubling of a tree's bridge threshold, 0: none (10)"),
        ("bridge_budget_ms=N", "compile time a loop's bridges may take (300)"),
        ("compile_share=N", "percent of run time compiling may take past the grace (0, none)"),
        ("compile_grace_ms=N", "compile time before compile_share applies, <= 2 ms + rest (250)"),
        ("unprofitable=N", "% failed entries that stop entering a spent loop/entry (0, off)"),
        ("link_words=N", "widest frame whose exits link directly (64)"),
        ("ifconv=N", "times a loop may merge a bridge into itself, 0: never (3)"),
        ("ifconv_threshold=N", "failures before a loop's main exit tries to merge (50)"),
        ("segments=N", "compile a trace too long for one piece in segments, 0: never (1)"),
        ("log", "print every compiled trace to stderr"),
        ("gc_stress", "collect at every safepoint after an allocation"),
        ("perf_map", "name JIT code for `perf report` in /tmp/perf-<pid>.map"),
    ];

    /// What `--jit SPEC` accepts, for a binary's `--help`.
    pub fn spec_help() -> String {
        let mut s = String::from("SPEC is `off`, `on` or comma-separated settings (defaults in parentheses):");
        for (setting, help) in Self::SETTINGS {
            s += &format!("\n  {setting:<22}{help}");
        }
        s
    }

    /// Parameters with the JIT switched off.
    pub fn off() -> Self {
        JitParams { enabled: false, ..Default::default() }
    }

    /// Applies a comma-separated setting string as the binaries' `--jit` flag takes it:
    /// `off`, `on`, `threshold=N` (loops and functions), `function_threshold=N`,
    /// `trace_limit=N`, `bridge=N`, `max_aborts=N`, `max_bridges=N`, `bridge_backoff=N`, `bridge_budget_ms=N`, `compile_share=N`, `compile_grace_ms=N`, `unprofitable=N`, `inline_depth=N`, `link_words=N`, `ifconv=N`, `ifconv_threshold=N`,
    /// `fail_guard=N` (testing), `log`, `gc_stress`, `perf_map`.
    pub fn apply(&mut self, spec: &str) -> Result<(), String> {
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match item.split_once('=') {
                None if item == "off" => self.enabled = false,
                None if item == "on" => self.enabled = true,
                None if item == "log" => self.log = true,
                None if item == "gc_stress" => self.gc_stress = true,
                None if item == "perf_map" => self.perf_map = true,
                Some((k, v)) => {
                    let n: u32 = v.parse().map_err(|_| format!("--jit {k}: {v:?} is not a number"))?;
                    match k {
                        "threshold" => {
                            self.threshold = n.max(1);
                            self.function_threshold = n.max(1);
                        }
                        "function_threshold" => self.function_threshold = n.max(1),
                        "trace_limit" => self.trace_limit = n.max(1),
                        "bridge" => self.bridge_threshold = n.max(1),
                        "max_aborts" => self.max_aborts = n,
                        "max_bridges" => self.max_bridges = n,
                        "bridge_backoff" => self.bridge_backoff = n,
                        "bridge_budget_ms" => self.bridge_budget_ms = n,
                        "compile_share" => self.compile_share = n,
                        "compile_grace_ms" => self.compile_grace_ms = n,
                        "inline_depth" => self.inline_depth = n,
                        "fail_guard" => self.fail_guard = Some(n as usize),
                        "link_words" => self.link_words = n as usize,
                        "ifconv" => self.if_conversions = n,
                        "ifconv_threshold" => self.ifconv_threshold = n,
                        "segments" => self.segments = n != 0,
                        "unprofitable" => self.unprofitable_percent = n.min(100),
                        _ => return Err(format!("--jit: unknown parameter {k:?}")),
                    }
                }
                None => return Err(format!("--jit: unknown setting {item:?}")),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_parses_settings() {
        let mut p = JitParams::default();
        p.apply("threshold=1,bridge=2,trace_limit=100").unwrap();
        assert_eq!((p.threshold, p.function_threshold, p.bridge_threshold, p.trace_limit), (1, 1, 2, 100));
        p.apply("function_threshold=7").unwrap();
        assert_eq!((p.threshold, p.function_threshold), (1, 7));
        p.apply("off").unwrap();
        assert!(!p.enabled);
        assert!(p.apply("threshold=x").is_err());
        assert!(p.apply("bogus=1").is_err());
    }

    #[test]
    fn the_help_names_every_setting_with_its_default() {
        let d = JitParams::default();
        let defaults = [
            ("threshold=N", d.threshold),
            ("function_threshold=N", d.function_threshold),
            ("trace_limit=N", d.trace_limit),
            ("bridge=N", d.bridge_threshold),
            ("max_aborts=N", d.max_aborts),
            ("inline_depth=N", d.inline_depth),
            ("compile_grace_ms=N", d.compile_grace_ms),
            ("ifconv=N", d.if_conversions),
            ("ifconv_threshold=N", d.ifconv_threshold),
            ("bridge_backoff=N", d.bridge_backoff),
        ];
        // (The environment may switch flags on: start from them off.)
        let base = JitParams { log: false, gc_stress: false, perf_map: false, ..JitParams::default() };
        for (setting, help) in JitParams::SETTINGS {
            let mut p = base.clone();
            // (3 is ifconv's default: 2 changes it; segments are on unless 0.)
            let n = match setting.split('=').next() {
                Some("ifconv") => "=2",
                Some("segments") => "=0",
                _ => "=3",
            };
            p.apply(&setting.replace("=N", n)).unwrap_or_else(|e| panic!("{setting}: {e}"));
            assert_ne!(p, base, "{setting} changes nothing");
            if let Some((_, v)) = defaults.iter().find(|(k, _)| k == setting) {
                assert!(help.contains(&format!("({v})")), "{setting}: {help}");
            }
        }
        assert_eq!(JitParams::SETTINGS.len(), 19);
        assert!(JitParams::spec_help().lines().all(|l| l.len() <= 90), "{}", JitParams::spec_help());
    }
}
