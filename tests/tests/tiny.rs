//! PyPy-style JIT tests: a tiny register interpreter written right here, run with the JIT
//! and checked against plain interpretation, with its traces snapshotted.

use metatrace::{Control, Ctx, Flow, JitParams, Language, QuasiId, Red, RedMap, Reds, Vm};
use std::fmt;
use std::rc::Rc;

const NREGS: usize = 5;

/// The tiny machine's instructions: four integer registers.
#[derive(Clone, Copy, Debug)]
enum Ins {
    /// r = k
    Const(usize, i64),
    /// a = b + c, stopping with an error on overflow
    Add(usize, usize, usize),
    /// a = b * c (wrapping)
    Mul(usize, usize, usize),
    /// a = b % k (floor modulo, k != 0)
    ModK(usize, usize, i64),
    /// a = (b < c)
    Lt(usize, usize, usize),
    /// if r == 0 { pc = t } (forward)
    JumpIfZero(usize, usize),
    /// pc = t (forward)
    Jump(usize),
    /// pc = t (backward: a loop header)
    Loop(usize),
    /// r = the quasi-immutable cell
    GetQuasi(usize),
    /// the quasi-immutable cell = k
    SetQuasi(i64),
    /// a = b / c through a helper that raises on division by zero
    Div(usize, usize, usize),
    /// a = the function at pc t called with r1 = b (its other registers start at 0; it
    /// returns its r0 at `Halt`)
    Call(usize, usize, usize),
    /// stop; the result is r0
    Halt,
}

/// A helper that may raise: `(raise slot, x, y) -> x / y`, raising 1 when `y == 0`.
extern "C" fn checked_div(slot: u64, x: u64, y: u64) -> u64 {
    let (x, y) = (x as i64, y as i64);
    if y == 0 || (x == i64::MIN && y == -1) {
        // SAFETY: the toolchain passes the address of the Vm's raise slot.
        unsafe { *(slot as *mut u64) = 1 };
        return 0;
    }
    x.div_euclid(y) as u64
}

fn div_helper() -> metatrace::Helper {
    use metatrace::{Effect, Helper, Type};
    Helper::new3("checked_div", checked_div, &[Type::Ref, Type::Int, Type::Int], Some(Type::Int), Effect::MayRaise)
}

/// The tiny language; with `CALLS`, calls may be compiled (function entries, call_assembler).
struct Tiny<const CALLS: bool = false> {
    prog: Rc<Vec<Ins>>,
    quasi: Option<QuasiId>,
}

struct Frame<R: Reds> {
    prog: Rc<Vec<Ins>>,
    quasi: Option<QuasiId>,
    pc: usize,
    regs: [R::Int; NREGS],
    /// An error a callee returned to this frame after a deopt (see `deliver`).
    failed: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Pc(usize);
impl fmt::Display for Pc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "tiny@{}", self.0)
    }
}

impl<const CALLS: bool> Language for Tiny<CALLS> {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Result<R::Int, String>;
    type Key = Pc;

    fn key<R: Reds>(f: &Frame<R>) -> Pc {
        Pc(f.pc)
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.extend(f.regs.iter().map(|&r| Red::Int(r)));
    }
    fn rebuild<R: Reds>(&self, key: Pc, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let regs = std::array::from_fn(|_| match reds.next() {
            Some(Red::Int(v)) => v,
            _ => panic!("a tiny frame holds {NREGS} ints"),
        });
        Frame { prog: self.prog.clone(), quasi: self.quasi, pc: key.0, regs, failed: None }
    }
    fn map_value<A: Reds, B: Reds>(v: Result<A::Int, String>, m: &mut dyn RedMap<A, B>) -> Result<B::Int, String> {
        v.map(|i| m.int(i))
    }
    fn deliver<C: Ctx<Self>>(_: &mut C, f: &mut Frame<C>, v: Self::Value<C>) {
        // A caller is suspended after its `Call` or `Div` (the pc moved on before the call).
        let at = f.pc - 1;
        match (f.prog[at], v) {
            (Ins::Call(a, _, _) | Ins::Div(a, _, _), Ok(v)) => f.regs[a] = v,
            (Ins::Div(..), Err(e)) => f.failed = Some(format!("{e} at {at}")),
            (Ins::Call(..), Err(e)) => f.failed = Some(e),
            _ => unreachable!("a caller stands after its call"),
        }
    }
    fn raised_result<R: Reds>(exc: R::Ref) -> Self::Value<R> {
        Err(format!("raised {}", R::address(exc)))
    }

    const COMPILED_CALLS: bool = CALLS;

    fn result_red<R: Reds>(v: &Self::Value<R>) -> Option<Red<R>> {
        v.as_ref().ok().map(|&r| Red::Int(r))
    }
    fn result_from_red<R: Reds>(r: Red<R>) -> Self::Value<R> {
        match r {
            Red::Int(v) => Ok(v),
            _ => unreachable!("tiny results are ints"),
        }
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Result<C::Int, String>> {
        let prog = f.prog.clone();
        loop {
            if cx.merge_point(f) == Control::Leave {
                return Flow::Leave;
            }
            if let Some(e) = f.failed.take() {
                return Flow::Return(Err(e));
            }
            match prog[f.pc] {
                Ins::Const(r, k) => f.regs[r] = cx.int(k),
                Ins::Add(a, b, c) => match cx.int_add_ovf(f.regs[b], f.regs[c]) {
                    Some(v) => f.regs[a] = v,
                    None => return Flow::Return(Err("overflow".into())),
                },
                Ins::Mul(a, b, c) => f.regs[a] = cx.int_mul(f.regs[b], f.regs[c]),
                Ins::ModK(a, b, k) => {
                    let k = cx.int(k);
                    f.regs[a] = cx.int_mod(f.regs[b], k);
                }
                Ins::Lt(a, b, c) => f.regs[a] = cx.int_lt(f.regs[b], f.regs[c]),
                Ins::JumpIfZero(r, t) => {
                    if !cx.is_true(f.regs[r]) {
                        f.pc = t;
                        continue;
                    }
                }
                Ins::Jump(t) => {
                    f.pc = t;
                    continue;
                }
                Ins::Loop(t) => {
                    f.pc = t;
                    if cx.loop_header(f) == Control::Leave {
                        return Flow::Leave;
                    }
                    continue;
                }
                Ins::GetQuasi(r) => {
                    let v = cx.quasi_get(f.quasi.unwrap());
                    f.regs[r] = cx.int(v);
                }
                Ins::SetQuasi(k) => cx.quasi_set(f.quasi.unwrap(), k),
                Ins::Div(a, b, c) => {
                    // The call ends the instruction: the frame resumes after it (see `deliver`).
                    let (x, y) = (f.regs[b], f.regs[c]);
                    f.pc += 1;
                    match cx.call_may_raise(f, &div_helper(), &[Red::Int(x), Red::Int(y)]) {
                        Ok(Red::Int(q)) => f.regs[a] = q,
                        Ok(_) => unreachable!("checked_div returns an int"),
                        Err(exc) => return Flow::Return(Err(format!("raised {} at {}", C::address(exc), f.pc - 1))),
                    }
                    continue;
                }
                Ins::Call(a, t, b) => {
                    let mut regs = std::array::from_fn(|_| cx.int(0));
                    regs[1] = f.regs[b];
                    f.pc += 1;
                    let callee = Frame { prog: prog.clone(), quasi: f.quasi, pc: t, regs, failed: None };
                    match cx.call_frame(f, callee) {
                        Ok(v) => f.regs[a] = v,
                        Err(e) => return Flow::Return(Err(e)),
                    }
                    continue;
                }
                Ins::Halt => return Flow::Return(Ok(f.regs[0])),
            }
            f.pc += 1;
        }
    }
}

/// Runs a program on a fresh Vm; returns r0 and the Vm for inspection.
fn run(prog: &[Ins], params: JitParams, quasi: Option<i64>) -> (Result<i64, String>, Vm<Tiny>) {
    run_in(prog, params, quasi)
}

/// `run` for either flavour of the language.
fn run_in<const CALLS: bool>(
    prog: &[Ins],
    params: JitParams,
    quasi: Option<i64>,
) -> (Result<i64, String>, Vm<Tiny<CALLS>>) {
    let mut vm = Vm::with_params(Tiny::<CALLS> { prog: Rc::new(prog.to_vec()), quasi: None }, params);
    let q = quasi.map(|v| vm.quasi_new(v));
    let lang = Tiny::<CALLS> { prog: Rc::new(prog.to_vec()), quasi: q };
    let mut vm2 = Vm::with_params(lang, vm.params_mut().clone());
    let q = quasi.map(|v| vm2.quasi_new(v));
    assert_eq!(q, vm2.lang().quasi, "cell ids are per Vm and start at 0");
    let f = Frame { prog: vm2.lang().prog.clone(), quasi: q, pc: 0, regs: [0; NREGS], failed: None };
    let r = vm2.run(f);
    drop(vm);
    (r, vm2)
}

fn params(spec: &str) -> JitParams {
    let mut p = JitParams::default();
    p.apply(spec).unwrap();
    p
}

/// sum = 0; i = 0; while i < n { if i % 3 == 0 { <arm> } else { sum += 1 }; i += 1 }, where
/// `arm` (its registers: 0 sum, 1 i, 2 and 4 scratch) adds to the sum.
fn branchy(n: i64, arm: &[Ins]) -> Vec<Ins> {
    use Ins::*;
    let k = arm.len();
    let mut prog = vec![
        Const(0, 0),           // 0: sum
        Const(1, 0),           // 1: i
        Const(3, n),           // 2: n
        Lt(2, 1, 3),           // 3: loop: r2 = i < n
        JumpIfZero(2, 13 + k), // 4
        ModK(2, 1, 3),         // 5: r2 = i % 3
        JumpIfZero(2, 10),     // 6
        Const(2, 1),           // 7: sum += 1
        Add(0, 0, 2),          // 8
        Jump(10 + k),          // 9: skip the arm
    ];
    prog.extend_from_slice(arm); // 10..
    prog.extend([Const(2, 1), Add(1, 1, 2), Loop(3), Halt]); // i += 1
    prog
}

/// sum = 0; i = 0; while i < n { if i % 3 == 0 { sum += i * i } else { sum += 1 }; i += 1 }
fn branchy_sum(n: i64) -> Vec<Ins> {
    use Ins::*;
    branchy(n, &[Mul(2, 1, 1), Add(0, 0, 2)])
}

fn expected_branchy(n: i64) -> i64 {
    (0..n).map(|i| if i % 3 == 0 { i * i } else { 1 }).sum()
}

#[test]
fn jit_matches_interpretation_at_all_thresholds() {
    let prog = branchy_sum(5000);
    let want = expected_branchy(5000);
    for spec in ["off", "", "threshold=1", "threshold=1,bridge=1", "threshold=7,bridge=3"] {
        let (r, vm) = run(&prog, params(spec), None);
        assert_eq!(r, Ok(want), "jit {spec:?}: {}", vm.stats().summary());
        if spec.contains("threshold=1") {
            assert!(vm.stats().loops >= 1, "{spec}: {}", vm.stats().summary());
        }
    }
}

#[test]
fn branchy_loop_gets_bridges_and_stays_in_compiled_code() {
    // (Without if-conversion, which would merge the bridge into the loop: see the next test.)
    let (r, vm) = run(&branchy_sum(20000), params("threshold=2,bridge=5,ifconv=0"), None);
    assert_eq!(r, Ok(expected_branchy(20000)));
    let s = vm.stats();
    assert_eq!(s.loops, 1, "{}", s.summary());
    assert!(s.bridges >= 1, "{}", s.summary());
    // Once the bridge exists, the loop no longer falls back to the interpreter.
    assert!(s.guard_failures < 50, "{}", s.summary());
}

#[test]
fn branchy_loop_is_if_converted() {
    // The `i % 3 == 0` branch goes the other way every third iteration: its bridge back to
    // the header is merged into the loop (see `metatrace_jit::opt::ifconv`), which then runs
    // without leaving, both ways computed and the sum selected.
    let (r, vm) = run(&branchy_sum(20000), params("threshold=2,bridge=5"), None);
    assert_eq!(r, Ok(expected_branchy(20000)));
    let s = vm.stats();
    assert_eq!((s.loops, s.bridges), (2, 0), "{}", s.summary());
    assert!(s.guard_failures < 20, "{}", s.summary());
    let merged = vm.traces().iter().find(|t| t.name.contains("if-conversion 1 of trace 0")).expect("a merged loop");
    let body = &merged.optimized[merged.optimized.find("label(").unwrap()..];
    assert!(body.contains("int_select("), "{}", merged.optimized);
}

#[test]
fn the_main_way_out_is_if_converted_before_its_bridge_threshold() {
    // The loop's only failing guard gets an early try at if-conversion after
    // `ifconv_threshold` failures, and merges then, long before its bridge threshold. (At
    // threshold 2 the loop is traced from i = 2, through the `else` arm: the guard fails
    // on every third iteration, when i % 3 == 0.)
    let n = 20000;
    let (r, vm) = run(&branchy_sum(n), params("threshold=2,bridge=100,ifconv_threshold=4"), None);
    assert_eq!(r, Ok(expected_branchy(n)));
    let s = vm.stats();
    assert_eq!((s.loops, s.bridges), (2, 0), "{}", s.summary());
    assert!(s.guard_failures < 10, "{}", s.summary());
    assert!(vm.traces().iter().any(|t| t.name.contains("if-conversion 1 of trace 0")));
    // Without the early try, the guard fails until its bridge threshold.
    let (r, vm) = run(&branchy_sum(n), params("threshold=2,bridge=100,ifconv_threshold=0"), None);
    assert_eq!(r, Ok(expected_branchy(n)));
    let s = vm.stats();
    assert_eq!((s.loops, s.bridges), (2, 0), "{}", s.summary());
    assert!(s.guard_failures >= 100, "{}", s.summary());
}

/// `branchy_sum` whose `i % 3 == 0` arm adds `i / 2` through a helper call, which an
/// if-converted arm may not make: that arm stays a bridge.
fn branchy_div(n: i64) -> Vec<Ins> {
    use Ins::*;
    branchy(n, &[Const(4, 2), Div(2, 1, 4), Add(0, 0, 2)])
}

#[test]
fn an_early_try_that_does_not_merge_waits_for_the_bridge_threshold() {
    // The guard's bridge makes a call, so it cannot merge: the early try's recording is
    // thrown away uncompiled, and the guard gets its bridge at its threshold as usual. (The
    // loop is traced from i = 2, through the `+ 1` arm; the bridge is the division's arm.)
    let n = 20000;
    let want: i64 = (0..n).map(|i| if i % 3 == 0 { i / 2 } else { 1 }).sum();
    for spec in ["off", "threshold=2,bridge=100,ifconv_threshold=4", "threshold=1,bridge=2,ifconv_threshold=1"] {
        let (r, vm) = run(&branchy_div(n), params(spec), None);
        assert_eq!(r, Ok(want), "jit {spec:?}: {}", vm.stats().summary());
    }
    let (_, vm) = run(&branchy_div(n), params("threshold=2,bridge=100,ifconv_threshold=4"), None);
    let s = vm.stats();
    assert_eq!((s.loops, s.bridges), (1, 1), "{}", s.summary());
    // Traced: the loop, the early try, the bridge.
    assert_eq!(s.traces_started, 3, "{}", s.summary());
    assert!(s.guard_failures >= 100, "{}", s.summary());
}

/// `branchy_sum` whose `i % 3 == 0` arm adds 1 `k` times, one instruction each: a bridge too
/// long to merge into the loop when `k` is large.
fn branchy_long(n: i64, k: usize) -> Vec<Ins> {
    use Ins::*;
    let mut arm = vec![Const(2, 1)];
    arm.extend(std::iter::repeat_n(Add(0, 0, 2), k));
    branchy(n, &arm)
}

#[test]
fn an_early_try_too_long_to_merge_leaves_nothing_behind() {
    // The early try stops as soon as its recording is too long to merge, and is dropped
    // without counting as an abort (the loop is traced from i = 2, through the short arm): the guard's bridge threshold does not back off, and the
    // guard gets its bridge (too long to merge as well) at that threshold.
    let (n, k) = (20000, 100);
    let want: i64 = (0..n).map(|i| if i % 3 == 0 { k as i64 } else { 1 }).sum();
    let (r, vm) = run(&branchy_long(n, k), params("threshold=2,bridge=100,ifconv_threshold=4"), None);
    assert_eq!(r, Ok(want));
    let s = vm.stats();
    assert_eq!((s.loops, s.bridges, s.traces_started, s.total_aborts()), (1, 1, 3, 0), "{}", s.summary());
    assert!((100..150).contains(&s.guard_failures), "{}", s.summary());
}

#[test]
fn branchy_loop_trace_snapshot() {
    let (_, vm) = run(&branchy_sum(100), params("threshold=3"), None);
    let t = &vm.traces()[0];
    insta::assert_snapshot!("tiny_branchy_loop", format!("# {} at {}\n{}", t.kind, t.name, t.optimized));
}

#[test]
fn bridges_back_to_the_header_enter_the_loop_at_its_label() {
    // The `i % 3 == 0` exit's bridge runs the other branch to the loop header, where the
    // loop is compiled: it ends with the loop's entry conditions (the range the loop body
    // assumes for `sum`, checked) and finishes into the label, not the preamble.
    let n = 20000;
    for spec in ["off", "", "threshold=1", "threshold=1,bridge=1", "threshold=3,bridge=2"] {
        let (r, vm) = run(&branchy_sum(n), params(spec), None);
        assert_eq!(r, Ok(expected_branchy(n)), "jit {spec:?}: {}", vm.stats().summary());
    }
    let (r, vm) = run(&branchy_sum(2000), params("threshold=3,bridge=5,ifconv=0"), None);
    assert_eq!(r, Ok(expected_branchy(2000)));
    let bridge = vm.traces().iter().find(|t| t.kind == "bridge").expect("a bridge");
    assert!(bridge.name.contains("into the label of trace 0"), "{}", bridge.name);
    insta::assert_snapshot!(
        "tiny_bridge_into_the_label",
        format!("# {} at {}\n{}", bridge.kind, bridge.name, bridge.optimized)
    );
    // Once the bridge exists, the loop stays in compiled code: the bridge's finish is linked
    // to the label, and no exit goes back to the interpreter.
    assert!(vm.stats().guard_failures < 20, "{}", vm.stats().summary());
}

#[test]
fn every_guard_resumes_exactly() {
    let prog = branchy_sum(300);
    let want = expected_branchy(300);
    let (_, vm) = run(&prog, params("threshold=1"), None);
    let guards = vm.traces()[0].optimized.lines().filter(|l| l.starts_with("guard_")).count();
    assert!(guards >= 3, "{}", vm.traces()[0].optimized);
    for n in 0..guards {
        for bridge in ["bridge=1", "bridge=1000"] {
            let (r, vm) = run(&prog, params(&format!("threshold=1,fail_guard={n},{bridge}")), None);
            assert_eq!(r, Ok(want), "forcing guard {n} ({bridge}): {}", vm.stats().summary());
            assert!(vm.stats().guard_failures > 0, "guard {n} was never forced");
        }
    }
}

#[test]
fn overflow_inside_compiled_code_deopts_to_the_error() {
    use Ins::*;
    // r0 = 1; loop: r0 = r0 + r0 (overflows after 62 doublings)
    let prog = vec![Const(0, 1), Const(1, 1), Add(0, 0, 0), Loop(2), Halt];
    for spec in ["off", "threshold=1", "threshold=5,bridge=1"] {
        let (r, _) = run(&prog, params(spec), None);
        assert_eq!(r, Err("overflow".to_string()), "{spec}");
    }
}

/// i = 0; while i < n { r0 += quasi; if i == n/2 { quasi = 10 }; i += 1 }
fn quasi_prog(n: i64) -> Vec<Ins> {
    use Ins::*;
    vec![
        Const(0, 0),       // 0
        Const(1, 0),       // 1: i
        Const(3, n),       // 2
        Lt(2, 1, 3),       // 3: loop
        JumpIfZero(2, 16), // 4
        GetQuasi(2),       // 5
        Add(0, 0, 2),      // 6
        Const(2, n / 2),   // 7
        Lt(2, 1, 2),       // 8: i < n/2 ?
        JumpIfZero(2, 11), // 9: no: maybe set
        Jump(12),          // 10
        SetQuasi(10),      // 11
        Const(2, 1),       // 12
        Add(1, 1, 2),      // 13
        Loop(3),           // 14
        Halt,              // 15
        Halt,              // 16
    ]
}

#[test]
fn quasi_immutable_change_invalidates_traces() {
    let n = 2000;
    let want: i64 = (0..n).map(|i| if i <= n / 2 { 1 } else { 10 }).sum();
    for spec in ["off", "threshold=1", "threshold=10,bridge=5"] {
        let (r, vm) = run(&quasi_prog(n), params(spec), Some(1));
        assert_eq!(r, Ok(want), "{spec}: {}", vm.stats().summary());
        if spec != "off" {
            assert!(vm.stats().invalidations >= 1, "{spec}: {}", vm.stats().summary());
            // Invalidated traces are thrown away, releasing their code memory.
            assert!(vm.live_traces() < vm.traces().len(), "{spec}: {}", vm.stats().summary());
        }
    }
}

/// main: sum over i < n of f(3), setting the quasi-immutable cell to 10 once i > n/2 (after
/// the call); f(k) (at pc 18) adds the cell up in a loop of 3, plus f(k - 1); f(0) = 0.
fn quasi_calls_prog(n: i64) -> Vec<Ins> {
    use Ins::*;
    vec![
        Const(0, 0),       // 0: sum
        Const(1, 0),       // 1: i
        Const(3, n),       // 2: loop
        Lt(2, 1, 3),       // 3: i < n ?
        JumpIfZero(2, 17), // 4
        Const(4, 3),       // 5
        Call(2, 18, 4),    // 6: r2 = f(3)
        Add(0, 0, 2),      // 7: sum += r2
        Const(3, n / 2),   // 8
        Lt(2, 1, 3),       // 9: i < n/2 ?
        JumpIfZero(2, 12), // 10
        Jump(13),          // 11
        SetQuasi(10),      // 12
        Const(2, 1),       // 13
        Add(1, 1, 2),      // 14: i += 1
        Loop(2),           // 15
        Halt,              // 16
        Halt,              // 17: r0 = sum
        Const(0, 0),       // 18: f: acc (k in r1)
        JumpIfZero(1, 33), // 19: f(0) = 0
        Const(3, 0),       // 20: j
        Const(4, 3),       // 21: loop
        Lt(2, 3, 4),       // 22: j < 3 ?
        JumpIfZero(2, 29), // 23
        GetQuasi(2),       // 24
        Add(0, 0, 2),      // 25: acc += cell
        Const(2, 1),       // 26
        Add(3, 3, 2),      // 27: j += 1
        Loop(21),          // 28
        Const(2, -1),      // 29
        Add(4, 1, 2),      // 30: r4 = k - 1
        Call(2, 18, 4),    // 31: r2 = f(k - 1)
        Add(0, 0, 2),      // 32: acc += r2
        Halt,              // 33: return acc
    ]
}

#[test]
fn traces_invalidated_while_compiled_code_runs_are_freed_later() {
    // With inline_depth=0 the main loop calls f through call_assembler and does not read the
    // cell, so it stays valid while f's loop (which reads it) is invalidated. The next call
    // runs f's compiled entry, whose exit jumps into the invalid loop; its guard sends f to
    // the interpreter, whose next loop header finds the invalid loop and throws it away, all
    // while the main loop's code runs: the loop is doomed (unlinked, never entered again)
    // and freed once no compiled code runs.
    let n = 400;
    let want: i64 = (0..n).map(|i| if i <= n / 2 { 9 } else { 90 }).sum();
    let (r, _) = run_in::<true>(&quasi_calls_prog(n), JitParams::off(), Some(1));
    assert_eq!(r, Ok(want));
    for spec in [
        "threshold=5,inline_depth=0",
        "threshold=5,inline_depth=0,bridge=2",
        "threshold=1,inline_depth=0,bridge=1",
        "threshold=5",
    ] {
        let (r, vm) = run_in::<true>(&quasi_calls_prog(n), params(spec), Some(1));
        assert_eq!(r, Ok(want), "{spec}: {}", vm.stats().summary());
        assert!(vm.stats().invalidations >= 1, "{spec}: {}", vm.stats().summary());
        if spec.starts_with("threshold=5,inline_depth=0") {
            // (At threshold 1 the traces are shaped differently and are thrown away while no
            // compiled code runs.)
            assert!(vm.stats().doomed >= 1, "{spec}: {}", vm.stats().summary());
        }
    }
}

#[test]
fn two_vms_on_two_threads() {
    let handles: Vec<_> = (0..2)
        .map(|k| {
            std::thread::spawn(move || {
                let n = 20000 + k * 1000;
                let (r, vm) = run(&branchy_sum(n), params("threshold=5,bridge=5"), None);
                assert!(vm.stats().loops >= 1);
                (r, expected_branchy(n))
            })
        })
        .collect();
    for h in handles {
        let (got, want) = h.join().unwrap();
        assert_eq!(got, Ok(want));
    }
}

#[test]
fn too_long_traces_abort_back_off_and_are_blacklisted() {
    // (Without segments, which compile such traces in pieces instead: see below.)
    let (r, vm) = run(&branchy_sum(5000), params("threshold=2,trace_limit=4,max_aborts=3,segments=0"), None);
    assert_eq!(r, Ok(expected_branchy(5000)));
    let s = vm.stats();
    assert_eq!(s.aborts_for(metatrace::AbortReason::TooLong), 3, "{}", s.summary());
    assert_eq!(s.traces_started, 3, "blacklisted after max_aborts: {}", s.summary());
    assert_eq!(s.loops, 0);
}

#[test]
fn too_long_traces_are_compiled_in_segments() {
    // Four operations per trace: the loop is its first segment, each later one a bridge from
    // the `guard_always_fails` ending the one before, the last finishing at the loop header.
    let (r, vm) = run(&branchy_sum(5000), params("threshold=2,trace_limit=4,max_aborts=3"), None);
    assert_eq!(r, Ok(expected_branchy(5000)));
    let s = vm.stats();
    assert_eq!((s.loops, s.total_aborts()), (1, 0), "{}", s.summary());
    assert!(s.segments >= 2 && s.bridges >= s.segments, "{}", s.summary());
}

#[test]
fn a_loop_trace_that_leaves_the_frame_ends_by_returning() {
    use Ins::*;
    // The loop runs exactly twice: tracing starts on the first back edge and the program
    // halts before the loop closes, so the trace ends by returning from the activation.
    let prog = vec![Const(0, 0), Const(1, 2), Const(2, 1), Add(0, 0, 2), Lt(3, 0, 1), JumpIfZero(3, 7), Loop(3), Halt];
    let (r, vm) = run(&prog, params("threshold=1"), None);
    assert_eq!(r, Ok(2));
    let s = vm.stats();
    assert_eq!(s.aborts_for(metatrace::AbortReason::LeftFrame), 0, "{}", s.summary());
    assert_eq!(s.loops, 1, "{}", s.summary());
}

/// r0 = 0; i = 0; while i < n { r0 += 1000 / (d - i); i += 1 } with d = n - 1 (`hit`: the
/// last iteration divides by zero, which the helper raises) or d = n + 5.
fn dividing_loop(n: i64, hit: bool) -> Vec<Ins> {
    use Ins::*;
    vec![
        Const(0, 0),                               // 0
        Const(1, 0),                               // 1: i
        Const(3, n),                               // 2
        Lt(2, 1, 3),                               // 3: loop
        JumpIfZero(2, 15),                         // 4
        Const(2, if hit { n - 1 } else { n + 5 }), // 5
        Const(4, -1),                              // 6
        Mul(4, 4, 1),                              // 7: r4 = -i
        Add(2, 2, 4),                              // 8: r2 = d - i
        Const(4, 1000),                            // 9
        Div(2, 4, 2),                              // 10: r2 = 1000 / r2
        Add(0, 0, 2),                              // 11
        Const(2, 1),                               // 12
        Add(1, 1, 2),                              // 13: i += 1
        Loop(3),                                   // 14
        Halt,                                      // 15
    ]
}

#[test]
fn raising_helpers_resume_in_the_exception_path() {
    let n = 400;
    let want_ok: i64 = (0..n).map(|i| 1000i64.div_euclid(n + 5 - i)).sum();
    for spec in ["off", "threshold=1", "threshold=5,bridge=2", "threshold=1,bridge=1"] {
        let (r, vm) = run(&dividing_loop(n, false), params(spec), None);
        assert_eq!(r, Ok(want_ok), "{spec}: {}", vm.stats().summary());
        let (r, vm) = run(&dividing_loop(n, true), params(spec), None);
        assert_eq!(r, Err("raised 1 at 10".to_string()), "{spec}: {}", vm.stats().summary());
        if spec != "off" {
            assert!(vm.stats().loops >= 1, "{spec}: {}", vm.stats().summary());
            let trace = &vm.traces()[0].optimized;
            assert!(trace.contains("save_exception("), "{trace}");
        }
    }
}
