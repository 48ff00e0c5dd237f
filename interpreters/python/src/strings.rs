//! Text from Rust into Python strs, and the helpers traces call to build them.
//!
//! The interpreter allocates a str object itself (so traces see the allocation, and remove it
//! when the str does not escape) and a helper copies its bytes in. Texts known while
//! tracing (names, messages) are interned in the runtime, so a trace passes their address as
//! a constant.

use crate::objects::{STR, STR_BYTES, STR_CHARS, STR_HASH};
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

/// `(new str, text address) -> the str`: copies an interned text into a str just allocated
/// with room for it (its chars and hash are set by the trace). It writes only the fresh
/// object's bytes, which no trace reads, so it is declared read-only; returning the object
/// keeps the call alive exactly as long as the str is used.
extern "C" fn fill_text(obj: u64, ptr: u64) -> u64 {
    // SAFETY: the interpreter passes a str allocated with as many items as the interned text
    // (see `str_from`), which is alive for ever.
    unsafe {
        let len = *((obj as usize + STR.len_offset() as usize) as *const i64) as usize;
        std::ptr::copy_nonoverlapping(ptr as *const u8, (obj as usize + STR_BYTES.base as usize) as *mut u8, len);
    }
    obj
}

const FILL_TEXT: Helper =
    Helper::new2("fill_text", fill_text, &[Type::Ref, Type::Int], Some(Type::Ref), Effect::ReadOnly);

/// A new str holding `text`.
pub fn str_from<S: Space, C: Ctx<Py<S>>>(cx: &mut C, text: &str) -> C::Ref {
    let text = intern(text);
    let n = cx.int(text.len() as i64);
    let obj = cx.new_array(&STR, n);
    let chars = cx.int(text.chars().count() as i64);
    cx.setfield_int(obj, &STR_CHARS, chars);
    let unknown = cx.int(-1);
    cx.setfield_int(obj, &STR_HASH, unknown);
    let p = cx.int(text.as_ptr() as i64);
    let Some(Red::Ref(filled)) = cx.call(&FILL_TEXT, &[Red::Ref(obj), Red::Int(p)]) else {
        unreachable!("returns a reference")
    };
    filled
}
