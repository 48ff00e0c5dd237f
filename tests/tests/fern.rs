//! Fern on the JIT: trace snapshots of typical loops (boxed numbers, inlined calls, arrays,
//! type changes, nested loops), and forced guard failures in inlined frames resuming
//! exactly like plain interpretation.

use metatrace::JitParams;
use metatrace_fern::{compile_source, run_source, with_big_stack, Fern, Io, SharedBuf};

fn params(spec: &str) -> JitParams {
    let mut p = JitParams::default();
    p.apply(spec).unwrap();
    p
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
    let first = t.split("\n# ").next().unwrap();
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
