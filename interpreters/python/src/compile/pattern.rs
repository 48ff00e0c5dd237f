//! Code generation for `match`: value, literal (`None`/`True`/`False` by identity), capture,
//! wildcard, `as`, or-patterns and guards. Sequence, mapping and class patterns need type
//! tests the bytecode does not have (`MATCH_SEQUENCE`, `MATCH_MAPPING`, `MATCH_CLASS`,
//! `GET_LEN`, `MATCH_KEYS` in CPython) and are reported as SyntaxErrors for now.
//!
//! Scheme: the subject stays on the stack during the tests; each case works on a `Dup` of it.
//! A pattern consumes the value on top of the stack: on success it falls through, on failure
//! it jumps to the case's fail label, with the value consumed either way.

use ruff_python_ast as ast;
use ruff_text_size::Ranged;

use super::builder::Label;
use super::{cerr, CResult, Compiler, Ctx};
use crate::bytecode::{CmpOp, Const, Op};

fn irrefutable(p: &ast::Pattern) -> bool {
    match p {
        ast::Pattern::MatchAs(a) => a.pattern.as_deref().is_none_or(irrefutable),
        ast::Pattern::MatchOr(o) => o.patterns.iter().any(irrefutable),
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    pub fn compile_match(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.compile_expr(&m.subject)?;
        let end = self.u.b.new_label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            if i + 1 < n && case.guard.is_none() && irrefutable(&case.pattern) {
                let msg = match &case.pattern {
                    ast::Pattern::MatchAs(ast::PatternMatchAs { name: Some(name), .. }) => {
                        format!("name capture '{}' makes remaining patterns unreachable", name.id)
                    }
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return cerr(msg, case.pattern.range());
            }
            self.set_line(case.range);
            let fail = self.u.b.new_label();
            self.emit(Op::Dup);
            self.compile_pattern(&case.pattern, fail)?;
            if let Some(g) = &case.guard {
                self.compile_jump_if(g, false, fail)?;
            }
            self.emit(Op::Pop);
            self.compile_body(&case.body)?;
            self.emit(Op::Jump(end.0));
            self.u.b.bind(fail);
        }
        self.set_line(m.range);
        self.emit(Op::Pop);
        self.u.b.bind(end);
        Ok(())
    }

    fn compile_pattern(&mut self, p: &'a ast::Pattern, fail: Label) -> CResult<()> {
        self.enter_nested(p.range())?;
        match p {
            ast::Pattern::MatchValue(v) => {
                self.compile_expr(&v.value)?;
                self.emit(Op::Compare(CmpOp::Eq));
                self.emit(Op::PopJumpIfFalse(fail.0));
            }
            ast::Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                });
                self.emit(Op::Compare(CmpOp::Is));
                self.emit(Op::PopJumpIfFalse(fail.0));
            }
            ast::Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.emit(Op::Pop),
                (None, Some(n)) => self.name_op(&n.id, Ctx::Store),
                (Some(inner), name) => {
                    let inner_fail = self.u.b.new_label();
                    let ok = self.u.b.new_label();
                    self.emit(Op::Dup);
                    self.compile_pattern(inner, inner_fail)?;
                    match name {
                        Some(n) => self.name_op(&n.id, Ctx::Store),
                        None => self.emit(Op::Pop),
                    }
                    self.emit(Op::Jump(ok.0));
                    self.u.b.bind(inner_fail);
                    self.emit(Op::Pop);
                    self.emit(Op::Jump(fail.0));
                    self.u.b.bind(ok);
                }
            },
            ast::Pattern::MatchOr(o) => {
                let ok = self.u.b.new_label();
                let n = o.patterns.len();
                for (i, alt) in o.patterns.iter().enumerate() {
                    if i + 1 < n {
                        let next = self.u.b.new_label();
                        self.emit(Op::Dup);
                        self.compile_pattern(alt, next)?;
                        self.emit(Op::Pop);
                        self.emit(Op::Jump(ok.0));
                        self.u.b.bind(next);
                    } else {
                        self.compile_pattern(alt, fail)?;
                    }
                }
                self.u.b.bind(ok);
            }
            ast::Pattern::MatchSequence(s) => return cerr("sequence patterns are not supported by mtpy yet", s.range),
            ast::Pattern::MatchMapping(m) => return cerr("mapping patterns are not supported by mtpy yet", m.range),
            ast::Pattern::MatchClass(c) => return cerr("class patterns are not supported by mtpy yet", c.range),
            ast::Pattern::MatchStar(s) => return cerr("can't use starred name here", s.range),
        }
        self.leave_nested();
        Ok(())
    }
}
