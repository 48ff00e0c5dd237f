//! aarch64 cross tests: every shared test trace is compiled with
//! `Backend::for_triple("aarch64-unknown-linux-gnu").emit`, run under `qemu-aarch64` by a small
//! static C driver (`jit/c/driver.c`, built with `aarch64-linux-gnu-gcc`), and must produce
//! exactly what the same trace produces on the host.
//!
//! Missing tools make the test fail (never pass silently); `.ci/run` installs them.

mod common;

use common::*;
use metatrace_jit::backend::Backend;
use metatrace_jit::text;
use std::path::{Path, PathBuf};
use std::process::Command;

const GCC: &str = "aarch64-linux-gnu-gcc";
const QEMU: &str = "qemu-aarch64";

fn require(tool: &str, version_arg: &str) {
    let ok = Command::new(tool).arg(version_arg).output().map(|o| o.status.success()).unwrap_or(false);
    assert!(
        ok,
        "`{tool}` is missing or does not run: the aarch64 cross tests need it. `.ci/run` installs \
         the Debian packages qemu-user, gcc-aarch64-linux-gnu and libc6-dev-arm64-cross."
    );
}

/// A scratch directory for this test run (removed at the end of a passing run).
fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("metatrace-aarch64-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds the C driver once per test run.
fn build_driver(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("c/driver.c");
    let exe = dir.join("driver");
    let out = Command::new(GCC)
        .args(["-static", "-O1", "-Wall", "-o"])
        .arg(&exe)
        .arg(&src)
        .output()
        .unwrap_or_else(|e| panic!("running {GCC}: {e}"));
    assert!(out.status.success(), "{GCC} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    exe
}

/// What the C driver loads: a header with the trace's offset, the entry function at offset
/// 16, then the trace (16-byte aligned, as Cranelift's constant pools expect).
fn code_file_bytes(entry: &[u8], trace: &[u8]) -> Vec<u8> {
    let offset = (16 + entry.len()).next_multiple_of(16);
    let mut bytes = vec![0u8; 16];
    bytes[..8].copy_from_slice(&(offset as u64).to_le_bytes());
    bytes.extend_from_slice(entry);
    bytes.resize(offset, 0);
    bytes.extend_from_slice(trace);
    bytes
}

#[test]
fn aarch64_code_matches_the_host_under_qemu() {
    require(GCC, "--version");
    require(QEMU, "-version");
    let dir = scratch_dir();
    let driver = build_driver(&dir);
    let arm = Backend::for_triple("aarch64-unknown-linux-gnu").unwrap();
    let host = Backend::host().unwrap();
    let entry = arm.emit_entry().unwrap();
    let mut runs = 0;
    for (ci, c) in cases().iter().enumerate() {
        let t = text::parse(&c.text).unwrap();
        let code = arm.emit(&t).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        let code_file = dir.join(format!("case{ci}.bin"));
        std::fs::write(&code_file, code_file_bytes(&entry, &code)).unwrap();
        let frame_words = metatrace_jit::backend::frame_words(&t);
        for r in &c.runs {
            let want = run_host(&host, c, r);
            check_expect(c, r, &want);
            let out = Command::new(QEMU)
                .arg(&driver)
                .arg(&code_file)
                .arg(frame_len(frame_words, r).to_string())
                .arg(BUF_WORDS.to_string())
                .args(r.inputs.iter().map(|&w| arg(w)))
                .output()
                .unwrap_or_else(|e| panic!("running {QEMU}: {e}"));
            assert!(
                out.status.success(),
                "{} {:?}: the driver failed ({}):\n{}",
                c.name,
                r.inputs,
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            let got = String::from_utf8(out.stdout).unwrap();
            assert_eq!(got, want.render(), "{} with inputs {:?}: aarch64 (left) vs host (right)", c.name, r.inputs);
            runs += 1;
        }
    }
    assert!(runs >= 30, "only {runs} runs");
    let _ = std::fs::remove_dir_all(&dir);
}
