//! The builtin functions (`print`, `len`, `sorted`, `isinstance`, ...): the `builtins` module.

use super::*;

rows! {
    "len" => len,
    "repr" => repr,
    "abs" => abs,
    "min" => min,
    "max" => max,
    "sum" => sum,
    "isinstance" => isinstance,
    "issubclass" => issubclass,
    "hasattr" => hasattr,
    "getattr" => getattr,
    "setattr" => setattr,
    "iter" => iter,
    "next" => next,
    "sorted" => sorted,
    "reversed" => reversed,
    "enumerate" => enumerate,
    "zip" => zip,
    "map" => map,
    "filter" => filter,
    "any" => any,
    "all" => all,
    "chr" => chr,
    "ord" => ord,
    "hex" => hex,
    "oct" => oct,
    "bin" => bin,
    "hash" => hash,
    "id" => id,
    "callable" => callable,
    "format" => format,
    "dir" => dir,
    "globals" => globals,
    "locals" => locals,
    "vars" => vars,
    "delattr" => delattr,
    "ascii" => ascii,
    "__build_class__" => build_class,
}

pub(super) fn len<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "len")?;
    let n = b::len(cx, rt, o)?;
    Ok(crate::runtime::int_obj(cx.heap_mut(), rt, n as i64))
}

pub(super) fn repr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "repr")?;
    let s = to_repr(cx, rt, o)?;
    Ok(new_str(cx.heap_mut(), &s))
}

pub(super) fn abs<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "abs")?;
    if let Some(v) = peek_bigint(o) {
        return Ok(new_bigint(cx.heap_mut(), v.abs()));
    }
    if is(o, &FLOAT) {
        return Ok(new_float(cx.heap_mut(), f64::from_bits(unsafe { read_word(o, &FLOAT_VALUE) }).abs()));
    }
    if crate::complex::is_complex(o) {
        let (re, im) = crate::complex::parts(o);
        return Ok(new_float(cx.heap_mut(), re.hypot(im)));
    }
    if let Some(r) = b::call_method(cx, rt, o, "__abs__", &[]) {
        return r;
    }
    err(cx, rt, "TypeError", &format!("bad operand type for abs(): '{}'", b::type_name(rt, o)))
}

pub(super) fn key_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, key: Option<usize>, v: usize) -> PyResult {
    match key.filter(|&k| k != rt.none.get()) {
        Some(k) => call_value(cx, rt, k, &[v], &[]),
        None => Ok(v),
    }
}

pub(super) fn min_max<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
    op: crate::bytecode::CmpOp,
) -> PyResult {
    for (k, _) in kw {
        if &**k != "key" && &**k != "default" {
            return err(cx, rt, "TypeError", &format!("'{k}' is an invalid keyword argument for {name}()"));
        }
    }
    let default = kwarg(kw, "default");
    let items = match args {
        [] => return err(cx, rt, "TypeError", &format!("{name} expected at least 1 argument, got 0")),
        [one] => collect(cx, rt, *one)?,
        _ if default.is_some() => {
            let msg = format!("Cannot specify a default for {name}() with multiple positional arguments");
            return err(cx, rt, "TypeError", &msg);
        }
        _ => args.to_vec(),
    };
    let mark = metatrace::Ctx::root(cx, 0);
    for &i in &items {
        let _ = metatrace::Ctx::root(cx, i);
    }
    let key = kwarg(kw, "key");
    let r = (|| {
        let Some(&first) = items.first() else {
            if let Some(d) = default {
                return Ok(d);
            }
            return err(cx, rt, "ValueError", &format!("{name}() arg is an empty sequence"));
        };
        let mut best = first;
        let mut best_key = key_of(cx, rt, key, first)?;
        let _ = metatrace::Ctx::root(cx, best_key);
        for &i in &items[1..] {
            let k = key_of(cx, rt, key, i)?;
            let _ = metatrace::Ctx::root(cx, k);
            let better = b::compare(cx, rt, op, k, best_key)?;
            if truth(cx, rt, better)? {
                best = i;
                best_key = k;
            }
        }
        Ok(best)
    })();
    metatrace::Ctx::unroot(cx, mark);
    r
}

pub(super) fn min<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    min_max(cx, rt, args, kw, "min", crate::bytecode::CmpOp::Lt)
}

pub(super) fn max<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    min_max(cx, rt, args, kw, "max", crate::bytecode::CmpOp::Gt)
}

pub(super) fn sum<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    if args.is_empty() {
        return err(cx, rt, "TypeError", "sum() takes at least 1 positional argument (0 given)");
    }
    if args.len() > 2 {
        return err(cx, rt, "TypeError", &format!("sum() takes at most 2 arguments ({} given)", args.len()));
    }
    let start = args.get(1).copied().or(kwarg(kw, "start"));
    if let Some(s) = start {
        let t = b::type_name(rt, s);
        if matches!(&*t, "str" | "bytes" | "bytearray") {
            let (what, join) = if &*t == "str" {
                ("strings", "''")
            } else {
                (if &*t == "bytes" { "bytes" } else { "bytearray" }, "b''")
            };
            return err(cx, rt, "TypeError", &format!("sum() can't sum {what} [use {join}.join(seq) instead]"));
        }
    }
    let it = b::iter(cx, rt, args[0])?;
    let mark = metatrace::Ctx::root(cx, it);
    let mut acc = start.unwrap_or_else(|| new_int(cx.heap_mut(), 0));
    let _ = metatrace::Ctx::root(cx, acc);
    let r = (|| {
        while let Some(i) = b::next(cx, rt, it)? {
            let _ = metatrace::Ctx::root(cx, i);
            acc = b::binary(cx, rt, crate::bytecode::BinOp::Add, acc, i)?;
            let _ = metatrace::Ctx::root(cx, acc);
        }
        Ok(acc)
    })();
    metatrace::Ctx::unroot(cx, mark);
    r
}

pub(super) fn classinfo_matches<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: usize,
    info: usize,
) -> Result<bool, usize> {
    if is(info, &TUPLE) {
        // (In place: `info`, an argument, stays alive, and a tuple's items never change.)
        for &c in crate::runtime::tuple_slice(info) {
            if classinfo_matches(cx, rt, t, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !is(info, &TYPE) {
        return Err(crate::errors::new_error(
            cx,
            rt,
            "TypeError",
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ));
    }
    if classes::is_subclass(rt, t, info) {
        return Ok(true);
    }
    // bool is an int.
    Ok(info == rt.known.int.get() && t == rt.known.bool_.get())
}

pub(super) fn isinstance<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let __t2 = arg(cx, rt, args, 1, "isinstance")?;
    let (o, info) = (arg(cx, rt, args, 0, "isinstance")?, __t2);
    Ok(rt.bool_obj(check_hooked(cx, rt, o, info, "__instancecheck__")?))
}

pub(super) fn issubclass<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let __t3 = arg(cx, rt, args, 1, "issubclass")?;
    let (t, info) = (arg(cx, rt, args, 0, "issubclass")?, __t3);
    if !is(t, &TYPE) {
        return err(cx, rt, "TypeError", "issubclass() arg 1 must be a class");
    }
    Ok(rt.bool_obj(check_hooked(cx, rt, t, info, "__subclasscheck__")?))
}

/// `isinstance(o, info)` (`hook` `__instancecheck__`) or `issubclass(o, info)`
/// (`__subclasscheck__`): a metaclass's hook decides for its classes.
fn check_hooked<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, info: usize, hook: &str) -> Result<bool, usize> {
    if is(info, &TUPLE) {
        // (In place: `info`, an argument, stays alive, and a tuple's items never change.)
        for &c in crate::runtime::tuple_slice(info) {
            if check_hooked(cx, rt, o, c, hook)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let t = if hook == "__instancecheck__" { b::peek_type(rt, o) } else { o };
    if is(info, &INSTANCE) {
        // `int | str` (a `types.UnionType`) and other objects with the hook.
        if let Some(h) = classes::special(rt, b::peek_type(rt, info), hook) {
            let r = call_value(cx, rt, h, &[info, o], &[])?;
            return truth(cx, rt, r);
        }
    }
    if is(info, &TYPE) && t == info {
        return Ok(true);
    }
    let bit = if hook == "__instancecheck__" { classes::HOOK_INSTANCECHECK } else { classes::HOOK_SUBCLASSCHECK };
    if is(info, &TYPE) && classes::hooks(rt, classes::meta_of(rt, info)) & bit != 0 {
        if let Some(h) = classes::special(rt, classes::meta_of(rt, info), hook) {
            let r = call_value(cx, rt, h, &[info, o], &[])?;
            return truth(cx, rt, r);
        }
    }
    if hook == "__subclasscheck__" && !is(info, &TYPE) && !is(info, &TUPLE) {
        let msg = "issubclass() arg 2 must be a class, a tuple of classes, or a union";
        return Err(crate::errors::new_error(cx, rt, "TypeError", msg));
    }
    if hook == "__subclasscheck__" && !is(info, &TYPE) {
        let msg = "issubclass() arg 2 must be a class, a tuple of classes, or a union";
        return Err(crate::errors::new_error(cx, rt, "TypeError", msg));
    }
    classinfo_matches(cx, rt, t, info)
}

pub fn getattr_impl<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize, name: &str) -> PyResult {
    if let Some(id) = crate::builtin_methods::method_id(layout_of(o), name) {
        let m = cx.heap_mut().alloc(&BUILTIN);
        unsafe {
            *((m + BUILTIN_ID.offset as usize) as *mut usize) = id;
            *((m + BUILTIN_SELF.offset as usize) as *mut usize) = o;
        }
        return Ok(m);
    }
    if is(o, &MODULE) {
        let id = rt.module_id(o) as usize;
        let slot = rt.modules.borrow()[id].slots.get(name).copied();
        if let Some(i) = slot {
            let values = unsafe { read_word(o, &MODULE_DICT) } as usize;
            let v = unsafe { *((values + REFS_ITEMS.base as usize + 8 * i as usize) as *const usize) };
            if v != 0 {
                return Ok(v);
            }
        }
        // Missing: the module's `__getattr__`, or AttributeError.
        return crate::types::getattr(cx, rt, o, name);
    }
    // (`__getattribute__` and `__getattr__` of instances and classes included.)
    crate::types::getattr(cx, rt, o, name)
}

/// `getattr`, `hasattr`, `setattr` and `delattr` take a str name, and say so otherwise.
fn attr_name_check<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, n: usize) -> Result<(), usize> {
    if is(n, &STR) {
        return Ok(());
    }
    let msg = format!("attribute name must be string, not '{}'", b::type_name(rt, n));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

pub(super) fn hasattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let __t4 = arg(cx, rt, args, 1, "hasattr")?;
    let (o, n) = (arg(cx, rt, args, 0, "hasattr")?, __t4);
    attr_name_check(cx, rt, n)?;
    match getattr_impl(cx, rt, o, text(n)) {
        Ok(_) => Ok(rt.true_.get()),
        Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("AttributeError")) => {
            Ok(rt.false_.get())
        }
        Err(e) => Err(e),
    }
}

pub(super) fn getattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let __t5 = arg(cx, rt, args, 1, "getattr")?;
    let (o, n) = (arg(cx, rt, args, 0, "getattr")?, __t5);
    attr_name_check(cx, rt, n)?;
    match getattr_impl(cx, rt, o, text(n)) {
        Err(e)
            if args.len() > 2 && classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("AttributeError")) =>
        {
            Ok(args[2])
        }
        r => r,
    }
}

pub(super) fn setattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let __t6 = arg(cx, rt, args, 1, "setattr")?;
    let __t7 = arg(cx, rt, args, 2, "setattr")?;
    let (o, n, v) = (arg(cx, rt, args, 0, "setattr")?, __t6, __t7);
    attr_name_check(cx, rt, n)?;
    crate::types::setattr(cx, rt, o, text(n), v)?;
    Ok(rt.none.get())
}

pub(super) fn iter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    match args {
        [o] => b::iter(cx, rt, *o),
        [f, sentinel] => {
            if !b::is_callable(rt, *f) {
                return err(cx, rt, "TypeError", "iter(v, w): v must be callable");
            }
            Ok(super::callable_iter(cx, *f, *sentinel))
        }
        _ => {
            let msg = if args.is_empty() {
                "iter expected at least 1 argument, got 0".to_string()
            } else {
                format!("iter expected at most 2 arguments, got {}", args.len())
            };
            err(cx, rt, "TypeError", &msg)
        }
    }
}

pub(super) fn next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let it = arg(cx, rt, args, 0, "next")?;
    if is(it, &crate::generators::GENERATOR) {
        return match b::gen_send(cx, rt, it, rt.none.get(), None)? {
            b::GenStep::Yielded(v) => Ok(v),
            b::GenStep::Returned(_) if args.len() > 1 => Ok(args[1]),
            b::GenStep::Returned(_) => Err(crate::generators::stop_iteration(cx, rt, it)),
        };
    }
    match b::next(cx, rt, it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => crate::types::call_type(cx, rt, rt.builtin_type("StopIteration"), &[], &[]).and_then(Err),
        },
    }
}

/// Sorts `items` in place by `key`, stably (Python's `sorted`): every key is computed first
/// (user code), then compared (maybe user code too); keys are rooted meanwhile.
pub(super) fn sort_items<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    items: &mut Vec<usize>,
    key: Option<usize>,
    reverse: bool,
) -> Result<(), usize> {
    let mark = metatrace::Ctx::root(cx, 0);
    let r = (|| {
        let mut keyed = Vec::with_capacity(items.len());
        for &i in items.iter() {
            let _ = metatrace::Ctx::root(cx, i);
            let k = key_of(cx, rt, key, i)?;
            let _ = metatrace::Ctx::root(cx, k);
            keyed.push((k, i));
        }
        // Merge sort with a fallible comparison.
        let mut error = None;
        let mut v: Vec<(usize, usize)> = keyed;
        let lt = |cx: &mut Cx<'_, S>, a: usize, b2: usize, error: &mut Option<usize>| -> bool {
            if error.is_some() {
                return false;
            }
            if let Some(o) = b::plain_cmp(a, b2) {
                return o == std::cmp::Ordering::Less;
            }
            match b::compare(cx, rt, crate::bytecode::CmpOp::Lt, a, b2).and_then(|r| truth(cx, rt, r)) {
                Ok(t) => t,
                Err(e) => {
                    *error = Some(e);
                    false
                }
            }
        };
        let n = v.len();
        let mut width = 1;
        while width < n {
            let mut out = Vec::with_capacity(n);
            let mut start = 0;
            while start < n {
                let mid = (start + width).min(n);
                let end = (start + 2 * width).min(n);
                let (mut i, mut j) = (start, mid);
                while i < mid && j < end {
                    let take_right =
                        if reverse { lt(cx, v[i].0, v[j].0, &mut error) } else { lt(cx, v[j].0, v[i].0, &mut error) };
                    if take_right {
                        out.push(v[j]);
                        j += 1;
                    } else {
                        out.push(v[i]);
                        i += 1;
                    }
                }
                out.extend_from_slice(&v[i..mid]);
                out.extend_from_slice(&v[j..end]);
                start = end;
            }
            v = out;
            width *= 2;
        }
        if let Some(e) = error {
            return Err(e);
        }
        *items = v.into_iter().map(|(_, i)| i).collect();
        Ok(())
    })();
    metatrace::Ctx::unroot(cx, mark);
    r
}

pub(super) fn sorted<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    if args.len() != 1 {
        return err(cx, rt, "TypeError", &format!("sorted expected 1 argument, got {}", args.len()));
    }
    super::sequences::sort_keywords(cx, rt, kw)?;
    let __t8 = args[0];
    let mut items = collect(cx, rt, __t8)?;
    let reverse = kwarg(kw, "reverse").is_some_and(|r| r == rt.true_.get() || peek_i64(r).is_some_and(|v| v != 0));
    sort_items(cx, rt, &mut items, kwarg(kw, "key"), reverse)?;
    Ok(new_list(cx.heap_mut(), &items))
}

pub(super) fn reversed<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let [o] = args[..] else {
        return err(cx, rt, "TypeError", &format!("reversed expected 1 argument, got {}", args.len()));
    };
    if crate::ranges::is_range(o) {
        return Ok(super::range_reversed(cx, o));
    }
    let items = if is(o, &LIST)
        || is(o, &TUPLE)
        || is(o, &STR)
        || crate::bytes::is_binary(o)
        || dict::is_dict(o)
        || crate::views::is_view(o)
        || crate::memview::is_view(o)
    {
        collect(cx, rt, o)?
    } else if is(o, &INSTANCE) {
        if let Some(r) = b::call_method(cx, rt, o, "__reversed__", &[]) {
            return r;
        }
        let t = b::peek_type(rt, o);
        if classes::lookup(rt, t, "__len__").is_none() || classes::lookup(rt, t, "__getitem__").is_none() {
            return err(cx, rt, "TypeError", &format!("'{}' object is not reversible", b::type_name(rt, o)));
        }
        // The sequence protocol: o[len - 1], ..., o[0].
        let n = b::len(cx, rt, o)?;
        let mut items = Vec::with_capacity(n);
        for k in 0..n {
            let i = new_int(cx.heap_mut(), k as i64);
            let v = crate::types::getitem(cx, rt, o, i)?;
            let _ = metatrace::Ctx::root(cx, v);
            items.push(v);
        }
        items
    } else {
        return err(cx, rt, "TypeError", &format!("'{}' object is not reversible", b::type_name(rt, o)));
    };
    let kind = if is(o, &LIST) {
        1
    } else if dict::is_dict(o) || is(o, &crate::views::KEYS) {
        3
    } else if is(o, &crate::views::VALUES) {
        4
    } else if is(o, &crate::views::ITEMS) {
        5
    } else {
        2
    };
    let mut items = items;
    items.reverse();
    let l = new_list(cx.heap_mut(), &items);
    let it = b::iter(cx, rt, l)?;
    // SAFETY: `iter` of a list is a new sequence iterator.
    unsafe { *((it + SITER_KIND.offset as usize) as *mut i64) = kind };
    Ok(it)
}

pub(super) fn lazy<S: Space>(
    cx: &mut Cx<'_, S>,
    layout: &'static metatrace::heap::Layout,
    a: usize,
    bv: usize,
    n: i64,
) -> usize {
    let o = cx.heap_mut().alloc(layout);
    // SAFETY: just allocated with a lazy iterator's layout.
    unsafe {
        *((o + LAZY_A.offset as usize) as *mut usize) = a;
        *((o + LAZY_B.offset as usize) as *mut usize) = bv;
        *((o + LAZY_N.offset as usize) as *mut i64) = n;
    }
    o
}

pub(super) fn iters<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize]) -> PyResult {
    let mut its = Vec::with_capacity(args.len());
    for &a in args {
        let it = b::iter(cx, rt, a)?;
        let _ = metatrace::Ctx::root(cx, it);
        its.push(it);
    }
    Ok(new_tuple(cx.heap_mut(), &its))
}

pub(super) fn enumerate<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let src = arg(cx, rt, args, 0, "enumerate")?;
    let start = match args.get(1).copied().or(kwarg(kw, "start")) {
        None => 0,
        Some(s) => match peek_i64(s) {
            Some(v) => v,
            None => {
                let v = super::index_value(cx, rt, s)?;
                match v.to_i64() {
                    Some(v) => v,
                    None => return err(cx, rt, "OverflowError", "Python int too large to convert to C ssize_t"),
                }
            }
        },
    };
    let it = b::iter(cx, rt, src)?;
    Ok(lazy(cx, &ENUMERATE, it, 0, start))
}

pub(super) fn zip<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let strict = match kwarg(kw, "strict") {
        Some(v) => truth(cx, rt, v)?,
        None => false,
    };
    let its = iters(cx, rt, args)?;
    Ok(lazy(cx, &ZIP, its, 0, strict as i64))
}

/// `zip(..., strict=True)` found iterator `k` exhausted (`k` > 0) while the ones before it
/// were not, or (`k` = 0) the first exhausted: the error, if the others are not.
fn zip_strict_error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, its: &[usize], k: usize) -> Result<(), usize> {
    let before = |k: usize| if k == 1 { "argument 1".to_string() } else { format!("arguments 1-{k}") };
    if k > 0 {
        return Err(crate::errors::new_error(
            cx,
            rt,
            "ValueError",
            &format!("zip() argument {} is shorter than {}", k + 1, before(k)),
        ));
    }
    for (j, &it) in its.iter().enumerate().skip(1) {
        if b::next(cx, rt, it)?.is_some() {
            let msg = format!("zip() argument {} is longer than {}", j + 1, before(j));
            return Err(crate::errors::new_error(cx, rt, "ValueError", &msg));
        }
    }
    Ok(())
}

pub(super) fn map<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let f = arg(cx, rt, args, 0, "map")?;
    let its = iters(cx, rt, &args[1..])?;
    Ok(lazy(cx, &MAP, f, its, 0))
}

pub(super) fn filter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = arg(cx, rt, args, 0, "filter")?;
    let src = arg(cx, rt, args, 1, "filter")?;
    let it = b::iter(cx, rt, src)?;
    Ok(lazy(cx, &FILTER, f, it, 0))
}

/// An iterator over `o[0]`, `o[1]`, ... until IndexError (a `map` of a bound `__getitem__`
/// over a counter, stopping at IndexError: see `lazy_next`).
pub fn getitem_iter<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> usize {
    let _ = rt;
    lazy(cx, &ENUMERATE, o, 1, 0)
}

/// The next item of a lazy builtin iterator (`None`: exhausted).
pub fn lazy_next<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, o: usize) -> Result<Option<usize>, usize> {
    // SAFETY: `o` is a live lazy iterator.
    let (a, bv, n) =
        unsafe { (read_word(o, &LAZY_A) as usize, read_word(o, &LAZY_B) as usize, read_word(o, &LAZY_N) as i64) };
    if is(o, &ENUMERATE) && bv == 1 {
        // The sequence protocol (see `getitem_iter`).
        let k = new_int(cx.heap_mut(), n);
        let r = match b::call_method(cx, rt, a, "__getitem__", &[k]) {
            Some(r) => r,
            None => return Ok(None),
        };
        return match r {
            Ok(v) => {
                unsafe { *((o + LAZY_N.offset as usize) as *mut i64) = n + 1 };
                Ok(Some(v))
            }
            Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("IndexError")) => Ok(None),
            Err(e) if classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("StopIteration")) => Ok(None),
            Err(e) => Err(e),
        };
    }
    if is(o, &ENUMERATE) {
        let Some(v) = b::next(cx, rt, a)? else { return Ok(None) };
        unsafe { *((o + LAZY_N.offset as usize) as *mut i64) = n + 1 };
        let _ = metatrace::Ctx::root(cx, v);
        let k = new_int(cx.heap_mut(), n);
        return Ok(Some(new_tuple(cx.heap_mut(), &[k, v])));
    }
    if is(o, &ZIP) || is(o, &MAP) {
        let its = tuple_items(if is(o, &ZIP) { a } else { bv });
        if its.is_empty() {
            return Ok(None);
        }
        let mut vals = Vec::with_capacity(its.len());
        for (k, &it) in its.iter().enumerate() {
            match b::next(cx, rt, it)? {
                Some(v) => {
                    let _ = metatrace::Ctx::root(cx, v);
                    vals.push(v);
                }
                None => {
                    if is(o, &ZIP) && n == 1 {
                        zip_strict_error(cx, rt, &its, k)?;
                    }
                    return Ok(None);
                }
            }
        }
        if is(o, &ZIP) {
            return Ok(Some(new_tuple(cx.heap_mut(), &vals)));
        }
        return call_value(cx, rt, a, &vals, &[]).map(Some);
    }
    // filter
    loop {
        let Some(v) = b::next(cx, rt, bv)? else { return Ok(None) };
        let _ = metatrace::Ctx::root(cx, v);
        let keep = if a == rt.none.get() {
            truth(cx, rt, v)?
        } else {
            let r = call_value(cx, rt, a, &[v], &[])?;
            truth(cx, rt, r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
}

pub(super) fn any<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t12 = arg(cx, rt, args, 0, "any")?;
    let it = b::iter(cx, rt, __t12)?;
    while let Some(v) = b::next(cx, rt, it)? {
        if truth(cx, rt, v)? {
            return Ok(rt.true_.get());
        }
    }
    Ok(rt.false_.get())
}

pub(super) fn all<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t13 = arg(cx, rt, args, 0, "all")?;
    let it = b::iter(cx, rt, __t13)?;
    while let Some(v) = b::next(cx, rt, it)? {
        if !truth(cx, rt, v)? {
            return Ok(rt.false_.get());
        }
    }
    Ok(rt.true_.get())
}

pub(super) fn chr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let v = arg(cx, rt, args, 0, "chr")?;
    if is(v, &FLOAT) || peek_bigint(v).is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", b::type_name(rt, v));
        return err(cx, rt, "TypeError", &msg);
    }
    let n = peek_i64(v).unwrap_or(-1);
    match u32::try_from(n).ok().and_then(crate::chars::from_code_point) {
        Some(c) => Ok(crate::runtime::char_str(cx.heap_mut(), rt, c)),
        None => err(cx, rt, "ValueError", "chr() arg not in range(0x110000)"),
    }
}

pub(super) fn ord<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let s = arg(cx, rt, args, 0, "ord")?;
    let (first, n) = if is(s, &STR) {
        (text(s).chars().next().map(|c| crate::chars::code_point(c) as i64), unsafe { str_chars(s) })
    } else if let Some(d) = crate::bytes::buffer(s).filter(|_| crate::bytes::is_binary(s)) {
        (d.first().map(|&c| c as i64), d.len())
    } else {
        let msg = format!("ord() expected string of length 1, but {} found", b::type_name(rt, s));
        return err(cx, rt, "TypeError", &msg);
    };
    match first {
        Some(c) if n == 1 => Ok(crate::runtime::int_obj(cx.heap_mut(), rt, c)),
        _ => err(cx, rt, "TypeError", &format!("ord() expected a character, but string of length {n} found")),
    }
}

pub(super) fn radix<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], r: u32, prefix: &str) -> PyResult {
    let o = arg(cx, rt, args, 0, prefix)?;
    let v = super::index_value(cx, rt, o)?;
    let s = format!("{}{prefix}{}", if v.is_negative() { "-" } else { "" }, v.abs().to_str_radix(r));
    Ok(new_str(cx.heap_mut(), &s))
}
pub(super) fn hex<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    radix(cx, rt, args, 16, "0x")
}
pub(super) fn oct<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    radix(cx, rt, args, 8, "0o")
}
pub(super) fn bin<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    radix(cx, rt, args, 2, "0b")
}

pub(super) fn hash<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let __t16 = arg(cx, rt, args, 0, "hash")?;
    let h = b::hash(cx, rt, __t16)?;
    Ok(new_int(cx.heap_mut(), h))
}

pub(super) fn id<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let o = arg(cx, rt, args, 0, "id")?;
    Ok(new_int(cx.heap_mut(), o as i64))
}

pub(super) fn callable<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    if args.len() != 1 {
        let msg = format!("callable() takes exactly one argument ({} given)", args.len());
        return err(cx, rt, "TypeError", &msg);
    }
    let o = args[0];
    Ok(rt.bool_obj(b::is_callable(rt, o)))
}

pub(super) fn format<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = arg(cx, rt, args, 0, "format")?;
    let spec = match args.get(1) {
        Some(&s) if is(s, &STR) => text(s),
        Some(&s) => {
            let msg = format!("format() argument 2 must be str, not {}", b::type_name(rt, s));
            return err(cx, rt, "TypeError", &msg);
        }
        None => "",
    };
    let s = crate::format::format(cx, rt, v, spec)?;
    Ok(new_str(cx.heap_mut(), &s))
}

/// `__build_class__(body, name, *bases, metaclass=..., **kw)`: the class statement (see
/// `typeobj::build_class`).
pub(super) fn build_class<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    crate::typeobj::build_class(cx, rt, args, kw)
}

/// What a call of a builtin needs besides its arguments (see [`call_kind`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CallKind {
    /// Nothing: the native runs it.
    Plain,
    /// The caller's frame when called without arguments ([`frame_info`]: `globals()`, ...).
    FrameWithoutArgs,
    /// The caller's frame always (`exec`, `eval`, `sys._getframe`).
    Frame,
    /// It may have a fast path (`builtin_methods::fast_call`).
    Fast,
}

/// The [`CallKind`] of builtin number `id`, from a table made once: the interpreter asks at
/// every call of a builtin, so it reads one byte rather than comparing names.
#[inline]
pub fn call_kind(id: usize) -> CallKind {
    static KINDS: std::sync::OnceLock<Vec<CallKind>> = std::sync::OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        let kind = |n: &str| match n {
            "globals" | "locals" | "dir" | "vars" | "sys.exc_info" | "sys.exception" => CallKind::FrameWithoutArgs,
            "exec" | "eval" | "sys._getframe" | "sys._caller" => CallKind::Frame,
            n if crate::builtin_methods::FAST.contains(&n) => CallKind::Fast,
            _ => CallKind::Plain,
        };
        crate::library::NAMES.iter().map(|n| kind(n)).collect()
    });
    kinds[id]
}

/// The keyword argument by which the interpreter passes a frame to `globals()` and friends.
pub const FRAME_KW: &str = "__frame__";

/// What `globals()`, `locals()`, `dir()` and `vars()` called without arguments need of the
/// calling frame: (module, code number, class namespace or None, tuple of the local slots,
/// the exception being handled or None; `sys.exc_info()` and `sys.exception()` need that;
/// the frame's pc, from which `sys._getframe()` reads its line). `None` for other callables.
pub fn frame_info<S: Space, C: metatrace::Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    f: &crate::interp::Frame<C>,
    id: usize,
    nargs: usize,
) -> Option<C::Ref> {
    let wanted = match call_kind(id) {
        CallKind::FrameWithoutArgs => nargs == 0,
        CallKind::Frame => true,
        _ => false,
    };
    if !wanted {
        return None;
    }
    let code = cx.int(f.code_id as i64);
    let code = crate::space::int(cx, code);
    let ns = if crate::interp::is_null(cx, f.ns) { cx.const_ref(rt.none.get()) } else { f.ns };
    let locals = crate::interp::tuple(cx, f.slots.locals());
    let exc = if crate::interp::is_null(cx, f.exc) { cx.const_ref(rt.none.get()) } else { f.exc };
    let pc = cx.int(f.pc as i64);
    let pc = crate::space::int(cx, pc);
    Some(crate::interp::tuple(cx, &[f.globals, code, ns, locals, exc, pc]))
}

/// The globals of a module as a new dict.
fn module_dict<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, m: usize) -> PyResult {
    let d = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, d);
    let id = rt.module_id(m) as usize;
    let order = rt.modules.borrow()[id].order.clone();
    for n in order {
        if let Some(v) = crate::globals::peek_global_of(rt, m, &n) {
            let k = new_str(cx.heap_mut(), &n);
            dict::set(cx, rt, d, k, v)?;
        }
    }
    Ok(d)
}

/// The namespace of the frame described by `info` (see `frame_info`): a function's locals as
/// a new dict, a class body's namespace, or the module's globals.
pub(super) fn frame_locals<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, info: Option<usize>) -> PyResult {
    let Some(info) = info else {
        let main = rt.module_cache.borrow().get("__main__").copied();
        return match main {
            Some(m) => module_dict(cx, rt, m),
            None => Ok(dict::new_dict(cx.heap_mut())),
        };
    };
    let [m, code, ns, slots, ..] = tuple_items(info)[..] else { unreachable!("frame info") };
    if ns != rt.none.get() {
        return Ok(ns);
    }
    let code = rt.code(peek_i64(code).unwrap_or(0) as u32);
    if code.kind == crate::bytecode::CodeKind::Module {
        return module_dict(cx, rt, m);
    }
    let d = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, d);
    for (name, v) in code.varnames.iter().zip(tuple_items(slots)) {
        let v = if is(v, &CELL) { unsafe { read_word(v, &CELL_VALUE) as usize } } else { v };
        if v != 0 {
            let k = new_str(cx.heap_mut(), name);
            dict::set(cx, rt, d, k, v)?;
        }
    }
    Ok(d)
}

fn no_args<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    kw: Kw<'_>,
    name: &str,
) -> Result<Option<usize>, usize> {
    if !args.is_empty() {
        return Err(crate::errors::new_error(
            cx,
            rt,
            "TypeError",
            &format!("{name}() takes no arguments ({} given)", args.len()),
        ));
    }
    if let Some((k, _)) = kw.iter().find(|(k, _)| &**k != FRAME_KW) {
        let msg = format!("{name}() takes no keyword arguments");
        let _ = k;
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    }
    Ok(kwarg(kw, FRAME_KW))
}

pub(super) fn globals<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let info = no_args(cx, rt, args, kw, "globals")?;
    let m = match info {
        Some(i) => tuple_items(i)[0],
        None => match rt.module_cache.borrow().get("__main__").copied() {
            Some(m) => m,
            None => return Ok(dict::new_dict(cx.heap_mut())),
        },
    };
    frame_globals(cx, rt, m)
}

/// The globals of module `m` as `globals()` returns them: a dict whose changes also reach
/// the module (see `_moduledict`).
pub fn frame_globals<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, m: usize) -> PyResult {
    let names = module_dict(cx, rt, m)?;
    let _ = metatrace::Ctx::root(cx, names);
    let md = crate::modules::import_module(cx, rt, "_moduledict")?;
    let make = crate::types::getattr(cx, rt, md, "make")?;
    call_value(cx, rt, make, &[m, names], &[])
}

pub(super) fn locals<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let info = no_args(cx, rt, args, kw, "locals")?;
    // At module level, `locals()` is `globals()`.
    if let Some(i) = info {
        let [m, code, ns, ..] = tuple_items(i)[..] else { unreachable!("frame info") };
        if ns == rt.none.get() && rt.code(peek_i64(code).unwrap_or(0) as u32).kind == crate::bytecode::CodeKind::Module
        {
            return frame_globals(cx, rt, m);
        }
    }
    frame_locals(cx, rt, info)
}

/// The attribute names of an object (modules: their globals; instances: their own and their
/// classes'), sorted; without an argument, the names of the calling frame.
pub(super) fn dir<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], kw: Kw<'_>) -> PyResult {
    let mut names: Vec<Rc<str>> = Vec::new();
    match args.first() {
        None => {
            let info = no_args(cx, rt, args, kw, "dir")?;
            let d = frame_locals(cx, rt, info)?;
            let mut keys = Vec::new();
            for (k, _) in dict::items(d) {
                keys.push(k);
            }
            let l = new_list(cx.heap_mut(), &keys);
            let _ = metatrace::Ctx::root(cx, l);
            let mut items = keys;
            sort_items(cx, rt, &mut items, None, false)?;
            return Ok(new_list(cx.heap_mut(), &items));
        }
        Some(&o) if is(o, &MODULE) => {
            let id = rt.module_id(o) as usize;
            for n in rt.modules.borrow()[id].order.clone() {
                if crate::globals::peek_global_of(rt, o, &n).is_some() {
                    names.push(n);
                }
            }
        }
        Some(&o) => {
            if let Some(d) = classes::special(rt, b::peek_type(rt, o), "__dir__") {
                let r = call_value(cx, rt, d, &[o], &[])?;
                let mut items = collect(cx, rt, r)?;
                sort_items(cx, rt, &mut items, None, false)?;
                return Ok(new_list(cx.heap_mut(), &items));
            }
            if is(o, &INSTANCE) {
                let map = unsafe { read_word(o, &INST_MAP) } as usize;
                names.extend(rt.maps.borrow()[map].order.iter().cloned());
                if let Some(d) = classes::attr_dict(rt, o) {
                    names.extend(
                        dict::items(d).into_iter().filter(|&(k, _)| is(k, &STR)).map(|(k, _)| Rc::from(text(k))),
                    );
                }
            }
            let t = if is(o, &TYPE) { o } else { b::peek_type(rt, o) };
            names.extend(["__class__".into(), "__doc__".into()]);
            names.extend(super::builtin_data_attrs(rt, t).iter().map(|&n| Rc::from(n)));
            if !classes::is_builtin(rt, t) && crate::attrs::has_dict(rt, t) {
                names.extend(["__dict__".into(), "__weakref__".into()]);
            }
            let id = unsafe { read_word(t, &TYPE_ID) } as usize;
            let mro = rt.types.borrow()[id].mro.clone();
            for c in mro {
                let cid = unsafe { read_word(c, &TYPE_ID) } as usize;
                let types = rt.types.borrow();
                names.extend(types[cid].dict.borrow().keys().cloned());
                if types[cid].builtin {
                    names.extend(dir_extras(&types[cid].name).iter().map(|&n| Rc::from(n)));
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let objs: Vec<usize> = names.iter().map(|n| new_str(cx.heap_mut(), n)).collect();
    Ok(new_list(cx.heap_mut(), &objs))
}
/// The attributes CPython's `dir` lists for builtin class `name` that are not in its dict
/// here (answered by the attribute code instead, or not kept).
fn dir_extras(name: &str) -> &'static [&'static str] {
    match name {
        "float" => &["__getformat__"],
        "bytes" => &["__bytes__"],
        "bytearray" => &["__alloc__"],
        "complex" => &["__complex__"],
        "NoneType" => &["__bool__"],
        "BaseException" => &["__dict__", "__setstate__"],
        "list_iterator"
        | "tuple_iterator"
        | "str_ascii_iterator"
        | "str_iterator"
        | "range_iterator"
        | "list_reverseiterator"
        | "bytes_iterator"
        | "bytearray_iterator" => &["__length_hint__", "__setstate__"],
        "set_iterator" | "dict_keyiterator" | "dict_valueiterator" | "dict_itemiterator" => &["__length_hint__"],
        "generator" => &[
            "__del__",
            "__name__",
            "__qualname__",
            "gi_code",
            "gi_frame",
            "gi_running",
            "gi_suspended",
            "gi_yieldfrom",
        ],
        "function" => &[
            "__annotations__",
            "__builtins__",
            "__closure__",
            "__code__",
            "__defaults__",
            "__dict__",
            "__get__",
            "__globals__",
            "__kwdefaults__",
            "__module__",
            "__name__",
            "__qualname__",
        ],
        "type" => &[
            "__abstractmethods__",
            "__annotations__",
            "__base__",
            "__bases__",
            "__basicsize__",
            "__call__",
            "__dict__",
            "__dictoffset__",
            "__flags__",
            "__itemsize__",
            "__module__",
            "__mro__",
            "__name__",
            "__or__",
            "__qualname__",
            "__ror__",
            "__text_signature__",
            "__weakrefoffset__",
        ],
        _ => &[],
    }
}

pub(super) fn vars<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let Some(&o) = args.first() else {
        let info = no_args(cx, rt, args, kw, "vars")?;
        return frame_locals(cx, rt, info);
    };
    if is(o, &INSTANCE) || is(o, &TYPE) {
        return match crate::attrs::getattr(cx, rt, o, "__dict__") {
            Err(e) if crate::attrs::is_attribute_error(rt, e) => {
                err(cx, rt, "TypeError", "vars() argument must have __dict__ attribute")
            }
            r => r,
        };
    }
    if is(o, &MODULE) {
        return module_dict(cx, rt, o);
    }
    err(cx, rt, "TypeError", "vars() argument must have __dict__ attribute")
}
pub(super) fn delattr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let (o, n) = (arg(cx, rt, args, 0, "delattr")?, arg(cx, rt, args, 1, "delattr")?);
    if is(o, &MODULE) && is(n, &STR) {
        return super::module_delattr(cx, rt, o, text(n));
    }
    attr_name_check(cx, rt, n)?;
    crate::attrs::delattr(cx, rt, o, text(n))?;
    Ok(rt.none.get())
}
pub(super) fn ascii<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let o = arg(cx, rt, args, 0, "ascii")?;
    let r = to_repr(cx, rt, o)?;
    let mut out = String::new();
    for c in r.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else if (c as u32) < 0x10000 {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(&format!("\\U{:08x}", c as u32));
        }
    }
    s(cx, &out)
}
