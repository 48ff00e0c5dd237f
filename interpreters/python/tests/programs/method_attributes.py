# Bound methods show their function's attributes: __doc__, __name__, what decorators set.
def tag(label):
    def deco(f):
        f.label = label
        f.calls = 0
        return f
    return deco

class Service:
    @tag("fast")
    def ping(self):
        "Answer quickly."
        return "pong"

    def plain(self):
        return 1

s = Service()
print(s.ping.__doc__, s.ping.__name__, s.ping.__qualname__, s.ping.label, s.ping.__func__.calls)
print(getattr(s.plain, "label", "no label"), hasattr(s.ping, "label"), hasattr(s.plain, "label"))
print(type(s.ping).__name__, s.ping.__self__ is s, s.plain.__doc__)
try:
    s.plain.missing
except AttributeError as e:
    print(e)
print([name for name in dir(Service) if not name.startswith("_")])
handlers = {m: getattr(s, m) for m in ("ping", "plain")}
print({k: getattr(v, "label", None) for k, v in handlers.items()})
