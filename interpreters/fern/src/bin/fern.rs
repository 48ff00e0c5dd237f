//! `fern`: runs a Fern program with the Metatrace JIT.
//!
//! Usage: `fern [--jit SPEC] [--stats] [--dis] FILE` where SPEC is `off`, `on`, or settings
//! such as `threshold=1,bridge=1,trace_limit=6000,log` (see `JitParams::apply`). `--stats`
//! prints what the JIT and the heap did (collections, time spent collecting, peak heap size)
//! to stderr; `--dis` prints the bytecode instead of running.
//! Exit status: 0 on success, 1 on a compile or run-time error, 2 on bad usage.

use metatrace::JitParams;
use metatrace_fern::{compile_source, run_program, with_big_stack};
use std::process::ExitCode;

const USAGE: &str = "usage: fern [--jit SPEC] [--stats] [--dis] FILE";

fn main() -> ExitCode {
    // Nothing reads the traces' text (the log prints its own).
    let mut params = JitParams { keep_traces: false, ..JitParams::default() };
    let mut file = None;
    let mut stats = false;
    let mut dis = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jit" => {
                let Some(spec) = args.next() else {
                    eprintln!("fern: --jit needs a value");
                    return ExitCode::from(2);
                };
                if let Err(e) = params.apply(&spec) {
                    eprintln!("fern: {e}");
                    return ExitCode::from(2);
                }
            }
            "--stats" => stats = true,
            "--dis" => dis = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with("--") => {
                eprintln!("fern: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ if file.is_none() => file = Some(a),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let src = match std::fs::read(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("fern: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let Ok(src) = String::from_utf8(src) else {
        eprintln!("fern: {file} is not UTF-8 text");
        return ExitCode::from(1);
    };
    let prog = match compile_source(&src) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.with_file(&file));
            return ExitCode::from(1);
        }
    };
    if dis {
        print!("{prog}");
        return ExitCode::SUCCESS;
    }
    let outcome = with_big_stack(move || {
        let (result, run) = run_program(prog, params, Box::new(std::io::stdout()));
        if stats {
            let h = &run.heap;
            eprintln!("jit: {}", run.jit.summary());
            eprintln!(
                "heap: collections={} gc_time={:.3}s peak_bytes={} objects={} bytes={} freed={} live_bytes={}",
                h.collections,
                h.gc_ns as f64 / 1e9,
                h.peak_bytes,
                h.objects,
                h.bytes,
                h.freed,
                h.live_bytes
            );
        }
        result
    });
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("fern: error: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("fern: {e}");
            ExitCode::from(1)
        }
    }
}
