//! Where a traceback's `~~~^^^~~~` marks change under a line of source (CPython 3.11's
//! `traceback` module): the source an instruction covers is parsed again, and a binary
//! operation gets `^` under its operator, a subscript under its brackets and index.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// For `segment`, the source text of one instruction: (end of the leading `~` part, end of
/// the `^` part) in characters, if it parses as one expression statement that is a binary
/// operation or a subscript. The offsets are worked out as CPython's `traceback` does,
/// quirks included (a closing parenthesis after the left operand moves both anchors).
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    let [Stmt::Expr(stmt)] = body.as_slice() else { return None };
    let chars: Vec<char> = segment.chars().collect();
    // A byte offset of `segment` as a character offset.
    let at = |byte: u32| segment[..(byte as usize).min(segment.len())].chars().count();
    match &*stmt.value {
        Expr::BinOp(b) => {
            let (op_start, op_end) = (at(b.left.end().to_u32()), at(b.right.start().to_u32()));
            let op: &[char] = chars.get(op_start..op_end.max(op_start))?;
            let lead = op.iter().take_while(|c| c.is_whitespace()).count();
            let mut left = op_start + lead;
            let mut right = left + 1;
            if op.get(lead + 1).is_some_and(|c| !c.is_whitespace()) {
                right += 1;
            }
            while left < chars.len() && (chars[left].is_whitespace() || chars[left] == ')' || chars[left] == '#') {
                left += 1;
                right += 1;
            }
            Some((left, right))
        }
        Expr::Subscript(s) => {
            let mut left = at(s.value.end().to_u32());
            let mut right = at(s.slice.end().to_u32()) + 1;
            while left < chars.len() && chars[left] != '[' {
                left += 1;
            }
            while right < chars.len() && chars[right] != ']' {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn binary_operations_and_subscripts_have_anchors() {
        assert_eq!(caret_anchors("a + b"), Some((2, 3)));
        assert_eq!(caret_anchors("x[\"k\"] + 1"), Some((7, 8)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("(a + b) * c"), Some((8, 9)));
        assert_eq!(caret_anchors("x[10]"), Some((1, 5)));
        assert_eq!(caret_anchors("d[ k ]"), Some((1, 6)));
        assert_eq!(caret_anchors("a ** (b)"), Some((2, 4)));
        assert_eq!(caret_anchors("(a) ** b"), Some((4, 5)));
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("a +"), None);
    }
}
