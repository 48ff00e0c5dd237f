//! A list that the exits of a trace keep in shared chunks ([`Chunked`]), so that resume data
//! lists (a guard's virtual objects, the slots that stand for them) grow with what changes
//! between guards, not with list length times guards.
//!
//! **The idea.** An inlined callee that assigns its locals one by one, each a boxed number the
//! optimizer keeps virtual, gives its `k`-th guard `k` virtual objects: a thousand locals make
//! half a million list entries over the callee's guards, while each guard adds one. The list
//! is cut in chunks of `metatrace_jit::ir::CHUNK` (32) entries, each behind an `Rc`, and a list
//! built [`Chunked::sharing`] the previous exit's reuses every chunk that holds the same
//! entries at the same place. Lists that extend one another (the common case: new virtuals
//! come last) share all their full chunks. It is `metatrace_jit::ir::Slots`' idea, and its
//! code (`share_chunks`), applied to the toolchain's resume data.
//!
//! **Invariants.** Chunks are never written once made. Every chunk but the last holds exactly
//! `CHUNK` entries; the last holds 1 to `CHUNK`; an empty list has no chunk. Sharing is a
//! matter of memory only: a chunk is reused only when every entry is the same (by the caller's
//! `same`, identity for `Rc`s), so a list always holds exactly the entries it was made from.
//!
//! **What it does not do.** It does not share chunks at different positions (an entry
//! inserted in the middle changes every chunk after it) and it does not make building a list
//! cheaper than its length (each exit's list is still compared entry by entry).

use std::rc::Rc;

/// A list in chunks shared between lists (see the module docs).
pub(crate) struct Chunked<T> {
    chunks: Vec<Rc<[T]>>,
    len: usize,
}

impl<T: Clone> Chunked<T> {
    /// `values`, reusing each chunk of `like` that holds the same entries (by `same`) at the
    /// same place.
    pub(crate) fn sharing(values: &[T], like: Option<&Chunked<T>>, same: impl Fn(&T, &T) -> bool) -> Self {
        let chunks = metatrace_jit::ir::share_chunks(values, like.map_or(&[], |l| &l.chunks[..]), same);
        Chunked { chunks, len: values.len() }
    }
}

impl<T> Chunked<T> {
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entries in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> + Clone {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    /// How many chunks this list shares with `other` (the same allocation).
    #[cfg(test)]
    pub(crate) fn shared_with(&self, other: &Chunked<T>) -> usize {
        self.chunks.iter().zip(&other.chunks).filter(|(a, b)| Rc::ptr_eq(a, b)).count()
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
        // Chunks 0..32 and 32..64 are the same; the last one grew.
        assert_eq!(b.shared_with(&a), 2);
        assert_eq!((b.len, b.iter().nth(70), b.iter().nth(71)), (71, Some(&70), None));
    }

    #[test]
    fn a_chunk_is_reused_only_when_every_entry_is_the_same() {
        let a = Chunked::sharing(&(0..64).collect::<Vec<_>>(), None, eq);
        let mut changed: Vec<u32> = (0..64).collect();
        changed[40] = 1000;
        let b = Chunked::sharing(&changed, Some(&a), eq);
        assert_eq!(b.shared_with(&a), 1);
        assert_eq!(b.iter().copied().collect::<Vec<_>>(), changed);
        // A different length in the last chunk is a different chunk.
        let c = Chunked::sharing(&(0..40).collect::<Vec<_>>(), Some(&a), eq);
        assert_eq!((c.shared_with(&a), c.len), (1, 40));
    }

    #[test]
    fn an_empty_list_has_no_chunks() {
        let e = Chunked::<u32>::sharing(&[], None, eq);
        assert!(e.is_empty());
        assert_eq!(e.iter().count(), 0);
    }
}
