"""Unit testing: TestCase and its assertions, TestSuite, TestLoader, TextTestRunner, main.

mtpy's own implementation of the commonly used part of CPython's unittest: tests are the
`test*` methods of TestCase classes, run in name order with setUp/tearDown (and the class
fixtures), skips, expected failures and subTest; the runner writes CPython's progress dots
(or `... ok` lines), failure reports and summary to stderr, and `main` exits 1 on failure.
"""


__all__ = ["TestCase", "TestSuite", "TestLoader", "TextTestRunner", "TestResult", "main",
           "skip", "skipIf", "skipUnless", "expectedFailure", "SkipTest", "defaultTestLoader",
           "FunctionTestCase", "TextTestResult"]

from unittest.case import (TestCase, FunctionTestCase, SkipTest, skip, skipIf,  # noqa: E402
                           skipUnless, expectedFailure)
from unittest.runner import (TestSuite, TestLoader, TestResult, TextTestResult,  # noqa: E402
                             TextTestRunner, defaultTestLoader, main, TestProgram)
