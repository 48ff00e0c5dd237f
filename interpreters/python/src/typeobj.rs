//! Making classes and calling them, as CPython's `type` does: `class` statements (metaclass,
//! `__prepare__`, class keywords), `type.__new__` (`__slots__`, `__qualname__`, implicit
//! staticmethods and classmethods, `__set_name__`, `__init_subclass__`), `type.__call__`
//! (`__new__` then `__init__`) and `object.__new__`/`object.__init__`'s argument checks, and
//! the abstract-class check.

use crate::attrs::{descr_get, new_member, PROPERTY_NAME_SLOT};
use crate::builtins::{self, call_value, collect, err, peek_type, text, PyResult};
use crate::classes::{self, descriptor, is_subclass, meta_of, type_id, wrapped, Descriptor};
use crate::dict;
use crate::objects::*;
use crate::runtime::{new_str, new_tuple, tuple_items};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::{Concrete, Ctx};
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;
type Kw<'b> = &'b [(Rc<str>, usize)];

/// Whether `v` is the builtin named `name` (e.g. `object.__init__`).
pub(crate) fn is_builtin_named(v: usize, name: &str) -> bool {
    // SAFETY: a live builtin.
    is(v, &BUILTIN) && builtins::NAMES[unsafe { read_word(v, &BUILTIN_ID) } as usize] == name
}

/// Whether class `t` overrides `object.__new__` / `object.__init__` (`what`).
fn overrides(rt: &Python, t: usize, what: &str) -> bool {
    let default = if what == "__new__" { "object.__new__" } else { "object.__init__" };
    classes::lookup(rt, t, what).is_some_and(|v| !is_builtin_named(v, default))
}

/// Calling class `cls`: its metaclass's `__call__`, or `type.__call__`.
pub fn call_class<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, args: &[usize], kw: Kw<'_>) -> PyResult {
    let meta = meta_of(rt, cls);
    let plain = meta == rt.known.type_.get();
    if let Some(c) = if plain { None } else { classes::special(rt, meta, "__call__") } {
        let mut all = vec![cls];
        all.extend_from_slice(args);
        return call_value(cx, rt, c, &all, kw);
    }
    type_call(cx, rt, cls, args, kw)
}

/// Whether class `t` is `_moduledict.ModuleDict`, what `globals()` returns.
fn is_module_dict(rt: &Python, t: usize) -> bool {
    // SAFETY: `t` is a live class.
    let id = unsafe { read_word(t, &TYPE_ID) } as usize;
    let types = rt.types.borrow();
    &*types[id].tp_name == "ModuleDict"
        && types[id]
            .dict
            .borrow()
            .get("__module__")
            .is_some_and(|&m| is(m, &STR) && crate::builtins::text(m) == "_moduledict")
}

/// The class that fixes the instance layout of class `t` (CPython's "solid base"): the first
/// class of its MRO that adds `__slots__` members or is a builtin value type, else `object`
/// (exceptions: `BaseException`).
fn solid_base(rt: &Python, t: usize) -> usize {
    let mro = rt.types.borrow()[type_id(t)].mro.clone();
    for c in mro {
        let types = rt.types.borrow();
        let info = &types[type_id(c)];
        if info.builtin {
            let layout = info.value_base != 0
                || matches!(
                    &*info.name,
                    "int"
                        | "float"
                        | "complex"
                        | "str"
                        | "bytes"
                        | "bytearray"
                        | "list"
                        | "tuple"
                        | "dict"
                        | "set"
                        | "frozenset"
                        | "type"
                        | "BaseException"
                );
            if layout {
                return c;
            }
            continue;
        }
        let slots = info.dict.borrow().get("__slots__").copied();
        let adds = slots.is_some_and(|s| {
            let names = if is(s, &crate::objects::STR) {
                vec![s]
            } else if is(s, &crate::objects::TUPLE) {
                tuple_items(s).to_vec()
            } else if is(s, &crate::objects::LIST) {
                crate::runtime::list_items(s).to_vec()
            } else {
                return false;
            };
            names.iter().any(|&n| is(n, &crate::objects::STR) && !matches!(text(n), "__dict__" | "__weakref__"))
        });
        if adds {
            return c;
        }
    }
    rt.known.object.get()
}

/// CPython's error for calling builtin class `cls` if its instances are made only by the
/// runtime (builtin functions, generators, iterators, ...).
fn uninstantiable(rt: &Python, cls: usize) -> Option<String> {
    let name = classes::type_name(rt, cls);
    match &*name {
        "function" => Some("function() missing required argument 'code' (pos 1)".into()),
        "builtin_function_or_method"
        | "method_descriptor"
        | "wrapper_descriptor"
        | "method-wrapper"
        | "classmethod_descriptor"
        | "generator"
        | "coroutine"
        | "async_generator"
        | "iterator"
        | "list_iterator"
        | "tuple_iterator"
        | "str_ascii_iterator"
        | "str_iterator"
        | "range_iterator"
        | "set_iterator"
        | "dict_keyiterator"
        | "dict_valueiterator"
        | "dict_itemiterator"
        | "dict_keys"
        | "dict_values"
        | "dict_items"
        | "callable_iterator"
        | "longrange_iterator"
        | "bytes_iterator"
        | "bytearray_iterator"
        | "list_reverseiterator" => Some(format!("cannot create '{name}' instances")),
        _ => None,
    }
}

/// `type.__call__(cls, *args, **kw)`: `cls.__new__(cls, ...)`, then `__init__` on the result if
/// it is an instance of `cls`.
pub fn type_call<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, args: &[usize], kw: Kw<'_>) -> PyResult {
    if cls == rt.known.type_.get() && args.len() == 1 && kw.is_empty() {
        let t = peek_type(rt, args[0]);
        if is(args[0], &INSTANCE) && is_module_dict(rt, t) {
            // `globals()` is a dict in CPython: its subclass here (see `_moduledict`) hides.
            return Ok(rt.builtin_type("dict"));
        }
        return Ok(t);
    }
    if let Some(r) = crate::types::construct_builtin(cx, rt, cls, args, kw) {
        return r;
    }
    if classes::is_builtin(rt, cls) {
        if let Some(msg) = uninstantiable(rt, cls) {
            return err(cx, rt, "TypeError", &msg);
        }
    }
    let new = classes::lookup(rt, cls, "__new__");
    let obj = match new {
        Some(n) if is_builtin_named(n, "type.__new__") => type_new(cx, rt, cls, args, kw)?,
        Some(n) if !classes::is_default(n) => {
            let f = if descriptor(rt, n) == Descriptor::StaticMethod { wrapped(rt, n, "__func__") } else { n };
            let mut all = vec![cls];
            all.extend_from_slice(args);
            call_value(cx, rt, f, &all, kw)?
        }
        _ => new_object(cx, rt, cls, args, kw, true)?,
    };
    let t = peek_type(rt, obj);
    if !is_subclass(rt, t, cls) {
        return Ok(obj);
    }
    let mark = cx.root(obj);
    let r = init(cx, rt, t, obj, args, kw);
    cx.unroot(mark);
    r.map(|_| obj)
}

/// Runs `__init__` of `obj` (of class `t`) after `type.__call__` made it.
fn init<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: usize,
    obj: usize,
    args: &[usize],
    kw: Kw<'_>,
) -> Result<(), usize> {
    match classes::lookup(rt, t, "__init__") {
        Some(i) if is_builtin_named(i, "type.__init__") => Ok(()),
        Some(i) if !is_builtin_named(i, "object.__init__") => {
            // `__init__` read through the instance: a function gets it first (without a bound
            // method made for it); anything else binds as its descriptor says (a classmethod
            // to the class, a staticmethod or callable object not at all).
            let r = if is(i, &FUNCTION) {
                let mut all = vec![obj];
                all.extend_from_slice(args);
                call_value(cx, rt, i, &all, kw)?
            } else {
                let f = descr_get(cx, rt, i, Some(obj), t)?;
                call_value(cx, rt, f, args, kw)?
            };
            if r != rt.none.get() {
                let msg = format!("__init__() should return None, not '{}'", builtins::type_name(rt, r));
                return err(cx, rt, "TypeError", &msg).map(|_| ());
            }
            Ok(())
        }
        _ => object_init(cx, rt, obj, args, kw).map(|_| ()),
    }
}

/// `object.__new__(cls, *args, **kw)`
pub fn object_new<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, args: &[usize], kw: Kw<'_>) -> PyResult {
    new_object(cx, rt, cls, args, kw, false)
}

/// `object.__new__(cls, *args, **kw)`; `default_new`: `cls.__new__` is known to be
/// `object.__new__`.
fn new_object<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    cls: usize,
    args: &[usize],
    kw: Kw<'_>,
    default_new: bool,
) -> PyResult {
    if !is(cls, &TYPE) {
        let msg = format!("object.__new__(X): X is not a type object ({})", builtins::type_name(rt, cls));
        return err(cx, rt, "TypeError", &msg);
    }
    if crate::boxed::value_base(rt, cls).is_some() {
        // Its instances hold a builtin value only the builtin type's `__new__` makes: CPython
        // names the first class up the bases without a `__new__` of its own.
        let mut base = cls;
        while !classes::is_builtin(rt, base) && rt.types.borrow()[type_id(base)].dict.borrow().contains_key("__new__") {
            base = rt.types.borrow()[type_id(base)].base.unwrap_or(base);
        }
        let (name, base) = (classes::type_name(rt, cls), classes::type_name(rt, base));
        return err(cx, rt, "TypeError", &format!("object.__new__({name}) is not safe, use {base}.__new__()"));
    }
    let exception = rt.types.borrow()[type_id(cls)].exception;
    if (!args.is_empty() || !kw.is_empty()) && !exception {
        if !default_new && overrides(rt, cls, "__new__") {
            return err(cx, rt, "TypeError", "object.__new__() takes exactly one argument (the type to instantiate)");
        }
        if !overrides(rt, cls, "__init__") {
            return err(cx, rt, "TypeError", &format!("{}() takes no arguments", classes::type_name(rt, cls)));
        }
    }
    check_abstract(cx, rt, cls)?;
    Ok(crate::types::new_instance(cx, rt, cls, args))
}

/// `object.__init__(self, *args, **kw)`
pub fn object_init<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, args: &[usize], kw: Kw<'_>) -> PyResult {
    let t = peek_type(rt, obj);
    if (!args.is_empty() || !kw.is_empty()) && !rt.types.borrow()[type_id(t)].exception {
        if overrides(rt, t, "__init__") {
            return err(
                cx,
                rt,
                "TypeError",
                "object.__init__() takes exactly one argument (the instance to initialize)",
            );
        }
        if !overrides(rt, t, "__new__") {
            return err(cx, rt, "TypeError", &format!("{}() takes no arguments", classes::type_name(rt, t)));
        }
    }
    Ok(rt.none.get())
}

/// Raises TypeError if class `cls` has abstract methods (its own `__abstractmethods__`).
fn check_abstract<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize) -> Result<(), usize> {
    let abstract_ = rt.types.borrow()[type_id(cls)].dict.borrow().get("__abstractmethods__").copied();
    let Some(a) = abstract_ else { return Ok(()) };
    let mut names: Vec<String> =
        collect(cx, rt, a)?.into_iter().filter(|&n| is(n, &STR)).map(|n| text(n).to_string()).collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let msg = format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        classes::type_name(rt, cls),
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    );
    err(cx, rt, "TypeError", &msg).map(|_| ())
}

/// The most derived of metaclass `meta` and the classes of `bases`, or TypeError.
fn winner_meta<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, meta: usize, bases: &[usize]) -> PyResult {
    let mut winner = meta;
    for &b in bases {
        let bm = peek_type(rt, b);
        if is_subclass(rt, winner, bm) {
            continue;
        }
        if is_subclass(rt, bm, winner) {
            winner = bm;
            continue;
        }
        return err(
            cx,
            rt,
            "TypeError",
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses \
             of all its bases",
        );
    }
    Ok(winner)
}

/// `__build_class__(func, name, *bases, metaclass=..., **kw)`: the class statement.
pub fn build_class<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: Kw<'_>) -> PyResult {
    let (Some(&body), Some(&name)) = (args.first(), args.get(1)) else {
        return err(cx, rt, "TypeError", "__build_class__: not enough arguments");
    };
    let orig_bases = &args[2..];
    let explicit = kw.iter().find(|(n, _)| &**n == "metaclass").map(|&(_, v)| v);
    let kw: Vec<(Rc<str>, usize)> = kw.iter().filter(|(n, _)| &**n != "metaclass").cloned().collect();
    // Bases that are not classes stand for what their `__mro_entries__` gives (`list[int]`).
    let mut resolved = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    let orig_t = new_tuple(cx.heap_mut(), orig_bases);
    let m0 = cx.root(orig_t);
    for &b in orig_bases {
        if is(b, &TYPE) {
            resolved.push(b);
            continue;
        }
        let Some(m) = classes::special(rt, peek_type(rt, b), "__mro_entries__") else {
            // (Kept: its type is then the metaclass, which is called, as in CPython.)
            resolved.push(b);
            continue;
        };
        let r = call_value(cx, rt, m, &[b, orig_t], &[])?;
        if !is(r, &TUPLE) {
            cx.unroot(m0);
            return err(cx, rt, "TypeError", "__mro_entries__ must return a tuple");
        }
        for e in crate::runtime::tuple_items(r) {
            if !is(e, &TYPE) {
                cx.unroot(m0);
                return err(cx, rt, "TypeError", "bases must be types");
            }
            resolved.push(e);
        }
        changed = true;
    }
    let bases = &resolved[..];
    let mut meta =
        explicit.unwrap_or_else(|| bases.first().map(|&b| peek_type(rt, b)).unwrap_or(rt.builtin_type("type")));
    if is(meta, &TYPE) {
        meta = winner_meta(cx, rt, meta, bases)?;
    }
    let bases_t = new_tuple(cx.heap_mut(), bases);
    let m1 = cx.root(bases_t);
    let ns = match prepare(cx, rt, meta, name, bases_t, &kw) {
        Ok(ns) => ns,
        Err(e) => {
            cx.unroot(m1);
            return Err(e);
        }
    };
    let m2 = cx.root(ns);
    if changed {
        let k = new_str(cx.heap_mut(), "__orig_bases__");
        if let Err(e) = dict::set(cx, rt, ns, k, orig_t) {
            cx.unroot(m0);
            return Err(e);
        }
    }
    let r = run_body(cx, rt, body, ns).and_then(|_| call_value(cx, rt, meta, &[name, bases_t, ns], &kw));
    cx.unroot(m2);
    cx.unroot(m1);
    cx.unroot(m0);
    r
}

/// The namespace of a class body: `meta.__prepare__(name, bases, **kw)`, or a new dict.
fn prepare<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, meta: usize, name: usize, bases: usize, kw: Kw<'_>) -> PyResult {
    let found = if is(meta, &TYPE) { classes::special(rt, meta, "__prepare__") } else { None };
    let Some(p) = found else { return Ok(dict::new_dict(cx.heap_mut())) };
    let f = descr_get(cx, rt, p, None, meta)?;
    let ns = call_value(cx, rt, f, &[name, bases], kw)?;
    if !dict::is_dict(ns) && classes::lookup(rt, builtins::peek_type(rt, ns), "__getitem__").is_none() {
        let msg = format!(
            "{}.__prepare__() must return a mapping, not {}",
            classes::type_name(rt, meta),
            builtins::type_name(rt, ns)
        );
        return err(cx, rt, "TypeError", &msg);
    }
    Ok(ns)
}

fn run_body<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, body: usize, ns: usize) -> PyResult {
    let mut frame = crate::call::bind(cx, rt, body, &[], None, rt.none.get(), &mut builtins::NativeKwDicts)?;
    frame.ns = ns;
    cx.call_function(frame)
}

/// `name` mangled as in class `class` (`__x` in `C` is `_C__x`).
fn mangle(class: &str, name: &str) -> Rc<str> {
    if name.starts_with("__") && !name.ends_with("__") {
        let c = class.trim_start_matches('_');
        if !c.is_empty() {
            return format!("_{c}{name}").into();
        }
    }
    name.into()
}

/// The instance attributes a base allows (`None`: its instances have a `__dict__`).
fn base_slots(rt: &Python, b: usize) -> Option<Vec<Rc<str>>> {
    if b == rt.builtin_type("object") || crate::boxed::value_base(rt, b) == Some(b) {
        // (The builtin value types' objects have no attributes either.)
        return Some(Vec::new());
    }
    rt.types.borrow()[type_id(b)].slots.clone()
}

/// `type.__new__(meta, name, bases, ns, **kw)`
pub fn type_new<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, meta: usize, args: &[usize], kw: Kw<'_>) -> PyResult {
    if args.len() != 3 {
        let msg = if meta == rt.builtin_type("type") {
            "type() takes 1 or 3 arguments".to_string()
        } else {
            format!("type.__new__() takes exactly 3 arguments ({} given)", args.len())
        };
        return err(cx, rt, "TypeError", &msg);
    }
    let (name, bases_t, ns) = (args[0], args[1], args[2]);
    for (k, v, what, ok) in [
        (1, name, "str", is(name, &STR)),
        (2, bases_t, "tuple", is(bases_t, &TUPLE)),
        (3, ns, "dict", dict::is_dict(crate::boxed::unbox(ns))),
    ] {
        if !ok {
            let msg = format!("type.__new__() argument {k} must be {what}, not {}", builtins::type_name(rt, v));
            return err(cx, rt, "TypeError", &msg);
        }
    }
    let name = text(name).to_string();
    let mut bases = tuple_items(bases_t);
    for &b in &bases {
        if !is(b, &TYPE) {
            // (CPython finds the metaclass first: the type of `b`, which is not one.)
            return err(
                cx,
                rt,
                "TypeError",
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the \
                 metaclasses of all its bases",
            );
        }
        let bname = classes::type_name(rt, b);
        if classes::is_builtin(rt, b)
            && matches!(
                &*bname,
                "bool"
                    | "NoneType"
                    | "range"
                    | "slice"
                    | "function"
                    | "NotImplementedType"
                    | "ellipsis"
                    | "generator"
                    | "member_descriptor"
                    | "memoryview"
                    | "memory_iterator"
                    | "HASH"
            )
        {
            return err(cx, rt, "TypeError", &format!("type '{bname}' is not an acceptable base type"));
        }
    }
    if bases.len() > 1 {
        let solids: Vec<usize> = bases.iter().map(|&b| solid_base(rt, b)).collect();
        let winner = solids.iter().copied().find(|&w| solids.iter().all(|&s| is_subclass(rt, w, s)));
        if winner.is_none() {
            return err(cx, rt, "TypeError", "multiple bases have instance lay-out conflict");
        }
    }
    let meta = winner_meta(cx, rt, meta, &bases)?;
    if bases.is_empty() {
        bases.push(rt.builtin_type("object"));
    }
    let mut items: Vec<(Rc<str>, usize)> = dict::items(crate::boxed::unbox(ns))
        .into_iter()
        .filter(|(k, _)| is(*k, &STR))
        .map(|(k, v)| (Rc::from(text(k)), v))
        .collect();
    let take = |items: &mut Vec<(Rc<str>, usize)>, n: &str| {
        let k = items.iter().position(|(k, _)| &**k == n)?;
        Some(items.remove(k).1)
    };
    let qualname = match take(&mut items, "__qualname__") {
        Some(q) if is(q, &STR) => text(q).to_string(),
        Some(q) => {
            let msg = format!("type __qualname__ must be a str, not {}", builtins::type_name(rt, q));
            return err(cx, rt, "TypeError", &msg);
        }
        None => name.clone(),
    };
    let cell = take(&mut items, "__classcell__");
    // Implicit staticmethod and classmethods.
    for (k, v) in items.iter_mut() {
        let wrap = match &**k {
            "__new__" => "staticmethod",
            "__init_subclass__" | "__class_getitem__" => "classmethod",
            _ => continue,
        };
        if is(*v, &FUNCTION) {
            *v = crate::types::construct_builtin(cx, rt, rt.builtin_type(wrap), &[*v], &[]).expect("a builtin")?;
            // (Class attributes live as long as the interpreter: kept alive from now on, as
            // `__slots__` below may run Python code.)
            rt.immortal(cx.heap_mut(), *v);
        }
    }
    // The names `type.__new__` adds come after the namespace's, in CPython's order.
    let implicit_hash = items.iter().any(|(k, _)| &**k == "__eq__") && !items.iter().any(|(k, _)| &**k == "__hash__");
    if !items.iter().any(|(k, _)| &**k == "__module__") {
        let m = new_str(cx.heap_mut(), "__main__");
        rt.immortal(cx.heap_mut(), m);
        items.push(("__module__".into(), m));
    }
    let (slots, members) = slots_of(cx, rt, &name, &bases, &mut items)?;
    if !items.iter().any(|(k, _)| &**k == "__doc__") {
        items.push(("__doc__".into(), rt.none.get()));
    }
    if implicit_hash {
        items.push(("__hash__".into(), rt.none.get()));
    }
    let version = metatrace::QuasiId::from_raw(cx.quasi_new(0));
    let spec = classes::ClassSpec { name: &name, qualname: &qualname, meta, slots, builtin: false };
    let cls = match classes::make_class_with(rt, cx.heap_mut(), version, spec, &bases, items.clone()) {
        Ok(t) => t,
        Err(_) => {
            let names: Vec<String> = bases.iter().map(|&b| classes::type_name(rt, b).to_string()).collect();
            let msg =
                format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", "));
            return err(cx, rt, "TypeError", &msg);
        }
    };
    for m in members {
        classes::set_slot(cx, rt, m, "__objclass__", cls);
    }
    if let Some(c) = cell.filter(|&c| is(c, &CELL)) {
        // SAFETY: a live cell.
        unsafe { *((c + CELL_VALUE.offset as usize) as *mut usize) = cls };
    }
    for (k, v) in &items {
        if classes::descriptor(rt, *v) == classes::Descriptor::Property {
            // CPython's property.__set_name__: the name its messages use.
            let n = new_str(cx.heap_mut(), k);
            classes::set_slot(cx, rt, *v, PROPERTY_NAME_SLOT, n);
        }
        if let Some(sn) = classes::descriptor_method(rt, *v, "__set_name__") {
            let n = new_str(cx.heap_mut(), k);
            if let Err(e) = call_value(cx, rt, sn, &[*v, cls, n], &[]) {
                // CPython 3.11 wraps the error.
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance '{k}' in '{name}'",
                    builtins::type_name(rt, *v)
                );
                let wrapper = crate::errors::new_error(cx, rt, "RuntimeError", &msg);
                classes::set_slot(cx, rt, wrapper, "__cause__", e);
                classes::set_slot(cx, rt, wrapper, "__suppress_context__", rt.true_.get());
                return Err(wrapper);
            }
        }
    }
    init_subclass(cx, rt, cls, kw)?;
    Ok(cls)
}

/// `__slots__` of a new class: the instance attributes its instances may have (`None`: they
/// have a `__dict__`), and the member descriptors added to `items`.
#[allow(clippy::type_complexity)]
fn slots_of<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    name: &str,
    bases: &[usize],
    items: &mut Vec<(Rc<str>, usize)>,
) -> Result<(Option<Vec<Rc<str>>>, Vec<usize>), usize> {
    let inherited: Option<Vec<Rc<str>>> = bases.iter().try_fold(Vec::new(), |mut acc, &b| {
        acc.extend(base_slots(rt, b)?);
        Some(acc)
    });
    let Some(decl) = items.iter().find(|(k, _)| &**k == "__slots__").map(|&(_, v)| v) else {
        return Ok((None, Vec::new()));
    };
    let names = if is(decl, &STR) { vec![decl] } else { collect(cx, rt, decl)? };
    let mut own = Vec::new();
    let mut with_dict = false;
    for n in names {
        if !is(n, &STR) {
            let msg = format!("__slots__ items must be strings, not '{}'", builtins::type_name(rt, n));
            return err(cx, rt, "TypeError", &msg).map(|_| (None, Vec::new()));
        }
        match text(n) {
            "__dict__" => with_dict = true,
            "__weakref__" => {}
            s => {
                let m = mangle(name, s);
                if items.iter().any(|(k, _)| *k == m) {
                    let msg = format!("'{s}' in __slots__ conflicts with class variable");
                    return err(cx, rt, "ValueError", &msg).map(|_| (None, Vec::new()));
                }
                own.push(m);
            }
        }
    }
    let mut members = Vec::new();
    for n in &own {
        let m = new_member(cx, rt, n, 0);
        rt.immortal(cx.heap_mut(), m);
        members.push(m);
        items.push((n.clone(), m));
    }
    let allowed = match inherited {
        Some(mut all) if !with_dict => {
            all.extend(own);
            Some(all)
        }
        _ => None,
    };
    Ok((allowed, members))
}

/// `super(cls, cls).__init_subclass__(**kw)` for a new class.
fn init_subclass<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, kw: Kw<'_>) -> Result<(), usize> {
    let mro = rt.types.borrow()[type_id(cls)].mro.clone();
    let found =
        mro[1..].iter().find_map(|&c| rt.types.borrow()[type_id(c)].dict.borrow().get("__init_subclass__").copied());
    let Some(f) = found else { return Ok(()) };
    if is_builtin_named(f, "object.__init_subclass__") {
        if !kw.is_empty() {
            let msg = format!("{}.__init_subclass__() takes no keyword arguments", classes::type_name(rt, cls));
            return err(cx, rt, "TypeError", &msg).map(|_| ());
        }
        return Ok(());
    }
    let m = descr_get(cx, rt, f, None, cls)?;
    call_value(cx, rt, m, &[], kw).map(|_| ())
}
