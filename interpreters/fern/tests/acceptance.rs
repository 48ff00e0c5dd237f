//! Acceptance corpus: adversarial Fern programs (`tests/acceptance/*.fern`: wide frames
//! `w*`, bridge storms `b*`, deep expressions `d*`, float corner cases `f*`, int corner cases
//! `i*`, heap aliasing `h*`, errors after warm-up `e*`) each run under many JIT settings, from
//! the default to threshold 1 with forced guard failures, small trace limits, no inlining,
//! no if-conversion, tiny link limits and bridge budgets. Every run must print what the run
//! with the JIT off prints and end the same way (the same error, in the same function), and
//! compile every trace it records (the backend refuses only an invalid one).
//!
//! A program's loops count to `iters()` (its first function). In GC stress mode
//! (`METATRACE_GC_STRESS=1`, where every safepoint collects) the harness divides that count
//! by ten and skips the programs that say `# not under gc stress`. A program whose traces
//! take long to compile in a debug build (wide frames) names the settings it runs under in a
//! line `# test settings: a; b; ...`. `FERN_ACCEPT=name` runs only the programs whose file
//! names contain `name`; `FERN_ACCEPT_TIMES=1` prints how long each run took.

use metatrace::{AbortReason, JitParams};
use metatrace_fern::interp::MAX_DEPTH;
use metatrace_fern::{compile_source, run_program, stack_size_for, with_stack, SharedBuf};
use std::path::Path;
use std::sync::Mutex;

/// The settings every program runs under (besides `off`, the reference).
const SETTINGS: &[&str] = &[
    "on",
    "threshold=1,bridge=1",
    "threshold=5,bridge=3",
    "threshold=2,bridge=1,inline_depth=0",
    "threshold=3,bridge=2,trace_limit=50",
    "threshold=1,bridge=1,trace_limit=7",
    "threshold=1,fail_guard=0",
    "threshold=1,fail_guard=3",
    "threshold=1,bridge=1,fail_guard=5",
    "threshold=1,bridge=1,fail_guard=40",
    "threshold=1,bridge=1,ifconv=0",
    "threshold=1,bridge=1,link_words=4",
    "threshold=1,bridge=1,max_bridges=2",
    "threshold=2,bridge=1,unprofitable=50",
];

/// The settings `src` runs under: [`SETTINGS`], or, for a program whose compilation is slow
/// in a debug build (wide frames), those its line `# test settings: a; b; ...` names.
fn settings(src: &str) -> Vec<String> {
    let head = "# test settings: ";
    match src.lines().find_map(|l| l.strip_prefix(head)) {
        Some(list) => list.split(';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
        None => SETTINGS.iter().map(|s| s.to_string()).collect(),
    }
}

/// Whether the whole suite runs in GC stress mode.
fn stress_env() -> bool {
    JitParams::default().gc_stress
}

fn params(spec: &str) -> JitParams {
    let mut p = JitParams::default();
    p.apply(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
    p
}

/// The program's source, its `iters()` count divided by ten in GC stress mode.
fn source(path: &Path) -> String {
    let src = std::fs::read_to_string(path).unwrap();
    if !stress_env() {
        return src;
    }
    let head = "fn iters() { return ";
    let Some(at) = src.find(head) else { return src };
    let rest = &src[at + head.len()..];
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let n: u64 = rest[..digits].parse().unwrap();
    format!("{}{head}{}{}", &src[..at], (n / 10).max(1), &rest[digits..])
}

/// What a run printed and how it ended (`Err`: the compile or run-time error), and how many
/// of its traces the backend refused (an invalid trace: a bug of the optimizer).
fn outcome(src: &str, p: JitParams) -> ((String, Result<(), String>), u64) {
    let prog = match compile_source(src) {
        Ok(prog) => prog,
        Err(e) => return ((String::new(), Err(e.with_file("<source>"))), 0),
    };
    with_stack(stack_size_for(&prog, MAX_DEPTH), move || {
        let buf = SharedBuf::default();
        let (result, stats) = run_program(prog, p, Box::new(buf.clone()));
        let out = String::from_utf8_lossy(&buf.0.borrow()).into_owned();
        ((out, result.map_err(|e| e.to_string())), stats.jit.aborts_for(AbortReason::CompileFailed))
    })
    .unwrap_or_else(|panic| ((String::new(), Err(panic)), 0))
}

/// Where two outcomes part: the first line of output that differs, or how the runs ended.
fn difference(want: &(String, Result<(), String>), got: &(String, Result<(), String>)) -> String {
    let (w, g) = (want.0.lines().collect::<Vec<_>>(), got.0.lines().collect::<Vec<_>>());
    match (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i)) {
        Some(i) => format!("output line {}: off {:?}, jit {:?}", i + 1, w.get(i), g.get(i)),
        None => format!("off ended {:?}, jit {:?}", want.1, got.1),
    }
}

#[test]
fn every_program_agrees_with_the_interpreter_under_every_setting() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/acceptance");
    let only = std::env::var("FERN_ACCEPT").unwrap_or_default();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "fern"))
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(only.as_str()))
        .collect();
    files.sort();
    assert!(only.is_empty() || !files.is_empty(), "no program matches FERN_ACCEPT={only}");
    if only.is_empty() {
        assert!(files.len() >= 25, "the corpus has {} programs", files.len());
    }
    // One job per program: its run with the JIT off, then each setting's.
    let jobs: Vec<_> = files
        .iter()
        .map(|f| (f.file_name().unwrap().to_string_lossy().into_owned(), source(f)))
        .filter(|(_, src)| !(stress_env() && src.contains("# not under gc stress")))
        .collect();
    let jobs = Mutex::new(jobs);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    let timed = std::env::var_os("FERN_ACCEPT_TIMES").is_some();
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let Some((name, src)) = jobs.lock().unwrap().pop() else { return };
                let (want, _) = outcome(&src, JitParams::off());
                for spec in settings(&src) {
                    let start = std::time::Instant::now();
                    let (got, refused) = outcome(&src, params(&spec));
                    if refused > 0 {
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("{name} --jit {spec}: {refused} traces failed to compile"));
                    }
                    if timed {
                        eprintln!("{:8.3}s {name} --jit {spec}", start.elapsed().as_secs_f64());
                    }
                    if got != want {
                        failures.lock().unwrap().push(format!("{name} --jit {spec}: {}", difference(&want, &got)));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{} runs disagree with the JIT off:\n{}", failures.len(), failures.join("\n"));
}
