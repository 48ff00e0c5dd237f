//! `fern`: runs a Fern program with the Metatrace JIT.
//!
//! Usage: `fern [--jit SPEC] [--recursion-limit N] [--stats] [--dis] FILE` where SPEC is `off`, `on`, or settings
//! such as `threshold=1,bridge=1,trace_limit=6000,log` (see `JitParams::apply`). `--stats`
//! prints what the JIT and the heap did (collections, time spent collecting, peak heap size)
//! to stderr; `--recursion-limit` sets how deep Fern calls may nest (default 10000; deeper
//! than the native stack allows is an error too); `--dis` prints the bytecode instead of
//! running; `fern --help` explains it all.
//! Exit status: 0 on success, 1 on a compile or run-time error, 2 on bad usage.

use metatrace::JitParams;
use metatrace_fern::{compile_source, run_program_then, stack_size_for, with_stack};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: fern [--jit SPEC] [--recursion-limit N] [--stats] [--dis] FILE";

fn help() -> String {
    format!(
        "{USAGE}\n\n\
         Compiles the Fern program in FILE and runs its main() with the Metatrace JIT;\n\
         print() writes to stdout, errors go to stderr.\n\n\
         options:\n  \
           --jit SPEC   how the JIT runs (see below; also --jit=SPEC)\n  \
           --stats      print what the JIT and the heap did to stderr at the end\n  \
           --dis        print the bytecode instead of running\n  \
           -h, --help   print this help and exit\n\n\
         {}\n\n\
         environment: METATRACE_TRACE_LOG=1 (as `log`), METATRACE_GC_STRESS=1, METATRACE_PERF_MAP=1\n\
         exit status: 0 on success, 1 on a compile or run-time error, 2 on bad usage or an\n\
         unreadable FILE",
        JitParams::spec_help()
    )
}

/// Bad usage: the message and a pointer to `--help`, exit status 2.
fn usage_error(msg: &str) -> ExitCode {
    eprintln!("fern: {msg}\n{USAGE}\n(`fern --help` explains the options)");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    // Nothing reads the traces' text (the log prints its own).
    let mut params = JitParams { keep_traces: false, compile_share: JitParams::COMPILE_SHARE, ..JitParams::default() };
    let mut file = None;
    let mut stats = false;
    let mut dis = false;
    let mut limit = metatrace_fern::interp::MAX_DEPTH;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let (flag, inline_value) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        match flag {
            "--jit" => {
                let Some(spec) = inline_value.or_else(|| args.next()) else {
                    return usage_error("--jit needs a value");
                };
                if let Err(e) = params.apply(&spec) {
                    return usage_error(&e);
                }
            }
            "--recursion-limit" => {
                match inline_value.or_else(|| args.next()).and_then(|n| n.parse::<i64>().ok()).filter(|&n| n > 0) {
                    Some(n) => limit = n,
                    None => return usage_error("--recursion-limit needs a positive number"),
                }
            }
            "--stats" if inline_value.is_none() => stats = true,
            "--dis" if inline_value.is_none() => dis = true,
            "-h" | "--help" if inline_value.is_none() => {
                println!("{}", help());
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with('-') => return usage_error(&format!("unknown option {a}")),
            _ if file.is_none() => file = Some(a),
            _ => return usage_error(&format!("one FILE only (got {} and {a})", file.unwrap())),
        }
    }
    let Some(file) = file else {
        return usage_error("no FILE given");
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
    // The interpreter's thread ends the process itself once the program is done (see
    // `run_program_then`): nothing is left to do but give the memory back.
    let outcome = with_stack(stack_size_for(&prog, limit), move || {
        run_program_then(prog, params, limit, Box::new(std::io::stdout()), |result, run| -> std::convert::Infallible {
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
            let code = match result {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("fern: error: {e}");
                    1
                }
            };
            // (The program's output was flushed when it ended, errors ignored as before; `exit`
            // runs no destructors, so nothing else may stay buffered.)
            let _ = std::io::stdout().flush();
            std::process::exit(code)
        })
    });
    // Only when the thread could not start, or panicked.
    let Err(e) = outcome;
    eprintln!("fern: {e}");
    ExitCode::from(1)
}
