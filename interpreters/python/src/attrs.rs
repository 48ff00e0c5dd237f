//! The attribute protocol of instances and classes outside traces (the natives the traced
//! paths of `classes` leave): CPython's `object.__getattribute__`, `type.__getattribute__`,
//! `__setattr__` and `__delattr__`, with data and non-data descriptors, properties,
//! `__slots__` members, `__getattr__` hooks and instance `__dict__`s.
//!
//! An instance whose `__dict__` is asked for moves its attributes into a real dict (see
//! `runtime::Map`), so writes through the dict are its attributes; its accesses then go
//! through here.

use crate::builtins::{self, call_value, err, peek_type, text, PyResult};
use crate::classes::{self, attr_dict, descriptor, descriptor_method, type_id, wrapped, Descriptor};
use crate::dict;
use crate::objects::*;
use crate::runtime::{new_str, new_tuple, Map};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// Whether exception `e` is an AttributeError.
pub fn is_attribute_error(rt: &Python, e: usize) -> bool {
    classes::is_subclass(rt, peek_type(rt, e), rt.builtin_type("AttributeError"))
}

fn bound(cx: &mut Cx<'_, impl Space>, func: usize, obj: usize) -> usize {
    let m = cx.heap_mut().alloc(&METHOD);
    // SAFETY: just allocated with the METHOD layout.
    unsafe {
        *((m + METHOD_FUNC.offset as usize) as *mut usize) = func;
        *((m + METHOD_SELF.offset as usize) as *mut usize) = obj;
    }
    m
}

fn no_attribute<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> PyResult {
    let msg = if is(obj, &TYPE) {
        format!("type object '{}' has no attribute '{name}'", classes::type_name(rt, obj))
    } else {
        format!("'{}' object has no attribute '{name}'", builtins::type_name(rt, obj))
    };
    let e = crate::errors::new_error(cx, rt, "AttributeError", &msg);
    classes::set_slot(cx, rt, e, "obj", obj);
    Err(e)
}

/// `obj.name` for an instance or a class: `__getattribute__` (the class's own or the
/// generic one), then `__getattr__` on AttributeError.
pub fn getattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> PyResult {
    let t = peek_type(rt, obj);
    let r = match classes::special(rt, t, "__getattribute__") {
        Some(ga) => {
            let n = new_str(cx.heap_mut(), name);
            call_value(cx, rt, ga, &[obj, n], &[])
        }
        None if is(obj, &TYPE) => type_getattr(cx, rt, obj, name),
        None => generic_getattr(cx, rt, obj, name),
    };
    match r {
        Err(e) if is_attribute_error(rt, e) => match classes::special(rt, t, "__getattr__") {
            Some(g) => {
                let n = new_str(cx.heap_mut(), name);
                call_value(cx, rt, g, &[obj, n], &[])
            }
            None => Err(e),
        },
        r => r,
    }
}

/// Class attribute `v` (found in `owner`'s MRO) read through `obj` (None: through the class).
pub fn descr_get<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, obj: Option<usize>, owner: usize) -> PyResult {
    match descriptor(rt, v) {
        Descriptor::Method => Ok(match obj {
            Some(o) => bound(cx, v, o),
            None => v,
        }),
        Descriptor::BuiltinClassMethod => Ok(bound(cx, v, owner)),
        Descriptor::ClassMethod => Ok(bound(cx, wrapped(rt, v, "__func__"), owner)),
        Descriptor::StaticMethod => Ok(wrapped(rt, v, "__func__")),
        Descriptor::Property => match obj {
            None => Ok(v),
            Some(o) => {
                let fget = wrapped(rt, v, "fget");
                if fget == rt.none.get() {
                    let name = property_name(rt, v);
                    let msg = format!("property {name} of '{}' object has no getter", builtins::type_name(rt, o));
                    return err(cx, rt, "AttributeError", &msg);
                }
                call_value(cx, rt, fget, &[o], &[])
            }
        },
        Descriptor::Member => match obj {
            None => Ok(v),
            Some(o) => {
                let name = member_name(rt, v);
                match classes::peek_slot(rt, o, &name) {
                    Some(x) => Ok(x),
                    None => no_attribute(cx, rt, o, &name),
                }
            }
        },
        Descriptor::Data | Descriptor::NonData => match descriptor_method(rt, v, "__get__") {
            Some(g) => {
                let inst = obj.unwrap_or(rt.none.get());
                call_value(cx, rt, g, &[v, inst, owner], &[])
            }
            None => Ok(v),
        },
        Descriptor::Plain => Ok(v),
    }
}

/// The slot of a property holding the name it was bound to in a class body (set when the
/// class is made, as CPython's `property.__set_name__` does).
pub const PROPERTY_NAME_SLOT: &str = "<property name>";

/// The name a property has in messages: the name it has in its class, else its getter's
/// name, quoted.
fn property_name(rt: &Python, p: usize) -> String {
    if let Some(n) = classes::peek_slot(rt, p, PROPERTY_NAME_SLOT).filter(|&n| is(n, &STR)) {
        return format!("'{}'", text(n));
    }
    for slot in ["fget", "fset", "fdel"] {
        let f = wrapped(rt, p, slot);
        if is(f, &FUNCTION) {
            // SAFETY: a live function's name is a str.
            let n = unsafe { read_word(f, &FUNC_NAME) } as usize;
            return format!("'{}'", text(n));
        }
    }
    "<unnamed>".into()
}

/// The attribute name of a `__slots__` member descriptor.
pub fn member_name(rt: &Python, m: usize) -> Rc<str> {
    classes::peek_slot(rt, m, "__name__")
        .filter(|&n| is(n, &STR))
        .map(|n| Rc::from(text(n)))
        .unwrap_or_else(|| "".into())
}

/// A new member descriptor for instance attribute `name` of class `owner`.
pub fn new_member<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str, owner: usize) -> usize {
    let m = cx.heap_mut().alloc(&INSTANCE);
    let slots = cx.heap_mut().alloc_array(&REFS, 4);
    // SAFETY: just allocated with the INSTANCE layout.
    unsafe {
        *((m + INST_TYPE.offset as usize) as *mut usize) = rt.builtin_type("member_descriptor");
        *((m + INST_SLOTS.offset as usize) as *mut usize) = slots;
    }
    let n = new_str(cx.heap_mut(), name);
    classes::set_slot(cx, rt, m, "__name__", n);
    classes::set_slot(cx, rt, m, "__objclass__", owner);
    m
}

/// `object.__getattribute__(obj, name)`
pub fn generic_getattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> PyResult {
    if is(obj, &TYPE) {
        return type_getattr(cx, rt, obj, name);
    }
    let t = peek_type(rt, obj);
    let class_attr = classes::lookup(rt, t, name);
    if let Some(v) = class_attr {
        let kind = descriptor(rt, v);
        let data_get = kind == Descriptor::Data && descriptor_method(rt, v, "__get__").is_some();
        if matches!(kind, Descriptor::Property | Descriptor::Member) || data_get {
            return descr_get(cx, rt, v, Some(obj), t);
        }
    }
    if is(obj, &INSTANCE) {
        if name == "__dict__" && has_dict(rt, t) {
            return instance_dict(cx, rt, obj);
        }
        if let Some(v) = classes::peek_slot(rt, obj, name) {
            return Ok(v);
        }
    }
    if name == "__class__" {
        return Ok(t);
    }
    match class_attr {
        Some(v) => descr_get(cx, rt, v, Some(obj), t),
        None if crate::boxed::value_of(obj) != 0 => {
            // The data attributes of a builtin value (`real`, `imag`, ...) through its box.
            match crate::types::builtin_getattr(cx, rt, crate::boxed::value_of(obj), name) {
                Err(e) if is_attribute_error(rt, e) => no_attribute(cx, rt, obj, name),
                r => r,
            }
        }
        None if is(obj, &INSTANCE) => no_attribute(cx, rt, obj, name),
        None => crate::types::builtin_getattr(cx, rt, obj, name),
    }
}

/// Whether instances of class `t` have a `__dict__` (no `__slots__` restricting them).
pub fn has_dict(rt: &Python, t: usize) -> bool {
    rt.types.borrow()[type_id(t)].slots.is_none()
}

/// `obj.__dict__` of an instance: its attributes move into a dict that is theirs from now on
/// (exceptions, whose attributes the runtime reads in traces, give a copy). Its `__slots__`
/// members stay in its slots.
pub fn instance_dict<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize) -> PyResult {
    if let Some(d) = attr_dict(rt, obj) {
        return Ok(d);
    }
    // SAFETY: a live instance.
    let map = unsafe { read_word(obj, &INST_MAP) } as usize;
    let names = rt.maps.borrow()[map].order.clone();
    let t = peek_type(rt, obj);
    let d = dict::new_dict(cx.heap_mut());
    let exception = rt.types.borrow()[type_id(t)].exception;
    let mut kept: Vec<(Rc<str>, usize)> = Vec::new();
    for n in &names {
        let v = classes::peek_slot(rt, obj, n).unwrap_or(0);
        if classes::lookup(rt, t, n).is_some_and(|m| descriptor(rt, m) == Descriptor::Member) {
            kept.push((n.clone(), v));
            continue;
        }
        if exception && matches!(&**n, "args" | "__traceback__" | "__cause__" | "__context__" | "__suppress_context__")
        {
            continue;
        }
        let k = new_str(cx.heap_mut(), n);
        dict::set(cx, rt, d, k, v)?;
    }
    if exception {
        return Ok(d);
    }
    kept.push(("__dict__".into(), d));
    set_attrs(cx, rt, obj, &kept);
    Ok(d)
}

/// Gives an instance exactly the attributes `attrs` (in its map and slots).
fn set_attrs<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, attrs: &[(Rc<str>, usize)]) {
    let names: Vec<Rc<str>> = attrs.iter().map(|(n, _)| n.clone()).collect();
    let next = Map::of_names(rt, &names);
    let slots = cx.heap_mut().alloc_array(&REFS, attrs.len().max(4));
    let maps = rt.maps.borrow();
    for (n, v) in attrs {
        let i = maps[next].slots[n] as usize;
        // SAFETY: `i` < the number of attributes <= the new array's length.
        unsafe { *((slots + REFS_ITEMS.base as usize + 8 * i) as *mut usize) = *v };
    }
    // SAFETY: a live instance.
    unsafe {
        *((obj + INST_SLOTS.offset as usize) as *mut usize) = slots;
        *((obj + INST_MAP.offset as usize) as *mut usize) = next;
    }
}

/// `type.__getattribute__(cls, name)`
pub fn type_getattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, name: &str) -> PyResult {
    if let Some(r) = type_special_attr(cx, rt, cls, name) {
        return r;
    }
    let meta = classes::meta_of(rt, cls);
    let meta_attr = classes::lookup(rt, meta, name);
    if let Some(m) = meta_attr {
        let kind = descriptor(rt, m);
        if matches!(kind, Descriptor::Property)
            || (kind == Descriptor::Data && descriptor_method(rt, m, "__get__").is_some())
        {
            return descr_get(cx, rt, m, Some(cls), meta);
        }
    }
    if let Some(v) = classes::lookup(rt, cls, name) {
        return descr_get(cx, rt, v, None, cls);
    }
    match meta_attr {
        Some(m) => descr_get(cx, rt, m, Some(cls), meta),
        None => no_attribute(cx, rt, cls, name),
    }
}

/// The attributes `type` gives every class (`__name__`, `__mro__`, ...).
fn type_special_attr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, name: &str) -> Option<PyResult> {
    let own = |n: &str| rt.types.borrow()[type_id(cls)].dict.borrow().get(n).copied();
    let (tname, qualname, mro, bases, base) = {
        let types = rt.types.borrow();
        let info = &types[type_id(cls)];
        (info.name.clone(), info.qualname.clone(), info.mro.clone(), info.bases.clone(), info.base)
    };
    let builtin = classes::is_builtin(rt, cls);
    Some(Ok(match name {
        "__name__" => new_str(cx.heap_mut(), &tname),
        "__qualname__" => new_str(cx.heap_mut(), &qualname),
        "__mro__" => new_tuple(cx.heap_mut(), &mro),
        "__bases__" => new_tuple(cx.heap_mut(), &bases),
        "__base__" => base.unwrap_or(rt.none.get()),
        "__class__" => classes::meta_of(rt, cls),
        "__dict__" => return Some(class_dict(cx, rt, cls)),
        "__doc__" => own("__doc__").unwrap_or(rt.none.get()),
        "__module__" => match own("__module__") {
            Some(m) => m,
            None if builtin => new_str(cx.heap_mut(), "builtins"),
            None => new_str(cx.heap_mut(), "__main__"),
        },
        "__abstractmethods__" => match own("__abstractmethods__") {
            Some(v) => v,
            None => return Some(err(cx, rt, "AttributeError", "__abstractmethods__")),
        },
        "__annotations__" => match own("__annotations__") {
            Some(v) => v,
            None => {
                let d = dict::new_dict(cx.heap_mut());
                set_class_attr(cx, rt, cls, "__annotations__", d);
                d
            }
        },
        _ => return None,
    }))
}

/// `cls.__dict__`: a dict of the class's own attributes, in definition order (a copy: CPython
/// gives a read-only view).
pub fn class_dict<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize) -> PyResult {
    let mut items = rt.types.borrow()[type_id(cls)].dict.borrow().items();
    let types = crate::modules::import_module(cx, rt, "types")?;
    let _ = metatrace::Ctx::root(cx, types);
    // The first class of a hierarchy whose instances have a `__dict__` (and weak references)
    // shows the descriptors of both, before its `__doc__`, as CPython's does.
    if !classes::is_builtin(rt, cls) {
        let mro = rt.types.borrow()[type_id(cls)].mro.clone();
        let user_base = mro.iter().skip(1).any(|&b| !classes::is_builtin(rt, b) && has_dict(rt, b));
        // Exceptions have their `__dict__` from BaseException; instances of the variable-sized
        // builtins (int, str, bytes, tuple) take no weak references.
        let exception = classes::is_subclass(rt, cls, rt.builtin_type("BaseException"));
        let var_sized = crate::boxed::value_base(rt, cls)
            .is_some_and(|b| matches!(&*classes::type_name(rt, b), "int" | "str" | "bytes" | "tuple"));
        if !user_base {
            // After the body's names and slots, before the `__doc__ = None` and
            // `__hash__ = None` that `type.__new__` adds last.
            let mut at = items.len();
            for implicit in ["__hash__", "__doc__"] {
                if at > 0 && &*items[at - 1].0 == implicit && items[at - 1].1 == rt.none.get() {
                    at -= 1;
                }
            }
            let make = crate::types::getattr(cx, rt, types, "getset_descriptor")?;
            let _ = metatrace::Ctx::root(cx, make);
            let mut names: Vec<&str> = match (exception, var_sized) {
                (true, _) => vec!["__weakref__"],
                (false, true) => vec!["__dict__"],
                (false, false) => vec!["__dict__", "__weakref__"],
            };
            // With `__slots__`, only what they name.
            if let Some(&(_, decl)) = items.iter().find(|(k, _)| &**k == "__slots__") {
                let declared: Vec<usize> = if is(decl, &STR) {
                    vec![decl]
                } else if is(decl, &TUPLE) {
                    crate::runtime::tuple_items(decl).to_vec()
                } else if is(decl, &LIST) {
                    crate::runtime::list_items(decl).to_vec()
                } else {
                    Vec::new()
                };
                names.retain(|n| declared.iter().any(|&d| is(d, &STR) && text(d) == *n));
            } else if !has_dict(rt, cls) {
                names.clear();
            }
            for (i, name) in names.into_iter().enumerate() {
                let n = new_str(cx.heap_mut(), name);
                let _ = metatrace::Ctx::root(cx, n);
                let desc = crate::builtins::call_value(cx, rt, make, &[n, cls], &[])?;
                let _ = metatrace::Ctx::root(cx, desc);
                items.insert(at + i, (Rc::from(name), desc));
            }
        }
    }
    let d = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, d);
    for (k, v) in items {
        let k = new_str(cx.heap_mut(), &k);
        dict::set(cx, rt, d, k, v)?;
    }
    // Read-only, as CPython's: a `types.mappingproxy` over the copy.
    let proxy = crate::types::getattr(cx, rt, types, "mappingproxy")?;
    crate::builtins::call_value(cx, rt, proxy, &[d], &[])
}

/// Sets class attribute `name` of `cls`, with the new versions the traces depending on it need.
pub fn set_class_attr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, name: &str, v: usize) {
    let mut bump = Vec::new();
    classes::set_class_attr(rt, cx.heap_mut(), &mut |q| bump.push(q), cls, name, v);
    bump_versions(cx, bump);
}

fn bump_versions<S: Space>(cx: &mut Cx<'_, S>, qs: Vec<metatrace::QuasiId>) {
    for q in qs {
        let old = metatrace::Ctx::quasi_get(cx, q);
        metatrace::Ctx::quasi_set(cx, q, old + 1);
    }
}

/// `obj.name = v` for an instance or a class.
pub fn setattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str, v: usize) -> Result<(), usize> {
    let t = peek_type(rt, obj);
    if let Some(s) = classes::special(rt, t, "__setattr__") {
        let n = new_str(cx.heap_mut(), name);
        return call_value(cx, rt, s, &[obj, n, v], &[]).map(|_| ());
    }
    generic_setattr(cx, rt, obj, name, v)
}

/// `object.__setattr__(obj, name, v)` (and `type.__setattr__` for classes).
pub fn generic_setattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    obj: usize,
    name: &str,
    v: usize,
) -> Result<(), usize> {
    let t = peek_type(rt, obj);
    if let Some(d) = classes::lookup(rt, t, name) {
        match descriptor(rt, d) {
            Descriptor::Property => {
                let fset = wrapped(rt, d, "fset");
                if fset == rt.none.get() {
                    let msg = format!(
                        "property {} of '{}' object has no setter",
                        property_name(rt, d),
                        builtins::type_name(rt, obj)
                    );
                    return err(cx, rt, "AttributeError", &msg).map(|_| ());
                }
                return call_value(cx, rt, fset, &[obj, v], &[]).map(|_| ());
            }
            Descriptor::Data => {
                return match descriptor_method(rt, d, "__set__") {
                    Some(s) => call_value(cx, rt, s, &[d, obj, v], &[]).map(|_| ()),
                    None => err(cx, rt, "AttributeError", "__set__").map(|_| ()),
                };
            }
            Descriptor::Member if is(obj, &INSTANCE) => {
                classes::set_slot(cx, rt, obj, &member_name(rt, d), v);
                return Ok(());
            }
            _ => {}
        }
    }
    if is(obj, &TYPE) {
        return type_setattr(cx, rt, obj, name, v);
    }
    if !is(obj, &INSTANCE) {
        return crate::types::builtin_setattr(cx, rt, obj, name, v);
    }
    if name == "__class__" {
        return set_class(cx, rt, obj, v);
    }
    if name == "__dict__" && has_dict(rt, t) {
        if !dict::is_dict(v) {
            let msg = format!("__dict__ must be set to a dictionary, not a '{}'", builtins::type_name(rt, v));
            return err(cx, rt, "TypeError", &msg).map(|_| ());
        }
        let d = instance_dict(cx, rt, obj)?;
        dict::clear(cx.heap_mut(), d);
        for (k, x) in dict::items(v) {
            dict::set(cx, rt, d, k, x)?;
        }
        return Ok(());
    }
    let allowed = rt.types.borrow()[type_id(t)].slots.as_ref().is_none_or(|s| s.iter().any(|n| &**n == name));
    if !allowed {
        return no_attribute(cx, rt, obj, name).map(|_| ());
    }
    set_instance_attr(cx, rt, obj, name, v)
}

/// `obj.__class__ = cls`, for instances of user classes.
fn set_class<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, cls: usize) -> Result<(), usize> {
    if !is(cls, &TYPE) {
        let msg = format!("__class__ must be set to a class, not '{}' object", builtins::type_name(rt, cls));
        return err(cx, rt, "TypeError", &msg).map(|_| ());
    }
    let old = peek_type(rt, obj);
    let builtin = |t: usize| classes::is_builtin(rt, t);
    if builtin(cls) || builtin(old) {
        let msg = "__class__ assignment only supported for mutable types or ModuleType subclasses";
        return err(cx, rt, "TypeError", msg).map(|_| ());
    }
    if has_dict(rt, cls) != has_dict(rt, old) {
        let msg = format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            classes::type_name(rt, cls),
            classes::type_name(rt, old)
        );
        return err(cx, rt, "TypeError", &msg).map(|_| ());
    }
    // SAFETY: a live instance.
    unsafe { *((obj + INST_TYPE.offset as usize) as *mut usize) = cls };
    Ok(())
}

/// Sets an instance's own attribute.
pub fn set_instance_attr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    obj: usize,
    name: &str,
    v: usize,
) -> Result<(), usize> {
    if let Some(d) = attr_dict(rt, obj) {
        let k = new_str(cx.heap_mut(), name);
        return dict::set(cx, rt, d, k, v);
    }
    classes::set_slot(cx, rt, obj, name, v);
    Ok(())
}

/// `type.__setattr__(cls, name, v)`
pub fn type_setattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, name: &str, v: usize) -> Result<(), usize> {
    let builtin = classes::is_builtin(rt, cls);
    if builtin {
        let msg = format!("cannot set '{name}' attribute of immutable type '{}'", classes::type_name(rt, cls));
        return err(cx, rt, "TypeError", &msg).map(|_| ());
    }
    match name {
        "__name__" | "__qualname__" => {
            if !is(v, &STR) {
                let msg = format!(
                    "can only assign string to {}.{name}, not '{}'",
                    classes::type_name(rt, cls),
                    builtins::type_name(rt, v)
                );
                return err(cx, rt, "TypeError", &msg).map(|_| ());
            }
            let mut types = rt.types.borrow_mut();
            let info = &mut types[type_id(cls)];
            if name == "__name__" {
                info.name = text(v).into();
                info.tp_name = info.name.clone();
            } else {
                info.qualname = text(v).into();
            }
            return Ok(());
        }
        "__mro__" | "__bases__" | "__base__" | "__dict__" => {
            let msg = format!("readonly attribute '{name}' of '{}' objects is not writable", "type");
            return err(cx, rt, "AttributeError", &msg).map(|_| ());
        }
        "__class__" => return set_metaclass(cx, rt, cls, v),
        _ => {}
    }
    set_class_attr(cx, rt, cls, name, v);
    Ok(())
}

/// `cls.__class__ = meta`: as CPython, only from one metaclass written in Python to another
/// (a class whose metaclass is `type` keeps it).
fn set_metaclass<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, meta: usize) -> Result<(), usize> {
    if !is(meta, &TYPE) {
        let msg = format!("__class__ must be set to a class, not '{}' object", builtins::type_name(rt, meta));
        return err(cx, rt, "TypeError", &msg).map(|_| ());
    }
    let old = classes::meta_of(rt, cls);
    if classes::is_builtin(rt, old) || classes::is_builtin(rt, meta) {
        let msg = "__class__ assignment only supported for mutable types or ModuleType subclasses";
        return err(cx, rt, "TypeError", msg).map(|_| ());
    }
    let version = {
        let mut types = rt.types.borrow_mut();
        let info = &mut types[type_id(cls)];
        info.meta = meta;
        info.version
    };
    bump_versions(cx, vec![version]);
    Ok(())
}

/// `del obj.name` for an instance or a class.
pub fn delattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> Result<(), usize> {
    let t = peek_type(rt, obj);
    if let Some(d) = classes::special(rt, t, "__delattr__") {
        let n = new_str(cx.heap_mut(), name);
        return call_value(cx, rt, d, &[obj, n], &[]).map(|_| ());
    }
    generic_delattr(cx, rt, obj, name)
}

/// `object.__delattr__(obj, name)` (and `type.__delattr__` for classes).
pub fn generic_delattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> Result<(), usize> {
    let t = peek_type(rt, obj);
    if let Some(d) = classes::lookup(rt, t, name) {
        match descriptor(rt, d) {
            Descriptor::Property => {
                let fdel = wrapped(rt, d, "fdel");
                if fdel == rt.none.get() {
                    let msg = format!(
                        "property {} of '{}' object has no deleter",
                        property_name(rt, d),
                        builtins::type_name(rt, obj)
                    );
                    return err(cx, rt, "AttributeError", &msg).map(|_| ());
                }
                return call_value(cx, rt, fdel, &[obj], &[]).map(|_| ());
            }
            Descriptor::Data => {
                return match descriptor_method(rt, d, "__delete__") {
                    Some(f) => call_value(cx, rt, f, &[d, obj], &[]).map(|_| ()),
                    None => err(cx, rt, "AttributeError", "__delete__").map(|_| ()),
                };
            }
            Descriptor::Member if is(obj, &INSTANCE) => {
                let n = member_name(rt, d);
                if !del_instance_attr(cx, rt, obj, &n)? {
                    return err(cx, rt, "AttributeError", &n).map(|_| ());
                }
                return Ok(());
            }
            _ => {}
        }
    }
    if is(obj, &TYPE) {
        return type_delattr(cx, rt, obj, name);
    }
    if is(obj, &INSTANCE) && del_instance_attr(cx, rt, obj, name)? {
        return Ok(());
    }
    if is(obj, &FUNCTION) {
        if let Some(r) = crate::types::function_delattr(cx, rt, obj, name) {
            return r;
        }
    }
    no_attribute(cx, rt, obj, name).map(|_| ())
}

/// Removes an instance's own attribute: whether it had it. The instance moves to the map of
/// its remaining attributes.
pub fn del_instance_attr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize, name: &str) -> Result<bool, usize> {
    if let Some(d) = attr_dict(rt, obj) {
        let k = new_str(cx.heap_mut(), name);
        if dict::remove(cx, rt, d, k)?.is_some() {
            return Ok(true);
        }
    }
    // SAFETY: a live instance.
    let map = unsafe { read_word(obj, &INST_MAP) } as usize;
    let names = rt.maps.borrow()[map].order.clone();
    if name == "__dict__" || !names.iter().any(|n| &**n == name) {
        return Ok(false);
    }
    let kept: Vec<(Rc<str>, usize)> = names
        .into_iter()
        .filter(|n| &**n != name)
        .map(|n| {
            let v = classes::own_slot(rt, obj, &n).unwrap_or(0);
            (n, v)
        })
        .collect();
    set_attrs(cx, rt, obj, &kept);
    Ok(true)
}

/// `type.__delattr__(cls, name)`
pub fn type_delattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, name: &str) -> Result<(), usize> {
    let builtin = classes::is_builtin(rt, cls);
    if builtin {
        let msg = format!("cannot set '{name}' attribute of immutable type '{}'", classes::type_name(rt, cls));
        return err(cx, rt, "TypeError", &msg).map(|_| ());
    }
    let mut bump = Vec::new();
    if !classes::del_class_attr(rt, &mut |q| bump.push(q), cls, name) {
        return no_attribute(cx, rt, cls, name).map(|_| ());
    }
    bump_versions(cx, bump);
    Ok(())
}
