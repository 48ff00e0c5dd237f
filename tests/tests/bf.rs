//! Brainfuck on the JIT: every program gives the same output with the JIT off, at default
//! thresholds and at threshold 1; traces of typical loops are snapshotted.

use metatrace::JitParams;
use metatrace_bf::run_to_vec;

fn params(spec: &str) -> JitParams {
    let mut p = JitParams::default();
    p.apply(spec).unwrap();
    p
}

const SPECS: &[&str] = &["off", "", "threshold=1", "threshold=1,bridge=1", "threshold=3,bridge=2,trace_limit=50"];

fn program(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../interpreters/bf/programs/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Whether the suite runs in GC stress mode (`METATRACE_GC_STRESS=1`). Brainfuck allocates
/// nothing on the heap, so stress mode changes nothing but the time the suite takes: the
/// long-running programs run in smaller instances then.
fn stress_env() -> bool {
    JitParams::default().gc_stress
}

/// `program(name)` without its comments, with `from` replaced by `to` (it must occur
/// exactly once): a smaller instance of the same program.
fn shrunk(name: &str, from: &str, to: &str) -> Vec<u8> {
    let src: String = program(name).into_iter().filter(|c| b"+-<>[].,".contains(c)).map(char::from).collect();
    assert_eq!(src.matches(from).count(), 1, "{name}: {from:?}");
    src.replacen(from, to, 1).into_bytes()
}

fn same_everywhere(src: &[u8], input: &[u8]) -> Vec<u8> {
    let (want, _) = run_to_vec(src, input, JitParams::off()).unwrap();
    for spec in SPECS {
        let (got, stats) = run_to_vec(src, input, params(spec)).unwrap();
        assert_eq!(got, want, "jit {spec:?}: {}", stats.summary());
    }
    want
}

#[test]
fn hello_world() {
    assert_eq!(same_everywhere(&program("hello.b"), b""), b"Hello World!\n");
}

#[test]
fn alphabet_benchmark() {
    let src = if stress_env() {
        // Two of the seven nested loops that make each letter slow left out.
        shrunk("bench.b", ">++++++++++[>++++++++++[>++++++++++[-]<-]<-]", ">++++++++++[-]")
    } else {
        program("bench.b")
    };
    assert_eq!(same_everywhere(&src, b""), b"ZYXWVUTSRQPONMLKJIHGFEDCBA\n");
}

#[test]
fn nested_loops_program() {
    let (src, n): (_, i64) = if stress_env() {
        // The outer loop counts from 255 instead of 1: one iteration.
        (shrunk("loops.b", "+[>+[>+[", "-[>+[>+["), 255 * 255)
    } else {
        (program("loops.b"), 255 * 255 * 255)
    };
    let cell = |k: i64| (k * n).rem_euclid(256) as u8;
    assert_eq!(same_everywhere(&src, b""), vec![cell(3), cell(2), cell(1), cell(-1), b'\n']);
}

#[test]
fn input_and_end_of_input() {
    // Copy input to output until end of input (where `,` stores 0), then print a '!'.
    let cat = b",[.,]++++++++++++++++++++++++++++++++++.";
    assert_eq!(same_everywhere(cat, b"metatrace"), b"metatrace\"");
    // Reverse a line: read until end of input, then print backwards.
    let rev = b">,[>,]<[.<]";
    assert_eq!(same_everywhere(rev, b"abc"), b"cba");
}

#[test]
fn pointer_off_the_tape_is_an_error_not_a_crash() {
    for spec in SPECS {
        let e = run_to_vec(b"+[<+]", b"", params(spec)).unwrap_err();
        assert!(e.contains("outside"), "{spec}: {e}");
        let e = run_to_vec(b"+[>+]", b"", params(spec)).unwrap_err();
        assert!(e.contains("outside"), "{spec}: {e}");
    }
}

#[test]
fn syntax_errors() {
    assert!(run_to_vec(b"[[]", b"", JitParams::off()).unwrap_err().contains("unmatched '['"));
    assert!(run_to_vec(b"[]]", b"", JitParams::off()).unwrap_err().contains("unmatched ']'"));
}

/// The optimized traces of a program run at threshold `t`, as one snapshot text.
fn traces(src: &[u8], spec: &str) -> String {
    let prog = metatrace_bf::Program::parse(src).unwrap();
    let out = metatrace_bf::SharedBuf::default();
    let io = metatrace_bf::Io::new(Box::new(std::io::empty()), Box::new(out));
    let mut vm = metatrace::Vm::with_params(metatrace_bf::Bf::new(prog, io), params(spec));
    let f = vm.lang().start_frame();
    vm.run(f).unwrap();
    vm.traces().iter().map(|t| format!("# {} at {}\n{}", t.kind, t.name, t.optimized)).collect::<Vec<_>>().join("\n")
}

#[test]
fn snapshot_move_loop() {
    // [->+<]: move a cell's value to its right neighbour.
    insta::assert_snapshot!("bf_move_loop", traces(b"++++++++++++++++++++[->+<]", "threshold=3"));
}

#[test]
fn snapshot_nested_loops_inner_loop_and_bridges() {
    insta::assert_snapshot!("bf_nested", traces(b"++++[>+++++[>++++++[>+<-]<-]<-]", "threshold=3,bridge=2"));
}

#[test]
fn snapshot_scan_loop() {
    // [>] scans right for a zero cell: the pointer is the only loop-carried value.
    insta::assert_snapshot!("bf_scan_loop", traces(b"+>+>+>+>+>+>+>+>+>+>+>+<<<<<<<<<<<[>]", "threshold=2"));
}

#[test]
fn snapshot_output_loop() {
    // A loop with a residual call (putc) in it.
    insta::assert_snapshot!("bf_output_loop", traces(b"++++++++[>++++++++<-]>[.-]", "threshold=3"));
}

#[test]
fn exits_jump_straight_to_bridges_and_loops() {
    // In the nested loops every inner loop exit goes to a bridge, and the bridges finish into
    // the inner loop again: after the first pass through the driver, each of those exits is
    // linked, and compiled code runs from trace to trace without returning. (The outer loop
    // runs 7 times here; only the failures before the bridges existed reach the driver.)
    let src = shrunk("loops.b", "+[>+[>+[", "-------[>+[>+[");
    let (want, _) = run_to_vec(&src, b"", JitParams::off()).unwrap();
    let (got, stats) = run_to_vec(&src, b"", params("threshold=3,bridge=2")).unwrap();
    assert_eq!(got, want);
    assert!(stats.links >= 3, "{}", stats.summary());
    assert!(stats.bridges >= 2, "{}", stats.summary());
    assert!(stats.guard_failures < 20, "{}", stats.summary());
}

#[test]
fn perf_map_names_each_trace_at_its_own_code() {
    // `perf_map` appends `start size name` per compiled trace to /tmp/perf-<pid>.map.
    let path = format!("/tmp/perf-{}.map", std::process::id());
    let src = shrunk("loops.b", "+[>+[>+[", "-------[>+[>+[");
    let (_, stats) = run_to_vec(&src, b"", params("threshold=3,bridge=2,perf_map")).unwrap();
    let map = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    let lines: Vec<&str> = map.lines().filter(|l| l.contains(" metatrace ")).collect();
    assert_eq!(lines.len() as u64, stats.loops + stats.bridges, "{map}");
    let starts: std::collections::HashSet<&str> = lines.iter().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(starts.len(), lines.len(), "every trace has its own address:\n{map}");
    assert!(lines.iter().any(|l| l.ends_with("metatrace loop 0 at bf@8")), "{map}");
}
