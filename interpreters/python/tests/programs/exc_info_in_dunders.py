# sys.exc_info() in dunders an operation calls (through a native) while an except block
# handles an exception: they see it, as functions called directly do.
import sys
def cur(): return sys.exc_info()[0].__name__ if sys.exc_info()[0] else None
log = []
class T:
    def __bool__(s): log.append(('bool', cur())); return True
    def __len__(s): log.append(('len', cur())); return 1
    def __eq__(s, o): log.append(('eq', cur())); return NotImplemented
    def __hash__(s): log.append(('hash', cur())); return 1
    def __iter__(s): log.append(('iter', cur())); return iter([1, 2])
    def __enter__(s): log.append(('enter', cur())); return s
    def __exit__(s, *a): log.append(('exit', cur()))
    def __format__(s, sp): log.append(('format', cur())); return ''
    def __str__(s): log.append(('str', cur())); return ''
    def __contains__(s, k): log.append(('contains', cur())); return True
    def __getitem__(s, k): log.append(('getitem', cur())); return 1
    def __setitem__(s, k, v): log.append(('setitem', cur()))
    def __add__(s, o): log.append(('add', cur())); return NotImplemented
    def __radd__(s, o): log.append(('radd', cur())); return 1
    def __lt__(s, o): log.append(('lt', cur())); return True
    def __call__(s, *a, **k): log.append(('call', cur()))
    def __getattr__(s, n): log.append(('getattr', cur())); return 1
class L:
    def __len__(s): log.append(('len2', cur())); return 1
try:
    raise KeyError
except KeyError:
    t = T()
    if t: pass
    if L(): pass
    t == 1
    1 == t
    {t: 1}
    a, b = t
    with t: pass
    f'{t}'
    str(t)
    1 in t
    t[0]
    t[0] = 1
    try: t + 1
    except TypeError: pass
    1 + t
    t < t
    t(*[1], **{})
    t.zz
    for x in t: pass
    sorted([t, T()])
print(log)


# The same in a hot loop (compiled, with bridges for both exceptions).
class T:
    def __init__(s, v): s.v = v
    def __bool__(s):
        e = sys.exc_info()[0]
        return e is KeyError

def main():
    acc = 0
    for i in range(3000):
        try:
            if i % 3: raise KeyError
            raise ValueError
        except Exception:
            if T(i): acc += 1
            try:
                raise IndexError
            except IndexError:
                acc += sys.exc_info()[0] is IndexError
            acc += 3 if sys.exc_info()[0] is KeyError else 4
        acc += sys.exc_info()[0] is None

    print(acc)
main()
