//! A list kept in shared chunks ([`Chunked`]), so that the lists of consecutive guards (a
//! snapshot's virtual objects, the resume data the toolchain keeps per exit) grow with what
//! changes between guards, not with list length times guards.
//!
//! **The idea.** An inlined callee that assigns its locals one by one, each a boxed number the
//! optimizer keeps virtual, gives its `k`-th guard `k` virtual objects: a thousand locals make
//! half a million list entries over the callee's guards, while each guard adds one. The list
//! is cut in chunks of [`CHUNK`] entries, each behind an `Rc`, and a list built
//! [`Chunked::sharing`] the previous guard's reuses every chunk that holds the same entries at
//! the same place. Lists that extend one another (the common case: new objects come last)
//! share all their full chunks, and the list of those chunks too while the last one fills: a
//! guard that adds one entry to the list of the guard before costs a copy of the last chunk.
//! It is [`Slots`](super::Slots)' idea, for lists of any entry.
//!
//! **Invariants.** Chunks are immutable once shared (a rewrite copies the chunks it changes).
//! Every chunk but the last holds exactly `CHUNK` entries; the last holds 1 to `CHUNK`; an
//! empty list has no chunk. Sharing is a matter of memory only: a chunk is reused only when
//! every entry is the same (by the caller's `same`, identity for `Rc`s), so a list always
//! holds exactly the entries it was made from, and equality is by content.
//!
//! **What it does not do.** It does not share chunks at different positions (an entry
//! inserted in the middle changes every chunk after it) and it does not make building a list
//! cheaper than its length (each list is still compared entry by entry with the one before).
//! Lists are built whole, from a slice; there is no `push`.

use std::rc::Rc;

/// Entries per chunk: a chunk of operands is 512 bytes, and a 1,000-slot frame is 32 chunk
/// pointers.
pub const CHUNK: usize = 32;

/// `values` cut in chunks of [`CHUNK`], reusing each chunk of `like` that holds the same
/// entries (by `same`) at the same place.
pub(super) fn share_chunks<T: Clone>(values: &[T], like: &[Rc<[T]>], same: impl Fn(&T, &T) -> bool) -> Vec<Rc<[T]>> {
    values
        .chunks(CHUNK)
        .enumerate()
        .map(|(k, c)| match like.get(k) {
            Some(old) if old.len() == c.len() && old.iter().zip(c).all(|(a, b)| same(a, b)) => old.clone(),
            _ => Rc::from(c),
        })
        .collect()
}

/// A list in chunks shared between lists (see the module docs).
#[derive(Clone)]
pub struct Chunked<T> {
    /// The full chunks (`None`: none). The list of them is shared too, with the list before
    /// when it has the same ones: a list one longer than the one before shares it while its
    /// last chunk fills.
    full: Option<Rc<[Rc<[T]>]>>,
    /// The last chunk if it is not full (1 to `CHUNK - 1` entries).
    tail: Option<Rc<[T]>>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked { full: None, tail: None }
    }
}

impl<T: Clone> Chunked<T> {
    /// `values`, reusing each chunk of `like` that holds the same entries (by `same`) at the
    /// same place, and `like`'s list of full chunks if all of them are reused.
    pub fn sharing(values: &[T], like: Option<&Chunked<T>>, same: impl Fn(&T, &T) -> bool) -> Self {
        let n = values.len() / CHUNK * CHUNK;
        let like_full = like.map_or(&[][..], |l| l.full());
        let full = share_chunks(&values[..n], like_full, &same);
        let full = match like {
            _ if full.is_empty() => None,
            Some(l) if like_full.len() == full.len() && like_full.iter().zip(&full).all(|(a, b)| Rc::ptr_eq(a, b)) => {
                l.full.clone()
            }
            _ => Some(full.into()),
        };
        let tail = (n < values.len()).then(|| {
            let rest = &values[n..];
            match like.and_then(|l| l.tail.as_ref().filter(|_| l.full().len() * CHUNK == n)) {
                Some(t) if t.len() == rest.len() && t.iter().zip(rest).all(|(a, b)| same(a, b)) => t.clone(),
                _ => Rc::from(rest),
            }
        });
        Chunked { full, tail }
    }

    /// Replaces every entry `x` for which `f(x)` is `Some`, in order. A chunk nothing in it
    /// changes stays shared; a changed one is copied.
    pub fn rewrite(&mut self, mut f: impl FnMut(&T) -> Option<T>) {
        let mut renamed = |c: &Rc<[T]>| {
            let mut copy: Option<Vec<T>> = None;
            for (i, x) in c.iter().enumerate() {
                if let Some(n) = f(x) {
                    copy.get_or_insert_with(|| c.to_vec())[i] = n;
                }
            }
            copy.map(Rc::from)
        };
        if let Some(full) = &mut self.full {
            for k in 0..full.len() {
                if let Some(c) = renamed(&full[k]) {
                    Rc::make_mut(full)[k] = c;
                }
            }
        }
        if let Some(t) = &mut self.tail {
            if let Some(c) = renamed(t) {
                *t = c;
            }
        }
    }
}

impl<T> Chunked<T> {
    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.full().len() * CHUNK + self.tail.as_ref().map_or(0, |t| t.len())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.full.is_none() && self.tail.is_none()
    }

    /// The full chunks.
    fn full(&self) -> &[Rc<[T]>] {
        self.full.as_deref().unwrap_or(&[])
    }

    /// The chunks in order.
    fn chunks(&self) -> std::iter::Chain<std::slice::Iter<'_, Rc<[T]>>, std::option::Iter<'_, Rc<[T]>>> {
        self.full().iter().chain(self.tail.iter())
    }

    /// The entries in order.
    pub fn iter(&self) -> ChunkedIter<'_, T> {
        self.into_iter()
    }

    /// Entry `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&T> {
        match self.full().get(i / CHUNK) {
            Some(c) => c.get(i % CHUNK),
            None if i / CHUNK == self.full().len() => self.tail.as_ref().and_then(|t| t.get(i % CHUNK)),
            None => None,
        }
    }

    /// How many chunks this list shares with `other` (the same allocation), for tests of
    /// sharing.
    #[doc(hidden)]
    pub fn shared_with(&self, other: &Chunked<T>) -> usize {
        self.chunks().zip(other.chunks()).filter(|(a, b)| Rc::ptr_eq(a, b)).count()
    }

    /// Whether this list shares its list of full chunks with `other`'s (for tests).
    #[doc(hidden)]
    pub fn shares_full_chunks_with(&self, other: &Chunked<T>) -> bool {
        match (&self.full, &other.full) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl<T: Clone> From<Vec<T>> for Chunked<T> {
    fn from(v: Vec<T>) -> Self {
        Chunked::sharing(&v, None, |_, _| false)
    }
}

impl<T: Clone> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Self {
        Chunked::from(it.into_iter().collect::<Vec<_>>())
    }
}

/// The entries of a [`Chunked`] in order.
pub type ChunkedIter<'a, T> = std::iter::FlatMap<
    std::iter::Chain<std::slice::Iter<'a, Rc<[T]>>, std::option::Iter<'a, Rc<[T]>>>,
    &'a [T],
    fn(&'a Rc<[T]>) -> &'a [T],
>;

impl<'a, T> IntoIterator for &'a Chunked<T> {
    type Item = &'a T;
    type IntoIter = ChunkedIter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.chunks().flat_map(|c| &c[..])
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        self.get(i).unwrap_or_else(|| panic!("index {i} out of a list of {}", self.len()))
    }
}

impl<T: PartialEq> PartialEq for Chunked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.chunks().zip(other.chunks()).all(|(a, b)| Rc::ptr_eq(a, b) || **a == **b)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Chunked<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(a: &u32, b: &u32) -> bool {
        a == b
    }

    #[test]
    fn a_list_extending_the_previous_one_shares_its_full_chunks() {
        let first: Vec<u32> = (0..70).collect();
        let a = Chunked::sharing(&first, None, eq);
        let b = Chunked::sharing(&(0..71).collect::<Vec<_>>(), Some(&a), eq);
        assert_eq!(b.iter().copied().collect::<Vec<_>>(), (0..71).collect::<Vec<_>>());
        // Chunks 0..32 and 32..64 are the same, and so is the list of them; the last one grew.
        assert_eq!(b.shared_with(&a), 2);
        assert!(b.shares_full_chunks_with(&a));
        assert_eq!((b.len(), b.get(70), b.get(71), b[33]), (71, Some(&70), None, 33));
    }

    #[test]
    fn a_chunk_is_reused_only_when_every_entry_is_the_same() {
        let a = Chunked::sharing(&(0..64).collect::<Vec<_>>(), None, eq);
        let mut changed: Vec<u32> = (0..64).collect();
        changed[40] = 1000;
        let b = Chunked::sharing(&changed, Some(&a), eq);
        assert_eq!(b.shared_with(&a), 1);
        assert!(!b.shares_full_chunks_with(&a));
        assert_eq!(b.iter().copied().collect::<Vec<_>>(), changed);
        assert_ne!(a, b);
        // A different length in the last chunk is a different chunk.
        let c = Chunked::sharing(&(0..40).collect::<Vec<_>>(), Some(&a), eq);
        assert_eq!((c.shared_with(&a), c.len()), (1, 40));
    }

    #[test]
    fn a_rewrite_copies_only_the_chunks_it_changes() {
        let a: Chunked<u32> = (0..100).collect();
        let mut b = a.clone();
        b.rewrite(|&x| (x == 70).then_some(7000));
        assert_eq!((b[70], a[70]), (7000, 70), "the shared chunk was copied, not written");
        assert_eq!(b.shared_with(&a), 3, "chunks 0, 1 and 3 stay shared");
        let mut c = b.clone();
        c.rewrite(|&x| (x == 7000).then_some(70));
        assert_eq!(c, a, "equality is by content");
        assert_eq!((c.get(99), c.get(100), c.iter().rev().next()), (Some(&99), None, Some(&99)));
    }

    #[test]
    fn an_empty_list_has_no_chunks() {
        let e = Chunked::<u32>::sharing(&[], None, eq);
        assert!(e.is_empty());
        assert_eq!(e.iter().count(), 0);
        assert_eq!(e, Chunked::default());
    }
}
