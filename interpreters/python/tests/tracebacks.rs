//! The report of an uncaught exception on stderr: for each program in `tests/tracebacks/`,
//! mtpy's stderr must be its `.err` file, what CPython 3.11 printed (`^^^^` and `~~^~~`
//! marks, chained exceptions, repeated frames), with the programs' directory written `DIR`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

#[test]
fn uncaught_exceptions_are_reported_as_cpython_reports_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tracebacks");
    let progs = programs(&dir);
    assert!(progs.len() >= 5, "the programs are there");
    let mut failures = Vec::new();
    for p in &progs {
        let want = std::fs::read_to_string(p.with_extension("err")).unwrap();
        for mode in ["jit=off", "jit-threshold=1"] {
            // (The absolute path, as CPython prints the main script's.)
            let out = Command::new(env!("CARGO_BIN_EXE_mtpy")).args(["-X", mode]).arg(p).output().expect("mtpy runs");
            let got = String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", dir.display()), "DIR/");
            if got != want || out.status.code() != Some(1) {
                failures.push(format!(
                    "{} -X {mode}: exit {:?}\n--- got\n{got}--- want\n{want}",
                    p.display(),
                    out.status.code()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
