//! `pyfuzz`: differential testing of mtpy against CPython with random programs.
//!
//! ```text
//! cargo run --release -p metatrace-python --example pyfuzz -- [--count N] [--seed S]
//!     [--mtpy PATH] [--python PATH] [--out DIR] [--no-minimize] [--bless SEED...]
//! ```
//!
//! Generates N programs (seeds S..S+N, see `tests/fuzz/gen.rs`), runs each under CPython and
//! under mtpy with the JIT off, on, at threshold 1 and at threshold 1 with bridges at 1, and
//! reports every program whose stdout or exit status differs. A differing program is
//! minimized (top-level chunks, then top-level statements, are dropped while the difference
//! stays) and written to DIR (default `/tmp/pyfuzz`) as `SEED.py` with CPython's output
//! `SEED.expected` and mtpy's `SEED.MODE.got`. `--bless SEED...` writes the programs and
//! CPython's outputs of the given seeds into `tests/fuzz/expected/` (the `cargo test` corpus).

#[path = "../tests/fuzz/gen.rs"]
mod gen;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MODES: &[&str] = &["jit=off", "jit=on", "jit-threshold=1", "jit=threshold=1,bridge=1"];
const TIMEOUT: Duration = Duration::from_secs(30);

/// What a run printed and how it ended.
#[derive(PartialEq, Clone, Debug)]
struct Run {
    stdout: String,
    status: String,
    stderr_last: String,
}

fn run(cmd: &str, args: &[&str], file: &Path) -> Run {
    let mut child = match Command::new(cmd).args(args).arg(file).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn() {
        Ok(c) => c,
        Err(e) => {
            return Run { stdout: String::new(), status: format!("spawn failed: {e}"), stderr_last: String::new() }
        }
    };
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).ok();
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).ok();
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break format!("{s}"),
            Ok(None) if start.elapsed() > TIMEOUT => {
                child.kill().ok();
                child.wait().ok();
                break "timeout".to_string();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => break format!("wait failed: {e}"),
        }
    };
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).into_owned();
    let stderr_last = stderr.lines().last().unwrap_or("").to_string();
    Run { stdout, status, stderr_last }
}

struct Opts {
    count: u64,
    seed: u64,
    mtpy: String,
    python: String,
    out: PathBuf,
    minimize: bool,
    bless: Vec<u64>,
}

fn parse_args() -> Opts {
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let python = Command::new("pyenv")
        .args(["which", "python3"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "python3".into());
    let mut o = Opts {
        count: 100,
        seed: 1,
        mtpy: format!("{target}/release/mtpy"),
        python,
        out: PathBuf::from("/tmp/pyfuzz"),
        minimize: true,
        bless: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--count" => o.count = val().parse().expect("--count N"),
            "--seed" => o.seed = val().parse().expect("--seed S"),
            "--mtpy" => o.mtpy = val(),
            "--python" => o.python = val(),
            "--out" => o.out = PathBuf::from(val()),
            "--no-minimize" => o.minimize = false,
            "--bless" => o.bless.extend(args.by_ref().map(|s| s.parse::<u64>().expect("--bless SEED..."))),
            _ => panic!("unknown argument {a}"),
        }
    }
    o
}

/// The first mode whose run differs from CPython's, with that run.
fn differs(o: &Opts, file: &Path, modes: &[&str]) -> Option<(String, Run, Run)> {
    let want = run(&o.python, &[], file);
    for m in modes {
        let got = run(&o.mtpy, &["-X", m], file);
        if got.stdout != want.stdout || got.status != want.status {
            return Some((m.to_string(), want, got));
        }
    }
    None
}

/// Drops chunks, then top-level statements, while mode `mode` still differs from CPython.
fn minimize(o: &Opts, chunks: &[String], mode: &str, file: &Path) -> String {
    let still = |src: &str| {
        std::fs::write(file, src).unwrap();
        differs(o, file, &[mode]).is_some()
    };
    let mut chunks: Vec<String> = chunks.to_vec();
    let mut k = 0;
    while k < chunks.len() {
        let mut c = chunks.clone();
        c.remove(k);
        if still(&gen::source(&c)) {
            chunks = c;
        } else {
            k += 1;
        }
    }
    // Top-level statements: a line at column 0 that is not a continuation keyword.
    let mut stmts: Vec<String> = Vec::new();
    for line in gen::source(&chunks).lines() {
        let cont = line.starts_with(' ')
            || ["else", "elif", "except", "finally"].iter().any(|kw| line.starts_with(kw))
            || line.is_empty();
        match stmts.last_mut() {
            Some(last) if cont => {
                last.push_str(line);
                last.push('\n');
            }
            _ => stmts.push(format!("{line}\n")),
        }
    }
    let mut k = 0;
    while k < stmts.len() {
        let mut s = stmts.clone();
        s.remove(k);
        if still(&s.concat()) {
            stmts = s;
        } else {
            k += 1;
        }
    }
    let src = stmts.concat();
    std::fs::write(file, &src).unwrap();
    src
}

fn bless(o: &Opts) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/expected");
    std::fs::create_dir_all(&dir).unwrap();
    for &seed in &o.bless {
        let py = dir.join(format!("{seed}.py"));
        std::fs::write(&py, gen::source(&gen::program(seed))).unwrap();
        let r = run(&o.python, &[], &py);
        assert_eq!(r.status, "exit status: 0", "seed {seed} fails under CPython: {}", r.stderr_last);
        std::fs::write(py.with_extension("out"), r.stdout).unwrap();
        println!("blessed seed {seed}");
    }
}

fn main() {
    let o = parse_args();
    if !o.bless.is_empty() {
        return bless(&o);
    }
    std::fs::create_dir_all(&o.out).unwrap();
    let mut failing = Vec::new();
    let mut cpython_failures = 0;
    for seed in o.seed..o.seed + o.count {
        let chunks = gen::program(seed);
        let file = o.out.join(format!("{seed}.py"));
        std::fs::write(&file, gen::source(&chunks)).unwrap();
        let Some((mode, want, got)) = differs(&o, &file, MODES) else {
            std::fs::remove_file(&file).ok();
            continue;
        };
        if want.status != "exit status: 0" {
            cpython_failures += 1;
            println!("seed {seed}: CPython itself fails ({}): {}", want.status, want.stderr_last);
        }
        println!(
            "seed {seed}: differs under -X {mode}: {} vs CPython {}; mtpy stderr: {}",
            got.status, want.status, got.stderr_last
        );
        let first = want.stdout.lines().zip(got.stdout.lines()).find(|(a, b)| a != b);
        if let Some((a, b)) = first {
            println!("    first difference:\n    cpython: {a}\n    mtpy:    {b}");
        }
        if o.minimize {
            let src = minimize(&o, &chunks, &mode, &file);
            println!("    minimized to {} lines: {}", src.lines().count(), file.display());
        }
        let want = run(&o.python, &[], &file);
        std::fs::write(file.with_extension("expected"), &want.stdout).unwrap();
        for m in MODES {
            let got = run(&o.mtpy, &["-X", m], &file);
            std::fs::write(file.with_extension(format!("{m}.got")), &got.stdout).unwrap();
        }
        failing.push(seed);
    }
    println!(
        "{} programs (seeds {}..{}), {} modes: {} differ ({} where CPython fails): {:?}",
        o.count,
        o.seed,
        o.seed + o.count,
        MODES.len(),
        failing.len(),
        cpython_failures,
        failing
    );
}
