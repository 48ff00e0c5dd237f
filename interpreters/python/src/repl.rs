//! The interactive REPL: `>>> ` and `... ` prompts, statements run one at a time in
//! `__main__`, expression values displayed (and kept in `_`), tracebacks printed without
//! leaving. On a terminal, lines are read with `rustyline` (line editing, history); otherwise
//! (`mtpy -i` with piped input) plainly from stdin, with the prompts on stderr as CPython does.
//!
//! Whether input is complete follows CPython's interactive rules: a statement that opens a
//! block (`if`, `def`, `for`, a decorator, ...) continues until a blank line; open brackets,
//! backslash continuations and triple-quoted strings continue until they close.

use crate::compile::{compile_interactive, SyntaxError};
use crate::session::{report, Outcome, Session};
use std::io::{BufRead, Write};

/// One read from the user.
pub enum Input {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupt,
    /// Ctrl-D, or the end of the input.
    Eof,
}

/// Where lines come from.
pub trait LineSource {
    fn read(&mut self, prompt: &str) -> Input;
    /// Records a complete statement (for history).
    fn remember(&mut self, _source: &str) {}
}

/// Lines from stdin without editing; prompts go to stderr.
pub struct PlainStdin;

impl LineSource for PlainStdin {
    fn read(&mut self, prompt: &str) -> Input {
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => Input::Eof,
            Ok(_) => Input::Line(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    }
}

/// Lines from a terminal through rustyline.
pub struct Terminal {
    editor: rustyline::DefaultEditor,
}

impl Terminal {
    pub fn new() -> Option<Terminal> {
        rustyline::DefaultEditor::new().ok().map(|editor| Terminal { editor })
    }
}

impl LineSource for Terminal {
    fn read(&mut self, prompt: &str) -> Input {
        use rustyline::error::ReadlineError;
        match self.editor.readline(prompt) {
            Ok(line) => Input::Line(line),
            Err(ReadlineError::Interrupted) => Input::Interrupt,
            Err(_) => Input::Eof,
        }
    }

    fn remember(&mut self, source: &str) {
        let _ = self.editor.add_history_entry(source.trim_end());
    }
}

/// What a line made of the statement being entered.
#[derive(Debug, PartialEq, Eq)]
pub enum Push {
    /// Nothing to run (a blank line at `>>> `).
    Nothing,
    /// The statement continues (`... `).
    More,
    /// This source is complete: run it (compiling reports any syntax error).
    Ready(String),
}

/// The lines of the statement being entered.
#[derive(Default)]
pub struct Statement {
    lines: Vec<String>,
}

/// How a source compiles in interactive mode.
enum Shape {
    Complete,
    /// Unfinished inside brackets, a continuation or a triple-quoted string: even a blank line
    /// does not end it.
    Open,
    /// A block header still waiting for its body.
    Block,
    Error,
}

fn compile_err(src: &str) -> Option<SyntaxError> {
    compile_interactive(src, "<stdin>").err()
}

fn shape(src: &str) -> Shape {
    let Some(e) = compile_err(src) else { return Shape::Complete };
    if src.trim_end_matches('\n').ends_with('\\') {
        return Shape::Open;
    }
    let key = |e: &SyntaxError| (e.line, e.col, e.msg.clone());
    let more = compile_err(&format!("{src}\n"));
    let most = compile_err(&format!("{src}\n\n"));
    if more.as_ref().map(key) != most.as_ref().map(key) {
        return Shape::Open;
    }
    // An open bracket or triple-quoted string: CPython's messages for them point at where it
    // opened, wherever the input ends.
    if e.msg.ends_with("was never closed") || e.msg.starts_with("unterminated triple-quoted string") {
        return Shape::Open;
    }
    if e.msg.starts_with("missing closing quote") {
        let at = e.text.as_deref().unwrap_or("").chars().skip((e.col as usize).saturating_sub(1)).collect::<String>();
        let quote = at.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        if quote.starts_with("'''") || quote.starts_with("\"\"\"") {
            return Shape::Open;
        }
    }
    let last = src.trim_end_matches('\n').lines().count() as u32;
    if e.msg.starts_with("expected an indented block") && e.line >= last {
        return Shape::Block;
    }
    Shape::Error
}

/// Whether a statement starting with `first` is compound (it needs a blank line to end).
fn opens_block(first: &str) -> bool {
    let t = first.trim_start();
    if t.starts_with('@') {
        return true;
    }
    let word: String = t.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    match word.as_str() {
        "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async" => true,
        "match" => t.trim_end().ends_with(':'),
        _ => false,
    }
}

impl Statement {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn clear(&mut self) {
        self.lines.clear();
    }

    /// Adds a line.
    pub fn push(&mut self, line: &str) -> Push {
        let blank = line.trim().is_empty();
        if self.lines.is_empty() && blank {
            return Push::Nothing;
        }
        self.lines.push(line.to_string());
        let src = format!("{}\n", self.lines.join("\n"));
        let ready = match shape(&src) {
            Shape::Complete => blank || !opens_block(&self.lines[0]),
            Shape::Open => false,
            Shape::Block => blank,
            Shape::Error => true,
        };
        if !ready {
            return Push::More;
        }
        self.lines.clear();
        Push::Ready(src)
    }
}

/// The banner an interactive session starts with (on stderr).
pub fn banner() -> String {
    format!(
        "Python 3.11.7 (mtpy {}) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
        env!("CARGO_PKG_VERSION")
    )
}

/// Runs the REPL on `session` until end of input or SystemExit: the exit status.
pub fn run(session: &mut Session, input: &mut dyn LineSource) -> i32 {
    let mut stmt = Statement::default();
    loop {
        let prompt = if stmt.is_empty() { ">>> " } else { "... " };
        let line = match input.read(prompt) {
            Input::Line(l) => l,
            Input::Interrupt => {
                stmt.clear();
                eprintln!("\nKeyboardInterrupt");
                continue;
            }
            Input::Eof => return 0,
        };
        let Push::Ready(src) = stmt.push(&line) else { continue };
        input.remember(&src);
        let outcome = session.run_interactive(&src);
        let (text, status) = report(&outcome);
        if let Some(t) = text {
            eprint!("{t}");
        }
        if let Outcome::Exit(_) = outcome {
            return status;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(lines: &[&str]) -> Vec<Push> {
        let mut s = Statement::default();
        lines.iter().map(|l| s.push(l)).collect()
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(feed(&["1 + 1"]), vec![Push::Ready("1 + 1\n".into())]);
        assert_eq!(feed(&[""]), vec![Push::Nothing]);
        assert_eq!(feed(&["x = )"]), vec![Push::Ready("x = )\n".into())]);
    }

    #[test]
    fn blocks_end_with_a_blank_line() {
        let r = feed(&["for i in range(3):", "    print(i)", ""]);
        assert_eq!(r[0], Push::More);
        assert_eq!(r[1], Push::More);
        assert_eq!(r[2], Push::Ready("for i in range(3):\n    print(i)\n\n".into()));
        assert_eq!(feed(&["if x: pass", ""])[0], Push::More);
        assert_eq!(feed(&["@dec", "def f(): pass", ""])[..2], [Push::More, Push::More]);
    }

    #[test]
    fn brackets_and_strings_continue() {
        assert_eq!(feed(&["x = (1,", "2)"]), vec![Push::More, Push::Ready("x = (1,\n2)\n".into())]);
        assert_eq!(feed(&["f(", "", "1)"])[..2], [Push::More, Push::More]);
        assert_eq!(feed(&["s = '''a", "b'''"])[0], Push::More);
        assert_eq!(feed(&["1 + \\", "2"]), vec![Push::More, Push::Ready("1 + \\\n2\n".into())]);
    }

    #[test]
    fn a_blank_line_after_a_header_is_an_error() {
        assert_eq!(feed(&["if x:", ""]), vec![Push::More, Push::Ready("if x:\n\n".into())]);
    }
}
