//! Lone surrogates in str literals (`'\ud800'`): the parser decodes such an escape to U+FFFD
//! (Rust text cannot hold a surrogate), so after parsing, a literal whose source has one gets
//! its value again with each of them as the char a str holds for it (`chars::SURROGATE_BASE`).

use ruff_python_ast::visitor::transformer::{self, Transformer};
use ruff_python_ast::{Mod, StringFlags, StringLiteral};
use ruff_text_size::Ranged;

/// Whether `source` may have a surrogate escape (`\ud8..` to `\udf..`, or `\U0000d8..`).
pub(super) fn may_have(source: &str) -> bool {
    let b = source.as_bytes();
    b.windows(3).enumerate().any(|(i, w)| {
        w[0] == b'\\'
            && (w[1] == b'u' && matches!(w[2], b'd' | b'D')
                || w[1] == b'U' && b.get(i + 2..i + 7).is_some_and(|r| r.eq_ignore_ascii_case(b"0000d")))
    })
}

/// Gives the str literals of `tree` that have surrogate escapes their surrogates.
pub(super) fn fix(tree: &mut Mod, source: &str) {
    let fixer = Fixer { source };
    match tree {
        Mod::Module(m) => fixer.visit_body(&mut m.body),
        Mod::Expression(e) => fixer.visit_expr(&mut e.body),
    }
}

struct Fixer<'a> {
    source: &'a str,
}

impl Transformer for Fixer<'_> {
    fn visit_string_literal(&self, s: &mut StringLiteral) {
        if s.flags.prefix().is_raw() || !s.value.contains('\u{fffd}') {
            return;
        }
        let r = s.range();
        let start = (r.start() + s.flags.opener_len()).to_usize();
        let end = (r.end() - s.flags.closer_len()).to_usize();
        let Some(body) = self.source.get(start..end) else { return };
        // What each U+FFFD of the value came from: a surrogate escape, or not.
        let origins = origins(body);
        if origins.len() != s.value.matches('\u{fffd}').count() {
            return;
        }
        let mut next = origins.into_iter();
        let value: String = s
            .value
            .chars()
            .map(|c| match c {
                '\u{fffd}' => next.next().flatten().and_then(crate::chars::from_code_point).unwrap_or(c),
                c => c,
            })
            .collect();
        s.value = value.into_boxed_str();
    }

    fn visit_expr(&self, e: &mut ruff_python_ast::Expr) {
        transformer::walk_expr(self, e);
    }
}

/// For each U+FFFD the literal body `body` decodes to, in order: the surrogate it was
/// written as, or None (a U+FFFD written as such).
fn origins(body: &str) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{fffd}' {
            out.push(None);
            continue;
        }
        if c != '\\' {
            continue;
        }
        let digits = match chars.next() {
            Some('u') => 4,
            Some('U') => 8,
            Some('N') => {
                // A named char: U+FFFD only as REPLACEMENT CHARACTER.
                let mut name = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    name.push(c);
                }
                if name.trim_start_matches('{').eq_ignore_ascii_case("replacement character") {
                    out.push(None);
                }
                continue;
            }
            _ => continue,
        };
        let hex: String = (0..digits).filter_map(|_| chars.next()).collect();
        match u32::from_str_radix(&hex, 16) {
            Ok(u) if (0xD800..0xE000).contains(&u) => out.push(Some(u)),
            Ok(0xFFFD) => out.push(None),
            _ => {}
        }
    }
    out
}
