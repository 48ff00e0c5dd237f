//! `complex`: a pair of floats, with CPython's arithmetic (Smith's division, powers by
//! repeated squaring for small integral exponents), repr (`(1+2j)`, `2j`) and hash.

use crate::builtins::{self, err, PyResult};
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::objects::*;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::heap::{Heap, Layout};
use metatrace::{Concrete, FieldDescr, MemKind};

pub static COMPLEX: Layout = Layout::object("complex", 16, &[]);
const REAL: FieldDescr = FieldDescr::new("complex.real", 16, MemKind::F64);
const IMAG: FieldDescr = FieldDescr::new("complex.imag", 24, MemKind::F64);

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// A new complex number.
pub fn new(heap: &mut Heap, re: f64, im: f64) -> usize {
    let c = heap.alloc(&COMPLEX);
    // SAFETY: just allocated with the COMPLEX layout.
    unsafe {
        *((c + REAL.offset as usize) as *mut f64) = re;
        *((c + IMAG.offset as usize) as *mut f64) = im;
    }
    c
}

pub fn is_complex(o: usize) -> bool {
    is(o, &COMPLEX)
}

/// The parts of a complex number.
pub fn parts(c: usize) -> (f64, f64) {
    // SAFETY: callers pass live complex numbers.
    unsafe { (f64::from_bits(read_word(c, &REAL)), f64::from_bits(read_word(c, &IMAG))) }
}

/// A number as a complex (ints and floats have no imaginary part).
fn as_complex(o: usize) -> Option<(f64, f64)> {
    if is_complex(o) {
        return Some(parts(o));
    }
    if is(o, &STR) {
        return None;
    }
    peek_f64(o).map(|f| (f, 0.0))
}

/// `repr(c)`: `(1+2j)`, `2j`, `(-0-1j)`.
pub fn repr(c: usize) -> String {
    let (re, im) = parts(c);
    let fmt = |x: f64| {
        let s = crate::format::float_repr(x);
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", fmt(im));
    }
    let sign = if im.is_sign_negative() || im.is_nan() && im.is_sign_negative() { "" } else { "+" };
    format!("({}{sign}{}j)", fmt(re), fmt(im))
}

/// CPython's hash of a complex number.
pub fn hash(c: usize) -> i64 {
    let (re, im) = parts(c);
    let h = crate::format::float_hash(re).wrapping_add(crate::format::float_hash(im).wrapping_mul(1000003));
    if h == -1 {
        -2
    } else {
        h
    }
}

fn quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (ar, ai) = a;
    let (br, bi) = b;
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn mul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn powu(x: (f64, f64), mut n: u64) -> (f64, f64) {
    let (mut r, mut p) = ((1.0, 0.0), x);
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    n = 0;
    let _ = n;
    r
}

/// CPython's `_Py_c_pow`: `None` for zero to a negative or complex power.
pub fn power(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    if b == (0.0, 0.0) {
        return Some((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        return if n > 0 { Some(powu(a, n as u64)) } else { quot((1.0, 0.0), powu(a, (-n) as u64)) };
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `a op b` where an operand is complex (`None`: not such a pair).
pub fn binary<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, op: BinOp, a: usize, b: usize) -> Option<PyResult> {
    if !is_complex(a) && !is_complex(b) {
        return None;
    }
    let (x, y) = (as_complex(a)?, as_complex(b)?);
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => mul(x, y),
        BinOp::TrueDiv => match quot(x, y) {
            Some(r) => r,
            None => return Some(err(cx, rt, "ZeroDivisionError", "complex division by zero")),
        },
        BinOp::Pow => match power(x, y) {
            Some(r) if r.0.is_finite() && r.1.is_finite() || !(x.0.is_finite() && x.1.is_finite()) => r,
            Some(_) => return Some(err(cx, rt, "OverflowError", "complex exponentiation")),
            None => return Some(err(cx, rt, "ZeroDivisionError", "0.0 to a negative or complex power")),
        },
        _ => return None,
    };
    Some(Ok(new(cx.heap_mut(), r.0, r.1)))
}

/// `op c` for a complex number.
pub fn unary<S: Space>(cx: &mut Cx<'_, S>, op: UnOp, c: usize) -> Option<usize> {
    let (re, im) = parts(c);
    match op {
        UnOp::Neg => Some(new(cx.heap_mut(), -re, -im)),
        UnOp::Pos => Some(c),
        _ => None,
    }
}

/// `a == b` / `a != b` where an operand is complex (`None`: not such a comparison).
pub fn compare(op: CmpOp, a: usize, b: usize) -> Option<bool> {
    if !is_complex(a) && !is_complex(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return None;
    }
    let same = as_complex(a)? == as_complex(b)?;
    Some(same == (op == CmpOp::Eq))
}

/// Parses `complex("1+2j")`.
fn parse(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(t).trim();
    let num = |p: &str| -> Option<f64> {
        match p {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => crate::library::parse_float(p),
        }
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else { return crate::library::parse_float(t).map(|f| (f, 0.0)) };
    // The split between the real and imaginary parts: the last sign not after an exponent.
    let bytes = body.as_bytes();
    let split =
        (1..bytes.len()).rev().find(|&k| matches!(bytes[k], b'+' | b'-') && !matches!(bytes[k - 1], b'e' | b'E'));
    match split {
        Some(k) => Some((crate::library::parse_float(&body[..k])?, num(&body[k..])?)),
        None => Some((0.0, num(body)?)),
    }
}

/// Calling the class `complex`: `complex(real=0, imag=0)` or `complex(str)`.
pub fn make<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: &[(std::rc::Rc<str>, usize)]) -> PyResult {
    let mut vals = [args.first().copied(), args.get(1).copied()];
    for (k, v) in kw {
        match &**k {
            "real" if vals[0].is_none() => vals[0] = Some(*v),
            "imag" if vals[1].is_none() => vals[1] = Some(*v),
            _ => return err(cx, rt, "TypeError", &format!("complex() got an unexpected keyword argument '{k}'")),
        }
    }
    if let Some(s) = vals[0].filter(|&s| is(s, &STR)) {
        if vals[1].is_some() {
            return err(cx, rt, "TypeError", "complex() can't take second arg if first is a string");
        }
        return match parse(builtins::text(s)) {
            Some((re, im)) => Ok(new(cx.heap_mut(), re, im)),
            None => err(cx, rt, "ValueError", "complex() arg is a malformed string"),
        };
    }
    // Other objects convert through `__complex__` (the first argument only), `__float__`
    // or `__index__`.
    for (k, slot) in vals.iter_mut().enumerate() {
        let Some(o) = *slot else { continue };
        if !is(o, &INSTANCE) || as_complex(o).is_some() {
            continue;
        }
        for name in ["__complex__", "__float__", "__index__"] {
            if name == "__complex__" && k == 1 {
                continue;
            }
            if let Some(r) = builtins::call_method(cx, rt, o, name, &[]) {
                let r = r?;
                let _ = metatrace::Ctx::root(cx, r);
                if name == "__complex__" && !is_complex(r) {
                    let msg = format!("__complex__ returned non-complex (type {})", builtins::type_name(rt, r));
                    return err(cx, rt, "TypeError", &msg);
                }
                *slot = Some(r);
                break;
            }
        }
    }
    let mut part = |o: Option<usize>, which: &str| -> Result<(f64, f64), usize> {
        match o {
            None => Ok((0.0, 0.0)),
            Some(o) => as_complex(o).ok_or_else(|| {
                let msg = if which == "first" {
                    format!(
                        "complex() first argument must be a string or a number, not '{}'",
                        builtins::type_name(rt, o)
                    )
                } else {
                    format!("complex() second argument must be a number, not '{}'", builtins::type_name(rt, o))
                };
                crate::errors::new_error(cx, rt, "TypeError", &msg)
            }),
        }
    };
    // CPython's rules keep the signs of zeros: only a complex part adds to the other one.
    let (r, i) = (part(vals[0], "first")?, part(vals[1], "second")?);
    let r_complex = vals[0].is_some_and(is_complex);
    let i_complex = vals[1].is_some_and(is_complex);
    let mut re = r.0;
    let mut im = if vals[1].is_none() { r.1 } else { i.0 };
    if i_complex {
        re -= i.1;
    }
    if r_complex && vals[1].is_some() {
        im += r.1;
    }
    Ok(new(cx.heap_mut(), re, im))
}

/// The data attributes of complex numbers.
pub fn attr<S: Space>(cx: &mut Cx<'_, S>, c: usize, name: &str) -> Option<usize> {
    let (re, im) = parts(c);
    match name {
        "real" => Some(crate::runtime::new_float(cx.heap_mut(), re)),
        "imag" => Some(crate::runtime::new_float(cx.heap_mut(), im)),
        _ => None,
    }
}

/// `c.conjugate()`.
pub fn conjugate<S: Space>(cx: &mut Cx<'_, S>, c: usize) -> usize {
    let (re, im) = parts(c);
    new(cx.heap_mut(), re, -im)
}
