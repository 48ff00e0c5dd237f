//! Natives and root scopes: Rust code that runs the language again, and the references it
//! holds meanwhile.
//!
//! A language's operations call back into user code all the time (Python: `__eq__` and
//! `__hash__` during a dict probe, `key=` during a sort, `__init__` from a type call). An
//! instruction that does so through [`Ctx::call_frame`](crate::Ctx::call_frame) is traced
//! through; Rust code that loops over many such calls (a sort) is a *native* instead: a plain
//! Rust function on the concrete context, called with [`Ctx::call_native`](crate::Ctx::call_native).
//! It is never traced. While tracing, the call is recorded as `call_may_force_*` (PyPy's name):
//! compiled code calls it through the driver with the references live across the call in a
//! live record, and checks afterwards that the result was an ordinary value
//! (`guard_not_forced`) and whether it raised (`save_exception` and a guard). So the callback
//! may do anything the interpreter may do: collect, run compiled code, deoptimize, throw traces
//! away (even the caller's: see `links::discard`).
//!
//! The call ends the caller's instruction, as a call of the language does: the caller is
//! passed in its resumed state, and the outcome reaches it through
//! [`Language::deliver`](crate::Language::deliver) when compiled code leaves at or after the
//! call. So guards the interpreter records after the call, in the same instruction, are fine:
//! their snapshot is the caller waiting for the outcome (see `Snapshot::deliver` in the IR).
//!
//! References a native (or any instruction) holds in Rust locals across a call or safepoint
//! are not seen by the collector unless rooted: [`Ctx::root`](crate::Ctx::root) pushes one
//! and returns a [`RootMark`](crate::RootMark); [`Ctx::unroot`](crate::Ctx::unroot) pops back
//! to it. A native's own reference arguments are rooted for it.

use crate::descr::Type;
use std::marker::PhantomData;

/// Rust code that may run the language again, called with [`Ctx::call_native`](crate::Ctx::call_native).
/// Declared once, as a `static` or a constant, with [`Native::new`] (defined with the concrete
/// context, on which its function runs).
///
/// ```ignore
/// fn probe<'a>(cx: &mut Concrete<'a, Lang>, args: &[Red<Concrete<'a, Lang>>]) -> Value<Concrete<'a, Lang>> {
///     // ... cx.call_function(frame_of_user_eq) ... cx.root(r) ...
/// }
/// static PROBE: Native<Lang> = Native::new("dict_probe", probe, &[Type::Ref, Type::Ref], Type::Int);
/// ```
pub struct Native<L> {
    /// Name in traces.
    pub name: &'static str,
    /// The code: a [`NativeFn<L>`](crate::NativeFn) without its type, which names the concrete
    /// context, a layer above this one. Only [`Native::new`] makes it, and only the concrete
    /// context calls it, as that type again.
    pub(crate) code: fn(),
    /// The types of its arguments.
    pub args: &'static [Type],
    /// The type of the red value it returns when it returns normally
    /// ([`Language::result_red`](crate::Language::result_red)); compiled code gets that
    /// value directly, anything else is an exception or forced.
    pub ret: Type,
    /// (Invariant in `L`, as the typed function it stands for was.)
    pub(crate) lang: PhantomData<fn(L) -> L>,
}
