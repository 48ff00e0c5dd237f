import logging, sys, io, os, tempfile

logging.warning("root warning %d", 1)
logging.info("not shown")
print(logging.root, logging.getLogger(), logging.getLogger("root") is logging.root)
print(logging.root.handlers)

root = logging.getLogger()
for h in root.handlers[:]:
    root.removeHandler(h)
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(levelname)s|%(name)s|%(message)s")
logging.debug("debug now %s", "shown")
logging.info("info %(x)s", {"x": 42})
a = logging.getLogger("app")
ab = logging.getLogger("app.db")
print(ab.parent is a, a.parent is root, repr(a), repr(ab))
ab.warning("db warning")
a.setLevel(logging.ERROR)
ab.warning("suppressed")
ab.error("db error")
print(ab.getEffectiveLevel(), ab.isEnabledFor(logging.WARNING), logging.getLevelName(40), logging.getLevelName("INFO"), logging.getLevelName(33))
x = logging.getLogger("x.y.z")
xy = logging.getLogger("x.y")
print(x.parent is xy, xy.parent is root)

buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s: %(message)s"))
lib = logging.getLogger("lib")
lib.addHandler(h)
lib.propagate = False
lib.setLevel(logging.DEBUG)
lib.debug("one")
lib.info("two %s %s", "a", "b")
lib.log(logging.WARNING, "three")
lib.critical("four")
print(buf.getvalue(), end="")
print(repr(h), h.level, h.formatter._fmt)
h.setLevel("WARNING")
buf.truncate(0); buf.seek(0)
lib.info("hidden")
lib.warning("visible")
print(repr(buf.getvalue()))

class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1
h.addFilter(OnlyOdd())
buf.truncate(0); buf.seek(0)
for i in range(5):
    lib.error("n=%d", i)
print(repr(buf.getvalue()))
h.filters.clear()

f2 = logging.Formatter("{levelname}:{name}:{message}", style="{")
h.setFormatter(f2)
buf.truncate(0); buf.seek(0)
lib.error("brace")
h.setFormatter(logging.Formatter("$levelname/$message", style="$"))
lib.error("dollar")
print(repr(buf.getvalue()))

h.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
buf.truncate(0); buf.seek(0)
try:
    {}["nope"]
except KeyError:
    lib.exception("failed lookup")
out = buf.getvalue()
print(out.splitlines()[0], out.splitlines()[1], out.splitlines()[-1])
buf.truncate(0); buf.seek(0)
try:
    raise ValueError("v")
except ValueError as e:
    lib.error("with exc_info", exc_info=e)
print(buf.getvalue().splitlines()[-1])

buf.truncate(0); buf.seek(0)
h.setFormatter(logging.Formatter("%(message)s %(user)s"))
lib.error("extra", extra={"user": "bob"})
print(repr(buf.getvalue()))
try:
    lib.error("bad", extra={"message": "x"})
except KeyError as e:
    print("KeyError", e)

ad = logging.LoggerAdapter(lib, {"user": "ann"})
buf.truncate(0); buf.seek(0)
ad.warning("adapted")
print(repr(buf.getvalue()), repr(ad))

nl = logging.getLogger("quiet")
nl.addHandler(logging.NullHandler())
nl.error("nothing")
print(nl.hasHandlers(), logging.getLogger("fresh.child").hasHandlers())

d = tempfile.mkdtemp()
path = os.path.join(d, "log.txt")
fh = logging.FileHandler(path, mode="w")
fh.setFormatter(logging.Formatter("%(name)s - %(levelname)s - %(message)s"))
fl = logging.getLogger("filelog")
fl.propagate = False
fl.addHandler(fh)
fl.warning("to file")
fl.error("again")
fh.close()
with open(path) as f:
    print(f.read(), end="")
print(repr(fh).startswith("<FileHandler"), fh.baseFilename == os.path.abspath(path))
os.remove(path)
os.rmdir(d)

rec = logging.makeLogRecord({"msg": "hello %s", "args": ("w",), "levelno": 20, "levelname": "INFO"})
print(rec.getMessage(), logging.Formatter("%(levelname)s:%(message)s").format(rec))
try:
    logging.getLogger().setLevel("LOUD")
except ValueError as e:
    print(e)
try:
    logging.Formatter("no fields")
except ValueError as e:
    print(e)
try:
    logging.basicConfig(bogus=1, force=True)
except ValueError as e:
    print(e)
logging.basicConfig(force=True, stream=sys.stdout)
logging.warning("after force")
logging.getLogger("child").info("below warning: %s", "hidden")
logging.getLogger().setLevel(logging.INFO)
logging.getLogger("child").info("now %s", "visible")
logging.disable(logging.WARNING)
logging.warning("disabled")
logging.error("error still")
logging.disable(logging.NOTSET)
logging.addLevelName(25, "NOTICE")
logging.log(25, "custom level")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"))
c = logging.getLogger("app").getChild("cache")
print(c.name, c.parent.name)
print(logging.Formatter("%(asctime)s").usesTime(), logging.Formatter().usesTime())
print(type(logging.Formatter().formatTime(rec)), len(logging.Formatter().formatTime(rec)))
