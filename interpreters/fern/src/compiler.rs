//! The Fern compiler: syntax tree to bytecode. Resolves variables to local slots and calls
//! to global functions (checking arity), and turns control flow into jumps.

use crate::bytecode::{Const, Function, Op, Program};
use crate::parser::{BinOp, Expr, ExprKind, FnDecl, Stmt};
use crate::CompileError;
use std::collections::HashMap;

/// Compiles parsed functions to a program; `main` must exist and take no parameters.
pub fn compile(fns: &[FnDecl]) -> Result<Program, CompileError> {
    let mut globals: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, f) in fns.iter().enumerate() {
        if BUILTINS.iter().any(|b| b.0 == f.name) {
            return Err(CompileError { line: f.line, msg: format!("'{}' is a builtin function", f.name) });
        }
        if globals.insert(&f.name, (i, f.params.len())).is_some() {
            return Err(CompileError { line: f.line, msg: format!("function '{}' is defined twice", f.name) });
        }
    }
    let main = match globals.get("main") {
        Some(&(i, 0)) => i,
        Some(&(i, _)) => {
            return Err(CompileError { line: fns[i].line, msg: "main must take no parameters".to_string() })
        }
        None => return Err(CompileError { line: 1, msg: "no main function".to_string() }),
    };
    let mut funcs = Vec::new();
    for f in fns {
        let mut c = FnCompiler {
            globals: &globals,
            scopes: vec![Vec::new()],
            nlocals: 0,
            code: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
        };
        for p in &f.params {
            c.declare(p);
        }
        c.emit(Op::Enter);
        c.block(&f.body)?;
        let k = c.constant(Const::None);
        c.emit(Op::Const(k));
        c.emit(Op::Return);
        funcs.push(Function {
            name: f.name.clone(),
            key_name: Box::leak(f.name.clone().into_boxed_str()),
            arity: f.params.len(),
            nlocals: c.nlocals,
            code: c.code,
            consts: c.consts,
            max_stack: 0,
        });
    }
    let arities: Vec<usize> = funcs.iter().map(|f| f.arity).collect();
    let mut checked = Vec::new();
    for (f, decl) in funcs.iter().zip(fns) {
        let max = f.check(&arities).map_err(|msg| CompileError { line: decl.line, msg })?;
        checked.push(max);
    }
    for (f, max) in funcs.iter_mut().zip(checked) {
        f.max_stack = max;
    }
    Ok(Program { funcs, main })
}

/// The builtin functions: name, arity, instruction.
const BUILTINS: &[(&str, usize, Op)] = &[("len", 1, Op::Len), ("array", 1, Op::MakeArray)];

fn arity_error(name: &str, arity: usize, given: usize, line: u32) -> CompileError {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    CompileError {
        line,
        msg: format!(
            "function '{name}' takes {arity} argument{}, but {given} {} given",
            s(arity),
            if given == 1 { "was" } else { "were" }
        ),
    }
}

struct FnCompiler<'g> {
    globals: &'g HashMap<&'g str, (usize, usize)>,
    scopes: Vec<Vec<(String, u32)>>,
    nlocals: usize,
    code: Vec<Op>,
    consts: Vec<Const>,
    /// Each constant's index in `consts`, by (kind, bits).
    const_index: HashMap<(u8, u64), u32>,
}

impl FnCompiler<'_> {
    fn emit(&mut self, op: Op) -> usize {
        self.code.push(op);
        self.code.len() - 1
    }
    fn here(&self) -> u32 {
        self.code.len() as u32
    }
    fn patch(&mut self, at: usize, target: u32) {
        match &mut self.code[at] {
            Op::Jump(t) | Op::JumpIfFalse(t) => *t = target,
            _ => unreachable!("patching a non-jump"),
        }
    }
    fn constant(&mut self, c: Const) -> u32 {
        // The same value of the same type (bitwise for floats) is one constant.
        let key = match c {
            Const::None => (0, 0),
            Const::Int(v) => (1, v as u64),
            Const::Float(v) => (2, v.to_bits()),
        };
        let n = self.consts.len() as u32;
        let i = *self.const_index.entry(key).or_insert(n);
        if i == n {
            self.consts.push(c);
        }
        i
    }
    fn declare(&mut self, name: &str) -> u32 {
        let slot = self.nlocals as u32;
        self.nlocals += 1;
        if let Some(s) = self.scopes.last_mut() {
            s.push((name.to_string(), slot));
        }
        slot
    }
    fn lookup(&self, name: &str, line: u32) -> Result<u32, CompileError> {
        for s in self.scopes.iter().rev() {
            if let Some(&(_, slot)) = s.iter().rev().find(|(n, _)| n == name) {
                return Ok(slot);
            }
        }
        let msg = if self.globals.contains_key(name) {
            format!("'{name}' is a function, not a variable")
        } else {
            format!("undefined variable '{name}'")
        };
        Err(CompileError { line, msg })
    }

    fn block(&mut self, stmts: &[Stmt]) -> Result<(), CompileError> {
        self.scopes.push(Vec::new());
        for s in stmts {
            self.statement(s)?;
        }
        self.scopes.pop();
        Ok(())
    }

    fn statement(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match s {
            Stmt::Let(name, e, _) => {
                // The initializer sees the previous binding of the name, if any.
                self.expr(e)?;
                let slot = self.declare(name);
                self.emit(Op::StoreLocal(slot));
            }
            Stmt::Assign(name, e, line) => {
                let slot = self.lookup(name, *line)?;
                self.expr(e)?;
                self.emit(Op::StoreLocal(slot));
            }
            Stmt::If(arms, otherwise) => {
                let mut ends = Vec::new();
                for (cond, body) in arms {
                    self.expr(cond)?;
                    let skip = self.emit(Op::JumpIfFalse(0));
                    self.block(body)?;
                    ends.push(self.emit(Op::Jump(0)));
                    let next = self.here();
                    self.patch(skip, next);
                }
                if let Some(body) = otherwise {
                    self.block(body)?;
                }
                let end = self.here();
                for j in ends {
                    self.patch(j, end);
                }
            }
            Stmt::While(cond, body) => {
                let head = self.here();
                self.expr(cond)?;
                let exit = self.emit(Op::JumpIfFalse(0));
                self.block(body)?;
                self.emit(Op::Loop(head));
                let end = self.here();
                self.patch(exit, end);
            }
            Stmt::Return(e, _) => {
                match e {
                    Some(e) => self.expr(e)?,
                    None => {
                        let k = self.constant(Const::None);
                        self.emit(Op::Const(k));
                    }
                }
                self.emit(Op::Return);
            }
            Stmt::Print(args) => {
                for a in args {
                    self.expr(a)?;
                }
                self.emit(Op::Print(args.len() as u32));
            }
            Stmt::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            Stmt::SetItem(a, i, v, _) => {
                self.expr(a)?;
                self.expr(i)?;
                self.expr(v)?;
                self.emit(Op::SetItem);
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match &e.kind {
            ExprKind::Int(v) => {
                let k = self.constant(Const::Int(*v));
                self.emit(Op::Const(k));
            }
            ExprKind::Float(v) => {
                let k = self.constant(Const::Float(*v));
                self.emit(Op::Const(k));
            }
            ExprKind::None => {
                let k = self.constant(Const::None);
                self.emit(Op::Const(k));
            }
            ExprKind::Var(name) => {
                let slot = self.lookup(name, e.line)?;
                self.emit(Op::LoadLocal(slot));
            }
            ExprKind::Call(name, args) if BUILTINS.iter().any(|b| b.0 == name) => {
                let &(_, arity, op) = BUILTINS.iter().find(|b| b.0 == name).expect("just found");
                if arity != args.len() {
                    return Err(arity_error(name, arity, args.len(), e.line));
                }
                for a in args {
                    self.expr(a)?;
                }
                self.emit(op);
            }
            ExprKind::Array(items) => {
                for a in items {
                    self.expr(a)?;
                }
                self.emit(Op::NewArray(items.len() as u32));
            }
            ExprKind::Index(a, i) => {
                self.expr(a)?;
                self.expr(i)?;
                self.emit(Op::GetItem);
            }
            ExprKind::Call(name, args) => {
                let Some(&(func, arity)) = self.globals.get(name.as_str()) else {
                    let msg = if name == "print" {
                        "print is a statement, not an expression".to_string()
                    } else {
                        format!("unknown function '{name}'")
                    };
                    return Err(CompileError { line: e.line, msg });
                };
                if arity != args.len() {
                    return Err(arity_error(name, arity, args.len(), e.line));
                }
                for a in args {
                    self.expr(a)?;
                }
                self.emit(Op::Call(func as u32, args.len() as u32));
            }
            ExprKind::Neg(a) => {
                self.expr(a)?;
                self.emit(Op::Neg);
            }
            ExprKind::Not(a) => {
                self.expr(a)?;
                self.emit(Op::Not);
            }
            ExprKind::Binary(first, rest) => {
                self.expr(first)?;
                for (op, b) in rest {
                    self.expr(b)?;
                    self.emit(match op {
                        BinOp::Add => Op::Add,
                        BinOp::Sub => Op::Sub,
                        BinOp::Mul => Op::Mul,
                        BinOp::Div => Op::Div,
                        BinOp::FloorDiv => Op::FloorDiv,
                        BinOp::Mod => Op::Mod,
                        BinOp::Lt => Op::Lt,
                        BinOp::Le => Op::Le,
                        BinOp::Gt => Op::Gt,
                        BinOp::Ge => Op::Ge,
                        BinOp::Eq => Op::Eq,
                        BinOp::Ne => Op::Ne,
                    });
                }
            }
            ExprKind::And(operands) | ExprKind::Or(operands) => {
                // a and b and c:  a; JumpIfFalse F; b; JumpIfFalse F; c; JumpIfFalse F;
                //                 1; Jump E; F: 0; E:
                // a or b or c:    a; JumpIfFalse N1; 1; Jump E; N1: b; JumpIfFalse N2;
                //                 1; Jump E; N2: c; JumpIfFalse F; 1; Jump E; F: 0; E:
                let is_and = matches!(e.kind, ExprKind::And(..));
                let one = self.constant(Const::Int(1));
                let zero = self.constant(Const::Int(0));
                let mut to_false = Vec::new();
                let mut to_end = Vec::new();
                for (i, a) in operands.iter().enumerate() {
                    self.expr(a)?;
                    let j = self.emit(Op::JumpIfFalse(0));
                    if is_and || i + 1 == operands.len() {
                        to_false.push(j);
                    } else {
                        self.emit(Op::Const(one));
                        to_end.push(self.emit(Op::Jump(0)));
                        let n = self.here();
                        self.patch(j, n);
                    }
                }
                self.emit(Op::Const(one));
                to_end.push(self.emit(Op::Jump(0)));
                let f = self.here();
                for j in to_false {
                    self.patch(j, f);
                }
                self.emit(Op::Const(zero));
                let end = self.here();
                for j in to_end {
                    self.patch(j, end);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;
    use crate::parser::parse;

    fn compile_src(s: &str) -> Result<Program, CompileError> {
        compile(&parse(lex(s)?)?)
    }

    #[test]
    fn compiles_while_to_a_backward_loop() {
        let p = compile_src("fn main() { let i = 0; while i < 3 { i = i + 1; } }").unwrap();
        let code = &p.funcs[p.main].code;
        assert_eq!(code[0], Op::Enter, "{p}");
        assert!(code.contains(&Op::Loop(3)), "{p}");
        assert_eq!(p.funcs[p.main].max_stack, 2);
    }

    #[test]
    fn compile_errors() {
        let e = compile_src("fn main() {\n  foo(1);\n}").unwrap_err();
        assert_eq!((e.line, e.msg.as_str()), (2, "unknown function 'foo'"));
        let e = compile_src("fn f(a, b) { return a; }\nfn main() {\n\n  f(1);\n}").unwrap_err();
        assert_eq!((e.line, e.msg.as_str()), (4, "function 'f' takes 2 arguments, but 1 was given"));
        let e = compile_src("fn main() { x = 1; }").unwrap_err();
        assert_eq!(e.msg, "undefined variable 'x'");
        let e = compile_src("fn main() { if 1 { let y = 2; } print(y); }").unwrap_err();
        assert_eq!(e.msg, "undefined variable 'y'");
        assert_eq!(compile_src("fn f() {}").unwrap_err().msg, "no main function");
        assert_eq!(compile_src("fn main(x) {}").unwrap_err().msg, "main must take no parameters");
        assert!(compile_src("fn main() {} fn main() {}").unwrap_err().msg.contains("defined twice"));
        assert!(compile_src("fn main() { let x = print(1); }").is_err());
        assert_eq!(compile_src("fn len(a) {} fn main() {}").unwrap_err().msg, "'len' is a builtin function");
        let e = compile_src("fn main() { print(array(1, 2)); }").unwrap_err();
        assert_eq!(e.msg, "function 'array' takes 1 argument, but 2 were given");
        assert_eq!(compile_src("fn main() { 1 = 2; }").unwrap_err().msg, "cannot assign to this expression");
        assert_eq!(compile_src("fn main() { let a = [1, 2; }").unwrap_err().msg, "expected ',' or ']', found ';'");
    }
}
