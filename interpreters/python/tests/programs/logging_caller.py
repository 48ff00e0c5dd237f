# Log records name their caller: funcName, lineno, module and filename in formats, with
# stacklevel, through helpers and methods, and cheap when a level is disabled.
import logging
import sys

fmt = "%(levelname)s %(module)s:%(funcName)s:%(lineno)d %(filename)s %(message)s"
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter(fmt))
log = logging.getLogger("caller")
log.addHandler(handler)
log.propagate = False
log.setLevel(logging.DEBUG)


def work():
    log.info("in work")


class Service:
    def run(self):
        log.warning("in method %s", "run")
        helper()


def helper():
    log.debug("helper, stacklevel 1")
    log.debug("helper's caller, stacklevel 2", stacklevel=2)


def deep(n):
    if n == 0:
        log.error("at the bottom")
        return
    deep(n - 1)


log.info("at module level")
work()
Service().run()
deep(5)
adapter = logging.LoggerAdapter(log, {})
adapter.info("through an adapter")


def records():
    got = []

    class Keep(logging.Handler):
        def emit(self, record):
            got.append((record.funcName, record.lineno, record.module, record.getMessage()))

    inner = logging.getLogger("records")
    inner.addHandler(Keep())
    inner.propagate = False
    inner.warning("kept %d", 1)
    inner.log(logging.ERROR, "kept %d", 2)
    return got


print(records())
brace = logging.StreamHandler(sys.stdout)
brace.setFormatter(logging.Formatter("{funcName}@{lineno}: {message}", style="{"))
other = logging.getLogger("brace")
other.addHandler(brace)
other.propagate = False


def braced():
    other.warning("brace style")


braced()
# Many disabled and enabled calls in a loop (the caller lookup on each enabled one).
quiet = logging.getLogger("quiet")
quiet.addHandler(logging.NullHandler())
quiet.propagate = False
quiet.setLevel(logging.INFO)
total = 0
for i in range(300):
    quiet.debug("skipped %d", i)
    quiet.info("counted %d", i)
    total += i
print(total)
