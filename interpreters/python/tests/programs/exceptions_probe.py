def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def show(e):
    print(type(e).__name__, '|', e, '|', repr(e), '|', e.args)
for e in [ValueError(), ValueError('x'), ValueError('x', 2), KeyError('k'), KeyError(), KeyError('a', 'b'), OSError(2, 'No such file'), OSError('x'), FileNotFoundError(2, 'nf', 'path'), StopIteration(5), SystemExit(3), UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte'), Exception(None), Exception(''), BaseException(1), ArithmeticError(), LookupError('l'), AssertionError(), AttributeError('a'), NameError('n'), IndexError(3), ImportError('imp'), ModuleNotFoundError('m'), RecursionError('r'), NotImplementedError(), TimeoutError(), ZeroDivisionError('z'), KeyboardInterrupt(), GeneratorExit(), UnboundLocalError('u'), TabError if False else SyntaxError('s')]:
    show(e)
e = StopIteration(5); print(e.value)
e = SystemExit(3); print(e.code)
e = OSError(2, 'No such file'); print(e.errno, e.strerror, e.filename)
e = FileNotFoundError(2, 'nf', 'path'); print(e.errno, e.strerror, e.filename)
e = KeyError('k'); print(str(e), e.args[0])
try:
    {}['missing']
except KeyError as e:
    show(e)
try:
    [][0]
except IndexError as e:
    show(e)
try:
    x = undefined_name
except NameError as e:
    show(e)
def ff():
    print(loc)
    loc = 1
try:
    ff()
except UnboundLocalError as e:
    show(e)
try:
    int('x')
except ValueError as e:
    show(e)
try:
    1/0
except ZeroDivisionError as e:
    show(e)
try:
    None.x
except AttributeError as e:
    show(e)
try:
    import nonexistent_mod
except ImportError as e:
    show(e)
try:
    assert 1 == 2, 'msg'
except AssertionError as e:
    show(e)
try:
    assert False
except AssertionError as e:
    show(e)
def chain():
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError('wrapped') from e
try:
    chain()
except ValueError as e:
    show(e); show(e.__cause__); print(e.__suppress_context__, type(e.__context__).__name__)
def chain2():
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError('implicit')
try:
    chain2()
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
def chain3():
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError('none') from None
try:
    chain3()
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
def fin():
    try:
        return 1
    finally:
        print('finally')
print(fin())
def fin2():
    try:
        return 1
    finally:
        return 2
print(fin2())
def fin3():
    for i in range(3):
        try:
            if i == 1: break
        finally:
            print('f', i)
    return i
print(fin3())
def fin4():
    for i in range(3):
        try:
            continue
        finally:
            print('c', i)
fin4()
def fin5():
    try:
        raise ValueError
    finally:
        return 'swallowed'
print(fin5())
def elsey():
    try:
        x = 1
    except Exception:
        print('no')
    else:
        print('else')
    finally:
        print('fin')
elsey()
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f'code {code}')
        self.code = code
try:
    raise MyErr(5)
except MyErr as e:
    show(e); print(e.code)
class MyErr2(Exception):
    def __str__(self): return 'custom str'
try:
    raise MyErr2('a')
except Exception as e:
    show(e)
class MyErr3(ValueError): pass
try:
    raise MyErr3
except ValueError as e:
    show(e)
try:
    raise MyErr3('x', 'y')
except ValueError as e:
    show(e)
try:
    raise 5
except TypeError as e:
    show(e)
try:
    try:
        raise ValueError('inner')
    except ValueError:
        raise
except ValueError as e:
    show(e)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('gen cleanup')
g = gen()
print(next(g))
g.close()
def gen2():
    yield 1
    raise ValueError('in gen')
try:
    for x in gen2():
        print(x)
except ValueError as e:
    show(e)
def gen3():
    try:
        yield 1
    except ValueError as e:
        print('caught in gen', e)
        yield 99
g = gen3()
next(g)
print(g.throw(ValueError('thrown')))
def gen4():
    yield 1
    return 'retval'
g = gen4()
next(g)
try:
    next(g)
except StopIteration as e:
    show(e); print(e.value)
def gen5():
    raise StopIteration
    yield
try:
    next(gen5())
except RuntimeError as e:
    show(e)
e = ValueError('x')
e.add_note('note1')
print(e.__notes__)
e = Exception('a', 'b')
print(str(e))
print(Exception.__name__, ValueError.__mro__)
print(issubclass(KeyError, LookupError), issubclass(FileNotFoundError, OSError))
print(isinstance(IOError(), OSError), IOError is OSError, EnvironmentError is OSError)
try:
    raise KeyError
except LookupError as e:
    show(e)
def nested():
    try:
        raise ValueError('a')
    except ValueError:
        try:
            raise TypeError('b')
        except TypeError as e:
            return type(e.__context__).__name__
print(nested())
try:
    raise Exception('x') 
except Exception as e:
    err = e
print(err)
try:
    print(e)
except NameError as ex:
    show(ex)
try:
    with open('/nonexistent/file') as f:
        pass
except FileNotFoundError as e:
    show(e); print(e.errno, e.filename)
try:
    open('/tmp')
except IsADirectoryError as e:
    show(e)
try:
    [1, 2].index(3)
except ValueError as e:
    show(e)
try:
    'abc'.index('d')
except ValueError as e:
    show(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    show(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    show(e)
try:
    a, *b, c = [1]
except ValueError as e:
    show(e)
try:
    a, b = 1
except TypeError as e:
    show(e)
try:
    next(iter([]))
except StopIteration as e:
    show(e)
try:
    import sys
    sys.exit('bye')
except SystemExit as e:
    show(e)
try:
    exit(4)
except SystemExit as e:
    show(e)
def rec(): rec()
try:
    rec()
except RecursionError as e:
    show(e)
try:
    {}.fromkeys(1)
except TypeError as e:
    show(e)
try:
    for x in 5: pass
except TypeError as e:
    show(e)
try:
    f'{1:abc}'
except ValueError as e:
    show(e)
try:
    print(*5)
except TypeError as e:
    show(e)
try:
    dict(**{1: 2})
except TypeError as e:
    show(e)
def kw(**k): pass
try:
    kw(**{'a': 1}, a=2)
except TypeError as e:
    show(e)
try:
    kw(**[1])
except TypeError as e:
    show(e)
try:
    raise TypeError('a') from ValueError('b')
except TypeError as e:
    print(repr(e.__cause__))
print(repr(ValueError('a\nb')))
print(repr(KeyError("it's")))
print(str(KeyError("it's")))
print(BaseException().__traceback__)
try:
    raise ValueError
except ValueError as e:
    print(e.__traceback__ is not None)
e = ValueError(1)
e2 = e.with_traceback(None)
print(e is e2)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def f1():
    a, b = 1
def f2():
    a, *b = None
def f3():
    for a, b in [1]: pass
def f4():
    [a, b] = 3.5
t(f1); t(f2); t(f3); t(f4)
def f5():
    raise ValueError from 5
t(f5)
def f6():
    raise ValueError('x') from ValueError
t(lambda: f6())
try:
    f6()
except ValueError as e:
    print(repr(e.__cause__))
t(lambda: b'\xff'.decode())
t(lambda: b'a\xffb'.decode('utf-8'))
t(lambda: b'\xe4\xb8'.decode('utf-8'))
t(lambda: b'\x80abc'.decode('ascii'))
t(lambda: 'é'.encode('ascii'))
t(lambda: 'aéé'.encode('ascii'))
t(lambda: print(*5))
def kw(**k): pass
t(lambda: kw(**{'a': 1}, a=2))
t(lambda: kw(**[1]))
def pos(a, b): pass
t(lambda: pos(*5))
t(lambda: pos(*[1], **{'a': 2}))
try:
    undefined_thing
except NameError as e:
    print(e.name)
try:
    None.foo
except AttributeError as e:
    print(e.name, e.obj)
