//! The builtin functions and the methods of builtin types, as one table (name, code). A name
//! with a dot (`list.append`) is a method: its first argument is the object it is bound to.

use crate::builtins::{self as b, call_value, collect, err, text, to_repr, to_str, truth, PyResult};
use crate::classes;
use crate::dict;
use crate::objects::*;
use crate::runtime::{list_items, new_bigint, new_float, new_int, new_list, new_str, new_tuple, tuple_items};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::io::Write;
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;
type Kw<'b> = &'b [(Rc<str>, usize)];

/// A builtin's code: `(cx, runtime, bound object, args, keyword args) -> result`.
pub type BuiltinFn<S> =
    for<'a, 'b> fn(&'b mut Concrete<'a, Py<S>>, &'b Python, Option<usize>, &'b [usize], Kw<'b>) -> PyResult;

/// One file's rows of the table: `"name" => function,`. Each file of this module opens with
/// one; `NAMES` and `table` join them in `PARTS` order.
macro_rules! rows {
    ($($name:literal => $f:ident,)*) => {
        /// This file's builtin names, in table order.
        pub(super) const NAMES: &[&str] = &[$($name),*];
        /// This file's functions for space `S`, in the order of `NAMES`.
        pub(super) fn entries<S: Space>() -> Vec<BuiltinFn<S>> {
            vec![$($f::<S> as BuiltinFn<S>),*]
        }
    };
}

mod arity;
mod binascii;
mod bytes;
mod coro;
mod dunders;
mod eawidth;
mod evaluation;
mod exceptions;
mod exgroups;
mod functions;
mod hashes;
mod imports;
mod iterators;
mod lifetime;
mod mappings;
mod matching;
mod math;
mod mathx;
mod memview;
mod methinfo;
mod methods;
mod numeric;
mod objects;
mod objmodel;
mod posix;
mod re;
mod sequences;
mod sets;
mod streams;
mod strs;
mod strs_text;
mod structmod;
mod structseq;
pub(crate) mod system;
mod textargs;
mod textmods;
mod timemod;
mod valuetypes;

pub use arity::{arity_error, keywords_error};
pub use coro::{is_gen_like, run_op as coro_op};
pub use exceptions::{class_for as exception_class_for, code_object, exc_str, message as exception_message};
pub use functions::{
    call_kind, frame_globals as module_globals, frame_info, getattr_impl, getitem_iter, lazy_next, CallKind, FRAME_KW,
};
pub use hashes::{is_hash, repr as hashes_repr, HASH};
pub use iterators::function_get_attr;
pub use lifetime::needs_finalizer;
pub use methinfo::{method_info, MethodInfo, SelfKind};
pub use methods::callable_name;
pub use numeric::{index_value, make_float, make_int, parse_float, parse_int};
pub use objects::{
    callable_iter, callable_iter_next, data_attr, make_range, make_slice, range_contains, range_eq, range_hash,
    range_reversed, range_slice, slice_parts, slice_repr, CALL_ITER,
};
pub use posix::environ as posix_environ;
pub use streams::display_value;
pub use structseq::new_structseq;
pub use system::{cache_module, module_delattr, sys_values};
pub use textmods::UNIDATA_VERSION;

/// The files of the table, in order: (names, functions for space `S`).
macro_rules! parts {
    ($($m:ident),*) => {
        const PARTS: &[&[&str]] = &[$($m::NAMES),*];
        fn entries<S: Space>() -> Vec<BuiltinFn<S>> {
            let mut all = Vec::with_capacity(NAMES.len());
            $(all.extend($m::entries::<S>());)*
            all
        }
    };
}
parts!(
    functions, streams, sequences, strs, strs_text, bytes, dunders, textmods, mappings, sets, methods, numeric,
    objects, math, mathx, exceptions, evaluation, structseq, structmod, binascii, timemod, system, objmodel, imports,
    posix, re, valuetypes, memview, hashes, exgroups, iterators, matching, coro, lifetime
);

const fn total(parts: &[&[&str]]) -> usize {
    let (mut n, mut k) = (0, 0);
    while k < parts.len() {
        n += parts[k].len();
        k += 1;
    }
    n
}

const fn join<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut k) = (0, 0);
    while k < parts.len() {
        let mut j = 0;
        while j < parts[k].len() {
            out[n] = parts[k][j];
            n += 1;
            j += 1;
        }
        k += 1;
    }
    out
}

/// The builtins' names, in table order (a builtin object holds its index here).
pub static NAMES: [&str; total(PARTS)] = join(PARTS);

/// The table for space `S` (made once per space type).
pub fn table<S: Space>() -> &'static [BuiltinFn<S>] {
    use std::any::TypeId;
    use std::cell::Cell;
    use std::collections::HashMap;
    thread_local! {
        static TABLES: std::cell::RefCell<HashMap<TypeId, usize>> = std::cell::RefCell::new(HashMap::new());
        /// The last table asked for: a program uses one space, so this answers nearly always
        /// without hashing.
        static LAST: Cell<Option<(TypeId, usize)>> = const { Cell::new(None) };
    }
    let key = TypeId::of::<S>();
    let addr = match LAST.with(Cell::get) {
        Some((k, addr)) if k == key => addr,
        _ => {
            let addr = TABLES.with(|t| {
                *t.borrow_mut().entry(key).or_insert_with(|| {
                    let v: &'static [BuiltinFn<S>] = Box::leak(entries::<S>().into_boxed_slice());
                    v as *const [BuiltinFn<S>] as *const BuiltinFn<S> as usize
                })
            });
            LAST.with(|l| l.set(Some((key, addr))));
            addr
        }
    };
    // SAFETY: the address is of a leaked slice of `NAMES.len()` entries for this very `S`.
    unsafe { std::slice::from_raw_parts(addr as *const BuiltinFn<S>, NAMES.len()) }
}

/// `NAMES` indexed: a builtin's number from its name, and a builtin type's method from
/// (type prefix, method name). Derived once from the static table; immutable after.
struct Index {
    by_name: rustc_hash::FxHashMap<&'static str, usize>,
    methods: rustc_hash::FxHashMap<&'static str, rustc_hash::FxHashMap<&'static str, usize>>,
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index { by_name: Default::default(), methods: Default::default() };
        for (k, &n) in NAMES.iter().enumerate() {
            index.by_name.entry(n).or_insert(k);
            if let Some((prefix, method)) = n.split_once('.') {
                index.methods.entry(prefix).or_default().entry(method).or_insert(k);
            }
        }
        index
    })
}

/// The number of builtin `name` (`len`, `str.upper`, `math.sqrt`), if there is one.
pub fn builtin_id(name: &str) -> Option<usize> {
    index().by_name.get(name).copied()
}

/// The number of table entry `prefix.name` (a method of a builtin type, or a function of a
/// Rust module), if there is one.
pub fn method_id(prefix: &str, name: &str) -> Option<usize> {
    index().methods.get(prefix)?.get(name).copied()
}

/// The class a builtin class method of builtin type `base` (`int.from_bytes`) was bound to,
/// when its arguments start with one (a subclass of `base`, or `base`), and the others.
fn class_first<'a>(rt: &Python, base: &str, args: &'a [usize]) -> (Option<usize>, &'a [usize]) {
    match args.split_first() {
        Some((&c, rest)) if is(c, &TYPE) && classes::is_subclass(rt, c, rt.builtin_type(base)) => (Some(c), rest),
        _ => (None, args),
    }
}

/// What a builtin class method of a subclass (`cls`) returns for value `v` its base type
/// made: `cls(v)`, as CPython's `int.from_bytes` and `float.fromhex` do; `v` for the base.
fn made_by<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: Option<usize>, v: usize) -> PyResult {
    match cls {
        Some(c) if !classes::is_builtin(rt, c) || c == rt.builtin_type("bool") => {
            let _ = metatrace::Ctx::root(cx, v);
            call_value(cx, rt, c, &[v], &[])
        }
        _ => Ok(v),
    }
}

/// Calls builtin method `name` (`type.method`) of `obj` from Rust.
pub fn call_method_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str, args: &[usize]) -> PyResult {
    let id = builtin_id(name).expect("a builtin method");
    (table::<S>()[id])(cx, rt, Some(obj), args, &[])
}

fn arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], k: usize, fname: &str) -> Result<usize, usize> {
    args.get(k).copied().ok_or_else(|| {
        crate::errors::new_error(cx, rt, "TypeError", &format!("{fname}() missing required argument (pos {})", k + 1))
    })
}

fn kwarg(kw: Kw<'_>, name: &str) -> Option<usize> {
    kw.iter().find(|(n, _)| &**n == name).map(|&(_, v)| v)
}

fn this(t: Option<usize>) -> usize {
    t.expect("a method is bound")
}

fn s<S: Space>(cx: &mut Cx<'_, S>, v: &str) -> PyResult {
    Ok(new_str(cx.heap_mut(), v))
}

/// The data attributes of builtin class `t`'s objects that its dict does not list (for `dir`).
pub fn builtin_data_attrs(rt: &Python, t: usize) -> &'static [&'static str] {
    if !classes::is_builtin(rt, t) {
        return &[];
    }
    match &*classes::type_name(rt, t) {
        "memoryview" => memview::ATTRS,
        "HASH" => &["block_size", "digest_size", "name"],
        "int" | "bool" => &["denominator", "imag", "numerator", "real"],
        "float" | "complex" => &["imag", "real"],
        "range" | "slice" => &["start", "step", "stop"],
        _ => &[],
    }
}

/// Whether table entry `name` is a static or class method of a builtin type (called without
/// a bound object, whether read from the class or from an instance).
pub fn is_static_name(name: &str) -> bool {
    matches!(
        name,
        "str.maketrans"
            | "bytes.maketrans"
            | "bytearray.maketrans"
            | "bytes.fromhex"
            | "bytearray.fromhex"
            | "int.from_bytes"
            | "dict.fromkeys"
            | "list.__class_getitem__"
            | "dict.__class_getitem__"
            | "tuple.__class_getitem__"
            | "set.__class_getitem__"
            | "frozenset.__class_getitem__"
            | "enumerate.__class_getitem__"
    )
}

/// Whether method `method` of builtin type `prefix` is one of CPython's slot wrappers (a
/// `wrapper_descriptor`, most special methods) rather than a `method_descriptor`.
pub fn is_slot_wrapper(prefix: &str, method: &str) -> bool {
    let method_descriptor = match method {
        "__getitem__" => matches!(prefix, "list" | "dict"),
        "__contains__" => matches!(prefix, "dict" | "set" | "frozenset"),
        _ => matches!(
            method,
            "__reversed__"
                | "__sizeof__"
                | "__getnewargs__"
                | "__format__"
                | "__round__"
                | "__trunc__"
                | "__floor__"
                | "__ceil__"
                | "__reduce__"
                | "__reduce_ex__"
                | "__dir__"
                | "__getstate__"
                | "__length_hint__"
                | "__copy__"
                | "__deepcopy__"
                | "__instancecheck__"
                | "__subclasscheck__"
                | "__subclasses__"
                | "__enter__"
                | "__exit__"
                | "__class_getitem__"
                | "__init_subclass__"
                | "__subclasshook__"
                | "__prepare__"
                | "__new__"
        ),
    };
    method.starts_with("__") && method.ends_with("__") && !method_descriptor
}

/// CPython's error for method `name` of a builtin type called on an object that does not
/// hold that type's value (`str.upper(5)`, or an instance of a user subclass).
pub fn wrong_self(rt: &Python, name: &str, this: usize) -> Option<String> {
    let (prefix, method) = name.split_once('.')?;
    if method == "__new__" || crate::boxed::value_of(this) != 0 && name == "dict.__getitem__" {
        // (They check their class argument, or unbox it, themselves.)
        return None;
    }
    let ok = SelfKind::of_prefix(prefix).admits(this);
    (!ok).then(|| {
        // CPython's slot wrappers (most special methods) say it one way, its method
        // descriptors another.
        if is_slot_wrapper(prefix, method) {
            format!("descriptor '{method}' requires a '{prefix}' object but received a '{}'", b::type_name(rt, this))
        } else {
            format!(
                "descriptor '{method}' for '{prefix}' objects doesn't apply to a '{}' object",
                b::type_name(rt, this)
            )
        }
    })
}
