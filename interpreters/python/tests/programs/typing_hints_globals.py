# get_type_hints evaluates string annotations in the function's or class's module;
# function.__globals__; Literal equality ignores order.
from typing import Dict, List, Literal, Optional, get_type_hints

LIMIT = 10


def tally(items: "List[int]", label: "Optional[str]" = None) -> "Dict[str, int]":
    return {label or "total": sum(items)}


class Node:
    value: "int"
    children: "List[Node]"
    parent: Optional["Node"] = None


print(get_type_hints(tally))
print(get_type_hints(Node)["children"], get_type_hints(Node)["value"])
print(tally.__globals__["LIMIT"], "tally" in tally.__globals__)
print(tally.__globals__["tally"]([1, 2, 3], "sum"))
print(Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True], Literal["a", "b"] == Literal["b", "a"],
      hash(Literal[3, 4]) == hash(Literal[4, 3]))
try:
    get_type_hints(type("Bad", (), {"__annotations__": {"x": "Missing[int]"}}))
except NameError as e:
    print("NameError:", e)
