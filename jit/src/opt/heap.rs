//! Heap caching: removes memory reads whose result is already known.
//!
//! One forward walk that remembers what memory is known to hold, in a table from a *location*
//! to an operand:
//! - `getfield_*(p, descr=f)` at location `(f, p)`;
//! - `getarrayitem_*(a, i, descr=d)` at location `(d, a, i)`, where the index is normalized to
//!   *base + constant offset* by looking through `int_add`/`int_sub` of constants (a constant
//!   index has no base), so `a[x + 1]` and `a[y]` with `y = x + 1` are the same location;
//! - `arraylen(a, descr=d)` at location `(d, a)`.
//!
//! A read of a known location is removed and its result replaced by the known operand
//! everywhere after it (arguments, snapshots, `jump`/`finish`). A read of an unknown location
//! records its own result there. A write (`setfield`, `setarrayitem`) records the value it
//! writes (store-to-load forwarding) after forgetting every location it may overwrite:
//! - fields: the same descriptor on another object, unless both objects are distinct
//!   constants (two unknown references may be the same object);
//! - array items: the same descriptor, on an array that may be the same (again, only two
//!   distinct constants are known apart), at an index not provably different. Indices are
//!   provably different when they have the same base (or both none) and different constant
//!   offsets: `x + 1` and `x + 2`, or `3` and `4` (additions wrap, so equal bases with unequal
//!   offsets are unequal modulo 2^64 too);
//! - different descriptors never alias: descriptors are typed and name separate fields or
//!   separate kinds of array.
//!
//! A write of the value the table says the location already holds changes nothing and is
//! removed. A call whose effect may write (`write`, `mayraise`, `reenter`, or a call without
//! a call descriptor) forgets everything except immutable fields; `elidable` and `readonly`
//! calls keep the table. Allocations (`new`, `new_array`) keep it: the new object is none of
//! the objects the table knows about. Guards change no memory and keep it too; a guard that
//! pins a known value to a constant (`guard_false(x)`, `guard_value(x, 3)`, `guard_true` of a
//! comparison, `guard_isnull`) even refines the entries holding `x` to that constant, so that
//! bf's `[` (a zero test of the cell) lets later reads of the cell fold.
//!
//! Memory holds a written value truncated to the descriptor's kind: writing 256 to a `u8`
//! item and reading it back gives 0. So a forwarded write is only used as it is when it
//! provably fits the kind (a wide kind `i64`/`f64`/`ref`, a constant in range, a comparison,
//! or a value that was itself read from memory of a kind that fits). Otherwise the read is
//! replaced by the truncation, computed in registers: `int_and` with the mask for `u8`/`u32`,
//! a left then arithmetic right shift for `i8`/`i32`, or the truncated constant.
//!
//! At the `label` the table is emptied: the loop body is also entered from its own back edge,
//! where the preamble's knowledge need not hold (the values it names may be rebound, and the
//! previous iteration wrote memory). The index normalization likewise forgets definitions that
//! mention the label's arguments (see `util.rs`).
//!
//! Not done here: caching across the label (a short preamble would pass known contents as
//! extra label arguments), escape analysis and virtual objects (allocations whose fields are
//! only ever read in the trace; they come with allocation removal), removing writes that are
//! overwritten before any read (dead stores: a guard in between would need the old value in
//! memory), or alias facts from guards (`ptr_ne(p, q)` passing).

use super::util::{is_boolean, Defs, Rewriter};
use crate::ir::*;
use std::collections::HashMap;

/// An array index as `base + offset` (wrapping); a constant index has no base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Index {
    base: Option<Value>,
    offset: i64,
}

/// A memory location the table knows about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Loc {
    /// A field of an object.
    Field(DescrId, Operand),
    /// An item of an array.
    Item(DescrId, Operand, Index),
    /// The length of an array.
    Len(DescrId, Operand),
}

/// The memory kind a location holds, and whether it survives writing calls.
fn kind_of(t: &Trace, d: DescrId, loc_is_len: bool) -> (MemKind, bool) {
    match &t.descr(d).kind {
        _ if loc_is_len => (MemKind::I64, false),
        DescrKind::Field(f) => (f.kind, f.immutable),
        DescrKind::Array(a) => (a.kind, false),
        _ => unreachable!("memory operations have field or array descriptors"),
    }
}

/// The closed interval of integers a kind can hold (the whole 64-bit range for wide kinds).
fn kind_range(k: MemKind) -> (i64, i64) {
    match k {
        MemKind::I8 => (i8::MIN as i64, i8::MAX as i64),
        MemKind::U8 => (0, u8::MAX as i64),
        MemKind::I32 => (i32::MIN as i64, i32::MAX as i64),
        MemKind::U32 => (0, u32::MAX as i64),
        MemKind::I64 | MemKind::F64 | MemKind::Ref => (i64::MIN, i64::MAX),
    }
}

/// What reading back the integer `c` after writing it to memory of kind `k` gives.
fn truncate(k: MemKind, c: i64) -> i64 {
    match k {
        MemKind::I8 => c as i8 as i64,
        MemKind::U8 => c as u8 as i64,
        MemKind::I32 => c as i32 as i64,
        MemKind::U32 => c as u32 as i64,
        MemKind::I64 | MemKind::F64 | MemKind::Ref => c,
    }
}

/// The walk's state.
struct Heap {
    rw: Rewriter,
    /// Pure definitions seen so far (for index normalization and value ranges).
    defs: Defs,
    /// What each known location holds: reading it gives this operand truncated to its kind.
    known: HashMap<Loc, Operand>,
    /// Values read from memory, with the kind they were read as (so they fit that kind).
    read_as: HashMap<Value, MemKind>,
}

impl Heap {
    /// The index `o` as base + constant offset.
    fn index(&self, o: Operand) -> Index {
        let (mut base, mut offset) = (o, 0i64);
        // Chains are short (fold collapses them); the bound only guards against surprises.
        for _ in 0..16 {
            let Operand::Value(v) = base else { break };
            let step = match self.defs.get(&v) {
                Some((Opcode::IntAdd, args)) => match args.as_slice() {
                    &[x, Operand::Int(c)] | &[Operand::Int(c), x] => Some((x, c)),
                    _ => None,
                },
                Some((Opcode::IntSub, args)) => match args.as_slice() {
                    &[x, Operand::Int(c)] => Some((x, c.wrapping_neg())),
                    _ => None,
                },
                _ => None,
            };
            let Some((x, c)) = step else { break };
            base = x;
            offset = offset.wrapping_add(c);
        }
        match base {
            Operand::Int(c) => Index { base: None, offset: offset.wrapping_add(c) },
            Operand::Value(v) => Index { base: Some(v), offset },
            _ => unreachable!("array indices are integers"),
        }
    }

    /// Whether the operand provably fits memory of kind `k` (reading it back gives it).
    fn fits(&self, k: MemKind, o: Operand) -> bool {
        let (lo, hi) = kind_range(k);
        let within = |(a, b): (i64, i64)| lo <= a && b <= hi;
        match o {
            _ if (lo, hi) == (i64::MIN, i64::MAX) => true,
            Operand::Int(c) => truncate(k, c) == c,
            Operand::Value(v) => {
                if let Some(&r) = self.read_as.get(&v) {
                    return within(kind_range(r));
                }
                match self.defs.get(&v) {
                    Some((opcode, _)) if is_boolean(*opcode) => within((0, 1)),
                    Some((Opcode::IntAnd, args)) => {
                        args.iter().any(|a| a.as_int().is_some_and(|m| m >= 0 && within((0, m))))
                    }
                    _ => false,
                }
            }
            _ => false, // float and reference constants only go to wide kinds
        }
    }

    /// Forgets every location a write to `loc` may overwrite (including `loc` itself).
    fn clobber(&mut self, loc: Loc) {
        let may_alias = |p: Operand, q: Operand| p == q || !(p.is_const() && q.is_const());
        let differ = |i: Index, j: Index| i.base == j.base && i.offset != j.offset;
        self.known.retain(|&k, _| match (loc, k) {
            (Loc::Field(f, p), Loc::Field(g, q)) => f != g || !may_alias(p, q),
            (Loc::Item(d, a, i), Loc::Item(e, b, j)) => d != e || !may_alias(a, b) || differ(i, j),
            _ => true,
        });
    }

    /// Forgets everything a call that writes memory may change: all but immutable fields.
    fn forget_for_call(&mut self, t: &Trace) {
        self.known.retain(|&k, _| matches!(k, Loc::Field(f, _) if kind_of(t, f, false).1));
    }

    /// A guard that passed and pins a value to a constant (`guard_false(x)`, `guard_true` of a
    /// comparison, `guard_value(x, C)` of an integer or reference, `guard_isnull(p)`): the
    /// locations known to hold `x` hold that constant. Later reads then see the constant
    /// (guard elimination has already substituted it for the uses it saw; a read this pass
    /// forwards is a new use).
    fn learn_from_guard(&mut self, t: &Trace, op: &Op) {
        let (x, c) = match (op.opcode, op.args.as_slice()) {
            (Opcode::GuardFalse, &[Operand::Value(x)]) => (x, Operand::Int(0)),
            (Opcode::GuardTrue, &[Operand::Value(x)])
                if self.defs.get(&x).is_some_and(|(opcode, _)| is_boolean(*opcode)) =>
            {
                (x, Operand::Int(1))
            }
            (Opcode::GuardValue, &[Operand::Value(x), c @ (Operand::Int(_) | Operand::Ref(_))])
                if t.type_of(x) != Type::Float =>
            {
                (x, c)
            }
            (Opcode::GuardIsNull, &[Operand::Value(x)]) => (x, Operand::Ref(0)),
            _ => return,
        };
        for v in self.known.values_mut() {
            if *v == Operand::Value(x) {
                *v = c;
            }
        }
    }

    /// At the label: forgets all contents, and facts about the label's arguments.
    fn enter_label(&mut self) {
        self.rw.enter_label();
        self.known.clear();
        let rw = &self.rw;
        self.defs.retain(|&v, (_, args)| !rw.is_rebound(v) && !args.iter().any(|&a| rw.is_rebound_operand(a)));
        self.read_as.retain(|&v, _| !rw.is_rebound(v));
    }
}

/// The location an operation reads or writes, if it is a memory operation.
fn location(heap: &Heap, op: &Op) -> Option<Loc> {
    use Opcode::*;
    let d = op.descr?;
    Some(match op.opcode {
        GetfieldI | GetfieldF | GetfieldR | Setfield => Loc::Field(d, op.args[0]),
        GetarrayitemI | GetarrayitemF | GetarrayitemR | Setarrayitem => {
            Loc::Item(d, op.args[0], heap.index(op.args[1]))
        }
        Arraylen => Loc::Len(d, op.args[0]),
        _ => return None,
    })
}

/// Runs heap caching over the trace.
pub fn run(t: &mut Trace) {
    let mut heap = Heap { rw: Rewriter::new(t), defs: Defs::new(), known: HashMap::new(), read_as: HashMap::new() };
    let ops = std::mem::take(&mut t.ops);
    let mut out = Vec::with_capacity(ops.len());
    for mut op in ops {
        if op.opcode == Opcode::Label {
            heap.enter_label();
        }
        heap.rw.rewrite(&mut op);
        if let Some(loc) = location(&heap, &op) {
            let d = op.descr.expect("memory operations have a descr");
            let (kind, _) = kind_of(t, d, matches!(loc, Loc::Len(..)));
            if let Some(r) = op.result {
                if !read(t, &mut heap, &mut out, &mut op, loc, kind, r) {
                    continue;
                }
            } else {
                let written = *op.args.last().expect("a write has a value");
                if heap.known.get(&loc) == Some(&written) {
                    continue; // the location already holds it
                }
                heap.clobber(loc);
                heap.known.insert(loc, written);
            }
        } else if op.opcode.is_call() {
            if t.call_descr(&op).is_none_or(|c| c.effect.writes()) {
                heap.forget_for_call(t);
            }
        } else if op.opcode.is_guard() {
            heap.learn_from_guard(t, &op);
        } else if op.opcode.has(flags::EFFECT) {
            heap.known.clear(); // an effect this pass does not know about
        } else if let (Some(r), true) = (op.result, op.opcode.is_pure()) {
            heap.defs.insert(r, (op.opcode, op.args.clone()));
        }
        out.push(op);
    }
    t.ops = out;
}

/// Handles a read of `loc` defining `r`: returns whether to keep `op` (possibly rewritten
/// into the truncation of a forwarded write); `false` when it is removed.
fn read(t: &mut Trace, heap: &mut Heap, out: &mut Vec<Op>, op: &mut Op, loc: Loc, kind: MemKind, r: Value) -> bool {
    let Some(&known) = heap.known.get(&loc) else {
        heap.known.insert(loc, Operand::Value(r));
        heap.read_as.insert(r, kind);
        return true;
    };
    let with = match known {
        o if heap.fits(kind, o) => o,
        Operand::Int(c) => Operand::Int(truncate(kind, c)),
        Operand::Value(v) => {
            // A forwarded write of a value that may not fit: the read becomes its truncation,
            // defining the same result (so this also works for a label argument's definition).
            let x = Operand::Value(v);
            let (first, second) = match kind {
                MemKind::U8 => (Op::new(Opcode::IntAnd, vec![x, Operand::Int(0xff)], Some(r)), None),
                MemKind::U32 => (Op::new(Opcode::IntAnd, vec![x, Operand::Int(0xffff_ffff)], Some(r)), None),
                MemKind::I8 | MemKind::I32 => {
                    let bits = if kind == MemKind::I8 { 56 } else { 32 };
                    let s = t.new_value(Type::Int);
                    let shl = Op::new(Opcode::IntLshift, vec![x, Operand::Int(bits)], Some(s));
                    (shl, Some(Op::new(Opcode::IntRshift, vec![Operand::Value(s), Operand::Int(bits)], Some(r))))
                }
                MemKind::I64 | MemKind::F64 | MemKind::Ref => unreachable!("wide kinds always fit"),
            };
            let last = match second {
                Some(second) => {
                    heap.defs.insert(first.result.unwrap(), (first.opcode, first.args.clone()));
                    out.push(first);
                    second
                }
                None => first,
            };
            heap.defs.insert(r, (last.opcode, last.args.clone()));
            *op = last;
            heap.known.insert(loc, Operand::Value(r));
            heap.read_as.insert(r, kind);
            return true;
        }
        _ => unreachable!("float and reference constants fit their kinds"),
    };
    !heap.rw.replace(r, with)
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::opt::check;

    fn heap(input: &str, expected: &str) {
        check(run, input, expected);
    }

    fn unchanged(input: &str) {
        check(run, input, input);
    }

    const DESCRS: &str = "\
descr f = field i64 +8
descr g = field i64 +16
descr imm = field i64 +24 immutable
descr a = array i64 base=8 len=+0
descr b = array i64 base=8 len=+0
descr tape = array u8 base=0
descr sb = array i8 base=0
descr w = call(i) -> none write
descr e = call(i) -> i elidable
descr ro = call(i) -> i readonly
";

    fn with_descrs(body: &str) -> String {
        format!("{DESCRS}{body}")
    }

    #[test]
    fn read_after_read() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=f)\n\
                 i4 = getarrayitem_i(p0, i1, descr=a)\ni5 = getarrayitem_i(p0, i1, descr=a)\n\
                 i6 = arraylen(p0, descr=a)\ni7 = arraylen(p0, descr=a)\nguard_true(i3) [k: i5, i7]\n\
                 finish(i2, i3, i4, i5, i6, i7)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni4 = getarrayitem_i(p0, i1, descr=a)\n\
                 i6 = arraylen(p0, descr=a)\nguard_true(i2) [k: i4, i6]\nfinish(i2, i2, i4, i4, i6, i6)\n",
            ),
        );
    }

    #[test]
    fn equal_indices_written_differently_are_one_location() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = int_add(i1, 1)\ni3 = getarrayitem_i(p0, i2, descr=a)\ni4 = int_sub(i1, -1)\n\
                 i5 = getarrayitem_i(p0, i4, descr=a)\nfinish(i3, i5)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = int_add(i1, 1)\ni3 = getarrayitem_i(p0, i2, descr=a)\ni4 = int_sub(i1, -1)\n\
                 finish(i3, i3)\n",
            ),
        );
    }

    #[test]
    fn read_after_write_is_forwarded() {
        heap(
            &with_descrs(
                "inputs(p0, i1, i2)\nsetfield(p0, i2, descr=f)\ni3 = getfield_i(p0, descr=f)\n\
                 setarrayitem(p0, i1, i2, descr=a)\ni4 = getarrayitem_i(p0, i1, descr=a)\nfinish(i3, i4)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2)\nsetfield(p0, i2, descr=f)\nsetarrayitem(p0, i1, i2, descr=a)\nfinish(i2, i2)\n",
            ),
        );
    }

    #[test]
    fn forwarded_narrow_writes_are_truncated() {
        // A u8 item holds the written value modulo 256; an i8 item sign-extends; constants
        // are truncated at once; a value read from a u8 item fits one.
        heap(
            &with_descrs(
                "inputs(p0, i1, i2)\nsetarrayitem(p0, i1, i2, descr=tape)\ni3 = getarrayitem_i(p0, i1, descr=tape)\n\
                 i4 = getarrayitem_i(p0, i1, descr=tape)\nsetarrayitem(p0, 0, 300, descr=tape)\n\
                 i5 = getarrayitem_i(p0, 0, descr=tape)\nsetarrayitem(p0, i1, i2, descr=sb)\n\
                 i6 = getarrayitem_i(p0, i1, descr=sb)\nsetarrayitem(p0, 1, i3, descr=tape)\n\
                 i7 = getarrayitem_i(p0, 1, descr=tape)\nfinish(i3, i4, i5, i6, i7)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2)\nsetarrayitem(p0, i1, i2, descr=tape)\ni3 = int_and(i2, 255)\n\
                 setarrayitem(p0, 0, 300, descr=tape)\nsetarrayitem(p0, i1, i2, descr=sb)\ni4 = int_lshift(i2, 56)\n\
                 i5 = int_rshift(i4, 56)\nsetarrayitem(p0, 1, i3, descr=tape)\nfinish(i3, i3, 44, i5, i3)\n",
            ),
        );
    }

    #[test]
    fn write_to_an_unknown_index_forgets_items_of_the_same_descr() {
        // a[i2] may be a[i1]; b and the field f are separate.
        heap(
            &with_descrs(
                "inputs(p0, i1, i2, i3)\ni4 = getarrayitem_i(p0, i1, descr=a)\ni5 = getarrayitem_i(p0, i1, descr=b)\n\
                 i6 = getfield_i(p0, descr=f)\nsetarrayitem(p0, i2, i3, descr=a)\ni7 = getarrayitem_i(p0, i1, descr=a)\n\
                 i8 = getarrayitem_i(p0, i1, descr=b)\ni9 = getfield_i(p0, descr=f)\nfinish(i4, i5, i6, i7, i8, i9)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2, i3)\ni4 = getarrayitem_i(p0, i1, descr=a)\ni5 = getarrayitem_i(p0, i1, descr=b)\n\
                 i6 = getfield_i(p0, descr=f)\nsetarrayitem(p0, i2, i3, descr=a)\ni7 = getarrayitem_i(p0, i1, descr=a)\n\
                 finish(i4, i5, i6, i7, i5, i6)\n",
            ),
        );
    }

    #[test]
    fn write_to_another_array_that_may_alias_forgets() {
        unchanged(&with_descrs(
            "inputs(p0, p1, i2)\ni3 = getarrayitem_i(p0, 0, descr=a)\nsetarrayitem(p1, 0, i2, descr=a)\n\
             i4 = getarrayitem_i(p0, 0, descr=a)\nfinish(i3, i4)\n",
        ));
    }

    #[test]
    fn distinct_constant_indices_and_offsets_do_not_alias() {
        // a[1] = .. keeps a[0] but may be a[i1 + 1]; a[i1 + 2] = .. and a[i1 - 1] = .. keep
        // a[i1 + 1] but may be a[0].
        heap(
            &with_descrs(
                "inputs(p0, i1, i2)\ni3 = getarrayitem_i(p0, 0, descr=a)\ni4 = int_add(i1, 1)\n\
                 i5 = getarrayitem_i(p0, i4, descr=a)\nsetarrayitem(p0, 1, i2, descr=a)\n\
                 i6 = getarrayitem_i(p0, 0, descr=a)\ni7 = getarrayitem_i(p0, i4, descr=a)\ni8 = int_add(i1, 2)\n\
                 setarrayitem(p0, i8, i2, descr=a)\ni9 = int_sub(i1, 1)\nsetarrayitem(p0, i9, i2, descr=a)\n\
                 i10 = getarrayitem_i(p0, i4, descr=a)\ni11 = getarrayitem_i(p0, i8, descr=a)\n\
                 i12 = getarrayitem_i(p0, 0, descr=a)\nfinish(i3, i5, i6, i7, i10, i11, i12)\n",
            ),
            &with_descrs(
                "inputs(p0, i1, i2)\ni3 = getarrayitem_i(p0, 0, descr=a)\ni4 = int_add(i1, 1)\n\
                 i5 = getarrayitem_i(p0, i4, descr=a)\nsetarrayitem(p0, 1, i2, descr=a)\n\
                 i7 = getarrayitem_i(p0, i4, descr=a)\ni8 = int_add(i1, 2)\n\
                 setarrayitem(p0, i8, i2, descr=a)\ni9 = int_sub(i1, 1)\nsetarrayitem(p0, i9, i2, descr=a)\n\
                 i12 = getarrayitem_i(p0, 0, descr=a)\nfinish(i3, i5, i3, i7, i7, i2, i12)\n",
            ),
        );
    }

    #[test]
    fn fields_of_distinct_constant_objects_do_not_alias() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(ConstPtr(1), descr=f)\nsetfield(ConstPtr(2), i1, descr=f)\n\
                 i3 = getfield_i(ConstPtr(1), descr=f)\nsetfield(p0, i1, descr=f)\ni4 = getfield_i(ConstPtr(1), descr=f)\n\
                 finish(i2, i3, i4)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(ConstPtr(1), descr=f)\nsetfield(ConstPtr(2), i1, descr=f)\n\
                 setfield(p0, i1, descr=f)\ni3 = getfield_i(ConstPtr(1), descr=f)\nfinish(i2, i2, i3)\n",
            ),
        );
    }

    #[test]
    fn write_to_a_field_forgets_the_same_field_of_other_objects_only() {
        heap(
            &with_descrs(
                "inputs(p0, p1, i2)\ni3 = getfield_i(p0, descr=f)\ni4 = getfield_i(p0, descr=g)\n\
                 setfield(p1, i2, descr=f)\ni5 = getfield_i(p0, descr=f)\ni6 = getfield_i(p0, descr=g)\n\
                 i7 = getfield_i(p1, descr=f)\nfinish(i3, i4, i5, i6, i7)\n",
            ),
            &with_descrs(
                "inputs(p0, p1, i2)\ni3 = getfield_i(p0, descr=f)\ni4 = getfield_i(p0, descr=g)\n\
                 setfield(p1, i2, descr=f)\ni5 = getfield_i(p0, descr=f)\nfinish(i3, i4, i5, i4, i2)\n",
            ),
        );
    }

    #[test]
    fn writing_call_forgets_all_but_immutable_fields() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\n\
                 i4 = arraylen(p0, descr=a)\ncall_n(i1, descr=w)\ni5 = getfield_i(p0, descr=f)\n\
                 i6 = getfield_i(p0, descr=imm)\ni7 = arraylen(p0, descr=a)\nfinish(i2, i3, i4, i5, i6, i7)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\n\
                 i4 = arraylen(p0, descr=a)\ncall_n(i1, descr=w)\ni5 = getfield_i(p0, descr=f)\n\
                 i6 = arraylen(p0, descr=a)\nfinish(i2, i3, i4, i5, i3, i6)\n",
            ),
        );
    }

    #[test]
    fn elidable_and_readonly_calls_and_guards_keep_the_cache() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = call_i(i1, descr=e)\ni4 = call_i(i1, descr=ro)\n\
                 guard_true(i3) [k: i2]\ni5 = getfield_i(p0, descr=f)\nfinish(i2, i3, i4, i5)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = call_i(i1, descr=e)\ni4 = call_i(i1, descr=ro)\n\
                 guard_true(i3) [k: i2]\nfinish(i2, i3, i4, i2)\n",
            ),
        );
    }

    #[test]
    fn guards_refine_known_values_to_constants() {
        // bf's `[`: the cell is tested for zero, so a later read of it is 0.
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getarrayitem_i(p0, i1, descr=tape)\nguard_false(i2) [k: i1]\n\
                 i3 = getfield_i(p0, descr=f)\nguard_value(i3, 7) [k: i1]\ni4 = getarrayitem_i(p0, i1, descr=tape)\n\
                 i5 = getfield_i(p0, descr=f)\nfinish(i4, i5)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getarrayitem_i(p0, i1, descr=tape)\nguard_false(i2) [k: i1]\n\
                 i3 = getfield_i(p0, descr=f)\nguard_value(i3, 7) [k: i1]\nfinish(0, 7)\n",
            ),
        );
        // guard_true only pins comparisons (other non-zero values are not 1).
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\nguard_true(i2) [k: i1]\ni3 = getfield_i(p0, descr=f)\n\
                 i4 = int_lt(i1, 5)\nsetfield(p0, i4, descr=g)\nguard_true(i4) [k: i1]\ni5 = getfield_i(p0, descr=g)\n\
                 finish(i3, i5)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\nguard_true(i2) [k: i1]\ni4 = int_lt(i1, 5)\n\
                 setfield(p0, i4, descr=g)\nguard_true(i4) [k: i1]\nfinish(i2, 1)\n",
            ),
        );
    }

    #[test]
    fn label_forgets_everything() {
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\nlabel(i1)\n\
                 i4 = getfield_i(p0, descr=f)\ni5 = getfield_i(p0, descr=imm)\ni6 = getfield_i(p0, descr=f)\n\
                 i7 = int_add(i1, i4)\ni8 = int_add(i7, i5)\ni9 = int_add(i8, i6)\njump(i9)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=imm)\nlabel(i1)\n\
                 i4 = getfield_i(p0, descr=f)\ni5 = getfield_i(p0, descr=imm)\n\
                 i7 = int_add(i1, i4)\ni8 = int_add(i7, i5)\ni9 = int_add(i8, i4)\njump(i9)\n",
            ),
        );
    }

    #[test]
    fn index_bases_that_are_label_arguments_start_over() {
        // In the preamble i2 is i1 + 1; after the label it is the loop-carried value, so
        // a[i2] and a[i1 + 1] are no longer known to be one location, nor different ones.
        heap(
            &with_descrs(
                "inputs(p0, i1)\ni2 = int_add(i1, 1)\nlabel(i2)\ni3 = int_add(i1, 1)\ni4 = getarrayitem_i(p0, i3, descr=a)\n\
                 setarrayitem(p0, i2, 7, descr=a)\ni5 = getarrayitem_i(p0, i3, descr=a)\ni6 = int_add(i4, i5)\n\
                 jump(i6)\n",
            ),
            &with_descrs(
                "inputs(p0, i1)\ni2 = int_add(i1, 1)\nlabel(i2)\ni3 = int_add(i1, 1)\ni4 = getarrayitem_i(p0, i3, descr=a)\n\
                 setarrayitem(p0, i2, 7, descr=a)\ni5 = getarrayitem_i(p0, i3, descr=a)\ni6 = int_add(i4, i5)\n\
                 jump(i6)\n",
            ),
        );
    }

    #[test]
    fn redundant_writes_are_removed() {
        // Writing back what was read, or writing the same value twice, changes nothing; a
        // write in between to a location that may alias makes the second one needed again.
        heap(
            &with_descrs(
                "inputs(p0, p1, i2)\ni3 = getfield_i(p0, descr=f)\nsetfield(p0, i3, descr=f)\n\
                 setarrayitem(p0, 3, i2, descr=tape)\nsetarrayitem(p0, 3, i2, descr=tape)\n\
                 setfield(p1, i2, descr=f)\nsetfield(p0, i3, descr=f)\nfinish(i3)\n",
            ),
            &with_descrs(
                "inputs(p0, p1, i2)\ni3 = getfield_i(p0, descr=f)\nsetarrayitem(p0, 3, i2, descr=tape)\n\
                 setfield(p1, i2, descr=f)\nsetfield(p0, i3, descr=f)\nfinish(i3)\n",
            ),
        );
    }

    #[test]
    fn label_argument_read_keeps_its_definition() {
        // i3 is the loop slot: in the preamble it equals i2, but it must stay defined.
        heap(
            &with_descrs(
                "inputs(p0)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=f)\ni4 = int_add(i3, 1)\n\
                 label(i3)\ni5 = int_add(i3, 1)\njump(i5)\n",
            ),
            &with_descrs(
                "inputs(p0)\ni2 = getfield_i(p0, descr=f)\ni3 = getfield_i(p0, descr=f)\ni4 = int_add(i2, 1)\n\
                 label(i3)\ni5 = int_add(i3, 1)\njump(i5)\n",
            ),
        );
    }
}
