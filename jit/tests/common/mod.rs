//! Test traces shared by the host backend tests and the aarch64 cross tests.
//!
//! Each [`Case`] is a trace in the text format plus runs: frame-buffer inputs and, where it
//! is easy to state, the expected exit and frame words. The traces use no helper calls and
//! no host addresses, so the same trace can run on the host and, cross-compiled, under
//! qemu-aarch64: memory ops work on a buffer the runner allocates ([`BUF_WORDS`] words,
//! filled with [`buf_pattern`]) and passes as an input ([`Word::Buf`]).
#![allow(dead_code)]

use metatrace_jit::backend::Backend;
use metatrace_jit::text;

/// Words in the scratch buffer a run may address.
pub const BUF_WORDS: usize = 16;

/// Initial contents of the scratch buffer (the C driver computes the same).
pub fn buf_pattern() -> Vec<u64> {
    (0..BUF_WORDS as u64).map(|i| (i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect()
}

/// A frame word given to or expected from a run.
#[derive(Clone, Copy, Debug)]
pub enum Word {
    /// An integer.
    I(i64),
    /// A float (as its bits).
    F(f64),
    /// The address of the scratch buffer plus a byte offset.
    Buf(usize),
}

/// One run of a case.
pub struct Run {
    /// Frame words on entry.
    pub inputs: Vec<Word>,
    /// Expected exit and leading frame words, if stated.
    pub expect: Option<(u32, Vec<Word>)>,
}

/// A test trace and its runs.
pub struct Case {
    /// Name for messages.
    pub name: &'static str,
    /// The trace, in the text format.
    pub text: String,
    /// Its runs.
    pub runs: Vec<Run>,
}

/// What a run produced.
#[derive(Debug)]
pub struct Outcome {
    /// Exit id.
    pub exit: u32,
    /// All frame words afterwards.
    pub frame: Vec<u64>,
    /// The scratch buffer afterwards.
    pub buf: Vec<u64>,
    /// Where the scratch buffer was.
    pub buf_addr: u64,
}

impl Outcome {
    /// Renders like the C driver prints: exit, frame words and buffer words in hex, with
    /// addresses inside the scratch buffer shown as `BUF+n` (they differ between runs).
    pub fn render(&self) -> String {
        let word = |w: u64| {
            if w >= self.buf_addr && w <= self.buf_addr + 8 * BUF_WORDS as u64 {
                format!("BUF+{}", w - self.buf_addr)
            } else {
                format!("{w:016x}")
            }
        };
        let frame: Vec<String> = self.frame.iter().map(|&w| word(w)).collect();
        let buf: Vec<String> = self.buf.iter().map(|&w| word(w)).collect();
        format!("exit {}\nframe {}\nbuf {}\n", self.exit, frame.join(" "), buf.join(" "))
    }
}

/// A frame word as the C driver's command line spells it.
pub fn arg(w: Word) -> String {
    match w {
        Word::I(i) => i.to_string(),
        Word::F(x) => format!("0x{:x}", x.to_bits()),
        Word::Buf(off) => format!("BUF+{off}"),
    }
}

/// Frame words to allocate for a run: what the trace needs, and room for its inputs.
pub fn frame_len(frame_words: usize, run: &Run) -> usize {
    frame_words.max(run.inputs.len())
}

/// Compiles `c` for the host and performs `run`.
pub fn run_host(backend: &Backend, c: &Case, run: &Run) -> Outcome {
    let t = text::parse(&c.text).unwrap_or_else(|e| panic!("{}: {e}", c.name));
    let code = backend.compile(&t).unwrap_or_else(|e| panic!("{}: {e}", c.name));
    let mut buf = buf_pattern();
    let buf_addr = buf.as_mut_ptr() as u64;
    let mut frame = vec![0u64; frame_len(code.frame_words(), run)];
    for (k, &w) in run.inputs.iter().enumerate() {
        frame[k] = word_value(w, buf_addr);
    }
    // SAFETY: the frame has at least frame_words() words; the only memory the shared cases
    // touch is inside `buf`, whose address they get as an input.
    let exit = unsafe { code.run(frame.as_mut_ptr()) };
    Outcome { exit, frame, buf, buf_addr }
}

/// The 64-bit value of a word, given where the scratch buffer is.
pub fn word_value(w: Word, buf_addr: u64) -> u64 {
    match w {
        Word::I(i) => i as u64,
        Word::F(x) => x.to_bits(),
        Word::Buf(off) => buf_addr + off as u64,
    }
}

/// Checks a host outcome against the run's expectation, if it has one (after filling in the
/// words of the exit's constants, which a guard's exit leaves to its reader).
pub fn check_expect(c: &Case, run: &Run, out: &Outcome) {
    if let Some((exit, words)) = &run.expect {
        let want: Vec<u64> = words.iter().map(|&w| word_value(w, out.buf_addr)).collect();
        let t = text::parse(&c.text).unwrap();
        let mut frame = out.frame.clone();
        if let Some(s) = t.guard(out.exit as usize).and_then(|g| g.snapshot.as_ref()) {
            s.fill_constants(&mut frame);
        }
        assert_eq!(
            (out.exit, &frame[..want.len()]),
            (*exit, &want[..]),
            "{} with inputs {:?}:\n{}",
            c.name,
            run.inputs,
            out.render()
        );
    }
}

/// Python's `//`.
pub fn py_floordiv(a: i64, b: i64) -> i64 {
    let (q, r) = (a.wrapping_div(b), a.wrapping_rem(b));
    if r != 0 && ((r < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python's `%`.
pub fn py_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

fn run(inputs: Vec<Word>, exit: u32, out: Vec<Word>) -> Run {
    Run { inputs, expect: Some((exit, out)) }
}

use Word::{Buf, F, I};

/// All shared cases.
pub fn cases() -> Vec<Case> {
    let mut v = Vec::new();

    v.push(Case {
        name: "counting loop",
        text: "\
inputs(i0, i1, i2)
i3 = int_lt(i0, i1)
guard_true(i3) [loop: i0, i2, 7]
i4 = int_add(i2, i0)
i5 = int_add(i0, 1)
jump(i5, i1, i4)
"
        .into(),
        runs: vec![
            run(vec![I(0), I(100), I(0)], 0, vec![I(100), I(4950), I(7)]),
            run(vec![I(5), I(3), I(9)], 0, vec![I(5), I(9), I(7)]),
        ],
    });

    v.push(Case {
        // If-converted `if h % 2 == 0 and j > 5: count += 1` (see `opt::ifconv`): the
        // condition selects what is added, with no branch; a float and a second integer
        // selection take the other arm when the condition is 0.
        name: "selections",
        text: "\
inputs(i0, i1, i2, f3)
i4 = int_lt(i0, 10)
guard_true(i4) [loop: i0, i1, i2, f3]
i5 = int_and(i1, 1)
i6 = int_eq(i5, 0)
i7 = int_gt(i0, 5)
i8 = int_and(i6, i7)
i9 = int_select(i8, 1, 0)
i10 = int_add(i2, i9)
f11 = float_add(f3, 0.5)
f12 = float_select(i8, f11, f3)
i13 = int_select(i6, i1, -1)
i14 = int_mul(i1, 3)
i15 = int_add(i14, 1)
i16 = int_select(i6, i15, i13)
i17 = int_add(i0, 1)
jump(i17, i16, i10, f12)
"
        .into(),
        runs: vec![
            // h: 7 (odd) -> -1 (odd) -> -1 ...: never even, count stays.
            run(vec![I(0), I(7), I(0), F(0.0)], 0, vec![I(10), I(-1), I(0), F(0.0)]),
            // h: 2 (even) -> 7 -> -1 -> ...: even only at i = 0, where i > 5 is false.
            run(vec![I(0), I(2), I(0), F(0.0)], 0, vec![I(10), I(-1), I(0), F(0.0)]),
            // Entered at i = 6 with h = 4: 13, then -1 for good: only i = 6 counts.
            run(vec![I(6), I(4), I(100), F(1.0)], 0, vec![I(10), I(-1), I(101), F(1.5)]),
        ],
    });

    v.push(Case {
        // The guard right before the jump branches back itself, passing the loop values on
        // the branch edge (swapped every iteration, so the edge needs a parallel move).
        name: "guard then jump, swapping loop values",
        text: "\
inputs(i0, i1, i2)
i3 = int_add(i0, 1)
i4 = int_lt(i3, 10)
guard_true(i4) [k: i3, i1, i2]
jump(i3, i2, i1)
"
        .into(),
        runs: vec![
            run(vec![I(0), I(7), I(9)], 0, vec![I(10), I(9), I(7)]),
            run(vec![I(1), I(7), I(9)], 0, vec![I(10), I(7), I(9)]),
        ],
    });

    v.push(Case {
        name: "add overflow at i64::MAX",
        text: "\
inputs(i0, i1)
i2 = int_add_ovf(i0, 1)
guard_no_overflow() [k: i0, i1]
i3 = int_add(i1, 1)
jump(i2, i3)
"
        .into(),
        runs: vec![run(vec![I(i64::MAX - 5), I(0)], 0, vec![I(i64::MAX), I(5)])],
    });

    v.push(Case {
        name: "mul/sub overflow and guard_overflow",
        text: "\
inputs(i0, i1)
i2 = int_mul_ovf(i0, i1)
guard_no_overflow() [k: i0, i1]
i3 = int_sub_ovf(i2, i1)
guard_no_overflow() [k: i2, i1]
i4 = int_sub_ovf(i0, i1)
guard_overflow() [k: i4, i3]
finish(i3)
"
        .into(),
        runs: vec![
            run(vec![I(3), I(4)], 2, vec![I(-1), I(8)]),
            run(vec![I(1 << 62), I(2)], 0, vec![I(1 << 62), I(2)]),
            run(vec![I(i64::MIN), I(1)], 1, vec![I(i64::MIN), I(1)]),
            run(vec![I(i64::MAX), I(-1)], 3, vec![I(i64::MIN + 2)]),
        ],
    });

    let pairs: [(i64, i64); 12] = [
        (7, 2),
        (-7, 2),
        (7, -2),
        (-7, -2),
        (6, -3),
        (-6, 3),
        (0, 5),
        (-1, 7),
        (i64::MIN, 1),
        (i64::MIN, 7),
        (i64::MAX, -1),
        (i64::MIN + 1, -1),
    ];
    v.push(Case {
        name: "floor division and modulo",
        text: "\
inputs(i0, i1)
i2 = int_floordiv(i0, i1)
i3 = int_mod(i0, i1)
i4 = int_floordiv(i0, 3)
i5 = int_mod(i0, -3)
i6 = int_floordiv(i0, -8)
i7 = int_mod(i0, 8)
finish(i2, i3, i4, i5, i6, i7)
"
        .into(),
        runs: pairs
            .iter()
            .map(|&(a, b)| {
                let out = vec![
                    I(py_floordiv(a, b)),
                    I(py_mod(a, b)),
                    I(py_floordiv(a, 3)),
                    I(py_mod(a, -3)),
                    I(py_floordiv(a, -8)),
                    I(py_mod(a, 8)),
                ];
                run(vec![I(a), I(b)], 0, out)
            })
            .collect(),
    });

    // The unsigned forms (of dividends known not to be negative): by a constant through a
    // multiply-high, by a variable through the unsigned divide.
    let unsigned: [(i64, i64); 6] =
        [(0, 7), (6, 7), (7, 7), (1_000_002, 1_000_003), (i64::MAX, 7), (i64::MAX, i64::MAX)];
    v.push(Case {
        name: "unsigned division and modulo",
        text: "\
inputs(i0, i1)
i2 = uint_floordiv(i0, i1)
i3 = uint_mod(i0, i1)
i4 = uint_floordiv(i0, 7)
i5 = uint_mod(i0, 1000003)
finish(i2, i3, i4, i5)
"
        .into(),
        runs: unsigned
            .iter()
            .map(|&(a, b)| {
                let out = vec![I(a / b), I(a % b), I(a / 7), I(a % 1_000_003)];
                run(vec![I(a), I(b)], 0, out)
            })
            .collect(),
    });

    let int_inputs: [(i64, i64); 4] = [(-37, 5), (1 << 40, 63), (0, 0), (i64::MIN, 1)];
    v.push(Case {
        name: "integer operations",
        text: "\
inputs(i0, i1)
i2 = int_add(i0, i1)
i3 = int_sub(i0, i1)
i4 = int_mul(i0, i1)
i5 = int_and(i0, i1)
i6 = int_or(i0, i1)
i7 = int_xor(i0, i1)
i8 = int_lshift(i0, i1)
i9 = int_rshift(i0, i1)
i10 = int_rshift(i0, 3)
i11 = int_neg(i0)
i12 = int_invert(i0)
i13 = int_lt(i0, i1)
i14 = int_le(i0, i1)
i15 = int_eq(i0, i1)
i16 = int_ne(i0, i1)
i17 = int_gt(i0, i1)
i18 = int_ge(i0, i1)
i19 = uint_lt(i0, i1)
i20 = int_is_zero(i0)
i21 = int_is_true(i0)
finish(i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16, i17, i18, i19, i20, i21)
"
        .into(),
        runs: int_inputs
            .iter()
            .map(|&(a, b)| {
                let s = b as u32;
                let out = vec![
                    I(a.wrapping_add(b)),
                    I(a.wrapping_sub(b)),
                    I(a.wrapping_mul(b)),
                    I(a & b),
                    I(a | b),
                    I(a ^ b),
                    I(a.wrapping_shl(s)),
                    I(a.wrapping_shr(s)),
                    I(a >> 3),
                    I(a.wrapping_neg()),
                    I(!a),
                    I((a < b) as i64),
                    I((a <= b) as i64),
                    I((a == b) as i64),
                    I((a != b) as i64),
                    I((a > b) as i64),
                    I((a >= b) as i64),
                    I(((a as u64) < (b as u64)) as i64),
                    I((a == 0) as i64),
                    I((a != 0) as i64),
                ];
                run(vec![I(a), I(b)], 0, out)
            })
            .collect(),
    });

    let float_inputs: [(f64, f64); 4] = [(2.5, -4.0), (-9.0, 0.25), (1e300, 3.0), (-0.0, 7.5)];
    v.push(Case {
        name: "float operations",
        text: "\
inputs(f0, f1, i2)
f3 = float_add(f0, f1)
f4 = float_sub(f0, f1)
f5 = float_mul(f0, f1)
f6 = float_truediv(f0, f1)
f7 = float_neg(f0)
f8 = float_abs(f0)
f9 = float_sqrt(f8)
i10 = cast_float_to_int(f0)
f11 = cast_int_to_float(i2)
i12 = float_bits_to_int(f1)
f13 = int_bits_to_float(i2)
f14 = float_mul(f0, 0.5)
f15 = float_add(f14, -1.25)
finish(f3, f4, f5, f6, f7, f8, f9, i10, f11, i12, f13, f15)
"
        .into(),
        runs: float_inputs
            .iter()
            .map(|&(a, b)| {
                let n = (a.to_bits() >> 20) as i64 - 12345;
                let out = vec![
                    F(a + b),
                    F(a - b),
                    F(a * b),
                    F(a / b),
                    F(-a),
                    F(a.abs()),
                    F(a.abs().sqrt()),
                    I(a as i64),
                    F(n as f64),
                    I(b.to_bits() as i64),
                    F(f64::from_bits(n as u64)),
                    F(a * 0.5 + -1.25),
                ];
                run(vec![F(a), F(b), I(n)], 0, out)
            })
            .collect(),
    });

    let cmp_inputs: [(f64, f64); 5] = [(1.0, 2.0), (2.0, 1.0), (1.0, 1.0), (f64::NAN, 1.0), (-0.0, 0.0)];
    v.push(Case {
        name: "float comparisons",
        text: "\
inputs(f0, f1)
i2 = float_lt(f0, f1)
i3 = float_le(f0, f1)
i4 = float_eq(f0, f1)
i5 = float_ne(f0, f1)
i6 = float_gt(f0, f1)
i7 = float_ge(f0, f1)
finish(i2, i3, i4, i5, i6, i7)
"
        .into(),
        runs: cmp_inputs
            .iter()
            .map(|&(a, b)| {
                let out = [a < b, a <= b, a == b, a != b, a > b, a >= b].iter().map(|&x| I(x as i64)).collect();
                run(vec![F(a), F(b)], 0, out)
            })
            .collect(),
    });

    let mut x = 1.0f64;
    let mut n = 0;
    while x <= 1000.0 {
        x *= 1.5;
        n += 1;
    }
    v.push(Case {
        name: "float loop",
        text: "\
inputs(f0, i1)
f2 = float_mul(f0, 1.5)
i3 = int_add(i1, 1)
i4 = float_gt(f2, 1000.0)
guard_false(i4) [k: f2, i3]
jump(f2, i3)
"
        .into(),
        runs: vec![run(vec![F(1.0), I(0)], 0, vec![F(x), I(n)])],
    });

    v.push(Case {
        name: "peeled loop using a preamble value",
        text: "\
inputs(i0, i1)
i2 = int_mul(i1, 3)
i3 = int_lt(i0, 50)
guard_true(i3) [k: i0, i1]
label(i0, i1)
i4 = int_add(i0, i2)
i5 = int_lt(i4, 50)
guard_true(i5) [k: i4, i1, i2]
jump(i4, i1)
"
        .into(),
        runs: vec![
            run(vec![I(0), I(2)], 1, vec![I(54), I(2), I(6)]),
            run(vec![I(60), I(2)], 0, vec![I(60), I(2)]),
            run(vec![I(49), I(1)], 1, vec![I(52), I(1), I(3)]),
        ],
    });

    v.push(Case {
        name: "guards",
        text: "\
descr hdr = field ref +0
descr slot = field i64 +0
inputs(p0, i1, f2, p3, p4, p5, i6)
setfield(p0, p5, descr=hdr)
guard_class(p0, ConstPtr(0)) [k: i1, 100]
guard_nonnull(p0) [k: i1, 101]
guard_isnull(p4) [k: p4, 102]
guard_value(i1, 7) [k: i1, 103]
guard_value(f2, 2.5) [k: f2, 104]
guard_value(p4, NULL) [k: p4, 105]
setfield(p3, i6, descr=slot)
guard_not_invalidated(p3) [k: i6, 106]
i7 = int_is_zero(i6)
guard_true(i7) [k: 107]
i8 = ptr_eq(p0, p3)
i9 = ptr_ne(p4, NULL)
i10 = ptr_eq(p0, p0)
i11 = ptr_ne(p0, p3)
p12 = ptr_select(i8, p0, p3)
p13 = ptr_select(i10, p0, p3)
finish(i1, f2, p0, p3, -1.5, i8, i9, i10, i11, p12, p13)
"
        .into(),
        runs: {
            let ok = || vec![Buf(0), I(7), F(2.5), Buf(64), I(0), I(0x1000), I(0)];
            let with = |k: usize, w: Word| {
                let mut v = ok();
                v[k] = w;
                v
            };
            vec![
                run(ok(), 8, vec![I(7), F(2.5), Buf(0), Buf(64), F(-1.5), I(0), I(0), I(1), I(1), Buf(64), Buf(0)]),
                run(with(5, I(0x1008)), 0, vec![I(7), I(100)]),
                run(with(4, Buf(8)), 2, vec![Buf(8), I(102)]),
                run(with(1, I(8)), 3, vec![I(8), I(103)]),
                run(with(2, F(2.0)), 4, vec![F(2.0), I(104)]),
                run(with(6, I(5)), 6, vec![I(5), I(106)]),
            ]
        },
    });

    v.push(Case {
        name: "memory",
        text: MEMORY_TRACE.into(),
        runs: vec![Run { inputs: vec![Buf(0), I(1)], expect: None }, Run { inputs: vec![Buf(0), I(4)], expect: None }],
    });
    v.push(Case {
        name: "pending writes",
        text: PENDING_WRITES_TRACE.into(),
        runs: vec![run(vec![Buf(0), I(0)], 0, vec![I(5)]), run(vec![Buf(0), I(7)], 0, vec![I(8)])],
    });
    v
}

/// A loop whose guard performs pending writes of every kind when it leaves (store sinking):
/// the u8 item at `i1` (the previous count) gets the new count `i2` truncated, the i64 field
/// the new count, an f64 item a constant, a ref field the buffer's own address, and the same
/// item twice in a row (the second write wins).
pub const PENDING_WRITES_TRACE: &str = "\
descr b = array u8 base=8
descr fl = array f64 base=8
descr f2 = field i64 +16
descr pr = field ref +48
inputs(p0, i1)
label(i1)
i2 = int_add(i1, 1)
i3 = int_lt(i2, 5)
guard_true(i3) [k: i2] => setarrayitem(p0, i1, i2, descr=b); setfield(p0, i2, descr=f2); \
setarrayitem(p0, 10, 2.5, descr=fl); setfield(p0, p0, descr=pr); setarrayitem(p0, 0, i1, descr=b); \
setarrayitem(p0, 0, 200, descr=b)
jump(i2)
";

/// Loads and stores of every kind on the scratch buffer (input p0), at index i1 < 5.
pub const MEMORY_TRACE: &str = "\
descr w = array i64 base=8 len=+0
descr b = array u8 base=8
descr sb = array i8 base=8
descr h = array i32 base=8
descr uh = array u32 base=8
descr fl = array f64 base=8
descr rr = array ref base=8
descr f2 = field i64 +16
descr fb = field i8 +24
descr fu = field u32 +32
descr ff = field f64 +40
descr pr = field ref +48
inputs(p0, i1)
i2 = arraylen(p0, descr=w)
i3 = getarrayitem_i(p0, i1, descr=w)
i4 = getarrayitem_i(p0, i1, descr=b)
i5 = getarrayitem_i(p0, 3, descr=sb)
i6 = getarrayitem_i(p0, i1, descr=h)
i7 = getarrayitem_i(p0, 5, descr=uh)
f8 = getarrayitem_f(p0, i1, descr=fl)
i9 = getfield_i(p0, descr=fb)
i10 = getfield_i(p0, descr=fu)
i11 = getarrayitem_i(p0, i1, descr=sb)
setfield(p0, -2, descr=fb)
setfield(p0, i3, descr=fu)
setarrayitem(p0, i1, i2, descr=sb)
setarrayitem(p0, 10, 1.5, descr=fl)
setarrayitem(p0, i1, i9, descr=uh)
setfield(p0, f8, descr=ff)
i12 = getfield_i(p0, descr=f2)
setarrayitem(p0, 12, p0, descr=rr)
p13 = getarrayitem_r(p0, 12, descr=rr)
p14 = getfield_r(p0, descr=pr)
setarrayitem(p0, 13, i1, descr=w)
f15 = getfield_f(p0, descr=ff)
finish(i2, i3, i4, i5, i6, i7, f8, i9, i10, i11, i12, p13, p14, f15)
";
