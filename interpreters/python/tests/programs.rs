//! mtpy's own Python programs (`tests/programs/*.py`, expected output from CPython 3.11 in
//! `*.out`), run by the `mtpy` binary with the JIT off, on, at threshold 1, and at threshold
//! 1 with bridges at 1: every run must print exactly the expected output and exit 0. Plus
//! the command line's error behaviour, and the JIT compiling Python loops.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MODES: &[&str] = &["jit=off", "jit=on", "jit-threshold=1", "jit=threshold=1,bridge=1"];

fn mtpy(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtpy")).args(args).current_dir(dir).output().expect("mtpy runs")
}

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    v.sort();
    v
}

#[test]
fn programs_print_what_cpython_prints_with_traces_cut_into_segments() {
    // A trace limit far below the default: traces past it are compiled in segments (see
    // `metatrace::driver`), each ending in a `guard_always_fails` that grows the next.
    if std::env::var_os("METATRACE_GC_STRESS").is_some() {
        return;
    }
    let mode = "jit=threshold=3,bridge=2,trace_limit=60";
    let failures: Vec<String> = programs().iter().filter_map(|p| mismatch(p, mode)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn callers_compiled_code_suspends_in_a_call_are_listed() {
    // Functions that list their callers (`sys._getframe`, `f_back`, `inspect.stack`) called
    // from hot loops without being inlined: the compiled callers' frames are described from
    // the call's resume data (see `metatrace::Concrete::caller_frames`).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut failures = Vec::new();
    for name in ["frames_compiled_callers.py", "frames_callers.py", "frame_and_classdict.py"] {
        for mode in ["jit=threshold=2,inline_depth=0", "jit=threshold=1,bridge=1,inline_depth=0"] {
            failures.extend(mismatch(&dir.join(name), mode));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_guard_of_a_hot_loop_resumes_the_interpreter_exactly() {
    // `fail_guard=N` makes guard N of every compiled loop fail always (testing knob, see
    // `metatrace::JitParams::fail_guard`), so the interpreter resumes from that guard's
    // snapshot on every iteration: from each guard in turn, the state it resumes in must be
    // the one the interpreter would be in. Programs whose loops call inside instructions
    // (a guard there resumes the instruction with the call's outcome).
    if std::env::var_os("METATRACE_GC_STRESS").is_some() {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut failures = Vec::new();
    for name in ["unpack_calls.py", "generators.py", "exceptions.py", "closures_decorators.py"] {
        for n in 0..40 {
            failures.extend(mismatch(&dir.join(name), &format!("jit=threshold=3,fail_guard={n}")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Runs program `p` with `-X mode`: what went wrong if it did not print its expected output
/// or exit 0.
fn mismatch(p: &Path, mode: &str) -> Option<String> {
    let want = std::fs::read_to_string(p.with_extension("out")).unwrap();
    let name = p.file_name().unwrap().to_str().unwrap();
    let out = mtpy(&["-X", mode, name], p.parent().unwrap());
    let got = String::from_utf8_lossy(&out.stdout);
    (got != want || !out.status.success()).then(|| {
        format!(
            "{name} -X {mode}: exit {:?}\n--- got\n{got}--- want\n{want}--- stderr\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn programs_print_what_cpython_prints_in_every_jit_mode() {
    let progs = programs();
    assert!(progs.len() >= 7, "the programs are there");
    let mut failures = Vec::new();
    for p in &progs {
        let mut modes: Vec<String> = MODES.iter().map(|m| m.to_string()).collect();
        if std::env::var_os("METATRACE_GC_STRESS").is_some() {
            // A program that marks itself so (a long workload whose every allocation would
            // collect a large heap) runs in the plain pass only.
            if std::fs::read_to_string(p).unwrap().contains("# gc-stress: skip") {
                continue;
            }
            // Every mode inherits the stress from the environment: the interpreter and the
            // JIT at threshold 1 cover both sides at a third of the cost of more modes.
            modes = vec!["jit=off".into(), "jit-threshold=1".into()];
        }
        failures.extend(modes.iter().filter_map(|mode| mismatch(p, mode)));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_uncaught_exception_prints_a_traceback_and_exits_1() {
    let dir = std::env::temp_dir();
    let src = "def f(x):\n    return 1 / x\nprint('before')\nf(0)\nprint('after')\n";
    for mode in MODES {
        let out = mtpy(&["-X", mode, "-c", src], &dir);
        assert_eq!(out.status.code(), Some(1), "{mode}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "before\n");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("Traceback (most recent call last):\n"), "{err}");
        assert!(
            err.contains("line 4, in <module>") && err.contains("line 2, in f") && err.contains("return 1 / x"),
            "{err}"
        );
        assert!(err.ends_with("ZeroDivisionError: division by zero\n"), "{err}");
    }
}

#[test]
fn uncaught_reports_name_classes_by_module_and_box_exception_groups() {
    let dir = std::env::temp_dir();
    let last_line = |src: &str| {
        let out = mtpy(&["-c", src], &dir);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        (out.status.code(), err.trim_end().rsplit('\n').next().unwrap_or("").to_string(), err)
    };
    let (code, last, _) = last_line("import json\njson.loads('{bad')\n");
    assert_eq!(code, Some(1));
    assert_eq!(
        last,
        "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    );
    let (_, last, _) = last_line("class Outer:\n    class Inner(Exception): pass\nraise Outer.Inner('x')\n");
    assert_eq!(last, "Outer.Inner: x");
    let src = "raise ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [KeyError('k')])])\n";
    let (code, last, err) = last_line(src);
    assert_eq!(code, Some(1));
    assert_eq!(last, "      +------------------------------------", "{err}");
    let want = "  | ExceptionGroup: outer (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | ValueError: 1\n    +---------------- 2 ----------------\n    | ExceptionGroup: inner (1 sub-exception)\n    +-+---------------- 1 ----------------\n      | KeyError: 'k'\n      +------------------------------------\n";
    assert!(err.starts_with("  + Exception Group Traceback (most recent call last):\n"), "{err}");
    assert!(err.contains(want), "{err}");
    let src = "class Short(Exception):\n    def __init__(self, n):\n        self.n = n\n    def __str__(self):\n        return f'need {self.n} more'\nraise Short(5)\n";
    let (_, last, _) = last_line(src);
    assert_eq!(last, "Short: need 5 more");
    let (_, last, _) = last_line("prnt('x')\n");
    assert_eq!(last, "NameError: name 'prnt' is not defined. Did you mean: 'print'?");
    let src = "class A:\n    def __init__(self):\n        self.value = 1\nA().valeu\n";
    let (_, last, _) = last_line(src);
    assert_eq!(last, "AttributeError: 'A' object has no attribute 'valeu'. Did you mean: 'value'?");
    let (_, last, _) = last_line("import math\nmath.sqr(2)\n");
    assert_eq!(last, "AttributeError: module 'math' has no attribute 'sqr'. Did you mean: 'sqrt'?");
    let (_, last, _) = last_line("undefined_thing_here\n");
    assert_eq!(last, "NameError: name 'undefined_thing_here' is not defined");
    let (_, last, _) = last_line("raise KeyError(('tuple', 1))\n");
    assert_eq!(last, "KeyError: ('tuple', 1)");
    let (_, last, _) = last_line("class P:\n    def __repr__(self): return 'P!'\nraise ValueError(P(), None, True)\n");
    assert_eq!(last, "ValueError: (P!, None, True)");
    let (_, last, _) = last_line("raise RuntimeError([1, {'a': (2,)}])\n");
    assert_eq!(last, "RuntimeError: [1, {'a': (2,)}]");
    let (code, last, _) = last_line("raise KeyboardInterrupt\n");
    assert_eq!((code, last.as_str()), (Some(130), "KeyboardInterrupt"));
}

#[test]
fn sys_exit_status_and_syntax_errors() {
    let dir = std::env::temp_dir();
    let out = mtpy(&["-c", "raise SystemExit(3)"], &dir);
    assert_eq!(out.status.code(), Some(3));
    let out = mtpy(&["-c", "x = (1,\nprint(x"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SyntaxError"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = mtpy(&["-c", "return 5"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'return' outside function"));
    let out = mtpy(&["--version"], &dir);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).starts_with("Python 3.11"));
    let out = mtpy(&["/nonexistent/file.py"], &dir);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn deep_recursion_raises_recursion_error() {
    if std::env::var_os("METATRACE_GC_STRESS").is_some() {
        // Until the native stack runs out, with a collection at every call scanning every
        // frame: quadratic. (mtpy has no Python-level recursion limit yet.)
        return;
    }
    let dir = std::env::temp_dir();
    let src = "def r(n):\n    return r(n + 1)\ntry:\n    r(0)\nexcept RecursionError:\n    print('caught')\n";
    for mode in ["jit=off", "jit-threshold=1"] {
        let out = mtpy(&["-X", mode, "-c", src], &dir);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "caught\n",
            "{mode}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn hot_python_loops_are_compiled() {
    let src = "def f(n):\n    s = 0\n    for i in range(n):\n        s += i % 7\n    return s\nprint(f(20000))\n";
    let code = metatrace_python::compile::compile_module(src, "<test>").unwrap();
    let buf = metatrace::SharedBuf::default();
    let mut vm = metatrace_python::new_vm(metatrace::JitParams::default(), Box::new(buf.clone()));
    let main = metatrace_python::main_module(&mut vm, "__main__");
    assert!(metatrace_python::run_code(&mut vm, &code, main).is_ok());
    assert_eq!(String::from_utf8_lossy(&buf.0.borrow()), "59997\n");
    let s = vm.stats();
    assert!(s.loops >= 1, "{}", s.summary());
    assert!(s.guard_failures < 20, "the loop stays in compiled code: {}", s.summary());
}

/// Runs `src` with the default JIT parameters; returns what it printed and the JIT's stats.
fn run_with_stats(src: &str) -> (String, metatrace::JitStats) {
    run_with_params(src, metatrace::JitParams::default())
}

/// Runs `src` with JIT parameters `params`; returns what it printed and the JIT's stats.
fn run_with_params(src: &str, params: metatrace::JitParams) -> (String, metatrace::JitStats) {
    let code = metatrace_python::compile::compile_module(src, "<test>").unwrap();
    let buf = metatrace::SharedBuf::default();
    let mut vm = metatrace_python::new_vm(params, Box::new(buf.clone()));
    let main = metatrace_python::main_module(&mut vm, "__main__");
    assert!(metatrace_python::run_code(&mut vm, &code, main).is_ok());
    let out = String::from_utf8_lossy(&buf.0.borrow()).into_owned();
    (out, vm.stats().clone())
}

#[test]
fn a_closure_made_anew_each_round_is_called_without_new_bridges() {
    // Each round makes a new function object of the same code: traces promote the code, not
    // the object, so the loop calling it does not fail a guard (and grow a bridge) per round.
    let src = "def make(k):\n    def add(x):\n        return x + k\n    return add\n\
               def main():\n    t = 0\n    for r in range(400):\n        f = make(r)\n        \
               for i in range(50):\n            t += f(i)\n    print(t)\nmain()\n";
    let (out, s) = run_with_stats(src);
    assert_eq!(out, "4480000\n");
    assert!(s.loops >= 1, "{}", s.summary());
    assert!(s.bridges <= 5, "{}", s.summary());
    assert!(s.guard_failures < 1000, "{}", s.summary());
}

#[test]
fn recursive_generators_are_traced_without_aborts() {
    // A generator that resumes a generator of its own code: the trace calls it (recursion is
    // not inlined) after a stack check, which must come before the resume writes anything.
    let src = "def walk(d):\n    if d == 0:\n        yield 1\n        return\n    \
               for x in walk(d - 1):\n        yield x\n    for x in walk(d - 1):\n        yield x + 1\n\
               def main():\n    t = 0\n    for r in range(300):\n        for v in walk(4):\n            \
               t += v\n    print(t)\nmain()\n";
    let (out, s) = run_with_stats(src);
    assert_eq!(out, "14400\n");
    assert_eq!(s.total_aborts(), 0, "{}", s.summary());
}

#[test]
fn raising_while_handling_an_exception_is_traced() {
    // The raise chains the new exception to the handled one and adds a traceback entry: every
    // test comes before those writes, so the trace is not aborted (a guard after a write).
    let src = "def parse(s):\n    try:\n        return int(s)\n    except ValueError:\n        raise KeyError(s)\n\
               def main():\n    n = 0\n    for r in range(3000):\n        try:\n            \
               parse(\"x\" if r % 2 else \"1\")\n        except KeyError as e:\n            \
               n += e.__context__ is not None\n    print(n)\nmain()\n";
    let (out, s) = run_with_stats(src);
    assert_eq!(out, "1500\n");
    assert!(s.loops >= 1, "{}", s.summary());
    assert_eq!(s.total_aborts(), 0, "{}", s.summary());
}

#[test]
fn a_function_entry_that_keeps_failing_stops_being_entered() {
    // Calls from the interpreter (its loop is never traced) into a compiled function entry
    // that leaves through a guard on every other call and may get no bridge: with the
    // `unprofitable` policy the entry is given up after a window of entries.
    let src = "def f(x):\n    if x % 2:\n        return x * 3\n    return x - 1\n\
               def main():\n    t = 0\n    for i in range(20000):\n        t += f(i)\n    print(t)\nmain()\n";
    let mut params = metatrace::JitParams::default();
    params.apply("threshold=1000000,function_threshold=100,max_bridges=0,unprofitable=30").unwrap();
    let (out, s) = run_with_params(src, params.clone());
    assert_eq!(out, "399980000\n");
    assert!(s.functions >= 1, "{}", s.summary());
    assert_eq!(s.unprofitable, 1, "{}", s.summary());
    assert!(s.entries < 2000, "no longer entered: {}", s.summary());
    // Without the policy it is entered on every call.
    params.unprofitable_percent = 0;
    let (out, s) = run_with_params(src, params);
    assert_eq!(out, "399980000\n");
    assert_eq!(s.unprofitable, 0, "{}", s.summary());
    assert!(s.entries > 15000, "{}", s.summary());
}
