//! Resume data: what a guard's snapshot becomes once its trace is compiled ([`Resume`], made
//! by [`resume_info`]), and what a failing guard's exit rebuilds from it and the frame words
//! compiled code wrote: the snapshot's virtual objects ([`materialize`]), then the interpreter
//! frames ([`rebuild_frames`]) and the outcome the innermost is handed ([`resume_outcome`]).
//! The driver runs the rebuilt frames (`driver::restore`); nothing here runs the language.

use crate::concrete::from_word;
use crate::concrete::store;
use crate::ctx::Plain;
use crate::ctx::{Language, Red, Reds};
use crate::heap::Layout;
use crate::state::VmState;
use crate::units::{FrameSlots, Resume, Slot, SlotConsts, SlotPatterns, VirtualDescrs, VirtualInfo, VirtualKinds};
use metatrace_jit::ir::{Deliver, Operand, Trace, VirtualObj};
use std::rc::Rc;

/// The descriptors of virtual object `v` of trace `t`, for a bridge that records its
/// allocation (see `driver::bridge_inputs`).
fn virtual_descrs(t: &Trace, v: &VirtualObj, kinds: &mut VirtualKinds) -> Rc<VirtualDescrs> {
    let key = (v.descr.0, v.len, v.fields.iter().map(|f| (f.descr.0, f.index)).collect());
    let VirtualKinds { descrs, by_shape, .. } = kinds;
    by_shape
        .entry(key)
        .or_insert_with(|| {
            let d = VirtualDescrs {
                size: t.descr(v.descr).clone(),
                len: v.len,
                fields: v.fields.iter().map(|f| (t.descr(f.descr).clone(), f.index)).collect(),
            };
            VirtualKinds::intern(descrs, d)
        })
        .clone()
}

/// How to rebuild the interpreter state of a guard's snapshot from its frame buffer. Its
/// frames' slots are kept against `patterns` (`held` counts the slots this adds), and its
/// lists share what they have in common with those of `like` (the exit before).
pub(crate) fn resume_info<K: Copy>(
    t: &Trace,
    s: &metatrace_jit::ir::Snapshot,
    keys: &[K],
    patterns: &mut SlotPatterns,
    kinds: &mut VirtualKinds,
    like: Option<&Resume<K>>,
) -> Resume<K> {
    use metatrace_jit::ir::DescrKind;
    let slot = |consts: &mut SlotConsts, o: Operand| match o {
        Operand::Virtual(k) => Slot::Virtual(k),
        Operand::Value(_) => Slot::Word(t.operand_type(o)),
        c => consts.slot(t.operand_type(c), c.const_word().expect("a constant")),
    };
    let frames = s
        .frames
        .iter()
        .enumerate()
        .map(|(depth, fr)| {
            let SlotPatterns { shared, held, consts, scratch } = &mut *patterns;
            scratch.clear();
            scratch.extend(fr.values.iter().map(|&o| slot(consts, o)));
            let slots = match shared.iter_mut().find(|p| p.len() == fr.values.len()) {
                Some(p) => {
                    let before = like.and_then(|l| l.frames.get(depth)).map(|(_, f)| f);
                    let f = FrameSlots::against(p, scratch.iter().copied(), before);
                    *held += f.own(p);
                    if !Rc::ptr_eq(f.base(), p) {
                        // Many slots differ from the pattern (a wide callee's locals got
                        // assigned since): this frame is the pattern from now on.
                        *p = f.base().clone();
                    }
                    f
                }
                None => {
                    let f = FrameSlots::dense(scratch.clone());
                    shared.push(f.base().clone());
                    *held += f.len();
                    f
                }
            };
            (keys[fr.key.0 as usize], slots)
        })
        .collect();
    let virtuals = s
        .virtuals
        .iter()
        .map(|v| {
            if let Some(info) = kinds.by_obj.get(&Rc::as_ptr(v)) {
                return info.clone();
            }
            let layout = match &t.descr(v.descr).kind {
                DescrKind::Size(sd) => sd.class as usize,
                _ => unreachable!("the verifier checks virtuals have size descrs"),
            };
            let fields = v
                .fields
                .iter()
                .map(|f| match &t.descr(f.descr).kind {
                    DescrKind::Field(fd) => (fd.offset, fd.kind, slot(&mut patterns.consts, f.value)),
                    DescrKind::Array(ad) => {
                        (ad.base + (f.index * ad.kind.size()) as i32, ad.kind, slot(&mut patterns.consts, f.value))
                    }
                    _ => unreachable!("the verifier checks virtual fields have memory descrs"),
                })
                .collect();
            let descrs = virtual_descrs(t, v, kinds);
            let info = VirtualKinds::intern(&mut kinds.infos, VirtualInfo { layout, len: v.len, fields, descrs });
            kinds.by_obj.insert(Rc::as_ptr(v), info.clone());
            info
        })
        .collect();
    Resume::new(frames, virtuals, s.deliver, like)
}

/// Completes the words a guard's exit wrote: fills in its constants ([`fill_constants`]),
/// then builds the virtual objects of its snapshot on the heap and writes their addresses
/// into the frame words that stand for them. Allocation never collects, so the new objects
/// are safe until the frames holding them are rebuilt.
pub(crate) fn materialize<L: Language>(vm: &mut VmState<L>, resume: &Resume<L::Key>, words: &mut [u64]) {
    fill_constants(resume, &vm.slot_patterns.consts, words);
    if resume.virtuals.is_empty() {
        return;
    }
    // (Into the Vm's own buffer: exits with virtuals can be the hottest path of a program.)
    let mut objs = std::mem::take(&mut vm.materialized);
    objs.clear();
    objs.extend(resume.virtuals.iter().map(|v| {
        // SAFETY: size descrs carry the address of a `&'static Layout`.
        let layout = unsafe { &*(v.layout as *const Layout) };
        match v.len {
            Some(n) => vm.heap.alloc_array(layout, n as usize),
            None => vm.heap.alloc(layout),
        }
    }));
    let word = |s: Slot, w: u64| match s {
        Slot::Virtual(k) => objs[k as usize] as u64,
        Slot::Word(_) | Slot::Const(..) => w,
    };
    let mut pos = resume.fields_at;
    for (v, &obj) in resume.virtuals.iter().zip(&objs) {
        for &(off, kind, s) in &v.fields {
            // SAFETY: `obj` was just allocated with this layout; `off` is one of its fields.
            unsafe { store(obj + off as usize, kind, word(s, words[pos])) };
            pos += 1;
        }
    }
    for &(pos, k) in resume.virtual_slots.iter() {
        words[pos as usize] = objs[k as usize] as u64;
    }
    vm.materialized = objs;
}

/// Gives `each` the frames of compiled code suspended in calls, innermost first: those of the
/// call site of live record `record` and of each record below it, down to `stop` (exclusive),
/// read from the words the calls stored with their records (see
/// `metatrace_jit::backend::LIVE_HEADER`) as their `guard_not_forced` exits would have them.
/// The frames' virtual objects are built for the listing, and rooted until the native listing
/// them returns (natives drop the roots they push). They are copies: the suspended code goes on
/// with its own, unbuilt, so a native that changes one, or compares it with what the code
/// later lets escape, sees a difference (PyPy *forces* such frames: the code leaves at the
/// call's `guard_not_forced` and the interpreter goes on with the objects listed; not done
/// here). For a value class (boxed numbers) a copy is as good as the object. Returns `false`,
/// having listed the frames it could, at a record it cannot describe: no call site (code
/// compiled without links), or a unit thrown away.
pub(crate) fn describe_records<L: Language>(
    vm: &mut VmState<L>,
    mut record: u64,
    stop: u64,
    each: &mut dyn FnMut(L::Key, &[Red<Plain>]),
) -> bool {
    use metatrace_jit::backend::NO_CALL_SITE;
    while record != 0 && record != stop {
        // SAFETY: `record` is on the chain of live records, whose calls have not returned (the
        // compiled code that pushed it waits in its call: to the driver below this one, or to
        // compiled code it called directly): its `LIVE_HEADER` words are there.
        let (below, frame, site, words) = unsafe {
            let r = record as *const u64;
            (*r, *r.add(2) as *const u64, *r.add(4), *r.add(5) as *const u64)
        };
        if site == NO_CALL_SITE || words.is_null() {
            return false;
        }
        let (id, guard) = ((site >> 32) as usize, (site & 0xffff_ffff) as usize);
        let exit = vm.units.get(id).and_then(|u| u.as_ref()).and_then(|u| u.exits.get(guard));
        let Some(resume) = exit.map(|e| e.resume.clone()) else { return false };
        // SAFETY: compiled code stored the exit's words there for the call, on its stack while
        // the call runs: a bitmap of the words its frame buffer holds (which has at least
        // those words), then `resume.words` words. The words it did not write (constants,
        // virtual objects, the unused ones before the virtuals' fields) are read as whatever
        // the stack held, then filled in by `materialize` or never read.
        let mut buf: Vec<u64> = unsafe {
            let bitmap = resume.words.div_ceil(64);
            (0..resume.words)
                .map(|k| match *words.add(k / 64) >> (k % 64) & 1 {
                    1 => *frame.add(k),
                    _ => *words.add(bitmap + k),
                })
                .collect()
        };
        materialize(vm, &resume, &mut buf);
        if !resume.virtuals.is_empty() {
            vm.roots.extend_from_slice(&vm.materialized);
        }
        let mut at = 0;
        let mut frames = Vec::with_capacity(resume.frames.len());
        for (k, (key, slots)) in resume.frames.iter().enumerate() {
            let reds: Vec<Red<Plain>> =
                resume.reds_of(k).enumerate().map(|(i, s)| from_word(s.ty(), buf[at + i])).collect();
            at += slots.len();
            frames.push((*key, reds));
        }
        for (key, reds) in frames.iter().rev() {
            each(*key, reds);
        }
        record = below;
    }
    true
}

/// Writes the words of the exit's constants ([`Slot::Const`]) into `words`, where compiled
/// code left them unwritten.
pub(crate) fn fill_constants<K>(resume: &Resume<K>, consts: &SlotConsts, words: &mut [u64]) {
    if !resume.has_consts {
        return;
    }
    let frames = resume.frames.iter().flat_map(|(_, s)| s.iter()).enumerate();
    let fields = resume.virtuals.iter().flat_map(|v| v.fields.iter().map(|f| f.2));
    for (pos, s) in frames.chain(fields.enumerate().map(|(k, s)| (resume.fields_at + k, s))) {
        if let (Slot::Const(_, k), Some(w)) = (s, words.get_mut(pos)) {
            *w = consts.words[k as usize];
        }
    }
}

/// Rebuilds the frames of a snapshot, outermost first, from its slots in order (`red` makes
/// each slot's red value), and the outcome the innermost frame is to be handed, if any.
pub(crate) fn rebuild_frames<L: Language, R: Reds>(
    lang: &L,
    resume: &Resume<L::Key>,
    red: &mut dyn FnMut(Slot) -> Red<R>,
) -> (Vec<L::Frame<R>>, Option<L::Value<R>>) {
    let frames = (0..resume.frames.len())
        .map(|k| {
            let mut it = resume.reds_of(k).map(|s| red(s));
            lang.rebuild(resume.frames[k].0, &mut it)
        })
        .collect();
    (frames, resume_outcome::<L, R>(resume, red))
}

/// The outcome a snapshot hands its innermost frame, if it delivers one: made from its last
/// slot, which `red` is to make next (the frames' reds come first).
pub(crate) fn resume_outcome<L: Language, R: Reds>(
    resume: &Resume<L::Key>,
    red: &mut dyn FnMut(Slot) -> Red<R>,
) -> Option<L::Value<R>> {
    resume.deliver.map(|d| {
        let slot = resume.frames.last().and_then(|(_, s)| s.last()).expect("a delivering snapshot ends in its outcome");
        match (d, red(slot)) {
            (Deliver::Returned, r) => L::result_from_red(r),
            (Deliver::Raised, Red::Ref(exc)) => L::raised_result(exc),
            (Deliver::Raised, r) => unreachable!("the verifier checks raised values are references: {r:?}"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A trace whose guards see a callee's `n` locals, the constant 99 until assigned, one
    /// more assigned before each guard.
    fn filling(n: usize) -> Trace {
        let mut src = String::from("inputs(i0, i1)\n");
        for k in 0..n {
            src += &format!("i{} = int_add(i0, {k})\n", k + 2);
            let locals: Vec<String> =
                (0..n).map(|j| if j <= k { format!("i{}", j + 2) } else { "99".into() }).collect();
            src += &format!("guard_true(i1) [f: {}]\n", locals.join(", "));
        }
        src += "finish(i0)\n";
        metatrace_jit::text::parse(&src).unwrap()
    }

    #[test]
    fn the_exits_of_a_callee_assigning_its_locals_keep_few_slots_of_their_own() {
        let t = filling(40);
        let (mut patterns, mut kinds) = (SlotPatterns::default(), VirtualKinds::default());
        let resumes: Vec<Resume<u32>> = t
            .ops
            .iter()
            .filter_map(|op| op.snapshot.as_ref())
            .map(|s| resume_info(&t, s, &[0u32], &mut patterns, &mut kinds, None))
            .collect();
        // Once an eighth of the locals differ from the pattern, the frame kept whole becomes the
        // pattern: each exit keeps its differences from the latest one (under 400 slots in all;
        // about 500 when a pattern lasted until half differed), not from the first (over 1,000:
        // every exit past the 20th whole).
        assert!(patterns.held < 400, "{} slots held", patterns.held);
        // Exit 30 wrote its values (the constants' words are left as they were): filling in
        // the constants gives its whole frame.
        let mut words: Vec<u64> = (0..40).map(|j| if j <= 30 { 1000 + j } else { 0 }).collect();
        fill_constants(&resumes[30], &patterns.consts, &mut words);
        let want: Vec<u64> = (0..40).map(|j| if j <= 30 { 1000 + j } else { 99 }).collect();
        assert_eq!(words, want);
        assert!(resumes[30].frames[0].1.iter().skip(31).all(|s| matches!(s, Slot::Const(crate::descr::Type::Int, _))));
    }

    #[test]
    fn consecutive_exits_share_the_chunks_of_their_virtual_lists() {
        // As `filling`, but each local is assigned a box the trace keeps virtual: guard `k` has
        // `k + 1` virtual objects, the first `k` described as at guard `k - 1` (the optimizer
        // shares such descriptions, as here).
        let n = 70;
        let mut src =
            String::from("descr Int.value = field i64 +16 immutable\ndescr Int = size 32 value\ninputs(i0, i1)\n");
        for k in 0..n {
            src += &format!("i{} = int_add(i0, {k})\n", k + 2);
            let locals: Vec<String> = (0..n).map(|j| if j <= k { format!("v{j}") } else { "99".into() }).collect();
            let boxes: Vec<String> = (0..=k).map(|j| format!("v{j} = Int(Int.value=i{})", j + 2)).collect();
            src += &format!("guard_true(i1) [f: {}] {{{}}}\n", locals.join(", "), boxes.join("; "));
        }
        src += "finish(i0)\n";
        let mut t = metatrace_jit::text::parse(&src).unwrap();
        let mut before: Vec<Rc<VirtualObj>> = Vec::new();
        for op in &mut t.ops {
            let Some(s) = op.snapshot.as_mut() else { continue };
            let mut k = 0;
            s.virtuals.rewrite(|v: &Rc<VirtualObj>| {
                k += 1;
                before.get(k - 1).filter(|&b| b == v).cloned()
            });
            before = s.virtuals.iter().cloned().collect();
        }
        let (mut patterns, mut kinds) = (SlotPatterns::default(), VirtualKinds::default());
        let mut resumes: Vec<Resume<u32>> = Vec::new();
        for s in t.ops.iter().filter_map(|op| op.snapshot.as_ref()) {
            let r = resume_info(&t, s, &[0u32], &mut patterns, &mut kinds, resumes.last());
            resumes.push(r);
        }
        let (a, b) = (&resumes[n - 2], &resumes[n - 1]);
        // 69 and 70 entries: the first two chunks of 32 are the same allocations.
        assert_eq!((b.virtuals.shared_with(&a.virtuals), b.virtual_slots.shared_with(&a.virtual_slots)), (2, 2));
        assert!(
            b.virtuals.shares_full_chunks_with(&a.virtuals)
                && b.virtual_slots.shares_full_chunks_with(&a.virtual_slots)
        );
        // And the lists are the exit's own: virtual `j` is the box of local `j`, at slot `j`.
        let slots: Vec<(u32, u32)> = b.virtual_slots.iter().copied().collect();
        assert_eq!(slots, (0..n as u32).map(|j| (j, j)).collect::<Vec<_>>());
        assert!(b.virtuals.iter().all(|v| v.fields.len() == 1 && v.descrs.fields.len() == 1));
    }
}
