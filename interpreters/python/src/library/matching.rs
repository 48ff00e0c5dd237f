//! The type tests of `match` statements' structural patterns, as hidden builtins the compiled
//! code calls (CPython has opcodes for them: `MATCH_SEQUENCE`, `MATCH_MAPPING`,
//! `MATCH_KEYS`, `MATCH_CLASS`). Each returns a tuple of the values the sub-patterns match
//! against, or None when the subject does not fit.

use super::*;
use metatrace::Ctx;

rows! {
    "__match_sequence__" => match_sequence,
    "__match_mapping__" => match_mapping,
    "__match_class__" => match_class,
}

fn int_arg(o: usize) -> usize {
    peek_i64(o).unwrap_or(0).max(0) as usize
}

/// `isinstance(o, collections.abc.<name>)` for instances of classes.
fn abc_instance<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, name: &str) -> Result<bool, usize> {
    let m = crate::modules::import_module(cx, rt, "collections.abc")?;
    let abc = crate::types::getattr(cx, rt, m, name)?;
    let r = super::functions::isinstance(cx, rt, None, &[o, abc], &[])?;
    truth(cx, rt, r)
}

/// Whether `o` matches sequence patterns (not str, bytes or bytearray).
fn is_sequence<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<bool, usize> {
    if is(o, &LIST) || is(o, &TUPLE) || is(o, &RANGE) || is(o, &crate::ranges::BIGRANGE) {
        return Ok(true);
    }
    if is(o, &INSTANCE) {
        let v = crate::boxed::unbox(o);
        if v != o {
            return Ok(is(v, &LIST) || is(v, &TUPLE));
        }
        return abc_instance(cx, rt, o, "Sequence");
    }
    Ok(false)
}

/// `__match_sequence__(subject, before, after, star)`: the items for `[p1, p2]` (`before`
/// patterns, no star) or `[p1, *ps, p2]` (`before` and `after` around a star, whose value
/// is a list).
pub(super) fn match_sequence<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let [subj, before, after, star] = args[..] else { return err(cx, rt, "TypeError", "__match_sequence__") };
    let (before, after, star) = (int_arg(before), int_arg(after), star == rt.true_.get());
    if !is_sequence(cx, rt, subj)? {
        return Ok(rt.none.get());
    }
    let v = crate::boxed::unbox(subj);
    let items = if is(v, &LIST) {
        list_items(v)
    } else if is(v, &TUPLE) {
        tuple_items(v)
    } else {
        let n = b::len(cx, rt, subj)?;
        if (star && n < before + after) || (!star && n != before) {
            return Ok(rt.none.get());
        }
        collect(cx, rt, subj)?
    };
    let n = items.len();
    if (star && n < before + after) || (!star && n != before) {
        return Ok(rt.none.get());
    }
    if !star {
        return Ok(new_tuple(cx.heap_mut(), &items));
    }
    let middle = new_list(cx.heap_mut(), &items[before..n - after]);
    let mut out = items[..before].to_vec();
    out.push(middle);
    out.extend_from_slice(&items[n - after..]);
    Ok(new_tuple(cx.heap_mut(), &out))
}

/// `__match_mapping__(subject, keys, rest)`: the values of `keys` (a tuple), and with `rest`
/// a new dict of the other items (`**rest`).
pub(super) fn match_mapping<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let [subj, keys, rest] = args[..] else { return err(cx, rt, "TypeError", "__match_mapping__") };
    let d = crate::boxed::unbox(subj);
    let plain = dict::is_dict(d);
    if !plain && !(is(subj, &INSTANCE) && abc_instance(cx, rt, subj, "Mapping")?) {
        return Ok(rt.none.get());
    }
    let keys = tuple_items(keys);
    for (i, &k) in keys.iter().enumerate() {
        for &k2 in &keys[..i] {
            if b::eq(cx, rt, k, k2)? {
                let msg = format!("mapping pattern checks duplicate key ({})", b::to_repr(cx, rt, k)?);
                return err(cx, rt, "ValueError", &msg);
            }
        }
    }
    if plain && b::len(cx, rt, subj)? < keys.len() {
        return Ok(rt.none.get());
    }
    let mut values = Vec::with_capacity(keys.len() + 1);
    let get = if plain && !is(subj, &INSTANCE) { None } else { Some(crate::types::getattr(cx, rt, subj, "get")?) };
    let _ = get.map(|g| cx.root(g));
    let missing = new_list(cx.heap_mut(), &[]);
    let _ = cx.root(missing);
    for &k in &keys {
        let v = match get {
            None => dict::lookup(cx, rt, d, k)?,
            Some(g) => Some(call_value(cx, rt, g, &[k, missing], &[])?).filter(|&v| v != missing),
        };
        match v {
            Some(v) => values.push(v),
            None => return Ok(rt.none.get()),
        }
    }
    if rest == rt.true_.get() {
        let r = dict::new_dict(cx.heap_mut());
        let _ = cx.root(r);
        let pairs: Vec<(usize, usize)> = if plain && !is(subj, &INSTANCE) {
            dict::items(d)
        } else {
            let ks = collect(cx, rt, subj)?;
            let mut out = Vec::with_capacity(ks.len());
            for k in ks {
                let v = crate::types::getitem(cx, rt, subj, k)?;
                out.push((k, v));
            }
            out
        };
        for (k, v) in pairs {
            let mut skip = false;
            for &k2 in &keys {
                if b::eq(cx, rt, k, k2)? {
                    skip = true;
                    break;
                }
            }
            if !skip {
                dict::set(cx, rt, r, k, v)?;
            }
        }
        values.push(r);
    }
    Ok(new_tuple(cx.heap_mut(), &values))
}

/// The builtin classes whose one positional sub-pattern matches the subject itself
/// (`case int(n)`).
const SELF_MATCHING: &[&str] =
    &["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"];

/// `__match_class__(subject, cls, npos, kwnames)`: for `Cls(p1, p2, a=p3)`, the attributes
/// named by `cls.__match_args__[:npos]` then by `kwnames`.
pub(super) fn match_class<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let [subj, cls, npos, kwnames] = args[..] else { return err(cx, rt, "TypeError", "__match_class__") };
    if !is(cls, &TYPE) {
        return err(cx, rt, "TypeError", "called match pattern must be a type");
    }
    let r = super::functions::isinstance(cx, rt, None, &[subj, cls], &[])?;
    if !truth(cx, rt, r)? {
        return Ok(rt.none.get());
    }
    let npos = int_arg(npos);
    let cname = classes::type_name(rt, cls);
    let mut names: Vec<usize> = Vec::new();
    let mut values: Vec<usize> = Vec::new();
    if npos > 0 {
        let self_matching = classes::is_builtin(rt, cls) && SELF_MATCHING.contains(&&*cname);
        let match_args = if self_matching {
            None
        } else {
            match crate::types::getattr(cx, rt, cls, "__match_args__") {
                Ok(m) => Some(m),
                Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("AttributeError")) => {
                    Some(new_tuple(cx.heap_mut(), &[]))
                }
                Err(e) => return Err(e),
            }
        };
        match match_args {
            None => {
                if npos > 1 {
                    let msg = format!("{cname}() accepts 1 positional sub-pattern ({npos} given)");
                    return err(cx, rt, "TypeError", &msg);
                }
                values.push(subj);
            }
            Some(m) => {
                if !is(m, &TUPLE) {
                    let msg = format!("{cname}.__match_args__ must be a tuple (got {})", b::type_name(rt, m));
                    return err(cx, rt, "TypeError", &msg);
                }
                let m = tuple_items(m);
                if npos > m.len() {
                    let s = if m.len() == 1 { "" } else { "s" };
                    let msg = format!("{cname}() accepts {} positional sub-pattern{s} ({npos} given)", m.len());
                    return err(cx, rt, "TypeError", &msg);
                }
                names.extend_from_slice(&m[..npos]);
            }
        }
    }
    names.extend(tuple_items(kwnames));
    for (i, &n) in names.iter().enumerate() {
        if !is(n, &STR) {
            let msg = format!("__match_args__ elements must be strings (got {})", b::type_name(rt, n));
            return err(cx, rt, "TypeError", &msg);
        }
        if names[..i].iter().any(|&p| text(p) == text(n)) {
            let msg = format!("{cname}() got multiple sub-patterns for attribute '{}'", text(n));
            return err(cx, rt, "TypeError", &msg);
        }
        match super::functions::getattr_impl(cx, rt, subj, text(n)) {
            Ok(v) => values.push(v),
            Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("AttributeError")) => {
                return Ok(rt.none.get());
            }
            Err(e) => return Err(e),
        }
    }
    Ok(new_tuple(cx.heap_mut(), &values))
}
