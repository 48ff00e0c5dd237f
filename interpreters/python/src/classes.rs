//! Classes and instances: maps (hidden classes) for instance attributes, class attribute
//! lookup through the MRO behind a version tag, and the special methods of user classes.
//!
//! An instance holds its class, a *map* number and an array of slots. A map (kept in Rust, in
//! the runtime) says which attribute is in which slot, and which map adding an attribute
//! leads to; instances built the same way share maps. A trace promotes the map number, so
//! finding an attribute is Rust at trace time and a read of a constant slot in compiled code.
//!
//! A class's attributes live in Rust too ([`crate::runtime::TypeInfo`]), with a
//! quasi-immutable version cell that changes whenever the class (or, since lookups go through
//! the MRO, any of its bases) changes: a trace promotes the class, depends on its version and
//! finds a method at trace time, so `obj.method(...)` compiles to a guard on the map and a
//! call of a constant function. Class attribute values are kept alive by the runtime.

use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::objects::*;
use crate::runtime::Map;
use crate::space::{Outcome, Space};
use crate::{Py, Python};
use metatrace::{Ctx, QuasiId};
use std::rc::Rc;

/// Whether the object at `addr` is a class.
pub fn is_type(addr: usize) -> bool {
    is(addr, &TYPE)
}

/// The runtime's number of class `t`.
fn type_id(t: usize) -> usize {
    // SAFETY: `t` is a live TYPE object (callers check).
    unsafe { read_word(t, &TYPE_ID) as usize }
}

/// Whether class `t` derives from `base` (both TYPE objects).
pub fn is_subclass(rt: &Python, t: usize, base: usize) -> bool {
    if !is_type(t) {
        return false;
    }
    rt.types.borrow()[type_id(t)].mro.contains(&base)
}

/// Class attribute `name` of class `t` through its MRO (Rust, green), with the version cell
/// a trace depends on.
pub fn lookup(rt: &Python, t: usize, name: &str) -> Option<usize> {
    let types = rt.types.borrow();
    for &c in &types[type_id(t)].mro {
        if let Some(&v) = types[type_id(c)].dict.borrow().get(name) {
            return Some(v);
        }
    }
    None
}

/// `lookup` from traced code: the class is promoted and the trace depends on its version.
pub fn lookup_traced<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, t: C::Ref, name: &str) -> Option<usize> {
    let t = cx.promote_ref(t);
    let version = rt.types.borrow()[type_id(t)].version;
    let _ = cx.quasi_get(version);
    lookup(rt, t, name)
}

/// The class of an instance (as a trace constant).
fn class_of_instance<S: Space, C: Ctx<Py<S>>>(cx: &mut C, obj: C::Ref) -> usize {
    let t = cx.getfield_ref(obj, &INST_TYPE);
    cx.promote_ref(t)
}

/// The class of any object.
pub fn type_of<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref) -> usize {
    let class = cx.promote_class(obj);
    if class == INSTANCE.class() {
        return class_of_instance(cx, obj);
    }
    *rt.layout_types.borrow().get(&class).unwrap_or(&rt.builtin_type("object"))
}

/// Slot `name` of an instance, if its map has it.
pub fn get_slot<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> Option<C::Ref> {
    let map = cx.getfield_int(obj, &INST_MAP);
    let map = cx.promote_int(map);
    let index = rt.maps.borrow()[map as usize].slots.get(name).copied()?;
    let slots = cx.getfield_ref(obj, &INST_SLOTS);
    let k = cx.int(index as i64);
    Some(cx.getarrayitem_ref(slots, k, &REFS_ITEMS))
}

/// Sets slot `name` of an instance, moving it to the map with that attribute if needed.
pub fn set_slot<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str, v: C::Ref) {
    let map = cx.getfield_int(obj, &INST_MAP);
    let map = cx.promote_int(map) as usize;
    let existing = rt.maps.borrow()[map].slots.get(name).copied();
    let slots = cx.getfield_ref(obj, &INST_SLOTS);
    let index = match existing {
        Some(i) => i,
        None => {
            let next = Map::transition(rt, map, name);
            let index = rt.maps.borrow()[next].slots[name];
            let cap = cx.arraylen(slots, &REFS_ITEMS);
            let cap = cx.promote_int(cap);
            if index as i64 >= cap {
                let bigger = cx.int(cap * 2 + 4);
                let fresh = cx.new_array(&REFS, bigger);
                let n = cx.int(cap);
                crate::builtins::copy_refs(cx, slots, fresh, n);
                cx.setfield_ref(obj, &INST_SLOTS, fresh);
            }
            let next = cx.int(next as i64);
            cx.setfield_int(obj, &INST_MAP, next);
            index
        }
    };
    let slots = cx.getfield_ref(obj, &INST_SLOTS);
    let k = cx.int(index as i64);
    cx.setarrayitem_ref(slots, k, &REFS_ITEMS, v);
}

/// Slot `name` of a live instance, outside traces.
pub fn peek_slot(rt: &Python, obj: usize, name: &str) -> Option<usize> {
    if !is(obj, &INSTANCE) {
        return None;
    }
    // SAFETY: `obj` is a live instance: its map and slots fields are set.
    unsafe {
        let map = read_word(obj, &INST_MAP) as usize;
        let index = *rt.maps.borrow()[map].slots.get(name)?;
        let slots = read_word(obj, &INST_SLOTS) as usize;
        Some(*((slots + REFS_ITEMS.base as usize + 8 * index as usize) as *const usize))
    }
}

/// A new instance of class `t` with no attributes.
pub fn new_instance<S: Space, C: Ctx<Py<S>>>(cx: &mut C, t: C::Ref) -> C::Ref {
    let obj = cx.new_object(&INSTANCE);
    cx.setfield_ref(obj, &INST_TYPE, t);
    let four = cx.int(4);
    let slots = cx.new_array(&REFS, four);
    cx.setfield_ref(obj, &INST_SLOTS, slots);
    obj
}

/// A new exception of class `t` with `args` (a tuple).
pub fn new_exception<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, t: C::Ref, args: C::Ref) -> C::Ref {
    let e = new_instance(cx, t);
    set_slot(cx, rt, e, "args", args);
    let none = cx.const_ref(rt.none.get());
    for name in ["__traceback__", "__cause__", "__context__"] {
        set_slot(cx, rt, e, name, none);
    }
    let tv = cx.promote_ref(t);
    // What `__init__` would set: a class raised bare gets them here.
    if is_subclass(rt, tv, rt.builtin_type("SystemExit")) {
        set_slot(cx, rt, e, "code", none);
    } else if is_subclass(rt, tv, rt.builtin_type("StopIteration")) {
        set_slot(cx, rt, e, "value", none);
    }
    let f = cx.const_ref(rt.false_.get());
    set_slot(cx, rt, e, "__suppress_context__", f);
    e
}

/// A method bound to `obj`.
fn bind<S: Space, C: Ctx<Py<S>>>(cx: &mut C, func: C::Ref, obj: C::Ref) -> C::Ref {
    let m = cx.new_object(&METHOD);
    cx.setfield_ref(m, &METHOD_FUNC, func);
    cx.setfield_ref(m, &METHOD_SELF, obj);
    m
}

/// The kind of descriptor a class attribute is (a green fact: class attributes are constants).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Descriptor {
    Property,
    ClassMethod,
    StaticMethod,
    Plain,
}

/// What kind of descriptor the class attribute `v` is.
pub fn descriptor(rt: &Python, v: usize) -> Descriptor {
    if !is(v, &INSTANCE) {
        return Descriptor::Plain;
    }
    // SAFETY: a live instance's type field.
    let t = unsafe { read_word(v, &INST_TYPE) } as usize;
    let by = rt.type_by_name.borrow();
    if Some(&t) == by.get("property") {
        Descriptor::Property
    } else if Some(&t) == by.get("classmethod") {
        Descriptor::ClassMethod
    } else if Some(&t) == by.get("staticmethod") {
        Descriptor::StaticMethod
    } else {
        Descriptor::Plain
    }
}

/// The function a classmethod, staticmethod or property (`fget`) wraps (outside traces).
pub fn wrapped(rt: &Python, v: usize, slot: &str) -> usize {
    peek_slot(rt, v, slot).unwrap_or(rt.none.get())
}

/// What a class attribute becomes when read through an instance: functions are bound,
/// classmethods bound to the class, staticmethods unwrapped, other values as they are.
fn through_instance<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, v: usize, obj: C::Ref) -> C::Ref {
    let f = cx.const_ref(v);
    if is(v, &FUNCTION) || (is(v, &BUILTIN) && crate::builtins::is_unbound_method(v)) {
        return bind(cx, f, obj);
    }
    match descriptor(rt, v) {
        Descriptor::ClassMethod => {
            let func = cx.const_ref(wrapped(rt, v, "__func__"));
            let t = cx.getfield_ref(obj, &INST_TYPE);
            bind(cx, func, t)
        }
        Descriptor::StaticMethod => cx.const_ref(wrapped(rt, v, "__func__")),
        _ => f,
    }
}

/// `obj.name` for instances and classes.
pub fn getattr<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> Outcome<C> {
    let class = cx.promote_class(obj);
    if class == TYPE.class() && matches!(name, "__mro__" | "__bases__" | "__base__" | "__qualname__" | "__module__") {
        let n = crate::strings::str_from(cx, name);
        return Outcome::Native(crate::builtins::NativeOp::GetAttr, vec![obj, n]);
    }
    if class == TYPE.class() {
        if name == "__name__" {
            let t = cx.promote_ref(obj);
            let n = rt.types.borrow()[type_id(t)].name.clone();
            return Outcome::Value(crate::strings::str_from(cx, &n));
        }
        return match lookup_traced(cx, rt, obj, name) {
            Some(v) => match descriptor(rt, v) {
                Descriptor::ClassMethod => {
                    let func = cx.const_ref(wrapped(rt, v, "__func__"));
                    Outcome::Value(bind(cx, func, obj))
                }
                Descriptor::StaticMethod => Outcome::Value(cx.const_ref(wrapped(rt, v, "__func__"))),
                _ => Outcome::Value(cx.const_ref(v)),
            },
            None => Outcome::Raise(attribute_error(cx, rt, obj, name)),
        };
    }
    let t = cx.getfield_ref(obj, &INST_TYPE);
    let class_attr = lookup_traced(cx, rt, t, name);
    if let Some(v) = class_attr.filter(|&v| descriptor(rt, v) == Descriptor::Property) {
        // A data descriptor comes before the instance's own attributes.
        let fget = wrapped(rt, v, "fget");
        if fget == rt.none.get() {
            let msg = format!("property '{name}' has no getter");
            return Outcome::Raise(crate::errors::new_error(cx, rt, "AttributeError", &msg));
        }
        let fget = cx.const_ref(fget);
        return Outcome::Call(fget, vec![obj]);
    }
    if let Some(v) = get_slot(cx, rt, obj, name) {
        return Outcome::Value(v);
    }
    if name == "__class__" {
        return Outcome::Value(t);
    }
    if let Some(v) = class_attr {
        return Outcome::Value(through_instance(cx, rt, v, obj));
    }
    if let Some(g) = lookup_traced(cx, rt, t, "__getattr__") {
        let g = cx.const_ref(g);
        let n = crate::strings::str_from(cx, name);
        return Outcome::Call(g, vec![obj, n]);
    }
    Outcome::Raise(attribute_error(cx, rt, obj, name))
}

fn attribute_error<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> C::Ref {
    let class = cx.promote_class(obj);
    let msg = if class == TYPE.class() {
        let t = cx.promote_ref(obj);
        format!("type object '{}' has no attribute '{name}'", rt.types.borrow()[type_id(t)].name)
    } else {
        let t = type_of(cx, rt, obj);
        format!("'{}' object has no attribute '{name}'", rt.types.borrow()[type_id(t)].name)
    };
    crate::errors::new_error(cx, rt, "AttributeError", &msg)
}

/// `obj.name = v` for instances and classes.
pub fn setattr<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str, v: C::Ref) -> Outcome<C> {
    let class = cx.promote_class(obj);
    let none = cx.const_ref(rt.none.get());
    if class == TYPE.class() {
        return Outcome::Native(crate::builtins::NativeOp::SetAttr, vec![obj, crate::strings::str_from(cx, name), v]);
    }
    let t = cx.getfield_ref(obj, &INST_TYPE);
    if let Some(prop) = lookup_traced(cx, rt, t, name).filter(|&p| descriptor(rt, p) == Descriptor::Property) {
        let fset = wrapped(rt, prop, "fset");
        if fset == rt.none.get() {
            let cname = rt.types.borrow()[type_id(cx.promote_ref(t))].name.clone();
            let msg = format!("property '{name}' of '{cname}' object has no setter");
            return Outcome::Raise(crate::errors::new_error(cx, rt, "AttributeError", &msg));
        }
        let fset = cx.const_ref(fset);
        return Outcome::Call(fset, vec![obj, v]);
    }
    if let Some(setter) = lookup_traced(cx, rt, t, "__setattr__") {
        let s = cx.const_ref(setter);
        let n = crate::strings::str_from(cx, name);
        return Outcome::Call(s, vec![obj, n, v]);
    }
    set_slot(cx, rt, obj, name, v);
    Outcome::Value(none)
}

/// Calls special method `name` of `obj`'s class with `obj` and `args`, or raises TypeError.
pub fn call_dunder<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    obj: C::Ref,
    name: &str,
    args: Vec<C::Ref>,
) -> Outcome<C> {
    let t = type_of(cx, rt, obj);
    let tref = cx.const_ref(t);
    match lookup_traced(cx, rt, tref, name) {
        Some(m) => {
            let m = cx.const_ref(m);
            let mut all = vec![obj];
            all.extend(args);
            Outcome::Call(m, all)
        }
        None => {
            let what = match name {
                "__iter__" => "is not iterable".to_string(),
                "__next__" => "is not an iterator".to_string(),
                "__getitem__" => "is not subscriptable".to_string(),
                "__setitem__" => "does not support item assignment".to_string(),
                "__len__" => "has no len()".to_string(),
                _ => format!("has no attribute '{name}'"),
            };
            let msg = format!("'{}' object {what}", rt.types.borrow()[type_id(t)].name);
            let ty = if name.starts_with("__") && what.starts_with("has no attribute") {
                "AttributeError"
            } else {
                "TypeError"
            };
            Outcome::Raise(crate::errors::new_error(cx, rt, ty, &msg))
        }
    }
}

fn method_of<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> Option<usize> {
    let class = cx.promote_class(obj);
    if class != INSTANCE.class() {
        return None;
    }
    let t = cx.getfield_ref(obj, &INST_TYPE);
    lookup_traced(cx, rt, t, name)
}

/// `a op b` where an operand is an instance: `a.__op__(b)` (the interpreter tries the
/// reflection if that returns NotImplemented), else the reflection at once.
pub fn binary_dunder<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, op: BinOp, a: C::Ref, b: C::Ref) -> Outcome<C> {
    let (fwd, _) = op.dunders();
    match method_of(cx, rt, a, fwd) {
        Some(m) => {
            let m = cx.const_ref(m);
            Outcome::Call(m, vec![a, b])
        }
        None => reflected(cx, rt, op, a, b),
    }
}

/// The reflected operation `b.__rop__(a)`, or TypeError.
pub fn reflected<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, op: BinOp, a: C::Ref, b: C::Ref) -> Outcome<C> {
    let (_, rev) = op.dunders();
    if let Some(m) = method_of(cx, rt, b, rev) {
        let m = cx.const_ref(m);
        // (A second NotImplemented is the interpreter's TypeError: see `REFLECT`.)
        return Outcome::Call(m, vec![b, a]);
    }
    if cx.promote_class(a) != INSTANCE.class() {
        // A builtin left operand has its own behaviour (`"%s" % exc`) and messages.
        return Outcome::Native(crate::builtins::NativeOp::Binary(op), vec![a, b]);
    }
    let (ta, tb) = (type_of(cx, rt, a), type_of(cx, rt, b));
    let types = rt.types.borrow();
    let msg = format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        types[type_id(ta)].name,
        types[type_id(tb)].name
    );
    drop(types);
    Outcome::Raise(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// `a op= b` on an instance with `__iop__`.
pub fn inplace<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    op: BinOp,
    a: C::Ref,
    b: C::Ref,
) -> Option<Outcome<C>> {
    let m = method_of(cx, rt, a, op.inplace_dunder())?;
    let m = cx.const_ref(m);
    Some(Outcome::Call(m, vec![a, b]))
}

/// `op a` on an instance.
pub fn unary_dunder<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, op: UnOp, a: C::Ref) -> Outcome<C> {
    let name = match op {
        UnOp::Neg => "__neg__",
        UnOp::Pos => "__pos__",
        UnOp::Invert => "__invert__",
        UnOp::Not => unreachable!("not is truth"),
    };
    call_dunder(cx, rt, a, name, vec![])
}

/// `a op b` where an operand is an instance: its rich comparison, then the reflection's;
/// `==`/`!=` fall back to identity.
pub fn compare_dunder<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, op: CmpOp, a: C::Ref, b: C::Ref) -> Outcome<C> {
    let (fwd, rev) = match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::Le => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::Ge => ("__ge__", "__le__"),
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::Ne => ("__ne__", "__ne__"),
        _ => unreachable!("identity and membership are not rich comparisons"),
    };
    if let Some(m) = method_of(cx, rt, a, fwd) {
        let m = cx.const_ref(m);
        return Outcome::Call(m, vec![a, b]);
    }
    if let Some(m) = method_of(cx, rt, b, rev) {
        let m = cx.const_ref(m);
        return Outcome::Call(m, vec![b, a]);
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        let same = cx.ptr_eq(a, b);
        let same = if op == CmpOp::Eq { same } else { cx.int_is_zero(same) };
        return Outcome::Value(crate::space::boolean(cx, rt, same));
    }
    Outcome::Native(crate::builtins::NativeOp::Compare(op), vec![a, b])
}

/// Makes a class (runtime data and its TYPE object) named `name` with `bases` (TYPE objects;
/// none means `object`) and attributes `dict`. Outside traces.
pub fn make_class(
    rt: &Python,
    heap: &mut metatrace::heap::Heap,
    version: QuasiId,
    name: &str,
    bases: &[usize],
    dict: Vec<(Rc<str>, usize)>,
) -> Result<usize, String> {
    let object = rt.type_by_name.borrow().get("object").copied();
    let bases: Vec<usize> = if bases.is_empty() { object.into_iter().collect() } else { bases.to_vec() };
    let mro = c3(rt, &bases).ok_or_else(|| "Cannot create a consistent method resolution order (MRO)".to_string())?;
    let t = heap.alloc(&TYPE);
    let id = rt.types.borrow().len();
    // SAFETY: just allocated with the TYPE layout.
    unsafe {
        *((t + TYPE_ID.offset as usize) as *mut i64) = id as i64;
        *((t + TYPE_VERSION.offset as usize) as *mut i64) = version.to_raw() as i64;
    }
    rt.immortal(heap, t);
    for &(_, v) in &dict {
        rt.immortal(heap, v);
    }
    let exception = bases.iter().any(|&b| is_type(b) && rt.types.borrow()[type_id(b)].exception);
    let mut full = vec![t];
    full.extend(mro);
    rt.types.borrow_mut().push(crate::runtime::TypeInfo {
        name: name.into(),
        obj: t,
        base: bases.first().copied(),
        mro: full,
        exception,
        dict: std::cell::RefCell::new(dict.into_iter().collect()),
        version,
    });
    Ok(t)
}

/// C3 linearization of `bases`' MROs (without the new class itself).
fn c3(rt: &Python, bases: &[usize]) -> Option<Vec<usize>> {
    let types = rt.types.borrow();
    let mut seqs: Vec<Vec<usize>> = bases.iter().map(|&b| types[type_id(b)].mro.clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let head = seqs.iter().map(|s| s[0]).find(|&h| !seqs.iter().any(|s| s[1..].contains(&h)))?;
        out.push(head);
        for s in &mut seqs {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// Sets class attribute `name` of `t` (outside traces): every class whose MRO has `t` gets a
/// new version.
pub fn set_class_attr(
    rt: &Python,
    heap: &mut metatrace::heap::Heap,
    quasi: &mut dyn FnMut(QuasiId),
    t: usize,
    name: &str,
    v: usize,
) {
    rt.immortal(heap, v);
    let id = type_id(t);
    rt.types.borrow()[id].dict.borrow_mut().insert(name.into(), v);
    for info in rt.types.borrow().iter() {
        if info.mro.contains(&t) {
            quasi(info.version);
        }
    }
}

/// `super().name`: the attribute after class `start` in the MRO of `obj`'s class, bound to
/// `obj` if it is a function.
pub fn super_getattr<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, sup: C::Ref, name: &str) -> Outcome<C> {
    let start = cx.getfield_ref(sup, &SUPER_CLASS);
    let start = cx.promote_ref(start);
    let obj = cx.getfield_ref(sup, &SUPER_OBJ);
    let t = if cx.promote_class(obj) == TYPE.class() { cx.promote_ref(obj) } else { type_of(cx, rt, obj) };
    let version = rt.types.borrow()[type_id(t)].version;
    let _ = cx.quasi_get(version);
    let found = {
        let types = rt.types.borrow();
        let mro = &types[type_id(t)].mro;
        let after = mro.iter().position(|&c| c == start).map(|k| k + 1).unwrap_or(mro.len());
        mro[after..].iter().find_map(|&c| types[type_id(c)].dict.borrow().get(name).copied())
    };
    match found {
        Some(v) if cx.promote_class(obj) == INSTANCE.class() => Outcome::Value(through_instance(cx, rt, v, obj)),
        Some(v) => Outcome::Value(cx.const_ref(v)),
        None => {
            let msg = format!("'super' object has no attribute '{name}'");
            Outcome::Raise(crate::errors::new_error(cx, rt, "AttributeError", &msg))
        }
    }
}
