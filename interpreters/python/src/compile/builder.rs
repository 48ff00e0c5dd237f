//! The code-object builder: emits instructions with their lines, tracks the stack depth as it
//! goes (so `stacksize` and exception-table depths come for free), drops unreachable code,
//! resolves labels, deduplicates constants and names, and turns the stack of active handlers
//! into the exception table.

use std::collections::HashMap;
use std::rc::Rc;

use super::flow::{effect, map_target};
use crate::bytecode::{Const, Handler, Op};
use ruff_text_size::TextRange;

/// A jump target, resolved to an instruction position when the code is finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(pub u32);

#[derive(Default)]
struct LabelInfo {
    pos: Option<u32>,
    depth: Option<u32>,
}

/// An exception handler while the code is being built: its target and the stack depth it
/// unwinds to.
struct HandlerSpec {
    label: Label,
    depth: u32,
    used: bool,
}

/// What `finish` hands back.
pub(crate) struct Built {
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    /// The source range of each op (the innermost expression or statement it is for).
    pub spans: Vec<TextRange>,
    pub consts: Vec<Const>,
    pub names: Vec<Rc<str>>,
    pub handlers: Vec<Handler>,
    pub stacksize: u32,
}

pub(crate) struct CodeBuilder {
    ops: Vec<Op>,
    lines: Vec<u32>,
    spans: Vec<TextRange>,
    /// The innermost active handler of each op (an index into `specs`).
    op_handler: Vec<Option<usize>>,
    consts: Vec<Const>,
    const_index: HashMap<String, u32>,
    names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    labels: Vec<LabelInfo>,
    specs: Vec<HandlerSpec>,
    active: Vec<usize>,
    /// The stack depth before the next op; None where the code is unreachable.
    depth: Option<u32>,
    max_depth: u32,
    /// The line given to the next ops.
    pub line: u32,
    /// The source range given to the next ops (empty: none).
    pub span: TextRange,
    /// The first internal inconsistency found (a compiler bug, reported at `finish`).
    bug: Option<String>,
}

/// A canonical text for a constant, to share equal constants (None: never shared).
fn const_key(c: &Const) -> Option<String> {
    Some(match c {
        Const::None => "N".into(),
        Const::Bool(b) => format!("b{b}"),
        Const::Int(i) => format!("i{i}"),
        Const::BigInt(s) => format!("I{s}"),
        Const::Float(f) => format!("f{}", f.to_bits()),
        Const::Imag(f) => format!("j{}", f.to_bits()),
        Const::Str(s) => format!("s{s}"),
        Const::Bytes(b) => format!("y{b:?}"),
        Const::Ellipsis => "E".into(),
        Const::Tuple(items) | Const::FrozenSet(items) => {
            let mut k = String::from(if matches!(c, Const::Tuple(_)) { "t(" } else { "F(" });
            for it in items.iter() {
                let ik = const_key(it)?;
                k.push_str(&ik.len().to_string());
                k.push(':');
                k.push_str(&ik);
            }
            k.push(')');
            k
        }
        Const::Code(_) => return None,
    })
}

impl CodeBuilder {
    pub fn new(line: u32) -> Self {
        CodeBuilder {
            ops: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            op_handler: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            labels: Vec::new(),
            specs: Vec::new(),
            active: Vec::new(),
            depth: Some(0),
            max_depth: 0,
            line,
            span: TextRange::default(),
            bug: None,
        }
    }

    fn bug(&mut self, msg: String) {
        if self.bug.is_none() {
            self.bug = Some(msg);
        }
    }

    /// The current stack depth (0 where unreachable).
    pub fn depth(&self) -> u32 {
        self.depth.unwrap_or(0)
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = self.const_index.get(k) {
                return i;
            }
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        let rc: Rc<str> = Rc::from(name);
        self.names.push(rc.clone());
        self.name_index.insert(rc, i);
        i
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(LabelInfo::default());
        Label(self.labels.len() as u32 - 1)
    }

    fn note_label_depth(&mut self, l: Label, d: u32) {
        let info = &mut self.labels[l.0 as usize];
        match info.depth {
            None => info.depth = Some(d),
            Some(e) if e != d => {
                let msg = format!("label {} reached with depths {e} and {d}", l.0);
                self.bug(msg);
            }
            Some(_) => {}
        }
    }

    /// Places `l` here. Code after it is reachable if anything jumps to it.
    pub fn bind(&mut self, l: Label) {
        let pos = self.ops.len() as u32;
        if self.labels[l.0 as usize].pos.is_some() {
            self.bug(format!("label {} bound twice", l.0));
            return;
        }
        self.labels[l.0 as usize].pos = Some(pos);
        match self.depth {
            Some(d) => self.note_label_depth(l, d),
            None => self.depth = self.labels[l.0 as usize].depth,
        }
    }

    /// Emits `op`; a jump's operand is a label number (`Label.0`). Skipped where unreachable.
    pub fn emit(&mut self, op: Op) {
        let Some(d) = self.depth else { return };
        let eff = effect(&op);
        if d < eff.needs {
            self.bug(format!("{op:?} underflows the stack at depth {d}"));
            return;
        }
        let h = self.active.last().copied();
        if let Some(h) = h {
            let (label, hd) = (self.specs[h].label, self.specs[h].depth);
            if d < hd {
                self.bug(format!("{op:?} at depth {d} under a handler of depth {hd}"));
            }
            if !self.specs[h].used {
                self.specs[h].used = true;
                self.max_depth = self.max_depth.max(hd + 1);
                self.note_label_depth(label, hd + 1);
            }
        }
        if let Some((t, j)) = eff.jump {
            let nd = (d as i32 + j) as u32;
            self.max_depth = self.max_depth.max(nd);
            let back = matches!(op, Op::JumpBack(_));
            let bound = self.labels.get(t as usize).map(|l| l.pos.is_some());
            if bound != Some(back) {
                self.bug(format!("{op:?}: jump direction and label state disagree"));
            }
            self.note_label_depth(Label(t), nd);
        }
        self.ops.push(op);
        self.lines.push(self.line);
        self.spans.push(self.span);
        self.op_handler.push(h);
        self.depth = eff.fall.map(|f| (d as i32 + f) as u32);
        if let Some(nd) = self.depth {
            self.max_depth = self.max_depth.max(nd);
        }
    }

    /// Starts protecting the following ops by a handler at `target` that unwinds to `depth`.
    pub fn push_handler(&mut self, target: Label, depth: u32) -> usize {
        self.specs.push(HandlerSpec { label: target, depth, used: false });
        let id = self.specs.len() - 1;
        self.active.push(id);
        id
    }

    /// Stops the innermost handler; returns it (to push again with `resume_handler`).
    pub fn pop_handler(&mut self) -> usize {
        match self.active.pop() {
            Some(h) => h,
            None => {
                self.bug("pop_handler with no handler".into());
                0
            }
        }
    }

    pub fn resume_handler(&mut self, h: usize) {
        self.active.push(h);
    }

    /// Resolves labels and builds the exception table.
    pub fn finish(mut self) -> Result<Built, String> {
        if let Some(b) = self.bug.take() {
            return Err(b);
        }
        if !self.active.is_empty() {
            return Err("handlers left active".into());
        }
        let mut missing = None;
        let labels = &self.labels;
        for op in &mut self.ops {
            map_target(op, |t| match labels.get(t as usize).and_then(|l| l.pos) {
                Some(p) => p,
                None => {
                    missing = Some(t);
                    0
                }
            });
        }
        if let Some(t) = missing {
            return Err(format!("label {t} never bound"));
        }
        if self.ops.is_empty() {
            return Err("empty code".into());
        }
        let mut handlers: Vec<Handler> = Vec::new();
        for (pc, h) in self.op_handler.iter().enumerate() {
            let Some(h) = *h else { continue };
            let spec = &self.specs[h];
            let Some(target) = self.labels[spec.label.0 as usize].pos else {
                return Err("handler label never bound".into());
            };
            match handlers.last_mut() {
                Some(last) if last.end as usize == pc && last.handler == target && last.depth == spec.depth => {
                    last.end += 1;
                }
                _ => {
                    handlers.push(Handler { start: pc as u32, end: pc as u32 + 1, handler: target, depth: spec.depth })
                }
            }
        }
        Ok(Built {
            ops: self.ops,
            lines: self.lines,
            spans: self.spans,
            consts: self.consts,
            names: self.names,
            handlers,
            stacksize: self.max_depth,
        })
    }
}
