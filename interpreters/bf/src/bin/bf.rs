//! `bf`: runs a Brainfuck program with the Metatrace JIT.
//!
//! Usage: `bf [--jit SPEC] FILE` where SPEC is `off`, `on`, or settings such as
//! `threshold=1,bridge=1,trace_limit=6000,log` (see `JitParams::apply`). `--stats` prints
//! what the JIT did to stderr.

use metatrace::{JitParams, Vm};
use metatrace_bf::{Bf, Io, Program};
use std::process::ExitCode;

fn main() -> ExitCode {
    // Nothing reads the traces' text (the log prints its own).
    let mut params = JitParams { keep_traces: false, ..JitParams::default() };
    let mut file = None;
    let mut stats = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jit" => {
                let Some(spec) = args.next() else {
                    eprintln!("bf: --jit needs a value");
                    return ExitCode::from(2);
                };
                if let Err(e) = params.apply(&spec) {
                    eprintln!("bf: {e}");
                    return ExitCode::from(2);
                }
            }
            "--stats" => stats = true,
            _ if file.is_none() => file = Some(a),
            _ => {
                eprintln!("usage: bf [--jit SPEC] [--stats] FILE");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("usage: bf [--jit SPEC] [--stats] FILE");
        return ExitCode::from(2);
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
