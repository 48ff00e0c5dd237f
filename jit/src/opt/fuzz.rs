//! Test only: random integer loops and bridges, run by a small trace interpreter before and
//! after [`optimize`](super::optimize); both must leave through the same guard with the same
//! snapshot values (or finish with the same values), and with the same memory contents.
//!
//! Half of the traces also get two array/object inputs (which the runs pass as the same
//! object or as two different ones) and reads and writes of their items and fields through
//! descriptors of different kinds (`i64`, `u8`, `i8`: narrow writes truncate), at constant
//! indices and at indices `base + c` of a few small bases, plus calls that write memory and
//! elidable ones: what heap caching and store sinking must get right (exits perform their
//! pending writes before memory is compared).

use super::{optimize, optimize_without_peeling};
use crate::ir::*;
use crate::text::{parse, print};
use rustc_hash::FxHashMap as HashMap;

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

/// Memory contents that differ from the initial ones: (object, descr, index) -> value.
type Memory = Vec<((i64, u32, i64), i64)>;

/// How a run ended.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// A guard failed: its snapshot key and values, and the memory.
    Exit(String, Vec<i64>, Memory),
    /// `finish` with these values, and the memory.
    Finish(Vec<i64>, Memory),
    /// Still looping after the step limit.
    Limit,
}

/// The kind of memory a descriptor describes.
fn mem_kind(t: &Trace, d: DescrId) -> MemKind {
    match &t.descr(d).kind {
        DescrKind::Field(f) => f.kind,
        DescrKind::Array(a) => a.kind,
        DescrKind::Call(_) | DescrKind::Size(_) => MemKind::I64,
    }
}

/// The memory of a run: items and fields of the (integer-named) objects.
struct Heap<'a> {
    t: &'a Trace,
    written: HashMap<(i64, u32, i64), i64>,
}

impl Heap<'_> {
    fn initial(&self, (obj, d, idx): (i64, u32, i64)) -> i64 {
        mem_kind(self.t, DescrId(d)).truncate((obj * 7 + d as i64 * 3 + idx) % 5 * 100 - 150)
    }
    fn read(&self, key: (i64, u32, i64)) -> i64 {
        self.written.get(&key).copied().unwrap_or_else(|| self.initial(key))
    }
    fn write(&mut self, key: (i64, u32, i64), x: i64) {
        let x = mem_kind(self.t, DescrId(key.1)).truncate(x);
        if x == self.initial(key) {
            self.written.remove(&key);
        } else {
            self.written.insert(key, x);
        }
    }
    fn dump(&self) -> Memory {
        let mut m: Memory = self.written.iter().map(|(&k, &v)| (k, v)).collect();
        m.sort();
        m
    }
}

/// Runs a trace; references are small integers naming objects (`inputs` gives them too).
fn eval(t: &Trace, inputs: &[i64]) -> Outcome {
    let mut env: HashMap<Value, i64> = t.inputs.iter().copied().zip(inputs.iter().copied()).collect();
    let mut heap = Heap { t, written: HashMap::default() };
    let label = t.label_index();
    let mut pc = 0;
    let mut overflowed = false;
    for _ in 0..2000 {
        let op = &t.ops[pc];
        let get = |o: Operand| match o {
            Operand::Value(v) => env[&v],
            Operand::Int(i) => i,
            _ => panic!("only integers and reference values"),
        };
        let a = |k: usize| get(op.args[k]);
        let exit = |op: &Op, heap: &Heap| {
            let s = op.snapshot.as_ref().unwrap();
            let key = t.keys[s.frames[0].key.0 as usize].clone();
            // The exit performs the pending writes, in order, before it leaves.
            let mut heap = Heap { t, written: heap.written.clone() };
            for w in &s.writes {
                let (d, x) = (w.descr.unwrap().0, |k: usize| get(w.args[k]));
                match w.opcode {
                    Opcode::Setfield => heap.write((x(0), d, 0), x(1)),
                    Opcode::Setarrayitem => heap.write((x(0), d, x(1)), x(2)),
                    other => panic!("pending {other:?}"),
                }
            }
            Outcome::Exit(key, s.operands().map(|&o| get(o)).collect(), heap.dump())
        };
        let d = op.descr.map_or(0, |d| d.0);
        use Opcode::*;
        let result = match op.opcode {
            IntAdd => Some(a(0).wrapping_add(a(1))),
            IntSub => Some(a(0).wrapping_sub(a(1))),
            IntMul => Some(a(0).wrapping_mul(a(1))),
            IntFloorDiv => Some(super::fold::py_floordiv(a(0), a(1)).unwrap()),
            IntMod => Some(super::fold::py_mod(a(0), a(1)).unwrap()),
            UintFloorDiv => Some(((a(0) as u64) / (a(1) as u64)) as i64),
            UintMod => Some(((a(0) as u64) % (a(1) as u64)) as i64),
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
            IntSelect => Some(if a(0) != 0 { a(1) } else { a(2) }),
            IntLshift => Some(a(0).wrapping_shl(a(1) as u32)),
            GetarrayitemI => Some(heap.read((a(0), d, a(1)))),
            GetfieldI => Some(heap.read((a(0), d, 0))),
            Setarrayitem => {
                heap.write((a(0), d, a(1)), a(2));
                None
            }
            Setfield => {
                heap.write((a(0), d, 0), a(1));
                None
            }
            CallI if t.call_descr(op).unwrap().effect == Effect::Elidable => Some(a(0).wrapping_mul(3).wrapping_add(1)),
            CallN => {
                // A writing helper: stores its argument in item 0 of object 0 under descr 0.
                heap.write((0, 0, 0), a(0));
                None
            }
            GuardTrue if a(0) == 0 => return exit(op, &heap),
            GuardFalse if a(0) != 0 => return exit(op, &heap),
            GuardValue if a(0) != a(1) => return exit(op, &heap),
            GuardNoOverflow if overflowed => return exit(op, &heap),
            GuardOverflow if !overflowed => return exit(op, &heap),
            GuardTrue | GuardFalse | GuardValue | GuardNoOverflow | GuardOverflow | Label => None,
            Finish => return Outcome::Finish(op.args.iter().map(|&o| get(o)).collect(), heap.dump()),
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

/// The descriptors of the memory operations: descr 0 is the one writing calls write to.
const MEM_DESCRS: &str = "\
descr a = array i64 base=0
descr t = array u8 base=0
descr s = array i8 base=0
descr f = field i64 +8
descr g = field u8 +16
descr w = call(i) -> none write
descr e = call(i) -> i elidable
";

/// A random trace in text form over `n` integer inputs; `i0` counts iterations. With `mem`,
/// two reference inputs follow and the trace reads and writes memory through them.
fn random_trace(rng: &mut Rng, looping: bool, mem: bool) -> String {
    let n = 2 + rng.below(3);
    let mut vals: Vec<String> = (0..n).map(|k| format!("i{k}")).collect();
    let refs: Vec<String> = if mem { vec![format!("p{n}"), format!("p{}", n + 1)] } else { vec![] };
    let all_inputs: Vec<String> = vals.iter().chain(&refs).cloned().collect();
    let mut src = format!("{}inputs({})\n", if mem { MEM_DESCRS } else { "" }, all_inputs.join(", "));
    let mut next = n + refs.len();
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
        if n == 3 {
            // A third of the traces have wide frames: inputs again, in chunks that the
            // guards' snapshots share (see `Slots`), so the passes' renaming of shared chunks
            // is checked too.
            s.extend((0..40).map(|k| format!("i{}", k % n)));
        }
        if mem {
            // The latest values too, so that wrongly forwarded reads are seen.
            s.extend(vals.iter().rev().take(3).cloned());
        }
        format!("[g{guards}: {}]", s.join(", "))
    };
    let c = fresh(&mut src, &mut vals, "int_lt(i0, 30)".into());
    let s = snap(rng, &vals, &mut guards);
    src.push_str(&format!("guard_true({c}) {s}\n"));
    // Index bases in 0..2 (items are at base + 0..3 or at constants 0..4, so indices stay
    // small and often meet).
    let mut bases = vec![];
    if mem {
        for _ in 0..2 {
            let x = vals[rng.below(vals.len())].clone();
            bases.push(fresh(&mut src, &mut vals, format!("int_and({x}, 1)")));
        }
    }
    for _ in 0..3 + rng.below(if mem { 16 } else { 10 }) {
        let pick = |rng: &mut Rng, vals: &[String]| match rng.below(6) {
            0 => rng.small().to_string(),
            1 | 2 => format!("i{}", rng.below(n)),
            _ => vals[rng.below(vals.len())].clone(),
        };
        let (x, y) = (pick(rng, &vals), pick(rng, &vals));
        if mem && rng.below(3) != 0 {
            let obj = refs[rng.below(2)].clone();
            let index = match rng.below(3) {
                0 => rng.below(4).to_string(),
                1 => bases[rng.below(2)].clone(),
                _ => {
                    let b = bases[rng.below(2)].clone();
                    let op = if rng.below(2) == 0 { "int_add" } else { "int_sub" };
                    let c = rng.below(3) as i64;
                    fresh(
                        &mut src,
                        &mut vals,
                        if op == "int_add" { format!("{op}({b}, {c})") } else { format!("{op}({b}, {})", -c) },
                    )
                }
            };
            let arr = ["a", "a", "t", "s"][rng.below(4)];
            let field = ["f", "g"][rng.below(2)];
            match rng.below(8) {
                0..=2 => {
                    fresh(&mut src, &mut vals, format!("getarrayitem_i({obj}, {index}, descr={arr})"));
                }
                3 | 4 => src.push_str(&format!("setarrayitem({obj}, {index}, {x}, descr={arr})\n")),
                5 => {
                    fresh(&mut src, &mut vals, format!("getfield_i({obj}, descr={field})"));
                }
                6 => src.push_str(&format!("setfield({obj}, {x}, descr={field})\n")),
                _ if rng.below(2) == 0 => src.push_str(&format!("call_n({x}, descr=w)\n")),
                _ => {
                    fresh(&mut src, &mut vals, format!("call_i({x}, descr=e)"));
                }
            }
            continue;
        }
        match rng.below(11) {
            10 => {
                // Masks and shifts, as a byte-cell interpreter truncates (demanded bits).
                let op = match rng.below(5) {
                    0 | 1 => format!("int_and({x}, {})", [255, 65535, 1][rng.below(3)]),
                    2 => format!("int_or({x}, {})", [-256, 256][rng.below(2)]),
                    3 => format!("int_xor({x}, {})", [-256, 0x1_0000][rng.below(2)]),
                    _ => format!("int_lshift({x}, {})", rng.below(64)),
                };
                fresh(&mut src, &mut vals, op);
            }
            0..=3 => {
                const BIN: [&str; 15] = [
                    "int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor", "int_lt", "int_le", "int_eq",
                    "int_ne", "int_gt", "int_ge", "uint_lt", "int_add", "int_sub",
                ];
                let name = BIN[rng.below(BIN.len())];
                fresh(&mut src, &mut vals, format!("{name}({x}, {y})"));
            }
            4 => {
                const UN: [&str; 5] = ["int_neg", "int_invert", "int_is_zero", "int_is_true", "int_select"];
                match UN[rng.below(5)] {
                    // The condition is often a comparison (the form if-conversion makes).
                    "int_select" => {
                        let z = pick(rng, &vals);
                        fresh(&mut src, &mut vals, format!("int_select({x}, {y}, {z})"));
                    }
                    un => {
                        fresh(&mut src, &mut vals, format!("{un}({x})"));
                    }
                }
            }
            5 => {
                let d: i64 = [1, 2, 3, 7, -2, -5, 4, 8, -4, 1 << 62][rng.below(10)];
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
                // With memory, often a value just read (guards on read values refine the
                // heap cache).
                let recent =
                    if mem && rng.below(2) == 0 { vals.len() - 1 - rng.below(2) } else { rng.below(vals.len()) };
                let v = vals[recent].clone();
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
    out.extend(refs);
    src.push_str(&format!("{}({})\n", if looping { "jump" } else { "finish" }, out.join(", ")));
    src
}

#[test]
fn optimized_traces_behave_like_the_originals() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    // How many optimized loops have pending writes (so that store sinking is exercised too).
    let mut sunk = 0;
    // How many traces demanded bits changes on its own.
    let mut unmasked_cases = 0;
    for case in 0..4000 {
        let mem = case % 8 >= 4;
        let src = random_trace(&mut rng, case % 4 != 0, mem);
        let t = parse(&src).unwrap_or_else(|e| panic!("{e}\n{src}"));
        crate::verify::verify(&t).unwrap_or_else(|e| panic!("{e}\n{src}"));
        // Demanded bits alone, on the unpeeled trace (the pipeline runs it on peeled ones).
        let mut unmasked = t.clone();
        super::bits::run(&mut unmasked);
        unmasked_cases += (unmasked != t) as usize;
        let optimized = [
            ("optimize", optimize(&t)),
            ("optimize_without_peeling", optimize_without_peeling(&t)),
            ("bits", unmasked),
        ];
        sunk += optimized[0].1.ops.iter().any(|op| op.snapshot.as_ref().is_some_and(|s| !s.writes.is_empty())) as usize;
        for _ in 0..4 {
            let n = t.inputs.len();
            let ints = n - if mem { 2 } else { 0 };
            // The two objects are the same one in a third of the runs.
            let objs = if rng.below(3) == 0 { [0, 0] } else { [0, 1] };
            let inputs: Vec<i64> = (0..n)
                .map(|k| match k {
                    0 => rng.below(40) as i64 - 5,
                    k if k >= ints => objs[k - ints],
                    _ => rng.small(),
                })
                .collect();
            let want = eval(&t, &inputs);
            for (name, o) in &optimized {
                let got = eval(o, &inputs);
                if want != Outcome::Limit {
                    assert_eq!(got, want, "{name}, inputs {inputs:?}\n{src}--- optimized:\n{}", print(o));
                }
            }
        }
    }
    assert!(sunk >= 50, "only {sunk} optimized loops have pending writes");
    assert!(unmasked_cases >= 50, "demanded bits changed only {unmasked_cases} traces");
}
