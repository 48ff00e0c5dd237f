//! The symbol table: one scope per module, class, function, lambda and comprehension, found
//! by a walk over the AST before code generation; then CPython's analysis decides for every
//! name whether it is local, a cell, free, or global (explicitly or implicitly), propagating
//! free variables outwards through classes and marking the implicit `__class__` cell of a
//! class whose methods use `super` or `__class__`. Raises the scope-related SyntaxErrors
//! (`nonlocal` at module level or without binding, `global` after use, duplicate parameters,
//! `return`/`yield` outside a function, `import *` in a function, walrus misuse).

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{CompileError, MAX_NESTING};

pub(crate) const DEF_LOCAL: u32 = 1;
pub(crate) const DEF_PARAM: u32 = 2;
pub(crate) const DEF_GLOBAL: u32 = 4;
pub(crate) const DEF_NONLOCAL: u32 = 8;
pub(crate) const USE: u32 = 16;
pub(crate) const DEF_IMPORT: u32 = 32;
pub(crate) const DEF_COMP_ITER: u32 = 64;
pub(crate) const DEF_ANNOT: u32 = 128;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    pub fn function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Where a name lives, for a given scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// Symbols in order of first appearance, with their `DEF_*`/`USE` flags.
    pub order: Vec<String>,
    pub flags: HashMap<String, u32>,
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    /// An `async def` body, or a comprehension that awaits (it runs as a coroutine, or as
    /// an async generator for a generator expression).
    pub is_async: bool,
    /// A class whose methods use `super()`/`__class__`: it has a `__class__` cell.
    pub needs_class_closure: bool,
    /// Class scopes: names bound in the class that nested scopes get from further out.
    pub free_class: Vec<String>,
    pub resolved: HashMap<String, NameScope>,
    /// Where each `nonlocal` was declared (for the "no binding" error).
    nonlocal_at: HashMap<String, TextRange>,
    /// The class name used for private-name mangling inside this scope.
    pub private: Option<String>,
    /// Comprehension scopes: what kind (`list comprehension`, ...), for messages.
    comp_desc: &'static str,
}

impl Scope {
    fn new(kind: ScopeKind, private: Option<String>) -> Self {
        Scope {
            kind,
            order: Vec::new(),
            flags: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_async: false,
            needs_class_closure: false,
            free_class: Vec::new(),
            resolved: HashMap::new(),
            nonlocal_at: HashMap::new(),
            private,
            comp_desc: "",
        }
    }

    pub fn resolve(&self, name: &str) -> NameScope {
        self.resolved.get(name).copied().unwrap_or(NameScope::GlobalImplicit)
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.flags.get(name).copied().unwrap_or(0)
    }
}

/// Private-name mangling (`__x` inside class `C` is `_C__x`).
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(p) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let p = p.trim_start_matches('_');
    if p.is_empty() {
        return name.to_string();
    }
    format!("_{p}{name}")
}

pub(crate) struct SymTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymTable {
    /// The scope created for the AST node at `ptr` (a function, class, lambda or comprehension).
    pub fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    pub fn build_module(body: &[Stmt], future_annotations: bool) -> Result<SymTable, CompileError> {
        let mut b = Builder::new(future_annotations);
        b.visit_body(body)?;
        b.finish()
    }

    pub fn build_expr(e: &Expr) -> Result<SymTable, CompileError> {
        let mut b = Builder::new(false);
        b.visit_expr(e)?;
        b.finish()
    }
}

struct Builder {
    st: SymTable,
    cur: usize,
    depth: u32,
    future_annotations: bool,
}

fn err(msg: impl Into<String>, range: TextRange) -> CompileError {
    CompileError { msg: msg.into(), range }
}

impl Builder {
    fn new(future_annotations: bool) -> Self {
        Builder {
            st: SymTable { scopes: vec![Scope::new(ScopeKind::Module, None)], by_node: HashMap::new() },
            cur: 0,
            depth: 0,
            future_annotations,
        }
    }

    fn finish(mut self) -> Result<SymTable, CompileError> {
        analyze(&mut self.st.scopes, 0, &HashSet::new())?;
        Ok(self.st)
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.st.scopes[self.cur]
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.st.scopes[self.cur].private.as_deref(), name)
    }

    fn add_def_in(&mut self, scope: usize, name: &str, flag: u32, range: TextRange) -> Result<(), CompileError> {
        let s = &mut self.st.scopes[scope];
        let old = s.flags.get(name).copied();
        if flag & DEF_PARAM != 0 && old.is_some_and(|o| o & DEF_PARAM != 0) {
            return Err(err(format!("duplicate argument '{name}' in function definition"), range));
        }
        match old {
            Some(o) => {
                s.flags.insert(name.to_string(), o | flag);
            }
            None => {
                s.order.push(name.to_string());
                s.flags.insert(name.to_string(), flag);
            }
        }
        if flag & DEF_PARAM != 0 {
            s.params.push(name.to_string());
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> Result<(), CompileError> {
        let name = self.mangled(name);
        self.add_def_in(self.cur, &name, flag, range)
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind) -> usize {
        let parent = self.cur;
        let private = self.st.scopes[parent].private.clone();
        let s = Scope::new(kind, private);
        self.st.scopes.push(s);
        let id = self.st.scopes.len() - 1;
        self.st.scopes[parent].children.push(id);
        self.st.by_node.insert(node as *const T as usize, id);
        self.cur = id;
        parent
    }

    fn guard(&mut self, range: TextRange) -> Result<(), CompileError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(err("maximum recursion depth exceeded during compilation", range));
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.add_def(&a.parameter.name.id, DEF_PARAM, a.parameter.name.range)?;
        }
        // Parameter order in the slots: positional, keyword-only, *args, **kwargs.
        for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
            self.add_def(&a.name.id, DEF_PARAM, a.name.range)?;
        }
        Ok(())
    }

    fn visit_defaults(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        self.guard(s.range())?;
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.visit_defaults(&f.parameters)?;
                if !self.future_annotations {
                    for (_, e) in super::stmt::annotations_of(f) {
                        self.visit_expr(e)?;
                    }
                }
                self.add_def(&f.name.id, DEF_LOCAL, f.name.range)?;
                let parent = self.enter(f, ScopeKind::Function);
                self.scope().is_async = f.is_async;
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.cur = parent;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                self.add_def(&c.name.id, DEF_LOCAL, c.name.range)?;
                let parent = self.enter(c, ScopeKind::Class);
                self.scope().private = Some(c.name.id.to_string());
                self.visit_body(&c.body)?;
                self.cur = parent;
            }
            Stmt::Return(r) => {
                if !self.scope().kind.function_like() {
                    return Err(err("'return' outside function", r.range));
                }
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(err("type aliases need Python 3.12", t.range)),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = a.target.as_ref() {
                    let name = self.mangled(&n.id);
                    let fl = self.scope().flags_of(&name);
                    if fl & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        let what = if fl & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(err(format!("annotated name '{}' can't be {what}", n.id), n.range));
                    }
                    self.add_def(&n.id, DEF_LOCAL | DEF_ANNOT, n.range)?;
                } else {
                    self.visit_expr(&a.target)?;
                }
                if !self.scope().kind.function_like() && !self.future_annotations {
                    self.visit_expr(&a.annotation)?;
                }
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async && !self.in_async_function() {
                    return Err(err("'async for' outside async function", f.range));
                }
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async && !self.in_async_function() {
                    return Err(err("'async with' outside async function", w.range));
                }
                for it in &w.items {
                    self.visit_expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for c in &m.cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.orelse)?;
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let stored = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&stored, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if &*a.name.id == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level", i.range));
                        }
                        continue;
                    }
                    let stored = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.add_def(&stored, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let name = self.mangled(&n.id);
                    let fl = self.scope().flags_of(&name);
                    if fl & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT | DEF_NONLOCAL | DEF_IMPORT) != 0 {
                        let msg = if fl & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and global", n.id)
                        } else if fl & DEF_NONLOCAL != 0 {
                            format!("name '{}' is nonlocal and global", n.id)
                        } else if fl & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else if fl & (DEF_LOCAL | DEF_IMPORT) != 0 {
                            format!("name '{}' is assigned to before global declaration", n.id)
                        } else {
                            format!("name '{}' is used prior to global declaration", n.id)
                        };
                        return Err(err(msg, g.range));
                    }
                    self.add_def(&n.id, DEF_GLOBAL, n.range)?;
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scope().kind == ScopeKind::Module {
                    return Err(err("nonlocal declaration not allowed at module level", g.range));
                }
                for n in &g.names {
                    let name = self.mangled(&n.id);
                    let fl = self.scope().flags_of(&name);
                    if fl & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT | DEF_GLOBAL | DEF_IMPORT) != 0 {
                        let msg = if fl & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", n.id)
                        } else if fl & DEF_GLOBAL != 0 {
                            format!("name '{}' is nonlocal and global", n.id)
                        } else if fl & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        } else if fl & (DEF_LOCAL | DEF_IMPORT) != 0 {
                            format!("name '{}' is assigned to before nonlocal declaration", n.id)
                        } else {
                            format!("name '{}' is used prior to nonlocal declaration", n.id)
                        };
                        return Err(err(msg, g.range));
                    }
                    self.add_def(&n.id, DEF_NONLOCAL, n.range)?;
                    self.scope().nonlocal_at.insert(name, g.range);
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => return Err(err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern as P;
        self.guard(p.range())?;
        match p {
            P::MatchValue(v) => self.visit_expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.visit_pattern(q)?;
                }
            }
            P::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.visit_expr(k)?;
                }
                for q in m.patterns.iter() {
                    self.visit_pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(&r.id, DEF_LOCAL, r.range)?;
                }
            }
            P::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for q in c.arguments.patterns.iter() {
                    self.visit_pattern(q)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(&n.id, DEF_LOCAL, n.range)?;
                }
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(&n.id, DEF_LOCAL, n.range)?;
                }
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.visit_pattern(q)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> Result<(), CompileError> {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        self.guard(e.range())?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::BoolOp(b) => self.visit_exprs(&b.values)?,
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.visit_named_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                let parent = self.enter(l, ScopeKind::Lambda);
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.cur = parent;
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&it.value)?;
                }
            }
            Expr::Set(s) => self.visit_exprs(&s.elts)?,
            Expr::ListComp(c) => self.visit_comp(c, &c.generators, &[&c.elt], "list comprehension")?,
            Expr::SetComp(c) => self.visit_comp(c, &c.generators, &[&c.elt], "set comprehension")?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.visit_comp(c, &c.generators, &[k, &c.value], "dict comprehension")?,
                None => return Err(err("dict unpacking cannot be used in dict comprehension", c.range)),
            },
            Expr::Generator(c) => self.visit_comp(c, &c.generators, &[&c.elt], "generator expression")?,
            Expr::Await(a) => {
                let s = self.scope();
                match s.kind {
                    ScopeKind::Module | ScopeKind::Class => return Err(err("'await' outside function", a.range)),
                    ScopeKind::Comprehension => s.is_async = true,
                    _ if !s.is_async => return Err(err("'await' outside async function", a.range)),
                    _ => {}
                }
                self.visit_expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.note_yield(y.range)?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                if self.scope().is_async && self.scope().kind == ScopeKind::Function {
                    return Err(err("'yield from' inside async function", y.range));
                }
                self.note_yield(y.range)?;
                self.visit_expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.arguments.args)?;
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.visit_fstring_element(el)?;
                }
            }
            Expr::TString(t) => return Err(err("template strings need Python 3.14", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ast::ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.add_def(&n.id, flag, n.range)?;
                if n.ctx == ast::ExprContext::Load
                    && self.scope().kind.function_like()
                    && (&*n.id == "super" || &*n.id == "__class__")
                {
                    self.add_def_in(self.cur, "__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => self.visit_exprs(&l.elts)?,
            Expr::Tuple(t) => self.visit_exprs(&t.elts)?,
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(p)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn visit_fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> Result<(), CompileError> {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.guard(i.range)?;
            self.visit_expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for el in spec.elements.iter() {
                    self.visit_fstring_element(el)?;
                }
            }
            self.depth -= 1;
        }
        Ok(())
    }

    /// Whether the current scope may await: an `async def` body or an async comprehension
    /// in one.
    fn in_async_function(&self) -> bool {
        let mut id = self.cur;
        loop {
            let s = &self.st.scopes[id];
            match s.kind {
                ScopeKind::Function => return s.is_async,
                ScopeKind::Comprehension if s.is_async => id = self.parent_of(id),
                _ => return false,
            }
        }
    }

    fn note_yield(&mut self, range: TextRange) -> Result<(), CompileError> {
        let s = self.scope();
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => Err(err("'yield' outside function", range)),
            ScopeKind::Comprehension if s.comp_desc != "generator expression" => {
                Err(err(format!("'yield' inside {}", s.comp_desc), range))
            }
            ScopeKind::Comprehension => Err(err("'yield' inside generator expression", range)),
            _ => {
                s.is_generator = true;
                Ok(())
            }
        }
    }

    fn visit_named_target(&mut self, target: &Expr) -> Result<(), CompileError> {
        let Expr::Name(n) = target else {
            return Err(err(format!("cannot use assignment expressions with {}", describe(target)), target.range()));
        };
        if self.scope().kind != ScopeKind::Comprehension {
            return self.add_def(&n.id, DEF_LOCAL, n.range);
        }
        let name = self.mangled(&n.id);
        let mut s = self.cur;
        loop {
            let sc = &self.st.scopes[s];
            match sc.kind {
                ScopeKind::Comprehension => {
                    if sc.flags_of(&name) & DEF_COMP_ITER != 0 {
                        return Err(err(
                            format!("assignment expression cannot rebind comprehension iteration variable '{}'", n.id),
                            n.range,
                        ));
                    }
                    s = self.parent_of(s);
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let global = sc.flags_of(&name) & DEF_GLOBAL != 0;
                    self.add_def_in(self.cur, &name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, n.range)?;
                    self.st.scopes[self.cur].nonlocal_at.insert(name.clone(), n.range);
                    return self.add_def_in(s, &name, DEF_LOCAL, n.range);
                }
                ScopeKind::Module => {
                    self.add_def_in(self.cur, &name, DEF_GLOBAL, n.range)?;
                    return self.add_def_in(s, &name, DEF_GLOBAL, n.range);
                }
                ScopeKind::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
            }
        }
    }

    fn parent_of(&self, id: usize) -> usize {
        self.st.scopes.iter().position(|s| s.children.contains(&id)).unwrap_or(0)
    }

    fn visit_comp<T>(
        &mut self,
        node: &T,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
        desc: &'static str,
    ) -> Result<(), CompileError> {
        let Some(first) = gens.first() else { return Ok(()) };
        self.visit_expr(&first.iter)?;
        let parent = self.enter(node, ScopeKind::Comprehension);
        self.scope().is_async = gens.iter().any(|g| g.is_async);
        self.scope().comp_desc = desc;
        self.scope().is_generator = desc == "generator expression";
        self.add_def_in(self.cur, ".0", DEF_PARAM, first.range)?;
        for (i, g) in gens.iter().enumerate() {
            self.visit_comp_target(&g.target)?;
            if i > 0 {
                self.visit_expr(&g.iter)?;
            }
            self.visit_exprs(&g.ifs)?;
        }
        for e in elts {
            self.visit_expr(e)?;
        }
        let is_async = self.scope().is_async;
        self.cur = parent;
        if is_async && desc != "generator expression" && self.scope().kind == ScopeKind::Comprehension {
            // Awaited inside an enclosing comprehension: that one becomes async too.
            self.scope().is_async = true;
        } else if is_async && desc != "generator expression" && !self.in_async_function() {
            return Err(err("asynchronous comprehension outside of an asynchronous function", node_range(gens)));
        }
        Ok(())
    }

    fn visit_comp_target(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.add_def(&n.id, DEF_LOCAL | DEF_COMP_ITER, n.range),
            Expr::Tuple(tu) => tu.elts.iter().try_for_each(|e| self.visit_comp_target(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.visit_comp_target(e)),
            Expr::Starred(s) => self.visit_comp_target(&s.value),
            other => self.visit_expr(other),
        }
    }
}

/// How CPython names an expression kind in "cannot assign to ..." messages.
pub(crate) fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Named(_) => "named expression",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Compare(_) => "comparison",
        Expr::Call(_) => "function call",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Slice(_) => "slice",
        Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// CPython's `analyze_block`: resolves every name of scope `id` given the names `bound` in
/// enclosing function scopes; returns the free names of the scope (to propagate outwards).
fn analyze(scopes: &mut [Scope], id: usize, bound: &HashSet<String>) -> Result<HashSet<String>, CompileError> {
    let kind = scopes[id].kind;
    let mut local = HashSet::new();
    let mut free = HashSet::new();
    let mut explicit_globals = HashSet::new();
    let mut resolved = HashMap::new();
    for name in &scopes[id].order {
        let fl = scopes[id].flags[name];
        let r = if fl & DEF_GLOBAL != 0 {
            explicit_globals.insert(name.clone());
            NameScope::GlobalExplicit
        } else if fl & DEF_NONLOCAL != 0 {
            if !bound.contains(name) {
                let range = scopes[id].nonlocal_at.get(name).copied().unwrap_or_default();
                return Err(err(format!("no binding for nonlocal '{name}' found"), range));
            }
            free.insert(name.clone());
            NameScope::Free
        } else if fl & DEF_BOUND != 0 {
            local.insert(name.clone());
            NameScope::Local
        } else if kind != ScopeKind::Module && bound.contains(name) {
            free.insert(name.clone());
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        resolved.insert(name.clone(), r);
    }
    let mut newbound: HashSet<String> = match kind {
        ScopeKind::Module => HashSet::new(),
        ScopeKind::Class => bound.clone(),
        _ => bound.difference(&explicit_globals).cloned().chain(local.iter().cloned()).collect(),
    };
    if kind == ScopeKind::Class {
        newbound.insert("__class__".to_string());
    }
    let mut allfree = HashSet::new();
    for child in scopes[id].children.clone() {
        allfree.extend(analyze(scopes, child, &newbound)?);
    }
    if kind.function_like() {
        allfree.retain(|name| {
            if resolved.get(name) == Some(&NameScope::Local) {
                resolved.insert(name.clone(), NameScope::Cell);
                false
            } else {
                true
            }
        });
    }
    if kind == ScopeKind::Class && allfree.remove("__class__") {
        scopes[id].needs_class_closure = true;
    }
    let mut free_class = Vec::new();
    let mut new_free = Vec::new();
    for name in &allfree {
        match resolved.get(name) {
            Some(NameScope::Free) => {}
            Some(_) if kind == ScopeKind::Class => free_class.push(name.clone()),
            Some(_) => {}
            None => {
                if bound.contains(name) {
                    resolved.insert(name.clone(), NameScope::Free);
                    free.insert(name.clone());
                    new_free.push(name.clone());
                }
            }
        }
    }
    free_class.sort();
    new_free.sort();
    let s = &mut scopes[id];
    s.order.extend(new_free);
    s.resolved = resolved;
    s.free_class = free_class;
    free.extend(allfree);
    Ok(free)
}

/// Where a comprehension's error points: its first `for`.
fn node_range(gens: &[ast::Comprehension]) -> TextRange {
    gens.first().map(|g| g.range).unwrap_or_default()
}
