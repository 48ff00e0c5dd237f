//! `bf`: runs a Brainfuck program with the Metatrace JIT.
//!
//! Usage: `bf [--jit SPEC] [--stats] FILE` where SPEC is `off`, `on`, or settings such as
//! `threshold=1,bridge=1,trace_limit=6000,log` (see `JitParams::apply`). `--stats` prints
//! what the JIT did to stderr; `bf --help` explains it all.
//! Exit status: 0 on success, 1 on an error in the program, 2 on bad usage.

use metatrace::{JitParams, Vm};
use metatrace_bf::{Bf, Io, Program};
use std::process::ExitCode;

const USAGE: &str = "usage: bf [--jit SPEC] [--stats] FILE";

fn help() -> String {
    format!(
        "{USAGE}\n\n\
         Runs the Brainfuck program in FILE with the Metatrace JIT: 30,000 wrapping byte cells,\n\
         `,` reads stdin (0 at its end), `.` writes stdout.\n\n\
         options:\n  \
           --jit SPEC   how the JIT runs (see below; also --jit=SPEC)\n  \
           --stats      print what the JIT did to stderr at the end\n  \
           -h, --help   print this help and exit\n\n\
         {}\n\n\
         environment: METATRACE_TRACE_LOG=1 (as `log`), METATRACE_GC_STRESS=1, METATRACE_PERF_MAP=1\n\
         exit status: 0 on success, 1 on an error in the program, 2 on bad usage or an\n\
         unreadable FILE",
        JitParams::spec_help()
    )
}

/// Bad usage: the message and a pointer to `--help`, exit status 2.
fn usage_error(msg: &str) -> ExitCode {
    eprintln!("bf: {msg}\n{USAGE}\n(`bf --help` explains the options)");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    // Nothing reads the traces' text (the log prints its own).
    let mut params = JitParams { keep_traces: false, compile_share: JitParams::COMPILE_SHARE, ..JitParams::default() };
    let mut file = None;
    let mut stats = false;
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
            "--stats" if inline_value.is_none() => stats = true,
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
            eprintln!("bf: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let prog = match Program::parse(&src) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("bf: {file}: {e}");
            return ExitCode::from(1);
        }
    };
    let io = Io::new(Box::new(std::io::stdin()), Box::new(std::io::stdout()));
    let mut vm = Vm::with_params(Bf::new(prog, io), params);
    let frame = vm.lang().start_frame();
    let result = vm.run(frame);
    vm.lang().flush();
    if stats {
        eprintln!("jit: {}", vm.stats().summary());
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bf: error: {e}");
            ExitCode::from(1)
        }
    }
}
