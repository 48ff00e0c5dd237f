//! `ferngen`: prints a generated Fern program (see `metatrace_fern::gen`).
//!
//! Usage: `ferngen wide LOCALS [ITERS]`, `ferngen collatz STARTS`, `ferngen random SEED [ITERS]` (ITERS defaults to
//! 1,000,000 for `wide` and 20,000 for `random`).

use metatrace_fern::gen;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |k: usize, default: u64| args.get(k).map_or(Some(default), |a| a.parse().ok());
    let iters = if args.first().is_some_and(|a| a == "random") { 20_000 } else { 1_000_000 };
    let prog = match (args.first().map(String::as_str), num(1, 0), num(2, iters)) {
        (Some("wide"), Some(n), Some(iters)) if n > 0 => gen::wide(n as usize, iters),
        (Some("collatz"), Some(n), _) if n > 0 => gen::collatz(n),
        (Some("random"), Some(seed), Some(iters)) => gen::random(seed, iters.min(1 << 30) as usize),
        _ => {
            eprintln!("usage: ferngen wide LOCALS [ITERS] | collatz STARTS | random SEED [ITERS]");
            return ExitCode::from(2);
        }
    };
    print!("{prog}");
    ExitCode::SUCCESS
}
