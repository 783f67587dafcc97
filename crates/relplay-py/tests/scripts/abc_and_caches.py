from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def name(self): return "sq"
print(Sq(3).area(), isinstance(Sq(2), Shape))
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
from collections.abc import Iterable, Mapping, Sequence, Callable
print(isinstance([1], Iterable), isinstance({}, Mapping), isinstance("s", Sequence), isinstance(len, Callable), isinstance(5, Iterable), issubclass(list, Sequence))
class It:
    def __iter__(self): return iter([])
print(isinstance(It(), Iterable), isinstance(It(), Mapping))
from functools import lru_cache
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(30), fib.cache_info())
