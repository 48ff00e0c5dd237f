//! Code generation for `try`/`except*` (exception groups). The splitting and regrouping
//! (CPython's `CHECK_EG_MATCH` and `PREP_RERAISE_STAR`) are builtin helpers
//! (`library::matching`) working on a state object kept on the stack: `__exc_star_start__`
//! makes it from the caught exception, `__exc_star_match__` splits off what a clause's types
//! match (None: nothing), `__exc_star_raised__` records what a clause body raised, and
//! `__exc_star_end__` gives what is left to raise (None: everything was handled).

use ruff_python_ast::{self as ast, Stmt};

use super::{cerr, CResult, Compiler, Ctx, FBlock};
use crate::bytecode::{CmpOp, Op};

/// The first `break`, `continue` or `return` of `body` that would leave an `except*` block.
fn leaving_stmt(body: &[Stmt], in_loop: bool) -> Option<ruff_text_size::TextRange> {
    for s in body {
        let found = match s {
            Stmt::Break(b) if !in_loop => Some(b.range),
            Stmt::Continue(c) if !in_loop => Some(c.range),
            Stmt::Return(r) => Some(r.range),
            Stmt::For(f) => leaving_stmt(&f.body, true).or_else(|| leaving_stmt(&f.orelse, in_loop)),
            Stmt::While(w) => leaving_stmt(&w.body, true).or_else(|| leaving_stmt(&w.orelse, in_loop)),
            Stmt::If(i) => leaving_stmt(&i.body, in_loop)
                .or_else(|| i.elif_else_clauses.iter().find_map(|c| leaving_stmt(&c.body, in_loop))),
            Stmt::With(w) => leaving_stmt(&w.body, in_loop),
            Stmt::Try(t) => leaving_stmt(&t.body, in_loop)
                .or_else(|| {
                    t.handlers.iter().find_map(|h| {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        leaving_stmt(&h.body, in_loop)
                    })
                })
                .or_else(|| leaving_stmt(&t.orelse, in_loop))
                .or_else(|| leaving_stmt(&t.finalbody, in_loop)),
            Stmt::Match(m) => m.cases.iter().find_map(|c| leaving_stmt(&c.body, in_loop)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

impl<'a> Compiler<'a> {
    /// `try: ... except* T as e: ...` (with `else`; a `finally` wraps this).
    pub fn compile_try_star(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if h.type_.is_none() {
                return cerr("expected one or more exception types", h.range);
            }
            if let Some(r) = leaving_stmt(&h.body, false) {
                return cerr("'break', 'continue' and 'return' cannot appear in an except* block", r);
            }
        }
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

        // [exc] -> [prev, state]
        self.u.b.bind(handler);
        self.set_line(t.range);
        self.emit(Op::PushExcInfo);
        let cleanup = self.u.b.new_label();
        let ch = self.u.b.push_handler(cleanup, base + 1);
        self.load_builtin("__exc_star_start__");
        self.emit(Op::Rot2);
        self.emit(Op::Call(1));
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let next = self.u.b.new_label();
            let skip = self.u.b.new_label();
            // [prev, state] -> [prev, state, match]
            self.emit(Op::Dup);
            self.load_builtin("__exc_star_match__");
            self.emit(Op::Rot2);
            if let Some(ty) = &h.type_ {
                self.compile_expr(ty)?;
            }
            self.emit(Op::Call(2));
            self.emit(Op::Dup);
            self.load_none();
            self.emit(Op::Compare(CmpOp::Is));
            self.emit(Op::PopJumpIfTrue(skip.0));
            // [prev, state, prev2, match]: the match is the exception being handled.
            self.emit(Op::PushExcInfo);
            let body_cleanup = self.u.b.new_label();
            self.u.b.push_handler(body_cleanup, base + 3);
            let name = h.name.as_ref().map(|n| n.id.to_string());
            match &name {
                Some(n) => self.name_op(n, Ctx::Store),
                None => self.emit(Op::Pop),
            }
            self.push_fblock(FBlock::ExceptBody { name: name.clone() }, h.range)?;
            self.compile_body(&h.body)?;
            self.u.fblocks.pop();
            self.u.b.pop_handler();
            self.emit(Op::PopExcept);
            self.clear_name(name.as_deref());
            self.emit(Op::Jump(next.0));
            // [prev, state, prev2, raised]: record what the body raised.
            self.u.b.bind(body_cleanup);
            self.clear_name(name.as_deref());
            self.emit(Op::Rot2);
            self.emit(Op::PopExcept);
            self.emit(Op::Dup2);
            self.load_builtin("__exc_star_raised__");
            self.emit(Op::Rot3);
            self.emit(Op::Call(2));
            self.emit(Op::Pop);
            self.emit(Op::Pop);
            self.emit(Op::Jump(next.0));
            self.u.b.bind(skip);
            self.emit(Op::Pop);
            self.u.b.bind(next);
        }
        // [prev, state] -> [prev, rest]: raise what is left, if anything.
        self.set_line(t.range);
        self.load_builtin("__exc_star_end__");
        self.emit(Op::Rot2);
        self.emit(Op::Call(1));
        let done = self.u.b.new_label();
        self.emit(Op::Dup);
        self.load_none();
        self.emit(Op::Compare(CmpOp::Is));
        self.emit(Op::PopJumpIfTrue(done.0));
        self.emit(Op::Reraise);
        self.u.b.bind(done);
        self.emit(Op::Pop);
        self.u.b.pop_handler();
        let _ = ch;
        self.emit(Op::PopExcept);
        self.emit(Op::Jump(end.0));
        self.u.b.bind(cleanup);
        self.emit(Op::Rot2);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.u.b.bind(end);
        Ok(())
    }

    /// `[] -> [helper]`: builtin `name` (see `Op::LoadBuiltin`).
    pub fn load_builtin(&mut self, name: &str) {
        let n = self.name_index(name);
        self.emit(Op::LoadBuiltin(n));
    }

    /// `name = None; del name` after an `except ... as name` body.
    fn clear_name(&mut self, name: Option<&str>) {
        if let Some(n) = name {
            self.load_none();
            self.name_op(n, Ctx::Store);
            self.name_op(n, Ctx::Del);
        }
    }
}
