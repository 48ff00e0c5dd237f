//! What a call of a builtin needs to know about it, worked out once from its table name
//! (`type.method` or `module.function`) instead of at every call: whether it is a method,
//! static or class method, which type its `self` must hold, and whether it unboxes its
//! arguments (see `boxed`).

use crate::builtins::{self as b, CLASSMETHODS};
use crate::objects::*;
use std::sync::OnceLock;

/// The type a builtin method's `self` must hold the value of (`wrong_self` checks it).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SelfKind {
    /// Not checked (module functions, `__new__`, methods of other types).
    Any,
    Str,
    Bytes,
    ByteArray,
    MemView,
    MemIter,
    Hash,
    List,
    Tuple,
    Dict,
    Set,
    Int,
    Float,
}

impl SelfKind {
    /// The kind of the methods of the type named `prefix`.
    pub fn of_prefix(prefix: &str) -> SelfKind {
        match prefix {
            "str" => SelfKind::Str,
            "bytes" => SelfKind::Bytes,
            "bytearray" => SelfKind::ByteArray,
            "memoryview" => SelfKind::MemView,
            "memory_iterator" => SelfKind::MemIter,
            "HASH" => SelfKind::Hash,
            "list" => SelfKind::List,
            "tuple" => SelfKind::Tuple,
            "dict" => SelfKind::Dict,
            "set" | "frozenset" => SelfKind::Set,
            "int" => SelfKind::Int,
            "float" => SelfKind::Float,
            _ => SelfKind::Any,
        }
    }

    /// Whether `this` holds a value of this kind.
    #[inline]
    pub fn admits(self, this: usize) -> bool {
        match self {
            SelfKind::Any => true,
            SelfKind::Str => is(this, &STR),
            SelfKind::Bytes => is(this, &crate::bytes::BYTES),
            SelfKind::ByteArray => is(this, &crate::bytes::BYTEARRAY),
            SelfKind::MemView => is(this, &crate::memview::MEMVIEW),
            SelfKind::MemIter => is(this, &crate::memview::MEM_ITER),
            SelfKind::Hash => super::hashes::is_hash(this),
            SelfKind::List => is(this, &LIST),
            SelfKind::Tuple => is(this, &TUPLE),
            SelfKind::Dict => crate::dict::is_dict(this),
            SelfKind::Set => crate::sets::is_any(this),
            SelfKind::Int => is(this, &INT) || is(this, &BIGINT) || is(this, &BOOL),
            SelfKind::Float => is(this, &FLOAT),
        }
    }
}

/// What a call of one builtin needs to know about it.
#[derive(Clone, Copy, Debug)]
pub struct MethodInfo {
    /// A method of a builtin type, not a module's function (`builtins::is_method_name`).
    pub method: bool,
    /// A static or class method (`is_static_name`).
    pub is_static: bool,
    /// A class method (`CLASSMETHODS`).
    pub classmethod: bool,
    /// The type its `self` must hold (`Any` for `__new__`, which checks its class itself).
    pub self_kind: SelfKind,
    /// It reads boxed arguments as their values (`boxed::unboxes_args`).
    pub unboxes: bool,
    /// The positional argument counts it takes, where the arity table knows them (see
    /// `arity`): `least..=most`.
    least: usize,
    most: usize,
}

impl MethodInfo {
    fn of(id: usize, name: &str) -> MethodInfo {
        let (prefix, method) = name.split_once('.').unwrap_or(("", name));
        let (least, most) = super::arity::counts(id).unwrap_or((0, usize::MAX));
        MethodInfo {
            least,
            most,
            method: b::is_method_name(name),
            is_static: super::is_static_name(name),
            classmethod: CLASSMETHODS.contains(&name),
            self_kind: if method == "__new__" { SelfKind::Any } else { SelfKind::of_prefix(prefix) },
            unboxes: crate::boxed::unboxes_args(name),
        }
    }

    /// Whether a call with `n` positional arguments may go ahead (else
    /// `arity::arity_error` has the message).
    #[inline(always)]
    pub fn takes(&self, n: usize) -> bool {
        (self.least..=self.most).contains(&n)
    }
}

/// The [`MethodInfo`] of every builtin, by number (derived from the constant `NAMES` once).
pub fn method_info() -> &'static [MethodInfo] {
    static INFO: OnceLock<Vec<MethodInfo>> = OnceLock::new();
    INFO.get_or_init(|| super::NAMES.iter().enumerate().map(|(id, n)| MethodInfo::of(id, n)).collect())
}
