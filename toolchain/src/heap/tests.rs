//! Unit tests of the heap: allocation, marking, lazy and eager sweeps, finalizers, weak fields,
//! the finalizer queue, memory pressure and checked sizes.

use super::*;

static PAIR: Layout = Layout::object("Pair", 16, &[HEADER, HEADER + 8]);
static BOX: Layout = Layout::object("Box", 8, &[]);
static REFS: Layout = Layout::array("Refs", MemKind::Ref);

/// Writes the word at offset `off` of the object `p` (tests pass objects they own and
/// offsets within them).
fn set(p: usize, off: i32, v: usize) {
    // SAFETY: `p + off` is a word of an object of a live heap.
    unsafe { ((p + off as usize) as *mut usize).write(v) }
}

/// Reads the word at offset `off` of the object (or free slot) `p`.
fn get(p: usize, off: i32) -> usize {
    // SAFETY: `p + off` is a word of an object or slot of a live heap.
    unsafe { ((p + off as usize) as *const usize).read() }
}

/// Both sweeps: pages swept lazily, and stress mode's list of objects, eagerly.
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
        assert_eq!(h.stats().live_bytes, 32 + 32 + 32 + 48);
        // Freed slots are reused (once their page is swept, when the allocation needs
        // a refill); survivors stay alive through more collections.
        let again = h.alloc(&PAIR);
        assert_eq!(again, garbage, "stress: {stress}");
        assert_eq!(h.stats().freed, 1);
        h.collect(&[a, arr]);
        assert!(h.object_size(again).is_none() && h.object_size(c).is_some());
        h.collect(&[arr]);
        assert!(h.object_size(a).is_none() && h.object_size(b).is_none() && h.object_size(c).is_some());
        // Small objects are counted as freed when their page is swept: by the start of
        // the next collection at the latest.
        h.collect(&[arr]);
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
        // Each runs when its page is swept: at the next collection at the latest.
        assert!(FINALIZED.load(Relaxed) <= 10);
        h.collect(&[keep]);
        assert_eq!(FINALIZED.load(Relaxed), 10);
        h.collect(&[keep]);
        assert_eq!(FINALIZED.load(Relaxed), 10);
        drop(h);
        assert_eq!(FINALIZED.load(Relaxed), 11);
    }
}

#[test]
fn the_first_collections_come_early() {
    // A fresh heap asks for its first collection after FIRST_BUDGET bytes of garbage, then
    // after twice as much each time, up to MIN_BUDGET (counted a page's worth of slots at a
    // time: see the module docs).
    let mut h = Heap::new(false);
    let first = h.alloc(&BOX);
    let size = h.object_size(first).unwrap();
    let mut allocated = Vec::new();
    for _ in 0..6 {
        let mut bytes = 0;
        while !h.requested() {
            h.alloc(&BOX);
            bytes += size;
        }
        allocated.push(bytes);
        h.collect(&[]);
    }
    let want = [FIRST_BUDGET, 2 * FIRST_BUDGET, 4 * FIRST_BUDGET, MIN_BUDGET, MIN_BUDGET, MIN_BUDGET];
    for (got, want) in allocated.iter().zip(want) {
        assert!(got.abs_diff(want) <= PAGE, "{allocated:?}");
    }
    // Its pages are reused: the heap holds about the budget, not what was allocated.
    assert!(h.stats().peak_bytes <= MIN_BUDGET + 2 * PAGE, "{:?}", h.stats());
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
/// Slots of `size` bytes in a page.
fn cap(size: usize) -> usize {
    PAGE / size
}

#[test]
fn lazily_swept_slots_are_reused_in_address_order_before_any_new_page() {
    let mut h = Heap::new(false);
    // Three pages of boxes, full.
    let all: Vec<usize> = (0..3 * cap(32)).map(|_| h.alloc(&BOX)).collect();
    assert_eq!(h.pages.len(), 3);
    for (i, &p) in all.iter().enumerate() {
        set(p, HEADER, i + 1);
    }
    // Keep every third box of the first page allocated, all of the last one, none of
    // the middle one.
    let keep: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|&(i, _)| (i < cap(32) && i % 3 == 0) || i >= 2 * cap(32))
        .map(|(_, &p)| p)
        .collect();
    let mut dead: Vec<usize> = all.iter().copied().filter(|p| !keep.contains(p)).collect();
    dead.sort_unstable();
    h.collect(&keep);
    assert_eq!(h.stats().live_bytes, 32 * keep.len());
    // Nothing is swept (or counted freed) until an allocation needs it...
    assert_eq!(h.stats().freed, 0);
    assert!(dead.iter().all(|&p| h.object_size(p).is_none()));
    assert!(keep.iter().all(|&p| h.object_size(p) == Some(32)));
    let held = h.held;
    // ...and then the dead slots come back, lowest address first, page by page.
    let first = h.alloc(&BOX);
    assert_eq!(first, dead[0]);
    let lowest = first & !(PAGE - 1);
    let dead_in_lowest = dead.iter().filter(|&&p| p & !(PAGE - 1) == lowest).count();
    assert_eq!(h.stats().freed, dead_in_lowest as u64);
    let mut again = vec![first];
    again.extend((1..dead.len()).map(|_| h.alloc(&BOX)));
    assert_eq!(again, dead);
    assert_eq!(h.stats().freed, dead.len() as u64);
    assert_eq!((h.pages.len(), h.held), (3, held), "no page is taken while slots are free");
    // They come back cleared, and the survivors are untouched.
    for &p in &again {
        assert_eq!(get(p, HEADER), 0);
    }
    for (i, &p) in all.iter().enumerate() {
        if keep.contains(&p) {
            assert_eq!(get(p, HEADER), i + 1);
        }
    }
    // Now nothing is free: the next allocation takes a page.
    h.alloc(&BOX);
    assert_eq!(h.pages.len(), 4);
}

#[test]
fn free_slots_are_zero_but_for_word_1_after_a_lazy_sweep() {
    static WORDS: Layout = Layout::array("Words", MemKind::I64);
    // Slot sizes 32, 48, 64 (swept with a constant size) and 80, 512 (not).
    for len in [1, 3, 5, 7, 61] {
        let mut h = Heap::new(false);
        let bytes = WORDS.bytes(len).unwrap();
        let objects: Vec<usize> = (0..100).map(|_| h.alloc_array(&WORDS, len)).collect();
        for &p in &objects {
            for i in 0..len {
                set(p, ARRAY_ITEMS + 8 * i as i32, !0);
            }
        }
        h.collect(&objects[50..51]);
        h.alloc_array(&WORDS, len);
        // What compiled code would pop next: every slot of the list is clear but for
        // its link.
        let mut p = h.fast.free[class_of(bytes)];
        let mut n = 0;
        while p != 0 {
            let words: Vec<usize> = (0..bytes as i32 / 8).map(|i| get(p, 8 * i)).collect();
            assert!(words[0] == 0 && words[2..].iter().all(|&w| w == 0), "{bytes}-byte slot {p:#x}");
            p = words[1];
            n += 1;
        }
        assert_eq!(n, cap(bytes) - 2, "{bytes}-byte slots: all but the survivor and the new one");
    }
}

static FINALIZED_LAZILY: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
fn count_finalized_lazily(_: usize) {
    FINALIZED_LAZILY.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}
static COUNTED_LAZILY: Layout = Layout::object("CountedLazily", 8, &[]).with_finalizer(count_finalized_lazily);
static BIG_COUNTED: Layout = Layout::array("BigCounted", MemKind::I64).with_finalizer(count_finalized_lazily);

#[test]
fn finalizers_run_once_when_a_page_is_swept_lazily_or_at_the_next_collection() {
    use std::sync::atomic::Ordering::Relaxed;
    let finalized = || FINALIZED_LAZILY.load(Relaxed);
    FINALIZED_LAZILY.store(0, Relaxed);
    let mut h = Heap::new(false);
    // Two pages of finalizable boxes, and a large object.
    let all: Vec<usize> = (0..2 * cap(32)).map(|_| h.alloc(&COUNTED_LAZILY)).collect();
    let big = h.alloc_array(&BIG_COUNTED, 100);
    let keep = [all[0], all[cap(32)]];
    h.collect(&keep);
    // The dead large object is finalized by the collection; the small ones wait for
    // their page's sweep.
    assert_eq!(finalized(), 1);
    assert!(h.object_size(big).is_none());
    let lowest = all.iter().min().unwrap() & !(PAGE - 1);
    let fresh = h.alloc(&COUNTED_LAZILY);
    assert_eq!(fresh & !(PAGE - 1), lowest);
    assert_eq!(finalized(), 1 + cap(32) - 1, "the lowest page's dead boxes");
    // The other page is still queued: the next collection sweeps it first.
    h.collect(&[keep[0], keep[1], fresh]);
    assert_eq!(finalized(), 1 + 2 * cap(32) - 2);
    h.collect(&[keep[0], keep[1], fresh]);
    assert_eq!(finalized(), 1 + 2 * cap(32) - 2, "no finalizer runs twice");
    // Dropping the heap finalizes the rest: the survivors, and the dead objects of
    // pages not swept yet (`fresh`, dead now), once each.
    h.collect(&keep);
    assert_eq!(h.pages.iter().filter(|p| !p.swept).count(), 2);
    drop(h);
    assert_eq!(finalized(), 1 + 2 * cap(32) + 1);
}

#[test]
fn live_bytes_and_object_size_are_exact_right_after_a_collection() {
    static WORDS: Layout = Layout::array("Words", MemKind::I64);
    for stress in MODES {
        let mut h = Heap::new(stress);
        let a = h.alloc(&PAIR);
        let b = h.alloc(&BOX);
        let words = h.alloc_array(&WORDS, 7);
        let big = h.alloc_array(&REFS, 100);
        set(a, HEADER, b);
        set(a, HEADER + 8, words);
        set(big, ARRAY_ITEMS, a);
        let dead = h.alloc(&PAIR);
        h.collect(&[big]);
        assert_eq!(h.stats().live_bytes, 32 + 32 + 80 + 832);
        assert_eq!([a, b, words, big, dead].map(|p| h.object_size(p)), [Some(32), Some(32), Some(80), Some(832), None]);
        // Collecting again with nothing swept in between: the marks the first one left
        // on the queued pages are cleared before marking, so what died since is freed.
        h.collect(&[a]);
        assert_eq!(h.stats().live_bytes, 32 + 32 + 80);
        assert_eq!([a, b, words, big].map(|p| h.object_size(p)), [Some(32), Some(32), Some(80), None]);
        h.collect(&[b]);
        assert_eq!(h.stats().live_bytes, 32);
        assert_eq!([a, b, words].map(|p| h.object_size(p)), [None, Some(32), None]);
        h.collect(&[]);
        assert_eq!(h.stats().live_bytes, 0);
        assert!(h.object_size(b).is_none());
        h.collect(&[]);
        assert_eq!(h.stats().freed, 5, "stress: {stress}");
    }
}

#[test]
fn memory_stays_flat_over_many_collections_with_survivors() {
    static WORDS: Layout = Layout::array("Words", MemKind::I64);
    for stress in MODES {
        let mut h = Heap::new(stress);
        // A ring of long-lived pairs, each replaced now and then, among short-lived
        // objects of several sizes.
        let mut ring = vec![0; 2000];
        let (mut collections, mut peak_after_warmup) = (0, 0);
        for i in 0..1_500_000usize {
            let p = match i % 4 {
                0 => h.alloc(&PAIR),
                1 => h.alloc(&BOX),
                2 => h.alloc_array(&WORDS, i % 8),
                _ => h.alloc_array(&WORDS, 60),
            };
            if i % 7 == 0 {
                let at = (i / 7) % ring.len();
                ring[at] = p;
            }
            if i % 1000 == 0 && h.requested() {
                h.collect(&ring);
                collections += 1;
                if collections == 5 {
                    peak_after_warmup = h.stats().peak_bytes;
                }
                let live: usize = ring.iter().filter_map(|&p| h.object_size(p)).sum();
                assert!(h.stats().live_bytes >= live && h.stats().live_bytes <= live + 48 * ring.len());
            }
        }
        assert!(collections > 20, "stress: {stress}: {collections} collections");
        assert!(h.stats().peak_bytes <= 2 * MIN_BUDGET + 8 * PAGE, "{:?}", h.stats());
        assert!(h.stats().peak_bytes <= peak_after_warmup + 4 * PAGE, "{:?}", h.stats());
    }
}

/// A str: a cached hash, then bytes.
static STR: Layout = Layout::var("Str", 8, &[], MemKind::U8);
/// A tuple: its type (a reference), then references.
static TUPLE: Layout = Layout::var("Tuple", 8, &[HEADER], MemKind::Ref);

#[test]
fn objects_with_fixed_fields_and_items_are_one_allocation() {
    assert_eq!((STR.len_offset(), STR.items_offset(), STR.fields_bytes()), (24, 32, 8));
    assert_eq!((REFS.len_offset(), REFS.items_offset(), REFS.fields_bytes()), (ARRAY_LEN, ARRAY_ITEMS, 0));
    let items = TUPLE.items_array("Tuple.items");
    assert_eq!((items.base, items.len_offset, items.kind), (32, Some(24), MemKind::Ref));
    assert_eq!(TUPLE.word_field("Tuple.type", 0, MemKind::Ref).offset, HEADER);
    assert_eq!([STR.bytes(0), STR.bytes(16), STR.bytes(17)], [Some(32), Some(48), Some(64)]);
    for stress in MODES {
        let mut h = Heap::new(stress);
        let s = h.alloc_array(&STR, 100);
        assert_eq!(get(s, 24), 100);
        assert_eq!(h.object_size(s), Some(144));
        // The type and the items of a tuple are traced; the str's hash and bytes are not.
        let ty = h.alloc(&BOX);
        let t = h.alloc_array(&TUPLE, 3);
        set(t, HEADER, ty);
        set(t, 32 + 16, s);
        set(s, HEADER, h.alloc(&BOX)); // a hash that looks like a reference
        let dead_looking = get(s, HEADER);
        let garbage = h.alloc_array(&TUPLE, 2);
        h.collect(&[t]);
        assert_eq!([t, ty, s].map(|p| h.object_size(p).is_some()), [true; 3]);
        assert_eq!([garbage, dead_looking].map(|p| h.object_size(p)), [None, None]);
        assert_eq!(h.stats().live_bytes, 64 + 32 + 144);
    }
}

#[test]
fn sizes_are_checked() {
    for layout in [&REFS, &STR, &TUPLE] {
        let max = layout.max_len();
        assert!(layout.bytes(max).is_some_and(|b| b <= MAX_OBJECT_BYTES), "{}", layout.name);
        assert_eq!(layout.bytes(max + 1), None, "{}", layout.name);
        assert_eq!(layout.bytes(usize::MAX), None, "{}", layout.name);
    }
    assert_eq!(REFS.bytes(1 << 61), None, "8 * 2^61 overflows");
    let mut h = Heap::new(false);
    assert_eq!(h.try_alloc_array(&REFS, 1 << 61), Err(AllocError::TooLarge { layout: "Refs", len: 1 << 61 }));
    assert_eq!(h.try_alloc_array(&STR, usize::MAX), Err(AllocError::TooLarge { layout: "Str", len: i64::MAX }));
    // Representable, but more than the address space: the system says no.
    let e = h.try_alloc_array(&REFS, 1 << 57).unwrap_err();
    assert!(matches!(e, AllocError::OutOfMemory { layout: "Refs", .. }), "{e}");
    assert_eq!(h.stats().objects, 0, "failed allocations are not counted");
    // The heap goes on working.
    let a = h.try_alloc_array(&REFS, 2).unwrap();
    assert_eq!(get(a, ARRAY_LEN), 2);
    h.collect(&[a]);
    assert_eq!(h.stats().live_bytes, 48);
}

#[test]
#[should_panic(expected = "cannot allocate Refs with 2305843009213693952 items: too large")]
fn the_infallible_path_panics_on_a_size_that_does_not_fit() {
    Heap::new(false).alloc_array(&REFS, 1 << 61);
}

/// A weak reference: `target` is weak, `strong` a strong reference.
static WEAK: Layout = Layout::object("Weak", 16, &[HEADER + 8]).with_weak(&[HEADER]);
static BIG_REFS: Layout = Layout::array("BigRefs", MemKind::Ref);

#[test]
fn weak_fields_are_zeroed_when_their_target_dies() {
    for stress in MODES {
        let mut h = Heap::new(stress);
        let w = h.alloc(&WEAK);
        let (dies, lives) = (h.alloc(&BOX), h.alloc(&BOX));
        let keep = h.alloc(&PAIR);
        set(keep, HEADER, lives);
        set(keep, HEADER + 8, w);
        set(w, HEADER, dies);
        // A weak field does not keep its target alive, and is zeroed before it is freed.
        h.collect(&[keep]);
        assert_eq!((get(w, HEADER), h.object_size(dies)), (0, None), "stress: {stress}");
        // A live target stays; so do words that are not heap objects.
        set(w, HEADER, lives);
        h.collect(&[keep]);
        assert_eq!(get(w, HEADER), lives);
        set(w, HEADER, 12345);
        h.collect(&[keep]);
        assert_eq!(get(w, HEADER), 12345);
        // Large targets; and a weak holder reached only through its strong field.
        let (w2, big) = (h.alloc(&WEAK), h.alloc_array(&BIG_REFS, 100));
        set(w, HEADER + 8, w2);
        set(w, HEADER, big);
        set(w2, HEADER, big);
        h.collect(&[keep]);
        assert_eq!((get(w, HEADER), get(w2, HEADER), h.object_size(big)), (0, 0, None));
        assert_eq!(h.stats().weak_cleared, 3);
        // A weak reference to itself, and a target kept by another path.
        set(w, HEADER, w);
        set(w2, HEADER, lives);
        h.collect(&[keep]);
        assert_eq!((get(w, HEADER), get(w2, HEADER)), (w, lives));
    }
}

static DEL_RAN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
fn count_del_freed(_: usize) {
    DEL_RAN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}
/// An object with `__del__` and a reference field (and a Rust finalizer, counting frees).
static DEL: Layout = Layout::object("Del", 16, &[HEADER]).with_finalizer_queue().with_finalizer(count_del_freed);

#[test]
fn unreachable_objects_with_a_finalizer_queue_are_handed_over_once_then_freed() {
    use std::sync::atomic::Ordering::Relaxed;
    for stress in MODES {
        DEL_RAN.store(0, Relaxed);
        let mut h = Heap::new(stress);
        let keep = h.alloc(&DEL);
        let (a, b) = (h.alloc(&DEL), h.alloc(&DEL));
        let child = h.alloc(&BOX);
        set(a, HEADER, child);
        set(b, HEADER, a);
        set(child, HEADER, 7);
        let w = h.alloc(&WEAK);
        set(w, HEADER, child);
        let weak_to_a = h.alloc(&WEAK);
        set(weak_to_a, HEADER, a);
        set(w, HEADER + 8, weak_to_a);
        h.collect(&[keep, w]);
        // Both unreachable ones are queued, in allocation order, and kept with what they
        // reach; weak references to them and to what they reach are already cleared.
        assert_eq!(h.finalizable_len(), 2);
        assert_eq!([a, b, child].map(|p| h.object_size(p).is_some()), [true; 3]);
        assert_eq!(get(child, HEADER), 7);
        assert_eq!((get(w, HEADER), get(weak_to_a, HEADER)), (0, 0));
        // The queue is a root until the interpreter takes them.
        h.collect(&[keep, w]);
        assert_eq!([a, b, child].map(|p| h.object_size(p).is_some()), [true; 3]);
        assert_eq!(h.stats().finalizable_queued, 2);
        assert_eq!(h.take_finalizable(), Some(a));
        // `a` is resurrected: a finalizer stored it somewhere live. `b` is not.
        assert_eq!(h.take_finalizable(), Some(b));
        assert_eq!(h.take_finalizable(), None);
        set(keep, HEADER, a);
        h.collect(&[keep, w]);
        h.collect(&[keep, w]);
        assert_eq!(h.object_size(b), None);
        assert_eq!([a, child].map(|p| h.object_size(p).is_some()), [true; 2]);
        assert_eq!((DEL_RAN.load(Relaxed), h.finalizable_len()), (1, 0), "b freed (its Rust finalizer ran)");
        // Never queued twice: when `a` dies again it is just freed.
        set(keep, HEADER, 0);
        h.collect(&[keep, w]);
        h.collect(&[keep, w]);
        assert_eq!((h.finalizable_len(), h.object_size(a), h.object_size(child)), (0, None, None));
        assert_eq!(DEL_RAN.load(Relaxed), 2);
        assert_eq!(h.stats().finalizable_queued, 2);
        drop(h);
        assert_eq!(DEL_RAN.load(Relaxed), 3, "keep, at the heap's end");
    }
}

static EXTERNAL_FREED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
fn free_external(p: usize) {
    EXTERNAL_FREED.fetch_add(get(p, HEADER + 8), std::sync::atomic::Ordering::Relaxed);
}
/// An object owning memory outside the heap (the bytes in its field at HEADER + 8).
static EXT: Layout = Layout::object("Ext", 16, &[]).with_external(HEADER + 8).with_finalizer(free_external);
static BIG_EXT: Layout = Layout::var("BigExt", 16, &[], MemKind::I64).with_external(HEADER + 8);

#[test]
fn external_memory_drives_collection_and_is_released_with_its_owner() {
    use std::sync::atomic::Ordering::Relaxed;
    for stress in MODES {
        EXTERNAL_FREED.store(0, Relaxed);
        let mut h = Heap::new(stress);
        let (keep, dies, big) = (h.alloc(&EXT), h.alloc(&EXT), h.alloc_array(&BIG_EXT, 100));
        h.collect(&[keep, dies, big]);
        assert!(!h.requested());
        h.attach_memory_pressure(keep, 1 << 20);
        h.attach_memory_pressure(dies, 2 << 20);
        h.attach_memory_pressure(dies, 1 << 20);
        h.attach_memory_pressure(big, 3 << 20);
        assert_eq!(h.stats().external_bytes, 7 << 20);
        assert_eq!(get(dies, HEADER + 8), 3 << 20);
        assert!(h.requested(), "7 MiB outside the heap is past the 4 MiB budget");
        // Released as the owners are freed: the large one by the collection, the small one
        // when its page is swept (by the next collection at the latest).
        h.collect(&[keep]);
        assert_eq!(h.stats().external_bytes, if stress { 1 << 20 } else { 4 << 20 });
        h.collect(&[keep]);
        assert_eq!(h.stats().external_bytes, 1 << 20, "stress: {stress}");
        assert_eq!(EXTERNAL_FREED.load(Relaxed), 3 << 20);
        // Untied pressure.
        h.add_memory_pressure(100);
        h.release_memory_pressure(40);
        assert_eq!(h.stats().external_bytes, (1 << 20) + 60);
        assert_eq!(h.stats().peak_external_bytes, 7 << 20);
    }
}

#[test]
fn objects_registered_one_by_one_are_queued_like_those_of_a_finalizer_queue_layout() {
    for stress in MODES {
        let mut h = Heap::new(stress);
        let keep = h.alloc(&PAIR);
        let (dies, lives, plain) = (h.alloc(&PAIR), h.alloc(&PAIR), h.alloc(&BOX));
        let child = h.alloc(&BOX);
        set(dies, HEADER, child);
        set(keep, HEADER, lives);
        h.register_finalizer(dies);
        h.register_finalizer(lives);
        let w = h.alloc(&WEAK);
        set(w, HEADER, dies);
        set(keep, HEADER + 8, w);
        h.collect(&[keep]);
        // The registered dead one is queued with what it reaches; the plain one is freed.
        assert_eq!(h.take_finalizable(), Some(dies));
        assert_eq!(h.take_finalizable(), None);
        assert_eq!([dies, child].map(|p| h.object_size(p).is_some()), [true; 2]);
        assert_eq!((h.object_size(plain), get(w, HEADER)), (None, 0));
        // What is left registered (the live one) is handed over at the end, once.
        assert_eq!(h.registered_len(), 1);
        assert_eq!(h.take_registered(), vec![lives]);
        assert!(h.take_registered().is_empty());
        set(keep, HEADER, 0);
        h.collect(&[keep]);
        h.collect(&[keep]);
        assert_eq!(h.take_finalizable(), None);
        assert_eq!([dies, child, lives].map(|p| h.object_size(p)), [None; 3]);
    }
}

/// The public entry points that read an object's header check that it is one: an address
/// that is not (a stale reference, an integer) panics instead of reading arbitrary memory.
#[test]
#[should_panic(expected = "is not a live object of this heap")]
fn attach_memory_pressure_rejects_what_is_not_an_object() {
    static EXT: Layout = Layout::object("Ext", 8, &[]).with_external(HEADER);
    let mut h = Heap::new(false);
    let a = h.alloc(&EXT);
    h.attach_memory_pressure(a, 100);
    assert_eq!(h.stats().external_bytes, 100);
    let not_an_object = Box::new([0usize; 4]);
    h.attach_memory_pressure(not_an_object.as_ptr() as usize, 100);
}

#[test]
#[should_panic(expected = "is not a live object of this heap")]
fn register_finalizer_rejects_a_freed_object() {
    let mut h = Heap::new(true);
    let a = h.alloc(&BOX);
    h.collect(&[]);
    assert_eq!(h.object_size(a), None);
    h.register_finalizer(a);
}
