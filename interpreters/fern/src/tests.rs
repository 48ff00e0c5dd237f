//! Tests of whole programs: errors, and the same output with the JIT off, on, and eager.

use crate::value::float_repr;
use crate::{run_source, CompileError};
use metatrace::JitParams;

/// The three configurations every program must agree under.
fn configs() -> Vec<(&'static str, JitParams)> {
    let mut eager = JitParams::default();
    eager.apply("threshold=1,bridge=1").unwrap();
    vec![("off", JitParams::off()), ("default", JitParams::default()), ("threshold=1,bridge=1", eager)]
}

/// Runs `src` under every configuration, checks they agree, and returns the common result.
fn run_all(src: &str) -> Result<String, String> {
    let mut first: Option<Result<String, String>> = None;
    for (name, params) in configs() {
        let r = run_source(src, params).map(|(out, _)| out);
        match &first {
            None => first = Some(r),
            Some(f) => assert_eq!(&r, f, "--jit {name} disagrees with --jit off on:\n{src}"),
        }
    }
    first.unwrap()
}

fn program(name: &str) -> String {
    let path = format!("{}/programs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
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
    let err = |src: &str| run_all(src).unwrap_err();
    assert_eq!(err("fn main() { let a = 1; print(a // 0); }"), "division by zero (in main)");
    assert_eq!(err("fn main() { let a = 1; print(a % 0); }"), "division by zero (in main)");
    assert_eq!(err("fn f(a) { return a / 0.0; }\nfn main() { f(1); }"), "division by zero (in f)");
    assert_eq!(err("fn main() { let x = 9223372036854775807; x = x + 1; }"), "integer overflow (in main)");
    assert_eq!(err("fn main() { let x = -9223372036854775807 - 1; print(x // -1); }"), "integer overflow (in main)");
    assert_eq!(err("fn main() { let x = -9223372036854775807 - 1; print(-x); }"), "integer overflow (in main)");
    let e = err("fn main() { print(1 + none); }");
    assert!(e.starts_with("unsupported operand types"), "{e}");
    assert!(err("fn main() { print(none < 1.0); }").starts_with("unsupported operand types"));
    assert_eq!(err("fn r(n) { return r(n + 1); }\nfn main() { r(0); }"), "maximum recursion depth exceeded (in r)");
}

#[test]
fn recursion_limit_is_10000_frames() {
    let src = |n: usize| {
        format!("fn r(n) {{ if n == 0 {{ return 0; }} return 1 + r(n - 1); }}\nfn main() {{ print(r({n})); }}")
    };
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
    let src = "fn r(n) { if n == 0 { return 0; } return r(n - 1) + 1; }\n\
               fn main() { let i = 0; while i < 3000 { let n = 3; if i == 2500 { n = 20000; } r(n); i = i + 1; } }";
    assert_eq!(run_all(src).unwrap_err(), "maximum recursion depth exceeded (in r)");
}

#[test]
fn semantics() {
    let out = run_all(
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
    let sum: u64 = (0..20).map(fib).sum();
    assert_eq!(run_all(&program("fib.fern")).unwrap(), format!("{sum}\n{}\n", fib(27)));
}

#[test]
fn program_floats() {
    let n = 10_000_000i64;
    let h = 1.0 / n as f64;
    let mut sum = 0.0;
    for i in 0..n {
        let x = (i as f64 + 0.5) * h;
        sum += 4.0 / (1.0 + x * x);
    }
    assert_eq!(run_all(&program("floats.fern")).unwrap(), format!("{}\n", float_repr(sum * h)));
}

#[test]
fn program_loops() {
    let (mut h, mut count) = (7i64, 0);
    for i in 0..1000i64 {
        for j in 0..1000i64 {
            h = (h * 31 + i * j + 1) % 1000003;
            if h % 2 == 0 && j > 500 {
                count += 1;
            }
        }
    }
    assert_eq!(run_all(&program("loops.fern")).unwrap(), format!("{h} {count}\n"));
}

#[test]
fn program_mixed() {
    // x: int, then float from i = 100000; sum follows x; acc is a float from i = 0.
    let (mut xi, mut xf, mut x_is_float) = (0i64, 0.0f64, false);
    let (mut si, mut sf, mut s_is_float) = (0i64, 0.0f64, false);
    let mut acc = 0.0f64;
    for i in 0..200000i64 {
        if i == 100000 {
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
    let expected = format!(
        "{} {}\n{}\n1 none {} -4 -1 -4.0 0.5 1e+16 0.30000000000000004\n",
        float_repr(xf),
        float_repr(sf),
        float_repr(acc),
        float_repr(-xf)
    );
    assert_eq!(run_all(&program("mixed.fern")).unwrap(), expected);
}

#[test]
fn program_deep() {
    let mut total = 0.0f64;
    for i in 0..300000i64 {
        total += if i % 50 == 0 { 0.5 * 2.0 + 1.0 } else { ((i % 7) * 2 + 1) as f64 };
    }
    assert_eq!(run_all(&program("deep.fern")).unwrap(), format!("{}\n", float_repr(total)));
}

#[test]
fn jit_actually_compiles_the_programs() {
    for name in ["floats.fern", "loops.fern", "mixed.fern", "deep.fern"] {
        let (_, stats) = run_source(&program(name), JitParams::default()).unwrap();
        assert!(stats.loops >= 1, "{name}: {}", stats.summary());
        assert!(stats.entries >= 1, "{name}: {}", stats.summary());
    }
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
        "\n", "$", "1e",
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
    for name in ["fib.fern", "floats.fern", "loops.fern", "mixed.fern", "deep.fern"] {
        let src = program(name);
        for _ in 0..300 {
            let mut bytes = src.clone().into_bytes();
            let at = rng.next() % bytes.len();
            match rng.next() % 3 {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, b"(){};=+-*/%<>!.#0a"[rng.next() % 18]),
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
