//! The `_binascii` module: base64 and hex conversions and CRC-32 over bytes (the loops of
//! `binascii`; `lib/binascii.py` adds its `Error` class and the functions built on these).

use super::*;
use crate::bytes::{buffer, new_bytes};

rows! {
    "_binascii.a2b_base64" => ba_a2b_base64,
    "_binascii.b2a_base64" => ba_b2a_base64,
    "_binascii.a2b_hex" => ba_a2b_hex,
    "_binascii.crc32" => ba_crc32,
    "_binascii.adler32" => ba_adler32,
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The `binascii.Error` class (`lib/binascii.py`'s), or ValueError before that module exists.
fn binascii_error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, msg: &str) -> usize {
    let module = rt.module_cache.borrow().get("binascii").copied();
    match module.and_then(|m| crate::globals::peek_global(rt, m, "Error")) {
        Some(class) => {
            let m = new_str(cx.heap_mut(), msg);
            let args = new_tuple(cx.heap_mut(), &[m]);
            classes::new_exception(cx, rt, class, args)
        }
        None => crate::errors::new_error(cx, rt, "ValueError", msg),
    }
}

/// The bytes of an `a2b_*` argument: a bytes-like object or an ASCII str.
fn ascii_data<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<&'static [u8], usize> {
    if is(v, &STR) {
        let t = b::text(v);
        if !t.is_ascii() {
            return Err(crate::errors::new_error(
                cx,
                rt,
                "ValueError",
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(t.as_bytes());
    }
    buffer(v).ok_or_else(|| {
        let msg = format!("argument should be bytes, buffer or ASCII string, not '{}'", b::type_name(rt, v));
        crate::errors::new_error(cx, rt, "TypeError", &msg)
    })
}

/// The bytes of a `b2a_*` argument: a bytes-like object.
fn binary_data<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<&'static [u8], usize> {
    crate::bytes::buffer_arg(cx, rt, v)
}

fn ba_b2a_base64<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let Some(&v) = args.first() else {
        return err(cx, rt, "TypeError", "b2a_base64() takes exactly 1 positional argument (0 given)");
    };
    let data = binary_data(cx, rt, v)?;
    let newline = match kwarg(kw, "newline") {
        Some(n) => truth(cx, rt, n)?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n =
            (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * k) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(cx.heap_mut(), &out))
}

fn b64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Decodes base64 `data` as CPython's `a2b_base64` does (non-alphabet bytes skipped unless
/// `strict`), or gives its error message.
fn decode_base64(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut left, mut pads, mut padding) = (0, 0u32, 0, false);
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding = true;
            if strict && quad == 0 {
                let first = i == 0;
                return Err(if first { "Leading padding not allowed" } else { "Excess padding not allowed" }.into());
            }
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push((left << 2 | v >> 4) as u8);
                left = v & 0xf;
                quad = 2;
            }
            2 => {
                out.push((left << 4 | v >> 2) as u8);
                left = v & 3;
                quad = 3;
            }
            _ => {
                out.push((left << 6 | v) as u8);
                quad = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn ba_a2b_base64<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let Some(&v) = args.first() else {
        return err(cx, rt, "TypeError", "a2b_base64() takes exactly 1 positional argument (0 given)");
    };
    let data = ascii_data(cx, rt, v)?;
    let strict = match args.get(1).copied().or_else(|| kwarg(kw, "strict_mode")) {
        Some(s) => truth(cx, rt, s)?,
        None => false,
    };
    match decode_base64(data, strict) {
        Ok(out) => Ok(new_bytes(cx.heap_mut(), &out)),
        Err(msg) => Err(binascii_error(cx, rt, &msg)),
    }
}

fn ba_a2b_hex<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    if args.len() != 1 {
        let msg = format!("binascii.a2b_hex() takes exactly one argument ({} given)", args.len());
        return err(cx, rt, "TypeError", &msg);
    }
    let v = args[0];
    let data = ascii_data(cx, rt, v)?;
    if data.len() % 2 != 0 {
        return Err(binascii_error(cx, rt, "Odd-length string"));
    }
    let digits: Option<Vec<u8>> = data
        .chunks(2)
        .map(|p| {
            let hi = (p[0] as char).to_digit(16)?;
            let lo = (p[1] as char).to_digit(16)?;
            Some((hi * 16 + lo) as u8)
        })
        .collect();
    match digits {
        Some(out) => Ok(new_bytes(cx.heap_mut(), &out)),
        None => Err(binascii_error(cx, rt, "Non-hexadecimal digit found")),
    }
}

/// CRC-32 (the polynomial of zlib and PNG) of `data`, continuing from `crc`.
fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &byte in data {
        c ^= byte as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
    }
    !c
}

fn ba_crc32<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let Some(&v) = args.first() else {
        return err(cx, rt, "TypeError", "crc32 expected at least 1 argument, got 0");
    };
    let data = binary_data(cx, rt, v)?;
    let start = match args.get(1) {
        Some(&s) => {
            let n = super::index_value(cx, rt, s)?;
            let m = BigInt::from(1u64 << 32);
            let r = ((n % &m) + &m) % &m;
            r.to_u32().unwrap_or(0)
        }
        None => 0,
    };
    Ok(new_int(cx.heap_mut(), crc32(data, start) as i64))
}

/// `zlib.adler32(data, value=1)`
fn ba_adler32<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let Some(&v) = args.first() else {
        return err(cx, rt, "TypeError", "adler32 expected at least 1 argument, got 0");
    };
    let data = binary_data(cx, rt, v)?;
    let start = match args.get(1) {
        Some(&s) => {
            let n = super::index_value(cx, rt, s)?;
            let m = BigInt::from(1u64 << 32);
            (((n % &m) + &m) % &m).to_u32().unwrap_or(0)
        }
        None => 1,
    };
    const MOD: u32 = 65521;
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    // Sums stay below 2**32 for 5552 bytes between reductions.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    Ok(new_int(cx.heap_mut(), ((b << 16) | a) as i64))
}
