//! The concrete instantiation of the DSL: every method just computes. Monomorphized, an
//! interpreter written against `Ctx` becomes a plain interpreter whose only JIT cost is a
//! counter lookup at `loop_header`.

use crate::ctx::{red_type, Control, Ctx, Language, Red, Reds, RootMark};
use crate::descr::{ArrayDescr, Effect, FieldDescr, Helper, MemKind, Type, MAX_HELPER_ARGS};
use crate::heap::{Heap, Layout};
use crate::native::Native;
use crate::quasi::QuasiId;
use crate::semantics as sem;
use crate::state::{NativeCall, RootFrame, VmState};

pub use crate::ctx::Plain;

/// The function of a [`Native`]: runs on the concrete context with the call's arguments and
/// returns what the call returns (or raises).
pub type NativeFn<L> =
    for<'a, 'b> fn(&'b mut Concrete<'a, L>, &'b [Red<Concrete<'a, L>>]) -> <L as Language>::Value<Concrete<'a, L>>;

impl<L: Language> Native<L> {
    /// A native named `name` in traces, running `f`, which takes arguments of the types
    /// `args` and returns a red value of type `ret` when it returns normally.
    pub const fn new(name: &'static str, f: NativeFn<L>, args: &'static [Type], ret: Type) -> Native<L> {
        // SAFETY: function pointers of every signature have the same size and representation;
        // `function` turns it back into this very type before it is called.
        let code = unsafe { std::mem::transmute::<NativeFn<L>, fn()>(f) };
        Native { name, code, args, ret, lang: std::marker::PhantomData }
    }

    /// Its function, as [`Native::new`] was given it.
    pub(crate) fn function(&self) -> NativeFn<L> {
        // SAFETY: `code` was made from a `NativeFn<L>` by `new`, the only place that makes it.
        unsafe { std::mem::transmute::<fn(), NativeFn<L>>(self.code) }
    }

    /// Checks that it is called with the argument types it declares (a bug of the
    /// interpreter otherwise).
    pub(crate) fn check_args<R: Reds>(&self, args: &[Red<R>]) {
        // (Compared in place: the tracer checks every call, the interpreter in debug builds.)
        let same = args.len() == self.args.len() && args.iter().zip(self.args).all(|(a, &t)| red_type(a) == t);
        if !same {
            let types: Vec<Type> = args.iter().map(red_type).collect();
            panic!(
                "native {} called with arguments of the wrong types: {types:?}, declared {:?}",
                self.name, self.args
            );
        }
    }
}

/// What the concrete interpreter asks of the JIT driver, the layer above it (see the layer
/// order in the crate docs): to run a new activation, or one from where it stands, and what to
/// do at a loop header. The driver implements it, once for every language, on the Vm's state;
/// the calls are static, so they inline as direct calls would.
pub(crate) trait Drive<L: Language> {
    /// Runs a new activation (a call) to completion: its compiled function entry if it has
    /// one, else interpretation (counting towards tracing one).
    /// (The frame by reference: a call builds it where it runs.)
    fn run_call<'a>(cx: &mut Concrete<'a, L>, frame: &mut L::Frame<Concrete<'a, L>>) -> L::Value<Concrete<'a, L>>;
    /// Runs a concrete activation from where it stands to completion, switching it to tracing
    /// and back as asked.
    fn run_concrete<'a>(cx: &mut Concrete<'a, L>, frame: L::Frame<Concrete<'a, L>>) -> L::Value<Concrete<'a, L>>;
    /// Runs the rest of an activation that stands at a loop header: the loop's compiled code
    /// if it has some, else interpretation (counting towards tracing the loop).
    fn run_from_loop<'a>(cx: &mut Concrete<'a, L>, frame: &mut L::Frame<Concrete<'a, L>>) -> L::Value<Concrete<'a, L>>;
    /// `loop_header` with the JIT enabled: counts, and starts a trace or enters compiled code.
    fn loop_header<'a>(cx: &mut Concrete<'a, L>, f: &mut L::Frame<Concrete<'a, L>>) -> Control;
    /// Before a collection: throws away the traces invalidated since (a version they depend
    /// on changed) if no compiled code runs and no trace is recorded. They are otherwise
    /// thrown away only when something tries to enter them, and ones never entered again
    /// would keep their constants alive for ever (a module's old globals array, say, and
    /// what it held).
    fn discard_invalid(vm: &mut VmState<L>);
    /// Gives `each` the frames of the compiled code suspended in the call whose live record
    /// is `record` and of the records below it down to `stop` (see `RootFrame::compiled`);
    /// `false` if some could not be described.
    fn describe_records(
        vm: &mut VmState<L>,
        record: u64,
        stop: u64,
        each: &mut dyn FnMut(L::Key, &[Red<Plain>]),
    ) -> bool;
}

/// The driver, as [`Drive`] reaches it.
type Driver<L> = VmState<L>;

/// The concrete interpreter context. Created by the driver for each concrete activation.
pub struct Concrete<'a, L: Language> {
    pub(crate) vm: &'a mut VmState<L>,
    /// The heap's collection-request flag.
    gc_flag: *const u64,
    /// GC stress mode: every instruction boundary is a safepoint (otherwise only loop
    /// headers and activation entries are, which bounds memory just as well: unbounded
    /// allocation needs a loop or recursion).
    stress: bool,
    /// Debug builds only: the key of the running activation's last `merge_point`, until it
    /// calls (see `check_caller`).
    at: Option<L::Key>,
}

impl<'a, L: Language> Concrete<'a, L> {
    pub(crate) fn new(vm: &'a mut VmState<L>) -> Self {
        let gc_flag = vm.gc_flag;
        let stress = vm.params.gc_stress;
        Concrete { vm, gc_flag, stress, at: None }
    }

    /// Debug builds: the common mistake of passing the caller of `call` (`call_frame`,
    /// `call_native`, `call_may_raise`) positioned at the calling instruction, then advancing it
    /// after the call. The interpreter alone computes the same, but compiled code that leaves
    /// in or after the call resumes the caller where it was passed, and runs the call again.
    fn check_caller(&mut self, caller: &L::Frame<Self>, call: &str) {
        let key = L::key(caller);
        if self.at.take() == Some(key) {
            panic!(
                "metatrace: {call} was passed the caller at {key}, where its calling instruction \
                 started (its last merge_point): pass the caller as it should be resumed, \
                 positioned after the call with the arguments consumed (advance the position \
                 before the call, not after it; see Ctx::call_frame and Language::deliver), or \
                 compiled code that leaves during or after the call will run the call again \
                 (checked in debug builds)"
            );
        }
    }

    /// Collects if the heap asked for it; `f` is at an instruction boundary.
    #[inline(always)]
    pub(crate) fn safepoint(&mut self, f: &L::Frame<Self>) {
        // SAFETY: `gc_flag` points into the Vm's boxed heap, alive as long as the Vm.
        if unsafe { *self.gc_flag } != 0 {
            self.collect_at(f);
        }
    }

    /// The collection of a safepoint (out of line: the check above is the hot part).
    #[cold]
    #[inline(never)]
    fn collect_at(&mut self, f: &L::Frame<Self>) {
        <Driver<L> as Drive<L>>::discard_invalid(self.vm);
        crate::state::safepoint::<L, Self>(self.vm, f);
    }
}

impl<'a, L: Language> Concrete<'a, L> {
    /// Runs a frame of the language to completion (interpreting it, or running its compiled
    /// code) and returns its result: how a native ([`Ctx::call_native`]) calls back into the
    /// language. References the native holds across the call must be rooted ([`Ctx::root`]).
    pub fn call_function(&mut self, mut callee: L::Frame<Self>) -> L::Value<Self> {
        let v = <Driver<L> as Drive<L>>::run_call(self, &mut callee);
        if cfg!(debug_assertions) {
            self.at = None; // (the callee's merge points set it; see `check_caller`)
        }
        v
    }

    /// The language instance (for natives that need the interpreter's own state).
    pub fn lang(&self) -> &L {
        &self.vm.lang
    }

    /// Changes how much native stack programs may use (`Vm::set_stack_budget`): how a
    /// language's "set the recursion limit" reaches the stack check.
    pub fn set_stack_budget(&mut self, bytes: Option<usize>) {
        self.vm.stack.set_budget(bytes);
    }

    /// Collects the heap now (Python's `gc.collect()`), from a native: the frames of its
    /// callers and the Vm's roots are the roots, so references the native holds must be rooted
    /// ([`Ctx::root`]) as across any call back into the language. A trace being recorded is
    /// given up first ([`AbortReason::Collected`](crate::stats::AbortReason::Collected)): what it saw would stay alive.
    pub fn collect_now(&mut self) {
        crate::state::abort(self.vm, crate::stats::AbortReason::Collected);
        <Driver<L> as Drive<L>>::discard_invalid(self.vm);
        crate::state::collect(self.vm, Vec::new());
    }

    /// Lists the frames of the native's callers, innermost first, to `each` (each frame's
    /// key and its reds as [`Language::reds`] lists them, as plain values): Python's
    /// `sys._getframe(n)` and `f_back`. These are the frames suspended in calls on this
    /// Vm: interpreted ones, ones rebuilt after a guard failure, and those of compiled code
    /// suspended in a call it did not inline (described from the call's resume data and the
    /// values compiled code stores with the call; a virtual object of such a frame is listed
    /// as a copy, see `resume::describe_records`). Frames inside compiled code that is
    /// running are virtual and not listed: a trace being recorded is given up
    /// ([`AbortReason::FramesListed`](crate::stats::AbortReason::FramesListed)), so
    /// compiled code does not call such a native itself. The result says whether the list is
    /// complete (false when compiled code below the native cannot be described, as code
    /// compiled without links in tests of the backend alone: the list then ends above it).
    /// The references stay alive while the native runs (the frames are roots); `each` must
    /// not keep them past it without rooting them.
    ///
    /// ```ignore
    /// let mut keys = Vec::new();
    /// cx.caller_frames(&mut |key, _reds| keys.push(key));
    /// ```
    pub fn caller_frames(&mut self, each: &mut dyn FnMut(L::Key, &[Red<Plain>])) -> bool {
        crate::state::abort(self.vm, crate::stats::AbortReason::FramesListed);
        for k in (0..self.vm.shadow.len()).rev() {
            match self.vm.shadow[k].compiled_records() {
                Some((record, stop)) => {
                    // (The frames below one that cannot be described are not listed either:
                    // each would be taken for its caller.)
                    if !<Driver<L> as Drive<L>>::describe_records(self.vm, record, stop, &mut *each) {
                        return false;
                    }
                }
                // SAFETY: the entry is on this Vm's shadow stack, whose frames are of language `L`.
                None => unsafe { self.vm.shadow[k].describe::<L>(&mut *each) },
            }
        }
        true
    }

    /// The Vm's heap (for natives that build objects in Rust).
    pub fn heap_mut(&mut self) -> &mut Heap {
        &mut self.vm.heap
    }
}

/// Helpers that may run the language again must be natives (see `Ctx::call_native`).
pub(crate) fn reject_reentrant(h: &Helper) {
    assert!(
        h.effect != Effect::MayReenter,
        "helper {} is declared MayReenter: Rust code that runs the language again must be a Native called with Ctx::call_native",
        h.name
    );
}

impl<L: Language> Reds for Concrete<'_, L> {
    type Int = i64;
    type Float = f64;
    type Ref = usize;
    fn address(r: usize) -> usize {
        r
    }
    fn plain(r: Red<Self>) -> Red<Plain> {
        from_word(crate::ctx::red_type(&r), to_word(r))
    }
}

/// Reads memory of the given kind, widened to a word.
///
/// # Safety
/// `addr` is valid for a read of `kind.size()` bytes.
pub(crate) unsafe fn load(addr: usize, kind: MemKind) -> u64 {
    // SAFETY: forwarded from the caller; unaligned reads are allowed on purpose.
    unsafe {
        match kind {
            MemKind::I8 => (addr as *const i8).read_unaligned() as i64 as u64,
            MemKind::U8 => (addr as *const u8).read_unaligned() as u64,
            MemKind::I32 => (addr as *const i32).read_unaligned() as i64 as u64,
            MemKind::U32 => (addr as *const u32).read_unaligned() as u64,
            MemKind::I64 | MemKind::F64 | MemKind::Ref => (addr as *const u64).read_unaligned(),
        }
    }
}

/// Debug builds: a `Ctx` heap access (of field or array `what`) is not of the null reference
/// (the cheap part of the precondition that objects are live).
#[inline(always)]
fn check_object(obj: usize, what: &str) {
    if cfg!(debug_assertions) && obj == 0 {
        panic!("metatrace: an access to {what} of the null reference (checked in debug builds)");
    }
}

/// Debug builds: an array item access is in bounds, if the array has a length word (the
/// interpreter checks indexes before it reads or writes items: a `Ctx` precondition).
#[inline(always)]
fn check_item(arr: usize, i: i64, d: &ArrayDescr) {
    if !cfg!(debug_assertions) {
        return;
    }
    check_object(arr, d.name);
    if let Some(off) = d.len_offset {
        // SAFETY: `arr` is a live array with a length word at `off` (the precondition the
        // access itself relies on).
        let len = unsafe { load(arr + off as usize, MemKind::I64) } as i64;
        if !(0..len).contains(&i) {
            panic!(
                "metatrace: index {i} out of bounds of {} of length {len}: check indexes before \
                 reading or writing array items (checked in debug builds)",
                d.name
            );
        }
    }
}

/// Writes a word to memory of the given kind, truncating.
///
/// # Safety
/// `addr` is valid for a write of `kind.size()` bytes.
pub(crate) unsafe fn store(addr: usize, kind: MemKind, v: u64) {
    // SAFETY: forwarded from the caller.
    unsafe {
        match kind {
            MemKind::I8 | MemKind::U8 => (addr as *mut u8).write_unaligned(v as u8),
            MemKind::I32 | MemKind::U32 => (addr as *mut u32).write_unaligned(v as u32),
            MemKind::I64 | MemKind::F64 | MemKind::Ref => (addr as *mut u64).write_unaligned(v),
        }
    }
}

/// A plain red value from a word of the frame buffer.
pub(crate) fn from_word<R: Reds<Int = i64, Float = f64, Ref = usize>>(t: Type, w: u64) -> Red<R> {
    match t {
        Type::Int => Red::Int(w as i64),
        Type::Float => Red::Float(f64::from_bits(w)),
        Type::Ref => Red::Ref(w as usize),
    }
}

/// A red value of the plain family as a word.
pub(crate) fn to_word<R: Reds<Int = i64, Float = f64, Ref = usize>>(r: Red<R>) -> u64 {
    match r {
        Red::Int(v) => v as u64,
        Red::Float(v) => v.to_bits(),
        Red::Ref(v) => v as u64,
    }
}

macro_rules! concrete_binops {
    ($($name:ident($a:ident, $b:ident) = $e:expr;)*) => {
        $( #[inline(always)] fn $name(&mut self, $a: Self::Int, $b: Self::Int) -> Self::Int { $e } )*
    };
}
macro_rules! concrete_float_binops {
    ($($name:ident($a:ident, $b:ident) -> $t:ident = $e:expr;)*) => {
        $( #[inline(always)] fn $name(&mut self, $a: f64, $b: f64) -> Self::$t { $e } )*
    };
}

impl<L: Language> Ctx<L> for Concrete<'_, L> {
    #[inline(always)]
    fn int(&mut self, v: i64) -> i64 {
        v
    }
    #[inline(always)]
    fn float(&mut self, v: f64) -> f64 {
        v
    }
    #[inline(always)]
    fn const_ref(&mut self, addr: usize) -> usize {
        addr
    }
    concrete_binops! {
        int_add(a, b) = a.wrapping_add(b);
        int_sub(a, b) = a.wrapping_sub(b);
        int_mul(a, b) = a.wrapping_mul(b);
        int_floordiv(a, b) = sem::floordiv(a, b);
        int_mod(a, b) = sem::modulo(a, b);
        int_and(a, b) = a & b;
        int_or(a, b) = a | b;
        int_xor(a, b) = a ^ b;
        int_lshift(a, b) = sem::lshift(a, b);
        int_rshift(a, b) = sem::rshift(a, b);
        int_lt(a, b) = (a < b) as i64;
        int_le(a, b) = (a <= b) as i64;
        int_eq(a, b) = (a == b) as i64;
        int_ne(a, b) = (a != b) as i64;
        int_gt(a, b) = (a > b) as i64;
        int_ge(a, b) = (a >= b) as i64;
        uint_lt(a, b) = ((a as u64) < (b as u64)) as i64;
    }
    concrete_float_binops! {
        float_add(a, b) -> Float = a + b;
        float_sub(a, b) -> Float = a - b;
        float_mul(a, b) -> Float = a * b;
        float_truediv(a, b) -> Float = a / b;
        float_lt(a, b) -> Int = (a < b) as i64;
        float_le(a, b) -> Int = (a <= b) as i64;
        float_eq(a, b) -> Int = (a == b) as i64;
        float_ne(a, b) -> Int = (a != b) as i64;
        float_gt(a, b) -> Int = (a > b) as i64;
        float_ge(a, b) -> Int = (a >= b) as i64;
    }
    #[inline(always)]
    fn ptr_eq(&mut self, a: usize, b: usize) -> i64 {
        (a == b) as i64
    }
    #[inline(always)]
    fn int_neg(&mut self, a: i64) -> i64 {
        a.wrapping_neg()
    }
    #[inline(always)]
    fn int_invert(&mut self, a: i64) -> i64 {
        !a
    }
    #[inline(always)]
    fn int_is_zero(&mut self, a: i64) -> i64 {
        (a == 0) as i64
    }
    #[inline(always)]
    fn int_add_ovf(&mut self, a: i64, b: i64) -> Option<i64> {
        a.checked_add(b)
    }
    #[inline(always)]
    fn int_sub_ovf(&mut self, a: i64, b: i64) -> Option<i64> {
        a.checked_sub(b)
    }
    #[inline(always)]
    fn int_mul_ovf(&mut self, a: i64, b: i64) -> Option<i64> {
        a.checked_mul(b)
    }
    #[inline(always)]
    fn float_neg(&mut self, a: f64) -> f64 {
        -a
    }
    #[inline(always)]
    fn float_abs(&mut self, a: f64) -> f64 {
        a.abs()
    }
    #[inline(always)]
    fn float_sqrt(&mut self, a: f64) -> f64 {
        a.sqrt()
    }
    #[inline(always)]
    fn cast_int_to_float(&mut self, a: i64) -> f64 {
        a as f64
    }
    #[inline(always)]
    fn cast_float_to_int(&mut self, a: f64) -> i64 {
        sem::float_to_int(a)
    }
    #[inline(always)]
    fn float_bits_to_int(&mut self, a: f64) -> i64 {
        a.to_bits() as i64
    }
    #[inline(always)]
    fn int_bits_to_float(&mut self, a: i64) -> f64 {
        f64::from_bits(a as u64)
    }
    #[inline(always)]
    fn is_true(&mut self, c: i64) -> bool {
        c != 0
    }
    #[inline(always)]
    fn promote_int(&mut self, v: i64) -> i64 {
        v
    }
    #[inline(always)]
    fn promote_ref(&mut self, r: usize) -> usize {
        r
    }
    #[inline(always)]
    fn peek_int(&self, v: i64) -> i64 {
        v
    }
    #[inline(always)]
    fn peek_float(&self, v: f64) -> f64 {
        v
    }

    fn getfield_int(&mut self, obj: usize, d: &FieldDescr) -> i64 {
        check_object(obj, d.name);
        // SAFETY: the interpreter passes live objects with this field (Ctx precondition).
        unsafe { load(obj + d.offset as usize, d.kind) as i64 }
    }
    fn getfield_float(&mut self, obj: usize, d: &FieldDescr) -> f64 {
        check_object(obj, d.name);
        // SAFETY: as in getfield_int.
        f64::from_bits(unsafe { load(obj + d.offset as usize, d.kind) })
    }
    fn getfield_ref(&mut self, obj: usize, d: &FieldDescr) -> usize {
        check_object(obj, d.name);
        // SAFETY: as in getfield_int.
        unsafe { load(obj + d.offset as usize, d.kind) as usize }
    }
    fn setfield_int(&mut self, obj: usize, d: &FieldDescr, v: i64) {
        check_object(obj, d.name);
        // SAFETY: as in getfield_int.
        unsafe { store(obj + d.offset as usize, d.kind, v as u64) }
    }
    fn setfield_float(&mut self, obj: usize, d: &FieldDescr, v: f64) {
        check_object(obj, d.name);
        // SAFETY: as in getfield_int.
        unsafe { store(obj + d.offset as usize, d.kind, v.to_bits()) }
    }
    fn setfield_ref(&mut self, obj: usize, d: &FieldDescr, v: usize) {
        check_object(obj, d.name);
        // SAFETY: as in getfield_int.
        unsafe { store(obj + d.offset as usize, d.kind, v as u64) }
    }
    #[inline(always)]
    fn getarrayitem_int(&mut self, arr: usize, i: i64, d: &ArrayDescr) -> i64 {
        check_item(arr, i, d);
        // SAFETY: the index is in bounds of a live array (Ctx precondition).
        unsafe { load(d.item_addr(arr, i), d.kind) as i64 }
    }
    fn getarrayitem_float(&mut self, arr: usize, i: i64, d: &ArrayDescr) -> f64 {
        check_item(arr, i, d);
        // SAFETY: as in getarrayitem_int.
        f64::from_bits(unsafe { load(d.item_addr(arr, i), d.kind) })
    }
    fn getarrayitem_ref(&mut self, arr: usize, i: i64, d: &ArrayDescr) -> usize {
        check_item(arr, i, d);
        // SAFETY: as in getarrayitem_int.
        unsafe { load(d.item_addr(arr, i), d.kind) as usize }
    }
    #[inline(always)]
    fn setarrayitem_int(&mut self, arr: usize, i: i64, d: &ArrayDescr, v: i64) {
        check_item(arr, i, d);
        // SAFETY: as in getarrayitem_int.
        unsafe { store(d.item_addr(arr, i), d.kind, v as u64) }
    }
    fn setarrayitem_float(&mut self, arr: usize, i: i64, d: &ArrayDescr, v: f64) {
        check_item(arr, i, d);
        // SAFETY: as in getarrayitem_int.
        unsafe { store(d.item_addr(arr, i), d.kind, v.to_bits()) }
    }
    fn setarrayitem_ref(&mut self, arr: usize, i: i64, d: &ArrayDescr, v: usize) {
        check_item(arr, i, d);
        // SAFETY: as in getarrayitem_int.
        unsafe { store(d.item_addr(arr, i), d.kind, v as u64) }
    }
    fn arraylen(&mut self, arr: usize, d: &ArrayDescr) -> i64 {
        check_object(arr, d.name);
        let off = d.len_offset.expect("arraylen on an array descr without a length");
        // SAFETY: the array is live and has a length word (Ctx precondition).
        unsafe { load(arr + off as usize, MemKind::I64) as i64 }
    }

    // (Inlined, so that the layout, a constant where the interpreter allocates, folds into
    // the fast path.)
    #[inline(always)]
    fn new_object(&mut self, layout: &'static Layout) -> usize {
        self.vm.heap.alloc(layout)
    }
    fn new_array(&mut self, layout: &'static Layout, len: i64) -> usize {
        self.vm.heap.alloc_array(layout, len as usize)
    }
    #[inline(always)]
    fn promote_class(&mut self, obj: usize) -> usize {
        // SAFETY: `obj` is a live heap object (Ctx precondition): word 0 is its class.
        unsafe { (obj as *const usize).read() }
    }

    fn call(&mut self, h: &Helper, args: &[Red<Self>]) -> Option<Red<Self>> {
        reject_reentrant(h);
        let mut words = [0u64; MAX_HELPER_ARGS];
        for (w, a) in words.iter_mut().zip(args) {
            *w = to_word(*a);
        }
        let r = h.call_words(&words[..args.len()]);
        h.ret.map(|t| from_word::<Self>(t, r))
    }

    fn call_may_raise(&mut self, caller: &L::Frame<Self>, h: &Helper, args: &[Red<Self>]) -> Result<Red<Self>, usize> {
        // (A helper cannot collect: the caller needs no rooting.)
        if cfg!(debug_assertions) {
            self.check_caller(caller, "call_may_raise");
        }
        reject_reentrant(h);
        let ret = h.ret.unwrap_or_else(|| panic!("helper {} may raise but returns nothing", h.name));
        let mut words = [0u64; MAX_HELPER_ARGS];
        words[0] = self.vm.raise_slot.as_ptr() as u64;
        for (w, a) in words[1..].iter_mut().zip(args) {
            *w = to_word(*a);
        }
        let r = h.call_words(&words[..args.len() + 1]);
        match self.vm.raise_slot.replace(0) {
            0 => Ok(from_word::<Self>(ret, r)),
            exc => Err(exc as usize),
        }
    }

    fn call_native(&mut self, caller: &L::Frame<Self>, n: &'static Native<L>, args: &[Red<Self>]) -> L::Value<Self> {
        // (Checked in debug builds: a native's own destructuring of `args` catches a wrong
        // type too, and this runs on every call.)
        if cfg!(debug_assertions) {
            n.check_args(args);
            self.check_caller(caller, "call_native");
        }
        // The arguments are rooted with the caller (see `RootFrame`); what the native roots
        // itself lasts until it returns.
        let call = NativeCall::<L, Self> { frame: caller, args };
        self.vm.shadow.push(RootFrame::calling(&call));
        let mark = self.vm.roots.len();
        let v = (n.function())(self, args);
        if cfg!(debug_assertions) {
            self.at = None;
        }
        self.vm.roots.truncate(mark);
        self.vm.shadow.pop();
        v
    }

    fn root(&mut self, r: usize) -> RootMark {
        self.vm.roots.push(r);
        RootMark(self.vm.roots.len() - 1)
    }
    fn unroot(&mut self, mark: RootMark) {
        self.vm.roots.truncate(mark.0);
    }

    fn quasi_get(&mut self, q: QuasiId) -> i64 {
        self.vm.quasi.get(q)
    }
    fn quasi_set(&mut self, q: QuasiId, v: i64) {
        self.vm.quasi.set(q, v)
    }
    fn quasi_new(&mut self, v: i64) -> i64 {
        self.vm.quasi.create(v).to_raw() as i64
    }
    fn quasi_free(&mut self, q: QuasiId) {
        self.vm.quasi.free(q)
    }

    #[inline(always)]
    fn we_are_jitted(&self) -> bool {
        false
    }
    #[inline(always)]
    fn is_constant_int(&self, _: i64) -> bool {
        false
    }
    #[inline(always)]
    fn is_constant_ref(&self, _: usize) -> bool {
        false
    }
    #[inline(always)]
    fn record_known_class(&mut self, _: usize, _: usize) {}

    #[inline(always)]
    fn merge_point(&mut self, f: &L::Frame<Self>) -> Control {
        if self.stress {
            self.safepoint(f);
        }
        if cfg!(debug_assertions) {
            self.at = Some(L::key(f));
        }
        Control::Continue
    }
    #[inline]
    fn loop_header(&mut self, f: &mut L::Frame<Self>) -> Control {
        self.safepoint(f);
        if !self.vm.params.enabled {
            return Control::Continue;
        }
        <Driver<L> as Drive<L>>::loop_header(self, f)
    }
    // (Inlined into the interpreter's call instruction, so the callee's frame is built where
    // it runs: moving a just-built frame down the calls costs more than building it.)
    #[inline(always)]
    fn call_frame(&mut self, caller: &L::Frame<Self>, mut callee: L::Frame<Self>) -> L::Value<Self> {
        if cfg!(debug_assertions) {
            self.check_caller(caller, "call_frame");
        }
        self.vm.shadow.push(RootFrame::of::<L, Self>(caller));
        let v = <Driver<L> as Drive<L>>::run_call(self, &mut callee);
        self.vm.shadow.pop();
        if cfg!(debug_assertions) {
            self.at = None;
        }
        v
    }

    fn try_new_array(&mut self, layout: &'static Layout, len: i64) -> Option<usize> {
        self.vm.heap.try_alloc_array(layout, usize::try_from(len).ok()?).ok()
    }
    fn take_finalizable(&mut self) -> Option<usize> {
        self.vm.heap.take_finalizable()
    }
    fn attach_memory_pressure(&mut self, obj: usize, bytes: i64) {
        self.vm.heap.attach_memory_pressure(obj, bytes.max(0) as usize)
    }
    #[inline(always)]
    fn stack_ok(&mut self) -> bool {
        self.vm.stack.ok()
    }
}

/// The helper a trace that ends by raising calls: `(slot, exception)` puts the exception in
/// the `Vm`'s raise slot (see `driver::close_return`).
pub(crate) extern "C" fn store_raised(slot: u64, exc: u64) -> u64 {
    // SAFETY: `slot` is the address of the raise slot of the Vm whose compiled code calls
    // this (`VmState::raise_slot`, boxed, so it stays put while the Vm lives); only that Vm's
    // thread runs its code.
    unsafe { (*(slot as *const std::cell::Cell<u64>)).set(exc) };
    0
}

/// What compiled code that returned the word `r` gave: an exception if it left one in the raise
/// slot (a trace that ends by raising, see `driver::close_return`), else `r`.
pub(crate) fn raised_or<'a, L: Language>(vm: &mut VmState<L>, r: Red<Concrete<'a, L>>) -> L::Value<Concrete<'a, L>> {
    match vm.raise_slot.replace(0) {
        0 => L::result_from_red(r),
        exc => match from_word::<Concrete<'a, L>>(Type::Ref, exc) {
            Red::Ref(e) => L::raised_result(e),
            _ => unreachable!("a reference word makes a reference"),
        },
    }
}
