//! How many positional arguments the common builtins and methods of builtin types take, and
//! CPython's message when a call gives a wrong number (its different argument parsers word
//! it differently: `len() takes exactly one argument (2 given)`, `pop expected at most 1
//! argument, got 2`, `find() takes at least 1 argument (0 given)`, ...).

use std::sync::OnceLock;

#[derive(Clone, Copy)]
enum Style {
    /// `METH_O`: `list.append() takes exactly one argument (2 given)`.
    One,
    /// `METH_NOARGS`: `str.upper() takes no arguments (1 given)`.
    NoArgs,
    /// Argument Clinic's positional check: `insert expected 2 arguments, got 1`.
    Expected,
    /// `PyArg_ParseTuple`: `find() takes at least 1 argument (0 given)`.
    Takes,
    /// Keyword-capable clinic functions: `round() missing required argument 'number' (pos
    /// 1)` / `round() takes at most 2 arguments (3 given)`.
    Missing(&'static str),
    /// Its own message when too few are given, `Takes`'s when too many.
    Few(&'static str),
    /// Its own message when too many are given.
    Over(&'static str),
}

const MANY: usize = usize::MAX;

/// (name, least, most, style)
const TABLE: &[(&str, usize, usize, Style)] = &[
    ("len", 1, 1, Style::One),
    // The math module's functions of one argument (`METH_O`) and of two (Argument Clinic).
    ("math.acos", 1, 1, Style::One),
    ("math.asin", 1, 1, Style::One),
    ("math.atan", 1, 1, Style::One),
    ("math.ceil", 1, 1, Style::One),
    ("math.cos", 1, 1, Style::One),
    ("math.degrees", 1, 1, Style::One),
    ("math.fabs", 1, 1, Style::One),
    ("math.floor", 1, 1, Style::One),
    ("math.isfinite", 1, 1, Style::One),
    ("math.isinf", 1, 1, Style::One),
    ("math.isnan", 1, 1, Style::One),
    ("math.radians", 1, 1, Style::One),
    ("math.sin", 1, 1, Style::One),
    ("math.sqrt", 1, 1, Style::One),
    ("math.tan", 1, 1, Style::One),
    ("math.trunc", 1, 1, Style::One),
    ("math.acosh", 1, 1, Style::One),
    ("math.asinh", 1, 1, Style::One),
    ("math.atanh", 1, 1, Style::One),
    ("math.cbrt", 1, 1, Style::One),
    ("math.cosh", 1, 1, Style::One),
    ("math.erf", 1, 1, Style::One),
    ("math.erfc", 1, 1, Style::One),
    ("math.exp", 1, 1, Style::One),
    ("math.exp2", 1, 1, Style::One),
    ("math.expm1", 1, 1, Style::One),
    ("math.factorial", 1, 1, Style::One),
    ("math.frexp", 1, 1, Style::One),
    ("math.gamma", 1, 1, Style::One),
    ("math.isqrt", 1, 1, Style::One),
    ("math.lgamma", 1, 1, Style::One),
    ("math.log10", 1, 1, Style::One),
    ("math.log1p", 1, 1, Style::One),
    ("math.log2", 1, 1, Style::One),
    ("math.modf", 1, 1, Style::One),
    ("math.sinh", 1, 1, Style::One),
    ("math.tanh", 1, 1, Style::One),
    ("math.ulp", 1, 1, Style::One),
    ("math.atan2", 2, 2, Style::Expected),
    ("math.copysign", 2, 2, Style::Expected),
    ("math.fmod", 2, 2, Style::Expected),
    ("math.ldexp", 2, 2, Style::Expected),
    ("math.nextafter", 2, 2, Style::Expected),
    ("math.pow", 2, 2, Style::Expected),
    ("math.remainder", 2, 2, Style::Expected),
    ("abs", 1, 1, Style::One),
    ("repr", 1, 1, Style::One),
    ("ascii", 1, 1, Style::One),
    ("ord", 1, 1, Style::One),
    ("chr", 1, 1, Style::One),
    ("hash", 1, 1, Style::One),
    ("id", 1, 1, Style::One),
    ("callable", 1, 1, Style::One),
    ("hex", 1, 1, Style::One),
    ("oct", 1, 1, Style::One),
    ("bin", 1, 1, Style::One),
    ("any", 1, 1, Style::One),
    ("all", 1, 1, Style::One),
    ("isinstance", 2, 2, Style::Expected),
    ("issubclass", 2, 2, Style::Expected),
    ("divmod", 2, 2, Style::Expected),
    ("getattr", 2, 3, Style::Expected),
    ("setattr", 3, 3, Style::Expected),
    ("delattr", 2, 2, Style::Expected),
    ("hasattr", 2, 2, Style::Expected),
    ("sorted", 1, 1, Style::Expected),
    ("min", 1, MANY, Style::Expected),
    ("max", 1, MANY, Style::Expected),
    ("iter", 1, 2, Style::Expected),
    ("next", 1, 2, Style::Expected),
    ("vars", 0, 1, Style::Expected),
    ("dir", 0, 1, Style::Expected),
    ("format", 1, 2, Style::Expected),
    ("round", 1, 2, Style::Missing("number")),
    ("pow", 2, 3, Style::Missing("base")),
    ("enumerate", 1, 2, Style::Few("enumerate() missing required argument 'iterable'")),
    ("map", 2, MANY, Style::Few("map() must have at least two arguments.")),
    ("filter", 2, 2, Style::Expected),
    ("globals", 0, 0, Style::NoArgs),
    ("locals", 0, 0, Style::NoArgs),
    ("list.append", 1, 1, Style::One),
    ("list.extend", 1, 1, Style::One),
    ("list.remove", 1, 1, Style::One),
    ("list.count", 1, 1, Style::One),
    ("list.pop", 0, 1, Style::Expected),
    ("list.insert", 2, 2, Style::Expected),
    ("list.index", 1, 3, Style::Expected),
    ("list.sort", 0, 0, Style::Over("sort() takes no positional arguments")),
    ("list.clear", 0, 0, Style::NoArgs),
    ("list.copy", 0, 0, Style::NoArgs),
    ("list.reverse", 0, 0, Style::NoArgs),
    ("dict.get", 1, 2, Style::Expected),
    ("dict.pop", 1, 2, Style::Expected),
    ("dict.setdefault", 1, 2, Style::Expected),
    ("dict.update", 0, 1, Style::Expected),
    ("dict.keys", 0, 0, Style::NoArgs),
    ("dict.values", 0, 0, Style::NoArgs),
    ("dict.items", 0, 0, Style::NoArgs),
    ("dict.popitem", 0, 0, Style::NoArgs),
    ("dict.clear", 0, 0, Style::NoArgs),
    ("dict.copy", 0, 0, Style::NoArgs),
    ("set.add", 1, 1, Style::One),
    ("set.remove", 1, 1, Style::One),
    ("set.discard", 1, 1, Style::One),
    ("set.issubset", 1, 1, Style::One),
    ("set.issuperset", 1, 1, Style::One),
    ("set.isdisjoint", 1, 1, Style::One),
    ("set.symmetric_difference", 1, 1, Style::One),
    ("set.symmetric_difference_update", 1, 1, Style::One),
    ("set.pop", 0, 0, Style::NoArgs),
    ("set.clear", 0, 0, Style::NoArgs),
    ("set.copy", 0, 0, Style::NoArgs),
    ("frozenset.issubset", 1, 1, Style::One),
    ("frozenset.issuperset", 1, 1, Style::One),
    ("frozenset.isdisjoint", 1, 1, Style::One),
    ("frozenset.copy", 0, 0, Style::NoArgs),
    ("str.join", 1, 1, Style::One),
    ("str.zfill", 1, 1, Style::One),
    ("str.partition", 1, 1, Style::One),
    ("str.rpartition", 1, 1, Style::One),
    ("str.removeprefix", 1, 1, Style::One),
    ("str.removesuffix", 1, 1, Style::One),
    ("str.strip", 0, 1, Style::Expected),
    ("str.lstrip", 0, 1, Style::Expected),
    ("str.rstrip", 0, 1, Style::Expected),
    ("str.replace", 2, 3, Style::Expected),
    ("str.center", 1, 2, Style::Expected),
    ("str.ljust", 1, 2, Style::Expected),
    ("str.rjust", 1, 2, Style::Expected),
    ("str.startswith", 1, 3, Style::Takes),
    ("str.endswith", 1, 3, Style::Takes),
    ("str.find", 1, 3, Style::Takes),
    ("str.rfind", 1, 3, Style::Takes),
    ("str.index", 1, 3, Style::Takes),
    ("str.rindex", 1, 3, Style::Takes),
    ("str.count", 1, 3, Style::Takes),
    ("str.split", 0, 2, Style::Takes),
    ("str.rsplit", 0, 2, Style::Takes),
    ("str.splitlines", 0, 1, Style::Takes),
    ("str.encode", 0, 2, Style::Takes),
    ("str.expandtabs", 0, 1, Style::Takes),
    ("str.upper", 0, 0, Style::NoArgs),
    ("str.lower", 0, 0, Style::NoArgs),
    ("str.title", 0, 0, Style::NoArgs),
    ("str.capitalize", 0, 0, Style::NoArgs),
    ("str.swapcase", 0, 0, Style::NoArgs),
    ("str.casefold", 0, 0, Style::NoArgs),
    ("str.isdigit", 0, 0, Style::NoArgs),
    ("str.isalpha", 0, 0, Style::NoArgs),
    ("str.isalnum", 0, 0, Style::NoArgs),
    ("str.isspace", 0, 0, Style::NoArgs),
    ("str.isupper", 0, 0, Style::NoArgs),
    ("str.islower", 0, 0, Style::NoArgs),
    ("str.istitle", 0, 0, Style::NoArgs),
    ("str.isdecimal", 0, 0, Style::NoArgs),
    ("str.isnumeric", 0, 0, Style::NoArgs),
    ("str.isidentifier", 0, 0, Style::NoArgs),
    ("str.isprintable", 0, 0, Style::NoArgs),
    ("str.isascii", 0, 0, Style::NoArgs),
    ("tuple.index", 1, 3, Style::Expected),
    ("tuple.count", 1, 1, Style::One),
    ("int.bit_length", 0, 0, Style::NoArgs),
    ("int.bit_count", 0, 0, Style::NoArgs),
    ("int.to_bytes", 0, 3, Style::Takes),
    ("float.is_integer", 0, 0, Style::NoArgs),
    ("float.hex", 0, 0, Style::NoArgs),
    ("float.as_integer_ratio", 0, 0, Style::NoArgs),
    ("bytes.decode", 0, 2, Style::Takes),
];

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The arities by builtin number.
fn by_id() -> &'static Vec<Option<(usize, usize, Style)>> {
    static BY_ID: OnceLock<Vec<Option<(usize, usize, Style)>>> = OnceLock::new();
    BY_ID.get_or_init(|| {
        let mut v = vec![None; super::NAMES.len()];
        for &(name, least, most, style) in TABLE {
            if let Some(id) = super::builtin_id(name) {
                v[id] = Some((least, most, style));
            }
        }
        v
    })
}

/// The positional argument counts builtin number `id` takes (`least..=most`), if the table
/// knows them.
pub(super) fn counts(id: usize) -> Option<(usize, usize)> {
    by_id()[id].map(|(least, most, _)| (least, most))
}

/// The builtins of the table that take keyword arguments (the others take none).
const KEYWORDS: &[&str] = &[
    "sorted",
    "min",
    "max",
    "round",
    "pow",
    "enumerate",
    "list.sort",
    "dict.update",
    "str.split",
    "str.rsplit",
    "str.splitlines",
    "str.encode",
    "str.expandtabs",
    "int.to_bytes",
    "bytes.decode",
];

/// CPython's TypeError message when builtin number `id`, which takes only positional
/// arguments, is called with keyword arguments (None: it takes some, or this table does not
/// know it).
pub fn keywords_error(id: usize) -> Option<String> {
    by_id()[id]?;
    let name = super::NAMES[id];
    (!KEYWORDS.contains(&name)).then(|| format!("{name}() takes no keyword arguments"))
}

/// CPython's TypeError message when builtin number `id` is called with `n` positional
/// arguments it does not take (None: a count it takes, or one this table does not know).
pub fn arity_error(id: usize, n: usize) -> Option<String> {
    let (least, most, style) = by_id()[id]?;
    if (least..=most).contains(&n) {
        return None;
    }
    let name = super::NAMES[id];
    let short = name.rsplit('.').next().unwrap_or(name);
    Some(match style {
        Style::One => format!("{name}() takes exactly one argument ({n} given)"),
        Style::NoArgs => format!("{name}() takes no arguments ({n} given)"),
        Style::Expected => {
            let (how, k) = if least == most {
                ("", least)
            } else if n < least {
                ("at least ", least)
            } else {
                ("at most ", most)
            };
            format!("{short} expected {how}{k} argument{}, got {n}", plural(k))
        }
        Style::Takes => {
            let (how, k) = if n < least { ("at least", least) } else { ("at most", most) };
            format!("{short}() takes {how} {k} argument{} ({n} given)", plural(k))
        }
        Style::Few(msg) if n < least => msg.to_string(),
        Style::Over(msg) => msg.to_string(),
        Style::Few(_) => format!("{short}() takes at most {most} argument{} ({n} given)", plural(most)),
        Style::Missing(first) => {
            if n < least {
                if n == 0 {
                    format!("{short}() missing required argument '{first}' (pos 1)")
                } else {
                    return None;
                }
            } else {
                format!("{short}() takes at most {most} argument{} ({n} given)", plural(most))
            }
        }
    })
}
