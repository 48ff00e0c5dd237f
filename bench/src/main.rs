//! `mtbench`: runs each benchmark program under each configuration, side by side in one run,
//! checks that all configurations print the same output, and reports median wall times and
//! ratios, the median CPU time (user + system) and its ratio, the median peak memory (resident
//! set) and its ratio, plus the JIT's median compile time per trace. Runs of a program's
//! configurations are interleaved (off, on, off, on, ...) so that a noisy machine slows them
//! alike, and each measured run comes right after an unmeasured run of the same configuration,
//! so that each starts from what its own kind of run leaves in the caches: a run right after a
//! long interpreted one starts colder (fern's nested loops take 10.4 ms with the JIT right
//! after an interpreted run, 9.3 ms after another JIT run), which in interleaved order one row
//! would always pay.
//!
//! Usage (after `cargo build --release --workspace`):
//!     target/release/mtbench [--runs N] [FILTER]
//!     target/release/mtbench [--runs N] --sweep SEEDS   (the bridge-storm bound: `sweep.rs`)
//! The interpreters are taken from the directory of this executable. Generated programs
//! (wide frames, wide frames calling wide functions, bridge storms) are written by `ferngen`
//! into the system's temp directory; mtpy's case (a bridge storm in a function of 300 locals)
//! is `interpreters/python/examples/wide_storm.py`.
//!
//! Close to the machine: a case with a C twin (`interpreters/fern/programs/NAME.c`, the same
//! algorithm printing the same output) also builds it with `gcc -O2` and runs it interleaved
//! with the others as the `C gcc -O2` row; the `x C` and `cpu x C` columns are each row's
//! median wall and CPU time over C's. Without gcc those rows are skipped with a note. A case with a `size` edit runs
//! a copy of its program (and of the C twin) with a bigger size literal, which shows the
//! steady-state loop speed apart from start-up (process start, parse, warm-up, compiling).

mod sweep;

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
    /// The same algorithm in C (path from the repository root), run as one more row.
    c_twin: Option<&'static str>,
    /// `(from, to)`: run copies of the program and its C twin with this text (which each
    /// contains exactly once) replaced, e.g. a loop bound made ten times bigger.
    size: Option<(&'static str, &'static str)>,
}

/// A case without a C twin or size edit (the fields left out of the table below).
const fn case(
    name: &'static str,
    bin: &'static str,
    file: &'static str,
    configs: &'static [(&'static str, &'static [&'static str])],
) -> Case {
    Case { name, bin, file, configs, c_twin: None, size: None }
}

const JIT_OFF_ON: &[(&str, &[&str])] = &[("jit off", &["--jit", "off"]), ("jit on", &[])];
/// The sized-up (steady-state) cases: interpreted, they would take minutes.
const JIT_ON: &[(&str, &[&str])] = &[("jit on", &[])];
/// JIT on, and on without if-conversion (the branch in the loop stays a guard and a bridge).
const JIT_ON_IFCONV_OFF: &[(&str, &[&str])] = &[("jit on", &[]), ("no ifconv", &["--jit", "ifconv=0"])];

const CASES: &[Case] = &[
    case("bf nested loops", "bf", "interpreters/bf/programs/loops.b", JIT_OFF_ON),
    case("bf alphabet", "bf", "interpreters/bf/programs/bench.b", JIT_OFF_ON),
    case("fern recursion", "fern", "interpreters/fern/programs/fib.fern", JIT_OFF_ON),
    Case { c_twin: Some("interpreters/fern/programs/floats.c"), ..case("fern float loop", "fern", FLOATS, JIT_OFF_ON) },
    Case {
        c_twin: Some("interpreters/fern/programs/floats.c"),
        size: Some(("10000000", "100000000")),
        ..case("fern float loop x10", "fern", FLOATS, JIT_ON)
    },
    Case { c_twin: Some("interpreters/fern/programs/loops.c"), ..case("fern nested calls", "fern", LOOPS, JIT_OFF_ON) },
    Case {
        c_twin: Some("interpreters/fern/programs/loops.c"),
        size: Some(("i < 1000", "i < 10000")),
        ..case("fern nested calls x10", "fern", LOOPS, JIT_ON_IFCONV_OFF)
    },
    case("fern binary trees", "fern", "interpreters/fern/programs/binary_trees.fern", JIT_OFF_ON),
    case("fern wide 32", "fern", "gen:wide 32 300000", JIT_OFF_ON),
    case("fern wide 200", "fern", "gen:wide 200 300000", JIT_OFF_ON),
    case("fern wide 1000", "fern", "gen:wide 1000 300000", JIT_OFF_ON),
    case("fern collatz", "fern", "gen:collatz 30000", JIT_STORM),
    case("fern wide calls 200", "fern", "gen:wide_calls 200 200 100000", JIT_OFF_ON),
    case("fern wide calls 1000", "fern", "gen:wide_calls 1000 1000 30000", JIT_OFF_ON),
    case("fern wide storm 1000", "fern", "gen:wide_storm 1000 3000", JIT_STORM),
    case("mtpy wide storm 300", "mtpy", "interpreters/python/examples/wide_storm.py", MTPY_STORM),
];

const FLOATS: &str = "interpreters/fern/programs/floats.fern";
const LOOPS: &str = "interpreters/fern/programs/loops.fern";

/// JIT off, on, and at the settings that grow the most bridges.
const JIT_STORM: &[(&str, &[&str])] =
    &[("jit off", &["--jit", "off"]), ("jit on", &[]), ("t=1 b=1", &["--jit", "threshold=1,bridge=1"])];

/// [`JIT_STORM`] in mtpy's options.
const MTPY_STORM: &[(&str, &[&str])] =
    &[("jit off", &["-X", "jit=off"]), ("jit on", &[]), ("t=1 b=1", &["-X", "jit=threshold=1,bridge=1"])];

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

/// A copy of `file` in the temp directory with `from` (which it must contain exactly once)
/// replaced by `to`.
fn edited(file: &Path, (from, to): (&str, &str)) -> Result<PathBuf, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    if text.matches(from).count() != 1 {
        return Err(format!("{} does not contain {from:?} exactly once", file.display()));
    }
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("program");
    let path = std::env::temp_dir().join(format!("mtbench-{}-sized-{name}", std::process::id()));
    std::fs::write(&path, text.replacen(from, to, 1)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// Builds a C twin with `gcc -O2` into the temp directory. `Ok(None)` when there is no gcc.
fn build_c(source: &Path) -> Result<Option<PathBuf>, String> {
    let name = source.file_stem().and_then(|n| n.to_str()).unwrap_or("twin");
    let exe = std::env::temp_dir().join(format!("mtbench-{}-{name}-c", std::process::id()));
    match Command::new("gcc").arg("-O2").arg("-o").arg(&exe).arg(source).output() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot run gcc: {e}")),
        Ok(out) if !out.status.success() => {
            Err(format!("gcc -O2 {} failed: {}", source.display(), String::from_utf8_lossy(&out.stderr)))
        }
        Ok(_) => Ok(Some(exe)),
    }
}

/// Runs `row` once unmeasured, then once measured (see the module docs); an error of the
/// first run shows again in the second.
fn warm_run(row: &Row) -> Result<Run, String> {
    let _ = run_once(row);
    run_once(row)
}

/// One row of a case's table: a command line run `runs` times.
struct Row {
    label: String,
    exe: PathBuf,
    args: Vec<String>,
    /// Whether this is the C twin (the `x C` reference; it takes no statistics option).
    c: bool,
}

struct Run {
    secs: f64,
    cpu: f64,
    /// Peak resident set, in megabytes.
    peak_mb: f64,
    stdout: Vec<u8>,
    compile_ms: Option<f64>,
}

/// What a finished child printed and what it took.
struct Ended {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Whether it exited with 0.
    ok: bool,
    /// CPU time, user + system, in seconds.
    cpu: f64,
    /// Peak resident set, in KB.
    peak_kb: u64,
}

/// Runs `row` to its end; `wait4` reports its CPU time and peak resident set for it alone.
fn run_child(row: &Row) -> Result<Ended, String> {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(&row.exe)
        .args(&row.args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", row.exe.display()))?;
    let mut err_pipe = child.stderr.take().expect("piped");
    let stderr = std::thread::spawn(move || {
        let mut v = Vec::new();
        err_pipe.read_to_end(&mut v).map(|_| v)
    });
    let mut stdout = Vec::new();
    let read = child.stdout.take().expect("piped").read_to_end(&mut stdout);
    let stderr = stderr.join();
    // SAFETY: `rusage` is integers and `timeval`s of integers, for which all zeros is a value.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let mut status: libc::c_int = 0;
    // SAFETY: `child` is this process's child, not yet waited for (std's `Child` is dropped
    // without waiting); wait4 only writes the two values it is given.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru) };
    if pid < 0 {
        return Err(format!("waiting for {}: {}", row.exe.display(), std::io::Error::last_os_error()));
    }
    let stdout = read.map(|_| stdout).map_err(|e| format!("reading the output: {e}"))?;
    let stderr = stderr.map_err(|_| "reading stderr panicked".to_string())?;
    let stderr = stderr.map_err(|e| format!("reading stderr: {e}"))?;
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    Ok(Ended { stdout, stderr, ok, cpu: secs(ru.ru_utime) + secs(ru.ru_stime), peak_kb: ru.ru_maxrss as u64 })
}

/// The options that make interpreter `bin` print what its JIT did (the compile times) to
/// stderr at exit.
fn stats_args(bin: &str) -> &'static [&'static str] {
    match bin {
        "mtpy" => &["-X", "jitstats"],
        _ => &["--stats"],
    }
}

fn run_once(row: &Row) -> Result<Run, String> {
    let start = Instant::now();
    let Ended { stdout, stderr, ok, cpu, peak_kb } = run_child(row)?;
    let secs = start.elapsed().as_secs_f64();
    if !ok {
        return Err(format!("{} {:?} failed: {}", row.exe.display(), row.args, String::from_utf8_lossy(&stderr)));
    }
    let stderr = String::from_utf8_lossy(&stderr);
    let compile_ms = stderr
        .split_whitespace()
        .find_map(|w| w.strip_prefix("median_compile_ms="))
        .and_then(|v| v.parse().ok())
        .filter(|&v: &f64| v > 0.0);
    Ok(Run { secs, cpu, peak_mb: peak_kb as f64 / 1024.0, stdout, compile_ms })
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// The rows of a case and the temp files to remove afterwards.
fn rows(case: &Case, root: &Path, bindir: &Path, no_gcc: &mut bool) -> Result<(Vec<Row>, Vec<PathBuf>), String> {
    let mut temps = Vec::new();
    let mut file = program(root, bindir, case.file)?;
    if case.file.starts_with("gen:") {
        temps.push(file.clone());
    }
    if let Some(edit) = case.size {
        file = edited(&file, edit)?;
        temps.push(file.clone());
    }
    let exe = bindir.join(case.bin);
    let file_arg = file.to_string_lossy().into_owned();
    let mut rows: Vec<Row> = case
        .configs
        .iter()
        .map(|(label, args)| {
            let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            args.extend(stats_args(case.bin).iter().map(|a| a.to_string()));
            args.push(file_arg.clone());
            Row { label: label.to_string(), exe: exe.clone(), args, c: false }
        })
        .collect();
    if let Some(twin) = case.c_twin {
        let mut source = root.join(twin);
        if let Some(edit) = case.size {
            source = edited(&source, edit)?;
            temps.push(source.clone());
        }
        match build_c(&source)? {
            Some(c_exe) => {
                temps.push(c_exe.clone());
                rows.push(Row { label: "C gcc -O2".to_string(), exe: c_exe, args: Vec::new(), c: true });
            }
            None => *no_gcc = true,
        }
    }
    Ok((rows, temps))
}

fn main() {
    let mut runs = 5;
    let mut filter = None;
    let mut sweep_seeds = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(5).max(1),
            "--sweep" => sweep_seeds = Some(args.next().and_then(|n| n.parse().ok()).unwrap_or(100)),
            _ => filter = Some(a),
        }
    }
    let bindir: PathBuf = std::env::current_exe().unwrap().parent().unwrap().to_path_buf();
    if let Some(seeds) = sweep_seeds {
        std::process::exit(if sweep::run(&bindir, seeds, runs) { 0 } else { 1 });
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    println!(
        "{:<22} {:<10} {:>10} {:>9} {:>10} {:>9} {:>8} {:>8} {:>8} {:>7} {:>12}",
        "benchmark",
        "config",
        "median s",
        "speedup",
        "cpu s",
        "cpu x",
        "x C",
        "cpu x C",
        "peak MB",
        "mem x",
        "compile ms"
    );
    let mut failed = false;
    let mut no_gcc = false;
    for case in CASES.iter().filter(|c| filter.as_ref().is_none_or(|f| c.name.contains(f.as_str()))) {
        let (rows, temps) = match rows(case, &root, &bindir, &mut no_gcc) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{}: {e}", case.name);
                failed = true;
                continue;
            }
        };
        let mut reference: Option<Vec<u8>> = None;
        let mut results: Vec<Vec<Run>> = rows.iter().map(|_| Vec::new()).collect();
        'runs: for _ in 0..runs {
            for (row, out) in rows.iter().zip(&mut results) {
                match warm_run(row) {
                    Ok(r) => {
                        match &reference {
                            Some(want) if *want != r.stdout => {
                                eprintln!("{}: output under {} differs from the baseline", case.name, row.label);
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
        let medians: Vec<Option<(f64, f64, f64)>> = results
            .iter()
            .map(|runs| {
                (!runs.is_empty()).then(|| {
                    let wall = median(&mut runs.iter().map(|r| r.secs).collect::<Vec<_>>());
                    let cpu = median(&mut runs.iter().map(|r| r.cpu).collect::<Vec<_>>());
                    let peak = median(&mut runs.iter().map(|r| r.peak_mb).collect::<Vec<_>>());
                    (wall, cpu, peak)
                })
            })
            .collect();
        let c_times = rows.iter().zip(&medians).find_map(|(row, m)| if row.c { *m } else { None });
        let mut baseline = None;
        for ((row, runs), m) in rows.iter().zip(&results).zip(&medians) {
            let Some((wall, cpu, peak)) = *m else { continue };
            let (base_wall, base_cpu, base_peak) = *baseline.get_or_insert((wall, cpu, peak));
            let mut compile: Vec<f64> = runs.iter().filter_map(|r| r.compile_ms).collect();
            let c = if compile.is_empty() { "-".to_string() } else { format!("{:.3}", median(&mut compile)) };
            let x_c = c_times.map_or("-".to_string(), |c| format!("{:.2}x", wall / c.0));
            let cpu_x_c = c_times.map_or("-".to_string(), |c| format!("{:.2}x", cpu / c.1));
            println!(
                "{:<22} {:<10} {:>10.3} {:>8.1}x {:>10.3} {:>8.1}x {:>8} {:>8} {:>8.1} {:>6.2}x {:>12}",
                case.name,
                row.label,
                wall,
                base_wall / wall,
                cpu,
                base_cpu / cpu,
                x_c,
                cpu_x_c,
                peak,
                peak / base_peak,
                c
            );
        }
        for t in temps {
            let _ = std::fs::remove_file(t);
        }
    }
    if no_gcc {
        println!("note: gcc was not found, so the C twins (the `C gcc -O2` rows, `x C`) were skipped");
    }
    if failed {
        std::process::exit(1);
    }
}
