//! Code generation for `match`: value, literal (`None`/`True`/`False` by identity), capture,
//! wildcard, `as`, or-patterns and guards inline; sequence, mapping and class patterns call
//! hidden builtins (`__match_sequence__`, `__match_mapping__`, `__match_class__`, see
//! `library/matching.rs`) that test the subject's type and return the tuple of values the
//! sub-patterns then match (or None), as CPython's `MATCH_*` opcodes do.
//!
//! Scheme: the subject stays on the stack during the tests; each case works on a `Dup` of it.
//! A pattern consumes the value on top of the stack: on success it falls through, on failure
//! it jumps to the case's fail label, with the value consumed either way.

use ruff_python_ast as ast;
use ruff_text_size::Ranged;

use super::builder::Label;
use super::{cerr, CResult, Compiler, Ctx};
use crate::bytecode::{CmpOp, Const, Op};
use std::rc::Rc;

/// What one value of a structural pattern's tuple is matched with.
enum Sub<'a> {
    /// A sub-pattern.
    Pat(&'a ast::Pattern),
    /// A star or `**rest` capture (`None`: `*_`).
    Store(Option<&'a str>),
}

impl Sub<'_> {
    fn can_fail(&self) -> bool {
        match self {
            Sub::Pat(p) => can_fail(p),
            Sub::Store(_) => false,
        }
    }
}

/// Whether matching `p` may jump to its fail label.
fn can_fail(p: &ast::Pattern) -> bool {
    match p {
        // (`p as name` jumps to the fail label whatever `p` is.)
        ast::Pattern::MatchAs(a) => a.pattern.is_some(),
        ast::Pattern::MatchStar(_) => false,
        ast::Pattern::MatchOr(o) => o.patterns.last().is_some_and(can_fail),
        _ => true,
    }
}

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
            ast::Pattern::MatchSequence(sq) => {
                let stars: Vec<usize> = sq
                    .patterns
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| matches!(p, ast::Pattern::MatchStar(_)))
                    .map(|(i, _)| i)
                    .collect();
                if stars.len() > 1 {
                    return cerr("multiple starred names in sequence pattern", sq.range);
                }
                let n = sq.patterns.len();
                let (before, after) = match stars.first() {
                    Some(&k) => (k, n - k - 1),
                    None => (n, 0),
                };
                let helper = self.u.b.add_name("__match_sequence__");
                self.emit(Op::LoadBuiltin(helper));
                self.emit(Op::Rot2);
                self.load_const(Const::Int(before as i64));
                self.load_const(Const::Int(after as i64));
                self.load_const(Const::Bool(!stars.is_empty()));
                self.emit(Op::Call(4));
                let subs: Vec<Sub<'a>> = sq
                    .patterns
                    .iter()
                    .map(|p| match p {
                        ast::Pattern::MatchStar(st) => {
                            Sub::Store(st.name.as_ref().map(|n| n.id.as_str()).filter(|n| *n != "_"))
                        }
                        p => Sub::Pat(p),
                    })
                    .collect();
                self.match_values(&subs, fail)?;
            }
            ast::Pattern::MatchMapping(m) => {
                let helper = self.u.b.add_name("__match_mapping__");
                self.emit(Op::LoadBuiltin(helper));
                self.emit(Op::Rot2);
                for k in &m.keys {
                    self.compile_expr(k)?;
                }
                self.emit(Op::BuildTuple(m.keys.len() as u32));
                self.load_const(Const::Bool(m.rest.is_some()));
                self.emit(Op::Call(3));
                let mut subs: Vec<Sub<'a>> = m.patterns.iter().map(Sub::Pat).collect();
                if let Some(r) = &m.rest {
                    subs.push(Sub::Store(Some(r.id.as_str())));
                }
                self.match_values(&subs, fail)?;
            }
            ast::Pattern::MatchClass(c) => {
                let helper = self.u.b.add_name("__match_class__");
                self.emit(Op::LoadBuiltin(helper));
                self.emit(Op::Rot2);
                self.compile_expr(&c.cls)?;
                let args = &c.arguments;
                self.load_const(Const::Int(args.patterns.len() as i64));
                let names: Vec<Const> =
                    args.keywords.iter().map(|k| Const::Str(Rc::from(k.attr.id.as_str()))).collect();
                self.load_const(Const::Tuple(names.into()));
                self.emit(Op::Call(4));
                let mut subs: Vec<Sub<'a>> = args.patterns.iter().map(Sub::Pat).collect();
                subs.extend(args.keywords.iter().map(|k| Sub::Pat(&k.pattern)));
                self.match_values(&subs, fail)?;
            }
            ast::Pattern::MatchStar(s) => return cerr("can't use starred name here", s.range),
        }
        self.leave_nested();
        Ok(())
    }

    /// `[result] -> []`: a structural pattern's helper result, None (fail) or the tuple of
    /// values `subs` match in order.
    fn match_values(&mut self, subs: &[Sub<'a>], fail: Label) -> CResult<()> {
        let n = subs.len();
        // cleanup[k]: pops k values then fails (the values of the sub-patterns not tried yet).
        let top = subs
            .iter()
            .enumerate()
            .filter(|(_, s)| s.can_fail())
            .map(|(i, _)| n - 1 - i)
            .max()
            .unwrap_or(0)
            .max(1);
        let cleanup: Vec<Label> = (0..=top).map(|_| self.u.b.new_label()).collect();
        let ok = self.u.b.new_label();
        self.emit(Op::Dup);
        self.load_const(Const::None);
        self.emit(Op::Compare(CmpOp::Is));
        self.emit(Op::PopJumpIfTrue(cleanup[1].0));
        if n == 0 {
            self.emit(Op::Pop);
        } else {
            self.emit(Op::UnpackSequence(n as u32));
        }
        for (i, sub) in subs.iter().enumerate() {
            let left = n - 1 - i;
            let target = if left == 0 { fail } else { cleanup.get(left).copied().unwrap_or(fail) };
            match sub {
                Sub::Pat(p) => self.compile_pattern(p, target)?,
                Sub::Store(Some(name)) => self.name_op(name, Ctx::Store),
                Sub::Store(None) => self.emit(Op::Pop),
            }
        }
        self.emit(Op::Jump(ok.0));
        for k in (1..=top).rev() {
            self.u.b.bind(cleanup[k]);
            self.emit(Op::Pop);
        }
        self.emit(Op::Jump(fail.0));
        self.u.b.bind(ok);
        Ok(())
    }
}
