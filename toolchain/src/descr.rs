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

/// A Rust function that interpreters and traces call: an `extern "C"` function of up to
/// six 64-bit words returning one word (`u64`; signed integers, references and floats are
/// passed and returned as their bits, a helper without a result returns any word).
///
/// Helpers are made from typed function pointers, one constructor per argument count
/// ([`Helper::new0`] .. [`Helper::new6`]), and the declared argument types are an array of
/// exactly that length, so a mismatch is a compile error:
///
/// ```
/// use metatrace::{Effect, Helper, Type};
///
/// extern "C" fn hypot(a: u64, b: u64) -> u64 {
///     f64::from_bits(a).hypot(f64::from_bits(b)).to_bits()
/// }
/// const HYPOT: Helper = Helper::new2("hypot", hypot, &[Type::Float, Type::Float], Some(Type::Float), Effect::Elidable);
/// assert_eq!(HYPOT.args().len(), 2);
/// ```
///
/// The effect is a promise the optimizer relies on (an [`Effect::Elidable`] helper with
/// constant arguments is folded while tracing, a [`Effect::ReadOnly`] one whose result is
/// unused is dropped): a wrong effect changes what the program computes, not memory safety.
#[derive(Clone, Copy, Debug)]
pub struct Helper {
    /// Name in traces.
    pub name: &'static str,
    func: HelperFn,
    /// Argument types: as many as `func` takes (private, so that it stays so).
    args: &'static [Type],
    /// Result type.
    pub ret: Option<Type>,
    /// What the helper may do.
    pub effect: Effect,
}

/// The most arguments a helper may take.
pub const MAX_HELPER_ARGS: usize = 6;

type W = u64;

/// A helper's function, by argument count.
#[derive(Clone, Copy, Debug)]
enum HelperFn {
    F0(extern "C" fn() -> W),
    F1(extern "C" fn(W) -> W),
    F2(extern "C" fn(W, W) -> W),
    F3(extern "C" fn(W, W, W) -> W),
    F4(extern "C" fn(W, W, W, W) -> W),
    F5(extern "C" fn(W, W, W, W, W) -> W),
    F6(extern "C" fn(W, W, W, W, W, W) -> W),
}

macro_rules! helper_constructors {
    ($($(#[doc = $doc:literal])* $new:ident($n:literal, $variant:ident, $ty:ty);)*) => {$(
        $(#[doc = $doc])*
        pub const fn $new(
            name: &'static str,
            func: $ty,
            args: &'static [Type; $n],
            ret: Option<Type>,
            effect: Effect,
        ) -> Helper {
            Helper { name, func: HelperFn::$variant(func), args, ret, effect }
        }
    )*};
}

impl Helper {
    helper_constructors! {
        /// Declares a helper of no arguments.
        new0(0, F0, extern "C" fn() -> W);
        /// Declares a helper of one word argument; `args` is its type.
        new1(1, F1, extern "C" fn(W) -> W);
        /// Declares a helper of two word arguments; `args` are their types.
        new2(2, F2, extern "C" fn(W, W) -> W);
        /// Declares a helper of three word arguments; `args` are their types.
        new3(3, F3, extern "C" fn(W, W, W) -> W);
        /// Declares a helper of four word arguments; `args` are their types.
        new4(4, F4, extern "C" fn(W, W, W, W) -> W);
        /// Declares a helper of five word arguments; `args` are their types.
        new5(5, F5, extern "C" fn(W, W, W, W, W) -> W);
        /// Declares a helper of six word arguments; `args` are their types.
        new6(6, F6, extern "C" fn(W, W, W, W, W, W) -> W);
    }

    /// The argument types, one per word the function takes.
    pub fn args(&self) -> &'static [Type] {
        self.args
    }

    /// The function's address.
    pub fn addr(&self) -> usize {
        match self.func {
            HelperFn::F0(f) => f as usize,
            HelperFn::F1(f) => f as usize,
            HelperFn::F2(f) => f as usize,
            HelperFn::F3(f) => f as usize,
            HelperFn::F4(f) => f as usize,
            HelperFn::F5(f) => f as usize,
            HelperFn::F6(f) => f as usize,
        }
    }

    /// Calls the helper with words (as many as it takes: traces record the same call).
    pub(crate) fn call_words(&self, a: &[u64]) -> u64 {
        assert_eq!(a.len(), self.args.len(), "helper {} called with a wrong number of arguments", self.name);
        match self.func {
            HelperFn::F0(f) => f(),
            HelperFn::F1(f) => f(a[0]),
            HelperFn::F2(f) => f(a[0], a[1]),
            HelperFn::F3(f) => f(a[0], a[1], a[2]),
            HelperFn::F4(f) => f(a[0], a[1], a[2], a[3]),
            HelperFn::F5(f) => f(a[0], a[1], a[2], a[3], a[4]),
            HelperFn::F6(f) => f(a[0], a[1], a[2], a[3], a[4], a[5]),
        }
    }

    pub(crate) fn to_ir(self) -> Descr {
        Descr {
            name: self.name.to_string(),
            kind: DescrKind::Call(ir::CallDescr {
                func: self.addr() as u64,
                args: self.args.to_vec(),
                ret: self.ret,
                effect: self.effect,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern "C" fn zero() -> u64 {
        7
    }
    extern "C" fn one(a: u64) -> u64 {
        a * 10
    }
    extern "C" fn six(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) -> u64 {
        a + 10 * b + 100 * c + 1000 * d + 10000 * e + 100000 * f
    }

    #[test]
    fn helpers_call_their_function_with_their_arguments_in_order() {
        const Z: Helper = Helper::new0("zero", zero, &[], Some(Type::Int), Effect::Elidable);
        let o = Helper::new1("one", one, &[Type::Int], Some(Type::Int), Effect::Elidable);
        let s = Helper::new6("six", six, &[Type::Int; 6], None, Effect::Write);
        assert_eq!((Z.call_words(&[]), Z.args().len()), (7, 0));
        assert_eq!((o.call_words(&[4]), o.args().len()), (40, 1));
        assert_eq!((s.call_words(&[1, 2, 3, 4, 5, 6]), s.args().len()), (654321, 6));
        assert_eq!(s.addr(), six as *const () as usize);
        let DescrKind::Call(c) = o.to_ir().kind else { panic!("not a call descr") };
        assert_eq!((c.func, c.args.len()), (one as *const () as u64, 1));
    }

    #[test]
    #[should_panic(expected = "helper one called with a wrong number of arguments")]
    fn a_call_with_the_wrong_number_of_words_panics() {
        Helper::new1("one", one, &[Type::Int], Some(Type::Int), Effect::Elidable).call_words(&[1, 2]);
    }
}
