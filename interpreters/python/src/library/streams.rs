//! The builtins on streams: `print`, `input` and `open`. `print` writes to `sys.stdout` (or
//! `file=`) by calling its `write`; while `sys.stdout` is still the original stream
//! (`sys.__stdout__`, or `sys` was never imported) it writes straight to the runtime's buffered
//! output instead, which is the same bytes in the same order. `open` is `_io.open`
//! (lib/_io.py).

use super::*;

rows! {
    "print" => print,
    "input" => input,
    "open" => open,
    "exit" => exit,
    "quit" => exit,
}

/// What a standard stream (`stdout`, `stdin`) of `sys` is now.
enum Std {
    /// The original one (or `sys` is not imported): the runtime's own I/O serves.
    Original,
    /// `sys.<name>` is None (or was deleted).
    Lost,
    /// A stream the program put there.
    Replaced(usize),
}

fn std_stream(rt: &Python, name: &str) -> Std {
    let sys = rt.module_cache.borrow().get("sys").copied();
    let Some(sys) = sys else { return Std::Original };
    let now = crate::globals::peek_global_of(rt, sys, name);
    let orig = crate::globals::peek_global_of(rt, sys, &format!("__{name}__"));
    match (now, orig) {
        // Not made yet (see `sys.__getattr__`): nothing can have read ahead or replaced it.
        (None, None) => Std::Original,
        (None, Some(_)) => Std::Lost,
        (Some(v), _) if v == rt.none.get() => Std::Lost,
        (Some(v), Some(o)) if v == o && name == "stdout" => Std::Original,
        (Some(v), _) => Std::Replaced(v),
    }
}

/// Whether `f` is `sys.__stdout__` while that is still `sys.stdout`.
fn is_original_stdout(rt: &Python, f: usize) -> bool {
    let sys = rt.module_cache.borrow().get("sys").copied();
    let Some(sys) = sys else { return false };
    matches!(std_stream(rt, "stdout"), Std::Original)
        && crate::globals::peek_global_of(rt, sys, "__stdout__") == Some(f)
}

/// `stream.write(s)`.
fn write_to<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, stream: usize, s: &str) -> Result<(), usize> {
    let w = crate::attrs::getattr(cx, rt, stream, "write")?;
    let _ = metatrace::Ctx::root(cx, w);
    let s = new_str(cx.heap_mut(), s);
    call_value(cx, rt, w, &[s], &[])?;
    Ok(())
}

/// `stream.flush()`.
fn flush<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, stream: usize) -> Result<(), usize> {
    let f = crate::attrs::getattr(cx, rt, stream, "flush")?;
    call_value(cx, rt, f, &[], &[])?;
    Ok(())
}

/// `sep=` or `end=`: a str, or None for the default.
fn sep_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, kw: Kw<'_>, name: &str, default: &str) -> Result<String, usize> {
    match kwarg(kw, name) {
        Some(s) if s == rt.none.get() => Ok(default.into()),
        Some(s) if is(s, &STR) => Ok(text(s).to_string()),
        Some(s) => {
            let msg = format!("{name} must be None or a string, not {}", b::type_name(rt, s));
            Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
        }
        None => Ok(default.into()),
    }
}

pub(super) fn print<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let none = rt.none.get();
    for (k, _) in kw {
        if !matches!(&**k, "sep" | "end" | "file" | "flush") {
            return err(cx, rt, "TypeError", &format!("'{k}' is an invalid keyword argument for print()"));
        }
    }
    let sep = sep_arg(cx, rt, kw, "sep", " ")?;
    let end = sep_arg(cx, rt, kw, "end", "\n")?;
    let flush_it = match kwarg(kw, "flush") {
        Some(f) => truth(cx, rt, f)?,
        None => false,
    };
    let target = match kwarg(kw, "file").filter(|&f| f != none) {
        Some(f) if is_original_stdout(rt, f) => None,
        Some(f) => Some(f),
        None => match std_stream(rt, "stdout") {
            Std::Original => None,
            Std::Lost => return Ok(none),
            Std::Replaced(f) => Some(f),
        },
    };
    match target {
        Some(f) => {
            let _ = metatrace::Ctx::root(cx, f);
            for (k, &a) in args.iter().enumerate() {
                if k > 0 {
                    write_to(cx, rt, f, &sep)?;
                }
                let s = to_str(cx, rt, a)?;
                write_to(cx, rt, f, &s)?;
            }
            write_to(cx, rt, f, &end)?;
            if flush_it {
                flush(cx, rt, f)?;
            }
        }
        None => {
            let mut line = String::new();
            for (k, &a) in args.iter().enumerate() {
                if k > 0 {
                    line.push_str(&sep);
                }
                line.push_str(&to_str(cx, rt, a)?);
            }
            line.push_str(&end);
            if crate::chars::may_hold_surrogates(&line) {
                return print_surrogates(cx, rt, args, &sep, &end);
            }
            let mut out = rt.out.borrow_mut();
            let _ = out.write_all(line.as_bytes());
            if flush_it {
                let _ = out.flush();
            }
        }
    }
    Ok(none)
}

/// `print` to the original stdout of text that holds a lone surrogate: as CPython's UTF-8
/// stdout, the pieces (args, separators, end) up to the first one holding one are written,
/// and that one raises UnicodeEncodeError.
fn print_surrogates<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], sep: &str, end: &str) -> PyResult {
    let mut pieces = Vec::new();
    for (k, &a) in args.iter().enumerate() {
        if k > 0 {
            pieces.push(sep.to_string());
        }
        pieces.push(to_str(cx, rt, a)?);
    }
    pieces.push(end.to_string());
    for p in pieces {
        if crate::chars::may_hold_surrogates(&p) {
            crate::codecs::encode(cx, rt, &p, None, None)?;
        }
        let _ = rt.out.borrow_mut().write_all(p.as_bytes());
    }
    Ok(rt.none.get())
}

pub(super) fn input<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if let Some((k, _)) = kw.first() {
        return err(cx, rt, "TypeError", &format!("input() takes no keyword arguments (got '{k}')"));
    }
    if args.len() > 1 {
        return err(cx, rt, "TypeError", &format!("input expected at most 1 argument, got {}", args.len()));
    }
    let stdin = std_stream(rt, "stdin");
    let stdout = std_stream(rt, "stdout");
    if let Std::Lost = stdin {
        return err(cx, rt, "RuntimeError", "input(): lost sys.stdin");
    }
    let prompt = match args.first() {
        Some(&p) => to_str(cx, rt, p)?,
        None => String::new(),
    };
    match stdout {
        Std::Lost => return err(cx, rt, "RuntimeError", "input(): lost sys.stdout"),
        Std::Original => {
            let mut out = rt.out.borrow_mut();
            let _ = out.write_all(prompt.as_bytes());
            let _ = out.flush();
        }
        Std::Replaced(f) => {
            let _ = metatrace::Ctx::root(cx, f);
            if !prompt.is_empty() {
                write_to(cx, rt, f, &prompt)?;
            }
            flush(cx, rt, f)?;
        }
    }
    // Once `sys` exists, its stdin (which may have read ahead) is where lines come from.
    let sys_stdin = match stdin {
        Std::Replaced(f) => Some(f),
        _ => None,
    };
    let line = match sys_stdin {
        Some(f) => {
            let r = crate::attrs::getattr(cx, rt, f, "readline")?;
            let line = call_value(cx, rt, r, &[], &[])?;
            if !is(line, &STR) {
                let msg = format!("object.readline() returned non-string");
                return err(cx, rt, "TypeError", &msg);
            }
            text(line).to_string()
        }
        None => {
            let mut line = String::new();
            if std::io::stdin().read_line(&mut line).is_err() {
                line.clear();
            }
            line
        }
    };
    if line.is_empty() {
        return err(cx, rt, "EOFError", "EOF when reading a line");
    }
    let l = line.strip_suffix('\n').unwrap_or(&line);
    let l = if sys_stdin.is_none() { l.strip_suffix('\r').unwrap_or(l) } else { l };
    Ok(new_str(cx.heap_mut(), l))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)`: `_io.open`.
pub(super) fn open<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let io = crate::modules::import_module(cx, rt, "_io")?;
    let Some(f) = crate::globals::peek_global_of(rt, io, "open") else {
        return err(cx, rt, "ImportError", "cannot import name 'open' from '_io'");
    };
    call_value(cx, rt, f, args, kw)
}

/// `exit(code=None)` and `quit(code=None)` (the site module's): raise SystemExit.
pub(super) fn exit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let code = args.first().copied().or_else(|| kwarg(kw, "code")).unwrap_or(rt.none.get());
    let e = crate::types::call_type(cx, rt, rt.builtin_type("SystemExit"), &[code], &[])?;
    Err(e)
}

/// The interactive display of an expression statement's value (`sys.displayhook`): its repr
/// on `sys.stdout`, and `builtins._` set to it (None prints nothing).
pub fn display_value<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<(), usize> {
    if v == rt.none.get() {
        return Ok(());
    }
    let builtins = rt.builtins.get();
    crate::globals::store_global(cx, rt, builtins, "_", rt.none.get());
    let mut line = b::to_repr(cx, rt, v)?;
    line.push('\n');
    match std_stream(rt, "stdout") {
        Std::Original => {
            let _ = rt.out.borrow_mut().write_all(line.as_bytes());
        }
        Std::Lost => return err(cx, rt, "RuntimeError", "lost sys.stdout").map(|_| ()),
        Std::Replaced(f) => {
            let _ = metatrace::Ctx::root(cx, f);
            write_to(cx, rt, f, &line)?;
        }
    }
    crate::globals::store_global(cx, rt, builtins, "_", v);
    Ok(())
}
