# Exceptions raised while another is being handled, in hot loops: each gets the handled one
# as its __context__ (unless it is that one, or already has a context), and a traceback.
import traceback


class AppError(Exception):
    pass


def parse(s):
    try:
        return int(s)
    except ValueError:
        # Raised while handling the ValueError: chained implicitly.
        raise AppError("bad " + s)


def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        if k.startswith("x"):
            raise  # the same exception again: no new context
        return len(k) + 1 / 0  # ZeroDivisionError with the KeyError as context


def tb_lines(e):
    n = 0
    tb = e.__traceback__
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n


def main():
    counts = {}
    ctx_names = {}
    depth = 0
    items = ["1", "x", "22", "zz", "3"]
    d = {"a": 1}
    for r in range(3000):
        s = items[r % len(items)]
        try:
            v = parse(s)
        except AppError as e:
            name = type(e.__context__).__name__
            ctx_names[name] = ctx_names.get(name, 0) + 1
            depth += tb_lines(e)
            v = -1
        counts[v] = counts.get(v, 0) + 1
        k = "a" if r % 3 == 0 else ("x" + s if r % 3 == 1 else s)
        try:
            lookup(d, k)
        except KeyError as e:
            ctx_names["KeyError ctx " + str(e.__context__)] = ctx_names.get("KeyError ctx " + str(e.__context__), 0) + 1
        except ZeroDivisionError as e:
            name = "ZeroDivisionError<-" + type(e.__context__).__name__
            ctx_names[name] = ctx_names.get(name, 0) + 1
            depth += tb_lines(e)
    print(sorted(counts.items()))
    print(sorted(ctx_names.items()))
    print("depth", depth)
    try:
        parse("q")
    except AppError as e:
        print("".join(traceback.format_exception_only(type(e), e)).strip())
        print(repr(e.__context__), e.__suppress_context__, e.__cause__)


main()
