//! Tests of the compiler (`metatrace_python::compile`): disassemblies that document the
//! translation schemes, error messages and positions, deep nesting, and a corpus run over the
//! conformance programs and CPython's stdlib with the stack-depth/handler checker.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use metatrace_python::bytecode::{Code, Const, Op};
use metatrace_python::compile::{
    compile_eval, compile_interactive, compile_module, verify, SyntaxError, SyntaxErrorKind,
};

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

fn konst(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => {
            if *b {
                "True".into()
            } else {
                "False".into()
            }
        }
        Const::Int(i) => i.to_string(),
        Const::BigInt(s) => s.clone(),
        Const::Float(f) => format!("{f:?}"),
        Const::Imag(f) => format!("{f:?}j"),
        Const::Str(s) => format!("{s:?}"),
        Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Const::Ellipsis => "...".into(),
        Const::Tuple(t) => {
            let items: Vec<String> = t.iter().map(konst).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Const::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(konst).collect();
            format!("frozenset({{{}}})", items.join(", "))
        }
        Const::Code(c) => format!("<code {}>", c.qualname),
    }
}

/// A readable disassembly: operands resolved to names, constants and slot names; one code
/// object after the other (the one of `name`, or all when `name` is empty).
fn listing(code: &Code, name: &str) -> String {
    let mut out = String::new();
    if name.is_empty() || &*code.qualname == name {
        out.push_str(&format!("{} {:?} stack={}\n", code.qualname, code.kind, code.stacksize));
        // (The compiler's instructions, as emitted before superinstructions replace pairs.)
        for (pc, op) in code.ops.iter().map(|op| op.unfused()).enumerate() {
            let op = &op;
            let slot = |i: &u32| code.varnames.get(*i as usize).map(|s| s.to_string()).unwrap_or_default();
            let name = |i: &u32| code.names.get(*i as usize).map(|s| s.to_string()).unwrap_or_default();
            let text = match op {
                Op::LoadConst(k) => format!("LoadConst {}", konst(&code.consts[*k as usize])),
                Op::LoadFast(i)
                | Op::StoreFast(i)
                | Op::DeleteFast(i)
                | Op::LoadDeref(i)
                | Op::StoreDeref(i)
                | Op::DeleteDeref(i)
                | Op::LoadClosure(i)
                | Op::MakeCell(i) => {
                    format!("{} {}", format!("{op:?}").split('(').next().unwrap_or(""), slot(i))
                }
                Op::LoadGlobal(i)
                | Op::StoreGlobal(i)
                | Op::DeleteGlobal(i)
                | Op::LoadName(i)
                | Op::StoreName(i)
                | Op::DeleteName(i)
                | Op::LoadAttr(i)
                | Op::LoadMethod(i)
                | Op::StoreAttr(i)
                | Op::DeleteAttr(i)
                | Op::ImportName(i)
                | Op::ImportFrom(i) => format!("{} {}", format!("{op:?}").split('(').next().unwrap_or(""), name(i)),
                Op::CallKw { argc, names } => format!("CallKw {argc} {}", konst(&code.consts[*names as usize])),
                Op::MakeFunction { code: k, defaults, kwdefaults, closure } => format!(
                    "MakeFunction {}{}{}{}",
                    konst(&code.consts[*k as usize]),
                    if *defaults { " defaults" } else { "" },
                    if *kwdefaults { " kwdefaults" } else { "" },
                    if *closure { " closure" } else { "" }
                ),
                Op::Binary { op, inplace } => format!("Binary {}{}", op.symbol(), if *inplace { "=" } else { "" }),
                other => format!("{other:?}"),
            };
            out.push_str(&format!("{:>3} {:>3} {text}\n", code.lines[pc], pc));
        }
        for h in &code.handlers {
            out.push_str(&format!("  [{}, {}) -> {} depth {}\n", h.start, h.end, h.handler, h.depth));
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push_str(&listing(inner, name));
        }
    }
    out
}

/// Checks the listing of the code object `name` in `src` against `expected` (indentation and
/// surrounding blank lines of `expected` are ignored).
#[track_caller]
fn check(src: &str, name: &str, expected: &str) {
    let got = listing(&compile_ok(src), name);
    let want: Vec<&str> = expected.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let got_lines: Vec<&str> = got.lines().map(str::trim).collect();
    if got_lines != want {
        panic!("listing of {name} differs; got:\n{got}");
    }
}

/// Superinstructions replace the first of each pair they stand for and leave the second in
/// place; `unfused` gives back what the compiler emitted.
#[test]
fn superinstructions_replace_the_first_of_a_pair() {
    let code = compile_ok("def f(a, b):\n    c = a + b\n    return c + 1\n");
    let Const::Code(f) = code.consts.iter().find(|c| matches!(c, Const::Code(_))).unwrap() else { unreachable!() };
    let ops: Vec<Op> = f.ops.clone();
    assert_eq!(
        ops,
        vec![
            Op::LoadFastLoadFast(0, 1),
            Op::LoadFast(1),
            Op::BinaryStoreFast { op: metatrace_python::bytecode::BinOp::Add, inplace: false, local: 2 },
            Op::StoreFastLoadFast(2, 2),
            Op::LoadFastConstBinary { local: 2, konst: 0, op: metatrace_python::bytecode::BinOp::Add },
            Op::LoadConst(0),
            Op::Binary { op: metatrace_python::bytecode::BinOp::Add, inplace: false },
            Op::Return,
        ]
    );
    let unfused: Vec<Op> = ops.iter().map(|op| op.unfused()).collect();
    assert_eq!(&unfused[..2], &[Op::LoadFast(0), Op::LoadFast(1)]);
    assert_eq!(unfused[2], Op::Binary { op: metatrace_python::bytecode::BinOp::Add, inplace: false });
    assert_eq!(&unfused[3..5], &[Op::StoreFast(2), Op::LoadFast(2)]);
    let code = compile_ok("def g(s):\n    return s.x\n");
    let Const::Code(g) = code.consts.iter().find(|c| matches!(c, Const::Code(_))).unwrap() else { unreachable!() };
    assert_eq!(g.ops, vec![Op::LoadFastLoadAttr(0, 0), Op::LoadAttr(0), Op::Return]);
}

#[test]
fn print_dis() {
    let src = std::env::var("DIS").unwrap_or_default();
    if !src.is_empty() {
        let src = src.replace("\\n", "\n");
        println!("{}", listing(&compile_ok(&src), &std::env::var("DISNAME").unwrap_or_default()));
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
    assert!(
        failures.is_empty() && unsupported.is_empty(),
        "{} failures:\n{}\n{}",
        failures.len(),
        failures.join("\n"),
        unsupported.join("\n")
    );
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
    if std::env::var("SHOW_UNSUPPORTED").is_ok() {
        eprintln!("{}", unsupported.join("\n"));
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(ok > 1500, "only {ok} files compiled");
}

/// A for loop: GetIter, ForIter jumps forward to the else clause on exhaustion (the iterator popped), continue is a JumpBack to the ForIter.
#[test]
fn scheme_for_loop() {
    let src = "def f(a):\n    for x in a:\n        if x:\n            continue\n        g(x)\n    else:\n        h()\n";
    check(
        src,
        "f",
        r#"
        f Function stack=3
          2   0 LoadFast a
          2   1 GetIter
          2   2 ForIter(12)
          2   3 StoreFast x
          3   4 LoadFast x
          3   5 PopJumpIfFalse(7)
          4   6 JumpBack(2)
          5   7 LoadGlobal g
          5   8 LoadFast x
          5   9 Call(1)
          5  10 Pop
          2  11 JumpBack(2)
          7  12 LoadGlobal h
          7  13 Call(0)
          7  14 Pop
          7  15 LoadConst None
          7  16 Return
    "#,
    );
}

/// try/except/else: the body's handler unwinds to depth 0; PushExcInfo saves the handled exception; a named handler deletes its name on every way out and has its own cleanup entry; every handler region ends in Rot2/PopExcept/Reraise.
#[test]
fn scheme_try_except() {
    let src = "def f(g):\n    try:\n        g()\n    except ValueError as e:\n        return e\n    except:\n        pass\n    else:\n        g(1)\n";
    check(
        src,
        "f",
        r#"
        f Function stack=3
          3   0 LoadFast g
          3   1 Call(0)
          3   2 Pop
          9   3 LoadFast g
          9   4 LoadConst 1
          9   5 Call(1)
          9   6 Pop
          9   7 Jump(30)
          2   8 PushExcInfo
          4   9 LoadGlobal ValueError
          4  10 CheckExcMatch
          4  11 PopJumpIfFalse(24)
          4  12 StoreFast e
          5  13 LoadFast e
          5  14 Rot2
          5  15 PopExcept
          5  16 LoadConst None
          5  17 StoreFast e
          5  18 DeleteFast e
          5  19 Return
          5  20 LoadConst None
          5  21 StoreFast e
          5  22 DeleteFast e
          5  23 Reraise
          6  24 Pop
          7  25 PopExcept
          7  26 Jump(30)
          2  27 Rot2
          2  28 PopExcept
          2  29 Reraise
          2  30 LoadConst None
          2  31 Return
          [0, 3) -> 8 depth 0
          [9, 13) -> 27 depth 1
          [13, 14) -> 20 depth 1
          [20, 25) -> 27 depth 1
    "#,
    );
}

/// return inside try/finally inside a for loop: the finally body is inlined on the way out, the iterator is popped under the return value (Rot2/Pop); the exception path runs a second copy and re-raises.
#[test]
fn scheme_try_finally() {
    let src = "def f(g):\n    for x in g:\n        try:\n            return x\n        finally:\n            g()\n";
    check(
        src,
        "f",
        r#"
        f Function stack=4
          2   0 LoadFast g
          2   1 GetIter
          2   2 ForIter(19)
          2   3 StoreFast x
          4   4 LoadFast x
          6   5 LoadFast g
          6   6 Call(0)
          6   7 Pop
          6   8 Rot2
          6   9 Pop
          6  10 Return
          3  11 PushExcInfo
          6  12 LoadFast g
          6  13 Call(0)
          6  14 Pop
          6  15 Reraise
          6  16 Rot2
          6  17 PopExcept
          6  18 Reraise
          2  19 LoadConst None
          2  20 Return
          [4, 5) -> 11 depth 1
          [12, 16) -> 16 depth 2
    "#,
    );
}

/// with: BeforeWith leaves the bound __exit__ under the __enter__ result; the normal exit calls exit(None, None, None); the handler calls WithExceptStart with [prev, exit, exc] and re-raises unless the result is true.
#[test]
fn scheme_with() {
    let src = "def f(m):\n    with m as v:\n        return v\n";
    check(
        src,
        "f",
        r#"
        f Function stack=5
          2   0 LoadFast m
          2   1 BeforeWith
          2   2 StoreFast v
          3   3 LoadFast v
          3   4 Rot2
          3   5 LoadConst None
          3   6 LoadConst None
          3   7 LoadConst None
          3   8 Call(3)
          3   9 Pop
          3  10 Return
          2  11 PushExcInfo
          2  12 Rot2
          2  13 Rot3
          2  14 WithExceptStart
          2  15 PopJumpIfTrue(17)
          2  16 Reraise
          2  17 Pop
          2  18 Pop
          2  19 PopExcept
          2  20 Jump(24)
          2  21 Rot2
          2  22 PopExcept
          2  23 Reraise
          2  24 LoadConst None
          2  25 Return
          [2, 4) -> 11 depth 1
          [14, 19) -> 21 depth 1
    "#,
    );
}

/// A dict comprehension is a nested code object taking the iterator as .0; MapAdd's depth counts the iterators above the dict.
#[test]
fn scheme_comprehension() {
    let src = "def f(n):\n    return {k: v for k, v in n if k}\n";
    check(
        src,
        "f.<locals>.<dictcomp>",
        r#"
        f.<locals>.<dictcomp> Function stack=4
          2   0 BuildMap(0)
          2   1 LoadFast .0
          2   2 ForIter(12)
          2   3 UnpackSequence(2)
          2   4 StoreFast k
          2   5 StoreFast v
          2   6 LoadFast k
          2   7 PopJumpIfFalse(11)
          2   8 LoadFast k
          2   9 LoadFast v
          2  10 MapAdd(2)
          2  11 JumpBack(2)
          2  12 Return
    "#,
    );
}

/// A class whose method uses super(): the class body has a __class__ cell it passes to the method's closure and returns as __classcell__.
#[test]
fn scheme_class_super() {
    let src = "class C(B):\n    def m(self):\n        return super().m()\n";
    check(
        src,
        "",
        r#"
        <module> Module stack=4
          1   0 LoadBuildClass
          1   1 MakeFunction <code C>
          1   2 LoadConst "C"
          1   3 LoadGlobal B
          1   4 Call(3)
          1   5 StoreGlobal C
          3   6 LoadConst None
          3   7 Return
        C Class stack=2
          1   0 MakeCell __class__
          1   1 LoadName __name__
          1   2 StoreName __module__
          1   3 LoadConst "C"
          1   4 StoreName __qualname__
          2   5 LoadClosure __class__
          2   6 BuildTuple(1)
          2   7 MakeFunction <code C.m> closure
          2   8 StoreName m
          2   9 LoadClosure __class__
          2  10 Dup
          2  11 StoreName __classcell__
          2  12 Return
        C.m Function stack=2
          3   0 LoadGlobal super
          3   1 Call(0)
          3   2 LoadMethod m
          3   3 CallMethod(0)
          3   4 Return
    "#,
    );
}

/// A closure over a parameter: MakeCell at the start of outer, LoadClosure + BuildTuple + MakeFunction closure; nonlocal uses the Deref ops.
#[test]
fn scheme_closure() {
    let src =
        "def outer(a):\n    def inner(b=1):\n        nonlocal a\n        a += b\n        return a\n    return inner\n";
    check(
        src,
        "",
        r#"
        <module> Module stack=1
          1   0 MakeFunction <code outer>
          1   1 StoreGlobal outer
          6   2 LoadConst None
          6   3 Return
        outer Function stack=2
          1   0 MakeCell a
          2   1 LoadConst (1,)
          2   2 LoadClosure a
          2   3 BuildTuple(1)
          2   4 MakeFunction <code outer.<locals>.inner> defaults closure
          2   5 StoreFast inner
          6   6 LoadFast inner
          6   7 Return
        outer.<locals>.inner Function stack=2
          4   0 LoadDeref a
          4   1 LoadFast b
          4   2 Binary +=
          4   3 StoreDeref a
          5   4 LoadDeref a
          5   5 Return
    "#,
    );
}

/// Chained comparison (Dup/Rot3 with a cleanup path), star displays, CallEx, augmented attribute and subscript assignment (Dup/Rot2, Dup2/Rot3), UnpackEx, import as, relative from-import.
#[test]
fn scheme_misc() {
    let src = "x = a < b < c\ny = [*p, 1]\nf(*a, k=1, **m)\nx.y += 1\nz[i] -= 2\na, *b, c = d\nimport os.path as p\nfrom . import q as r\n";
    check(
        src,
        "",
        r#"
        <module> Module stack=4
          1   0 LoadGlobal a
          1   1 LoadGlobal b
          1   2 Dup
          1   3 Rot3
          1   4 Compare(Lt)
          1   5 JumpIfFalseOrPop(9)
          1   6 LoadGlobal c
          1   7 Compare(Lt)
          1   8 Jump(11)
          1   9 Rot2
          1  10 Pop
          1  11 StoreGlobal x
          2  12 BuildList(0)
          2  13 LoadGlobal p
          2  14 ListExtend(1)
          2  15 LoadConst 1
          2  16 ListAppend(1)
          2  17 StoreGlobal y
          3  18 LoadGlobal f
          3  19 LoadGlobal a
          3  20 LoadConst "k"
          3  21 LoadConst 1
          3  22 BuildMap(1)
          3  23 LoadGlobal m
          3  24 DictMerge(1)
          3  25 CallEx { kwargs: true }
          3  26 Pop
          4  27 LoadGlobal x
          4  28 Dup
          4  29 LoadAttr y
          4  30 LoadConst 1
          4  31 Binary +=
          4  32 Rot2
          4  33 StoreAttr y
          5  34 LoadGlobal z
          5  35 LoadGlobal i
          5  36 Dup2
          5  37 BinarySubscr
          5  38 LoadConst 2
          5  39 Binary -=
          5  40 Rot3
          5  41 StoreSubscr
          6  42 LoadGlobal d
          6  43 UnpackEx { before: 1, after: 1 }
          6  44 StoreGlobal a
          6  45 StoreGlobal b
          6  46 StoreGlobal c
          7  47 LoadConst 0
          7  48 LoadConst None
          7  49 ImportName os.path
          7  50 ImportFrom path
          7  51 Rot2
          7  52 Pop
          7  53 StoreGlobal p
          8  54 LoadConst 1
          8  55 LoadConst ("q",)
          8  56 ImportName 
          8  57 ImportFrom q
          8  58 StoreGlobal r
          8  59 Pop
          8  60 LoadConst None
          8  61 Return
    "#,
    );
}

/// yield from: GetYieldFromIter, then Send jumps to a YieldValue that loops back while the sub-iterator yields; a generator's code kind is Generator.
#[test]
fn scheme_yield_from() {
    let src = "def g(x):\n    r = yield from x\n    yield r\n";
    check(
        src,
        "g",
        r#"
        g Generator stack=2
          2   0 LoadFast x
          2   1 GetYieldFromIter
          2   2 LoadConst None
          2   3 Send(5)
          2   4 Jump(7)
          2   5 YieldValue
          2   6 JumpBack(3)
          2   7 StoreFast r
          3   8 LoadFast r
          3   9 YieldValue
          3  10 Pop
          3  11 LoadConst None
          3  12 Return
    "#,
    );
}

#[track_caller]
fn check_err(src: &str, msg: &str, line: u32, col: u32) {
    let e = compile_err(src);
    assert_eq!((e.msg.as_str(), e.line, e.col), (msg, line, col), "{src:?}: {e}");
    assert_eq!(e.kind, SyntaxErrorKind::SyntaxError);
}

/// The semantic errors CPython's compiler and symtable raise, with its messages and positions.
#[test]
fn semantic_errors() {
    check_err("return 1", "'return' outside function", 1, 1);
    check_err("class A:\n  return 1", "'return' outside function", 2, 3);
    check_err("nonlocal x", "nonlocal declaration not allowed at module level", 1, 1);
    check_err("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10);
    check_err("break", "'break' outside loop", 1, 1);
    check_err("for x in y:\n  pass\nelse:\n  continue", "'continue' not properly in loop", 4, 3);
    check_err("def f():\n  x = 1\n  global x", "name 'x' is assigned to before global declaration", 3, 3);
    check_err("def f():\n  print(x)\n  global x", "name 'x' is used prior to global declaration", 3, 3);
    check_err("def f():\n  x: int\n  global x", "annotated name 'x' can't be global", 3, 3);
    check_err("def f():\n  def g():\n    nonlocal y", "no binding for nonlocal 'y' found", 3, 5);
    check_err("f(a=1, a=2)", "keyword argument repeated: a", 1, 8);
    check_err("a, *b, *c = d", "multiple starred expressions in assignment", 1, 1);
    check_err("(yield)", "'yield' outside function", 1, 2);
    check_err("[(yield) for x in y]", "'yield' inside list comprehension", 1, 3);
    check_err("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "default 'except:' must be last", 3, 1);
    check_err("def f():\n  from m import *", "import * only allowed at module level", 2, 3);
    check_err(
        "x = 1\nfrom __future__ import annotations",
        "from __future__ imports must occur at the beginning of the file",
        2,
        1,
    );
    check_err(
        "class C:\n  [y := 1 for x in z]",
        "assignment expression within a comprehension cannot be used in a class body",
        2,
        4,
    );
    check_err("[x := 1 for x in z]", "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 2);
    let mut nested = String::new();
    for i in 0..21 {
        nested.push_str(&" ".repeat(i));
        nested.push_str("while x:\n");
    }
    nested.push_str(&" ".repeat(21));
    nested.push_str("pass\n");
    check_err(&nested, "too many statically nested blocks", 21, 21);
}

#[test]
fn parser_errors() {
    let e = compile_err("x = (1,\ny = 2 +");
    assert_eq!(e.kind, SyntaxErrorKind::SyntaxError);
    let e = compile_err("x\n  y");
    assert_eq!((e.kind, e.line), (SyntaxErrorKind::IndentationError, 2));
    // 3.12-only syntax is an error for a 3.11 interpreter.
    let e = compile_err("type X = int");
    assert_eq!(e.line, 1);
    let e = compile_err("def f[T](x: T): pass");
    assert_eq!(e.line, 1);
    assert_eq!(compile_err("def f(): pass\nx = 1 +\n").line, 2);
    assert_eq!(compile_err("\u{feff}x = 1").msg, "invalid non-printable character U+FEFF");
}

/// Deep nesting never overflows: brackets stop at CPython's 200 levels, other nesting at the
/// compiler's depth limit, and the AST of rejected deep input is not dropped recursively.
#[test]
fn deep_nesting() {
    big_stack(|| {
        let src = format!("x = {}1{}", "(".repeat(100_000), ")".repeat(100_000));
        let e = compile_module(&src, "deep").unwrap_err();
        assert_eq!((e.msg.as_str(), e.line, e.col), ("too many nested parentheses", 1, 205));
        let src = format!("x = {}1", "1+".repeat(1_000_000));
        let e = compile_module(&src, "long").unwrap_err();
        assert_eq!(e.msg, "maximum recursion depth exceeded during compilation");
        let src = format!("x = {}1", "-".repeat(100_000));
        assert!(compile_module(&src, "unary").is_err());
        // Within the limits, long chains compile.
        let src = format!("x = {}1", "1+".repeat(2_000));
        let code = compile_module(&src, "ok").expect("2,000 terms");
        verify(&code).expect("verify");
        let src = format!("x = {}1{}", "[".repeat(199), "]".repeat(199));
        compile_module(&src, "ok").expect("199 brackets");
    });
}

#[test]
fn eval_and_interactive() {
    let code = compile_eval("a + 1", "<eval>").expect("eval");
    verify(&code).expect("verify");
    assert_eq!(code.ops.last(), Some(&Op::Return));
    assert!(code.ops.contains(&Op::Binary { op: metatrace_python::bytecode::BinOp::Add, inplace: false }));
    let code = compile_interactive("1 + 2\nx = 3\nx", "<stdin>").expect("single");
    verify(&code).expect("verify");
    assert_eq!(code.ops.iter().filter(|o| **o == Op::PrintExpr).count(), 2);
    assert!(compile_eval("x = 1", "<eval>").is_err());
}

#[test]
fn constants_and_names() {
    let code = compile_ok("a = 123456789012345678901234567890\nb = -9223372036854775808\nc = 0xffff_ffff_ffff_ffff_ff\nd = 2j\ne = (1, 'x', None, ...)\nf = b'\\x00'\n");
    let consts: Vec<String> = code.consts.iter().map(konst).collect();
    for want in [
        "123456789012345678901234567890",
        "-9223372036854775808",
        "4722366482869645213695",
        "2.0j",
        "(1, \"x\", None, ...)",
        "b\"\\0\"",
    ] {
        assert!(consts.iter().any(|c| c == want), "{want} not in {consts:?}");
    }
    // Module-level names are globals; class-level names use the *Name ops; private names mangle.
    let code = compile_ok("class C:\n  __x = 1\n  def m(self): return self.__x\n");
    let text = listing(&code, "");
    assert!(text.contains("StoreName _C__x") && text.contains("LoadAttr _C__x"), "{text}");
    // Docstrings.
    let code = compile_ok("'''mod doc'''\ndef f():\n  'fdoc'\n  return 1\n");
    assert_eq!(code.doc.as_deref(), Some("mod doc"));
}

#[test]
fn structural_match_patterns_verify() {
    for src in [
        "match v:\n    case [a, b, *r]: pass\n    case []: pass\n    case [*_]: pass\n",
        "match v:\n    case [_ as a, *_] if a: pass\n    case (int() as n) as m: pass\n    case _ as z: pass\n",
        "match v:\n    case {'k': x, **rest}: pass\n    case {}: pass\n    case {'a': [1, {'b': y}]}: pass\n",
        "match v:\n    case P(0, y=yy): pass\n    case P(): pass\n    case int(n) | float(n): pass\n",
        "match v:\n    case [x, (1 | 2) as d, *_, last]: pass\n    case Q(a=[_, *_], b={'c': _}): pass\n",
    ] {
        let code = compile_ok(src);
        assert!(code.names.iter().any(|n| n.starts_with("__match_")), "{src}");
    }
    let e = compile_err("match v:\n    case [*a, *b]: pass\n");
    assert!(e.to_string().contains("multiple starred names"), "{e}");
}
