//! The driver: moves each activation between interpreting, tracing and compiled code.
//!
//! - `loop_header` in the concrete interpreter counts per green key; past the threshold it
//!   asks the activation to leave, and [`run_activation`] restarts it as a tracing activation.
//!   With `Language::COMPILED_CALLS`, the start of every activation ([`run_call`]) is counted
//!   too (`function_threshold`), and traced into a *function entry* that ends by returning.
//! - A trace closes when its frame reaches the start key again (a loop) or, at depth 0, a key
//!   that already has compiled code (an entry trace or bridge `finish`es into that loop);
//!   a function entry (or its bridge) also closes at any loop header (finishing into the
//!   loop) and when its activation returns. A trace that finishes at the header of a loop
//!   compiled with entry conditions at its label (a short preamble: see
//!   `metatrace_jit::opt::short`) gets them appended before it is optimized and enters the
//!   loop at its label (`label::enter_at_label`), not through the loop's preamble, unless the
//!   conditions contradict what it brings (a check that always fails after optimizing):
//!   then it enters through the preamble. Past the trace limit (operations, or its snapshots'
//!   words) it is traced again calling its biggest inlined callee instead, or compiled up to
//!   there as a segment (`segment`), else aborted; it is also aborted when its frame returns
//!   otherwise, or on the other [`AbortReason`]s; the key backs off and is blacklisted after
//!   `max_aborts` (at once when it is too long with nothing to call instead and no place to
//!   cut: every try would be).
//! - Compiled code is entered from `loop_header` and at function entries; it returns the
//!   trace and exit it left through (or a function's result). Finishing exits continue in
//!   their target loop (or return the activation's result); guard exits with a bridge
//!   continue in the bridge; the first time the driver does either for an exit, it *links*
//!   the exit (writes the target's code into the exit's slot, see [`link`]), and from then on
//!   the compiled code jumps there itself. Other exits rebuild the interpreter frames from the
//!   snapshot and resume the innermost, then each caller with the callee's result. A guard
//!   that fails `bridge_threshold` times (a loop's main way out: `ifconv_threshold` times, an
//!   early try that is compiled only if it merges into the loop, see `merge`) gets a bridge
//!   traced, starting in the snapshot's
//!   innermost frame (see `start_nested_bridge` for guards inside inlined calls, and for
//!   snapshots with virtual objects: a bridge takes the exit's words as they are and records
//!   the allocation of the snapshot's virtuals itself, so they stay virtual in the bridge
//!   unless they escape there, and the exit jumps to it without building anything; a bridge
//!   from a `guard_not_forced` also takes the forced call's parked result, see
//!   [`enter_bridge`]), unless its loop's tree of bridges spent its budget (`max_bridges`
//!   bridges or `bridge_budget_ms` of compile time; and the threshold doubles with every
//!   `bridge_backoff` bridges the tree grew): then the guard goes back to the interpreter,
//!   which costs a deopt per failure but bounds a bridge storm (data-dependent branches,
//!   every path its own bridge).
//! - The whole `Vm` has a compile-time budget too: past a grace, compiling may take at most
//!   `compile_share` percent of the time the `Vm` has run. Over it, hot loops, entries and
//!   guards are not traced until the run catches up, so a program whose traces never pay
//!   for their compilation costs a bounded share over the interpreter.
//! - An inlined activation (or an inner frame of a bridge's snapshot) that reaches a loop
//!   header stops being inlined: the trace calls the rest of it from there (a `call_assembler`
//!   target at a loop header, [`run_from_loop`]), unless `Language::unroll_one_iteration` lets
//!   it follow a first iteration. A trace may end by raising out of its activation (see
//!   [`close_return`]).
//! - A trace that grows past the trace limit while calls are inlined into it is retried with
//!   the callee that took the most operations called through `call_assembler` instead
//!   (`VmState::dont_inline`), rather than counted towards blacklisting its loop.
//! - Compiled code calls the functions it did not inline through `portal` (call_assembler):
//!   directly into the callee's compiled entry once it has one, else through the driver,
//!   which may run compiled code again: runs of compiled code are reentrant (see [`execute`]).
//!   Since code reached through links may be any unit's, a unit thrown away while compiled
//!   code runs is only *doomed* (unlinked, never entered) until no compiled code runs.

use crate::budget::{bridge_threshold, count_failure, unprofitable, within_budget, within_compile_share};
use crate::concrete::{from_word, raised_or, store_raised, to_word, Concrete, Drive};
use crate::ctx::{convert_frame, red_type, Control, Flow, Language, Plain, Red, RedMap, Reds, Same};
use crate::descr::{Effect, Helper, Type};
use crate::label::enter_at_label;
use crate::links::{discard, enter_bridge, enterable, link, link_label, put_inputs, reap, run_unit};
use crate::recorder::{Recorder, TraceKind};
use crate::resume::{materialize, rebuild_frames, resume_info, resume_outcome};
use crate::state::{abort, const_name, Pending, RootFrame, VmState};
use crate::stats::AbortReason;
use crate::tracer::{
    from_word_traced, operand_of, red_operands, traced_input, AsConst, Close, TFloat, TInt, TRef, Tracer, Untrace,
};
use crate::units::{CellState, ExitInfo, JitCell, Resume, Slot, TraceRecord, Unit, UnitId};
use metatrace_jit::backend::{Backend, CompiledTrace, ExitWord, Link};
use metatrace_jit::ir::{Opcode, Operand, Trace};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Instant;

/// How running compiled code for an activation ended.
pub(crate) enum Exec<V> {
    /// The frame was written back at an instruction boundary: interpret on.
    Continue,
    /// As `Continue`, and a trace is to be recorded from here (see `VmState::pending`).
    Leave,
    /// The activation returned (traces that end by returning, and their bridges).
    Return(V),
}

impl<L: Language> Drive<L> for VmState<L> {
    #[inline(always)]
    fn run_call<'a>(cx: &mut Concrete<'a, L>, frame: &mut L::Frame<Concrete<'a, L>>) -> L::Value<Concrete<'a, L>> {
        run_call(cx, frame)
    }
    #[inline(always)]
    fn run_concrete<'a>(cx: &mut Concrete<'a, L>, frame: L::Frame<Concrete<'a, L>>) -> L::Value<Concrete<'a, L>> {
        run_concrete(cx, frame)
    }
    fn run_from_loop<'a>(cx: &mut Concrete<'a, L>, frame: &mut L::Frame<Concrete<'a, L>>) -> L::Value<Concrete<'a, L>> {
        run_from_loop(cx, frame)
    }
    #[inline(always)]
    fn loop_header<'a>(cx: &mut Concrete<'a, L>, f: &mut L::Frame<Concrete<'a, L>>) -> Control {
        loop_header(cx, f)
    }
    fn describe_records(
        vm: &mut VmState<L>,
        record: u64,
        stop: u64,
        each: &mut dyn FnMut(L::Key, &[Red<Plain>]),
    ) -> bool {
        crate::resume::describe_records(vm, record, stop, each)
    }
    fn discard_invalid(vm: &mut VmState<L>) {
        if vm.run_depth > 0 || vm.recorder.is_some() {
            return;
        }
        let mut i = 0;
        while i < vm.units.len() {
            if vm.units[i].as_ref().is_some_and(|u| u.invalid.get() != 0 && !u.doomed.get()) {
                discard(vm, i);
            }
            i += 1;
        }
    }
}

impl<L: Language> Close<L> for VmState<L> {
    #[inline(always)]
    fn try_close<'a>(cx: &mut Tracer<'a, L>, f: &L::Frame<Tracer<'a, L>>) -> bool {
        try_close(cx, f)
    }
    #[inline(always)]
    fn close_at_loop<'a>(cx: &mut Tracer<'a, L>, f: &L::Frame<Tracer<'a, L>>) -> bool {
        close_at_loop(cx, f)
    }
    fn segment(vm: &mut VmState<L>) -> bool {
        segment(vm)
    }
}

/// Runs a new activation (a call) to completion: its compiled function entry if it has
/// one, else interpretation (counting towards tracing one), as [`run_concrete`] does.
#[inline(always)]
pub(crate) fn run_call<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    frame: &mut L::Frame<Concrete<'a, L>>,
) -> L::Value<Concrete<'a, L>> {
    run_entered(cx, frame, false)
}

/// Runs the activation the embedder starts ([`crate::Vm::run`]) to completion, as
/// [`run_call`] does, but for one thing: if its function was never entered before, its start
/// is not counted towards tracing the function's entry (its cell is made, with a count of
/// 0). A trace of that entry pays only if the function is entered again, and a program's
/// `main` is entered once: at `function_threshold=1` its entry was traced and never run
/// (fern's random programs at threshold 1: 0.8 ms of a 3 ms run).
pub(crate) fn run_root<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    frame: &mut L::Frame<Concrete<'a, L>>,
) -> L::Value<Concrete<'a, L>> {
    run_entered(cx, frame, true)
}

/// [`run_call`], or with `root`, [`run_root`].
#[inline(always)]
fn run_entered<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    frame: &mut L::Frame<Concrete<'a, L>>,
    root: bool,
) -> L::Value<Concrete<'a, L>> {
    cx.safepoint(frame);
    let mut leave = false;
    if L::COMPILED_CALLS && cx.vm.params.enabled {
        match function_entry(cx, frame, root) {
            Exec::Return(v) => return v,
            Exec::Continue => {}
            Exec::Leave => leave = true,
        }
    }
    run_activation(cx, frame, leave)
}

/// Runs a concrete activation from where it stands to completion, switching it to tracing
/// and back as asked.
pub(crate) fn run_concrete<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    mut frame: L::Frame<Concrete<'a, L>>,
) -> L::Value<Concrete<'a, L>> {
    cx.safepoint(&frame);
    run_activation(cx, &mut frame, false)
}

/// The activation loop of [`run_call`] and [`run_concrete`]; with `leave`, a trace is to be
/// recorded from the start (see `VmState::pending`). Inlined and given the frame by
/// reference, so a call's frame is built where it runs rather than copied down the calls
/// (frames are large, and a copy of one just built stalls on its fresh stores); what happens
/// when the interpreter leaves is out of line.
#[inline(always)]
pub(crate) fn run_activation<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    frame: &mut L::Frame<Concrete<'a, L>>,
    mut leave: bool,
) -> L::Value<Concrete<'a, L>> {
    loop {
        let flow = if std::mem::take(&mut leave) { Flow::Leave } else { L::run(cx, frame) };
        match flow {
            Flow::Return(v) => return v,
            Flow::Leave => {
                if let Some(v) = on_leave(cx, frame) {
                    return v;
                }
            }
        }
    }
}

/// Runs the rest of an activation that stands at a loop header (a trace stopped inlining it
/// there and calls it instead, see `Tracer::loop_header`): enters the loop's compiled code if
/// it has some, as the interpreter's back-edge would, else interprets on (counting towards
/// tracing the loop).
pub(crate) fn run_from_loop<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    frame: &mut L::Frame<Concrete<'a, L>>,
) -> L::Value<Concrete<'a, L>> {
    cx.safepoint(frame);
    let leave = cx.vm.params.enabled && loop_header(cx, frame) == Control::Leave;
    run_activation(cx, frame, leave)
}

/// The interpreter left activation `frame`: its result if compiled code returned it or a
/// trace recorded it to the end; else the frame is where the interpreter goes on.
#[inline(never)]
fn on_leave<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    frame: &mut L::Frame<Concrete<'a, L>>,
) -> Option<L::Value<Concrete<'a, L>>> {
    if let Some((ty, w)) = cx.vm.returned.take() {
        return Some(raised_or(cx.vm, from_word(ty, w)));
    }
    let Some(pending) = cx.vm.pending.take() else { return None };
    let lang = cx.vm.lang.clone();
    let (gen, mut tf, outcome) = match pending {
        Pending::Bridge { parent, exit, forced, tentative } if !cx.vm.bridge_words.is_empty() => {
            start_nested_bridge(cx.vm, parent, exit, forced, tentative)
        }
        _ => {
            let (gen, tf) = start_recording(cx.vm, pending, frame);
            (gen, tf, None)
        }
    };
    let mut tcx = Tracer { vm: &mut *cx.vm, gen };
    if let Some(v) = outcome {
        // A bridge from inside a call: the frame waits for the call's outcome.
        tcx.deliver(&mut tf, v);
    }
    match L::run(&mut tcx, &mut tf) {
        Flow::Return(v) => {
            if tcx.recording() {
                close_return::<L>(tcx.vm, &v);
            }
            Some(L::map_value(v, &mut Untrace))
        }
        Flow::Leave => {
            *frame = convert_frame(&*lang, &tf, &mut Untrace);
            None
        }
    }
}

fn start_recording<'a, 'b, L: Language>(
    vm: &mut VmState<L>,
    pending: Pending,
    frame: &L::Frame<Concrete<'b, L>>,
) -> (u64, L::Frame<Tracer<'a, L>>) {
    let gen = vm.next_gen;
    vm.next_gen += 1;
    let key = L::key(frame);
    let (kind, entry, tentative) = match pending {
        Pending::Loop => (TraceKind::Loop(key), None, false),
        Pending::Entry => (TraceKind::Entry(key), Some(key), false),
        Pending::Bridge { parent, exit, tentative, .. } => {
            let entry = vm.units.get(parent).and_then(|u| u.as_ref()).and_then(|u| u.entry);
            (TraceKind::Bridge { parent, exit }, entry, tentative)
        }
    };
    let mut rec = Recorder::<L>::new(gen, kind, vm.params.trace_limit, entry);
    if tentative {
        rec.try_early();
    }
    rec.like = vm.last_frames.clone();
    let mut reds = Vec::new();
    L::reds(frame, &mut reds);
    let trace = &mut rec.trace;
    // A bridge's inputs are its exit's words: those of its constants are not read (see
    // `exit_input`). (The exit's one frame is `frame`, rebuilt from it.)
    let mut slots = Vec::new();
    if let TraceKind::Bridge { parent, exit } = kind {
        if let Some(e) = vm.units.get(parent).and_then(|u| u.as_ref()).and_then(|u| u.exits.get(exit)) {
            slots.extend(e.resume.reds_of(0));
        }
    }
    let mut it = reds.into_iter().enumerate().map(|(k, r)| match slots.get(k) {
        Some(&s) => {
            debug_assert_eq!(s.ty(), red_type(&r), "the bridge's frame is its exit's");
            exit_input(trace, s, to_word(r))
        }
        None => traced_input(trace, red_type(&r), to_word(r)),
    });
    let tf = vm.lang.rebuild(key, &mut it);
    if cfg!(debug_assertions) {
        crate::ctx::check_rebuild::<L, _, _>(frame, &tf);
    }
    vm.recorder = Some(rec);
    vm.stats.traces_started += 1;
    (gen, tf)
}

/// Starts a bridge from a guard inside inlined calls or after a call (see `execute`): every
/// frame of the guard's snapshot is rebuilt as a tracing frame whose reds are the trace's
/// inputs (the exit's words, in order); the innermost is handed the outcome of the call it
/// waits for, if the snapshot delivers one, and runs first; each frame that returns hands its
/// result to its caller, which goes on being recorded, as the tracer records calls. With
/// `forced` (a `guard_not_forced` failed), the outcome is the call's parked result, a red value
/// of that type: the word after the exit's, one more input. Returns the outermost frame and the
/// outcome it is to be handed (by the activation loop's tracer, which records on).
#[allow(clippy::type_complexity)]
fn start_nested_bridge<'a, L: Language>(
    vm: &mut VmState<L>,
    parent: UnitId,
    exit: usize,
    forced: Option<Type>,
    tentative: bool,
) -> (u64, L::Frame<Tracer<'a, L>>, Option<L::Value<Tracer<'a, L>>>) {
    let gen = vm.next_gen;
    vm.next_gen += 1;
    let unit = vm.units[parent].as_ref().expect("a bridge's parent is alive");
    let (resume, entry) = (unit.exits[exit].resume.clone(), unit.entry);
    let words = std::mem::take(&mut vm.bridge_words);
    let mut rec = Recorder::<L>::new(gen, TraceKind::Bridge { parent, exit }, vm.params.trace_limit, entry);
    rec.like = vm.last_frames.clone();
    let lang = vm.lang.clone();
    let (reds, parked) = bridge_inputs::<L>(&mut rec.trace, &resume, &words, &vm.materialized, forced);
    // The allocations and field writes of the exit's virtual objects are the bridge's inputs,
    // not its work: they do not count towards its length (a late segment of a wide function
    // takes thousands of boxes, which left it no room and gave it up).
    rec.limit = rec.limit.saturating_add(rec.trace.ops.len());
    rec.forced_input = forced;
    if tentative {
        rec.try_early();
    }
    let mut reds = reds.into_iter();
    let (mut frames, outcome) =
        rebuild_frames::<L, Tracer<'_, L>>(&lang, &resume, &mut |_| reds.next().expect("the exit wrote every slot"));
    let outcome = outcome.or(parked.map(L::result_from_red));
    let mut inner = frames.pop().expect("a snapshot has at least one frame");
    // The callers wait, as roots, for their callees.
    let base = vm.shadow.len();
    for f in &frames {
        rec.push_caller(f);
        vm.shadow.push(RootFrame::of::<L, Tracer<'_, L>>(f));
    }
    // The snapshot's frames but the outermost are inlined activations, as if the bridge had
    // called them: calling one of their functions again is recursion (see `Tracer::call_frame`).
    if !frames.is_empty() {
        for f in frames.iter().skip(1).chain(std::iter::once(&inner)) {
            rec.entries.push(L::function_of(L::key(f)));
        }
    }
    vm.recorder = Some(rec);
    vm.stats.traces_started += 1;
    if frames.is_empty() {
        // One frame: the activation loop's tracer hands it the outcome and records on.
        let outer = convert_frame(&*lang, &inner, &mut Relife);
        return (gen, outer, outcome.map(|v| L::map_value(v, &mut Relife)));
    }
    let mut tcx = Tracer { vm, gen };
    if let Some(v) = outcome {
        tcx.deliver(&mut inner, v);
    }
    loop {
        let v = match L::run(&mut tcx, &mut inner) {
            Flow::Return(v) => v,
            Flow::Leave if tcx.rec().is_some_and(|r| std::mem::take(&mut r.call_rest)) => {
                // Stopped at a loop header (see `Tracer::loop_header`): the caller calls the
                // rest of this frame, then goes on as below with its result.
                tcx.vm.shadow.pop();
                let rec = tcx.rec().expect("recording");
                rec.pop_frame();
                rec.entries.pop();
                let mut caller = frames.pop().expect("the snapshot has more than one frame");
                let v = tcx.residual_call(&caller, inner, true);
                if frames.is_empty() {
                    tcx.vm.shadow.truncate(base);
                    let outer = convert_frame(&*lang, &caller, &mut Relife);
                    return (gen, outer, Some(L::map_value(v, &mut Relife)));
                }
                tcx.deliver(&mut caller, v);
                inner = caller;
                continue;
            }
            Flow::Leave => {
                // Recording stopped inside this frame: finish it concretely.
                let cf = convert_frame(&*lang, &inner, &mut Untrace);
                let v = run_concrete(&mut Concrete::new(tcx.vm), cf);
                L::map_value(v, &mut AsConst)
            }
        };
        tcx.vm.shadow.pop();
        if let Some(rec) = tcx.vm.recorder.as_mut().filter(|r| r.gen == gen) {
            rec.pop_caller();
            rec.entries.pop();
        }
        let mut caller = frames.pop().expect("the snapshot has more than one frame");
        if frames.is_empty() {
            // The outermost frame, for the activation loop's tracer (converted before the
            // result is delivered: a delivered result need not be among a frame's reds).
            tcx.vm.shadow.truncate(base);
            let outer = convert_frame(&*lang, &caller, &mut Relife);
            return (gen, outer, Some(L::map_value(v, &mut Relife)));
        }
        tcx.deliver(&mut caller, v);
        inner = caller;
    }
}

/// The inputs of a bridge from a guard whose exit wrote `words` (after `materialize`, which
/// built the snapshot's virtual objects as `objs` for the tracer's concrete side): one input per
/// word, frames first, then the virtuals' field words (after unused words: see
/// `metatrace_jit::ir::fields_at`), as the exit writes them. The snapshot's
/// virtual objects are not inputs: the bridge starts by recording their allocation and field
/// writes from the field words, so that its optimizer sees objects it allocated itself and
/// keeps them virtual unless they escape (the exit that jumps to the bridge builds nothing).
/// With `forced`, one more input of that type follows: a forced call's parked result.
/// Returns the red value of every frame slot, in order, and that of the parked result.
#[allow(clippy::type_complexity)]
fn bridge_inputs<'a, L: Language>(
    trace: &mut Trace,
    resume: &Resume<L::Key>,
    words: &[u64],
    objs: &[usize],
    forced: Option<Type>,
) -> (Vec<Red<Tracer<'a, L>>>, Option<Red<Tracer<'a, L>>>) {
    use metatrace_jit::ir::DescrKind;
    let slots: Vec<Slot> = resume.frames.iter().flat_map(|(_, s)| s.iter()).collect();
    let fields = resume.virtuals.iter().flat_map(|v| v.fields.iter().map(|f| f.2));
    let mut word = words.iter().copied();
    let mut next = || word.next().expect("the buffer holds every word of the exit");
    let frame_reds: Vec<_> = slots.iter().map(|&s| exit_input::<L>(trace, s, next())).collect();
    // (The unused words before the fields are inputs too: inputs are the exit's words.)
    for _ in slots.len()..resume.fields_at {
        next();
        trace.add_input(Type::Int);
    }
    let field_inputs: Vec<Operand> = fields.map(|s| operand_of(exit_input::<L>(trace, s, next()))).collect();
    let parked = forced.map(|ty| traced_input::<L>(trace, ty, next()));
    if resume.virtuals.is_empty() {
        return (frame_reds, parked);
    }
    let news: Vec<Operand> = resume
        .virtuals
        .iter()
        .map(|info| {
            let v = &info.descrs;
            let (opcode, args) = match v.len {
                None => (Opcode::New, vec![]),
                Some(n) => (Opcode::NewArray, vec![Operand::Int(i64::from(n))]),
            };
            let r = trace.push(opcode, args).expect("allocations have results");
            let d = trace.add_descr(v.size.clone());
            trace.ops.last_mut().expect("just pushed").descr = Some(d);
            Operand::Value(r)
        })
        .collect();
    let mut field_inputs = field_inputs.into_iter();
    for (info, &obj) in resume.virtuals.iter().zip(&news) {
        for ((descr, index), &(_, _, slot)) in info.descrs.fields.iter().zip(&info.fields) {
            let input = field_inputs.next().expect("one word per field");
            let value = match slot {
                Slot::Virtual(j) => news[j as usize],
                Slot::Word(_) | Slot::Const(..) => input,
            };
            let (opcode, args) = match descr.kind {
                DescrKind::Array(_) => (Opcode::Setarrayitem, vec![obj, Operand::Int(i64::from(*index)), value]),
                _ => (Opcode::Setfield, vec![obj, value]),
            };
            trace.push(opcode, args);
            let d = trace.add_descr(descr.clone());
            trace.ops.last_mut().expect("just pushed").descr = Some(d);
        }
    }
    let reds = slots
        .iter()
        .zip(frame_reds)
        .map(|(s, red)| match *s {
            Slot::Virtual(k) => Red::Ref(TRef { v: objs[k as usize], op: news[k as usize] }),
            Slot::Word(_) | Slot::Const(..) => red,
        })
        .collect();
    (reds, parked)
}

/// A bridge's input for word `w` of its guard's exit, kept in slot `s`: a new input of the
/// trace (inputs are the exit's words, in order), whose red value is that input, or, for a
/// constant the exit leaves unwritten ([`Slot::Const`]), the constant itself: the bridge
/// never reads that input.
fn exit_input<'a, L: Language>(trace: &mut Trace, s: Slot, w: u64) -> Red<Tracer<'a, L>> {
    let input = trace.add_input(s.ty());
    from_word_traced::<L>(s.ty(), w, (!matches!(s, Slot::Const(..))).then_some(input))
}

/// The same tracing values, for a tracer of another lifetime.
struct Relife;
impl<'x, 'y, L: Language> RedMap<Tracer<'x, L>, Tracer<'y, L>> for Relife {
    fn int(&mut self, v: TInt) -> TInt {
        v
    }
    fn float(&mut self, v: TFloat) -> TFloat {
        v
    }
    fn reference(&mut self, v: TRef) -> TRef {
        v
    }
}

/// At a merge point while recording: closes the trace if `f` is where it should end.
/// Returns `true` if the trace ended (compiled or aborted).
pub(crate) fn try_close<'a, L: Language>(cx: &mut Tracer<'a, L>, f: &L::Frame<Tracer<'a, L>>) -> bool {
    let vm = &mut *cx.vm;
    let rec = vm.recorder.as_ref().expect("try_close while not recording");
    if !rec.started() || rec.depth() > 0 {
        return false;
    }
    let key = L::key(f);
    let target_compiled = matches!(vm.cells.get(&key), Some(c) if matches!(c.state, CellState::Compiled(_)));
    let closes_loop = matches!(rec.kind, TraceKind::Loop(k) if k == key);
    if !closes_loop && !target_compiled {
        return false;
    }
    let args = red_operands::<L>(f);
    let mut rec = vm.recorder.take().unwrap();
    let finish = if closes_loop {
        let types: Vec<Type> = args.iter().map(|&a| rec.trace.operand_type(a)).collect();
        let inputs: Vec<Type> = rec.trace.inputs.iter().map(|&v| rec.trace.type_of(v)).collect();
        if types != inputs {
            vm.recorder = Some(rec);
            abort(vm, AbortReason::ShapeMismatch);
            return true;
        }
        // The jump's snapshot is the header's frame: peeling makes it the label's state, from
        // which an entry at the label is derived (see `metatrace_jit::opt::short`).
        let kid = rec.key_id(key);
        let like = rec.trace.ops.iter().rev().find_map(|o| o.snapshot.as_ref()).and_then(|s| s.frames.first());
        let values = metatrace_jit::ir::Slots::sharing(&args, like.map(|f| &f.values));
        let frame = metatrace_jit::ir::SnapFrame { key: kid, values };
        rec.trace.push(Opcode::Jump, args);
        let jump = rec.trace.ops.last_mut().expect("just pushed");
        jump.snapshot = Some(metatrace_jit::ir::Snapshot { frames: vec![frame], ..Default::default() });
        None
    } else {
        let types = args.iter().map(|&a| rec.trace.operand_type(a)).collect();
        rec.trace.push(Opcode::Finish, args);
        Some((key, types))
    };
    install(vm, rec, finish, None);
    true
}

/// The trace being recorded grew too long: unless a retry could do better (a callee to call
/// instead of inlining, see `state::abort`; a loop it unrolled, which may be compiled by then),
/// the part up to its cut (`Recorder::cut`) is compiled as a *segment*, which ends in a
/// `guard_always_fails` with the cut guard's snapshot; its exit grows the rest as a bridge at
/// its first failure, which is cut in turn if it is too long. A function or loop body of any
/// length is compiled this way, in pieces (RPython does the same for huge functions), and so
/// is one whose snapshots hold too many words (`Recorder::snap_limit`: a wide function; each
/// segment holds about that many). Returns `false` (the caller aborts) without segments
/// (`segments=0`), when there is no cut, or when a retry is the way on.
fn segment<L: Language>(vm: &mut VmState<L>) -> bool {
    let Some(rec) = vm.recorder.as_ref() else { return false };
    let Some(cut) = rec.cut else { return false };
    if !vm.params.segments || rec.unrolled || rec.tentative || crate::state::call_instead(vm, rec).is_some() {
        return false;
    }
    let mut rec = vm.recorder.take().expect("checked above");
    rec.trace.ops.truncate(cut + 1);
    let snapshot = rec.trace.ops[cut].snapshot.clone();
    rec.trace.push(Opcode::GuardAlwaysFails, vec![]);
    rec.trace.ops.last_mut().expect("just pushed").snapshot = snapshot;
    vm.stats.segments += 1;
    if vm.params.log {
        eprintln!("# trace too long: compiled up to guard {} as a segment", rec.trace.guard_count() - 2);
    }
    install(vm, rec, None, None);
    true
}

/// At a loop header while recording: a function-entry trace (or a bridge of one) at the
/// activation's own level stops here and continues in the loop (compiled or not), rather
/// than unrolling it. Returns `true` if the trace ended.
pub(crate) fn close_at_loop<'a, L: Language>(cx: &mut Tracer<'a, L>, f: &L::Frame<Tracer<'a, L>>) -> bool {
    let vm = &mut *cx.vm;
    let rec = vm.recorder.as_ref().expect("close_at_loop while not recording");
    if !rec.may_return || !rec.started() || rec.depth() > 0 {
        return false;
    }
    let args = red_operands::<L>(f);
    let mut rec = vm.recorder.take().unwrap();
    let types = args.iter().map(|&a| rec.trace.operand_type(a)).collect();
    rec.trace.push(Opcode::Finish, args);
    install(vm, rec, Some((L::key(f), types)), None);
    true
}

/// The traced activation returned `v`: the trace (a function entry, a loop or a bridge of
/// either, all of which run on behalf of the activation they were entered in) ends by
/// returning it. An exception (with `Language::EXCEPTIONS`) is returned as a reference with
/// the `Vm`'s raise slot holding it: whoever gets a result from compiled code reads the slot
/// (compiled callers check it after every call, the driver in `raised_or`). Any other
/// result that is not a red value aborts the trace.
pub(crate) fn close_return<'a, L: Language>(vm: &mut VmState<L>, v: &L::Value<Tracer<'a, L>>) {
    let rec = vm.recorder.as_ref().expect("close_return while not recording");
    let (red, raised) = (L::result_red(v), L::result_raised(v));
    let ready = rec.started() && rec.depth() == 0;
    match (red, raised) {
        (Some(r), _) if ready => {
            let mut rec = vm.recorder.take().unwrap();
            let ty = red_type(&r);
            rec.trace.push(Opcode::Finish, vec![operand_of(r)]);
            install(vm, rec, None, Some(ty));
        }
        (None, Some(exc)) if ready && L::EXCEPTIONS => {
            let slot = vm.raise_slot.as_ptr() as u64;
            let mut rec = vm.recorder.take().unwrap();
            let h = Helper::new2("store_raised", store_raised, &[Type::Ref, Type::Ref], None, Effect::Write);
            rec.trace.push(Opcode::call_returning(None), vec![Operand::Ref(slot), exc.op]);
            let d = rec.trace.add_descr(h.to_ir());
            rec.trace.ops.last_mut().expect("just pushed").descr = Some(d);
            rec.trace.push(Opcode::Finish, vec![exc.op]);
            install(vm, rec, None, Some(Type::Ref));
        }
        _ => abort(vm, AbortReason::LeftFrame),
    }
}

/// Optimizes, compiles and attaches a finished trace: one that loops (neither `finish` nor
/// `returns`), continues in another loop (`finish`) or returns a value of type `returns`.
fn install<L: Language>(
    vm: &mut VmState<L>,
    mut rec: Recorder<L>,
    mut finish: Option<(L::Key, Vec<Type>)>,
    returns: Option<Type>,
) {
    // The recording ends here: its CPU time goes into `record_cpu_ns` (an abort below counts
    // only what follows).
    let now = crate::stats::thread_cpu_ns();
    vm.stats.record_cpu_ns += now.saturating_sub(rec.born_cpu);
    rec.born_cpu = now;
    if let TraceKind::Bridge { parent, .. } = rec.kind {
        if !enterable(vm, parent) {
            // Its trace was thrown away (or will be) while the bridge was recorded: nothing
            // would ever run the bridge, or throw it away.
            vm.recorder = None;
            return;
        }
    }
    if rec.invalid.get() != 0 {
        // It changed a value it depends on while it was recorded: it could never run.
        vm.recorder = Some(rec);
        abort(vm, AbortReason::Invalidated);
        return;
    }
    // A bridge back to its own loop's header may be merged into the loop instead.
    let mut converted = None;
    if let TraceKind::Bridge { parent, exit } = rec.kind {
        if let Some(n) = crate::merge::if_convert(vm, &mut rec, finish.as_ref().map(|f| f.0), parent, exit) {
            finish = None;
            converted = Some((parent, n));
        } else if rec.tentative {
            // An early try that does not merge: the guard waits for its bridge threshold.
            if vm.params.log {
                eprintln!("# early bridge at guard {exit} of trace {parent} not merged: thrown away");
            }
            return;
        }
    }
    let t0 = Instant::now();
    let cpu0 = crate::stats::thread_cpu_ns();
    if let TraceKind::Bridge { parent, exit } = rec.kind {
        // What the parent knew at the guard need not be checked again (classes, ranges, the
        // failed condition).
        if let Some(Some(p)) = vm.units.get(parent) {
            let facts = metatrace_jit::opt::inherit::at_guard(&p.trace, exit);
            metatrace_jit::opt::inherit::prepend(&mut rec.trace, &facts);
        }
    }
    let recorded: &Trace = &rec.trace;
    debug_assert_eq!(metatrace_jit::verify(recorded), Ok(()), "recorded trace:\n{recorded}");
    let (label_target, appended) = match finish.as_ref().and_then(|(k, _)| enter_at_label(vm, &mut rec, *k)) {
        Some((u, flag, t)) => (Some((u, flag)), Some(t)),
        None => (None, None),
    };
    // The recorded forms are not needed past optimizing but for the log and the records (and
    // a small loop's own, see `Unit::recorded`): the optimizer takes them over where it can,
    // and they are dropped before compiling, which is when a trace takes the most memory (a
    // wide frame's snapshots are in each form).
    let recorded: &Trace = appended.as_ref().unwrap_or(&rec.trace);
    let recorded_ops = recorded.ops.len();
    let recorded_text = vm.params.keep_traces.then(|| recorded.to_string());
    let keep_recorded = matches!(rec.kind, TraceKind::Loop(_)) && snapshot_words(&rec.trace) <= INHERIT_WORDS;
    let optimized = match appended {
        // (The recorded trace stays for the case below.)
        Some(t) => metatrace_jit::opt::optimize_owned(t),
        None if keep_recorded => metatrace_jit::opt::optimize(&rec.trace),
        None => metatrace_jit::opt::optimize_owned(std::mem::take(&mut rec.trace)),
    };
    // The loop's entry conditions can contradict what the trace brings to the label: the
    // loop body assumed `j <= 501` because it was traced while `j <= 500`, and this bridge is
    // the `j > 500` branch. Every recorded guard passed while recording, so a guard that
    // always fails comes from the appended conditions: entered at the label, the trace would
    // leave there every time (and grow a bridge from that guard, then another...). It then
    // finishes at the loop's top instead, whose preamble checks nothing it assumed.
    let (label_target, optimized) = if label_target.is_some() && optimized.ops.iter().any(always_fails) {
        (None, metatrace_jit::opt::optimize(&rec.trace))
    } else {
        (label_target, optimized)
    };
    let mut optimized = optimized;
    let recorded_trace = std::mem::take(&mut rec.trace);
    let recorded_trace = keep_recorded.then_some(recorded_trace);
    let label_target = label_target.map(|(u, flag)| {
        let last = optimized.ops.last().expect("a trace ends with finish");
        let types = last.args.iter().map(|&a| optimized.operand_type(a)).collect();
        finish = finish.take().map(|(k, _)| (k, types));
        (u, flag)
    });
    let short = match rec.kind {
        TraceKind::Loop(_) => metatrace_jit::opt::short::derive(&optimized).map(Rc::new),
        _ => None,
    };
    // (Not in an if-converted loop: the snapshot of a guard in one of its arms is a state of
    // the interpreter only on iterations that take that arm.)
    if let (Some(n), TraceKind::Loop(_), None) = (vm.params.fail_guard, rec.kind, converted) {
        force_guard_failure(&mut optimized, n);
    }
    if vm.backend.is_none() {
        match Backend::host() {
            Ok(b) => vm.backend = Some(b),
            Err(e) => panic!("no Cranelift backend for this machine: {e}"),
        }
    }
    let id = vm.units.len();
    let links: Box<[Cell<u64>]> = (0..optimized.guard_count() + 1).map(|_| Cell::new(0)).collect();
    let link = Link {
        trace_id: id as u32,
        slots: links.as_ptr() as *const u64,
        returns,
        link_words: vm.link_words,
        materialize: None,
        // Bridges build their parent exit's virtual objects themselves (`start_nested_bridge`).
        virtual_inputs: true,
        label_entry: short.is_some(),
        bridge: matches!(rec.kind, TraceKind::Bridge { .. }),
    };
    // SAFETY: the slots live in the unit, as long as its code; the driver only stores in them
    // the code of live units of this Vm whose inputs are the exit's words and whose frame
    // needs fit every run's buffer (`link`), and clears them before that code is freed
    // (`discard`).
    let code = match unsafe { vm.backend.as_ref().unwrap().compile_linked(&optimized, link) } {
        Ok(c) => c,
        Err(e) => {
            if vm.params.log {
                eprintln!("# compile failed: {e}\n{optimized}");
            }
            // (Counted as an abort, so that the position backs off and is left alone after
            // `max_aborts`, as any trace that cannot be compiled: recorded and failed again at
            // every guard failure, one such bridge made a loop 250 times slower.)
            vm.recorder = Some(rec);
            crate::state::abort(vm, AbortReason::CompileFailed);
            return;
        }
    };
    if let Some((old, _)) = converted {
        replace_loop(vm, old);
    }
    let ns = t0.elapsed().as_nanos() as u64;
    vm.stats.compile_ns.push(ns);
    vm.stats.total_compile_ns += ns;
    let cpu_ns = crate::stats::thread_cpu_ns().saturating_sub(cpu0);
    vm.stats.compile_cpu_ns += cpu_ns;
    vm.stats.compiled_ops += optimized.ops.len() as u64;
    let mut patterns = std::mem::take(&mut vm.slot_patterns);
    let held = patterns.held;
    let mut kinds = std::mem::take(&mut vm.virtual_kinds);
    kinds.start_trace();
    let mut before: Option<Rc<Resume<L::Key>>> = None;
    let exits = optimized
        .ops
        .iter()
        .filter(|op| op.opcode.is_guard())
        .map(|op| ExitInfo {
            resume: {
                let s = op.snapshot.as_ref().expect("guards have snapshots");
                let r = Rc::new(resume_info(&optimized, s, &rec.keys, &mut patterns, &mut kinds, before.as_deref()));
                before = Some(r.clone());
                r
            },
            safepoint: op.opcode == Opcode::GuardSafepoint,
            forced: op.opcode == Opcode::GuardNotForced,
            segment: op.opcode == Opcode::GuardAlwaysFails,
            takes: None,
            fails: 0,
            bridge_aborts: 0,
            tried_early: false,
            bridge: None,
        })
        .collect::<Vec<_>>();
    vm.stats.exits += exits.len() as u64;
    vm.stats.resume_slots += (patterns.held - held) as u64;
    vm.slot_patterns = patterns;
    kinds.end_trace();
    vm.virtual_kinds = kinds;
    vm.frame_words = vm.frame_words.max(code.frame_words());
    let (kind, name, loop_key, parent) = match rec.kind {
        TraceKind::Loop(k) => ("loop", format!("{k}"), Some(k), None),
        TraceKind::Entry(k) => ("entry", format!("{k}"), None, None),
        TraceKind::Bridge { parent, exit } => ("bridge", format!("guard {exit} of trace {parent}"), None, Some(parent)),
    };
    let name = match (&label_target, converted) {
        (Some((u, _)), _) => format!("{name}, into the label of trace {u}"),
        (_, Some((old, n))) => format!("{name}, if-conversion {n} of trace {old}"),
        _ => name,
    };
    if vm.params.log {
        eprintln!(
            "# {kind} {id} at {name}: {} ops recorded, {} compiled, {:.3} ms ({:.3} ms CPU)\n{}",
            recorded_ops,
            optimized.ops.len(),
            ns as f64 / 1e6,
            cpu_ns as f64 / 1e6,
            metatrace_jit::text::print_log(&optimized, &|a| const_name::<L>(vm, rec.invalid.as_ptr() as u64, a))
        );
    }
    if vm.params.perf_map {
        write_perf_map(&code, &format!("metatrace {kind} {id} at {name}"));
    }
    if vm.params.keep_traces {
        vm.records.push(TraceRecord {
            kind,
            name,
            recorded: recorded_text.unwrap_or_default(),
            optimized: optimized.to_string(),
            compile_ns: ns,
        });
    }
    let root = parent.and_then(|p| vm.units[p].as_ref()).map_or(id, |p| p.root);
    if let Some(Some(r)) = parent.and(vm.units.get(root)) {
        let (n, t) = r.tree.get();
        r.tree.set((n + 1, t + if vm.born_cpu != 0 { cpu_ns } else { ns }));
    }
    let consts = trace_refs(&optimized);
    let inputs = optimized.inputs.iter().map(|&v| optimized.type_of(v)).collect();
    if let Some(s) = optimized.ops.iter().find_map(|o| o.snapshot.as_ref()) {
        vm.last_frames = s.frames.iter().map(|f| f.values.clone()).collect();
    }
    vm.units.push(Some(Unit {
        code,
        exits,
        trace: Rc::new(if snapshot_words(&optimized) <= INHERIT_WORDS { optimized } else { Trace::new() }),
        finish: finish.map(|(k, types)| (k, vm.finish_resumes.get(k, types))),
        entry: rec.entries_root(),
        finish_unit: Default::default(),
        label_target,
        short,
        recorded: recorded_trace.map(|t| Rc::new((t, rec.keys.clone()))),
        conversions: converted.map_or(0, |c| c.1),
        links,
        doomed: Cell::new(false),
        invalid: rec.invalid.clone(),
        loop_key,
        parent,
        consts,
        inputs,
        root,
        tree: Cell::new((0, 0)),
        profit: Cell::new((0, 0)),
    }));
    match rec.kind {
        TraceKind::Loop(k) => {
            vm.stats.loops += 1;
            vm.cells.entry(k).or_insert_with(JitCell::new).state = CellState::Compiled(id);
        }
        TraceKind::Entry(k) => {
            vm.stats.functions += 1;
            vm.entry_cells.entry(k).or_insert_with(JitCell::new).state = CellState::Compiled(id);
        }
        TraceKind::Bridge { parent, exit } => {
            vm.stats.bridges += 1;
            if let Some(Some(u)) = vm.units.get_mut(parent) {
                u.exits[exit].bridge = Some(id);
                u.exits[exit].takes = rec.forced_input;
            }
        }
    }
}

/// Throws away loop `old` (and its bridges), which an if-converted loop replaces: as
/// [`discard`], but not counted as an invalidation of the loop's key.
fn replace_loop<L: Language>(vm: &mut VmState<L>, old: UnitId) {
    let key = vm.units[old].as_ref().and_then(|u| u.loop_key);
    let aborts = key.and_then(|k| vm.cells.get(&k)).map(|c| c.aborts);
    let invalidations = vm.stats.invalidations;
    discard(vm, old);
    vm.stats.invalidations = invalidations;
    if let (Some(k), Some(a)) = (key, aborts) {
        if let Some(c) = vm.cells.get_mut(&k) {
            c.aborts = a;
        }
    }
}

/// The most snapshot words (summed over a trace's guards) of a trace kept for its bridges to
/// inherit from (`Unit::trace`): past it, as in very wide frames, keeping the trace would cost
/// memory in proportion to frame width times guards, and its bridges inherit nothing.
const INHERIT_WORDS: usize = 1 << 14;

/// The words of all the snapshots of `t`.
fn snapshot_words(t: &Trace) -> usize {
    t.ops.iter().filter_map(|o| o.snapshot.as_ref()).map(|s| s.operand_count()).sum()
}

/// Whether `op` is a guard on constants that fails every time (`guard_true(0)`, ...).
fn always_fails(op: &metatrace_jit::ir::Op) -> bool {
    match (op.opcode, &op.args[..]) {
        (Opcode::GuardTrue, [Operand::Int(c)]) => *c == 0,
        (Opcode::GuardFalse, [Operand::Int(c)]) => *c != 0,
        (Opcode::GuardValue, [a, b]) => a.is_const() && b.is_const() && a != b,
        _ => false,
    }
}

/// Appends a line for `code` to `/tmp/perf-<pid>.map` (perf's format for JIT symbols:
/// `start size name`, hexadecimal). Profiling is best effort: a failed write is ignored.
fn write_perf_map(code: &CompiledTrace, name: &str) {
    use std::io::Write;
    let path = format!("/tmp/perf-{}.map", std::process::id());
    if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = writeln!(f, "{:x} {:x} {name}", code.code() as usize, code.code_size());
    }
}

/// Inserts an always-failing guard with the snapshot of guard `n` just before it (before
/// its overflow-checked operation, for overflow guards). The snapshot is the state at the
/// start of the guard's instruction, valid anywhere between that boundary and the guard.
/// (A `guard_not_forced` is left alone: its snapshot holds a caller waiting for a result.)
fn force_guard_failure(t: &mut Trace, n: usize) {
    let Some(at) = t.ops.iter().enumerate().filter(|(_, o)| o.opcode.is_guard()).nth(n).map(|(i, _)| i) else {
        return;
    };
    // (Nor a null test whose snapshot delivers a call's outcome: it resumes with the raised
    // exception, or with the result when none was raised, a state of the interpreter only
    // when the test really fails.)
    let op = &t.ops[at];
    let delivers = op.snapshot.as_ref().is_some_and(|s| s.deliver.is_some());
    if op.opcode == Opcode::GuardNotForced
        || delivers && matches!(op.opcode, Opcode::GuardIsNull | Opcode::GuardNonNull)
    {
        return;
    }
    let snapshot = t.ops[at].snapshot.clone();
    let at = if at > 0 && t.ops[at - 1].opcode.is_ovf() { at - 1 } else { at };
    let mut g = metatrace_jit::ir::Op::new(Opcode::GuardTrue, vec![Operand::Int(0)], None);
    g.snapshot = snapshot;
    t.ops.insert(at, g);
}

/// Every reference constant of a trace (in operations and snapshots), each once, sorted.
fn trace_refs(t: &Trace) -> Vec<usize> {
    // (Into a set, not a list deduplicated at the end: a wide frame's locals that hold one
    // constant, such as an unassigned callee's, are a million operands over its guards, and
    // the list's capacity stayed with the unit.)
    let mut seen = rustc_hash::FxHashSet::default();
    let mut last = None;
    // (Internal iteration, which folds a snapshot slice by slice: a wide frame's snapshots
    // are most of a trace's operands.)
    for op in &t.ops {
        let snapshot = op.snapshot.iter().flat_map(|s| s.uses());
        op.args.iter().chain(snapshot).for_each(|o| {
            if let Operand::Ref(a) = *o {
                if last != Some(a) {
                    last = Some(a);
                    seen.insert(a as usize);
                }
            }
        });
    }
    let mut out: Vec<usize> = seen.into_iter().collect();
    out.sort_unstable();
    out
}

/// `loop_header` of the concrete interpreter (JIT enabled).
pub(crate) fn loop_header<'a, L: Language>(cx: &mut Concrete<'a, L>, f: &mut L::Frame<Concrete<'a, L>>) -> Control {
    let vm = &mut *cx.vm;
    let key = L::key(f);
    let threshold = vm.params.threshold;
    let cell = vm.cells.entry(key).or_insert_with(JitCell::new);
    match cell.state {
        CellState::Compiled(id) => {
            if vm.params.unprofitable_percent != 0 && unprofitable(vm, id) {
                vm.cells.get_mut(&key).expect("counted").state = CellState::Blacklisted;
                return Control::Continue;
            }
            return match execute(cx, id, f) {
                Exec::Continue => Control::Continue,
                Exec::Leave => Control::Leave,
                Exec::Return(v) => {
                    // The activation returned (its frame is stale now): `run_activation`
                    // returns the value as the interpreter leaves (an exception goes back
                    // into the raise slot, as compiled code left it: see `close_return`).
                    let r = match L::result_raised(&v) {
                        Some(e) => {
                            let r = Red::<Concrete<'a, L>>::Ref(e);
                            cx.vm.raise_slot.set(to_word(r));
                            r
                        }
                        None => L::result_red(&v).expect("compiled code returns red values"),
                    };
                    cx.vm.returned = Some((red_type(&r), to_word(r)));
                    Control::Leave
                }
            };
        }
        CellState::Blacklisted => return Control::Continue,
        CellState::Counting => {}
    }
    if !cell.hot(threshold, vm.recorder.is_some()) {
        return Control::Continue;
    }
    if !within_compile_share(vm) {
        vm.stats.over_budget += 1;
        return Control::Continue;
    }
    vm.pending = Some(Pending::Loop);
    Control::Leave
}

/// The start of an activation (JIT enabled): runs its compiled function entry, or counts
/// towards tracing one (`root`: the embedder started it, see [`run_root`]).
fn function_entry<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    f: &mut L::Frame<Concrete<'a, L>>,
    root: bool,
) -> Exec<L::Value<Concrete<'a, L>>> {
    let vm = &mut *cx.vm;
    let key = L::key(f);
    let threshold = vm.params.function_threshold;
    if root && !vm.entry_cells.contains_key(&key) {
        // (See `run_root`.)
        vm.entry_cells.insert(key, JitCell::new());
        return Exec::Continue;
    }
    let cell = vm.entry_cells.entry(key).or_insert_with(JitCell::new);
    match cell.state {
        CellState::Compiled(id) => {
            if vm.params.unprofitable_percent != 0 && unprofitable(vm, id) {
                // (Compiled code that calls the function directly still does.)
                vm.entry_cells.get_mut(&key).expect("counted").state = CellState::Blacklisted;
                return Exec::Continue;
            }
            return execute(cx, id, f);
        }
        CellState::Blacklisted => return Exec::Continue,
        CellState::Counting => {}
    }
    if !cell.hot(threshold, vm.recorder.is_some()) {
        return Exec::Continue;
    }
    if !within_compile_share(vm) {
        vm.stats.over_budget += 1;
        return Exec::Continue;
    }
    vm.pending = Some(Pending::Entry);
    Exec::Leave
}

/// Runs compiled code from the loop header or function entry `f` stands at, then writes the
/// frame(s) back, or returns the activation's result.
///
/// Compiled code may call back into the driver (`call_assembler`), which may run compiled
/// code again: so each run has its own frame buffer, holds no reference into `vm.units`
/// while code runs, and counts itself in `run_depth`, so no unit is freed meanwhile (see
/// `discard`).
fn execute<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    id: UnitId,
    f: &mut L::Frame<Concrete<'a, L>>,
) -> Exec<L::Value<Concrete<'a, L>>> {
    let vm = &mut *cx.vm;
    if !enterable(vm, id) {
        if vm.units[id].as_ref().is_some_and(|u| !u.doomed.get()) {
            discard(vm, id);
        }
        return Exec::Continue;
    }
    vm.stats.entries += 1;
    // The words of the frame's reds, which stay for the run: an exit back into `f`'s
    // activation patches what changed since.
    let mut entry = std::mem::take(&mut vm.spare_entry);
    entry.clear();
    entry.reserve(vm.frame_words.max(16));
    if !L::red_words(f, &mut entry) {
        let mut reds = recast_reds::<Plain, Concrete<'a, L>>(std::mem::take(&mut vm.spare_reds));
        L::reds(f, &mut reds);
        entry.extend(reds.iter().map(|r| to_word(*r)));
        vm.spare_reds = recast_reds(reds);
    }
    if cfg!(debug_assertions) {
        let unit = vm.units[id].as_ref().expect("enterable");
        let mut reds = Vec::new();
        L::reds(f, &mut reds);
        let types: Vec<Type> = reds.iter().map(red_type).collect();
        assert_eq!(
            types,
            unit.inputs,
            "the frame at {} has reds of other types than its compiled code's inputs: every frame \
             at a key must list the same types in Language::reds (is the frame positioned at the \
             jump target when it calls loop_header? do frames at this key hold varying numbers of \
             values?)",
            L::key(f)
        );
        let words: Vec<u64> = reds.iter().map(|r| to_word(*r)).collect();
        assert_eq!(entry, words, "Language::red_words lists other words than Language::reds at {}", L::key(f));
    }
    // A buffer of the pool (runs nest: compiled code calls the interpreter, which enters
    // compiled code again), given back when the run leaves.
    let mut buf = vm.bufs.pop().unwrap_or_default();
    put_inputs(&mut buf, &entry);
    let exec = run_units(cx, id, f, buf, None, Some(Entry { unit: id, words: &entry }));
    cx.vm.spare_entry = entry;
    if cx.vm.run_depth == 0 && !cx.vm.doomed.is_empty() {
        // Units thrown away while this run went on: nothing of theirs runs any more.
        reap(cx.vm);
    }
    exec
}

/// An empty Vec of reds of family `B` in the allocation of `v` (cleared), so one allocation
/// serves every entry into compiled code whatever the lifetime in `Concrete<'a, L>`; a fresh
/// Vec if the two kinds of red differ in size or alignment (not so for `Plain` and `Concrete`,
/// whose reds are the same machine types).
fn recast_reds<A: Reds, B: Reds>(mut v: Vec<Red<A>>) -> Vec<Red<B>> {
    use std::mem::{align_of, size_of, ManuallyDrop};
    if size_of::<Red<A>>() != size_of::<Red<B>>() || align_of::<Red<A>>() != align_of::<Red<B>>() {
        return Vec::new();
    }
    v.clear();
    let mut v = ManuallyDrop::new(v);
    // SAFETY: the Vec is empty (no value is reinterpreted) and its allocation (if any) was
    // made for `capacity` elements of a type of the same size and alignment as `Red<B>`,
    // which is all `from_raw_parts` asks of the pointer and capacity; `v` is not dropped.
    unsafe { Vec::from_raw_parts(v.as_mut_ptr().cast::<Red<B>>(), 0, v.capacity()) }
}

/// The loop of [`execute`]: runs unit `id` (or, with `exited`, starts from the exit it just
/// took) and follows finishes and bridges until the activation must go on in the
/// interpreter (`f` is written back) or returns. `entry` is what `f` was entered with, if
/// known: `f` still holds it, and an exit that resumes `f` patches only the reds that
/// changed (see `Language::resume_in_place`).
pub(crate) fn run_units<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    mut id: UnitId,
    f: &mut L::Frame<Concrete<'a, L>>,
    mut buf: Vec<u64>,
    mut exited: Option<usize>,
    entry: Option<Entry<'_>>,
) -> Exec<L::Value<Concrete<'a, L>>> {
    let mut at_label = false;
    loop {
        let vm = &mut *cx.vm;
        let exit = match exited.take() {
            Some(e) => e,
            None => match run_unit(vm, id, &mut buf, std::mem::take(&mut at_label)) {
                ExitWord::Left { trace, exit } => {
                    id = trace as UnitId;
                    exit as usize
                }
                ExitWord::Returned(ty) => {
                    let r = from_word::<Concrete<'a, L>>(ty, buf[0]);
                    vm.bufs.push(buf);
                    return Exec::Return(raised_or(vm, r));
                }
            },
        };
        let unit = vm.units[id].as_ref().expect("a running trace is never thrown away");
        if exit == unit.exits.len() {
            if let Some((t, _)) = unit.label_target {
                // The values the loop reads at its label are in the buffer: only that loop
                // can go on from here. (It is valid: the trace checked its flag, and called
                // nothing since.)
                assert!(enterable(vm, t), "a trace finished into the label of a thrown-away loop");
                link_label(vm, id, exit, t);
                id = t;
                at_label = true;
                continue;
            }
            // (A function trace's returning `finish` gives `ExitWord::Returned`, handled above.)
            // The fast way: the loop this trace continued in last time, if still valid. From
            // now on the exit jumps there itself.
            let cached = unit.finish_unit.get();
            if let Some(t) = cached {
                if enterable(vm, t) {
                    link(vm, id, exit, t);
                    id = t;
                    continue;
                }
            }
            let (target, resume) = unit.finish.clone().expect("finish exit of a trace without finish");
            match vm.cells.get(&target).map(|c| c.state) {
                Some(CellState::Compiled(t)) if enterable(vm, t) => {
                    if let Some(u) = vm.units[id].as_ref() {
                        u.finish_unit.set(Some(t));
                    }
                    link(vm, id, exit, t);
                    id = t;
                    continue;
                }
                _ => {
                    vm.stats.finish_exits += 1;
                    restore(cx, &resume, f, &mut buf, None, entry);
                    cx.vm.bufs.push(buf);
                    return Exec::Continue;
                }
            }
        }
        if let Some(b) = enter_bridge(vm, id, exit, &mut buf) {
            id = b;
            continue;
        }
        let unit = vm.units[id].as_mut().expect("a running trace is never thrown away");
        let resume = unit.exits[exit].resume.clone();
        let invalid = unit.invalid.get() != 0;
        let e = &mut unit.exits[exit];
        if e.safepoint {
            vm.stats.safepoint_exits += 1;
            restore(cx, &resume, f, &mut buf, None, entry);
            cx.vm.bufs.push(buf);
            return Exec::Continue;
        }
        e.fails += 1;
        let forced = e.forced;
        let threshold = if e.segment { 1 } else { bridge_threshold(vm, id, exit) };
        let unit = vm.units[id].as_mut().expect("a running trace is never thrown away");
        let e = &mut unit.exits[exit];
        let open = e.bridge_aborts < vm.params.max_aborts && e.bridge.is_none() && !invalid && vm.recorder.is_none();
        let mut want_bridge = open && e.fails >= threshold;
        // The loop's main way out may get its bridge sooner, if it merges (see `merge`).
        let mut tentative = open && !want_bridge && !forced && crate::merge::tries_early(vm, id, exit);
        // A forced call's parked result, for the caller: a bridge can take it as one more
        // input only if it is a red value (see `enter_bridge`).
        let parked: Option<L::Value<Concrete<'a, L>>> = forced.then(|| L::map_value(vm.take_forced(), &mut Same));
        let parked_red = parked.as_ref().and_then(L::result_red);
        want_bridge &= !forced || parked_red.is_some();
        vm.stats.forced_exits += forced as u64;
        if want_bridge && !within_budget(vm, id) {
            // The loop's bridge budget is spent: this exit goes back to the interpreter for
            // good (the failure count starts over, so it is refused once per threshold).
            vm.units[id].as_mut().expect("running").exits[exit].fails = 0;
            vm.stats.bridges_refused += 1;
            want_bridge = false;
        }
        if want_bridge && !within_compile_share(vm) {
            // Over the whole run's compile share: back to the interpreter, asked again after
            // another threshold of failures.
            vm.units[id].as_mut().expect("running").exits[exit].fails = 0;
            vm.stats.over_budget += 1;
            want_bridge = false;
        }
        // An early try the budgets refuse is not made, and leaves nothing behind: the guard
        // counts on, and may try again at its next failure.
        // (Not `&=`: that would ask the budgets, and read the thread's clock, at every failure.)
        tentative = tentative && within_budget(vm, id) && within_compile_share(vm);
        if tentative {
            vm.units[id].as_mut().expect("running").exits[exit].tried_early = true;
            want_bridge = true;
        }
        vm.stats.guard_failures += 1;
        count_failure(vm, id);
        if want_bridge && (forced || resume.frames.len() > 1 || resume.deliver.is_some() || !resume.virtuals.is_empty())
        {
            // The bridge starts in the innermost frame (see `start_nested_bridge`): `f` only
            // becomes the outermost frame as the snapshot has it, still waiting for its callee
            // (or for the outcome of its call: a forced call's parked result follows the
            // exit's words, as the bridge takes it).
            materialize(vm, &resume, &mut buf);
            let lang = vm.lang.clone();
            let mut it = resume.reds_of(0).zip(&buf).map(|(s, &w)| from_word::<Concrete<'a, L>>(s.ty(), w));
            *f = lang.rebuild(resume.frames[0].0, &mut it);
            if let Some(r) = parked_red {
                resume.put_parked(&mut buf, to_word(r));
            }
            vm.bridge_words = buf;
            let forced = parked_red.map(|r| red_type(&r));
            vm.pending = Some(Pending::Bridge { parent: id, exit, forced, tentative });
            return Exec::Leave;
        }
        vm.stats.nested_exits += (resume.frames.len() > 1) as u64;
        restore(cx, &resume, f, &mut buf, parked, entry);
        cx.vm.bufs.push(buf);
        if want_bridge {
            cx.vm.pending = Some(Pending::Bridge { parent: id, exit, forced: None, tentative });
            return Exec::Leave;
        }
        return Exec::Continue;
    }
}

/// The reds of `slots`, read from `words` from index `at` on (a word past the end reads as 0).
/// (Two slices zipped, so the copy is a loop without bounds checks.)
fn reds_at<'s, R: Reds<Int = i64, Float = f64, Ref = usize>>(
    slots: &'s [Slot],
    words: &'s [u64],
    at: usize,
) -> impl Iterator<Item = Red<R>> + 's {
    let have = words.get(at..).unwrap_or_default();
    let n = slots.len().min(have.len());
    let read = slots[..n].iter().zip(&have[..n]).map(|(&s, &w)| from_word(s.ty(), w));
    read.chain(slots[n..].iter().map(|&s| from_word(s.ty(), 0)))
}

/// What a run of compiled code was entered with from the interpreter's frame (which still
/// holds it while the code runs): the unit entered and the words of the frame's reds.
#[derive(Clone, Copy)]
pub(crate) struct Entry<'e> {
    unit: UnitId,
    words: &'e [u64],
}

/// Whether the slots of `resume`'s outermost frame (`slots`) have the types of the inputs of
/// the unit entered, as far as both go: then a red whose word did not change did not change
/// at all. Asked once per exit and entered unit (unit numbers are never reused).
fn same_types<L: Language>(vm: &VmState<L>, resume: &Resume<L::Key>, entered: UnitId, slots: &[Slot]) -> bool {
    if let Some((u, same)) = resume.entry_types.get() {
        if u == entered {
            return same;
        }
    }
    let Some(unit) = vm.units[entered].as_ref() else { return false };
    let same = slots.iter().zip(&unit.inputs).all(|(s, &t)| s.ty() == t);
    resume.entry_types.set(Some((entered, same)));
    same
}

/// The reds of `slots` read from `words` (as [`reds_at`] from 0) whose word differs from the
/// entry's at the same index, or that the entry has none for, with their indices: what
/// `Language::resume_in_place` patches (the types agree: see [`same_types`]). Eight words are
/// compared at a time; a red is made only where a word changed.
struct ChangedReds<'s> {
    slots: &'s [Slot],
    words: &'s [u64],
    entry: &'s [u64],
    at: usize,
}

impl<'s> ChangedReds<'s> {
    fn new(slots: &'s [Slot], words: &'s [u64], entry: &'s [u64]) -> ChangedReds<'s> {
        ChangedReds { slots, words, entry, at: 0 }
    }
    fn next_red<R: Reds<Int = i64, Float = f64, Ref = usize>>(&mut self) -> Option<(usize, Red<R>)> {
        let n = self.slots.len().min(self.words.len()).min(self.entry.len());
        let (words, entry) = (&self.words[..n], &self.entry[..n]);
        let mut i = self.at;
        if i < n {
            // (Or-ed differences of arrays of 8, which the compiler unrolls (it does not
            // vectorize the early exit: about 3 instructions a word); not a slice comparison:
            // that calls `bcmp` on 64 bytes.)
            let (ws, es) = (words[i..].as_chunks::<8>().0, entry[i..].as_chunks::<8>().0);
            for (w, e) in ws.iter().zip(es) {
                if w.iter().zip(e).fold(0, |d, (a, b)| d | (a ^ b)) != 0 {
                    break;
                }
                i += 8;
            }
        }
        while i < n && words[i] == entry[i] {
            i += 1;
        }
        // Past the entry's reds (and past the words: those read as 0), every red is new.
        let s = *self.slots.get(i)?;
        self.at = i + 1;
        Some((i, from_word(s.ty(), self.words.get(i).copied().unwrap_or(0))))
    }
    fn reds<R: Reds<Int = i64, Float = f64, Ref = usize>>(mut self) -> impl Iterator<Item = (usize, Red<R>)> + 's {
        std::iter::from_fn(move || self.next_red())
    }
}

/// Rebuilds the frames of a snapshot from the frame buffer `buf`: inner frames run to
/// completion (innermost first, each caller resumed with its callee's result), the outermost
/// is `f`. The innermost frame is first handed the outcome of the call it waits for, if the
/// snapshot delivers one (see `Snapshot::deliver`), or `forced`: the parked result of a forced
/// call.
fn restore<'a, L: Language>(
    cx: &mut Concrete<'a, L>,
    resume: &Resume<L::Key>,
    f: &mut L::Frame<Concrete<'a, L>>,
    buf: &mut [u64],
    forced: Option<L::Value<Concrete<'a, L>>>,
    entry: Option<Entry<'_>>,
) {
    let lang = cx.vm.lang.clone();
    // (In place: the caller's buffer is not read again once the frames are rebuilt.)
    materialize(cx.vm, resume, buf);
    // The common exits below read each frame's slots from one slice, spelled out into a
    // buffer of the Vm's (a copy of the pattern and its few differences), as fast as slots
    // kept whole, and its words by index (`reds_at`): an iterator over the words that a
    // closure holds by reference lives in memory, so each value waited on the store of the
    // one before, and a wide frame's rebuild took several times as long as its copy.
    let mut slots = std::mem::take(&mut cx.vm.spare_slots);
    if resume.frames.len() == 1 {
        // The common exit: one frame, nothing to run to completion first, no list of frames.
        // `f` is the activation the run entered: patched where its reds changed, if the
        // language can, else made again.
        resume.reds_into(0, &mut slots);
        let key = resume.frames[0].0;
        let patched = entry.is_some_and(|e| {
            same_types(cx.vm, resume, e.unit, &slots)
                && lang.resume_in_place(f, key, slots.len(), &mut ChangedReds::new(&slots, buf, e.words).reds())
        });
        cx.vm.stats.patched_exits += patched as u64;
        if !patched {
            *f = lang.rebuild(key, &mut reds_at::<Concrete<'a, L>>(&slots, buf, 0));
        } else if cfg!(debug_assertions) {
            // The language's patching makes the frame its rebuilding would.
            let mut have = Vec::new();
            L::reds(f, &mut have);
            let have: Vec<(Type, u64)> = have.into_iter().map(|r| (red_type(&r), to_word(r))).collect();
            let want: Vec<(Type, u64)> =
                reds_at::<Concrete<'a, L>>(&slots, buf, 0).map(|r| (red_type(&r), to_word(r))).collect();
            assert!(
                L::key(f) == key && have == want,
                "Language::resume_in_place made another frame than rebuild at {key}"
            );
        }
        let mut rest = buf.get(slots.len()..).unwrap_or_default().iter();
        let mut red = |s: Slot| from_word::<Concrete<'a, L>>(s.ty(), rest.next().copied().unwrap_or(0));
        let outcome = resume_outcome::<L, Concrete<'a, L>>(resume, &mut red).or(forced);
        cx.vm.spare_slots = slots;
        if let Some(v) = outcome {
            L::deliver(cx, f, v);
        }
        return;
    }
    if resume.frames.len() == 2 {
        // The common nested exit (a guard in a call inlined one deep): as below, without a
        // list of frames.
        resume.reds_into(0, &mut slots);
        let mut outer = lang.rebuild(resume.frames[0].0, &mut reds_at::<Concrete<'a, L>>(&slots, buf, 0));
        let at = slots.len();
        resume.reds_into(1, &mut slots);
        let mut inner = lang.rebuild(resume.frames[1].0, &mut reds_at::<Concrete<'a, L>>(&slots, buf, at));
        let mut rest = buf.get(at + slots.len()..).unwrap_or_default().iter();
        let mut red = |s: Slot| from_word::<Concrete<'a, L>>(s.ty(), rest.next().copied().unwrap_or(0));
        let outcome = resume_outcome::<L, Concrete<'a, L>>(resume, &mut red).or(forced);
        cx.vm.spare_slots = slots;
        // The caller is a root while its callee runs (and does not move meanwhile).
        let base = cx.vm.shadow.len();
        cx.vm.shadow.push(RootFrame::of::<L, Concrete<'a, L>>(&outer));
        if let Some(v) = outcome {
            L::deliver(cx, &mut inner, v);
        }
        let result = run_concrete(cx, inner);
        cx.vm.shadow.truncate(base);
        L::deliver(cx, &mut outer, result);
        *f = outer;
        return;
    }
    cx.vm.spare_slots = slots;
    let mut words = buf.iter();
    let mut red = |s: Slot| from_word::<Concrete<'a, L>>(s.ty(), words.next().copied().unwrap_or(0));
    let (mut rebuilt, outcome) = rebuild_frames::<L, Concrete<'a, L>>(&lang, resume, &mut red);
    // The frames waiting for their callees are roots while the callees run.
    let base = cx.vm.shadow.len();
    for fr in &rebuilt {
        cx.vm.shadow.push(RootFrame::of::<L, Concrete<'a, L>>(fr));
    }
    let mut result = outcome.or(forced);
    while rebuilt.len() > 1 {
        cx.vm.shadow.pop();
        let mut inner = rebuilt.pop().unwrap();
        if let Some(v) = result.take() {
            L::deliver(cx, &mut inner, v);
        }
        result = Some(run_concrete(cx, inner));
    }
    cx.vm.shadow.truncate(base);
    let mut outer = rebuilt.pop().expect("a snapshot has at least one frame");
    if let Some(v) = result {
        L::deliver(cx, &mut outer, v);
    }
    *f = outer;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctx::Plain;

    /// The changed reds of an exit: words that differ from the entry's, then every red past
    /// the entry's (the frame grew) and past the buffer's words (read as 0), each once.
    #[test]
    fn changed_reds_are_the_differences_then_the_new_reds() {
        let slots = vec![Slot::Word(Type::Int); 24];
        let entry: Vec<u64> = (0..19).collect();
        let mut words: Vec<u64> = (0..22).collect();
        words[3] = 100;
        words[17] = 200;
        let changed: Vec<(usize, u64)> =
            ChangedReds::new(&slots, &words, &entry).reds::<Plain>().map(|(i, r)| (i, to_word(r))).collect();
        assert_eq!(changed, [(3, 100), (17, 200), (19, 19), (20, 20), (21, 21), (22, 0), (23, 0)]);
        let same: Vec<usize> = ChangedReds::new(&slots[..19], &entry, &entry).reds::<Plain>().map(|(i, _)| i).collect();
        assert!(same.is_empty(), "nothing changed: {same:?}");
    }
}
