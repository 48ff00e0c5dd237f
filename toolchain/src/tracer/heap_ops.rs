//! How the tracer records the `Ctx` methods of the heap's richer objects: checked
//! allocation, the finalizer queue and memory pressure (see `Ctx::try_new_array`,
//! `Ctx::take_finalizable`, `Ctx::attach_memory_pressure` for the decisions).

use super::{TInt, TRef, Tracer};
use crate::ctx::{Ctx, Language, Red};
use crate::descr::{Effect, Helper, Type};
use crate::heap::{self, Layout};
use metatrace_jit::ir::{CallDescr, Descr, DescrKind, Opcode, Operand};

impl<'a, L: Language> Tracer<'a, L> {
    /// The heap's address, as compiled code passes it to the heap's helpers.
    fn heap_word(&mut self) -> TInt {
        let addr = &*self.vm.heap as *const heap::Heap as i64;
        self.int(addr)
    }

    pub(super) fn trace_try_new_array(&mut self, layout: &'static Layout, len: TInt) -> Option<TRef> {
        if len.op.is_const() {
            match usize::try_from(len.v).ok().and_then(|n| layout.bytes(n)) {
                // Known to fail whatever happens: nothing to record.
                None => return None,
                // Small: the system cannot fail it short of running out of pages, which
                // `new_array` reports by a panic anyway; inline in compiled code.
                Some(bytes) if bytes <= heap::MAX_SMALL => return Some(self.new_array(layout, len)),
                Some(_) => {}
            }
        }
        let heap = &mut *self.vm.heap as *mut heap::Heap as u64;
        let p = heap::try_alloc_array_slow(heap, layout.class() as u64, len.v as u64) as usize;
        let descr = Descr {
            name: format!("try_new_{}", layout.name),
            kind: DescrKind::Call(CallDescr {
                func: heap::try_alloc_array_slow as *const () as u64,
                args: vec![Type::Int, Type::Int, Type::Int],
                ret: Some(Type::Ref),
                effect: Effect::Write,
            }),
        };
        let args = vec![Operand::Int(heap as i64), Operand::Int(layout.class() as i64), len.op];
        let res = self.emit(Opcode::CallR, args, Some(descr)).flatten();
        let r = TRef { v: p, op: res.map(Operand::Value).unwrap_or(Operand::Ref(p as u64)) };
        // No `side_effect`: a guard failing here re-runs the instruction, which allocates
        // again (the first object is garbage), as for `new_array`.
        if p == 0 {
            self.guard(Opcode::GuardIsNull, vec![r.op]);
            None
        } else {
            self.guard(Opcode::GuardNonNull, vec![r.op]);
            Some(r)
        }
    }

    pub(super) fn trace_take_finalizable(&mut self) -> Option<TRef> {
        let heap = self.heap_word();
        let len = Helper::new1(
            "finalizable_len",
            heap::finalizable_len_helper,
            &[Type::Int],
            Some(Type::Int),
            Effect::ReadOnly,
        );
        let Some(Red::Int(n)) = self.call(&len, &[Red::Int(heap)]) else { unreachable!("returns an int") };
        if !self.is_true(n) {
            return None;
        }
        let take = Helper::new1(
            "take_finalizable",
            heap::take_finalizable_helper,
            &[Type::Int],
            Some(Type::Ref),
            Effect::Write,
        );
        match self.call(&take, &[Red::Int(heap)]) {
            Some(Red::Ref(r)) => Some(r),
            _ => unreachable!("returns a reference"),
        }
    }

    pub(super) fn trace_attach_memory_pressure(&mut self, obj: TRef, bytes: TInt) {
        // SAFETY: `obj` is a live heap object (Ctx precondition): word 0 is its layout.
        let layout = unsafe { &*(*(obj.v as *const usize) as *const Layout) };
        // Checked here: the helper cannot unwind.
        assert!(layout.external.is_some(), "{} has no external field", layout.name);
        let heap = self.heap_word();
        let h = Helper::new3(
            "attach_memory_pressure",
            heap::attach_memory_pressure_helper,
            &[Type::Int, Type::Ref, Type::Int],
            None,
            Effect::Write,
        );
        self.call(&h, &[Red::Int(heap), Red::Ref(obj), Red::Int(bytes)]);
    }
}
