//! `mtbench`: runs each benchmark program under each configuration, side by side in one run,
//! checks that all configurations print the same output, and reports median wall times and
//! ratios, the median CPU time (user + system) and its ratio, plus the JIT's median compile
//! time per trace. Runs of a program's configurations are interleaved (off, on, off, on, ...)
//! so that a noisy machine slows them alike.
//!
//! Usage (after `cargo build --release --workspace`):
//!     target/release/mtbench [--runs N] [FILTER]
//! The interpreters are taken from the directory of this executable. Generated programs
//! (wide frames, a bridge storm) are written by `ferngen` into the system's temp directory.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// One program, run under several configurations; the first is the baseline.
struct Case {
    name: &'static str,
    bin: &'static str,
    /// A program of the repository, or `gen:ARGS`: the output of `ferngen ARGS`.
    file: &'static str,
    configs: &'static [(&'static str, &'static [&'static str])],
}

const JIT_OFF_ON: &[(&str, &[&str])] = &[("jit off", &["--jit", "off"]), ("jit on", &[])];

const CASES: &[Case] = &[
    Case { name: "bf nested loops", bin: "bf", file: "interpreters/bf/programs/loops.b", configs: JIT_OFF_ON },
    Case { name: "bf alphabet", bin: "bf", file: "interpreters/bf/programs/bench.b", configs: JIT_OFF_ON },
    Case { name: "fern recursion", bin: "fern", file: "interpreters/fern/programs/fib.fern", configs: JIT_OFF_ON },
    Case { name: "fern float loop", bin: "fern", file: "interpreters/fern/programs/floats.fern", configs: JIT_OFF_ON },
    Case { name: "fern nested calls", bin: "fern", file: "interpreters/fern/programs/loops.fern", configs: JIT_OFF_ON },
    Case {
        name: "fern binary trees",
        bin: "fern",
        file: "interpreters/fern/programs/binary_trees.fern",
        configs: JIT_OFF_ON,
    },
    Case { name: "fern wide 32", bin: "fern", file: "gen:wide 32 300000", configs: JIT_OFF_ON },
    Case { name: "fern wide 200", bin: "fern", file: "gen:wide 200 300000", configs: JIT_OFF_ON },
    Case { name: "fern wide 1000", bin: "fern", file: "gen:wide 1000 300000", configs: JIT_OFF_ON },
    Case { name: "fern collatz", bin: "fern", file: "gen:collatz 30000", configs: JIT_STORM },
];

/// JIT off, on, and at the settings that grow the most bridges.
const JIT_STORM: &[(&str, &[&str])] =
    &[("jit off", &["--jit", "off"]), ("jit on", &[]), ("t=1 b=1", &["--jit", "threshold=1,bridge=1"])];

/// The program file of a case: generated ones are written to the temp directory.
fn program(root: &Path, bindir: &Path, file: &str) -> Result<PathBuf, String> {
    let Some(args) = file.strip_prefix("gen:") else { return Ok(root.join(file)) };
    let out = Command::new(bindir.join("ferngen"))
        .args(args.split_whitespace())
        .output()
        .map_err(|e| format!("cannot run ferngen: {e}"))?;
    if !out.status.success() {
        return Err(format!("ferngen {args} failed"));
    }
    let path = std::env::temp_dir().join(format!("mtbench-{}-{}.fern", std::process::id(), args.replace(' ', "_")));
    std::fs::write(&path, out.stdout).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

struct Run {
    secs: f64,
    cpu: f64,
    stdout: Vec<u8>,
    compile_ms: Option<f64>,
}

/// CPU time (user + system, seconds) of this process's children that have been waited for.
fn children_cpu() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    secs(u.ru_utime) + secs(u.ru_stime)
}

fn run_once(exe: &Path, args: &[&str], file: &Path) -> Result<Run, String> {
    let cpu0 = children_cpu();
    let start = Instant::now();
    let out = Command::new(exe)
        .args(args)
        .arg("--stats")
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    let secs = start.elapsed().as_secs_f64();
    let cpu = children_cpu() - cpu0;
    if !out.status.success() {
        return Err(format!(
            "{} {args:?} {} failed: {}",
            exe.display(),
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let compile_ms = stderr
        .split_whitespace()
        .find_map(|w| w.strip_prefix("median_compile_ms="))
        .and_then(|v| v.parse().ok())
        .filter(|&v: &f64| v > 0.0);
    Ok(Run { secs, cpu, stdout: out.stdout, compile_ms })
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let mut runs = 5;
    let mut filter = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(5).max(1),
            _ => filter = Some(a),
        }
    }
    let bindir: PathBuf = std::env::current_exe().unwrap().parent().unwrap().to_path_buf();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    println!(
        "{:<20} {:<10} {:>10} {:>9} {:>10} {:>9} {:>12}",
        "benchmark", "config", "median s", "speedup", "cpu s", "cpu x", "compile ms"
    );
    let mut failed = false;
    for case in CASES.iter().filter(|c| filter.as_ref().is_none_or(|f| c.name.contains(f.as_str()))) {
        let exe = bindir.join(case.bin);
        let file = match program(&root, &bindir, case.file) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{}: {e}", case.name);
                failed = true;
                continue;
            }
        };
        let mut reference: Option<Vec<u8>> = None;
        let mut results: Vec<Vec<Run>> = case.configs.iter().map(|_| Vec::new()).collect();
        'runs: for _ in 0..runs {
            for ((config, cargs), out) in case.configs.iter().zip(&mut results) {
                match run_once(&exe, cargs, &file) {
                    Ok(r) => {
                        match &reference {
                            Some(want) if *want != r.stdout => {
                                eprintln!("{}: output under {config} differs from the baseline", case.name);
                                failed = true;
                            }
                            Some(_) => {}
                            None => reference = Some(r.stdout.clone()),
                        }
                        out.push(r);
                    }
                    Err(e) => {
                        eprintln!("{}: {e}", case.name);
                        failed = true;
                        break 'runs;
                    }
                }
            }
        }
        let mut baseline = None;
        for ((config, _), runs) in case.configs.iter().zip(&results) {
            if runs.is_empty() {
                continue;
            }
            let wall = median(&mut runs.iter().map(|r| r.secs).collect::<Vec<_>>());
            let cpu = median(&mut runs.iter().map(|r| r.cpu).collect::<Vec<_>>());
            let (base_wall, base_cpu) = *baseline.get_or_insert((wall, cpu));
            let mut compile: Vec<f64> = runs.iter().filter_map(|r| r.compile_ms).collect();
            let c = if compile.is_empty() { "-".to_string() } else { format!("{:.3}", median(&mut compile)) };
            println!(
                "{:<20} {:<10} {:>10.3} {:>8.1}x {:>10.3} {:>8.1}x {:>12}",
                case.name,
                config,
                wall,
                base_wall / wall,
                cpu,
                base_cpu / cpu,
                c
            );
        }
        if case.file.starts_with("gen:") {
            let _ = std::fs::remove_file(&file);
        }
    }
    if failed {
        std::process::exit(1);
    }
}
