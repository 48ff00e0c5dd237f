class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = {}
        for k, v in members.items():
            inst = object.__new__(cls)
            inst.name = k
            inst.value = v
            setattr(cls, k, inst)
            cls._members[k] = inst
        return cls
    def __iter__(cls):
        return iter(cls._members.values())
    def __len__(cls):
        return len(cls._members)
    def __contains__(cls, item):
        return item in cls._members.values()
    def __getitem__(cls, name):
        return cls._members[name]
    def __call__(cls, value):
        for m in cls._members.values():
            if m.value == value:
                return m
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")
    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"
    def __bool__(cls):
        return True
    @property
    def __members__(cls):
        return dict(cls._members)
    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_members", {}):
            raise AttributeError("cannot reassign member " + repr(name))
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        if name in cls._members:
            raise AttributeError("cannot delete member " + repr(name))
        super().__delattr__(name)

class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"
    def __str__(self):
        return f"{type(self).__name__}.{self.name}"

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(list(Color), len(Color), Color.RED in Color, Color["GREEN"], Color(3), repr(Color))
print(str(Color.RED), f"{Color.BLUE}", Color.RED.value, list(Color.__members__))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AttributeError:", e)
Color.extra = 1
print(Color.extra)
del Color.extra
print(hasattr(Color, "extra"), isinstance(Color.RED, Color), type(Color.RED).__name__, bool(Color))
for c in Color:
    print(c.name, c.value, end="; ")
print()
print(sorted(c.value for c in Color), {c: c.name for c in Color}[Color.BLUE])
