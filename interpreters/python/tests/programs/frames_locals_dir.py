# dir(), locals(), vars() and globals() after sys.exc_info joined the frame hook
import sys
a = 1
def f(): pass
class K:
    z = 1
    def m(self): pass
print([k for k in globals() if not k.startswith("__")])
def g(x, y=2):
    z = 3
    print(sorted(locals()), dir(), vars() == locals())
    try:
        raise ValueError("in g")
    except ValueError:
        print(sys.exc_info()[1], sorted(locals()))
g(1)
print([n for n in dir(K) if not n.startswith("_")], [n for n in dir(K()) if not n.startswith("_")])
k = K(); k.b = 2; k.a = 1
print([n for n in dir(k) if not n.startswith("_")], vars(k))
print(eval("a + 1"), eval("x * 2", {"x": 4}), [n for n in dir([]) if not n.startswith("_")])
