//! The backtracking machine that runs a [`Program`] over a subject.
//!
//! The subject is a slice of code units: the bytes of an ASCII `str` or of a `bytes`, or the
//! chars of any other `str` decoded once per call; positions are indexes into it, so they
//! are Python's indexes. As in `sre`, the subject ends at `endpos` (nothing after it is
//! seen, and `$` matches there), while it begins at index 0 whatever `pos` is: `^` only
//! matches at 0, and a lookbehind may look before `pos`.
//!
//! Backtracking uses an explicit stack of entries ([`Bt`]), never native recursion:
//! - `Alt`: a place to resume (the other side of a `Split` or of a repeat's choice);
//! - `Slot` and `Reg`: the old value of a capture slot (with the old `lastindex`) or of a
//!   repeat's counter, restored when backtracking passes them (an undo log: whatever a
//!   failed path changed is put back, so groups report what the successful path set);
//! - `Greedy` and `Lazy`: a repeat of one character test, which gives back (or takes) one
//!   character each time it is resumed, so `.*` over 100,000 characters is one entry;
//! - `LazyMore`: a lazy general repeat's offer of one more iteration;
//! - `Barrier`: the start of an atomic group, a lookaround or a possessive iteration. When
//!   the body succeeds, the entries above it that are places to resume are cut (the undo
//!   entries stay, so backtracking past the construct still restores the groups it set);
//!   when the body fails, backtracking reaches the barrier, which either fails in turn or
//!   resumes after the construct (a negative lookaround, a possessive repeat's last try).
//!
//! A [`Machine`] keeps its buffers between attempts: searching allocates nothing per
//! position. Searching skips positions whose character cannot start a match when the
//! program knows its first character, and tries only position 0 for anchored programs.
//! `must_advance` rejects an empty match at the starting position (how `findall`, `sub`,
//! `split` and `finditer` move past an empty match, as in CPython 3.7 and later).

use super::charset::{fold, is_word, Fold, Test};
use super::compiler::{AtKind, Inst, Program};
use super::parser::RepeatKind;

/// A code unit of a subject.
pub trait Unit: Copy {
    fn u(self) -> u32;
}
impl Unit for u8 {
    #[inline]
    fn u(self) -> u32 {
        self as u32
    }
}
impl Unit for u32 {
    #[inline]
    fn u(self) -> u32 {
        self
    }
}

/// An unset capture slot (or no `lastindex`).
pub const NONE: usize = usize::MAX;

#[derive(Debug, Clone, Copy)]
enum Bt {
    Alt { pc: usize, pos: usize },
    Slot { slot: usize, old: usize, last: usize },
    Reg { reg: usize, count: usize, last: usize },
    Greedy { pc: usize, start: usize, count: usize, min: usize, lit: u32 },
    Lazy { rep: usize, start: usize, count: usize },
    LazyMore { top: usize, pos: usize },
    Barrier { resume: usize, pos: usize },
}

const NO_LIT: u32 = u32::MAX;

/// The state of the machine, reused between attempts.
#[derive(Default)]
pub struct Machine {
    stack: Vec<Bt>,
    /// Capture slots: group `k` spans `slots[2k]..slots[2k+1]`.
    pub slots: Vec<usize>,
    /// Each repeat's (iterations so far, position where the last optional one started).
    regs: Vec<(usize, usize)>,
    /// The last group closed (`Match.lastindex`), or [`NONE`].
    pub lastindex: usize,
}

/// How an attempt must end.
#[derive(Clone, Copy)]
pub struct Mode {
    /// The match must reach the end (`fullmatch`).
    pub full: bool,
    /// The match must not be empty at the starting position.
    pub must_advance: bool,
}

impl Machine {
    pub fn new() -> Machine {
        Machine::default()
    }

    fn set_slot(&mut self, slot: usize, pos: usize) {
        self.stack.push(Bt::Slot { slot, old: self.slots[slot], last: self.lastindex });
        self.slots[slot] = pos;
        if slot & 1 == 1 && slot > 1 {
            self.lastindex = slot / 2;
        }
    }

    fn set_reg(&mut self, reg: usize, count: usize, last: usize) {
        let (c, l) = self.regs[reg];
        self.stack.push(Bt::Reg { reg, count: c, last: l });
        self.regs[reg] = (count, last);
    }

    /// Removes the entries above the nearest barrier that are places to resume, and the
    /// barrier; returns the barrier's position.
    fn cut(&mut self) -> usize {
        let k = self.stack.iter().rposition(|e| matches!(e, Bt::Barrier { .. })).expect("a barrier");
        let Bt::Barrier { pos, .. } = self.stack[k] else { unreachable!("found a barrier") };
        let mut w = k;
        for r in k + 1..self.stack.len() {
            let e = self.stack[r];
            if matches!(e, Bt::Slot { .. } | Bt::Reg { .. }) {
                self.stack[w] = e;
                w += 1;
            }
        }
        self.stack.truncate(w);
        pos
    }

    /// Undoes everything down to the nearest barrier, and the barrier.
    fn unwind_barrier(&mut self) {
        while let Some(e) = self.stack.pop() {
            match e {
                Bt::Slot { slot, old, last } => {
                    self.slots[slot] = old;
                    self.lastindex = last;
                }
                Bt::Reg { reg, count, last } => self.regs[reg] = (count, last),
                Bt::Barrier { .. } => return,
                _ => {}
            }
        }
    }

    /// Pops entries until one says where to resume: `Some((pc, pos))`, or `None` when the
    /// attempt has failed.
    fn backtrack<C: Unit>(&mut self, prog: &Program, text: &[C], end: usize) -> Option<(usize, usize)> {
        while let Some(e) = self.stack.pop() {
            match e {
                Bt::Alt { pc, pos } => return Some((pc, pos)),
                Bt::Slot { slot, old, last } => {
                    self.slots[slot] = old;
                    self.lastindex = last;
                }
                Bt::Reg { reg, count, last } => self.regs[reg] = (count, last),
                Bt::Greedy { pc, start, mut count, min, lit } => {
                    while count > min {
                        count -= 1;
                        if lit == NO_LIT || (start + count < end && text[start + count].u() == lit) {
                            self.stack.push(Bt::Greedy { pc, start, count, min, lit });
                            return Some((pc, start + count));
                        }
                    }
                }
                Bt::Lazy { rep, start, mut count } => {
                    let Inst::RepeatOne { test, max, next_lit, .. } = &prog.insts[rep] else {
                        unreachable!("a lazy entry comes from a RepeatOne")
                    };
                    loop {
                        if count >= *max || start + count >= end || !test.matches(text[start + count].u()) {
                            break;
                        }
                        count += 1;
                        let p = start + count;
                        if next_lit.is_none_or(|l| p < end && text[p].u() == l) {
                            self.stack.push(Bt::Lazy { rep, start, count });
                            return Some((rep + 1, p));
                        }
                    }
                }
                Bt::LazyMore { top, pos } => {
                    let Inst::RepeatLoop { reg, max, body, .. } = prog.insts[top] else {
                        unreachable!("a lazy offer comes from a RepeatLoop")
                    };
                    let (c, last) = self.regs[reg];
                    if c < max && pos != last {
                        self.set_reg(reg, c + 1, pos);
                        return Some((body, pos));
                    }
                }
                Bt::Barrier { resume, pos } => {
                    if resume != NONE {
                        return Some((resume, pos));
                    }
                }
            }
        }
        None
    }

    fn reset(&mut self, prog: &Program) {
        self.stack.clear();
        self.slots.clear();
        self.slots.resize(prog.nslots, NONE);
        self.regs.clear();
        self.regs.resize(prog.nregs, (0, NONE));
        self.lastindex = NONE;
    }

    /// One attempt at `start` (the subject ending at `end`); on success the slots hold the
    /// groups.
    pub fn run<C: Unit>(&mut self, prog: &Program, text: &[C], end: usize, start: usize, mode: Mode) -> bool {
        self.reset(prog);
        let mut pc = 0;
        let mut pos = start;
        loop {
            let ok = match &prog.insts[pc] {
                Inst::Test(t) => {
                    if pos < end && t.matches(text[pos].u()) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::At(kind) => {
                    if at(*kind, text, pos, end) {
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Split(a, b) => {
                    self.stack.push(Bt::Alt { pc: *b, pos });
                    pc = *a;
                    true
                }
                Inst::Jmp(a) => {
                    pc = *a;
                    true
                }
                Inst::Save(slot) => {
                    self.set_slot(*slot, pos);
                    pc += 1;
                    true
                }
                Inst::RepeatOne { test, min, max, kind, next_lit } => {
                    match self.repeat_one(test, *min, *max, *kind, *next_lit, text, pos, end, pc) {
                        Some(p) => {
                            pos = p;
                            pc += 1;
                            true
                        }
                        None => false,
                    }
                }
                Inst::RepeatInit(reg) => {
                    self.set_reg(*reg, 0, NONE);
                    pc += 1;
                    true
                }
                &Inst::RepeatLoop { reg, min, max, greedy, body, exit } => {
                    let (c, last) = self.regs[reg];
                    if c < min {
                        self.set_reg(reg, c + 1, last);
                        pc = body;
                    } else if greedy {
                        if c < max && pos != last {
                            self.stack.push(Bt::Alt { pc: exit, pos });
                            self.set_reg(reg, c + 1, pos);
                            pc = body;
                        } else {
                            pc = exit;
                        }
                    } else {
                        self.stack.push(Bt::LazyMore { top: pc, pos });
                        pc = exit;
                    }
                    true
                }
                Inst::PossInit(reg) => {
                    self.set_reg(*reg, 0, NONE);
                    pc += 1;
                    true
                }
                &Inst::PossLoop { reg, min, max, body, exit } => {
                    let (c, last) = self.regs[reg];
                    if c < min {
                        self.stack.push(Bt::Barrier { resume: NONE, pos });
                        pc = body;
                    } else if c < max && pos != last {
                        self.stack.push(Bt::Barrier { resume: exit, pos });
                        self.set_reg(reg, c, pos);
                        pc = body;
                    } else {
                        pc = exit;
                    }
                    true
                }
                &Inst::PossEnd { reg, top } => {
                    self.cut();
                    let (c, last) = self.regs[reg];
                    self.set_reg(reg, c + 1, last);
                    pc = top;
                    true
                }
                Inst::AtomicStart => {
                    self.stack.push(Bt::Barrier { resume: NONE, pos });
                    pc += 1;
                    true
                }
                Inst::AtomicEnd => {
                    self.cut();
                    pc += 1;
                    true
                }
                &Inst::LookStart { behind, neg, after } => {
                    let from = match behind {
                        Some(w) => pos.checked_sub(w),
                        None => Some(pos),
                    };
                    match from {
                        Some(from) => {
                            self.stack.push(Bt::Barrier { resume: if neg { after } else { NONE }, pos });
                            pos = from;
                            pc += 1;
                            true
                        }
                        None if neg => {
                            pc = after;
                            true
                        }
                        None => false,
                    }
                }
                Inst::LookEnd { neg } => {
                    if *neg {
                        self.unwind_barrier();
                        false
                    } else {
                        pos = self.cut();
                        pc += 1;
                        true
                    }
                }
                &Inst::GroupRef { group, fold: how } => match self.group_ref(group, how, text, pos, end) {
                    Some(p) => {
                        pos = p;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                &Inst::GroupExists { group, no } => {
                    let (s, e) = (self.slots[2 * group], self.slots[2 * group + 1]);
                    pc = if s != NONE && e != NONE && e >= s { pc + 1 } else { no };
                    true
                }
                Inst::Match => {
                    if (mode.full && pos != end) || (mode.must_advance && pos == start) {
                        false
                    } else {
                        return true;
                    }
                }
            };
            if !ok {
                match self.backtrack(prog, text, end) {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return false,
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn repeat_one<C: Unit>(
        &mut self,
        test: &Test,
        min: usize,
        max: usize,
        kind: RepeatKind,
        next_lit: Option<u32>,
        text: &[C],
        pos: usize,
        end: usize,
        pc: usize,
    ) -> Option<usize> {
        let lim = max.min(end.saturating_sub(pos));
        if kind == RepeatKind::Lazy {
            for k in 0..min {
                if k >= lim || !test.matches(text[pos + k].u()) {
                    return None;
                }
            }
            if min < max {
                self.stack.push(Bt::Lazy { rep: pc, start: pos, count: min });
            }
            return Some(pos + min);
        }
        let mut count = 0;
        while count < lim && test.matches(text[pos + count].u()) {
            count += 1;
        }
        if count < min {
            return None;
        }
        if kind == RepeatKind::Possessive {
            return Some(pos + count);
        }
        let lit = next_lit.unwrap_or(NO_LIT);
        if lit != NO_LIT {
            while !(pos + count < end && text[pos + count].u() == lit) {
                if count == min {
                    return None;
                }
                count -= 1;
            }
        }
        if count > min {
            self.stack.push(Bt::Greedy { pc: pc + 1, start: pos, count, min, lit });
        }
        Some(pos + count)
    }

    fn group_ref<C: Unit>(&self, group: usize, how: Fold, text: &[C], pos: usize, end: usize) -> Option<usize> {
        let (s, e) = (self.slots[2 * group], self.slots[2 * group + 1]);
        if s == NONE || e == NONE || e < s {
            return None;
        }
        let n = e - s;
        if pos + n > end {
            return None;
        }
        for k in 0..n {
            let (a, b) = (text[s + k].u(), text[pos + k].u());
            if a != b && fold(a, how) != fold(b, how) {
                return None;
            }
        }
        Some(pos + n)
    }

    /// Tries `prog` at each position from `pos` to `end` (at `pos` only when `anchor`);
    /// `Some(start)` of the first match.
    pub fn search<C: Unit>(
        &mut self,
        prog: &Program,
        text: &[C],
        pos: usize,
        end: usize,
        mode: Mode,
        anchor: bool,
    ) -> bool {
        if pos > end {
            return false;
        }
        if anchor {
            return self.run(prog, text, end, pos, mode);
        }
        if prog.anchored {
            return pos == 0 && self.run(prog, text, end, 0, mode);
        }
        let mut start = pos;
        loop {
            if let Some(t) = &prog.first {
                while start < end && !t.matches(text[start].u()) {
                    start += 1;
                }
                if start >= end {
                    return false;
                }
            }
            let m = Mode { full: mode.full, must_advance: mode.must_advance && start == pos };
            if self.run(prog, text, end, start, m) {
                return true;
            }
            if start >= end {
                return false;
            }
            start += 1;
        }
    }
}

/// Whether zero-width test `kind` holds at `pos`.
fn at<C: Unit>(kind: AtKind, text: &[C], pos: usize, end: usize) -> bool {
    let nl = '\n' as u32;
    match kind {
        AtKind::Beginning | AtKind::BeginningString => pos == 0,
        AtKind::BeginningLine => pos == 0 || text[pos - 1].u() == nl,
        AtKind::End => pos == end || (pos + 1 == end && text[pos].u() == nl),
        AtKind::EndLine => pos == end || text[pos].u() == nl,
        AtKind::EndString => pos == end,
        AtKind::Boundary(u) | AtKind::NonBoundary(u) => {
            if end == 0 {
                return false;
            }
            let before = pos > 0 && is_word(text[pos - 1].u(), u);
            let after = pos < end && is_word(text[pos].u(), u);
            (before != after) == matches!(kind, AtKind::Boundary(_))
        }
    }
}
