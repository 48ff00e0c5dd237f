//! Differential testing: random, always-terminating Fern programs must print the same thing
//! (and fail with the same error) with the JIT off and with it tracing eagerly. Programs use
//! arrays too (variables `a*` hold arrays: read, written, nested, printed).
//! `FERN_FUZZ_N=<count>` runs more programs, `FERN_FUZZ_SEED=<seed>` starts elsewhere.

use metatrace::JitParams;
use metatrace_fern::run_source;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

struct Gen {
    rng: Rng,
    /// (name, arity) of the functions defined so far (callable without recursion).
    funcs: Vec<(String, usize)>,
    /// Variables in scope, per block.
    scopes: Vec<Vec<String>>,
    next_var: usize,
    out: String,
    loop_depth: usize,
}

impl Gen {
    fn vars(&self) -> Vec<String> {
        self.scopes.iter().flatten().cloned().collect()
    }

    fn arrays(&self) -> Vec<String> {
        self.vars().into_iter().filter(|v| v.starts_with('a')).collect()
    }

    /// An index for a 3-item array: mostly in range.
    fn index(&mut self) -> String {
        match self.rng.below(20) {
            0 => "3".into(),
            1 => "-1".into(),
            2 => "(1 + 1)".into(),
            _ => format!("{}", self.rng.below(3)),
        }
    }

    fn expr(&mut self, depth: usize) -> String {
        let r = self.rng.below(100);
        if depth == 0 || r < 30 {
            return self.atom();
        }
        match r {
            30..=59 => {
                let ops =
                    ["+", "-", "*", "+", "-", "+", "<", "<=", ">", ">=", "==", "!=", "/", "//", "%", "+", "-", "*"];
                let op = ops[self.rng.below(ops.len() as u64) as usize];
                format!("({} {op} {})", self.expr(depth - 1), self.expr(depth - 1))
            }
            60..=61 => format!("[{}, {}][{}]", self.expr(depth - 1), self.expr(depth - 1), self.rng.below(2)),
            62..=67 => format!("(-{})", self.expr(depth - 1)),
            68..=72 => format!("(not {})", self.expr(depth - 1)),
            73..=80 => {
                let op = if self.rng.chance(50) { "and" } else { "or" };
                format!("({} {op} {})", self.expr(depth - 1), self.expr(depth - 1))
            }
            _ => {
                if self.funcs.is_empty() {
                    return self.atom();
                }
                let (name, arity) = self.funcs[self.rng.below(self.funcs.len() as u64) as usize].clone();
                let args: Vec<String> = (0..arity).map(|_| self.expr(depth - 1)).collect();
                format!("{name}({})", args.join(", "))
            }
        }
    }

    fn atom(&mut self) -> String {
        let arrays = self.arrays();
        if !arrays.is_empty() && self.rng.chance(12) {
            let a = arrays[self.rng.below(arrays.len() as u64) as usize].clone();
            if self.rng.chance(20) {
                return format!("len({a})");
            }
            let i = self.index();
            return format!("{a}[{i}]");
        }
        let vars: Vec<String> = self.vars().into_iter().filter(|v| !v.starts_with('a')).collect();
        let r = self.rng.below(100);
        if !vars.is_empty() && r < 55 {
            return vars[self.rng.below(vars.len() as u64) as usize].clone();
        }
        match r % 10 {
            0 => "0.5".into(),
            1 => "1.25".into(),
            2 => "0.0".into(),
            3 if self.rng.chance(4) => "none".into(),
            4 if self.rng.chance(20) => "4611686018427387904".into(),
            5 if self.rng.chance(20) => "1e300".into(),
            _ => format!("{}", self.rng.below(7) as i64 - 2),
        }
    }

    fn line(&mut self, indent: usize, s: &str) {
        self.out.push_str(&"    ".repeat(indent));
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn block(&mut self, indent: usize, budget: usize) {
        self.scopes.push(Vec::new());
        let n = 1 + self.rng.below(budget as u64 + 1) as usize;
        for _ in 0..n {
            self.statement(indent, budget / 2);
        }
        self.scopes.pop();
    }

    fn statement(&mut self, indent: usize, budget: usize) {
        let vars: Vec<String> =
            self.vars().into_iter().filter(|v| !v.starts_with('c') && !v.starts_with('a')).collect();
        let arrays = self.arrays();
        if self.rng.chance(12) {
            if arrays.is_empty() || self.rng.chance(40) {
                let name = format!("a{}", self.next_var);
                self.next_var += 1;
                let items: Vec<String> = (0..3).map(|_| self.expr(1)).collect();
                self.line(indent, &format!("let {name} = [{}];", items.join(", ")));
                self.scopes.last_mut().unwrap().push(name);
            } else {
                let a = arrays[self.rng.below(arrays.len() as u64) as usize].clone();
                let i = self.index();
                let e = match self.rng.below(10) {
                    0 => arrays[self.rng.below(arrays.len() as u64) as usize].clone(),
                    1 => "array(2)".to_string(),
                    2 => {
                        self.line(indent, &format!("print({a});"));
                        return;
                    }
                    _ => self.expr(2),
                };
                self.line(indent, &format!("{a}[{i}] = {e};"));
            }
            return;
        }
        match self.rng.below(100) {
            0..=24 => {
                let name = format!("v{}", self.next_var);
                self.next_var += 1;
                let e = self.expr(3);
                self.line(indent, &format!("let {name} = {e};"));
                self.scopes.last_mut().unwrap().push(name);
            }
            25..=49 if !vars.is_empty() => {
                let v = vars[self.rng.below(vars.len() as u64) as usize].clone();
                let e = self.expr(3);
                self.line(indent, &format!("{v} = {e};"));
            }
            50..=64 if budget > 0 => {
                let e = self.expr(2);
                self.line(indent, &format!("if {e} {{"));
                self.block(indent + 1, budget);
                if self.rng.chance(50) {
                    self.line(indent, "} else {");
                    self.block(indent + 1, budget);
                }
                self.line(indent, "}");
            }
            65..=79 if budget > 0 && self.loop_depth < 2 => {
                let c = format!("c{}", self.next_var);
                self.next_var += 1;
                let k = self.rng.below(40);
                self.line(indent, &format!("let {c} = 0;"));
                self.line(indent, &format!("while {c} < {k} {{"));
                self.loop_depth += 1;
                self.scopes.push(vec![c.clone()]);
                self.block(indent + 1, budget);
                self.scopes.pop();
                self.loop_depth -= 1;
                self.line(indent + 1, &format!("{c} = {c} + 1;"));
                self.line(indent, "}");
            }
            80..=89 => {
                let e = self.expr(2);
                self.line(indent, &format!("print({e});"));
            }
            90..=92 => {
                let e = self.expr(2);
                self.line(indent, &format!("return {e};"));
            }
            _ => {
                let e = self.expr(3);
                self.line(indent, &format!("{e};"));
            }
        }
    }

    fn program(seed: u64) -> String {
        let mut g = Gen {
            rng: Rng(seed.wrapping_mul(0x9e3779b97f4a7c15) | 1),
            funcs: Vec::new(),
            scopes: Vec::new(),
            next_var: 0,
            out: String::new(),
            loop_depth: 0,
        };
        let nfuncs = g.rng.below(4) as usize;
        for i in 0..=nfuncs {
            let main = i == nfuncs;
            let name = if main { "main".to_string() } else { format!("f{i}") };
            let arity = if main { 0 } else { g.rng.below(3) as usize };
            let params: Vec<String> = (0..arity).map(|j| format!("p{j}")).collect();
            g.line(0, &format!("fn {name}({}) {{", params.join(", ")));
            g.scopes = vec![params];
            // Loops in callees run inside the caller's loops: keep them shallower.
            g.loop_depth = if main { 0 } else { 1 };
            g.block(1, 6);
            if !main {
                let e = g.expr(2);
                g.line(1, &format!("return {e};"));
            }
            g.line(0, "}");
            g.funcs.push((name, arity));
        }
        g.out
    }
}

fn configs() -> Vec<(&'static str, JitParams)> {
    let mut out = Vec::new();
    for spec in ["threshold=1,bridge=1", "threshold=3,bridge=2", "threshold=1,bridge=1,inline_depth=1"] {
        let mut p = JitParams::default();
        p.apply(spec).unwrap();
        out.push((spec, p));
    }
    out
}

#[test]
fn random_programs_agree_with_and_without_the_jit() {
    let n: u64 = std::env::var("FERN_FUZZ_N").ok().and_then(|s| s.parse().ok()).unwrap_or(150);
    let start: u64 = std::env::var("FERN_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut failures = Vec::new();
    let (mut errors, mut loops, mut bridges, mut guard_failures) = (0, 0, 0, 0);
    for seed in start..start + n {
        let src = Gen::program(seed);
        let expected = run_source(&src, JitParams::off()).map(|r| r.0);
        errors += expected.is_err() as u64;
        for (name, params) in configs() {
            let got = run_source(&src, params).map(|r| {
                loops += r.1.loops;
                bridges += r.1.bridges;
                guard_failures += r.1.guard_failures;
                r.0
            });
            if got != expected {
                failures.push(format!("seed {seed}, --jit {name}:\n{src}\nexpected {expected:?}\n     got {got:?}"));
                break;
            }
        }
    }
    eprintln!("{n} programs: {errors} end in a run-time error; JIT runs compiled {loops} loops, {bridges} bridges, {guard_failures} guard failures");
    assert!(failures.is_empty(), "{} of {n} programs disagree; first:\n{}", failures.len(), failures[0]);
}
