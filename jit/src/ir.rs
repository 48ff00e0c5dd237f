//! The trace IR: one table of operations, and the types every other module builds on.
//!
//! A trace is a straight line of operations in SSA form. Every value has one of three
//! types — a 64-bit integer (`i`), a 64-bit float (`f`) or a reference (`p`, a pointer-sized
//! word). Operands are either values defined earlier in the trace or constants written inline.
//! Guards carry a [`Snapshot`]: the interpreter frames to rebuild if the guard fails.
//!
//! The operation set is defined once, by the `operations!` table below. Each row gives the
//! opcode, its name in the text format, its argument and result types, its flags and a doc
//! line; the [`Opcode`] enum, its name lookup (printer and parser), its signature (verifier)
//! and its predicates (optimizer, backend) are all derived from that table.

mod chunked;
mod slots;
pub use chunked::{Chunked, ChunkedIter, CHUNK};
pub use slots::{Slots, SlotsMemo};
use std::rc::Rc;

/// The type of a trace value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// A 64-bit two's-complement integer (also used for booleans: 0 or 1).
    Int,
    /// A 64-bit IEEE float.
    Float,
    /// A pointer-sized reference (an object, an array, or a Rust-side handle).
    Ref,
}

impl Type {
    /// The one-letter prefix of values of this type in the text format.
    pub fn prefix(self) -> char {
        match self {
            Type::Int => 'i',
            Type::Float => 'f',
            Type::Ref => 'p',
        }
    }
}

/// The type of an argument slot in an operation's signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgType {
    /// Exactly this type.
    Is(Type),
    /// Any type, but the same as the operation's first argument.
    Same,
    /// Any type (the descriptor says which: stored values).
    Any,
}

/// What an operation's arguments look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arity {
    /// A fixed list of argument types.
    Fixed(&'static [ArgType]),
    /// Any number of arguments of any type (`label`, `jump`, calls: checked against a descr).
    Variadic,
}

/// Bit flags that describe an operation's behaviour to the optimizer and backend.
pub mod flags {
    /// No side effects and no dependence on mutable state: may be folded, CSE'd and removed.
    pub const PURE: u16 = 1;
    /// A guard: leaves the trace through its snapshot when its condition does not hold.
    pub const GUARD: u16 = 2;
    /// Commutative in its two arguments.
    pub const COMM: u16 = 4;
    /// An overflow-checked arithmetic operation; must be followed by `guard_no_overflow` or
    /// `guard_overflow`.
    pub const OVF: u16 = 8;
    /// Takes a descriptor (`descr=`).
    pub const DESCR: u16 = 16;
    /// Reads memory (depends on the heap; never CSE'd across writes or calls).
    pub const READ: u16 = 32;
    /// Writes memory or has other side effects.
    pub const EFFECT: u16 = 64;
    /// A call; its effects are described by its [`CallDescr`](super::CallDescr).
    pub const CALL: u16 = 128;
    /// Ends the trace (`jump`, `finish`, `guard_always_fails`).
    pub const FINAL: u16 = 256;
    /// Allocates a heap object: no other side effect; removable when unused.
    pub const ALLOC: u16 = 512;
}

macro_rules! operations {
    ($( $(#[doc = $doc:literal])* $variant:ident $name:literal ( $($sig:tt)* ) -> $res:tt [$($flag:ident)|*]; )*) => {
        /// Every operation of the trace IR (derived from the table in `ir.rs`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Opcode {
            /// All opcodes, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant),*];

            /// The operation's name in the text format.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$variant => $name,)* }
            }

            /// The argument signature.
            pub fn arity(self) -> Arity {
                match self { $(Opcode::$variant => operations!(@arity $($sig)*),)* }
            }

            /// The result type, if the operation produces a value.
            pub fn result(self) -> Option<Type> {
                match self { $(Opcode::$variant => operations!(@res $res),)* }
            }

            /// The operation's flags (see [`flags`]).
            pub fn flags(self) -> u16 {
                match self { $(Opcode::$variant => 0 $(| flags::$flag)*,)* }
            }

            /// The doc line of the operation's table row.
            pub fn doc(self) -> &'static str {
                match self { $(Opcode::$variant => concat!($($doc),*),)* }
            }

            /// Looks an opcode up by its text-format name.
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name { $($name => Some(Opcode::$variant),)* _ => None }
            }
        }
    };
    (@arity *) => { Arity::Variadic };
    (@arity $($arg:ident),*) => { Arity::Fixed(&[$(operations!(@arg $arg)),*]) };
    (@arg i) => { ArgType::Is(Type::Int) };
    (@arg f) => { ArgType::Is(Type::Float) };
    (@arg p) => { ArgType::Is(Type::Ref) };
    (@arg same) => { ArgType::Same };
    (@arg any) => { ArgType::Any };
    (@res i) => { Some(Type::Int) };
    (@res f) => { Some(Type::Float) };
    (@res p) => { Some(Type::Ref) };
    (@res none) => { None };
}

operations! {
    // ---- integer arithmetic -------------------------------------------------------------
    /// Wrapping 64-bit addition.
    IntAdd "int_add" (i, i) -> i [PURE | COMM];
    /// Wrapping 64-bit subtraction.
    IntSub "int_sub" (i, i) -> i [PURE];
    /// Wrapping 64-bit multiplication.
    IntMul "int_mul" (i, i) -> i [PURE | COMM];
    /// Division rounding towards negative infinity (Python's `//`); the divisor is never 0
    /// and the pair is never (MIN, -1): the interpreter checks before it divides.
    IntFloorDiv "int_floordiv" (i, i) -> i [PURE];
    /// Remainder with the sign of the divisor (Python's `%`); same preconditions as floordiv.
    IntMod "int_mod" (i, i) -> i [PURE];
    /// `int_floordiv` where both operands are known not to be negative (the range analysis
    /// makes it, see `opt::bounds`): nothing to round for the signs, so it is the unsigned
    /// quotient. The divisor is never 0.
    UintFloorDiv "uint_floordiv" (i, i) -> i [PURE];
    /// `int_mod` where both operands are known not to be negative (see `uint_floordiv`): the
    /// unsigned remainder.
    UintMod "uint_mod" (i, i) -> i [PURE];
    /// Bitwise and.
    IntAnd "int_and" (i, i) -> i [PURE | COMM];
    /// Bitwise or.
    IntOr "int_or" (i, i) -> i [PURE | COMM];
    /// Bitwise exclusive or.
    IntXor "int_xor" (i, i) -> i [PURE | COMM];
    /// Left shift; the shift count is in 0..64.
    IntLshift "int_lshift" (i, i) -> i [PURE];
    /// Arithmetic right shift; the shift count is in 0..64.
    IntRshift "int_rshift" (i, i) -> i [PURE];
    /// Wrapping negation.
    IntNeg "int_neg" (i) -> i [PURE];
    /// Bitwise not.
    IntInvert "int_invert" (i) -> i [PURE];
    /// Addition that sets the overflow condition; followed by a guard on it.
    IntAddOvf "int_add_ovf" (i, i) -> i [OVF | COMM];
    /// Subtraction that sets the overflow condition; followed by a guard on it.
    IntSubOvf "int_sub_ovf" (i, i) -> i [OVF];
    /// Multiplication that sets the overflow condition; followed by a guard on it.
    IntMulOvf "int_mul_ovf" (i, i) -> i [OVF | COMM];
    // ---- integer comparisons (results are 0 or 1) ----------------------------------------
    /// Signed less-than.
    IntLt "int_lt" (i, i) -> i [PURE];
    /// Signed less-or-equal.
    IntLe "int_le" (i, i) -> i [PURE];
    /// Equality.
    IntEq "int_eq" (i, i) -> i [PURE | COMM];
    /// Inequality.
    IntNe "int_ne" (i, i) -> i [PURE | COMM];
    /// Signed greater-than.
    IntGt "int_gt" (i, i) -> i [PURE];
    /// Signed greater-or-equal.
    IntGe "int_ge" (i, i) -> i [PURE];
    /// Unsigned less-than (bounds checks: `0 <= i < n` in one comparison).
    UintLt "uint_lt" (i, i) -> i [PURE];
    /// 1 if the argument is 0, else 0.
    IntIsZero "int_is_zero" (i) -> i [PURE];
    /// 1 if the argument is not 0, else 0.
    IntIsTrue "int_is_true" (i) -> i [PURE];
    // ---- floats ------------------------------------------------------------------------
    /// Float addition.
    FloatAdd "float_add" (f, f) -> f [PURE | COMM];
    /// Float subtraction.
    FloatSub "float_sub" (f, f) -> f [PURE];
    /// Float multiplication.
    FloatMul "float_mul" (f, f) -> f [PURE | COMM];
    /// Float division (IEEE: dividing by zero gives an infinity or NaN).
    FloatTrueDiv "float_truediv" (f, f) -> f [PURE];
    /// Float negation.
    FloatNeg "float_neg" (f) -> f [PURE];
    /// Float absolute value.
    FloatAbs "float_abs" (f) -> f [PURE];
    /// Float square root.
    FloatSqrt "float_sqrt" (f) -> f [PURE];
    /// Float less-than.
    FloatLt "float_lt" (f, f) -> i [PURE];
    /// Float less-or-equal.
    FloatLe "float_le" (f, f) -> i [PURE];
    /// Float equality.
    FloatEq "float_eq" (f, f) -> i [PURE | COMM];
    /// Float inequality.
    FloatNe "float_ne" (f, f) -> i [PURE | COMM];
    /// Float greater-than.
    FloatGt "float_gt" (f, f) -> i [PURE];
    /// Float greater-or-equal.
    FloatGe "float_ge" (f, f) -> i [PURE];
    /// Integer to float conversion.
    CastIntToFloat "cast_int_to_float" (i) -> f [PURE];
    /// Float to integer conversion, truncating; the float is finite and in range.
    CastFloatToInt "cast_float_to_int" (f) -> i [PURE];
    /// Reinterprets the bits of a float as an integer.
    FloatBitsToInt "float_bits_to_int" (f) -> i [PURE];
    /// Reinterprets the bits of an integer as a float.
    IntBitsToFloat "int_bits_to_float" (i) -> f [PURE];
    // ---- references --------------------------------------------------------------------
    /// Reference identity.
    PtrEq "ptr_eq" (p, p) -> i [PURE | COMM];
    /// Reference non-identity.
    PtrNe "ptr_ne" (p, p) -> i [PURE | COMM];
    // ---- selection (branch-free choice, see `opt::ifconv`) -------------------------------
    /// The second argument if the first is non-zero, else the third (`c ? a : b`); both
    /// arms are computed before it, and no branch is taken.
    IntSelect "int_select" (i, i, i) -> i [PURE];
    /// As `int_select`, choosing between two floats.
    FloatSelect "float_select" (i, f, f) -> f [PURE];
    /// As `int_select`, choosing between two references.
    PtrSelect "ptr_select" (i, p, p) -> p [PURE];
    // ---- guards ------------------------------------------------------------------------
    /// Leaves the trace unless the argument is non-zero.
    GuardTrue "guard_true" (i) -> none [GUARD];
    /// Leaves the trace unless the argument is zero.
    GuardFalse "guard_false" (i) -> none [GUARD];
    /// Leaves the trace unless the first argument equals the constant second one.
    GuardValue "guard_value" (same, same) -> none [GUARD];
    /// Leaves the trace unless the reference is null.
    GuardIsNull "guard_isnull" (p) -> none [GUARD];
    /// Leaves the trace unless the reference is not null.
    GuardNonNull "guard_nonnull" (p) -> none [GUARD];
    /// Leaves the trace unless the object's header word (its class) is the constant given.
    GuardClass "guard_class" (p, p) -> none [GUARD];
    /// Leaves the trace if the preceding overflow-checked operation overflowed.
    GuardNoOverflow "guard_no_overflow" () -> none [GUARD];
    /// Leaves the trace unless the preceding overflow-checked operation overflowed.
    GuardOverflow "guard_overflow" () -> none [GUARD];
    /// A safepoint at the top of a loop iteration or the start of a function entry: leaves the
    /// trace if the word at the (constant) address is non-zero — the heap wants a collection —
    /// so the interpreter can collect at an instruction boundary. Never merged; removed only
    /// where nothing can allocate (see `opt::guards`).
    GuardSafepoint "guard_safepoint" (p) -> none [GUARD];
    /// Leaves the trace if the word at the (constant) address given is non-zero: a
    /// quasi-immutable value the trace depends on has changed since it was compiled.
    GuardNotInvalidated "guard_not_invalidated" (p) -> none [GUARD];
    /// Follows a `call_assembler_*` or `call_may_force_*`: leaves the trace if the word at the
    /// (constant) address is non-zero — the call's result was neither a value of the call's
    /// type nor an exception; the driver then hands that parked result to the caller suspended
    /// in the call (the innermost frame of the snapshot). Never removed or merged.
    GuardNotForced "guard_not_forced" (p) -> none [GUARD];
    /// Leaves the trace, always: the end of a *segment*. A trace too long to compile in one
    /// piece is compiled up to its last guard, and this exit (with that guard's snapshot) grows
    /// the rest as a bridge at its first failure (RPython's `guard_always_fails`).
    GuardAlwaysFails "guard_always_fails" () -> none [GUARD | FINAL];
    /// Lets the optimizer know the object's class (the constant) without a guard: the
    /// interpreter knows it for a reason the trace does not show (RPython's
    /// `record_exact_class`). Emits no code.
    RecordKnownClass "record_known_class" (p, p) -> none [];
    /// Lets the optimizer know that the integer lies in `[lo, hi]` (the constant second and
    /// third arguments) without a guard: a bridge inherits what its parent trace knew of the
    /// values at the failing guard (see `opt::inherit`). Emits no code.
    RecordKnownRange "record_known_range" (i, i, i) -> none [];
    // ---- memory (through descriptors) --------------------------------------------------
    /// Reads an integer field (sign- or zero-extended per the descr's kind).
    GetfieldI "getfield_i" (p) -> i [DESCR | READ];
    /// Reads a float field.
    GetfieldF "getfield_f" (p) -> f [DESCR | READ];
    /// Reads a reference field.
    GetfieldR "getfield_r" (p) -> p [DESCR | READ];
    /// Writes a field (truncated to the descr's kind).
    Setfield "setfield" (p, any) -> none [DESCR | EFFECT];
    /// Reads an integer array item; the index is in bounds.
    GetarrayitemI "getarrayitem_i" (p, i) -> i [DESCR | READ];
    /// Reads a float array item; the index is in bounds.
    GetarrayitemF "getarrayitem_f" (p, i) -> f [DESCR | READ];
    /// Reads a reference array item; the index is in bounds.
    GetarrayitemR "getarrayitem_r" (p, i) -> p [DESCR | READ];
    /// Writes an array item; the index is in bounds. (Arguments: array, index, value.)
    Setarrayitem "setarrayitem" (p, i, any) -> none [DESCR | EFFECT];
    /// Reads an array's length field.
    Arraylen "arraylen" (p) -> i [DESCR | READ];
    // ---- allocation --------------------------------------------------------------------
    /// Allocates a zeroed object of the size descr's layout (header set, fields zero).
    New "new" () -> p [DESCR | ALLOC];
    /// Allocates a zeroed array of the given length (>= 0) of the size descr's layout.
    NewArray "new_array" (i) -> p [DESCR | ALLOC];
    // ---- calls -------------------------------------------------------------------------
    /// Calls a Rust helper returning an integer; effects come from the call descr.
    CallI "call_i" (*) -> i [DESCR | CALL];
    /// Calls a Rust helper returning a float.
    CallF "call_f" (*) -> f [DESCR | CALL];
    /// Calls a Rust helper returning a reference.
    CallR "call_r" (*) -> p [DESCR | CALL];
    /// Calls a Rust helper returning nothing.
    CallN "call_n" (*) -> none [DESCR | CALL];
    /// Runs a function of the interpreted language to completion (a call the tracer did not
    /// inline, e.g. recursion) and returns its integer result. Arguments: the driver's
    /// context (a constant address whose first word heads the chain of live-reference records
    /// the collector scans), the call target's number in the driver (a constant), the address
    /// of the target's *direct entry* word (a constant; 0 for none), then the callee frame's
    /// reds. When the direct entry word holds compiled code, the call runs it directly;
    /// otherwise, or when that code leaves other than by returning, the call descr's function
    /// (the driver's entry point) takes over. See the backend for the protocol.
    CallAssemblerI "call_assembler_i" (*) -> i [DESCR | CALL];
    /// As `call_assembler_i`, for a float result.
    CallAssemblerF "call_assembler_f" (*) -> f [DESCR | CALL];
    /// As `call_assembler_i`, for a reference result.
    CallAssemblerR "call_assembler_r" (*) -> p [DESCR | CALL];
    /// Runs Rust code that may run the interpreted language again (a *native*: a user
    /// `__eq__` inside a dict probe, a `key=` callback inside a sort) and returns its integer
    /// result; PyPy's `call_may_force`. Arguments: the driver's context (as for
    /// `call_assembler_i`: its first word heads the chain of live-reference records), the
    /// native's number in the driver (a constant), then the native's arguments. The call may
    /// collect, deoptimize and throw traces away; it raises by storing the exception in the
    /// raise slot (see `save_exception`) and forces (see `guard_not_forced`) any other result.
    CallMayForceI "call_may_force_i" (*) -> i [DESCR | CALL];
    /// As `call_may_force_i`, for a float result.
    CallMayForceF "call_may_force_f" (*) -> f [DESCR | CALL];
    /// As `call_may_force_i`, for a reference result.
    CallMayForceR "call_may_force_r" (*) -> p [DESCR | CALL];
    /// Reads the word at the (constant) address of the Vm's raise slot and clears the slot:
    /// the exception the preceding call raised, or null. A `guard_isnull` on it leaves the
    /// trace when the call raised; a `guard_nonnull` when it did not, on a path that follows
    /// the exception. Never removed.
    SaveException "save_exception" (p) -> p [EFFECT];
    // ---- control -----------------------------------------------------------------------
    /// The start of the peeled loop body; its arguments are the loop-carried values.
    Label "label" (*) -> none [];
    /// Jumps back to the label (or the trace start, if there is no label) with new values.
    Jump "jump" (*) -> none [FINAL];
    /// Ends a bridge or an entry trace: writes its arguments to the frame buffer and returns
    /// to the driver, which continues in the target loop (or the interpreter) with them.
    Finish "finish" (*) -> none [FINAL];
}

impl Opcode {
    /// Has the given flag bit.
    pub fn has(self, flag: u16) -> bool {
        self.flags() & flag != 0
    }
    /// No side effects, no memory reads: may be folded, CSE'd and dropped if unused.
    pub fn is_pure(self) -> bool {
        self.has(flags::PURE)
    }
    /// Is a guard.
    pub fn is_guard(self) -> bool {
        self.has(flags::GUARD)
    }
    /// Is an overflow-checked arithmetic operation.
    pub fn is_ovf(self) -> bool {
        self.has(flags::OVF)
    }
    /// Is commutative.
    pub fn is_commutative(self) -> bool {
        self.has(flags::COMM)
    }
    /// Is a call to a Rust helper.
    pub fn is_call(self) -> bool {
        self.has(flags::CALL)
    }
    /// Reads memory.
    pub fn reads_memory(self) -> bool {
        self.has(flags::READ)
    }
    /// Takes a descriptor.
    pub fn has_descr(self) -> bool {
        self.has(flags::DESCR)
    }
    /// The non-overflow-checked twin of an `_ovf` operation.
    pub fn without_ovf(self) -> Option<Opcode> {
        match self {
            Opcode::IntAddOvf => Some(Opcode::IntAdd),
            Opcode::IntSubOvf => Some(Opcode::IntSub),
            Opcode::IntMulOvf => Some(Opcode::IntMul),
            _ => None,
        }
    }
    /// Writes memory through a descriptor (`setfield`, `setarrayitem`).
    pub fn is_store(self) -> bool {
        matches!(self, Opcode::Setfield | Opcode::Setarrayitem)
    }
    /// The field read that returns the given type.
    pub fn getfield(ty: Type) -> Opcode {
        match ty {
            Type::Int => Opcode::GetfieldI,
            Type::Float => Opcode::GetfieldF,
            Type::Ref => Opcode::GetfieldR,
        }
    }
    /// The selection between two values of the given type.
    pub fn select(ty: Type) -> Opcode {
        match ty {
            Type::Int => Opcode::IntSelect,
            Type::Float => Opcode::FloatSelect,
            Type::Ref => Opcode::PtrSelect,
        }
    }
    /// Is a selection (`int_select`, `float_select`, `ptr_select`).
    pub fn is_select(self) -> bool {
        matches!(self, Opcode::IntSelect | Opcode::FloatSelect | Opcode::PtrSelect)
    }
    /// The array item read that returns the given type.
    pub fn getarrayitem(ty: Type) -> Opcode {
        match ty {
            Type::Int => Opcode::GetarrayitemI,
            Type::Float => Opcode::GetarrayitemF,
            Type::Ref => Opcode::GetarrayitemR,
        }
    }
    /// The `call_assembler_*` opcode that returns the given type.
    pub fn call_assembler_returning(ty: Type) -> Opcode {
        match ty {
            Type::Int => Opcode::CallAssemblerI,
            Type::Float => Opcode::CallAssemblerF,
            Type::Ref => Opcode::CallAssemblerR,
        }
    }
    /// The `call_may_force_*` opcode that returns the given type.
    pub fn call_may_force_returning(ty: Type) -> Opcode {
        match ty {
            Type::Int => Opcode::CallMayForceI,
            Type::Float => Opcode::CallMayForceF,
            Type::Ref => Opcode::CallMayForceR,
        }
    }
    /// A call that may run the interpreted language (`call_assembler_*`, `call_may_force_*`):
    /// compiled code keeps the references live across it in a live record.
    pub fn is_portal_call(self) -> bool {
        use Opcode::*;
        matches!(self, CallAssemblerI | CallAssemblerF | CallAssemblerR | CallMayForceI | CallMayForceF | CallMayForceR)
    }
    /// The call opcode that returns the given type.
    pub fn call_returning(ty: Option<Type>) -> Opcode {
        match ty {
            Some(Type::Int) => Opcode::CallI,
            Some(Type::Float) => Opcode::CallF,
            Some(Type::Ref) => Opcode::CallR,
            None => Opcode::CallN,
        }
    }
}

/// An SSA value defined by an operation (or a trace input).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value(pub u32);

/// An operand: a value of the trace, or a constant written inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operand {
    /// A value defined earlier in the trace.
    Value(Value),
    /// An integer constant.
    Int(i64),
    /// A float constant, stored as its bits so operands can be hashed and compared exactly.
    Float(u64),
    /// A reference constant (an address; printed without it, see `text.rs`).
    Ref(u64),
    /// A virtual object of the enclosing snapshot (`Snapshot::virtuals[k]`): an allocation
    /// the optimizer removed, materialized by the driver only if the guard fails. Appears
    /// only in snapshots.
    Virtual(u32),
}

impl Operand {
    /// A float constant.
    pub fn float(v: f64) -> Operand {
        Operand::Float(v.to_bits())
    }
    /// The value, if this operand is one.
    pub fn as_value(self) -> Option<Value> {
        match self {
            Operand::Value(v) => Some(v),
            _ => None,
        }
    }
    /// The integer constant, if this operand is one.
    pub fn as_int(self) -> Option<i64> {
        match self {
            Operand::Int(v) => Some(v),
            _ => None,
        }
    }
    /// The float constant, if this operand is one.
    pub fn as_float(self) -> Option<f64> {
        match self {
            Operand::Float(b) => Some(f64::from_bits(b)),
            _ => None,
        }
    }
    /// Is a constant (an integer, float or reference written inline).
    pub fn is_const(self) -> bool {
        matches!(self, Operand::Int(_) | Operand::Float(_) | Operand::Ref(_))
    }
    /// The 64-bit word of a constant as compiled code stores it (a float as its bits).
    pub fn const_word(self) -> Option<u64> {
        match self {
            Operand::Int(i) => Some(i as u64),
            Operand::Float(bits) | Operand::Ref(bits) => Some(bits),
            Operand::Value(_) | Operand::Virtual(_) => None,
        }
    }
}

impl From<Value> for Operand {
    fn from(v: Value) -> Operand {
        Operand::Value(v)
    }
}

/// How a field or array item is stored in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemKind {
    /// Signed byte.
    I8,
    /// Unsigned byte.
    U8,
    /// Signed 32-bit.
    I32,
    /// Unsigned 32-bit.
    U32,
    /// 64-bit integer.
    I64,
    /// 64-bit float.
    F64,
    /// Pointer-sized reference.
    Ref,
}

impl MemKind {
    /// What reading back the integer `c` after writing it to memory of this kind gives.
    pub fn truncate(self, c: i64) -> i64 {
        match self {
            MemKind::I8 => c as i8 as i64,
            MemKind::U8 => c as u8 as i64,
            MemKind::I32 => c as i32 as i64,
            MemKind::U32 => c as u32 as i64,
            MemKind::I64 | MemKind::F64 | MemKind::Ref => c,
        }
    }
    /// Size in bytes.
    pub const fn size(self) -> u32 {
        match self {
            MemKind::I8 | MemKind::U8 => 1,
            MemKind::I32 | MemKind::U32 => 4,
            MemKind::I64 | MemKind::F64 | MemKind::Ref => 8,
        }
    }
    /// The type of trace values read from or written to such memory.
    pub fn ty(self) -> Type {
        match self {
            MemKind::F64 => Type::Float,
            MemKind::Ref => Type::Ref,
            _ => Type::Int,
        }
    }
    /// Name in the text format.
    pub fn name(self) -> &'static str {
        match self {
            MemKind::I8 => "i8",
            MemKind::U8 => "u8",
            MemKind::I32 => "i32",
            MemKind::U32 => "u32",
            MemKind::I64 => "i64",
            MemKind::F64 => "f64",
            MemKind::Ref => "ref",
        }
    }
    /// Parses a text-format name.
    pub fn from_name(s: &str) -> Option<MemKind> {
        [MemKind::I8, MemKind::U8, MemKind::I32, MemKind::U32, MemKind::I64, MemKind::F64, MemKind::Ref]
            .into_iter()
            .find(|k| k.name() == s)
    }
}

/// What a residual call may do, from most to least optimizable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Effect {
    /// No side effects, result depends only on arguments: folded when arguments are constant
    /// at trace time, CSE'd, removed when unused.
    Elidable,
    /// Reads memory but writes none: never folded, but removed when unused.
    ReadOnly,
    /// Writes memory or does I/O; cannot raise.
    Write,
    /// May raise (report an error to the interpreter) as well as write.
    MayRaise,
    /// May run interpreter code again (re-entering the driver): everything is unknown after.
    /// The optimizer treats it as the strongest effect. (The toolchain does not yet hand
    /// helpers a way to re-enter: interpreter code that calls back into the language does
    /// so with `Ctx::call_frame`, which is traced through.)
    MayReenter,
}

impl Effect {
    /// Name in the text format.
    pub fn name(self) -> &'static str {
        match self {
            Effect::Elidable => "elidable",
            Effect::ReadOnly => "readonly",
            Effect::Write => "write",
            Effect::MayRaise => "mayraise",
            Effect::MayReenter => "reenter",
        }
    }
    /// Parses a text-format name.
    pub fn from_name(s: &str) -> Option<Effect> {
        [Effect::Elidable, Effect::ReadOnly, Effect::Write, Effect::MayRaise, Effect::MayReenter]
            .into_iter()
            .find(|e| e.name() == s)
    }
    /// Whether the call may write memory the trace has read (heap caches must forget).
    pub fn writes(self) -> bool {
        self >= Effect::Write
    }
}

/// A field of a fixed-layout object.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDescr {
    /// Offset in bytes from the object's address.
    pub offset: i32,
    /// How the field is stored.
    pub kind: MemKind,
    /// The field never changes after the object is built (reads may be CSE'd across writes).
    pub immutable: bool,
}

/// The items of an array object.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrayDescr {
    /// Offset in bytes from the array's address to item 0.
    pub base: i32,
    /// How each item is stored (items are `kind.size()` bytes apart).
    pub kind: MemKind,
    /// Offset of the length word (an i64), if the array has one.
    pub len_offset: Option<i32>,
}

/// A Rust helper called from traces.
#[derive(Clone, Debug, PartialEq)]
pub struct CallDescr {
    /// Address of an `extern "C"` function taking and returning 64-bit words (floats are
    /// passed as their bits). 0 in traces parsed from text (they are not run).
    pub func: u64,
    /// Argument types.
    pub args: Vec<Type>,
    /// Result type.
    pub ret: Option<Type>,
    /// What the call may do.
    pub effect: Effect,
}

/// How to allocate objects of one layout: what `new` and `new_array` need.
#[derive(Clone, Debug, PartialEq)]
pub struct SizeDescr {
    /// Bytes of a fixed object (of an array's fixed part), header included, rounded to the
    /// heap's grain.
    pub size: u32,
    /// The class word written to header word 0 (the layout's address).
    pub class: u64,
    /// Address of the free-list head to pop from (0: always take the slow path). For an
    /// array, the list of the size class of arrays of `exact_len` items.
    pub freelist: u64,
    /// Address of the heap, passed to the slow paths.
    pub heap: u64,
    /// `extern "C" fn(heap, class) -> object`: allocation when the free list is empty.
    pub slow: u64,
    /// `extern "C" fn(heap, class, len) -> array`: array allocation.
    pub slow_array: u64,
    /// For arrays: how items are stored.
    pub items: Option<MemKind>,
    /// For arrays: the one length allocated inline, from `freelist` (a `new_array` whose
    /// length is this constant); other lengths take the slow path.
    pub exact_len: Option<u32>,
    /// For arrays: offset of the length word, which the inline path writes.
    pub len_offset: i32,
    /// Objects of this kind have a finalizer: the optimizer never removes their allocation
    /// (the finalizer would not run).
    pub finalized: bool,
    /// Objects of this kind have no identity the language can observe, and every field is
    /// immutable and written when one is built: an object with the same fields may stand in
    /// for one (fern's and Python's boxed numbers). If-conversion may then rebuild an object
    /// from its fields (see `opt::ifconv`). `value` in the text format.
    pub value: bool,
}

/// What a descriptor describes.
#[derive(Clone, Debug, PartialEq)]
pub enum DescrKind {
    /// A field (`getfield_*`, `setfield`).
    Field(FieldDescr),
    /// Array items (`getarrayitem_*`, `setarrayitem`, `arraylen`).
    Array(ArrayDescr),
    /// A residual call.
    Call(CallDescr),
    /// An allocation.
    Size(SizeDescr),
}

/// A named descriptor: the static facts an operation needs about memory or a callee.
#[derive(Clone, Debug, PartialEq)]
pub struct Descr {
    /// The name shown in the text format (`descr=name`); unique within a trace.
    pub name: String,
    /// What it describes.
    pub kind: DescrKind,
}

/// Index of a descriptor in [`Trace::descrs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DescrId(pub u32);

/// Identifies an interpreter position (a green key) in a snapshot; names live in
/// [`Trace::keys`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyId(pub u32);

/// One interpreter frame of a snapshot: where it stands and what fills its red slots.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapFrame {
    /// The frame's position (green key).
    pub key: KeyId,
    /// The frame's red values, in the order the interpreter lists them (in chunks shared
    /// between snapshots: see [`Slots`]).
    pub values: Slots,
}

/// One field (or array item) of a virtual object.
#[derive(Clone, Debug, PartialEq)]
pub struct VirtualField {
    /// A field descr, or an array descr for items.
    pub descr: DescrId,
    /// The item index (0 for fields).
    pub index: u32,
    /// The value (possibly another `Operand::Virtual`).
    pub value: Operand,
}

/// An object the optimizer did not allocate, described so the driver can build it when a
/// guard fails: its allocation descr and the fields written so far (others are zero).
#[derive(Clone, Debug, PartialEq)]
pub struct VirtualObj {
    /// The size descr of its allocation.
    pub descr: DescrId,
    /// For arrays: the length.
    pub len: Option<u32>,
    /// Written fields and items.
    pub fields: Vec<VirtualField>,
}

/// Where the field words of a snapshot's virtual objects start in its exit's frame buffer,
/// given its `frame_words` (the slots of all its frames) and `field_words`: right after the
/// frames if there are no fields, else at the next multiple of [`FIELDS_ALIGN`], so that a
/// push or a pop on a value stack between neighbouring guards does not move the fields
/// (neighbouring exits share the stores of the words they agree on at the same position:
/// see `backend::exits`). The words in between are unused.
pub fn fields_at(frame_words: usize, field_words: usize) -> usize {
    if field_words == 0 {
        frame_words
    } else {
        frame_words.next_multiple_of(FIELDS_ALIGN)
    }
}

/// See [`fields_at`].
pub const FIELDS_ALIGN: usize = 16;

/// The interpreter state to rebuild when a guard fails: frames from outermost to innermost,
/// the virtual objects they (transitively) refer to, and the memory writes the compiled code
/// has put off until it leaves.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    /// Outermost first; the last one is where the interpreter resumes.
    pub frames: Vec<SnapFrame>,
    /// Objects referred to as `Operand::Virtual(k)`. A description is shared (`Rc`) between
    /// the snapshots that describe an object alike (a box that does not change is described
    /// once for all the guards that see it: on a wide frame these are most of a trace's
    /// memory); [`Snapshot::rewrite_uses`] copies one only where it changes. The list itself
    /// is in chunks shared with the snapshot before where they are the same (a wide callee's
    /// `k`-th guard has `k` virtual boxes, and the next one more).
    pub virtuals: Chunked<Rc<VirtualObj>>,
    /// Pending writes (`setfield`/`setarrayitem` ops, no snapshots of their own) that the exit
    /// performs, in order, before it writes the frame buffer: stores the optimizer sank out of
    /// the loop (see `opt::sink`). Their operands are never virtual.
    pub writes: Vec<Op>,
    /// The innermost frame is a caller suspended in a call, and its last value is not one of
    /// its reds but the call's outcome, which the driver hands to it (`Language::deliver`)
    /// before it resumes: a value the call returned, or an exception it raised. Guards after
    /// a call in the same instruction have such snapshots.
    pub deliver: Option<Deliver>,
}

/// What the last value of a delivering snapshot's innermost frame is (see [`Snapshot::deliver`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deliver {
    /// The value the call returned.
    Returned,
    /// The exception the call raised (a reference).
    Raised,
}

impl Deliver {
    /// Name in the text format.
    pub fn name(self) -> &'static str {
        match self {
            Deliver::Returned => "returned",
            Deliver::Raised => "raised",
        }
    }
}

impl Snapshot {
    /// Every operand the snapshot uses: [`operands`](Self::operands), then the arguments of
    /// the pending writes. Passes that rewrite or count uses go through these.
    pub fn uses(&self) -> impl Iterator<Item = &Operand> {
        self.operands().chain(self.writes.iter().flat_map(|w| w.args.iter()))
    }
    /// Replaces every operand `o` the snapshot uses for which `f(o)` is `Some`, in the order
    /// of [`uses`](Self::uses); `f` must answer the same for the same operand. Shared frame
    /// chunks and virtual descriptions are copied only where an operand is replaced, and a
    /// pass that rewrites many snapshots passes one `memo` for all, so that the snapshots that
    /// shared a chunk share its rewritten copy (see [`Slots::rewrite`]).
    pub fn rewrite_uses(&mut self, memo: &mut SlotsMemo, mut f: impl FnMut(Operand) -> Option<Operand>) {
        for fr in &mut self.frames {
            fr.values.rewrite(memo, &mut f);
        }
        let mut apply = |o: &mut Operand| {
            if let Some(n) = f(*o) {
                *o = n;
            }
        };
        self.virtuals.rewrite(|v| {
            // (`apply` on a copy of the field first: an unchanged description stays shared.)
            let changes = v.fields.iter().any(|x| {
                let mut o = x.value;
                apply(&mut o);
                o != x.value
            });
            changes.then(|| {
                let mut v = VirtualObj::clone(v);
                v.fields.iter_mut().for_each(|x| apply(&mut x.value));
                Rc::new(v)
            })
        });
        self.writes.iter_mut().for_each(|w| w.args.iter_mut().for_each(&mut apply));
    }
    /// How many [`operands`](Self::operands) there are (counted by frame, not walked).
    pub fn operand_count(&self) -> usize {
        self.frames.iter().map(|f| f.values.len()).sum::<usize>()
            + self.virtuals.iter().map(|v| v.fields.len()).sum::<usize>()
    }
    /// The operands of the words of the exit's frame buffer: frame values, outermost frame
    /// first, then the fields of each virtual (pending writes go to memory, not to the buffer).
    pub fn operands(&self) -> impl Iterator<Item = &Operand> {
        self.frames
            .iter()
            .flat_map(|f| f.values.iter())
            .chain(self.virtuals.iter().flat_map(|v| v.fields.iter().map(|f| &f.value)))
    }
    /// The operands of [`operands`](Self::operands) with the position of their word in the
    /// exit's frame buffer: the frames' values from 0 on, the fields from [`fields_at`].
    pub fn words(&self) -> impl Iterator<Item = (usize, &Operand)> {
        let at = self.fields_at();
        let frames = self.frames.iter().flat_map(|f| f.values.iter()).enumerate();
        let fields = self.virtuals.iter().flat_map(|v| v.fields.iter().map(|f| &f.value));
        frames.chain(fields.enumerate().map(move |(k, o)| (at + k, o)))
    }
    /// Where the virtual objects' field words start in the exit's frame buffer (see
    /// [`fields_at`]).
    pub fn fields_at(&self) -> usize {
        fields_at(self.frames.iter().map(|f| f.values.len()).sum(), self.field_count())
    }
    /// The number of words of the exit's frame buffer (see [`words`](Self::words)).
    pub fn word_count(&self) -> usize {
        self.fields_at() + self.field_count()
    }
    /// The number of the virtual objects' field words.
    fn field_count(&self) -> usize {
        self.virtuals.iter().map(|v| v.fields.len()).sum()
    }
    /// Fills in the words of the snapshot's constants in `words` (its exit's frame buffer):
    /// a guard's compiled exit leaves them unwritten, since they are known from the snapshot
    /// (see `backend::exits`), and whoever reads the words it wrote fills them in first.
    pub fn fill_constants(&self, words: &mut [u64]) {
        for (k, o) in self.words() {
            if let (Some(c), Some(w)) = (o.const_word(), words.get_mut(k)) {
                *w = c;
            }
        }
    }
}

/// One operation of a trace.
#[derive(Clone, Debug, PartialEq)]
pub struct Op {
    /// What it does.
    pub opcode: Opcode,
    /// Its arguments.
    pub args: Vec<Operand>,
    /// The value it defines, if its opcode has a result.
    pub result: Option<Value>,
    /// Its descriptor, if its opcode takes one.
    pub descr: Option<DescrId>,
    /// For guards: the state to resume from when it fails.
    pub snapshot: Option<Snapshot>,
}

impl Op {
    /// An operation without descr or snapshot.
    pub fn new(opcode: Opcode, args: Vec<Operand>, result: Option<Value>) -> Op {
        Op { opcode, args, result, descr: None, snapshot: None }
    }

    /// A copy without the snapshot (cheap: snapshots are most of an op's memory), for
    /// analyses that never read snapshots.
    pub fn without_snapshot(&self) -> Op {
        Op { opcode: self.opcode, args: self.args.clone(), result: self.result, descr: self.descr, snapshot: None }
    }
}

/// A trace: its inputs, operations, and the tables its operations refer to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The values live on entry, in frame-buffer order.
    pub inputs: Vec<Value>,
    /// The operations, in execution order. Ends with `jump`, `finish` or `guard_always_fails`
    /// (not while recording).
    pub ops: Vec<Op>,
    /// The type of every value, indexed by `Value.0`.
    pub types: Vec<Type>,
    /// Descriptors, indexed by `DescrId.0`.
    pub descrs: Vec<Descr>,
    /// Names of the green keys snapshots refer to, indexed by `KeyId.0`.
    pub keys: Vec<String>,
    /// The ranges `[lo, hi]` the optimizer assumed for integer label arguments in the loop
    /// body (`opt::bounds`), each as narrow as every assumption made: a loop entered at its
    /// label must check them (see `opt::short`). Not part of the text format.
    pub label_ranges: Vec<(Value, i64, i64)>,
}

impl Trace {
    /// An empty trace.
    pub fn new() -> Trace {
        Trace::default()
    }

    /// A copy whose operations have no snapshots ([`Op::without_snapshot`]), for trial walks
    /// of analyses that never read snapshots.
    pub fn without_snapshots(&self) -> Trace {
        Trace {
            inputs: self.inputs.clone(),
            ops: self.ops.iter().map(Op::without_snapshot).collect(),
            types: self.types.clone(),
            descrs: self.descrs.clone(),
            keys: self.keys.clone(),
            label_ranges: self.label_ranges.clone(),
        }
    }

    /// Defines a fresh value of the given type.
    pub fn new_value(&mut self, ty: Type) -> Value {
        self.types.push(ty);
        Value(self.types.len() as u32 - 1)
    }

    /// Adds a fresh input of the given type.
    pub fn add_input(&mut self, ty: Type) -> Value {
        let v = self.new_value(ty);
        self.inputs.push(v);
        v
    }

    /// The type of a value.
    pub fn type_of(&self, v: Value) -> Type {
        self.types[v.0 as usize]
    }

    /// The type of an operand.
    pub fn operand_type(&self, o: Operand) -> Type {
        match o {
            Operand::Value(v) => self.type_of(v),
            Operand::Int(_) => Type::Int,
            Operand::Float(_) => Type::Float,
            Operand::Ref(_) | Operand::Virtual(_) => Type::Ref,
        }
    }

    /// Appends an operation, defining its result value if it has one.
    pub fn push(&mut self, opcode: Opcode, args: Vec<Operand>) -> Option<Value> {
        let result = opcode.result().map(|t| self.new_value(t));
        self.ops.push(Op::new(opcode, args, result));
        result
    }

    /// Adds a descriptor, reusing an equal one with the same name.
    pub fn add_descr(&mut self, d: Descr) -> DescrId {
        if let Some(i) = self.descrs.iter().position(|e| *e == d) {
            return DescrId(i as u32);
        }
        self.descrs.push(d);
        DescrId(self.descrs.len() as u32 - 1)
    }

    /// The descriptor of an operation.
    pub fn descr(&self, id: DescrId) -> &Descr {
        &self.descrs[id.0 as usize]
    }

    /// The call descriptor of a call operation.
    pub fn call_descr(&self, op: &Op) -> Option<&CallDescr> {
        match &self.descr(op.descr?).kind {
            DescrKind::Call(c) => Some(c),
            _ => None,
        }
    }

    /// Interns a green-key name.
    pub fn key(&mut self, name: &str) -> KeyId {
        if let Some(i) = self.keys.iter().position(|k| k == name) {
            return KeyId(i as u32);
        }
        self.keys.push(name.to_string());
        KeyId(self.keys.len() as u32 - 1)
    }

    /// Number of guards.
    pub fn guard_count(&self) -> usize {
        self.ops.iter().filter(|o| o.opcode.is_guard()).count()
    }

    /// Guard number `n` (guards are numbered in op order, as their exits are).
    pub fn guard(&self, n: usize) -> Option<&Op> {
        self.ops.iter().filter(|o| o.opcode.is_guard()).nth(n)
    }

    /// Position of the `label` operation, if the trace has been peeled.
    pub fn label_index(&self) -> Option<usize> {
        self.ops.iter().position(|o| o.opcode == Opcode::Label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_names_round_trip() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_name(op.name()), Some(op), "{op:?}");
            assert!(!op.doc().is_empty(), "{op:?} has no doc line");
        }
    }

    #[test]
    fn guards_have_no_result_and_ovf_ops_are_not_pure() {
        for &op in Opcode::ALL {
            if op.is_guard() {
                assert_eq!(op.result(), None, "{op:?}");
            }
            if op.is_ovf() {
                assert!(!op.is_pure(), "{op:?}");
                assert!(op.without_ovf().is_some(), "{op:?}");
            }
        }
    }
}
