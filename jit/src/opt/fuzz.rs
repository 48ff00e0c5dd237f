//! Test only: random integer loops and bridges, run by a small trace interpreter before and
//! after [`optimize`](super::optimize); both must leave through the same guard with the same
//! snapshot values (or finish with the same values).

use super::{optimize, optimize_without_peeling};
use crate::ir::*;
use crate::text::{parse, print};
use std::collections::HashMap;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn small(&mut self) -> i64 {
        const INTERESTING: [i64; 9] = [0, 1, -1, 2, 3, 7, 100, i64::MAX, i64::MIN];
        if self.below(3) == 0 {
            INTERESTING[self.below(INTERESTING.len())]
        } else {
            self.below(21) as i64 - 10
        }
    }
}

/// How a run ended.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// A guard failed: its snapshot key and values.
    Exit(String, Vec<i64>),
    /// `finish` with these values.
    Finish(Vec<i64>),
    /// Still looping after the step limit.
    Limit,
}

fn eval(t: &Trace, inputs: &[i64]) -> Outcome {
    let mut env: HashMap<Value, i64> = t.inputs.iter().copied().zip(inputs.iter().copied()).collect();
    let label = t.label_index();
    let mut pc = 0;
    let mut overflowed = false;
    for _ in 0..2000 {
        let op = &t.ops[pc];
        let get = |o: Operand| match o {
            Operand::Value(v) => env[&v],
            Operand::Int(i) => i,
            _ => panic!("only integers"),
        };
        let a = |k: usize| get(op.args[k]);
        let exit = |op: &Op| {
            let s = op.snapshot.as_ref().unwrap();
            Outcome::Exit(t.keys[s.frames[0].key.0 as usize].clone(), s.operands().map(|&o| get(o)).collect())
        };
        use Opcode::*;
        let result = match op.opcode {
            IntAdd => Some(a(0).wrapping_add(a(1))),
            IntSub => Some(a(0).wrapping_sub(a(1))),
            IntMul => Some(a(0).wrapping_mul(a(1))),
            IntFloorDiv => Some(super::fold::py_floordiv(a(0), a(1)).unwrap()),
            IntMod => Some(super::fold::py_mod(a(0), a(1)).unwrap()),
            IntAnd => Some(a(0) & a(1)),
            IntOr => Some(a(0) | a(1)),
            IntXor => Some(a(0) ^ a(1)),
            IntRshift => Some(a(0) >> a(1)),
            IntNeg => Some(a(0).wrapping_neg()),
            IntInvert => Some(!a(0)),
            IntAddOvf | IntSubOvf | IntMulOvf => {
                let r = match op.opcode {
                    IntAddOvf => a(0).overflowing_add(a(1)),
                    IntSubOvf => a(0).overflowing_sub(a(1)),
                    _ => a(0).overflowing_mul(a(1)),
                };
                overflowed = r.1;
                Some(r.0)
            }
            IntLt => Some((a(0) < a(1)) as i64),
            IntLe => Some((a(0) <= a(1)) as i64),
            IntEq => Some((a(0) == a(1)) as i64),
            IntNe => Some((a(0) != a(1)) as i64),
            IntGt => Some((a(0) > a(1)) as i64),
            IntGe => Some((a(0) >= a(1)) as i64),
            UintLt => Some(((a(0) as u64) < (a(1) as u64)) as i64),
            IntIsZero => Some((a(0) == 0) as i64),
            IntIsTrue => Some((a(0) != 0) as i64),
            GuardTrue if a(0) == 0 => return exit(op),
            GuardFalse if a(0) != 0 => return exit(op),
            GuardValue if a(0) != a(1) => return exit(op),
            GuardNoOverflow if overflowed => return exit(op),
            GuardOverflow if !overflowed => return exit(op),
            GuardTrue | GuardFalse | GuardValue | GuardNoOverflow | GuardOverflow | Label => None,
            Finish => return Outcome::Finish(op.args.iter().map(|&o| get(o)).collect()),
            Jump => {
                let vals: Vec<i64> = op.args.iter().map(|&o| get(o)).collect();
                let (targets, next): (Vec<Value>, usize) = match label {
                    Some(l) => (t.ops[l].args.iter().map(|o| o.as_value().unwrap()).collect(), l + 1),
                    None => (t.inputs.clone(), 0),
                };
                for (v, x) in targets.into_iter().zip(vals) {
                    env.insert(v, x);
                }
                pc = next;
                continue;
            }
            other => panic!("{other:?} not supported"),
        };
        if let (Some(r), Some(x)) = (op.result, result) {
            env.insert(r, x);
        }
        pc += 1;
    }
    Outcome::Limit
}

/// A random trace in text form over `n` integer inputs; `i0` counts iterations.
fn random_trace(rng: &mut Rng, looping: bool) -> String {
    let n = 2 + rng.below(3);
    let mut vals: Vec<String> = (0..n).map(|k| format!("i{k}")).collect();
    let mut src = format!("inputs({})\n", vals.join(", "));
    let mut next = n;
    let mut guards = 0;
    let mut fresh = |src: &mut String, vals: &mut Vec<String>, rhs: String| {
        let name = format!("i{next}");
        next += 1;
        src.push_str(&format!("{name} = {rhs}\n"));
        vals.push(name.clone());
        name
    };
    let snap = |rng: &mut Rng, vals: &[String], guards: &mut usize| {
        *guards += 1;
        let mut s: Vec<String> = (0..n).map(|k| format!("i{k}")).collect();
        s.push(vals[rng.below(vals.len())].clone());
        format!("[g{guards}: {}]", s.join(", "))
    };
    let c = fresh(&mut src, &mut vals, "int_lt(i0, 30)".into());
    let s = snap(rng, &vals, &mut guards);
    src.push_str(&format!("guard_true({c}) {s}\n"));
    for _ in 0..3 + rng.below(10) {
        let pick = |rng: &mut Rng, vals: &[String]| match rng.below(6) {
            0 => rng.small().to_string(),
            1 | 2 => format!("i{}", rng.below(n)),
            _ => vals[rng.below(vals.len())].clone(),
        };
        let (x, y) = (pick(rng, &vals), pick(rng, &vals));
        match rng.below(10) {
            0..=3 => {
                const BIN: [&str; 15] = [
                    "int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor", "int_lt", "int_le", "int_eq",
                    "int_ne", "int_gt", "int_ge", "uint_lt", "int_add", "int_sub",
                ];
                let name = BIN[rng.below(BIN.len())];
                fresh(&mut src, &mut vals, format!("{name}({x}, {y})"));
            }
            4 => {
                const UN: [&str; 4] = ["int_neg", "int_invert", "int_is_zero", "int_is_true"];
                fresh(&mut src, &mut vals, format!("{}({x})", UN[rng.below(4)]));
            }
            5 => {
                let d = [1, 2, 3, 7, -2, -5][rng.below(6)];
                let name = ["int_floordiv", "int_mod"][rng.below(2)];
                fresh(&mut src, &mut vals, format!("{name}({x}, {d})"));
                let k = rng.below(64);
                fresh(&mut src, &mut vals, format!("int_rshift({y}, {k})"));
            }
            6 | 7 => {
                let name = ["int_add_ovf", "int_sub_ovf", "int_mul_ovf"][rng.below(3)];
                fresh(&mut src, &mut vals, format!("{name}({x}, {y})"));
                let s = snap(rng, &vals, &mut guards);
                src.push_str(&format!("guard_no_overflow() {s}\n"));
            }
            _ => {
                let g = ["guard_true", "guard_false", "guard_value"][rng.below(3)];
                let v = vals[rng.below(vals.len())].clone();
                let s = snap(rng, &vals, &mut guards);
                if g == "guard_value" {
                    src.push_str(&format!("guard_value({v}, {}) {s}\n", rng.small()));
                } else {
                    src.push_str(&format!("{g}({v}) {s}\n"));
                }
            }
        }
    }
    let i = fresh(&mut src, &mut vals, "int_add(i0, 1)".into());
    let mut out = vec![i];
    for _ in 1..n {
        out.push(match rng.below(5) {
            0 => rng.small().to_string(),
            1 | 2 => format!("i{}", rng.below(n)),
            _ => vals[rng.below(vals.len())].clone(),
        });
    }
    src.push_str(&format!("{}({})\n", if looping { "jump" } else { "finish" }, out.join(", ")));
    src
}

#[test]
fn optimized_traces_behave_like_the_originals() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for case in 0..4000 {
        let src = random_trace(&mut rng, case % 4 != 0);
        let t = parse(&src).unwrap_or_else(|e| panic!("{e}\n{src}"));
        crate::verify::verify(&t).unwrap_or_else(|e| panic!("{e}\n{src}"));
        let optimized = [("optimize", optimize(&t)), ("optimize_without_peeling", optimize_without_peeling(&t))];
        for _ in 0..4 {
            let n = t.inputs.len();
            let inputs: Vec<i64> =
                (0..n).map(|k| if k == 0 { rng.below(40) as i64 - 5 } else { rng.small() }).collect();
            let want = eval(&t, &inputs);
            for (name, o) in &optimized {
                let got = eval(o, &inputs);
                if want != Outcome::Limit {
                    assert_eq!(got, want, "{name}, inputs {inputs:?}\n{src}--- optimized:\n{}", print(o));
                }
            }
        }
    }
}
