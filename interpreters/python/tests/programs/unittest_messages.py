import unittest, sys, io

class Calc:
    def add(self, a, b): return a + b
    def div(self, a, b): return a / b

class TestCalc(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")
    def setUp(self):
        self.c = Calc()
    def tearDown(self):
        pass
    def test_add(self):
        self.assertEqual(self.c.add(1, 2), 3)
        self.assertNotEqual(1, 2)
        self.assertTrue(True); self.assertFalse(0)
        self.assertIn(1, [1]); self.assertNotIn(2, [1])
        self.assertIs(None, None); self.assertIsNone(None); self.assertIsNotNone(1)
        self.assertIsInstance(1, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertGreater(2, 1); self.assertLessEqual(1, 1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("hello", r"h.l")
    def test_div_zero(self):
        with self.assertRaises(ZeroDivisionError):
            self.c.div(1, 0)
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
        self.assertRaises(TypeError, self.c.add, 1, "a")
    def test_fail_equal(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_fail_dict(self):
        self.assertEqual({"a": 1}, {"a": 2})
    def test_fail_str(self):
        self.assertEqual("hello world", "hello there")
    def test_fail_true(self):
        self.assertTrue(0, "zero is falsy")
    def test_error(self):
        raise KeyError("k")
    @unittest.skip("not now")
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(1, 2)
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_almost_fail(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)
    def test_in_fail(self):
        self.assertIn(5, [1, 2])
    def test_raises_fail(self):
        with self.assertRaises(ValueError):
            pass
    def test_is_fail(self):
        self.assertIsNone(3)
    def test_tuple_fail(self):
        self.assertTupleEqual((1, 2), (1, 3))
    def test_multiline(self):
        self.assertMultiLineEqual("a\nb\nc\n", "a\nB\nc\n")
    def test_list_len(self):
        self.assertListEqual([1, 2], [1, 2, 3])
    def test_greater(self):
        self.assertGreater(1, 2)
    def test_set(self):
        self.assertSetEqual({1, 2}, {2, 3})

if __name__ == "__main__":
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=2)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(TestCalc)
    res = runner.run(suite)
    out = stream.getvalue()
    import re
    out = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests", out)
    out = re.sub(r'File ".*?([^/]+\.py)"', r'File "\1"', out)
    print(out)
    print(res.wasSuccessful(), len(res.failures), len(res.errors), len(res.skipped), len(res.expectedFailures))
