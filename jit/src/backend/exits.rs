//! What guard exits write, and which exits share their stores (exit groups).
//!
//! A guard's exit writes its snapshot to the frame buffer, one store per word that changed
//! (see `codegen.rs`). On a wide frame that is most of the function: 575 guards over 200
//! locals that all change make 100,000 stores, and compiling them costs more than the trace
//! ever saves. Yet neighbouring guards' snapshots mostly agree: between two guards a few
//! locals change, the rest are the same values.
//!
//! Two things keep exits small:
//!
//! **Constants stay in the resume data.** A word whose snapshot operand is a constant is not
//! written at all ([`written`] gives `None` for it): whoever reads the exit's words takes it
//! from the snapshot (the driver fills such words in from its resume data before it reads
//! the buffer, and a bridge records them as constants, not as inputs). An inlined callee's
//! locals are constants until they are assigned, and its value stack mostly holds
//! constants: on a wide callee that is most of its words.
//!
//! **Exit groups.** Consecutive guards whose snapshots agree form a *group*, and each word
//! the group's exits write is written in one of three places, so that the words the members
//! agree on are stored once for all of them:
//! - *common* words, which the first member writes and every member that writes the word at
//!   all agrees with, are stored by the group's block, at the end of every member's exit;
//! - a word first written by a later member `m` (before it, members had a constant there or
//!   no such word), with which every later member that writes it agrees, is stored by `m`'s
//!   *delta block*: an exit runs its own delta block, then every earlier member's (those with
//!   nothing to store are left out of the chain), then the group's block. An inlined wide
//!   callee whose locals are assigned one by one stores each once, not once per later guard;
//! - the words where members disagree (*own* words) are stored by each member's exit itself,
//!   before it enters the chain.
//!
//! Along any member's path every word is stored at most once, so the order of the stores
//! does not matter, and each store is the member's own operand or one it agrees with. Words a
//! member has a constant for may be stored all the same by the blocks it shares: the driver
//! overwrites them from the resume data, and a bridge never reads them.
//!
//! Invariants the grouping relies on:
//! - a word of a delta block or the group's block is the operand of a member no later than
//!   any member whose exit runs that block, so it is defined before that member's guard,
//!   which dominates every later member (the trace is a straight line up to the label, and
//!   again from the label to the jump, but for diamonds that rejoin before the next op, such
//!   as a division's test of the dividend's sign): the shared blocks may use it;
//! - a group never crosses the label (the loop body can be entered at the label, where the
//!   preamble's guards are not on the way);
//! - members have no pending writes and build no virtual objects at the exit (those exits
//!   are left alone), and the guard fused with the loop's jump, whose exit is not cold, is
//!   never a member.
//!
//! What the exit writes is the snapshot with one substitution ([`known_on_failure`]): the
//! condition of `guard_true`/`guard_false`, whose value the failing proves.
//!
//! A guard joins the open group if that costs at most three quarters of the words it writes
//! (counting its new delta words, its own words, and the words the earlier members must now
//! store themselves because it disagrees on them) and at most a quarter of its words are its
//! own (which every later member that writes them stores too); else it starts a new group.
//!
//! Not done: sharing between guards that are not neighbours; chaining groups (a group's
//! block stores its first member's words again, even those the group before it stored).

use crate::ir::{Op, Opcode, Operand, Trace, Value};

/// Groups are only worth their extra jumps when their first member writes at least this
/// many words.
const MIN_COMMON: usize = 8;

/// Where an exit group stores one frame-buffer word (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum GroupWord {
    /// No member writes it (each has a constant or a virtual object there, or no such word).
    Unwritten,
    /// The group's block stores this operand, the first member's.
    Common(Operand),
    /// The delta block of member `m` (its index in the group) stores this operand.
    Since(Operand, u32),
    /// Members disagree: each stores its own.
    Own,
}

/// One exit group: how each word is stored, and how many members write each word (to count
/// what a word's becoming [`GroupWord::Own`] costs).
#[derive(Debug, Default)]
pub(crate) struct ExitGroup {
    pub words: Vec<GroupWord>,
    writers: Vec<u32>,
    members: u32,
}

/// Which exits share their stores.
#[derive(Debug, Default)]
pub(crate) struct ExitPlan {
    /// For each guard number: its group and its index among the group's members, if any.
    pub member_of: Vec<Option<(usize, u32)>>,
    pub groups: Vec<ExitGroup>,
}

/// Which values of `t` are results of comparisons (0 or 1).
pub(crate) fn booleans(t: &Trace) -> Vec<bool> {
    let mut out = vec![false; t.types.len()];
    for op in &t.ops {
        if let (Some(r), true) = (op.result, crate::opt::util::is_boolean(op.opcode)) {
            if let Some(b) = out.get_mut(r.0 as usize) {
                *b = true;
            }
        }
    }
    out
}

/// What a guard's failing says of its condition: `guard_true(x)` fails when `x` is 0, and
/// `guard_false(x)` of a comparison when it is 1. The exit writes that constant for `x`, so
/// `x` need not stay in a register for the exit (the comparison is then a branch only).
/// (Not the optimizer's business: a snapshot stays valid where the guard passes too, which
/// the driver's forced guard failures rely on; see `driver::force_guard_failure`.)
pub(crate) fn known_on_failure(op: &Op, booleans: &[bool]) -> Option<(Value, i64)> {
    match (op.opcode, op.args.as_slice()) {
        (Opcode::GuardTrue, &[Operand::Value(x)]) => Some((x, 0)),
        (Opcode::GuardFalse, &[Operand::Value(x)]) if booleans.get(x.0 as usize) == Some(&true) => Some((x, 1)),
        _ => None,
    }
}

/// The words guard `op`'s exit writes to the frame buffer, by position (see
/// `Snapshot::words`), with [`known_on_failure`] applied: `None` for a word whose snapshot
/// operand is a constant (left in the resume data, see the module docs), a virtual object
/// (its word is filled in by whoever builds the object) or no operand (the unused words
/// before the virtual objects' fields).
pub(crate) fn written(op: &Op, booleans: &[bool]) -> Vec<Option<Operand>> {
    let Some(s) = &op.snapshot else { return Vec::new() };
    let mut words = vec![None; s.word_count()];
    s.words().for_each(|(k, &o)| words[k] = matches!(o, Operand::Value(_)).then_some(o));
    if let Some((x, c)) = known_on_failure(op, booleans) {
        for w in words.iter_mut().flatten() {
            if *w == Operand::Value(x) {
                *w = Operand::Int(c);
            }
        }
    }
    words
}

impl ExitGroup {
    /// A group whose first member writes `words`.
    fn start(words: &[Option<Operand>]) -> ExitGroup {
        ExitGroup {
            words: words.iter().map(|w| w.map_or(GroupWord::Unwritten, GroupWord::Common)).collect(),
            writers: words.iter().map(|w| u32::from(w.is_some())).collect(),
            members: 1,
        }
    }

    /// Adds the exit writing `words` as the next member if that costs little enough (see the
    /// module docs); returns whether it did.
    fn join(&mut self, words: &[Option<Operand>]) -> bool {
        // What joining costs: the words it stores itself or in its delta block, and those
        // the earlier members must store themselves from now on (a word it disagrees on).
        let (mut cost, mut own, mut writes) = (0usize, 0usize, 0usize);
        for (k, w) in words.iter().enumerate() {
            let Some(o) = *w else { continue };
            writes += 1;
            match self.words.get(k).copied().unwrap_or(GroupWord::Unwritten) {
                GroupWord::Common(p) | GroupWord::Since(p, _) if p == o => {}
                GroupWord::Common(_) | GroupWord::Since(..) => {
                    cost += 1 + self.writers[k] as usize;
                    own += 1;
                }
                GroupWord::Own => {
                    cost += 1;
                    own += 1;
                }
                GroupWord::Unwritten => cost += 1,
            }
        }
        // (Own words cost every later member too: few are allowed.)
        if cost * 4 > writes * 3 || own * 4 > writes {
            return false;
        }
        if self.words.len() < words.len() {
            self.words.resize(words.len(), GroupWord::Unwritten);
            self.writers.resize(words.len(), 0);
        }
        let m = self.members;
        for (k, w) in words.iter().enumerate() {
            let Some(o) = *w else { continue };
            self.writers[k] += 1;
            self.words[k] = match self.words[k] {
                GroupWord::Unwritten => GroupWord::Since(o, m),
                GroupWord::Common(p) | GroupWord::Since(p, _) if p == o => continue,
                GroupWord::Common(_) | GroupWord::Since(..) | GroupWord::Own => GroupWord::Own,
            };
        }
        self.members += 1;
        true
    }
}

/// Groups the exits of `t` (see the module docs). `builds_virtuals`: exits make the objects
/// of their snapshots' virtuals themselves (such exits are not grouped).
pub(crate) fn plan(t: &Trace, booleans: &[bool], builds_virtuals: bool) -> ExitPlan {
    let n = t.ops.len();
    let fused = (n >= 2 && t.ops[n - 1].opcode == Opcode::Jump).then(|| n - 2);
    let label = t.label_index();
    let mut plan = ExitPlan::default();
    // The group being built: its number and region.
    let mut open: Option<(usize, bool)> = None;
    for (i, op) in t.ops.iter().enumerate() {
        if !op.opcode.is_guard() {
            continue;
        }
        let g = plan.member_of.len();
        plan.member_of.push(None);
        let Some(s) = &op.snapshot else { continue };
        let eligible = s.writes.is_empty() && !(builds_virtuals && !s.virtuals.is_empty()) && Some(i) != fused;
        if !eligible {
            continue;
        }
        let in_body = label.is_some_and(|l| i > l);
        let words = written(op, booleans);
        if let Some((gi, region)) = open {
            let group = &mut plan.groups[gi];
            if region == in_body && group.join(&words) {
                plan.member_of[g] = Some((gi, group.members - 1));
                continue;
            }
        }
        // This guard starts a group (a group of one is dropped below).
        if words.iter().flatten().count() >= MIN_COMMON {
            let gi = plan.groups.len();
            plan.groups.push(ExitGroup::start(&words));
            plan.member_of[g] = Some((gi, 0));
            open = Some((gi, in_body));
        } else {
            open = None;
        }
    }
    // Groups of one member keep their plain exit.
    for slot in &mut plan.member_of {
        if slot.is_some_and(|(gi, _)| plan.groups[gi].members < 2) {
            *slot = None;
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;
    use GroupWord::*;

    fn plan_of(src: &str) -> ExitPlan {
        let t = parse(src).unwrap();
        plan(&t, &booleans(&t), false)
    }

    /// Ten words, of which the last one is `last`.
    fn frame(last: &str) -> String {
        format!("k: i0, i0, i0, i0, i0, i0, i0, i0, i0, {last}")
    }

    #[test]
    fn neighbours_that_agree_share_their_common_words() {
        let p = plan_of(&format!(
            "inputs(i0, i9)\ni1 = int_add(i0, 1)\nguard_true(i9) [{}]\ni2 = int_add(i1, 1)\nguard_true(i9) [{}]\nfinish(i2)\n",
            frame("i1"),
            frame("i2")
        ));
        assert_eq!(p.member_of, vec![Some((0, 0)), Some((0, 1))]);
        // The first nine words are common; the last differs, each member writes its own.
        assert_eq!(p.groups[0].words[..9], [Common(Operand::Value(Value(0))); 9]);
        assert_eq!(p.groups[0].words[9], Own);
    }

    #[test]
    fn a_word_first_written_by_a_later_member_is_stored_by_its_delta_block() {
        // An inlined callee's locals, constants until assigned: each guard assigns one more.
        let p = plan_of(
            "inputs(i0, i1)\ni2 = int_add(i0, 1)\nguard_true(i1) [k: i0, i0, i0, i0, i0, i0, i0, i0, 0, 0, 0]\n\
             i3 = int_add(i0, 2)\nguard_true(i1) [k: i0, i0, i0, i0, i0, i0, i0, i0, i2, 0, 0]\n\
             i4 = int_add(i0, 3)\nguard_true(i1) [k: i0, i0, i0, i0, i0, i0, i0, i0, i2, i3, 0]\n\
             guard_true(i1) [k: i0, i0, i0, i0, i0, i0, i0, i0, i2, i3, i4]\nfinish(i0)\n",
        );
        assert_eq!(p.member_of, vec![Some((0, 0)), Some((0, 1)), Some((0, 2)), Some((0, 3))]);
        let words = &p.groups[0].words;
        assert_eq!(words[..8], [Common(Operand::Value(Value(0))); 8]);
        let v = |k| Operand::Value(Value(k));
        assert_eq!(words[8..], [Since(v(2), 1), Since(v(3), 2), Since(v(4), 3)]);
    }

    #[test]
    fn constants_are_not_written_and_agree_with_anything() {
        let t = parse("inputs(i0, p1, i2)\nguard_true(i2) [k: i0, 7, p1, ConstPtr(0)]\nfinish(i0)\n").unwrap();
        assert_eq!(
            written(&t.ops[0], &booleans(&t)),
            vec![Some(Operand::Value(Value(0))), None, Some(Operand::Value(Value(1))), None]
        );
        // A member with a constant where the first has a value keeps the word common.
        let p = plan_of(&format!(
            "inputs(i0, i1, i2)\nguard_true(i2) [{}]\nguard_true(i2) [{}]\nfinish(i0)\n",
            frame("i1"),
            frame("5")
        ));
        assert_eq!(p.member_of, vec![Some((0, 0)), Some((0, 1))]);
        assert_eq!(p.groups[0].words[9], Common(Operand::Value(Value(1))));
    }

    #[test]
    fn virtual_fields_stay_in_place_when_a_value_stack_grows() {
        // The second guard's frame has one more word (a push): the virtual's field word is
        // word 16 in both exits (see `ir::fields_at`), so the group stores it once.
        let f = "k: i0, i0, i0, i0, i0, i0, i0, i0, i0, v0";
        let p = plan_of(&format!(
            "descr Box = size 32\ndescr Box.v = field i64 +16\ninputs(i0, i1, i2)\n\
             guard_true(i2) [{f}] {{v0 = Box(Box.v=i1)}}\nguard_true(i2) [{f}, i0] {{v0 = Box(Box.v=i1)}}\nfinish(i0)\n"
        ));
        assert_eq!(p.member_of, vec![Some((0, 0)), Some((0, 1))]);
        assert_eq!(p.groups[0].words[16], Common(Operand::Value(Value(1))));
    }

    #[test]
    fn a_guard_that_would_cost_the_group_more_than_it_saves_starts_another() {
        // The second guard disagrees on four of its ten words: every earlier writer of those
        // would have to store them itself.
        let p = plan_of(
            "inputs(i0, i1, i9)\nguard_true(i9) [k: i0, i0, i0, i0, i0, i0, i0, i0, i0, i0]\n\
             guard_true(i9) [k: i1, i1, i1, i1, i0, i0, i0, i0, i0, i0]\nfinish(i0)\n",
        );
        assert_eq!(p.member_of, vec![None, None]);
    }

    #[test]
    fn small_or_disagreeing_snapshots_keep_their_own_exits() {
        let small = plan_of("inputs(i0, i9)\nguard_true(i9) [k: i0]\nguard_true(i9) [k: i0]\nfinish(i0)\n");
        assert_eq!(small.member_of, vec![None, None]);
        let differ = plan_of(&format!(
            "inputs(i0, i1, i9)\nguard_true(i9) [{}]\nguard_true(i9) [k: i1, i1, i1, i1, i1, i1, i1, i1, i1, i1]\nfinish(i0)\n",
            frame("i0")
        ));
        assert_eq!(differ.member_of, vec![None, None]);
    }

    #[test]
    fn a_group_does_not_cross_the_label_nor_take_the_guard_fused_with_the_jump() {
        let p = plan_of(&format!(
            "inputs(i0, i9)\nguard_true(i9) [{f}]\nguard_true(i9) [{f}]\nlabel(i0)\nguard_true(i9) [{f}]\n\
             guard_true(i9) [{f}]\nguard_true(i9) [{f}]\njump(i0)\n",
            f = frame("i0")
        ));
        assert_eq!(p.member_of, vec![Some((0, 0)), Some((0, 1)), Some((1, 0)), Some((1, 1)), None]);
    }

    #[test]
    fn the_failed_condition_is_written_as_the_constant_it_proves() {
        let t = parse("inputs(i0)\ni1 = int_lt(i0, 3)\nguard_true(i1) [k: i0, i1]\nfinish(i0)\n").unwrap();
        let guard = &t.ops[1];
        assert_eq!(written(guard, &booleans(&t)), vec![Some(Operand::Value(Value(0))), Some(Operand::Int(0))]);
    }

    #[test]
    fn exits_jump_to_one_dispatch_block_instead_of_branching_to_its_ends() {
        // A branch with two targets that passes arguments to a block with other predecessors
        // is a critical edge, which Cranelift splits into a block of its own: two per exit
        // when every exit branched to the shared tail call and return. Each exit jumps to
        // one dispatch block instead; the guards' own branches pass nothing.
        let t = parse(
            "inputs(i0, i1)\nguard_true(i1) [k: i0, i1]\ni2 = int_add_ovf(i0, 1)\nguard_no_overflow() [k: i2, i1]\n\
             i3 = int_lt(i2, 100)\nguard_true(i3) [k: i2, i1]\nfinish(i2)\n",
        )
        .unwrap();
        let isa = crate::backend::Backend::for_triple("x86_64-unknown-linux-gnu").unwrap();
        let links = crate::backend::codegen::ExitLinks {
            trace_id: 1,
            slots: 0x1000,
            returns: None,
            link_words: 64,
            materialize: None,
            virtual_inputs: true,
            label_entry: false,
        };
        let mut fctx = cranelift_frontend::FunctionBuilderContext::new();
        let f = crate::backend::codegen::translate(&t, isa.isa(), &mut fctx, Some(links)).unwrap();
        let text = f.display().to_string();
        let branches: Vec<&str> = text.lines().filter(|l| l.contains("brif ")).collect();
        assert!(branches.len() >= 4, "{text}");
        for line in branches {
            assert!(!line.contains('('), "a branch passes block arguments: {line}\n{text}");
        }
        assert!(
            text.contains("return_call_indirect") && text.lines().filter(|l| l.contains("return ")).count() == 1,
            "{text}"
        );
    }
}
