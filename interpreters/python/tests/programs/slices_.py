s = slice(1, None, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(5).start, slice(None), repr(slice(1, 2)))
print([0, 1, 2, 3, 4][s], "abcdef"[slice(2, 5)], b"abcdef"[slice(None, None, -2)], (1, 2, 3)[slice(-2, None)])
try:
    slice()
except TypeError as e:
    print(e)
