//! Deep recursion and deep or long expressions: a clear Fern error or the right answer, never
//! a native stack overflow, in every mode of the JIT.

use metatrace::JitParams;
use metatrace_fern::interp::{MAX_DEPTH, STACK_EXHAUSTED};
use metatrace_fern::{compile_source, run_program_with_limit, CompileError, SharedBuf};

/// The JIT modes: off, default, threshold 1 (with and without quick bridges), and with
/// inlining off (every call goes through `call_assembler`).
const MODES: &[&str] =
    &["off", "on", "threshold=1", "threshold=1,bridge=1", "inline_depth=0", "threshold=1,inline_depth=0"];

fn stress() -> bool {
    JitParams::default().gc_stress
}

/// Runs `src` with recursion limit `limit` on a thread with a `stack`-byte stack; returns the
/// output and how the run ended.
fn run_on(stack: usize, spec: &str, limit: i64, src: &str) -> (String, Result<(), String>) {
    let mut params = JitParams::default();
    params.apply(spec).unwrap();
    run_with(stack, params, limit, src)
}

/// [`run_on`] with parameters.
fn run_with(stack: usize, params: JitParams, limit: i64, src: &str) -> (String, Result<(), String>) {
    let prog = compile_source(src).unwrap();
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let buf = SharedBuf::default();
            let (r, _) = run_program_with_limit(prog, params, limit, Box::new(buf.clone()));
            let out = String::from_utf8_lossy(&buf.0.borrow()).into_owned();
            (out, r.map_err(|e| e.to_string()))
        })
        .unwrap()
        .join()
        .unwrap()
}

/// `r(n)` recursing `n` deep, after a warm-up that compiles `r` (its entry, with the recursive
/// call through `call_assembler`) and the loop that calls it.
fn deep(n: u64) -> String {
    format!(
        "fn r(n) {{ if n == 0 {{ return 0; }} return r(n - 1) + 1; }}\n\
         fn main() {{ let i = 0; let t = 0; while i < 2000 {{ t = t + r(20); i = i + 1; }} print(t); print(r({n})); }}"
    )
}

#[test]
fn a_million_deep_recursion_is_a_fern_error_in_every_mode() {
    // Without a language limit to stop it first, the native stack check does, wherever the
    // recursion runs: interpreted, traced, in compiled code or through call_assembler. (A
    // small stack keeps it quick; the GC stress mode scans every frame at every collection.)
    let stack = if stress() { 8 << 20 } else { 64 << 20 };
    for mode in MODES {
        let (out, r) = run_on(stack, mode, i64::MAX, &deep(1_000_000));
        assert_eq!(out, "40000\n", "--jit {mode}");
        assert_eq!(r, Err(format!("{STACK_EXHAUSTED} (in r)")), "--jit {mode}");
    }
}

#[test]
fn the_recursion_limit_comes_first_on_a_big_stack() {
    if stress() {
        return; // 10,000 frames at every collection: see the crate's unit tests.
    }
    for mode in MODES {
        let r = metatrace_fern::with_big_stack({
            let src = deep(1_000_000);
            let mode = mode.to_string();
            move || run_on(metatrace_fern::STACK_SIZE, &mode, MAX_DEPTH, &src)
        })
        .unwrap();
        assert_eq!(r, ("40000\n".into(), Err("maximum recursion depth exceeded (in r)".into())), "--jit {mode}");
    }
}

#[test]
fn a_small_thread_stack_is_safe_too() {
    // The default limit, on a 2 MiB stack (not enough for 10,000 frames in a debug build).
    for mode in ["off", "threshold=1", "threshold=1,inline_depth=0"] {
        let (_, r) = run_on(2 << 20, mode, MAX_DEPTH, &deep(1_000_000));
        let e = r.unwrap_err();
        assert!(e.starts_with("maximum recursion depth exceeded"), "--jit {mode}: {e}");
    }
}

/// `fn main() { print(<expr>); }` compiled and run on this (test) thread, JIT off.
fn eval(expr: &str) -> Result<String, CompileError> {
    let prog = compile_source(&format!("fn id(x) {{ return x; }}\nfn main() {{ let x = 2; print({expr}); }}"))?;
    let buf = SharedBuf::default();
    // (Not in GC stress mode: collecting after each of a million additions is beside the point.)
    let params = JitParams { gc_stress: false, ..JitParams::off() };
    let (r, _) = run_program_with_limit(prog, params, MAX_DEPTH, Box::new(buf.clone()));
    r.unwrap();
    let out = String::from_utf8_lossy(&buf.0.borrow()).into_owned();
    Ok(out)
}

#[test]
fn long_chains_of_operators() {
    for n in [25_000usize, 1_000_000] {
        assert_eq!(eval(&format!("0{}", " + 1".repeat(n))).unwrap(), format!("{n}\n"));
        assert_eq!(eval(&format!("x{}", " + x - 1".repeat(n))).unwrap(), format!("{}\n", 2 + n));
        assert_eq!(eval(&format!("1{}", " * 1".repeat(n))).unwrap(), "1\n");
        assert_eq!(eval(&format!("1{}", " and x".repeat(n))).unwrap(), "1\n");
        assert_eq!(eval(&format!("0{} or 1", " or 0".repeat(n))).unwrap(), "1\n");
        assert_eq!(eval(&format!("1{} and 0", " and 1".repeat(n))).unwrap(), "0\n");
    }
    // Distinct constants, in every mode of the JIT.
    let n: u64 = 25_000;
    let sum: String = (1..=n).map(|i| format!(" + {i}")).collect();
    let src = format!("fn f() {{ return 0{sum}; }}\nfn main() {{ let i = 0; let t = 0; while i < 100 {{ t = t + f(); i = i + 1; }} print(t); }}");
    for mode in MODES {
        let mut params = JitParams { gc_stress: false, ..JitParams::default() };
        params.apply(mode).unwrap();
        let (out, r) = run_with(64 << 20, params, MAX_DEPTH, &src);
        assert_eq!((out, r), (format!("{}\n", 100 * n * (n + 1) / 2), Ok(())), "--jit {mode}");
    }
}

#[test]
fn long_else_if_chains_are_flat() {
    let arms: String = (0..100_000).map(|i| format!(" else if x == {i} {{ print({i}); }}")).collect();
    let src = format!("fn main() {{ let x = 99999; if x < 0 {{ print(-1); }}{arms} }}");
    let (out, r) = run_with(64 << 20, JitParams { gc_stress: false, ..JitParams::off() }, MAX_DEPTH, &src);
    assert_eq!((out.as_str(), r), ("99999\n", Ok(())));
}

#[test]
fn deep_nesting_is_a_syntax_error() {
    let err = |src: &str| compile_source(src).unwrap_err().msg;
    assert_eq!(eval(&format!("{}x{}", "(".repeat(90), ")".repeat(90))).unwrap(), "2\n");
    assert_eq!(eval(&format!("{}x{}", "id(".repeat(90), ")".repeat(90))).unwrap(), "2\n");
    assert_eq!(eval(&format!("{}x", "- ".repeat(90))).unwrap(), "2\n");
    for n in [101, 10_000, 1_000_000] {
        let nested = |open: &str, close: &str| {
            format!("fn id(x) {{ return x; }}\nfn main() {{ print({}1{}); }}", open.repeat(n), close.repeat(n))
        };
        for (open, close) in [("(", ")"), ("id(", ")"), ("[", "]"), ("- ", ""), ("not ", ""), ("1 + (", ")")] {
            let e = err(&nested(open, close));
            assert!(e.starts_with("expression too deeply nested"), "{open}: {e}");
        }
        let blocks = format!("fn main() {{ {} {} }}", "if 1 { ".repeat(n), "}".repeat(n));
        // (The condition of the innermost `if` may be what goes too deep.)
        assert!(err(&blocks).contains("too deeply nested"), "{}", err(&blocks));
        let loops = format!("fn main() {{ {} {} }}", "while 0 { ".repeat(n), "}".repeat(n));
        assert!(err(&loops).contains("too deeply nested"));
        let index = format!("fn main() {{ let a = [0]; print(a{}); }}", "[0]".repeat(n));
        assert!(err(&index).starts_with("expression too deeply nested"));
    }
}

#[test]
fn the_stack_is_sized_to_the_widest_frame() {
    // Compiled recursion keeps a caller's frame words on the native stack several times over
    // (GC record, arguments, the callee's frame buffer, spills): a function of 300 locals
    // recursing to the limit ran out of a fixed 128 MiB stack at ~9,000 frames with the JIT
    // on and reached the limit with it off (tests/acceptance/w6_wide_deep_recursion.fern
    // runs it).
    let wide = |locals: usize| {
        let lets: String = (0..locals).map(|k| format!("let v{k} = n + {k}; ")).collect();
        compile_source(&format!("fn f(n) {{ {lets} return n; }} fn main() {{ print(f(1)); }}")).unwrap()
    };
    let narrow = metatrace_fern::stack_size_for(&wide(2), MAX_DEPTH);
    assert_eq!(narrow, metatrace_fern::STACK_SIZE);
    let w300 = metatrace_fern::stack_size_for(&wide(300), MAX_DEPTH);
    let w1200 = metatrace_fern::stack_size_for(&wide(1200), MAX_DEPTH);
    // Measured in a release build: about 1.3 KB plus 47 bytes per frame word a level.
    assert!(w300 >= MAX_DEPTH as usize * (1300 + 47 * 301), "{w300}");
    assert!(w1200 >= MAX_DEPTH as usize * (1300 + 47 * 1201), "{w1200}");
    // A lower limit needs less (but never less than the default).
    assert!(metatrace_fern::stack_size_for(&wide(1200), 100) == metatrace_fern::STACK_SIZE);
}
