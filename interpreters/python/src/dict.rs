//! `dict`: an insertion-ordered hash table whose keys and values live in heap arrays
//! (so the collector sees them), indexed by a Rust table (which holds no references).
//! Probing compares keys with `==`, which may run a user `__eq__`, so these operations are
//! natives (see `builtins`).
//!
//! The index is CPython's compact-dict design: entries are appended to the key and value
//! arrays (their order is the dict's order), each entry's hash is kept beside them, and an
//! open-addressing table of entry positions, probed with CPython's perturbation sequence,
//! finds a key's entry. A deleted entry leaves a null key (a tombstone) and a dummy mark in
//! the table until the arrays are compacted (`grow`).
//!
//! A user `__eq__` may change the dict it is called from: every mutation counts in the
//! index, and a probe that sees the count change under it starts over, as CPython's does.

use crate::builtins::{self, PyResult};
use crate::objects::*;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::heap::{Heap, Layout};
use metatrace::{Concrete, FieldDescr, MemKind};

/// A dict.
pub static DICT: Layout = Layout::object("dict", 40, &[16, 24]).with_finalizer(free_index);
const KEYS: FieldDescr = FieldDescr::new("dict.keys", 16, MemKind::Ref);
const VALUES: FieldDescr = FieldDescr::new("dict.values", 24, MemKind::Ref);
const USED: FieldDescr = FieldDescr::new("dict.used", 32, MemKind::I64);
const LEN: FieldDescr = FieldDescr::new("dict.len", 40, MemKind::I64);
const INDEX: FieldDescr = FieldDescr::new("dict.index", 48, MemKind::I64);

/// A table slot that never held an entry.
const EMPTY: u32 = 0;
/// A table slot whose entry was deleted: probes go on past it.
const DUMMY: u32 = u32::MAX;

/// The Rust side of a dict: entry hashes and the table that finds entries by hash.
#[derive(Default)]
struct Index {
    /// The hash of the entry at each position below `USED`.
    hashes: Vec<i64>,
    /// Open addressing: `EMPTY`, `DUMMY`, or an entry's position plus one. A power of two
    /// long (or empty), at most two thirds full of entries and dummies.
    table: Vec<u32>,
    /// Slots of `table` that are not `EMPTY`.
    filled: usize,
    /// Changes so far (a probe that called user code starts over if this moved).
    mutations: u64,
}

/// The slots of a table of `len` slots (a power of two) that hash `h` probes, in order:
/// CPython's sequence, which visits every slot eventually.
fn probe(len: usize, h: i64) -> impl Iterator<Item = usize> {
    let mask = len.wrapping_sub(1);
    let mut perturb = h as u64;
    let mut i = h as u64 as usize & mask;
    let mut first = true;
    std::iter::from_fn(move || {
        if !first {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        first = false;
        Some(i)
    })
}

impl Index {
    /// Records the entry at `pos` (its hash `h`, its key already in `keys`) in the table,
    /// making a fresh table first if it would be more than two thirds full.
    fn insert(&mut self, pos: usize, h: i64, keys: usize) {
        debug_assert_eq!(self.hashes.len(), pos);
        self.hashes.push(h);
        if (self.filled + 1) * 3 > self.table.len() * 2 {
            self.rebuild(keys);
        } else {
            self.place(pos, h);
        }
        self.mutations += 1;
    }

    fn place(&mut self, pos: usize, h: i64) {
        let slot = probe(self.table.len(), h)
            .find(|&i| self.table[i] == EMPTY || self.table[i] == DUMMY)
            .expect("a free slot");
        if self.table[slot] == EMPTY {
            self.filled += 1;
        }
        self.table[slot] = pos as u32 + 1;
    }

    /// A fresh table for the live entries (a key in `keys`), with room for one more.
    fn rebuild(&mut self, keys: usize) {
        let live: Vec<usize> = (0..self.hashes.len()).filter(|&p| item(keys, p) != 0).collect();
        let mut size = 8;
        while size * 2 < live.len() * 3 + 3 {
            size *= 2;
        }
        self.table = vec![EMPTY; size];
        self.filled = 0;
        for pos in live {
            self.place(pos, self.hashes[pos]);
        }
    }

    /// Marks the table slot of the entry at `pos` deleted.
    fn forget(&mut self, pos: usize) {
        let h = self.hashes[pos];
        let want = pos as u32 + 1;
        let slot = probe(self.table.len(), h).find(|&i| self.table[i] == want).expect("a live entry is in the table");
        self.table[slot] = DUMMY;
        self.mutations += 1;
    }
}

type Cx<'a, S> = Concrete<'a, Py<S>>;

fn free_index(obj: usize) {
    // SAFETY: run once on a dead dict, whose index field holds its boxed index (or 0).
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
    'restart: loop {
        let idx = index(d);
        if idx.table.is_empty() {
            return Ok(None);
        }
        // The index's arrays and the keys, read once: only `==` running user code can change
        // them, and every change counts in `mutations`, after which the probe starts over.
        let mutations = idx.mutations;
        let (table, hashes, mask) = (idx.table.as_ptr(), idx.hashes.as_ptr(), idx.table.len() - 1);
        let keys = word(d, &KEYS);
        // CPython's probe sequence (as `probe`).
        let mut perturb = h as u64;
        let mut slot = h as u64 as usize & mask;
        loop {
            // SAFETY: `slot <= mask`, within the table; a table entry other than EMPTY and
            // DUMMY is a position below `USED`, within `hashes` and the keys.
            let e = unsafe { *table.add(slot) };
            if e == EMPTY {
                return Ok(None);
            }
            if e != DUMMY {
                let pos = e as usize - 1;
                // SAFETY: as above.
                if unsafe { *hashes.add(pos) } == h {
                    let k = item(keys, pos);
                    debug_assert!(k != 0, "deleted entries leave the table");
                    if k == key {
                        return Ok(Some(pos));
                    }
                    let equal = if is(k, &STR) && is(key, &STR) {
                        builtins::text(k) == builtins::text(key)
                    } else {
                        let equal = builtins::eq(cx, rt, k, key)?;
                        if index(d).mutations != mutations {
                            continue 'restart;
                        }
                        equal
                    };
                    if equal {
                        return Ok(Some(pos));
                    }
                }
            }
            perturb >>= 5;
            slot = (slot.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }
}

/// The position of `key` (of hash `h`) if finding it needs no user code: `None` when a probe
/// meets a key of equal hash that only `==` could compare (see `leaf`, which traces call).
pub fn find_known(d: usize, key: usize, h: i64) -> Option<Option<usize>> {
    let idx = index(d);
    if idx.table.is_empty() {
        return Some(None);
    }
    let (table, hashes, mask) = (&idx.table, &idx.hashes, idx.table.len() - 1);
    let keys = word(d, &KEYS);
    let mut perturb = h as u64;
    let mut slot = h as u64 as usize & mask;
    loop {
        let e = table[slot];
        if e == EMPTY {
            return Some(None);
        }
        if e != DUMMY {
            let pos = e as usize - 1;
            if hashes[pos] == h {
                let k = item(keys, pos);
                if k == key || crate::leaf::same_known(k, key)? {
                    return Some(Some(pos));
                }
            }
        }
        perturb >>= 5;
        slot = (slot.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
    }
}

/// `d[key]` for a key at position `pos` (from [`find_known`]), read by a trace.
pub fn trace_value_at<S: Space, C: metatrace::Ctx<Py<S>>>(cx: &mut C, d: C::Ref, pos: C::Int) -> C::Ref {
    let values = cx.getfield_ref(d, &VALUES);
    cx.getarrayitem_ref(values, pos, &REFS_ITEMS)
}

/// `len(d)`, read by a trace.
pub fn trace_len<S: Space, C: metatrace::Ctx<Py<S>>>(cx: &mut C, d: C::Ref) -> C::Int {
    cx.getfield_int(d, &LEN)
}

/// `d[key] = v` for a key at position `pos` (from [`find_known`]), written by a trace.
pub fn trace_store_at<S: Space, C: metatrace::Ctx<Py<S>>>(cx: &mut C, d: C::Ref, pos: C::Int, v: C::Ref) {
    let values = cx.getfield_ref(d, &VALUES);
    cx.setarrayitem_ref(values, pos, &REFS_ITEMS, v);
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
    if !has_room(d) {
        grow(cx.heap_mut(), d);
    }
    append(d, key, h, v);
    Ok(())
}

/// Whether the dict's arrays have room for another entry.
pub fn has_room(d: usize) -> bool {
    word(d, &USED) < cap(word(d, &KEYS))
}

/// Adds the entry `key: v` (`key` of hash `h`, not in the dict) at the end, in arrays with
/// room for it ([`has_room`]).
pub fn append(d: usize, key: usize, h: i64, v: usize) {
    let used = word(d, &USED);
    set_item(word(d, &KEYS), used, key);
    set_item(word(d, &VALUES), used, v);
    index(d).insert(used, h, word(d, &KEYS));
    set_word(d, &USED, used + 1);
    set_word(d, &LEN, word(d, &LEN) + 1);
}

/// Makes room: compacts tombstones away and doubles the arrays if still full.
fn grow(heap: &mut Heap, d: usize) {
    let live = word(d, &LEN);
    let cap = (live * 2).max(8);
    let keys = heap.alloc_array(&REFS, cap);
    let values = heap.alloc_array(&REFS, cap);
    let idx = index(d);
    let (old_keys, old_values, used) = (word(d, &KEYS), word(d, &VALUES), word(d, &USED));
    let mut hashes = Vec::with_capacity(cap);
    for p in 0..used {
        let k = item(old_keys, p);
        if k == 0 {
            continue;
        }
        set_item(keys, hashes.len(), k);
        set_item(values, hashes.len(), item(old_values, p));
        hashes.push(idx.hashes[p]);
    }
    let n = hashes.len();
    idx.hashes = hashes;
    idx.rebuild(keys);
    idx.mutations += 1;
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
    index(d).forget(p);
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
    let idx = index(d);
    let mutations = idx.mutations + 1;
    *idx = Index { mutations, ..Index::default() };
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
