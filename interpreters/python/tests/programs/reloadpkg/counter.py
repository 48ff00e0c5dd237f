"""Counts how often it is loaded (for import_reload.py)."""
from . import LOADS

LOADS.append(__name__)
print("loading", __name__, "load number", len(LOADS))
total = 0


def bump(n=1):
    global total
    total += n
    return total
