//! The `_struct` module: packing values into bytes and back by a format string (`struct`'s
//! functions; `lib/struct.py` adds the `error` class, `Struct` and `iter_unpack` around them).
//! Sizes and alignments are those of x86-64 Linux for the native (`@`) mode.

use super::*;
use crate::bytes::{buffer, new_bytes};

rows! {
    "_struct.calcsize" => st_calcsize,
    "_struct.pack" => st_pack,
    "_struct.pack_into" => st_pack_into,
    "_struct.unpack" => st_unpack,
    "_struct.unpack_from" => st_unpack_from,
}

/// One item of a format: its code, repeat count (the byte length for `s` and `p`), and where
/// it starts in the packed bytes.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    offset: usize,
}

/// A parsed format: byte order (`little`), whether sizes are native, its items and total size.
struct Format {
    little: bool,
    native: bool,
    items: Vec<Item>,
    size: usize,
}

impl Format {
    /// How many values packing takes (and unpacking gives).
    fn arity(&self) -> usize {
        self.items.iter().map(|i| if matches!(i.code, b's' | b'p') { 1 } else { i.count }).sum()
    }
}

/// The size of one value of `code` (native: also its alignment), or `None` for a bad code.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

/// The `struct.error` class (`lib/struct.py`'s), or ValueError before that module exists.
fn struct_error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, msg: &str) -> usize {
    let module = rt.module_cache.borrow().get("struct").copied();
    let class = module.and_then(|m| crate::globals::peek_global(rt, m, "error"));
    match class {
        Some(class) => {
            let m = new_str(cx.heap_mut(), msg);
            let args = new_tuple(cx.heap_mut(), &[m]);
            classes::new_exception(cx, rt, class, args)
        }
        None => crate::errors::new_error(cx, rt, "ValueError", msg),
    }
}

fn parse<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fmt: usize) -> Result<Format, usize> {
    let text: &[u8] = if is(fmt, &STR) {
        b::text(fmt).as_bytes()
    } else if let Some(d) = buffer(fmt).filter(|_| is(fmt, &crate::bytes::BYTES)) {
        d
    } else {
        let msg = format!("Struct() argument 1 must be a str or bytes object, not {}", b::type_name(rt, fmt));
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    };
    let (little, native, rest) = match text.first() {
        Some(b'<') => (true, false, &text[1..]),
        Some(b'>') | Some(b'!') => (false, false, &text[1..]),
        Some(b'=') => (true, false, &text[1..]),
        Some(b'@') => (true, true, &text[1..]),
        _ => (true, true, text),
    };
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut k = 0;
    while k < rest.len() {
        let c = rest[k];
        if c.is_ascii_whitespace() {
            k += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while k < rest.len() && rest[k].is_ascii_digit() {
            let d = (rest[k] - b'0') as usize;
            count = count.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(d));
            if count.is_none() {
                return Err(struct_error(cx, rt, "total struct size too long"));
            }
            k += 1;
        }
        let Some(&code) = rest.get(k) else {
            return Err(struct_error(cx, rt, "repeat count given without format specifier"));
        };
        k += 1;
        let Some(one) = code_size(code, native) else {
            return Err(struct_error(cx, rt, "bad char in struct format"));
        };
        let count = count.unwrap_or(1);
        if native && !matches!(code, b's' | b'p' | b'x' | b'c') {
            size = size.div_ceil(one) * one;
        }
        let total = one.checked_mul(count).and_then(|n| n.checked_add(size)).filter(|&n| n <= isize::MAX as usize);
        let Some(total) = total else {
            return Err(struct_error(cx, rt, "total struct size too long"));
        };
        if code != b'x' && (count > 0 || matches!(code, b's' | b'p')) {
            items.push(Item { code, count, offset: size });
        }
        size = total;
    }
    Ok(Format { little, native, items, size })
}

/// An integer argument as a BigInt (via `__index__`).
fn int_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<BigInt, usize> {
    if !is(v, &FLOAT) {
        if let Some(n) = peek_bigint(v) {
            return Ok(n);
        }
        if is(v, &INSTANCE) && classes::special(rt, b::peek_type(rt, v), "__index__").is_some() {
            return super::index_value(cx, rt, v);
        }
    }
    Err(struct_error(cx, rt, "required argument is not an integer"))
}

fn float_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<f64, usize> {
    if is(v, &FLOAT) {
        return Ok(f64::from_bits(unsafe { read_word(v, &FLOAT_VALUE) }));
    }
    if let Some(n) = peek_bigint(v) {
        if let Some(x) = n.to_f64().filter(|x| x.is_finite()) {
            return Ok(x);
        }
    } else if is(v, &INSTANCE) {
        if let Some(r) = b::call_method(cx, rt, v, "__float__", &[]) {
            let r = r?;
            if is(r, &FLOAT) {
                return Ok(f64::from_bits(unsafe { read_word(r, &FLOAT_VALUE) }));
            }
        } else if classes::special(rt, b::peek_type(rt, v), "__index__").is_some() {
            if let Some(x) = super::index_value(cx, rt, v)?.to_f64().filter(|x| x.is_finite()) {
                return Ok(x);
            }
        }
    }
    Err(struct_error(cx, rt, "required argument is not a float"))
}

/// The bytes of integer `n` packed as `code` (`size` bytes, little-endian), after CPython's
/// range checks and their messages.
fn pack_int<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, code: u8, size: usize, n: &BigInt) -> Result<u64, usize> {
    let out_of_range = |cx: &mut Cx<'_, S>| struct_error(cx, rt, "argument out of range");
    match code {
        b'P' => {
            return match n.to_i64().map(|v| v as u64).or_else(|| n.to_u64()) {
                Some(v) => Ok(v),
                None => Err(struct_error(cx, rt, "int too large to convert")),
            }
        }
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' | b'B' | b'H' => {
            let Some(v) = n.to_i64() else { return Err(out_of_range(cx)) };
            let signed = code.is_ascii_lowercase();
            let msg = match (size, signed) {
                (8, _) => return Ok(v as u64),
                (1, true) if !(-128..=127).contains(&v) => "byte format requires -128 <= number <= 127".to_string(),
                (1, false) if !(0..=255).contains(&v) => "ubyte format requires 0 <= number <= 255".to_string(),
                (2, true) if !(-32768..=32767).contains(&v) => {
                    "short format requires -32768 <= number <= 32767".to_string()
                }
                (2, false) if !(0..=65535).contains(&v) => "ushort format requires 0 <= number <= 65535".to_string(),
                (4, true) if !(-2147483648..=2147483647).contains(&v) => {
                    format!("'{}' format requires -2147483648 <= number <= 2147483647", code as char)
                }
                _ => return Ok(v as u64),
            };
            Err(struct_error(cx, rt, &msg))
        }
        _ => {
            let Some(v) = n.to_u64() else { return Err(out_of_range(cx)) };
            if size == 4 && v > u32::MAX as u64 {
                let msg = format!("'{}' format requires 0 <= number <= 4294967295", code as char);
                return Err(struct_error(cx, rt, &msg));
            }
            Ok(v)
        }
    }
}

/// `x` as an IEEE half float's bits (round half to even), or `None` when it is too large.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Scale so the unit in the last place is 1, then round to an integer, half to even.
    let (e, scale) = if a < 2f64.powi(-14) { (0i32, 2f64.powi(24)) } else { (a.log2().floor() as i32, 0.0) };
    let bits = if e == 0 && scale != 0.0 {
        let m = round_even(a * scale);
        m as u32 // may reach 0x400: the smallest normal, which encodes the same way
    } else {
        let mut e = e;
        // `log2` can be off by one near powers of two.
        if 2f64.powi(e) > a {
            e -= 1;
        } else if 2f64.powi(e + 1) <= a {
            e += 1;
        }
        let mut m = round_even(a / 2f64.powi(e - 10)) as u32;
        if m == 0x800 {
            m = 0x400;
            e += 1;
        }
        if e > 15 {
            return None;
        }
        (((e + 15) as u32) << 10) | (m & 0x3ff)
    };
    Some(sign | bits as u16)
}

fn round_even(v: f64) -> f64 {
    let r = v.round();
    if (r - v).abs() == 0.5 && r % 2.0 != 0.0 {
        r - v.signum()
    } else {
        r
    }
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

/// Packs `values` by `f` into `out` (already `f.size` bytes long).
fn pack_values<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    f: &Format,
    values: &[usize],
    out: &mut [u8],
) -> Result<(), usize> {
    let mut vals = values.iter().copied();
    for item in &f.items {
        let one = code_size(item.code, f.native).unwrap_or(1);
        if matches!(item.code, b's' | b'p') {
            let v = vals.next().unwrap_or(0);
            let Some(data) = buffer(v).filter(|_| crate::bytes::is_binary(v)) else {
                let msg = format!("argument for '{}' must be a bytes object", item.code as char);
                return Err(struct_error(cx, rt, &msg));
            };
            let dst = &mut out[item.offset..item.offset + item.count];
            if item.code == b's' {
                let n = data.len().min(item.count);
                dst[..n].copy_from_slice(&data[..n]);
            } else if item.count > 0 {
                let n = data.len().min(item.count - 1);
                dst[1..1 + n].copy_from_slice(&data[..n]);
                dst[0] = n.min(255) as u8;
            }
            continue;
        }
        for j in 0..item.count {
            let v = vals.next().unwrap_or(0);
            let at = item.offset + j * one;
            let bytes: Vec<u8> = match item.code {
                b'c' => match buffer(v).filter(|d| d.len() == 1 && is(v, &crate::bytes::BYTES)) {
                    Some(d) => d.to_vec(),
                    None => return Err(struct_error(cx, rt, "char format requires a bytes object of length 1")),
                },
                b'?' => vec![truth(cx, rt, v)? as u8],
                b'e' => {
                    let x = float_arg(cx, rt, v)?;
                    match to_half(x) {
                        Some(h) => h.to_le_bytes().to_vec(),
                        None => {
                            return err(cx, rt, "OverflowError", "float too large to pack with e format").map(|_| ())
                        }
                    }
                }
                b'f' => {
                    let x = float_arg(cx, rt, v)?;
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() && !f.native {
                        return err(cx, rt, "OverflowError", "float too large to pack with f format").map(|_| ());
                    }
                    y.to_le_bytes().to_vec()
                }
                b'd' => float_arg(cx, rt, v)?.to_le_bytes().to_vec(),
                code => {
                    let n = int_arg(cx, rt, v)?;
                    pack_int(cx, rt, code, one, &n)?.to_le_bytes()[..one].to_vec()
                }
            };
            let dst = &mut out[at..at + one];
            dst.copy_from_slice(&bytes);
            if !f.little {
                dst.reverse();
            }
        }
    }
    Ok(())
}

/// The values `data` (exactly `f.size` bytes) unpacks to by `f`, as a tuple.
fn unpack_values<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, f: &Format, data: &[u8]) -> PyResult {
    let mut out = Vec::with_capacity(f.arity());
    for item in &f.items {
        let one = code_size(item.code, f.native).unwrap_or(1);
        match item.code {
            b's' => out.push(new_bytes(cx.heap_mut(), &data[item.offset..item.offset + item.count])),
            b'p' => {
                let field = &data[item.offset..item.offset + item.count];
                let n = field.first().map_or(0, |&n| (n as usize).min(item.count.saturating_sub(1)));
                out.push(new_bytes(cx.heap_mut(), field.get(1..1 + n).unwrap_or(&[])));
            }
            code => {
                for j in 0..item.count {
                    let at = item.offset + j * one;
                    let mut raw = [0u8; 8];
                    raw[..one].copy_from_slice(&data[at..at + one]);
                    if !f.little {
                        raw[..one].reverse();
                    }
                    let u = u64::from_le_bytes(raw);
                    let v = match code {
                        b'c' => new_bytes(cx.heap_mut(), &raw[..1]),
                        b'?' => rt.bool_obj(u != 0),
                        b'e' => new_float(cx.heap_mut(), from_half(u as u16)),
                        b'f' => new_float(cx.heap_mut(), f32::from_bits(u as u32) as f64),
                        b'd' => new_float(cx.heap_mut(), f64::from_bits(u)),
                        c if c.is_ascii_lowercase() => {
                            let shift = 64 - 8 * one as u32;
                            new_int(cx.heap_mut(), ((u << shift) as i64) >> shift)
                        }
                        _ => match i64::try_from(u) {
                            Ok(v) => new_int(cx.heap_mut(), v),
                            Err(_) => new_bigint(cx.heap_mut(), BigInt::from(u)),
                        },
                    };
                    out.push(v);
                }
            }
        }
    }
    Ok(new_tuple(cx.heap_mut(), &out))
}

fn st_calcsize<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    if args.len() != 1 {
        let msg = format!("_struct.calcsize() takes exactly one argument ({} given)", args.len());
        return err(cx, rt, "TypeError", &msg);
    }
    let fmt = args[0];
    let f = parse(cx, rt, fmt)?;
    Ok(new_int(cx.heap_mut(), f.size as i64))
}

fn check_arity<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, f: &Format, what: &str, got: usize) -> Result<(), usize> {
    if f.arity() != got {
        let msg = format!("{what} expected {} items for packing (got {got})", f.arity());
        return Err(struct_error(cx, rt, &msg));
    }
    Ok(())
}

fn st_pack<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let Some(&fmt) = args.first() else {
        return err(cx, rt, "TypeError", "missing format argument");
    };
    let f = parse(cx, rt, fmt)?;
    check_arity(cx, rt, &f, "pack", args.len() - 1)?;
    let mut out = vec![0u8; f.size];
    pack_values(cx, rt, &f, &args[1..], &mut out)?;
    Ok(new_bytes(cx.heap_mut(), &out))
}

/// A buffer offset made non-negative (counted from the end when negative), or CPython's error.
fn offset_in<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, offset: usize, len: usize) -> Result<usize, usize> {
    let o = super::index_value(cx, rt, offset)?;
    let Some(o) = o.to_i64() else {
        return err(cx, rt, "OverflowError", "Python int too large to convert to C ssize_t").map(|_| 0);
    };
    if o < 0 {
        if o + (len as i64) < 0 {
            return Err(struct_error(cx, rt, &format!("offset {o} out of range for {len}-byte buffer")));
        }
        return Ok((o + len as i64) as usize);
    }
    Ok(o as usize)
}

fn st_pack_into<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let Some(&fmt) = args.first() else {
        return err(cx, rt, "TypeError", "missing format argument");
    };
    let f = parse(cx, rt, fmt)?;
    if args.len() < 3 {
        let msg = if args.len() < 2 {
            "pack_into expected buffer argument".to_string()
        } else {
            "pack_into expected offset argument".to_string()
        };
        return Err(struct_error(cx, rt, &msg));
    }
    check_arity(cx, rt, &f, "pack_into", args.len() - 3)?;
    let buf = args[1];
    let Some(len) = crate::bytes::buffer_mut(buf).map(|d| d.len()) else {
        let msg = format!("argument must be read-write bytes-like object, not {}", b::type_name(rt, buf));
        return err(cx, rt, "TypeError", &msg);
    };
    let at = offset_in(cx, rt, args[2], len)?;
    if len.saturating_sub(at) < f.size || at > len {
        let msg = if at > len && f.size == 0 {
            format!("offset {at} out of range for {len}-byte buffer")
        } else {
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {at} (actual buffer size is {len})",
                f.size + at,
                f.size
            )
        };
        return Err(struct_error(cx, rt, &msg));
    }
    let mut out = vec![0u8; f.size];
    pack_values(cx, rt, &f, &args[3..], &mut out)?;
    let dst = crate::bytes::buffer_mut(buf).unwrap_or_default();
    if dst.len() >= at + f.size {
        dst[at..at + f.size].copy_from_slice(&out);
    }
    Ok(rt.none.get())
}

fn data_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<&'static [u8], usize> {
    crate::bytes::buffer_arg(cx, rt, v)
}

fn st_unpack<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    if args.len() != 2 {
        return err(cx, rt, "TypeError", &format!("unpack expected 2 arguments, got {}", args.len()));
    }
    let (fmt, buf) = (args[0], args[1]);
    let f = parse(cx, rt, fmt)?;
    let data = data_arg(cx, rt, buf)?;
    if data.len() != f.size {
        return Err(struct_error(cx, rt, &format!("unpack requires a buffer of {} bytes", f.size)));
    }
    unpack_values(cx, rt, &f, data)
}

fn st_unpack_from<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let fmt = arg(cx, rt, args, 0, "unpack_from")?;
    let f = parse(cx, rt, fmt)?;
    let Some(buf) = args.get(1).copied().or_else(|| kwarg(kw, "buffer")) else {
        return err(cx, rt, "TypeError", "unpack_from() missing required argument 'buffer' (pos 2)");
    };
    let data = data_arg(cx, rt, buf)?;
    let len = data.len();
    let at = match args.get(2).copied().or_else(|| kwarg(kw, "offset")) {
        Some(o) => offset_in(cx, rt, o, len)?,
        None => 0,
    };
    if at > len || len - at < f.size {
        let msg = if at > len && f.size == 0 {
            format!("offset {at} out of range for {len}-byte buffer")
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {at} (actual buffer size is {len})",
                f.size + at,
                f.size
            )
        };
        return Err(struct_error(cx, rt, &msg));
    }
    unpack_values(cx, rt, &f, &data[at..at + f.size])
}
