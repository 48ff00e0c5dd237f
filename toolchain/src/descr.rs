//! Descriptors an interpreter hands to `Ctx` methods: fields, arrays and Rust helpers.
//!
//! They carry the static facts the JIT needs (offsets, item kinds, effects) and become the
//! `descr=` of the recorded operations.

use metatrace_jit::ir::{self, Descr, DescrKind};
pub use metatrace_jit::ir::{Effect, MemKind, Type};

/// A field at a fixed offset of an object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldDescr {
    /// Name in traces (e.g. `Point.x`).
    pub name: &'static str,
    /// Byte offset from the object's address.
    pub offset: i32,
    /// How the field is stored.
    pub kind: MemKind,
    /// Never written after the object is built.
    pub immutable: bool,
}

impl FieldDescr {
    /// A mutable field.
    pub const fn new(name: &'static str, offset: i32, kind: MemKind) -> Self {
        FieldDescr { name, offset, kind, immutable: false }
    }
    /// The same field, declared immutable.
    pub const fn immutable(self) -> Self {
        FieldDescr { immutable: true, ..self }
    }
    pub(crate) fn to_ir(self) -> Descr {
        Descr {
            name: self.name.to_string(),
            kind: DescrKind::Field(ir::FieldDescr { offset: self.offset, kind: self.kind, immutable: self.immutable }),
        }
    }
}

/// The items of an array: `kind.size()`-byte items starting `base` bytes into the object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArrayDescr {
    /// Name in traces.
    pub name: &'static str,
    /// Byte offset of item 0.
    pub base: i32,
    /// How items are stored.
    pub kind: MemKind,
    /// Byte offset of the i64 length word, if the array has one.
    pub len_offset: Option<i32>,
}

impl ArrayDescr {
    /// An array without a length word.
    pub const fn new(name: &'static str, base: i32, kind: MemKind) -> Self {
        ArrayDescr { name, base, kind, len_offset: None }
    }
    /// The same array, with a length word at `offset`.
    pub const fn with_len(self, offset: i32) -> Self {
        ArrayDescr { len_offset: Some(offset), ..self }
    }
    pub(crate) fn to_ir(self) -> Descr {
        Descr {
            name: self.name.to_string(),
            kind: DescrKind::Array(ir::ArrayDescr { base: self.base, kind: self.kind, len_offset: self.len_offset }),
        }
    }
    pub(crate) fn item_addr(&self, arr: usize, i: i64) -> usize {
        (arr as i64 + self.base as i64 + i * self.kind.size() as i64) as usize
    }
}

/// A Rust function that interpreters and traces call: an `extern "C"` function taking and
/// returning 64-bit words (`i64`/`u64`; floats are passed and returned as their bits).
#[derive(Clone, Copy, Debug)]
pub struct Helper {
    /// Name in traces.
    pub name: &'static str,
    func: usize,
    /// Argument types.
    pub args: &'static [Type],
    /// Result type.
    pub ret: Option<Type>,
    /// What the helper may do.
    pub effect: Effect,
}

/// The most arguments a helper may take.
pub const MAX_HELPER_ARGS: usize = 6;

impl Helper {
    /// Declares a helper.
    ///
    /// # Safety
    /// `func` must be the address of an `extern "C"` function taking `args.len()` 64-bit
    /// word arguments and returning one word (ignored when `ret` is `None`), which behaves as
    /// `effect` says and is safe to call with any words the interpreter passes it.
    pub unsafe fn new(
        name: &'static str,
        func: usize,
        args: &'static [Type],
        ret: Option<Type>,
        effect: Effect,
    ) -> Helper {
        assert!(args.len() <= MAX_HELPER_ARGS, "helper {name} takes too many arguments");
        Helper { name, func, args, ret, effect }
    }

    /// The function's address.
    pub fn addr(&self) -> usize {
        self.func
    }

    /// Calls the helper with words.
    pub(crate) fn call_words(&self, a: &[u64]) -> u64 {
        type W = u64;
        debug_assert_eq!(a.len(), self.args.len());
        // SAFETY: `Helper::new`'s contract: `func` is an extern "C" function of exactly this
        // many word arguments returning a word; i64, u64 and pointers share the word ABI.
        unsafe {
            match a.len() {
                0 => std::mem::transmute::<usize, extern "C" fn() -> W>(self.func)(),
                1 => std::mem::transmute::<usize, extern "C" fn(W) -> W>(self.func)(a[0]),
                2 => std::mem::transmute::<usize, extern "C" fn(W, W) -> W>(self.func)(a[0], a[1]),
                3 => std::mem::transmute::<usize, extern "C" fn(W, W, W) -> W>(self.func)(a[0], a[1], a[2]),
                4 => std::mem::transmute::<usize, extern "C" fn(W, W, W, W) -> W>(self.func)(a[0], a[1], a[2], a[3]),
                5 => std::mem::transmute::<usize, extern "C" fn(W, W, W, W, W) -> W>(self.func)(
                    a[0], a[1], a[2], a[3], a[4],
                ),
                6 => std::mem::transmute::<usize, extern "C" fn(W, W, W, W, W, W) -> W>(self.func)(
                    a[0], a[1], a[2], a[3], a[4], a[5],
                ),
                _ => unreachable!("checked in Helper::new"),
            }
        }
    }

    pub(crate) fn to_ir(self) -> Descr {
        Descr {
            name: self.name.to_string(),
            kind: DescrKind::Call(ir::CallDescr {
                func: self.func as u64,
                args: self.args.to_vec(),
                ret: self.ret,
                effect: self.effect,
            }),
        }
    }
}
