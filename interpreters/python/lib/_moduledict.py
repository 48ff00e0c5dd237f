"""What `globals()` returns: a dict of a module's names whose changes reach the module.

mtpy keeps a module's globals in slots (so traces read them as constants behind a version
tag), not in a dict; `globals()` gives a dict of them, and writes through this dict also set
or delete the module's names, so `globals()[name] = value` defines a global. Reads see the
dict: names the module gets later, other than through the dict, are not in it.
"""


class ModuleDict(dict):
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


def make(module, names):
    d = ModuleDict(names)
    object.__setattr__(d, "_module", module)
    return d
