//! `import`: the modules written in Rust (`math`, `sys`, `time`, `_struct`, `_binascii`, ...), then the library modules
//! written in Python and embedded in the binary ([`crate::stdlib`]), then modules found through
//! `sys.path` (the script's folder, then the working directory) as `name.py` or
//! `name/__init__.py`; each compiled and run once.

use crate::builtins::{err, text, PyResult};
use crate::objects::*;
use crate::runtime::{new_float, new_int, new_list, new_str, tuple_items};
use crate::space::Space;
use crate::{globals, Py, Python};
use metatrace::{Concrete, Ctx};
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// `__import__(name, fromlist, level)` from module `importer`: the module `import` binds.
pub fn import<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    name: &str,
    fromlist: usize,
    level: i64,
    importer: usize,
) -> PyResult {
    let full = if level > 0 {
        let id = rt.module_id(importer) as usize;
        // `__package__` (a module run by `-m` sets it) names the package relative imports
        // start from; otherwise the module's own name does.
        let package = globals::peek_global_of(rt, importer, "__package__")
            .filter(|&p| is(p, &STR) && !text(p).is_empty())
            .map(|p| text(p).to_string());
        let (me, is_pkg) = match package {
            Some(p) => (p, true),
            None => {
                let me = rt.modules.borrow()[id].name.to_string();
                let is_pkg = rt.packages.borrow().contains(&me);
                (me, is_pkg)
            }
        };
        let mut parts: Vec<&str> = me.split('.').collect();
        let drop = if is_pkg { level - 1 } else { level };
        for _ in 0..drop {
            if parts.pop().is_none() {
                return err(cx, rt, "ImportError", "attempted relative import beyond top-level package");
            }
        }
        let base = parts.join(".");
        match (base.is_empty(), name.is_empty()) {
            (true, _) => {
                return err(cx, rt, "ImportError", "attempted relative import with no known parent package");
            }
            (false, true) => base,
            (false, false) => format!("{base}.{name}"),
        }
    } else {
        name.to_string()
    };
    // Import each package on the way down.
    let mut module = 0;
    let mut prefix = String::new();
    let mut top = 0;
    for part in full.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        let parent = module;
        module = load(cx, rt, &prefix)?;
        if parent != 0 {
            globals::set_global_raw(rt, cx.heap_mut(), parent, part, module);
        }
        if top == 0 {
            top = module;
        }
    }
    let wants_list =
        fromlist != 0 && fromlist != rt.none.get() && is(fromlist, &TUPLE) && !tuple_items(fromlist).is_empty();
    if wants_list {
        // `from pkg import sub`: submodules load on demand.
        if rt.packages.borrow().contains(&full) {
            for n in tuple_items(fromlist) {
                let n = text(n);
                if n != "*" && globals::peek_global(rt, module, n).is_none() {
                    let sub = format!("{full}.{n}");
                    if crate::stdlib::find(&sub).is_some() || find(rt, &sub).is_some() {
                        let m = load(cx, rt, &sub)?;
                        globals::set_global_raw(rt, cx.heap_mut(), module, n, m);
                    }
                }
            }
        }
        return Ok(module);
    }
    Ok(if level > 0 { module } else { top })
}

/// `importlib.import_module(name)`: module `name` itself (its packages imported, and each
/// bound in its parent, on the way).
pub fn import_module<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str) -> PyResult {
    if name.is_empty() || name.split('.').any(|p| p.is_empty()) {
        let msg = if name.is_empty() { "Empty module name".to_string() } else { format!("No module named '{name}'") };
        return err(cx, rt, if name.is_empty() { "ValueError" } else { "ModuleNotFoundError" }, &msg);
    }
    import(cx, rt, name, 0, 0, 0)?;
    let leaf = rt.module_cache.borrow().get(name).copied();
    match leaf {
        Some(m) => Ok(m),
        None => err(cx, rt, "ModuleNotFoundError", &format!("No module named '{name}'")),
    }
}

/// The file of module `name`, and whether it is a package.
fn find(rt: &Python, name: &str) -> Option<(std::path::PathBuf, bool)> {
    let rel: std::path::PathBuf = name.split('.').collect();
    // `sys.path` as the program left it (entries it inserted or appended count; relative
    // ones, `''` too, are relative to the working directory), else the initial path.
    let sys = rt.module_cache.borrow().get("sys").copied();
    let listed = sys.and_then(|m| crate::globals::peek_global_of(rt, m, "path")).filter(|&l| is(l, &LIST));
    let dirs: Vec<std::path::PathBuf> = match listed {
        Some(l) => crate::runtime::list_items(l)
            .into_iter()
            .filter(|&p| is(p, &STR))
            .map(|p| {
                let t = crate::builtins::text(p);
                std::path::PathBuf::from(if t.is_empty() { "." } else { t })
            })
            .collect(),
        None => rt.path.borrow().clone(),
    };
    for dir in dirs.iter() {
        let file = dir.join(&rel).with_extension("py");
        if file.is_file() {
            return Some((file, false));
        }
        let init = dir.join(&rel).join("__init__.py");
        if init.is_file() {
            return Some((init, true));
        }
    }
    None
}

/// Module `name` (a dotted path), loading it the first time.
fn load<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str) -> PyResult {
    if let Some(&m) = rt.module_cache.borrow().get(name) {
        return Ok(m);
    }
    if let Some(m) = sys_modules_entry(cx, rt, name)? {
        rt.module_cache.borrow_mut().insert(name.to_string(), m);
        return Ok(m);
    }
    if name == "builtins" {
        let m = rt.builtins.get();
        rt.module_cache.borrow_mut().insert(name.to_string(), m);
        return Ok(m);
    }
    if let Some(m) = builtin_module(cx, rt, name)? {
        crate::library::cache_module(cx, rt, name, m)?;
        return Ok(m);
    }
    if let Some(m) = crate::stdlib::find(name) {
        return run_module(cx, rt, name, m.source, &crate::stdlib::filename(name), m.package, false);
    }
    let Some((file, package)) = find(rt, name) else {
        let e = crate::errors::new_error(cx, rt, "ModuleNotFoundError", &format!("No module named '{name}'"));
        let n = new_str(cx.heap_mut(), name);
        crate::classes::set_slot(cx, rt, e, "name", n);
        return Err(e);
    };
    let source = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => return err(cx, rt, "ImportError", &format!("cannot read {}: {e}", file.display())),
    };
    run_module(cx, rt, name, &source, &file.display().to_string(), package, true)
}

/// `importlib.reload(m)`: runs the module's source again in the same module object (its
/// names stay, the new definitions replace theirs).
pub fn reload<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, m: usize) -> PyResult {
    let name = rt.modules.borrow()[rt.module_id(m) as usize].name.to_string();
    let (source, filename) = if let Some(found) = crate::stdlib::find(&name) {
        (found.source.to_string(), crate::stdlib::filename(&name).to_string())
    } else if let Some((file, _)) = find(rt, &name) {
        match std::fs::read_to_string(&file) {
            Ok(s) => (s, file.display().to_string()),
            Err(e) => return err(cx, rt, "ImportError", &format!("cannot read {}: {e}", file.display())),
        }
    } else {
        let msg = format!("spec not found for the module '{name}'");
        return err(cx, rt, "ModuleNotFoundError", &msg);
    };
    let code = match crate::compile::compile_module(&source, &filename) {
        Ok(c) => c,
        Err(e) => return Err(syntax_error(cx, rt, &e)),
    };
    rt.sources.borrow_mut().insert(Rc::from(filename.as_str()), Rc::from(source.as_str()));
    run_code_in(cx, rt, &code, m, 0)?;
    Ok(m)
}

/// What a program put in `sys.modules` under `name` (as `os` does for `os.path`).
fn sys_modules_entry<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str) -> Result<Option<usize>, usize> {
    let sys = rt.module_cache.borrow().get("sys").copied();
    let Some(d) = sys.and_then(|s| globals::peek_global_of(rt, s, "modules")).filter(|&d| crate::dict::is_dict(d))
    else {
        return Ok(None);
    };
    let k = new_str(cx.heap_mut(), name);
    Ok(crate::dict::lookup(cx, rt, d, k)?.filter(|&m| m != rt.none.get()))
}

/// Compiles and runs module `name` from `source` (read from `filename`; `has_file`: a real
/// file, which becomes the module's `__file__`), caching it as it starts.
fn run_module<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    name: &str,
    source: &str,
    filename: &str,
    package: bool,
    has_file: bool,
) -> PyResult {
    let code = match crate::compile::compile_module(source, filename) {
        Ok(c) => c,
        Err(e) => return Err(syntax_error(cx, rt, &e)),
    };
    rt.sources.borrow_mut().insert(Rc::from(filename), Rc::from(source));
    let version = cx.quasi_new(0);
    let m = globals::new_module(rt, cx.heap_mut(), metatrace::QuasiId::from_raw(version), name);
    let n = new_str(cx.heap_mut(), name);
    globals::set_global_raw(rt, cx.heap_mut(), m, "__name__", n);
    if has_file {
        let f = new_str(cx.heap_mut(), filename);
        globals::set_global_raw(rt, cx.heap_mut(), m, "__file__", f);
    }
    if package {
        rt.packages.borrow_mut().insert(name.to_string());
        // `__path__`: where the package's modules are (its folder).
        let dir =
            if has_file { std::path::Path::new(filename).parent().map(|d| d.display().to_string()) } else { None };
        let l = match dir {
            Some(d) => {
                let s = new_str(cx.heap_mut(), &d);
                let _ = cx.root(s);
                new_list(cx.heap_mut(), &[s])
            }
            None => new_list(cx.heap_mut(), &[]),
        };
        globals::set_global_raw(rt, cx.heap_mut(), m, "__path__", l);
    }
    // `__package__`: the package itself, or the module's parent ('' at the top).
    let parent = if package { name } else { name.rsplit_once('.').map_or("", |(p, _)| p) };
    let p = new_str(cx.heap_mut(), parent);
    globals::set_global_raw(rt, cx.heap_mut(), m, "__package__", p);
    // Cached before it runs: circular imports see the module as it is so far.
    crate::library::cache_module(cx, rt, name, m)?;
    if let Err(e) = run_code_in(cx, rt, &code, m, 0) {
        rt.module_cache.borrow_mut().remove(name);
        return Err(e);
    }
    Ok(m)
}

/// Runs `code` (module-level code) with `module`'s globals and, unless `ns` is 0, namespace
/// mapping `ns` (for `*Name` instructions): what the code returns.
pub fn run_code_in<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    code: &Rc<crate::bytecode::Code>,
    module: usize,
    ns: usize,
) -> PyResult {
    let id = rt.code_id(cx.heap_mut(), code);
    crate::interp::name_code(id, &code.qualname);
    let consts = rt.consts.borrow()[id as usize].clone();
    let frame = crate::interp::Frame {
        rt: rt.me.borrow().upgrade().expect("the runtime is alive"),
        code: code.clone(),
        consts,
        code_id: id,
        pc: 0,
        phase: crate::interp::START,
        globals: module,
        exc: rt.none.get(),
        ns,
        gen: 0,
        slots: crate::slots::Slots::new_in(&rt.slot_pool, code.varnames.len(), code.stacksize as usize, 0),
    };
    cx.call_function(frame)
}

/// The `SyntaxError` (or `IndentationError`, `TabError`) exception for a compile error.
pub fn syntax_error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, e: &crate::compile::SyntaxError) -> usize {
    let mut parts = Vec::new();
    let root = |cx: &mut Cx<'_, S>, o: usize, parts: &mut Vec<usize>| {
        let _ = metatrace::Ctx::root(cx, o);
        parts.push(o);
    };
    let o = new_str(cx.heap_mut(), &e.filename);
    root(cx, o, &mut parts);
    for n in [e.line, e.col] {
        let o = new_int(cx.heap_mut(), n as i64);
        root(cx, o, &mut parts);
    }
    let o = match &e.text {
        Some(t) => new_str(cx.heap_mut(), t),
        None => rt.none.get(),
    };
    root(cx, o, &mut parts);
    for n in [e.end_line, e.end_col] {
        let o = new_int(cx.heap_mut(), n as i64);
        root(cx, o, &mut parts);
    }
    let info = crate::runtime::new_tuple(cx.heap_mut(), &parts);
    let _ = metatrace::Ctx::root(cx, info);
    let msg = new_str(cx.heap_mut(), &e.msg);
    let class = rt.builtin_type(&format!("{:?}", e.kind));
    match crate::types::call_type(cx, rt, class, &[msg, info], &[]) {
        Ok(x) | Err(x) => x,
    }
}

/// A module written in Rust, made the first time it is imported.
fn builtin_module<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str) -> Result<Option<usize>, usize> {
    if name == "builtins" {
        return Ok(Some(rt.builtins.get()));
    }
    let prefix = format!("{name}.");
    let funcs: Vec<(usize, &str)> =
        crate::library::NAMES.iter().enumerate().filter_map(|(k, n)| n.strip_prefix(&prefix).map(|f| (k, f))).collect();
    let values: Vec<(&str, usize)> = match name {
        "math" => vec![
            ("pi", new_float(cx.heap_mut(), std::f64::consts::PI)),
            ("e", new_float(cx.heap_mut(), std::f64::consts::E)),
            ("tau", new_float(cx.heap_mut(), std::f64::consts::TAU)),
            ("inf", new_float(cx.heap_mut(), f64::INFINITY)),
            ("nan", new_float(cx.heap_mut(), f64::NAN)),
        ],
        "sys" => {
            // The standard streams are made when first asked for (`sys.__getattr__`): making
            // them compiles and runs `_io`.
            let extra = crate::library::sys_values(cx, rt)?;
            let rooted_str = |cx: &mut Cx<'_, S>, s: &str| {
                let o = new_str(cx.heap_mut(), s);
                let _ = metatrace::Ctx::root(cx, o);
                o
            };
            let argv: Vec<usize> = rt.argv.borrow().clone().iter().map(|a| rooted_str(cx, a)).collect();
            let argv = new_list(cx.heap_mut(), &argv);
            let _ = metatrace::Ctx::root(cx, argv);
            let paths: Vec<String> = rt.path.borrow().iter().map(|p| p.display().to_string()).collect();
            let path: Vec<usize> = paths.iter().map(|p| rooted_str(cx, p)).collect();
            let path = new_list(cx.heap_mut(), &path);
            let _ = metatrace::Ctx::root(cx, path);
            let mut v = vec![
                ("argv", argv),
                ("path", path),
                ("maxsize", {
                    let o = new_int(cx.heap_mut(), i64::MAX);
                    let _ = metatrace::Ctx::root(cx, o);
                    o
                }),
                ("version", rooted_str(cx, "3.11.7 (mtpy)")),
                ("platform", rooted_str(cx, "linux")),
                ("byteorder", rooted_str(cx, "little")),
            ];
            v.extend(extra);
            v
        }
        "posix" => vec![("environ", crate::library::posix_environ(cx, rt)?)],
        "unicodedata" => vec![("unidata_version", new_str(cx.heap_mut(), crate::library::UNIDATA_VERSION))],
        // Other modules of Rust functions (`time`, `importlib`): just their functions.
        _ if funcs.is_empty() => return Ok(None),
        _ => vec![],
    };
    let version = cx.quasi_new(0);
    let m = globals::new_module(rt, cx.heap_mut(), metatrace::QuasiId::from_raw(version), name);
    let n = new_str(cx.heap_mut(), name);
    globals::set_global_raw(rt, cx.heap_mut(), m, "__name__", n);
    for (k, f) in funcs {
        let b = cx.heap_mut().alloc(&BUILTIN);
        // SAFETY: just allocated with the BUILTIN layout.
        unsafe { *((b + BUILTIN_ID.offset as usize) as *mut usize) = k };
        globals::set_global_raw(rt, cx.heap_mut(), m, f, b);
    }
    for (k, v) in values {
        globals::set_global_raw(rt, cx.heap_mut(), m, k, v);
    }
    Ok(Some(m))
}

/// `sys.stdin`, `sys.stdout` or `sys.stderr`: a text stream of `_io` on descriptor `fd`.
pub fn stream<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, fd: i64) -> PyResult {
    let io = import_module(cx, rt, "_io")?;
    let Some(make) = globals::peek_global_of(rt, io, "_std_stream") else {
        return err(cx, rt, "ImportError", "cannot import name '_std_stream' from '_io'");
    };
    let (name, mode) = match fd {
        0 => ("<stdin>", "r"),
        1 => ("<stdout>", "w"),
        _ => ("<stderr>", "w"),
    };
    let fdv = new_int(cx.heap_mut(), fd);
    let _ = metatrace::Ctx::root(cx, fdv);
    let n = new_str(cx.heap_mut(), name);
    let _ = metatrace::Ctx::root(cx, n);
    let m = new_str(cx.heap_mut(), mode);
    crate::builtins::call_value(cx, rt, make, &[fdv, n, m], &[])
}

/// `from module import *`: every public name (or those in `__all__`) into `target`.
pub fn import_star<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, module: usize, target: usize) -> Result<(), usize> {
    let id = rt.module_id(module) as usize;
    let names: Vec<Rc<str>> =
        match globals::peek_global(rt, module, "__all__").filter(|&a| is(a, &LIST) || is(a, &TUPLE)) {
            Some(all) => {
                let items = if is(all, &LIST) { crate::runtime::list_items(all) } else { tuple_items(all) };
                items.into_iter().map(|n| Rc::from(text(n))).collect()
            }
            None => rt.modules.borrow()[id].order.iter().filter(|n| !n.starts_with('_')).cloned().collect(),
        };
    for n in names {
        if let Some(v) = globals::peek_global(rt, module, &n) {
            globals::set_global_raw(rt, cx.heap_mut(), target, &n, v);
        }
    }
    // New globals in `target`: traces that looked names up there are stale.
    let tid = rt.module_id(target) as usize;
    let version = rt.modules.borrow()[tid].version;
    let old = cx.quasi_get(version);
    cx.quasi_set(version, old + 1);
    Ok(())
}
