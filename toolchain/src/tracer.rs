//! The tracing instantiation of the DSL: every method computes its concrete result *and*
//! records the operation into the current trace, so the interpreter keeps running while it
//! records (the meta-tracing idea: the trace is of the interpreter running the user's loop).
//!
//! Values carry their trace operand; pure operations on constants fold at once, so a trace
//! only contains work on red data. Branches on red data become guards whose snapshot is the
//! frame chain at the last instruction boundary.

use crate::concrete::{from_word, load, reject_reentrant, store, to_word, Concrete, Drive};
use crate::ctx::{convert_frame, red_type, Control, Ctx, Flow, Language, Plain, Red, RedMap, Reds, RootMark, Same};
use crate::descr::{ArrayDescr, Effect, FieldDescr, Helper, MemKind, Type};
use crate::heap::{alloc_array_slow, alloc_slow, Heap, Layout};
use crate::native::Native;
use crate::quasi::{quasi_free_helper, quasi_new_helper, quasi_set_helper, QuasiId};
use crate::recorder::{Recorder, TraceKind};
use crate::semantics as sem;
use crate::state::{abort, native_number, safepoint, target_number, PortalCtx, RootFrame, Target, VmState};
use crate::stats::AbortReason;
use metatrace_jit::ir::{Deliver, Opcode, Operand, Slots, SnapFrame, Snapshot, Trace, Value};

mod heap_ops;

/// A red integer while tracing: its concrete value and its operand in the trace.
#[derive(Clone, Copy, Debug)]
pub struct TInt {
    pub(crate) v: i64,
    pub(crate) op: Operand,
}
/// A red float while tracing.
#[derive(Clone, Copy, Debug)]
pub struct TFloat {
    pub(crate) v: f64,
    pub(crate) op: Operand,
}
/// A red reference while tracing.
#[derive(Clone, Copy, Debug)]
pub struct TRef {
    pub(crate) v: usize,
    pub(crate) op: Operand,
}

/// The concrete value of a tracing red value, as a word (floats as their bits).
fn word_of<L: Language>(r: Red<Tracer<'_, L>>) -> u64 {
    match r {
        Red::Int(v) => v.v as u64,
        Red::Float(v) => v.v.to_bits(),
        Red::Ref(v) => v.v as u64,
    }
}

/// The trace operand of a tracing red value.
pub(crate) fn operand_of<'a, L: Language>(r: Red<Tracer<'a, L>>) -> Operand {
    match r {
        Red::Int(v) => v.op,
        Red::Float(v) => v.op,
        Red::Ref(v) => v.op,
    }
}

/// The operands of the reds of tracing frame `f` (`Language::reds`), in `out` (cleared first).
pub(crate) fn red_operands_into<L: Language>(f: &L::Frame<Tracer<'_, L>>, out: &mut Vec<Operand>) {
    let mut reds = Vec::with_capacity(out.len().max(8));
    L::reds(f, &mut reds);
    out.clear();
    out.extend(reds.iter().map(|r| operand_of(*r)));
}

/// The operands of the reds of tracing frame `f` (`Language::reds`).
pub(crate) fn red_operands<L: Language>(f: &L::Frame<Tracer<'_, L>>) -> Vec<Operand> {
    let mut out = Vec::new();
    red_operands_into::<L>(f, &mut out);
    out
}

/// The tracing interpreter context.
pub struct Tracer<'a, L: Language> {
    pub(crate) vm: &'a mut VmState<L>,
    /// The recording this activation belongs to; a different (or no) recorder means this
    /// activation only computes until it can hand over to the concrete interpreter.
    pub(crate) gen: u64,
}

/// What the tracer asks of the JIT driver, the layer above it (see the layer order in the
/// crate docs): to end the recording where it should end, compiling and installing the trace.
/// The driver implements it, once for every language, on the Vm's state.
pub(crate) trait Close<L: Language> {
    /// At a merge point while recording: closes the trace if `f` is where it should end.
    /// Returns `true` if the trace ended (compiled or aborted).
    fn try_close<'a>(cx: &mut Tracer<'a, L>, f: &L::Frame<Tracer<'a, L>>) -> bool;
    /// At a loop header while recording: a function-entry trace (or a bridge of one) at the
    /// activation's own level stops here and continues in the loop. Returns `true` if the
    /// trace ended.
    fn close_at_loop<'a>(cx: &mut Tracer<'a, L>, f: &L::Frame<Tracer<'a, L>>) -> bool;
    /// The trace being recorded is too long: compiles the part up to its cut as a segment if
    /// that is the way on. Returns `true` if it did (the trace ended).
    fn segment(vm: &mut VmState<L>) -> bool;
}

/// The driver, as [`Close`] (and the concrete interpreter's [`Drive`]) reach it.
type Driver<L> = VmState<L>;

impl<L: Language> Reds for Tracer<'_, L> {
    type Int = TInt;
    type Float = TFloat;
    type Ref = TRef;
    fn address(r: TRef) -> usize {
        r.v
    }
    fn plain(r: Red<Self>) -> Red<Plain> {
        crate::concrete::from_word(red_type(&r), word_of(r))
    }
}

/// Maps tracing values to concrete ones (drops the operands).
pub(crate) struct Untrace;
impl<'a, 'b, L: Language> RedMap<Tracer<'a, L>, Concrete<'b, L>> for Untrace {
    fn int(&mut self, v: TInt) -> i64 {
        v.v
    }
    fn float(&mut self, v: TFloat) -> f64 {
        v.v
    }
    fn reference(&mut self, v: TRef) -> usize {
        v.v
    }
}

/// Maps concrete values to tracing constants (for values computed while not recording).
pub(crate) struct AsConst;
impl<'a, 'b, L: Language> RedMap<Concrete<'b, L>, Tracer<'a, L>> for AsConst {
    fn int(&mut self, v: i64) -> TInt {
        TInt { v, op: Operand::Int(v) }
    }
    fn float(&mut self, v: f64) -> TFloat {
        TFloat { v, op: Operand::float(v) }
    }
    fn reference(&mut self, v: usize) -> TRef {
        TRef { v, op: Operand::Ref(v as u64) }
    }
}

impl<'a, L: Language> Tracer<'a, L> {
    /// The recorder, if this activation is still recording.
    pub(crate) fn rec(&mut self) -> Option<&mut Recorder<L>> {
        match &mut self.vm.recorder {
            Some(r) if r.gen == self.gen => Some(r),
            _ => None,
        }
    }

    pub(crate) fn recording(&self) -> bool {
        matches!(&self.vm.recorder, Some(r) if r.gen == self.gen)
    }

    fn abort(&mut self, why: AbortReason) {
        if self.recording() {
            abort(self.vm, why);
        }
    }

    /// Records an operation; `None` if not recording (or the trace just got too long).
    fn emit(
        &mut self,
        opcode: Opcode,
        args: Vec<Operand>,
        descr: Option<metatrace_jit::ir::Descr>,
    ) -> Option<Option<Value>> {
        let rec = self.rec()?;
        if rec.trace.ops.len() >= rec.limit || rec.snap_words > rec.snap_limit {
            if !<Driver<L> as Close<L>>::segment(self.vm) {
                self.abort(AbortReason::TooLong);
            }
            return None;
        }
        let before = rec.trace.ops.len();
        let r = rec.trace.push(opcode, args);
        if let Some(d) = descr {
            let id = rec.trace.add_descr(d);
            rec.trace.ops[before].descr = Some(id);
        }
        Some(r)
    }

    fn guard(&mut self, opcode: Opcode, args: Vec<Operand>) {
        let Some(rec) = self.rec() else { return };
        if rec.effect {
            self.abort(AbortReason::GuardAfterEffect);
            return;
        }
        let snap = rec.snap().clone();
        self.emit_guard(opcode, args, snap);
        if let Some(rec) = self.rec().filter(|r| r.boundaries > 1) {
            rec.cut = Some(rec.trace.ops.len() - 1);
        }
    }

    /// Records a guard with snapshot `snap` (no check for effects: see the callers).
    fn emit_guard(&mut self, opcode: Opcode, args: Vec<Operand>, snap: Snapshot) {
        if self.emit(opcode, args, None).is_some() {
            let rec = self.rec().expect("emit succeeded");
            rec.snap_words += snap.frames.iter().map(|f| f.values.len()).sum::<usize>();
            rec.trace.ops.last_mut().expect("just emitted").snapshot = Some(snap);
        }
    }

    fn side_effect(&mut self) {
        if let Some(rec) = self.rec() {
            rec.effect = true;
        }
    }

    fn int_result(&mut self, opcode: Opcode, args: Vec<Operand>, v: i64) -> TInt {
        let op = if args.iter().all(|a| a.is_const()) {
            Operand::Int(v)
        } else {
            match self.emit(opcode, args, None) {
                Some(Some(val)) => Operand::Value(val),
                _ => Operand::Int(v),
            }
        };
        TInt { v, op }
    }

    fn float_result(&mut self, opcode: Opcode, args: Vec<Operand>, v: f64) -> TFloat {
        let op = if args.iter().all(|a| a.is_const()) {
            Operand::float(v)
        } else {
            match self.emit(opcode, args, None) {
                Some(Some(val)) => Operand::Value(val),
                _ => Operand::float(v),
            }
        };
        TFloat { v, op }
    }

    fn ovf(&mut self, opcode: Opcode, a: TInt, b: TInt, r: Option<i64>) -> Option<TInt> {
        if a.op.is_const() && b.op.is_const() {
            return r.map(|v| TInt { v, op: Operand::Int(v) });
        }
        let res = self.emit(opcode, vec![a.op, b.op], None).flatten();
        match r {
            Some(v) => {
                self.guard(Opcode::GuardNoOverflow, vec![]);
                Some(TInt { v, op: res.map(Operand::Value).unwrap_or(Operand::Int(v)) })
            }
            None => {
                self.guard(Opcode::GuardOverflow, vec![]);
                None
            }
        }
    }

    fn load_op(
        &mut self,
        opcode: Opcode,
        args: Vec<Operand>,
        d: metatrace_jit::ir::Descr,
        word: u64,
        ty: Type,
    ) -> Red<Self> {
        // An immutable field of a constant object is a constant: the tracer just read it (the
        // object is alive: trace constants are roots), so the trace need not.
        let immutable = matches!(&d.kind, metatrace_jit::ir::DescrKind::Field(f) if f.immutable);
        if immutable && args.iter().all(|a| a.is_const()) {
            return from_word_traced(ty, word, None);
        }
        let res = self.emit(opcode, args, Some(d)).flatten();
        from_word_traced(ty, word, res)
    }

    fn store_op(&mut self, args: Vec<Operand>, opcode: Opcode, d: metatrace_jit::ir::Descr) {
        // Initializing an object allocated in this instruction is no effect a guard must
        // come before: resuming at the instruction's start allocates and initializes anew.
        let fresh = matches!(args[0], Operand::Value(v) if self.rec().is_some_and(|r| r.fresh.contains(&v)));
        self.emit(opcode, args, Some(d));
        if !fresh {
            self.side_effect();
        }
    }

    /// Notes an object allocated since the last instruction boundary (see `store_op`).
    fn allocated(&mut self, op: Operand) {
        if let (Operand::Value(v), Some(rec)) = (op, self.rec()) {
            rec.fresh.push(v);
        }
    }

    /// Calls a helper of the Vm's quasi-immutable table (its address is the first argument).
    fn call_quasi(&mut self, h: &Helper, args: &[Red<Self>]) -> Option<Red<Self>> {
        let table = std::rc::Rc::as_ptr(&self.vm.quasi) as usize;
        let mut all = vec![Red::Ref(self.const_ref(table))];
        all.extend_from_slice(args);
        self.call(h, &all)
    }

    /// The snapshot of a caller suspended in a call (the innermost frame), with its callers.
    fn call_snapshot(&mut self, caller: &L::Frame<Self>) -> Option<Snapshot> {
        let rec = self.rec()?;
        let mut frames = rec.frames.clone();
        frames.push(rec.snap_frame(caller));
        Some(Snapshot { frames, ..Snapshot::default() })
    }

    /// The instruction goes on after a call that ended it (see `Language::deliver`): from
    /// here, until the next boundary, the state is the caller waiting for the call's outcome
    /// `v`, so guards are fine again (each one hands `v` to the caller if it fails). A value
    /// read from a quasi-immutable cell is guarded again: the call may have changed it.
    fn continue_after_call(&mut self, base: &Snapshot, d: Deliver, v: Operand) {
        let snap = delivering(base, d, v);
        if let Some(rec) = self.rec() {
            rec.snap = snap;
            rec.boundary = None;
            rec.effect = false;
            rec.fresh.clear();
            rec.quasi_guarded = false;
        }
    }

    /// After a recorded call whose exception goes through the raise slot: takes the slot's
    /// word into the trace and guards that the call raised (`raised` is the exception seen now)
    /// or did not, as now; then the instruction goes on with that outcome. Returns the traced
    /// exception.
    fn check_exception(&mut self, base: &Snapshot, result: Operand, raised: Option<usize>) -> TRef {
        let slot = self.vm.raise_slot.as_ptr() as u64;
        let exc = raised.unwrap_or(0);
        let Some(Some(p)) = self.emit(Opcode::SaveException, vec![Operand::Ref(slot)], None) else {
            return TRef { v: exc, op: Operand::Ref(exc as u64) };
        };
        let p = Operand::Value(p);
        if raised.is_some() {
            self.emit_guard(Opcode::GuardNonNull, vec![p], delivering(base, Deliver::Returned, result));
            self.continue_after_call(base, Deliver::Raised, p);
        } else {
            self.emit_guard(Opcode::GuardIsNull, vec![p], delivering(base, Deliver::Raised, p));
            self.continue_after_call(base, Deliver::Returned, result);
        }
        TRef { v: exc, op: p }
    }

    /// Called at every instruction boundary of every traced activation's frame: keeps the
    /// frame's key and operands, from which the boundary's snapshot is made if a guard needs
    /// it (see `Recorder::settle`).
    fn snapshot(&mut self, f: &L::Frame<Self>) {
        let Some(rec) = self.rec() else { return };
        let key = rec.key_id(L::key(f));
        red_operands_into::<L>(f, &mut rec.boundary_values);
        rec.boundary = Some(key);
        rec.effect = false;
        rec.fresh.clear();
    }
}

/// `base` with the call's outcome `v` handed to its innermost frame (see `Snapshot::deliver`).
fn delivering(base: &Snapshot, d: Deliver, v: Operand) -> Snapshot {
    let mut s = base.clone();
    s.frames.last_mut().expect("a call snapshot has the caller's frame").values.push(v);
    s.deliver = Some(d);
    s
}

/// The descriptor of allocations of `layout` on `heap`: what compiled code needs to inline
/// the allocation fast path.
fn size_descr(heap: &Heap, layout: &'static Layout) -> metatrace_jit::ir::Descr {
    use metatrace_jit::ir::{Descr, DescrKind, SizeDescr};
    let (size, freelist) = heap.fast_path(layout);
    Descr {
        name: layout.name.to_string(),
        kind: DescrKind::Size(SizeDescr {
            size,
            class: layout.class() as u64,
            freelist: freelist as u64,
            heap: heap as *const Heap as u64,
            slow: alloc_slow as *const () as u64,
            slow_array: alloc_array_slow as *const () as u64,
            items: layout.items,
            exact_len: None,
            len_offset: if layout.items.is_some() { layout.len_offset() } else { 0 },
            finalized: layout.finalized(),
            value: layout.value && !layout.finalized(),
        }),
    }
}

/// The descriptor of allocations of arrays of `layout` with exactly `len` items: compiled code
/// allocates those inline (named after the length: descriptors of one trace have distinct
/// names).
fn array_size_descr(heap: &Heap, layout: &'static Layout, len: usize) -> metatrace_jit::ir::Descr {
    use metatrace_jit::ir::DescrKind;
    let mut d = size_descr(heap, layout);
    let freelist = heap.fast_path_array(layout, len) as u64;
    if let (DescrKind::Size(s), Ok(n), true) = (&mut d.kind, u32::try_from(len), freelist != 0) {
        s.freelist = freelist;
        s.exact_len = Some(n);
        d.name = format!("{}_len{len}", layout.name);
    }
    d
}

/// A new input of `trace`, of type `ty`, whose value in the run being recorded is `w`.
pub(crate) fn traced_input<'a, L: Language>(trace: &mut Trace, ty: Type, w: u64) -> Red<Tracer<'a, L>> {
    let v = trace.add_input(ty);
    from_word_traced(ty, w, Some(v))
}

/// A tracing red value from a concrete word and its operand (a constant if `None`).
pub(crate) fn from_word_traced<'a, L: Language>(ty: Type, w: u64, v: Option<Value>) -> Red<Tracer<'a, L>> {
    match ty {
        Type::Int => Red::Int(TInt { v: w as i64, op: v.map(Operand::Value).unwrap_or(Operand::Int(w as i64)) }),
        Type::Float => {
            Red::Float(TFloat { v: f64::from_bits(w), op: v.map(Operand::Value).unwrap_or(Operand::Float(w)) })
        }
        Type::Ref => Red::Ref(TRef { v: w as usize, op: v.map(Operand::Value).unwrap_or(Operand::Ref(w)) }),
    }
}

macro_rules! traced_int_binops {
    ($($name:ident => $opc:ident, |$a:ident, $b:ident| $e:expr;)*) => {
        $( fn $name(&mut self, a: TInt, b: TInt) -> TInt {
            let ($a, $b) = (a.v, b.v);
            self.int_result(Opcode::$opc, vec![a.op, b.op], $e)
        } )*
    };
}
macro_rules! traced_float_binops {
    ($($name:ident => $opc:ident, |$a:ident, $b:ident| $e:expr;)*) => {
        $( fn $name(&mut self, a: TFloat, b: TFloat) -> TFloat {
            let ($a, $b) = (a.v, b.v);
            self.float_result(Opcode::$opc, vec![a.op, b.op], $e)
        } )*
    };
}
macro_rules! traced_float_cmps {
    ($($name:ident => $opc:ident, |$a:ident, $b:ident| $e:expr;)*) => {
        $( fn $name(&mut self, a: TFloat, b: TFloat) -> TInt {
            let ($a, $b) = (a.v, b.v);
            self.int_result(Opcode::$opc, vec![a.op, b.op], ($e) as i64)
        } )*
    };
}

impl<'a, L: Language> Ctx<L> for Tracer<'a, L> {
    fn int(&mut self, v: i64) -> TInt {
        TInt { v, op: Operand::Int(v) }
    }
    fn float(&mut self, v: f64) -> TFloat {
        TFloat { v, op: Operand::float(v) }
    }
    fn const_ref(&mut self, addr: usize) -> TRef {
        TRef { v: addr, op: Operand::Ref(addr as u64) }
    }
    traced_int_binops! {
        int_add => IntAdd, |a, b| a.wrapping_add(b);
        int_sub => IntSub, |a, b| a.wrapping_sub(b);
        int_mul => IntMul, |a, b| a.wrapping_mul(b);
        int_floordiv => IntFloorDiv, |a, b| sem::floordiv(a, b);
        int_mod => IntMod, |a, b| sem::modulo(a, b);
        int_and => IntAnd, |a, b| a & b;
        int_or => IntOr, |a, b| a | b;
        int_xor => IntXor, |a, b| a ^ b;
        int_lshift => IntLshift, |a, b| sem::lshift(a, b);
        int_rshift => IntRshift, |a, b| sem::rshift(a, b);
        int_lt => IntLt, |a, b| (a < b) as i64;
        int_le => IntLe, |a, b| (a <= b) as i64;
        int_eq => IntEq, |a, b| (a == b) as i64;
        int_ne => IntNe, |a, b| (a != b) as i64;
        int_gt => IntGt, |a, b| (a > b) as i64;
        int_ge => IntGe, |a, b| (a >= b) as i64;
        uint_lt => UintLt, |a, b| ((a as u64) < (b as u64)) as i64;
    }
    traced_float_binops! {
        float_add => FloatAdd, |a, b| a + b;
        float_sub => FloatSub, |a, b| a - b;
        float_mul => FloatMul, |a, b| a * b;
        float_truediv => FloatTrueDiv, |a, b| a / b;
    }
    traced_float_cmps! {
        float_lt => FloatLt, |a, b| a < b;
        float_le => FloatLe, |a, b| a <= b;
        float_eq => FloatEq, |a, b| a == b;
        float_ne => FloatNe, |a, b| a != b;
        float_gt => FloatGt, |a, b| a > b;
        float_ge => FloatGe, |a, b| a >= b;
    }
    fn ptr_eq(&mut self, a: TRef, b: TRef) -> TInt {
        self.int_result(Opcode::PtrEq, vec![a.op, b.op], (a.v == b.v) as i64)
    }
    fn int_neg(&mut self, a: TInt) -> TInt {
        self.int_result(Opcode::IntNeg, vec![a.op], a.v.wrapping_neg())
    }
    fn int_invert(&mut self, a: TInt) -> TInt {
        self.int_result(Opcode::IntInvert, vec![a.op], !a.v)
    }
    fn int_is_zero(&mut self, a: TInt) -> TInt {
        self.int_result(Opcode::IntIsZero, vec![a.op], (a.v == 0) as i64)
    }
    fn int_add_ovf(&mut self, a: TInt, b: TInt) -> Option<TInt> {
        self.ovf(Opcode::IntAddOvf, a, b, a.v.checked_add(b.v))
    }
    fn int_sub_ovf(&mut self, a: TInt, b: TInt) -> Option<TInt> {
        self.ovf(Opcode::IntSubOvf, a, b, a.v.checked_sub(b.v))
    }
    fn int_mul_ovf(&mut self, a: TInt, b: TInt) -> Option<TInt> {
        self.ovf(Opcode::IntMulOvf, a, b, a.v.checked_mul(b.v))
    }
    fn float_neg(&mut self, a: TFloat) -> TFloat {
        self.float_result(Opcode::FloatNeg, vec![a.op], -a.v)
    }
    fn float_abs(&mut self, a: TFloat) -> TFloat {
        self.float_result(Opcode::FloatAbs, vec![a.op], a.v.abs())
    }
    fn float_sqrt(&mut self, a: TFloat) -> TFloat {
        self.float_result(Opcode::FloatSqrt, vec![a.op], a.v.sqrt())
    }
    fn cast_int_to_float(&mut self, a: TInt) -> TFloat {
        self.float_result(Opcode::CastIntToFloat, vec![a.op], a.v as f64)
    }
    fn cast_float_to_int(&mut self, a: TFloat) -> TInt {
        self.int_result(Opcode::CastFloatToInt, vec![a.op], sem::float_to_int(a.v))
    }
    fn float_bits_to_int(&mut self, a: TFloat) -> TInt {
        self.int_result(Opcode::FloatBitsToInt, vec![a.op], a.v.to_bits() as i64)
    }
    fn int_bits_to_float(&mut self, a: TInt) -> TFloat {
        self.float_result(Opcode::IntBitsToFloat, vec![a.op], f64::from_bits(a.v as u64))
    }

    fn is_true(&mut self, c: TInt) -> bool {
        let b = c.v != 0;
        if !c.op.is_const() {
            self.guard(if b { Opcode::GuardTrue } else { Opcode::GuardFalse }, vec![c.op]);
        }
        b
    }
    fn promote_int(&mut self, v: TInt) -> i64 {
        if !v.op.is_const() {
            self.guard(Opcode::GuardValue, vec![v.op, Operand::Int(v.v)]);
        }
        v.v
    }
    fn promote_ref(&mut self, r: TRef) -> usize {
        if !r.op.is_const() {
            self.guard(Opcode::GuardValue, vec![r.op, Operand::Ref(r.v as u64)]);
        }
        r.v
    }
    fn peek_int(&self, v: TInt) -> i64 {
        v.v
    }
    fn peek_float(&self, v: TFloat) -> f64 {
        v.v
    }

    fn getfield_int(&mut self, obj: TRef, d: &FieldDescr) -> TInt {
        // SAFETY: the interpreter passes live objects with this field (Ctx precondition).
        let w = unsafe { load(obj.v + d.offset as usize, d.kind) };
        match self.load_op(Opcode::GetfieldI, vec![obj.op], d.to_ir(), w, Type::Int) {
            Red::Int(v) => v,
            _ => unreachable!(),
        }
    }
    fn getfield_float(&mut self, obj: TRef, d: &FieldDescr) -> TFloat {
        // SAFETY: as in getfield_int.
        let w = unsafe { load(obj.v + d.offset as usize, d.kind) };
        match self.load_op(Opcode::GetfieldF, vec![obj.op], d.to_ir(), w, Type::Float) {
            Red::Float(v) => v,
            _ => unreachable!(),
        }
    }
    fn getfield_ref(&mut self, obj: TRef, d: &FieldDescr) -> TRef {
        // SAFETY: as in getfield_int.
        let w = unsafe { load(obj.v + d.offset as usize, d.kind) };
        match self.load_op(Opcode::GetfieldR, vec![obj.op], d.to_ir(), w, Type::Ref) {
            Red::Ref(v) => v,
            _ => unreachable!(),
        }
    }
    fn setfield_int(&mut self, obj: TRef, d: &FieldDescr, v: TInt) {
        // SAFETY: as in getfield_int.
        unsafe { store(obj.v + d.offset as usize, d.kind, v.v as u64) };
        self.store_op(vec![obj.op, v.op], Opcode::Setfield, d.to_ir());
    }
    fn setfield_float(&mut self, obj: TRef, d: &FieldDescr, v: TFloat) {
        // SAFETY: as in getfield_int.
        unsafe { store(obj.v + d.offset as usize, d.kind, v.v.to_bits()) };
        self.store_op(vec![obj.op, v.op], Opcode::Setfield, d.to_ir());
    }
    fn setfield_ref(&mut self, obj: TRef, d: &FieldDescr, v: TRef) {
        // SAFETY: as in getfield_int.
        unsafe { store(obj.v + d.offset as usize, d.kind, v.v as u64) };
        self.store_op(vec![obj.op, v.op], Opcode::Setfield, d.to_ir());
    }
    fn getarrayitem_int(&mut self, arr: TRef, i: TInt, d: &ArrayDescr) -> TInt {
        // SAFETY: the index is in bounds of a live array (Ctx precondition).
        let w = unsafe { load(d.item_addr(arr.v, i.v), d.kind) };
        match self.load_op(Opcode::GetarrayitemI, vec![arr.op, i.op], d.to_ir(), w, Type::Int) {
            Red::Int(v) => v,
            _ => unreachable!(),
        }
    }
    fn getarrayitem_float(&mut self, arr: TRef, i: TInt, d: &ArrayDescr) -> TFloat {
        // SAFETY: as in getarrayitem_int.
        let w = unsafe { load(d.item_addr(arr.v, i.v), d.kind) };
        match self.load_op(Opcode::GetarrayitemF, vec![arr.op, i.op], d.to_ir(), w, Type::Float) {
            Red::Float(v) => v,
            _ => unreachable!(),
        }
    }
    fn getarrayitem_ref(&mut self, arr: TRef, i: TInt, d: &ArrayDescr) -> TRef {
        // SAFETY: as in getarrayitem_int.
        let w = unsafe { load(d.item_addr(arr.v, i.v), d.kind) };
        match self.load_op(Opcode::GetarrayitemR, vec![arr.op, i.op], d.to_ir(), w, Type::Ref) {
            Red::Ref(v) => v,
            _ => unreachable!(),
        }
    }
    fn setarrayitem_int(&mut self, arr: TRef, i: TInt, d: &ArrayDescr, v: TInt) {
        // SAFETY: as in getarrayitem_int.
        unsafe { store(d.item_addr(arr.v, i.v), d.kind, v.v as u64) };
        self.store_op(vec![arr.op, i.op, v.op], Opcode::Setarrayitem, d.to_ir());
    }
    fn setarrayitem_float(&mut self, arr: TRef, i: TInt, d: &ArrayDescr, v: TFloat) {
        // SAFETY: as in getarrayitem_int.
        unsafe { store(d.item_addr(arr.v, i.v), d.kind, v.v.to_bits()) };
        self.store_op(vec![arr.op, i.op, v.op], Opcode::Setarrayitem, d.to_ir());
    }
    fn setarrayitem_ref(&mut self, arr: TRef, i: TInt, d: &ArrayDescr, v: TRef) {
        // SAFETY: as in getarrayitem_int.
        unsafe { store(d.item_addr(arr.v, i.v), d.kind, v.v as u64) };
        self.store_op(vec![arr.op, i.op, v.op], Opcode::Setarrayitem, d.to_ir());
    }
    fn arraylen(&mut self, arr: TRef, d: &ArrayDescr) -> TInt {
        let off = d.len_offset.expect("arraylen on an array descr without a length");
        // SAFETY: the array is live and has a length word (Ctx precondition).
        let w = unsafe { load(arr.v + off as usize, MemKind::I64) };
        match self.load_op(Opcode::Arraylen, vec![arr.op], d.to_ir(), w, Type::Int) {
            Red::Int(v) => v,
            _ => unreachable!(),
        }
    }

    fn new_object(&mut self, layout: &'static Layout) -> TRef {
        let p = self.vm.heap.alloc(layout);
        let d = size_descr(&self.vm.heap, layout);
        let res = self.emit(Opcode::New, vec![], Some(d)).flatten();
        let op = res.map(Operand::Value).unwrap_or(Operand::Ref(p as u64));
        self.allocated(op);
        TRef { v: p, op }
    }
    fn new_array(&mut self, layout: &'static Layout, len: TInt) -> TRef {
        let p = self.vm.heap.alloc_array(layout, len.v as usize);
        // A length known now is allocated inline by compiled code.
        let d = if len.op.is_const() {
            array_size_descr(&self.vm.heap, layout, len.v as usize)
        } else {
            size_descr(&self.vm.heap, layout)
        };
        let res = self.emit(Opcode::NewArray, vec![len.op], Some(d)).flatten();
        self.allocated(res.map(Operand::Value).unwrap_or(Operand::Int(0)));
        TRef { v: p, op: res.map(Operand::Value).unwrap_or(Operand::Ref(p as u64)) }
    }
    fn promote_class(&mut self, obj: TRef) -> usize {
        // SAFETY: `obj` is a live heap object (Ctx precondition): word 0 is its class.
        let class = unsafe { (obj.v as *const usize).read() };
        if !obj.op.is_const() {
            self.guard(Opcode::GuardClass, vec![obj.op, Operand::Ref(class as u64)]);
            // SAFETY: a class word is the address of the object's `&'static Layout`.
            let layout = unsafe { &*(class as *const Layout) };
            self.vm.class_names.insert(class as u64, layout.name);
        }
        class
    }

    fn call(&mut self, h: &Helper, args: &[Red<Self>]) -> Option<Red<Self>> {
        reject_reentrant(h);
        let words: Vec<u64> = args.iter().map(|&a| word_of(a)).collect();
        let r = h.call_words(&words);
        let ops: Vec<Operand> = args.iter().map(|a| operand_of(*a)).collect();
        if h.effect == Effect::Elidable && ops.iter().all(|o| o.is_const()) {
            return h.ret.map(|t| from_word_traced(t, r, None));
        }
        let res = self.emit(Opcode::call_returning(h.ret), ops, Some(h.to_ir())).flatten();
        if h.effect.writes() {
            self.side_effect();
            if let Some(rec) = self.rec() {
                rec.quasi_guarded = false;
            }
        }
        h.ret.map(|t| from_word_traced(t, r, res))
    }

    fn call_may_raise(&mut self, caller: &L::Frame<Self>, h: &Helper, args: &[Red<Self>]) -> Result<Red<Self>, TRef> {
        reject_reentrant(h);
        let ret = h.ret.unwrap_or_else(|| panic!("helper {} may raise but returns nothing", h.name));
        let slot = self.vm.raise_slot.as_ptr() as u64;
        let mut words = vec![slot];
        words.extend(args.iter().map(|&a| word_of(a)));
        let r = h.call_words(&words);
        let exc = self.vm.raise_slot.replace(0) as usize;
        let mut ops = vec![Operand::Ref(slot)];
        ops.extend(args.iter().map(|a| operand_of(*a)));
        // A pure function of constants: so is its outcome, exception included.
        if h.effect == Effect::Elidable && ops.iter().all(|o| o.is_const()) {
            return if exc == 0 {
                Ok(from_word_traced(ret, r, None))
            } else {
                Err(TRef { v: exc, op: Operand::Ref(exc as u64) })
            };
        }
        let res = self.emit(Opcode::call_returning(Some(ret)), ops, Some(h.to_ir())).flatten();
        let result = from_word_traced::<L>(ret, r, res);
        let Some(base) = self.call_snapshot(caller) else {
            return if exc == 0 { Ok(result) } else { Err(TRef { v: exc, op: Operand::Ref(exc as u64) }) };
        };
        let traced = self.check_exception(&base, operand_of(result), (exc != 0).then_some(exc));
        if exc == 0 {
            Ok(result)
        } else {
            Err(traced)
        }
    }

    fn call_native(&mut self, caller: &L::Frame<Self>, n: &'static Native<L>, args: &[Red<Self>]) -> L::Value<Self> {
        n.check_args(args);
        // Run it now, as compiled code will, on the concrete context.
        let cargs: Vec<Red<Concrete<'_, L>>> = args.iter().map(|&a| from_word(red_type(&a), word_of(a))).collect();
        self.vm.shadow.push(RootFrame::of::<L, Self>(caller));
        let mark = self.vm.roots.len();
        self.vm.roots.extend(args.iter().filter_map(|a| match a {
            Red::Ref(r) => Some(r.v),
            _ => None,
        }));
        let v = (n.function())(&mut Concrete::new(self.vm), &cargs);
        // The result as plain words (the concrete run's borrow of the Vm ends here).
        let v: L::Value<Plain> = L::map_value(v, &mut Same);
        self.vm.roots.truncate(mark);
        self.vm.shadow.pop();
        let returned = L::result_red(&v).filter(|r| red_type(r) == n.ret);
        let raised = L::result_raised(&v);
        if !self.recording() || (returned.is_none() && raised.is_none()) {
            // Not an outcome compiled code can carry on with: the interpreter takes it.
            self.abort(AbortReason::Forced);
            let v: L::Value<Concrete<'_, L>> = L::map_value(v, &mut Same);
            return L::map_value(v, &mut AsConst);
        }
        let id = native_number(self.vm, n);
        let ctx = &*self.vm.portal as *const PortalCtx as u64;
        let flag = self.vm.portal.forced.as_ptr() as u64;
        let mut ops = vec![Operand::Ref(ctx), Operand::Int(id as i64)];
        ops.extend(args.iter().map(|a| operand_of(*a)));
        let mut types = vec![Type::Ref, Type::Int];
        types.extend_from_slice(n.args);
        let descr = metatrace_jit::ir::Descr {
            name: n.name.to_string(),
            kind: metatrace_jit::ir::DescrKind::Call(metatrace_jit::ir::CallDescr {
                func: self.vm.entries.native_entry,
                args: types,
                ret: Some(n.ret),
                effect: Effect::MayReenter,
            }),
        };
        let res = self.emit(Opcode::call_may_force_returning(n.ret), ops, Some(descr)).flatten();
        let word = returned.map(to_word::<Plain>).unwrap_or(0);
        let result = from_word_traced::<L>(n.ret, word, res);
        let Some(base) = self.call_snapshot(caller) else {
            // Recording ended at the call itself (the trace grew too long): the outcome as
            // the run had it.
            return match raised {
                Some(e) => L::raised_result(TRef { v: e, op: Operand::Ref(e as u64) }),
                None => L::result_from_red(result),
            };
        };
        self.emit_guard(Opcode::GuardNotForced, vec![Operand::Ref(flag)], base.clone());
        if !L::EXCEPTIONS {
            self.continue_after_call(&base, Deliver::Returned, operand_of(result));
            return L::result_from_red(result);
        }
        let exc = self.check_exception(&base, operand_of(result), raised);
        match raised {
            None => L::result_from_red(result),
            Some(_) => L::raised_result(exc),
        }
    }

    fn root(&mut self, r: TRef) -> RootMark {
        self.vm.roots.push(r.v);
        RootMark(self.vm.roots.len() - 1)
    }
    fn unroot(&mut self, mark: RootMark) {
        self.vm.roots.truncate(mark.0);
    }

    fn quasi_get(&mut self, q: QuasiId) -> i64 {
        let v = self.vm.quasi.get(q);
        if let Some(rec) = self.rec() {
            let flag = rec.invalid.clone();
            let first = !rec.quasi_guarded;
            rec.quasi_guarded = true;
            self.vm.quasi.depend(q, &flag);
            if first {
                self.guard(Opcode::GuardNotInvalidated, vec![Operand::Ref(flag.as_ptr() as u64)]);
            }
        }
        v
    }
    fn quasi_set(&mut self, q: QuasiId, v: i64) {
        let h = Helper::new3("quasi_set", quasi_set_helper, &[Type::Ref, Type::Int, Type::Int], None, Effect::Write);
        let (qv, vv) = (self.int(q.0 as i64), self.int(v));
        self.call_quasi(&h, &[Red::Int(qv), Red::Int(vv)]);
    }
    fn quasi_new(&mut self, v: i64) -> TInt {
        let v = self.int(v);
        let h = Helper::new2("quasi_new", quasi_new_helper, &[Type::Ref, Type::Int], Some(Type::Int), Effect::Write);
        match self.call_quasi(&h, &[Red::Int(v)]) {
            Some(Red::Int(id)) => id,
            _ => unreachable!("quasi_new returns an int"),
        }
    }
    fn quasi_free(&mut self, q: QuasiId) {
        let h = Helper::new2("quasi_free", quasi_free_helper, &[Type::Ref, Type::Int], None, Effect::Write);
        let qv = self.int(q.0 as i64);
        self.call_quasi(&h, &[Red::Int(qv)]);
    }

    fn we_are_jitted(&self) -> bool {
        true
    }
    fn is_constant_int(&self, v: TInt) -> bool {
        v.op.is_const()
    }
    fn is_constant_ref(&self, r: TRef) -> bool {
        r.op.is_const()
    }
    fn record_known_class(&mut self, obj: TRef, class: usize) {
        // SAFETY: `obj` is a live heap object (the interpreter vouches for its class): word 0
        // is its class.
        debug_assert_eq!(unsafe { (obj.v as *const usize).read() }, class, "record_known_class: wrong class");
        if !obj.op.is_const() {
            self.emit(Opcode::RecordKnownClass, vec![obj.op, Operand::Ref(class as u64)], None);
        }
    }

    fn merge_point(&mut self, f: &L::Frame<Self>) -> Control {
        if !self.recording() {
            return Control::Leave;
        }
        if self.vm.heap.requested() {
            safepoint::<L, Self>(self.vm, f);
        }
        if <Driver<L> as Close<L>>::try_close(self, f) {
            return Control::Leave;
        }
        self.snapshot(f);
        let flag = self.vm.heap.requested_addr();
        let Some(rec) = self.rec() else { return Control::Leave };
        let first = rec.boundaries == 0;
        rec.boundaries += 1;
        if first && matches!(rec.kind, TraceKind::Loop(_) | TraceKind::Entry(_)) {
            // Every iteration of a compiled loop passes a safepoint at its top, and every
            // call of a compiled function at its start (compiled code calls function entries
            // directly, so a deep recursion may never pass through the driver).
            self.guard(Opcode::GuardSafepoint, vec![Operand::Ref(flag as u64)]);
        }
        Control::Continue
    }
    fn loop_header(&mut self, f: &mut L::Frame<Self>) -> Control {
        // Every activation's `run` passes a merge point before its first instruction, so a
        // trace meets one before any loop header, unless the interpreter never calls it: then
        // no trace ever closes its loop (each grows until it is too long), silently.
        if cfg!(debug_assertions) && self.rec().is_some_and(|rec| !rec.started()) {
            panic!(
                "metatrace: loop_header at {} while tracing, with no merge_point since the trace \
                 started: call cx.merge_point(f) at the top of the interpreter loop, before every \
                 instruction (traces close their loops and snapshot frames there; checked in debug \
                 builds)",
                L::key(f)
            );
        }
        if !self.recording() || <Driver<L> as Close<L>>::close_at_loop(self, f) {
            return Control::Leave;
        }
        let key = L::key(f);
        match self.rec() {
            // An inlined activation reached a loop header: rather than unroll its loop into
            // the trace (each iteration a path of its own, compiled again in every trace that
            // inlines it), the trace calls the rest of the activation from here, which runs the
            // loop's own compiled code (RPython does the same). `call_frame` makes the call
            // (or, for the inner frames of a bridge's snapshot, `driver::start_nested_bridge`).
            Some(rec) if L::COMPILED_CALLS && rec.depth() > 0 => {
                let d = rec.depth();
                if rec.back_edges.len() <= d {
                    rec.back_edges.resize(d + 1, 0);
                }
                rec.back_edges[d] += 1;
                // (Only in activations the trace called itself: the inner frames of a
                // bridge's snapshot stand inside their loops already.)
                if rec.back_edges[d] == 1 && !rec.inline_starts.is_empty() && L::unroll_one_iteration(f) {
                    return Control::Continue;
                }
                rec.call_rest = true;
                Control::Leave
            }
            Some(rec) => {
                rec.unrolled |= !matches!(rec.kind, TraceKind::Loop(k) if k == key);
                Control::Continue
            }
            None => Control::Continue,
        }
    }
    fn call_frame(&mut self, caller: &L::Frame<Self>, mut callee: L::Frame<Self>) -> L::Value<Self> {
        let depth_limit = self.vm.params.inline_depth as usize;
        let entry = L::key(&callee);
        let mut pushed = false;
        // A callee that made a trace too long before is called, not inlined (`state::abort`).
        let dont = self.vm.dont_inline.contains(&entry);
        if let Some(rec) = self.rec() {
            let too_deep = rec.frames.len() >= depth_limit;
            // Inlining recursion would unroll it until the trace is too long.
            let function = L::function_of(entry);
            let recursion = rec.entries.iter().any(|&e| L::function_of(e) == function);
            if (too_deep || recursion || dont) && L::COMPILED_CALLS {
                // The trace calls the function through the driver instead.
                return self.residual_call(caller, callee, false);
            } else if too_deep {
                self.abort(AbortReason::TooDeep);
            } else if recursion {
                self.abort(AbortReason::Recursion);
            } else {
                let sf = rec.snap_frame(caller);
                rec.push_frame(sf);
                rec.entries.push(entry);
                rec.inline_starts.push((entry, rec.trace.ops.len()));
                pushed = true;
            }
        }
        self.vm.shadow.push(RootFrame::of::<L, Self>(caller));
        let result = match L::run(self, &mut callee) {
            Flow::Return(v) => v,
            Flow::Leave if self.rec().is_some_and(|rec| std::mem::take(&mut rec.call_rest)) => {
                // The callee stopped at a loop header (see `loop_header`): the trace calls the
                // rest of it.
                self.vm.shadow.pop();
                self.end_inlined(pushed);
                return self.residual_call(caller, callee, true);
            }
            Flow::Leave => {
                // Recording stopped inside the callee: finish it concretely.
                let lang = self.vm.lang.clone();
                let cf = convert_frame(&*lang, &callee, &mut Untrace);
                let v = <Driver<L> as Drive<L>>::run_concrete(&mut Concrete::new(self.vm), cf);
                L::map_value(v, &mut AsConst)
            }
        };
        self.vm.shadow.pop();
        self.end_inlined(pushed);
        self.after_inlined_call(caller, &result);
        result
    }

    fn try_new_array(&mut self, layout: &'static Layout, len: TInt) -> Option<TRef> {
        self.trace_try_new_array(layout, len)
    }
    fn take_finalizable(&mut self) -> Option<TRef> {
        self.trace_take_finalizable()
    }
    fn attach_memory_pressure(&mut self, obj: TRef, bytes: TInt) {
        self.trace_attach_memory_pressure(obj, bytes)
    }
    fn stack_ok(&mut self) -> bool {
        // A check that passes needs no guard: compiled code only goes deeper through calls
        // it does not inline, and checks before those (see `crate::stack`).
        self.vm.stack.ok() || self.traced_stack_check()
    }
}

impl<'a, L: Language> Tracer<'a, L> {
    /// An inlined call ended (`pushed`: `call_frame` entered its frame in the recorder).
    fn end_inlined(&mut self, pushed: bool) {
        if let Some(rec) = self.rec() {
            if pushed {
                rec.pop_frame();
                rec.entries.pop();
                if let Some((k, start)) = rec.inline_starts.pop() {
                    if rec.inline_starts.is_empty() {
                        *rec.inline_ops.entry(k).or_default() += rec.trace.ops.len() - start;
                    }
                }
            }
        }
    }

    /// Hands `caller` the outcome of the call it waits for (`Language::deliver`), recording
    /// what that does with the snapshot of the caller waiting for `v` (a bridge starting
    /// inside or after a call).
    pub(crate) fn deliver(&mut self, caller: &mut L::Frame<Self>, v: L::Value<Self>) {
        self.after_inlined_call(caller, &v);
        L::deliver(self, caller, v);
    }

    /// After an inlined call returned `result` to `caller`: the caller goes on waiting for that
    /// outcome (see `continue_after_call`), if it is one a snapshot can hand over; otherwise
    /// the caller resumes mid-instruction, after the call's effects, and no guard may follow.
    fn after_inlined_call(&mut self, caller: &L::Frame<Self>, result: &L::Value<Self>) {
        let outcome = match (L::result_red(result), L::result_raised(result)) {
            (Some(r), _) => Some((Deliver::Returned, operand_of(r))),
            (None, Some(exc)) => Some((Deliver::Raised, exc.op)),
            (None, None) => None,
        };
        match (outcome, self.call_snapshot(caller)) {
            (Some((d, v)), Some(base)) => self.continue_after_call(&base, d, v),
            _ => self.side_effect(),
        }
    }

    /// A call the trace does not inline: runs `callee` to completion now (concretely, as the
    /// compiled code will, through the driver) and records a `call_assembler` of it followed
    /// by `guard_not_forced`, whose snapshot is the caller suspended in the call (see
    /// `portal`). A result that is not one red value ends the trace (`AbortReason::Recursion`).
    /// With `at_loop`, `callee` stands at a loop header, not at its start: the call runs the
    /// rest of it (`driver::run_from_loop`).
    pub(crate) fn residual_call(
        &mut self,
        caller: &L::Frame<Self>,
        callee: L::Frame<Self>,
        at_loop: bool,
    ) -> L::Value<Self> {
        // Compiled code goes one native level deeper here: it checks the stack first.
        if !self.guard_stack_for_call() {
            self.abort(AbortReason::TooDeep);
        }
        let key = L::key(&callee);
        let mut reds = Vec::new();
        L::reds(&callee, &mut reds);
        let args: Vec<Operand> = reds.iter().map(|r| operand_of(*r)).collect();
        let types: Vec<Type> = reds.iter().map(red_type).collect();
        let lang = self.vm.lang.clone();
        self.vm.shadow.push(RootFrame::of::<L, Self>(caller));
        let started = crate::stats::thread_cpu_ns();
        let v = {
            let mut cf = convert_frame(&*lang, &callee, &mut Untrace);
            if at_loop {
                <Driver<L> as Drive<L>>::run_from_loop(&mut Concrete::new(self.vm), &mut cf)
            } else {
                <Driver<L> as Drive<L>>::run_call(&mut Concrete::new(self.vm), &mut cf)
            }
        };
        // The result as plain words (the concrete run's borrow of the Vm ends here).
        let v: L::Value<Plain> = L::map_value(v, &mut Same);
        // The callee's run is the program's work, not the recording's (`JitStats::record_cpu_ns`).
        if let Some(rec) = self.vm.recorder.as_mut() {
            rec.born_cpu += crate::stats::thread_cpu_ns().saturating_sub(started);
        }
        self.vm.shadow.pop();
        let red = L::result_red(&v);
        // (An exception comes back in the raise slot, with a reference word.)
        let raised = if L::EXCEPTIONS && red.is_none() { L::result_raised(&v) } else { None };
        if (red.is_none() && raised.is_none()) || !self.recording() {
            self.abort(AbortReason::Recursion);
            let v: L::Value<Concrete<'_, L>> = L::map_value(v, &mut Same);
            return L::map_value(v, &mut AsConst);
        }
        let ret = red.as_ref().map_or(Type::Ref, red_type);
        let target = target_number(self.vm, Target { key, args: types.clone().into(), ret, at_loop });
        let ctx = &*self.vm.portal as *const PortalCtx as u64;
        let flag = self.vm.portal.forced.as_ptr() as u64;
        let direct = &*self.vm.portal_direct[target] as *const std::cell::Cell<u64> as u64;
        let mut call_args = vec![Operand::Ref(ctx), Operand::Int(target as i64), Operand::Ref(direct)];
        call_args.extend(args);
        let mut arg_types = vec![Type::Ref, Type::Int, Type::Ref];
        arg_types.extend(types);
        let descr = metatrace_jit::ir::Descr {
            name: format!("call_{}", self.rec().expect("recording").key_name(key)),
            kind: metatrace_jit::ir::DescrKind::Call(metatrace_jit::ir::CallDescr {
                func: self.vm.entries.call_assembler,
                args: arg_types,
                ret: Some(ret),
                effect: Effect::MayReenter,
            }),
        };
        let res = self.emit(Opcode::call_assembler_returning(ret), call_args, Some(descr)).flatten();
        let Some(base) = self.call_snapshot(caller) else {
            // The call ended the recording (the trace grew too long): the outcome as a
            // constant, as above.
            let v: L::Value<Concrete<'_, L>> = L::map_value(v, &mut Same);
            return L::map_value(v, &mut AsConst);
        };
        let word = red.map_or(0, to_word::<Plain>);
        let result = from_word_traced(ret, word, res);
        self.emit_guard(Opcode::GuardNotForced, vec![Operand::Ref(flag)], base.clone());
        if L::EXCEPTIONS {
            let exc = self.check_exception(&base, operand_of(result), raised);
            if raised.is_some() {
                return L::raised_result(exc);
            }
        } else {
            self.continue_after_call(&base, Deliver::Returned, operand_of(result));
        }
        L::result_from_red(result)
    }
}

/// The native stack checks of a traced interpreter (see `crate::stack`).
impl<L: Language> Tracer<'_, L> {
    /// While tracing, an interpreter's check that failed (or passed at the last moment): records
    /// the helper call and a guard on the outcome the helper gives, and returns that outcome.
    fn traced_stack_check(&mut self) -> bool {
        let (h, limit) = self.vm.stack.helper();
        let arg = self.const_ref(limit);
        let Some(Red::Int(r)) = self.call(&h, &[Red::Ref(arg)]) else { unreachable!("stack_check returns an int") };
        self.is_true(r)
    }

    /// While tracing, before a call the trace does not inline: records the helper call and
    /// `guard_true`. Returns `false` (recording no guard) if there is no room now; the caller then
    /// aborts the trace.
    fn guard_stack_for_call(&mut self) -> bool {
        let (h, limit) = self.vm.stack.helper();
        let arg = self.const_ref(limit);
        let Some(Red::Int(r)) = self.call(&h, &[Red::Ref(arg)]) else { unreachable!("stack_check returns an int") };
        self.peek_int(r) != 0 && self.is_true(r)
    }
}

/// The recorder's operations that read tracing frames (the rest is in `recorder`).
impl<L: Language> Recorder<L> {
    /// The snapshot frame of `f`, the innermost frame of the activation being recorded: its
    /// key and its reds' operands. It shares the chunks that hold the same operands as the
    /// frame at its depth in the last boundary's snapshot (settled first, see
    /// `Recorder::settle`; the frame usually differs from it by a few slots: between two
    /// boundaries of a wide frame, most slots stay the same), or at the first boundary, in
    /// `Recorder::like`.
    pub(crate) fn snap_frame(&mut self, f: &L::Frame<Tracer<'_, L>>) -> SnapFrame {
        self.settle();
        let values = red_operands::<L>(f);
        let key = self.key_id(L::key(f));
        let depth = self.frames.len();
        let like = self.snap.frames.get(depth).map(|fr| &fr.values).or_else(|| self.like.get(depth));
        SnapFrame { key, values: Slots::sharing(&values, like) }
    }
    /// Makes `f` the innermost caller of the frame being traced (a bridge that starts inside
    /// inlined calls: its outer frames, as they will be resumed).
    pub(crate) fn push_caller(&mut self, f: &L::Frame<Tracer<'_, L>>) {
        let sf = self.snap_frame(f);
        self.push_frame(sf);
    }
}
