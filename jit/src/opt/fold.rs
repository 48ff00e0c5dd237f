//! Constant folding and algebraic simplification.
//!
//! One forward walk. Each operation first has its operands rewritten through the
//! substitution map; then, if it is pure (or overflow-checked, see below), the rules are
//! tried in order. A rule that finds the result equal to an operand already available (a
//! constant, or an earlier value) records the substitution and the operation is deleted;
//! every later use, including snapshot operands and `jump`/`finish` arguments, sees the
//! replacement.
//!
//! Rules (each a named function below, each tested):
//! - `const_fold_int`, `const_fold_float`, `const_fold_cast`, `const_fold_ptr`: all
//!   arguments constant -> the constant result, with the exact semantics the backend uses:
//!   wrapping integer arithmetic; `int_floordiv`/`int_mod` round towards negative infinity
//!   like Python (never folded for a zero divisor or `MIN // -1`, whose behaviour the IR
//!   leaves undefined); shifts only with a count in `0..64`; IEEE arithmetic for floats
//!   (`cast_float_to_int` only when the float is finite and in range);
//! - integer identities: `add_zero`, `sub_zero`, `sub_self`, `mul_one`, `mul_zero`,
//!   `floordiv_one`, `mod_one`, `and_zero`, `and_minus_one`, `and_self`, `or_zero`,
//!   `or_minus_one`, `or_self`, `xor_zero`, `xor_self`, `shift_by_zero`, `shift_of_zero`,
//!   `neg_neg`, `invert_invert`, `cmp_self` (`x == x` is 1, `x < x` is 0, ...),
//!   `ptr_cmp_self`, `is_true_of_bool` (`int_is_true` of a comparison is the comparison),
//!   `bits_round_trip` (`float_bits_to_int(int_bits_to_float(x))` is `x`, and the other way
//!   round: our small language keeps floats as integer bits in frames);
//! - selections: `select_known_cond` (`int_select(1, a, b)` is `a`, `int_select(0, a, b)` is
//!   `b`, for each type, whatever the arms), `select_same_arms` (`int_select(c, a, a)` is `a`),
//!   `select_bool` (`int_select(c, 1, 0)` is `c` when `c` is 0 or 1: a comparison, or `and`,
//!   `or`, `xor` of comparisons), and
//!   `select_of_cmp` (`int_select(c, a, b)` whose condition is `int_is_true(x)` or
//!   `int_ne(x, 0)` selects on `x` itself: it only tests non-zero), and `select_implied` (a
//!   selection of any type, `select(c, a, b)`, is `a` if `a` is `b` wherever `c` is 0, found
//!   by evaluating `a` a few definitions deep with `c` replaced by 0; and `b` if `c` is 0 or 1
//!   and `b` is `a` wherever `c` is 1);
//! - `add_add_const`: `(x + c1) + c2` becomes `x + (c1 + c2)`, with `int_sub` of a constant
//!   read as adding its (wrapping) negation. This one rewrites the operation instead of
//!   replacing its result, so chains of pointer or counter steps collapse onto their first
//!   base (`((x + 1) + 1) - 2` is `x`, which lets peeling see a loop-invariant position);
//! - `pow2_divisor`: `int_mod(x, 2^k)` becomes `int_and(x, 2^k - 1)` and `int_floordiv(x, 2^k)`
//!   becomes `int_rshift(x, k)` (arithmetic) for 1 <= k <= 62: with floor semantics these are
//!   exact for every `x`, negative ones included (`-7 % 4 == 1 == -7 & 3`, `-7 // 4 == -2 ==
//!   -7 >> 2`), so no sign fix-up is needed; likewise `uint_mod` and `uint_floordiv`. Like
//!   `add_add_const` it rewrites the operation.
//!   Other constant divisors are left to the backend, which divides a non-negative dividend
//!   by a multiply-high and a shift, and a negative one (on a cold path) as `!(!x / c)`, with
//!   no divide and no floor fix-up (see `floor_magic` in `backend/codegen/arith.rs`);
//! - overflow-checked operations (`int_add_ovf`, ...) followed by `guard_no_overflow`: the
//!   identities above (which can never overflow) applied to the unchecked twin, and
//!   `const_fold_ovf`, which folds constant arguments only when the checked result does not
//!   overflow. The folded operation's `guard_no_overflow` is deleted with it. An operation
//!   followed by `guard_overflow`, or one whose constant arguments do overflow, is left alone:
//!   its guard always fails, and a guard that always fails must stay.
//!
//! Not done here: algebraic rules on floats (`x + 0.0` is not `x` for `x = -0.0`; `x * 0.0`
//! is not `0.0` for infinities and NaN), folding elidable calls with constant arguments (the
//! optimizer does not run helpers), anything that needs ranges (see `bounds.rs`) or needs to
//! recognise equal expressions (see `cse.rs`). Definitions of label arguments are kept (see
//! `util.rs`); an overflow-checked op whose result is a label argument and folds is turned
//! into its unchecked twin instead of being deleted.

use super::util::{is_boolean, Defs, Rewriter};
use crate::ir::*;

/// Runs constant folding and algebraic simplification over the trace.
pub fn run(t: &mut Trace) {
    let mut rw = Rewriter::new(t);
    let mut defs = Defs::default();
    let old = std::mem::take(&mut t.ops);
    let mut out = Vec::with_capacity(old.len());
    let mut ops = old.into_iter().peekable();
    while let Some(mut op) = ops.next() {
        if op.opcode == Opcode::Label {
            rw.enter_label();
            defs.retain(|&v, (_, args)| !rw.is_rebound(v) && !args.iter().any(|&a| rw.is_rebound_operand(a)));
        }
        rw.rewrite(&mut op);
        if let Some(r) = op.result {
            if op.opcode.is_pure() {
                if let Some((opcode, args)) = add_add_const(&defs, op.opcode, &op.args) {
                    // Rewritten in place; a combined constant of 0 is then `add_zero`.
                    op.opcode = opcode;
                    op.args = args;
                }
                if let Some((opcode, args)) = pow2_divisor(op.opcode, &op.args) {
                    op.opcode = opcode;
                    op.args = args;
                }
                if let Some(args) = select_of_cmp(&defs, op.opcode, &op.args) {
                    op.args = args;
                }
                if let Some(with) = simplify(&defs, op.opcode, &op.args, true) {
                    if rw.replace(r, with) {
                        continue;
                    }
                }
            } else if let Some(twin) = op.opcode.without_ovf() {
                let guarded = ops.peek().is_some_and(|g| g.opcode == Opcode::GuardNoOverflow);
                if let Some(with) = guarded.then(|| simplify_ovf(&defs, op.opcode, twin, &op.args)).flatten() {
                    ops.next(); // its guard_no_overflow can no longer fail
                    if rw.replace(r, with) {
                        continue;
                    }
                    // A label argument keeps its definition, now unchecked.
                    op.opcode = twin;
                }
            }
            defs.insert(r, (op.opcode, op.args.clone()));
        }
        out.push(op);
    }
    t.ops = out;
}

/// Tries the rules on a pure operation; `Some(operand)` is what its result equals.
/// `implied`: with `select_implied`, which evaluates with these rules but without itself (so
/// that one selection costs a bounded number of steps however selections nest).
fn simplify(defs: &Defs, opcode: Opcode, args: &[Operand], implied: bool) -> Option<Operand> {
    if let Some(arm) = select_known_cond(opcode, args) {
        return Some(arm);
    }
    if args.iter().all(|a| a.is_const()) {
        return const_fold_int(opcode, args)
            .or_else(|| const_fold_float(opcode, args))
            .or_else(|| const_fold_cast(opcode, args))
            .or_else(|| const_fold_ptr(opcode, args));
    }
    identities(defs, opcode, args, implied)
}

/// The rules for an overflow-checked operation followed by `guard_no_overflow`.
fn simplify_ovf(defs: &Defs, opcode: Opcode, twin: Opcode, args: &[Operand]) -> Option<Operand> {
    if args.iter().all(|a| a.is_const()) {
        return const_fold_ovf(opcode, args);
    }
    identities(defs, twin, args, true)
}

/// An algebraic rule that needs no definitions: `Some(operand)` is what the result equals.
type Rule = fn(Opcode, &[Operand]) -> Option<Operand>;

/// The algebraic identities, in order.
fn identities(defs: &Defs, opcode: Opcode, args: &[Operand], implied: bool) -> Option<Operand> {
    let rules: &[Rule] = &[
        add_zero,
        sub_zero,
        sub_self,
        mul_one,
        mul_zero,
        floordiv_one,
        mod_one,
        and_zero,
        and_minus_one,
        and_self,
        or_zero,
        or_minus_one,
        or_self,
        xor_zero,
        xor_self,
        shift_by_zero,
        shift_of_zero,
        cmp_self,
        ptr_cmp_self,
        select_same_arms,
    ];
    rules
        .iter()
        .find_map(|rule| rule(opcode, args))
        .or_else(|| neg_neg(defs, opcode, args))
        .or_else(|| invert_invert(defs, opcode, args))
        .or_else(|| is_true_of_bool(defs, opcode, args))
        .or_else(|| bits_round_trip(defs, opcode, args))
        .or_else(|| select_bool(defs, opcode, args))
        .or_else(|| if implied { select_implied(defs, opcode, args) } else { None })
}

fn int(x: i64) -> Option<Operand> {
    Some(Operand::Int(x))
}

fn flt(x: f64) -> Option<Operand> {
    Some(Operand::float(x))
}

fn bool_(b: bool) -> Option<Operand> {
    Some(Operand::Int(b as i64))
}

/// Python's `a // b`; `None` for a zero divisor or `MIN // -1`.
pub(crate) fn py_floordiv(a: i64, b: i64) -> Option<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    let q = a / b;
    Some(if a % b != 0 && ((a < 0) != (b < 0)) { q - 1 } else { q })
}

/// Python's `a % b`; `None` for a zero divisor or `MIN % -1`.
pub(crate) fn py_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    let r = a % b;
    Some(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
}

/// Rule `const_fold_int`: integer operations on constants.
fn const_fold_int(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    use Opcode::*;
    let a = args.first()?.as_int()?;
    if args.len() == 1 {
        return match opcode {
            IntNeg => int(a.wrapping_neg()),
            IntInvert => int(!a),
            IntIsZero => bool_(a == 0),
            IntIsTrue => bool_(a != 0),
            _ => None,
        };
    }
    let b = args.get(1)?.as_int()?;
    match opcode {
        IntAdd => int(a.wrapping_add(b)),
        IntSub => int(a.wrapping_sub(b)),
        IntMul => int(a.wrapping_mul(b)),
        IntFloorDiv => int(py_floordiv(a, b)?),
        IntMod => int(py_mod(a, b)?),
        // (The two agree where the unsigned forms' preconditions hold.)
        UintFloorDiv if a >= 0 && b > 0 => int(a / b),
        UintMod if a >= 0 && b > 0 => int(a % b),
        IntAnd => int(a & b),
        IntOr => int(a | b),
        IntXor => int(a ^ b),
        IntLshift if (0..64).contains(&b) => int(a.wrapping_shl(b as u32)),
        IntRshift if (0..64).contains(&b) => int(a >> b),
        IntLt => bool_(a < b),
        IntLe => bool_(a <= b),
        IntEq => bool_(a == b),
        IntNe => bool_(a != b),
        IntGt => bool_(a > b),
        IntGe => bool_(a >= b),
        UintLt => bool_((a as u64) < (b as u64)),
        _ => None,
    }
}

/// Rule `const_fold_float`: IEEE float arithmetic and comparisons on constants.
fn const_fold_float(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    use Opcode::*;
    let a = args.first()?.as_float()?;
    if args.len() == 1 {
        return match opcode {
            FloatNeg => flt(-a),
            FloatAbs => flt(a.abs()),
            FloatSqrt => flt(a.sqrt()),
            _ => None,
        };
    }
    let b = args.get(1)?.as_float()?;
    match opcode {
        FloatAdd => flt(a + b),
        FloatSub => flt(a - b),
        FloatMul => flt(a * b),
        FloatTrueDiv => flt(a / b),
        FloatLt => bool_(a < b),
        FloatLe => bool_(a <= b),
        FloatEq => bool_(a == b),
        FloatNe => bool_(a != b),
        FloatGt => bool_(a > b),
        FloatGe => bool_(a >= b),
        _ => None,
    }
}

/// Rule `const_fold_cast`: conversions between integers and floats on constants.
fn const_fold_cast(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    use Opcode::*;
    let a = *args.first()?;
    match (opcode, a) {
        (CastIntToFloat, Operand::Int(i)) => flt(i as f64),
        (IntBitsToFloat, Operand::Int(i)) => Some(Operand::Float(i as u64)),
        (FloatBitsToInt, Operand::Float(bits)) => int(bits as i64),
        (CastFloatToInt, Operand::Float(bits)) => {
            let x = f64::from_bits(bits).trunc();
            // -2^63 <= x < 2^63: representable, so `as` does not saturate.
            const TWO_63: f64 = 9_223_372_036_854_775_808.0;
            if x.is_finite() && (-TWO_63..TWO_63).contains(&x) {
                int(x as i64)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Rule `const_fold_ptr`: reference comparisons of constants.
fn const_fold_ptr(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    match (opcode, args) {
        (Opcode::PtrEq, [Operand::Ref(a), Operand::Ref(b)]) => bool_(a == b),
        (Opcode::PtrNe, [Operand::Ref(a), Operand::Ref(b)]) => bool_(a != b),
        _ => None,
    }
}

/// Rule `const_fold_ovf`: an overflow-checked op on constants that does not overflow.
fn const_fold_ovf(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    let (a, b) = (args.first()?.as_int()?, args.get(1)?.as_int()?);
    match opcode {
        Opcode::IntAddOvf => int(a.checked_add(b)?),
        Opcode::IntSubOvf => int(a.checked_sub(b)?),
        Opcode::IntMulOvf => int(a.checked_mul(b)?),
        _ => None,
    }
}

/// The two arguments of a binary op, either order for commutative ones: finds an argument
/// equal to `c` and returns the other one.
fn other_than(opcode: Opcode, args: &[Operand], c: Operand) -> Option<Operand> {
    match args {
        [x, y] if *y == c => Some(*x),
        [x, y] if *x == c && opcode.is_commutative() => Some(*y),
        _ => None,
    }
}

fn same_args(args: &[Operand]) -> Option<Operand> {
    match args {
        [x, y] if x == y => Some(*x),
        _ => None,
    }
}

/// Rule `add_zero`: `x + 0 = 0 + x = x`.
fn add_zero(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntAdd).then(|| other_than(opcode, args, Operand::Int(0)))?
}

/// Rule `sub_zero`: `x - 0 = x`.
fn sub_zero(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntSub).then(|| other_than(opcode, args, Operand::Int(0)))?
}

/// Rule `sub_self`: `x - x = 0`.
fn sub_self(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntSub && same_args(args).is_some()).then_some(Operand::Int(0))
}

/// Rule `mul_one`: `x * 1 = 1 * x = x`.
fn mul_one(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntMul).then(|| other_than(opcode, args, Operand::Int(1)))?
}

/// Rule `mul_zero`: `x * 0 = 0 * x = 0`.
fn mul_zero(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntMul && other_than(opcode, args, Operand::Int(0)).is_some()).then_some(Operand::Int(0))
}

/// Rule `floordiv_one`: `x // 1 = x`.
fn floordiv_one(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntFloorDiv).then(|| other_than(opcode, args, Operand::Int(1)))?
}

/// Rule `mod_one`: `x % 1 = 0`.
fn mod_one(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntMod && other_than(opcode, args, Operand::Int(1)).is_some()).then_some(Operand::Int(0))
}

/// Rule `and_zero`: `x & 0 = 0`.
fn and_zero(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntAnd && other_than(opcode, args, Operand::Int(0)).is_some()).then_some(Operand::Int(0))
}

/// Rule `and_minus_one`: `x & -1 = x`.
fn and_minus_one(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntAnd).then(|| other_than(opcode, args, Operand::Int(-1)))?
}

/// Rule `and_self`: `x & x = x`.
fn and_self(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntAnd).then(|| same_args(args))?
}

/// Rule `or_zero`: `x | 0 = x`.
fn or_zero(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntOr).then(|| other_than(opcode, args, Operand::Int(0)))?
}

/// Rule `or_minus_one`: `x | -1 = -1`.
fn or_minus_one(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntOr && other_than(opcode, args, Operand::Int(-1)).is_some()).then_some(Operand::Int(-1))
}

/// Rule `or_self`: `x | x = x`.
fn or_self(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntOr).then(|| same_args(args))?
}

/// Rule `xor_zero`: `x ^ 0 = x`.
fn xor_zero(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntXor).then(|| other_than(opcode, args, Operand::Int(0)))?
}

/// Rule `xor_self`: `x ^ x = 0`.
fn xor_self(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (opcode == Opcode::IntXor && same_args(args).is_some()).then_some(Operand::Int(0))
}

/// Rule `shift_by_zero`: `x << 0 = x >> 0 = x`.
fn shift_by_zero(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    matches!(opcode, Opcode::IntLshift | Opcode::IntRshift).then(|| other_than(opcode, args, Operand::Int(0)))?
}

/// Rule `shift_of_zero`: `0 << n = 0 >> n = 0` (the count is always in range).
fn shift_of_zero(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    (matches!(opcode, Opcode::IntLshift | Opcode::IntRshift) && args.first() == Some(&Operand::Int(0)))
        .then_some(Operand::Int(0))
}

/// Rule `cmp_self`: an integer compared with itself (`x == x`, `x <= x`, `x >= x` are 1;
/// `x != x`, `x < x`, `x > x`, `uint_lt(x, x)` are 0).
fn cmp_self(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    use Opcode::*;
    same_args(args)?;
    match opcode {
        IntEq | IntLe | IntGe => int(1),
        IntNe | IntLt | IntGt | UintLt => int(0),
        _ => None,
    }
}

/// Rule `ptr_cmp_self`: `ptr_eq(p, p) = 1`, `ptr_ne(p, p) = 0`.
fn ptr_cmp_self(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    same_args(args)?;
    match opcode {
        Opcode::PtrEq => int(1),
        Opcode::PtrNe => int(0),
        _ => None,
    }
}

/// The definition of an operand, if it is a value defined by a kept operation.
fn def_of<'a>(defs: &'a Defs, o: &Operand) -> Option<&'a (Opcode, Vec<Operand>)> {
    defs.get(&o.as_value()?)
}

/// Rule `neg_neg`: `-(-x) = x`.
fn neg_neg(defs: &Defs, opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    match (opcode, def_of(defs, args.first()?)) {
        (Opcode::IntNeg, Some((Opcode::IntNeg, inner))) => Some(inner[0]),
        _ => None,
    }
}

/// Rule `invert_invert`: `~~x = x`.
fn invert_invert(defs: &Defs, opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    match (opcode, def_of(defs, args.first()?)) {
        (Opcode::IntInvert, Some((Opcode::IntInvert, inner))) => Some(inner[0]),
        _ => None,
    }
}

/// Rule `is_true_of_bool`: `int_is_true(c) = c` when `c` is a comparison (0 or 1).
fn is_true_of_bool(defs: &Defs, opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    match (opcode, def_of(defs, args.first()?)) {
        (Opcode::IntIsTrue, Some((inner, _))) if is_boolean(*inner) => Some(args[0]),
        _ => None,
    }
}

/// Rule `select_known_cond`: a selection on a constant condition is the arm it picks.
fn select_known_cond(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    match (opcode.is_select(), args) {
        (true, [Operand::Int(c), a, b]) => Some(if *c != 0 { *a } else { *b }),
        _ => None,
    }
}

/// Rule `select_same_arms`: `select(c, a, a) = a`.
fn select_same_arms(opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    match (opcode.is_select(), args) {
        (true, [_, a, b]) if a == b => Some(*a),
        _ => None,
    }
}

/// Rule `select_bool`: `int_select(c, 1, 0) = c` when `c` is 0 or 1 (a comparison, or `and`,
/// `or`, `xor` of such: see [`is_flag`]).
fn select_bool(defs: &Defs, opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    match (opcode, args) {
        (Opcode::IntSelect, &[c @ Operand::Value(_), Operand::Int(1), Operand::Int(0)]) if is_flag(defs, c, 3) => {
            Some(c)
        }
        _ => None,
    }
}

/// Rule `select_implied`: `select(c, a, b)` is `a` when `a` equals `b` on every execution
/// where `c` is 0, and `b` when `b` equals `a` wherever `c` is 1 (for a `c` that is 0 or 1,
/// see [`is_flag`]). If-conversion nests selections whose arms only differ where the condition
/// holds: merging `if even and j > 500: count += 1` gives `count + select(.., even, 0)` under
/// two selections on `even` and `even and not j > 500`, which are both the sum itself.
/// Which arm is which is decided by [`given`], a bounded evaluation of the arm with the
/// condition replaced by its value.
fn select_implied(defs: &Defs, opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    let (true, &[Operand::Value(c), a, b]) = (opcode.is_select(), args) else { return None };
    let (mut steps, mut more_steps) = (GIVEN_STEPS, GIVEN_STEPS);
    if given(defs, a, c, 0, &mut steps) == b {
        return Some(a);
    }
    (is_flag(defs, Operand::Value(c), 3) && given(defs, b, c, 1, &mut more_steps) == a).then_some(b)
}

/// Whether `o` is 0 or 1: a comparison, `or`, `xor` or a selection of such values, or an `and`
/// with one, looking `depth` definitions deep.
fn is_flag(defs: &Defs, o: Operand, depth: u32) -> bool {
    match o {
        Operand::Int(0 | 1) => true,
        Operand::Value(v) => match defs.get(&v) {
            Some((opcode, _)) if is_boolean(*opcode) => true,
            Some((Opcode::IntAnd, args)) if depth > 0 => args.iter().any(|&a| is_flag(defs, a, depth - 1)),
            Some((Opcode::IntOr | Opcode::IntXor, args)) if depth > 0 => {
                args.iter().all(|&a| is_flag(defs, a, depth - 1))
            }
            Some((Opcode::IntSelect, args)) if depth > 0 => args[1..].iter().all(|&a| is_flag(defs, a, depth - 1)),
            _ => false,
        },
        _ => false,
    }
}

/// Definitions [`given`] may look through for one arm (the nests it is for are a few
/// operations deep; the bound keeps a wide expression from costing more).
const GIVEN_STEPS: u32 = 24;

/// What `o` equals on the executions where value `c` is `k`: an operand that exists where
/// `o` does (a constant, an earlier value, or `o` itself, which is always right). Pure
/// operations (and checked ones, whose results reaching this point did not overflow, or
/// wrapped, as their unchecked twins) are evaluated on their arguments' values under the
/// assumption and simplified by the rules of this pass (but `select_implied`); anything
/// else, and anything past `steps` definitions, is itself.
fn given(defs: &Defs, o: Operand, c: Value, k: i64, steps: &mut u32) -> Operand {
    let Operand::Value(v) = o else { return o };
    if v == c {
        return Operand::Int(k);
    }
    let Some((opcode, args)) = defs.get(&v).filter(|_| *steps > 0) else { return o };
    *steps -= 1;
    let opcode = opcode.without_ovf().unwrap_or(*opcode);
    if !opcode.is_pure() {
        return o;
    }
    let now: Vec<Operand> = args.iter().map(|&a| given(defs, a, c, k, steps)).collect();
    if now == *args {
        return o;
    }
    simplify(defs, opcode, &now, false).unwrap_or(o)
}

/// Rule `select_of_cmp`: a selection whose condition is `int_is_true(x)` or `int_ne(x, 0)`
/// (either order) selects on `x` itself, which the backend tests for non-zero anyway; it
/// rewrites the operation's condition (the comparison stays while something else uses it).
fn select_of_cmp(defs: &Defs, opcode: Opcode, args: &[Operand]) -> Option<Vec<Operand>> {
    if !opcode.is_select() {
        return None;
    }
    let x = match def_of(defs, args.first()?)? {
        (Opcode::IntIsTrue, a) => a[0],
        (Opcode::IntNe, a) if a[1] == Operand::Int(0) => a[0],
        (Opcode::IntNe, a) if a[0] == Operand::Int(0) => a[1],
        _ => return None,
    };
    let mut out = args.to_vec();
    out[0] = x;
    Some(out)
}

/// Rule `bits_round_trip`: `float_bits_to_int(int_bits_to_float(x)) = x` and
/// `int_bits_to_float(float_bits_to_int(x)) = x` (both reinterpret bits exactly, NaN payloads
/// included).
fn bits_round_trip(defs: &Defs, opcode: Opcode, args: &[Operand]) -> Option<Operand> {
    use Opcode::*;
    match (opcode, def_of(defs, args.first()?)) {
        (FloatBitsToInt, Some((IntBitsToFloat, inner))) | (IntBitsToFloat, Some((FloatBitsToInt, inner))) => {
            Some(inner[0])
        }
        _ => None,
    }
}

/// A plain `int_add` or `int_sub` of a value and a constant, as `(x, c)` meaning `x + c`
/// (wrapping: `x - c` is `x + c.wrapping_neg()`, also for `c = i64::MIN`, whose negation
/// wraps to itself and `x - MIN == x + MIN` modulo 2^64).
fn as_add_const(opcode: Opcode, args: &[Operand]) -> Option<(Operand, i64)> {
    match (opcode, args) {
        (Opcode::IntAdd, &[x @ Operand::Value(_), Operand::Int(c)])
        | (Opcode::IntAdd, &[Operand::Int(c), x @ Operand::Value(_)]) => Some((x, c)),
        (Opcode::IntSub, &[x @ Operand::Value(_), Operand::Int(c)]) => Some((x, c.wrapping_neg())),
        _ => None,
    }
}

/// Rule `add_add_const`: `(x + c1) + c2 = x + (c1 + c2)`, wrapping, where either addition may
/// be an `int_sub` of a constant (`x - c = x + -c`); only plain (not overflow-checked)
/// operations. Unlike the other rules it rewrites the operation rather than replacing its
/// result: it returns the new `int_add(x, c1 + c2)`, which `add_zero` then turns into `x`
/// when the constants cancel. The inner operation stays (DCE drops it if it becomes unused).
fn add_add_const(defs: &Defs, opcode: Opcode, args: &[Operand]) -> Option<(Opcode, Vec<Operand>)> {
    let (y, c2) = as_add_const(opcode, args)?;
    let (inner, inner_args) = def_of(defs, &y)?;
    let (x, c1) = as_add_const(*inner, inner_args)?;
    Some((Opcode::IntAdd, vec![x, Operand::Int(c1.wrapping_add(c2))]))
}

/// Rule `pow2_divisor`: floor modulo and floor division by a positive power of two as a mask
/// and an arithmetic shift (see the module docs). Returns the rewritten operation.
fn pow2_divisor(opcode: Opcode, args: &[Operand]) -> Option<(Opcode, Vec<Operand>)> {
    let (&[x @ Operand::Value(_), Operand::Int(d)], true) = (args, d_is_pow2(args)) else { return None };
    match opcode {
        Opcode::IntMod | Opcode::UintMod => Some((Opcode::IntAnd, vec![x, Operand::Int(d - 1)])),
        Opcode::IntFloorDiv | Opcode::UintFloorDiv => {
            Some((Opcode::IntRshift, vec![x, Operand::Int(d.trailing_zeros() as i64)]))
        }
        _ => None,
    }
}

/// Whether the second argument is a constant 2^k with 1 <= k <= 62.
fn d_is_pow2(args: &[Operand]) -> bool {
    matches!(args, [_, Operand::Int(d)] if *d > 1 && (*d as u64).is_power_of_two())
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn fold(input: &str, expected: &str) {
        check(run, input, expected);
    }

    /// Wraps `body` (which uses i0, i1 and defines i2) in a trace returning i2.
    fn unary(body: &str, expected_arg: &str) {
        fold(&format!("inputs(i0, i1)\n{body}\nfinish(i2)\n"), &format!("inputs(i0, i1)\nfinish({expected_arg})\n"));
    }

    #[test]
    fn const_fold_int() {
        unary("i2 = int_add(40, 2)", "42");
        unary("i2 = int_add(9223372036854775807, 1)", "-9223372036854775808");
        unary("i2 = int_sub(1, 3)", "-2");
        unary("i2 = int_mul(4611686018427387904, 2)", "-9223372036854775808");
        unary("i2 = int_and(12, 10)", "8");
        unary("i2 = int_or(12, 10)", "14");
        unary("i2 = int_xor(12, 10)", "6");
        unary("i2 = int_lshift(1, 63)", "-9223372036854775808");
        unary("i2 = int_rshift(-16, 2)", "-4");
        unary("i2 = int_neg(-9223372036854775808)", "-9223372036854775808");
        unary("i2 = int_invert(0)", "-1");
        unary("i2 = int_lt(1, 2)", "1");
        unary("i2 = int_ge(1, 2)", "0");
        unary("i2 = uint_lt(-1, 2)", "0");
        unary("i2 = int_is_zero(0)", "1");
        unary("i2 = int_is_true(0)", "0");
    }

    #[test]
    fn const_fold_int_floor_division() {
        unary("i2 = int_floordiv(7, 2)", "3");
        unary("i2 = int_floordiv(-7, 2)", "-4");
        unary("i2 = int_floordiv(7, -2)", "-4");
        unary("i2 = int_floordiv(-7, -2)", "3");
        unary("i2 = int_mod(-7, 2)", "1");
        unary("i2 = int_mod(7, -2)", "-1");
        unary("i2 = int_mod(-6, 3)", "0");
        unary("i2 = uint_floordiv(7, 2)", "3");
        unary("i2 = uint_mod(7, 2)", "1");
    }

    #[test]
    fn pow2_divisor() {
        let one = |body: &str, want: &str| {
            fold(&format!("inputs(i0)\ni1 = {body}\nfinish(i1)\n"), &format!("inputs(i0)\ni1 = {want}\nfinish(i1)\n"))
        };
        one("int_mod(i0, 2)", "int_and(i0, 1)");
        one("int_mod(i0, 1024)", "int_and(i0, 1023)");
        one("int_mod(i0, 4611686018427387904)", "int_and(i0, 4611686018427387903)");
        one("int_floordiv(i0, 8)", "int_rshift(i0, 3)");
        one("int_floordiv(i0, 4611686018427387904)", "int_rshift(i0, 62)");
        one("uint_mod(i0, 16)", "int_and(i0, 15)");
        one("uint_floordiv(i0, 16)", "int_rshift(i0, 4)");
        // Not powers of two, negative, a constant dividend, or a variable divisor: unchanged.
        for body in
            ["int_mod(i0, 6)", "int_mod(i0, -4)", "int_floordiv(i0, -2)", "int_mod(8, i0)", "int_floordiv(i0, i0)"]
        {
            one(body, body);
        }
        // By 1 it is still `mod_one` / `floordiv_one`.
        fold("inputs(i0)\ni1 = int_mod(i0, 1)\nfinish(i1)\n", "inputs(i0)\nfinish(0)\n");
        fold("inputs(i0)\ni1 = int_floordiv(i0, 1)\nfinish(i1)\n", "inputs(i0)\nfinish(i0)\n");
    }

    /// The rewrite is exact for negative dividends and the extremes (floor semantics).
    #[test]
    fn pow2_divisor_matches_floor_semantics() {
        use super::{py_floordiv, py_mod};
        for x in [i64::MIN, i64::MIN + 1, -9, -8, -7, -1, 0, 1, 7, 8, 9, i64::MAX] {
            for k in 1..=62 {
                let d = 1i64 << k;
                assert_eq!(py_mod(x, d), Some(x & (d - 1)), "{x} % {d}");
                assert_eq!(py_floordiv(x, d), Some(x >> k), "{x} // {d}");
            }
        }
    }

    #[test]
    fn const_fold_leaves_undefined_operations() {
        for src in [
            "inputs(i0)\ni1 = int_floordiv(5, 0)\nfinish(i1)\n",
            "inputs(i0)\ni1 = int_mod(-9223372036854775808, -1)\nfinish(i1)\n",
            "inputs(i0)\ni1 = int_lshift(1, 64)\nfinish(i1)\n",
        ] {
            fold(src, src);
        }
    }

    #[test]
    fn const_fold_float() {
        fold("inputs(f0)\nf1 = float_add(1.5, 2.25)\nfinish(f1)\n", "inputs(f0)\nfinish(3.75)\n");
        fold("inputs(f0)\nf1 = float_truediv(1.0, 0.0)\nfinish(f1)\n", "inputs(f0)\nfinish(inf)\n");
        fold("inputs(f0)\nf1 = float_neg(0.0)\nfinish(f1)\n", "inputs(f0)\nfinish(-0.0)\n");
        fold("inputs(f0)\nf1 = float_sqrt(2.25)\nfinish(f1)\n", "inputs(f0)\nfinish(1.5)\n");
        fold("inputs(f0)\ni1 = float_lt(1.0, 2.0)\nfinish(i1)\n", "inputs(f0)\nfinish(1)\n");
        fold("inputs(f0)\nf1 = float_sub(0.0, NaN)\ni2 = float_ne(f1, f1)\nfinish(i2)\n", "inputs(f0)\nfinish(1)\n");
    }

    #[test]
    fn const_fold_cast() {
        fold("inputs(i0)\nf1 = cast_int_to_float(3)\nfinish(f1)\n", "inputs(i0)\nfinish(3.0)\n");
        fold("inputs(i0)\ni1 = cast_float_to_int(-2.75)\nfinish(i1)\n", "inputs(i0)\nfinish(-2)\n");
        fold("inputs(i0)\ni1 = float_bits_to_int(1.0)\nfinish(i1)\n", "inputs(i0)\nfinish(4607182418800017408)\n");
        fold("inputs(i0)\nf1 = int_bits_to_float(4607182418800017408)\nfinish(f1)\n", "inputs(i0)\nfinish(1.0)\n");
        let out_of_range = "inputs(i0)\ni1 = cast_float_to_int(1e19)\nfinish(i1)\n";
        fold(out_of_range, out_of_range);
    }

    #[test]
    fn const_fold_ptr() {
        fold("inputs(i0)\ni1 = ptr_eq(ConstPtr(0), NULL)\nfinish(i1)\n", "inputs(i0)\nfinish(0)\n");
        fold("inputs(i0)\ni1 = ptr_ne(ConstPtr(0), ConstPtr(1))\nfinish(i1)\n", "inputs(i0)\nfinish(1)\n");
    }

    /// One test per identity rule: `rule_test!(rule, "i2 = ...", "what i2 becomes")`, with
    /// inputs i0 and i1.
    macro_rules! rule_test {
        ($name:ident, $($body:literal => $expected:literal),+) => {
            #[test]
            fn $name() {
                $(unary($body, $expected);)+
            }
        };
    }

    rule_test!(add_zero, "i2 = int_add(i0, 0)" => "i0", "i2 = int_add(0, i1)" => "i1");
    rule_test!(sub_zero, "i2 = int_sub(i0, 0)" => "i0");
    rule_test!(sub_self, "i2 = int_sub(i1, i1)" => "0");
    rule_test!(mul_one, "i2 = int_mul(1, i0)" => "i0", "i2 = int_mul(i1, 1)" => "i1");
    rule_test!(mul_zero, "i2 = int_mul(i0, 0)" => "0", "i2 = int_mul(0, i1)" => "0");
    rule_test!(floordiv_one, "i2 = int_floordiv(i0, 1)" => "i0");
    rule_test!(mod_one, "i2 = int_mod(i0, 1)" => "0");
    rule_test!(and_zero, "i2 = int_and(i0, 0)" => "0");
    rule_test!(and_minus_one, "i2 = int_and(-1, i0)" => "i0");
    rule_test!(and_self, "i2 = int_and(i1, i1)" => "i1");
    rule_test!(or_zero, "i2 = int_or(i0, 0)" => "i0");
    rule_test!(or_minus_one, "i2 = int_or(i0, -1)" => "-1");
    rule_test!(or_self, "i2 = int_or(i0, i0)" => "i0");
    rule_test!(xor_zero, "i2 = int_xor(0, i0)" => "i0");
    rule_test!(xor_self, "i2 = int_xor(i0, i0)" => "0");
    rule_test!(shift_by_zero, "i2 = int_lshift(i0, 0)" => "i0", "i2 = int_rshift(i1, 0)" => "i1");
    rule_test!(shift_of_zero, "i2 = int_rshift(0, i1)" => "0", "i2 = int_lshift(0, i0)" => "0");

    #[test]
    fn non_commutative_rules_need_the_constant_on_the_right() {
        for src in [
            "inputs(i0)\ni1 = int_sub(0, i0)\nfinish(i1)\n",
            "inputs(i0)\ni1 = int_floordiv(1, i0)\nfinish(i1)\n",
            "inputs(i0)\ni1 = int_lshift(1, i0)\nfinish(i1)\n",
        ] {
            fold(src, src);
        }
    }

    #[test]
    fn neg_neg() {
        fold(
            "inputs(i0)\ni1 = int_neg(i0)\ni2 = int_neg(i1)\nfinish(i2, i1)\n",
            "inputs(i0)\ni1 = int_neg(i0)\nfinish(i0, i1)\n",
        );
    }

    #[test]
    fn invert_invert() {
        fold(
            "inputs(i0)\ni1 = int_invert(i0)\ni2 = int_invert(i1)\nfinish(i2)\n",
            "inputs(i0)\ni1 = int_invert(i0)\nfinish(i0)\n",
        );
    }

    #[test]
    fn cmp_self() {
        unary("i2 = int_eq(i0, i0)", "1");
        unary("i2 = int_le(i0, i0)", "1");
        unary("i2 = int_lt(i0, i0)", "0");
        unary("i2 = uint_lt(i0, i0)", "0");
        // Not for floats: NaN != NaN.
        let float = "inputs(f0)\ni1 = float_eq(f0, f0)\nfinish(i1)\n";
        fold(float, float);
    }

    #[test]
    fn ptr_cmp_self() {
        fold("inputs(p0)\ni1 = ptr_eq(p0, p0)\ni2 = ptr_ne(p0, p0)\nfinish(i1, i2)\n", "inputs(p0)\nfinish(1, 0)\n");
    }

    #[test]
    fn select_known_cond() {
        unary("i2 = int_select(1, i0, i1)", "i0");
        unary("i2 = int_select(-5, i0, i1)", "i0");
        unary("i2 = int_select(0, i0, i1)", "i1");
        unary("i2 = int_select(0, 3, 4)", "4");
        fold("inputs(f0, f1)\nf2 = float_select(0, f0, f1)\nfinish(f2)\n", "inputs(f0, f1)\nfinish(f1)\n");
        fold("inputs(p0, p1)\np2 = ptr_select(1, p0, p1)\nfinish(p2)\n", "inputs(p0, p1)\nfinish(p0)\n");
    }

    #[test]
    fn select_same_arms() {
        unary("i2 = int_select(i0, i1, i1)", "i1");
        fold("inputs(i0, p1)\np2 = ptr_select(i0, p1, p1)\nfinish(p2)\n", "inputs(i0, p1)\nfinish(p1)\n");
        let different = "inputs(i0, i1)\ni2 = int_select(i0, i1, i0)\nfinish(i2)\n";
        fold(different, different);
    }

    #[test]
    fn select_implied() {
        // count + (even ? 1 : 0): where even is 0 the sum is count, so the outer select is it.
        fold(
            "inputs(i0, i1)\ni2 = int_select(i1, 1, 0)\ni3 = int_add(i0, i2)\ni4 = int_select(i1, i3, i0)\nfinish(i4)\n",
            "inputs(i0, i1)\ni2 = int_select(i1, 1, 0)\ni3 = int_add(i0, i2)\nfinish(i3)\n",
        );
        // The nest if-conversion makes of `if even and j > 500: count += 1` (checked sum).
        fold(
            "inputs(i0, i1, i2)\ni3 = int_eq(i1, 0)\ni4 = int_gt(i2, 500)\ni5 = int_is_zero(i4)\n\
             i6 = int_and(i3, i5)\ni7 = int_is_zero(i6)\ni8 = int_select(i7, i3, 0)\n\
             i9 = int_add_ovf(i0, i8)\nguard_no_overflow() [k: i0]\ni10 = int_select(i3, i9, i0)\n\
             i11 = int_select(i6, i0, i10)\nfinish(i11)\n",
            "inputs(i0, i1, i2)\ni3 = int_eq(i1, 0)\ni4 = int_gt(i2, 500)\ni5 = int_is_zero(i4)\n\
             i6 = int_and(i3, i5)\ni7 = int_is_zero(i6)\ni8 = int_select(i7, i3, 0)\n\
             i9 = int_add_ovf(i0, i8)\nguard_no_overflow() [k: i0]\nfinish(i9)\n",
        );
        // The true arm, for a comparison: where i2 is 1, i3 = i1 * i2 is i1.
        fold(
            "inputs(i0, i1)\ni2 = int_lt(i0, 5)\ni3 = int_mul(i1, i2)\ni4 = int_select(i2, i1, i3)\nfinish(i4)\n",
            "inputs(i0, i1)\ni2 = int_lt(i0, 5)\ni3 = int_mul(i1, i2)\nfinish(i3)\n",
        );
        // Not for a condition that may be 7: i1 * i0 is not i1 there.
        let not_bool = "inputs(i0, i1)\ni3 = int_mul(i1, i0)\ni4 = int_select(i0, i1, i3)\nfinish(i4)\n";
        fold(not_bool, not_bool);
        // A long chain of selections on one condition, each the true arm of the next, whose
        // false arm is i0: where i1 is 0 each is i0, so each is the one before it.
        let mut chain = String::from("inputs(i0, i1)\ni2 = int_select(i1, i1, i0)\n");
        for k in 3..400 {
            chain += &format!("i{k} = int_select(i1, i{}, i0)\n", k - 1);
        }
        fold(&(chain + "finish(i399)\n"), "inputs(i0, i1)\ni2 = int_select(i1, i1, i0)\nfinish(i2)\n");
        // Selections nested in each other's arms that do not fold (where i0 is 0, the odd ones
        // are all i3 and the even ones i2): each looks a bounded way down, not through every
        // selection below it in turn (which took time exponential in the depth).
        let mut nest = String::from("inputs(i0, i1)\ni2 = int_add(i0, i1)\ni3 = int_sub(i0, i1)\n");
        for k in 4..400 {
            nest += &format!("i{k} = int_select(i0, i{}, i{})\n", k - 1, k - 2);
        }
        let nest = nest + "finish(i399)\n";
        fold(&nest, &nest);
        // Arms that differ where the condition is 0 stay.
        let differ = "inputs(i0, i1)\ni2 = int_add(i0, 1)\ni3 = int_select(i1, i2, i0)\nfinish(i3)\n";
        fold(differ, differ);
    }

    #[test]
    fn select_bool() {
        fold(
            "inputs(i0)\ni1 = int_lt(i0, 5)\ni2 = int_select(i1, 1, 0)\nfinish(i2)\n",
            "inputs(i0)\ni1 = int_lt(i0, 5)\nfinish(i1)\n",
        );
        // Both comparisons, so their `and` is 0 or 1 too.
        fold(
            "inputs(i0)\ni1 = int_lt(i0, 5)\ni2 = int_gt(i0, 1)\ni3 = int_and(i1, i2)\ni4 = int_select(i3, 1, 0)\nfinish(i4)\n",
            "inputs(i0)\ni1 = int_lt(i0, 5)\ni2 = int_gt(i0, 1)\ni3 = int_and(i1, i2)\nfinish(i3)\n",
        );
        // An `and` with one comparison, an `xor` of two, a selection between two.
        for flag in ["int_and(i1, i0)", "int_xor(i1, i2)", "int_select(i0, i1, i2)"] {
            let body = format!("inputs(i0)\ni1 = int_lt(i0, 5)\ni2 = int_gt(i0, 1)\ni3 = {flag}\n");
            fold(&format!("{body}i4 = int_select(i3, 1, 0)\nfinish(i4)\n"), &format!("{body}finish(i3)\n"));
        }
        // Not a comparison: i0 may be 7, and the selection gives 1.
        let not_bool = "inputs(i0)\ni1 = int_select(i0, 1, 0)\nfinish(i1)\n";
        fold(not_bool, not_bool);
        // An `or` with something that is not 0 or 1 may be 2.
        let not_bool =
            "inputs(i0, i2)\ni1 = int_lt(i0, 5)\ni3 = int_or(i1, i2)\ni4 = int_select(i3, 1, 0)\nfinish(i4)\n";
        fold(not_bool, not_bool);
        // The other way round is a negation, not the condition.
        let negated = "inputs(i0)\ni1 = int_lt(i0, 5)\ni2 = int_select(i1, 0, 1)\nfinish(i2)\n";
        fold(negated, negated);
    }

    #[test]
    fn select_of_cmp() {
        fold(
            "inputs(i0, i1)\ni2 = int_ne(i0, 0)\ni3 = int_select(i2, i1, 7)\nfinish(i3)\n",
            "inputs(i0, i1)\ni2 = int_ne(i0, 0)\ni3 = int_select(i0, i1, 7)\nfinish(i3)\n",
        );
        fold(
            "inputs(i0, i1)\ni2 = int_is_true(i0)\ni3 = int_select(i2, i1, 7)\nfinish(i3)\n",
            "inputs(i0, i1)\ni2 = int_is_true(i0)\ni3 = int_select(i0, i1, 7)\nfinish(i3)\n",
        );
        // `x == 0` is not `x`.
        let eq = "inputs(i0, i1)\ni2 = int_eq(i0, 0)\ni3 = int_select(i2, i1, 7)\nfinish(i3)\n";
        fold(eq, eq);
    }

    #[test]
    fn is_true_of_bool() {
        fold(
            "inputs(i0)\ni1 = int_lt(i0, 5)\ni2 = int_is_true(i1)\nfinish(i2)\n",
            "inputs(i0)\ni1 = int_lt(i0, 5)\nfinish(i1)\n",
        );
        let not_bool = "inputs(i0)\ni1 = int_is_true(i0)\nfinish(i1)\n";
        fold(not_bool, not_bool);
    }

    #[test]
    fn add_add_const() {
        // Constants combine, in either argument order and through int_sub; the inner
        // operation stays while it is used.
        fold(
            "inputs(i0)\ni1 = int_add(i0, 3)\ni2 = int_add(4, i1)\ni3 = int_sub(i2, 10)\ni4 = int_add(i3, 1)\n\
             finish(i1, i4)\n",
            "inputs(i0)\ni1 = int_add(i0, 3)\ni2 = int_add(i0, 7)\ni3 = int_add(i0, -3)\ni4 = int_add(i0, -2)\n\
             finish(i1, i4)\n",
        );
        fold(
            "inputs(i0)\ni1 = int_sub(i0, 5)\ni2 = int_add(i1, 2)\nfinish(i2)\n",
            "inputs(i0)\ni1 = int_sub(i0, 5)\ni2 = int_add(i0, -3)\nfinish(i2)\n",
        );
        // Constants that cancel give x itself (the bf pointer moving +1, +1, +1, -3).
        fold(
            "inputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_add(i1, 1)\ni3 = int_add(i2, 1)\ni4 = int_add(i3, -3)\nfinish(i4)\n",
            "inputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_add(i0, 2)\ni3 = int_add(i0, 3)\nfinish(i0)\n",
        );
        fold(
            "inputs(i0)\ni1 = int_sub(i0, 4)\ni2 = int_sub(i1, -4)\nfinish(i2)\n",
            "inputs(i0)\ni1 = int_sub(i0, 4)\nfinish(i0)\n",
        );
    }

    #[test]
    fn add_add_const_wraps_and_handles_min() {
        // x - MIN - MIN = x - 2 * MIN = x (mod 2^64); x - MIN + 1 = x + MIN + 1.
        fold(
            "inputs(i0)\ni1 = int_sub(i0, -9223372036854775808)\ni2 = int_sub(i1, -9223372036854775808)\n\
             i3 = int_add(i1, 1)\nfinish(i2, i3)\n",
            "inputs(i0)\ni1 = int_sub(i0, -9223372036854775808)\ni2 = int_add(i0, -9223372036854775807)\n\
             finish(i0, i2)\n",
        );
        fold(
            "inputs(i0)\ni1 = int_add(i0, 9223372036854775807)\ni2 = int_add(i1, 1)\nfinish(i2)\n",
            "inputs(i0)\ni1 = int_add(i0, 9223372036854775807)\ni2 = int_add(i0, -9223372036854775808)\nfinish(i2)\n",
        );
    }

    #[test]
    fn add_add_const_not_for_ovf_or_non_constants() {
        for src in [
            "inputs(i0)\ni1 = int_add_ovf(i0, 1)\nguard_no_overflow() [k: i0]\ni2 = int_add(i1, 1)\nfinish(i2)\n",
            "inputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_add_ovf(i1, 1)\nguard_no_overflow() [k: i0]\nfinish(i2)\n",
            "inputs(i0, i1)\ni2 = int_add(i0, i1)\ni3 = int_add(i2, 1)\nfinish(i3)\n",
            "inputs(i0)\ni1 = int_sub(1, i0)\ni2 = int_add(i1, 1)\nfinish(i2)\n",
        ] {
            fold(src, src);
        }
    }

    #[test]
    fn add_add_const_does_not_look_through_label_arguments() {
        // After the label, i1 is the loop-carried value, not the preamble's i0 + 1.
        fold(
            "inputs(i0)\ni1 = int_add(i0, 1)\nlabel(i1)\ni2 = int_add(i1, 1)\ni3 = int_add(i2, 1)\njump(i3)\n",
            "inputs(i0)\ni1 = int_add(i0, 1)\nlabel(i1)\ni2 = int_add(i1, 1)\ni3 = int_add(i1, 2)\njump(i3)\n",
        );
    }

    #[test]
    fn bits_round_trip() {
        fold(
            "inputs(i0, f1)\nf2 = int_bits_to_float(i0)\ni3 = float_bits_to_int(f2)\ni4 = float_bits_to_int(f1)\n\
             f5 = int_bits_to_float(i4)\nfinish(i3, f5)\n",
            "inputs(i0, f1)\nf2 = int_bits_to_float(i0)\ni3 = float_bits_to_int(f1)\nfinish(i0, f1)\n",
        );
    }

    #[test]
    fn substitution_reaches_snapshots_and_chains() {
        fold(
            "inputs(i0)\ni1 = int_add(2, 3)\ni2 = int_mul(i1, i0)\ni3 = int_lt(i1, i2)\n\
             guard_true(i3) [k: i0, i1, i2]\njump(i1)\n",
            "inputs(i0)\ni1 = int_mul(5, i0)\ni2 = int_lt(5, i1)\nguard_true(i2) [k: i0, 5, i1]\njump(5)\n",
        );
    }

    #[test]
    fn const_fold_ovf_drops_its_guard() {
        fold(
            "inputs(i0)\ni1 = int_add_ovf(40, 2)\nguard_no_overflow() [k: i0]\ni2 = int_sub_ovf(i0, 0)\n\
             guard_no_overflow() [k: i0]\ni3 = int_mul_ovf(1, i2)\nguard_no_overflow() [k: i0]\nfinish(i1, i3)\n",
            "inputs(i0)\nfinish(42, i0)\n",
        );
    }

    #[test]
    fn ovf_that_always_overflows_or_guard_overflow_stays() {
        let overflows =
            "inputs(i0)\ni1 = int_add_ovf(9223372036854775807, 1)\nguard_no_overflow() [k: i0]\nfinish(i1)\n";
        fold(overflows, overflows);
        let expects_overflow = "inputs(i0)\ni1 = int_add_ovf(i0, 0)\nguard_overflow() [k: i0]\nfinish(i1)\n";
        fold(expects_overflow, expects_overflow);
    }

    #[test]
    fn label_arguments_keep_their_definitions() {
        // i1 is a loop slot: it folds to 5 in the preamble but must stay defined, and the
        // loop body's use of it is not replaced (there it is the loop-carried value).
        fold(
            "inputs(i0)\ni1 = int_add(2, 3)\ni2 = int_add(i1, 1)\nlabel(i1)\ni3 = int_add(i1, 1)\njump(i3)\n",
            "inputs(i0)\ni1 = int_add(2, 3)\nlabel(i1)\ni2 = int_add(i1, 1)\njump(i2)\n",
        );
        fold(
            "inputs(i0)\ni1 = int_add_ovf(2, 3)\nguard_no_overflow() [k: i0]\nlabel(i1)\n\
             i2 = int_add_ovf(i1, 0)\nguard_no_overflow() [k: i1]\njump(i2)\n",
            "inputs(i0)\ni1 = int_add(2, 3)\nlabel(i1)\njump(i1)\n",
        );
    }
}
