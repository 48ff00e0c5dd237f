//! aarch64 cross tests: every shared test trace is compiled with
//! `Backend::for_triple("aarch64-unknown-linux-gnu").emit`, run under `qemu-aarch64` by a small
//! static C driver (`jit/c/driver.c`, built with `aarch64-linux-gnu-gcc`), and must produce
//! exactly what the same trace produces on the host. A second test runs linked code: a
//! guard exit that builds a virtual object and jumps to a bridge through its slot, and a
//! `call_assembler` that calls a function trace directly (the driver maps the code and a page
//! of slots at fixed addresses, so the traces can be compiled with those addresses).
//!
//! Missing tools make these two tests fail (never pass silently) with the one-line install
//! command; `.ci/run` installs them.

mod common;

use common::*;
use metatrace_jit::backend::{Backend, LINK_WORDS};
use metatrace_jit::text;
use std::path::{Path, PathBuf};
use std::process::Command;

const GCC: &str = "aarch64-linux-gnu-gcc";
const QEMU: &str = "qemu-aarch64";

/// What to install when a cross tool is missing (Debian and Ubuntu package names).
const INSTALL: &str = "sudo apt-get install qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross";

fn require(tool: &str, version_arg: &str) {
    let ok = Command::new(tool).arg(version_arg).output().map(|o| o.status.success()).unwrap_or(false);
    assert!(
        ok,
        "`{tool}` is missing or does not run: the aarch64 cross tests need it (the other tests do \
         not). Install the cross tools with `{INSTALL}`; `.ci/run` does so."
    );
}

/// A scratch directory for one test of this run (removed at the end of a passing test).
fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("metatrace-aarch64-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds the C driver once per test run.
fn build_driver(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("c/driver.c");
    let exe = dir.join("driver");
    let out = Command::new(GCC)
        .args(["-static", "-O1", "-Wall", "-o"])
        .arg(&exe)
        .arg(&src)
        .output()
        .unwrap_or_else(|e| panic!("running {GCC}: {e}"));
    assert!(
        out.status.success(),
        "{GCC} failed (a static link needs libc6-dev-arm64-cross: `{INSTALL}`):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

/// Where the C driver maps a page of zeroed slots (see `jit/c/driver.c`; it maps the code
/// file at its `CODE_BASE` and relocates code slots itself).
const SLOT_BASE: u64 = 0x5000_0000;

/// How the C driver fills a slot before it runs the code.
enum SlotInit {
    /// The address of trace number k of the file.
    Trace(usize),
    /// This word.
    Word(u64),
}

/// What the C driver loads: a 256-byte header, the entry function, then the traces (each
/// 16-byte aligned, as Cranelift's constant pools expect). It runs trace `run` after filling
/// the slots (index in the slot page, content).
fn code_file_bytes(entry: &[u8], traces: &[&[u8]], run: usize, slots: &[(u64, SlotInit)]) -> Vec<u8> {
    const HEADER: usize = 256;
    assert!(slots.len() <= 9);
    let mut bytes = vec![0u8; HEADER];
    bytes.extend_from_slice(entry);
    let mut offsets = Vec::new();
    for t in traces {
        bytes.resize(bytes.len().next_multiple_of(16), 0);
        offsets.push(bytes.len() as u64);
        bytes.extend_from_slice(t);
    }
    let mut header = vec![offsets[run], HEADER as u64, slots.len() as u64];
    for (index, init) in slots {
        header.extend(match *init {
            SlotInit::Trace(k) => [*index, 0, offsets[k]],
            SlotInit::Word(w) => [*index, 1, w],
        });
    }
    for (k, w) in header.iter().enumerate() {
        bytes[8 * k..8 * k + 8].copy_from_slice(&w.to_le_bytes());
    }
    bytes
}

/// Address of word `k` of the slot page.
fn slot(k: u64) -> u64 {
    SLOT_BASE + 8 * k
}

/// Runs a code file under qemu with the given frame words; returns the exit line and the frame.
fn run_file(driver: &Path, file: &Path, frame_words: usize, inputs: &[u64]) -> (String, Vec<u64>) {
    let out = Command::new(QEMU)
        .arg(driver)
        .arg(file)
        .arg(frame_words.to_string())
        .arg("1")
        .args(inputs.iter().map(|w| format!("0x{w:x}")))
        .output()
        .unwrap_or_else(|e| panic!("running {QEMU}: {e}"));
    assert!(out.status.success(), "the driver failed ({}):\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let exit = lines.next().unwrap().to_string();
    let frame = lines.next().unwrap().split_whitespace().skip(1).map(|w| u64::from_str_radix(w, 16).unwrap()).collect();
    (exit, frame)
}

#[test]
fn aarch64_exits_jump_through_slots_and_calls_go_direct_under_qemu() {
    use metatrace_jit::backend::Link;
    use metatrace_jit::ir::{DescrKind, Opcode, Operand, Type};
    require(GCC, "--version");
    require(QEMU, "-version");
    let dir = scratch_dir("linked");
    let driver = build_driver(&dir);
    let arm = Backend::for_triple("aarch64-unknown-linux-gnu").unwrap();
    let entry = arm.emit_entry().unwrap();
    // A loop whose guard leaves with a virtual Box; its exit slot is slot 0. The bridge B
    // doubles the box's value. The Box is allocated from a free list whose head is slot 100
    // and whose one free object lives in the slot page at word 128.
    let mut a = text::parse(
        "descr Box = size 32\ndescr Box.v = field i64 +16\ninputs(i0)\ni1 = int_add(i0, 1)\ni2 = int_lt(i1, 10)\n\
         guard_true(i2) [k: v0] {v0 = Box(Box.v=i1)}\njump(i1)\n",
    )
    .unwrap();
    for d in &mut a.descrs {
        if let DescrKind::Size(s) = &mut d.kind {
            (s.freelist, s.class) = (slot(100), 0xB0C5);
        }
    }
    let b = text::parse("descr Box.v = field i64 +16\ninputs(p0)\ni1 = getfield_i(p0, descr=Box.v)\ni2 = int_mul(i1, 2)\nfinish(i2, p0)\n")
        .unwrap();
    // SAFETY: the code only runs under qemu, where the C driver maps these slots.
    let (ca, cb) = unsafe {
        (
            arm.emit_linked(
                &a,
                Link {
                    trace_id: 3,
                    slots: slot(0) as *const u64,
                    returns: None,
                    link_words: LINK_WORDS,
                    materialize: None,
                    virtual_inputs: false,
                    label_entry: false,
                    bridge: false,
                },
            )
            .unwrap(),
            arm.emit_linked(
                &b,
                Link {
                    trace_id: 5,
                    slots: slot(2) as *const u64,
                    returns: None,
                    link_words: LINK_WORDS,
                    materialize: None,
                    virtual_inputs: false,
                    label_entry: false,
                    bridge: false,
                },
            )
            .unwrap(),
        )
    };
    let file = dir.join("linked.bin");
    let heap = [(100, SlotInit::Word(slot(128)))];
    std::fs::write(&file, code_file_bytes(&entry, &[&ca, &cb], 0, &heap)).unwrap();
    // (The exit's field words start at `ir::fields_at(1, 1)`, word 16.)
    let words = metatrace_jit::backend::frame_words(&a);
    assert_eq!(words, 17);
    let (exit, frame) = run_file(&driver, &file, words, &[4]);
    assert_eq!(
        (exit.as_str(), frame[0], frame[16]),
        ("trace 3 exit 0", 4, 10),
        "unlinked: A leaves (the box's word left for the driver to fill in, then its field word)"
    );
    let linked = [(100, SlotInit::Word(slot(128))), (0, SlotInit::Trace(1))];
    std::fs::write(&file, code_file_bytes(&entry, &[&ca, &cb], 0, &linked)).unwrap();
    let (exit, frame) = run_file(&driver, &file, words, &[4]);
    assert_eq!(
        (exit.as_str(), &frame[..2]),
        ("trace 5 exit 0", &[20, slot(128)][..]),
        "linked: A's exit builds the box and jumps to B"
    );

    // call_assembler: the direct entry (slot 201) holds a function trace returning a float;
    // the context is slot 200, the forced flag slot 202. The driver function is never called
    // (address 0) because the callee returns normally.
    let mut caller = text::parse(
        "descr portal = call(p, i, p, f, i) -> f reenter\ninputs(f0, i1)\n\
         f2 = call_assembler_f(ConstPtr(0), 3, ConstPtr(1), f0, i1, descr=portal)\n\
         guard_not_forced(ConstPtr(2)) [k: f0, i1]\nf3 = float_add(f2, 0.5)\nfinish(f3)\n",
    )
    .unwrap();
    for op in &mut caller.ops {
        match op.opcode {
            Opcode::CallAssemblerF => {
                op.args[0] = Operand::Ref(slot(200));
                op.args[2] = Operand::Ref(slot(201));
            }
            Opcode::GuardNotForced => op.args[0] = Operand::Ref(slot(202)),
            _ => {}
        }
    }
    let callee = text::parse(
        "inputs(f0, i1)\nguard_true(i1) [k: f0, i1]\nf2 = cast_int_to_float(i1)\nf3 = float_mul(f0, f2)\nfinish(f3)\n",
    )
    .unwrap();
    let cc = arm.emit(&caller).unwrap();
    // SAFETY: as above.
    let ce = unsafe {
        arm.emit_linked(
            &callee,
            Link {
                trace_id: 9,
                slots: slot(210) as *const u64,
                returns: Some(Type::Float),
                link_words: LINK_WORDS,
                materialize: None,
                virtual_inputs: false,
                label_entry: false,
                bridge: false,
            },
        )
    }
    .unwrap();
    std::fs::write(&file, code_file_bytes(&entry, &[&cc, &ce], 0, &[(201, SlotInit::Trace(1))])).unwrap();
    let (exit, frame) = run_file(&driver, &file, 2, &[1.5f64.to_bits(), 3]);
    assert_eq!((exit.as_str(), f64::from_bits(frame[0])), ("exit 1", 5.0), "1.5 * 3 + 0.5, by a direct call");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn aarch64_code_matches_the_host_under_qemu() {
    require(GCC, "--version");
    require(QEMU, "-version");
    let dir = scratch_dir("cases");
    let driver = build_driver(&dir);
    let arm = Backend::for_triple("aarch64-unknown-linux-gnu").unwrap();
    let host = Backend::host().unwrap();
    let entry = arm.emit_entry().unwrap();
    let mut runs = 0;
    for (ci, c) in cases().iter().enumerate() {
        let t = text::parse(&c.text).unwrap();
        let code = arm.emit(&t).unwrap_or_else(|e| panic!("{}: {e}", c.name));
        let code_file = dir.join(format!("case{ci}.bin"));
        std::fs::write(&code_file, code_file_bytes(&entry, &[&code], 0, &[])).unwrap();
        let frame_words = metatrace_jit::backend::frame_words(&t);
        for r in &c.runs {
            let want = run_host(&host, c, r);
            check_expect(c, r, &want);
            let out = Command::new(QEMU)
                .arg(&driver)
                .arg(&code_file)
                .arg(frame_len(frame_words, r).to_string())
                .arg(BUF_WORDS.to_string())
                .args(r.inputs.iter().map(|&w| arg(w)))
                .output()
                .unwrap_or_else(|e| panic!("running {QEMU}: {e}"));
            assert!(
                out.status.success(),
                "{} {:?}: the driver failed ({}):\n{}",
                c.name,
                r.inputs,
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            let got = String::from_utf8(out.stdout).unwrap();
            assert_eq!(got, want.render(), "{} with inputs {:?}: aarch64 (left) vs host (right)", c.name, r.inputs);
            runs += 1;
        }
    }
    assert!(runs >= 30, "only {runs} runs");
    let _ = std::fs::remove_dir_all(&dir);
}
