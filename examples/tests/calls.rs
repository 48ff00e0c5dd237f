//! Runs the `calls` example as a user would and checks what it prints (see `calc.rs` here for
//! where `cargo test` puts the example binary).

use std::path::PathBuf;
use std::process::Command;

/// The example binary `cargo test` built for this test run.
fn calls() -> Command {
    let exe = std::env::current_exe().unwrap();
    let dir: PathBuf = exe.parent().and_then(|d| d.parent()).unwrap().join("examples");
    let bin = dir.join(format!("calls{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is not built: run this test through `cargo test -p metatrace-examples`", bin.display());
    Command::new(bin)
}

fn fib(x: i64) -> i64 {
    if x < 2 {
        x
    } else {
        fib(x - 1) + fib(x - 2)
    }
}

#[test]
fn calls_prints_the_same_sum_with_the_jit_off_on_and_eager() {
    let n = 3000;
    let want: i64 = (0..n).map(|i| fib(i % 20)).sum();
    let out = calls().arg(n.to_string()).env_remove("METATRACE_TRACE_LOG").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    for name in ["interpreter", "jit", "eager jit"] {
        let line = stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{name}:")))
            .unwrap_or_else(|| panic!("{stdout}"));
        assert!(line.contains(&format!("for i below {n} = {want} in ")), "{line}");
    }
    // The eager JIT compiled the loop and fib's entry.
    let eager = stdout.split("eager jit:").nth(1).unwrap();
    assert!(!eager.contains("loops=0 ") && !eager.contains("functions=0 "), "{stdout}");
}
