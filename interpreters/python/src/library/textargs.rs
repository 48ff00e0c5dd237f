//! Argument handling shared by the methods of `str`, `bytes` and `bytearray`: positional and
//! keyword parameters with CPython's count errors, integer and slice-index arguments, and the
//! `[start:end]` window of the search methods.

use super::*;

/// The parameters `names` of method `fname` from positional `args` and keywords `kw` (at
/// most `names.len()` of them; `kw_ok`: which names may be passed by keyword).
pub(super) fn params<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    fname: &str,
    args: &[usize],
    kw: Kw<'_>,
    names: &[&str],
    kw_ok: bool,
) -> Result<Vec<Option<usize>>, usize> {
    if args.len() > names.len() {
        let msg = if names.is_empty() {
            format!("{fname}() takes no arguments ({} given)", args.len())
        } else {
            let plural = if names.len() == 1 { "" } else { "s" };
            format!("{fname}() takes at most {} argument{plural} ({} given)", names.len(), args.len())
        };
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    }
    let mut out: Vec<Option<usize>> = names.iter().enumerate().map(|(k, _)| args.get(k).copied()).collect();
    let short = fname.rsplit('.').next().unwrap_or(fname);
    for (k, v) in kw {
        match names.iter().position(|n| n == &&**k) {
            Some(p) if kw_ok && out[p].is_none() => out[p] = Some(*v),
            Some(_) if kw_ok => {
                let msg = format!("argument for {short}() given by name ('{k}') and position ({})", 1);
                return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
            }
            _ if !kw_ok => {
                let msg = format!("{short}() takes no keyword arguments");
                return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
            }
            _ => {
                let msg = format!("'{k}' is an invalid keyword argument for {short}()");
                return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
            }
        }
    }
    Ok(out)
}

/// Checks that at least `min` of `got` arguments were given (CPython's wording for methods
/// with optional parameters: `find() takes at least 1 argument (0 given)`).
pub(super) fn at_least<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    fname: &str,
    got: &[Option<usize>],
    min: usize,
) -> Result<(), usize> {
    let n = got.iter().take_while(|a| a.is_some()).count();
    if n >= min {
        return Ok(());
    }
    let plural = if min == 1 { "" } else { "s" };
    let msg = format!("{fname}() takes at least {min} argument{plural} ({n} given)");
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// The wording of Argument Clinic's count errors: `replace expected at least 2 arguments, got 1`.
pub(super) fn expected<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    fname: &str,
    got: &[Option<usize>],
    min: usize,
) -> Result<(), usize> {
    let n = got.iter().take_while(|a| a.is_some()).count();
    if n >= min {
        return Ok(());
    }
    let plural = if min == 1 { "" } else { "s" };
    let msg = format!("{fname} expected at least {min} argument{plural}, got {n}");
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// For methods of one argument: `str.join() takes exactly one argument (0 given)`.
pub(super) fn one<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    fname: &str,
    args: &[usize],
    kw: Kw<'_>,
) -> Result<usize, usize> {
    if !kw.is_empty() {
        let short = fname.rsplit('.').next().unwrap_or(fname);
        let msg = format!("{short}() takes no keyword arguments");
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    }
    match args {
        [a] => Ok(*a),
        _ => {
            let msg = format!("{fname}() takes exactly one argument ({} given)", args.len());
            Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
        }
    }
}

/// Checks that a method of no arguments got none: `str.upper() takes no arguments (1 given)`.
pub(super) fn none<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    fname: &str,
    args: &[usize],
    kw: Kw<'_>,
) -> Result<(), usize> {
    if args.is_empty() && kw.is_empty() {
        return Ok(());
    }
    let msg = format!("{fname}() takes no arguments ({} given)", args.len() + kw.len());
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// An integer argument (an int, a bool, or an object with `__index__`).
/// The width of a padded result (`center`, `ljust`, `rjust`, `zfill`), checked as CPython
/// checks it: an int past 64 bits is an OverflowError, and a width whose text cannot be
/// allocated (`bytes` of it, as the caller computes) a MemoryError rather than an abort.
pub(super) fn width_arg<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    v: usize,
    bytes_per_item: usize,
) -> Result<usize, usize> {
    if let Some(b) = peek_bigint(v).filter(|b| b.to_i64().is_none() && !is(v, &FLOAT)) {
        let _ = b;
        return Err(crate::errors::new_error(cx, rt, "OverflowError", "Python int too large to convert to C ssize_t"));
    }
    let w = int_arg(cx, rt, v)?.max(0) as usize;
    let room = w.checked_mul(bytes_per_item.max(1)).and_then(|n| n.checked_add(64));
    if room.is_none_or(|n| Vec::<u8>::new().try_reserve_exact(n).is_err()) {
        return Err(crate::errors::new_error(cx, rt, "MemoryError", ""));
    }
    Ok(w)
}

pub(super) fn int_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<i64, usize> {
    if !is(v, &FLOAT) {
        if let Some(b) = peek_bigint(v) {
            return Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }));
        }
        if is(v, &INSTANCE) {
            if let Some(r) = b::call_method(cx, rt, v, "__index__", &[]) {
                let r = r?;
                if let Some(i) = peek_i64(r) {
                    return Ok(i);
                }
            }
        }
    }
    let msg = format!("'{}' object cannot be interpreted as an integer", b::type_name(rt, v));
    Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
}

/// A slice index argument: None or an integer.
pub(super) fn slice_arg<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: Option<usize>) -> Result<Option<i64>, usize> {
    match v {
        None => Ok(None),
        Some(v) if v == rt.none.get() => Ok(None),
        Some(v) => int_arg(cx, rt, v).map(Some).map_err(|_| {
            crate::errors::new_error(
                cx,
                rt,
                "TypeError",
                "slice indices must be integers or None or have an __index__ method",
            )
        }),
    }
}

/// CPython's ADJUST_INDICES: `[start:end]` of a sequence of `n` items, clamped; start may
/// exceed end (an empty window).
pub(super) fn window(start: Option<i64>, end: Option<i64>, n: usize) -> (usize, usize) {
    let n = n as i64;
    let mut e = end.unwrap_or(n);
    if e > n {
        e = n;
    } else if e < 0 {
        e = (e + n).max(0);
    }
    let mut s = start.unwrap_or(0);
    if s < 0 {
        s = (s + n).max(0);
    }
    (s as usize, e as usize)
}

/// An optional `count`/`maxsplit`-like int argument (negative or absent: -1).
pub(super) fn opt_int<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: Option<usize>) -> Result<i64, usize> {
    match v {
        None => Ok(-1),
        Some(v) => int_arg(cx, rt, v),
    }
}
