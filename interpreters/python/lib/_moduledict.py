"""What `globals()` returns: a dict of a module's names whose changes reach the module.

mtpy keeps a module's globals in slots (so traces read them as constants behind a version
tag), not in a dict; `globals()` gives a dict of them, and writes through this dict also set
or delete the module's names, so `globals()[name] = value` defines a global. Reads see the
dict, and reads bring it up to date with the module first.
"""

import _gc


class ModuleDict(dict):
    # Reads first bring the dict up to date with the module (names it got or lost since,
    # other than through this dict).
    def _sync(self):
        current = vars(self._module)
        if len(current) != dict.__len__(self) or any(
                dict.get(self, k, _ABSENT) is not v for k, v in current.items()):
            dict.clear(self)
            dict.update(self, current)

    def __getitem__(self, key):
        self._sync()
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        self._sync()
        return dict.get(self, key, default)

    def __contains__(self, key):
        self._sync()
        return dict.__contains__(self, key)

    def __iter__(self):
        self._sync()
        return dict.__iter__(self)

    def __len__(self):
        self._sync()
        return dict.__len__(self)

    def keys(self):
        self._sync()
        return dict.keys(self)

    def values(self):
        self._sync()
        return dict.values(self)

    def items(self):
        self._sync()
        return dict.items(self)

    def copy(self):
        self._sync()
        return dict(dict.items(self))

    def __repr__(self):
        self._sync()
        return dict.__repr__(self)

    def __eq__(self, other):
        self._sync()
        return dict.__eq__(self, other)

    def __ne__(self, other):
        self._sync()
        return dict.__ne__(self, other)

    __hash__ = None

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, value)
        if isinstance(key, str):
            setattr(self._module, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        if isinstance(key, str) and hasattr(self._module, key):
            delattr(self._module, key)

    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self[k] = v

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return dict.__getitem__(self, key)

    def pop(self, key, *default):
        present = key in self
        value = dict.pop(self, key, *default)
        if present and isinstance(key, str) and hasattr(self._module, key):
            delattr(self._module, key)
        return value

    def popitem(self):
        key, value = dict.popitem(self)
        if isinstance(key, str) and hasattr(self._module, key):
            delattr(self._module, key)
        return key, value


_ABSENT = object()


# Each module's ModuleDict while it lives (a weak cell: it holds the module's values, which
# must die when the module drops them), so that `globals() is globals()` (and `locals()` at
# module level is the same object).
_made = {}


def make(module, names):
    cell = _made.get(module)
    d = None if cell is None else _gc.deref(cell)
    if d is None:
        d = ModuleDict(names)
        object.__setattr__(d, "_module", module)
        _made[module] = _gc.ref(d)
    else:
        dict.clear(d)
        dict.update(d, names)
    return d
