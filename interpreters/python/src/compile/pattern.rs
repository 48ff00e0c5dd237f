//! Code generation for `match`: value, literal (`None`/`True`/`False` by identity), capture,
//! wildcard, `as`, or-patterns, guards, and sequence, mapping and class patterns. The type
//! tests of the last three (CPython's `MATCH_SEQUENCE`, `MATCH_MAPPING`, `MATCH_CLASS`,
//! `GET_LEN`, `MATCH_KEYS`) are builtin helpers (`library::matching`) loaded with
//! `LoadBuiltin`: each returns the tuple of values the sub-patterns match, or None.
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
            ast::Pattern::MatchSequence(s) => {
                let stars: Vec<usize> =
                    s.patterns.iter().enumerate().filter(|(_, q)| q.is_match_star()).map(|(i, _)| i).collect();
                if stars.len() > 1 {
                    return cerr("multiple starred names in sequence pattern", s.range);
                }
                let star = stars.first().map_or(-1, |&i| i as i64);
                self.load_builtin("__match_sequence__");
                self.emit(Op::Rot2);
                self.load_const(Const::Int(s.patterns.len() as i64));
                self.load_const(Const::Int(star));
                self.emit(Op::Call(3));
                let subs: Vec<&'a ast::Pattern> = s.patterns.iter().collect();
                self.match_values(&subs, fail)?;
            }
            ast::Pattern::MatchMapping(m) => {
                // Literal keys must differ (compared as Python compares them: 1 == 1.0 == True).
                let mut seen: Vec<String> = Vec::new();
                for k in m.keys.iter() {
                    let Some(c) = super::constant_of(k) else { continue };
                    let (key, shown) = match &c {
                        Const::Str(t) => (format!("s{t}"), crate::builtins::repr_str(t)),
                        Const::Int(i) => (format!("n{i}"), i.to_string()),
                        Const::BigInt(d) => (format!("n{d}"), d.clone()),
                        Const::Bool(b) => (format!("n{}", *b as i64), if *b { "True" } else { "False" }.into()),
                        Const::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => {
                            (format!("n{}", *f as i64), crate::format::float_repr(*f))
                        }
                        Const::Float(f) => (format!("f{f}"), crate::format::float_repr(*f)),
                        Const::None => ("None".into(), "None".into()),
                        _ => continue,
                    };
                    if seen.contains(&key) {
                        return cerr(format!("mapping pattern checks duplicate key ({shown})"), k.range());
                    }
                    seen.push(key);
                }
                self.load_builtin("__match_mapping__");
                self.emit(Op::Rot2);
                for k in m.keys.iter() {
                    self.compile_expr(k)?;
                }
                self.emit(Op::BuildTuple(m.keys.len() as u32));
                self.load_const(Const::Bool(m.rest.is_some()));
                self.emit(Op::Call(3));
                let subs: Vec<&'a ast::Pattern> = m.patterns.iter().collect();
                self.match_values_then(&subs, m.rest.as_ref().map(|r| r.id.as_str()), fail)?;
            }
            ast::Pattern::MatchClass(c) => {
                let names: Vec<&str> = c.arguments.keywords.iter().map(|k| k.attr.id.as_str()).collect();
                for (i, k) in c.arguments.keywords.iter().enumerate() {
                    if names[..i].contains(&k.attr.id.as_str()) {
                        return cerr(format!("attribute name repeated in class pattern: {}", k.attr.id), k.attr.range);
                    }
                }
                self.load_builtin("__match_class__");
                self.emit(Op::Rot2);
                self.compile_expr(&c.cls)?;
                self.load_const(Const::Int(c.arguments.patterns.len() as i64));
                let names: Vec<Const> = names.iter().map(|n| Const::Str(std::rc::Rc::from(*n))).collect();
                self.load_const(Const::Tuple(names.into()));
                self.emit(Op::Call(4));
                let subs: Vec<&'a ast::Pattern> =
                    c.arguments.patterns.iter().chain(c.arguments.keywords.iter().map(|k| &k.pattern)).collect();
                self.match_values(&subs, fail)?;
            }
            ast::Pattern::MatchStar(s) => return cerr("can't use starred name here", s.range),
        }
        self.leave_nested();
        Ok(())
    }

    /// `[values_or_none] -> `: None jumps to `fail`; otherwise the tuple's items are matched
    /// against `subs` in order (a `*name` takes its item whole).
    fn match_values(&mut self, subs: &[&'a ast::Pattern], fail: Label) -> CResult<()> {
        self.match_values_then(subs, None, fail)
    }

    /// As `match_values`, with one more item after them stored in `rest` (`**rest`).
    fn match_values_then(&mut self, subs: &[&'a ast::Pattern], rest: Option<&str>, fail: Label) -> CResult<()> {
        let ok = self.u.b.new_label();
        self.emit(Op::Dup);
        self.load_none();
        self.emit(Op::Compare(CmpOp::Is));
        self.emit(Op::PopJumpIfFalse(ok.0));
        self.emit(Op::Pop);
        self.emit(Op::Jump(fail.0));
        self.u.b.bind(ok);
        let n = subs.len() + rest.is_some() as usize;
        self.emit(Op::UnpackSequence(n as u32));
        // cleanup[k]: k items are left on the stack when a sub-pattern fails.
        let cleanup: Vec<Label> = (0..n).map(|_| self.u.b.new_label()).collect();
        let mut used = vec![false; n];
        for (i, q) in subs.iter().enumerate() {
            match q {
                ast::Pattern::MatchStar(st) => match &st.name {
                    Some(name) => self.name_op(&name.id, Ctx::Store),
                    None => self.emit(Op::Pop),
                },
                ast::Pattern::MatchAs(ast::PatternMatchAs { pattern: None, name: None, .. }) => self.emit(Op::Pop),
                _ => {
                    let left = n - 1 - i;
                    used[left] = true;
                    self.compile_pattern(q, cleanup[left])?;
                }
            }
        }
        if let Some(r) = rest {
            self.name_op(r, Ctx::Store);
        }
        if used.iter().any(|&u| u) {
            let done = self.u.b.new_label();
            self.emit(Op::Jump(done.0));
            for k in (1..n).rev() {
                self.u.b.bind(cleanup[k]);
                self.emit(Op::Pop);
            }
            self.u.b.bind(cleanup[0]);
            self.emit(Op::Jump(fail.0));
            self.u.b.bind(done);
        }
        Ok(())
    }
}
