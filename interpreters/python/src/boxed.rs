//! Instances of subclasses of builtin types (`class C(int)`, `class D(dict)`, namedtuples).
//!
//! The builtin values have layouts of their own (an int is one word, a str its bytes inline,
//! a tuple an array), which the natives test with `is(o, &LIST)` and read directly, and the
//! traced fast paths of the object space test with one promoted class word. Giving those
//! layouts an optional class or dict word would make every one of them (and the var-sized
//! ones cannot grow a trailing word) pay for the rare subclass, and every fast path would need
//! a second test to stay out of a subclass's overridden methods.
//!
//! So a subclass instance is an ordinary instance (`INSTANCE`: class, map, slots, hence a
//! `__dict__`, `__slots__`, `__class__`, maps and version tags as for any user class) whose
//! extra word [`INST_VALUE`] holds the builtin object it extends: its *value*. Everything
//! that dispatches on layouts sees an instance and goes through its class, as for any user
//! class: the class's MRO reaches the builtin type, whose dict holds the builtin methods and
//! special methods (`int.__add__`, `list.__getitem__`, `dict.__iter__`, ...). A builtin
//! method called with a boxed instance as `self` runs on its value ([`method_self`]), so
//! `super().append(x)`, `len(d)`, `d[k]` and `repr(p)` of a subclass that does not override
//! them do what the base does, and an override is found first by the ordinary lookup. A
//! binary operation whose special methods give up (`[1] + L([2])`) retries on the values.
//!
//! The JIT sees through it like any instance: the map and class are promoted, the special
//! method found at trace time, and the value is an immutable field read.
//!
//! The value is made by the builtin type's `__new__` (`int.__new__(cls, v)` makes the int
//! and boxes it when `cls` is a subclass); the mutable types' `__new__` make an empty value
//! that their `__init__` fills, as in CPython, so `super().__init__(...)` works.

use crate::builtins::{self, err};
use crate::classes::{self, type_id};
use crate::objects::*;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// The builtin types a class may extend with a boxed value.
pub const VALUE_TYPES: &[&str] =
    &["int", "float", "complex", "str", "bytes", "bytearray", "list", "tuple", "dict", "set", "frozenset"];

/// The builtin value a boxed instance extends, or 0 for any other object.
pub fn value_of(o: usize) -> usize {
    if is(o, &INSTANCE) {
        // SAFETY: a live instance.
        unsafe { read_word(o, &INST_VALUE) as usize }
    } else {
        0
    }
}

/// `o`'s builtin value if it is a boxed instance, else `o` itself.
pub fn unbox(o: usize) -> usize {
    match value_of(o) {
        0 => o,
        v => v,
    }
}

/// The builtin value type class `t` extends (itself for one of [`VALUE_TYPES`]), if any.
pub fn value_base(rt: &Python, t: usize) -> Option<usize> {
    match rt.types.borrow()[type_id(t)].value_base {
        0 => None,
        b => Some(b),
    }
}

/// What [`crate::runtime::TypeInfo::value_base`] is for a new class with MRO `mro` (itself
/// first), `builtin` if it is one of the interpreter's own.
pub fn find_value_base(rt: &Python, name: &str, builtin: bool, t: usize, mro: &[usize]) -> usize {
    if builtin && VALUE_TYPES.contains(&name) {
        return t;
    }
    let types = rt.types.borrow();
    mro.iter().skip(1).map(|&c| types[type_id(c)].value_base).find(|&b| b != 0).unwrap_or(0)
}

/// `v` as an object of class `cls`: `v` itself when `cls` is `v`'s own builtin type, else a
/// new instance of `cls` boxing it.
pub fn boxed<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, v: usize) -> usize {
    if classes::is_builtin(rt, cls) {
        return v;
    }
    let mark = metatrace::Ctx::root(cx, v);
    let obj = crate::types::new_instance(cx, rt, cls, &[]);
    metatrace::Ctx::unroot(cx, mark);
    // SAFETY: a new instance; the value is an immutable field written once, here.
    unsafe { *((obj + INST_VALUE.offset as usize) as *mut usize) = v };
    obj
}

/// `cls` checked as the class argument of `T.__new__` (`what` is `T`): it must derive from
/// `T`.
pub fn new_class_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, cls: usize, what: &str) -> Result<usize, usize> {
    let base = rt.builtin_type(what);
    if !is(cls, &TYPE) {
        let msg = format!("{what}.__new__(X): X is not a type object ({})", builtins::type_name(rt, cls));
        return err(cx, rt, "TypeError", &msg);
    }
    if !classes::is_subclass(rt, cls, base) {
        let n = classes::type_name(rt, cls);
        return err(cx, rt, "TypeError", &format!("{what}.__new__({n}): {n} is not a subtype of {what}"));
    }
    Ok(cls)
}

/// The builtin methods that take a boxed `self` as it is (they need its class).
const KEEPS_BOX: &[&str] = &["dict.__getitem__"];

/// The `self` builtin method `name` (`type.method`) runs on: a boxed instance's value when the
/// method is one of its builtin base's.
pub fn method_self(name: &str, obj: usize) -> usize {
    let v = value_of(obj);
    if v == 0 || name.ends_with(".__new__") || KEEPS_BOX.contains(&name) {
        return obj;
    }
    match name.split_once('.') {
        Some((prefix, _)) if VALUE_TYPES.contains(&prefix) => v,
        _ => obj,
    }
}

/// The dict `dict(o)` and `{**o}` copy the items of directly: `o` if it is a dict, or the
/// value of a boxed dict whose class iterates as a dict does (CPython's `dict_merge` takes
/// those without calling `keys()` or `__getitem__`).
pub fn dict_value(rt: &Python, o: usize) -> Option<usize> {
    if crate::dict::is_dict(o) {
        return Some(o);
    }
    let v = value_of(o);
    if v == 0 || !crate::dict::is_dict(v) {
        return None;
    }
    let iter = classes::lookup(rt, builtins::peek_type(rt, o), "__iter__")?;
    // SAFETY: a live builtin.
    let plain =
        is(iter, &BUILTIN) && builtins::NAMES[unsafe { read_word(iter, &BUILTIN_ID) } as usize] == "dict.__iter__";
    plain.then_some(v)
}

/// Whether builtin method `name` takes the arguments that are boxed instances as their
/// values: the methods of `str` and `bytes` read their arguments as text or bytes (a str
/// subclass is a str to `s.split(sep)`); the ones that format or store objects do not.
pub fn unboxes_args(name: &str) -> bool {
    let Some((prefix, method)) = name.split_once('.') else { return false };
    matches!(prefix, "str" | "bytes" | "bytearray")
        && !matches!(method, "format" | "format_map" | "__mod__" | "__rmod__" | "__format__" | "append" | "insert")
}

/// The result of builtin method `name` called on `obj` through its value `v`: the in-place
/// operators return their `self`, which is the box.
pub fn method_result(name: &str, obj: usize, v: usize, r: usize) -> usize {
    let in_place = name
        .split_once('.')
        .is_some_and(|(_, m)| matches!(m, "__iadd__" | "__imul__" | "__ior__" | "__iand__" | "__ixor__" | "__isub__"));
    if in_place && r == v {
        obj
    } else {
        r
    }
}
