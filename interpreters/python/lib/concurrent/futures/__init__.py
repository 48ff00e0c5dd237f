"""concurrent.futures for a single-threaded interpreter: an executor runs each call when it
is submitted, so its future is done at once; results and exceptions come back as under
CPython (map in order, as_completed in completion order: the order submitted)."""

__all__ = ['Future', 'Executor', 'ThreadPoolExecutor', 'ProcessPoolExecutor', 'wait', 'as_completed',
           'CancelledError', 'TimeoutError', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class CancelledError(Exception):
    """The Future was cancelled."""


CancelledError.__module__ = 'concurrent.futures._base'
TimeoutError = TimeoutError


class BrokenExecutor(RuntimeError):
    pass


class Future:
    def __init__(self):
        self._done = False
        self._cancelled = False
        self._result = None
        self._exception = None
        self._callbacks = []

    def __repr__(self):
        if self._cancelled:
            return '<Future state=cancelled>'
        if not self._done:
            return '<Future state=pending>'
        if self._exception is not None:
            return f'<Future state=finished raised {type(self._exception).__name__}>'
        return f'<Future state=finished returned {type(self._result).__name__}>'

    def cancel(self):
        if self._done:
            return False
        self._cancelled = True
        self._done = True
        self._run_callbacks()
        return True

    def cancelled(self):
        return self._cancelled

    def running(self):
        return False

    def done(self):
        return self._done

    def result(self, timeout=None):
        if self._cancelled:
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        if self._cancelled:
            raise CancelledError()
        return self._exception

    def add_done_callback(self, fn):
        if self._done:
            fn(self)
        else:
            self._callbacks.append(fn)

    def set_result(self, result):
        self._result = result
        self._done = True
        self._run_callbacks()

    def set_exception(self, exception):
        self._exception = exception
        self._done = True
        self._run_callbacks()

    def set_running_or_notify_cancel(self):
        return not self._cancelled

    def _run_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            fn(self)


class Executor:
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=(), **kw):
        if max_workers is not None and max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        self._max_workers = max_workers
        self._shutdown = False
        if initializer is not None:
            initializer(*initargs)

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = Future()
        try:
            r = fn(*args, **kwargs)
        except BaseException as e:
            f.set_exception(e)
        else:
            f.set_result(r)
        return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            for f in fs:
                yield f.result()

        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    pass


class ProcessPoolExecutor(Executor):
    pass


def as_completed(fs, timeout=None):
    seen = set()
    for f in fs:
        if id(f) not in seen:
            seen.add(id(f))
            yield f


class DoneAndNotDoneFutures(tuple):
    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    return DoneAndNotDoneFutures({f for f in fs if f.done()}, {f for f in fs if not f.done()})
