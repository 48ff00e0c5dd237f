//! The DSL an interpreter is written against: red value families, the `Ctx` trait, and the
//! `Language` trait that tells the driver what an interpreter's frames look like.
//!
//! An interpreter is generic over `C: Ctx<L>`. Green data (bytecode, program counter,
//! constants) is plain Rust and is folded into traces; red data (the user's values) only
//! exists as `C::Int`, `C::Float` and `C::Ref`, and only `Ctx` methods touch it. Two
//! implementations exist: [`Concrete`](crate::Concrete), which computes, and
//! [`Tracer`](crate::Tracer), which computes and records.

use crate::descr::{ArrayDescr, FieldDescr, Helper};
use crate::heap::Layout;
use std::fmt::{Debug, Display};
use std::hash::Hash;

/// A family of red value types. Frames are generic over it, so the same frame type holds
/// plain values (`Concrete`), values with trace operands (`Tracer`), or snapshot slots.
pub trait Reds: Sized {
    /// A red integer.
    type Int: Copy + Debug;
    /// A red float.
    type Float: Copy + Debug;
    /// A red reference (a pointer-sized word: an object, an array or a Rust-side handle).
    type Ref: Copy + Debug;
    /// The address a red reference holds (the collector's view of it).
    fn address(r: Self::Ref) -> usize;
}

/// One red value of any type, as frames list them for the driver.
pub enum Red<R: Reds> {
    /// An integer.
    Int(R::Int),
    /// A float.
    Float(R::Float),
    /// A reference.
    Ref(R::Ref),
}

impl<R: Reds> Clone for Red<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Reds> Copy for Red<R> {}

impl<R: Reds> Debug for Red<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Red::Int(v) => write!(f, "Int({v:?})"),
            Red::Float(v) => write!(f, "Float({v:?})"),
            Red::Ref(v) => write!(f, "Ref({v:?})"),
        }
    }
}

/// Converts red values of one family into another (see [`Language::map_value`]).
pub trait RedMap<A: Reds, B: Reds> {
    /// Converts an integer.
    fn int(&mut self, v: A::Int) -> B::Int;
    /// Converts a float.
    fn float(&mut self, v: A::Float) -> B::Float;
    /// Converts a reference.
    fn reference(&mut self, v: A::Ref) -> B::Ref;
}

/// What the interpreter must do after `merge_point` or `loop_header`.
#[must_use = "an interpreter must return Flow::Leave when told to leave"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Go on interpreting.
    Continue,
    /// Return `Flow::Leave` from `run` now: the driver takes this activation over (to start
    /// or stop tracing) and calls `run` again on the converted frame.
    Leave,
}

impl Control {
    /// `true` for [`Control::Leave`].
    pub fn leave(self) -> bool {
        self == Control::Leave
    }
}

/// How an activation of `Language::run` ended.
pub enum Flow<V> {
    /// The function returned (or raised: a language's `Value` may encode that) this value.
    Return(V),
    /// The driver asked for the activation back (see [`Control::Leave`]); the frame holds
    /// the state at the current instruction boundary.
    Leave,
}

/// What an interpreter tells the toolchain about itself: its frames, their green keys and
/// red contents, and its main loop.
///
/// A frame is fully described by its green key (where it stands) and its reds (the values
/// it holds, in a fixed order); [`Language::rebuild`] must be the inverse of
/// ([`Language::key`], [`Language::reds`]). The driver uses this to convert frames between the
/// concrete and tracing instantiations, to snapshot them at guards, and to rebuild them when
/// a guard fails.
pub trait Language: Sized + 'static {
    /// One activation's state, generic over the red value family.
    type Frame<R: Reds>;
    /// What an activation hands back to its caller.
    type Value<R: Reds>;
    /// A green key: a position in the program (e.g. function and program counter). Its
    /// `Display` form names the position in traces and must not contain `:`, `;` or `]`.
    type Key: Copy + Eq + Hash + Debug + Display;

    /// Where the frame stands.
    fn key<R: Reds>(f: &Self::Frame<R>) -> Self::Key;
    /// The frame's red values, in a fixed order.
    fn reds<R: Reds>(f: &Self::Frame<R>, out: &mut Vec<Red<R>>);
    /// Builds a frame at `key` from red values listed as [`Language::reds`] lists them.
    fn rebuild<R: Reds>(&self, key: Self::Key, reds: &mut dyn Iterator<Item = Red<R>>) -> Self::Frame<R>;
    /// Converts a returned value between red families, one red at a time.
    fn map_value<A: Reds, B: Reds>(v: Self::Value<A>, m: &mut dyn RedMap<A, B>) -> Self::Value<B>;
    /// Resumes a caller suspended in a call instruction with the callee's result (the
    /// caller's frame is as it was passed to [`Ctx::call`]).
    fn deliver<R: Reds>(caller: &mut Self::Frame<R>, result: Self::Value<R>);
    /// Puts a frame whose current instruction called a helper that raised (see
    /// [`Ctx::call_may_raise`]) into that instruction's exception path, as the interpreter
    /// does itself when `call_may_raise` returns `Err`. `exc` is the word the helper stored.
    /// Only languages that use raising helpers need it.
    fn raise_in<R: Reds>(f: &mut Self::Frame<R>, exc: u64) {
        let _ = (f, exc);
        unreachable!("this language calls no helper that may raise")
    }
    /// Whether calls are compiled: function entries (activation starts) get traces of their
    /// own, and traces call the functions they do not inline (recursion, too deep) through the
    /// driver (`call_assembler`). Needs [`Language::result_red`] and
    /// [`Language::result_from_red`]. Without it, such calls end the trace being recorded.
    const COMPILED_CALLS: bool = false;
    /// A result as one red value, if it is one that compiled code can receive (typically
    /// an ordinary return value, not an error). Compiled code calls functions it did not
    /// inline through the driver and continues with this value; any other result leaves the
    /// compiled code and reaches the caller in the interpreter. Function-entry traces end by
    /// returning it. Only used with [`Language::COMPILED_CALLS`].
    fn result_red<R: Reds>(v: &Self::Value<R>) -> Option<Red<R>> {
        let _ = v;
        None
    }
    /// The result made of one red value: the inverse of [`Language::result_red`].
    fn result_from_red<R: Reds>(r: Red<R>) -> Self::Value<R> {
        let _ = r;
        unreachable!("result_red never gives a red value for this language")
    }
    /// The interpreter's main loop: runs `f` from its current position until it returns or
    /// the driver asks for it back.
    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Self::Frame<C>) -> Flow<Self::Value<C>>;
}

macro_rules! binops {
    ($($(#[doc = $doc:literal])* $name:ident($a:ident, $b:ident) -> $ret:ident;)*) => {
        $( $(#[doc = $doc])* fn $name(&mut self, a: Self::$a, b: Self::$b) -> Self::$ret; )*
    };
}

/// The operations an interpreter may perform on red values. See the module docs.
///
/// Preconditions that the interpreter checks before it calls (as RPython's do): divisors are
/// not zero and not (`i64::MIN`, -1); shift counts are in 0..64; memory accesses are in
/// bounds of live objects; float-to-int casts are of finite, in-range floats.
pub trait Ctx<L: Language>: Reds {
    /// An integer constant.
    fn int(&mut self, v: i64) -> Self::Int;
    /// A float constant.
    fn float(&mut self, v: f64) -> Self::Float;
    /// A reference constant (an address that stays valid while traces using it live).
    fn const_ref(&mut self, addr: usize) -> Self::Ref;

    binops! {
        /// Wrapping addition.
        int_add(Int, Int) -> Int;
        /// Wrapping subtraction.
        int_sub(Int, Int) -> Int;
        /// Wrapping multiplication.
        int_mul(Int, Int) -> Int;
        /// Floor division (Python `//`).
        int_floordiv(Int, Int) -> Int;
        /// Floor modulo (Python `%`).
        int_mod(Int, Int) -> Int;
        /// Bitwise and.
        int_and(Int, Int) -> Int;
        /// Bitwise or.
        int_or(Int, Int) -> Int;
        /// Bitwise xor.
        int_xor(Int, Int) -> Int;
        /// Left shift.
        int_lshift(Int, Int) -> Int;
        /// Arithmetic right shift.
        int_rshift(Int, Int) -> Int;
        /// `a < b` as 0 or 1.
        int_lt(Int, Int) -> Int;
        /// `a <= b`.
        int_le(Int, Int) -> Int;
        /// `a == b`.
        int_eq(Int, Int) -> Int;
        /// `a != b`.
        int_ne(Int, Int) -> Int;
        /// `a > b`.
        int_gt(Int, Int) -> Int;
        /// `a >= b`.
        int_ge(Int, Int) -> Int;
        /// Unsigned `a < b` (a bounds check `0 <= a < b` for non-negative `b`).
        uint_lt(Int, Int) -> Int;
        /// Float addition.
        float_add(Float, Float) -> Float;
        /// Float subtraction.
        float_sub(Float, Float) -> Float;
        /// Float multiplication.
        float_mul(Float, Float) -> Float;
        /// Float division.
        float_truediv(Float, Float) -> Float;
        /// Float `<`.
        float_lt(Float, Float) -> Int;
        /// Float `<=`.
        float_le(Float, Float) -> Int;
        /// Float `==`.
        float_eq(Float, Float) -> Int;
        /// Float `!=`.
        float_ne(Float, Float) -> Int;
        /// Float `>`.
        float_gt(Float, Float) -> Int;
        /// Float `>=`.
        float_ge(Float, Float) -> Int;
        /// Reference identity.
        ptr_eq(Ref, Ref) -> Int;
    }
    /// Wrapping negation.
    fn int_neg(&mut self, a: Self::Int) -> Self::Int;
    /// Bitwise not.
    fn int_invert(&mut self, a: Self::Int) -> Self::Int;
    /// 1 if `a` is zero.
    fn int_is_zero(&mut self, a: Self::Int) -> Self::Int;
    /// Overflow-checked addition: `None` if it overflows.
    fn int_add_ovf(&mut self, a: Self::Int, b: Self::Int) -> Option<Self::Int>;
    /// Overflow-checked subtraction.
    fn int_sub_ovf(&mut self, a: Self::Int, b: Self::Int) -> Option<Self::Int>;
    /// Overflow-checked multiplication.
    fn int_mul_ovf(&mut self, a: Self::Int, b: Self::Int) -> Option<Self::Int>;
    /// Float negation.
    fn float_neg(&mut self, a: Self::Float) -> Self::Float;
    /// Float absolute value.
    fn float_abs(&mut self, a: Self::Float) -> Self::Float;
    /// Float square root.
    fn float_sqrt(&mut self, a: Self::Float) -> Self::Float;
    /// Integer to float.
    fn cast_int_to_float(&mut self, a: Self::Int) -> Self::Float;
    /// Float to integer, truncating (the float is finite and in range).
    fn cast_float_to_int(&mut self, a: Self::Float) -> Self::Int;
    /// The bits of a float.
    fn float_bits_to_int(&mut self, a: Self::Float) -> Self::Int;
    /// The float with these bits.
    fn int_bits_to_float(&mut self, a: Self::Int) -> Self::Float;

    /// Branches on red data: the only way to. While tracing, records a guard that the
    /// outcome is the one observed.
    fn is_true(&mut self, c: Self::Int) -> bool;
    /// Makes a red integer green: returns its value; while tracing, guards that it stays
    /// that value (RPython's `promote`).
    fn promote_int(&mut self, v: Self::Int) -> i64;
    /// Makes a red reference green (see [`Ctx::promote_int`]).
    fn promote_ref(&mut self, r: Self::Ref) -> usize;
    /// The concrete value of a red integer *without* a guard: for diagnostics only (error
    /// messages, printing); never branch on it.
    fn peek_int(&self, v: Self::Int) -> i64;
    /// The concrete value of a red float without a guard (see [`Ctx::peek_int`]).
    fn peek_float(&self, v: Self::Float) -> f64;

    /// Reads an integer field.
    fn getfield_int(&mut self, obj: Self::Ref, d: &FieldDescr) -> Self::Int;
    /// Reads a float field.
    fn getfield_float(&mut self, obj: Self::Ref, d: &FieldDescr) -> Self::Float;
    /// Reads a reference field.
    fn getfield_ref(&mut self, obj: Self::Ref, d: &FieldDescr) -> Self::Ref;
    /// Writes an integer field.
    fn setfield_int(&mut self, obj: Self::Ref, d: &FieldDescr, v: Self::Int);
    /// Writes a float field.
    fn setfield_float(&mut self, obj: Self::Ref, d: &FieldDescr, v: Self::Float);
    /// Writes a reference field.
    fn setfield_ref(&mut self, obj: Self::Ref, d: &FieldDescr, v: Self::Ref);
    /// Reads an integer array item (index in bounds).
    fn getarrayitem_int(&mut self, arr: Self::Ref, i: Self::Int, d: &ArrayDescr) -> Self::Int;
    /// Reads a float array item.
    fn getarrayitem_float(&mut self, arr: Self::Ref, i: Self::Int, d: &ArrayDescr) -> Self::Float;
    /// Reads a reference array item.
    fn getarrayitem_ref(&mut self, arr: Self::Ref, i: Self::Int, d: &ArrayDescr) -> Self::Ref;
    /// Writes an integer array item.
    fn setarrayitem_int(&mut self, arr: Self::Ref, i: Self::Int, d: &ArrayDescr, v: Self::Int);
    /// Writes a float array item.
    fn setarrayitem_float(&mut self, arr: Self::Ref, i: Self::Int, d: &ArrayDescr, v: Self::Float);
    /// Writes a reference array item.
    fn setarrayitem_ref(&mut self, arr: Self::Ref, i: Self::Int, d: &ArrayDescr, v: Self::Ref);
    /// An array's length.
    fn arraylen(&mut self, arr: Self::Ref, d: &ArrayDescr) -> Self::Int;

    /// Allocates a zeroed object of a fixed-size layout on the Vm's heap. Never collects:
    /// collection happens only at instruction boundaries, so red values held in Rust
    /// locals within an instruction stay valid.
    fn new_object(&mut self, layout: &'static Layout) -> Self::Ref;
    /// Allocates a zeroed array of `len` items (`len >= 0`, checked by the interpreter).
    fn new_array(&mut self, layout: &'static Layout, len: Self::Int) -> Self::Ref;
    /// The class (layout address, header word 0) of a heap object, made green: while
    /// tracing, guards that the object keeps this class (`guard_class`).
    fn promote_class(&mut self, obj: Self::Ref) -> usize;

    /// Calls a Rust helper. `args` must match the helper's declared argument types; the
    /// result is `Some` exactly when the helper declares one. An elidable helper called with
    /// constant arguments while tracing is folded to its result.
    fn call(&mut self, h: &Helper, args: &[Red<Self>]) -> Option<Red<Self>>;

    /// Calls a helper declared with [`Effect::MayRaise`](crate::Effect::MayRaise). The helper
    /// receives, before `args`, the address of the Vm's raise slot (a `u64`): it raises by
    /// storing a non-zero word there (an error code, or a heap reference, which the collector
    /// keeps alive), and its result is then ignored. Returns `Err(word)` if it raised; the
    /// interpreter must then take the instruction's exception path (and implement
    /// [`Language::raise_in`] to do the same when compiled code raised). `h.args` lists the
    /// helper's arguments including the leading slot address (a `Type::Ref`).
    fn call_may_raise(&mut self, h: &Helper, args: &[Red<Self>]) -> Result<Option<Red<Self>>, u64>;

    /// Reads a quasi-immutable cell: a value that rarely changes. The trace treats it as a
    /// constant and is invalidated when [`Ctx::quasi_set`] changes it.
    fn quasi_get(&mut self, q: crate::QuasiId) -> i64;
    /// Changes a quasi-immutable cell, invalidating every trace that depends on it.
    fn quasi_set(&mut self, q: crate::QuasiId, v: i64);

    /// Marks an instruction boundary (RPython's `jit_merge_point`): call it at the top of
    /// the interpreter loop, before every instruction, and obey the result.
    fn merge_point(&mut self, f: &L::Frame<Self>) -> Control;
    /// Marks a backward jump (RPython's `can_enter_jit`): call it after setting the frame's
    /// position to the jump target, obey the result, then dispatch from the frame's position
    /// (compiled code may have run and moved the frame anywhere).
    fn loop_header(&mut self, f: &mut L::Frame<Self>) -> Control;
    /// Calls a function of the language: runs `callee` to completion through the driver.
    /// `caller` is the calling frame as it should be resumed (position after the call, its
    /// arguments consumed), see [`Language::deliver`].
    fn call_frame(&mut self, caller: &L::Frame<Self>, callee: L::Frame<Self>) -> L::Value<Self>;

    /// Whether the native stack has more than the `Vm`'s margin left (RPython's
    /// `stack_check`; see [`crate::stack`]). Ask before each [`Ctx::call_frame`] that may
    /// recurse and raise the language's own error (`RecursionError`) when it says no: then no
    /// recursion overflows the native stack, in any mode of the JIT. One compare of the
    /// stack pointer in the interpreter; nothing in compiled code, which checks before each
    /// call it does not inline.
    ///
    /// ```ignore
    /// Op::Call(target, nargs) => {
    ///     if !cx.stack_ok() {
    ///         return Flow::Return(Err(MyError::recursion()));
    ///     }
    ///     let callee = Frame::new(target, f.pop_args(nargs));
    ///     let v = cx.call_frame(f, callee);
    ///     // ...
    /// }
    /// ```
    fn stack_ok(&mut self) -> bool;
}
