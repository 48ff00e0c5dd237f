# contextlib
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, AbstractContextManager


@contextmanager
def tag(name):
    print("<" + name + ">")
    yield name.upper()
    print("</" + name + ">")


with tag("p") as t:
    print("inside", t)
with tag("div"):
    with tag("span"):
        print("nested")


@contextmanager
def guarded(label):
    try:
        yield label
    except ZeroDivisionError as e:
        print(label, "swallowed", e)
    finally:
        print(label, "cleanup")


with guarded("a"):
    1 / 0
print("after a")
try:
    with guarded("b"):
        raise KeyError("kb")
except KeyError as e:
    print("escaped", repr(e))


@contextmanager
def reraise():
    try:
        yield
    except ValueError:
        raise RuntimeError("converted")


try:
    with reraise():
        raise ValueError("v")
except RuntimeError as e:
    print("RuntimeError", e, type(e.__context__).__name__)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@tag("decorated")
def work():
    print("working")


work()

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)
with nullcontext(42) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)


class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


with ExitStack() as stack:
    names = [stack.enter_context(Managed(n)) for n in "xyz"]
    stack.callback(print, "callback", 1, sep="-")
    print("names", names)

with ExitStack() as stack:
    stack.enter_context(Managed("outer", suppress=True))
    stack.enter_context(Managed("inner"))
    raise ValueError("boom")
print("stack suppressed")

with ExitStack() as stack:
    stack.callback(print, "not run")
    moved = stack.pop_all()
print("moved")
moved.close()


class Base(AbstractContextManager):
    def __exit__(self, *exc):
        print("base exit")


with Base() as b:
    print(type(b).__name__)


@contextmanager
def counter():
    state = {"n": 0}
    yield state
    print("final", state["n"])


with counter() as st:
    for i in range(5):
        st["n"] += i
