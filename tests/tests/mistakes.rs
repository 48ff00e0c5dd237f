//! Mistakes newcomers make against the DSL, caught with a clear message in debug builds
//! instead of a silently wrong result or a JIT that silently does nothing: each test runs a
//! small stack machine with functions that makes one of them (and one that makes none), or a
//! program that breaks a precondition of the heap accesses.

use metatrace::heap::Layout;
use metatrace::{ArrayDescr, Ctx, FieldDescr, Flow, JitParams, Language, MemKind, Red, RedMap, Reds, Vm};
use std::fmt;
use std::rc::Rc;

#[derive(Clone, Copy, Debug)]
enum Op {
    Push(i64),
    Load(usize),
    Store(usize),
    Add,
    Mul,
    Lt,
    JumpIfFalse(usize),
    JumpBack(usize),
    /// Calls function `.0` with its arguments on the stack; pushes the result.
    Call(usize),
    Return,
    /// Allocates an array of `.0` integers and pushes its item `.1`.
    ArrayItem(i64, i64),
    /// Pushes a field of the null reference.
    NullField,
}

static ARRAY: Layout = Layout::array("Ints", MemKind::I64);
const ITEMS: ArrayDescr = ARRAY.items_array("Ints.items");
const FIELD: FieldDescr = FieldDescr::new("Obj.field", 16, MemKind::I64);

/// The mistake the interpreter makes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mistake {
    None,
    /// Calls `call_frame` with the caller still at the call, and advances it afterwards.
    PcAfterCall,
    /// Never calls `merge_point`.
    NoMergePoint,
    /// `rebuild` takes the locals in the opposite order to the one `reds` lists them in.
    RebuildReversed,
}

struct Func {
    nargs: usize,
    nlocals: usize,
    code: Vec<Op>,
}

struct Stack {
    funcs: Rc<Vec<Func>>,
    mistake: Mistake,
}

/// Green: the program, the mistake, where the frame stands; red: locals and stack.
struct Frame<R: Reds> {
    funcs: Rc<Vec<Func>>,
    mistake: Mistake,
    func: usize,
    pc: usize,
    locals: Vec<R::Int>,
    stack: Vec<R::Int>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Pos {
    func: usize,
    pc: usize,
}
impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "f{}@{}", self.func, self.pc)
    }
}

impl Language for Stack {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = R::Int;
    type Key = Pos;
    const COMPILED_CALLS: bool = true;

    fn key<R: Reds>(f: &Frame<R>) -> Pos {
        Pos { func: f.func, pc: f.pc }
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.extend(f.locals.iter().chain(&f.stack).map(|&v| Red::Int(v)));
    }
    fn rebuild<R: Reds>(&self, key: Pos, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let mut locals: Vec<R::Int> = reds.map(|r| if let Red::Int(v) = r { v } else { unreachable!() }).collect();
        let stack = locals.split_off(self.funcs[key.func].nlocals);
        if self.mistake == Mistake::RebuildReversed {
            locals.reverse();
        }
        Frame { funcs: self.funcs.clone(), mistake: self.mistake, func: key.func, pc: key.pc, locals, stack }
    }
    fn map_value<A: Reds, B: Reds>(v: A::Int, m: &mut dyn RedMap<A, B>) -> B::Int {
        m.int(v)
    }
    fn deliver<C: Ctx<Self>>(_: &mut C, caller: &mut Frame<C>, result: C::Int) {
        caller.stack.push(result);
    }
    fn result_red<R: Reds>(v: &R::Int) -> Option<Red<R>> {
        Some(Red::Int(*v))
    }
    fn result_from_red<R: Reds>(r: Red<R>) -> R::Int {
        let Red::Int(v) = r else { unreachable!("results are ints") };
        v
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<C::Int> {
        let funcs = f.funcs.clone();
        let mistake = f.mistake;
        loop {
            if mistake != Mistake::NoMergePoint && cx.merge_point(f).leave() {
                return Flow::Leave;
            }
            let op = funcs[f.func].code[f.pc];
            match op {
                Op::Push(k) => {
                    let v = cx.int(k);
                    f.stack.push(v);
                }
                Op::Load(i) => f.stack.push(f.locals[i]),
                Op::Store(i) => f.locals[i] = f.stack.pop().unwrap(),
                Op::Add | Op::Mul | Op::Lt => {
                    let (b, a) = (f.stack.pop().unwrap(), f.stack.pop().unwrap());
                    let r = match op {
                        Op::Add => cx.int_add(a, b),
                        Op::Mul => cx.int_mul(a, b),
                        _ => cx.int_lt(a, b),
                    };
                    f.stack.push(r);
                }
                Op::JumpIfFalse(target) => {
                    let c = f.stack.pop().unwrap();
                    if !cx.is_true(c) {
                        f.pc = target;
                        continue;
                    }
                }
                Op::JumpBack(target) => {
                    f.pc = target;
                    if cx.loop_header(f).leave() {
                        return Flow::Leave;
                    }
                    continue;
                }
                Op::Call(g) => {
                    let callee = &funcs[g];
                    let mut locals = f.stack.split_off(f.stack.len() - callee.nargs);
                    while locals.len() < callee.nlocals {
                        locals.push(cx.int(0));
                    }
                    let callee = Frame { funcs: funcs.clone(), mistake, func: g, pc: 0, locals, stack: vec![] };
                    if mistake == Mistake::PcAfterCall {
                        let v = cx.call_frame(f, callee);
                        f.stack.push(v);
                    } else {
                        f.pc += 1; // the caller resumes after the call
                        let v = cx.call_frame(f, callee);
                        f.stack.push(v); // what `deliver` does
                        continue;
                    }
                }
                Op::Return => return Flow::Return(f.stack.pop().unwrap()),
                Op::ArrayItem(len, i) => {
                    let len = cx.int(len);
                    let arr = cx.new_array(&ARRAY, len);
                    let i = cx.int(i);
                    let v = cx.getarrayitem_int(arr, i, &ITEMS);
                    f.stack.push(v);
                }
                Op::NullField => {
                    let null = cx.const_ref(0);
                    let v = cx.getfield_int(null, &FIELD);
                    f.stack.push(v);
                }
            }
            f.pc += 1;
        }
    }
}

/// `s = 0; i = 0; while i < n { s = s + sq(i); i = i + 1 }; return s`, `sq(x) = x * x`.
fn program(n: i64) -> Vec<Func> {
    use Op::*;
    let main = vec![
        Push(0),
        Store(0),
        Push(0),
        Store(1),
        // 4: while i < n
        Load(1),
        Push(n),
        Lt,
        JumpIfFalse(18),
        // 8: s = s + sq(i)
        Load(0),
        Load(1),
        Call(1),
        Add,
        Store(0),
        // 13: i = i + 1
        Load(1),
        Push(1),
        Add,
        Store(1),
        JumpBack(4),
        // 18: return s
        Load(0),
        Return,
    ];
    let sq = vec![Load(0), Load(0), Mul, Return];
    vec![Func { nargs: 0, nlocals: 2, code: main }, Func { nargs: 1, nlocals: 1, code: sq }]
}

fn run(mistake: Mistake, spec: &str, n: i64) -> i64 {
    run_program(mistake, spec, program(n))
}

fn run_program(mistake: Mistake, spec: &str, program: Vec<Func>) -> i64 {
    let funcs = Rc::new(program);
    let mut params = JitParams::default();
    params.apply(spec).unwrap();
    let mut vm = Vm::with_params(Stack { funcs: funcs.clone(), mistake }, params);
    let locals = vec![0; funcs[0].nlocals];
    vm.run(Frame { funcs, mistake, func: 0, pc: 0, locals, stack: vec![] })
}

fn expected(n: i64) -> i64 {
    (0..n).map(|i| i * i).sum()
}

#[test]
fn the_interpreter_without_mistakes_agrees_at_every_threshold() {
    for spec in ["off", "on", "threshold=3", "threshold=1,function_threshold=1,bridge=1"] {
        assert_eq!(run(Mistake::None, spec, 3000), expected(3000), "{spec}");
    }
}

/// Without the check, the interpreter alone computes the right sum, and compiled code that
/// leaves after the call (here at the loop's exit) resumes the caller at the call: calls again.
#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "call_frame was passed the caller at f0@10, where its calling instruction started")]
fn advancing_the_position_after_call_frame_is_caught() {
    run(Mistake::PcAfterCall, "off", 10);
}

/// Without the check, every trace grows until it is too long and is given up.
#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "loop_header at f0@4 while tracing, with no merge_point since the trace started")]
fn forgetting_merge_point_is_caught() {
    run(Mistake::NoMergePoint, "threshold=3", 100);
}

/// Without the check, the interpreter alone is right, but compiled code gets its inputs, and
/// gives back the frames it leaves, with the locals swapped.
#[test]
#[cfg(debug_assertions)]
#[should_panic(
    expected = "Language::rebuild is not the inverse of Language::key and Language::reds: the frame at f0@4"
)]
fn a_rebuild_that_does_not_undo_reds_is_caught() {
    run(Mistake::RebuildReversed, "threshold=3", 100);
}

/// Heap accesses out of bounds, or of the null reference, read or write arbitrary memory in a
/// release build: the interpreter checks before it accesses.
#[test]
fn heap_accesses_in_bounds_work() {
    let main = vec![Op::ArrayItem(3, 2), Op::Return];
    assert_eq!(run_program(Mistake::None, "off", vec![Func { nargs: 0, nlocals: 0, code: main }]), 0);
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "index 3 out of bounds of Ints.items of length 3")]
fn reading_past_the_end_of_an_array_is_caught() {
    let main = vec![Op::ArrayItem(3, 3), Op::Return];
    run_program(Mistake::None, "off", vec![Func { nargs: 0, nlocals: 0, code: main }]);
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "an access to Obj.field of the null reference")]
fn reading_a_field_of_null_is_caught() {
    let main = vec![Op::NullField, Op::Return];
    run_program(Mistake::None, "off", vec![Func { nargs: 0, nlocals: 0, code: main }]);
}
