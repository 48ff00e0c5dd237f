//! The Fern interpreter, written once against the Metatrace DSL: the [`Language`] impl, its
//! frames and green keys, the main loop, and the Rust helpers it calls (printing, float
//! floor division).
//!
//! Green: the program, the function, the program counter and the stack depth (implied by
//! the number of reds). Red: the call depth and every value's tag and payload. Operations
//! promote tags, so traces specialize on types behind guards.

use crate::bytecode::{Const, Function, Op, Program};
use crate::value::{float_divmod, format_value, type_name, FernError, Val, TAG_FLOAT, TAG_INT, TAG_NONE};
use metatrace::{Control, Ctx, Effect, Flow, Helper, Language, Plain, Red, RedMap, Reds, Type};
use std::cell::RefCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::rc::Rc;

/// Frames deeper than this are a run-time error (`main` is at depth 1).
pub const MAX_DEPTH: i64 = 10_000;

/// What a Fern activation returns: a value, or a run-time error propagating to the caller.
pub type Value<R> = Result<Val<R>, FernError>;

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

/// Tag of the no-value `print()` writes before its newline.
const TAG_NOTHING: i64 = -1;

extern "C" fn fern_print(io: u64, tag: u64, payload: u64, end: u64) -> u64 {
    // SAFETY: `io` is the address of the `RefCell<Io>` owned by the running `Fern`, which
    // outlives every trace of its Vm; the interpreter holds no borrow of it while calling.
    let io = unsafe { &*(io as *const RefCell<Io>) };
    let Ok(mut io) = io.try_borrow_mut() else { return 0 };
    if tag as i64 != TAG_NOTHING {
        let s = format_value(tag as i64, payload as i64);
        io.buffered.extend_from_slice(s.as_bytes());
    }
    io.buffered.push(end as u8);
    if io.buffered.len() >= 1 << 13 {
        io.flush();
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
    // SAFETY: fern_print is extern "C" (word x4) -> word and accepts any words but the Io
    // address, which the interpreter always passes correctly.
    unsafe {
        Helper::new(
            "fern_print",
            fern_print as *const () as usize,
            &[Type::Ref, Type::Int, Type::Int, Type::Int],
            None,
            Effect::Write,
        )
    }
}

fn float_floordiv_helper() -> Helper {
    // SAFETY: extern "C" (word, word) -> word, pure on float bits.
    unsafe {
        Helper::new(
            "float_floordiv",
            fern_float_floordiv as *const () as usize,
            &[Type::Float, Type::Float],
            Some(Type::Float),
            Effect::Elidable,
        )
    }
}

fn float_mod_helper() -> Helper {
    // SAFETY: extern "C" (word, word) -> word, pure on float bits.
    unsafe {
        Helper::new(
            "float_mod",
            fern_float_mod as *const () as usize,
            &[Type::Float, Type::Float],
            Some(Type::Float),
            Effect::Elidable,
        )
    }
}

/// The Fern language: a compiled program and where it prints.
pub struct Fern {
    prog: Rc<Program>,
    io: Box<RefCell<Io>>,
}

/// One activation of a Fern function.
pub struct Frame<R: Reds> {
    prog: Rc<Program>,
    io: usize,
    /// Index of the running function (green).
    pub func: usize,
    /// Program counter (green).
    pub pc: usize,
    /// Call depth, `main` being 1 (red: it must survive frames rebuilt after a guard fails).
    pub depth: R::Int,
    /// Number of local variables: the first `nlocals` of `vals` (green).
    pub nlocals: usize,
    /// The local variables (parameters first), then the operand stack.
    pub vals: Vec<Val<R>>,
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
    /// A machine for `prog` printing to `io`.
    pub fn new(prog: Program, io: Io) -> Self {
        Fern { prog: Rc::new(prog), io: Box::new(RefCell::new(io)) }
    }

    /// The frame that calls `main`.
    pub fn start_frame(&self) -> Frame<Plain> {
        let nlocals = self.prog.funcs.get(self.prog.main).map_or(0, |f| f.nlocals);
        Frame {
            prog: self.prog.clone(),
            io: self.io_addr(),
            func: self.prog.main,
            pc: 0,
            depth: 1,
            nlocals,
            vals: vec![Val { tag: TAG_NONE, payload: 0 }; nlocals],
            pending_error: None,
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

fn none_val<C: Ctx<Fern>>(cx: &mut C) -> Val<C> {
    Val { tag: cx.int(TAG_NONE), payload: cx.int(0) }
}

fn int_val<C: Ctx<Fern>>(cx: &mut C, v: C::Int) -> Val<C> {
    Val { tag: cx.int(TAG_INT), payload: v }
}

fn float_val<C: Ctx<Fern>>(cx: &mut C, v: C::Float) -> Val<C> {
    let payload = cx.float_bits_to_int(v);
    Val { tag: cx.int(TAG_FLOAT), payload }
}

/// A number (tag already promoted) as a float.
fn to_float<C: Ctx<Fern>>(cx: &mut C, tag: i64, payload: C::Int) -> C::Float {
    if tag == TAG_INT {
        cx.cast_int_to_float(payload)
    } else {
        cx.int_bits_to_float(payload)
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
fn binary<C: Ctx<Fern>>(cx: &mut C, op: Op, a: Val<C>, b: Val<C>) -> Result<Val<C>, String> {
    let ta = cx.promote_int(a.tag);
    let tb = cx.promote_int(b.tag);
    if ta == TAG_INT && tb == TAG_INT {
        return int_binary(cx, op, a.payload, b.payload);
    }
    let numeric = |t: i64| t == TAG_INT || t == TAG_FLOAT;
    if numeric(ta) && numeric(tb) {
        let x = to_float(cx, ta, a.payload);
        let y = to_float(cx, tb, b.payload);
        return float_binary(cx, op, x, y);
    }
    match op {
        Op::Eq | Op::Ne => {
            // Different types are unequal; none equals none.
            let equal = ta == tb && ta == TAG_NONE;
            let r = cx.int((equal == (op == Op::Eq)) as i64);
            Ok(int_val(cx, r))
        }
        _ => Err(format!("unsupported operand types for {}: {} and {}", symbol(op), type_name(ta), type_name(tb))),
    }
}

fn int_binary<C: Ctx<Fern>>(cx: &mut C, op: Op, a: C::Int, b: C::Int) -> Result<Val<C>, String> {
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
    Ok(int_val(cx, r))
}

fn float_binary<C: Ctx<Fern>>(cx: &mut C, op: Op, a: C::Float, b: C::Float) -> Result<Val<C>, String> {
    let cmp = match op {
        Op::Add => {
            let r = cx.float_add(a, b);
            return Ok(float_val(cx, r));
        }
        Op::Sub => {
            let r = cx.float_sub(a, b);
            return Ok(float_val(cx, r));
        }
        Op::Mul => {
            let r = cx.float_mul(a, b);
            return Ok(float_val(cx, r));
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
            return Ok(float_val(cx, r));
        }
        Op::Lt => cx.float_lt(a, b),
        Op::Le => cx.float_le(a, b),
        Op::Gt => cx.float_gt(a, b),
        Op::Ge => cx.float_ge(a, b),
        Op::Eq => cx.float_eq(a, b),
        Op::Ne => cx.float_ne(a, b),
        _ => return Err(format!("internal error: {op:?} is not a binary operator")),
    };
    Ok(int_val(cx, cmp))
}

/// Whether a value counts as true in a condition: `none`, `0` and `0.0` are false.
fn truthy<C: Ctx<Fern>>(cx: &mut C, v: Val<C>) -> bool {
    match cx.promote_int(v.tag) {
        TAG_INT => cx.is_true(v.payload),
        TAG_FLOAT => {
            let x = cx.int_bits_to_float(v.payload);
            let zero = cx.float(0.0);
            let nz = cx.float_ne(x, zero);
            cx.is_true(nz)
        }
        _ => false,
    }
}

fn fail<V>(func: &Function, message: impl Into<String>) -> Flow<Result<V, FernError>> {
    Flow::Return(Err(FernError { message: message.into(), function: func.name.clone() }))
}

impl Language for Fern {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Value<R>;
    type Key = Key;

    fn key<R: Reds>(f: &Frame<R>) -> Key {
        Key { func: f.func as u32, pc: f.pc as u32, name: f.prog.funcs.get(f.func).map_or("?", |g| g.key_name) }
    }

    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.push(Red::Int(f.depth));
        for v in &f.vals {
            out.push(Red::Int(v.tag));
            out.push(Red::Int(v.payload));
        }
    }

    fn rebuild<R: Reds>(&self, key: Key, reds: &mut dyn Iterator<Item = Red<R>>) -> Frame<R> {
        let func = key.func as usize;
        let nlocals = self.prog.funcs.get(func).map_or(0, |f| f.nlocals);
        let Some(Red::Int(depth)) = reds.next() else { unreachable!("a Fern frame starts with its depth") };
        let mut vals = Vec::new();
        while let Some(r) = reds.next() {
            let (Red::Int(tag), Some(Red::Int(payload))) = (r, reds.next()) else {
                unreachable!("Fern values are pairs of ints")
            };
            vals.push(Val { tag, payload });
        }
        Frame {
            prog: self.prog.clone(),
            io: self.io_addr(),
            func,
            pc: key.pc as usize,
            depth,
            nlocals,
            vals,
            pending_error: None,
        }
    }

    fn map_value<A: Reds, B: Reds>(v: Value<A>, m: &mut dyn RedMap<A, B>) -> Value<B> {
        v.map(|v| Val { tag: m.int(v.tag), payload: m.int(v.payload) })
    }

    fn deliver<R: Reds>(caller: &mut Frame<R>, result: Value<R>) {
        match result {
            Ok(v) => caller.vals.push(v),
            Err(e) => caller.pending_error = Some(Box::new(e)),
        }
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Value<C>> {
        let prog = f.prog.clone();
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
            match op {
                Op::Const(k) => {
                    let c = func.consts.get(k as usize).copied().unwrap_or(Const::None);
                    let tag = cx.int(c.tag());
                    let payload = cx.int(c.payload());
                    f.vals.push(Val { tag, payload });
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
                    match binary(cx, op, a, b) {
                        Ok(v) => f.vals.push(v),
                        Err(m) => return fail(func, m),
                    }
                }
                Op::Not => {
                    let a = pop!();
                    let r = match cx.promote_int(a.tag) {
                        TAG_INT => cx.int_is_zero(a.payload),
                        TAG_FLOAT => {
                            let x = cx.int_bits_to_float(a.payload);
                            let zero = cx.float(0.0);
                            cx.float_eq(x, zero)
                        }
                        _ => cx.int(1),
                    };
                    let v = int_val(cx, r);
                    f.vals.push(v);
                }
                Op::Neg => {
                    let a = pop!();
                    let v = match cx.promote_int(a.tag) {
                        TAG_INT => {
                            let zero = cx.int(0);
                            match cx.int_sub_ovf(zero, a.payload) {
                                Some(r) => int_val(cx, r),
                                None => return fail(func, OVERFLOW),
                            }
                        }
                        TAG_FLOAT => {
                            let x = cx.int_bits_to_float(a.payload);
                            let r = cx.float_neg(x);
                            float_val(cx, r)
                        }
                        t => return fail(func, format!("unsupported operand type for -: {}", type_name(t))),
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
                    let limit = cx.int(MAX_DEPTH);
                    let too_deep = cx.int_gt(depth, limit);
                    if cx.is_true(too_deep) {
                        return fail(func, "maximum recursion depth exceeded");
                    }
                    let mut vals = Vec::with_capacity(target.nlocals.max(n) + target.max_stack);
                    let base = f.vals.len() - n;
                    for &v in &f.vals[base..] {
                        vals.push(v);
                    }
                    f.vals.truncate(base);
                    if target.nlocals > n {
                        let none = none_val(cx);
                        vals.resize(target.nlocals, none);
                    }
                    // The caller is handed over in its resumed state: past the call, its
                    // arguments consumed; the result is pushed when the callee returns.
                    f.pc += 1;
                    let frame = Frame {
                        prog: prog.clone(),
                        io: f.io,
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
                    let io = cx.const_ref(f.io);
                    let h = print_helper();
                    let start = f.vals.len() - n;
                    if n == 0 {
                        let (t, p, e) = (cx.int(TAG_NOTHING), cx.int(0), cx.int(b'\n' as i64));
                        cx.call(&h, &[Red::Ref(io), Red::Int(t), Red::Int(p), Red::Int(e)]);
                    }
                    for i in 0..n {
                        let v = f.vals[start + i];
                        let end = cx.int(if i + 1 == n { b'\n' } else { b' ' } as i64);
                        cx.call(&h, &[Red::Ref(io), Red::Int(v.tag), Red::Int(v.payload), Red::Int(end)]);
                    }
                    f.vals.truncate(start);
                }
            }
            f.pc += 1;
        }
    }
}
