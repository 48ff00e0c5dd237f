//! Fern values: heap objects of four classes (as PyPy's `W_IntObject`, `W_FloatObject`, ...),
//! run-time errors, and how values print.
//!
//! A value is one red reference to an object whose class (header word 0, see
//! [`metatrace::heap`]) is [`INT`], [`FLOAT`], [`NONE`] or [`ARRAY`]. Ints and floats are
//! immutable boxes, freshly allocated by every operation that computes one; `none` is a single
//! object per run; an array is a mutable, fixed-length list of values.

use metatrace::heap::{Layout, ARRAY_ITEMS, ARRAY_LEN, HEADER};
use metatrace::{ArrayDescr, FieldDescr, MemKind};
use std::collections::HashSet;
use std::fmt;

/// A boxed 64-bit integer (a value: no operation of the language sees a box's identity).
pub static INT: Layout = Layout::object("Int", 8, &[]).with_value_semantics();
/// The value of an [`INT`] (never written after the box is built).
pub const INT_VALUE: FieldDescr = Layout::field("Int.value", HEADER, MemKind::I64).immutable();
/// A boxed 64-bit float (a value, as ints).
pub static FLOAT: Layout = Layout::object("Float", 8, &[]).with_value_semantics();
/// The value of a [`FLOAT`].
pub const FLOAT_VALUE: FieldDescr = Layout::field("Float.value", HEADER, MemKind::F64).immutable();
/// The class of `none` (one object per run).
pub static NONE: Layout = Layout::object("None", 0, &[]);
/// A Fern array: a fixed-length list of references to values.
pub static ARRAY: Layout = Layout::array("Array", MemKind::Ref);
/// The items of an [`ARRAY`].
pub const ARRAY_ITEM: ArrayDescr = Layout::items_descr("Array.items", MemKind::Ref);

/// The most items `array(n)` may make (a run-time error beyond, not an abort).
pub const MAX_ARRAY: i64 = 1 << 28;

/// A run-time error: its message and the function it happened in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FernError {
    /// What went wrong, e.g. `division by zero`.
    pub message: String,
    /// The function that was running.
    pub function: String,
}

impl fmt::Display for FernError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (in {})", self.message, self.function)
    }
}

/// The type name of a class (a layout address), for error messages.
pub fn type_name(class: usize) -> &'static str {
    if class == INT.class() {
        "int"
    } else if class == FLOAT.class() {
        "float"
    } else if class == NONE.class() {
        "none"
    } else if class == ARRAY.class() {
        "array"
    } else {
        "?"
    }
}

/// Reads word `off` bytes into the object at `p`.
///
/// # Safety
/// `p` is a live Fern object with at least `off + 8` bytes.
unsafe fn word(p: usize, off: i32) -> u64 {
    // SAFETY: forwarded.
    unsafe { ((p + off as usize) as *const u64).read() }
}

/// Appends the printed form of the value at `p` to `out`: ints in decimal, floats as
/// [`float_repr`], `none`, and arrays as Python prints lists (`[1, 2.5, none, [3]]`, with
/// `[...]` for an array already being printed). Iterative, so deep nesting cannot overflow
/// the stack.
///
/// # Safety
/// `p` is a live Fern value (or 0) of a heap that is not collected meanwhile.
pub unsafe fn format_value(p: usize, out: &mut String) {
    // Arrays being printed, with the index of the next item to print.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut open: HashSet<usize> = HashSet::new();
    let mut next = Some(p);
    loop {
        if let Some(p) = next.take() {
            // SAFETY: the caller's contract; items of live arrays are live values.
            let class = if p == 0 { NONE.class() } else { (unsafe { word(p, 0) }) as usize };
            if class == INT.class() {
                out.push_str(&(unsafe { word(p, HEADER) } as i64).to_string());
            } else if class == FLOAT.class() {
                out.push_str(&float_repr(f64::from_bits(unsafe { word(p, HEADER) })));
            } else if class == NONE.class() {
                out.push_str("none");
            } else if class == ARRAY.class() {
                if open.contains(&p) {
                    out.push_str("[...]");
                } else {
                    out.push('[');
                    open.insert(p);
                    stack.push((p, 0));
                }
            } else {
                out.push_str("<bad value>");
            }
        }
        let Some(top) = stack.last_mut() else { return };
        let (arr, i) = *top;
        // SAFETY: `arr` is a live array: its length word and items are in bounds.
        let len = unsafe { word(arr, ARRAY_LEN) } as usize;
        if i < len {
            if i > 0 {
                out.push_str(", ");
            }
            next = Some(unsafe { word(arr + 8 * i, ARRAY_ITEMS) } as usize);
            top.1 += 1;
        } else {
            out.push(']');
            open.remove(&arr);
            stack.pop();
        }
    }
}

/// Formats a float as Python's `repr` does: the shortest digits that read back to the same
/// float, positional for exponents in -4..16 (with `.0` for whole numbers), scientific
/// otherwise (`1e+16`, `1.5e-05`), and `inf`, `-inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "-1.2345e-5", "1e16".
    let s = format!("{x:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            let (int, frac) = if digits.len() > int_len {
                (digits[..int_len].to_string(), digits[int_len..].to_string())
            } else {
                (format!("{digits}{}", "0".repeat(int_len - digits.len())), "0".to_string())
            };
            format!("{sign}{int}.{frac}")
        } else {
            format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
        }
    } else {
        format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

/// Python's float `divmod`: (floor quotient, modulo with the sign of `b`). `b` is not zero.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let mut q = div.floor();
        if div - q > 0.5 {
            q += 1.0;
        }
        q
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python_repr() {
        for (x, s) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123.456, "123.456"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (-2.5, "-2.5"),
            (1e100, "1e+100"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (12345678901234567.0, "1.2345678901234568e+16"),
        ] {
            assert_eq!(float_repr(x), s, "{x:?}");
        }
    }

    #[test]
    fn float_divmod_matches_python() {
        assert_eq!(float_divmod(7.5, 2.0), (3.0, 1.5));
        assert_eq!(float_divmod(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(float_divmod(7.5, -2.0), (-4.0, -0.5));
        assert_eq!(float_divmod(1.0, 0.1), (9.0, 0.09999999999999995));
    }
}
