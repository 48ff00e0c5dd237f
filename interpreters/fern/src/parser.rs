//! The Fern parser: tokens to a syntax tree, by recursive descent.
//!
//! No input may overflow the native stack, in the parser, the compiler or when the tree is
//! dropped (every one of them walks it recursively). So a left-associative chain of operators
//! of one precedence level (`a + b - c + ...`, `a and b and ...`) is parsed by a loop into one
//! flat node with a list of operands, however long it is, and each construct that nests the
//! tree (parentheses, blocks, unary operators, indexing, call arguments and array items)
//! counts one level towards [`MAX_NESTING`]: deeper is a syntax error ("expression too
//! deeply nested"), as in CPython. The tree is then at most a few nodes deep per level.
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
/// the Rust stack on hostile input: a few kilobytes of stack per level in a debug build).
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
    /// Binary operators of one precedence level, left-associative: `first op1 e1 op2 e2 ...`
    /// (at least one; exactly one for a comparison). Flat, so that a long chain needs no
    /// deep recursion to compile or drop.
    Binary(Box<Expr>, Vec<(BinOp, Expr)>),
    /// `a and b and ...` (two or more operands; short-circuit; 0 or 1)
    And(Vec<Expr>),
    /// `a or b or ...` (two or more operands; short-circuit; 0 or 1)
    Or(Vec<Expr>),
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
            return self.error(format!(
                "expression too deeply nested (more than {MAX_NESTING} levels of blocks and expressions)"
            ));
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
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return self
                .error(format!("block too deeply nested (more than {MAX_NESTING} levels of blocks and expressions)"));
        }
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
        let e = self.and()?;
        if self.peek() != &Tok::Or {
            self.leave();
            return Ok(e);
        }
        let line = e.line;
        let mut operands = vec![e];
        while self.eat(&Tok::Or) {
            operands.push(self.and()?);
        }
        self.leave();
        Ok(Expr { kind: ExprKind::Or(operands), line })
    }

    fn and(&mut self) -> Result<Expr, CompileError> {
        let e = self.not()?;
        if self.peek() != &Tok::And {
            return Ok(e);
        }
        let line = e.line;
        let mut operands = vec![e];
        while self.eat(&Tok::And) {
            operands.push(self.not()?);
        }
        Ok(Expr { kind: ExprKind::And(operands), line })
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
        Ok(Expr { kind: ExprKind::Binary(Box::new(e), vec![(op, r)]), line })
    }

    /// A left-associative chain of the operators `op_of` recognizes, each operand parsed by
    /// `operand`: one flat node, by a loop.
    fn chain(
        &mut self,
        operand: fn(&mut Self) -> Result<Expr, CompileError>,
        op_of: fn(&Tok) -> Option<BinOp>,
    ) -> Result<Expr, CompileError> {
        let e = operand(self)?;
        let mut rest = Vec::new();
        while let Some(op) = op_of(self.peek()) {
            self.next();
            rest.push((op, operand(self)?));
        }
        if rest.is_empty() {
            return Ok(e);
        }
        let line = e.line;
        Ok(Expr { kind: ExprKind::Binary(Box::new(e), rest), line })
    }

    fn sum(&mut self) -> Result<Expr, CompileError> {
        self.chain(Self::term, |t| match t {
            Tok::Plus => Some(BinOp::Add),
            Tok::Minus => Some(BinOp::Sub),
            _ => None,
        })
    }

    fn term(&mut self) -> Result<Expr, CompileError> {
        self.chain(Self::unary, |t| match t {
            Tok::Star => Some(BinOp::Mul),
            Tok::Slash => Some(BinOp::Div),
            Tok::SlashSlash => Some(BinOp::FloorDiv),
            Tok::Percent => Some(BinOp::Mod),
            _ => None,
        })
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
        let ExprKind::Or(or) = &e.kind else { panic!("{e:?}") };
        let ExprKind::And(and) = &or[0].kind else { panic!() };
        assert!(matches!(and[1].kind, ExprKind::Not(_)));
        let ExprKind::Binary(sum, cmp) = &and[0].kind else { panic!() };
        assert_eq!(cmp[0].0, BinOp::Lt);
        let ExprKind::Binary(_, sum) = &sum.kind else { panic!() };
        assert_eq!(sum[0].0, BinOp::Add);
        assert!(matches!(&sum[0].1.kind, ExprKind::Binary(_, prod) if prod[0].0 == BinOp::Mul));
    }

    #[test]
    fn long_chains_are_flat() {
        let src = format!("fn main() {{ return 0{}; }}", " + 1 - 2".repeat(50_000));
        let fns = parse_src(&src).unwrap();
        let Stmt::Return(Some(e), _) = &fns[0].body[0] else { panic!() };
        let ExprKind::Binary(_, rest) = &e.kind else { panic!() };
        assert_eq!(rest.len(), 100_000);
        let src = format!("fn main() {{ return 1{}; }}", " and 1 or 0".repeat(50_000));
        let fns = parse_src(&src).unwrap();
        let Stmt::Return(Some(e), _) = &fns[0].body[0] else { panic!() };
        assert!(matches!(&e.kind, ExprKind::Or(ops) if ops.len() == 50_001));
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
        assert!(parse_src(&deep).unwrap_err().msg.contains("expression too deeply nested"));
        let deep = format!("fn main() {{ return {}1; }}", "-".repeat(10_000));
        assert!(parse_src(&deep).is_err());
    }
}
