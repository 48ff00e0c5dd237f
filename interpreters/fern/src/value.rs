//! Fern values: a type tag and a payload word, both red integers; run-time errors; and how
//! values print.

use metatrace::Reds;
use std::fmt;

/// The tag of `none` (payload 0).
pub const TAG_NONE: i64 = 0;
/// The tag of an integer (payload: the i64).
pub const TAG_INT: i64 = 1;
/// The tag of a float (payload: the f64's bits).
pub const TAG_FLOAT: i64 = 2;

/// A Fern value in a frame: two red integers. Operations promote the tag (a guard while
/// tracing) and then branch on it in plain Rust.
pub struct Val<R: Reds> {
    /// The type tag ([`TAG_NONE`], [`TAG_INT`] or [`TAG_FLOAT`]).
    pub tag: R::Int,
    /// The payload word.
    pub payload: R::Int,
}

impl<R: Reds> Clone for Val<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Reds> Copy for Val<R> {}

impl<R: Reds> fmt::Debug for Val<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Val({:?}, {:?})", self.tag, self.payload)
    }
}

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

/// The type name of a tag, for error messages.
pub fn type_name(tag: i64) -> &'static str {
    match tag {
        TAG_NONE => "none",
        TAG_INT => "int",
        TAG_FLOAT => "float",
        _ => "?",
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

/// The printed form of a value given as (tag, payload).
pub fn format_value(tag: i64, payload: i64) -> String {
    match tag {
        TAG_NONE => "none".to_string(),
        TAG_INT => payload.to_string(),
        TAG_FLOAT => float_repr(f64::from_bits(payload as u64)),
        _ => format!("<bad value {tag}:{payload}>"),
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
