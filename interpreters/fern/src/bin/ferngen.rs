//! `ferngen`: prints a generated Fern program (see `metatrace_fern::gen`).
//!
//! Usage: `ferngen wide LOCALS [ITERS]`, `ferngen collatz STARTS`, `ferngen random SEED [ITERS]`,
//! `ferngen wide_calls LOCALS CALLEE_LOCALS [ITERS]`, `ferngen wide_storm LOCALS STARTS` (ITERS
//! defaults to 1,000,000 for `wide`, 20,000 for `random` and 100,000 for `wide_calls`).

use metatrace_fern::gen;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |k: usize, default: u64| args.get(k).map_or(Some(default), |a| a.parse().ok());
    let iters = match args.first().map(String::as_str) {
        Some("random") => 20_000,
        Some("wide_calls") => 100_000,
        _ => 1_000_000,
    };
    let prog = match (args.first().map(String::as_str), num(1, 0), num(2, iters)) {
        (Some("wide"), Some(n), Some(iters)) if n > 0 => gen::wide(n as usize, iters),
        (Some("collatz"), Some(n), _) if n > 0 => gen::collatz(n),
        (Some("random"), Some(seed), Some(iters)) => gen::random(seed, iters.min(1 << 30) as usize),
        (Some("wide_calls"), Some(n), Some(m)) if n > 0 && m > 0 && args.len() >= 3 => match num(3, iters) {
            Some(iters) => gen::wide_calls(n as usize, m as usize, iters),
            None => return usage(),
        },
        (Some("wide_storm"), Some(n), Some(starts)) if n > 0 && starts > 0 && args.len() >= 3 => {
            gen::wide_storm(n as usize, starts)
        }
        _ => return usage(),
    };
    print!("{prog}");
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: ferngen wide LOCALS [ITERS] | collatz STARTS | random SEED [ITERS] | wide_calls LOCALS CALLEE_LOCALS [ITERS] | wide_storm LOCALS STARTS"
    );
    ExitCode::from(2)
}
