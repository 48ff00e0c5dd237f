# An uncaught exception: mtpy's report on stderr must be CPython 3.11's, carets included.
class Box:
    def __init__(self, v):
        self.v = v
    def size(self):
        return len(self.v) + self.missing
def run(items):
    return [Box(x).size() for x in items]
try:
    run(["ab", None])
except AttributeError as e:
    raise RuntimeError("wrapped") from e
