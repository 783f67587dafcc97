# features: typing module reprs, List, Dict, Optional, Union, Callable, builtin generics, annotations
import typing
from typing import List, Dict, Optional, Union, Tuple, Callable, Any, Set

print(List[int], Dict[str, int], Optional[int], Union[int, str])
print(Tuple[int, ...], Tuple[int, str], Callable[[int], str], Any, Set[float])
print(list[int], dict[str, list[int]], tuple[int, ...], type[int])
print(int | None, int | str, Optional[List[int]])
print(Union[int], Union[int, int, str], Optional[Union[int, str]])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]))

def f(x: int, y: "str" = "a") -> Optional[float]:
    return None

print(f.__annotations__)

class C:
    a: int
    b: List[str] = []

print(C.__annotations__)
print(List[int] == List[int], List[int] == list[int])
print(repr(Optional[str]), str(Dict))
T = typing.TypeVar("T")
print(T, List[T])
