print((7).__add__(3), int.__add__(2, 3), (5).__radd__(1), (1).__add__('a'), int.__eq__(1, 1), (1).__eq__(1.0), (1.0).__eq__(1))
print(float.__mul__(1.5, 2), (2.0).__rtruediv__(1), (7).__floordiv__(2), (7).__rfloordiv__(20), (2).__pow__(10, 1000), (3).__rpow__(2))
print((-5).__abs__(), (5).__neg__(), (5).__invert__(), (5).__bool__(), (0).__bool__(), (3.7).__int__(), (3).__float__(), (7).__index__())
print((2.5).__round__(), (2.567).__round__(2), (3.7).__trunc__(), (3.2).__floor__(), (3.2).__ceil__(), (7).__divmod__(2), (7).__rdivmod__(30))
print((5).__lt__(3), (5).__ge__(5), (5).__lt__('a'), (1.5).__gt__(1), (1+2j).__eq__(1+2j), (1j).__lt__(1j), (5).__hash__() == hash(5))
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(4), (32).__rshift__(2), (3).__rand__(5), (255).__format__('x'), (2.5).__format__('.2f'))
print(str.__len__("abc"), "ab".__add__("c"), "ab".__mul__(2), "a".__contains__("a"), "abc".__getitem__(1), "x".__eq__(1), str.__lt__("a", "b"))
print(list.__getitem__([1, 2, 3], 1), [1, 2].__len__(), [1].__add__([2]), [1].__mul__(2), [1, 2].__contains__(2), [3].__eq__([3]), [1].__lt__(5))
l = [1]
print(l.__iadd__([2]) is l, l, l.__imul__(2) is l, l, list(l.__iter__()))
l.__setitem__(0, 9); l.__delitem__(1)
print(l, (1, 2).__getitem__(0), (1, 2).__len__(), (1,).__add__((2,)), (1, 2).__hash__() == hash((1, 2)), (1,).__rmul__(3))
d = {'a': 1}
print(dict.__contains__(d, 'a'), d.__getitem__('a'), d.__len__(), d.__eq__({'a': 1}), d.__or__({'b': 2}), d.__lt__(d), list(d.__iter__()), d.__repr__())
d.__setitem__('c', 3); d.__delitem__('a'); d.__ior__({'z': 0})
print(d, list(d.__reversed__()))
s = {1, 2}
print(s.__len__(), s.__contains__(1), s.__or__({3}), s.__and__({2}), s.__sub__({1}), s.__xor__({2, 5}), s.__le__({1, 2, 3}), s.__or__([3]))
print(frozenset([1]).__or__({2}), frozenset([1]).__hash__() == hash(frozenset([1])), s.__ior__({7}) is s, s, s.__eq__({1, 2, 7}))
print(range(5).__len__(), range(5).__getitem__(2), range(5).__contains__(3), range(3).__eq__(range(3)), range(5).__repr__(), list(range(3).__reversed__()))
print(int.__add__, (1).__add__.__name__ if hasattr((1).__add__, '__name__') else 'x', callable(int.__mul__), 1 .__class__.__add__(1, 2))
print(sorted([3, 1, 2], key=int.__neg__), list(map(int.__mul__, [1, 2], [3, 4])), list(map(str.__len__, ["ab", "c"])), sum([1, 2], 0).__sub__(1))
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
try:
    [].__add__(1)
except TypeError as e:
    print(e)
print(bool.__and__(True, False), True.__or__(False), (3).__sizeof__() > 0, (2).__getnewargs__(), "s".__getnewargs__())
for t in (int, float, str, list, tuple, dict, set, frozenset, bytes, complex, range, bool):
    ds = ['__add__', '__len__', '__getitem__', '__eq__', '__hash__', '__iter__', '__contains__', '__neg__', '__mul__', '__lt__', '__repr__', '__bool__', '__int__', '__index__', '__float__', '__sub__', '__and__', '__iadd__', '__setitem__', '__reversed__']
    print(t.__name__, [n for n in ds if hasattr(t, n)])
for f in (lambda: str.__getitem__(1, 0), lambda: list.__getitem__(1, 0), lambda: str.__len__(1), lambda: dict.__contains__(1, 0), lambda: float.__round__(1), lambda: str.upper(1), lambda: int.__neg__(2.5)):
    try:
        f()
    except TypeError as e:
        print(e)
