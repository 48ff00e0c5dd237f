//! The builtin types' slow paths, as natives: calling a class (making ints, strs, lists,
//! instances of user classes, exceptions), and the attribute and item access the traced fast
//! paths of the object space leave (slices, str indexing, dicts, function attributes).

use crate::builtins::{self, err, text, PyResult};
use crate::classes;
use crate::dict;
use crate::objects::*;
use crate::runtime::{list_items, new_bigint, new_float, new_int, new_list, new_str, new_tuple, tuple_items};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;
use num_bigint::BigInt;
use num_traits::Zero;
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;

fn type_name_of(rt: &Python, t: usize) -> Rc<str> {
    // SAFETY: `t` is a live class.
    let id = unsafe { read_word(t, &TYPE_ID) } as usize;
    rt.types.borrow()[id].name.clone()
}

/// `t(*args, **kw)` for a class `t`.
pub fn call_type<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: usize,
    args: &[usize],
    kw: &[(Rc<str>, usize)],
) -> PyResult {
    let name = type_name_of(rt, t);
    let builtin = rt.type_by_name.borrow().get(&*name).copied() == Some(t);
    let none = rt.none.get();
    let arg = |k: usize| args.get(k).copied();
    if builtin {
        match &*name {
            "int" => {
                let base = arg(1).or_else(|| kw.iter().find(|(k, _)| &**k == "base").map(|(_, v)| *v));
                return make_int(cx, rt, arg(0), base);
            }
            "float" => {
                return match arg(0) {
                    None => Ok(new_float(cx.heap_mut(), 0.0)),
                    Some(v) if is(v, &FLOAT) => Ok(v),
                    Some(v) if is(v, &STR) => match parse_float(text(v)) {
                        Some(f) => Ok(new_float(cx.heap_mut(), f)),
                        None => err(
                            cx,
                            rt,
                            "ValueError",
                            &format!("could not convert string to float: {}", builtins::repr_str(text(v))),
                        ),
                    },
                    Some(v) => match peek_f64(v) {
                        Some(f) => Ok(new_float(cx.heap_mut(), f)),
                        None => {
                            if let Some(r) = builtins::call_method(cx, rt, v, "__float__", &[]) {
                                return r;
                            }
                            err(
                                cx,
                                rt,
                                "TypeError",
                                &format!(
                                    "float() argument must be a string or a real number, not '{}'",
                                    builtins::type_name(rt, v)
                                ),
                            )
                        }
                    },
                }
            }
            "str" => {
                let s = match arg(0) {
                    None => String::new(),
                    Some(v) => builtins::to_str(cx, rt, v)?,
                };
                return Ok(new_str(cx.heap_mut(), &s));
            }
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
            "set" | "frozenset" => {
                let s = dict::new_set(cx.heap_mut());
                if let Some(v) = arg(0) {
                    for k in builtins::collect(cx, rt, v)? {
                        dict::set(cx, rt, s, k, none)?;
                    }
                }
                return Ok(s);
            }
            "dict" => {
                let d = dict::new_dict(cx.heap_mut());
                if let Some(v) = arg(0) {
                    let _ = metatrace::Ctx::root(cx, d);
                    if dict::is_dict(v) {
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
                            let kv = builtins::collect(cx, rt, pair)?;
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
            "slice" => {
                let none = rt.none.get();
                let (start, stop, step) = match args {
                    [stop] => (none, *stop, none),
                    [start, stop] => (*start, *stop, none),
                    [start, stop, step] => (*start, *stop, *step),
                    [] => return err(cx, rt, "TypeError", "slice expected at least 1 argument, got 0"),
                    _ => {
                        let msg = format!("slice expected at most 3 arguments, got {}", args.len());
                        return err(cx, rt, "TypeError", &msg);
                    }
                };
                let s = cx.heap_mut().alloc(&SLICE);
                // SAFETY: just allocated with the SLICE layout.
                unsafe {
                    *((s + SLICE_START.offset as usize) as *mut usize) = start;
                    *((s + SLICE_STOP.offset as usize) as *mut usize) = stop;
                    *((s + SLICE_STEP.offset as usize) as *mut usize) = step;
                }
                return Ok(s);
            }
            "range" => {
                let ints: Option<Vec<i64>> = args.iter().map(|&a| peek_i64(a)).collect();
                let Some(ints) = ints else {
                    return err(cx, rt, "TypeError", "'float' object cannot be interpreted as an integer");
                };
                let (a, b, c) = match ints.as_slice() {
                    [b] => (0, *b, 1),
                    [a, b] => (*a, *b, 1),
                    [a, b, c] => (*a, *b, *c),
                    _ => {
                        return err(
                            cx,
                            rt,
                            "TypeError",
                            &format!("range expected at most 3 arguments, got {}", args.len()),
                        )
                    }
                };
                if c == 0 {
                    return err(cx, rt, "ValueError", "range() arg 3 must not be zero");
                }
                let r = cx.heap_mut().alloc(&RANGE);
                // SAFETY: just allocated with the RANGE layout.
                unsafe {
                    *((r + RANGE_START.offset as usize) as *mut i64) = a;
                    *((r + RANGE_STOP.offset as usize) as *mut i64) = b;
                    *((r + RANGE_STEP.offset as usize) as *mut i64) = c;
                }
                return Ok(r);
            }
            "type" if args.len() == 1 => return Ok(builtins::peek_type(rt, args[0])),
            "enumerate" | "zip" | "map" | "filter" => {
                // Classes whose constructors are the builtin functions of the same name.
                let id = crate::library::NAMES.iter().position(|n| *n == &*name).expect("in the table");
                return (crate::library::table::<S>()[id])(cx, rt, None, args, kw);
            }
            "property" | "classmethod" | "staticmethod" => {
                let obj = cx.heap_mut().alloc(&INSTANCE);
                init_instance(cx, obj, t);
                let slots: &[&str] =
                    if &*name == "property" { &["fget", "fset", "fdel", "__doc__"] } else { &["__func__"] };
                for (k, slot) in slots.iter().enumerate() {
                    let v = args
                        .get(k)
                        .copied()
                        .or_else(|| kw.iter().find(|(n, _)| &**n == *slot).map(|&(_, v)| v))
                        .unwrap_or(none);
                    set_slot_raw(cx, rt, obj, slot, v);
                }
                return Ok(obj);
            }
            "object" => {
                let obj = cx.heap_mut().alloc(&INSTANCE);
                init_instance(cx, obj, t);
                return Ok(obj);
            }
            _ => {}
        }
    }
    // A user class, or an exception class.
    let obj = cx.heap_mut().alloc(&INSTANCE);
    init_instance(cx, obj, t);
    let mark = metatrace::Ctx::root(cx, obj);
    let exception = classes::is_subclass(rt, t, rt.builtin_type("BaseException"));
    if exception {
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
    let r = match classes::lookup(rt, t, "__init__") {
        Some(init) if !(is(init, &BUILTIN) && !exception) => {
            let mut all = vec![obj];
            all.extend_from_slice(args);
            builtins::call_value(cx, rt, init, &all, kw).and_then(|r| {
                if r != none {
                    Err(crate::errors::new_error(
                        cx,
                        rt,
                        "TypeError",
                        &format!("__init__() should return None, not '{}'", builtins::type_name(rt, r)),
                    ))
                } else {
                    Ok(obj)
                }
            })
        }
        _ if !args.is_empty() && !exception => {
            err(cx, rt, "TypeError", &format!("{}() takes no arguments", type_name_of(rt, t)))
        }
        _ => Ok(obj),
    };
    metatrace::Ctx::unroot(cx, mark);
    r
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

fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim().replace('_', "");
    match t.to_ascii_lowercase().as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => t.parse().ok(),
    }
}

fn make_int<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: Option<usize>, base: Option<usize>) -> PyResult {
    let Some(v) = v else { return Ok(new_int(cx.heap_mut(), 0)) };
    if is(v, &STR) {
        let base = match base {
            Some(b) => match peek_i64(b) {
                Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
                _ => return err(cx, rt, "ValueError", "int() base must be >= 2 and <= 36, or 0"),
            },
            None => 10,
        };
        let s = text(v).trim().replace('_', "");
        let (neg, digits) = match s.strip_prefix('-') {
            Some(d) => (true, d.to_string()),
            None => (false, s.strip_prefix('+').unwrap_or(&s).to_string()),
        };
        let (base, digits) = if base == 0 || base == 16 || base == 8 || base == 2 {
            let lower = digits.to_ascii_lowercase();
            match (lower.get(..2), base) {
                (Some("0x"), 0 | 16) => (16, digits[2..].to_string()),
                (Some("0o"), 0 | 8) => (8, digits[2..].to_string()),
                (Some("0b"), 0 | 2) => (2, digits[2..].to_string()),
                (_, 0) => (10, digits),
                _ => (base, digits),
            }
        } else {
            (base, digits)
        };
        return match BigInt::parse_bytes(digits.as_bytes(), base).filter(|_| !digits.is_empty()) {
            Some(n) => Ok(new_bigint(cx.heap_mut(), if neg { -n } else { n })),
            None => err(
                cx,
                rt,
                "ValueError",
                &format!("invalid literal for int() with base {base}: {}", builtins::repr_str(text(v))),
            ),
        };
    }
    if is(v, &INT) || is(v, &BIGINT) {
        return Ok(v);
    }
    if is(v, &BOOL) {
        return Ok(new_int(cx.heap_mut(), (v == rt.true_.get()) as i64));
    }
    if is(v, &FLOAT) {
        let f = f64::from_bits(unsafe { read_word(v, &FLOAT_VALUE) });
        if f.is_nan() {
            return err(cx, rt, "ValueError", "cannot convert float NaN to integer");
        }
        if f.is_infinite() {
            return err(cx, rt, "OverflowError", "cannot convert float infinity to integer");
        }
        let b = BigInt::from(f.trunc() as i128);
        let b = if f.abs() < 1e38 { b } else { num_bigint::BigInt::from_signed_bytes_le(&[0]) + big_from_f64(f) };
        return Ok(new_bigint(cx.heap_mut(), b));
    }
    if let Some(r) = builtins::call_method(cx, rt, v, "__int__", &[]) {
        return r;
    }
    err(
        cx,
        rt,
        "TypeError",
        &format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            builtins::type_name(rt, v)
        ),
    )
}

fn big_from_f64(f: f64) -> BigInt {
    let (m, e) = {
        let bits = f.to_bits();
        let e = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let m = (bits & ((1 << 52) - 1)) | (1 << 52);
        (m, e)
    };
    let b = BigInt::from(m) << (e.max(0) as usize);
    if f < 0.0 {
        -b
    } else {
        b
    }
}

/// The `__module__` and `__qualname__` of class `t`: what its body (or a later assignment)
/// stored, else `builtins` / `__main__` and its name.
pub fn class_names(rt: &Python, t: usize) -> (String, String) {
    let id = unsafe { read_word(t, &TYPE_ID) } as usize;
    let types = rt.types.borrow();
    let info = &types[id];
    let own = |n: &str| info.dict.borrow().get(n).copied().filter(|&v| is(v, &STR)).map(|v| text(v).to_string());
    let builtin = rt.type_by_name.borrow().get(&*info.name) == Some(&t);
    let module = own("__module__").unwrap_or_else(|| if builtin { "builtins" } else { "__main__" }.to_string());
    (module, own("__qualname__").unwrap_or_else(|| info.name.to_string()))
}

/// Attributes of builtin objects the traced paths leave.
pub fn getattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> PyResult {
    if is(obj, &FUNCTION) && matches!(name, "__doc__" | "__module__") {
        // Assigned ones (`functools.wraps`) first.
        let d = unsafe { read_word(obj, &FUNC_DICT) } as usize;
        if d != 0 {
            let k = new_str(cx.heap_mut(), name);
            if let Some(v) = dict::lookup(cx, rt, d, k)? {
                return Ok(v);
            }
        }
    }
    if is(obj, &FUNCTION) {
        match name {
            "__name__" => return Ok(unsafe { read_word(obj, &FUNC_NAME) } as usize),
            "__qualname__" => return Ok(unsafe { read_word(obj, &FUNC_QUALNAME) } as usize),
            "__defaults__" | "__kwdefaults__" | "__closure__" => {
                let d = match name {
                    "__defaults__" => &FUNC_DEFAULTS,
                    "__kwdefaults__" => &FUNC_KWDEFAULTS,
                    _ => &FUNC_CLOSURE,
                };
                let v = unsafe { read_word(obj, d) } as usize;
                return Ok(if v == 0 { rt.none.get() } else { v });
            }
            "__module__" => {
                // The `__name__` of the module the function was defined in.
                let globals = unsafe { read_word(obj, &FUNC_GLOBALS) } as usize;
                return Ok(crate::globals::peek_global_of(rt, globals, "__name__")
                    .unwrap_or_else(|| new_str(cx.heap_mut(), "__main__")));
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
    if is(obj, &TYPE) {
        let id = unsafe { read_word(obj, &TYPE_ID) } as usize;
        let info = (rt.types.borrow()[id].mro.clone(), rt.types.borrow()[id].base, rt.types.borrow()[id].name.clone());
        match name {
            "__mro__" => return Ok(new_tuple(cx.heap_mut(), &info.0)),
            "__bases__" => {
                let bases: Vec<usize> = info.1.into_iter().collect();
                return Ok(new_tuple(cx.heap_mut(), &bases));
            }
            "__base__" => return Ok(info.1.unwrap_or(rt.none.get())),
            "__name__" => return Ok(new_str(cx.heap_mut(), &info.2)),
            "__qualname__" | "__module__" => {
                let (module, qualname) = class_names(rt, obj);
                return Ok(new_str(cx.heap_mut(), if name == "__module__" { &module } else { &qualname }));
            }
            _ => {}
        }
    }
    if is(obj, &INSTANCE) || is(obj, &TYPE) {
        // (Reached from natives: the same lookup as the traced path.)
        if is(obj, &INSTANCE) {
            let t = builtins::peek_type(rt, obj);
            if let Some(p) =
                classes::lookup(rt, t, name).filter(|&p| classes::descriptor(rt, p) == classes::Descriptor::Property)
            {
                let fget = classes::wrapped(rt, p, "fget");
                return builtins::call_value(cx, rt, fget, &[obj], &[]);
            }
        }
        if let Some(v) = classes::lookup(rt, if is(obj, &TYPE) { obj } else { builtins::peek_type(rt, obj) }, name) {
            match classes::descriptor(rt, v) {
                classes::Descriptor::StaticMethod => return Ok(classes::wrapped(rt, v, "__func__")),
                classes::Descriptor::ClassMethod => {
                    let cls = if is(obj, &TYPE) { obj } else { builtins::peek_type(rt, obj) };
                    let m = cx.heap_mut().alloc(&METHOD);
                    unsafe {
                        *((m + METHOD_FUNC.offset as usize) as *mut usize) = classes::wrapped(rt, v, "__func__");
                        *((m + METHOD_SELF.offset as usize) as *mut usize) = cls;
                    }
                    return Ok(m);
                }
                _ => {}
            }
        }
        return match classes::peek_slot(rt, obj, name) {
            Some(v) => Ok(v),
            None => {
                let t = if is(obj, &TYPE) { obj } else { builtins::peek_type(rt, obj) };
                match classes::lookup(rt, t, name) {
                    Some(v)
                        if is(obj, &INSTANCE)
                            && (is(v, &FUNCTION) || (is(v, &BUILTIN) && builtins::is_unbound_method(v))) =>
                    {
                        let m = cx.heap_mut().alloc(&METHOD);
                        unsafe {
                            *((m + METHOD_FUNC.offset as usize) as *mut usize) = v;
                            *((m + METHOD_SELF.offset as usize) as *mut usize) = obj;
                        }
                        Ok(m)
                    }
                    Some(v) => Ok(v),
                    None => err(
                        cx,
                        rt,
                        "AttributeError",
                        &format!("'{}' object has no attribute '{name}'", builtins::type_name(rt, obj)),
                    ),
                }
            }
        };
    }
    err(cx, rt, "AttributeError", &format!("'{}' object has no attribute '{name}'", builtins::type_name(rt, obj)))
}

/// Attribute assignment the traced paths leave (class attributes, functions).
pub fn setattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str, v: usize) -> Result<(), usize> {
    if is(obj, &TYPE) && name == "__name__" && is(v, &STR) {
        // A class renamed (e.g. one a factory function makes): its name in reprs.
        let id = unsafe { read_word(obj, &TYPE_ID) } as usize;
        rt.types.borrow_mut()[id].name = Rc::from(text(v));
    }
    if is(obj, &TYPE) {
        let mut bump = Vec::new();
        classes::set_class_attr(rt, cx.heap_mut(), &mut |q| bump.push(q), obj, name, v);
        for q in bump {
            let old = metatrace::Ctx::quasi_get(cx, q);
            metatrace::Ctx::quasi_set(cx, q, old + 1);
        }
        return Ok(());
    }
    if is(obj, &INSTANCE) {
        classes::set_slot(cx, rt, obj, name, v);
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
fn slice_indices<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, n: usize) -> Result<(i64, i64, i64), usize> {
    let none = rt.none.get();
    let get = |f: &metatrace::FieldDescr| unsafe { read_word(s, f) } as usize;
    let (a, b, c) = (get(&SLICE_START), get(&SLICE_STOP), get(&SLICE_STEP));
    let step = if c == none {
        1
    } else {
        peek_i64(c).ok_or_else(|| {
            crate::errors::new_error(
                cx,
                rt,
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            )
        })?
    };
    if step == 0 {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "slice step cannot be zero"));
    }
    let n = n as i64;
    let norm = |v: usize, default: i64, cx: &mut Cx<'_, S>| -> Result<i64, usize> {
        if v == none {
            return Ok(default);
        }
        let i = peek_i64(v).ok_or_else(|| {
            crate::errors::new_error(
                cx,
                rt,
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            )
        })?;
        let i = if i < 0 { i + n } else { i };
        Ok(if step > 0 { i.clamp(0, n) } else { i.clamp(-1, n - 1) })
    };
    let start = norm(a, if step > 0 { 0 } else { n - 1 }, cx)?;
    let stop = norm(b, if step > 0 { n } else { -1 }, cx)?;
    Ok((start, stop, step))
}

fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

fn index_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, key: usize, n: usize, what: &str) -> Result<usize, usize> {
    let Some(i) = peek_i64(key) else {
        return Err(crate::errors::new_error(
            cx,
            rt,
            "TypeError",
            &format!("{what} indices must be integers or slices, not {}", builtins::type_name(rt, key)),
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
    if is(obj, &LIST) || is(obj, &TUPLE) {
        let list = is(obj, &LIST);
        let items = if list { list_items(obj) } else { tuple_items(obj) };
        if is(key, &SLICE) {
            let (a, b, c) = slice_indices(cx, rt, key, items.len())?;
            let picked: Vec<usize> = slice_positions(a, b, c).into_iter().map(|i| items[i]).collect();
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
            return Ok(new_str(cx.heap_mut(), &t[i..i + 1]));
        }
        let chars: Vec<char> = t.chars().collect();
        if is(key, &SLICE) {
            let (a, b, c) = slice_indices(cx, rt, key, chars.len())?;
            let s: String = slice_positions(a, b, c).into_iter().map(|i| chars[i]).collect();
            return Ok(new_str(cx.heap_mut(), &s));
        }
        let i = index_of(cx, rt, key, chars.len(), "string")?;
        return Ok(new_str(cx.heap_mut(), chars[i].encode_utf8(&mut [0; 4])));
    }
    if dict::is_dict(obj) {
        return match dict::lookup(cx, rt, obj, key)? {
            Some(v) => Ok(v),
            None => Err(crate::errors::key_error(cx, rt, key)),
        };
    }
    if is(obj, &RANGE) {
        let (a, b, c) = unsafe {
            (
                read_word(obj, &RANGE_START) as i64,
                read_word(obj, &RANGE_STOP) as i64,
                read_word(obj, &RANGE_STEP) as i64,
            )
        };
        let n = builtins::range_len(a, b, c);
        let i = index_of(cx, rt, key, n, "range object")?;
        return Ok(new_int(cx.heap_mut(), a + c * i as i64));
    }
    if is(obj, &INSTANCE) {
        if let Some(r) = builtins::call_method(cx, rt, obj, "__getitem__", &[key]) {
            return r;
        }
    }
    if is(obj, &TYPE) {
        // `list[int]` and friends in annotations: the class itself.
        return Ok(obj);
    }
    err(cx, rt, "TypeError", &format!("'{}' object is not subscriptable", builtins::type_name(rt, obj)))
}

/// `obj[key] = v` for builtin containers.
pub fn setitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, key: usize, v: usize) -> Result<(), usize> {
    if dict::is_dict(obj) {
        return dict::set(cx, rt, obj, key, v);
    }
    if is(obj, &LIST) {
        let items = list_items(obj);
        if is(key, &SLICE) {
            let (a, b, c) = slice_indices(cx, rt, key, items.len())?;
            let new = builtins::collect(cx, rt, v)?;
            let mut out = items.clone();
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
    unsafe {
        *((l + LIST_ITEMS.offset as usize) as *mut usize) = read_word(fresh, &LIST_ITEMS) as usize;
        *((l + LIST_LEN.offset as usize) as *mut usize) = items.len();
    }
}

/// `del obj[key]`
pub fn delitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, key: usize) -> Result<(), usize> {
    if dict::is_dict(obj) {
        return match dict::remove(cx, rt, obj, key)? {
            Some(_) => Ok(()),
            None => Err(crate::errors::key_error(cx, rt, key)),
        };
    }
    if is(obj, &LIST) {
        let mut items = list_items(obj);
        if is(key, &SLICE) {
            let (a, b, c) = slice_indices(cx, rt, key, items.len())?;
            let pos: std::collections::HashSet<usize> = slice_positions(a, b, c).into_iter().collect();
            let kept: Vec<usize> =
                items.iter().enumerate().filter(|(k, _)| !pos.contains(k)).map(|(_, &v)| v).collect();
            replace_list(cx, obj, &kept);
            return Ok(());
        }
        let i = index_of(cx, rt, key, items.len(), "list assignment")?;
        items.remove(i);
        replace_list(cx, obj, &items);
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
