//! The concrete meaning of every arithmetic operation, shared by the concrete interpreter,
//! the tracer (which computes while it records) and constant folding at record time.

/// Python's `//` on i64 (floor division). Precondition: `b != 0` and not `(MIN, -1)`.
pub fn floordiv(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python's `%` on i64 (result has the sign of `b`). Same preconditions as [`floordiv`].
pub fn modulo(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Left shift with the count taken modulo 64 (callers keep it in 0..64).
pub fn lshift(a: i64, b: i64) -> i64 {
    a.wrapping_shl(b as u32)
}

/// Arithmetic right shift with the count taken modulo 64 (callers keep it in 0..64).
pub fn rshift(a: i64, b: i64) -> i64 {
    a.wrapping_shr(b as u32)
}

/// Float to int, truncating and saturating (callers keep it finite and in range).
pub fn float_to_int(x: f64) -> i64 {
    x as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_semantics_match_python() {
        for (a, b, q, r) in
            [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -4, -1), (-7, -2, 3, -1), (6, 3, 2, 0), (-6, 3, -2, 0)]
        {
            assert_eq!((floordiv(a, b), modulo(a, b)), (q, r), "{a} // {b}");
        }
    }
}
