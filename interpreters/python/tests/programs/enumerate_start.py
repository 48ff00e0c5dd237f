# enumerate's start: any integer-like value (bool, __index__, big), and TypeError otherwise.
print(list(enumerate("ab", True)), list(enumerate("ab", start=-3)))
class I:
    def __index__(self): return 7
print(list(enumerate("ab", I())))
for bad in ["a", 1.5, None]:
    try: enumerate([], bad)
    except TypeError as e: print(e)
print(list(enumerate("xy", 2**40)))
