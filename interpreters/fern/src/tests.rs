//! Tests of whole programs: errors, and the same output with the JIT off, on, and eager,
//! and in GC stress mode (a collection at every instruction boundary after an allocation).

use crate::value::float_repr;
use crate::{run_source, run_source_with_stats, CompileError};
use metatrace::JitParams;

const NORMAL: &[&str] = &["off", "on", "threshold=1,bridge=1"];
/// GC stress mode collects at nearly every instruction, which is slow in debug builds (a
/// collection sweeps the heap's pages): only small programs run in it.
const STRESS: &[&str] = &["off,gc_stress", "threshold=1,bridge=1,gc_stress"];

fn params(spec: &str) -> JitParams {
    let mut p = JitParams::default();
    p.apply(spec).unwrap();
    p
}

/// Whether the whole suite runs in GC stress mode (`METATRACE_GC_STRESS=1`): then every run
/// collects at nearly every instruction, so the full-size programs are left out (their
/// shrunk copies still run, in stress mode) and large instances use smaller sizes.
fn stress_env() -> bool {
    JitParams::default().gc_stress
}

/// `normal`, or `stress` when the suite runs in GC stress mode.
fn size(normal: i64, stress: i64) -> i64 {
    if stress_env() {
        stress
    } else {
        normal
    }
}

/// Parameters for tests that measure the heap's own policy (never in stress mode).
fn policy_params(spec: &str) -> JitParams {
    let mut p = params(spec);
    p.gc_stress = false;
    p
}

/// Runs `src` under the `--jit` settings `specs`, checks they agree, and returns the common
/// result.
fn run_in(specs: &[&str], src: &str) -> Result<String, String> {
    let mut first: Option<Result<String, String>> = None;
    for spec in specs {
        let r = run_source(src, params(spec)).map(|(out, _)| out);
        match &first {
            None => first = Some(r),
            Some(f) => assert_eq!(&r, f, "--jit {spec} disagrees with --jit {} on:\n{src}", specs[0]),
        }
    }
    first.unwrap()
}

/// Runs `src` with the JIT off, on and eager.
fn run_all(src: &str) -> Result<String, String> {
    run_in(NORMAL, src)
}

/// Runs a small program in every configuration, GC stress mode included.
fn run_every(src: &str) -> Result<String, String> {
    let all: Vec<&str> = NORMAL.iter().chain(STRESS).copied().collect();
    run_in(&all, src)
}

fn program(name: &str) -> String {
    let path = format!("{}/programs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `program(name)` with each `from` replaced by `to` (each must occur exactly once): a
/// smaller instance of the same program.
fn shrunk(name: &str, edits: &[(&str, &str)]) -> String {
    let mut src = program(name);
    for (from, to) in edits {
        assert_eq!(src.matches(from).count(), 1, "{name}: {from:?}");
        src = src.replace(from, to);
    }
    src
}

fn compile_err(src: &str) -> CompileError {
    crate::compile_source(src).unwrap_err()
}

#[test]
fn compile_errors_are_reported_with_lines() {
    let e = compile_err("fn main() {\n  let x = 1 +;\n}");
    assert_eq!(e.with_file("t.fern"), "t.fern:2: expected an expression, found ';'");
    let e = compile_err("fn main() {\n  while 1 { \n");
    assert!(e.msg.contains("end of file"), "{e}");
    let e = compile_err("fn main() {\n\n  nope(3);\n}");
    assert_eq!(e.with_file("t.fern"), "t.fern:3: unknown function 'nope'");
    let e = compile_err("fn two(a, b) { return a + b; }\nfn main() { print(two(1)); }");
    assert_eq!(e.with_file("t.fern"), "t.fern:2: function 'two' takes 2 arguments, but 1 was given");
    assert_eq!(compile_err("fn helper() { }").msg, "no main function");
    assert!(run_source("fn main() { print(y); }", JitParams::off()).unwrap_err().contains("undefined variable 'y'"));
    assert_eq!(run_source("fn main() {\n @ }", JitParams::off()).unwrap_err(), "<source>:2: unexpected character '@'");
}

#[test]
fn garbage_input_gives_errors_not_panics() {
    for src in
        ["", "}", "fn", "fn main(", "fn main() { return 1 }", "fn main() { 1 = 2; }", "\u{0}", "fn main() { let = 3; }"]
    {
        assert!(crate::compile_source(src).is_err(), "{src:?}");
    }
}

#[test]
fn runtime_errors() {
    let err = |src: &str| run_every(src).unwrap_err();
    assert_eq!(err("fn main() { let a = 1; print(a // 0); }"), "division by zero (in main)");
    assert_eq!(err("fn main() { let a = 1; print(a % 0); }"), "division by zero (in main)");
    assert_eq!(err("fn f(a) { return a / 0.0; }\nfn main() { f(1); }"), "division by zero (in f)");
    assert_eq!(err("fn main() { let x = 9223372036854775807; x = x + 1; }"), "integer overflow (in main)");
    assert_eq!(err("fn main() { let x = -9223372036854775807 - 1; print(x // -1); }"), "integer overflow (in main)");
    assert_eq!(err("fn main() { let x = -9223372036854775807 - 1; print(-x); }"), "integer overflow (in main)");
    let e = err("fn main() { print(1 + none); }");
    assert!(e.starts_with("unsupported operand types"), "{e}");
    assert!(err("fn main() { print(none < 1.0); }").starts_with("unsupported operand types"));
    // Reaching the recursion limit is quadratic in GC stress mode (see
    // `recursion_limit_is_10000_frames`).
    if !stress_env() {
        assert_eq!(
            run_all("fn r(n) { return r(n + 1); }\nfn main() { r(0); }").unwrap_err(),
            "maximum recursion depth exceeded (in r)"
        );
    }
}

#[test]
fn array_errors() {
    let err = |src: &str| run_every(&format!("fn main() {{ let a = [1, 2]; {src} }}")).unwrap_err();
    assert_eq!(err("print(a[2]);"), "index out of range (in main)");
    assert_eq!(err("print(a[-1]);"), "index out of range (in main)");
    assert_eq!(err("a[2] = 0;"), "index out of range (in main)");
    assert_eq!(err("a[-3] = 0;"), "index out of range (in main)");
    assert_eq!(err("print([][0]);"), "index out of range (in main)");
    assert_eq!(err("print(a[1.0]);"), "array index must be an int, not float (in main)");
    assert_eq!(err("a[none] = 1;"), "array index must be an int, not none (in main)");
    assert_eq!(err("print(a[0][0]);"), "cannot index int (in main)");
    assert_eq!(err("let n = none; n[0] = 1;"), "cannot index none (in main)");
    assert_eq!(err("print(array(-1));"), "array() size must not be negative (in main)");
    assert_eq!(err("print(array(2.0));"), "array() needs an int, not float (in main)");
    assert_eq!(err("print(array(a));"), "array() needs an int, not array (in main)");
    assert_eq!(err("print(array(1000000000000));"), "array() size is too large (in main)");
    assert_eq!(err("print(len(3));"), "len() needs an array, not int (in main)");
    assert_eq!(err("print(len(none));"), "len() needs an array, not none (in main)");
    assert_eq!(err("print(a + a);"), "unsupported operand types for +: array and array (in main)");
    assert_eq!(err("print(a * 2);"), "unsupported operand types for *: array and int (in main)");
    assert_eq!(err("print(1.5 - a);"), "unsupported operand types for -: float and array (in main)");
    assert_eq!(err("print(a < a);"), "unsupported operand types for <: array and array (in main)");
    assert_eq!(err("print(a // none);"), "unsupported operand types for //: array and none (in main)");
    assert_eq!(err("print(-a);"), "unsupported operand type for -: array (in main)");
    // After the loop got hot: the bounds guard fails in compiled code.
    let src = "fn main() { let a = array(2000); let i = 0; while i < 3000 { a[i] = i; i = i + 1; } }";
    assert_eq!(run_all(src).unwrap_err(), "index out of range (in main)");
    let src = "fn get(a, i) { return a[i]; }\n\
               fn main() { let a = [1, 2, 3]; let i = 0; let s = 0; while i < 3000 { let k = i % 3; if i == 2500 { k = 3; } s = s + get(a, k); i = i + 1; } }";
    assert_eq!(run_all(src).unwrap_err(), "index out of range (in get)");
    let src = "fn main() { let a = [1, 2, 3]; let i = 0; let s = 0; while i < 3000 { let x = a; if i == 2000 { x = 5; } s = s + x[1]; i = i + 1; } }";
    assert_eq!(run_all(src).unwrap_err(), "cannot index int (in main)");
}

#[test]
fn arrays() {
    let out = run_every(
        "fn fill(a, v) { let i = 0; while i < len(a) { a[i] = v * i; i = i + 1; } return a; }\n\
         fn main() {\n\
           let a = [1, 2.5, none, [3]];\n\
           print(a, len(a), a[3][0], a[1] + a[0]);\n\
           let b = fill(array(4), 2);\n\
           print(b, len([]), [], [[]], array(0), array(2));\n\
           a[2] = a; print(a);\n\
           let c = [b, b]; print(c);\n\
           print(a == a, a != a, [] == [], b == c[0], none == none, [1] == 1, [1] != none, a[2] == a);\n\
           print(not [], not [0], [] or 0, [0] and 1);\n\
           if [] { print(1); } else { print(2); }\n\
           let m = array(3); m[0] = m; m[1] = [m]; print(m);\n\
           let x = [0]; let y = x; y[0] = 5; print(x[0], x);\n\
           let n = [[1, 2], [3, [4, [5.5, -0.0]]]]; n[1][1][1][0] = n[0]; print(n, n[1][1][1][0][1]);\n\
         }",
    )
    .unwrap();
    assert_eq!(
        out,
        "[1, 2.5, none, [3]] 4 3 3.5\n\
         [0, 2, 4, 6] 0 [] [[]] [] [none, none]\n\
         [1, 2.5, [...], [3]]\n\
         [[0, 2, 4, 6], [0, 2, 4, 6]]\n\
         1 0 0 1 1 0 1 1\n\
         1 0 0 1\n\
         2\n\
         [[...], [[...]], none]\n\
         5 [5]\n\
         [[1, 2], [3, [4, [[1, 2], -0.0]]]] 2\n"
    );
}

#[test]
fn collection_keeps_what_frames_reach() {
    // A linked list of arrays built in a loop, reachable only from a local, then walked.
    let src = |n: i64| {
        format!(
            "fn main() {{ let l = none; let i = 0; while i < {n} {{ l = [i, l, i * 0.5]; i = i + 1; }}\n\
             let s = 0; let f = 0.0; while l != none {{ s = s + l[0]; f = f + l[2]; l = l[1]; }} print(s, f); }}"
        )
    };
    let expected = |n: i64| format!("{} {}\n", n * (n - 1) / 2, float_repr((0..n).map(|i| i as f64 * 0.5).sum()));
    assert_eq!(run_every(&src(150)).unwrap(), expected(150));
    // In stress mode every run collects thousands of times anyway, each time marking the
    // whole list: a short list will do.
    let n = size(100_000, 300);
    assert_eq!(run_all(&src(n)).unwrap(), expected(n));
    let (_, stats) = run_source_with_stats(&src(n), JitParams::off()).unwrap();
    assert!(stats.heap.collections > 0, "{:?}", stats.heap);
}

#[test]
fn recursion_limit_is_10000_frames() {
    let src = |n: usize| {
        format!("fn r(n) {{ if n == 0 {{ return 0; }} return 1 + r(n - 1); }}\nfn main() {{ print(r({n})); }}")
    };
    if stress_env() {
        // Every frame allocates, so stress mode collects at nearly every instruction, and
        // each collection scans every frame: thousands of frames deep that is quadratic,
        // and the limit (a constant) is out of reach. Deep recursion still runs, collected.
        assert_eq!(run_all(&src(1000)).unwrap(), "1000\n");
        return;
    }
    // main is frame 1, r(n) .. r(0) are n + 1 more.
    assert_eq!(run_all(&src(9998)).unwrap(), "9998\n");
    assert_eq!(run_all(&src(9999)).unwrap_err(), "maximum recursion depth exceeded (in r)");
}

#[test]
fn runtime_errors_inside_hot_loops_and_inlined_calls() {
    // The error happens in compiled code's territory: after the loop got hot.
    let e = run_all("fn main() { let i = 0; while i < 5000 { let d = 4000 - i; print(i // d); i = i + 1; } }");
    assert_eq!(e.unwrap_err(), "division by zero (in main)");
    // Deep inside inlined calls: a guard fails, the frames are rebuilt and the error travels
    // through the rebuilt callers.
    let src = "fn inner(i) { if i == 3000 { return none + 1; } return i; }\n\
               fn middle(i) { return inner(i) + 1; }\n\
               fn main() { let i = 0; let t = 0; while i < 5000 { t = t + middle(i); i = i + 1; } print(t); }";
    let e = run_all(src).unwrap_err();
    assert_eq!(e, "unsupported operand types for +: none and int (in inner)");
    // Reaching the recursion limit is quadratic in GC stress mode (see
    // `recursion_limit_is_10000_frames`).
    if !stress_env() {
        let src = "fn r(n) { if n == 0 { return 0; } return r(n - 1) + 1; }\n\
                   fn main() { let i = 0; while i < 3000 { let n = 3; if i == 2500 { n = 20000; } r(n); i = i + 1; } }";
        assert_eq!(run_all(src).unwrap_err(), "maximum recursion depth exceeded (in r)");
    }
}

/// Floor `%` and `//` by constants in a hot loop (the optimizer turns powers of two into a
/// mask and a shift, the backend other constants into multiplies): negative dividends and the
/// extremes agree with the interpreter, and the sums are Python's.
#[test]
fn floor_division_by_constants_in_loops() {
    let src = "fn main() {\n\
                 let i = -1500; let s = 0; let t = 0;\n\
                 while i < 1500 {\n\
                   s = s + i % 8 + i // 4 + i % 1024 + i // 2 - i % 7 - i // 3 + i % -4 + i // -8;\n\
                   t = t + (i * 3074457345618258) % 4611686018427387904 // 1073741824;\n\
                   i = i + 1;\n\
                 }\n\
                 let m = -9223372036854775807 - 1;\n\
                 print(s, t, m % 2, m // 2, m % 4611686018427387904, m // 4611686018427387904);\n\
               }";
    // What CPython 3.11 prints for the same sums over range(-1500, 1500) (t's multiplier keeps
    // |i * c| below 2^62: an overflowing `*` is an error in Fern) and the same extremes.
    assert_eq!(run_every(src).unwrap(), "1528875 6438155975205 0 -4611686018427387904 0 -2\n");
}

/// `4.0 / (1.0 + x * x)` in a hot loop: the optimizer drops its division-by-zero guard
/// (`1.0 + x * x` is at least 1 or NaN); infinities, NaN and -0.0 still agree with the
/// interpreter and with CPython 3.11, which prints the same for the same program.
#[test]
fn float_guards_decided_by_bounds() {
    let src = "fn f(x) { return 4.0 / (1.0 + x * x); }\n\
               fn main() {\n\
                 let inf = 1e300 * 1e300; let nan = inf - inf;\n\
                 let i = 0; let s = 0.0; let nans = 0;\n\
                 while i < 3000 {\n\
                   let x = i * 0.001;\n\
                   if i % 7 == 3 { x = inf; }\n\
                   if i % 11 == 5 { x = nan; }\n\
                   if i % 13 == 1 { x = -(0.0); }\n\
                   let y = f(x);\n\
                   if y != y { nans = nans + 1; } else { s = s + y; }\n\
                   i = i + 1;\n\
                 }\n\
                 print(s, nans);\n\
               }";
    assert_eq!(run_every(src).unwrap(), "4518.954763714685 252\n");
}

#[test]
fn semantics() {
    let out = run_every(
        "fn f() { return; }\n\
         fn main() {\n\
           print(7 // 2, -7 // 2, 7 % -2, -7 % 2, 7 / 2, 1 / 4, 2.5 // 1, -2.5 % 1, 6 // 2.0);\n\
           print(1 == 1.0, none == none, none != 0, 1 < 2.5, not 0, not 0.5, not none, true, false);\n\
           print(0 or 0.0, 3 and 4, 0 and f(), 1 or f(), f(), -(3), -(0.0), 1e300 * 1e300, 0.1 + 0.2);\n\
           print();\n\
           let x = 1; if x { let x = 2; print(x); } print(x);\n\
           if 0 { print(1); } else if none { print(2); } else { print(3); }\n\
         }",
    )
    .unwrap();
    assert_eq!(
        out,
        "3 -4 -1 1 3.5 0.25 2.0 0.5 3.0\n\
         1 1 1 1 1 0 1 1 0\n\
         0 1 0 1 none -3 -0.0 inf 0.30000000000000004\n\
         \n\
         2\n1\n3\n"
    );
}

fn fib(n: u64) -> u64 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

#[test]
fn program_fib() {
    let expected = |loops: u64, n: u64| format!("{}\n{}\n", (0..loops).map(fib).sum::<u64>(), fib(n));
    if !stress_env() {
        assert_eq!(run_all(&program("fib.fern")).unwrap(), expected(20, 27));
    }
    let small = shrunk("fib.fern", &[("while i < 20", "while i < 8"), ("fib(27)", "fib(9)")]);
    assert_eq!(run_every(&small).unwrap(), expected(8, 9));
}

#[test]
fn program_floats() {
    let expected = |n: i64| {
        let h = 1.0 / n as f64;
        let mut sum = 0.0;
        for i in 0..n {
            let x = (i as f64 + 0.5) * h;
            sum += 4.0 / (1.0 + x * x);
        }
        format!("{}\n", float_repr(sum * h))
    };
    // Interpreting ten million iterations, with a box allocated for every intermediate
    // value, takes about a minute in a debug build: the full program runs compiled, a tenth
    // of it in every mode.
    if !stress_env() {
        assert_eq!(run_in(&NORMAL[1..], &program("floats.fern")).unwrap(), expected(10_000_000));
        let medium = shrunk("floats.fern", &[("let n = 10000000;", "let n = 1000000;")]);
        assert_eq!(run_all(&medium).unwrap(), expected(1_000_000));
    }
    let small = shrunk("floats.fern", &[("let n = 10000000;", "let n = 300;")]);
    assert_eq!(run_every(&small).unwrap(), expected(300));
}

#[test]
fn program_loops() {
    let expected = |ni: i64, nj: i64, half: i64| {
        let (mut h, mut count) = (7i64, 0);
        for i in 0..ni {
            for j in 0..nj {
                h = (h * 31 + i * j + 1) % 1000003;
                if h % 2 == 0 && j > half {
                    count += 1;
                }
            }
        }
        format!("{h} {count}\n")
    };
    if !stress_env() {
        assert_eq!(run_all(&program("loops.fern")).unwrap(), expected(1000, 1000, 500));
    }
    let small = shrunk(
        "loops.fern",
        &[("while i < 1000 {", "while i < 6 {"), ("while j < 1000 {", "while j < 40 {"), ("j > 500", "j > 20")],
    );
    assert_eq!(run_every(&small).unwrap(), expected(6, 40, 20));
}

fn mixed_expected(n: i64, switch: i64) -> String {
    // x: int, then float from i = switch; sum follows x; acc is a float from i = 0.
    let (mut xi, mut xf, mut x_is_float) = (0i64, 0.0f64, false);
    let (mut si, mut sf, mut s_is_float) = (0i64, 0.0f64, false);
    let mut acc = 0.0f64;
    for i in 0..n {
        if i == switch {
            xf = xi as f64 + 0.5;
            x_is_float = true;
        }
        if x_is_float {
            xf += 1.0;
            if !s_is_float {
                sf = si as f64;
                s_is_float = true;
            }
            sf += xf;
        } else {
            xi += 1;
            si += xi;
        }
        acc += if i % 3 == 0 { 1.5 } else { 2.0 };
    }
    assert!(x_is_float && s_is_float);
    format!(
        "{} {}\n{}\n1 none {} -4 -1 -4.0 0.5 1e+16 0.30000000000000004\n",
        float_repr(xf),
        float_repr(sf),
        float_repr(acc),
        float_repr(-xf)
    )
}

#[test]
fn program_mixed() {
    if !stress_env() {
        assert_eq!(run_all(&program("mixed.fern")).unwrap(), mixed_expected(200000, 100000));
    }
    let small = shrunk("mixed.fern", &[("while i < 200000", "while i < 200"), ("if i == 100000", "if i == 100")]);
    assert_eq!(run_every(&small).unwrap(), mixed_expected(200, 100));
}

#[test]
fn program_deep() {
    let expected = |n: i64| {
        let mut total = 0.0f64;
        for i in 0..n {
            total += if i % 50 == 0 { 0.5 * 2.0 + 1.0 } else { ((i % 7) * 2 + 1) as f64 };
        }
        format!("{}\n", float_repr(total))
    };
    if !stress_env() {
        assert_eq!(run_all(&program("deep.fern")).unwrap(), expected(300000));
    }
    let small = shrunk("deep.fern", &[("while i < 300000", "while i < 120")]);
    assert_eq!(run_every(&small).unwrap(), expected(120));
}

/// A binary tree, the Rust way, to count nodes independently of the Fern program.
enum Tree {
    Leaf,
    Node(Box<Tree>, Box<Tree>),
}

fn make_tree(d: u32) -> Tree {
    if d == 0 {
        Tree::Leaf
    } else {
        Tree::Node(Box::new(make_tree(d - 1)), Box::new(make_tree(d - 1)))
    }
}

fn check_tree(t: &Tree) -> u64 {
    match t {
        Tree::Leaf => 1,
        Tree::Node(l, r) => 1 + check_tree(l) + check_tree(r),
    }
}

/// What binary_trees.fern prints for a maximum depth.
fn binary_trees_expected(max: u32) -> String {
    let min = 4;
    let max = max.max(min + 2);
    let mut out = format!("{} {}\n", max + 1, check_tree(&make_tree(max + 1)));
    let long_lived = make_tree(max);
    for d in (min..=max).step_by(2) {
        let iterations = 1u64 << (max - d + min);
        let sum: u64 = (0..iterations).map(|_| check_tree(&make_tree(d))).sum();
        assert_eq!(sum, iterations * ((1 << (d + 1)) - 1));
        out += &format!("{iterations} {d} {sum}\n");
    }
    out += &format!("{max} {}\n", check_tree(&long_lived));
    out
}

#[test]
fn program_binary_trees() {
    let src = shrunk("binary_trees.fern", &[("let max = 12;", "let max = 6;")]);
    assert_eq!(run_every(&src).unwrap(), binary_trees_expected(6));
    assert!(binary_trees_expected(12).starts_with("13 16383\n4096 4 126976\n"));
}

fn alloc_loop_expected(n: i64) -> String {
    let (mut s, mut f) = (0i64, 0.0f64);
    for i in 0..n {
        s += i * (i + 1) % 7;
        f += 0.5 * (i % 3) as f64;
    }
    format!("{s} {}\n", float_repr(f))
}

/// alloc_loop.fern with `n` iterations (the file's 10^8 are for measuring by hand).
fn alloc_loop(n: i64) -> String {
    shrunk("alloc_loop.fern", &[("let n = 100000000;", &format!("let n = {n};"))])
}

#[test]
fn program_alloc_loop() {
    assert_eq!(run_every(&alloc_loop(100)).unwrap(), alloc_loop_expected(100));
    let n = size(20_000, 500);
    assert_eq!(run_all(&alloc_loop(n)).unwrap(), alloc_loop_expected(n));
}

#[test]
fn interpreted_allocation_loop_runs_in_flat_memory() {
    let n = 200_000;
    for spec in ["off", "on"] {
        let (out, stats) = run_source_with_stats(&alloc_loop(n), policy_params(spec)).unwrap();
        assert_eq!(out, alloc_loop_expected(n));
        let h = &stats.heap;
        if spec == "off" {
            // Every iteration allocates an array and several boxes: hundreds of bytes.
            assert!(h.objects >= 8 * n as u64, "{h:?}");
            assert!(h.bytes >= 250 * n as u64, "{h:?}");
            assert!(h.collections > 0, "{h:?}");
        }
        // Compiled code's allocation fast path counts nothing in `bytes`.
        assert!(h.peak_bytes < 16 << 20, "--jit {spec}: memory grew: {h:?}");
        assert!(spec != "off" || (h.peak_bytes as u64) * 8 < h.bytes, "--jit {spec}: {h:?}");
    }
}

#[test]
fn jit_actually_compiles_the_programs() {
    for name in ["floats.fern", "loops.fern", "mixed.fern", "deep.fern"] {
        let (_, stats) = run_source(&program(name), policy_params("on")).unwrap();
        assert!(stats.loops >= 1, "{name}: {}", stats.summary());
        assert!(stats.entries >= 1, "{name}: {}", stats.summary());
    }
    let (_, stats) = run_source(&alloc_loop(5000), policy_params("on")).unwrap();
    assert!(stats.loops >= 1 && stats.entries >= 1, "alloc_loop: {}", stats.summary());
    let (_, stats) = run_source(&program("deep.fern"), JitParams::default()).unwrap();
    assert!(stats.guard_failures > 0, "deep.fern: {}", stats.summary());
}

/// A small deterministic pseudo-random generator (xorshift) for the no-panic tests.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

#[test]
fn random_token_soup_never_panics() {
    const WORDS: &[&str] = &[
        "fn", "main", "f", "x", "(", ")", "{", "}", ",", ";", "=", "let", "if", "else", "while", "return", "print",
        "and", "or", "not", "none", "true", "1", "2.5", "+", "-", "*", "/", "//", "%", "<", "==", "!=", ">=", "#",
        "\n", "$", "1e", "[", "]", "len", "array", "a[0]",
    ];
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for _ in 0..3000 {
        let n = rng.next() % 40;
        let mut src = String::from("fn main() { ");
        for _ in 0..n {
            src.push_str(WORDS[rng.next() % WORDS.len()]);
            src.push(' ');
        }
        let _ = crate::compile_source(&src);
    }
}

#[test]
fn mutated_programs_never_panic() {
    let mut rng = Rng(12345);
    for name in
        ["fib.fern", "floats.fern", "loops.fern", "mixed.fern", "deep.fern", "binary_trees.fern", "alloc_loop.fern"]
    {
        let src = program(name);
        for _ in 0..300 {
            let mut bytes = src.clone().into_bytes();
            let at = rng.next() % bytes.len();
            match rng.next() % 3 {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, b"(){};=+-*/%<>!.#0a[]"[rng.next() % 20]),
                _ => {
                    let other = rng.next() % bytes.len();
                    bytes.swap(at, other);
                }
            }
            if let Ok(s) = String::from_utf8(bytes) {
                let _ = crate::compile_source(&s);
            }
        }
    }
}

/// The compiled allocation loop of alloc_loop.fern, with each of its guards made to fail in
/// turn: resuming from every guard's snapshot (boxes and arrays in the rebuilt frame) must be
/// exact, with bridges and in GC stress mode too.
#[test]
fn every_guard_of_the_allocation_loop_resumes_exactly() {
    use crate::{Fern, Io, SharedBuf};
    let n = 40;
    let src = alloc_loop(n);
    let expected = alloc_loop_expected(n);
    let mut vm =
        Fern::vm(crate::compile_source(&src).unwrap(), params("threshold=1"), Io::new(Box::new(SharedBuf::default())));
    let frame = vm.lang().start_frame();
    assert!(vm.run(frame).is_ok());
    let trace = &vm.traces().first().expect("the loop is compiled").optimized;
    assert!(trace.contains("guard_class"), "{trace}");
    let guards = trace.lines().filter(|l| l.trim_start().starts_with("guard_")).count();
    for g in 0..guards {
        for extra in ["", ",bridge=1", ",gc_stress"] {
            let spec = format!("threshold=1,fail_guard={g}{extra}");
            assert_eq!(run_source(&src, params(&spec)).map(|r| r.0), Ok(expected.clone()), "--jit {spec}");
        }
    }
}

/// A loop whose live data is a few hundred bytes keeps the same peak heap size however
/// many collections it goes through (a regression test: the heap once grew by a page per
/// collection, because free slots were handed out without being charged to the budget).
#[test]
fn memory_stays_flat_over_many_collections() {
    let peak = |n: i64| {
        let src = format!("fn main() {{ let i = 0; while i < {n} {{ i = i + 1; }} print(i); }}");
        let (_, stats) = run_source_with_stats(&src, policy_params("off")).unwrap();
        stats.heap
    };
    let (small, big) = (peak(500_000), peak(4_000_000));
    assert!(big.collections > 4 * small.collections.max(1), "{small:?} {big:?}");
    assert!(big.peak_bytes <= small.peak_bytes + (256 << 10), "{small:?}\n{big:?}");
}
