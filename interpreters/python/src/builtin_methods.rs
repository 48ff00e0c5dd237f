//! Methods of builtin objects as the interpreter finds and calls them: a method's number
//! by the object's layout and name ([`method_id`]), the method as its type holds it for
//! calls that pass the object first ([`unbound_method`]), and the traced fast paths of a few
//! builtins ([`fast_call`]: `len` of a list or tuple, `list.append`, `math.sqrt` of a float).

use crate::builtins::{is_method_name, peek_type, NAMES};
use crate::classes;
use crate::objects::*;
use crate::space::Space;
use crate::{dict, Py, Python};
use metatrace::Ctx;

/// Method `name` (number `id`) of builtin object `obj` as its type holds it, not bound, when
/// calling that with `obj` first is calling `obj.name`: a plain method (not a static or
/// class method) of an exact builtin type; else 0.
pub fn unbound_method(rt: &Python, obj: usize, name: &str, id: usize) -> usize {
    let info = crate::library::method_info()[id];
    if !info.method || info.is_static || info.classmethod || is(obj, &INSTANCE) || is(obj, &TYPE) {
        return 0;
    }
    match classes::lookup(rt, peek_type(rt, obj), name) {
        // SAFETY: (below) a live builtin.
        Some(m)
            if is(m, &BUILTIN)
                && unsafe { (read_word(m, &BUILTIN_ID), read_word(m, &BUILTIN_SELF)) } == (id as u64, 0) =>
        {
            m
        }
        _ => 0,
    }
}

/// The number of method `name` of builtin objects of layout `class`.
pub fn method_id(class: usize, name: &str) -> Option<usize> {
    let prefix = if class == LIST.class() {
        "list"
    } else if class == STR.class() {
        "str"
    } else if class == crate::bytes::BYTES.class() {
        "bytes"
    } else if class == crate::bytes::BYTEARRAY.class() {
        "bytearray"
    } else if class == crate::memview::MEMVIEW.class() {
        "memoryview"
    } else if class == crate::memview::MEM_ITER.class() {
        "memory_iterator"
    } else if class == crate::library::HASH.class() {
        "HASH"
    } else if class == dict::DICT.class() {
        "dict"
    } else if class == crate::sets::SET.class() {
        "set"
    } else if class == crate::sets::FROZENSET.class() {
        "frozenset"
    } else if let Some(p) = crate::views::method_prefix(class) {
        p
    } else if class == TUPLE.class() {
        "tuple"
    } else if class == INT.class() || class == BIGINT.class() || class == BOOL.class() {
        "int"
    } else if class == crate::complex::COMPLEX.class() {
        "complex"
    } else if class == RANGE.class() || class == crate::ranges::BIGRANGE.class() {
        "range"
    } else if class == SLICE.class() {
        "slice"
    } else if class == FLOAT.class() {
        "float"
    } else if class == crate::generators::GENERATOR.class() {
        "generator"
    } else if class == crate::generators::COROUTINE.class() {
        "coroutine"
    } else if class == crate::generators::ASYNC_GEN.class() {
        "async_generator"
    } else if class == RANGE.class() || class == crate::ranges::BIGRANGE.class() {
        "range"
    } else {
        return None;
    };
    crate::library::method_id(prefix, name)
}

/// Whether builtin object `b` is a method of a builtin type not yet bound to an object (a
/// class attribute such as `BaseException.__init__`: reading it through an instance binds it).
pub fn is_unbound_method(b: usize) -> bool {
    // SAFETY: a live builtin.
    let (id, this) = unsafe { (read_word(b, &BUILTIN_ID) as usize, read_word(b, &BUILTIN_SELF)) };
    this == 0 && is_method_name(NAMES[id])
}

/// The builtin object named `name` (a constant of traces).
pub fn builtin_object<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, name: &str) -> C::Ref {
    let builtins = cx_builtins(cx, rt);
    crate::globals::load_global(cx, rt, builtins, name).expect("a builtin")
}

fn cx_builtins<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python) -> C::Ref {
    cx.const_ref(rt.builtins.get())
}

/// The builtins [`fast_call`] may answer (`library::CallKind::Fast`): its own, and the leaf
/// ones (`leaf::builtin_call`).
pub const FAST: &[&str] = &["list.append", "len", "math.sqrt", "isinstance", "set.add", "set.discard"];

/// Traced fast paths of builtins that never call user code (`b` is builtin number `id`).
pub fn fast_call<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    id: usize,
    b: C::Ref,
    args: &[C::Ref],
) -> Option<Result<C::Ref, C::Ref>> {
    // (Their numbers, found once: comparing numbers is cheaper than comparing names.)
    static IDS: std::sync::OnceLock<[usize; 3]> = std::sync::OnceLock::new();
    let [append, len, sqrt] = *IDS.get_or_init(|| {
        let id = |n: &str| crate::library::builtin_id(n).expect("a builtin");
        [id("list.append"), id("len"), id("math.sqrt")]
    });
    let name = if id == append {
        "list.append"
    } else if id == len {
        "len"
    } else if id == sqrt {
        "math.sqrt"
    } else {
        return crate::leaf::builtin_call(cx, rt, id, b, args).map(Ok);
    };
    match (name, args) {
        ("list.append", [v]) => {
            let l = cx.getfield_ref(b, &BUILTIN_SELF);
            if crate::interp::is_null(cx, l) {
                // `list.append` itself: a list comes first.
                return None;
            }
            crate::interp::list_append(cx, l, *v);
            Some(Ok(cx.const_ref(rt.none.get())))
        }
        ("list.append", [l, v]) if cx.promote_class(*l) == LIST.class() => {
            let unbound = cx.getfield_ref(b, &BUILTIN_SELF);
            if !crate::interp::is_null(cx, unbound) {
                return None;
            }
            crate::interp::list_append(cx, *l, *v);
            Some(Ok(cx.const_ref(rt.none.get())))
        }
        ("len", [o]) => {
            let class = cx.promote_class(*o);
            let n = if class == LIST.class() {
                cx.getfield_int(*o, &LIST_LEN)
            } else if class == TUPLE.class() {
                cx.arraylen(*o, &TUPLE_ITEMS)
            } else if class == STR.class() {
                cx.getfield_int(*o, &STR_CHARS)
            } else if class == crate::dict::DICT.class() {
                crate::dict::trace_len(cx, *o)
            } else {
                return None;
            };
            Some(Ok(crate::space::small_int(cx, rt, n)))
        }
        // Of a float that is not negative (the native raises ValueError for the rest, and
        // converts ints): one instruction, and a trace sees it.
        ("math.sqrt", [o]) => {
            if cx.promote_class(*o) != FLOAT.class() {
                return None;
            }
            let x = cx.getfield_float(*o, &FLOAT_VALUE);
            let zero = cx.float(0.0);
            let negative = cx.float_lt(x, zero);
            if cx.is_true(negative) {
                return None;
            }
            let r = cx.float_sqrt(x);
            Some(Ok(crate::space::float(cx, r)))
        }
        _ => None,
    }
}

/// The type a builtin function or method shows as: CPython's `method_descriptor` for a
/// builtin type's method read from its class (`str.upper`), `wrapper_descriptor` for its
/// special methods (`int.__add__`) and `method-wrapper` for those bound (`(1).__add__`);
/// else `builtin_function_or_method`.
pub fn builtin_type(rt: &Python, obj: usize, bound: bool) -> usize {
    // SAFETY: a live builtin's fields.
    let (id, own) = unsafe { (read_word(obj, &BUILTIN_ID) as usize, read_word(obj, &BUILTIN_SELF) as usize) };
    let full = crate::library::NAMES[id];
    if !bound && own == 0 && crate::builtins::CLASSMETHODS.contains(&full) {
        // As its class's dict holds it (`dict.__dict__['fromkeys']`).
        return rt.builtin_type("classmethod_descriptor");
    }
    let name = match full.split_once('.') {
        Some((prefix, method))
            if crate::builtins::is_method_name(full)
                && !crate::library::is_static_name(full)
                && !matches!(method, "__new__" | "__init_subclass__" | "__subclasshook__" | "__prepare__")
                && prefix != "builtin_function_or_method" =>
        {
            match (bound || own != 0, crate::library::is_slot_wrapper(prefix, method)) {
                (false, false) => "method_descriptor",
                (false, true) => "wrapper_descriptor",
                (true, true) => "method-wrapper",
                (true, false) => "builtin_function_or_method",
            }
        }
        _ => "builtin_function_or_method",
    };
    rt.builtin_type(name)
}

/// Whether `o` is an iterator (what `__iter__` must return): a builtin one, or an object
/// whose class has `__next__`.
pub fn is_iterator(rt: &Python, o: usize) -> bool {
    if is(o, &INSTANCE) || is(o, &TYPE) {
        return classes::special(rt, crate::builtins::peek_type(rt, o), "__next__").is_some();
    }
    is(o, &SEQ_ITER)
        || is(o, &RANGE_ITER)
        || is(o, &crate::ranges::LONGRANGE_ITER)
        || is(o, &crate::generators::GENERATOR)
        || crate::builtins::is_lazy(o)
        || is(o, &crate::library::CALL_ITER)
        || crate::views::is_iter(o)
        || is(o, &crate::memview::MEM_ITER)
        || classes::special(rt, crate::builtins::peek_type(rt, o), "__next__").is_some()
}
