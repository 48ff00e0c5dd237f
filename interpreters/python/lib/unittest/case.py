"""unittest's TestCase: the assertion methods, fixtures, skips and subTest."""



class SkipTest(Exception):
    """Raised to skip a test."""


class _ShouldStop(Exception):
    pass


class _Outcome:
    def __init__(self):
        self.errors = []
        self.skipped = None
        self.expecting_failure = False


def _safe_repr(obj, short=False):
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < 80:
        return result
    return result[:80] + " [truncated]..."


def skip(reason):
    def decorator(test_item):
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if isinstance(reason, type(skip)):
        test_item = reason
        reason = ""
        return decorator(test_item)
    return decorator


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return lambda obj: obj


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return lambda obj: obj


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


class _AssertRaisesContext:
    def __init__(self, expected, test_case, regex=None, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.regex = regex
        self.msg = msg
        self.exception = None
        self.obj_name = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                name = self.expected.__name__
            except AttributeError:
                name = str(self.expected)
            if self.obj_name:
                text = "%s not raised by %s" % (name, self.obj_name)
            else:
                text = "%s not raised" % name
            self.test_case.fail(self.test_case._formatMessage(self.msg, text))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self.regex is not None:
            import re
            if not re.search(self.regex, str(exc_value)):
                self.test_case.fail(self.test_case._formatMessage(
                    self.msg, '"%s" does not match "%s"' % (self.regex, str(exc_value))))
        return True


class _SubTestContext:
    def __init__(self, case, msg, params):
        self.case = case
        self.msg = msg
        self.params = params

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            return False
        result = self.case._result
        if result is None:
            return False
        desc = self.case._subtest_description(self.msg, self.params)
        kind = "failures" if issubclass(exc_type, self.case.failureException) else "errors"
        result._add_problem(kind, self.case, desc, exc_value)
        self.case._subtest_failed = True
        return True


class TestCase:
    """A group of test methods sharing fixtures; each instance runs one of them."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._result = None
        self._cleanups = []
        self._subtest_failed = False
        if methodName != "runTest" and not hasattr(self, methodName):
            raise ValueError("no such test method in %s: %s" % (self.__class__, methodName))
        method = getattr(self, methodName, None)
        self._testMethodDoc = getattr(method, "__doc__", None)

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def id(self):
        return "%s.%s.%s" % (type(self).__module__, type(self).__qualname__, self._testMethodName)

    def __str__(self):
        return "%s (%s.%s.%s)" % (self._testMethodName, type(self).__module__,
                                  type(self).__qualname__, self._testMethodName)

    def __repr__(self):
        return "<%s.%s testMethod=%s>" % (type(self).__module__, type(self).__qualname__,
                                          self._testMethodName)

    def shortDescription(self):
        doc = self._testMethodDoc
        return doc.strip().split("\n")[0].strip() if doc else None

    def countTestCases(self):
        return 1

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        return _SubTestContext(self, msg, params)

    def _subtest_description(self, msg, params):
        parts = []
        if msg is not None:
            parts.append("[%s]" % msg)
        if params:
            parts.append("(%s)" % ", ".join("%s=%r" % (k, v) for k, v in params.items()))
        return "%s %s" % (self, " ".join(parts) or "(<subtest>)")

    def __call__(self, result=None):
        return self.run(result)

    def run(self, result=None):
        from unittest.runner import TestResult
        if result is None:
            result = TestResult()
        self._result = result
        self._subtest_failed = False
        result.startTest(self)
        method = getattr(self, self._testMethodName)
        cls = type(self)
        if getattr(cls, "__unittest_skip__", False) or getattr(method, "__unittest_skip__", False):
            why = getattr(cls, "__unittest_skip_why__", "") or \
                getattr(method, "__unittest_skip_why__", "")
            result.addSkip(self, why)
            result.stopTest(self)
            return result
        expecting = getattr(method, "__unittest_expecting_failure__", False)
        ok = True
        try:
            self.setUp()
        except SkipTest as e:
            result.addSkip(self, str(e))
            result.stopTest(self)
            return result
        except Exception as e:
            result.addError(self, e)
            ok = None
        if ok is not None:
            try:
                method()
            except SkipTest as e:
                result.addSkip(self, str(e))
                ok = None
            except self.failureException as e:
                if expecting:
                    result.addExpectedFailure(self, e)
                    ok = None
                else:
                    result.addFailure(self, e)
                    ok = False
            except Exception as e:
                if expecting:
                    result.addExpectedFailure(self, e)
                    ok = None
                else:
                    result.addError(self, e)
                    ok = False
            try:
                self.tearDown()
            except Exception as e:
                result.addError(self, e)
                ok = False
        try:
            self.doCleanups()
        except Exception as e:
            result.addError(self, e)
            ok = False
        if ok and not self._subtest_failed:
            if expecting:
                result.addUnexpectedSuccess(self)
            else:
                result.addSuccess(self)
        result.stopTest(self)
        return result

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()

    # -- assertions
    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        return "%s : %s" % (standardMsg, msg)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, "%s is not true" % _safe_repr(expr)))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, "%s is not false" % _safe_repr(expr)))

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            standard = "%s != %s" % (_safe_repr(first), _safe_repr(second))
            if isinstance(first, str) and isinstance(second, str) and "\n" in first + second:
                standard = "%s != %s" % (_safe_repr(first, True), _safe_repr(second, True))
            self.fail(self._formatMessage(msg, standard))

    assertEquals = assertEqual

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, "%s == %s" % (_safe_repr(first),
                                                             _safe_repr(second))))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = "%s != %s within %s delta (%s difference)" % (
                _safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = "%s != %s within %r places (%s difference)" % (
                _safe_repr(first), _safe_repr(second), places, _safe_repr(diff))
        self.fail(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = "%s == %s within %s delta (%s difference)" % (
                _safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = "%s == %s within %r places" % (_safe_repr(first), _safe_repr(second),
                                                      places)
        self.fail(self._formatMessage(msg, standard))

    def assertIs(self, first, second, msg=None):
        if first is not second:
            self.fail(self._formatMessage(msg, "%s is not %s" % (_safe_repr(first),
                                                                 _safe_repr(second))))

    def assertIsNot(self, first, second, msg=None):
        if first is second:
            self.fail(self._formatMessage(msg, "unexpectedly identical: %s" % _safe_repr(first)))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, "%s is not None" % _safe_repr(obj)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, "%s not found in %s" % (_safe_repr(member),
                                                                       _safe_repr(container))))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(msg, "%s unexpectedly found in %s" % (
                _safe_repr(member), _safe_repr(container))))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is not an instance of %r" % (_safe_repr(obj),
                                                                                cls)))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is an instance of %r" % (_safe_repr(obj),
                                                                            cls)))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, "%s not greater than %s" % (_safe_repr(a),
                                                                           _safe_repr(b))))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, "%s not greater than or equal to %s" % (
                _safe_repr(a), _safe_repr(b))))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, "%s not less than %s" % (_safe_repr(a),
                                                                        _safe_repr(b))))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, "%s not less than or equal to %s" % (
                _safe_repr(a), _safe_repr(b))))

    def assertCountEqual(self, first, second, msg=None):
        from collections import Counter
        try:
            same = Counter(first) == Counter(second)
        except TypeError:
            a, b = list(first), list(second)
            same = len(a) == len(b) and all(a.count(x) == b.count(x) for x in a)
        if not same:
            from collections import Counter
            a, b = Counter(first), Counter(second)
            lines = ["First has %d, Second has %d:  %r" % (a[k], b[k], k)
                     for k in list(a) + [k for k in b if k not in a] if a[k] != b[k]]
            self.fail(self._formatMessage(msg, "Element counts were not equal:\n"
                                          + "\n".join(lines)))

    def assertListEqual(self, first, second, msg=None):
        self.assertEqual(first, second, msg)

    assertTupleEqual = assertListEqual
    assertDictEqual = assertListEqual
    assertSetEqual = assertListEqual
    assertSequenceEqual = assertListEqual
    assertMultiLineEqual = assertListEqual

    def assertRegex(self, text, regex, msg=None):
        import re
        if not re.search(regex, text):
            self.fail(self._formatMessage(msg, "Regex didn't match: %r not found in %r" % (
                regex if isinstance(regex, str) else regex.pattern, text)))

    def assertNotRegex(self, text, regex, msg=None):
        import re
        m = re.search(regex, text)
        if m:
            self.fail(self._formatMessage(msg, "Regex matched: %r matches %r in %r" % (
                text[m.start():m.end()], regex if isinstance(regex, str) else regex.pattern,
                text)))

    def assertRaises(self, expected_exception, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, msg=kwargs.pop("msg", None))
        if not args:
            return context
        func, *args = args
        context.obj_name = getattr(func, "__name__", str(func))
        with context:
            func(*args, **kwargs)
        return None

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, expected_regex,
                                       msg=kwargs.pop("msg", None))
        if not args:
            return context
        func, *args = args
        with context:
            func(*args, **kwargs)
        return None

    def assertWarns(self, expected_warning, *args, **kwargs):
        import warnings

        class _Ctx:
            def __enter__(ctx):
                ctx.cm = warnings.catch_warnings(record=True)
                ctx.log = ctx.cm.__enter__()
                warnings.simplefilter("always")
                return ctx

            def __exit__(ctx, *exc):
                ctx.cm.__exit__(*exc)
                if exc[0] is not None:
                    return False
                if not any(issubclass(w.category, expected_warning) for w in ctx.log):
                    self.fail("%s not triggered" % expected_warning.__name__)
                return False
        if not args:
            return _Ctx()
        func, *args = args
        with _Ctx():
            func(*args, **kwargs)


class FunctionTestCase(TestCase):
    """A test made of a plain function (and optional setUp/tearDown functions)."""

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        self._testFunc = testFunc
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._description = description
        super().__init__("runTest")

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __str__(self):
        return "%s (%s)" % (type(self).__name__, self._testFunc.__name__)
