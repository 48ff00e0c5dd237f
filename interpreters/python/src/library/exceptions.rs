//! The methods of `BaseException` and the attributes CPython's builtin exceptions set in
//! their `__init__`: `StopIteration.value`, `SystemExit.code`, `OSError`'s `errno`,
//! `strerror`, `filename`, `filename2` (and the subclass an errno picks), `ImportError`'s
//! `msg`, `name`, `path`, `AttributeError`/`NameError`'s `name`, the Unicode errors' fields,
//! `SyntaxError`'s location; and each class's `str`.

use super::*;

rows! {
    "BaseException.__init__" => exc_init,
    "BaseException.__str__" => exc_str_m,
    "BaseException.__repr__" => exc_repr_m,
    "BaseException.__setattr__" => exc_setattr,
    "BaseException.with_traceback" => exc_with_traceback,
    "BaseException.add_note" => exc_add_note,
    "code.co_positions" => code_positions,
    "_traceback.caret_anchors" => caret_anchors,
}

/// Whether exception `e` is an instance of builtin class `name`.
fn isa(rt: &Python, e: usize, name: &str) -> bool {
    classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type(name))
}

/// The keyword arguments `class.__init__` accepts, and the name its errors give.
fn keywords(rt: &Python, e: usize) -> (&'static [&'static str], &'static str) {
    if isa(rt, e, "ImportError") {
        (&["name", "path"], "ImportError")
    } else if isa(rt, e, "AttributeError") {
        (&["name", "obj"], "AttributeError")
    } else if isa(rt, e, "NameError") {
        (&["name"], "NameError")
    } else {
        (&[], "")
    }
}

/// The `OSError` subclass CPython picks for an errno (`OSError(2, ...)` is a
/// `FileNotFoundError`).
fn errno_class(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

/// The class `t(*args)` makes: `OSError` itself picks its subclass from the errno.
pub fn class_for(rt: &Python, t: usize, args: &[usize]) -> usize {
    if t != rt.builtin_type("OSError") || !(2..=5).contains(&args.len()) {
        return t;
    }
    match peek_i64(args[0]).filter(|_| !is(args[0], &BOOL)).and_then(errno_class) {
        Some(name) => rt.builtin_type(name),
        None => t,
    }
}

pub(super) fn exc_init<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let e = this(t);
    let (allowed, cname) = keywords(rt, e);
    for (k, _) in kw {
        if allowed.is_empty() {
            let msg = format!("{}() takes no keyword arguments", b::type_name(rt, e));
            return err(cx, rt, "TypeError", &msg);
        }
        if !allowed.contains(&&**k) {
            return err(cx, rt, "TypeError", &format!("'{k}' is an invalid keyword argument for {cname}()"));
        }
    }
    let none = rt.none.get();
    let a = new_tuple(cx.heap_mut(), args);
    classes::set_slot(cx, rt, e, "args", a);
    for &name in allowed {
        classes::set_slot(cx, rt, e, name, kwarg(kw, name).unwrap_or(none));
    }
    let first = args.first().copied().unwrap_or(none);
    if isa(rt, e, "StopIteration") {
        classes::set_slot(cx, rt, e, "value", first);
    } else if isa(rt, e, "SystemExit") {
        let code = if args.len() > 1 { a } else { first };
        classes::set_slot(cx, rt, e, "code", code);
    } else if isa(rt, e, "ImportError") {
        let msg = if args.len() == 1 { first } else { none };
        classes::set_slot(cx, rt, e, "msg", msg);
    } else if isa(rt, e, "OSError") {
        os_error_init(cx, rt, e, args);
    } else if isa(rt, e, "SyntaxError") {
        syntax_error_init(cx, rt, e, args);
    } else if isa(rt, e, "UnicodeError") {
        return unicode_error_init(cx, rt, e, args);
    }
    Ok(none)
}

fn os_error_init<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, e: usize, args: &[usize]) {
    let none = rt.none.get();
    let get = |k: usize| if (2..=5).contains(&args.len()) { args.get(k).copied().unwrap_or(none) } else { none };
    let (errno, strerror, filename) = (get(0), get(1), get(2));
    let filename2 = if args.len() == 5 { args[4] } else { none };
    for (name, v) in [("errno", errno), ("strerror", strerror), ("filename", filename), ("filename2", filename2)] {
        classes::set_slot(cx, rt, e, name, v);
    }
    if filename != none {
        // With a filename, `args` keeps only the errno and the message.
        let a = new_tuple(cx.heap_mut(), &args[..2]);
        classes::set_slot(cx, rt, e, "args", a);
    }
}

fn syntax_error_init<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, e: usize, args: &[usize]) {
    let none = rt.none.get();
    let msg = args.first().copied().unwrap_or(none);
    let info = args.get(1).filter(|&&i| is(i, &TUPLE) && args.len() == 2).map(|&i| tuple_items(i));
    let info = info.unwrap_or_default();
    classes::set_slot(cx, rt, e, "msg", msg);
    for (k, name) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().enumerate() {
        classes::set_slot(cx, rt, e, name, info.get(k).copied().unwrap_or(none));
    }
    classes::set_slot(cx, rt, e, "print_file_and_line", none);
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)` and its relatives check their
/// arguments' types.
fn unicode_error_init<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, e: usize, args: &[usize]) -> PyResult {
    let fields: &[(&str, &str)] = if isa(rt, e, "UnicodeEncodeError") || isa(rt, e, "UnicodeDecodeError") {
        &[("encoding", "str"), ("object", "str"), ("start", "int"), ("end", "int"), ("reason", "str")]
    } else if isa(rt, e, "UnicodeTranslateError") {
        &[("object", "str"), ("start", "int"), ("end", "int"), ("reason", "str")]
    } else {
        return Ok(rt.none.get());
    };
    if args.len() != fields.len() {
        let msg = format!("function takes exactly {} arguments ({} given)", fields.len(), args.len());
        return err(cx, rt, "TypeError", &msg);
    }
    for (k, &(name, ty)) in fields.iter().enumerate() {
        let v = args[k];
        let ok = if ty == "str" { is(v, &STR) } else { peek_i64(v).is_some() };
        let decode_object = name == "object" && isa(rt, e, "UnicodeDecodeError");
        if !ok && !decode_object {
            let msg = format!("argument {} must be {ty}, not {}", k + 1, b::type_name(rt, v));
            return err(cx, rt, "TypeError", &msg);
        }
        classes::set_slot(cx, rt, e, name, v);
    }
    Ok(rt.none.get())
}

/// `'\xe9'`, `'\u1234'`: how the Unicode errors show one character.
fn escaped_char(c: char) -> String {
    match crate::chars::code_point(c) {
        n if n <= 0xff => format!("\\x{n:02x}"),
        n if n <= 0xffff => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

/// The message of a Unicode error, from its fields.
fn unicode_message(rt: &Python, e: usize) -> Option<String> {
    let slot = |n: &str| classes::peek_slot(rt, e, n);
    let (start, end) = (peek_i64(slot("start")?)?, peek_i64(slot("end")?)?);
    let reason = slot("reason").filter(|&r| is(r, &STR)).map(text)?;
    let object = slot("object")?;
    let (verb, prefix) = if isa(rt, e, "UnicodeEncodeError") {
        ("encode", Some(slot("encoding").filter(|&x| is(x, &STR)).map(text)?))
    } else if isa(rt, e, "UnicodeDecodeError") {
        ("decode", Some(slot("encoding").filter(|&x| is(x, &STR)).map(text)?))
    } else {
        ("translate", None)
    };
    let head = prefix.map(|p| format!("'{p}' codec ")).unwrap_or_default();
    let single = if is(object, &STR) && verb != "decode" && end == start + 1 && start >= 0 {
        text(object).chars().nth(start as usize)
    } else {
        None
    };
    if verb == "decode" && end == start + 1 && start >= 0 {
        if let Some(&byte) = crate::bytes::buffer(object).and_then(|b| b.get(start as usize)) {
            return Some(format!("{head}can't decode byte 0x{byte:02x} in position {start}: {reason}"));
        }
    }
    Some(match single {
        Some(c) => format!("{head}can't {verb} character '{}' in position {start}: {reason}", escaped_char(c)),
        None => {
            let what = if verb == "decode" { "bytes" } else { "characters" };
            format!("{head}can't {verb} {what} in position {start}-{}: {reason}", end - 1)
        }
    })
}

/// The str of exception `e`, with `repr` and `str` of its parts given (natives pass the real
/// ones; the uncaught-exception report passes ones that run no user code).
pub fn message(
    rt: &Python,
    e: usize,
    repr: &mut dyn FnMut(usize) -> Result<String, usize>,
    str_: &mut dyn FnMut(usize) -> Result<String, usize>,
) -> Result<String, usize> {
    let none = rt.none.get();
    let slot = |n: &str| classes::peek_slot(rt, e, n).filter(|&v| v != none);
    if isa(rt, e, "OSError") {
        if let (Some(errno), Some(strerror)) = (slot("errno"), slot("strerror")) {
            let (errno, strerror) = (str_(errno)?, str_(strerror)?);
            return Ok(match (slot("filename"), slot("filename2")) {
                (Some(f), Some(f2)) => format!("[Errno {errno}] {strerror}: {} -> {}", repr(f)?, repr(f2)?),
                (Some(f), None) => format!("[Errno {errno}] {strerror}: {}", repr(f)?),
                _ => format!("[Errno {errno}] {strerror}"),
            });
        }
    } else if isa(rt, e, "ImportError") {
        if let Some(m) = slot("msg").filter(|&m| is(m, &STR)) {
            return Ok(text(m).to_string());
        }
    } else if isa(rt, e, "SyntaxError") {
        if let Some(m) = slot("msg") {
            let msg = str_(m)?;
            let file = slot("filename").filter(|&f| is(f, &STR)).map(|f| {
                let f = text(f);
                f.rsplit('/').next().unwrap_or(f).to_string()
            });
            let line = slot("lineno").and_then(peek_i64);
            return Ok(match (file, line) {
                (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
                (Some(f), None) => format!("{msg} ({f})"),
                (None, Some(l)) => format!("{msg} (line {l})"),
                (None, None) => msg,
            });
        }
    } else if isa(rt, e, "UnicodeError") && classes::peek_slot(rt, e, "start").is_some() {
        return Ok(unicode_message(rt, e).unwrap_or_default());
    }
    let args = classes::peek_slot(rt, e, "args").filter(|&a| is(a, &TUPLE)).map(tuple_items).unwrap_or_default();
    match args.len() {
        0 => Ok(String::new()),
        1 if isa(rt, e, "KeyError") => repr(args[0]),
        1 => str_(args[0]),
        _ => {
            let parts = args.iter().map(|&a| repr(a)).collect::<Result<Vec<_>, _>>()?;
            Ok(format!("({})", parts.join(", ")))
        }
    }
}

/// `str(e)` for an exception (may run user `__str__`/`__repr__` of its arguments).
pub fn exc_str<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, e: usize) -> Result<String, usize> {
    let cx = std::cell::RefCell::new(cx);
    message(rt, e, &mut |v| to_repr(&mut cx.borrow_mut(), rt, v), &mut |v| to_str(&mut cx.borrow_mut(), rt, v))
}

pub(super) fn exc_str_m<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = exc_str(cx, rt, this(t))?;
    Ok(new_str(cx.heap_mut(), &s))
}

/// `repr(e)`: `Name(args...)`, a single argument without the tuple's comma.
pub(super) fn exc_repr_m<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let e = this(t);
    let args = classes::peek_slot(rt, e, "args").filter(|&a| is(a, &TUPLE)).map(tuple_items).unwrap_or_default();
    let inner = match args.len() {
        1 => to_repr(cx, rt, args[0])?,
        _ => {
            let parts = args.iter().map(|&a| to_repr(cx, rt, a)).collect::<Result<Vec<_>, _>>()?;
            parts.join(", ")
        }
    };
    let s = format!("{}({inner})", b::type_name(rt, e));
    Ok(new_str(cx.heap_mut(), &s))
}

/// `e.name = v`: `args` is always a tuple (of the items of the iterable given).
pub(super) fn exc_setattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let (e, name) = (this(t), arg(cx, rt, args, 0, "__setattr__")?);
    let v = arg(cx, rt, args, 1, "__setattr__")?;
    if !is(name, &STR) {
        let msg = format!("attribute name must be string, not '{}'", b::type_name(rt, name));
        return err(cx, rt, "TypeError", &msg);
    }
    let v = if text(name) == "args" && !is(v, &TUPLE) {
        let items = collect(cx, rt, v)?;
        new_tuple(cx.heap_mut(), &items)
    } else {
        v
    };
    let _ = metatrace::Ctx::root(cx, v);
    classes::set_slot(cx, rt, e, text(name), v);
    Ok(rt.none.get())
}

pub(super) fn exc_with_traceback<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let tb = arg(cx, rt, args, 0, "with_traceback")?;
    if tb != rt.none.get() && !is(tb, &TRACEBACK) {
        return err(cx, rt, "TypeError", "__traceback__ must be a traceback or None");
    }
    classes::set_slot(cx, rt, this(t), "__traceback__", tb);
    Ok(this(t))
}

pub(super) fn exc_add_note<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let e = this(t);
    let note = arg(cx, rt, args, 0, "add_note")?;
    if !is(note, &STR) {
        return err(cx, rt, "TypeError", &format!("note must be a str, not '{}'", b::type_name(rt, note)));
    }
    let notes = match classes::peek_slot(rt, e, "__notes__") {
        Some(n) if is(n, &LIST) => n,
        Some(_) => return err(cx, rt, "TypeError", "Cannot add note: __notes__ is not a list"),
        None => {
            let l = new_list(cx.heap_mut(), &[]);
            let _ = metatrace::Ctx::root(cx, l);
            classes::set_slot(cx, rt, e, "__notes__", l);
            l
        }
    };
    crate::runtime::list_push(cx.heap_mut(), notes, note);
    Ok(rt.none.get())
}

/// The attributes of a traceback entry: `tb_lineno`, `tb_next` (`None` at the innermost
/// frame), `tb_lasti` (twice the instruction's number, as CPython counts 2-byte units) and
/// `tb_frame`, a `frame` object made on demand with `f_code` (a `code` object with
/// `co_name`, `co_qualname`, `co_filename`, `co_firstlineno`, `co_positions()`), `f_lineno`,
/// `f_lasti` and `f_back` (`None`: entries do not keep their callers).
pub fn traceback_attr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, tb: usize, name: &str) -> Option<PyResult> {
    // SAFETY: `tb` is a live traceback entry.
    let (next, code, pc) =
        unsafe { (read_word(tb, &TB_NEXT) as usize, read_word(tb, &TB_CODE), read_word(tb, &TB_PC)) };
    let line = rt.code(code as u32).line_at(pc as usize) as i64;
    Some(match name {
        "tb_lineno" => Ok(new_int(cx.heap_mut(), line)),
        "tb_lasti" => Ok(new_int(cx.heap_mut(), 2 * pc as i64)),
        "tb_next" => Ok(if next == 0 { rt.none.get() } else { next }),
        "tb_frame" => make_frame(cx, rt, code as u32, pc as usize),
        _ => return None,
    })
}

/// A `frame` object for code number `code_id` stopped at instruction `pc`.
pub(super) fn make_frame<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, code_id: u32, pc: usize) -> PyResult {
    let co = code_object(cx, rt, code_id)?;
    let f = crate::types::call_type(cx, rt, rt.builtin_type("frame"), &[], &[])?;
    let _ = metatrace::Ctx::root(cx, f);
    classes::set_slot(cx, rt, f, "f_code", co);
    let l = new_int(cx.heap_mut(), rt.code(code_id).line_at(pc) as i64);
    classes::set_slot(cx, rt, f, "f_lineno", l);
    let l = new_int(cx.heap_mut(), 2 * pc as i64);
    classes::set_slot(cx, rt, f, "f_lasti", l);
    classes::set_slot(cx, rt, f, "f_back", rt.none.get());
    Ok(f)
}

/// `code.co_positions()`: an iterator over (line, end line, start column, end column) of
/// each instruction (columns as UTF-8 byte offsets; None where unknown). A `code` object
/// `compile()` made has none.
fn code_positions<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let none = rt.none.get();
    let id = classes::peek_slot(rt, this(t), "_code_id").and_then(peek_i64);
    let mut out = Vec::new();
    if let Some(id) = id {
        let code = rt.code(id as u32);
        for pc in 0..code.ops.len() {
            let (line, pos) = code.position_at(pc);
            let l = new_int(cx.heap_mut(), line as i64);
            let _ = metatrace::Ctx::root(cx, l);
            let item = match pos {
                Some((end, c0, c1)) => {
                    let vals = [end, c0, c1].map(|v| new_int(cx.heap_mut(), v as i64));
                    new_tuple(cx.heap_mut(), &[l, vals[0], vals[1], vals[2]])
                }
                None => new_tuple(cx.heap_mut(), &[l, l, none, none]),
            };
            let _ = metatrace::Ctx::root(cx, item);
            out.push(item);
        }
    }
    let list = new_list(cx.heap_mut(), &out);
    b::iter(cx, rt, list)
}

/// `_traceback.caret_anchors(segment)`: where a traceback's `~~~^^^~~~` marks change under
/// the source `segment` an instruction covers, if it is one binary operation or one
/// subscript: (end of the left `~` part, end of the `^` part) in characters of `segment`,
/// or None (then the whole segment is marked `^`).
fn caret_anchors<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let seg = arg(cx, rt, args, 0, "caret_anchors")?;
    if !is(seg, &STR) {
        return Ok(rt.none.get());
    }
    match crate::compile::caret_anchors(text(seg)) {
        Some((left, right)) => {
            let (l, r) = (new_int(cx.heap_mut(), left as i64), new_int(cx.heap_mut(), right as i64));
            Ok(new_tuple(cx.heap_mut(), &[l, r]))
        }
        None => Ok(rt.none.get()),
    }
}

/// A `code` object describing compiled code number `code_id` (a traceback frame's `f_code`,
/// a function's `__code__`): its names, first line, parameter counts, local names and
/// CPython's `co_flags` bits, which `inspect` reads.
pub fn code_object<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, code_id: u32) -> PyResult {
    let code = rt.code(code_id);
    let co = crate::types::call_type(cx, rt, rt.builtin_type("code"), &[], &[])?;
    let _ = metatrace::Ctx::root(cx, co);
    let id = new_int(cx.heap_mut(), i64::from(code_id));
    classes::set_slot(cx, rt, co, "_code_id", id);
    for (name, v) in [("co_name", &code.name), ("co_qualname", &code.qualname), ("co_filename", &code.filename)] {
        let s = new_str(cx.heap_mut(), v);
        classes::set_slot(cx, rt, co, name, s);
    }
    // CO_OPTIMIZED | CO_NEWLOCALS for functions, CO_VARARGS 4, CO_VARKEYWORDS 8,
    // CO_GENERATOR 0x20, CO_NOFREE 0x40.
    use crate::bytecode::CodeKind;
    let mut flags = match code.kind {
        CodeKind::Function | CodeKind::Generator => 3,
        _ => 0,
    };
    if code.varargs {
        flags |= 4;
    }
    if code.varkeywords {
        flags |= 8;
    }
    // CO_COROUTINE 0x80, CO_ASYNC_GENERATOR 0x200.
    flags |= match (code.kind, code.flavor) {
        (CodeKind::Generator, crate::bytecode::GenFlavor::Plain) => 0x20,
        (CodeKind::Generator, crate::bytecode::GenFlavor::Coroutine) => 0x80,
        (CodeKind::Generator, crate::bytecode::GenFlavor::AsyncGen) => 0x200,
        _ => 0,
    };
    if code.freevars.is_empty() && code.cellvars.is_empty() {
        flags |= 0x40;
    }
    // CPython's `co_varnames` are the arguments and the locals that are not cells (a cell
    // that is not an argument is only in `co_cellvars`).
    let nargs = code.argcount as usize
        + code.kwonlyargcount as usize
        + usize::from(code.varargs)
        + usize::from(code.varkeywords);
    let is_free = |k: usize| code.freevars.iter().any(|&i| i as usize == k);
    let is_cell = |k: usize| code.cellvars.iter().any(|&i| i as usize == k);
    let local_names: Vec<&str> = (0..code.varnames.len())
        .filter(|&k| !is_free(k) && (k < nargs || !is_cell(k)))
        .map(|k| &*code.varnames[k])
        .collect();
    let local_count = local_names.len();
    let counts = [
        ("co_firstlineno", code.firstline as i64),
        ("co_argcount", code.argcount as i64),
        ("co_posonlyargcount", code.posonlyargcount as i64),
        ("co_kwonlyargcount", code.kwonlyargcount as i64),
        ("co_flags", flags),
        ("co_nlocals", local_count as i64),
        ("co_stacksize", code.stacksize as i64),
    ];
    for (name, v) in counts {
        let n = new_int(cx.heap_mut(), v);
        classes::set_slot(cx, rt, co, name, n);
    }
    let names: Vec<usize> = local_names.iter().map(|n| new_str(cx.heap_mut(), n)).collect();
    let t = crate::runtime::new_tuple(cx.heap_mut(), &names);
    classes::set_slot(cx, rt, co, "co_varnames", t);
    let cells: Vec<usize> = code.cellvars.iter().map(|&i| new_str(cx.heap_mut(), &code.varnames[i as usize])).collect();
    let t = crate::runtime::new_tuple(cx.heap_mut(), &cells);
    classes::set_slot(cx, rt, co, "co_cellvars", t);
    let free: Vec<usize> = code.freevars.iter().map(|&i| new_str(cx.heap_mut(), &code.varnames[i as usize])).collect();
    let t = crate::runtime::new_tuple(cx.heap_mut(), &free);
    classes::set_slot(cx, rt, co, "co_freevars", t);
    let names: Vec<usize> = code.names.iter().map(|n| new_str(cx.heap_mut(), n)).collect();
    let t = crate::runtime::new_tuple(cx.heap_mut(), &names);
    classes::set_slot(cx, rt, co, "co_names", t);
    Ok(co)
}
