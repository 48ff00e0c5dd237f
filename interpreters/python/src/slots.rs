//! A frame's locals and value stack, in one allocation made when the frame is.
//!
//! The locals come first (as many as the code has `varnames`), then room for the value stack
//! (the code's `stacksize`, which the compiler computes). Both are sized when the frame is
//! made, so a push is one store and one compare, a pop one load, and a frame moved from
//! function to function is a few words, not its values. One allocation per call is cheaper
//! than what it replaces (two inline arrays that made every push check where its storage
//! was and every frame move copy them).
//!
//! Past the stack's room a push still works: it grows the allocation (a path the compiler's
//! stack depths keep unused, kept so that a wrong depth is slow, not wrong).
//!
//! The interpreter's own frames (whose values are plain words) take their allocation from a
//! [`SlotPool`] and give it back when they are dropped: a call then costs no `malloc` and
//! `free`, which were the biggest single cost of a Python call. Frames of other red families
//! (the tracer's) allocate each time; the choice is by type, made when the code is compiled.
//!
//! A generator's frame resumed in the interpreter runs in the generator's own saved array
//! ([`Slots::in_heap`]): resuming it and yielding then copy nothing. Such slots do not own
//! their memory (the heap does), and a push past their room moves them to an array of their
//! own, which the next yield copies back.

use std::any::Any;
use std::cell::RefCell;
use std::ptr::NonNull;

/// Slot arrays of finished frames, by length, for the next frames of the same length. Only
/// short arrays are kept, and only so many of each length: what deep recursion frees beyond
/// that goes back to the system.
pub struct SlotPool {
    /// By length (0 to `POOLED_LEN`).
    free: RefCell<[Vec<Box<[usize]>>; POOLED_LEN + 1]>,
}

impl Default for SlotPool {
    fn default() -> Self {
        SlotPool { free: RefCell::new(std::array::from_fn(|_| Vec::new())) }
    }
}

/// The longest slot array a pool keeps (in words).
const POOLED_LEN: usize = 64;
/// How many arrays of one length a pool keeps.
const POOLED_PER_LEN: usize = 32;

impl SlotPool {
    #[inline(always)]
    fn take(&self, len: usize) -> Option<Box<[usize]>> {
        self.free.borrow_mut().get_mut(len)?.pop()
    }
    #[inline(always)]
    fn give(&self, items: Box<[usize]>) {
        let mut free = self.free.borrow_mut();
        if let Some(same) = free.get_mut(items.len()).filter(|same| same.len() < POOLED_PER_LEN) {
            same.push(items);
        }
    }
}

/// A frame's locals, then its value stack.
pub struct Slots<T> {
    /// The array: `len` items, the frame's own (from a pool or the allocator) when `owned`,
    /// else a heap array that outlives the frame (see [`Slots::in_heap`]).
    ptr: NonNull<T>,
    len: usize,
    /// (Words, not `u32`s: two halves written apart and read as one word stall the CPU
    /// whenever the struct is copied right after it is made.)
    nlocals: usize,
    /// The index the next push writes: `nlocals` plus the values on the stack.
    top: usize,
    owned: bool,
}

impl<T> Drop for Slots<T> {
    fn drop(&mut self) {
        if self.owned {
            // SAFETY: an owned array came from `Box::into_raw` of `len` items (see `own`),
            // and nothing else refers to it.
            drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.len)) });
        }
    }
}

impl<T: Copy + 'static> Slots<T> {
    /// Slots owning `items`.
    #[inline(always)]
    fn own(items: Box<[T]>, nlocals: usize, top: usize) -> Self {
        let len = items.len();
        // SAFETY: `Box::into_raw` is never null.
        let ptr = unsafe { NonNull::new_unchecked(Box::into_raw(items) as *mut T) };
        Slots { ptr, len, nlocals, top, owned: true }
    }

    /// [`Slots::new`], with the allocation from `pool` when it has one. (Inlined, so a frame
    /// gets its slots as values rather than as a struct copied from memory written just
    /// before, which stalls.)
    #[inline(always)]
    pub fn new_in(pool: &SlotPool, nlocals: usize, stacksize: usize, fill: T) -> Self {
        let mut reused = pool.take(nlocals + stacksize);
        // (Plain words only: for any other `T` the downcast fails, and that is known when
        // this is compiled.)
        let items = match (&mut reused as &mut dyn Any).downcast_mut::<Option<Box<[T]>>>().and_then(Option::take) {
            Some(mut items) => {
                // (The stack's room is written before it is read: only the locals need it.)
                items[..nlocals].fill(fill);
                items
            }
            None => Self::fresh(nlocals + stacksize, fill),
        };
        // (Made here from values in registers: a `Slots` returned through memory and copied
        // into the frame at once is read back wider than it was written, which stalls.)
        Self::own(items, nlocals, nlocals)
    }

    /// [`Slots::new_in`] with the first locals set to `args` (at most `nlocals` of them), the
    /// rest to `fill`.
    #[inline(always)]
    pub fn with_args_in(pool: &SlotPool, nlocals: usize, stacksize: usize, args: &[T], fill: T) -> Self {
        debug_assert!(args.len() <= nlocals, "the arguments are locals");
        let mut reused = pool.take(nlocals + stacksize);
        let items = match (&mut reused as &mut dyn Any).downcast_mut::<Option<Box<[T]>>>().and_then(Option::take) {
            Some(mut items) => {
                // One pass, not a `memcpy` and a `memset`: a frame has a few locals, and a
                // call of each costs more than the stores. (The selection keeps the compiler
                // from making the loop those calls again.)
                for (i, slot) in items[..nlocals].iter_mut().enumerate() {
                    *slot = if i < args.len() { args[i] } else { fill };
                }
                items
            }
            None => {
                let mut items = Self::fresh(nlocals + stacksize, fill);
                items[..args.len()].copy_from_slice(args);
                items
            }
        };
        Self::own(items, nlocals, nlocals)
    }

    /// Slots that live in `len` items at `items`, memory this value does not own: the
    /// locals are the first `nlocals`, the stack the `depth` after them. Reads and writes go
    /// to that memory; dropping the slots leaves it as it is.
    ///
    /// # Safety
    /// The memory holds `len` initialized items, stays allocated and is not moved while the
    /// slots live, and nothing reads or writes it through a reference while they do (a
    /// generator's saved frame, which only the frame resuming it touches: see `generators`).
    #[inline(always)]
    pub unsafe fn in_heap(items: NonNull<T>, len: usize, nlocals: usize, depth: usize) -> Self {
        assert!(nlocals + depth <= len, "the saved stack fits its array");
        Slots { ptr: items, len, nlocals, top: nlocals + depth, owned: false }
    }

    /// Whether these slots live at `items` (see [`Slots::in_heap`]).
    #[inline(always)]
    pub fn lives_at(&self, items: *const T) -> bool {
        std::ptr::eq(self.ptr.as_ptr(), items)
    }

    #[inline(always)]
    fn items(&self) -> &[T] {
        // SAFETY: `ptr` holds `len` initialized items (owned, or as `in_heap` requires).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
    #[inline(always)]
    fn items_mut(&mut self) -> &mut [T] {
        // SAFETY: as in `items`; `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// Gives the allocation to `pool` (for words; anything else is freed), leaving these
    /// slots empty.
    #[inline]
    pub fn recycle(&mut self, pool: &SlotPool) {
        if self.owned {
            // (Not owned any more: dropping these slots then frees nothing.)
            self.owned = false;
            // SAFETY: owned: the array came from `Box::into_raw` (see `own`), and nothing
            // else refers to it.
            let items = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.len)) };
            let mut items = Some(items);
            if let Some(words) =
                (&mut items as &mut dyn Any).downcast_mut::<Option<Box<[usize]>>>().and_then(Option::take)
            {
                pool.give(words);
            }
        }
        self.len = 0;
        self.nlocals = 0;
        self.top = 0;
    }

    /// `nlocals` locals set to `fill`, and an empty stack with room for `stacksize` values.
    pub fn new(nlocals: usize, stacksize: usize, fill: T) -> Self {
        Self::own(Self::fresh(nlocals + stacksize, fill), nlocals, nlocals)
    }

    /// A new array of `len` slots set to `fill`.
    fn fresh(len: usize, fill: T) -> Box<[T]> {
        // Not `vec![fill; n]`: with a zero fill that is `calloc`, which glibc serves without
        // its per-thread cache, several times slower than `malloc` for a frame's few words.
        let mut items = Vec::with_capacity(len);
        items.resize(len, fill);
        items.into_boxed_slice()
    }

    #[inline(always)]
    pub fn locals(&self) -> &[T] {
        &self.items()[..self.nlocals]
    }
    #[inline(always)]
    pub fn locals_mut(&mut self) -> &mut [T] {
        let n = self.nlocals;
        &mut self.items_mut()[..n]
    }
    #[inline(always)]
    pub fn local(&self, i: usize) -> T {
        // (Indexed in the whole array: one bounds check, not two. The compiler numbers
        // locals below `nlocals`; debug builds check that too.)
        debug_assert!(i < self.nlocals);
        self.items()[i]
    }
    #[inline(always)]
    pub fn set_local(&mut self, i: usize, v: T) {
        debug_assert!(i < self.nlocals);
        self.items_mut()[i] = v;
    }

    /// The values on the stack, bottom first.
    #[inline(always)]
    pub fn stack(&self) -> &[T] {
        &self.items()[self.nlocals..self.top]
    }
    #[inline(always)]
    pub fn stack_mut(&mut self) -> &mut [T] {
        let (n, top) = (self.nlocals, self.top);
        &mut self.items_mut()[n..top]
    }
    /// How many values the stack holds.
    #[inline(always)]
    pub fn depth(&self) -> usize {
        (self.top - self.nlocals) as usize
    }

    #[inline(always)]
    pub fn push(&mut self, v: T) {
        let top = self.top;
        match self.items_mut().get_mut(top) {
            Some(slot) => *slot = v,
            None => self.grow(v),
        }
        self.top += 1;
    }
    #[inline(always)]
    pub fn pop(&mut self) -> T {
        // (The compiler keeps the stack balanced; debug builds check it. Indexing stays
        // checked, so a broken invariant can read a wrong slot but never outside the array.)
        debug_assert!(self.top > self.nlocals, "the compiler keeps the stack balanced");
        self.top -= 1;
        self.items()[self.top]
    }
    /// The value `k` places below the top (0: the top), left on the stack.
    #[inline(always)]
    pub fn peek(&self, k: usize) -> T {
        let at = (self.top).wrapping_sub(k + 1);
        debug_assert!(at >= self.nlocals, "the compiler keeps the stack balanced");
        self.items()[at]
    }
    /// Drops values above the first `depth`.
    #[inline(always)]
    pub fn truncate(&mut self, depth: usize) {
        self.top = self.top.min(self.nlocals + depth);
    }
    /// Puts `v` so that `k` values are above it (`k == 0` is a push).
    pub fn insert_below(&mut self, k: usize, v: T) {
        let at = (self.top).checked_sub(k).filter(|&at| at >= self.nlocals);
        let at = at.expect("the compiler keeps the stack balanced");
        self.push(v);
        let top = self.top;
        let items = self.items_mut();
        items.copy_within(at..top - 1, at + 1);
        items[at] = v;
    }

    /// A push past the room: grows the allocation, then writes `v` at `top`.
    #[cold]
    fn grow(&mut self, v: T) {
        // (Slots in a heap array move to an array of their own: see `Slots::lives_at`.)
        let mut items = self.items().to_vec();
        items.resize(items.len() * 2 + 4, v);
        items[self.top] = v;
        *self = Self::own(items.into_boxed_slice(), self.nlocals, self.top);
    }
}

#[cfg(test)]
mod tests {
    use super::{SlotPool, Slots};

    #[test]
    fn word_slots_come_back_from_the_pool_cleared() {
        let pool = SlotPool::default();
        let mut a = Slots::new_in(&pool, 2, 2, 0usize);
        a.set_local(1, 7);
        a.push(8);
        let addr = a.locals().as_ptr();
        a.recycle(&pool);
        assert_eq!(a.depth(), 0);
        let b = Slots::new_in(&pool, 3, 1, 5usize);
        assert_eq!(b.locals().as_ptr(), addr, "the same allocation, reused");
        assert_eq!(b.locals(), &[5, 5, 5]);
        assert_eq!(b.depth(), 0);
        // Other lengths and other value types are allocated afresh.
        let c = Slots::new_in(&pool, 1, 1, 0usize);
        assert_ne!(c.locals().as_ptr(), addr);
        let mut d = Slots::new_in(&pool, 2, 2, 1u32);
        d.recycle(&pool);
        assert!(pool.take(4).is_none());
    }

    #[test]
    fn locals_and_stack_share_one_allocation_without_overlap() {
        let mut s = Slots::new(3, 2, 0);
        s.locals_mut().copy_from_slice(&[1, 2, 3]);
        s.push(10);
        s.push(11);
        assert_eq!(s.locals(), &[1, 2, 3]);
        assert_eq!(s.stack(), &[10, 11]);
        s.set_local(2, 30);
        assert_eq!(s.pop(), 11);
        assert_eq!(s.peek(0), 10);
        assert_eq!(s.locals(), &[1, 2, 30]);
    }

    #[test]
    fn a_push_past_the_room_grows() {
        let mut s = Slots::new(1, 0, 0);
        for v in 0..20 {
            s.push(v);
        }
        assert_eq!(s.depth(), 20);
        assert_eq!(s.stack()[19], 19);
        assert_eq!(s.local(0), 0);
    }

    #[test]
    fn insert_below_and_truncate() {
        let mut s = Slots::new(0, 4, 0);
        s.push(1);
        s.push(2);
        s.push(3);
        s.insert_below(2, 9);
        assert_eq!(s.stack(), &[1, 9, 2, 3]);
        s.truncate(2);
        assert_eq!(s.stack(), &[1, 9]);
        s.truncate(5);
        assert_eq!(s.depth(), 2);
    }

    #[test]
    fn slots_in_heap_memory_read_and_write_it_and_leave_it_when_dropped() {
        let mut memory = vec![1usize, 2, 3, 10, 0, 0];
        let items = std::ptr::NonNull::new(memory.as_mut_ptr()).unwrap();
        {
            // SAFETY: `memory` holds 6 words, outlives the slots and is not touched meanwhile.
            let mut s = unsafe { Slots::in_heap(items, 6, 3, 1) };
            assert!(s.lives_at(items.as_ptr()));
            assert_eq!(s.locals(), &[1, 2, 3]);
            assert_eq!(s.stack(), &[10]);
            s.set_local(0, 7);
            s.push(11);
            let pool = SlotPool::default();
            s.recycle(&pool);
            assert!(pool.take(6).is_none(), "memory that is not the slots' own is not pooled");
        }
        assert_eq!(memory, [7, 2, 3, 10, 11, 0]);
    }

    #[test]
    fn slots_in_heap_memory_move_out_when_they_grow() {
        let mut memory = vec![1usize, 5];
        let items = std::ptr::NonNull::new(memory.as_mut_ptr()).unwrap();
        // SAFETY: as above.
        let mut s = unsafe { Slots::in_heap(items, 2, 1, 1) };
        s.push(6);
        assert!(!s.lives_at(items.as_ptr()), "grown into an array of its own");
        assert_eq!(s.locals(), &[1]);
        assert_eq!(s.stack(), &[5, 6]);
        drop(s);
        assert_eq!(memory, [1, 5]);
    }

    #[test]
    fn arguments_fill_the_first_locals_from_the_pool_or_afresh() {
        let pool = SlotPool::default();
        let mut a = Slots::with_args_in(&pool, 3, 2, &[8usize, 9], 0);
        assert_eq!(a.locals(), &[8, 9, 0]);
        a.set_local(2, 4);
        a.push(5);
        a.recycle(&pool);
        let b = Slots::with_args_in(&pool, 4, 1, &[1usize], 0);
        assert_eq!(b.locals(), &[1, 0, 0, 0], "a reused array gets every local set");
        assert_eq!(b.depth(), 0);
    }

    #[test]
    #[should_panic(expected = "balanced")]
    fn popping_an_empty_stack_is_a_bug() {
        Slots::new(2, 2, 0u8).pop();
    }
}
