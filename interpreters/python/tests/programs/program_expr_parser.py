import re
from enum import Enum, auto

class T(Enum):
    NUM = auto()
    ID = auto()
    OP = auto()
    LP = auto()
    RP = auto()
    EOF = auto()

TOKEN_RE = re.compile(r"\s*(?:(\d+\.?\d*)|([A-Za-z_]\w*)|(\*\*|[-+*/%^=,])|(\()|(\)))")

class Token:
    __slots__ = ("kind", "val", "pos")
    def __init__(self, kind, val, pos):
        self.kind, self.val, self.pos = kind, val, pos
    def __repr__(self):
        return f"Token({self.kind.name}, {self.val!r}, {self.pos})"

def tokenize(src):
    pos = 0
    out = []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m or m.end() == pos:
            raise SyntaxError(f"bad char {src[pos]!r} at {pos}")
        num, ident, op, lp, rp = m.groups()
        if num is not None:
            out.append(Token(T.NUM, float(num) if "." in num else int(num), m.start(1)))
        elif ident is not None:
            out.append(Token(T.ID, ident, m.start(2)))
        elif op is not None:
            out.append(Token(T.OP, op, m.start(3)))
        elif lp:
            out.append(Token(T.LP, lp, m.start(4)))
        else:
            out.append(Token(T.RP, rp, m.start(5)))
        pos = m.end()
    out.append(Token(T.EOF, None, pos))
    return out

class Num:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Num({self.v})"
class Var:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Var({self.n})"
class BinOp:
    def __init__(self, op, l, r): self.op, self.l, self.r = op, l, r
    def __repr__(self): return f"BinOp({self.op!r}, {self.l}, {self.r})"
class Neg:
    def __init__(self, e): self.e = e
    def __repr__(self): return f"Neg({self.e})"
class Call:
    def __init__(self, f, args): self.f, self.args = f, args
    def __repr__(self): return f"Call({self.f}, {self.args})"
class Assign:
    def __init__(self, n, e): self.n, self.e = n, e
    def __repr__(self): return f"Assign({self.n}, {self.e})"

class Parser:
    PREC = {"+": 10, "-": 10, "*": 20, "/": 20, "%": 20, "**": 30, "^": 30}
    RIGHT = {"**", "^"}
    def __init__(self, toks):
        self.toks = toks
        self.i = 0
    def peek(self): return self.toks[self.i]
    def next(self):
        t = self.toks[self.i]; self.i += 1; return t
    def expect(self, kind, val=None):
        t = self.next()
        if t.kind is not kind or (val is not None and t.val != val):
            raise SyntaxError(f"expected {kind.name} got {t!r}")
        return t
    def statement(self):
        if self.peek().kind is T.ID and self.toks[self.i + 1].val == "=":
            name = self.next().val
            self.next()
            return Assign(name, self.expr(0))
        return self.expr(0)
    def expr(self, minp):
        lhs = self.atom()
        while True:
            t = self.peek()
            if t.kind is not T.OP or t.val not in self.PREC:
                break
            p = self.PREC[t.val]
            if p < minp:
                break
            self.next()
            rhs = self.expr(p if t.val in self.RIGHT else p + 1)
            lhs = BinOp(t.val, lhs, rhs)
        return lhs
    def atom(self):
        t = self.next()
        if t.kind is T.NUM: return Num(t.val)
        if t.kind is T.OP and t.val == "-": return Neg(self.expr(25))
        if t.kind is T.LP:
            e = self.expr(0); self.expect(T.RP); return e
        if t.kind is T.ID:
            if self.peek().kind is T.LP:
                self.next()
                args = []
                if self.peek().kind is not T.RP:
                    args.append(self.expr(0))
                    while self.peek().val == ",":
                        self.next(); args.append(self.expr(0))
                self.expect(T.RP)
                return Call(t.val, args)
            return Var(t.val)
        raise SyntaxError(f"unexpected {t!r}")

import math, operator
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
       "%": operator.mod, "**": operator.pow, "^": operator.pow}
FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "hypot": math.hypot}

def evaluate(node, env):
    match node:
        case Num(v=v): return v
        case Var(n=n):
            try: return env[n]
            except KeyError: raise NameError(f"undefined {n}") from None
        case Neg(e=e): return -evaluate(e, env)
        case BinOp(op=op, l=l, r=r): return OPS[op](evaluate(l, env), evaluate(r, env))
        case Call(f=f, args=args): return FUNCS[f](*[evaluate(a, env) for a in args])
        case Assign(n=n, e=e):
            env[n] = evaluate(e, env); return env[n]

env = {"pi": math.pi}
prog = ["x = 3", "y = x ** 2 ** 2", "y - -x * 2", "sqrt(16) + max(1, x, 2)", "(1 + 2) * (3 + 4) / 7",
        "10 % 4 ^ 2", "hypot(3, 4)", "2 ** 100", "7 / 2", "z + 1", "3 $ 4", "(1 + 2", "1.5 * 4", "abs(-x - 10)"]
for line in prog:
    try:
        toks = tokenize(line)
        tree = Parser(toks).statement()
        print(f"{line!r:28} -> {tree!r}")
        print("   =", evaluate(tree, env))
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{line!r:28} !! {type(e).__name__}: {e}")
print(tokenize("a+1")[:2])
print(sorted(env.items()))
