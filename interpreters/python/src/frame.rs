//! A Python frame: its green key (code, pc, phase) and its reds (globals, the exception it
//! handles, its class namespace, generator, locals and value stack), and how the toolchain
//! sees it: the [`Language`] implementation that lists the reds, rebuilds frames from them
//! and hands a call's outcome to the frame waiting for it. The loop that runs a frame is in
//! `interp`.

use crate::bytecode::Code;
use crate::interp::{run_frame, RAISING};
use crate::objects::*;
use crate::slots::Slots;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::{Ctx, Flow, Language, Red, RedMap, Reds};
use std::fmt;
use std::rc::Rc;

/// A Python frame.
pub struct Frame<R: Reds> {
    pub rt: Rc<Python>,
    pub code: Rc<Code>,
    pub consts: Rc<[usize]>,
    pub code_id: u32,
    pub pc: u32,
    pub phase: u8,
    /// The module whose globals the code sees.
    pub globals: R::Ref,
    /// The exception being handled (None when none).
    pub exc: R::Ref,
    /// A class body's namespace (a dict), or null.
    pub ns: R::Ref,
    /// The generator this frame runs (see `generators`), or null.
    pub gen: R::Ref,
    /// The locals, then the value stack.
    pub slots: Slots<R::Ref>,
}

/// A call's positional arguments: most calls have a few, so they need no memory of their own.
pub type Args<R> = smallvec::SmallVec<[<R as Reds>::Ref; 6]>;

/// A frame's green key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: u32,
    pub pc: u32,
    pub phase: u8,
}

thread_local! {
    static NAMES: std::cell::RefCell<Vec<Rc<str>>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = NAMES.with(|n| n.borrow().get(self.code as usize).cloned());
        match name {
            Some(n) => write!(f, "{n}@{}", self.pc)?,
            None => write!(f, "code{}@{}", self.code, self.pc)?,
        }
        if self.phase != 0 {
            write!(f, "/{}", self.phase)?;
        }
        Ok(())
    }
}

/// Registers the display name of code number `id` (for trace logs).
pub fn name_code(id: u32, qualname: &Rc<str>) {
    NAMES.with(|n| {
        let mut n = n.borrow_mut();
        if n.len() <= id as usize {
            n.resize(id as usize + 1, Rc::from(""));
        }
        n[id as usize] = qualname.clone();
    });
}

impl<R: Reds> Drop for Frame<R> {
    fn drop(&mut self) {
        self.slots.recycle(&self.rt.slot_pool);
    }
}

impl<R: Reds> Frame<R> {
    #[inline(always)]
    pub(crate) fn push(&mut self, v: R::Ref) {
        self.slots.push(v);
    }
    #[inline(always)]
    pub(crate) fn pop(&mut self) -> R::Ref {
        self.slots.pop()
    }
    /// The top `n` values, in stack order, popped.
    pub(crate) fn pop_n(&mut self, n: usize) -> Args<R> {
        let at = self.slots.depth().checked_sub(n).expect("the compiler keeps the stack balanced");
        let v = Args::<R>::from_slice(&self.slots.stack()[at..]);
        self.slots.truncate(at);
        v
    }
    #[inline(always)]
    pub(crate) fn top(&self) -> R::Ref {
        self.slots.peek(0)
    }
    /// The value `k` places below the top (0: the top).
    #[inline(always)]
    pub(crate) fn peek(&self, k: usize) -> R::Ref {
        self.slots.peek(k)
    }
}

impl<S: Space> Language for Py<S> {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Result<R::Ref, R::Ref>;
    type Key = Key;

    fn key<R: Reds>(f: &Frame<R>) -> Key {
        Key { code: f.code_id, pc: f.pc, phase: f.phase }
    }
    /// A generator resumed in a loop gets to its next `yield` within an iteration of its own
    /// loop, most of the time: the trace follows that iteration rather than calling the rest.
    fn unroll_one_iteration<R: Reds>(f: &Frame<R>) -> bool {
        f.code.kind == crate::bytecode::CodeKind::Generator
    }
    /// A code's start: a generator resumed after a yield runs the same function.
    fn function_of(key: Key) -> Key {
        Key { code: key.code, pc: 0, phase: 0 }
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.push(Red::Ref(f.globals));
        out.push(Red::Ref(f.exc));
        out.push(Red::Ref(f.ns));
        out.push(Red::Ref(f.gen));
        out.extend(f.slots.locals().iter().map(|&r| Red::Ref(r)));
        out.extend(f.slots.stack().iter().map(|&r| Red::Ref(r)));
    }
    fn rebuild<R: Reds>(&self, key: Key, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let mut next = || match reds.next() {
            Some(Red::Ref(r)) => Some(r),
            Some(_) => panic!("Python frames hold references"),
            None => None,
        };
        let (globals, exc, ns, gen) = (next().unwrap(), next().unwrap(), next().unwrap(), next().unwrap());
        let code = self.rt.code(key.code);
        let consts = self.rt.consts.borrow()[key.code as usize].clone();
        let mut slots = Slots::new_in(&self.rt.slot_pool, code.varnames.len(), code.stacksize as usize, globals);
        for l in slots.locals_mut().iter_mut() {
            *l = next().unwrap();
        }
        std::iter::from_fn(next).for_each(|v| slots.push(v));
        Frame {
            rt: self.rt.clone(),
            code,
            consts,
            code_id: key.code,
            pc: key.pc,
            phase: key.phase,
            globals,
            exc,
            ns,
            gen,
            slots,
        }
    }
    fn map_value<A: Reds, B: Reds>(v: Result<A::Ref, A::Ref>, m: &mut dyn RedMap<A, B>) -> Result<B::Ref, B::Ref> {
        match v {
            Ok(r) => Ok(m.reference(r)),
            Err(e) => Err(m.reference(e)),
        }
    }
    fn deliver<C: Ctx<Self>>(_: &mut C, f: &mut Frame<C>, v: Result<C::Ref, C::Ref>) {
        match v {
            Ok(r) => f.push(r),
            Err(e) => {
                f.push(e);
                f.phase = RAISING;
            }
        }
    }

    const COMPILED_CALLS: bool = true;
    const EXCEPTIONS: bool = true;
    fn describe_const(addr: usize) -> Option<String> {
        let text = |r: u64| {
            // SAFETY: (below) a field holding a str object, or null.
            (r != 0 && is(r as usize, &STR)).then(|| unsafe { str_text(r as usize) }.to_string())
        };
        // SAFETY: `addr` is a live heap object (the driver checks); the fields read are the
        // ones its layout has.
        unsafe {
            if is(addr, &STR) {
                let s: String = str_text(addr).chars().take(40).collect();
                Some(format!("{s:?}"))
            } else if is(addr, &INT) {
                Some(format!("int {}", read_word(addr, &INT_VALUE) as i64))
            } else if is(addr, &FUNCTION) {
                Some(format!("function {}", text(read_word(addr, &FUNC_QUALNAME))?))
            } else if is(addr, &MODULE) {
                Some(format!("module {}", text(read_word(addr, &MODULE_NAME))?))
            } else if is(addr, &BUILTIN) {
                let name = crate::library::NAMES.get(read_word(addr, &BUILTIN_ID) as usize)?;
                Some(format!("builtin {name}"))
            } else if is(addr, &NONE) {
                Some("None".to_string())
            } else {
                None
            }
        }
    }

    fn result_red<R: Reds>(v: &Result<R::Ref, R::Ref>) -> Option<Red<R>> {
        v.as_ref().ok().map(|&r| Red::Ref(r))
    }
    fn result_from_red<R: Reds>(r: Red<R>) -> Result<R::Ref, R::Ref> {
        match r {
            Red::Ref(r) => Ok(r),
            _ => unreachable!("Python results are references"),
        }
    }
    fn result_raised<R: Reds>(v: &Result<R::Ref, R::Ref>) -> Option<R::Ref> {
        v.as_ref().err().copied()
    }
    fn raised_result<R: Reds>(exc: R::Ref) -> Result<R::Ref, R::Ref> {
        Err(exc)
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Result<C::Ref, C::Ref>> {
        run_frame::<S, C>(cx, f)
    }
}
