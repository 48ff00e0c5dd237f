//! The methods of `str`.

use super::functions::getattr_impl;
use super::*;

rows! {
    "str.join" => str_join,
    "str.split" => str_split,
    "str.strip" => str_strip,
    "str.lstrip" => str_lstrip,
    "str.rstrip" => str_rstrip,
    "str.upper" => str_upper,
    "str.lower" => str_lower,
    "str.replace" => str_replace,
    "str.startswith" => str_startswith,
    "str.endswith" => str_endswith,
    "str.find" => str_find,
    "str.index" => str_index,
    "str.count" => str_count,
    "str.format" => str_format,
    "str.isdigit" => str_isdigit,
    "str.isalpha" => str_isalpha,
    "str.isspace" => str_isspace,
    "str.isupper" => str_isupper,
    "str.islower" => str_islower,
    "str.center" => str_center,
    "str.ljust" => str_ljust,
    "str.rjust" => str_rjust,
    "str.zfill" => str_zfill,
    "str.title" => str_title,
    "str.capitalize" => str_capitalize,
    "str.splitlines" => str_splitlines,
    "str.partition" => str_partition,
    "str.rpartition" => str_rpartition,
    "str.rfind" => str_rfind,
    "str.rsplit" => str_rsplit,
    "str.swapcase" => str_swapcase,
    "str.removeprefix" => str_removeprefix,
    "str.removesuffix" => str_removesuffix,
    "str.isalnum" => str_isalnum,
    "str.isidentifier" => str_isidentifier,
    "str.casefold" => str_lower,
}

pub(super) fn str_join<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let __t19 = arg(cx, rt, args, 0, "join")?;
    let items = collect(cx, rt, __t19)?;
    let mut parts = Vec::with_capacity(items.len());
    for (k, i) in items.into_iter().enumerate() {
        if !is(i, &STR) {
            return err(
                cx,
                rt,
                "TypeError",
                &format!("sequence item {k}: expected str instance, {} found", b::type_name(rt, i)),
            );
        }
        parts.push(text(i));
    }
    s(cx, &parts.join(text(this(t))))
}

pub(super) fn str_split<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let sep = opt_str(rt, args, 0).or(kwarg(kw, "sep").filter(|&a| a != rt.none.get()).map(text));
    let max = args.get(1).copied().or(kwarg(kw, "maxsplit")).and_then(|m| peek_i64(m)).unwrap_or(-1);
    let st = text(this(t));
    let parts: Vec<&str> = match sep {
        Some("") => return err(cx, rt, "ValueError", "empty separator"),
        Some(sep) if max >= 0 => st.splitn(max as usize + 1, sep).collect(),
        Some(sep) => st.split(sep).collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = st.trim_start();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            out
        }
    };
    let objs: Vec<usize> = parts.into_iter().map(|p| new_str(cx.heap_mut(), p)).collect();
    Ok(new_list(cx.heap_mut(), &objs))
}

pub(super) fn strip_with<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    left: bool,
    right: bool,
) -> PyResult {
    let st = text(this(t));
    let chars: Option<Vec<char>> = opt_str(rt, args, 0).map(|c| c.chars().collect());
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let mut r = st;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    s(cx, r)
}
pub(super) fn str_strip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    strip_with(cx, rt, t, args, true, true)
}
pub(super) fn str_lstrip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    strip_with(cx, rt, t, args, true, false)
}
pub(super) fn str_rstrip<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    strip_with(cx, rt, t, args, false, true)
}
pub(super) fn str_upper<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    s(cx, &text(this(t)).to_uppercase())
}
pub(super) fn str_lower<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    s(cx, &text(this(t)).to_lowercase())
}
pub(super) fn str_replace<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let __t20 = arg(cx, rt, args, 1, "replace")?;
    let (a, c) = (text(arg(cx, rt, args, 0, "replace")?), text(__t20));
    let n = args.get(2).and_then(|&n| peek_i64(n)).unwrap_or(-1);
    let st = text(this(t));
    let r = if n < 0 { st.replace(a, c) } else { st.replacen(a, c, n as usize) };
    s(cx, &r)
}
pub(super) fn affix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    start: bool,
) -> PyResult {
    let whole = text(this(t));
    // Optional start and end positions (in chars).
    let n = unsafe { str_chars(this(t)) } as i64;
    let pos = |k: usize, d: i64| {
        args.get(k)
            .filter(|&&a| a != rt.none.get())
            .and_then(|&a| peek_i64(a))
            .map(|i| if i < 0 { (i + n).max(0) } else { i.min(n) })
            .unwrap_or(d)
    };
    let (from, to) = (pos(1, 0), pos(2, n));
    let byte = |c: i64| whole.char_indices().nth(c as usize).map(|(b, _)| b).unwrap_or(whole.len());
    let st = if from > to {
        ""
    } else if b::ascii(this(t)) {
        &whole[from as usize..to as usize]
    } else {
        &whole[byte(from)..byte(to)]
    };
    if from > n {
        return Ok(rt.false_.get());
    }
    let p = arg(cx, rt, args, 0, if start { "startswith" } else { "endswith" })?;
    let ps: Vec<&str> = if is(p, &TUPLE) { tuple_items(p).into_iter().map(text).collect() } else { vec![text(p)] };
    Ok(rt.bool_obj(ps.iter().any(|p| if start { st.starts_with(p) } else { st.ends_with(p) })))
}
pub(super) fn str_startswith<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    affix(cx, rt, t, args, true)
}
pub(super) fn str_endswith<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    affix(cx, rt, t, args, false)
}
pub(super) fn char_pos(st: &str, byte: usize) -> i64 {
    st[..byte].chars().count() as i64
}
pub(super) fn str_find<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let sub = text(arg(cx, rt, args, 0, "find")?);
    let r = st.find(sub).map(|b| char_pos(st, b)).unwrap_or(-1);
    Ok(new_int(cx.heap_mut(), r))
}
pub(super) fn str_index<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let sub = text(arg(cx, rt, args, 0, "index")?);
    match st.find(sub) {
        Some(b) => Ok(new_int(cx.heap_mut(), char_pos(st, b))),
        None => err(cx, rt, "ValueError", "substring not found"),
    }
}
pub(super) fn str_count<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let sub = text(arg(cx, rt, args, 0, "count")?);
    let n = if sub.is_empty() { st.chars().count() + 1 } else { st.matches(sub).count() };
    Ok(new_int(cx.heap_mut(), n as i64))
}
pub(super) fn str_format<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let fmt: Vec<char> = text(this(t)).chars().collect();
    let mut out = String::new();
    let mut auto = 0;
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c == '{' && fmt.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' && fmt.get(i + 1) == Some(&'}') {
            out.push('}');
            i += 2;
            continue;
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let close = (i..fmt.len())
            .find(|&k| fmt[k] == '}')
            .ok_or_else(|| crate::errors::new_error(cx, rt, "ValueError", "Single '{' encountered in format string"))?;
        let field: String = fmt[i + 1..close].iter().collect();
        i = close + 1;
        let (field, spec) =
            field.split_once(':').map(|(a, b2)| (a.to_string(), b2.to_string())).unwrap_or((field, String::new()));
        let (field, conv) =
            field.split_once('!').map(|(a, b2)| (a.to_string(), Some(b2.to_string()))).unwrap_or((field, None));
        let (head, attr) =
            field.split_once('.').map(|(a, b2)| (a.to_string(), Some(b2.to_string()))).unwrap_or((field.clone(), None));
        let mut v = if head.is_empty() {
            let v = args.get(auto).copied();
            auto += 1;
            v
        } else if let Ok(k) = head.parse::<usize>() {
            args.get(k).copied()
        } else {
            kwarg(kw, &head)
        }
        .ok_or_else(|| {
            crate::errors::new_error(
                cx,
                rt,
                "IndexError",
                &format!("Replacement index {} out of range for positional args tuple", auto.saturating_sub(1)),
            )
        })?;
        if let Some(a) = attr {
            v = getattr_impl(cx, rt, v, &a)?;
        }
        let v = match conv.as_deref() {
            Some("r") | Some("a") => {
                let t = to_repr(cx, rt, v)?;
                new_str(cx.heap_mut(), &t)
            }
            Some("s") => {
                let t = to_str(cx, rt, v)?;
                new_str(cx.heap_mut(), &t)
            }
            _ => v,
        };
        out.push_str(&crate::format::format(cx, rt, v, &spec)?);
    }
    s(cx, &out)
}
pub(super) fn str_pred<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, t: Option<usize>, f: fn(char) -> bool) -> PyResult {
    let st = text(this(t));
    let _ = cx;
    Ok(rt.bool_obj(!st.is_empty() && st.chars().all(f)))
}
pub(super) fn str_isdigit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    str_pred(cx, rt, t, |c| c.is_ascii_digit())
}
pub(super) fn str_isalpha<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    str_pred(cx, rt, t, char::is_alphabetic)
}
pub(super) fn str_isspace<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    str_pred(cx, rt, t, char::is_whitespace)
}
pub(super) fn str_isupper<S: Space>(
    _cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    Ok(rt.bool_obj(st.chars().any(char::is_uppercase) && !st.chars().any(char::is_lowercase)))
}
pub(super) fn str_islower<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let _ = cx;
    Ok(rt.bool_obj(st.chars().any(char::is_lowercase) && !st.chars().any(char::is_uppercase)))
}
pub(super) fn justify<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    how: char,
) -> PyResult {
    let st = text(this(t));
    let w = peek_i64(arg(cx, rt, args, 0, "center")?).unwrap_or(0).max(0) as usize;
    let fill = opt_str(rt, args, 1).and_then(|f| f.chars().next()).unwrap_or(' ');
    let n = st.chars().count();
    if w <= n {
        return s(cx, st);
    }
    let pad = w - n;
    let f = |k: usize| fill.to_string().repeat(k);
    let r = match how {
        '<' => format!("{st}{}", f(pad)),
        '>' => format!("{}{st}", f(pad)),
        _ => {
            let left = pad / 2 + (pad & w & 1);
            format!("{}{st}{}", f(left), f(pad - left))
        }
    };
    s(cx, &r)
}
pub(super) fn str_center<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    justify(cx, rt, t, args, '^')
}
pub(super) fn str_ljust<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    justify(cx, rt, t, args, '<')
}
pub(super) fn str_rjust<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    justify(cx, rt, t, args, '>')
}
pub(super) fn str_zfill<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let w = peek_i64(arg(cx, rt, args, 0, "zfill")?).unwrap_or(0).max(0) as usize;
    let n = st.chars().count();
    if w <= n {
        return s(cx, st);
    }
    let (sign, rest) = match st.strip_prefix(['-', '+']) {
        Some(r) => (&st[..1], r),
        None => ("", st),
    };
    s(cx, &format!("{sign}{}{rest}", "0".repeat(w - n)))
}
pub(super) fn str_title<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in text(this(t)).chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    s(cx, &out)
}
pub(super) fn str_capitalize<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let mut cs = st.chars();
    let r = match cs.next() {
        Some(f) => f.to_uppercase().chain(cs.flat_map(|c| c.to_lowercase())).collect(),
        None => String::new(),
    };
    s(cx, &r)
}
pub(super) fn str_splitlines<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let parts: Vec<usize> = text(this(t)).lines().map(|l| new_str(cx.heap_mut(), l)).collect();
    Ok(new_list(cx.heap_mut(), &parts))
}

pub(super) fn partition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    right: bool,
) -> PyResult {
    let st = text(this(t));
    let sep = text(arg(cx, rt, args, 0, "partition")?);
    if sep.is_empty() {
        return err(cx, rt, "ValueError", "empty separator");
    }
    let found = if right { st.rfind(sep) } else { st.find(sep) };
    let parts: [&str; 3] = match found {
        Some(i) => [&st[..i], sep, &st[i + sep.len()..]],
        None if right => ["", "", st],
        None => [st, "", ""],
    };
    let objs: Vec<usize> = parts.iter().map(|p| new_str(cx.heap_mut(), p)).collect();
    Ok(new_tuple(cx.heap_mut(), &objs))
}
pub(super) fn str_partition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    partition(cx, rt, t, args, false)
}
pub(super) fn str_rpartition<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    partition(cx, rt, t, args, true)
}
pub(super) fn str_rfind<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let sub = text(arg(cx, rt, args, 0, "rfind")?);
    let r = st.rfind(sub).map(|b| char_pos(st, b)).unwrap_or(-1);
    Ok(new_int(cx.heap_mut(), r))
}
pub(super) fn str_rsplit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let max = args.get(1).copied().or(kwarg(kw, "maxsplit")).and_then(|m| peek_i64(m)).unwrap_or(-1);
    let sep = opt_str(rt, args, 0).or(kwarg(kw, "sep").filter(|&a| a != rt.none.get()).map(text));
    let st = text(this(t));
    let mut parts: Vec<&str> = match sep {
        Some(sep) if max >= 0 => st.rsplitn(max as usize + 1, sep).collect(),
        Some(sep) => st.rsplit(sep).collect(),
        None => {
            let mut out: Vec<&str> = st.split_whitespace().rev().collect();
            if max >= 0 && out.len() > max as usize + 1 {
                let keep = max as usize;
                let head_end = {
                    // The rest, unsplit, up to the last `max` words.
                    let mut end = st.trim_end().len();
                    for _ in 0..keep {
                        let word_start = st[..end].trim_end().rfind(char::is_whitespace).map(|i| i + 1).unwrap_or(0);
                        end = st[..word_start].trim_end().len();
                    }
                    end
                };
                out.truncate(keep);
                out.push(st[..head_end].trim_start());
            }
            out
        }
    };
    parts.reverse();
    let objs: Vec<usize> = parts.into_iter().map(|p| new_str(cx.heap_mut(), p)).collect();
    Ok(new_list(cx.heap_mut(), &objs))
}
pub(super) fn str_swapcase<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let r: String = text(this(t))
        .chars()
        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() })
        .collect();
    s(cx, &r)
}
pub(super) fn str_removeprefix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let p = text(arg(cx, rt, args, 0, "removeprefix")?);
    s(cx, st.strip_prefix(p).unwrap_or(st))
}
pub(super) fn str_removesuffix<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let p = text(arg(cx, rt, args, 0, "removesuffix")?);
    s(cx, st.strip_suffix(p).unwrap_or(st))
}
pub(super) fn str_isalnum<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    str_pred(cx, rt, t, char::is_alphanumeric)
}
pub(super) fn str_isidentifier<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let st = text(this(t));
    let mut cs = st.chars();
    let ok = cs.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric());
    Ok(rt.bool_obj(ok))
}
