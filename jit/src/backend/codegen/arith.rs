//! Integer arithmetic `Codegen::op` lowers specially: products by constants near a power of
//! two, and Python's floor division and modulo (by constants without a divide).

use super::Codegen;
use crate::ir::{self as tir, Opcode, Operand};
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::{I64, I8};
use cranelift_codegen::ir::{BlockArg, InstBuilder, Value};
use cranelift_frontend::FunctionBuilder;

impl Codegen<'_> {
    /// `op` is an `int_mul` by 2^k + 1 or 2^k - 1 (`h * 31` in a hash, see
    /// [`near_power_of_two`]): a shift and an add or subtract take two steps on the path
    /// through `x` where a multiply takes three (for 3, 5 and 9, x86 makes the shift and add
    /// one `lea`).
    pub(super) fn shifted_product(&mut self, b: &mut FunctionBuilder, op: &tir::Op) -> Result<Option<Value>, String> {
        let (x, k, plus) = near_power_of_two(&op.args).expect("checked by the caller");
        let x = self.operand(b, x)?;
        let shifted = b.ins().ishl_imm_u(x, i64::from(k));
        Ok(Some(if plus { b.ins().iadd(shifted, x) } else { b.ins().isub(shifted, x) }))
    }

    /// `op` is an `int_floordiv` or `int_mod` (rounding towards negative infinity, like Python),
    /// or their forms for operands known not to be negative, `uint_floordiv` and `uint_mod`.
    pub(super) fn floor_division(&mut self, b: &mut FunctionBuilder, op: &tir::Op) -> Result<Option<Value>, String> {
        use Opcode::*;
        let a = |s: &Self, b: &mut FunctionBuilder, k: usize| s.arg(b, op, k);
        Ok(match op.opcode {
            // Floor division and modulo by a constant c >= 2 (the common `% c`), without a
            // divide and without a fix-up after it. A dividend below 2^63 is divided by a
            // multiply-high with the 64-bit magic of `floor_magic` and one shift (no add-back
            // step, which a full 64-bit dividend may need). A negative `x` takes a cold path:
            // `!x = -x - 1` is in 0..2^63, and `floor(x / c) = !(!x / c)`, since for x < 0,
            // `floor(x / c) = -1 - (-x - 1) / c`. The remainder is `x - q * c` (wrapping,
            // exact in the end). Branching on the sign rather than computing it into the
            // operands (`x ^ (x >> 63)`, the same for both signs) takes three steps off the
            // path `x -> x % c`, which is often the loop-carried one (`h = (h * 31 + k) % m`),
            // at the price of a mispredicted branch where signs alternate at random.
            IntFloorDiv | IntMod if floor_magic(op.args[1]).is_some() => {
                let (c, magic, shift) = floor_magic(op.args[1]).expect("checked by the guard");
                let x = a(self, b, 0)?;
                let m = b.ins().iconst(I64, magic as i64);
                let (nonneg, negative, join) = (b.create_block(), b.create_block(), b.create_block());
                b.set_cold_block(negative);
                let q = b.append_block_param(join, I64);
                let is_negative = b.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
                b.ins().brif(is_negative, negative, &[], nonneg, &[]);
                b.seal_block(nonneg);
                b.seal_block(negative);
                b.switch_to_block(nonneg);
                let uq = quotient_below_2_63(b, x, m, shift);
                b.ins().jump(join, &[BlockArg::Value(uq)]);
                b.switch_to_block(negative);
                let t = b.ins().bnot(x);
                let uq = quotient_below_2_63(b, t, m, shift);
                let nq = b.ins().bnot(uq);
                b.ins().jump(join, &[BlockArg::Value(nq)]);
                b.seal_block(join);
                b.switch_to_block(join);
                Some(if op.opcode == IntFloorDiv { q } else { remainder(b, x, q, c) })
            }
            // Of a dividend known not to be negative: the non-negative way alone,
            // no branch (by a variable: the unsigned divide).
            UintFloorDiv | UintMod if floor_magic(op.args[1]).is_some() => {
                let (c, magic, shift) = floor_magic(op.args[1]).expect("checked by the guard");
                let x = a(self, b, 0)?;
                let m = b.ins().iconst(I64, magic as i64);
                let q = quotient_below_2_63(b, x, m, shift);
                Some(if op.opcode == UintFloorDiv { q } else { remainder(b, x, q, c) })
            }
            UintFloorDiv => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                Some(b.ins().udiv(x, y))
            }
            UintMod => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                Some(b.ins().urem(x, y))
            }
            // Any other positive constant (1): Cranelift turns the truncating `sdiv`/`srem` by
            // a constant into a multiply-high and shifts; the floor fix-up is then only on the
            // remainder's sign (the divisor's is known): `r + ((r >> 63) & c)`, and
            // `q + (r >> 63)` for the quotient.
            IntFloorDiv if positive_const(op.args[1]) => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let q = b.ins().sdiv(x, y);
                let qy = b.ins().imul(q, y);
                let r = b.ins().isub(x, qy);
                let neg = b.ins().sshr_imm_u(r, 63);
                Some(b.ins().iadd(q, neg))
            }
            IntMod if positive_const(op.args[1]) => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let r = b.ins().srem(x, y);
                let neg = b.ins().sshr_imm_u(r, 63);
                let fix = b.ins().band(neg, y);
                Some(b.ins().iadd(r, fix))
            }
            IntFloorDiv => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let q = b.ins().sdiv(x, y);
                let qy = b.ins().imul(q, y);
                let r = b.ins().isub(x, qy);
                let adjust = floor_adjust(b, r, y);
                let one = b.ins().uextend(I64, adjust);
                Some(b.ins().isub(q, one))
            }
            IntMod => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let r = b.ins().srem(x, y);
                let adjust = floor_adjust(b, r, y);
                let ry = b.ins().iadd(r, y);
                Some(b.ins().select(adjust, ry, r))
            }
            _ => return Err(format!("{} is not a floor division", op.opcode.name())),
        })
    }
}

/// `n / c` for an `n` in 0..2^63, with `c`'s magic `m` and shift (see [`floor_magic`]).
fn quotient_below_2_63(b: &mut FunctionBuilder, n: Value, m: Value, shift: u8) -> Value {
    let hi = b.ins().umulhi(n, m);
    b.ins().ushr_imm_u(hi, i64::from(shift))
}

/// `x - q * c` (wrapping), the remainder of the floor quotient `q` of `x` by `c`.
fn remainder(b: &mut FunctionBuilder, x: Value, q: Value, c: i64) -> Value {
    let qc = b.ins().imul_imm_s(q, c);
    b.ins().isub(x, qc)
}

/// For a product of a value `x` and a constant 2^k + 1 (`plus`) or 2^k - 1 from 3 up:
/// `(x, k, plus)`, to compute it as `(x << k) + x` or `(x << k) - x` (wrapping, like the
/// product).
pub(super) fn near_power_of_two(args: &[Operand]) -> Option<(Operand, u32, bool)> {
    let (x, c) = match *args {
        [x @ Operand::Value(_), Operand::Int(c)] | [Operand::Int(c), x @ Operand::Value(_)] => (x, c),
        _ => return None,
    };
    let c = u64::try_from(c).ok().filter(|c| (3..1 << 62).contains(c))?;
    if (c - 1).is_power_of_two() {
        Some((x, (c - 1).trailing_zeros(), true))
    } else if (c + 1).is_power_of_two() {
        Some((x, (c + 1).trailing_zeros(), false))
    } else {
        None
    }
}

/// Whether a divisor is a constant greater than 0 (see `IntFloorDiv` and `IntMod`).
fn positive_const(o: Operand) -> bool {
    matches!(o, Operand::Int(c) if c > 0)
}

/// For a divisor `Int(c)` with c >= 2: `(c, m, k)` such that `n / c == umulhi(n, m) >> k` for
/// every n in 0..2^63 (Granlund and Montgomery, "Division by invariant integers using
/// multiplication", theorem 4.2, with N = 63 bits of dividend and l = ceil(log2 c):
/// `m = floor(2^(63+l) / c) + 1` satisfies `2^(63+l) <= m*c <= 2^(63+l) + 2^l`, and
/// `m < 2^64` because `c > 2^(l-1)` or c is a power of two; the quotient is
/// `(n * m) >> (63 + l)`, i.e. the high word shifted by `l - 1`).
fn floor_magic(o: Operand) -> Option<(i64, u64, u8)> {
    let Operand::Int(c) = o else { return None };
    if c < 2 {
        return None;
    }
    let l = 64 - (c as u64 - 1).leading_zeros();
    let m = (1u128 << (63 + l)) / c as u128 + 1;
    Some((c, u64::try_from(m).ok()?, (l - 1) as u8))
}

/// For floor division: 1 (as an i8 flag) when the truncating remainder `r` is non-zero and
/// its sign differs from the divisor's, i.e. when the truncated quotient must be lowered.
fn floor_adjust(b: &mut FunctionBuilder, r: Value, y: Value) -> Value {
    let x = b.ins().bxor(r, y);
    let signs_differ = b.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
    let nonzero = b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
    let both = b.ins().band(signs_differ, nonzero);
    debug_assert_eq!(b.func.dfg.value_type(both), I8);
    both
}
