//! What a Python interpreter needs from the toolchain, on a small interpreter written here
//! whose registers hold boxed integers, lists and exception objects (as a Python
//! interpreter's would): natives that run the language again (a dict-like probe calling a
//! user-defined equality, a sort calling a key function), root scopes held across those
//! calls, exceptions raised by helpers and natives and caught in traced loops, guards after
//! calls in the same instruction, results of another type than compiled code expects forced
//! out of calls (and into bridges), version tags (quasi-immutable cells) that hold across
//! calls, and the RPython hints. Every program runs with the JIT off, on, and at threshold 1 with
//! bridges at 1 (and with calls through `call_assembler`), and must give the same result;
//! CI runs the file again in GC stress mode.

use metatrace::heap::{Layout, HEADER};
use metatrace::{
    ArrayDescr, Concrete, Control, Ctx, Effect, FieldDescr, Flow, Helper, JitParams, Language, MemKind, Native,
    QuasiId, Red, RedMap, Reds, Type, Vm,
};
use std::fmt;
use std::rc::Rc;

const NREGS: usize = 6;
/// The register a handler finds the exception in.
const EXC_REG: usize = 5;

/// A boxed integer.
static INT: Layout = Layout::object("Int", 8, &[]);
const INT_VALUE: FieldDescr = Layout::field("Int.value", HEADER, MemKind::I64).immutable();
/// An exception: its code.
static EXC: Layout = Layout::object("Exc", 8, &[]);
const EXC_CODE: FieldDescr = Layout::field("Exc.code", HEADER, MemKind::I64).immutable();
/// A list of references.
static LIST: Layout = Layout::array("List", MemKind::Ref);
const LIST_ITEMS: ArrayDescr = Layout::items_descr("List.items", MemKind::Ref);

/// Exception codes.
const KEY_ERROR: i64 = 404;
const ZERO_DIVISION: i64 = 7;

type Reg = usize;
type Func = usize;
type Target = usize;

#[derive(Clone, Copy, Debug)]
enum Ins {
    /// d = box(k)
    Int(Reg, i64),
    /// d = box(a + b) (wrapping)
    Add(Reg, Reg, Reg),
    /// d = box(a * b) (wrapping)
    Mul(Reg, Reg, Reg),
    /// d = box(a % k)
    Mod(Reg, Reg, i64),
    /// d = box(a == b)
    Eq(Reg, Reg, Reg),
    /// if a >= b goto t (forward)
    JumpIfGe(Reg, Reg, Target),
    /// if a == 0 goto t (forward)
    JumpIfZero(Reg, Target),
    /// goto t (forward)
    Jump(Target),
    /// goto t (backward: a loop header)
    Loop(Target),
    /// d = [box(0), ..., box(n - 1)]
    Range(Reg, i64),
    /// d = box(sum of the list's items weighted by position: sum(i * item))
    Weigh(Reg, Reg),
    /// d = box(exception code of e)
    Code(Reg, Reg),
    /// d = f(a, b); a raise goes to handler h with the exception in r5
    Call(Reg, Func, Reg, Reg, Target),
    /// d = f(a, b), then `IfZero(d, t)` (the continuation, which the frame resumes at), done
    /// here without a dispatch: a guard after the call in the same instruction
    CallTest(Reg, Func, Reg, Reg, Target),
    /// if d == 0 goto t: the continuation of `CallTest`
    IfZero(Reg, Target),
    /// d = a // b through a helper that raises ZeroDivision (handler h)
    Div(Reg, Reg, Reg, Target),
    /// d = x // y for constants, through the same helper declared elidable
    DivK(Reg, i64, i64, Target),
    /// d = box(index of key in list), comparing with user function eq (native); KeyError (h)
    Find(Reg, Reg, Reg, Func, Target),
    /// sorts list in place by user function key (native)
    Sort(Reg, Func, Target),
    /// d = box(42 + f(a)), the box of 42 made before the call and held across it (native)
    Hold(Reg, Func, Reg),
    /// raise Exc(k)
    Raise(i64),
    /// d = box(id of a new version cell holding k)
    NewVersion(Reg, i64),
    /// d = box(value of version cell a)
    ReadVersion(Reg, Reg),
    /// version cell a = b
    SetVersion(Reg, Reg),
    /// free version cell a
    FreeVersion(Reg),
    /// d = box(1 if the value of a is a trace constant else 0) + box(we_are_jitted * 10)
    Hints(Reg, Reg),
    /// d = box(the callers' functions, innermost first, as decimal digits func + 1), or
    /// box(-1) when the toolchain says the list is incomplete (native: `caller_frames`)
    Stack(Reg),
    /// calls a helper declared `MayReenter` through `Ctx::call` (rejected)
    BadCall,
    /// d = pick(a) (native): a unboxed (an int) when a % 3 == 1, else box(2a)
    Pick(Reg, Reg),
    /// return a
    Ret(Reg),
    /// return a's value unboxed (a red int, where other returns give objects: a result
    /// compiled code that expects an object gets forced back to the driver)
    RetInt(Reg),
    /// return a's value as a float (a red float)
    RetFloat(Reg),
}

type Prog = Rc<Vec<Vec<Ins>>>;

/// The language; with `CALLS`, calls may be compiled (function entries, call_assembler).
struct Lite<const CALLS: bool = true> {
    prog: Prog,
    /// A ZeroDivision exception, preallocated (the helper cannot allocate) and rooted.
    zero_div: usize,
}

struct Frame<R: Reds> {
    prog: Prog,
    func: Func,
    pc: usize,
    regs: [R::Ref; NREGS],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Pos(Func, usize);
impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lite@{}.{}", self.0, self.1)
    }
}

fn unbox<C: Ctx<L>, L: Language>(cx: &mut C, r: C::Ref) -> C::Int {
    assert_eq!(cx.promote_class(r), INT.class(), "not an int");
    cx.getfield_int(r, &INT_VALUE)
}

fn boxed<C: Ctx<L>, L: Language>(cx: &mut C, v: C::Int) -> C::Ref {
    let b = cx.new_object(&INT);
    cx.setfield_int(b, &INT_VALUE, v);
    b
}

/// A function's result as an object: functions return objects, or ints and floats unboxed
/// (`RetInt`, `RetFloat`), which the caller boxes (as ints).
fn boxed_result<C: Ctx<L>, L: Language>(cx: &mut C, r: Red<C>) -> C::Ref {
    match r {
        Red::Ref(r) => r,
        Red::Int(i) => boxed(cx, i),
        Red::Float(x) => {
            let i = cx.cast_float_to_int(x);
            boxed(cx, i)
        }
    }
}

/// A result that is a reference (functions and natives return objects).
fn as_ref<R: Reds>(r: Red<R>) -> R::Ref {
    match r {
        Red::Ref(r) => r,
        other => panic!("expected an object, got {other:?}"),
    }
}

fn exception<C: Ctx<L>, L: Language>(cx: &mut C, code: i64) -> C::Ref {
    let e = cx.new_object(&EXC);
    let k = cx.int(code);
    cx.setfield_int(e, &EXC_CODE, k);
    e
}

/// `(raise slot, x, y, exception) -> x // y`, raising the exception when `y == 0`.
extern "C" fn checked_div(slot: u64, x: u64, y: u64, exc: u64) -> u64 {
    let (x, y) = (x as i64, y as i64);
    if y == 0 || (x == i64::MIN && y == -1) {
        // SAFETY: the toolchain passes the address of the Vm's raise slot.
        unsafe { *(slot as *mut u64) = exc };
        return 0;
    }
    x.div_euclid(y) as u64
}

fn div_helper(effect: Effect) -> Helper {
    Helper::new4("checked_div", checked_div, &[Type::Ref, Type::Int, Type::Int, Type::Ref], Some(Type::Int), effect)
}

/// A frame of function `func` with arguments `a`, `b` (other registers null).
fn frame_of<R: Reds>(prog: &Prog, func: Func, a: R::Ref, b: R::Ref, null: R::Ref) -> Frame<R> {
    let mut regs = [null; NREGS];
    regs[0] = a;
    regs[1] = b;
    Frame { prog: prog.clone(), func, pc: 0, regs }
}

type Cx<'a, const CALLS: bool> = Concrete<'a, Lite<CALLS>>;
type Out<'a, const CALLS: bool> = Result<Red<Cx<'a, CALLS>>, usize>;

/// Native: the index of `key` in `list`, comparing with the user function `eq` (a dict probe
/// calling `__eq__`); raises KeyError when it is not there.
fn find<'a, const CALLS: bool>(cx: &mut Cx<'a, CALLS>, args: &[Red<Cx<'a, CALLS>>]) -> Out<'a, CALLS> {
    let [Red::Ref(list), Red::Ref(key), Red::Int(eq)] = *args else { unreachable!("find(list, key, eq)") };
    let prog = cx_prog(cx);
    let n = cx.arraylen(list, &LIST_ITEMS);
    for i in 0..n {
        let item = cx.getarrayitem_ref(list, i, &LIST_ITEMS);
        // `list` and `key` are the native's arguments: rooted while it runs.
        let same = as_ref(cx.call_function(frame_of(&prog, eq as Func, item, key, 0))?);
        if unbox(cx, same) != 0 {
            return Ok(Red::Ref(boxed(cx, i)));
        }
    }
    Err(exception(cx, KEY_ERROR))
}

/// Native: sorts `list` in place by the user function `key` (`list.sort(key=...)`): calls it
/// once per item, holding every key object so far in a Rust vector (rooted) across the calls.
fn sort<'a, const CALLS: bool>(cx: &mut Cx<'a, CALLS>, args: &[Red<Cx<'a, CALLS>>]) -> Out<'a, CALLS> {
    let [Red::Ref(list), Red::Int(key)] = *args else { unreachable!("sort(list, key)") };
    let prog = cx_prog(cx);
    let n = cx.arraylen(list, &LIST_ITEMS);
    let mut keys = Vec::new();
    let mut mark = None;
    for i in 0..n {
        let item = cx.getarrayitem_ref(list, i, &LIST_ITEMS);
        let k = match cx.call_function(frame_of(&prog, key as Func, item, 0, 0)) {
            Ok(k) => as_ref(k),
            Err(e) => {
                if let Some(m) = mark {
                    cx.unroot(m);
                }
                return Err(e);
            }
        };
        let m = cx.root(k);
        mark.get_or_insert(m);
        keys.push((k, item));
    }
    // Every key object is still alive: read them now, after all the calls.
    let mut sorted: Vec<(i64, usize)> = keys.iter().map(|&(k, item)| (unbox(cx, k), item)).collect();
    if let Some(m) = mark {
        cx.unroot(m);
    }
    sorted.sort_by_key(|&(k, _)| k);
    for (i, (_, item)) in sorted.into_iter().enumerate() {
        cx.setarrayitem_ref(list, i as i64, &LIST_ITEMS, item);
    }
    Ok(Red::Ref(list))
}

/// Native: makes a box of 42, holds it in a Rust local across a call of `f(a)` (rooted), and
/// returns box(42 + f(a)): the regression case of a reference held across a call.
fn hold<'a, const CALLS: bool>(cx: &mut Cx<'a, CALLS>, args: &[Red<Cx<'a, CALLS>>]) -> Out<'a, CALLS> {
    let [Red::Ref(a), Red::Int(f)] = *args else { unreachable!("hold(a, f)") };
    let prog = cx_prog(cx);
    let b = boxed(cx, 42);
    let mark = cx.root(b);
    let r = cx.call_function(frame_of(&prog, f as Func, a, 0, 0));
    let held = unbox(cx, b);
    cx.unroot(mark);
    let r = unbox(cx, as_ref(r?));
    Ok(Red::Ref(boxed(cx, held + r)))
}

/// The program, from the language the native's Vm runs.
fn cx_prog<const CALLS: bool>(_cx: &mut Cx<'_, CALLS>) -> Prog {
    PROG.with(|p| p.borrow().clone().expect("a program is running"))
}

thread_local! {
    // Natives get the concrete context, not the language; the tests run one program per
    // thread, so the program they call into is kept here.
    static PROG: std::cell::RefCell<Option<Prog>> = const { std::cell::RefCell::new(None) };
}

/// Native: the functions of the frames suspended below it, innermost first, as the decimal
/// digits func + 1 (the frame that called it first), or -1 when the list is incomplete.
fn stack<'a, const CALLS: bool>(cx: &mut Cx<'a, CALLS>, _: &[Red<Cx<'a, CALLS>>]) -> Out<'a, CALLS> {
    let mut digits = 0;
    let complete = cx.caller_frames(&mut |key, reds| {
        assert_eq!(reds.len(), NREGS, "a frame lists its registers");
        digits = digits * 10 + key.0 as i64 + 1;
    });
    Ok(Red::Ref(boxed(cx, if complete { digits } else { -1 })))
}

/// Native: a unboxed when a % 3 == 1, else box(2a) (declared to return an object: the ints
/// are forced out of compiled code's calls).
fn pick<'a, const CALLS: bool>(cx: &mut Cx<'a, CALLS>, args: &[Red<Cx<'a, CALLS>>]) -> Out<'a, CALLS> {
    let [Red::Ref(a)] = *args else { unreachable!("pick(a)") };
    let a = unbox(cx, a);
    Ok(if a % 3 == 1 { Red::Int(a) } else { Red::Ref(boxed(cx, 2 * a)) })
}

type Natives<const CALLS: bool> = (
    &'static Native<Lite<CALLS>>,
    &'static Native<Lite<CALLS>>,
    &'static Native<Lite<CALLS>>,
    &'static Native<Lite<CALLS>>,
    &'static Native<Lite<CALLS>>,
);

fn natives<const CALLS: bool>() -> Natives<CALLS> {
    // Statics cannot be generic: leak one set per flavour (tests only).
    let find = Box::leak(Box::new(Native::<Lite<CALLS>>::new(
        "find",
        find::<CALLS>,
        &[Type::Ref, Type::Ref, Type::Int],
        Type::Ref,
    )));
    let sort =
        Box::leak(Box::new(Native::<Lite<CALLS>>::new("sort", sort::<CALLS>, &[Type::Ref, Type::Int], Type::Ref)));
    let hold =
        Box::leak(Box::new(Native::<Lite<CALLS>>::new("hold", hold::<CALLS>, &[Type::Ref, Type::Int], Type::Ref)));
    let stack = Box::leak(Box::new(Native::<Lite<CALLS>>::new("stack", stack::<CALLS>, &[], Type::Ref)));
    let pick = Box::leak(Box::new(Native::<Lite<CALLS>>::new("pick", pick::<CALLS>, &[Type::Ref], Type::Ref)));
    (find, sort, hold, stack, pick)
}

thread_local! {
    static NATIVES_T: std::cell::OnceCell<[usize; 5]> = const { std::cell::OnceCell::new() };
    static NATIVES_F: std::cell::OnceCell<[usize; 5]> = const { std::cell::OnceCell::new() };
}

/// The natives of one flavour, made once per thread (the same `&'static` each time).
fn natives_of<const CALLS: bool>() -> Natives<CALLS> {
    let cell = if CALLS { &NATIVES_T } else { &NATIVES_F };
    let [a, b, c, d, e] = cell.with(|c| {
        *c.get_or_init(|| {
            let (a, b, c, d, e) = natives::<CALLS>();
            let addr = |n: &Native<Lite<CALLS>>| n as *const _ as usize;
            [addr(a), addr(b), addr(c), addr(d), addr(e)]
        })
    });
    // SAFETY: the addresses are of leaked natives of this flavour, alive for ever.
    unsafe { (&*(a as *const _), &*(b as *const _), &*(c as *const _), &*(d as *const _), &*(e as *const _)) }
}

impl<const CALLS: bool> Language for Lite<CALLS> {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Result<Red<R>, R::Ref>;
    type Key = Pos;

    fn key<R: Reds>(f: &Frame<R>) -> Pos {
        Pos(f.func, f.pc)
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.extend(f.regs.iter().map(|&r| Red::Ref(r)));
    }
    fn rebuild<R: Reds>(&self, key: Pos, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let regs = std::array::from_fn(|_| match reds.next() {
            Some(Red::Ref(v)) => v,
            _ => panic!("a frame holds {NREGS} refs"),
        });
        Frame { prog: self.prog.clone(), func: key.0, pc: key.1, regs }
    }
    fn map_value<A: Reds, B: Reds>(v: Result<Red<A>, A::Ref>, m: &mut dyn RedMap<A, B>) -> Result<Red<B>, B::Ref> {
        match v {
            Ok(Red::Int(i)) => Ok(Red::Int(m.int(i))),
            Ok(Red::Float(x)) => Ok(Red::Float(m.float(x))),
            Ok(Red::Ref(r)) => Ok(Red::Ref(m.reference(r))),
            Err(e) => Err(m.reference(e)),
        }
    }
    fn deliver<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>, v: Self::Value<C>) {
        // A caller stands right after its call (or at the call's continuation).
        let at = f.pc - 1;
        let (dst, handler) = match f.prog[f.func][at] {
            Ins::Call(d, _, _, _, h) | Ins::Div(d, _, _, h) | Ins::DivK(d, _, _, h) | Ins::Find(d, _, _, _, h) => {
                (Some(d), h)
            }
            Ins::Sort(_, _, h) => (None, h),
            Ins::CallTest(d, ..) | Ins::Hold(d, ..) | Ins::Stack(d) | Ins::Pick(d, _) => (Some(d), usize::MAX),
            other => unreachable!("a caller stands after its call, not after {other:?}"),
        };
        match v {
            Ok(r) => {
                if let Some(d) = dst {
                    // Helpers and `RetInt` return plain ints: box them, as the instruction does.
                    f.regs[d] = boxed_result(cx, r);
                }
            }
            Err(e) => {
                assert_ne!(handler, usize::MAX, "this call has no handler");
                f.regs[EXC_REG] = e;
                f.pc = handler;
            }
        }
    }

    const COMPILED_CALLS: bool = CALLS;
    const EXCEPTIONS: bool = true;
    fn result_red<R: Reds>(v: &Self::Value<R>) -> Option<Red<R>> {
        v.as_ref().ok().copied()
    }
    fn result_from_red<R: Reds>(r: Red<R>) -> Self::Value<R> {
        Ok(r)
    }
    fn result_raised<R: Reds>(v: &Self::Value<R>) -> Option<R::Ref> {
        v.as_ref().err().copied()
    }
    fn raised_result<R: Reds>(exc: R::Ref) -> Self::Value<R> {
        Err(exc)
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Result<Red<C>, C::Ref>> {
        let prog = f.prog.clone();
        let (find, sort, hold, stack, pick) = natives_of::<CALLS>();
        let code = &prog[f.func];
        loop {
            if cx.merge_point(f) == Control::Leave {
                return Flow::Leave;
            }
            let pc = f.pc;
            f.pc += 1;
            match code[pc] {
                Ins::Int(d, k) => {
                    let k = cx.int(k);
                    f.regs[d] = boxed(cx, k);
                }
                Ins::Add(d, a, b) => {
                    let (x, y) = (unbox(cx, f.regs[a]), unbox(cx, f.regs[b]));
                    let s = cx.int_add(x, y);
                    f.regs[d] = boxed(cx, s);
                }
                Ins::Mul(d, a, b) => {
                    let (x, y) = (unbox(cx, f.regs[a]), unbox(cx, f.regs[b]));
                    let s = cx.int_mul(x, y);
                    f.regs[d] = boxed(cx, s);
                }
                Ins::Mod(d, a, k) => {
                    let x = unbox(cx, f.regs[a]);
                    let k = cx.int(k);
                    let m = cx.int_mod(x, k);
                    f.regs[d] = boxed(cx, m);
                }
                Ins::Eq(d, a, b) => {
                    let (x, y) = (unbox(cx, f.regs[a]), unbox(cx, f.regs[b]));
                    let e = cx.int_eq(x, y);
                    f.regs[d] = boxed(cx, e);
                }
                Ins::JumpIfGe(a, b, t) => {
                    let (x, y) = (unbox(cx, f.regs[a]), unbox(cx, f.regs[b]));
                    let ge = cx.int_ge(x, y);
                    if cx.is_true(ge) {
                        f.pc = t;
                    }
                }
                Ins::JumpIfZero(a, t) | Ins::IfZero(a, t) => {
                    let x = unbox(cx, f.regs[a]);
                    if !cx.is_true(x) {
                        f.pc = t;
                    }
                }
                Ins::Jump(t) => f.pc = t,
                Ins::Loop(t) => {
                    f.pc = t;
                    if cx.loop_header(f) == Control::Leave {
                        return Flow::Leave;
                    }
                }
                Ins::Range(d, n) => {
                    let len = cx.int(n);
                    let list = cx.new_array(&LIST, len);
                    for i in 0..n {
                        let i = cx.int(i);
                        let b = boxed(cx, i);
                        cx.setarrayitem_ref(list, i, &LIST_ITEMS, b);
                    }
                    f.regs[d] = list;
                }
                Ins::Weigh(d, l) => {
                    let list = f.regs[l];
                    let n = cx.arraylen(list, &LIST_ITEMS);
                    let n = cx.promote_int(n);
                    let mut sum = cx.int(0);
                    for i in 0..n {
                        let i = cx.int(i);
                        let item = cx.getarrayitem_ref(list, i, &LIST_ITEMS);
                        let v = unbox(cx, item);
                        let w = cx.int_mul(v, i);
                        sum = cx.int_add(sum, w);
                    }
                    f.regs[d] = boxed(cx, sum);
                }
                Ins::Code(d, e) => {
                    assert_eq!(cx.promote_class(f.regs[e]), EXC.class(), "not an exception");
                    let c = cx.getfield_int(f.regs[e], &EXC_CODE);
                    f.regs[d] = boxed(cx, c);
                }
                Ins::Call(d, func, a, b, h) => {
                    let null = cx.const_ref(0);
                    let callee = frame_of(&prog, func, f.regs[a], f.regs[b], null);
                    match cx.call_frame(f, callee) {
                        Ok(r) => f.regs[d] = boxed_result(cx, r),
                        Err(e) => {
                            f.regs[EXC_REG] = e;
                            f.pc = h;
                        }
                    }
                }
                Ins::CallTest(d, func, a, b, t) => {
                    let null = cx.const_ref(0);
                    let callee = frame_of(&prog, func, f.regs[a], f.regs[b], null);
                    let Ok(r) = cx.call_frame(f, callee).map(as_ref) else { panic!("CallTest callees do not raise") };
                    f.regs[d] = r;
                    // The continuation `IfZero(d, t)`, done here: a guard right after the call.
                    let Ins::IfZero(_, t2) = code[f.pc] else { panic!("CallTest is followed by IfZero") };
                    assert_eq!(t, t2);
                    let x = unbox(cx, r);
                    f.pc = if cx.is_true(x) { f.pc + 1 } else { t };
                }
                Ins::Div(d, a, b, h) => {
                    let (x, y) = (unbox(cx, f.regs[a]), unbox(cx, f.regs[b]));
                    let exc = cx.const_ref(cx_lang_zero_div());
                    match cx.call_may_raise(
                        f,
                        &div_helper(Effect::MayRaise),
                        &[Red::Int(x), Red::Int(y), Red::Ref(exc)],
                    ) {
                        Ok(Red::Int(q)) => f.regs[d] = boxed(cx, q),
                        Ok(_) => unreachable!("checked_div returns an int"),
                        Err(e) => {
                            f.regs[EXC_REG] = e;
                            f.pc = h;
                        }
                    }
                }
                Ins::DivK(d, x, y, h) => {
                    let (x, y) = (cx.int(x), cx.int(y));
                    let exc = cx.const_ref(cx_lang_zero_div());
                    match cx.call_may_raise(
                        f,
                        &div_helper(Effect::Elidable),
                        &[Red::Int(x), Red::Int(y), Red::Ref(exc)],
                    ) {
                        Ok(Red::Int(q)) => f.regs[d] = boxed(cx, q),
                        Ok(_) => unreachable!("checked_div returns an int"),
                        Err(e) => {
                            f.regs[EXC_REG] = e;
                            f.pc = h;
                        }
                    }
                }
                Ins::Find(d, l, k, eq, h) => {
                    let eq = cx.int(eq as i64);
                    match cx.call_native(f, find, &[Red::Ref(f.regs[l]), Red::Ref(f.regs[k]), Red::Int(eq)]) {
                        Ok(r) => f.regs[d] = as_ref(r),
                        Err(e) => {
                            f.regs[EXC_REG] = e;
                            f.pc = h;
                        }
                    }
                }
                Ins::Sort(l, key, h) => {
                    let key = cx.int(key as i64);
                    if let Err(e) = cx.call_native(f, sort, &[Red::Ref(f.regs[l]), Red::Int(key)]) {
                        f.regs[EXC_REG] = e;
                        f.pc = h;
                    }
                }
                Ins::Hold(d, func, a) => {
                    let func = cx.int(func as i64);
                    let Ok(r) = cx.call_native(f, hold, &[Red::Ref(f.regs[a]), Red::Int(func)]) else {
                        panic!("hold's callee does not raise")
                    };
                    f.regs[d] = as_ref(r);
                }
                Ins::Stack(d) => {
                    let Ok(r) = cx.call_native(f, stack, &[]) else { panic!("stack does not raise") };
                    f.regs[d] = as_ref(r);
                }
                Ins::Pick(d, a) => {
                    let Ok(r) = cx.call_native(f, pick, &[Red::Ref(f.regs[a])]) else { panic!("pick does not raise") };
                    f.regs[d] = boxed_result(cx, r);
                }
                Ins::Raise(k) => return Flow::Return(Err(exception(cx, k))),
                Ins::NewVersion(d, k) => {
                    let id = cx.quasi_new(k);
                    f.regs[d] = boxed(cx, id);
                }
                Ins::ReadVersion(d, a) => {
                    let id = unbox(cx, f.regs[a]);
                    let q = QuasiId::from_raw(cx.promote_int(id));
                    let v = cx.quasi_get(q);
                    let v = cx.int(v);
                    f.regs[d] = boxed(cx, v);
                }
                Ins::SetVersion(a, b) => {
                    let id = unbox(cx, f.regs[a]);
                    let q = QuasiId::from_raw(cx.promote_int(id));
                    let v = unbox(cx, f.regs[b]);
                    let v = cx.promote_int(v);
                    cx.quasi_set(q, v);
                }
                Ins::FreeVersion(a) => {
                    let id = unbox(cx, f.regs[a]);
                    let q = QuasiId::from_raw(cx.promote_int(id));
                    cx.quasi_free(q);
                }
                Ins::Hints(d, a) => {
                    let x = unbox(cx, f.regs[a]);
                    let known = cx.is_constant_int(x) as i64 + 10 * cx.we_are_jitted() as i64;
                    // The box is an Int: say so without a guard (the next unbox needs none).
                    cx.record_known_class(f.regs[a], INT.class());
                    let x = unbox(cx, f.regs[a]);
                    let known = cx.int(known);
                    let s = cx.int_add(known, x);
                    let s = cx.int_sub(s, x);
                    f.regs[d] = boxed(cx, s);
                }
                Ins::BadCall => {
                    let mut h = div_helper(Effect::MayRaise);
                    h.effect = Effect::MayReenter;
                    cx.call(&h, &[]);
                }
                Ins::Ret(a) => return Flow::Return(Ok(Red::Ref(f.regs[a]))),
                Ins::RetInt(a) => {
                    let x = unbox(cx, f.regs[a]);
                    return Flow::Return(Ok(Red::Int(x)));
                }
                Ins::RetFloat(a) => {
                    let x = unbox(cx, f.regs[a]);
                    return Flow::Return(Ok(Red::Float(cx.cast_int_to_float(x))));
                }
            }
        }
    }
}

thread_local! {
    static ZERO_DIV: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The preallocated ZeroDivision exception of the running program.
fn cx_lang_zero_div() -> usize {
    ZERO_DIV.with(|z| z.get())
}

/// Runs `prog` (function 0 with no arguments) on a fresh Vm; the result as a number (an Int's
/// value, or `-code` for an exception) and the Vm.
fn run_in<const CALLS: bool>(prog: &[Vec<Ins>], spec: &str) -> (i64, Vm<Lite<CALLS>>) {
    let mut params = JitParams::default();
    params.apply(spec).unwrap();
    let prog: Prog = Rc::new(prog.to_vec());
    PROG.with(|p| *p.borrow_mut() = Some(prog.clone()));
    let mut vm = Vm::with_params(Lite::<CALLS> { prog: prog.clone(), zero_div: 0 }, params);
    let zero_div = vm.heap_mut().alloc(&EXC);
    // SAFETY: just allocated with the Exc layout: the code field is in bounds.
    unsafe { *((zero_div + HEADER as usize) as *mut i64) = ZERO_DIVISION };
    vm.push_root(zero_div);
    ZERO_DIV.with(|z| z.set(zero_div));
    let _ = vm.lang().zero_div;
    let f = frame_of(&prog, 0, 0, 0, 0);
    let r = vm.run(f);
    let read = |p: usize, d: &FieldDescr| unsafe { *((p + d.offset as usize) as *const i64) };
    // SAFETY: results are live Int or Exc objects (the program's registers hold nothing else).
    let n = match r {
        Ok(p) => read(as_ref(p), &INT_VALUE),
        Err(e) => -read(e, &EXC_CODE),
    };
    (n, vm)
}

/// The first loop the JIT compiled.
fn first_loop<const CALLS: bool>(vm: &Vm<Lite<CALLS>>) -> &metatrace::TraceRecord {
    vm.traces().iter().find(|t| t.kind == "loop").expect("a loop was compiled")
}

const SPECS: [&str; 6] = [
    "off",
    "",
    "threshold=1",
    "threshold=1,bridge=1",
    "threshold=3,bridge=2,inline_depth=0",
    "threshold=1,bridge=1,gc_stress",
];

/// Runs `prog` in every JIT setting; every result must be `want`. Returns the Vms by setting.
fn check_all(prog: &[Vec<Ins>], want: i64) -> Vec<(String, Vm<Lite>)> {
    SPECS
        .iter()
        .map(|spec| {
            let (r, vm) = run_in::<true>(prog, spec);
            assert_eq!(r, want, "jit {spec:?}: {}", vm.stats().summary());
            assert_eq!(vm.rooted(), 1, "jit {spec:?}: every root scope was closed (the one left is ZeroDivision)");
            (spec.to_string(), vm)
        })
        .collect()
}

/// acc = 0; for i in 0..n: { try: acc += index of (i % 9) in [0..8) (by user eq) except
/// KeyError: acc += 1000 }. Func 1 is the user equality.
fn probe_prog(n: i64) -> Vec<Vec<Ins>> {
    use Ins::*;
    vec![
        vec![
            Range(0, 8),         // 0: list
            Int(1, 0),           // 1: i
            Int(2, n),           // 2: n
            Int(3, 0),           // 3: acc
            JumpIfGe(1, 2, 14),  // 4: loop
            Mod(4, 1, 9),        // 5: key = i % 9
            Find(4, 0, 4, 1, 9), // 6: r4 = index (KeyError: 9)
            Add(3, 3, 4),        // 7
            Jump(11),            // 8
            Int(4, 1000),        // 9: except KeyError
            Add(3, 3, 4),        // 10
            Int(4, 1),           // 11
            Add(1, 1, 4),        // 12: i += 1
            Loop(4),             // 13
            Ret(3),              // 14
        ],
        // eq(a, b) = box(a == b)
        vec![Eq(2, 0, 1), Ret(2)],
    ]
}

fn probe_want(n: i64) -> i64 {
    (0..n).map(|i| if i % 9 < 8 { i % 9 } else { 1000 }).sum()
}

#[test]
fn dict_probe_calls_user_equality_from_compiled_code() {
    let n = 3000;
    for (spec, vm) in check_all(&probe_prog(n), probe_want(n)) {
        if spec.contains("threshold=1") {
            let s = vm.stats();
            assert!(s.loops >= 1, "{spec}: {}", s.summary());
            let t = &first_loop(&vm).optimized;
            assert!(t.contains("call_may_force_r(") && t.contains("guard_not_forced("), "{spec}:\n{t}");
            // The KeyError exit is hot: it gets a bridge, and the loop stays compiled.
            if spec.contains("bridge=1") {
                assert!(s.bridges >= 1, "{spec}: {}", s.summary());
                assert!(s.guard_failures < 50, "{spec}: {}", s.summary());
            }
        }
    }
}

#[test]
fn dict_probe_trace_snapshot() {
    let (_, vm) = run_in::<true>(&probe_prog(50), "threshold=3");
    let t = first_loop(&vm);
    insta::assert_snapshot!("reenter_dict_probe", format!("# {} at {}\n{}", t.kind, t.name, t.optimized));
}

/// for r in 0..rounds: { list = [0..n); sort(list, key=lambda x: (x * 7) % n); acc += weigh(list) }
fn sort_prog(n: i64, rounds: i64) -> Vec<Vec<Ins>> {
    use Ins::*;
    vec![
        vec![
            Int(1, 0),          // 0: r
            Int(2, rounds),     // 1
            Int(3, 0),          // 2: acc
            JumpIfGe(1, 2, 10), // 3: loop
            Range(0, n),        // 4
            Sort(0, 1, 10),     // 5
            Weigh(4, 0),        // 6
            Add(3, 3, 4),       // 7
            Hold(4, 2, 1),      // 8: r4 = 42 + (r * 2): a box held across a call
            Jump(11),           // 9
            Ret(3),             // 10
            Add(3, 3, 4),       // 11
            Int(4, 1),          // 12
            Add(1, 1, 4),       // 13
            Loop(3),            // 14
        ],
        // key(x) = box((x * 7) % n)
        vec![Int(2, 7), Mul(2, 0, 2), Mod(2, 2, n), Ret(2)],
        // twice(x) = box(x + x)
        vec![Add(2, 0, 0), Ret(2)],
    ]
}

fn sort_want(n: i64, rounds: i64) -> i64 {
    let mut items: Vec<i64> = (0..n).collect();
    items.sort_by_key(|&x| (x * 7) % n);
    let weigh: i64 = items.iter().enumerate().map(|(p, &x)| p as i64 * x).sum();
    (0..rounds).map(|r| weigh + 42 + 2 * r).sum()
}

#[test]
fn sort_with_a_key_callback_holds_its_keys_in_a_root_scope() {
    let (n, rounds) = (40, 300);
    for (spec, vm) in check_all(&sort_prog(n, rounds), sort_want(n, rounds)) {
        if spec.contains("threshold=1") {
            assert!(vm.stats().loops >= 1, "{spec}: {}", vm.stats().summary());
        }
    }
}

#[test]
fn a_box_held_across_a_call_in_a_root_scope_survives_gc_stress() {
    // The regression case: 42, held in a Rust local across a call that collects.
    use Ins::*;
    let prog = vec![vec![Int(1, 5), Hold(0, 1, 1), Ret(0)], vec![Range(3, 50), Add(2, 0, 0), Ret(2)]];
    for spec in ["off", "gc_stress", "threshold=1,gc_stress"] {
        assert_eq!(run_in::<true>(&prog, spec).0, 52, "{spec}");
    }
}

/// acc = 0; for i in 0..n: { try: acc += 1000 // (i % 2) except ZeroDivision: acc += 1 }
fn raise_prog(n: i64) -> Vec<Vec<Ins>> {
    use Ins::*;
    vec![vec![
        Int(1, 0),          // 0: i
        Int(2, n),          // 1
        Int(3, 0),          // 2: acc
        Int(0, 1000),       // 3
        JumpIfGe(1, 2, 16), // 4: loop
        Mod(4, 1, 2),       // 5
        Div(4, 0, 4, 9),    // 6: r4 = 1000 // (i % 2)  (ZeroDivision: 9)
        Add(3, 3, 4),       // 7
        Jump(12),           // 8
        Code(4, 5),         // 9: except: r4 = the exception's code
        Int(4, 1),          // 10
        Add(3, 3, 4),       // 11
        Int(4, 1),          // 12
        Add(1, 1, 4),       // 13: i += 1
        Loop(4),            // 14
        Ret(3),             // 15 (unused)
        Ret(3),             // 16
    ]]
}

fn raise_want(n: i64) -> i64 {
    (0..n).map(|i| if i % 2 == 0 { 1 } else { 1000 }).sum()
}

#[test]
fn a_loop_that_raises_and_catches_compiles_to_a_loop_and_bridges() {
    let n = 50_000;
    for (spec, vm) in check_all(&raise_prog(n), raise_want(n)) {
        let s = vm.stats();
        if spec != "off" {
            assert!(s.loops >= 1, "{spec}: {}", s.summary());
            // Half of the iterations raise: once the exception exit has its bridge, the
            // interpreter hardly sees them (it saw 50,001 exits before exceptions were traced).
            assert!(s.bridges >= 1, "{spec}: {}", s.summary());
            assert!(s.guard_failures < 1000, "{spec}: {}", s.summary());
        }
    }
}

/// Exceptions raised by a function of the language, inlined or called through the driver
/// (`call_assembler`: inline_depth=0), caught by the caller.
#[test]
fn exceptions_from_called_functions_are_caught_in_compiled_loops() {
    use Ins::*;
    // for i in 0..n: try: acc += f(i) except E: acc += code(E)  where f raises 3 on odd i.
    let prog = vec![
        vec![
            Int(1, 0),           // 0: i
            Int(2, 4000),        // 1
            Int(3, 0),           // 2: acc
            JumpIfGe(1, 2, 13),  // 3: loop
            Call(4, 1, 1, 1, 7), // 4: r4 = f(i)
            Add(3, 3, 4),        // 5
            Jump(9),             // 6
            Code(4, 5),          // 7: except
            Add(3, 3, 4),        // 8
            Int(4, 1),           // 9
            Add(1, 1, 4),        // 10
            Loop(3),             // 11
            Ret(3),              // 12
            Ret(3),              // 13
        ],
        // f(i) = i if i is even, else raise Exc(3)
        vec![Mod(2, 0, 2), JumpIfZero(2, 3), Raise(3), Ret(0)],
    ];
    let want: i64 = (0..4000).map(|i| if i % 2 == 0 { i } else { 3 }).sum();
    for (spec, vm) in check_all(&prog, want) {
        if spec.contains("bridge=1") {
            let s = vm.stats();
            assert!(s.guard_failures < 100, "{spec}: {}", s.summary());
        }
    }
}

/// acc = 0; for i in 0..n: acc += f(i, 1), where f(a, b) = f(a, b - 1) + b for b > 0 (a
/// recursive call: through `call_assembler`), and f(a, 0) = a unboxed (`RetInt`) when a % 3 ==
/// 0, else box(2a): the call's result is an int one time in three and an object otherwise, so
/// whichever type the trace expects, the other is forced out of the call. With `floats`, from
/// n / 2 on, f(a, 0) gives a float where it gave an int: another type forced out of the same
/// call.
fn forced_prog(n: i64, floats: bool) -> Vec<Vec<Ins>> {
    use Ins::*;
    let f = vec![
        JumpIfZero(1, 6),    // 0: b == 0: the base case
        Int(2, -1),          // 1
        Add(2, 1, 2),        // 2: b - 1
        Call(3, 1, 0, 2, 5), // 3: r3 = f(a, b - 1)
        Add(3, 3, 1),        // 4: + b
        Ret(3),              // 5
        Mod(2, 0, 3),        // 6
        JumpIfZero(2, 10),   // 7
        Add(3, 0, 0),        // 8
        Ret(3),              // 9: box(2a)
    ];
    let unboxed = if floats {
        vec![
            Int(4, n / 2),      // 10
            JumpIfGe(0, 4, 13), // 11
            RetInt(0),          // 12: a, an int
            RetFloat(0),        // 13: a, a float
        ]
    } else {
        vec![RetInt(0)] // 10: a, an int
    };
    vec![
        vec![
            Int(1, 0),            // 0: i
            Int(2, n),            // 1
            Int(3, 0),            // 2: acc
            JumpIfGe(1, 2, 10),   // 3: loop
            Int(4, 1),            // 4
            Call(4, 1, 1, 4, 10), // 5: r4 = f(i, 1)
            Add(3, 3, 4),         // 6
            Int(4, 1),            // 7
            Add(1, 1, 4),         // 8: i += 1
            Loop(3),              // 9
            Ret(3),               // 10
        ],
        [f, unboxed].concat(),
    ]
}

fn forced_want(n: i64) -> i64 {
    (0..n).map(|i| if i % 3 == 0 { i + 1 } else { 2 * i + 1 }).sum()
}

/// The bridges from `guard_not_forced` (the guard after a call whose result compiled code could
/// not take): the bridge records, and the text of its parent trace.
fn forced_bridges<const CALLS: bool>(vm: &Vm<Lite<CALLS>>) -> Vec<(&metatrace::TraceRecord, &metatrace::TraceRecord)> {
    let traces = vm.traces();
    traces
        .iter()
        .filter(|t| t.kind == "bridge")
        .filter_map(|t| {
            // "guard E of trace P": unit P is the P-th compiled trace (every one is kept).
            let mut words = t.name.split(' ');
            let exit: usize = words.nth(1)?.parse().ok()?;
            let parent: usize = words.nth(2)?.trim_end_matches(',').parse().ok()?;
            let p = traces.get(parent)?;
            let guard = p.optimized.lines().filter(|l| l.starts_with("guard_")).nth(exit)?;
            guard.starts_with("guard_not_forced(").then_some((t, p))
        })
        .collect()
}

#[test]
fn results_forced_out_of_call_assembler_get_bridges() {
    let n = 30_000;
    for (spec, vm) in check_all(&forced_prog(n, false), forced_want(n)) {
        let s = vm.stats();
        if spec == "off" {
            continue;
        }
        assert!(s.loops >= 1, "{spec}: {}", s.summary());
        if !spec.contains("inline_depth=0") {
            // A third or two thirds of the recursive calls give the other type: once their
            // exit has a bridge, the driver hands the result to it, not to the interpreter.
            // (With f(i, 1) called through the driver too, under GC stress, calls of f mostly
            // run in the interpreter: compiled function entries leave at their safepoint.)
            assert!(s.forced_bridged > n as u64 / 4, "{spec}: {}", s.summary());
            assert!(!forced_bridges(&vm).is_empty(), "{spec}: {}", s.summary());
        }
        let bound = if spec.contains("bridge=") { 100 } else { 1000 };
        assert!(s.forced_exits < bound, "{spec}: {}", s.summary());
        assert!(s.guard_failures < bound, "{spec}: {}", s.summary());
    }
}

#[test]
fn results_forced_out_of_natives_get_bridges() {
    use Ins::*;
    // for i in 0..n: acc += pick(i) + 1, where pick returns an int where it is declared to
    // return an object, one time in three. (A trace recorded calling it then is given up: its
    // compiled call could not carry on with the int. Those of the other calls get bridges.)
    let n = 30_000;
    let prog = vec![vec![
        Int(1, 0),          // 0: i
        Int(2, n),          // 1
        Int(3, 0),          // 2: acc
        Int(5, 1),          // 3
        JumpIfGe(1, 2, 10), // 4: loop
        Pick(4, 1),         // 5
        Add(3, 3, 4),       // 6
        Add(3, 3, 5),       // 7
        Add(1, 1, 5),       // 8: i += 1
        Loop(4),            // 9
        Ret(3),             // 10
    ]];
    let want = (0..n).map(|i| if i % 3 == 1 { i + 1 } else { 2 * i + 1 }).sum();
    for (spec, vm) in check_all(&prog, want) {
        let s = vm.stats();
        if spec.contains("bridge=") {
            // (Under GC stress the loop leaves at its safepoint every other iteration or so:
            // the interpreter makes some of the calls.)
            assert!(s.forced_bridged > n as u64 / 10, "{spec}: {}", s.summary());
            assert!(s.forced_exits < 100, "{spec}: {}", s.summary());
        }
    }
}

#[test]
fn forced_result_bridge_snapshot() {
    // The loop expects an int from the call (it was traced calling f(0, 0)); the bridge from
    // its `guard_not_forced` takes the object forced out of it as its last input.
    let (_, vm) = run_in::<true>(&forced_prog(300, false), "threshold=3,bridge=2");
    let bridges = forced_bridges(&vm);
    let (b, p) = bridges.iter().find(|(_, p)| p.kind == "loop").expect("a bridge from the loop's guard_not_forced");
    let guard = b.name.split(' ').nth(1).and_then(|e| e.parse::<usize>().ok()).expect("guard E of trace P");
    let line = p.optimized.lines().filter(|l| l.starts_with("guard_")).nth(guard).expect("the guard");
    insta::assert_snapshot!("reenter_forced_bridge", format!("# {} at {}: {line}\n{}", b.kind, b.name, b.optimized));
}

#[test]
fn a_forced_result_of_another_type_than_its_bridge_takes_goes_to_the_interpreter() {
    // Two types forced out of one call, ints and then floats: the exit's bridge takes ints;
    // floats go to the caller in the interpreter, every time.
    let n = 6000;
    for (spec, vm) in check_all(&forced_prog(n, true), forced_want(n)) {
        let s = vm.stats();
        if spec.contains("threshold=1,bridge=1") {
            assert!(s.forced_bridged > n as u64 / 12, "{spec}: {}", s.summary());
            assert!(s.forced_exits > n as u64 / 12, "{spec}: {}", s.summary());
        }
    }
}

#[test]
fn guards_after_a_call_in_the_same_instruction_do_not_abort() {
    use Ins::*;
    // for i in 0..n: if is_odd(i): acc += 1   (CallTest: the test right after the call)
    let prog = vec![
        vec![
            Int(1, 0),               // 0: i
            Int(2, 3000),            // 1
            Int(3, 0),               // 2: acc
            JumpIfGe(1, 2, 11),      // 3: loop
            CallTest(4, 1, 1, 1, 7), // 4: r4 = is_odd(i); if r4 == 0 goto 7
            IfZero(4, 7),            // 5: (its continuation)
            Add(3, 3, 4),            // 6
            Int(4, 1),               // 7
            Add(1, 1, 4),            // 8
            Loop(3),                 // 9
            Ret(3),                  // 10
            Ret(3),                  // 11
        ],
        vec![Mod(2, 0, 2), Ret(2)],
    ];
    for (spec, vm) in check_all(&prog, 1500) {
        let s = vm.stats();
        assert_eq!(s.aborts_for(metatrace::AbortReason::GuardAfterEffect), 0, "{spec}: {}", s.summary());
        if spec.contains("threshold=1") {
            assert!(s.loops >= 1, "{spec}: {}", s.summary());
        }
    }
    // Forcing each guard of the loop to fail resumes exactly, the ones after the call too.
    let (_, vm) = run_in::<true>(&prog, "threshold=1");
    let guards = first_loop(&vm).optimized.lines().filter(|l| l.starts_with("guard_")).count();
    for g in 0..guards {
        let (r, vm) = run_in::<true>(&prog, &format!("threshold=1,fail_guard={g},bridge=1000"));
        assert_eq!(r, 1500, "forcing guard {g}: {}", vm.stats().summary());
    }
}

/// acc = 0; v = version(5); for i in 0..n: { a = v; set(v, i); b = v; acc += a * 1000 + b }
/// where set(v, i) makes v 5 below n/2 and 7 from there (called through the driver with
/// `inline_depth=0`: the trace cannot see it change the cell).
fn version_prog(n: i64) -> Vec<Vec<Ins>> {
    use Ins::*;
    vec![
        vec![
            NewVersion(0, 5),     // 0: v
            Int(1, 0),            // 1: i
            Int(3, 0),            // 2: acc
            Int(2, n),            // 3: loop
            JumpIfGe(1, 2, 16),   // 4
            ReadVersion(4, 0),    // 5: a
            Call(5, 1, 0, 1, 16), // 6: set(v, i)
            ReadVersion(5, 0),    // 7: b
            Int(2, 1000),         // 8
            Mul(4, 4, 2),         // 9
            Add(3, 3, 4),         // 10
            Add(3, 3, 5),         // 11
            Int(4, 1),            // 12
            Add(1, 1, 4),         // 13
            Loop(3),              // 14
            Ret(3),               // 15
            Ret(3),               // 16
        ],
        // set(v, i): v = 7 if i >= n / 2 else 5
        vec![Int(2, n / 2), JumpIfGe(1, 2, 4), Int(3, 5), Jump(5), Int(3, 7), SetVersion(0, 3), Ret(3)],
    ]
}

fn version_want(n: i64) -> i64 {
    let mut v = 5;
    let mut acc = 0;
    for i in 0..n {
        let a = v;
        v = if i >= n / 2 { 7 } else { 5 };
        acc += a * 1000 + v;
    }
    acc
}

#[test]
fn a_version_read_after_a_residual_call_is_never_stale() {
    let n = 4000;
    let want = version_want(n);
    check_all(&version_prog(n), want);
    for spec in ["threshold=1,inline_depth=0", "threshold=1,bridge=1,inline_depth=0", "threshold=7,inline_depth=0"] {
        let (r, vm) = run_in::<true>(&version_prog(n), spec);
        assert_eq!(r, want, "{spec}: {}", vm.stats().summary());
    }
}

#[test]
fn a_trace_that_invalidates_itself_backs_off() {
    use Ins::*;
    // for i in 0..n: { v = v + 1 } with v a version cell: every trace of the loop changes a
    // value it folded.
    let n = 200_000;
    let prog = vec![vec![
        NewVersion(0, 0),   // 0: v
        Int(1, 0),          // 1: i
        Int(2, n),          // 2
        Int(3, 1),          // 3
        JumpIfGe(1, 2, 10), // 4: loop
        ReadVersion(4, 0),  // 5
        Add(4, 4, 3),       // 6
        SetVersion(0, 4),   // 7
        Add(1, 1, 3),       // 8
        Loop(4),            // 9
        ReadVersion(4, 0),  // 10
        Ret(4),             // 11
    ]];
    for (spec, vm) in check_all(&prog, n) {
        let s = vm.stats();
        let compiled = s.loops + s.bridges + s.functions;
        // It used to compile 1,960 traces in 200,000 iterations, none of which ever ran.
        assert!(compiled <= 10, "{spec}: {}", s.summary());
        if spec != "off" {
            assert!(s.aborts_for(metatrace::AbortReason::Invalidated) >= 1, "{spec}: {}", s.summary());
        }
    }
}

#[test]
fn version_cells_created_and_freed_in_a_loop_are_reused() {
    use Ins::*;
    // for i in 0..n: { v = version(i % 3); acc += v; free(v) }
    let n = 5000;
    let prog = vec![vec![
        Int(1, 0),          // 0: i
        Int(2, n),          // 1
        Int(3, 0),          // 2: acc
        Int(5, 1),          // 3
        JumpIfGe(1, 2, 11), // 4: loop
        NewVersion(0, 2),   // 5
        ReadVersion(4, 0),  // 6
        Add(3, 3, 4),       // 7
        FreeVersion(0),     // 8
        Add(1, 1, 5),       // 9
        Loop(4),            // 10
        Ret(3),             // 11
    ]];
    for (spec, vm) in check_all(&prog, 2 * n) {
        assert!(vm.quasi_cells() <= 1, "{spec}: {} cells alive", vm.quasi_cells());
    }
}

#[test]
fn hints_constants_jitted_and_known_classes() {
    use Ins::*;
    // acc = sum of hints(i) for i in 0..n: 10 per iteration once jitted, 0 interpreted.
    let prog = vec![vec![
        Int(1, 0),         // 0: i
        Int(2, 1000),      // 1
        Int(3, 0),         // 2: acc
        Int(5, 1),         // 3
        JumpIfGe(1, 2, 9), // 4: loop
        Hints(4, 1),       // 5
        Add(3, 3, 4),      // 6
        Add(1, 1, 5),      // 7
        Loop(4),           // 8
        Ret(3),            // 9
    ]];
    assert_eq!(run_in::<true>(&prog, "off").0, 0);
    let (r, vm) = run_in::<true>(&prog, "threshold=1");
    assert!(r > 0 && r % 10 == 0, "{r}: traced and compiled iterations see we_are_jitted");
    let t = &first_loop(&vm).optimized;
    assert!(!t.contains("record_known_class"), "the fact is used and dropped:\n{t}");
    insta::assert_snapshot!("reenter_hints", t);
}

#[test]
fn elidable_helpers_that_raise_fold_on_constants() {
    use Ins::*;
    // for i in 0..n: { try: acc += 10 // 0 except: pass; acc += 10 // 5 }
    let prog = vec![vec![
        Int(1, 0),          // 0: i
        Int(2, 500),        // 1
        Int(3, 0),          // 2: acc
        JumpIfGe(1, 2, 14), // 3: loop
        DivK(4, 10, 0, 8),  // 4: raises
        Add(3, 3, 4),       // 5 (never)
        Jump(8),            // 6 (never)
        Ret(3),             // 7 (never)
        DivK(4, 10, 5, 13), // 8: except: r4 = 10 // 5
        Add(3, 3, 4),       // 9
        Int(4, 1),          // 10
        Add(1, 1, 4),       // 11
        Loop(3),            // 12
        Ret(3),             // 13
        Ret(3),             // 14
    ]];
    for (spec, vm) in check_all(&prog, 500 * 2) {
        if spec.contains("threshold=1") {
            let t = &first_loop(&vm).optimized;
            assert!(!t.contains("checked_div"), "{spec}: folded:\n{t}");
        }
    }
}

/// acc = 0; for i in 0..n: acc += f1(i), where f1 calls f2, which lists its callers (f2,
/// f1, main: 321), and adds its argument: so compiled code must not keep those frames
/// virtual. Traces that list frames are given up, and compiled code that calls a function
/// it does not inline (`inline_depth=0`) is listed from its call's resume data: every mode
/// gives the interpreter's answer.
fn stack_prog(n: i64) -> Vec<Vec<Ins>> {
    use Ins::*;
    vec![
        vec![
            Int(1, 0),           // 0: i
            Int(2, n),           // 1: n
            Int(3, 0),           // 2: acc
            JumpIfGe(1, 2, 9),   // 3: loop
            Call(4, 1, 1, 1, 0), // 4: r4 = f1(i)
            Add(3, 3, 4),        // 5
            Int(4, 1),           // 6
            Add(1, 1, 4),        // 7: i += 1
            Loop(3),             // 8
            Ret(3),              // 9
        ],
        vec![Call(2, 2, 0, 0, 0), Ret(2)],
        vec![Stack(2), Add(2, 2, 0), Ret(2)],
    ]
}

#[test]
fn natives_list_their_callers_frames() {
    let n = 200;
    let want = 321 * n + (0..n).sum::<i64>();
    for spec in SPECS {
        let (r, vm) = run_in::<true>(&stack_prog(n), spec);
        assert_eq!(r, want, "jit {spec:?}: {}", vm.stats().summary());
        if spec.contains("threshold=1") {
            let s = vm.stats();
            let listed = metatrace::AbortReason::ALL.iter().position(|&a| a == metatrace::AbortReason::FramesListed);
            assert!(s.aborts[listed.unwrap()] >= 1, "jit {spec:?}: {}", s.summary());
        }
    }
    let (r, _) = run_in::<false>(&stack_prog(n), "threshold=1,bridge=1");
    assert_eq!(r, want);
}

#[test]
#[should_panic(expected = "MayReenter")]
fn helpers_declared_may_reenter_are_rejected() {
    run_in::<true>(&[vec![Ins::BadCall, Ins::Ret(0)]], "off");
}

/// Figures for the issue notes: the raise-and-catch loop, the loop whose calls' results are
/// forced out of `call_assembler`, and the self-invalidating loop, JIT off and on.
/// `cargo test --release --test reenter -- --ignored --nocapture figures`
#[test]
#[ignore]
fn figures() {
    use Ins::*;
    let n = 1_000_000;
    for spec in ["off", "", "threshold=1,bridge=1"] {
        let t0 = std::time::Instant::now();
        let (r, vm) = run_in::<true>(&raise_prog(n), spec);
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        assert_eq!(r, raise_want(n));
        println!("raise-and-catch {n} iterations, jit {spec:?}: {ms:.1} ms; {}", vm.stats().summary());
    }
    for spec in ["off", "", "threshold=1,bridge=1"] {
        let t0 = std::time::Instant::now();
        let (r, vm) = run_in::<true>(&forced_prog(n, false), spec);
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        assert_eq!(r, forced_want(n));
        println!("forced results {n} iterations, jit {spec:?}: {ms:.1} ms; {}", vm.stats().summary());
    }
    let prog = vec![vec![
        NewVersion(0, 0),
        Int(1, 0),
        Int(2, 200_000),
        Int(3, 1),
        JumpIfGe(1, 2, 10),
        ReadVersion(4, 0),
        Add(4, 4, 3),
        SetVersion(0, 4),
        Add(1, 1, 3),
        Loop(4),
        ReadVersion(4, 0),
        Ret(4),
    ]];
    for spec in ["off", ""] {
        let t0 = std::time::Instant::now();
        let (r, vm) = run_in::<true>(&prog, spec);
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        println!(
            "self-invalidating loop, 200000 iterations, jit {spec:?}: result {r}, {ms:.1} ms; {}",
            vm.stats().summary()
        );
    }
}
