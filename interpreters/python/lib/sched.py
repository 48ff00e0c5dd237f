"""An event scheduler: events at absolute or relative times, run in time (then priority,
then insertion) order, with pluggable time and delay functions.

mtpy's own implementation with the interface of CPython's sched module.
"""

import heapq
import time
from collections import namedtuple

__all__ = ["scheduler"]


class Event(namedtuple("Event", "time priority sequence action argument kwargs")):
    """A scheduled call: ordered by time, then priority, then when it was scheduled (the
    sequence number is unique, so the action is never compared)."""

    __slots__ = ()


_sentinel = object()


class scheduler:
    def __init__(self, timefunc=time.monotonic, delayfunc=time.sleep):
        self._queue = []
        self._sequence = 0
        self.timefunc = timefunc
        self.delayfunc = delayfunc

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        """Schedules `action(*argument, **kwargs)` at `time`; the event (for cancel)."""
        if kwargs is _sentinel:
            kwargs = {}
        event = Event(time, priority, self._sequence, action, argument, kwargs)
        self._sequence += 1
        heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        """Schedules `action` `delay` time units from now."""
        return self.enterabs(self.timefunc() + delay, priority, action, argument, kwargs)

    def cancel(self, event):
        """Removes `event` from the queue (ValueError if it is not there)."""
        self._queue.remove(event)
        heapq.heapify(self._queue)

    def empty(self):
        return not self._queue

    def run(self, blocking=True):
        """Runs the events as their times come (delaying until then); with blocking False,
        only the due ones, returning the delay until the next (or None)."""
        queue = self._queue
        while queue:
            event = queue[0]
            now = self.timefunc()
            if event.time > now:
                if not blocking:
                    return event.time - now
                self.delayfunc(event.time - now)
                continue
            heapq.heappop(queue)
            event.action(*event.argument, **event.kwargs)
            self.delayfunc(0)
        return None

    @property
    def queue(self):
        """The pending events, in the order they will run."""
        events = list(self._queue)
        return [heapq.heappop(events) for _ in range(len(events))]
