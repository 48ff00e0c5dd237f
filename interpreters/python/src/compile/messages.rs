//! CPython 3.11's syntax error messages and positions for what Ruff's parser reports.
//!
//! Ruff's parser recovers from errors and words them its own way; CPython stops at the first
//! and has a message of its own for the common cases (`expected ':'`, `'(' was never
//! closed`, `cannot assign to literal`, `unterminated string literal (detected at line 1)`,
//! `expected an indented block after 'if' statement on line 1`, ...) and `invalid syntax`
//! for the rest. The tokenizer's own errors (null bytes, inconsistent tabs, too deep
//! indentation, unmatched brackets) are found here from the token stream.

use super::SyntaxErrorKind;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// A syntax error as CPython reports it: the caret spans `range` (no caret line when
/// `caret` is false, as for the tokenizer's indentation errors).
pub(super) struct Found {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub range: TextRange,
    pub caret: bool,
}

fn found(kind: SyntaxErrorKind, msg: impl Into<String>, range: TextRange) -> Found {
    Found { kind, msg: msg.into(), range, caret: true }
}

fn syntax(msg: impl Into<String>, range: TextRange) -> Found {
    found(SyntaxErrorKind::SyntaxError, msg, range)
}

/// CPython's tokenizer allows 100 levels of indentation (MAXINDENT), less one.
const MAX_INDENT: usize = 99;

/// The first error of `source` as CPython reports it, if any.
pub(super) fn first_error(source: &str, tokens: &[Token], errors: &[ParseError]) -> Option<Found> {
    if let Some(nul) = source.find('\0') {
        let r = TextRange::empty(TextSize::new(nul as u32));
        return Some(Found { caret: false, ..syntax("source code cannot contain null bytes", r) });
    }
    if std::env::var_os("MTPY_DEBUG_PARSE").is_some() {
        for e in errors {
            eprintln!("ruff: {:?} at {:?}", e.error, e.location);
        }
    }
    let parse = errors.first().map(|e| parse_error(source, tokens, errors, e));
    // The tokenizer runs a line ahead of the parser: its errors on that line come first.
    let limit = parse.as_ref().map_or(TextSize::new(u32::MAX), |f| line_end(source, f.range.start()));
    if let Some(t) = tokenizer_error(source, tokens, limit) {
        return Some(t);
    }
    parse
}

/// The tokenizer's errors before `limit`: tabs, indentation depth, unmatched brackets.
fn tokenizer_error(source: &str, tokens: &[Token], limit: TextSize) -> Option<Found> {
    // (col with tabs to 8, col with tabs to 1) of each open indentation level.
    let mut indents: Vec<(usize, usize)> = vec![(0, 0)];
    let mut brackets: Vec<(char, TextRange)> = Vec::new();
    let mut line_start = true;
    for t in tokens {
        if t.start() > limit {
            break;
        }
        match t.kind() {
            TokenKind::Newline => line_start = true,
            TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Indent | TokenKind::Dedent => {}
            TokenKind::EndOfFile => break,
            kind => {
                if line_start {
                    line_start = false;
                    if let Some(e) = check_indent(source, t.start(), &mut indents) {
                        return Some(e);
                    }
                }
                if let Some(e) = check_bracket(source, kind, t.range(), &mut brackets) {
                    return Some(e);
                }
            }
        }
    }
    None
}

/// The indentation of the logical line starting at `at` against the open levels.
fn check_indent(source: &str, at: TextSize, indents: &mut Vec<(usize, usize)>) -> Option<Found> {
    let pos = usize::from(at);
    let bol = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    let ws = &source[bol..pos];
    if !ws.chars().all(|c| c == ' ' || c == '\t' || c == '\x0c') {
        return None; // Not the first token of its physical line (after `;` or a continuation).
    }
    let (mut col, mut alt) = (0usize, 0usize);
    for c in ws.chars() {
        match c {
            '\t' => {
                col = (col / 8 + 1) * 8;
                alt += 1;
            }
            '\x0c' => (col, alt) = (0, 0),
            _ => {
                col += 1;
                alt += 1;
            }
        }
    }
    let line = TextRange::empty(TextSize::new(bol as u32));
    let tab_error = || Found {
        caret: false,
        ..found(SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", line)
    };
    let &(top, top_alt) = indents.last().unwrap();
    if col > top {
        if alt <= top_alt {
            return Some(tab_error());
        }
        if indents.len() > MAX_INDENT {
            let e = found(SyntaxErrorKind::IndentationError, "too many levels of indentation", line);
            return Some(Found { caret: false, ..e });
        }
        indents.push((col, alt));
    } else {
        while indents.len() > 1 && col < indents.last().unwrap().0 {
            indents.pop();
        }
        let &(top, top_alt) = indents.last().unwrap();
        if col == top && alt != top_alt {
            return Some(tab_error());
        }
    }
    None
}

/// Brackets: an unmatched or mismatched closing one is the tokenizer's error.
fn check_bracket(source: &str, kind: TokenKind, range: TextRange, open: &mut Vec<(char, TextRange)>) -> Option<Found> {
    let c = match kind {
        TokenKind::Lpar => '(',
        TokenKind::Lsqb => '[',
        TokenKind::Lbrace => '{',
        TokenKind::Rpar => ')',
        TokenKind::Rsqb => ']',
        TokenKind::Rbrace => '}',
        _ => return None,
    };
    if matches!(c, '(' | '[' | '{') {
        open.push((c, range));
        return None;
    }
    let Some((o, orange)) = open.pop() else {
        return Some(syntax(format!("unmatched '{c}'"), range));
    };
    let want = match o {
        '(' => ')',
        '[' => ']',
        _ => '}',
    };
    if c != want {
        let (l1, l2) = (line_of(source, orange.start()), line_of(source, range.start()));
        let msg = if l1 == l2 {
            format!("closing parenthesis '{c}' does not match opening parenthesis '{o}'")
        } else {
            format!("closing parenthesis '{c}' does not match opening parenthesis '{o}' on line {l1}")
        };
        return Some(syntax(msg, range));
    }
    None
}

fn line_of(source: &str, at: TextSize) -> usize {
    source[..usize::from(at).min(source.len())].matches('\n').count() + 1
}

/// The brackets still open at the end of the token stream, innermost last.
fn unclosed(tokens: &[Token]) -> Vec<(char, TextRange)> {
    let mut open = Vec::new();
    for t in tokens {
        match t.kind() {
            TokenKind::Lpar => open.push(('(', t.range())),
            TokenKind::Lsqb => open.push(('[', t.range())),
            TokenKind::Lbrace => open.push(('{', t.range())),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                open.pop();
            }
            _ => {}
        }
    }
    open
}

/// The text of `range` in `source`.
fn text(source: &str, range: TextRange) -> &str {
    let (s, e) = (usize::from(range.start()).min(source.len()), usize::from(range.end()).min(source.len()));
    source.get(s..e).unwrap_or("")
}

/// What CPython calls an invalid target (`literal`, `function call`, `expression`, ...).
fn target_kind(t: &str) -> &'static str {
    let t = t.trim();
    match t {
        "True" => return "True",
        "False" => return "False",
        "None" => return "None",
        "..." => return "ellipsis",
        _ => {}
    }
    let first = t.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() || first == '"' || first == '\'' || (first == '.' && t.len() > 1) {
        return "literal";
    }
    if t.starts_with("f'") || t.starts_with("f\"") {
        return "f-string expression";
    }
    if t.starts_with("lambda") {
        return "lambda";
    }
    if t.ends_with(')') && !t.starts_with('(') {
        return "function call";
    }
    if t.starts_with('{') {
        return if t.contains(':') { "dict literal" } else { "set display" };
    }
    if t.starts_with('[') && t.contains(" for ") {
        return "list comprehension";
    }
    if t.starts_with('(') && t.contains(" for ") {
        return "generator expression";
    }
    if t.starts_with("yield") {
        return "yield expression";
    }
    if t.starts_with("await") {
        return "await expression";
    }
    if t.contains(" if ") && t.contains(" else ") {
        return "conditional expression";
    }
    if [" == ", " != ", " < ", " > ", " <= ", " >= ", " in ", " is "].iter().any(|op| t.contains(op)) {
        return "comparison";
    }
    "expression"
}

/// Whether `range` starts its logical line (only indentation before it on its line).
fn starts_line(source: &str, range: TextRange) -> bool {
    let pos = usize::from(range.start()).min(source.len());
    let bol = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    source[bol..pos].chars().all(|c| c == ' ' || c == '\t')
}

/// The statement that opened the block a missing indented block belongs to.
fn block_header(source: &str, at: TextSize) -> String {
    let pos = usize::from(at).min(source.len());
    let bol = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    let before = &source[..bol];
    let mut line_no = before.matches('\n').count();
    for line in before.lines().rev() {
        let t = line.trim_start();
        if t.is_empty() || t.starts_with('#') {
            line_no -= 1;
            continue;
        }
        let word: String = t.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let word = if word == "async" {
            t[5..].trim_start().chars().take_while(|c| c.is_alphanumeric()).collect()
        } else {
            word
        };
        let what = match word.as_str() {
            "def" => "function definition".to_string(),
            "class" => "class definition".to_string(),
            "if" | "elif" | "else" | "for" | "while" | "try" | "except" | "finally" | "with" | "match" | "case" => {
                format!("'{word}' statement")
            }
            _ => return "expected an indented block".into(),
        };
        return format!("expected an indented block after {what} on line {line_no}");
    }
    "expected an indented block".into()
}

/// CPython's message for one of Ruff's parse errors.
fn parse_error(source: &str, tokens: &[Token], errors: &[ParseError], e: &ParseError) -> Found {
    use SyntaxErrorKind::*;
    let r = e.location;
    let t = text(source, r);
    let generic = |source: &str| {
        // CPython's parser has read on to the end inside an open bracket: it names the bracket.
        let at_eof = matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::Eof))
            || tokens
                .iter()
                .filter(|t| !matches!(t.kind(), TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Dedent))
                .find(|t| t.start() >= r.start())
                .is_none_or(|t| t.kind() == TokenKind::EndOfFile);
        if let Some(&(c, br)) = unclosed(tokens).last() {
            if br.start() <= r.start() && (at_eof || line_of(source, br.start()) < line_of(source, r.start())) {
                return syntax(format!("'{c}' was never closed"), br);
            }
        }
        let at = first_token(tokens, r);
        if let Some(prev) = tokens.iter().rev().find(|t| t.end() <= at.start()) {
            let number = matches!(prev.kind(), TokenKind::Int | TokenKind::Float);
            if number
                && prev.end() == at.start()
                && text(source, at).starts_with(|c: char| c.is_alphabetic() || c == '_')
            {
                return syntax("invalid decimal literal", TextRange::empty(at.start()));
            }
            let inside = !unclosed_at(tokens, at.start()).is_empty();
            if inside && ends_operand(prev.kind()) && starts_operand(source, at) {
                return syntax("invalid syntax. Perhaps you forgot a comma?", TextRange::new(prev.start(), at.end()));
            }
        }
        // For a plain "invalid syntax" CPython tokenizes the rest of the file: a tokenizer
        // error anywhere wins.
        if let Some(t) = tokenizer_error(source, tokens, TextSize::new(u32::MAX)) {
            return t;
        }
        if let Some(l) =
            errors.iter().find(|e| matches!(e.error, ParseErrorType::Lexical(_)) && e.location.start() > r.start())
        {
            let f = parse_error(source, tokens, errors, l);
            if f.msg != "invalid syntax" {
                return f;
            }
        }
        syntax("invalid syntax", at)
    };
    match &e.error {
        ParseErrorType::UnexpectedIndentation => {
            Found { caret: false, ..found(IndentationError, "unexpected indent", r) }
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            let end = TextRange::empty(line_end(source, r.start()));
            found(IndentationError, "unindent does not match any outer indentation level", end)
        }
        ParseErrorType::OtherError(m) if m.contains("indented block") => {
            // CPython points at the next statement and names the header before it.
            let next = tokens.iter().find(|t| {
                t.start() >= r.start()
                    && !matches!(
                        t.kind(),
                        TokenKind::Newline
                            | TokenKind::NonLogicalNewline
                            | TokenKind::Comment
                            | TokenKind::Indent
                            | TokenKind::Dedent
                    )
            });
            let at = next.map_or(r.end(), |t| first_on_line(source, t.start()));
            found(IndentationError, block_header(source, at), TextRange::empty(at))
        }
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError)
        | ParseErrorType::Lexical(LexicalErrorType::FStringError(_))
            if is_unclosed_string(t) =>
        {
            let triple = t.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let triple = triple.starts_with("\"\"\"") || triple.starts_with("'''");
            let line = if triple { source.lines().count().max(1) } else { line_of(source, r.start()) };
            let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
            syntax(format!("{what} (detected at line {line})"), TextRange::empty(r.start()))
        }
        ParseErrorType::Lexical(LexicalErrorType::LineContinuationError) => syntax(
            "unexpected character after line continuation character",
            TextRange::empty(r.start() + TextSize::new(1)),
        ),
        ParseErrorType::FStringError(ruff_python_parser::InterpolatedStringErrorType::InvalidConversionFlag)
        | ParseErrorType::Lexical(LexicalErrorType::FStringError(
            ruff_python_parser::InterpolatedStringErrorType::InvalidConversionFlag,
        )) => syntax("f-string: invalid conversion character: expected 's', 'r', or 'a'", r),
        ParseErrorType::Lexical(LexicalErrorType::Eof) => generic(source),
        ParseErrorType::Lexical(LexicalErrorType::OtherError(m)) if m.contains("decimal integer") => syntax(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            TextRange::empty(r.start()),
        ),
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) if tok.is_control() => {
            let msg = format!("invalid non-printable character U+{:04X}", *tok as u32);
            syntax(msg, TextRange::empty(r.start()))
        }
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) if !tok.is_ascii() => {
            let msg = format!("invalid character '{tok}' (U+{:04X})", *tok as u32);
            syntax(msg, TextRange::empty(r.start()))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Equal } => {
            // From the name before the `=` to the end of the value.
            let eq = first_token(tokens, r);
            let start = expr_before(tokens, eq).start();
            let end = tokens
                .iter()
                .skip_while(|t| t.start() <= eq.start())
                .take_while(|t| !matches!(t.kind(), TokenKind::Colon | TokenKind::Newline | TokenKind::EndOfFile))
                .last()
                .map_or(eq.end(), |t| t.end());
            syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", TextRange::new(start, end))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, .. } if dict_display(tokens, r) => {
            let key = expr_before(tokens, r);
            let at = key.end().checked_sub(TextSize::new(1)).unwrap_or(key.end());
            syntax("':' expected after dictionary key", TextRange::empty(at))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found } if !is_closer(*found) => {
            syntax("expected ':'", first_token(tokens, r))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Else, .. } => {
            // From the value before `if` to the end of the condition.
            let end = expr_before(tokens, r).end();
            let if_tok = tokens.iter().rev().find(|t| t.end() <= r.start() && t.kind() == TokenKind::If);
            let start = if_tok.map_or(end, |t| expr_before(tokens, t.range()).start());
            syntax("expected 'else' after 'if' expression", TextRange::new(start, end))
        }
        ParseErrorType::OtherError(m) if m.contains("`except` or `finally`") => {
            // On the last line of the `try` body, without a caret.
            let last = expr_before(tokens, r);
            let start = TextRange::empty(first_on_line(source, last.start()));
            Found { caret: false, ..syntax("expected 'except' or 'finally' block", start) }
        }
        ParseErrorType::InvalidAssignmentTarget | ParseErrorType::InvalidNamedAssignmentTarget => {
            let kind = target_kind(t);
            if t.trim_start().starts_with("yield") {
                return syntax("assignment to yield expression not possible", r);
            }
            if kind == "True" || kind == "False" || kind == "None" || kind == "ellipsis" {
                return syntax(format!("cannot assign to {kind}"), r);
            }
            if starts_line(source, r) {
                syntax(format!("cannot assign to {kind} here. Maybe you meant '==' instead of '='?"), r)
            } else {
                syntax(format!("cannot assign to {kind}"), r)
            }
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => syntax(format!("illegal target for annotation"), r),
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            syntax(format!("'{}' is an illegal expression for augmented assignment", target_kind(t)), r)
        }
        ParseErrorType::InvalidDeleteTarget => syntax(format!("cannot delete {}", target_kind(t)), r),
        ParseErrorType::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument", r),
        ParseErrorType::PositionalAfterKeywordArgument => {
            syntax("positional argument follows keyword argument", TextRange::empty(r.end()))
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking", r)
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking", TextRange::empty(r.start()))
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized", r),
        ParseErrorType::SimpleStatementsOnSameLine if print_statement(source, tokens, r).is_some() => syntax(
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            print_statement(source, tokens, r).unwrap(),
        ),
        _ => generic(source),
    }
}

/// The brackets open just before `at`.
fn unclosed_at(tokens: &[Token], at: TextSize) -> Vec<(char, TextRange)> {
    let before: Vec<Token> = tokens.iter().take_while(|t| t.start() < at).cloned().collect();
    unclosed(&before)
}

/// Whether a token can end an operand (`x`, `1`, `'s'`, `)`).
fn ends_operand(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
    )
}

/// Whether the token at `r` can start an operand.
fn starts_operand(source: &str, r: TextRange) -> bool {
    let t = text(source, r);
    t.starts_with(|c: char| {
        c.is_alphanumeric() || c == '_' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '{'
    }) && !matches!(t, "in" | "is" | "and" | "or" | "not" | "if" | "else" | "for" | "async" | "as" | "from")
}

fn is_closer(k: TokenKind) -> bool {
    matches!(k, TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace | TokenKind::Comma)
}

fn is_unclosed_string(t: &str) -> bool {
    let s = t.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    s.starts_with('"') || s.starts_with('\'')
}

/// The range of the first token at or after `r`'s start (Ruff may report wider ranges).
fn first_token(tokens: &[Token], r: TextRange) -> TextRange {
    tokens
        .iter()
        .find(|t| t.start() >= r.start() && !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
        .map_or(r, |t| if t.kind() == TokenKind::EndOfFile { TextRange::empty(t.start()) } else { t.range() })
}

/// The range of the token before `r`'s start.
fn expr_before(tokens: &[Token], r: TextRange) -> TextRange {
    tokens
        .iter()
        .rev()
        .find(|t| {
            t.end() <= r.start()
                && !matches!(
                    t.kind(),
                    TokenKind::Comment
                        | TokenKind::NonLogicalNewline
                        | TokenKind::Newline
                        | TokenKind::Indent
                        | TokenKind::Dedent
                )
        })
        .map_or(r, |t| t.range())
}

fn line_end(source: &str, at: TextSize) -> TextSize {
    let pos = usize::from(at).min(source.len());
    TextSize::new(source[pos..].find('\n').map_or(source.len(), |i| pos + i) as u32)
}

fn first_on_line(source: &str, at: TextSize) -> TextSize {
    let pos = usize::from(at).min(source.len());
    let bol = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    let ind = source[bol..].len() - source[bol..].trim_start_matches([' ', '\t']).len();
    TextSize::new((bol + ind) as u32)
}

/// `print x` (Python 2's print statement): the statement's range.
fn print_statement(source: &str, tokens: &[Token], r: TextRange) -> Option<TextRange> {
    let i = tokens.iter().rposition(|t| t.end() <= r.start() && t.kind() != TokenKind::Comment)?;
    let t = &tokens[i];
    if text(source, t.range()) != "print" || !starts_line(source, t.range()) {
        return None;
    }
    let end = tokens[i..].iter().find(|t| t.kind() == TokenKind::Newline).map_or(r.end(), |t| t.start());
    Some(TextRange::new(t.start(), end))
}

/// Whether the innermost bracket open at `r` is a `{` whose first item has a `:`.
fn dict_display(tokens: &[Token], r: TextRange) -> bool {
    let before: Vec<&Token> = tokens.iter().take_while(|t| t.end() <= r.start()).collect();
    let mut depth = 0i32;
    let mut colon = false;
    for t in before.iter().rev() {
        match t.kind() {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb if depth > 0 => depth -= 1,
            TokenKind::Lbrace if depth > 0 => depth -= 1,
            TokenKind::Lbrace => return colon,
            TokenKind::Lpar | TokenKind::Lsqb => return false,
            TokenKind::Colon if depth == 0 => colon = true,
            _ => {}
        }
    }
    false
}
