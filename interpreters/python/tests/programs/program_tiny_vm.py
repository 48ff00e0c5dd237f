from collections import namedtuple, ChainMap, OrderedDict
import operator, sys

Instr = namedtuple("Instr", "op arg", defaults=(None,))

class VMError(RuntimeError):
    pass

class Frame:
    __slots__ = ("code", "pc", "locals", "ret")
    def __init__(self, code, locals_=None, ret=None):
        self.code = code
        self.pc = 0
        self.locals = ChainMap(locals_ or {}, {})
        self.ret = ret

class VM:
    BIN = {"add": operator.add, "sub": operator.sub, "mul": operator.mul,
           "lt": operator.lt, "eq": operator.eq, "div": operator.floordiv}
    def __init__(self, funcs, trace=False):
        self.funcs = funcs
        self.stack = []
        self.frames = []
        self.out = []
        self.steps = 0
        self.trace = trace
    def run(self, name, *args):
        self.frames.append(Frame(self.funcs[name], dict(zip(self.funcs[name + ".params"], args))))
        while self.frames:
            f = self.frames[-1]
            if f.pc >= len(f.code):
                self.frames.pop()
                continue
            ins = f.code[f.pc]
            f.pc += 1
            self.steps += 1
            if self.steps > 100000:
                raise VMError("step limit")
            op, arg = ins
            if op == "push": self.stack.append(arg)
            elif op == "load": self.stack.append(f.locals[arg])
            elif op == "store": f.locals[arg] = self.stack.pop()
            elif op in self.BIN:
                b = self.stack.pop(); a = self.stack.pop()
                try:
                    self.stack.append(self.BIN[op](a, b))
                except ZeroDivisionError as e:
                    raise VMError(f"at pc {f.pc - 1}: {e}") from e
            elif op == "jz":
                if not self.stack.pop(): f.pc = arg
            elif op == "jmp": f.pc = arg
            elif op == "print": self.out.append(str(self.stack.pop()))
            elif op == "call":
                fn, n = arg
                args = [self.stack.pop() for _ in range(n)][::-1]
                self.frames.append(Frame(self.funcs[fn], dict(zip(self.funcs[fn + ".params"], args))))
            elif op == "ret":
                self.frames.pop()
            else:
                raise VMError(f"bad op {op!r}")
        return self.stack

I = Instr
funcs = {
    "fact.params": ["n"],
    "fact": [I("push", 1), I("store", "acc"),
             I("load", "n"), I("push", 1), I("lt"), I("jz", 7), I("jmp", 16),
             I("load", "acc"), I("load", "n"), I("mul"), I("store", "acc"),
             I("load", "n"), I("push", 1), I("sub"), I("store", "n"), I("jmp", 2),
             I("load", "acc"), I("ret")],
    "main.params": [],
    "main": [I("push", 20), I("call", ("fact", 1)), I("print"),
             I("push", 30), I("call", ("fact", 1)), I("print"),
             I("push", 7), I("push", 0), I("div")],
}
vm = VM(funcs)
try:
    vm.run("main")
except VMError as e:
    print("VMError:", e, "| cause:", repr(e.__cause__), "| ctx is cause:", e.__context__ is e.__cause__)
print(vm.out, vm.steps)
print(I("push", 1), I("nop"), I._fields, I._field_defaults, I("a", 2)._replace(arg=3), I._make(["x", 9])._asdict())
print(Instr.__doc__, isinstance(I("x"), tuple), I("x") == ("x", None))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
cm2 = cm.new_child({"c": 4})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm2.maps, cm2.parents)
cm["b"] = 10
print(cm, dict(cm))
od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b")
od.move_to_end("e", last=False)
print(od, list(od.keys()), od.popitem(), od.popitem(last=False))
print(repr(OrderedDict()), OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))
P = namedtuple("P", ["x", "y"], rename=True)
p = P(1, 2)
x, y = p
print(p, x + y, p._asdict(), P.__name__, P(y=5, x=4), p[::-1], p.count(1), p.index(2))
try:
    P(1)
except TypeError as e:
    print(e)
Bad = namedtuple("Bad", ["ok", "def", "_x", "ok"], rename=True)
print(Bad._fields)
