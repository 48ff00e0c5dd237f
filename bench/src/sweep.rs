//! `mtbench --sweep N`: the bridge-storm bound, measured. Runs `ferngen random SEED` for seeds
//! 1 to N with the JIT off and under each of [`SETTINGS`], checks every setting prints what
//! the interpreter prints, and reports per setting the JIT-on / JIT-off ratio of CPU times
//! (each the median of `--runs` runs, each after an unmeasured run of its own setting, as
//! `mtbench`'s): the worst seeds, the median, and any mismatch. The
//! programs are small (milliseconds to tenths of a second), so start-up and compiling weigh
//! in them as they do in a real program's first moments.

use crate::{median, warm_run, Row};
use std::path::Path;
use std::process::Command;

/// The JIT settings swept, from the default to the most eager.
const SETTINGS: &[&str] = &["on", "threshold=1", "threshold=5,bridge=3", "threshold=1,bridge=1"];

/// One seed's result under one setting.
struct Ratio {
    seed: u32,
    off: f64,
    on: f64,
}

/// Runs the sweep; returns whether every setting printed what the interpreter printed.
pub(crate) fn run(bindir: &Path, seeds: u32, runs: usize) -> bool {
    let fern = bindir.join("fern");
    let path = std::env::temp_dir().join(format!("mtbench-sweep-{}.fern", std::process::id()));
    let mut ratios: Vec<Vec<Ratio>> = SETTINGS.iter().map(|_| Vec::new()).collect();
    let mut ok = true;
    for seed in 1..=seeds {
        match Command::new(bindir.join("ferngen")).args(["random", &seed.to_string()]).output() {
            Ok(o) if o.status.success() => {
                if let Err(e) = std::fs::write(&path, &o.stdout) {
                    eprintln!("cannot write {}: {e}", path.display());
                    return false;
                }
            }
            Ok(o) => {
                eprintln!("ferngen random {seed} failed: {}", String::from_utf8_lossy(&o.stderr));
                return false;
            }
            Err(e) => {
                eprintln!("cannot run ferngen: {e}");
                return false;
            }
        }
        let row = |spec: &str| Row {
            label: spec.to_string(),
            exe: fern.clone(),
            args: vec!["--jit".to_string(), spec.to_string(), path.display().to_string()],
            c: false,
        };
        let rows: Vec<Row> = std::iter::once(row("off")).chain(SETTINGS.iter().map(|s| row(s))).collect();
        let mut cpu: Vec<Vec<f64>> = rows.iter().map(|_| Vec::new()).collect();
        let mut want = None;
        for _ in 0..runs {
            for (r, times) in rows.iter().zip(&mut cpu) {
                match warm_run(r) {
                    Ok(run) => {
                        match &want {
                            None => want = Some(run.stdout.clone()),
                            Some(w) if *w != run.stdout => {
                                eprintln!("seed {seed}: jit {} prints other than the interpreter", r.label);
                                ok = false;
                            }
                            Some(_) => {}
                        }
                        times.push(run.cpu);
                    }
                    Err(e) => {
                        eprintln!("seed {seed}: {e}");
                        ok = false;
                    }
                }
            }
        }
        let medians: Vec<f64> = cpu.iter_mut().map(|t| if t.is_empty() { f64::NAN } else { median(t) }).collect();
        for (k, out) in ratios.iter_mut().enumerate() {
            out.push(Ratio { seed, off: medians[0], on: medians[k + 1] });
        }
    }
    let _ = std::fs::remove_file(&path);
    println!("ferngen random 1..={seeds}, CPU time (median of {runs}) with the JIT on over off:");
    println!("{:<24} {:>8} {:>8}   worst seeds (ratio: off ms -> on ms)", "setting", "median", "worst");
    for (spec, rs) in SETTINGS.iter().zip(&mut ratios) {
        rs.retain(|r| r.off > 0.0 && r.on.is_finite());
        if rs.is_empty() {
            continue;
        }
        rs.sort_by(|a, b| (b.on / b.off).partial_cmp(&(a.on / a.off)).unwrap());
        let mut all: Vec<f64> = rs.iter().map(|r| r.on / r.off).collect();
        let worst: Vec<String> = rs
            .iter()
            .take(3)
            .map(|r| format!("{} ({:.2}x: {:.1} -> {:.1})", r.seed, r.on / r.off, r.off * 1e3, r.on * 1e3))
            .collect();
        println!("{:<24} {:>7.2}x {:>7.2}x   {}", spec, median(&mut all), rs[0].on / rs[0].off, worst.join(", "));
    }
    ok
}
