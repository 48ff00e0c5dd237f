//! What a collection does between marking and sweeping: zeroing weak fields whose target
//! died, and queueing unreachable objects of layouts with a finalizer queue for the
//! interpreter (Python's `__del__`), kept alive with everything they reach.
//!
//! A collection marks in two phases:
//! 1. from the roots (the queue of objects waiting for their finalizer is one), listing
//!    the objects it meets that have weak fields; then every weak field of those whose target
//!    is a heap object left unmarked is zeroed;
//! 2. if some registered object (of a layout with a finalizer queue, not queued yet) is
//!    unmarked, it is queued, in allocation order, and marked with everything it reaches, as
//!    the interpreter's finalizer may look at all of it. Weak fields met in this phase are
//!    zeroed if their target is dead or was only reached in this phase: an object waiting for
//!    its finalizer is already unreachable for weak references, as in CPython (PEP 442).
//!
//! Every object of such a layout is registered when it is allocated (compiled code allocates
//! them through the slow path) and leaves the registry when it is queued, so each is queued
//! once; after the interpreter took it and ran its finalizer, it is an ordinary object, freed
//! by the first collection that finds it unreachable (its Rust finalizer, if any, runs then).
//! The objects unreachable together are queued together, in no particular order of
//! references between them (as CPython does for cycles).

use super::{Heap, Layout};
use rustc_hash::FxHashSet;

/// Whether the object at `p` is marked.
///
/// # Safety
/// `p` is an object of the heap (word 1 holds its mark bit).
unsafe fn is_marked(p: usize) -> bool {
    // SAFETY: forwarded.
    unsafe { *((p + 8) as *const usize) & 1 != 0 }
}

impl Heap {
    /// Marks everything reachable from `roots` and from the objects waiting for their
    /// finalizer, zeroes dead weak references, and queues newly unreachable registered
    /// objects (see the module notes); returns the bytes marked and the external bytes the
    /// marked objects own.
    pub(super) fn mark(&mut self, roots: &[usize]) -> (usize, usize) {
        let (mut live, mut external, mut stack, mut holders) = (0, 0, Vec::new(), Vec::new());
        for &r in roots.iter().chain(&self.finalizable) {
            self.grey(r, &mut stack, &mut live, true);
        }
        self.drain(&mut stack, (&mut live, &mut external), &mut holders, None);
        self.clear_weak(&holders, |_| false);
        if !self.with_del.is_empty() {
            self.queue_unreachable((&mut live, &mut external));
        }
        (live, external)
    }

    /// Phase 2: queues the registered objects left unmarked and marks what they reach.
    fn queue_unreachable(&mut self, (live, external): (&mut usize, &mut usize)) {
        let mut stack = Vec::new();
        let mut kept = Vec::with_capacity(self.with_del.len());
        for p in std::mem::take(&mut self.with_del) {
            // SAFETY: registered objects are live objects of this heap until queued.
            if unsafe { is_marked(p) } {
                kept.push(p);
            } else {
                self.finalizable.push_back(p);
                self.stats.finalizable_queued += 1;
                self.grey(p, &mut stack, live, false);
            }
        }
        self.with_del = kept;
        if stack.is_empty() {
            return;
        }
        let (mut holders, mut scanned) = (Vec::new(), Vec::new());
        self.drain(&mut stack, (live, external), &mut holders, Some(&mut scanned));
        let resurrected: FxHashSet<usize> = scanned.into_iter().collect();
        self.clear_weak(&holders, |t| resurrected.contains(&t));
    }

    /// Zeroes the weak fields of `holders` (marked objects) whose target is a heap object
    /// that is unmarked or `dead` says is dead.
    fn clear_weak(&mut self, holders: &[usize], dead: impl Fn(usize) -> bool) {
        let mut cleared = 0;
        for &h in holders {
            // SAFETY: `h` is a marked object: word 0 is its layout.
            let layout = unsafe { &*(*(h as *const usize) as *const Layout) };
            for &off in layout.weak {
                let field = (h + off as usize) as *mut usize;
                // SAFETY: `off` is the offset of a weak field of this layout.
                let t = unsafe { *field };
                // Every page is swept while marking (see `collect`), so `object_size` says
                // whether `t` is an object, and its mark bit whether it is reached.
                // SAFETY: `t` is an object of this heap when object_size says so.
                if t != 0 && self.object_size(t).is_some() && (!unsafe { is_marked(t) } || dead(t)) {
                    // SAFETY: as above: a weak field of a live object.
                    unsafe { *field = 0 };
                    cleared += 1;
                }
            }
        }
        self.stats.weak_cleared += cleared;
    }

    /// Takes the oldest object waiting for its interpreter-level finalizer (see
    /// [`Layout::with_finalizer_queue`]), if any. The object is no longer a root of the heap:
    /// the caller keeps it where the collector sees it (a frame) until its finalizer ran.
    /// Interpreters poll with `Ctx::take_finalizable`.
    ///
    /// ```
    /// use metatrace::heap::{Heap, Layout};
    /// static RES: Layout = Layout::object("Resource", 8, &[]).with_finalizer_queue();
    /// let mut heap = Heap::new(false);
    /// let r = heap.alloc(&RES);
    /// heap.collect(&[]); // unreachable: queued, not freed
    /// assert_eq!(heap.take_finalizable(), Some(r));
    /// assert_eq!(heap.object_size(r), Some(32));
    /// heap.collect(&[]); // unreachable again: freed this time
    /// assert_eq!(heap.take_finalizable(), None);
    /// heap.collect(&[]);
    /// assert_eq!(heap.object_size(r), None);
    /// ```
    pub fn take_finalizable(&mut self) -> Option<usize> {
        self.finalizable.pop_front()
    }

    /// Registers `p`, an object of this heap of any layout, for interpreter-level
    /// finalization, as allocation registers the objects of a layout with a finalizer queue:
    /// the first collection that finds it unreachable queues it (see
    /// [`Heap::take_finalizable`]) instead of freeing it. For interpreters whose objects need
    /// a finalizer depending on more than their layout (an instance of a Python class with
    /// `__del__`); the caller registers an object once. Compiled code must not remove the
    /// allocation of such an object: registering it through a residual call does so.
    ///
    /// ```
    /// use metatrace::heap::{Heap, Layout};
    /// static OBJ: Layout = Layout::object("Obj", 8, &[]);
    /// let mut heap = Heap::new(false);
    /// let (a, b) = (heap.alloc(&OBJ), heap.alloc(&OBJ));
    /// heap.register_finalizer(a);
    /// heap.collect(&[]);
    /// assert_eq!(heap.take_finalizable(), Some(a)); // queued, and alive until collected again
    /// assert_eq!((heap.object_size(a), heap.object_size(b)), (Some(32), None));
    /// ```
    ///
    /// Panics if `p` is not a live object of this heap (collections read its header).
    pub fn register_finalizer(&mut self, p: usize) {
        assert!(self.object_size(p).is_some(), "register_finalizer: {p:#x} is not a live object of this heap");
        self.with_del.push(p);
    }

    /// Takes every registered object not queued yet (all reachable as of the last
    /// collection), in allocation order, leaving the registry empty: what an interpreter
    /// finalizes when the program ends, as CPython runs `__del__` for the objects still
    /// alive at exit. They are no longer roots: the caller keeps them where the collector sees
    /// them while it uses them.
    pub fn take_registered(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.with_del)
    }

    /// How many objects are registered for finalization and not queued yet.
    pub fn registered_len(&self) -> usize {
        self.with_del.len()
    }

    /// How many objects wait for their interpreter-level finalizer.
    pub fn finalizable_len(&self) -> usize {
        self.finalizable.len()
    }
}

/// `Ctx::take_finalizable` in compiled code: `(heap) -> object or 0`.
pub(crate) extern "C" fn take_finalizable_helper(heap: u64) -> u64 {
    // SAFETY: `heap` is the address of the Vm's heap, which outlives its compiled code and is
    // not otherwise borrowed while compiled code runs.
    let heap = unsafe { &mut *(heap as *mut Heap) };
    heap.take_finalizable().unwrap_or(0) as u64
}

/// How many objects wait for their finalizer, for compiled code: `(heap) -> count` (reads
/// only).
pub(crate) extern "C" fn finalizable_len_helper(heap: u64) -> u64 {
    // SAFETY: as in `take_finalizable_helper`.
    let heap = unsafe { &*(heap as *const Heap) };
    heap.finalizable_len() as u64
}
