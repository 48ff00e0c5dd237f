//! mtpy's bytecode: the instruction table and code objects.
//!
//! Designed for tracing rather than copied from CPython's (though close to 3.11's):
//! - A code object is immutable and its instructions are plain Rust data: green. The pc is
//!   green; the frame's locals and value stack are its reds. The stack depth at every pc is
//!   fixed by the compiler, so the frame's red shape at a key never varies.
//! - Exceptions use a static *exception table* (as CPython 3.11): a raise inside
//!   `[start, end)` unwinds the value stack to `depth` items, pushes the exception and jumps to
//!   `handler`. No block stack lives in the frame, so traces see handlers as green jumps.
//! - Backward jumps are `JumpBack`, the only loop headers (`Ctx::loop_header`).
//! - Every instruction that may run user code (a dunder, a call) ends where that code is
//!   called, and what it does with the result is the caller's continuation: for most
//!   instructions, pushing the result. Instructions that do more after the call (a binary
//!   operator trying the reflected method after `NotImplemented`) are resumed in a *phase* of
//!   the same instruction, part of the frame's green key (see `interp`).
//!
//! Operands are `u32` indices: into `Code::consts`, `Code::names`, the frame's local slots, or
//! instruction positions. Stack effects are written `[before] -> [after]`, top of stack last.

use std::fmt;
use std::rc::Rc;

/// A binary operator (`+`, `-`, ...), also used in place (`+=`: `Binary { inplace: true }`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    /// `&`, `|` or `^`: the operators that keep two bools a bool.
    pub fn is_bitwise_logic(self) -> bool {
        matches!(self, BinOp::And | BinOp::Or | BinOp::Xor)
    }

    /// The operator as Python writes it (`+`), for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    /// The operator as an error message names it: `+`, or `+=` in place.
    pub fn symbol_in(self, inplace: bool) -> String {
        match (self, inplace) {
            (BinOp::Pow, true) => "**=".into(),
            (_, true) => format!("{}=", self.symbol()),
            (_, false) => self.symbol().into(),
        }
    }
    /// The special method (`__add__`) and its reflection (`__radd__`).
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__"),
            BinOp::Sub => ("__sub__", "__rsub__"),
            BinOp::Mul => ("__mul__", "__rmul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__"),
            BinOp::Pow => ("__pow__", "__rpow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__"),
            BinOp::And => ("__and__", "__rand__"),
            BinOp::Or => ("__or__", "__ror__"),
            BinOp::Xor => ("__xor__", "__rxor__"),
        }
    }
    /// The in-place special method (`__iadd__`).
    pub fn inplace_dunder(self) -> &'static str {
        match self {
            BinOp::Add => "__iadd__",
            BinOp::Sub => "__isub__",
            BinOp::Mul => "__imul__",
            BinOp::MatMul => "__imatmul__",
            BinOp::TrueDiv => "__itruediv__",
            BinOp::FloorDiv => "__ifloordiv__",
            BinOp::Mod => "__imod__",
            BinOp::Pow => "__ipow__",
            BinOp::LShift => "__ilshift__",
            BinOp::RShift => "__irshift__",
            BinOp::And => "__iand__",
            BinOp::Or => "__ior__",
            BinOp::Xor => "__ixor__",
        }
    }
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `not x` (never calls a dunder other than `__bool__`/`__len__`)
    Not,
}

/// A comparison operator. `is`, `is not`, `in` and `not in` are comparisons too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    /// The operator as Python writes it.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }

    /// The special method of a rich comparison (`__lt__`, ...).
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
            _ => unreachable!("identity and membership are not rich comparisons"),
        }
    }

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => other,
        }
    }
}

/// How `FormatValue` converts its value before formatting (`f"{x!r}"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// The instruction set. Each variant's doc gives its stack effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    // ---- constants, locals, names ------------------------------------------------------
    /// `[] -> [consts[k]]`
    LoadConst(u32),
    /// `[] -> [locals[i]]`; UnboundLocalError if the slot is empty (null).
    LoadFast(u32),
    /// `[v] -> []`, `locals[i] = v`
    StoreFast(u32),
    // Superinstructions: the compiler's last step (`fuse`) puts one in place of the first of
    // two instructions that often run in a row, leaving the second where it was (jumps may
    // land on it). One runs both and goes on after the second; when the second would need
    // more than its common case (an unbound local), it runs only the first, and the second
    // then runs as itself.
    /// `LoadFast(a)`, then the `LoadFast(b)` after it.
    LoadFastLoadFast(u32, u32),
    /// `LoadFast(a)`, then the `LoadConst(k)` after it.
    LoadFastLoadConst(u32, u32),
    /// `LoadFast(local)`, then the `LoadConst(konst)` and the `Binary { op, inplace: false }`
    /// after it (`n - 1`): one dispatch for the three when the local is bound; when the
    /// operation calls user code or raises, the frame stands at the `Binary` as if it had
    /// run the loads (see `run_frame`).
    LoadFastConstBinary { local: u32, konst: u32, op: BinOp },
    /// `StoreFast(a)`, then the `LoadFast(b)` after it.
    StoreFastLoadFast(u32, u32),
    /// `LoadFast(a)`, then the `LoadAttr(n)` after it (`self.x`), with that instruction's
    /// inline cache; only the interpreter runs both (a trace records `LoadFast` alone, then
    /// the `LoadAttr`), and only when the attribute is there at once.
    LoadFastLoadAttr(u32, u32),
    /// `Binary { op, inplace }`, then the `StoreFast(local)` after it (`c = a + b`); in place
    /// (`x += 1`) only on numbers (which have no in-place methods).
    BinaryStoreFast { op: BinOp, inplace: bool, local: u32 },
    /// `[] -> []`, `locals[i] = null`; UnboundLocalError if already empty.
    DeleteFast(u32),
    /// `[] -> [v]`: `names[n]` in the module's globals, then builtins; NameError.
    LoadGlobal(u32),
    /// `[v] -> []`: module global `names[n] = v`.
    StoreGlobal(u32),
    /// `[] -> []`: deletes module global `names[n]`; NameError.
    DeleteGlobal(u32),
    /// `[] -> [v]`: `names[n]` in the frame's namespace dict (class bodies; module bodies use
    /// the `*Global` instructions), then globals, then builtins; NameError.
    LoadName(u32),
    /// `[v] -> []`: `namespace[names[n]] = v`.
    StoreName(u32),
    /// `[] -> []`: deletes `namespace[names[n]]`; NameError.
    DeleteName(u32),
    /// `[] -> [v]`: the value of the cell in `locals[i]` (cell and free variables live in
    /// local slots as cell objects); NameError ("free variable ... referenced before
    /// assignment") or UnboundLocalError if the cell is empty.
    LoadDeref(u32),
    /// `[v] -> []`: stores into the cell in `locals[i]`.
    StoreDeref(u32),
    /// `[] -> []`: empties the cell in `locals[i]`.
    DeleteDeref(u32),
    /// `[] -> [cell]`: pushes the cell object in `locals[i]` itself (to build a closure).
    LoadClosure(u32),
    /// `[] -> []`: replaces `locals[i]` by a new cell holding its current value (or an empty
    /// cell if it is null). Emitted at the start of a function for each cell variable.
    MakeCell(u32),
    // ---- attributes and items -------------------------------------------------------------
    /// `[obj] -> [obj.names[n]]`
    LoadAttr(u32),
    /// `[obj] -> [f, obj]` when `obj.names[n]` is function `f` of `obj`'s class bound to
    /// `obj` (no bound method made), else `[obj] -> [NULL, obj.names[n]]`; `CallMethod`
    /// calls it.
    LoadMethod(u32),
    /// `[v, obj] -> []`: `obj.names[n] = v`
    StoreAttr(u32),
    /// `[obj] -> []`: `del obj.names[n]`
    DeleteAttr(u32),
    /// `[obj, key] -> [obj[key]]`
    BinarySubscr,
    /// `[v, obj, key] -> []`: `obj[key] = v`
    StoreSubscr,
    /// `[obj, key] -> []`: `del obj[key]`
    DeleteSubscr,
    /// `[start, stop] -> [slice]` (n = 2) or `[start, stop, step] -> [slice]` (n = 3).
    BuildSlice(u32),
    // ---- stack ---------------------------------------------------------------------------
    /// `[a] -> []`
    Pop,
    /// `[a] -> [a, a]`
    Dup,
    /// `[a, b] -> [a, b, a, b]`
    Dup2,
    /// `[a, b] -> [b, a]`
    Rot2,
    /// `[a, b, c] -> [c, a, b]` (the top moves down two)
    Rot3,
    /// `[a, b, c, d] -> [d, a, b, c]` (the top moves down three)
    Rot4,
    // ---- operators -----------------------------------------------------------------------
    /// `[a, b] -> [a op b]`; in place (`a op= b`): tries `__iop__` first.
    Binary { op: BinOp, inplace: bool },
    /// `[a] -> [op a]`
    Unary(UnOp),
    /// `[a, b] -> [a op b]` (a bool for `is`/`in`; whatever `__lt__` and friends return)
    Compare(CmpOp),
    // ---- control -------------------------------------------------------------------------
    /// Jumps forward to `t`.
    Jump(u32),
    /// Jumps backward to `t`: a loop header.
    JumpBack(u32),
    /// `[c] -> []`: jumps to `t` if `c` is false.
    PopJumpIfFalse(u32),
    /// `[c] -> []`: jumps to `t` if `c` is true.
    PopJumpIfTrue(u32),
    /// `[c] -> [c]` and jumps to `t` if `c` is false, else `[c] -> []` (`and`).
    JumpIfFalseOrPop(u32),
    /// `[c] -> [c]` and jumps to `t` if `c` is true, else `[c] -> []` (`or`).
    JumpIfTrueOrPop(u32),
    /// `[obj] -> [iter(obj)]`
    GetIter,
    /// `[it] -> [it, next(it)]`, or, when the iterator is exhausted, `[it] -> []` and jumps
    /// forward to `t`.
    ForIter(u32),
    // ---- calls and functions -------------------------------------------------------------
    /// `[f, a1, ..., an] -> [f(a1, ..., an)]`
    Call(u32),
    /// After `LoadMethod`: `[f, obj, a1, ..., an] -> [f(obj, a1, ..., an)]`, or
    /// `[NULL, g, a1, ..., an] -> [g(a1, ..., an)]`.
    CallMethod(u32),
    /// `[f, a1, ..., an, k1, ..., km] -> [f(a1, ..., an, name1=k1, ...)]`: `n` values in all;
    /// `consts[names]` is a tuple of the `m` keyword names (str), matching the last `m` values.
    CallKw { argc: u32, names: u32 },
    /// `[f, args] -> [f(*args)]` or, with `kwargs`, `[f, args, kw] -> [f(*args, **kw)]`:
    /// `args` a tuple, `kw` a dict.
    CallEx { kwargs: bool },
    /// `[defaults?, kwdefaults?, closure?] -> [function]`: a function of code object
    /// `consts[code]` (a `Const::Code`) and the frame's globals. Present on the stack, in this
    /// order, only if flagged: `defaults` a tuple, `kwdefaults` a dict, `closure` a tuple of
    /// cells (one per free variable of the code, in `Code::freevars` order). The function's
    /// `__qualname__` is the code's.
    MakeFunction { code: u32, defaults: bool, kwdefaults: bool, closure: bool },
    /// `[v] -> ` returns `v` from the frame.
    Return,
    // ---- building ------------------------------------------------------------------------
    /// `[a1, ..., an] -> [(a1, ..., an)]`
    BuildTuple(u32),
    /// `[a1, ..., an] -> [[a1, ..., an]]`
    BuildList(u32),
    /// `[a1, ..., an] -> [{a1, ..., an}]`
    BuildSet(u32),
    /// `[k1, v1, ..., kn, vn] -> [{k1: v1, ...}]`
    BuildMap(u32),
    /// `[s1, ..., sn] -> [s1 + ... + sn]`: concatenates n strs (f-strings).
    BuildString(u32),
    /// `[..., list, ... (depth-1 items), v] -> [..., list, ...]`: `list.append(v)`, the list
    /// being `depth` items below the top once `v` is popped (comprehensions: depth 1 is the
    /// item right below).
    ListAppend(u32),
    /// As `ListAppend`, for `set.add(v)`.
    SetAdd(u32),
    /// `[..., dict, ..., k, v] -> [..., dict, ...]`: `dict[k] = v`, the dict `depth` items below.
    MapAdd(u32),
    /// `[..., list, ..., it] -> [..., list, ...]`: `list.extend(it)` (star unpacking in displays).
    ListExtend(u32),
    /// `[..., set, ..., it] -> [..., set, ...]`: `set.update(it)`.
    SetUpdate(u32),
    /// `[..., dict, ..., m] -> [..., dict, ...]`: `dict.update(m)` (`{**m}`).
    DictUpdate(u32),
    /// `[..., dict, ..., m] -> [..., dict, ...]`: as `DictUpdate`, but a repeated key is a
    /// TypeError ("got multiple values for keyword argument") (`f(**a, **b)`).
    DictMerge(u32),
    /// `[list] -> [tuple(list)]`
    ListToTuple,
    /// `[v] -> [format(v)]` or, with `spec`, `[v, spec] -> [format(v, spec)]`, after applying
    /// the conversion (`f"{v!r:>10}"`).
    FormatValue { conv: Conversion, spec: bool },
    /// `[seq] -> [vn, ..., v1]`: unpacks exactly `n` items, the first on top; ValueError.
    UnpackSequence(u32),
    /// `[seq] -> [star list and the others]`: `a, *b, c = seq` with `before` items before the
    /// star and `after` after it: pushes the last `after` items, then the list, then the first
    /// `before` items, so the first is on top; ValueError if too few.
    UnpackEx { before: u32, after: u32 },
    // ---- exceptions ----------------------------------------------------------------------
    /// `[] -> ` re-raises the exception being handled (`raise`); RuntimeError if none.
    /// `[exc] -> ` raises `exc` (a class is instantiated); `[exc, cause] -> ` sets
    /// `__cause__` (`raise exc from cause`). Operand: 0, 1 or 2 values.
    Raise(u32),
    /// `[exc] -> ` raises `exc` again, keeping its traceback (end of a handler that did not
    /// match, or of a `finally`).
    Reraise,
    /// Start of an `except` handler: `[exc] -> [prev, exc]`, where `prev` is the exception
    /// the frame was handling (or None) and `exc` becomes the one it handles (`sys.exc_info`,
    /// the `__context__` of exceptions raised meanwhile, bare `raise`).
    PushExcInfo,
    /// End of a handler: `[prev] -> []`, the frame handles `prev` again.
    PopExcept,
    /// `[exc, type] -> [exc, matches]`: whether `exc` is an instance of `type` (a class or a
    /// tuple of classes); TypeError if `type` is not a class deriving from BaseException.
    CheckExcMatch,
    /// `[] -> [AssertionError]` (the class, whatever `AssertionError` is bound to).
    LoadAssertionError,
    // ---- classes, with, imports ----------------------------------------------------------
    /// `[] -> [__build_class__]`: the builtin that runs a class body (`[bc, body_function,
    /// name, bases...]` then `CallKw`/`Call` as for any function).
    LoadBuildClass,
    /// `[] -> [builtin]`: the object named by name operand in the builtins module (the
    /// helpers of `match` patterns and `except*`, which a global cannot shadow).
    LoadBuiltin(u32),
    /// `[iterator] -> [None]`: a loop left early drops an iterator only it referred to
    /// (see `pop_iterator` in `compile::stmt`); a generator is closed (builtin
    /// `__close_iter__`), anything else is left alone.
    CloseIter,
    /// `[mgr] -> [exit, enter_result]`: calls `mgr.__enter__()`; `exit` is `mgr.__exit__`
    /// bound to `mgr`.
    BeforeWith,
    /// `[exit, exc] -> [exit, exc, result]`: calls `exit(type(exc), exc, exc.__traceback__)`
    /// (the `with` statement's handler; the compiler then re-raises unless the result is true).
    WithExceptStart,
    /// `[fromlist, level] -> [module]`: `__import__(names[n], fromlist=..., level=...)`.
    ImportName(u32),
    /// `[module] -> [module, module.names[n]]`: ImportError if missing.
    ImportFrom(u32),
    /// `[module] -> []`: `from module import *` into the module's globals.
    ImportStar,
    // ---- generators ----------------------------------------------------------------------
    /// `[v] -> [sent]`: suspends the generator frame, yielding `v`; resumes with the value
    /// sent (None for `next`).
    YieldValue,
    /// `[iterable] -> [iterator]`: `iter(x)` unless `x` is a generator (for `yield from`).
    GetYieldFromIter,
    /// `[sub, v] -> [sub, result]` sends `v` to sub-iterator `sub` (`next` when `v` is None)
    /// and, if it yielded, jumps to `t` (the compiler puts a `YieldValue` there that yields
    /// the result and jumps back); when `sub` returns, `[sub, v] -> [value]` and falls through.
    Send(u32),
    // ---- coroutines -----------------------------------------------------------------------
    /// `[x] -> [iterator]`: what `await x` delegates to: a coroutine itself, else the
    /// iterator `x.__await__()` returns (TypeError if `x` is not awaitable).
    GetAwaitable,
    /// `[mgr] -> [aexit, aenter_result]`: calls `mgr.__aenter__()` (awaited next);
    /// `aexit` is `mgr.__aexit__` bound to `mgr`.
    BeforeAsyncWith,
    /// `[x] -> [aiter]`: `x.__aiter__()` for `async for`.
    GetAIter,
    /// `[aiter] -> [aiter, awaitable]`: the iterator `aiter.__anext__()`'s awaitable
    /// delegates to (awaited next).
    GetANext,
    /// `[aiter, exc] -> []` if `exc` is a StopAsyncIteration (the `async for` loop ends),
    /// else re-raises `exc`.
    EndAsyncFor,
    /// `[v] -> [wrapped]`: marks a value an async generator yields to its consumer (its
    /// frame also yields to the event loop at each `await`).
    AsyncGenWrap,
    // ---- misc ----------------------------------------------------------------------------
    /// Does nothing.
    Nop,
    /// `[v] -> []`: the REPL's expression echo (prints `repr(v)` unless None, sets `_`).
    PrintExpr,
}

/// A constant of a code object.
#[derive(Clone, Debug)]
pub enum Const {
    None,
    Bool(bool),
    /// An int that fits 64 bits.
    Int(i64),
    /// A bigger int, as its decimal digits (with a leading `-` if negative).
    BigInt(String),
    Float(f64),
    /// `complex(0, imag)` (`3j`)
    Imag(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    /// `...`
    Ellipsis,
    /// A tuple of constants (keyword names of `CallKw`, constant tuples).
    Tuple(Rc<[Const]>),
    /// The frozenset of a set display of constants (`{1, 2, 3}`), as CPython folds it.
    FrozenSet(Rc<[Const]>),
    /// A nested code object (functions, lambdas, comprehensions, class bodies).
    Code(Rc<Code>),
}

impl Const {
    /// The names of a tuple of strs (a `CallKw`'s keyword names); empty for anything else.
    pub fn keyword_names(&self) -> Rc<[Rc<str>]> {
        match self {
            Const::Tuple(t) if t.iter().all(|c| matches!(c, Const::Str(_))) => t
                .iter()
                .map(|c| match c {
                    Const::Str(s) => s.clone(),
                    _ => unreachable!("checked above"),
                })
                .collect(),
            _ => Rc::from([]),
        }
    }
}

/// One entry of a code object's exception table: a raise at a pc in `[start, end)` unwinds
/// the value stack to `depth` items, pushes the exception and jumps to `handler`. Entries are
/// ordered so that the first one that covers a pc is the innermost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

/// What kind of code a code object holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    /// A class body: names go to the namespace dict (`*Name` instructions).
    Class,
    /// A generator function (`yield` in its body): calling it makes a generator.
    Generator,
}

/// What calling a `Generator` code makes: a generator, a coroutine (`async def`), or an
/// async generator (`async def` with `yield`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum GenFlavor {
    #[default]
    Plain,
    Coroutine,
    AsyncGen,
}

/// A compiled function, module or class body. Immutable once built.
#[derive(Debug)]
pub struct Code {
    pub kind: CodeKind,
    /// For generator code: what a call makes.
    pub flavor: GenFlavor,
    /// The function's name (`<module>`, `<lambda>`, `<listcomp>`, ...).
    pub name: Rc<str>,
    /// The dotted path (`Outer.method.<locals>.inner`), as CPython's `__qualname__`.
    pub qualname: Rc<str>,
    /// The source file's name (for tracebacks).
    pub filename: Rc<str>,
    pub ops: Vec<Op>,
    /// The source line of each op (1-based).
    pub lines: Vec<u32>,
    /// Where in the source each op is, after `lines`: its end line and its start and end
    /// columns (UTF-8 byte offsets in their lines; `u32::MAX` when unknown), as CPython's
    /// `co_positions()` gives them for tracebacks' `^^^` marks.
    pub positions: Vec<[u32; 3]>,
    pub consts: Vec<Const>,
    /// Names used by global, name and attribute instructions.
    pub names: Vec<Rc<str>>,
    /// The local slots: parameters first (positional, then keyword-only, then `*args`, then
    /// `**kwargs`), then other locals, then cell variables that are not parameters, then free
    /// variables. A cell variable that is a parameter keeps the parameter's slot (and gets a
    /// `MakeCell` at the start).
    pub varnames: Vec<Rc<str>>,
    /// The slots holding cells of this code's own variables that inner functions capture.
    pub cellvars: Vec<u32>,
    /// The slots holding the free variables (from the closure), in closure order, with their
    /// names in `varnames`. The frame fills them from the function's closure before the first
    /// instruction.
    pub freevars: Vec<u32>,
    /// Positional parameters (those that may also be given by keyword), including the
    /// positional-only ones.
    pub argcount: u32,
    /// How many of the first `argcount` parameters are positional-only.
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Has a `*args` parameter (slot `argcount + kwonlyargcount`).
    pub varargs: bool,
    /// Has a `**kwargs` parameter (the slot after `*args`, if any).
    pub varkeywords: bool,
    pub handlers: Vec<Handler>,
    /// The most values the stack holds at once.
    pub stacksize: u32,
    /// The first line (of the `def`, or 1 for a module).
    pub firstline: u32,
    /// The docstring, if the body starts with one.
    pub doc: Option<Rc<str>>,
    /// The keyword names of each `CallKw` constant (indexed as `consts`; empty for others),
    /// made once so a call does not build them.
    pub kwnames: Vec<Rc<[Rc<str>]>>,
    /// The interpreter's inline caches, one per instruction (see `sites`).
    pub sites: crate::sites::Sites,
    /// For a generator's code: it has an exception handler (`try`, `with`), which `close()`
    /// runs, so its generators are closed when found dead (see `library::lifetime`).
    pub closes: bool,
}

/// Puts superinstructions in place of the pairs of instructions they stand for (see
/// [`Op::LoadFastLoadFast`]). Each pair is looked for in the original code, so a run of
/// three loads fuses at both of its first two positions.
pub fn fuse(ops: &mut [Op]) {
    for pc in 0..ops.len().saturating_sub(1) {
        let third = ops.get(pc + 2).copied();
        let fused = match (ops[pc], ops[pc + 1]) {
            (Op::LoadFast(local), Op::LoadConst(konst)) if matches!(third, Some(Op::Binary { inplace: false, .. })) => {
                let Some(Op::Binary { op, .. }) = third else { unreachable!("matched above") };
                Op::LoadFastConstBinary { local, konst, op }
            }
            (Op::LoadFast(a), Op::LoadFast(b)) => Op::LoadFastLoadFast(a, b),
            (Op::LoadFast(a), Op::LoadConst(k)) => Op::LoadFastLoadConst(a, k),
            (Op::StoreFast(a), Op::LoadFast(b)) => Op::StoreFastLoadFast(a, b),
            (Op::LoadFast(a), Op::LoadAttr(n)) => Op::LoadFastLoadAttr(a, n),
            (Op::Binary { op, inplace }, Op::StoreFast(local)) => Op::BinaryStoreFast { op, inplace, local },
            _ => continue,
        };
        ops[pc] = fused;
    }
}

impl Op {
    /// The first of the instructions a superinstruction stands for (itself for any other):
    /// what the compiler emitted at its place.
    pub fn unfused(self) -> Op {
        match self {
            Op::LoadFastLoadFast(a, _)
            | Op::LoadFastLoadConst(a, _)
            | Op::LoadFastLoadAttr(a, _)
            | Op::LoadFastConstBinary { local: a, .. } => Op::LoadFast(a),
            Op::StoreFastLoadFast(a, _) => Op::StoreFast(a),
            Op::BinaryStoreFast { op, inplace, .. } => Op::Binary { op, inplace },
            op => op,
        }
    }
}

impl Code {
    /// A call with exactly `n` positional arguments binds them to the first `n` locals and
    /// nothing else: no defaults, `*args`, keyword-only or `**kwargs` parameters, no closure.
    #[inline]
    pub fn takes_exactly(&self, n: usize) -> bool {
        n == self.argcount as usize
            && !self.varargs
            && !self.varkeywords
            && self.kwonlyargcount == 0
            && self.freevars.is_empty()
    }
    /// The innermost handler covering `pc`.
    pub fn handler_at(&self, pc: usize) -> Option<&Handler> {
        self.handlers.iter().find(|h| (h.start as usize..h.end as usize).contains(&pc))
    }
    /// The source line of instruction `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.firstline)
    }
    /// The position of instruction `pc`: (line, end line, start column, end column), the
    /// columns as UTF-8 byte offsets, if known.
    pub fn position_at(&self, pc: usize) -> (u32, Option<(u32, u32, u32)>) {
        let line = self.line_at(pc);
        match self.positions.get(pc) {
            Some(&[end, c0, c1]) if c0 != u32::MAX => (line, Some((end, c0, c1))),
            _ => (line, None),
        }
    }
}

impl fmt::Display for Code {
    /// A disassembly, one instruction per line, with nested code objects after.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "code {} ({:?}, {} locals, stack {})",
            self.qualname,
            self.kind,
            self.varnames.len(),
            self.stacksize
        )?;
        for (pc, op) in self.ops.iter().enumerate() {
            writeln!(f, "{:>5} {:>4}  {op:?}", self.line_at(pc), pc)?;
        }
        for h in &self.handlers {
            writeln!(f, "  handler [{}, {}) -> {} depth {}", h.start, h.end, h.handler, h.depth)?;
        }
        for c in &self.consts {
            if let Const::Code(inner) = c {
                write!(f, "\n{inner}")?;
            }
        }
        Ok(())
    }
}
