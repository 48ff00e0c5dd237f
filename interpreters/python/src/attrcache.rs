//! The interpreter's answer to `obj.name` for plain instances, remembered per (class, map,
//! name): CPython's specialized `LOAD_ATTR` forms (an instance attribute at a known slot, a
//! method found in the class) as one memo lookup.
//!
//! The general path ([`crate::classes::getattr`]) asks, in CPython's order, for the class's
//! attribute hooks, the class attribute through the MRO and its kind of descriptor, then the
//! instance's map; each is a lookup of its own. For most attribute reads the answer is one of
//! two shapes that depend only on the instance's class and map, so it is remembered:
//! - [`Resolved::Slot`]: the class has no attribute of that name and the map has a slot for
//!   it: the instance's own value.
//! - [`Resolved::Method`]: the map has no slot for it and the class attribute is a Python
//!   function: a bound method.
//! Anything else (hooks, descriptors, `__slots__` members, dict-mode instances, `__dict__`
//! and `__class__`) is [`Resolved::General`]: the general path answers.
//!
//! Invariants: a class's attributes change only through the runtime's class-attribute
//! setters, which clear `Python::class_attrs`; this memo follows that memo's epoch, so it
//! never answers from before such a change. Maps never change once made, and a class number
//! is never reused. The function of a `Method` answer lives as long as the class attribute
//! holding it, which outlives the answer (a change clears it).
//!
//! Only the interpreter uses this: traces make the same lookups once, at trace time, and
//! depend on the class versions as the general path records them.

use crate::classes::{self, Descriptor, HOOK_GETATTR, HOOK_GETATTRIBUTE};
use crate::objects::*;
use crate::sites::{Answer, Site};
use crate::Python;
use std::cell::Cell;

/// What `obj.name` is for instances of one class and map.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Ask the general path.
    #[default]
    General,
    /// The instance's slot. (A word, like `Method`'s: the two payloads share one place, so
    /// copying an answer copies one word, which the CPU forwards to the read that follows.)
    Slot(usize),
    /// This function (a class attribute), bound to the instance.
    Method(usize),
}

/// The memo (see the module docs).
#[derive(Default)]
pub struct AttrCache {
    memo: crate::memo::Memo<Resolved>,
    /// The epoch of `Python::class_attrs` the answers were found in.
    seen: Cell<u64>,
}

/// `obj.name` for a live instance `obj`, as far as the memo knows it.
pub fn resolve(rt: &Python, obj: usize, name: &str) -> Resolved {
    let cache = &rt.attr_cache;
    let epoch = rt.class_attrs.epoch();
    if cache.seen.get() != epoch {
        cache.memo.forget_all();
        cache.seen.set(epoch);
    }
    // SAFETY: a live instance.
    let (t, map) = unsafe { (read_word(obj, &INST_TYPE) as usize, read_word(obj, &INST_MAP) as usize) };
    let key = (classes::type_id(t) as u64) << 32 | map as u64;
    cache.memo.get_or(key, name, || find(rt, t, map, name))
}

/// As [`resolve`], asking the instruction's inline cache first (see `sites`).
#[inline]
pub fn resolve_at(rt: &Python, obj: usize, name: &str, site: &Cell<Site>) -> Resolved {
    let epoch = rt.class_attrs.epoch();
    // SAFETY: a live instance.
    let (t, map) = unsafe { (read_word(obj, &INST_TYPE) as usize, read_word(obj, &INST_MAP) as usize) };
    let key = (classes::type_id(t) as u64) << 32 | map as u64;
    // The hit, read in place (commonly one word compared twice).
    let hit = Site::peek_with(site, (key, epoch), |s, (key, epoch)| match *s {
        Site::Load { key: k, epoch: e, answer } if k == key && e == epoch => Some(answer),
        Site::Load2 { epoch: e, key: k, answer, key2, answer2 } if e == epoch => {
            if k == key {
                Some(answer)
            } else if key2 == key {
                Some(answer2)
            } else {
                None
            }
        }
        _ => None,
    });
    match hit {
        Some(answer) => answer.get(),
        None => resolve_miss(rt, obj, name, site, key, epoch),
    }
}

/// A miss of [`resolve_at`]: the general answer, remembered in the site (with the one it
/// held, when that was found in the same class epoch).
#[inline(never)]
fn resolve_miss(rt: &Python, obj: usize, name: &str, site: &Cell<Site>, key: u64, epoch: u64) -> Resolved {
    let found = resolve(rt, obj, name);
    let answer = Answer::of(found);
    site.set(match site.get() {
        Site::Load { key: key2, epoch: e, answer: answer2 }
        | Site::Load2 { epoch: e, key: key2, answer: answer2, .. }
            if e == epoch && key2 != key =>
        {
            Site::Load2 { epoch, key, answer, key2, answer2 }
        }
        _ => Site::Load { key, epoch, answer },
    });
    found
}

fn find(rt: &Python, t: usize, map: usize, name: &str) -> Resolved {
    if name == "__dict__" || name == "__class__" || rt.maps.borrow()[map].is_dict_mode() {
        return Resolved::General;
    }
    if classes::hooks(rt, t) & (HOOK_GETATTRIBUTE | HOOK_GETATTR) != 0 {
        return Resolved::General;
    }
    match (classes::lookup(rt, t, name), classes::map_slot(rt, map, name)) {
        (None, Some(slot)) => Resolved::Slot(slot as usize),
        (Some(f), None) if is(f, &FUNCTION) && classes::descriptor(rt, f) == Descriptor::Method => Resolved::Method(f),
        _ => Resolved::General,
    }
}
