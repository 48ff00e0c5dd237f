//! The Fern interpreter, written once against the Metatrace DSL: the [`Language`] impl, its
//! frames and green keys, the main loop, and the Rust helpers it calls (printing, filling
//! arrays, float floor division).
//!
//! Green: the program, the function, the program counter and the stack depth (implied by
//! the number of reds). Red: the call depth (an int) and every value (a reference to a heap
//! object, see [`crate::value`]). Operations promote the class of their operands
//! (`guard_class` in traces), so traces specialize on the types they saw behind guards, and
//! allocate a fresh box for every int or float they compute.

use crate::bytecode::{Const, Function, Op, Program};
use crate::value::{
    float_divmod, format_value, type_name, FernError, ARRAY, ARRAY_ITEM, FLOAT, FLOAT_VALUE, INT, INT_VALUE, MAX_ARRAY,
    NONE,
};
use metatrace::heap::{ARRAY_ITEMS, ARRAY_LEN, HEADER};
use metatrace::{Control, Ctx, Effect, Flow, Helper, JitParams, Language, Plain, Red, RedMap, Reds, Type, Vm};
use std::cell::{OnceCell, RefCell};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::rc::Rc;

/// Frames deeper than this are a run-time error (`main` is at depth 1): the default
/// recursion limit (see [`Fern::set_recursion_limit`]).
pub const MAX_DEPTH: i64 = 10_000;

/// The error of a call made when the native stack is nearly full (see
/// [`metatrace::Ctx::stack_ok`]): reached before the recursion limit only on a small thread
/// stack or with a raised limit.
pub const STACK_EXHAUSTED: &str = "maximum recursion depth exceeded: native stack exhausted";

/// What a Fern activation returns: a value, or a run-time error propagating to the caller.
pub type Value<R> = Result<<R as Reds>::Ref, FernError>;

/// Where `print` writes: a buffered writer, flushed at exit.
pub struct Io {
    output: Box<dyn Write>,
    buffered: Vec<u8>,
}

impl Io {
    /// Output to the given writer.
    pub fn new(output: Box<dyn Write>) -> Self {
        Io { output, buffered: Vec::new() }
    }
    fn flush(&mut self) {
        let _ = self.output.write_all(&self.buffered);
        let _ = self.output.flush();
        self.buffered.clear();
    }
}

/// `end` code of `print()`: no value, just the newline.
const END_NOTHING: i64 = 0;

extern "C" fn fern_print(io: u64, value: u64, end: u64) -> u64 {
    // SAFETY: `io` is the address of the `RefCell<Io>` owned by the running `Fern`, which
    // outlives every trace of its Vm; the interpreter holds no borrow of it while calling.
    let io = unsafe { &*(io as *const RefCell<Io>) };
    let Ok(mut io) = io.try_borrow_mut() else { return 0 };
    if end as i64 == END_NOTHING {
        io.buffered.push(b'\n');
    } else {
        let mut s = String::new();
        // SAFETY: `value` is a live Fern value: helpers run within an instruction, where
        // nothing is collected.
        unsafe { format_value(value as usize, &mut s) };
        io.buffered.extend_from_slice(s.as_bytes());
        io.buffered.push(end as u8);
    }
    if io.buffered.len() >= 1 << 13 {
        io.flush();
    }
    0
}

extern "C" fn fern_array_fill(arr: u64, value: u64) -> u64 {
    let arr = arr as usize;
    // SAFETY: `arr` is a live Fern array (its length word and items are in bounds) and
    // `value` a live value; nothing is collected within an instruction.
    unsafe {
        let len = ((arr + ARRAY_LEN as usize) as *const i64).read() as usize;
        for i in 0..len {
            ((arr + ARRAY_ITEMS as usize + 8 * i) as *mut u64).write(value);
        }
    }
    0
}

extern "C" fn fern_float_floordiv(a: u64, b: u64) -> u64 {
    float_divmod(f64::from_bits(a), f64::from_bits(b)).0.to_bits()
}

extern "C" fn fern_float_mod(a: u64, b: u64) -> u64 {
    float_divmod(f64::from_bits(a), f64::from_bits(b)).1.to_bits()
}

fn print_helper() -> Helper {
    Helper::new3("fern_print", fern_print, &[Type::Ref, Type::Ref, Type::Int], None, Effect::Write)
}

fn fill_helper() -> Helper {
    Helper::new2("fern_array_fill", fern_array_fill, &[Type::Ref, Type::Ref], None, Effect::Write)
}

fn float_floordiv_helper() -> Helper {
    Helper::new2(
        "float_floordiv",
        fern_float_floordiv,
        &[Type::Float, Type::Float],
        Some(Type::Float),
        Effect::Elidable,
    )
}

fn float_mod_helper() -> Helper {
    Helper::new2("float_mod", fern_float_mod, &[Type::Float, Type::Float], Some(Type::Float), Effect::Elidable)
}

/// What the frames of one run share: the program and the objects made for it when the run
/// starts (kept alive for the whole run by one rooted array).
pub struct Runtime {
    /// The program.
    pub prog: Rc<Program>,
    /// The `none` object.
    pub none: usize,
    /// Each function's constant table as objects (`none`, or an int or float boxed once).
    pub consts: Vec<Vec<usize>>,
    io: usize,
    /// The recursion limit (a constant of every trace of the run).
    limit: i64,
}

/// The Fern language: a compiled program and where it prints.
pub struct Fern {
    prog: Rc<Program>,
    io: Box<RefCell<Io>>,
    rt: OnceCell<Rc<Runtime>>,
    limit: std::cell::Cell<i64>,
}

/// One activation of a Fern function.
pub struct Frame<R: Reds> {
    rt: Rc<Runtime>,
    /// Index of the running function (green).
    pub func: usize,
    /// Program counter (green).
    pub pc: usize,
    /// Call depth, `main` being 1 (red: it must survive frames rebuilt after a guard fails).
    pub depth: R::Int,
    /// Number of local variables: the first `nlocals` of `vals` (green).
    pub nlocals: usize,
    /// The local variables (parameters first), then the operand stack: references to
    /// values, the frame's only hold on them (they are the collector's roots). At the
    /// function's entry, before its `Enter`, the arguments alone.
    pub vals: Vec<R::Ref>,
    /// An error delivered by a callee that was resumed by the driver (see
    /// [`Language::deliver`]); the main loop raises it before anything else.
    pub pending_error: Option<Box<FernError>>,
}

/// A green key: a function and an instruction in it. Displays as `name@pc`.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// Function index.
    pub func: u32,
    /// Program counter.
    pub pc: u32,
    name: &'static str,
}

impl PartialEq for Key {
    fn eq(&self, o: &Key) -> bool {
        self.func == o.func && self.pc == o.pc
    }
}
impl Eq for Key {}
impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (((self.func as u64) << 32) | self.pc as u64).hash(h)
    }
}
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.name, self.pc)
    }
}

impl Fern {
    /// A machine for `prog` printing to `io`. Its objects live on a `Vm`'s heap: use
    /// [`Fern::vm`], or call [`Fern::init`] on the `Vm` before running.
    pub fn new(prog: Program, io: Io) -> Self {
        Fern { prog: Rc::new(prog), io: Box::new(RefCell::new(io)), rt: OnceCell::new(), limit: MAX_DEPTH.into() }
    }

    /// A `Vm` running `prog`, initialized (see [`Fern::init`]).
    /// The link limit (`JitParams::link_words`) is raised to fit the program's widest frame
    /// (its depth, locals and stack) with room for an inlined callee.
    pub fn vm(prog: Program, params: JitParams, io: Io) -> Vm<Fern> {
        Fern::vm_of(Fern::new(prog, io), params)
    }

    /// [`Fern::vm`] for a machine already made (with its recursion limit set, say).
    pub fn vm_of(fern: Fern, mut params: JitParams) -> Vm<Fern> {
        let widest = fern.prog.funcs.iter().map(|f| 1 + f.nlocals + f.max_stack).max().unwrap_or(0);
        params.link_words = params.link_words.max((widest + 64).next_power_of_two());
        let mut vm = Vm::with_params(fern, params);
        Fern::init(&mut vm);
        vm
    }

    /// Allocates the program's `none` and constant objects on the Vm's heap and roots them
    /// for the Vm's lifetime. Call once, before [`Fern::start_frame`].
    pub fn init(vm: &mut Vm<Fern>) {
        if vm.lang().rt.get().is_some() {
            return;
        }
        let prog = vm.lang().prog.clone();
        let io = vm.lang().io_addr();
        let heap = vm.heap_mut();
        // Allocation never collects: nothing here needs rooting until the end.
        let none = heap.alloc(&NONE);
        let mut all = vec![none];
        let mut consts = Vec::new();
        for f in &prog.funcs {
            let mut table = Vec::new();
            for &c in &f.consts {
                let (obj, bits) = match c {
                    Const::None => (none, None),
                    Const::Int(v) => (heap.alloc(&INT), Some(v as u64)),
                    Const::Float(v) => (heap.alloc(&FLOAT), Some(v.to_bits())),
                };
                if let Some(bits) = bits {
                    // SAFETY: a fresh Int or Float box has its value word at HEADER.
                    unsafe { ((obj + HEADER as usize) as *mut u64).write(bits) };
                    all.push(obj);
                }
                table.push(obj);
            }
            consts.push(table);
        }
        let root = heap.alloc_array(&ARRAY, all.len());
        for (i, &obj) in all.iter().enumerate() {
            // SAFETY: `root` is a fresh array of `all.len()` reference items.
            unsafe { ((root + ARRAY_ITEMS as usize + 8 * i) as *mut usize).write(obj) };
        }
        vm.push_root(root);
        let limit = vm.lang().limit.get();
        let rt = Rc::new(Runtime { prog, none, consts, io, limit });
        let _ = vm.lang().rt.set(rt);
    }

    /// Sets the recursion limit: frames deeper than `n` (`main` is at depth 1) are a run-time
    /// error. Call before [`Fern::init`] (the limit is a constant of the run's traces). The
    /// native stack is checked as well (see [`STACK_EXHAUSTED`]), so any limit is safe.
    pub fn set_recursion_limit(&self, n: i64) {
        self.limit.set(n);
    }

    fn runtime(&self) -> Rc<Runtime> {
        self.rt.get().expect("Fern::init must run before Fern frames are made").clone()
    }

    /// The frame that calls `main`.
    pub fn start_frame(&self) -> Frame<Plain> {
        let rt = self.runtime();
        let nlocals = rt.prog.funcs.get(rt.prog.main).map_or(0, |f| f.nlocals);
        Frame {
            func: rt.prog.main,
            pc: 0,
            depth: 1,
            nlocals,
            vals: Vec::with_capacity(nlocals),
            pending_error: None,
            rt,
        }
    }

    /// Writes out buffered output.
    pub fn flush(&self) {
        if let Ok(mut io) = self.io.try_borrow_mut() {
            io.flush();
        }
    }

    fn io_addr(&self) -> usize {
        &*self.io as *const RefCell<Io> as usize
    }
}

/// A fresh int box.
fn box_int<C: Ctx<Fern>>(cx: &mut C, v: C::Int) -> C::Ref {
    let b = cx.new_object(&INT);
    cx.setfield_int(b, &INT_VALUE, v);
    b
}

/// A fresh float box.
fn box_float<C: Ctx<Fern>>(cx: &mut C, v: C::Float) -> C::Ref {
    let b = cx.new_object(&FLOAT);
    cx.setfield_float(b, &FLOAT_VALUE, v);
    b
}

/// A number (its class already promoted) as a float.
fn to_float<C: Ctx<Fern>>(cx: &mut C, class: usize, v: C::Ref) -> C::Float {
    if class == INT.class() {
        let x = cx.getfield_int(v, &INT_VALUE);
        cx.cast_int_to_float(x)
    } else {
        cx.getfield_float(v, &FLOAT_VALUE)
    }
}

fn symbol(op: Op) -> &'static str {
    match op {
        Op::Add => "+",
        Op::Sub => "-",
        Op::Mul => "*",
        Op::Div => "/",
        Op::FloorDiv => "//",
        Op::Mod => "%",
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
        Op::Eq => "==",
        Op::Ne => "!=",
        _ => "?",
    }
}

const OVERFLOW: &str = "integer overflow";
const DIV_ZERO: &str = "division by zero";

/// A binary operation on two values.
fn binary<C: Ctx<Fern>>(cx: &mut C, op: Op, a: C::Ref, b: C::Ref) -> Result<C::Ref, String> {
    let ca = cx.promote_class(a);
    let cb = cx.promote_class(b);
    let (int, float) = (INT.class(), FLOAT.class());
    if ca == int && cb == int {
        let x = cx.getfield_int(a, &INT_VALUE);
        let y = cx.getfield_int(b, &INT_VALUE);
        return int_binary(cx, op, x, y);
    }
    let numeric = |c: usize| c == int || c == float;
    if numeric(ca) && numeric(cb) {
        let x = to_float(cx, ca, a);
        let y = to_float(cx, cb, b);
        return float_binary(cx, op, x, y);
    }
    match op {
        Op::Eq | Op::Ne => {
            // Different types are unequal; none equals none; arrays are equal when they
            // are the same array.
            let equal = if ca == cb && ca == ARRAY.class() {
                cx.ptr_eq(a, b)
            } else {
                cx.int((ca == cb && ca == NONE.class()) as i64)
            };
            let r = if op == Op::Eq { equal } else { cx.int_is_zero(equal) };
            Ok(box_int(cx, r))
        }
        _ => Err(format!("unsupported operand types for {}: {} and {}", symbol(op), type_name(ca), type_name(cb))),
    }
}

fn int_binary<C: Ctx<Fern>>(cx: &mut C, op: Op, a: C::Int, b: C::Int) -> Result<C::Ref, String> {
    let r = match op {
        Op::Add => cx.int_add_ovf(a, b).ok_or(OVERFLOW)?,
        Op::Sub => cx.int_sub_ovf(a, b).ok_or(OVERFLOW)?,
        Op::Mul => cx.int_mul_ovf(a, b).ok_or(OVERFLOW)?,
        Op::Div => {
            let x = cx.cast_int_to_float(a);
            let y = cx.cast_int_to_float(b);
            return float_binary(cx, op, x, y);
        }
        Op::FloorDiv | Op::Mod => {
            let zero = cx.int(0);
            let is_zero = cx.int_eq(b, zero);
            if cx.is_true(is_zero) {
                return Err(DIV_ZERO.to_string());
            }
            // i64::MIN // -1 overflows; x % -1 is 0: keep the DSL's precondition.
            let minus_one = cx.int(-1);
            let is_m1 = cx.int_eq(b, minus_one);
            if cx.is_true(is_m1) {
                if op == Op::Mod {
                    zero
                } else {
                    cx.int_sub_ovf(zero, a).ok_or(OVERFLOW)?
                }
            } else if op == Op::Mod {
                cx.int_mod(a, b)
            } else {
                cx.int_floordiv(a, b)
            }
        }
        Op::Lt => cx.int_lt(a, b),
        Op::Le => cx.int_le(a, b),
        Op::Gt => cx.int_gt(a, b),
        Op::Ge => cx.int_ge(a, b),
        Op::Eq => cx.int_eq(a, b),
        Op::Ne => cx.int_ne(a, b),
        _ => return Err(format!("internal error: {op:?} is not a binary operator")),
    };
    Ok(box_int(cx, r))
}

fn float_binary<C: Ctx<Fern>>(cx: &mut C, op: Op, a: C::Float, b: C::Float) -> Result<C::Ref, String> {
    let cmp = match op {
        Op::Add => {
            let r = cx.float_add(a, b);
            return Ok(box_float(cx, r));
        }
        Op::Sub => {
            let r = cx.float_sub(a, b);
            return Ok(box_float(cx, r));
        }
        Op::Mul => {
            let r = cx.float_mul(a, b);
            return Ok(box_float(cx, r));
        }
        Op::Div | Op::FloorDiv | Op::Mod => {
            let zero = cx.float(0.0);
            let is_zero = cx.float_eq(b, zero);
            if cx.is_true(is_zero) {
                return Err(DIV_ZERO.to_string());
            }
            let r = match op {
                Op::Div => cx.float_truediv(a, b),
                _ => {
                    let h = if op == Op::Mod { float_mod_helper() } else { float_floordiv_helper() };
                    match cx.call(&h, &[Red::Float(a), Red::Float(b)]) {
                        Some(Red::Float(r)) => r,
                        _ => return Err("internal error: float helper returned no float".to_string()),
                    }
                }
            };
            return Ok(box_float(cx, r));
        }
        Op::Lt => cx.float_lt(a, b),
        Op::Le => cx.float_le(a, b),
        Op::Gt => cx.float_gt(a, b),
        Op::Ge => cx.float_ge(a, b),
        Op::Eq => cx.float_eq(a, b),
        Op::Ne => cx.float_ne(a, b),
        _ => return Err(format!("internal error: {op:?} is not a binary operator")),
    };
    Ok(box_int(cx, cmp))
}

/// Whether a value counts as false: `none`, `0`, `0.0` and the empty array are. As a red
/// int (1 for false) when the answer depends on red data, else as a constant.
fn falsy<C: Ctx<Fern>>(cx: &mut C, v: C::Ref) -> C::Int {
    let c = cx.promote_class(v);
    if c == INT.class() {
        let x = cx.getfield_int(v, &INT_VALUE);
        cx.int_is_zero(x)
    } else if c == FLOAT.class() {
        let x = cx.getfield_float(v, &FLOAT_VALUE);
        let zero = cx.float(0.0);
        cx.float_eq(x, zero)
    } else if c == ARRAY.class() {
        let n = cx.arraylen(v, &ARRAY_ITEM);
        cx.int_is_zero(n)
    } else {
        cx.int(1)
    }
}

/// Whether a value counts as true in a condition (see [`falsy`]).
fn truthy<C: Ctx<Fern>>(cx: &mut C, v: C::Ref) -> bool {
    let c = cx.promote_class(v);
    if c == INT.class() {
        let x = cx.getfield_int(v, &INT_VALUE);
        cx.is_true(x)
    } else if c == FLOAT.class() {
        let x = cx.getfield_float(v, &FLOAT_VALUE);
        let zero = cx.float(0.0);
        let nz = cx.float_ne(x, zero);
        cx.is_true(nz)
    } else if c == ARRAY.class() {
        let n = cx.arraylen(v, &ARRAY_ITEM);
        cx.is_true(n)
    } else {
        false
    }
}

/// Checks `a[i]`: `a` an array, `i` an int in its bounds; returns the index.
fn index<C: Ctx<Fern>>(cx: &mut C, a: C::Ref, i: C::Ref) -> Result<C::Int, String> {
    let ca = cx.promote_class(a);
    if ca != ARRAY.class() {
        return Err(format!("cannot index {}", type_name(ca)));
    }
    let ci = cx.promote_class(i);
    if ci != INT.class() {
        return Err(format!("array index must be an int, not {}", type_name(ci)));
    }
    let x = cx.getfield_int(i, &INT_VALUE);
    let len = cx.arraylen(a, &ARRAY_ITEM);
    // Unsigned: negative indexes are out of range too.
    let ok = cx.uint_lt(x, len);
    if !cx.is_true(ok) {
        return Err("index out of range".to_string());
    }
    Ok(x)
}

/// `array(n)`: `n` nones.
fn make_array<C: Ctx<Fern>>(cx: &mut C, n: C::Ref, none: C::Ref) -> Result<C::Ref, String> {
    let c = cx.promote_class(n);
    if c != INT.class() {
        return Err(format!("array() needs an int, not {}", type_name(c)));
    }
    let len = cx.getfield_int(n, &INT_VALUE);
    let limit = cx.int(MAX_ARRAY + 1);
    let ok = cx.uint_lt(len, limit);
    if !cx.is_true(ok) {
        let zero = cx.int(0);
        let neg = cx.int_lt(len, zero);
        return Err(
            if cx.is_true(neg) { "array() size must not be negative" } else { "array() size is too large" }.to_string()
        );
    }
    let arr = cx.new_array(&ARRAY, len);
    cx.call(&fill_helper(), &[Red::Ref(arr), Red::Ref(none)]);
    Ok(arr)
}

fn fail<V>(func: &Function, message: impl Into<String>) -> Flow<Result<V, FernError>> {
    Flow::Return(Err(FernError { message: message.into(), function: func.name.clone() }))
}

impl Language for Fern {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Value<R>;
    type Key = Key;

    fn key<R: Reds>(f: &Frame<R>) -> Key {
        Key { func: f.func as u32, pc: f.pc as u32, name: f.rt.prog.funcs.get(f.func).map_or("?", |g| g.key_name) }
    }

    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.push(Red::Int(f.depth));
        out.extend(f.vals.iter().map(|&v| Red::Ref(v)));
    }

    /// The depth, then the values (references) as they are.
    fn red_words<R: Reds<Int = i64, Float = f64, Ref = usize>>(f: &Frame<R>, out: &mut Vec<u64>) -> bool {
        out.push(f.depth as u64);
        out.extend(f.vals.iter().map(|&v| v as u64));
        true
    }

    fn rebuild<R: Reds>(&self, key: Key, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let rt = self.runtime();
        let func = key.func as usize;
        let (nlocals, max_stack) = rt.prog.funcs.get(func).map_or((0, 0), |f| (f.nlocals, f.max_stack));
        let Some(Red::Int(depth)) = reds.next() else { unreachable!("a Fern frame starts with its depth") };
        // Room for the whole stack, as the call instruction makes a frame: a rebuilt frame
        // that grew on its first push would copy all its values (a guard failure in a wide
        // frame rebuilds one each time).
        let mut vals = Vec::with_capacity(nlocals + max_stack);
        vals.extend(reds.map(|r| match r {
            Red::Ref(v) => v,
            _ => unreachable!("Fern values are references"),
        }));
        Frame { rt, func, pc: key.pc as usize, depth, nlocals, vals, pending_error: None }
    }

    /// A frame's reds keep their index at every position of its function (the depth, the
    /// locals, then the stack; at the entry, the arguments, which are the first locals), so a frame that leaves compiled code is patched where it
    /// changed: a guard failure in a loop over a thousand locals, which changed a few, writes
    /// a few.
    fn resume_in_place<R: Reds>(
        &self,
        f: &mut Frame<R>,
        key: Key,
        len: usize,
        changed: &mut impl Iterator<Item = (usize, Red<R>)>,
    ) -> bool {
        debug_assert_eq!(f.func, key.func as usize, "a frame resumes in its own function");
        f.pc = key.pc as usize;
        f.pending_error = None;
        f.vals.truncate(len.saturating_sub(1));
        for (i, r) in changed {
            match (i, r) {
                (0, Red::Int(depth)) => f.depth = depth,
                (i @ 1.., Red::Ref(v)) if i <= f.vals.len() => f.vals[i - 1] = v,
                (i @ 1.., Red::Ref(v)) => {
                    debug_assert_eq!(i, f.vals.len() + 1, "values past the frame's come in order");
                    f.vals.push(v);
                }
                _ => unreachable!("a Fern frame is its depth, then references"),
            }
        }
        true
    }

    fn map_value<A: Reds, B: Reds>(v: Value<A>, m: &mut dyn RedMap<A, B>) -> Value<B> {
        v.map(|v| m.reference(v))
    }

    fn deliver<C: Ctx<Self>>(_: &mut C, caller: &mut Frame<C>, result: Value<C>) {
        match result {
            Ok(v) => caller.vals.push(v),
            Err(e) => caller.pending_error = Some(Box::new(e)),
        }
    }

    const COMPILED_CALLS: bool = true;

    fn result_red<R: Reds>(v: &Value<R>) -> Option<Red<R>> {
        v.as_ref().ok().map(|&r| Red::Ref(r))
    }

    fn result_from_red<R: Reds>(r: Red<R>) -> Value<R> {
        match r {
            Red::Ref(r) => Ok(r),
            other => unreachable!("fern results are references, got {other:?}"),
        }
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Value<C>> {
        let rt = f.rt.clone();
        let prog = &*rt.prog;
        let mut func = match prog.funcs.get(f.func) {
            Some(func) => func,
            None => {
                return Flow::Return(Err(FernError {
                    message: "internal error: bad function".into(),
                    function: "?".into(),
                }))
            }
        };
        loop {
            if let Some(e) = f.pending_error.take() {
                return Flow::Return(Err(*e));
            }
            if cx.merge_point(f) == Control::Leave {
                return Flow::Leave;
            }
            let Some(&op) = func.code.get(f.pc) else {
                return fail(func, "internal error: ran off the end of the code");
            };
            macro_rules! pop {
                () => {
                    match f.vals.pop() {
                        Some(v) if f.vals.len() >= f.nlocals => v,
                        _ => return fail(func, "internal error: stack underflow"),
                    }
                };
            }
            macro_rules! tr {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(m) => return fail(func, m),
                    }
                };
            }
            match op {
                Op::Enter => {
                    if f.vals.len() > f.nlocals {
                        return fail(func, "internal error: bad entry");
                    }
                    let none = cx.const_ref(rt.none);
                    f.vals.resize(f.nlocals, none);
                }
                Op::Const(k) => {
                    let obj = rt.consts.get(f.func).and_then(|t| t.get(k as usize)).copied().unwrap_or(rt.none);
                    let v = cx.const_ref(obj);
                    f.vals.push(v);
                }
                Op::LoadLocal(i) => match f.vals.get(i as usize) {
                    Some(&v) if (i as usize) < f.nlocals => f.vals.push(v),
                    _ => return fail(func, "internal error: bad local"),
                },
                Op::StoreLocal(i) => {
                    let v = pop!();
                    match f.vals.get_mut(i as usize) {
                        Some(slot) if (i as usize) < f.nlocals => *slot = v,
                        _ => return fail(func, "internal error: bad local"),
                    }
                }
                Op::Add
                | Op::Sub
                | Op::Mul
                | Op::Div
                | Op::FloorDiv
                | Op::Mod
                | Op::Lt
                | Op::Le
                | Op::Gt
                | Op::Ge
                | Op::Eq
                | Op::Ne => {
                    let b = pop!();
                    let a = pop!();
                    let v = tr!(binary(cx, op, a, b));
                    f.vals.push(v);
                }
                Op::Not => {
                    let a = pop!();
                    let r = falsy(cx, a);
                    let v = box_int(cx, r);
                    f.vals.push(v);
                }
                Op::Neg => {
                    let a = pop!();
                    let c = cx.promote_class(a);
                    let v = if c == INT.class() {
                        let x = cx.getfield_int(a, &INT_VALUE);
                        let zero = cx.int(0);
                        match cx.int_sub_ovf(zero, x) {
                            Some(r) => box_int(cx, r),
                            None => return fail(func, OVERFLOW),
                        }
                    } else if c == FLOAT.class() {
                        let x = cx.getfield_float(a, &FLOAT_VALUE);
                        let r = cx.float_neg(x);
                        box_float(cx, r)
                    } else {
                        return fail(func, format!("unsupported operand type for -: {}", type_name(c)));
                    };
                    f.vals.push(v);
                }
                Op::Jump(t) => {
                    f.pc = t as usize;
                    continue;
                }
                Op::JumpIfFalse(t) => {
                    let v = pop!();
                    if !truthy(cx, v) {
                        f.pc = t as usize;
                        continue;
                    }
                }
                Op::Loop(t) => {
                    f.pc = t as usize;
                    if cx.loop_header(f) == Control::Leave {
                        return Flow::Leave;
                    }
                    // Compiled code may have run and left the frame anywhere.
                    func = match prog.funcs.get(f.func) {
                        Some(func) => func,
                        None => return fail(func, "internal error: bad function"),
                    };
                    continue;
                }
                Op::Call(callee, nargs) => {
                    let Some(target) = prog.funcs.get(callee as usize) else {
                        return fail(func, "internal error: bad call");
                    };
                    let n = nargs as usize;
                    if f.vals.len() < f.nlocals + n {
                        return fail(func, "internal error: stack underflow");
                    }
                    let one = cx.int(1);
                    let depth = cx.int_add(f.depth, one);
                    let limit = cx.int(rt.limit);
                    let too_deep = cx.int_gt(depth, limit);
                    if cx.is_true(too_deep) {
                        return fail(func, "maximum recursion depth exceeded");
                    }
                    if !cx.stack_ok() {
                        return fail(func, STACK_EXHAUSTED);
                    }
                    // The callee gets its arguments; its `Enter` sets its other locals.
                    let mut vals = Vec::with_capacity(target.nlocals.max(n) + target.max_stack);
                    let base = f.vals.len() - n;
                    vals.extend_from_slice(&f.vals[base..]);
                    f.vals.truncate(base);
                    // The caller is handed over in its resumed state: past the call, its
                    // arguments consumed (they are the callee's now, and reachable from
                    // it); the result is pushed when the callee returns.
                    f.pc += 1;
                    let frame = Frame {
                        rt: rt.clone(),
                        func: callee as usize,
                        pc: 0,
                        depth,
                        nlocals: target.nlocals,
                        vals,
                        pending_error: None,
                    };
                    match cx.call_frame(f, frame) {
                        Ok(v) => f.vals.push(v),
                        Err(e) => return Flow::Return(Err(e)),
                    }
                    continue;
                }
                Op::Return => {
                    let v = pop!();
                    return Flow::Return(Ok(v));
                }
                Op::Pop => {
                    pop!();
                }
                Op::Print(n) => {
                    let n = n as usize;
                    if f.vals.len() < f.nlocals + n {
                        return fail(func, "internal error: stack underflow");
                    }
                    let io = cx.const_ref(rt.io);
                    let h = print_helper();
                    let start = f.vals.len() - n;
                    if n == 0 {
                        let (none, end) = (cx.const_ref(rt.none), cx.int(END_NOTHING));
                        cx.call(&h, &[Red::Ref(io), Red::Ref(none), Red::Int(end)]);
                    }
                    for i in 0..n {
                        let v = f.vals[start + i];
                        let end = cx.int(if i + 1 == n { b'\n' } else { b' ' } as i64);
                        cx.call(&h, &[Red::Ref(io), Red::Ref(v), Red::Int(end)]);
                    }
                    f.vals.truncate(start);
                }
                Op::NewArray(n) => {
                    let n = n as usize;
                    if f.vals.len() < f.nlocals + n {
                        return fail(func, "internal error: stack underflow");
                    }
                    let start = f.vals.len() - n;
                    let len = cx.int(n as i64);
                    let arr = cx.new_array(&ARRAY, len);
                    for i in 0..n {
                        let at = cx.int(i as i64);
                        cx.setarrayitem_ref(arr, at, &ARRAY_ITEM, f.vals[start + i]);
                    }
                    f.vals.truncate(start);
                    f.vals.push(arr);
                }
                Op::MakeArray => {
                    let n = pop!();
                    let none = cx.const_ref(rt.none);
                    let arr = tr!(make_array(cx, n, none));
                    f.vals.push(arr);
                }
                Op::GetItem => {
                    let i = pop!();
                    let a = pop!();
                    let x = tr!(index(cx, a, i));
                    let v = cx.getarrayitem_ref(a, x, &ARRAY_ITEM);
                    f.vals.push(v);
                }
                Op::SetItem => {
                    let v = pop!();
                    let i = pop!();
                    let a = pop!();
                    let x = tr!(index(cx, a, i));
                    cx.setarrayitem_ref(a, x, &ARRAY_ITEM, v);
                }
                Op::Len => {
                    let a = pop!();
                    let c = cx.promote_class(a);
                    if c != ARRAY.class() {
                        return fail(func, format!("len() needs an array, not {}", type_name(c)));
                    }
                    let n = cx.arraylen(a, &ARRAY_ITEM);
                    let v = box_int(cx, n);
                    f.vals.push(v);
                }
            }
            f.pc += 1;
        }
    }
}
