//! Random programs against CPython: the generator (`tests/fuzz/gen.rs`) makes a program from
//! each seed of a fixed set; CPython 3.11's output of each is checked in
//! (`tests/fuzz/expected/SEED.out`, with the program as `SEED.py`), and mtpy must print it
//! exactly with the JIT off, on, at threshold 1, and at threshold 1 with bridges at 1.
//! `cargo run --release -p metatrace-python --example pyfuzz -- --bless SEED...` (re)writes
//! the expected files; the same tool runs new seeds against CPython to look for bugs.

#[path = "fuzz/gen.rs"]
mod gen;

use std::path::Path;
use std::process::Command;

const MODES: &[&str] = &["jit=off", "jit=on", "jit-threshold=1", "jit=threshold=1,bridge=1"];

fn seeds() -> Vec<u64> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/expected");
    let mut v: Vec<u64> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "out").then(|| p.file_stem()?.to_str()?.parse().ok())?
        })
        .collect();
    v.sort();
    v
}

#[test]
fn the_generator_still_makes_the_checked_in_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/expected");
    for seed in seeds() {
        let want = std::fs::read_to_string(dir.join(format!("{seed}.py"))).unwrap();
        assert!(
            gen::source(&gen::program(seed)) == want,
            "seed {seed}: the generator changed; re-bless with `cargo run --release -p metatrace-python \
             --example pyfuzz -- --bless {seed}` (needs CPython 3.11)"
        );
    }
}

#[test]
fn random_programs_print_what_cpython_prints_in_every_jit_mode() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/expected");
    let seeds = seeds();
    assert!(seeds.len() >= 20, "the expected outputs are there");
    let mut failures = Vec::new();
    // Under GC stress (a collection at every safepoint, about 17 times slower) a few seeds in
    // two modes keep the run short; the plain run covers every seed and mode.
    let stress = std::env::var_os("METATRACE_GC_STRESS").is_some();
    let (seeds, modes) = if stress { (seeds[..3].to_vec(), &MODES[..2]) } else { (seeds, MODES) };
    for seed in seeds {
        let py = dir.join(format!("{seed}.py"));
        let want = std::fs::read_to_string(py.with_extension("out")).unwrap();
        for mode in modes {
            let out = Command::new(env!("CARGO_BIN_EXE_mtpy")).args(["-X", mode]).arg(&py).output().unwrap();
            let got = String::from_utf8_lossy(&out.stdout);
            if got != want || !out.status.success() {
                let first = want.lines().zip(got.lines()).find(|(a, b)| a != b);
                failures.push(format!(
                    "seed {seed} -X {mode}: exit {:?}, first difference {first:?}\n{}",
                    out.status.code(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_generator_is_deterministic_and_varied() {
    assert_eq!(gen::program(7), gen::program(7));
    assert_ne!(gen::program(7), gen::program(8));
    let mut r = gen::Rng::new(1);
    let xs: Vec<u64> = (0..100).map(|_| r.below(10)).collect();
    assert!((0..10).all(|d| xs.contains(&d)));
}
