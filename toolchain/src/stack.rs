//! Native stack checks: how an interpreter raises its own "recursion too deep" error before
//! the thread's stack overflows (RPython's `stack_check`).
//!
//! # Why the toolchain checks the stack
//!
//! Every call of a language function is a native recursion: `Ctx::call_frame` runs the
//! callee's `Language::run` through the driver, one Rust frame (or several) per language
//! frame; compiled code recursing through `call_assembler` runs on the same stack (the
//! direct entry calls the callee's code with a frame buffer on the native stack, and the slow
//! way goes through `portal::call_assembler` and the driver). A language can count its own
//! depth (and should, if it wants a limit that is the same in every mode), but it cannot know
//! how many bytes a frame takes: that depends on the JIT mode (interpreted, traced, compiled),
//! the build (debug frames are many times larger), and the thread it runs on. Only a look at
//! the stack pointer knows. So the toolchain learns the bounds of the stack of the thread that
//! runs the `Vm` and offers one question, [`Ctx::stack_ok`](crate::Ctx::stack_ok): "is there
//! more than a margin left?". The interpreter asks before each call and raises its own error
//! (`RecursionError`) when the answer is no; unwinding that error needs no more stack.
//!
//! # Where the answer comes from
//!
//! - The bounds: `pthread_getattr_np` on Linux (for the main thread glibc works them out from
//!   the stack's mapping and `RLIMIT_STACK`), read once, at the `Vm`'s first
//!   [`Vm::run`](crate::Vm::run) (a `Vm` never changes threads: it is not `Send`). The lowest
//!   usable address is the reported start plus the guard size (glibc versions differ on
//!   whether the guard is inside the reported range; counting it is safe either way). Where
//!   the bounds are unknown, the stack is assumed to end [`FALLBACK_SIZE`] below the stack
//!   pointer at that first run. Stacks grow down on every target we build for.
//! - The *limit* is that lowest address plus a margin ([`DEFAULT_MARGIN`], at most half the
//!   stack; [`Vm::set_stack_margin`](crate::Vm::set_stack_margin)). The margin must hold
//!   everything that may run between two checks: the rest of one interpreter instruction, the
//!   driver's entry into compiled code, one level of compiled code and its way back through
//!   `call_assembler` and a deopt (the driver rebuilds the frames of a failing guard one after
//!   the other, not nested, so a deopt of 30 inlined frames is no deeper than one of 1), a
//!   collection, and compiling a trace (the optimizer and Cranelift run where the trace
//!   closed). A megabyte is ample for debug builds; it costs nothing but address space.
//! - The concrete interpreter compares the stack pointer with the limit: one load and one
//!   compare.
//!
//! # Compiled code
//!
//! A trace runs in one native frame however many calls it inlined, so a check in an inlined
//! call is redundant in compiled code, and the tracer records nothing for a check that passed.
//! The only way compiled code goes deeper is a call it does not inline (`call_assembler`): the
//! tracer records a check right before each, as a call of the read-only helper `stack_check`
//! (1 if there is room) followed by `guard_true`, whose snapshot is the caller at the start of
//! its call instruction (so an interpreter that has a side effect in that instruction before
//! `call_frame` gets the trace aborted, as for any guard after an effect). When the guard
//! fails, compiled code leaves to the interpreter at the start of the call instruction, which
//! checks again: it raises the language's error, or, if it finds room (the driver may resume
//! it higher up the stack than the compiled code stood), calls on, nesting deeper until a
//! check fails. If the check at a `call_assembler` already fails while tracing, the trace is
//! aborted (`TooDeep`) rather than compiled with a guard that would always fail. And if an
//! interpreter's own check fails while tracing, the tracer records the helper call and
//! `guard_false`, so the compiled trace raises exactly when compiled code has no room either.
//!
//! A helper call per `call_assembler` is cheap next to the call; an inline compare of the
//! stack pointer in Cranelift code would need a new IR operation, which is not worth it yet.
//! The helper is `readonly` (not `elidable`: it must not be folded at trace time, though its
//! argument is a constant, or merged with another check at a different depth).
//!
//! # Example
//!
//! An interpreter's call instruction, after its own depth check (if any):
//!
//! ```ignore
//! Op::Call(target) => {
//!     if !cx.stack_ok() {
//!         return Flow::Return(Err(Error::new("maximum recursion depth exceeded")));
//!     }
//!     let callee = Frame::new(target, args);
//!     let v = cx.call_frame(f, callee);
//!     ...
//! }
//! ```

use crate::descr::{Effect, Helper, Type};
use std::cell::Cell;

/// The default margin: room kept free below the limit for what runs between two checks.
pub const DEFAULT_MARGIN: usize = 1 << 20;

/// The stack size assumed when the thread's stack bounds cannot be read.
pub const FALLBACK_SIZE: usize = 1 << 20;

/// The current stack pointer (approximately: within the caller's frame).
#[inline(always)]
pub fn stack_pointer() -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let sp: usize;
        // SAFETY: reads the stack pointer register into a general register; no memory access.
        unsafe { std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags)) };
        sp
    }
    #[cfg(target_arch = "aarch64")]
    {
        let sp: usize;
        // SAFETY: reads the stack pointer register into a general register; no memory access.
        unsafe { std::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags)) };
        sp
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        let here = 0u8;
        std::hint::black_box(&here) as *const u8 as usize
    }
}

/// The usable range `(lowest, highest)` of the current thread's stack, if the platform says.
///
/// ```
/// use metatrace::stack::{stack_pointer, thread_stack_bounds};
/// if let Some((low, high)) = thread_stack_bounds() {
///     let sp = stack_pointer();
///     assert!(low < sp && sp <= high);
///     println!("{} KiB of stack left", (sp - low) / 1024);
/// }
/// ```
pub fn thread_stack_bounds() -> Option<(usize, usize)> {
    #[cfg(target_os = "linux")]
    {
        let mut attr = std::mem::MaybeUninit::<libc::pthread_attr_t>::uninit();
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let mut guard: libc::size_t = 0;
        // SAFETY: `pthread_getattr_np` initializes `attr` when it returns 0, and only then is
        // it read and destroyed; the out-pointers are valid locals.
        unsafe {
            if libc::pthread_getattr_np(libc::pthread_self(), attr.as_mut_ptr()) != 0 {
                return None;
            }
            let ok = libc::pthread_attr_getstack(attr.as_ptr(), &mut addr, &mut size) == 0
                && libc::pthread_attr_getguardsize(attr.as_ptr(), &mut guard) == 0;
            libc::pthread_attr_destroy(attr.as_mut_ptr());
            if !ok || addr.is_null() || size <= guard {
                return None;
            }
        }
        let low = addr as usize + guard;
        let high = addr as usize + size;
        let sp = stack_pointer();
        // The answer must contain where we stand, or it is not this stack's.
        (low < sp && sp <= high).then_some((low, high))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// A `Vm`'s view of its thread's stack: the limit below which [`StackCheck::ok`] says no.
pub(crate) struct StackCheck {
    /// The lowest stack pointer that still counts as having room (boxed: compiled code reads
    /// it through its address); 0 until the bounds are known, which lets everything pass.
    limit: Box<Cell<usize>>,
    /// The usable stack range, once known.
    bounds: Cell<Option<(usize, usize)>>,
    margin: Cell<usize>,
    /// At most how many bytes below the stack's top the program may use (`None`: all but the
    /// margin): a language whose recursion limit the program sets keeps deep recursion
    /// bounded without a stack sized for the smallest limit.
    budget: Cell<Option<usize>>,
}

impl StackCheck {
    pub(crate) fn new() -> Self {
        StackCheck {
            limit: Box::new(Cell::new(0)),
            bounds: Cell::new(None),
            margin: Cell::new(DEFAULT_MARGIN),
            budget: Cell::new(None),
        }
    }

    /// Learns the current thread's stack bounds, if not yet known.
    pub(crate) fn init(&self) {
        if self.bounds.get().is_none() {
            let bounds = thread_stack_bounds().unwrap_or_else(|| {
                let sp = stack_pointer();
                (sp.saturating_sub(FALLBACK_SIZE), sp)
            });
            self.bounds.set(Some(bounds));
            self.update_limit();
        }
    }

    /// Keeps `margin` bytes free (at most half the stack).
    pub(crate) fn set_margin(&self, margin: usize) {
        self.margin.set(margin);
        self.update_limit();
    }

    /// Lets the program use at most `budget` bytes below the stack's top (`None`: no bound
    /// but the margin's).
    pub(crate) fn set_budget(&self, budget: Option<usize>) {
        self.budget.set(budget);
        self.update_limit();
    }

    fn update_limit(&self) {
        if let Some((low, high)) = self.bounds.get() {
            let floor = low + self.margin.get().min((high - low) / 2);
            let capped = self.budget.get().map_or(floor, |b| high.saturating_sub(b));
            self.limit.set(floor.max(capped));
        }
    }

    /// The stack bounds and the limit, once known.
    pub(crate) fn bounds(&self) -> Option<(usize, usize, usize)> {
        self.bounds.get().map(|(low, high)| (low, high, self.limit.get()))
    }

    /// Whether the stack pointer is above the limit.
    #[inline(always)]
    pub(crate) fn ok(&self) -> bool {
        stack_pointer() > self.limit.get()
    }

    /// The helper compiled code calls to check, and its argument: the limit's address (a
    /// reference constant, which the collector ignores: it is not on the heap).
    pub(crate) fn helper(&self) -> (Helper, usize) {
        // `stack_check` reads the word at its argument, which is the address of this Vm's limit
        // cell, alive (boxed) as long as the Vm and so as long as any trace that embeds it.
        let h = Helper::new1("stack_check", stack_check, &[Type::Ref], Some(Type::Int), Effect::ReadOnly);
        (h, self.limit.as_ptr() as usize)
    }
}

/// Compiled code's stack check: 1 if the stack pointer is above the limit stored at `limit`
/// (the address of a `Vm`'s limit cell), else 0.
extern "C" fn stack_check(limit: u64) -> u64 {
    // SAFETY: traces pass the address of their Vm's limit cell (see `StackCheck::helper`).
    let limit = unsafe { *(limit as *const usize) };
    (stack_pointer() > limit) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_raises_the_limit_and_never_lowers_it_below_the_margin() {
        let s = StackCheck::new();
        s.bounds.set(Some((1_000_000, 9_000_000)));
        s.set_margin(100_000);
        assert_eq!(s.bounds(), Some((1_000_000, 9_000_000, 1_100_000)));
        // A budget of 2 MB: the program may only go 2 MB below the top.
        s.set_budget(Some(2_000_000));
        assert_eq!(s.bounds().unwrap().2, 7_000_000);
        // A budget larger than the stack leaves the margin's limit.
        s.set_budget(Some(50_000_000));
        assert_eq!(s.bounds().unwrap().2, 1_100_000);
        s.set_budget(None);
        assert_eq!(s.bounds().unwrap().2, 1_100_000);
        // Margins change with a budget in place and keep it.
        s.set_budget(Some(3_000_000));
        s.set_margin(200_000);
        assert_eq!(s.bounds().unwrap().2, 6_000_000);
    }
}
