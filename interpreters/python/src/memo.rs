//! Memo tables for the interpreter's own name lookups: a class attribute found through the MRO
//! (keyed by class and name), a slot found in an instance map (keyed by map and name).
//!
//! The JIT does not need these: a trace does such a lookup once, at trace time, and compiled
//! code reads a constant slot. The interpreter does it on every `obj.attr`, and a miss walks
//! the whole MRO (CPython's data-descriptor check looks a name up in the class before the
//! instance), so the interpreter keeps CPython's answer to the same cost: a direct-mapped
//! table, like CPython's type attribute cache.
//!
//! Invariants: an entry is only an answer while the table's epoch is the one it was filled
//! in; whoever changes what a lookup would answer (a class attribute set or deleted, an MRO
//! changed) calls [`Memo::forget_all`]. Maps never change once made, so their table is never
//! cleared. An entry owns its name, so a name matches by content, never by a stale address.

use rustc_hash::FxHasher;
use std::cell::{Cell, RefCell};
use std::hash::Hasher;
use std::rc::Rc;

/// Entries per table (a power of two).
const SIZE: usize = 1024;

struct Entry<V> {
    epoch: u64,
    key: u64,
    name: Option<Rc<str>>,
    value: V,
}

/// A direct-mapped table from (key, name) to a lookup's answer `V`.
pub struct Memo<V: Copy> {
    entries: RefCell<Vec<Entry<V>>>,
    /// Entries filled in another epoch are empty (epoch 0 is never current; a `u64` does not
    /// wrap).
    epoch: Cell<u64>,
}

impl<V: Copy + Default> Default for Memo<V> {
    fn default() -> Self {
        let entries = (0..SIZE).map(|_| Entry { epoch: 0, key: 0, name: None, value: V::default() }).collect();
        Memo { entries: RefCell::new(entries), epoch: Cell::new(1) }
    }
}

fn index(key: u64, name: &str) -> usize {
    let mut h = FxHasher::default();
    h.write(name.as_bytes());
    h.write_u64(key);
    (h.finish() >> 20) as usize & (SIZE - 1)
}

/// `a == b` for names, inline: names are short, and a call to `memcmp` per lookup costs more
/// than comparing them a word at a time.
#[inline]
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    match n {
        // Two overlapping words cover the name.
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        0..=7 => a.iter().zip(b).all(|(x, y)| x == y),
        _ => a == b,
    }
}

impl<V: Copy> Memo<V> {
    /// The answer remembered for (`key`, `name`), if any; else `find()`'s, remembered.
    pub fn get_or(&self, key: impl Into<u64>, name: &str, find: impl FnOnce() -> V) -> V {
        let key = key.into();
        let k = index(key, name);
        let epoch = self.epoch.get();
        {
            let entries = self.entries.borrow();
            let e = &entries[k];
            if e.epoch == epoch && e.key == key && e.name.as_deref().is_some_and(|n| same_name(n, name)) {
                return e.value;
            }
        }
        let value = find();
        let mut entries = self.entries.borrow_mut();
        let e = &mut entries[k];
        if e.name.as_deref() != Some(name) {
            e.name = Some(Rc::from(name));
        }
        (e.epoch, e.key, e.value) = (self.epoch.get(), key, value);
        value
    }

    /// The current epoch: it moves whenever every answer is forgotten.
    pub fn epoch(&self) -> u64 {
        self.epoch.get()
    }

    /// Forgets every answer (something they depended on changed).
    pub fn forget_all(&self) {
        self.epoch.set(self.epoch.get() + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_by_content_at_every_length() {
        for n in 0..40 {
            let a: String = (0..n).map(|k| (b'a' + (k % 26) as u8) as char).collect();
            let same = a.clone();
            assert!(same_name(&a, &same), "{a}");
            for k in 0..n {
                let mut other = a.clone().into_bytes();
                other[k] = b'_';
                assert!(!same_name(&a, std::str::from_utf8(&other).unwrap()), "{a} at {k}");
            }
            assert!(!same_name(&a, &format!("{a}x")));
        }
    }

    #[test]
    fn remembers_by_key_and_name_content_until_forgotten() {
        let m: Memo<i32> = Memo::default();
        let mut calls = 0;
        assert_eq!(
            m.get_or(3u32, "x", || {
                calls += 1;
                7
            }),
            7
        );
        let other = String::from("x");
        assert_eq!(
            m.get_or(3u32, &other, || {
                calls += 1;
                8
            }),
            7,
            "same name, other address"
        );
        assert_eq!(
            m.get_or(4u32, "x", || {
                calls += 1;
                9
            }),
            9,
            "other key"
        );
        assert_eq!(calls, 2);
        m.forget_all();
        assert_eq!(m.get_or(3u32, "x", || 10), 10);
    }

    #[test]
    fn colliding_entries_replace_each_other() {
        let m: Memo<u32> = Memo::default();
        for k in 0..(4 * SIZE as u32) {
            assert_eq!(m.get_or(k, "name", || k), k);
        }
        for k in 0..(4 * SIZE as u32) {
            assert_eq!(m.get_or(k, "name", || k + 1_000_000) % 1_000_000, k);
        }
    }
}
