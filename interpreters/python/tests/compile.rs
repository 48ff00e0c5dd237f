//! Tests of the compiler (`metatrace_python::compile`): disassemblies that document the
//! translation schemes, error messages and positions, deep nesting, and a corpus run over the
//! conformance programs and CPython's stdlib with the stack-depth/handler checker.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use metatrace_python::bytecode::Code;
use metatrace_python::compile::{SyntaxError, SyntaxErrorKind, compile_eval, compile_interactive, compile_module, verify};

/// Runs `f` on a thread with a 256 MiB stack, as the interpreter does.
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(256 << 20).spawn(f).expect("spawn").join().expect("join")
}

fn compile_ok(src: &str) -> Rc<Code> {
    match compile_module(src, "<test>") {
        Ok(c) => {
            if let Err(e) = verify(&c) {
                panic!("verify failed: {e}\n{c}");
            }
            c
        }
        Err(e) => panic!("{e}\nsource:\n{src}"),
    }
}

fn compile_err(src: &str) -> SyntaxError {
    match compile_module(src, "<test>") {
        Ok(c) => panic!("expected a SyntaxError, compiled:\n{c}"),
        Err(e) => e,
    }
}

/// The disassembly of `src`, with the common module prologue and epilogue left in.
fn dis(src: &str) -> String {
    compile_ok(src).to_string()
}

#[test]
fn print_dis() {
    let src = std::env::var("DIS").unwrap_or_default();
    if !src.is_empty() {
        println!("{}", dis(&src.replace("\\n", "\n")));
    }
}

/// Files of CPython 3.11's `Lib/` that CPython's own `compile()` rejects, with its line
/// (computed once with `python3.11 -c "compile(open(f).read(), f, 'exec')"`).
const STDLIB_REJECTED: &[(&str, u32)] = &[
    ("lib2to3/tests/data/bom.py", 1),
    ("lib2to3/tests/data/crlf.py", 1),
    ("lib2to3/tests/data/different_encoding.py", 3),
    ("lib2to3/tests/data/false_encoding.py", 2),
    ("lib2to3/tests/data/py2_test_grammar.py", 31),
    ("test/test_future_stmt/badsyntax_future10.py", 3),
    ("test/test_future_stmt/badsyntax_future3.py", 3),
    ("test/test_future_stmt/badsyntax_future4.py", 3),
    ("test/test_future_stmt/badsyntax_future5.py", 4),
    ("test/test_future_stmt/badsyntax_future6.py", 3),
    ("test/test_future_stmt/badsyntax_future7.py", 3),
    ("test/test_future_stmt/badsyntax_future8.py", 3),
    ("test/test_future_stmt/badsyntax_future9.py", 3),
    ("test/tokenizedata/bad_coding2.py", 1),
    ("test/tokenizedata/badsyntax_3131.py", 2),
];

fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "site-packages") {
                py_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Compiles every file under `root`; returns (compiled, unsupported-by-mtpy, failures).
fn corpus(root: &Path, rejected: &'static [(&'static str, u32)]) -> (usize, Vec<String>, Vec<String>) {
    let mut files = Vec::new();
    py_files(root, &mut files);
    let mut ok = 0;
    let mut unsupported = Vec::new();
    let mut failures = Vec::new();
    for f in files {
        let Ok(src) = std::fs::read_to_string(&f) else { continue };
        let rel = f.strip_prefix(root).unwrap_or(&f).to_string_lossy().to_string();
        let name = rel.clone();
        let result = big_stack(move || match compile_module(&src, &name) {
            Ok(code) => verify(&code).map_err(|e| format!("verify: {e}")).map(|()| None),
            Err(e) => Ok(Some(e)),
        });
        let expected = rejected.iter().find(|(p, _)| *p == rel).map(|(_, l)| *l);
        match (result, expected) {
            (Err(v), _) => failures.push(format!("{rel}: {v}")),
            (Ok(None), None) => ok += 1,
            (Ok(None), Some(l)) => failures.push(format!("{rel}: CPython rejects it (line {l}), we compiled it")),
            (Ok(Some(e)), Some(l)) => {
                if e.line != l {
                    failures.push(format!("{rel}: error on line {} ({}), CPython says line {l}", e.line, e.msg));
                }
            }
            (Ok(Some(e)), None) => {
                if e.msg.contains("not supported by mtpy") {
                    unsupported.push(format!("{rel}: {}", e.msg));
                } else {
                    failures.push(format!("{rel}: {e}"));
                }
            }
        }
    }
    (ok, unsupported, failures)
}

#[test]
fn conformance_corpus_compiles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance");
    let root = if root.exists() { root } else { PathBuf::from("/work/shared/conformance") };
    if !root.exists() {
        eprintln!("no conformance corpus here; skipped");
        return;
    }
    let (ok, unsupported, failures) = corpus(&root, &[]);
    assert!(failures.is_empty() && unsupported.is_empty(), "{} failures:\n{}\n{}", failures.len(), failures.join("\n"), unsupported.join("\n"));
    assert!(ok >= 160, "only {ok} files");
}

#[test]
fn stdlib_corpus_compiles() {
    let root = ["/root/.pyenv/versions/3.11.7/lib/python3.11"].iter().map(PathBuf::from).find(|p| p.exists());
    let Some(root) = root else {
        eprintln!("no CPython 3.11 stdlib here; skipped");
        return;
    };
    let (ok, unsupported, failures) = corpus(&root, STDLIB_REJECTED);
    eprintln!("stdlib: {ok} compiled, {} use what mtpy does not support", unsupported.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(ok > 1500, "only {ok} files compiled");
}
