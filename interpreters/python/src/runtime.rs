//! The interpreter's own state (the `Language` instance): code objects by number, the
//! constants of each, the builtin types and singletons, modules and their globals.
//!
//! Objects the runtime refers to from Rust (singletons, types, modules, code constants) are
//! kept alive by one rooted list, `immortals`: they live as long as the interpreter.
//!
//! Globals are JIT-friendly: a module's names map to slots (a Rust table, per module) of a
//! heap array of values, and a quasi-immutable cell versions the table. A trace reading a
//! global promotes the module, depends on the version, finds the slot in Rust at trace time
//! and reads the slot: rebinding a global costs compiled code nothing; adding or deleting a
//! name invalidates the traces that looked names up in that module.

use crate::bytecode::{Code, Const};
use crate::objects::*;
use metatrace::heap::Heap;
use metatrace::QuasiId;
use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A module's names: which slot of its value array each one has.
pub struct ModuleInfo {
    pub name: Rc<str>,
    pub slots: HashMap<Rc<str>, u32>,
    /// The names in slot order (for `dir()` and printing).
    pub order: Vec<Rc<str>>,
    pub version: QuasiId,
}

/// A class (builtin or user-defined): what the runtime knows of it in Rust.
pub struct TypeInfo {
    pub name: Rc<str>,
    /// The name error messages show: `name`, or `module.name` for the classes CPython
    /// writes in C (`datetime.date`; see `classes::C_TYPE_MODULES`).
    pub tp_name: Rc<str>,
    pub qualname: Rc<str>,
    /// The TYPE object.
    pub obj: usize,
    pub base: Option<usize>,
    /// `__bases__` (TYPE objects).
    pub bases: Vec<usize>,
    /// The class of this class (`type`, or a metaclass).
    pub meta: usize,
    /// The classes made with this one among their bases, in order (`__subclasses__()`).
    pub subclasses: RefCell<Vec<usize>>,
    /// With `__slots__` (and no `__dict__` slot) in every class of the MRO: the instance
    /// attributes its instances may have; `None`: instances have a `__dict__`.
    pub slots: Option<Vec<Rc<str>>>,
    /// The method resolution order: TYPE objects, this class first.
    pub mro: Vec<usize>,
    /// Derives from BaseException.
    pub exception: bool,
    /// One of the interpreter's own classes (`int`, `object`, `ValueError`, ...).
    pub builtin: bool,
    /// Its attributes (values kept alive by the runtime).
    pub dict: RefCell<ClassDict>,
    /// Changes whenever an attribute of this class or of a class in its MRO changes.
    pub version: QuasiId,
    /// Which attribute hooks (`__getattribute__`, `__getattr__`, `__setattr__`) a class of its
    /// MRO defines, as `classes::hooks` computes them once (0: not yet known; forgotten when
    /// an attribute of a class of its MRO changes).
    pub hooks: Cell<u8>,
    /// What calling this class does if it is plain, as `instantiation::plain_class` found it
    /// while the class attribute memo was in the epoch given (0: not yet known).
    pub plain: Cell<(u64, Option<crate::instantiation::PlainClass>)>,
    /// The builtin value type its instances extend (`int` for `class C(int)`, see `boxed`), or
    /// 0.
    pub value_base: usize,
    /// For a builtin class that `types::construct_builtin` makes objects of, its name as
    /// written there (found once, so a call such as `range(n)` compares no names).
    pub constructs: Option<&'static str>,
}

/// A class's attributes, in definition order (as `C.__dict__` lists them).
#[derive(Default)]
pub struct ClassDict {
    map: HashMap<Rc<str>, usize>,
    order: Vec<Rc<str>>,
}

impl ClassDict {
    pub fn get(&self, name: &str) -> Option<&usize> {
        self.map.get(name)
    }
    pub fn contains_key(&self, name: &str) -> bool {
        self.map.contains_key(name)
    }
    pub fn insert(&mut self, name: Rc<str>, v: usize) {
        if self.map.insert(name.clone(), v).is_none() {
            self.order.push(name);
        }
    }
    pub fn remove(&mut self, name: &str) -> Option<usize> {
        let v = self.map.remove(name)?;
        self.order.retain(|n| &**n != name);
        Some(v)
    }
    /// The names, in definition order.
    pub fn keys(&self) -> impl Iterator<Item = &Rc<str>> {
        self.order.iter()
    }
    /// The (name, value) pairs, in definition order.
    pub fn items(&self) -> Vec<(Rc<str>, usize)> {
        self.order.iter().map(|n| (n.clone(), self.map[n])).collect()
    }
}

impl FromIterator<(Rc<str>, usize)> for ClassDict {
    fn from_iter<I: IntoIterator<Item = (Rc<str>, usize)>>(it: I) -> ClassDict {
        let mut d = ClassDict::default();
        for (k, v) in it {
            d.insert(k, v);
        }
        d
    }
}

/// A map (hidden class): which attribute of an instance is in which slot, and the maps that
/// adding an attribute leads to. Map 0 is the empty map. An instance whose `__dict__` was
/// asked for keeps its attributes in a real dict, held as its attribute `__dict__` (only its
/// `__slots__` members stay beside it): its map [`Map::is_dict_mode`], its attribute
/// accesses go through the natives.
#[derive(Default)]
pub struct Map {
    pub slots: HashMap<Rc<str>, u32>,
    pub order: Vec<Rc<str>>,
    transitions: HashMap<Rc<str>, usize>,
    /// Whether it has `__dict__` (see [`Map::is_dict_mode`]).
    dict_mode: bool,
}

impl Map {
    /// Whether instances of this map keep their attributes in a dict (see [`Map`]).
    pub fn is_dict_mode(&self) -> bool {
        self.dict_mode
    }

    /// The map of an instance with `names` as attributes, in that order (from the empty map).
    pub fn of_names(rt: &Python, names: &[Rc<str>]) -> usize {
        names.iter().fold(0, |m, n| Map::transition(rt, m, n))
    }

    /// The map an instance with map `from` moves to when it gets attribute `name`.
    pub fn transition(rt: &Python, from: usize, name: &str) -> usize {
        if let Some(&to) = rt.maps.borrow()[from].transitions.get(name) {
            return to;
        }
        let mut maps = rt.maps.borrow_mut();
        let mut next = Map {
            slots: maps[from].slots.clone(),
            order: maps[from].order.clone(),
            transitions: HashMap::default(),
            dict_mode: maps[from].dict_mode || name == "__dict__",
        };
        let name: Rc<str> = name.into();
        next.slots.insert(name.clone(), next.order.len() as u32);
        next.order.push(name.clone());
        let id = maps.len();
        maps.push(next);
        maps[from].transitions.insert(name, id);
        id
    }
}

/// The state of one interpreter (one `Vm`).
pub struct Python {
    pub codes: RefCell<Vec<Rc<Code>>>,
    code_ids: RefCell<HashMap<*const Code, u32>>,
    /// The constants of each code object as heap objects (made when the code is registered).
    pub consts: RefCell<Vec<Rc<[usize]>>>,
    /// Each code's name and qualified name as str objects (functions made from it share them).
    pub code_names: RefCell<Vec<(usize, usize)>>,
    /// A list rooted for the interpreter's lifetime.
    pub immortals: Cell<usize>,
    pub none: Cell<usize>,
    pub true_: Cell<usize>,
    pub false_: Cell<usize>,
    pub notimpl: Cell<usize>,
    pub ellipsis: Cell<usize>,
    /// The ints `SMALL_INTS` holds, made once (as CPython's small-int cache): the interpreter
    /// returns these instead of allocating; traces keep allocating (virtuals cost nothing),
    /// which is why `is` compares exact ints by value.
    pub small_ints: RefCell<Vec<usize>>,
    /// The one-character strs of the Latin-1 range, made once (as CPython's): iterating over
    /// a str, indexing it and `chr` return these instead of allocating.
    pub latin1: RefCell<Vec<usize>>,
    /// Frames' slot arrays, reused from call to call.
    pub slot_pool: crate::slots::SlotPool,
    pub modules: RefCell<Vec<ModuleInfo>>,
    pub builtins: Cell<usize>,
    /// The classes hot paths compare with, found once (see [`Python::builtin_type`]).
    pub known: KnownTypes,
    pub types: RefCell<Vec<TypeInfo>>,
    pub maps: RefCell<Vec<Map>>,
    /// Layout address -> the TYPE object of builtin objects of that layout.
    pub layout_types: RefCell<HashMap<usize, usize>>,
    /// Builtin class objects by name (`int`, `ValueError`, ...).
    pub type_by_name: RefCell<HashMap<&'static str, usize>>,
    /// Source text by file name (tracebacks print source lines).
    pub sources: RefCell<HashMap<Rc<str>, Rc<str>>>,
    /// The messages `__str__` methods written in Python gave for an uncaught exception and
    /// those chained to it (run before the report, which is made without running code).
    pub uncaught_messages: RefCell<Vec<(usize, String)>>,
    /// What `print` writes to (stdout, or a buffer in tests).
    pub out: RefCell<Box<dyn std::io::Write>>,
    pub argv: RefCell<Vec<String>>,
    /// The runtime's own `Rc` (frames hold one).
    pub me: RefCell<std::rc::Weak<Python>>,
    /// `sys.path`: where `import` looks for modules written in Python.
    pub path: RefCell<Vec<std::path::PathBuf>>,
    /// Modules imported so far, by dotted name.
    pub module_cache: RefCell<HashMap<String, usize>>,
    /// The names of the modules that are packages.
    pub packages: RefCell<std::collections::HashSet<String>>,
    /// Class attribute lookups through the MRO (by class number and name): see `memo`.
    pub class_attrs: crate::memo::Memo<Option<usize>>,
    /// Class attributes that are not descriptors but are called as special methods (a class
    /// or a staticmethod as `__call__`, `__getitem__`, ...): the callable, made when the
    /// attribute was set, that calls them without the instance (see `classes::special`).
    pub unbound_specials: RefCell<HashMap<usize, usize>>,
    /// Instance map slots (by map number and name).
    pub map_slots: crate::memo::Memo<Option<u32>>,
    /// The interpreter's `obj.name` answers for plain instances (see `attrcache`).
    pub attr_cache: crate::attrcache::AttrCache,
    /// The exception being handled by the frame that called the running `py_call` native
    /// (0: none): functions the native calls start with it (`builtins::call_value`).
    pub native_exc: Cell<usize>,
    /// The instance map a new exception ends with (see `classes::new_exception`), by the
    /// slots it gets: plain, with `code` (SystemExit), with `value` (StopIteration); 0 until
    /// made.
    pub exception_maps: [Cell<usize>; 3],
}

impl Python {
    pub fn new(out: Box<dyn std::io::Write>) -> Python {
        Python {
            codes: RefCell::new(Vec::new()),
            code_ids: RefCell::new(HashMap::default()),
            consts: RefCell::new(Vec::new()),
            code_names: RefCell::new(Vec::new()),
            immortals: Cell::new(0),
            none: Cell::new(0),
            true_: Cell::new(0),
            false_: Cell::new(0),
            notimpl: Cell::new(0),
            ellipsis: Cell::new(0),
            small_ints: RefCell::new(Vec::new()),
            latin1: RefCell::new(Vec::new()),
            slot_pool: Default::default(),
            modules: RefCell::new(Vec::new()),
            builtins: Cell::new(0),
            known: KnownTypes::default(),
            types: RefCell::new(Vec::new()),
            maps: RefCell::new(vec![Map::default()]),
            layout_types: RefCell::new(HashMap::default()),
            type_by_name: RefCell::new(HashMap::default()),
            sources: RefCell::new(HashMap::default()),
            uncaught_messages: RefCell::new(Vec::new()),
            out: RefCell::new(out),
            argv: RefCell::new(Vec::new()),
            me: RefCell::new(std::rc::Weak::new()),
            path: RefCell::new(Vec::new()),
            module_cache: RefCell::new(HashMap::default()),
            packages: RefCell::new(Default::default()),
            class_attrs: Default::default(),
            unbound_specials: Default::default(),
            map_slots: Default::default(),
            attr_cache: Default::default(),
            native_exc: Cell::new(0),
            exception_maps: Default::default(),
        }
    }

    /// Keeps `obj` alive for the interpreter's lifetime.
    pub fn immortal(&self, heap: &mut Heap, obj: usize) {
        let list = self.immortals.get();
        list_push(heap, list, obj);
    }

    /// The number of a code object (registering it, and its constants as objects, if new).
    pub fn code_id(&self, heap: &mut Heap, code: &Rc<Code>) -> u32 {
        if let Some(&id) = self.code_ids.borrow().get(&Rc::as_ptr(code)) {
            return id;
        }
        let objs: Vec<usize> = code.consts.iter().map(|c| self.const_obj(heap, c)).collect();
        let names = (new_str(heap, &code.name), new_str(heap, &code.qualname));
        for &o in objs.iter().chain([&names.0, &names.1]) {
            self.immortal(heap, o);
        }
        self.code_names.borrow_mut().push(names);
        let mut codes = self.codes.borrow_mut();
        let id = codes.len() as u32;
        codes.push(code.clone());
        self.consts.borrow_mut().push(objs.into());
        self.code_ids.borrow_mut().insert(Rc::as_ptr(code), id);
        id
    }

    pub fn code(&self, id: u32) -> Rc<Code> {
        self.codes.borrow()[id as usize].clone()
    }

    /// A constant as a heap object (nested code objects become their code number as an int).
    fn const_obj(&self, heap: &mut Heap, c: &Const) -> usize {
        match c {
            Const::None => self.none.get(),
            Const::Bool(b) => self.bool_obj(*b),
            Const::Int(i) if SMALL_INTS.contains(i) => self.small_ints.borrow()[(*i - SMALL_INTS.start()) as usize],
            Const::Int(i) => new_int(heap, *i),
            Const::BigInt(s) => match s.parse::<num_bigint::BigInt>() {
                Ok(b) => new_bigint(heap, b),
                Err(_) => self.none.get(),
            },
            Const::Float(f) => new_float(heap, *f),
            Const::Imag(f) => crate::complex::new(heap, 0.0, *f),
            Const::Str(s) => new_str(heap, s),
            Const::Bytes(b) => crate::bytes::new_bytes(heap, b),
            Const::Ellipsis => self.ellipsis.get(),
            Const::Tuple(items) => {
                let objs: Vec<usize> = items.iter().map(|c| self.const_obj(heap, c)).collect();
                new_tuple(heap, &objs)
            }
            Const::FrozenSet(items) => {
                let objs: Vec<usize> = items.iter().map(|c| self.const_obj(heap, c)).collect();
                crate::sets::from_consts(heap, &objs)
            }
            Const::Code(inner) => {
                let id = self.code_id(heap, inner);
                new_int(heap, id as i64)
            }
        }
    }

    pub fn bool_obj(&self, b: bool) -> usize {
        if b {
            self.true_.get()
        } else {
            self.false_.get()
        }
    }

    /// The TYPE object of a builtin class by name.
    /// (A name lookup: hot paths use [`Python::known`].)
    pub fn builtin_type(&self, name: &str) -> usize {
        *self.type_by_name.borrow().get(name).unwrap_or_else(|| panic!("no builtin type {name}"))
    }

    /// The number of the module whose MODULE object is `m`.
    pub fn module_id(&self, m: usize) -> u32 {
        assert!(is(m, &MODULE), "a module object");
        // SAFETY: a live module.
        unsafe { read_word(m, &MODULE_ID) as u32 }
    }
}

/// Builtin classes that calls and type checks compare with on every run, so they need no
/// lookup by name: `type` (the metaclass of plain classes), `object`, `super`, and two
/// exception classes.
#[derive(Default)]
pub struct KnownTypes {
    pub type_: Cell<usize>,
    pub object: Cell<usize>,
    pub super_: Cell<usize>,
    /// `SystemExit` and `StopIteration`, which every new exception is checked against.
    pub system_exit: Cell<usize>,
    pub stop_iteration: Cell<usize>,
    /// `int` and `bool` (`isinstance(True, int)`).
    pub int: Cell<usize>,
    pub bool_: Cell<usize>,
}

/// The ints the interpreter shares rather than allocates (as CPython's -5..=256).
pub const SMALL_INTS: std::ops::RangeInclusive<i64> = -5..=256;

/// A new int object.
pub fn new_int(heap: &mut Heap, v: i64) -> usize {
    let o = heap.alloc(&INT);
    // SAFETY: just allocated with the INT layout.
    unsafe { *((o + INT_VALUE.offset as usize) as *mut i64) = v };
    o
}

/// The int object of value `v`: the shared one for small values (`Python::small_ints`, as
/// CPython's), else a new one. Natives return their small results this way.
pub fn int_obj(heap: &mut Heap, rt: &Python, v: i64) -> usize {
    if SMALL_INTS.contains(&v) {
        if let Some(&o) = rt.small_ints.borrow().get((v - SMALL_INTS.start()) as usize) {
            return o;
        }
    }
    new_int(heap, v)
}

/// A new int object for any value: an `int` if it fits 64 bits, else a bigint.
pub fn new_bigint(heap: &mut Heap, v: num_bigint::BigInt) -> usize {
    use num_traits::ToPrimitive;
    if let Some(i) = v.to_i64() {
        return new_int(heap, i);
    }
    let o = heap.alloc(&BIGINT);
    // SAFETY: just allocated with the BIGINT layout; the finalizer frees the box.
    unsafe { *((o + BIGINT_PTR.offset as usize) as *mut *mut num_bigint::BigInt) = Box::into_raw(Box::new(v)) };
    o
}

pub fn new_float(heap: &mut Heap, v: f64) -> usize {
    let o = heap.alloc(&FLOAT);
    // SAFETY: just allocated with the FLOAT layout.
    unsafe { *((o + FLOAT_VALUE.offset as usize) as *mut f64) = v };
    o
}

/// The length from which the Rust data of a str or bytes object counts as memory pressure.
pub const LONG_TEXT: usize = 256;

pub fn new_str(heap: &mut Heap, s: &str) -> usize {
    let o = heap.alloc_array(&STR, s.len());
    // SAFETY: just allocated with the STR layout and room for `s`.
    unsafe { init_str(o, s) };
    o
}

/// A new str of the texts of the strs `parts` one after the other (`a + b`, `sep.join`),
/// written straight into the new object: no intermediate `String`, and its char count is the
/// sum of theirs rather than counted again.
pub fn concat_strs(heap: &mut Heap, parts: &[usize]) -> usize {
    // SAFETY: the parts are live strs.
    let (bytes, chars) = parts.iter().fold((0, 0), |(b, c), &p| unsafe { (b + str_text(p).len(), c + str_chars(p)) });
    let o = heap.alloc_array(&STR, bytes);
    // SAFETY: just allocated with the STR layout and room for `bytes` bytes: the parts' texts
    // (valid UTF-8 each, so together) fill it exactly.
    unsafe {
        *((o + STR_CHARS.offset as usize) as *mut i64) = chars as i64;
        *((o + STR_HASH.offset as usize) as *mut i64) = -1;
        let mut at = (o + STR_BYTES.base as usize) as *mut u8;
        for &p in parts {
            let t = str_text(p);
            std::ptr::copy_nonoverlapping(t.as_ptr(), at, t.len());
            at = at.add(t.len());
        }
    }
    o
}

/// A new str of the all-ASCII str `src` with `f` applied to each byte (`lower`, `upper` of
/// ASCII text), written straight into the new object.
pub fn map_ascii_str(heap: &mut Heap, src: usize, f: impl Fn(u8) -> u8) -> usize {
    // SAFETY: `src` is a live str.
    let t = unsafe { str_text(src) };
    debug_assert!(t.is_ascii());
    let o = heap.alloc_array(&STR, t.len());
    // SAFETY: just allocated with the STR layout and room for `t.len()` bytes; `f` maps
    // ASCII to ASCII, so the bytes stay UTF-8 with one char each.
    unsafe {
        *((o + STR_CHARS.offset as usize) as *mut i64) = t.len() as i64;
        *((o + STR_HASH.offset as usize) as *mut i64) = -1;
        let at = (o + STR_BYTES.base as usize) as *mut u8;
        for (k, &c) in t.as_bytes().iter().enumerate() {
            *at.add(k) = f(c);
        }
    }
    o
}

/// The str of the single character `c`: the shared one for Latin-1 characters (see
/// [`Python::latin1`]), else a new one.
pub fn char_str(heap: &mut Heap, rt: &Python, c: char) -> usize {
    if (c as u32) < 256 {
        if let Some(&o) = rt.latin1.borrow().get(c as usize) {
            return o;
        }
    }
    new_str(heap, c.encode_utf8(&mut [0; 4]))
}

pub fn new_tuple(heap: &mut Heap, items: &[usize]) -> usize {
    let t = heap.alloc_array(&TUPLE, items.len());
    for (k, &i) in items.iter().enumerate() {
        // SAFETY: index k is within the new tuple's items.
        unsafe { *((t + TUPLE_ITEMS.base as usize + 8 * k) as *mut usize) = i };
    }
    t
}

pub fn new_list(heap: &mut Heap, items: &[usize]) -> usize {
    new_list_of_parts(heap, &[items])
}

/// The items of list `l`, in place (outside traces).
///
/// # Safety
/// `l` is a live list, and the slice is used only while the list neither changes (no Python
/// code runs, nothing stores into it) nor dies; allocating meanwhile is fine (the heap does
/// not move or free objects when it allocates).
pub unsafe fn list_slice<'a>(l: usize) -> &'a [usize] {
    // SAFETY: a live list's storage holds at least `len` items (as the caller promises).
    unsafe {
        let n = read_word(l, &LIST_LEN) as usize;
        let s = read_word(l, &LIST_ITEMS) as usize;
        std::slice::from_raw_parts((s + REFS_ITEMS.base as usize) as *const usize, n)
    }
}

/// A new list of the items of `parts`, one after the other.
pub fn new_list_of_parts(heap: &mut Heap, parts: &[&[usize]]) -> usize {
    let n: usize = parts.iter().map(|p| p.len()).sum();
    let storage = heap.alloc_array(&REFS, n.max(4));
    let mut at = storage + REFS_ITEMS.base as usize;
    for part in parts {
        // SAFETY: the new array has room for all `n` items; a part is never the new array.
        unsafe { std::ptr::copy_nonoverlapping(part.as_ptr(), at as *mut usize, part.len()) };
        at += 8 * part.len();
    }
    let l = heap.alloc(&LIST);
    // SAFETY: just allocated with the LIST layout.
    unsafe {
        *((l + LIST_ITEMS.offset as usize) as *mut usize) = storage;
        set_list_len(l, n);
    }
    l
}

/// The items of a list (outside traces).
pub fn list_items(l: usize) -> Items {
    // SAFETY: `l` is a live list, copied at once.
    unsafe { list_slice(l) }.iter().copied().collect()
}

/// A copy of a list's or tuple's items: most have a few, which need no memory of their own.
pub type Items = smallvec::SmallVec<[usize; 8]>;

/// The items of the tuple `t`, in place: valid while `t` lives (a tuple's items never
/// change once it is made, and the heap does not move objects).
pub fn tuple_slice(t: usize) -> &'static [usize] {
    // SAFETY: `t` is a live tuple: its length word and items are in bounds; the caller uses
    // the slice while the tuple lives.
    unsafe {
        let n = *((t + TUPLE_ITEMS.len_offset.unwrap() as usize) as *const usize);
        std::slice::from_raw_parts((t + TUPLE_ITEMS.base as usize) as *const usize, n)
    }
}

/// The items of a tuple (outside traces).
pub fn tuple_items(t: usize) -> Items {
    tuple_slice(t).iter().copied().collect()
}

/// The length of list `l` (outside traces).
pub fn list_len(l: usize) -> usize {
    // SAFETY: `l` is a live list: its length word is in bounds.
    unsafe { read_word(l, &LIST_LEN) as usize }
}

/// Sets the length word of list `l` to `n`.
///
/// # Safety
/// `l` is a live list (or one just allocated with the LIST layout) whose storage holds at
/// least `n` items.
pub(crate) unsafe fn set_list_len(l: usize, n: usize) {
    // SAFETY: forwarded; the length word is in bounds of a list.
    unsafe { *((l + LIST_LEN.offset as usize) as *mut i64) = n as i64 }
}

/// Removes item `j` of list `l` (outside traces) and returns it, moving the items after it
/// down in place. `j` is below the list's length.
pub fn list_remove(l: usize, j: usize) -> usize {
    // SAFETY: `l` is a live list with more than `j` items, which its storage holds from
    // `REFS_ITEMS.base` on; no other list shares a storage array.
    unsafe {
        let n = read_word(l, &LIST_LEN) as usize;
        assert!(j < n, "list_remove past the end");
        let items = (read_word(l, &LIST_ITEMS) as usize + REFS_ITEMS.base as usize) as *mut usize;
        let v = *items.add(j);
        std::ptr::copy(items.add(j + 1), items.add(j), n - j - 1);
        // (The freed slot is cleared: the collector scans the whole storage array.)
        *items.add(n - 1) = 0;
        set_list_len(l, n - 1);
        v
    }
}

/// Appends to a list (outside traces), growing its storage.
pub fn list_push(heap: &mut Heap, l: usize, item: usize) {
    // SAFETY: `l` is a live list; its storage is an array of `cap` refs.
    unsafe {
        let n = read_word(l, &LIST_LEN) as usize;
        let mut s = read_word(l, &LIST_ITEMS) as usize;
        let cap = *((s + REFS_ITEMS.len_offset.unwrap() as usize) as *const usize);
        if n == cap {
            let bigger = heap.alloc_array(&REFS, cap * 2 + 4);
            std::ptr::copy_nonoverlapping(
                (s + REFS_ITEMS.base as usize) as *const usize,
                (bigger + REFS_ITEMS.base as usize) as *mut usize,
                n,
            );
            *((l + LIST_ITEMS.offset as usize) as *mut usize) = bigger;
            s = bigger;
        }
        *((s + REFS_ITEMS.base as usize + 8 * n) as *mut usize) = item;
        set_list_len(l, n + 1);
    }
}
