# Objects die once nothing refers to them, also after compiled code saw them: a trace that
# reads the module's globals holds their storage as a constant, and when new globals make
# the module grow its storage, the old one (with the values it held) must not stay alive
# through traces that can never run again.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def hot():
    total = 0
    for i in range(60):
        total += counter + i
    return total


counter = 1
print(hot())
target = Obj("target")
w = weakref.ref(target)
for k in range(50):
    globals()["extra%d" % k] = k
del target
gc.collect()
print("dead:", w() is None)


def grow_and_drop(tag):
    held = Obj(tag)
    ref = weakref.ref(held)
    globals()[tag] = held
    hot()
    for k in range(60):
        globals()["%s_%d" % (tag, k)] = k
    del globals()[tag]
    del held
    gc.collect()
    return ref() is None


print([grow_and_drop("t%d" % n) for n in range(3)])
print(hot(), extra49)
