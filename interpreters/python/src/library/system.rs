//! The `sys` and `time` modules.
//!
//! `sys.modules` is a dict kept in step with the import cache ([`cache_module`]);
//! `sys.version_info`, `sys.float_info` and `sys.int_info` are struct sequences.

use super::math::fnum;
use super::*;

rows! {
    "sys.exit" => sys_exit,
    "sys.__getattr__" => sys_getattr,
    "sys.getrecursionlimit" => sys_getrecursionlimit,
    "sys.exc_info" => sys_exc_info,
    "sys.exception" => sys_exception,
    "sys._getframe" => sys_getframe,
    "sys._caller" => sys_caller,
    "sys.setrecursionlimit" => sys_setrecursionlimit,
    "sys.get_int_max_str_digits" => sys_get_int_max_str_digits,
    "sys.set_int_max_str_digits" => sys_set_int_max_str_digits,
    "importlib.import_module" => import_module,
    "time.time" => time_time,
    "time.perf_counter" => time_perf_counter,
    "time.monotonic" => time_perf_counter,
    "time.process_time" => time_perf_counter,
    "time.time_ns" => time_time_ns,
    "time.perf_counter_ns" => time_perf_counter_ns,
    "time.monotonic_ns" => time_perf_counter_ns,
    "time.sleep" => time_sleep,
}

pub(super) fn sys_exit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let e = crate::types::call_type(cx, rt, rt.builtin_type("SystemExit"), args, &[])?;
    Err(e)
}
/// The exception the caller is handling, or None (the frame comes as the `__frame__`
/// keyword, see `frame_info`).
fn handled(rt: &Python, kw: Kw<'_>) -> usize {
    kwarg(kw, super::functions::FRAME_KW).map_or(rt.none.get(), |info| tuple_items(info)[4])
}

pub(super) fn sys_exception<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if !args.is_empty() {
        return err(cx, rt, "TypeError", &format!("exception() takes no arguments ({} given)", args.len()));
    }
    Ok(handled(rt, kw))
}

pub(super) fn sys_exc_info<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if !args.is_empty() {
        return err(cx, rt, "TypeError", &format!("exc_info() takes no arguments ({} given)", args.len()));
    }
    let e = handled(rt, kw);
    let none = rt.none.get();
    if e == none {
        return Ok(crate::runtime::new_tuple(cx.heap_mut(), &[none, none, none]));
    }
    let t = crate::builtins::peek_type(rt, e);
    let tb = crate::types::getattr(cx, rt, e, "__traceback__")?;
    Ok(crate::runtime::new_tuple(cx.heap_mut(), &[t, e, tb]))
}

/// `sys._getframe(depth=0)`: a `frame` object for the caller (the frame comes as the
/// `__frame__` keyword, see `frame_info`) or, with a depth, for one of its callers, with
/// `f_code`, `f_lineno`, `f_globals`, `f_locals` and `f_back` linking the callers' frames
/// (made now: the toolchain lists the frames suspended below the call, see
/// `Concrete::caller_frames`; a trace that asks is given up, as compiled code keeps its
/// frames virtual).
pub(super) fn sys_getframe<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if args.len() > 1 {
        return err(cx, rt, "TypeError", &format!("_getframe expected at most 1 argument, got {}", args.len()));
    }
    let depth = match args.first() {
        Some(&d) => match peek_i64(d) {
            Some(d) => d.max(0) as usize,
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", crate::builtins::type_name(rt, d));
                return err(cx, rt, "TypeError", &msg);
            }
        },
        None => 0,
    };
    let frames = caller_frames(cx, rt, kwarg(kw, super::functions::FRAME_KW));
    if depth >= frames.len() {
        return err(cx, rt, "ValueError", "call stack is not deep enough");
    }
    // Outermost first, so that each frame's caller exists when it is made.
    let mut back = rt.none.get();
    let mut globals: Vec<(usize, usize)> = Vec::new();
    for info in frames[depth..].iter().rev() {
        let items = tuple_items(*info);
        let code_id = peek_i64(items[1]).unwrap_or(0) as u32;
        let pc = peek_i64(items[5]).unwrap_or(0) as usize;
        let f = super::exceptions::make_frame(cx, rt, code_id, pc)?;
        let _ = metatrace::Ctx::root(cx, f);
        let g = match globals.iter().find(|(m, _)| *m == items[0]) {
            Some(&(_, g)) => g,
            None => {
                let g = super::functions::frame_globals(cx, rt, items[0])?;
                let _ = metatrace::Ctx::root(cx, g);
                globals.push((items[0], g));
                g
            }
        };
        classes::set_slot(cx, rt, f, "f_globals", g);
        let locals = super::functions::frame_locals(cx, rt, Some(*info))?;
        classes::set_slot(cx, rt, f, "f_locals", locals);
        classes::set_slot(cx, rt, f, "f_back", back);
        back = f;
    }
    Ok(back)
}

/// `sys._caller(skip_file, stacklevel)`: `(co_filename, line, co_name)` of the frame that
/// logging's `findCaller` names, without making frame objects: from the caller outwards,
/// the `stacklevel`-th frame whose code is not from `skip_file` (or the outermost frame).
/// None when there is no caller frame.
pub(super) fn sys_caller<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let (Some(&skip), Some(level)) = (args.first(), args.get(1).and_then(|&a| peek_i64(a))) else {
        return err(cx, rt, "TypeError", "_caller expected a file name and a stack level");
    };
    let skip = if is(skip, &STR) { text(skip).to_string() } else { String::new() };
    let mut keys: Vec<(u32, usize)> = Vec::new();
    if let Some(info) = kwarg(kw, super::functions::FRAME_KW) {
        let items = tuple_items(info);
        keys.push((peek_i64(items[1]).unwrap_or(0) as u32, peek_i64(items[5]).unwrap_or(0) as usize));
    }
    cx.caller_frames(&mut |key, _| {
        let k = (key.code, key.pc as usize);
        if keys.len() != 1 || keys[0] != k {
            keys.push(k);
        }
    });
    // The caller itself (findCaller) is the start; then outwards as CPython walks f_back.
    if keys.is_empty() {
        return Ok(rt.none.get());
    }
    let (mut at, mut level) = (0, level);
    while level > 0 && at + 1 < keys.len() {
        at += 1;
        if *rt.code(keys[at].0).filename != *skip {
            level -= 1;
        }
    }
    let found = keys[at];
    let code = rt.code(found.0);
    let (file, line, name) = (code.filename.clone(), code.line_at(found.1), code.name.clone());
    let file = new_str(cx.heap_mut(), &file);
    let _ = metatrace::Ctx::root(cx, file);
    let name = new_str(cx.heap_mut(), &name);
    let _ = metatrace::Ctx::root(cx, name);
    let line = new_int(cx.heap_mut(), line as i64);
    Ok(crate::runtime::new_tuple(cx.heap_mut(), &[file, line, name]))
}

/// What `frame_info` tells of each frame from the caller's (`info`, when the interpreter
/// passed it) outwards, as rooted tuples.
fn caller_frames<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, info: Option<usize>) -> Vec<usize> {
    let mut listed: Vec<(crate::frame::Key, Vec<metatrace::Red<metatrace::Plain>>)> = Vec::new();
    cx.caller_frames(&mut |key, reds| listed.push((key, reds.to_vec())));
    let mut out = Vec::new();
    let mut rest = &listed[..];
    if let Some(info) = info {
        // The caller itself is the innermost frame listed (unless compiled code called).
        let items = tuple_items(info);
        let (code, pc) = (peek_i64(items[1]).unwrap_or(-1), peek_i64(items[5]).unwrap_or(-1));
        if let Some(((k, _), tail)) = rest.split_first() {
            if k.code as i64 == code && k.pc as i64 == pc {
                rest = tail;
            }
        }
        out.push(info);
    }
    let none = rt.none.get();
    for (key, reds) in rest {
        let refs: Vec<usize> = reds
            .iter()
            .map(|r| match *r {
                metatrace::Red::Ref(r) => r,
                _ => 0,
            })
            .collect();
        let [globals, exc, ns, _gen, ref slots @ ..] = refs[..] else { continue };
        let nlocals = rt.code(key.code).varnames.len().min(slots.len());
        let locals = crate::runtime::new_tuple(cx.heap_mut(), &slots[..nlocals]);
        let _ = metatrace::Ctx::root(cx, locals);
        let code = new_int(cx.heap_mut(), key.code as i64);
        let _ = metatrace::Ctx::root(cx, code);
        let pc = new_int(cx.heap_mut(), key.pc as i64);
        let _ = metatrace::Ctx::root(cx, pc);
        let ns = if ns == 0 { none } else { ns };
        let exc = if exc == 0 { none } else { exc };
        let t = crate::runtime::new_tuple(cx.heap_mut(), &[globals, code, ns, locals, exc, pc]);
        let _ = metatrace::Ctx::root(cx, t);
        out.push(t);
    }
    out
}

/// `sys.__getattr__(name)`: the standard streams, made on first use (`sys.stdin`,
/// `sys.stdout`, `sys.stderr` and their `__std*__` originals).
pub(super) fn sys_getattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let n = arg(cx, rt, args, 0, "__getattr__")?;
    let name = if is(n, &STR) { text(n).to_string() } else { String::new() };
    let sys = rt.module_cache.borrow().get("sys").copied();
    let known = ["stdin", "stdout", "stderr"].iter().any(|s| name == *s || name == format!("__{s}__"));
    if let (true, Some(sys)) = (known, sys) {
        if crate::globals::peek_global_of(rt, sys, "__stdout__").is_none() {
            for (fd, s) in ["stdin", "stdout", "stderr"].iter().enumerate() {
                let stream = crate::modules::stream(cx, rt, fd as i64)?;
                let _ = metatrace::Ctx::root(cx, stream);
                let orig = format!("__{s}__");
                crate::globals::store_global(cx, rt, sys, &orig, stream);
                if crate::globals::peek_global_of(rt, sys, s).is_none() {
                    crate::globals::store_global(cx, rt, sys, s, stream);
                }
            }
        }
        if let Some(v) = crate::globals::peek_global_of(rt, sys, &name) {
            return Ok(v);
        }
    }
    // The rest of `sys` written in Python (`_sys`), copied into `sys` when first asked for.
    if let (Some(sys), false) = (sys, name.starts_with("__")) {
        let extra = crate::modules::import_module(cx, rt, "_sys")?;
        if let Some(v) = crate::globals::peek_global_of(rt, extra, &name).filter(|_| !name.starts_with('_')) {
            crate::globals::store_global(cx, rt, sys, &name, v);
            return Ok(v);
        }
    }
    err(cx, rt, "AttributeError", &format!("module 'sys' has no attribute '{name}'"))
}

thread_local! {
    /// What `sys.setrecursionlimit` last set (the native stack is the real limit: see
    /// `Ctx::stack_ok`).
    static RECURSION_LIMIT: std::cell::Cell<i64> = const { std::cell::Cell::new(1000) };
}

/// How much native stack a program whose recursion limit is `limit` may use: room for
/// `limit` calls of a few kilobytes each, and never less than [`MIN_STACK_BUDGET`], so the
/// limit only ever raises how deep recursion goes (a smaller limit is not enforced exactly).
pub fn stack_budget(limit: i64) -> usize {
    const BYTES_PER_CALL: usize = 8 << 10;
    (limit.max(0) as usize).saturating_mul(BYTES_PER_CALL).max(MIN_STACK_BUDGET)
}

/// The stack programs may use whatever their recursion limit (about ten thousand calls).
pub const MIN_STACK_BUDGET: usize = 32 << 20;

pub(super) fn sys_getrecursionlimit<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_int(cx.heap_mut(), RECURSION_LIMIT.with(|l| l.get())))
}
pub(super) fn sys_setrecursionlimit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = arg(cx, rt, args, 0, "setrecursionlimit")?;
    if is(v, &FLOAT) {
        return err(cx, rt, "TypeError", "'float' object cannot be interpreted as an integer");
    }
    let Some(n) = peek_bigint(v) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", b::type_name(rt, v));
        return err(cx, rt, "TypeError", &msg);
    };
    match n.to_i64().filter(|&n| n >= 1 && n <= i32::MAX as i64) {
        Some(n) => {
            RECURSION_LIMIT.with(|l| l.set(n));
            cx.set_stack_budget(Some(stack_budget(n)));
        }
        None if n < BigInt::from(1) => {
            return err(cx, rt, "ValueError", "recursion limit must be greater or equal than 1")
        }
        None => return err(cx, rt, "OverflowError", "Python int too large to convert to C int"),
    }
    Ok(rt.none.get())
}

pub(super) fn sys_get_int_max_str_digits<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_int(cx.heap_mut(), crate::numbers::INT_MAX_STR_DIGITS.with(|l| l.get()) as i64))
}

pub(super) fn sys_set_int_max_str_digits<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let v = match (args, kw) {
        ([v], []) => *v,
        ([], [(k, v)]) if &**k == "maxdigits" => *v,
        _ => return err(cx, rt, "TypeError", "set_int_max_str_digits() takes exactly one argument (maxdigits)"),
    };
    let Some(n) = peek_bigint(v).filter(|_| !is(v, &FLOAT)) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", b::type_name(rt, v));
        return err(cx, rt, "TypeError", &msg);
    };
    match n.to_i64() {
        Some(n) if n == 0 || (640..=i32::MAX as i64).contains(&n) => {
            crate::numbers::INT_MAX_STR_DIGITS.with(|l| l.set(n as usize))
        }
        _ => return err(cx, rt, "ValueError", "maxdigits must be 0 or larger than 640"),
    }
    Ok(rt.none.get())
}

/// `importlib.import_module(name, package=None)`: the module itself (not its top package).
pub(super) fn import_module<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let name = arg(cx, rt, args, 0, "import_module")?;
    if !is(name, &STR) {
        let msg = format!("module name must be str, not {}", b::type_name(rt, name));
        return err(cx, rt, "TypeError", &msg);
    }
    let name = text(name);
    let package = args.get(1).copied().or_else(|| kwarg(kw, "package")).filter(|&p| p != rt.none.get());
    let rel = name.trim_start_matches('.');
    let level = name.len() - rel.len();
    let full = if level == 0 {
        name.to_string()
    } else {
        let Some(p) = package.filter(|&p| is(p, &STR)) else {
            let msg =
                format!("the 'package' argument is required to perform a relative import for {}", b::repr_str(name));
            return err(cx, rt, "TypeError", &msg);
        };
        let mut parts: Vec<&str> = text(p).split('.').collect();
        for _ in 1..level {
            if parts.pop().is_none() {
                return err(cx, rt, "ImportError", "attempted relative import beyond top-level package");
            }
        }
        let base = parts.join(".");
        if rel.is_empty() {
            base
        } else {
            format!("{base}.{rel}")
        }
    };
    crate::modules::import(cx, rt, &full, rt.none.get(), 0, rt.builtins.get())?;
    let m = rt.module_cache.borrow().get(&full).copied();
    match m {
        Some(m) => Ok(m),
        None => err(cx, rt, "ModuleNotFoundError", &format!("No module named '{full}'")),
    }
}

/// `del module.name` and `delattr(module, name)`.
pub fn module_delattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, m: usize, name: &str) -> PyResult {
    if crate::globals::delete_global(cx, rt, m, name) {
        return Ok(rt.none.get());
    }
    err(cx, rt, "AttributeError", &format!("'module' object has no attribute '{name}'"))
}

/// Records module `m` as loaded under `name`: in the import cache and in `sys.modules`.
pub fn cache_module<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, name: &str, m: usize) -> Result<(), usize> {
    rt.module_cache.borrow_mut().insert(name.to_string(), m);
    let sys = rt.module_cache.borrow().get("sys").copied();
    if let Some(d) = sys.and_then(|s| crate::globals::peek_global_of(rt, s, "modules")).filter(|&d| dict::is_dict(d)) {
        let k = new_str(cx.heap_mut(), name);
        dict::set(cx, rt, d, k, m)?;
    }
    Ok(())
}

/// The values of the `sys` module made in Rust besides its streams and paths.
pub fn sys_values<S: Space>(cx: &mut Cx<'_, S>, rt: &Python) -> Result<Vec<(&'static str, usize)>, usize> {
    let modules = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, modules);
    let mut cached: Vec<(String, usize)> = rt.module_cache.borrow().iter().map(|(k, &v)| (k.clone(), v)).collect();
    cached.sort();
    cached.insert(0, ("builtins".to_string(), rt.builtins.get()));
    for (name, m) in cached {
        let k = new_str(cx.heap_mut(), &name);
        dict::set(cx, rt, modules, k, m)?;
    }
    let ints = |cx: &mut Cx<'_, S>, v: &[i64]| -> Vec<usize> {
        v.iter()
            .map(|&n| {
                let o = new_int(cx.heap_mut(), n);
                let _ = metatrace::Ctx::root(cx, o);
                o
            })
            .collect()
    };
    let mut vi = ints(cx, &[3, 11, 7]);
    vi.push(new_str(cx.heap_mut(), "final"));
    let _ = metatrace::Ctx::root(cx, vi[3]);
    vi.extend(ints(cx, &[0]));
    let fields = ["major", "minor", "micro", "releaselevel", "serial"];
    let version_info = crate::library::new_structseq(cx, rt, "sys.version_info", &fields, &vi)?;
    let _ = metatrace::Ctx::root(cx, version_info);
    let fl = |cx: &mut Cx<'_, S>, f: f64| {
        let o = new_float(cx.heap_mut(), f);
        let _ = metatrace::Ctx::root(cx, o);
        o
    };
    let mut float_values = vec![fl(cx, f64::MAX)];
    float_values.extend(ints(cx, &[1024, 308]));
    float_values.push(fl(cx, f64::MIN_POSITIVE));
    float_values.extend(ints(cx, &[-1021, -307, 15, 53]));
    float_values.push(fl(cx, f64::EPSILON));
    float_values.extend(ints(cx, &[2, 1]));
    let fields = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    let float_info = crate::library::new_structseq(cx, rt, "sys.float_info", &fields, &float_values)?;
    let _ = metatrace::Ctx::root(cx, float_info);
    let int_values = ints(cx, &[30, 4, 4300, 640]);
    let fields = ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"];
    let int_info = crate::library::new_structseq(cx, rt, "sys.int_info", &fields, &int_values)?;
    let _ = metatrace::Ctx::root(cx, int_info);
    Ok(vec![("modules", modules), ("version_info", version_info), ("float_info", float_info), ("int_info", int_info)])
}

fn since_epoch() -> std::time::Duration {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default()
}

/// Time since the first call of a monotonic clock (`perf_counter`, `monotonic`).
fn monotonic() -> std::time::Duration {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    START.with(|s| s.elapsed())
}

pub(super) fn time_time<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_float(cx.heap_mut(), since_epoch().as_secs_f64()))
}
pub(super) fn time_time_ns<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_bigint(cx.heap_mut(), BigInt::from(since_epoch().as_nanos())))
}
pub(super) fn time_perf_counter<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_float(cx.heap_mut(), monotonic().as_secs_f64()))
}
pub(super) fn time_perf_counter_ns<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_bigint(cx.heap_mut(), BigInt::from(monotonic().as_nanos())))
}
pub(super) fn time_sleep<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = fnum(cx, rt, args, 0, "sleep")?;
    if s < 0.0 {
        return err(cx, rt, "ValueError", "sleep length must be non-negative");
    }
    if s.is_finite() {
        std::thread::sleep(std::time::Duration::from_secs_f64(s));
    }
    Ok(rt.none.get())
}
