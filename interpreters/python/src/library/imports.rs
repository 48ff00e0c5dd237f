//! `__import__` and the `importlib` module (`import_module`): imports by a name computed at
//! run time, through the same lookup as the `import` statement ([`crate::modules`]).

use super::*;

rows! {
    "__import__" => builtin_import,
    "importlib.import_module" => importlib_import_module,
    "importlib.reload" => importlib_reload,
    "module.__new__" => module_new,
}

/// `ModuleType(name, doc=None)`: a new empty module (not in `sys.modules`).
pub(super) fn module_new<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let get = |i: usize, n: &str| args.get(i).copied().or_else(|| kw.iter().find(|(k, _)| &**k == n).map(|(_, v)| *v));
    let Some(name) = get(0, "name") else {
        return err(cx, rt, "TypeError", "module.__new__() missing required argument 'name' (pos 1)");
    };
    let name = module_name(cx, rt, name, "module.__init__() argument 'name'")?;
    let doc = get(1, "doc").unwrap_or(rt.none.get());
    let version = metatrace::QuasiId::from_raw(metatrace::Ctx::quasi_new(cx, 0));
    let m = crate::globals::new_module(rt, cx.heap_mut(), version, name);
    let n = new_str(cx.heap_mut(), name);
    crate::globals::set_global_raw(rt, cx.heap_mut(), m, "__name__", n);
    crate::globals::set_global_raw(rt, cx.heap_mut(), m, "__doc__", doc);
    let none = rt.none.get();
    crate::globals::set_global_raw(rt, cx.heap_mut(), m, "__package__", none);
    Ok(m)
}

/// `name` of a str argument, or CPython's TypeError.
fn module_name<'o, S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, what: &str) -> Result<&'o str, usize> {
    if is(v, &STR) {
        return Ok(text(v));
    }
    let msg = format!("{what} must be str, not {}", b::type_name(rt, v));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the module the
/// `import` statement would bind (the top package unless `fromlist` names something).
pub(super) fn builtin_import<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let get = |i: usize, n: &str| args.get(i).copied().or_else(|| kw.iter().find(|(k, _)| &**k == n).map(|(_, v)| *v));
    let Some(name) = get(0, "name") else {
        return err(cx, rt, "TypeError", "__import__() missing required argument 'name' (pos 1)");
    };
    let name = module_name(cx, rt, name, "__import__() argument 1")?;
    let fromlist = get(3, "fromlist").unwrap_or(0);
    let fromlist =
        if fromlist != 0 && is(fromlist, &LIST) { new_tuple(cx.heap_mut(), &list_items(fromlist)) } else { fromlist };
    let level = get(4, "level").and_then(peek_i64).unwrap_or(0);
    if level < 0 {
        return err(cx, rt, "ValueError", "level must be >= 0");
    }
    if level > 0 {
        return err(cx, rt, "ImportError", "attempted relative import with no known parent package");
    }
    if name.is_empty() {
        return err(cx, rt, "ValueError", "Empty module name");
    }
    crate::modules::import(cx, rt, name, fromlist, 0, 0)
}

/// `importlib.import_module(name, package=None)`: the module `name` itself (relative names,
/// with leading dots, are resolved against `package`).
pub(super) fn importlib_import_module<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let get = |i: usize, n: &str| args.get(i).copied().or_else(|| kw.iter().find(|(k, _)| &**k == n).map(|(_, v)| *v));
    let Some(name) = get(0, "name") else {
        return err(cx, rt, "TypeError", "import_module() missing 1 required positional argument: 'name'");
    };
    let name = module_name(cx, rt, name, "module name")?.to_string();
    let package = get(1, "package").filter(|&p| p != rt.none.get());
    let full = match name.strip_prefix('.') {
        None => name,
        Some(_) => {
            let Some(package) = package else {
                let msg = format!(
                    "the 'package' argument is required to perform a relative import for {}",
                    b::repr_str(&name)
                );
                return err(cx, rt, "TypeError", &msg);
            };
            let package = module_name(cx, rt, package, "package")?;
            let dots = name.len() - name.trim_start_matches('.').len();
            let mut parts: Vec<&str> = package.split('.').collect();
            if dots - 1 >= parts.len() {
                return err(cx, rt, "ImportError", "attempted relative import beyond top-level package");
            }
            parts.truncate(parts.len() - (dots - 1));
            let rest = &name[dots..];
            if rest.is_empty() {
                parts.join(".")
            } else {
                format!("{}.{rest}", parts.join("."))
            }
        }
    };
    crate::modules::import_module(cx, rt, &full)
}

/// `importlib.reload(module)`: the module, its source run again in it.
pub(super) fn importlib_reload<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let m = super::textargs::one(cx, rt, "reload", args, kw)?;
    if !is(m, &MODULE) {
        return err(cx, rt, "TypeError", "reload() argument must be a module");
    }
    crate::modules::reload(cx, rt, m)
}
