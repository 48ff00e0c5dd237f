//! The GC heap a `Vm` owns: objects with a header and a [`Layout`], a non-moving mark-sweep
//! collector, and an allocation fast path simple enough for compiled code to inline.
//!
//! Every object starts with a two-word header: word 0 is the address of its `Layout` (its
//! class: `guard_class` compares it), word 1 is the collector's (mark bit). Fixed-size objects
//! keep their fields after the header; arrays keep their length (an i64) at offset 16 and
//! their items from offset 24.
//!
//! Small objects (up to 512 bytes) live in 64 KiB pages of one size class each; free slots
//! form singly linked lists per class, threaded through header word 1, with word 0 zero. The
//! free-list heads sit in one array at a stable address, so compiled code allocates by
//! popping a head (two loads, one store) and only calls [`alloc_slow`] when a list is empty.
//! Larger objects are allocated one by one.
//!
//! Accounting without counting every allocation: the free list compiled code pops from
//! holds at most a page's worth of slots; the rest of the free slots wait in the reserve, as
//! runs of at most a page's worth of slots each, with their lengths. Refilling from the
//! reserve (taking one run), or taking a new page, is the slow path, and it charges the
//! run's bytes against the budget. So a collection is requested after about `budget` bytes
//! of allocation whatever path they took, and new pages are only taken when the reserve is
//! empty: the heap stays within about live data plus budget.
//!
//! The sweep visits every slot of every page, which is cheap next to `budget` bytes of
//! allocation. In stress mode, where a collection follows nearly every allocation, that
//! would make each collection cost the whole heap; but there every allocation takes the slow
//! path, so the heap keeps a list of every object that may be alive (the survivors of the
//! last collection and everything allocated since), and the sweep visits just those: a
//! collection costs about as much as the live data, as marking does.
//!
//! Collection happens only at safepoints — instruction boundaries of the interpreter, where
//! every live red value is in a frame — never inside an allocation: allocating past the
//! budget just raises [`Heap::requested`], which the interpreter's merge points and compiled
//! loops' back edges (`guard_not_invalidated` on the flag's address) check. The roots are
//! given by the driver: interpreter frames, compiled traces' constants, root scopes.
//!
//! Non-moving, so addresses are stable and compiled code needs no stack maps. A moving
//! nursery could come later: every root already passes through one place (`Heap::collect`),
//! but frames, trace constants and the frame buffer would need updating, which we measure
//! the need for first (see `HeapStats`).

use crate::descr::{ArrayDescr, FieldDescr, MemKind};
use rustc_hash::FxHashMap;
use std::alloc::{alloc_zeroed, dealloc, Layout as AllocLayout};
use std::time::Instant;

/// Bytes of the object header.
pub const HEADER: i32 = 16;
/// Offset of an array's length word.
pub const ARRAY_LEN: i32 = 16;
/// Offset of an array's first item.
pub const ARRAY_ITEMS: i32 = 24;

const PAGE: usize = 64 * 1024;
const GRAIN: usize = 16;
const MAX_SMALL: usize = 512;
const CLASSES: usize = MAX_SMALL / GRAIN;
const MIN_BUDGET: usize = 4 << 20;

/// How the collector and the JIT see a kind of object: its size, where its references are,
/// and what to do when it dies.
#[derive(Debug)]
pub struct Layout {
    /// Name in traces and diagnostics.
    pub name: &'static str,
    /// Size in bytes of a fixed object, header included (for arrays: header and length).
    pub size: u32,
    /// Offsets of the fields holding references (traced by the collector).
    pub refs: &'static [i32],
    /// For arrays: how the items are stored.
    pub items: Option<MemKind>,
    /// Called with the object's address when it dies (to release Rust-side resources).
    pub finalize: Option<fn(usize)>,
}

impl Layout {
    /// A fixed-size object with `fields` bytes of fields after the header; `refs` are the
    /// offsets of its reference fields.
    pub const fn object(name: &'static str, fields: u32, refs: &'static [i32]) -> Layout {
        Layout { name, size: HEADER as u32 + fields, refs, items: None, finalize: None }
    }
    /// An array of `items`.
    pub const fn array(name: &'static str, items: MemKind) -> Layout {
        Layout { name, size: ARRAY_ITEMS as u32, refs: &[], items: Some(items), finalize: None }
    }
    /// The same layout with a finalizer.
    pub const fn with_finalizer(self, f: fn(usize)) -> Layout {
        Layout { finalize: Some(f), ..self }
    }
    /// The word stored in header word 0 of objects of this layout (its class).
    pub fn class(&'static self) -> usize {
        self as *const Layout as usize
    }
    /// The descriptor of a field at `offset` (from the object's start, header included).
    pub const fn field(name: &'static str, offset: i32, kind: MemKind) -> FieldDescr {
        FieldDescr::new(name, offset, kind)
    }
    /// The descriptor of an array layout's items.
    pub const fn items_descr(name: &'static str, kind: MemKind) -> ArrayDescr {
        ArrayDescr::new(name, ARRAY_ITEMS, kind).with_len(ARRAY_LEN)
    }
    fn bytes(&self, len: usize) -> usize {
        let mut b = self.size as usize;
        if let Some(k) = self.items {
            b += k.size() as usize * len;
        }
        (b + GRAIN - 1) & !(GRAIN - 1)
    }
}

/// What the heap did.
#[derive(Clone, Debug, Default)]
pub struct HeapStats {
    /// Objects allocated.
    pub objects: u64,
    /// Bytes allocated.
    pub bytes: u64,
    /// Collections run.
    pub collections: u64,
    /// Time spent collecting, in nanoseconds.
    pub gc_ns: u64,
    /// Bytes live after the last collection.
    pub live_bytes: usize,
    /// Most bytes of pages and large objects held at once.
    pub peak_bytes: usize,
    /// Objects freed.
    pub freed: u64,
}

/// The part of the heap compiled code reads and writes: free-list heads and the collection
/// request flag, at a stable address (boxed).
#[repr(C)]
pub struct HeapFast {
    /// Free-list heads by size class (`bytes / 16 - 1`).
    pub free: [usize; CLASSES],
    /// Non-zero when a collection is wanted at the next safepoint.
    pub requested: u64,
}

/// A `Vm`'s heap.
pub struct Heap {
    fast: Box<HeapFast>,
    /// Free slots not yet handed to the fast path, by size class: runs of at most a page's
    /// worth of slots linked through word 1, with their lengths; the next to hand out last.
    reserve: Vec<Vec<(usize, usize)>>,
    /// Small-object pages with their slot size, in address order (the collector looks up
    /// every reference it follows: a binary search).
    pages: Vec<(usize, usize)>,
    /// Large objects by address, with their size.
    large: FxHashMap<usize, usize>,
    /// Stress mode only: every object that may be alive (see the module notes).
    objects: Vec<usize>,
    held: usize,
    since_gc: usize,
    budget: usize,
    stress: bool,
    stats: HeapStats,
}

/// Size class of a small object of `bytes` bytes.
fn class_of(bytes: usize) -> usize {
    bytes / GRAIN - 1
}

/// A run of free slots being built by a sweep, in the order they are linked.
#[derive(Clone, Copy)]
struct Run {
    head: usize,
    tail: usize,
    len: usize,
}

impl Run {
    const EMPTY: Run = Run { head: 0, tail: 0, len: 0 };

    /// Appends the free slot `p` (zero but for word 1).
    ///
    /// # Safety
    /// `p` is a free slot of a page, in no other list.
    unsafe fn push(&mut self, p: usize) {
        // SAFETY: `p` and the run's tail are free slots: word 1 links them.
        unsafe {
            *((p + 8) as *mut usize) = 0;
            if self.len == 0 {
                self.head = p;
            } else {
                *((self.tail + 8) as *mut usize) = p;
            }
        }
        self.tail = p;
        self.len += 1;
    }

    /// Hands a non-empty run to `out`.
    fn finish(&mut self, out: &mut Vec<(usize, usize)>) {
        if self.len > 0 {
            out.push((self.head, self.len));
        }
        *self = Run::EMPTY;
    }
}

/// The bytes of the live object at `p`, computed from its header.
///
/// # Safety
/// `p` is a live object: word 0 is its layout, arrays have their length word.
unsafe fn size_of_object(p: usize) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe {
        let layout = &*(*(p as *const usize) as *const Layout);
        let len = if layout.items.is_some() { *((p + ARRAY_LEN as usize) as *const i64) as usize } else { 0 };
        layout.bytes(len)
    }
}

impl Heap {
    /// An empty heap; in stress mode it asks for a collection at every safepoint after any
    /// allocation.
    pub fn new(stress: bool) -> Self {
        Heap {
            fast: Box::new(HeapFast { free: [0; CLASSES], requested: 0 }),
            reserve: vec![Vec::new(); CLASSES],
            pages: Vec::new(),
            large: FxHashMap::default(),
            objects: Vec::new(),
            held: 0,
            since_gc: 0,
            budget: MIN_BUDGET,
            stress,
            stats: HeapStats::default(),
        }
    }

    /// Whether stress mode is on.
    pub fn stress(&self) -> bool {
        self.stress
    }

    /// Address of the fast-path state (free lists, request flag) for compiled code.
    pub fn fast_addr(&self) -> usize {
        &*self.fast as *const HeapFast as usize
    }

    /// Address of the collection-request flag.
    pub fn requested_addr(&self) -> usize {
        &self.fast.requested as *const u64 as usize
    }

    /// Whether a collection is wanted at the next safepoint.
    #[inline(always)]
    pub fn requested(&self) -> bool {
        self.fast.requested != 0
    }

    /// Statistics.
    pub fn stats(&self) -> &HeapStats {
        &self.stats
    }

    /// Counts an allocation made outside compiled code's fast path.
    fn note_alloc(&mut self, bytes: usize) {
        self.stats.objects += 1;
        self.stats.bytes += bytes as u64;
        if self.stress {
            self.fast.requested = 1;
        }
    }

    /// Counts memory taken from the system (pages, large objects) against the budget.
    fn note_growth(&mut self, bytes: usize) {
        self.held += bytes;
        self.stats.peak_bytes = self.stats.peak_bytes.max(self.held);
        self.charge(bytes);
    }

    /// Charges bytes handed to the allocation paths against the budget; past it, asks for
    /// a collection at the next safepoint.
    fn charge(&mut self, bytes: usize) {
        self.since_gc += bytes;
        if self.since_gc >= self.budget {
            self.fast.requested = 1;
        }
    }

    /// Refills an empty free list: a run of the reserve, or a new page.
    fn refill(&mut self, class: usize) {
        let size = (class + 1) * GRAIN;
        let Some((head, n)) = self.reserve[class].pop() else {
            return self.new_page(class);
        };
        self.fast.free[class] = head;
        self.charge(n * size);
    }

    /// What compiled code needs to inline allocations of `layout`: the slot size and the
    /// address of its free-list head (0 when every allocation must take the slow path:
    /// arrays, large objects, and all objects in stress mode, so each one is counted and
    /// listed for the sweep).
    pub fn fast_path(&self, layout: &'static Layout) -> (u32, usize) {
        let bytes = layout.bytes(0);
        if layout.items.is_some() || bytes > MAX_SMALL || self.stress {
            return (bytes as u32, 0);
        }
        (bytes as u32, &self.fast.free[class_of(bytes)] as *const usize as usize)
    }

    fn new_page(&mut self, class: usize) {
        let size = (class + 1) * GRAIN;
        // SAFETY: PAGE is a non-zero power of two, a valid size and alignment.
        let page = unsafe { alloc_zeroed(AllocLayout::from_size_align(PAGE, PAGE).unwrap()) } as usize;
        assert!(page != 0, "out of memory");
        let at = self.pages.partition_point(|&(q, _)| q < page);
        self.pages.insert(at, (page, size));
        self.note_growth(PAGE);
        let mut head = self.fast.free[class];
        for slot in (0..PAGE / size).rev() {
            let p = page + slot * size;
            // SAFETY: `p` is inside the page just allocated; word 1 of a free slot links it.
            unsafe { ((p + 8) as *mut usize).write(head) };
            head = p;
        }
        self.fast.free[class] = head;
    }

    /// Allocates a zeroed fixed-size object.
    pub fn alloc(&mut self, layout: &'static Layout) -> usize {
        debug_assert!(layout.items.is_none(), "{} is an array layout", layout.name);
        self.alloc_bytes(layout, layout.bytes(0))
    }

    /// Allocates a zeroed array of `len` items.
    pub fn alloc_array(&mut self, layout: &'static Layout, len: usize) -> usize {
        assert!(layout.items.is_some(), "{} is not an array layout", layout.name);
        let p = self.alloc_bytes(layout, layout.bytes(len));
        // SAFETY: the object has its length word at ARRAY_LEN.
        unsafe { ((p + ARRAY_LEN as usize) as *mut i64).write(len as i64) };
        p
    }

    fn alloc_bytes(&mut self, layout: &'static Layout, bytes: usize) -> usize {
        self.note_alloc(bytes);
        let p = if bytes <= MAX_SMALL {
            let class = class_of(bytes);
            if self.fast.free[class] == 0 {
                self.refill(class);
            }
            let p = self.fast.free[class];
            // SAFETY: `p` is a free slot of `bytes` bytes: word 1 holds the next free slot.
            unsafe {
                self.fast.free[class] = ((p + 8) as *const usize).read();
                std::ptr::write_bytes(p as *mut u8, 0, bytes);
            }
            p
        } else {
            // SAFETY: `bytes` is non-zero and a multiple of 16.
            let p = unsafe { alloc_zeroed(AllocLayout::from_size_align(bytes, GRAIN).unwrap()) } as usize;
            assert!(p != 0, "out of memory");
            self.large.insert(p, bytes);
            self.note_growth(bytes);
            p
        };
        // SAFETY: `p` is a fresh, zeroed object of at least HEADER bytes.
        unsafe { (p as *mut usize).write(layout.class()) };
        if self.stress {
            self.objects.push(p);
        }
        p
    }

    /// The bytes of the object at `p`, if `p` is the address of a live object of this heap.
    pub fn object_size(&self, p: usize) -> Option<usize> {
        let page = p & !(PAGE - 1);
        let Some(size) = self.page_size(page) else {
            return self.large.get(&p).copied();
        };
        let offset = p - page;
        // SAFETY: `p` is a slot of one of our pages; word 0 of a slot is 0 when free.
        if offset % size == 0 && offset + size <= PAGE && unsafe { *(p as *const usize) } != 0 {
            Some(size)
        } else {
            None
        }
    }

    /// The slot size of `page`, if it is one of our pages (a binary search, written out:
    /// the collector calls it for every reference it follows).
    fn page_size(&self, page: usize) -> Option<usize> {
        let pages = self.pages.as_slice();
        let (mut lo, mut hi) = (0, pages.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (q, size) = pages[mid];
            if q < page {
                lo = mid + 1;
            } else if q > page {
                hi = mid;
            } else {
                return Some(size);
            }
        }
        None
    }

    /// Marks `q` and pushes it on `stack` if it is an object of this heap not marked yet.
    #[inline(always)]
    fn grey(&self, q: usize, stack: &mut Vec<usize>) {
        // SAFETY: `q` is a live object of this heap: word 1 holds its mark bit.
        if q != 0 && self.object_size(q).is_some() && !unsafe { mark(q) } {
            stack.push(q);
        }
    }

    /// Marks everything reachable from `roots` (addresses; non-heap ones are ignored) and
    /// frees the rest.
    pub fn collect(&mut self, roots: &[usize]) {
        let t0 = Instant::now();
        let mut stack = Vec::new();
        for &r in roots {
            self.grey(r, &mut stack);
        }
        while let Some(p) = stack.pop() {
            // SAFETY: `p` is a live object: word 0 is its layout, set at allocation.
            let layout = unsafe { &*(*(p as *const usize) as *const Layout) };
            let refs = layout.refs;
            let mut i = 0;
            while i < refs.len() {
                // SAFETY: `refs[i]` is the offset of a reference field of this layout.
                self.grey(unsafe { *((p + refs[i] as usize) as *const usize) }, &mut stack);
                i += 1;
            }
            if matches!(layout.items, Some(MemKind::Ref)) {
                // SAFETY: arrays keep their length at ARRAY_LEN and items from ARRAY_ITEMS.
                let len = unsafe { *((p + ARRAY_LEN as usize) as *const i64) } as usize;
                let items = p + ARRAY_ITEMS as usize;
                let mut i = 0;
                while i < len {
                    // SAFETY: `i` is in bounds of the array.
                    self.grey(unsafe { *((items + 8 * i) as *const usize) }, &mut stack);
                    i += 1;
                }
            }
        }
        self.sweep();
        self.stats.collections += 1;
        self.stats.gc_ns += t0.elapsed().as_nanos() as u64;
        // Allocate at most as much as is live (and at least MIN_BUDGET) before the next
        // collection, so memory stays within about twice the live data.
        self.budget = MIN_BUDGET.max(self.stats.live_bytes);
        self.since_gc = 0;
        self.fast.requested = 0;
    }

    /// Frees unmarked objects and clears the marks of the others.
    fn sweep(&mut self) {
        self.stats.live_bytes = if self.stress { self.sweep_objects() } else { self.sweep_pages() };
    }

    /// Sweeps every slot of every page and every large object; returns the live bytes.
    /// Every free slot goes to the reserve, in address order (deterministic).
    fn sweep_pages(&mut self) -> usize {
        let mut live = 0;
        let pages = std::mem::take(&mut self.pages);
        self.fast.free = [0; CLASSES];
        for r in &mut self.reserve {
            r.clear();
        }
        let mut runs = [Run::EMPTY; CLASSES];
        for &(page, size) in &pages {
            let class = class_of(size);
            let cap = PAGE / size;
            let end = page + cap * size;
            let mut p = page;
            while p < end {
                // SAFETY: `p` is a slot of one of our pages: word 0 is its class (0 when
                // free), word 1 a live object's mark bit.
                let class_word = unsafe { *(p as *const usize) };
                // SAFETY: as above.
                if class_word != 0 && unsafe { unmark(p) } {
                    live += size;
                    p += size;
                    continue;
                }
                if class_word != 0 {
                    self.finalize(p, class_word);
                    self.stats.freed += 1;
                    // SAFETY: a dead object: a free slot is zero but for word 1 (compiled
                    // code relies on it), and free slots are so already.
                    unsafe { std::ptr::write_bytes(p as *mut u8, 0, size) };
                }
                let run = &mut runs[class];
                // SAFETY: `p` is free now, and in no list.
                unsafe { run.push(p) };
                if run.len == cap {
                    run.finish(&mut self.reserve[class]);
                }
                p += size;
            }
        }
        self.pages = pages;
        for (run, reserve) in runs.iter_mut().zip(&mut self.reserve) {
            run.finish(reserve);
            // The lowest addresses are handed out first.
            reserve.reverse();
        }
        // SAFETY: large objects are live objects with a header.
        let dead: Vec<(usize, usize)> =
            self.large.iter().filter(|(&p, _)| !unsafe { unmark(p) }).map(|(&p, &b)| (p, b)).collect();
        for (p, bytes) in dead {
            self.free_large(p, bytes);
        }
        live + self.large.values().sum::<usize>()
    }

    /// Stress mode: sweeps just the objects that may be alive (see the module notes);
    /// returns the live bytes. The freed slots of each class go in front of its free list,
    /// to be handed out first (only the heap pops the free lists in stress mode, so they
    /// may hold more than a page's worth).
    fn sweep_objects(&mut self) -> usize {
        let mut live = 0;
        let objects = std::mem::take(&mut self.objects);
        let mut survivors = Vec::with_capacity(objects.len());
        let mut runs = [Run::EMPTY; CLASSES];
        for p in objects {
            // SAFETY: listed objects are live objects of this heap until swept.
            let (class_word, bytes) = unsafe { (*(p as *const usize), size_of_object(p)) };
            // SAFETY: as above: word 1 holds the mark bit.
            if unsafe { unmark(p) } {
                live += bytes;
                survivors.push(p);
                continue;
            }
            if bytes > MAX_SMALL {
                self.free_large(p, bytes);
                continue;
            }
            self.finalize(p, class_word);
            self.stats.freed += 1;
            // SAFETY: `p` is a dead small object: clear it and make it a free slot.
            unsafe {
                std::ptr::write_bytes(p as *mut u8, 0, bytes);
                runs[class_of(bytes)].push(p);
            }
        }
        for (run, head) in runs.iter().zip(&mut self.fast.free) {
            if run.len > 0 {
                // SAFETY: the run's tail is a free slot: word 1 links it.
                unsafe { *((run.tail + 8) as *mut usize) = *head };
                *head = run.head;
            }
        }
        self.objects = survivors;
        live
    }

    /// Finalizes and frees the dead large object at `p`.
    fn free_large(&mut self, p: usize, bytes: usize) {
        // SAFETY: `p` is a large object: word 0 is its layout.
        let class_word = unsafe { *(p as *const usize) };
        self.finalize(p, class_word);
        self.large.remove(&p);
        self.held -= bytes;
        self.stats.freed += 1;
        // SAFETY: allocated in alloc_bytes with this size and alignment.
        unsafe { dealloc(p as *mut u8, AllocLayout::from_size_align(bytes, GRAIN).unwrap()) };
    }

    fn finalize(&self, p: usize, class_word: usize) {
        // SAFETY: a live object's word 0 is its layout.
        let layout = unsafe { &*(class_word as *const Layout) };
        if let Some(f) = layout.finalize {
            f(p);
        }
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &(page, size) in &self.pages {
            for slot in 0..PAGE / size {
                let p = page + slot * size;
                // SAFETY: `p` is a slot of one of our pages.
                let class_word = unsafe { (p as *const usize).read() };
                if class_word != 0 {
                    self.finalize(p, class_word);
                }
            }
            // SAFETY: allocated in new_page with this size and alignment.
            unsafe { dealloc(page as *mut u8, AllocLayout::from_size_align(PAGE, PAGE).unwrap()) };
        }
        for (&p, &bytes) in &self.large {
            // SAFETY: `p` is a live large object; allocated in alloc_bytes like this.
            unsafe {
                self.finalize(p, (p as *const usize).read());
                dealloc(p as *mut u8, AllocLayout::from_size_align(bytes, GRAIN).unwrap());
            }
        }
    }
}

/// Sets the mark bit of the object at `p`; returns whether it was already set.
///
/// # Safety
/// `p` is a live object of a heap.
unsafe fn mark(p: usize) -> bool {
    // SAFETY: forwarded.
    unsafe {
        let w = (p + 8) as *mut usize;
        let was = *w & 1 != 0;
        *w |= 1;
        was
    }
}

/// Clears the mark bit of the object at `p`; returns whether it was set.
///
/// # Safety
/// `p` is a live object of a heap.
unsafe fn unmark(p: usize) -> bool {
    // SAFETY: forwarded.
    unsafe {
        let w = (p + 8) as *mut usize;
        let was = *w & 1 != 0;
        *w &= !1;
        was
    }
}

/// The allocation slow path compiled code calls when a free list is empty:
/// `(heap, layout) -> object`.
pub(crate) extern "C" fn alloc_slow(heap: u64, layout: u64) -> u64 {
    // SAFETY: `heap` is the address of the Vm's heap, which outlives its compiled code and is
    // not otherwise borrowed while compiled code runs; `layout` is a `&'static Layout`.
    let (heap, layout) = unsafe { (&mut *(heap as *mut Heap), &*(layout as *const Layout)) };
    heap.alloc(layout) as u64
}

/// The array allocation path compiled code calls: `(heap, layout, len) -> array`.
pub(crate) extern "C" fn alloc_array_slow(heap: u64, layout: u64, len: u64) -> u64 {
    // SAFETY: as in `alloc_slow`.
    let (heap, layout) = unsafe { (&mut *(heap as *mut Heap), &*(layout as *const Layout)) };
    heap.alloc_array(layout, len as usize) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    static PAIR: Layout = Layout::object("Pair", 16, &[HEADER, HEADER + 8]);
    static BOX: Layout = Layout::object("Box", 8, &[]);
    static REFS: Layout = Layout::array("Refs", MemKind::Ref);

    fn set(p: usize, off: i32, v: usize) {
        unsafe { ((p + off as usize) as *mut usize).write(v) }
    }

    /// Both sweeps: every slot of every page, and stress mode's list of objects.
    const MODES: [bool; 2] = [false, true];

    #[test]
    fn collects_unreachable_objects_and_keeps_reachable_ones() {
        for stress in MODES {
            let mut h = Heap::new(stress);
            let a = h.alloc(&PAIR);
            let b = h.alloc(&BOX);
            let c = h.alloc(&BOX);
            set(a, HEADER, b);
            let arr = h.alloc_array(&REFS, 3);
            set(arr, ARRAY_ITEMS + 8, c);
            let garbage = h.alloc(&PAIR);
            h.collect(&[a, arr, 12345]);
            for p in [a, b, c, arr] {
                assert!(h.object_size(p).is_some());
            }
            assert!(h.object_size(garbage).is_none());
            assert_eq!(h.stats().freed, 1);
            assert_eq!(h.stats().live_bytes, 32 + 32 + 32 + 48);
            // Freed slots are reused; survivors stay alive through more collections.
            let again = h.alloc(&PAIR);
            assert_eq!(again, garbage, "stress: {stress}");
            h.collect(&[a, arr]);
            assert!(h.object_size(again).is_none() && h.object_size(c).is_some());
            h.collect(&[arr]);
            assert!(h.object_size(a).is_none() && h.object_size(b).is_none() && h.object_size(c).is_some());
            assert_eq!(h.stats().freed, 4);
        }
    }

    #[test]
    fn cycles_and_large_objects() {
        for stress in MODES {
            let mut h = Heap::new(stress);
            let a = h.alloc(&PAIR);
            let b = h.alloc(&PAIR);
            set(a, HEADER, b);
            set(b, HEADER, a);
            let big = h.alloc_array(&REFS, 1000);
            set(big, ARRAY_ITEMS, a);
            h.collect(&[big]);
            assert!(h.object_size(a).is_some() && h.object_size(b).is_some());
            h.collect(&[]);
            assert!(h.object_size(a).is_none() && h.object_size(big).is_none());
            assert_eq!(h.stats().live_bytes, 0);
        }
    }

    static FINALIZED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    fn count_finalized(_: usize) {
        FINALIZED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    static COUNTED: Layout = Layout::object("Counted", 8, &[]).with_finalizer(count_finalized);

    #[test]
    fn finalizers_run_once_when_objects_die() {
        use std::sync::atomic::Ordering::Relaxed;
        for stress in MODES {
            FINALIZED.store(0, Relaxed);
            let mut h = Heap::new(stress);
            let keep = h.alloc(&COUNTED);
            for _ in 0..10 {
                h.alloc(&COUNTED);
            }
            h.collect(&[keep]);
            assert_eq!(FINALIZED.load(Relaxed), 10);
            h.collect(&[keep]);
            assert_eq!(FINALIZED.load(Relaxed), 10);
            drop(h);
            assert_eq!(FINALIZED.load(Relaxed), 11);
        }
    }

    #[test]
    fn memory_stays_flat_when_objects_die() {
        for stress in MODES {
            let mut h = Heap::new(stress);
            for _ in 0..200 {
                for _ in 0..10_000 {
                    h.alloc(&BOX);
                }
                if h.requested() {
                    h.collect(&[]);
                }
            }
            assert!(h.stats().peak_bytes <= 2 * MIN_BUDGET + PAGE, "{:?}", h.stats());
        }
    }
}
