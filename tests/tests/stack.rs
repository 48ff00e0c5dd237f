//! The native stack check (`Ctx::stack_ok`): a tiny interpreter written here recurses without
//! a limit of its own and gets its error, not a stack overflow, whether it runs interpreted,
//! traced, in compiled code or through `call_assembler`.

use metatrace::{Control, Ctx, Flow, JitParams, Language, Red, RedMap, Reds, Vm};
use std::fmt;

/// The program, one function at pc 0: `r(n) = if n == 0 { 0 } else { r(n - 1) + 1 }`, and
/// at pc 4 a main loop `i = 0; while i < 3000 { r(20); i += 1 }; r(n)`.
#[derive(Clone, Copy, Debug)]
enum Ins {
    /// if a == 0 { return 0 }
    RetIfZero,
    /// b = r(a - 1)
    CallDown,
    /// return b + 1
    RetInc,
    /// unused
    Nop,
    /// main: i = 0
    MainStart,
    /// main: if i == 3000 { b = r(a); return b } else { r(20) }; i += 1
    MainBody,
    /// main: loop back to MainBody
    MainLoop,
}

const PROG: [Ins; 7] =
    [Ins::RetIfZero, Ins::CallDown, Ins::RetInc, Ins::Nop, Ins::MainStart, Ins::MainBody, Ins::MainLoop];

/// Registers: a (the argument), b (a result), i (main's counter).
struct Frame<R: Reds> {
    pc: usize,
    a: R::Int,
    b: R::Int,
    i: R::Int,
    /// An error a callee delivered after a deopt.
    failed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Pc(usize);
impl fmt::Display for Pc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rec@{}", self.0)
    }
}

/// The language; with `CALLS`, calls may be compiled (function entries, call_assembler).
struct Rec<const CALLS: bool>;

/// The one error: the stack is full.
#[derive(Debug, PartialEq)]
struct StackFull;

impl<const CALLS: bool> Language for Rec<CALLS> {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Result<R::Int, StackFull>;
    type Key = Pc;

    fn key<R: Reds>(f: &Frame<R>) -> Pc {
        Pc(f.pc)
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.extend([Red::Int(f.a), Red::Int(f.b), Red::Int(f.i)]);
    }
    fn rebuild<R: Reds>(&self, key: Pc, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let mut int = || match reds.next() {
            Some(Red::Int(v)) => v,
            _ => unreachable!("a frame holds three ints"),
        };
        let (a, b, i) = (int(), int(), int());
        Frame { pc: key.0, a, b, i, failed: false }
    }
    fn map_value<A: Reds, B: Reds>(
        v: Result<A::Int, StackFull>,
        m: &mut dyn RedMap<A, B>,
    ) -> Result<B::Int, StackFull> {
        v.map(|i| m.int(i))
    }
    fn deliver<C: Ctx<Self>>(_: &mut C, f: &mut Frame<C>, v: Self::Value<C>) {
        match v {
            Ok(v) => f.b = v,
            Err(StackFull) => f.failed = true,
        }
    }
    const COMPILED_CALLS: bool = CALLS;
    fn result_red<R: Reds>(v: &Self::Value<R>) -> Option<Red<R>> {
        v.as_ref().ok().map(|&r| Red::Int(r))
    }
    fn result_from_red<R: Reds>(r: Red<R>) -> Self::Value<R> {
        match r {
            Red::Int(v) => Ok(v),
            _ => unreachable!("results are ints"),
        }
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Result<C::Int, StackFull>> {
        loop {
            if cx.merge_point(f) == Control::Leave {
                return Flow::Leave;
            }
            if std::mem::take(&mut f.failed) {
                return Flow::Return(Err(StackFull));
            }
            // A call of r(arg), resuming the caller at `f.pc + 1`.
            macro_rules! call {
                ($arg:expr) => {{
                    if !cx.stack_ok() {
                        return Flow::Return(Err(StackFull));
                    }
                    let zero = cx.int(0);
                    let callee = Frame { pc: 0, a: $arg, b: zero, i: zero, failed: false };
                    f.pc += 1;
                    match cx.call_frame(f, callee) {
                        Ok(v) => f.b = v,
                        Err(e) => return Flow::Return(Err(e)),
                    }
                    f.pc -= 1;
                }};
            }
            match PROG[f.pc] {
                Ins::RetIfZero => {
                    let z = cx.int_is_zero(f.a);
                    if cx.is_true(z) {
                        return Flow::Return(Ok(cx.int(0)));
                    }
                }
                Ins::CallDown => {
                    let one = cx.int(1);
                    let arg = cx.int_sub(f.a, one);
                    call!(arg);
                }
                Ins::RetInc => {
                    let one = cx.int(1);
                    let r = cx.int_add(f.b, one);
                    return Flow::Return(Ok(r));
                }
                Ins::Nop => {}
                Ins::MainStart => f.i = cx.int(0),
                Ins::MainBody => {
                    let n = cx.int(3000);
                    let done = cx.int_eq(f.i, n);
                    if cx.is_true(done) {
                        call!(f.a);
                        return Flow::Return(Ok(f.b));
                    }
                    let twenty = cx.int(20);
                    call!(twenty);
                    let one = cx.int(1);
                    f.i = cx.int_add(f.i, one);
                }
                Ins::MainLoop => {
                    f.pc -= 1;
                    if cx.loop_header(f) == Control::Leave {
                        return Flow::Leave;
                    }
                    continue;
                }
            }
            f.pc += 1;
        }
    }
}

/// Runs main with `n` on a thread with a `stack`-byte stack.
/// Returns the result and the compiled traces (optimized).
fn run<const CALLS: bool>(spec: &str, stack: usize, n: i64) -> (Result<i64, StackFull>, Vec<String>) {
    let mut params = JitParams::default();
    params.apply(spec).unwrap();
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let mut vm = Vm::with_params(Rec::<CALLS>, params);
            let r = vm.run(Frame { pc: 4, a: n, b: 0, i: 0, failed: false });
            let (low, high, limit) = vm.stack_bounds().expect("known after a run");
            assert!(low < limit && limit < high && high - low >= stack / 2, "{low:x} {limit:x} {high:x}");
            (r, vm.traces().iter().map(|t| t.optimized.clone()).collect())
        })
        .unwrap()
        .join()
        .unwrap()
}

const MODES: &[&str] = &["off", "on", "threshold=1", "threshold=1,bridge=1", "threshold=1,inline_depth=0"];

#[test]
fn shallow_recursion_runs() {
    for mode in MODES {
        assert_eq!(run::<false>(mode, 8 << 20, 100).0, Ok(100), "{mode}");
        assert_eq!(run::<true>(mode, 8 << 20, 100).0, Ok(100), "{mode}");
    }
}

#[test]
fn unbounded_recursion_gets_the_languages_error() {
    for mode in MODES {
        assert_eq!(run::<false>(mode, 8 << 20, 100_000_000).0, Err(StackFull), "{mode}");
        assert_eq!(run::<true>(mode, 8 << 20, 100_000_000).0, Err(StackFull), "{mode}");
    }
}

#[test]
fn compiled_code_checks_before_call_assembler() {
    // Deep enough that the recursion runs in compiled code, calling itself through
    // call_assembler, when the stack fills up: a guard of compiled code fails first.
    let (r, traces) = run::<true>("threshold=1,inline_depth=0", 64 << 20, 100_000_000);
    assert_eq!(r, Err(StackFull));
    let checked = traces.iter().filter(|t| t.contains("call_assembler")).all(|t| {
        let check = t.find("stack_check").expect("a stack check");
        let guard = check + t[check..].find("guard_true").expect("a guard on it");
        guard < t.find("call_assembler").unwrap()
    });
    assert!(checked && traces.iter().any(|t| t.contains("call_assembler")), "{traces:#?}");
}

#[test]
fn the_margin_is_settable() {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let mut vm = Vm::with_params(Rec::<true>, JitParams::default());
            vm.set_stack_margin(6 << 20);
            assert_eq!(vm.run(Frame { pc: 4, a: 10, b: 0, i: 0, failed: false }), Ok(10));
            let (low, high, limit) = vm.stack_bounds().unwrap();
            assert_eq!(limit, low + ((high - low) / 2).min(6 << 20));
        })
        .unwrap()
        .join()
        .unwrap();
}
