//! `bytes` and `bytearray`: objects owning a Rust `Vec<u8>` (as a str owns its text), freed by
//! the layout's finalizer. A bytes object never changes; a bytearray's vector is changed in
//! place. Their operations here are natives: constructors, repr, hash, comparison, indexing,
//! slicing, item assignment, `in`, `+`, `*` and `%` (their methods are in `library/bytes.rs`).

use crate::builtins::{self, err, type_name, PyResult};
use crate::bytecode::{BinOp, CmpOp};
use crate::objects::*;
use crate::runtime::new_int;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::heap::{Heap, Layout, HEADER};
use metatrace::{Concrete, FieldDescr, MemKind};
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;

pub static BYTES: Layout = Layout::object("bytes", 16, &[]).with_external(HEADER + 8).with_finalizer(free_bytes);
pub static BYTEARRAY: Layout =
    Layout::object("bytearray", 16, &[]).with_external(HEADER + 8).with_finalizer(free_bytes);
/// The `Box<Vec<u8>>` of a bytes or bytearray object (the word after it counts the bytes of
/// long contents as memory pressure).
pub const BYTES_DATA: FieldDescr = FieldDescr::new("bytes.data", HEADER, MemKind::I64);

fn free_bytes(obj: usize) {
    // SAFETY: run once on a dead bytes or bytearray, whose data field holds its box (or 0).
    unsafe {
        let p = *((obj + BYTES_DATA.offset as usize) as *const *mut Vec<u8>);
        if !p.is_null() {
            drop(Box::from_raw(p));
        }
    }
}

fn alloc(heap: &mut Heap, layout: &'static Layout, data: Vec<u8>) -> usize {
    let o = heap.alloc(layout);
    let n = data.len();
    // SAFETY: just allocated with a bytes layout; the finalizer frees the box.
    unsafe { *((o + BYTES_DATA.offset as usize) as *mut *mut Vec<u8>) = Box::into_raw(Box::new(data)) };
    if n >= crate::runtime::LONG_TEXT {
        heap.attach_memory_pressure(o, n);
    }
    o
}

/// A new bytes object.
pub fn new_bytes(heap: &mut Heap, data: &[u8]) -> usize {
    alloc(heap, &BYTES, data.to_vec())
}

/// A new bytearray.
pub fn new_bytearray(heap: &mut Heap, data: Vec<u8>) -> usize {
    alloc(heap, &BYTEARRAY, data)
}

/// A new object of the same type as `like` (bytes or bytearray) holding `data`.
pub fn new_like(heap: &mut Heap, like: usize, data: Vec<u8>) -> usize {
    alloc(heap, if is(like, &BYTEARRAY) { &BYTEARRAY } else { &BYTES }, data)
}

/// Whether `o` is a bytes or a bytearray.
pub fn is_binary(o: usize) -> bool {
    is(o, &BYTES) || is(o, &BYTEARRAY)
}

/// The contents of a bytes or bytearray (valid within one native, while nothing changes it);
/// of a memoryview, the bytes it shows if they are contiguous (callers check with [`buffer`]).
pub fn data(o: usize) -> &'static [u8] {
    if crate::memview::is_view(o) {
        return crate::memview::contiguous(o).unwrap_or(&[]);
    }
    // SAFETY: callers pass live bytes objects; their box outlives the native using it.
    unsafe { &*(read_word(o, &BYTES_DATA) as *const Vec<u8>) }
}

/// The vector of a bytearray, to change it.
pub fn data_mut(o: usize) -> &'static mut Vec<u8> {
    // SAFETY: as for `data`; natives run one at a time, so nothing else borrows it.
    unsafe { &mut *(read_word(o, &BYTES_DATA) as *mut Vec<u8>) }
}

/// The contents of a bytes-like object, if `o` is one.
pub fn buffer(o: usize) -> Option<&'static [u8]> {
    if is_binary(o) {
        Some(data(o))
    } else if crate::memview::is_view(o) {
        crate::memview::contiguous(o)
    } else {
        None
    }
}

/// The contents of bytes-like argument `o`, or CPython's error: a released view's ValueError,
/// a non-contiguous view's BufferError, or `TypeError: a bytes-like object is required`.
pub fn buffer_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<&'static [u8], usize> {
    if let Some(b) = buffer(o) {
        return Ok(b);
    }
    if crate::memview::is_view(o) {
        crate::memview::live(cx, rt, o)?;
        return Err(error(cx, rt, "BufferError", "memoryview: underlying buffer is not C-contiguous"));
    }
    let msg = format!("a bytes-like object is required, not '{}'", type_name(rt, o));
    Err(error(cx, rt, "TypeError", &msg))
}

/// The writable contents of a bytearray or of a writable C-contiguous view of one.
pub fn buffer_mut(o: usize) -> Option<&'static mut [u8]> {
    if is(o, &BYTEARRAY) {
        Some(data_mut(o))
    } else if crate::memview::is_view(o) {
        crate::memview::contiguous_mut(o)
    } else {
        None
    }
}

/// `b'...'`, CPython's repr of bytes contents.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr(o)` of a bytes or bytearray.
pub fn repr(o: usize) -> String {
    let r = repr_bytes(data(o));
    if is(o, &BYTEARRAY) {
        format!("bytearray({r})")
    } else {
        r
    }
}

/// The hash of bytes (the hash of the equal ASCII str).
pub fn hash(b: &[u8]) -> i64 {
    use std::hash::Hasher;
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    h.write(b);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

fn error(cx: &mut Cx<'_, impl Space>, rt: &Python, class: &str, msg: &str) -> usize {
    crate::errors::new_error(cx, rt, class, msg)
}

/// A byte value from an int object (`what` starts the range error).
pub fn byte_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, what: &str) -> Result<u8, usize> {
    if is(v, &FLOAT) || peek_bigint(v).is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", type_name(rt, v));
        return Err(error(cx, rt, "TypeError", &msg));
    }
    match peek_i64(v) {
        Some(i @ 0..=255) => Ok(i as u8),
        _ => Err(error(cx, rt, "ValueError", &format!("{what} must be in range(0, 256)"))),
    }
}

/// The bytes of an iterable of ints (or of a bytes-like object).
/// (`what` starts the error for an int out of range: CPython says "bytes" for `bytes(...)`,
/// "byte" for a bytearray's.)
pub fn bytes_of_iterable<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, what: &str) -> Result<Vec<u8>, usize> {
    if let Some(b) = buffer(o) {
        return Ok(b.to_vec());
    }
    let items = builtins::collect(cx, rt, o)?;
    items.into_iter().map(|i| byte_of(cx, rt, i, what)).collect()
}

/// `bytes(...)` / `bytearray(...)`: from nothing, a size, a str and an encoding, a bytes-like
/// object, or an iterable of ints.
pub fn construct<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    array: bool,
    args: &[usize],
    kw: &[(Rc<str>, usize)],
) -> PyResult {
    let name = if array { "bytearray" } else { "bytes" };
    let kwarg = |n: &str| kw.iter().find(|(k, _)| &**k == n).map(|&(_, v)| v);
    if let Some((k, _)) = kw.iter().find(|(k, _)| !matches!(&**k, "source" | "encoding" | "errors")) {
        let msg = format!("'{k}' is an invalid keyword argument for {name}()");
        return err(cx, rt, "TypeError", &msg);
    }
    if args.len() > 3 {
        let msg = format!("{name}() takes at most 3 arguments ({} given)", args.len());
        return err(cx, rt, "TypeError", &msg);
    }
    let source = args.first().copied().or(kwarg("source"));
    let encoding = args.get(1).copied().or(kwarg("encoding"));
    let errors = args.get(2).copied().or(kwarg("errors"));
    let made = |cx: &mut Cx<'_, S>, v: Vec<u8>| {
        if array {
            new_bytearray(cx.heap_mut(), v)
        } else {
            alloc(cx.heap_mut(), &BYTES, v)
        }
    };
    let Some(src) = source else {
        if encoding.is_some() || errors.is_some() {
            let what = if encoding.is_some() { "encoding" } else { "errors" };
            return err(cx, rt, "TypeError", &format!("{what} without a string argument"));
        }
        return Ok(made(cx, Vec::new()));
    };
    if is(src, &STR) {
        let Some(enc) = encoding else {
            return err(cx, rt, "TypeError", "string argument without an encoding");
        };
        let v = crate::codecs::encode(cx, rt, builtins::text(src), Some(enc), errors)?;
        return Ok(made(cx, v));
    }
    if encoding.is_some() || errors.is_some() {
        let what = if encoding.is_some() { "encoding" } else { "errors" };
        return err(cx, rt, "TypeError", &format!("{what} without a string argument"));
    }
    if !is(src, &FLOAT) && peek_bigint(src).is_some() {
        return match peek_i64(src) {
            Some(n) if n < 0 => err(cx, rt, "ValueError", "negative count"),
            Some(n) if n <= 1 << 34 => Ok(made(cx, vec![0; n as usize])),
            Some(_) => err(cx, rt, "MemoryError", ""),
            None => err(cx, rt, "OverflowError", "cannot fit 'int' into an index-sized integer"),
        };
    }
    if crate::memview::is_view(src) {
        crate::memview::live(cx, rt, src)?;
        return Ok(made(cx, crate::memview::gather(src)));
    }
    if let Some(b) = buffer(src) {
        return Ok(made(cx, b.to_vec()));
    }
    if !array && is(src, &INSTANCE) {
        if let Some(r) = builtins::call_method(cx, rt, src, "__bytes__", &[]) {
            let r = r?;
            return match buffer(r) {
                Some(b) => Ok(made(cx, b.to_vec())),
                None => {
                    let msg = format!("__bytes__ returned non-bytes (type {})", type_name(rt, r));
                    err(cx, rt, "TypeError", &msg)
                }
            };
        }
    }
    if builtins::iter(cx, rt, src).is_err() {
        let msg = format!("cannot convert '{}' object to {name}", type_name(rt, src));
        return err(cx, rt, "TypeError", &msg);
    }
    let v = bytes_of_iterable(cx, rt, src, if array { "byte" } else { "bytes" })?;
    Ok(made(cx, v))
}

/// `len(o)`
pub fn len(o: usize) -> usize {
    data(o).len()
}

/// `o[key]`
pub fn getitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, key: usize) -> PyResult {
    let b = data(o);
    let what = if is(o, &BYTEARRAY) { "bytearray" } else { "byte" };
    if is(key, &SLICE) {
        let (a, z, c) = crate::types::slice_indices(cx, rt, key, b.len())?;
        let picked: Vec<u8> = crate::types::slice_positions(a, z, c).into_iter().map(|i| b[i]).collect();
        return Ok(new_like(cx.heap_mut(), o, picked));
    }
    if is(key, &FLOAT) || peek_bigint(key).is_none() {
        let msg = format!("{what} indices must be integers or slices, not {}", type_name(rt, key));
        return err(cx, rt, "TypeError", &msg);
    }
    let i = peek_i64(key).unwrap_or(i64::MAX);
    let j = if i < 0 { i + b.len() as i64 } else { i };
    if j < 0 || j >= b.len() as i64 {
        let msg = if is(o, &BYTEARRAY) { "bytearray index out of range" } else { "index out of range" };
        return err(cx, rt, "IndexError", msg);
    }
    Ok(new_int(cx.heap_mut(), b[j as usize] as i64))
}

/// `ba[key] = v` for a bytearray.
pub fn setitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, key: usize, v: usize) -> Result<(), usize> {
    let n = len(o);
    if is(key, &SLICE) {
        let (a, z, c) = crate::types::slice_indices(cx, rt, key, n)?;
        if is(v, &STR) {
            return Err(error(
                cx,
                rt,
                "TypeError",
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        }
        let new = if !is(v, &FLOAT) && peek_bigint(v).is_some() {
            return Err(error(
                cx,
                rt,
                "TypeError",
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            bytes_of_iterable(cx, rt, v, "byte")?
        };
        let d = data_mut(o);
        if c == 1 {
            let (a, z) = (a as usize, z.max(a) as usize);
            d.splice(a..z, new);
        } else {
            let pos = crate::types::slice_positions(a, z, c);
            if pos.len() != new.len() {
                let msg =
                    format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), pos.len());
                return Err(error(cx, rt, "ValueError", &msg));
            }
            for (p, x) in pos.into_iter().zip(new) {
                d[p] = x;
            }
        }
        return Ok(());
    }
    let i = index(cx, rt, key, n)?;
    let x = byte_of(cx, rt, v, "byte")?;
    data_mut(o)[i] = x;
    Ok(())
}

fn index<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, key: usize, n: usize) -> Result<usize, usize> {
    if is(key, &FLOAT) || peek_bigint(key).is_none() {
        let msg = format!("bytearray indices must be integers or slices, not {}", type_name(rt, key));
        return Err(error(cx, rt, "TypeError", &msg));
    }
    let i = peek_i64(key).unwrap_or(i64::MAX);
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(error(cx, rt, "IndexError", "bytearray index out of range"));
    }
    Ok(j as usize)
}

/// `del ba[key]` for a bytearray.
pub fn delitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, key: usize) -> Result<(), usize> {
    let n = len(o);
    if is(key, &SLICE) {
        let (a, z, c) = crate::types::slice_indices(cx, rt, key, n)?;
        let pos: std::collections::HashSet<usize> = crate::types::slice_positions(a, z, c).into_iter().collect();
        let d = data_mut(o);
        let mut k = 0;
        d.retain(|_| {
            k += 1;
            !pos.contains(&(k - 1))
        });
        return Ok(());
    }
    let i = index(cx, rt, key, n)?;
    data_mut(o).remove(i);
    Ok(())
}

/// The position of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The last position of `needle` in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// `item in o`
pub fn contains<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, item: usize) -> Result<bool, usize> {
    if let Some(sub) = buffer(item) {
        return Ok(find(data(o), sub).is_some());
    }
    if !is(item, &FLOAT) && peek_bigint(item).is_some() {
        let x = byte_of(cx, rt, item, "byte")?;
        return Ok(data(o).contains(&x));
    }
    let msg = format!("a bytes-like object is required, not '{}'", type_name(rt, item));
    Err(error(cx, rt, "TypeError", &msg))
}

/// `a op b` with a bytes or bytearray on the left, if defined (`None`: not for these operands).
pub fn binary<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: BinOp, a: usize, b: usize) -> Option<PyResult> {
    match op {
        BinOp::Add if is_binary(a) => Some(match buffer(b) {
            Some(y) => {
                let mut v = data(a).to_vec();
                v.extend_from_slice(y);
                Ok(new_like(cx.heap_mut(), a, v))
            }
            None if is(b, &INSTANCE) => return None,
            None => {
                let msg = format!("can't concat {} to {}", type_name(rt, b), type_name(rt, a));
                err(cx, rt, "TypeError", &msg)
            }
        }),
        BinOp::Mul if is_binary(a) || is_binary(b) => {
            let (seq, n) = if is_binary(a) { (a, b) } else { (b, a) };
            if is(n, &FLOAT) || peek_bigint(n).is_none() {
                return None;
            }
            let k = peek_i64(n).unwrap_or(i64::MAX).max(0) as usize;
            let d = data(seq);
            if d.len().saturating_mul(k) > 1 << 34 {
                return Some(err(cx, rt, "MemoryError", ""));
            }
            Some(Ok(new_like(cx.heap_mut(), seq, d.repeat(k))))
        }
        BinOp::Mod if is_binary(a) => Some(crate::percent::percent_bytes(cx, rt, a, b)),
        _ => None,
    }
}

/// `a += b` for a bytearray (in place); `None` when `a` is not one.
pub fn inplace<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: BinOp, a: usize, b: usize) -> Option<PyResult> {
    if !is(a, &BYTEARRAY) {
        return None;
    }
    match op {
        BinOp::Add => {
            let Some(y) = buffer(b) else {
                let msg = format!("can't concat {} to bytearray", type_name(rt, b));
                return Some(err(cx, rt, "TypeError", &msg));
            };
            let y = y.to_vec();
            data_mut(a).extend_from_slice(&y);
            Some(Ok(a))
        }
        BinOp::Mul if !is(b, &FLOAT) && peek_bigint(b).is_some() => {
            let k = peek_i64(b).unwrap_or(0).max(0) as usize;
            let d = data_mut(a);
            *d = d.repeat(k);
            Some(Ok(a))
        }
        _ => None,
    }
}

/// `a op b` comparisons of two bytes-like objects; `None` when they are not both.
pub fn compare(op: CmpOp, a: usize, b: usize) -> Option<bool> {
    let (x, y) = (buffer(a)?, buffer(b)?);
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        _ => return None,
    })
}

/// Item `i` of a bytes object being iterated (as an int), or `None` at its end.
pub fn iter_item<S: Space>(cx: &mut Cx<'_, S>, o: usize, i: usize) -> Option<usize> {
    data(o).get(i).map(|&x| new_int(cx.heap_mut(), x as i64))
}

/// `str(object='', encoding=..., errors=...)`: `str(o)`, or bytes decoded.
pub fn make_str<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: &[(Rc<str>, usize)]) -> PyResult {
    let kwarg = |n: &str| kw.iter().find(|(k, _)| &**k == n).map(|&(_, v)| v);
    if let Some((k, _)) = kw.iter().find(|(k, _)| !matches!(&**k, "object" | "encoding" | "errors")) {
        return err(cx, rt, "TypeError", &format!("'{k}' is an invalid keyword argument for str()"));
    }
    if args.len() > 3 {
        return err(cx, rt, "TypeError", &format!("str() takes at most 3 arguments ({} given)", args.len()));
    }
    let obj = args.first().copied().or(kwarg("object"));
    let encoding = args.get(1).copied().or(kwarg("encoding"));
    let errors = args.get(2).copied().or(kwarg("errors"));
    let Some(obj) = obj else { return Ok(crate::runtime::new_str(cx.heap_mut(), "")) };
    for (name, v) in [("encoding", encoding), ("errors", errors)] {
        if let Some(v) = v.filter(|&v| !is(v, &STR)) {
            let msg = format!("str() argument '{name}' must be str, not {}", type_name(rt, v));
            return err(cx, rt, "TypeError", &msg);
        }
    }
    if encoding.is_none() && errors.is_none() {
        let s = builtins::to_str(cx, rt, obj)?;
        return Ok(crate::runtime::new_str(cx.heap_mut(), &s));
    }
    let b = if crate::memview::is_view(obj) {
        crate::memview::live(cx, rt, obj)?;
        match buffer(obj) {
            Some(b) => b,
            None => {
                let msg = "decoding to str: need a bytes-like object, memoryview found";
                return err(cx, rt, "TypeError", msg);
            }
        }
    } else if let Some(b) = buffer(obj) {
        b
    } else {
        let msg = format!("decoding to str: need a bytes-like object, {} found", type_name(rt, obj));
        return err(cx, rt, "TypeError", &msg);
    };
    let s = crate::codecs::decode(cx, rt, b, encoding, errors)?;
    Ok(crate::runtime::new_str(cx.heap_mut(), &s))
}
