# typing: hints can be built, printed, compared and inspected
from typing import (Any, Callable, Dict, List, Optional, Set, Tuple, TypeVar, Union, Iterable,
                    Iterator, Sequence, Mapping, Generic, FrozenSet, Type, Literal, ClassVar, Final,
                    cast, get_args, get_origin, overload, NewType, TYPE_CHECKING, Deque, DefaultDict)
import typing

print(List[int], Dict[str, int], Set[str], FrozenSet[int], Tuple[int, ...], Tuple[int, str])
print(Optional[int], Union[int, str], Union[int, None, str], Union[int], Union[int, Union[str, float]])
print(Callable[[int, str], bool], Callable[..., int], Any, List, Optional[List[int]])
print(Iterable[int], Iterator[str], Sequence[float], Mapping[str, List[int]], Type[int])
print(Literal["a", 1], ClassVar[int], Final[str], Deque[int], DefaultDict[str, int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]) is Union, get_args(Optional[int]))
print(get_args(Callable[[int], str]), get_origin(int), get_args(int))
print(List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[int, None])
T = TypeVar("T")
K = TypeVar("K", bound=str)
V = TypeVar("V", int, float, covariant=True)
print(T, K, V, T.__name__, K.__bound__, V.__constraints__)
print(cast(int, "not really"), cast(List[str], [1]), TYPE_CHECKING)
UserId = NewType("UserId", int)
uid = UserId(42)
print(uid, type(uid).__name__, UserId.__name__, UserId.__supertype__)


def first(items: List[T]) -> Optional[T]:
    return items[0] if items else None


print(first([3, 4]), first([]))


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.items)


def apply(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]


print(apply(lambda v: v * v, range(4)))


@overload
def double(x: int) -> int: ...


@overload
def double(x: str) -> str: ...


def double(x):
    return x * 2


print(double(4), double("ab"))
Vector = List[float]


def scale(k: float, v: Vector) -> Vector:
    return [k * x for x in v]


print(scale(2.0, [1.0, 2.5]), Vector)
try:
    List()
except TypeError as e:
    print("TypeError", e)
try:
    Dict[int]
except TypeError as e:
    print("TypeError", e)
print(typing.Text is str, typing.AnyStr)
