//! Dict views: `d.keys()`, `d.values()` and `d.items()` are live objects over their dict
//! (their length, iteration and `in` follow the dict's changes). Keys and items views are
//! set-like: `&`, `|`, `-`, `^` give sets, and they compare with sets and with each other
//! (CPython's `dictviews_*` algorithms). Also `dict | dict` and `dict |= other`.

use crate::builtins::{self, PyResult};
use crate::bytecode::{BinOp, CmpOp};
use crate::dict;
use crate::objects::*;
use crate::runtime::{new_list, new_tuple};
use crate::sets;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::heap::{Heap, Layout};
use metatrace::{Concrete, Ctx, FieldDescr, MemKind};

/// Iterators over a dict (its keys, values or items) or a set: live, by position, raising
/// CPython's RuntimeError when the size changes under them.
pub static KEY_ITER: Layout = Layout::object("dict_keyiterator", 32, &[16]);
pub static VALUE_ITER: Layout = Layout::object("dict_valueiterator", 32, &[16]);
pub static ITEM_ITER: Layout = Layout::object("dict_itemiterator", 32, &[16]);
pub static SET_ITER: Layout = Layout::object("set_iterator", 32, &[16]);
const IT_SRC: FieldDescr = FieldDescr::new("dictiter.src", 16, MemKind::Ref);
const IT_POS: FieldDescr = FieldDescr::new("dictiter.pos", 24, MemKind::I64);
/// The size of the source when iteration began (`usize::MAX` once it changed).
const IT_SIZE: FieldDescr = FieldDescr::new("dictiter.size", 32, MemKind::I64);
/// How many items are still to come.
const IT_LEFT: FieldDescr = FieldDescr::new("dictiter.left", 40, MemKind::I64);

pub static KEYS: Layout = Layout::object("dict_keys", 8, &[16]);
pub static VALUES: Layout = Layout::object("dict_values", 8, &[16]);
pub static ITEMS: Layout = Layout::object("dict_items", 8, &[16]);
const DICT: FieldDescr = FieldDescr::new("dictview.dict", 16, MemKind::Ref);

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// A view of dict `d` (`layout`: which one).
pub fn new(heap: &mut Heap, layout: &'static Layout, d: usize) -> usize {
    let v = heap.alloc(layout);
    // SAFETY: just allocated with a view layout.
    unsafe { *((v + DICT.offset as usize) as *mut usize) = d };
    v
}

/// Whether `o` is a dict view.
pub fn is_view(o: usize) -> bool {
    is(o, &KEYS) || is(o, &VALUES) || is(o, &ITEMS)
}

/// Whether `o` is a set-like view (keys or items).
fn is_setlike(o: usize) -> bool {
    is(o, &KEYS) || is(o, &ITEMS)
}

/// The dict of view `v`.
pub fn dict_of(v: usize) -> usize {
    // SAFETY: callers pass live views.
    unsafe { read_word(v, &DICT) as usize }
}

/// The prefix of the methods of views of layout `class` in the builtin table.
pub fn method_prefix(class: usize) -> Option<&'static str> {
    [(&KEYS, "dict_keys"), (&VALUES, "dict_values"), (&ITEMS, "dict_items")]
        .into_iter()
        .find(|(l, _)| l.class() == class)
        .map(|(_, p)| p)
}

pub fn len(v: usize) -> usize {
    dict::len(dict_of(v))
}

/// The current items of view `v`: keys, values, or `(key, value)` tuples.
pub fn items<S: Space>(cx: &mut Cx<'_, S>, v: usize) -> Vec<usize> {
    let pairs = dict::items(dict_of(v));
    if is(v, &KEYS) {
        pairs.into_iter().map(|(k, _)| k).collect()
    } else if is(v, &VALUES) {
        pairs.into_iter().map(|(_, x)| x).collect()
    } else {
        pairs.into_iter().map(|(k, x)| new_tuple(cx.heap_mut(), &[k, x])).collect()
    }
}

/// Whether `o` is an iterator over a dict or a set.
pub fn is_iter(o: usize) -> bool {
    is(o, &KEY_ITER) || is(o, &VALUE_ITER) || is(o, &ITEM_ITER) || is(o, &SET_ITER)
}

/// `iter(o)` for a dict, a view or a set (`None`: none of them).
pub fn iter_of(heap: &mut Heap, o: usize) -> Option<usize> {
    let (layout, src) = if dict::is_dict(o) || is(o, &KEYS) {
        (&KEY_ITER, if is(o, &KEYS) { dict_of(o) } else { o })
    } else if is(o, &VALUES) {
        (&VALUE_ITER, dict_of(o))
    } else if is(o, &ITEMS) {
        (&ITEM_ITER, dict_of(o))
    } else if sets::is_any(o) {
        (&SET_ITER, o)
    } else {
        return None;
    };
    let n = if sets::is_any(src) { sets::len(src) } else { dict::len(src) };
    let it = heap.alloc(layout);
    // SAFETY: just allocated with an iterator layout.
    unsafe {
        *((it + IT_SRC.offset as usize) as *mut usize) = src;
        *((it + IT_SIZE.offset as usize) as *mut usize) = n;
        *((it + IT_LEFT.offset as usize) as *mut usize) = n;
    }
    Some(it)
}

/// The next item of a dict or set iterator (`None`: exhausted).
pub fn iter_next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, it: usize) -> Result<Option<usize>, usize> {
    let field = |f: &FieldDescr| unsafe { read_word(it, f) as usize };
    let set = |f: &FieldDescr, v: usize| unsafe { *((it + f.offset as usize) as *mut usize) = v };
    let (src, pos, size, left) = (field(&IT_SRC), field(&IT_POS), field(&IT_SIZE), field(&IT_LEFT));
    let is_set = sets::is_any(src);
    let now = if is_set { sets::len(src) } else { dict::len(src) };
    if size != now {
        set(&IT_SIZE, usize::MAX);
        let what =
            if is_set { "Set changed size during iteration" } else { "dictionary changed size during iteration" };
        return builtins::err(cx, rt, "RuntimeError", what).map(Some);
    }
    let found = if is_set { sets::entry_from(src, pos).map(|(p, k)| (p, k, 0)) } else { dict::entry_from(src, pos) };
    let Some((p, k, v)) = found else {
        set(&IT_POS, usize::MAX >> 1);
        return Ok(None);
    };
    if left == 0 {
        if !is_set {
            return builtins::err(cx, rt, "RuntimeError", "dictionary keys changed during iteration").map(Some);
        }
        return Ok(None);
    }
    set(&IT_POS, p + 1);
    set(&IT_LEFT, left - 1);
    Ok(Some(if is(it, &VALUE_ITER) {
        v
    } else if is(it, &ITEM_ITER) {
        new_tuple(cx.heap_mut(), &[k, v])
    } else {
        k
    }))
}

/// A list of the current items of view `v` (what iterating it walks).
pub fn snapshot<S: Space>(cx: &mut Cx<'_, S>, v: usize) -> usize {
    let items = items(cx, v);
    new_list(cx.heap_mut(), &items)
}

/// `repr(v)`: `dict_keys([1, 2])`.
pub fn repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Option<Result<String, usize>> {
    let name = method_prefix(layout_of(v)).filter(|_| is_view(v))?;
    let l = snapshot(cx, v);
    let _ = cx.root(l);
    Some(builtins::to_repr(cx, rt, l).map(|r| format!("{name}({r})")))
}

/// `x in v` for a view (`None`: not a view).
pub fn contains<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, x: usize) -> Option<Result<bool, usize>> {
    if !is_view(v) {
        return None;
    }
    Some(view_contains(cx, rt, v, x))
}

fn view_contains<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, x: usize) -> Result<bool, usize> {
    let d = dict_of(v);
    if is(v, &KEYS) {
        return Ok(dict::lookup(cx, rt, d, x)?.is_some());
    }
    if is(v, &ITEMS) {
        let pair = if is(x, &TUPLE) { crate::runtime::tuple_items(x).into_vec() } else { Vec::new() };
        let [k, val] = pair[..] else { return Ok(false) };
        return match dict::lookup(cx, rt, d, k)? {
            Some(found) => builtins::eq(cx, rt, found, val),
            None => Ok(false),
        };
    }
    for (_, val) in dict::items(d) {
        if builtins::eq(cx, rt, val, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `set(x)`, where a keys view is read as its dict (CPython's `dictviews_to_set`).
fn to_set<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, x: usize) -> PyResult {
    let src = if is(x, &KEYS) { dict_of(x) } else { x };
    sets::make(cx, rt, false, Some(src))
}

/// `a op b` where an operand is a keys or items view (`None`: not such an operation).
pub fn binary<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: BinOp, a: usize, b: usize) -> Option<PyResult> {
    if dict::is_dict(a) && op == BinOp::Or {
        if !dict::is_dict(b) {
            return None;
        }
        return Some(dict::copy(cx, rt, a).and_then(|d| {
            let _ = cx.root(d);
            for (k, x) in dict::items(b) {
                dict::set(cx, rt, d, k, x)?;
            }
            Ok(d)
        }));
    }
    if !is_setlike(a) && !is_setlike(b) {
        return None;
    }
    Some((|| match op {
        BinOp::And => intersect(cx, rt, a, b),
        BinOp::Or | BinOp::Sub | BinOp::Xor => {
            let s = to_set(cx, rt, a)?;
            let _ = cx.root(s);
            match op {
                BinOp::Or => sets::update(cx, rt, s, b)?,
                BinOp::Sub => sets::difference_update(cx, rt, s, b)?,
                _ => sets::symmetric_difference_update(cx, rt, s, b)?,
            }
            Ok(s)
        }
        _ => {
            let msg = format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                op.symbol(),
                builtins::type_name(rt, a),
                builtins::type_name(rt, b)
            );
            builtins::err(cx, rt, "TypeError", &msg)
        }
    })())
}

/// `_PyDictView_Intersect`: iterates the smaller operand, keeping what the other contains.
fn intersect<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, a: usize, b: usize) -> PyResult {
    let (mut view, mut other) = if is_setlike(a) { (a, b) } else { (b, a) };
    let n = len(view);
    if sets::is_set(other) && n <= sets::len(other) {
        return sets::intersection(cx, rt, other, view);
    }
    if is_setlike(other) && len(other) > n {
        std::mem::swap(&mut view, &mut other);
    }
    let out = sets::new(cx.heap_mut(), false);
    let _ = cx.root(out);
    let it = builtins::iter(cx, rt, other)?;
    let _ = cx.root(it);
    while let Some(x) = builtins::next(cx, rt, it)? {
        let _ = cx.root(x);
        if view_contains(cx, rt, view, x)? {
            sets::add(cx, rt, out, x)?;
        }
    }
    Ok(out)
}

/// Whether every item of `a` is in `b`.
fn all_in<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, a: usize, b: usize) -> Result<bool, usize> {
    let it = builtins::iter(cx, rt, a)?;
    let _ = cx.root(it);
    while let Some(x) = builtins::next(cx, rt, it)? {
        let _ = cx.root(x);
        if !builtins::contains(cx, rt, b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Comparisons of a keys or items view with a set or such a view (`None`: not such a pair).
pub fn compare<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    op: CmpOp,
    a: usize,
    b: usize,
) -> Option<Result<bool, usize>> {
    let setlike = |o: usize| is_setlike(o) || sets::is_any(o);
    if !is_setlike(a) {
        if is_setlike(b) && setlike(a) {
            let swapped = match op {
                CmpOp::Lt => CmpOp::Gt,
                CmpOp::Le => CmpOp::Ge,
                CmpOp::Gt => CmpOp::Lt,
                CmpOp::Ge => CmpOp::Le,
                o => o,
            };
            return compare(cx, rt, swapped, b, a);
        }
        return None;
    }
    if !setlike(b) {
        return None;
    }
    let (la, lb) = (len(a), builtins::len(cx, rt, b).ok()?);
    Some(match op {
        CmpOp::Eq => {
            if la == lb {
                all_in(cx, rt, a, b)
            } else {
                Ok(false)
            }
        }
        CmpOp::Ne => {
            if la == lb {
                all_in(cx, rt, a, b).map(|r| !r)
            } else {
                Ok(true)
            }
        }
        CmpOp::Lt => {
            if la < lb {
                all_in(cx, rt, a, b)
            } else {
                Ok(false)
            }
        }
        CmpOp::Le => {
            if la <= lb {
                all_in(cx, rt, a, b)
            } else {
                Ok(false)
            }
        }
        CmpOp::Gt => {
            if la > lb {
                all_in(cx, rt, b, a)
            } else {
                Ok(false)
            }
        }
        CmpOp::Ge => {
            if la >= lb {
                all_in(cx, rt, b, a)
            } else {
                Ok(false)
            }
        }
        _ => return None,
    })
}

/// `v.isdisjoint(other)`.
pub fn isdisjoint<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, other: usize) -> Result<bool, usize> {
    let it = builtins::iter(cx, rt, other)?;
    let _ = cx.root(it);
    while let Some(x) = builtins::next(cx, rt, it)? {
        let _ = cx.root(x);
        if view_contains(cx, rt, v, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}
