# A special method whose class attribute does not bind (a class, a staticmethod) is called
# without the instance.
class Record:
    def __init__(self, *args):
        self.args = args

    def __repr__(self):
        return 'Record%r' % (self.args,)


class Store:
    __setitem__ = Record
    __getitem__ = Record
    __call__ = Record
    __add__ = Record


s = Store()
print(s[1], s(2, 3), s + 4)
s['k'] = 'v'


class Static:
    __call__ = staticmethod(lambda *a: ('call', a))
    __getitem__ = staticmethod(lambda *a: ('item', a))
    __len__ = staticmethod(lambda: 3)
    __repr__ = staticmethod(lambda: 'Static()')


st = Static()
print(st(1), st[2], len(st), repr(st), [st])


class Later:
    pass


Later.__call__ = Record
Later.__getitem__ = staticmethod(lambda k: k * 2)
print(Later()(5), Later()[21])
