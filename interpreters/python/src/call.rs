//! Calling Python functions: making function objects, binding a call's arguments to the
//! parameters of a new frame (positional, keyword, defaults, `*args`, `**kwargs`), with
//! CPython's error messages, and calling any object from a frame ([`call_object`]).
//!
//! Binding is plain Rust on green data (the code object, the argument count and the keyword
//! names), so a trace of a call is just the moves of the argument values into the callee's
//! locals.

use crate::builtins;
use crate::bytecode::{Code, CodeKind};
use crate::frame::Args;
use crate::interp::{is_null, tuple, Frame, CONT, START};
use crate::objects::*;
use crate::slots::Slots;
use crate::space::Space;
use crate::{errors, Py, Python};
use metatrace::Ctx;
use std::rc::Rc;

/// A new function object for code `code` (its number as the int constant `code_const`).
#[allow(clippy::too_many_arguments)]
pub fn make_function<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    code_const: usize,
    code: &Rc<Code>,
    globals: C::Ref,
    defaults: C::Ref,
    kwdefaults: C::Ref,
    closure: C::Ref,
) -> C::Ref {
    // SAFETY: code constants are int objects holding the code's number.
    let id = unsafe { read_word(code_const, &INT_VALUE) } as u32;
    crate::interp::name_code(id, &code.qualname);
    let f = cx.new_object(&FUNCTION);
    let idv = cx.int(id as i64);
    cx.setfield_int(f, &FUNC_CODE, idv);
    cx.setfield_ref(f, &FUNC_GLOBALS, globals);
    cx.setfield_ref(f, &FUNC_DEFAULTS, defaults);
    cx.setfield_ref(f, &FUNC_KWDEFAULTS, kwdefaults);
    cx.setfield_ref(f, &FUNC_CLOSURE, closure);
    let (name, qual) = rt.code_names.borrow()[id as usize];
    let (name, qual) = (cx.const_ref(name), cx.const_ref(qual));
    cx.setfield_ref(f, &FUNC_NAME, name);
    cx.setfield_ref(f, &FUNC_QUALNAME, qual);
    f
}

/// The number of function `func`'s code, made green. The code is promoted, not the function:
/// a function made anew on each run of its `def` (a closure, say) is a new object every time,
/// and a trace that guarded on the object would fail on each new one (and grow a bridge for
/// it), while they all share their code (as PyPy promotes `w_function.code`).
#[inline(always)]
pub fn code_of<S: Space, C: Ctx<Py<S>>>(cx: &mut C, func: C::Ref) -> u32 {
    let id = cx.getfield_int(func, &FUNC_CODE);
    cx.promote_int(id) as u32
}

fn type_error<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, msg: String) -> C::Ref {
    errors::new_error(cx, rt, "TypeError", &msg)
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// What binding needs dicts for (`**kwargs`, keyword-only defaults): natives build them; the
/// traced call path never needs them (functions with such parameters are called through a
/// native, see [`call_object`]).
pub trait KwDicts<C: metatrace::Reds> {
    /// A dict of the given str keys and values.
    fn make(&mut self, cx: &mut C, items: &[(Rc<str>, C::Ref)]) -> C::Ref;
    /// `d.get(name)` for a dict of str keys.
    fn get(&mut self, cx: &mut C, d: C::Ref, name: &str) -> Option<C::Ref>;
}

/// For the traced call path: never asked (see [`KwDicts`]).
pub struct NoKwDicts;
impl<C: metatrace::Reds> KwDicts<C> for NoKwDicts {
    fn make(&mut self, _: &mut C, _: &[(Rc<str>, C::Ref)]) -> C::Ref {
        unreachable!("functions with **kwargs are called through a native")
    }
    fn get(&mut self, _: &mut C, _: C::Ref, _: &str) -> Option<C::Ref> {
        unreachable!("functions with keyword-only parameters are called through a native")
    }
}

/// As [`bind`] for the commonest call: exactly the positional parameters, no keywords, no
/// closure. Inlined into the call, so the frame is built where the call passes it on
/// (frames are large: a copy of one costs more than the rest of this). `None`: use `bind`.
#[inline(always)]
pub fn bind_exact<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    func: C::Ref,
    args: &[C::Ref],
    exc: C::Ref,
) -> Option<Frame<C>> {
    let id = code_of::<S, C>(cx, func);
    let code = rt.code(id);
    if !code.takes_exactly(args.len()) {
        return None;
    }
    Some(exact_frame::<S, C>(cx, rt, consts_rt(rt), func, (id, code), args, exc))
}

/// The frame of a call of `func` (code `(id, code)`) that binds `args` to its first locals,
/// as [`bind_exact`] and [`bind_stack`] make it; `rt_rc` is the runtime (`rt`) as the frame
/// holds it, `exc` the caller's handled exception.
#[inline(always)]
fn exact_frame<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    rt_rc: Rc<Python>,
    func: C::Ref,
    (id, code): (u32, Rc<Code>),
    args: &[C::Ref],
    exc: C::Ref,
) -> Frame<C> {
    let consts = rt.consts.borrow()[id as usize].clone();
    let null = cx.const_ref(0);
    let slots = Slots::with_args_in(&rt.slot_pool, code.varnames.len(), code.stacksize as usize, args, null);
    let globals = cx.getfield_ref(func, &FUNC_GLOBALS);
    Frame { rt: rt_rc, code, consts, code_id: id, pc: 0, phase: START, globals, exc, ns: null, gen: null, slots }
}

/// The code of `func` when it is a plain Python function that a call with `nargs`
/// positional arguments binds without help (see [`Code::takes_exactly`]; not a generator), and
/// the native stack has room for the call; else None (the general path handles it, and
/// raises `RecursionError` if need be).
#[inline]
pub fn plain_callee<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    func: C::Ref,
    nargs: usize,
) -> Option<(u32, Rc<Code>)> {
    if is_null(cx, func) || cx.promote_class(func) != FUNCTION.class() {
        return None;
    }
    let id = code_of::<S, C>(cx, func);
    let code = rt.code(id);
    if !code.takes_exactly(nargs) || code.kind == crate::bytecode::CodeKind::Generator || !cx.stack_ok() {
        return None;
    }
    Some((id, code))
}

/// The frame for calling `func`, a [`plain_callee`] with code `(id, code)`, with the top
/// `nargs` values of `f`'s stack as its arguments: they move straight from the caller's stack
/// into the callee's locals, and the caller's stack drops its top `drop` values (the
/// arguments and what was below them for the call).
#[inline(always)]
pub fn bind_stack<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    f: &mut Frame<C>,
    func: C::Ref,
    target: (u32, Rc<Code>),
    nargs: usize,
    drop: usize,
) -> Frame<C> {
    let depth = f.slots.depth();
    let callee = exact_frame::<S, C>(cx, rt, f.rt.clone(), func, target, &f.slots.stack()[depth - nargs..], f.exc);
    f.slots.truncate(depth - drop);
    callee
}

/// The frame for calling function `func` with `args` and keyword arguments (names, values);
/// `exc` is the caller's handled exception (the callee starts with it).
pub fn bind<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    func: C::Ref,
    args: &[C::Ref],
    kwargs: Option<(Rc<[Rc<str>]>, Vec<C::Ref>)>,
    exc: C::Ref,
    dicts: &mut dyn KwDicts<C>,
) -> Result<Frame<C>, C::Ref> {
    let id = code_of::<S, C>(cx, func);
    let code = rt.code(id);
    let consts = rt.consts.borrow()[id as usize].clone();
    let fname = &*code.qualname;
    let null = cx.const_ref(0);
    let mut slots = Slots::new_in(&rt.slot_pool, code.varnames.len(), code.stacksize as usize, null);
    let locals = slots.locals_mut();
    let (argc, kwonly) = (code.argcount as usize, code.kwonlyargcount as usize);
    let npos = args.len();
    if npos > argc && !code.varargs {
        let defaults = cx.getfield_ref(func, &FUNC_DEFAULTS);
        let ndef = if is_null(cx, defaults) { 0 } else { promoted_len(cx, defaults) };
        let takes = if ndef > 0 { format!("from {} to {}", argc - ndef, argc) } else { argc.to_string() };
        // Keyword-only arguments given are counted in the message too.
        let kwonly_names = &code.varnames[argc..argc + kwonly];
        let kwonly_given = kwargs
            .as_ref()
            .map_or(0, |(names, _)| names.iter().filter(|n| kwonly_names.iter().any(|k| **k == ***n)).count());
        let was = if npos == 1 && kwonly_given == 0 { "was" } else { "were" };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {kwonly_given} keyword-only argument{})",
                if npos != 1 { "s" } else { "" },
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        return Err(type_error(
            cx,
            rt,
            format!(
                "{fname}() takes {takes} positional argument{} but {npos}{kwonly_sig} {was} given",
                if argc == 1 && ndef == 0 { "" } else { "s" }
            ),
        ));
    }
    for (k, &a) in args.iter().take(argc).enumerate() {
        locals[k] = a;
    }
    let mut slot = argc + kwonly;
    if code.varargs {
        let extra: Vec<C::Ref> = args.iter().skip(argc).copied().collect();
        locals[slot] = tuple(cx, &extra);
        slot += 1;
    }
    let mut extra_kw: Vec<(Rc<str>, C::Ref)> = Vec::new();
    if let Some((names, values)) = kwargs {
        for (name, v) in names.iter().zip(values) {
            let pos = code.varnames[code.posonlyargcount as usize..argc + kwonly].iter().position(|n| n == name);
            match pos {
                Some(p) => {
                    let p = p + code.posonlyargcount as usize;
                    if !is_null(cx, locals[p]) {
                        return Err(type_error(cx, rt, format!("{fname}() got multiple values for argument '{name}'")));
                    }
                    locals[p] = v;
                }
                None if code.varkeywords => extra_kw.push((name.clone(), v)),
                None => {
                    let posonly = &code.varnames[..code.posonlyargcount as usize];
                    if posonly.iter().any(|n| n == name) {
                        let all: Vec<&str> = names.iter().filter(|k| posonly.contains(k)).map(|k| &**k).collect();
                        let all = all.join(", ");
                        return Err(type_error(
                            cx,
                            rt,
                            format!(
                                "{fname}() got some positional-only arguments passed as keyword arguments: '{all}'"
                            ),
                        ));
                    }
                    return Err(type_error(cx, rt, format!("{fname}() got an unexpected keyword argument '{name}'")));
                }
            }
        }
    }
    if code.varkeywords {
        locals[slot] = dicts.make(cx, &extra_kw);
    }
    // Defaults for missing positional parameters, then keyword-only ones.
    let mut missing = Vec::new();
    if (0..argc).any(|k| is_null(cx, locals[k])) {
        let defaults = cx.getfield_ref(func, &FUNC_DEFAULTS);
        let ndef = if is_null(cx, defaults) { 0 } else { promoted_len(cx, defaults) };
        for k in 0..argc {
            if is_null(cx, locals[k]) {
                if k + ndef >= argc {
                    let i = cx.int((k + ndef - argc) as i64);
                    locals[k] = cx.getarrayitem_ref(defaults, i, &TUPLE_ITEMS);
                } else {
                    missing.push(code.varnames[k].clone());
                }
            }
        }
    }
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!("{}, and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
        };
        return Err(type_error(
            cx,
            rt,
            format!(
                "{fname}() missing {} required positional argument{}: {list}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" }
            ),
        ));
    }
    if kwonly > 0 {
        let kwdefaults = cx.getfield_ref(func, &FUNC_KWDEFAULTS);
        let mut missing = Vec::new();
        for k in argc..argc + kwonly {
            if is_null(cx, locals[k]) {
                let name = code.varnames[k].clone();
                let v = if is_null(cx, kwdefaults) { None } else { dicts.get(cx, kwdefaults, &name) };
                match v {
                    Some(v) => locals[k] = v,
                    None => missing.push(format!("'{name}'")),
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(
                cx,
                rt,
                format!(
                    "{fname}() missing {} required keyword-only argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(" and ")
                ),
            ));
        }
    }
    // Free variables come from the closure.
    if !code.freevars.is_empty() {
        let closure = cx.getfield_ref(func, &FUNC_CLOSURE);
        for (k, &slot) in code.freevars.iter().enumerate() {
            let k = cx.int(k as i64);
            locals[slot as usize] = cx.getarrayitem_ref(closure, k, &TUPLE_ITEMS);
        }
    }
    let _ = plural;
    let globals = cx.getfield_ref(func, &FUNC_GLOBALS);
    Ok(Frame {
        rt: consts_rt(rt),
        code,
        consts,
        code_id: id,
        pc: 0,
        phase: START,
        globals,
        exc,
        ns: null,
        gen: null,
        slots,
    })
}

/// The runtime's own `Rc` (frames hold one).
fn consts_rt(rt: &Python) -> Rc<Python> {
    rt.me.borrow().upgrade().expect("the runtime is alive")
}

/// The length of a tuple, made green.
fn promoted_len<S: Space, C: Ctx<Py<S>>>(cx: &mut C, t: C::Ref) -> usize {
    let n = cx.arraylen(t, &TUPLE_ITEMS);
    cx.promote_int(n) as usize
}

/// Calls `callable(args, **kwargs)` from frame `f` (in its continuation state): a Python
/// function is run as a frame (inlined by traces), anything else goes through the natives.
pub fn call_object<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    f: &mut Frame<C>,
    callable: C::Ref,
    mut args: Args<C>,
    kwargs: Option<(Rc<[Rc<str>]>, Vec<C::Ref>)>,
) -> Result<C::Ref, C::Ref> {
    let rt = f.rt.clone();
    let mut callable = callable;
    let mut class = cx.promote_class(callable);
    if class == METHOD.class() {
        let this = cx.getfield_ref(callable, &METHOD_SELF);
        args.insert(0, this);
        callable = cx.getfield_ref(callable, &METHOD_FUNC);
        class = cx.promote_class(callable);
    }
    if class == FUNCTION.class() {
        let code = rt.code(crate::call::code_of::<S, C>(cx, callable));
        if code.varkeywords || code.kwonlyargcount > 0 {
            // Binding needs dicts (or a generator object): a native does the call.
            return builtins::call_native::<S, C>(cx, f, callable, &args, kwargs);
        }
        if !cx.stack_ok() {
            return Err(errors::new_error(cx, &rt, "RecursionError", "maximum recursion depth exceeded"));
        }
        let exc = f.exc;
        if code.kind != CodeKind::Generator && kwargs.is_none() {
            if let Some(callee) = crate::call::bind_exact::<S, C>(cx, &rt, callable, &args, exc) {
                return cx.call_frame(f, callee);
            }
        }
        let callee = match crate::call::bind::<S, C>(cx, &rt, callable, &args, kwargs, exc, &mut crate::call::NoKwDicts)
        {
            Ok(fr) => fr,
            Err(e) => return Err(e),
        };
        if callee.code.kind == CodeKind::Generator {
            let closes = callee.code.closes;
            let g = crate::generators::make(cx, callee);
            if closes {
                // (A native call: compiled code cannot remove the generator's allocation.)
                return builtins::call_op::<S, C>(cx, f, builtins::NativeOp::CloseWhenDead, &[g]);
            }
            return Ok(g);
        }
        return cx.call_frame(f, callee);
    }
    if class == TYPE.class() && cx.promote_ref(callable) == rt.known.super_.get() {
        return make_super::<S, C>(cx, &rt, f, &args);
    }
    if class == TYPE.class() && f.phase == CONT {
        if let Some(plain) = crate::instantiation::plain_class::<S, C>(cx, &rt, callable) {
            return crate::instantiation::instantiate::<S, C>(cx, &rt, f, callable, plain, args, kwargs);
        }
    }
    if class == BUILTIN.class() && kwargs.is_none() {
        let id = cx.getfield_int(callable, &crate::objects::BUILTIN_ID);
        let id = cx.promote_int(id) as usize;
        if crate::library::call_kind(id) == crate::library::CallKind::Fast {
            if let Some(r) = crate::builtin_methods::fast_call::<S, C>(cx, &rt, id, callable, &args) {
                return r;
            }
        } else if let Some(info) = crate::library::frame_info::<S, C>(cx, &rt, f, id, args.len()) {
            // `globals()`, `locals()`, `dir()`, `vars()`, `exec`, `eval`: given the frame
            // they look at.
            let kw = (Rc::from([Rc::from(crate::library::FRAME_KW)]), vec![info]);
            return builtins::call_native::<S, C>(cx, f, callable, &args, Some(kw));
        }
    }
    builtins::call_native::<S, C>(cx, f, callable, &args, kwargs)
}

/// `super(...)`: with no arguments, the class of the method being run (its `__class__`
/// cell) and its first argument.
fn make_super<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    f: &mut Frame<C>,
    args: &[C::Ref],
) -> Result<C::Ref, C::Ref> {
    let (class, obj) = match args {
        [c, o] => (*c, *o),
        [] => {
            let code = f.code.clone();
            let cell = code
                .freevars
                .iter()
                .find(|&&slot| &*code.varnames[slot as usize] == "__class__")
                .map(|&slot| f.slots.local(slot as usize));
            let (Some(cell), true) = (cell, code.argcount > 0 || code.varargs) else {
                return Err(errors::new_error(cx, rt, "RuntimeError", "super(): no arguments"));
            };
            let class = cx.getfield_ref(cell, &CELL_VALUE);
            let mut first = f.slots.local(0);
            let c0 = cx.promote_class(first);
            if c0 == CELL.class() {
                first = cx.getfield_ref(first, &CELL_VALUE);
            }
            (class, first)
        }
        _ => return Err(errors::new_error(cx, rt, "TypeError", "super() takes 0 or 2 arguments")),
    };
    let s = cx.new_object(&SUPER);
    cx.setfield_ref(s, &SUPER_CLASS, class);
    cx.setfield_ref(s, &SUPER_OBJ, obj);
    Ok(s)
}
