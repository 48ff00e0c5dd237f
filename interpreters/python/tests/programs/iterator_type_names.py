import sys, types, collections
things = [iter([]), iter(()), iter({}), iter({}.values()), iter({}.items()), iter(set()), iter(""), iter(b""), iter(bytearray()),
          iter(range(3)), iter(range(10**20)), reversed([]), reversed(range(3)), reversed({}), reversed("ab"), reversed(()), reversed({}.keys()),
          (x for x in []), enumerate([]), zip(), map(str, []), filter(None, []), iter(lambda: 1, 1),
          {}.keys(), {}.values(), {}.items(), range(1), slice(1), memoryview(b""),
          frozenset(), type(None), NotImplemented, Ellipsis, print, [].append, "".join,
          lambda: 0, sys, property(), staticmethod(len), classmethod(len),
          super(int, 1), collections.defaultdict(int).items()]
for t in things:
    print(type(t).__name__, type(t).__qualname__, type(t).__module__)
def gen():
    yield 1
def co(): yield
c = co()
print(type(gen()).__name__, type(gen).__name__)
c.close()
print(types.GeneratorType is type(gen()), types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.ModuleType)
print(repr(iter([]))[:20], repr({}.keys()), repr({1: 2}.items()), repr({"a": [1]}.values()), repr(range(0, 10, 2)), repr(slice(1, None)))
class A:
    cls_attr = 1
    def __init__(self):
        self.x = 1
        self.y = 2
    def m(self): pass
a = A()
print(vars(a), a.__dict__, sorted(k for k in vars(A) if not k.startswith("__")))
print([n for n in dir(a) if not n.startswith("__")], dir(A) == sorted(dir(A)))
def f():
    x = 1
    y = [2]
    return sorted(locals())
print(f())
print(f.__code__.co_varnames, f.__code__.co_argcount, f.__name__, f.__module__, f.__defaults__, f.__kwdefaults__)
def g(a, b=2, *args, c, d=4, **kw): pass
print(g.__code__.co_argcount, g.__code__.co_kwonlyargcount, g.__defaults__, g.__kwdefaults__, g.__code__.co_varnames[:6])
print(A().m.__func__ is A.m, A.__name__, A.__qualname__, A.__module__, A.__bases__, A.__mro__)
print(int.__mro__, bool.__mro__, type.__mro__, type(type), type(object), object.__bases__)
print(callable(a), callable(A), callable(len), isinstance(len, types.BuiltinFunctionType), hasattr(a, "x"), getattr(a, "z", "dflt"))
print(len.__name__, len.__qualname__, [].append.__name__, [].append.__qualname__, str.upper.__qualname__, int.from_bytes.__qualname__)
print(repr(len))
print(type(sys.stdout).__name__, sys.version_info[:2], sys.version_info.major, type(sys.version_info).__name__, sys.maxsize, sys.byteorder)
print(sys.getrecursionlimit(), isinstance(sys.argv, list), sys.platform.startswith("linux"), type(sys.modules).__name__, "sys" in sys.modules)
print(int.__name__, type(1).__name__, type(1.0).__name__, type(1j).__name__, type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
print(isinstance(True, int), issubclass(bool, int), type(True) is bool, bool.__name__, type(b"").__name__, type(bytearray()).__name__)
print(A.__dict__["m"].__name__, list(vars(A))[:3])
print(getattr(A, "__doc__"), A.__init__.__doc__, (lambda: 0).__name__, (lambda: 0).__qualname__)
class B(A):
    """Doc for B."""
    __slots__ = ()
print(B.__doc__, B.__mro__, B.__subclasses__(), A.__subclasses__(), B.__base__)
async def coro_fn():
    return 1
cr = coro_fn()
print(type(cr).__name__, type(coro_fn).__name__)
cr.close()
s = "héllo"
print(type(iter(s)).__name__, type(iter("plain")).__name__, type(reversed({}.values())).__name__, type(reversed({}.items())).__name__)
it = iter([1, 2, 3])
print(next(it), type(it).__name__, list(it), type(iter(it)) is type(it))
