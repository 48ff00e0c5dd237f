//! Python objects on the toolchain's heap: their layouts, field descriptors, and the
//! constructors and accessors the interpreter and the object space use.
//!
//! Every Python value is a heap reference whose class word (the layout) says how it is stored:
//! - `int`: [`INT`] holds an `i64`; ints past 64 bits are [`BIGINT`]s owning a Rust `BigInt`.
//!   The optimizer removes the boxes of ints that do not escape a loop.
//! - `float`: [`FLOAT`]; `bool`: the two [`BOOL`] singletons; `None`, `NotImplemented`,
//!   `Ellipsis`: singletons of their own layouts.
//! - `str`: [`STR`] holds its char count, its cached hash and its UTF-8 bytes inline.
//! - `tuple`: [`TUPLE`], an array of references; `list`: [`LIST`], a length and an array that
//!   grows; `dict`: [`DICT`] (see `dict.rs`).
//! - functions, builtins, bound methods, cells, types, instances, iterators, tracebacks.
//!
//! Rust data an object owns (big-int digits) never holds heap references, so the collector
//! needs no hook into it; it is freed by the layout's finalizer.

use metatrace::heap::{Layout, HEADER};
use metatrace::{ArrayDescr, FieldDescr, MemKind};
use num_bigint::BigInt;

/// Word `k` of an object's fixed fields.
const fn word(k: i32) -> i32 {
    HEADER + 8 * k
}

/// A field descr (the layouts below are all words).
const fn field(name: &'static str, k: i32, kind: MemKind) -> FieldDescr {
    FieldDescr::new(name, word(k), kind)
}

pub static INT: Layout = Layout::object("int", 8, &[]);
pub const INT_VALUE: FieldDescr = field("int.value", 0, MemKind::I64).immutable();

pub static BIGINT: Layout = Layout::object("bigint", 8, &[]).with_finalizer(free_bigint);
pub const BIGINT_PTR: FieldDescr = field("bigint.ptr", 0, MemKind::I64).immutable();

pub static FLOAT: Layout = Layout::object("float", 8, &[]);
pub const FLOAT_VALUE: FieldDescr = field("float.value", 0, MemKind::F64).immutable();

pub static BOOL: Layout = Layout::object("bool", 8, &[]);
pub const BOOL_VALUE: FieldDescr = field("bool.value", 0, MemKind::I64).immutable();

pub static NONE: Layout = Layout::object("NoneType", 0, &[]);
pub static NOTIMPL: Layout = Layout::object("NotImplementedType", 0, &[]);
pub static ELLIPSIS: Layout = Layout::object("ellipsis", 0, &[]);

/// A str: its length in chars, its hash (-1 until computed: CPython's hashes are never -1),
/// then its UTF-8 bytes, in one allocation.
pub static STR: Layout = Layout::var("str", 16, &[], MemKind::U8);
pub const STR_CHARS: FieldDescr = STR.word_field("str.chars", 0, MemKind::I64).immutable();
pub const STR_HASH: FieldDescr = STR.word_field("str.hash", 1, MemKind::I64);
pub const STR_BYTES: ArrayDescr = STR.items_array("str.bytes");

pub static TUPLE: Layout = Layout::array("tuple", MemKind::Ref);
pub const TUPLE_ITEMS: ArrayDescr = Layout::items_descr("tuple.items", MemKind::Ref);

/// A list: its items are the first `len` of `items` (an array of references that grows).
pub static LIST: Layout = Layout::object("list", 16, &[word(0)]);
pub const LIST_ITEMS: FieldDescr = field("list.items", 0, MemKind::Ref);
pub const LIST_LEN: FieldDescr = field("list.len", 1, MemKind::I64);
/// The storage of lists (and of dicts and instances).
pub static REFS: Layout = Layout::array("refs", MemKind::Ref);
pub const REFS_ITEMS: ArrayDescr = Layout::items_descr("refs.items", MemKind::Ref);

/// A Python function: its code (an index into the runtime's code table), globals (a module),
/// defaults (a tuple or null), keyword-only defaults (a dict or null), closure (a tuple of
/// cells or null), name and qualname (strs) and attribute dict (a dict or null).
pub static FUNCTION: Layout =
    Layout::object("function", 64, &[word(1), word(2), word(3), word(4), word(5), word(6), word(7)]);
pub const FUNC_CODE: FieldDescr = field("function.code", 0, MemKind::I64).immutable();
pub const FUNC_GLOBALS: FieldDescr = field("function.globals", 1, MemKind::Ref).immutable();
pub const FUNC_DEFAULTS: FieldDescr = field("function.defaults", 2, MemKind::Ref);
pub const FUNC_KWDEFAULTS: FieldDescr = field("function.kwdefaults", 3, MemKind::Ref);
pub const FUNC_CLOSURE: FieldDescr = field("function.closure", 4, MemKind::Ref).immutable();
pub const FUNC_NAME: FieldDescr = field("function.name", 5, MemKind::Ref);
pub const FUNC_QUALNAME: FieldDescr = field("function.qualname", 6, MemKind::Ref);
pub const FUNC_DICT: FieldDescr = field("function.dict", 7, MemKind::Ref);

/// A builtin function (or method of a builtin type): its number in the builtin table, and the
/// object it is bound to (or null).
pub static BUILTIN: Layout = Layout::object("builtin_function_or_method", 16, &[word(1)]);
pub const BUILTIN_ID: FieldDescr = field("builtin.id", 0, MemKind::I64).immutable();
pub const BUILTIN_SELF: FieldDescr = field("builtin.self", 1, MemKind::Ref).immutable();

/// A method bound to an object.
pub static METHOD: Layout = Layout::object("method", 16, &[word(0), word(1)]);
pub const METHOD_FUNC: FieldDescr = field("method.func", 0, MemKind::Ref).immutable();
pub const METHOD_SELF: FieldDescr = field("method.self", 1, MemKind::Ref).immutable();

/// A cell (a closure variable).
pub static CELL: Layout = Layout::object("cell", 8, &[word(0)]);
pub const CELL_VALUE: FieldDescr = field("cell.value", 0, MemKind::Ref);

/// A class: its number in the runtime's type table (name, bases, MRO, flags live there) and
/// its attribute dict, with its version cell (changed whenever the dict of the class or of a
/// class in its MRO changes).
pub static TYPE: Layout = Layout::object("type", 24, &[word(1)]);
pub const TYPE_ID: FieldDescr = field("type.id", 0, MemKind::I64).immutable();
pub const TYPE_DICT: FieldDescr = field("type.dict", 1, MemKind::Ref).immutable();
pub const TYPE_VERSION: FieldDescr = field("type.version", 2, MemKind::I64).immutable();

/// An instance of a user class: its class, its map (the runtime's record of which attribute
/// is in which slot: a hidden class), its slots, and, for an instance of a subclass of a
/// builtin type (`class C(int)`), the builtin object it extends (null otherwise: see `boxed`).
pub static INSTANCE: Layout = Layout::object("instance", 32, &[word(0), word(2), word(3)]);
pub const INST_TYPE: FieldDescr = field("instance.type", 0, MemKind::Ref);
pub const INST_MAP: FieldDescr = field("instance.map", 1, MemKind::I64);
pub const INST_SLOTS: FieldDescr = field("instance.slots", 2, MemKind::Ref);
pub const INST_VALUE: FieldDescr = field("instance.value", 3, MemKind::Ref).immutable();

/// A module: its name, its globals' values (the runtime's `ModuleInfo` maps names to their
/// slots), and its number in the runtime's modules.
pub static MODULE: Layout = Layout::object("module", 24, &[word(0), word(1)]);
pub const MODULE_NAME: FieldDescr = field("module.name", 0, MemKind::Ref).immutable();
pub const MODULE_DICT: FieldDescr = field("module.dict", 1, MemKind::Ref).immutable();
pub const MODULE_ID: FieldDescr = field("module.id", 2, MemKind::I64).immutable();

/// `range(start, stop, step)`
pub static RANGE: Layout = Layout::object("range", 24, &[]);
pub const RANGE_START: FieldDescr = field("range.start", 0, MemKind::I64).immutable();
pub const RANGE_STOP: FieldDescr = field("range.stop", 1, MemKind::I64).immutable();
pub const RANGE_STEP: FieldDescr = field("range.step", 2, MemKind::I64).immutable();
/// An iterator over a range: the next value, the stop and the step.
pub static RANGE_ITER: Layout = Layout::object("range_iterator", 24, &[]);
pub const RITER_NEXT: FieldDescr = field("range_iterator.next", 0, MemKind::I64);
pub const RITER_STOP: FieldDescr = field("range_iterator.stop", 1, MemKind::I64).immutable();
pub const RITER_STEP: FieldDescr = field("range_iterator.step", 2, MemKind::I64).immutable();
/// An iterator over a sequence (list, tuple, str, ...): the sequence, the next index, and
/// which of CPython's iterator types it shows as (`SITER_FORWARD`: the sequence's own,
/// `list_iterator`, `str_ascii_iterator`, ...; or one of `reversed(...)`'s).
pub static SEQ_ITER: Layout = Layout::object("iterator", 24, &[word(0)]);
pub const SITER_SEQ: FieldDescr = field("iterator.seq", 0, MemKind::Ref);
pub const SITER_INDEX: FieldDescr = field("iterator.index", 1, MemKind::I64);
pub const SITER_KIND: FieldDescr = field("iterator.kind", 2, MemKind::I64).immutable();
/// `SITER_KIND`s: a forward iterator, and the types `reversed(x)` makes.
pub const SITER_FORWARD: i64 = 0;
pub const SITER_REVERSED: [(i64, &str); 5] = [
    (1, "list_reverseiterator"),
    (2, "reversed"),
    (3, "dict_reversekeyiterator"),
    (4, "dict_reversevalueiterator"),
    (5, "dict_reverseitemiterator"),
];
/// The names of the forward sequence iterators' types.
pub const SEQ_ITER_TYPES: [&str; 6] =
    ["list_iterator", "tuple_iterator", "str_ascii_iterator", "str_iterator", "bytes_iterator", "bytearray_iterator"];

/// `slice(start, stop, step)`
pub static SLICE: Layout = Layout::object("slice", 24, &[word(0), word(1), word(2)]);
pub const SLICE_START: FieldDescr = field("slice.start", 0, MemKind::Ref).immutable();
pub const SLICE_STOP: FieldDescr = field("slice.stop", 1, MemKind::Ref).immutable();
pub const SLICE_STEP: FieldDescr = field("slice.step", 2, MemKind::Ref).immutable();

/// One entry of a traceback: the next entry (inner frame) or null, the code and the
/// instruction that was running (its line and columns are the code's).
pub static TRACEBACK: Layout = Layout::object("traceback", 24, &[word(0)]);
pub const TB_NEXT: FieldDescr = field("traceback.next", 0, MemKind::Ref);
pub const TB_CODE: FieldDescr = field("traceback.code", 1, MemKind::I64).immutable();
pub const TB_PC: FieldDescr = field("traceback.pc", 2, MemKind::I64).immutable();

fn free_bigint(obj: usize) {
    // SAFETY: as in `free_str`, for a bigint's `Box<BigInt>`.
    unsafe {
        let p = *((obj + BIGINT_PTR.offset as usize) as *const *mut BigInt);
        if !p.is_null() {
            drop(Box::from_raw(p));
        }
    }
}

/// Reads a word field of a live object of the right layout, outside traces (natives and
/// printing): the objects' Rust side.
///
/// # Safety
/// `obj` is a live object with field `d`.
pub unsafe fn read_word(obj: usize, d: &FieldDescr) -> u64 {
    // SAFETY: forwarded.
    unsafe { *((obj + d.offset as usize) as *const u64) }
}

/// The text of a str object (outside traces).
///
/// # Safety
/// `obj` is a live str, alive while the returned reference is used.
pub unsafe fn str_text<'a>(obj: usize) -> &'a str {
    // SAFETY: a live str holds its length and that many bytes of UTF-8 (see `STR`).
    unsafe {
        let len = *((obj + STR.len_offset() as usize) as *const i64) as usize;
        let bytes = std::slice::from_raw_parts((obj + STR_BYTES.base as usize) as *const u8, len);
        std::str::from_utf8_unchecked(bytes)
    }
}

/// The length in chars of a str object (outside traces).
///
/// # Safety
/// `obj` is a live str.
pub unsafe fn str_chars(obj: usize) -> usize {
    // SAFETY: forwarded.
    unsafe { read_word(obj, &STR_CHARS) as usize }
}

/// Fills in a str object just allocated with `text.len()` items: its chars, its unknown
/// hash and its bytes.
///
/// # Safety
/// `obj` is a new str with room for exactly `text.len()` bytes.
pub unsafe fn init_str(obj: usize, text: &str) {
    // SAFETY: the fields and items are within the new object.
    unsafe {
        *((obj + STR_CHARS.offset as usize) as *mut i64) = text.chars().count() as i64;
        *((obj + STR_HASH.offset as usize) as *mut i64) = -1;
        std::ptr::copy_nonoverlapping(text.as_ptr(), (obj + STR_BYTES.base as usize) as *mut u8, text.len());
    }
}

/// The value of a bigint object (outside traces).
///
/// # Safety
/// `obj` is a live bigint, alive while the returned reference is used.
pub unsafe fn bigint_data<'a>(obj: usize) -> &'a BigInt {
    // SAFETY: a live bigint's pointer field holds its `Box<BigInt>`.
    unsafe { &*(read_word(obj, &BIGINT_PTR) as *const BigInt) }
}

/// The layout address of a live object (outside traces).
pub fn layout_of(obj: usize) -> usize {
    // SAFETY: every object's word 0 is its layout (callers pass live objects).
    unsafe { *(obj as *const usize) }
}

/// Whether `obj`'s layout is `l`.
pub fn is(obj: usize, l: &'static Layout) -> bool {
    obj != 0 && layout_of(obj) == l.class()
}

/// `super(class, obj)`: attribute lookups start after `class` in the MRO of `obj`'s class.
pub static SUPER: Layout = Layout::object("super", 16, &[word(0), word(1)]);
pub const SUPER_CLASS: FieldDescr = field("super.class", 0, MemKind::Ref).immutable();
pub const SUPER_OBJ: FieldDescr = field("super.obj", 1, MemKind::Ref).immutable();

/// Lazy iterators of the builtins: `enumerate(it)` (the iterator and the next count), `zip`
/// (a tuple of iterators), `map` (the function and a tuple of iterators), `filter` (the
/// function or None and the iterator). One shape, a layout per kind (their class names).
pub static ENUMERATE: Layout = Layout::object("enumerate", 24, &[word(0), word(1)]);
pub static ZIP: Layout = Layout::object("zip", 24, &[word(0), word(1)]);
pub static MAP: Layout = Layout::object("map", 24, &[word(0), word(1)]);
pub static FILTER: Layout = Layout::object("filter", 24, &[word(0), word(1)]);
pub const LAZY_A: FieldDescr = field("lazy.a", 0, MemKind::Ref);
pub const LAZY_B: FieldDescr = field("lazy.b", 1, MemKind::Ref);
pub const LAZY_N: FieldDescr = field("lazy.n", 2, MemKind::I64);

/// The value of an int or bool object as an `i64` (outside traces): `None` for other objects
/// and for ints past 64 bits.
pub fn peek_i64(o: usize) -> Option<i64> {
    if is(o, &INT) {
        // SAFETY: a live int.
        Some(unsafe { read_word(o, &INT_VALUE) } as i64)
    } else if is(o, &BOOL) {
        // SAFETY: a live bool.
        Some(unsafe { read_word(o, &BOOL_VALUE) } as i64)
    } else if is(o, &BIGINT) {
        use num_traits::ToPrimitive;
        // SAFETY: a live bigint.
        unsafe { bigint_data(o) }.to_i64()
    } else {
        None
    }
}

/// The value of an int or bool object of any size (outside traces).
pub fn peek_bigint(o: usize) -> Option<BigInt> {
    if is(o, &BIGINT) {
        // SAFETY: a live bigint.
        Some(unsafe { bigint_data(o) }.clone())
    } else {
        peek_i64(o).map(BigInt::from)
    }
}

/// The value of a float, int or bool object as an `f64` (outside traces).
pub fn peek_f64(o: usize) -> Option<f64> {
    if is(o, &FLOAT) {
        // SAFETY: a live float.
        Some(f64::from_bits(unsafe { read_word(o, &FLOAT_VALUE) }))
    } else {
        use num_traits::ToPrimitive;
        peek_bigint(o).map(|b| b.to_f64().unwrap_or(f64::INFINITY))
    }
}
