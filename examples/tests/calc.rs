//! Runs the `calc` example as a user would and checks what it prints.
//!
//! `cargo test` builds the package's examples before it runs tests, next to the test
//! binaries (`target/<profile>/examples/`); this test runs that binary.

use std::path::PathBuf;
use std::process::Command;

/// The example binary `cargo test` built for this test run.
fn calc() -> Command {
    let exe = std::env::current_exe().unwrap();
    // target/<profile>/deps/calc-<hash> -> target/<profile>/examples/calc
    let dir: PathBuf = exe.parent().and_then(|d| d.parent()).unwrap().join("examples");
    let bin = dir.join(format!("calc{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is not built: run this test through `cargo test -p metatrace-examples` (which builds the examples)",
        bin.display()
    );
    Command::new(bin)
}

/// The sum of the squares below n, computed without the interpreter.
fn sum_of_squares(n: i128) -> i128 {
    (n - 1) * n * (2 * n - 1) / 6
}

/// The value printed on the line of `name` (`interpreter` or `jit`), and that line.
fn result_of<'a>(out: &'a str, name: &str) -> (&'a str, &'a str) {
    let line = out.lines().find(|l| l.trim_start().starts_with(&format!("{name}:"))).unwrap_or_else(|| panic!("{out}"));
    let value = line
        .split(" = ")
        .nth(1)
        .and_then(|r| r.rsplit_once(" in "))
        .map(|(v, _)| v)
        .unwrap_or_else(|| panic!("{line}"));
    (value, line)
}

#[test]
fn calc_prints_the_sum_of_squares_with_the_jit_off_and_on() {
    let out = calc().env_remove("METATRACE_TRACE_LOG").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let want = sum_of_squares(2_000_000).to_string();
    for name in ["interpreter", "jit"] {
        let (value, line) = result_of(&stdout, name);
        assert_eq!(value, want, "{line}");
        assert!(line.contains("sum of squares below 2000000 = "), "{line}");
    }
    // The JIT compiled the loop.
    assert!(stdout.contains("loops=1"), "{stdout}");
}

#[test]
fn calc_reports_an_overflow_instead_of_a_wrong_sum() {
    // The sum below 3,000,000 fits in an i64; below 4,000,000 it does not.
    assert!(sum_of_squares(3_000_000) <= i64::MAX as i128 && sum_of_squares(4_000_000) > i64::MAX as i128);
    let out = calc().arg("3000000").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(result_of(&stdout, "jit").0, sum_of_squares(3_000_000).to_string());
    let out = calc().arg("4000000").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for name in ["interpreter", "jit"] {
        assert_eq!(result_of(&stdout, name).0, "error: integer overflow at calc@14", "{stdout}");
    }
}

#[test]
fn calc_rejects_a_bad_argument() {
    let out = calc().arg("many").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("usage: calc [N]"));
}
