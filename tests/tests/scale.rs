//! The toolchain at scale: wide frames (exits write only what changed; links and direct calls
//! sized to the language), bridge storms (a budget per loop, and a compile-time share per
//! `Vm`) and long traces (the biggest inlined callee is called instead, or the trace is
//! compiled in segments). Programs come from
//! `metatrace_fern::gen`; every JIT setting must print what the interpreter prints, and the
//! tests count compilations, bridges and links, never time (the compile-share test sets a
//! share no run can meet).

use metatrace::{AbortReason, JitParams, JitStats};
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
fn wide_frames_keep_resume_data_by_what_changed() {
    // Every exit of a trace over 1,000 locals would hold a slot per local; they share a
    // pattern per frame width (the value stack's depth varies: a few) and keep their
    // differences from it (the locals the trace changed so far).
    let locals = 1000u64;
    let stats = agree(&gen::wide(locals as usize, 2_000), &["on", "threshold=1,bridge=1"]);
    for s in &stats {
        let traces = s.loops + s.bridges + s.functions;
        assert!(s.exits > 8 * traces, "many guards per trace: {}", s.summary());
        assert!(s.resume_slots < 4 * (locals + 8) + 32 * s.exits, "{}", s.summary());
        assert!(s.resume_slots * 10 < s.exits * locals, "{}", s.summary());
    }
}

#[test]
fn wide_variants_agree_under_every_setting() {
    // A wide loop calling a wide function (both frames in every inlined guard's snapshot), and
    // a bridge storm over a wide frame.
    for src in [gen::wide_calls(150, 120, 400), gen::wide_storm(300, 60)] {
        agree(
            &src,
            &["on", "threshold=1", "threshold=1,bridge=1", "threshold=5,bridge=3", "inline_depth=0", "ifconv=0"],
        );
    }
}

#[test]
fn a_trace_with_too_many_snapshot_words_retries_without_its_callee() {
    // Inlined, the callee's guards each hold both frames (1,000 + 150 words): the loop's
    // recording takes about 1,000 operations, under the limit of 1,200, but far more snapshot
    // words than a 1,200-operation trace may hold. It is given up as too long and traced again
    // calling the callee.
    let src = gen::wide_calls(1000, 150, 300);
    let stats = agree(&src, &["threshold=7,trace_limit=1200"]);
    let s = &stats[0];
    assert!(s.aborts_for(AbortReason::TooLong) >= 1, "{}", s.summary());
    assert!(s.dont_inline >= 1, "{}", s.summary());
    assert!(s.loops >= 1, "{}", s.summary());
}

#[test]
fn a_wide_function_past_the_snapshot_words_is_compiled_in_segments() {
    // The callee assigns 600 locals one by one: each assignment is a guard whose snapshot
    // holds the whole frame (about 600 words) and one more virtual box than the last. Called,
    // not inlined, its function entry is past the snapshot words a 1,200-operation trace may
    // hold long before the operations: it is compiled in segments, each within the bound,
    // rather than given up (it used to be, and ran interpreted: wide calls 1000 was no faster
    // than the interpreter). Each later segment is a bridge that starts by allocating the
    // boxes assigned so far (hundreds of operations): they do not count towards its length,
    // or the last segments would have no room left and be given up.
    let src = gen::wide_calls(20, 600, 400);
    let specs = [
        "threshold=7,function_threshold=7,trace_limit=1200,inline_depth=0",
        "threshold=1,bridge=1,function_threshold=3,trace_limit=1200,inline_depth=0",
    ];
    let stats = agree(&src, &specs);
    for s in &stats {
        // (The function entry is the first segment; each later one is a bridge.)
        assert_eq!((s.functions, s.total_aborts()), (1, 0), "{}", s.summary());
        assert!(s.segments >= 2 && s.bridges + 1 >= s.segments, "{}", s.summary());
    }
}

#[test]
fn a_loop_past_the_snapshot_words_is_compiled_in_segments() {
    // A loop over 600 locals at a limit of 100 operations may hold 3,200 snapshot words: its
    // sixth guard is past them, long before the operations are. It is cut there as a segment
    // (it used to be given up), and guard failures forced in the first segment resume the
    // interpreter exactly.
    let src = gen::wide(600, 400);
    let specs = [
        "threshold=3,trace_limit=100",
        "threshold=3,trace_limit=100,fail_guard=3",
        "threshold=1,bridge=1,trace_limit=100",
    ];
    let stats = agree(&src, &specs);
    for s in &stats {
        assert_eq!((s.loops, s.total_aborts()), (1, 0), "{}", s.summary());
        assert!(s.segments >= 2, "{}", s.summary());
    }
}

#[test]
fn wide_frames_resume_exactly_from_every_guard() {
    let src = gen::wide(150, 300);
    let specs: Vec<String> = (0..40).step_by(3).map(|n| format!("threshold=3,bridge=1000,fail_guard={n}")).collect();
    agree(&src, &specs.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn random_programs_agree_under_every_setting() {
    for seed in 0..12 {
        let src = gen::random(seed, 300);
        agree(&src, &["on", "threshold=1", "threshold=1,bridge=1", "threshold=2,bridge=2,max_bridges=2"]);
    }
}

#[test]
fn a_bridge_storm_stops_at_the_budget() {
    // Seed 9 grows about 85 bridges at threshold 1, bridge 1.
    let src = gen::random(9, 20_000);
    let stats = agree(
        &src,
        // (A compile-time budget out of reach: debug builds compile slowly, and this counts bridges.)
        &[
            "threshold=1,bridge=1,bridge_budget_ms=100000,bridge_backoff=0",
            "threshold=1,bridge=1,max_bridges=5,bridge_budget_ms=100000",
            "threshold=1,bridge=1,max_bridges=0",
        ],
    );
    let (free, capped, none) = (&stats[0], &stats[1], &stats[2]);
    assert!(free.bridges > 20, "{}", free.summary());
    let trees = capped.loops + capped.functions;
    assert!(capped.bridges <= 5 * trees && capped.bridges_refused > 0, "{}", capped.summary());
    assert_eq!(none.bridges, 0, "{}", none.summary());
    let storm = gen::collatz(300);
    let stats = agree(&storm, &["threshold=1,bridge=1,max_bridges=3"]);
    assert!(stats[0].bridges <= 3 * (stats[0].loops + stats[0].functions), "{}", stats[0].summary());
}

#[test]
fn a_bridge_storm_backs_off_as_its_tree_grows() {
    // At threshold 1, bridge 1 every guard of seed 9's loop that fails once gets a bridge; with
    // the threshold doubling every 4 bridges, paths taken rarely are left to the interpreter.
    let src = gen::random(9, 20_000);
    let eager = "threshold=1,bridge=1,bridge_budget_ms=100000";
    let stats = agree(&src, &[&format!("{eager},bridge_backoff=0"), &format!("{eager},bridge_backoff=4")]);
    let (flat, backoff) = (&stats[0], &stats[1]);
    assert!(flat.bridges > 20, "{}", flat.summary());
    assert!(backoff.bridges * 2 < flat.bridges, "{}\n{}", flat.summary(), backoff.summary());
}

/// A loop calling a function whose inlined body alone is longer than the trace limit.
const BIG_CALLEE: &str = "
fn big(x) {
    let a = x + 1; let b = a * 3 % 1000; let c = b + a; let d = c * c % 977; let e = d + b;
    let f = e * 7 % 1013; let g = f + c; let h = g * g % 991; let i = h + d; let j = i * 5 % 1009;
    let k = j + e; let l = k * k % 983; let m = l + f; let n = m * 11 % 1019; let o = n + g;
    return o + h + i + j + k + l + m + n;
}
fn main() {
    let i = 0;
    let s = 0;
    while i < 3000 {
        s = (s + big(i)) % 100003;
        i = i + 1;
    }
    print(s);
}";

#[test]
fn a_trace_too_long_calls_its_biggest_callee_instead_of_giving_up() {
    let stats = agree(BIG_CALLEE, &["threshold=5,trace_limit=120", "threshold=1,bridge=1,trace_limit=120"]);
    for s in &stats {
        // The loop's first try is too long; the retry calls `big` through call_assembler and
        // closes. (`big`'s own function entry is too long as well, and is compiled in
        // segments: see below.)
        assert!(s.aborts_for(AbortReason::TooLong) >= 1, "{}", s.summary());
        assert_eq!((s.dont_inline, s.loops), (1, 1), "{}", s.summary());
    }
    // With the default limit `big` is inlined: nothing is given up.
    let stats = agree(BIG_CALLEE, &["threshold=5"]);
    assert_eq!((stats[0].dont_inline, stats[0].total_aborts()), (0, 0), "{}", stats[0].summary());
}

#[test]
fn a_trace_too_long_by_itself_is_given_up_at_once_without_segments() {
    // `big`'s function entry is past the limit with nothing inlined that it could call
    // instead: every try would record as far as the limit again, so the first is the last
    // (not `max_aborts` of them). The loop's first try, too long with `big` inlined, retries
    // calling it and closes.
    let stats = agree(BIG_CALLEE, &["threshold=5,function_threshold=5,trace_limit=120,max_aborts=5,segments=0"]);
    let s = &stats[0];
    assert_eq!(s.aborts_for(AbortReason::TooLong), 2, "{}", s.summary());
    assert_eq!((s.dont_inline, s.loops, s.functions, s.segments), (1, 1, 0, 0), "{}", s.summary());
}

#[test]
fn a_function_too_long_by_itself_is_compiled_in_segments() {
    // `big`'s function entry, past the limit with nothing to call instead, is compiled up to
    // its last guard at an instruction boundary and ends in `guard_always_fails`, whose exit
    // grows the rest of `big` as a bridge at its first failure (cut again if need be). The
    // loop's first try, which inlined `big`, is given up (and at the eager setting, a bridge
    // with no instruction boundary to cut at).
    let eager = "threshold=1,bridge=1,function_threshold=1,trace_limit=40";
    let stats = agree(BIG_CALLEE, &["threshold=5,function_threshold=5,trace_limit=120", eager]);
    for s in &stats {
        assert!(s.aborts_for(AbortReason::TooLong) >= 1, "{}", s.summary());
        assert_eq!((s.dont_inline, s.loops, s.functions), (1, 1, 1), "{}", s.summary());
        assert!(s.segments >= 1 && s.bridges >= s.segments, "{}", s.summary());
    }
    assert!(stats[1].segments > stats[0].segments, "{}", stats[1].summary());
}

#[test]
fn a_loop_too_long_by_itself_is_compiled_in_segments() {
    // The wide loop's body is past the limit: the loop's unit is its first segment, and the
    // last segment, a bridge, finishes at the loop's header, entering the first again. Guard
    // failures forced in the first segment resume the interpreter exactly.
    let src = gen::wide(40, 400);
    let specs = [
        "threshold=3,trace_limit=100",
        "threshold=1,bridge=1,trace_limit=60",
        "threshold=3,trace_limit=100,fail_guard=3",
    ];
    let stats = agree(&src, &specs);
    for s in &stats[..2] {
        assert_eq!((s.loops, s.total_aborts()), (1, 0), "{}", s.summary());
        assert!(s.segments >= 2 && s.bridges >= s.segments, "{}", s.summary());
    }
    // The same loop without segments is given up.
    let s = &agree(&src, &["threshold=3,trace_limit=100,segments=0"])[0];
    assert_eq!((s.loops, s.segments), (0, 0), "{}", s.summary());
}

/// An outer loop whose first trace unrolls a long run of its inner loop, which is not
/// compiled yet (it runs only on some iterations).
const LONG_INNER_RUN: &str = "
fn main() {
    let i = 0;
    let s = 0;
    while i < 3000 {
        let n = 0;
        if i % 40 == 3 { n = 30; }
        let j = 0;
        while j < n {
            s = (s + j * i) % 1009;
            j = j + 1;
        }
        i = i + 1;
    }
    print(s);
}";

#[test]
fn a_trace_too_long_from_unrolling_a_loop_is_tried_again() {
    // The outer loop's first try unrolls 30 iterations of the inner loop and is too long;
    // that is not its own path's fault (other iterations skip the inner loop, and once that
    // is compiled a trace finishes there), so the loop is tried again and compiled.
    let stats = agree(LONG_INNER_RUN, &["threshold=3,trace_limit=120"]);
    let s = &stats[0];
    assert!(s.aborts_for(AbortReason::TooLong) >= 1, "{}", s.summary());
    assert_eq!(s.loops, 2, "both loops compiled: {}", s.summary());
}

#[test]
fn a_vm_over_its_compile_share_stops_tracing() {
    // No grace and a share nobody can meet: after the first compile, nothing more is traced;
    // the program still runs to the same result.
    let src = gen::random(9, 20_000);
    let stats = agree(&src, &["threshold=1,bridge=1", "threshold=1,bridge=1,compile_share=1,compile_grace_ms=0"]);
    let (free, bounded) = (&stats[0], &stats[1]);
    let traces = |s: &metatrace::JitStats| s.loops + s.functions + s.bridges;
    assert!(bounded.over_budget > 0, "{}", bounded.summary());
    assert!(traces(bounded) < traces(free), "free: {}\nbounded: {}", free.summary(), bounded.summary());
}

#[cfg(target_os = "linux")]
#[test]
fn recording_is_timed() {
    // Recording is timed (`--stats` shows it): recording a wide frame's snapshots can take as
    // long as compiling them.
    let stats = agree(&gen::wide_storm(200, 300), &["threshold=1,bridge=1"]);
    let s = &stats[0];
    assert!(s.traces_started > 1 && s.record_cpu_ns > 0, "{}", s.summary());
}

/// An inner loop entered thousands of times that runs three iterations per entry and leaves
/// through its loop-exit guard every time (no bridges may be grown: `max_bridges=0`).
const SHORT_INNER_LOOP: &str = "
fn main() {
    let i = 0;
    let s = 0;
    while i < 4000 {
        let j = 0;
        while j < 3 {
            if (i + j) % 2 == 0 { s = (s + j + i) % 1009; } else { s = s * 3 % 1009; }
            j = j + 1;
        }
        i = i + 1;
    }
    print(s);
}";

#[test]
fn a_spent_loop_that_keeps_failing_stops_being_entered() {
    let stats = agree(
        SHORT_INNER_LOOP,
        &[
            "threshold=5,max_bridges=0",
            "threshold=5,max_bridges=0,unprofitable=50",
            "threshold=1,max_bridges=0,unprofitable=50",
            "threshold=5,bridge=1,unprofitable=50,bridge_budget_ms=100000",
        ],
    );
    let (kept, dropped, at_one, bridged) = (&stats[0], &stats[1], &stats[2], &stats[3]);
    // Off by default: the loop keeps being entered and failing.
    assert_eq!(kept.unprofitable, 0, "{}", kept.summary());
    assert!(kept.guard_failures > 3000, "{}", kept.summary());
    // On: after a window of failing entries it is left to the interpreter (the outer loop's
    // trace, linked to it, still continues in it).
    for s in [dropped, at_one] {
        assert!(s.unprofitable >= 1, "{}", s.summary());
        assert!(s.guard_failures < kept.guard_failures * 3 / 4, "{}\nkept: {}", s.summary(), kept.summary());
    }
    // A loop that may still grow bridges is not judged: its failing guard gets one.
    assert_eq!(bridged.unprofitable, 0, "{}", bridged.summary());
    assert!(bridged.bridges >= 1, "{}", bridged.summary());
}

#[test]
fn exits_into_a_wide_frame_patch_it_where_it_changed() {
    // A guard failure back into the activation that entered compiled code patches that frame
    // where it changed (fern implements `Language::resume_in_place`) rather than rebuilding
    // it, at any width. Without bridges, every failure goes back to the interpreter.
    for locals in [40, 1000] {
        let stats = agree(&gen::wide(locals, 2_000), &["threshold=7,bridge=100000", "on"]);
        for s in &stats {
            assert!(s.guard_failures > 0, "{locals} locals: {}", s.summary());
            assert!(s.patched_exits > 0, "{locals} locals: {}", s.summary());
        }
        let s = &stats[0];
        assert!(s.patched_exits + s.nested_exits >= s.guard_failures, "{locals} locals: {}", s.summary());
    }
}
