//! `str()` and `repr()` of objects (containers, exceptions, instances with their own
//! `__repr__`), and the one-line renderings of exceptions that tracebacks end with.

use crate::builtins::*;
use crate::classes;
use crate::dict;
use crate::objects::*;
use crate::runtime::{list_items, tuple_items};
use crate::space::Space;
use crate::{Py, Python};
use metatrace::{Concrete, Ctx};

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// `str(obj)`
pub fn to_str<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize) -> Result<String, usize> {
    if is(obj, &STR) {
        return Ok(text(obj).to_string());
    }
    if is(obj, &INSTANCE) || is(obj, &TYPE) {
        if let Some(r) = call_method(cx, rt, obj, "__str__", &[]) {
            let s = r?;
            return if is(s, &STR) {
                Ok(text(s).to_string())
            } else {
                let msg = format!("__str__ returned non-string (type {})", type_name(rt, s));
                Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
            };
        }
        if classes::is_subclass(rt, peek_type(rt, obj), rt.builtin_type("BaseException")) {
            return crate::library::exc_str(cx, rt, obj);
        }
    }
    to_repr(cx, rt, obj)
}

/// The last line of an uncaught exception's report: `Type: message`.
pub fn exception_line(rt: &Python, e: usize) -> String {
    exception_line_named(rt, e, &type_name(rt, e))
}

/// The last line of an uncaught exception's report: as [`exception_line`], with the class
/// named as CPython's traceback names it (`module.Qualname` unless the module is `builtins`
/// or `__main__`: `json.decoder.JSONDecodeError`, `Outer.Inner`).
pub fn uncaught_exception_line(rt: &Python, e: usize) -> String {
    let t = peek_type(rt, e);
    // SAFETY: `t` is a live class.
    let id = unsafe { read_word(t, &TYPE_ID) } as usize;
    let (builtin, qualname) = {
        let types = rt.types.borrow();
        (types[id].builtin, types[id].qualname.clone())
    };
    if builtin {
        return exception_line(rt, e);
    }
    let module = crate::classes::lookup(rt, t, "__module__").filter(|&m| is(m, &STR));
    let name = match module.map(text) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qualname}"),
        _ => qualname.to_string(),
    };
    exception_line_named(rt, e, &name)
}

fn exception_line_named(rt: &Python, e: usize, name: &str) -> String {
    let str_ = |a: usize| Ok(if is(a, &STR) { text(a).to_string() } else { simple_repr(rt, a) });
    let group =
        is(e, &INSTANCE) && crate::classes::is_subclass(rt, peek_type(rt, e), rt.builtin_type("BaseExceptionGroup"));
    let user = rt.uncaught_messages.borrow().iter().find(|(x, _)| *x == e).map(|(_, m)| m.clone());
    let msg = if let Some(m) = user {
        m
    } else if group {
        // `str(eg)`: the message and how many sub-exceptions.
        let slot = |n: &str| crate::classes::peek_slot(rt, e, n);
        let message = slot("message").filter(|&m| is(m, &STR)).map(text).unwrap_or("");
        let n = slot("exceptions").filter(|&t| is(t, &TUPLE)).map(|t| crate::runtime::tuple_items(t).len());
        let n = n.unwrap_or(0);
        format!("{message} ({n} sub-exception{})", if n == 1 { "" } else { "s" })
    } else {
        crate::library::exception_message(rt, e, &mut |a| Ok(simple_repr(rt, a)), &mut { str_ }).unwrap_or_default()
    };
    if msg.is_empty() {
        name.to_string()
    } else {
        format!("{name}: {msg}")
    }
}

/// Whether every argument of exception `e` is a value `simple_repr` renders as `repr` would
/// (a str, bytes, int or float): otherwise the uncaught-exception report asks Python for
/// `str(e)` first.
pub fn args_render_simply(rt: &Python, e: usize) -> bool {
    let Some(args) = crate::classes::peek_slot(rt, e, "args").filter(|&a| is(a, &TUPLE)) else {
        return true;
    };
    crate::runtime::tuple_items(args).iter().all(|&a| {
        is(a, &STR) || crate::bytes::is_binary(a) || is(a, &FLOAT) || (peek_bigint(a).is_some() && !is(a, &BOOL))
    })
}

/// `repr` of builtin values without calling user code (for error reports).
fn simple_repr(rt: &Python, o: usize) -> String {
    if is(o, &STR) {
        repr_str(text(o))
    } else if crate::bytes::is_binary(o) {
        crate::bytes::repr(o)
    } else if let Some(b) = peek_bigint(o).filter(|_| !is(o, &BOOL)) {
        b.to_string()
    } else if is(o, &FLOAT) {
        crate::format::float_repr(peek_f64(o).unwrap())
    } else {
        format!("<{} object>", type_name(rt, o))
    }
}

/// Python's `repr` of a str.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if crate::chars::is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if crate::chars::as_surrogate(c).is_some() => {
                out.push_str(&format!("\\u{:04x}", crate::chars::code_point(c)))
            }
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

thread_local! {
    /// The containers whose repr is being computed (to print cycles as `[...]`).
    static REPRING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `repr` of a list, tuple or dict.
fn container_repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize) -> Result<String, usize> {
    if is(obj, &LIST) || is(obj, &TUPLE) {
        let items = if is(obj, &LIST) { list_items(obj) } else { tuple_items(obj) };
        let mut parts = Vec::with_capacity(items.len());
        for i in &items {
            parts.push(to_repr(cx, rt, *i)?);
        }
        return Ok(if is(obj, &LIST) {
            format!("[{}]", parts.join(", "))
        } else if parts.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(", "))
        });
    }
    if dict::is_dict(obj) {
        let mut parts = Vec::new();
        for (k, v) in dict::items(obj) {
            let __t1 = to_repr(cx, rt, v)?;
            parts.push(format!("{}: {}", to_repr(cx, rt, k)?, __t1));
        }
        return Ok(format!("{{{}}}", parts.join(", ")));
    }
    unreachable!("a list, tuple or dict")
}

/// `repr(obj)`
pub fn to_repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize) -> Result<String, usize> {
    if obj == rt.none.get() {
        return Ok("None".into());
    }
    if obj == rt.true_.get() {
        return Ok("True".into());
    }
    if obj == rt.false_.get() {
        return Ok("False".into());
    }
    if obj == rt.ellipsis.get() {
        return Ok("Ellipsis".into());
    }
    if obj == rt.notimpl.get() {
        return Ok("NotImplemented".into());
    }
    if is(obj, &STR) {
        return Ok(repr_str(text(obj)));
    }
    if crate::bytes::is_binary(obj) {
        return Ok(crate::bytes::repr(obj));
    }
    if crate::memview::is_view(obj) {
        return Ok(crate::memview::repr(obj));
    }
    if crate::library::is_hash(obj) {
        return Ok(crate::library::hashes_repr(obj));
    }
    if let Some(b) = peek_bigint(obj) {
        return crate::numbers::int_to_decimal(cx, rt, &b);
    }
    if is(obj, &FLOAT) {
        return Ok(crate::format::float_repr(peek_f64(obj).unwrap()));
    }
    if is(obj, &LIST) || is(obj, &TUPLE) || dict::is_dict(obj) {
        // A container that contains itself prints as `[...]`.
        if REPRING.with(|r| r.borrow().contains(&obj)) {
            return Ok(if is(obj, &LIST) {
                "[...]"
            } else if is(obj, &TUPLE) {
                "(...)"
            } else {
                "{...}"
            }
            .into());
        }
        if !cx.stack_ok() {
            let msg = "maximum recursion depth exceeded while getting the repr of an object";
            return Err(crate::errors::new_error(cx, rt, "RecursionError", msg));
        }
        REPRING.with(|r| r.borrow_mut().push(obj));
        let r = container_repr(cx, rt, obj);
        REPRING.with(|r| r.borrow_mut().pop());
        return r;
    }
    if crate::sets::is_any(obj) {
        return crate::sets::repr(cx, rt, obj);
    }
    if let Some(r) = crate::views::repr(cx, rt, obj) {
        return r;
    }
    if is(obj, &INSTANCE) || is(obj, &TYPE) {
        let value = crate::boxed::value_of(obj);
        if value != 0 && crate::sets::is_any(value) {
            // A set subclass that keeps the set's repr shows its class: `S({1, 2})`, `S()`.
            let r = classes::special(rt, peek_type(rt, obj), "__repr__");
            let named = crate::typeobj::is_builtin_named;
            if r.is_some_and(|r| named(r, "set.__repr__") || named(r, "frozenset.__repr__")) {
                let name = classes::type_name(rt, peek_type(rt, obj));
                let body = crate::sets::repr(cx, rt, value)?;
                let inner = match body.find('{') {
                    Some(k) => body[k..].trim_end_matches(')').to_string(),
                    None => String::new(),
                };
                return Ok(format!("{name}({inner})"));
            }
        }
        if let Some(r) = call_method(cx, rt, obj, "__repr__", &[]) {
            let s = r?;
            return if is(s, &STR) {
                Ok(text(s).to_string())
            } else {
                let msg = format!("__repr__ returned non-string (type {})", type_name(rt, s));
                Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
            };
        }
        return default_repr(cx, rt, obj);
    }
    if is(obj, &FUNCTION) {
        // SAFETY: a live function's qualname is a str.
        let q = unsafe { read_word(obj, &FUNC_QUALNAME) } as usize;
        return Ok(format!("<function {} at {:#x}>", text(q), obj));
    }
    if is(obj, &METHOD) {
        // SAFETY: a live bound method.
        let (func, this) = unsafe { (read_word(obj, &METHOD_FUNC) as usize, read_word(obj, &METHOD_SELF) as usize) };
        if is(func, &FUNCTION) {
            // SAFETY: a live function's qualname is a str.
            let q = unsafe { read_word(func, &FUNC_QUALNAME) } as usize;
            return Ok(format!("<bound method {} of {}>", text(q), to_repr(cx, rt, this)?));
        }
        if is(func, &BUILTIN) {
            let id = unsafe { read_word(func, &BUILTIN_ID) } as usize;
            let name = NAMES[id].rsplit('.').next().unwrap_or("?");
            return Ok(format!("<built-in method {name} of {} object at {this:#x}>", type_name(rt, this)));
        }
    }
    if is(obj, &BUILTIN) {
        let id = unsafe { read_word(obj, &BUILTIN_ID) } as usize;
        let this = unsafe { read_word(obj, &BUILTIN_SELF) } as usize;
        if this != 0 && is_method_name(NAMES[id]) {
            let name = NAMES[id].rsplit('.').next().unwrap_or("?");
            return Ok(format!("<built-in method {name} of {} object at {this:#x}>", type_name(rt, this)));
        }
        if crate::builtin_methods::is_unbound_method(obj) {
            let (class, name) = NAMES[id].split_once('.').unwrap_or(("?", NAMES[id]));
            let what = if crate::library::is_slot_wrapper(class, name) { "slot wrapper" } else { "method" };
            return Ok(format!("<{what} '{name}' of '{class}' objects>"));
        }
        return Ok(format!("<built-in function {}>", NAMES[id].rsplit('.').next().unwrap_or("?")));
    }
    if is(obj, &SLICE) {
        let mut parts = Vec::with_capacity(3);
        for d in [&SLICE_START, &SLICE_STOP, &SLICE_STEP] {
            // SAFETY: a live slice's fields are objects.
            parts.push(to_repr(cx, rt, unsafe { read_word(obj, d) } as usize)?);
        }
        return Ok(format!("slice({})", parts.join(", ")));
    }
    if crate::ranges::is_range(obj) {
        return Ok(crate::ranges::repr(obj));
    }
    if is(obj, &SLICE) {
        return crate::library::slice_repr(cx, rt, obj);
    }
    if crate::complex::is_complex(obj) {
        return Ok(crate::complex::repr(obj));
    }
    if is(obj, &MODULE) {
        let name = match crate::globals::peek_global_of(rt, obj, "__name__").filter(|&n| is(n, &STR)) {
            Some(n) => text(n).to_string(),
            None => rt.modules.borrow()[rt.module_id(obj) as usize].name.to_string(),
        };
        let file = crate::globals::peek_global_of(rt, obj, "__file__").filter(|&f| is(f, &STR));
        return Ok(match file {
            Some(f) => format!("<module '{name}' from '{}'>", text(f)),
            None if crate::stdlib::find(&name).is_some() => format!("<module '{name}' (frozen)>"),
            None if name == "builtins" || crate::builtins::RUST_MODULES.contains(&name.as_str()) => {
                format!("<module '{name}' (built-in)>")
            }
            // (One made by `types.ModuleType`.)
            None => format!("<module '{name}'>"),
        });
    }
    if crate::library::is_gen_like(obj) {
        let code = rt.code(unsafe { read_word(obj, &crate::generators::GEN_CODE) } as u32);
        return Ok(format!("<{} object {} at {:#x}>", type_name(rt, obj), code.qualname, obj));
    }
    Ok(format!("<{} object at {:#x}>", type_name(rt, obj), obj))
}

/// `object.__repr__(obj)`: `<module.Class object at 0x...>` (exceptions: `Class(args)`;
/// classes: `<class 'module.Class'>`).
pub fn default_repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, obj: usize) -> Result<String, usize> {
    let module_of = |t: usize| {
        let m = rt.types.borrow()[classes::type_id(t)].dict.borrow().get("__module__").copied();
        m.filter(|&m| is(m, &STR)).map(|m| text(m).to_string()).unwrap_or_else(|| "__main__".into())
    };
    let qualname = |t: usize| rt.types.borrow()[classes::type_id(t)].qualname.clone();
    if is(obj, &TYPE) {
        let name = classes::type_name(rt, obj);
        let builtin = classes::is_builtin(rt, obj);
        return Ok(if builtin {
            format!("<class '{name}'>")
        } else {
            match module_of(obj) {
                // As CPython's type repr: no module for a class of `builtins`.
                m if m == "builtins" => format!("<class '{}'>", qualname(obj)),
                m => format!("<class '{m}.{}'>", qualname(obj)),
            }
        });
    }
    if !is(obj, &INSTANCE) {
        return to_repr(cx, rt, obj);
    }
    let t = peek_type(rt, obj);
    if t == rt.builtin_type("member_descriptor") {
        let name = crate::attrs::member_name(rt, obj);
        let owner = classes::peek_slot(rt, obj, "__objclass__").filter(|&o| is(o, &TYPE));
        let owner = owner.map(|o| classes::type_name(rt, o)).unwrap_or_else(|| "?".into());
        return Ok(format!("<member '{name}' of '{owner}' objects>"));
    }
    let t = peek_type(rt, obj);
    if classes::is_subclass(rt, t, rt.builtin_type("BaseException")) {
        let args = classes::peek_slot(rt, obj, "args").filter(|&a| is(a, &TUPLE)).unwrap_or(0);
        let inner = if args == 0 { "()".to_string() } else { to_repr(cx, rt, args)? };
        let inner = inner.strip_suffix(",)").map(|s| format!("{s})")).unwrap_or(inner);
        return Ok(format!("{}{}", type_name(rt, obj), inner));
    }
    let name = classes::type_name(rt, t);
    if classes::is_builtin(rt, t) {
        return Ok(format!("<{name} object at {obj:#x}>"));
    }
    Ok(format!("<{}.{} object at {obj:#x}>", module_of(t), qualname(t)))
}
