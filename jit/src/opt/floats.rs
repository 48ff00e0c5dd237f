//! Float lower bounds: decides float comparisons that a value's lower bound settles, such as
//! the division-by-zero check of `4.0 / (1.0 + x * x)` (`1.0 + x * x` is never `0.0`).
//!
//! One forward walk keeps, for some float values, a lower bound `lo` that holds *unless the
//! value is NaN*: `v >= lo` or `v` is NaN. The sources of bounds:
//! - a constant `c` (not NaN) is its own bound;
//! - `float_mul(x, x)` (one operand twice), `float_abs(x)` and `float_sqrt(x)` are `>= 0`
//!   (`sqrt(-0.0)` is `-0.0`, which compares equal to `0.0`, so the bound is `0.0`, never more);
//! - `float_add(a, b)` is `>= lo(a) + lo(b)` and, for `lo(a), lo(b) >= 0`, `float_mul(a, b)` is
//!   `>= lo(a) * lo(b)` and `float_truediv(a, b)` (with `lo(b) > 0`) is `>= 0`. These hold
//!   in floating point because IEEE rounding is monotone: the exact result is at least the
//!   exact bound, so the rounded result is at least the rounded bound. An infinity minus an
//!   infinity or `0 * inf` gives NaN, which the bound allows.
//!
//! The decisions use only comparisons that NaN makes false (or, for `!=`, true), so they are
//! right for NaN too: with `c < lo(v)`, `v == c` is 0, `v != c` is 1 and `v <= c` is 0; with
//! `c <= lo(v)`, `v < c` is 0 (and the same with the operands swapped: `c > v`, `c >= v`). A
//! decided comparison's result becomes a constant, and the next `fold`/`guards` round drops
//! the guard on it. Nothing here decides `v >= c` or `v > c`: a NaN would make those false.
//!
//! Bounds of label arguments are forgotten at the label (they name new values in the loop);
//! everything else keeps its bound.

use super::util::Rewriter;
use crate::ir::*;
use rustc_hash::FxHashMap as HashMap;

/// Runs the float lower-bound analysis over the trace.
pub fn run(t: &mut Trace) {
    let mut rw = Rewriter::new(t);
    let mut lo: HashMap<Value, f64> = HashMap::default();
    let old = std::mem::take(&mut t.ops);
    let mut out = Vec::with_capacity(old.len());
    for mut op in old {
        if op.opcode == Opcode::Label {
            rw.enter_label();
            lo.retain(|&v, _| !rw.is_rebound(v));
        }
        rw.rewrite(&mut op);
        if let Some(r) = op.result {
            if let Some(b) = bound(&lo, op.opcode, &op.args) {
                lo.insert(r, b);
            } else if let Some(d) = decide(&lo, op.opcode, &op.args) {
                if rw.replace(r, Operand::Int(d as i64)) {
                    continue;
                }
            }
        }
        out.push(op);
    }
    t.ops = out;
}

/// The lower bound (NaN aside) of an operand, if known.
fn lo_of(lo: &HashMap<Value, f64>, o: Operand) -> Option<f64> {
    match o {
        Operand::Value(v) => lo.get(&v).copied(),
        _ => o.as_float().filter(|c| !c.is_nan()),
    }
}

/// The lower bound of a float operation's result, from its operands' bounds.
fn bound(lo: &HashMap<Value, f64>, opcode: Opcode, args: &[Operand]) -> Option<f64> {
    let l = |i: usize| lo_of(lo, args[i]);
    let b = match opcode {
        Opcode::FloatAbs | Opcode::FloatSqrt => 0.0,
        Opcode::FloatAdd => l(0)? + l(1)?,
        Opcode::FloatMul => match (l(0), l(1)) {
            (Some(a), Some(b)) if a >= 0.0 && b >= 0.0 => a * b,
            _ if args[0] == args[1] && args[0].as_value().is_some() => 0.0,
            _ => return None,
        },
        Opcode::FloatTrueDiv if l(0)? >= 0.0 && l(1)? > 0.0 => 0.0,
        _ => return None,
    };
    // `inf + -inf` has no bound; -inf is no bound either.
    (!b.is_nan() && b != f64::NEG_INFINITY).then_some(b)
}

/// A comparison's result, when a lower bound settles it (for NaN as well).
fn decide(lo: &HashMap<Value, f64>, opcode: Opcode, args: &[Operand]) -> Option<bool> {
    let c_of = |o: Operand| o.as_float().filter(|c| !c.is_nan());
    // (v, c) with the comparison read as `v OP c`.
    let vc = |i: usize| Some((lo_of(lo, args[i])?, c_of(args[1 - i])?));
    match opcode {
        Opcode::FloatEq | Opcode::FloatNe => {
            let (l, c) = vc(0).or_else(|| vc(1))?;
            (c < l).then_some(opcode == Opcode::FloatNe)
        }
        Opcode::FloatLt => vc(0).and_then(|(l, c)| (c <= l).then_some(false)),
        Opcode::FloatLe => vc(0).and_then(|(l, c)| (c < l).then_some(false)),
        Opcode::FloatGt => vc(1).and_then(|(l, c)| (c <= l).then_some(false)),
        Opcode::FloatGe => vc(1).and_then(|(l, c)| (c < l).then_some(false)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn floats(input: &str, expected: &str) {
        check(run, input, expected);
    }

    /// `body` uses f0 (and f1) and defines i2; the trace finishes with i2.
    fn decided(body: &str, want: &str) {
        floats(
            &format!("inputs(f0, f1)\n{body}\nfinish(i2)\n"),
            &format!(
                "inputs(f0, f1)\n{}\nfinish({want})\n",
                body.lines().filter(|l| !l.starts_with("i2 =")).collect::<Vec<_>>().join("\n")
            ),
        );
    }

    fn undecided(body: &str) {
        let src = format!("inputs(f0, f1)\n{body}\nfinish(i2)\n");
        floats(&src, &src);
    }

    #[test]
    fn one_plus_a_square_is_never_zero() {
        decided("f3 = float_mul(f0, f0)\nf4 = float_add(1.0, f3)\ni2 = float_eq(f4, 0.0)", "0");
        decided("f3 = float_mul(f0, f0)\nf4 = float_add(f3, 1.0)\ni2 = float_ne(0.0, f4)", "1");
        decided("f3 = float_abs(f0)\nf4 = float_add(f3, 0.5)\ni2 = float_lt(f4, 0.5)", "0");
        decided("f3 = float_sqrt(f0)\ni2 = float_lt(f3, -1.0)", "0");
        decided("f3 = float_mul(f0, f0)\nf4 = float_add(f3, 2.0)\nf5 = float_mul(f4, f4)\nf6 = float_mul(f5, 3.0)\ni2 = float_le(f6, 11.5)", "0");
        decided("f3 = float_abs(f0)\nf4 = float_add(f3, 1.0)\ni2 = float_gt(0.5, f4)", "0");
        decided("f3 = float_abs(f0)\nf4 = float_add(f3, 1.0)\ni2 = float_ge(0.5, f4)", "0");
        decided("f3 = float_abs(f0)\nf4 = float_add(f3, 1.0)\nf5 = float_truediv(f3, f4)\ni2 = float_lt(f5, 0.0)", "0");
    }

    #[test]
    fn what_nan_or_a_zero_bound_leaves_open() {
        // A square may be 0 (or -0.0 from a square root): `== 0.0` stays.
        undecided("f3 = float_mul(f0, f0)\ni2 = float_eq(f3, 0.0)");
        undecided("f3 = float_sqrt(f0)\ni2 = float_eq(f3, 0.0)");
        // `>=` and `>` against a bound are false for NaN: never decided.
        undecided("f3 = float_mul(f0, f0)\nf4 = float_add(1.0, f3)\ni2 = float_ge(f4, 0.0)");
        undecided("f3 = float_mul(f0, f0)\nf4 = float_add(1.0, f3)\ni2 = float_gt(f4, 0.0)");
        // No bound: a product of two different values, a difference, a bound too low.
        undecided("f3 = float_mul(f0, f1)\nf4 = float_add(1.0, f3)\ni2 = float_eq(f4, 0.0)");
        undecided("f3 = float_mul(f0, f0)\nf4 = float_sub(1.0, f3)\ni2 = float_eq(f4, 0.0)");
        undecided("f3 = float_mul(f0, f0)\nf4 = float_add(-1.0, f3)\ni2 = float_eq(f4, 0.0)");
        undecided("f3 = float_mul(f0, f0)\nf4 = float_add(1.0, f3)\ni2 = float_lt(f4, 1.5)");
        undecided("f3 = float_abs(f0)\nf4 = float_add(f3, -inf)\ni2 = float_lt(f4, -1.0)");
    }

    /// The loop-carried `f1` is a new value after the label: its preamble bound is forgotten.
    #[test]
    fn label_arguments_lose_their_bounds() {
        let src = "inputs(f0)\n\
                   f1 = float_abs(f0)\n\
                   label(f1)\n\
                   i2 = float_lt(f1, 0.0)\n\
                   guard_false(i2) [k: f1]\n\
                   f3 = float_neg(f1)\n\
                   jump(f3)\n";
        floats(src, src);
        floats(
            "inputs(f0)\nf1 = float_abs(f0)\nlabel(f0)\ni2 = float_lt(f1, 0.0)\nguard_false(i2) [k: f1]\njump(f0)\n",
            "inputs(f0)\nf1 = float_abs(f0)\nlabel(f0)\nguard_false(0) [k: f1]\njump(f0)\n",
        );
    }

    /// The bounds hold on real values, NaN, infinities and signed zeros included.
    #[test]
    fn bounds_hold_on_samples() {
        let xs = [0.0, -0.0, 1e-300, -1e-300, 0.1, -3.5, 1e300, -1e300, f64::INFINITY, f64::NEG_INFINITY, f64::NAN];
        let ok = |v: f64, lo: f64| v.is_nan() || v >= lo;
        for &x in &xs {
            assert!(ok(x * x, 0.0) && ok(x.abs(), 0.0) && ok(x.sqrt(), 0.0), "{x}");
            assert!(ok(1.0 + x * x, 1.0), "{x}");
            for &y in &xs {
                let (sx, sy) = ((x * x), (y * y));
                assert!(ok(sx + sy, 0.0) && ok((sx + 2.0) * (sy + 0.5), 1.0), "{x} {y}");
                assert!(ok(sx / (sy + 1.0), 0.0), "{x} {y}");
            }
        }
    }
}
