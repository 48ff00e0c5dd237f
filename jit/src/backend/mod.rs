//! The Cranelift backend: compiles a trace to machine code for x86-64 or aarch64.
//!
//! A compiled trace is a function `fn(frame: *mut u64) -> u64` in Cranelift's *tail* calling
//! convention, working on a *frame buffer* of 64-bit words:
//! - on entry, input `k` is read from `frame[k]` (ints as i64, floats as their bits, refs as
//!   addresses);
//! - when guard number `g` (guards are numbered 0, 1, 2, … in op order) fails, the code writes
//!   the values of its snapshot to `frame[0..]` (frames outermost first, then the virtual
//!   objects' fields from `ir::fields_at`: see `Snapshot::words`) and leaves through exit
//!   `g`. The words of its constants are left unwritten: whoever reads the words takes them
//!   from the snapshot ([`Snapshot::fill_constants`](crate::ir::Snapshot::fill_constants));
//!   code linked to the exit (a bridge) uses the constants, never those words;
//! - `finish(args)` writes `args` to `frame[0..]` and leaves through the last exit (number:
//!   the number of guards);
//! - `jump(args)` loops: to the `label` if the trace has one, else back to the top.
//!
//! Leaving through an exit: a trace compiled with a [`Link`] has one *exit slot* per exit, a
//! word the driver owns. If the slot holds the address of another trace (a bridge attached to
//! that guard, the loop a `finish` continues in), the exit tail-calls it on the same frame
//! buffer (whose words are exactly that trace's inputs), so control moves from trace to
//! trace without returning; otherwise it returns `trace_id << 32 | exit`, naming the trace
//! that left. Cranelift cannot patch emitted code, so attaching a bridge is writing a slot.
//! Traces compiled without a link return the exit number alone.
//!
//! Code is entered through the backend's *entry function*, `extern "C" fn(code, frame) ->
//! u64`, which calls the trace and returns its exit word; [`CompiledTrace::run`] does that.
//! Rust cannot name the tail convention. On x86-64 it does not need to: there Cranelift's tail
//! convention passes a trace's two integer arguments and its result in the registers of the
//! System V convention and preserves the same registers (it differs in who pops arguments
//! passed on the stack, and a trace has none), so the entry is a Rust function calling the
//! trace as `extern "sysv64"` (`direct_entry`; a test checks the preserved registers with
//! inline assembly). Elsewhere the entry is a function Cranelift compiles when the backend is
//! made ([`Backend::emit_entry`]), which was the first compile of every process that used the
//! JIT: about 0.2 ms, 2 % of a 10 ms run.
//!
//! Traces contain no relocations (helpers are called through `call_indirect` on a constant
//! address, float constants live in the function's own constant pool), so the finished code
//! is position independent: [`Backend::compile`] copies it into pages owned by the returned
//! [`CompiledTrace`], and [`Backend::emit`] returns the bytes for another target (the
//! aarch64 cross tests run them under qemu).
//!
//! Cranelift's own optimizer (e-graphs: GVN, loop-invariant code motion, rewrites) runs on
//! root traces only, loops and function entries (see `Flavor`): a trace reaches the backend
//! already optimized, and what is left for Cranelift to find pays off only in code that runs
//! hot. Bridges ([`Link::bridge`]), which a branchy program has by the hundred, compile
//! without it.

mod code_memory;
mod codegen;
mod exits;

pub use code_memory::mapped_code_bytes;

use crate::ir::{Opcode, Trace, Type};
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::isa::{self, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use std::str::FromStr;
use std::sync::OnceLock;
use target_lexicon::Triple;

/// Why a trace could not be compiled (or a backend not built).
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "compile error: {}", self.0)
    }
}

impl std::error::Error for CompileError {}

/// A Cranelift code generator for one target ISA.
pub struct Backend {
    /// Makes the target's ISA with given flags.
    builder: isa::Builder,
    /// The target's ISA for each [`Flavor`], made at its first use (the optimized flavor at once:
    /// traces are translated with it).
    isas: [OnceLock<OwnedTargetIsa>; 3],
    /// How the host enters trace code (host backends only; see the module docs).
    entry: Option<Entry>,
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Backend({})", self.isa().triple())
    }
}

/// Functions with more Cranelift instructions than this are register-allocated in one pass.
/// The backtracking allocator's time grows faster than linearly with a function's size when
/// many values live across it (a long trace whose guards keep much of the frame alive): a
/// 6,600-op Python loop took 5 s to allocate, more than all the rest of a run. Past this size
/// the single-pass allocator bounds compile time at the price of more spills, which a trace
/// that long spreads over enough work to pay for.
pub const LARGE_FUNCTION: usize = 12_000;

/// How a function is compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flavor {
    /// A root trace (a loop or a function entry): Cranelift's optimizer and the backtracking
    /// register allocator.
    Optimized = 0,
    /// A bridge, or the entry function: the backtracking allocator without Cranelift's
    /// optimizer.
    Quick = 1,
    /// Past [`LARGE_FUNCTION`] instructions: the single-pass allocator (see there).
    Large = 2,
}

/// The compiler flags of a [`Flavor`].
fn shared_flags(flavor: Flavor) -> Result<settings::Flags, CompileError> {
    let mut b = settings::builder();
    let mut set = |k: &str, v: &str| b.set(k, v).map_err(|e| CompileError(format!("setting {k}={v}: {e}")));
    // (Measured with callgrind on mtpy's benchmarks and fern's loops, budgets off so that
    // every flavor compiles the same traces: `opt_level=none` takes a quarter off Cranelift's
    // time, but loops lose up to a tenth on spectral_norm without it, and function entries 5 %
    // on mtpy's fib (CPU time). `single_pass` allocation compiles about twice as fast but
    // nbody's loops run 40 % more instructions, spilling.)
    set("opt_level", if flavor == Flavor::Quick { "none" } else { "speed" })?;
    set("regalloc_algorithm", if flavor == Flavor::Large { "single_pass" } else { "backtracking" })?;
    // The IR verifier is a debugging aid; it costs compile time in release builds.
    set("enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" })?;
    // Nobody unwinds through trace code (helpers are `extern "C"` and must not unwind).
    set("unwind_info", "false")?;
    // Cranelift's tail calls (exits jumping to other traces) rely on frame pointers.
    set("preserve_frame_pointers", "true")?;
    Ok(settings::Flags::new(b))
}

impl Backend {
    /// ISA for this machine (cranelift-native, with the host's CPU features), for code that
    /// will run here.
    pub fn host() -> Result<Backend, CompileError> {
        Backend::finish(|| cranelift_native::builder().map_err(|e| CompileError(format!("host ISA: {e}"))))
    }

    /// ISA from a named triple, e.g. `"x86_64-unknown-linux-gnu"` or
    /// `"aarch64-unknown-linux-gnu"`, with the ISA's baseline features only (no host CPU
    /// detection), so the output is reproducible across machines.
    pub fn for_triple(triple: &str) -> Result<Backend, CompileError> {
        let triple = Triple::from_str(triple).map_err(|e| CompileError(format!("bad triple {triple:?}: {e}")))?;
        Backend::finish(|| isa::lookup(triple.clone()).map_err(|e| CompileError(format!("no ISA for {triple}: {e}"))))
    }

    /// The backend for the target `builder` makes builders for (one per register allocator).
    fn finish(builder: impl Fn() -> Result<isa::Builder, CompileError>) -> Result<Backend, CompileError> {
        let builder = builder()?;
        let isa = build_isa(&builder, Flavor::Optimized)?;
        if isa.pointer_bits() != 64 {
            return Err(CompileError(format!("{}: only 64-bit targets are supported", isa.triple())));
        }
        let isas = [OnceLock::from(isa), OnceLock::new(), OnceLock::new()];
        let mut backend = Backend { builder, isas, entry: None };
        if backend.is_host() {
            backend.entry = Some(backend.host_entry()?);
        }
        Ok(backend)
    }

    /// How this machine enters trace code (see the module docs).
    #[cfg(target_arch = "x86_64")]
    fn host_entry(&self) -> Result<Entry, CompileError> {
        Ok(Entry::Direct)
    }

    /// How this machine enters trace code: through the compiled entry function.
    #[cfg(not(target_arch = "x86_64"))]
    fn host_entry(&self) -> Result<Entry, CompileError> {
        let code = self.emit_entry()?;
        Ok(Entry::Compiled(std::sync::Arc::new(code_memory::CodeMemory::new(&code).map_err(CompileError)?)))
    }

    /// The target triple this backend generates code for.
    pub fn triple(&self) -> &Triple {
        self.isa().triple()
    }

    /// The ISA traces are translated with (the optimized flavor's).
    fn isa(&self) -> &dyn isa::TargetIsa {
        &**self.isas[Flavor::Optimized as usize].get().expect("made by Backend::finish")
    }

    /// The ISA of `flavor`, made now if it is the first use.
    fn isa_of(&self, flavor: Flavor) -> Result<&dyn isa::TargetIsa, CompileError> {
        let slot = &self.isas[flavor as usize];
        if slot.get().is_none() {
            // (Another thread may win the race; either ISA is the same.)
            let _ = slot.set(build_isa(&self.builder, flavor)?);
        }
        Ok(&**slot.get().expect("just set"))
    }

    /// Whether code from this backend can run on this machine.
    fn is_host(&self) -> bool {
        let (me, host) = (self.triple(), Triple::host());
        me.architecture == host.architecture && me.operating_system == host.operating_system
    }

    /// Compiles `t` for the host and maps it executable; every exit returns. Only valid for
    /// [`Backend::host`] (or a triple matching the host).
    pub fn compile(&self, t: &Trace) -> Result<CompiledTrace, CompileError> {
        self.compile_with(t, None)
    }

    /// Compiles `t` for the host with exit slots (see the module docs).
    ///
    /// # Safety
    /// `link.slots` points to `t.guard_count() + 1` words that stay valid, and hold 0 or the
    /// [`CompiledTrace::code`] of a live trace of this backend whose inputs are what the exit
    /// writes and whose [`frame_words`](CompiledTrace::frame_words) fit every frame buffer this
    /// trace will be run on, for as long as the returned code may run.
    pub unsafe fn compile_linked(&self, t: &Trace, link: Link) -> Result<CompiledTrace, CompileError> {
        self.compile_with(t, Some(link))
    }

    fn compile_with(&self, t: &Trace, link: Option<Link>) -> Result<CompiledTrace, CompileError> {
        let Some(entry) = &self.entry else {
            return Err(CompileError(format!(
                "backend targets {}, which is not this machine ({}); use emit()",
                self.triple(),
                Triple::host()
            )));
        };
        let links = link.map(|l| codegen::ExitLinks {
            trace_id: l.trace_id,
            slots: l.slots as u64,
            returns: l.returns,
            link_words: l.link_words,
            materialize: l.materialize,
            virtual_inputs: l.virtual_inputs,
            label_entry: l.label_entry,
        });
        let optimize = !link.is_some_and(|l| l.bridge);
        let code = self.emit_function(optimize, |isa, fctx| codegen::translate(t, isa, fctx, links))?;
        let mem = code_memory::CodeMemory::new(&code).map_err(CompileError)?;
        // (A loop with a label entry writes the values its body reads at the label there.)
        let at_label = if link.is_some_and(|l| l.label_entry) { crate::opt::short::entry_words(t).len() } else { 0 };
        let frame_words = frame_words(t).max(at_label);
        Ok(CompiledTrace { mem, entry: entry.clone(), frame_words, exit_count: t.guard_count() + 1 })
    }

    /// Compiles `t` to raw position-independent machine code for this backend's target (for
    /// cross tests and code-size statistics), without exit slots: the code returns its exit
    /// number. It is entered through the code of [`emit_entry`](Self::emit_entry).
    ///
    /// `t` should pass [`crate::verify()`]; the backend checks what it relies on itself (values
    /// defined before use, operand/result/descriptor types, ending in `jump` or `finish`) and
    /// reports a broken trace as an error.
    pub fn emit(&self, t: &Trace) -> Result<Vec<u8>, CompileError> {
        self.emit_function(true, |isa, fctx| codegen::translate(t, isa, fctx, None))
    }

    /// As [`emit`](Self::emit), with exit slots (see [`compile_linked`](Self::compile_linked)):
    /// for code that runs elsewhere (the aarch64 cross tests map its slots at a fixed address).
    ///
    /// # Safety
    /// Running the code requires what [`compile_linked`](Self::compile_linked) requires, in the
    /// address space where it runs.
    pub unsafe fn emit_linked(&self, t: &Trace, link: Link) -> Result<Vec<u8>, CompileError> {
        let links = codegen::ExitLinks {
            trace_id: link.trace_id,
            slots: link.slots as u64,
            returns: link.returns,
            link_words: link.link_words,
            materialize: link.materialize,
            virtual_inputs: link.virtual_inputs,
            label_entry: link.label_entry,
        };
        self.emit_function(!link.bridge, |isa, fctx| codegen::translate(t, isa, fctx, Some(links)))
    }

    /// The entry function's position-independent machine code for this backend's target:
    /// `extern "C" fn(code: *const u8, frame: *mut u64) -> u64` runs the trace at `code`.
    pub fn emit_entry(&self) -> Result<Vec<u8>, CompileError> {
        self.emit_function(false, |isa, fctx| Ok(codegen::entry_function(isa, fctx)))
    }

    /// Builds a function with `build` and compiles it (`optimize`: with Cranelift's optimizer,
    /// see [`Flavor`]).
    fn emit_function(
        &self,
        optimize: bool,
        build: impl FnOnce(
            &dyn isa::TargetIsa,
            &mut FunctionBuilderContext,
        ) -> Result<cranelift_codegen::ir::Function, String>,
    ) -> Result<Vec<u8>, CompileError> {
        // (A fresh context per function: one kept to reuse its allocations kept what the
        // largest function so far had grown it to, up to 1.3 MB on wide frames, and saved no
        // measurable time: mtpy's benchmarks took the same, 0.1 % apart in the geometric mean.)
        let mut ctx = Context::new();
        ctx.func = build(self.isa(), &mut FunctionBuilderContext::new())
            .map_err(|e| CompileError(format!("invalid trace: {e}")))?;
        let flavor = match (ctx.func.dfg.num_insts() > LARGE_FUNCTION, optimize) {
            (true, _) => Flavor::Large,
            (false, true) => Flavor::Optimized,
            (false, false) => Flavor::Quick,
        };
        let compiled = ctx
            .compile(self.isa_of(flavor)?, &mut ControlPlane::default())
            .map_err(|e| CompileError(format!("cranelift: {:?}", e.inner)))?;
        let relocs = compiled.buffer.relocs();
        if !relocs.is_empty() {
            return Err(CompileError(format!("trace code has {} relocations; traces must have none", relocs.len())));
        }
        Ok(compiled.code_buffer().to_vec())
    }
}

/// Makes the ISA of `flavor` from the target's `builder`.
fn build_isa(builder: &isa::Builder, flavor: Flavor) -> Result<OwnedTargetIsa, CompileError> {
    builder.finish(shared_flags(flavor)?).map_err(|e| CompileError(format!("building the ISA: {e}")))
}

/// Words of frame buffer a trace needs: its inputs, its widest snapshot and its `finish`
/// arguments (at least 1).
pub fn frame_words(t: &Trace) -> usize {
    let mut n = t.inputs.len().max(1);
    for op in &t.ops {
        if let Some(s) = &op.snapshot {
            n = n.max(s.word_count());
        }
        if op.opcode == Opcode::Finish {
            n = n.max(op.args.len());
        }
    }
    n
}

/// Where a trace's exits may continue: see [`Backend::compile_linked`].
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// The trace's number, returned in the high half of its exit words.
    pub trace_id: u32,
    /// Its exit slots: one word per exit (guards in order, then `finish`).
    pub slots: *const u64,
    /// For a trace whose `finish` returns from a function (its only argument is the result, of
    /// this type): that exit returns [`returned_word`] instead of going through its slot.
    pub returns: Option<Type>,
    /// Words of the frame buffer its direct `call_assembler` calls give the callee (the Vm's
    /// link limit: see [`LINK_WORDS`]).
    pub link_words: usize,
    /// How an exit whose snapshot has virtual objects builds them before it jumps to linked
    /// code: `(f, ctx)`, a call `f(ctx, frame, exit_word)` (`extern "C"`) that allocates them
    /// from the words the exit wrote (as the driver does before it runs a bridge) and stores
    /// their addresses in the frame words that refer to them. Out of line, so such an exit
    /// costs one call rather than the allocations and stores of every object. `None`: the
    /// exit allocates them inline.
    pub materialize: Option<(u64, u64)>,
    /// The code in a guard exit's slot takes the exit's virtual objects as the words the exit
    /// wrote (frames, then the virtuals' fields), building them itself if it needs them: the
    /// exit jumps without building anything (and `materialize` is not used).
    pub virtual_inputs: bool,
    /// A loop (with a label) also gets a second entry at its label, for code that finishes
    /// into it with the values of [`crate::opt::short::entry_words`] in the frame buffer
    /// (an exit slot holding the code's address plus 1, or the entry function called so).
    /// The preamble passes them the same way (it writes those that are not inputs to the
    /// frame buffer at the label; the inputs' words still hold them).
    pub label_entry: bool,
    /// The trace is a bridge: compiled without Cranelift's optimizer (see the module docs).
    pub bridge: bool,
}

/// The default link limit: frame-buffer words every run of linked code gets at least. An exit
/// slot (or the direct entry of a `call_assembler`) may only hold code whose frame needs no
/// more than the limit: a run's buffer is sized when the run starts, and code linked later
/// must fit it. The limit is per Vm ([`Link::link_words`]; the toolchain's
/// `JitParams::link_words`), so a language with wide frames sizes it to them; code compiled
/// without links uses this one.
pub const LINK_WORDS: usize = 64;

/// The words of a live record before its references (see the `call_assembler_*` ops): the
/// previous record (0 at the end of the chain), the number `n` of references that follow,
/// a frame buffer, how many of its first words (`held`) the collector must scan as well,
/// because they hold live inputs of the suspended code, the call site ([`call_site`], or
/// [`NO_CALL_SITE`]) and the address of the words of the site's exit that hold values
/// (those its `guard_not_forced` would write when it fails; 0 without a site): a bitmap of
/// `ceil(w / 64)` words for the exit's `w` words, whose bit `k` says that the frame buffer's
/// word `k` holds exit word `k` (an input as loaded), then the exit's `w` words in order, of
/// which those holding values and not in the frame buffer are written. So a record is
/// `[previous, n, frame, held, site, words, refs...]`; the frame's words are scanned conservatively (not every word is a reference:
/// the collector keeps only those that are objects of its heap, which is safe because it
/// does not move objects). The site and its words say what the frames suspended in the call
/// hold, for a language listing its callers (Python's `sys._getframe`): the site's resume
/// data, read with these words, describes them.
pub const LIVE_HEADER: usize = 6;

/// A call site of a live record: the `guard_not_forced` after the call, guard number `guard`
/// of trace number `trace` (`Link::trace_id`).
pub fn call_site(trace: u32, guard: u32) -> u64 {
    (u64::from(trace) << 32) | u64::from(guard)
}

/// The call site of a live record made without links (traces compiled on their own): none.
pub const NO_CALL_SITE: u64 = u64::MAX;

/// What compiled code passes to the `call_assembler` helper as the exit word when the callee
/// has not run (no exit word is this: see [`returned_word`] and [`ExitWord::Left`]).
pub const NOT_RUN: u64 = u64::MAX;

/// How a run of linked code ended, decoded from the exit word it returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitWord {
    /// Trace number `trace` left through exit `exit` (values in the frame buffer).
    Left {
        /// The [`Link::trace_id`] of the trace that left.
        trace: u32,
        /// Its exit: a guard's number, or the number of guards for `finish`.
        exit: u32,
    },
    /// A function trace returned a result of this type, in `frame[0]`.
    Returned(Type),
}

/// The exit word of a function trace returning a result of type `ty` (high half all ones: no
/// trace has that number).
pub fn returned_word(ty: Type) -> u64 {
    let code = match ty {
        Type::Int => 0,
        Type::Float => 1,
        Type::Ref => 2,
    };
    (u32::MAX as u64) << 32 | code
}

/// Decodes the exit word of a run of linked code.
pub fn decode_exit(word: u64) -> ExitWord {
    if word >> 32 == u32::MAX as u64 {
        ExitWord::Returned(match word as u32 {
            0 => Type::Int,
            1 => Type::Float,
            _ => Type::Ref,
        })
    } else {
        ExitWord::Left { trace: (word >> 32) as u32, exit: word as u32 }
    }
}

/// The signature of the entry function: runs the trace at `code` on `frame`, returns its exit
/// word (see the module docs).
pub type EntryFn = unsafe extern "C" fn(code: *const u8, frame: *mut u64) -> u64;

/// How the host enters trace code (see the module docs).
#[derive(Clone)]
enum Entry {
    /// [`direct_entry`]: the tail convention is the C convention for a trace's signature.
    #[cfg(target_arch = "x86_64")]
    Direct,
    /// Cranelift's [`codegen::entry_function`] (kept alive by every trace that needs it).
    #[cfg(not(target_arch = "x86_64"))]
    Compiled(std::sync::Arc<code_memory::CodeMemory>),
}

/// The entry function on x86-64 (see the module docs): calls the trace at `code` (its label
/// entry if bit 0 is set) on `frame`.
///
/// # Safety
/// `code` (bit 0 clear) is the start of a trace compiled by a host backend on x86-64, and the
/// call meets [`CompiledTrace::run`]'s contract.
#[cfg(target_arch = "x86_64")]
unsafe extern "C" fn direct_entry(code: *const u8, frame: *mut u64) -> u64 {
    let at_label = code as u64 & 1;
    // SAFETY: trace code is a function `(frame: i64, at_label: i64) -> i64` in Cranelift's
    // tail convention, which on x86-64 takes those in rdi and rsi, returns in rax and
    // preserves rbx, rbp and r12 to r15, as the System V convention does (Cranelift 0.135's
    // x64 ABI: `get_intreg_for_arg`, `get_intreg_for_retval`, `is_callee_save_systemv`; the
    // test `the_entry_keeps_the_registers_the_c_convention_preserves` checks the last); it has
    // no stack arguments, the one place where the two conventions differ (the callee pops
    // them). So it is called as the function type below. The rest is the caller's contract.
    unsafe {
        let trace = std::mem::transmute::<*const u8, unsafe extern "sysv64" fn(*mut u64, u64) -> u64>(
            code.wrapping_sub(at_label as usize),
        );
        trace(frame, at_label)
    }
}

/// A trace compiled for this machine: owns its executable pages, released on drop.
pub struct CompiledTrace {
    mem: code_memory::CodeMemory,
    /// How the host enters it.
    entry: Entry,
    frame_words: usize,
    exit_count: usize,
}

impl std::fmt::Debug for CompiledTrace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledTrace")
            .field("code", &self.mem.as_ptr())
            .field("code_size", &self.code_size())
            .field("frame_words", &self.frame_words)
            .field("exit_count", &self.exit_count)
            .finish()
    }
}

impl CompiledTrace {
    /// Runs the trace until it leaves; returns the exit taken (a guard's number, or
    /// `exit_count() - 1` for `finish`). The exit's values are then in `frame[0..]`. This is
    /// for traces from [`Backend::compile`], whose exits only return; linked code (which may
    /// leave from another trace, or return a result) is run through [`entry`](Self::entry),
    /// which gives the whole exit word.
    ///
    /// # Safety
    /// `frame` points to at least [`frame_words`](Self::frame_words) writable, 8-byte
    /// aligned `u64`s holding the trace's inputs, and every reference the trace dereferences
    /// (inputs, constants, helper addresses in call descrs) is valid for what the trace does.
    pub unsafe fn run(&self, frame: *mut u64) -> u32 {
        // SAFETY: forwarded from the caller (see `entry`); the code is this trace's.
        unsafe { (self.entry())(self.code(), frame) as u32 }
    }

    /// The entry function, which runs trace code (this trace's [`code`](Self::code), or any
    /// other of the same backend) with the contract of [`run`](Self::run) and returns the exit
    /// word: `trace_id << 32 | exit` for linked traces (see the module docs). For callers that
    /// must not hold a borrow of the trace while it runs (the code may call back into a driver
    /// that owns the trace): the pointer is valid as long as this `CompiledTrace` is alive,
    /// wherever it moves.
    pub fn entry(&self) -> EntryFn {
        match &self.entry {
            #[cfg(target_arch = "x86_64")]
            Entry::Direct => direct_entry,
            // SAFETY: the pages hold a complete function with exactly this signature in the
            // platform's C calling convention (entry_function, built for the host); they stay
            // mapped while any trace holding the Arc lives.
            #[cfg(not(target_arch = "x86_64"))]
            Entry::Compiled(code) => unsafe { std::mem::transmute::<*const u8, EntryFn>(code.as_ptr()) },
        }
    }

    /// The address of the trace's code: what the entry function and exit slots take.
    pub fn code(&self) -> *const u8 {
        self.mem.as_ptr()
    }

    /// Words the frame buffer passed to [`run`](Self::run) must have: max(inputs, widest
    /// snapshot, finish arguments), at least 1.
    pub fn frame_words(&self) -> usize {
        self.frame_words
    }

    /// Number of exits: one per guard, plus the `finish` exit.
    pub fn exit_count(&self) -> usize {
        self.exit_count
    }

    /// Size of the machine code in bytes (including its constant pool).
    pub fn code_size(&self) -> usize {
        self.mem.len()
    }
}
