//! `dict`: an insertion-ordered hash table whose keys and values live in heap arrays
//! (so the collector sees them), indexed by a Rust table from hash to positions (which holds
//! no references). Probing compares keys with `==`, which may run a user `__eq__`, so these
//! operations are natives (see `builtins`).
//!
//! A deleted entry leaves a null key (a tombstone) until the table is compacted.

use crate::builtins::{self, PyResult};
use crate::objects::*;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::heap::{Heap, Layout};
use metatrace::{Concrete, FieldDescr, MemKind};
use rustc_hash::FxHashMap as HashMap;

/// A dict.
pub static DICT: Layout = Layout::object("dict", 40, &[16, 24]).with_finalizer(free_index);
const KEYS: FieldDescr = FieldDescr::new("dict.keys", 16, MemKind::Ref);
const VALUES: FieldDescr = FieldDescr::new("dict.values", 24, MemKind::Ref);
const USED: FieldDescr = FieldDescr::new("dict.used", 32, MemKind::I64);
const LEN: FieldDescr = FieldDescr::new("dict.len", 40, MemKind::I64);
const INDEX: FieldDescr = FieldDescr::new("dict.index", 48, MemKind::I64);

type Index = HashMap<i64, Vec<u32>>;
type Cx<'a, S> = Concrete<'a, Py<S>>;

fn free_index(obj: usize) {
    // SAFETY: run once on a dead dict or set, whose index field holds its boxed index (or 0).
    unsafe {
        let p = *((obj + INDEX.offset as usize) as *const *mut Index);
        if !p.is_null() {
            drop(Box::from_raw(p));
        }
    }
}

pub fn is_dict(o: usize) -> bool {
    is(o, &DICT)
}

fn word(o: usize, d: &FieldDescr) -> usize {
    // SAFETY: callers pass live dicts or sets.
    unsafe { read_word(o, d) as usize }
}
fn set_word(o: usize, d: &FieldDescr, v: usize) {
    // SAFETY: callers pass live dicts or sets.
    unsafe { *((o + d.offset as usize) as *mut usize) = v }
}
fn index<'a>(o: usize) -> &'a mut Index {
    // SAFETY: a live dict's index is its own box, used by one native at a time.
    unsafe { &mut *(word(o, &INDEX) as *mut Index) }
}
fn item(arr: usize, k: usize) -> usize {
    // SAFETY: `arr` is a live refs array with more than `k` items.
    unsafe { *((arr + REFS_ITEMS.base as usize + 8 * k) as *const usize) }
}
fn set_item(arr: usize, k: usize, v: usize) {
    // SAFETY: as in `item`.
    unsafe { *((arr + REFS_ITEMS.base as usize + 8 * k) as *mut usize) = v }
}
fn cap(arr: usize) -> usize {
    // SAFETY: a live refs array's length word.
    unsafe { *((arr + REFS_ITEMS.len_offset.unwrap() as usize) as *const usize) }
}

fn new_table(heap: &mut Heap, layout: &'static Layout) -> usize {
    let keys = heap.alloc_array(&REFS, 8);
    let values = heap.alloc_array(&REFS, 8);
    let d = heap.alloc(layout);
    set_word(d, &KEYS, keys);
    set_word(d, &VALUES, values);
    set_word(d, &INDEX, Box::into_raw(Box::new(Index::default())) as usize);
    d
}

pub fn new_dict(heap: &mut Heap) -> usize {
    new_table(heap, &DICT)
}

pub fn len(d: usize) -> usize {
    word(d, &LEN)
}

/// The live entries in insertion order.
pub fn items(d: usize) -> Vec<(usize, usize)> {
    let (keys, values) = (word(d, &KEYS), word(d, &VALUES));
    (0..word(d, &USED)).filter(|&k| item(keys, k) != 0).map(|k| (item(keys, k), item(values, k))).collect()
}

/// The first live entry at or after position `pos`: (its position, key, value).
pub fn entry_from(d: usize, pos: usize) -> Option<(usize, usize, usize)> {
    let (keys, values) = (word(d, &KEYS), word(d, &VALUES));
    (pos..word(d, &USED)).find(|&k| item(keys, k) != 0).map(|k| (k, item(keys, k), item(values, k)))
}

/// The position of `key`, comparing with `==` (which may run user code).
fn find<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, d: usize, key: usize, h: i64) -> Result<Option<usize>, usize> {
    let candidates = index(d).get(&h).cloned().unwrap_or_default();
    for pos in candidates {
        let k = item(word(d, &KEYS), pos as usize);
        if k == 0 {
            continue;
        }
        if k == key || builtins::eq(cx, rt, k, key)? {
            return Ok(Some(pos as usize));
        }
    }
    Ok(None)
}

/// `d.get(key)`.
pub fn lookup<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, d: usize, key: usize) -> Result<Option<usize>, usize> {
    let h = builtins::hash(cx, rt, key)?;
    Ok(find(cx, rt, d, key, h)?.map(|p| item(word(d, &VALUES), p)))
}

/// `d[key] = v`.
pub fn set<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, d: usize, key: usize, v: usize) -> Result<(), usize> {
    let h = builtins::hash(cx, rt, key)?;
    if let Some(p) = find(cx, rt, d, key, h)? {
        set_item(word(d, &VALUES), p, v);
        return Ok(());
    }
    let used = word(d, &USED);
    if used == cap(word(d, &KEYS)) {
        grow(cx.heap_mut(), d);
    }
    let used = word(d, &USED);
    set_item(word(d, &KEYS), used, key);
    set_item(word(d, &VALUES), used, v);
    index(d).entry(h).or_default().push(used as u32);
    set_word(d, &USED, used + 1);
    set_word(d, &LEN, word(d, &LEN) + 1);
    let _ = used;
    Ok(())
}

/// Makes room: compacts tombstones away and doubles the arrays if still full.
fn grow(heap: &mut Heap, d: usize) {
    let live = items(d);
    let cap = (live.len() * 2).max(8);
    let keys = heap.alloc_array(&REFS, cap);
    let values = heap.alloc_array(&REFS, cap);
    let mut idx = Index::default();
    let old = index(d);
    let mut hash_of: HashMap<usize, i64> = HashMap::default();
    for (h, ps) in old.iter() {
        for &p in ps {
            hash_of.insert(p as usize, *h);
        }
    }
    let (old_keys, used) = (word(d, &KEYS), word(d, &USED));
    let mut n = 0;
    for p in 0..used {
        let k = item(old_keys, p);
        if k == 0 {
            continue;
        }
        set_item(keys, n, k);
        set_item(values, n, item(word(d, &VALUES), p));
        idx.entry(hash_of[&p]).or_default().push(n as u32);
        n += 1;
    }
    *old = idx;
    set_word(d, &KEYS, keys);
    set_word(d, &VALUES, values);
    set_word(d, &USED, n);
}

/// `del d[key]`: the value, or None if missing.
pub fn remove<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, d: usize, key: usize) -> Result<Option<usize>, usize> {
    let h = builtins::hash(cx, rt, key)?;
    let Some(p) = find(cx, rt, d, key, h)? else { return Ok(None) };
    let v = item(word(d, &VALUES), p);
    set_item(word(d, &KEYS), p, 0);
    set_item(word(d, &VALUES), p, 0);
    if let Some(ps) = index(d).get_mut(&h) {
        ps.retain(|&q| q as usize != p);
    }
    set_word(d, &LEN, word(d, &LEN) - 1);
    Ok(Some(v))
}

/// Empties a dict.
pub fn clear(heap: &mut Heap, d: usize) {
    let keys = heap.alloc_array(&REFS, 8);
    let values = heap.alloc_array(&REFS, 8);
    set_word(d, &KEYS, keys);
    set_word(d, &VALUES, values);
    set_word(d, &USED, 0);
    set_word(d, &LEN, 0);
    index(d).clear();
}

/// A copy.
pub fn copy<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, d: usize) -> PyResult {
    let out = new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, out);
    for (k, v) in items(d) {
        set(cx, rt, out, k, v)?;
    }
    Ok(out)
}

/// `a == b` for two dicts.
pub fn equal<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, a: usize, b: usize) -> Result<bool, usize> {
    if len(a) != len(b) {
        return Ok(false);
    }
    for (k, v) in items(a) {
        match lookup(cx, rt, b, k)? {
            Some(w) if builtins::eq(cx, rt, v, w)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}
