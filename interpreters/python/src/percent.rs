//! printf-style `%` formatting of `str` and `bytes`, as CPython does it: mapping keys
//! (`%(name)s`), the flags `-+ #0`, `*` widths and precisions, length modifiers, every
//! conversion (`diouxXeEfFgGcrsa%`, and `b` for bytes), and CPython's error messages.

use crate::builtins::{self, text, type_name, PyResult};
use crate::objects::*;
use crate::runtime::{new_str, tuple_items};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::Concrete;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

type Cx<'a, S> = Concrete<'a, Py<S>>;

fn error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, class: &str, msg: &str) -> usize {
    crate::errors::new_error(cx, rt, class, msg)
}

/// `fmt % args` for a str `fmt`.
pub fn percent_str<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fmt: usize, args: usize) -> PyResult {
    let f: Vec<char> = text(fmt).chars().collect();
    let out = run(cx, rt, &f, args, false)?;
    Ok(new_str(cx.heap_mut(), &out))
}

/// `fmt % args` for a bytes or bytearray `fmt` (the result has its type).
pub fn percent_bytes<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fmt: usize, args: usize) -> PyResult {
    let f: Vec<char> = crate::bytes::data(fmt).iter().map(|&b| b as char).collect();
    let out = run(cx, rt, &f, args, true)?;
    let v: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    Ok(crate::bytes::new_like(cx.heap_mut(), fmt, v))
}

/// One conversion's flags, width and precision.
#[derive(Default)]
struct Conv {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
}

/// The positional arguments and where the next one is.
struct Args {
    items: Vec<usize>,
    /// The arguments are one object, not a tuple.
    single: bool,
    next: usize,
}

impl Args {
    fn take<S: Space>(&mut self, cx: &mut Cx<'_, S>, rt: &Python) -> Result<usize, usize> {
        match self.items.get(self.next) {
            Some(&v) => {
                self.next += 1;
                Ok(v)
            }
            None => Err(error(cx, rt, "TypeError", "not enough arguments for format string")),
        }
    }
}

/// Whether `o` counts as a mapping for `%(key)s` (CPython: it has `__getitem__` and is not a
/// tuple or a str).
fn is_mapping(rt: &Python, o: usize, bytes: bool) -> bool {
    let v = crate::boxed::unbox(o);
    if is(v, &TUPLE) || is(v, &STR) || (bytes && crate::bytes::is_binary(v)) {
        return false;
    }
    crate::dict::is_dict(o)
        || is(o, &LIST)
        || crate::bytes::is_binary(o)
        || (is(o, &INSTANCE) && crate::classes::lookup(rt, builtins::peek_type(rt, o), "__getitem__").is_some())
}

fn run<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, f: &[char], args: usize, bytes: bool) -> Result<String, usize> {
    // (A tuple subclass's items are the arguments too.)
    let tuple = is(crate::boxed::unbox(args), &TUPLE);
    let items = if tuple { tuple_items(crate::boxed::unbox(args)).into_vec() } else { vec![args] };
    let mut a = Args { items, single: !tuple, next: 0 };
    let mapping = is_mapping(rt, args, bytes).then_some(args);
    let mut out = String::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        if f[i] != '%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut keyed = None;
        if f.get(i) == Some(&'(') {
            let Some(m) = mapping else {
                return Err(error(cx, rt, "TypeError", "format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < f.len() && depth > 0 {
                match f[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(error(cx, rt, "ValueError", "incomplete format key"));
            }
            let key: String = f[start..i - 1].iter().collect();
            let k = if bytes {
                let v: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
                crate::bytes::new_bytes(cx.heap_mut(), &v)
            } else {
                new_str(cx.heap_mut(), &key)
            };
            keyed = Some(crate::types::getitem(cx, rt, m, k)?);
        }
        let mut c = Conv::default();
        while let Some(&ch) = f.get(i) {
            match ch {
                '-' => c.left = true,
                '+' => c.plus = true,
                ' ' => c.space = true,
                '#' => c.alt = true,
                '0' => c.zero = true,
                _ => break,
            }
            i += 1;
        }
        if f.get(i) == Some(&'*') {
            i += 1;
            let w = star(cx, rt, &mut a)?;
            if w < 0 {
                c.left = true;
            }
            c.width = w.unsigned_abs() as usize;
        } else {
            while let Some(d) = f.get(i).and_then(|ch| ch.to_digit(10)) {
                c.width = c.width.saturating_mul(10).saturating_add(d as usize);
                i += 1;
            }
        }
        if f.get(i) == Some(&'.') {
            i += 1;
            if f.get(i) == Some(&'*') {
                i += 1;
                c.prec = Some(star(cx, rt, &mut a)?.max(0) as usize);
            } else {
                let mut p = 0usize;
                while let Some(d) = f.get(i).and_then(|ch| ch.to_digit(10)) {
                    p = p.saturating_mul(10).saturating_add(d as usize);
                    i += 1;
                }
                c.prec = Some(p);
            }
        }
        while matches!(f.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = f.get(i) else {
            return Err(error(cx, rt, "ValueError", "incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match keyed {
            Some(v) => v,
            None => a.take(cx, rt)?,
        };
        let piece = convert(cx, rt, conv, v, &c, bytes, i - 1)?;
        out.push_str(&piece);
    }
    if a.next < a.items.len() && mapping.is_none() && !(a.single && a.items.is_empty()) {
        return Err(error(cx, rt, "TypeError", "not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// A `*` width or precision: the next argument, an int.
fn star<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, a: &mut Args) -> Result<i64, usize> {
    let v = a.take(cx, rt)?;
    match peek_i64(v).filter(|_| !is(v, &FLOAT)) {
        Some(n) => Ok(n),
        None => Err(error(cx, rt, "TypeError", "* wants int")),
    }
}

/// The text of one conversion, padded to its width.
fn convert<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    conv: char,
    v: usize,
    c: &Conv,
    bytes: bool,
    at: usize,
) -> Result<String, usize> {
    let numeric = |body: String, c: &Conv| pad_number(body, c);
    let truncate = |s: String| match c.prec {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    };
    let body = match conv {
        's' | 'b' if bytes => truncate(bytes_arg(cx, rt, v)?),
        's' if !bytes => truncate(builtins::to_str(cx, rt, v)?),
        'r' | 'a' if bytes => truncate(crate::chars::ascii_escape(&builtins::to_repr(cx, rt, v)?)),
        'r' => truncate(builtins::to_repr(cx, rt, v)?),
        'a' => truncate(crate::chars::ascii_escape(&builtins::to_repr(cx, rt, v)?)),
        'c' => char_arg(cx, rt, v, bytes)?.to_string(),
        'd' | 'i' | 'u' => {
            let n = int_arg(cx, rt, v, conv, true)?;
            return Ok(numeric(int_body(&n, 10, c, ""), c));
        }
        'o' | 'x' | 'X' => {
            let n = int_arg(cx, rt, v, conv, false)?;
            let (base, prefix) = match conv {
                'o' => (8, "0o"),
                'x' => (16, "0x"),
                _ => (16, "0X"),
            };
            let mut s = int_body(&n, base, c, if c.alt { prefix } else { "" });
            if conv == 'X' {
                s = s.to_uppercase();
            }
            return Ok(numeric(s, c));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(cx, rt, v)?;
            return Ok(numeric(float_body(x, conv, c), c));
        }
        other => {
            let msg = format!("unsupported format character '{other}' (0x{:x}) at index {at}", other as u32);
            return Err(error(cx, rt, "ValueError", &msg));
        }
    };
    Ok(pad(body, c.width, c.left))
}

fn pad(body: String, width: usize, left: bool) -> String {
    let n = body.chars().count();
    if n >= width {
        return body;
    }
    let fill = " ".repeat(width - n);
    if left {
        body + &fill
    } else {
        fill + &body
    }
}

/// A number's text padded: zeros go after its sign and base prefix.
fn pad_number(body: String, c: &Conv) -> String {
    let n = body.chars().count();
    if c.left || !c.zero || n >= c.width {
        return pad(body, c.width, c.left);
    }
    let sign = if body.starts_with(['-', '+', ' ']) { 1 } else { 0 };
    let prefix = if body[sign..].starts_with("0x") || body[sign..].starts_with("0X") || body[sign..].starts_with("0o") {
        2
    } else {
        0
    };
    if !body[sign + prefix..].starts_with(|ch: char| ch.is_ascii_hexdigit()) {
        return pad(body, c.width, false);
    }
    let (head, tail) = body.split_at(sign + prefix);
    format!("{head}{}{tail}", "0".repeat(c.width - n))
}

fn sign(neg: bool, c: &Conv) -> &'static str {
    if neg {
        "-"
    } else if c.plus {
        "+"
    } else if c.space {
        " "
    } else {
        ""
    }
}

fn int_body(n: &BigInt, base: u32, c: &Conv, prefix: &str) -> String {
    let mut digits = n.abs().to_str_radix(base);
    if let Some(p) = c.prec {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    format!("{}{prefix}{digits}", sign(n.is_negative(), c))
}

fn float_body(x: f64, conv: char, c: &Conv) -> String {
    let prec = c.prec.unwrap_or(6);
    let a = x.abs();
    let body = if a.is_nan() {
        "nan".to_string()
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        match conv.to_ascii_lowercase() {
            'f' => {
                let s = crate::format::float_fixed(a, prec);
                if c.alt && prec == 0 {
                    s + "."
                } else {
                    s
                }
            }
            'e' => crate::format::float_sci(a, prec, false),
            _ => crate::format::float_general(a, prec, c.alt),
        }
    };
    let body = if conv.is_ascii_uppercase() { body.to_uppercase() } else { body };
    format!("{}{body}", sign(x.is_sign_negative() && !x.is_nan(), c))
}

/// The int a `%d`-like conversion formats (`%d` also takes floats, truncated).
fn int_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, conv: char, real: bool) -> Result<BigInt, usize> {
    if let Some(n) = peek_bigint(v) {
        return Ok(n);
    }
    if is(v, &FLOAT) && real {
        let f = peek_f64(v).unwrap_or(0.0);
        if f.is_nan() {
            return Err(error(cx, rt, "ValueError", "cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(error(cx, rt, "OverflowError", "cannot convert float infinity to integer"));
        }
        let r = crate::types::call_type(cx, rt, rt.builtin_type("int"), &[v], &[])?;
        return Ok(peek_bigint(r).unwrap_or_default());
    }
    if is(v, &INSTANCE) {
        let names: &[&str] = if real { &["__int__", "__index__"] } else { &["__index__"] };
        for name in names {
            if let Some(r) = builtins::call_method(cx, rt, v, name, &[]) {
                let r = r?;
                if let Some(n) = peek_bigint(r) {
                    return Ok(n);
                }
            }
        }
    }
    let msg = if real {
        format!("%{conv} format: a real number is required, not {}", type_name(rt, v))
    } else {
        format!("%{conv} format: an integer is required, not {}", type_name(rt, v))
    };
    Err(error(cx, rt, "TypeError", &msg))
}

fn float_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<f64, usize> {
    if let Some(x) = peek_f64(v) {
        return Ok(x);
    }
    if is(v, &INSTANCE) {
        if let Some(r) = builtins::call_method(cx, rt, v, "__float__", &[]) {
            let r = r?;
            if let Some(x) = peek_f64(r) {
                return Ok(x);
            }
        }
    }
    let msg = format!("must be real number, not {}", type_name(rt, v));
    Err(error(cx, rt, "TypeError", &msg))
}

fn char_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, bytes: bool) -> Result<char, usize> {
    if bytes {
        if let Some(b) = crate::bytes::buffer(v).filter(|b| b.len() == 1 && crate::bytes::is_binary(v)) {
            return Ok(b[0] as char);
        }
        if let Some(n) = peek_bigint(v).filter(|_| !is(v, &FLOAT)) {
            return match n.to_u8() {
                Some(x) => Ok(x as char),
                None => Err(error(cx, rt, "OverflowError", "%c arg not in range(256)")),
            };
        }
        return Err(error(cx, rt, "TypeError", "%c requires an integer in range(256) or a single byte"));
    }
    if is(v, &STR) {
        let mut cs = text(v).chars();
        if let (Some(ch), None) = (cs.next(), cs.next()) {
            return Ok(ch);
        }
    } else if let Some(n) = peek_bigint(v).filter(|_| !is(v, &FLOAT)) {
        return match n.to_u32().and_then(char::from_u32) {
            Some(ch) => Ok(ch),
            None => Err(error(cx, rt, "OverflowError", "%c arg not in range(0x110000)")),
        };
    }
    Err(error(cx, rt, "TypeError", "%c requires int or char"))
}

/// The bytes `%s` / `%b` inserts, as chars 0..=255.
fn bytes_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<String, usize> {
    let b = match crate::bytes::buffer(v) {
        Some(b) => b.to_vec(),
        None => {
            let r = if is(v, &INSTANCE) { builtins::call_method(cx, rt, v, "__bytes__", &[]) } else { None };
            match r {
                Some(r) => {
                    let r = r?;
                    crate::bytes::buffer(r).unwrap_or_default().to_vec()
                }
                None => {
                    let msg = format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        type_name(rt, v)
                    );
                    return Err(error(cx, rt, "TypeError", &msg));
                }
            }
        }
    };
    Ok(b.into_iter().map(|x| x as char).collect())
}
