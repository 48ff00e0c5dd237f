//! `memoryview`: a view of the bytes of a bytes or bytearray (its exporter, `obj`) with a
//! struct format, a shape and byte strides. The view holds a reference to the exporter and
//! reads and writes its current contents, so writes through a view of a bytearray show in the
//! bytearray. Its format, shape, strides and flags are a Rust box the layout's finalizer frees.
//! (CPython's exports count, which forbids resizing a bytearray while a view is alive, needs
//! reference counts to be exact and is not kept: bytes a view no longer covers read as 0.)
//! Methods are in `library/memview.rs`.

use crate::builtins::{self, err, type_name, PyResult};
use crate::bytes::{self as b, BYTEARRAY, BYTES};
use crate::objects::*;
use crate::runtime::{new_float, new_int, new_list, new_tuple};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::heap::{Heap, Layout, HEADER};
use metatrace::{Concrete, FieldDescr, MemKind};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// A view: its exporter (a reference), then its `Box<Meta>`.
pub static MEMVIEW: Layout = Layout::object("memoryview", 16, &[HEADER]).with_finalizer(free_meta);
const MV_OBJ: FieldDescr = FieldDescr::new("memoryview.obj", HEADER, MemKind::Ref);
const MV_META: FieldDescr = FieldDescr::new("memoryview.meta", HEADER + 8, MemKind::I64);

/// The iterator of a one-dimensional view: the view and the next index.
pub static MEM_ITER: Layout = Layout::object("memory_iterator", 16, &[HEADER]);
const IT_VIEW: FieldDescr = FieldDescr::new("memory_iterator.view", HEADER, MemKind::Ref);
const IT_POS: FieldDescr = FieldDescr::new("memory_iterator.pos", HEADER + 8, MemKind::I64);

/// The shape of a view over its exporter's bytes.
#[derive(Clone, Debug)]
pub struct Meta {
    /// The format as given (`'B'`, `'@H'`); its last char is the item's struct code.
    pub format: String,
    pub itemsize: usize,
    /// The byte offset of the first item in the exporter.
    pub start: isize,
    pub shape: Vec<usize>,
    /// Byte steps along each dimension.
    pub strides: Vec<isize>,
    pub readonly: bool,
    pub released: bool,
}

impl Meta {
    pub fn code(&self) -> u8 {
        *self.format.as_bytes().last().unwrap_or(&b'B')
    }
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }
    /// The number of items.
    pub fn items(&self) -> usize {
        self.shape.iter().product()
    }
    pub fn nbytes(&self) -> usize {
        self.items() * self.itemsize
    }
    /// Whether the items lie one after the other in C order.
    pub fn c_contiguous(&self) -> bool {
        if self.items() == 0 {
            return true;
        }
        let mut want = self.itemsize as isize;
        for (&n, &s) in self.shape.iter().zip(&self.strides).rev() {
            if n > 1 && s != want {
                return false;
            }
            want *= n as isize;
        }
        true
    }
    /// Whether the items lie one after the other in Fortran order.
    pub fn f_contiguous(&self) -> bool {
        if self.items() == 0 {
            return true;
        }
        let mut want = self.itemsize as isize;
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            if n > 1 && s != want {
                return false;
            }
            want *= n as isize;
        }
        true
    }
    /// The byte offsets of the items, in C order.
    pub fn offsets(&self) -> Vec<isize> {
        let mut out = Vec::with_capacity(self.items());
        fn walk(m: &Meta, dim: usize, at: isize, out: &mut Vec<isize>) {
            if dim == m.ndim() {
                out.push(at);
                return;
            }
            for k in 0..m.shape[dim] {
                walk(m, dim + 1, at + k as isize * m.strides[dim], out);
            }
        }
        walk(self, 0, self.start, &mut out);
        out
    }
}

/// C-order strides of `shape` for items of `itemsize` bytes.
pub fn c_strides(shape: &[usize], itemsize: usize) -> Vec<isize> {
    let mut out = vec![0; shape.len()];
    let mut s = itemsize as isize;
    for k in (0..shape.len()).rev() {
        out[k] = s;
        s *= shape[k] as isize;
    }
    out
}

fn free_meta(obj: usize) {
    // SAFETY: run once on a dead view, whose meta field holds its box (or 0).
    unsafe {
        let p = *((obj + MV_META.offset as usize) as *const *mut Meta);
        if !p.is_null() {
            drop(Box::from_raw(p));
        }
    }
}

/// Whether `o` is a memoryview.
pub fn is_view(o: usize) -> bool {
    is(o, &MEMVIEW)
}

/// The view's shape (valid within one native).
pub fn meta(o: usize) -> &'static mut Meta {
    // SAFETY: callers pass live views; the box lives as long as the view.
    unsafe { &mut *(read_word(o, &MV_META) as *mut Meta) }
}

/// The exporter of view `o`.
pub fn obj_of(o: usize) -> usize {
    // SAFETY: a live view.
    unsafe { read_word(o, &MV_OBJ) as usize }
}

/// A new view of `obj` (a bytes or bytearray).
pub fn new_view(heap: &mut Heap, obj: usize, m: Meta) -> usize {
    let v = heap.alloc(&MEMVIEW);
    // SAFETY: just allocated with the MEMVIEW layout; the finalizer frees the box.
    unsafe {
        *((v + MV_OBJ.offset as usize) as *mut usize) = obj;
        *((v + MV_META.offset as usize) as *mut *mut Meta) = Box::into_raw(Box::new(m));
    }
    v
}

/// The whole of a bytes or bytearray, as a one-dimensional view of unsigned bytes.
pub fn whole(obj: usize) -> Meta {
    let n = b::data(obj).len();
    Meta {
        format: "B".into(),
        itemsize: 1,
        start: 0,
        shape: vec![n],
        strides: vec![1],
        readonly: !is(obj, &BYTEARRAY),
        released: false,
    }
}

/// The bytes of a view that is not released and C-contiguous (what `bytes.join`, `struct`
/// and the other consumers of plain buffers accept).
pub fn contiguous(o: usize) -> Option<&'static [u8]> {
    let m = meta(o);
    if m.released || !m.c_contiguous() {
        return None;
    }
    let d = b::data(obj_of(o));
    let a = (m.start.max(0) as usize).min(d.len());
    let z = (a + m.nbytes()).min(d.len());
    Some(&d[a..z])
}

/// The writable bytes of a view of a bytearray, if C-contiguous and not released.
pub fn contiguous_mut(o: usize) -> Option<&'static mut [u8]> {
    let m = meta(o);
    if m.released || m.readonly || !m.c_contiguous() || !is(obj_of(o), &BYTEARRAY) {
        return None;
    }
    let d = b::data_mut(obj_of(o));
    let a = (m.start.max(0) as usize).min(d.len());
    let z = (a + m.nbytes()).min(d.len());
    Some(&mut d[a..z])
}

/// The ValueError of operations on a released view.
pub fn released_error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python) -> usize {
    crate::errors::new_error(cx, rt, "ValueError", "operation forbidden on released memoryview object")
}

/// Meta of view `o`, or the error of a released view.
pub fn live<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<&'static mut Meta, usize> {
    let m = meta(o);
    if m.released {
        return Err(released_error(cx, rt));
    }
    Ok(m)
}

/// The item bytes at byte offset `at` (bytes past the exporter's end read as 0).
fn item_bytes(obj: usize, at: isize, size: usize) -> Vec<u8> {
    let d = b::data(obj);
    (0..size).map(|k| d.get(at as usize + k).copied().unwrap_or(0)).collect()
}

/// The bytes of the view in C order (`tobytes`).
pub fn gather(o: usize) -> Vec<u8> {
    if let Some(d) = contiguous(o) {
        return d.to_vec();
    }
    let m = meta(o);
    let obj = obj_of(o);
    let mut out = Vec::with_capacity(m.nbytes());
    for at in m.offsets() {
        out.extend(item_bytes(obj, at, m.itemsize));
    }
    out
}

/// Writes `src` (C order) over the items of the view.
fn scatter(o: usize, src: &[u8]) {
    let m = meta(o);
    let obj = obj_of(o);
    if !is(obj, &BYTEARRAY) {
        return;
    }
    let d = b::data_mut(obj);
    for (k, at) in m.offsets().into_iter().enumerate() {
        for j in 0..m.itemsize {
            if let Some(x) = d.get_mut(at as usize + j) {
                *x = src[k * m.itemsize + j];
            }
        }
    }
}

/// The size of the native struct code `c`, if views support it.
pub fn code_size(c: u8) -> Option<usize> {
    Some(match c {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

/// An item's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Int(i128),
    Float(f64),
    Bool(bool),
    Byte(u8),
}

impl Item {
    /// Python's `==` between two items.
    fn same(&self, other: &Item) -> bool {
        let num = |i: &Item| match *i {
            Item::Int(v) => Some(v as f64),
            Item::Float(v) => Some(v),
            Item::Bool(v) => Some(v as i64 as f64),
            Item::Byte(_) => None,
        };
        match (self, other) {
            (Item::Byte(x), Item::Byte(y)) => x == y,
            (Item::Int(x), Item::Int(y)) => x == y,
            (Item::Int(x), Item::Bool(y)) | (Item::Bool(y), Item::Int(x)) => *x == *y as i128,
            (Item::Bool(x), Item::Bool(y)) => x == y,
            _ => match (num(self), num(other)) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            },
        }
    }
}

/// Unpacks one item of struct code `c` (native byte order) from `d`.
pub fn unpack(c: u8, d: &[u8]) -> Item {
    let mut w = [0u8; 8];
    w[..d.len().min(8)].copy_from_slice(&d[..d.len().min(8)]);
    let u = u64::from_ne_bytes(w);
    match c {
        b'c' => Item::Byte(d[0]),
        b'?' => Item::Bool(d[0] != 0),
        b'b' => Item::Int(d[0] as i8 as i128),
        b'h' => Item::Int(u as u16 as i16 as i128),
        b'i' => Item::Int(u as u32 as i32 as i128),
        b'l' | b'q' | b'n' => Item::Int(u as i64 as i128),
        b'f' => Item::Float(f32::from_bits(u as u32) as f64),
        b'd' => Item::Float(f64::from_bits(u)),
        _ => Item::Int(u as i128),
    }
}

/// The Python object of an item.
pub fn item_object<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, i: Item) -> usize {
    match i {
        Item::Int(v) => match i64::try_from(v) {
            Ok(v) => new_int(cx.heap_mut(), v),
            Err(_) => crate::runtime::new_bigint(cx.heap_mut(), BigInt::from(v)),
        },
        Item::Float(v) => new_float(cx.heap_mut(), v),
        Item::Bool(v) => rt.bool_obj(v),
        Item::Byte(v) => b::new_bytes(cx.heap_mut(), &[v]),
    }
}

/// Packs Python value `v` as one item of format `fmt` (CPython's errors for bad values).
fn pack<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fmt: &str, v: usize) -> Result<Vec<u8>, usize> {
    let c = *fmt.as_bytes().last().unwrap_or(&b'B');
    let size = code_size(c).unwrap_or(1);
    let bad_type = |cx: &mut Cx<'_, S>| {
        crate::errors::new_error(cx, rt, "TypeError", &format!("memoryview: invalid type for format '{fmt}'"))
    };
    let bad_value = |cx: &mut Cx<'_, S>| {
        crate::errors::new_error(cx, rt, "ValueError", &format!("memoryview: invalid value for format '{fmt}'"))
    };
    match c {
        b'c' => {
            if !is(v, &BYTES) {
                return Err(bad_type(cx));
            }
            match b::data(v) {
                [x] => Ok(vec![*x]),
                _ => Err(bad_value(cx)),
            }
        }
        b'?' => Ok(vec![builtins::truth(cx, rt, v)? as u8]),
        b'f' | b'd' => {
            let x = if is(v, &FLOAT) {
                peek_f64(v).unwrap_or(0.0)
            } else if let Some(i) = peek_bigint(v) {
                i.to_f64().unwrap_or(f64::INFINITY)
            } else {
                return Err(bad_type(cx));
            };
            Ok(if c == b'f' { (x as f32).to_ne_bytes().to_vec() } else { x.to_ne_bytes().to_vec() })
        }
        _ => {
            if is(v, &FLOAT) || peek_bigint(v).is_none() {
                return Err(bad_type(cx));
            }
            let i = peek_bigint(v).and_then(|i| i.to_i128()).unwrap_or(i128::MAX);
            let (lo, hi): (i128, i128) = match c {
                b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                    let bits = 8 * size as u32 - 1;
                    (-(1i128 << bits), (1i128 << bits) - 1)
                }
                _ => (0, (1i128 << (8 * size as u32)) - 1),
            };
            if i < lo || i > hi {
                return Err(bad_value(cx));
            }
            Ok((i as u64).to_ne_bytes()[..size].to_vec())
        }
    }
}

/// `memoryview(object)`
pub fn construct<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: &[(Rc<str>, usize)]) -> PyResult {
    if args.len() + kw.len() > 1 {
        let msg = format!("memoryview() takes at most 1 argument ({} given)", args.len() + kw.len());
        return err(cx, rt, "TypeError", &msg);
    }
    let given = kw.iter().find(|(k, _)| &**k == "object").map(|&(_, v)| v);
    let Some(o) = args.first().copied().or(given) else {
        return err(cx, rt, "TypeError", "memoryview() missing required argument 'object' (pos 1)");
    };
    if let Some((k, _)) = kw.iter().find(|(k, _)| &**k != "object") {
        return err(cx, rt, "TypeError", &format!("'{k}' is an invalid keyword argument for memoryview()"));
    }
    view_of(cx, rt, o)
}

/// A new view of bytes-like `o` (a view of a view shares its exporter and its shape).
pub fn view_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> PyResult {
    if b::is_binary(o) {
        return Ok(new_view(cx.heap_mut(), o, whole(o)));
    }
    if is_view(o) {
        let m = live(cx, rt, o)?.clone();
        return Ok(new_view(cx.heap_mut(), obj_of(o), m));
    }
    let msg = format!("memoryview: a bytes-like object is required, not '{}'", type_name(rt, o));
    err(cx, rt, "TypeError", &msg)
}

/// `len(v)`
pub fn len<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<usize, usize> {
    let m = live(cx, rt, o)?;
    // (A 0-dim view has length 1.)
    Ok(m.shape.first().copied().unwrap_or(1))
}

/// `repr(v)`
pub fn repr(o: usize) -> String {
    if meta(o).released {
        format!("<released memory at {o:#x}>")
    } else {
        format!("<memory at {o:#x}>")
    }
}

/// An index along dimension `dim` (1-based in messages) of size `n`.
fn index_in<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, key: usize, n: usize, dim: usize) -> Result<usize, usize> {
    let i = crate::library::index_value(cx, rt, key)?;
    let n = n as i64;
    let i = i.to_i64().map(|i| if i < 0 { i + n } else { i });
    match i {
        Some(i) if (0..n).contains(&i) => Ok(i as usize),
        Some(_) => {
            Err(crate::errors::new_error(cx, rt, "IndexError", &format!("index out of bounds on dimension {dim}")))
        }
        None => Err(crate::errors::new_error(cx, rt, "IndexError", "cannot fit 'int' into an index-sized integer")),
    }
}

/// Whether `k` can be an index (an int, or an object with `__index__`).
fn is_index(rt: &Python, k: usize) -> bool {
    (!is(k, &FLOAT) && peek_bigint(k).is_some())
        || (is(k, &INSTANCE) && crate::classes::lookup(rt, builtins::peek_type(rt, k), "__index__").is_some())
}

/// What a key picks: one item (its byte offset) or a sub-view.
enum Pick {
    Item(isize),
    View(Meta),
}

fn pick<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, key: usize) -> Result<Pick, usize> {
    let m = live(cx, rt, o)?.clone();
    let e = |cx: &mut Cx<'_, S>, class: &str, msg: &str| Err(crate::errors::new_error(cx, rt, class, msg));
    if m.ndim() == 0 {
        if key == rt.ellipsis.get() {
            return Ok(Pick::View(m));
        }
        if is(key, &TUPLE) && crate::runtime::tuple_items(key).is_empty() {
            return Ok(Pick::Item(m.start));
        }
        return e(cx, "TypeError", "invalid indexing of 0-dim memory");
    }
    if is_index(rt, key) {
        if m.ndim() > 1 {
            return e(cx, "NotImplementedError", "multi-dimensional sub-views are not implemented");
        }
        let i = index_in(cx, rt, key, m.shape[0], 1)?;
        return Ok(Pick::Item(m.start + i as isize * m.strides[0]));
    }
    if is(key, &SLICE) {
        let (a, z, c) = crate::types::slice_indices(cx, rt, key, m.shape[0])?;
        let n = crate::types::slice_positions(a, z, c).len();
        let mut v = m.clone();
        v.start = m.start + a as isize * m.strides[0];
        v.shape[0] = n;
        v.strides[0] = m.strides[0] * c as isize;
        return Ok(Pick::View(v));
    }
    if is(key, &TUPLE) {
        let keys = crate::runtime::tuple_items(key);
        if keys.iter().all(|&k| is_index(rt, k)) {
            if keys.len() < m.ndim() {
                return e(cx, "NotImplementedError", "sub-views are not implemented");
            }
            if keys.len() > m.ndim() {
                let msg = format!("cannot index {}-dimension view with {}-element tuple", m.ndim(), keys.len());
                return e(cx, "TypeError", &msg);
            }
            let mut at = m.start;
            for (d, &k) in keys.iter().enumerate() {
                let i = index_in(cx, rt, k, m.shape[d], d + 1)?;
                at += i as isize * m.strides[d];
            }
            return Ok(Pick::Item(at));
        }
        if keys.iter().all(|&k| is(k, &SLICE)) {
            return e(cx, "NotImplementedError", "multi-dimensional slicing is not implemented");
        }
    }
    e(cx, "TypeError", "memoryview: invalid slice key")
}

/// `v[key]`
pub fn getitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, key: usize) -> PyResult {
    match pick(cx, rt, o, key)? {
        Pick::Item(at) => {
            let m = meta(o);
            let it = unpack(m.code(), &item_bytes(obj_of(o), at, m.itemsize));
            Ok(item_object(cx, rt, it))
        }
        Pick::View(v) if key == rt.ellipsis.get() => {
            let _ = v;
            Ok(o)
        }
        Pick::View(v) => Ok(new_view(cx.heap_mut(), obj_of(o), v)),
    }
}

/// `v[key] = value`
pub fn setitem<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, key: usize, value: usize) -> Result<(), usize> {
    let m = live(cx, rt, o)?.clone();
    if m.readonly {
        return Err(crate::errors::new_error(cx, rt, "TypeError", "cannot modify read-only memory"));
    }
    match pick(cx, rt, o, key)? {
        Pick::Item(at) => {
            let bytes = pack(cx, rt, &m.format, value)?;
            let d = b::data_mut(obj_of(o));
            for (j, x) in bytes.into_iter().enumerate() {
                if let Some(y) = d.get_mut(at as usize + j) {
                    *y = x;
                }
            }
            Ok(())
        }
        Pick::View(dst) => {
            // The source: any bytes-like object of the same structure.
            let src = if is_view(value) {
                live(cx, rt, value)?.clone()
            } else if b::is_binary(value) {
                whole(value)
            } else {
                let msg = format!("a bytes-like object is required, not '{}'", type_name(rt, value));
                return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
            };
            let fmt = |f: &str| f.strip_prefix('@').unwrap_or(f).to_string();
            if fmt(&src.format) != fmt(&dst.format) || src.shape != dst.shape {
                let msg = "memoryview assignment: lvalue and rvalue have different structures";
                return Err(crate::errors::new_error(cx, rt, "ValueError", msg));
            }
            let bytes = if is_view(value) { gather(value) } else { b::data(value).to_vec() };
            let tmp = new_view(cx.heap_mut(), obj_of(o), dst);
            scatter(tmp, &bytes);
            Ok(())
        }
    }
}

/// The items of a one-dimensional view (`None` for other dimensions).
pub fn items<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<Vec<Item>, usize> {
    let m = live(cx, rt, o)?;
    let obj = obj_of(o);
    Ok(m.offsets().into_iter().map(|at| unpack(m.code(), &item_bytes(obj, at, m.itemsize))).collect())
}

/// `v.tolist()`: nested lists along the dimensions.
pub fn tolist<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> PyResult {
    let m = live(cx, rt, o)?.clone();
    let all: Vec<usize> = items(cx, rt, o)?.into_iter().map(|i| item_object(cx, rt, i)).collect();
    if m.ndim() == 0 {
        return Ok(all[0]);
    }
    fn nest<S: Space>(cx: &mut Cx<'_, S>, shape: &[usize], flat: &[usize]) -> usize {
        if shape.len() == 1 {
            return new_list(cx.heap_mut(), flat);
        }
        let step = shape[1..].iter().product::<usize>();
        let parts: Vec<usize> = (0..shape[0]).map(|k| nest(cx, &shape[1..], &flat[k * step..(k + 1) * step])).collect();
        new_list(cx.heap_mut(), &parts)
    }
    Ok(nest(cx, &m.shape, &all))
}

/// `iter(v)`
pub fn iter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> PyResult {
    let m = live(cx, rt, o)?;
    match m.ndim() {
        0 => return err(cx, rt, "TypeError", "invalid indexing of 0-dim memory"),
        1 => {}
        _ => return err(cx, rt, "NotImplementedError", "multi-dimensional sub-views are not implemented"),
    }
    let it = cx.heap_mut().alloc(&MEM_ITER);
    // SAFETY: just allocated with the MEM_ITER layout.
    unsafe { *((it + IT_VIEW.offset as usize) as *mut usize) = o };
    Ok(it)
}

/// The next item of a memory iterator, or `None` at the end.
pub fn next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, it: usize) -> Result<Option<usize>, usize> {
    // SAFETY: a live iterator.
    let (o, k) = unsafe { (read_word(it, &IT_VIEW) as usize, read_word(it, &IT_POS) as usize) };
    let m = live(cx, rt, o)?;
    if k >= m.shape[0] {
        return Ok(None);
    }
    let at = m.start + k as isize * m.strides[0];
    let item = unpack(m.code(), &item_bytes(obj_of(o), at, m.itemsize));
    // SAFETY: as above.
    unsafe { *((it + IT_POS.offset as usize) as *mut usize) = k + 1 };
    Ok(Some(item_object(cx, rt, item)))
}

/// `a == b` with a view on either side (`None`: the other side is not bytes-like).
pub fn eq<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, a: usize, b: usize) -> Result<Option<bool>, usize> {
    if a == b {
        return Ok(Some(true));
    }
    let side = |o: usize| -> Option<Option<(Meta, usize)>> {
        if is_view(o) {
            let m = meta(o);
            Some((!m.released).then(|| (m.clone(), o)))
        } else if b::is_binary(o) {
            Some(Some((whole(o), 0)))
        } else {
            None
        }
    };
    let (Some(x), Some(y)) = (side(a), side(b)) else { return Ok(None) };
    let (Some((mx, vx)), Some((my, vy))) = (x, y) else { return Ok(Some(false)) };
    if mx.shape != my.shape {
        return Ok(Some(false));
    }
    let values = |cx: &mut Cx<'_, S>, m: &Meta, v: usize, o: usize| -> Result<Vec<Item>, usize> {
        if v != 0 {
            items(cx, rt, v)
        } else {
            Ok(b::data(o).iter().map(|&x| unpack(m.code(), &[x])).collect())
        }
    };
    let xs = values(cx, &mx, vx, a)?;
    let ys = values(cx, &my, vy, b)?;
    Ok(Some(xs.iter().zip(&ys).all(|(p, q)| p.same(q))))
}

/// `hash(v)`: a read-only view of bytes hashes as the bytes it shows.
pub fn hash<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<i64, usize> {
    let m = live(cx, rt, o)?;
    if !m.readonly {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "cannot hash writable memoryview object"));
    }
    if is(obj_of(o), &BYTEARRAY) {
        return Err(crate::errors::new_error(cx, rt, "TypeError", "unhashable type: 'bytearray'"));
    }
    if !matches!(m.format.as_str(), "B" | "b" | "c" | "@B" | "@b" | "@c") {
        let msg = "memoryview: hashing is restricted to formats 'B', 'b' or 'c'";
        return Err(crate::errors::new_error(cx, rt, "ValueError", msg));
    }
    Ok(b::hash(&gather(o)))
}

/// A new tuple of ints.
pub fn int_tuple<S: Space>(cx: &mut Cx<'_, S>, v: impl Iterator<Item = i64>) -> usize {
    let items: Vec<usize> = v.map(|x| new_int(cx.heap_mut(), x)).collect();
    new_tuple(cx.heap_mut(), &items)
}

/// The data attributes of a view (`nbytes`, `shape`, ...).
pub fn attr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, name: &str) -> Option<PyResult> {
    const NAMES: &[&str] = &[
        "obj",
        "nbytes",
        "readonly",
        "itemsize",
        "format",
        "ndim",
        "shape",
        "strides",
        "suboffsets",
        "c_contiguous",
        "f_contiguous",
        "contiguous",
    ];
    if !NAMES.contains(&name) {
        return None;
    }
    let m = match live(cx, rt, o) {
        Ok(m) => m.clone(),
        Err(e) => return Some(Err(e)),
    };
    let int = |cx: &mut Cx<'_, S>, v: usize| new_int(cx.heap_mut(), v as i64);
    Some(Ok(match name {
        "obj" => obj_of(o),
        "nbytes" => int(cx, m.nbytes()),
        "readonly" => rt.bool_obj(m.readonly),
        "itemsize" => int(cx, m.itemsize),
        "format" => crate::runtime::new_str(cx.heap_mut(), &m.format),
        "ndim" => int(cx, m.ndim()),
        "shape" => int_tuple(cx, m.shape.iter().map(|&n| n as i64)),
        "strides" => int_tuple(cx, m.strides.iter().map(|&n| n as i64)),
        "suboffsets" => new_tuple(cx.heap_mut(), &[]),
        "c_contiguous" => rt.bool_obj(m.c_contiguous()),
        "f_contiguous" => rt.bool_obj(m.f_contiguous()),
        _ => rt.bool_obj(m.c_contiguous() || m.f_contiguous()),
    }))
}
