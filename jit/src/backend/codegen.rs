//! Translates a trace into a Cranelift function of the frame buffer (see [`super`]).
//!
//! Layout of the generated function `fn(frame: *mut u64) -> u64` (tail calling convention):
//! - the entry block loads the inputs from `frame[k]`;
//! - without a `label`, a trace that ends in `jump` continues in a loop block whose
//!   parameters are the inputs; with a `label`, the ops before it (the preamble) run once
//!   and the label's block (parameters: the label's arguments) is the loop head, while the
//!   other preamble values are used directly in the loop body since the preamble dominates it;
//! - every guard branches to its own cold exit block, which writes the guard's snapshot to
//!   `frame[0..]` (but for its constants, and sharing stores with neighbouring exits: see
//!   `exits.rs`) and leaves with the guard's number;
//! - `finish` writes its arguments to `frame[0..]` and leaves with the number of guards;
//! - exits and `finish` skip the words that already hold the value to be written: a trace
//!   only writes the frame buffer when it leaves, so `frame[k]` holds input `k` for the whole
//!   run, and a slot `k` whose value is input `k` *as loaded at entry* (not a loop-carried
//!   block parameter that merely started as it) is left as it is. The code that reads the
//!   buffer next (the driver, a bridge or the loop a `finish` continues in) sees the same
//!   words as if they had been written, and a wide frame costs its exits only the slots that
//!   changed (see [`Codegen::stable`]);
//! - inputs are loaded only if used; a loop without a label passes only its loop-carried
//!   inputs (those its `jump` changes) as parameters of the loop block;
//! - leaving (with exit links) loads the exit's slot and tail-calls the code it holds on the
//!   frame buffer, or, if it holds 0, returns `trace_id << 32 | exit`; without exit links it
//!   just returns the exit number;
//! - a guard right before the loop's `jump` branches to the loop head itself (one
//!   conditional branch per iteration), and its exit block is its fallthrough;
//! - a guard's pending writes (sunk stores) are done in its exit block, before the snapshot;
//! - `call_assembler_*` passes its words in a stack array (see `Codegen::call_assembler`).
//!
//! Trace values map one to one onto Cranelift SSA values, so no `Variable`s are needed.

mod arith;

use crate::ir::{self as tir, ArgType, Arity, DescrKind, MemKind, Opcode, Operand, Trace};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::immediates::Ieee64;
use cranelift_codegen::ir::types::{F64, I64};
use cranelift_codegen::ir::{
    AbiParam, Block, BlockArg, Function, InstBuilder, MemFlagsData, SigRef, Signature, StackSlotData, StackSlotKind,
    TrapCode, Type, UserFuncName, Value,
};
use cranelift_codegen::isa::{CallConv, TargetIsa};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

/// The Cranelift type of a trace type (references are 64-bit words on every target we build).
fn cl_type(t: tir::Type) -> Type {
    match t {
        tir::Type::Int | tir::Type::Ref => I64,
        tir::Type::Float => F64,
    }
}

/// The trap after a `guard_always_fails`, whose exit is always taken: never reached.
const SEGMENT_END_TRAP: u8 = 1;

/// Flags for heap and frame accesses: the trace only touches valid memory (the interpreter
/// checked before recording, guards protect the rest), so no access traps.
fn mem() -> MemFlagsData {
    MemFlagsData::new().with_notrap()
}

/// How a trace's exits continue in other compiled code (see [`super::Link`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ExitLinks {
    /// Returned in the high 32 bits of every exit word.
    pub trace_id: u32,
    /// Address of the trace's exit slots: one word per exit (guards in order, then `finish`),
    /// each 0 or the address of code to tail-call with the frame buffer.
    pub slots: u64,
    /// The trace returns from a function at its `finish` (see [`super::Link::returns`]).
    pub returns: Option<tir::Type>,
    /// Frame words of a direct `call_assembler` call (see [`super::Link::link_words`]).
    pub link_words: usize,
    /// Out-of-line materialization of exits' virtual objects (see
    /// [`super::Link::materialize`]); `None`: inline.
    pub materialize: Option<(u64, u64)>,
    /// Linked code takes an exit's virtual objects as its field words (see
    /// [`super::Link::virtual_inputs`]): nothing is built before the jump.
    pub virtual_inputs: bool,
    /// A loop with a label also gets its second entry there (see [`super::Link::label_entry`]).
    pub label_entry: bool,
}

/// The signature of every trace: `tail fn(frame, at_label) -> exit word`. `at_label` is 0 to
/// enter at the top, 1 to enter a loop compiled with [`ExitLinks::label_entry`] at its label.
pub(crate) fn trace_signature(isa: &dyn TargetIsa) -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params.push(AbiParam::new(isa.pointer_type()));
    sig.params.push(AbiParam::new(I64));
    sig.returns.push(AbiParam::new(I64));
    sig
}

/// Builds the Cranelift function for `t`.
///
/// The trace should pass [`crate::verify()`]; independently of that, this checks everything it
/// relies on to build well-formed Cranelift IR (values defined before use, operand and result
/// types, descriptor kinds, a final `jump`/`finish`), so a bad trace is an error, not a panic.
pub(crate) fn translate(
    t: &Trace,
    isa: &dyn TargetIsa,
    fctx: &mut FunctionBuilderContext,
    links: Option<ExitLinks>,
) -> Result<Function, String> {
    let call_conv = isa.default_call_conv();
    let sig = trace_signature(isa);
    let mut func = Function::with_name_signature(UserFuncName::default(), sig.clone());
    let mut b = FunctionBuilder::new(&mut func, fctx);
    let trace_sig = b.import_signature(sig);
    let mut cg = Codegen {
        t,
        vals: vec![None; t.types.len()],
        frame: Value::from_u32(0),
        loop_head: None,
        loop_types: Vec::new(),
        last_ovf: None,
        next_guard: 0,
        live_refs: Vec::new(),
        call_site: None,
        then_jump: None,
        jump_fused: false,
        links,
        trace_sig,
        call_conv,
        stable: Vec::new(),
        used: used_inputs(t),
        carried: None,
        direct_frame: None,
        call_area: None,
        at_label: None,
        tails: None,
        booleans: Vec::new(),
        exit_plan: Default::default(),
        group_entries: Vec::new(),
    };
    cg.booleans = super::exits::booleans(t);
    let builds_virtuals = links.is_some_and(|l| !l.virtual_inputs);
    cg.exit_plan = super::exits::plan(t, &cg.booleans, builds_virtuals);
    cg.group_entries = vec![None; cg.exit_plan.groups.len()];
    cg.run(&mut b)?;
    if let Some(tails) = cg.tails {
        tails.fill(&mut b, cg.frame, trace_sig);
    }
    b.seal_all_blocks();
    b.finalize(isa.frontend_config());
    Ok(func)
}

/// Builds the entry function: `extern "C" fn(code, frame) -> exit word`, which calls the
/// trace at `code` (tail calling convention) on `frame` and returns what it returns. Bit 0 of
/// `code` set means the trace's label entry (code is aligned, so the bit is free).
pub(crate) fn entry_function(isa: &dyn TargetIsa, fctx: &mut FunctionBuilderContext) -> Function {
    let ptr = isa.pointer_type();
    let mut sig = Signature::new(isa.default_call_conv());
    sig.params.push(AbiParam::new(ptr));
    sig.params.push(AbiParam::new(ptr));
    sig.returns.push(AbiParam::new(I64));
    let mut func = Function::with_name_signature(UserFuncName::default(), sig);
    let mut b = FunctionBuilder::new(&mut func, fctx);
    let trace_sig = b.import_signature(trace_signature(isa));
    let block = b.create_block();
    b.append_block_params_for_function_params(block);
    b.switch_to_block(block);
    let (code, frame) = (b.block_params(block)[0], b.block_params(block)[1]);
    let (one, rest) = (b.ins().iconst(I64, 1), b.ins().iconst(I64, !1));
    let at_label = b.ins().band(code, one);
    let code = b.ins().band(code, rest);
    let call = b.ins().call_indirect(trace_sig, code, &[frame, at_label]);
    let exit = b.inst_results(call)[0];
    b.ins().return_(&[exit]);
    b.seal_all_blocks();
    b.finalize(isa.frontend_config());
    func
}

struct Codegen<'a> {
    t: &'a Trace,
    /// The Cranelift value of each trace value (indexed by `Value.0`), once defined.
    vals: Vec<Option<Value>>,
    /// The frame-buffer pointer (the function's parameter).
    frame: Value,
    /// Where `jump` goes: the label's block, or the loop block over the inputs.
    loop_head: Option<Block>,
    /// The trace types of the loop head's parameters (what `jump` must pass).
    loop_types: Vec<tir::Type>,
    /// The overflow flag of the last overflow-checked op, for the guard that follows it.
    last_ovf: Option<Value>,
    /// Number of the next guard.
    next_guard: u32,
    /// At a `call_assembler_*`: the reference values live across it (see `refs_live_across`).
    live_refs: Vec<tir::Value>,
    /// For the portal call being translated: the guard number and the op of the
    /// `guard_not_forced` after it, whose snapshot the call's live record describes.
    call_site: Option<(u32, &'a tir::Op)>,
    /// At a guard right before the loop's `jump`: that jump, which the guard's branch makes
    /// itself (see `guard`).
    then_jump: Option<&'a tir::Op>,
    /// The guard made the jump (the jump op is then skipped).
    jump_fused: bool,
    /// Where exits may continue (none: every exit returns).
    links: Option<ExitLinks>,
    /// The trace signature, imported for tail calls through exit slots.
    trace_sig: SigRef,
    call_conv: cranelift_codegen::isa::CallConv,
    /// `stable[k]`: the Cranelift value that equals `frame[k]` everywhere in the function
    /// (input `k` loaded at entry; `None` if it is not loaded, or not loop-invariant in a loop
    /// without a label). A slot `k` holding input `k` that still maps to it need not be
    /// written by an exit (see `holds`).
    stable: Vec<Option<Value>>,
    /// `used[k]`: input `k` is read other than at its own position (see `used_inputs`);
    /// the others are loaded by neither entry.
    used: Vec<bool>,
    /// For a loop without a label: which inputs are loop-carried (the others are not
    /// parameters of the loop block, and the `jump` does not pass them).
    carried: Option<Vec<bool>>,
    /// The frame buffer of direct `call_assembler` calls: one stack slot shared by every call
    /// site (the calls never overlap), made at the first.
    direct_frame: Option<cranelift_codegen::ir::StackSlot>,
    /// The words area of the portal calls' live records (one stack slot, of the largest
    /// call site's size: the calls do not overlap), and its size in words.
    call_area: Option<(cranelift_codegen::ir::StackSlot, usize)>,
    /// The block of the second entry, at the label (see [`ExitLinks::label_entry`]).
    at_label: Option<Block>,
    /// The blocks every linked exit ends in, made at the first.
    tails: Option<ExitTails>,
    /// Which values are results of comparisons (0 or 1; see `exits::known_on_failure`).
    booleans: Vec<bool>,
    /// Which exits share the stores of the words they agree on (see `exits.rs`).
    exit_plan: super::exits::ExitPlan,
    /// For each exit group: the block its latest member continued in (its first member's
    /// block is the group's, see [`Codegen::group_exit`]).
    group_entries: Vec<Option<Block>>,
}

/// The cold blocks shared by a linked trace's exits, so that an exit does not repeat the
/// function's epilogue. An exit jumps to `dispatch(target, word)` with the code its slot holds
/// and its exit word; `dispatch` tail-calls `target` if it is not 0, else returns `word` to
/// the caller. They are filled in after the trace's own blocks ([`ExitTails::fill`]), since a
/// block being built cannot be left half done.
///
/// (A `jump` rather than each exit's own branch to the two ends: a branch with two targets
/// into blocks with many predecessors makes critical edges, and Cranelift splits each one
/// into a block of its own. That was two blocks per exit, a third of a loop's blocks, which
/// register allocation pays for.)
#[derive(Clone, Copy)]
struct ExitTails {
    dispatch: Block,
}

impl ExitTails {
    fn new(b: &mut FunctionBuilder) -> ExitTails {
        let dispatch = b.create_block();
        b.set_cold_block(dispatch);
        b.append_block_param(dispatch, I64);
        b.append_block_param(dispatch, I64);
        ExitTails { dispatch }
    }

    /// Ends an exit: continues at `target` (0: returns `word`).
    fn jump(self, b: &mut FunctionBuilder, target: Value, word: Value) {
        b.ins().jump(self.dispatch, &[BlockArg::Value(target), BlockArg::Value(word)]);
    }

    fn fill(self, b: &mut FunctionBuilder, frame: Value, trace_sig: SigRef) {
        let (linked, back) = (b.create_block(), b.create_block());
        b.set_cold_block(linked);
        b.set_cold_block(back);
        b.switch_to_block(self.dispatch);
        let (target, word) = (b.block_params(self.dispatch)[0], b.block_params(self.dispatch)[1]);
        b.ins().brif(target, linked, &[], back, &[]);
        b.seal_block(linked);
        b.seal_block(back);
        b.switch_to_block(linked);
        // Bit 0 of the slot selects the target's label entry (a finish into a loop's label).
        let (one, rest) = (b.ins().iconst(I64, 1), b.ins().iconst(I64, !1));
        let at_label = b.ins().band(target, one);
        let target = b.ins().band(target, rest);
        b.ins().return_call_indirect(trace_sig, target, &[frame, at_label]);
        b.switch_to_block(back);
        b.ins().return_(&[word]);
    }
}

impl Codegen<'_> {
    fn run(&mut self, b: &mut FunctionBuilder) -> Result<(), String> {
        let t = self.t;
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        b.seal_block(entry);
        self.frame = b.block_params(entry)[0];
        let n = t.ops.len();
        if self.links.is_some_and(|l| l.label_entry) && t.label_index().is_some() && t.ops[n - 1].opcode == Opcode::Jump
        {
            // Two entries: at the top, or (with `at_label` set) at the label, whose values
            // the frame buffer then holds (see `Label`).
            let (top, at_label) = (b.create_block(), b.create_block());
            let sel = b.block_params(entry)[1];
            b.ins().brif(sel, at_label, &[], top, &[]);
            b.seal_block(top);
            // (Sealed at the label, once the preamble jumps there too.)
            b.switch_to_block(top);
            self.at_label = Some(at_label);
        }
        match t.ops.iter().position(|o| o.opcode.has(tir::flags::FINAL)) {
            Some(i) if i == n - 1 => {}
            Some(i) => return Err(format!("op {i}: {} before the end of the trace", t.ops[i].opcode.name())),
            None => return Err("a trace must end with jump, finish or guard_always_fails".into()),
        }
        let ends_in_jump = t.ops[n - 1].opcode == Opcode::Jump;
        let mut loaded = Vec::with_capacity(t.inputs.len());
        for (k, &v) in t.inputs.iter().enumerate() {
            let ty = cl_type(t.type_of(v));
            loaded.push(if self.used[k] { Some(b.ins().load(ty, mem(), self.frame, frame_offset(k)?)) } else { None });
        }
        self.stable = loaded.clone();
        for (&v, &l) in t.inputs.iter().zip(&loaded) {
            self.vals[v.0 as usize] = l;
        }
        if ends_in_jump && t.label_index().is_none() {
            // Inputs the jump passes back unchanged keep their entry value in the loop.
            let jump = &t.ops[n - 1];
            let carried: Vec<bool> =
                t.inputs.iter().enumerate().map(|(k, &v)| jump.args.get(k) != Some(&Operand::Value(v))).collect();
            let head = b.create_block();
            let mut args = Vec::new();
            for (k, &v) in t.inputs.iter().enumerate() {
                if carried[k] {
                    let l = match loaded[k] {
                        Some(l) => l,
                        None => b.ins().load(cl_type(t.type_of(v)), mem(), self.frame, frame_offset(k)?),
                    };
                    args.push(BlockArg::Value(l));
                }
            }
            b.ins().jump(head, &args);
            b.switch_to_block(head);
            for (k, &v) in t.inputs.iter().enumerate() {
                if carried[k] {
                    let p = b.append_block_param(head, cl_type(t.type_of(v)));
                    self.vals[v.0 as usize] = Some(p);
                    self.stable[k] = None;
                }
            }
            self.loop_head = Some(head);
            self.loop_types = t.inputs.iter().map(|&v| t.type_of(v)).collect();
            self.carried = Some(carried);
        }
        let liveness = t.ops.iter().any(|op| op.opcode.is_portal_call()).then(|| RefLiveness::new(t));
        for (i, op) in t.ops.iter().enumerate() {
            if let Some(l) = liveness.as_ref().filter(|_| op.opcode.is_portal_call()) {
                self.live_refs = l.across(i);
                // (Guards are numbered in op order, so the next one is `next_guard`; a call
                // without a `guard_not_forced` of its own before the next call has no site.)
                let next =
                    t.ops[i + 1..].iter().take_while(|o| !o.opcode.is_portal_call()).find(|o| o.opcode.is_guard());
                self.call_site = next.filter(|g| g.opcode == Opcode::GuardNotForced).map(|g| (self.next_guard, g));
            }
            if op.opcode == Opcode::Jump && std::mem::take(&mut self.jump_fused) {
                // Already made by the guard before it.
                continue;
            }
            if op.opcode.is_guard() && ends_in_jump && i + 2 == n {
                self.check_types(&t.ops[i + 1]).map_err(|m| format!("op {} (jump): {m}", i + 1))?;
                self.then_jump = Some(&t.ops[i + 1]);
            }
            self.op(b, op).map_err(|m| format!("op {i} ({}): {m}", op.opcode.name()))?;
        }
        Ok(())
    }

    /// The Cranelift value of an operand; constants are materialized where they are used.
    fn operand(&self, b: &mut FunctionBuilder, o: Operand) -> Result<Value, String> {
        Ok(match o {
            Operand::Value(v) => match self.vals.get(v.0 as usize).copied().flatten() {
                Some(x) => x,
                // An input not loaded at entry (only used where its own frame word holds it,
                // or kept alive across a call): its word still holds it.
                None => match self.t.inputs.iter().position(|&i| i == v) {
                    Some(k) => b.ins().load(cl_type(self.t.type_of(v)), mem(), self.frame, frame_offset(k)?),
                    None => return Err(format!("{v:?} is not defined")),
                },
            },
            Operand::Int(i) => b.ins().iconst(I64, i),
            Operand::Ref(a) => b.ins().iconst(I64, a as i64),
            Operand::Float(bits) => b.ins().f64const(Ieee64::with_bits(bits)),
            // A virtual object's slot in a guard's frame buffer: the driver fills it in (or,
            // when the exit jumps to a bridge, `Link::materialize` or `materialize`).
            Operand::Virtual(_) => b.ins().iconst(I64, 0),
        })
    }

    fn arg(&self, b: &mut FunctionBuilder, op: &tir::Op, k: usize) -> Result<Value, String> {
        let o = *op.args.get(k).ok_or_else(|| format!("missing argument {k}"))?;
        self.operand(b, o)
    }

    /// Writes operands to `frame[0..]` as 64-bit words (float constants as their bits),
    /// except those the word already holds (see [`Codegen::stable`]) and virtual objects
    /// (the driver, `Link::materialize` or `materialize` fills their words in).
    fn write_frame<'o>(&self, b: &mut FunctionBuilder, ops: impl Iterator<Item = &'o Operand>) -> Result<(), String> {
        let words: Vec<Option<Operand>> = ops.map(|&o| Some(o)).collect();
        self.write_exit_words(b, &words, |_| true)
    }

    /// Writes `words[k]` to `frame[k]` for the positions `k` that `at` selects (skipping
    /// words left unwritten, virtuals and words that already hold their value, as
    /// [`write_frame`](Self::write_frame)).
    fn write_exit_words(
        &self,
        b: &mut FunctionBuilder,
        words: &[Option<Operand>],
        at: impl Fn(usize) -> bool,
    ) -> Result<(), String> {
        for (k, &o) in words.iter().enumerate() {
            let Some(o) = o else { continue };
            if !at(k) || self.holds(k, o) || matches!(o, Operand::Virtual(_)) {
                continue;
            }
            let v = match o {
                Operand::Float(bits) => b.ins().iconst(I64, bits as i64),
                _ => self.operand(b, o)?,
            };
            b.ins().store(mem(), v, self.frame, frame_offset(k)?);
        }
        Ok(())
    }

    /// Whether `frame[k]` holds operand `o` wherever the code stands: `o` is input `k` as it
    /// was loaded at entry.
    fn holds(&self, k: usize, o: Operand) -> bool {
        // An input not loaded at all is only used at its own position, where its word holds it.
        let Some(&input) = self.t.inputs.get(k) else { return false };
        o == Operand::Value(input) && self.vals.get(input.0 as usize).copied().flatten() == self.stable[k]
    }

    /// The arguments of the loop's `jump` as block arguments of the loop head (without the
    /// inputs that are not loop-carried, for a loop without a label).
    fn jump_args(&self, b: &mut FunctionBuilder, jump: &tir::Op) -> Result<Vec<BlockArg>, String> {
        let mut args = Vec::with_capacity(jump.args.len());
        for (k, &o) in jump.args.iter().enumerate() {
            if self.carried.as_ref().is_none_or(|c| c[k]) {
                args.push(BlockArg::Value(self.operand(b, o)?));
            }
        }
        Ok(args)
    }

    /// Emits a guard: leaves through a cold exit block when `cond`'s truth equals
    /// `exit_if_nonzero`. Guard exits are numbered in op order.
    fn guard(
        &mut self,
        b: &mut FunctionBuilder,
        op: &tir::Op,
        cond: Value,
        exit_if_nonzero: bool,
    ) -> Result<(), String> {
        let snapshot = op.snapshot.as_ref().ok_or("guard without a snapshot")?;
        let g = self.next_guard;
        self.next_guard += 1;
        let exit = b.create_block();
        // A guard right before the loop's jump branches back to the loop head itself, so an
        // iteration ends in one conditional branch rather than a branch and a jump. Its exit
        // block is not cold: placed right after the loop, it is the branch's fallthrough.
        let fused = self.then_jump.take();
        self.jump_fused = fused.is_some();
        if fused.is_none() {
            b.set_cold_block(exit);
        }
        let (cont, cont_args) = match fused {
            Some(jump) => {
                let head = self.loop_head.ok_or("jump in a trace that does not loop")?;
                (head, self.jump_args(b, jump)?)
            }
            None => (b.create_block(), Vec::new()),
        };
        if exit_if_nonzero {
            b.ins().brif(cond, exit, &[], cont, &cont_args);
        } else {
            b.ins().brif(cond, cont, &cont_args, exit, &[]);
        }
        b.seal_block(exit);
        if fused.is_none() {
            b.seal_block(cont);
        }
        b.switch_to_block(exit);
        for w in &snapshot.writes {
            // Stores the optimizer sank out of the loop: memory is made right before leaving.
            self.op(b, w)?;
        }
        let words = super::exits::written(op, &self.booleans);
        match self.exit_plan.member_of.get(g as usize).copied().flatten() {
            None => {
                self.write_exit_words(b, &words, |_| true)?;
                self.leave(b, g, Some(snapshot))?;
            }
            Some((gi, m)) => self.group_exit(b, g, gi, m, &words)?,
        }
        if fused.is_none() {
            b.switch_to_block(cont);
        }
        Ok(())
    }

    /// The exit of guard `g`, member `m` of exit group `gi` (see `exits.rs`): it stores its
    /// own words, then continues in its delta block if it has one, which continues in the
    /// block the group's previous member continued in, and so on down to the group's block,
    /// which the first member fills (while its values are at hand) and which leaves.
    fn group_exit(
        &mut self,
        b: &mut FunctionBuilder,
        g: u32,
        gi: usize,
        m: u32,
        words: &[Option<Operand>],
    ) -> Result<(), String> {
        use super::exits::GroupWord;
        let plan = std::mem::take(&mut self.exit_plan.groups[gi].words);
        self.write_exit_words(b, words, |k| plan[k] == GroupWord::Own)?;
        let number = b.ins().iconst(I64, i64::from(g));
        let stores = |k: usize| match plan[k] {
            GroupWord::Common(_) => m == 0,
            GroupWord::Since(_, i) => i == m,
            GroupWord::Unwritten | GroupWord::Own => false,
        };
        let below = self.group_entries[gi];
        let has_block = (0..words.len()).any(|k| words[k].is_some() && stores(k));
        if let (Some(below), false) = (below, has_block) {
            b.ins().jump(below, &[BlockArg::Value(number)]);
        } else {
            let block = b.create_block();
            b.set_cold_block(block);
            b.append_block_param(block, I64);
            b.ins().jump(block, &[BlockArg::Value(number)]);
            b.switch_to_block(block);
            let number = b.block_params(block)[0];
            self.write_exit_words(b, words, stores)?;
            match below {
                Some(below) => {
                    b.ins().jump(below, &[BlockArg::Value(number)]);
                }
                None => self.leave_numbered(b, number)?,
            }
            self.group_entries[gi] = Some(block);
        }
        self.exit_plan.groups[gi].words = plan;
        Ok(())
    }

    /// Ends an exit group's shared block: as [`leave`](Self::leave) for an exit whose number
    /// is the value `number` (members build no virtuals, see `exits.rs`).
    fn leave_numbered(&mut self, b: &mut FunctionBuilder, number: Value) -> Result<(), String> {
        let Some(links) = self.links else {
            b.ins().return_(&[number]);
            return Ok(());
        };
        let tails = *self.tails.get_or_insert_with(|| ExitTails::new(b));
        let offset = b.ins().ishl_imm_u(number, 3);
        let slots = b.ins().iconst(I64, links.slots as i64);
        let slot = b.ins().iadd(slots, offset);
        // Not `readonly`: the driver links and unlinks slots while the code exists.
        let target = b.ins().load(I64, mem(), slot, 0);
        let id = b.ins().iconst(I64, ((links.trace_id as u64) << 32) as i64);
        let word = b.ins().bor(number, id);
        tails.jump(b, target, word);
        Ok(())
    }

    /// Ends an exit whose values are in the frame buffer: tail-calls the code in the exit's
    /// slot if there is any, else returns the exit word (`trace_id << 32 | exit`).
    /// A guard's exit with virtual objects in its snapshot builds them before it jumps (the
    /// code it jumps to takes them as references), unless the linked code takes them as their
    /// field words ([`ExitLinks::virtual_inputs`]).
    ///
    /// Every exit ends in the same cold blocks (see [`ExitTails`]); an exit's own code is its
    /// stores, the load of its slot and a jump.
    fn leave(&mut self, b: &mut FunctionBuilder, exit: u32, snapshot: Option<&tir::Snapshot>) -> Result<(), String> {
        let Some(links) = self.links else {
            let word = b.ins().iconst(I64, exit as i64);
            b.ins().return_(&[word]);
            return Ok(());
        };
        let tails = *self.tails.get_or_insert_with(|| ExitTails::new(b));
        let slot = b.ins().iconst(I64, (links.slots + 8 * exit as u64) as i64);
        // Not `readonly`: the driver links and unlinks slots while the code exists.
        let target = b.ins().load(I64, mem(), slot, 0);
        let word = b.ins().iconst(I64, ((links.trace_id as u64) << 32 | exit as u64) as i64);
        let builds = snapshot.filter(|s| !s.virtuals.is_empty() && !links.virtual_inputs);
        let Some(s) = builds else {
            tails.jump(b, target, word);
            return Ok(());
        };
        let linked = b.create_block();
        b.set_cold_block(linked);
        // (Its own branch into `dispatch`, a critical edge again: only exits that build
        // objects pay for it.)
        b.ins().brif(target, linked, &[], tails.dispatch, &[BlockArg::Value(target), BlockArg::Value(word)]);
        b.seal_block(linked);
        b.switch_to_block(linked);
        match links.materialize {
            Some((f, ctx)) => {
                // Built out of line from the words just written (see `Link::materialize`).
                let mut sig = Signature::new(self.call_conv);
                sig.params.extend([AbiParam::new(I64), AbiParam::new(I64), AbiParam::new(I64)]);
                let sigref = b.import_signature(sig);
                let (f, ctx) = (b.ins().iconst(I64, f as i64), b.ins().iconst(I64, ctx as i64));
                b.ins().call_indirect(sigref, f, &[ctx, self.frame, word]);
            }
            None => self.materialize(b, s)?,
        }
        tails.jump(b, target, word);
        Ok(())
    }

    /// Allocates the snapshot's virtual objects, fills in their fields, and stores each one's
    /// address in the frame words where the snapshot's frames refer to it (after
    /// `write_frame`, which left 0 there).
    fn materialize(&mut self, b: &mut FunctionBuilder, snapshot: &tir::Snapshot) -> Result<(), String> {
        let mut objects = Vec::with_capacity(snapshot.virtuals.len());
        for v in &snapshot.virtuals {
            let s = self.size_descr(v.descr)?.clone();
            let obj = match v.len {
                None => self.alloc_inline(b, &s, None)?,
                Some(len) => self.new_array(b, &s, Operand::Int(i64::from(len)))?,
            };
            objects.push(obj);
        }
        for (v, &obj) in snapshot.virtuals.iter().zip(&objects) {
            for f in &v.fields {
                let value = match f.value {
                    Operand::Virtual(j) => *objects.get(j as usize).ok_or("unknown virtual")?,
                    o => self.operand(b, o)?,
                };
                match &self.t.descrs.get(f.descr.0 as usize).ok_or("unknown descr")?.kind {
                    DescrKind::Field(d) => store(b, d.kind, value, obj, d.offset),
                    DescrKind::Array(d) => {
                        let off = i64::from(d.base) + i64::from(f.index) * i64::from(d.kind.size());
                        store(b, d.kind, value, obj, i32::try_from(off).map_err(|_| "item offset out of range")?)
                    }
                    _ => return Err("a virtual's field has neither a field nor an array descr".into()),
                }
            }
        }
        let frame_values = snapshot.frames.iter().flat_map(|f| f.values.iter());
        for (k, o) in frame_values.enumerate() {
            if let Operand::Virtual(j) = *o {
                let obj = *objects.get(j as usize).ok_or("unknown virtual")?;
                b.ins().store(mem(), obj, self.frame, frame_offset(k)?);
            }
        }
        Ok(())
    }

    fn define(&mut self, op: &tir::Op, v: Value) -> Result<(), String> {
        let r = op.result.ok_or("operation has no result value")?;
        *self.vals.get_mut(r.0 as usize).ok_or("result value out of range")? = Some(v);
        Ok(())
    }

    /// Checks that the operands and result of `op` have the types its opcode, descriptor or
    /// loop head require, so the Cranelift IR built for it is well typed.
    fn check_types(&self, op: &tir::Op) -> Result<(), String> {
        use Opcode::*;
        let t = self.t;
        let got: Vec<tir::Type> = op.args.iter().map(|&o| t.operand_type(o)).collect();
        let want: Vec<tir::Type> = match op.opcode.arity() {
            Arity::Fixed(sig) => {
                let mut want = Vec::with_capacity(sig.len());
                for a in sig {
                    want.push(match (a, op.opcode) {
                        (ArgType::Is(ty), _) => *ty,
                        // The stored value's type comes from the descriptor.
                        (ArgType::Any, Setfield) => self.field(op)?.kind.ty(),
                        (ArgType::Any, Setarrayitem) => self.array(op)?.kind.ty(),
                        (ArgType::Any, _) => return Err(format!("{} has an untyped argument", op.opcode.name())),
                        (ArgType::Same, _) => *got.first().ok_or("missing argument 0")?,
                    });
                }
                want
            }
            Arity::Variadic => match op.opcode {
                CallI | CallF | CallR | CallN | CallAssemblerI | CallAssemblerF | CallAssemblerR | CallMayForceI
                | CallMayForceF | CallMayForceR => self.t.call_descr(op).ok_or("expected a call descr")?.args.clone(),
                Jump => self.loop_types.clone(),
                _ => got.clone(),
            },
        };
        if got != want {
            return Err(format!("arguments are {got:?}, expected {want:?}"));
        }
        let result = op.result.map(|r| t.types.get(r.0 as usize).copied().ok_or("result value out of range"));
        let result = result.transpose()?;
        if result != op.opcode.result() {
            return Err(format!("result is {result:?}, expected {:?}", op.opcode.result()));
        }
        let loaded = match op.opcode {
            GetfieldI | GetfieldF | GetfieldR => Some(self.field(op)?.kind.ty()),
            GetarrayitemI | GetarrayitemF | GetarrayitemR => Some(self.array(op)?.kind.ty()),
            _ => None,
        };
        if loaded.is_some() && loaded != result {
            return Err(format!("reads {loaded:?} from memory into a {result:?} result"));
        }
        Ok(())
    }

    fn op(&mut self, b: &mut FunctionBuilder, op: &tir::Op) -> Result<(), String> {
        use Opcode::*;
        self.check_types(op)?;
        // Overflow guards test the flag of the immediately preceding op only.
        let ovf = self.last_ovf.take();
        let a = |s: &Self, b: &mut FunctionBuilder, k: usize| s.arg(b, op, k);
        let result = match op.opcode {
            IntMul if arith::near_power_of_two(&op.args).is_some() => self.shifted_product(b, op)?,
            IntAdd | IntSub | IntMul | IntAnd | IntOr | IntXor | IntLshift | IntRshift => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let ins = b.ins();
                Some(match op.opcode {
                    IntAdd => ins.iadd(x, y),
                    IntSub => ins.isub(x, y),
                    IntMul => ins.imul(x, y),
                    IntAnd => ins.band(x, y),
                    IntOr => ins.bor(x, y),
                    IntXor => ins.bxor(x, y),
                    IntLshift => ins.ishl(x, y),
                    _ => ins.sshr(x, y),
                })
            }
            IntFloorDiv | IntMod | UintFloorDiv | UintMod => self.floor_division(b, op)?,
            IntNeg => {
                let x = a(self, b, 0)?;
                Some(b.ins().ineg(x))
            }
            IntInvert => {
                let x = a(self, b, 0)?;
                Some(b.ins().bnot(x))
            }
            IntAddOvf | IntSubOvf | IntMulOvf => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let (r, of) = match op.opcode {
                    IntAddOvf => b.ins().sadd_overflow(x, y),
                    IntSubOvf => b.ins().ssub_overflow(x, y),
                    _ => b.ins().smul_overflow(x, y),
                };
                self.last_ovf = Some(of);
                Some(r)
            }
            IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | PtrEq | PtrNe => {
                let cc = match op.opcode {
                    IntLt => IntCC::SignedLessThan,
                    IntLe => IntCC::SignedLessThanOrEqual,
                    IntEq | PtrEq => IntCC::Equal,
                    IntNe | PtrNe => IntCC::NotEqual,
                    IntGt => IntCC::SignedGreaterThan,
                    IntGe => IntCC::SignedGreaterThanOrEqual,
                    _ => IntCC::UnsignedLessThan,
                };
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let c = b.ins().icmp(cc, x, y);
                Some(b.ins().uextend(I64, c))
            }
            // A conditional move (x86 `cmov`, aarch64 `csel`): no branch to mispredict.
            IntSelect | FloatSelect | PtrSelect => {
                let (c, x, y) = (a(self, b, 0)?, a(self, b, 1)?, a(self, b, 2)?);
                Some(b.ins().select(c, x, y))
            }
            IntIsZero | IntIsTrue => {
                let cc = if op.opcode == IntIsZero { IntCC::Equal } else { IntCC::NotEqual };
                let x = a(self, b, 0)?;
                let c = b.ins().icmp_imm_s(cc, x, 0);
                Some(b.ins().uextend(I64, c))
            }
            FloatAdd | FloatSub | FloatMul | FloatTrueDiv => {
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let ins = b.ins();
                Some(match op.opcode {
                    FloatAdd => ins.fadd(x, y),
                    FloatSub => ins.fsub(x, y),
                    FloatMul => ins.fmul(x, y),
                    _ => ins.fdiv(x, y),
                })
            }
            FloatNeg | FloatAbs | FloatSqrt => {
                let x = a(self, b, 0)?;
                let ins = b.ins();
                Some(match op.opcode {
                    FloatNeg => ins.fneg(x),
                    FloatAbs => ins.fabs(x),
                    _ => ins.sqrt(x),
                })
            }
            FloatLt | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe => {
                let cc = match op.opcode {
                    FloatLt => FloatCC::LessThan,
                    FloatLe => FloatCC::LessThanOrEqual,
                    FloatEq => FloatCC::Equal,
                    // Unordered or not equal, like Python's `!=` (NaN != NaN).
                    FloatNe => FloatCC::NotEqual,
                    FloatGt => FloatCC::GreaterThan,
                    _ => FloatCC::GreaterThanOrEqual,
                };
                let (x, y) = (a(self, b, 0)?, a(self, b, 1)?);
                let c = b.ins().fcmp(cc, x, y);
                Some(b.ins().uextend(I64, c))
            }
            CastIntToFloat => {
                let x = a(self, b, 0)?;
                Some(b.ins().fcvt_from_sint(F64, x))
            }
            CastFloatToInt => {
                let x = a(self, b, 0)?;
                Some(b.ins().fcvt_to_sint_sat(I64, x))
            }
            FloatBitsToInt => {
                let x = a(self, b, 0)?;
                Some(b.ins().bitcast(I64, MemFlagsData::new(), x))
            }
            IntBitsToFloat => {
                let x = a(self, b, 0)?;
                Some(b.ins().bitcast(F64, MemFlagsData::new(), x))
            }
            GuardTrue | GuardFalse | GuardIsNull | GuardNonNull => {
                let x = a(self, b, 0)?;
                let exit_if_nonzero = matches!(op.opcode, GuardFalse | GuardIsNull);
                self.guard(b, op, x, exit_if_nonzero)?;
                None
            }
            GuardValue => {
                let (mut x, mut y) = (a(self, b, 0)?, a(self, b, 1)?);
                if b.func.dfg.value_type(x) == F64 {
                    // Floats are compared by their bits: the guard promises exactly that value.
                    x = b.ins().bitcast(I64, MemFlagsData::new(), x);
                    y = b.ins().bitcast(I64, MemFlagsData::new(), y);
                }
                let ne = b.ins().icmp(IntCC::NotEqual, x, y);
                self.guard(b, op, ne, true)?;
                None
            }
            GuardClass => {
                let (p, class) = (a(self, b, 0)?, a(self, b, 1)?);
                let header = b.ins().load(I64, mem(), p, 0);
                let ne = b.ins().icmp(IntCC::NotEqual, header, class);
                self.guard(b, op, ne, true)?;
                None
            }
            GuardNoOverflow | GuardOverflow => {
                let of = ovf.ok_or("overflow guard not directly after an overflow-checked op")?;
                self.guard(b, op, of, op.opcode == GuardNoOverflow)?;
                None
            }
            GuardNotInvalidated | GuardSafepoint | GuardNotForced => {
                let p = a(self, b, 0)?;
                let word = b.ins().load(I64, mem(), p, 0);
                self.guard(b, op, word, true)?;
                None
            }
            GuardAlwaysFails => {
                let always = b.ins().iconst(I64, 1);
                self.guard(b, op, always, true)?;
                // The way on, never taken: the trace ends here.
                b.ins().trap(TrapCode::unwrap_user(SEGMENT_END_TRAP));
                None
            }
            GetfieldI | GetfieldF | GetfieldR => {
                let f = self.field(op)?;
                let p = a(self, b, 0)?;
                Some(load(b, f.kind, p, f.offset))
            }
            Setfield => {
                let f = self.field(op)?;
                let (p, v) = (a(self, b, 0)?, a(self, b, 1)?);
                store(b, f.kind, v, p, f.offset);
                None
            }
            GetarrayitemI | GetarrayitemF | GetarrayitemR => {
                let d = self.array(op)?;
                let (addr, off) = self.item_address(b, op, d)?;
                Some(load(b, d.kind, addr, off))
            }
            Setarrayitem => {
                let d = self.array(op)?;
                let (addr, off) = self.item_address(b, op, d)?;
                let v = a(self, b, 2)?;
                store(b, d.kind, v, addr, off);
                None
            }
            Arraylen => {
                let d = self.array(op)?;
                let off = d.len_offset.ok_or("arraylen on an array without a length")?;
                let p = a(self, b, 0)?;
                Some(b.ins().load(I64, mem(), p, off))
            }
            CallI | CallF | CallR | CallN => self.call(b, op)?,
            CallAssemblerI | CallAssemblerF | CallAssemblerR | CallMayForceI | CallMayForceF | CallMayForceR => {
                self.call_assembler(b, op)?
            }
            SaveException => {
                let slot = a(self, b, 0)?;
                let exc = b.ins().load(I64, mem(), slot, 0);
                let zero = b.ins().iconst(I64, 0);
                b.ins().store(mem(), zero, slot, 0);
                Some(exc)
            }
            // Only a fact for the optimizer.
            RecordKnownClass | RecordKnownRange => None,
            Label => {
                let head = b.create_block();
                let mut args = Vec::with_capacity(op.args.len());
                let mut params = Vec::with_capacity(op.args.len());
                for &o in &op.args {
                    args.push(BlockArg::Value(self.operand(b, o)?));
                    params.push(b.append_block_param(head, cl_type(self.t.operand_type(o))));
                }
                let mut extra = Vec::new();
                if let Some(at_label) = self.at_label {
                    // The second entry: the label's arguments and the other values the body
                    // reads come from the frame buffer, laid out as `entry_words` says (the
                    // inputs in their own words). The preamble goes the same way (it writes
                    // the others there first), so that the body's invariant values have one
                    // definition, the second entry's loads, and are not parameters of the
                    // loop's block (many of those make register allocation slow).
                    let words = crate::opt::short::entry_words(self.t);
                    let n = self.t.inputs.len();
                    // (All read before any is written.)
                    let xs = words[n..]
                        .iter()
                        .map(|w| self.operand(b, Operand::Value(w.expect("values after the inputs"))))
                        .collect::<Result<Vec<_>, _>>()?;
                    for (j, x) in xs.into_iter().enumerate() {
                        b.ins().store(mem(), x, self.frame, frame_offset(n + j)?);
                    }
                    b.ins().jump(at_label, &[]);
                    b.seal_block(at_label);
                    b.switch_to_block(at_label);
                    let mut loaded: std::collections::HashMap<tir::Value, Value> = Default::default();
                    // (An input the code only uses at its own position, in snapshots, is not
                    // loaded: its word holds it, so no exit writes it. A wide frame's other
                    // slots are such inputs: loading them all made each entry at the label
                    // run a thousand dead loads.)
                    for (k, w) in words.iter().enumerate() {
                        if let Some(v) = w.filter(|_| k >= n || self.used[k]) {
                            let x = b.ins().load(cl_type(self.t.type_of(v)), mem(), self.frame, frame_offset(k)?);
                            loaded.insert(v, x);
                            if k < n {
                                // The input's word holds it on both entries.
                                self.stable[k] = Some(x);
                            }
                        }
                    }
                    let word = |v: tir::Value| loaded[&v];
                    let mut entry_args = Vec::with_capacity(args.len());
                    for &o in &op.args {
                        entry_args.push(BlockArg::Value(match o {
                            Operand::Value(v) => word(v),
                            o => self.operand(b, o)?,
                        }));
                    }
                    extra.extend(
                        words
                            .iter()
                            .flatten()
                            .filter(|&&v| loaded.contains_key(&v) && !op.args.contains(&Operand::Value(v)))
                            .map(|&v| (v, word(v))),
                    );
                    b.ins().jump(head, &entry_args);
                } else {
                    b.ins().jump(head, &args);
                }
                b.switch_to_block(head);
                for (&o, &p) in op.args.iter().zip(&params) {
                    if let Operand::Value(v) = o {
                        // Inside the loop the label's arguments are the block's parameters;
                        // a value listed twice keeps its first parameter.
                        let slot = &mut self.vals[v.0 as usize];
                        if slot.is_some_and(|s| !is_param_of(b, s, head)) {
                            *slot = Some(p);
                        }
                    }
                }
                for &(v, x) in &extra {
                    self.vals[v.0 as usize] = Some(x);
                }
                self.loop_head = Some(head);
                self.loop_types = op.args.iter().map(|&o| self.t.operand_type(o)).collect();
                None
            }
            Jump => {
                let head = self.loop_head.ok_or("jump in a trace that does not loop")?;
                let args = self.jump_args(b, op)?;
                b.ins().jump(head, &args);
                None
            }
            New => {
                let s = self.size(op)?.clone();
                Some(self.alloc_inline(b, &s, None)?)
            }
            NewArray => {
                let s = self.size(op)?.clone();
                Some(self.new_array(b, &s, op.args[0])?)
            }
            Finish => {
                self.write_frame(b, op.args.iter())?;
                match self.links.and_then(|l| l.returns) {
                    Some(ty) => {
                        let word = b.ins().iconst(I64, super::returned_word(ty) as i64);
                        b.ins().return_(&[word]);
                    }
                    None => self.leave(b, self.t.guard_count() as u32, None)?,
                }
                None
            }
        };
        if let Some(v) = result {
            self.define(op, v)?;
        }
        Ok(())
    }

    fn size(&self, op: &tir::Op) -> Result<&'_ tir::SizeDescr, String> {
        self.size_descr(op.descr.ok_or("missing descr")?)
    }

    fn size_descr(&self, d: tir::DescrId) -> Result<&'_ tir::SizeDescr, String> {
        match &self.t.descrs.get(d.0 as usize).ok_or("unknown descr")?.kind {
            DescrKind::Size(s) => Ok(s),
            _ => Err("expected a size descr".into()),
        }
    }

    /// `new_array` of `len` items: inline when `len` is the descriptor's exact length (see
    /// `alloc_inline`), otherwise through the slow path.
    fn new_array(&mut self, b: &mut FunctionBuilder, s: &tir::SizeDescr, len: Operand) -> Result<Value, String> {
        if let Operand::Int(n) = len {
            if s.freelist != 0 && s.exact_len.is_some_and(|e| i64::from(e) == n) {
                return self.alloc_inline(b, s, Some(n));
            }
        }
        let len = self.operand(b, len)?;
        Ok(self.slow_array(b, s, len))
    }

    /// A call of the descriptor's array slow path: `slow_array(heap, class, len)`.
    fn slow_array(&self, b: &mut FunctionBuilder, s: &tir::SizeDescr, len: Value) -> Value {
        let sig = self.word_signature(b, 3);
        let (heap, class) = (b.ins().iconst(I64, s.heap as i64), b.ins().iconst(I64, s.class as i64));
        let callee = b.ins().iconst(I64, s.slow_array as i64);
        let inst = b.ins().call_indirect(sig, callee, &[heap, class, len]);
        b.inst_results(inst)[0]
    }

    /// A signature of `n` word parameters returning a word.
    fn word_signature(&self, b: &mut FunctionBuilder, n: usize) -> cranelift_codegen::ir::SigRef {
        let mut sig = Signature::new(self.call_conv);
        sig.params.extend((0..n).map(|_| AbiParam::new(I64)));
        sig.returns.push(AbiParam::new(I64));
        b.import_signature(sig)
    }

    /// The inline allocation of `new` (`array_len`: none), or of a `new_array` of the
    /// descriptor's exact length: pops a slot off the size class's free list (its fields are
    /// already zero: the heap clears free slots) and writes the header, and an array's length
    /// word; calls the slow path when the list is empty.
    fn alloc_inline(
        &mut self,
        b: &mut FunctionBuilder,
        s: &tir::SizeDescr,
        array_len: Option<i64>,
    ) -> Result<Value, String> {
        let join = b.create_block();
        let result = b.append_block_param(join, I64);
        let slow = b.create_block();
        b.set_cold_block(slow);
        if s.freelist != 0 {
            let fast = b.create_block();
            let list = b.ins().iconst(I64, s.freelist as i64);
            let head = b.ins().load(I64, mem(), list, 0);
            b.ins().brif(head, fast, &[], slow, &[]);
            b.seal_block(fast);
            b.switch_to_block(fast);
            let next = b.ins().load(I64, mem(), head, 8);
            b.ins().store(mem(), next, list, 0);
            let class = b.ins().iconst(I64, s.class as i64);
            b.ins().store(mem(), class, head, 0);
            let zero = b.ins().iconst(I64, 0);
            b.ins().store(mem(), zero, head, 8);
            if let Some(n) = array_len {
                let len = b.ins().iconst(I64, n);
                b.ins().store(mem(), len, head, s.len_offset);
            }
            b.ins().jump(join, &[BlockArg::Value(head)]);
        } else {
            b.ins().jump(slow, &[]);
        }
        b.seal_block(slow);
        b.switch_to_block(slow);
        let r = match array_len {
            None => {
                let sig = self.word_signature(b, 2);
                let (heap, class) = (b.ins().iconst(I64, s.heap as i64), b.ins().iconst(I64, s.class as i64));
                let callee = b.ins().iconst(I64, s.slow as i64);
                let inst = b.ins().call_indirect(sig, callee, &[heap, class]);
                b.inst_results(inst)[0]
            }
            Some(n) => {
                let len = b.ins().iconst(I64, n);
                self.slow_array(b, s, len)
            }
        };
        b.ins().jump(join, &[BlockArg::Value(r)]);
        b.seal_block(join);
        b.switch_to_block(join);
        Ok(result)
    }

    fn field(&self, op: &tir::Op) -> Result<&'_ tir::FieldDescr, String> {
        let d = op.descr.ok_or("missing descr")?;
        match &self.t.descrs.get(d.0 as usize).ok_or("unknown descr")?.kind {
            DescrKind::Field(f) => Ok(f),
            _ => Err("expected a field descr".into()),
        }
    }

    fn array(&self, op: &tir::Op) -> Result<&'_ tir::ArrayDescr, String> {
        let d = op.descr.ok_or("missing descr")?;
        match &self.t.descrs.get(d.0 as usize).ok_or("unknown descr")?.kind {
            DescrKind::Array(a) => Ok(a),
            _ => Err("expected an array descr".into()),
        }
    }

    /// Address of item `args[1]` of array `args[0]`, as (address value, constant offset).
    fn item_address(&self, b: &mut FunctionBuilder, op: &tir::Op, d: &tir::ArrayDescr) -> Result<(Value, i32), String> {
        let p = self.arg(b, op, 0)?;
        let size = d.kind.size();
        let index = *op.args.get(1).ok_or("missing index")?;
        if let Operand::Int(i) = index {
            let off = i.checked_mul(size as i64).and_then(|o| o.checked_add(d.base as i64));
            if let Some(off) = off.and_then(|o| i32::try_from(o).ok()) {
                return Ok((p, off));
            }
        }
        let i = self.operand(b, index)?;
        let scaled = if size == 1 { i } else { b.ins().ishl_imm_u(i, size.trailing_zeros() as i64) };
        Ok((b.ins().iadd(p, scaled), d.base))
    }

    /// `call_assembler_*(context, target, direct, reds...)`: see the op's doc in `ir.rs`.
    ///
    /// The references live across the call, and the callee's reference arguments, go in a
    /// *live record* on the stack, `[previous head, n, frame, held, site, words, refs...]` (see
    /// [`super::LIVE_HEADER`]), pushed on the chain whose head is word 0 of the context for the
    /// duration of the call (the collector scans the chain). A live input whose own frame word
    /// holds it is not copied: the record's `held` first words of the frame buffer are scanned
    /// instead, so a call in a wide frame costs what it passes, not the frame's width.
    /// The arguments go in a stack array. If the word at `direct` holds the callee's compiled
    /// code, it is called directly on a frame buffer of the Vm's link limit in words (one stack
    /// slot for all the trace's calls; [`super::LINK_WORDS`] without links)
    /// holding the arguments: when it returns a result of the expected type, that is the
    /// result; when it leaves any other way, the helper continues from that exit. Otherwise
    /// the helper runs the call. The helper is `extern "C" fn(context, target, args, n_args,
    /// frame, exit word) -> result word`, with the exit word [`super::NOT_RUN`] when the callee
    /// has not run.
    ///
    /// `call_may_force_*(context, native, args...)` is the same call without a direct entry: the
    /// helper (the driver's entry for natives) always runs it.
    fn call_assembler(&mut self, b: &mut FunctionBuilder, op: &tir::Op) -> Result<Option<Value>, String> {
        let c = self.t.call_descr(op).ok_or("expected a call descr")?;
        let fixed = if matches!(op.opcode, Opcode::CallMayForceI | Opcode::CallMayForceF | Opcode::CallMayForceR) {
            2
        } else {
            3
        };
        if op.args.len() < fixed {
            return Err("a portal call needs a context, a target and (call_assembler) a direct entry slot".into());
        }
        let ret = op.opcode.result().ok_or("call_assembler without a result")?;
        let (context, target) = (self.arg(b, op, 0)?, self.arg(b, op, 1)?);
        let reds = &op.args[fixed..];
        // The live record. A live input that its own frame word holds stays out of it: the
        // record names the frame's first `held` words instead, which the collector scans.
        let mut refs: Vec<Value> = Vec::new();
        let mut held = 0;
        let inputs = &self.t.inputs;
        // (Input k is nearly always value k: traces number their inputs first.)
        let position = |r: tir::Value| match inputs.get(r.0 as usize) {
            Some(&i) if i == r => Some(r.0 as usize),
            _ => inputs.iter().position(|&i| i == r),
        };
        for &r in &self.live_refs {
            match position(r).filter(|&k| self.holds(k, Operand::Value(r))) {
                Some(k) => held = held.max(k + 1),
                None => refs.push(self.operand(b, Operand::Value(r))?),
            }
        }
        for &o in reds {
            if self.t.operand_type(o) == tir::Type::Ref {
                refs.push(self.operand(b, o)?);
            }
        }
        let record = self.stack_words(b, super::LIVE_HEADER + refs.len())?;
        let prev = b.ins().load(I64, mem(), context, 0);
        b.ins().store(mem(), prev, record, 0);
        let n = b.ins().iconst(I64, refs.len() as i64);
        b.ins().store(mem(), n, record, 8);
        b.ins().store(mem(), self.frame, record, 16);
        let held = b.ins().iconst(I64, held as i64);
        b.ins().store(mem(), held, record, 24);
        // The call site, and the words of its `guard_not_forced` exit that hold values, for
        // whoever lists the frames suspended in the call (see `LIVE_HEADER`).
        let (site, words) = match (self.call_site.take(), self.links) {
            (Some((g, guard)), Some(l)) => {
                // (A word the frame buffer holds, an input as loaded, is only marked in the
                // bitmap in front: a wide frame's call stores what changed, not its width.)
                let words = super::exits::written(guard, &self.booleans);
                let bitmap = words.len().div_ceil(64);
                let area = self.call_area(b, bitmap + words.len())?;
                let mut in_frame = vec![0u64; bitmap];
                for (k, w) in words.iter().enumerate() {
                    match *w {
                        Some(o) if self.holds(k, o) => in_frame[k / 64] |= 1 << (k % 64),
                        Some(o) => {
                            let v = self.operand(b, o)?;
                            b.ins().store(mem(), v, area, frame_offset(bitmap + k)?);
                        }
                        None => {}
                    }
                }
                for (k, &bits) in in_frame.iter().enumerate() {
                    let bits = b.ins().iconst(I64, bits as i64);
                    b.ins().store(mem(), bits, area, frame_offset(k)?);
                }
                (super::call_site(l.trace_id, g), area)
            }
            _ => (super::NO_CALL_SITE, b.ins().iconst(I64, 0)),
        };
        let site = b.ins().iconst(I64, site as i64);
        b.ins().store(mem(), site, record, 32);
        b.ins().store(mem(), words, record, 40);
        for (k, &r) in refs.iter().enumerate() {
            b.ins().store(mem(), r, record, frame_offset(super::LIVE_HEADER + k)?);
        }
        b.ins().store(mem(), record, context, 0);
        // The arguments.
        let args = self.stack_words(b, reds.len())?;
        self.write_words(b, args, reds)?;
        let n_args = b.ins().iconst(I64, reds.len() as i64);
        let helper_sig = self.word_signature(b, 6);
        let helper = b.ins().iconst(I64, c.func as i64);
        let done = b.create_block();
        let result = b.append_block_param(done, I64);
        let slow = b.create_block();
        match if fixed == 3 { op.args[2] } else { Operand::Int(0) } {
            Operand::Ref(0) | Operand::Int(0) => {
                b.ins().jump(slow, &[]);
            }
            direct => {
                let direct = self.operand(b, direct)?;
                let code = b.ins().load(I64, mem(), direct, 0);
                let (fast, left) = (b.create_block(), b.create_block());
                b.ins().brif(code, fast, &[], slow, &[]);
                b.seal_block(fast);
                b.switch_to_block(fast);
                let slot = match self.direct_frame {
                    Some(s) => s,
                    None => {
                        let words = self.links.map_or(super::LINK_WORDS, |l| l.link_words);
                        let size = u32::try_from(words * 8).map_err(|_| "link limit too large")?;
                        let s = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, 3));
                        *self.direct_frame.insert(s)
                    }
                };
                let frame = b.ins().stack_addr(I64, slot, 0);
                self.write_words(b, frame, reds)?;
                let top = b.ins().iconst(I64, 0);
                let call = b.ins().call_indirect(self.trace_sig, code, &[frame, top]);
                let word = b.inst_results(call)[0];
                let expected = b.ins().iconst(I64, super::returned_word(ret) as i64);
                let returned = b.ins().icmp(IntCC::Equal, word, expected);
                let value = b.create_block();
                b.ins().brif(returned, value, &[], left, &[]);
                b.seal_block(value);
                b.seal_block(left);
                b.switch_to_block(value);
                let r = b.ins().load(I64, mem(), frame, 0);
                b.ins().jump(done, &[BlockArg::Value(r)]);
                b.switch_to_block(left);
                let inst = b.ins().call_indirect(helper_sig, helper, &[context, target, args, n_args, frame, word]);
                let r = b.inst_results(inst)[0];
                b.ins().jump(done, &[BlockArg::Value(r)]);
            }
        }
        b.seal_block(slow);
        b.switch_to_block(slow);
        let not_run = b.ins().iconst(I64, super::NOT_RUN as i64);
        let inst = b.ins().call_indirect(helper_sig, helper, &[context, target, args, n_args, args, not_run]);
        let r = b.inst_results(inst)[0];
        b.ins().jump(done, &[BlockArg::Value(r)]);
        b.seal_block(done);
        b.switch_to_block(done);
        b.ins().store(mem(), prev, context, 0);
        Ok(Some(if ret == tir::Type::Float { b.ins().bitcast(F64, MemFlagsData::new(), result) } else { result }))
    }

    /// The address of the portal calls' words area (see `call_area`), of at least `n` words.
    fn call_area(&mut self, b: &mut FunctionBuilder, n: usize) -> Result<Value, String> {
        let slot = match self.call_area {
            Some((slot, size)) if size >= n => slot,
            _ => {
                // (Sized for every call site of the trace at once, the first time.)
                let size =
                    self.t.ops.iter().enumerate().filter(|(_, o)| o.opcode.is_portal_call()).fold(n, |m, (i, _)| {
                        let next = self.t.ops[i + 1..].iter().find(|o| o.opcode.is_guard());
                        let w = next.and_then(|g| g.snapshot.as_ref()).map_or(0, |s| s.word_count());
                        m.max(w.div_ceil(64) + w)
                    });
                let bytes = u32::try_from(size.max(1) * 8).map_err(|_| "call area too large")?;
                let slot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, bytes, 3));
                self.call_area = Some((slot, size));
                slot
            }
        };
        Ok(b.ins().stack_addr(I64, slot, 0))
    }

    /// The address of a fresh stack array of `n` words (at least 1).
    fn stack_words(&self, b: &mut FunctionBuilder, n: usize) -> Result<Value, String> {
        let size = u32::try_from(n.max(1) * 8).map_err(|_| "stack array too large")?;
        let slot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, 3));
        Ok(b.ins().stack_addr(I64, slot, 0))
    }

    /// Stores operands as words at `addr[0..]` (floats as their bits).
    fn write_words(&self, b: &mut FunctionBuilder, addr: Value, ops: &[Operand]) -> Result<(), String> {
        for (k, &o) in ops.iter().enumerate() {
            let v = self.operand(b, o)?;
            b.ins().store(mem(), v, addr, frame_offset(k)?);
        }
        Ok(())
    }

    /// A call to a helper: every argument and the result travel as 64-bit integer words.
    fn call(&self, b: &mut FunctionBuilder, op: &tir::Op) -> Result<Option<Value>, String> {
        let c = self.t.call_descr(op).ok_or("expected a call descr")?;
        let mut sig = Signature::new(self.call_conv);
        for _ in &op.args {
            sig.params.push(AbiParam::new(I64));
        }
        if op.opcode.result().is_some() {
            sig.returns.push(AbiParam::new(I64));
        }
        let sigref = b.import_signature(sig);
        let mut args = Vec::with_capacity(op.args.len());
        for &o in &op.args {
            let v = self.operand(b, o)?;
            args.push(if b.func.dfg.value_type(v) == F64 { b.ins().bitcast(I64, MemFlagsData::new(), v) } else { v });
        }
        let callee = b.ins().iconst(I64, c.func as i64);
        let inst = b.ins().call_indirect(sigref, callee, &args);
        Ok(match op.opcode.result() {
            None => None,
            Some(ty) => {
                let r = b.inst_results(inst)[0];
                Some(if ty == tir::Type::Float { b.ins().bitcast(F64, MemFlagsData::new(), r) } else { r })
            }
        })
    }
}

/// Which inputs the code reads: those used by an operation, or by a snapshot, `finish` or
/// `jump` at another position than their own (at their own, the frame word already holds them).
fn used_inputs(t: &Trace) -> Vec<bool> {
    let mut index = vec![usize::MAX; t.types.len()];
    for (k, &v) in t.inputs.iter().enumerate() {
        if let Some(i) = index.get_mut(v.0 as usize) {
            *i = k;
        }
    }
    let mut used = vec![false; t.inputs.len()];
    let no_label = t.label_index().is_none();
    let mut mark = |o: &Operand, at: Option<usize>| {
        if let Operand::Value(v) = o {
            if let Some(&k) = index.get(v.0 as usize).filter(|&&k| k != usize::MAX) {
                if at != Some(k) {
                    used[k] = true;
                }
            }
        }
    };
    for op in &t.ops {
        // (The jump of a loop with a label passes the label's values, not the inputs.)
        let positional = op.opcode == Opcode::Finish || (op.opcode == Opcode::Jump && no_label);
        for (j, o) in op.args.iter().enumerate() {
            mark(o, positional.then_some(j));
        }
        if let Some(s) = &op.snapshot {
            s.words().for_each(|(j, o)| mark(o, Some(j)));
            for w in &s.writes {
                w.args.iter().for_each(|o| mark(o, None));
            }
        }
    }
    used
}

/// Which reference values are live across each `call_assembler` of a trace: those defined
/// before the call and used after it (by arguments, snapshots, the `jump`), plus, inside the
/// loop body, those the next iteration uses (used between the label and the call): what a
/// collection during the call must keep alive. Uses are summarized once per trace (last use,
/// first use in the loop body), so asking at every call is linear in the values, not in the
/// trace.
struct RefLiveness {
    /// Per value: the op index that defines it (inputs: none), if it is a reference.
    refs: Vec<(tir::Value, Option<usize>)>,
    last_use: Vec<usize>,
    /// Per value: the first use at or after the label (`usize::MAX`: none).
    first_body_use: Vec<usize>,
    label: Option<usize>,
}

impl RefLiveness {
    fn new(t: &Trace) -> Self {
        let n = t.types.len();
        let (mut last_use, mut first_body_use) = (vec![0; n], vec![usize::MAX; n]);
        let label = t.label_index();
        for (k, op) in t.ops.iter().enumerate() {
            for o in op.args.iter().chain(op.snapshot.iter().flat_map(|s| s.uses())) {
                if let Operand::Value(v) = *o {
                    let v = v.0 as usize;
                    last_use[v] = last_use[v].max(k);
                    if label.is_some_and(|li| k >= li) {
                        first_body_use[v] = first_body_use[v].min(k);
                    }
                }
            }
        }
        let is_ref = |v: tir::Value| t.type_of(v) == tir::Type::Ref;
        let mut refs: Vec<(tir::Value, Option<usize>)> =
            t.inputs.iter().filter(|&&v| is_ref(v)).map(|&v| (v, None)).collect();
        refs.extend(
            t.ops.iter().enumerate().filter_map(|(k, op)| op.result.filter(|&r| is_ref(r)).map(|r| (r, Some(k)))),
        );
        RefLiveness { refs, last_use, first_body_use, label }
    }

    /// The reference values live across `ops[k]`, in value order.
    fn across(&self, k: usize) -> Vec<tir::Value> {
        let in_body = self.label.is_some_and(|li| li < k);
        let mut live: Vec<tir::Value> = self
            .refs
            .iter()
            .take_while(|(_, def)| def.is_none_or(|d| d < k))
            .map(|&(v, _)| v)
            .filter(|v| {
                let v = v.0 as usize;
                self.last_use[v] > k || (in_body && self.first_body_use[v] < k)
            })
            .collect();
        live.sort_unstable_by_key(|v| v.0);
        live
    }
}

/// Whether `v` is already one of `block`'s parameters.
fn is_param_of(b: &FunctionBuilder, v: Value, block: Block) -> bool {
    b.func.dfg.block_params(block).contains(&v)
}

fn load(b: &mut FunctionBuilder, kind: MemKind, p: Value, off: i32) -> Value {
    match kind {
        MemKind::I8 => b.ins().sload8(I64, mem(), p, off),
        MemKind::U8 => b.ins().uload8(I64, mem(), p, off),
        MemKind::I32 => b.ins().sload32(mem(), p, off),
        MemKind::U32 => b.ins().uload32(mem(), p, off),
        MemKind::I64 | MemKind::Ref => b.ins().load(I64, mem(), p, off),
        MemKind::F64 => b.ins().load(F64, mem(), p, off),
    }
}

fn store(b: &mut FunctionBuilder, kind: MemKind, v: Value, p: Value, off: i32) {
    match kind {
        MemKind::I8 | MemKind::U8 => b.ins().istore8(mem(), v, p, off),
        MemKind::I32 | MemKind::U32 => b.ins().istore32(mem(), v, p, off),
        MemKind::I64 | MemKind::Ref | MemKind::F64 => b.ins().store(mem(), v, p, off),
    };
}

/// Byte offset of `frame[k]`.
fn frame_offset(k: usize) -> Result<i32, String> {
    i32::try_from(k * 8).map_err(|_| format!("frame slot {k} is out of range"))
}
