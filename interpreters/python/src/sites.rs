//! Inline caches: what the interpreter found at one instruction the last time it ran there
//! (CPython 3.11's specialized `LOAD_ATTR`, `STORE_ATTR` and `LOAD_GLOBAL`, as one cache
//! word per instruction instead of rewritten instructions).
//!
//! Each code object has one [`Site`] cell per instruction. An instruction that reads or
//! writes by name (`obj.x`, `obj.x = v`, a global) asks its site first: when the object has
//! the shape the site remembers (class and map, or module and its names), the answer is the
//! site's, with no name hashed and no memo table touched; otherwise the general path answers
//! and the site remembers that answer for next time. An attribute site holds one shape, or
//! two once a second shows up in the same class epoch (a method of a base class run on
//! instances of two subclasses: richards' tasks); a site that sees more keeps the last two it
//! saw, and a miss costs a compare or two more than no cache.
//!
//! Invariants: builtin types' methods never change; an attribute answer holds while the runtime's class-attribute epoch is the
//! one it was found in (every class attribute change moves it; see `attrcache`); maps never
//! change once made and class numbers are never reused, so (class, map) names a shape for
//! good. A module's name keeps its slot for the module's life (names are only ever added),
//! so a global found in the module itself stays at that slot; a global found in the builtins
//! holds while the module has as many names as when it was found (a new module name could
//! shadow it). A value read through a site is still checked for null (deleted) by the caller.
//!
//! Only the interpreter uses sites (`!cx.we_are_jitted()`): a trace makes the same lookups
//! once, at trace time, behind the guards and version tags the general paths record.

use crate::attrcache::Resolved;
use std::cell::Cell;

/// One instruction's cache.
#[derive(Clone, Copy, Debug, Default)]
pub enum Site {
    #[default]
    Empty,
    /// `obj.name` for instances of shape `key` (class number << 32 | map) in class epoch
    /// `epoch`.
    Load { key: u64, epoch: u64, answer: Answer },
    /// `Load` for two shapes: `key`'s answer is `answer`, `key2`'s `answer2` (the one seen
    /// last first).
    Load2 { epoch: u64, key: u64, answer: Answer, key2: u64, answer2: Answer },
    /// `obj.name = v` for instances of shape `key` in class epoch `epoch`: the value goes to
    /// `slot`; the instance moves to map `next` first when it differs from its own.
    Store { key: u64, epoch: u64, slot: u32, next: u32 },
    /// `Store` for two shapes (the one seen last first).
    Store2 { epoch: u64, key: u64, slot: u32, next: u32, key2: u64, slot2: u32, next2: u32 },
    /// `obj.name` is builtin method number `id` for objects of (builtin) class `class`;
    /// `unbound` is that method as the type holds it (no `self` bound: calling it with the
    /// object first is calling the bound method), or 0 (static and class methods).
    BuiltinMethod { class: usize, id: u32, unbound: usize },
    /// A global of module `module` (an address) at slot `slot` of the module itself.
    Global { module: usize, slot: u32 },
    /// A global of module `module` found in the builtins' slot `slot` while the module had
    /// `names` names.
    Builtin { module: usize, names: u32, slot: u32 },
}

/// A [`Resolved`] in one word, as sites keep it (so that a two-shape site stays small):
/// 0 for `General`, a slot number `i` as `2i + 1`, a function as its (even) address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answer(u64);

impl Answer {
    #[inline(always)]
    pub fn of(r: Resolved) -> Answer {
        Answer(match r {
            Resolved::General => 0,
            Resolved::Slot(i) => (i as u64) << 1 | 1,
            Resolved::Method(f) => {
                debug_assert!(f != 0 && f & 1 == 0, "objects are word-aligned");
                f as u64
            }
        })
    }

    #[inline(always)]
    pub fn get(self) -> Resolved {
        match self.0 {
            0 => Resolved::General,
            w if w & 1 == 1 => Resolved::Slot((w >> 1) as usize),
            f => Resolved::Method(f as usize),
        }
    }
}

impl Site {
    /// What `f` reads from the site in `cell`, read in place. (`Cell::get` copies the whole
    /// enum to the stack in pieces and reads it back in other pieces, which defeats the CPU's
    /// store forwarding and stalls every hit of a hot instruction.)
    #[inline(always)]
    pub fn peek<R>(cell: &Cell<Site>, f: fn(&Site) -> R) -> R {
        // SAFETY: the reference lives while `f` runs; `f` is a plain function that captures
        // nothing, and a `Cell` is not shared across threads, so nothing writes the cell
        // meanwhile.
        f(unsafe { &*cell.as_ptr() })
    }

    /// [`Site::peek`] with an argument for `f`.
    #[inline(always)]
    pub fn peek_with<A, R>(cell: &Cell<Site>, a: A, f: fn(&Site, A) -> R) -> R {
        // SAFETY: as in `peek`.
        f(unsafe { &*cell.as_ptr() }, a)
    }
}

/// The sites of one code object, one per instruction.
#[derive(Debug)]
pub struct Sites(Box<[Cell<Site>]>);

impl Sites {
    pub fn new(n: usize) -> Sites {
        Sites((0..n).map(|_| Cell::new(Site::Empty)).collect())
    }

    #[inline(always)]
    pub fn get(&self, pc: u32) -> Site {
        self.0[pc as usize].get()
    }

    #[inline(always)]
    pub fn set(&self, pc: u32, s: Site) {
        self.0[pc as usize].set(s)
    }

    /// The cell of instruction `pc`.
    #[inline(always)]
    pub fn at(&self, pc: u32) -> &Cell<Site> {
        &self.0[pc as usize]
    }
}
