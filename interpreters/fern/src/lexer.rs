//! The Fern lexer: source text to tokens, each tagged with its line number.

use crate::CompileError;

/// A token of Fern source.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier.
    Ident(String),
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// `fn`
    Fn,
    /// `let`
    Let,
    /// `if`
    If,
    /// `else`
    Else,
    /// `while`
    While,
    /// `return`
    Return,
    /// `print`
    Print,
    /// `and`
    And,
    /// `or`
    Or,
    /// `not`
    Not,
    /// `none`
    None,
    /// `true`
    True,
    /// `false`
    False,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `{`
    LBrace,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `}`
    RBrace,
    /// `,`
    Comma,
    /// `;`
    Semi,
    /// `=`
    Assign,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `//`
    SlashSlash,
    /// `%`
    Percent,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    EqEq,
    /// `!=`
    Ne,
    /// End of input.
    Eof,
}

impl Tok {
    /// How the token reads in error messages.
    pub fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("identifier '{s}'"),
            Tok::Int(v) => format!("number {v}"),
            Tok::Float(v) => format!("number {v}"),
            Tok::Eof => "end of file".to_string(),
            t => format!("'{}'", t.text()),
        }
    }

    fn text(&self) -> &'static str {
        match self {
            Tok::Fn => "fn",
            Tok::Let => "let",
            Tok::If => "if",
            Tok::Else => "else",
            Tok::While => "while",
            Tok::Return => "return",
            Tok::Print => "print",
            Tok::And => "and",
            Tok::Or => "or",
            Tok::Not => "not",
            Tok::None => "none",
            Tok::True => "true",
            Tok::False => "false",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBrace => "{",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::RBrace => "}",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Assign => "=",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::SlashSlash => "//",
            Tok::Percent => "%",
            Tok::Lt => "<",
            Tok::Le => "<=",
            Tok::Gt => ">",
            Tok::Ge => ">=",
            Tok::EqEq => "==",
            Tok::Ne => "!=",
            Tok::Ident(_) | Tok::Int(_) | Tok::Float(_) | Tok::Eof => "",
        }
    }
}

/// A token and the line it starts on (1-based).
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Its line.
    pub line: u32,
}

fn keyword(s: &str) -> Option<Tok> {
    Some(match s {
        "fn" => Tok::Fn,
        "let" => Tok::Let,
        "if" => Tok::If,
        "else" => Tok::Else,
        "while" => Tok::While,
        "return" => Tok::Return,
        "print" => Tok::Print,
        "and" => Tok::And,
        "or" => Tok::Or,
        "not" => Tok::Not,
        "none" => Tok::None,
        "true" => Tok::True,
        "false" => Tok::False,
        _ => return None,
    })
}

/// Splits source into tokens; the last one is [`Tok::Eof`]. `#` starts a comment that runs
/// to the end of the line.
pub fn lex(src: &str) -> Result<Vec<Token>, CompileError> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line: u32 = 1;
    let err = |line: u32, msg: String| CompileError { line, msg };
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                line = line.saturating_add(1);
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        let start = i;
        let tok = if c.is_ascii_alphabetic() || c == b'_' {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let word = &src[start..i];
            keyword(word).unwrap_or_else(|| Tok::Ident(word.to_string()))
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let mut float = false;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i < b.len() && b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                float = true;
                i += 1;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
                let mut j = i + 1;
                if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
                    j += 1;
                }
                if j < b.len() && b[j].is_ascii_digit() {
                    float = true;
                    i = j;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            if i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'_') {
                return Err(err(line, format!("invalid number literal '{}'", word_at(src, start))));
            }
            let text = &src[start..i];
            if float {
                match text.parse::<f64>() {
                    Ok(v) => Tok::Float(v),
                    Err(_) => return Err(err(line, format!("invalid number literal '{text}'"))),
                }
            } else {
                match text.parse::<i64>() {
                    Ok(v) => Tok::Int(v),
                    Err(_) => return Err(err(line, format!("integer literal {text} is too large"))),
                }
            }
        } else {
            let next = b.get(i + 1).copied();
            let (t, len) = match (c, next) {
                (b'/', Some(b'/')) => (Tok::SlashSlash, 2),
                (b'<', Some(b'=')) => (Tok::Le, 2),
                (b'>', Some(b'=')) => (Tok::Ge, 2),
                (b'=', Some(b'=')) => (Tok::EqEq, 2),
                (b'!', Some(b'=')) => (Tok::Ne, 2),
                (b'(', _) => (Tok::LParen, 1),
                (b')', _) => (Tok::RParen, 1),
                (b'{', _) => (Tok::LBrace, 1),
                (b'[', _) => (Tok::LBracket, 1),
                (b']', _) => (Tok::RBracket, 1),
                (b'}', _) => (Tok::RBrace, 1),
                (b',', _) => (Tok::Comma, 1),
                (b';', _) => (Tok::Semi, 1),
                (b'=', _) => (Tok::Assign, 1),
                (b'+', _) => (Tok::Plus, 1),
                (b'-', _) => (Tok::Minus, 1),
                (b'*', _) => (Tok::Star, 1),
                (b'/', _) => (Tok::Slash, 1),
                (b'%', _) => (Tok::Percent, 1),
                (b'<', _) => (Tok::Lt, 1),
                (b'>', _) => (Tok::Gt, 1),
                _ => {
                    let ch = src[i..].chars().next().unwrap_or('?');
                    return Err(err(line, format!("unexpected character {ch:?}")));
                }
            };
            i += len;
            t
        };
        out.push(Token { tok, line });
    }
    out.push(Token { tok: Tok::Eof, line });
    Ok(out)
}

/// The run of identifier characters starting at `start` (for error messages).
fn word_at(src: &str, start: usize) -> &str {
    let b = src.as_bytes();
    let mut j = start;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] == b'.') {
        j += 1;
    }
    &src[start..j]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        lex(s).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn lexes_operators_numbers_and_keywords() {
        assert_eq!(
            toks("fn f(x) { return x // 2 <= 1.5e3; } # comment\n.5 1e2 7"),
            vec![
                Tok::Fn,
                Tok::Ident("f".into()),
                Tok::LParen,
                Tok::Ident("x".into()),
                Tok::RParen,
                Tok::LBrace,
                Tok::Return,
                Tok::Ident("x".into()),
                Tok::SlashSlash,
                Tok::Int(2),
                Tok::Le,
                Tok::Float(1500.0),
                Tok::Semi,
                Tok::RBrace,
                Tok::Float(0.5),
                Tok::Float(100.0),
                Tok::Int(7),
                Tok::Eof
            ]
        );
    }

    #[test]
    fn reports_lines_of_bad_input() {
        let e = lex("fn main() {\n  let x = 3 $ 4;\n}").unwrap_err();
        assert_eq!((e.line, e.msg.as_str()), (2, "unexpected character '$'"));
        let e = lex("\n\n99999999999999999999").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.msg.contains("too large"), "{}", e.msg);
        assert!(lex("12abc").is_err());
        assert!(lex("é").is_err());
    }
}
