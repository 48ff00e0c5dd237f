//! A random Python program generator for differential testing of mtpy against CPython.
//!
//! `program(seed)` returns a valid, terminating Python 3.11 program as a list of independent
//! top-level chunks (each defines its own names, so a minimizer may drop any of them). The
//! programs mix ints (small, past 64 bits, overflowing in loops), floats, strs, lists, dicts,
//! sets and tuples, comprehensions, functions with defaults/*args/**kwargs, closures, classes
//! with dunders, inheritance and properties, generators, and try/except/finally around
//! operations that raise; they print intermediate results and exceptions as
//! `type(e).__name__, e`. Loops run past the JIT's threshold with branches taken at different
//! rates, so traces, guards and bridges are exercised. Output is deterministic in CPython:
//! sets are printed sorted, values stay small enough to print (no str of an int past 4300
//! digits), nothing depends on ids, hashes of strs or time. Deterministic from the seed (a
//! xorshift64* PRNG, no dependencies).

/// xorshift64*: small, fast and good enough to pick program shapes.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03);
        if r.0 == 0 {
            r.0 = 1;
        }
        for _ in 0..4 {
            r.next();
        }
        r
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

/// The static types the expression generator tracks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ty {
    Int,
    Float,
    Str,
    Bool,
    ListInt,
    ListStr,
    Dict,
    Set,
    Tuple,
}

const ALL_TYS: &[Ty] = &[Ty::Int, Ty::Float, Ty::Str, Ty::Bool, Ty::ListInt, Ty::ListStr, Ty::Dict, Ty::Set, Ty::Tuple];

/// Moduli that keep accumulators bounded: some fit in 64 bits, some do not.
const MODULI: &[&str] = &["1000003", "2**31 - 1", "2**61 - 1", "2**64 + 13", "10**20 + 39", "2**89 - 1", "97"];

const STR_LITS: &[&str] = &[
    "''",
    "'abc'",
    "'Hello World'",
    "'x-y-z'",
    "'\\u00fcn\\u00efc\\u00f6de'",
    "'  pad  '",
    "'a,b,,c'",
    "'42'",
    "'-17'",
    "'3.5'",
    "'MiXeD cAsE'",
    "'tab\\there'",
    "'line\\nbreak'",
    "'q\"uote\\''",
    "'\\u20ac\\u4e2d'",
];

/// The program generator: the PRNG, the names in scope with their types, and a counter for
/// fresh names.
pub struct Gen {
    pub rng: Rng,
    vars: Vec<(String, Ty)>,
    fresh: usize,
    /// The chunk's name prefix (names of different chunks never collide).
    prefix: String,
    /// The key expression of the current hot loop's dict (one kind per loop: sortable).
    dict_key: String,
}

/// A generated program: its top-level chunks, in order.
pub fn program(seed: u64) -> Vec<String> {
    let mut g = Gen { rng: Rng::new(seed), vars: Vec::new(), fresh: 0, prefix: String::new(), dict_key: String::new() };
    let n = g.rng.range(4, 8);
    (0..n).map(|k| g.chunk(k as usize)).collect()
}

/// The program's source text.
pub fn source(chunks: &[String]) -> String {
    let mut s = String::new();
    for c in chunks {
        s.push_str(c);
        if !c.ends_with('\n') {
            s.push('\n');
        }
    }
    s
}

/// Indents every line of `body` by `n` levels of four spaces.
fn indent(body: &str, n: usize) -> String {
    let pad = "    ".repeat(n);
    body.lines().map(|l| if l.is_empty() { "\n".to_string() } else { format!("{pad}{l}\n") }).collect()
}

/// `try: <body> except Exception as e: print(type(e).__name__, e)`.
fn guarded(body: &str) -> String {
    format!("try:\n{}except Exception as e:\n    print(type(e).__name__, e)\n", indent(body, 1))
}

impl Gen {
    fn name(&mut self, base: &str) -> String {
        self.fresh += 1;
        format!("{base}{}_{}", self.prefix, self.fresh)
    }

    fn chunk(&mut self, k: usize) -> String {
        self.vars.clear();
        self.prefix = format!("{k}");
        let kind = self.rng.below(9);
        let mut s = format!("# chunk {k}\n");
        s.push_str(&match kind {
            0 => self.chunk_exprs(),
            1 | 2 => self.chunk_loop(),
            3 => self.chunk_functions(),
            4 => self.chunk_classes(),
            5 => self.chunk_generators(),
            6 => self.chunk_exceptions(),
            7 => self.chunk_while(),
            _ => self.chunk_ints(),
        });
        s
    }

    /// Declares `n` variables of random types with safe initial values.
    fn declare(&mut self, n: usize) -> String {
        let mut s = String::new();
        for _ in 0..n {
            let ty = *self.rng.pick(ALL_TYS);
            let name = self.name(&format!("v_{}_", ty_tag(ty)));
            let e = self.literal(ty);
            s.push_str(&format!("{name} = {e}\n"));
            self.vars.push((name, ty));
        }
        s
    }

    fn var_of(&mut self, ty: Ty) -> Option<String> {
        let cands: Vec<&String> = self.vars.iter().filter(|(_, t)| *t == ty).map(|(n, _)| n).collect();
        if cands.is_empty() {
            None
        } else {
            let i = self.rng.below(cands.len() as u64) as usize;
            Some(cands[i].clone())
        }
    }

    fn int_lit(&mut self) -> String {
        match self.rng.below(10) {
            0..=3 => self.rng.range(-5, 20).to_string(),
            4 => self.rng.range(-1000, 100000).to_string(),
            5 => self
                .rng
                .pick(&["(2**63 - 1)", "(-2**63)", "(2**64)", "(2**62)", "(-(2**31))", "(10**18)", "(2**100 + 7)"])
                .to_string(),
            6 => format!("{}{:018}", self.rng.range(1, 99999), self.rng.below(10u64.pow(18))),
            7 => format!("0x{:x}", self.rng.below(1 << 20)),
            8 => self.rng.pick(&["0", "1", "-1", "True", "False"]).to_string(),
            _ => self.rng.range(0, 9).to_string(),
        }
    }

    fn float_lit(&mut self) -> String {
        self.rng
            .pick(&[
                "0.0", "0.5", "1.5", "-2.25", "1e10", "3.14159", "1e-07", "0.1", "2.5e300", "-0.0", "7.0", "100.75",
                "1/3",
            ])
            .to_string()
    }

    /// A value of `ty` that cannot raise.
    fn literal(&mut self, ty: Ty) -> String {
        match ty {
            Ty::Int => self.int_lit(),
            Ty::Float => self.float_lit(),
            Ty::Str => self.rng.pick(STR_LITS).to_string(),
            Ty::Bool => self.rng.pick(&["True", "False"]).to_string(),
            Ty::ListInt => {
                let n = self.rng.range(0, 6);
                let xs: Vec<String> = (0..n).map(|_| self.int_lit()).collect();
                format!("[{}]", xs.join(", "))
            }
            Ty::ListStr => {
                let n = self.rng.range(0, 5);
                let xs: Vec<String> = (0..n).map(|_| self.rng.pick(STR_LITS).to_string()).collect();
                format!("[{}]", xs.join(", "))
            }
            Ty::Dict => {
                let n = self.rng.range(0, 4);
                let xs: Vec<String> =
                    (0..n).map(|_| format!("{}: {}", self.rng.pick(STR_LITS), self.rng.range(-3, 50))).collect();
                format!("{{{}}}", xs.join(", "))
            }
            Ty::Set => {
                let n = self.rng.range(0, 6);
                if n == 0 {
                    return "set()".into();
                }
                let xs: Vec<String> = (0..n).map(|_| self.rng.range(-10, 30).to_string()).collect();
                format!("{{{}}}", xs.join(", "))
            }
            Ty::Tuple => {
                let n = self.rng.range(0, 4);
                let xs: Vec<String> = (0..n).map(|_| self.int_lit()).collect();
                if n == 1 {
                    format!("({},)", xs[0])
                } else {
                    format!("({})", xs.join(", "))
                }
            }
        }
    }

    fn leaf(&mut self, ty: Ty) -> String {
        if self.rng.chance(60) {
            if let Some(v) = self.var_of(ty) {
                return v;
            }
        }
        self.literal(ty)
    }

    /// An expression of type `ty` (it may raise, with the exceptions CPython raises).
    pub fn expr(&mut self, ty: Ty, depth: u32) -> String {
        if depth == 0 || self.rng.chance(25) {
            return self.leaf(ty);
        }
        let d = depth - 1;
        match ty {
            Ty::Int => self.int_expr(d),
            Ty::Float => self.float_expr(d),
            Ty::Str => self.str_expr(d),
            Ty::Bool => self.bool_expr(d),
            Ty::ListInt => self.list_int_expr(d),
            Ty::ListStr => self.list_str_expr(d),
            Ty::Dict => self.dict_expr(d),
            Ty::Set => self.set_expr(d),
            Ty::Tuple => self.tuple_expr(d),
        }
    }

    /// An expression of one of `tys`.
    fn expr_of(&mut self, tys: &[Ty], d: u32) -> String {
        let t = *self.rng.pick(tys);
        self.expr(t, d)
    }

    fn int_expr(&mut self, d: u32) -> String {
        match self.rng.below(24) {
            0..=5 => {
                let op = *self.rng.pick(&["+", "-", "*", "//", "%", "&", "|", "^", "+", "-", "*"]);
                format!("({} {op} {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d))
            }
            6 => format!("({} << {})", self.expr(Ty::Int, d), self.rng.range(0, 70)),
            7 => format!("({} >> {})", self.expr(Ty::Int, d), self.rng.range(0, 70)),
            8 => format!("({} ** {})", self.expr(Ty::Int, d), self.rng.range(0, 5)),
            9 => format!("-{}", self.expr(Ty::Int, d)),
            10 => format!("abs({})", self.expr(Ty::Int, d)),
            11 => format!("len({})", self.expr_of(&[Ty::Str, Ty::ListInt, Ty::ListStr, Ty::Dict, Ty::Set], d)),
            12 => format!("{}({}, {})", self.rng.pick(&["min", "max"]), self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            13 => format!("sum({})", self.expr(Ty::ListInt, d)),
            14 => format!("{}({})", self.rng.pick(&["int", "round"]), self.expr(Ty::Float, d)),
            15 => format!("({} if {} else {})", self.expr(Ty::Int, d), self.expr(Ty::Bool, d), self.expr(Ty::Int, d)),
            16 => format!("divmod({}, {})[{}]", self.expr(Ty::Int, d), self.expr(Ty::Int, d), self.rng.range(0, 1)),
            17 => format!("pow({}, {}, {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            18 => format!("int({})", self.expr(Ty::Str, d)),
            19 => format!("{}[{}]", self.expr(Ty::ListInt, d), self.rng.range(-4, 5)),
            20 => format!("{}[{}]", self.expr(Ty::Dict, d), self.expr(Ty::Str, d)),
            21 => format!(
                "{}.{}({})",
                self.expr(Ty::Str, d),
                self.rng.pick(&["count", "find", "index"]),
                self.expr(Ty::Str, d)
            ),
            22 => format!("{}.index({})", self.expr(Ty::ListInt, d), self.expr(Ty::Int, d)),
            _ => format!("hash({})", self.expr_of(&[Ty::Int, Ty::Tuple, Ty::Bool], d)),
        }
    }

    fn float_expr(&mut self, d: u32) -> String {
        match self.rng.below(12) {
            0..=3 => {
                let op = *self.rng.pick(&["+", "-", "*", "/", "//", "%"]);
                let (a, b) = match self.rng.below(3) {
                    0 => (self.expr(Ty::Float, d), self.expr(Ty::Int, d)),
                    1 => (self.expr(Ty::Int, d), self.expr(Ty::Float, d)),
                    _ => (self.expr(Ty::Float, d), self.expr(Ty::Float, d)),
                };
                format!("({a} {op} {b})")
            }
            4 => format!("({} / {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            5 => format!("float({})", self.expr(Ty::Int, d)),
            6 => format!("round({}, {})", self.expr(Ty::Float, d), self.rng.range(-1, 4)),
            7 => format!("({} ** {})", self.expr(Ty::Float, d), self.rng.range(-3, 4)),
            8 => format!("abs({})", self.expr(Ty::Float, d)),
            9 => {
                format!("{}({}, {})", self.rng.pick(&["min", "max"]), self.expr(Ty::Float, d), self.expr(Ty::Float, d))
            }
            10 => format!("float({})", self.expr(Ty::Str, d)),
            _ => format!("-{}", self.expr(Ty::Float, d)),
        }
    }

    fn str_expr(&mut self, d: u32) -> String {
        match self.rng.below(20) {
            0..=2 => format!("({} + {})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            3 => format!("({} * {})", self.expr(Ty::Str, d), self.rng.range(-1, 3)),
            4 => {
                let (a, b) = (self.rng.range(-6, 6), self.rng.range(-6, 8));
                let step = *self.rng.pick(&["", ":2", ":-1", ":3"]);
                format!("{}[{a}:{b}{step}]", self.expr(Ty::Str, d))
            }
            5 => format!("{}[{}]", self.expr(Ty::Str, d), self.rng.range(-3, 6)),
            6 => format!(
                "{}.{}()",
                self.expr(Ty::Str, d),
                self.rng.pick(&["upper", "lower", "strip", "title", "swapcase", "capitalize", "casefold", "lstrip"])
            ),
            7 => format!("{}.replace({}, {})", self.expr(Ty::Str, d), self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            8 => format!("{}.join({})", self.expr(Ty::Str, d), self.expr(Ty::ListStr, d)),
            // (3.11's f-strings take no backslash or quote inside: the values come as arguments.)
            9 => format!(
                "(lambda a, b, c, d: f'{{a:>6}}|{{b:.3f}}|{{c!r}}|{{d:,}}')({}, {}, {}, {})",
                self.expr(Ty::Int, d),
                self.expr(Ty::Float, d),
                self.expr(Ty::Str, d),
                self.expr(Ty::Int, d)
            ),
            10 => format!("{}.center({}, '*')", self.expr(Ty::Str, d), self.rng.range(0, 12)),
            11 => format!(
                "('%d-%s-%.2f' % ({}, {}, {}))",
                self.expr(Ty::Int, d),
                self.expr(Ty::Str, d),
                self.expr(Ty::Float, d)
            ),
            12 => format!("{}({})", self.rng.pick(&["hex", "bin", "oct", "str"]), self.expr(Ty::Int, d)),
            13 => {
                let t = *self.rng.pick(ALL_TYS);
                format!("repr({})", self.expr_printable(t, d))
            }
            14 => format!("str({})", self.expr(Ty::Float, d)),
            15 => format!("{}.zfill({})", self.expr(Ty::Str, d), self.rng.range(0, 8)),
            16 => {
                format!("format({}, '{}')", self.expr(Ty::Int, d), self.rng.pick(&["x", "08b", "+d", "^9", "_", "e"]))
            }
            17 => format!(
                "format({}, '{}')",
                self.expr(Ty::Float, d),
                self.rng.pick(&[".2e", "g", "%", "10.4f", "+.1f", ".0f"])
            ),
            18 => format!("str({})", self.expr_of(&[Ty::ListInt, Ty::Tuple, Ty::Dict, Ty::Bool], d)),
            _ => format!("({} if {} else {})", self.expr(Ty::Str, d), self.expr(Ty::Bool, d), self.expr(Ty::Str, d)),
        }
    }

    fn bool_expr(&mut self, d: u32) -> String {
        match self.rng.below(12) {
            0..=2 => {
                let t = *self.rng.pick(&[Ty::Int, Ty::Float, Ty::Str, Ty::ListInt, Ty::Tuple]);
                let op = *self.rng.pick(&["<", "<=", "==", "!=", ">", ">="]);
                format!("({} {op} {})", self.expr(t, d), self.expr(t, d))
            }
            3 => format!("({} < {})", self.expr(Ty::Int, d), self.expr(Ty::Float, d)),
            4 => format!("({} in {})", self.expr(Ty::Int, d), self.expr_of(&[Ty::ListInt, Ty::Set, Ty::Tuple], d)),
            5 => format!("({} in {})", self.expr(Ty::Str, d), self.expr_of(&[Ty::Dict, Ty::Str, Ty::ListStr], d)),
            6 => format!("(not {})", self.expr(Ty::Bool, d)),
            7 => format!("({} {} {})", self.expr(Ty::Bool, d), self.rng.pick(&["and", "or"]), self.expr(Ty::Bool, d)),
            8 => format!(
                "{}.{}()",
                self.expr(Ty::Str, d),
                self.rng.pick(&["isdigit", "isalpha", "isupper", "isspace", "isidentifier"])
            ),
            9 => format!("{}.startswith({})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            10 => format!("bool({})", self.expr_of(ALL_TYS, d)),
            _ => format!("{}(x > 0 for x in {})", self.rng.pick(&["all", "any"]), self.expr(Ty::ListInt, d)),
        }
    }

    fn list_int_expr(&mut self, d: u32) -> String {
        match self.rng.below(14) {
            0 => format!("[{}, {}]", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            1 => format!(
                "list(range({} % 7, {} % 13, {}))",
                self.expr(Ty::Int, d),
                self.expr(Ty::Int, d),
                self.rng.pick(&["1", "2", "-1", "3"])
            ),
            2 => format!(
                "[x * {} for x in {} if x % {} != 0]",
                self.rng.range(-3, 5),
                self.expr(Ty::ListInt, d),
                self.rng.range(2, 4)
            ),
            3 => format!("sorted({}, reverse={})", self.expr(Ty::ListInt, d), self.rng.pick(&["True", "False"])),
            4 => format!("sorted({}, key=lambda x: (x % {}, -x))", self.expr(Ty::ListInt, d), self.rng.range(2, 5)),
            5 => format!("{}[{}:{}]", self.expr(Ty::ListInt, d), self.rng.range(-5, 3), self.rng.range(-2, 7)),
            6 => format!("({} + {})", self.expr(Ty::ListInt, d), self.expr(Ty::ListInt, d)),
            7 => format!("({} * {})", self.expr(Ty::ListInt, d), self.rng.range(0, 3)),
            8 => format!("list(reversed({}))", self.expr(Ty::ListInt, d)),
            9 => format!("[len(s) for s in {}]", self.expr(Ty::ListStr, d)),
            10 => format!("list({}.values())", self.expr(Ty::Dict, d)),
            11 => format!("sorted({})", self.expr(Ty::Set, d)),
            12 => format!("list({})", self.expr(Ty::Tuple, d)),
            _ => format!("list(map(lambda x: x // {} + 1, {}))", self.rng.range(1, 3), self.expr(Ty::ListInt, d)),
        }
    }

    fn list_str_expr(&mut self, d: u32) -> String {
        match self.rng.below(7) {
            0 => format!("{}.split({})", self.expr(Ty::Str, d), self.rng.pick(&["", "','", "'-'", "' '"])),
            1 => format!("sorted({})", self.expr(Ty::Dict, d)),
            2 => format!("[str(x) for x in {}]", self.expr(Ty::ListInt, d)),
            3 => format!("list({})[:8]", self.expr(Ty::Str, d)),
            4 => format!("({} + {})", self.expr(Ty::ListStr, d), self.expr(Ty::ListStr, d)),
            5 => format!("sorted({}, key=len)", self.expr(Ty::ListStr, d)),
            _ => format!("[{}, {}]", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
        }
    }

    fn dict_expr(&mut self, d: u32) -> String {
        match self.rng.below(6) {
            0 => format!("{{s: len(s) for s in {}}}", self.expr(Ty::ListStr, d)),
            1 => format!("dict(zip({}, {}))", self.expr(Ty::ListStr, d), self.expr(Ty::ListInt, d)),
            2 => format!("({} | {})", self.expr(Ty::Dict, d), self.expr(Ty::Dict, d)),
            3 => format!("{{**{}, {}: {}}}", self.expr(Ty::Dict, d), self.expr(Ty::Str, d), self.expr(Ty::Int, d)),
            4 => format!("{{str(k): k for k in {}}}", self.expr(Ty::ListInt, d)),
            _ => format!("dict.fromkeys({}, {})", self.expr(Ty::ListStr, d), self.expr(Ty::Int, d)),
        }
    }

    fn set_expr(&mut self, d: u32) -> String {
        match self.rng.below(5) {
            0 => format!("set({})", self.expr(Ty::ListInt, d)),
            1 => {
                let op = *self.rng.pick(&["|", "&", "-", "^"]);
                format!("({} {op} {})", self.expr(Ty::Set, d), self.expr(Ty::Set, d))
            }
            2 => format!("{{x % {} for x in {}}}", self.rng.range(2, 9), self.expr(Ty::ListInt, d)),
            3 => format!("{{len(s) for s in {}}}", self.expr(Ty::ListStr, d)),
            _ => format!("{{{}, {}}}", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
        }
    }

    fn tuple_expr(&mut self, d: u32) -> String {
        match self.rng.below(5) {
            0 => format!("({}, {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            1 => format!("tuple({})", self.expr(Ty::ListInt, d)),
            2 => format!("({} + {})", self.expr(Ty::Tuple, d), self.expr(Ty::Tuple, d)),
            3 => format!("{}[{}:]", self.expr(Ty::Tuple, d), self.rng.range(-2, 2)),
            _ => format!("divmod({}, {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
        }
    }

    /// An expression whose printed form is deterministic (sets come sorted).
    fn expr_printable(&mut self, ty: Ty, d: u32) -> String {
        let e = self.expr(ty, d);
        if ty == Ty::Set {
            format!("sorted({e})")
        } else {
            e
        }
    }

    /// An expression mixing types in ways that raise TypeError (or work, as CPython decides).
    fn mixed_expr(&mut self) -> String {
        let a = *self.rng.pick(ALL_TYS);
        let b = *self.rng.pick(ALL_TYS);
        let (x, y) = (self.expr(a, 1), self.expr(b, 1));
        match self.rng.below(8) {
            0 => format!("{x} + {y}"),
            // (No int times a sequence: `2**31 * 'abc'` is gigabytes.)
            1 if [a, b].iter().any(|t| matches!(t, Ty::Int | Ty::Bool)) => format!("{x} * 2"),
            1 => format!("{x} * {y}"),
            2 => format!("{x} < {y}"),
            3 => format!("{x}[{y}]"),
            4 => format!("len({x})"),
            5 => format!("{x} - {y}"),
            6 => format!("{{{x}: 1}}"),
            _ => format!("{x} % {y}"),
        }
    }

    /// A few guarded prints of random expressions.
    fn prints(&mut self, n: usize, depth: u32) -> String {
        let mut s = String::new();
        for _ in 0..n {
            let e = if self.rng.chance(15) {
                self.mixed_expr()
            } else {
                let t = *self.rng.pick(ALL_TYS);
                self.expr_printable(t, depth)
            };
            s.push_str(&guarded(&format!("print({e})")));
        }
        s
    }

    fn chunk_exprs(&mut self) -> String {
        let n = self.rng.range(3, 7) as usize;
        let mut s = self.declare(n);
        let p = self.rng.range(4, 9) as usize;
        s.push_str(&self.prints(p, 3));
        s
    }

    fn loop_count(&mut self) -> i64 {
        *self.rng.pick(&[60, 400, 1200, 1500, 2100, 3000])
    }

    /// A hot loop updating bounded accumulators of several types, with branches taken at
    /// different rates, exceptions caught inside, and an int accumulator that may leave the
    /// 64-bit range (or become a float) mid-loop.
    fn chunk_loop(&mut self) -> String {
        let nv = self.rng.range(1, 3) as usize;
        let mut s = self.declare(nv);
        let (ai, af, as_, al, ad, errs, last) = (
            self.name("acc_i"),
            self.name("acc_f"),
            self.name("acc_s"),
            self.name("acc_l"),
            self.name("acc_d"),
            self.name("errs"),
            self.name("last"),
        );
        s.push_str(&format!(
            "{ai} = {}\n{af} = {}\n{as_} = ''\n{al} = []\n{ad} = {{}}\n{errs} = 0\n{last} = None\n",
            self.int_lit(),
            self.float_lit()
        ));
        let n = self.loop_count();
        let i = self.name("i");
        s.push_str(&format!("for {i} in range({n}):\n"));
        self.vars.push((i.clone(), Ty::Int));
        self.vars.push((ai.clone(), Ty::Int));
        let nstmts = self.rng.range(2, 6);
        let key_kind = *self.rng.pick(&["I % 7", "str(I % 5)", "(I % 3, I % 2)", "I % 4 == 0"]);
        self.dict_key = key_kind.replace('I', &i);
        let mut body = String::new();
        for _ in 0..nstmts {
            let (stmt, risky) = self.loop_stmt(&i, &ai, &af, &as_, &al, &ad, n);
            if risky {
                body.push_str(&format!(
                    "try:\n{}except Exception as e:\n    {errs} += 1\n    {last} = f'{{type(e).__name__}}: {{e}}'\n",
                    indent(&stmt, 1)
                ));
            } else {
                body.push_str(&stmt);
            }
        }
        let risky = format!("{ai} = ({ai} + {}) % ({})", self.expr(Ty::Int, 2), self.rng.pick(MODULI));
        body.push_str(&format!(
            "try:\n    {risky}\nexcept Exception as e:\n    {errs} += 1\n    {last} = f'{{type(e).__name__}}: {{e}}'\n"
        ));
        s.push_str(&indent(&body, 1));
        s.push_str(&format!("print({ai}, {af}, repr({as_}), {al}[-6:], sorted({ad}.items())[:6], {errs}, {last})\n"));
        s
    }

    #[allow(clippy::too_many_arguments)]
    /// A statement of a hot loop's body, and whether it may raise.
    fn loop_stmt(&mut self, i: &str, ai: &str, af: &str, as_: &str, al: &str, ad: &str, n: i64) -> (String, bool) {
        let m = *self.rng.pick(MODULI);
        let kind = self.rng.below(10);
        let stmt = match kind {
            0 => format!("{ai} = ({ai} * {} + {i}) % ({m})\n", self.rng.range(2, 1 << 20)),
            1 => {
                let (k, r) = (self.rng.range(2, 9), self.rng.range(0, 1));
                let e = self.expr(Ty::Float, 1);
                let t = self.expr(Ty::Str, 1);
                format!(
                    "if {i} % {k} == {r}:\n    {af} = {af} * 0.5 + {i} / 7.0\nelse:\n    {as_} = ({as_} + str({i} % 10))[-{}:]\nif {i} % {} == 0:\n    try:\n        {af} += {e}\n        {as_} = ({as_} + {t})[-12:]\n    except Exception:\n        pass\n",
                    self.rng.range(3, 30),
                    self.rng.range(3, 50)
                )
            }
            2 => format!(
                "{al}.append({})\nif len({al}) > {}:\n    {al}.pop(0)\n",
                self.expr(Ty::Int, 1),
                self.rng.range(3, 40)
            ),
            3 => {
                let key = self.dict_key.clone();
                format!("{ad}[{key}] = {ad}.get({key}, 0) + 1\n")
            }
            4 => format!("if {i} == {}:\n    {ai} = {ai} + 2 ** {}\n", n / 2, self.rng.range(60, 130)),
            5 => format!("{ai} += {i} * {}\n", self.rng.pick(&["3", "2**40", "2**62", "-7", "(1 << 63)", "10**19"])),
            6 => {
                let c = self.expr(Ty::Bool, 1);
                format!("if {c}:\n    {ai} ^= {i}\nelif {i} % 3:\n    {ai} -= 1\n")
            }
            7 => format!(
                "{ai} = {ai} // {} if {i} % {} else {ai} * {}\n",
                self.rng.range(1, 5),
                self.rng.range(2, 6),
                self.rng.range(2, 5)
            ),
            8 => format!(
                "if {i} == {}:\n    {ai} = float({ai} % 1000)\nelse:\n    {ai} = {ai} % ({m})\n",
                self.rng.range(n / 3, n)
            ),
            _ => format!("{as_} = ({as_} + {})[-20:]\n", self.expr(Ty::Str, 1)),
        };
        (stmt, matches!(kind, 2 | 6 | 9))
    }

    fn chunk_ints(&mut self) -> String {
        let x = self.name("big");
        let n = self.loop_count();
        let i = self.name("i");
        let start = self.rng.pick(&["2**62", "2**63 - 5", "-(2**63) + 3", "1", "3**39", "-1"]).to_string();
        let step = self
            .rng
            .pick(&[
                "X + X // 3 + I",
                "X * 3 - I",
                "-X + I * I",
                "X * X % (2**127 - 1) + 1",
                "(X << 1) ^ I",
                "X - (1 << 62)",
            ])
            .replace('X', &x)
            .replace('I', &i);
        let mut s = format!("{x} = {start}\n");
        s.push_str(&format!(
            "for {i} in range({n}):\n    {x} = {step}\n    if {x}.bit_length() > {}:\n        {x} = {x} % (2**64 + {}) - 2**63\n    if {i} % {} == 0:\n        print({i}, {x}, {x} > 2**63, {x} % 1000, {x} // 7, {x} & 0xFFFF)\n",
            self.rng.pick(&["64", "100", "300", "200"]),
            self.rng.range(0, 100),
            (n / 4).max(1) as u64 + self.rng.below(50),
        ));
        s.push_str(&format!("print({x}, hex({x}), -{x} >> 3, abs({x}) ** 2 % 10**9, float({x}), {x} == float({x}))\n"));
        let y = self.name("y");
        s.push_str(&format!("{y} = {x}\n"));
        self.vars.push((y, Ty::Int));
        let p = self.rng.range(2, 5) as usize;
        s.push_str(&self.prints(p, 2));
        s
    }

    fn chunk_functions(&mut self) -> String {
        let f = self.name("f");
        let (d1, d2) = (self.rng.range(-3, 9), self.rng.range(0, 5));
        let body_expr =
            self.rng.pick(&["a + b", "a * b - c", "a - b * 2", "(a + 1) * (b - 1)", "a // (b or 1)"]).to_string();
        let mut s = format!(
            "def {f}(a, b={d1}, *args, c={d2}, **kw):\n    r = {body_expr}\n    for x in args:\n        r = r * 2 + x\n    for k in sorted(kw):\n        r += len(k) * kw[k]\n    return r + c\n"
        );
        let calls = [
            format!("{f}(1)"),
            format!("{f}(3, 4)"),
            format!("{f}(1, 2, 3, 4, c=5, z=6)"),
            format!("{f}(*[1, 2, 3], **{{'q': 1, 'rr': 2}})"),
            format!("{f}()"),
            format!("{f}(1, a=2)"),
            format!("{f}(b=2)"),
            format!("{f}(1, 2, c='x')"),
            format!("{f}('s', 'y', c='')"),
            format!("{f}(2.5, c=1)"),
        ];
        for _ in 0..self.rng.range(3, 6) {
            let c = self.rng.pick(&calls).clone();
            s.push_str(&guarded(&format!("print({c})")));
        }
        // Positional-only and keyword-only parameters.
        let g = self.name("g");
        s.push_str(&format!("def {g}(a, /, b, *, c=1):\n    return (a, b, c)\n"));
        for c in ["(1, 2)", "(1, b=2, c=3)", "(a=1, b=2)", "(1, 2, 3)", "(1)"] {
            if self.rng.chance(40) {
                s.push_str(&guarded(&format!("print({g}{c})")));
            }
        }
        // A closure with nonlocal state, called hot.
        let mk = self.name("make");
        let k = self.rng.range(1, 9);
        let n = self.loop_count();
        s.push_str(&format!(
            "def {mk}(k):\n    count = 0\n    def inner(x):\n        nonlocal count\n        count += 1\n        if count % {} == 0:\n            return x * k + count\n        return x - count\n    return inner\n",
            self.rng.range(2, 7)
        ));
        let h = self.name("h");
        let t = self.name("t");
        s.push_str(&format!(
            "{h} = {mk}({k})\n{t} = 0\nfor i in range({n}):\n    {t} = ({t} + {h}(i) + {f}(i, c=i % 3)) % ({})\nprint({t}, {h}(0))\n",
            self.rng.pick(MODULI)
        ));
        s.push_str(&format!(
            "print([fn(10) for fn in [lambda x, i=i: x + i for i in range({})]])\n",
            self.rng.range(1, 5)
        ));
        s.push_str(&format!("print([fn(10) for fn in [lambda x: x * i for i in range({})]])\n", self.rng.range(1, 4)));
        // Recursion.
        let r = self.name("rec");
        s.push_str(&format!(
            "def {r}(n):\n    return 1 if n <= 1 else n * {r}(n - 1)\nprint({r}({}) % 1000007, len(str({r}({}))))\n",
            self.rng.range(5, 60),
            self.rng.range(20, 200)
        ));
        s
    }

    fn chunk_classes(&mut self) -> String {
        let b = self.name("Base");
        let sub = self.name("Sub");
        let mut s = format!("class {b}:\n    kind = '{b}'\n    def __init__(self, v):\n        self.v = v\n");
        s.push_str(&format!("    def __repr__(self):\n        return f'{b}({{self.v!r}})'\n"));
        if self.rng.chance(70) {
            s.push_str(&format!("    def __eq__(self, o):\n        return isinstance(o, {b}) and self.v == o.v\n    def __hash__(self):\n        return hash(self.v)\n"));
        }
        if self.rng.chance(70) {
            s.push_str("    def __lt__(self, o):\n        return self.v < o.v\n");
        }
        s.push_str(&format!(
            "    def __add__(self, o):\n        return type(self)(self.v + (o.v if isinstance(o, {b}) else o))\n    def __len__(self):\n        return abs(self.v) % {}\n",
            self.rng.range(3, 11)
        ));
        s.push_str(&format!(
            "    def __getitem__(self, i):\n        if i >= {}:\n            raise IndexError('index ' + str(i))\n        return self.v * i\n",
            self.rng.range(1, 5)
        ));
        s.push_str("    @property\n    def double(self):\n        return self.v * 2\n    @double.setter\n    def double(self, x):\n        self.v = x // 2\n");
        s.push_str(&format!(
            "    def method(self, x):\n        return self.v + x * {}\n    @classmethod\n    def make(cls, v):\n        return cls(v)\n    @staticmethod\n    def twice(x):\n        return x * 2\n",
            self.rng.range(1, 4)
        ));
        s.push_str(&format!(
            "class {sub}({b}):\n    def __init__(self, v, w={}):\n        super().__init__(v)\n        self.w = w\n    def method(self, x):\n        return super().method(x) * self.w - 1\n",
            self.rng.range(1, 4)
        ));
        if self.rng.chance(50) {
            s.push_str(&format!("    def __repr__(self):\n        return f'{sub}({{self.v}}, w={{self.w}})'\n"));
        }
        if self.rng.chance(50) {
            s.push_str("    def __bool__(self):\n        return self.v > 2\n");
        }
        let objs = self.name("objs");
        let vals: Vec<String> = (0..self.rng.range(2, 6))
            .map(|k| {
                let v = self.rng.range(-5, 20);
                if k % 2 == 0 {
                    format!("{b}({v})")
                } else {
                    format!("{sub}({v}, {})", self.rng.range(1, 3))
                }
            })
            .collect();
        s.push_str(&format!("{objs} = [{}]\n", vals.join(", ")));
        let uses = [
            format!("print(sorted({objs}))"),
            format!("print({objs}[0] + {objs}[1], {objs}[1] + 5)"),
            format!("print(len({objs}[0]), {objs}[0] == {objs}[1], {objs}[0] != {objs}[0])"),
            format!("print({objs}[1].double, {objs}[1].kind, {sub}.make(3), {b}.twice(4))"),
            format!("print(list({objs}[0]), list({objs}[-1]))"),
            format!("print(len({{o for o in {objs}}}))"),
            format!("print([bool(o) for o in {objs}])"),
            format!("print({objs}[0] < 5)"),
            format!("print({objs}[0].missing)"),
            format!("{objs}[0].double = 13\nprint({objs}[0].v, {objs}[0])"),
            format!(
                "print(isinstance({objs}[1], {b}), issubclass({sub}, {b}), type({objs}[1]).__name__, {sub}.__mro__)"
            ),
            format!("print(max({objs}), min({objs}, key=lambda o: -o.v))"),
            format!("print({objs}[0] + 'x')"),
            format!("print({objs}[0].__dict__, hasattr({objs}[0], 'w'), getattr({objs}[0], 'w', 'none'))"),
        ];
        for _ in 0..self.rng.range(4, 8) {
            let u = self.rng.pick(&uses).clone();
            s.push_str(&guarded(&u));
        }
        let acc = self.name("acc");
        let n = self.loop_count();
        s.push_str(&format!(
            "{acc} = 0\nfor i in range({n}):\n    o = {objs}[i % len({objs})]\n    {acc} = ({acc} + o.method(i) + o.double) % ({})\n    if i % {} == 0:\n        o.v += 1\nprint({acc}, {objs})\n",
            self.rng.pick(MODULI),
            self.rng.range(5, 300)
        ));
        s
    }

    fn chunk_generators(&mut self) -> String {
        let g = self.name("gen");
        let k = self.rng.range(2, 5);
        let e = self.rng.pick(&["i * i", "i % 7 - 3", "i * 3 + 1", "-i", "i // 2", "2 ** (i % 70)"]).to_string();
        let mut s = format!(
            "def {g}(n):\n    for i in range(n):\n        if i % {k} == 0:\n            continue\n        yield {e}\n    return 'done' + str(n)\n"
        );
        s.push_str(&format!("print(list({g}({})))\n", self.rng.range(0, 12)));
        s.push_str(&format!("print(sum({g}({})) % 1000003)\n", self.loop_count()));
        let it = self.name("it");
        s.push_str(&format!(
            "{it} = {g}({})\ntry:\n    while True:\n        print(next({it}))\nexcept StopIteration as e:\n    print('stop', e.value)\n",
            self.rng.range(0, 6)
        ));
        let outer = self.name("outer");
        s.push_str(&format!(
            "def {outer}(n):\n    r = yield from {g}(n)\n    yield r\n    yield len(r)\nprint(list({outer}({})))\n",
            self.rng.range(0, 7)
        ));
        let n = self.loop_count();
        s.push_str(&format!(
            "print(sum(x * x for x in range({n}) if x % {}), max((x % 97 for x in range({n})), default=-1))\n",
            self.rng.range(2, 5)
        ));
        s.push_str(&format!(
            "print(list(zip({g}(8), 'abcdef')), list(enumerate({g}({}), 1))[-3:])\n",
            self.rng.range(0, 9)
        ));
        let acc = self.name("acc");
        s.push_str(&format!(
            "def {acc}():\n    total = 0\n    while True:\n        x = yield total\n        if x is None:\n            return total\n        total += x\nc = {acc}()\nnext(c)\nfor i in range({n}):\n    c.send(i % 13)\nprint(c.send(1))\ntry:\n    c.send(None)\nexcept StopIteration as e:\n    print('ret', e.value)\n"
        ));
        s.push_str(&guarded(&format!("g2 = {g}(3)\nprint(next(g2), next(g2), next(g2))")));
        s
    }

    fn chunk_exceptions(&mut self) -> String {
        let err = self.name("MyError");
        let f = self.name("risky");
        let log = self.name("log");
        let (a, b, c) = (self.rng.range(2, 5), self.rng.range(2, 6), self.rng.range(2, 7));
        let mut s = format!(
            "class {err}(ValueError):\n    def __init__(self, code, msg='custom'):\n        super().__init__(msg, code)\n        self.code = code\n"
        );
        s.push_str(&format!("{log} = []\n"));
        s.push_str(&format!(
            "def {f}(x):\n    try:\n        if x % {a} == 0:\n            raise {err}(x)\n        r = 10 // (x % {b})\n        r += [1, 2, 3][x % {c}]\n        r += {{'a': 1}}['b' if x % 11 == 5 else 'a']\n        if x % 13 == 7:\n            r += 'x'\n        return r\n    except {err} as e:\n        return ('mine', e.code, e.args, str(e))\n    finally:\n        {log}.append(x)\n"
        ));
        s.push_str(&format!(
            "for x in range({}):\n    try:\n        print({f}(x))\n    except (IndexError, KeyError) as e:\n        print('lookup', type(e).__name__, e, repr(e))\n    except Exception as e:\n        print(type(e).__name__, e)\n    else:\n        print('ok')\nprint(len({log}), {log}[-3:])\n",
            self.rng.range(6, 16)
        ));
        let n = self.loop_count();
        let cnt = self.name("counts");
        s.push_str(&format!(
            "{cnt} = {{}}\nfor i in range({n}):\n    try:\n        {f}(i)\n    except Exception as e:\n        {cnt}[type(e).__name__] = {cnt}.get(type(e).__name__, 0) + 1\nprint(sorted({cnt}.items()), len({log}))\n"
        ));
        s.push_str(&format!(
            "try:\n    try:\n        {{}}[{}]\n    except KeyError as e:\n        raise RuntimeError('wrapped') from e\nexcept RuntimeError as e:\n    print(e, repr(e.__cause__), e.__context__ is e.__cause__)\n",
            self.rng.pick(&["1", "'k'", "(1, 2)", "None", "2.5"])
        ));
        s.push_str(
            "def fin():\n    try:\n        return 'try'\n    finally:\n        print('finally runs')\nprint(fin())\n",
        );
        let ops = [
            "1 / 0",
            "1 % 0",
            "5 // 0",
            "2.0 / 0",
            "[][0]",
            "[1][5]",
            "(1,)[3]",
            "'ab'[9]",
            "{}['missing']",
            "{1: 2}[3]",
            "int('abc')",
            "int('')",
            "float('x')",
            "1 + 'a'",
            "'a' - 1",
            "[1] + (2,)",
            "len(5)",
            "None + 1",
            "abs('x')",
            "{[]: 1}",
            "hash([])",
            "[1, 2].index(7)",
            "'abc'.index('z')",
            "[].pop()",
            "{}.popitem()",
            "set().pop()",
            "int(float('inf'))",
            "int(float('nan'))",
            "2.0 ** 10000",
            "10 ** -1 // 0",
            "divmod(1, 0)",
            "pow(2, -1, 4)",
            "list(range(3))[::0]",
            "'a' * 2.5",
            "sorted([1, 'a'])",
            "max([])",
            "min(1)",
            "next(iter([]))",
            "object().x",
            "(1).real.bad",
            "'x'.foo()",
            "chr(-1)",
            "ord('ab')",
            "[1, 2, 3][1:2:0]",
            "tuple(5)",
            "dict([1, 2])",
            "int('12', 1)",
            "round(1.5, 'x')",
            "'{}{}'.format(1)",
            "'%d' % 'x'",
            "(1, 2) < (1, 'x')",
            "float(10 ** 400)",
            "1 << -1",
            "bytes(-1)",
            "range(1, 2, 0)",
            "[1, 2, 3].remove(4)",
            "'abc'.split('')",
            "int(10**5000)",
            "str(10**5000)[:3]",
            "x_undefined + 1",
            "del_me",
        ];
        for _ in 0..self.rng.range(4, 10) {
            let op = *self.rng.pick(&ops);
            s.push_str(&guarded(&format!("print({op})")));
        }
        s
    }

    fn chunk_while(&mut self) -> String {
        let (n, k, cap) = (self.rng.range(500, 3000), self.rng.range(2, 9), self.rng.range(2, 40));
        let st = self.name("stack");
        let mut s = format!("{st} = []\ni = 0\ntotal = 0\n");
        s.push_str(&format!(
            "while i < {n}:\n    i += 1\n    if i % {k} == 0:\n        continue\n    {st}.append(i)\n    if len({st}) > {cap}:\n        total += {st}.pop() - {st}.pop(0)\n    if total > {}:\n        break\nelse:\n    print('no break', i)\nprint(i, total, {st}[-4:])\n",
            self.rng.range(1000, 1000000)
        ));
        s.push_str(&format!(
            "for a in range({}):\n    for b in range(a):\n        if (a * b) % {} == {}:\n            print('found', a, b)\n            break\n    else:\n        continue\n    if a > {}:\n        break\n",
            self.rng.range(3, 40),
            self.rng.range(5, 40),
            self.rng.range(0, 5),
            self.rng.range(3, 30)
        ));
        let d = self.name("d");
        s.push_str(&format!(
            "{d} = {{}}\nfor w in ({} + ' ' + {}).split() * {}:\n    {d}[w] = {d}.get(w, 0) + 1\nprint(sorted({d}.items(), key=lambda kv: (-kv[1], kv[0]))[:5])\n",
            self.rng.pick(STR_LITS),
            self.rng.pick(STR_LITS),
            self.rng.range(1, 400)
        ));
        let m = self.name("matrix");
        let (r, c) = (self.rng.range(1, 6), self.rng.range(1, 6));
        s.push_str(&format!(
            "{m} = [[i * {c} + j for j in range({c})] for i in range({r})]\nprint({m}, [list(col) for col in zip(*{m})], sum(map(sum, {m})))\nprint({{(i, j): v for i, row in enumerate({m}) for j, v in enumerate(row) if v % 3 == 0}})\n"
        ));
        s
    }
}

fn ty_tag(ty: Ty) -> &'static str {
    match ty {
        Ty::Int => "i",
        Ty::Float => "f",
        Ty::Str => "s",
        Ty::Bool => "b",
        Ty::ListInt => "li",
        Ty::ListStr => "ls",
        Ty::Dict => "d",
        Ty::Set => "set",
        Ty::Tuple => "t",
    }
}
