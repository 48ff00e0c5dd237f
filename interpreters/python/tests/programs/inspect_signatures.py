import inspect, functools
from dataclasses import dataclass
def f(a, b: int = 2, /, c=3, *args, d, e: str = "x", **kw) -> str:
    """Do a thing.

        Indented detail.
    """
    return "r"
def g(x, y=None, *, z): pass
def gen(): yield 1
sig = inspect.signature(f)
print(sig, repr(sig))
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is p.empty, p.annotation, repr(p), str(p.kind), p.kind.description)
print(inspect.signature(g), sig.return_annotation, list(inspect.signature(g).parameters))
class Acct:
    """An account."""
    rate = 0.1
    def __init__(self, owner, balance=0.0):
        self.owner = owner
    def deposit(self, amt: float) -> None:
        "Add money."
    @staticmethod
    def s(q): pass
    @classmethod
    def c(cls, w): pass
    @property
    def p(self): return 1
print(inspect.signature(Acct), inspect.signature(Acct.deposit), inspect.signature(Acct("a").deposit), inspect.signature(Acct.s), inspect.signature(Acct.c))
@dataclass
class Pt:
    x: int
    y: int = 0
print(inspect.signature(Pt))
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k): return fn(*a, **k)
    return wrapper
@deco
def wrapped(p, q=1): pass
print(inspect.signature(wrapped), wrapped.__name__)
print(inspect.signature(functools.partial(g, 1)), inspect.signature(lambda a, *b: 0))
b = inspect.signature(g).bind(1, z=3)
print(b.arguments, b.args, b.kwargs)
b = inspect.signature(g).bind(1, 2, z=3); b.apply_defaults(); print(b)
b = inspect.signature(f).bind(1, d=4); b.apply_defaults(); print(b.arguments)
for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 1, "w": 2}), ((1,), {"x": 1, "z": 2})]:
    try:
        inspect.signature(g).bind(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isbuiltin(len), inspect.isclass(Acct), inspect.isclass(Acct("o")), inspect.ismethod(Acct("a").deposit), inspect.ismethod(Acct.deposit))
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f), inspect.isgenerator(gen()), inspect.isroutine(len), inspect.ismodule(inspect), inspect.iscoroutinefunction(f))
print([n for n, _ in inspect.getmembers(Acct, inspect.isfunction)])
print([n for n, v in inspect.getmembers(Acct("z")) if not n.startswith("_")])
print(inspect.getdoc(f), "|", inspect.getdoc(Acct), inspect.getdoc(Acct.deposit))
print(inspect.cleandoc("""
    Hello
      world
    """))
print(inspect.getmro(bool), inspect.getfullargspec(f))
print(inspect.getsource(g), end="")
print(inspect.getsource(Acct.deposit), end="")
P = inspect.Parameter
s2 = inspect.Signature([P("a", P.POSITIONAL_ONLY), P("b", P.KEYWORD_ONLY, default=1)])
print(s2, s2 == inspect.signature(lambda a, /, *, b=1: 0), s2.replace(return_annotation=int))
try:
    inspect.signature(1)
except TypeError as e:
    print(e)
print(inspect.Parameter.empty, inspect.Signature.empty is inspect.Parameter.empty, inspect.getcallargs(g, 1, z=2))
import inspect
from dataclasses import dataclass, field
@dataclass
class Pt:
    x: int
    y: int = 0
    z: list = field(default_factory=list)
print(inspect.signature(Pt), inspect.signature(Pt.__init__))
