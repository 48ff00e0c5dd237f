# Exception groups formatted by traceback: the boxes, nesting, width and depth limits, notes.
import traceback, sys

FILE = __file__


def fmt(lines):
    return "".join(lines).replace(FILE, "FILE")


class Out:
    def write(self, s):
        sys.stdout.write(s.replace(FILE, "FILE"))


out = Out()


def fail(n):
    raise ValueError(f"bad {n}")
def collect():
    errs = []
    for i in range(3):
        try: fail(i)
        except ValueError as e: errs.append(e)
    raise ExceptionGroup("batch", errs + [ExceptionGroup("inner", [KeyError("k"), TypeError("t")])])
try: collect()
except ExceptionGroup: traceback.print_exc(file=out)
try:
    try: collect()
    except ExceptionGroup as eg: raise RuntimeError("wrap") from eg
except RuntimeError: print(fmt(traceback.format_exc()))
eg = ExceptionGroup("wide", [ValueError(i) for i in range(18)])
print(fmt(traceback.format_exception(eg, max_group_width=3) if False else traceback.TracebackException.from_exception(eg, max_group_width=3).format()))
print(fmt(traceback.format_exception(eg)))
def deep(n):
    return ExceptionGroup(f"d{n}", [deep(n - 1) if n else ValueError("leaf")])
print(fmt(traceback.TracebackException.from_exception(deep(4), max_group_depth=2).format()))
e = ExceptionGroup("noted", [ValueError("x")]); e.add_note("a note")
print(fmt(traceback.format_exception(e)))
