from array import array
import array as arraymod
a = array('i', [1, 2, 3])
print(a, len(a), a[0], a[-1], a[1:], a.typecode, a.itemsize, list(a), 2 in a)
a.append(4); a.extend([5, 6]); a.insert(0, 0)
print(a, a.pop(), a.pop(0), a, a.index(3), a.count(2))
a.remove(2); a.reverse()
print(a, a.tolist(), a * 2, a + array('i', [9]))
a[0] = 42; a[1:3] = array('i', [7, 7, 7])
print(a)
del a[0]; del a[::2]
print(a, a == array('i', a.tolist()), a < array('i', [100]))
b = array('d', [1, 2.5])
b += array('d', [3])
b *= 2
print(b, array('f', [0.1, 1.5]), array('u', 'hello'), array('u', 'hi').tounicode(), array('b', b'ab'))
print(array('h', [1, -2]).tobytes(), array('h', array('h', [1, -2]).tobytes()), array('B'), array('q', array('b', [1, 2])))
c = array('H', [1, 258]); c.byteswap(); print(c)
print(arraymod.typecodes, arraymod.ArrayType is array)
for tc in 'bBhHiIlLqQ':
    for v in (2 ** 70, -2 ** 70, 2 ** (array(tc).itemsize * 8), -1):
        try:
            array(tc, [v])
        except OverflowError as e:
            print(tc, type(e).__name__, e)
for bad in [lambda: array('x'), lambda: array(1), lambda: array('i', [1.5]), lambda: array('d', ['s']),
            lambda: array('u', [1]), lambda: array('i', [1]).extend(array('d')), lambda: array('i', [1]) + [2],
            lambda: array('i').pop(), lambda: array('i', [1]).remove(5), lambda: array('i', [1]).index(5),
            lambda: array('i', [1]).__setitem__(slice(0, 1), [2]), lambda: array('i', [1])[5],
            lambda: array('i', 'abc'), lambda: array('i', [1]).frombytes(b'abc'), lambda: array('i').tounicode(),
            lambda: hash(array('i'))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
import copy
d = array('l', range(5))
e = copy.copy(d); e[0] = 99
print(d, e, sum(d), max(d), sorted(array('i', [3, 1, 2])))
print(type(array('i')))
