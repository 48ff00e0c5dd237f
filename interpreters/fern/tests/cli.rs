//! The `fern` binary: output, exit status and error formats.

use std::process::Command;

fn fern(args: &[&str], src: &str) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!(
        "fern-cli-{}-{}",
        std::process::id(),
        args.join("_").replace(['=', ','], "")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.fern");
    std::fs::write(&file, src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fern")).args(args).arg(&file).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let err = String::from_utf8_lossy(&out.stderr).replace(file.to_str().unwrap(), "t.fern");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

/// Runs `fern` with exactly `args` (no file added): (exit status, stdout, stderr).
fn fern_bare(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fern")).args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn help_prints_usage_and_the_jit_settings_and_exits_0() {
    for flag in ["--help", "-h"] {
        let (code, out, err) = fern_bare(&[flag]);
        assert_eq!((code, err.as_str()), (0, ""), "{flag}");
        assert!(out.starts_with("usage: fern [--jit SPEC] [--recursion-limit N] [--stats] [--dis] FILE\n"), "{out}");
        assert!(out.contains("threshold=N") && out.contains("exit status"), "{out}");
    }
    let (code, out, _) = fern(&["--help"], "fn main() { print(1); }");
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: fern"), "help runs nothing: {out}");
}

#[test]
fn bad_usage_says_what_is_wrong_and_exits_2() {
    for (args, message) in [
        (&["--bogus", "x.fern"][..], "fern: unknown option --bogus\n"),
        (&["-x"][..], "fern: unknown option -x\n"),
        (&["--dis=1", "x.fern"][..], "fern: unknown option --dis=1\n"),
        (&["--jit"][..], "fern: --jit needs a value\n"),
        (&["--jit=bogus", "x.fern"][..], "fern: --jit: unknown setting \"bogus\"\n"),
        (&[][..], "fern: no FILE given\n"),
        (&["a.fern", "b.fern"][..], "fern: one FILE only (got a.fern and b.fern)\n"),
    ] {
        let (code, out, err) = fern_bare(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.starts_with(message), "{args:?}: {err}");
        assert!(err.contains("usage: fern ") && err.contains("fern --help"), "{args:?}: {err}");
    }
    let (code, _, err) = fern_bare(&["/nonexistent/x.fern"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("fern: cannot read /nonexistent/x.fern"), "{err}");
}

#[test]
fn runs_a_program() {
    let src = "fn sq(x) { return x * x; }\nfn main() { let i = 0; let s = 0; while i < 3000 { s = s + sq(i); i = i + 1; } print(s, s / 2); }";
    for jit in ["off", "on", "threshold=1,bridge=1"] {
        let (code, out, err) = fern(&["--jit", jit], src);
        assert_eq!((code, out.as_str(), err.as_str()), (0, "8995500500 4497750250.0\n", ""), "--jit {jit}");
        let (code, out, err) = fern(&[&format!("--jit={jit}")], src);
        assert_eq!((code, out.as_str(), err.as_str()), (0, "8995500500 4497750250.0\n", ""), "--jit {jit}");
    }
}

#[test]
fn reports_errors() {
    let (code, out, err) = fern(&[], "fn main() {\n  print(1 +);\n}\n");
    assert_eq!((code, out.as_str(), err.trim()), (1, "", "t.fern:2: expected an expression, found ')'"));
    let (code, out, err) = fern(&[], "fn f(x) { return 10 // x; }\nfn main() { print(f(5)); print(f(0)); }\n");
    assert_eq!((code, out.as_str(), err.trim()), (1, "2\n", "fern: error: division by zero (in f)"));
    let (code, _, err) = fern(&["--jit", "bogus"], "fn main() {}");
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = fern(&[], "fn r() { return r(); }\nfn main() { r(); }");
    assert_eq!((code, err.trim()), (1, "fern: error: maximum recursion depth exceeded (in r)"));
}

#[test]
fn stats_and_disassembly() {
    let src = "fn main() { let i = 0; while i < 5000 { i = i + 1; } print(i); }";
    let (code, out, err) = fern(&["--stats"], src);
    assert_eq!((code, out.as_str()), (0, "5000\n"));
    assert!(err.starts_with("jit: loops=1"), "{err}");
    assert!(err.contains("\nheap: collections=") && err.contains("peak_bytes="), "{err}");
    let (code, out, _) = fern(&["--dis"], src);
    assert_eq!(code, 0);
    assert!(out.contains("   0  Enter\n") && out.contains("Loop(3)"), "{out}");
}

#[test]
fn deep_recursion_exits_with_an_error() {
    if std::env::var_os("METATRACE_GC_STRESS").is_some_and(|v| v != "0" && !v.is_empty()) {
        // Tens of thousands of frames scanned at every collection: tests/recursion.rs runs
        // deep recursion in stress mode on a small stack instead.
        return;
    }
    let src = "fn r(n) { if n == 0 { return 0; } return r(n - 1) + 1; }\n\
               fn main() { let i = 0; let t = 0; while i < 2000 { t = t + r(20); i = i + 1; } print(t); print(r(1000000)); }";
    for jit in ["off", "on", "threshold=1", "threshold=1,bridge=1", "inline_depth=0"] {
        // (The default limit, spelled out: `fern` names its scratch directory after the args.)
        let (code, out, err) = fern(&["--jit", jit, "--recursion-limit", "10000"], src);
        let expected = (1, "40000\n", "fern: error: maximum recursion depth exceeded (in r)");
        assert_eq!((code, out.as_str(), err.trim()), expected, "--jit {jit}");
        let (code, out, err) = fern(&["--jit", jit, "--recursion-limit", "100000000"], src);
        let expected = (1, "40000\n", "fern: error: maximum recursion depth exceeded: native stack exhausted (in r)");
        assert_eq!((code, out.as_str(), err.trim()), expected, "--jit {jit} --recursion-limit 100000000");
    }
    let (code, _, err) = fern(&["--recursion-limit", "0"], src);
    assert_eq!(code, 2, "{err}");
}

/// `--jit log` prints each trace with its guards numbered (as bridges name them) and a
/// comment line naming every constant pointer it uses: the toolchain's own words (the heap's
/// collection request, the stack limit, the call context) as well as classes and objects.
#[test]
fn the_trace_log_numbers_guards_and_names_every_constant_pointer() {
    let src = "fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }\n\
               fn main() { let i = 0; let s = 0; while i < 300 { s = s + fib(i % 12); i = i + 1; } print(s); }";
    let (code, out, err) = fern(&["--jit", "threshold=50,function_threshold=50,bridge=5,log"], src);
    assert_eq!((code, out.as_str()), (0, "5800\n"), "{err}");
    let mut traces = 0;
    for trace in err.split("\n\n").filter(|t| t.starts_with("# ")) {
        traces += 1;
        let (mut named, mut used) = (std::collections::BTreeSet::new(), std::collections::BTreeSet::new());
        for line in trace.lines() {
            if let Some(rest) = line.strip_prefix("# ConstPtr(") {
                let (k, name) = rest.split_once(") = ").expect("a named constant");
                assert!(!name.is_empty(), "{line}");
                named.insert(k.to_string());
            } else if !line.starts_with('#') {
                for part in line.split("ConstPtr(").skip(1) {
                    used.insert(part.split(')').next().unwrap().to_string());
                }
            }
        }
        assert_eq!(used, named, "every constant pointer is named:\n{trace}");
        let guards = trace.lines().filter(|l| l.starts_with("guard_")).count();
        for g in 0..guards {
            assert!(trace.contains(&format!("  # guard {g}\n")), "guard {g} numbered:\n{trace}");
        }
    }
    assert!(traces >= 2, "a loop and fib's entry at least:\n{err}");
    assert!(err.contains(" = the heap's collection request\n"), "{err}");
    assert!(err.contains(" = the stack limit\n"), "{err}");
}
