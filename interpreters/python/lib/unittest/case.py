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


_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN
                               + _PLACEHOLDER_LEN + _MIN_END_LEN)
DIFF_OMITTED = "\nDiff is %s characters long. Set self.maxDiff to None to see it."


def _safe_repr(obj, short=False):
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < _MAX_LENGTH:
        return result
    return result[:_MAX_LENGTH] + " [truncated]..."


safe_repr = _safe_repr


def _shorten(text, keep_front, keep_back):
    """`text` with its middle replaced by a "[N chars]" count when that saves room."""
    cut = len(text) - keep_front - keep_back
    if cut > _PLACEHOLDER_LEN:
        return "%s[%d chars]%s" % (text[:keep_front], cut, text[len(text) - keep_back:])
    return text


def _common_prefix(texts):
    first, last = min(texts), max(texts)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def _common_shorten_repr(*objs):
    """The reprs of `objs`, each shortened around their common start when one is too long."""
    reprs = tuple(_safe_repr(o) for o in objs)
    longest = max(len(r) for r in reprs)
    if longest <= _MAX_LENGTH:
        return reprs
    prefix = _common_prefix(reprs)
    n = len(prefix)
    room = _MAX_LENGTH - (longest - n + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if room > _MIN_COMMON_LEN:
        head = _shorten(prefix, _MIN_BEGIN_LEN, room)
        return tuple(head + r[n:] for r in reprs)
    head = _shorten(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(head + _shorten(r[n:], _MIN_DIFF_LEN, _MIN_END_LEN) for r in reprs)


def _ndiff_lines(a, b):
    import difflib
    return difflib.ndiff(a, b)


def _pformat_lines(obj):
    import pprint
    return pprint.pformat(obj).splitlines()


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
        kind = "failures" if issubclass(exc_type, self.case.failureException) else "errors"
        result._add_problem(kind, _SubTest(self.case, self.msg, self.params), exc_value,
                            subtest=True)
        self.case._subtest_failed = True
        return True


class _SubTest:
    """One `subTest` block of a test, as results list it when it fails."""

    def __init__(self, test_case, msg, params):
        self.test_case = test_case
        self._message = msg
        self.params = params
        self.failureException = test_case.failureException

    def _subDescription(self):
        return self.test_case._subtest_description(self._message, self.params)

    def id(self):
        return "%s %s" % (self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return "%s %s" % (self.test_case, self._subDescription())


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
        return " ".join(parts) or "(<subtest>)"

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

    _diffThreshold = 2 ** 16

    def _truncateMessage(self, message, diff):
        if self.maxDiff is None or len(diff) <= self.maxDiff:
            return message + diff
        return message + (DIFF_OMITTED % len(diff))

    def addTypeEqualityFunc(self, typeobj, function):
        self.__dict__.setdefault("_type_equality_funcs", {})[typeobj] = function

    def _getAssertEqualityFunc(self, first, second):
        if type(first) == type(second):
            own = self.__dict__.get("_type_equality_funcs")
            if own is not None and type(first) in own:
                return own[type(first)]
            name = _EQUALITY_BY_TYPE.get(type(first))
            if name is not None:
                return getattr(self, name)
        return self._baseAssertEqual

    def _baseAssertEqual(self, first, second, msg=None):
        if not first == second:
            standard = "%s != %s" % _common_shorten_repr(first, second)
            self.fail(self._formatMessage(msg, standard))

    def assertEqual(self, first, second, msg=None):
        self._getAssertEqualityFunc(first, second)(first, second, msg=msg)

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
        items1, items2 = list(first), list(second)
        try:
            count1, count2 = Counter(items1), Counter(items2)
        except TypeError:
            differences = _count_differences_slow(items1, items2)
        else:
            if count1 == count2:
                return
            differences = [(count1[k], count2[k], k) for k in count1 if count1[k] != count2[k]]
            differences += [(0, count2[k], k) for k in count2 if k not in count1]
        if differences:
            lines = ["First has %d, Second has %d:  %r" % d for d in differences]
            standard = self._truncateMessage("Element counts were not equal:\n",
                                             "\n".join(lines))
            self.fail(self._formatMessage(msg, standard))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        if seq_type is not None:
            kind = seq_type.__name__
            if not isinstance(seq1, seq_type):
                self.fail("First sequence is not a %s: %s" % (kind, _safe_repr(seq1)))
            if not isinstance(seq2, seq_type):
                self.fail("Second sequence is not a %s: %s" % (kind, _safe_repr(seq2)))
        else:
            kind = "sequence"
        differing = None
        try:
            len1 = len(seq1)
        except (TypeError, NotImplementedError):
            differing = "First %s has no length.    Non-sequence?" % kind
        if differing is None:
            try:
                len2 = len(seq2)
            except (TypeError, NotImplementedError):
                differing = "Second %s has no length.    Non-sequence?" % kind
        if differing is None:
            if seq1 == seq2:
                return
            differing = "%ss differ: %s != %s\n" % ((kind.capitalize(),)
                                                    + _common_shorten_repr(seq1, seq2))
            same = True
            for i in range(min(len1, len2)):
                try:
                    item1 = seq1[i]
                except (TypeError, IndexError, NotImplementedError):
                    differing += "\nUnable to index element %d of first %s\n" % (i, kind)
                    same = False
                    break
                try:
                    item2 = seq2[i]
                except (TypeError, IndexError, NotImplementedError):
                    differing += "\nUnable to index element %d of second %s\n" % (i, kind)
                    same = False
                    break
                if item1 != item2:
                    differing += "\nFirst differing element %d:\n%s\n%s\n" % (
                        (i,) + _common_shorten_repr(item1, item2))
                    same = False
                    break
            if same and len1 == len2 and seq_type is None and type(seq1) != type(seq2):
                return
            if len1 != len2:
                which, longer, extra = ("First", seq1, len1 - len2) if len1 > len2 else \
                    ("Second", seq2, len2 - len1)
                short = min(len1, len2)
                differing += "\n%s %s contains %d additional elements.\n" % (which, kind, extra)
                try:
                    differing += "First extra element %d:\n%s\n" % (short,
                                                                     _safe_repr(longer[short]))
                except (TypeError, IndexError, NotImplementedError):
                    differing += "Unable to index element %d of %s %s\n" % (
                        short, which.lower(), kind)
        diff = "\n" + "\n".join(_ndiff_lines(_pformat_lines(seq1), _pformat_lines(seq2)))
        self.fail(self._formatMessage(msg, self._truncateMessage(differing, diff)))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        try:
            only1 = set1.difference(set2)
        except TypeError as e:
            self.fail("invalid type when attempting set difference: %s" % e)
        except AttributeError as e:
            self.fail("first argument does not support set difference: %s" % e)
        try:
            only2 = set2.difference(set1)
        except TypeError as e:
            self.fail("invalid type when attempting set difference: %s" % e)
        except AttributeError as e:
            self.fail("second argument does not support set difference: %s" % e)
        if not (only1 or only2):
            return
        lines = []
        if only1:
            lines.append("Items in the first set but not the second:")
            lines.extend(repr(item) for item in only1)
        if only2:
            lines.append("Items in the second set but not the first:")
            lines.extend(repr(item) for item in only2)
        self.fail(self._formatMessage(msg, "\n".join(lines)))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, "First argument is not a dictionary")
        self.assertIsInstance(d2, dict, "Second argument is not a dictionary")
        if d1 != d2:
            standard = "%s != %s" % _common_shorten_repr(d1, d2)
            diff = "\n" + "\n".join(_ndiff_lines(_pformat_lines(d1), _pformat_lines(d2)))
            self.fail(self._formatMessage(msg, self._truncateMessage(standard, diff)))

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertIsInstance(first, str, "First argument is not a string")
        self.assertIsInstance(second, str, "Second argument is not a string")
        if first != second:
            if len(first) > self._diffThreshold or len(second) > self._diffThreshold:
                self._baseAssertEqual(first, second, msg)
            lines1 = first.splitlines(keepends=True)
            lines2 = second.splitlines(keepends=True)
            if len(lines1) == 1 and first.strip("\r\n") == first:
                lines1 = [first + "\n"]
                lines2 = [second + "\n"]
            standard = "%s != %s" % _common_shorten_repr(first, second)
            diff = "\n" + "".join(_ndiff_lines(lines1, lines2))
            self.fail(self._formatMessage(msg, self._truncateMessage(standard, diff)))

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


def _count_differences_slow(items1, items2):
    """(count in first, count in second, item) for each item counted differently, by `==`
    alone (for unhashable items), in order of first appearance."""
    gone = object()
    out = []
    for i, item in enumerate(items1):
        if item is gone:
            continue
        n1 = n2 = 0
        for j in range(i, len(items1)):
            if items1[j] == item:
                n1 += 1
                items1[j] = gone
        for j, other in enumerate(items2):
            if other == item:
                n2 += 1
                items2[j] = gone
        if n1 != n2:
            out.append((n1, n2, item))
    for i, item in enumerate(items2):
        if item is gone:
            continue
        n2 = 0
        for j in range(i, len(items2)):
            if items2[j] == item:
                n2 += 1
                items2[j] = gone
        out.append((0, n2, item))
    return out


_EQUALITY_BY_TYPE = {
    dict: "assertDictEqual",
    list: "assertListEqual",
    tuple: "assertTupleEqual",
    set: "assertSetEqual",
    frozenset: "assertSetEqual",
    str: "assertMultiLineEqual",
}


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
