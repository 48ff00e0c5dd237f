"""unittest's suites, loader, results, the text runner and `main`."""

import sys
import time

from unittest.case import TestCase, _SubTestContext  # noqa: F401


class TestSuite:
    """An ordered collection of tests (cases or suites), run with their class fixtures."""

    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def __iter__(self):
        return iter(self._tests)

    def __repr__(self):
        return "<%s.%s tests=%s>" % (type(self).__module__, type(self).__qualname__,
                                     list(self))

    def countTestCases(self):
        return sum(t.countTestCases() for t in self._tests)

    def addTest(self, test):
        if not callable(test):
            raise TypeError("{} is not callable".format(repr(test)))
        if isinstance(test, type) and issubclass(test, (TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated before passing "
                            "them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for test in tests:
            self.addTest(test)

    def _flat(self):
        for test in self._tests:
            if isinstance(test, TestSuite):
                yield from test._flat()
            else:
                yield test

    def run(self, result):
        previous = None
        broken = set()
        for test in self._flat():
            if result.shouldStop:
                break
            cls = type(test)
            if cls is not previous:
                if previous is not None and previous not in broken:
                    _class_fixture(previous, "tearDownClass", result)
                previous = cls
                if not _class_fixture(cls, "setUpClass", result):
                    broken.add(cls)
            if cls in broken:
                continue
            test(result)
        if previous is not None and previous not in broken:
            _class_fixture(previous, "tearDownClass", result)
        return result

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)


def _class_fixture(cls, name, result):
    if getattr(cls, "__unittest_skip__", False):
        return True
    try:
        getattr(cls, name)()
    except Exception as e:
        desc = "%s (%s.%s)" % (name, cls.__module__, cls.__qualname__)
        result._add_problem("errors", _Named(desc), e)
        return False
    return True


class TestLoader:
    """Finds the tests of a TestCase class, a module, or by name."""

    testMethodPrefix = "test"
    sortTestMethodsUsing = staticmethod(lambda a, b: (a > b) - (a < b))
    suiteClass = TestSuite

    def getTestCaseNames(self, testCaseClass):
        names = [n for n in dir(testCaseClass) if n.startswith(self.testMethodPrefix)
                 and callable(getattr(testCaseClass, n))]
        import functools
        names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite. Maybe you "
                            "meant to derive from TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, "runTest"):
            names = ["runTest"]
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, "load_tests", None)
        suite = self.suiteClass(tests)
        if load_tests is not None:
            return load_tests(self, suite, pattern)
        return suite

    def loadTestsFromName(self, name, module=None):
        parts = name.split(".")
        if module is None:
            module = sys.modules[parts[0]]
            parts = parts[1:]
        obj = module
        parent = None
        for part in parts:
            parent, obj = obj, getattr(obj, part)
        if isinstance(obj, type) and issubclass(obj, TestCase):
            return self.loadTestsFromTestCase(obj)
        if isinstance(parent, type) and issubclass(parent, TestCase):
            return self.suiteClass([parent(parts[-1])])
        if isinstance(obj, TestSuite):
            return obj
        if hasattr(obj, "__dict__") and not callable(obj):
            return self.loadTestsFromModule(obj)
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(n, module) for n in names])


defaultTestLoader = TestLoader()


def _is_internal(tb):
    """Whether traceback entry `tb` is in unittest's own code (reports leave it out)."""
    name = tb.tb_frame.f_code.co_filename
    return name.startswith("<frozen unittest") or "/unittest/" in name


def _format_error(exc):
    import traceback
    tb = exc.__traceback__
    while tb is not None and _is_internal(tb):
        tb = tb.tb_next
    length = 0
    t = tb
    while t is not None and not _is_internal(t):
        length += 1
        t = t.tb_next
    lines = traceback.format_exception(type(exc), exc, tb, limit=length or None)
    return "".join(lines)


class TestResult:
    """What happened to each test: failures, errors, skips, expected failures."""

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.failfast = False

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def startTestRun(self):
        pass

    def stopTestRun(self):
        pass

    def _add_problem(self, kind, test, exc, subtest=False):
        getattr(self, kind).append((test, _format_error(exc)))
        self._report(kind, test, subtest)
        if self.failfast:
            self.stop()

    def _report(self, kind, test, subtest):
        pass

    def addSuccess(self, test):
        pass

    def addFailure(self, test, err):
        self._add_problem("failures", test, err)

    def addError(self, test, err):
        self._add_problem("errors", test, err)

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, _format_error(err)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return (len(self.failures) == len(self.errors) == 0
                and not self.unexpectedSuccesses)

    def stop(self):
        self.shouldStop = True

    def __repr__(self):
        return "<%s.%s run=%i errors=%i failures=%i>" % (
            type(self).__module__, type(self).__qualname__, self.testsRun, len(self.errors),
            len(self.failures))


class _Named:
    """A class fixture that failed, as results list it."""

    def __init__(self, desc):
        self.desc = desc

    def shortDescription(self):
        return None

    def id(self):
        return self.desc

    def __str__(self):
        return self.desc


class TextTestResult(TestResult):
    """A TestResult that reports progress on a stream (dots, or one line per test)."""

    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions
        self._newline = True

    def getDescription(self, test):
        doc = test.shortDescription() if self.descriptions and hasattr(test, "shortDescription") \
            else None
        if doc:
            return "\n".join((str(test), doc))
        return str(test)

    def _write(self, text):
        self.stream.write(text)
        self.stream.flush()

    def startTest(self, test):
        super().startTest(test)
        if self.showAll:
            self._write(self.getDescription(test) + " ... ")
            self._newline = False

    def _status(self, long, short, test=None, subtest=False):
        if self.showAll:
            if subtest or (test is not None and self._newline):
                if not self._newline:
                    self._write("\n")
                self._write(("  " if subtest else "") + self.getDescription(test) + " ... ")
            self._write(long + "\n")
            self._newline = True
        elif self.dots:
            self._write(short)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._status("ok", ".", test)

    def _report(self, kind, test, subtest):
        self._status("FAIL" if kind == "failures" else "ERROR",
                     "F" if kind == "failures" else "E", test, subtest)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._status("skipped {0!r}".format(reason), "s", test)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._status("expected failure", "x", test)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._status("unexpected success", "u", test)

    def printErrors(self):
        if self.dots or self.showAll:
            self._write("\n")
        for flavour, problems in (("ERROR", self.errors), ("FAIL", self.failures)):
            for test, text in problems:
                self._write(self.separator1 + "\n")
                desc = self.getDescription(test)
                self._write("%s: %s\n" % (flavour, desc))
                self._write(self.separator2 + "\n")
                self._write("%s\n" % text)
        if self.unexpectedSuccesses:
            self._write(self.separator1 + "\n")
            for test in self.unexpectedSuccesses:
                self._write("UNEXPECTED SUCCESS: %s\n" % self.getDescription(test))


class TextTestRunner:
    """Runs a test or suite and reports on a stream (stderr by default)."""

    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False,
                 buffer=False, resultclass=None, warnings=None, *, tb_locals=False):
        self.stream = stream
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        self.buffer = buffer
        if resultclass is not None:
            self.resultclass = resultclass

    def run(self, test):
        stream = self.stream if self.stream is not None else sys.stderr
        result = self.resultclass(stream, self.descriptions, self.verbosity)
        result.failfast = self.failfast
        start = time.perf_counter()
        result.startTestRun()
        try:
            test(result)
        finally:
            result.stopTestRun()
        taken = time.perf_counter() - start
        result.printErrors()
        write = stream.write
        write(result.separator2 + "\n")
        run = result.testsRun
        write("Ran %d test%s in %.3fs\n" % (run, run != 1 and "s" or "", taken))
        write("\n")
        infos = []
        if not result.wasSuccessful():
            write("FAILED")
            if result.failures:
                infos.append("failures=%d" % len(result.failures))
            if result.errors:
                infos.append("errors=%d" % len(result.errors))
        else:
            write("OK")
        if result.skipped:
            infos.append("skipped=%d" % len(result.skipped))
        if result.expectedFailures:
            infos.append("expected failures=%d" % len(result.expectedFailures))
        if result.unexpectedSuccesses:
            infos.append("unexpected successes=%d" % len(result.unexpectedSuccesses))
        if infos:
            write(" (%s)\n" % ", ".join(infos))
        else:
            write("\n")
        if hasattr(stream, "flush"):
            stream.flush()
        return result


class TestProgram:
    """`unittest.main()`: loads the tests of a module, runs them, exits 1 on failure."""

    def __init__(self, module="__main__", defaultTest=None, argv=None, testRunner=None,
                 testLoader=defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            module = sys.modules[module]
        self.module = module
        if argv is None:
            argv = sys.argv
        self.verbosity = verbosity
        names = []
        for arg in argv[1:]:
            if arg in ("-v", "--verbose"):
                self.verbosity = 2
            elif arg in ("-q", "--quiet"):
                self.verbosity = 0
            elif not arg.startswith("-"):
                names.append(arg)
        if defaultTest is not None and not names:
            names = [defaultTest] if isinstance(defaultTest, str) else list(defaultTest)
        if names:
            self.test = testLoader.loadTestsFromNames(names, module)
        else:
            self.test = testLoader.loadTestsFromModule(module)
        if testRunner is None:
            testRunner = TextTestRunner(verbosity=self.verbosity, failfast=bool(failfast))
        elif isinstance(testRunner, type):
            testRunner = testRunner(verbosity=self.verbosity)
        self.result = testRunner.run(self.test)
        if exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
