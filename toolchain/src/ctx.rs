//! The DSL an interpreter is written against: red value families, the `Ctx` trait, and the
//! `Language` trait that tells the driver what an interpreter's frames look like.
//!
//! An interpreter is generic over `C: Ctx<L>`. Green data (bytecode, program counter,
//! constants) is plain Rust and is folded into traces; red data (the user's values) only
//! exists as `C::Int`, `C::Float` and `C::Ref`, and only `Ctx` methods touch it. Two
//! implementations exist: [`Concrete`](crate::Concrete), which computes, and
//! [`Tracer`](crate::Tracer), which computes and records.

use crate::descr::{ArrayDescr, FieldDescr, Helper, Type};
use crate::heap::Layout;
use crate::native::Native;
use crate::quasi::QuasiId;
use std::fmt::{Debug, Display};
use std::hash::Hash;

/// A family of red value types. Frames are generic over it, so the same frame type holds
/// plain values (`Concrete`), values with trace operands (`Tracer`), or snapshot slots.
pub trait Reds: Sized {
    /// A red integer.
    type Int: Copy + Debug;
    /// A red float.
    type Float: Copy + Debug;
    /// A red reference (a pointer-sized word: an object, an array or a Rust-side handle). It
    /// borrows nothing (`'static`), so an interpreter may tell the families apart by type, as
    /// a cache of frame storage for plain words does.
    type Ref: Copy + Debug + 'static;
    /// The address a red reference holds (the collector's view of it).
    fn address(r: Self::Ref) -> usize;
    /// The plain value a red holds (for a tracing value, the value it has now).
    fn plain(r: Red<Self>) -> Red<Plain>;
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

/// The type of a red value.
pub(crate) fn red_type<R: Reds>(r: &Red<R>) -> Type {
    match r {
        Red::Int(_) => Type::Int,
        Red::Float(_) => Type::Float,
        Red::Ref(_) => Type::Ref,
    }
}

/// The plain red family: `i64`, `f64` and addresses. Frames handed to [`Vm::run`](crate::Vm::run) use it.
#[derive(Debug)]
pub struct Plain;

impl Reds for Plain {
    type Int = i64;
    type Float = f64;
    type Ref = usize;
    fn address(r: usize) -> usize {
        r
    }
    fn plain(r: Red<Self>) -> Red<Plain> {
        r
    }
}

/// Converts between the plain red families (`Plain`, `Concrete` of any lifetime): the same
/// words.
pub(crate) struct Same;
impl<A: Reds<Int = i64, Float = f64, Ref = usize>, B: Reds<Int = i64, Float = f64, Ref = usize>> RedMap<A, B> for Same {
    fn int(&mut self, v: i64) -> i64 {
        v
    }
    fn float(&mut self, v: f64) -> f64 {
        v
    }
    fn reference(&mut self, v: usize) -> usize {
        v
    }
}

/// Rebuilds a frame in another red family, value by value.
pub(crate) fn convert_frame<L: Language, A: Reds, B: Reds>(
    lang: &L,
    f: &L::Frame<A>,
    m: &mut dyn RedMap<A, B>,
) -> L::Frame<B> {
    let mut reds = Vec::new();
    L::reds(f, &mut reds);
    let mut it = reds.into_iter().map(|r| match r {
        Red::Int(v) => Red::Int(m.int(v)),
        Red::Float(v) => Red::Float(m.float(v)),
        Red::Ref(v) => Red::Ref(m.reference(v)),
    });
    lang.rebuild(L::key(f), &mut it)
}

/// Debug builds: `rebuild` undoes `key` and `reds` (`g`, rebuilt from `f`'s key and reds,
/// stands at the same key and lists the same values), which every snapshot and resumption
/// relies on.
pub(crate) fn check_rebuild<L: Language, A: Reds, B: Reds>(f: &L::Frame<A>, g: &L::Frame<B>) {
    fn words<R: Reds>(list: &dyn Fn(&mut Vec<Red<R>>)) -> Vec<Red<Plain>> {
        let mut reds = Vec::new();
        list(&mut reds);
        reds.into_iter().map(R::plain).collect()
    }
    let (a, b) = (words::<A>(&|out| L::reds(f, out)), words::<B>(&|out| L::reds(g, out)));
    let same = |x: &Red<Plain>, y: &Red<Plain>| match (x, y) {
        (Red::Int(x), Red::Int(y)) => x == y,
        (Red::Float(x), Red::Float(y)) => x.to_bits() == y.to_bits(),
        (Red::Ref(x), Red::Ref(y)) => x == y,
        _ => false,
    };
    if L::key(f) != L::key(g) || a.len() != b.len() || !a.iter().zip(&b).all(|(x, y)| same(x, y)) {
        panic!(
            "metatrace: Language::rebuild is not the inverse of Language::key and Language::reds: \
             the frame at {} with reds {a:?} was rebuilt at {} with reds {b:?} (rebuild must \
             take all the reds, in the order reds lists them; checked in debug builds)",
            L::key(f),
            L::key(g)
        );
    }
}

/// A position on the root stack: what [`Ctx::root`] returns and [`Ctx::unroot`] truncates
/// back to.
#[must_use = "pass the mark to Ctx::unroot when the references need not stay alive"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RootMark(pub(crate) usize);

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
    /// `Display` form names the position in traces (`fib@3`; in snapshots, the characters
    /// `:`, `;`, `[` and `]` of it are shown as `.`). Frames at the same key must hold the same
    /// number and types of reds ([`Language::reds`]): compiled code entered at a loop header
    /// takes them as its inputs (checked in debug builds). Green state that varies at a
    /// position (a stack depth, say) belongs in the key.
    type Key: Copy + Eq + Hash + Debug + Display;

    /// Where the frame stands.
    fn key<R: Reds>(f: &Self::Frame<R>) -> Self::Key;
    /// The frame's red values, in a fixed order: all of them (the locals *and* the value
    /// stack, say). Frames that leave compiled code, or enter it, are rebuilt from their key
    /// and these values alone ([`Language::rebuild`]): a value left out is lost.
    fn reds<R: Reds>(f: &Self::Frame<R>, out: &mut Vec<Red<R>>);
    /// Builds a frame at `key` from red values listed as [`Language::reds`] lists them.
    /// (Generic over the iterator, not a `dyn` one: a guard failure rebuilds the frame from
    /// every word of its snapshot, and a virtual call per value made that path cost several
    /// times a loop iteration of the interpreter in frames of a thousand values.)
    fn rebuild<R: Reds>(&self, key: Self::Key, reds: &mut impl Iterator<Item = Red<R>>) -> Self::Frame<R>;
    /// Moves frame `f` to `key`, another position of the same activation, in place, and
    /// returns `true`; or returns `false` without touching anything (the default), and the
    /// driver makes the frame with [`Language::rebuild`] instead.
    ///
    /// Afterwards `f` must be the frame `rebuild(key, reds)` would make, where `reds` are the
    /// `len` reds of the frame at `key`. `changed` yields `(index, red)` in increasing order
    /// for every index where that red differs from the one `f` lists at the same index, or
    /// `f` lists none. A language whose reds keep their index across the positions of an
    /// activation (locals first, then the value stack, say) implements this so that a guard
    /// failure in a wide frame costs what changed, not the frame's width: the driver calls it
    /// when compiled code entered from `f` leaves at a position of `f`'s own activation.
    fn resume_in_place<R: Reds>(
        &self,
        f: &mut Self::Frame<R>,
        key: Self::Key,
        len: usize,
        changed: &mut impl Iterator<Item = (usize, Red<R>)>,
    ) -> bool {
        let _ = (f, key, len, changed);
        false
    }
    /// Appends the words of frame `f`'s reds to `out` (as [`Language::reds`] lists them: an
    /// int's bits, a float's bits, a reference's address) and returns `true`; or returns
    /// `false` without touching `out` (the default), and the driver lists the reds and makes
    /// their words itself. Entering compiled code copies a frame's reds into its frame buffer
    /// every time: a language whose frame keeps them as words (a vector of references, say)
    /// implements this so that entering a wide frame is a copy, not a value-by-value
    /// conversion. (Checked against `reds` in debug builds.)
    fn red_words<R: Reds<Int = i64, Float = f64, Ref = usize>>(f: &Self::Frame<R>, out: &mut Vec<u64>) -> bool {
        let _ = (f, out);
        false
    }
    /// Converts a returned value between red families, one red at a time.
    fn map_value<A: Reds, B: Reds>(v: Self::Value<A>, m: &mut dyn RedMap<A, B>) -> Self::Value<B>;
    /// Resumes a caller suspended in a call with the call's outcome: the rest of the call's
    /// instruction (the caller is as it was passed to [`Ctx::call_frame`],
    /// [`Ctx::call_native`] or [`Ctx::call_may_raise`]: positioned after the call, its
    /// arguments consumed). The driver calls it when compiled code leaves at or after such a
    /// call (with the concrete context), and when a bridge starts there (with the tracing one,
    /// so what it does is recorded). So everything the interpreter does in the call's
    /// instruction after the call returns must be what `deliver` does. Typically it stores the
    /// result (boxing it, say) or, for an exception, moves the frame to its handler; an
    /// instruction that does more after the call (tests the result, calls again) continues in
    /// a *continuation* instruction the frame is positioned at, which `deliver` leaves to the
    /// interpreter (the instruction may still do that work itself right after the call, as a
    /// shortcut: guards there hand the outcome to the caller if they fail).
    fn deliver<C: Ctx<Self>>(cx: &mut C, caller: &mut Self::Frame<C>, result: Self::Value<C>);
    /// What the heap object at `addr` is, in a word or two (`function fib`, `'abc'`), for
    /// the trace log's list of constants; `None`: its layout's name is shown.
    fn describe_const(addr: usize) -> Option<String> {
        let _ = addr;
        None
    }
    /// Whether a trace that inlines activation `f` follows one iteration of a loop `f` reaches
    /// before it calls the rest of `f` from the loop header instead (RPython's
    /// `should_unroll_one_iteration`; traces do not unroll the loops of the activations they
    /// inline). The default is no; a generator resumed by a loop usually gets to its next
    /// `yield` within one iteration of its own loop, which the trace then inlines whole.
    fn unroll_one_iteration<R: Reds>(f: &Self::Frame<R>) -> bool {
        let _ = f;
        false
    }
    /// The function an activation starting at `key` runs, as a key: traces that meet a call
    /// of a function already being inlined call it instead (recursion is not unrolled). The
    /// default is `key` itself (an activation's start is its function); a language whose
    /// activations may start elsewhere in a function (a generator resumed after a yield) maps
    /// every such start to one key.
    fn function_of(key: Self::Key) -> Self::Key {
        key
    }
    /// Whether calls are compiled: function entries (activation starts) get traces of their
    /// own, and traces call the functions they do not inline (recursion, too deep) through the
    /// driver (`call_assembler`). Needs [`Language::result_red`] and
    /// [`Language::result_from_red`]. Without it, such calls end the trace being recorded.
    const COMPILED_CALLS: bool = false;
    /// A result as one red value, if it is one that compiled code can receive (typically
    /// an ordinary return value, not an error). Traces keep such a result as a value of the
    /// trace after a call (guards after the call in the same instruction hand it to the caller
    /// through [`Language::deliver`]); compiled code calls functions it did not inline through
    /// the driver and continues with this value; function-entry traces end by returning it.
    /// Any other result (see [`Language::result_raised`]) leaves compiled code and reaches the
    /// caller in the interpreter.
    fn result_red<R: Reds>(v: &Self::Value<R>) -> Option<Red<R>> {
        let _ = v;
        None
    }
    /// The result made of one red value: the inverse of [`Language::result_red`].
    fn result_from_red<R: Reds>(r: Red<R>) -> Self::Value<R> {
        let _ = r;
        unreachable!("result_red never gives a red value for this language")
    }
    /// Whether results may carry exceptions that compiled code receives as values
    /// ([`Language::result_raised`] and [`Language::raised_result`] are implemented): calls that
    /// are not inlined (natives, calls through the driver) are then followed in traces by a
    /// check of the raise slot.
    const EXCEPTIONS: bool = false;
    /// The exception a result carries, if it is one that compiled code can receive: a raise
    /// out of a call (a helper, a native, a function compiled code calls) travels through the
    /// Vm's raise slot as one reference, traces follow it into the handler, and an exit taken
    /// because a call raised (or did not) gets bridges like any other.
    fn result_raised<R: Reds>(v: &Self::Value<R>) -> Option<R::Ref> {
        let _ = v;
        None
    }
    /// The result that raises `exc`: the inverse of [`Language::result_raised`].
    fn raised_result<R: Reds>(exc: R::Ref) -> Self::Value<R> {
        let _ = exc;
        unreachable!("result_raised never gives an exception for this language")
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
///
/// The memory preconditions are safety conditions, as an `unsafe fn`'s are: the heap
/// accesses (`getfield_*`, `setarrayitem_*`, ...) read and write the addresses they are given,
/// in the interpreter as in compiled code, so an access out of bounds or to a dead object is
/// undefined behaviour. They stay safe methods because every field and array access of an
/// interpreter goes through them; debug builds check the cheap part (no null reference, an
/// index within an array that has a length word) and panic with a message.
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
    /// collection happens only at safepoints (instruction boundaries, loop headers, calls),
    /// so a reference held in a Rust local stays valid until the next [`Ctx::call_frame`],
    /// [`Ctx::call_native`] or boundary; to hold one across those, root it ([`Ctx::root`]).
    fn new_object(&mut self, layout: &'static Layout) -> Self::Ref;
    /// Allocates a zeroed array of `len` items (`len >= 0`, checked by the interpreter).
    fn new_array(&mut self, layout: &'static Layout, len: Self::Int) -> Self::Ref;
    /// The class (layout address, header word 0) of a heap object, made green: while
    /// tracing, guards that the object keeps this class (`guard_class`).
    fn promote_class(&mut self, obj: Self::Ref) -> usize;

    /// Calls a Rust helper. `args` must match the helper's declared argument types; the
    /// result is `Some` exactly when the helper declares one. An elidable helper called with
    /// constant arguments while tracing is folded to its result. Helpers that may raise go
    /// through [`Ctx::call_may_raise`]; Rust code that may run the language again is a
    /// native ([`Ctx::call_native`]): a helper declared `MayReenter` is rejected here.
    fn call(&mut self, h: &Helper, args: &[Red<Self>]) -> Option<Red<Self>>;

    /// Calls a helper that may raise (declared [`Effect::MayRaise`](crate::Effect::MayRaise),
    /// or [`Effect::Elidable`](crate::Effect::Elidable) for a pure function that may raise,
    /// which is folded while tracing when its arguments are constants). The helper receives,
    /// before `args`, the address of the Vm's raise slot (a `u64`): it raises by storing a
    /// non-zero word there (an exception object, or any non-heap word such as an error code;
    /// the collector keeps heap objects there alive), and its result is then ignored.
    /// `h.args()` lists the helper's arguments including the leading slot address (a
    /// `Type::Ref`); the helper must return a value.
    ///
    /// The call ends `caller`'s instruction, as [`Ctx::call_frame`] does: `caller` is the
    /// calling frame as it should be resumed, and if compiled code leaves at or after the call,
    /// its outcome reaches `caller` through [`Language::deliver`]
    /// ([`Language::result_from_red`] of the result, or [`Language::raised_result`] of the
    /// exception). While tracing, the trace follows the outcome seen now (into the handler, if
    /// it raised) behind a guard, and a hot guard gets a bridge for the other outcome.
    ///
    /// ```ignore
    /// f.pc += 1; // the caller resumes after the call
    /// match cx.call_may_raise(f, &DICT_GETITEM, &[Red::Ref(d), Red::Ref(k)]) {
    ///     Ok(v) => f.push(v),               // what `deliver(f, Ok(v))` does
    ///     Err(exc) => f.raise(exc),         // what `deliver(f, Err(exc))` does
    /// }
    /// ```
    fn call_may_raise(
        &mut self,
        caller: &L::Frame<Self>,
        h: &Helper,
        args: &[Red<Self>],
    ) -> Result<Red<Self>, Self::Ref>;

    /// Calls a *native*: Rust code that may run the language again (a user `__eq__` during a
    /// dict probe, a `key=` function during a sort), allocate and collect. It runs on the
    /// concrete interpreter context, where [`Concrete::call_function`](crate::Concrete::call_function)
    /// runs a frame of the language to completion. `caller` is the calling frame as it should
    /// be resumed, as for [`Ctx::call_frame`]; the reference arguments stay alive during the
    /// call. While tracing, the call is residual (PyPy's `call_may_force`): it runs now, and
    /// the trace calls it again from compiled code, followed by `guard_not_forced` and a check
    /// of the raise slot, so compiled code survives a callback that deoptimizes, throws traces
    /// away or collects. Its result reaches the caller through [`Language::deliver`] if
    /// compiled code leaves at or after the call: a value of the native's declared type
    /// ([`Language::result_red`]) or an exception ([`Language::result_raised`]) stays in
    /// compiled code, any other result is *forced* back to the interpreter.
    fn call_native(&mut self, caller: &L::Frame<Self>, n: &'static Native<L>, args: &[Red<Self>]) -> L::Value<Self>;

    /// Keeps `r` alive across calls and safepoints until [`Ctx::unroot`] is given the
    /// returned mark (or an earlier one): a root scope for references held in Rust locals.
    /// Costs nothing in compiled code (roots are for Rust code; traces know their own values).
    ///
    /// ```ignore
    /// let mark = cx.root(keys);            // `keys` survives the calls below
    /// for i in 0..n { let k = cx.call_native(f, &KEY_FN, &[...]); /* ... */ }
    /// cx.unroot(mark);
    /// ```
    fn root(&mut self, r: Self::Ref) -> RootMark;
    /// Drops every root pushed since `mark` was returned by [`Ctx::root`] (`mark`'s included).
    /// (The roots a native leaves pushed are dropped when it returns.)
    fn unroot(&mut self, mark: RootMark);

    /// Reads a quasi-immutable cell: a value that rarely changes. The trace treats it as a
    /// constant and is invalidated when [`Ctx::quasi_set`] changes it.
    fn quasi_get(&mut self, q: QuasiId) -> i64;
    /// Changes a quasi-immutable cell, invalidating every trace that depends on it.
    fn quasi_set(&mut self, q: QuasiId, v: i64);
    /// Creates a quasi-immutable cell holding `v` and returns its id ([`QuasiId::to_raw`]) as
    /// a red integer, which can be stored in a heap object (a class's version tag); turn it
    /// back into a [`QuasiId`] once promoted (`QuasiId::from_raw(cx.promote_int(id))`).
    ///
    /// [`QuasiId`]: crate::QuasiId
    /// [`QuasiId::to_raw`]: crate::QuasiId::to_raw
    fn quasi_new(&mut self, v: i64) -> Self::Int;
    /// Frees a cell nobody refers to any more (the object holding it died): traces that
    /// depend on it are invalidated, and its id may be given to a new cell.
    fn quasi_free(&mut self, q: QuasiId);

    /// RPython's `we_are_jitted`: `true` while tracing (and so in compiled code), `false` in
    /// the interpreter. For code that does something cheaper to trace than to interpret (or
    /// the other way round) with the same result.
    fn we_are_jitted(&self) -> bool;
    /// Whether the value is a constant of the trace being recorded (RPython's `isconstant`):
    /// for decisions such as unrolling a loop over a container only when its length is known.
    /// Always `false` in the interpreter.
    fn is_constant_int(&self, v: Self::Int) -> bool;
    /// Whether the reference is a constant of the trace being recorded (see
    /// [`Ctx::is_constant_int`]).
    fn is_constant_ref(&self, r: Self::Ref) -> bool;
    /// Tells the trace that `obj` has class `class` (a layout address, as
    /// [`Ctx::promote_class`] returns) without a guard: the interpreter knows it for a
    /// reason the trace does not show (RPython's `record_exact_class`). Later
    /// `promote_class` guards on `obj` disappear. A wrong claim is a bug of the interpreter.
    fn record_known_class(&mut self, obj: Self::Ref, class: usize);

    /// Marks an instruction boundary (RPython's `jit_merge_point`): call it at the top of
    /// the interpreter loop, before every instruction, and obey the result. Traces snapshot
    /// frames and close their loops here: without it the JIT compiles nothing (in debug
    /// builds, a trace that reaches a [`Ctx::loop_header`] without passing one panics).
    fn merge_point(&mut self, f: &L::Frame<Self>) -> Control;
    /// Marks a backward jump (RPython's `can_enter_jit`): call it after setting the frame's
    /// position to the jump target, obey the result, then dispatch from the frame's position
    /// (compiled code may have run and moved the frame anywhere: do not set the position
    /// after it returns).
    ///
    /// ```ignore
    /// Op::JumpBack(target) => {
    ///     f.pc = target;
    ///     if cx.loop_header(f).leave() {
    ///         return Flow::Leave;
    ///     }
    ///     continue; // to the merge point, at wherever `f` stands now
    /// }
    /// ```
    fn loop_header(&mut self, f: &mut L::Frame<Self>) -> Control;
    /// Calls a function of the language: runs `callee` to completion through the driver.
    /// `caller` is the calling frame as it should be resumed (position after the call, its
    /// arguments consumed), see [`Language::deliver`]: compiled code that leaves in the callee
    /// or after the call rebuilds the caller from what was passed here, and continues it with
    /// `deliver` and then the interpreter. So move the position *before* the call; advancing
    /// it afterwards computes the same in the interpreter but runs the call twice once compiled
    /// code leaves there (in debug builds, passing the caller at the position of its last
    /// merge point panics). The call may collect: references the instruction holds in Rust
    /// locals across it must be rooted ([`Ctx::root`]) or be in `caller` or `callee`.
    ///
    /// ```ignore
    /// Op::Call(func, nargs) => {
    ///     let args = f.stack.split_off(f.stack.len() - nargs); // consumed by the call
    ///     let callee = Frame::new(func, args);
    ///     f.pc += 1; // the caller resumes after the call
    ///     let v = cx.call_frame(f, callee);
    ///     f.stack.push(v); // the rest of the instruction: exactly what `deliver` does
    ///     continue; // the position has moved already
    /// }
    /// ```
    fn call_frame(&mut self, caller: &L::Frame<Self>, callee: L::Frame<Self>) -> L::Value<Self>;

    // The objects a full language needs (see the `heap` module): checked sizes, the
    // finalizer queue, memory outside the heap.

    /// Allocates a zeroed object with `len` items (an array, or a [`Layout::var`] object), or
    /// `None` if `len` is negative, the object would be too large
    /// ([`MAX_OBJECT_BYTES`](crate::heap::MAX_OBJECT_BYTES)) or the system has no memory for
    /// it: the interpreter raises its `MemoryError`. ([`Ctx::new_array`] is for lengths the
    /// interpreter controls; it panics on such a length.)
    ///
    /// While tracing, a length that is a constant and small is allocated like `new_array`
    /// (inline in compiled code, or removed by the optimizer), one known to fail records
    /// nothing; any other length records a call of the heap's checked allocation followed by
    /// a guard that its outcome (an object, or none) is the one observed. The allocation is
    /// not a side effect (re-running the instruction just allocates again), so the guard is
    /// allowed as long as the instruction made no effect before: call it before writing
    /// anything.
    fn try_new_array(&mut self, layout: &'static Layout, len: Self::Int) -> Option<Self::Ref>;

    /// Takes the oldest object waiting for its interpreter-level finalizer (`__del__`; see
    /// [`Layout::with_finalizer_queue`]), if any: poll at a safe point, at the start of an
    /// instruction (a loop's back edge, a call), and run the finalizer. The object is no
    /// longer kept alive by the queue: keep it in a frame (a red slot) while its finalizer
    /// runs; it is freed by a later collection once unreachable again.
    ///
    /// While tracing, it records a read-only call counting the queue and a guard on whether
    /// it is empty (compiled code polls for real, and leaves when something is queued; the
    /// guard is before any effect), then, when not empty, a call that takes the object.
    fn take_finalizable(&mut self) -> Option<Self::Ref>;

    /// Adds `bytes` (counted as 0 if negative) to the memory outside the heap that `obj`
    /// owns, whose layout declares the field counting it ([`Layout::with_external`]): they
    /// count towards the next collection as allocations do, and are released when the heap
    /// frees `obj` (whose Rust finalizer frees the memory). While tracing, a residual call.
    fn attach_memory_pressure(&mut self, obj: Self::Ref, bytes: Self::Int);
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
    ///     f.pc += 1; // the caller resumes after the call
    ///     let v = cx.call_frame(f, callee);
    ///     // ... as `deliver` does
    /// }
    /// ```
    fn stack_ok(&mut self) -> bool;
}
