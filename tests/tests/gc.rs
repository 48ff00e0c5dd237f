//! The heap under the JIT: a tiny interpreter whose registers hold boxed integers and
//! cons cells (as PyPy's do), run interpreted, compiled, and in GC stress mode, checking
//! results, flat memory, and that collection never frees what a frame can still reach.

use metatrace::heap::{Layout, HEADER};
use metatrace::{Control, Ctx, FieldDescr, Flow, JitParams, Language, MemKind, Red, RedMap, Reds, Vm};
use std::fmt;
use std::rc::Rc;

const NREGS: usize = 5;

/// A boxed integer.
static INT: Layout = Layout::object("Int", 8, &[]);
const INT_VALUE: FieldDescr = Layout::field("Int.value", HEADER, MemKind::I64).immutable();
/// A cons cell: (head, tail), both references.
static CONS: Layout = Layout::object("Cons", 16, &[HEADER, HEADER + 8]);
const CONS_HEAD: FieldDescr = Layout::field("Cons.head", HEADER, MemKind::Ref).immutable();
const CONS_TAIL: FieldDescr = Layout::field("Cons.tail", HEADER + 8, MemKind::Ref).immutable();

#[derive(Clone, Copy, Debug)]
enum Ins {
    /// r = box(k)
    Const(usize, i64),
    /// a = box(b + c), error on overflow
    Add(usize, usize, usize),
    /// a = box(b < c)
    Lt(usize, usize, usize),
    /// a = cons(b, c)
    Cons(usize, usize, usize),
    /// a = head(b); error if b is not a cons
    Head(usize, usize),
    /// a = tail(b)
    Tail(usize, usize),
    /// a = box(1 if b is a cons else 0)
    IsCons(usize, usize),
    /// if unbox(r) == 0 goto t
    JumpIfZero(usize, usize),
    /// goto t (backward: loop header)
    Loop(usize),
    /// return unbox(r0)
    Halt,
}

struct Boxes {
    prog: Rc<Vec<Ins>>,
}

struct Frame<R: Reds> {
    prog: Rc<Vec<Ins>>,
    pc: usize,
    regs: [R::Ref; NREGS],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Pc(usize);
impl fmt::Display for Pc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "boxes@{}", self.0)
    }
}

fn unbox<C: Ctx<Boxes>>(cx: &mut C, r: C::Ref) -> Result<C::Int, String> {
    if cx.promote_class(r) != INT.class() {
        return Err("not an int".into());
    }
    Ok(cx.getfield_int(r, &INT_VALUE))
}

fn boxed<C: Ctx<Boxes>>(cx: &mut C, v: C::Int) -> C::Ref {
    let b = cx.new_object(&INT);
    cx.setfield_int(b, &INT_VALUE, v);
    b
}

impl Language for Boxes {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Result<i64, String>;
    type Key = Pc;

    fn key<R: Reds>(f: &Frame<R>) -> Pc {
        Pc(f.pc)
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.extend(f.regs.iter().map(|&r| Red::Ref(r)));
    }
    fn rebuild<R: Reds>(&self, key: Pc, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let regs = std::array::from_fn(|_| match reds.next() {
            Some(Red::Ref(v)) => v,
            _ => panic!("a frame holds {NREGS} refs"),
        });
        Frame { prog: self.prog.clone(), pc: key.0, regs }
    }
    fn map_value<A: Reds, B: Reds>(v: Result<i64, String>, _: &mut dyn RedMap<A, B>) -> Result<i64, String> {
        v
    }
    fn deliver<C: Ctx<Self>>(_: &mut C, _: &mut Frame<C>, _: Self::Value<C>) {
        unreachable!("no calls")
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Result<i64, String>> {
        let prog = f.prog.clone();
        macro_rules! tr {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => return Flow::Return(Err(e)),
                }
            };
        }
        loop {
            if cx.merge_point(f) == Control::Leave {
                return Flow::Leave;
            }
            match prog[f.pc] {
                Ins::Const(r, k) => {
                    let k = cx.int(k);
                    f.regs[r] = boxed(cx, k);
                }
                Ins::Add(a, b, c) => {
                    let (x, y) = (tr!(unbox(cx, f.regs[b])), tr!(unbox(cx, f.regs[c])));
                    let Some(s) = cx.int_add_ovf(x, y) else { return Flow::Return(Err("overflow".into())) };
                    f.regs[a] = boxed(cx, s);
                }
                Ins::Lt(a, b, c) => {
                    let (x, y) = (tr!(unbox(cx, f.regs[b])), tr!(unbox(cx, f.regs[c])));
                    let l = cx.int_lt(x, y);
                    f.regs[a] = boxed(cx, l);
                }
                Ins::Cons(a, b, c) => {
                    let cell = cx.new_object(&CONS);
                    cx.setfield_ref(cell, &CONS_HEAD, f.regs[b]);
                    cx.setfield_ref(cell, &CONS_TAIL, f.regs[c]);
                    f.regs[a] = cell;
                }
                Ins::Head(a, b) | Ins::Tail(a, b) => {
                    if cx.promote_class(f.regs[b]) != CONS.class() {
                        return Flow::Return(Err("not a cons".into()));
                    }
                    let d = if matches!(prog[f.pc], Ins::Head(..)) { &CONS_HEAD } else { &CONS_TAIL };
                    f.regs[a] = cx.getfield_ref(f.regs[b], d);
                }
                Ins::IsCons(a, b) => {
                    let is = (cx.promote_class(f.regs[b]) == CONS.class()) as i64;
                    let is = cx.int(is);
                    f.regs[a] = boxed(cx, is);
                }
                Ins::JumpIfZero(r, t) => {
                    let v = tr!(unbox(cx, f.regs[r]));
                    if !cx.is_true(v) {
                        f.pc = t;
                        continue;
                    }
                }
                Ins::Loop(t) => {
                    f.pc = t;
                    if cx.loop_header(f) == Control::Leave {
                        return Flow::Leave;
                    }
                    continue;
                }
                Ins::Halt => {
                    let v = tr!(unbox(cx, f.regs[0]));
                    return Flow::Return(Ok(cx.peek_int(v)));
                }
            }
            f.pc += 1;
        }
    }
}

fn run(prog: &[Ins], spec: &str) -> (Result<i64, String>, Vm<Boxes>) {
    let mut params = JitParams::default();
    params.apply(spec).unwrap();
    run_with(prog, params)
}

fn run_with(prog: &[Ins], params: JitParams) -> (Result<i64, String>, Vm<Boxes>) {
    let prog = Rc::new(prog.to_vec());
    let mut vm = Vm::with_params(Boxes { prog: prog.clone() }, params);
    let zero = vm.heap_mut().alloc(&INT);
    let f = Frame { prog, pc: 0, regs: [zero; NREGS] };
    let r = vm.run(f);
    (r, vm)
}

/// r0 = 0; r1 = 0; while r1 < n { r0 = r0 + r1; r1 = r1 + 1 }
fn sum_loop(n: i64) -> Vec<Ins> {
    use Ins::*;
    vec![
        Const(0, 0),
        Const(1, 0),
        Const(2, n),
        Lt(3, 1, 2), // 3: loop
        JumpIfZero(3, 9),
        Add(0, 0, 1),
        Const(3, 1),
        Add(1, 1, 3),
        Loop(3),
        Halt, // 9
    ]
}

/// Builds a list of 0..n (as boxes) in r4, then sums it by walking it; garbage is made all
/// along, and the list is reachable only from the frame.
fn list_sum(n: i64) -> Vec<Ins> {
    use Ins::*;
    vec![
        Const(4, 0), // 0: r4 = 0 (the empty list is a box)
        Const(1, 0), // 1: i
        Const(2, n), // 2
        Lt(3, 1, 2), // 3: build loop
        JumpIfZero(3, 9),
        Cons(4, 1, 4), // r4 = cons(i, r4)
        Const(3, 1),
        Add(1, 1, 3),
        Loop(3),
        Const(0, 0),  // 9: r0 = 0
        IsCons(3, 4), // 10: walk loop
        JumpIfZero(3, 16),
        Head(3, 4),
        Add(0, 0, 3),
        Tail(4, 4),
        Loop(10),
        Halt, // 16
    ]
}

const SPECS: &[&str] = &[
    "off",
    "",
    "threshold=1",
    "threshold=1,bridge=1",
    "off,gc_stress",
    "threshold=1,gc_stress",
    "threshold=2,bridge=1,gc_stress",
];

#[test]
fn boxed_sum_matches_everywhere() {
    let n = 3000;
    for spec in SPECS {
        let (r, vm) = run(&sum_loop(n), spec);
        assert_eq!(r, Ok(n * (n - 1) / 2), "{spec}: {}", vm.stats().summary());
        if spec.contains("gc_stress") {
            // Interpreted, every instruction allocates a box and stress mode collects at
            // nearly every safepoint; compiled, allocation removal leaves the loop nothing to
            // allocate, so only warm-up, guard exits and bridges collect.
            let min = if spec.starts_with("off") { 100 } else { 1 };
            assert!(vm.heap_stats().collections >= min, "{spec}: {:?}", vm.heap_stats());
        }
    }
}

/// Whether the whole suite runs in GC stress mode (`METATRACE_GC_STRESS=1`).
fn stress_env() -> bool {
    JitParams::default().gc_stress
}

#[test]
fn collection_keeps_what_frames_reach() {
    // In stress mode each of the thousands of collections marks the whole list: with every
    // spec in stress mode, a shorter list.
    let n = if stress_env() { 500 } else { 2000 };
    for spec in SPECS {
        let (r, vm) = run(&list_sum(n), spec);
        assert_eq!(r, Ok(n * (n - 1) / 2), "{spec}: {} {:?}", vm.stats().summary(), vm.heap_stats());
    }
}

#[test]
fn every_guard_of_an_allocating_loop_resumes_exactly() {
    let n = 500;
    let (_, vm) = run(&sum_loop(n), "threshold=1");
    let guards = vm.traces()[0].optimized.lines().filter(|l| l.starts_with("guard_")).count();
    for g in 0..guards {
        for extra in ["", ",gc_stress", ",bridge=1"] {
            let (r, vm) = run(&sum_loop(n), &format!("threshold=1,fail_guard={g}{extra}"));
            assert_eq!(r, Ok(n * (n - 1) / 2), "guard {g}{extra}: {}", vm.stats().summary());
        }
    }
}

#[test]
fn a_million_short_lived_boxes_run_in_flat_memory() {
    let n = 1_000_000;
    for spec in ["off", ""] {
        // Measures the heap's own policy, so not in stress mode even when the suite is.
        let mut params = JitParams::default();
        params.apply(spec).unwrap();
        params.gc_stress = false;
        let (r, vm) = run_with(&sum_loop(n), params);
        assert_eq!(r, Ok(n * (n - 1) / 2));
        let h = vm.heap_stats();
        assert!(h.collections >= 1 || spec.is_empty(), "{spec}: {h:?}");
        assert!(h.peak_bytes < 16 << 20, "{spec}: memory grew: {h:?}");
    }
}

#[test]
fn allocating_loop_trace_snapshot() {
    let (_, vm) = run(&sum_loop(100), "threshold=3");
    let t = &vm.traces()[0];
    insta::assert_snapshot!("gc_boxed_sum_loop", format!("# {} at {}\n{}", t.kind, t.name, t.optimized));
}
