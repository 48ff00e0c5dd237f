//! Exceptions: making them, matching them against `except` clauses, their tracebacks, and
//! printing an uncaught one the way CPython does.
//!
//! An exception is an instance of a class deriving from `BaseException`: a user class's
//! instance like any other (see `classes`), whose `args` and `__traceback__`, `__cause__`,
//! `__context__` are attributes. The traceback is a chain of [`TRACEBACK`] entries, outermost
//! first, each naming a code object and a line; a frame the exception passes through adds its
//! entry in front.

use crate::objects::*;
use crate::space::{Outcome, Space};
use crate::{classes, Py, Python};
use metatrace::{Concrete, Ctx};

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// `KeyError(key)`, as a missing key raises it (outside traces): its `args` is the key itself,
/// so its message is the key's repr.
pub fn key_error<S: Space>(cx: &mut metatrace::Concrete<'_, Py<S>>, rt: &Python, key: usize) -> usize {
    let ty = rt.builtin_type("KeyError");
    let args = crate::interp_tuple1(cx, key);
    classes::new_exception(cx, rt, ty, args)
}

/// A new exception of builtin class `class` with message `msg` (as `class(msg)` would make).
pub fn new_error<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, class: &str, msg: &str) -> C::Ref {
    let ty = cx.const_ref(rt.builtin_type(class));
    let m = crate::strings::str_from(cx, msg);
    let args = crate::interp::tuple(cx, &[m]);
    let e = classes::new_exception(cx, rt, ty, args);
    // The name a NameError or AttributeError is about (the last quoted part of its message).
    if matches!(class, "NameError" | "UnboundLocalError" | "AttributeError") {
        let quoted = if class == "AttributeError" {
            msg.rsplit_once("attribute '").and_then(|(_, r)| r.strip_suffix('\''))
        } else {
            msg.split('\'').nth(1)
        };
        let name = match quoted {
            Some(n) => crate::strings::str_from(cx, n),
            None => cx.const_ref(rt.none.get()),
        };
        classes::set_slot(cx, rt, e, "name", name);
        if class == "AttributeError" {
            let none = cx.const_ref(rt.none.get());
            classes::set_slot(cx, rt, e, "obj", none);
        }
    }
    e
}

/// Adds the frame running `code` at instruction `pc` in front of `e`'s traceback.
pub fn add_traceback<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, e: C::Ref, code: u32, pc: u32) {
    if let Some(tb) = traceback_entry(cx, rt, e, code, pc) {
        classes::set_slot(cx, rt, e, "__traceback__", tb);
    }
}

/// The traceback entry for the frame running `code` at instruction `pc` (whose line and
/// columns the entry reports) in front of `e`'s traceback
/// (a new object: nothing is written to `e`), if `e` is an exception instance.
pub fn traceback_entry<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    e: C::Ref,
    code: u32,
    pc: u32,
) -> Option<C::Ref> {
    if cx.promote_class(e) != INSTANCE.class() {
        return None;
    }
    let prev = classes::get_slot(cx, rt, e, "__traceback__");
    if hidden_frames(&rt.code(code).filename) {
        return Some(prev.unwrap_or_else(|| cx.const_ref(rt.none.get())));
    }
    let tb = cx.new_object(&TRACEBACK);
    let prev = prev.unwrap_or_else(|| cx.const_ref(0));
    let none = cx.const_ref(rt.none.get());
    let is_none = cx.ptr_eq(prev, none);
    let prev = if cx.is_true(is_none) { cx.const_ref(0) } else { prev };
    cx.setfield_ref(tb, &TB_NEXT, prev);
    let (k, l) = (cx.int(code as i64), cx.int(pc as i64));
    cx.setfield_int(tb, &TB_CODE, k);
    cx.setfield_int(tb, &TB_PC, l);
    Some(tb)
}

/// Whether the frames of code from `filename` stay out of tracebacks: the library modules
/// mtpy writes in Python where CPython's are written in C (`open`, `heapq.heappop`,
/// `functools.reduce`, `Decimal(...)` show no frame of their own in CPython's tracebacks;
/// the user code they call back does).
fn hidden_frames(filename: &str) -> bool {
    const C_MODULES: &[&str] = &[
        "_io",
        "io",
        "_sys",
        "_time",
        "_moduledict",
        "_suggest",
        "_asyncgen",
        "itertools",
        "operator",
        "heapq",
        "bisect",
        "functools",
        "collections",
        "array",
        "struct",
        "datetime",
        "decimal",
        "cmath",
        "binascii",
        "zlib",
        "math",
        "time",
        "atexit",
        "_codecs",
        "hashlib",
    ];
    filename.strip_prefix("<frozen ").and_then(|n| n.strip_suffix('>')).is_some_and(|n| C_MODULES.contains(&n))
}

/// Whether `e` is an instance of the builtin class named `class`.
pub fn is_instance<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, e: C::Ref, class: &str) -> bool {
    if cx.promote_class(e) != INSTANCE.class() {
        return false;
    }
    let ty = cx.getfield_ref(e, &INST_TYPE);
    let ty = cx.promote_ref(ty);
    classes::is_subclass(rt, ty, rt.builtin_type(class))
}

/// `except ty:` — whether exception `e` matches `ty` (a class or a tuple of classes).
pub fn exc_match<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, e: C::Ref, ty: C::Ref) -> Outcome<C> {
    let class = cx.promote_class(ty);
    let ety = cx.getfield_ref(e, &INST_TYPE);
    let ety = cx.promote_ref(ety);
    let base_exc = rt.builtin_type("BaseException");
    let check = |t: usize| classes::is_type(t) && classes::is_subclass(rt, t, base_exc);
    if class == TYPE.class() {
        let t = cx.promote_ref(ty);
        if !check(t) {
            return Outcome::Raise(new_error(
                cx,
                rt,
                "TypeError",
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        return Outcome::Value(cx.const_ref(rt.bool_obj(classes::is_subclass(rt, ety, t))));
    }
    if class == TUPLE.class() {
        let n = cx.arraylen(ty, &TUPLE_ITEMS);
        let n = cx.promote_int(n);
        let mut hit = false;
        for k in 0..n {
            let k = cx.int(k);
            let t = cx.getarrayitem_ref(ty, k, &TUPLE_ITEMS);
            let t = cx.promote_ref(t);
            if !check(t) {
                return Outcome::Raise(new_error(
                    cx,
                    rt,
                    "TypeError",
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            hit |= classes::is_subclass(rt, ety, t);
        }
        return Outcome::Value(cx.const_ref(rt.bool_obj(hit)));
    }
    Outcome::Raise(new_error(
        cx,
        rt,
        "TypeError",
        "catching classes that do not inherit from BaseException is not allowed",
    ))
}

/// `raise e [from cause]` while handling `context`: the exception to raise (a class is
/// instantiated, which may call its `__init__`: then `Outcome::Call`).
pub fn make_raisable<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    e: C::Ref,
    cause: Option<C::Ref>,
    context: C::Ref,
) -> Outcome<C> {
    let class = cx.promote_class(e);
    let base_exc = rt.builtin_type("BaseException");
    let e = if class == TYPE.class() {
        let t = cx.promote_ref(e);
        if !classes::is_subclass(rt, t, base_exc) {
            return Outcome::Raise(new_error(cx, rt, "TypeError", "exceptions must derive from BaseException"));
        }
        let none = cx.const_ref(rt.none.get());
        let _ = none;
        let args = crate::interp::tuple(cx, &[]);
        classes::new_exception(cx, rt, e, args)
    } else if class == INSTANCE.class() {
        let ty = cx.getfield_ref(e, &INST_TYPE);
        let ty = cx.promote_ref(ty);
        if !classes::is_subclass(rt, ty, base_exc) {
            return Outcome::Raise(new_error(cx, rt, "TypeError", "exceptions must derive from BaseException"));
        }
        e
    } else {
        return Outcome::Raise(new_error(cx, rt, "TypeError", "exceptions must derive from BaseException"));
    };
    // A cause is None, an exception, or an exception class (instantiated).
    let cause = match cause {
        None => None,
        Some(c) if crate::interp::is_none(cx, rt, c) => Some(c),
        Some(c) => {
            let cclass = cx.promote_class(c);
            let bad = "exception causes must derive from BaseException";
            if cclass == TYPE.class() {
                let t = cx.promote_ref(c);
                if !classes::is_subclass(rt, t, base_exc) {
                    return Outcome::Raise(new_error(cx, rt, "TypeError", bad));
                }
                let args = crate::interp::tuple(cx, &[]);
                Some(classes::new_exception(cx, rt, c, args))
            } else if cclass == INSTANCE.class() {
                let ty = cx.getfield_ref(c, &INST_TYPE);
                let ty = cx.promote_ref(ty);
                if !classes::is_subclass(rt, ty, base_exc) {
                    return Outcome::Raise(new_error(cx, rt, "TypeError", bad));
                }
                Some(c)
            } else {
                return Outcome::Raise(new_error(cx, rt, "TypeError", bad));
            }
        }
    };
    // Every test first, then the writes (see `classes::set_slots`).
    let same = cx.ptr_eq(e, context);
    let chain = !cx.is_true(same) && !crate::interp::is_none(cx, rt, context);
    let t = cx.const_ref(rt.true_.get());
    let mut items = Vec::with_capacity(3);
    if let Some(c) = cause {
        items.extend([("__cause__", c), ("__suppress_context__", t)]);
    }
    if chain {
        items.push(("__context__", context));
    }
    if !items.is_empty() {
        classes::set_slots(cx, rt, e, &items);
    }
    Outcome::Value(e)
}

/// An exception raised while `handled` is being handled, by an operation or a native rather
/// than a `raise` statement (which chains in [`make_raisable`]): its `__context__` becomes
/// `handled` unless it has one, is `handled`, or is in `handled`'s context chain (a cycle).
pub fn chain_implicit<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, e: C::Ref, handled: C::Ref) {
    if needs_context(cx, rt, e, handled) {
        classes::set_slot(cx, rt, e, "__context__", handled);
    }
}

/// Whether [`chain_implicit`] sets `e.__context__` to `handled` (it only reads).
pub fn needs_context<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, e: C::Ref, handled: C::Ref) -> bool {
    let same = cx.ptr_eq(e, handled);
    if cx.is_true(same) || cx.promote_class(e) != INSTANCE.class() {
        return false;
    }
    match classes::get_slot(cx, rt, e, "__context__") {
        Some(c) if crate::interp::is_none(cx, rt, c) => {}
        _ => return false,
    }
    let mut link = handled;
    for _ in 0..8 {
        if cx.promote_class(link) != INSTANCE.class() {
            break;
        }
        match classes::get_slot(cx, rt, link, "__context__") {
            Some(c) if !crate::interp::is_none(cx, rt, c) => {
                let cycle = cx.ptr_eq(c, e);
                if cx.is_true(cycle) {
                    return false;
                }
                link = c;
            }
            _ => break,
        }
    }
    true
}

/// The text CPython prints for an uncaught exception (traceback, then `Type: message`),
/// with its cause or context first; exception groups in CPython's boxes.
pub fn format_uncaught(rt: &Python, e: usize) -> String {
    let mut out = String::new();
    for line in format_chain(rt, e, 0) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The lines of `e`'s report, its cause or context first.
fn format_chain(rt: &Python, e: usize, depth: usize) -> Vec<String> {
    let mut out = Vec::new();
    if depth < 50 {
        let cause = classes::peek_slot(rt, e, "__cause__").filter(|&c| c != rt.none.get() && c != 0);
        let suppress = classes::peek_slot(rt, e, "__suppress_context__") == Some(rt.true_.get());
        let context = classes::peek_slot(rt, e, "__context__").filter(|&c| c != rt.none.get() && c != 0);
        let (chained, text) = match (cause, context) {
            (Some(c), _) => (Some(c), "The above exception was the direct cause of the following exception:"),
            (None, Some(c)) if !suppress => {
                (Some(c), "During handling of the above exception, another exception occurred:")
            }
            _ => (None, ""),
        };
        if let Some(c) = chained {
            out.extend(format_chain(rt, c, depth + 1));
            out.extend([String::new(), text.to_string(), String::new()]);
        }
    }
    if is_group(rt, e) {
        out.extend(format_group(rt, e, depth).into_iter().map(|l| format!("  {l}")));
    } else {
        out.extend(format_one(rt, e, "Traceback (most recent call last):"));
    }
    out
}

fn is_group(rt: &Python, e: usize) -> bool {
    is(e, &INSTANCE)
        && classes::is_subclass(rt, crate::builtins::peek_type(rt, e), rt.builtin_type("BaseExceptionGroup"))
}

/// CPython's line for a traceback frame shown `repeats` more times than the three printed.
fn flush_repeats(out: &mut Vec<String>, repeats: usize) {
    if repeats > 2 {
        let n = repeats - 2;
        out.push(format!("  [Previous line repeated {n} more time{}]", if n == 1 { "" } else { "s" }));
    }
}

/// The `^^^` line CPython 3.11 prints under source line `text` (number `line`) for an
/// instruction from column `c0` of it to column `c1` of line `end` (UTF-8 byte offsets):
/// `~~^~~` under a binary operation or subscript, nothing when the marks would cover the
/// whole line.
fn carets(text: &str, line: u32, end: u32, c0: u32, c1: u32) -> Option<String> {
    // A byte offset of the line as a character offset.
    let chars = |b: u32| text.get(..(b as usize).min(text.len())).map(|s| s.chars().count());
    let start = chars(c0)?;
    let stripped = text.trim();
    let indent = text.chars().count() - text.trim_start().chars().count();
    let (stop, anchors) = if end == line {
        let stop = chars(c1)?;
        let segment: String = text.chars().skip(start).take(stop.saturating_sub(start)).collect();
        (stop, crate::compile::caret_anchors(&segment))
    } else {
        (text.trim_end().chars().count(), None)
    };
    let anchored = anchors.is_some_and(|(l, r)| r > l);
    if stop.saturating_sub(start) >= stripped.chars().count() && !anchored {
        return None;
    }
    let mut row = format!("    {}", " ".repeat(start.saturating_sub(indent)));
    let width = stop.saturating_sub(start);
    match anchors {
        Some((l, r)) => {
            row.push_str(&"~".repeat(l));
            row.push_str(&"^".repeat(r.saturating_sub(l)));
            row.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => row.push_str(&"^".repeat(width)),
    }
    Some(row)
}

/// The traceback (under `heading`), the `Type: message` line and the notes of `e`.
fn format_one(rt: &Python, e: usize, heading: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut tb = classes::peek_slot(rt, e, "__traceback__").unwrap_or(0);
    if tb != 0 && tb != rt.none.get() {
        out.push(heading.to_string());
    }
    // (CPython prints a frame repeated more than three times in a row once per time up to
    // three, then how many more times it came.)
    let (mut last, mut repeats) = (None, 0);
    while tb != 0 && tb != rt.none.get() && is(tb, &TRACEBACK) {
        // SAFETY: `tb` is a live traceback entry.
        let (next, code, pc) =
            unsafe { (read_word(tb, &TB_NEXT) as usize, read_word(tb, &TB_CODE), read_word(tb, &TB_PC)) };
        let code = rt.code(code as u32);
        let (line, pos) = code.position_at(pc as usize);
        let key = (code.filename.clone(), line, code.name.clone());
        if last.as_ref() == Some(&key) {
            repeats += 1;
        } else {
            flush_repeats(&mut out, repeats);
            (last, repeats) = (Some(key), 0);
        }
        tb = next;
        if repeats >= 3 {
            continue;
        }
        out.push(format!("  File \"{}\", line {}, in {}", code.filename, line, code.name));
        if let Some(src) = rt.sources.borrow().get(&code.filename) {
            if let Some(text) = src.lines().nth(line as usize - 1) {
                out.push(format!("    {}", text.trim()));
                out.extend(pos.and_then(|(end, c0, c1)| carets(text, line, end, c0, c1)));
            }
        }
    }
    flush_repeats(&mut out, repeats);
    out.extend(crate::builtins::uncaught_exception_line(rt, e).split('\n').map(str::to_string));
    // Notes added with `add_note`, one per line.
    if let Some(notes) = classes::peek_slot(rt, e, "__notes__").filter(|&n| is(n, &LIST)) {
        for n in crate::runtime::list_items(notes).into_iter().filter(|&n| is(n, &STR)) {
            out.extend(crate::builtins::text(n).split('\n').map(str::to_string));
        }
    }
    out
}

/// An exception group as CPython draws it: its own report after `+ `/`| ` marks, then each
/// sub-exception in a numbered box (nested groups in boxes of their own).
fn format_group(rt: &Python, e: usize, depth: usize) -> Vec<String> {
    let own = format_one(rt, e, "Exception Group Traceback (most recent call last):");
    let mut out = Vec::new();
    for (i, line) in own.into_iter().enumerate() {
        let traced = classes::peek_slot(rt, e, "__traceback__").is_some_and(|t| t != 0 && t != rt.none.get());
        let mark = if i == 0 && traced { "+ " } else { "| " };
        out.push(format!("{mark}{line}"));
    }
    let members = classes::peek_slot(rt, e, "exceptions")
        .filter(|&t| is(t, &TUPLE))
        .map(crate::runtime::tuple_items)
        .unwrap_or_default();
    let n = members.len();
    for (i, &sub) in members.iter().enumerate() {
        let rule = format!("---------------- {} ----------------", i + 1);
        out.push(if i == 0 { format!("+-+{rule}") } else { format!("  +{rule}") });
        if depth > 50 {
            break;
        }
        if is_group(rt, sub) {
            out.extend(format_group(rt, sub, depth + 1).into_iter().map(|l| format!("  {l}")));
        } else {
            out.extend(format_chain(rt, sub, depth + 1).into_iter().map(|l| format!("  | {l}")));
        }
    }
    // The closing rule follows the last sub-exception unless that is a group (which closes
    // itself: CPython draws one rule for a run of last members).
    if n > 0 && !is_group(rt, members[n - 1]) {
        out.push("  +------------------------------------".to_string());
    }
    out
}

/// CPython's messages for `+` and `*` of sequences with the wrong operand:
/// `can only concatenate str (not "int") to str`, `can't multiply sequence by non-int`.
pub fn sequence_type_error(rt: &Python, op: crate::bytecode::BinOp, a: usize, b: usize) -> Option<String> {
    let seq = |o: usize| is(o, &STR) || is(o, &LIST) || is(o, &TUPLE) || crate::bytes::is_binary(o);
    match op {
        crate::bytecode::BinOp::Add if is(a, &STR) || is(a, &LIST) || is(a, &TUPLE) => Some(format!(
            "can only concatenate {} (not \"{}\") to {}",
            crate::builtins::type_name(rt, a),
            crate::builtins::type_name(rt, b),
            crate::builtins::type_name(rt, a)
        )),
        crate::bytecode::BinOp::Mul if seq(a) || seq(b) => {
            let other = if seq(a) { b } else { a };
            Some(format!("can't multiply sequence by non-int of type '{}'", crate::builtins::type_name(rt, other)))
        }
        _ => None,
    }
}

/// `collect(o)`, with TypeError `msg(type name)` when `o` is not iterable at all.
pub fn collect_or<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    o: usize,
    msg: &dyn Fn(&str) -> String,
) -> Result<Vec<usize>, usize> {
    match crate::builtins::collect(cx, rt, o) {
        Err(e) if is_not_iterable_error(rt, e, o) => {
            Err(new_error(cx, rt, "TypeError", &msg(&crate::builtins::type_name(rt, o))))
        }
        r => r,
    }
}

/// Whether `e` is the TypeError "'X' object is not iterable" about `o`.
pub fn is_not_iterable_error(rt: &Python, e: usize, o: usize) -> bool {
    if !classes::is_subclass(rt, crate::builtins::peek_type(rt, e), rt.builtin_type("TypeError")) {
        return false;
    }
    let args = classes::peek_slot(rt, e, "args")
        .filter(|&a| is(a, &TUPLE))
        .map(crate::runtime::tuple_items)
        .unwrap_or_default();
    let want = format!("'{}' object is not iterable", crate::builtins::type_name(rt, o));
    matches!(args.as_slice(), [m] if is(*m, &STR) && crate::builtins::text(*m) == want)
}

/// How CPython names a callable in call errors: `print()`, `list.append()`,
/// `__main__.f()` (`_PyObject_FunctionStr`).
pub fn function_str<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, f: usize) -> String {
    if f == 0 {
        return "function".into();
    }
    let qualname = match crate::library::getattr_impl(cx, rt, f, "__qualname__") {
        Ok(q) if is(q, &STR) => crate::builtins::text(q).to_string(),
        _ => return crate::builtins::to_str(cx, rt, f).unwrap_or_default(),
    };
    match crate::library::getattr_impl(cx, rt, f, "__module__") {
        Ok(m) if is(m, &STR) && crate::builtins::text(m) != "builtins" => {
            format!("{}.{qualname}()", crate::builtins::text(m))
        }
        _ => format!("{qualname}()"),
    }
}
