# unittest: cases, fixtures, skips, expected failures, subTest, failures and errors, reported
# by a TextTestRunner on a buffer (the timing line is masked).
import io
import re
import unittest


class Account:
    def __init__(self, balance=0):
        self.balance = balance

    def withdraw(self, amt):
        if amt > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amt
        return self.balance


class TestAccount(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass", cls.__name__)

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass", cls.__name__)

    def setUp(self):
        self.acct = Account(100)

    def tearDown(self):
        self.acct = None

    def test_withdraw(self):
        self.assertEqual(self.acct.withdraw(30), 70)

    def test_overdraw(self):
        with self.assertRaises(ValueError) as cm:
            self.acct.withdraw(500)
        self.assertIn("insufficient", str(cm.exception))

    def test_types(self):
        self.assertIsInstance(self.acct.balance, int)
        self.assertTrue(self.acct.balance > 0)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertRaises(ValueError, self.acct.withdraw, 1000)

    @unittest.skip("not ready")
    def test_skipped(self):
        pass

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 5)


class TestMath(unittest.TestCase):
    def test_add(self):
        """Adding works."""
        self.assertEqual(1 + 1, 2)

    @unittest.expectedFailure
    def test_broken(self):
        self.assertEqual(1, 2)


class TestBad(unittest.TestCase):
    def test_fail(self):
        self.assertEqual(3, 4, "numbers differ")

    def test_error(self):
        raise LookupError("no such key")

    def test_ok(self):
        self.assertNotEqual(1, 2)

    def test_messages(self):
        checks = [
            lambda: self.assertTrue(0), lambda: self.assertIn(1, [2]),
            lambda: self.assertIsNone(3), lambda: self.assertGreater(1, 2),
            lambda: self.assertAlmostEqual(1.0, 1.1), lambda: self.assertIs(1, None),
            lambda: self.assertRaises(KeyError, lambda: None),
            lambda: self.assertCountEqual([1, 1], [1]),
        ]
        for check in checks:
            try:
                check()
            except AssertionError as e:
                print(e)


def run(*classes, verbosity=1):
    loader = unittest.TestLoader()
    suite = unittest.TestSuite([loader.loadTestsFromTestCase(c) for c in classes])
    out = io.StringIO()
    result = unittest.TextTestRunner(stream=out, verbosity=verbosity).run(suite)
    text = re.sub(r"in \d+\.\d+s", "in T", out.getvalue())
    text = re.sub(r'File ".*[/\\]', 'File "', text)
    print(text, end="")
    print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
          result.wasSuccessful())


run(TestAccount, TestMath, verbosity=2)
run(TestAccount, TestMath)
run(TestBad)
print(unittest.TestLoader().getTestCaseNames(TestBad))
print(str(TestBad("test_ok")), TestBad("test_ok").id())
