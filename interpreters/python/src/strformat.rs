//! `str.format` and `str.format_map`, as CPython parses them: literal text with `{{` / `}}`,
//! replacement fields `{name.attr[key]!conv:spec}` with automatic or manual numbering, nested
//! fields in the spec, and CPython's error messages.

use crate::builtins;
use crate::runtime::new_str;
use crate::space::Space;
use crate::{Py, Python};
use metatrace::{Concrete, Ctx};
use std::rc::Rc;

type Cx<'a, S> = Concrete<'a, Py<S>>;

/// Where named fields come from: keyword arguments (`format`) or a mapping (`format_map`).
pub enum Named<'a> {
    Kw(&'a [(Rc<str>, usize)]),
    Map(usize),
}

/// Automatic (`{}`) or manual (`{0}`) numbering: whichever comes first holds.
#[derive(Default)]
struct Numbering {
    next: usize,
    auto: bool,
    manual: bool,
}

fn error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, class: &str, msg: &str) -> usize {
    crate::errors::new_error(cx, rt, class, msg)
}

/// `fmt.format(*args, **named)`
pub fn format<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    fmt: &str,
    args: &[usize],
    named: Named<'_>,
) -> Result<String, usize> {
    let cs: Vec<char> = fmt.chars().collect();
    render(cx, rt, &cs, args, &named, &mut Numbering::default(), 2)
}

fn render<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    f: &[char],
    args: &[usize],
    named: &Named<'_>,
    num: &mut Numbering,
    depth: u32,
) -> Result<String, usize> {
    if depth == 0 {
        return Err(error(cx, rt, "ValueError", "Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        let c = f[i];
        if c == '}' {
            if f.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(error(cx, rt, "ValueError", "Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if f.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if i + 1 >= f.len() {
            return Err(error(cx, rt, "ValueError", "Single '{' encountered in format string"));
        }
        // The field runs to the '}' that balances this '{' (brackets in the name hide braces).
        let start = i + 1;
        let (mut k, mut depth_braces, mut bracket) = (start, 1, false);
        while k < f.len() {
            match f[k] {
                '[' if !bracket => bracket = true,
                ']' if bracket => bracket = false,
                '{' if !bracket => depth_braces += 1,
                '}' if !bracket => {
                    depth_braces -= 1;
                    if depth_braces == 0 {
                        break;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        if k >= f.len() {
            return Err(error(cx, rt, "ValueError", "expected '}' before end of string"));
        }
        let field = &f[start..k];
        let mut bracket = false;
        let marker = field.iter().position(|&c| {
            match c {
                '[' => bracket = true,
                ']' => bracket = false,
                _ => {}
            }
            !bracket && (c == '!' || c == ':')
        });
        if marker.is_some_and(|m| m + 1 == field.len() && field[m] == '!') {
            // CPython reads the '}' as the conversion, then wants ':' or '}'.
            let msg = if k + 1 >= f.len() {
                "unmatched '{' in format spec"
            } else {
                "expected ':' after conversion specifier"
            };
            return Err(error(cx, rt, "ValueError", msg));
        }
        i = k + 1;
        out.push_str(&field_text(cx, rt, field, args, named, num, depth)?);
    }
    Ok(out)
}

/// The text of one replacement field (between its braces).
fn field_text<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    field: &[char],
    args: &[usize],
    named: &Named<'_>,
    num: &mut Numbering,
    depth: u32,
) -> Result<String, usize> {
    // The name ends at the first '!' or ':' outside brackets.
    let mut k = 0;
    let mut bracket = false;
    while k < field.len() {
        match field[k] {
            '[' => bracket = true,
            ']' => bracket = false,
            '!' | ':' if !bracket => break,
            _ => {}
        }
        k += 1;
    }
    let name = &field[..k];
    let mut conv = None;
    let mut spec: &[char] = &[];
    if k < field.len() && field[k] == '!' {
        if k + 1 >= field.len() {
            return Err(error(cx, rt, "ValueError", "end of string while looking for conversion specifier"));
        }
        conv = Some(field[k + 1]);
        k += 2;
        if k < field.len() && field[k] != ':' {
            return Err(error(cx, rt, "ValueError", "expected ':' after conversion specifier"));
        }
    }
    if k < field.len() && field[k] == ':' {
        spec = &field[k + 1..];
    }
    let v = lookup(cx, rt, name, args, named, num)?;
    let _ = cx.root(v);
    let v = match conv {
        None => v,
        Some(c @ ('r' | 's' | 'a')) => {
            let t = match c {
                'r' => builtins::to_repr(cx, rt, v)?,
                's' => builtins::to_str(cx, rt, v)?,
                _ => crate::chars::ascii_escape(&builtins::to_repr(cx, rt, v)?),
            };
            let o = new_str(cx.heap_mut(), &t);
            let _ = cx.root(o);
            o
        }
        Some(c) => return Err(error(cx, rt, "ValueError", &format!("Unknown conversion specifier {c}"))),
    };
    let spec =
        if spec.contains(&'{') { render(cx, rt, spec, args, named, num, depth - 1)? } else { spec.iter().collect() };
    crate::format::format(cx, rt, v, &spec)
}

/// The object a field name names: an argument, then attributes and items.
fn lookup<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    name: &[char],
    args: &[usize],
    named: &Named<'_>,
    num: &mut Numbering,
) -> Result<usize, usize> {
    let first_end = name.iter().position(|&c| c == '.' || c == '[').unwrap_or(name.len());
    let first: String = name[..first_end].iter().collect();
    let index = if first.is_empty() {
        if num.manual {
            let msg = "cannot switch from manual field specification to automatic field numbering";
            return Err(error(cx, rt, "ValueError", msg));
        }
        num.auto = true;
        num.next += 1;
        Some(num.next - 1)
    } else if first.chars().all(|c| c.is_ascii_digit()) {
        if num.auto {
            let msg = "cannot switch from automatic field numbering to manual field specification";
            return Err(error(cx, rt, "ValueError", msg));
        }
        num.manual = true;
        match first.parse::<usize>() {
            Ok(n) => Some(n),
            Err(_) => return Err(error(cx, rt, "ValueError", "Too many decimal digits in format string")),
        }
    } else {
        None
    };
    let mut v = match (index, named) {
        (Some(_), Named::Map(_)) => {
            return Err(error(cx, rt, "ValueError", "Format string contains positional fields"));
        }
        (Some(n), _) => match args.get(n) {
            Some(&v) => v,
            None => {
                let msg = format!("Replacement index {n} out of range for positional args tuple");
                return Err(error(cx, rt, "IndexError", &msg));
            }
        },
        (None, Named::Kw(kw)) => match kw.iter().find(|(k, _)| **k == *first) {
            Some(&(_, v)) => v,
            None => {
                let k = new_str(cx.heap_mut(), &first);
                return Err(crate::errors::key_error(cx, rt, k));
            }
        },
        (None, Named::Map(m)) => {
            let k = new_str(cx.heap_mut(), &first);
            crate::types::getitem(cx, rt, *m, k)?
        }
    };
    let mut k = first_end;
    while k < name.len() {
        let _ = cx.root(v);
        if name[k] == '.' {
            let end = name[k + 1..].iter().position(|&c| c == '.' || c == '[').map_or(name.len(), |p| k + 1 + p);
            let attr: String = name[k + 1..end].iter().collect();
            if attr.is_empty() {
                return Err(error(cx, rt, "ValueError", "Empty attribute in format string"));
            }
            v = crate::library::getattr_impl(cx, rt, v, &attr)?;
            k = end;
        } else if name[k] == '[' {
            let Some(close) = name[k + 1..].iter().position(|&c| c == ']').map(|p| k + 1 + p) else {
                return Err(error(cx, rt, "ValueError", "Missing ']' in format string"));
            };
            let key: String = name[k + 1..close].iter().collect();
            if key.is_empty() {
                return Err(error(cx, rt, "ValueError", "Empty attribute in format string"));
            }
            let key_obj = match key.parse::<i64>() {
                Ok(n) if key.chars().all(|c| c.is_ascii_digit()) => crate::runtime::new_int(cx.heap_mut(), n),
                _ => new_str(cx.heap_mut(), &key),
            };
            v = crate::types::getitem(cx, rt, v, key_obj)?;
            k = close + 1;
        } else {
            let msg = "Only '.' or '[' may follow ']' in format field specifier";
            return Err(error(cx, rt, "ValueError", msg));
        }
    }
    Ok(v)
}
