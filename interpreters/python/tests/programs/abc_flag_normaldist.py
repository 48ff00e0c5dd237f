# Flag aliases, one-method ABC checks against builtin types, and NormalDist quantiles.
from enum import Enum, Flag, auto
from collections.abc import Hashable, Callable
import statistics


class Access(Flag):
    NONE = 0
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    ALL = READ | WRITE | EXEC


print(list(Access), len(Access))
print(Access.ALL, Access.READ | Access.WRITE, list(Access.ALL))
print(sorted(Access.__members__))

for obj in [{}, [], set(), bytearray(), (), 1, "s", frozenset(), len, print, (lambda: 0), Access, Access.READ]:
    print(type(obj).__name__, isinstance(obj, Hashable), isinstance(obj, Callable), hasattr(obj, "__call__"))
print(dict.__hash__, list.__hash__, set.__hash__)


class Bag(list):
    pass


try:
    hash(Bag())
except TypeError as e:
    print("TypeError:", e)

print(len.__call__("four"), (lambda a, b: a * b).__call__(6, 7))

scores = statistics.NormalDist(500, 100)
for p in [0.001, 0.05, 0.25, 0.5, 0.8, 0.99, 0.999999]:
    print(p, round(scores.inv_cdf(p), 9))
print([round(q, 6) for q in scores.quantiles(5)])
print(round(statistics.NormalDist(10, 2).overlap(statistics.NormalDist(12, 3)), 9))
try:
    scores.inv_cdf(1.0)
except statistics.StatisticsError as e:
    print("StatisticsError:", e)


class Level(Flag):
    LOW = auto()
    HIGH = auto()
    BOTH = LOW | HIGH


class Tagged(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.title() + str(count) + str(len(last_values))

    FIRST = auto()
    SECOND = 20
    THIRD = auto()
    PAIR = (auto(), "x")


print(list(Level), Level.BOTH.value, [m.value for m in Tagged])
