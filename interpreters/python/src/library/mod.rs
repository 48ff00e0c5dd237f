//! The builtin functions and the methods of builtin types, as one table (name, code). A name
//! with a dot (`list.append`) is a method: its first argument is the object it is bound to.

use crate::builtins::{self as b, call_value, collect, err, text, to_repr, to_str, truth, PyResult};
use crate::classes;
use crate::dict;
use crate::objects::*;
use crate::runtime::{list_items, new_bigint, new_float, new_int, new_list, new_str, new_tuple, tuple_items};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::io::Write;
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;
type Kw<'b> = &'b [(Rc<str>, usize)];

/// A builtin's code: `(cx, runtime, bound object, args, keyword args) -> result`.
pub type BuiltinFn<S> =
    for<'a, 'b> fn(&'b mut Concrete<'a, Py<S>>, &'b Python, Option<usize>, &'b [usize], Kw<'b>) -> PyResult;

/// One file's rows of the table: `"name" => function,`. Each file of this module opens with
/// one; `NAMES` and `table` join them in `PARTS` order.
macro_rules! rows {
    ($($name:literal => $f:ident,)*) => {
        /// This file's builtin names, in table order.
        pub(super) const NAMES: &[&str] = &[$($name),*];
        /// This file's functions for space `S`, in the order of `NAMES`.
        pub(super) fn entries<S: Space>() -> Vec<BuiltinFn<S>> {
            vec![$($f::<S> as BuiltinFn<S>),*]
        }
    };
}

mod functions;
mod imports;
mod mappings;
mod math;
mod methods;
mod sequences;
mod strs;
mod system;

pub use functions::{getitem_iter, lazy_next};

/// The files of the table, in order: (names, functions for space `S`).
macro_rules! parts {
    ($($m:ident),*) => {
        const PARTS: &[&[&str]] = &[$($m::NAMES),*];
        fn entries<S: Space>() -> Vec<BuiltinFn<S>> {
            let mut all = Vec::with_capacity(NAMES.len());
            $(all.extend($m::entries::<S>());)*
            all
        }
    };
}
parts!(functions, sequences, strs, mappings, methods, math, system, imports);

const fn total(parts: &[&[&str]]) -> usize {
    let (mut n, mut k) = (0, 0);
    while k < parts.len() {
        n += parts[k].len();
        k += 1;
    }
    n
}

const fn join<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut k) = (0, 0);
    while k < parts.len() {
        let mut j = 0;
        while j < parts[k].len() {
            out[n] = parts[k][j];
            n += 1;
            j += 1;
        }
        k += 1;
    }
    out
}

/// The builtins' names, in table order (a builtin object holds its index here).
pub static NAMES: [&str; total(PARTS)] = join(PARTS);

/// The table for space `S` (made once per space type).
pub fn table<S: Space>() -> &'static [BuiltinFn<S>] {
    use std::any::TypeId;
    use std::collections::HashMap;
    thread_local! {
        static TABLES: std::cell::RefCell<HashMap<TypeId, usize>> = std::cell::RefCell::new(HashMap::new());
    }
    let addr = TABLES.with(|t| {
        *t.borrow_mut().entry(TypeId::of::<S>()).or_insert_with(|| {
            let v: &'static [BuiltinFn<S>] = Box::leak(entries::<S>().into_boxed_slice());
            v as *const [BuiltinFn<S>] as *const BuiltinFn<S> as usize
        })
    });
    // SAFETY: the address is of a leaked slice of `NAMES.len()` entries for this very `S`.
    unsafe { std::slice::from_raw_parts(addr as *const BuiltinFn<S>, NAMES.len()) }
}

fn arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], k: usize, fname: &str) -> Result<usize, usize> {
    args.get(k).copied().ok_or_else(|| {
        crate::errors::new_error(cx, rt, "TypeError", &format!("{fname}() missing required argument (pos {})", k + 1))
    })
}

fn kwarg(kw: Kw<'_>, name: &str) -> Option<usize> {
    kw.iter().find(|(n, _)| &**n == name).map(|&(_, v)| v)
}

fn this(t: Option<usize>) -> usize {
    t.expect("a method is bound")
}

fn s<S: Space>(cx: &mut Cx<'_, S>, v: &str) -> PyResult {
    Ok(new_str(cx.heap_mut(), v))
}

fn opt_str(rt: &Python, args: &[usize], k: usize) -> Option<&'static str> {
    args.get(k).filter(|&&a| a != rt.none.get()).map(|&a| text(a))
}
