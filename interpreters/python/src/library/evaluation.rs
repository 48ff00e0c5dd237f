//! `exec`, `eval` and `compile`, and the `code` objects `compile` returns.
//!
//! Module globals are slots of a module object, not a dict: code run with a globals *dict*
//! runs in a module made from the dict's items, and what it leaves in that module is copied
//! back into the dict (new, changed and deleted names). A dict that is an unchanged snapshot of
//! a loaded module's globals (`exec(src, globals())`) stands for the module itself. With a
//! separate locals mapping, or from inside a function or class body, the code is compiled so
//! its top-level names go to the locals mapping first (as CPython's `LOAD_NAME` does).

use super::*;
use crate::bytecode::Code;

rows! {
    "exec" => exec,
    "eval" => eval,
    "compile" => compile,
    "code.__repr__" => code_repr,
}

thread_local! {
    /// Compiled sources by (source, filename, mode, names in a namespace): running the same
    /// string again reuses its code object (and its registration in the runtime).
    static CACHE: std::cell::RefCell<std::collections::HashMap<(String, String, &'static str, bool), Rc<Code>>> =
        Default::default();
}

fn mode_name(mode: &str) -> &'static str {
    match mode {
        "eval" => "eval",
        "single" => "single",
        _ => "exec",
    }
}

/// Compiles `source` (cached), or the SyntaxError exception.
fn compile_cached<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    source: &str,
    filename: &str,
    mode: &str,
    ns_names: bool,
) -> Result<Rc<Code>, usize> {
    let key = (source.to_string(), filename.to_string(), mode_name(mode), ns_names);
    if let Some(c) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    match crate::compile::compile_for(source, filename, mode, ns_names) {
        Ok(code) => {
            CACHE.with(|c| c.borrow_mut().insert(key, code.clone()));
            Ok(code)
        }
        Err(e) => Err(crate::modules::syntax_error(cx, rt, &e)),
    }
}

/// The source text of `exec`/`eval`/`compile`'s first argument (str, or bytes as UTF-8), or
/// None for other objects.
fn source_text<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<Option<String>, usize> {
    let s = if is(v, &STR) {
        text(v).to_string()
    } else if let Some(bytes) = crate::bytes::buffer(v) {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => return err(cx, rt, "SyntaxError", "source code cannot be decoded as UTF-8").map(|_| None),
        }
    } else {
        return Ok(None);
    };
    if s.contains('\0') {
        return err(cx, rt, "SyntaxError", "source code string cannot contain null bytes").map(|_| None);
    }
    Ok(Some(s))
}

/// Where code runs: the module whose globals it uses, the namespace mapping (0: none), and
/// the globals dict to copy the module back into afterwards (0: none).
struct Target {
    module: usize,
    ns: usize,
    sync: usize,
}

/// The module standing for globals dict `g`: the loaded module `g` is an unchanged snapshot
/// of, or a new module holding `g`'s items.
fn module_for_dict<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, g: usize) -> PyResult {
    let items: Vec<(usize, usize)> =
        dict::items(g).into_iter().filter(|&(k, _)| !(is(k, &STR) && text(k) == "__builtins__")).collect();
    let name = items.iter().find(|&&(k, _)| is(k, &STR) && text(k) == "__name__").map(|&(_, v)| v);
    if let Some(n) = name.filter(|&n| is(n, &STR)) {
        let m = rt.module_cache.borrow().get(text(n)).copied();
        if let Some(m) = m {
            let id = rt.module_id(m) as usize;
            let count = rt.modules.borrow()[id]
                .order
                .iter()
                .filter(|n| &***n != "__builtins__" && crate::globals::peek_global_of(rt, m, n).is_some())
                .count();
            let same = count == items.len()
                && items.iter().all(|&(k, v)| is(k, &STR) && crate::globals::peek_global_of(rt, m, text(k)) == Some(v));
            if same {
                return Ok(m);
            }
        }
    }
    let version = metatrace::Ctx::quasi_new(cx, 0);
    let shown = name.filter(|&n| is(n, &STR)).map(|n| text(n).to_string()).unwrap_or_else(|| "__exec__".into());
    let m = crate::globals::new_module(rt, cx.heap_mut(), metatrace::QuasiId::from_raw(version), &shown);
    for (k, v) in items {
        if is(k, &STR) && text(k) != "__builtins__" {
            crate::globals::set_global_raw(rt, cx.heap_mut(), m, text(k), v);
        }
    }
    Ok(m)
}

/// Copies module `m`'s globals back into dict `g` (names it no longer has are removed).
fn sync_back<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, m: usize, g: usize) -> Result<(), usize> {
    let id = rt.module_id(m) as usize;
    let order = rt.modules.borrow()[id].order.clone();
    for n in order {
        let k = new_str(cx.heap_mut(), &n);
        let _ = metatrace::Ctx::root(cx, k);
        match crate::globals::peek_global_of(rt, m, &n) {
            Some(v) => dict::set(cx, rt, g, k, v)?,
            None => {
                dict::remove(cx, rt, g, k)?;
            }
        }
    }
    Ok(())
}

/// Where `exec`/`eval` called as `fname(src, globals, locals)` (the `__frame__` keyword
/// describing the caller) runs its code.
fn target<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    fname: &str,
    globals: Option<usize>,
    locals: Option<usize>,
    frame: Option<usize>,
) -> Result<Target, usize> {
    let none = rt.none.get();
    let globals = globals.filter(|&g| g != none);
    let locals = locals.filter(|&l| l != none);
    // CPython's PyMapping_Check: anything subscriptable.
    let mapping = |v: usize| {
        dict::is_dict(v)
            || is(v, &LIST)
            || is(v, &TUPLE)
            || is(v, &STR)
            || crate::bytes::is_binary(v)
            || classes::special(rt, b::peek_type(rt, v), "__getitem__").is_some()
    };
    if let Some(l) = locals {
        if !mapping(l) {
            let msg = if fname == "exec" {
                format!("locals must be a mapping or None, not {}", b::type_name(rt, l))
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
        }
        if !dict::is_dict(l) {
            return Err(crate::errors::new_error(cx, rt, "TypeError", "locals other than a dict are not supported"));
        }
    }
    match globals {
        // `globals()` of a module (see `_moduledict`): the code runs in the module itself.
        Some(g)
            if is(g, &INSTANCE)
                && &*b::type_name(rt, g) == "ModuleDict"
                && classes::peek_slot(rt, g, "_module").is_some_and(|m| is(m, &MODULE)) =>
        {
            let m = classes::peek_slot(rt, g, "_module").expect("checked");
            Ok(Target { module: m, ns: locals.filter(|&l| l != g).unwrap_or(0), sync: 0 })
        }
        Some(g) => {
            if !dict::is_dict(g) {
                let msg = if fname == "exec" {
                    format!("exec() globals must be a dict, not {}", b::type_name(rt, g))
                } else if mapping(g) {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                };
                return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
            }
            let key = new_str(cx.heap_mut(), "__builtins__");
            let _ = metatrace::Ctx::root(cx, key);
            if dict::lookup(cx, rt, g, key)?.is_none() {
                dict::set(cx, rt, g, key, rt.builtins.get())?;
            }
            let m = module_for_dict(cx, rt, g)?;
            let ns = locals.filter(|&l| l != g).unwrap_or(0);
            Ok(Target { module: m, ns, sync: g })
        }
        None => {
            let Some(info) = frame else {
                let main = rt.module_cache.borrow().get("__main__").copied().unwrap_or(rt.builtins.get());
                return Ok(Target { module: main, ns: locals.unwrap_or(0), sync: 0 });
            };
            let [m, code, ns, ..] = tuple_items(info)[..] else { unreachable!("frame info") };
            if let Some(l) = locals {
                return Ok(Target { module: m, ns: l, sync: 0 });
            }
            if ns != none {
                return Ok(Target { module: m, ns, sync: 0 });
            }
            let code = rt.code(peek_i64(code).unwrap_or(0) as u32);
            if code.kind == crate::bytecode::CodeKind::Module {
                return Ok(Target { module: m, ns: 0, sync: 0 });
            }
            let snapshot = super::functions::frame_locals(cx, rt, Some(info))?;
            Ok(Target { module: m, ns: snapshot, sync: 0 })
        }
    }
}

/// What a `code` object holds: its source, file name and mode.
fn code_parts(rt: &Python, c: usize) -> Option<(String, String, String)> {
    let get = |n: &str| classes::peek_slot(rt, c, n).filter(|&v| is(v, &STR)).map(|v| text(v).to_string());
    Some((get("_source")?, get("co_filename")?, get("_mode")?))
}

fn is_code(rt: &Python, v: usize) -> bool {
    is(v, &INSTANCE) && b::peek_type(rt, v) == rt.builtin_type("code")
}

/// `exec` and `eval`: runs `args[0]` (source or code object) and returns its value.
fn run<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fname: &str, args: &[usize], kw: Kw<'_>) -> PyResult {
    let frame = kwarg(kw, FRAME_KW);
    for (k, _) in kw {
        if !matches!(&**k, FRAME_KW | "globals" | "locals" | "closure") {
            return err(cx, rt, "TypeError", &format!("{fname}() got an unexpected keyword argument '{k}'"));
        }
    }
    if args.len() > 3 {
        return err(cx, rt, "TypeError", &format!("{fname} expected at most 3 arguments, got {}", args.len()));
    }
    let Some(&src) = args.first() else {
        return err(cx, rt, "TypeError", &format!("{fname} expected at least 1 argument, got 0"));
    };
    let globals = args.get(1).copied().or_else(|| kwarg(kw, "globals"));
    let locals = args.get(2).copied().or_else(|| kwarg(kw, "locals"));
    let (source, filename, mode) = if is_code(rt, src) {
        match code_parts(rt, src) {
            Some(p) => p,
            None => return err(cx, rt, "TypeError", "code object is empty"),
        }
    } else {
        match source_text(cx, rt, src)? {
            Some(s) if fname == "eval" => {
                (s.trim_start_matches([' ', '\t']).to_string(), "<string>".into(), "eval".into())
            }
            Some(s) => (s, "<string>".into(), "exec".into()),
            None => {
                let msg = format!("{fname}() arg 1 must be a string, bytes or code object");
                return err(cx, rt, "TypeError", &msg);
            }
        }
    };
    let t = target(cx, rt, fname, globals, locals, frame)?;
    let _ = metatrace::Ctx::root(cx, t.ns);
    let code = compile_cached(cx, rt, &source, &filename, &mode, t.ns != 0)?;
    let r = crate::modules::run_code_in(cx, rt, &code, t.module, t.ns);
    if t.sync != 0 {
        if let Ok(v) = r {
            let _ = metatrace::Ctx::root(cx, v);
        }
        sync_back(cx, rt, t.module, t.sync)?;
    }
    let v = r?;
    Ok(if fname == "exec" || mode != "eval" { rt.none.get() } else { v })
}

pub(super) fn exec<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    run(cx, rt, "exec", args, kw)
}

pub(super) fn eval<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    run(cx, rt, "eval", args, kw)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`: a code object.
pub(super) fn compile<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    const PARAMS: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    for (k, _) in kw {
        if !PARAMS.contains(&&**k) && &**k != "_feature_version" {
            return err(cx, rt, "TypeError", &format!("compile() got an unexpected keyword argument '{k}'"));
        }
    }
    if args.len() > 6 {
        return err(cx, rt, "TypeError", &format!("compile() takes at most 6 arguments ({} given)", args.len()));
    }
    let mut vals = [None; 3];
    for (k, name) in PARAMS[..3].iter().enumerate() {
        vals[k] = args.get(k).copied().or_else(|| kwarg(kw, name));
        if vals[k].is_none() {
            let msg = format!("compile() missing required argument '{name}' (pos {})", k + 1);
            return err(cx, rt, "TypeError", &msg);
        }
    }
    let [Some(src), Some(file), Some(mode)] = vals else { unreachable!("checked above") };
    let Some(source) = source_text(cx, rt, src)? else {
        return err(cx, rt, "TypeError", "compile() arg 1 must be a string, bytes or AST object");
    };
    let filename = if is(file, &STR) {
        text(file).to_string()
    } else if let Some(b) = crate::bytes::buffer(file) {
        String::from_utf8_lossy(b).into_owned()
    } else {
        let msg = format!("expected str, bytes or os.PathLike object, not {}", b::type_name(rt, file));
        return err(cx, rt, "TypeError", &msg);
    };
    if !is(mode, &STR) {
        let msg = format!("compile() argument 'mode' must be str, not {}", b::type_name(rt, mode));
        return err(cx, rt, "TypeError", &msg);
    }
    let mode = text(mode).to_string();
    if !matches!(mode.as_str(), "exec" | "eval" | "single") {
        return err(cx, rt, "ValueError", "compile() mode must be 'exec', 'eval' or 'single'");
    }
    let source = if mode == "eval" { source.trim_start_matches([' ', '\t']).to_string() } else { source };
    let code = compile_cached(cx, rt, &source, &filename, &mode, false)?;
    let obj = crate::types::call_type(cx, rt, rt.builtin_type("code"), &[], &[])?;
    let _ = metatrace::Ctx::root(cx, obj);
    let fields: [(&str, &str); 4] =
        [("co_name", &code.name), ("co_filename", &filename), ("_source", &source), ("_mode", &mode)];
    for (name, v) in fields {
        let s = new_str(cx.heap_mut(), v);
        classes::set_slot(cx, rt, obj, name, s);
    }
    let line = new_int(cx.heap_mut(), code.firstline as i64);
    classes::set_slot(cx, rt, obj, "co_firstlineno", line);
    Ok(obj)
}

pub(super) fn code_repr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let c = this(t);
    let get = |n: &str| classes::peek_slot(rt, c, n).filter(|&v| is(v, &STR)).map(|v| text(v).to_string());
    let name = get("co_name").unwrap_or_else(|| "?".into());
    let file = get("co_filename").unwrap_or_else(|| "?".into());
    let line = classes::peek_slot(rt, c, "co_firstlineno").and_then(peek_i64).unwrap_or(1);
    s(cx, &format!("<code object {name} at {c:#x}, file \"{file}\", line {line}>"))
}
