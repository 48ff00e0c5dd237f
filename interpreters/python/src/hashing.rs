//! `hash()` as CPython computes it (so that sets and dicts order and compare as there),
//! `in` for every container, and `callable()`.

use crate::builtins::{call_method, eq, is_lazy, iter, next, peek_type, text, truth, type_name};
use crate::classes;
use crate::dict;
use crate::objects::*;
use crate::runtime::tuple_items;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::{Concrete, Ctx};
use num_traits::ToPrimitive;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// CPython's (xxHash-based) hash of a tuple whose items hash to `hashes`.
pub fn tuple_hash(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len as u64 ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        1546275796
    } else {
        acc as i64
    }
}

/// Python's hash of a key.
pub fn hash<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<i64, usize> {
    if is(o, &STR) {
        // SAFETY: `o` is a live str; its hash field is -1 until computed.
        unsafe {
            let cached = read_word(o, &STR_HASH) as i64;
            if cached != -1 {
                return Ok(cached);
            }
            let h = crate::format::str_hash(str_text(o));
            *((o + STR_HASH.offset as usize) as *mut i64) = h;
            return Ok(h);
        }
    }
    if is(o, &crate::bytes::BYTES) {
        return Ok(crate::bytes::hash(crate::bytes::data(o)));
    }
    if let Some(v) = peek_i64(o) {
        return Ok(crate::format::int_hash_i64(v));
    }
    if let Some(b) = peek_bigint(o) {
        return Ok(crate::format::int_hash(&b));
    }
    if is(o, &FLOAT) {
        return Ok(crate::format::float_hash(peek_f64(o).unwrap()));
    }
    if is(o, &TUPLE) {
        let items = tuple_items(o);
        let mut hashes = Vec::with_capacity(items.len());
        for &i in &items {
            hashes.push(hash(cx, rt, i)?);
        }
        return Ok(tuple_hash(hashes.into_iter(), items.len()));
    }
    if crate::sets::is_frozen(o) {
        return Ok(crate::sets::hash(o));
    }
    if crate::ranges::is_range(o) {
        return Ok(crate::library::range_hash(rt, o));
    }
    if crate::complex::is_complex(o) {
        return Ok(crate::complex::hash(o));
    }
    if crate::memview::is_view(o) {
        return crate::memview::hash(cx, rt, o);
    }
    if is(o, &LIST)
        || dict::is_dict(o)
        || crate::sets::is_set(o)
        || crate::views::is_view(o)
        || is(o, &SLICE)
        || is(o, &crate::bytes::BYTEARRAY)
    {
        return Err(crate::errors::new_error(cx, rt, "TypeError", &format!("unhashable type: '{}'", type_name(rt, o))));
    }
    if is(o, &INSTANCE) {
        if !instance_hashable(rt, o) {
            let msg = format!("unhashable type: '{}'", type_name(rt, o));
            return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
        }
        if let Some(r) = call_method(cx, rt, o, "__hash__", &[]) {
            let h = r?;
            return match peek_bigint(h) {
                Some(b) => Ok(match b.to_i64() {
                    Some(-1) => -2,
                    Some(v) => v,
                    None => crate::format::int_hash(&b),
                }),
                None => Err(crate::errors::new_error(cx, rt, "TypeError", "__hash__ method should return an integer")),
            };
        }
    }
    Ok((o >> 4) as i64)
}

/// Whether instances of `o`'s class are hashable: the first class of its MRO that defines
/// `__eq__` or `__hash__` decides (a class defining `__eq__` alone, or setting `__hash__ =
/// None`, makes its instances unhashable).
fn instance_hashable(rt: &Python, o: usize) -> bool {
    let t = peek_type(rt, o);
    // SAFETY: a live class.
    let id = unsafe { read_word(t, &TYPE_ID) } as usize;
    let mro = rt.types.borrow()[id].mro.clone();
    for c in mro {
        // SAFETY: classes of an MRO are live.
        let cid = unsafe { read_word(c, &TYPE_ID) } as usize;
        let types = rt.types.borrow();
        let d = types[cid].dict.borrow();
        let h = d.get("__hash__").copied();
        if h.is_some() || d.contains_key("__eq__") {
            return h.is_some_and(|h| h != rt.none.get());
        }
    }
    true
}

/// `item in container`
pub fn contains<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, container: usize, item: usize) -> Result<bool, usize> {
    if is(container, &STR) {
        if !is(item, &STR) {
            let msg = format!("'in <string>' requires string as left operand, not {}", type_name(rt, item));
            return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
        }
        return Ok(text(container).contains(text(item)));
    }
    if crate::bytes::is_binary(container) {
        return crate::bytes::contains(cx, rt, container, item);
    }
    if crate::memview::is_view(container) {
        let it = crate::memview::iter(cx, rt, container)?;
        let _ = metatrace::Ctx::root(cx, it);
        while let Some(x) = crate::builtins::next(cx, rt, it)? {
            if crate::builtins::eq(cx, rt, x, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if dict::is_dict(container) {
        return Ok(dict::lookup(cx, rt, container, item)?.is_some());
    }
    if crate::sets::is_any(container) {
        return crate::sets::contains(cx, rt, container, item);
    }
    if let Some(r) = crate::views::contains(cx, rt, container, item) {
        return r;
    }
    if crate::ranges::is_range(container) {
        return crate::library::range_contains(cx, rt, container, item);
    }
    if is(container, &INSTANCE) || is(container, &TYPE) {
        if let Some(r) = call_method(cx, rt, container, "__contains__", &[item]) {
            let r = r?;
            return truth(cx, rt, r);
        }
    }
    let iterable = if is(container, &INSTANCE) || is(container, &TYPE) {
        ["__iter__", "__getitem__"].iter().any(|m| classes::special(rt, peek_type(rt, container), m).is_some())
    } else {
        !is_not_iterable(container)
    };
    if !iterable {
        let msg = format!("argument of type '{}' is not iterable", type_name(rt, container));
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    }
    let it = iter(cx, rt, container)?;
    let _ = cx.root(it);
    while let Some(x) = next(cx, rt, it)? {
        if eq(cx, rt, x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `callable(o)`
pub fn is_callable(rt: &Python, o: usize) -> bool {
    is(o, &FUNCTION)
        || is(o, &BUILTIN)
        || is(o, &TYPE)
        || is(o, &METHOD)
        || (is(o, &INSTANCE) && classes::lookup(rt, peek_type(rt, o), "__call__").is_some())
}

/// Whether builtin object `o` (not an instance) cannot be iterated.
fn is_not_iterable(o: usize) -> bool {
    !(is(o, &LIST)
        || is(o, &TUPLE)
        || is(o, &STR)
        || dict::is_dict(o)
        || crate::sets::is_any(o)
        || crate::views::is_view(o)
        || crate::ranges::is_range(o)
        || is(o, &SEQ_ITER)
        || is(o, &RANGE_ITER)
        || is(o, &crate::ranges::LONGRANGE_ITER)
        || is(o, &crate::generators::GENERATOR)
        || is_lazy(o)
        || is(o, &crate::library::CALL_ITER)
        || crate::views::is_iter(o))
}
