//! `ferngen`: prints a generated Fern program (see `metatrace_fern::gen`).
//!
//! Usage: `ferngen wide LOCALS [ITERS]`, `ferngen collatz STARTS`, `ferngen random SEED`.

use metatrace_fern::gen;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |k: usize, default: u64| args.get(k).map_or(Some(default), |a| a.parse().ok());
    let prog = match (args.first().map(String::as_str), num(1, 0), num(2, 1_000_000)) {
        (Some("wide"), Some(n), Some(iters)) if n > 0 => gen::wide(n as usize, iters),
        (Some("collatz"), Some(n), _) if n > 0 => gen::collatz(n),
        (Some("random"), Some(seed), _) => gen::random(seed),
        _ => {
            eprintln!("usage: ferngen wide LOCALS [ITERS] | collatz STARTS | random SEED");
            return ExitCode::from(2);
        }
    };
    print!("{prog}");
    ExitCode::SUCCESS
}
