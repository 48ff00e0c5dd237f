def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def f1():
    try:
        raise ValueError('a')
    finally:
        print('cleanup')
t(f1)
def f2():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i == 1:
                break
    return i
t(f2)
def f3():
    try:
        try:
            raise ValueError('inner')
        finally:
            raise TypeError('finally')
    except TypeError as e:
        return repr(e.__context__)
t(f3)
def f4():
    try:
        return 'try'
    finally:
        print('f4 finally')
t(f4)
def f5():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)
t(f5)
class CM:
    def __init__(self, name, swallow=False): self.name = name; self.swallow = swallow
    def __enter__(self): print('enter', self.name); return self
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return self.swallow
def f6():
    with CM('a'), CM('b', swallow=True):
        raise KeyError('x')
    return 'after'
t(f6)
def f7():
    with CM('c'):
        return 'ret'
t(f7)
class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError('exit failed')
def f8():
    with BadExit():
        raise ValueError('body')
t(f8)
try:
    f8()
except RuntimeError as e:
    print(repr(e.__context__))
class NoEnter:
    pass
def f9():
    with NoEnter():
        pass
t(f9)
def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('closing')
        raise
    finally:
        print('gen finally')
g = gen()
next(g)
g.close()
print('closed')
def gen2():
    try:
        yield 1
    finally:
        return 'x'
g = gen2(); next(g)
t(lambda: g.throw(ValueError('t')))
def gen3():
    yield 1
g = gen3()
t(lambda: g.throw(ValueError('unstarted')))
t(lambda: next(g))
def gen4():
    try:
        yield 1
    except ValueError:
        yield 'handled'
    yield 'after'
g = gen4(); next(g)
print(g.throw(ValueError), next(g))
t(lambda: g.throw(TypeError('x')))
def gen5():
    yield from range(3)
    return 'r'
def outer():
    r = yield from gen5()
    yield r
print(list(outer()))
def gen6():
    raise KeyError('in gen')
    yield
t(lambda: list(gen6()))
def gen7():
    x = 0
    while True:
        got = yield x
        if got is None: break
        x += got
g = gen7(); next(g); print(g.send(5), g.send(10))
t(lambda: g.send(None))
g = gen7()
t(lambda: g.send(1))
def running():
    yield next(me)
me = running()
t(lambda: next(me))
print([x for x in (y * 2 for y in range(3))])
ge = (1 / x for x in [1, 0])
t(lambda: list(ge))
import sys
def f10():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise ValueError('second')
        except ValueError:
            pass
        return sys.exc_info()[0].__name__
t(f10)
def f11():
    try:
        raise ValueError('x')
    except ValueError as e:
        err = e
    return err.__traceback__ is not None, 'e' in dir()
t(f11)
def f12():
    e = 'keep'
    try:
        raise ValueError
    except ValueError as e:
        pass
    return e
t(f12)
def f13():
    try:
        pass
    except:
        pass
    else:
        return 'else'
t(f13)
def f14():
    while True:
        try:
            continue
        finally:
            return 'finally wins'
t(f14)
def f15():
    try:
        raise ValueError('orig')
    except ValueError:
        raise
t(f15)
def f16():
    try:
        raise ValueError('orig')
    except ValueError as e:
        raise e from None
try:
    f16()
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
class MyE(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise MyE(1, 2)
except MyE as e:
    print(e, e.args, e.b, repr(e))
class E2(Exception): pass
print(repr(E2()), str(E2('a', 'b')), repr(E2('x')))
try:
    raise E2
except E2 as e:
    print('bare class', repr(e))
assert True, 'never'
try:
    assert 1 > 2, f'{1} not > {2}'
except AssertionError as e:
    print(e)
