# sched.scheduler driven by a fake clock: order by time, then priority, then insertion;
# cancel; non-blocking runs; events scheduling more events.
import sched


class Clock:
    def __init__(self):
        self.now = 0.0
        self.slept = []

    def time(self):
        return self.now

    def sleep(self, d):
        self.slept.append(d)
        self.now += d


clock = Clock()
s = sched.scheduler(clock.time, clock.sleep)


def say(msg, **kw):
    print(f"t={clock.now:5.1f} {msg}", kw if kw else "")


s.enter(5, 2, say, ("five, low priority",))
s.enter(5, 1, say, ("five, high priority",))
s.enterabs(2, 1, say, ("at two",), {"extra": True})
doomed = s.enter(3, 1, say, ("never",))
s.enter(1, 1, lambda: s.enter(2.5, 1, say, ("scheduled by an event",)))
print([(e.time, e.priority, e.argument) for e in s.queue])
s.cancel(doomed)
try:
    s.cancel(doomed)
except ValueError:
    print("already cancelled")
print(s.empty(), len(s.queue))
print("next in", s.run(blocking=False))
clock.now = 2.0
print("next in", s.run(blocking=False))
s.run()
print(s.empty(), [d for d in clock.slept if d], clock.now)
print(type(s.enter(1, 1, say)).__name__, sched.Event._fields)
