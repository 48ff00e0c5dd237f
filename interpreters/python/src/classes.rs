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
pub fn type_id(t: usize) -> usize {
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
    let id = type_id(t);
    rt.class_attrs.get_or(id as u32, name, || {
        let types = rt.types.borrow();
        types[id].mro.iter().find_map(|&c| types[type_id(c)].dict.borrow().get(name).copied())
    })
}

/// The slot of attribute `name` in instance map `map`, if it has one.
pub fn map_slot(rt: &Python, map: usize, name: &str) -> Option<u32> {
    rt.map_slots.get_or(map as u32, name, || rt.maps.borrow()[map].slots.get(name).copied())
}

/// The class of class `t` (`type` or a metaclass).
pub fn meta_of(rt: &Python, t: usize) -> usize {
    match rt.types.borrow()[type_id(t)].meta {
        0 => rt.known.type_.get(),
        m => m,
    }
}

/// Whether `v` is a default method of `object` or `type` (a builtin such as `object.__init__`):
/// the special-method protocols treat a class whose lookup finds one as not overriding it.
pub fn is_default(v: usize) -> bool {
    if !is(v, &BUILTIN) {
        return false;
    }
    // SAFETY: a live builtin.
    let id = unsafe { read_word(v, &BUILTIN_ID) } as usize;
    let n = crate::builtins::NAMES[id];
    n.starts_with("object.") || n.starts_with("type.")
}

/// Special method `name` of class `t` if a class of its MRO defines it (not `object`'s or
/// `type`'s default).
pub fn special(rt: &Python, t: usize, name: &str) -> Option<usize> {
    lookup(rt, t, name).filter(|&v| !is_default(v)).map(|v| unbound_special(rt, v))
}

/// Special method `v` as the protocols call it, with the instance first: `v` itself, or for a
/// class attribute that does not bind (a class, a staticmethod) the callable made for it
/// when it was set, which drops the instance.
#[inline]
fn unbound_special(rt: &Python, v: usize) -> usize {
    if is(v, &TYPE) || is(v, &INSTANCE) {
        if let Some(&w) = rt.unbound_specials.borrow().get(&v) {
            return w;
        }
    }
    v
}

/// Makes the callable [`unbound_special`] gives for class attribute `name` = `v`, if it
/// needs one (a special method's name, and `v` a class or a staticmethod).
fn note_unbound_special(rt: &Python, heap: &mut metatrace::heap::Heap, name: &str, v: usize) {
    let dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
    if !dunder || name == "__new__" || rt.unbound_specials.borrow().contains_key(&v) {
        return;
    }
    let unbound = is(v, &TYPE) || is(v, &INSTANCE) && descriptor(rt, v) == Descriptor::StaticMethod;
    let Some(id) = unbound.then(|| crate::library::method_id("special_descr", "__call__")).flatten() else {
        return;
    };
    let target = if is(v, &TYPE) { v } else { wrapped(rt, v, "__func__") };
    let w = heap.alloc(&BUILTIN);
    // SAFETY: just allocated with the BUILTIN layout.
    unsafe {
        *((w + BUILTIN_ID.offset as usize) as *mut usize) = id;
        *((w + BUILTIN_SELF.offset as usize) as *mut usize) = target;
    }
    rt.immortal(heap, w);
    rt.unbound_specials.borrow_mut().insert(v, w);
}

/// [`hooks`]: the class defines `__getattribute__`.
pub const HOOK_GETATTRIBUTE: u8 = 2;
/// [`hooks`]: the class defines `__getattr__`.
pub const HOOK_GETATTR: u8 = 4;
/// [`hooks`]: the class defines `__setattr__`.
pub const HOOK_SETATTR: u8 = 8;
/// [`hooks`]: the class defines `__instancecheck__` (not `type`'s own).
pub const HOOK_INSTANCECHECK: u8 = 16;
/// [`hooks`]: the class defines `__subclasscheck__` (not `type`'s own).
pub const HOOK_SUBCLASSCHECK: u8 = 32;

/// Which attribute hooks class `t` has (`HOOK_*` bits), computed once per class version.
pub fn hooks(rt: &Python, t: usize) -> u8 {
    let known = rt.types.borrow()[type_id(t)].hooks.get();
    if known != 0 {
        return known;
    }
    let mut h = 1;
    for (bit, name) in [
        (HOOK_GETATTRIBUTE, "__getattribute__"),
        (HOOK_GETATTR, "__getattr__"),
        (HOOK_SETATTR, "__setattr__"),
        (HOOK_INSTANCECHECK, "__instancecheck__"),
        (HOOK_SUBCLASSCHECK, "__subclasscheck__"),
    ] {
        if special(rt, t, name).is_some() {
            h |= bit;
        }
    }
    rt.types.borrow()[type_id(t)].hooks.set(h);
    h
}

/// `hooks` from traced code: the trace depends on the class's version.
fn hooks_traced<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, t: C::Ref) -> u8 {
    let t = cx.promote_ref(t);
    let version = rt.types.borrow()[type_id(t)].version;
    let _ = cx.quasi_get(version);
    hooks(rt, t)
}

/// `special` from traced code.
pub fn special_traced<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, t: C::Ref, name: &str) -> Option<usize> {
    lookup_traced(cx, rt, t, name).filter(|&v| !is_default(v)).map(|v| unbound_special(rt, v))
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
    if class == TYPE.class() {
        let t = cx.promote_ref(obj);
        return meta_of(rt, t);
    }
    if class == SEQ_ITER.class() {
        let kind = cx.getfield_int(obj, &SITER_KIND);
        let kind = cx.promote_int(kind);
        let seq = cx.getfield_ref(obj, &SITER_SEQ);
        let seq_class = cx.promote_class(seq);
        let ascii = seq_class == STR.class() && {
            let chars = cx.getfield_int(seq, &STR_CHARS);
            let n = cx.arraylen(seq, &STR_BYTES);
            let same = cx.int_eq(chars, n);
            cx.is_true(same)
        };
        return crate::builtins::seq_iter_type(rt, kind, seq_class, ascii);
    }
    rt.layout_types.borrow().get(&class).copied().unwrap_or_else(|| rt.known.object.get())
}

/// Slot `name` of an instance, if its map has it.
pub fn get_slot<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> Option<C::Ref> {
    let map = cx.getfield_int(obj, &INST_MAP);
    let map = cx.promote_int(map);
    let index = map_slot(rt, map as usize, name)?;
    let slots = cx.getfield_ref(obj, &INST_SLOTS);
    let k = cx.int(index as i64);
    Some(cx.getarrayitem_ref(slots, k, &REFS_ITEMS))
}

/// Sets slot `name` of an instance, moving it to the map with that attribute if needed.
pub fn set_slot<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str, v: C::Ref) {
    let map = cx.getfield_int(obj, &INST_MAP);
    let map = cx.promote_int(map) as usize;
    let existing = map_slot(rt, map, name);
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

/// Sets several slots of an instance at once. Every guard (on its map, on the size of its
/// slot array) comes before the first write, so an instruction may set them after another
/// side effect (a trace cannot guard after one: a failing guard would do it twice).
pub fn set_slots<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, items: &[(&str, C::Ref)]) {
    let map = cx.getfield_int(obj, &INST_MAP);
    let start = cx.promote_int(map) as usize;
    let slots = cx.getfield_ref(obj, &INST_SLOTS);
    let cap = cx.arraylen(slots, &REFS_ITEMS);
    let cap = cx.promote_int(cap);
    // Where each value goes, and the map the instance ends with (green, at trace time).
    let mut map = start;
    let mut plan = Vec::with_capacity(items.len());
    for &(name, v) in items {
        let index = match map_slot(rt, map, name) {
            Some(i) => i,
            None => {
                map = Map::transition(rt, map, name);
                rt.maps.borrow()[map].slots[name]
            }
        };
        plan.push((index, v));
    }
    let need = plan.iter().map(|&(i, _)| i64::from(i) + 1).max().unwrap_or(0);
    let slots = if need > cap {
        let bigger = cx.int((cap * 2 + 4).max(need));
        let fresh = cx.new_array(&REFS, bigger);
        let n = cx.int(cap);
        crate::builtins::copy_refs(cx, slots, fresh, n);
        cx.setfield_ref(obj, &INST_SLOTS, fresh);
        fresh
    } else {
        slots
    };
    if map != start {
        let m = cx.int(map as i64);
        cx.setfield_int(obj, &INST_MAP, m);
    }
    for (index, v) in plan {
        let k = cx.int(i64::from(index));
        cx.setarrayitem_ref(slots, k, &REFS_ITEMS, v);
    }
}

/// Slot `name` of a live instance, outside traces.
pub fn peek_slot(rt: &Python, obj: usize, name: &str) -> Option<usize> {
    if !is(obj, &INSTANCE) {
        return None;
    }
    if let Some(v) = own_slot(rt, obj, name) {
        return Some(v);
    }
    let d = attr_dict(rt, obj)?;
    crate::dict::items(d).into_iter().find(|&(k, _)| is(k, &STR) && crate::builtins::text(k) == name).map(|(_, v)| v)
}

/// Slot `name` of a live instance's map (not its dict), outside traces.
pub fn own_slot(rt: &Python, obj: usize, name: &str) -> Option<usize> {
    // SAFETY: `obj` is a live instance: its map and slots fields are set.
    unsafe {
        let map = read_word(obj, &INST_MAP) as usize;
        let index = map_slot(rt, map, name)?;
        let slots = read_word(obj, &INST_SLOTS) as usize;
        Some(*((slots + REFS_ITEMS.base as usize + 8 * index as usize) as *const usize))
    }
}

/// The dict holding the attributes of an instance in dict mode (see `runtime::Map`).
pub fn attr_dict(rt: &Python, obj: usize) -> Option<usize> {
    own_slot(rt, obj, "__dict__")
}

/// Whether an instance keeps its attributes in a dict (green in traces).
fn dict_mode<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref) -> bool {
    let map = map_of(cx, obj);
    rt.maps.borrow()[map].is_dict_mode()
}

/// The map number of an instance (green in traces).
fn map_of<S: Space, C: Ctx<Py<S>>>(cx: &mut C, obj: C::Ref) -> usize {
    let map = cx.getfield_int(obj, &INST_MAP);
    cx.promote_int(map) as usize
}

/// A new instance of class `t` with no attributes.
pub fn new_instance<S: Space, C: Ctx<Py<S>>>(cx: &mut C, t: C::Ref) -> C::Ref {
    new_instance_with(cx, t, 4)
}

/// A new instance of class `t` with room for `cap` slots.
fn new_instance_with<S: Space, C: Ctx<Py<S>>>(cx: &mut C, t: C::Ref, cap: i64) -> C::Ref {
    let obj = cx.new_object(&INSTANCE);
    cx.setfield_ref(obj, &INST_TYPE, t);
    let cap = cx.int(cap);
    let slots = cx.new_array(&REFS, cap);
    cx.setfield_ref(obj, &INST_SLOTS, slots);
    obj
}

/// A new exception of class `t` with `args` (a tuple).
pub fn new_exception<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, t: C::Ref, args: C::Ref) -> C::Ref {
    // (Room for the slots set here and two more, as a subclass's `__init__` sets: one
    // allocation.)
    let e = new_instance_with(cx, t, 8);
    let none = cx.const_ref(rt.none.get());
    let f = cx.const_ref(rt.false_.get());
    let tv = cx.promote_ref(t);
    // What `__init__` would set: a class raised bare gets them here.
    let (kind, extra) = if is_subclass(rt, tv, rt.known.system_exit.get()) {
        (1, Some("code"))
    } else if is_subclass(rt, tv, rt.known.stop_iteration.get()) {
        (2, Some("value"))
    } else {
        (0, None)
    };
    let mut names: smallvec::SmallVec<[&str; 6]> =
        smallvec::smallvec!["args", "__traceback__", "__cause__", "__context__"];
    let mut values: smallvec::SmallVec<[C::Ref; 6]> = smallvec::smallvec![args, none, none, none];
    if let Some(name) = extra {
        names.push(name);
        values.push(none);
    }
    names.push("__suppress_context__");
    values.push(f);
    // A new instance has the empty map, and each slot set adds the next one: the map the
    // exception ends with is always the same for these names, found once; its slots are
    // the names' positions.
    let mut map = rt.exception_maps[kind].get();
    if map == 0 {
        for (k, name) in names.iter().enumerate() {
            debug_assert!(map_slot(rt, map, name).is_none(), "a new instance has no slots");
            map = Map::transition(rt, map, name);
            debug_assert_eq!(map_slot(rt, map, name), Some(k as u32));
        }
        rt.exception_maps[kind].set(map);
    }
    let slots = cx.getfield_ref(e, &INST_SLOTS);
    for (k, v) in values.into_iter().enumerate() {
        let k = cx.int(k as i64);
        cx.setarrayitem_ref(slots, k, &REFS_ITEMS, v);
    }
    let map = cx.int(map as i64);
    cx.setfield_int(e, &INST_MAP, map);
    e
}

/// A method bound to `obj`.
fn bind<S: Space, C: Ctx<Py<S>>>(cx: &mut C, func: C::Ref, obj: C::Ref) -> C::Ref {
    let m = cx.new_object(&METHOD);
    cx.setfield_ref(m, &METHOD_FUNC, func);
    cx.setfield_ref(m, &METHOD_SELF, obj);
    m
}

/// The kind of descriptor a class attribute is (a green fact: class attributes are constants,
/// and traces depend on the version of a user descriptor's class, see [`descriptor_traced`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Descriptor {
    /// A function, or a method of a builtin type: bound when read through an instance.
    Method,
    /// A builtin class method of `object` or `type` (`__init_subclass__`): bound to the class.
    BuiltinClassMethod,
    Property,
    ClassMethod,
    StaticMethod,
    /// A `__slots__` member: an instance attribute the class declares.
    Member,
    /// An object whose class defines `__set__` or `__delete__`: it comes before the instance's
    /// own attributes.
    Data,
    /// An object whose class defines `__get__` only.
    NonData,
    Plain,
}

/// The builtin methods of `object` and `type` that are class methods.
const BUILTIN_CLASSMETHODS: &[&str] = &[
    "object.__init_subclass__",
    "object.__subclasshook__",
    "type.__prepare__",
    "dict.fromkeys",
    "int.from_bytes",
    "float.fromhex",
    "list.__class_getitem__",
    "dict.__class_getitem__",
    "tuple.__class_getitem__",
    "set.__class_getitem__",
    "frozenset.__class_getitem__",
    "enumerate.__class_getitem__",
];

/// What kind of descriptor the class attribute `v` is.
pub fn descriptor(rt: &Python, v: usize) -> Descriptor {
    if is(v, &FUNCTION) {
        return Descriptor::Method;
    }
    if is(v, &BUILTIN) {
        if !crate::builtin_methods::is_unbound_method(v) {
            return Descriptor::Plain;
        }
        // SAFETY: a live builtin.
        let n = crate::builtins::NAMES[unsafe { read_word(v, &BUILTIN_ID) } as usize];
        return if BUILTIN_CLASSMETHODS.contains(&n) {
            Descriptor::BuiltinClassMethod
        } else if n.ends_with(".__new__") {
            Descriptor::Plain
        } else {
            Descriptor::Method
        };
    }
    if !is(v, &INSTANCE) {
        return Descriptor::Plain;
    }
    // SAFETY: a live instance's type field.
    let t = unsafe { read_word(v, &INST_TYPE) } as usize;
    for (name, kind) in [
        ("property", Descriptor::Property),
        ("classmethod", Descriptor::ClassMethod),
        ("staticmethod", Descriptor::StaticMethod),
        ("member_descriptor", Descriptor::Member),
    ] {
        if is_subclass(rt, t, rt.builtin_type(name)) {
            return kind;
        }
    }
    if special(rt, t, "__set__").is_some() || special(rt, t, "__delete__").is_some() {
        Descriptor::Data
    } else if special(rt, t, "__get__").is_some() {
        Descriptor::NonData
    } else {
        Descriptor::Plain
    }
}

/// `descriptor` from traced code: the trace depends on the version of `v`'s class.
pub fn descriptor_traced<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, v: usize) -> Descriptor {
    if is(v, &INSTANCE) {
        // SAFETY: a live instance's type field.
        let t = unsafe { read_word(v, &INST_TYPE) } as usize;
        let version = rt.types.borrow()[type_id(t)].version;
        let _ = cx.quasi_get(version);
    }
    descriptor(rt, v)
}

/// The `__get__` of descriptor `v`'s class (a user descriptor), if any.
pub fn descriptor_method(rt: &Python, v: usize, name: &str) -> Option<usize> {
    if !is(v, &INSTANCE) {
        return None;
    }
    // SAFETY: a live instance's type field.
    let t = unsafe { read_word(v, &INST_TYPE) } as usize;
    special(rt, t, name)
}

/// The function a classmethod, staticmethod or property (`fget`) wraps (outside traces).
pub fn wrapped(rt: &Python, v: usize, slot: &str) -> usize {
    peek_slot(rt, v, slot).unwrap_or(rt.none.get())
}

/// What a class attribute `v` of class `t` becomes when read through instance `obj`: methods
/// are bound, classmethods bound to the class, staticmethods unwrapped, other values as they
/// are (descriptors with `__get__` are the caller's).
fn through_instance<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, v: usize, obj: C::Ref, t: C::Ref) -> C::Ref {
    let f = cx.const_ref(v);
    match descriptor(rt, v) {
        Descriptor::Method => bind(cx, f, obj),
        Descriptor::BuiltinClassMethod => bind(cx, f, t),
        Descriptor::ClassMethod => {
            let func = cx.const_ref(wrapped(rt, v, "__func__"));
            bind(cx, func, t)
        }
        Descriptor::StaticMethod => cx.const_ref(wrapped(rt, v, "__func__")),
        _ => f,
    }
}

/// The attributes of classes that `type` itself provides (data descriptors of `type`): the
/// natives answer them.
const TYPE_ATTRS: &[&str] = &[
    "__name__",
    "__qualname__",
    "__mro__",
    "__bases__",
    "__base__",
    "__dict__",
    "__class__",
    "__doc__",
    "__module__",
    "__abstractmethods__",
    "__annotations__",
];

/// `obj.name` for instances and classes.
pub fn getattr<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> Outcome<C> {
    getattr_at(cx, rt, obj, name, None)
}

/// `obj.name` for instances and classes, at an instruction with inline cache `site`.
pub fn getattr_at<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    obj: C::Ref,
    name: &str,
    site: Option<&std::cell::Cell<crate::sites::Site>>,
) -> Outcome<C> {
    let class = cx.promote_class(obj);
    let native = |cx: &mut C| {
        let n = crate::strings::str_from(cx, name);
        Outcome::Native(crate::builtins::NativeOp::GetAttr, smallvec::smallvec![obj, n])
    };
    if class == TYPE.class() {
        return class_getattr(cx, rt, obj, name);
    }
    if !cx.we_are_jitted() {
        // The interpreter's shortcut for the common shapes (see `attrcache`).
        let answer = match site {
            Some(site) => crate::attrcache::resolve_at(rt, C::address(obj), name, site),
            None => crate::attrcache::resolve(rt, C::address(obj), name),
        };
        match answer {
            crate::attrcache::Resolved::Slot(i) => {
                let slots = cx.getfield_ref(obj, &INST_SLOTS);
                let k = cx.int(i as i64);
                let v = cx.getarrayitem_ref(slots, k, &REFS_ITEMS);
                if !crate::interp::is_null(cx, v) {
                    return Outcome::Value(v);
                }
            }
            crate::attrcache::Resolved::Method(f) => {
                let f = cx.const_ref(f);
                return Outcome::Value(bind(cx, f, obj));
            }
            crate::attrcache::Resolved::General => {}
        }
    }
    let t = cx.getfield_ref(obj, &INST_TYPE);
    let hooks = hooks_traced(cx, rt, t);
    if name == "__dict__" || dict_mode(cx, rt, obj) || hooks & HOOK_GETATTRIBUTE != 0 {
        return native(cx);
    }
    let class_attr = lookup_traced(cx, rt, t, name);
    let kind = class_attr.map(|v| descriptor_traced(cx, rt, v)).unwrap_or(Descriptor::Plain);
    let hook = if hooks & HOOK_GETATTR != 0 { special_traced(cx, rt, t, "__getattr__") } else { None };
    if let Some(v) = class_attr {
        // Data descriptors come before the instance's own attributes; when one raises
        // AttributeError, `__getattr__` runs: the natives know.
        match kind {
            Descriptor::Property | Descriptor::Data if hook.is_some() => return native(cx),
            Descriptor::Property => {
                let fget = wrapped(rt, v, "fget");
                if fget == rt.none.get() {
                    let msg =
                        format!("property '{name}' of '{}' object has no getter", type_name(rt, cx.promote_ref(t)));
                    return Outcome::Raise(crate::errors::new_error(cx, rt, "AttributeError", &msg));
                }
                let fget = cx.const_ref(fget);
                return Outcome::Call(fget, smallvec::smallvec![obj]);
            }
            Descriptor::Data => {
                if let Some(g) = descriptor_method(rt, v, "__get__") {
                    let (g, d) = (cx.const_ref(g), cx.const_ref(v));
                    return Outcome::Call(g, smallvec::smallvec![d, obj, t]);
                }
            }
            _ => {}
        }
    }
    if let Some(v) = get_slot(cx, rt, obj, name) {
        return Outcome::Value(v);
    }
    if name == "__class__" {
        return Outcome::Value(t);
    }
    if let Some(v) = class_attr.filter(|_| kind != Descriptor::Member) {
        if kind == Descriptor::NonData {
            if hook.is_some() {
                return native(cx);
            }
            let g = descriptor_method(rt, v, "__get__").expect("a non-data descriptor has __get__");
            let (g, d) = (cx.const_ref(g), cx.const_ref(v));
            return Outcome::Call(g, smallvec::smallvec![d, obj, t]);
        }
        return Outcome::Value(through_instance(cx, rt, v, obj, t));
    }
    if let Some(g) = hook {
        let g = cx.const_ref(g);
        let n = crate::strings::str_from(cx, name);
        return Outcome::Call(g, smallvec::smallvec![obj, n]);
    }
    let tv = cx.promote_ref(t);
    if crate::boxed::value_base(rt, tv).is_some() {
        // The data attributes of a builtin value (`real`, `imag`) through its box.
        return native(cx);
    }
    Outcome::Raise(attribute_error(cx, rt, obj, name))
}

/// `cls.name` for a class: its attributes through its MRO, in traces when its metaclass is
/// `type`; the natives do the rest (metaclass attributes, `type`'s own).
fn class_getattr<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> Outcome<C> {
    let cls = cx.promote_ref(obj);
    let plain_meta = meta_of(rt, cls) == rt.known.type_.get();
    if name == "__name__" && plain_meta {
        let n = rt.types.borrow()[type_id(cls)].name.clone();
        return Outcome::Value(crate::strings::str_from(cx, &n));
    }
    let found = if plain_meta && !TYPE_ATTRS.contains(&name) { lookup_traced(cx, rt, obj, name) } else { None };
    let Some(v) = found else {
        let n = crate::strings::str_from(cx, name);
        return Outcome::Native(crate::builtins::NativeOp::GetAttr, smallvec::smallvec![obj, n]);
    };
    Outcome::Value(match descriptor_traced(cx, rt, v) {
        Descriptor::ClassMethod => {
            let func = cx.const_ref(wrapped(rt, v, "__func__"));
            bind(cx, func, obj)
        }
        Descriptor::BuiltinClassMethod => {
            let f = cx.const_ref(v);
            bind(cx, f, obj)
        }
        Descriptor::StaticMethod => cx.const_ref(wrapped(rt, v, "__func__")),
        Descriptor::Data | Descriptor::NonData => match descriptor_method(rt, v, "__get__") {
            Some(g) => {
                let (g, d, none) = (cx.const_ref(g), cx.const_ref(v), cx.const_ref(rt.none.get()));
                return Outcome::Call(g, smallvec::smallvec![d, none, obj]);
            }
            None => cx.const_ref(v),
        },
        _ => cx.const_ref(v),
    })
}

/// Whether class `t` is one of the interpreter's own (`int`, `object`, ...).
pub fn is_builtin(rt: &Python, t: usize) -> bool {
    rt.types.borrow()[type_id(t)].builtin
}

/// The name of class `t`.
pub fn type_name(rt: &Python, t: usize) -> Rc<str> {
    rt.types.borrow()[type_id(t)].name.clone()
}

fn attribute_error<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str) -> C::Ref {
    let class = cx.promote_class(obj);
    let msg = if class == TYPE.class() {
        let t = cx.promote_ref(obj);
        format!("type object '{}' has no attribute '{name}'", rt.types.borrow()[type_id(t)].name)
    } else {
        let t = type_of(cx, rt, obj);
        format!("'{}' object has no attribute '{name}'", rt.types.borrow()[type_id(t)].tp_name)
    };
    let e = crate::errors::new_error(cx, rt, "AttributeError", &msg);
    // `e.obj`, as CPython sets it (its report's "Did you mean" looks at `dir(obj)`).
    set_slot(cx, rt, e, "obj", obj);
    e
}

/// `obj.name = v` for instances and classes.
pub fn setattr<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, obj: C::Ref, name: &str, v: C::Ref) -> Outcome<C> {
    setattr_at(cx, rt, obj, name, v, None)
}

/// `obj.name = v` at an instruction with inline cache `site` (the interpreter's shortcut for
/// a plain instance's own attribute; see `sites`).
pub fn setattr_at<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    obj: C::Ref,
    name: &str,
    v: C::Ref,
    site: Option<&std::cell::Cell<crate::sites::Site>>,
) -> Outcome<C> {
    let class = cx.promote_class(obj);
    let none = cx.const_ref(rt.none.get());
    if let (Some(site), false, true) = (site, cx.we_are_jitted(), class == INSTANCE.class()) {
        // SAFETY: a live instance.
        let (t, map) = unsafe {
            let a = C::address(obj);
            (read_word(a, &INST_TYPE) as usize, read_word(a, &INST_MAP) as usize)
        };
        let key = (type_id(t) as u64) << 32 | map as u64;
        let epoch = rt.class_attrs.epoch();
        use crate::sites::Site;
        // The hit, read in place.
        let hit = Site::peek_with(site, (key, epoch), |s, (key, epoch)| match *s {
            Site::Store { key: k, epoch: e, slot, next } if k == key && e == epoch => Some((slot, next)),
            Site::Store2 { epoch: e, key: k, slot, next, key2, slot2, next2 } if e == epoch => {
                if k == key {
                    Some((slot, next))
                } else if key2 == key {
                    Some((slot2, next2))
                } else {
                    None
                }
            }
            _ => None,
        });
        match hit {
            Some((slot, next)) => {
                let slots = cx.getfield_ref(obj, &INST_SLOTS);
                let cap = cx.arraylen(slots, &REFS_ITEMS);
                if next as usize == map || i64::from(slot) < cx.promote_int(cap) {
                    if next as usize != map {
                        let n = cx.int(i64::from(next));
                        cx.setfield_int(obj, &INST_MAP, n);
                    }
                    let k = cx.int(i64::from(slot));
                    cx.setarrayitem_ref(slots, k, &REFS_ITEMS, v);
                    return Outcome::Value(none);
                }
            }
            None => {
                if let Some((slot, next)) = store_plan(rt, t, map, name) {
                    site.set(match site.get() {
                        // A second shape in the same epoch: both are kept.
                        Site::Store { key: key2, epoch: e, slot: slot2, next: next2 }
                        | Site::Store2 { epoch: e, key: key2, slot: slot2, next: next2, .. }
                            if e == epoch && key2 != key =>
                        {
                            Site::Store2 { epoch, key, slot, next, key2, slot2, next2 }
                        }
                        _ => Site::Store { key, epoch, slot, next },
                    });
                }
            }
        }
    }
    let native = |cx: &mut C| {
        let n = crate::strings::str_from(cx, name);
        Outcome::Native(crate::builtins::NativeOp::SetAttr, smallvec::smallvec![obj, n, v])
    };
    if class == TYPE.class() {
        return native(cx);
    }
    let t = cx.getfield_ref(obj, &INST_TYPE);
    let setter =
        if hooks_traced(cx, rt, t) & HOOK_SETATTR != 0 { special_traced(cx, rt, t, "__setattr__") } else { None };
    if let Some(setter) = setter {
        let s = cx.const_ref(setter);
        let n = crate::strings::str_from(cx, name);
        return Outcome::Call(s, smallvec::smallvec![obj, n, v]);
    }
    if matches!(name, "__dict__" | "__class__") || dict_mode(cx, rt, obj) {
        return native(cx);
    }
    if let Some(d) = lookup_traced(cx, rt, t, name) {
        match descriptor_traced(cx, rt, d) {
            Descriptor::Property => {
                let fset = wrapped(rt, d, "fset");
                if fset == rt.none.get() {
                    return native(cx);
                }
                let fset = cx.const_ref(fset);
                return Outcome::Call(fset, smallvec::smallvec![obj, v]);
            }
            Descriptor::Data => {
                let Some(s) = descriptor_method(rt, d, "__set__") else { return native(cx) };
                let (s, d) = (cx.const_ref(s), cx.const_ref(d));
                return Outcome::Call(s, smallvec::smallvec![d, obj, v]);
            }
            Descriptor::Member => {
                set_slot(cx, rt, obj, name, v);
                return Outcome::Value(none);
            }
            _ => {}
        }
    }
    let tv = cx.promote_ref(t);
    if rt.types.borrow()[type_id(tv)].slots.as_ref().is_some_and(|allowed| !allowed.iter().any(|n| &**n == name)) {
        return native(cx);
    }
    set_slot(cx, rt, obj, name, v);
    Outcome::Value(none)
}

/// Where `obj.name = v` puts `v` for instances of class `t` with map `map`, when it is
/// simply the instance's own slot (no `__setattr__`, no class attribute of that name, no
/// `__slots__`, not in dict mode): the slot, and the map the instance has after.
fn store_plan(rt: &Python, t: usize, map: usize, name: &str) -> Option<(u32, u32)> {
    if hooks(rt, t) & HOOK_SETATTR != 0 || matches!(name, "__dict__" | "__class__") {
        return None;
    }
    if rt.maps.borrow()[map].is_dict_mode() || rt.types.borrow()[type_id(t)].slots.is_some() {
        return None;
    }
    if lookup(rt, t, name).is_some() {
        return None;
    }
    match map_slot(rt, map, name) {
        Some(i) => Some((i, map as u32)),
        None => {
            let next = Map::transition(rt, map, name);
            let index = rt.maps.borrow()[next].slots[name];
            Some((index, next as u32))
        }
    }
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
    match special_traced(cx, rt, tref, name) {
        Some(m) => {
            let m = cx.const_ref(m);
            let mut all: crate::space::NativeArgs<C> = smallvec::smallvec![obj];
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
            let msg = format!("'{}' object {what}", rt.types.borrow()[type_id(t)].tp_name);
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
    special_traced(cx, rt, t, name)
}

/// `a op b` where an operand is an instance: `a.__op__(b)` (the interpreter tries the
/// reflection if that returns NotImplemented), else the reflection at once.
pub fn binary_dunder<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    op: BinOp,
    a: C::Ref,
    b: C::Ref,
    inplace: bool,
) -> Outcome<C> {
    let fwd = op.dunders().0;
    if let Some(m) = subclass_reflection(cx, rt, op, a, b) {
        let m = cx.const_ref(m);
        return Outcome::Call(m, smallvec::smallvec![b, a]);
    }
    match method_of(cx, rt, a, fwd) {
        Some(m) => {
            let m = cx.const_ref(m);
            Outcome::Call(m, smallvec::smallvec![a, b])
        }
        None if cx.promote_class(a) != INSTANCE.class() => {
            // A builtin on the left (`"%s" % obj`, `"a" + obj`, `1 + obj`): the builtin's own
            // operation, which tries `obj`'s reflection (and a builtin subclass's value).
            let native =
                if inplace { crate::builtins::NativeOp::Inplace(op) } else { crate::builtins::NativeOp::Binary(op) };
            Outcome::Native(native, smallvec::smallvec![a, b])
        }
        None => reflected(cx, rt, op, a, b, inplace),
    }
}

/// The reflected method of `op` that goes first in `a op b`: `b`'s when `b`'s class is a
/// proper subclass of `a`'s that defines its own (`__radd__` for `+`).
pub fn subclass_reflection<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    op: BinOp,
    a: C::Ref,
    b: C::Ref,
) -> Option<usize> {
    if cx.promote_class(a) != INSTANCE.class() || cx.promote_class(b) != INSTANCE.class() {
        return None;
    }
    let rev = op.dunders().1;
    let (ta, tb) = (type_of(cx, rt, a), type_of(cx, rt, b));
    if ta == tb || !is_subclass(rt, tb, ta) {
        return None;
    }
    let (ra, rb) = (special(rt, ta, rev), special(rt, tb, rev));
    rb.filter(|&m| Some(m) != ra)
}

/// `a op b` after `b`'s reflection went first and gave NotImplemented ([`subclass_reflection`]):
/// `a`'s forward method (whose NotImplemented is a TypeError), or the TypeError.
pub fn after_subclass_reflection<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    op: BinOp,
    a: C::Ref,
    b: C::Ref,
    inplace: bool,
) -> Outcome<C> {
    match method_of(cx, rt, a, op.dunders().0) {
        Some(m) => {
            let m = cx.const_ref(m);
            Outcome::Call(m, smallvec::smallvec![a, b])
        }
        None => unsupported(cx, rt, op, a, b, inplace),
    }
}

/// Whether instance `a` has the forward method of `op` (`__add__` for `+`).
pub fn has_forward<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, op: BinOp, a: C::Ref) -> bool {
    method_of(cx, rt, a, op.dunders().0).is_some()
}

/// `a op b` when every method tried gave NotImplemented: TypeError, naming `op=` when
/// `inplace` (a builtin left operand gives its own operation's error).
pub fn unsupported<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    op: BinOp,
    a: C::Ref,
    b: C::Ref,
    inplace: bool,
) -> Outcome<C> {
    if cx.promote_class(a) != INSTANCE.class() {
        let native =
            if inplace { crate::builtins::NativeOp::Inplace(op) } else { crate::builtins::NativeOp::Binary(op) };
        return Outcome::Native(native, smallvec::smallvec![a, b]);
    }
    let (ta, tb) = (type_of(cx, rt, a), type_of(cx, rt, b));
    let types = rt.types.borrow();
    let msg = format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol_in(inplace),
        types[type_id(ta)].tp_name,
        types[type_id(tb)].tp_name
    );
    drop(types);
    Outcome::Raise(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// The reflected operation `b.__rop__(a)`, or TypeError (naming `op=` when `inplace`).
pub fn reflected<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    op: BinOp,
    a: C::Ref,
    b: C::Ref,
    inplace: bool,
) -> Outcome<C> {
    let (_, rev) = op.dunders();
    // (Operands of the same class do not try the reflection.)
    let same = cx.promote_class(a) == INSTANCE.class()
        && cx.promote_class(b) == INSTANCE.class()
        && type_of(cx, rt, a) == type_of(cx, rt, b);
    if let Some(m) = method_of(cx, rt, b, rev).filter(|_| !same) {
        let m = cx.const_ref(m);
        // (A second NotImplemented is the interpreter's TypeError: see `REFLECT`.)
        return Outcome::Call(m, smallvec::smallvec![b, a]);
    }
    if cx.promote_class(a) != INSTANCE.class() {
        // A builtin left operand has its own behaviour (`"%s" % exc`) and messages.
        let native =
            if inplace { crate::builtins::NativeOp::Inplace(op) } else { crate::builtins::NativeOp::Binary(op) };
        return Outcome::Native(native, smallvec::smallvec![a, b]);
    }
    let (ta, tb) = (type_of(cx, rt, a), type_of(cx, rt, b));
    let types = rt.types.borrow();
    let cb = cx.promote_class(b);
    let sequence = [STR.class(), LIST.class(), TUPLE.class(), crate::bytes::BYTES.class()].contains(&cb);
    let msg = if op == BinOp::Mul && sequence {
        // `obj * "ab"`: the sequence's repeat wants an int.
        format!("can't multiply sequence by non-int of type '{}'", types[type_id(ta)].tp_name)
    } else {
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol_in(inplace),
            types[type_id(ta)].tp_name,
            types[type_id(tb)].tp_name
        )
    };
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
    Some(Outcome::Call(m, smallvec::smallvec![a, b]))
}

/// `op a` on an instance.
pub fn unary_dunder<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, op: UnOp, a: C::Ref) -> Outcome<C> {
    let (name, sym) = match op {
        UnOp::Neg => ("__neg__", "-"),
        UnOp::Pos => ("__pos__", "+"),
        UnOp::Invert => ("__invert__", "~"),
        UnOp::Not => unreachable!("not is truth"),
    };
    let t = type_of(cx, rt, a);
    let tref = cx.const_ref(t);
    if special_traced(cx, rt, tref, name).is_none() {
        let msg = format!("bad operand type for unary {sym}: '{}'", rt.types.borrow()[type_id(t)].tp_name);
        return Outcome::Raise(crate::errors::new_error(cx, rt, "TypeError", &msg));
    }
    call_dunder(cx, rt, a, name, vec![])
}

/// `a op b` where an operand is an instance: a traced call of `a`'s rich comparison when it
/// has its own (the interpreter goes on with [`NativeOp::CompareReflected`] if that returns
/// NotImplemented); the natives do the rest of the protocol (reflections, `!=` from `__eq__`,
/// a subclass's reflection first).
///
/// [`NativeOp::CompareReflected`]: crate::builtins::NativeOp::CompareReflected
pub fn compare_dunder<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, op: CmpOp, a: C::Ref, b: C::Ref) -> Outcome<C> {
    let fwd = op.dunder();
    let (ta, tb) = (type_of(cx, rt, a), type_of(cx, rt, b));
    let subclass_first = ta != tb && is_subclass(rt, tb, ta);
    if !subclass_first {
        if let Some(m) = method_of(cx, rt, a, fwd) {
            let m = cx.const_ref(m);
            return Outcome::Call(m, smallvec::smallvec![a, b]);
        }
    }
    let no_methods = [a, b].iter().all(|&x| {
        let t = type_of(cx, rt, x);
        let t = cx.const_ref(t);
        ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]
            .iter()
            .all(|n| special_traced(cx, rt, t, n).is_none())
    });
    if no_methods && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        let same = cx.ptr_eq(a, b);
        let same = if op == CmpOp::Eq { same } else { cx.int_is_zero(same) };
        return Outcome::Value(crate::space::boolean(cx, rt, same));
    }
    Outcome::Native(crate::builtins::NativeOp::Compare(op), smallvec::smallvec![a, b])
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
    let spec = ClassSpec { name, qualname: name, meta: 0, slots: None, builtin: true };
    make_class_with(rt, heap, version, spec, bases, dict)
}

/// The library modules whose classes CPython writes in C: their error messages name them
/// `module.name` (CPython's `tp_name`).
pub const C_TYPE_MODULES: &[&str] = &["datetime", "decimal"];

/// What a new class is besides its bases and attributes.
pub struct ClassSpec<'a> {
    pub name: &'a str,
    pub qualname: &'a str,
    /// Its metaclass (0: `type`).
    pub meta: usize,
    /// The instance attributes allowed by `__slots__` through the MRO, if restricted.
    pub slots: Option<Vec<Rc<str>>>,
    /// One of the interpreter's own classes.
    pub builtin: bool,
}

/// [`make_class`] with a metaclass, qualified name and slots.
pub fn make_class_with(
    rt: &Python,
    heap: &mut metatrace::heap::Heap,
    version: QuasiId,
    spec: ClassSpec<'_>,
    bases: &[usize],
    dict: Vec<(Rc<str>, usize)>,
) -> Result<usize, String> {
    let name = spec.name;
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
    for (k, v) in &dict {
        rt.immortal(heap, *v);
        if !spec.builtin {
            note_unbound_special(rt, heap, k, *v);
        }
    }
    let exception = bases.iter().any(|&b| is_type(b) && rt.types.borrow()[type_id(b)].exception);
    let mut full = vec![t];
    full.extend(mro);
    let value_base = crate::boxed::find_value_base(rt, name, spec.builtin, t, &full);
    for &b in &bases {
        rt.types.borrow()[type_id(b)].subclasses.borrow_mut().push(t);
    }
    let module = dict.iter().find(|(k, _)| &**k == "__module__").map(|&(_, m)| m);
    let module = module.filter(|&m| is(m, &STR)).map(crate::builtins::text);
    let tp_name = match module {
        Some(m) if C_TYPE_MODULES.contains(&m) => format!("{m}.{name}").into(),
        _ => name.into(),
    };
    rt.types.borrow_mut().push(crate::runtime::TypeInfo {
        name: name.into(),
        tp_name,
        qualname: spec.qualname.into(),
        obj: t,
        base: bases.first().copied(),
        bases: bases.clone(),
        meta: spec.meta,
        subclasses: Default::default(),
        hooks: Default::default(),
        plain: Default::default(),
        builtin: spec.builtin,
        slots: spec.slots,
        mro: full,
        exception,
        dict: std::cell::RefCell::new(dict.into_iter().collect()),
        version,
        value_base,
        constructs: crate::types::constructs(spec.builtin, name),
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
    note_unbound_special(rt, heap, name, v);
    let id = type_id(t);
    rt.types.borrow()[id].dict.borrow_mut().insert(name.into(), v);
    rt.class_attrs.forget_all();
    for info in rt.types.borrow().iter() {
        if info.mro.contains(&t) {
            info.hooks.set(0);
            quasi(info.version);
        }
    }
}

/// Removes class attribute `name` of `t` (outside traces): whether it had one; every class
/// whose MRO has `t` gets a new version.
pub fn del_class_attr(rt: &Python, quasi: &mut dyn FnMut(QuasiId), t: usize, name: &str) -> bool {
    if rt.types.borrow()[type_id(t)].dict.borrow_mut().remove(name).is_none() {
        return false;
    }
    rt.class_attrs.forget_all();
    for info in rt.types.borrow().iter() {
        if info.mro.contains(&t) {
            info.hooks.set(0);
            quasi(info.version);
        }
    }
    true
}

/// `super().name`: the attribute after class `start` in the MRO of `obj`'s class (or of `obj`
/// itself when it is a subclass of `start`: `super()` in a classmethod), read through `obj`.
pub fn super_getattr<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, sup: C::Ref, name: &str) -> Outcome<C> {
    let start = cx.getfield_ref(sup, &SUPER_CLASS);
    let start = cx.promote_ref(start);
    let obj = cx.getfield_ref(sup, &SUPER_OBJ);
    let class_level = cx.promote_class(obj) == TYPE.class() && {
        let o = cx.promote_ref(obj);
        is_subclass(rt, o, start)
    };
    let t = if class_level { cx.promote_ref(obj) } else { type_of(cx, rt, obj) };
    let version = rt.types.borrow()[type_id(t)].version;
    let _ = cx.quasi_get(version);
    let found = {
        let types = rt.types.borrow();
        let mro = &types[type_id(t)].mro;
        let after = mro.iter().position(|&c| c == start).map(|k| k + 1).unwrap_or(mro.len());
        mro[after..].iter().find_map(|&c| types[type_id(c)].dict.borrow().get(name).copied())
    };
    let Some(v) = found else {
        let msg = format!("'super' object has no attribute '{name}'");
        return Outcome::Raise(crate::errors::new_error(cx, rt, "AttributeError", &msg));
    };
    let owner = cx.const_ref(t);
    let f = cx.const_ref(v);
    Outcome::Value(match descriptor_traced(cx, rt, v) {
        Descriptor::Method if !class_level => bind(cx, f, obj),
        Descriptor::BuiltinClassMethod => bind(cx, f, owner),
        Descriptor::ClassMethod => {
            let func = cx.const_ref(wrapped(rt, v, "__func__"));
            bind(cx, func, owner)
        }
        Descriptor::StaticMethod => cx.const_ref(wrapped(rt, v, "__func__")),
        Descriptor::Property if !class_level => {
            let fget = cx.const_ref(wrapped(rt, v, "fget"));
            return Outcome::Call(fget, smallvec::smallvec![obj]);
        }
        Descriptor::Data | Descriptor::NonData => match descriptor_method(rt, v, "__get__") {
            Some(g) => {
                let g = cx.const_ref(g);
                let inst = if class_level { cx.const_ref(rt.none.get()) } else { obj };
                return Outcome::Call(g, smallvec::smallvec![f, inst, owner]);
            }
            None => f,
        },
        _ => f,
    })
}
