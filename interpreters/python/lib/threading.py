"""threading for a single-threaded interpreter: a thread's target runs to completion when the
thread is started, so joins return at once and locks are never contended.

Programs that start threads, join them and combine their results print what they print
under CPython (where the threads' interleaving does not show); a thread that waits for
another thread's later work (a consumer started before its producer) cannot run this way.
"""

import sys as _sys
import itertools as _itertools

__all__ = ['Thread', 'Lock', 'RLock', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Event',
           'Timer', 'Barrier', 'local', 'current_thread', 'main_thread', 'active_count',
           'enumerate', 'get_ident', 'get_native_id', 'TIMEOUT_MAX', 'ThreadError', 'excepthook']

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError
_counter = _itertools.count(1)
_ident = _itertools.count(1)


def _newname(template='Thread-%d'):
    return template % next(_counter)


class Lock:
    """A lock (nothing else can hold it while this thread waits, so a blocking acquire of
    a held lock would never return: it raises instead)."""

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if self._locked:
            if not blocking or timeout >= 0:
                return False
            raise RuntimeError('deadlock: acquiring a lock this thread holds (mtpy runs threads one at a time)')
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return f"<unlocked _thread.lock object>" if not self._locked else "<locked _thread.lock object>"


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


class Condition:
    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def wait(self, timeout=None):
        return False

    def wait_for(self, predicate, timeout=None):
        return predicate()

    def notify(self, n=1):
        pass

    def notify_all(self):
        pass


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if self._value == 0:
            if not blocking or timeout is not None:
                return False
            raise RuntimeError('deadlock: semaphore exhausted (mtpy runs threads one at a time)')
        self._value -= 1
        return True

    __enter__ = acquire

    def release(self, n=1):
        self._value += n

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self._initial = value

    def release(self, n=1):
        if self._value + n > self._initial:
            raise ValueError('Semaphore released too many times')
        super().release(n)


class Event:
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        return self._flag


class local:
    pass


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        if name is None:
            n = next(_counter)
            name = f'Thread-{n}' if target is None else f'Thread-{n} ({getattr(target, "__name__", "")})'
        self._name = str(name)
        self._daemonic = bool(daemon)
        self._started = False
        self._alive = False
        self._ident = None

    def __repr__(self):
        status = 'started' if self._started else 'initial'
        if self._started and not self._alive:
            status = 'stopped'
        return f'<{type(self).__name__}({self._name}, {status})>'

    def start(self):
        global _current
        if self._started:
            raise RuntimeError('threads can only be started once')
        self._started = True
        self._alive = True
        self._ident = next(_ident) + 1
        prev = _current
        _current = self
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as e:
            excepthook(_ExceptHookArgs(type(e), e, e.__traceback__, self))
        finally:
            _current = prev
            self._alive = False

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError('cannot join thread before it is started')
        if self is current_thread():
            raise RuntimeError('cannot join current thread')

    def is_alive(self):
        return self._alive

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def ident(self):
        return self._ident

    native_id = ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        self._daemonic = bool(value)

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, value):
        self._daemonic = bool(value)


class _ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


def excepthook(args):
    import traceback
    name = args.thread.name if args.thread is not None else get_ident()
    print(f'Exception in thread {name}:', file=_sys.stderr)
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=_sys.stderr)


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__(target=function, args=args or (), kwargs=kwargs)
        self.interval = interval
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def run(self):
        if not self._cancelled:
            super().run()


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        self.parties = parties
        self._action = action
        self.n_waiting = 0
        self.broken = False

    def wait(self, timeout=None):
        if self.parties > 1:
            raise BrokenBarrierError
        if self._action:
            self._action()
        return 0

    def reset(self):
        pass

    def abort(self):
        self.broken = True


class _MainThread(Thread):
    def __init__(self):
        super().__init__(name='MainThread')
        self._started = True
        self._alive = True
        self._ident = 1


_main = _MainThread()
_current = _main


def current_thread():
    return _current


currentThread = current_thread


def main_thread():
    return _main


def active_count():
    return 1


activeCount = active_count


def enumerate():
    return [_main] if _current is _main else [_main, _current]


def get_ident():
    return _current._ident


get_native_id = get_ident
