//! Leaf operations: `in`, `[]`, `[]=`, comparisons and iteration on exact dicts, sets and
//! strs whose outcome needs no user code. A trace records them as plain helper calls and
//! heap accesses instead of a `py_op` native (which compiled code calls through the driver,
//! followed by `guard_not_forced` and an exception check, with its operands boxed).
//!
//! A helper here never runs Python code, allocates or raises: when it cannot tell (a key
//! whose equality only a user `__eq__` could decide, a missing key whose `KeyError` the
//! native makes, a non-ASCII str) it says so, the trace guards against that answer, and the
//! native runs as before (a bridge if that side gets hot).
//!
//! The interpreter takes the same paths: run concretely, a helper is a direct call, which
//! costs a fraction of a native's entry, rooting and dispatch (`str == str` in a loop: about
//! 400 instructions through the native, under 150 here).
//!
//! Builtins are answered here too ([`builtin_call`]): `isinstance` of an object of a builtin
//! layout against builtin classes (the answer follows from the guarded layout, so it is a
//! constant), and `set.add`/`set.discard`.

use crate::bytecode::CmpOp;
use crate::objects::*;
use crate::{Py, Python, Space};
use metatrace::{Ctx, Effect, Helper, Red, Type};
use std::cmp::Ordering;

/// Whether keys `a` and `b` are equal, if that needs no user code: identical objects, two
/// strs, two exact ints. `None` for anything else (`==` decides, which may run user code).
#[inline]
pub fn same_known(a: usize, b: usize) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if is(a, &STR) && is(b, &STR) {
        return Some(crate::builtins::text(a) == crate::builtins::text(b));
    }
    if is(a, &INT) && is(b, &INT) {
        // SAFETY: two live ints.
        return Some(unsafe { read_word(a, &INT_VALUE) == read_word(b, &INT_VALUE) });
    }
    None
}

/// The hash of a str or exact int key (a str's is cached as `hashing::hash` caches it);
/// `None` for other keys.
fn known_hash(o: usize) -> Option<i64> {
    if is(o, &STR) {
        // SAFETY: `o` is a live str; its hash field is -1 until computed.
        unsafe {
            let cached = read_word(o, &STR_HASH) as i64;
            if cached != -1 {
                return Some(cached);
            }
            let h = crate::format::str_hash(str_text(o));
            *((o + STR_HASH.offset as usize) as *mut i64) = h;
            return Some(h);
        }
    }
    if is(o, &INT) {
        // SAFETY: a live int.
        return Some(crate::format::int_hash_i64(unsafe { read_word(o, &INT_VALUE) } as i64));
    }
    None
}

/// What [`dict_find`] answers when only the native can tell.
const UNKNOWN_POS: i64 = -2;

/// `(dict, key) -> position`: the entry position of `key`, -1 if absent, [`UNKNOWN_POS`] if
/// telling needs user code. Reads the dict (and may cache a str key's hash).
extern "C" fn dict_find(d: u64, key: u64) -> u64 {
    let Some(h) = known_hash(key as usize) else { return UNKNOWN_POS as u64 };
    match crate::dict::find_known(d as usize, key as usize, h) {
        Some(Some(pos)) => pos as u64,
        Some(None) => -1i64 as u64,
        None => UNKNOWN_POS as u64,
    }
}
const DICT_FIND: Helper =
    Helper::new2("dict_find", dict_find, &[Type::Ref, Type::Ref], Some(Type::Int), Effect::ReadOnly);

/// `(set, key) -> 0 | 1 | 2`: whether `key` is in the set or frozenset, 2 if telling needs
/// user code.
extern "C" fn set_find(s: u64, key: u64) -> u64 {
    let Some(h) = known_hash(key as usize) else { return 2 };
    match crate::sets::contains_known(s as usize, key as usize, h) {
        Some(found) => found as u64,
        None => 2,
    }
}
const SET_FIND: Helper = Helper::new2("set_find", set_find, &[Type::Ref, Type::Ref], Some(Type::Int), Effect::ReadOnly);

/// `(dict, key) -> position`: where `d[key] = v` goes: the entry position of `key`, -1 if
/// absent and the dict's arrays have room for it (so that [`DICT_INSERT`] can add it),
/// [`UNKNOWN_POS`] otherwise (user code or a bigger table needed).
extern "C" fn dict_store_pos(d: u64, key: u64) -> u64 {
    let pos = dict_find(d, key) as i64;
    if pos == -1 && !crate::dict::has_room(d as usize) {
        return UNKNOWN_POS as u64;
    }
    pos as u64
}
const DICT_STORE_POS: Helper =
    Helper::new2("dict_store_pos", dict_store_pos, &[Type::Ref, Type::Ref], Some(Type::Int), Effect::ReadOnly);

/// `(dict, key, value)`: adds `key: value`, once [`DICT_STORE_POS`] said it can (-1).
extern "C" fn dict_insert(d: u64, key: u64, v: u64) -> u64 {
    if let Some(h) = known_hash(key as usize) {
        crate::dict::append(d as usize, key as usize, h, v as usize);
    }
    0
}
const DICT_INSERT: Helper =
    Helper::new3("dict_insert", dict_insert, &[Type::Ref, Type::Ref, Type::Ref], None, Effect::Write);

/// `(set, key) -> 0 | 1`: whether `s.add(key)` needs neither user code nor a bigger table
/// (so that [`SET_ADD`] can do it).
extern "C" fn set_add_ok(s: u64, key: u64) -> u64 {
    known_hash(key as usize).is_some_and(|h| crate::sets::add_known(s as usize, key as usize, h, false)) as u64
}
const SET_ADD_OK: Helper =
    Helper::new2("set_add_ok", set_add_ok, &[Type::Ref, Type::Ref], Some(Type::Int), Effect::ReadOnly);

/// `(set, key)`: `s.add(key)`, once [`SET_ADD_OK`] said it can.
extern "C" fn set_add_helper(s: u64, key: u64) -> u64 {
    known_hash(key as usize).is_some_and(|h| crate::sets::add_known(s as usize, key as usize, h, true)) as u64
}
const SET_ADD: Helper = Helper::new2("set_add", set_add_helper, &[Type::Ref, Type::Ref], None, Effect::Write);

/// `(set, key) -> 0 | 1`: whether `s.discard(key)` needs no user code.
extern "C" fn set_discard_ok(s: u64, key: u64) -> u64 {
    known_hash(key as usize).is_some_and(|h| crate::sets::discard_known(s as usize, key as usize, h, false)) as u64
}
const SET_DISCARD_OK: Helper =
    Helper::new2("set_discard_ok", set_discard_ok, &[Type::Ref, Type::Ref], Some(Type::Int), Effect::ReadOnly);

/// `(set, key)`: `s.discard(key)`, once [`SET_DISCARD_OK`] said it can.
extern "C" fn set_discard_helper(s: u64, key: u64) -> u64 {
    known_hash(key as usize).is_some_and(|h| crate::sets::discard_known(s as usize, key as usize, h, true)) as u64
}
const SET_DISCARD: Helper =
    Helper::new2("set_discard", set_discard_helper, &[Type::Ref, Type::Ref], None, Effect::Write);

/// `(str, str) -> 0 | 1`: equality of two strs (immutable: a pure function).
extern "C" fn str_eq(a: u64, b: u64) -> u64 {
    (a == b || crate::builtins::text(a as usize) == crate::builtins::text(b as usize)) as u64
}
const STR_EQ: Helper = Helper::new2("str_eq", str_eq, &[Type::Ref, Type::Ref], Some(Type::Int), Effect::Elidable);

/// `(str, str) -> -1 | 0 | 1`: the order of two strs (by code points: UTF-8 byte order).
extern "C" fn str_cmp(a: u64, b: u64) -> u64 {
    let o = crate::builtins::text(a as usize).cmp(crate::builtins::text(b as usize));
    (match o {
        Ordering::Less => -1i64,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }) as u64
}
const STR_CMP: Helper = Helper::new2("str_cmp", str_cmp, &[Type::Ref, Type::Ref], Some(Type::Int), Effect::Elidable);

/// `(haystack, needle) -> 0 | 1`: `needle in haystack` for two strs.
extern "C" fn str_contains(hay: u64, needle: u64) -> u64 {
    crate::builtins::text(hay as usize).contains(crate::builtins::text(needle as usize)) as u64
}
const STR_CONTAINS: Helper =
    Helper::new2("str_contains", str_contains, &[Type::Ref, Type::Ref], Some(Type::Int), Effect::Elidable);

/// `(latin-1 table, str, index) -> str | null`: `s[i]` of an ASCII str, the shared
/// one-char str (as the native returns it); null for a non-ASCII str or an index out of
/// range (the native then: it decodes, or raises IndexError).
extern "C" fn str_char_at(table: u64, s: u64, i: u64) -> u64 {
    let s = s as usize;
    if !crate::builtins::ascii(s) {
        return 0;
    }
    let bytes = crate::builtins::text(s).as_bytes();
    let n = bytes.len() as i64;
    let i = i as i64;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return 0;
    }
    // SAFETY: the table is the runtime's 256 latin-1 strs (filled once at start-up, never
    // changed, its objects rooted), and an ASCII byte is below 128.
    unsafe { *(table as *const u64).add(bytes[i as usize] as usize) }
}
const STR_CHAR_AT: Helper =
    Helper::new3("str_char_at", str_char_at, &[Type::Int, Type::Ref, Type::Int], Some(Type::Ref), Effect::Elidable);

/// Whether a promoted class is one whose keys the helpers hash and compare themselves.
fn known_key(class: usize) -> bool {
    class == STR.class() || class == INT.class()
}

/// `item in container` in a trace (0 or 1), when a leaf can tell; `None` leaves it to the
/// native.
pub fn contains<S: Space, C: Ctx<Py<S>>>(cx: &mut C, item: C::Ref, container: C::Ref) -> Option<C::Int> {
    let cc = cx.promote_class(container);
    if cc != STR.class() && cc != crate::dict::DICT.class() && !is_set_class(cc) {
        return None;
    }
    let ci = cx.promote_class(item);
    if cc == STR.class() {
        if ci != STR.class() {
            return None;
        }
        return Some(call_int(cx, &STR_CONTAINS, &[Red::Ref(container), Red::Ref(item)]));
    }
    if !known_key(ci) {
        return None;
    }
    if cc == crate::dict::DICT.class() {
        let pos = call_int(cx, &DICT_FIND, &[Red::Ref(container), Red::Ref(item)]);
        let unknown = cx.int(UNKNOWN_POS);
        let unknown = cx.int_eq(pos, unknown);
        if cx.is_true(unknown) {
            return None;
        }
        let zero = cx.int(0);
        return Some(cx.int_ge(pos, zero));
    }
    let found = call_int(cx, &SET_FIND, &[Red::Ref(container), Red::Ref(item)]);
    let two = cx.int(2);
    let unknown = cx.int_eq(found, two);
    if cx.is_true(unknown) {
        return None;
    }
    Some(found)
}

fn is_set_class(c: usize) -> bool {
    c == crate::sets::SET.class() || c == crate::sets::FROZENSET.class()
}

/// `obj[key]` in a trace (classes `co` and `ck`, promoted), when a leaf can tell.
pub fn getitem<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    obj: C::Ref,
    key: C::Ref,
    co: usize,
    ck: usize,
) -> Option<C::Ref> {
    if co == STR.class() && ck == INT.class() {
        let table = cx.int(rt.latin1.borrow().as_ptr() as i64);
        let i = cx.getfield_int(key, &INT_VALUE);
        let Some(Red::Ref(c)) = cx.call(&STR_CHAR_AT, &[Red::Int(table), Red::Ref(obj), Red::Int(i)]) else {
            unreachable!("str_char_at returns a reference")
        };
        return if crate::interp::is_null(cx, c) { None } else { Some(c) };
    }
    if co == STR.class() && ck == SLICE.class() {
        return str_slice(cx, obj, key);
    }
    if co == crate::dict::DICT.class() && known_key(ck) {
        let pos = found_pos(cx, obj, key)?;
        return Some(crate::dict::trace_value_at(cx, obj, pos));
    }
    None
}

/// The next char of a str iterator at byte offset `i` (the iterator's index; see
/// `builtins::next`): `None` leaves it to the native (a non-ASCII str, where offsets and
/// char indexes differ). Ends as the native does: `Some(None)` once `i` reaches the end.
pub fn str_next<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, s: C::Ref, i: C::Int) -> Option<Option<C::Ref>> {
    let n = cx.arraylen(s, &STR_BYTES);
    let more = cx.int_lt(i, n);
    if !cx.is_true(more) {
        return Some(None);
    }
    let table = cx.int(rt.latin1.borrow().as_ptr() as i64);
    let Some(Red::Ref(c)) = cx.call(&STR_CHAR_AT, &[Red::Int(table), Red::Ref(s), Red::Int(i)]) else {
        unreachable!("str_char_at returns a reference")
    };
    if crate::interp::is_null(cx, c) {
        None
    } else {
        Some(Some(c))
    }
}

/// `s[a:b]` of an ASCII str (`a` and `b` ints or None, no step) in a trace: a new str the
/// trace allocates, its bytes copied in by [`STR_COPY`] (as the native makes a new str).
fn str_slice<S: Space, C: Ctx<Py<S>>>(cx: &mut C, s: C::Ref, slice: C::Ref) -> Option<C::Ref> {
    let step = cx.getfield_ref(slice, &SLICE_STEP);
    if cx.promote_class(step) != NONE.class() {
        return None;
    }
    let n = cx.arraylen(s, &STR_BYTES);
    let chars = cx.getfield_int(s, &STR_CHARS);
    let ascii = cx.int_eq(n, chars);
    if !cx.is_true(ascii) {
        return None;
    }
    let start = cx.getfield_ref(slice, &SLICE_START);
    let a = slice_bound(cx, start, n, false)?;
    let stop = cx.getfield_ref(slice, &SLICE_STOP);
    let b = slice_bound(cx, stop, n, true)?;
    let zero = cx.int(0);
    let len = cx.int_sub(b, a);
    let empty = cx.int_lt(len, zero);
    let len = if cx.is_true(empty) { zero } else { len };
    let out = cx.new_array(&STR, len);
    cx.setfield_int(out, &STR_CHARS, len);
    let unknown = cx.int(-1);
    cx.setfield_int(out, &STR_HASH, unknown);
    match cx.call(&STR_COPY, &[Red::Ref(out), Red::Ref(s), Red::Int(a)]) {
        Some(Red::Ref(filled)) => Some(filled),
        _ => unreachable!("str_copy returns a reference"),
    }
}

/// A slice bound (an int or None; `end`: None stands for `n`) clamped to `0..=n` as
/// CPython's `PySlice_AdjustIndices` does for a step of 1; `None` for other bounds.
fn slice_bound<S: Space, C: Ctx<Py<S>>>(cx: &mut C, bound: C::Ref, n: C::Int, end: bool) -> Option<C::Int> {
    let class = cx.promote_class(bound);
    if class == NONE.class() {
        return Some(if end { n } else { cx.int(0) });
    }
    if class != INT.class() {
        return None;
    }
    let x = cx.getfield_int(bound, &INT_VALUE);
    let zero = cx.int(0);
    let negative = cx.int_lt(x, zero);
    if cx.is_true(negative) {
        let x = cx.int_add(x, n);
        let below = cx.int_lt(x, zero);
        return Some(if cx.is_true(below) { zero } else { x });
    }
    let above = cx.int_gt(x, n);
    Some(if cx.is_true(above) { n } else { x })
}

/// `(new str, str, start) -> the new str`: copies as many bytes as the new str holds from
/// the str's byte `start` on. It writes only the fresh object's bytes, which no trace reads,
/// so it is declared read-only (as `strings::fill_text` is); returning the object keeps the
/// call alive exactly as long as the str is used.
extern "C" fn str_copy(out: u64, s: u64, start: u64) -> u64 {
    // SAFETY: the trace allocated `out` with room for `len` bytes, and checked that `s` has
    // `start + len` (see `str_slice`); both are live strs.
    unsafe {
        let len = *((out as usize + STR.len_offset() as usize) as *const i64) as usize;
        let from = (s as usize + STR_BYTES.base as usize + start as usize) as *const u8;
        std::ptr::copy_nonoverlapping(from, (out as usize + STR_BYTES.base as usize) as *mut u8, len);
    }
    out
}
const STR_COPY: Helper =
    Helper::new3("str_copy", str_copy, &[Type::Ref, Type::Ref, Type::Int], Some(Type::Ref), Effect::ReadOnly);

/// `obj[key] = v` in a trace (classes `co` and `ck`, promoted) for an exact dict and a str
/// or int key; false leaves it to the native.
pub fn setitem<S: Space, C: Ctx<Py<S>>>(cx: &mut C, obj: C::Ref, key: C::Ref, v: C::Ref, co: usize, ck: usize) -> bool {
    if co != crate::dict::DICT.class() || !known_key(ck) {
        return false;
    }
    dict_store(cx, obj, key, v)
}

/// `d[key] = v` (`d` an exact dict, `key` a str or int) in a trace, when a leaf can: a
/// present key's value is replaced by the trace, an absent key is added by [`DICT_INSERT`]
/// if the dict's arrays have room (a guard before it: the write ends the operation).
pub fn dict_store<S: Space, C: Ctx<Py<S>>>(cx: &mut C, d: C::Ref, key: C::Ref, v: C::Ref) -> bool {
    if cx.promote_class(d) != crate::dict::DICT.class() || !known_key(cx.promote_class(key)) {
        return false;
    }
    let pos = call_int(cx, &DICT_STORE_POS, &[Red::Ref(d), Red::Ref(key)]);
    let zero = cx.int(0);
    let found = cx.int_ge(pos, zero);
    if cx.is_true(found) {
        crate::dict::trace_store_at(cx, d, pos, v);
        return true;
    }
    let absent = cx.int(-1);
    let absent = cx.int_eq(pos, absent);
    if !cx.is_true(absent) {
        return false;
    }
    cx.call(&DICT_INSERT, &[Red::Ref(d), Red::Ref(key), Red::Ref(v)]);
    true
}

/// The position of `key` in dict `d`, if there and found without user code.
fn found_pos<S: Space, C: Ctx<Py<S>>>(cx: &mut C, d: C::Ref, key: C::Ref) -> Option<C::Int> {
    let pos = call_int(cx, &DICT_FIND, &[Red::Ref(d), Red::Ref(key)]);
    let zero = cx.int(0);
    let found = cx.int_ge(pos, zero);
    cx.is_true(found).then_some(pos)
}

/// `a op b` for two strs (classes promoted) in a trace: 0 or 1.
pub fn compare_strs<S: Space, C: Ctx<Py<S>>>(cx: &mut C, op: CmpOp, a: C::Ref, b: C::Ref) -> C::Int {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        let same = call_int(cx, &STR_EQ, &[Red::Ref(a), Red::Ref(b)]);
        return if op == CmpOp::Eq { same } else { cx.int_is_zero(same) };
    }
    let o = call_int(cx, &STR_CMP, &[Red::Ref(a), Red::Ref(b)]);
    let zero = cx.int(0);
    match op {
        CmpOp::Lt => cx.int_lt(o, zero),
        CmpOp::Le => cx.int_le(o, zero),
        CmpOp::Gt => cx.int_gt(o, zero),
        CmpOp::Ge => cx.int_ge(o, zero),
        _ => unreachable!("an order comparison"),
    }
}

fn call_int<S: Space, C: Ctx<Py<S>>>(cx: &mut C, h: &Helper, args: &[Red<C>]) -> C::Int {
    match cx.call(h, args) {
        Some(Red::Int(v)) => v,
        _ => unreachable!("helper {} returns an int", h.name),
    }
}

/// A call of builtin number `id` on `args` answered in a trace without the native, if it can
/// be: `isinstance(o, C)` (`C` a builtin class or a tuple of them, `o` of a builtin layout
/// whose class the layout decides), and `set.add`/`discard` of a str or int.
pub fn builtin_call<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    id: usize,
    b: C::Ref,
    args: &[C::Ref],
) -> Option<C::Ref> {
    // (Their numbers, found once per process: the table of builtins is fixed.)
    static IDS: std::sync::OnceLock<[usize; 3]> = std::sync::OnceLock::new();
    let [isinstance, add, discard] = *IDS.get_or_init(|| {
        let id = |n: &str| crate::library::builtin_id(n).expect("a builtin");
        [id("isinstance"), id("set.add"), id("set.discard")]
    });
    if id == add || id == discard {
        // Bound to a set.
        let [key] = *args else { return None };
        let s = cx.getfield_ref(b, &BUILTIN_SELF);
        if crate::interp::is_null(cx, s) {
            return None;
        }
        let hs = if id == add { [&SET_ADD_OK, &SET_ADD] } else { [&SET_DISCARD_OK, &SET_DISCARD] };
        return set_update(cx, hs, s, key).then(|| cx.const_ref(rt.none.get()));
    }
    if id == isinstance {
        let [o, info] = *args else { return None };
        return isinstance_of_layout(cx, rt, o, info);
    }
    None
}

/// `s.add(key)` in a trace (a set comprehension's step), when a leaf can do it: false
/// leaves it to the native.
pub fn set_add<S: Space, C: Ctx<Py<S>>>(cx: &mut C, s: C::Ref, key: C::Ref) -> bool {
    set_update(cx, [&SET_ADD_OK, &SET_ADD], s, key)
}

/// `[check, update]` (`set_add_ok` and `set_add`, or the same for `discard`) on `s` and `key`,
/// if `s` is an exact set and `key` a str or int: the update runs if the check says it can
/// (false otherwise: the native then runs). The guard on the check comes before the update,
/// which ends the operation: nothing is left that could fail after the set changed.
fn set_update<S: Space, C: Ctx<Py<S>>>(cx: &mut C, [check, update]: [&Helper; 2], s: C::Ref, key: C::Ref) -> bool {
    if cx.promote_class(s) != crate::sets::SET.class() || !known_key(cx.promote_class(key)) {
        return false;
    }
    let ok = call_int(cx, check, &[Red::Ref(s), Red::Ref(key)]);
    let not_ok = cx.int_is_zero(ok);
    if cx.is_true(not_ok) {
        return false;
    }
    cx.call(update, &[Red::Ref(s), Red::Ref(key)]);
    true
}

/// `isinstance(o, info)` as a constant of the trace, when `info` is a builtin class or a
/// tuple of them and `o` has a layout other than an instance's, a class's or an iterator's:
/// its class is then the layout's (see `builtins::peek_type`), and a builtin class has no
/// `__instancecheck__` hook and an MRO that never changes.
fn isinstance_of_layout<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, o: C::Ref, info: C::Ref) -> Option<C::Ref> {
    let info = cx.promote_ref(info);
    let one = [info];
    let classes: &[usize] = if is(info, &TUPLE) { crate::runtime::tuple_slice(info) } else { &one };
    if !classes.iter().all(|&c| is(c, &TYPE) && crate::classes::is_builtin(rt, c)) {
        return None;
    }
    let layout = cx.promote_class(o);
    if layout == INSTANCE.class() || layout == TYPE.class() || layout == SEQ_ITER.class() {
        return None;
    }
    let t = crate::builtins::peek_type(rt, C::address(o));
    let (int, bool_) = (rt.known.int.get(), rt.known.bool_.get());
    let yes = classes.iter().any(|&c| crate::classes::is_subclass(rt, t, c) || (c == int && t == bool_));
    Some(cx.const_ref(rt.bool_obj(yes)))
}
