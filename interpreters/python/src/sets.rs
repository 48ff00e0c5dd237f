//! `set` and `frozenset`: CPython's open-addressing table (`Objects/setobject.c`), so that
//! sets iterate (and print) in CPython's order: a slot is the hash modulo the table size,
//! collisions probe up to 9 neighbours and then jump with a perturbation of the hash; tables
//! start at 8 slots and grow when three fifths are filled; a removed entry leaves a dummy.
//! The operations (`|`, `&`, `-`, `^`, copies, updates) follow CPython's algorithms step by
//! step, as which operand is iterated decides the order of the result.
//!
//! The keys live in a heap array with one slot per table slot (null: unused or dummy), so
//! the collector sees them; their hashes and the counters live in Rust beside it.

use crate::builtins::{self, PyResult};
use crate::dict;
use crate::objects::*;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::heap::{Heap, Layout};
use metatrace::{Concrete, Ctx, FieldDescr, MemKind};
use smallvec::{smallvec, SmallVec};

pub static SET: Layout = Layout::object("set", 16, &[16]).with_finalizer(free_table);
pub static FROZENSET: Layout = Layout::object("frozenset", 16, &[16]).with_finalizer(free_table);
const KEYS: FieldDescr = FieldDescr::new("set.keys", 16, MemKind::Ref);
const TABLE: FieldDescr = FieldDescr::new("set.table", 24, MemKind::I64);

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash of a dummy slot (a removed entry); no key hashes to -1.
const DUMMY: i64 = -1;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// The Rust side of a set: the hash of each slot, and CPython's counters.
struct Table {
    /// (Inline up to `MINSIZE` slots: a small set takes one allocation here, not two.)
    hashes: SmallVec<[i64; MINSIZE]>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` looks first.
    finger: usize,
}

fn free_table(obj: usize) {
    // SAFETY: run once on a dead set, whose table field holds its boxed table (or 0).
    unsafe {
        let p = *((obj + TABLE.offset as usize) as *const *mut Table);
        if !p.is_null() {
            drop(Box::from_raw(p));
        }
    }
}

/// Whether `o` is a set or a frozenset.
pub fn is_any(o: usize) -> bool {
    is(o, &SET) || is(o, &FROZENSET)
}
/// Whether `o` is a (mutable) set.
pub fn is_set(o: usize) -> bool {
    is(o, &SET)
}
/// Whether `o` is a frozenset.
pub fn is_frozen(o: usize) -> bool {
    is(o, &FROZENSET)
}

fn keys_arr(s: usize) -> usize {
    // SAFETY: callers pass live sets.
    unsafe { read_word(s, &KEYS) as usize }
}
fn table<'a>(s: usize) -> &'a mut Table {
    // SAFETY: a live set's table is its own box, used by one native at a time.
    unsafe { &mut *(read_word(s, &TABLE) as *mut Table) }
}
fn key_at(s: usize, i: usize) -> usize {
    // SAFETY: `i` is within the table, whose keys array has one item per slot.
    unsafe { *((keys_arr(s) + REFS_ITEMS.base as usize + 8 * i) as *const usize) }
}
fn set_key_at(s: usize, i: usize, k: usize) {
    // SAFETY: as in `key_at`.
    unsafe { *((keys_arr(s) + REFS_ITEMS.base as usize + 8 * i) as *mut usize) = k }
}
fn mask(s: usize) -> usize {
    table(s).hashes.len() - 1
}

/// Gives set `s` a new keys array of `size` empty slots.
fn install_keys(heap: &mut Heap, s: usize, size: usize) {
    let keys = heap.alloc_array(&REFS, size);
    // SAFETY: `s` is a live set.
    unsafe { *((s + KEYS.offset as usize) as *mut usize) = keys };
}

/// A new empty set (`frozen`: a frozenset).
pub fn new(heap: &mut Heap, frozen: bool) -> usize {
    let s = heap.alloc(if frozen { &FROZENSET } else { &SET });
    install_keys(heap, s, MINSIZE);
    let t = Box::new(Table { hashes: smallvec![0; MINSIZE], fill: 0, used: 0, finger: 0 });
    // SAFETY: just allocated.
    unsafe { *((s + TABLE.offset as usize) as *mut usize) = Box::into_raw(t) as usize };
    s
}

/// A new empty set of the same kind as `s`.
fn new_like(heap: &mut Heap, s: usize) -> usize {
    new(heap, is_frozen(s))
}

pub fn len(s: usize) -> usize {
    table(s).used
}

/// The keys in table order (CPython's iteration order).
pub fn keys(s: usize) -> Vec<usize> {
    (0..=mask(s)).map(|i| key_at(s, i)).filter(|&k| k != 0).collect()
}

/// The first key in a slot at or after `pos`: (its slot, key).
pub fn entry_from(s: usize, pos: usize) -> Option<(usize, usize)> {
    (pos..=mask(s)).map(|i| (i, key_at(s, i))).find(|e| e.1 != 0)
}

/// The active entries (key, hash) in table order.
fn entries(s: usize) -> Vec<(usize, i64)> {
    entries_iter(s).collect()
}

fn entries_iter(s: usize) -> impl Iterator<Item = (usize, i64)> {
    let t = table(s);
    (0..t.hashes.len()).filter_map(move |i| Some((key_at(s, i), t.hashes[i])).filter(|e| e.0 != 0))
}

/// Whether `a` and `b` are the same key without user code (identity, or equal strs or
/// exact ints); `None` when only `==` can tell.
#[inline]
fn same_fast(a: usize, b: usize) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if is(a, &INT) && is(b, &INT) {
        // SAFETY: two live ints.
        return Some(unsafe { read_word(a, &INT_VALUE) == read_word(b, &INT_VALUE) });
    }
    if is(a, &STR) && is(b, &STR) {
        return Some(builtins::text(a) == builtins::text(b));
    }
    None
}

/// Where a probe found `key`: an active slot, or the first free slot (and the last dummy
/// passed on the way).
enum Probe {
    Active(usize),
    Free { unused: usize, dummy: Option<usize> },
}

/// CPython's probe for `key` of hash `h` (`set_lookkey` / `set_add_entry`); equality may run
/// user code, after which a changed table restarts the probe.
fn probe<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, key: usize, h: i64) -> Result<Probe, usize> {
    probe_with(s, key, h, |a, b| builtins::eq(cx, rt, a, b))
}

/// `probe` with the equality `eq` (of keys of equal hashes that `same_fast` cannot tell).
#[inline]
fn probe_with(
    s: usize,
    key: usize,
    h: i64,
    mut eq: impl FnMut(usize, usize) -> Result<bool, usize>,
) -> Result<Probe, usize> {
    'restart: loop {
        // The table's two arrays, read once: only `eq` (user code) can replace them, and the
        // probe starts over when it has.
        let arr = keys_arr(s);
        let (hashes, m) = (table(s).hashes.as_ptr(), mask(s));
        let keys = (arr + REFS_ITEMS.base as usize) as *const usize;
        let mut perturb = h as u64;
        let mut i = (h as u64 as usize) & m;
        let mut dummy = None;
        loop {
            let probes = if i + LINEAR_PROBES <= m { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                // SAFETY: `j <= m`: a slot of the table, whose arrays have `m + 1` items;
                // both are the set's current ones (checked after every call of `eq`).
                let (k, eh) = unsafe { (*keys.add(j), *hashes.add(j)) };
                if k == 0 {
                    if eh == 0 {
                        return Ok(Probe::Free { unused: j, dummy });
                    }
                    // (CPython reuses the last dummy passed.)
                    dummy = Some(j);
                    continue;
                }
                if eh != h {
                    continue;
                }
                let equal = match same_fast(k, key) {
                    Some(same) => same,
                    None => {
                        let equal = eq(k, key)?;
                        if keys_arr(s) != arr || table(s).hashes.as_ptr() != hashes || key_at(s, j) != k {
                            continue 'restart;
                        }
                        equal
                    }
                };
                if equal {
                    return Ok(Probe::Active(j));
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & m;
        }
    }
}

/// Puts `key` of hash `h` in the first unused slot of its probe sequence (a table without
/// dummies and without `key`).
fn insert_clean(s: usize, key: usize, h: i64) {
    let m = mask(s);
    let mut perturb = h as u64;
    let mut i = (h as u64 as usize) & m;
    loop {
        let probes = if i + LINEAR_PROBES <= m { LINEAR_PROBES } else { 0 };
        for j in i..=i + probes {
            if key_at(s, j) == 0 {
                set_key_at(s, j, key);
                table(s).hashes[j] = h;
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & m;
    }
}

/// Rebuilds the table with the smallest power-of-two size above `minused`, dropping dummies.
fn resize(heap: &mut Heap, s: usize, minused: usize) {
    let mut size = MINSIZE;
    while size <= minused {
        size <<= 1;
    }
    // (On the stack for the sizes most sets have.)
    let old: SmallVec<[(usize, i64); 2 * MINSIZE]> = entries_iter(s).collect();
    install_keys(heap, s, size);
    let t = table(s);
    t.hashes = smallvec![0; size];
    t.fill = old.len();
    t.used = old.len();
    for (k, h) in old {
        insert_clean(s, k, h);
    }
}

/// Adds `key` of hash `h`; whether it was new.
fn add_entry<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, key: usize, h: i64) -> Result<bool, usize> {
    let found = probe(cx, rt, s, key, h)?;
    Ok(place(cx.heap_mut(), s, key, h, found))
}

/// Stores a new key where a probe for it ended (growing the table as CPython does).
fn place(heap: &mut Heap, s: usize, key: usize, h: i64, found: Probe) -> bool {
    let (unused, dummy) = match found {
        Probe::Active(_) => return false,
        Probe::Free { unused, dummy } => (unused, dummy),
    };
    let t = table(s);
    t.used += 1;
    if let Some(d) = dummy {
        set_key_at(s, d, key);
        t.hashes[d] = h;
        return true;
    }
    t.fill += 1;
    set_key_at(s, unused, key);
    t.hashes[unused] = h;
    let m = t.hashes.len() - 1;
    if t.fill * 5 >= m * 3 {
        let used = t.used;
        resize(heap, s, if used > 50000 { used * 2 } else { used * 4 });
    }
    true
}

/// The frozenset constant of a set display of constants (`{1, 2, 3}` is compiled, as by
/// CPython, to an empty set updated with a frozenset constant): built without user code.
pub fn from_consts(heap: &mut Heap, items: &[usize]) -> usize {
    let s = new(heap, true);
    for &k in items {
        let h = const_hash(k);
        let found = probe_with(s, k, h, |a, b| Ok(const_eq(a, b)));
        if let Ok(found) = found {
            place(heap, s, k, h, found);
        }
    }
    s
}

/// The hash of a constant (an int, float, str, tuple of constants, ...), without user code.
fn const_hash(o: usize) -> i64 {
    if is(o, &STR) {
        return crate::format::str_hash(builtins::text(o));
    }
    if is(o, &crate::bytes::BYTES) {
        return crate::bytes::hash(crate::bytes::data(o));
    }
    if is(o, &FLOAT) {
        return crate::format::float_hash(peek_f64(o).unwrap_or(0.0));
    }
    if let Some(b) = peek_bigint(o) {
        return crate::format::int_hash(&b);
    }
    if is(o, &TUPLE) {
        let items = crate::runtime::tuple_items(o);
        return builtins::tuple_hash(items.iter().map(|&i| const_hash(i)), items.len());
    }
    (o >> 4) as i64
}

/// `a == b` for constants.
fn const_eq(a: usize, b: usize) -> bool {
    if a == b {
        return true;
    }
    if is(a, &STR) || is(b, &STR) {
        return is(a, &STR) && is(b, &STR) && builtins::text(a) == builtins::text(b);
    }
    if is(a, &crate::bytes::BYTES) || is(b, &crate::bytes::BYTES) {
        let both = is(a, &crate::bytes::BYTES) && is(b, &crate::bytes::BYTES);
        return both && crate::bytes::data(a) == crate::bytes::data(b);
    }
    if let (Some(x), Some(y)) = (peek_bigint(a), peek_bigint(b)) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (peek_f64(a), peek_f64(b)) {
        return x == y;
    }
    if is(a, &TUPLE) && is(b, &TUPLE) {
        let (xs, ys) = (crate::runtime::tuple_items(a), crate::runtime::tuple_items(b));
        return xs.len() == ys.len() && xs.iter().zip(&ys).all(|(&x, &y)| const_eq(x, y));
    }
    false
}

/// `s.add(key)`.
pub fn add<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, key: usize) -> Result<(), usize> {
    let h = builtins::hash(cx, rt, key)?;
    add_entry(cx, rt, s, key, h).map(|_| ())
}

fn contains_entry<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, key: usize, h: i64) -> Result<bool, usize> {
    Ok(matches!(probe(cx, rt, s, key, h)?, Probe::Active(_)))
}

/// `key in s`. As in CPython, a set key is looked up as the frozenset of its items.
pub fn contains<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, key: usize) -> Result<bool, usize> {
    let key = frozen_key(cx, rt, key)?;
    let h = builtins::hash(cx, rt, key)?;
    contains_entry(cx, rt, s, key, h)
}

/// Whether `key` (of hash `h`, not a set) is in `s`, if telling needs no user code: `None`
/// when a probe meets a key of equal hash that only `==` could compare (see `leaf`).
pub fn contains_known(s: usize, key: usize, h: i64) -> Option<bool> {
    // (`probe_with` asks `eq` only for keys `same_fast` cannot tell: `Err(0)` gives up.)
    match probe_with(s, key, h, |_, _| Err(0)) {
        Ok(p) => Some(matches!(p, Probe::Active(_))),
        Err(_) => None,
    }
}

/// `s.add(key)` (`key` of hash `h`, not a set) if that needs neither user code nor a bigger
/// table; false leaves it to `add` (see `leaf`). With `apply` false, only whether it could.
pub fn add_known(s: usize, key: usize, h: i64, apply: bool) -> bool {
    let Ok(found) = probe_with(s, key, h, |_, _| Err(0)) else { return false };
    // As `place` does, short of growing the table (which allocates).
    let Probe::Free { unused, dummy } = found else { return true };
    let t = table(s);
    if dummy.is_none() && (t.fill + 1) * 5 >= (t.hashes.len() - 1) * 3 {
        return false;
    }
    if !apply {
        return true;
    }
    let slot = dummy.unwrap_or_else(|| {
        t.fill += 1;
        unused
    });
    t.used += 1;
    t.hashes[slot] = h;
    set_key_at(s, slot, key);
    true
}

/// `s.discard(key)` (`key` of hash `h`, not a set) if that needs no user code; false leaves
/// it to `discard` (see `leaf`). With `apply` false, only whether it could.
pub fn discard_known(s: usize, key: usize, h: i64, apply: bool) -> bool {
    match probe_with(s, key, h, |_, _| Err(0)) {
        Ok(Probe::Active(j)) => {
            if apply {
                set_key_at(s, j, 0);
                let t = table(s);
                t.hashes[j] = DUMMY;
                t.used -= 1;
            }
            true
        }
        Ok(Probe::Free { .. }) => true,
        Err(_) => false,
    }
}

/// A set used as a key (in `in`, `remove`, `discard`) stands for the frozenset of its items.
fn frozen_key<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, key: usize) -> PyResult {
    if !is_set(key) {
        return Ok(key);
    }
    let f = new(cx.heap_mut(), true);
    let _ = cx.root(f);
    merge(cx, rt, f, key)?;
    Ok(f)
}

fn discard_entry<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, key: usize, h: i64) -> Result<bool, usize> {
    match probe(cx, rt, s, key, h)? {
        Probe::Active(j) => {
            set_key_at(s, j, 0);
            let t = table(s);
            t.hashes[j] = DUMMY;
            t.used -= 1;
            Ok(true)
        }
        Probe::Free { .. } => Ok(false),
    }
}

/// `s.discard(key)`: whether it was there.
pub fn discard<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, key: usize) -> Result<bool, usize> {
    let key = frozen_key(cx, rt, key)?;
    let h = builtins::hash(cx, rt, key)?;
    discard_entry(cx, rt, s, key, h)
}

/// Empties `s` (back to the smallest table).
pub fn clear(heap: &mut Heap, s: usize) {
    install_keys(heap, s, MINSIZE);
    let t = table(s);
    t.hashes = smallvec![0; MINSIZE];
    t.fill = 0;
    t.used = 0;
}

/// `s.pop()`: the first key from the finger on; `None` when empty.
pub fn pop(s: usize) -> Option<usize> {
    let t = table(s);
    if t.used == 0 {
        return None;
    }
    let m = t.hashes.len() - 1;
    let mut i = t.finger & m;
    while key_at(s, i) == 0 {
        i = if i == m { 0 } else { i + 1 };
    }
    let k = key_at(s, i);
    set_key_at(s, i, 0);
    t.hashes[i] = DUMMY;
    t.used -= 1;
    t.finger = i + 1;
    Some(k)
}

/// Exchanges the contents of two sets (`intersection_update` computes into a new set).
fn swap_bodies(a: usize, b: usize) {
    // SAFETY: two live sets: their keys and table words trade places.
    unsafe {
        for f in [&KEYS, &TABLE] {
            let pa = (a + f.offset as usize) as *mut usize;
            let pb = (b + f.offset as usize) as *mut usize;
            std::ptr::swap(pa, pb);
        }
    }
}

/// `set_merge`: adds every key of set `other` to `s`.
fn merge<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> Result<(), usize> {
    let (o_used, o_fill, o_mask) = (table(other).used, table(other).fill, mask(other));
    if other == s || o_used == 0 {
        return Ok(());
    }
    if (table(s).fill + o_used) * 5 >= mask(s) * 3 {
        let used = table(s).used;
        resize(cx.heap_mut(), s, (used + o_used) * 2);
    }
    if table(s).fill == 0 && mask(s) == o_mask && o_fill == o_used {
        // Same size, no dummies: slot for slot.
        for i in 0..=o_mask {
            let k = key_at(other, i);
            if k != 0 {
                set_key_at(s, i, k);
                table(s).hashes[i] = table(other).hashes[i];
            }
        }
        table(s).fill = o_fill;
        table(s).used = o_used;
        return Ok(());
    }
    if table(s).fill == 0 {
        table(s).fill = o_used;
        table(s).used = o_used;
        for (k, h) in entries(other) {
            insert_clean(s, k, h);
        }
        return Ok(());
    }
    for (k, h) in entries(other) {
        add_entry(cx, rt, s, k, h)?;
    }
    Ok(())
}

/// `set_update_internal`: adds the items of any iterable.
pub fn update<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> Result<(), usize> {
    if is_any(other) {
        return merge(cx, rt, s, other);
    }
    if dict::is_dict(other) {
        let n = dict::len(other);
        if (table(s).fill + n) * 5 >= mask(s) * 3 {
            let used = table(s).used;
            resize(cx.heap_mut(), s, (used + n) * 2);
        }
        for (k, _) in dict::items(other) {
            let h = builtins::hash(cx, rt, k)?;
            add_entry(cx, rt, s, k, h)?;
        }
        return Ok(());
    }
    let it = builtins::iter(cx, rt, other)?;
    let _ = cx.root(it);
    while let Some(k) = builtins::next(cx, rt, it)? {
        let _ = cx.root(k);
        add(cx, rt, s, k)?;
    }
    Ok(())
}

/// `set(iterable)` / `frozenset(iterable)`.
pub fn make<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, frozen: bool, iterable: Option<usize>) -> PyResult {
    if let Some(i) = iterable.filter(|&i| frozen && is_frozen(i)) {
        return Ok(i);
    }
    let s = new(cx.heap_mut(), frozen);
    let _ = cx.root(s);
    if let Some(i) = iterable {
        update(cx, rt, s, i)?;
    }
    Ok(s)
}

/// A copy of `s` of the same kind (`set_copy`).
pub fn copy<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize) -> PyResult {
    let out = new_like(cx.heap_mut(), s);
    let _ = cx.root(out);
    merge(cx, rt, out, s)?;
    Ok(out)
}

/// `s | o` and `s.union(*others)`.
pub fn union<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, others: &[usize]) -> PyResult {
    let out = copy(cx, rt, s)?;
    for &o in others {
        if o != s {
            update(cx, rt, out, o)?;
        }
    }
    Ok(out)
}

/// `s & o` (`set_intersection`): iterates the smaller set.
pub fn intersection<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> PyResult {
    if s == other {
        return copy(cx, rt, s);
    }
    let out = new_like(cx.heap_mut(), s);
    let _ = cx.root(out);
    if is_any(other) {
        let (big, small) = if len(other) > len(s) { (other, s) } else { (s, other) };
        for (k, h) in entries(small) {
            if contains_entry(cx, rt, big, k, h)? {
                add_entry(cx, rt, out, k, h)?;
            }
        }
        return Ok(out);
    }
    let it = builtins::iter(cx, rt, other)?;
    let _ = cx.root(it);
    while let Some(k) = builtins::next(cx, rt, it)? {
        let _ = cx.root(k);
        let h = builtins::hash(cx, rt, k)?;
        if contains_entry(cx, rt, s, k, h)? {
            add_entry(cx, rt, out, k, h)?;
        }
    }
    Ok(out)
}

/// `s.intersection(*others)`.
pub fn intersection_multi<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, others: &[usize]) -> PyResult {
    if others.is_empty() {
        return copy(cx, rt, s);
    }
    let mut out = s;
    for &o in others {
        out = intersection(cx, rt, out, o)?;
        let _ = cx.root(out);
    }
    Ok(out)
}

/// `s.intersection_update(*others)` / `s &= o`.
pub fn intersection_update<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, others: &[usize]) -> Result<(), usize> {
    let tmp = intersection_multi(cx, rt, s, others)?;
    if tmp != s {
        swap_bodies(s, tmp);
    }
    Ok(())
}

/// `s - o` (`set_difference`).
pub fn difference<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> PyResult {
    let other_len = if is_any(other) {
        len(other)
    } else if dict::is_dict(other) {
        dict::len(other)
    } else {
        return copy_and_difference(cx, rt, s, other);
    };
    if (len(s) >> 2) > other_len {
        return copy_and_difference(cx, rt, s, other);
    }
    let out = new_like(cx.heap_mut(), s);
    let _ = cx.root(out);
    for (k, h) in entries(s) {
        let found = if dict::is_dict(other) {
            dict::lookup(cx, rt, other, k)?.is_some()
        } else {
            contains_entry(cx, rt, other, k, h)?
        };
        if !found {
            add_entry(cx, rt, out, k, h)?;
        }
    }
    Ok(out)
}

fn copy_and_difference<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> PyResult {
    let out = copy(cx, rt, s)?;
    difference_update(cx, rt, out, other)?;
    Ok(out)
}

/// `s.difference(*others)`.
pub fn difference_multi<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, others: &[usize]) -> PyResult {
    let Some((&first, rest)) = others.split_first() else { return copy(cx, rt, s) };
    let out = difference(cx, rt, s, first)?;
    let _ = cx.root(out);
    for &o in rest {
        difference_update(cx, rt, out, o)?;
    }
    Ok(out)
}

/// `s -= o` (`set_difference_update_internal`).
pub fn difference_update<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> Result<(), usize> {
    if s == other {
        clear(cx.heap_mut(), s);
        return Ok(());
    }
    if is_any(other) {
        let other = if (len(other) >> 3) > len(s) { intersection(cx, rt, s, other)? } else { other };
        let _ = cx.root(other);
        for (k, h) in entries(other) {
            discard_entry(cx, rt, s, k, h)?;
        }
    } else {
        let it = builtins::iter(cx, rt, other)?;
        let _ = cx.root(it);
        while let Some(k) = builtins::next(cx, rt, it)? {
            let _ = cx.root(k);
            discard(cx, rt, s, k)?;
        }
    }
    let t = table(s);
    if t.fill - t.used > (t.hashes.len() - 1) / 4 {
        let used = t.used;
        resize(cx.heap_mut(), s, if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

/// `s ^= o` (`set_symmetric_difference_update`).
pub fn symmetric_difference_update<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    s: usize,
    other: usize,
) -> Result<(), usize> {
    if s == other {
        clear(cx.heap_mut(), s);
        return Ok(());
    }
    let pairs = if dict::is_dict(other) {
        let mut v = Vec::new();
        for (k, _) in dict::items(other) {
            v.push((k, builtins::hash(cx, rt, k)?));
        }
        v
    } else {
        let o = if is_any(other) { other } else { make(cx, rt, is_frozen(s), Some(other))? };
        let _ = cx.root(o);
        entries(o)
    };
    for (k, h) in pairs {
        if !discard_entry(cx, rt, s, k, h)? {
            add_entry(cx, rt, s, k, h)?;
        }
    }
    Ok(())
}

/// `s ^ o` (`set_symmetric_difference`): a copy of `o`, updated with `s`.
pub fn symmetric_difference<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> PyResult {
    let out = new_like(cx.heap_mut(), s);
    let _ = cx.root(out);
    update(cx, rt, out, other)?;
    symmetric_difference_update(cx, rt, out, s)?;
    Ok(out)
}

/// `s <= o` for any iterable `o`.
pub fn issubset<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> Result<bool, usize> {
    let other = if is_any(other) { other } else { make(cx, rt, false, Some(other))? };
    if len(s) > len(other) {
        return Ok(false);
    }
    for (k, h) in entries(s) {
        if !contains_entry(cx, rt, other, k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `s >= o` for any iterable `o`.
pub fn issuperset<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> Result<bool, usize> {
    let other = if is_any(other) { other } else { make(cx, rt, false, Some(other))? };
    issubset(cx, rt, other, s)
}

/// `s.isdisjoint(o)`.
pub fn isdisjoint<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize, other: usize) -> Result<bool, usize> {
    if s == other {
        return Ok(len(s) == 0);
    }
    if is_any(other) {
        let (big, small) = if len(other) > len(s) { (other, s) } else { (s, other) };
        for (k, h) in entries(small) {
            if contains_entry(cx, rt, big, k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = builtins::iter(cx, rt, other)?;
    let _ = cx.root(it);
    while let Some(k) = builtins::next(cx, rt, it)? {
        let _ = cx.root(k);
        if contains(cx, rt, s, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a op b` for two sets (`|`, `&`, `-`, `^`); the result has the kind of `a`. `None`: not
/// a set operator (or not two sets).
pub fn binary<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    op: crate::bytecode::BinOp,
    a: usize,
    b: usize,
) -> Option<PyResult> {
    use crate::bytecode::BinOp;
    if !is_any(a) || !is_any(b) {
        return None;
    }
    Some(match op {
        BinOp::Or => union(cx, rt, a, &[b]),
        BinOp::And => intersection(cx, rt, a, b),
        BinOp::Sub => difference(cx, rt, a, b),
        BinOp::Xor => symmetric_difference(cx, rt, a, b),
        _ => return None,
    })
}

/// `a op= b` for a set `a` and a set `b`, in place. `None`: not a set operator.
pub fn inplace<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    op: crate::bytecode::BinOp,
    a: usize,
    b: usize,
) -> Option<Result<(), usize>> {
    use crate::bytecode::BinOp;
    if !is_set(a) || !is_any(b) {
        return None;
    }
    Some(match op {
        BinOp::Or => update(cx, rt, a, b),
        BinOp::And => intersection_update(cx, rt, a, &[b]),
        BinOp::Sub => difference_update(cx, rt, a, b),
        BinOp::Xor => symmetric_difference_update(cx, rt, a, b),
        _ => return None,
    })
}

/// `a op b` comparisons of two sets (subset order); `None` when `b` is not a set.
pub fn compare<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    op: crate::bytecode::CmpOp,
    a: usize,
    b: usize,
) -> Option<Result<bool, usize>> {
    use crate::bytecode::CmpOp;
    if !is_any(a) || !is_any(b) {
        return None;
    }
    let (la, lb) = (len(a), len(b));
    Some(match op {
        CmpOp::Eq => {
            if la != lb {
                Ok(false)
            } else {
                issubset(cx, rt, a, b)
            }
        }
        CmpOp::Ne => {
            if la != lb {
                Ok(true)
            } else {
                issubset(cx, rt, a, b).map(|r| !r)
            }
        }
        CmpOp::Le => issubset(cx, rt, a, b),
        CmpOp::Ge => issuperset(cx, rt, a, b),
        CmpOp::Lt => {
            if la >= lb {
                Ok(false)
            } else {
                issubset(cx, rt, a, b)
            }
        }
        CmpOp::Gt => {
            if la <= lb {
                Ok(false)
            } else {
                issuperset(cx, rt, a, b)
            }
        }
        _ => return None,
    })
}

/// CPython's hash of a frozenset (independent of the order of its entries).
pub fn hash(s: usize) -> i64 {
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut h: u64 = 0;
    for (_, eh) in entries(s) {
        h ^= shuffle(eh as u64);
    }
    h ^= (len(s) as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        590923713
    } else {
        h as i64
    }
}

/// `repr(s)`: `{1, 2}`, `set()`, `frozenset({1, 2})`, `frozenset()`.
pub fn repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, s: usize) -> Result<String, usize> {
    let name = if is_frozen(s) { "frozenset" } else { "set" };
    let ks = keys(s);
    if ks.is_empty() {
        return Ok(format!("{name}()"));
    }
    let mut parts = Vec::with_capacity(ks.len());
    for k in ks {
        parts.push(builtins::to_repr(cx, rt, k)?);
    }
    let body = format!("{{{}}}", parts.join(", "));
    Ok(if is_frozen(s) { format!("frozenset({body})") } else { body })
}

/// Calling the class `set` or `frozenset` (`name`).
pub fn construct<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    name: &str,
    args: &[usize],
    kw: &[(std::rc::Rc<str>, usize)],
) -> PyResult {
    if !kw.is_empty() {
        return builtins::err(cx, rt, "TypeError", &format!("{name}() takes no keyword arguments"));
    }
    if args.len() > 1 {
        let msg = format!("{name} expected at most 1 argument, got {}", args.len());
        return builtins::err(cx, rt, "TypeError", &msg);
    }
    make(cx, rt, name == "frozenset", args.first().copied())
}
