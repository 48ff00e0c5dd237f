# `with` looks `__enter__` and `__exit__` up on the class (as special methods), `__enter__`
# first, binding them through their descriptors; what is missing is a TypeError.

class Guard:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return kind is KeyError

g = Guard("g")
g.__enter__ = lambda: print("instance attribute, never called")
with g as v:
    print("body", v)
with Guard("k"):
    {}["nope"]
print("after suppressed KeyError")

class OnlyOnInstance:
    pass
o = OnlyOnInstance()
o.__enter__ = lambda: 1
o.__exit__ = lambda *a: None
class NoExit:
    def __enter__(self):
        print("not reached")
class NoEnter:
    def __exit__(self, *a):
        return True
class NotCallable:
    __enter__ = 42
    def __exit__(self, *a):
        pass
for mgr in (o, NoExit(), NoEnter(), NotCallable(), 7, "text"):
    try:
        with mgr:
            print("body ran")
    except TypeError as e:
        print("TypeError:", e)

class Kinds:
    @staticmethod
    def __enter__():
        print("static __enter__")
        return "s"
    @classmethod
    def __exit__(cls, *exc):
        print("class __exit__ of", cls.__name__, len(exc))
with Kinds() as s:
    print("got", s)

class Traced:
    class Hook:
        def __init__(self, tag):
            self.tag = tag
        def __get__(self, obj, owner):
            print("bind", self.tag, type(obj).__name__, owner.__name__)
            return lambda *args: print("call", self.tag, len(args))
    __enter__ = Hook("enter")
    __exit__ = Hook("exit")
with Traced():
    print("inside")

class Count:
    entered = exited = 0
    def __enter__(self):
        Count.entered += 1
    def __exit__(self, *exc):
        Count.exited += 1
        return exc[0] is ZeroDivisionError
c = Count()
for i in range(300):
    with c:
        if i % 7 == 0:
            1 // 0
print("loops", Count.entered, Count.exited)
