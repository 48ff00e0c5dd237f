//! A snapshot frame's slots ([`Slots`]): a persistent vector of operands in shared chunks, so
//! that the guards of a wide frame share what did not change between them.
//!
//! **The idea.** Every guard's snapshot lists every red slot of every frame. On a frame with
//! a thousand locals that is sixteen kilobytes per guard and per copy of the trace, while
//! between two consecutive guards one or two slots change. PyPy shares unchanged frames
//! between consecutive snapshots; here a frame's slots are cut in chunks of [`CHUNK`]
//! operands, each behind an `Rc`, and a snapshot that differs from the previous one in one
//! slot owns one new chunk and shares the others. A caller frame, unchanged for all the
//! guards inside an inlined call, is shared whole (chunk by chunk).
//!
//! **Where sharing comes from.**
//! - The recorder builds the frame of each boundary a guard needs with [`Slots::sharing`],
//!   against the frame the previous snapshot had at that depth: a chunk equal to the
//!   previous one is reused.
//!   A frame built whole outside a boundary (a loop's jump, the check before a trace enters a
//!   loop at its label) is built against the last snapshot's too, and a recording's first
//!   boundary against the first snapshot of the trace compiled last (`Recorder::like`).
//! - Copies of a snapshot ([`Clone`]) share every chunk.
//! - A pass that renames operands goes through [`Slots::rewrite`] with a [`SlotsMemo`]: a
//!   chunk nothing in it changes stays as it is, and a changed chunk whose result equals the
//!   result the memo holds for the same input chunk reuses that result. So N guards that share
//!   a chunk share its renamed copy too, and renaming never loses sharing.
//!
//! **Invariants.** Chunks are immutable once shared (writes go through `Rc::make_mut`, which
//! copies a shared chunk). Every chunk but the last holds exactly [`CHUNK`] operands; the last
//! holds 1 to `CHUNK`; an empty frame has no chunk. Equality is by content: sharing is a
//! matter of memory, never of meaning. A plain memo's entry is a guess, checked operand by
//! operand before it is reused, so a pass whose renaming changes as it walks stays correct;
//! a trusting memo's entry is a promise its pass makes (see [`SlotsMemo`]), which debug
//! builds check.
//!
//! **What it does not do.** It does not share between frames at different depths or of
//! different widths except by chunk contents, and it does not make the per-guard work of the
//! backend smaller (an exit still writes every slot): it bounds the optimizer's memory.

use super::chunked::{share_chunks, CHUNK};
use super::Operand;
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// A snapshot frame's red values, in chunks shared between snapshots (see the module docs).
#[derive(Clone, Default)]
pub struct Slots {
    chunks: Vec<Rc<[Operand]>>,
}

/// What a pass renamed each input chunk to, so that guards sharing a chunk share its
/// renamed copy (see [`Slots::rewrite`]). One memo per pass (or per renaming); it keeps the
/// input chunks alive, so their addresses stay unique while it lives.
///
/// A *trusting* memo ([`SlotsMemo::trusting`]) is for a renaming that answers the same for
/// the same operand until its owner says otherwise ([`SlotsMemo::invalidate`]): a chunk it has
/// seen since is renamed by a lookup, without a look at its operands (on a wide frame, most
/// of a pass's time). A memo [`trusting_if`](SlotsMemo::trusting_if) trusts only the chunks
/// whose renamed copy passes a test (for a renaming that is stable for some operands only).
/// Other memos are guesses, checked operand by operand.
#[derive(Debug, Default)]
pub struct SlotsMemo {
    /// Input chunk (by address) -> (the chunk, its renamed copy, the epoch it was made in, or
    /// [`UNTRUSTED`] for a copy that must be checked).
    renamed: FxHashMap<usize, (Rc<[Operand]>, Rc<[Operand]>, u64)>,
    trusting: bool,
    /// For a memo trusting some chunks only: which renamed copies it may reuse unseen.
    trust: Option<fn(&[Operand]) -> bool>,
    epoch: u64,
}

/// The epoch of a memo entry that is never reused without a look (no epoch reaches it).
const UNTRUSTED: u64 = u64::MAX;

impl SlotsMemo {
    /// A memo for a renaming that stays the same until [`invalidate`](Self::invalidate)d.
    pub fn trusting() -> SlotsMemo {
        SlotsMemo { trusting: true, ..SlotsMemo::default() }
    }

    /// A memo for a renaming that stays the same, until [`invalidate`](Self::invalidate)d,
    /// for the chunks whose renamed copy passes `trust`; the others are checked as a plain
    /// memo's are. (Allocation removal's encoding of snapshots: a slot naming a virtual object
    /// becomes its number in the snapshot, which depends on the slots before it; any other
    /// slot becomes what its value is known to be, which stays so until invalidated.)
    pub fn trusting_if(trust: fn(&[Operand]) -> bool) -> SlotsMemo {
        SlotsMemo { trusting: true, trust: Some(trust), ..SlotsMemo::default() }
    }

    /// The epoch to record for a renamed copy `done`.
    fn epoch_of(&self, done: &[Operand]) -> u64 {
        match self.trust {
            Some(trust) if !trust(done) => UNTRUSTED,
            _ => self.epoch,
        }
    }

    /// The renaming changed: what the memo holds is checked again before it is reused.
    pub fn invalidate(&mut self) {
        self.epoch += 1;
    }
}

impl Slots {
    /// No slots.
    pub fn new() -> Slots {
        Slots::default()
    }

    /// The slots `values`, sharing the chunks of `like` that hold the same operands at the
    /// same positions (`like`: usually the frame at the same depth in the previous snapshot).
    pub fn sharing(values: &[Operand], like: Option<&Slots>) -> Slots {
        Slots { chunks: share_chunks(values, like.map_or(&[], |l| &l.chunks[..]), |a, b| a == b) }
    }

    /// How many slots there are.
    pub fn len(&self) -> usize {
        match self.chunks.last() {
            Some(last) => (self.chunks.len() - 1) * CHUNK + last.len(),
            None => 0,
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// The slots, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Operand> + Clone {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    /// Slot `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&Operand> {
        self.chunks.get(i / CHUNK).and_then(|c| c.get(i % CHUNK))
    }

    /// The last slot.
    pub fn last(&self) -> Option<&Operand> {
        self.chunks.last().and_then(|c| c.last())
    }

    /// The slots as a plain vector.
    pub fn to_vec(&self) -> Vec<Operand> {
        let mut v = Vec::with_capacity(self.len());
        self.chunks.iter().for_each(|c| v.extend_from_slice(c));
        v
    }

    /// Appends `o` (copies the last chunk: appending is rare, a delivered call outcome).
    pub fn push(&mut self, o: Operand) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => {
                let mut v = last.to_vec();
                v.push(o);
                *last = Rc::from(v);
            }
            _ => self.chunks.push(Rc::from([o].as_slice())),
        }
    }

    /// Sets slot `i` to `o` (copies its chunk if it is shared and `o` is new there).
    ///
    /// # Panics
    /// If there is no slot `i`.
    pub fn set(&mut self, i: usize, o: Operand) {
        let c = &mut self.chunks[i / CHUNK];
        if c[i % CHUNK] != o {
            Rc::make_mut(c)[i % CHUNK] = o;
        }
    }

    /// Replaces every slot `o` for which `f(o)` is `Some` (in order; `f` must answer the same
    /// for the same operand within one call, and, for a trusting `memo`, within the memo's
    /// epoch: for a memo [`trusting_if`](SlotsMemo::trusting_if), for the operands of the
    /// chunks whose renamed copies pass its test). Chunks nothing changes in stay shared; a
    /// changed chunk reuses the copy `memo` made of the same input chunk when it comes out the
    /// same (a trusting memo: when it was made in this epoch, without a look at the chunk).
    pub fn rewrite(&mut self, memo: &mut SlotsMemo, mut f: impl FnMut(Operand) -> Option<Operand>) {
        let mut buf = [Operand::Int(0); CHUNK];
        for c in &mut self.chunks {
            let key = Rc::as_ptr(c) as *const Operand as usize;
            if memo.trusting {
                if let Some((_, done, _)) = memo.renamed.get(&key).filter(|e| e.2 == memo.epoch) {
                    debug_assert!(
                        c.iter().zip(done.iter()).all(|(&x, &d)| f(x).unwrap_or(x) == d),
                        "a trusting memo's renaming changed within an epoch"
                    );
                    *c = done.clone();
                    continue;
                }
            }
            let out = &mut buf[..c.len()];
            let mut changed = false;
            for (o, &x) in out.iter_mut().zip(c.iter()) {
                *o = match f(x) {
                    Some(n) => {
                        changed |= n != x;
                        n
                    }
                    None => x,
                };
            }
            if !changed {
                if memo.trusting {
                    let epoch = memo.epoch_of(c);
                    memo.renamed.insert(key, (c.clone(), c.clone(), epoch));
                }
                continue;
            }
            let epoch = memo.epoch_of(out);
            match memo.renamed.get_mut(&key) {
                Some((_, done, e)) if **done == *out => {
                    *e = epoch;
                    *c = done.clone();
                }
                _ => {
                    let done: Rc<[Operand]> = Rc::from(&*out);
                    memo.renamed.insert(key, (c.clone(), done.clone(), epoch));
                    *c = done;
                }
            }
        }
    }

    /// The chunks, for consumers that key work by chunk (their addresses are stable while
    /// the slots live).
    pub fn chunks(&self) -> &[Rc<[Operand]>] {
        &self.chunks
    }
}

impl From<&[Operand]> for Slots {
    fn from(v: &[Operand]) -> Slots {
        Slots::sharing(v, None)
    }
}

impl From<Vec<Operand>> for Slots {
    fn from(v: Vec<Operand>) -> Slots {
        Slots::sharing(&v, None)
    }
}

impl FromIterator<Operand> for Slots {
    fn from_iter<I: IntoIterator<Item = Operand>>(it: I) -> Slots {
        Slots::from(it.into_iter().collect::<Vec<_>>())
    }
}

impl std::ops::Index<usize> for Slots {
    type Output = Operand;
    fn index(&self, i: usize) -> &Operand {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl PartialEq for Slots {
    fn eq(&self, other: &Slots) -> bool {
        self.chunks.len() == other.chunks.len()
            && self.chunks.iter().zip(&other.chunks).all(|(a, b)| Rc::ptr_eq(a, b) || **a == **b)
    }
}

impl std::fmt::Debug for Slots {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Value;

    fn ops(n: usize) -> Vec<Operand> {
        (0..n).map(|k| Operand::Value(Value(k as u32))).collect()
    }

    #[test]
    fn slots_keep_their_operands_in_order_across_chunks() {
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5] {
            let mut s = Slots::from(ops(n));
            assert_eq!(s.len(), n);
            assert_eq!(s.to_vec(), ops(n));
            assert_eq!(s.iter().rev().copied().collect::<Vec<_>>(), ops(n).into_iter().rev().collect::<Vec<_>>());
            s.push(Operand::Int(7));
            assert_eq!(s.len(), n + 1);
            assert_eq!(s[n], Operand::Int(7));
            assert_eq!(s.last(), Some(&Operand::Int(7)));
            assert_eq!(s.get(n + 1), None);
        }
    }

    #[test]
    fn a_frame_that_changed_in_one_slot_shares_its_other_chunks() {
        let a = Slots::from(ops(1000));
        let mut v = ops(1000);
        v[40] = Operand::Int(1);
        let b = Slots::sharing(&v, Some(&a));
        assert_eq!(b.to_vec(), v);
        let shared = a.chunks().iter().zip(b.chunks()).filter(|(x, y)| Rc::ptr_eq(x, y)).count();
        assert_eq!(shared, a.chunks().len() - 1, "only the chunk of slot 40 is new");
        assert_ne!(a, b);
        let mut c = b.clone();
        c.set(40, Operand::Value(Value(40)));
        assert_eq!(c, a, "equality is by content");
        assert_eq!(b[40], Operand::Int(1), "set copies a shared chunk");
    }

    #[test]
    fn renaming_shared_chunks_through_a_memo_keeps_them_shared() {
        let a = Slots::from(ops(100));
        let (mut x, mut y) = (a.clone(), a.clone());
        let mut memo = SlotsMemo::default();
        let ren = |o: Operand| (o == Operand::Value(Value(3))).then_some(Operand::Int(3));
        x.rewrite(&mut memo, ren);
        y.rewrite(&mut memo, ren);
        assert_eq!(x[3], Operand::Int(3));
        assert!(Rc::ptr_eq(&x.chunks()[0], &y.chunks()[0]), "one renamed copy for both");
        assert!(Rc::ptr_eq(&x.chunks()[1], &a.chunks()[1]), "unchanged chunks stay as they were");
        // A renaming that answers differently later gets its own copy: the memo is checked.
        let mut z = a.clone();
        z.rewrite(&mut memo, |o| (o == Operand::Value(Value(3))).then_some(Operand::Int(4)));
        assert_eq!(z[3], Operand::Int(4));
        assert_eq!(x[3], Operand::Int(3));
    }

    #[test]
    fn a_trusting_memo_renames_a_chunk_it_has_seen_by_lookup_until_invalidated() {
        let a = Slots::from(ops(40));
        let mut memo = SlotsMemo::trusting();
        let (mut x, mut y, mut z) = (a.clone(), a.clone(), a.clone());
        let ren = |o: Operand| (o == Operand::Value(Value(3))).then_some(Operand::Int(3));
        x.rewrite(&mut memo, ren);
        // Within the epoch the renaming is trusted: the chunk is renamed by lookup (debug
        // builds check that `f` agrees).
        y.rewrite(&mut memo, ren);
        assert!(Rc::ptr_eq(&x.chunks()[0], &y.chunks()[0]));
        assert!(Rc::ptr_eq(&x.chunks()[1], &a.chunks()[1]), "an unchanged chunk stays itself");
        memo.invalidate();
        z.rewrite(&mut memo, |o| (o == Operand::Value(Value(35))).then_some(Operand::Int(35)));
        assert_eq!((z[3], z[35]), (Operand::Value(Value(3)), Operand::Int(35)));
    }

    #[test]
    fn a_memo_trusting_some_chunks_looks_again_at_the_others() {
        // Slot 3 is renamed to a number that changes from call to call (as a virtual's number
        // in a snapshot does); chunks without it are trusted.
        fn plain(c: &[Operand]) -> bool {
            !c.iter().any(|o| matches!(o, Operand::Virtual(_)))
        }
        let a = Slots::from(ops(2 * CHUNK));
        let mut memo = SlotsMemo::trusting_if(plain);
        let mut calls = 0;
        let mut rename = |a: &Slots, k: u32| {
            let mut x = a.clone();
            x.rewrite(&mut memo, |o| {
                calls += 1;
                (o == Operand::Value(Value(3))).then_some(Operand::Virtual(k))
            });
            x
        };
        let x = rename(&a, 0);
        let y = rename(&a, 1);
        assert_eq!((x[3], y[3]), (Operand::Virtual(0), Operand::Virtual(1)), "the untrusted chunk is renamed again");
        assert!(Rc::ptr_eq(&x.chunks()[1], &y.chunks()[1]), "the trusted chunk is shared");
        // The second rename looked at the untrusted chunk only (debug builds call `f` on the
        // trusted one too, to check it).
        assert_eq!(calls, if cfg!(debug_assertions) { 4 } else { 3 } * CHUNK);
    }
}
