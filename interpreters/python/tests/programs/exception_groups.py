def show(e):
    print(type(e).__name__, '|', e, '|', repr(e), '|', e.args)
eg = ExceptionGroup('grp', [ValueError('a'), KeyError('b')])
show(eg)
print(eg.message, len(eg.exceptions), isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
m, r = eg.split(ValueError)
print(m, r, repr(m), repr(r))
print(eg.subgroup(lambda e: isinstance(e, KeyError)))
for args in [('x', []), ('x', [1]), (1, [ValueError()]), ('x', 5)]:
    try:
        ExceptionGroup(*args)
    except (ValueError, TypeError) as e:
        show(e)
bg = BaseExceptionGroup('b', [ValueError()])
print(type(bg).__name__)
bg = BaseExceptionGroup('b', [KeyboardInterrupt()])
print(type(bg).__name__)
try:
    ExceptionGroup('b', [KeyboardInterrupt()])
except TypeError as e:
    show(e)
print(ExceptionGroup.__mro__)
print(repr(ExceptionGroup), ExceptionGroup.__name__)
try:
    raise ExceptionGroup('x', [ValueError(1)])
except Exception as e:
    show(e)
nested = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)])])
m, r = nested.split(ValueError)
print(repr(m), repr(r))
print(m.exceptions[1].exceptions)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message, excs)
m, r = MyEG('mine', [ValueError(1), TypeError(2)]).split(TypeError)
print(type(m).__name__, type(r).__name__, m, r)
def show(e):
    print(type(e).__name__, '|', e, '|', repr(e))
def run(f):
    try:
        f()
    except BaseException as e:
        print('escaped:', end=' '); show(e)
        if isinstance(e, BaseExceptionGroup):
            for s in e.exceptions:
                print('   ', repr(s))
def a():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as eg:
        print('V', repr(eg))
    except* (TypeError, KeyError) as eg:
        print('TK', repr(eg))
run(a)
def b():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        print('handled V')
run(b)
def c():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
run(c)
def d():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError('new')
run(d)
def e():
    try:
        raise ValueError('naked')
    except* ValueError as eg:
        print('caught naked', repr(eg), repr(eg.exceptions[0]))
run(e)
def f():
    try:
        raise ValueError('naked')
    except* TypeError:
        print('no')
run(f)
def g():
    try:
        raise ExceptionGroup('g', [ValueError(1), ExceptionGroup('inner', [ValueError(2), OSError(3)])])
    except* ValueError as eg:
        print('V', repr(eg))
    except* OSError as eg:
        print('O', repr(eg))
run(g)
def h():
    try:
        raise ExceptionGroup('g', [ValueError(1)])
    except* ValueError:
        print('body')
    else:
        print('else')
    finally:
        print('finally')
run(h)
def i():
    try:
        print('no error')
    except* ValueError:
        print('no')
    else:
        print('else ran')
run(i)
def j():
    try:
        raise ExceptionGroup('g', [ValueError(1)])
    except* ExceptionGroup:
        pass
run(j)
def k():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('k1')
    except* TypeError:
        raise KeyError('k2')
run(k)
def l():
    for n in range(2):
        try:
            raise ExceptionGroup('g', [ValueError(n)])
        except* ValueError as eg:
            print('loop', n, eg.exceptions)
    import sys
    try:
        raise ExceptionGroup('g', [ValueError(1)])
    except* ValueError:
        print('exc_info', repr(sys.exc_info()[1]))
    print('after', sys.exc_info())
run(l)
def m():
    try:
        raise ExceptionGroup('g', [KeyboardInterrupt()])
    except* KeyboardInterrupt:
        print('KI handled')
run(m)
def n():
    try:
        raise BaseExceptionGroup('g', [KeyboardInterrupt(), ValueError()])
    except* ValueError:
        print('V only')
run(n)
def o():
    try:
        raise ExceptionGroup('g', [ValueError(1)])
    except* ValueError as e:
        try:
            raise TypeError('inner')
        except TypeError as te:
            print('inner ok', repr(te.__context__))
    print('done o')
run(o)
def p():
    eg = ExceptionGroup('g', [ValueError(1), TypeError(2)])
    eg.add_note('a note')
    try:
        raise eg
    except* ValueError as v:
        print(v.__notes__)
run(p)
print(ExceptionGroup('x', [ValueError()]).__class__.__bases__)
eg = ExceptionGroup('x', [ValueError(1), TypeError(2)])
print(eg.split(lambda e: isinstance(e, ValueError)))
print(eg.subgroup((TypeError,)))
print(eg.subgroup(OSError))
try:
    eg.split(5)
except TypeError as e:
    print(e)
print(eg.derive([KeyError(1)]))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
try:
    raise ExceptionGroup('top', [ValueError(1)])
except ExceptionGroup as e:
    print('plain except', e)
import sys
print(sys.exc_info())
def inner():
    return sys.exc_info()[0].__name__, repr(sys.exception())
try:
    1/0
except ZeroDivisionError:
    print(inner())
    t, v, tb = sys.exc_info()
    print(t, v, tb is not None)
print(sys.exc_info(), sys.exception())
def gen():
    try:
        raise KeyError('g')
    except KeyError:
        yield sys.exc_info()[1]
print(repr(next(gen())))
