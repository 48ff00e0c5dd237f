//! The compiler from Ruff's Python AST to mtpy's bytecode ([`crate::bytecode`]).
//!
//! Pipeline: parse with `ruff_python_parser` (target Python 3.11; 3.12-only syntax is a
//! SyntaxError), check bracket nesting on the tokens, build the symbol table
//! ([`symtable`]), then generate code unit by unit ([`expr`], [`stmt`], [`pattern`]) with a
//! [`builder::CodeBuilder`] that tracks stack depths, drops unreachable code, resolves labels
//! and builds the exception table. [`verify`] re-checks a finished code object independently.
//!
//! **Stack use.** Parsing, compiling and dropping an AST all recurse. Call these functions on
//! a thread with a big stack (the interpreter uses 256 MiB). The compiler stops cleanly at
//! [`MAX_NESTING`] levels ("maximum recursion depth exceeded during compilation"), and
//! CPython's 200-bracket limit ("too many nested parentheses") is checked on the tokens. Ruff's
//! AST drop is recursive too: when compilation fails on a large source (whose AST may be too
//! deep to drop) the AST is deliberately leaked instead of dropped.

mod builder;
mod carets;
mod excstar;
mod expr;
mod flow;
mod messages;
mod pattern;
mod stmt;
mod surrogates;
mod symtable;

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{self as ast, Expr, Mod, PythonVersion, Stmt};
use ruff_python_parser::{parse_unchecked, Mode, ParseOptions};
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::bytecode::{Code, CodeKind, Const, Op};
use builder::CodeBuilder;
pub use carets::caret_anchors;
pub use flow::verify;
use symtable::{mangle, NameScope, ScopeKind, SymTable};

/// How deep statements and expressions may nest (CPython stops near 3,000 too).
pub const MAX_NESTING: u32 = 3000;
/// CPython's limit on nested brackets (`MAXLEVEL` of its tokenizer).
const MAX_BRACKETS: usize = 200;
/// CPython's `CO_MAXBLOCKS`: loops, `try` and `with` nested in one function.
const MAX_BLOCKS: usize = 20;
/// Sources longer than this may have ASTs too deep to drop on a failure path: leak them.
const LEAK_AST_ABOVE: usize = 64 * 1024;

/// Which exception class a [`SyntaxError`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Nesting past what the compiler recurses into (CPython's RecursionError, reported
    /// without a source line).
    RecursionError,
}

/// A compile-time error, positioned as CPython's `SyntaxError` (1-based line, 1-based
/// character column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    /// The source line (with its newline).
    pub text: Option<String>,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {} ({}, line {}, column {})", self.kind, self.msg, self.filename, self.line, self.col)
    }
}

impl std::error::Error for SyntaxError {}

/// An error before it is positioned.
#[derive(Clone, Debug)]
pub(crate) struct CompileError {
    pub msg: String,
    pub range: TextRange,
}

pub(crate) type CResult<T> = Result<T, CompileError>;

pub(crate) fn cerr<T>(msg: impl Into<String>, range: TextRange) -> CResult<T> {
    Err(CompileError { msg: msg.into(), range })
}

/// Compiles a module (`exec` mode). The code's kind is `Module`; it returns None.
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    compile_source(source, filename, Flavor::Module)
}

/// Compiles an expression (`eval` mode): the code returns its value.
pub fn compile_eval(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    compile_source(source, filename, Flavor::Eval)
}

/// Compiles REPL input (`single` mode): expression statements print their value (`PrintExpr`).
pub fn compile_interactive(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    compile_source(source, filename, Flavor::Interactive)
}

/// What `compile()`, `exec()` and `eval()` compile: `mode` is `exec`, `eval` or `single`;
/// with `ns_names` the top level's names go to the frame's namespace mapping first (the
/// `*Name` instructions, as for a class body), for code run with a separate locals mapping.
pub fn compile_for(source: &str, filename: &str, mode: &str, ns_names: bool) -> Result<Rc<Code>, SyntaxError> {
    let flavor = match mode {
        "eval" => Flavor::Eval,
        "single" => Flavor::Interactive,
        _ => Flavor::Module,
    };
    NS_NAMES.with(|n| n.set(ns_names));
    let r = compile_source(source, filename, flavor);
    NS_NAMES.with(|n| n.set(false));
    r
}

thread_local! {
    /// Whether the code being compiled keeps its top-level names in a namespace (see
    /// [`compile_for`]).
    static NS_NAMES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Module,
    Eval,
    Interactive,
}

struct Positioner<'a> {
    source: &'a str,
    filename: &'a str,
    index: LineIndex,
}

impl Positioner<'_> {
    fn line_of(&self, offset: TextSize) -> u32 {
        self.index.line_index(offset).get() as u32
    }

    /// The [`Code::positions`] of ops at `lines` for source ranges `spans`: a range that
    /// starts on another line than its op's (or is empty) gives no columns.
    fn positions(&self, lines: &[u32], spans: &[TextRange]) -> Vec<[u32; 3]> {
        let col = |offset: TextSize| {
            let line = self.index.line_index(offset);
            let start = self.index.line_start(line, self.source);
            (line.get() as u32, (offset - start).to_u32())
        };
        lines
            .iter()
            .zip(spans)
            .map(|(&line, span)| {
                if span.is_empty() {
                    return [line, u32::MAX, u32::MAX];
                }
                let ((l0, c0), (l1, c1)) = (col(span.start()), col(span.end()));
                if l0 != line {
                    return [line, u32::MAX, u32::MAX];
                }
                [l1, c0, c1]
            })
            .collect()
    }

    fn error(&self, kind: SyntaxErrorKind, msg: String, range: TextRange) -> SyntaxError {
        let len = TextSize::of(self.source);
        let start = range.start().min(len);
        let end = range.end().min(len).max(start);
        let s = self.index.line_column(start, self.source);
        let e = self.index.line_column(end, self.source);
        // (A line with a null byte shows as far as the null.)
        let text =
            self.source.lines().nth(s.line.get() - 1).map(|l| format!("{}\n", l.split('\0').next().unwrap_or("")));
        SyntaxError {
            kind,
            msg,
            filename: self.filename.to_string(),
            line: s.line.get() as u32,
            col: s.column.get() as u32,
            end_line: e.line.get() as u32,
            end_col: e.column.get() as u32,
            text,
        }
    }
}

fn compile_source(source: &str, filename: &str, flavor: Flavor) -> Result<Rc<Code>, SyntaxError> {
    let pos = Positioner { source, filename, index: LineIndex::from_source_text(source) };
    let mode = if flavor == Flavor::Eval { Mode::Expression } else { Mode::Module };
    let parsed = parse_unchecked(source, ParseOptions::from(mode).with_target_version(PythonVersion::PY311));
    let mut first: Option<SyntaxError> = None;
    if source.starts_with('\u{feff}') {
        // As `compile()` of a str: a decoded file has had its BOM removed by the decoder.
        let r = TextRange::new(TextSize::new(0), TextSize::new(3));
        first = Some(pos.error(SyntaxErrorKind::SyntaxError, "invalid non-printable character U+FEFF".into(), r));
    }
    if first.is_none() {
        if let Some(f) = messages::first_error(source, parsed.tokens(), parsed.errors()) {
            let mut e = pos.error(f.kind, f.msg, f.range);
            if !f.caret {
                (e.col, e.end_col) = (0, 0);
            }
            first = Some(e);
        }
    }
    if first.is_none() {
        if let Some(e) = parsed.unsupported_syntax_errors().first() {
            first = Some(pos.error(SyntaxErrorKind::SyntaxError, e.to_string(), e.range));
        }
    }
    // The tokenizer's bracket limit.
    if first.is_none() {
        let mut level = 0usize;
        for t in parsed.tokens().iter() {
            match t.kind() {
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                    level += 1;
                    if level > MAX_BRACKETS {
                        first = Some(pos.error(
                            SyntaxErrorKind::SyntaxError,
                            "too many nested parentheses".into(),
                            t.range(),
                        ));
                        break;
                    }
                }
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level = level.saturating_sub(1),
                _ => {}
            }
        }
    }
    let mut tree = parsed.into_syntax();
    if first.is_none() && surrogates::may_have(source) {
        surrogates::fix(&mut tree, source);
    }
    let result = match first {
        Some(e) => Err(e),
        None => compile_tree(&tree, source, filename, flavor, &pos),
    };
    if result.is_err() && source.len() > LEAK_AST_ABOVE {
        // Its drop might recurse deeper than any stack: leak it (see the module docs).
        std::mem::forget(tree);
    } else {
        drop(tree);
    }
    result
}

fn compile_tree(
    tree: &Mod,
    source: &str,
    filename: &str,
    flavor: Flavor,
    pos: &Positioner,
) -> Result<Rc<Code>, SyntaxError> {
    let to_syntax = |e: CompileError| {
        let kind = if e.msg.starts_with("maximum recursion depth exceeded") {
            SyntaxErrorKind::RecursionError
        } else {
            SyntaxErrorKind::SyntaxError
        };
        pos.error(kind, e.msg, e.range)
    };
    match tree {
        Mod::Module(m) => {
            let future = stmt::future_flags(&m.body).map_err(to_syntax)?;
            let st = SymTable::build_module(&m.body, future).map_err(to_syntax)?;
            let mut c = Compiler::new(source, filename, st, pos, future, flavor == Flavor::Interactive);
            c.compile_module_body(&m.body).map_err(to_syntax)
        }
        Mod::Expression(e) => {
            let st = SymTable::build_expr(&e.body).map_err(to_syntax)?;
            let mut c = Compiler::new(source, filename, st, pos, false, false);
            c.compile_eval_body(&e.body).map_err(to_syntax)
        }
    }
}

/// Where a name goes: load, store or delete.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// A block the unwinding code of `return`/`break`/`continue` must leave properly.
pub(crate) enum FBlock<'a> {
    While {
        head: builder::Label,
        exit: builder::Label,
    },
    For {
        head: builder::Label,
        exit: builder::Label,
        /// The loop's iterator is a new object only the loop refers to (the iterable is a
        /// call or a generator expression): leaving the loop early closes it if it is a
        /// generator, as CPython's reference counting does when the loop drops it. Such a
        /// loop's body has a handler that closes the iterator when an exception leaves it.
        fresh: bool,
    },
    /// The body of `try` that has `except` clauses (owns its handler).
    TryExcept,
    /// The body of `try` that has a `finally` (owns its handler; unwinding runs the finally).
    FinallyTry {
        body: &'a [Stmt],
    },
    /// The exception path's copy of a finally body: `[prev, exc]` on the stack.
    FinallyEnd,
    /// An `except` body: `[prev]` on the stack; owns the clause-region cleanup handler and,
    /// when named, the name's cleanup handler.
    ExceptBody {
        name: Option<String>,
    },
    /// A `with` body: `[exit]` on the stack.
    With,
    /// An `async with` body: `[aexit]` on the stack (its result is awaited).
    AsyncWith,
    /// A value kept on the stack while a finally body runs for `return` (popped by a
    /// `break`/`continue`/`return` inside that body).
    PopValue,
}

impl FBlock<'_> {
    /// How many active handlers of the builder belong to this block.
    fn handlers(&self) -> usize {
        match self {
            FBlock::For { fresh: true, .. } => 1,
            FBlock::While { .. } | FBlock::For { .. } | FBlock::PopValue => 0,
            FBlock::ExceptBody { name: Some(_) } => 2,
            _ => 1,
        }
    }
}

/// One code object being built.
pub(crate) struct Unit<'a> {
    pub b: CodeBuilder,
    pub scope: usize,
    pub kind: CodeKind,
    pub flavor: crate::bytecode::GenFlavor,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub varnames: Vec<Rc<str>>,
    pub fast: HashMap<String, u32>,
    pub deref: HashMap<String, u32>,
    pub cellvars: Vec<u32>,
    pub freevars: Vec<u32>,
    pub free_names: Vec<String>,
    pub fblocks: Vec<FBlock<'a>>,
    pub argcount: u32,
    pub posonly: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
    pub firstline: u32,
    pub doc: Option<Rc<str>>,
}

/// Parameter counts of a function-like unit.
#[derive(Default, Clone, Copy)]
pub(crate) struct ArgCounts {
    pub argcount: u32,
    pub posonly: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
}

pub(crate) struct Compiler<'a> {
    pub source: &'a str,
    pub filename: Rc<str>,
    pos: &'a Positioner<'a>,
    pub st: SymTable,
    pub u: Unit<'a>,
    stack: Vec<Unit<'a>>,
    pub depth: u32,
    pub future_annotations: bool,
    pub interactive: bool,
    /// The top level's names use the frame's namespace (see [`compile_for`]).
    pub ns_names: bool,
}

impl<'a> Compiler<'a> {
    fn new(
        source: &'a str,
        filename: &str,
        st: SymTable,
        pos: &'a Positioner<'a>,
        future_annotations: bool,
        interactive: bool,
    ) -> Self {
        let mut c = Compiler {
            source,
            filename: Rc::from(filename),
            pos,
            st,
            u: Unit::blank(),
            stack: Vec::new(),
            depth: 0,
            future_annotations,
            interactive,
            ns_names: NS_NAMES.with(|n| n.get()),
        };
        c.u = c.make_unit(0, CodeKind::Module, "<module>", "<module>", 1, ArgCounts::default());
        c
    }

    pub fn line_of(&self, offset: TextSize) -> u32 {
        self.pos.line_of(offset)
    }

    /// Sets the line of the following ops to the line where `r` starts.
    pub fn set_line(&mut self, r: TextRange) {
        self.u.b.line = self.line_of(r.start());
        self.u.b.span = r;
    }

    pub fn emit(&mut self, op: Op) {
        self.u.b.emit(op);
    }

    pub fn load_const(&mut self, c: Const) {
        let k = self.u.b.add_const(c);
        self.emit(Op::LoadConst(k));
    }

    pub fn load_none(&mut self) {
        self.load_const(Const::None);
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        self.u.b.add_name(name)
    }

    /// Enters one nesting level (statements, expressions, patterns).
    pub fn enter_nested(&mut self, r: TextRange) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return cerr("maximum recursion depth exceeded during compilation", r);
        }
        Ok(())
    }

    pub fn leave_nested(&mut self) {
        self.depth -= 1;
    }

    pub fn scope(&self) -> &symtable::Scope {
        &self.st.scopes[self.u.scope]
    }

    pub fn mangle(&self, name: &str) -> String {
        mangle(self.scope().private.as_deref(), name)
    }

    /// Creates a unit for symbol-table scope `scope`, laying out its local slots.
    pub fn make_unit(
        &self,
        scope: usize,
        kind: CodeKind,
        name: &str,
        qualname: &str,
        line: u32,
        ac: ArgCounts,
    ) -> Unit<'a> {
        let s = &self.st.scopes[scope];
        let mut u = Unit::blank();
        u.b = CodeBuilder::new(line);
        u.scope = scope;
        u.kind = kind;
        u.name = Rc::from(name);
        u.qualname = Rc::from(qualname);
        u.firstline = line;
        u.argcount = ac.argcount;
        u.posonly = ac.posonly;
        u.kwonly = ac.kwonly;
        u.varargs = ac.varargs;
        u.varkw = ac.varkw;
        if s.kind == ScopeKind::Module {
            return u;
        }
        let function_like = s.kind.function_like();
        let add_slot = |u: &mut Unit, n: &str| -> u32 {
            u.varnames.push(Rc::from(n));
            u.varnames.len() as u32 - 1
        };
        for p in &s.params {
            let slot = add_slot(&mut u, p);
            if s.resolve(p) == NameScope::Cell {
                u.deref.insert(p.clone(), slot);
                u.cellvars.push(slot);
            } else {
                u.fast.insert(p.clone(), slot);
            }
        }
        if function_like {
            for n in &s.order {
                if s.resolve(n) == NameScope::Local && !u.fast.contains_key(n) {
                    let slot = add_slot(&mut u, n);
                    u.fast.insert(n.clone(), slot);
                }
            }
        }
        for n in &s.order {
            if s.resolve(n) == NameScope::Cell && !u.deref.contains_key(n) {
                let slot = add_slot(&mut u, n);
                u.deref.insert(n.clone(), slot);
                u.cellvars.push(slot);
            }
        }
        if s.needs_class_closure {
            let slot = add_slot(&mut u, "__class__");
            u.deref.insert("__class__".into(), slot);
            u.cellvars.push(slot);
        }
        let mut frees: Vec<String> = s.order.iter().filter(|n| s.resolve(n) == NameScope::Free).cloned().collect();
        frees.sort();
        frees.extend(s.free_class.iter().cloned());
        for n in frees {
            let slot = add_slot(&mut u, &n);
            u.deref.insert(n.clone(), slot);
            u.freevars.push(slot);
            u.free_names.push(n);
        }
        u
    }

    /// Makes `u` current, saving the unit being compiled.
    pub fn push_unit(&mut self, u: Unit<'a>) {
        let parent = std::mem::replace(&mut self.u, u);
        self.stack.push(parent);
        let cells = self.u.cellvars.clone();
        for slot in cells {
            self.emit(Op::MakeCell(slot));
        }
    }

    /// Finishes the current unit, returning to its parent.
    pub fn pop_unit(&mut self, r: TextRange) -> CResult<Rc<Code>> {
        let parent = match self.stack.pop() {
            Some(p) => p,
            None => return cerr("internal compiler error: unit stack empty", r),
        };
        let u = std::mem::replace(&mut self.u, parent);
        self.finish_unit(u, r)
    }

    fn finish_unit(&self, u: Unit<'a>, r: TextRange) -> CResult<Rc<Code>> {
        let built = match u.b.finish() {
            Ok(b) => b,
            Err(m) => return cerr(format!("internal compiler error in {}: {m}", u.qualname), r),
        };
        let code = Code {
            kind: u.kind,
            flavor: u.flavor,
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            ops: built.ops,
            positions: self.pos.positions(&built.lines, &built.spans),
            lines: built.lines,
            consts: built.consts,
            names: built.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            varargs: u.varargs,
            varkeywords: u.varkw,
            handlers: built.handlers,
            stacksize: built.stacksize,
            firstline: u.firstline,
            doc: u.doc,
            kwnames: Vec::new(),
            sites: crate::sites::Sites::new(0),
            closes: false,
        };
        let kwnames = code.consts.iter().map(crate::bytecode::Const::keyword_names).collect();
        let closes = code.kind == crate::bytecode::CodeKind::Generator
            && code.flavor == crate::bytecode::GenFlavor::Plain
            && code.ops.iter().any(|op| matches!(op, crate::bytecode::Op::PushExcInfo));
        let mut code = Code { kwnames, sites: crate::sites::Sites::new(code.ops.len()), closes, ..code };
        if cfg!(debug_assertions) {
            if let Err(m) = flow::verify(&code) {
                return cerr(format!("internal compiler error: {m}"), r);
            }
        }
        crate::bytecode::fuse(&mut code.ops);
        Ok(Rc::new(code))
    }

    /// The `__qualname__` of a function or class named `name` defined in the current unit.
    pub fn qualname_for(&self, name: &str) -> String {
        let s = self.scope();
        match s.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", self.u.qualname),
            _ => {
                if s.resolve(&self.mangle(name)) == NameScope::GlobalExplicit {
                    name.to_string()
                } else {
                    format!("{}.<locals>.{name}", self.u.qualname)
                }
            }
        }
    }

    /// Emits the load, store or delete of variable `name` in the current scope.
    pub fn name_op(&mut self, name: &str, ctx: Ctx) {
        let mangled = self.mangle(name);
        let s = self.scope();
        let r = s.resolve(&mangled);
        let kind = s.kind;
        enum Way {
            Fast(u32),
            Deref(u32),
            Global,
            Name,
        }
        let way = match (kind, r) {
            (ScopeKind::Module, NameScope::GlobalExplicit) => Way::Global,
            (ScopeKind::Module, _) if self.ns_names => Way::Name,
            (ScopeKind::Module, _) => Way::Global,
            (_, NameScope::Cell | NameScope::Free) => match self.u.deref.get(&mangled) {
                Some(&i) => Way::Deref(i),
                None => Way::Name,
            },
            (_, NameScope::GlobalExplicit) => Way::Global,
            (ScopeKind::Class, _) => Way::Name,
            (_, NameScope::GlobalImplicit) => Way::Global,
            (_, NameScope::Local) => match self.u.fast.get(&mangled) {
                Some(&i) => Way::Fast(i),
                None => Way::Global,
            },
        };
        let op = match way {
            Way::Fast(i) => match ctx {
                Ctx::Load => Op::LoadFast(i),
                Ctx::Store => Op::StoreFast(i),
                Ctx::Del => Op::DeleteFast(i),
            },
            Way::Deref(i) => match ctx {
                Ctx::Load => Op::LoadDeref(i),
                Ctx::Store => Op::StoreDeref(i),
                Ctx::Del => Op::DeleteDeref(i),
            },
            Way::Global => {
                let n = self.name_index(&mangled);
                match ctx {
                    Ctx::Load => Op::LoadGlobal(n),
                    Ctx::Store => Op::StoreGlobal(n),
                    Ctx::Del => Op::DeleteGlobal(n),
                }
            }
            Way::Name => {
                let n = self.name_index(&mangled);
                match ctx {
                    Ctx::Load => Op::LoadName(n),
                    Ctx::Store => Op::StoreName(n),
                    Ctx::Del => Op::DeleteName(n),
                }
            }
        };
        self.emit(op);
    }

    /// Pushes the closure tuple for the code of scope `child` (flag for `MakeFunction`).
    pub fn emit_closure(&mut self, child_free: &[String], r: TextRange) -> CResult<bool> {
        if child_free.is_empty() {
            return Ok(false);
        }
        for n in child_free {
            match self.u.deref.get(n) {
                Some(&slot) => self.emit(Op::LoadClosure(slot)),
                None => return cerr(format!("internal compiler error: no cell for free variable '{n}'"), r),
            }
        }
        self.emit(Op::BuildTuple(child_free.len() as u32));
        Ok(true)
    }

    /// Pushes a block; CPython's limit of 20 nested blocks applies.
    pub fn push_fblock(&mut self, f: FBlock<'a>, r: TextRange) -> CResult<()> {
        if self.u.fblocks.len() >= MAX_BLOCKS {
            return cerr("too many statically nested blocks", r);
        }
        self.u.fblocks.push(f);
        Ok(())
    }

    fn compile_module_body(&mut self, body: &'a [Stmt]) -> CResult<Rc<Code>> {
        self.u.doc = if self.interactive { None } else { stmt::docstring(body) };
        if let Some(d) = self.u.doc.clone() {
            self.load_const(Const::Str(d));
            let n = self.name_index("__doc__");
            self.emit(Op::StoreGlobal(n));
        }
        if stmt::has_annotations(body) {
            self.emit(Op::BuildMap(0));
            let n = self.name_index("__annotations__");
            self.emit(Op::StoreGlobal(n));
        }
        let skip = usize::from(self.u.doc.is_some());
        for s in &body[skip..] {
            self.compile_stmt(s)?;
        }
        if let Some(last) = body.last() {
            self.u.b.line = self.line_of(last.range().end());
        }
        self.load_none();
        self.emit(Op::Return);
        let u = std::mem::replace(&mut self.u, Unit::blank());
        self.finish_unit(u, TextRange::default())
    }

    fn compile_eval_body(&mut self, e: &'a Expr) -> CResult<Rc<Code>> {
        self.compile_expr(e)?;
        self.emit(Op::Return);
        let u = std::mem::replace(&mut self.u, Unit::blank());
        self.finish_unit(u, e.range())
    }
}

impl Unit<'_> {
    fn blank() -> Self {
        Unit {
            b: CodeBuilder::new(1),
            scope: 0,
            kind: CodeKind::Module,
            flavor: crate::bytecode::GenFlavor::Plain,
            name: Rc::from(""),
            qualname: Rc::from(""),
            varnames: Vec::new(),
            fast: HashMap::new(),
            deref: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            free_names: Vec::new(),
            fblocks: Vec::new(),
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
            firstline: 1,
            doc: None,
        }
    }
}

/// The constant value of a literal expression, if it is one (tuples of constants included).
pub(crate) fn constant_of(e: &Expr) -> Option<Const> {
    Some(match e {
        Expr::NoneLiteral(_) => Const::None,
        Expr::BooleanLiteral(b) => Const::Bool(b.value),
        Expr::EllipsisLiteral(_) => Const::Ellipsis,
        Expr::StringLiteral(s) => Const::Str(Rc::from(s.value.to_str())),
        Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => int_const(i)?,
            ast::Number::Float(f) => Const::Float(*f),
            ast::Number::Complex { imag, .. } => Const::Imag(*imag),
        },
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match constant_of(&u.operand)? {
            Const::Int(i) => match i.checked_neg() {
                Some(n) => Const::Int(n),
                None => Const::BigInt(format!("{}", -(i as i128))),
            },
            Const::BigInt(s) if !s.starts_with('-') => {
                if s == "9223372036854775808" {
                    Const::Int(i64::MIN)
                } else {
                    Const::BigInt(format!("-{s}"))
                }
            }
            Const::Float(f) => Const::Float(-f),
            // (`-2j` is complex(-0.0, -2.0): not a pure imaginary constant.)
            _ => return None,
        },
        Expr::Tuple(t) if t.elts.iter().all(|e| !matches!(e, Expr::Starred(_))) => {
            let items: Option<Vec<Const>> = t.elts.iter().map(constant_of).collect();
            Const::Tuple(items?.into())
        }
        _ => return None,
    })
}

/// An int literal as a constant: `Int` when it fits 64 bits, else `BigInt` decimal text.
pub(crate) fn int_const(i: &ast::Int) -> Option<Const> {
    if let Some(v) = i.as_i64() {
        return Some(Const::Int(v));
    }
    let text = i.to_string().replace('_', "");
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        (lower, 10)
    };
    let n = num_bigint::BigUint::parse_bytes(digits.as_bytes(), radix)?;
    Some(Const::BigInt(n.to_str_radix(10)))
}
