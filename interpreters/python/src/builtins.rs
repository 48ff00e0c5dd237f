//! Builtin functions, methods of builtin types, and the slow paths of the object space, as
//! *natives*: Rust code on the concrete context that may call back into Python (a user
//! `__eq__` during a dict probe, `key=` in `sorted`). Traces call them residually
//! (`call_may_force`), so they may do anything the interpreter may.
//!
//! A few builtins have traced fast paths ([`crate::builtin_methods::fast_call`]): `len` of a
//! list or tuple, `list.append`, `math.sqrt` of a float.

use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::classes;
use crate::dict;
use crate::interp::Frame;
use crate::objects::*;
pub use crate::reprs::{
    args_render_simply, default_repr, exception_line, repr_str, to_repr, to_str, uncaught_exception_line,
};
use crate::runtime::{list_items, new_list, new_str, new_tuple, tuple_items};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::{Concrete, Ctx, Effect, Helper, Native, Red, Type};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// A slow path of the object space, run as a native (see [`call_op`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NativeOp {
    Binary(BinOp),
    /// `a op= b` on a set or dict `a` (`|=`, `&=`, `-=`, `^=`: in place).
    Inplace(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    /// The rest of a comparison after the left operand's method returned NotImplemented.
    CompareReflected(CmpOp),
    Truth,
    GetAttr,
    SetAttr,
    DelAttr,
    GetItem,
    SetItem,
    DelItem,
    Iter,
    Next,
    ListToTuple,
    BuildSet,
    BuildMap,
    BuildString,
    SetAdd,
    ListExtend,
    SetUpdate,
    DictUpdate,
    DictMerge,
    Format,
    Unpack,
    UnpackEx,
    CallEx,
    NsGet,
    PrintExpr,
    Import,
    ImportFrom,
    ImportStar,
    InplaceList,
    BeforeWith,
    WithExit,
    GetAwaitable,
    BeforeAsyncWith,
    GetAIter,
    GetANext,
    /// `sub.send(v)` (a `yield from` or `await` sending to a user iterator).
    SendTo,
    /// Registers new generator `a` to be closed when it is found dead (see
    /// `library::lifetime`): its code has handlers a `close()` runs.
    CloseWhenDead,
}

const BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::MatMul,
    BinOp::TrueDiv,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::And,
    BinOp::Or,
    BinOp::Xor,
];
const UNOPS: [UnOp; 4] = [UnOp::Neg, UnOp::Pos, UnOp::Invert, UnOp::Not];
const CMPOPS: [CmpOp; 10] = [
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::Gt,
    CmpOp::Ge,
    CmpOp::Is,
    CmpOp::IsNot,
    CmpOp::In,
    CmpOp::NotIn,
];
const SIMPLE: [NativeOp; 36] = [
    NativeOp::Truth,
    NativeOp::GetAttr,
    NativeOp::SetAttr,
    NativeOp::DelAttr,
    NativeOp::GetItem,
    NativeOp::SetItem,
    NativeOp::DelItem,
    NativeOp::Iter,
    NativeOp::Next,
    NativeOp::ListToTuple,
    NativeOp::BuildSet,
    NativeOp::BuildMap,
    NativeOp::BuildString,
    NativeOp::SetAdd,
    NativeOp::ListExtend,
    NativeOp::SetUpdate,
    NativeOp::DictUpdate,
    NativeOp::DictMerge,
    NativeOp::Format,
    NativeOp::Unpack,
    NativeOp::UnpackEx,
    NativeOp::CallEx,
    NativeOp::NsGet,
    NativeOp::PrintExpr,
    NativeOp::Import,
    NativeOp::ImportFrom,
    NativeOp::ImportStar,
    NativeOp::InplaceList,
    NativeOp::BeforeWith,
    NativeOp::WithExit,
    NativeOp::GetAwaitable,
    NativeOp::BeforeAsyncWith,
    NativeOp::GetAIter,
    NativeOp::GetANext,
    NativeOp::SendTo,
    NativeOp::CloseWhenDead,
];

impl NativeOp {
    fn code(self) -> i64 {
        match self {
            NativeOp::Binary(op) => BINOPS.iter().position(|&o| o == op).unwrap() as i64,
            NativeOp::Unary(op) => 100 + UNOPS.iter().position(|&o| o == op).unwrap() as i64,
            NativeOp::Compare(op) => 200 + CMPOPS.iter().position(|&o| o == op).unwrap() as i64,
            NativeOp::CompareReflected(op) => 250 + CMPOPS.iter().position(|&o| o == op).unwrap() as i64,
            NativeOp::Inplace(op) => 400 + BINOPS.iter().position(|&o| o == op).unwrap() as i64,
            other => 300 + SIMPLE.iter().position(|&o| o == other).unwrap() as i64,
        }
    }
    fn from_code(c: i64) -> NativeOp {
        match c {
            0..=99 => NativeOp::Binary(BINOPS[c as usize]),
            100..=199 => NativeOp::Unary(UNOPS[c as usize - 100]),
            200..=249 => NativeOp::Compare(CMPOPS[c as usize - 200]),
            250..=299 => NativeOp::CompareReflected(CMPOPS[c as usize - 250]),
            400..=499 => NativeOp::Inplace(BINOPS[c as usize - 400]),
            _ => SIMPLE[c as usize - 300],
        }
    }
}

type Cx<'a, S> = Concrete<'a, Py<S>>;
/// What natives return: a value or an exception.
pub type PyResult = Result<usize, usize>;

/// The natives of a space: one pair per space type, constants (no lookup when called).
struct Natives<S: Space>(std::marker::PhantomData<S>);

impl<S: Space> Natives<S> {
    const OP: &'static Native<Py<S>> = &Native::<Py<S>>::new(
        "py_op",
        op_native::<S>,
        &[Type::Int, Type::Ref, Type::Ref, Type::Ref, Type::Ref],
        Type::Ref,
    );
    const CALL: &'static Native<Py<S>> = &Native::<Py<S>>::new(
        "py_call",
        call_native_fn::<S>,
        &[Type::Ref, Type::Ref, Type::Ref, Type::Ref, Type::Ref],
        Type::Ref,
    );
    /// `py_call` without keywords and with at most three positional arguments, given as
    /// they are rather than in a tuple (the commonest calls of builtins allocate nothing).
    const CALL_POS: &'static Native<Py<S>> = &Native::<Py<S>>::new(
        "py_call_pos",
        call_pos_native_fn::<S>,
        &[Type::Ref, Type::Ref, Type::Int, Type::Ref, Type::Ref, Type::Ref],
        Type::Ref,
    );
}

/// Runs slow path `op` on `args` (at most three) as a native call from frame `f`.
pub fn call_op<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    f: &mut Frame<C>,
    op: NativeOp,
    args: &[C::Ref],
) -> Result<C::Ref, C::Ref> {
    let code = cx.int(op.code());
    let null = cx.const_ref(0);
    let a = |k: usize| args.get(k).copied().unwrap_or(null);
    // The caller's handled exception goes along, as with `call_native`: a dunder the
    // operation runs (`__bool__`, `__hash__`, `__enter__`, ...) sees it (`sys.exc_info()`).
    let reds = [Red::Int(code), Red::Ref(a(0)), Red::Ref(a(1)), Red::Ref(a(2)), Red::Ref(f.exc)];
    cx.call_native(f, Natives::<S>::OP, &reds)
}

/// Calls a non-Python callable (builtin, class, ...) as a native from frame `f`.
pub fn call_native<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    f: &mut Frame<C>,
    callable: C::Ref,
    args: &[C::Ref],
    kwargs: Option<(Rc<[Rc<str>]>, Vec<C::Ref>)>,
) -> Result<C::Ref, C::Ref> {
    if kwargs.is_none() && args.len() <= 3 {
        let null = cx.const_ref(0);
        let a = |k: usize| args.get(k).copied().unwrap_or(null);
        let n = cx.int(args.len() as i64);
        let reds = [Red::Ref(callable), Red::Ref(f.exc), Red::Int(n), Red::Ref(a(0)), Red::Ref(a(1)), Red::Ref(a(2))];
        return cx.call_native(f, Natives::<S>::CALL_POS, &reds);
    }
    let t = crate::interp::tuple(cx, args);
    let (names, values) = match kwargs {
        Some((names, values)) => {
            let ns: Vec<C::Ref> = names.iter().map(|n| crate::strings::str_from(cx, n)).collect();
            (crate::interp::tuple(cx, &ns), crate::interp::tuple(cx, &values))
        }
        None => (cx.const_ref(0), cx.const_ref(0)),
    };
    // The caller's handled exception goes along: a function this call runs sees it (bare
    // `raise`, `sys.exc_info()`), as the interpreter's own calls do.
    let reds = [Red::Ref(callable), Red::Ref(t), Red::Ref(names), Red::Ref(values), Red::Ref(f.exc)];
    cx.call_native(f, Natives::<S>::CALL, &reds)
}

fn op_native<'a, S: Space>(cx: &mut Cx<'a, S>, args: &[Red<Cx<'a, S>>]) -> PyResult {
    let [Red::Int(code), Red::Ref(a), Red::Ref(b), Red::Ref(c), Red::Ref(exc)] = *args else {
        unreachable!("py_op(code, a, b, c, exc)")
    };
    let rt = cx.lang().rt.clone();
    // `exc` stays rooted (an argument of this native) while it is current.
    let saved = rt.native_exc.replace(exc);
    let r = run_op(cx, &rt, NativeOp::from_code(code), a, b, c);
    rt.native_exc.set(saved);
    r
}

fn call_native_fn<'a, S: Space>(cx: &mut Cx<'a, S>, args: &[Red<Cx<'a, S>>]) -> PyResult {
    let [Red::Ref(callable), Red::Ref(t), Red::Ref(names), Red::Ref(values), Red::Ref(exc)] = *args else {
        unreachable!("py_call")
    };
    let rt = cx.lang().rt.clone();
    let args = tuple_items(t);
    let kw: Vec<(Rc<str>, usize)> = if names == 0 {
        Vec::new()
    } else {
        // SAFETY: keyword names are live strs.
        tuple_items(names)
            .into_iter()
            .zip(tuple_items(values))
            .map(|(n, v)| (Rc::from(unsafe { str_text(n) }), v))
            .collect()
    };
    // `exc` stays rooted (an argument of this native) while it is current.
    let saved = rt.native_exc.replace(exc);
    let r = call_value(cx, &rt, callable, &args, &kw);
    rt.native_exc.set(saved);
    r
}

fn call_pos_native_fn<'a, S: Space>(cx: &mut Cx<'a, S>, args: &[Red<Cx<'a, S>>]) -> PyResult {
    let [Red::Ref(callable), Red::Ref(exc), Red::Int(n), Red::Ref(a0), Red::Ref(a1), Red::Ref(a2)] = *args else {
        unreachable!("py_call_pos")
    };
    let rt = cx.lang().rt.clone();
    let all = [a0, a1, a2];
    // `exc` stays rooted (an argument of this native) while it is current.
    let saved = rt.native_exc.replace(exc);
    let r = call_value(cx, &rt, callable, &all[..n as usize], &[]);
    rt.native_exc.set(saved);
    r
}

/// Raises a new exception of builtin class `class`.
pub fn err<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, class: &str, msg: &str) -> PyResult {
    Err(crate::errors::new_error(cx, rt, class, msg))
}

/// Whether a str object is all ASCII (one byte per char: O(1), from its char count).
pub fn ascii(s: usize) -> bool {
    // SAFETY: callers pass live strs.
    // SAFETY: as above.
    unsafe { str_chars(s) == str_text(s).len() }
}

/// The text of a str object.
pub fn text(s: usize) -> &'static str {
    // SAFETY: callers pass live strs, alive while the text is used (within one native).
    unsafe { str_text(s) }
}

/// The name of an object's class.
pub fn type_name(rt: &Python, obj: usize) -> Rc<str> {
    let t = peek_type(rt, obj);
    // SAFETY: `t` is a live class.
    let id = unsafe { read_word(t, &TYPE_ID) } as usize;
    rt.types.borrow()[id].tp_name.clone()
}

/// The class of an object (outside traces).
pub fn peek_type(rt: &Python, obj: usize) -> usize {
    if obj == 0 {
        return rt.builtin_type("NoneType");
    }
    if is(obj, &INSTANCE) {
        // SAFETY: a live instance's type field.
        return unsafe { read_word(obj, &INST_TYPE) } as usize;
    }
    if is(obj, &TYPE) {
        return classes::meta_of(rt, obj);
    }
    if layout_of(obj) == SEQ_ITER.class() {
        // SAFETY: a live sequence iterator's fields.
        let (kind, seq) = unsafe { (read_word(obj, &SITER_KIND) as i64, read_word(obj, &SITER_SEQ) as usize) };
        return seq_iter_type(rt, kind, layout_of(seq), is(seq, &STR) && text(seq).is_ascii());
    }
    if layout_of(obj) == BUILTIN.class() {
        return crate::builtin_methods::builtin_type(rt, obj, false);
    }
    // SAFETY: a live lazy iterator's field. (1: the sequence protocol's, see `getitem_iter`.)
    if layout_of(obj) == ENUMERATE.class() && unsafe { read_word(obj, &LAZY_B) } == 1 {
        return rt.builtin_type("iterator");
    }
    if layout_of(obj) == METHOD.class() {
        // SAFETY: a live method's function.
        let f = unsafe { read_word(obj, &METHOD_FUNC) } as usize;
        if is(f, &BUILTIN) {
            return crate::builtin_methods::builtin_type(rt, f, true);
        }
    }
    rt.layout_types.borrow().get(&layout_of(obj)).copied().unwrap_or_else(|| rt.known.object.get())
}

/// The type a sequence iterator shows as: from its kind, its sequence's layout and, for a
/// str, whether it is ASCII (CPython's `str_ascii_iterator`).
pub fn seq_iter_type(rt: &Python, kind: i64, seq_layout: usize, ascii: bool) -> usize {
    if let Some(&(_, name)) = SITER_REVERSED.iter().find(|&&(k, _)| k == kind) {
        return rt.builtin_type(name);
    }
    let name = if seq_layout == LIST.class() {
        "list_iterator"
    } else if seq_layout == TUPLE.class() {
        "tuple_iterator"
    } else if seq_layout == STR.class() {
        if ascii {
            "str_ascii_iterator"
        } else {
            "str_iterator"
        }
    } else if seq_layout == crate::bytes::BYTEARRAY.class() {
        "bytearray_iterator"
    } else if seq_layout == crate::bytes::BYTES.class() {
        "bytes_iterator"
    } else {
        "iterator"
    };
    rt.builtin_type(name)
}

/// Calls any callable from Rust (natives).
pub fn call_value<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    callable: usize,
    args: &[usize],
    kw: &[(Rc<str>, usize)],
) -> PyResult {
    if !cx.stack_ok() {
        return err(cx, rt, "RecursionError", "maximum recursion depth exceeded");
    }
    if is(callable, &FUNCTION) {
        // The exception being handled where the native was called (see `call_native_fn`).
        let none = match rt.native_exc.get() {
            0 => rt.none.get(),
            e => e,
        };
        let kwargs = if kw.is_empty() {
            None
        } else {
            Some((kw.iter().map(|(n, _)| n.clone()).collect(), kw.iter().map(|(_, v)| *v).collect()))
        };
        let frame = crate::call::bind(cx, rt, callable, args, kwargs, none, &mut NativeKwDicts)?;
        if frame.code.kind == crate::bytecode::CodeKind::Generator {
            let closes = frame.code.closes;
            let g = crate::generators::make(cx, frame);
            if closes {
                cx.heap_mut().register_finalizer(g);
            }
            return Ok(g);
        }
        return cx.call_function(frame);
    }
    if is(callable, &METHOD) {
        // SAFETY: a live bound method.
        let (func, this) =
            unsafe { (read_word(callable, &METHOD_FUNC) as usize, read_word(callable, &METHOD_SELF) as usize) };
        let mut all = vec![this];
        all.extend_from_slice(args);
        return call_value(cx, rt, func, &all, kw);
    }
    if is(callable, &BUILTIN) {
        // SAFETY: a live builtin.
        let (id, this) =
            unsafe { (read_word(callable, &BUILTIN_ID) as usize, read_word(callable, &BUILTIN_SELF) as usize) };
        let info = crate::library::method_info()[id];
        let unbound = this == 0 && info.method && !info.is_static;
        let given = if unbound { args.len().saturating_sub(1) } else { args.len() };
        // (`globals()` and the like get their caller's frame as a keyword: see `frame_info`.)
        if !kw.is_empty() && kw.iter().any(|(k, _)| &**k != crate::library::FRAME_KW) {
            if let Some(msg) = crate::library::keywords_error(id) {
                return err(cx, rt, "TypeError", &msg);
            }
        }
        if !(unbound && args.is_empty()) && !info.takes(given) {
            if let Some(msg) = crate::library::arity_error(id, given) {
                return err(cx, rt, "TypeError", &msg);
            }
        }
        if info.is_static {
            // A static or class method of a builtin type: no bound object.
            return (crate::library::table::<S>()[id])(cx, rt, None, args, kw);
        }
        if this == 0 && info.method {
            if info.classmethod {
                // A class method read from its class (`dict.fromkeys`): bound to the class.
                let (prefix, _) = NAMES[id].split_once('.').unwrap_or_default();
                let owner = rt.type_by_name.borrow().get(prefix).copied();
                return (crate::library::table::<S>()[id])(cx, rt, owner, args, kw);
            }
            // An unbound method of a builtin type (`str.upper`): its first argument is self.
            let Some((&first, rest)) = args.split_first() else {
                let msg = format!("unbound method {}() needs an argument", NAMES[id]);
                return err(cx, rt, "TypeError", &msg);
            };
            return call_method_on(cx, rt, id, first, rest, kw);
        }
        if this != 0 {
            return call_method_on(cx, rt, id, this, args, kw);
        }
        return (crate::library::table::<S>()[id])(cx, rt, None, args, kw);
    }
    if is(callable, &TYPE) {
        return crate::types::call_type(cx, rt, callable, args, kw);
    }
    if is(callable, &INSTANCE) {
        if classes::descriptor(rt, callable) == classes::Descriptor::StaticMethod {
            // Static methods are callable (3.10+).
            return call_value(cx, rt, classes::wrapped(rt, callable, "__func__"), args, kw);
        }
        if let Some(m) = classes::special(rt, peek_type(rt, callable), "__call__") {
            let mut all = vec![callable];
            all.extend_from_slice(args);
            return call_value(cx, rt, m, &all, kw);
        }
    }
    err(cx, rt, "TypeError", &format!("'{}' object is not callable", type_name(rt, callable)))
}

/// Calls builtin method number `id` with `obj` as its `self` (checked; a boxed instance of a
/// subclass of the method's type stands for its value, see `boxed`).
fn call_method_on<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    id: usize,
    obj: usize,
    args: &[usize],
    kw: &[(Rc<str>, usize)],
) -> PyResult {
    let info = crate::library::method_info()[id];
    if !is(obj, &INSTANCE) && info.self_kind.admits(obj) && !(info.unboxes && args.iter().any(|&a| is(a, &INSTANCE))) {
        // The common case, without the checks below (no box: `self` and the arguments are
        // taken as they are, and the method's result is its result).
        return (crate::library::table::<S>()[id])(cx, rt, Some(obj), args, kw);
    }
    let this = crate::boxed::method_self(NAMES[id], obj);
    if let Some(msg) = crate::library::wrong_self(rt, NAMES[id], this) {
        return err(cx, rt, "TypeError", &msg);
    }
    let unboxed;
    let args = if crate::boxed::unboxes_args(NAMES[id]) && args.iter().any(|&a| crate::boxed::value_of(a) != 0) {
        unboxed = args.iter().map(|&a| crate::boxed::unbox(a)).collect::<Vec<_>>();
        &unboxed[..]
    } else {
        args
    };
    let r = (crate::library::table::<S>()[id])(cx, rt, Some(this), args, kw)?;
    Ok(if this == obj { r } else { crate::boxed::method_result(NAMES[id], obj, this, r) })
}

/// Calls special method `name` of `obj` if its class has one.
pub fn call_method<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    obj: usize,
    name: &str,
    args: &[usize],
) -> Option<PyResult> {
    let m = classes::special(rt, peek_type(rt, obj), name)?;
    let mut all = vec![obj];
    all.extend_from_slice(args);
    Some(call_value(cx, rt, m, &all, &[]))
}

/// `a == b` as a bool.
pub fn eq<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, a: usize, b: usize) -> Result<bool, usize> {
    if a == b {
        return Ok(true);
    }
    if is(a, &INT) && is(b, &INT) {
        // SAFETY: two live ints.
        return Ok(unsafe { read_word(a, &INT_VALUE) == read_word(b, &INT_VALUE) });
    }
    if is(a, &STR) && is(b, &STR) {
        return Ok(text(a) == text(b));
    }
    let r = compare(cx, rt, CmpOp::Eq, a, b)?;
    truth(cx, rt, r)
}

/// `bool(o)`
pub fn truth<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<bool, usize> {
    if o == rt.true_.get() {
        return Ok(true);
    }
    if o == rt.false_.get() || o == rt.none.get() {
        return Ok(false);
    }
    if let Some(b) = peek_bigint(o) {
        return Ok(!b.is_zero());
    }
    if is(o, &FLOAT) {
        return Ok(peek_f64(o).unwrap() != 0.0);
    }
    if is(o, &STR) {
        return Ok(!text(o).is_empty());
    }
    if crate::complex::is_complex(o) {
        return Ok(crate::complex::parts(o) != (0.0, 0.0));
    }
    if crate::bytes::is_binary(o) {
        return Ok(crate::bytes::len(o) > 0);
    }
    if crate::memview::is_view(o) {
        return Ok(crate::memview::len(cx, rt, o)? > 0);
    }
    if is(o, &LIST) {
        return Ok(crate::runtime::list_len(o) != 0);
    }
    if is(o, &TUPLE) {
        return Ok(!crate::runtime::tuple_slice(o).is_empty());
    }
    if dict::is_dict(o) {
        return Ok(dict::len(o) > 0);
    }
    if crate::sets::is_any(o) {
        return Ok(crate::sets::len(o) > 0);
    }
    if crate::views::is_view(o) {
        return Ok(crate::views::len(o) > 0);
    }
    if crate::ranges::is_range(o) {
        return Ok(crate::ranges::truth(o));
    }
    if is(o, &INSTANCE) || is(o, &TYPE) {
        if let Some(r) = call_method(cx, rt, o, "__bool__", &[]) {
            let r = r?;
            if !is(r, &BOOL) {
                let msg = format!("__bool__ should return bool, returned {}", type_name(rt, r));
                return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
            }
            return Ok(r == rt.true_.get());
        }
        if classes::special(rt, peek_type(rt, o), "__len__").is_some() {
            return Ok(len(cx, rt, o)? > 0);
        }
    }
    Ok(true)
}

/// `len(o)`
pub fn len<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<usize, usize> {
    if is(o, &STR) {
        return Ok(unsafe { str_chars(o) });
    }
    if crate::bytes::is_binary(o) {
        return Ok(crate::bytes::len(o));
    }
    if crate::memview::is_view(o) {
        return crate::memview::len(cx, rt, o);
    }
    if is(o, &LIST) {
        return Ok(crate::runtime::list_len(o));
    }
    if is(o, &TUPLE) {
        return Ok(crate::runtime::tuple_slice(o).len());
    }
    if dict::is_dict(o) {
        return Ok(dict::len(o));
    }
    if crate::sets::is_any(o) {
        return Ok(crate::sets::len(o));
    }
    if crate::views::is_view(o) {
        return Ok(crate::views::len(o));
    }
    if crate::ranges::is_range(o) {
        return crate::ranges::len(cx, rt, o);
    }
    if is(o, &INSTANCE) || is(o, &TYPE) {
        if let Some(r) = call_method(cx, rt, o, "__len__", &[]) {
            let r = r?;
            let n = crate::library::index_value(cx, rt, r)?;
            if n.is_negative() {
                return Err(crate::errors::new_error(cx, rt, "ValueError", "__len__() should return >= 0"));
            }
            return n.to_usize().ok_or_else(|| {
                let msg = "cannot fit 'int' into an index-sized integer";
                crate::errors::new_error(cx, rt, "OverflowError", msg)
            });
        }
    }
    Err(crate::errors::new_error(cx, rt, "TypeError", &format!("object of type '{}' has no len()", type_name(rt, o))))
}

/// `a op b` for builtin operands, everything the traced fast paths leave.
pub fn binary<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: BinOp, a: usize, b: usize) -> PyResult {
    binary_in(cx, rt, op, a, b, false)
}

/// `a op b`, or `a op= b` when `inplace` (the same, but errors name `op=`).
pub fn binary_in<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: BinOp, a: usize, b: usize, inplace: bool) -> PyResult {
    if op == BinOp::Add && is(a, &STR) && is(b, &STR) {
        return Ok(crate::runtime::concat_strs(cx.heap_mut(), &[a, b]));
    }
    // (Before the numbers: concatenation is common, and its test cheap.)
    if op == BinOp::Add && is(a, &LIST) && is(b, &LIST) {
        // SAFETY: two live lists, read while the new one is made (no Python code runs).
        let parts = unsafe { [crate::runtime::list_slice(a), crate::runtime::list_slice(b)] };
        return Ok(crate::runtime::new_list_of_parts(cx.heap_mut(), &parts));
    }
    if op == BinOp::Add && is(a, &TUPLE) && is(b, &TUPLE) {
        let mut items = tuple_items(a);
        items.extend_from_slice(crate::runtime::tuple_slice(b));
        return Ok(new_tuple(cx.heap_mut(), &items));
    }
    if is(a, &BOOL) && is(b, &BOOL) && op.is_bitwise_logic() {
        let (x, y) = (a == rt.true_.get(), b == rt.true_.get());
        let r = match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        };
        return Ok(rt.bool_obj(r));
    }
    if let (Some(x), Some(y)) = (peek_bigint(a), peek_bigint(b)) {
        return crate::numbers::int_binary(cx, rt, op, x, y);
    }
    if let (Some(x), Some(y)) = (peek_f64(a), peek_f64(b)) {
        if (is(a, &FLOAT) || is(b, &FLOAT)) && (x.is_infinite() && is(a, &BIGINT) || y.is_infinite() && is(b, &BIGINT))
        {
            return err(cx, rt, "OverflowError", "int too large to convert to float");
        }
        let float_op = !matches!(op, BinOp::MatMul | BinOp::LShift | BinOp::RShift) && !op.is_bitwise_logic();
        if (is(a, &FLOAT) || is(b, &FLOAT)) && float_op {
            return crate::numbers::float_binary(cx, rt, op, x, y);
        }
    }
    if let Some(r) = crate::complex::binary(cx, rt, op, a, b) {
        return r;
    }
    if op == BinOp::Mod && is(a, &STR) {
        return crate::percent::percent_str(cx, rt, a, b);
    }
    if let Some(r) = crate::bytes::binary(cx, rt, op, a, b) {
        return r;
    }
    if op == BinOp::Mul {
        let (seq, n) = if peek_bigint(b).is_some() { (a, b) } else { (b, a) };
        if let Some(n) = peek_bigint(n).filter(|_| is(seq, &STR) || is(seq, &LIST) || is(seq, &TUPLE)) {
            let Some(n) = n.to_i64() else {
                return err(cx, rt, "OverflowError", "cannot fit 'int' into an index-sized integer");
            };
            let n = n.max(0) as usize;
            if is(seq, &STR) {
                let t = text(seq);
                if t.len().saturating_mul(n) > 1 << 34 {
                    return err(cx, rt, "MemoryError", "");
                }
                return Ok(new_str(cx.heap_mut(), &t.repeat(n)));
            }
            let items = if is(seq, &LIST) { list_items(seq) } else { tuple_items(seq) };
            if items.len().saturating_mul(n) > 1 << 32 {
                return err(cx, rt, "MemoryError", "");
            }
            let all: Vec<usize> = (0..n).flat_map(|_| items.iter().copied()).collect();
            return Ok(if is(seq, &LIST) { new_list(cx.heap_mut(), &all) } else { new_tuple(cx.heap_mut(), &all) });
        }
    }
    // Instances, and classes whose metaclass has the operator (`int | str`).
    let hooked = |o: usize| is(o, &INSTANCE) || is(o, &TYPE);
    if hooked(a) || hooked(b) {
        let (fwd, rev) = op.dunders();
        if hooked(a) {
            if let Some(r) = call_method(cx, rt, a, fwd, &[b]) {
                let r = r?;
                if r != rt.notimpl.get() {
                    return Ok(r);
                }
            }
        }
        if hooked(b) {
            if let Some(r) = call_method(cx, rt, b, rev, &[a]) {
                let r = r?;
                if r != rt.notimpl.get() {
                    return Ok(r);
                }
            }
        }
    }
    let (ua, ub) = (crate::boxed::unbox(a), crate::boxed::unbox(b));
    if ua != a || ub != b {
        // Instances of builtin subclasses whose methods gave up: the operation of the values
        // (`[1] + L([2])`, `"ab" * C(2)`), as the builtin types' own operations accept them.
        return binary(cx, rt, op, ua, ub);
    }
    if let Some(r) = crate::sets::binary(cx, rt, op, a, b) {
        return r;
    }
    if let Some(r) = crate::views::binary(cx, rt, op, a, b) {
        return r;
    }
    if op == BinOp::Or && (is(a, &TYPE) || is(b, &TYPE)) {
        // `int | None`: a `types.UnionType` (NotImplemented for other operands).
        let union = crate::types::types_attr(cx, rt, "_union")?;
        let r = call_value(cx, rt, union, &[a, b], &[])?;
        if r != rt.notimpl.get() {
            return Ok(r);
        }
    }
    if op == BinOp::Mul {
        // A sequence repeats by an object with `__index__`.
        let seq = |o: usize| is(o, &STR) || is(o, &LIST) || is(o, &TUPLE) || crate::bytes::is_binary(o);
        let (s, other) = if seq(a) { (a, b) } else { (b, a) };
        if seq(s) && is(other, &INSTANCE) && classes::special(rt, peek_type(rt, other), "__index__").is_some() {
            let n = crate::library::index_value(cx, rt, other)?;
            let n = crate::runtime::new_bigint(cx.heap_mut(), n);
            return binary_in(cx, rt, op, s, n, inplace);
        }
    }
    if let Some(msg) = crate::errors::sequence_type_error(rt, op, a, b) {
        return err(cx, rt, "TypeError", &msg);
    }
    err(cx, rt, "TypeError", &binary_error(rt, op, a, b, inplace))
}

/// CPython's message for `a op b` on operands that do not support it.
fn binary_error(rt: &Python, op: BinOp, a: usize, b: usize, inplace: bool) -> String {
    let seq = |o: usize| is(o, &STR) || is(o, &LIST) || is(o, &TUPLE);
    match op {
        BinOp::Add if seq(a) => {
            format!("can only concatenate {} (not \"{}\") to {}", type_name(rt, a), type_name(rt, b), type_name(rt, a))
        }
        BinOp::Mul if seq(a) || seq(b) => {
            let other = if seq(a) { b } else { a };
            format!("can't multiply sequence by non-int of type '{}'", type_name(rt, other))
        }
        _ => format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol_in(inplace),
            type_name(rt, a),
            type_name(rt, b)
        ),
    }
}

/// `a op b` comparisons for builtin operands.
pub fn compare<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: CmpOp, a: usize, b: usize) -> PyResult {
    use std::cmp::Ordering;
    let boolean = |b: bool| Ok(rt.bool_obj(b));
    match op {
        CmpOp::Is | CmpOp::IsNot => {
            // Exact ints by value, as `Space::compare` (see there).
            let same = a == b || (is(a, &INT) && is(b, &INT) && peek_i64(a) == peek_i64(b));
            return boolean(same == (op == CmpOp::Is));
        }
        CmpOp::In | CmpOp::NotIn => {
            let found = contains(cx, rt, b, a)?;
            return boolean(found == (op == CmpOp::In));
        }
        CmpOp::Eq | CmpOp::Ne if crate::ranges::is_range(a) && crate::ranges::is_range(b) => {
            return boolean(crate::library::range_eq(a, b) == (op == CmpOp::Eq));
        }
        _ => {}
    }
    // The commonest operands first (sorting keys, dict probes): what the checks below would
    // answer for them, without their conversions.
    let quick = if is(a, &STR) && is(b, &STR) {
        Some(text(a).cmp(text(b)))
    } else if let (Some(x), Some(y)) = (peek_i64(a), peek_i64(b)) {
        Some(x.cmp(&y))
    } else if is(a, &FLOAT) && is(b, &FLOAT) {
        let (x, y) = (peek_f64(a).unwrap_or(f64::NAN), peek_f64(b).unwrap_or(f64::NAN));
        match x.partial_cmp(&y) {
            Some(o) => Some(o),
            // A NaN is unordered: every comparison but `!=` is false.
            None => return boolean(op == CmpOp::Ne),
        }
    } else {
        None
    };
    if let Some(o) = quick {
        return boolean(holds(op, o));
    }
    if is(a, &TUPLE) && is(b, &TUPLE) {
        if let Some(o) = plain_cmp(a, b) {
            return boolean(holds(op, o));
        }
    }
    if let Some(r) = crate::complex::compare(op, a, b) {
        return boolean(r);
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && (crate::memview::is_view(a) || crate::memview::is_view(b)) {
        if let Some(same) = crate::memview::eq(cx, rt, a, b)? {
            return boolean(same == (op == CmpOp::Eq));
        }
    }
    if crate::ranges::is_range(a) && crate::ranges::is_range(b) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return boolean(crate::library::range_eq(a, b) == (op == CmpOp::Eq));
    }
    if is(a, &SLICE) && is(b, &SLICE) {
        // Slices compare as the tuples of their start, stop and step.
        let (x, y) = (crate::library::slice_parts(a), crate::library::slice_parts(b));
        let (x, y) = (new_tuple(cx.heap_mut(), &x), new_tuple(cx.heap_mut(), &y));
        return compare(cx, rt, op, x, y);
    }
    let ord: Option<Ordering> = if let (Some(x), Some(y)) = (peek_i64(a), peek_i64(b)) {
        Some(x.cmp(&y))
    } else if let (Some(x), Some(y)) = (peek_bigint(a), peek_bigint(b)) {
        Some(x.cmp(&y))
    } else if let (Some(x), Some(y)) = (peek_f64(a), peek_f64(b)) {
        // An int and a float compare exactly (not as two floats: 2**53 + 1 != 2.0**53); a NaN
        // is unordered: every comparison but `!=` is false.
        let exact = match (peek_bigint(a), peek_bigint(b)) {
            (Some(i), None) => crate::numbers::int_float_cmp(&i, y),
            (None, Some(j)) => crate::numbers::int_float_cmp(&j, x).map(Ordering::reverse),
            _ => x.partial_cmp(&y),
        };
        match exact {
            Some(o) => Some(o),
            None => return boolean(op == CmpOp::Ne),
        }
    } else if is(a, &STR) && is(b, &STR) {
        Some(text(a).cmp(text(b)))
    } else if let (Some(x), Some(y), true) = (
        crate::bytes::buffer(a),
        crate::bytes::buffer(b),
        // (bytes compare with bytes; a bytearray with any bytes-like object.)
        (crate::bytes::is_binary(a) && crate::bytes::is_binary(b))
            || is(a, &crate::bytes::BYTEARRAY)
            || is(b, &crate::bytes::BYTEARRAY),
    ) {
        Some(x.cmp(y))
    } else if (is(a, &LIST) && is(b, &LIST)) || (is(a, &TUPLE) && is(b, &TUPLE)) {
        let (xs, ys) = if is(a, &LIST) { (list_items(a), list_items(b)) } else { (tuple_items(a), tuple_items(b)) };
        let mut result = Some(xs.len().cmp(&ys.len()));
        for (&x, &y) in xs.iter().zip(&ys) {
            if !eq(cx, rt, x, y)? {
                if matches!(op, CmpOp::Eq) {
                    return boolean(false);
                }
                if matches!(op, CmpOp::Ne) {
                    return boolean(true);
                }
                let lt = compare(cx, rt, CmpOp::Lt, x, y)?;
                result = Some(if truth(cx, rt, lt)? { Ordering::Less } else { Ordering::Greater });
                break;
            }
        }
        result
    } else if dict::is_dict(a) && dict::is_dict(b) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        let same = dict::equal(cx, rt, a, b)?;
        return boolean(same == (op == CmpOp::Eq));
    } else if let Some(r) = crate::sets::compare(cx, rt, op, a, b) {
        return boolean(r?);
    } else if let Some(r) = crate::views::compare(cx, rt, op, a, b) {
        return boolean(r?);
    } else {
        None
    };
    if let Some(o) = ord {
        return boolean(holds(op, o));
    }
    if is(a, &INSTANCE) || is(b, &INSTANCE) {
        return crate::compare::rich_compare(cx, rt, op, a, b);
    }
    match op {
        CmpOp::Eq => boolean(a == b),
        CmpOp::Ne => boolean(a != b),
        _ => err(
            cx,
            rt,
            "TypeError",
            &format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(rt, a),
                type_name(rt, b)
            ),
        ),
    }
}

/// How `a` and `b` compare when both are exact ints that fit 64 bits, exact strs, or tuples of
/// those: comparisons that run no user code and cannot fail (sorting keys, `min` of tuples).
/// Tuples compare as `compare` does: their first items that are not equal (identical ones
/// are) decide, else their lengths. None for any other operands.
pub fn plain_cmp(a: usize, b: usize) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if is(a, &INT) && is(b, &INT) {
        // SAFETY: two live ints.
        return Some(unsafe { (read_word(a, &INT_VALUE) as i64).cmp(&(read_word(b, &INT_VALUE) as i64)) });
    }
    if is(a, &STR) && is(b, &STR) {
        return Some(text(a).cmp(text(b)));
    }
    if is(a, &TUPLE) && is(b, &TUPLE) {
        let (xs, ys) = (crate::runtime::tuple_slice(a), crate::runtime::tuple_slice(b));
        for (&x, &y) in xs.iter().zip(ys) {
            if x == y {
                // (Items are equal when identical, as `eq` says, whatever their type.)
                continue;
            }
            match plain_cmp(x, y)? {
                Ordering::Equal => continue,
                o => return Some(o),
            }
        }
        return Some(xs.len().cmp(&ys.len()));
    }
    None
}

/// Whether comparison `op` (an ordering or equality) holds of operands ordered `o`.
fn holds(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering;
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
        _ => unreachable!("{op:?} is not an ordering"),
    }
}

/// `iter(o)`
pub fn iter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> PyResult {
    if let Some(it) = crate::views::iter_of(cx.heap_mut(), o) {
        return Ok(it);
    }
    if is(o, &LIST) || is(o, &TUPLE) || is(o, &STR) || crate::bytes::is_binary(o) {
        let seq = o;
        let it = cx.heap_mut().alloc(&SEQ_ITER);
        // SAFETY: just allocated.
        unsafe { *((it + SITER_SEQ.offset as usize) as *mut usize) = seq };
        return Ok(it);
    }
    if crate::ranges::is_range(o) {
        return Ok(crate::ranges::iter(cx, o));
    }
    if crate::memview::is_view(o) {
        return crate::memview::iter(cx, rt, o);
    }
    if is(o, &SEQ_ITER)
        || is(o, &RANGE_ITER)
        || is(o, &crate::ranges::LONGRANGE_ITER)
        || is(o, &crate::generators::GENERATOR)
        || is_lazy(o)
        || is(o, &crate::library::CALL_ITER)
        || crate::views::is_iter(o)
        || is(o, &crate::memview::MEM_ITER)
    {
        return Ok(o);
    }
    if is(o, &INSTANCE) || is(o, &TYPE) {
        if let Some(r) = call_method(cx, rt, o, "__iter__", &[]) {
            let it = r?;
            if !crate::builtin_methods::is_iterator(rt, it) {
                let msg = format!("iter() returned non-iterator of type '{}'", type_name(rt, it));
                return err(cx, rt, "TypeError", &msg);
            }
            return Ok(it);
        }
        if classes::lookup(rt, peek_type(rt, o), "__getitem__").is_some() {
            // The old sequence protocol: o[0], o[1], ... until IndexError (a lazy map over
            // the indices).
            return Ok(crate::library::getitem_iter(cx, rt, o));
        }
    }
    err(cx, rt, "TypeError", &format!("'{}' object is not iterable", type_name(rt, o)))
}

/// Whether `o` is a lazy builtin iterator (`enumerate`, `zip`, `map`, `filter`).
pub fn is_lazy(o: usize) -> bool {
    is(o, &ENUMERATE) || is(o, &ZIP) || is(o, &MAP) || is(o, &FILTER)
}

/// `next(it)`: `None` when exhausted.
pub fn next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, it: usize) -> Result<Option<usize>, usize> {
    if is(it, &SEQ_ITER) {
        // SAFETY: a live iterator.
        let (seq, i) = unsafe { (read_word(it, &SITER_SEQ) as usize, read_word(it, &SITER_INDEX) as usize) };
        // (The index of a str iterator is a byte offset: the next char is found in O(1).)
        let mut after = i + 1;
        let item = if is(seq, &STR) {
            let c = text(seq).get(i..).and_then(|r| r.chars().next());
            c.map(|c| {
                after = i + c.len_utf8();
                crate::runtime::char_str(cx.heap_mut(), rt, c)
            })
        } else if crate::bytes::is_binary(seq) {
            crate::bytes::iter_item(cx, seq, i)
        } else if is(seq, &LIST) {
            // (One item read in place: a copy of all of them made `list(iter(l))` quadratic.)
            // SAFETY: `seq` is a live list, read at once.
            unsafe { crate::runtime::list_slice(seq) }.get(i).copied()
        } else {
            crate::runtime::tuple_slice(seq).get(i).copied()
        };
        if item.is_some() {
            unsafe { *((it + SITER_INDEX.offset as usize) as *mut u64) = after as u64 };
        }
        return Ok(item);
    }
    if is(it, &RANGE_ITER) {
        let (n, stop, step) = unsafe {
            (read_word(it, &RITER_NEXT) as i64, read_word(it, &RITER_STOP) as i64, read_word(it, &RITER_STEP) as i64)
        };
        if (step > 0 && n < stop) || (step < 0 && n > stop) {
            // (A step past 64 bits is past the stop.)
            unsafe { *((it + RITER_NEXT.offset as usize) as *mut i64) = n.checked_add(step).unwrap_or(stop) };
            return Ok(Some(crate::runtime::int_obj(cx.heap_mut(), rt, n)));
        }
        return Ok(None);
    }
    if is(it, &crate::ranges::LONGRANGE_ITER) {
        return Ok(crate::ranges::next(cx, it));
    }
    if is_lazy(it) {
        return crate::library::lazy_next(cx, rt, it);
    }
    if is(it, &crate::library::CALL_ITER) {
        return crate::library::callable_iter_next(cx, rt, it);
    }
    if is(it, &crate::memview::MEM_ITER) {
        return crate::memview::next(cx, rt, it);
    }
    if crate::views::is_iter(it) {
        return crate::views::iter_next(cx, rt, it);
    }
    if is(it, &crate::generators::GENERATOR) {
        return match gen_send(cx, rt, it, rt.none.get(), None)? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        };
    }
    if is(it, &INSTANCE) {
        if let Some(r) = call_method(cx, rt, it, "__next__", &[]) {
            return match r {
                Ok(v) => Ok(Some(v)),
                Err(e) if classes::is_subclass(rt, peek_type(rt, e), rt.builtin_type("StopIteration")) => Ok(None),
                Err(e) => Err(e),
            };
        }
    }
    Err(crate::errors::new_error(cx, rt, "TypeError", &format!("'{}' object is not an iterator", type_name(rt, it))))
}

/// How resuming a generator ended.
pub enum GenStep {
    Yielded(usize),
    Returned(usize),
}

/// Resumes generator `g` (natives: `next`, `send`, `throw`, iteration in Rust).
pub fn gen_send<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    g: usize,
    sent: usize,
    thrown: Option<usize>,
) -> Result<GenStep, usize> {
    match crate::generators::resume(cx, rt, g, sent, thrown)? {
        None => Ok(GenStep::Returned(rt.none.get())),
        Some(frame) => {
            let mark = cx.root(g);
            let r = cx.call_function(frame);
            cx.unroot(mark);
            let v = r?;
            if crate::generators::finished(cx, g) {
                Ok(GenStep::Returned(v))
            } else {
                Ok(GenStep::Yielded(v))
            }
        }
    }
}

/// All items of an iterable. The items stay rooted until the native that asked returns (the
/// toolchain drops a native's roots when it returns), so the caller may run user code while
/// it holds them.
pub fn collect<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<Vec<usize>, usize> {
    if is(o, &RANGE) {
        // CPython sizes the list from the range's length first: MemoryError, not a long fill.
        let (a, b, c) = crate::ranges::parts(o);
        if crate::ranges::length(&a, &b, &c) > BigInt::from(1u64 << 32) {
            return Err(crate::errors::new_error(cx, rt, "MemoryError", ""));
        }
    }
    let items = if is(o, &LIST) {
        list_items(o)
    } else if is(o, &TUPLE) {
        tuple_items(o)
    } else {
        let it = iter(cx, rt, o)?;
        let _ = cx.root(it);
        let mut out = Vec::new();
        while let Some(v) = next(cx, rt, it)? {
            let _ = cx.root(v);
            out.push(v);
        }
        return Ok(out);
    };
    for &i in &items {
        let _ = cx.root(i);
    }
    Ok(items.into_vec())
}

pub(crate) fn run_op<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    op: NativeOp,
    a: usize,
    b: usize,
    c: usize,
) -> PyResult {
    let none = rt.none.get();
    match op {
        NativeOp::Binary(op) => binary(cx, rt, op, a, b),
        NativeOp::Inplace(op) => match crate::sets::inplace(cx, rt, op, a, b) {
            Some(r) => r.map(|_| a),
            None if dict::is_dict(a) && op == BinOp::Or => {
                crate::library::call_method_of(cx, rt, a, "dict.update", &[b])?;
                Ok(a)
            }
            None if crate::sets::is_set(a) => {
                let msg = format!("unsupported operand type(s) for {}=: 'set' and '{}'", op.symbol(), type_name(rt, b));
                err(cx, rt, "TypeError", &msg)
            }
            None => binary_in(cx, rt, op, a, b, true),
        },
        NativeOp::Unary(op) => crate::numbers::unary(cx, rt, op, a),
        NativeOp::Compare(op) => compare(cx, rt, op, a, b),
        NativeOp::CompareReflected(op) => crate::compare::compare_reflected(cx, rt, op, a, b),
        NativeOp::Truth => Ok(rt.bool_obj(truth(cx, rt, a)?)),
        NativeOp::GetAttr => crate::types::getattr(cx, rt, a, text(b)),
        NativeOp::SetAttr => crate::types::setattr(cx, rt, a, text(b), c).map(|_| none),
        NativeOp::DelAttr if is(a, &MODULE) => crate::library::module_delattr(cx, rt, a, text(b)),
        NativeOp::DelAttr => crate::attrs::delattr(cx, rt, a, text(b)).map(|_| none),
        NativeOp::GetItem => crate::types::getitem(cx, rt, a, b),
        NativeOp::SetItem => crate::types::setitem(cx, rt, a, b, c).map(|_| none),
        NativeOp::DelItem => crate::types::delitem(cx, rt, a, b).map(|_| none),
        NativeOp::Iter => iter(cx, rt, a),
        NativeOp::Next => match next(cx, rt, a)? {
            Some(v) => Ok(v),
            None => crate::types::call_type(cx, rt, rt.builtin_type("StopIteration"), &[], &[]).and_then(Err),
        },
        NativeOp::ListToTuple => Ok(new_tuple(cx.heap_mut(), &list_items(a))),
        NativeOp::BuildSet => {
            let s = crate::sets::new(cx.heap_mut(), false);
            let _ = cx.root(s);
            for k in tuple_items(a) {
                crate::sets::add(cx, rt, s, k)?;
            }
            Ok(s)
        }
        NativeOp::BuildMap => {
            let d = dict::new_dict(cx.heap_mut());
            // Keys' `__hash__`/`__eq__` may run Python code (and collect).
            let _ = cx.root(d);
            let items = tuple_items(a);
            for kv in items.chunks(2) {
                dict::set(cx, rt, d, kv[0], kv[1])?;
            }
            Ok(d)
        }
        NativeOp::BuildString => {
            let s: String = tuple_items(a).into_iter().map(text).collect();
            Ok(new_str(cx.heap_mut(), &s))
        }
        NativeOp::SetAdd => crate::sets::add(cx, rt, a, b).map(|_| none),
        NativeOp::ListExtend => {
            let items =
                crate::errors::collect_or(cx, rt, b, &|t| format!("Value after * must be an iterable, not {t}"))?;
            for i in items {
                crate::runtime::list_push(cx.heap_mut(), a, i);
            }
            Ok(none)
        }
        NativeOp::SetUpdate => crate::sets::update(cx, rt, a, b).map(|_| none),
        NativeOp::DictUpdate | NativeOp::DictMerge => {
            let b = if dict::is_dict(b) {
                b
            } else if is(b, &INSTANCE) && classes::lookup(rt, peek_type(rt, b), "keys").is_some() {
                // A mapping that is not a dict: its keys() and items, as dict(b) takes them.
                crate::types::call_type(cx, rt, rt.builtin_type("dict"), &[b], &[])?
            } else if op == NativeOp::DictMerge {
                let f = crate::errors::function_str(cx, rt, c);
                let msg = format!("{f} argument after ** must be a mapping, not {}", type_name(rt, b));
                return err(cx, rt, "TypeError", &msg);
            } else {
                return err(cx, rt, "TypeError", &format!("'{}' object is not a mapping", type_name(rt, b)));
            };
            for (k, v) in dict::items(b) {
                if op == NativeOp::DictMerge && dict::lookup(cx, rt, a, k)?.is_some() {
                    let k = to_str(cx, rt, k)?;
                    let f = crate::errors::function_str(cx, rt, c);
                    return err(cx, rt, "TypeError", &format!("{f} got multiple values for keyword argument '{k}'"));
                }
                dict::set(cx, rt, a, k, v)?;
            }
            Ok(none)
        }
        NativeOp::Format => {
            let conv = peek_bigint(c).and_then(|b| b.to_i64()).unwrap_or(0);
            let v = match conv {
                1 => {
                    let t = to_str(cx, rt, a)?;
                    new_str(cx.heap_mut(), &t)
                }
                2 => {
                    let t = to_repr(cx, rt, a)?;
                    new_str(cx.heap_mut(), &t)
                }
                3 => {
                    let t = crate::chars::ascii_escape(&to_repr(cx, rt, a)?);
                    new_str(cx.heap_mut(), &t)
                }
                _ => a,
            };
            let spec = if b == none || b == 0 { "" } else { text(b) };
            let s = crate::format::format(cx, rt, v, spec)?;
            Ok(new_str(cx.heap_mut(), &s))
        }
        NativeOp::Unpack => {
            let n = peek_bigint(b).and_then(|b| b.to_usize()).unwrap_or(0);
            let items = crate::errors::collect_or(cx, rt, a, &|t| format!("cannot unpack non-iterable {t} object"))?;
            if items.len() != n {
                return if items.len() > n {
                    err(cx, rt, "ValueError", &format!("too many values to unpack (expected {n})"))
                } else {
                    err(
                        cx,
                        rt,
                        "ValueError",
                        &format!("not enough values to unpack (expected {n}, got {})", items.len()),
                    )
                };
            }
            Ok(new_tuple(cx.heap_mut(), &items))
        }
        NativeOp::UnpackEx => {
            let before = peek_bigint(b).and_then(|b| b.to_usize()).unwrap_or(0);
            let after = peek_bigint(c).and_then(|b| b.to_usize()).unwrap_or(0);
            let items = crate::errors::collect_or(cx, rt, a, &|t| format!("cannot unpack non-iterable {t} object"))?;
            if items.len() < before + after {
                return err(
                    cx,
                    rt,
                    "ValueError",
                    &format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len()),
                );
            }
            let mid = new_list(cx.heap_mut(), &items[before..items.len() - after]);
            let mut out: Vec<usize> = items[..before].to_vec();
            out.push(mid);
            out.extend_from_slice(&items[items.len() - after..]);
            Ok(new_tuple(cx.heap_mut(), &out))
        }
        NativeOp::CallEx => {
            let args = if is(b, &TUPLE) {
                tuple_items(b).into_vec()
            } else {
                match collect(cx, rt, b) {
                    Err(e) if crate::errors::is_not_iterable_error(rt, e, b) => {
                        let f = crate::errors::function_str(cx, rt, a);
                        let msg = format!("{f} argument after * must be an iterable, not {}", type_name(rt, b));
                        return err(cx, rt, "TypeError", &msg);
                    }
                    r => r?,
                }
            };
            let mut kw = Vec::new();
            if c != 0 {
                for (k, v) in dict::items(c) {
                    if !is(k, &STR) {
                        return err(cx, rt, "TypeError", "keywords must be strings");
                    }
                    kw.push((Rc::from(text(k)), v));
                }
            }
            call_value(cx, rt, a, &args, &kw)
        }
        NativeOp::NsGet => match ns_lookup(cx, rt, a, b)? {
            Some(v) => Ok(v),
            None => match crate::globals::peek_global(rt, c, text(b)) {
                Some(v) => Ok(v),
                None => err(cx, rt, "NameError", &format!("name '{}' is not defined", text(b))),
            },
        },
        NativeOp::Import => {
            let spec = tuple_items(b);
            let level = peek_bigint(spec[1]).and_then(|l| l.to_i64()).unwrap_or(0);
            crate::modules::import(cx, rt, text(a), spec[0], level, c)
        }
        NativeOp::ImportFrom => {
            // `from a import b`: the attribute, or the submodule `a.b`.
            let n = text(b);
            match crate::types::getattr(cx, rt, a, n) {
                Ok(v) => Ok(v),
                Err(_) => {
                    let mname = if is(a, &MODULE) {
                        rt.modules.borrow()[rt.module_id(a) as usize].name.to_string()
                    } else {
                        String::new()
                    };
                    let sub = format!("{mname}.{n}");
                    let none = rt.none.get();
                    match crate::modules::import(cx, rt, &sub, none, 0, a) {
                        Ok(_) if rt.module_cache.borrow().contains_key(&sub) => Ok(rt.module_cache.borrow()[&sub]),
                        _ => {
                            let file = Some(a).filter(|&a| is(a, &MODULE));
                            let file = file.and_then(|a| crate::globals::peek_global_of(rt, a, "__file__"));
                            let file = file.filter(|&f| is(f, &STR));
                            let place = file.map(text).unwrap_or("unknown location");
                            let msg = format!("cannot import name '{n}' from '{mname}' ({place})");
                            err(cx, rt, "ImportError", &msg)
                        }
                    }
                }
            }
        }
        NativeOp::ImportStar => crate::modules::import_star(cx, rt, a, b).map(|_| none),
        NativeOp::GetAwaitable
        | NativeOp::BeforeAsyncWith
        | NativeOp::GetAIter
        | NativeOp::GetANext
        | NativeOp::SendTo => crate::library::coro_op(cx, rt, op, a, b),
        NativeOp::CloseWhenDead => {
            cx.heap_mut().register_finalizer(a);
            Ok(a)
        }
        NativeOp::BeforeWith => {
            // `(mgr.__enter__(), mgr.__exit__)`, both special methods: looked up on the class
            // (the instance's own attributes do not count), `__enter__` first, as CPython.
            let t = peek_type(rt, a);
            let special = |cx: &mut Cx<'_, S>, name: &str, missed: &str| match classes::lookup(rt, t, name) {
                Some(v) => crate::attrs::descr_get(cx, rt, v, Some(a), t),
                None => {
                    let msg =
                        format!("'{}' object does not support the context manager protocol{missed}", type_name(rt, a));
                    err(cx, rt, "TypeError", &msg)
                }
            };
            let enter = special(cx, "__enter__", "")?;
            let _ = cx.root(enter);
            let exit = special(cx, "__exit__", " (missed __exit__ method)")?;
            let _ = cx.root(exit);
            let r = call_value(cx, rt, enter, &[], &[])?;
            Ok(new_tuple(cx.heap_mut(), &[r, exit]))
        }
        NativeOp::WithExit => {
            // `exit(type(exc), exc, exc.__traceback__)`, handling `exc`.
            let t = peek_type(rt, b);
            let tb = classes::peek_slot(rt, b, "__traceback__").unwrap_or(none);
            let prev = rt.native_exc.replace(b);
            let r = call_value(cx, rt, a, &[t, b, tb], &[]);
            rt.native_exc.set(prev);
            r
        }
        NativeOp::InplaceList if is(a, &crate::bytes::BYTEARRAY) => {
            let op = if peek_bigint(b).is_some() && !is(b, &FLOAT) { BinOp::Mul } else { BinOp::Add };
            crate::bytes::inplace(cx, rt, op, a, b).unwrap_or_else(|| binary(cx, rt, op, a, b))
        }
        NativeOp::InplaceList => {
            // `list += iterable` extends in place; `list *= n` repeats in place.
            if peek_bigint(b).is_some() {
                let n = peek_bigint(b).and_then(|v| v.to_i64()).unwrap_or(0).max(0) as usize;
                let items = list_items(a);
                let all: Vec<usize> = (0..n).flat_map(|_| items.iter().copied()).collect();
                crate::types::replace_list(cx, a, &all);
            } else {
                for i in collect(cx, rt, b)? {
                    crate::runtime::list_push(cx.heap_mut(), a, i);
                }
            }
            Ok(a)
        }
        NativeOp::PrintExpr => {
            crate::library::display_value(cx, rt, a)?;
            Ok(none)
        }
    }
}

// ---- the builtin table --------------------------------------------------------------------

pub use crate::hashing::{contains, hash, is_callable, tuple_hash};
pub use crate::library::NAMES;

/// The modules written in Rust (their functions are `module.name` in the table).
pub const RUST_MODULES: &[&str] = &[
    "math",
    "sys",
    "time",
    "unicodedata",
    "importlib",
    "_sre",
    "_struct",
    "_binascii",
    "posix",
    "_hashlib",
    "_traceback",
    "_gc",
];

/// The class methods of builtin types: called on the class, they are bound to it.
pub const CLASSMETHODS: &[&str] = &["dict.fromkeys", "int.from_bytes", "float.fromhex"];

/// Whether table entry `name` is a method of a builtin type (not a module's function).
pub fn is_method_name(name: &str) -> bool {
    name.split_once('.').is_some_and(|(prefix, _)| !RUST_MODULES.contains(&prefix))
}

/// `(from, to, n)`: copies `n` references from one refs array to another.
extern "C" fn copy_refs_helper(from: u64, to: u64, n: u64) -> u64 {
    // SAFETY: the interpreter passes two live refs arrays holding at least `n` items.
    unsafe {
        std::ptr::copy_nonoverlapping(
            (from as usize + REFS_ITEMS.base as usize) as *const u64,
            (to as usize + REFS_ITEMS.base as usize) as *mut u64,
            n as usize,
        )
    };
    0
}

const COPY_REFS: Helper =
    Helper::new3("copy_refs", copy_refs_helper, &[Type::Ref, Type::Ref, Type::Int], None, Effect::Write);

/// Copies the first `n` references of refs array `from` into `to`.
pub fn copy_refs<S: Space, C: Ctx<Py<S>>>(cx: &mut C, from: C::Ref, to: C::Ref, n: C::Int) {
    cx.call(&COPY_REFS, &[Red::Ref(from), Red::Ref(to), Red::Int(n)]);
}

/// Binding's dicts in natives (see `call::KwDicts`).
pub struct NativeKwDicts;
impl<'a, S: Space> crate::call::KwDicts<Cx<'a, S>> for NativeKwDicts {
    fn make(&mut self, cx: &mut Cx<'a, S>, items: &[(Rc<str>, usize)]) -> usize {
        let rt = cx.lang().rt.clone();
        let d = dict::new_dict(cx.heap_mut());
        for (k, v) in items {
            let k = new_str(cx.heap_mut(), k);
            // str keys: no user code runs, nothing raises.
            let _ = dict::set(cx, &rt, d, k, *v);
        }
        d
    }
    fn get(&mut self, cx: &mut Cx<'a, S>, d: usize, name: &str) -> Option<usize> {
        let rt = cx.lang().rt.clone();
        let k = new_str(cx.heap_mut(), name);
        dict::lookup(cx, &rt, d, k).ok().flatten()
    }
}

/// `ns[name]` for a class body's namespace: a dict, or the mapping a metaclass's
/// `__prepare__` returned (its `__getitem__` runs; a `KeyError` means "not there").
fn ns_lookup<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, ns: usize, name: usize) -> Result<Option<usize>, usize> {
    if dict::is_dict(ns) {
        return dict::lookup(cx, rt, ns, name);
    }
    match crate::types::getitem(cx, rt, ns, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if classes::is_subclass(rt, peek_type(rt, e), rt.builtin_type("KeyError")) => Ok(None),
        Err(e) => Err(e),
    }
}
