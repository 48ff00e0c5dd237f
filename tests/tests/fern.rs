//! Fern on the JIT: trace snapshots of typical loops (boxed numbers, inlined calls, arrays,
//! type changes, nested loops, recursive functions), forced guard failures in inlined frames
//! resuming exactly like plain interpretation, and compiled recursion (function entries,
//! `call_assembler`) agreeing with it, also in GC stress mode.

use metatrace::JitParams;
use metatrace_fern::{compile_source, run_source, with_big_stack, Fern, Io, SharedBuf};

fn params(spec: &str) -> JitParams {
    let mut p = JitParams::default();
    p.apply(spec).unwrap();
    p
}

/// Whether the whole suite runs in GC stress mode (`METATRACE_GC_STRESS=1`).
fn stress_env() -> bool {
    JitParams::default().gc_stress
}

/// Runs `src` and returns its output and the optimized traces as one text.
fn run_with_traces(src: &str, spec: &str) -> (String, String) {
    let prog = compile_source(src).unwrap();
    let params = params(spec);
    with_big_stack(move || {
        let out = SharedBuf::default();
        let mut vm = Fern::vm(prog, params, Io::new(Box::new(out.clone())));
        let f = vm.lang().start_frame();
        vm.run(f).unwrap();
        vm.lang().flush();
        let traces: Vec<String> =
            vm.traces().iter().map(|t| format!("# {} at {}\n{}", t.kind, t.name, t.optimized)).collect();
        let out = String::from_utf8_lossy(&out.0.borrow()).into_owned();
        (out, traces.join("\n"))
    })
    .unwrap()
}

/// The traces of `src` at a small threshold, after checking that its output is the same as
/// with the JIT off.
fn traces(src: &str, spec: &str) -> String {
    let (want, _) = run_source(src, JitParams::off()).unwrap();
    let (got, traces) = run_with_traces(src, spec);
    assert_eq!(got, want, "jit {spec}");
    traces
}

const INT_LOOP: &str = "
fn main() {
    let i = 0;
    let s = 0;
    while i < 300 {
        s = s + i * 2;
        i = i + 1;
    }
    print(s);
}";

const FLOAT_LOOP: &str = "
fn main() {
    let i = 0;
    let x = 0.0;
    while i < 300 {
        x = x + 1.0 / (i + 1);
        i = i + 1;
    }
    print(x);
}";

const CALL_LOOP: &str = "
fn sq(x) { return x * x; }
fn add_sq(a, b) { return a + sq(b); }
fn main() {
    let i = 0;
    let s = 0;
    while i < 300 {
        s = add_sq(s, i);
        i = i + 1;
    }
    print(s);
}";

const ARRAY_LOOP: &str = "
fn main() {
    let a = [0, 0, 0, 0];
    let i = 0;
    while i < 300 {
        a[i % 4] = a[i % 4] + i;
        i = i + 1;
    }
    print(a);
}";

const TYPE_CHANGE: &str = "
fn main() {
    let i = 0;
    let x = 0;
    while i < 300 {
        if i == 150 { x = x + 0.5; }
        x = x + 1;
        i = i + 1;
    }
    print(x);
}";

const NESTED: &str = "
fn main() {
    let i = 0;
    let s = 0;
    while i < 40 {
        let j = 0;
        while j < 30 {
            s = s + j;
            j = j + 1;
        }
        i = i + 1;
    }
    print(s);
}";

#[test]
fn snapshot_int_loop_allocates_nothing() {
    let t = traces(INT_LOOP, "threshold=5");
    let body = t.split("label(").nth(1).expect("a peeled loop");
    assert!(!body.contains("new("), "the loop body allocates:\n{t}");
    insta::assert_snapshot!("fern_int_loop", t);
}

#[test]
fn snapshot_float_loop() {
    let t = traces(FLOAT_LOOP, "threshold=5");
    let body = t.split("label(").nth(1).expect("a peeled loop");
    assert!(!body.contains("new("), "the loop body allocates:\n{t}");
    insta::assert_snapshot!("fern_float_loop", t);
}

#[test]
fn snapshot_inlined_calls() {
    insta::assert_snapshot!("fern_inlined_calls", traces(CALL_LOOP, "threshold=5"));
}

#[test]
fn snapshot_array_loop() {
    insta::assert_snapshot!("fern_array_loop", traces(ARRAY_LOOP, "threshold=5"));
}

#[test]
fn snapshot_type_change_bridge() {
    insta::assert_snapshot!("fern_type_change", traces(TYPE_CHANGE, "threshold=5,bridge=1"));
}

#[test]
fn snapshot_nested_loops() {
    insta::assert_snapshot!("fern_nested_loops", traces(NESTED, "threshold=5,bridge=3"));
}

/// Forces each guard of the first loop to fail in turn: resuming from every snapshot, with
/// its inlined frames and virtual objects, gives what plain interpretation gives.
fn force_every_guard(src: &str) {
    let (want, _) = run_source(src, JitParams::off()).unwrap();
    let (_, t) = run_with_traces(src, "threshold=1");
    let first = t.split("# ").find(|t| t.starts_with("loop at")).expect("a loop");
    let guards = first.lines().filter(|l| l.starts_with("guard_")).count();
    assert!(guards > 2, "{t}");
    for g in 0..guards {
        for extra in ["", ",bridge=1", ",gc_stress"] {
            let spec = format!("threshold=1,fail_guard={g}{extra}");
            let (got, stats) = run_source(src, params(&spec)).unwrap();
            assert_eq!(got, want, "{spec}: {}", stats.summary());
        }
    }
}

#[test]
fn forced_guard_failures_in_inlined_frames_resume_exactly() {
    force_every_guard(CALL_LOOP);
}

#[test]
fn forced_guard_failures_with_virtuals_resume_exactly() {
    force_every_guard(INT_LOOP);
    force_every_guard(FLOAT_LOOP);
    force_every_guard(ARRAY_LOOP);
}

// ---- compiled calls: function entries and call_assembler ------------------------------

const FIB: &str = "
fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }
fn main() { print(fib(18)); }
";

/// Runs `src` with the JIT off and under each of `specs`; all must print the same (or fail
/// with the same error). Returns the last run's statistics.
fn agree(src: &str, specs: &[&str]) -> metatrace::JitStats {
    let want = run_source(src, JitParams::off()).map(|(out, _)| out);
    let mut last = None;
    for spec in specs {
        let got = run_source(src, params(spec));
        assert_eq!(got.as_ref().map(|(out, _)| out), want.as_ref(), "jit {spec}");
        last = got.ok().map(|(_, s)| s);
    }
    last.unwrap_or_default()
}

#[test]
fn snapshot_recursive_function() {
    // The function entry of fib: the recursive case (recorded first) calls fib twice
    // through the driver (call_assembler_r, each followed by guard_not_forced with the
    // caller suspended in the call) instead of unrolling the recursion; the base case is a
    // bridge that returns.
    let t = traces(FIB, "threshold=5,bridge=5");
    assert!(t.contains("# entry at fib@0"), "{t}");
    assert_eq!(t.matches("call_assembler_r(").count(), 2, "{t}");
    assert_eq!(t.matches("guard_not_forced(").count(), 2, "{t}");
    insta::assert_snapshot!("fern_recursive_function", t);
}

#[test]
fn a_function_entry_takes_its_arguments_only() {
    // `r` has 3 parameters and 40 more locals: its entry trace's inputs are the depth and
    // the arguments (`Enter` sets the other locals), and each call passes those 4 words, not
    // a word per local.
    let mut src = String::from("fn r(a, b, d) {\n");
    for k in 0..40 {
        src += &format!("    let w{k} = a + {k};\n");
    }
    src += "    if d == 0 { return w1 + b; }\n    return r(a, b + w39, d - 1) % 1000;\n}\n";
    src += "fn main() { let i = 0; let t = 0; while i < 60 { t = t + r(i, 1, 6); i = i + 1; } print(t); }\n";
    let t = traces(&src, "threshold=5,bridge=5");
    let entry = t.split("# entry at r@0\n").nth(1).unwrap_or_else(|| panic!("no entry trace of r:\n{t}"));
    let inputs = entry.lines().find(|l| l.starts_with("inputs(")).unwrap();
    assert_eq!(inputs.matches(", ").count(), 3, "{inputs}");
    for line in t.lines().filter(|l| l.contains("call_assembler_")) {
        let args = line.split("call_assembler_").nth(1).unwrap();
        // (Context, target, direct entry, the 4 words, the descr.)
        assert_eq!(args.matches(", ").count(), 3 + 4, "{line}");
    }
}

#[test]
fn the_first_activation_a_run_starts_does_not_trace_its_entry() {
    // At threshold 1 everything entered is traced, but `main`'s first activation is the run's:
    // a trace of its entry would only pay on a second one. Run twice, the second run traces it.
    let src = "fn sq(x) { return x * x; }\nfn main() { let i = 0; let t = 0; while i < 30 { t = t + sq(i); i = i + 1; } print(t); }\n";
    let (want, _) = run_source(src, JitParams::off()).unwrap();
    let prog = compile_source(src).unwrap();
    let (out, first, second) = with_big_stack(move || {
        let out = SharedBuf::default();
        let mut vm = Fern::vm(prog, params("threshold=1"), Io::new(Box::new(out.clone())));
        let entries = |vm: &metatrace::Vm<Fern>| -> Vec<String> {
            vm.traces().iter().filter(|t| t.kind == "entry").map(|t| t.name.clone()).collect()
        };
        let f = vm.lang().start_frame();
        vm.run(f).unwrap();
        let first = entries(&vm);
        let f = vm.lang().start_frame();
        vm.run(f).unwrap();
        vm.lang().flush();
        let out = String::from_utf8_lossy(&out.0.borrow()).into_owned();
        (out, first, entries(&vm))
    })
    .unwrap();
    assert_eq!(out, format!("{want}{want}"));
    assert!(first.iter().any(|n| n.starts_with("sq@")), "{first:?}");
    assert!(!first.iter().any(|n| n.starts_with("main@")), "{first:?}");
    assert!(second.iter().any(|n| n.starts_with("main@")), "{second:?}");
}

#[test]
fn recursion_runs_in_compiled_code() {
    let s = agree(FIB, &["on", "threshold=1", "threshold=1,bridge=1", "threshold=3,bridge=2,inline_depth=2"]);
    assert!(s.functions >= 1, "{}", s.summary());
    assert_eq!(s.aborts_for(metatrace::AbortReason::Recursion), 0, "{}", s.summary());
}

#[test]
fn a_trace_that_grows_too_long_at_any_operation_gives_up_cleanly() {
    // With every limit from 60 operations down to 1, the limit falls on each operation of fib's
    // traces in turn, among them the `call_assembler` of a recursive call (whose recording
    // once went on after the abort and failed).
    let specs: Vec<String> = (1..=60).rev().map(|n| format!("threshold=1,bridge=1,trace_limit={n}")).collect();
    let specs: Vec<&str> = specs.iter().map(String::as_str).collect();
    let s = agree(FIB, &specs);
    assert!(s.aborts_for(metatrace::AbortReason::TooLong) > 0, "{}", s.summary());
}

#[test]
fn errors_deep_in_compiled_recursion_reach_the_interpreter_callers() {
    // Once r is compiled, the innermost call fails (k == 40): its error is a forced result
    // for every compiled caller, which resumes in the interpreter and passes it on.
    let src = "
fn r(n, k) { if n == 0 { if k == 40 { return none + 1; } return 0; } return r(n - 1, k) + 1; }
fn main() { let k = 0; let t = 0; while k < 50 { t = t + r(8, k); k = k + 1; } print(t); }
";
    agree(src, &["on", "threshold=2", "threshold=2,bridge=1", "threshold=1,bridge=1,inline_depth=1"]);
    let err = run_source(src, params("threshold=2,bridge=1")).unwrap_err();
    assert_eq!(err, "unsupported operand types for +: none and int (in r)");
    // The recursion limit, hit inside compiled calls. Not in GC stress mode: every frame
    // allocates, so nearly every instruction collects, and each collection scans every
    // frame: 10,000 frames deep that is quadratic.
    if stress_env() {
        return;
    }
    let deep = "
fn r(n) { if n == 0 { return 0; } return r(n - 1) + 1; }
fn main() { let i = 0; while i < 30 { r(20); i = i + 1; } print(r(20000)); }
";
    agree(deep, &["on", "threshold=2,bridge=1"]);
    assert_eq!(
        run_source(deep, params("threshold=2,bridge=1")).unwrap_err(),
        "maximum recursion depth exceeded (in r)"
    );
}

#[test]
fn compiled_recursion_keeps_its_references_alive_under_gc_stress() {
    // Trees built and checked by recursive calls: references in compiled callers live
    // across calls that collect (the call's live references are roots).
    let src = "
fn make(d) { if d == 0 { return [none, none]; } return [make(d - 1), make(d - 1)]; }
fn check(t) { if t[0] == none { return 1; } return 1 + check(t[0]) + check(t[1]); }
fn main() { let i = 0; let s = 0; while i < 12 { s = s + check(make(4)); i = i + 1; } print(s); }
";
    agree(
        src,
        &["threshold=2,bridge=1,gc_stress", "threshold=1,gc_stress", "threshold=3,bridge=2,inline_depth=1,gc_stress"],
    );
}

#[test]
fn function_entries_continue_in_their_loops() {
    // The entry trace of `sum` stops at its loop header (compiled or not) rather than
    // unrolling the loop; the loop gets its own trace, which the entry then continues in.
    let src = "
fn sum(n) { let i = 0; let s = 0; while i < n { s = s + i; i = i + 1; } return s; }
fn main() { let k = 0; let t = 0; while k < 40 { t = t + sum(k); k = k + 1; } print(t); }
";
    let s = agree(src, &["on", "threshold=2", "threshold=2,bridge=1", "threshold=1,bridge=1,gc_stress"]);
    assert!(s.functions >= 1 && s.loops >= 1, "{}", s.summary());
    let t = traces(src, "threshold=3,bridge=2");
    let entry = t.split("# ").find(|t| t.starts_with("entry at sum@0")).expect("an entry trace for sum");
    assert!(entry.trim_end().ends_with(')') && entry.contains("finish("), "{entry}");
}

#[test]
fn guards_inside_inlined_calls_get_bridges() {
    // The branch inside `pick` (inlined into the loop) goes the other way every third
    // iteration: its guard's snapshot has two frames, and the bridge traced from it starts in
    // `pick`, returns into `main` and continues there to the loop header.
    let src = "
fn pick(i) { if i % 3 == 0 { return i * 2; } return 1; }
fn main() { let i = 0; let t = 0; while i < 3000 { t = t + pick(i); i = i + 1; } print(t); }
";
    let s = agree(src, &["on", "threshold=5,bridge=3", "threshold=1,bridge=1", "threshold=2,bridge=2,gc_stress"]);
    assert!(s.bridges >= 1, "{}", s.summary());
    let s = run_source(src, params("threshold=5,bridge=3")).unwrap().1;
    assert!(s.guard_failures < 50, "the bridge takes the other branch: {}", s.summary());
    let t = traces(src, "threshold=5,bridge=3");
    let bridge = t.split("# ").find(|t| t.starts_with("bridge")).expect("a bridge");
    assert!(bridge.contains("inputs(") && bridge.contains("finish("), "{bridge}");
    insta::assert_snapshot!("fern_bridge_from_inlined_call", t);
}

#[test]
fn guards_inside_inlined_calls_without_bridges_resume_every_frame() {
    // No bridges (`max_bridges=0`): every failure of the branch inside `pick` (one call deep)
    // or `deep` (two deep) rebuilds the caller frames from the snapshot and runs the callees
    // to completion in the driver, which must give what plain interpretation gives, also when
    // the callee allocates while its caller waits (gc_stress).
    let src = "
fn pick(i) { if i % 3 == 0 { return [i * 2, i][0]; } return 1; }
fn deep(i) { return pick(i) + pick(i + 1); }
fn main() { let i = 0; let t = 0; while i < 3000 { t = t + pick(i) + deep(i); i = i + 1; } print(t); }
";
    let specs = ["threshold=5,max_bridges=0", "threshold=1,max_bridges=0", "threshold=2,max_bridges=0,gc_stress"];
    let s = agree(src, &specs);
    assert!(s.nested_exits > 100, "the guards fail inside inlined calls: {}", s.summary());
    assert_eq!(s.bridges, 0, "{}", s.summary());
}

#[test]
fn direct_calls_that_leave_early_do_not_run_twice() {
    // g writes to the array before its loop; with inline_depth=0 every call of g is a direct
    // call of its compiled entry, which jumps into g's loop (the first unit compiled, so its
    // safepoint is exit 0 of unit 0). Under GC stress that safepoint fails all the time: the
    // call must continue from there, never start over (the write would happen twice).
    let src = "
fn g(c, n) { c[0] = c[0] + 1; let i = 0; while i < 30 { i = i + 1; } if n > 0 { g(c, n - 1); } return 0; }
fn main() { let c = [0]; let k = 0; while k < 3000 { g(c, 3); k = k + 1; } print(c[0]); }
";
    let (want, _) = run_source(src, JitParams::off()).unwrap();
    assert_eq!(want, "12000\n");
    for spec in
        ["inline_depth=0,gc_stress", "threshold=50,inline_depth=0,gc_stress", "threshold=5,inline_depth=0,bridge=2"]
    {
        let (got, stats) = run_source(src, params(spec)).unwrap();
        assert_eq!(got, want, "jit {spec}: {}", stats.summary());
    }
}

#[test]
fn bridges_take_the_guards_virtual_objects_as_inputs() {
    // At the branch, `p` (an array holding a boxed int and another array, with a boxed
    // float) and the boxed numbers are virtual in the loop. The bridge for the other branch
    // is entered without building them: it records their allocation from the exit's words,
    // so its reads of `p` are folded away, and it allocates only what escapes (the locals it
    // hands back to the loop at its end). Resuming from the bridge's own guards (forced to
    // fail) and running under GC stress gives what plain interpretation gives.
    let src = "
fn main() {
    let i = 0;
    let s = 0;
    let t = 0.0;
    while i < 400 {
        let p = [i, [i * 2, 1.5]];
        if i % 3 == 0 {
            s = s + p[0] + p[1][0];
            t = t + p[1][1];
        } else {
            s = s - 1;
        }
        i = i + 1;
    }
    print(s, t);
}";
    let s = agree(
        src,
        &["on", "threshold=1,bridge=1", "threshold=2,bridge=1,gc_stress", "threshold=1,bridge=1,fail_guard=3"],
    );
    assert!(s.bridges >= 1, "{}", s.summary());
    if stress_env() {
        // (Collecting at every safepoint, the loop leaves at its safepoint every iteration and
        // the branch's guard never gets its bridge at these settings.)
        return;
    }
    let t = traces(src, "threshold=5,bridge=3");
    let bridge = t.split("# ").find(|t| t.starts_with("bridge")).expect("a bridge");
    // (Only `t` and the 1.5 box are real objects, read as `getfield_f`.)
    assert!(!bridge.contains("getarrayitem") && !bridge.contains("getfield_i"), "{bridge}");
    assert!(bridge.contains("{v0 = "), "the bridge's guards describe the virtuals as virtual: {bridge}");
}

#[test]
fn a_bridge_that_contradicts_the_loops_entry_conditions_finishes_at_its_top() {
    // The inner loop is traced while `j <= 200`, so its body assumes `j` stays small at its
    // label; the bridge for `j > 200` must not enter there (its appended entry check would
    // always fail, and every failure would grow another bridge until the cap, then run in
    // the interpreter): it finishes at the loop's top instead.
    let src = "
fn main() {
    let h = 7; let count = 0; let i = 0;
    while i < 40 {
        let j = 0;
        while j < 400 {
            h = (h * 31 + i * j + 1) % 1000003;
            if j > 200 and h % 2 == 0 { count = count + 1; }
            j = j + 1;
        }
        i = i + 1;
    }
    print(h, count);
}
";
    let spec = "threshold=50,bridge=10";
    let s = agree(src, &["on", spec, "threshold=1,bridge=1"]);
    assert!(s.loops >= 1, "{}", s.summary());
    let s = run_source(src, params(spec)).unwrap().1;
    assert!(s.bridges_refused == 0 && s.bridges < 60, "no bridge storm: {}", s.summary());
    let t = traces(src, spec);
    assert!(!t.contains("guard_true(0)"), "a bridge into the label that always leaves it:\n{t}");
}

#[test]
fn an_outer_loop_restarting_its_inner_loop_enters_it_at_the_label() {
    // The bridge from the inner loop's exit runs the outer loop's step and `let j = 0`: the
    // inner loop's counter becomes a prebuilt constant Int, not an object the bridge
    // allocated. Ints are a value class, so the constant may stand in for the loop's unboxed
    // counter and the bridge enters the loop at its label (see `metatrace_jit::opt::short`)
    // instead of finishing into its preamble on every outer iteration.
    let src = "
fn main() {
    let total = 0; let i = 0;
    while i < 60 {
        let j = 0;
        while j < 300 {
            total = total + i * j % 7;
            j = j + 1;
        }
        i = i + 1;
    }
    print(total);
}";
    agree(src, &["on", "threshold=5,bridge=3", "threshold=1,bridge=1", "threshold=2,bridge=2,gc_stress"]);
    let t = traces(src, "threshold=50,bridge=5");
    let bridge = t.split("# bridge").nth(1).unwrap_or_else(|| panic!("no bridge in\n{t}"));
    assert!(bridge.starts_with(" at guard") && bridge.contains(", into the label of trace"), "{t}");
}

#[test]
fn bridges_inherit_what_their_parent_knew() {
    // The branch on `h % 2` goes either way at random: its bridge finishes into the loop's
    // label. What the loop knew at the guard holds in the bridge (see
    // `metatrace_jit::opt::inherit`): `i` is an Int (checked once in the preamble), `j < 1000`
    // (so `j + 1` cannot overflow, and the label's `j <= 1000` holds), `h` is in
    // `[0, 1000002]` (the label's range check goes) and the failed condition is 1. A sum that
    // overflows inside a bridge must fail as interpreted.
    let src = "
fn step(h, k) { return (h * 31 + k) % 1000003; }
fn main() {
    let h = 7; let count = 0; let i = 0; let one = 1;
    while i < 30 {
        let j = 0;
        while j < 1000 {
            h = step(h, i * j + 1);
            if h % 2 == 0 and j > 500 { count = count + one // one; }
            j = j + 1;
        }
        i = i + 1;
    }
    print(h, count);
}";
    // (The division by a variable keeps the bridge a bridge: an if-converted loop would run
    // it on every iteration, also where the divisor may be 0; see the next tests.)
    let specs = ["on", "threshold=5,bridge=3", "threshold=1,bridge=1", "threshold=2,bridge=2,gc_stress"];
    agree(src, &specs);
    let overflows = "
fn main() {
    let i = 0; let big = 0;
    while i < 3000 {
        if i % 3 == 0 { big = big + 9223372036854776; }
        i = i + 1;
    }
    print(big);
}";
    assert!(run_source(overflows, JitParams::off()).is_err());
    agree(overflows, &specs);
    let t = traces(src, "threshold=5,bridge=3");
    let bridges: Vec<&str> = t.split("# ").filter(|t| t.starts_with("bridge")).collect();
    assert!(bridges.iter().any(|b| b.contains("record_known_range(")), "{t}");
    // The inner loop's bridge for an even `h` (the one that counts) checks no class of `i`
    // and no range the loop knew.
    let counting = bridges.iter().find(|b| b.contains("int_gt") && b.contains("new(")).expect("the counting bridge");
    assert_eq!(counting.matches("guard_class").count(), 2, "only `count` and `one` are checked: {counting}");
    assert!(!counting.contains("uint_lt") && !counting.contains("int_le"), "{counting}");
    if !stress_env() {
        // (Under GC stress, safepoint exits grow other traces.)
        insta::assert_snapshot!("fern_bridge_inherits", t);
    }
}

/// A data-dependent branch in an inner loop (fern's `loops.fern`, smaller).
const BRANCHY: &str = "
fn step(h, k) { return (h * 31 + k) % 1000003; }
fn main() {
    let h = 7; let count = 0; let i = 0;
    while i < OUTER {
        let j = 0;
        while j < 1000 {
            h = step(h, i * j + 1);
            if h % 2 == 0 and j > 500 { count = count + 1; }
            j = j + 1;
        }
        i = i + 1;
    }
    print(h, count);
}";

#[test]
fn data_dependent_branches_are_if_converted() {
    // The `h % 2 == 0` guard fails on about half of the iterations into a short bridge back
    // to the loop's header: the driver merges it into the loop (see
    // `metatrace_jit::opt::ifconv`), then the `j > 500` bridge of the merged loop. The last
    // loop's body allocates nothing, has no guard left on `h % 2` and selects nothing: count
    // gets count plus the condition (`h % 2 == 0 and j > 500`, 0 or 1).
    let src = BRANCHY.replace("OUTER", "20");
    let specs = ["on", "threshold=5,bridge=3", "threshold=1,bridge=1", "threshold=2,bridge=2,gc_stress"];
    agree(&src, &specs);
    let t = traces(&src, "threshold=5,bridge=3");
    let merged = t.split("# ").filter(|t| t.contains("if-conversion")).last().expect("an if-converted loop");
    assert!(merged.starts_with("loop at main@13, if-conversion 2"), "{t}");
    let body = &merged[merged.find("label(").unwrap()..];
    assert!(!body.contains("int_select("), "{merged}");
    // (The last `int_and` in the body is the condition, which count's checked sum adds.)
    let cond = body.lines().filter(|l| l.contains(" = int_and(")).last().and_then(|l| l.split(' ').next());
    let adds = |l: &str| cond.is_some_and(|c| l.contains("= int_add_ovf(") && l.ends_with(&format!(", {c})")));
    assert!(body.lines().any(adds), "{merged}");
    assert!(!body.contains("new("), "{merged}");
    assert_eq!(body.lines().filter(|l| l.starts_with("guard_false(")).count(), 0, "{merged}");
    if !stress_env() {
        insta::assert_snapshot!("fern_if_converted", t);
    }
}

#[test]
fn forced_guard_failures_in_if_converted_loops_resume_exactly() {
    // Every guard of the first loop fails in turn, with and without bridges: the bridges
    // grown from the forced failures are merged too (not the merged loops' guards: a guard
    // in one arm of a merged loop has a snapshot that is a state of the interpreter only on
    // iterations that take that arm, so the driver does not force those).
    let src = BRANCHY.replace("OUTER", "3");
    let (want, _) = run_source(&src, JitParams::off()).unwrap();
    let (_, t) = run_with_traces(&src, "threshold=5,bridge=3");
    assert!(t.contains("if-conversion"), "{t}");
    let most = t.split("# ").map(|t| t.lines().filter(|l| l.starts_with("guard_")).count()).max().unwrap();
    for g in 0..most {
        for extra in ["", ",bridge=1"] {
            let spec = format!("threshold=5,bridge=3,fail_guard={g}{extra}");
            let (got, stats) = run_source(&src, params(&spec)).unwrap();
            assert_eq!(got, want, "{spec}: {}", stats.summary());
        }
    }
}

#[test]
fn overflow_in_an_if_converted_arm_fails_as_interpreted() {
    // The converted arm's `count + 1` overflows only on the way that takes it (the other way
    // adds 0), and `big * 2` only where the branch goes: both must fail at the same
    // iteration as interpreted.
    let specs = ["on", "threshold=5,bridge=3", "threshold=1,bridge=1"];
    let counting = "
fn main() {
    let i = 0; let count = 9223372036854775000;
    while i < 3000 { if i % 3 == 0 { count = count + 1; } i = i + 1; }
    print(count);
}";
    assert!(run_source(counting, JitParams::off()).is_err());
    agree(counting, &specs);
    let doubling = "
fn main() {
    let i = 0; let big = 4611686018427387904; let y = 0;
    while i < 3000 { if i % 3 == 0 and i > 2000 { y = big * 2; } else { y = i; } i = i + 1; }
    print(y);
}";
    assert!(run_source(doubling, JitParams::off()).is_err());
    agree(doubling, &specs);
    // And one that never overflows agrees too, with the branch merged.
    let fine = counting.replace("9223372036854775000", "0");
    agree(&fine, &specs);
    let (_, t) = run_with_traces(&fine, "threshold=5,bridge=3");
    assert!(t.contains("if-conversion"), "{t}");
}
