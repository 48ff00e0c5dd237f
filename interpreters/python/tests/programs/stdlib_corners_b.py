# Corners of pure-Python modules: pprint's long-string splitting, statistics over Decimal,
# IntFlag inversion, unittest assertion messages caught directly.
import enum
import pprint
import statistics
import unittest
from decimal import Decimal
from fractions import Fraction

pprint.pprint("a long string " * 10)
pprint.pprint(["x" * 30, "a long string " * 8], width=60)
print(statistics.mean([Decimal("1.1"), Decimal("2.2")]), statistics.median([Decimal("1"), Decimal("4")]))
print(statistics.mean([Fraction(1, 3), Fraction(2, 3)]), statistics.fmean([1, 2]), statistics.variance([Decimal("1.5"), Decimal("2.5"), Decimal("4")]))


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(~Perm.R, repr(~Perm.R), ~(Perm.R | Perm.W), Perm(-1), repr(Perm(-8)), Perm(-9))


class Color(enum.Flag):
    RED = 1
    GREEN = 2
    BLUE = 4


print(~Color.RED, Color(-1), ~(Color.RED | Color.BLUE))

tc = unittest.TestCase()
checks = [
    lambda: tc.assertEqual([1, 2, 3], [1, 2, 4]),
    lambda: tc.assertEqual((1, 2), (1, 2, 3)),
    lambda: tc.assertEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3]}),
    lambda: tc.assertEqual({1, 2}, {2, 3}),
    lambda: tc.assertEqual("one\ntwo\n", "one\nTWO\n"),
    lambda: tc.assertEqual("x" * 100, "x" * 99 + "y"),
    lambda: tc.assertEqual([0] * 50 + [1], [0] * 50 + [2]),
    lambda: tc.assertEqual(1, 2, "custom"),
    lambda: tc.assertListEqual([1], (1,)),
    lambda: tc.assertCountEqual([[1], [2], [2]], [[2], [1], [1]]),
    lambda: tc.assertCountEqual("aab", "abb"),
    lambda: tc.assertSequenceEqual([1, 2], [1, 2, 5, 6]),
    lambda: tc.assertDictEqual({"k": 1}, {"k": 1, "j": 2}),
    lambda: tc.assertMultiLineEqual("same", "diff"),
]
for check in checks:
    try:
        check()
        print("passed")
    except AssertionError as e:
        print("---")
        print(e)
tc.maxDiff = None
try:
    tc.assertEqual(list(range(60)), list(range(1, 61)))
except AssertionError as e:
    print(str(e).count("\n"), str(e).splitlines()[0])
tc.assertEqual([1, 2], [1, 2])
tc.assertEqual(frozenset({1}), frozenset({1}))
print("done")
