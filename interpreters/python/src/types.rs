//! The builtin types' slow paths, as natives: calling a class (making ints, strs, lists,
//! instances of user classes, exceptions), and the attribute and item access the traced fast
//! paths of the object space leave (slices, str indexing, dicts, function attributes).

use crate::builtins::{self, err, text, PyResult};
use crate::classes;
use crate::dict;
use crate::objects::*;
use crate::runtime::{list_items, new_float, new_int, new_list, new_str, new_tuple, tuple_items};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// `t(*args, **kw)` for a class `t` (its metaclass's `__call__`, see `typeobj`).
pub fn call_type<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: usize,
    args: &[usize],
    kw: &[(Rc<str>, usize)],
) -> PyResult {
    crate::typeobj::call_class(cx, rt, t, args, kw)
}

/// `t(*args, **kw)` for a builtin class `t` whose objects are not instances (ints, lists,
/// properties, ...): `None` for the others (`object`, exceptions, user classes).
pub fn construct_builtin<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: usize,
    args: &[usize],
    kw: &[(Rc<str>, usize)],
) -> Option<PyResult> {
    // SAFETY: `t` is a live class.
    let id = unsafe { read_word(t, &TYPE_ID) } as usize;
    let name = rt.types.borrow()[id].constructs?;
    if name == "range" && kw.is_empty() && (1..=3).contains(&args.len()) {
        // (The commonest, first: `construct` finds its case by name.)
        return Some(crate::ranges::construct(cx, rt, args));
    }
    Some(construct(cx, rt, t, name, args, kw))
}

/// What [`construct_builtin`] knows a class by: for builtin class `name`, the entry of
/// [`CONSTRUCTED`], if it has one.
pub fn constructs(builtin: bool, name: &str) -> Option<&'static str> {
    CONSTRUCTED.iter().copied().find(|&c| builtin && c == name)
}

/// The builtin classes [`construct_builtin`] makes objects of.
const CONSTRUCTED: &[&str] = &[
    "int",
    "float",
    "str",
    "bytes",
    "bytearray",
    "memoryview",
    "bool",
    "list",
    "tuple",
    "set",
    "frozenset",
    "dict",
    "range",
    "slice",
    "complex",
    "enumerate",
    "zip",
    "map",
    "filter",
    "property",
    "classmethod",
    "staticmethod",
    "NoneType",
    "NotImplementedType",
    "ellipsis",
];

fn construct<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: usize,
    name: &str,
    args: &[usize],
    kw: &[(Rc<str>, usize)],
) -> PyResult {
    let none = rt.none.get();
    let arg = |k: usize| args.get(k).copied();
    if args.len() > 1 && matches!(name, "bool" | "list" | "tuple" | "set" | "frozenset" | "dict" | "float") {
        let msg = format!("{name} expected at most 1 argument, got {}", args.len());
        return err(cx, rt, "TypeError", &msg);
    }
    let n = args.len();
    let arity = match name {
        "enumerate" if n > 2 => Some(format!("enumerate() takes at most 2 arguments ({n} given)")),
        "map" if n < 2 => Some("map() must have at least two arguments.".to_string()),
        "filter" if n != 2 => Some(format!("filter expected 2 arguments, got {n}")),
        _ => None,
    };
    if let Some(msg) = arity {
        return err(cx, rt, "TypeError", &msg);
    }
    {
        match name {
            "int" => return crate::library::make_int(cx, rt, args, kw),
            "float" => return crate::library::make_float(cx, rt, args, kw),
            "str" => return crate::bytes::make_str(cx, rt, args, kw),
            "bytes" => return crate::bytes::construct(cx, rt, false, args, kw),
            "bytearray" => return crate::bytes::construct(cx, rt, true, args, kw),
            "memoryview" => return crate::memview::construct(cx, rt, args, kw),
            "bool" => {
                return Ok(rt.bool_obj(match arg(0) {
                    None => false,
                    Some(v) => builtins::truth(cx, rt, v)?,
                }))
            }
            "list" => {
                let items = match arg(0) {
                    None => Vec::new(),
                    Some(v) => builtins::collect(cx, rt, v)?,
                };
                return Ok(new_list(cx.heap_mut(), &items));
            }
            "tuple" => {
                let items = match arg(0) {
                    None => Vec::new(),
                    Some(v) => builtins::collect(cx, rt, v)?,
                };
                return Ok(new_tuple(cx.heap_mut(), &items));
            }
            "set" | "frozenset" => return crate::sets::construct(cx, rt, &name, args, kw),
            "dict" => {
                let d = dict::new_dict(cx.heap_mut());
                if let Some(v) = arg(0) {
                    let _ = metatrace::Ctx::root(cx, d);
                    if let Some(v) = crate::boxed::dict_value(rt, v) {
                        for (k, x) in dict::items(v) {
                            dict::set(cx, rt, d, k, x)?;
                        }
                    } else if let Some(keys) = builtins::call_method(cx, rt, v, "keys", &[]) {
                        // A mapping: its keys, and the value of each.
                        for k in builtins::collect(cx, rt, keys?)? {
                            let x = getitem(cx, rt, v, k)?;
                            dict::set(cx, rt, d, k, x)?;
                        }
                    } else {
                        for (i, pair) in builtins::collect(cx, rt, v)?.into_iter().enumerate() {
                            let Ok(it) = builtins::iter(cx, rt, pair) else {
                                let msg =
                                    format!("cannot convert dictionary update sequence element #{i} to a sequence");
                                return err(cx, rt, "TypeError", &msg);
                            };
                            let kv = builtins::collect(cx, rt, it)?;
                            if kv.len() != 2 {
                                return err(
                                    cx,
                                    rt,
                                    "ValueError",
                                    &format!(
                                        "dictionary update sequence element #{i} has length {}; 2 is required",
                                        kv.len()
                                    ),
                                );
                            }
                            dict::set(cx, rt, d, kv[0], kv[1])?;
                        }
                    }
                }
                for (k, v) in kw {
                    let k = new_str(cx.heap_mut(), k);
                    dict::set(cx, rt, d, k, *v)?;
                }
                return Ok(d);
            }
            "NoneType" | "NotImplementedType" | "ellipsis" => {
                // The singletons' classes make them.
                if !args.is_empty() || !kw.is_empty() {
                    let shown = if name == "ellipsis" { "EllipsisType" } else { name };
                    return err(cx, rt, "TypeError", &format!("{shown} takes no arguments"));
                }
                return Ok(match name {
                    "NoneType" => none,
                    "NotImplementedType" => rt.notimpl.get(),
                    _ => rt.ellipsis.get(),
                });
            }
            "range" => return crate::library::make_range(cx, rt, args, kw),
            "slice" => return crate::library::make_slice(cx, rt, args, kw),
            "complex" => return crate::complex::make(cx, rt, args, kw),
            "enumerate" | "zip" | "map" | "filter" => {
                // Classes whose constructors are the builtin functions of the same name.
                let id = crate::library::builtin_id(name).expect("in the table");
                if name == "enumerate" && args.is_empty() {
                    // `enumerate(iterable=..., start=...)`
                    if let Some(&(_, it)) = kw.iter().find(|(k, _)| &**k == "iterable") {
                        let rest: Vec<(Rc<str>, usize)> =
                            kw.iter().filter(|(k, _)| &**k != "iterable").cloned().collect();
                        return (crate::library::table::<S>()[id])(cx, rt, None, &[it], &rest);
                    }
                    return err(cx, rt, "TypeError", "enumerate() missing required argument 'iterable'");
                }
                return (crate::library::table::<S>()[id])(cx, rt, None, args, kw);
            }
            "property" | "classmethod" | "staticmethod" => {
                let obj = cx.heap_mut().alloc(&INSTANCE);
                init_instance(cx, obj, t);
                init_descriptor(cx, rt, obj, name == "property", args, kw)?;
                return Ok(obj);
            }
            _ => unreachable!("not a constructed builtin class: {name}"),
        }
    }
}

/// Sets the accessors of a property (`fget`, `fset`, `fdel`, `__doc__`), or the function of
/// a class or static method, from the arguments of its constructor: what the constructor
/// does, and `property.__init__` again for a subclass's `__init__` calling it.
pub fn init_descriptor<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    obj: usize,
    property: bool,
    args: &[usize],
    kw: &[(Rc<str>, usize)],
) -> Result<(), usize> {
    let none = rt.none.get();
    let slots: &[&str] = if property { &["fget", "fset", "fdel", "__doc__"] } else { &["__func__"] };
    for (k, slot) in slots.iter().enumerate() {
        let kwname = if *slot == "__doc__" { "doc" } else { slot };
        let mut v =
            args.get(k).copied().or_else(|| kw.iter().find(|(n, _)| &**n == kwname).map(|&(_, v)| v)).unwrap_or(none);
        if *slot == "__doc__" && v == none && is(args.first().copied().unwrap_or(0), &FUNCTION) {
            // A property's doc is its getter's by default.
            v = builtin_getattr(cx, rt, args[0], "__doc__")?;
        }
        set_slot_raw(cx, rt, obj, slot, v);
    }
    Ok(())
}

/// A new instance of class `t` (`object.__new__`): an exception's `args` are `args`.
pub fn new_instance<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: usize, args: &[usize]) -> usize {
    let none = rt.none.get();
    // A user class, or an exception class (`OSError(errno, ...)` picks its subclass).
    let t = crate::library::exception_class_for(rt, t, args);
    let obj = cx.heap_mut().alloc(&INSTANCE);
    init_instance(cx, obj, t);
    if crate::library::needs_finalizer(rt, t) {
        cx.heap_mut().register_finalizer(obj);
    }
    if rt.types.borrow()[classes::type_id(t)].exception {
        let a = new_tuple(cx.heap_mut(), args);
        for (n, v) in [
            ("args", a),
            ("__traceback__", none),
            ("__cause__", none),
            ("__context__", none),
            ("__suppress_context__", rt.false_.get()),
        ] {
            set_slot_raw(cx, rt, obj, n, v);
        }
    }
    obj
}

fn init_instance<S: Space>(cx: &mut Cx<'_, S>, obj: usize, t: usize) {
    let slots = cx.heap_mut().alloc_array(&REFS, 4);
    // SAFETY: `obj` was just allocated with the INSTANCE layout.
    unsafe {
        *((obj + INST_TYPE.offset as usize) as *mut usize) = t;
        *((obj + INST_SLOTS.offset as usize) as *mut usize) = slots;
    }
}

/// Sets an instance attribute from Rust.
pub fn set_slot_raw<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str, v: usize) {
    classes::set_slot(cx, rt, obj, name, v);
}

/// Attributes of objects the traced paths leave.
pub fn getattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> PyResult {
    if is(obj, &INSTANCE) || is(obj, &TYPE) {
        return crate::attrs::getattr(cx, rt, obj, name);
    }
    builtin_getattr(cx, rt, obj, name)
}

/// Attributes of builtin objects (not instances of classes, not classes).
pub fn builtin_getattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> PyResult {
    if let Some(r) = crate::library::data_attr(cx, rt, obj, name) {
        return r;
    }
    if is(obj, &FUNCTION) {
        match name {
            "__name__" => return Ok(unsafe { read_word(obj, &FUNC_NAME) } as usize),
            "__qualname__" => return Ok(unsafe { read_word(obj, &FUNC_QUALNAME) } as usize),
            "__code__" => {
                // SAFETY: a live function's code number.
                let code = unsafe { read_word(obj, &FUNC_CODE) } as u32;
                return crate::library::code_object(cx, rt, code);
            }
            "__defaults__" | "__kwdefaults__" | "__closure__" => {
                let d = match name {
                    "__defaults__" => &FUNC_DEFAULTS,
                    "__kwdefaults__" => &FUNC_KWDEFAULTS,
                    _ => &FUNC_CLOSURE,
                };
                let v = unsafe { read_word(obj, d) } as usize;
                return Ok(if v == 0 { rt.none.get() } else { v });
            }
            "__globals__" => {
                // SAFETY: a live function's globals are a module.
                let m = unsafe { read_word(obj, &FUNC_GLOBALS) } as usize;
                return crate::library::module_globals(cx, rt, m);
            }
            "__module__" => {
                // An assigned `f.__module__` (functools.wraps) is in the function's dict.
                let d = unsafe { read_word(obj, &FUNC_DICT) } as usize;
                if d != 0 {
                    let k = new_str(cx.heap_mut(), name);
                    if let Some(v) = dict::lookup(cx, rt, d, k)? {
                        return Ok(v);
                    }
                }
                // SAFETY: a live function's globals are a module.
                let m = unsafe { read_word(obj, &FUNC_GLOBALS) } as usize;
                return Ok(crate::globals::peek_global_of(rt, m, "__name__").unwrap_or(rt.none.get()));
            }
            "__annotations__" => {
                let d = unsafe { read_word(obj, &FUNC_DICT) } as usize;
                let d = if d != 0 {
                    d
                } else {
                    let d = dict::new_dict(cx.heap_mut());
                    unsafe { *((obj + FUNC_DICT.offset as usize) as *mut usize) = d };
                    d
                };
                let k = new_str(cx.heap_mut(), name);
                if let Some(v) = dict::lookup(cx, rt, d, k)? {
                    return Ok(v);
                }
                let a = dict::new_dict(cx.heap_mut());
                dict::set(cx, rt, d, k, a)?;
                return Ok(a);
            }
            "__dict__" => {
                let d = unsafe { read_word(obj, &FUNC_DICT) } as usize;
                if d != 0 {
                    return Ok(d);
                }
                let d = dict::new_dict(cx.heap_mut());
                unsafe { *((obj + FUNC_DICT.offset as usize) as *mut usize) = d };
                return Ok(d);
            }
            "__doc__" => {
                let d = unsafe { read_word(obj, &FUNC_DICT) } as usize;
                if d != 0 {
                    let k = new_str(cx.heap_mut(), name);
                    if let Some(v) = dict::lookup(cx, rt, d, k)? {
                        return Ok(v);
                    }
                }
                let code = rt.code(unsafe { read_word(obj, &FUNC_CODE) } as u32);
                return Ok(match &code.doc {
                    Some(d) => new_str(cx.heap_mut(), d),
                    None => rt.none.get(),
                });
            }
            _ => {}
        }
    }
    if name == "__class__" {
        return Ok(builtins::peek_type(rt, obj));
    }
    if let Some(n) = crate::library::callable_name(rt, obj, name) {
        return Ok(new_str(cx.heap_mut(), &n));
    }
    if name == "__self__" && is(obj, &BUILTIN) {
        // SAFETY: a live builtin's fields.
        let (id, bound) = unsafe { (read_word(obj, &BUILTIN_ID) as usize, read_word(obj, &BUILTIN_SELF) as usize) };
        if bound != 0 {
            return Ok(bound);
        }
        // A module's function: the module (`builtins` for the builtins).
        let full = crate::library::NAMES[id];
        if !builtins::is_method_name(full) {
            let module = full.rsplit_once('.').map_or("builtins", |(m, _)| m);
            let found = if module == "builtins" {
                Some(rt.builtins.get())
            } else {
                rt.module_cache.borrow().get(module).copied()
            };
            if let Some(m) = found {
                return Ok(m);
            }
        }
    }
    if name == "__module__" && is(obj, &BUILTIN) {
        // SAFETY: a live builtin's fields.
        let (id, bound) = unsafe { (read_word(obj, &BUILTIN_ID) as usize, read_word(obj, &BUILTIN_SELF) as usize) };
        let full = crate::library::NAMES[id];
        if bound != 0 {
            return Ok(rt.none.get());
        }
        if !builtins::is_method_name(full) {
            let module = full.rsplit_once('.').map_or("builtins", |(m, _)| m);
            return Ok(new_str(cx.heap_mut(), module));
        }
    }
    if is(obj, &SLICE) {
        let field = match name {
            "start" => Some(&SLICE_START),
            "stop" => Some(&SLICE_STOP),
            "step" => Some(&SLICE_STEP),
            _ => None,
        };
        if let Some(f) = field {
            // SAFETY: a live slice's fields are objects.
            return Ok(unsafe { read_word(obj, f) } as usize);
        }
    }
    if is(obj, &FUNCTION) {
        let d = unsafe { read_word(obj, &FUNC_DICT) } as usize;
        if d != 0 {
            let k = new_str(cx.heap_mut(), name);
            if let Some(v) = dict::lookup(cx, rt, d, k)? {
                return Ok(v);
            }
        }
    }
    if is(obj, &MODULE) {
        return match crate::globals::peek_global_of(rt, obj, name) {
            Some(v) => Ok(v),
            None if name != "__getattr__" && crate::globals::peek_global_of(rt, obj, "__getattr__").is_some() => {
                let hook = crate::globals::peek_global_of(rt, obj, "__getattr__").unwrap_or(0);
                let n = new_str(cx.heap_mut(), name);
                builtins::call_value(cx, rt, hook, &[n], &[])
            }
            None => {
                let m = rt.modules.borrow()[rt.module_id(obj) as usize].name.clone();
                err(cx, rt, "AttributeError", &format!("module '{m}' has no attribute '{name}'"))
            }
        };
    }
    if is(obj, &SLICE) {
        let field = match name {
            "start" => Some(&SLICE_START),
            "stop" => Some(&SLICE_STOP),
            "step" => Some(&SLICE_STEP),
            _ => None,
        };
        if let Some(f) = field {
            // SAFETY: a live slice.
            return Ok(unsafe { read_word(obj, f) } as usize);
        }
    }
    if is(obj, &FLOAT) || is(obj, &INT) || is(obj, &BIGINT) {
        match name {
            "real" => return Ok(obj),
            "imag" => {
                return Ok(if is(obj, &FLOAT) { new_float(cx.heap_mut(), 0.0) } else { new_int(cx.heap_mut(), 0) })
            }
            _ => {}
        }
    }
    // Methods of the object's class (`f.__call__`, `x.__eq__`, ...).
    let t = builtins::peek_type(rt, obj);
    if let Some(v) = classes::lookup(rt, t, name) {
        return crate::attrs::descr_get(cx, rt, v, Some(obj), t);
    }
    err(cx, rt, "AttributeError", &format!("'{}' object has no attribute '{name}'", builtins::type_name(rt, obj)))
}

/// Attribute assignment the traced paths leave (classes, instances, functions).
pub fn setattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str, v: usize) -> Result<(), usize> {
    if is(obj, &INSTANCE) || is(obj, &TYPE) {
        return crate::attrs::setattr(cx, rt, obj, name, v);
    }
    builtin_setattr(cx, rt, obj, name, v)
}

/// `del f.name` for a function: whether `name` is one of its own attributes (`None`: the
/// caller raises AttributeError).
pub fn function_delattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, f: usize, name: &str) -> Option<Result<(), usize>> {
    // SAFETY: a live function.
    let d = unsafe { read_word(f, &FUNC_DICT) } as usize;
    if d == 0 {
        return None;
    }
    let k = new_str(cx.heap_mut(), name);
    match dict::remove(cx, rt, d, k) {
        Ok(Some(_)) => Some(Ok(())),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

/// Attribute assignment on builtin objects (functions' attributes).
pub fn builtin_setattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    obj: usize,
    name: &str,
    v: usize,
) -> Result<(), usize> {
    if is(obj, &MODULE) {
        crate::globals::store_global(cx, rt, obj, name, v);
        return Ok(());
    }
    if is(obj, &MODULE) {
        // `module.name = v` (or setattr): a global of that module.
        crate::globals::store_global(cx, rt, obj, name, v);
        return Ok(());
    }
    if is(obj, &FUNCTION) {
        let field = match name {
            "__defaults__" => Some(&FUNC_DEFAULTS),
            "__kwdefaults__" => Some(&FUNC_KWDEFAULTS),
            "__name__" => Some(&FUNC_NAME),
            "__qualname__" => Some(&FUNC_QUALNAME),
            _ => None,
        };
        if let Some(f) = field {
            let v = if v == rt.none.get() && !matches!(name, "__name__" | "__qualname__") { 0 } else { v };
            unsafe { *((obj + f.offset as usize) as *mut usize) = v };
            return Ok(());
        }
        let mut d = unsafe { read_word(obj, &FUNC_DICT) } as usize;
        if d == 0 {
            d = dict::new_dict(cx.heap_mut());
            unsafe { *((obj + FUNC_DICT.offset as usize) as *mut usize) = d };
        }
        let k = new_str(cx.heap_mut(), name);
        return dict::set(cx, rt, d, k, v);
    }
    err(cx, rt, "AttributeError", &format!("'{}' object has no attribute '{name}'", builtins::type_name(rt, obj)))
        .map(|_| ())
}

/// A slice's indices for a sequence of length `n`: (start, stop, step).
pub(crate) fn slice_indices<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    s: usize,
    n: usize,
) -> Result<(i64, i64, i64), usize> {
    let none = rt.none.get();
    let [a, b, c] = crate::library::slice_parts(s);
    // An index: an int (or an object with `__index__`), clamped to the i64 range.
    let index = |v: usize, cx: &mut Cx<'_, S>| -> Result<i64, usize> {
        if let Some(i) = peek_i64(v) {
            return Ok(i);
        }
        let big = if is(v, &INSTANCE) || is(v, &BIGINT) { crate::library::index_value(cx, rt, v).ok() } else { None };
        match big {
            Some(i) => Ok(if i.is_negative() { i64::MIN / 2 } else { i.to_i64().unwrap_or(i64::MAX / 2) }),
            None => Err(crate::errors::new_error(
                cx,
                rt,
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = if c == none { 1 } else { index(c, cx)? };
    if step == 0 {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "slice step cannot be zero"));
    }
    let n = n as i64;
    let norm = |v: usize, default: i64, cx: &mut Cx<'_, S>| -> Result<i64, usize> {
        if v == none {
            return Ok(default);
        }
        let i = index(v, cx)?;
        let i = if i < 0 { i.saturating_add(n) } else { i };
        Ok(if step > 0 { i.clamp(0, n) } else { i.clamp(-1, n - 1) })
    };
    let start = norm(a, if step > 0 { 0 } else { n - 1 }, cx)?;
    let stop = norm(b, if step > 0 { n } else { -1 }, cx)?;
    Ok((start, stop, step))
}

pub(crate) fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

fn index_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, key: usize, n: usize, what: &str) -> Result<usize, usize> {
    let has_index = is(key, &INSTANCE) && classes::lookup(rt, builtins::peek_type(rt, key), "__index__").is_some();
    let i = if is(key, &BIGINT) || has_index {
        let big = crate::library::index_value(cx, rt, key)?;
        match big.to_i64() {
            Some(i) => Some(i),
            None => {
                let msg = format!("cannot fit '{}' into an index-sized integer", builtins::type_name(rt, key));
                return Err(crate::errors::new_error(cx, rt, "IndexError", &msg));
            }
        }
    } else {
        peek_i64(key)
    };
    let Some(i) = i else {
        return Err(crate::errors::new_error(
            cx,
            rt,
            "TypeError",
            &if what == "string" {
                format!("string indices must be integers, not '{}'", builtins::type_name(rt, key))
            } else {
                format!("{what} indices must be integers or slices, not {}", builtins::type_name(rt, key))
            },
        ));
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(crate::errors::new_error(cx, rt, "IndexError", &format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// `obj[key]` for builtin containers.
pub fn getitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, key: usize) -> PyResult {
    if is(obj, &LIST) && is(key, &SLICE) {
        // (Its length read before the indices, as CPython does.)
        let n = crate::runtime::list_len(obj);
        let (a, b, c) = slice_indices(cx, rt, key, n)?;
        // SAFETY: a live list, read while the new one is made (the indices' `__index__`
        // methods have run; it may have shrunk since, so the bounds are clamped again).
        let items = unsafe { crate::runtime::list_slice(obj) };
        if c == 1 {
            let (a, b) = ((a as usize).min(items.len()), (b.max(a) as usize).min(items.len()));
            return Ok(new_list(cx.heap_mut(), &items[a..b]));
        }
        let picked: crate::runtime::Items =
            slice_positions(a, b, c).into_iter().filter_map(|i| items.get(i).copied()).collect();
        return Ok(new_list(cx.heap_mut(), &picked));
    }
    if is(obj, &LIST) || is(obj, &TUPLE) {
        let list = is(obj, &LIST);
        let items = if list { list_items(obj) } else { tuple_items(obj) };
        if is(key, &SLICE) {
            let (a, b, c) = slice_indices(cx, rt, key, items.len())?;
            let picked: crate::runtime::Items = if c == 1 {
                // (The commonest slice, without a list of positions.)
                items[a as usize..b.max(a) as usize].iter().copied().collect()
            } else {
                slice_positions(a, b, c).into_iter().map(|i| items[i]).collect()
            };
            return Ok(if list { new_list(cx.heap_mut(), &picked) } else { new_tuple(cx.heap_mut(), &picked) });
        }
        let i = index_of(cx, rt, key, items.len(), if list { "list" } else { "tuple" })?;
        return Ok(items[i]);
    }
    if is(obj, &STR) {
        let t = text(obj);
        if builtins::ascii(obj) && !is(key, &SLICE) {
            // One byte per char: index without decoding the whole str.
            let i = index_of(cx, rt, key, t.len(), "string")?;
            return Ok(crate::runtime::char_str(cx.heap_mut(), rt, t.as_bytes()[i] as char));
        }
        let n = unsafe { str_chars(obj) };
        if is(key, &SLICE) {
            let (a, b, c) = slice_indices(cx, rt, key, n)?;
            let s: String = if builtins::ascii(obj) && c == 1 {
                t[a as usize..b.max(a) as usize].to_string()
            } else if builtins::ascii(obj) {
                slice_positions(a, b, c).into_iter().map(|i| t.as_bytes()[i] as char).collect()
            } else {
                let chars: Vec<char> = t.chars().collect();
                slice_positions(a, b, c).into_iter().map(|i| chars[i]).collect()
            };
            return Ok(new_str(cx.heap_mut(), &s));
        }
        let i = index_of(cx, rt, key, n, "string")?;
        let c = t.chars().nth(i).unwrap_or_default();
        return Ok(crate::runtime::char_str(cx.heap_mut(), rt, c));
    }
    if crate::bytes::is_binary(obj) {
        return crate::bytes::getitem(cx, rt, obj, key);
    }
    if crate::memview::is_view(obj) {
        return crate::memview::getitem(cx, rt, obj, key);
    }
    if dict::is_dict(obj) {
        return match dict::lookup(cx, rt, obj, key)? {
            Some(v) => Ok(v),
            None => Err(crate::errors::key_error(cx, rt, key)),
        };
    }
    if crate::ranges::is_range(obj) {
        return crate::ranges::getitem(cx, rt, obj, key);
    }
    if is(obj, &INSTANCE) {
        if let Some(r) = builtins::call_method(cx, rt, obj, "__getitem__", &[key]) {
            return r;
        }
    }
    if is(obj, &TYPE) {
        if let Some(r) = builtins::call_method(cx, rt, obj, "__getitem__", &[key]) {
            return r;
        }
        if let Some(g) = classes::lookup(rt, obj, "__class_getitem__") {
            let f = crate::attrs::descr_get(cx, rt, g, None, obj)?;
            return builtins::call_value(cx, rt, f, &[key], &[]);
        }
        // `list[int]` and friends: a `types.GenericAlias`.
        let alias = types_attr(cx, rt, "GenericAlias")?;
        return builtins::call_value(cx, rt, alias, &[obj, key], &[]);
    }
    err(cx, rt, "TypeError", &format!("'{}' object is not subscriptable", builtins::type_name(rt, obj)))
}

/// `obj[key] = v` for builtin containers.
pub fn setitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, key: usize, v: usize) -> Result<(), usize> {
    if dict::is_dict(obj) {
        return dict::set(cx, rt, obj, key, v);
    }
    if is(obj, &crate::bytes::BYTEARRAY) {
        return crate::bytes::setitem(cx, rt, obj, key, v);
    }
    if crate::memview::is_view(obj) {
        return crate::memview::setitem(cx, rt, obj, key, v);
    }
    if is(obj, &LIST) {
        let items = list_items(obj);
        if is(key, &SLICE) {
            let (a, b, c) = slice_indices(cx, rt, key, items.len())?;
            let new = builtins::collect(cx, rt, v)?;
            let mut out = items.to_vec();
            if c == 1 {
                let (a, b) = (a as usize, (b.max(a)) as usize);
                out.splice(a..b, new);
            } else {
                let pos = slice_positions(a, b, c);
                if pos.len() != new.len() {
                    let msg = format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        pos.len()
                    );
                    return Err(crate::errors::new_error(cx, rt, "ValueError", &msg));
                }
                for (p, x) in pos.into_iter().zip(new) {
                    out[p] = x;
                }
            }
            replace_list(cx, obj, &out);
            return Ok(());
        }
        let i = index_of(cx, rt, key, items.len(), "list assignment")?;
        let storage = unsafe { read_word(obj, &LIST_ITEMS) } as usize;
        unsafe { *((storage + REFS_ITEMS.base as usize + 8 * i) as *mut usize) = v };
        return Ok(());
    }
    if is(obj, &INSTANCE) {
        if let Some(r) = builtins::call_method(cx, rt, obj, "__setitem__", &[key, v]) {
            return r.map(|_| ());
        }
    }
    err(cx, rt, "TypeError", &format!("'{}' object does not support item assignment", builtins::type_name(rt, obj)))
        .map(|_| ())
}

/// Replaces a list's items.
pub fn replace_list<S: Space>(cx: &mut Cx<'_, S>, l: usize, items: &[usize]) {
    let fresh = new_list(cx.heap_mut(), items);
    // SAFETY: `l` is a live list; it takes over the storage of `fresh`, which holds `items`.
    unsafe {
        *((l + LIST_ITEMS.offset as usize) as *mut usize) = read_word(fresh, &LIST_ITEMS) as usize;
        crate::runtime::set_list_len(l, items.len());
    }
}

/// `del obj[key]`
pub fn delitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, key: usize) -> Result<(), usize> {
    if is(obj, &crate::bytes::BYTEARRAY) {
        return crate::bytes::delitem(cx, rt, obj, key);
    }
    if crate::memview::is_view(obj) {
        crate::memview::live(cx, rt, obj)?;
        return Err(crate::errors::new_error(cx, rt, "TypeError", "cannot delete memory"));
    }
    if dict::is_dict(obj) {
        return match dict::remove(cx, rt, obj, key)? {
            Some(_) => Ok(()),
            None => Err(crate::errors::key_error(cx, rt, key)),
        };
    }
    if is(obj, &LIST) {
        if is(key, &SLICE) {
            let items = list_items(obj);
            let (a, b, c) = slice_indices(cx, rt, key, items.len())?;
            let pos: std::collections::HashSet<usize> = slice_positions(a, b, c).into_iter().collect();
            let kept: Vec<usize> =
                items.iter().enumerate().filter(|(k, _)| !pos.contains(k)).map(|(_, &v)| v).collect();
            replace_list(cx, obj, &kept);
            return Ok(());
        }
        let n = crate::runtime::list_len(obj);
        let i = index_of(cx, rt, key, n, "list assignment")?;
        // In place (a copy per deletion made `del l[-1]` in a loop quadratic). The key's
        // `__index__` may have run Python code that shortened the list meanwhile.
        if i >= crate::runtime::list_len(obj) {
            return Err(crate::errors::new_error(cx, rt, "IndexError", "list assignment index out of range"));
        }
        crate::runtime::list_remove(obj, i);
        return Ok(());
    }
    if is(obj, &INSTANCE) {
        if let Some(r) = builtins::call_method(cx, rt, obj, "__delitem__", &[key]) {
            return r.map(|_| ());
        }
    }
    err(cx, rt, "TypeError", &format!("'{}' object doesn't support item deletion", builtins::type_name(rt, obj)))
        .map(|_| ())
}

#[allow(dead_code)]
fn unused(b: BigInt) -> bool {
    b.is_zero()
}

/// Attribute `name` of the `types` module (written in Python: `GenericAlias`, `UnionType`,
/// `_union`), imported on first use.
pub fn types_attr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str) -> PyResult {
    let m = crate::modules::import_module(cx, rt, "types")?;
    crate::library::getattr_impl(cx, rt, m, name)
}
