//! The type tests and extractions of `match` patterns (see `compile::pattern`): CPython's
//! `MATCH_SEQUENCE` + `GET_LEN` + `UNPACK_*`, `MATCH_MAPPING` + `MATCH_KEYS` and `MATCH_CLASS`
//! as builtins that return the tuple of values the sub-patterns match, or None when the
//! subject does not fit.

use super::{BuiltinFn, Cx, Kw};
use crate::builtins::{self as b, call_value, err, text, PyResult};
use crate::classes;
use crate::dict;
use crate::objects::*;
use crate::runtime::{list_items, new_list, new_tuple, tuple_items};
use crate::space::Space;
use crate::Python;
use metatrace::Ctx;

rows! {
    "__match_sequence__" => match_sequence,
    "__match_mapping__" => match_mapping,
    "__match_class__" => match_class,
}

/// Whether a class of `t`'s MRO is one of `names` from the `collections` modules.
fn mro_has(rt: &Python, t: usize, names: &[&str]) -> bool {
    let types = rt.types.borrow();
    let mro = types[classes::type_id(t)].mro.clone();
    mro.iter().any(|&c| {
        let info = &types[classes::type_id(c)];
        if !names.contains(&&*info.name) {
            return false;
        }
        let module = info.dict.borrow().get("__module__").copied();
        module.is_some_and(|m| is(m, &STR) && text(m).starts_with("collections"))
    })
}

fn subclass_of(rt: &Python, o: usize, name: &str) -> bool {
    classes::is_subclass(rt, b::peek_type(rt, o), rt.builtin_type(name))
}

/// `MATCH_SEQUENCE`: lists, tuples, ranges and `collections.abc.Sequence`s, not str/bytes.
fn is_sequence(rt: &Python, o: usize) -> bool {
    if is(o, &LIST) || is(o, &TUPLE) || crate::ranges::is_range(o) {
        return true;
    }
    if !is(o, &INSTANCE) || ["str", "bytes", "bytearray"].iter().any(|n| subclass_of(rt, o, n)) {
        return false;
    }
    subclass_of(rt, o, "list")
        || subclass_of(rt, o, "tuple")
        || mro_has(rt, b::peek_type(rt, o), &["Sequence", "MutableSequence", "deque", "UserList"])
}

/// `MATCH_MAPPING`: dicts and `collections.abc.Mapping`s.
fn is_mapping(rt: &Python, o: usize) -> bool {
    dict::is_dict(o)
        || is(o, &INSTANCE)
            && (subclass_of(rt, o, "dict")
                || mro_has(rt, b::peek_type(rt, o), &["Mapping", "MutableMapping", "UserDict", "ChainMap"]))
}

/// `__match_sequence__(subject, n, star)`: the `n` values for the sub-patterns (the starred
/// one, at `star` >= 0, a list of what is left over), or None.
fn match_sequence<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let none = rt.none.get();
    let subject = args[0];
    let n = peek_i64(args[1]).unwrap_or(0) as usize;
    let star = peek_i64(args[2]).unwrap_or(-1);
    if !is_sequence(rt, subject) {
        return Ok(none);
    }
    let len = b::len(cx, rt, subject)?;
    let fits = if star >= 0 { len + 1 >= n } else { len == n };
    if !fits {
        return Ok(none);
    }
    let items = if is(subject, &LIST) {
        list_items(subject).into_vec()
    } else if is(subject, &TUPLE) {
        tuple_items(subject).into_vec()
    } else {
        b::collect(cx, rt, subject)?
    };
    let list = new_list(cx.heap_mut(), &items);
    let _ = cx.root(list);
    if star < 0 {
        if items.len() != n {
            return Ok(none);
        }
        return Ok(new_tuple(cx.heap_mut(), &items));
    }
    let (before, after) = (star as usize, n - 1 - star as usize);
    if items.len() < before + after {
        return Ok(none);
    }
    let middle = new_list(cx.heap_mut(), &items[before..items.len() - after]);
    let _ = cx.root(middle);
    let mut out = items[..before].to_vec();
    out.push(middle);
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(new_tuple(cx.heap_mut(), &out))
}

/// `__match_mapping__(subject, keys, rest)`: the values of `keys` (then, if `rest`, a dict of
/// the other items), or None.
fn match_mapping<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let none = rt.none.get();
    let (subject, keys, want_rest) = (args[0], tuple_items(args[1]), args[2] == rt.true_.get());
    if !is_mapping(rt, subject) {
        return Ok(none);
    }
    if !keys.is_empty() && b::len(cx, rt, subject)? < keys.len() {
        return Ok(none);
    }
    let mut values = Vec::with_capacity(keys.len() + 1);
    let seen = dict::new_dict(cx.heap_mut());
    let _ = cx.root(seen);
    let marker = new_list(cx.heap_mut(), &[]);
    let _ = cx.root(marker);
    let getter =
        if dict::is_dict(subject) { None } else { Some(crate::library::getattr_impl(cx, rt, subject, "get")?) };
    if let Some(g) = getter {
        let _ = cx.root(g);
    }
    for &k in &keys {
        if dict::lookup(cx, rt, seen, k)?.is_some() {
            let msg = format!("mapping pattern checks duplicate key ({})", b::to_repr(cx, rt, k)?);
            return err(cx, rt, "ValueError", &msg);
        }
        dict::set(cx, rt, seen, k, none)?;
        let v = match getter {
            None => dict::lookup(cx, rt, subject, k)?,
            Some(g) => Some(call_value(cx, rt, g, &[k, marker], &[])?).filter(|&v| v != marker),
        };
        match v {
            Some(v) => {
                let _ = cx.root(v);
                values.push(v);
            }
            None => return Ok(none),
        }
    }
    if want_rest {
        let rest = crate::types::call_type(cx, rt, rt.builtin_type("dict"), &[subject], &[])?;
        let _ = cx.root(rest);
        for &k in &keys {
            dict::remove(cx, rt, rest, k)?;
        }
        values.push(rest);
    }
    Ok(new_tuple(cx.heap_mut(), &values))
}

/// The builtin classes whose instances match `C(x)` as a whole (`_Py_TPFLAGS_MATCH_SELF`).
const MATCH_SELF: &[&str] =
    &["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"];

/// `__match_class__(subject, cls, npos, names)`: the values of the `npos` positional
/// sub-patterns (through `cls.__match_args__`) and of the keyword ones (`names`), or None.
fn match_class<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let none = rt.none.get();
    let (subject, cls) = (args[0], args[1]);
    let npos = peek_i64(args[2]).unwrap_or(0) as usize;
    let names = tuple_items(args[3]);
    if !is(cls, &TYPE) {
        return err(cx, rt, "TypeError", "called match pattern must be a type");
    }
    let isinstance = crate::library::builtin_id("isinstance").expect("isinstance is a builtin");
    let r = (crate::library::table::<S>()[isinstance])(cx, rt, None, &[subject, cls], &[])?;
    if r != rt.true_.get() {
        return Ok(none);
    }
    let cname = classes::type_name(rt, cls);
    let mut attrs: Vec<usize> = Vec::new();
    let mut values = Vec::new();
    if npos > 0 {
        let match_args = match crate::types::getattr(cx, rt, cls, "__match_args__") {
            Ok(m) => Some(m),
            Err(e) if crate::attrs::is_attribute_error(rt, e) => None,
            Err(e) => return Err(e),
        };
        let match_self =
            match_args.is_none() && MATCH_SELF.iter().any(|n| classes::is_subclass(rt, cls, rt.builtin_type(n)));
        let allowed = match match_args {
            Some(m) if is(m, &TUPLE) => tuple_items(m).len(),
            Some(m) => {
                let msg = format!("{cname}.__match_args__ must be a tuple (got {})", b::type_name(rt, m));
                return err(cx, rt, "TypeError", &msg);
            }
            None => match_self as usize,
        };
        if allowed < npos {
            let s = if allowed == 1 { "" } else { "s" };
            let msg = format!("{cname}() accepts {allowed} positional sub-pattern{s} ({npos} given)");
            return err(cx, rt, "TypeError", &msg);
        }
        if match_self {
            values.push(subject);
        } else if let Some(m) = match_args {
            for &name in &tuple_items(m)[..npos] {
                if !is(name, &STR) {
                    let msg = format!("__match_args__ elements must be strings (got {})", b::type_name(rt, name));
                    return err(cx, rt, "TypeError", &msg);
                }
                attrs.push(name);
            }
        }
    }
    attrs.extend(names);
    for (i, &name) in attrs.iter().enumerate() {
        if attrs[..i].iter().any(|&m| text(m) == text(name)) {
            let msg = format!("{cname}() got multiple sub-patterns for attribute {}", b::repr_str(text(name)));
            return err(cx, rt, "TypeError", &msg);
        }
        match crate::library::getattr_impl(cx, rt, subject, text(name)) {
            Ok(v) => {
                let _ = cx.root(v);
                values.push(v);
            }
            Err(e) if crate::attrs::is_attribute_error(rt, e) => return Ok(none),
            Err(e) => return Err(e),
        }
    }
    Ok(new_tuple(cx.heap_mut(), &values))
}
