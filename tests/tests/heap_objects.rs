//! The objects a full language needs, under the JIT: a tiny interpreter written here builds
//! strs with a cached hash and tuples with a type (fixed fields and items in one object),
//! a weak-key cache, objects with an interpreter-level finalizer (`__del__`), objects owning
//! big buffers outside the heap, and allocations that fail with a `MemoryError`; each program
//! runs interpreted, compiled, with threshold 1 and in GC stress mode, with the same results.

use metatrace::heap::{Layout, HEADER};
use metatrace::{
    ArrayDescr, Control, Ctx, Effect, FieldDescr, Flow, Helper, JitParams, Language, MemKind, Red, RedMap, Reds, Type,
    Vm,
};
use std::cell::Cell;
use std::fmt;
use std::rc::Rc;

const NINTS: usize = 8;
const NREFS: usize = 6;

/// A str: a cached hash (0: not computed yet), then its bytes.
static STR: Layout = Layout::var("Str", 8, &[], MemKind::U8);
const STR_HASH: FieldDescr = STR.word_field("Str.hash", 0, MemKind::I64);
const STR_BYTES: ArrayDescr = STR.items_array("Str.bytes");
/// A tuple: its type, then its items.
static TUPLE: Layout = Layout::var("Tuple", 8, &[HEADER], MemKind::Ref);
const TUPLE_TYPE: FieldDescr = TUPLE.word_field("Tuple.type", 0, MemKind::Ref).immutable();
const TUPLE_ITEMS: ArrayDescr = TUPLE.items_array("Tuple.items");
/// A type object (just something for tuples to point to).
static TYPE: Layout = Layout::object("Type", 8, &[]);
/// An array of references (the weak cache and the ring of kept keys).
static REFS: Layout = Layout::array("Refs", MemKind::Ref);
const REFS_ITEMS: ArrayDescr = Layout::items_descr("Refs.items", MemKind::Ref);
/// A key of the weak cache.
static KEY: Layout = Layout::object("Key", 8, &[]);
const KEY_ID: FieldDescr = KEY.word_field("Key.id", 0, MemKind::I64).immutable();
/// A cache entry: a weak key, the key's id and a value.
static ENTRY: Layout = Layout::object("Entry", 24, &[]).with_weak(&[HEADER]);
const ENTRY_KEY: FieldDescr = ENTRY.word_field("Entry.key", 0, MemKind::Ref);
const ENTRY_ID: FieldDescr = ENTRY.word_field("Entry.id", 1, MemKind::I64).immutable();
const ENTRY_VALUE: FieldDescr = ENTRY.word_field("Entry.value", 2, MemKind::I64).immutable();
/// An object with `__del__`: its id.
static DEL: Layout = Layout::object("Del", 8, &[]).with_finalizer_queue();
const DEL_ID: FieldDescr = DEL.word_field("Del.id", 0, MemKind::I64).immutable();
/// 64 KiB of garbage.
static WORDS: Layout = Layout::array("Words", MemKind::I64);
/// A bigint-like object: its digits (a `Box<Vec<u8>>` outside the heap) and their bytes.
static BIG: Layout = Layout::object("Big", 16, &[]).with_external(HEADER + 8).with_finalizer(free_digits);
const BIG_DIGITS: FieldDescr = BIG.word_field("Big.digits", 0, MemKind::I64);

thread_local! {
    /// Bytes of digits allocated and not freed yet, and the most at once (tests run on
    /// threads of their own; finalizers run on the Vm's thread).
    static DIGITS: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// `(bytes) -> Box<Vec<u8>>` of that many bytes, as a word.
extern "C" fn alloc_digits(bytes: u64) -> u64 {
    let v = Box::new(vec![7u8; bytes as usize]);
    DIGITS.with(|d| {
        let (now, peak) = d.get();
        d.set((now + bytes as usize, peak.max(now + bytes as usize)));
    });
    Box::into_raw(v) as u64
}

/// The Rust finalizer of `BIG`: frees the digits.
fn free_digits(p: usize) {
    // SAFETY: `p` is a dying BIG object: its digits field holds a pointer from
    // `alloc_digits` (or 0), freed only here.
    let digits = unsafe { *((p + HEADER as usize) as *const usize) };
    if digits != 0 {
        // SAFETY: as above.
        let v = unsafe { Box::from_raw(digits as *mut Vec<u8>) };
        DIGITS.with(|d| d.set((d.get().0 - v.len(), d.get().1)));
    }
}

fn digits_helper() -> Helper {
    Helper::new1("alloc_digits", alloc_digits, &[Type::Int], Some(Type::Int), Effect::Write)
}

#[derive(Clone, Copy, Debug)]
enum Ins {
    /// ints[a] = k
    Const(usize, i64),
    /// ints[a] = ints[b] + k
    AddK(usize, usize, i64),
    /// ints[a] = ints[b] + ints[c]
    Add(usize, usize, usize),
    /// ints[a] = ints[b] % k
    ModK(usize, usize, i64),
    /// ints[a] = ints[b] == k
    EqK(usize, usize, i64),
    /// ints[a] = ints[b] < ints[c]
    Lt(usize, usize, usize),
    /// if ints[a] == 0 goto t (forward)
    JumpIfZero(usize, usize),
    /// goto t (forward)
    Jump(usize),
    /// goto t (backward: a loop header)
    Loop(usize),
    /// return the ints
    Halt,
    /// refs[r] = nil
    Nil(usize),
    /// refs[r] = a str of ints[len] bytes (seed + j) & 255, or goto err on a MemoryError
    TryNewStr { dst: usize, len: usize, seed: usize, err: usize },
    /// ints[a] = hash(refs[r]), computed once and cached in the str
    StrHash(usize, usize),
    /// refs[dst] = (refs[x], refs[y]), a tuple of type refs[ty]
    NewTuple { dst: usize, ty: usize, x: usize, y: usize },
    /// ints[a] = refs[r] is a tuple
    IsTuple(usize, usize),
    /// refs[dst] = refs[t][k], a tuple whose type must be refs[ty]
    TupleItem { dst: usize, t: usize, k: i64, ty: usize },
    /// refs[r] = an array of n references
    NewRefs(usize, i64),
    /// refs[r] = a key with id ints[a]
    NewKey(usize, usize),
    /// refs[cache][ints[slot]] = an entry with weak key refs[key] and value id + 100
    CachePut { cache: usize, slot: usize, key: usize },
    /// looks up refs[cache][ints[slot]]; counts in ints[4..8]: cleared, found, kept
    /// (id % 3 == 0) but cleared, corrupt (a key that is not the entry's)
    CacheGet { cache: usize, slot: usize },
    /// refs[keep][ints[slot]] = refs[key]
    KeepPut { keep: usize, slot: usize, key: usize },
    /// refs[r] = a new object with `__del__` and id ints[a]
    NewDel(usize, usize),
    /// refs[r] = the next object whose `__del__` is due, or goto t if none
    PollDel(usize, usize),
    /// `__del__` of refs[r]: ints[3] += id, ints[4] += 1; ids % 10 == 0 resurrect into
    /// refs[5]
    DelBody(usize),
    /// allocates 64 KiB of garbage
    Garbage,
    /// refs[r] = a big number owning k bytes outside the heap
    NewBig(usize, i64),
}

struct Objects {
    prog: Rc<Vec<Ins>>,
}

struct Frame<R: Reds> {
    prog: Rc<Vec<Ins>>,
    pc: usize,
    ints: [R::Int; NINTS],
    refs: [R::Ref; NREFS],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Pc(usize);
impl fmt::Display for Pc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "objects@{}", self.0)
    }
}

/// The class check every typed instruction makes.
fn check<C: Ctx<Objects>>(cx: &mut C, r: C::Ref, layout: &'static Layout) -> Result<(), String> {
    let null = cx.const_ref(0);
    let is_null = cx.ptr_eq(r, null);
    if cx.is_true(is_null) || cx.promote_class(r) != layout.class() {
        return Err(format!("not a {}", layout.name));
    }
    Ok(())
}

impl Language for Objects {
    type Frame<R: Reds> = Frame<R>;
    type Value<R: Reds> = Result<Vec<i64>, String>;
    type Key = Pc;

    fn key<R: Reds>(f: &Frame<R>) -> Pc {
        Pc(f.pc)
    }
    fn reds<R: Reds>(f: &Frame<R>, out: &mut Vec<Red<R>>) {
        out.extend(f.ints.iter().map(|&i| Red::Int(i)));
        out.extend(f.refs.iter().map(|&r| Red::Ref(r)));
    }
    fn rebuild<R: Reds>(&self, key: Pc, reds: &mut impl Iterator<Item = Red<R>>) -> Frame<R> {
        let ints = std::array::from_fn(|_| match reds.next() {
            Some(Red::Int(v)) => v,
            _ => panic!("ints first"),
        });
        let refs = std::array::from_fn(|_| match reds.next() {
            Some(Red::Ref(v)) => v,
            _ => panic!("then refs"),
        });
        Frame { prog: self.prog.clone(), pc: key.0, ints, refs }
    }
    fn map_value<A: Reds, B: Reds>(v: Result<Vec<i64>, String>, _: &mut dyn RedMap<A, B>) -> Result<Vec<i64>, String> {
        v
    }
    fn deliver<C: Ctx<Self>>(_: &mut C, _: &mut Frame<C>, _: Self::Value<C>) {
        unreachable!("no calls")
    }

    fn run<C: Ctx<Self>>(cx: &mut C, f: &mut Frame<C>) -> Flow<Result<Vec<i64>, String>> {
        let prog = f.prog.clone();
        macro_rules! tr {
            ($e:expr) => {
                if let Err(e) = $e {
                    return Flow::Return(Err(e));
                }
            };
        }
        loop {
            if cx.merge_point(f) == Control::Leave {
                return Flow::Leave;
            }
            match prog[f.pc] {
                Ins::Const(a, k) => f.ints[a] = cx.int(k),
                Ins::AddK(a, b, k) => {
                    let k = cx.int(k);
                    f.ints[a] = cx.int_add(f.ints[b], k);
                }
                Ins::Add(a, b, c) => f.ints[a] = cx.int_add(f.ints[b], f.ints[c]),
                Ins::ModK(a, b, k) => {
                    let k = cx.int(k);
                    f.ints[a] = cx.int_mod(f.ints[b], k);
                }
                Ins::EqK(a, b, k) => {
                    let k = cx.int(k);
                    f.ints[a] = cx.int_eq(f.ints[b], k);
                }
                Ins::Lt(a, b, c) => f.ints[a] = cx.int_lt(f.ints[b], f.ints[c]),
                Ins::JumpIfZero(a, t) => {
                    if !cx.is_true(f.ints[a]) {
                        f.pc = t;
                        continue;
                    }
                }
                Ins::Jump(t) => {
                    f.pc = t;
                    continue;
                }
                Ins::Loop(t) => {
                    f.pc = t;
                    if cx.loop_header(f) == Control::Leave {
                        return Flow::Leave;
                    }
                    continue;
                }
                Ins::Halt => return Flow::Return(Ok(f.ints.iter().map(|&i| cx.peek_int(i)).collect())),
                Ins::Nil(r) => f.refs[r] = cx.const_ref(0),
                Ins::TryNewStr { dst, len, seed, err } => {
                    // The checked allocation first: its guard must come before any effect.
                    let Some(s) = cx.try_new_array(&STR, f.ints[len]) else {
                        f.pc = err;
                        continue;
                    };
                    // A green loop over the length (a guard per length seen).
                    let n = cx.promote_int(f.ints[len]);
                    let mask = cx.int(255);
                    for j in 0..n {
                        let j = cx.int(j);
                        let b = cx.int_add(f.ints[seed], j);
                        let b = cx.int_and(b, mask);
                        cx.setarrayitem_int(s, j, &STR_BYTES, b);
                    }
                    f.refs[dst] = s;
                }
                Ins::StrHash(a, r) => {
                    let s = f.refs[r];
                    tr!(check(cx, s, &STR));
                    let h = cx.getfield_int(s, &STR_HASH);
                    let missing = cx.int_is_zero(h);
                    f.ints[a] = if cx.is_true(missing) {
                        let len = cx.arraylen(s, &STR_BYTES);
                        let (mut j, mut h) = (cx.int(0), cx.int(0));
                        let (one, k31, mask) = (cx.int(1), cx.int(31), cx.int(0xffff));
                        loop {
                            let more = cx.int_lt(j, len);
                            if !cx.is_true(more) {
                                break;
                            }
                            let b = cx.getarrayitem_int(s, j, &STR_BYTES);
                            h = cx.int_mul(h, k31);
                            h = cx.int_add(h, b);
                            j = cx.int_add(j, one);
                        }
                        let h = cx.int_and(h, mask);
                        let h = cx.int_add(h, one);
                        cx.setfield_int(s, &STR_HASH, h);
                        h
                    } else {
                        h
                    };
                }
                Ins::NewTuple { dst, ty, x, y } => {
                    let two = cx.int(2);
                    let t = cx.new_array(&TUPLE, two);
                    cx.setfield_ref(t, &TUPLE_TYPE, f.refs[ty]);
                    let (zero, one) = (cx.int(0), cx.int(1));
                    cx.setarrayitem_ref(t, zero, &TUPLE_ITEMS, f.refs[x]);
                    cx.setarrayitem_ref(t, one, &TUPLE_ITEMS, f.refs[y]);
                    f.refs[dst] = t;
                }
                Ins::IsTuple(a, r) => {
                    let null = cx.const_ref(0);
                    let is_null = cx.ptr_eq(f.refs[r], null);
                    let is = !cx.is_true(is_null) && cx.promote_class(f.refs[r]) == TUPLE.class();
                    f.ints[a] = cx.int(is as i64);
                }
                Ins::TupleItem { dst, t, k, ty } => {
                    let tuple = f.refs[t];
                    tr!(check(cx, tuple, &TUPLE));
                    let actual = cx.getfield_ref(tuple, &TUPLE_TYPE);
                    let same = cx.ptr_eq(actual, f.refs[ty]);
                    if !cx.is_true(same) {
                        return Flow::Return(Err("a tuple lost its type".into()));
                    }
                    let len = cx.arraylen(tuple, &TUPLE_ITEMS);
                    let k = cx.int(k);
                    let inside = cx.uint_lt(k, len);
                    if !cx.is_true(inside) {
                        return Flow::Return(Err("tuple index out of range".into()));
                    }
                    f.refs[dst] = cx.getarrayitem_ref(tuple, k, &TUPLE_ITEMS);
                }
                Ins::NewRefs(r, n) => {
                    let n = cx.int(n);
                    f.refs[r] = cx.new_array(&REFS, n);
                }
                Ins::NewKey(r, a) => {
                    let k = cx.new_object(&KEY);
                    cx.setfield_int(k, &KEY_ID, f.ints[a]);
                    f.refs[r] = k;
                }
                Ins::CachePut { cache, slot, key } => {
                    tr!(check(cx, f.refs[key], &KEY));
                    let e = cx.new_object(&ENTRY);
                    let id = cx.getfield_int(f.refs[key], &KEY_ID);
                    cx.setfield_ref(e, &ENTRY_KEY, f.refs[key]);
                    cx.setfield_int(e, &ENTRY_ID, id);
                    let k100 = cx.int(100);
                    let v = cx.int_add(id, k100);
                    cx.setfield_int(e, &ENTRY_VALUE, v);
                    cx.setarrayitem_ref(f.refs[cache], f.ints[slot], &REFS_ITEMS, e);
                }
                Ins::CacheGet { cache, slot } => {
                    let e = cx.getarrayitem_ref(f.refs[cache], f.ints[slot], &REFS_ITEMS);
                    let null = cx.const_ref(0);
                    let empty = cx.ptr_eq(e, null);
                    if !cx.is_true(empty) {
                        tr!(check(cx, e, &ENTRY));
                        let k = cx.getfield_ref(e, &ENTRY_KEY);
                        let id = cx.getfield_int(e, &ENTRY_ID);
                        let three = cx.int(3);
                        let m = cx.int_mod(id, three);
                        let kept = cx.int_is_zero(m);
                        let cleared = cx.ptr_eq(k, null);
                        let one = cx.int(1);
                        let counter = if cx.is_true(cleared) {
                            if cx.is_true(kept) {
                                6
                            } else {
                                4
                            }
                        } else if cx.promote_class(k) != KEY.class() || {
                            let kid = cx.getfield_int(k, &KEY_ID);
                            let same = cx.int_eq(kid, id);
                            !cx.is_true(same)
                        } {
                            7
                        } else {
                            let v = cx.getfield_int(e, &ENTRY_VALUE);
                            f.ints[0] = cx.int_add(f.ints[0], v);
                            5
                        };
                        f.ints[counter] = cx.int_add(f.ints[counter], one);
                    }
                }
                Ins::KeepPut { keep, slot, key } => {
                    cx.setarrayitem_ref(f.refs[keep], f.ints[slot], &REFS_ITEMS, f.refs[key]);
                }
                Ins::NewDel(r, a) => {
                    let o = cx.new_object(&DEL);
                    cx.setfield_int(o, &DEL_ID, f.ints[a]);
                    f.refs[r] = o;
                }
                Ins::PollDel(r, t) => match cx.take_finalizable() {
                    Some(o) => f.refs[r] = o,
                    None => {
                        f.pc = t;
                        continue;
                    }
                },
                Ins::DelBody(r) => {
                    let o = f.refs[r];
                    tr!(check(cx, o, &DEL));
                    let id = cx.getfield_int(o, &DEL_ID);
                    let one = cx.int(1);
                    f.ints[3] = cx.int_add(f.ints[3], id);
                    f.ints[4] = cx.int_add(f.ints[4], one);
                    let ten = cx.int(10);
                    let m = cx.int_mod(id, ten);
                    let resurrect = cx.int_is_zero(m);
                    if cx.is_true(resurrect) {
                        f.refs[5] = o;
                    }
                }
                Ins::Garbage => {
                    let n = cx.int(8192);
                    cx.new_array(&WORDS, n);
                }
                Ins::NewBig(r, bytes) => {
                    let o = cx.new_object(&BIG);
                    let bytes = cx.int(bytes);
                    let Some(Red::Int(digits)) = cx.call(&digits_helper(), &[Red::Int(bytes)]) else {
                        unreachable!("alloc_digits returns an int")
                    };
                    cx.setfield_int(o, &BIG_DIGITS, digits);
                    cx.attach_memory_pressure(o, bytes);
                    f.refs[r] = o;
                }
            }
            f.pc += 1;
        }
    }
}

fn run(prog: &[Ins], spec: &str) -> (Result<Vec<i64>, String>, Vm<Objects>) {
    let mut params = JitParams::default();
    params.apply(spec).unwrap();
    let prog = Rc::new(prog.to_vec());
    let mut vm = Vm::with_params(Objects { prog: prog.clone() }, params);
    // The type object lives in refs[2] from the start.
    let ty = vm.heap_mut().alloc(&TYPE);
    let f = Frame { prog, pc: 0, ints: [0; NINTS], refs: [0, 0, ty, 0, 0, 0] };
    let r = vm.run(f);
    (r, vm)
}

const SPECS: &[&str] = &[
    "off",
    "",
    "threshold=1",
    "threshold=1,bridge=1",
    "off,gc_stress",
    "threshold=1,gc_stress",
    "threshold=2,bridge=1,gc_stress",
];

/// n strs of length i % 4 + 1 (ints[7] at iteration `bad` instead: a MemoryError, counted in
/// ints[6]), each hashed twice (the second time from the cache) into ints[0], linked by
/// tuples into a list in refs[1]; then the list is walked, hashing again into ints[5].
fn strs_and_tuples(n: i64, bad: i64, huge: i64) -> Vec<Ins> {
    use Ins::*;
    vec![
        Const(1, 0), // 0: i
        Const(2, n),
        Const(7, huge),
        Lt(3, 1, 2), // 3: loop
        JumpIfZero(3, 21),
        ModK(4, 1, 4),
        AddK(4, 4, 1),
        EqK(3, 1, bad),
        JumpIfZero(3, 10),
        Add(4, 7, 6),                                   // 9: len = huge (+ the error count, 0)
        TryNewStr { dst: 0, len: 4, seed: 1, err: 18 }, // 10
        StrHash(3, 0),
        Add(0, 0, 3),
        StrHash(3, 0),
        Add(0, 0, 3),
        NewTuple { dst: 1, ty: 2, x: 0, y: 1 },
        AddK(1, 1, 1),
        Loop(3),
        AddK(6, 6, 1), // 18: MemoryError
        AddK(1, 1, 1),
        Loop(3),
        IsTuple(3, 1), // 21: walk the list
        JumpIfZero(3, 29),
        TupleItem { dst: 0, t: 1, k: 0, ty: 2 },
        StrHash(3, 0),
        Add(5, 5, 3),
        TupleItem { dst: 1, t: 1, k: 1, ty: 2 },
        Loop(21),
        Halt, // 28 (unused)
        Halt, // 29
    ]
}

/// What `strs_and_tuples` computes, in Rust.
fn strs_and_tuples_expected(n: i64, bad: i64) -> (i64, i64) {
    let (mut twice, mut once) = (0, 0);
    for i in 0..n {
        if i == bad {
            continue;
        }
        let h = (0..i % 4 + 1).fold(0i64, |h, j| h.wrapping_mul(31) + ((i + j) & 255));
        let h = (h & 0xffff) + 1;
        twice += 2 * h;
        once += h;
    }
    (twice, once)
}

#[test]
fn strs_with_a_cached_hash_and_tuples_with_a_type_match_everywhere() {
    let n = 400;
    for (bad, huge) in [(300, 1i64 << 61), (250, -3), (-1, 0)] {
        let (twice, once) = strs_and_tuples_expected(n, bad);
        let errors = (bad >= 0) as i64;
        for spec in SPECS {
            let (r, vm) = run(&strs_and_tuples(n, bad, huge), spec);
            let r = r.unwrap_or_else(|e| panic!("{spec}: {e}"));
            assert_eq!((r[0], r[5], r[6]), (twice, once, errors), "{spec} bad={bad}: {}", vm.stats().summary());
            if spec.contains("gc_stress") {
                assert!(vm.heap_stats().collections >= 50, "{spec}: {:?}", vm.heap_stats());
            }
            if *spec == "threshold=1" {
                // The loops were compiled, and the compiled code allocates strs with a
                // checked call and tuples inline.
                let all: String = vm.traces().iter().map(|t| t.optimized.clone()).collect();
                assert!(all.contains("descr=try_new_Str"), "{all}");
                assert!(all.contains("descr=Tuple.items"), "{all}");
            }
        }
    }
}

/// A weak-key cache of 16 entries: each iteration makes a key (every third one is kept alive
/// in a ring, for 24 iterations), caches an entry for it, and looks up slot (5 i) % 16 (see
/// `CacheGet`; an entry stays 16 iterations, so a kept key's is never cleared); 64 KiB of
/// garbage every 4 iterations makes collections happen without stress mode too.
fn weak_cache(n: i64) -> Vec<Ins> {
    use Ins::*;
    vec![
        NewRefs(0, 16), // 0: the cache
        NewRefs(1, 24), // the ring of kept keys (every third slot used)
        Const(1, 0),    // i
        Const(2, n),
        Lt(3, 1, 2), // 4: loop
        JumpIfZero(3, 23),
        NewKey(3, 1),
        ModK(3, 1, 16), // the key is refs[3], the slot ints[3]
        CachePut { cache: 0, slot: 3, key: 3 },
        Const(3, 0), // (a filler)
        ModK(3, 1, 3),
        JumpIfZero(3, 13),
        Jump(15),
        ModK(3, 1, 24), // 13: keep it in slot i % 24 (until i + 24: the last 8 kept)
        Jump(26),
        ModK(3, 1, 4), // 15
        JumpIfZero(3, 18),
        Jump(19),
        Garbage,      // 18
        Add(3, 1, 1), // 19: look up slot (i * 5) % 16
        Add(3, 3, 3),
        Add(3, 3, 1),
        Jump(28),
        Halt, // 23
        Halt,
        Halt,
        KeepPut { keep: 1, slot: 3, key: 3 }, // 26
        Jump(15),
        ModK(3, 3, 16), // 28
        CacheGet { cache: 0, slot: 3 },
        AddK(1, 1, 1),
        Loop(4),
    ]
}

#[test]
fn a_weak_key_cache_forgets_dead_keys_and_only_them() {
    let n = 3000;
    // Lookups of a slot that has been filled: every one from i = 15 on, and a few before.
    let filled = (0..n).filter(|&i| (5 * i) % 16 <= i).count() as i64;
    for spec in SPECS {
        let (r, vm) = run(&weak_cache(n), spec);
        let r = r.unwrap_or_else(|e| panic!("{spec}: {e}"));
        let (cleared, found, lost, corrupt) = (r[4], r[5], r[6], r[7]);
        assert_eq!((lost, corrupt), (0, 0), "{spec}: a kept key was cleared, or a dead one read: {r:?}");
        assert_eq!(found + cleared, filled, "{spec}: {r:?}");
        // Dead keys are forgotten, and each entry that finds its key has the right value.
        assert!(cleared > 0 && found > 0, "{spec}: {r:?} {:?}", vm.heap_stats());
        assert!(vm.heap_stats().weak_cleared as i64 >= cleared, "{spec}: {r:?} {:?}", vm.heap_stats());
    }
}

/// n objects with `__del__` (ids 0..n), one dropped per iteration, 64 KiB of garbage every
/// 4 iterations; the loop polls for due finalizers and runs them (`DelBody`: ids summed in
/// ints[3], counted in ints[4], every tenth resurrected into refs[5]); then it makes garbage
/// and polls until all n have run (at most 20000 more iterations).
fn finalizers(n: i64) -> Vec<Ins> {
    use Ins::*;
    vec![
        Const(1, 0),
        Const(2, n),
        Lt(0, 1, 2), // 2: loop
        JumpIfZero(0, 14),
        NewDel(0, 1),
        ModK(0, 1, 4),
        JumpIfZero(0, 8),
        Jump(9),
        Garbage,        // 8
        PollDel(1, 12), // 9
        DelBody(1),
        Jump(9),
        AddK(1, 1, 1), // 12
        Loop(2),
        Nil(0), // 14: drain
        Nil(1),
        EqK(0, 4, n), // 16
        JumpIfZero(0, 19),
        Halt,
        AddK(5, 5, 1), // 19
        EqK(0, 5, 20000),
        JumpIfZero(0, 23),
        Halt,
        Garbage, // 23
        PollDel(1, 27),
        DelBody(1),
        Jump(24),
        Loop(16), // 27
    ]
}

#[test]
fn finalizers_run_interpreter_code_once_per_object() {
    let n = 600;
    for spec in SPECS {
        let (r, vm) = run(&finalizers(n), spec);
        let r = r.unwrap_or_else(|e| panic!("{spec}: {e}"));
        assert_eq!((r[3], r[4]), (n * (n - 1) / 2, n), "{spec}: {r:?} {:?}", vm.heap_stats());
        let h = vm.heap_stats();
        assert_eq!((h.finalizable_queued, vm.heap().finalizable_len()), (n as u64, 0), "{spec}: {h:?}");
    }
}

/// n bigints owning 1 MiB each outside the heap, one alive at a time.
fn bigints(n: i64) -> Vec<Ins> {
    use Ins::*;
    vec![
        Const(1, 0),
        Const(2, n),
        Lt(0, 1, 2), // 2: loop
        JumpIfZero(0, 7),
        NewBig(0, 1 << 20),
        AddK(1, 1, 1),
        Loop(2),
        Halt, // 7
    ]
}

#[test]
fn memory_outside_the_heap_drives_collection() {
    let n = 300;
    for spec in SPECS {
        DIGITS.with(|d| d.set((0, 0)));
        let (r, vm) = run(&bigints(n), spec);
        assert_eq!(r.map(|r| r[1]), Ok(n), "{spec}");
        let (now, peak) = DIGITS.with(|d| d.get());
        // Without the pressure, nothing would be collected: 300 MiB. With it, a collection
        // follows about every 4 MiB (the heap's minimum budget).
        assert!(peak <= 12 << 20, "{spec}: peak {} MiB {:?}", peak >> 20, vm.heap_stats());
        assert!(vm.heap_stats().collections >= 20, "{spec}: {:?}", vm.heap_stats());
        drop(vm);
        assert_eq!(DIGITS.with(|d| d.get().0), 0, "{spec}: every buffer is freed with the heap (now {now})");
    }
}
