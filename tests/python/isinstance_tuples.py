# features: isinstance with tuples, issubclass, type checks, bool is int, abstract base classes
from collections.abc import Iterable, Sequence, Mapping, Callable
values = [1, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, None, True, len, int]
for v in values:
    print(repr(v).ljust(28), isinstance(v, (int, float)), isinstance(v, (str, bytes)),
          isinstance(v, Iterable), isinstance(v, Sequence), isinstance(v, Mapping), isinstance(v, Callable))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool), type(True) is int)
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(type, object), issubclass(object, type))
print(isinstance(int, type), isinstance(type, type), isinstance(object, object))
print(isinstance(1, (list, (dict, (int,)))), isinstance("x", ()))
print(isinstance(3, int | str), isinstance(None, type(None)), type(None).__name__)

class Base: pass
class Derived(Base): pass
d = Derived()
print(isinstance(d, Base), type(d) is Base, type(d) == Derived, Derived.__subclasses__ if False else Base.__subclasses__())
