//! Code generation for expressions: constants, names, operators, boolean and comparison
//! chains, conditional jumps, displays with star-unpacking, calls (`Call`, `CallKw`, `CallEx`),
//! f-strings, comprehensions (nested code objects taking `.0`), `yield`/`yield from`, and
//! assignment/deletion targets (including `UnpackEx` for starred targets).

use std::collections::HashSet;
use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::builder::Label;
use super::symtable::describe;
use super::{cerr, constant_of, ArgCounts, CResult, Compiler, Ctx};
use crate::bytecode::{BinOp, CmpOp, CodeKind, Const, Conversion, GenFlavor, Op, UnOp};

/// CPython's `STACK_USE_GUIDELINE`: displays longer than this are built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeqKind {
    Tuple,
    List,
    Set,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

/// Whether a constant is true (for constant conditions).
fn const_truth(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(_) => true,
        Const::Float(f) | Const::Imag(f) => *f != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Ellipsis => true,
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
        Const::Code(_) => return None,
    })
}

impl<'a> Compiler<'a> {
    pub fn compile_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.enter_nested(e.range())?;
        let saved = (self.u.b.line, self.u.b.span);
        self.set_line(e.range());
        let r = self.compile_expr_inner(e);
        (self.u.b.line, self.u.b.span) = saved;
        self.leave_nested();
        r
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        if let Some(c) = constant_of(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.u.b.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < n {
                        self.emit(match b.op {
                            ast::BoolOp::And => Op::JumpIfFalseOrPop(end.0),
                            ast::BoolOp::Or => Op::JumpIfTrueOrPop(end.0),
                        });
                    }
                }
                self.u.b.bind(end);
            }
            Expr::Named(n) => {
                self.compile_expr(&n.value)?;
                self.emit(Op::Dup);
                self.compile_store(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.compile_expr(&b.left)?;
                self.compile_expr(&b.right)?;
                self.emit(Op::Binary { op: binop(b.op), inplace: false });
            }
            Expr::UnaryOp(u) => {
                self.compile_expr(&u.operand)?;
                self.emit(Op::Unary(match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                }));
            }
            Expr::Lambda(l) => {
                let Some(scope) = self.st.scope_of(l) else {
                    return cerr("internal compiler error: lambda without scope", l.range);
                };
                self.compile_function(
                    scope,
                    "<lambda>",
                    l.parameters.as_deref(),
                    super::stmt::FuncBody::Expr(&l.body),
                    l.range,
                )?;
            }
            Expr::If(i) => {
                let orelse = self.u.b.new_label();
                let end = self.u.b.new_label();
                self.compile_jump_if(&i.test, false, orelse)?;
                self.compile_expr(&i.body)?;
                self.emit(Op::Jump(end.0));
                self.u.b.bind(orelse);
                self.compile_expr(&i.orelse)?;
                self.u.b.bind(end);
            }
            Expr::Dict(d) => self.compile_dict(d)?,
            Expr::Set(s) => self.build_seq(&s.elts, 0, SeqKind::Set)?,
            Expr::List(l) => {
                if l.ctx != ast::ExprContext::Load {
                    return cerr("internal compiler error: list target in load context", l.range);
                }
                self.build_seq(&l.elts, 0, SeqKind::List)?
            }
            Expr::Tuple(t) => self.build_seq(&t.elts, 0, SeqKind::Tuple)?,
            Expr::ListComp(c) => self.compile_comprehension(c, CompKind::List, &c.elt, None, &c.generators, c.range)?,
            Expr::SetComp(c) => self.compile_comprehension(c, CompKind::Set, &c.elt, None, &c.generators, c.range)?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.compile_comprehension(c, CompKind::Dict, k, Some(&c.value), &c.generators, c.range)?,
                None => return cerr("dict unpacking cannot be used in dict comprehension", c.range),
            },
            Expr::Generator(c) => self.compile_comprehension(c, CompKind::Gen, &c.elt, None, &c.generators, c.range)?,
            Expr::Await(a) => {
                self.compile_expr(&a.value)?;
                self.emit_await();
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_none(),
                }
                if self.u.flavor == GenFlavor::AsyncGen {
                    self.emit(Op::AsyncGenWrap);
                }
                self.emit(Op::YieldValue);
            }
            Expr::YieldFrom(y) => {
                self.compile_expr(&y.value)?;
                self.emit(Op::GetYieldFromIter);
                self.load_none();
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compile_compare(c)?,
            Expr::Call(c) => match &*c.func {
                // `obj.name(args)` with plain arguments: no bound method is made.
                Expr::Attribute(a)
                    if c.arguments.keywords.is_empty()
                        && !c.arguments.args.iter().any(|a| matches!(a, Expr::Starred(_))) =>
                {
                    self.compile_expr(&a.value)?;
                    let n = self.attr_name(&a.attr.id);
                    // A failing lookup points at `obj.name`, not the whole call.
                    let span = std::mem::replace(&mut self.u.b.span, a.range);
                    self.emit(Op::LoadMethod(n));
                    self.u.b.span = span;
                    for arg in c.arguments.args.iter() {
                        self.compile_expr(arg)?;
                    }
                    self.emit(Op::CallMethod(c.arguments.args.len() as u32));
                }
                _ => {
                    self.compile_expr(&c.func)?;
                    self.compile_call_args(&c.arguments, 0)?;
                }
            },
            Expr::FString(f) => self.compile_fstring(&f.value)?,
            Expr::TString(t) => return cerr("template strings need Python 3.14", t.range),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                return cerr("internal compiler error: literal not folded", e.range());
            }
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let n = self.attr_name(&a.attr.id);
                self.emit(Op::LoadAttr(n));
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Op::BinarySubscr);
            }
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper] {
                    match p {
                        Some(x) => self.compile_expr(x)?,
                        None => self.load_none(),
                    }
                }
                match &s.step {
                    Some(x) => {
                        self.compile_expr(x)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => self.emit(Op::BuildSlice(2)),
                }
            }
            Expr::Starred(s) => return cerr("can't use starred expression here", s.range),
            Expr::Name(n) => {
                if n.ctx != ast::ExprContext::Load {
                    return cerr("internal compiler error: name target in load context", n.range);
                }
                if &*n.id == "__debug__" {
                    self.load_const(Const::Bool(true));
                } else {
                    self.name_op(&n.id, Ctx::Load);
                }
            }
            Expr::IpyEscapeCommand(c) => return cerr("invalid syntax", c.range),
        }
        Ok(())
    }

    /// The names index of attribute `attr`, mangled.
    pub fn attr_name(&mut self, attr: &str) -> u32 {
        let m = self.mangle(attr);
        self.name_index(&m)
    }

    /// `[x] -> [result]`: `await x`.
    pub fn emit_await(&mut self) {
        self.emit(Op::GetAwaitable);
        self.load_none();
        self.yield_from_loop();
    }

    /// `[aiter] -> [aiter, item]`, or to `stop` with `[aiter, exc]` when awaiting
    /// `aiter.__anext__()` raised (`EndAsyncFor` there tells StopAsyncIteration apart).
    pub fn async_for_next(&mut self, stop: Label) {
        let depth = self.u.b.depth();
        self.u.b.push_handler(stop, depth);
        self.emit(Op::GetANext);
        self.emit_await();
        self.u.b.pop_handler();
    }

    /// `[sub, v]` -> `[result]`: the loop of `yield from`.
    pub fn yield_from_loop(&mut self) {
        let head = self.u.b.new_label();
        let yielded = self.u.b.new_label();
        let end = self.u.b.new_label();
        self.u.b.bind(head);
        self.emit(Op::Send(yielded.0));
        self.emit(Op::Jump(end.0));
        self.u.b.bind(yielded);
        self.emit(Op::YieldValue);
        self.emit(Op::JumpBack(head.0));
        self.u.b.bind(end);
    }

    /// Jumps to `target` if `e` is `cond` (true or false), else falls through; consumes `e`.
    pub fn compile_jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult<()> {
        self.enter_nested(e.range())?;
        let r = self.compile_jump_if_inner(e, cond, target);
        self.leave_nested();
        r
    }

    fn compile_jump_if_inner(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult<()> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.compile_jump_if(&u.operand, !cond, target),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                // `a and b` jumps when false as soon as one is false; when true only at the end.
                if is_and != cond {
                    for v in &b.values {
                        self.compile_jump_if(v, cond, target)?;
                    }
                } else {
                    let next = self.u.b.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.compile_jump_if(v, !cond, next)?;
                        } else {
                            self.compile_jump_if(v, cond, target)?;
                        }
                    }
                    self.u.b.bind(next);
                }
                return Ok(());
            }
            _ => {}
        }
        if let Some(t) = constant_of(e).as_ref().and_then(const_truth) {
            if t == cond {
                self.emit(Op::Jump(target.0));
            }
            return Ok(());
        }
        self.compile_expr(e)?;
        self.emit(if cond { Op::PopJumpIfTrue(target.0) } else { Op::PopJumpIfFalse(target.0) });
        Ok(())
    }

    /// `a < b < c`: CPython's Dup/Rot3 chain with a cleanup path.
    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.compile_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.compile_expr(&c.comparators[0])?;
            self.emit(Op::Compare(cmpop(c.ops[0])));
            return Ok(());
        }
        let cleanup = self.u.b.new_label();
        let end = self.u.b.new_label();
        for i in 0..n - 1 {
            self.compile_expr(&c.comparators[i])?;
            self.emit(Op::Dup);
            self.emit(Op::Rot3);
            self.emit(Op::Compare(cmpop(c.ops[i])));
            self.emit(Op::JumpIfFalseOrPop(cleanup.0));
        }
        self.compile_expr(&c.comparators[n - 1])?;
        self.emit(Op::Compare(cmpop(c.ops[n - 1])));
        self.emit(Op::Jump(end.0));
        self.u.b.bind(cleanup);
        self.emit(Op::Rot2);
        self.emit(Op::Pop);
        self.u.b.bind(end);
        Ok(())
    }

    /// Builds a tuple, list or set from `elts` (with `*x` items), `pushed` items being already
    /// on the stack as its first elements.
    pub fn build_seq(&mut self, elts: &'a [Expr], pushed: u32, kind: SeqKind) -> CResult<()> {
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let big = elts.len() + pushed as usize > STACK_USE_GUIDELINE;
        if !starred && !big {
            if pushed == 0 && elts.len() > 2 && kind != SeqKind::Tuple {
                let consts: Option<Vec<Const>> = elts.iter().map(constant_of).collect();
                if let Some(cs) = consts {
                    self.emit(if kind == SeqKind::List { Op::BuildList(0) } else { Op::BuildSet(0) });
                    // CPython folds a set display of constants to a frozenset.
                    let c = if kind == SeqKind::List { Const::Tuple(cs.into()) } else { Const::FrozenSet(cs.into()) };
                    self.load_const(c);
                    self.emit(if kind == SeqKind::List { Op::ListExtend(1) } else { Op::SetUpdate(1) });
                    return Ok(());
                }
            }
            for e in elts {
                self.compile_expr(e)?;
            }
            let n = elts.len() as u32 + pushed;
            self.emit(match kind {
                SeqKind::Tuple => Op::BuildTuple(n),
                SeqKind::List => Op::BuildList(n),
                SeqKind::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        let set = kind == SeqKind::Set;
        let build = |n: u32| if set { Op::BuildSet(n) } else { Op::BuildList(n) };
        let mut built = false;
        if big {
            self.emit(build(pushed));
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build(i as u32 + pushed));
                    built = true;
                }
                self.compile_expr(&s.value)?;
                self.emit(if set { Op::SetUpdate(1) } else { Op::ListExtend(1) });
            } else {
                self.compile_expr(e)?;
                if built {
                    self.emit(if set { Op::SetAdd(1) } else { Op::ListAppend(1) });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let mut pending: Vec<&'a ast::DictItem> = Vec::new();
        let mut have_dict = false;
        for item in &d.items {
            if item.key.is_none() {
                if !pending.is_empty() {
                    self.subdict(&mut pending, have_dict)?;
                    have_dict = true;
                }
                if !have_dict {
                    self.emit(Op::BuildMap(0));
                    have_dict = true;
                }
                self.compile_expr(&item.value)?;
                self.emit(Op::DictUpdate(1));
            } else {
                pending.push(item);
                if pending.len() * 2 > STACK_USE_GUIDELINE {
                    self.subdict(&mut pending, have_dict)?;
                    have_dict = true;
                }
            }
        }
        if !pending.is_empty() || !have_dict {
            self.subdict(&mut pending, have_dict)?;
        }
        Ok(())
    }

    fn subdict(&mut self, pending: &mut Vec<&'a ast::DictItem>, merge: bool) -> CResult<()> {
        let n = pending.len() as u32;
        for item in pending.drain(..) {
            if let Some(k) = &item.key {
                self.compile_expr(k)?;
            }
            self.compile_expr(&item.value)?;
        }
        self.emit(Op::BuildMap(n));
        if merge {
            self.emit(Op::DictUpdate(1));
        }
        Ok(())
    }

    /// Compiles call arguments and the call, the callee and `pushed` positional arguments
    /// being on the stack already (class definitions push the body and the name).
    pub fn compile_call_args(&mut self, args: &'a ast::Arguments, pushed: u32) -> CResult<()> {
        let mut seen = HashSet::new();
        for k in args.keywords.iter() {
            if let Some(a) = &k.arg {
                if !seen.insert(a.id.as_str()) {
                    return cerr(format!("keyword argument repeated: {}", a.id), k.range);
                }
            }
        }
        let star_args = args.args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let star_kw = args.keywords.iter().any(|k| k.arg.is_none());
        if !star_args && !star_kw {
            for a in args.args.iter() {
                self.compile_expr(a)?;
            }
            let n = args.args.len() as u32 + pushed;
            if args.keywords.is_empty() {
                self.emit(Op::Call(n));
            } else {
                let mut names = Vec::new();
                for k in args.keywords.iter() {
                    self.compile_expr(&k.value)?;
                    let name = k.arg.as_ref().map(|a| a.id.as_str()).unwrap_or("");
                    names.push(Const::Str(Rc::from(name)));
                }
                let m = names.len() as u32;
                let k = self.u.b.add_const(Const::Tuple(names.into()));
                self.emit(Op::CallKw { argc: n + m, names: k });
            }
            return Ok(());
        }
        match (&args.args[..], pushed) {
            // `f(*xs)`: CallEx makes the tuple (and words the error for a non-iterable).
            ([Expr::Starred(st)], 0) => self.compile_expr(&st.value)?,
            _ => self.build_seq(&args.args, pushed, SeqKind::Tuple)?,
        }
        if args.keywords.is_empty() {
            self.emit(Op::CallEx { kwargs: false });
            return Ok(());
        }
        let mut have_dict = false;
        let mut group: Vec<&'a ast::Keyword> = Vec::new();
        for k in args.keywords.iter() {
            if k.arg.is_none() {
                if !group.is_empty() {
                    self.kw_group(&mut group, have_dict)?;
                    have_dict = true;
                }
                if !have_dict {
                    self.emit(Op::BuildMap(0));
                    have_dict = true;
                }
                self.compile_expr(&k.value)?;
                self.emit(Op::DictMerge(1));
            } else {
                group.push(k);
            }
        }
        if !group.is_empty() {
            self.kw_group(&mut group, have_dict)?;
        }
        self.emit(Op::CallEx { kwargs: true });
        Ok(())
    }

    fn kw_group(&mut self, group: &mut Vec<&'a ast::Keyword>, merge: bool) -> CResult<()> {
        let n = group.len() as u32;
        for k in group.drain(..) {
            let name = k.arg.as_ref().map(|a| a.id.as_str()).unwrap_or("");
            self.load_const(Const::Str(Rc::from(name)));
            self.compile_expr(&k.value)?;
        }
        self.emit(Op::BuildMap(n));
        if merge {
            self.emit(Op::DictMerge(1));
        }
        Ok(())
    }

    fn compile_fstring(&mut self, v: &'a ast::FStringValue) -> CResult<()> {
        let mut buf = String::new();
        let mut n = 0u32;
        for part in v.iter() {
            match part {
                ast::FStringPart::Literal(s) => buf.push_str(&s.value),
                ast::FStringPart::FString(f) => self.fstring_elements(&f.elements, &mut buf, &mut n)?,
            }
        }
        self.finish_string(buf, n);
        Ok(())
    }

    fn finish_string(&mut self, buf: String, mut n: u32) {
        if !buf.is_empty() || n == 0 {
            self.load_const(Const::Str(Rc::from(buf)));
            n += 1;
        }
        if n > 1 {
            self.emit(Op::BuildString(n));
        }
    }

    fn fstring_elements(
        &mut self,
        els: &'a ast::InterpolatedStringElements,
        buf: &mut String,
        n: &mut u32,
    ) -> CResult<()> {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => buf.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        buf.push_str(d.leading());
                        buf.push_str(d.expression());
                        buf.push_str(d.trailing());
                    }
                    if !buf.is_empty() {
                        self.load_const(Const::Str(Rc::from(std::mem::take(buf))));
                        *n += 1;
                    }
                    self.enter_nested(i.range)?;
                    self.compile_expr(&i.expression)?;
                    let conv = match i.conversion {
                        ast::ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => {
                            Conversion::Repr
                        }
                        ast::ConversionFlag::None => Conversion::None,
                        ast::ConversionFlag::Str => Conversion::Str,
                        ast::ConversionFlag::Repr => Conversion::Repr,
                        ast::ConversionFlag::Ascii => Conversion::Ascii,
                    };
                    let spec = match &i.format_spec {
                        Some(s) => {
                            let mut sb = String::new();
                            let mut sn = 0;
                            self.fstring_elements(&s.elements, &mut sb, &mut sn)?;
                            self.finish_string(sb, sn);
                            true
                        }
                        None => false,
                    };
                    self.leave_nested();
                    self.emit(Op::FormatValue { conv, spec });
                    *n += 1;
                }
            }
        }
        Ok(())
    }

    fn compile_comprehension<T>(
        &mut self,
        node: &T,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        gens: &'a [ast::Comprehension],
        range: TextRange,
    ) -> CResult<()> {
        let Some(scope) = self.st.scope_of(node) else {
            return cerr("internal compiler error: comprehension without scope", range);
        };
        let Some(first) = gens.first() else {
            return cerr("comprehension without a 'for'", range);
        };
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        let is_async = self.st.scopes[scope].is_async;
        let code_kind = if kind == CompKind::Gen || is_async { CodeKind::Generator } else { CodeKind::Function };
        let line = self.line_of(range.start());
        let mut unit =
            self.make_unit(scope, code_kind, name, &qualname, line, ArgCounts { argcount: 1, ..Default::default() });
        unit.flavor = match (is_async, kind == CompKind::Gen) {
            (false, _) => GenFlavor::Plain,
            (true, false) => GenFlavor::Coroutine,
            (true, true) => GenFlavor::AsyncGen,
        };
        let free = unit.free_names.clone();
        self.push_unit(unit);
        self.u.b.line = line;
        match kind {
            CompKind::List => self.emit(Op::BuildList(0)),
            CompKind::Set => self.emit(Op::BuildSet(0)),
            CompKind::Dict => self.emit(Op::BuildMap(0)),
            CompKind::Gen => {}
        }
        let body = self.comp_generator(gens, 0, kind, elt, value);
        if let Err(e) = body {
            let _ = self.pop_unit(range);
            return Err(e);
        }
        if kind == CompKind::Gen {
            self.load_none();
        }
        self.emit(Op::Return);
        let code = self.pop_unit(range)?;
        let closure = self.emit_closure(&free, range)?;
        let k = self.u.b.add_const(Const::Code(code));
        self.emit(Op::MakeFunction { code: k, defaults: false, kwdefaults: false, closure });
        self.compile_expr(&first.iter)?;
        self.emit(if first.is_async { Op::GetAIter } else { Op::GetIter });
        self.emit(Op::Call(1));
        if is_async && kind != CompKind::Gen {
            self.emit_await();
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult<()> {
        let g = &gens[i];
        if i == 0 {
            let slot = self.u.fast.get(".0").copied().unwrap_or(0);
            self.emit(Op::LoadFast(slot));
        } else {
            self.compile_expr(&g.iter)?;
            self.emit(if g.is_async { Op::GetAIter } else { Op::GetIter });
        }
        let with_iter = self.u.b.depth();
        let head = self.u.b.new_label();
        let exit = self.u.b.new_label();
        let cont = self.u.b.new_label();
        let stop = self.u.b.new_label();
        let close = self.u.b.new_label();
        // As a `for` statement's: an exception leaving the loop closes a new generator. The
        // first iterator is also the local `.0`, which a traceback keeps alive in CPython
        // (so it is closed later), except in a generator expression being closed.
        let fresh = !g.is_async && super::stmt::fresh_iterable(&g.iter) && (i > 0 || kind == CompKind::Gen);
        self.u.b.bind(head);
        if g.is_async {
            self.async_for_next(stop);
        } else {
            self.emit(Op::ForIter(exit.0));
        }
        if fresh {
            self.u.b.push_handler(close, with_iter);
        }
        self.compile_store(&g.target)?;
        for cond in &g.ifs {
            self.compile_jump_if(cond, false, cont)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, kind, elt, value)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match kind {
                CompKind::Gen => {
                    self.compile_expr(elt)?;
                    if self.u.flavor == GenFlavor::AsyncGen {
                        self.emit(Op::AsyncGenWrap);
                    }
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
                CompKind::List => {
                    self.compile_expr(elt)?;
                    self.emit(Op::ListAppend(depth));
                }
                CompKind::Set => {
                    self.compile_expr(elt)?;
                    self.emit(Op::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.compile_expr(elt)?;
                    if let Some(v) = value {
                        self.compile_expr(v)?;
                    }
                    self.emit(Op::MapAdd(depth));
                }
            }
        }
        self.u.b.bind(cont);
        self.emit(Op::JumpBack(head.0));
        if fresh {
            self.close_on_exception(close);
        }
        if g.is_async {
            self.u.b.bind(stop);
            self.emit(Op::EndAsyncFor);
        }
        self.u.b.bind(exit);
        Ok(())
    }

    /// Stores the value on top of the stack into an assignment target.
    pub fn compile_store(&mut self, t: &'a Expr) -> CResult<()> {
        self.enter_nested(t.range())?;
        let saved = (self.u.b.line, self.u.b.span);
        self.set_line(t.range());
        let r = self.compile_store_inner(t);
        (self.u.b.line, self.u.b.span) = saved;
        self.leave_nested();
        r
    }

    fn compile_store_inner(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                if &*n.id == "__debug__" {
                    return cerr("cannot assign to __debug__", n.range);
                }
                self.name_op(&n.id, Ctx::Store);
            }
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let n = self.attr_name(&a.attr.id);
                self.emit(Op::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Op::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let stars: Vec<usize> =
                    elts.iter().enumerate().filter(|(_, e)| matches!(e, Expr::Starred(_))).map(|(i, _)| i).collect();
                match stars.as_slice() {
                    [] => self.emit(Op::UnpackSequence(elts.len() as u32)),
                    [i] => {
                        let before = *i as u32;
                        let after = (elts.len() - i - 1) as u32;
                        if before >= 256 || after >= (1 << 24) {
                            return cerr("too many expressions in star-unpacking assignment", t.range());
                        }
                        self.emit(Op::UnpackEx { before, after });
                    }
                    _ => return cerr("multiple starred expressions in assignment", t.range()),
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.compile_store(&s.value)?,
                        other => self.compile_store(other)?,
                    }
                }
            }
            Expr::Starred(s) => return cerr("starred assignment target must be in a list or tuple", s.range),
            other => return cerr(format!("cannot assign to {}", describe(other)), other.range()),
        }
        Ok(())
    }

    /// `del target`.
    pub fn compile_delete(&mut self, t: &'a Expr) -> CResult<()> {
        self.enter_nested(t.range())?;
        self.set_line(t.range());
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Del),
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let n = self.attr_name(&a.attr.id);
                self.emit(Op::DeleteAttr(n));
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Op::DeleteSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.compile_delete(e)?;
                }
            }
            other => return cerr(format!("cannot delete {}", describe(other)), other.range()),
        }
        self.leave_nested();
        Ok(())
    }
}
