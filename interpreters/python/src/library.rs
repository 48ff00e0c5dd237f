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

macro_rules! table {
    ($($name:literal => $f:ident,)*) => {
        /// The builtins' names, in table order.
        pub const NAMES: &[&str] = &[$($name),*];
        /// The table for space `S`.
        fn entries<S: Space>() -> Vec<BuiltinFn<S>> {
            vec![$($f::<S> as BuiltinFn<S>),*]
        }
    };
}

table! {
    "print" => print,
    "len" => len,
    "repr" => repr,
    "abs" => abs,
    "min" => min,
    "max" => max,
    "sum" => sum,
    "isinstance" => isinstance,
    "issubclass" => issubclass,
    "hasattr" => hasattr,
    "getattr" => getattr,
    "setattr" => setattr,
    "iter" => iter,
    "next" => next,
    "sorted" => sorted,
    "reversed" => reversed,
    "enumerate" => enumerate,
    "zip" => zip,
    "map" => map,
    "filter" => filter,
    "any" => any,
    "all" => all,
    "chr" => chr,
    "ord" => ord,
    "hex" => hex,
    "oct" => oct,
    "bin" => bin,
    "round" => round,
    "divmod" => divmod,
    "pow" => pow,
    "hash" => hash,
    "id" => id,
    "callable" => callable,
    "input" => input,
    "format" => format,
    "dir" => dir,
    "vars" => vars,
    "delattr" => delattr,
    "ascii" => ascii,
    "__build_class__" => build_class,
    "list.append" => list_append,
    "list.pop" => list_pop,
    "list.extend" => list_extend,
    "list.insert" => list_insert,
    "list.remove" => list_remove,
    "list.index" => seq_index,
    "list.count" => seq_count,
    "list.sort" => list_sort,
    "list.reverse" => list_reverse,
    "list.copy" => list_copy,
    "list.clear" => list_clear,
    "tuple.index" => seq_index,
    "tuple.count" => seq_count,
    "str.join" => str_join,
    "str.split" => str_split,
    "str.strip" => str_strip,
    "str.lstrip" => str_lstrip,
    "str.rstrip" => str_rstrip,
    "str.upper" => str_upper,
    "str.lower" => str_lower,
    "str.replace" => str_replace,
    "str.startswith" => str_startswith,
    "str.endswith" => str_endswith,
    "str.find" => str_find,
    "str.index" => str_index,
    "str.count" => str_count,
    "str.format" => str_format,
    "str.isdigit" => str_isdigit,
    "str.isalpha" => str_isalpha,
    "str.isspace" => str_isspace,
    "str.isupper" => str_isupper,
    "str.islower" => str_islower,
    "str.center" => str_center,
    "str.ljust" => str_ljust,
    "str.rjust" => str_rjust,
    "str.zfill" => str_zfill,
    "str.title" => str_title,
    "str.capitalize" => str_capitalize,
    "str.splitlines" => str_splitlines,
    "str.partition" => str_partition,
    "str.rpartition" => str_rpartition,
    "str.rfind" => str_rfind,
    "str.rsplit" => str_rsplit,
    "str.swapcase" => str_swapcase,
    "str.removeprefix" => str_removeprefix,
    "str.removesuffix" => str_removesuffix,
    "str.isalnum" => str_isalnum,
    "str.isidentifier" => str_isidentifier,
    "str.casefold" => str_lower,
    "dict.get" => dict_get,
    "dict.keys" => dict_keys,
    "dict.values" => dict_values,
    "dict.items" => dict_items,
    "dict.setdefault" => dict_setdefault,
    "dict.pop" => dict_pop,
    "dict.update" => dict_update,
    "dict.copy" => dict_copy,
    "dict.clear" => dict_clear,
    "set.add" => set_add,
    "set.remove" => set_remove,
    "set.discard" => set_discard,
    "set.copy" => dict_copy,
    "set.union" => set_union,
    "set.intersection" => set_intersection,
    "set.difference" => set_difference,
    "set.symmetric_difference" => set_symdiff,
    "set.issubset" => set_issubset,
    "set.issuperset" => set_issuperset,
    "set.update" => set_update,
    "set.pop" => set_pop,
    "set.clear" => dict_clear,
    "dict.popitem" => dict_popitem,
    "dict.fromkeys" => dict_fromkeys,
    "float.is_integer" => float_is_integer,
    "int.bit_length" => int_bit_length,
    "BaseException.__init__" => exc_init,
    "generator.send" => gen_send_m,
    "generator.throw" => gen_throw,
    "generator.close" => gen_close,
    "generator.__next__" => gen_next,
    "math.sqrt" => m_sqrt,
    "math.floor" => m_floor,
    "math.ceil" => m_ceil,
    "math.trunc" => m_trunc,
    "math.exp" => m_exp,
    "math.log" => m_log,
    "math.log2" => m_log2,
    "math.log10" => m_log10,
    "math.sin" => m_sin,
    "math.cos" => m_cos,
    "math.tan" => m_tan,
    "math.asin" => m_asin,
    "math.acos" => m_acos,
    "math.atan" => m_atan,
    "math.atan2" => m_atan2,
    "math.hypot" => m_hypot,
    "math.pow" => m_pow,
    "math.fabs" => m_fabs,
    "math.isnan" => m_isnan,
    "math.isinf" => m_isinf,
    "math.isfinite" => m_isfinite,
    "math.isclose" => m_isclose,
    "math.degrees" => m_degrees,
    "math.radians" => m_radians,
    "math.gcd" => m_gcd,
    "math.factorial" => m_factorial,
    "math.isqrt" => m_isqrt,
    "math.fsum" => m_fsum,
    "math.copysign" => m_copysign,
    "sys.exit" => sys_exit,
    "sys.getrecursionlimit" => sys_getrecursionlimit,
    "sys.setrecursionlimit" => sys_setrecursionlimit,
    "time.time" => time_time,
    "time.perf_counter" => time_time,
    "time.monotonic" => time_time,
    "time.sleep" => time_sleep,
    "property.setter" => prop_setter,
    "property.getter" => prop_getter,
    "property.deleter" => prop_deleter,
    "TextIOWrapper.write" => io_write,
    "TextIOWrapper.flush" => io_flush,
}

/// The table for space `S` (made once per space type).
pub fn table<S: Space>() -> &'static [BuiltinFn<S>] {
    use std::any::TypeId;
    use std::collections::HashMap;
    thread_local! {
        static TABLES: std::cell::RefCell<HashMap<TypeId, usize>> = std::cell::RefCell::new(HashMap::new());
    }
    let addr = TABLES.with(|t| {
        *t.borrow_mut().entry(TypeId::of::<S>()).or_insert_with(|| {
            let v: &'static [BuiltinFn<S>] = Box::leak(entries::<S>().into_boxed_slice());
            v as *const [BuiltinFn<S>] as *const BuiltinFn<S> as usize
        })
    });
    // SAFETY: the address is of a leaked slice of `NAMES.len()` entries for this very `S`.
    unsafe { std::slice::from_raw_parts(addr as *const BuiltinFn<S>, NAMES.len()) }
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

fn print<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let none = rt.none.get();
    let sep = match kwarg(kw, "sep") {
        Some(s) if s != none => to_str(cx, rt, s)?,
        _ => " ".into(),
    };
    let end = match kwarg(kw, "end") {
        Some(s) if s != none => to_str(cx, rt, s)?,
        _ => "\n".into(),
    };
    let mut line = String::new();
    for (k, &a) in args.iter().enumerate() {
        if k > 0 {
            line.push_str(&sep);
        }
        line.push_str(&to_str(cx, rt, a)?);
    }
    line.push_str(&end);
    match kwarg(kw, "file").filter(|&f| f != none) {
        Some(f) => {
            // A file object with `write` (a user class, or sys.stderr).
            let s = new_str(cx.heap_mut(), &line);
            if let Some(r) = b::call_method(cx, rt, f, "write", &[s]) {
                r?;
            }
        }
        None => {
            let mut out = rt.out.borrow_mut();
            let _ = out.write_all(line.as_bytes());
            if kwarg(kw, "flush").is_some_and(|f| f == rt.true_.get()) {
                let _ = out.flush();
            }
        }
    }
    Ok(none)
}

fn len<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "len")?;
    let n = b::len(cx, rt, o)?;
    Ok(new_int(cx.heap_mut(), n as i64))
}

fn repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "repr")?;
    let s = to_repr(cx, rt, o)?;
    Ok(new_str(cx.heap_mut(), &s))
}

fn abs<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "abs")?;
    if let Some(v) = peek_bigint(o) {
        return Ok(new_bigint(cx.heap_mut(), v.abs()));
    }
    if is(o, &FLOAT) {
        return Ok(new_float(cx.heap_mut(), f64::from_bits(unsafe { read_word(o, &FLOAT_VALUE) }).abs()));
    }
    if let Some(r) = b::call_method(cx, rt, o, "__abs__", &[]) {
        return r;
    }
    err(cx, rt, "TypeError", &format!("bad operand type for abs(): '{}'", b::type_name(rt, o)))
}

fn key_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, key: Option<usize>, v: usize) -> PyResult {
    match key.filter(|&k| k != rt.none.get()) {
        Some(k) => call_value(cx, rt, k, &[v], &[]),
        None => Ok(v),
    }
}

fn min_max<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    op: crate::bytecode::CmpOp,
) -> PyResult {
    let items = if args.len() == 1 { collect(cx, rt, args[0])? } else { args.to_vec() };
    let mark = metatrace::Ctx::root(cx, 0);
    for &i in &items {
        let _ = metatrace::Ctx::root(cx, i);
    }
    let key = kwarg(kw, "key");
    let r = (|| {
        let Some(&first) = items.first() else {
            if let Some(d) = kwarg(kw, "default") {
                return Ok(d);
            }
            return err(cx, rt, "ValueError", &format!("{name}() arg is an empty sequence"));
        };
        let mut best = first;
        let mut best_key = key_of(cx, rt, key, first)?;
        let _ = metatrace::Ctx::root(cx, best_key);
        for &i in &items[1..] {
            let k = key_of(cx, rt, key, i)?;
            let _ = metatrace::Ctx::root(cx, k);
            let better = b::compare(cx, rt, op, k, best_key)?;
            if truth(cx, rt, better)? {
                best = i;
                best_key = k;
            }
        }
        Ok(best)
    })();
    metatrace::Ctx::unroot(cx, mark);
    r
}

fn min<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    min_max(cx, rt, args, kw, "min", crate::bytecode::CmpOp::Lt)
}

fn max<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    min_max(cx, rt, args, kw, "max", crate::bytecode::CmpOp::Gt)
}

fn sum<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let __t1 = arg(cx, rt, args, 0, "sum")?;
    let items = collect(cx, rt, __t1)?;
    let mark = metatrace::Ctx::root(cx, 0);
    let mut acc = args.get(1).copied().or(kwarg(kw, "start")).unwrap_or_else(|| new_int(cx.heap_mut(), 0));
    let mut r = Ok(());
    for i in items {
        match b::binary(cx, rt, crate::bytecode::BinOp::Add, acc, i) {
            Ok(v) => {
                acc = v;
                let _ = metatrace::Ctx::root(cx, v);
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    metatrace::Ctx::unroot(cx, mark);
    r.map(|_| acc)
}

fn classinfo_matches<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: usize, info: usize) -> Result<bool, usize> {
    if is(info, &TUPLE) {
        for c in tuple_items(info) {
            if classinfo_matches(cx, rt, t, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !is(info, &TYPE) {
        return Err(crate::errors::new_error(
            cx,
            rt,
            "TypeError",
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ));
    }
    // bool is an int.
    if info == rt.builtin_type("int") && t == rt.builtin_type("bool") {
        return Ok(true);
    }
    Ok(classes::is_subclass(rt, t, info))
}

fn isinstance<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t2 = arg(cx, rt, args, 1, "isinstance")?;
    let (o, info) = (arg(cx, rt, args, 0, "isinstance")?, __t2);
    let t = b::peek_type(rt, o);
    Ok(rt.bool_obj(classinfo_matches(cx, rt, t, info)?))
}

fn issubclass<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t3 = arg(cx, rt, args, 1, "issubclass")?;
    let (t, info) = (arg(cx, rt, args, 0, "issubclass")?, __t3);
    if !is(t, &TYPE) {
        return err(cx, rt, "TypeError", "issubclass() arg 1 must be a class");
    }
    Ok(rt.bool_obj(classinfo_matches(cx, rt, t, info)?))
}

fn getattr_impl<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, name: &str) -> PyResult {
    if let Some(id) = b::method_id(layout_of(o), name) {
        let m = cx.heap_mut().alloc(&BUILTIN);
        unsafe {
            *((m + BUILTIN_ID.offset as usize) as *mut usize) = id;
            *((m + BUILTIN_SELF.offset as usize) as *mut usize) = o;
        }
        return Ok(m);
    }
    if is(o, &MODULE) {
        let id = rt.module_id(o) as usize;
        let slot = rt.modules.borrow()[id].slots.get(name).copied();
        if let Some(i) = slot {
            let values = unsafe { read_word(o, &MODULE_DICT) } as usize;
            let v = unsafe { *((values + REFS_ITEMS.base as usize + 8 * i as usize) as *const usize) };
            if v != 0 {
                return Ok(v);
            }
        }
        return err(cx, rt, "AttributeError", &format!("module has no attribute '{name}'"));
    }
    match crate::types::getattr(cx, rt, o, name) {
        Err(e) if is(o, &INSTANCE) => match classes::lookup(rt, b::peek_type(rt, o), "__getattr__") {
            Some(g) => {
                let n = new_str(cx.heap_mut(), name);
                call_value(cx, rt, g, &[o, n], &[])
            }
            None => Err(e),
        },
        r => r,
    }
}

fn hasattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t4 = arg(cx, rt, args, 1, "hasattr")?;
    let (o, n) = (arg(cx, rt, args, 0, "hasattr")?, __t4);
    match getattr_impl(cx, rt, o, text(n)) {
        Ok(_) => Ok(rt.true_.get()),
        Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("AttributeError")) => {
            Ok(rt.false_.get())
        }
        Err(e) => Err(e),
    }
}

fn getattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t5 = arg(cx, rt, args, 1, "getattr")?;
    let (o, n) = (arg(cx, rt, args, 0, "getattr")?, __t5);
    if !is(n, &STR) {
        return err(cx, rt, "TypeError", "attribute name must be string");
    }
    match getattr_impl(cx, rt, o, text(n)) {
        Err(e)
            if args.len() > 2 && classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("AttributeError")) =>
        {
            Ok(args[2])
        }
        r => r,
    }
}

fn setattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t6 = arg(cx, rt, args, 1, "setattr")?;
    let __t7 = arg(cx, rt, args, 2, "setattr")?;
    let (o, n, v) = (arg(cx, rt, args, 0, "setattr")?, __t6, __t7);
    crate::types::setattr(cx, rt, o, text(n), v)?;
    Ok(rt.none.get())
}

fn iter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "iter")?;
    b::iter(cx, rt, o)
}

fn next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let it = arg(cx, rt, args, 0, "next")?;
    if is(it, &crate::generators::GENERATOR) {
        return match b::gen_send(cx, rt, it, rt.none.get(), None)? {
            b::GenStep::Yielded(v) => Ok(v),
            b::GenStep::Returned(_) if args.len() > 1 => Ok(args[1]),
            b::GenStep::Returned(_) => Err(crate::generators::stop_iteration(cx, rt, it)),
        };
    }
    match b::next(cx, rt, it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => crate::types::call_type(cx, rt, rt.builtin_type("StopIteration"), &[], &[]).and_then(Err),
        },
    }
}

/// Sorts `items` in place by `key`, stably (Python's `sorted`): every key is computed first
/// (user code), then compared (maybe user code too); keys are rooted meanwhile.
fn sort_items<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    items: &mut Vec<usize>,
    key: Option<usize>,
    reverse: bool,
) -> Result<(), usize> {
    let mark = metatrace::Ctx::root(cx, 0);
    let r = (|| {
        let mut keyed = Vec::with_capacity(items.len());
        for &i in items.iter() {
            let _ = metatrace::Ctx::root(cx, i);
            let k = key_of(cx, rt, key, i)?;
            let _ = metatrace::Ctx::root(cx, k);
            keyed.push((k, i));
        }
        // Merge sort with a fallible comparison.
        let mut error = None;
        let mut v: Vec<(usize, usize)> = keyed;
        let lt = |cx: &mut Cx<'_, S>, a: usize, b2: usize, error: &mut Option<usize>| -> bool {
            if error.is_some() {
                return false;
            }
            match b::compare(cx, rt, crate::bytecode::CmpOp::Lt, a, b2).and_then(|r| truth(cx, rt, r)) {
                Ok(t) => t,
                Err(e) => {
                    *error = Some(e);
                    false
                }
            }
        };
        let n = v.len();
        let mut width = 1;
        while width < n {
            let mut out = Vec::with_capacity(n);
            let mut start = 0;
            while start < n {
                let mid = (start + width).min(n);
                let end = (start + 2 * width).min(n);
                let (mut i, mut j) = (start, mid);
                while i < mid && j < end {
                    let take_right =
                        if reverse { lt(cx, v[i].0, v[j].0, &mut error) } else { lt(cx, v[j].0, v[i].0, &mut error) };
                    if take_right {
                        out.push(v[j]);
                        j += 1;
                    } else {
                        out.push(v[i]);
                        i += 1;
                    }
                }
                out.extend_from_slice(&v[i..mid]);
                out.extend_from_slice(&v[j..end]);
                start = end;
            }
            v = out;
            width *= 2;
        }
        if let Some(e) = error {
            return Err(e);
        }
        *items = v.into_iter().map(|(_, i)| i).collect();
        Ok(())
    })();
    metatrace::Ctx::unroot(cx, mark);
    r
}

fn sorted<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let __t8 = arg(cx, rt, args, 0, "sorted")?;
    let mut items = collect(cx, rt, __t8)?;
    let reverse = kwarg(kw, "reverse").is_some_and(|r| r == rt.true_.get() || peek_i64(r).is_some_and(|v| v != 0));
    sort_items(cx, rt, &mut items, kwarg(kw, "key"), reverse)?;
    Ok(new_list(cx.heap_mut(), &items))
}

fn reversed<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t9 = arg(cx, rt, args, 0, "reversed")?;
    let mut items = collect(cx, rt, __t9)?;
    items.reverse();
    let l = new_list(cx.heap_mut(), &items);
    b::iter(cx, rt, l)
}

fn lazy<S: Space>(cx: &mut Cx<'_, S>, layout: &'static metatrace::heap::Layout, a: usize, bv: usize, n: i64) -> usize {
    let o = cx.heap_mut().alloc(layout);
    // SAFETY: just allocated with a lazy iterator's layout.
    unsafe {
        *((o + LAZY_A.offset as usize) as *mut usize) = a;
        *((o + LAZY_B.offset as usize) as *mut usize) = bv;
        *((o + LAZY_N.offset as usize) as *mut i64) = n;
    }
    o
}

fn iters<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize]) -> PyResult {
    let mut its = Vec::with_capacity(args.len());
    for &a in args {
        let it = b::iter(cx, rt, a)?;
        let _ = metatrace::Ctx::root(cx, it);
        its.push(it);
    }
    Ok(new_tuple(cx.heap_mut(), &its))
}

fn enumerate<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let src = arg(cx, rt, args, 0, "enumerate")?;
    let start = args.get(1).copied().or(kwarg(kw, "start")).and_then(|s| peek_i64(s)).unwrap_or(0);
    let it = b::iter(cx, rt, src)?;
    Ok(lazy(cx, &ENUMERATE, it, 0, start))
}

fn zip<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let its = iters(cx, rt, args)?;
    Ok(lazy(cx, &ZIP, its, 0, 0))
}

fn map<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let f = arg(cx, rt, args, 0, "map")?;
    let its = iters(cx, rt, &args[1..])?;
    Ok(lazy(cx, &MAP, f, its, 0))
}

fn filter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let f = arg(cx, rt, args, 0, "filter")?;
    let src = arg(cx, rt, args, 1, "filter")?;
    let it = b::iter(cx, rt, src)?;
    Ok(lazy(cx, &FILTER, f, it, 0))
}

/// An iterator over `o[0]`, `o[1]`, ... until IndexError (a `map` of a bound `__getitem__`
/// over a counter, stopping at IndexError: see `lazy_next`).
pub fn getitem_iter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> usize {
    let _ = rt;
    lazy(cx, &ENUMERATE, o, 1, 0)
}

/// The next item of a lazy builtin iterator (`None`: exhausted).
pub fn lazy_next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<Option<usize>, usize> {
    // SAFETY: `o` is a live lazy iterator.
    let (a, bv, n) =
        unsafe { (read_word(o, &LAZY_A) as usize, read_word(o, &LAZY_B) as usize, read_word(o, &LAZY_N) as i64) };
    if is(o, &ENUMERATE) && bv == 1 {
        // The sequence protocol (see `getitem_iter`).
        let k = new_int(cx.heap_mut(), n);
        let r = match b::call_method(cx, rt, a, "__getitem__", &[k]) {
            Some(r) => r,
            None => return Ok(None),
        };
        return match r {
            Ok(v) => {
                unsafe { *((o + LAZY_N.offset as usize) as *mut i64) = n + 1 };
                Ok(Some(v))
            }
            Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("IndexError")) => Ok(None),
            Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("StopIteration")) => Ok(None),
            Err(e) => Err(e),
        };
    }
    if is(o, &ENUMERATE) {
        let Some(v) = b::next(cx, rt, a)? else { return Ok(None) };
        unsafe { *((o + LAZY_N.offset as usize) as *mut i64) = n + 1 };
        let _ = metatrace::Ctx::root(cx, v);
        let k = new_int(cx.heap_mut(), n);
        return Ok(Some(new_tuple(cx.heap_mut(), &[k, v])));
    }
    if is(o, &ZIP) || is(o, &MAP) {
        let its = tuple_items(if is(o, &ZIP) { a } else { bv });
        let mut vals = Vec::with_capacity(its.len());
        for it in its {
            match b::next(cx, rt, it)? {
                Some(v) => {
                    let _ = metatrace::Ctx::root(cx, v);
                    vals.push(v);
                }
                None => return Ok(None),
            }
        }
        if is(o, &ZIP) {
            return Ok(Some(new_tuple(cx.heap_mut(), &vals)));
        }
        return call_value(cx, rt, a, &vals, &[]).map(Some);
    }
    // filter
    loop {
        let Some(v) = b::next(cx, rt, bv)? else { return Ok(None) };
        let _ = metatrace::Ctx::root(cx, v);
        let keep = if a == rt.none.get() {
            truth(cx, rt, v)?
        } else {
            let r = call_value(cx, rt, a, &[v], &[])?;
            truth(cx, rt, r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
}

fn any<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t12 = arg(cx, rt, args, 0, "any")?;
    let it = b::iter(cx, rt, __t12)?;
    while let Some(v) = b::next(cx, rt, it)? {
        if truth(cx, rt, v)? {
            return Ok(rt.true_.get());
        }
    }
    Ok(rt.false_.get())
}

fn all<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t13 = arg(cx, rt, args, 0, "all")?;
    let it = b::iter(cx, rt, __t13)?;
    while let Some(v) = b::next(cx, rt, it)? {
        if !truth(cx, rt, v)? {
            return Ok(rt.false_.get());
        }
    }
    Ok(rt.true_.get())
}

fn chr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let n = peek_i64(arg(cx, rt, args, 0, "chr")?).unwrap_or(-1);
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(new_str(cx.heap_mut(), c.encode_utf8(&mut [0; 4]))),
        None => err(cx, rt, "ValueError", "chr() arg not in range(0x110000)"),
    }
}

fn ord<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let s = arg(cx, rt, args, 0, "ord")?;
    let mut cs = text(s).chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(new_int(cx.heap_mut(), c as i64)),
        _ => err(
            cx,
            rt,
            "TypeError",
            &format!("ord() expected a character, but string of length {} found", text(s).chars().count()),
        ),
    }
}

fn radix<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], r: u32, prefix: &str) -> PyResult {
    let v = peek_bigint(arg(cx, rt, args, 0, prefix)?).unwrap_or_default();
    let s = format!("{}{prefix}{}", if v.is_negative() { "-" } else { "" }, v.abs().to_str_radix(r));
    Ok(new_str(cx.heap_mut(), &s))
}
fn hex<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    radix(cx, rt, args, 16, "0x")
}
fn oct<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    radix(cx, rt, args, 8, "0o")
}
fn bin<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    radix(cx, rt, args, 2, "0b")
}

fn round<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let x = arg(cx, rt, args, 0, "round")?;
    let nd = args.get(1).filter(|&&n| n != rt.none.get()).and_then(|&n| peek_i64(n));
    if peek_i64(x).is_some() || is(x, &BIGINT) {
        return Ok(x);
    }
    let f = f64::from_bits(unsafe { read_word(x, &FLOAT_VALUE) });
    match nd {
        None => {
            let r = f.round_ties_even();
            if !r.is_finite() {
                return err(cx, rt, "OverflowError", "cannot convert float infinity to integer");
            }
            Ok(new_bigint(cx.heap_mut(), BigInt::from(r as i128)))
        }
        Some(n) => {
            let s = format!("{:.*}", n.max(0) as usize, f);
            let r: f64 = if n >= 0 {
                s.parse().unwrap_or(f)
            } else {
                (f / 10f64.powi(-n as i32)).round_ties_even() * 10f64.powi(-n as i32)
            };
            Ok(new_float(cx.heap_mut(), r))
        }
    }
}

fn divmod<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t14 = arg(cx, rt, args, 1, "divmod")?;
    let (a, c) = (arg(cx, rt, args, 0, "divmod")?, __t14);
    let q = b::binary(cx, rt, crate::bytecode::BinOp::FloorDiv, a, c)?;
    let _m0 = metatrace::Ctx::root(cx, q);
    let m = b::binary(cx, rt, crate::bytecode::BinOp::Mod, a, c)?;
    metatrace::Ctx::unroot(cx, _m0);
    Ok(new_tuple(cx.heap_mut(), &[q, m]))
}

fn pow<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t15 = arg(cx, rt, args, 1, "pow")?;
    let (a, e) = (arg(cx, rt, args, 0, "pow")?, __t15);
    if let (Some(m), Some(x), Some(y)) = (args.get(2).and_then(|&m| peek_bigint(m)), peek_bigint(a), peek_bigint(e)) {
        if m.is_zero() {
            return err(cx, rt, "ValueError", "pow() 3rd argument cannot be 0");
        }
        return Ok(new_bigint(cx.heap_mut(), x.modpow(&y, &m)));
    }
    b::binary(cx, rt, crate::bytecode::BinOp::Pow, a, e)
}

fn hash<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t16 = arg(cx, rt, args, 0, "hash")?;
    let h = b::hash(cx, rt, __t16)?;
    Ok(new_int(cx.heap_mut(), h))
}

fn id<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "id")?;
    Ok(new_int(cx.heap_mut(), o as i64))
}

fn callable<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "callable")?;
    let c = is(o, &FUNCTION)
        || is(o, &BUILTIN)
        || is(o, &TYPE)
        || is(o, &METHOD)
        || (is(o, &INSTANCE) && classes::lookup(rt, b::peek_type(rt, o), "__call__").is_some());
    Ok(rt.bool_obj(c))
}

fn input<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    if let Some(&p) = args.first() {
        let s = to_str(cx, rt, p)?;
        let mut out = rt.out.borrow_mut();
        let _ = out.write_all(s.as_bytes());
        let _ = out.flush();
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => err(cx, rt, "EOFError", "EOF when reading a line"),
        Ok(_) => {
            let l = line.strip_suffix('\n').unwrap_or(&line);
            let l = l.strip_suffix('\r').unwrap_or(l);
            Ok(new_str(cx.heap_mut(), l))
        }
    }
}

fn format<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let v = arg(cx, rt, args, 0, "format")?;
    let spec = args.get(1).map(|&s| text(s)).unwrap_or("");
    let s = crate::format::format(cx, rt, v, spec)?;
    Ok(new_str(cx.heap_mut(), &s))
}

/// `__build_class__(body, name, *bases, metaclass=...)`: runs the class body with a fresh
/// namespace and makes the class from it.
fn build_class<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t17 = arg(cx, rt, args, 1, "__build_class__")?;
    let (body, name) = (arg(cx, rt, args, 0, "__build_class__")?, __t17);
    let bases = &args[2..];
    for &bse in bases {
        if !is(bse, &TYPE) {
            return err(cx, rt, "TypeError", "bases must be types");
        }
    }
    let ns = dict::new_dict(cx.heap_mut());
    let mark = metatrace::Ctx::root(cx, ns);
    let mut frame = crate::call::bind(cx, rt, body, Vec::new(), None, rt.none.get(), &mut b::NativeKwDicts)?;
    frame.ns = ns;
    let r = cx.call_function(frame);
    metatrace::Ctx::unroot(cx, mark);
    r?;
    let items: Vec<(Rc<str>, usize)> =
        dict::items(ns).into_iter().filter(|(k, _)| is(*k, &STR)).map(|(k, v)| (Rc::from(text(k)), v)).collect();
    let cell = items.iter().find(|(k, _)| &**k == "__classcell__").map(|&(_, v)| v);
    let version = metatrace::Ctx::quasi_new(cx, 0);
    let version = metatrace::QuasiId::from_raw(version);
    let t = match classes::make_class(rt, cx.heap_mut(), version, text(name), bases, items) {
        Ok(t) => t,
        Err(msg) => return err(cx, rt, "TypeError", &msg),
    };
    if let Some(c) = cell.filter(|&c| is(c, &CELL)) {
        unsafe { *((c + CELL_VALUE.offset as usize) as *mut usize) = t };
    }
    Ok(t)
}

fn list_append<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let v = arg(cx, rt, args, 0, "append")?;
    crate::runtime::list_push(cx.heap_mut(), this(t), v);
    Ok(rt.none.get())
}

fn list_pop<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let l = this(t);
    let mut items = list_items(l);
    if items.is_empty() {
        return err(cx, rt, "IndexError", "pop from empty list");
    }
    let n = items.len() as i64;
    let i = args.first().and_then(|&i| peek_i64(i)).unwrap_or(-1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return err(cx, rt, "IndexError", "pop index out of range");
    }
    let v = items.remove(j as usize);
    crate::types::replace_list(cx, l, &items);
    Ok(v)
}

fn list_extend<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t18 = arg(cx, rt, args, 0, "extend")?;
    let items = collect(cx, rt, __t18)?;
    for i in items {
        crate::runtime::list_push(cx.heap_mut(), this(t), i);
    }
    Ok(rt.none.get())
}

fn list_insert<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let l = this(t);
    let mut items = list_items(l);
    let n = items.len() as i64;
    let i = peek_i64(arg(cx, rt, args, 0, "insert")?).unwrap_or(0);
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, arg(cx, rt, args, 1, "insert")?);
    crate::types::replace_list(cx, l, &items);
    Ok(rt.none.get())
}

fn list_remove<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let l = this(t);
    let v = arg(cx, rt, args, 0, "remove")?;
    let mut items = list_items(l);
    for k in 0..items.len() {
        if b::eq(cx, rt, items[k], v)? {
            items.remove(k);
            crate::types::replace_list(cx, l, &items);
            return Ok(rt.none.get());
        }
    }
    err(cx, rt, "ValueError", "list.remove(x): x not in list")
}

fn seq_items(o: usize) -> Vec<usize> {
    if is(o, &LIST) {
        list_items(o)
    } else {
        tuple_items(o)
    }
}

fn seq_index<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = this(t);
    let v = arg(cx, rt, args, 0, "index")?;
    let items = seq_items(o);
    let n = items.len() as i64;
    let norm = |x: Option<i64>, d: i64| x.map(|i| if i < 0 { (i + n).max(0) } else { i.min(n) }).unwrap_or(d) as usize;
    let start = norm(args.get(1).and_then(|&a| peek_i64(a)), 0);
    let stop = norm(args.get(2).and_then(|&a| peek_i64(a)), n);
    for (k, x) in items.into_iter().enumerate().take(stop).skip(start) {
        if b::eq(cx, rt, x, v)? {
            return Ok(new_int(cx.heap_mut(), k as i64));
        }
    }
    let what = if is(o, &LIST) { "list.index(x): x not in list" } else { "tuple.index(x): x not in tuple" };
    err(cx, rt, "ValueError", what)
}

fn seq_count<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let v = arg(cx, rt, args, 0, "count")?;
    let mut n = 0;
    for x in seq_items(this(t)) {
        if b::eq(cx, rt, x, v)? {
            n += 1;
        }
    }
    Ok(new_int(cx.heap_mut(), n))
}

fn list_sort<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], kw: Kw<'_>) -> PyResult {
    let l = this(t);
    let mut items = list_items(l);
    let reverse = kwarg(kw, "reverse").is_some_and(|r| r == rt.true_.get() || peek_i64(r).is_some_and(|v| v != 0));
    sort_items(cx, rt, &mut items, kwarg(kw, "key"), reverse)?;
    crate::types::replace_list(cx, l, &items);
    Ok(rt.none.get())
}

fn list_reverse<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let mut items = list_items(this(t));
    items.reverse();
    crate::types::replace_list(cx, this(t), &items);
    Ok(rt.none.get())
}

fn list_copy<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let items = list_items(this(t));
    Ok(new_list(cx.heap_mut(), &items))
}

fn list_clear<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    crate::types::replace_list(cx, this(t), &[]);
    Ok(rt.none.get())
}

fn s<S: Space>(cx: &mut Cx<'_, S>, v: &str) -> PyResult {
    Ok(new_str(cx.heap_mut(), v))
}

fn str_join<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t19 = arg(cx, rt, args, 0, "join")?;
    let items = collect(cx, rt, __t19)?;
    let mut parts = Vec::with_capacity(items.len());
    for (k, i) in items.into_iter().enumerate() {
        if !is(i, &STR) {
            return err(
                cx,
                rt,
                "TypeError",
                &format!("sequence item {k}: expected str instance, {} found", b::type_name(rt, i)),
            );
        }
        parts.push(text(i));
    }
    s(cx, &parts.join(text(this(t))))
}

fn opt_str(rt: &Python, args: &[usize], k: usize) -> Option<&'static str> {
    args.get(k).filter(|&&a| a != rt.none.get()).map(|&a| text(a))
}

fn str_split<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let sep = opt_str(rt, args, 0).or(kwarg(kw, "sep").filter(|&a| a != rt.none.get()).map(text));
    let max = args.get(1).copied().or(kwarg(kw, "maxsplit")).and_then(|m| peek_i64(m)).unwrap_or(-1);
    let st = text(this(t));
    let parts: Vec<&str> = match sep {
        Some("") => return err(cx, rt, "ValueError", "empty separator"),
        Some(sep) if max >= 0 => st.splitn(max as usize + 1, sep).collect(),
        Some(sep) => st.split(sep).collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = st.trim_start();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            out
        }
    };
    let objs: Vec<usize> = parts.into_iter().map(|p| new_str(cx.heap_mut(), p)).collect();
    Ok(new_list(cx.heap_mut(), &objs))
}

fn strip_with<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    left: bool,
    right: bool,
) -> PyResult {
    let st = text(this(t));
    let chars: Option<Vec<char>> = opt_str(rt, args, 0).map(|c| c.chars().collect());
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let mut r = st;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    s(cx, r)
}
fn str_strip<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    strip_with(cx, rt, t, args, true, true)
}
fn str_lstrip<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    strip_with(cx, rt, t, args, true, false)
}
fn str_rstrip<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    strip_with(cx, rt, t, args, false, true)
}
fn str_upper<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    s(cx, &text(this(t)).to_uppercase())
}
fn str_lower<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    s(cx, &text(this(t)).to_lowercase())
}
fn str_replace<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t20 = arg(cx, rt, args, 1, "replace")?;
    let (a, c) = (text(arg(cx, rt, args, 0, "replace")?), text(__t20));
    let n = args.get(2).and_then(|&n| peek_i64(n)).unwrap_or(-1);
    let st = text(this(t));
    let r = if n < 0 { st.replace(a, c) } else { st.replacen(a, c, n as usize) };
    s(cx, &r)
}
fn affix<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], start: bool) -> PyResult {
    let whole = text(this(t));
    // Optional start and end positions (in chars).
    let n = unsafe { str_data(this(t)) }.chars as i64;
    let pos = |k: usize, d: i64| {
        args.get(k)
            .filter(|&&a| a != rt.none.get())
            .and_then(|&a| peek_i64(a))
            .map(|i| if i < 0 { (i + n).max(0) } else { i.min(n) })
            .unwrap_or(d)
    };
    let (from, to) = (pos(1, 0), pos(2, n));
    let byte = |c: i64| whole.char_indices().nth(c as usize).map(|(b, _)| b).unwrap_or(whole.len());
    let st = if from > to {
        ""
    } else if b::ascii(this(t)) {
        &whole[from as usize..to as usize]
    } else {
        &whole[byte(from)..byte(to)]
    };
    if from > n {
        return Ok(rt.false_.get());
    }
    let p = arg(cx, rt, args, 0, if start { "startswith" } else { "endswith" })?;
    let ps: Vec<&str> = if is(p, &TUPLE) { tuple_items(p).into_iter().map(text).collect() } else { vec![text(p)] };
    Ok(rt.bool_obj(ps.iter().any(|p| if start { st.starts_with(p) } else { st.ends_with(p) })))
}
fn str_startswith<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    affix(cx, rt, t, args, true)
}
fn str_endswith<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    affix(cx, rt, t, args, false)
}
fn char_pos(st: &str, byte: usize) -> i64 {
    st[..byte].chars().count() as i64
}
fn str_find<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    let sub = text(arg(cx, rt, args, 0, "find")?);
    let r = st.find(sub).map(|b| char_pos(st, b)).unwrap_or(-1);
    Ok(new_int(cx.heap_mut(), r))
}
fn str_index<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    let sub = text(arg(cx, rt, args, 0, "index")?);
    match st.find(sub) {
        Some(b) => Ok(new_int(cx.heap_mut(), char_pos(st, b))),
        None => err(cx, rt, "ValueError", "substring not found"),
    }
}
fn str_count<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    let sub = text(arg(cx, rt, args, 0, "count")?);
    let n = if sub.is_empty() { st.chars().count() + 1 } else { st.matches(sub).count() };
    Ok(new_int(cx.heap_mut(), n as i64))
}
fn str_format<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let fmt: Vec<char> = text(this(t)).chars().collect();
    let mut out = String::new();
    let mut auto = 0;
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c == '{' && fmt.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' && fmt.get(i + 1) == Some(&'}') {
            out.push('}');
            i += 2;
            continue;
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let close = (i..fmt.len())
            .find(|&k| fmt[k] == '}')
            .ok_or_else(|| crate::errors::new_error(cx, rt, "ValueError", "Single '{' encountered in format string"))?;
        let field: String = fmt[i + 1..close].iter().collect();
        i = close + 1;
        let (field, spec) =
            field.split_once(':').map(|(a, b2)| (a.to_string(), b2.to_string())).unwrap_or((field, String::new()));
        let (field, conv) =
            field.split_once('!').map(|(a, b2)| (a.to_string(), Some(b2.to_string()))).unwrap_or((field, None));
        let (head, attr) =
            field.split_once('.').map(|(a, b2)| (a.to_string(), Some(b2.to_string()))).unwrap_or((field.clone(), None));
        let mut v = if head.is_empty() {
            let v = args.get(auto).copied();
            auto += 1;
            v
        } else if let Ok(k) = head.parse::<usize>() {
            args.get(k).copied()
        } else {
            kwarg(kw, &head)
        }
        .ok_or_else(|| {
            crate::errors::new_error(
                cx,
                rt,
                "IndexError",
                &format!("Replacement index {} out of range for positional args tuple", auto.saturating_sub(1)),
            )
        })?;
        if let Some(a) = attr {
            v = getattr_impl(cx, rt, v, &a)?;
        }
        let v = match conv.as_deref() {
            Some("r") | Some("a") => {
                let t = to_repr(cx, rt, v)?;
                new_str(cx.heap_mut(), &t)
            }
            Some("s") => {
                let t = to_str(cx, rt, v)?;
                new_str(cx.heap_mut(), &t)
            }
            _ => v,
        };
        out.push_str(&crate::format::format(cx, rt, v, &spec)?);
    }
    s(cx, &out)
}
fn str_pred<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, f: fn(char) -> bool) -> PyResult {
    let st = text(this(t));
    let _ = cx;
    Ok(rt.bool_obj(!st.is_empty() && st.chars().all(f)))
}
fn str_isdigit<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    str_pred(cx, rt, t, |c| c.is_ascii_digit())
}
fn str_isalpha<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    str_pred(cx, rt, t, char::is_alphabetic)
}
fn str_isspace<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    str_pred(cx, rt, t, char::is_whitespace)
}
fn str_isupper<S: Space>(_cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    Ok(rt.bool_obj(st.chars().any(char::is_uppercase) && !st.chars().any(char::is_lowercase)))
}
fn str_islower<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    let _ = cx;
    Ok(rt.bool_obj(st.chars().any(char::is_lowercase) && !st.chars().any(char::is_uppercase)))
}
fn justify<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], how: char) -> PyResult {
    let st = text(this(t));
    let w = peek_i64(arg(cx, rt, args, 0, "center")?).unwrap_or(0).max(0) as usize;
    let fill = opt_str(rt, args, 1).and_then(|f| f.chars().next()).unwrap_or(' ');
    let n = st.chars().count();
    if w <= n {
        return s(cx, st);
    }
    let pad = w - n;
    let f = |k: usize| fill.to_string().repeat(k);
    let r = match how {
        '<' => format!("{st}{}", f(pad)),
        '>' => format!("{}{st}", f(pad)),
        _ => {
            let left = pad / 2 + (pad & w & 1);
            format!("{}{st}{}", f(left), f(pad - left))
        }
    };
    s(cx, &r)
}
fn str_center<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    justify(cx, rt, t, args, '^')
}
fn str_ljust<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    justify(cx, rt, t, args, '<')
}
fn str_rjust<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    justify(cx, rt, t, args, '>')
}
fn str_zfill<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    let w = peek_i64(arg(cx, rt, args, 0, "zfill")?).unwrap_or(0).max(0) as usize;
    let n = st.chars().count();
    if w <= n {
        return s(cx, st);
    }
    let (sign, rest) = match st.strip_prefix(['-', '+']) {
        Some(r) => (&st[..1], r),
        None => ("", st),
    };
    s(cx, &format!("{sign}{}{rest}", "0".repeat(w - n)))
}
fn str_title<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in text(this(t)).chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    s(cx, &out)
}
fn str_capitalize<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    let mut cs = st.chars();
    let r = match cs.next() {
        Some(f) => f.to_uppercase().chain(cs.flat_map(|c| c.to_lowercase())).collect(),
        None => String::new(),
    };
    s(cx, &r)
}
fn str_splitlines<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let parts: Vec<usize> = text(this(t)).lines().map(|l| new_str(cx.heap_mut(), l)).collect();
    Ok(new_list(cx.heap_mut(), &parts))
}

fn dict_get<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let k = arg(cx, rt, args, 0, "get")?;
    Ok(dict::lookup(cx, rt, this(t), k)?.unwrap_or(args.get(1).copied().unwrap_or(rt.none.get())))
}
fn dict_keys<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let keys: Vec<usize> = dict::items(this(t)).into_iter().map(|(k, _)| k).collect();
    Ok(new_list(cx.heap_mut(), &keys))
}
fn dict_values<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let values: Vec<usize> = dict::items(this(t)).into_iter().map(|(_, v)| v).collect();
    Ok(new_list(cx.heap_mut(), &values))
}
fn dict_items<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let pairs: Vec<usize> = dict::items(this(t)).into_iter().map(|(k, v)| new_tuple(cx.heap_mut(), &[k, v])).collect();
    Ok(new_list(cx.heap_mut(), &pairs))
}
fn dict_setdefault<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let k = arg(cx, rt, args, 0, "setdefault")?;
    if let Some(v) = dict::lookup(cx, rt, this(t), k)? {
        return Ok(v);
    }
    let d = args.get(1).copied().unwrap_or(rt.none.get());
    dict::set(cx, rt, this(t), k, d)?;
    Ok(d)
}
fn dict_pop<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let k = arg(cx, rt, args, 0, "pop")?;
    match dict::remove(cx, rt, this(t), k)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(crate::errors::key_error(cx, rt, k)),
        },
    }
}
fn dict_update<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let d = this(t);
    if let Some(&o) = args.first() {
        let src = crate::types::call_type(cx, rt, rt.builtin_type("dict"), &[o], &[])?;
        for (k, v) in dict::items(src) {
            dict::set(cx, rt, d, k, v)?;
        }
    }
    for (k, v) in kw {
        let k = new_str(cx.heap_mut(), k);
        dict::set(cx, rt, d, k, *v)?;
    }
    Ok(rt.none.get())
}
fn dict_copy<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    dict::copy(cx, rt, this(t))
}
fn dict_clear<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    dict::clear(cx.heap_mut(), this(t));
    Ok(rt.none.get())
}
fn set_add<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let k = arg(cx, rt, args, 0, "add")?;
    dict::set(cx, rt, this(t), k, rt.none.get())?;
    Ok(rt.none.get())
}
fn set_remove<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let k = arg(cx, rt, args, 0, "remove")?;
    match dict::remove(cx, rt, this(t), k)? {
        Some(_) => Ok(rt.none.get()),
        None => Err(crate::errors::key_error(cx, rt, k)),
    }
}
fn set_discard<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let k = arg(cx, rt, args, 0, "discard")?;
    dict::remove(cx, rt, this(t), k)?;
    Ok(rt.none.get())
}
fn float_is_integer<S: Space>(_: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let f = f64::from_bits(unsafe { read_word(this(t), &FLOAT_VALUE) });
    Ok(rt.bool_obj(f.is_finite() && f.fract() == 0.0))
}
fn int_bit_length<S: Space>(cx: &mut Cx<'_, S>, _rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let v = peek_bigint(this(t)).unwrap_or_default();
    Ok(new_int(cx.heap_mut(), v.bits() as i64))
}
fn exc_init<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let a = new_tuple(cx.heap_mut(), args);
    classes::set_slot(cx, rt, this(t), "args", a);
    Ok(rt.none.get())
}

fn gen_result<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, g: usize, step: b::GenStep) -> PyResult {
    match step {
        b::GenStep::Yielded(v) => Ok(v),
        b::GenStep::Returned(_) => Err(crate::generators::stop_iteration(cx, rt, g)),
    }
}
fn gen_send_m<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let v = arg(cx, rt, args, 0, "send")?;
    let step = b::gen_send(cx, rt, this(t), v, None)?;
    gen_result(cx, rt, this(t), step)
}
fn gen_next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let step = b::gen_send(cx, rt, this(t), rt.none.get(), None)?;
    gen_result(cx, rt, this(t), step)
}
fn gen_throw<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let e = arg(cx, rt, args, 0, "throw")?;
    let e = if is(e, &TYPE) { crate::types::call_type(cx, rt, e, &args[1..], &[])? } else { e };
    let step = b::gen_send(cx, rt, this(t), rt.none.get(), Some(e))?;
    gen_result(cx, rt, this(t), step)
}
fn gen_close<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let g = this(t);
    let state = unsafe { read_word(g, &crate::generators::GEN_STATE) } as i64;
    if state == crate::generators::UNSTARTED || state == crate::generators::FINISHED {
        unsafe { *((g + crate::generators::GEN_STATE.offset as usize) as *mut i64) = crate::generators::FINISHED };
        return Ok(rt.none.get());
    }
    let exit = crate::types::call_type(cx, rt, rt.builtin_type("GeneratorExit"), &[], &[])?;
    match b::gen_send(cx, rt, g, rt.none.get(), Some(exit)) {
        Ok(b::GenStep::Yielded(_)) => err(cx, rt, "RuntimeError", "generator ignored GeneratorExit"),
        Ok(b::GenStep::Returned(_)) => Ok(rt.none.get()),
        Err(e)
            if e == exit
                || classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("GeneratorExit"))
                || classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("StopIteration")) =>
        {
            Ok(rt.none.get())
        }
        Err(e) => Err(e),
    }
}

fn fnum<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], k: usize, fname: &str) -> Result<f64, usize> {
    let v = arg(cx, rt, args, k, fname)?;
    if is(v, &FLOAT) {
        return Ok(f64::from_bits(unsafe { read_word(v, &FLOAT_VALUE) }));
    }
    if let Some(b) = peek_bigint(v) {
        return Ok(b.to_f64().unwrap_or(f64::INFINITY));
    }
    Err(crate::errors::new_error(cx, rt, "TypeError", &format!("must be real number, not {}", b::type_name(rt, v))))
}

macro_rules! math1 {
    ($($name:ident($x:ident) = $e:expr;)*) => {$(
        fn $name<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
            let $x = fnum(cx, rt, args, 0, stringify!($name))?;
            let r: f64 = $e;
            if r.is_nan() && !$x.is_nan() {
                return err(cx, rt, "ValueError", "math domain error");
            }
            Ok(new_float(cx.heap_mut(), r))
        }
    )*};
}
math1! {
    m_sqrt(x) = if x < 0.0 { f64::NAN } else { x.sqrt() };
    m_exp(x) = x.exp();
    m_log2(x) = if x <= 0.0 { f64::NAN } else { x.log2() };
    m_log10(x) = if x <= 0.0 { f64::NAN } else { x.log10() };
    m_sin(x) = x.sin();
    m_cos(x) = x.cos();
    m_tan(x) = x.tan();
    m_asin(x) = x.asin();
    m_acos(x) = x.acos();
    m_atan(x) = x.atan();
    m_fabs(x) = x.abs();
    m_degrees(x) = x.to_degrees();
    m_radians(x) = x.to_radians();
}
fn m_log<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let x = fnum(cx, rt, args, 0, "log")?;
    if x <= 0.0 {
        return err(cx, rt, "ValueError", "math domain error");
    }
    let r = match args.get(1) {
        Some(_) => x.ln() / fnum(cx, rt, args, 1, "log")?.ln(),
        None => x.ln(),
    };
    Ok(new_float(cx.heap_mut(), r))
}
fn int_of_float<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], f: fn(f64) -> f64, name: &str) -> PyResult {
    let v = arg(cx, rt, args, 0, name)?;
    if peek_bigint(v).is_some() {
        return Ok(v);
    }
    let x = f(fnum(cx, rt, args, 0, name)?);
    if !x.is_finite() {
        return err(
            cx,
            rt,
            if x.is_nan() { "ValueError" } else { "OverflowError" },
            "cannot convert float infinity to integer",
        );
    }
    Ok(new_bigint(cx.heap_mut(), BigInt::from(x as i128)))
}
fn m_floor<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    int_of_float(cx, rt, args, f64::floor, "floor")
}
fn m_ceil<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    int_of_float(cx, rt, args, f64::ceil, "ceil")
}
fn m_trunc<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    int_of_float(cx, rt, args, f64::trunc, "trunc")
}
fn m_atan2<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let (y, x) = (fnum(cx, rt, args, 0, "atan2")?, fnum(cx, rt, args, 1, "atan2")?);
    Ok(new_float(cx.heap_mut(), y.atan2(x)))
}
fn m_hypot<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let mut acc = 0.0f64;
    for k in 0..args.len() {
        let v = fnum(cx, rt, args, k, "hypot")?;
        acc = acc.hypot(v);
    }
    Ok(new_float(cx.heap_mut(), acc))
}
fn m_pow<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let (x, y) = (fnum(cx, rt, args, 0, "pow")?, fnum(cx, rt, args, 1, "pow")?);
    Ok(new_float(cx.heap_mut(), x.powf(y)))
}
fn m_copysign<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let (x, y) = (fnum(cx, rt, args, 0, "copysign")?, fnum(cx, rt, args, 1, "copysign")?);
    Ok(new_float(cx.heap_mut(), x.copysign(y)))
}
fn m_pred<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], f: fn(f64) -> bool) -> PyResult {
    let x = fnum(cx, rt, args, 0, "isnan")?;
    Ok(rt.bool_obj(f(x)))
}
fn m_isnan<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    m_pred(cx, rt, args, f64::is_nan)
}
fn m_isinf<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    m_pred(cx, rt, args, f64::is_infinite)
}
fn m_isfinite<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    m_pred(cx, rt, args, f64::is_finite)
}
fn m_isclose<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let (a, c) = (fnum(cx, rt, args, 0, "isclose")?, fnum(cx, rt, args, 1, "isclose")?);
    let num = |v: Option<usize>, d: f64| {
        v.map(|v| {
            if is(v, &FLOAT) {
                f64::from_bits(unsafe { read_word(v, &FLOAT_VALUE) })
            } else {
                peek_i64(v).unwrap_or(0) as f64
            }
        })
        .unwrap_or(d)
    };
    let rel = num(kwarg(kw, "rel_tol"), 1e-9);
    let abs_tol = num(kwarg(kw, "abs_tol"), 0.0);
    let close = a == c || (a - c).abs() <= (rel * a.abs().max(c.abs())).max(abs_tol);
    Ok(rt.bool_obj(close))
}
fn m_gcd<S: Space>(cx: &mut Cx<'_, S>, _rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    use num_integer::Integer;
    let mut g = BigInt::zero();
    for &a in args {
        let v = peek_bigint(a).unwrap_or_default();
        g = g.gcd(&v);
    }
    Ok(new_bigint(cx.heap_mut(), g))
}
fn m_factorial<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let n = peek_i64(arg(cx, rt, args, 0, "factorial")?).unwrap_or(-1);
    if n < 0 {
        return err(cx, rt, "ValueError", "factorial() not defined for negative values");
    }
    let mut acc = BigInt::from(1);
    for k in 2..=n {
        acc *= k;
    }
    Ok(new_bigint(cx.heap_mut(), acc))
}
fn m_isqrt<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let n = peek_bigint(arg(cx, rt, args, 0, "isqrt")?).unwrap_or_default();
    if n.is_negative() {
        return err(cx, rt, "ValueError", "isqrt() argument must be nonnegative");
    }
    Ok(new_bigint(cx.heap_mut(), n.sqrt()))
}
fn m_fsum<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let src = arg(cx, rt, args, 0, "fsum")?;
    let items = collect(cx, rt, src)?;
    let mut partials: Vec<f64> = Vec::new();
    for i in items {
        let mut x = fnum(cx, rt, &[i], 0, "fsum")?;
        let mut k = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[k] = lo;
                k += 1;
            }
            x = hi;
        }
        partials.truncate(k);
        partials.push(x);
    }
    Ok(new_float(cx.heap_mut(), partials.iter().sum()))
}
fn sys_exit<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let e = crate::types::call_type(cx, rt, rt.builtin_type("SystemExit"), args, &[])?;
    Err(e)
}
fn sys_getrecursionlimit<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_int(cx.heap_mut(), 1000))
}
fn sys_setrecursionlimit<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    // The native stack is the limit (see `Ctx::stack_ok`).
    Ok(rt.none.get())
}
fn time_time<S: Space>(cx: &mut Cx<'_, S>, _: &Python, _: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
    Ok(new_float(cx.heap_mut(), t))
}
fn time_sleep<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let s = fnum(cx, rt, args, 0, "sleep")?;
    std::thread::sleep(std::time::Duration::from_secs_f64(s.max(0.0)));
    Ok(rt.none.get())
}
fn io_write<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let s = arg(cx, rt, args, 0, "write")?;
    if !is(s, &STR) {
        return err(cx, rt, "TypeError", &format!("write() argument must be str, not {}", b::type_name(rt, s)));
    }
    let fd = classes::peek_slot(rt, this(t), "fileno_").and_then(|f| peek_i64(f)).unwrap_or(1);
    if fd == 2 {
        let _ = rt.out.borrow_mut().flush();
        eprint!("{}", text(s));
    } else {
        let _ = rt.out.borrow_mut().write_all(text(s).as_bytes());
    }
    Ok(new_int(cx.heap_mut(), text(s).chars().count() as i64))
}
fn io_flush<S: Space>(_: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let _ = rt.out.borrow_mut().flush();
    Ok(rt.none.get())
}

/// The attribute names of an object (modules: their globals; instances: their own and their
/// classes'), sorted.
fn dir<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let mut names: Vec<Rc<str>> = Vec::new();
    match args.first() {
        Some(&o) if is(o, &MODULE) => {
            let id = rt.module_id(o) as usize;
            for n in rt.modules.borrow()[id].order.clone() {
                if crate::globals::peek_global_of(rt, o, &n).is_some() {
                    names.push(n);
                }
            }
        }
        Some(&o) => {
            if is(o, &INSTANCE) {
                let map = unsafe { read_word(o, &INST_MAP) } as usize;
                names.extend(rt.maps.borrow()[map].order.iter().cloned());
            }
            let t = if is(o, &TYPE) { o } else { b::peek_type(rt, o) };
            let id = unsafe { read_word(t, &TYPE_ID) } as usize;
            let mro = rt.types.borrow()[id].mro.clone();
            for c in mro {
                let cid = unsafe { read_word(c, &TYPE_ID) } as usize;
                names.extend(rt.types.borrow()[cid].dict.borrow().keys().cloned());
            }
        }
        None => return err(cx, rt, "TypeError", "dir() without arguments is not supported yet"),
    }
    names.sort();
    names.dedup();
    let objs: Vec<usize> = names.iter().map(|n| new_str(cx.heap_mut(), n)).collect();
    Ok(new_list(cx.heap_mut(), &objs))
}
fn vars<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "vars")?;
    let d = dict::new_dict(cx.heap_mut());
    if is(o, &INSTANCE) {
        let map = unsafe { read_word(o, &INST_MAP) } as usize;
        let order = rt.maps.borrow()[map].order.clone();
        for n in order {
            if let Some(v) = classes::peek_slot(rt, o, &n) {
                let k = new_str(cx.heap_mut(), &n);
                dict::set(cx, rt, d, k, v)?;
            }
        }
        return Ok(d);
    }
    if is(o, &MODULE) {
        let id = rt.module_id(o) as usize;
        for n in rt.modules.borrow()[id].order.clone() {
            if let Some(v) = crate::globals::peek_global_of(rt, o, &n) {
                let k = new_str(cx.heap_mut(), &n);
                dict::set(cx, rt, d, k, v)?;
            }
        }
        return Ok(d);
    }
    err(cx, rt, "TypeError", "vars() argument must have __dict__ attribute")
}
fn delattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let (o, n) = (arg(cx, rt, args, 0, "delattr")?, arg(cx, rt, args, 1, "delattr")?);
    if is(o, &INSTANCE) && classes::peek_slot(rt, o, text(n)).is_some() {
        // Removing a slot would need a map without it: the attribute is set to a deleted marker.
        return err(cx, rt, "NotImplementedError", "delattr on instances is not supported yet");
    }
    err(cx, rt, "AttributeError", &format!("'{}' object has no attribute '{}'", b::type_name(rt, o), text(n)))
}
fn ascii<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "ascii")?;
    let r = to_repr(cx, rt, o)?;
    let mut out = String::new();
    for c in r.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else if (c as u32) < 0x10000 {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(&format!("\\U{:08x}", c as u32));
        }
    }
    s(cx, &out)
}

fn partition<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], right: bool) -> PyResult {
    let st = text(this(t));
    let sep = text(arg(cx, rt, args, 0, "partition")?);
    if sep.is_empty() {
        return err(cx, rt, "ValueError", "empty separator");
    }
    let found = if right { st.rfind(sep) } else { st.find(sep) };
    let parts: [&str; 3] = match found {
        Some(i) => [&st[..i], sep, &st[i + sep.len()..]],
        None if right => ["", "", st],
        None => [st, "", ""],
    };
    let objs: Vec<usize> = parts.iter().map(|p| new_str(cx.heap_mut(), p)).collect();
    Ok(new_tuple(cx.heap_mut(), &objs))
}
fn str_partition<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    partition(cx, rt, t, args, false)
}
fn str_rpartition<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    partition(cx, rt, t, args, true)
}
fn str_rfind<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    let sub = text(arg(cx, rt, args, 0, "rfind")?);
    let r = st.rfind(sub).map(|b| char_pos(st, b)).unwrap_or(-1);
    Ok(new_int(cx.heap_mut(), r))
}
fn str_rsplit<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let max = args.get(1).copied().or(kwarg(kw, "maxsplit")).and_then(|m| peek_i64(m)).unwrap_or(-1);
    let sep = opt_str(rt, args, 0).or(kwarg(kw, "sep").filter(|&a| a != rt.none.get()).map(text));
    let st = text(this(t));
    let mut parts: Vec<&str> = match sep {
        Some(sep) if max >= 0 => st.rsplitn(max as usize + 1, sep).collect(),
        Some(sep) => st.rsplit(sep).collect(),
        None => {
            let mut out: Vec<&str> = st.split_whitespace().rev().collect();
            if max >= 0 && out.len() > max as usize + 1 {
                let keep = max as usize;
                let head_end = {
                    // The rest, unsplit, up to the last `max` words.
                    let mut end = st.trim_end().len();
                    for _ in 0..keep {
                        let word_start = st[..end].trim_end().rfind(char::is_whitespace).map(|i| i + 1).unwrap_or(0);
                        end = st[..word_start].trim_end().len();
                    }
                    end
                };
                out.truncate(keep);
                out.push(st[..head_end].trim_start());
            }
            out
        }
    };
    parts.reverse();
    let objs: Vec<usize> = parts.into_iter().map(|p| new_str(cx.heap_mut(), p)).collect();
    Ok(new_list(cx.heap_mut(), &objs))
}
fn str_swapcase<S: Space>(cx: &mut Cx<'_, S>, _: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let r: String = text(this(t))
        .chars()
        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() })
        .collect();
    s(cx, &r)
}
fn str_removeprefix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let p = text(arg(cx, rt, args, 0, "removeprefix")?);
    s(cx, st.strip_prefix(p).unwrap_or(st))
}
fn str_removesuffix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let p = text(arg(cx, rt, args, 0, "removesuffix")?);
    s(cx, st.strip_suffix(p).unwrap_or(st))
}
fn str_isalnum<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    str_pred(cx, rt, t, char::is_alphanumeric)
}
fn str_isidentifier<S: Space>(_: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let st = text(this(t));
    let mut cs = st.chars();
    let ok = cs.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric());
    Ok(rt.bool_obj(ok))
}

/// A copy of property `p` with one accessor replaced (`@x.setter`).
fn prop_with<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, p: usize, slot: &str, f: usize) -> PyResult {
    let get = |n: &str| classes::peek_slot(rt, p, n).unwrap_or(rt.none.get());
    let mut vals = [get("fget"), get("fset"), get("fdel"), get("__doc__")];
    let k = ["fget", "fset", "fdel"].iter().position(|&n| n == slot).unwrap_or(0);
    vals[k] = f;
    crate::types::call_type(cx, rt, rt.builtin_type("property"), &vals, &[])
}
fn prop_setter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let f = arg(cx, rt, args, 0, "setter")?;
    prop_with(cx, rt, this(t), "fset", f)
}
fn prop_getter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let f = arg(cx, rt, args, 0, "getter")?;
    prop_with(cx, rt, this(t), "fget", f)
}
fn prop_deleter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let f = arg(cx, rt, args, 0, "deleter")?;
    prop_with(cx, rt, this(t), "fdel", f)
}

fn as_set<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> PyResult {
    if dict::is_set(o) {
        return Ok(o);
    }
    crate::types::call_type(cx, rt, rt.builtin_type("set"), &[o], &[])
}
fn set_op<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    op: crate::bytecode::BinOp,
) -> PyResult {
    let mut acc = dict::copy(cx, rt, this(t))?;
    let _ = metatrace::Ctx::root(cx, acc);
    for &a in args {
        let other = as_set(cx, rt, a)?;
        let _ = metatrace::Ctx::root(cx, other);
        acc = dict::set_binary(cx, rt, op, acc, other)?;
        let _ = metatrace::Ctx::root(cx, acc);
    }
    Ok(acc)
}
fn set_union<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    set_op(cx, rt, t, args, crate::bytecode::BinOp::Or)
}
fn set_intersection<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    set_op(cx, rt, t, args, crate::bytecode::BinOp::And)
}
fn set_difference<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    set_op(cx, rt, t, args, crate::bytecode::BinOp::Sub)
}
fn set_symdiff<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    set_op(cx, rt, t, args, crate::bytecode::BinOp::Xor)
}
fn set_issubset<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let src = arg(cx, rt, args, 0, "issubset")?;
    let other = as_set(cx, rt, src)?;
    dict::set_compare(cx, rt, crate::bytecode::CmpOp::Le, this(t), other)
}
fn set_issuperset<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let src = arg(cx, rt, args, 0, "issuperset")?;
    let other = as_set(cx, rt, src)?;
    dict::set_compare(cx, rt, crate::bytecode::CmpOp::Ge, this(t), other)
}
fn set_update<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    for &a in args {
        for k in collect(cx, rt, a)? {
            dict::set(cx, rt, this(t), k, rt.none.get())?;
        }
    }
    Ok(rt.none.get())
}
fn set_pop<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let Some((k, _)) = dict::items(this(t)).into_iter().next() else {
        return err(cx, rt, "KeyError", "pop from an empty set");
    };
    dict::remove(cx, rt, this(t), k)?;
    Ok(k)
}
fn dict_popitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let Some((k, v)) = dict::items(this(t)).into_iter().last() else {
        return err(cx, rt, "KeyError", "'popitem(): dictionary is empty'");
    };
    dict::remove(cx, rt, this(t), k)?;
    Ok(new_tuple(cx.heap_mut(), &[k, v]))
}
fn dict_fromkeys<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    // (Called on the class: `dict.fromkeys(keys, value)`.)
    let (keys, value) = match args {
        [_, k, v, ..] if is(args[0], &TYPE) => (*k, *v),
        [_, k] if is(args[0], &TYPE) => (*k, rt.none.get()),
        [k, v, ..] => (*k, *v),
        [k] => (*k, rt.none.get()),
        [] => return err(cx, rt, "TypeError", "fromkeys expected at least 1 argument, got 0"),
    };
    let d = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, d);
    for k in collect(cx, rt, keys)? {
        dict::set(cx, rt, d, k, value)?;
    }
    Ok(d)
}

#[allow(dead_code)]
fn unused<S: Space>(cx: &mut Cx<'_, S>) -> usize {
    let _ = text;
    new_float(cx.heap_mut(), 0.0)
}
