//! The trace text format: a deterministic printer and a parser that reads its output back.
//!
//! ```text
//! # loop at bf:3                                   comments start with '#'
//! descr tape = array u8 base=0                      descriptors the ops below use
//! descr putc = call(p, i) -> none write
//! inputs(i0, p1, p2)
//! i3 = getarrayitem_i(p1, i0, descr=tape)
//! i4 = int_is_zero(i3)
//! guard_false(i4) [bf:3: i0, p1, p2]                a guard and its snapshot, outermost frame first
//! i5 = int_add(i0, 1)
//! jump(i5, p1, p2)
//! ```
//!
//! Values are named by type (`i` integer, `f` float, `p` reference) and renumbered in
//! definition order when printed, so two traces that differ only in numbering print the same.
//! Constants are inline: `42`, `-1`, `1.5`, `NULL`, and `ConstPtr(n)` for other references,
//! numbered in order of first appearance so no address ever reaches the text.
//! Snapshots list frames separated by `;`, each `key: operands`; then, in braces, the virtual
//! objects they refer to (`{v0 = Int(Int.value=i3)}`); then, after `=>`, the writes the exit
//! performs before it leaves (`=> setarrayitem(p1, i2, i9, descr=tape)`, see `opt::sink`).
//! A guard after a call in the same instruction hands the call's outcome to the innermost
//! frame, a caller suspended in the call: its snapshot ends in `; returned i5` or
//! `; raised p6` (see `Snapshot::deliver`).

use crate::ir::*;
use std::collections::HashMap;
use std::fmt::Write;

/// Prints a trace in the text format.
pub fn print(t: &Trace) -> String {
    Printer::new(t).run()
}

/// A trace displays as its text format (the IR knows nothing of its printer: the impl is here).
impl std::fmt::Display for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&print(self))
    }
}

/// Prints a trace for a trace log: the text format, with each guard followed by a comment
/// giving its number (`# guard 3`: its exit, as bridges name it: `bridge at guard 3 of trace
/// 0`) and, first, a comment line for every reference constant `name_of` can name
/// (`# ConstPtr(1) = class Int`). The comments make no difference to [`parse`].
pub fn print_log(t: &Trace, name_of: &dyn Fn(u64) -> Option<String>) -> String {
    let mut p = Printer::new(t);
    p.number_guards = true;
    let body = p.run_body();
    let mut consts: Vec<(usize, u64)> = p.ptrs.iter().map(|(&a, &k)| (k, a)).collect();
    consts.sort();
    let mut out = String::new();
    for (k, a) in consts {
        if let Some(name) = name_of(a) {
            writeln!(out, "# ConstPtr({k}) = {name}").unwrap();
        }
    }
    out.push_str(&body);
    out
}

struct Printer<'a> {
    t: &'a Trace,
    names: HashMap<Value, String>,
    ptrs: HashMap<u64, usize>,
    out: String,
    /// End each guard's line with `# guard N` (see [`print_log`]).
    number_guards: bool,
}

impl<'a> Printer<'a> {
    fn new(t: &'a Trace) -> Self {
        Printer { t, names: HashMap::new(), ptrs: HashMap::new(), out: String::new(), number_guards: false }
    }

    fn define(&mut self, v: Value) -> String {
        let n = self.names.len();
        let name = format!("{}{}", self.t.type_of(v).prefix(), n);
        self.names.insert(v, name.clone());
        name
    }

    fn operand(&mut self, o: Operand) -> String {
        match o {
            Operand::Value(v) => match self.names.get(&v) {
                Some(n) => n.clone(),
                // Not defined (yet): only in broken traces, which the verifier reports.
                None => format!("?{}{}", self.t.type_of(v).prefix(), v.0),
            },
            Operand::Int(i) => i.to_string(),
            Operand::Float(b) => format_float(f64::from_bits(b)),
            Operand::Virtual(k) => format!("v{k}"),
            Operand::Ref(0) => "NULL".to_string(),
            Operand::Ref(a) => {
                let n = self.ptrs.len();
                let k = *self.ptrs.entry(a).or_insert(n);
                format!("ConstPtr({k})")
            }
        }
    }

    /// `name(args, descr=d)`: an operation without its result and snapshot.
    fn call(&mut self, op: &Op) -> String {
        let mut args: Vec<String> = op.args.iter().map(|&a| self.operand(a)).collect();
        if let Some(d) = op.descr {
            args.push(format!("descr={}", self.t.descr(d).name));
        }
        format!("{}({})", op.opcode.name(), args.join(", "))
    }

    fn run(mut self) -> String {
        self.run_body()
    }

    fn run_body(&mut self) -> String {
        let t = self.t;
        let used: Vec<bool> = {
            let mut u = vec![false; t.descrs.len()];
            for op in &t.ops {
                if let Some(d) = op.descr {
                    u[d.0 as usize] = true;
                }
                for w in op.snapshot.iter().flat_map(|s| &s.writes) {
                    if let Some(d) = w.descr {
                        u[d.0 as usize] = true;
                    }
                }
                for v in op.snapshot.iter().flat_map(|s| &s.virtuals) {
                    u[v.descr.0 as usize] = true;
                    for f in &v.fields {
                        u[f.descr.0 as usize] = true;
                    }
                }
            }
            u
        };
        for (d, _) in t.descrs.iter().zip(&used).filter(|(_, u)| **u) {
            writeln!(self.out, "descr {} = {}", d.name, descr_body(&d.kind)).unwrap();
        }
        let inputs: Vec<String> = t.inputs.iter().map(|&v| self.define(v)).collect();
        writeln!(self.out, "inputs({})", inputs.join(", ")).unwrap();
        let mut guards = 0;
        for op in &t.ops {
            let mut line = String::new();
            if let Some(r) = op.result {
                line.push_str(&self.define(r));
                line.push_str(" = ");
            }
            line.push_str(&self.call(op));
            if let Some(s) = &op.snapshot {
                let last = s.frames.len().saturating_sub(1);
                let mut delivered = None;
                let mut frames: Vec<String> = s
                    .frames
                    .iter()
                    .enumerate()
                    .map(|(k, f)| {
                        let mut vals: Vec<String> = f.values.iter().map(|&o| self.operand(o)).collect();
                        if let (Some(d), true) = (s.deliver, k == last) {
                            delivered = vals.pop().map(|v| format!("{} {v}", d.name()));
                        }
                        let key = t.keys.get(f.key.0 as usize).map(String::as_str).unwrap_or("?");
                        if vals.is_empty() {
                            format!("{key}:")
                        } else {
                            format!("{key}: {}", vals.join(", "))
                        }
                    })
                    .collect();
                frames.extend(delivered);
                write!(line, " [{}]", frames.join("; ")).unwrap();
                if !s.virtuals.is_empty() {
                    let vs: Vec<String> = s
                        .virtuals
                        .iter()
                        .enumerate()
                        .map(|(k, v)| {
                            let fields: Vec<String> = v
                                .fields
                                .iter()
                                .map(|f| {
                                    let d = &t.descr(f.descr).name;
                                    let val = self.operand(f.value);
                                    match t.descr(f.descr).kind {
                                        DescrKind::Array(_) => format!("{d}[{}]={val}", f.index),
                                        _ => format!("{d}={val}"),
                                    }
                                })
                                .collect();
                            let name = &t.descr(v.descr).name;
                            match v.len {
                                Some(n) => format!("v{k} = {name}[{n}]({})", fields.join(", ")),
                                None => format!("v{k} = {name}({})", fields.join(", ")),
                            }
                        })
                        .collect();
                    write!(line, " {{{}}}", vs.join("; ")).unwrap();
                }
                if !s.writes.is_empty() {
                    let ws: Vec<String> = s.writes.iter().map(|w| self.call(w)).collect();
                    write!(line, " => {}", ws.join("; ")).unwrap();
                }
            }
            if self.number_guards && op.opcode.is_guard() {
                write!(line, "  # guard {guards}").unwrap();
                guards += 1;
            }
            self.out.push_str(&line);
            self.out.push('\n');
        }
        std::mem::take(&mut self.out)
    }
}

fn format_float(x: f64) -> String {
    // `{:?}` always marks a float as one ("1.0", "1e100", "NaN", "inf").
    format!("{x:?}")
}

fn type_list(ts: &[Type]) -> String {
    ts.iter().map(|t| t.prefix().to_string()).collect::<Vec<_>>().join(", ")
}

fn descr_body(k: &DescrKind) -> String {
    match k {
        DescrKind::Field(f) => {
            format!("field {} +{}{}", f.kind.name(), f.offset, if f.immutable { " immutable" } else { "" })
        }
        DescrKind::Array(a) => {
            let mut s = format!("array {} base={}", a.kind.name(), a.base);
            if let Some(l) = a.len_offset {
                write!(s, " len=+{l}").unwrap();
            }
            s
        }
        DescrKind::Size(s) => {
            let items = s.items.map(|k| format!(" items={}", k.name())).unwrap_or_default();
            format!("size {}{items}{}", s.size, if s.value { " value" } else { "" })
        }
        DescrKind::Call(c) => format!(
            "call({}) -> {} {}",
            type_list(&c.args),
            c.ret.map(|t| t.prefix().to_string()).unwrap_or_else(|| "none".into()),
            c.effect.name()
        ),
    }
}

/// A parse error, with the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// Line number (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses a trace from the text format. Call descriptors parse with `func = 0`.
pub fn parse(text: &str) -> Result<Trace, ParseError> {
    let mut p = Parser { t: Trace::new(), names: HashMap::new(), descrs: HashMap::new(), line: 0 };
    let mut seen_inputs = false;
    for (i, raw) in text.lines().enumerate() {
        p.line = i + 1;
        // A comment may also end a line (`print_log` numbers guards so).
        let line = raw.split_once(" #").map_or(raw, |(code, _)| code).trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("descr ") {
            p.descr_line(rest)?;
        } else if let Some(rest) = line.strip_prefix("inputs(") {
            let inner = rest.strip_suffix(')').ok_or_else(|| p.err("expected ')'"))?;
            for name in split_args(inner) {
                let v = p.define(&name)?;
                p.t.inputs.push(v);
            }
            seen_inputs = true;
        } else {
            if !seen_inputs {
                return Err(p.err("operations before inputs(...)"));
            }
            p.op_line(line)?;
        }
    }
    Ok(p.t)
}

struct Parser {
    t: Trace,
    names: HashMap<String, Value>,
    descrs: HashMap<String, DescrId>,
    line: usize,
}

fn split_args(s: &str) -> Vec<String> {
    s.split(',').map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect()
}

fn parse_type(s: &str) -> Option<Type> {
    match s {
        "i" => Some(Type::Int),
        "f" => Some(Type::Float),
        "p" => Some(Type::Ref),
        _ => None,
    }
}

impl Parser {
    fn err(&self, m: impl Into<String>) -> ParseError {
        ParseError { line: self.line, message: m.into() }
    }

    fn define(&mut self, name: &str) -> Result<Value, ParseError> {
        let ty = name.chars().next().and_then(|c| parse_type(&c.to_string()));
        let ty = ty.ok_or_else(|| self.err(format!("bad value name {name:?}")))?;
        if !name[1..].chars().all(|c| c.is_ascii_digit()) || name.len() < 2 {
            return Err(self.err(format!("bad value name {name:?}")));
        }
        if self.names.contains_key(name) {
            return Err(self.err(format!("{name} defined twice")));
        }
        let v = self.t.new_value(ty);
        self.names.insert(name.to_string(), v);
        Ok(v)
    }

    fn operand(&self, s: &str) -> Result<Operand, ParseError> {
        if let Some(v) = self.names.get(s) {
            return Ok(Operand::Value(*v));
        }
        if let Some(k) = s.strip_prefix('v').and_then(|k| k.parse().ok()) {
            return Ok(Operand::Virtual(k));
        }
        if s == "NULL" {
            return Ok(Operand::Ref(0));
        }
        if let Some(n) = s.strip_prefix("ConstPtr(").and_then(|r| r.strip_suffix(')')) {
            let k: u64 = n.parse().map_err(|_| self.err(format!("bad constant {s}")))?;
            return Ok(Operand::Ref(0x1000 + 8 * k));
        }
        if let Ok(i) = s.parse::<i64>() {
            return Ok(Operand::Int(i));
        }
        if let Ok(x) = s.parse::<f64>() {
            return Ok(Operand::float(x));
        }
        Err(self.err(format!("unknown value or constant {s:?}")))
    }

    /// `vK = Name(field=op, ...)` or `vK = Name[len](items[i]=op, ...)`.
    fn virtual_obj(&self, s: &str) -> Result<VirtualObj, ParseError> {
        let (_, body) = s.split_once(" = ").ok_or_else(|| self.err("expected 'vK = ...'"))?;
        let open = body.find('(').ok_or_else(|| self.err("expected '('"))?;
        let inner = body[open + 1..].strip_suffix(')').ok_or_else(|| self.err("expected ')'"))?;
        let head = &body[..open];
        let (name, len) = match head.split_once('[') {
            Some((n, l)) => {
                let l = l.strip_suffix(']').and_then(|l| l.parse().ok()).ok_or_else(|| self.err("bad length"))?;
                (n, Some(l))
            }
            None => (head, None),
        };
        let descr = *self.descrs.get(name).ok_or_else(|| self.err(format!("unknown descr {name}")))?;
        let mut fields = Vec::new();
        for f in split_args(inner) {
            let (lhs, val) = f.split_once('=').ok_or_else(|| self.err("expected 'field=value'"))?;
            let (dname, index) = match lhs.split_once('[') {
                Some((d, i)) => {
                    (d, i.strip_suffix(']').and_then(|i| i.parse().ok()).ok_or_else(|| self.err("bad index"))?)
                }
                None => (lhs, 0),
            };
            let d = *self.descrs.get(dname).ok_or_else(|| self.err(format!("unknown descr {dname}")))?;
            fields.push(VirtualField { descr: d, index, value: self.operand(val)? });
        }
        Ok(VirtualObj { descr, len, fields })
    }

    fn descr_line(&mut self, rest: &str) -> Result<(), ParseError> {
        let (name, body) = rest.split_once(" = ").ok_or_else(|| self.err("expected 'descr NAME = ...'"))?;
        let words: Vec<&str> = body.split_whitespace().collect();
        let kind = match words.first().copied() {
            Some("field") => {
                let kind = words.get(1).and_then(|k| MemKind::from_name(k));
                let off = words.get(2).and_then(|o| o.strip_prefix('+')).and_then(|o| o.parse().ok());
                match (kind, off) {
                    (Some(kind), Some(offset)) => {
                        DescrKind::Field(FieldDescr { offset, kind, immutable: words.get(3) == Some(&"immutable") })
                    }
                    _ => return Err(self.err("expected 'field KIND +OFFSET [immutable]'")),
                }
            }
            Some("array") => {
                let kind = words.get(1).and_then(|k| MemKind::from_name(k));
                let base = words.get(2).and_then(|o| o.strip_prefix("base=")).and_then(|o| o.parse().ok());
                let len_offset = words.get(3).and_then(|o| o.strip_prefix("len=+")).and_then(|o| o.parse().ok());
                match (kind, base) {
                    (Some(kind), Some(base)) => DescrKind::Array(ArrayDescr { base, kind, len_offset }),
                    _ => return Err(self.err("expected 'array KIND base=N [len=+N]'")),
                }
            }
            Some("size") => {
                let size = words.get(1).and_then(|s| s.parse().ok());
                let items = words.get(2).and_then(|s| s.strip_prefix("items=")).and_then(MemKind::from_name);
                let value = words.last() == Some(&"value");
                match size {
                    Some(size) => DescrKind::Size(SizeDescr {
                        size,
                        class: 0,
                        freelist: 0,
                        heap: 0,
                        slow: 0,
                        slow_array: 0,
                        items,
                        exact_len: None,
                        len_offset: 0,
                        finalized: false,
                        value,
                    }),
                    None => return Err(self.err("expected 'size BYTES [items=KIND] [value]'")),
                }
            }
            Some(w) if w.starts_with("call(") => {
                let open = body.find('(').unwrap();
                let close = body.find(')').ok_or_else(|| self.err("expected ')'"))?;
                let args = split_args(&body[open + 1..close])
                    .iter()
                    .map(|a| parse_type(a).ok_or_else(|| self.err(format!("bad type {a}"))))
                    .collect::<Result<Vec<_>, _>>()?;
                let tail: Vec<&str> = body[close + 1..].split_whitespace().collect();
                let (ret, effect) = match tail.as_slice() {
                    ["->", r, e] => {
                        let ret = if *r == "none" {
                            None
                        } else {
                            Some(parse_type(r).ok_or_else(|| self.err(format!("bad type {r}")))?)
                        };
                        (ret, Effect::from_name(e).ok_or_else(|| self.err(format!("bad effect {e}")))?)
                    }
                    _ => return Err(self.err("expected 'call(TYPES) -> TYPE EFFECT'")),
                };
                DescrKind::Call(CallDescr { func: 0, args, ret, effect })
            }
            _ => return Err(self.err("unknown descr kind")),
        };
        let id = self.t.add_descr(Descr { name: name.trim().to_string(), kind });
        self.descrs.insert(name.trim().to_string(), id);
        Ok(())
    }

    /// Parses `name(args, descr=d)` at the start of `text`; returns the rest after it.
    fn call<'t>(&mut self, text: &'t str) -> Result<(Opcode, Vec<Operand>, Option<DescrId>, &'t str), ParseError> {
        let open = text.find('(').ok_or_else(|| self.err("expected '('"))?;
        let name = &text[..open];
        let opcode = Opcode::from_name(name).ok_or_else(|| self.err(format!("unknown operation {name:?}")))?;
        let close = text.find(')').ok_or_else(|| self.err("expected ')'"))?;
        // Arguments never contain ')' except inside ConstPtr(n): find the matching paren.
        let close = matching_paren(text, open).unwrap_or(close);
        let mut args = Vec::new();
        let mut descr = None;
        for a in split_args(&text[open + 1..close]) {
            if let Some(d) = a.strip_prefix("descr=") {
                descr = Some(*self.descrs.get(d).ok_or_else(|| self.err(format!("unknown descr {d}")))?);
            } else {
                args.push(self.operand(&a)?);
            }
        }
        Ok((opcode, args, descr, text[close + 1..].trim()))
    }

    fn op_line(&mut self, line: &str) -> Result<(), ParseError> {
        let (result, rest) = match line.split_once(" = ") {
            Some((r, rest)) if !r.contains('(') => (Some(r.trim()), rest.trim()),
            _ => (None, line),
        };
        let (opcode, args, descr, tail) = self.call(rest)?;
        let name = opcode.name();
        let (tail, writes) = match tail.split_once(" => ") {
            Some((t, w)) => (t, Some(w)),
            None => (tail, None),
        };
        let (tail, virtuals) = match tail.find(" {") {
            Some(i) => (&tail[..i], Some(&tail[i + 2..])),
            None => (tail, None),
        };
        let snapshot = if tail.is_empty() {
            None
        } else {
            let inner = tail
                .strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
                .ok_or_else(|| self.err("expected a snapshot '[...]'"))?;
            let mut snap = Snapshot::default();
            for frame in inner.split(';') {
                // `returned v` / `raised v`: the outcome the innermost frame is handed.
                let deliver = [Deliver::Returned, Deliver::Raised].into_iter().find_map(|d| {
                    frame.trim().strip_prefix(d.name()).and_then(|v| v.strip_prefix(' ')).map(|v| (d, v))
                });
                if let Some((d, v)) = deliver {
                    let value = self.operand(v.trim())?;
                    let innermost =
                        snap.frames.last_mut().ok_or_else(|| self.err("a delivered value needs a frame"))?;
                    innermost.values.push(value);
                    snap.deliver = Some(d);
                    continue;
                }
                let (key, vals) = frame.rsplit_once(':').ok_or_else(|| self.err("expected 'key: values'"))?;
                let values: Vec<Operand> =
                    split_args(vals).iter().map(|v| self.operand(v)).collect::<Result<_, _>>()?;
                let key = self.t.key(key.trim());
                // Shares the chunks the frame at this depth in the last snapshot had, as the
                // recorder does (see `Slots`).
                let depth = snap.frames.len();
                let like = self.t.ops.iter().rev().find_map(|o| o.snapshot.as_ref()).and_then(|s| s.frames.get(depth));
                let values = Slots::sharing(&values, like.map(|f| &f.values));
                snap.frames.push(SnapFrame { key, values });
            }
            if let Some(vs) = virtuals {
                let vs = vs.strip_suffix('}').ok_or_else(|| self.err("expected '}' after virtuals"))?;
                let vs: Vec<_> =
                    vs.split("; ").map(|v| self.virtual_obj(v).map(std::rc::Rc::new)).collect::<Result<_, _>>()?;
                snap.virtuals = vs.into();
            }
            for w in writes.iter().flat_map(|w| w.split("; ")) {
                let (opcode, args, descr, rest) = self.call(w.trim())?;
                if !rest.is_empty() {
                    return Err(self.err(format!("unexpected {rest:?} after a pending write")));
                }
                snap.writes.push(Op { opcode, args, result: None, descr, snapshot: None });
            }
            Some(snap)
        };
        let result = match (result, opcode.result()) {
            (Some(r), Some(ty)) => {
                let v = self.define(r)?;
                if self.t.type_of(v) != ty {
                    return Err(self.err(format!("{r} has the wrong type for {name}")));
                }
                Some(v)
            }
            (None, None) => None,
            (Some(_), None) => return Err(self.err(format!("{name} has no result"))),
            (None, Some(_)) => return Err(self.err(format!("{name} needs a result"))),
        };
        self.t.ops.push(Op { opcode, args, result, descr, snapshot });
        Ok(())
    }
}

fn matching_paren(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices().skip(open) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
descr tape = array u8 base=0
descr putc = call(p, i) -> none write
descr Point.x = field f64 +8 immutable
inputs(i0, p1, p2, f3)
i4 = getarrayitem_i(p1, i0, descr=tape)
i5 = int_is_zero(i4)
guard_false(i5) [bf:3: i0, p1, p2, f3]
call_n(ConstPtr(0), i4, descr=putc)
f6 = getfield_f(p2, descr=Point.x)
f7 = float_add(f6, 1.5)
i8 = int_add_ovf(i0, -1)
guard_no_overflow() [main:7: NULL, 2; bf:3: i0, p1, p2, f7]
jump(i8, p1, p2, f7)
";

    const VIRTUALS: &str = "\
descr Pair = size 32
descr Pair.x = field i64 +16
descr Pair.y = field ref +24
descr Arr = size 24 items=f64
descr Arr.items = array f64 base=24 len=+16
inputs(i0, f1)
i2 = int_lt(i0, 10)
guard_true(i2) [k: v0, i0] {v0 = Pair(Pair.x=i0, Pair.y=v1); v1 = Arr[2](Arr.items[1]=f1)}
jump(i0, f1)
";

    #[test]
    fn virtuals_in_snapshots_round_trip() {
        let t = parse(VIRTUALS).unwrap();
        let s = t.ops[1].snapshot.as_ref().unwrap();
        assert_eq!(s.virtuals.len(), 2);
        assert_eq!(s.virtuals[1].len, Some(2));
        assert_eq!(s.operands().count(), 5, "frame values, then virtual fields");
        assert_eq!(print(&t), VIRTUALS);
        crate::verify::verify(&t).unwrap();
    }

    #[test]
    fn delivered_outcomes_round_trip() {
        let src = "\
descr eq = call(p, i, p, p) -> i reenter
inputs(p0, p1)
i2 = call_may_force_i(ConstPtr(0), 3, p0, p1, descr=eq)
guard_not_forced(ConstPtr(1)) [f@1: p0; f@7: p1]
p3 = save_exception(ConstPtr(2))
guard_isnull(p3) [f@1: p0; f@7: p1; raised p3]
guard_true(i2) [f@1: p0; f@7: p1; returned i2]
jump(p0, p1)
";
        let t = parse(src).unwrap();
        let s = t.ops[3].snapshot.as_ref().unwrap();
        assert_eq!(s.deliver, Some(Deliver::Raised));
        assert_eq!(s.frames[1].values.len(), 2, "the outcome is the innermost frame's last value");
        assert_eq!(t.ops[4].snapshot.as_ref().unwrap().deliver, Some(Deliver::Returned));
        assert_eq!(print(&t), src);
        crate::verify::verify(&t).unwrap();
        let bad = src.replace("raised p3]", "raised i2]");
        assert!(crate::verify::verify(&parse(&bad).unwrap()).is_err(), "a raised value is a reference");
    }

    #[test]
    fn pending_writes_round_trip() {
        let src = "\
descr tape = array u8 base=0
descr Pair.x = field i64 +16
descr Pair = size 32
inputs(i0, p1)
label(i0)
i2 = int_add(i0, 1)
guard_true(i2) [bf@3: v0, p1] {v0 = Pair(Pair.x=i2)} => setarrayitem(p1, i0, i2, descr=tape); setfield(p1, 7, descr=Pair.x)
jump(i2)
";
        let t = parse(src).unwrap();
        let s = t.ops[2].snapshot.as_ref().unwrap();
        assert_eq!(s.writes.len(), 2);
        assert_eq!(s.operands().count(), 3, "pending writes are not frame buffer words");
        assert_eq!(s.uses().count(), 8);
        assert_eq!(print(&t), src);
        crate::verify::verify(&t).unwrap();
        let bad = src.replace("setfield(p1, 7, descr=Pair.x)", "setfield(p1, 7.5, descr=Pair.x)");
        assert!(crate::verify::verify(&parse(&bad).unwrap()).is_err());
    }

    #[test]
    fn the_log_numbers_guards_and_names_constants_and_parses_back() {
        let src = "inputs(i0, p1)\nguard_class(p1, ConstPtr(0)) [k: i0, p1]\ni2 = int_add(i0, 1)\nguard_true(i2) [k: i2, p1]\njump(i2, p1)\n";
        let t = parse(src).unwrap();
        let class = match t.ops[0].args[1] {
            Operand::Ref(a) => a,
            _ => unreachable!(),
        };
        let log = print_log(&t, &|a| (a == class).then(|| "class Pair".to_string()));
        assert_eq!(
            log,
            "# ConstPtr(0) = class Pair\ninputs(i0, p1)\nguard_class(p1, ConstPtr(0)) [k: i0, p1]  # guard 0\n\
             i2 = int_add(i0, 1)\nguard_true(i2) [k: i2, p1]  # guard 1\njump(i2, p1)\n"
        );
        assert_eq!(print(&parse(&log).unwrap()), print(&t));
    }

    #[test]
    fn print_parse_round_trip() {
        let t = parse(SAMPLE).unwrap();
        assert_eq!(print(&t), SAMPLE);
        let again = parse(&print(&t)).unwrap();
        assert_eq!(print(&again), SAMPLE);
    }

    #[test]
    fn renumbers_values_in_definition_order() {
        let t = parse("inputs(i7, i3)\ni1 = int_add(i3, i7)\njump(i1, i3)\n").unwrap();
        assert_eq!(print(&t), "inputs(i0, i1)\ni2 = int_add(i1, i0)\njump(i2, i1)\n");
    }

    #[test]
    fn reports_errors_with_line_numbers() {
        let e = parse("inputs(i0)\ni1 = int_frobnicate(i0)\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("inputs(i0)\nf1 = int_add(i0, i0)\n").unwrap_err();
        assert!(e.message.contains("wrong type"), "{e}");
        assert!(parse("inputs(i0)\ni1 = int_add(i0, i9)\n").is_err());
    }

    #[test]
    fn floats_stay_floats() {
        let t = parse("inputs(f0)\nf1 = float_mul(f0, 2.0)\nf2 = float_add(f1, 1e100)\njump(f2)\n").unwrap();
        assert_eq!(t.ops[0].args[1], Operand::float(2.0));
        assert!(print(&t).contains("float_mul(f0, 2.0)"));
    }
}
