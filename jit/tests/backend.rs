//! Host tests of the Cranelift backend: compile traces written in the text format, run them
//! on a frame buffer and check exits and live values.

mod common;

use common::*;
use metatrace_jit::backend::{mapped_code_bytes, Backend, CompiledTrace, Link, LINK_WORDS};
use metatrace_jit::ir::{DescrKind, Opcode, Trace};
use metatrace_jit::text;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};

fn host() -> Backend {
    Backend::host().expect("host backend")
}

fn compile(src: &str) -> CompiledTrace {
    host().compile(&text::parse(src).unwrap()).unwrap()
}

/// Runs `code` on a frame holding `inputs`; returns the exit and the whole frame.
fn run(code: &CompiledTrace, inputs: &[u64]) -> (u32, Vec<u64>) {
    let mut frame = vec![0u64; code.frame_words().max(inputs.len())];
    frame[..inputs.len()].copy_from_slice(inputs);
    // SAFETY: the frame is large enough; the callers' traces only touch memory they pass in.
    let exit = unsafe { code.run(frame.as_mut_ptr()) };
    (exit, frame)
}

/// As [`run`] on `t`'s code, and reads the frame as the driver does: a guard's exit leaves
/// the words of its snapshot's constants unwritten (see `backend/exits.rs`), its reader fills
/// them in.
fn run_read(t: &Trace, code: &CompiledTrace, inputs: &[u64]) -> (u32, Vec<u64>) {
    let (exit, mut frame) = run(code, inputs);
    if let Some(s) = t.guard(exit as usize).and_then(|g| g.snapshot.as_ref()) {
        s.fill_constants(&mut frame);
    }
    (exit, frame)
}

/// Parses and compiles `src` for the host.
fn parse_and_compile(src: &str) -> (Trace, CompiledTrace) {
    let t = text::parse(src).unwrap();
    let code = host().compile(&t).unwrap();
    (t, code)
}

#[test]
fn shared_cases_give_the_expected_results() {
    let backend = host();
    for c in cases() {
        for r in &c.runs {
            let out = run_host(&backend, &c, r);
            check_expect(&c, r, &out);
        }
    }
}

#[test]
fn counting_loop_reports_exits_and_frame_size() {
    let (t, code) = parse_and_compile(
        "inputs(i0, i1)\ni2 = int_lt(i0, i1)\nguard_true(i2) [outer: i1; inner: i0, i1, 3.5, NULL]\n\
         i3 = int_add(i0, 1)\njump(i3, i1)\n",
    );
    assert_eq!(code.exit_count(), 2);
    assert_eq!(code.frame_words(), 5);
    assert!(code.code_size() > 0);
    let (exit, frame) = run(&code, &[0, 1000]);
    assert_eq!(exit, 0);
    // The snapshot's constants stay in it: the exit writes the values only.
    assert_eq!(frame, vec![1000, 1000, 1000, 0, 0]);
    assert_eq!(run_read(&t, &code, &[0, 1000]), (0, vec![1000, 1000, 1000, 3.5f64.to_bits(), 0]));
}

#[test]
fn an_exit_writes_what_its_failing_guard_proves_of_the_condition() {
    // guard_true(c) leaves when c is 0, guard_false of a comparison when it is 1: the exits
    // write those constants (the comparison itself is only a branch). The values are the
    // same either way; a forced failure of the same guard (driver tests) keeps its own.
    let code = compile(
        "inputs(i0)\ni1 = int_lt(i0, 10)\nguard_true(i1) [k: i0, i1]\ni2 = int_eq(i0, 5)\n\
         guard_false(i2) [k: i2, i0]\nfinish(i0)\n",
    );
    assert_eq!(run(&code, &[20]), (0, vec![20, 0]));
    assert_eq!(run(&code, &[5]), (1, vec![1, 5]));
    assert_eq!(run(&code, &[3]).0, 2);
}

#[test]
fn a_segment_leaves_through_its_guard_always_fails() {
    // A segment ends in `guard_always_fails` with the last guard's snapshot: the guards
    // before it leave only when they fail, and it always does, writing its snapshot.
    let (t, code) = parse_and_compile(
        "inputs(i0, i1)\ni2 = int_add_ovf(i0, i1)\nguard_no_overflow() [k: i0, i1]\ni3 = int_lt(i2, 100)\n\
         guard_true(i3) [k: i2, i1, 7]\n\
         guard_always_fails() [k: i2, i1, 7]\n",
    );
    assert_eq!(code.exit_count(), 4, "two guards, the segment's end and the finish slot");
    assert_eq!(run_read(&t, &code, &[40, 2]), (2, vec![42, 2, 7]));
    assert_eq!(run(&code, &[i64::MAX as u64, 1]).0, 0);
    assert_eq!(run_read(&t, &code, &[140, 2]), (1, vec![142, 2, 7]));
}

#[test]
fn exits_that_share_their_common_words_write_whole_frames() {
    // Three guards whose ten-word snapshots agree but for the last words: one exit group
    // (see `backend/exits.rs`). Each exit must still leave its whole snapshot in the frame.
    let frame = |a: &str, b: &str| format!("k: i0, i1, 7, i0, i1, 7, i0, i1, {a}, {b}");
    let (t, code) = parse_and_compile(&format!(
        "inputs(i0, i1)\ni2 = int_add(i0, i1)\ni3 = int_lt(i2, 10)\nguard_true(i3) [{}]\n\
         i4 = int_mul(i2, 2)\ni5 = int_lt(i4, 12)\nguard_true(i5) [{}]\ni6 = int_sub(i4, 1)\n\
         i7 = int_lt(i6, 9)\nguard_true(i7) [{}]\nfinish(i6)\n",
        frame("i2", "i0"),
        frame("i2", "i4"),
        frame("i6", "i4"),
    ));
    assert_eq!(run_read(&t, &code, &[8, 4]), (0, vec![8, 4, 7, 8, 4, 7, 8, 4, 12, 8]));
    assert_eq!(run_read(&t, &code, &[5, 2]), (1, vec![5, 2, 7, 5, 2, 7, 5, 2, 7, 14]));
    assert_eq!(run_read(&t, &code, &[3, 2]), (2, vec![3, 2, 7, 3, 2, 7, 3, 2, 9, 10]));
    assert_eq!(run(&code, &[1, 1]).0, 3);
}

#[test]
fn exits_of_a_callee_assigning_its_locals_one_by_one_write_whole_frames() {
    // Eight guards over a frame of eight common words, then eight locals that are the
    // constant 99 until assigned (one more before each guard), then the newest value (which
    // every guard has another of). One exit group: each later member stores the local it
    // assigned in its delta block, and the newest value itself (see `backend/exits.rs`).
    // Exit `k` is taken when input 1 is `k`; after its constants are filled in, it must leave
    // its whole snapshot.
    let mut src = String::from("inputs(i0, i1)\n");
    for k in 0..8 {
        let (v, c) = (2 + 2 * k, 3 + 2 * k);
        src += &format!("i{v} = int_add(i0, {k})\ni{c} = int_eq(i1, {k})\n");
        let locals: Vec<String> =
            (0..8).map(|j| if j <= k { format!("i{}", 2 + 2 * j) } else { "99".into() }).collect();
        src += &format!("guard_false(i{c}) [k: i0, i0, i0, i0, i0, i0, i0, i0, {}, i{v}]\n", locals.join(", "));
    }
    src += "finish(i0)\n";
    let (t, code) = parse_and_compile(&src);
    for k in 0..8u64 {
        let locals = (0..8).map(|j| if j <= k { 1000 + j } else { 99 });
        let want: Vec<u64> = [1000; 8].into_iter().chain(locals).chain([1000 + k]).collect();
        assert_eq!(run_read(&t, &code, &[1000, k]), (k as u32, want), "exit {k}");
    }
    assert_eq!(run(&code, &[1000, 8]).0, 8);
}

#[test]
fn finish_writes_its_arguments() {
    let code = compile("inputs(i0, f1)\ni2 = int_mul(i0, 6)\nfinish(i2, f1, 42, -0.5, NULL)\n");
    assert_eq!(code.exit_count(), 1);
    assert_eq!(code.frame_words(), 5);
    let (exit, frame) = run(&code, &[7, 2.25f64.to_bits()]);
    assert_eq!(exit, 0);
    assert_eq!(frame, vec![42, 2.25f64.to_bits(), 42, (-0.5f64).to_bits(), 0]);
}

#[test]
fn memory_ops_on_rust_vectors() {
    // An object: [header, len-prefixed u8 array at +8.., ...] modelled on a Vec<u64>.
    let mut obj: Vec<u64> = vec![0xC1A55, 3, 0, 0, 0];
    let mut bytes: Vec<u8> = vec![1, 200, 3, 250, 5, 6, 7, 8];
    let code = compile(
        "\
descr len = array u8 base=16 len=+8
descr ub = array u8 base=0
descr sb = array i8 base=0
descr x = field i64 +24
descr y = field f64 +32
inputs(p0, p1, i2)
i3 = arraylen(p0, descr=len)
i4 = getarrayitem_i(p1, i2, descr=ub)
i5 = getarrayitem_i(p1, i2, descr=sb)
setarrayitem(p1, 0, 255, descr=ub)
setarrayitem(p1, i3, -1, descr=sb)
i6 = int_add(i4, i5)
setfield(p0, i6, descr=x)
f7 = cast_int_to_float(i3)
setfield(p0, f7, descr=y)
finish(i3, i4, i5)
",
    );
    let (exit, frame) = run(&code, &[obj.as_mut_ptr() as u64, bytes.as_mut_ptr() as u64, 1]);
    assert_eq!(exit, 0);
    assert_eq!(&frame[..3], &[3, 200, (-56i64) as u64]);
    assert_eq!(obj[3], 144);
    assert_eq!(f64::from_bits(obj[4]), 3.0);
    assert_eq!(bytes, vec![255, 200, 3, 255, 5, 6, 7, 8]);
}

#[test]
fn guards_perform_their_pending_writes_before_leaving() {
    let backend = host();
    let c = cases().into_iter().find(|c| c.name == "pending writes").unwrap();
    for r in &c.runs {
        let out = run_host(&backend, &c, r);
        check_expect(&c, r, &out);
        let Word::I(start) = r.inputs[1] else { panic!() };
        // The loop leaves after its first iteration when it starts at 7, else at count 5.
        let last = if start >= 4 { start } else { 4 };
        let mut bytes: Vec<u8> = buf_pattern().iter().flat_map(|w| w.to_le_bytes()).collect();
        bytes[8 + last as usize] = (last + 1) as u8;
        bytes[16..24].copy_from_slice(&(last + 1).to_le_bytes());
        bytes[8 + 80..8 + 88].copy_from_slice(&2.5f64.to_bits().to_le_bytes());
        bytes[48..56].copy_from_slice(&out.buf_addr.to_le_bytes());
        bytes[8] = 200;
        let want: Vec<u64> = bytes.chunks(8).map(|c| u64::from_le_bytes(c.try_into().unwrap())).collect();
        assert_eq!(out.buf, want, "start {start}");
    }
}

#[test]
fn memory_trace_matches_a_model_of_the_buffer() {
    let backend = host();
    let c = cases().into_iter().find(|c| c.name == "memory").unwrap();
    for r in &c.runs {
        let out = run_host(&backend, &c, r);
        let Word::I(i) = r.inputs[1] else { panic!() };
        let i = i as usize;
        let init = buf_pattern();
        let mut bytes: Vec<u8> = init.iter().flat_map(|w| w.to_le_bytes()).collect();
        let rd = |b: &[u8], at: usize, n: usize| {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&b[at..at + n]);
            u64::from_le_bytes(w)
        };
        let i2 = init[0];
        let i3 = init[1 + i];
        let i4 = bytes[8 + i] as u64;
        let i5 = bytes[8 + 3] as i8 as i64 as u64;
        let i6 = rd(&bytes, 8 + 4 * i, 4) as u32 as i32 as i64 as u64;
        let i7 = rd(&bytes, 8 + 20, 4);
        let f8 = init[1 + i];
        let i9 = bytes[24] as i8 as i64 as u64;
        let i10 = rd(&bytes, 32, 4);
        let i11 = bytes[8 + i] as i8 as i64 as u64;
        bytes[24] = 0xFE;
        bytes[32..36].copy_from_slice(&(i3 as u32).to_le_bytes());
        bytes[8 + i] = i2 as u8;
        bytes[8 + 80..8 + 88].copy_from_slice(&1.5f64.to_bits().to_le_bytes());
        bytes[8 + 4 * i..8 + 4 * i + 4].copy_from_slice(&(i9 as u32).to_le_bytes());
        bytes[40..48].copy_from_slice(&f8.to_le_bytes());
        let i12 = rd(&bytes, 16, 8);
        bytes[8 + 96..8 + 104].copy_from_slice(&out.buf_addr.to_le_bytes());
        let p14 = rd(&bytes, 48, 8);
        bytes[8 + 104..8 + 112].copy_from_slice(&(i as u64).to_le_bytes());
        let f15 = rd(&bytes, 40, 8);
        let want = vec![i2, i3, i4, i5, i6, i7, f8, i9, i10, i11, i12, out.buf_addr, p14, f15];
        assert_eq!(out.exit, 0);
        assert_eq!(&out.frame[..want.len()], &want[..], "index {i}");
        let want_buf: Vec<u64> = bytes.chunks(8).map(|c| rd(c, 0, 8)).collect();
        assert_eq!(out.buf, want_buf, "index {i}");
    }
}

extern "C" fn helper_mix(a: u64, b: u64, c: u64) -> u64 {
    // (i, f, p): i * 10 + f as int + *p
    let f = f64::from_bits(b);
    // SAFETY: the test passes the address of a live u64 as `c`.
    let p = unsafe { *(c as *const u64) };
    (a as i64 * 10 + f as i64) as u64 + p
}

extern "C" fn helper_half(x: u64) -> u64 {
    (f64::from_bits(x) / 2.0).to_bits()
}

static SINK: AtomicU64 = AtomicU64::new(0);

extern "C" fn helper_store(x: u64) {
    SINK.fetch_add(x, Ordering::SeqCst);
}

extern "C" fn helper_id(p: u64) -> u64 {
    p
}

#[test]
fn calls_extern_c_helpers() {
    let mut t = text::parse(
        "\
descr mix = call(i, f, p) -> i readonly
descr half = call(f) -> f elidable
descr store = call(i) -> none write
descr id = call(p) -> p elidable
inputs(i0, f1, p2)
i3 = call_i(i0, f1, p2, descr=mix)
f4 = call_f(f1, descr=half)
call_n(i3, descr=store)
f5 = float_add(f4, 1.0)
p6 = call_r(p2, descr=id)
finish(i3, f5, p6)
",
    )
    .unwrap();
    let funcs = [
        helper_mix as *const () as usize,
        helper_half as *const () as usize,
        helper_store as *const () as usize,
        helper_id as *const () as usize,
    ];
    for (d, f) in t.descrs.iter_mut().zip(funcs) {
        let DescrKind::Call(c) = &mut d.kind else { panic!() };
        c.func = f as u64;
    }
    let code = host().compile(&t).unwrap();
    let cell = 1000u64;
    let p = &cell as *const u64 as u64;
    let before = SINK.load(Ordering::SeqCst);
    let (exit, frame) = run(&code, &[4, 7.5f64.to_bits(), p]);
    assert_eq!(exit, 0);
    assert_eq!(frame, vec![1047, 4.75f64.to_bits(), p]);
    assert_eq!(SINK.load(Ordering::SeqCst) - before, 1047);
}

#[test]
fn guard_not_invalidated_reads_a_rust_static() {
    static FLAG: AtomicU64 = AtomicU64::new(0);
    let mut t = text::parse("inputs(i0)\nguard_not_invalidated(ConstPtr(0)) [k: i0]\nfinish(i0)\n").unwrap();
    let addr = FLAG.as_ptr() as u64;
    t.ops[0].args[0] = metatrace_jit::ir::Operand::Ref(addr);
    let code = host().compile(&t).unwrap();
    assert_eq!(run(&code, &[5]), (1, vec![5]));
    FLAG.store(1, Ordering::SeqCst);
    assert_eq!(run(&code, &[5]), (0, vec![5]));
}

#[test]
fn guard_safepoint_leaves_when_a_collection_is_requested() {
    static REQUESTED: AtomicU64 = AtomicU64::new(0);
    let mut t = text::parse(
        "inputs(i0)
guard_safepoint(ConstPtr(0)) [k: i0]
i1 = int_add(i0, 1)
i2 = int_lt(i1, 100)
guard_true(i2) [k: i1]
jump(i1)
",
    )
    .unwrap();
    t.ops[0].args[0] = metatrace_jit::ir::Operand::Ref(REQUESTED.as_ptr() as u64);
    let code = host().compile(&t).unwrap();
    assert_eq!(run(&code, &[5]), (1, vec![100]));
    REQUESTED.store(1, Ordering::SeqCst);
    assert_eq!(run(&code, &[5]), (0, vec![5]));
}

/// For a trace whose op 0 is a call taking a flag word's address first and op 1 the guard
/// reading that flag: puts the real addresses in (the text format has no addresses).
fn wire_call(t: &mut Trace, flag: u64, func: u64) {
    t.ops[0].args[0] = metatrace_jit::ir::Operand::Ref(flag);
    t.ops[1].args[0] = metatrace_jit::ir::Operand::Ref(flag);
    if let DescrKind::Call(c) = &mut t.descrs[0].kind {
        c.func = func;
    }
}

#[test]
fn save_exception_takes_what_the_call_raised() {
    extern "C" fn maybe_raise(slot: u64, x: u64) -> u64 {
        if x == 0 {
            unsafe { *(slot as *mut u64) = 7 };
        }
        x + 1
    }
    static SLOT: AtomicU64 = AtomicU64::new(0);
    let mut t = text::parse(
        "descr f = call(p, i) -> i mayraise
inputs(i0)
i1 = call_i(ConstPtr(0), i0, descr=f)
p2 = save_exception(ConstPtr(0))
guard_isnull(p2) [k: i0; raised p2]
finish(i1)
",
    )
    .unwrap();
    let slot = SLOT.as_ptr() as u64;
    wire_call(&mut t, slot, maybe_raise as *const () as u64);
    let code = host().compile(&t).unwrap();
    assert_eq!(run(&code, &[5]), (1, vec![6, 0]));
    assert_eq!(run(&code, &[0]), (0, vec![0, 7]), "raised: leaves through the guard, handing over the exception");
    assert_eq!(SLOT.load(Ordering::SeqCst), 0, "the slot is cleared");
}

/// The fake driver of the `call_assembler` tests: what it was called with, and its context
/// (word 0: the head of the live-record chain).
mod fake_portal {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Mutex;
    pub static CHAIN: AtomicU64 = AtomicU64::new(0);
    pub static FORCED: AtomicU64 = AtomicU64::new(0);
    pub static DIRECT: AtomicU64 = AtomicU64::new(0);
    /// Per call: (arguments, live record refs, the caller's frame words the record names,
    /// exit word, frame[0..2]).
    #[allow(clippy::type_complexity)]
    pub static CALLS: Mutex<Vec<(Vec<u64>, Vec<u64>, Vec<u64>, u64, Vec<u64>)>> = Mutex::new(Vec::new());
    /// Sums its float and int arguments; forces (sets the flag) when the int is negative.
    pub extern "C" fn driver(ctx: u64, target: u64, args: u64, n_args: u64, frame: u64, exit: u64) -> u64 {
        assert_eq!((target, n_args), (3, 2));
        // SAFETY: the compiled code passes n_args argument words, a frame buffer of at least
        // 2 words, and a context whose word 0 heads a chain of records
        // [prev, n, frame, held, refs...] whose frame holds `held` words.
        let (w, f, refs, held) = unsafe {
            let w = std::slice::from_raw_parts(args as *const u64, 2).to_vec();
            let f = std::slice::from_raw_parts(frame as *const u64, 2).to_vec();
            let rec = *(ctx as *const u64) as *const u64;
            assert_eq!(*rec, 0, "one record on the chain");
            let refs =
                std::slice::from_raw_parts(rec.add(metatrace_jit::backend::LIVE_HEADER), *rec.add(1) as usize).to_vec();
            let held = std::slice::from_raw_parts(*rec.add(2) as *const u64, *rec.add(3) as usize).to_vec();
            (w, f, refs, held)
        };
        CALLS.lock().unwrap().push((w.clone(), refs, held, exit, f));
        let (x, n) = (f64::from_bits(w[0]), w[1] as i64);
        if n < 0 {
            FORCED.store(1, Ordering::SeqCst);
            return 0;
        }
        (x + n as f64).to_bits()
    }
}

/// A trace calling target 3 through `call_assembler_{ty}` with the fake portal wired in
/// (context, forced flag and direct entry word).
fn portal_trace(src: &str) -> Trace {
    use metatrace_jit::ir::Operand;
    let mut t = text::parse(src).unwrap();
    let ctx = fake_portal::CHAIN.as_ptr() as u64;
    for op in &mut t.ops {
        match op.opcode {
            Opcode::CallAssemblerF | Opcode::CallAssemblerI | Opcode::CallAssemblerR => {
                op.args[0] = Operand::Ref(ctx);
                op.args[2] = Operand::Ref(fake_portal::DIRECT.as_ptr() as u64);
            }
            Opcode::CallMayForceF | Opcode::CallMayForceI | Opcode::CallMayForceR => op.args[0] = Operand::Ref(ctx),
            Opcode::GuardNotForced => op.args[0] = Operand::Ref(fake_portal::FORCED.as_ptr() as u64),
            _ => {}
        }
    }
    if let DescrKind::Call(c) = &mut t.descrs[0].kind {
        c.func = fake_portal::driver as *const () as u64;
    }
    t
}

#[test]
fn call_assembler_runs_the_direct_entry_or_the_driver() {
    use fake_portal::*;
    // Tests touching the fake portal's statics run one at a time.
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _serial = SERIAL.lock().unwrap();
    let caller = portal_trace(
        "descr portal = call(p, i, p, f, i) -> f reenter
inputs(p0, f1, i2, p3)
f4 = call_assembler_f(ConstPtr(0), 3, ConstPtr(1), f1, i2, descr=portal)
guard_not_forced(ConstPtr(2)) [k: p0, f1, i2]
f5 = float_add(f4, 0.5)
finish(f5, p3, p0)
",
    );
    let backend = host();
    let code = backend.compile(&caller).unwrap();
    let reset = || {
        FORCED.store(0, Ordering::SeqCst);
        CALLS.lock().unwrap().clear();
    };
    // No direct entry: the driver runs the call; p0 and p3 are live across it, in their own
    // frame words, which the live record names rather than copying them.
    DIRECT.store(0, Ordering::SeqCst);
    reset();
    let (exit, frame) = run(&code, &[0xAA, 1.25f64.to_bits(), 2, 0xBB]);
    assert_eq!((exit, f64::from_bits(frame[0])), (1, 3.75));
    let calls = CALLS.lock().unwrap().clone();
    assert_eq!(calls.len(), 1);
    assert_eq!(
        (calls[0].1.clone(), calls[0].2.clone(), calls[0].3),
        (vec![], vec![0xAA, 1.25f64.to_bits(), 2, 0xBB], metatrace_jit::backend::NOT_RUN),
        "p0 and p3 are live across the call in the frame; the callee has not run"
    );
    assert_eq!(CHAIN.load(Ordering::SeqCst), 0, "the record is popped after the call");
    // Forced: leaves through guard_not_forced.
    reset();
    let (exit, frame) = run(&code, &[0xAA, 1.25f64.to_bits(), -1i64 as u64, 0xBB]);
    assert_eq!((exit, &frame[..3]), (0, &[0xAA, 1.25f64.to_bits(), -1i64 as u64][..]), "forced: leaves");
    // A direct entry: a function trace returning a float (x * n) or leaving at its guard
    // (n == 0). Returning, it is the result, without the driver.
    let callee = text::parse(
        "inputs(f0, i1)\nguard_true(i1) [k: f0, i1]\nf2 = cast_int_to_float(i1)\nf3 = float_mul(f0, f2)\nfinish(f3)\n",
    )
    .unwrap();
    let slots = [0u64; 2];
    let link = Link {
        trace_id: 9,
        slots: slots.as_ptr(),
        returns: Some(metatrace_jit::ir::Type::Float),
        link_words: LINK_WORDS,
        materialize: None,
        virtual_inputs: false,
        label_entry: false,
        bridge: false,
    };
    // SAFETY: the slots outlive the code and stay 0.
    let direct = unsafe { backend.compile_linked(&callee, link) }.unwrap();
    DIRECT.store(direct.code() as u64, Ordering::SeqCst);
    reset();
    let (exit, frame) = run(&code, &[0xAA, 1.5f64.to_bits(), 3, 0xBB]);
    assert_eq!((exit, f64::from_bits(frame[0])), (1, 5.0), "1.5 * 3 + 0.5");
    assert!(CALLS.lock().unwrap().is_empty(), "the driver was not called");
    // Leaving at its guard: the driver continues from that exit (here: it computes 1.5 + 0).
    reset();
    let (exit, frame) = run(&code, &[0xAA, 1.5f64.to_bits(), 0, 0xBB]);
    assert_eq!((exit, f64::from_bits(frame[0])), (1, 2.0));
    let calls = CALLS.lock().unwrap().clone();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].3, 9 << 32, "exit 0 of trace 9");
    assert_eq!(calls[0].4, vec![1.5f64.to_bits(), 0], "the guard's snapshot is in the callee's frame");
    DIRECT.store(0, Ordering::SeqCst);
    // Integer and reference results come back as the word itself.
    for (ty, op) in [("i", "call_assembler_i("), ("p", "call_assembler_r(")] {
        let t = portal_trace(&format!(
            "descr portal = call(p, i, p, f, i) -> {ty} reenter
inputs(f0, i1)
{ty}2 = {op}ConstPtr(0), 3, ConstPtr(1), f0, i1, descr=portal)
guard_not_forced(ConstPtr(2)) [k: f0, i1]
finish({ty}2)
"
        ));
        let code = host().compile(&t).unwrap();
        reset();
        let (exit, frame) = run(&code, &[0.5f64.to_bits(), 2]);
        assert_eq!((exit, frame[0]), (1, 2.5f64.to_bits()), "{op}");
    }
    // `call_may_force_*` (a native): the same call, always through the driver, with a live
    // record; `record_known_class` and `record_known_range` emit nothing.
    for (ty, op) in [("i", "call_may_force_i("), ("f", "call_may_force_f("), ("p", "call_may_force_r(")] {
        let t = portal_trace(&format!(
            "descr portal = call(p, i, f, i) -> {ty} reenter
inputs(f0, i1, p2)
record_known_class(p2, ConstPtr(3))
record_known_range(i1, -5, 5)
{ty}3 = {op}ConstPtr(0), 3, f0, i1, descr=portal)
guard_not_forced(ConstPtr(2)) [k: f0, i1]
finish({ty}3, p2)
"
        ));
        let code = host().compile(&t).unwrap();
        reset();
        let (exit, frame) = run(&code, &[0.5f64.to_bits(), 2, 0xCC]);
        assert_eq!((exit, frame[0]), (1, 2.5f64.to_bits()), "{op}");
        let calls = CALLS.lock().unwrap().clone();
        // p2, live across the call, is in its own frame word (the record names words 0..3).
        assert_eq!(
            (calls.len(), calls[0].1.clone(), calls[0].2.clone(), calls[0].3),
            (1, vec![], vec![0.5f64.to_bits(), 2, 0xCC], metatrace_jit::backend::NOT_RUN)
        );
        reset();
        let (exit, _) = run(&code, &[0.5f64.to_bits(), -2i64 as u64, 0xCC]);
        assert_eq!(exit, 0, "{op}: forced");
    }
}

/// A fake heap for `new`: a free list of 16-word slots threaded through word 1, and slow
/// paths that count their calls.
mod fake_heap {
    use std::sync::atomic::{AtomicU64, Ordering};
    pub static SLOW_CALLS: AtomicU64 = AtomicU64::new(0);
    pub static SPARE: [[AtomicU64; 8]; 4] = [const { [const { AtomicU64::new(0) }; 8] }; 4];
    pub extern "C" fn slow(_heap: u64, class: u64) -> u64 {
        let n = SLOW_CALLS.fetch_add(1, Ordering::SeqCst) as usize;
        SPARE[n % 4][0].store(class, Ordering::SeqCst);
        SPARE[n % 4].as_ptr() as u64
    }
    pub extern "C" fn slow_array(_heap: u64, class: u64, len: u64) -> u64 {
        SPARE[3][0].store(class, Ordering::SeqCst);
        SPARE[3][2].store(len, Ordering::SeqCst);
        SPARE[3].as_ptr() as u64
    }
}

#[test]
fn new_pops_the_free_list_inline_and_calls_the_slow_path_when_empty() {
    use metatrace_jit::ir::DescrKind;
    let mut t = text::parse(
        "descr Pair = size 32\ndescr Arr = size 24 items=i64\ninputs(i0)\np1 = new(descr=Pair)\n\
         p2 = new(descr=Pair)\np3 = new_array(i0, descr=Arr)\nfinish(p1, p2, p3)\n",
    )
    .unwrap();
    // Two free slots: a -> b -> 0; their word 1 links them, the rest is zero.
    let slots: Vec<u64> = vec![0; 8];
    let slots = Box::leak(slots.into_boxed_slice());
    let a = slots.as_mut_ptr() as u64;
    let b = a + 32;
    slots[1] = b;
    slots[5] = 0;
    let list: &'static mut u64 = Box::leak(Box::new(a));
    for d in &mut t.descrs {
        if let DescrKind::Size(s) = &mut d.kind {
            s.class = 0xC1A55;
            s.freelist = if s.items.is_none() { list as *mut u64 as u64 } else { 0 };
            s.slow = fake_heap::slow as *const () as u64;
            s.slow_array = fake_heap::slow_array as *const () as u64;
        }
    }
    let code = host().compile(&t).unwrap();
    let (exit, frame) = run(&code, &[7]);
    assert_eq!(exit, 0);
    assert_eq!(&frame[..2], &[a, b], "both objects come from the free list");
    assert_eq!(unsafe { *(a as *const u64) }, 0xC1A55, "header word 0 is the class");
    assert_eq!(unsafe { *((a + 8) as *const u64) }, 0, "header word 1 is cleared");
    assert_eq!(*list, 0, "the list is empty now");
    assert_eq!(frame[2], fake_heap::SPARE[3].as_ptr() as u64);
    assert_eq!(fake_heap::SPARE[3][2].load(Ordering::SeqCst), 7, "new_array passes its length");
    // The list is empty: the next run takes the slow path for both objects.
    let before = fake_heap::SLOW_CALLS.load(Ordering::SeqCst);
    let (_, frame) = run(&code, &[1]);
    assert_eq!(fake_heap::SLOW_CALLS.load(Ordering::SeqCst), before + 2);
    assert_ne!(frame[0], a);
}

#[test]
fn new_array_of_its_exact_constant_length_allocates_inline() {
    use metatrace_jit::ir::DescrKind;
    // Arrays of exactly 2 items pop a free list and get their length word; other lengths (and
    // an empty list) call slow_array (this test's own: it records the length it got).
    static LENS: std::sync::Mutex<Vec<u64>> = std::sync::Mutex::new(Vec::new());
    static SLOW: [AtomicU64; 4] = [const { AtomicU64::new(0) }; 4];
    extern "C" fn slow_array(_heap: u64, _class: u64, len: u64) -> u64 {
        LENS.lock().unwrap().push(len);
        SLOW.as_ptr() as u64
    }
    let mut t = text::parse(
        "descr Arr = size 24 items=i64\ninputs(i0)\np1 = new_array(2, descr=Arr)\np2 = new_array(3, descr=Arr)\nfinish(p1, p2)\n",
    )
    .unwrap();
    let slot: &'static mut [u64; 6] = Box::leak(Box::new([0, 0, 0, 0, 0, 0]));
    let a = slot.as_mut_ptr() as u64;
    let list: &'static mut u64 = Box::leak(Box::new(a));
    for d in &mut t.descrs {
        if let DescrKind::Size(s) = &mut d.kind {
            s.class = 0xA77;
            s.freelist = list as *mut u64 as u64;
            s.exact_len = Some(2);
            s.len_offset = 16;
            s.slow_array = slow_array as *const () as u64;
        }
    }
    let code = host().compile(&t).unwrap();
    let (_, frame) = run(&code, &[0]);
    assert_eq!(frame[0], a, "the 2-item array comes from the free list");
    assert_eq!((slot[0], slot[1], slot[2]), (0xA77, 0, 2), "class, cleared word 1, length");
    assert_eq!(frame[1], SLOW.as_ptr() as u64, "3 items: the slow path");
    assert_eq!(*LENS.lock().unwrap(), vec![3]);
    assert_eq!(*list, 0);
    // The list is empty now: the 2-item array takes the slow path too, with its length.
    let (_, frame) = run(&code, &[0]);
    assert_eq!(frame[0], SLOW.as_ptr() as u64);
    assert_eq!(*LENS.lock().unwrap(), vec![3, 2, 3]);
}

#[test]
fn compiled_traces_are_send() {
    fn is_send<T: Send>() {}
    is_send::<CompiledTrace>();
    let code = compile("inputs(i0)\ni1 = int_add(i0, 1)\nfinish(i1)\n");
    let (exit, frame) = std::thread::spawn(move || run(&code, &[41])).join().unwrap();
    assert_eq!((exit, frame), (0, vec![42]));
}

#[test]
fn dropping_traces_unmaps_their_code() {
    let backend = host();
    let t = text::parse("inputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_lt(i1, 10)\nguard_true(i2) [k: i1]\njump(i1)\n")
        .unwrap();
    // Compile and drop many traces one at a time: memory is released as we go.
    for _ in 0..2000 {
        let code = backend.compile(&t).unwrap();
        assert_eq!(run(&code, &[0]), (0, vec![10]));
    }
    // Keep 500 alive, then drop them: the mapped total goes up and back down. Other tests run
    // in parallel and map a few pages of their own, so the bounds leave room for them.
    let page = 4096;
    let base = mapped_code_bytes();
    let live: Vec<CompiledTrace> = (0..500).map(|_| backend.compile(&t).unwrap()).collect();
    let peak = mapped_code_bytes();
    assert!(peak >= base + 400 * page, "base {base}, peak {peak}");
    drop(live);
    let after = mapped_code_bytes();
    assert!(after + 400 * page <= peak, "peak {peak}, after {after}");
}

#[test]
fn cross_backends_emit_but_do_not_run() {
    let t = text::parse(&cases()[0].text).unwrap();
    for triple in ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"] {
        let b = Backend::for_triple(triple).unwrap();
        let code = b.emit(&t).unwrap();
        assert!(!code.is_empty());
        assert_eq!(code, b.emit(&t).unwrap(), "{triple}: emit is deterministic");
    }
    let arm = Backend::for_triple("aarch64-unknown-linux-gnu").unwrap();
    if cfg!(target_arch = "x86_64") {
        let e = arm.compile(&t).unwrap_err();
        assert!(e.to_string().contains("not this machine"), "{e}");
    }
    assert!(Backend::for_triple("nonsense-triple-xyz").is_err());
}

#[test]
fn rejects_invalid_traces() {
    let bad = [
        ("inputs(i0, i1)\njump(i0)\n", "arguments"),
        ("inputs(i0)\nfinish(i0)\ni1 = int_add(i0, 1)\nfinish(i1)\n", "before the end"),
        ("inputs(i0)\nguard_always_fails() [k: i0]\nfinish(i0)\n", "before the end"),
        ("inputs(i0)\ni1 = int_add(i0, 1)\n", "must end with"),
        ("inputs(i0)\nguard_no_overflow() [k: i0]\nfinish(i0)\n", "overflow"),
        (
            "inputs(i0)\ni1 = int_add_ovf(i0, 1)\ni2 = int_add(i1, 1)\nguard_no_overflow() [k: i0]\nfinish(i0)\n",
            "overflow",
        ),
        ("descr f = field f64 +0\ninputs(p0)\nsetfield(p0, 1, descr=f)\nfinish(p0)\n", "arguments"),
    ];
    for (src, want) in bad {
        let e = host().compile(&text::parse(src).unwrap()).unwrap_err();
        assert!(e.0.contains("invalid trace") && e.0.contains(want), "{src}: {e}");
    }
}

#[test]
fn label_with_repeated_and_constant_arguments() {
    let code = compile(
        "inputs(i0)\nlabel(i0, i0, 5)\ni1 = int_add(i0, 1)\ni2 = int_lt(i1, 10)\nguard_true(i2) [k: i1, i0]\n\
         jump(i1, i1, 5)\n",
    );
    assert_eq!(run(&code, &[0]), (0, vec![10, 9]));
}

#[test]
fn floor_division_and_modulo_by_positive_constants() {
    // The specialized code for a constant divisor > 0 against Python's rounding, on both
    // signs, zero, remainders of 0, and the extremes.
    // Divisors: 1, powers of two, ones whose 64-bit magic needs the add-back step (7, 641),
    // big and the biggest; dividends: around 0, multiples of c, the extremes, and a
    // pseudo-random spread of both signs.
    let mut spread = 0x9e37_79b9_7f4a_7c15u64;
    let spread: Vec<i64> = (0..200)
        .map(|_| {
            spread ^= spread << 13;
            spread ^= spread >> 7;
            spread ^= spread << 17;
            (spread as i64) >> (spread % 60)
        })
        .collect();
    for c in [1i64, 2, 3, 7, 10, 641, 1024, 1000003, 1 << 62, (1 << 62) + 1, i64::MAX - 1, i64::MAX] {
        let code = compile(&format!("inputs(i0)\ni1 = int_mod(i0, {c})\ni2 = int_floordiv(i0, {c})\nfinish(i1, i2)\n"));
        let near = [0i64, 1, -1, 6, -6, 7, -7, 8, -8, 1000002, -1000003, -1000004, i64::MAX, i64::MIN, i64::MIN + 1];
        let multiples = [c, -c, c.wrapping_mul(3), c - 1, 1 - c, -c - 1, i64::MIN / c * c, i64::MAX / c * c];
        for &x in near.iter().chain(&multiples).chain(&spread) {
            let (_, out) = run(&code, &[x as u64]);
            let (m, d) = (x.rem_euclid(c), x.div_euclid(c));
            assert_eq!((out[0] as i64, out[1] as i64), (m, d), "{x} % {c}, {x} // {c}");
        }
    }
}

#[test]
fn unsigned_division_of_dividends_not_negative() {
    // `uint_mod`/`uint_floordiv` (what the range analysis makes of `%` and `//` on dividends
    // it knows are not negative): by constants through the multiply-high alone, by a variable
    // through the unsigned divide; against the floor forms on 0, multiples, neighbours and the
    // largest dividend.
    for c in [2i64, 3, 7, 10, 641, 1000003, (1 << 62) + 1, i64::MAX] {
        let code = compile(&format!(
            "inputs(i0, i1)\ni2 = uint_mod(i0, {c})\ni3 = uint_floordiv(i0, {c})\ni4 = uint_mod(i0, i1)\n\
             i5 = uint_floordiv(i0, i1)\nfinish(i2, i3, i4, i5)\n"
        ));
        for x in
            [0i64, 1, 6, 7, 8, c - 1, c, c.wrapping_add(1).max(0), 1000002, 123_456_789_012, i64::MAX - 1, i64::MAX]
        {
            let (_, out) = run(&code, &[x as u64, c as u64]);
            let want = (x.rem_euclid(c), x.div_euclid(c));
            assert_eq!((out[0] as i64, out[1] as i64), want, "{x} % {c}, {x} // {c}");
            assert_eq!((out[2] as i64, out[3] as i64), want, "{x} % {c}, {x} // {c} (by a variable)");
        }
    }
}

#[test]
fn floor_modulo_by_a_constant_in_a_loop_crossing_zero() {
    // The sign test of `%` by a constant branches inside the loop body, with guards before
    // and after it and the loop-closing guard last: x runs from 40 down past -50 by 3, both
    // ways of the branch taken in turn, and the sum of x % 7 and x // 7 is checked.
    let code = compile(
        "inputs(i0, i1)\nlabel(i0, i1)\ni2 = int_gt(i0, -100)\nguard_true(i2) [k: i0, i1]\n\
         i3 = int_mod(i0, 7)\ni4 = int_floordiv(i0, 7)\ni5 = int_add(i3, i4)\ni6 = int_add(i1, i5)\n\
         i7 = int_sub(i0, 3)\ni8 = int_gt(i7, -50)\nguard_true(i8) [k: i7, i6]\njump(i7, i6)\n",
    );
    let (mut x, mut sum) = (40i64, 0i64);
    while x - 3 > -50 {
        sum += x.rem_euclid(7) + x.div_euclid(7);
        x -= 3;
    }
    sum += x.rem_euclid(7) + x.div_euclid(7);
    assert_eq!(run(&code, &[40, 0]), (1, vec![(x - 3) as u64, sum as u64]));
}

#[test]
fn multiplication_by_constants_near_powers_of_two() {
    // 2^k + 1 and 2^k - 1 are computed as a shift and an add or subtract: the same wrapping
    // product as a multiply, whichever side the constant is on, for both signs and the extremes.
    let cs = [3i64, 5, 7, 9, 15, 17, 31, 33, 63, 1025, (1 << 40) - 1, (1 << 61) + 1, (1 << 62) - 1, -31, 6, 1 << 62];
    let xs = [0i64, 1, -1, 2, -7, 123_456_789, -987_654_321, i64::MAX, i64::MIN, i64::MIN + 1, 1 << 40, -(1 << 33)];
    for c in cs {
        let code = compile(&format!("inputs(i0)\ni1 = int_mul(i0, {c})\ni2 = int_mul({c}, i0)\nfinish(i1, i2)\n"));
        for x in xs {
            let (_, out) = run(&code, &[x as u64]);
            assert_eq!((out[0] as i64, out[1] as i64), (x.wrapping_mul(c), x.wrapping_mul(c)), "{x} * {c}");
        }
    }
}

#[test]
fn every_opcode_is_exercised() {
    let mut texts: Vec<String> = cases().into_iter().map(|c| c.text).collect();
    texts.push(include_str!("backend.rs").to_string());
    let mut seen = HashSet::new();
    for op in Opcode::ALL {
        let call = format!("{}(", op.name());
        let used = |src: &String| {
            src.match_indices(&call)
                .any(|(i, _)| i == 0 || !src[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        };
        if texts.iter().any(used) {
            seen.insert(*op);
        }
    }
    let missing: Vec<&str> = Opcode::ALL.iter().filter(|o| !seen.contains(o)).map(|o| o.name()).collect();
    assert!(missing.is_empty(), "opcodes without a backend test: {missing:?}");
}

/// Compile latency of a ~20-op trace. Run in release to get meaningful numbers:
/// `cargo test --release -p metatrace-jit --test backend -- --ignored --nocapture latency`.
#[test]
#[ignore]
fn compile_latency() {
    let t: Trace = text::parse(
        "\
descr w = array i64 base=8 len=+0
inputs(p0, i1, i2, f3)
i4 = arraylen(p0, descr=w)
i5 = uint_lt(i1, i4)
guard_true(i5) [k: p0, i1, i2, f3]
i6 = getarrayitem_i(p0, i1, descr=w)
i7 = int_add_ovf(i2, i6)
guard_no_overflow() [k: p0, i1, i2, f3]
i8 = int_mul(i6, 3)
i9 = int_xor(i8, i7)
f10 = cast_int_to_float(i9)
f11 = float_mul(f3, 0.5)
f12 = float_add(f11, f10)
i13 = int_mod(i9, 7)
i14 = int_floordiv(i7, 3)
i15 = int_add(i13, i14)
setarrayitem(p0, i1, i15, descr=w)
i16 = int_add(i1, 1)
i17 = int_lt(i16, 100)
guard_true(i17) [k: p0, i16, i7, f12]
jump(p0, i16, i7, f12)
",
    )
    .unwrap();
    let backend = host();
    for _ in 0..20 {
        backend.compile(&t).unwrap();
    }
    let n = 500;
    let start = std::time::Instant::now();
    for _ in 0..n {
        drop(backend.compile(&t).unwrap());
    }
    let per = start.elapsed() / n;
    let size = backend.compile(&t).unwrap().code_size();
    println!("compile of a {}-op trace: {per:?} per trace ({size} bytes of code)", t.ops.len());
}

#[test]
fn exits_jump_to_the_code_in_their_slots() {
    // A counts up and leaves when i1 reaches 10 (guard 0) or finishes; B, a "bridge" for
    // that guard, doubles its input and finishes. A's exits go through its slots: empty,
    // A returns its own exit word; with B's code in guard 0's slot, the exit jumps to B on
    // the same frame buffer, and the word returned is B's.
    let backend = host();
    let a = text::parse("inputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_lt(i1, 10)\nguard_true(i2) [k: i1]\njump(i1)\n")
        .unwrap();
    let b = text::parse("inputs(i0)\ni1 = int_mul(i0, 2)\nfinish(i1, 7)\n").unwrap();
    let slots_a: Vec<std::cell::Cell<u64>> = vec![Default::default(), Default::default()];
    let slots_b: Vec<std::cell::Cell<u64>> = vec![Default::default()];
    // SAFETY: the slots outlive the code and only ever hold 0 or the code of `cb`, whose
    // input is what A's guard writes and whose frame (2 words) fits the buffer.
    let (ca, cb) = unsafe {
        let ca = backend
            .compile_linked(
                &a,
                Link {
                    trace_id: 3,
                    slots: slots_a.as_ptr() as *const u64,
                    returns: None,
                    link_words: LINK_WORDS,
                    materialize: None,
                    virtual_inputs: false,
                    label_entry: false,
                    bridge: false,
                },
            )
            .unwrap();
        let cb = backend
            .compile_linked(
                &b,
                Link {
                    trace_id: 5,
                    slots: slots_b.as_ptr() as *const u64,
                    returns: None,
                    link_words: LINK_WORDS,
                    materialize: None,
                    virtual_inputs: false,
                    label_entry: false,
                    bridge: false,
                },
            )
            .unwrap();
        (ca, cb)
    };
    let enter = |frame: &mut Vec<u64>| {
        // SAFETY: the frame has room for both traces' words; they touch no other memory.
        unsafe { (ca.entry())(ca.code(), frame.as_mut_ptr()) }
    };
    let mut frame = vec![0u64; 4];
    assert_eq!(enter(&mut frame), 3 << 32);
    assert_eq!(frame[0], 10);
    slots_a[0].set(cb.code() as u64);
    frame[0] = 4;
    assert_eq!(enter(&mut frame), 5 << 32 | 0);
    assert_eq!(&frame[..2], &[20, 7]);
    // Unlinking goes back to returning.
    slots_a[0].set(0);
    frame[0] = 0;
    assert_eq!(enter(&mut frame), 3 << 32);
    // `run` gives the exit number alone.
    frame[0] = 0;
    // SAFETY: as above.
    assert_eq!(unsafe { cb.run(frame.as_mut_ptr()) }, 0);
    assert_eq!(&frame[..2], &[0, 7]);
}

#[test]
fn exits_leave_words_that_hold_their_input_and_write_loop_carried_ones() {
    // Slot 1 holds input 1 unchanged: the exit leaves the word (a marker shows it was not
    // written); slot 0 holds a loop-carried input, which the exit must write as it is now.
    let code =
        compile("inputs(i0, i1)\ni2 = int_add(i0, 1)\ni3 = int_lt(i2, 10)\nguard_true(i3) [k: i0, i1]\njump(i2, i1)\n");
    assert_eq!(run(&code, &[0, 77]), (0, vec![9, 77]));
    // The same with a label whose argument is the input itself: inside the loop, `i0` is the
    // label's parameter, no longer what word 0 holds.
    let code = compile(
        "inputs(i0, i1)\nlabel(i0)\ni2 = int_add(i0, 1)\ni3 = int_lt(i2, 10)\nguard_true(i3) [k: i0, i1]\njump(i2)\n",
    );
    assert_eq!(run(&code, &[0, 77]), (0, vec![9, 77]));
    // An input used only where its own word holds it is not even loaded, yet `finish` and
    // the exits see it.
    let code = compile("inputs(i0, i1, i2)\ni3 = int_lt(i0, 5)\nguard_true(i3) [k: i0, i1, i2]\nfinish(i3, i1, i2)\n");
    assert_eq!(run(&code, &[7, 8, 9]), (0, vec![7, 8, 9]));
    assert_eq!(run(&code, &[1, 8, 9]), (1, vec![1, 8, 9]));
}

#[test]
fn exit_code_grows_with_what_changes_not_with_frame_width() {
    // The same loop with 8 and with 800 inputs: 20 guards, each snapshot holding every input
    // and two changed values. The wide frame's code is not much larger.
    let trace = |width: usize| {
        let ins: Vec<String> = (0..width).map(|k| format!("i{k}")).collect();
        let mut s = format!("inputs({})\n", ins.join(", "));
        let mut v = width;
        for g in 0..20 {
            s += &format!("i{} = int_add(i0, {g})\ni{} = int_lt(i{}, 1000)\n", v, v + 1, v);
            let mut snap = ins.clone();
            snap[1] = format!("i{v}");
            s += &format!("guard_true(i{}) [k: {}]\n", v + 1, snap.join(", "));
            v += 2;
        }
        let mut jump = ins.clone();
        jump[0] = format!("i{}", v - 2);
        s + &format!("jump({})\n", jump.join(", "))
    };
    let (narrow, wide) = (compile(&trace(8)), compile(&trace(800)));
    assert!(wide.code_size() < 2 * narrow.code_size(), "{} vs {} bytes", wide.code_size(), narrow.code_size());
    let mut inputs = vec![0u64; 800];
    inputs[5] = 55;
    let (exit, frame) = run(&wide, &inputs);
    // Input 0 steps by 19: guard 12 fails first, at 988 + 12.
    assert_eq!((exit, frame[0], frame[1], frame[5]), (12, 988, 1000, 55));
}

#[test]
fn a_wide_loops_label_entry_loads_only_the_slots_its_body_reads() {
    // A peeled loop over 8 and over 800 inputs, compiled with its second entry at the label
    // (`Link::label_entry`). The body reads slot 0; the other slots only sit in snapshots at
    // their own positions, where their words hold them: no exit writes them and neither
    // entry loads them, so the wide loop's code is about as large as the narrow one's (it
    // was one dead load per slot at the label entry, 7 bytes each).
    let trace = |width: usize| {
        let ins: Vec<String> = (0..width).map(|k| format!("i{k}")).collect();
        let (a, b) = (width, width + 1);
        let mut snap = ins.clone();
        snap[0] = format!("i{a}");
        format!(
            "inputs({})\nlabel(i0)\ni{a} = int_add(i0, 1)\ni{b} = int_lt(i{a}, 1000)\n\
             guard_true(i{b}) [k: {}]\njump(i{a})\n",
            ins.join(", "),
            snap.join(", ")
        )
    };
    let backend = host();
    let slots: Vec<std::cell::Cell<u64>> = vec![Default::default(), Default::default()];
    let link = Link {
        trace_id: 1,
        slots: slots.as_ptr() as *const u64,
        returns: None,
        link_words: 1024,
        materialize: None,
        virtual_inputs: false,
        label_entry: true,
        bridge: false,
    };
    // SAFETY: the slots outlive the code and hold 0: every exit returns its exit word.
    let (narrow, wide) = unsafe {
        let narrow = backend.compile_linked(&text::parse(&trace(8)).unwrap(), link).unwrap();
        (narrow, backend.compile_linked(&text::parse(&trace(800)).unwrap(), link).unwrap())
    };
    assert!(wide.code_size() < narrow.code_size() + 256, "{} vs {} bytes", wide.code_size(), narrow.code_size());
    let mut inputs = vec![0u64; 800];
    inputs[799] = 799;
    let (exit, frame) = run(&wide, &inputs);
    assert_eq!((exit as u64 & 0xffff_ffff, frame[0], frame[799]), (0, 1000, 799));
}

#[test]
fn exits_to_code_taking_virtual_inputs_build_nothing() {
    // A's guard describes a virtual object (v0) at frame word 1, with its field in word 16
    // (see `ir::fields_at`). The code in the guard's slot takes virtual inputs
    // (`Link::virtual_inputs`): the exit jumps without allocating, so word 1 keeps what it
    // held and B sees the field's value.
    let backend = host();
    let a = text::parse(
        "descr Box = size 32\ndescr Box.v = field i64 +16\ninputs(i0, p1)\ni2 = int_add(i0, 1)\n\
         i3 = int_lt(i2, 10)\nguard_true(i3) [k: i2, v0] {v0 = Box(Box.v=i2)}\njump(i2, p1)\n",
    )
    .unwrap();
    let unused: String = (2..16).map(|k| format!("i{k}, ")).collect();
    let b = text::parse(&format!("inputs(i0, p1, {unused}i16)\ni17 = int_mul(i16, 3)\nfinish(i0, p1, i17)\n")).unwrap();
    let slots_a: Vec<std::cell::Cell<u64>> = vec![Default::default(), Default::default()];
    let slots_b: Vec<std::cell::Cell<u64>> = vec![Default::default()];
    let link = |id: u32, slots: &[std::cell::Cell<u64>]| Link {
        trace_id: id,
        slots: slots.as_ptr() as *const u64,
        returns: None,
        link_words: LINK_WORDS,
        materialize: None,
        virtual_inputs: true,
        label_entry: false,
        bridge: false,
    };
    // SAFETY: the slots outlive the code and only ever hold 0 or the code of `cb`, whose
    // inputs are the words A's guard writes and whose frame (17 words) fits the buffer.
    let (ca, cb) = unsafe {
        (backend.compile_linked(&a, link(3, &slots_a)).unwrap(), backend.compile_linked(&b, link(5, &slots_b)).unwrap())
    };
    slots_a[0].set(cb.code() as u64);
    let mut frame = vec![0; 17];
    frame[1] = 0xdead;
    // SAFETY: the frame has room for both traces' words; they touch no other memory (no
    // allocation happens: that is what is tested).
    let word = unsafe { (ca.entry())(ca.code(), frame.as_mut_ptr()) };
    assert_eq!(word, 5 << 32);
    assert_eq!(&frame[..3], &[10, 0xdead, 30]);
}

#[test]
fn functions_past_the_large_size_compile_with_the_single_pass_allocator_and_run_the_same() {
    // A long straight-line trace whose guards keep earlier values alive: past
    // `LARGE_FUNCTION` Cranelift instructions, where the backend switches allocators.
    let n = 6_000;
    let mut src = String::from("inputs(i0, i1)\n");
    let mut expect = 5i64;
    for k in 0..n {
        let (x, y) = (k + 1, k + 2);
        src += &format!("i{y} = int_add(i{x}, {k})\n");
        expect += k as i64;
        if k % 2 == 0 {
            let c = y + n + 10;
            src += &format!("i{c} = int_lt(i{y}, i0)\nguard_true(i{c}) [f: i{y}, i{x}, i1]\n");
        }
    }
    src += &format!("finish(i{})\n", n + 1);
    let code = compile(&src);
    let (exit, frame) = run(&code, &[i64::MAX as u64, 5]);
    assert_eq!(exit as usize, code.exit_count() - 1, "the trace finishes");
    assert_eq!(frame[0] as i64, expect);
    // A failing guard leaves with its snapshot's values.
    let (exit, frame) = run(&code, &[100, 5]);
    assert_eq!(exit, 7, "the first guard that sees a value of 100 or more");
    assert_eq!(&frame[..3], &[5 + 105, 5 + 91, 5]);
}

/// On x86-64 the entry calls trace code as a C function (see the backend's module docs): the
/// trace must give back every register the C convention has the callee preserve, although
/// Cranelift compiled it in its own tail convention. The trace keeps 32 values alive at its
/// `finish`, more than there are registers, so it uses the callee-saved ones; the caller
/// (assembly, since Rust keeps its own values in those registers) checks they hold what it put
/// there.
#[cfg(target_arch = "x86_64")]
#[test]
fn the_entry_keeps_the_registers_the_c_convention_preserves() {
    let n = 16;
    let inputs: Vec<String> = (0..n).map(|k| format!("i{k}")).collect();
    let mut src = format!("inputs({})\n", inputs.join(", "));
    let mut results = Vec::new();
    for k in 0..n {
        src += &format!("i{} = int_mul(i{k}, i{})\n", n + k, (k + 1) % n);
        results.push(format!("i{}", n + k));
    }
    src += &format!("finish({}, {})\n", results.join(", "), inputs.join(", "));
    let code = compile(&src);
    let mut frame = vec![0u64; code.frame_words()];
    for (k, w) in frame.iter_mut().take(n).enumerate() {
        *w = k as u64 + 2;
    }
    let (entry, trace, words) = (code.entry(), code.code(), frame.as_mut_ptr());
    let magic = [0x1111_2222_3333_4444u64, 0x5555_6666_7777_8888, 0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210, 42];
    let [mut rbx, mut r12, mut r13, mut r14, mut r15] = magic;
    let (exit, unbalanced): (u64, u64);
    // SAFETY: the frame has the trace's words, and the trace touches no other memory. The
    // assembly keeps rbx (which Rust reserves) and rbp as it found them, calls with the stack
    // aligned to 16 bytes as the C convention requires, and declares every register that
    // convention lets a callee change.
    unsafe {
        std::arch::asm!(
            "push rbx",
            "push rbp",
            "mov rbp, rsp",
            "and rsp, -16",
            "mov rbx, rdx",
            "call {entry}",
            "mov rdx, rbx",
            "mov rcx, rbp",
            "and rcx, -16",
            "sub rcx, rsp",
            "mov rsp, rbp",
            "pop rbp",
            "pop rbx",
            entry = in(reg) entry,
            inout("rdx") rbx,
            in("rdi") trace,
            in("rsi") words,
            inout("r12") r12,
            inout("r13") r13,
            inout("r14") r14,
            inout("r15") r15,
            lateout("rax") exit,
            lateout("rcx") unbalanced,
            clobber_abi("C"),
        );
    }
    assert_eq!([rbx, r12, r13, r14, r15], magic);
    assert_eq!(unbalanced, 0, "the call left the stack pointer moved");
    // The trace ran: it left through its finish with the products and its inputs.
    assert_eq!(exit, 0);
    for k in 0..n {
        assert_eq!(frame[k], (k as u64 + 2) * ((k + 1) % n + 2) as u64, "word {k}");
        assert_eq!(frame[n + k], k as u64 + 2, "word {}", n + k);
    }
}
