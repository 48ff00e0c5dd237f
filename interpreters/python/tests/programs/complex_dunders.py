# complex() of objects with __complex__, __float__ or __index__.
class C:
    def __complex__(self): return 2+3j
class F:
    def __float__(self): return 1.5
class I:
    def __index__(self): return 4
class Bad:
    def __complex__(self): return 1.0
print(complex(C()), complex(F()), complex(I()), complex(F(), F()), complex(1, I()))
for a in [Bad(), object()]:
    try:
        complex(a)
    except TypeError as e:
        print(e)
