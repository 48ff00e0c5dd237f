//! Code generation for statements: assignments of all kinds, control flow (`if`, `while`,
//! `for` with `else`, `break`/`continue`/`return` unwinding through `finally`, `with` and
//! `except` blocks), `try` with the exception table, `with`, `raise`, `assert`, imports,
//! function and class definitions (closures, decorators, defaults, the class-body protocol
//! with `__class__`/`__classcell__`), docstrings, annotations and `__future__` checks.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::expr::binop;
use super::symtable::ScopeKind;
use super::{cerr, constant_of, ArgCounts, CResult, Compiler, Ctx, FBlock};
use crate::bytecode::{CodeKind, Const, GenFlavor, Op};

/// A function's body: statements (`def`) or one expression (`lambda`).
pub(crate) enum FuncBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

/// The docstring of a body: its first statement, if a plain string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::StringLiteral(s) = e.value.as_ref() {
            return Some(Rc::from(s.value.to_str()));
        }
    }
    None
}

/// The annotations of a function's parameters and return, in order (`return` last).
pub(crate) fn annotations_of<'f>(f: &'f ast::StmtFunctionDef) -> Vec<(&'f str, &'f Expr)> {
    let p = &f.parameters;
    let mut out: Vec<(&str, &Expr)> = Vec::new();
    let mut add = |a: &'f ast::Parameter| {
        if let Some(e) = a.annotation.as_deref() {
            out.push((a.name.id.as_str(), e));
        }
    };
    for a in p.posonlyargs.iter().chain(p.args.iter()) {
        add(&a.parameter);
    }
    if let Some(a) = &p.vararg {
        add(a);
    }
    for a in p.kwonlyargs.iter() {
        add(&a.parameter);
    }
    if let Some(a) = &p.kwarg {
        add(a);
    }
    if let Some(r) = f.returns.as_deref() {
        out.push(("return", r));
    }
    out
}

/// Whether a module or class body has annotated assignments (so needs `__annotations__`).
pub(crate) fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(a) => a.simple && matches!(a.target.as_ref(), Expr::Name(_)),
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Checks `from __future__ import ...` statements (first in the module, after the docstring)
/// and returns whether `annotations` is on.
pub(crate) fn future_flags(body: &[Stmt]) -> CResult<bool> {
    let mut annotations = false;
    let mut at_start = true;
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::ImportFrom(f) if f.level == 0 && f.module.as_ref().is_some_and(|m| &*m.id == "__future__") => {
                if !at_start {
                    return cerr("from __future__ imports must occur at the beginning of the file", f.range);
                }
                for a in &f.names {
                    match &*a.name.id {
                        "annotations" => annotations = true,
                        "braces" => return cerr("not a chance", a.range),
                        "barry_as_FLUFL" => return cerr("mtpy does not support barry_as_FLUFL", a.range),
                        n if FUTURE_FEATURES.contains(&n) => {}
                        n => return cerr(format!("future feature {n} is not defined"), a.range),
                    }
                }
            }
            Stmt::Expr(e) if i == 0 && matches!(e.value.as_ref(), Expr::StringLiteral(_)) => {}
            _ => at_start = false,
        }
    }
    Ok(annotations)
}

impl<'a> Compiler<'a> {
    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    pub fn compile_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.enter_nested(s.range())?;
        self.set_line(s.range());
        self.compile_stmt_inner(s)?;
        self.leave_nested();
        Ok(())
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.compile_expr(&d.expression)?;
                }
                self.set_line(f.range);
                let Some(scope) = self.st.scope_of(f) else {
                    return cerr("internal compiler error: def without scope", f.range);
                };
                self.compile_function(scope, &f.name.id, Some(&f.parameters), FuncBody::Stmts(&f.body), f.range)?;
                self.compile_annotations(f)?;
                for _ in &f.decorator_list {
                    self.emit(Op::Call(1));
                }
                self.name_op(&f.name.id, Ctx::Store);
            }
            Stmt::ClassDef(c) => self.compile_class(c)?,
            Stmt::Return(r) => {
                if !self.scope().kind.function_like() {
                    return cerr("'return' outside function", r.range);
                }
                if let Some(v) = &r.value {
                    let s = self.scope();
                    if s.is_async && s.is_generator && s.kind == ScopeKind::Function {
                        return cerr("'return' with value in async generator", r.range);
                    }
                    self.compile_expr(v)?;
                    self.set_line(r.range);
                }
                self.compile_return_tail(r.value.is_some(), r.range)?;
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.compile_delete(t)?;
                }
            }
            Stmt::TypeAlias(t) => return cerr("type aliases need Python 3.12", t.range),
            Stmt::Assign(a) => {
                self.compile_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Dup);
                    }
                    self.compile_store(t)?;
                }
            }
            Stmt::AugAssign(a) => self.compile_augassign(a)?,
            Stmt::AnnAssign(a) => self.compile_annassign(a)?,
            Stmt::For(f) => self.compile_for(f)?,
            Stmt::While(w) => self.compile_while(w)?,
            Stmt::If(i) => {
                let end = self.u.b.new_label();
                let mut clauses: Vec<(Option<&'a Expr>, &'a [Stmt])> = vec![(Some(&i.test), &i.body)];
                for c in &i.elif_else_clauses {
                    clauses.push((c.test.as_ref(), &c.body));
                }
                let n = clauses.len();
                for (k, (test, body)) in clauses.into_iter().enumerate() {
                    match test {
                        Some(t) => {
                            let next = self.u.b.new_label();
                            self.compile_jump_if(t, false, next)?;
                            self.compile_body(body)?;
                            if k + 1 < n {
                                self.emit(Op::Jump(end.0));
                            }
                            self.u.b.bind(next);
                        }
                        None => self.compile_body(body)?,
                    }
                }
                self.u.b.bind(end);
            }
            Stmt::With(w) => self.compile_with(w, 0)?,
            Stmt::Match(m) => self.compile_match(m)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.compile_expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.compile_expr(c)?;
                        n = 2;
                    }
                }
                self.set_line(r.range);
                self.emit(Op::Raise(n));
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() && t.is_star {
                    self.compile_try_star(t)?;
                } else if t.finalbody.is_empty() {
                    self.compile_try_except(t)?;
                } else {
                    self.compile_try_finally(t)?;
                }
            }
            Stmt::Assert(a) => {
                let end = self.u.b.new_label();
                self.compile_jump_if(&a.test, true, end)?;
                // The error points at the test (at the statement for a constant test).
                let constant = super::constant_of(&a.test).is_some();
                self.set_line(if constant { a.range } else { a.test.range() });
                self.emit(Op::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.compile_expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.u.b.bind(end);
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.load_const(Const::Int(0));
                    self.load_none();
                    let n = self.name_index(&a.name.id);
                    self.emit(Op::ImportName(n));
                    match &a.asname {
                        Some(asname) => {
                            for part in a.name.id.split('.').skip(1) {
                                let p = self.name_index(part);
                                self.emit(Op::ImportFrom(p));
                                self.emit(Op::Rot2);
                                self.emit(Op::Pop);
                            }
                            self.name_op(&asname.id, Ctx::Store);
                        }
                        None => {
                            let top = a.name.id.split('.').next().unwrap_or("");
                            self.name_op(top, Ctx::Store);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                self.load_const(Const::Int(i64::from(i.level)));
                let names: Vec<Const> = i.names.iter().map(|a| Const::Str(Rc::from(a.name.id.as_str()))).collect();
                self.load_const(Const::Tuple(names.into()));
                let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
                let n = self.name_index(module);
                self.emit(Op::ImportName(n));
                if i.names.len() == 1 && &*i.names[0].name.id == "*" {
                    self.emit(Op::ImportStar);
                } else {
                    for a in &i.names {
                        let k = self.name_index(&a.name.id);
                        self.emit(Op::ImportFrom(k));
                        let stored = a.asname.as_ref().unwrap_or(&a.name);
                        self.name_op(&stored.id, Ctx::Store);
                    }
                    self.emit(Op::Pop);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) => {
                if self.interactive && self.scope().kind == ScopeKind::Module {
                    self.compile_expr(&e.value)?;
                    self.emit(Op::PrintExpr);
                } else if constant_of(&e.value).is_none() {
                    self.compile_expr(&e.value)?;
                    self.emit(Op::Pop);
                }
            }
            Stmt::Break(b) => self.compile_break_continue(true, b.range)?,
            Stmt::Continue(c) => self.compile_break_continue(false, c.range)?,
            Stmt::IpyEscapeCommand(c) => return cerr("invalid syntax", c.range),
        }
        Ok(())
    }

    /// Sets `__annotations__` of the function on the stack (left there) from `f`'s parameter
    /// and return annotations, if it has any.
    fn compile_annotations(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        let anns = annotations_of(f);
        if anns.is_empty() {
            return Ok(());
        }
        self.emit(Op::Dup);
        for (name, e) in &anns {
            let n = self.mangle(name);
            self.load_const(Const::Str(Rc::from(n)));
            if self.future_annotations {
                let text = self.source.get(e.range().to_std_range()).unwrap_or("").to_string();
                self.load_const(Const::Str(Rc::from(text)));
            } else if let Expr::Starred(st) = e {
                // `*args: *Ts`: the one item unpacked from `Ts`, as CPython does.
                self.compile_expr(&st.value)?;
                self.emit(Op::UnpackSequence(1));
            } else {
                self.compile_expr(e)?;
            }
        }
        self.emit(Op::BuildMap(anns.len() as u32));
        self.emit(Op::Rot2);
        let k = self.name_index("__annotations__");
        self.emit(Op::StoreAttr(k));
        Ok(())
    }

    /// Compiles a function or lambda whose scope is `scope`; leaves the function on the stack.
    pub fn compile_function(
        &mut self,
        scope: usize,
        name: &str,
        params: Option<&'a ast::Parameters>,
        body: FuncBody<'a>,
        range: TextRange,
    ) -> CResult<()> {
        let mut ac = ArgCounts::default();
        let (mut defaults, mut kwdefaults) = (false, false);
        if let Some(p) = params {
            ac.posonly = p.posonlyargs.len() as u32;
            ac.argcount = ac.posonly + p.args.len() as u32;
            ac.kwonly = p.kwonlyargs.len() as u32;
            ac.varargs = p.vararg.is_some();
            ac.varkw = p.kwarg.is_some();
            let pos: Vec<&'a Expr> =
                p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
            if !pos.is_empty() {
                let consts: Option<Vec<Const>> = pos.iter().map(|e| constant_of(e)).collect();
                match consts {
                    Some(cs) => self.load_const(Const::Tuple(cs.into())),
                    None => {
                        for d in &pos {
                            self.compile_expr(d)?;
                        }
                        self.emit(Op::BuildTuple(pos.len() as u32));
                    }
                }
                defaults = true;
            }
            let mut nkw = 0;
            for a in p.kwonlyargs.iter() {
                if let Some(d) = &a.default {
                    let n = self.mangle(&a.parameter.name.id);
                    self.load_const(Const::Str(Rc::from(n)));
                    self.compile_expr(d)?;
                    nkw += 1;
                }
            }
            if nkw > 0 {
                self.emit(Op::BuildMap(nkw));
                kwdefaults = true;
            }
        }
        let is_async = self.st.scopes[scope].is_async;
        let is_gen = self.st.scopes[scope].is_generator;
        let kind = if is_gen || is_async { CodeKind::Generator } else { CodeKind::Function };
        let flavor = match (is_async, is_gen) {
            (false, _) => GenFlavor::Plain,
            (true, false) => GenFlavor::Coroutine,
            (true, true) => GenFlavor::AsyncGen,
        };
        let qualname = self.qualname_for(name);
        let line = self.line_of(range.start());
        let mut unit = self.make_unit(scope, kind, name, &qualname, line, ac);
        unit.flavor = flavor;
        let free = unit.free_names.clone();
        self.push_unit(unit);
        let r = match body {
            FuncBody::Stmts(stmts) => {
                self.u.doc = docstring(stmts);
                let skip = usize::from(self.u.doc.is_some());
                let r = self.compile_body(&stmts[skip..]);
                if r.is_ok() {
                    self.load_none();
                    self.emit(Op::Return);
                }
                r
            }
            FuncBody::Expr(e) => {
                let r = self.compile_expr(e);
                if r.is_ok() {
                    if is_gen {
                        self.emit(Op::Pop);
                        self.load_none();
                    }
                    self.emit(Op::Return);
                }
                r
            }
        };
        if let Err(e) = r {
            let _ = self.pop_unit(range);
            return Err(e);
        }
        let code = self.pop_unit(range)?;
        self.u.b.line = line;
        let closure = self.emit_closure(&free, range)?;
        let k = self.u.b.add_const(Const::Code(code));
        self.emit(Op::MakeFunction { code: k, defaults, kwdefaults, closure });
        Ok(())
    }

    fn compile_class(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.compile_expr(&d.expression)?;
        }
        self.set_line(c.range);
        let Some(scope) = self.st.scope_of(c) else {
            return cerr("internal compiler error: class without scope", c.range);
        };
        self.emit(Op::LoadBuildClass);
        let name = c.name.id.as_str();
        let qualname = self.qualname_for(name);
        let line = self.line_of(c.range.start());
        let unit = self.make_unit(scope, CodeKind::Class, name, &qualname, line, ArgCounts::default());
        let free = unit.free_names.clone();
        self.push_unit(unit);
        let r = self.class_body(c, &qualname);
        if let Err(e) = r {
            let _ = self.pop_unit(c.range);
            return Err(e);
        }
        let code = self.pop_unit(c.range)?;
        self.u.b.line = line;
        let closure = self.emit_closure(&free, c.range)?;
        let k = self.u.b.add_const(Const::Code(code));
        self.emit(Op::MakeFunction { code: k, defaults: false, kwdefaults: false, closure });
        self.load_const(Const::Str(Rc::from(name)));
        match &c.arguments {
            Some(args) => self.compile_call_args(args, 2)?,
            None => self.emit(Op::Call(2)),
        }
        for _ in &c.decorator_list {
            self.emit(Op::Call(1));
        }
        self.name_op(name, Ctx::Store);
        Ok(())
    }

    fn class_body(&mut self, c: &'a ast::StmtClassDef, qualname: &str) -> CResult<()> {
        let store = |this: &mut Self, n: &str| {
            let k = this.name_index(n);
            this.emit(Op::StoreName(k));
        };
        let k = self.name_index("__name__");
        self.emit(Op::LoadName(k));
        store(self, "__module__");
        self.load_const(Const::Str(Rc::from(qualname)));
        store(self, "__qualname__");
        self.u.doc = docstring(&c.body);
        if let Some(d) = self.u.doc.clone() {
            self.load_const(Const::Str(d));
            store(self, "__doc__");
        }
        if has_annotations(&c.body) {
            self.emit(Op::BuildMap(0));
            store(self, "__annotations__");
        }
        let skip = usize::from(self.u.doc.is_some());
        self.compile_body(&c.body[skip..])?;
        match self.u.deref.get("__class__").copied() {
            Some(slot) if self.scope().needs_class_closure => {
                self.emit(Op::LoadClosure(slot));
                self.emit(Op::Dup);
                store(self, "__classcell__");
            }
            _ => self.load_none(),
        }
        self.emit(Op::Return);
        Ok(())
    }

    fn compile_augassign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = Op::Binary { op: binop(a.op), inplace: true };
        match a.target.as_ref() {
            Expr::Name(n) => {
                self.name_op(&n.id, Ctx::Load);
                self.compile_expr(&a.value)?;
                self.set_line(a.range);
                self.emit(op);
                self.name_op(&n.id, Ctx::Store);
            }
            Expr::Attribute(at) => {
                self.compile_expr(&at.value)?;
                // Reading and writing the target point at it, the operation at the statement.
                self.set_line(at.range);
                self.emit(Op::Dup);
                let k = self.attr_name(&at.attr.id);
                self.emit(Op::LoadAttr(k));
                self.compile_expr(&a.value)?;
                self.set_line(a.range);
                self.emit(op);
                self.set_line(at.range);
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(k));
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.set_line(s.range);
                self.emit(Op::Dup2);
                self.emit(Op::BinarySubscr);
                self.compile_expr(&a.value)?;
                self.set_line(a.range);
                self.emit(op);
                self.set_line(s.range);
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            other => {
                return cerr(
                    format!("'{}' is an illegal expression for augmented assignment", super::symtable::describe(other)),
                    other.range(),
                );
            }
        }
        Ok(())
    }

    fn compile_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.compile_expr(v)?;
            self.compile_store(&a.target)?;
        }
        let module_or_class = !self.scope().kind.function_like();
        match a.target.as_ref() {
            Expr::Name(n) if a.simple => {
                if module_or_class {
                    if self.future_annotations {
                        let text = self.source.get(a.annotation.range().to_std_range()).unwrap_or("").to_string();
                        self.load_const(Const::Str(Rc::from(text)));
                    } else {
                        self.compile_expr(&a.annotation)?;
                    }
                    let k = self.name_index("__annotations__");
                    self.emit(if self.scope().kind == ScopeKind::Module { Op::LoadGlobal(k) } else { Op::LoadName(k) });
                    let m = self.mangle(&n.id);
                    self.load_const(Const::Str(Rc::from(m)));
                    self.emit(Op::StoreSubscr);
                }
            }
            target => {
                if a.value.is_none() {
                    match target {
                        Expr::Attribute(at) => {
                            self.compile_expr(&at.value)?;
                            self.emit(Op::Pop);
                        }
                        Expr::Subscript(s) => {
                            self.compile_expr(&s.value)?;
                            self.emit(Op::Pop);
                            self.compile_expr(&s.slice)?;
                            self.emit(Op::Pop);
                        }
                        _ => {}
                    }
                }
                if module_or_class && !self.future_annotations {
                    self.compile_expr(&a.annotation)?;
                    self.emit(Op::Pop);
                }
            }
        }
        Ok(())
    }

    fn compile_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if f.is_async {
            return self.compile_async_for(f);
        }
        self.compile_expr(&f.iter)?;
        self.set_line(f.range);
        self.emit(Op::GetIter);
        let with_iter = self.u.b.depth();
        let head = self.u.b.new_label();
        let orelse = self.u.b.new_label();
        let end = self.u.b.new_label();
        self.u.b.bind(head);
        self.emit(Op::ForIter(orelse.0));
        let fresh = fresh_iterable(&f.iter);
        let close = self.u.b.new_label();
        if fresh {
            self.u.b.push_handler(close, with_iter);
        }
        self.push_fblock(FBlock::For { head, exit: end, fresh }, f.range)?;
        self.compile_store(&f.target)?;
        self.compile_body(&f.body)?;
        self.u.fblocks.pop();
        self.set_line(f.range);
        self.emit(Op::JumpBack(head.0));
        if fresh {
            self.close_on_exception(close);
        }
        self.u.b.bind(orelse);
        self.compile_body(&f.orelse)?;
        self.u.b.bind(end);
        Ok(())
    }

    /// `async for`: `[aiter]` while it runs; each step awaits `aiter.__anext__()` under a
    /// handler whose StopAsyncIteration ends the loop (`EndAsyncFor`).
    fn compile_async_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        self.compile_expr(&f.iter)?;
        self.set_line(f.range);
        self.emit(Op::GetAIter);
        let head = self.u.b.new_label();
        let stop = self.u.b.new_label();
        let end = self.u.b.new_label();
        self.u.b.bind(head);
        self.async_for_next(stop);
        self.push_fblock(FBlock::For { head, exit: end, fresh: false }, f.range)?;
        self.compile_store(&f.target)?;
        self.compile_body(&f.body)?;
        self.u.fblocks.pop();
        self.set_line(f.range);
        self.emit(Op::JumpBack(head.0));
        self.u.b.bind(stop);
        self.emit(Op::EndAsyncFor);
        self.compile_body(&f.orelse)?;
        self.u.b.bind(end);
        Ok(())
    }

    fn compile_while(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let head = self.u.b.new_label();
        let orelse = self.u.b.new_label();
        let end = self.u.b.new_label();
        self.u.b.bind(head);
        self.compile_jump_if(&w.test, false, orelse)?;
        self.push_fblock(FBlock::While { head, exit: end }, w.range)?;
        self.compile_body(&w.body)?;
        self.u.fblocks.pop();
        self.set_line(w.range);
        self.emit(Op::JumpBack(head.0));
        self.u.b.bind(orelse);
        self.compile_body(&w.orelse)?;
        self.u.b.bind(end);
        Ok(())
    }

    fn compile_break_continue(&mut self, is_break: bool, r: TextRange) -> CResult<()> {
        let has_loop = self.u.fblocks.iter().any(|f| matches!(f, FBlock::While { .. } | FBlock::For { .. }));
        if !has_loop {
            return cerr(if is_break { "'break' outside loop" } else { "'continue' not properly in loop" }, r);
        }
        let (found, popped) = self.unwind_fblocks(false, true, r);
        let result = match found {
            Ok(Some((head, exit, is_for))) => {
                if is_break {
                    let fresh = is_for && matches!(self.u.fblocks.last(), Some(FBlock::For { fresh: true, .. }));
                    if fresh {
                        // Outside the loop's own handler: the iterator is closed, then gone.
                        let h = self.u.b.pop_handler();
                        self.pop_iterator(true);
                        self.emit(Op::Jump(exit.0));
                        self.u.b.resume_handler(h);
                    } else {
                        if is_for {
                            self.emit(Op::Pop);
                        }
                        self.emit(Op::Jump(exit.0));
                    }
                } else {
                    self.emit(Op::JumpBack(head.0));
                }
                Ok(())
            }
            Ok(None) => cerr("internal compiler error: loop not found", r),
            Err(e) => Err(e),
        };
        self.restore_fblocks(popped);
        result
    }

    /// `return`: the value (if any) is on the stack when `has_value`.
    pub fn compile_return_tail(&mut self, has_value: bool, r: TextRange) -> CResult<()> {
        let (found, popped) = self.unwind_fblocks(has_value, false, r);
        if found.is_ok() {
            if !has_value {
                self.load_none();
            }
            self.emit(Op::Return);
        }
        self.restore_fblocks(popped);
        found.map(|_| ())
    }

    /// Emits the code that leaves the blocks of the current unit (all of them, or down to the
    /// innermost loop when `to_loop`), keeping the value on top of the stack if `preserve`.
    /// Returns the loop's head and exit labels and whether it is a `for`, and the blocks
    /// left, which the caller puts back with `restore_fblocks` once it has emitted its jump
    /// (so the jump is not covered by the handlers of the blocks it leaves).
    #[allow(clippy::type_complexity)]
    pub fn unwind_fblocks(
        &mut self,
        preserve: bool,
        to_loop: bool,
        r: TextRange,
    ) -> (CResult<Option<(super::builder::Label, super::builder::Label, bool)>>, Vec<(FBlock<'a>, Vec<usize>)>) {
        let mut popped: Vec<(FBlock<'a>, Vec<usize>)> = Vec::new();
        let mut found = None;
        while let Some(top) = self.u.fblocks.last() {
            match *top {
                FBlock::While { head, exit } if to_loop => {
                    found = Some((head, exit, false));
                    break;
                }
                FBlock::For { head, exit, .. } if to_loop => {
                    found = Some((head, exit, true));
                    break;
                }
                _ => {}
            }
            let Some(fb) = self.u.fblocks.pop() else { break };
            let hs: Vec<usize> = (0..fb.handlers()).map(|_| self.u.b.pop_handler()).collect();
            let result = self.unwind_one(&fb, preserve, r);
            popped.push((fb, hs));
            if let Err(e) = result {
                return (Err(e), popped);
            }
        }
        (Ok(found), popped)
    }

    pub fn restore_fblocks(&mut self, popped: Vec<(FBlock<'a>, Vec<usize>)>) {
        for (fb, hs) in popped.into_iter().rev() {
            for h in hs.into_iter().rev() {
                self.u.b.resume_handler(h);
            }
            self.u.fblocks.push(fb);
        }
    }

    fn unwind_one(&mut self, fb: &FBlock<'a>, preserve: bool, r: TextRange) -> CResult<()> {
        match fb {
            FBlock::While { .. } | FBlock::TryExcept => {}
            FBlock::For { .. } | FBlock::PopValue => {
                if preserve {
                    self.emit(Op::Rot2);
                }
                self.pop_iterator(matches!(fb, FBlock::For { fresh: true, .. }));
            }
            FBlock::FinallyTry { body } => {
                if preserve {
                    self.push_fblock(FBlock::PopValue, r)?;
                }
                self.compile_body(body)?;
                if preserve {
                    self.u.fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                if preserve {
                    self.emit(Op::Rot3);
                }
                self.emit(Op::Pop);
                self.emit(Op::PopExcept);
            }
            FBlock::ExceptBody { name } => {
                if preserve {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::PopExcept);
                if let Some(n) = name {
                    self.load_none();
                    self.name_op(n, Ctx::Store);
                    self.name_op(n, Ctx::Del);
                }
            }
            FBlock::With | FBlock::AsyncWith => {
                if preserve {
                    self.emit(Op::Rot2);
                }
                self.call_exit_none_awaiting(matches!(fb, FBlock::AsyncWith));
            }
        }
        Ok(())
    }

    /// The handler at `close` of a loop over a new iterator, after the loop's code:
    /// `[iterator, exc]`: an exception leaves the loop; close the iterator, re-raise.
    pub(super) fn close_on_exception(&mut self, close: super::builder::Label) {
        self.u.b.pop_handler();
        self.u.b.bind(close);
        self.emit(Op::Rot2);
        self.pop_iterator(true);
        self.emit(Op::Reraise);
    }

    /// `[iterator] -> []` when a loop is left early (`break`, `return`): an iterator only
    /// the loop refers to is closed if it is a generator (builtin `__close_iter__`), so its
    /// `finally` blocks run then, as in CPython.
    pub(super) fn pop_iterator(&mut self, fresh: bool) {
        if fresh {
            self.emit(Op::CloseIter);
        }
        self.emit(Op::Pop);
    }

    /// `[exit] -> []`: `exit(None, None, None)`.
    /// `[exit] -> []`: `exit(None, None, None)`, awaited for `async with`.
    fn call_exit_none_awaiting(&mut self, is_async: bool) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(Op::Call(3));
        if is_async {
            self.emit_await();
        }
        self.emit(Op::Pop);
    }

    fn compile_try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let handler = self.u.b.new_label();
        let end = self.u.b.new_label();
        let base = self.u.b.depth();
        self.u.b.push_handler(handler, base);
        self.push_fblock(FBlock::TryExcept, t.range)?;
        self.compile_body(&t.body)?;
        self.u.fblocks.pop();
        self.u.b.pop_handler();
        self.compile_body(&t.orelse)?;
        self.emit(Op::Jump(end.0));

        self.u.b.bind(handler);
        self.set_line(t.range);
        self.emit(Op::PushExcInfo);
        let cleanup = self.u.b.new_label();
        let ch = self.u.b.push_handler(cleanup, base + 1);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if h.type_.is_none() && i + 1 < n {
                return cerr("default 'except:' must be last", h.range);
            }
            self.set_line(h.range);
            let next = self.u.b.new_label();
            if let Some(ty) = &h.type_ {
                self.compile_expr(ty)?;
                self.emit(Op::CheckExcMatch);
                self.emit(Op::PopJumpIfFalse(next.0));
            }
            match &h.name {
                Some(name) => {
                    let name = name.id.to_string();
                    self.name_op(&name, Ctx::Store);
                    let body_cleanup = self.u.b.new_label();
                    self.u.b.push_handler(body_cleanup, base + 1);
                    self.push_fblock(FBlock::ExceptBody { name: Some(name.clone()) }, h.range)?;
                    self.compile_body(&h.body)?;
                    self.u.fblocks.pop();
                    self.u.b.pop_handler();
                    self.u.b.pop_handler();
                    self.emit(Op::PopExcept);
                    self.load_none();
                    self.name_op(&name, Ctx::Store);
                    self.name_op(&name, Ctx::Del);
                    self.emit(Op::Jump(end.0));
                    self.u.b.resume_handler(ch);
                    self.u.b.bind(body_cleanup);
                    self.load_none();
                    self.name_op(&name, Ctx::Store);
                    self.name_op(&name, Ctx::Del);
                    self.emit(Op::Reraise);
                }
                None => {
                    self.emit(Op::Pop);
                    self.push_fblock(FBlock::ExceptBody { name: None }, h.range)?;
                    self.compile_body(&h.body)?;
                    self.u.fblocks.pop();
                    self.u.b.pop_handler();
                    self.emit(Op::PopExcept);
                    self.emit(Op::Jump(end.0));
                    self.u.b.resume_handler(ch);
                }
            }
            self.u.b.bind(next);
        }
        self.set_line(t.range);
        self.emit(Op::Reraise);
        self.u.b.pop_handler();
        self.u.b.bind(cleanup);
        self.emit_pop_except_and_reraise();
        self.u.b.bind(end);
        Ok(())
    }

    /// `[prev, exc] -> ` restores `prev` as the handled exception and re-raises `exc`.
    fn emit_pop_except_and_reraise(&mut self) {
        self.emit(Op::Rot2);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
    }

    fn compile_try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let fin = self.u.b.new_label();
        let end = self.u.b.new_label();
        let base = self.u.b.depth();
        self.u.b.push_handler(fin, base);
        self.push_fblock(FBlock::FinallyTry { body: &t.finalbody }, t.range)?;
        if t.handlers.is_empty() {
            self.compile_body(&t.body)?;
        } else if t.is_star {
            self.compile_try_star(t)?;
        } else {
            self.compile_try_except(t)?;
        }
        self.u.fblocks.pop();
        self.u.b.pop_handler();
        self.compile_body(&t.finalbody)?;
        self.emit(Op::Jump(end.0));

        self.u.b.bind(fin);
        self.set_line(t.range);
        self.emit(Op::PushExcInfo);
        let cleanup = self.u.b.new_label();
        self.u.b.push_handler(cleanup, base + 1);
        self.push_fblock(FBlock::FinallyEnd, t.range)?;
        self.compile_body(&t.finalbody)?;
        self.u.fblocks.pop();
        self.emit(Op::Reraise);
        self.u.b.pop_handler();
        self.u.b.bind(cleanup);
        self.emit_pop_except_and_reraise();
        self.u.b.bind(end);
        Ok(())
    }

    fn compile_with(&mut self, w: &'a ast::StmtWith, i: usize) -> CResult<()> {
        let item = &w.items[i];
        let base = self.u.b.depth();
        self.compile_expr(&item.context_expr)?;
        self.set_line(w.range);
        if w.is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit_await();
        } else {
            self.emit(Op::BeforeWith);
        }
        let handler = self.u.b.new_label();
        let end = self.u.b.new_label();
        self.u.b.push_handler(handler, base + 1);
        self.push_fblock(if w.is_async { FBlock::AsyncWith } else { FBlock::With }, w.range)?;
        match &item.optional_vars {
            Some(v) => self.compile_store(v)?,
            None => self.emit(Op::Pop),
        }
        if i + 1 < w.items.len() {
            self.compile_with(w, i + 1)?;
        } else {
            self.compile_body(&w.body)?;
        }
        self.u.fblocks.pop();
        self.u.b.pop_handler();
        self.set_line(w.range);
        self.call_exit_none_awaiting(w.is_async);
        self.emit(Op::Jump(end.0));

        // [exit, exc]
        self.u.b.bind(handler);
        self.emit(Op::PushExcInfo); // [exit, prev, exc]
        self.emit(Op::Rot2); // [exit, exc, prev]
        self.emit(Op::Rot3); // [prev, exit, exc]
        let cleanup = self.u.b.new_label();
        self.u.b.push_handler(cleanup, base + 1);
        self.emit(Op::WithExceptStart); // [prev, exit, exc, res]
        if w.is_async {
            self.emit_await();
        }
        let suppress = self.u.b.new_label();
        self.emit(Op::PopJumpIfTrue(suppress.0));
        self.emit(Op::Reraise);
        self.u.b.bind(suppress); // [prev, exit, exc]
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.u.b.pop_handler();
        self.emit(Op::PopExcept);
        self.emit(Op::Jump(end.0));
        self.u.b.bind(cleanup);
        self.emit_pop_except_and_reraise();
        self.u.b.bind(end);
        Ok(())
    }
}

/// Whether a `for` loop's iterable makes a new iterator that only the loop will refer to: a
/// generator expression, or a call (not of `iter`, which returns its argument's iterator).
pub(super) fn fresh_iterable(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Generator(_) => true,
        ast::Expr::Call(c) => !matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "iter"),
        _ => false,
    }
}
