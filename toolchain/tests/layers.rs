//! The crates' layers, checked: every module of `metatrace` and `metatrace-jit` names only
//! modules below it in the layer order the crate docs give, so an import cycle cannot come
//! back silently.
//!
//! The check reads the sources: each `crate::NAME` path (also inside `use crate::{..}` groups,
//! `$crate::` in macros, and `super::` paths that climb to the crate root) outside comments,
//! string literals and `#[cfg(test)]` modules is an edge from the file's top-level module to
//! the module that defines NAME (a module of that name, a re-export in `lib.rs`, or the one
//! module with a `pub` item of that name). Tests may use anything; `lib.rs` declares and
//! re-exports every module and is above them all.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The toolchain's modules, bottom first: the DSL (its vocabulary, then `native` and `ctx`),
/// the state every layer works on, the DSL's two implementations, the driver, the portal
/// (compiled code's way back into the driver) and the `Vm` on top.
const TOOLCHAIN: &[&str] = &[
    // The DSL.
    "capture",
    "semantics",
    "params",
    "stats",
    "quasi",
    "descr",
    "heap",
    "stack",
    "native",
    "ctx",
    // The Vm's state: compiled-code tables (with their resume data), the trace being
    // recorded, the state itself, and what the JIT may spend of it.
    "units",
    "recorder",
    "state",
    "budget",
    // The DSL's implementations.
    "concrete",
    "tracer",
    // What moves activations between them (with its if-conversion side, the resume data of
    // guards, the links between compiled units and the entry at a loop's label, which it
    // uses), and compiled code's calls back into it.
    "merge",
    "resume",
    "links",
    "label",
    "driver",
    "portal",
    // The embedder's handle.
    "vm",
];

/// The items a module may take from a module above it, and why. None: the public API's last
/// cycle of types (`Ctx::call_native` took a `Native` whose function type named `Concrete`,
/// which implements `Ctx`) was cut by keeping a native's function without its type below the
/// DSL (`Native::new` and the `NativeFn` type live with the concrete context). An exception
/// added here must still be needed.
const TOOLCHAIN_EXCEPTIONS: &[Exception] = &[];

/// An edge up the layer order that is allowed: `from` may name these items of `to`.
struct Exception {
    from: &'static str,
    to: &'static str,
    items: &'static [&'static str],
    #[allow(dead_code)] // documentation
    why: &'static str,
}

/// The JIT crate's modules, bottom first: the IR, its text format, its invariants, the
/// optimizer and the backend.
const JIT: &[&str] = &["ir", "text", "verify", "opt", "backend"];

/// A source file of a crate: its top-level module and how deep below `src` it is.
struct File {
    module: String,
    path: PathBuf,
    /// 0 for `src/x.rs` and `src/x/mod.rs`, 1 for `src/x/y.rs`, ...
    depth: usize,
}

fn files(src: &Path) -> Vec<File> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    walk(src, &mut paths);
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let rel = path.strip_prefix(src).unwrap().with_extension("");
        let parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
        let last = parts.last().unwrap().as_str();
        // The crate root is above every module; `tests.rs` files are test modules.
        if parts == ["lib"] || last == "tests" {
            continue;
        }
        let depth = parts.len() - 1 - usize::from(last == "mod");
        out.push(File { module: parts[0].clone(), path, depth });
    }
    out
}

/// The source without comments, string and char literals (each literal becomes `""`), so
/// that only code is searched.
fn code_of(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b[i] == b'r' && (i == 0 || !ident(b[i - 1])) && matches!(b.get(i + 1), Some(b'"' | b'#')) {
            // A raw string: r"..." or r#"..."#.
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            let end: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            i += 2 + hashes;
            while i < b.len() && !b[i..].starts_with(&end) {
                i += 1;
            }
            i += end.len();
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\u{..}'), or a lifetime (left as it is).
            let close = if b.get(i + 1) == Some(&b'\\') {
                b[i + 2..].iter().position(|&c| c == b'\'').map(|p| i + 2 + p)
            } else {
                let len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                (b.get(i + 1 + len) == Some(&b'\'')).then_some(i + 1 + len)
            };
            match close {
                Some(c) => {
                    out.push_str("' '");
                    i = c + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let len = src[i..].chars().next().unwrap().len_utf8();
            out.push_str(&src[i..i + len]);
            i += len;
        }
    }
    out
}

/// The code without its `#[cfg(test)]` modules (`mod tests { .. }` blocks and `mod tests;`).
fn without_tests(code: &str) -> String {
    const ATTR: &str = "#[cfg(test)]";
    let mut out = String::new();
    let mut rest = code;
    while let Some(p) = rest.find(ATTR) {
        let after = &rest[p + ATTR.len()..];
        let item = after.trim_start();
        let is_mod = item.starts_with("mod ") || item.starts_with("pub(crate) mod ") || item.starts_with("pub mod ");
        let end = match (is_mod, item.find(['{', ';'])) {
            (true, Some(q)) if item.as_bytes()[q] == b'{' => {
                // The matching brace (literals and comments are gone already).
                let mut level = 0;
                let close = item[q..].char_indices().find_map(|(i, c)| {
                    match c {
                        '{' => level += 1,
                        '}' => level -= 1,
                        _ => {}
                    }
                    (level == 0).then_some(q + i + 1)
                });
                close.unwrap_or(item.len())
            }
            (true, Some(q)) => q + 1,
            _ => {
                out.push_str(&rest[..p + ATTR.len()]);
                rest = after;
                continue;
            }
        };
        out.push_str(&rest[..p]);
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// The crate-level names a file's code uses: `crate::NAME`, each NAME of a
/// `crate::{NAME::.., NAME}` group, and `super::...::NAME` climbing past the crate root.
fn crate_names(code: &str, depth: usize) -> BTreeSet<String> {
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let read_ident = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < b.len() && ident(b[i]) {
            i += 1;
        }
        (code[start..i].to_string(), i)
    };
    let mut names = BTreeSet::new();
    let mut i = 0;
    while i < b.len() {
        let at_word = i == 0 || !ident(b[i - 1]);
        if at_word && b[i..].starts_with(b"crate::") {
            let mut j = i + "crate::".len();
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if b.get(j) == Some(&b'{') {
                // A group: the first name of each item at brace depth 1.
                let mut level = 0;
                let mut expect = true;
                while j < b.len() {
                    match b[j] {
                        b'{' => {
                            level += 1;
                            if level == 1 {
                                expect = true;
                            }
                        }
                        b'}' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        b',' if level == 1 => expect = true,
                        c if level == 1 && expect && ident(c) => {
                            let (name, end) = read_ident(j);
                            names.insert(name);
                            expect = false;
                            j = end;
                            continue;
                        }
                        _ => {}
                    }
                    j += 1;
                }
                i = j;
            } else {
                let (name, end) = read_ident(j);
                names.insert(name);
                i = end;
            }
        } else if at_word && b[i..].starts_with(b"super::") {
            let mut j = i;
            let mut ups = 0;
            while b[j..].starts_with(b"super::") {
                ups += 1;
                j += "super::".len();
            }
            if ups > depth {
                let (name, end) = read_ident(j);
                names.insert(name);
                j = end;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    names.retain(|n| !n.is_empty() && n != "self");
    names
}

/// Where each name the crate root re-exports comes from (`pub use m::{A, B}`, `pub use m::A`),
/// and the modules it re-exports whole (`pub use m::*`).
fn reexports(lib: &str) -> (BTreeMap<String, String>, Vec<String>) {
    let mut names = BTreeMap::new();
    let mut globs = Vec::new();
    for stmt in code_of(lib).split(';') {
        let Some(rest) = stmt.trim().strip_prefix("pub use ") else { continue };
        let rest = rest.trim().trim_start_matches("crate::").trim_start_matches("self::");
        let Some((module, items)) = rest.split_once("::") else { continue };
        let items = items.trim().trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if item == "*" {
                globs.push(module.to_string());
            } else {
                let name = item.rsplit(" as ").next().unwrap().rsplit("::").next().unwrap().trim();
                names.insert(name.to_string(), module.to_string());
            }
        }
    }
    (names, globs)
}

/// Whether `code` defines a public item called `name`.
fn defines(code: &str, name: &str) -> bool {
    ["struct", "enum", "fn", "trait", "type", "const", "static", "mod", "union"].iter().any(|kind| {
        code.match_indices(&format!("{kind} {name}")).any(|(p, m)| {
            let before = code[..p].trim_end();
            let after = code[p + m.len()..].chars().next();
            let public = before.ends_with("pub") || before.ends_with("pub(crate)") || before.ends_with("unsafe");
            public && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    })
}

/// Every edge of the crate's module graph: (from, to) -> the names that make it.
fn edges(src: &Path) -> BTreeMap<(String, String), BTreeSet<String>> {
    let files = files(src);
    let modules: BTreeSet<String> = files.iter().map(|f| f.module.clone()).collect();
    let codes: Vec<String> = files.iter().map(|f| code_of(&std::fs::read_to_string(&f.path).unwrap())).collect();
    let (reexported, globs) = reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut out: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for (f, code) in files.iter().zip(&codes) {
        for name in crate_names(&without_tests(code), f.depth) {
            let to = if modules.contains(&name) {
                name.clone()
            } else if let Some(m) = reexported.get(&name) {
                m.clone()
            } else {
                // A glob re-export, or an item defined at the root: the one module defining it.
                let owners: BTreeSet<&String> =
                    files.iter().zip(&codes).filter(|(_, c)| defines(c, &name)).map(|(g, _)| &g.module).collect();
                let owners: Vec<&String> = if owners.len() > 1 {
                    owners.into_iter().filter(|m| globs.contains(m)).collect()
                } else {
                    owners.into_iter().collect()
                };
                assert_eq!(owners.len(), 1, "{}: cannot tell which module `crate::{name}` is", f.path.display());
                owners[0].clone()
            };
            if to != f.module {
                out.entry((f.module.clone(), to)).or_default().insert(name);
            }
        }
    }
    out
}

/// The items a file's code takes from module `module`: each NAME of `crate::module::NAME` and
/// of `crate::module::{NAME, ..}`; `*` if it names the module itself otherwise.
fn items_of(code: &str, module: &str) -> BTreeSet<String> {
    let prefix = format!("crate::{module}");
    let mut out = BTreeSet::new();
    for (p, _) in code.match_indices(&prefix) {
        let before = code[..p].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[p + prefix.len()..];
        if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // another module whose name starts the same
        }
        let Some(rest) = rest.strip_prefix("::") else {
            out.insert("*".to_string());
            continue;
        };
        let rest = rest.trim_start();
        let items = match rest.strip_prefix('{') {
            Some(group) => group[..group.find('}').unwrap_or(group.len())].to_string(),
            None => rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect(),
        };
        for item in items.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let name: String = item.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            out.insert(if rest.starts_with('{') && item.contains(['{', ':']) { "*".to_string() } else { name });
        }
    }
    out
}

/// Checks that every edge goes down `order` (bottom first), but for `exceptions`.
fn check(crate_dir: &str, order: &[&str], exceptions: &[Exception]) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(crate_dir).join("src");
    let edges = edges(&src);
    let found: BTreeSet<String> = files(&src).into_iter().map(|f| f.module).collect();
    let listed: BTreeSet<String> = order.iter().map(|s| s.to_string()).collect();
    assert_eq!(found, listed, "{crate_dir}: the layer order must list exactly the crate's modules");
    let rank = |m: &str| order.iter().position(|&o| o == m).unwrap();
    let mut upward = Vec::new();
    let mut used = BTreeSet::new();
    for ((from, to), names) in &edges {
        if rank(to) < rank(from) {
            continue;
        }
        if let Some(e) = exceptions.iter().find(|e| (e.from, e.to) == (from.as_str(), to.as_str())) {
            // Only the listed items, and only by their module's path.
            let items: BTreeSet<String> = files(&src)
                .iter()
                .filter(|f| &f.module == from)
                .flat_map(|f| items_of(&without_tests(&code_of(&std::fs::read_to_string(&f.path).unwrap())), to))
                .collect();
            let allowed: BTreeSet<String> = e.items.iter().map(|s| s.to_string()).collect();
            if items.is_subset(&allowed) && names.iter().all(|n| n == to) {
                used.insert((e.from, e.to));
                continue;
            }
            upward.push(format!("{from} -> {to}: takes {items:?} (only {allowed:?} allowed)"));
            continue;
        }
        upward.push(format!("{from} -> {to} (crate::{})", names.iter().cloned().collect::<Vec<_>>().join(", crate::")));
    }
    let graph: Vec<String> = edges.keys().map(|(a, b)| format!("{a} -> {b}")).collect();
    assert!(
        upward.is_empty(),
        "{crate_dir}: modules name modules above them in the layer order {order:?}:\n  {}\nwhole graph:\n  {}",
        upward.join("\n  "),
        graph.join("\n  ")
    );
    for e in exceptions {
        assert!(
            used.contains(&(e.from, e.to)),
            "{crate_dir}: the exception {} -> {} is no longer needed",
            e.from,
            e.to
        );
    }
}

#[test]
fn toolchain_modules_only_name_lower_layers() {
    check(".", TOOLCHAIN, TOOLCHAIN_EXCEPTIONS);
}

#[test]
fn jit_modules_only_name_lower_layers() {
    // (The packaged crate, as `cargo package` builds it, has no jit sources beside it.)
    if !Path::new(env!("CARGO_MANIFEST_DIR")).join("../jit/src").exists() {
        eprintln!("no jit sources beside the toolchain's: skipped");
        return;
    }
    check("../jit", JIT, &[]);
}

/// The check itself finds what it is meant to find.
#[test]
fn the_checker_reads_paths() {
    let code = code_of(
        "use crate::{a::X, b, c::{d, e}};\n// crate::comment\nlet s = \"crate::string\";\nlet c = '\"';\nfn f<'a>() { crate::g::h(); super::super::k(); $crate::m!(); }\n",
    );
    let names = crate_names(&code, 1);
    let want: BTreeSet<String> = ["a", "b", "c", "g", "k", "m"].iter().map(|s| s.to_string()).collect();
    assert_eq!(names, want);
    assert_eq!(crate_names(&code, 2), want.iter().filter(|n| *n != "k").cloned().collect());
    assert_eq!(
        without_tests("fn a() {}\n#[cfg(test)]\nmod tests { use crate::z; { } }\nfn b() {}"),
        "fn a() {}\n\nfn b() {}"
    );
    assert_eq!(without_tests("#[cfg(test)]\nmod tests;\n#[cfg(test)]\nfn c() {}"), "\n#[cfg(test)]\nfn c() {}");
    let (names, globs) = reexports("pub use ir::*;\npub use ctx::{Ctx, Red as R};\npub use verify::verify;");
    assert_eq!(globs, ["ir"]);
    assert_eq!(names.get("R").map(String::as_str), Some("ctx"));
    assert_eq!(names.get("verify").map(String::as_str), Some("verify"));
    let items = items_of("use crate::native::{check_args, Native};\nlet n: crate::native::NativeFn<L>; crate::nativex::A; crate::native;", "native");
    assert_eq!(
        items.into_iter().collect::<Vec<_>>(),
        ["*", "NativeFn", "Native", "check_args"]
            .map(String::from)
            .into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    );
    assert!(
        defines("pub(crate) struct Foo<L>", "Foo")
            && !defines("struct Foo", "Foo")
            && !defines("pub fn Foobar()", "Foo")
    );
}
