//! The methods of `int`, `float`, generators and `property`.

use super::*;

rows! {
    "float.is_integer" => float_is_integer,
    "int.bit_length" => int_bit_length,
    "generator.send" => gen_send_m,
    "generator.throw" => gen_throw,
    "generator.close" => gen_close,
    "generator.__next__" => gen_next,
    "property.setter" => prop_setter,
    "property.getter" => prop_getter,
    "property.deleter" => prop_deleter,
}

pub(super) fn float_is_integer<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = f64::from_bits(unsafe { read_word(this(t), &FLOAT_VALUE) });
    Ok(rt.bool_obj(f.is_finite() && f.fract() == 0.0))
}
pub(super) fn int_bit_length<S: Space>(
    cx: &mut Cx<'_, S>,
    _rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = peek_bigint(this(t)).unwrap_or_default();
    Ok(new_int(cx.heap_mut(), v.bits() as i64))
}
/// `__name__` / `__qualname__` of a builtin function or a generator.
pub fn callable_name(rt: &Python, obj: usize, attr: &str) -> Option<String> {
    if attr != "__name__" && attr != "__qualname__" {
        return None;
    }
    if is(obj, &BUILTIN) {
        // SAFETY: a live builtin.
        let id = unsafe { read_word(obj, &BUILTIN_ID) } as usize;
        let full = super::NAMES[id];
        let short = full.rsplit('.').next().unwrap_or(full);
        let method = b::is_method_name(full);
        return Some(if attr == "__qualname__" && method { full.to_string() } else { short.to_string() });
    }
    if is(obj, &crate::generators::GENERATOR) {
        // SAFETY: a live generator's code number.
        let code = rt.code(unsafe { read_word(obj, &crate::generators::GEN_CODE) } as u32);
        return Some(if attr == "__name__" { code.name.to_string() } else { code.qualname.to_string() });
    }
    None
}

pub(super) fn gen_result<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, g: usize, step: b::GenStep) -> PyResult {
    match step {
        b::GenStep::Yielded(v) => Ok(v),
        b::GenStep::Returned(_) => Err(crate::generators::stop_iteration(cx, rt, g)),
    }
}
pub(super) fn gen_send_m<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let v = arg(cx, rt, args, 0, "send")?;
    let step = b::gen_send(cx, rt, this(t), v, None)?;
    gen_result(cx, rt, this(t), step)
}
pub(super) fn gen_next<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let step = b::gen_send(cx, rt, this(t), rt.none.get(), None)?;
    gen_result(cx, rt, this(t), step)
}
pub(super) fn gen_throw<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let e = arg(cx, rt, args, 0, "throw")?;
    let e = if is(e, &TYPE) { crate::types::call_type(cx, rt, e, &args[1..], &[])? } else { e };
    let step = b::gen_send(cx, rt, this(t), rt.none.get(), Some(e))?;
    gen_result(cx, rt, this(t), step)
}
pub(super) fn gen_close<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let g = this(t);
    let state = unsafe { read_word(g, &crate::generators::GEN_STATE) } as i64;
    if state == crate::generators::UNSTARTED || state == crate::generators::FINISHED {
        unsafe { *((g + crate::generators::GEN_STATE.offset as usize) as *mut i64) = crate::generators::FINISHED };
        return Ok(rt.none.get());
    }
    let exit = crate::types::call_type(cx, rt, rt.builtin_type("GeneratorExit"), &[], &[])?;
    match b::gen_send(cx, rt, g, rt.none.get(), Some(exit)) {
        Ok(b::GenStep::Yielded(_)) => err(cx, rt, "RuntimeError", "generator ignored GeneratorExit"),
        Ok(b::GenStep::Returned(_)) => Ok(rt.none.get()),
        Err(e)
            if e == exit
                || classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("GeneratorExit"))
                || classes::is_subclass(rt, b::peek_type(rt, e), rt.builtin_type("StopIteration")) =>
        {
            Ok(rt.none.get())
        }
        Err(e) => Err(e),
    }
}

/// A copy of property `p` with one accessor replaced (`@x.setter`).
pub(super) fn prop_with<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, p: usize, slot: &str, f: usize) -> PyResult {
    let get = |n: &str| classes::peek_slot(rt, p, n).unwrap_or(rt.none.get());
    let mut vals = [get("fget"), get("fset"), get("fdel"), get("__doc__")];
    let k = ["fget", "fset", "fdel"].iter().position(|&n| n == slot).unwrap_or(0);
    vals[k] = f;
    crate::types::call_type(cx, rt, rt.builtin_type("property"), &vals, &[])
}
pub(super) fn prop_setter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = arg(cx, rt, args, 0, "setter")?;
    prop_with(cx, rt, this(t), "fset", f)
}
pub(super) fn prop_getter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = arg(cx, rt, args, 0, "getter")?;
    prop_with(cx, rt, this(t), "fget", f)
}
pub(super) fn prop_deleter<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let f = arg(cx, rt, args, 0, "deleter")?;
    prop_with(cx, rt, this(t), "fdel", f)
}
