import sys
r = range(2**64, 2**64 + 10, 3)
print(r, len(r), list(r), r[0], r[-1], r[1:3], 2**64 + 3 in r, 2**64 + 4 in r, list(reversed(r)), r.index(2**64 + 6), r.count(2**64))
big = range(0, 2**100)
try:
    len(big)
except OverflowError as e:
    print("OverflowError", e)
print(big[2**99], big[-1], big[10:2**70:2**60], bool(big), 2**99 in big, big == range(0, 2**100), hash(big) == hash(range(0, 2**100)))
print(big.start, big.stop, big.step, repr(big), type(big).__name__, type(iter(big)).__name__)
it = iter(range(2**63 - 2, 2**63 + 2))
print(list(it))
print(list(reversed(range(2**63 - 2, 2**63 + 2))), list(range(-2**63 - 2, -2**63 + 1)))
try:
    big[2**100]
except IndexError as e:
    print("IndexError", e)
small_but_long = range(-2**63, 2**63 - 1)
try:
    len(small_but_long)
except OverflowError as e:
    print("OverflowError", e)
print(small_but_long[-1], small_but_long[2**63], 0 in small_but_long)
rv = reversed(range(0, 2**80, 2**78))
print(next(rv), list(rv))
print(range(10**20, 0, -3*10**19), list(range(10**20, 0, -3*10**19)), len(range(10**20, 0, -3*10**19)))
print(sum(range(2**64, 2**64 + 5)), max(range(2**64, 2**64 + 5)), sorted(range(2**65, 2**65 + 2), reverse=True))
for i in range(2**64, 2**64 + 2):
    print(i, end=" ")
print()
print(range(0, 2**64)[::-1][:2], list(range(5)[::-1]))
try:
    len(range(sys.maxsize + 1))
except OverflowError as e:
    print(e)
print(len(range(sys.maxsize)), range(sys.maxsize)[-1], len(range(-sys.maxsize, 0)))
# edge cases of ranges near 64 bits and small-range behaviour
print(list(range(2**63 - 5, 2**63 - 1, 3)), list(range(-2**63 + 4, -2**63, -3)))
for i in range(2**63 - 3, 2**63 - 1):
    print(i)
r = range(10)
print(r[3], r[-1], r[2:8:2], r[::-1], r[100:], len(r[::3]), 3 in r, 3.0 in r, "3" in r, r.index(4), r.count(9))
try:
    r[10]
except IndexError as e:
    print("IndexError", e)
try:
    r["a"]
except TypeError as e:
    print("TypeError", e)
try:
    r[::0]
except ValueError as e:
    print("ValueError", e)
print(range(0) == range(5, 5), range(1, 10, 3)[1:], hash(range(0)) == hash(range(3, 3)), reversed(range(3)).__class__.__name__)
print(list(reversed(range(-2**63, -2**63 + 3))), range(2**64)[2**64 - 1], range(-5, 2**70, 2**68))
print(range(3, 2**65).index(2**64), range(0, 2**70, 7).count(14), 2**70 - 1 in range(0, 2**70, 2), bool(range(2**70, 0)))
import sys
big = range(sys.maxsize + 10)
print(big[-1], big[sys.maxsize], len(range(0, 2**70, 2**10)))
try:
    len(big)
except OverflowError as e:
    print("OverflowError", e)
print(range(2**64, 2**64 + 3) == range(2**64, 2**64 + 3, 1), range(2**64, 2**64 + 3) != range(0, 3), [x for x in range(2**64, 2**64 + 6, 2)])
