"""The "Did you mean" hints of uncaught NameError and AttributeError reports.

CPython 3.11 adds `. Did you mean: 'NAME'?` to the last line of the report when a name
close to the missing one exists: the closest by an edit distance in which a change of case
costs 1 and any other edit 2, within about a third of the names' length.
"""

import sys

_MOVE = 2
_CASE = 1
_MAX_LEN = 40
_MAX_CANDIDATES = 750


def _cost(a, b):
    if a == b:
        return 0
    if a.lower() == b.lower():
        return _CASE
    return _MOVE


def _distance(a, b):
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return _MOVE * (len(a) + len(b))
    if len(a) > _MAX_LEN or len(b) > _MAX_LEN:
        return None
    previous = [j * _MOVE for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [i * _MOVE]
        for j in range(1, len(b) + 1):
            current.append(min(previous[j] + _MOVE, current[j - 1] + _MOVE,
                               previous[j - 1] + _cost(a[i - 1], b[j - 1])))
        previous = current
    return previous[-1]


def closest(wrong, candidates):
    """The candidate closest to `wrong`, if one is close enough."""
    if len(candidates) > _MAX_CANDIDATES:
        return None
    best = None
    best_distance = None
    for name in candidates:
        if name == wrong or not isinstance(name, str):
            continue
        limit = (len(name) + len(wrong) + 3) * _MOVE // 6
        if best_distance is not None:
            limit = min(limit, best_distance - 1)
        d = _distance(wrong, name)
        if d is None or d > limit:
            continue
        best, best_distance = name, d
    return best


def _innermost(tb):
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb


def message(exc):
    """`str(exc)` with CPython's hint added, or None when there is none."""
    name = getattr(exc, "name", None)
    if not isinstance(name, str):
        return None
    if isinstance(exc, NameError):
        candidates = []
        tb = _innermost(exc.__traceback__)
        if tb is not None:
            code = tb.tb_frame.f_code
            if code.co_name != "<module>":
                candidates.extend(getattr(code, "co_varnames", ()))
        main = sys.modules.get("__main__")
        if main is not None:
            candidates.extend(vars(main))
        import builtins
        candidates.extend(dir(builtins))
    elif isinstance(exc, AttributeError):
        obj = getattr(exc, "obj", None)
        text = str(exc)
        if obj is None and text.startswith("module '"):
            obj = sys.modules.get(text.split("'")[1])
        elif obj is None and text.startswith("'"):
            import builtins
            obj = getattr(builtins, text.split("'")[1], None)
        if obj is None:
            return None
        try:
            candidates = dir(obj)
        except Exception:
            return None
    else:
        return None
    best = closest(name, candidates)
    if best is None:
        return None
    return "%s. Did you mean: %r?" % (exc, best)
