//! Layouts: how the collector and the JIT see a kind of object (its size, where its strong and
//! weak references are, what happens when it dies), the descriptors derived from a layout, and
//! checked object sizes.
//!
//! An object is a two-word header, then `fields` bytes of fixed fields; a layout with items
//! adds a length word (an `i64`) and the items right after it:
//!
//! ```text
//! fixed:     [class | gc] [field 0] [field 1] ...
//! with items [class | gc] [field 0] ... [field n-1] [len] [item 0] [item 1] ...
//!                                                    ^ len_offset() ^ items_offset()
//! ```
//!
//! [`Layout::array`] is the case without fixed fields (length at [`ARRAY_LEN`], items at
//! [`ARRAY_ITEMS`]). Sizes are checked: [`Layout::bytes`] is `None` for a length whose object
//! would not fit in [`MAX_OBJECT_BYTES`], so no allocation ever gets a short object.

use super::{GRAIN, HEADER};
use crate::descr::{ArrayDescr, FieldDescr, MemKind};

/// Offset of an array's length word (layouts made with [`Layout::array`]).
pub const ARRAY_LEN: i32 = 16;
/// Offset of an array's first item (layouts made with [`Layout::array`]).
pub const ARRAY_ITEMS: i32 = 24;
/// The largest object the heap allocates, in bytes (`isize::MAX` rounded down to the grain:
/// what Rust's allocator accepts). A bigger one is an [`AllocError::TooLarge`]; one the
/// system cannot provide is an [`AllocError::OutOfMemory`].
pub const MAX_OBJECT_BYTES: usize = isize::MAX as usize & !(GRAIN - 1);

/// How the collector and the JIT see a kind of object: its size, where its references are,
/// and what to do when it dies.
///
/// Build one with a constructor and the `with_*` modifiers, in a `static` (its address is the
/// objects' class word):
///
/// ```
/// use metatrace::heap::{Layout, HEADER};
/// use metatrace::{ArrayDescr, FieldDescr, MemKind};
/// /// A Python-like str: a cached hash (0: not computed yet), then the bytes.
/// static STR: Layout = Layout::var("Str", 8, &[], MemKind::U8);
/// const STR_HASH: FieldDescr = STR.word_field("Str.hash", 0, MemKind::I64);
/// const STR_BYTES: ArrayDescr = STR.items_array("Str.bytes");
/// assert_eq!((STR_HASH.offset, STR_BYTES.base, STR_BYTES.len_offset), (HEADER, 32, Some(24)));
/// assert_eq!(STR.bytes(5), Some(48)); // 32 bytes then 5 items, rounded up to 16
/// assert_eq!(STR.bytes(usize::MAX), None);
/// ```
#[derive(Debug)]
pub struct Layout {
    /// Name in traces and diagnostics.
    pub name: &'static str,
    /// Size in bytes of a fixed object, header included; for a layout with items, the offset
    /// of item 0 (header, fixed fields and the length word).
    pub size: u32,
    /// Offsets of the fields holding references (traced by the collector).
    pub refs: &'static [i32],
    /// For layouts with items: how the items are stored (`Ref` items are traced).
    pub items: Option<MemKind>,
    /// Called with the object's address when it dies (to release Rust-side resources). It
    /// must not touch the heap.
    pub finalize: Option<fn(usize)>,
    /// Offsets of weak reference fields: not traced; a collection zeroes those whose target
    /// died (see [`Layout::with_weak`]).
    pub weak: &'static [i32],
    /// Dead objects are handed to the interpreter once before they are freed (see
    /// [`Layout::with_finalizer_queue`]).
    pub queue_finalize: bool,
    /// Offset of an `i64` field counting the bytes of memory outside the heap the object
    /// owns (see [`Layout::with_external`]).
    pub external: Option<i32>,
    /// Objects have no observable identity (see [`Layout::with_value_semantics`]).
    pub value: bool,
}

impl Layout {
    const BASE: Layout = Layout {
        name: "",
        size: HEADER as u32,
        refs: &[],
        items: None,
        finalize: None,
        weak: &[],
        queue_finalize: false,
        external: None,
        value: false,
    };

    /// A fixed-size object with `fields` bytes of fields after the header; `refs` are the
    /// offsets of its reference fields.
    pub const fn object(name: &'static str, fields: u32, refs: &'static [i32]) -> Layout {
        Layout { name, size: HEADER as u32 + fields, refs, ..Layout::BASE }
    }
    /// An array of `items`: a length word at [`ARRAY_LEN`], items from [`ARRAY_ITEMS`].
    pub const fn array(name: &'static str, items: MemKind) -> Layout {
        Layout::var(name, 0, &[], items)
    }
    /// An object with `fields` bytes of fixed fields (a multiple of 8; `refs` are the offsets
    /// of its reference fields), then a length word and a variable number of `items`, in one
    /// allocation: a str with a cached hash, a tuple with its type. Allocate it like an array
    /// (`Ctx::new_array`, `Ctx::try_new_array`); its items are at [`Layout::items_array`].
    pub const fn var(name: &'static str, fields: u32, refs: &'static [i32], items: MemKind) -> Layout {
        assert!(fields.is_multiple_of(8), "fixed fields are whole words");
        Layout { name, size: HEADER as u32 + fields + 8, refs, items: Some(items), ..Layout::BASE }
    }
    /// The same layout, declared a *value*: the language never observes the identity of its
    /// objects (no `is` on them) and writes every field once, when it builds one, so an
    /// object with the same fields may stand in for one. The JIT may then rebuild such an
    /// object from its fields where that saves work (if-conversion, `metatrace_jit::opt::ifconv`).
    pub const fn with_value_semantics(self) -> Layout {
        Layout { value: true, ..self }
    }
    /// The same layout with a finalizer.
    pub const fn with_finalizer(self, f: fn(usize)) -> Layout {
        Layout { finalize: Some(f), ..self }
    }
    /// The same layout with weak reference fields at `offsets` (not in `refs`): they do not
    /// keep their target alive, and the collection that frees the target zeroes them first.
    /// A weak field whose target is only kept alive to be finalized (see
    /// [`Layout::with_finalizer_queue`]) is zeroed too, before the finalizer runs, as
    /// CPython clears weak references before calling `__del__`.
    pub const fn with_weak(self, offsets: &'static [i32]) -> Layout {
        Layout { weak: offsets, ..self }
    }
    /// The same layout with interpreter-level finalization (Python's `__del__`): a
    /// collection that finds an object of it unreachable does not free it but queues it,
    /// with everything it reaches, for the interpreter, which takes it with
    /// `Ctx::take_finalizable` at a safe point and runs its finalizer; the object is freed by
    /// a later collection once unreachable again. Each object is queued at most once. Such
    /// objects are always really allocated (the JIT never removes their allocation), and
    /// compiled code allocates them through the slow path, which registers them.
    pub const fn with_finalizer_queue(self) -> Layout {
        Layout { queue_finalize: true, ..self }
    }
    /// The same layout with an `i64` field at `offset` counting the bytes outside the heap
    /// the object owns (a bigint's digits in a Rust `Vec`, freed by its Rust finalizer). The
    /// interpreter adds to it with `Heap::attach_memory_pressure` (or
    /// `Ctx::attach_memory_pressure`), which also counts the bytes towards the next
    /// collection; the heap releases them when it frees the object.
    pub const fn with_external(self, offset: i32) -> Layout {
        Layout { external: Some(offset), ..self }
    }
    /// The word stored in header word 0 of objects of this layout (its class).
    pub fn class(&'static self) -> usize {
        self as *const Layout as usize
    }
    /// The descriptor of a field at `offset` (from the object's start, header included).
    pub const fn field(name: &'static str, offset: i32, kind: MemKind) -> FieldDescr {
        FieldDescr::new(name, offset, kind)
    }
    /// The descriptor of a [`Layout::array`] layout's items.
    pub const fn items_descr(name: &'static str, kind: MemKind) -> ArrayDescr {
        ArrayDescr::new(name, ARRAY_ITEMS, kind).with_len(ARRAY_LEN)
    }
    /// Bytes of fixed fields after the header.
    pub const fn fields_bytes(&self) -> u32 {
        match self.items {
            Some(_) => self.size - HEADER as u32 - 8,
            None => self.size - HEADER as u32,
        }
    }
    /// The descriptor of fixed field number `index` (a word: at `HEADER + 8 * index`) of
    /// this layout, stored as `kind`. Panics (at compile time in a `const`) if the layout
    /// has no such field.
    pub const fn word_field(&self, name: &'static str, index: u32, kind: MemKind) -> FieldDescr {
        assert!(8 * index < self.fields_bytes(), "no fixed field at this index");
        FieldDescr::new(name, HEADER + 8 * index as i32, kind)
    }
    /// Offset of the length word of a layout with items.
    pub const fn len_offset(&self) -> i32 {
        assert!(self.items.is_some(), "a layout without items has no length");
        self.size as i32 - 8
    }
    /// Offset of item 0 of a layout with items.
    pub const fn items_offset(&self) -> i32 {
        assert!(self.items.is_some(), "a layout without items has no items");
        self.size as i32
    }
    /// The descriptor of this layout's items (with its length word).
    pub const fn items_array(&self, name: &'static str) -> ArrayDescr {
        let Some(kind) = self.items else { panic!("a layout without items has no items") };
        ArrayDescr::new(name, self.items_offset(), kind).with_len(self.len_offset())
    }
    /// The bytes of an object of this layout with `len` items (ignored without items),
    /// rounded up to the heap's grain; `None` if it would exceed [`MAX_OBJECT_BYTES`].
    pub const fn bytes(&self, len: usize) -> Option<usize> {
        let items = match self.items {
            Some(k) => match (k.size() as usize).checked_mul(len) {
                Some(b) => b,
                None => return None,
            },
            None => 0,
        };
        match (self.size as usize).checked_add(items) {
            Some(b) if b <= MAX_OBJECT_BYTES => Some((b + GRAIN - 1) & !(GRAIN - 1)),
            _ => None,
        }
    }
    /// The most items an object of this layout may have (0 without items).
    pub const fn max_len(&self) -> usize {
        match self.items {
            Some(k) => (MAX_OBJECT_BYTES - self.size as usize) / k.size() as usize,
            None => 0,
        }
    }
    /// Whether objects of this layout must really be allocated (never removed by the
    /// optimizer, never allocated on the inline fast path): a finalizer would be skipped.
    pub(crate) const fn finalized(&self) -> bool {
        self.finalize.is_some() || self.queue_finalize
    }
}

/// Why an allocation failed: the interpreter raises its `MemoryError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// The length is negative, or the object would exceed [`MAX_OBJECT_BYTES`].
    TooLarge {
        /// The layout's name.
        layout: &'static str,
        /// The length asked for.
        len: i64,
    },
    /// The system did not provide the memory.
    OutOfMemory {
        /// The layout's name.
        layout: &'static str,
        /// The bytes asked for.
        bytes: usize,
    },
}

impl std::fmt::Display for AllocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AllocError::TooLarge { layout, len } => write!(f, "cannot allocate {layout} with {len} items: too large"),
            AllocError::OutOfMemory { layout, bytes } => {
                write!(f, "cannot allocate {layout} of {bytes} bytes: out of memory")
            }
        }
    }
}

impl std::error::Error for AllocError {}
