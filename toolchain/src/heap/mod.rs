//! The GC heap a `Vm` owns: objects with a header and a [`Layout`], a non-moving mark-sweep
//! collector, and an allocation fast path simple enough for compiled code to inline.
//!
//! Every object starts with a two-word header: word 0 is the address of its `Layout` (its
//! class: `guard_class` compares it), word 1 is the collector's (mark bit). Fixed-size objects
//! keep their fields after the header; objects with items keep their fixed fields, then their
//! length (an i64), then their items, in one allocation (see `layout.rs`): plain arrays have
//! no fixed fields (length at 16, items from 24), a str has its cached hash before the bytes,
//! a tuple its type before the items. Sizes are checked: a length whose object would not fit
//! is an [`AllocError`] (`try_alloc_array`, `Ctx::try_new_array`) or a panic on the
//! infallible paths, never a short object; so is a failed system allocation.
//!
//! What a full language needs besides (see `finalize.rs` for the collection's part):
//! - weak fields ([`Layout::with_weak`]): not traced; after marking, those whose target is
//!   unmarked are zeroed, before anything is freed;
//! - interpreter-level finalizers ([`Layout::with_finalizer_queue`], Python's `__del__`): an
//!   unreachable object is queued once instead of freed, kept alive with what it reaches
//!   until the interpreter takes it ([`Heap::take_finalizable`]) at a safe point, and freed by
//!   a later collection; Rust finalizers (`with_finalizer`) still run when memory is freed;
//! - memory outside the heap ([`Heap::add_memory_pressure`], [`Heap::attach_memory_pressure`]
//!   for memory an object owns, counted in a field its layout names): it counts towards the
//!   next collection like allocations, and the live part of it towards the budget.
//!
//! Small objects (up to 512 bytes) live in 64 KiB pages of one size class each, taken from
//! chunks the heap maps itself (see `pages.rs`); free slots form singly linked lists per
//! class, threaded through header word 1, with word 0 zero. The free-list heads sit in one
//! array at a stable address, so compiled code allocates by popping a head (two loads, one
//! store) and only calls `alloc_slow` when a list is empty. Larger objects are allocated one
//! by one.
//!
//! Collection is mark and lazy sweep. A collection only marks (adding up the live bytes as
//! it goes, so [`HeapStats::live_bytes`] is exact at once), frees the dead large objects,
//! empties the free lists, and queues every page of each size class to be swept, lowest
//! address first. Pages are swept on demand: when an allocation finds its class's free list
//! empty, the slow path sweeps the class's next queued page — finalizing and clearing its
//! dead objects, clearing the marks of its live ones — and makes the page's free slots, in
//! address order, the new free list; the slots are about to be used, and the sweep leaves
//! them in cache. Only when a class has no queued page left does it take a new page. The next
//! collection first sweeps whatever pages are still queued (marking needs every mark bit
//! clear); their free slots are found again by the sweep after it.
//!
//! So between collections every page is either swept since the last mark (its objects
//! unmarked) or queued (as the mark left it: an object is live if and only if marked, and
//! dead ones are not cleared or finalized yet), and allocations come only from swept pages
//! and new ones: no slot of a queued page is in a free list. On every page, a free slot
//! (word 0 zero) is zero but for word 1 — compiled code relies on it — since a dead object
//! is cleared when its page is swept. [`Heap::object_size`] tells swept pages from queued
//! ones, so it is exact either way. A dead object's finalizer runs exactly once, when its
//! page is swept: lazily, on an allocation of its size class, or at the start of the next
//! collection at the latest (or when the heap is dropped, which finalizes every object
//! still there); dead large objects are finalized and freed by the collection itself.
//! [`HeapStats::freed`] counts small objects as their pages are swept, and
//! [`HeapStats::gc_ns`] includes the lazy sweeps.
//!
//! Accounting without counting every allocation: the free list compiled code pops from
//! holds at most a page's worth of slots (one page's free slots). Refilling it — sweeping a
//! queued page, or taking a new page — is the slow path, and it charges the bytes of the
//! slots it hands out against the budget. So a collection is requested after about
//! `budget` bytes of allocation whatever path they took, and new pages are only taken when
//! no page of the class has a free slot left to find: the heap stays within about live data
//! plus budget. The order of allocation is deterministic: pages are swept in address order,
//! and each page's free slots handed out in address order.
//!
//! Stress mode, where a collection follows nearly every allocation, does not queue pages:
//! every allocation takes the slow path there, so the heap keeps a list of every object that
//! may be alive (the survivors of the last collection and everything allocated since), and
//! the collection sweeps just those, eagerly: it costs about as much as the live data, as
//! marking does, instead of the whole heap.
//!
//! Collection happens only at safepoints — instruction boundaries of the interpreter, where
//! every live red value is in a frame — never inside an allocation: allocating past the
//! budget just raises [`Heap::requested`], which the interpreter's merge points, compiled
//! loops' back edges and compiled function entries (`guard_safepoint` on the flag's address)
//! check. The roots are
//! given by the driver: interpreter frames, compiled traces' constants, root scopes.
//!
//! Non-moving, so addresses are stable and compiled code needs no stack maps. A moving
//! nursery could come later: every root already passes through one place (`Heap::collect`),
//! but frames, trace constants and the frame buffer would need updating, which we measure
//! the need for first (see `HeapStats`).

mod finalize;
mod layout;
mod pages;

use crate::descr::MemKind;
pub use layout::{AllocError, Layout, ARRAY_ITEMS, ARRAY_LEN, MAX_OBJECT_BYTES};
use rustc_hash::FxHashMap;
use std::alloc::{alloc_zeroed, dealloc, Layout as AllocLayout};
use std::collections::VecDeque;
use std::time::Instant;

/// Bytes of the object header.
pub const HEADER: i32 = 16;

const PAGE: usize = 64 * 1024;
const GRAIN: usize = 16;
pub(crate) const MAX_SMALL: usize = 512;
const CLASSES: usize = MAX_SMALL / GRAIN;
const MIN_BUDGET: usize = 4 << 20;
/// The budget of a heap's first collection, which doubles at each collection up to
/// [`MIN_BUDGET`] (see `collect`).
const FIRST_BUDGET: usize = 512 << 10;

/// What the heap did.
#[derive(Clone, Debug, Default)]
pub struct HeapStats {
    /// Objects allocated (outside compiled code's fast path).
    pub objects: u64,
    /// Bytes allocated (outside compiled code's fast path).
    pub bytes: u64,
    /// Collections run.
    pub collections: u64,
    /// Time spent collecting, in nanoseconds: marking, and sweeping, whether at a
    /// collection or lazily when an allocation sweeps a page.
    pub gc_ns: u64,
    /// Bytes live after the last collection (exact: added up while marking).
    pub live_bytes: usize,
    /// Most bytes of pages and large objects held at once.
    pub peak_bytes: usize,
    /// Objects freed: large ones by the collection, small ones when their page is swept
    /// (lazily, so those of the last collection may not all be counted yet).
    pub freed: u64,
    /// Bytes outside the heap the interpreter says it holds (see
    /// [`Heap::add_memory_pressure`]), now.
    pub external_bytes: usize,
    /// Most of `external_bytes` at once.
    pub peak_external_bytes: usize,
    /// Objects queued for interpreter-level finalization (see
    /// [`Layout::with_finalizer_queue`]).
    pub finalizable_queued: u64,
    /// Weak fields zeroed because their target died.
    pub weak_cleared: u64,
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

/// A small-object page.
#[derive(Clone, Copy)]
struct Page {
    /// Its address (a multiple of PAGE).
    addr: usize,
    /// Its slot size.
    size: u32,
    /// Whether it has been swept since the last mark (see the module notes); false while it
    /// waits in its class's queue.
    swept: bool,
}

/// A `Vm`'s heap.
pub struct Heap {
    fast: Box<HeapFast>,
    /// Small-object pages in address order.
    pages: Vec<Page>,
    /// Where they come from (dropped after the heap has finalized what they hold).
    source: pages::PageSource,
    /// The index in `pages` of each page, by address: the collector looks up every
    /// reference it follows, in constant time rather than by a search of `pages`.
    page_at: FxHashMap<usize, u32>,
    /// Pages marked and not swept yet, by size class; the next to sweep last (the lowest
    /// address).
    queued: Vec<Vec<usize>>,
    /// Large objects by address, with their size.
    large: FxHashMap<usize, usize>,
    /// Stress mode only: every object that may be alive (see the module notes).
    objects: Vec<usize>,
    /// Objects of layouts with a finalizer queue not queued yet (see `finalize.rs`).
    with_del: Vec<usize>,
    /// Objects queued for interpreter-level finalization, oldest first: roots until taken.
    finalizable: VecDeque<usize>,
    /// Bytes outside the heap the interpreter holds (see [`Heap::add_memory_pressure`]).
    external: usize,
    /// The part of `external` not owned by objects (added and released explicitly).
    untied: usize,
    held: usize,
    since_gc: usize,
    budget: usize,
    /// The least budget the next collection sets: from [`FIRST_BUDGET`], doubling up to
    /// [`MIN_BUDGET`].
    floor: usize,
    stress: bool,
    stats: HeapStats,
}

/// Size class of a small object of `bytes` bytes.
fn class_of(bytes: usize) -> usize {
    bytes / GRAIN - 1
}

/// A run of free slots being built by stress mode's sweep, in the order they are linked.
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
}

/// The bytes of the live object at `p`, computed from its header.
///
/// # Safety
/// `p` is a live object: word 0 is its layout, arrays have their length word.
unsafe fn size_of_object(p: usize) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe {
        let layout = &*(*(p as *const usize) as *const Layout);
        let len = if layout.items.is_some() { *((p + layout.len_offset() as usize) as *const i64) as usize } else { 0 };
        layout.bytes(len).expect("allocated with a checked size")
    }
}

/// Runs the finalizer, if any, of the dead object at `p` whose word 0 is `class_word`, about
/// to be freed; returns the external bytes it owned (see [`Layout::with_external`]), which
/// the caller releases.
///
/// # Safety
/// `class_word` is the word 0 of an object, not cleared yet: the address of its layout.
unsafe fn finalize(p: usize, class_word: usize) -> usize {
    // SAFETY: an object's word 0 is its layout, a `&'static Layout`, until it is cleared.
    let layout = unsafe { &*(class_word as *const Layout) };
    // SAFETY: the layout's external field is an i64 of the object.
    let external = layout.external.map_or(0, |off| unsafe { *((p + off as usize) as *const i64) }.max(0) as usize);
    if let Some(f) = layout.finalize {
        f(p);
    }
    external
}

/// What sweeping a page found.
struct Swept {
    /// The first of its free slots, linked in address order through word 1 (when linked).
    head: usize,
    /// How many free slots it has (when linked).
    free: usize,
    /// How many dead objects it freed.
    freed: u64,
    /// The external bytes the freed objects owned.
    external: usize,
}

/// Sweeps the page at `page`, of `size`-byte slots, as the last mark left it: finalizes the
/// unmarked objects and clears them (all but word 1, as every free slot), and clears the
/// marks of the others. With `LINK`, also links every free slot of the page, in address
/// order, through word 1; without, it leaves free slots alone.
///
/// # Safety
/// `page` is a page of `size`-byte slots that has been marked and not swept since: every
/// slot is free (word 0 zero) or an object (word 0 its layout) whose word 1 holds its mark
/// bit; with `LINK`, none of its slots is in a free list.
unsafe fn sweep_page<const LINK: bool>(page: usize, size: usize) -> Swept {
    // The smallest classes, the most common, get their slot size as a constant: clearing
    // a dead object is then a few stores rather than a call to memset.
    // SAFETY: forwarded from the caller, in every arm (each passes `size` itself or 0).
    unsafe {
        match size {
            16 => sweep_slots::<LINK, 16>(page, size),
            32 => sweep_slots::<LINK, 32>(page, size),
            48 => sweep_slots::<LINK, 48>(page, size),
            64 => sweep_slots::<LINK, 64>(page, size),
            _ => sweep_slots::<LINK, 0>(page, size),
        }
    }
}

/// [`sweep_page`], for slots of `SIZE` bytes, or `size` bytes when `SIZE` is 0.
///
/// It walks the page from its end, so the slots handed out first (the lowest) are the ones
/// it touched last.
///
/// # Safety
/// As for `sweep_page`; `SIZE` is 0 or `size`.
#[inline(always)]
unsafe fn sweep_slots<const LINK: bool, const SIZE: usize>(page: usize, size: usize) -> Swept {
    debug_assert!(SIZE == 0 || SIZE == size);
    let size = if SIZE != 0 { SIZE } else { size };
    let mut out = Swept { head: 0, free: 0, freed: 0, external: 0 };
    let mut p = page + PAGE / size * size;
    while p != page {
        p -= size;
        // SAFETY: `p` is a slot of the page: word 0 is its class, or 0 when free.
        let class_word = unsafe { *(p as *const usize) };
        if class_word != 0 {
            let word1 = (p + 8) as *mut usize;
            // SAFETY: `p` is an object: word 1 holds its mark bit.
            let mark = unsafe { *word1 };
            if mark & 1 != 0 {
                // SAFETY: as above.
                unsafe { *word1 = mark & !1 };
                continue;
            }
            // SAFETY: `p` is a dead object, not cleared yet.
            out.external += unsafe { finalize(p, class_word) };
            out.freed += 1;
            // SAFETY: `p` is a dead object of `size` bytes: clear it into a free slot
            // (compiled code relies on free slots being zero but for word 1).
            unsafe { std::ptr::write_bytes(p as *mut u8, 0, size) };
        }
        if LINK {
            // SAFETY: `p` is a free slot in no list: word 1 links it to the next one up.
            unsafe { *((p + 8) as *mut usize) = out.head };
            out.head = p;
            out.free += 1;
        }
    }
    out
}

impl Heap {
    /// An empty heap; in stress mode it asks for a collection at every safepoint after any
    /// allocation.
    pub fn new(stress: bool) -> Self {
        Heap {
            fast: Box::new(HeapFast { free: [0; CLASSES], requested: 0 }),
            pages: Vec::new(),
            source: pages::PageSource::new(),
            page_at: FxHashMap::default(),
            queued: vec![Vec::new(); CLASSES],
            large: FxHashMap::default(),
            objects: Vec::new(),
            with_del: Vec::new(),
            finalizable: VecDeque::new(),
            external: 0,
            untied: 0,
            held: 0,
            since_gc: 0,
            budget: FIRST_BUDGET,
            floor: FIRST_BUDGET,
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

    /// Tells the heap the interpreter now holds `bytes` more outside it (a big buffer in a
    /// Rust `Vec`): they count towards the next collection as allocations do, and as live
    /// data when the collection sets the budget for the one after. Undo with
    /// [`Heap::release_memory_pressure`] when the memory is freed; for memory an object owns
    /// until it dies, prefer [`Heap::attach_memory_pressure`], released automatically.
    ///
    /// ```
    /// use metatrace::heap::Heap;
    /// let mut heap = Heap::new(false);
    /// heap.add_memory_pressure(64 << 20);
    /// assert!(heap.requested()); // a collection is due at the next safepoint
    /// heap.release_memory_pressure(64 << 20);
    /// assert_eq!(heap.stats().external_bytes, 0);
    /// ```
    pub fn add_memory_pressure(&mut self, bytes: usize) {
        self.untied = self.untied.saturating_add(bytes);
        self.add_external(bytes);
    }

    /// Counts `bytes` more outside the heap.
    fn add_external(&mut self, bytes: usize) {
        self.external = self.external.saturating_add(bytes);
        self.stats.external_bytes = self.external;
        self.stats.peak_external_bytes = self.stats.peak_external_bytes.max(self.external);
        self.charge(bytes);
    }

    /// The interpreter freed `bytes` it had declared with [`Heap::add_memory_pressure`].
    pub fn release_memory_pressure(&mut self, bytes: usize) {
        self.untied = self.untied.saturating_sub(bytes);
        self.release_external(bytes);
    }

    /// [`Heap::add_memory_pressure`] for memory the object `obj` owns (its Rust finalizer
    /// frees it): `bytes` are added to the object's external field (see
    /// [`Layout::with_external`]) and released when the heap frees the object.
    ///
    /// ```
    /// use metatrace::heap::{Heap, Layout, HEADER};
    /// // A bigint: a pointer to its digits (a Rust Vec, freed by the finalizer) and their bytes.
    /// static BIG: Layout = Layout::object("Big", 16, &[]).with_external(HEADER + 8);
    /// let mut heap = Heap::new(false);
    /// let big = heap.alloc(&BIG);
    /// heap.attach_memory_pressure(big, 1 << 20);
    /// assert_eq!(heap.stats().external_bytes, 1 << 20);
    /// heap.collect(&[]);
    /// heap.collect(&[]); // its page is swept by the next collection at the latest
    /// assert_eq!(heap.stats().external_bytes, 0);
    /// ```
    ///
    /// Panics if `obj` is not a live object of this heap, or its layout has no external field.
    pub fn attach_memory_pressure(&mut self, obj: usize, bytes: usize) {
        assert!(self.object_size(obj).is_some(), "attach_memory_pressure: {obj:#x} is not a live object of this heap");
        // SAFETY: `obj` is a live object of this heap (checked): word 0 is its layout.
        let layout = unsafe { &*(*(obj as *const usize) as *const Layout) };
        let off = layout.external.unwrap_or_else(|| panic!("{} has no external field", layout.name));
        // SAFETY: `off` is the layout's i64 external field.
        unsafe {
            let field = (obj + off as usize) as *mut i64;
            *field = (*field).saturating_add(i64::try_from(bytes).unwrap_or(i64::MAX));
        }
        self.add_external(bytes);
    }

    /// Releases external bytes (of freed objects, or as the interpreter says).
    fn release_external(&mut self, bytes: usize) {
        self.external = self.external.saturating_sub(bytes);
        self.stats.external_bytes = self.external;
    }

    /// Counts an allocation made outside compiled code's fast path.
    #[inline(always)]
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

    /// Refills the empty free list of `class`: sweeps its queued pages, lowest first, until
    /// one has a free slot, or takes a new page; `false` if the system has no page to give.
    fn refill(&mut self, class: usize) -> bool {
        debug_assert_eq!(self.fast.free[class], 0);
        if !self.queued[class].is_empty() {
            let t0 = Instant::now();
            let size = (class + 1) * GRAIN;
            let mut found = None;
            let mut freed = 0;
            while let Some(page) = self.queued[class].pop() {
                self.set_swept(page);
                // SAFETY: a queued page was marked and not swept since, and the free
                // lists were emptied when it was queued.
                let swept = unsafe { sweep_page::<true>(page, size) };
                freed += swept.freed;
                self.release_external(swept.external);
                if swept.free > 0 {
                    found = Some(swept);
                    break;
                }
            }
            self.stats.freed += freed;
            self.stats.gc_ns += t0.elapsed().as_nanos() as u64;
            if let Some(swept) = found {
                self.fast.free[class] = swept.head;
                self.charge(swept.free * size);
                return true;
            }
        }
        self.new_page(class)
    }

    /// Notes that the queued page at `page` is swept (or about to be).
    fn set_swept(&mut self, page: usize) {
        let i = self.page_index(page).expect("a queued page is one of ours");
        self.pages[i].swept = true;
    }

    /// What compiled code needs to inline allocations of `layout`: the slot size and the
    /// address of its free-list head (0 when every allocation must take the slow path:
    /// arrays, large objects, and all objects in stress mode, so each one is counted and
    /// listed for the sweep).
    pub fn fast_path(&self, layout: &'static Layout) -> (u32, usize) {
        let bytes = layout.bytes(0).expect("the fixed part of a layout is small");
        if layout.items.is_some() || bytes > MAX_SMALL || self.stress || layout.queue_finalize {
            return (bytes as u32, 0);
        }
        (bytes as u32, &self.fast.free[class_of(bytes)] as *const usize as usize)
    }

    /// The free-list head compiled code pops arrays of `layout` with exactly `len` items from
    /// (0 when they must take the slow path: large arrays, all arrays in stress mode, and
    /// objects with a finalizer queue, which the slow path registers).
    pub fn fast_path_array(&self, layout: &'static Layout, len: usize) -> usize {
        match layout.bytes(len) {
            Some(bytes) if layout.items.is_some() && bytes <= MAX_SMALL && !self.stress && !layout.queue_finalize => {
                &self.fast.free[class_of(bytes)] as *const usize as usize
            }
            _ => 0,
        }
    }

    /// Takes a new page for `class` and makes its slots the class's free list; `false` if the
    /// system has no memory for it.
    fn new_page(&mut self, class: usize) -> bool {
        let size = (class + 1) * GRAIN;
        let Some(page) = self.source.take() else { return false };
        let at = self.pages.partition_point(|q| q.addr < page);
        self.pages.insert(at, Page { addr: page, size: size as u32, swept: true });
        for (i, q) in self.pages.iter().enumerate().skip(at) {
            self.page_at.insert(q.addr, i as u32);
        }
        self.note_growth(PAGE);
        let mut head = self.fast.free[class];
        for slot in (0..PAGE / size).rev() {
            let p = page + slot * size;
            // SAFETY: `p` is inside the page just allocated; word 1 of a free slot links it.
            unsafe { ((p + 8) as *mut usize).write(head) };
            head = p;
        }
        self.fast.free[class] = head;
        true
    }

    /// Allocates a zeroed fixed-size object. Panics if the system has no memory left (see
    /// [`Heap::try_alloc`]).
    #[inline(always)]
    pub fn alloc(&mut self, layout: &'static Layout) -> usize {
        debug_assert!(layout.items.is_none(), "{} has items: allocate it with alloc_array", layout.name);
        // (`Layout::bytes(0)` without its overflow check: a fixed size is a u32.)
        let bytes = (layout.size as usize + GRAIN - 1) & !(GRAIN - 1);
        self.alloc_bytes(layout, bytes).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Allocates a zeroed fixed-size object; an error if the system has no memory left.
    #[inline]
    pub fn try_alloc(&mut self, layout: &'static Layout) -> Result<usize, AllocError> {
        assert!(layout.items.is_none(), "{} has items: allocate it with alloc_array", layout.name);
        let bytes = layout.bytes(0).expect("the fixed part of a layout is small");
        self.alloc_bytes(layout, bytes)
    }

    /// Allocates a zeroed object of a layout with items (an array, or fixed fields then
    /// items: see [`Layout::var`]) with `len` items. Panics with a clear message if it is
    /// too large (see [`Heap::try_alloc_array`], which the interpreter uses for lengths it
    /// does not control): it never returns a short object.
    pub fn alloc_array(&mut self, layout: &'static Layout, len: usize) -> usize {
        self.try_alloc_array(layout, len).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Allocates a zeroed object with `len` items, or says why it cannot: the object would
    /// exceed [`MAX_OBJECT_BYTES`] ([`AllocError::TooLarge`]) or the system has no memory
    /// for it ([`AllocError::OutOfMemory`]). An interpreter raises its `MemoryError`.
    ///
    /// ```
    /// use metatrace::heap::{AllocError, Heap, Layout};
    /// use metatrace::MemKind;
    /// static REFS: Layout = Layout::array("Refs", MemKind::Ref);
    /// let mut heap = Heap::new(false);
    /// assert!(heap.try_alloc_array(&REFS, 10).is_ok());
    /// assert!(matches!(heap.try_alloc_array(&REFS, 1 << 61), Err(AllocError::TooLarge { .. })));
    /// assert!(matches!(heap.try_alloc_array(&REFS, 1 << 57), Err(AllocError::OutOfMemory { .. })));
    /// ```
    pub fn try_alloc_array(&mut self, layout: &'static Layout, len: usize) -> Result<usize, AllocError> {
        assert!(layout.items.is_some(), "{} has no items: allocate it with alloc", layout.name);
        let too_large = AllocError::TooLarge { layout: layout.name, len: i64::try_from(len).unwrap_or(i64::MAX) };
        let bytes = layout.bytes(len).ok_or(too_large)?;
        let p = self.alloc_bytes(layout, bytes)?;
        // SAFETY: the object has its length word at `len_offset`; `len` fits (bytes <= isize::MAX).
        unsafe { ((p + layout.len_offset() as usize) as *mut i64).write(len as i64) };
        Ok(p)
    }

    /// The allocation every object goes through. Its common case (a small object, a slot on
    /// the free list, no stress mode, no finalizer queue) is inline and touches nothing else;
    /// the rest is [`Heap::alloc_bytes_slow`].
    #[inline(always)]
    fn alloc_bytes(&mut self, layout: &'static Layout, bytes: usize) -> Result<usize, AllocError> {
        if bytes <= MAX_SMALL && !self.stress && !layout.queue_finalize {
            let class = class_of(bytes);
            let p = self.fast.free[class];
            if p != 0 {
                // SAFETY: `p` is a free slot of `bytes` bytes: zero but for word 1, which holds
                // the next free slot (see the module notes); word 1 is cleared, then word 0 gets
                // the class.
                unsafe {
                    self.fast.free[class] = ((p + 8) as *const usize).read();
                    ((p + 8) as *mut usize).write(0);
                    debug_assert!(
                        (2..bytes / 8).all(|w| ((p + 8 * w) as *const usize).read() == 0),
                        "a free slot is zero but for its link word"
                    );
                    (p as *mut usize).write(layout.class());
                }
                self.note_alloc(bytes);
                return Ok(p);
            }
        }
        self.alloc_bytes_slow(layout, bytes)
    }

    #[cold]
    #[inline(never)]
    fn alloc_bytes_slow(&mut self, layout: &'static Layout, bytes: usize) -> Result<usize, AllocError> {
        let oom = AllocError::OutOfMemory { layout: layout.name, bytes };
        let p = if bytes <= MAX_SMALL {
            let class = class_of(bytes);
            if self.fast.free[class] == 0 && !self.refill(class) {
                return Err(oom);
            }
            let p = self.fast.free[class];
            // SAFETY: `p` is a free slot of `bytes` bytes: word 1 holds the next free slot.
            unsafe {
                self.fast.free[class] = ((p + 8) as *const usize).read();
                std::ptr::write_bytes(p as *mut u8, 0, bytes);
            }
            p
        } else {
            // SAFETY: `bytes` is non-zero, a multiple of 16 and at most MAX_OBJECT_BYTES.
            let p = unsafe { alloc_zeroed(AllocLayout::from_size_align(bytes, GRAIN).unwrap()) } as usize;
            if p == 0 {
                return Err(oom);
            }
            self.large.insert(p, bytes);
            self.note_growth(bytes);
            p
        };
        self.note_alloc(bytes);
        // SAFETY: `p` is a fresh, zeroed object of at least HEADER bytes.
        unsafe { (p as *mut usize).write(layout.class()) };
        if self.stress {
            self.objects.push(p);
        }
        if layout.queue_finalize {
            self.with_del.push(p);
        }
        Ok(p)
    }

    /// The bytes of the object at `p`, if `p` is the address of a live object of this heap
    /// (exact whether or not its page has been swept since the last collection).
    pub fn object_size(&self, p: usize) -> Option<usize> {
        let Some(i) = self.page_index(p & !(PAGE - 1)) else {
            return self.large.get(&p).copied();
        };
        let Page { addr, size, swept } = self.pages[i];
        let (offset, size) = (p - addr, size as usize);
        // SAFETY: `p` is a slot of one of our pages: word 0 is 0 when the slot is free;
        // otherwise `p` is an object, and on a page not swept since the last mark, word 1
        // holds its mark bit, set if and only if it is live.
        if offset % size == 0
            && offset + size <= PAGE
            && unsafe { *(p as *const usize) } != 0
            && (swept || unsafe { *((p + 8) as *const usize) } & 1 != 0)
        {
            Some(size)
        } else {
            None
        }
    }

    /// The index in `pages` of `page`, if it is one of our pages.
    #[inline(always)]
    fn page_index(&self, page: usize) -> Option<usize> {
        self.page_at.get(&page).map(|&i| i as usize)
    }

    /// Marks `q` and pushes it on `stack` if it is an object of this heap not marked yet,
    /// adding its bytes to `live`. With `leaves`, an object with nothing to scan (no
    /// references, weak fields or external memory: a str, an int, a float) is only marked,
    /// not pushed: most objects of a heap are such leaves.
    #[inline(always)]
    fn grey(&self, q: usize, stack: &mut Vec<usize>, live: &mut usize, leaves: bool) {
        if q == 0 {
            return;
        }
        if let Some(bytes) = self.object_size(q) {
            // SAFETY: `q` is a live object of this heap: word 1 holds its mark bit.
            if !unsafe { mark(q) } {
                *live += bytes;
                if leaves {
                    // SAFETY: as above: word 0 is its layout.
                    let layout = unsafe { &*(*(q as *const usize) as *const Layout) };
                    let leaf = layout.refs.is_empty()
                        && !matches!(layout.items, Some(MemKind::Ref))
                        && layout.weak.is_empty()
                        && layout.external.is_none();
                    if leaf {
                        return;
                    }
                }
                stack.push(q);
            }
        }
    }

    /// Marks everything reachable from `roots` (addresses; non-heap ones are ignored) and
    /// frees the rest: large objects at once, small ones as their pages are swept (see the
    /// module notes). Before freeing, it zeroes the weak fields whose target died and
    /// queues the unreachable objects of layouts with a finalizer queue (see `finalize.rs`).
    pub fn collect(&mut self, roots: &[usize]) {
        let t0 = Instant::now();
        // Marking needs every mark bit clear, and finalizers are due now at the latest.
        self.sweep_queued();
        let (live, live_external) = self.mark(roots);
        if self.stress {
            let swept = self.sweep_objects();
            debug_assert_eq!(swept, live, "the sweep and the mark disagree on the live bytes");
        } else {
            self.sweep_large();
            self.queue_pages();
        }
        self.stats.live_bytes = live;
        self.stats.collections += 1;
        self.stats.gc_ns += t0.elapsed().as_nanos() as u64;
        // Allocate at most as much as is live (and at least the floor) before the next
        // collection, so memory stays within about twice the live data; memory outside the
        // heap that live objects own, or that the interpreter holds, counts as live data
        // (not that of dead objects waiting for their page's sweep).
        //
        // The first collections come sooner: after FIRST_BUDGET, then twice that, and so on
        // up to MIN_BUDGET. Every page the heap takes is fresh memory, which the kernel
        // faults in one 4 KiB page at a time (1.3 µs each here), while a collection costs
        // what is live. A short program, or the warm-up of a JIT-compiled one, makes
        // garbage and little else: fern's nested loops allocate 450 KB before their loops
        // are compiled, and faulting in the heap's pages was 2 % of the run (3 % faster
        // with the ramp). A program with more live data pays at most three more collections
        // early on, each over no more than its budget. (MIN_BUDGET itself made small:
        // fern's binary trees, 1 to 4 MB live, ran 1.5 times slower, collecting as often
        // as its live data allowed.)
        self.floor = (self.floor * 2).min(MIN_BUDGET);
        self.budget = self.floor.max(live.saturating_add(live_external).saturating_add(self.untied));
        self.since_gc = 0;
        self.fast.requested = 0;
    }

    /// Marks the objects on `stack` and everything they reach, adding the bytes it marks to
    /// `live` and the external bytes they own to `external`; lists the objects it finds with
    /// weak fields in `weak_holders`, and, with `scanned`, every object it scans.
    fn drain(
        &self,
        stack: &mut Vec<usize>,
        (live, external): (&mut usize, &mut usize),
        weak_holders: &mut Vec<usize>,
        mut scanned: Option<&mut Vec<usize>>,
    ) {
        // (Leaves need no scan, but every object goes in `scanned`.)
        let leaves = scanned.is_none();
        while let Some(p) = stack.pop() {
            // SAFETY: `p` is a live object: word 0 is its layout, set at allocation.
            let layout = unsafe { &*(*(p as *const usize) as *const Layout) };
            if let Some(s) = scanned.as_deref_mut() {
                s.push(p);
            }
            if !layout.weak.is_empty() {
                weak_holders.push(p);
            }
            if let Some(off) = layout.external {
                // SAFETY: `off` is the layout's i64 external field.
                *external += unsafe { *((p + off as usize) as *const i64) }.max(0) as usize;
            }
            let refs = layout.refs;
            let mut i = 0;
            while i < refs.len() {
                // SAFETY: `refs[i]` is the offset of a reference field of this layout.
                self.grey(unsafe { *((p + refs[i] as usize) as *const usize) }, stack, live, leaves);
                i += 1;
            }
            if matches!(layout.items, Some(MemKind::Ref)) {
                // SAFETY: objects with items keep their length at `len_offset` and the
                // items from `items_offset`.
                let len = unsafe { *((p + layout.len_offset() as usize) as *const i64) } as usize;
                let items = p + layout.items_offset() as usize;
                let mut i = 0;
                while i < len {
                    // SAFETY: `i` is in bounds of the items.
                    self.grey(unsafe { *((items + 8 * i) as *const usize) }, stack, live, leaves);
                    i += 1;
                }
            }
        }
    }

    /// Sweeps every page still queued, without linking its free slots: the collection
    /// that follows queues every page again, and its sweep finds them.
    fn sweep_queued(&mut self) {
        let mut freed = 0;
        for class in 0..CLASSES {
            let size = (class + 1) * GRAIN;
            while let Some(page) = self.queued[class].pop() {
                self.set_swept(page);
                // SAFETY: a queued page was marked and not swept since.
                let swept = unsafe { sweep_page::<false>(page, size) };
                freed += swept.freed;
                self.release_external(swept.external);
            }
        }
        self.stats.freed += freed;
    }

    /// After a mark: empties the free lists and queues every page to be swept, lowest
    /// address first within each class. The slots of the old free lists are free slots of
    /// those pages: their sweep finds them again.
    fn queue_pages(&mut self) {
        self.fast.free = [0; CLASSES];
        for page in self.pages.iter_mut().rev() {
            page.swept = false;
            self.queued[class_of(page.size as usize)].push(page.addr);
        }
    }

    /// After a mark: frees the unmarked large objects and clears the marks of the others.
    fn sweep_large(&mut self) {
        // SAFETY: large objects are live objects with a header.
        let dead: Vec<(usize, usize)> =
            self.large.iter().filter(|(&p, _)| !unsafe { unmark(p) }).map(|(&p, &b)| (p, b)).collect();
        for (p, bytes) in dead {
            self.free_large(p, bytes);
        }
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
            // SAFETY: `p` is a dead object, not cleared yet.
            let external = unsafe { finalize(p, class_word) };
            self.release_external(external);
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
        let external = unsafe { finalize(p, *(p as *const usize)) };
        self.release_external(external);
        self.large.remove(&p);
        self.held -= bytes;
        self.stats.freed += 1;
        // SAFETY: allocated in alloc_bytes with this size and alignment.
        unsafe { dealloc(p as *mut u8, AllocLayout::from_size_align(bytes, GRAIN).unwrap()) };
    }
}

impl Drop for Heap {
    /// Finalizes every object still in the heap — live ones, and dead ones on pages not
    /// swept yet, which have not been finalized — and gives the large objects' memory back.
    /// The pages' memory goes back with the page source, dropped after this.
    fn drop(&mut self) {
        for &Page { addr: page, size, .. } in &self.pages {
            let size = size as usize;
            for slot in 0..PAGE / size {
                let p = page + slot * size;
                // SAFETY: `p` is a slot of one of our pages: word 0 is its class, 0 if free.
                let class_word = unsafe { (p as *const usize).read() };
                if class_word != 0 {
                    // SAFETY: `p` is an object, live or dead, not cleared (nor finalized).
                    unsafe { finalize(p, class_word) };
                }
            }
        }
        for (&p, &bytes) in &self.large {
            // SAFETY: `p` is a live large object (dead ones are freed by the collection
            // that finds them): word 0 is its layout; it was allocated in alloc_bytes with
            // this size and alignment.
            unsafe {
                finalize(p, (p as *const usize).read());
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

/// The checked allocation compiled code calls (`Ctx::try_new_array`):
/// `(heap, layout, len) -> object, or 0 if the length is negative or too large or the system
/// has no memory`.
pub(crate) extern "C" fn try_alloc_array_slow(heap: u64, layout: u64, len: u64) -> u64 {
    // SAFETY: as in `alloc_slow`.
    let (heap, layout) = unsafe { (&mut *(heap as *mut Heap), &*(layout as *const Layout)) };
    match usize::try_from(len as i64) {
        Ok(len) => heap.try_alloc_array(layout, len).unwrap_or(0) as u64,
        Err(_) => 0,
    }
}

/// `Ctx::attach_memory_pressure` in compiled code: `(heap, obj, bytes)`; negative `bytes`
/// count as none.
pub(crate) extern "C" fn attach_memory_pressure_helper(heap: u64, obj: u64, bytes: u64) -> u64 {
    // SAFETY: as in `alloc_slow`.
    let heap = unsafe { &mut *(heap as *mut Heap) };
    heap.attach_memory_pressure(obj as usize, (bytes as i64).max(0) as usize);
    0
}

pub(crate) use finalize::{finalizable_len_helper, take_finalizable_helper};

#[cfg(test)]
mod tests;
