//! Text from Rust into Python strs, and the helpers traces call to build them.
//!
//! The interpreter allocates a str object itself (so traces see the allocation, and remove it
//! when the str does not escape) and a helper fills in its Rust data. Texts known while
//! tracing (names, messages) are interned in the runtime, so a trace passes their address as
//! a constant.

use crate::objects::{PyStr, STR, STR_PTR};
use crate::{Py, Space};
use metatrace::{Ctx, Effect, Helper, Red, Type};
use std::cell::RefCell;
use std::collections::HashSet;

thread_local! {
    // Interned Rust texts (never freed: a bounded set of names and messages).
    static TEXTS: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
}

/// The interned copy of `s` (stable address for traces).
pub fn intern(s: &str) -> &'static str {
    TEXTS.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(&i) = t.get(s) {
            return i;
        }
        let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
        t.insert(leaked);
        leaked
    })
}

/// `(text address, text length) -> PyStr box`: the Rust data of a new str. Only allocates
/// Rust memory, owned by the str object the result is stored in (its finalizer frees it); a
/// call whose result is unused (the str never escaped) is dropped.
extern "C" fn make_text(ptr: u64, len: u64) -> u64 {
    // SAFETY: the interpreter passes an interned text (see `intern`): valid UTF-8, alive for ever.
    let text = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr as *const u8, len as usize)) };
    Box::into_raw(Box::new(PyStr::new(text))) as u64
}

const MAKE_TEXT: Helper =
    Helper::new2("make_text", make_text, &[Type::Int, Type::Int], Some(Type::Int), Effect::ReadOnly);

/// A new str holding `text`.
pub fn str_from<S: Space, C: Ctx<Py<S>>>(cx: &mut C, text: &str) -> C::Ref {
    let text = intern(text);
    let (p, n) = (cx.int(text.as_ptr() as i64), cx.int(text.len() as i64));
    let Some(Red::Int(data)) = cx.call(&MAKE_TEXT, &[Red::Int(p), Red::Int(n)]) else { unreachable!("returns an int") };
    let obj = cx.new_object(&STR);
    cx.setfield_int(obj, &STR_PTR, data);
    obj
}
