//! The Fern parser: tokens to a syntax tree, by recursive descent.
//!
//! Grammar (lowest precedence first):
//! ```text
//! program  := fn*
//! fn       := "fn" IDENT "(" [IDENT ("," IDENT)*] ")" block
//! block    := "{" stmt* "}"
//! stmt     := "let" IDENT "=" expr ";" | IDENT "=" expr ";"
//!           | "if" expr block ("else" "if" expr block)* ["else" block]
//!           | "while" expr block | "return" [expr] ";"
//!           | "print" "(" [expr ("," expr)*] ")" ";" | expr ";"
//!           | postfix "[" expr "]" "=" expr ";"
//! expr     := and ("or" and)*
//! and      := not ("and" not)*
//! not      := "not" not | cmp
//! cmp      := sum [("<" | "<=" | ">" | ">=" | "==" | "!=") sum]
//! sum      := term (("+" | "-") term)*
//! term     := unary (("*" | "/" | "//" | "%") unary)*
//! unary    := "-" unary | postfix
//! postfix  := primary ("[" expr "]")*
//! primary  := INT | FLOAT | "none" | "true" | "false" | IDENT | IDENT "(" args ")" | "(" expr ")"
//!           | "[" [expr ("," expr)*] "]"
//! ```

use crate::lexer::{Tok, Token};
use crate::CompileError;

/// How deeply expressions and blocks may nest (keeps the parser and compiler off the end of
/// the Rust stack on hostile input).
pub const MAX_NESTING: usize = 100;

/// A binary operator (arithmetic or comparison).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/` (always a float result)
    Div,
    /// `//` (floor division)
    FloorDiv,
    /// `%` (floor modulo)
    Mod,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
        }
    }
}

/// An expression and the line it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it starts.
    pub line: u32,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer literal (also `true` = 1 and `false` = 0).
    Int(i64),
    /// A float literal.
    Float(f64),
    /// `none`
    None,
    /// A local variable or parameter.
    Var(String),
    /// A call of a global function.
    Call(String, Vec<Expr>),
    /// `-e`
    Neg(Box<Expr>),
    /// `not e`
    Not(Box<Expr>),
    /// A binary operator.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `a and b` (short-circuit; 0 or 1)
    And(Box<Expr>, Box<Expr>),
    /// `a or b` (short-circuit; 0 or 1)
    Or(Box<Expr>, Box<Expr>),
    /// An array literal `[a, b, ...]`.
    Array(Vec<Expr>),
    /// Indexing `a[i]`.
    Index(Box<Expr>, Box<Expr>),
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// `let name = e;`
    Let(String, Expr, u32),
    /// `name = e;`
    Assign(String, Expr, u32),
    /// `if c { } else if c { } else { }`: the conditional arms and the else block.
    If(Vec<(Expr, Vec<Stmt>)>, Option<Vec<Stmt>>),
    /// `while c { }`
    While(Expr, Vec<Stmt>),
    /// `return e;` or `return;`
    Return(Option<Expr>, u32),
    /// `print(a, b, ...);`
    Print(Vec<Expr>),
    /// `e;`
    Expr(Expr),
    /// `a[i] = e;`: the array, the index, the value and the line.
    SetItem(Expr, Expr, Expr, u32),
}

/// A function definition.
#[derive(Clone, Debug, PartialEq)]
pub struct FnDecl {
    /// Its name.
    pub name: String,
    /// Parameter names.
    pub params: Vec<String>,
    /// Its body.
    pub body: Vec<Stmt>,
    /// The line of `fn`.
    pub line: u32,
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    nesting: usize,
}

/// Parses a whole program: a sequence of function definitions.
pub fn parse(toks: Vec<Token>) -> Result<Vec<FnDecl>, CompileError> {
    let mut p = Parser { toks, pos: 0, nesting: 0 };
    let mut fns = Vec::new();
    while p.peek() != &Tok::Eof {
        fns.push(p.function()?);
    }
    Ok(fns)
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos.min(self.toks.len() - 1)].tok
    }
    fn peek2(&self) -> &Tok {
        &self.toks[(self.pos + 1).min(self.toks.len() - 1)].tok
    }
    fn line(&self) -> u32 {
        self.toks[self.pos.min(self.toks.len() - 1)].line
    }
    fn next(&mut self) -> Tok {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == t {
            self.next();
            true
        } else {
            false
        }
    }
    fn error<T>(&self, msg: String) -> Result<T, CompileError> {
        Err(CompileError { line: self.line(), msg })
    }
    fn expect(&mut self, t: Tok, what: &str) -> Result<(), CompileError> {
        if self.eat(&t) {
            Ok(())
        } else {
            self.error(format!("expected {what}, found {}", self.peek().describe()))
        }
    }
    fn ident(&mut self, what: &str) -> Result<String, CompileError> {
        match self.peek().clone() {
            Tok::Ident(s) => {
                self.next();
                Ok(s)
            }
            t => self.error(format!("expected {what}, found {}", t.describe())),
        }
    }
    fn enter(&mut self) -> Result<(), CompileError> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return self.error("program nested too deeply".to_string());
        }
        Ok(())
    }
    fn leave(&mut self) {
        self.nesting -= 1;
    }

    fn function(&mut self) -> Result<FnDecl, CompileError> {
        let line = self.line();
        self.expect(Tok::Fn, "'fn'")?;
        let name = self.ident("a function name")?;
        self.expect(Tok::LParen, "'('")?;
        let mut params = Vec::new();
        if !self.eat(&Tok::RParen) {
            loop {
                let p = self.ident("a parameter name")?;
                if params.contains(&p) {
                    return self.error(format!("duplicate parameter '{p}'"));
                }
                params.push(p);
                if self.eat(&Tok::RParen) {
                    break;
                }
                self.expect(Tok::Comma, "',' or ')'")?;
            }
        }
        let body = self.block()?;
        Ok(FnDecl { name, params, body, line })
    }

    fn block(&mut self) -> Result<Vec<Stmt>, CompileError> {
        self.enter()?;
        self.expect(Tok::LBrace, "'{'")?;
        let mut stmts = Vec::new();
        while !self.eat(&Tok::RBrace) {
            if self.peek() == &Tok::Eof {
                return self.error("expected '}', found end of file".to_string());
            }
            stmts.push(self.statement()?);
        }
        self.leave();
        Ok(stmts)
    }

    fn statement(&mut self) -> Result<Stmt, CompileError> {
        let line = self.line();
        match self.peek().clone() {
            Tok::Let => {
                self.next();
                let name = self.ident("a variable name")?;
                self.expect(Tok::Assign, "'='")?;
                let e = self.expr()?;
                self.expect(Tok::Semi, "';'")?;
                Ok(Stmt::Let(name, e, line))
            }
            Tok::Ident(name) if self.peek2() == &Tok::Assign => {
                self.next();
                self.next();
                let e = self.expr()?;
                self.expect(Tok::Semi, "';'")?;
                Ok(Stmt::Assign(name, e, line))
            }
            Tok::If => {
                self.next();
                let mut arms = vec![(self.expr()?, self.block()?)];
                let mut otherwise = None;
                while self.eat(&Tok::Else) {
                    if self.eat(&Tok::If) {
                        arms.push((self.expr()?, self.block()?));
                    } else {
                        otherwise = Some(self.block()?);
                        break;
                    }
                }
                Ok(Stmt::If(arms, otherwise))
            }
            Tok::While => {
                self.next();
                let c = self.expr()?;
                let body = self.block()?;
                Ok(Stmt::While(c, body))
            }
            Tok::Return => {
                self.next();
                if self.eat(&Tok::Semi) {
                    return Ok(Stmt::Return(None, line));
                }
                let e = self.expr()?;
                self.expect(Tok::Semi, "';'")?;
                Ok(Stmt::Return(Some(e), line))
            }
            Tok::Print => {
                self.next();
                self.expect(Tok::LParen, "'(' after print")?;
                let args = self.args()?;
                self.expect(Tok::Semi, "';'")?;
                Ok(Stmt::Print(args))
            }
            _ => {
                let e = self.expr()?;
                if self.eat(&Tok::Assign) {
                    let ExprKind::Index(a, i) = e.kind else {
                        return Err(CompileError { line, msg: "cannot assign to this expression".to_string() });
                    };
                    let v = self.expr()?;
                    self.expect(Tok::Semi, "';'")?;
                    return Ok(Stmt::SetItem(*a, *i, v, line));
                }
                self.expect(Tok::Semi, "';'")?;
                Ok(Stmt::Expr(e))
            }
        }
    }

    /// Call arguments after the opening parenthesis, through the closing one.
    fn args(&mut self) -> Result<Vec<Expr>, CompileError> {
        self.list(Tok::RParen, "',' or ')'")
    }

    /// Comma-separated expressions through the closing token `end`.
    fn list(&mut self, end: Tok, what: &str) -> Result<Vec<Expr>, CompileError> {
        let mut args = Vec::new();
        if self.eat(&end) {
            return Ok(args);
        }
        loop {
            args.push(self.expr()?);
            if self.eat(&end) {
                return Ok(args);
            }
            self.expect(Tok::Comma, what)?;
        }
    }

    fn expr(&mut self) -> Result<Expr, CompileError> {
        self.enter()?;
        let mut e = self.and()?;
        while self.peek() == &Tok::Or {
            let line = self.line();
            self.next();
            let r = self.and()?;
            e = Expr { kind: ExprKind::Or(Box::new(e), Box::new(r)), line };
        }
        self.leave();
        Ok(e)
    }

    fn and(&mut self) -> Result<Expr, CompileError> {
        let mut e = self.not()?;
        while self.peek() == &Tok::And {
            let line = self.line();
            self.next();
            let r = self.not()?;
            e = Expr { kind: ExprKind::And(Box::new(e), Box::new(r)), line };
        }
        Ok(e)
    }

    fn not(&mut self) -> Result<Expr, CompileError> {
        if self.peek() == &Tok::Not {
            let line = self.line();
            self.next();
            self.enter()?;
            let e = self.not()?;
            self.leave();
            return Ok(Expr { kind: ExprKind::Not(Box::new(e)), line });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, CompileError> {
        let e = self.sum()?;
        let op = match self.peek() {
            Tok::Lt => BinOp::Lt,
            Tok::Le => BinOp::Le,
            Tok::Gt => BinOp::Gt,
            Tok::Ge => BinOp::Ge,
            Tok::EqEq => BinOp::Eq,
            Tok::Ne => BinOp::Ne,
            _ => return Ok(e),
        };
        let line = self.line();
        self.next();
        let r = self.sum()?;
        if matches!(self.peek(), Tok::Lt | Tok::Le | Tok::Gt | Tok::Ge | Tok::EqEq | Tok::Ne) {
            return self.error("comparisons cannot be chained; use 'and'".to_string());
        }
        Ok(Expr { kind: ExprKind::Binary(op, Box::new(e), Box::new(r)), line })
    }

    fn sum(&mut self) -> Result<Expr, CompileError> {
        let mut e = self.term()?;
        loop {
            let op = match self.peek() {
                Tok::Plus => BinOp::Add,
                Tok::Minus => BinOp::Sub,
                _ => return Ok(e),
            };
            let line = self.line();
            self.next();
            let r = self.term()?;
            e = Expr { kind: ExprKind::Binary(op, Box::new(e), Box::new(r)), line };
        }
    }

    fn term(&mut self) -> Result<Expr, CompileError> {
        let mut e = self.unary()?;
        loop {
            let op = match self.peek() {
                Tok::Star => BinOp::Mul,
                Tok::Slash => BinOp::Div,
                Tok::SlashSlash => BinOp::FloorDiv,
                Tok::Percent => BinOp::Mod,
                _ => return Ok(e),
            };
            let line = self.line();
            self.next();
            let r = self.unary()?;
            e = Expr { kind: ExprKind::Binary(op, Box::new(e), Box::new(r)), line };
        }
    }

    fn unary(&mut self) -> Result<Expr, CompileError> {
        if self.peek() == &Tok::Minus {
            let line = self.line();
            self.next();
            self.enter()?;
            let e = self.unary()?;
            self.leave();
            // Fold negative literals; `-x` on anything else stays an operation.
            return Ok(match e.kind {
                ExprKind::Float(v) => Expr { kind: ExprKind::Float(-v), line },
                ExprKind::Int(v) if v.checked_neg().is_some() => Expr { kind: ExprKind::Int(-v), line },
                kind => Expr { kind: ExprKind::Neg(Box::new(Expr { kind, line: e.line })), line },
            });
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Result<Expr, CompileError> {
        let mut e = self.primary()?;
        let mut depth = 0;
        while self.peek() == &Tok::LBracket {
            let line = self.line();
            self.next();
            // Each index nests the tree one level deeper.
            self.enter()?;
            depth += 1;
            let i = self.expr()?;
            self.expect(Tok::RBracket, "']'")?;
            e = Expr { kind: ExprKind::Index(Box::new(e), Box::new(i)), line };
        }
        for _ in 0..depth {
            self.leave();
        }
        Ok(e)
    }

    fn primary(&mut self) -> Result<Expr, CompileError> {
        let line = self.line();
        let kind = match self.next() {
            Tok::Int(v) => ExprKind::Int(v),
            Tok::Float(v) => ExprKind::Float(v),
            Tok::None => ExprKind::None,
            Tok::True => ExprKind::Int(1),
            Tok::False => ExprKind::Int(0),
            Tok::Ident(name) => {
                if self.eat(&Tok::LParen) {
                    ExprKind::Call(name, self.args()?)
                } else {
                    ExprKind::Var(name)
                }
            }
            Tok::LParen => {
                let e = self.expr()?;
                self.expect(Tok::RParen, "')'")?;
                return Ok(e);
            }
            Tok::LBracket => ExprKind::Array(self.list(Tok::RBracket, "',' or ']'")?),
            Tok::Print => {
                return Err(CompileError { line, msg: "print is a statement, not an expression".to_string() })
            }
            t => return Err(CompileError { line, msg: format!("expected an expression, found {}", t.describe()) }),
        };
        Ok(Expr { kind, line })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;

    fn parse_src(s: &str) -> Result<Vec<FnDecl>, CompileError> {
        parse(lex(s)?)
    }

    #[test]
    fn precedence() {
        let fns = parse_src("fn main() { return 1 + 2 * 3 < 4 and not 5 or 6; }").unwrap();
        let Stmt::Return(Some(e), _) = &fns[0].body[0] else { panic!() };
        let ExprKind::Or(l, _) = &e.kind else { panic!("{e:?}") };
        let ExprKind::And(cmp, not) = &l.kind else { panic!() };
        assert!(matches!(not.kind, ExprKind::Not(_)));
        let ExprKind::Binary(BinOp::Lt, sum, _) = &cmp.kind else { panic!() };
        let ExprKind::Binary(BinOp::Add, _, prod) = &sum.kind else { panic!() };
        assert!(matches!(prod.kind, ExprKind::Binary(BinOp::Mul, _, _)));
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let e = parse_src("fn main() {\n let x = ;\n}").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.msg.contains("expected an expression"), "{}", e.msg);
        let e = parse_src("fn main() {\n print(1)\n}").unwrap_err();
        assert_eq!((e.line, e.msg.as_str()), (3, "expected ';', found '}'"));
        assert!(parse_src("fn main() { if 1 < 2 < 3 { } }").is_err());
        assert!(parse_src("fn main() {").is_err());
        assert!(parse_src("fn f(a, a) { }").is_err());
        assert!(parse_src("let x = 1;").is_err());
        let deep = format!("fn main() {{ return {}1{}; }}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse_src(&deep).unwrap_err().msg.contains("nested too deeply"));
        let deep = format!("fn main() {{ return {}1; }}", "-".repeat(10_000));
        assert!(parse_src(&deep).is_err());
    }
}
