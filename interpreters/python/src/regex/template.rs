//! Replacement templates (`sub`, `subn`, `Match.expand`): `\1`, `\g<1>`, `\g<name>`,
//! `\g<0>`, octal and character escapes, parsed like CPython's `parse_template` with its
//! errors. Other escapes of non-letters stay as they are (`\.` is a backslash and a dot).

use super::parser::{Source, Tok};
use super::{Error, ErrorKind, MAXGROUPS};

/// A piece of a parsed template.
#[derive(Debug, Clone)]
pub enum Piece {
    Lit(Vec<u32>),
    Group(usize),
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c)) && cs.all(unicode_ident::is_xid_continue)
}

fn octal(t: Tok) -> Option<u32> {
    (!t.esc && (b'0' as u32..=b'7' as u32).contains(&t.c)).then(|| t.c - b'0' as u32)
}

fn digit(t: Tok) -> Option<u32> {
    (!t.esc && (b'0' as u32..=b'9' as u32).contains(&t.c)).then(|| t.c - b'0' as u32)
}

/// Parses template `tpl` for a pattern with `groups` groups named `names`.
pub fn parse(tpl: &[u32], is_bytes: bool, groups: usize, names: &[(String, usize)]) -> Result<Vec<Piece>, Error> {
    let mut s = Source::new(tpl, !is_bytes)?;
    let mut pieces = Vec::new();
    let mut lit: Vec<u32> = Vec::new();
    let add = |s: &Source<'_>, pieces: &mut Vec<Piece>, lit: &mut Vec<u32>, index: u64, offset: usize| {
        if index > groups as u64 {
            return Err(s.error(&format!("invalid group reference {index}"), offset));
        }
        if !lit.is_empty() {
            pieces.push(Piece::Lit(std::mem::take(lit)));
        }
        pieces.push(Piece::Group(index as usize));
        Ok(())
    };
    while let Some(this) = s.get()? {
        if !this.esc {
            lit.push(this.c);
            continue;
        }
        let c = char::from_u32(this.c).unwrap_or('\0');
        if c == 'g' {
            if !s.matches('<')? {
                return Err(s.error("missing <", 0));
            }
            let name = s.getuntil('>', "group name")?;
            let w = name.chars().count();
            let index = if is_identifier(&name) {
                match names.iter().find(|(k, _)| *k == name) {
                    Some(&(_, g)) => g as u64,
                    None => {
                        let msg = format!("unknown group name {}", crate::builtins::repr_str(&name));
                        return Err(Error::other(ErrorKind::Index, msg));
                    }
                }
            } else {
                let ok = !name.is_empty() && name.chars().all(|c| c.is_ascii_digit());
                let Some(v) = ok.then(|| name.parse::<u64>().unwrap_or(u64::MAX)) else {
                    let msg = format!("bad character in group name {}", crate::builtins::repr_str(&name));
                    return Err(s.error(&msg, w + 1));
                };
                if v >= MAXGROUPS {
                    return Err(s.error(&format!("invalid group reference {v}"), w + 1));
                }
                v
            };
            add(&s, &mut pieces, &mut lit, index, w + 1)?;
        } else if c == '0' {
            let mut v = 0;
            for _ in 0..2 {
                match s.next.and_then(octal) {
                    Some(d) => {
                        s.get()?;
                        v = v * 8 + d;
                    }
                    None => break,
                }
            }
            lit.push(v & 0xff);
        } else if c.is_ascii_digit() {
            let first = this.c - b'0' as u32;
            let mut text = format!("\\{c}");
            let mut index = first as u64;
            let mut is_octal = false;
            if let Some(d2) = s.next.and_then(digit) {
                s.get()?;
                text.push(char::from_digit(d2, 10).unwrap_or('0'));
                index = index * 10 + d2 as u64;
                if first < 8 && d2 < 8 {
                    if let Some(d3) = s.next.and_then(octal) {
                        s.get()?;
                        text.push(char::from_digit(d3, 10).unwrap_or('0'));
                        is_octal = true;
                        let v = first * 64 + d2 * 8 + d3;
                        if v > 0o377 {
                            let msg = format!("octal escape value {text} outside of range 0-0o377");
                            return Err(s.error(&msg, text.len()));
                        }
                        lit.push(v);
                    }
                }
            }
            if !is_octal {
                add(&s, &mut pieces, &mut lit, index, text.len() - 1)?;
            }
        } else {
            let v = match c {
                'a' => Some(7),
                'b' => Some(8),
                'f' => Some(12),
                'n' => Some(10),
                'r' => Some(13),
                't' => Some(9),
                'v' => Some(11),
                '\\' => Some(92),
                _ => None,
            };
            match v {
                Some(v) => lit.push(v),
                None if c.is_ascii_alphabetic() => {
                    return Err(s.error(&format!("bad escape \\{c}"), 2));
                }
                None => {
                    lit.push('\\' as u32);
                    lit.push(this.c);
                }
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Ok(pieces)
}
