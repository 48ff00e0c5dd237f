"""The garbage collector's interface.

mtpy's heap is collected by the toolchain's tracing collector, which finds cycles like
everything else; there are no generations to tune and no objects left uncollectable, so
this module keeps CPython's interface (enable/disable flags, thresholds, counts) for the
programs that call it. `collect()` collects now, runs the `__del__` methods of the objects
found dead and the callbacks of the weak references that died (as PyPy does, objects die
at a collection, not when their last reference goes), and reports that nothing was left
unreachable.
"""

import _gc
import sys as _sys

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL

garbage = []
callbacks = []

_enabled = True
_threshold = (700, 10, 10)
_debug = 0
_frozen = 0


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def collect(generation=2):
    if not isinstance(generation, int):
        raise TypeError(f"'{type(generation).__name__}' object cannot be interpreted as an integer")
    if generation < 0 or generation > 2:
        raise ValueError("invalid generation")
    for cb in list(callbacks):
        cb("start", {"generation": generation, "collected": 0, "uncollectable": 0})
    _gc.collect()
    weakref = _sys.modules.get("weakref")
    if weakref is not None:
        weakref._sweep()
    for cb in list(callbacks):
        cb("stop", {"generation": generation, "collected": 0, "uncollectable": 0})
    return 0


def get_count():
    return (0, 0, 0)


def get_threshold():
    return _threshold


def set_threshold(threshold0, threshold1=None, threshold2=None):
    global _threshold
    t1 = _threshold[1] if threshold1 is None else threshold1
    t2 = _threshold[2] if threshold2 is None else threshold2
    _threshold = (threshold0, t1, t2)


def get_debug():
    return _debug


def set_debug(flags):
    global _debug
    _debug = flags


_ATOMIC = (int, float, complex, str, bytes, bool, type(None), range)


def is_tracked(obj):
    return not isinstance(obj, _ATOMIC)


def is_finalized(obj):
    return False


def get_objects(generation=None):
    return []


def get_stats():
    return [{"collections": 0, "collected": 0, "uncollectable": 0} for _ in range(3)]


def get_referrers(*objs):
    return []


def get_referents(*objs):
    out = []
    for o in objs:
        if isinstance(o, (list, tuple, set, frozenset)):
            out.extend(o)
        elif isinstance(o, dict):
            for k, v in o.items():
                out.append(k)
                out.append(v)
    return out


def freeze():
    global _frozen
    _frozen = 1


def unfreeze():
    global _frozen
    _frozen = 0


def get_freeze_count():
    return 0
