//! No input makes mtpy panic, crash or hang: deeply nested source, huge allocations, deep
//! recursion (plain and through special methods), bad source bytes and syntax errors each end
//! with CPython 3.11's exit code and last line of stderr (the syntax errors with CPython's
//! whole report: file, line, source line, caret). Random bytes and mutated programs only have
//! to end cleanly (exit 0 or 1, no panic, no signal).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A file for one test program, named after the process, removed when the test is done with
/// it (kept if the test fails, for the failure message names it).
fn scratch(name: &str) -> Scratch {
    Scratch(std::env::temp_dir().join(format!("mtpy-robustness-{}-{name}", std::process::id())))
}

struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

/// Runs mtpy on `file` (killed after 60 s: a hang fails the test).
fn run_file(file: &Path, mode: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mtpy"));
    run_command(cmd.args(["-X", mode]).arg(file), LIMIT).unwrap_or_else(|| panic!("{} hangs", file.display()))
}

const LIMIT: Duration = Duration::from_secs(60);

/// Runs `cmd` to its end, or kills it after `limit` and returns `None`.
fn run_command(cmd: &mut Command, limit: Duration) -> Option<Output> {
    let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // (The pipes are drained as it runs: a long report must not block it.)
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            r.read_to_end(&mut v).ok();
            v
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Some(Output { status, stdout: out.join().unwrap(), stderr: err.join().unwrap() })
}

/// CPython 3.11, where this machine has it (pyenv's, else `python3.11`).
fn cpython() -> Option<PathBuf> {
    let pyenv = Command::new("pyenv").args(["which", "python3"]).output().ok();
    let found = pyenv.filter(|o| o.status.success()).map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    found
        .map(PathBuf::from)
        .or_else(|| Command::new("python3.11").arg("-c").arg("pass").output().ok().map(|_| PathBuf::from("python3.11")))
}

fn run_src(name: &str, src: &[u8]) -> Output {
    let f = scratch(name);
    std::fs::write(&*f, src).unwrap();
    run_file(&f, "jit=on")
}

/// As `run_src`, without GC stress mode: prefixes of the test programs can run their whole
/// workload (tests/programs.rs covers them under stress, skipping the heavy ones), and what
/// this checks is the front end and the error paths. A cut program may loop forever (a
/// `while` whose increment was cut off): `None` when it runs out of time and CPython, given
/// 10 s, does not finish it either; a program CPython finishes must not hang mtpy.
fn run_unstressed(name: &str, src: &[u8]) -> Option<Output> {
    let f = scratch(name);
    std::fs::write(&*f, src).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mtpy"));
    cmd.env_remove("METATRACE_GC_STRESS").args(["-X", "jit=on"]).arg(&*f);
    if let Some(o) = run_command(&mut cmd, LIMIT) {
        return Some(o);
    }
    let python = cpython().unwrap_or_else(|| panic!("{} hangs (and no CPython to compare with)", f.display()));
    let mut reference = Command::new(python);
    reference.arg(&*f);
    match run_command(&mut reference, Duration::from_secs(10)) {
        None => None,
        Some(_) => panic!("{} hangs mtpy; CPython finishes it", f.display()),
    }
}

fn last_line(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("").to_string()
}

/// Exit 1 and this last stderr line, as CPython.
fn expect(name: &str, src: &str, last: &str) {
    let o = run_src(&format!("{name}.py"), src.as_bytes());
    assert_eq!((o.status.code(), last_line(&o).as_str()), (Some(1), last), "{name}");
}

#[test]
fn deeply_nested_source_is_a_syntax_or_recursion_error() {
    let n = 100_000;
    expect("parens", &format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n)), "SyntaxError: too many nested parentheses");
    expect("lists", &format!("x = {}{}\n", "[".repeat(n), "]".repeat(n)), "SyntaxError: too many nested parentheses");
    expect("negs", &format!("x = {}1{}\n", "-(".repeat(n), ")".repeat(n)), "SyntaxError: too many nested parentheses");
    let chain = vec!["a"; n].join("+");
    expect(
        "chain",
        &format!("a = 1\nx = {chain}\n"),
        "RecursionError: maximum recursion depth exceeded during compilation",
    );
    let unary = run_src("unary.py", format!("x = {}1\n", "-".repeat(n)).as_bytes());
    assert_eq!(unary.status.code(), Some(1), "a unary chain: an error, not a crash");
    let defs: String = (0..200).map(|i| format!("{}def f{i}():\n", "    ".repeat(i))).collect();
    expect("defs", &format!("{defs}{}pass\n", "    ".repeat(200)), "IndentationError: too many levels of indentation");
    let ifs: String = (0..98).map(|i| format!("{}if 1:\n", " ".repeat(i))).collect();
    let o = run_src("ifs98.py", format!("{ifs}{}print('deep')\n", " ".repeat(98)).as_bytes());
    assert_eq!(String::from_utf8_lossy(&o.stdout), "deep\n", "98 levels are allowed");
}

#[test]
fn huge_allocations_are_memory_errors() {
    for (name, src) in [
        ("rep_list", "x = [0] * 10**12"),
        ("rep_str", "x = 'x' * 10**15"),
        ("rep_tuple", "x = (0,) * 10**12"),
        ("bytearray", "x = bytearray(10**13)"),
        ("bytes", "x = bytes(10**13)"),
        ("range_list", "x = list(range(10**12))"),
        ("range_tuple", "x = tuple(range(10**12))"),
        ("center", "x = 'abc'.center(10**12)"),
        ("ljust_fill", "x = 'a'.ljust(2**62, '\\u00e9')"),
        ("zfill", "x = '7'.zfill(10**13)"),
        ("bytes_rjust", "x = b'a'.rjust(10**13)"),
    ] {
        expect(name, src, "MemoryError");
    }
    expect("index_sized", "x = [0] * 10**30", "OverflowError: cannot fit 'int' into an index-sized integer");
    expect("bytes_index_sized", "x = bytes(10**30)", "OverflowError: cannot fit 'int' into an index-sized integer");
    expect("center_ssize", "x = 'abc'.center(10**30)", "OverflowError: Python int too large to convert to C ssize_t");
    expect(
        "int_digits",
        "print(str(10**5000))",
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
    );
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    if std::env::var_os("METATRACE_GC_STRESS").is_some() {
        // Until the native stack runs out, with a collection at every call scanning every
        // frame: quadratic (as in the programs' recursion test).
        return;
    }
    let plain = "RecursionError: maximum recursion depth exceeded";
    for (name, src) in [
        ("plain", "def f(): return f()\nf()"),
        ("eq", "class A:\n  def __eq__(self, o): return self == o\nA() == A()"),
        ("getattr", "class A:\n  def __getattr__(self, n): return self.x\nA().y"),
        ("getattribute", "class A:\n  def __getattribute__(self, n): return self.x\nA().y"),
        ("generator", "def g(n):\n  yield from g(n+1)\nlist(g(0))"),
        ("sorted_key", "def k(x): return sorted([1,2], key=k)\nk(1)"),
        ("init", "class A:\n  def __init__(self): A()\nA()"),
        ("str", "class A:\n  def __str__(self): return str(self)\nprint(A())"),
        ("len", "class A:\n  def __len__(self): return len(self)\nlen(A())"),
        ("property", "class A:\n  @property\n  def p(self): return self.p\nA().p"),
        ("add", "class A:\n  def __add__(self, o): return self + o\nA() + 1"),
        ("call", "class A:\n  def __call__(self): return self()\nA()()"),
        ("getitem", "class A:\n  def __getitem__(self, i): return self[i]\nA()[0]"),
        ("finally", "def f():\n  try: return f()\n  finally: pass\nf()"),
        ("comprehension", "def f(): return [f() for _ in [1]]\nf()"),
    ] {
        expect(name, src, plain);
    }
    let nested = "l = []\nfor i in range(100000): l = [l]\n";
    expect(
        "nested_repr",
        &format!("{nested}print(str(l)[:10])"),
        "RecursionError: maximum recursion depth exceeded while getting the repr of an object",
    );
    // A program that catches it goes on.
    let o = run_src(
        "caught.py",
        b"def f(n): return f(n + 1)\ntry:\n  f(0)\nexcept RecursionError as e:\n  print('caught', e)\nprint('after')\n",
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), "caught maximum recursion depth exceeded\nafter\n");
}

/// The whole of stderr, with the scratch file's path as `FILE`.
fn report(name: &str, src: &[u8]) -> (Option<i32>, String) {
    let f = scratch(name);
    std::fs::write(&*f, src).unwrap();
    let o = run_file(&f, "jit=on");
    (o.status.code(), String::from_utf8_lossy(&o.stderr).replace(&*f.to_string_lossy(), "FILE"))
}

#[test]
fn syntax_errors_are_reported_as_cpython_reports_them() {
    let cases: &[(&str, &str)] = &[
        ("x = (1,\nprint(x", "  File \"FILE\", line 2\n    print(x\n         ^\nSyntaxError: '(' was never closed\n"),
        ("x = [1, 2\ny = 3\n", "  File \"FILE\", line 1\n    x = [1, 2\n        ^\nSyntaxError: '[' was never closed\n"),
        ("x = )\n", "  File \"FILE\", line 1\n    x = )\n        ^\nSyntaxError: unmatched ')'\n"),
        ("class A\n  pass\n", "  File \"FILE\", line 1\n    class A\n           ^\nSyntaxError: expected ':'\n"),
        ("x = 1\ny = 2 3\n", "  File \"FILE\", line 2\n    y = 2 3\n          ^\nSyntaxError: invalid syntax\n"),
        ("x = [1 2]\n", "  File \"FILE\", line 1\n    x = [1 2]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        ("f() = 1\n", "  File \"FILE\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"),
        ("x = 1 = 2\n", "  File \"FILE\", line 1\n    x = 1 = 2\n        ^\nSyntaxError: cannot assign to literal\n"),
        ("if x = 1:\n  pass\n", "  File \"FILE\", line 1\n    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n"),
        ("x = 'abc\n", "  File \"FILE\", line 1\n    x = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"),
        ("x = 1_\n", "  File \"FILE\", line 1\n    x = 1_\n         ^\nSyntaxError: invalid decimal literal\n"),
        ("print \"hi\"\n", "  File \"FILE\", line 1\n    print \"hi\"\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"),
        ("x = {1: 2, 3}\n", "  File \"FILE\", line 1\n    x = {1: 2, 3}\n               ^\nSyntaxError: ':' expected after dictionary key\n"),
        ("if 1:\nx = 1\n", "  File \"FILE\", line 2\n    x = 1\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n"),
        ("x = 1\n    y = 2\n", "  File \"FILE\", line 2\n    y = 2\nIndentationError: unexpected indent\n"),
        ("if 1:\n    x = 1\n  y = 2\n", "  File \"FILE\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"),
        ("if 1:\n\tx = 1\n        y = 2\n", "  File \"FILE\", line 3\n    y = 2\nTabError: inconsistent use of tabs and spaces in indentation\n"),
        ("try:\n  pass\n", "  File \"FILE\", line 2\n    pass\nSyntaxError: expected 'except' or 'finally' block\n"),
        ("x = 1\0\n", "  File \"FILE\", line 1\n    x = 1\nSyntaxError: source code cannot contain null bytes\n"),
    ];
    for (k, (src, want)) in cases.iter().enumerate() {
        assert_eq!(report(&format!("syn{k}.py"), src.as_bytes()), (Some(1), want.to_string()), "{src:?}");
    }
    let (code, err) = report("utf8.py", b"x = '\xff'\n");
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file FILE on line 1, but no encoding declared; \
         see https://peps.python.org/pep-0263/ for details\n"
    );
    let latin1 = run_src("latin1.py", b"# -*- coding: latin-1 -*-\nprint('\xe9')\n");
    assert_eq!(String::from_utf8_lossy(&latin1.stdout), "\u{e9}\n");
}

/// Exits 0 or 1 with no panic and no signal.
fn clean(o: &Output, what: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{what}: {:?}\n{err}", o.status);
    assert!(!err.contains("panicked") && !err.contains("internal error"), "{what}: {err}");
}

#[test]
fn random_bytes_and_mutated_programs_end_cleanly() {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for k in 0..40 {
        let n = (next() % 400) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| next() as u8).collect();
        clean(&run_src("random.py", &bytes), &format!("random bytes #{k}"));
    }
    // Prefixes and token swaps of the test programs (timeouts would fail in run_file).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut progs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    progs.sort();
    let tokens = [
        "(", ")", "[", ":", ",", "if", "else", "def", "yield", "lambda", "\t", "\n    ", "\\", "\"\"\"", "f\"{", "}",
        "**",
    ];
    for (k, p) in progs.iter().enumerate().step_by(3) {
        let src = std::fs::read_to_string(p).unwrap();
        let cut = (next() as usize) % (src.len() + 1);
        let cut = (0..=cut).rev().find(|&i| src.is_char_boundary(i)).unwrap();
        if let Some(o) = run_unstressed("prefix.py", src[..cut].as_bytes()) {
            clean(&o, &format!("{} cut at {cut}", p.display()));
        }
        let at = (next() as usize) % (src.len() + 1);
        let at = (0..=at).rev().find(|&i| src.is_char_boundary(i)).unwrap();
        let tok = tokens[k % tokens.len()];
        let mutated = format!("{}{tok}{}", &src[..at], &src[at..]);
        if let Some(o) = run_unstressed("mutated.py", mutated.as_bytes()) {
            clean(&o, &format!("{} with {tok:?} at {at}", p.display()));
        }
    }
}
