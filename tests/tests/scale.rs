//! The toolchain at scale: wide frames (exits write only what changed; links and direct calls
//! sized to the language), bridge storms (a budget per loop) and long traces (the biggest
//! inlined callee is called instead). Programs come from `metatrace_fern::gen`; every JIT
//! setting must print what the interpreter prints, and the tests count compilations, bridges
//! and links, never time.

use metatrace::{JitParams, JitStats};
use metatrace_fern::{gen, run_source};

fn params(spec: &str) -> JitParams {
    let mut p = JitParams::default();
    p.apply(spec).unwrap();
    p
}

/// Runs `src` with the JIT off and with each setting; checks the outputs agree and returns the
/// statistics of each setting.
fn agree(src: &str, specs: &[&str]) -> Vec<JitStats> {
    let (want, _) = run_source(src, JitParams::off()).unwrap();
    specs
        .iter()
        .map(|spec| {
            let (got, stats) = run_source(src, params(spec)).unwrap_or_else(|e| panic!("jit {spec}: {e}"));
            assert_eq!(got, want, "jit {spec}");
            stats
        })
        .collect()
}

const SETTINGS: &[&str] = &["on", "threshold=1", "threshold=1,bridge=1", "threshold=7,bridge=3"];

#[test]
fn wide_frames_agree_and_link_above_64_words() {
    for locals in [40, 200, 1000] {
        let src = gen::wide(locals, 2_000);
        let stats = agree(&src, SETTINGS);
        let s = &stats[2];
        assert!(s.loops >= 1 && s.bridges >= 1, "{locals} locals: {}", s.summary());
        // Frames of 200 and 1,000 words are linked like small ones (the link limit is sized to
        // the program's widest frame).
        assert!(s.links >= s.bridges, "{locals} locals: {}", s.summary());
    }
}

#[test]
fn wide_frames_resume_exactly_from_every_guard() {
    let src = gen::wide(150, 300);
    let specs: Vec<String> = (0..40).step_by(3).map(|n| format!("threshold=3,bridge=1000,fail_guard={n}")).collect();
    agree(&src, &specs.iter().map(String::as_str).collect::<Vec<_>>());
}
