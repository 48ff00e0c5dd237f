//! The `bf` binary: help, bad usage, running a program from a file with stdin and stdout.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `bf` with `args` and `input` on stdin: (exit status, stdout, stderr).
fn bf(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bf"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// A scratch file holding `src`, named after the test.
fn source_file(test: &str, src: &str) -> std::path::PathBuf {
    let file = std::env::temp_dir().join(format!("bf-cli-{}-{test}.b", std::process::id()));
    std::fs::write(&file, src).unwrap();
    file
}

#[test]
fn help_prints_usage_and_the_jit_settings_and_exits_0() {
    for flag in ["--help", "-h"] {
        let (code, out, err) = bf(&[flag], b"");
        assert_eq!((code, err.as_str()), (0, ""), "{flag}");
        assert!(out.starts_with("usage: bf [--jit SPEC] [--stats] FILE\n"), "{out}");
        assert!(out.contains("threshold=N") && out.contains("exit status"), "{out}");
    }
    // Help wins over a missing file and the other flags.
    let (code, out, _) = bf(&["--stats", "--help"], b"");
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: bf"), "{out}");
}

#[test]
fn bad_usage_says_what_is_wrong_and_exits_2() {
    for (args, message) in [
        (&["--bogus", "x.b"][..], "bf: unknown option --bogus\n"),
        (&["-x"][..], "bf: unknown option -x\n"),
        (&["--stats=yes", "x.b"][..], "bf: unknown option --stats=yes\n"),
        (&["--jit"][..], "bf: --jit needs a value\n"),
        (&["--jit", "bogus", "x.b"][..], "bf: --jit: unknown setting \"bogus\"\n"),
        (&["--jit=threshold=x", "x.b"][..], "bf: --jit threshold: \"x\" is not a number\n"),
        (&[][..], "bf: no FILE given\n"),
        (&["a.b", "b.b"][..], "bf: one FILE only (got a.b and b.b)\n"),
    ] {
        let (code, out, err) = bf(args, b"");
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.starts_with(message), "{args:?}: {err}");
        assert!(err.contains("usage: bf ") && err.contains("bf --help"), "{args:?}: {err}");
    }
    let (code, _, err) = bf(&["/nonexistent/x.b"], b"");
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("bf: cannot read /nonexistent/x.b"), "{err}");
}

#[test]
fn runs_a_program_with_stdin_and_stdout() {
    // Echo the input with every byte incremented, until end of input (`,` gives 0).
    let file = source_file("echo", ",[+.,]");
    let path = file.to_str().unwrap();
    for spec in ["off", "on", "threshold=1,bridge=1"] {
        let (code, out, err) = bf(&["--jit", spec, path], b"HAL");
        assert_eq!((code, out.as_str(), err.as_str()), (0, "IBM", ""), "--jit {spec}");
    }
    let (code, out, err) = bf(&["--jit=threshold=1", "--stats", path], b"HAL");
    assert_eq!((code, out.as_str()), (0, "IBM"), "{err}");
    assert!(err.starts_with("jit: loops=1"), "{err}");
    std::fs::remove_file(file).unwrap();
}

#[test]
fn a_program_error_exits_1() {
    let file = source_file("unbalanced", "+[");
    let path = file.to_str().unwrap();
    let (code, out, err) = bf(&[path], b"");
    assert_eq!((code, out.as_str(), err), (1, "", format!("bf: {path}: unmatched '[' at byte 1\n")));
    std::fs::remove_file(&file).unwrap();
}
